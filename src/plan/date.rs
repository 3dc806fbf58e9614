//! Calendar dates as written in a plan: TOML local dates such as `2024-03-27`.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date with no time or offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanDate(pub NaiveDate);

impl PlanDate {
    pub fn year(self) -> i32 {
        self.0.year()
    }
}

impl fmt::Display for PlanDate {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for PlanDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let datetime = toml::value::Datetime::deserialize(deserializer)?;
        match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => NaiveDate::from_ymd_opt(
                i32::from(date.year),
                u32::from(date.month),
                u32::from(date.day),
            )
            .map(PlanDate)
            .ok_or_else(|| {
                D::Error::custom(crate::say!(
                    "{datetime} không phải một ngày có trên lịch",
                    "{datetime} is not a day of the calendar"
                ))
            }),
            _ => Err(D::Error::custom(crate::say!(
                "cần một ngày, ví dụ 2024-03-27, nhưng `{datetime}` có cả giờ",
                "expected a date such as 2024-03-27, found `{datetime}` with a time"
            ))),
        }
    }
}

impl schemars::JsonSchema for PlanDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PlanDate".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A TOML local date such as 2024-03-27 (no quotes, no time).",
            "type": "string",
            "format": "date"
        })
    }
}

impl Serialize for PlanDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
