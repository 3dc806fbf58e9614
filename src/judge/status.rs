//! Where the plan stands on a day: each task's state and flags, each target's
//! latest value against its goal. Pure computation over the validated
//! [`Plan`]; the views in `status_view/` and `report/` decide how it is shown.
//!
//! One rule for time runs through it: something due on a day has passed once
//! that day is over. The as-of day itself is over only when the view is
//! [`AsOf::closed`] (a report for a finished period, a finished year); on the
//! day it is still going on (today), a deadline today is not yet missed.

use chrono::{Datelike as _, NaiveDate};

use crate::plan::goal::CountLimit;
use crate::plan::model::{
    Frequency, Plan, Progress, Record, Schedule, Target, TargetRef, Task, TaskRef,
};
use crate::plan::target_kind::{Measure, Quantity};
use crate::time::period::Period;
use crate::time::recurrence::{self, Occurrence};

/// The day a view is taken on, and whether that day is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    pub day: NaiveDate,
    /// True when the figures are those at the end of `day`: a report on a
    /// period that has ended, a year that is over.
    pub closed: bool,
}

impl AsOf {
    /// Today, still going on; or, once the plan's year is over, its last
    /// day, over: a finished plan is shown as it ended.
    pub fn default_for(plan: &Plan, today: NaiveDate) -> Self {
        let (_, year_end) = plan.year_bounds();
        if today > year_end {
            Self::closed(year_end)
        } else {
            Self::open(today)
        }
    }

    /// A day still going on (today).
    pub fn open(day: NaiveDate) -> Self {
        Self { day, closed: false }
    }

    /// The end of a day that is over.
    pub fn closed(day: NaiveDate) -> Self {
        Self { day, closed: true }
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

    pub fn missed(&self) -> &[Occurrence] {
        self.flags
            .iter()
            .find_map(|flag| match flag {
                TaskFlag::NotRecorded { missed } => Some(missed.as_slice()),
                _ => None,
            })
            .unwrap_or_default()
    }
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

/// A count over one period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodAmount {
    pub period: Period,
    pub amount: f64,
}

#[derive(Debug)]
pub struct TargetStatus<'a> {
    pub target: &'a Target,
    pub position: TargetRef,
    pub assessment: Assessment,
    /// The latest record that carries what the target measures.
    pub latest: Option<&'a Record>,
    pub records: Vec<&'a Record>,
    /// For a count on a recurring task: the days its task recorded an
    /// occurrence, each counting once toward the target.
    pub occurrence_days: Vec<NaiveDate>,
    /// For counts: the amount so far in the period holding the as-of day.
    pub current: Option<PeriodAmount>,
    /// For counts: the periods that broke the goal (too few, or too many).
    pub failing_periods: Vec<PeriodAmount>,
    /// For counts: every period of the count so far, judged or not yet.
    pub count_periods: Vec<CountPeriod>,
}

/// One period of a count: how many, whether it can be judged yet, and
/// whether the amount keeps to the goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountPeriod {
    pub amount: PeriodAmount,
    pub due: bool,
    pub within_goal: bool,
}

impl TargetStatus<'_> {
    /// For a count: how many within `period` (for a count per entity, the
    /// highest for any one entity, which is the latest value recorded).
    pub fn amount_in(&self, period: &Period) -> Option<f64> {
        let (_, per_entity) = self.target.goal.count()?;
        let within = |day: NaiveDate| period.contains(day);
        let mut values = self
            .records
            .iter()
            .filter(|record| within(record.date))
            .filter_map(|record| record.value);
        if per_entity.is_some() {
            return Some(values.next_back().unwrap_or(0.0));
        }
        // Starting from +0.0: an empty float sum is -0.0.
        let recorded = values.fold(0.0, |sum, value| sum + value);
        // An occurrence recorded on the task counts once, unless the target
        // has a value of its own that day (the same event, recorded twice; a
        // note on the target that day counts nothing).
        let valued_on = |day: NaiveDate| {
            let from = self.records.partition_point(|record| record.date < day);
            self.records[from..]
                .iter()
                .take_while(|record| record.date == day)
                .any(|record| record.value.is_some())
        };
        let occurrences = self
            .occurrence_days
            .iter()
            .filter(|day| within(**day))
            .filter(|day| !valued_on(**day))
            .count();
        #[allow(clippy::cast_precision_loss)] // a count of days in a year
        Some(recorded + occurrences as f64)
    }

    /// Whether anything at all has been recorded toward the target.
    fn has_data(&self) -> bool {
        self.latest.is_some() || !self.occurrence_days.is_empty()
    }
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
                &own_span(target.year, year),
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
                &own_span(task.year, year),
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

