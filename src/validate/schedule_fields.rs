//! A task's schedule must say one coherent thing: an ongoing duty has no
//! dates, a due task has a due date, a recurring one says how often.

use std::ops::Range;

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::plan::file::{Frequency, Schedule, ScheduleKind};

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for task in &context.file.tasks {
        let schedule = task.schedule.get_ref();
        let kind = *schedule.kind.get_ref();
        let (required, optional): (&[&str], &[&str]) = match kind {
            ScheduleKind::Ongoing => (&[], &[]),
            ScheduleKind::Due => (&["due"], &["start"]),
            ScheduleKind::Recurring => (
                &["every"],
                &[
                    "interval",
                    "weekday",
                    "week",
                    "day",
                    "if_weekend",
                    "time",
                    "start",
                    "due",
                ],
            ),
        };
        let kind_name = match kind {
            ScheduleKind::Ongoing => "ongoing",
            ScheduleKind::Due => "due",
            ScheduleKind::Recurring => "recurring",
        };
        let present = present_keys(schedule);
        for key in required {
            if !present.iter().any(|(present_key, _)| present_key == key) {
                found.push(
                    Diagnostic::error(
                        "missing-schedule-field",
                        format!("a `{kind_name}` schedule needs `{key}`"),
                    )
                    .at(schedule.kind.span())
                    .help(format!(
                        "add `{key} = …` to the schedule of task `{}`",
                        task.id.get_ref()
                    )),
                );
            }
        }
        for (key, span) in &present {
            if !required.contains(key) && !optional.contains(key) {
                let help = if kind == ScheduleKind::Ongoing {
                    "an ongoing (\"Thường xuyên\") task has no dates; use kind = \"due\" or \"recurring\" to give it some".to_owned()
                } else {
                    format!(
                        "remove `{key}`; a `{kind_name}` schedule takes: {}",
                        required
                            .iter()
                            .chain(optional)
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                found.push(
                    Diagnostic::error(
                        "schedule-field-does-not-fit",
                        format!("`{key}` does not apply to a `{kind_name}` schedule"),
                    )
                    .at(span.clone())
                    .help(help),
                );
            }
        }
        if kind == ScheduleKind::Recurring {
            check_recurrence(schedule, found);
        }
    }
}

fn check_recurrence(schedule: &Schedule, found: &mut Vec<Diagnostic>) {
    let every = schedule.every.as_ref().map(|every| *every.get_ref());
    if let (Some(week), None) = (&schedule.week, &schedule.weekday) {
        found.push(
            Diagnostic::error("incomplete-rule", "`week` needs a `weekday`")
                .at(week.span())
                .help("say which day of that week, e.g. weekday = \"wednesday\""),
        );
    }
    if let (Some(day), Some(_)) = (&schedule.day, &schedule.weekday) {
        found.push(
            Diagnostic::error(
                "conflicting-rule",
                "a schedule cannot have both `day` and `weekday`",
            )
            .at(day.span())
            .help("use `day` for a day of the month (the 15th) or `weekday` for a day of the week"),
        );
    }
    if let (Some(day), Some(Frequency::Week)) = (&schedule.day, every) {
        found.push(
            Diagnostic::error(
                "conflicting-rule",
                "a weekly schedule cannot fall on a day of the month",
            )
            .at(day.span())
            .help("use `weekday` for a weekly event"),
        );
    }
    if let (Some(week), Some(Frequency::Week)) = (&schedule.week, every) {
        found.push(
            Diagnostic::error(
                "conflicting-rule",
                "a weekly schedule has no week of the month",
            )
            .at(week.span())
            .help("remove `week`, or make the schedule monthly"),
        );
    }
    if let (Some(shift), None) = (&schedule.if_weekend, &schedule.day) {
        found.push(
            Diagnostic::error(
                "incomplete-rule",
                "`if_weekend` only applies to a `day` of the month",
            )
            .at(shift.span())
            .help("add `day = …`, or remove `if_weekend`"),
        );
    }
    if let Some(time) = &schedule.time
        && chrono::NaiveTime::parse_from_str(time.get_ref(), "%H:%M").is_err()
    {
        found.push(
            Diagnostic::error(
                "invalid-time",
                format!("`{}` is not a time of day", time.get_ref()),
            )
            .at(time.span())
            .help("write the time as HH:MM, e.g. \"06:30\""),
        );
    }
}

fn present_keys(schedule: &Schedule) -> Vec<(&'static str, Range<usize>)> {
    let mut present = Vec::new();
    let mut note = |key: &'static str, span: Option<Range<usize>>| {
        if let Some(span) = span {
            present.push((key, span));
        }
    };
    note(
        "start",
        schedule
            .start
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "due",
        schedule
            .due
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "every",
        schedule
            .every
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "interval",
        schedule
            .interval
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "weekday",
        schedule
            .weekday
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "week",
        schedule
            .week
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "day",
        schedule
            .day
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "if_weekend",
        schedule
            .if_weekend
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "time",
        schedule
            .time
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    present
}
