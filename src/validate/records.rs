//! Each record must say something, and say it where it belongs: progress on
//! tasks, measured values on targets, and under a reporting duty, which unit
//! filed the report for which period.

use super::Context;
use crate::plan::file::Record;
use crate::plan::spanned::Spanned;
use crate::plan::target_kind::{Measure, Quantity};
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for record in context
        .file
        .tasks
        .iter()
        .flat_map(|task| &task.records)
        .chain(
            context
                .file
                .targets
                .iter()
                .flat_map(|target| &target.records),
        )
    {
        if let Some(period) = &record.period {
            found.push(
                Diagnostic::error("period-outside-reporting", "`period` only goes with a filed report")
                    .at(period.span())
                    .help("a task's or target's record is dated by `date`; `period` belongs under [[reporting.records]]"),
            );
        }
    }
    for duty in &context.file.reporting {
        for record in &duty.records {
            check_filed_report(context, record, found);
        }
    }
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
        let ranked = kind.quantity() == Some(Quantity::Rank);
        for record in &target.records {
            if says_nothing(context, record) {
                found.push(
                    Diagnostic::error("empty-record", "this record says nothing")
                        .at(record.date.span())
                        .help(if kind.measure() == Measure::Status {
                            "give it `status = \"done\"` once delivered, or a `note`"
                        } else {
                            "give it the measured `value`, or a `note`"
                        }),
                );
            }
            if let (Some(verdict), false) = (&record.verdict, kind.measure() == Measure::Verdict) {
                found.push(
                    Diagnostic::error("verdict-without-qualitative", "`verdict` only goes with a qualitative target")
                        .at(verdict.span())
                        .help("record the target's value or status instead; `verdict` judges `kind = \"qualitative\"` targets"),
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

/// A filed report says who sent it (`by`) and for which `period`; it has no
/// progress or value of its own.
fn check_filed_report(context: &Context<'_>, record: &Record, found: &mut Vec<Diagnostic>) {
    let missing = [
        ("by", record.by.is_none(), "by = \"thanh-tra\""),
        ("period", record.period.is_none(), "period = \"2024-Q2\""),
    ];
    for (key, absent, example) in missing {
        if absent && !context.file.unreadable_key_within(key, &record.extent) {
            found.push(
                Diagnostic::error("filed-report-incomplete", format!("this filed report has no `{key}`"))
                    .at(record.date.span())
                    .help(format!("a report filed under a reporting duty says who sent it and for which period, e.g. {example}")),
            );
        }
    }
    let spans = [
        ("status", record.status.as_ref().map(Spanned::span)),
        ("value", record.value.as_ref().map(Spanned::span)),
        ("of", record.of.as_ref().map(Spanned::span)),
    ];
    for (key, span) in spans {
        if let Some(span) = span {
            found.push(
                Diagnostic::error("not-for-filed-report", format!("a filed report has no `{key}`"))
                    .at(span)
                    .help("a filed report says who sent which period's report and when; progress and values belong under the task or target"),
            );
        }
    }
}

/// No status, value or note, and none of them was there with the wrong type
/// (which was reported already).
fn says_nothing(context: &Context<'_>, record: &Record) -> bool {
    record.status.is_none()
        && record.note.is_none()
        && record.value.is_none()
        && record.verdict.is_none()
        && !["status", "note", "value", "verdict"]
            .iter()
            .any(|key| context.file.unreadable_key_within(key, &record.extent))
}
