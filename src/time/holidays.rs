//! Vietnam's public holidays for civil servants, for any year: the days the
//! Labour Code fixes (2019, Article 112), the day off in lieu of a holiday that
//! falls on a weekend (Article 111(3)), and, for the years whose announcement
//! is known, the days the government actually gave (the Tết break, swapped
//! days, make-up Saturdays) in `ANNOUNCED`.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::lunar;

/// A public holiday, as the Labour Code lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Holiday {
    /// Tết Dương lịch, 1 January.
    NewYear,
    /// Tết Nguyên Đán, five days around the first of the first lunar month.
    Tet,
    /// Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month.
    HungKings,
    /// 30/4 and 1/5.
    ReunificationAndLabour,
    /// 2/9 and a day next to it.
    NationalDay,
}

impl Holiday {
    pub const ALL: [Self; 5] = [
        Self::NewYear,
        Self::Tet,
        Self::HungKings,
        Self::ReunificationAndLabour,
        Self::NationalDay,
    ];
}

/// What the government announced for one holiday of one year: the days off,
/// first to last (weekends within included), and the weekend days worked in
/// exchange for a swapped day.
#[derive(Debug, Clone, Copy)]
pub struct Announcement {
    pub year: i32,
    pub holiday: Holiday,
    pub first: (u32, u32),
    pub last: (u32, u32),
    /// (month, day) of make-up working days in the same year.
    pub worked: &'static [(u32, u32)],
}

/// The announcements shipped with ddci: only what was announced, each from
/// the Ministry of Home Affairs' or the Prime Minister's notice for the year.
/// A year or holiday not listed is computed from the Labour Code; a plan adds
/// what its province announces under `[working_days]`.
pub const ANNOUNCED: &[Announcement] = &[
    // Tết Giáp Thìn: Thursday 08/02 to Wednesday 14/02/2024.
    Announcement {
        year: 2024,
        holiday: Holiday::Tet,
        first: (2, 8),
        last: (2, 14),
        worked: &[],
    },
    // 30/4–1/5/2024: Saturday 27/04 to Wednesday 01/05, Monday 29/04 swapped
    // for Saturday 04/05.
    Announcement {
        year: 2024,
        holiday: Holiday::ReunificationAndLabour,
        first: (4, 27),
        last: (5, 1),
        worked: &[(5, 4)],
    },
    // Quốc khánh 2024: Saturday 31/08 to Tuesday 03/09.
    Announcement {
        year: 2024,
        holiday: Holiday::NationalDay,
        first: (8, 31),
        last: (9, 3),
        worked: &[],
    },
    // Tết Ất Tỵ: Saturday 25/01 to Sunday 02/02/2025.
    Announcement {
        year: 2025,
        holiday: Holiday::Tet,
        first: (1, 25),
        last: (2, 2),
        worked: &[],
    },
    // 30/4–1/5/2025: Wednesday 30/04 to Sunday 04/05, Friday 02/05 swapped
    // for Saturday 26/04.
    Announcement {
        year: 2025,
        holiday: Holiday::ReunificationAndLabour,
        first: (4, 30),
        last: (5, 4),
        worked: &[(4, 26)],
    },
    // Quốc khánh 2025: Saturday 30/08 to Tuesday 02/09.
    Announcement {
        year: 2025,
        holiday: Holiday::NationalDay,
        first: (8, 30),
        last: (9, 2),
        worked: &[],
    },
    // Tết Bính Ngọ: Saturday 14/02 to Sunday 22/02/2026.
    Announcement {
        year: 2026,
        holiday: Holiday::Tet,
        first: (2, 14),
        last: (2, 22),
        worked: &[],
    },
];

/// The days off of one holiday of `year`, and the weekend days worked for
/// it: as announced, else as the Labour Code sets them.
pub fn days_off(year: i32, holiday: Holiday) -> (Vec<NaiveDate>, Vec<NaiveDate>) {
    if let Some(announced) = ANNOUNCED
        .iter()
        .find(|announced| announced.year == year && announced.holiday == holiday)
    {
        let date = |(month, day): (u32, u32)| NaiveDate::from_ymd_opt(year, month, day);
        let (Some(first), Some(last)) = (date(announced.first), date(announced.last)) else {
            return (Vec::new(), Vec::new());
        };
        let off = first.iter_days().take_while(|day| *day <= last).collect();
        let worked = announced.worked.iter().filter_map(|at| date(*at)).collect();
        return (off, worked);
    }
    (statutory(year, holiday), Vec::new())
}

