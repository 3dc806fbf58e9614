//! Reporting periods: months, quarters, halves, nine months, years and any
//! range of days, each inclusive at both ends, with the names Vietnamese
//! reports give them ("Quý II/2024") and their English ones.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::words::language::Language;

/// The data cut-off of periodic reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodRule {
    /// Calendar periods: Q2 is 1 April to 30 June.
    #[default]
    Calendar,
    /// Decree 09/2019/NĐ-CP, Article 12: from the 15th of the month before the
    /// period to the 14th of its last month (Q2 is 15 March to 14 June).
    #[serde(rename = "decree-09-2019")]
    Decree09,
}

/// How often a count is kept or an event recurs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Week,
    Month,
    Quarter,
    Half,
    Year,
}

/// A span of whole days, `start` and `end` both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub kind: PeriodKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Week,
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Half { year: i32, half: u32 },
    NineMonths { year: i32 },
    Year { year: i32 },
    Range,
}

/// Why a period cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl std::fmt::Display for PeriodError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for PeriodError {}

fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, PeriodError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        PeriodError(crate::say!(
            "ddci không làm việc được với năm {year}",
            "{year} is not a year ddci can work with"
        ))
    })
}

fn month_end(year: i32, month: u32) -> Result<NaiveDate, PeriodError> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    Ok(date(next_year, next_month, 1)?
        .pred_opt()
        .unwrap_or(NaiveDate::MIN))
}

impl Period {
    pub fn month(year: i32, month: u32) -> Result<Self, PeriodError> {
        if !(1..=12).contains(&month) {
            return Err(PeriodError(crate::say!(
                "không có tháng {month}; tháng là từ 1 đến 12",
                "there is no month {month}; months are 1 to 12"
            )));
        }
        Ok(Self {
            start: date(year, month, 1)?,
            end: month_end(year, month)?,
            kind: PeriodKind::Month { year, month },
        })
    }

    pub fn quarter(year: i32, quarter: u32) -> Result<Self, PeriodError> {
        if !(1..=4).contains(&quarter) {
            return Err(PeriodError(crate::say!(
                "không có quý {quarter}; quý là từ 1 đến 4",
                "there is no quarter {quarter}; quarters are 1 to 4"
            )));
        }
        let first_month = (quarter - 1) * 3 + 1;
        Ok(Self {
            start: date(year, first_month, 1)?,
            end: month_end(year, first_month + 2)?,
            kind: PeriodKind::Quarter { year, quarter },
        })
    }

    pub fn half(year: i32, half: u32) -> Result<Self, PeriodError> {
        if !(1..=2).contains(&half) {
            return Err(PeriodError(crate::say!(
                "không có nửa năm thứ {half}; chỉ có 6 tháng đầu năm (1) và 6 tháng cuối năm (2)",
                "there is no half {half}; halves are 1 and 2"
            )));
        }
        let first_month = if half == 1 { 1 } else { 7 };
        Ok(Self {
            start: date(year, first_month, 1)?,
            end: month_end(year, first_month + 5)?,
            kind: PeriodKind::Half { year, half },
        })
    }

    pub fn nine_months(year: i32) -> Result<Self, PeriodError> {
        Ok(Self {
            start: date(year, 1, 1)?,
            end: month_end(year, 9)?,
            kind: PeriodKind::NineMonths { year },
        })
    }

    pub fn year(year: i32) -> Result<Self, PeriodError> {
        Ok(Self {
            start: date(year, 1, 1)?,
            end: date(year, 12, 31)?,
            kind: PeriodKind::Year { year },
        })
    }

    pub fn range(start: NaiveDate, end: NaiveDate) -> Result<Self, PeriodError> {
        if start > end {
            return Err(PeriodError(crate::say!(
                "ngày bắt đầu của kỳ ({start}) sau ngày kết thúc ({end})",
                "the period starts ({start}) after it ends ({end})"
            )));
        }
        Ok(Self {
            start,
            end,
            kind: PeriodKind::Range,
        })
    }

