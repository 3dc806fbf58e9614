//! Targets in words (section II.1): each figure with the day it was
//! measured, the previous period's figure, the goal and the period's
//! judgement. A figure from before the period is said to be, and is not
//! called the period's result.

use std::fmt::Write as _;

use crate::judge::status::Assessment;
use crate::plan::model::{Frequency, Goal};
use crate::plan::target_kind::{Better, Measure, Quantity};
use crate::render::describe;
use crate::render::document::Document;
use crate::time::period::format_day;
use crate::words::labels::{Language, number};
use crate::words::visible::one_line;

use super::framing::TASK_IN_BODY;
use super::prose::{count, counted, lowercase_first, say};
use super::{CountedPeriods, Previous, Report, TargetEntry};

/// What a target is called in a sentence: its measure, else its text.
pub(super) fn target_name(entry: &TargetEntry<'_>, report: &Report<'_>) -> String {
    let target = report.target(entry).target;
    let name = target.measure.as_deref().map_or_else(
        || crate::words::short_name::shortened(&target.text, TASK_IN_BODY),
        one_line,
    );
    // A plan's sentence ends with a stop; a name in a sentence does not.
    super::prose::without_stop(&name).to_owned()
}

/// II.1: each target in a sentence: the figure with its day, the previous
/// period's, the goal and the judgement.
pub(super) fn targets(report: &Report<'_>, body: &mut Document) {
    let language = report.request.language;
    if report.targets.is_empty() {
        body.paragraph(say(language, "Không có chỉ tiêu.", "No targets."));
        return;
    }
    let (judged, unknown): (Vec<&TargetEntry<'_>>, Vec<&TargetEntry<'_>>) =
        report.targets.iter().partition(|entry| {
            entry.judgement != Assessment::NoData || entry.has_figures() || entry.earlier.is_some()
        });
    let mut items: Vec<String> = judged
        .iter()
        .map(|entry| target_sentence(report, entry))
        .collect();
    // Targets with no figure at all: one line, each with its goal.
    if !unknown.is_empty() {
        let named: Vec<String> = unknown
            .iter()
            .map(|entry| {
                format!(
                    "{} ({})",
                    lowercase_first(&target_name(entry, report)),
                    goal_words(report.target(entry).goal, language)
                )
            })
            .collect();
        items.push(say(
            language,
            format!(
                "Chưa có số liệu để đánh giá {}: {}.",
                counted(unknown.len(), "chỉ tiêu", "target", language),
                named.join("; ")
            ),
            format!(
                "No figures yet to judge {}: {}.",
                counted(unknown.len(), "chỉ tiêu", "target", language),
                named.join("; ")
            ),
        ));
    }
    body.list(items);
}

/// "Tỷ lệ DVCTT toàn trình: 74% (số liệu ngày 30/06/2024), tăng 9 điểm phần
/// trăm so với Quý I/2024 (65%); mục tiêu ≥ 80%: chưa đạt."
pub fn target_sentence(report: &Report<'_>, entry: &TargetEntry<'_>) -> String {
    let language = report.request.language;
    let status = report.target(entry);
    let goal = goal_words(status.goal, language);
    let figure = figure(report, entry);
    let judgement = match &entry.count_periods {
        // Some months recorded, the rest not: not enough to judge.
        Some(counted) if entry.judgement == Assessment::NoData && entry.has_figures() => {
            let _ = counted;
            say(
                language,
                "chưa đủ số liệu để đánh giá",
                "not enough figures to judge",
            )
        }
        _ => {
            let words = judgement_words(entry.judgement, language);
            // A figure without what it is compared with says what is missing.
            let latest = entry.measured.or(status.latest);
            let lacking = (entry.judgement == Assessment::NoData && latest.is_some())
                .then(|| describe::missing_comparison(status.goal, language))
                .flatten();
            // A figure from before the last three months cannot say the
            // deadline was missed: which figures are wanted is said.
            let stale = (entry.judgement == Assessment::NoData
                && report.status.moment.passed(status.target.deadline))
            .then(|| describe::wanted_since(status.target.deadline))
            .flatten()
            .filter(|since| latest.is_some_and(|record| record.date < *since));
            match (lacking, stale) {
                (Some(lacking), _) => format!("{words} ({lacking})"),
                (None, Some(since)) => {
                    let since = format_day(since, language);
                    say(
                        language,
                        format!("{words} (chưa có số liệu từ ngày {since})"),
                        format!("{words} (no figure since {since})"),
                    )
                }
                (None, None) => words,
            }
        }
    };
    let group = entry
        .measured
        .or(status.latest)
        .and_then(|record| describe::group_change_note(status.goal, record, language))
        .map(|note| format!(" ({note})"))
        .unwrap_or_default();
    format!(
        "{}: {figure}; {} {goal}{}: {judgement}{group}.",
        target_name(entry, report),
        say(language, "mục tiêu", "goal"),
        goal_changed(report, status).unwrap_or_default()
    )
}

