//! What was reported on each task in the period (section II.2), in
//! sentences attributed to the unit that reported, with the evidence cited.

use crate::judge::status::Assessment;
use crate::plan::model::{Progress, Record, Task, UnitRef};
use crate::render::describe;
use crate::render::document::Document;
use crate::time::period::format_day;
use crate::words::labels::number;
use crate::words::visible::one_line;

use super::figures::{figure, target_name};
use super::prose::{count, counted, lowercase_first, say, sentence, uppercase_first, without_stop};
use super::{Report, TaskEntry};

/// What one record says, attributed: "Trung tâm NC UD&DVKHCN (ngày
/// 28/06/2024): Đăng 31 tin bài trong quý II; văn bản: …".
pub(super) fn record_sentence(report: &Report<'_>, task: &Task, record: &Record) -> String {
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
            &describe::progress_on(task, status, language).to_lowercase(),
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
    // Tasks with nothing reported, by index: said once, at the end.
    let mut silent_by_index: Vec<(String, usize)> = Vec::new();
    for (position, index) in report.plan.indices.iter().enumerate() {
        let entries: Vec<&TaskEntry<'_>> = report
            .tasks
            .iter()
            .filter(|entry| report.task(entry).task.index.0 == position)
            .collect();
        let mut items = Vec::new();
        let mut silent = 0;
        for entry in &entries {
            if task_results(report, entry).is_empty() {
                if report.owes_a_report(entry) {
                    silent += 1;
                }
                continue;
            }
            items.extend(task_item(report, entry));
        }
        let name = one_line(index.name_in(language));
        if silent > 0 {
            silent_by_index.push((name.clone(), silent));
        }
        if items.is_empty() {
            continue;
        }
        // Named, not numbered: a number like "2.1" would read as a task's,
        // and the plan's tasks have none.
        body.heading(4, say(language, format!("Chỉ số {name}"), name.clone()));
        body.list(items);
    }
    // The tasks with nothing reported, once for the section, by index.
    if !silent_by_index.is_empty() {
        let total: usize = silent_by_index.iter().map(|(_, silent)| silent).sum();
        let listed: Vec<String> = silent_by_index
            .iter()
            .map(|(name, silent)| {
                say(
                    language,
                    format!("chỉ số {name}: {}", count(*silent, language)),
                    format!("{name}: {silent}"),
                )
            })
            .collect();
        body.paragraph(say(
            language,
            format!(
                "Còn {} chưa có báo cáo kết quả trong kỳ ({}; chi tiết tại Phụ lục).",
                counted(total, "nhiệm vụ", "task", language),
                listed.join("; ")
            ),
            format!(
                "{total} {} no report in the period ({}; see the appendix).",
                if total == 1 { "task has" } else { "tasks have" },
                listed.join("; ")
            ),
        ));
    }
}

/// How many of one unit's records on a task a report quotes in a period:
/// the latest, and how many more there were. A task with 100,000 records in
/// a quarter gives a line, not a book.
const SHOWN_PER_UNIT: usize = 3;

/// One unit's records on a task in the period: the latest few, earliest
/// first, and how many earlier ones are not quoted.
struct UnitRecords<'r> {
    by: Option<UnitRef>,
    shown: Vec<&'r Record>,
    more: usize,
}

/// A task's records in the period by unit (in the order each first
/// reported), each unit's latest few.
fn by_unit<'r>(records: &[&'r Record]) -> Vec<UnitRecords<'r>> {
    let mut units: Vec<(Option<UnitRef>, Vec<&'r Record>)> = Vec::new();
    for record in records {
        match units.iter_mut().find(|(by, _)| *by == record.by) {
            Some((_, list)) => list.push(record),
            None => units.push((record.by, vec![record])),
        }
    }
    units
        .into_iter()
        .map(|(by, list)| {
            let more = list.len().saturating_sub(SHOWN_PER_UNIT);
            UnitRecords {
                by,
                shown: list[more..].to_vec(),
                more,
            }
        })
        .collect()
}

/// "và 99.997 kết quả khác trong kỳ" / "and 99,997 more in the period".
fn more_words(more: usize, language: crate::words::labels::Language) -> String {
    say(
        language,
        format!("và {} kết quả khác trong kỳ", count(more, language)),
        format!("and {more} more in the period"),
    )
}

