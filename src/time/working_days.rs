//! Which days a civil servant works: Monday to Friday, except the public
//! holidays (`holidays`) and the days a plan adds, and including the weekend
//! days worked in exchange for a swapped day. "The next working day", and a
//! deadline that runs to the end of the next working day when its last day is
//! a day off (Civil Code 2015, Article 148), are counted here.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays::{self, Holiday};

/// How a deadline whose last day is a day off is counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineOnDayOff {
    /// It runs to the end of the next working day (Civil Code, Article 148).
    #[default]
    NextWorkingDay,
    /// It stays on the day written.
    AsWritten,
}

/// The working days of the years a plan spans (and the years either side,
/// where its last deadlines and first occurrences fall).
#[derive(Debug, Clone)]
pub struct WorkingDays {
    years: RangeInclusive<i32>,
    days_off: BTreeSet<NaiveDate>,
    worked: BTreeSet<NaiveDate>,
    deadlines: DeadlineOnDayOff,
}

/// At most this many days in a row are off (the longest Tết break with its
/// weekends is 9 or 10): past it, a search gives up rather than loop.
const LONGEST_BREAK: usize = 60;

impl WorkingDays {
    /// Vietnam's working days for `years`, with the plan's own additions.
    pub fn vietnam(
        years: RangeInclusive<i32>,
        extra_days_off: &[NaiveDate],
        extra_worked: &[NaiveDate],
        deadlines: DeadlineOnDayOff,
    ) -> Self {
        let mut days_off = BTreeSet::new();
        let mut worked = BTreeSet::new();
        for year in years.clone() {
            let (off, made_up) = Self::holidays_of(year);
            days_off.extend(off);
            worked.extend(made_up);
        }
        days_off.extend(extra_days_off.iter().copied());
        worked.extend(extra_worked.iter().copied());
        // A day the plan says is worked is worked, whatever else says.
        for day in &worked {
            days_off.remove(day);
        }
        Self {
            years,
            days_off,
            worked,
            deadlines,
        }
    }

    fn holidays_of(year: i32) -> (Vec<NaiveDate>, Vec<NaiveDate>) {
        let mut off = Vec::new();
        let mut worked = Vec::new();
        for holiday in Holiday::ALL {
            let (days, made_up) = holidays::days_off(year, holiday);
            off.extend(days);
            worked.extend(made_up);
        }
        (off, worked)
    }

    /// Whether `day` is a working day.
    pub fn is_working(&self, day: NaiveDate) -> bool {
        if !self.years.contains(&day.year()) {
            // Outside the years prepared: the year's holidays, worked out now.
            let (off, worked) = Self::holidays_of(day.year());
            return worked.contains(&day) || (!is_weekend(day) && !off.contains(&day));
        }
        self.worked.contains(&day) || (!is_weekend(day) && !self.days_off.contains(&day))
    }

    /// `day` if it is a working day, else the first working day after it.
    pub fn next_working(&self, day: NaiveDate) -> NaiveDate {
        day.iter_days()
            .take(LONGEST_BREAK)
            .find(|day| self.is_working(*day))
            .unwrap_or(day)
    }

    /// `day` if it is a working day, else the last working day before it.
    pub fn previous_working(&self, day: NaiveDate) -> NaiveDate {
        day.iter_days()
            .rev()
            .take(LONGEST_BREAK)
            .find(|day| self.is_working(*day))
            .unwrap_or(day)
    }

    /// The day a deadline written as `last_day` actually ends.
    pub fn deadline(&self, last_day: NaiveDate) -> NaiveDate {
        match self.deadlines {
            DeadlineOnDayOff::NextWorkingDay => self.next_working(last_day),
            DeadlineOnDayOff::AsWritten => last_day,
        }
    }
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    fn vietnam() -> WorkingDays {
        WorkingDays::vietnam(2024..=2026, &[], &[], DeadlineOnDayOff::NextWorkingDay)
    }

    #[test]
    fn working_days_around_the_holidays() {
        let days = vietnam();
        let cases = [
            // Tết 2026: off Saturday 14/02 to Sunday 22/02.
            ("2026-02-13", true),
            ("2026-02-14", false),
            ("2026-02-16", false),
            ("2026-02-20", false),
            ("2026-02-22", false),
            ("2026-02-23", true),
            // The make-up Saturday of 2024, and the Monday swapped for it.
            ("2024-05-04", true),
            ("2024-04-29", false),
            ("2024-05-02", true),
            // An ordinary weekend and weekday.
            ("2026-03-07", false),
            ("2026-03-09", true),
            // Outside the years prepared: worked out on the spot.
            ("2030-02-04", false),
            ("2030-02-11", true),
        ];
        for (text, working) in cases {
            assert_eq!(days.is_working(day(text)), working, "{text}");
        }
    }

    #[test]
    fn next_and_previous_working_days() {
        let days = vietnam();
        assert_eq!(days.next_working(day("2026-02-15")), day("2026-02-23"));
        assert_eq!(days.next_working(day("2026-02-13")), day("2026-02-13"));
        assert_eq!(days.previous_working(day("2026-02-15")), day("2026-02-13"));
        assert_eq!(days.previous_working(day("2026-02-23")), day("2026-02-23"));
    }

    #[test]
    fn a_deadline_on_a_day_off_runs_to_the_next_working_day() {
        let days = vietnam();
        // "Chậm nhất 05 ngày sau khi kết thúc kỳ": Q3 2024 ends 30/09, and
        // Saturday 05/10 runs to Monday 07/10.
        assert_eq!(days.deadline(day("2024-10-05")), day("2024-10-07"));
        assert_eq!(days.deadline(day("2024-10-04")), day("2024-10-04"));
        assert_eq!(days.deadline(day("2024-10-07")), day("2024-10-07"));
        let as_written = WorkingDays::vietnam(2024..=2024, &[], &[], DeadlineOnDayOff::AsWritten);
        assert_eq!(as_written.deadline(day("2024-10-05")), day("2024-10-05"));
    }

    #[test]
    fn the_plan_adds_days_off_and_days_worked() {
        let days = WorkingDays::vietnam(
            2026..=2026,
            &[day("2026-01-02")],
            &[day("2026-01-10"), day("2026-02-16")],
            DeadlineOnDayOff::NextWorkingDay,
        );
        assert!(!days.is_working(day("2026-01-02")));
        assert!(days.is_working(day("2026-01-10")));
        assert!(days.is_working(day("2026-02-16")));
        assert!(days.is_working(day("2026-01-05")));
    }
}
