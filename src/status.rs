//! Where the plan stands on a day: each task's progress and flags, each
//! target's latest value against its goal. Pure computation over the plan;
//! the views in `status_view/` decide how it is shown.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::period::Period;
use crate::plan::file::{
    Frequency, PlanFile, Progress, Record, ScheduleKind, Target, TargetKind, Task,
};
use crate::recurrence::{self, Occurrence};

/// Values closer than this count as equal (scores have two decimals).
const TOLERANCE: f64 = 1e-9;

#[derive(Debug)]
pub struct PlanStatus<'a> {
    pub file: &'a PlanFile,
    pub as_of: NaiveDate,
    pub year: i32,
    /// The quarter holding `as_of`.
    pub quarter: Period,
    pub tasks: Vec<TaskStatus<'a>>,
    pub targets: Vec<TargetStatus<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskState {
    NotStarted,
    InProgress,
    Blocked,
    Overdue,
    Done,
    DoneLate,
    Cancelled,
}

impl TaskState {
    pub const ALL: [TaskState; 7] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Blocked,
        Self::Overdue,
        Self::Done,
        Self::DoneLate,
        Self::Cancelled,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskFlag {
    /// Past its due date and not done.
    Overdue { due: NaiveDate },
    /// An ongoing or recurring task with nothing recorded in the current quarter.
    NoRecordInQuarter { quarter: Period },
    /// Occurrences of a recurring task that have passed with nothing recorded
    /// in their period.
    NotRecorded { missed: Vec<Occurrence> },
}

#[derive(Debug)]
pub struct TaskStatus<'a> {
    pub task: &'a Task,
    pub state: TaskState,
    /// The task's latest record on or before the as-of day, corrections applied.
    pub latest: Option<&'a Record>,
    /// The task's records on or before the as-of day, oldest first.
    pub records: Vec<&'a Record>,
    /// The latest day anything was recorded on the task or on its targets.
    pub last_activity: Option<NaiveDate>,
    pub flags: Vec<TaskFlag>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Assessment {
    Met,
    NotYetMet,
    NotMet,
    NoData,
}

impl Assessment {
    pub const ALL: [Assessment; 4] = [Self::Met, Self::NotYetMet, Self::NotMet, Self::NoData];
}

/// What a target is compared with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Baseline {
    Score(f64),
    Rank {
        rank: i64,
        of: Option<i64>,
    },
    /// The target needs a baseline and the plan has none.
    Missing,
}

/// A count over one period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodAmount {
    pub period: Period,
    pub amount: f64,
}

#[derive(Debug)]
pub struct TargetStatus<'a> {
    pub target: &'a Target,
    pub assessment: Assessment,
    /// The latest record that carries what the target measures.
    pub latest: Option<&'a Record>,
    pub records: Vec<&'a Record>,
    pub baseline: Option<Baseline>,
    /// For counts: the amount so far in the period holding the as-of day.
    pub current: Option<PeriodAmount>,
    /// For counts: the periods that broke the goal (too few, or too many).
    pub failing_periods: Vec<PeriodAmount>,
}

/// A plan's status on `as_of`. Records dated after `as_of` are ignored, as
/// if the plan were read on that day.
pub fn compute(file: &PlanFile, as_of: NaiveDate) -> PlanStatus<'_> {
    let year = file
        .year()
        .unwrap_or_else(|| chrono::Datelike::year(&as_of));
    let quarter = Period::containing(as_of, Frequency::Quarter);
    let year_period = Period::year(year).unwrap_or(quarter);
    let tasks = file
        .tasks
        .iter()
        .map(|task| task_status(file, task, as_of, &quarter, &year_period))
        .collect();
    let targets = file
        .targets
        .iter()
        .map(|target| target_status(file, target, as_of, &year_period))
        .collect();
    PlanStatus {
        file,
        as_of,
        year,
        quarter,
        tasks,
        targets,
    }
}

