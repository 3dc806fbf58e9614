//! The checks that run on a plan once it has been read. Each rule lives in
//! its own file and is listed once in [`RULES`]; every rule runs, and every
//! problem is collected, so a person can fix them all in one pass. Then the
//! plan is converted to its validated model (`plan::build`), which checks the
//! keys of each target and schedule kind as it reads them.

mod calendar_rules;
mod corrections;
mod dates;
mod duplicate_ids;
pub mod file_name_ids;
pub mod forbidden_characters;
mod names;
mod placeholders;
mod records;
mod references;
mod text_fields;
mod through_time;
mod value_ranges;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::plan::file::{PlanFile, Record};
use crate::plan::model::Plan;
use crate::read::diagnostic::{self, Diagnostic};
use crate::read::load::LoadedPlan;
use crate::read::source_file::SourceFile;

/// What every rule gets to look at.
#[derive(Debug)]
pub struct Context<'a> {
    pub file: &'a PlanFile,
    pub source: &'a SourceFile,
    /// The day against which "in the future" is judged.
    pub today: NaiveDate,
    pub unit_ids: HashSet<&'a str>,
    pub index_ids: HashSet<&'a str>,
    pub task_ids: HashSet<&'a str>,
    pub target_ids: HashSet<&'a str>,
    /// How many more "did you mean …?" the plan's problems may get: each
    /// compares with every id, so a plan of thousands of misspelt ids would
    /// take hours; past the diagnostics shown in full, none is needed.
    suggestions_left: std::cell::Cell<usize>,
}

/// The most suggestions one plan's problems get (twice those shown in full).
const SUGGESTIONS: usize = 2 * diagnostic::SHOWN_IN_FULL;

impl<'a> Context<'a> {
    /// "did you mean `hc-th`?" for `word` among `candidates`, while the
    /// plan's budget of suggestions lasts.
    pub fn did_you_mean<'c>(
        &self,
        word: &str,
        candidates: impl IntoIterator<Item = &'c str>,
    ) -> Option<String> {
        let left = self.suggestions_left.get();
        if left == 0 {
            return None;
        }
        self.suggestions_left.set(left - 1);
        crate::words::suggest::did_you_mean(word, candidates)
    }

    pub fn new(file: &'a PlanFile, source: &'a SourceFile, today: NaiveDate) -> Self {
        let unreadable = file.unreadable_ids.iter().map(String::as_str);
        let ids = |iter: Box<dyn Iterator<Item = &'a str> + 'a>| -> HashSet<&'a str> {
            iter.chain(unreadable.clone()).collect()
        };
        Self {
            suggestions_left: std::cell::Cell::new(SUGGESTIONS),
            file,
            source,
            today,
            unit_ids: ids(Box::new(
                file.units.iter().map(|unit| unit.id.get_ref().as_str()),
            )),
            index_ids: ids(Box::new(
                file.indices.iter().map(|index| index.id.get_ref().as_str()),
            )),
            task_ids: ids(Box::new(
                file.tasks.iter().map(|task| task.id.get_ref().as_str()),
            )),
            target_ids: ids(Box::new(
                file.targets
                    .iter()
                    .map(|target| target.id.get_ref().as_str()),
            )),
        }
    }

    /// The line a span of the plan's types starts on, for "first defined here" hints.
    pub fn line_of(&self, span: &std::ops::Range<usize>) -> usize {
        self.source
            .location(span.start + self.source.bom_len())
            .line
    }

    /// The plan's year, if the [plan] table could be read.
    pub fn year(&self) -> Option<i64> {
        self.file.plan.as_ref().map(|plan| *plan.year.get_ref())
    }

    /// The plan's first and last year: `until`, for a plan of several
    /// years, when it is a year from the first on.
    pub fn years(&self) -> Option<(i64, i64)> {
        let plan = self.file.plan.as_ref()?;
        let first = *plan.year.get_ref();
        let last = plan
            .until
            .as_ref()
            .map(|until| *until.get_ref())
            .filter(|until| *until >= first)
            .unwrap_or(first);
        Some((first, last))
    }

    /// The records of each task, then of each target: one history each.
    pub fn histories(&self) -> impl Iterator<Item = &'a [Record]> {
        let file = self.file;
        file.tasks
            .iter()
            .map(|task| task.records.as_slice())
            .chain(file.targets.iter().map(|target| target.records.as_slice()))
            .chain(file.reporting.iter().map(|duty| duty.records.as_slice()))
    }

    /// Every record in the plan, with the id of the task or target it is under.
    pub fn records(&self) -> impl Iterator<Item = (&'a str, &'a Record)> {
        let file = self.file;
        file.tasks
            .iter()
            .flat_map(|task| {
                task.records
                    .iter()
                    .map(move |record| (task.id.get_ref().as_str(), record))
            })
            .chain(file.targets.iter().flat_map(|target| {
                target
                    .records
                    .iter()
                    .map(move |record| (target.id.get_ref().as_str(), record))
            }))
            .chain(file.reporting.iter().flat_map(|duty| {
                let id = duty.id.as_ref().map_or("", |id| id.get_ref().as_str());
                duty.records.iter().map(move |record| (id, record))
            }))
    }
}

