//! How plan things read in words, in either language: goals, values,
//! baselines, states, flags, unit names. Shared by `status` and `report`.

use crate::labels::{Label, Language, frequency_word, number};
use crate::period::{Period, PeriodKind, format_day};
use crate::plan::file::{Direction, PlanFile, Progress, Record, Target, TargetKind};
use crate::status::{Assessment, Baseline, TargetStatus, TaskFlag, TaskState};

pub fn task_state(state: TaskState, language: Language) -> &'static str {
    let label = match state {
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

pub fn assessment(assessment: Assessment, language: Language) -> &'static str {
    let label = match assessment {
        Assessment::Met => Label::Met,
        Assessment::NotYetMet => Label::NotYetMet,
        Assessment::NotMet => Label::NotMet,
        Assessment::NoData => Label::NoData,
    };
    label.text(language)
}

/// A unit's short name (or its name), for tables.
pub fn unit_name<'a>(file: &'a PlanFile, id: &'a str) -> &'a str {
    file.units
        .iter()
        .find(|unit| unit.id.get_ref() == id)
        .map_or(id, |unit| {
            unit.short.as_deref().unwrap_or(unit.name.get_ref())
        })
}

/// A unit's full name, for reports.
pub fn unit_full_name<'a>(file: &'a PlanFile, id: &'a str) -> &'a str {
    file.units
        .iter()
        .find(|unit| unit.id.get_ref() == id)
        .map_or(id, |unit| unit.name.get_ref().as_str())
}

