//! How plan things read in words, in either language: goals, values,
//! baselines, states, flags, unit names. Shared by `status` and `report`.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::judge::status::{Assessment, TargetStatus, TaskFlag, TaskState};
use crate::plan::goal::{ComparedWith, Statistic};
use crate::plan::model::{
    Direction, Goal, Goals, Plan, Progress, RankOf, Record, Target, Task, UnitRef,
};
use crate::plan::target_kind::{Measure, Quantity};
use crate::time::period::{Period, PeriodKind, format_day};
use crate::time::recurrence::Occurrence;
use crate::words::labels::{Label, Language, frequency_word, number};

pub fn task_state(state: TaskState, language: Language) -> &'static str {
    let label = match state {
        TaskState::NoReport => Label::NoReport,
        TaskState::NotStarted => Label::NotStarted,
        TaskState::InProgress => Label::InProgress,
        TaskState::Blocked => Label::Blocked,
        TaskState::Overdue => Label::Overdue,
        TaskState::Done => Label::Done,
        TaskState::DoneLate => Label::DoneLate,
        TaskState::Cancelled => Label::Cancelled,
    };
    label.text(language)
}

pub fn progress(progress: Progress, language: Language) -> &'static str {
    let label = match progress {
        Progress::NotStarted => Label::NotStarted,
        Progress::InProgress => Label::InProgress,
        Progress::Done => Label::Done,
        Progress::Blocked => Label::Blocked,
        Progress::Cancelled => Label::Cancelled,
    };
    label.text(language)
}

/// A record's progress word on `task`: continuing work reported done was
/// carried out ("Đã thực hiện"), not finished, since it goes on.
pub fn progress_on(task: &Task, progress: Progress, language: Language) -> &'static str {
    match progress {
        Progress::Done if task.schedule.is_continuing() => Label::CarriedOut.text(language),
        other => self::progress(other, language),
    }
}

pub fn assessment(assessment: Assessment, language: Language) -> &'static str {
    let label = match assessment {
        Assessment::Met => Label::Met,
        Assessment::NotYetMet => Label::NotYetMet,
        Assessment::NotMet => Label::NotMet,
        Assessment::NoData => Label::NoData,
    };
    label.text(language)
}

/// A unit's short name (or its name) on `day`, for tables: the unit that
/// answers for it then (its successor once it has ended), as named then.
pub fn unit_name(plan: &Plan, unit: UnitRef, day: NaiveDate) -> &str {
    let answering = plan.answering_on(unit, day).unwrap_or(unit);
    let (name, short) = plan.unit(answering).names_on(day);
    short.unwrap_or(name)
}

/// A unit's full name on `day`, for reports, as `unit_name`.
pub fn unit_full_name(plan: &Plan, unit: UnitRef, day: NaiveDate) -> &str {
    let answering = plan.answering_on(unit, day).unwrap_or(unit);
    plan.unit(answering).names_on(day).0
}

/// The name a unit itself had on `day`: who made a record keeps the name
/// it made it under, before and after a renaming.
pub fn unit_name_then(plan: &Plan, unit: UnitRef, day: NaiveDate) -> &str {
    plan.unit(unit).names_on(day).0
}

/// And its short name then, for tables.
pub fn unit_short_name_then(plan: &Plan, unit: UnitRef, day: NaiveDate) -> &str {
    let (name, short) = plan.unit(unit).names_on(day);
    short.unwrap_or(name)
}