/// The records that count on `as_of`: none dated later, none that a later
/// record corrects; oldest first, records of one day in file order.
pub fn effective_records(records: &[Record], as_of: NaiveDate) -> Vec<&Record> {
    let visible: Vec<&Record> = records
        .iter()
        .filter(|record| record.date.get_ref().0 <= as_of)
        .collect();
    let corrected: HashSet<&str> = visible
        .iter()
        .filter_map(|record| record.corrects.as_ref())
        .map(|id| id.get_ref().as_str())
        .collect();
    let mut kept: Vec<&Record> = visible
        .into_iter()
        .filter(|record| {
            record
                .id
                .as_ref()
                .is_none_or(|id| !corrected.contains(id.get_ref().as_str()))
        })
        .collect();
    kept.sort_by_key(|record| *record.date.get_ref());
    kept
}

fn task_status<'a>(
    file: &'a PlanFile,
    task: &'a Task,
    as_of: NaiveDate,
    quarter: &Period,
    year: &Period,
) -> TaskStatus<'a> {
    let records = effective_records(&task.records, as_of);
    let latest = records.last().copied();
    let schedule = task.schedule.get_ref();
    let due = schedule.due.as_ref().map(|due| due.get_ref().0);
    // What a task's targets record counts as activity on the task too.
    let activity: Vec<NaiveDate> = records
        .iter()
        .map(|record| record.date.get_ref().0)
        .chain(
            file.targets
                .iter()
                .filter(|target| {
                    target
                        .task
                        .as_ref()
                        .is_some_and(|id| id.get_ref() == task.id.get_ref())
                })
                .flat_map(|target| effective_records(&target.records, as_of))
                .map(|record| record.date.get_ref().0),
        )
        .collect();
    let latest_status = records.iter().rev().find_map(|record| {
        record
            .status
            .as_ref()
            .map(|status| (*status.get_ref(), record))
    });
    let mut state = match latest_status {
        Some((Progress::Done, record)) => {
            let done_on = record.date.get_ref().0;
            let late = *schedule.kind.get_ref() == ScheduleKind::Due
                && due.is_some_and(|due| done_on > due);
            if late {
                TaskState::DoneLate
            } else {
                TaskState::Done
            }
        }
        Some((Progress::Cancelled, _)) => TaskState::Cancelled,
        Some((Progress::Blocked, _)) => TaskState::Blocked,
        Some((Progress::NotStarted, _)) => TaskState::NotStarted,
        None if activity.is_empty() => TaskState::NotStarted,
        // Work reported without a status word is work in progress.
        Some((Progress::InProgress, _)) | None => TaskState::InProgress,
    };
    let mut flags = Vec::new();
    let kind = *schedule.kind.get_ref();
    if kind == ScheduleKind::Due
        && let Some(due) = due.filter(|due| *due < as_of)
        && !matches!(
            state,
            TaskState::Done | TaskState::DoneLate | TaskState::Cancelled
        )
    {
        state = TaskState::Overdue;
        flags.push(TaskFlag::Overdue { due });
    }
    let finished = matches!(
        state,
        TaskState::Done | TaskState::DoneLate | TaskState::Cancelled
    );
    if matches!(kind, ScheduleKind::Ongoing | ScheduleKind::Recurring) && !finished {
        let so_far = Period {
            start: quarter.start,
            end: as_of.min(quarter.end),
            kind: quarter.kind,
        };
        if year.contains(as_of) && !activity.iter().any(|day| so_far.contains(*day)) {
            flags.push(TaskFlag::NoRecordInQuarter { quarter: *quarter });
        }
        if kind == ScheduleKind::Recurring {
            let within = Period {
                start: year.start,
                end: as_of.min(year.end),
                kind: year.kind,
            };
            let missed: Vec<Occurrence> = recurrence::occurrences(schedule, &within, year.start)
                .into_iter()
                .filter(|occurrence| occurrence.day < as_of)
                .filter(|occurrence| !activity.iter().any(|day| occurrence.period.contains(*day)))
                .collect();
            if !missed.is_empty() {
                flags.push(TaskFlag::NotRecorded { missed });
            }
        }
    }
    TaskStatus {
        task,
        state,
        latest,
        records,
        last_activity: activity.iter().max().copied(),
        flags,
    }
}

