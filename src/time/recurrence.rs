//! Calendar rules of recurring tasks: on which days "the Wednesday of the last
//! week of each month", "every other Tuesday" or "the 15th, moved to the next
//! working day" fall. "Working day" is Vietnam's (`working_days`): a rule
//! moved off a weekend is moved off a public holiday too.

use chrono::{Datelike, Days, NaiveDate, Weekday as ChronoWeekday};

use crate::plan::model::{Frequency, Recurrence, WeekOfMonth, Weekday, WeekendShift};
use crate::time::period::Period;
use crate::time::working_days::WorkingDays;

/// One expected occurrence: the period it belongs to and the day it falls
/// on. A rule with no fixed day ("monthly") falls due on the period's last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub period: Period,
    pub day: NaiveDate,
}

/// The occurrences of `rule` in the periods that start within `within`.
/// `anchor` is the day "every other …" counts from (the rule's `start`,
/// else the start of the plan's year); `working` says which days are
/// worked, for a rule that moves off days off.
pub fn occurrences(
    rule: &Recurrence,
    within: &Period,
    anchor: NaiveDate,
    working: &WorkingDays,
) -> Vec<Occurrence> {
    let every = rule.every;
    let interval = i64::from(rule.interval.max(1));
    let anchor = rule.start.unwrap_or(anchor);
    let first = Period::containing(anchor, every);
    Period::each(every, within)
        .into_iter()
        .filter(|period| periods_between(&first, period, every).rem_euclid(interval) == 0)
        .filter_map(|period| {
            let day = moved_off_days_off(day_in(rule, &period, working)?, rule.if_weekend, working);
            let within_rule = rule.start.is_none_or(|start| day >= start)
                && rule.end.is_none_or(|end| day <= end);
            within_rule.then_some(Occurrence { period, day })
        })
        .collect()
}

/// How many periods of `every` lie from `first` to `period` (negative before).
fn periods_between(first: &Period, period: &Period, every: Frequency) -> i64 {
    let months = |day: NaiveDate| i64::from(day.year()) * 12 + i64::from(day.month0());
    match every {
        Frequency::Week => (period.start - first.start).num_days().div_euclid(7),
        Frequency::Month => months(period.start) - months(first.start),
        Frequency::Quarter => (months(period.start) - months(first.start)).div_euclid(3),
        Frequency::Half => (months(period.start) - months(first.start)).div_euclid(6),
        Frequency::Year => i64::from(period.start.year() - first.start.year()),
    }
}

fn day_in(rule: &Recurrence, period: &Period, working: &WorkingDays) -> Option<NaiveDate> {
    match (rule.weekday.map(chrono_weekday), rule.day) {
        (Some(weekday), _) if rule.every == Frequency::Week => {
            // A week runs Monday to Sunday.
            Some(period.start + Days::new(u64::from(weekday.num_days_from_monday())))
        }
        (Some(weekday), _) => nth_weekday(
            period.start.year(),
            period.start.month(),
            weekday,
            rule.week.unwrap_or(WeekOfMonth::First),
        ),
        (None, Some(day)) => {
            let last = period
                .start
                .with_day(1)?
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            period.start.with_day(day.min(last.day()))
        }
        // No day named: the period's last working day, when it has one
        // (a week of Tết may not).
        (None, None) => Some(
            Some(working.previous_working(period.end))
                .filter(|day| *day >= period.start && working.is_working(*day))
                .unwrap_or(period.end),
        ),
    }
}

/// The first, second … or last `weekday` of a month.
pub fn nth_weekday(
    year: i32,
    month: u32,
    weekday: ChronoWeekday,
    week: WeekOfMonth,
) -> Option<NaiveDate> {
    let nth = match week {
        WeekOfMonth::First => 1,
        WeekOfMonth::Second => 2,
        WeekOfMonth::Third => 3,
        WeekOfMonth::Fourth => 4,
        WeekOfMonth::Last => {
            let next_month = NaiveDate::from_ymd_opt(year, month, 1)?
                .checked_add_months(chrono::Months::new(1))?;
            let mut day = next_month.pred_opt()?;
            while day.weekday() != weekday {
                day = day.pred_opt()?;
            }
            return Some(day);
        }
    };
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth)
}

