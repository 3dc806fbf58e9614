//! A task on a day: its state (done, late, in progress, no report …) and
//! what needs attention (overdue, nothing reported last quarter, a month
//! with no occurrence recorded).

use chrono::NaiveDate;

use crate::plan::model::{Frequency, Plan, Progress, Record, Schedule, Task, TaskRef};
use crate::time::period::Period;
use crate::time::recurrence::{self, Occurrence};
use crate::time::working_days::WorkingDays;

use super::{AsOf, TargetStatus, so_far};

/// What is known of a task on a day, in the words offices use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskState {
    /// Nothing has been reported ("Chưa có báo cáo"): silence is not a claim
    /// that the work was not done.
    NoReport,
    /// Reported as not started ("Chưa thực hiện").
    NotStarted,
    /// Being carried out ("Đang thực hiện"); for ongoing and recurring work,
    /// the state it stays in once reported on: such work is never "done".
    InProgress,
    Blocked,
    /// A one-off task past its due date and not done ("Chưa hoàn thành trễ hạn").
    Overdue,
    Done,
    /// Done after its due date ("Hoàn thành trễ hạn").
    DoneLate,
    Cancelled,
}

impl TaskState {
    pub const ALL: [TaskState; 8] = [
        Self::NoReport,
        Self::NotStarted,
        Self::InProgress,
        Self::Blocked,
        Self::Overdue,
        Self::Done,
        Self::DoneLate,
        Self::Cancelled,
    ];

    /// Whether nothing more is expected of the task.
    pub fn is_finished(self) -> bool {
        matches!(self, Self::Done | Self::DoneLate | Self::Cancelled)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskFlag {
    /// Past its due date and not done.
    Overdue { due: NaiveDate },
    /// An ongoing task with nothing reported in the last quarter that has ended.
    NoReportForQuarter { quarter: Period },
    /// Occurrences of a recurring task that have passed with nothing recorded
    /// in their period.
    NotRecorded { missed: Vec<Occurrence> },
    /// Occurrences that passed with none held, by what the unit recorded:
    /// the task's count knows the period's amount (a later record, the
    /// quarter's report) and it is none. A claim of the unit's, unlike
    /// silence.
    RecordedNotHeld { occurrences: Vec<Occurrence> },
    /// A one-off task whose time to be carried out begins on `start`, after
    /// the as-of day, with nothing recorded: nothing is owed yet.
    NotBegun { start: NaiveDate },
    /// The task ended (an amendment, the reorganisation) on `last_day`:
    /// nothing is owed after it.
    Ended {
        last_day: NaiveDate,
        reason: Option<String>,
    },
}

#[derive(Debug)]
pub struct TaskStatus<'a> {
    pub task: &'a Task,
    pub position: TaskRef,
    pub state: TaskState,
    /// The task's latest record on or before the as-of day, corrections applied.
    pub latest: Option<&'a Record>,
    /// The task's records on or before the as-of day, oldest first.
    pub records: Vec<&'a Record>,
    /// Every day anything was recorded on the task or on its targets, in order.
    pub activity: Vec<NaiveDate>,
    pub flags: Vec<TaskFlag>,
}

impl TaskStatus<'_> {
    /// Whether the task's time to be carried out had not begun: a one-off
    /// task starting after the as-of day, nothing recorded on it.
    pub fn not_begun(&self) -> bool {
        self.flags
            .iter()
            .any(|flag| matches!(flag, TaskFlag::NotBegun { .. }))
    }

    /// Whether the task is in a view of `year`: it is for every year or for
    /// that one, or it is a one-off task of an earlier year of the plan
    /// still not finished (a 2024 task overdue stays in sight in 2025).
    pub fn counts_in(&self, year: i32) -> bool {
        Plan::belongs(self.task.year, year)
            || self.task.year.is_some_and(|own| {
                own < year
                    && matches!(self.task.schedule, Schedule::Due { .. })
                    && !self.state.is_finished()
            })
    }

    /// The latest day anything was recorded on the task or its targets.
    pub fn last_activity(&self) -> Option<NaiveDate> {
        self.activity.last().copied()
    }

    /// Whether anything was recorded on the task or its targets within `period`.
    pub fn active_in(&self, period: &Period) -> bool {
        let from = self.activity.partition_point(|day| *day < period.start);
        self.activity
            .get(from)
            .is_some_and(|day| *day <= period.end)
    }

