//! A period written as a short key in the plan file and on the command line:
//! `2024` (the year), `2024-H1`, `2024-Q2`, `2024-9M` (nine months), `2024-06`
//! (a month) and `2024-W05` (an ISO week, Monday to Sunday). A filed report
//! names the period it covers this way.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::plan::file::Frequency;
use crate::time::period::{Period, PeriodKind};

/// The forms a key may take, for messages.
pub const FORMS: &str = "2024, 2024-H1, 2024-Q2, 2024-9M, 2024-06 or 2024-W05";

/// [`FORMS`] in the language spoken, for messages.
pub fn forms() -> &'static str {
    match crate::words::speech::speaking() {
        crate::words::language::Language::Vi => {
            "2024, 2024-H1, 2024-Q2, 2024-9M, 2024-06 hoặc 2024-W05"
        }
        crate::words::language::Language::En => FORMS,
    }
}

/// The key of a period that has one (a range of days has none).
pub fn key(period: &Period) -> Option<String> {
    match period.kind {
        PeriodKind::Year { year } => Some(format!("{year}")),
        PeriodKind::Half { year, half } => Some(format!("{year}-H{half}")),
        PeriodKind::Quarter { year, quarter } => Some(format!("{year}-Q{quarter}")),
        PeriodKind::NineMonths { year } => Some(format!("{year}-9M")),
        PeriodKind::Month { year, month } => Some(format!("{year}-{month:02}")),
        PeriodKind::Week => {
            let week = period.start.iso_week();
            Some(format!("{}-W{:02}", week.year(), week.week()))
        }
        PeriodKind::Range => None,
    }
}

/// Whether `period` is one of the periods of length `every`.
pub fn is_a(period: &Period, every: Frequency) -> bool {
    matches!(
        (period.kind, every),
        (PeriodKind::Week, Frequency::Week)
            | (PeriodKind::Month { .. }, Frequency::Month)
            | (PeriodKind::Quarter { .. }, Frequency::Quarter)
            | (PeriodKind::Half { .. }, Frequency::Half)
            | (PeriodKind::Year { .. }, Frequency::Year)
    )
}

/// The word the plan file uses for a frequency.
pub fn frequency_word(every: Frequency) -> &'static str {
    match every {
        Frequency::Week => "week",
        Frequency::Month => "month",
        Frequency::Quarter => "quarter",
        Frequency::Half => "half",
        Frequency::Year => "year",
    }
}

/// The period a key names; an error says what was expected.
pub fn parse(text: &str) -> Result<Period, String> {
    let text = text.trim();
    let wrong = || {
        let forms = forms();
        crate::say!(
            "`{text}` không phải là một kỳ; hãy viết theo dạng {forms}",
            "`{text}` is not a period; write {forms}"
        )
    };
    let (year, rest) = match text.split_once('-') {
        Some((year, rest)) => (year, Some(rest)),
        None => (text, None),
    };
    if year.len() != 4 || !year.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(wrong());
    }
    let year: i32 = year.parse().map_err(|_| wrong())?;
    let number = |digits: &str| -> Result<u32, String> {
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(wrong());
        }
        digits.parse().map_err(|_| wrong())
    };
    let found = match rest {
        None => Period::year(year),
        Some(rest) => {
            let upper = rest.to_ascii_uppercase();
            if upper == "9M" {
                Period::nine_months(year)
            } else if let Some(half) = upper.strip_prefix('H') {
                Period::half(year, number(half)?)
            } else if let Some(quarter) = upper.strip_prefix('Q') {
                Period::quarter(year, number(quarter)?)
            } else if let Some(week) = upper.strip_prefix('W') {
                let week = number(week)?;
                let monday =
                    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(|| {
                        crate::say!(
                            "năm {year} không có tuần ISO {week}; các tuần đánh số từ 01 đến 52 hoặc 53",
                            "{year} has no ISO week {week}; weeks run 01 to 52 or 53"
                        )
                    })?;
                return Ok(Period::containing(monday, Frequency::Week));
            } else if rest.len() == 2 {
                Period::month(year, number(rest)?)
            } else {
                return Err(wrong());
            }
        }
    };
    found.map_err(|error| format!("`{text}`: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn keys_name_the_days_they_cover_and_read_back() {
        let cases = [
            ("2024", "2024-01-01", "2024-12-31"),
            ("2024-H1", "2024-01-01", "2024-06-30"),
            ("2024-H2", "2024-07-01", "2024-12-31"),
            ("2024-Q1", "2024-01-01", "2024-03-31"),
            ("2024-Q4", "2024-10-01", "2024-12-31"),
            ("2024-9M", "2024-01-01", "2024-09-30"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2024-12", "2024-12-01", "2024-12-31"),
            ("2024-W01", "2024-01-01", "2024-01-07"),
            // ISO week 1 of 2025 starts in 2024.
            ("2025-W01", "2024-12-30", "2025-01-05"),
        ];
        for (text, start, end) in cases {
            let period = parse(text).unwrap_or_else(|error| panic!("{text}: {error}"));
            assert_eq!((period.start, period.end), (day(start), day(end)), "{text}");
            assert_eq!(key(&period).as_deref(), Some(text), "{text} reads back");
        }
    }

    #[test]
    fn lower_case_is_read_too() {
        assert_eq!(parse("2024-q2"), parse("2024-Q2"));
        assert_eq!(parse("2024-h1"), parse("2024-H1"));
        assert_eq!(parse("2024-9m"), parse("2024-9M"));
    }

    #[test]
    fn what_is_no_period_says_what_would_be() {
        let forms = |text: &str| format!("`{text}` is not a period; write {FORMS}");
        for text in [
            "",
            "24",
            "2024-",
            "2024-Q",
            "2024-Q123",
            "2024-6",
            "Q2",
            "2024/Q2",
            "２０２４",
            "2024-X1",
        ] {
            assert_eq!(parse(text), Err(forms(text)), "{text:?}");
        }
        for (text, period) in [
            ("2024-Q5", Period::quarter(2024, 5)),
            ("2024-Q0", Period::quarter(2024, 0)),
            ("2024-Q22", Period::quarter(2024, 22)),
            ("2024-H3", Period::half(2024, 3)),
            ("2024-13", Period::month(2024, 13)),
        ] {
            let reason = period.expect_err(text).0;
            assert_eq!(parse(text), Err(format!("`{text}`: {reason}")), "{text}");
        }
        assert_eq!(
            parse("2024-W54"),
            Err("2024 has no ISO week 54; weeks run 01 to 52 or 53".to_owned())
        );
    }

    #[test]
    fn a_range_of_days_has_no_key() {
        let range = Period::range(day("2024-03-15"), day("2024-06-14")).expect("a range");
        assert_eq!(key(&range), None);
    }
}