/// When the goal changed from a day in the period (or its first day), the
/// change said beside it: a comparison with the period before crosses it.
/// " (điều chỉnh từ tối thiểu 80% từ ngày 01/07/2025 theo Kế hoạch số 85/KH-SKHCN)".
fn goal_changed(
    report: &Report<'_>,
    status: &crate::judge::status::TargetStatus<'_>,
) -> Option<String> {
    let language = report.request.language;
    let period = &report.request.period;
    let before_start = period.start.pred_opt()?;
    let change = status
        .target
        .goals
        .changed_between(before_start, period.end)?;
    let from = change.from?;
    let earlier = goal_words(status.target.goals.on(from.pred_opt()?), language);
    let by = change.amendment.map(|amendment| {
        let amendment = report.plan.amendment(amendment);
        let number = amendment.number.as_deref().map_or_else(
            || crate::render::official_document::BLANK.to_owned(),
            one_line,
        );
        say(
            language,
            format!(" theo Kế hoạch số {number}"),
            format!(" under Plan No. {number}"),
        )
    });
    let day = format_day(from, language);
    let by = by.unwrap_or_default();
    Some(say(
        language,
        format!(" (điều chỉnh từ {earlier}, áp dụng từ ngày {day}{by})"),
        format!(" (changed from {earlier}, from {day}{by})"),
    ))
}

pub(super) fn judgement_words(assessment: Assessment, language: Language) -> String {
    match assessment {
        Assessment::Met => say(language, "đạt", "met"),
        Assessment::NotYetMet => say(language, "chưa đạt", "not yet met"),
        Assessment::NotMet => say(language, "không đạt", "not met"),
        Assessment::NoData => say(language, "chưa đánh giá được", "cannot be judged yet"),
    }
}

/// A count's figure in the period: the amount (the most for any one
/// enterprise, for a count per enterprise), the year so far, the periods
/// kept, and the previous period's amount.
fn count_figure(
    entry: &TargetEntry<'_>,
    counted_periods: &CountedPeriods,
    target: &crate::plan::model::Target,
    language: Language,
) -> String {
    let amount = entry.period_amount.unwrap_or(0.0);
    if !entry.has_figures() {
        return say(
            language,
            "chưa có số liệu trong kỳ",
            "no figures in the period",
        );
    }
    // A count per enterprise is the most for any one of them.
    let per_entity = target.goals.first().count().and_then(|(_, entity)| entity);
    let mut text = match per_entity {
        Some(entity) => say(
            language,
            format!(
                "nhiều nhất {} đối với một {entity} trong kỳ",
                amount_words(amount, language)
            ),
            format!(
                "at most {} for any one {entity} in the period",
                amount_words(amount, language)
            ),
        ),
        None => say(
            language,
            format!("{} trong kỳ", amount_words(amount, language)),
            format!("{} in the period", amount_words(amount, language)),
        ),
    };
    if let Some(year) = entry
        .year_to_date
        .filter(|year| (*year - amount).abs() > f64::EPSILON)
    {
        text.push_str(&say(
            language,
            format!(" (lũy kế từ đầu năm: {})", amount_words(year, language)),
            format!(
                " ({} since the start of the year)",
                amount_words(year, language)
            ),
        ));
    }
    if counted_periods.due > 0 && counted_periods.per != Frequency::Year {
        let _ = write!(text, ", {}", kept_words(counted_periods, language));
        // What was recorded short of the goal, and what was not recorded,
        // apart: a month with nothing recorded is not a month missed.
        let mut apart = Vec::new();
        if !counted_periods.failing.is_empty() {
            apart.push(format!(
                "{}: {}",
                say(language, "không đạt", "short"),
                describe::periods_list(&counted_periods.failing, language)
            ));
        }
        if !counted_periods.unrecorded.is_empty() {
            apart.push(format!(
                "{}: {}",
                say(language, "chưa ghi nhận", "nothing recorded"),
                describe::periods_list(&counted_periods.unrecorded, language)
            ));
        }
        if !apart.is_empty() {
            let _ = write!(text, " ({})", apart.join("; "));
        }
    }
    if let Some(Previous::Amount { period, amount }) = entry.previous {
        let _ = write!(
            text,
            "; {}: {}",
            period.name(language),
            amount_words(amount, language)
        );
    }
    text
}

