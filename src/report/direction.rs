//! Section I of the report: how the plan was rolled out, how units report
//! under it and who has sent the period's report, and which days the
//! figures cover.

use crate::judge::reports_owed::{self, OwedReport, ReportState};
use crate::plan::model::{Frequency, PeriodRule, ReportingDuty, UnitRef};
use crate::render::describe;
use crate::render::document::Document;
use crate::time::period::{PeriodKind, format_day};
use crate::words::labels::Language;
use crate::words::visible::one_line;

use super::Report;
use super::framing::reporter;
use super::prose::{count, counted, joined, say, sentence};

/// I. How the plan was rolled out and reported on: what was assigned to
/// whom, how and when units report, who has sent the period's report, and
/// which days the figures cover.
pub(super) fn direction(report: &Report<'_>, body: &mut Document) {
    body.paragraph(match report.request.owner {
        Some(owner) => owner_share(report, owner),
        None => assignments(report),
    });
    reporting_regime(report, body);
    body.paragraph(data_window(report));
}

/// A unit's report: under the plan, the tasks it leads, shares with other
/// units, and helps with.
fn owner_share(report: &Report<'_>, owner: UnitRef) -> String {
    let language = report.request.language;
    let plan = report.plan;
    // Its own tasks, and those given to a group it belongs to.
    let own = report
        .tasks
        .iter()
        .filter(|entry| report.task(entry).task.lead.contains(&owner))
        .count();
    let shared = report
        .tasks
        .iter()
        .filter(|entry| {
            let task = report.task(entry).task;
            !task.lead.contains(&owner) && plan.owns(task, owner, true)
        })
        .count();
    let helps = report.tasks.len() - own - shared;
    let mut parts = vec![say(
        language,
        format!("chủ trì {}", counted(own, "nhiệm vụ", "task", language)),
        format!("leads {}", counted(own, "nhiệm vụ", "task", language)),
    )];
    if shared > 0 {
        parts.push(say(
            language,
            format!(
                "cùng các phòng, đơn vị thực hiện {} giao chung",
                counted(shared, "nhiệm vụ", "task", language)
            ),
            format!(
                "shares {} given to several units",
                counted(shared, "nhiệm vụ", "task", language)
            ),
        ));
    }
    if helps > 0 {
        parts.push(say(
            language,
            format!(
                "phối hợp thực hiện {}",
                counted(helps, "nhiệm vụ", "task", language)
            ),
            format!(
                "helps with {}",
                counted(helps, "nhiệm vụ", "task", language)
            ),
        ));
    }
    say(
        language,
        // The opening cited the plan by number and date: here it is "the Plan".
        format!(
            "Theo Kế hoạch, {} {}.",
            reporter(report),
            joined(&parts, language)
        ),
        format!(
            "Under the Plan, the {} {}.",
            reporter(report),
            joined(&parts, language)
        ),
    )
}

/// The agency's report: the plan it issued, with how many tasks and targets
/// under how many component indices.
fn assignments(report: &Report<'_>) -> String {
    let language = report.request.language;
    let plan = report.plan;
    let tasks = report.tasks.len();
    let targets = report.targets.len();
    let indices = indices_covered(report);
    say(
        language,
        format!(
            "{} đã ban hành Kế hoạch, giao {} và {} thuộc {} chỉ số thành phần cho các phòng, đơn vị chủ trì và phối hợp thực hiện.{}",
            one_line(super::framing::issuer(plan)),
            counted(tasks, "nhiệm vụ", "task", language),
            counted(targets, "chỉ tiêu", "target", language),
            count(indices, language),
            carried_on(plan, language),
        ),
        format!(
            "The {} issued the Plan, assigning {} and {} under {} component indices to its divisions and units.{}",
            one_line(super::framing::issuer(plan)),
            counted(tasks, "nhiệm vụ", "task", language),
            counted(targets, "chỉ tiêu", "target", language),
            count(indices, language),
            carried_on(plan, language),
        ),
    )
}

/// " Kế hoạch kế thừa Kế hoạch số … của …", for a plan carried on from one
/// that stopped (a commune's from its district's).
fn carried_on(plan: &crate::plan::model::Plan, language: Language) -> String {
    plan.predecessor
        .as_deref()
        .map_or_else(String::new, |predecessor| {
            say(
                language,
                format!(
                    " Kế hoạch kế thừa {}.",
                    super::prose::without_stop(&one_line(predecessor))
                ),
                format!(
                    " The plan carries on {}.",
                    super::prose::without_stop(&one_line(predecessor))
                ),
            )
        })
}

