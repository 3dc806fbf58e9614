//! What was reported on each task in the period (section II.2), in
//! sentences attributed to the unit that reported, with the evidence cited.

use crate::judge::status::Assessment;
use crate::plan::model::{Record, Task};
use crate::render::describe;
use crate::render::document::Document;
use crate::time::period::format_day;
use crate::words::labels::number;
use crate::words::visible::one_line;

use super::figures::{figure, target_name};
use super::framing::TASK_IN_BODY;
use super::prose::{counted, joined, say, sentence, uppercase_first, without_stop};
use super::{Report, TaskEntry};

/// A task named by its words, cut at a word if long.
pub(super) fn task_name(task: &Task, limit: usize) -> String {
    shortened(&task.text, limit)
}

/// A text cut to about `limit` characters: at the end of a clause (a comma,
/// semicolon or colon) when one falls in its second half, else at a space,
/// with an ellipsis. A Vietnamese word is often two syllables, so a cut at a
/// clause reads better than one at a space.
pub(super) fn shortened(text: &str, limit: usize) -> String {
    let text = one_line(text);
    if text.chars().count() <= limit {
        return without_stop(&text).to_owned();
    }
    let head: String = text.chars().take(limit).collect();
    // A clause ends at ", ", "; " or ": ", not inside "9001:2015".
    let clause = [", ", "; ", ": "]
        .iter()
        .filter_map(|mark| head.rfind(mark))
        .max()
        .filter(|at| *at > head.len() / 2);
    match clause {
        Some(at) => format!("{}…", without_stop(&head[..at])),
        None => format!("{}…", without_stop(&describe::shorten(&text, limit))),
    }
}

/// What one record says, attributed: "Trung tâm NC UD&DVKHCN (ngày
/// 28/06/2024): Đăng 31 tin bài trong quý II; văn bản: …".
pub(super) fn record_sentence(report: &Report<'_>, record: &Record) -> String {
    let language = report.request.language;
    // The report goes outside the department: units by their full names.
    let who = record
        .by
        .map(|by| one_line(describe::unit_name_then(report.plan, by, record.date)));
    let day = format_day(record.date, language);
    let source = match who {
        Some(who) => say(
            language,
            format!("{who} (ngày {day})"),
            format!("{who} ({day})"),
        ),
        None => say(language, format!("Ngày {day}"), format!("On {day}")),
    };
    let mut said = Vec::new();
    if let Some(note) = &record.note {
        said.push(without_stop(&one_line(note)).to_owned());
    } else if let Some(status) = record.status {
        said.push(uppercase_first(
            &describe::progress(status, language).to_lowercase(),
        ));
    } else if let Some(value) = record.value {
        said.push(number(value, language));
    }
    if let Some(evidence) = &record.evidence {
        said.push(say(
            language,
            format!("văn bản: {}", without_stop(&one_line(evidence))),
            format!("document: {}", without_stop(&one_line(evidence))),
        ));
    }
    sentence(&format!("{source}: {}", said.join("; ")))
}

/// II.2: per component index, each task reported on in the period with
/// what was done; the rest counted, not listed (the appendix lists them).
pub(super) fn tasks_by_index(report: &Report<'_>, body: &mut Document) {
    let language = report.request.language;
    // Indices none of whose tasks was reported on: named together at the end.
    let mut all_silent = Vec::new();
    for (position, index) in report.plan.indices.iter().enumerate() {
        let entries: Vec<&TaskEntry<'_>> = report
            .tasks
            .iter()
            .filter(|entry| report.task(entry).task.index.0 == position)
            .collect();
        let mut items = Vec::new();
        let mut silent = 0;
        for entry in &entries {
            let status = report.task(entry);
            let said = task_results(report, entry);
            if said.is_empty() {
                if !status.state.is_finished() {
                    silent += 1;
                }
                continue;
            }
            items.push(format!(
                "{}: {}",
                task_name(status.task, TASK_IN_BODY),
                said.join(" ")
            ));
        }
        let name = one_line(index.name_in(language));
        if items.is_empty() {
            if silent > 0 {
                all_silent.push(say(
                    language,
                    format!(
                        "chỉ số {name} ({})",
                        counted(silent, "nhiệm vụ", "task", language)
                    ),
                    format!("{name} ({})", counted(silent, "nhiệm vụ", "task", language)),
                ));
            }
            continue;
        }
        // Named, not numbered: a number like "2.1" would read as a task's,
        // and the plan's tasks have none.
        body.heading(4, say(language, format!("Chỉ số {name}"), name.clone()));
        body.list(items);
        if silent > 0 {
            body.paragraph(say(
                language,
                format!(
                    "Còn {} chưa có báo cáo kết quả trong kỳ (chi tiết tại Phụ lục).",
                    counted(silent, "nhiệm vụ", "task", language)
                ),
                format!(
                    "{} more {} no report in the period (see the appendix).",
                    silent,
                    if silent == 1 {
                        "task has"
                    } else {
                        "tasks have"
                    }
                ),
            ));
        }
    }
    if !all_silent.is_empty() {
        body.paragraph(say(
            language,
            format!(
                "Chưa có báo cáo kết quả trong kỳ đối với các nhiệm vụ của {} (chi tiết tại Phụ lục).",
                joined(&all_silent, language)
            ),
            format!(
                "No task of {} was reported on in the period (tasks in brackets; see the appendix).",
                joined(&all_silent, language)
            ),
        ));
    }
}

/// Tasks not finished with nothing reported in the period: no record of
/// their own, no figure of their targets.
pub(super) fn silent_tasks<'r>(report: &'r Report<'_>) -> Vec<&'r TaskEntry<'r>> {
    report
        .tasks
        .iter()
        .filter(|entry| !report.task(entry).state.is_finished())
        .filter(|entry| task_results(report, entry).is_empty())
        .collect()
}

/// What was reported on a task in the period: its records, then the
/// figures of its targets measured in the period.
pub(super) fn task_results(report: &Report<'_>, entry: &TaskEntry<'_>) -> Vec<String> {
    let plan = report.plan;
    let task = report.task(entry).task;
    let mut results: Vec<String> = entry
        .in_period
        .iter()
        .map(|record| record_sentence(report, record))
        .collect();
    for target_entry in &report.targets {
        let target_status = report.target(target_entry);
        if target_status
            .target
            .task
            .is_none_or(|of| plan.task(of).id != task.id)
        {
            continue;
        }
        if target_entry.in_period.is_empty() && target_entry.count_periods.is_none() {
            continue;
        }
        if target_entry.judgement == Assessment::NoData {
            continue;
        }
        results.push(sentence(&format!(
            "{}: {}",
            target_name(target_entry, report),
            figure(report, target_entry)
        )));
    }
    results
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn long_task_texts_are_cut_at_a_clause_else_a_space() {
        let cases = [
            ("Ngắn gọn.", 20, "Ngắn gọn"),
            (
                "Đẩy mạnh tuyên truyền, phổ biến pháp luật cho doanh nghiệp trong tỉnh",
                40,
                "Đẩy mạnh tuyên truyền…",
            ),
            (
                "Tiếp tục áp dụng Hệ thống quản lý chất lượng ISO 9001:2015 tại Sở",
                52,
                "Tiếp tục áp dụng Hệ thống quản lý chất lượng ISO…",
            ),
            (
                "Công khai quy trình, thủ tục hành chính của Sở Khoa học và Công nghệ",
                50,
                "Công khai quy trình, thủ tục hành chính của Sở…",
            ),
        ];
        for (text, limit, expected) in cases {
            assert_eq!(shortened(text, limit), expected, "{text}");
        }
    }
}