type Rule = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Every rule, in the order their problems are most useful to read.
const RULES: &[Rule] = &[
    duplicate_ids::check,
    file_name_ids::check,
    forbidden_characters::check,
    text_fields::check,
    names::check,
    placeholders::check,
    references::check,
    calendar_rules::check,
    value_ranges::check,
    dates::check,
    through_time::check,
    records::check,
    corrections::check,
];

/// A plan read from disk and checked: the file with every problem found,
/// the validated model when there were no errors, and the day taken as today
/// (in the plan's time zone).
#[derive(Debug)]
pub struct CheckedPlan {
    pub loaded: LoadedPlan,
    pub plan: Option<Plan>,
    pub today: NaiveDate,
}

/// Reads the plan at `path` and checks it.
pub fn check(path: &std::path::Path) -> anyhow::Result<CheckedPlan> {
    check_bytes(path, crate::read::load::read(path)?)
}

/// Checks a plan already read (`path` only names it in messages).
pub fn check_bytes(path: &std::path::Path, bytes: Vec<u8>) -> anyhow::Result<CheckedPlan> {
    let mut loaded = crate::read::load::load_bytes(path, bytes);
    let today = crate::time::today::today(time_zone_name(&loaded.file))?;
    let plan = validate(&mut loaded, today);
    Ok(CheckedPlan {
        loaded,
        plan,
        today,
    })
}

/// The time zone the plan names, if it could be read.
pub fn time_zone_name(file: &PlanFile) -> Option<&str> {
    file.plan
        .as_ref()?
        .time_zone
        .as_ref()
        .map(|zone| zone.get_ref().as_str())
}

/// Runs every rule on a loaded plan, converts it to the validated model, and
/// adds every problem found to the loader's. The model comes back only when
/// the plan has no errors.
pub fn validate(loaded: &mut LoadedPlan, today: NaiveDate) -> Option<Plan> {
    let context = Context::new(&loaded.file, &loaded.source, today);
    let mut found = Vec::new();
    for rule in RULES {
        rule(&context, &mut found);
    }
    let plan = crate::plan::build::build(&loaded.file, &mut found);
    // Spans in the plan's types count from after a byte-order mark.
    let offset = loaded.source.bom_len();
    for diagnostic in &mut found {
        if let Some(span) = &mut diagnostic.span {
            *span = span.start + offset..span.end + offset;
        }
    }
    loaded.diagnostics.extend(found);
    diagnostic::sort(&mut loaded.diagnostics);
    plan.filter(|_| !loaded.has_errors())
}
