//! Each record must say something, and say it where it belongs: progress on
//! tasks, measured values on targets.

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::plan::file::{Record, TargetKind};

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for task in &context.file.tasks {
        for record in &task.records {
            if let Some(value) = &record.value {
                found.push(
                    Diagnostic::error(
                        "value-on-task",
                        "a task record cannot carry a measured value",
                    )
                    .at(value.span())
                    .help("measurements belong to a target: record them with the target's id"),
                );
            }
            if says_nothing(context, record) {
                found.push(
                    Diagnostic::error("empty-record", "this record says nothing")
                        .at(record.date.span())
                        .help("give it a `status`, a `note`, or both"),
                );
            }
        }
    }
    for target in &context.file.targets {
        let kind = *target.kind.get_ref();
        let ranked = matches!(kind, TargetKind::RankImprovement | TargetKind::RankAtMost);
        for record in &target.records {
            if says_nothing(context, record) {
                found.push(
                    Diagnostic::error("empty-record", "this record says nothing")
                        .at(record.date.span())
                        .help(if kind == TargetKind::Deliverable {
                            "give it `status = \"done\"` once delivered, or a `note`"
                        } else {
                            "give it the measured `value`, or a `note`"
                        }),
                );
            }
            if let (Some(of), false) = (&record.of, ranked) {
                found.push(
                    Diagnostic::error("of-without-rank", "`of` only goes with a rank")
                        .at(of.span())
                        .help("remove `of`; it is the group size for rank targets"),
                );
            }
        }
    }
}

/// No status, value or note, and none of them was there with the wrong type
/// (which was reported already).
fn says_nothing(context: &Context<'_>, record: &Record) -> bool {
    record.status.is_none()
        && record.note.is_none()
        && record.value.is_none()
        && !["status", "note", "value"]
            .iter()
            .any(|key| context.file.unreadable_key_within(key, &record.extent))
}