fn target_status<'a>(
    file: &'a PlanFile,
    target: &'a Target,
    as_of: NaiveDate,
    year: &Period,
) -> TargetStatus<'a> {
    let records = effective_records(&target.records, as_of);
    let kind = *target.kind.get_ref();
    let deadline = target.due.as_ref().map_or(year.end, |due| due.get_ref().0);
    let past_deadline = as_of > deadline;
    let baseline = baseline(file, target);
    let mut status = TargetStatus {
        target,
        assessment: Assessment::NoData,
        latest: None,
        records: records.clone(),
        baseline,
        current: None,
        failing_periods: Vec::new(),
    };
    match kind {
        TargetKind::CountAtLeast | TargetKind::CountAtMost => {
            assess_count(&mut status, &records, as_of, year);
        }
        TargetKind::Deliverable => {
            let latest = records
                .iter()
                .rev()
                .find(|record| record.status.is_some())
                .copied();
            status.latest = latest.or(records.last().copied());
            let done = latest
                .and_then(|record| record.status.as_ref())
                .is_some_and(|status| *status.get_ref() == Progress::Done);
            status.assessment = if done {
                Assessment::Met
            } else if past_deadline {
                Assessment::NotMet
            } else if records.is_empty() {
                Assessment::NoData
            } else {
                Assessment::NotYetMet
            };
        }
        _ => {
            status.latest = records
                .iter()
                .rev()
                .find(|record| record.value.is_some())
                .copied();
            let value = status
                .latest
                .and_then(|record| record.value.as_ref())
                .map(|value| *value.get_ref());
            status.assessment = match (value, goal_reached(target, value, baseline)) {
                (None, _) | (_, None) => Assessment::NoData,
                (Some(_), Some(true)) => Assessment::Met,
                (Some(_), Some(false)) if past_deadline => Assessment::NotMet,
                (Some(_), Some(false)) => Assessment::NotYetMet,
            };
        }
    }
    status
}

/// Whether `value` reaches the goal; `None` when it cannot be judged.
fn goal_reached(target: &Target, value: Option<f64>, baseline: Option<Baseline>) -> Option<bool> {
    let value = value?;
    let number = |field: &Option<crate::plan::spanned::Spanned<f64>>| {
        field.as_ref().map(|field| *field.get_ref())
    };
    let whole = |field: &Option<crate::plan::spanned::Spanned<i64>>| {
        #[allow(clippy::cast_precision_loss)] // ranks and counts are small
        field.as_ref().map(|field| *field.get_ref() as f64)
    };
    let at_least = |goal: f64| value + TOLERANCE >= goal;
    match *target.kind.get_ref() {
        TargetKind::PercentAtLeast | TargetKind::Change => number(&target.percent).map(at_least),
        TargetKind::PercentAtMost => number(&target.percent).map(|goal| value <= goal + TOLERANCE),
        TargetKind::All => Some(at_least(100.0)),
        TargetKind::ScoreAtLeast => number(&target.score).map(at_least),
        TargetKind::RankAtMost => whole(&target.rank).map(|goal| value <= goal + TOLERANCE),
        TargetKind::RankImprovement => match baseline? {
            #[allow(clippy::cast_precision_loss)]
            Baseline::Rank { rank, .. } => {
                whole(&target.places).map(|places| rank as f64 - value + TOLERANCE >= places)
            }
            _ => None,
        },
        TargetKind::ScoreChangeAtLeast => match baseline? {
            Baseline::Score(score) => {
                number(&target.points).map(|points| value - score + TOLERANCE >= points)
            }
            _ => None,
        },
        TargetKind::Maintain => match baseline? {
            Baseline::Score(score) => Some(at_least(score)),
            _ => None,
        },
        TargetKind::CountAtLeast | TargetKind::CountAtMost | TargetKind::Deliverable => None,
    }
}