    /// The same period under a data cut-off rule. Under Decree 09/2019, a
    /// month, quarter, half, nine months or year runs from the 15th of the
    /// month before it to the 14th of its last month (Q2: 15/3–14/6; the
    /// year: 15/12 of the year before to 14/12). Weeks and ranges are days
    /// given, and stay as they are.
    #[must_use]
    pub fn under(self, rule: PeriodRule) -> Self {
        let shifts = !matches!(self.kind, PeriodKind::Week | PeriodKind::Range);
        if rule == PeriodRule::Calendar || !shifts {
            return self;
        }
        let (year, month) = if self.start.month() == 1 {
            (self.start.year() - 1, 12)
        } else {
            (self.start.year(), self.start.month() - 1)
        };
        match (
            NaiveDate::from_ymd_opt(year, month, 15),
            self.end.with_day(14),
        ) {
            (Some(start), Some(end)) => Self { start, end, ..self },
            _ => self,
        }
    }

    /// The period a report's "next period" plans for: the quarter, half,
    /// month or year after; the fourth quarter after nine months.
    pub fn next(&self) -> Option<Self> {
        let period = match self.kind {
            PeriodKind::Month { year, month: 12 } => Self::month(year + 1, 1),
            PeriodKind::Month { year, month } => Self::month(year, month + 1),
            PeriodKind::Quarter { year, quarter: 4 } => Self::quarter(year + 1, 1),
            PeriodKind::Quarter { year, quarter } => Self::quarter(year, quarter + 1),
            PeriodKind::Half { year, half: 2 } => Self::half(year + 1, 1),
            PeriodKind::Half { year, .. } => Self::half(year, 2),
            PeriodKind::NineMonths { year } => Self::quarter(year, 4),
            PeriodKind::Year { year } => Self::year(year + 1),
            PeriodKind::Week | PeriodKind::Range => return None,
        };
        period.ok()
    }

    /// The period of the same kind just before this one, to compare with:
    /// the quarter before, the half before, the first half for nine months,
    /// the year before. None for weeks and ranges.
    pub fn previous(&self) -> Option<Self> {
        let period = match self.kind {
            PeriodKind::Month { year, month: 1 } => Self::month(year - 1, 12),
            PeriodKind::Month { year, month } => Self::month(year, month - 1),
            PeriodKind::Quarter { year, quarter: 1 } => Self::quarter(year - 1, 4),
            PeriodKind::Quarter { year, quarter } => Self::quarter(year, quarter - 1),
            PeriodKind::Half { year, half: 1 } => Self::half(year - 1, 2),
            PeriodKind::Half { year, .. } | PeriodKind::NineMonths { year } => Self::half(year, 1),
            PeriodKind::Year { year } => Self::year(year - 1),
            PeriodKind::Week | PeriodKind::Range => return None,
        };
        period.ok()
    }

    /// The period of length `frequency` holding `day` (weeks run Monday to Sunday).
    pub fn containing(day: NaiveDate, frequency: Frequency) -> Self {
        let year = day.year();
        let found = match frequency {
            Frequency::Week => {
                let start =
                    day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
                Ok(Self {
                    start,
                    end: start + chrono::Days::new(6),
                    kind: PeriodKind::Week,
                })
            }
            Frequency::Month => Self::month(year, day.month()),
            Frequency::Quarter => Self::quarter(year, (day.month() - 1) / 3 + 1),
            Frequency::Half => Self::half(year, if day.month() <= 6 { 1 } else { 2 }),
            Frequency::Year => Self::year(year),
        };
        // Every date chrono can hold has a month, quarter, half and year.
        found.unwrap_or(Self {
            start: day,
            end: day,
            kind: PeriodKind::Range,
        })
    }

    /// The periods of length `frequency` that start within `within`, in order.
    pub fn each(frequency: Frequency, within: &Period) -> Vec<Period> {
        let mut periods = Vec::new();
        let mut current = Self::containing(within.start, frequency);
        while current.start <= within.end {
            periods.push(current);
            match current.end.succ_opt() {
                Some(next) => current = Self::containing(next, frequency),
                None => break,
            }
        }
        periods
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// The name within a sentence: "tháng 5/2024", but "Quý II/2024" and
    /// "6 tháng đầu năm 2024" as they are (a quarter keeps its capital and
    /// its numerals).
    pub fn name_in_sentence(&self, language: Language) -> String {
        let name = self.name(language);
        match name.strip_prefix("Tháng ") {
            Some(rest) => format!("tháng {rest}"),
            None => name,
        }
    }

    /// The name a report gives the period.
    pub fn name(&self, language: Language) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        let vi = language == Language::Vi;
        match self.kind {
            PeriodKind::Month { year, month } => {
                if vi {
                    format!("Tháng {month}/{year}")
                } else {
                    let name = NaiveDate::from_ymd_opt(year, month, 1)
                        .map_or_else(String::new, |day| day.format("%B").to_string());
                    format!("{name} {year}")
                }
            }
            PeriodKind::Quarter { year, quarter } => {
                if vi {
                    format!("Quý {}/{year}", ROMAN[(quarter as usize).clamp(1, 4) - 1])
                } else {
                    format!("Q{quarter} {year}")
                }
            }
            PeriodKind::Half { year, half } => match (vi, half) {
                (true, 1) => format!("6 tháng đầu năm {year}"),
                (true, _) => format!("6 tháng cuối năm {year}"),
                (false, 1) => format!("first half of {year}"),
                (false, _) => format!("second half of {year}"),
            },
            PeriodKind::NineMonths { year } => {
                if vi {
                    format!("9 tháng đầu năm {year}")
                } else {
                    format!("first nine months of {year}")
                }
            }
            PeriodKind::Year { year } => {
                if vi {
                    format!("năm {year}")
                } else {
                    format!("year {year}")
                }
            }
            PeriodKind::Week | PeriodKind::Range => {
                let (from, to) = (
                    format_day(self.start, language),
                    format_day(self.end, language),
                );
                if vi {
                    format!("từ {from} đến {to}")
                } else {
                    format!("{from} to {to}")
                }
            }
        }
    }
}

