//! The period report the administrative office files: what happened in a
//! period and where the plan stood at its end, for the whole department or
//! one unit. `build` gathers the facts; `document`, `json` and `csv` present them.

pub mod csv;
pub mod document;
pub mod json;

use crate::labels::Language;
use crate::period::{Period, PeriodKind};
use crate::plan::model::{Frequency, Plan, Record, ReportingDuty, UnitRef};
use crate::status::{self, AsOf, PlanStatus};

/// What was asked for.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub period: Period,
    /// When figures are taken: the period's end (a day that is over), or
    /// today if sooner (a day still going on).
    pub as_of: AsOf,
    pub owner: Option<UnitRef>,
    pub language: Language,
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

pub fn build(plan: &Plan, request: ReportRequest) -> Report<'_> {
    let status = status::compute(plan, request.as_of);
    let period = request.period;
    let within = |record: &&Record| period.contains(record.date);
    let owner = request.owner;
    let mut tasks = Vec::new();
    let mut kept_tasks = vec![false; plan.tasks.len()];
    for (position, task_status) in status.tasks.iter().enumerate() {
        if owner.is_some_and(|owner| !plan.owns(task_status.task, owner, false)) {
            continue;
        }
        kept_tasks[position] = true;
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
        .start
        .min(period.start);
    let year_to_date = Period {
        start: year_start,
        end: request.as_of.day,
        kind: period.kind,
    };
    let mut targets = Vec::new();
    for (position, target_status) in status.targets.iter().enumerate() {
        let keep = match (target_status.target.task, owner) {
            (_, None) => true,
            (Some(task), Some(_)) => kept_tasks[task.0],
            (None, Some(_)) => false,
        };
        if !keep {
            continue;
        }
        let in_period: Vec<&Record> = target_status
            .records
            .iter()
            .copied()
            .filter(within)
            .collect();
        targets.push(TargetEntry {
            position,
            in_period,
            period_amount: target_status.amount_in(&period),
            year_to_date: target_status.amount_in(&year_to_date),
        });
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
        .filter(|owed| owed.end == period.end)
        .collect();
    (!reports.is_empty()).then_some(DutyDue { duty, reports })
}

impl Report<'_> {
    pub fn task(&self, entry: &TaskEntry<'_>) -> &status::TaskStatus<'_> {
        &self.status.tasks[entry.position]
    }

    pub fn target(&self, entry: &TargetEntry<'_>) -> &status::TargetStatus<'_> {
        &self.status.targets[entry.position]
    }

    /// Tasks not finished that nothing was reported on in the period:
    /// ongoing, recurring and one-off alike.
    pub fn unreported(&self) -> Vec<&TaskEntry<'_>> {
        self.tasks
            .iter()
            .filter(|entry| !entry.reported && !self.task(entry).state.is_finished())
            .collect()
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