/// Counts add up the values recorded in each period; a count per entity
/// ("per enterprise") takes the latest value instead, which is the highest
/// count for any one entity so far.
fn assess_count<'a>(
    status: &mut TargetStatus<'a>,
    records: &[&'a Record],
    as_of: NaiveDate,
    year: &Period,
) {
    let target = status.target;
    let Some(per) = target.per.as_ref().map(|per| *per.get_ref()) else {
        return;
    };
    let per_entity = target.per_entity.is_some();
    let amount_in = |period: &Period| -> f64 {
        let mut values = records
            .iter()
            .filter(|record| period.contains(record.date.get_ref().0))
            .filter_map(|record| record.value.as_ref().map(|value| *value.get_ref()));
        if per_entity {
            values.next_back().unwrap_or(0.0)
        } else {
            values.sum()
        }
    };
    let within = Period {
        start: year.start,
        end: as_of.min(year.end),
        kind: year.kind,
    };
    let periods = if as_of < year.start {
        Vec::new()
    } else {
        Period::each(per, &within)
    };
    let amounts: Vec<PeriodAmount> = periods
        .iter()
        .map(|period| PeriodAmount {
            period: *period,
            amount: amount_in(period),
        })
        .collect();
    status.current = amounts
        .iter()
        .copied()
        .find(|amount| amount.period.contains(as_of));
    status.latest = records
        .iter()
        .rev()
        .find(|record| record.value.is_some())
        .copied();
    if status.latest.is_none() {
        return;
    }
    #[allow(clippy::cast_precision_loss)] // counts are small
    let limit = |field: &Option<crate::plan::spanned::Spanned<i64>>| {
        field.as_ref().map_or(0.0, |field| *field.get_ref() as f64)
    };
    if *target.kind.get_ref() == TargetKind::CountAtLeast {
        let min = limit(&target.min);
        status.failing_periods = amounts
            .iter()
            .filter(|amount| amount.period.end < as_of && amount.amount + TOLERANCE < min)
            .copied()
            .collect();
        let current_short = status
            .current
            .is_some_and(|current| current.amount + TOLERANCE < min);
        status.assessment = if !status.failing_periods.is_empty() {
            Assessment::NotMet
        } else if current_short {
            Assessment::NotYetMet
        } else {
            Assessment::Met
        };
    } else {
        let max = limit(&target.max);
        status.failing_periods = amounts
            .iter()
            .filter(|amount| amount.amount > max + TOLERANCE)
            .copied()
            .collect();
        status.assessment = if status.failing_periods.is_empty() {
            Assessment::Met
        } else {
            Assessment::NotMet
        };
    }
}

/// What a rank or score target is compared with: its own baseline, else the
/// previous-year figure of its index or of the plan.
fn baseline(file: &PlanFile, target: &Target) -> Option<Baseline> {
    match *target.kind.get_ref() {
        TargetKind::RankImprovement => {
            let rank = target
                .baseline_rank
                .as_ref()
                .map(crate::plan::spanned::Spanned::get_ref)
                .or_else(|| {
                    file.plan
                        .as_ref()
                        .and_then(|plan| plan.overall.as_ref())
                        .and_then(|overall| overall.previous_rank.as_ref())
                        .map(crate::plan::spanned::Spanned::get_ref)
                });
            Some(rank.map_or(Baseline::Missing, |rank| Baseline::Rank {
                rank: *rank.rank.get_ref(),
                of: rank.of.as_ref().map(|of| *of.get_ref()),
            }))
        }
        TargetKind::ScoreChangeAtLeast | TargetKind::Maintain => {
            let own = target.baseline.as_ref().map(|baseline| *baseline.get_ref());
            let index_id = target
                .index
                .as_ref()
                .map(|index| index.get_ref().as_str())
                .or_else(|| {
                    let task_id = target.task.as_ref()?.get_ref();
                    file.tasks
                        .iter()
                        .find(|task| task.id.get_ref() == task_id)
                        .map(|task| task.index.get_ref().as_str())
                });
            let from_index = index_id
                .and_then(|id| file.indices.iter().find(|index| index.id.get_ref() == id))
                .and_then(|index| index.previous_score.as_ref())
                .map(|score| *score.get_ref());
            Some(
                own.or(from_index)
                    .map_or(Baseline::Missing, Baseline::Score),
            )
        }
        _ => None,
    }
}