/// A holiday's days by the Labour Code alone, with a day in lieu (the next
/// weekday that is not itself off) for each that falls on a weekend.
fn statutory(year: i32, holiday: Holiday) -> Vec<NaiveDate> {
    let date = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let days: Vec<NaiveDate> = match holiday {
        Holiday::NewYear => date(1, 1).into_iter().collect(),
        // The last day of the old year and the first four of the new.
        Holiday::Tet => lunar_days(year)
            .0
            .and_then(|tet| tet.pred_opt())
            .map(|eve| eve.iter_days().take(5).collect())
            .unwrap_or_default(),
        Holiday::HungKings => lunar_days(year).1.into_iter().collect(),
        Holiday::ReunificationAndLabour => {
            [date(4, 30), date(5, 1)].into_iter().flatten().collect()
        }
        // The day next to 2/9 is the Prime Minister's to choose each year;
        // unannounced, the day before, or the day after when 2/9 is a Monday
        // (as in 2024 and 2025).
        Holiday::NationalDay => {
            let national_day = date(9, 2);
            let next_to = national_day.and_then(|day| {
                if day.weekday() == Weekday::Mon {
                    day.succ_opt()
                } else {
                    day.pred_opt()
                }
            });
            [national_day, next_to].into_iter().flatten().collect()
        }
    };
    with_days_in_lieu(days)
}

/// Tết and Giỗ Tổ of `year`, worked out once per year per process: every
/// plan of a roll-up of 2,000 asks for the same few years.
fn lunar_days(year: i32) -> (Option<NaiveDate>, Option<NaiveDate>) {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Days = (Option<NaiveDate>, Option<NaiveDate>);
    static KNOWN: OnceLock<Mutex<HashMap<i32, Days>>> = OnceLock::new();
    let known = KNOWN.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(days) = known
        .lock()
        .ok()
        .and_then(|known| known.get(&year).copied())
    {
        return days;
    }
    let days = (
        lunar::new_year(year, lunar::VIETNAM),
        lunar::to_solar(10, 3, year, false, lunar::VIETNAM),
    );
    if let Ok(mut known) = known.lock() {
        known.insert(year, days);
    }
    days
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// `days` and, for each on a weekend, the next weekday not already off.
fn with_days_in_lieu(mut days: Vec<NaiveDate>) -> Vec<NaiveDate> {
    let on_weekend = days.iter().filter(|day| is_weekend(**day)).count();
    let mut day = days.iter().max().copied();
    for _ in 0..on_weekend {
        let Some(mut next) = day.and_then(|day| day.checked_add_days(Days::new(1))) else {
            break;
        };
        // Bounded: a week holds five weekdays, and a holiday a few days.
        for _ in 0..31 {
            if !is_weekend(next) && !days.contains(&next) {
                break;
            }
            let Some(after) = next.succ_opt() else { break };
            next = after;
        }
        days.push(next);
        day = Some(next);
    }
    days.sort_unstable();
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    fn days(texts: &[&str]) -> Vec<NaiveDate> {
        texts.iter().map(|text| day(text)).collect()
    }

    #[test]
    fn announced_years_are_the_days_given() {
        let (off, worked) = days_off(2026, Holiday::Tet);
        assert_eq!(off.first(), Some(&day("2026-02-14")));
        assert_eq!(off.last(), Some(&day("2026-02-22")));
        assert_eq!(off.len(), 9);
        assert!(worked.is_empty());
        let (off, worked) = days_off(2024, Holiday::ReunificationAndLabour);
        assert_eq!(
            off,
            days(&[
                "2024-04-27",
                "2024-04-28",
                "2024-04-29",
                "2024-04-30",
                "2024-05-01"
            ])
        );
        assert_eq!(worked, days(&["2024-05-04"]));
    }

    #[test]
    fn unannounced_years_follow_the_labour_code() {
        // Tết 2027 is Saturday 06/02: the eve (Friday 05/02) and four days,
        // two of them on the weekend, so two days in lieu.
        assert_eq!(
            days_off(2027, Holiday::Tet).0,
            days(&[
                "2027-02-05",
                "2027-02-06",
                "2027-02-07",
                "2027-02-08",
                "2027-02-09",
                "2027-02-10",
                "2027-02-11"
            ])
        );
        // Giỗ Tổ 2026 is Sunday 26/04: Monday 27/04 off in lieu.
        assert_eq!(
            days_off(2026, Holiday::HungKings).0,
            days(&["2026-04-26", "2026-04-27"])
        );
        // 30/4 and 1/5/2026 are Thursday and Friday: nothing in lieu.
        assert_eq!(
            days_off(2026, Holiday::ReunificationAndLabour).0,
            days(&["2026-04-30", "2026-05-01"])
        );
        // 2/9/2026 is a Wednesday: the day before goes with it.
        assert_eq!(
            days_off(2026, Holiday::NationalDay).0,
            days(&["2026-09-01", "2026-09-02"])
        );
        // 2/9/2030 is a Monday: the day after.
        assert_eq!(
            days_off(2030, Holiday::NationalDay).0,
            days(&["2030-09-02", "2030-09-03"])
        );
        // 1/1/2028 is a Saturday: Monday 03/01 in lieu.
        assert_eq!(
            days_off(2028, Holiday::NewYear).0,
            days(&["2028-01-01", "2028-01-03"])
        );
        // 1/1/2026 is a Thursday.
        assert_eq!(days_off(2026, Holiday::NewYear).0, days(&["2026-01-01"]));
    }
}