pub fn unit_names(plan: &Plan, units: &[UnitRef], day: NaiveDate) -> String {
    let mut names: Vec<&str> = Vec::new();
    for unit in units {
        let name = unit_name(plan, *unit, day);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.into_iter().collect::<Vec<_>>().join(", ")
}

/// "tăng" / "giảm" for a change target.
fn direction_word(direction: Direction) -> Label {
    match direction {
        Direction::Increase => Label::Increase,
        Direction::Decrease => Label::Decrease,
    }
}

/// The goal in a few words: "≥ 80%", "tăng 4 bậc", "≤ 1 lần/năm/doanh nghiệp".
pub fn goal(goal: &Goal, language: Language) -> String {
    let percent = |value: f64| format!("{}%", number(value, language));
    // "lần/năm/doanh nghiệp" in Vietnamese, "per year per enterprise" in English.
    let count_unit = || {
        let Some((per, per_entity)) = goal.count() else {
            return String::new();
        };
        let parts: Vec<&str> = std::iter::once(frequency_word(per, language))
            .chain(per_entity)
            .collect();
        match language {
            Language::Vi => format!(" {}/{}", Label::Times.text(language), parts.join("/")),
            Language::En => format!(" per {}", parts.join(" per ")),
        }
    };
    match goal {
        Goal::PercentAtLeast { percent: goal, .. } => format!("≥ {}", percent(*goal)),
        Goal::PercentAtMost { percent: goal, .. } => format!("≤ {}", percent(*goal)),
        Goal::All { .. } => "100%".to_owned(),
        Goal::Change {
            direction,
            percent: goal,
            ..
        } => format!(
            "{} {}",
            direction_word(*direction).text(language),
            percent(*goal)
        ),
        // "≤ 0" reads as a sum; none at all is "0".
        Goal::CountAtMost { max: 0, .. } => format!("0{}", count_unit()),
        Goal::CountAtMost { max, .. } => format!("≤ {max}{}", count_unit()),
        Goal::CountAtLeast { min, .. } => format!("≥ {min}{}", count_unit()),
        Goal::RankImprovement {
            places, places_max, ..
        } => {
            let range = match places_max {
                Some(max) if max != places => format!("{places}–{max}"),
                _ => places.to_string(),
            };
            format!(
                "{} {range} {}",
                Label::Increase.text(language),
                Label::Places.text(language)
            )
        }
        Goal::NoIndexFalls => match language {
            Language::Vi => "không có chỉ số nào giảm điểm".to_owned(),
            Language::En => "no index lower than the year before".to_owned(),
        },
        Goal::RankAtMost { rank } => format!("{} {rank}", Label::Top.text(language)),
        Goal::TopPercent { percent: share } => match language {
            Language::Vi => format!("trong nhóm {} dẫn đầu", percent(*share)),
            Language::En => format!("in the leading {}", percent(*share)),
        },
        Goal::ScoreAtLeast { score, strict, .. } => format!(
            "{} {} {}",
            if *strict { ">" } else { "≥" },
            crate::words::labels::score(*score, language),
            Label::Points.text(language)
        ),
        Goal::ScoreChangeAtLeast {
            points,
            points_max: Some(max),
            ..
        } => format!(
            "+{}–{} {}",
            crate::words::labels::score(*points, language),
            crate::words::labels::score(*max, language),
            Label::Points.text(language)
        ),
        Goal::ScoreChangeAtLeast { points, .. } => format!(
            "+{} {}",
            crate::words::labels::score(*points, language),
            Label::Points.text(language)
        ),
        Goal::BandAtLeast { level, bands } => {
            let name = band_name(bands, f64::from(*level));
            let top = usize::try_from(*level).ok() == Some(bands.len());
            match (language, top) {
                (Language::Vi, true) => format!("nhóm cao nhất (“{name}”)"),
                (Language::Vi, false) => format!("từ “{name}” trở lên"),
                (Language::En, true) => format!("the top group (“{name}”)"),
                (Language::En, false) => format!("“{name}” or better"),
            }
        }
        // The reference, once published, is said with the goal, in the
        // plan's own words: "không thấp hơn" or "cao hơn".
        Goal::AboveReference {
            reference,
            statistic,
            strict,
        } => reference_goal(*reference, *statistic, *strict, language),
        Goal::Qualitative => match language {
            Language::Vi => "được đánh giá đạt".to_owned(),
            Language::En => "assessed as met".to_owned(),
        },
        Goal::Maintain { .. } => Label::NoDecrease.text(language).to_owned(),
        Goal::Deliverable => Label::Delivered.text(language).to_owned(),
    }
}

/// "không thấp hơn điểm trung vị (70,10)", "cao hơn điểm bình quân".
fn reference_goal(
    reference: Option<f64>,
    statistic: Statistic,
    strict: bool,
    language: Language,
) -> String {
    let figure = reference.map_or_else(String::new, |figure| {
        format!(" ({})", crate::words::labels::score(figure, language))
    });
    let (vi_which, en_which) = match statistic {
        Statistic::Median => ("điểm trung vị", "the median"),
        Statistic::Average => ("điểm bình quân", "the average"),
    };
    match (language, strict) {
        (Language::Vi, false) => format!("không thấp hơn {vi_which}{figure}"),
        (Language::Vi, true) => format!("cao hơn {vi_which}{figure}"),
        (Language::En, false) => format!("at or above {en_which}{figure}"),
        (Language::En, true) => format!("above {en_which}{figure}"),
    }
}

/// A target's goals through time: "≥ 80%; từ 01/07/2025: ≥ 90%".
pub fn goal_history(goals: &Goals, language: Language) -> String {
    let mut text = goal(goals.first(), language);
    for change in goals.changes() {
        let from = change
            .from
            .map_or_else(String::new, |from| format_day(from, language));
        let word = match language {
            Language::Vi => "từ",
            Language::En => "from",
        };
        let _ = write!(text, "; {word} {from}: {}", goal(&change.goal, language));
    }
    text
}

/// A recorded value as the target's kind reads: "72,5%", "9/18", "7,7".
pub fn value(target: &Target, record: &Record, language: Language) -> String {
    // What a value is depends on the kind alone, the same for every goal.
    let kind = target.goals.first();
    if let (Goal::Qualitative, Some(verdict)) = (kind, record.verdict) {
        return match (verdict, language) {
            (crate::plan::model::Verdict::Met, Language::Vi) => "đạt",
            (crate::plan::model::Verdict::NotMet, Language::Vi) => "chưa đạt",
            (crate::plan::model::Verdict::Met, Language::En) => "met",
            (crate::plan::model::Verdict::NotMet, Language::En) => "not met",
        }
        .to_owned();
    }
    let Some(value) = record.value.filter(|_| kind.measures_value()) else {
        return record
            .status
            .map(|status| progress(status, language).to_owned())
            .unwrap_or_default();
    };
    let text = number(value, language);
    let Measure::Value(quantity) = kind.measure() else {
        return text;
    };
    match quantity {
        Quantity::Percent => format!("{text}%"),
        Quantity::Change => {
            let direction = kind.direction().unwrap_or(Direction::Decrease);
            format!("{} {text}%", direction_word(direction).text(language))
        }
        Quantity::Rank => crate::words::labels::rank(text, record.of, language),
        Quantity::Score => crate::words::labels::score(value, language),
        Quantity::Band => band_name(kind.bands(), value),
        Quantity::Count => text,
        Quantity::Fallen => fallen_words(value, record.note.as_deref(), language),
    }
}

/// "Không có chỉ số nào giảm điểm", or "02 chỉ số giảm điểm: Tính minh bạch
/// 6,90 → 6,50": how many indices fell, and which (the year's record names
/// them in its note).
fn fallen_words(fallen: f64, which: Option<&str>, language: Language) -> String {
    if fallen <= crate::plan::goal::TOLERANCE {
        return match language {
            Language::Vi => "không có chỉ số nào giảm điểm",
            Language::En => "no index scored lower",
        }
        .to_owned();
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a few indices
    let count = crate::words::number::count(fallen.round() as usize, language);
    let which = which.map(|which| format!(": {which}")).unwrap_or_default();
    match language {
        Language::Vi => format!("{count} chỉ số giảm điểm{which}"),
        Language::En if count == "1" => format!("1 index scored lower{which}"),
        Language::En => format!("{count} indices scored lower{which}"),
    }
}

/// A band's name from its place (1 is the lowest).
fn band_name(bands: &[String], place: f64) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a place among a few
    let at = place.round().max(1.0) as usize - 1;
    bands.get(at).cloned().unwrap_or_else(|| place.to_string())
}

/// When a rank is compared across a change of the group's size, what can
/// honestly be said beside the verdict: both ranks with their N and as a
/// share of the group, and how the target was judged.
pub fn group_change_note(goal: &Goal, record: &Record, language: Language) -> Option<String> {
    let (before, now) = goal.group_change(record)?;
    let grew = match (language, now > before) {
        (Language::Vi, true) => "lên",
        (Language::Vi, false) => "xuống",
        (Language::En, _) => "to",
    };
    let Goal::RankImprovement {
        baseline, by_share, ..
    } = goal
    else {
        // A score is rescaled within its group: two years' scores in
        // groups of different sizes are not measured alike.
        return Some(match language {
            Language::Vi => format!(
                "nhóm xếp hạng thay đổi từ {before} {grew} {now} đơn vị: điểm hai năm được tính trong hai nhóm khác nhau, mức thay đổi điểm chỉ để tham khảo"
            ),
            Language::En => format!(
                "the group changed from {before} to {now}: the two years' scores were rescaled in different groups, so the change in score is only indicative"
            ),
        });
    };
    let then = baseline.as_ref()?.value.rank;
    let rank = record.value?;
    let share =
        |rank: f64, of: u32| number((rank / f64::from(of) * 1000.0).round() / 10.0, language);
    let (then_share, now_share) = (share(f64::from(then), before), share(rank, now));
    let rank = number(rank, language);
    Some(match (language, by_share) {
        (Language::Vi, false) => format!(
            "nhóm xếp hạng thay đổi từ {before} {grew} {now} đơn vị: trước xếp thứ {then}/{before} \
             ({then_share}%), nay thứ {rank}/{now} ({now_share}%); đánh giá theo số bậc như mục tiêu"
        ),
        (Language::Vi, true) => format!(
            "nhóm xếp hạng thay đổi từ {before} {grew} {now} đơn vị: trước xếp thứ {then}/{before} \
             ({then_share}%), nay thứ {rank}/{now} ({now_share}%); đánh giá theo tỷ lệ trong nhóm"
        ),
        (Language::En, false) => format!(
            "the group changed from {before} {grew} {now}: {then}/{before} ({then_share}%) then, \
             {rank}/{now} ({now_share}%) now; judged by places, as the target says"
        ),
        (Language::En, true) => format!(
            "the group changed from {before} {grew} {now}: {then}/{before} ({then_share}%) then, \
             {rank}/{now} ({now_share}%) now; judged by the share of the group"
        ),
    })
}

/// The assessment in words, with the periods that broke a count's goal:
/// "Không đạt: tháng 7/2024", and a rank compared across a change of group.
pub fn assessment_of(target: &TargetStatus<'_>, language: Language) -> String {
    let word = assessment(target.assessment, language);
    if let Some(note) = target
        .latest
        .and_then(|record| group_change_note(target.goal, record, language))
    {
        return format!("{word} ({note})");
    }
    if let Some(missing) = (target.assessment == Assessment::NoData && target.latest.is_some())
        .then(|| missing_comparison(target.goal, language))
        .flatten()
    {
        return format!("{word} ({missing})");
    }
    let failing: Vec<Period> = target
        .failing_periods
        .iter()
        .map(|failing| failing.period)
        .collect();
    let unrecorded = &target.unrecorded_periods;
    // Months with nothing recorded are said apart from months short by
    // what was recorded; they alone leave the target without enough figures.
    let not_recorded = match language {
        Language::Vi => format!("chưa ghi nhận: {}", periods_list(unrecorded, language)),
        Language::En => format!("nothing recorded: {}", periods_list(unrecorded, language)),
    };
    match (failing.is_empty(), unrecorded.is_empty()) {
        (true, true) => word.to_owned(),
        (false, true) => format!("{word}: {}", periods_list(&failing, language)),
        (false, false) => format!(
            "{word}: {}; {not_recorded}",
            periods_list(&failing, language)
        ),
        (true, false) => {
            let word = match language {
                Language::Vi => "Chưa đủ số liệu",
                Language::En => "Not enough figures",
            };
            format!("{word} ({not_recorded})")
        }
    }
}

/// The first day of the three months before `deadline` whose figures can
/// say it was missed (`judge::status::target::current_at`).
pub fn wanted_since(deadline: NaiveDate) -> Option<NaiveDate> {
    deadline
        .checked_sub_months(chrono::Months::new(3))?
        .succ_opt()
}

/// What a goal judged against a baseline lacks, when the figure is there
/// and the baseline is not: the reader is told what to enter.
pub fn missing_comparison(goal: &Goal, language: Language) -> Option<&'static str> {
    Some(match (goal.compared_with(), language) {
        (ComparedWith::Rank(None), Language::Vi) => "thiếu thứ hạng năm trước để so sánh",
        (ComparedWith::Rank(None), Language::En) => "the previous year's rank is missing",
        (ComparedWith::Score(None), Language::Vi) => "thiếu điểm số năm trước để so sánh",
        (ComparedWith::Score(None), Language::En) => "the previous year's score is missing",
        (ComparedWith::Reference(None), Language::Vi) => "chưa công bố điểm trung vị của nhóm",
        (ComparedWith::Reference(None), Language::En) => "the group's median is not published",
        _ => return None,
    })
}

