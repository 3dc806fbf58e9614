//! Ids must be unique: two tasks called "3.5" make every record and report
//! about "3.5" ambiguous, and a target sharing its id with a task could never
//! be recorded (`ddci record 3.5` names the task). Units, indices, tasks,
//! targets and reporting duties share one namespace; record ids another.

use std::collections::HashMap;

use super::Context;
use crate::plan::file::Id;
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    let entries = file
        .units
        .iter()
        .map(|unit| ("unit", &unit.id))
        .chain(file.indices.iter().map(|index| ("index", &index.id)))
        .chain(file.tasks.iter().map(|task| ("task", &task.id)))
        .chain(file.targets.iter().map(|target| ("target", &target.id)))
        .chain(
            file.reporting
                .iter()
                .filter_map(|duty| Some(("reporting duty", duty.id.as_ref()?))),
        );
    // In file order, so the one met first is "first", whatever its kind.
    let mut entries: Vec<(&str, &Id)> = entries.collect();
    entries.sort_by_key(|(_, id)| id.span().start);
    report(context, entries.into_iter(), found);
    let records = context
        .records()
        .filter_map(|(_, record)| Some(("record", record.id.as_ref()?)));
    report(context, records, found);
}

fn report<'a>(
    context: &Context<'_>,
    ids: impl Iterator<Item = (&'static str, &'a Id)>,
    found: &mut Vec<Diagnostic>,
) {
    let mut first_seen: HashMap<&str, (&str, &Id)> = HashMap::new();
    for (kind, id) in ids {
        if let Some((first_kind, first)) = first_seen.get(id.get_ref().as_str()) {
            let message = if *first_kind == kind {
                format!("there is already a {kind} with id `{}`", id.get_ref())
            } else {
                format!(
                    "this {kind}'s id `{}` is already the id of a {first_kind}",
                    id.get_ref()
                )
            };
            found.push(
                Diagnostic::error("duplicate-id", message)
                    .at(id.span())
                    .label("second use of this id")
                    .help(format!(
                        "give this {kind} another id; the first one is on line {}",
                        context.line_of(&first.span())
                    )),
            );
        } else {
            first_seen.insert(id.get_ref(), (kind, id));
        }
    }
}