fn task_status<'a>(
    task: &'a Task,
    position: TaskRef,
    targets: &[TargetStatus<'a>],
    moment: AsOf,
    year: &Period,
) -> TaskStatus<'a> {
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
                let missed: Vec<Occurrence> =
                    recurrence::occurrences(rule, &so_far(moment, year), year.start)
                        .into_iter()
                        .filter(|occurrence| moment.passed(occurrence.day))
                        .filter(|occurrence| !status.active_in(&occurrence.period))
                        .collect();
                if !missed.is_empty() {
                    status.flags.push(TaskFlag::NotRecorded { missed });
                }
            }
            Schedule::Due { .. } => {}
        }
    }
    status
}

/// The span a task or target is judged over: its own year, in a plan of
/// several years, else the whole plan.
fn own_span(own: Option<i32>, plan_span: Period) -> Period {
    own.and_then(|own| Period::year(own).ok())
        .unwrap_or(plan_span)
}

/// The year up to the as-of day.
fn so_far(moment: AsOf, year: &Period) -> Period {
    Period {
        start: year.start,
        end: moment.day.min(year.end),
        kind: year.kind,
    }
}

/// The latest quarter of the plan's year that is over at `moment`.
fn last_quarter_ended(moment: AsOf, year: &Period) -> Option<Period> {
    if moment.day < year.start {
        return None;
    }
    Period::each(Frequency::Quarter, year)
        .into_iter()
        .rev()
        .find(|quarter| moment.passed(quarter.end))
}

fn target_status<'a>(
    plan: &'a Plan,
    position: TargetRef,
    target: &'a Target,
    moment: AsOf,
    year: &Period,
) -> TargetStatus<'a> {
    let records: Vec<&Record> = target.records.as_of(moment.day).collect();
    // A count of a task's own events (not per enterprise) counts the days
    // its recurring task recorded one.
    let occurrence_days = match (target.goal.count(), target.task) {
        (Some((_, None)), Some(task)) => occurrence_days(plan.task(task), moment.day),
        _ => Vec::new(),
    };
    let mut status = TargetStatus {
        target,
        position,
        assessment: Assessment::NoData,
        latest: None,
        records,
        occurrence_days,
        current: None,
        failing_periods: Vec::new(),
        count_periods: Vec::new(),
    };
    let past_deadline = moment.passed(target.deadline);
    // A count of a recurring event is due by the day the event is held, not
    // by the end of its period: the month's reception on 25/12 is missed on
    // 26/12, for the target as for its task.
    let held_on: Option<Vec<NaiveDate>> = match target.task.map(|task| &plan.task(task).schedule) {
        Some(Schedule::Recurring(rule)) => Some(if moment.day >= year.start {
            recurrence::occurrences(rule, &so_far(moment, year), year.start)
                .into_iter()
                .map(|occurrence| occurrence.day)
                .filter(|day| year.contains(*day))
                .collect()
        } else {
            Vec::new()
        }),
        _ => None,
    };
    let count = |per: Frequency| CountRule {
        per,
        moment,
        year,
        held_on: held_on.as_deref(),
    };
    match target.goal.measure() {
        Measure::Value(Quantity::Count) => {
            if let (Some((per, _)), Some(limit)) = (target.goal.count(), target.goal.count_limit())
            {
                assess_count(&mut status, &count(per), limit);
            }
        }
        Measure::Verdict => {
            // Judged by the latest recorded verdict; silence is no data.
            status.latest = status
                .records
                .iter()
                .rev()
                .find(|record| record.verdict.is_some())
                .copied();
            status.assessment = match status.latest.and_then(|record| record.verdict) {
                None => Assessment::NoData,
                Some(crate::plan::model::Verdict::Met) => Assessment::Met,
                Some(crate::plan::model::Verdict::NotMet) if past_deadline => Assessment::NotMet,
                Some(crate::plan::model::Verdict::NotMet) => Assessment::NotYetMet,
            };
        }
        Measure::Status => {
            let with_status = status
                .records
                .iter()
                .rev()
                .find(|record| record.status.is_some())
                .copied();
            status.latest = with_status.or(status.records.last().copied());
            let done = with_status.and_then(|record| record.status) == Some(Progress::Done);
            // Silence is no data, before its deadline or after it.
            status.assessment = if done {
                Assessment::Met
            } else if status.records.is_empty() {
                Assessment::NoData
            } else if past_deadline {
                Assessment::NotMet
            } else {
                Assessment::NotYetMet
            };
        }
        Measure::Value(
            Quantity::Percent
            | Quantity::Change
            | Quantity::Rank
            | Quantity::Score
            | Quantity::Band,
        ) => {
            status.latest = status
                .records
                .iter()
                .rev()
                .find(|record| record.value.is_some())
                .copied();
            status.assessment = match status.latest.and_then(|record| target.goal.reached(record)) {
                None => Assessment::NoData,
                Some(true) => Assessment::Met,
                Some(false) if past_deadline => Assessment::NotMet,
                Some(false) => Assessment::NotYetMet,
            };
        }
    }
    status
}