/// A figure measured in the period, with the day it was measured (or the
/// year it is the published result of) and how it moved since the previous
/// period.
fn measured_figure(
    entry: &TargetEntry<'_>,
    record: &crate::plan::model::Record,
    target: &crate::plan::model::Target,
    period: &crate::time::period::Period,
    language: Language,
) -> String {
    let value = lowercase_first(&describe::value(target, record, language));
    let mut text = match record.published {
        // The year's published DDCI result.
        Some(on) => {
            use chrono::Datelike as _;
            say(
                language,
                format!(
                    "{value} (kết quả DDCI năm {}, công bố ngày {})",
                    record.date.year(),
                    format_day(on, language)
                ),
                format!(
                    "{value} (the DDCI result for {}, published {})",
                    record.date.year(),
                    format_day(on, language)
                ),
            )
        }
        // A qualitative target's verdict, with its reason.
        None if target.goals.first().measure() == Measure::Verdict => {
            let reason = record
                .note
                .as_deref()
                .map(|note| format!(": {}", super::prose::without_stop(&one_line(note))))
                .unwrap_or_default();
            say(
                language,
                format!(
                    "{value} (đánh giá ngày {}{reason})",
                    format_day(record.date, language)
                ),
                format!(
                    "{value} (assessed on {}{reason})",
                    format_day(record.date, language)
                ),
            )
        }
        None => say(
            language,
            format!(
                "{value} (số liệu ngày {})",
                format_day(record.date, language)
            ),
            format!("{value} (as of {})", format_day(record.date, language)),
        ),
    };
    if let (Some(Previous::Value(before)), Some(now), Some(then)) = (
        entry.previous,
        record.value,
        entry.previous.and_then(|previous| match previous {
            Previous::Value(before) => before.value,
            Previous::Amount { .. } => None,
        }),
    ) {
        let previous_period = period
            .previous()
            .map(|previous| previous.name(language))
            .unwrap_or_default();
        let _ = write!(
            text,
            ", {} ({})",
            change_words(target, now, then, &previous_period, language),
            plain_value(target, before, language)
        );
    }
    text
}

/// The period's figure for a target in words, with its day and the
/// previous period's figure; a figure from before the period is said to be.
pub(super) fn figure(report: &Report<'_>, entry: &TargetEntry<'_>) -> String {
    let language = report.request.language;
    let status = report.target(entry);
    let target = status.target;
    let period = &report.request.period;
    if let Some(counted_periods) = &entry.count_periods {
        return count_figure(entry, counted_periods, target, language);
    }
    if let Some(record) = entry.measured {
        return measured_figure(entry, record, target, period, language);
    }
    if let Some(record) = entry.earlier {
        let value = lowercase_first(&describe::value(target, record, language));
        return match (target.goals.first().measure(), entry.judgement) {
            (Measure::Status, Assessment::Met) => say(
                language,
                format!(
                    "{value} (ngày {}, trước kỳ báo cáo)",
                    format_day(record.date, language)
                ),
                format!(
                    "{value} (on {}, before the period)",
                    format_day(record.date, language)
                ),
            ),
            _ => say(
                language,
                format!(
                    "chưa có số liệu trong kỳ; số liệu gần nhất {value} (ngày {}, trước kỳ báo cáo)",
                    format_day(record.date, language)
                ),
                format!(
                    "no figure in the period; the latest, {value}, dates from {}, before the period",
                    format_day(record.date, language)
                ),
            ),
        };
    }
    say(language, "chưa có số liệu", "no figures yet")
}

/// "02/03 tháng đạt" / "2 of 3 months on target": a count's periods kept.
pub(super) fn kept_words(counted: &CountedPeriods, language: Language) -> String {
    let per = crate::words::labels::frequency_word(counted.per, language);
    say(
        language,
        format!(
            "{}/{} {per} đạt",
            count(counted.kept, language),
            count(counted.due, language)
        ),
        format!("{} of {} {per}s on target", counted.kept, counted.due),
    )
}