/// `date`, or, when it is a day off and the rule says so, the next or the
/// previous working day.
fn moved_off_days_off(
    date: NaiveDate,
    shift: Option<WeekendShift>,
    working: &WorkingDays,
) -> NaiveDate {
    match shift {
        Some(WeekendShift::NextWorkingDay) => working.next_working(date),
        Some(WeekendShift::PreviousWorkingDay) => working.previous_working(date),
        None => date,
    }
}

fn chrono_weekday(weekday: Weekday) -> ChronoWeekday {
    match weekday {
        Weekday::Monday => ChronoWeekday::Mon,
        Weekday::Tuesday => ChronoWeekday::Tue,
        Weekday::Wednesday => ChronoWeekday::Wed,
        Weekday::Thursday => ChronoWeekday::Thu,
        Weekday::Friday => ChronoWeekday::Fri,
        Weekday::Saturday => ChronoWeekday::Sat,
        Weekday::Sunday => ChronoWeekday::Sun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// A rule as a plan writes it, through the same conversion a plan goes through.
    fn rule(toml_text: &str) -> Recurrence {
        let plan = crate::plan::build::tests::plan_with_task_schedule(toml_text);
        match &plan.tasks[0].schedule {
            crate::plan::model::Schedule::Recurring(rule) => rule.clone(),
            other => panic!("not a recurring schedule: {other:?}"),
        }
    }

    fn days(text: &str, within: &Period) -> Vec<NaiveDate> {
        let working = WorkingDays::vietnam(
            2023..=2027,
            &[],
            &[],
            crate::time::working_days::DeadlineOnDayOff::NextWorkingDay,
        );
        occurrences(&rule(text), within, within.start, &working)
            .into_iter()
            .map(|occurrence| occurrence.day)
            .collect()
    }

    #[test]
    fn wednesday_of_the_last_week_of_each_month() {
        let rule =
            "kind = \"recurring\"\nevery = \"month\"\nweekday = \"wednesday\"\nweek = \"last\"";
        let found = days(rule, &Period::quarter(2024, 1).expect("Q1"));
        assert_eq!(
            found,
            [day("2024-01-31"), day("2024-02-28"), day("2024-03-27")]
        );
    }

    #[test]
    fn monthly_with_no_fixed_day_is_due_by_the_month_s_last_working_day() {
        let rule = "kind = \"recurring\"\nevery = \"month\"";
        // 31/03/2024 is a Sunday, 31/08 and 30/11/2024 Saturdays; 31/01,
        // 29/02 and 31/10/2024 are worked.
        let cases = [
            (
                Period::quarter(2024, 1),
                ["2024-01-31", "2024-02-29", "2024-03-29"],
            ),
            (
                Period::quarter(2024, 3),
                ["2024-07-31", "2024-08-30", "2024-09-30"],
            ),
            (
                Period::quarter(2024, 4),
                ["2024-10-31", "2024-11-29", "2024-12-31"],
            ),
        ];
        for (quarter, expected) in cases {
            let quarter = quarter.expect("a quarter");
            let expected: Vec<NaiveDate> = expected.iter().map(|text| day(text)).collect();
            assert_eq!(days(rule, &quarter), expected, "{quarter:?}");
        }
    }

    #[test]
    fn every_thursday_and_every_other_tuesday() {
        let march = Period::month(2024, 3).expect("March");
        let thursdays = days(
            "kind = \"recurring\"\nevery = \"week\"\nweekday = \"thursday\"\ntime = \"06:30\"",
            &march,
        );
        assert_eq!(
            thursdays.first(),
            Some(&day("2024-02-29")),
            "the week holding 1 March starts in February"
        );
        assert!(thursdays.contains(&day("2024-03-28")));
        let rule = "kind = \"recurring\"\nevery = \"week\"\ninterval = 2\nweekday = \"tuesday\"\nstart = 2024-03-05";
        let tuesdays = days(rule, &march);
        assert_eq!(tuesdays, [day("2024-03-05"), day("2024-03-19")]);
    }

    #[test]
    fn the_fifteenth_moves_to_the_next_working_day() {
        let rule =
            "kind = \"recurring\"\nevery = \"month\"\nday = 15\nif_weekend = \"next_working_day\"";
        // 15 June 2024 is a Saturday; 15 September 2024 a Sunday.
        let found = days(rule, &Period::quarter(2024, 2).expect("Q2"));
        assert_eq!(
            found,
            [day("2024-04-15"), day("2024-05-15"), day("2024-06-17")]
        );
        let found = days(rule, &Period::month(2024, 9).expect("September"));
        assert_eq!(found, [day("2024-09-16")]);
    }

    #[test]
    fn a_day_moved_to_the_next_working_day_skips_the_holidays() {
        let next =
            "kind = \"recurring\"\nevery = \"month\"\nday = 15\nif_weekend = \"next_working_day\"";
        let previous = "kind = \"recurring\"\nevery = \"month\"\nday = 15\nif_weekend = \"previous_working_day\"";
        let unmoved = "kind = \"recurring\"\nevery = \"month\"\nday = 15";
        let cases = [
            // Sunday 15/02/2026 is inside the Tết break (14–22/02).
            (next, Period::month(2026, 2), "2026-02-23"),
            (previous, Period::month(2026, 2), "2026-02-13"),
            (unmoved, Period::month(2026, 2), "2026-02-15"),
            // Tuesday 30/04/2024 is a holiday; the "last Tuesday" moves.
            (
                "kind = \"recurring\"\nevery = \"month\"\nweekday = \"tuesday\"\nweek = \"last\"\nif_weekend = \"next_working_day\"",
                Period::month(2024, 4),
                "2024-05-02",
            ),
            // A working day stays where it is.
            (next, Period::month(2026, 1), "2026-01-15"),
        ];
        for (rule, month, expected) in cases {
            let month = month.expect("a month");
            assert_eq!(days(rule, &month), [day(expected)], "{rule} in {month:?}");
        }
    }

    /// The recurring schedule written as `text` falls on `expected` within `within`.
    fn assert_falls_on(text: &str, within: &Period, expected: &[&str]) {
        let found = days(&format!("kind = \"recurring\"\n{text}"), within);
        let expected: Vec<NaiveDate> = expected.iter().map(|text| day(text)).collect();
        assert_eq!(found, expected, "{text}");
    }

    /// Each rule a plan can write, over a stated stretch of 2024, and the
    /// days it falls on (checked against a calendar by hand).
    #[test]
    fn rules_and_the_days_they_fall_on() {
        let year = Period::year(2024).expect("2024");
        let q1 = Period::quarter(2024, 1).expect("Q1");
        let march = Period::month(2024, 3).expect("March");
        let cases: [(&str, &Period, &[&str]); 12] = [
            // The seed's citizen reception, all year (issue 15's list).
            (
                "every = \"month\"\nweekday = \"wednesday\"\nweek = \"last\"",
                &year,
                &[
                    "2024-01-31",
                    "2024-02-28",
                    "2024-03-27",
                    "2024-04-24",
                    "2024-05-29",
                    "2024-06-26",
                    "2024-07-31",
                    "2024-08-28",
                    "2024-09-25",
                    "2024-10-30",
                    "2024-11-27",
                    "2024-12-25",
                ],
            ),
            (
                "every = \"month\"\nweekday = \"tuesday\"\nweek = \"second\"",
                &q1,
                &["2024-01-09", "2024-02-13", "2024-03-12"],
            ),
            (
                "every = \"month\"\nweekday = \"thursday\"\nweek = \"third\"",
                &q1,
                &["2024-01-18", "2024-02-15", "2024-03-21"],
            ),
            (
                "every = \"month\"\nweekday = \"friday\"\nweek = \"fourth\"",
                &q1,
                &["2024-01-26", "2024-02-23", "2024-03-22"],
            ),
            // No week given: the first.
            (
                "every = \"month\"\nweekday = \"monday\"",
                &q1,
                &["2024-01-01", "2024-02-05", "2024-03-04"],
            ),
            // Every other month from February: the months in between are skipped.
            (
                "every = \"month\"\ninterval = 2\nweekday = \"monday\"\nstart = 2024-02-01",
                &year,
                &[
                    "2024-02-05",
                    "2024-04-01",
                    "2024-06-03",
                    "2024-08-05",
                    "2024-10-07",
                    "2024-12-02",
                ],
            ),
            // 15 June is a Saturday, 15 September a Sunday: back to the Friday.
            (
                "every = \"month\"\nday = 15\nif_weekend = \"previous_working_day\"",
                &year,
                &[
                    "2024-01-15",
                    "2024-02-15",
                    "2024-03-15",
                    "2024-04-15",
                    "2024-05-15",
                    "2024-06-14",
                    "2024-07-15",
                    "2024-08-15",
                    "2024-09-13",
                    "2024-10-15",
                    "2024-11-15",
                    "2024-12-13",
                ],
            ),
            // A quarter's day counts in its first month; 6 Jan/Apr/Jul are
            // Saturdays, 6 October a Sunday.
            (
                "every = \"quarter\"\nday = 6\nif_weekend = \"next_working_day\"",
                &year,
                &["2024-01-08", "2024-04-08", "2024-07-08", "2024-10-07"],
            ),
            // No day: the period's last working day (31/03 and 30/06/2024
            // are Sundays).
            (
                "every = \"quarter\"",
                &year,
                &["2024-03-29", "2024-06-28", "2024-09-30", "2024-12-31"],
            ),
            ("every = \"half\"", &year, &["2024-06-28", "2024-12-31"]),
            ("every = \"year\"", &year, &["2024-12-31"]),
            // `due` ends the rule; `start` begins it.
            (
                "every = \"week\"\nweekday = \"friday\"\nstart = 2024-03-08\ndue = 2024-03-22",
                &march,
                &["2024-03-08", "2024-03-15", "2024-03-22"],
            ),
        ];
        for (text, within, expected) in cases {
            assert_falls_on(text, within, expected);
        }
    }

    /// "Every n-th period" counts across year ends from the rule's start,
    /// for intervals that do and do not divide a year.
    #[test]
    fn intervals_count_from_the_start_across_years() {
        let range = |from: &str, to: &str| Period::range(day(from), day(to)).expect("a range");
        let cases: [(&str, Period, &[&str]); 5] = [
            // November 2024, then April and September 2025 (30/04 is a
            // holiday: the 29th).
            (
                "every = \"month\"\ninterval = 5\nstart = 2024-11-01",
                range("2025-01-01", "2025-12-31"),
                &["2025-04-29", "2025-09-30"],
            ),
            (
                "every = \"month\"\ninterval = 3\nstart = 2024-11-01",
                range("2025-01-01", "2025-12-31"),
                &["2025-02-28", "2025-05-30", "2025-08-29", "2025-11-28"],
            ),
            // Q3 2024, Q2 2025, Q1 2026.
            (
                "every = \"quarter\"\ninterval = 3\nstart = 2024-07-01",
                range("2025-01-01", "2025-12-31"),
                &["2025-06-30"],
            ),
            // H2 2024, H1 2026.
            (
                "every = \"half\"\ninterval = 3\nstart = 2024-07-01",
                range("2025-01-01", "2026-12-31"),
                &["2026-06-30"],
            ),
            (
                "every = \"year\"\ninterval = 3\nstart = 2024-01-01",
                range("2025-01-01", "2027-12-31"),
                &["2027-12-31"],
            ),
        ];
        for (text, within, expected) in cases {
            assert_falls_on(text, &within, expected);
        }
    }

    #[test]
    fn day_31_in_a_short_month_is_its_last_day() {
        let rule = "kind = \"recurring\"\nevery = \"month\"\nday = 31";
        assert_eq!(
            days(rule, &Period::month(2024, 2).expect("Feb")),
            [day("2024-02-29")]
        );
    }
}
