//! The period report the administrative office files: what happened in a
//! period and where the plan stood at its end, for the whole department or
//! one unit. `build` gathers the facts; `document`, `json` and `csv` present them.

mod appendix;
mod assessment;
pub mod csv;
mod direction;
pub mod document;
mod figures;
pub mod framing;
pub mod json;
mod position;
pub mod prose;
mod task_results;

use crate::judge::status::{self, AsOf, Assessment, PlanStatus, TargetStatus};
use crate::plan::model::{Frequency, PeriodRule, Plan, Record, ReportingDuty, UnitRef};
use crate::plan::target_kind::Measure;
use crate::time::period::{Period, PeriodKind};
use crate::words::labels::Language;

use chrono::NaiveDate;

/// What was asked for.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub period: Period,
    /// When figures are taken: the period's end (a day that is over), or
    /// today if sooner (a day still going on).
    pub as_of: AsOf,
    pub owner: Option<UnitRef>,
    pub language: Language,
    /// How the period's days were cut off (calendar, or Decree 09/2019).
    pub rule: PeriodRule,
    /// The day written in the document's header, when known; else the
    /// office fills it in when the report is signed.
    pub signed_on: Option<NaiveDate>,
}

#[derive(Debug)]
pub struct Report<'a> {
    pub request: ReportRequest,
    pub plan: &'a Plan,
    /// The plan's status at `as_of`.
    pub status: PlanStatus<'a>,
    pub tasks: Vec<TaskEntry<'a>>,
    pub targets: Vec<TargetEntry<'a>>,
    pub notes: Vec<NoteEntry<'a>>,
    pub duties: Vec<DutyDue<'a>>,
}

/// A task in the report, pointing into `status.tasks`.
#[derive(Debug)]
pub struct TaskEntry<'a> {
    pub position: usize,
    /// The task's records dated within the period.
    pub in_period: Vec<&'a Record>,
    /// Whether anything was recorded on the task or its targets in the period.
    pub reported: bool,
    /// Occurrences of a recurring task within the period with nothing recorded.
    pub missed: Vec<Period>,
}

/// A target in the report, pointing into `status.targets`.
#[derive(Debug)]
pub struct TargetEntry<'a> {
    pub position: usize,
    pub in_period: Vec<&'a Record>,
    /// For counts: the amount within the period and from the year's start.
    pub period_amount: Option<f64>,
    pub year_to_date: Option<f64>,
    /// The latest record within the period carrying what the target
    /// measures (a value; for a deliverable, a status).
    pub measured: Option<&'a Record>,
    /// When nothing was measured in the period: the latest measure from
    /// before it, which is not the period's result.
    pub earlier: Option<&'a Record>,
    /// The same measure in the previous period, to compare with.
    pub previous: Option<Previous<'a>>,
    /// For counts: the count's periods (months, say) within this one, and
    /// how many of those that can be judged kept to the goal.
    pub count_periods: Option<CountedPeriods>,
    /// What the period's figures say of the target.
    pub judgement: Assessment,
}

impl TargetEntry<'_> {
    /// Whether the period gives the target any figure: a measure, an
    /// earlier one, or for a count something recorded in the period.
    pub fn has_figures(&self) -> bool {
        if self.count_periods.is_some() {
            // A count's figure is the period's own.
            return !self.in_period.is_empty()
                || self.period_amount.is_some_and(|amount| amount > 0.0);
        }
        self.measured.is_some() || self.earlier.is_some()
    }
}

/// The previous period's figure.
#[derive(Debug, Clone, Copy)]
pub enum Previous<'a> {
    /// Its latest value, with its record.
    Value(&'a Record),
    /// A count over the previous period.
    Amount { period: Period, amount: f64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedPeriods {
    pub per: Frequency,
    /// Periods over (or otherwise judgeable) by the report's day.
    pub due: usize,
    /// Of those, the ones that kept to the goal.
    pub kept: usize,
    /// The ones that did not, by what was recorded.
    pub failing: Vec<Period>,
    /// The ones short of the goal with nothing recorded for them: not
    /// known to have failed.
    pub unrecorded: Vec<Period>,
}

/// A reporting duty that falls due at the end of the period, with the
/// reports it owes then: a quarter that ends June owes its quarter's report
/// and the half-year's.
#[derive(Debug)]
pub struct DutyDue<'a> {
    pub duty: &'a ReportingDuty,
    /// Empty for a duty "as required", with no periods of its own.
    pub reports: Vec<Period>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Shortcoming,
    Cause,
    Proposal,
}

/// A shortcoming or proposal written in a record of the period.
#[derive(Debug)]
pub struct NoteEntry<'a> {
    pub kind: NoteKind,
    /// The id of the task or target the record is under.
    pub subject: &'a str,
    pub record: &'a Record,
    pub text: &'a str,
}