/// How many indices the report's tasks and targets are under, each once.
fn indices_covered(report: &Report<'_>) -> usize {
    let mut indices: Vec<usize> = report
        .tasks
        .iter()
        .map(|entry| report.task(entry).task.index.0)
        .chain(
            report
                .targets
                .iter()
                .filter_map(|entry| report.target(entry).target.index.map(|index| index.0)),
        )
        .collect();
    indices.sort_unstable();
    indices.dedup();
    indices.len()
}

/// The duties units report under, and who has sent the period's report.
pub(super) fn reporting_regime(report: &Report<'_>, body: &mut Document) {
    for due in &report.duties {
        if let Some(line) = duty_sentence(report, due.duty) {
            body.paragraph(line);
        }
    }
    // Who has sent the period's report, whatever the day of the report's
    // figures: a report is sent after its period, the year's in January. A
    // unit's own report is the one it sends: it does not list itself.
    if report.request.owner.is_some() {
        return;
    }
    let owed = period_reports_owed(report);
    if owed.is_empty() {
        return;
    }
    body.paragraph(sentence(&reports_received(report, &owed)));
}

/// "Các phòng … báo cáo kết quả thực hiện định kỳ hằng quý về …": who
/// reports to whom, how often and by when; none for a duty "as required"
/// or one to nobody.
fn duty_sentence(report: &Report<'_>, duty: &ReportingDuty) -> Option<String> {
    let language = report.request.language;
    let plan = report.plan;
    let to = duty.to?;
    if duty.periods.is_empty() {
        return None;
    }
    let mut from: Vec<String> = Vec::new();
    for unit in &duty.from {
        // A unit and the successor answering for it are one name.
        let name = one_line(describe::unit_full_name(
            plan,
            *unit,
            report.request.period.end,
        ));
        if !from.contains(&name) {
            from.push(name);
        }
    }
    let every: Vec<String> = duty
        .periods
        .iter()
        .map(|frequency| every_phrase(*frequency, language))
        .collect();
    let deadline = duty.due_days_after.map(|days| {
        say(
            language,
            format!(
                ", chậm nhất {} ngày sau khi kết thúc kỳ báo cáo",
                count(days as usize, language)
            ),
            format!(", within {days} days of the period's end"),
        )
    });
    Some(say(
        language,
        format!(
            "{} báo cáo kết quả thực hiện định kỳ {} về {}{}.",
            joined(&from, language),
            joined(&every, language),
            one_line(describe::unit_full_name(
                plan,
                to,
                report.request.period.end
            )),
            deadline.clone().unwrap_or_default()
        ),
        format!(
            "{} report their results {} to the {}{}.",
            joined(&from, language),
            joined(&every, language),
            one_line(describe::unit_full_name(
                plan,
                to,
                report.request.period.end
            )),
            deadline.unwrap_or_default()
        ),
    ))
}

/// The reports owed to someone for the period's kind, as they stand long
/// after the plan's year (every one sent by then is counted).
fn period_reports_owed<'p>(report: &Report<'p>) -> Vec<OwedReport<'p>> {
    let plan = report.plan;
    let period = &report.request.period;
    let (_, year_end) = plan.year_bounds();
    let long_after = year_end
        .checked_add_days(chrono::Days::new(400))
        .unwrap_or(year_end);
    reports_owed::owed(plan, crate::judge::status::AsOf::closed(long_after))
        .into_iter()
        .filter(|owed| owed.duty.to.is_some())
        .filter(|owed| {
            owed.periods
                .iter()
                .any(|covered| covered.kind == period.kind)
        })
        .collect()
}