/// What the goal is compared with, as a reader sees it: "7,2", "9/18", or
/// "no data" when the goal needs a baseline the plan does not have.
pub fn baseline(goal: &Goal, language: Language) -> String {
    let rank = |rank: &RankOf| crate::words::labels::rank(rank.rank, rank.of, language);
    // A baseline from a named year's result says which year.
    let year = |source: crate::plan::model::BaselineSource| match source {
        crate::plan::model::BaselineSource::Year(year) => format!(" ({year})"),
        _ => String::new(),
    };
    let no_data = || Label::NoData.text(language).to_owned();
    match goal.compared_with() {
        ComparedWith::Rank(baseline) => baseline.map_or_else(no_data, |baseline| {
            format!("{}{}", rank(&baseline.value), year(baseline.source))
        }),
        ComparedWith::Score(baseline) => baseline.map_or_else(no_data, |baseline| {
            format!(
                "{}{}",
                crate::words::labels::score(baseline.value, language),
                year(baseline.source)
            )
        }),
        ComparedWith::Figure(figure) => number(figure, language),
        ComparedWith::Reference(reference) => reference.map_or_else(no_data, |median| {
            crate::words::labels::score(median, language)
        }),
        ComparedWith::Nothing => String::new(),
    }
}

/// A flag in a few words, e.g. "chưa ghi nhận: tháng 1–3/2024".
pub fn flag(flag: &TaskFlag, language: Language) -> String {
    match flag {
        TaskFlag::Overdue { due } => format!(
            "{} {}",
            Label::DueOn.text(language),
            format_day(*due, language)
        ),
        TaskFlag::NoReportForQuarter { quarter } => {
            format!(
                "{} {}",
                Label::NoRecordThisQuarter.text(language),
                quarter.name(language)
            )
        }
        TaskFlag::NotRecorded { missed } => {
            format!(
                "{}: {}",
                Label::NotRecorded.text(language),
                occurrences_list(missed, language)
            )
        }
        TaskFlag::RecordedNotHeld { occurrences } => format!(
            "{}: {}",
            Label::RecordedNotHeld.text(language),
            occurrences_list(occurrences, language)
        ),
        TaskFlag::NotBegun { start } => format!(
            "{} {}",
            Label::BeginsOn.text(language),
            format_day(*start, language)
        ),
        // "dừng thực hiện từ 01/03/2025 (…)": the first day it is no more.
        TaskFlag::Ended { last_day, reason } => {
            let from = last_day.succ_opt().unwrap_or(*last_day);
            let reason = reason
                .as_deref()
                .map(|reason| format!(" ({})", crate::words::visible::one_line(reason)))
                .unwrap_or_default();
            match language {
                Language::Vi => format!("dừng thực hiện từ {}{reason}", format_day(from, language)),
                Language::En => format!("stopped from {}{reason}", format_day(from, language)),
            }
        }
    }
}