#[expect(
    clippy::too_many_lines,
    reason = "125 lines; to be split into its steps (ARCHITECTURE.md)"
)]
pub fn build(plan: &Plan, request: ReportRequest) -> Report<'_> {
    let status = status::compute(plan, request.as_of);
    let period = request.period;
    let owner = request.owner;
    // A unit's own report holds what it reported, not what others did on
    // the tasks it shares.
    let within = |record: &&Record| {
        period.contains(record.date)
            && owner.is_none_or(|owner| record.by.is_none_or(|by| by == owner))
    };
    let mut tasks = Vec::new();
    // In a plan of several years, the period's year: a task or target of
    // another year is not in its report.
    let period_year = {
        use chrono::Datelike as _;
        period.end.year()
    };
    for (position, task_status) in status.tasks.iter().enumerate() {
        if owner.is_some_and(|owner| !plan.answers_for(task_status.task, owner)) {
            continue;
        }
        // Owed only in the periods it is in force.
        if !task_status.counts_in(period_year) || !task_status.task.in_force.overlaps(&period) {
            continue;
        }
        let in_period: Vec<&Record> = task_status.records.iter().copied().filter(within).collect();
        let missed = task_status
            .missed()
            .iter()
            .filter(|occurrence| period.contains(occurrence.day))
            .map(|occurrence| occurrence.period)
            .collect();
        tasks.push(TaskEntry {
            position,
            reported: task_status.active_in(&period),
            in_period,
            missed,
        });
    }
    let year_start = Period::containing(request.as_of.day, Frequency::Year)
        .under(request.rule)
        .start
        .min(period.start);
    let previous_period = period
        .previous()
        .map(|previous| previous.under(request.rule));
    let year_to_date = Period {
        start: year_start,
        end: request.as_of.day,
        kind: period.kind,
    };
    let mut targets = Vec::new();
    for (position, target_status) in status.targets.iter().enumerate() {
        if !Plan::belongs(target_status.target.year, period_year)
            || !target_status.target.in_force.overlaps(&period)
        {
            continue;
        }
        // A unit's own report has the figures it reports.
        if owner.is_some_and(|owner| !plan.reports(target_status.target, owner)) {
            continue;
        }
        let in_period: Vec<&Record> = target_status
            .records
            .iter()
            .copied()
            .filter(within)
            .collect();
        targets.push(target_entry(
            position,
            target_status,
            in_period,
            &period,
            &year_to_date,
            previous_period.as_ref(),
        ));
    }
    let mut notes = Vec::new();
    let task_notes = tasks.iter().flat_map(|entry| {
        let id = status.tasks[entry.position].task.id.as_str();
        entry.in_period.iter().map(move |record| (id, *record))
    });
    let target_notes = targets.iter().flat_map(|entry| {
        let id = status.targets[entry.position].target.id.as_str();
        entry.in_period.iter().map(move |record| (id, *record))
    });
    for (subject, record) in task_notes.chain(target_notes) {
        if let Some(text) = &record.shortcoming {
            notes.push(NoteEntry {
                kind: NoteKind::Shortcoming,
                subject,
                record,
                text,
            });
        }
        if let Some(text) = &record.cause {
            notes.push(NoteEntry {
                kind: NoteKind::Cause,
                subject,
                record,
                text,
            });
        }
        if let Some(text) = &record.proposal {
            notes.push(NoteEntry {
                kind: NoteKind::Proposal,
                subject,
                record,
                text,
            });
        }
    }
    notes.sort_by_key(|note| note.record.date);
    let duties = plan
        .reporting
        .iter()
        .filter_map(|duty| duty_due(plan, duty, &period, owner))
        .collect();
    Report {
        request,
        plan,
        status,
        tasks,
        targets,
        notes,
        duties,
    }
}

