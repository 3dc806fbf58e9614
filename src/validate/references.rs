//! Every id a plan refers to must exist: a task's index and units, a target's
//! task and index, a record's unit and the record it corrects, a reporting
//! duty's units, a group's members, a unit's successor.

use std::collections::HashSet;

use super::Context;
use crate::plan::file::{Id, UnitKind};
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    check_units(context, found);
    for task in &file.tasks {
        require(context, &task.index, Kind::Index, &context.index_ids, found);
        for unit in task.lead.get_ref().iter().chain(&task.coordinating) {
            require(context, unit, Kind::Unit, &context.unit_ids, found);
        }
    }
    check_bands(context, found);
    for result in &file.results {
        if let Some(index) = &result.index {
            require(context, index, Kind::Index, &context.index_ids, found);
        }
    }
    for target in &file.targets {
        if let Some(task_id) = &target.task {
            require(context, task_id, Kind::Task, &context.task_ids, found);
        }
        if let Some(unit) = &target.reported_by {
            require(context, unit, Kind::Unit, &context.unit_ids, found);
        }
        if let Some(index) = &target.index {
            require(context, index, Kind::Index, &context.index_ids, found);
            let task_index = target.task.as_ref().and_then(|task_id| {
                file.tasks
                    .iter()
                    .find(|task| task.id.get_ref() == task_id.get_ref())
                    .map(|task| task.index.get_ref())
            });
            if let Some(task_index) = task_index.filter(|task_index| *task_index != index.get_ref())
            {
                let (target_id, own) = (target.id.get_ref(), index.get_ref());
                found.push(
                    Diagnostic::warning(
                        "index-mismatch",
                        crate::say!(
                            "chỉ tiêu `{target_id}` thuộc chỉ số `{own}` nhưng nhiệm vụ của nó thuộc `{task_index}`",
                            "target `{target_id}` is under index `{own}` but its task is under `{task_index}`"
                        ),
                    )
                    .at(index.span())
                    .help(crate::say!(
                        "bỏ `index`: chỉ tiêu gắn với nhiệm vụ thì thuộc chỉ số của nhiệm vụ đó",
                        "remove `index`: a target with a task takes the task's index"
                    )),
                );
            }
        }
    }
    for duty in &file.reporting {
        for unit in duty.from.get_ref().iter().chain(&duty.to) {
            require(context, unit, Kind::Unit, &context.unit_ids, found);
        }
    }
    check_records(context, found);
}

/// A band named by a target or a result is one of the plan's `bands`.
fn check_bands(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
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
                crate::say!(
                    "liệt kê các mức xếp loại mà kết quả được công bố, từ thấp đến cao, trong [plan]: bands = [\"trung bình\", \"khá\", \"tốt\", \"rất tốt\"]",
                    "list the bands results are published in, lowest first, in [plan]: bands = [\"trung bình\", \"khá\", \"tốt\", \"rất tốt\"]"
                )
            } else {
                let bands = bands.join(", ");
                crate::say!(
                    "các mức xếp loại của kế hoạch là: {bands}",
                    "the plan's bands are: {bands}"
                )
            };
            let named = band.get_ref();
            found.push(
                Diagnostic::error(
                    "unknown-band",
                    crate::say!(
                        "“{named}” không phải một mức xếp loại của kế hoạch",
                        "“{named}” is not one of the plan's bands"
                    ),
                )
                .at(band.span())
                .label(crate::say!(
                    "mức xếp loại không có trong kế hoạch",
                    "unknown band"
                ))
                .help(help),
            );
        }
    }
}

/// A group's members and a unit's successor.
fn check_units(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for unit in &context.file.units {
        if !unit.members.is_empty() && unit.kind != Some(UnitKind::Group) {
            let unit_id = unit.id.get_ref();
            found.push(
                Diagnostic::error(
                    "members-outside-group",
                    crate::say!(
                        "đơn vị `{unit_id}` có liệt kê thành viên nhưng không phải một nhóm",
                        "unit `{unit_id}` lists members but is not a group"
                    ),
                )
                .at(unit.id.span())
                .help(crate::say!(
                    "thêm `kind = \"group\"` cho đơn vị này, hoặc bỏ `members`",
                    "add `kind = \"group\"` to this unit, or remove `members`"
                )),
            );
        }
        for member in unit.members.iter().chain(&unit.successor) {
            require(context, member, Kind::Unit, &context.unit_ids, found);
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
                require(context, by, Kind::Unit, &context.unit_ids, found);
            }
            if let Some(corrects) = &record.corrects {
                require(context, corrects, Kind::Record, &ids, found);
            }
        }
    }
}

/// What a reference names.
#[derive(Clone, Copy)]
enum Kind {
    Index,
    Unit,
    Task,
    /// A record of the same task or target.
    Record,
}

impl Kind {
    /// Its name in the language spoken.
    fn name(self) -> String {
        match self {
            Self::Index => crate::say!("chỉ số thành phần", "index"),
            Self::Unit => crate::say!("đơn vị", "unit"),
            Self::Task => crate::say!("nhiệm vụ", "task"),
            Self::Record => crate::say!(
                "bản ghi của nhiệm vụ hoặc chỉ tiêu này",
                "record of this task or target"
            ),
        }
    }

    /// "No such thing" in Vietnamese, which puts "nào" after the noun.
    fn none_vi(self) -> &'static str {
        match self {
            Self::Index => "không có chỉ số thành phần nào",
            Self::Unit => "không có đơn vị nào",
            Self::Task => "không có nhiệm vụ nào",
            Self::Record => "không có bản ghi nào của nhiệm vụ hoặc chỉ tiêu này",
        }
    }
}

/// Reports `reference` if it is not among `known`, suggesting the closest id.
fn require(
    context: &Context<'_>,
    reference: &Id,
    kind: Kind,
    known: &HashSet<&str>,
    found: &mut Vec<Diagnostic>,
) {
    let name = reference.get_ref();
    if known.contains(name.as_str()) {
        return;
    }
    let none = kind.none_vi();
    let kind = kind.name();
    let help = context
        .did_you_mean(name, known.iter().copied())
        .unwrap_or_else(|| {
            // Only a short list is gathered and sorted: once per problem, a
            // plan's every id would make thousands of problems quadratic.
            let mut ids: Vec<&str> = if known.len() <= 6 {
                known.iter().copied().collect()
            } else {
                Vec::new()
            };
            ids.sort_unstable();
            match known.len() {
                0 => crate::say!(
                    "{none} có mã để tham chiếu tới",
                    "there is no {kind} with an id to refer to"
                ),
                1..=6 => {
                    let ids = ids.join(", ");
                    crate::say!(
                        "các mã có thể dùng ở đây: {ids}",
                        "the ids you can use here: {ids}"
                    )
                }
                _ => crate::say!(
                    "dùng mã của một {kind} có trong kế hoạch này",
                    "use the id of a {kind} defined in this plan"
                ),
            }
        });
    found.push(
        Diagnostic::error(
            "unknown-reference",
            crate::say!("{none} mang mã `{name}`", "no {kind} has the id `{name}`"),
        )
        .at(reference.span())
        .label(crate::say!(
            "{kind} không có trong kế hoạch",
            "unknown {kind}"
        ))
        .help(help),
    );
}
