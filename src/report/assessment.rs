//! Section III (achievements, shortcomings, causes) and section IV (the
//! next period), from the period's figures and what units wrote.

use crate::judge::status::{Assessment, TaskFlag, TaskState};
use crate::plan::model::Schedule;
use crate::plan::target_kind::{Measure, Quantity};
use crate::render::describe;
use crate::time::period::format_day;
use crate::words::visible::one_line;

use super::figures::{goal_words, improved, kept_words, plain_value, target_name};
use super::framing::TASK_IN_BODY;
use super::prose::{count, counted, lowercase_first, say, sentence, uppercase_first, without_stop};
use super::task_results::{silent_tasks, task_name};
use super::{NoteKind, Previous, Report};

pub(super) fn achievements(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    // What was achieved, not how many reported (II.2 says who did not).
    let mut lines = Vec::new();
    let finished: Vec<String> = report
        .tasks
        .iter()
        .filter(|entry| {
            let status = report.task(entry);
            matches!(status.state, TaskState::Done | TaskState::DoneLate)
                && entry
                    .in_period
                    .iter()
                    .any(|record| record.status == Some(crate::plan::model::Progress::Done))
        })
        .map(|entry| task_name(report.task(entry).task, TASK_IN_BODY))
        .collect();
    if !finished.is_empty() {
        lines.push(say(
            language,
            format!(
                "Hoàn thành trong kỳ {}: {}.",
                counted(finished.len(), "nhiệm vụ", "task", language),
                finished.join("; ")
            ),
            format!("Completed in the period: {}.", finished.join("; ")),
        ));
    }
    lines.extend(targets_met(report));
    lines.extend(figures_improved(report));
    lines
}

/// The targets met in the period by its own figures, and those met before
/// it (said to be).
fn targets_met(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = Vec::new();
    // A target is met in the period when the period's own figures say so;
    // one done before it is said to be.
    let in_period =
        |entry: &&super::TargetEntry<'_>| entry.measured.is_some() || entry.count_periods.is_some();
    let met: Vec<String> = report
        .targets
        .iter()
        .filter(|entry| entry.judgement == Assessment::Met)
        .filter(in_period)
        .map(|entry| target_name(entry, report))
        .collect();
    let met_before: Vec<String> = report
        .targets
        .iter()
        .filter(|entry| entry.judgement == Assessment::Met && !in_period(entry))
        .map(|entry| {
            let date = entry
                .earlier
                .map(|record| format_day(record.date, language))
                .unwrap_or_default();
            format!("{} ({date})", lowercase_first(&target_name(entry, report)))
        })
        .collect();
    if !report.targets.is_empty() {
        let total = report.targets.len();
        lines.push(if met.is_empty() {
            say(
                language,
                format!(
                    "Chưa có chỉ tiêu nào được đánh giá đạt trong kỳ (0/{}).",
                    count(total, language)
                ),
                format!("No target was met in the period (0 of {total})."),
            )
        } else {
            say(
                language,
                format!(
                    "{}/{} chỉ tiêu đạt trong kỳ: {}.",
                    count(met.len(), language),
                    count(total, language),
                    met.join("; ")
                ),
                format!(
                    "{} of {total} targets met in the period: {}.",
                    met.len(),
                    met.join("; ")
                ),
            )
        });
    }
    if !met_before.is_empty() {
        lines.push(say(
            language,
            format!("Đã đạt từ trước kỳ báo cáo: {}.", met_before.join("; ")),
            format!("Met before the period: {}.", met_before.join("; ")),
        ));
    }
    lines
}

/// The figures that moved the right way since the previous period.
fn figures_improved(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = Vec::new();
    for entry in &report.targets {
        let target = report.target(entry).target;
        let (Some(record), Some(Previous::Value(before))) = (entry.measured, entry.previous) else {
            continue;
        };
        let (Some(now), Some(then)) = (record.value, before.value) else {
            continue;
        };
        if !improved(target.goals.first(), now, then) {
            continue;
        }
        let previous = report
            .request
            .period
            .previous()
            .map(|previous| previous.name(language))
            .unwrap_or_default();
        lines.push(say(
            language,
            format!(
                "{} {} từ {} ({previous}) lên {} (ngày {}).",
                target_name(entry, report),
                if target.goals.first().measure() == Measure::Value(Quantity::Rank) {
                    "cải thiện"
                } else {
                    "tăng"
                },
                plain_value(target, before, language),
                plain_value(target, record, language),
                format_day(record.date, language)
            ),
            format!(
                "{} improved from {} ({previous}) to {} ({}).",
                target_name(entry, report),
                plain_value(target, before, language),
                plain_value(target, record, language),
                format_day(record.date, language)
            ),
        ));
    }
    lines
}