/// What the period's records say of one target.
fn target_entry<'a>(
    position: usize,
    status: &TargetStatus<'a>,
    in_period: Vec<&'a Record>,
    period: &Period,
    year_to_date: &Period,
    previous_period: Option<&Period>,
) -> TargetEntry<'a> {
    let goal = status.goal;
    let measures = |record: &&&'a Record| match goal.measure() {
        Measure::Status => record.status.is_some(),
        Measure::Verdict => record.verdict.is_some(),
        Measure::Value(_) => record.value.is_some(),
    };
    let measured = in_period.iter().rev().find(measures).copied();
    let earlier = if measured.is_none() {
        status
            .records
            .iter()
            .rev()
            .filter(|record| record.date < period.start)
            .find(measures)
            .copied()
    } else {
        None
    };
    let is_count = goal.count().is_some();
    let previous = previous_period.and_then(|previous| {
        if is_count {
            let recorded = status.recorded_in(previous);
            let amount = status.amount_in(previous)?;
            recorded.then_some(Previous::Amount {
                period: *previous,
                amount,
            })
        } else {
            status
                .records
                .iter()
                .rev()
                .filter(|record| previous.contains(record.date))
                .find(|record| record.value.is_some())
                .map(|record| Previous::Value(record))
        }
    });
    let count_periods = goal
        .count()
        .map(|(per, _)| counted_periods(status, period, per));
    let recorded_in_period = !in_period.is_empty()
        || status
            .occurrence_days
            .iter()
            .any(|day| period.contains(*day));
    let has_data = status.latest.is_some() || !status.occurrence_days.is_empty();
    let judgement = match (goal.measure(), &count_periods) {
        // A count is judged on its own periods within this one: one short
        // by what was recorded fails it; one with nothing recorded (after
        // the unit's last record) leaves it without enough figures; before
        // any is over, by the status so far, if the period has data.
        (_, Some(counted)) if counted.due > 0 && (recorded_in_period || has_data) => {
            if !counted.failing.is_empty() {
                Assessment::NotMet
            } else if !counted.unrecorded.is_empty() {
                Assessment::NoData
            } else {
                Assessment::Met
            }
        }
        (_, Some(_)) if !recorded_in_period => Assessment::NoData,
        (_, Some(_)) => status.assessment,
        // Done earlier stays done.
        (Measure::Status, None) if status.assessment == Assessment::Met => Assessment::Met,
        (_, None) if measured.is_some() => status.assessment,
        (_, None) => Assessment::NoData,
    };
    TargetEntry {
        position,
        period_amount: status.amount_in(period),
        year_to_date: status.amount_in(year_to_date),
        in_period,
        measured,
        earlier,
        previous,
        count_periods,
        judgement,
    }
}

/// A count's own periods (months, say) within the report's period: how
/// many are due, kept, short by what was recorded, and not recorded.
fn counted_periods(status: &TargetStatus<'_>, period: &Period, per: Frequency) -> CountedPeriods {
    let within: Vec<_> = status
        .count_periods
        .iter()
        .filter(|counted| period.contains(counted.amount.period.end))
        .collect();
    CountedPeriods {
        per,
        due: within.iter().filter(|counted| counted.due).count(),
        kept: within
            .iter()
            .filter(|counted| counted.due && counted.within_goal)
            .count(),
        failing: within
            .iter()
            .filter(|counted| counted.due && !counted.within_goal && counted.recorded)
            .map(|counted| counted.amount.period)
            .collect(),
        unrecorded: within
            .iter()
            .filter(|counted| counted.due && !counted.within_goal && !counted.recorded)
            .map(|counted| counted.amount.period)
            .collect(),
    }
}

/// The reports a duty owes when `period` ends: each of its periods that ends
/// that day. A duty "as required" is listed with every period report; none
/// is listed for a range of days. Only duties of the owner, if one is asked for.
fn duty_due<'a>(
    plan: &Plan,
    duty: &'a ReportingDuty,
    period: &Period,
    owner: Option<UnitRef>,
) -> Option<DutyDue<'a>> {
    let from_owner = owner.is_none_or(|owner| {
        duty.from
            .iter()
            .any(|listed| plan.stands_for(*listed, owner))
    });
    if !from_owner || matches!(period.kind, PeriodKind::Week | PeriodKind::Range) {
        return None;
    }
    if duty.periods.is_empty() {
        return Some(DutyDue {
            duty,
            reports: Vec::new(),
        });
    }
    let reports: Vec<Period> = duty
        .periods
        .iter()
        .map(|frequency| Period::containing(period.end, *frequency))
        .filter(|owed| owed.under(plan.report.periods).end == period.end)
        .collect();
    (!reports.is_empty()).then_some(DutyDue { duty, reports })
}

impl Report<'_> {
    pub fn task(&self, entry: &TaskEntry<'_>) -> &status::TaskStatus<'_> {
        &self.status.tasks[entry.position]
    }

    pub fn target(&self, entry: &TargetEntry<'_>) -> &TargetStatus<'_> {
        &self.status.targets[entry.position]
    }

    /// Tasks not finished that nothing was reported on in the period:
    /// ongoing, recurring and one-off alike.
    pub fn unreported(&self) -> Vec<&TaskEntry<'_>> {
        self.tasks
            .iter()
            .filter(|entry| !entry.reported && self.owes_a_report(entry))
            .collect()
    }

    /// Whether the task owes a report on the period: it is not finished and
    /// its time to be carried out had begun by the period's end.
    pub fn owes_a_report(&self, entry: &TaskEntry<'_>) -> bool {
        let status = self.task(entry);
        !status.state.is_finished() && !status.not_begun()
    }

    /// The units that recorded anything in the period, in the plan's order.
    pub fn reporting_units(&self) -> Vec<UnitRef> {
        let mut units: Vec<UnitRef> = self
            .tasks
            .iter()
            .flat_map(|entry| entry.in_period.iter())
            .chain(self.targets.iter().flat_map(|entry| entry.in_period.iter()))
            .filter_map(|record| record.by)
            .collect();
        units.sort_unstable();
        units.dedup();
        units
    }
}

#[cfg(test)]
mod tests;