/// The goal as a sentence says it: "tối thiểu 80%" rather than "≥ 80%".
pub(super) fn goal_words(goal: &Goal, language: Language) -> String {
    let goal = describe::goal(goal, language);
    if let Some(rest) = goal.strip_prefix("≥ ") {
        return say(
            language,
            format!("tối thiểu {rest}"),
            format!("at least {rest}"),
        );
    }
    if let Some(rest) = goal.strip_prefix("> ") {
        return say(language, format!("trên {rest}"), format!("above {rest}"));
    }
    if let Some(rest) = goal.strip_prefix("≤ ") {
        return say(
            language,
            format!("tối đa {rest}"),
            format!("at most {rest}"),
        );
    }
    goal
}

/// A value as a number a comparison can use: a change target's "giảm 22%"
/// is its rate, "22%".
pub(super) fn plain_value(
    target: &crate::plan::model::Target,
    record: &crate::plan::model::Record,
    language: Language,
) -> String {
    match (target.goals.first().measure(), record.value) {
        (Measure::Value(Quantity::Change), Some(value)) => format!("{}%", number(value, language)),
        _ => lowercase_first(&describe::value(target, record, language)),
    }
}

/// "3" as a count reads in a sentence: "03" in Vietnamese.
pub(super) fn amount_words(amount: f64, language: Language) -> String {
    if amount.fract() == 0.0 && (0.0..1e9).contains(&amount) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole, in range
        return count(amount as usize, language);
    }
    number(amount, language)
}

/// "tăng 9 điểm phần trăm so với Quý I/2024", "bằng Quý I/2024".
pub(super) fn change_words(
    target: &crate::plan::model::Target,
    now: f64,
    then: f64,
    previous_period: &str,
    language: Language,
) -> String {
    let difference = now - then;
    if difference.abs() < 1e-9 {
        return say(
            language,
            format!("bằng {previous_period}"),
            format!("the same as {previous_period}"),
        );
    }
    if let Goal::Change { direction, .. } = target.goals.first() {
        // The rate of a cut grew or shrank: "giảm thêm 5 điểm phần trăm".
        let size = number(difference.abs(), language);
        let word = match direction {
            crate::plan::model::Direction::Increase => say(language, "tăng", "rise"),
            crate::plan::model::Direction::Decrease => say(language, "giảm", "cut"),
        };
        return if difference > 0.0 {
            say(
                language,
                format!("mức {word} cao hơn {size} điểm phần trăm so với {previous_period}"),
                format!("a {word} {size} percentage points larger than in {previous_period}"),
            )
        } else {
            say(
                language,
                format!("mức {word} thấp hơn {size} điểm phần trăm so với {previous_period}"),
                format!("a {word} {size} percentage points smaller than in {previous_period}"),
            )
        };
    }
    let unit = match target.goals.first().measure() {
        Measure::Value(Quantity::Percent | Quantity::Change) => {
            say(language, " điểm phần trăm", " percentage points")
        }
        Measure::Value(Quantity::Score) => say(language, " điểm", " points"),
        Measure::Value(Quantity::Rank) => {
            // A lower rank number is a rise.
            let places = number(difference.abs(), language);
            return if difference < 0.0 {
                say(
                    language,
                    format!("tăng {places} bậc so với {previous_period}"),
                    format!("up {places} places on {previous_period}"),
                )
            } else {
                say(
                    language,
                    format!("giảm {places} bậc so với {previous_period}"),
                    format!("down {places} places on {previous_period}"),
                )
            };
        }
        Measure::Value(Quantity::Count | Quantity::Band | Quantity::Fallen)
        | Measure::Status
        | Measure::Verdict => String::new(),
    };
    let size = number(difference.abs(), language);
    if difference > 0.0 {
        say(
            language,
            format!("tăng {size}{unit} so với {previous_period}"),
            format!("up {size}{unit} on {previous_period}"),
        )
    } else {
        say(
            language,
            format!("giảm {size}{unit} so với {previous_period}"),
            format!("down {size}{unit} on {previous_period}"),
        )
    }
}

/// Whether a value moved toward its goal.
pub(super) fn improved(goal: &Goal, now: f64, then: f64) -> bool {
    match goal.kind().better() {
        Some(Better::Lower) => now < then,
        Some(Better::Higher) => now > then,
        None => false,
    }
}
