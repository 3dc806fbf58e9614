//! The appendix: every task grouped by component index, with what was
//! reported in the period and where it stands, for a landscape table.

use crate::judge::status::TaskFlag;
use crate::plan::model::{Plan, Schedule, Task, UnitRef};
use crate::render::describe;
use crate::time::period::format_day;
use crate::words::labels::{Label, Language};
use crate::words::visible::one_line;

use super::framing::{TASK_IN_APPENDIX, frame};
use super::prose::{count, period_phrase, say, uppercase_first, without_stop};
use super::task_results::{task_name, task_results};
use super::{Report, TaskEntry};
use crate::render::official_document::{Appendix, AppendixRow, Column};

/// The report's tasks under each component index that has any, in the
/// plan's order: the appendix's groups, and the CSV's.
pub(super) fn by_index<'r>(
    report: &'r Report<'_>,
) -> Vec<(usize, &'r crate::plan::model::Index, Vec<&'r TaskEntry<'r>>)> {
    report
        .plan
        .indices
        .iter()
        .enumerate()
        .map(|(position, index)| {
            let entries: Vec<&TaskEntry<'_>> = report
                .tasks
                .iter()
                .filter(|entry| report.task(entry).task.index.0 == position)
                .collect();
            (position, index, entries)
        })
        .filter(|(_, _, entries)| !entries.is_empty())
        .collect()
}

/// The heading of an index's tasks: "1. Chỉ số Tính minh bạch".
pub(super) fn group_heading(
    position: usize,
    index: &crate::plan::model::Index,
    language: Language,
) -> String {
    say(
        language,
        format!(
            "{}. Chỉ số {}",
            position + 1,
            one_line(index.name_in(language))
        ),
        format!("{}. {}", position + 1, one_line(index.name_in(language))),
    )
}

/// The appendix: every task, grouped by component index, with what was
/// reported in the period and where it stands.
pub(super) fn appendix(report: &Report<'_>) -> Appendix {
    let language = report.request.language;
    let plan = report.plan;
    let period = &report.request.period;
    let mut rows = Vec::new();
    let mut number_in_table = 0;
    for (position, index, entries) in by_index(report) {
        rows.push(AppendixRow::Group(group_heading(position, index, language)));
        for entry in entries {
            number_in_table += 1;
            rows.push(AppendixRow::Entry(appendix_row(
                report,
                entry,
                number_in_table,
            )));
        }
    }
    let title = match report.request.owner {
        Some(owner) => say(
            language,
            format!(
                "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA {} {}",
                one_line(describe::unit_full_name(plan, owner, period.end)).to_uppercase(),
                period_phrase(period, language).to_uppercase()
            ),
            format!(
                "TASKS OF THE {} — {}",
                one_line(describe::unit_full_name(plan, owner, period.end)).to_uppercase(),
                period_phrase(period, language).to_uppercase()
            ),
        ),
        None => say(
            language,
            format!(
                "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ {}",
                period_phrase(period, language).to_uppercase()
            ),
            format!("TASKS — {}", period_phrase(period, language).to_uppercase()),
        ),
    };
    let columns = columns(language);
    Appendix {
        heading: say(language, "Phụ lục", "Appendix"),
        title,
        attached_to: frame(report).attached_to(),
        columns,
        rows,
    }
}

/// The appendix's columns, with their widths on A4 landscape.
pub(super) fn columns(language: Language) -> Vec<Column> {
    [
        ("STT", "No.", 11),
        ("Nhiệm vụ", "Task", 82),
        ("Đơn vị chủ trì", "Lead", 34),
        ("Đơn vị phối hợp", "Coordinating", 24),
        ("Thời gian thực hiện", "Schedule", 19),
        ("Kết quả thực hiện trong kỳ", "Results in the period", 62),
        ("Tiến độ", "Progress", 19),
        ("Ghi chú", "Notes", 19),
    ]
    .into_iter()
    .enumerate()
    .map(|(at, (vi, en, width_mm))| Column {
        title: say(language, vi, en),
        width_mm,
        centred: at == 0,
    })
    .collect()
}

pub(super) fn appendix_row(
    report: &Report<'_>,
    entry: &TaskEntry<'_>,
    number_in_table: usize,
) -> Vec<String> {
    let language = report.request.language;
    let plan = report.plan;
    let status = report.task(entry);
    let task = status.task;
    let results = task_results(report, entry);
    // Periods with nothing recorded are the period's own (below); periods
    // recorded as not held are stated by the task's count in its results.
    let mut notes: Vec<String> = status
        .flags
        .iter()
        .filter(|flag| {
            !matches!(
                flag,
                TaskFlag::NotRecorded { .. }
                    | TaskFlag::RecordedNotHeld { .. }
                    | TaskFlag::NoReportForQuarter { .. }
                    | TaskFlag::NotBegun { .. }
            )
        })
        .map(|flag| describe::flag(flag, language))
        .collect();
    if !entry.missed.is_empty() {
        notes.push(say(
            language,
            format!(
                "Chưa ghi nhận: {}",
                describe::periods_list(&entry.missed, language)
            ),
            format!(
                "Nothing recorded: {}",
                describe::periods_list(&entry.missed, language)
            ),
        ));
    }
    // A task nobody reported on in the period is "no report", whatever the
    // state of its last record: silence is not a failure.
    let progress = if status.not_begun() {
        Label::NotBegun.text(language).to_owned()
    } else if results.is_empty() && !status.state.is_finished() {
        say(language, "Chưa có báo cáo", "No report")
    } else {
        describe::task_state(status.state, language).to_owned()
    };
    vec![
        count(number_in_table, Language::En),
        task_name(task, TASK_IN_APPENDIX),
        units_text(plan, &task.lead, report.request.period.end),
        units_text(plan, &task.coordinating, report.request.period.end),
        schedule_text(task, language),
        results.join("\n"),
        progress,
        notes.join("; "),
    ]
}

pub(super) fn units_text(plan: &Plan, units: &[UnitRef], day: chrono::NaiveDate) -> String {
    units
        .iter()
        .map(|unit| one_line(describe::unit_name(plan, *unit, day)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The schedule in the plan's own words, else from its dates; in English,
/// always in English words (the plan's are Vietnamese).
pub(super) fn schedule_text(task: &Task, language: Language) -> String {
    if let (Some(text), Language::Vi) = (&task.schedule_text, language) {
        return without_stop(&one_line(text)).to_owned();
    }
    match &task.schedule {
        Schedule::Ongoing => say(language, "Thường xuyên", "Ongoing"),
        Schedule::Due {
            start: Some(start),
            due,
        } => say(
            language,
            format!(
                "Từ ngày {} đến ngày {}",
                format_day(*start, language),
                format_day(*due, language)
            ),
            format!(
                "From {} to {}",
                format_day(*start, language),
                format_day(*due, language)
            ),
        ),
        Schedule::Due { start: None, due } => say(
            language,
            format!("Trước ngày {}", format_day(*due, language)),
            format!("By {}", format_day(*due, language)),
        ),
        Schedule::Recurring(rule) => {
            uppercase_first(crate::words::labels::frequency_word(rule.every, language))
        }
    }
}
