//! Every id a plan refers to must exist: a task's index and units, a target's
//! task and index, a record's unit and the record it corrects, a reporting
//! duty's units, a group's members, a unit's successor.

use std::collections::HashSet;

use super::Context;
use crate::plan::file::{Id, UnitKind};
use crate::read::diagnostic::Diagnostic;
use crate::words::suggest;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    check_units(context, found);
    for task in &file.tasks {
        require(&task.index, "index", &context.index_ids, found);
        for unit in task.lead.get_ref().iter().chain(&task.coordinating) {
            require(unit, "unit", &context.unit_ids, found);
        }
    }
    // A band named by a target or a result is one of the plan's `bands`.
    let bands: Vec<&str> = file
        .plan
        .iter()
        .flat_map(|plan| &plan.bands)
        .map(|band| band.get_ref().as_str())
        .collect();
    let named_bands = file
        .results
        .iter()
        .filter_map(|result| result.band.as_ref())
        .chain(
            file.targets
                .iter()
                .filter_map(|target| target.band.as_ref()),
        );
    for band in named_bands {
        if !bands.contains(&band.get_ref().as_str()) {
            let help = if bands.is_empty() {
                "list the bands results are published in, lowest first, in [plan]: bands = [\"trung bình\", \"khá\", \"tốt\", \"rất tốt\"]".to_owned()
            } else {
                format!("the plan's bands are: {}", bands.join(", "))
            };
            found.push(
                Diagnostic::error(
                    "unknown-band",
                    format!("“{}” is not one of the plan's bands", band.get_ref()),
                )
                .at(band.span())
                .label("unknown band")
                .help(help),
            );
        }
    }
    for result in &file.results {
        if let Some(index) = &result.index {
            require(index, "index", &context.index_ids, found);
        }
    }
    for target in &file.targets {
        if let Some(task_id) = &target.task {
            require(task_id, "task", &context.task_ids, found);
        }
        if let Some(unit) = &target.reported_by {
            require(unit, "unit", &context.unit_ids, found);
        }
        if let Some(index) = &target.index {
            require(index, "index", &context.index_ids, found);
            let task_index = target.task.as_ref().and_then(|task_id| {
                file.tasks
                    .iter()
                    .find(|task| task.id.get_ref() == task_id.get_ref())
                    .map(|task| task.index.get_ref())
            });
            if let Some(task_index) = task_index.filter(|task_index| *task_index != index.get_ref())
            {
                found.push(
                    Diagnostic::warning(
                        "index-mismatch",
                        format!(
                            "target `{}` is under index `{}` but its task is under `{task_index}`",
                            target.id.get_ref(),
                            index.get_ref()
                        ),
                    )
                    .at(index.span())
                    .help("remove `index`: a target with a task takes the task's index"),
                );
            }
        }
    }
    for duty in &file.reporting {
        for unit in duty.from.get_ref().iter().chain(&duty.to) {
            require(unit, "unit", &context.unit_ids, found);
        }
    }
    check_records(context, found);
}

/// A group's members and a unit's successor.
fn check_units(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for unit in &context.file.units {
        if !unit.members.is_empty() && unit.kind != Some(UnitKind::Group) {
            found.push(
                Diagnostic::error(
                    "members-outside-group",
                    format!(
                        "unit `{}` lists members but is not a group",
                        unit.id.get_ref()
                    ),
                )
                .at(unit.id.span())
                .help("add `kind = \"group\"` to this unit, or remove `members`"),
            );
        }
        for member in unit.members.iter().chain(&unit.successor) {
            require(member, "unit", &context.unit_ids, found);
        }
    }
}

fn check_records(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for records in context.histories() {
        let ids: HashSet<&str> = records
            .iter()
            .filter_map(|record| record.id.as_ref())
            .map(|id| id.get_ref().as_str())
            .collect();
        for record in records {
            if let Some(by) = &record.by {
                require(by, "unit", &context.unit_ids, found);
            }
            if let Some(corrects) = &record.corrects {
                require(corrects, "record of this task or target", &ids, found);
            }
        }
    }
}

/// Reports `reference` if it is not among `known`, suggesting the closest id.
fn require(reference: &Id, kind: &str, known: &HashSet<&str>, found: &mut Vec<Diagnostic>) {
    let name = reference.get_ref();
    if known.contains(name.as_str()) {
        return;
    }
    let help = suggest::did_you_mean(name, known.iter().copied()).unwrap_or_else(|| {
        let mut ids: Vec<&str> = known.iter().copied().collect();
        ids.sort_unstable();
        match ids.len() {
            0 => format!("there is no {kind} with an id to refer to"),
            1..=6 => format!("the ids you can use here: {}", ids.join(", ")),
            _ => format!("use the id of a {kind} defined in this plan"),
        }
    });
    found.push(
        Diagnostic::error(
            "unknown-reference",
            format!("no {kind} has the id `{name}`"),
        )
        .at(reference.span())
        .label(format!("unknown {kind}"))
        .help(help),
    );
}
