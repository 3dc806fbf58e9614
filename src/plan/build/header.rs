//! What the plan's `[plan]` table says beyond its names: which days are
//! worked.

use chrono::NaiveDate;

use super::super::date::PlanDate;
use super::super::file::{PlanHeader, Spanned};
use crate::time::working_days::WorkingDays;

/// Vietnam's working days over the plan's years and the years either side
/// (the last reports of a year fall due in January), with the plan's own
/// additions.
pub(super) fn working_days(
    header: Option<&PlanHeader>,
    year: Option<i32>,
    until: Option<i32>,
) -> WorkingDays {
    let settings = header.and_then(|header| header.working_days.as_ref());
    let dates = |written: &[Spanned<PlanDate>]| -> Vec<NaiveDate> {
        written.iter().map(|date| date.get_ref().0).collect()
    };
    let (days_off, worked) = settings
        .map(|settings| (dates(&settings.days_off), dates(&settings.worked)))
        .unwrap_or_default();
    // A year out of chrono's range has no days to prepare; `is_working`
    // works any day out on the spot.
    let first = year.unwrap_or(2024).clamp(1900, 2200);
    let last = until.unwrap_or(first).clamp(first, 2200);
    WorkingDays::vietnam(
        first - 1..=last + 1,
        &days_off,
        &worked,
        settings
            .and_then(|settings| settings.deadline_on_day_off)
            .unwrap_or_default(),
    )
}
