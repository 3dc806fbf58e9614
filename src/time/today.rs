//! What day it is, in the plan's time zone: a record made in Kon Tum at 06:30
//! is dated that day even on a machine that keeps UTC, where it is still the
//! day before. `DDCI_TODAY=YYYY-MM-DD` fixes the day, so that tests, examples
//! and reports made "as of" a day are reproducible.

use chrono::NaiveDate;

use crate::plan::build::DEFAULT_TIME_ZONE;

pub const TODAY_VARIABLE: &str = "DDCI_TODAY";

/// Today in `zone` (the plan's `time_zone`; the default when it names none
/// or one that does not exist, which validation reports).
pub fn today(zone: Option<&str>) -> anyhow::Result<NaiveDate> {
    if let Ok(value) = std::env::var(TODAY_VARIABLE) {
        // chrono's reason is English: a Vietnamese reader is told the form.
        return NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|error| {
            anyhow::anyhow!(crate::say!(
                "{TODAY_VARIABLE}=`{value}` không phải là một ngày; hãy viết theo dạng YYYY-MM-DD",
                "{TODAY_VARIABLE}=`{value}` is not a date; write it as YYYY-MM-DD: {error}"
            ))
        });
    }
    Ok(date_in(chrono::Utc::now(), zone))
}

/// The date at `now` in `zone` (the default zone if it names none, or one
/// that does not exist).
pub fn date_in(now: chrono::DateTime<chrono::Utc>, zone: Option<&str>) -> NaiveDate {
    let zone = zone
        .and_then(|name| jiff::tz::TimeZone::get(name).ok())
        .or_else(|| jiff::tz::TimeZone::get(DEFAULT_TIME_ZONE).ok());
    // Vietnam has kept UTC+7, with no daylight saving, since 1975: the
    // offset of the default zone, should the bundled database fail.
    let offset = jiff::Timestamp::from_second(now.timestamp())
        .ok()
        .zip(zone)
        .map_or(7 * 3600, |(instant, zone)| {
            zone.to_offset(instant).seconds()
        });
    (now + chrono::Duration::seconds(i64::from(offset))).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_plan_s_date_not_the_machine_s() {
        let at = |text: &str| {
            chrono::DateTime::parse_from_rfc3339(text)
                .expect("a time")
                .with_timezone(&chrono::Utc)
        };
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day");
        let cases = [
            // 06:30 in Kon Tum is 23:30 the day before in UTC.
            ("2024-06-30T23:30:00Z", None, "2024-07-01"),
            ("2024-06-30T16:59:59Z", None, "2024-06-30"),
            ("2024-06-30T17:00:00Z", None, "2024-07-01"),
            (
                "2024-06-30T23:30:00Z",
                Some("Asia/Ho_Chi_Minh"),
                "2024-07-01",
            ),
            ("2024-06-30T23:30:00Z", Some("Europe/London"), "2024-07-01"),
            ("2024-06-30T22:30:00Z", Some("Europe/London"), "2024-06-30"),
            ("2024-06-30T23:30:00Z", Some("Not/A_Zone"), "2024-07-01"),
        ];
        for (now, zone, expected) in cases {
            assert_eq!(date_in(at(now), zone), day(expected), "{now} in {zone:?}");
        }
    }
}