/// Occurrences by their months when monthly ("tháng 7, 10–12/2024"), else
/// by their days, counted when many.
fn occurrences_list(occurrences: &[Occurrence], language: Language) -> String {
    let periods: Vec<Period> = occurrences
        .iter()
        .map(|occurrence| occurrence.period)
        .collect();
    let monthly = periods
        .iter()
        .all(|period| matches!(period.kind, PeriodKind::Month { .. }));
    let days: Vec<String> = occurrences
        .iter()
        .map(|occurrence| format_day(occurrence.day, language))
        .collect();
    match (monthly, days.as_slice()) {
        (true, _) => periods_list(&periods, language),
        (false, [first, .., last]) if days.len() > 3 => format!(
            "{} {} ({first} … {last})",
            days.len(),
            Label::Times.text(language)
        ),
        (false, _) => days.join(", "),
    }
}

/// Months as "tháng 1–3, 5/2024" / "months 1–3, 5 of 2024"; other periods by name.
pub fn periods_list(periods: &[Period], language: Language) -> String {
    let months: Vec<(i32, u32)> = periods
        .iter()
        .filter_map(|period| match period.kind {
            PeriodKind::Month { year, month } => Some((year, month)),
            _ => None,
        })
        .collect();
    if months.len() != periods.len() || months.is_empty() {
        return periods
            .iter()
            .map(|period| period.name(language))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let mut by_year: Vec<(i32, Vec<u32>)> = Vec::new();
    for (year, month) in months {
        match by_year.last_mut() {
            Some((last_year, list)) if *last_year == year => list.push(month),
            _ => by_year.push((year, vec![month])),
        }
    }
    by_year
        .into_iter()
        .map(|(year, list)| {
            let ranges = compress(&list);
            match language {
                Language::Vi => format!("tháng {ranges}/{year}"),
                Language::En if list.len() == 1 => format!("month {ranges} of {year}"),
                Language::En => format!("months {ranges} of {year}"),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// 1, 2, 3, 5 → "1–3, 5".
fn compress(numbers: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut index = 0;
    while index < numbers.len() {
        let start = numbers[index];
        let mut end = start;
        while index + 1 < numbers.len() && numbers[index + 1] == end + 1 {
            index += 1;
            end = numbers[index];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        index += 1;
    }
    parts.join(", ")
}

/// Cuts text to `limit` characters at a word boundary, with an ellipsis.
pub fn shorten(text: &str, limit: usize) -> String {
    let text = crate::words::visible::one_line(text);
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lists_are_compressed() {
        let months: Vec<Period> = [1, 2, 3, 5, 7, 8]
            .iter()
            .map(|month| Period::month(2024, *month).expect("month"))
            .collect();
        assert_eq!(
            periods_list(&months, Language::Vi),
            "tháng 1–3, 5, 7–8/2024"
        );
        assert_eq!(
            periods_list(&months, Language::En),
            "months 1–3, 5, 7–8 of 2024"
        );
    }

    /// Goals, values and baselines in words, for targets read from a plan.
    #[test]
    fn goals_values_and_baselines_in_words() {
        use crate::plan::build::tests::{HEADER, plan_from};
        let plan = plan_from(&format!(
            "{HEADER}[[targets]]\nid = \"a\"\ntext = \"x\"\nkind = \"rank_improvement\"\nplaces = 2\nplaces_max = 3\n\
             [[targets]]\nid = \"b\"\ntext = \"x\"\nkind = \"rank_improvement\"\nplaces = 2\nplaces_max = 2\n\
             [[targets]]\nid = \"c\"\ntext = \"x\"\nkind = \"rank_at_most\"\nrank = 5\n\
             [[targets.records]]\ndate = 2024-06-30\nvalue = 9\nof = 18\n\
             [[targets]]\nid = \"d\"\ntext = \"x\"\nkind = \"change\"\ndirection = \"decrease\"\npercent = 30\nbaseline = 40\n"
        ));
        let target = |id: &str| plan.target(plan.target_by_id(id).expect("target"));
        assert_eq!(
            goal(target("a").goals.first(), Language::Vi),
            "tăng 2–3 bậc"
        );
        assert_eq!(goal(target("b").goals.first(), Language::Vi), "tăng 2 bậc");
        let record = &target("c").records.all()[0];
        assert_eq!(value(target("c"), record, Language::Vi), "thứ 9/18");
        assert_eq!(value(target("c"), record, Language::En), "9/18");
        assert_eq!(baseline(target("d").goals.first(), Language::Vi), "40");
        assert_eq!(goal(target("d").goals.first(), Language::En), "down 30%");
    }

    #[test]
    fn shortening_keeps_whole_words() {
        assert_eq!(
            shorten("Đẩy mạnh công tác thông tin, tuyên truyền", 20),
            "Đẩy mạnh công tác…"
        );
        assert_eq!(shorten("ngắn", 20), "ngắn");
        // A cut word is kept only when the last space is too early to use.
        assert_eq!(shorten("ab cdefghijklmnopqrstuvwxyz", 10), "ab cdefgh…");
        assert_eq!(shorten("abcd efghijkl", 10), "abcd efgh…");
    }
}
