//! Time as plans count it: reporting periods and their keys, calendar rules for
//! recurring events, Vietnam's working days, and what day it is in the plan's
//! time zone.

pub mod holidays;
pub mod lunar;
pub mod period;
pub mod period_key;
pub mod recurrence;
pub mod today;
pub mod working_days;