/// "Báo cáo quý II của các đơn vị: đã nhận 2/3 (…); chưa nhận: …".
fn reports_received(report: &Report<'_>, owed: &[OwedReport<'_>]) -> String {
    let language = report.request.language;
    let mut sent = Vec::new();
    let mut missing = Vec::new();
    for owed in owed {
        let name = one_line(describe::unit_full_name(
            report.plan,
            owed.reporter,
            owed.period().end,
        ));
        match owed.state {
            ReportState::Filed { on, late } => {
                let late = if late {
                    say(language, ", trễ hạn", ", late")
                } else {
                    String::new()
                };
                sent.push(format!(
                    "{name} {}{}{late}",
                    say(language, "ngày ", "on "),
                    format_day(on, language)
                ));
            }
            _ => missing.push(name),
        }
    }
    // A quarter's and a half-year's report that end together are one
    // report: name every period it covers.
    let covered = owed.first().map_or_else(String::new, |first| {
        crate::time::period::names_together(&first.periods, language)
    });
    // None received: said once, with whose are awaited.
    if sent.is_empty() {
        return say(
            language,
            format!(
                "Báo cáo {covered} của các đơn vị: chưa nhận được báo cáo của {}/{} đơn vị ({})",
                count(missing.len(), language),
                count(owed.len(), language),
                missing.join(", ")
            ),
            format!(
                "Units' reports for {covered}: none of the {} received yet ({})",
                owed.len(),
                missing.join(", ")
            ),
        );
    }
    let mut text = {
        say(
            language,
            format!(
                "Báo cáo {covered} của các đơn vị: đã nhận {}/{} ({})",
                count(sent.len(), language),
                count(owed.len(), language),
                sent.join("; ")
            ),
            format!(
                "Units' reports for {covered}: {} of {} received ({})",
                sent.len(),
                owed.len(),
                sent.join("; ")
            ),
        )
    };
    if !missing.is_empty() {
        text.push_str(&say(
            language,
            format!("; chưa nhận: {}", missing.join(", ")),
            format!("; not received: {}", missing.join(", ")),
        ));
    }
    text
}

pub(super) fn every_phrase(frequency: Frequency, language: Language) -> String {
    match frequency {
        Frequency::Week => say(language, "hằng tuần", "weekly"),
        Frequency::Month => say(language, "hằng tháng", "monthly"),
        Frequency::Quarter => say(language, "hằng quý", "quarterly"),
        Frequency::Half => say(language, "06 tháng", "half-yearly"),
        Frequency::Year => say(language, "hằng năm", "yearly"),
    }
}

/// Which days the figures cover, by which rule, and how recent they are.
pub(super) fn data_window(report: &Report<'_>) -> String {
    let language = report.request.language;
    let period = &report.request.period;
    let as_of = report.request.as_of.day;
    let until = as_of.min(period.end);
    let rule = match report.request.rule {
        PeriodRule::Decree09 if !matches!(period.kind, PeriodKind::Week | PeriodKind::Range) => {
            say(
                language,
                " (thời gian chốt số liệu theo Nghị định số 09/2019/NĐ-CP)",
                " (the data cut-off of Decree 09/2019/NĐ-CP)",
            )
        }
        _ => String::new(),
    };
    let unfinished = if until < period.end {
        say(
            language,
            format!(
                ", kỳ báo cáo đến ngày {} chưa kết thúc",
                format_day(period.end, language)
            ),
            format!("; the period runs to {}", format_day(period.end, language)),
        )
    } else {
        String::new()
    };
    // With nothing recorded in the period, the report says so once here;
    // how many records it drew on is no reader's business.
    let nothing = report.tasks.iter().all(|entry| entry.in_period.is_empty())
        && report
            .targets
            .iter()
            .all(|entry| entry.in_period.is_empty());
    let recorded = match (nothing, report.request.owner) {
        (false, _) => String::new(),
        // A unit's own report speaks of its own records.
        (true, Some(_)) => say(
            language,
            format!(
                " Trong kỳ, {} chưa ghi nhận kết quả thực hiện.",
                reporter(report)
            ),
            format!(
                " The {} recorded no result in the period.",
                reporter(report)
            ),
        ),
        (true, None) => say(
            language,
            " Trong kỳ, chưa có đơn vị nào ghi nhận kết quả thực hiện.",
            " No unit recorded any result in the period.",
        ),
    };
    say(
        language,
        format!(
            "Số liệu báo cáo tính từ ngày {} đến hết ngày {}{rule}{unfinished}.{recorded}",
            format_day(period.start, language),
            format_day(until, language)
        ),
        format!(
            "Figures cover {} to {}{rule}{unfinished}.{recorded}",
            format_day(period.start, language),
            format_day(until, language)
        ),
    )
}