pub(super) fn shortcomings(report: &Report<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    lines.extend(targets_behind(report));
    lines.extend(notes(report, NoteKind::Shortcoming));
    lines.extend(tasks_behind(report));
    lines.extend(periods_unrecorded(report));
    // Tasks with nothing reported are counted once, in II.2.
    lines
}

/// The targets not (yet) met, in one line: each with where it stands and
/// its goal. The figures are in II.1.
/// The targets not met, then those not yet met, each group in one line and
/// with the word II.1 gives it: a year that can no longer be met is "không
/// đạt" here too, one still open "chưa đạt".
fn targets_behind(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = Vec::new();
    for (judgement, vi, en) in [
        (Assessment::NotMet, "không đạt", "not met"),
        (Assessment::NotYetMet, "chưa đạt", "not yet met"),
    ] {
        let behind: Vec<String> = report
            .targets
            .iter()
            .filter(|entry| entry.judgement == judgement)
            .map(|entry| target_behind(report, entry))
            .collect();
        if behind.is_empty() {
            continue;
        }
        let count = uppercase_first(&counted(behind.len(), "chỉ tiêu", "target", language));
        let behind = behind.join("; ");
        lines.push(say(
            language,
            format!("{count} {vi}: {behind}."),
            format!("{count} {en}: {behind}."),
        ));
    }
    lines
}

/// "số buổi tiếp công dân (02/03 tháng đạt, mục tiêu tối thiểu 1 lần/tháng)".
fn target_behind(report: &Report<'_>, entry: &super::TargetEntry<'_>) -> String {
    let language = report.request.language;
    let target = report.target(entry).target;
    // A count's figure is its periods kept, not its last record.
    let now = match &entry.count_periods {
        Some(counted) => kept_words(counted, language),
        None => entry
            .measured
            .map(|record| lowercase_first(&describe::value(target, record, language)))
            .unwrap_or_default(),
    };
    say(
        language,
        format!(
            "{} ({now}, mục tiêu {})",
            lowercase_first(&target_name(entry, report)),
            goal_words(report.target(entry).goal, language)
        ),
        format!(
            "{} ({now}; goal {})",
            lowercase_first(&target_name(entry, report)),
            goal_words(report.target(entry).goal, language)
        ),
    )
    .replace(" (, ", " (")
    .replace(" (; ", " (")
}

/// The overdue tasks (with their due dates), then the blocked ones.
fn tasks_behind(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = Vec::new();
    for (state, vi, en) in [
        (TaskState::Overdue, "Quá hạn, chưa hoàn thành", "Overdue"),
        (TaskState::Blocked, "Gặp vướng mắc", "Blocked"),
    ] {
        for entry in &report.tasks {
            let status = report.task(entry);
            if status.state != state {
                continue;
            }
            let due = status
                .flags
                .iter()
                .find_map(|flag| match flag {
                    TaskFlag::Overdue { due } => Some(format!(
                        "{} {}",
                        say(language, "; hạn", "; due"),
                        format_day(*due, language)
                    )),
                    _ => None,
                })
                .unwrap_or_default();
            lines.push(sentence(&format!(
                "{}: {}{due}",
                say(language, vi, en),
                task_name(status.task, TASK_IN_BODY)
            )));
        }
    }
    lines
}

/// The recurring tasks with periods past and nothing recorded for them.
fn periods_unrecorded(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    report
        .tasks
        .iter()
        .filter(|entry| !entry.missed.is_empty())
        .map(|entry| {
            say(
                language,
                format!(
                    "{}: chưa ghi nhận kết quả {}.",
                    task_name(report.task(entry).task, TASK_IN_BODY),
                    describe::periods_list(&entry.missed, language)
                ),
                format!(
                    "{}: nothing recorded for {}.",
                    task_name(report.task(entry).task, TASK_IN_BODY),
                    describe::periods_list(&entry.missed, language)
                ),
            )
        })
        .collect()
}