pub fn unit_names(file: &PlanFile, ids: &[crate::plan::spanned::Spanned<String>]) -> String {
    ids.iter()
        .map(|id| unit_name(file, id.get_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "tăng" / "giảm" for a change target (decrease unless it says increase).
fn direction_word(target: &Target) -> Label {
    match target
        .direction
        .as_ref()
        .map(|direction| *direction.get_ref())
    {
        Some(Direction::Increase) => Label::Increase,
        _ => Label::Decrease,
    }
}

/// The goal in a few words: "≥ 80%", "tăng 4 bậc", "≤ 1 lần/năm/doanh nghiệp".
pub fn goal(target: &Target, language: Language) -> String {
    let percent = target
        .percent
        .as_ref()
        .map(|percent| number(*percent.get_ref(), language));
    let whole = |field: &Option<crate::plan::spanned::Spanned<i64>>| {
        field.as_ref().map(|field| field.get_ref().to_string())
    };
    let per = target
        .per
        .as_ref()
        .map(|per| frequency_word(*per.get_ref(), language));
    let per_entity = target
        .per_entity
        .as_ref()
        .map(|entity| entity.get_ref().as_str());
    let times = Label::Times.text(language);
    // "lần/năm/doanh nghiệp" in Vietnamese, "per year per enterprise" in English.
    let count_unit = || {
        let (lead, joiner) = match language {
            Language::Vi => (format!(" {times}"), "/"),
            Language::En => (String::new(), " per "),
        };
        let parts: Vec<&str> = per.into_iter().chain(per_entity).collect();
        if parts.is_empty() {
            lead
        } else {
            format!("{lead}{joiner}{}", parts.join(joiner))
        }
    };
    match *target.kind.get_ref() {
        TargetKind::PercentAtLeast => format!("≥ {}%", percent.unwrap_or_default()),
        TargetKind::PercentAtMost => format!("≤ {}%", percent.unwrap_or_default()),
        TargetKind::All => "100%".to_owned(),
        TargetKind::Change => {
            let direction = direction_word(target);
            format!(
                "{} {}%",
                direction.text(language),
                percent.unwrap_or_default()
            )
        }
        TargetKind::CountAtMost => format!(
            "≤ {}{}",
            whole(&target.max).unwrap_or_default(),
            count_unit()
        ),
        TargetKind::CountAtLeast => format!(
            "≥ {}{}",
            whole(&target.min).unwrap_or_default(),
            count_unit()
        ),
        TargetKind::RankImprovement => {
            let places = whole(&target.places).unwrap_or_default();
            let range = match whole(&target.places_max) {
                Some(max) => format!("{places}–{max}"),
                None => places,
            };
            format!(
                "{} {range} {}",
                Label::Increase.text(language),
                Label::Places.text(language)
            )
        }
        TargetKind::RankAtMost => format!(
            "{} {}",
            Label::Top.text(language),
            whole(&target.rank).unwrap_or_default()
        ),
        TargetKind::ScoreAtLeast => format!(
            "≥ {} {}",
            target
                .score
                .as_ref()
                .map(|score| number(*score.get_ref(), language))
                .unwrap_or_default(),
            Label::Points.text(language)
        ),
        TargetKind::ScoreChangeAtLeast => format!(
            "+{} {}",
            target
                .points
                .as_ref()
                .map(|points| number(*points.get_ref(), language))
                .unwrap_or_default(),
            Label::Points.text(language)
        ),
        TargetKind::Maintain => Label::NoDecrease.text(language).to_owned(),
        TargetKind::Deliverable => Label::Delivered.text(language).to_owned(),
    }
}

/// A recorded value as the target's kind reads: "72,5%", "9/18", "7,7".
pub fn value(target: &Target, record: &Record, language: Language) -> String {
    if *target.kind.get_ref() == TargetKind::Deliverable || record.value.is_none() {
        return record
            .status
            .as_ref()
            .map(|status| progress(*status.get_ref(), language).to_owned())
            .unwrap_or_default();
    }
    let value = record.value.as_ref().map_or(0.0, |value| *value.get_ref());
    let text = number(value, language);
    match *target.kind.get_ref() {
        TargetKind::PercentAtLeast | TargetKind::PercentAtMost | TargetKind::All => {
            format!("{text}%")
        }
        TargetKind::Change => {
            let direction = direction_word(target);
            format!("{} {text}%", direction.text(language))
        }
        TargetKind::RankImprovement | TargetKind::RankAtMost => match &record.of {
            Some(of) => format!("{text}/{}", of.get_ref()),
            None => text,
        },
        _ => text,
    }
}

/// The assessment in words, with the periods that broke a count's goal:
/// "Không đạt: tháng 7/2024".
pub fn assessment_of(target: &TargetStatus<'_>, language: Language) -> String {
    let word = assessment(target.assessment, language);
    if target.failing_periods.is_empty() {
        return word.to_owned();
    }
    let periods: Vec<Period> = target
        .failing_periods
        .iter()
        .map(|failing| failing.period)
        .collect();
    format!("{word}: {}", periods_list(&periods, language))
}

pub fn baseline(baseline: Option<Baseline>, language: Language) -> String {
    match baseline {
        None => String::new(),
        Some(Baseline::Score(score)) => number(score, language),
        Some(Baseline::Rank { rank, of: Some(of) }) => format!("{rank}/{of}"),
        Some(Baseline::Rank { rank, of: None }) => rank.to_string(),
        Some(Baseline::Missing) => Label::NoData.text(language).to_owned(),
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
        TaskFlag::NoRecordInQuarter { quarter } => {
            format!(
                "{} {}",
                Label::NoRecordThisQuarter.text(language),
                quarter.name(language)
            )
        }
        TaskFlag::NotRecorded { missed } => {
            let periods: Vec<Period> = missed.iter().map(|occurrence| occurrence.period).collect();
            let monthly = periods
                .iter()
                .all(|period| matches!(period.kind, PeriodKind::Month { .. }));
            let days: Vec<String> = missed
                .iter()
                .map(|occurrence| format_day(occurrence.day, language))
                .collect();
            let list = match (monthly, days.as_slice()) {
                (true, _) => periods_list(&periods, language),
                (false, [first, .., last]) if days.len() > 3 => format!(
                    "{} {} ({first} … {last})",
                    days.len(),
                    Label::Times.text(language)
                ),
                (false, _) => days.join(", "),
            };
            format!("{}: {list}", Label::NotRecorded.text(language))
        }
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
    if text.chars().count() <= limit {
        return text.to_owned();
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

    #[test]
    fn shortening_keeps_whole_words() {
        assert_eq!(
            shorten("Đẩy mạnh công tác thông tin, tuyên truyền", 20),
            "Đẩy mạnh công tác…"
        );
        assert_eq!(shorten("ngắn", 20), "ngắn");
    }
}