/// Periods one report covers, named together as an office writes them:
/// "Quý II và 6 tháng đầu năm 2024", "Quý IV, 6 tháng cuối năm và năm
/// 2024" (the year once, at the end, when they share it); "Q4 2024, second
/// half of 2024 and year 2024".
pub fn names_together(periods: &[Period], language: Language) -> String {
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    let year_of = |period: &Period| period.start.year();
    let one_year = periods
        .first()
        .filter(|first| {
            periods
                .iter()
                .all(|period| year_of(period) == year_of(first))
        })
        .map(year_of);
    let yearless = |period: &Period| match period.kind {
        PeriodKind::Month { month, .. } => Some(format!("tháng {month}")),
        PeriodKind::Quarter { quarter, .. } => {
            Some(format!("Quý {}", ROMAN[(quarter as usize).clamp(1, 4) - 1]))
        }
        PeriodKind::Half { half: 1, .. } => Some("6 tháng đầu năm".to_owned()),
        PeriodKind::Half { .. } => Some("6 tháng cuối năm".to_owned()),
        PeriodKind::NineMonths { .. } => Some("9 tháng đầu năm".to_owned()),
        PeriodKind::Year { .. } => Some("năm".to_owned()),
        PeriodKind::Week | PeriodKind::Range => None,
    };
    let names: Vec<String> = match (language, one_year) {
        (Language::Vi, Some(year)) if periods.len() > 1 => {
            match periods
                .iter()
                .map(yearless)
                .collect::<Option<Vec<String>>>()
            {
                Some(mut names) => {
                    if let Some(last) = names.last_mut() {
                        // "… và năm 2024"; "… và 6 tháng đầu năm 2024".
                        last.push(if last.ends_with("năm") { ' ' } else { '/' });
                        last.push_str(&year.to_string());
                    }
                    names
                }
                None => periods.iter().map(|period| period.name(language)).collect(),
            }
        }
        _ => periods.iter().map(|period| period.name(language)).collect(),
    };
    let and = match language {
        Language::Vi => " và ",
        Language::En => " and ",
    };
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// A day as a reader of that language writes it: 30/06/2024 or 2024-06-30.
pub fn format_day(day: NaiveDate, language: Language) -> String {
    match language {
        Language::Vi => day.format("%d/%m/%Y").to_string(),
        Language::En => day.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn periods_of_one_report_are_named_as_an_office_writes_them() {
        let q = |quarter| Period::quarter(2024, quarter).expect("a quarter");
        let h = |half| Period::half(2024, half).expect("a half");
        let year = Period::year(2024).expect("a year");
        let next_year = Period::year(2025).expect("a year");
        let cases: [(Vec<Period>, &str, &str); 6] = [
            (vec![], "", ""),
            (vec![q(1)], "Quý I/2024", "Q1 2024"),
            (
                vec![q(2), h(1)],
                "Quý II và 6 tháng đầu năm 2024",
                "Q2 2024 and first half of 2024",
            ),
            (
                vec![q(4), h(2), year],
                "Quý IV, 6 tháng cuối năm và năm 2024",
                "Q4 2024, second half of 2024 and year 2024",
            ),
            (
                vec![Period::month(2024, 11).expect("a month"), q(4)],
                "tháng 11 và Quý IV/2024",
                "November 2024 and Q4 2024",
            ),
            // Of two years, each keeps its own.
            (
                vec![year, next_year],
                "năm 2024 và năm 2025",
                "year 2024 and year 2025",
            ),
        ];
        for (periods, vi, en) in cases {
            assert_eq!(names_together(&periods, Language::Vi), vi, "{periods:?}");
            assert_eq!(names_together(&periods, Language::En), en, "{periods:?}");
        }
    }

    #[test]
    fn quarter_boundaries_are_inclusive() {
        let cases = [
            (1, "2024-01-01", "2024-03-31"),
            (2, "2024-04-01", "2024-06-30"),
            (3, "2024-07-01", "2024-09-30"),
            (4, "2024-10-01", "2024-12-31"),
        ];
        for (quarter, start, end) in cases {
            let period = Period::quarter(2024, quarter).expect("quarter");
            assert_eq!(
                (period.start, period.end),
                (day(start), day(end)),
                "Q{quarter}"
            );
        }
        let q1 = Period::quarter(2024, 1).expect("Q1");
        assert!(q1.contains(day("2024-03-31")));
        assert!(!q1.contains(day("2024-04-01")));
    }

    #[test]
    fn halves_nine_months_and_leap_february() {
        let h1 = Period::half(2024, 1).expect("H1");
        assert_eq!((h1.start, h1.end), (day("2024-01-01"), day("2024-06-30")));
        let h2 = Period::half(2024, 2).expect("H2");
        assert_eq!((h2.start, h2.end), (day("2024-07-01"), day("2024-12-31")));
        assert_eq!(
            Period::nine_months(2024).expect("9m").end,
            day("2024-09-30")
        );
        assert_eq!(Period::month(2024, 2).expect("Feb").end, day("2024-02-29"));
        assert_eq!(Period::month(2023, 2).expect("Feb").end, day("2023-02-28"));
    }

    #[test]
    fn impossible_periods_are_errors() {
        assert!(Period::quarter(2024, 5).is_err());
        assert!(Period::quarter(2024, 0).is_err());
        assert!(Period::half(2024, 3).is_err());
        assert!(Period::month(2024, 13).is_err());
        assert!(Period::range(day("2024-06-30"), day("2024-04-01")).is_err());
    }

    /// Decree 09/2019, Article 12: each period from the 15th of the month
    /// before it to the 14th of its last month; weeks and ranges untouched.
    #[test]
    fn decree_09_cut_off_windows() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date");
        let cases = [
            (Period::quarter(2024, 1), "2023-12-15", "2024-03-14"),
            (Period::quarter(2024, 2), "2024-03-15", "2024-06-14"),
            (Period::quarter(2024, 3), "2024-06-15", "2024-09-14"),
            (Period::quarter(2024, 4), "2024-09-15", "2024-12-14"),
            (Period::half(2024, 1), "2023-12-15", "2024-06-14"),
            (Period::half(2024, 2), "2024-06-15", "2024-12-14"),
            (Period::nine_months(2024), "2023-12-15", "2024-09-14"),
            (Period::year(2024), "2023-12-15", "2024-12-14"),
            (Period::month(2024, 3), "2024-02-15", "2024-03-14"),
            (Period::month(2024, 1), "2023-12-15", "2024-01-14"),
            (
                Period::range(day("2024-04-01"), day("2024-05-31")),
                "2024-04-01",
                "2024-05-31",
            ),
        ];
        for (period, start, end) in cases {
            let period = period.expect("period");
            let cut = period.under(PeriodRule::Decree09);
            assert_eq!((cut.start, cut.end), (day(start), day(end)), "{period:?}");
            assert_eq!(cut.kind, period.kind, "the name stays: {period:?}");
            assert_eq!(period.under(PeriodRule::Calendar), period);
        }
    }

    #[test]
    fn previous_periods_to_compare_with() {
        let name = |period: Result<Period, PeriodError>| {
            period
                .expect("period")
                .previous()
                .map(|previous| previous.name(Language::Vi))
        };
        assert_eq!(
            name(Period::quarter(2024, 2)).as_deref(),
            Some("Quý I/2024")
        );
        assert_eq!(
            name(Period::quarter(2024, 1)).as_deref(),
            Some("Quý IV/2023")
        );
        assert_eq!(
            name(Period::half(2024, 2)).as_deref(),
            Some("6 tháng đầu năm 2024")
        );
        assert_eq!(
            name(Period::half(2024, 1)).as_deref(),
            Some("6 tháng cuối năm 2023")
        );
        assert_eq!(
            name(Period::nine_months(2024)).as_deref(),
            Some("6 tháng đầu năm 2024")
        );
        assert_eq!(name(Period::year(2024)).as_deref(), Some("năm 2023"));
        assert_eq!(
            name(Period::month(2024, 1)).as_deref(),
            Some("Tháng 12/2023")
        );
        let day = NaiveDate::from_ymd_opt(2024, 4, 1).expect("day");
        assert_eq!(name(Period::range(day, day)), None);
    }

    #[test]
    fn names_in_both_languages() {
        let q2 = Period::quarter(2024, 2).expect("Q2");
        assert_eq!(q2.name(Language::Vi), "Quý II/2024");
        assert_eq!(q2.name(Language::En), "Q2 2024");
        let h1 = Period::half(2024, 1).expect("H1");
        assert_eq!(h1.name(Language::Vi), "6 tháng đầu năm 2024");
        assert_eq!(
            Period::month(2024, 3).expect("March").name(Language::En),
            "March 2024"
        );
        assert_eq!(
            Period::year(2024).expect("year").name(Language::Vi),
            "năm 2024"
        );
    }

    /// The period holding a day, on and either side of each boundary.
    #[test]
    fn the_period_holding_a_day() {
        let cases = [
            ("2024-03-31", Frequency::Quarter, "2024-01-01", "2024-03-31"),
            ("2024-04-01", Frequency::Quarter, "2024-04-01", "2024-06-30"),
            ("2024-12-31", Frequency::Quarter, "2024-10-01", "2024-12-31"),
            ("2024-06-30", Frequency::Half, "2024-01-01", "2024-06-30"),
            ("2024-07-01", Frequency::Half, "2024-07-01", "2024-12-31"),
            ("2024-02-29", Frequency::Month, "2024-02-01", "2024-02-29"),
            ("2024-12-31", Frequency::Month, "2024-12-01", "2024-12-31"),
            ("2024-12-31", Frequency::Year, "2024-01-01", "2024-12-31"),
            // Weeks run Monday to Sunday, across a year's end too.
            ("2024-03-31", Frequency::Week, "2024-03-25", "2024-03-31"),
            ("2024-04-01", Frequency::Week, "2024-04-01", "2024-04-07"),
            ("2024-12-31", Frequency::Week, "2024-12-30", "2025-01-05"),
        ];
        for (holding, frequency, start, end) in cases {
            let period = Period::containing(day(holding), frequency);
            assert_eq!(
                (period.start, period.end),
                (day(start), day(end)),
                "{holding} {frequency:?}"
            );
            assert!(period.contains(day(start)) && period.contains(day(end)));
            assert!(!period.contains(day(start).pred_opt().expect("a day")));
            assert!(!period.contains(day(end).succ_opt().expect("a day")));
        }
        let one_day = Period::range(day("2024-06-30"), day("2024-06-30")).expect("one day");
        assert!(one_day.contains(day("2024-06-30")));
    }

    #[test]
    fn each_period_starting_within() {
        let march = Period::month(2024, 3).expect("March");
        // The week holding 1 March starts in February and is the first.
        let weeks: Vec<_> = Period::each(Frequency::Week, &march)
            .iter()
            .map(|week| week.start)
            .collect();
        assert_eq!(
            weeks,
            [
                day("2024-02-26"),
                day("2024-03-04"),
                day("2024-03-11"),
                day("2024-03-18"),
                day("2024-03-25")
            ]
        );
        let year = Period::year(2024).expect("2024");
        assert_eq!(Period::each(Frequency::Quarter, &year).len(), 4);
        assert_eq!(Period::each(Frequency::Half, &year).len(), 2);
        assert_eq!(Period::each(Frequency::Month, &year).len(), 12);
        assert_eq!(Period::each(Frequency::Year, &year), [year]);
    }

    #[test]
    fn containing_and_each() {
        let week = Period::containing(day("2024-03-27"), Frequency::Week);
        assert_eq!(
            (week.start, week.end),
            (day("2024-03-25"), day("2024-03-31"))
        );
        let months = Period::each(Frequency::Month, &Period::quarter(2024, 2).expect("Q2"));
        let starts: Vec<_> = months.iter().map(|month| month.start).collect();
        assert_eq!(
            starts,
            [day("2024-04-01"), day("2024-05-01"), day("2024-06-01")]
        );
    }
}