/// One unit's notes of one kind: each text once, with the day it was last
/// written.
struct UnitNotes {
    by: Option<crate::plan::model::UnitRef>,
    said: Vec<(String, chrono::NaiveDate)>,
    seen: std::collections::HashSet<String>,
}

/// Shortcomings, causes or proposals units wrote in the period, each as
/// the unit's sentence: "Thanh tra Sở: chưa bố trí được lịch tiếp công dân
/// thay thế." A unit's own report says them as its own, unattributed.
pub(super) fn notes(report: &Report<'_>, kind: NoteKind) -> Vec<String> {
    // Each unit's notes once each (a form imported every week repeats
    // them), its latest few, and how many more: 100,000 records are not
    // 100,000 lines.
    const SHOWN_PER_UNIT: usize = 3;
    // Latest first: the latest saying of a text stands for all of them.
    let mut by_unit: Vec<UnitNotes> = Vec::new();
    for note in report.notes.iter().rev().filter(|note| note.kind == kind) {
        let text = without_stop(&one_line(note.text)).to_owned();
        let slot = if let Some(at) = by_unit.iter().position(|unit| unit.by == note.record.by) {
            at
        } else {
            by_unit.push(UnitNotes {
                by: note.record.by,
                said: Vec::new(),
                seen: std::collections::HashSet::new(),
            });
            by_unit.len() - 1
        };
        let unit = &mut by_unit[slot];
        if unit.seen.insert(text.clone()) {
            unit.said.push((text, note.record.date));
        }
    }
    // Back to the order the units first wrote in, each earliest first.
    by_unit.reverse();
    for unit in &mut by_unit {
        unit.said.reverse();
    }
    let language = report.request.language;
    let mut lines = Vec::new();
    for UnitNotes { by, said, .. } in by_unit {
        let more = said.len().saturating_sub(SHOWN_PER_UNIT);
        for (text, date) in &said[more..] {
            lines.push(match (by, report.request.owner) {
                (Some(by), None) => {
                    let name = describe::unit_name_then(report.plan, by, *date);
                    sentence(&format!(
                        "{}: {}",
                        one_line(name),
                        super::task_results::after_colon(text)
                    ))
                }
                _ => sentence(&uppercase_first(text)),
            });
        }
        if more > 0 {
            let more = say(
                language,
                format!("và {} ý kiến khác trong kỳ", count(more, language)),
                format!("and {more} more in the period"),
            );
            lines.push(match (by, report.request.owner, said.last()) {
                (Some(by), None, Some((_, date))) => sentence(&format!(
                    "{}: {more}",
                    one_line(describe::unit_name_then(report.plan, by, *date))
                )),
                _ => sentence(&uppercase_first(&more)),
            });
        }
    }
    lines
}

pub(super) fn next_period(report: &Report<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    lines.extend(continuing(report));
    lines.extend(due_next(report));
    lines.extend(targets_to_reach(report));
    lines.extend(tasks_to_clear(report));
    lines.extend(reports_to_make(report));
    lines
}

/// The ongoing and recurring tasks not finished, carried on.
fn continuing(report: &Report<'_>) -> Option<String> {
    let language = report.request.language;
    let continuing = report
        .tasks
        .iter()
        .map(|entry| report.task(entry))
        .filter(|status| status.task.schedule.is_continuing() && !status.state.is_finished())
        // A task that ends with this period is not carried on.
        .filter(|status| {
            report
                .request
                .period
                .next()
                .is_none_or(|next| status.task.in_force.overlaps(&next))
        })
        .count();
    // The plan ends with the period: what follows is next year's plan.
    let (_, plan_ends) = report.plan.year_bounds();
    if report
        .request
        .period
        .next()
        .is_none_or(|next| next.start > plan_ends)
    {
        use chrono::Datelike;
        let next_year = plan_ends.year() + 1;
        return Some(say(
            language,
            format!(
                "Xây dựng, ban hành và triển khai Kế hoạch nâng cao Chỉ số DDCI năm {next_year}; tiếp tục các nhiệm vụ thường xuyên, định kỳ và các chỉ tiêu chưa đạt của Kế hoạch này."
            ),
            format!(
                "Draw up, issue and carry out the DDCI plan for {next_year}, carrying on this plan's ongoing and recurring tasks and the targets not yet met."
            ),
        ));
    }
    (continuing > 0).then(|| {
        say(
            language,
            format!(
                "Tiếp tục triển khai {} thường xuyên, định kỳ theo Kế hoạch.",
                counted(continuing, "nhiệm vụ", "task", language)
            ),
            format!(
                "Carry on with {} that run all year or recur, as planned.",
                counted(continuing, "nhiệm vụ", "task", language)
            ),
        )
    })
}

