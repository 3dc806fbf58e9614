//! The period report the administrative office files: what happened in a
//! period and where the plan stood at its end, for the whole department or
//! one unit. `build` gathers the facts; `document`, `json` and `csv` present them.

pub mod csv;
pub mod document;
pub mod json;

use chrono::NaiveDate;

use crate::labels::Language;
use crate::period::{Period, PeriodKind};
use crate::plan::file::{Frequency, PlanFile, Record, ReportingDuty, ScheduleKind, TargetKind};
use crate::status::{self, PlanStatus, TaskFlag, TaskState};
use crate::status_view::owns;

/// What was asked for.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub period: Period,
    /// The day figures are taken on: the period's end, or today if sooner.
    pub as_of: NaiveDate,
    pub owner: Option<String>,
    pub language: Language,
}

#[derive(Debug)]
pub struct Report<'a> {
    pub request: ReportRequest,
    pub file: &'a PlanFile,
    /// The plan's status at `as_of`.
    pub status: PlanStatus<'a>,
    pub tasks: Vec<TaskEntry<'a>>,
    pub targets: Vec<TargetEntry<'a>>,
    pub notes: Vec<NoteEntry<'a>>,
    pub duties: Vec<&'a ReportingDuty>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Shortcoming,
    Proposal,
}

/// A shortcoming or proposal written in a record of the period.
#[derive(Debug)]
pub struct NoteEntry<'a> {
    pub kind: NoteKind,
    pub subject: &'a str,
    pub record: &'a Record,
    pub text: &'a str,
}

pub fn build(file: &PlanFile, request: ReportRequest) -> Report<'_> {
    let status = status::compute(file, request.as_of);
    let period = request.period;
    let within = |record: &&Record| period.contains(record.date.get_ref().0);
    let owner = request.owner.as_deref();
    let mut tasks = Vec::new();
    for (position, task_status) in status.tasks.iter().enumerate() {
        let task = task_status.task;
        if owner.is_some_and(|owner| !owns(file, task, owner, false)) {
            continue;
        }
        let in_period: Vec<&Record> = task_status.records.iter().copied().filter(within).collect();
        let target_reported = status.targets.iter().any(|target| {
            target
                .target
                .task
                .as_ref()
                .is_some_and(|id| id.get_ref() == task.id.get_ref())
                && target.records.iter().any(within)
        });
        let missed = task_status
            .flags
            .iter()
            .filter_map(|flag| match flag {
                TaskFlag::NotRecorded { missed } => Some(missed),
                _ => None,
            })
            .flatten()
            .filter(|occurrence| period.contains(occurrence.day))
            .map(|occurrence| occurrence.period)
            .collect();
        tasks.push(TaskEntry {
            position,
            reported: !in_period.is_empty() || target_reported,
            in_period,
            missed,
        });
    }
    let kept_task = |id: &str| {
        tasks
            .iter()
            .any(|entry| status.tasks[entry.position].task.id.get_ref() == id)
    };
    let mut targets = Vec::new();
    for (position, target_status) in status.targets.iter().enumerate() {
        let target = target_status.target;
        let keep = match (&target.task, owner) {
            (_, None) => true,
            (Some(task), Some(_)) => kept_task(task.get_ref()),
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
        let counted = matches!(
            *target.kind.get_ref(),
            TargetKind::CountAtLeast | TargetKind::CountAtMost
        );
        let year_start = Period::containing(request.as_of, Frequency::Year)
            .start
            .min(period.start);
        let amount = |records: &mut dyn Iterator<Item = &&Record>| -> f64 {
            let values =
                records.filter_map(|record| record.value.as_ref().map(|value| *value.get_ref()));
            if target.per_entity.is_some() {
                values.last().unwrap_or(0.0)
            } else {
                values.sum()
            }
        };
        let (period_amount, year_to_date) = if counted {
            (
                Some(amount(&mut in_period.iter())),
                Some(amount(
                    &mut target_status
                        .records
                        .iter()
                        .filter(|record| record.date.get_ref().0 >= year_start),
                )),
            )
        } else {
            (None, None)
        };
        targets.push(TargetEntry {
            position,
            in_period,
            period_amount,
            year_to_date,
        });
    }
    let mut notes = Vec::new();
    let task_notes = tasks.iter().flat_map(|entry| {
        let id = status.tasks[entry.position].task.id.get_ref().as_str();
        entry.in_period.iter().map(move |record| (id, *record))
    });
    let target_notes = targets.iter().flat_map(|entry| {
        let id = status.targets[entry.position].target.id.get_ref().as_str();
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
    notes.sort_by_key(|note| *note.record.date.get_ref());
    let duties = file
        .reporting
        .iter()
        .filter(|duty| duty_applies(file, duty, &period, owner))
        .collect();
    Report {
        request,
        file,
        status,
        tasks,
        targets,
        notes,
        duties,
    }
}

/// A reporting duty is due for a period of its kind, from its own units.
fn duty_applies(
    file: &PlanFile,
    duty: &ReportingDuty,
    period: &Period,
    owner: Option<&str>,
) -> bool {
    let frequency = match period.kind {
        PeriodKind::Month { .. } => Frequency::Month,
        PeriodKind::Quarter { .. } => Frequency::Quarter,
        PeriodKind::Half { .. } => Frequency::Half,
        PeriodKind::Year { .. } => Frequency::Year,
        PeriodKind::NineMonths { .. } | PeriodKind::Week | PeriodKind::Range => return false,
    };
    let due = duty.periods.iter().any(|kind| *kind.get_ref() == frequency);
    let from_owner = owner.is_none_or(|owner| {
        duty.from.iter().any(|unit| {
            unit.get_ref() == owner
                || file.units.iter().any(|group| {
                    group.id.get_ref() == unit.get_ref()
                        && group.members.iter().any(|member| member.get_ref() == owner)
                })
        })
    });
    due && from_owner
}

impl Report<'_> {
    pub fn task(&self, entry: &TaskEntry<'_>) -> &status::TaskStatus<'_> {
        &self.status.tasks[entry.position]
    }

    pub fn target(&self, entry: &TargetEntry<'_>) -> &status::TargetStatus<'_> {
        &self.status.targets[entry.position]
    }

    /// Ongoing and recurring tasks still open that nothing was reported on.
    pub fn unreported(&self) -> Vec<&TaskEntry<'_>> {
        self.tasks
            .iter()
            .filter(|entry| {
                let status = self.task(entry);
                !entry.reported
                    && *status.task.schedule.get_ref().kind.get_ref() != ScheduleKind::Due
                    && !matches!(
                        status.state,
                        TaskState::Done | TaskState::DoneLate | TaskState::Cancelled
                    )
            })
            .collect()
    }

    /// The units (by id) that recorded anything in the period.
    pub fn reporting_units(&self) -> Vec<&str> {
        let mut units: Vec<&str> = self
            .tasks
            .iter()
            .flat_map(|entry| entry.in_period.iter())
            .chain(self.targets.iter().flat_map(|entry| entry.in_period.iter()))
            .filter_map(|record| record.by.as_ref().map(|by| by.get_ref().as_str()))
            .collect();
        // In the order the plan lists its units.
        units.sort_by_key(|id| {
            self.file
                .units
                .iter()
                .position(|unit| unit.id.get_ref() == id)
        });
        units.dedup();
        units
    }
}