    /// Occurrences past with nothing recorded: "chưa ghi nhận".
    pub fn missed(&self) -> &[Occurrence] {
        self.flags
            .iter()
            .find_map(|flag| match flag {
                TaskFlag::NotRecorded { missed } => Some(missed.as_slice()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Occurrences the unit's records say were not held.
    pub fn not_held(&self) -> &[Occurrence] {
        self.flags
            .iter()
            .find_map(|flag| match flag {
                TaskFlag::RecordedNotHeld { occurrences } => Some(occurrences.as_slice()),
                _ => None,
            })
            .unwrap_or_default()
    }
}

pub(super) fn task_status<'a>(
    task: &'a Task,
    position: TaskRef,
    targets: &[TargetStatus<'a>],
    moment: AsOf,
    year: &Period,
    working: &WorkingDays,
) -> TaskStatus<'a> {
    // A task that ended is judged as it stood on its last day.
    let ended = task
        .in_force
        .ends
        .filter(|last_day| moment.passed(*last_day));
    let moment = super::within_life(moment, &task.in_force);
    let records: Vec<&Record> = task.records.as_of(moment.day).collect();
    let latest = records.last().copied();
    // What a task's targets record counts as activity on the task too.
    let mut activity: Vec<NaiveDate> = records
        .iter()
        .map(|record| record.date)
        .chain(
            task.targets
                .iter()
                .flat_map(|target| targets[target.0].records.iter().map(|record| record.date)),
        )
        .collect();
    activity.sort_unstable();
    activity.dedup();
    let latest_status = records
        .iter()
        .rev()
        .find_map(|record| Some((record.status?, record.date)));
    let reported = !activity.is_empty();
    let mut flags = Vec::new();
    let state = match &task.schedule {
        Schedule::Due { due, .. } => {
            let state = match latest_status {
                Some((Progress::Done, on)) if on > *due => TaskState::DoneLate,
                Some((Progress::Done, _)) => TaskState::Done,
                Some((Progress::Cancelled, _)) => TaskState::Cancelled,
                Some((Progress::Blocked, _)) => TaskState::Blocked,
                Some((Progress::NotStarted, _)) => TaskState::NotStarted,
                // Work reported without a status word is work in progress.
                Some((Progress::InProgress, _)) => TaskState::InProgress,
                None if reported => TaskState::InProgress,
                None => TaskState::NoReport,
            };
            if moment.passed(*due) && !state.is_finished() {
                flags.push(TaskFlag::Overdue { due: *due });
                TaskState::Overdue
            } else {
                state
            }
        }
        Schedule::Ongoing | Schedule::Recurring(_) => match latest_status {
            Some((Progress::Cancelled, _)) => TaskState::Cancelled,
            Some((Progress::Blocked, _)) => TaskState::Blocked,
            Some((Progress::NotStarted, _)) => TaskState::NotStarted,
            // Continuing work reported "done" was carried out; it goes on.
            Some((Progress::Done | Progress::InProgress, _)) => TaskState::InProgress,
            None if reported => TaskState::InProgress,
            None => TaskState::NoReport,
        },
    };
    let mut status = TaskStatus {
        task,
        position,
        state,
        latest,
        records,
        activity,
        flags,
    };
    if state != TaskState::Cancelled {
        match &task.schedule {
            Schedule::Ongoing => {
                if let Some(quarter) = last_quarter_ended(moment, year)
                    && !status.active_in(&quarter)
                {
                    status.flags.push(TaskFlag::NoReportForQuarter { quarter });
                }
            }
            Schedule::Recurring(rule) => {
                let flags = occurrence_flags(&status, rule, targets, moment, year, working);
                status.flags.extend(flags);
            }
            Schedule::Due { start, .. } => {
                if let Some(start) = *start
                    && moment.day < start
                    && state == TaskState::NoReport
                {
                    status.flags.push(TaskFlag::NotBegun { start });
                }
            }
        }
    }
    if let Some(last_day) = ended {
        status.flags.push(TaskFlag::Ended {
            last_day,
            reason: task.in_force.end_reason.clone(),
        });
    }
    status
}

/// A recurring task's occurrences past, told apart: those its count records
/// as none in their period were not held (the unit's claim, a 0 recorded);
/// those with nothing recorded in their period are silence; the rest held.
fn occurrence_flags(
    status: &TaskStatus<'_>,
    rule: &crate::plan::model::Recurrence,
    targets: &[TargetStatus<'_>],
    moment: AsOf,
    year: &Period,
    working: &WorkingDays,
) -> Vec<TaskFlag> {
    let passed = recurrence::occurrences(rule, &so_far(moment, year), year.start, working)
        .into_iter()
        .filter(|occurrence| year.contains(occurrence.day))
        .filter(|occurrence| moment.passed(occurrence.day));
    // What the task's count knows of the occurrence's period, if it does.
    let counted = |occurrence: &Occurrence| {
        status.task.targets.iter().find_map(|target| {
            let target = &targets[target.0];
            target
                .knows_amount_on(occurrence.day)
                .then(|| target.amount_in(&occurrence.period))
                .flatten()
        })
    };
    let mut not_held = Vec::new();
    let mut missed = Vec::new();
    for occurrence in passed {
        match counted(&occurrence) {
            // The unit's count says none were held.
            Some(amount) if amount <= 0.0 => not_held.push(occurrence),
            Some(_) => {}
            None if status.active_in(&occurrence.period) => {}
            None => missed.push(occurrence),
        }
    }
    let mut flags = Vec::new();
    if !missed.is_empty() {
        flags.push(TaskFlag::NotRecorded { missed });
    }
    if !not_held.is_empty() {
        flags.push(TaskFlag::RecordedNotHeld {
            occurrences: not_held,
        });
    }
    flags
}

/// The latest quarter of the plan's year that is over at `moment`.
pub(super) fn last_quarter_ended(moment: AsOf, year: &Period) -> Option<Period> {
    if moment.day < year.start {
        return None;
    }
    Period::each(Frequency::Quarter, year)
        .into_iter()
        .rev()
        .find(|quarter| moment.passed(quarter.end))
}
