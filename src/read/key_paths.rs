//! Key paths inside a plan: from serde's path to the key's span in the file,
//! the keys a table may have (for suggestions), and the innermost value
//! that holds a span.

use toml::Spanned;
use toml::de::DeValue;

use crate::plan::file::{
    BasisDocument, ComponentIndex, PlanHeader, PublishedResult, RankOf, Record, ReportingDuty,
    Schedule, Scores, Signatory, Target, Task, Unit, WorkingDaysSettings,
};
use crate::read::field_names;

/// The top-level tables and arrays a plan may have.
pub const SECTIONS: &[&str] = &[
    "plan",
    "units",
    "indices",
    "tasks",
    "targets",
    "reporting",
    "results",
];

/// One step of a key path inside the file: a key or an array position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Seg {
    Key(String),
    Index(usize),
}

impl Seg {
    pub(super) fn key(key: &str) -> Self {
        Self::Key(key.to_owned())
    }
}

/// Turns `serde_ignored`'s path into key-path segments, dropping the private
/// wrapper keys `toml::Spanned` uses.
pub(super) fn segments(path: &serde_ignored::Path<'_>) -> Vec<Seg> {
    let mut reversed = Vec::new();
    let mut current = path;
    loop {
        match current {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                reversed.push(Seg::Index(*index));
                current = parent;
            }
            serde_ignored::Path::Map { parent, key } => {
                if !key.starts_with("$__") {
                    reversed.push(Seg::Key(key.clone()));
                }
                current = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => current = parent,
        }
    }
    reversed.reverse();
    reversed
}

/// The keys of the table at `path`, for suggestions.
pub(super) fn fields_at(path: &[Seg]) -> &'static [&'static str] {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|seg| match seg {
            Seg::Key(key) => Some(key.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        ["plan"] => field_names::of::<PlanHeader>(),
        ["plan", "based_on"] => field_names::of::<BasisDocument>(),
        ["plan", "signed_by"] => field_names::of::<Signatory>(),
        ["plan", "overall"] => field_names::of::<Scores>(),
        ["plan", "working_days"] => field_names::of::<WorkingDaysSettings>(),
        [.., "previous_rank" | "baseline_rank"] => field_names::of::<RankOf>(),
        ["units"] => field_names::of::<Unit>(),
        ["indices"] => field_names::of::<ComponentIndex>(),
        ["tasks"] => field_names::of::<Task>(),
        ["tasks", "schedule"] => field_names::of::<Schedule>(),
        ["tasks" | "targets", "records"] => field_names::of::<Record>(),
        ["targets"] => field_names::of::<Target>(),
        ["reporting"] => field_names::of::<ReportingDuty>(),
        ["results"] => field_names::of::<PublishedResult>(),
        _ => &[],
    }
}

pub(super) fn describe_path(path: &[Seg]) -> String {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|seg| match seg {
            Seg::Key(key) => Some(key.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        [] => crate::say!("kế hoạch", "a plan"),
        [section] => format!("[{section}]"),
        _ => format!("`{}`", keys.join(".")),
    }
}

pub(super) fn key_span(
    root: &Spanned<DeValue<'_>>,
    parent: &[Seg],
    name: &str,
) -> Option<std::ops::Range<usize>> {
    let mut current = root;
    for seg in parent {
        current = match (seg, current.get_ref()) {
            (Seg::Key(key), DeValue::Table(table)) => table.get(key.as_str())?,
            (Seg::Index(index), DeValue::Array(array)) => array.get(*index)?,
            _ => return None,
        };
    }
    match current.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .find(|(key, _)| key.get_ref().as_ref() == name)
            .map(|(key, _)| key.span()),
        _ => None,
    }
}

/// Takes out of `value` the innermost key (or array element) whose value
/// holds `span`, and names it; `None` when nothing inside holds it.
pub(super) fn remove_offender(
    value: &mut Spanned<DeValue<'_>>,
    span: &std::ops::Range<usize>,
) -> Option<String> {
    let holds = |candidate: &Spanned<DeValue<'_>>| {
        let outer = candidate.span();
        outer.start <= span.start && span.end <= outer.end
    };
    match value.get_mut() {
        DeValue::Table(table) => {
            let key = table
                .iter()
                .find(|(_, child)| holds(child))
                .map(|(key, _)| key.get_ref().to_string())?;
            let child = table.get_mut(key.as_str())?;
            if let Some(inner) = remove_offender(child, span) {
                return Some(inner);
            }
            table.remove(key.as_str());
            Some(key)
        }
        DeValue::Array(array) => {
            let position = array.iter().position(holds)?;
            let mut items: Vec<Spanned<DeValue<'_>>> = array.iter().cloned().collect();
            if let Some(inner) = remove_offender(&mut items[position], span) {
                *array = items.into_iter().collect();
                return Some(inner);
            }
            items.remove(position);
            *array = items.into_iter().collect();
            Some(format!("[{position}]"))
        }
        _ => None,
    }
}

/// The end of the last key or value inside a table, however deeply nested.
pub(super) fn content_end(value: &Spanned<DeValue<'_>>) -> usize {
    let own = value.span().end;
    match value.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .map(|(key, value)| key.span().end.max(content_end(value)))
            .fold(own, usize::max),
        DeValue::Array(array) => array.iter().map(content_end).fold(own, usize::max),
        _ => own,
    }
}

pub(super) fn raw_id(element: &Spanned<DeValue<'_>>) -> Option<String> {
    match element.get_ref() {
        DeValue::Table(table) => table
            .get("id")
            .and_then(|id| id.get_ref().as_str())
            .map(str::to_owned),
        _ => None,
    }
}
