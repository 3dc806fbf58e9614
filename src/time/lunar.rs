//! The Vietnamese lunisolar calendar ("âm lịch"), enough to place the public
//! holidays it fixes: Tết Nguyên Đán (the first day of the first month) and
//! Giỗ Tổ Hùng Vương (the 10th day of the third month).
//!
//! Months begin on the day of the new moon and the eleventh month is the one
//! that holds the winter solstice, both reckoned at Hà Nội's meridian
//! (UTC+7). The astronomy is Jean Meeus's ("Astronomical Algorithms",
//! 1998) as Hồ Ngọc Đức put it to this use; it is accurate to well within a
//! day for 1800–2199. The same rules at Beijing's meridian (UTC+8) give the
//! Chinese calendar, which is why Tết fell on 21 January 1985 in Vietnam and
//! on 20 February in China.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    reason = "day numbers of the years ddci meets are near 2.5 million: exact in f64, far inside i64"
)]

use chrono::NaiveDate;
use std::f64::consts::PI;

/// Hà Nội's offset from UTC, in hours.
pub const VIETNAM: f64 = 7.0;

/// The Julian day number of the mean new moon epoch used below (1900-01-01).
const EPOCH: f64 = 2_415_021.076_998_695;
/// The mean length of a lunar month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;

/// The solar day on which the lunar `day` of `month` (the leap month of that
/// number when `leap`) of lunar `year` falls, at `zone` hours east of UTC.
/// `None` for a leap month the year does not have, or a date out of range.
pub fn to_solar(day: u32, month: u32, year: i32, leap: bool, zone: f64) -> Option<NaiveDate> {
    if !(1..=30).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let (a11, b11) = if month < 11 {
        (month_11(year - 1, zone)?, month_11(year, zone)?)
    } else {
        (month_11(year, zone)?, month_11(year + 1, zone)?)
    };
    let k = (0.5 + (a11 as f64 - EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut offset = i64::from(month) - 11;
    if offset < 0 {
        offset += 12;
    }
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11, zone);
        let mut leap_month = leap_offset - 2;
        if leap_month < 0 {
            leap_month += 12;
        }
        if leap && i64::from(month) != leap_month {
            return None;
        }
        if leap || offset >= leap_offset {
            offset += 1;
        }
    } else if leap {
        return None;
    }
    let month_start = new_moon_day(k + offset, zone);
    from_julian_day(month_start + i64::from(day) - 1)
}

/// The first day of the lunar year that begins in solar `year`.
pub fn new_year(year: i32, zone: f64) -> Option<NaiveDate> {
    to_solar(1, 1, year, false, zone)
}

/// The day the eleventh lunar month (the one holding the winter solstice)
/// of `year` begins, as a Julian day number.
fn month_11(year: i32, zone: f64) -> Option<i64> {
    let last_day = julian_day(NaiveDate::from_ymd_opt(year, 12, 31)?);
    let k = ((last_day as f64 - 2_415_021.0) / SYNODIC_MONTH).floor() as i64;
    let new_moon = new_moon_day(k, zone);
    // Past the winter solstice's sector already: the month began a moon earlier.
    if sun_sector(new_moon, zone) >= 9 {
        Some(new_moon_day(k - 1, zone))
    } else {
        Some(new_moon)
    }
}

/// Which month after the eleventh is the leap one in a year of 13 months:
/// the first that holds no principal solar term.
fn leap_month_offset(a11: i64, zone: f64) -> i64 {
    let k = ((a11 as f64 - EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i, zone), zone);
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i, zone), zone);
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The day (Julian day number) of the `k`-th new moon after 1900-01-01, in
/// the local time of `zone`.
fn new_moon_day(k: i64, zone: f64) -> i64 {
    (new_moon(k) + 0.5 + zone / 24.0).floor() as i64
}

