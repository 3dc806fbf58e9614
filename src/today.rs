//! What day it is. `DDCI_TODAY=YYYY-MM-DD` fixes it, so that tests, examples
//! and reports made "as of" a day are reproducible.

use anyhow::Context as _;
use chrono::NaiveDate;

pub const TODAY_VARIABLE: &str = "DDCI_TODAY";

pub fn today() -> anyhow::Result<NaiveDate> {
    match std::env::var(TODAY_VARIABLE) {
        Ok(value) => NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").with_context(|| {
            format!("{TODAY_VARIABLE}=`{value}` is not a date; write it as YYYY-MM-DD")
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}