/// How long a task's words may be when a record names it.
const TASK_NAMED: usize = 110;

/// II.2's item for one task: who did what, when, with which document, in
/// sentences, each unit's records together (its targets' figures are in
/// II.1, with their goals, and not said again). The
/// task is named by the plan's short name for it, else not quoted (the
/// appendix names it in full): a cut task text reads as a database row.
/// `None` when its records say nothing a sentence can (a status alone,
/// which the appendix shows).
fn task_item(report: &Report<'_>, entry: &TaskEntry<'_>) -> Option<String> {
    let task = report.task(entry).task;
    let language = report.request.language;
    // A recurring task's "done" with nothing more to say, one per event, is
    // one phrase: how many times, and the latest day.
    let plainly_done = |record: &&Record| {
        record.note.is_none() && record.evidence.is_none() && record.status == Some(Progress::Done)
    };
    let (done, rest): (Vec<&Record>, Vec<&Record>) =
        entry.in_period.iter().copied().partition(plainly_done);
    let mut said_by: Vec<(Option<UnitRef>, Vec<String>)> = Vec::new();
    let mut say_for = |by: Option<UnitRef>, what: String| match said_by
        .iter_mut()
        .find(|(known, _)| *known == by)
    {
        Some((_, said)) => said.push(what),
        None => said_by.push((by, vec![what])),
    };
    for unit in by_unit(&done) {
        let times = unit.shown.len() + unit.more;
        match unit.shown.last() {
            Some(record) if times > 1 => say_for(
                unit.by,
                say(
                    language,
                    format!(
                        "{} việc {} ({} lần trong kỳ, gần nhất ngày {})",
                        if task.schedule.is_continuing() {
                            "đã thực hiện"
                        } else {
                            "hoàn thành"
                        },
                        lowercase_first(&task_name(task, TASK_NAMED)),
                        count(times, language),
                        format_day(record.date, language)
                    ),
                    format!(
                        "carried out “{}” {times} times in the period, the latest on {}",
                        task_name(task, TASK_NAMED),
                        format_day(record.date, language)
                    ),
                ),
            ),
            Some(record) => {
                if let Some(what) = record_words(report, task, record) {
                    say_for(unit.by, what);
                }
            }
            None => {}
        }
    }
    for unit in by_unit(&rest) {
        let said: Vec<String> = unit
            .shown
            .iter()
            .filter_map(|record| record_words(report, task, record))
            .collect();
        if said.is_empty() {
            continue;
        }
        let more = unit.more;
        for what in said {
            say_for(unit.by, what);
        }
        if more > 0 {
            say_for(unit.by, more_words(more, language));
        }
    }
    // A task the plan names briefly heads its item, its first unit after a
    // dash (a unit's name may hold brackets of its own): "Chương trình Cà
    // phê doanh nghiệp, doanh nhân – Ban Giám đốc (Lãnh đạo Sở): tham gia …".
    let heading = task
        .short
        .as_deref()
        .map(|short| without_stop(&one_line(short)).to_owned());
    let sentences: Vec<String> = said_by
        .into_iter()
        .enumerate()
        .map(|(at, (by, said))| {
            let said = said.join("; ");
            // The report goes outside the department: units by their full
            // names, as named on the day.
            let who = by.map(|by| {
                let day = entry
                    .in_period
                    .iter()
                    .find(|record| record.by == Some(by))
                    .map_or(report.request.period.end, |record| record.date);
                one_line(describe::unit_name_then(report.plan, by, day))
            });
            match (heading.as_deref().filter(|_| at == 0), who) {
                (Some(heading), Some(who)) => sentence(&format!("{heading} – {who}: {said}")),
                (Some(heading), None) => sentence(&format!("{heading}: {said}")),
                (None, Some(who)) => sentence(&format!("{who}: {said}")),
                (None, None) => sentence(&uppercase_first(&said)),
            }
        })
        .collect();
    // Its targets' figures are stated once, in II.1, with their goals.
    if sentences.is_empty() {
        return None;
    }
    Some(sentences.join(" "))
}