/// The tasks due in the next period and not finished, each with its date;
/// a blocked one is said once, among those whose obstacles are to be removed.
fn due_next(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = Vec::new();
    let Some(next) = report.request.period.next() else {
        return lines;
    };
    for entry in &report.tasks {
        let status = report.task(entry);
        let Schedule::Due { due, .. } = status.task.schedule else {
            continue;
        };
        if next.contains(due)
            && status.task.in_force.covers(due)
            && !status.state.is_finished()
            && status.state != TaskState::Blocked
        {
            lines.push(say(
                language,
                format!(
                    "Hoàn thành {} (hạn {}).",
                    lowercase_first(&task_name(status.task, TASK_IN_BODY)),
                    format_day(due, language)
                ),
                format!(
                    "Complete: {} (due {}).",
                    task_name(status.task, TASK_IN_BODY),
                    format_day(due, language)
                ),
            ));
        }
    }
    lines
}

/// The targets not (yet) met, with their goals, in one line.
fn targets_to_reach(report: &Report<'_>) -> Option<String> {
    let language = report.request.language;
    let next = report.request.period.next();
    let to_reach: Vec<String> = report
        .targets
        .iter()
        .filter(|entry| {
            let status = report.target(entry);
            let short = matches!(entry.judgement, Assessment::NotYetMet | Assessment::NotMet);
            // Met now, but not the goal raised for the period ahead.
            let short_of_next = next.is_some_and(|next| {
                let ahead = status.target.goals.on(next.end);
                ahead != status.goal
                    && status
                        .latest
                        .and_then(|record| ahead.reached(record))
                        .is_some_and(|reached| !reached)
            });
            (short || short_of_next)
                && next.is_none_or(|next| status.target.in_force.overlaps(&next))
        })
        .map(|entry| {
            // The goal of the period ahead: a raised goal is the one to reach.
            let status = report.target(entry);
            let goal = next.map_or(status.goal, |next| status.target.goals.on(next.end));
            format!(
                "{}: {}",
                lowercase_first(&target_name(entry, report)),
                goal_words(goal, language)
            )
        })
        .collect();
    (!to_reach.is_empty()).then(|| {
        say(
            language,
            format!("Phấn đấu đạt các chỉ tiêu {}.", to_reach.join("; ")),
            format!("Reach the targets {}.", to_reach.join("; ")),
        )
    })
}

/// The overdue tasks to complete without delay, then the blocked to unblock.
fn tasks_to_clear(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = Vec::new();
    for (state, vi, en) in [
        (
            TaskState::Overdue,
            "Khẩn trương hoàn thành",
            "Complete without delay",
        ),
        (
            TaskState::Blocked,
            "Tháo gỡ vướng mắc để thực hiện",
            "Resolve what blocks",
        ),
    ] {
        for entry in &report.tasks {
            let status = report.task(entry);
            if status.state == state {
                lines.push(sentence(&format!(
                    "{}: {}",
                    say(language, vi, en),
                    task_name(status.task, TASK_IN_BODY)
                )));
            }
        }
    }
    lines
}

/// When tasks had no report in the period: report on them, asked of the
/// unit or of every lead unit.
fn reports_to_make(report: &Report<'_>) -> Option<String> {
    let language = report.request.language;
    if silent_tasks(report).is_empty() {
        return None;
    }
    Some(match report.request.owner {
        Some(_) => say(
            language,
            "Báo cáo đầy đủ kết quả thực hiện các nhiệm vụ chưa có báo cáo trong kỳ.",
            "Report on every task that had no report in the period.",
        ),
        None => say(
            language,
            "Các đơn vị chủ trì báo cáo đầy đủ kết quả thực hiện các nhiệm vụ chưa có báo cáo trong kỳ.",
            "Lead units to report on every task that had no report in the period.",
        ),
    })
}