/// The moment (Julian day, UTC) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let rad = PI / 180.0;
    let mean = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3
        + 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * rad).sin();
    let sun_anomaly = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let moon_anomaly = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let latitude = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let (m, mp, f) = (sun_anomaly * rad, moon_anomaly * rad, latitude * rad);
    let correction = (0.1734 - 0.000_393 * t) * m.sin() + 0.0021 * (2.0 * m).sin()
        - 0.4068 * mp.sin()
        + 0.0161 * (2.0 * mp).sin()
        - 0.0004 * (3.0 * mp).sin()
        + 0.0104 * (2.0 * f).sin()
        - 0.0051 * (m + mp).sin()
        - 0.0074 * (m - mp).sin()
        + 0.0004 * (2.0 * f + m).sin()
        - 0.0004 * (2.0 * f - m).sin()
        - 0.0006 * (2.0 * f + mp).sin()
        + 0.0010 * (2.0 * f - mp).sin()
        + 0.0005 * (2.0 * mp + m).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    mean + correction - delta_t
}

/// Which twelfth of the ecliptic (0 from the spring equinox) the sun is in
/// at the start of the local day `day`.
fn sun_sector(day: i64, zone: f64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - zone / 24.0) / PI * 6.0).floor() as i64
}

/// The sun's apparent longitude, in radians within [0, 2π), at Julian day `jd`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let rad = PI / 180.0;
    let mean_anomaly = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let mean_longitude = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let centre = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (rad * mean_anomaly).sin()
        + (0.019_993 - 0.000_101 * t) * (rad * 2.0 * mean_anomaly).sin()
        + 0.000_290 * (rad * 3.0 * mean_anomaly).sin();
    let longitude = (mean_longitude + centre) * rad;
    longitude - 2.0 * PI * (longitude / (2.0 * PI)).floor()
}

/// The Julian day number of a (proleptic Gregorian) date.
fn julian_day(date: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date)) + 1_721_425
}

fn from_julian_day(jd: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jd - 1_721_425).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn tet_falls_on_the_days_vietnam_kept() {
        // 1985, 2007 and 2030 are years Hà Nội's meridian puts the new moon
        // on another day than Beijing's (2030: 23:07 in Hà Nội, 00:07 in
        // Beijing the next day).
        let cases = [
            (1985, "1985-01-21"),
            (2007, "2007-02-17"),
            (2024, "2024-02-10"),
            (2025, "2025-01-29"),
            (2026, "2026-02-17"),
            (2027, "2027-02-06"),
            (2030, "2030-02-02"),
        ];
        for (year, tet) in cases {
            assert_eq!(new_year(year, VIETNAM), Some(day(tet)), "Tết {year}");
        }
    }

    #[test]
    fn at_beijing_meridian_the_same_rules_give_the_chinese_new_year() {
        assert_eq!(new_year(1985, 8.0), Some(day("1985-02-20")));
        assert_eq!(new_year(2007, 8.0), Some(day("2007-02-18")));
        assert_eq!(new_year(2024, 8.0), Some(day("2024-02-10")));
        assert_eq!(new_year(2030, 8.0), Some(day("2030-02-03")));
    }

    #[test]
    fn the_hung_kings_day_is_the_tenth_of_the_third_month() {
        let cases = [
            (2023, "2023-04-29"),
            (2024, "2024-04-18"),
            (2025, "2025-04-07"),
            (2026, "2026-04-26"),
        ];
        for (year, expected) in cases {
            assert_eq!(
                to_solar(10, 3, year, false, VIETNAM),
                Some(day(expected)),
                "{year}"
            );
        }
    }

    #[test]
    fn leap_months_exist_only_where_the_year_has_one() {
        // 2023 had a leap second month (22/03/2023 – 19/04/2023).
        assert_eq!(to_solar(1, 2, 2023, true, VIETNAM), Some(day("2023-03-22")));
        assert_eq!(
            to_solar(1, 3, 2023, false, VIETNAM),
            Some(day("2023-04-20"))
        );
        assert_eq!(to_solar(1, 3, 2023, true, VIETNAM), None);
        assert_eq!(to_solar(1, 2, 2024, true, VIETNAM), None);
        assert_eq!(to_solar(0, 1, 2024, false, VIETNAM), None);
        assert_eq!(to_solar(1, 13, 2024, false, VIETNAM), None);
    }
}