/// What one record says in a sentence: its note (or, with none, that the
/// task was done or is blocked, naming it), with its day and the document it
/// cites: "đăng 31 tin bài trong quý II (ngày 28/06/2024)". `None` for a
/// record that gives only a status in progress, not started or cancelled.
fn record_words(report: &Report<'_>, task: &Task, record: &Record) -> Option<String> {
    let language = report.request.language;
    let named = || lowercase_first(&task_name(task, TASK_NAMED));
    let what = match (&record.note, record.status) {
        // A note on work blocked or stopped says why: the state comes first.
        (Some(note), Some(Progress::Blocked)) => say(
            language,
            format!(
                "gặp vướng mắc khi thực hiện việc {}: {}",
                named(),
                after_colon(without_stop(&one_line(note)))
            ),
            format!(
                "blocked on “{}”: {}",
                task_name(task, TASK_NAMED),
                without_stop(&one_line(note))
            ),
        ),
        (Some(note), Some(Progress::Cancelled)) => say(
            language,
            format!(
                "dừng thực hiện việc {}: {}",
                named(),
                after_colon(without_stop(&one_line(note)))
            ),
            format!(
                "stopped “{}”: {}",
                task_name(task, TASK_NAMED),
                without_stop(&one_line(note))
            ),
        ),
        (Some(note), _) => after_colon(without_stop(&one_line(note))),
        (None, Some(Progress::Done)) if task.schedule.is_continuing() => say(
            language,
            format!("đã thực hiện việc {}", named()),
            format!("carried out “{}”", task_name(task, TASK_NAMED)),
        ),
        (None, Some(Progress::Done)) => say(
            language,
            format!("hoàn thành việc {}", named()),
            format!("completed “{}”", task_name(task, TASK_NAMED)),
        ),
        (None, Some(Progress::Blocked)) => say(
            language,
            format!("gặp vướng mắc khi thực hiện việc {}", named()),
            format!("blocked on “{}”", task_name(task, TASK_NAMED)),
        ),
        (None, _) => return None,
    };
    let mut detail = vec![say(
        language,
        format!("ngày {}", format_day(record.date, language)),
        format_day(record.date, language),
    )];
    if let Some(evidence) = &record.evidence {
        detail.push(without_stop(&one_line(evidence)).to_owned());
    }
    Some(format!("{what} ({})", detail.join("; ")))
}

/// A note following "Unit: ": its first letter lowered when it begins an
/// ordinary word ("Đăng 31 tin bài" → "đăng 31 tin bài"), kept for an
/// abbreviation or a name ("UBND tỉnh", "ISO").
pub(super) fn after_colon(text: &str) -> String {
    let mut characters = text.chars();
    match (characters.next(), characters.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            lowercase_first(text)
        }
        _ => text.to_owned(),
    }
}

/// Tasks not finished with nothing reported in the period: no record of
/// their own, no figure of their targets.
pub(super) fn silent_tasks<'r>(report: &'r Report<'_>) -> Vec<&'r TaskEntry<'r>> {
    report
        .tasks
        .iter()
        .filter(|entry| report.owes_a_report(entry))
        .filter(|entry| task_results(report, entry).is_empty())
        .collect()
}

/// What was reported on a task in the period: its records, then the
/// figures of its targets measured in the period.
pub(super) fn task_results(report: &Report<'_>, entry: &TaskEntry<'_>) -> Vec<String> {
    let plan = report.plan;
    let task = report.task(entry).task;
    let mut results: Vec<String> = Vec::new();
    for unit in by_unit(&entry.in_period) {
        results.extend(
            unit.shown
                .iter()
                .map(|record| record_sentence(report, task, record)),
        );
        if unit.more > 0 {
            let who = unit.by.map_or_else(String::new, |by| {
                let day = unit
                    .shown
                    .last()
                    .map_or(report.request.period.end, |record| record.date);
                format!("{}: ", one_line(describe::unit_name_then(plan, by, day)))
            });
            results.push(sentence(&format!(
                "{who}{}",
                more_words(unit.more, report.request.language)
            )));
        }
    }
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

/// A task named by the plan's short name for it, else by its words, cut
/// where a clause ends if long.
pub(super) fn task_name(task: &Task, limit: usize) -> String {
    crate::words::short_name::named(task.short.as_deref(), &task.text, limit)
}
