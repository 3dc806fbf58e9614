//! Time as plans count it: reporting periods and their keys, calendar rules for
//! recurring events, and what day it is in the plan's time zone.

pub mod period;
pub mod period_key;
pub mod recurrence;
pub mod today;
