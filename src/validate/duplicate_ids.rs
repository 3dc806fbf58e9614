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
            let name = id.get_ref();
            let (kind_vi, first_kind_vi) = (vietnamese(kind), vietnamese(first_kind));
            let message = if *first_kind == kind {
                crate::say!(
                    "đã có một {kind_vi} mang mã `{name}`",
                    "there is already a {kind} with id `{name}`"
                )
            } else {
                crate::say!(
                    "mã `{name}` của {kind_vi} này đã là mã của một {first_kind_vi}",
                    "this {kind}'s id `{name}` is already the id of a {first_kind}"
                )
            };
            let line = context.line_of(&first.span());
            found.push(
                Diagnostic::error("duplicate-id", message)
                    .at(id.span())
                    .label(crate::say!(
                        "mã này được dùng lần thứ hai",
                        "second use of this id"
                    ))
                    .help(crate::say!(
                        "đặt cho {kind_vi} này một mã khác; mã đầu tiên ở dòng {line}",
                        "give this {kind} another id; the first one is on line {line}"
                    )),
            );
        } else {
            first_seen.insert(id.get_ref(), (kind, id));
        }
    }
}

/// What each kind of entry is called in Vietnamese.
fn vietnamese(kind: &str) -> &str {
    match kind {
        "unit" => "đơn vị",
        "index" => "chỉ số thành phần",
        "task" => "nhiệm vụ",
        "target" => "chỉ tiêu",
        "reporting duty" => "nhiệm vụ báo cáo",
        "record" => "bản ghi",
        other => other,
    }
}