/// The days a recurring task recorded an occurrence: a record that says it
/// was held or is going on (not "not started", "blocked" or "cancelled").
fn occurrence_days(task: &Task, as_of: NaiveDate) -> Vec<NaiveDate> {
    if !matches!(task.schedule, Schedule::Recurring(_)) {
        return Vec::new();
    }
    let mut days: Vec<NaiveDate> = task
        .records
        .as_of(as_of)
        .filter(|record| {
            matches!(
                record.status,
                None | Some(Progress::Done | Progress::InProgress)
            )
        })
        // A unit's summary from its returned form (`ddci import`) says what
        // was done over the period, not that an event was held that day.
        .filter(|record| !record.is_from_form())
        .map(|record| record.date)
        .collect();
    days.dedup();
    days
}

/// How a count is taken: per which period, on which day, and, for a count
/// of a recurring task's events, the days within the plan's year it is held.
struct CountRule<'r> {
    per: Frequency,
    moment: AsOf,
    year: &'r Period,
    held_on: Option<&'r [NaiveDate]>,
}

impl CountRule<'_> {
    /// Whether a period can be judged. A count of a recurring event: once the
    /// last day it was to be held in the period has passed, and never for a
    /// period with no event in the plan's year (the week that runs into
    /// January). Any other count: once the period, or the plan's year, is over.
    fn due(&self, period: &Period) -> bool {
        match self.held_on {
            Some(days) => days
                .iter()
                .rev()
                .find(|day| period.contains(**day))
                .is_some_and(|day| self.moment.passed(*day)),
            None => self.moment.passed(period.end.min(self.year.end)),
        }
    }

    /// Whether anything is expected in a period at all.
    fn expects(&self, period: &Period) -> bool {
        self.held_on
            .is_none_or(|days| days.iter().any(|day| period.contains(*day)))
    }
}

/// Judges a count period by period: a period that is due and broke the goal
/// fails the target; one not yet due can only be "not yet".
fn assess_count(status: &mut TargetStatus<'_>, rule: &CountRule<'_>, limit: CountLimit) {
    let (per, moment, year) = (rule.per, rule.moment, rule.year);
    let periods = if moment.day < year.start {
        Vec::new()
    } else {
        Period::each(per, &so_far(moment, year))
    };
    let amounts: Vec<PeriodAmount> = periods
        .iter()
        .map(|period| PeriodAmount {
            period: *period,
            amount: status.amount_in(period).unwrap_or(0.0),
        })
        .collect();
    status.current = amounts
        .iter()
        .copied()
        .find(|amount| amount.period.contains(moment.day));
    status.latest = status
        .records
        .iter()
        .rev()
        .find(|record| record.value.is_some())
        .copied();
    status.count_periods = amounts
        .iter()
        .map(|amount| CountPeriod {
            amount: *amount,
            due: rule.due(&amount.period),
            within_goal: limit.kept(amount.amount),
        })
        .collect();
    if !status.has_data() {
        return;
    }
    // Too many is known at once; too few only once the period is due.
    let at_most = matches!(limit, CountLimit::AtMost(_));
    status.failing_periods = amounts
        .iter()
        .filter(|amount| !limit.kept(amount.amount))
        .filter(|amount| at_most || rule.due(&amount.period))
        .copied()
        .collect();
    let current_short = status.current.is_some_and(|current| {
        !limit.kept(current.amount)
            && rule.expects(&current.period)
            && !status.failing_periods.contains(&current)
    });
    status.assessment = if !status.failing_periods.is_empty() {
        Assessment::NotMet
    } else if current_short {
        Assessment::NotYetMet
    } else {
        Assessment::Met
    };
}

#[cfg(test)]
mod tests;
