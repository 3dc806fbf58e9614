//! Calendar rules of recurring tasks: on which days "the Wednesday of the last
//! week of each month", "every other Tuesday" or "the 15th, moved to the next
//! working day" fall.

use chrono::{Datelike, Days, NaiveDate, Weekday as ChronoWeekday};

use crate::period::Period;
use crate::plan::file::{Frequency, Schedule, WeekOfMonth, Weekday, WeekendShift};

/// One expected occurrence: the period it belongs to and the day it falls
/// on. A rule with no fixed day ("monthly") falls due on the period's last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub period: Period,
    pub day: NaiveDate,
}

/// The occurrences of `schedule` in the periods that start within `within`.
/// `anchor` is the day "every other …" counts from (the schedule's `start`,
/// else the start of the plan's year).
pub fn occurrences(schedule: &Schedule, within: &Period, anchor: NaiveDate) -> Vec<Occurrence> {
    let Some(every) = schedule.every.as_ref().map(|every| *every.get_ref()) else {
        return Vec::new();
    };
    let interval = schedule
        .interval
        .as_ref()
        .map_or(1, |interval| *interval.get_ref())
        .max(1);
    let anchor = schedule
        .start
        .as_ref()
        .map_or(anchor, |start| start.get_ref().0);
    let first = Period::containing(anchor, every);
    Period::each(every, within)
        .into_iter()
        .filter(|period| periods_between(&first, period, every) % interval == 0)
        .filter_map(|period| {
            let day = day_in(schedule, &period)?;
            let within_schedule = schedule
                .start
                .as_ref()
                .is_none_or(|start| day >= start.get_ref().0)
                && schedule
                    .due
                    .as_ref()
                    .is_none_or(|end| day <= end.get_ref().0);
            within_schedule.then_some(Occurrence { period, day })
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

fn day_in(schedule: &Schedule, period: &Period) -> Option<NaiveDate> {
    let weekday = schedule
        .weekday
        .as_ref()
        .map(|weekday| chrono_weekday(*weekday.get_ref()));
    let week = schedule.week.as_ref().map(|week| *week.get_ref());
    let day = schedule.day.as_ref().map(|day| *day.get_ref());
    match (weekday, day) {
        (Some(weekday), _)
            if schedule.every.as_ref().map(|every| *every.get_ref()) == Some(Frequency::Week) =>
        {
            let offset = (7 + weekday.num_days_from_monday()
                - period.start.weekday().num_days_from_monday())
                % 7;
            Some(period.start + Days::new(u64::from(offset)))
        }
        (Some(weekday), _) => nth_weekday(
            period.start.year(),
            period.start.month(),
            weekday,
            week.unwrap_or(WeekOfMonth::First),
        ),
        (None, Some(day)) => {
            let last = period
                .start
                .with_day(1)?
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            let clamped = u32::try_from(day).ok()?.min(last.day());
            let date = period.start.with_day(clamped)?;
            let shift = schedule.if_weekend.as_ref().map(|shift| *shift.get_ref());
            Some(shift_weekend(date, shift))
        }
        (None, None) => Some(period.end),
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

fn shift_weekend(date: NaiveDate, shift: Option<WeekendShift>) -> NaiveDate {
    let is_weekend =
        |day: NaiveDate| matches!(day.weekday(), ChronoWeekday::Sat | ChronoWeekday::Sun);
    let mut day = date;
    match shift {
        Some(WeekendShift::NextWorkingDay) => {
            while is_weekend(day) {
                day = day.succ_opt().unwrap_or(day);
            }
        }
        Some(WeekendShift::PreviousWorkingDay) => {
            while is_weekend(day) {
                day = day.pred_opt().unwrap_or(day);
            }
        }
        None => {}
    }
    day
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

    fn schedule(toml_text: &str) -> Schedule {
        toml::from_str(toml_text).expect("schedule")
    }

    fn days(rule: &str, within: &Period) -> Vec<NaiveDate> {
        occurrences(&schedule(rule), within, within.start)
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
    fn monthly_with_no_fixed_day_is_due_by_the_month_end() {
        let rule = "kind = \"recurring\"\nevery = \"month\"";
        let found = days(rule, &Period::quarter(2024, 1).expect("Q1"));
        assert_eq!(
            found,
            [day("2024-01-31"), day("2024-02-29"), day("2024-03-31")]
        );
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
    fn day_31_in_a_short_month_is_its_last_day() {
        let rule = "kind = \"recurring\"\nevery = \"month\"\nday = 31";
        assert_eq!(
            days(rule, &Period::month(2024, 2).expect("Feb")),
            [day("2024-02-29")]
        );
    }
}
