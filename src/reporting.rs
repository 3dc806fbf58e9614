//! The reports a plan's reporting duties call for: who owes which period's
//! report, when its data is cut off, when it must be sent, and whether it has
//! been filed (a `[[reporting.records]]` entry, made by `ddci record`).
//!
//! A quarter's report and the half-year's report that end on the same day are
//! one report in practice ("Báo cáo quý II và 6 tháng đầu năm"): they are owed
//! together, and a unit that files either has filed it.

use chrono::{Days, NaiveDate};

use crate::period::Period;
use crate::plan::model::{FiledReport, Plan, ReportingDuty, UnitRef};
use crate::status::AsOf;

/// One report one unit owes under one duty.
#[derive(Debug, Clone)]
pub struct OwedReport<'p> {
    pub duty: &'p ReportingDuty,
    /// The duty's place in `plan.reporting`.
    pub duty_position: usize,
    pub reporter: UnitRef,
    /// The periods it covers, shortest first (Quý II, then 6 tháng đầu năm).
    pub periods: Vec<Period>,
    /// The last day of data it reports on.
    pub cutoff: NaiveDate,
    /// The day it must be sent by, when the plan says.
    pub due: Option<NaiveDate>,
    /// What the unit filed for it by the as-of day, earliest first.
    pub filed: Vec<&'p FiledReport>,
    pub state: ReportState,
}

/// Where an owed report stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    /// Filed on `on`; `late` when after its due date.
    Filed { on: NaiveDate, late: bool },
    /// Its due date has passed and nothing was filed.
    Late,
    /// Its period is over, nothing was filed, and the plan sets no due date:
    /// awaited, but not late.
    Awaited,
    /// Its period is not over yet, or its due date has not passed.
    NotYetDue,
}

impl OwedReport<'_> {
    /// The period whose end the report falls due at (its shortest).
    pub fn period(&self) -> &Period {
        &self.periods[0]
    }
}

/// Every report owed under the plan's duties for the plan's year, by duty,
/// then period end, then reporter, judged at `moment`.
pub fn owed(plan: &Plan, moment: AsOf) -> Vec<OwedReport<'_>> {
    let (year_start, year_end) = plan.year_bounds();
    let Ok(year) = Period::range(year_start, year_end) else {
        return Vec::new();
    };
    let mut owed = Vec::new();
    for (duty_position, duty) in plan.reporting.iter().enumerate() {
        let mut periods: Vec<Period> = duty
            .periods
            .iter()
            .flat_map(|every| Period::each(*every, &year))
            .collect();
        // By end day, the shortest period first.
        periods.sort_by_key(|period| (period.end, std::cmp::Reverse(period.start)));
        periods.dedup();
        let mut groups: Vec<Vec<Period>> = Vec::new();
        for period in periods {
            match groups.last_mut() {
                Some(group) if group[0].end == period.end => group.push(period),
                _ => groups.push(vec![period]),
            }
        }
        for group in groups {
            let end = group[0].end;
            let cutoff = end
                .checked_sub_days(Days::new(u64::from(duty.cutoff_days_before.unwrap_or(0))))
                .unwrap_or(end);
            let due = duty
                .due_days_after
                .and_then(|days| end.checked_add_days(Days::new(u64::from(days))));
            for reporter in plan.reporters(duty) {
                let filed: Vec<&FiledReport> = duty
                    .filed
                    .iter()
                    .filter(|report| report.date <= moment.day)
                    .filter(|report| files_for(plan, reporter, report.by))
                    .filter(|report| group.contains(&report.period))
                    .collect();
                let state = match filed.first() {
                    Some(first) => ReportState::Filed {
                        on: first.date,
                        late: due.is_some_and(|due| first.date > due),
                    },
                    None => match due {
                        Some(due) if moment.passed(due) => ReportState::Late,
                        None if moment.passed(end) => ReportState::Awaited,
                        Some(_) | None => ReportState::NotYetDue,
                    },
                };
                owed.push(OwedReport {
                    duty,
                    duty_position,
                    reporter,
                    periods: group.clone(),
                    cutoff,
                    due,
                    filed,
                    state,
                });
            }
        }
    }
    owed
}

/// Whether a report by `by` is the report `reporter` owes: its own, or, for
/// a group whose members the plan does not list, one by any single unit.
fn files_for(plan: &Plan, reporter: UnitRef, by: UnitRef) -> bool {
    let group = plan.unit(reporter);
    by == reporter || (group.members.is_empty() && group.is_group() && !plan.unit(by).is_group())
}
