//! Ids must be unique within their kind: two tasks called "3.5" make every
//! record and report about "3.5" ambiguous.

use std::collections::HashMap;

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::plan::file::Id;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    let ids: [(&str, Box<dyn Iterator<Item = &Id>>); 6] = [
        ("unit", Box::new(file.units.iter().map(|unit| &unit.id))),
        (
            "index",
            Box::new(file.indices.iter().map(|index| &index.id)),
        ),
        ("task", Box::new(file.tasks.iter().map(|task| &task.id))),
        (
            "target",
            Box::new(file.targets.iter().map(|target| &target.id)),
        ),
        (
            "reporting duty",
            Box::new(file.reporting.iter().filter_map(|duty| duty.id.as_ref())),
        ),
        (
            "record",
            Box::new(
                context
                    .records()
                    .filter_map(|(_, record)| record.id.as_ref()),
            ),
        ),
    ];
    for (kind, ids) in ids {
        report(context, kind, ids, found);
    }
}

fn report<'a>(
    context: &Context<'_>,
    kind: &str,
    ids: impl Iterator<Item = &'a Id>,
    found: &mut Vec<Diagnostic>,
) {
    let mut first_seen: HashMap<&str, &Id> = HashMap::new();
    for id in ids {
        if let Some(first) = first_seen.get(id.get_ref().as_str()) {
            found.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("there is already a {kind} with id `{}`", id.get_ref()),
                )
                .at(id.span())
                .label("second use of this id")
                .help(format!(
                    "give this {kind} another id; the first one is on line {}",
                    context.line_of(&first.span())
                )),
            );
        } else {
            first_seen.insert(id.get_ref(), id);
        }
    }
}
