//! What day it is, in the plan's time zone: a record made in Kon Tum at 06:30
//! is dated that day even on a machine that keeps UTC, where it is still the
//! day before. `DDCI_TODAY=YYYY-MM-DD` fixes the day, so that tests, examples
//! and reports made "as of" a day are reproducible.

use anyhow::Context as _;
use chrono::NaiveDate;

use crate::plan::build::DEFAULT_TIME_ZONE;

pub const TODAY_VARIABLE: &str = "DDCI_TODAY";

/// Today in `zone` (the plan's `time_zone`; the default when it names none
/// or one that does not exist, which validation reports).
pub fn today(zone: Option<&str>) -> anyhow::Result<NaiveDate> {
    if let Ok(value) = std::env::var(TODAY_VARIABLE) {
        return NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").with_context(|| {
            format!("{TODAY_VARIABLE}=`{value}` is not a date; write it as YYYY-MM-DD")
        });
    }
    let zone = zone
        .and_then(|name| name.parse::<chrono_tz::Tz>().ok())
        .unwrap_or(DEFAULT_TIME_ZONE);
    Ok(chrono::Utc::now().with_timezone(&zone).date_naive())
}
