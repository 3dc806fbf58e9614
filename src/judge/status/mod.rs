//! Where the plan stands on a day: each task's state and flags, each target's
//! latest value against its goal. Pure computation over the validated
//! [`Plan`]; the views in `status_view/` and `report/` decide how it is shown.
//!
//! One rule for time runs through it: something due on a day has passed once
//! that day is over. The as-of day itself is over only when the view is
//! [`AsOf::closed`] (a report for a finished period, a finished year); on the
//! day it is still going on (today), a deadline today is not yet missed.

use chrono::{Datelike as _, NaiveDate};

use crate::plan::model::{Frequency, InForce, Plan, TargetRef, TaskRef};
use crate::time::period::Period;

/// The day a view is taken on, and whether that day is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    pub day: NaiveDate,
    /// True when the figures are those at the end of `day`: a report on a
    /// period that has ended, a year that is over.
    pub closed: bool,
    /// The day of the document the view is for (a report signed on
    /// 15/01/2026): a result published after it was not known, and is left
    /// out. `None`: everything recorded is known.
    pub known_on: Option<NaiveDate>,
    /// The moment the periodic reports are judged at, when not `day`: once
    /// the year is over its tasks stand as on its last day, but its last
    /// reports fall due in January and are judged as sent when they were
    /// (`reports_owed::judged_on`).
    pub reports_on: Option<(NaiveDate, bool)>,
}

impl AsOf {
    /// Today, still going on; or, once the plan's year is over, its last
    /// day, over: a finished plan is shown as it ended. (Its reports are
    /// judged as they stand today: `reports_owed::view_on`.)
    pub fn default_for(plan: &Plan, today: NaiveDate) -> Self {
        let (_, year_end) = plan.year_bounds();
        if today > year_end {
            Self::closed(year_end)
        } else {
            Self::open(today)
        }
    }

    /// The same moment, with the periodic reports judged at `reports`.
    #[must_use]
    pub fn with_reports_on(self, reports: AsOf) -> Self {
        Self {
            reports_on: Some((reports.day, reports.closed)),
            ..self
        }
    }

    /// The moment the periodic reports are judged at.
    #[must_use]
    pub fn for_reports(self) -> Self {
        match self.reports_on {
            Some((day, closed)) => Self {
                day,
                closed,
                reports_on: None,
                ..self
            },
            None => self,
        }
    }

    /// A day still going on (today).
    pub fn open(day: NaiveDate) -> Self {
        Self {
            day,
            closed: false,
            known_on: None,
            reports_on: None,
        }
    }

    /// The end of a day that is over.
    pub fn closed(day: NaiveDate) -> Self {
        Self {
            day,
            closed: true,
            known_on: None,
            reports_on: None,
        }
    }

    /// The same moment, for a document of `day`: what was published after
    /// it is not known.
    #[must_use]
    pub fn known_on(self, day: NaiveDate) -> Self {
        Self {
            known_on: Some(day),
            ..self
        }
    }

    /// Whether a record was known at this moment: one made of a published
    /// result is known from its publication.
    pub fn knows(&self, record: &crate::plan::model::Record) -> bool {
        self.knows_published(record.published)
    }

    /// Whether something published on `published` (if it says) was known.
    pub fn knows_published(&self, published: Option<NaiveDate>) -> bool {
        match (published, self.known_on) {
            (Some(published), Some(known_on)) => published <= known_on,
            _ => true,
        }
    }

    /// Whether `day` is over at this moment.
    pub fn passed(&self, day: NaiveDate) -> bool {
        day < self.day || (self.closed && day == self.day)
    }
}

#[derive(Debug)]
pub struct PlanStatus<'a> {
    pub plan: &'a Plan,
    pub as_of: NaiveDate,
    pub moment: AsOf,
    pub year: i32,
    /// The year judged: the plan's, or in a plan of several years the one
    /// holding `as_of` (its first before it starts, its last after it ends).
    pub year_in_view: i32,
    /// The quarter holding `as_of`.
    pub quarter: Period,
    /// Indexed like `plan.tasks`.
    pub tasks: Vec<TaskStatus<'a>>,
    /// Indexed like `plan.targets`.
    pub targets: Vec<TargetStatus<'a>>,
}

/// A plan's status at `moment`. Records dated after its day are ignored, as
/// if the plan were read on that day.
pub fn compute(plan: &Plan, moment: AsOf) -> PlanStatus<'_> {
    let as_of = moment.day;
    let quarter = Period::containing(as_of, Frequency::Quarter);
    // The year in view: the plan's year or, in a plan of several years
    // (2023–2025), the one the as-of day falls in. Each year is judged on its
    // own: counts and recurring events are taken over it, not over the span.
    let year_in_view = as_of.year().clamp(plan.year, plan.until.max(plan.year));
    let year = Period::year(year_in_view).unwrap_or(quarter);
    let targets: Vec<TargetStatus<'_>> = plan
        .targets
        .iter()
        .enumerate()
        .map(|(at, target)| {
            target_status(
                plan,
                TargetRef(at),
                target,
                moment,
                &life_span(&target.in_force, own_span(target.year, year)),
            )
        })
        .collect();
    let tasks = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(at, task)| {
            task_status(
                task,
                TaskRef(at),
                &targets,
                moment,
                &life_span(&task.in_force, own_span(task.year, year)),
                &plan.working_days,
            )
        })
        .collect();
    PlanStatus {
        plan,
        as_of,
        moment,
        year: plan.year,
        year_in_view,
        quarter,
        tasks,
        targets,
    }
}

/// The span a task or target is judged over: its own year, in a plan of
/// several years, else the whole plan.
pub(super) fn own_span(own: Option<i32>, plan_span: Period) -> Period {
    own.and_then(|own| Period::year(own).ok())
        .unwrap_or(plan_span)
}

/// The part of `span` a task or target is in force in; all of it when it
/// is in force on none of it (a view leaves such an entry out).
fn life_span(in_force: &InForce, span: Period) -> Period {
    in_force.within(&span).unwrap_or(span)
}

/// The moment a task or target is judged at: `moment`, or, once it has
/// ended, the end of its last day (nothing is owed after it).
pub(super) fn within_life(moment: AsOf, in_force: &InForce) -> AsOf {
    match in_force.ends {
        Some(ends) if ends < moment.day => AsOf {
            day: ends,
            closed: true,
            ..moment
        },
        _ => moment,
    }
}

/// The year up to the as-of day.
pub(super) fn so_far(moment: AsOf, year: &Period) -> Period {
    Period {
        start: year.start,
        end: moment.day.min(year.end),
        kind: year.kind,
    }
}

mod target;
mod task;

#[cfg(test)]
use target::occurrence_days;
use target::target_status;
pub use target::{Assessment, CountPeriod, PeriodAmount, TargetStatus};
use task::task_status;
pub use task::{TaskFlag, TaskState, TaskStatus};

#[cfg(test)]
mod tests;
