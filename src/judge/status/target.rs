//! A target on a day: its latest figure judged against its goal, counts per
//! period for a count target, and the periods that broke it.

use chrono::NaiveDate;

use crate::plan::goal::CountLimit;
use crate::plan::model::{
    Frequency, Goal, Goals, Plan, Progress, Record, Schedule, Target, TargetRef, Task,
};
use crate::plan::target_kind::{Measure, Quantity};
use crate::time::period::Period;
use crate::time::recurrence::{self};

use super::{AsOf, so_far};

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
    /// The goal in force on the day judged (a later change does not reach
    /// back: the Q2 report is judged on the goal of Q2).
    pub goal: &'a Goal,
    pub assessment: Assessment,
    /// The latest record that carries what the target measures.
    pub latest: Option<&'a Record>,
    pub records: Vec<&'a Record>,
    /// For a count on a recurring task: the days its task recorded an
    /// occurrence, each counting once toward the target.
    pub occurrence_days: Vec<NaiveDate>,
    /// For counts: the amount so far in the period holding the as-of day.
    pub current: Option<PeriodAmount>,
    /// For counts: the periods that broke the goal (too few, or too many)
    /// by what was recorded.
    pub failing_periods: Vec<PeriodAmount>,
    /// For counts: the periods over, short of the goal, with nothing
    /// recorded for them: not known to have failed ("chưa ghi nhận").
    pub unrecorded_periods: Vec<Period>,
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
    /// Whether its amount is known: something was recorded in it (an event,
    /// a figure, a form's row of 0). A month with nothing recorded is not
    /// known to have had none, whatever was recorded after it.
    pub recorded: bool,
}

impl<'a> TargetStatus<'a> {
    /// Whether anything was recorded within `period`: a record of the
    /// target, or an occurrence of its recurring task. A count of a period
    /// with nothing recorded is not known to be 0.
    pub fn recorded_in(&self, period: &Period) -> bool {
        self.records
            .iter()
            .any(|record| period.contains(record.date))
            || self.occurrence_days.iter().any(|day| period.contains(*day))
    }

    /// For a count: whether the amount of the period holding `day` is
    /// known, by the count's own rule (something recorded in it, or after
    /// it began): an empty period known is one with none held.
    pub fn knows_amount_on(&self, day: NaiveDate) -> bool {
        self.count_periods
            .iter()
            .any(|period| period.recorded && period.amount.period.contains(day))
    }

    /// For a count: how many within `period` (for a count per entity, the
    /// highest for any one entity, which is the latest value recorded).
    pub fn amount_in(&self, period: &Period) -> Option<f64> {
        let (_, per_entity) = self.goal.count()?;
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

    /// The latest record that carries what `carries` asks for.
    fn latest_with(&self, carries: impl Fn(&Record) -> bool) -> Option<&'a Record> {
        self.records
            .iter()
            .rev()
            .find(|record| carries(record))
            .copied()
    }

    /// Whether anything at all has been recorded toward the target.
    fn has_data(&self) -> bool {
        self.latest.is_some() || !self.occurrence_days.is_empty()
    }
}

pub(super) fn target_status<'a>(
    plan: &'a Plan,
    position: TargetRef,
    target: &'a Target,
    moment: AsOf,
    year: &Period,
) -> TargetStatus<'a> {
    // A target that ended is judged as it stood on its last day.
    let moment = super::within_life(moment, &target.in_force);
    let goal = target.goals.on(moment.day);
    let records: Vec<&Record> = target
        .records
        .as_of(moment.day)
        .filter(|record| moment.knows(record))
        .collect();
    // A count of a task's own events (not per enterprise) counts the days
    // its recurring task recorded one.
    let occurrence_days = match (goal.count(), target.task) {
        (Some((_, None)), Some(task)) => occurrence_days(plan.task(task), moment.day),
        _ => Vec::new(),
    };
    let mut status = TargetStatus {
        target,
        position,
        goal,
        assessment: Assessment::NoData,
        latest: None,
        records,
        occurrence_days,
        current: None,
        failing_periods: Vec::new(),
        unrecorded_periods: Vec::new(),
        count_periods: Vec::new(),
    };
    let past_deadline = moment.passed(target.deadline);
    // A count of a recurring event is due by the day the event is held, not
    // by the end of its period: the month's reception on 25/12 is missed on
    // 26/12, for the target as for its task.
    let held_on: Option<Vec<NaiveDate>> = match target.task.map(|task| &plan.task(task).schedule) {
        Some(Schedule::Recurring(rule)) => Some(if moment.day >= year.start {
            recurrence::occurrences(rule, &so_far(moment, year), year.start, &plan.working_days)
                .into_iter()
                .map(|occurrence| occurrence.day)
                .filter(|day| year.contains(*day))
                .collect()
        } else {
            Vec::new()
        }),
        _ => None,
    };
    // Every day anything was recorded for the target or its task, in order.
    let mut recorded_days: Vec<NaiveDate> = status
        .records
        .iter()
        .map(|record| record.date)
        .chain(
            target
                .task
                .into_iter()
                .flat_map(|task| plan.task(task).records.as_of(moment.day))
                .map(|record| record.date),
        )
        .collect();
    recorded_days.sort_unstable();
    let count = |per: Frequency| CountRule {
        per,
        moment,
        year,
        held_on: held_on.as_deref(),
        recorded_days: &recorded_days,
    };
    match goal.measure() {
        Measure::Value(Quantity::Count) => {
            if let Some((per, _)) = goal.count() {
                assess_count(&mut status, &count(per), &target.goals);
            }
        }
        Measure::Verdict => assess_verdict(&mut status, past_deadline),
        Measure::Status => assess_status(&mut status, past_deadline),
        Measure::Value(
            Quantity::Percent
            | Quantity::Change
            | Quantity::Rank
            | Quantity::Score
            | Quantity::Band
            | Quantity::Fallen,
        ) => assess_value(&mut status, past_deadline),
    }
    // Past the deadline, "not met" is said on what was recorded for the
    // period that ends there: a figure of June is not the year's. (A count
    // is judged period by period on what each recorded.)
    let judged_on_latest = !matches!(goal.measure(), Measure::Value(Quantity::Count));
    if judged_on_latest
        && status.assessment == Assessment::NotMet
        && status
            .latest
            .is_some_and(|latest| !current_at(latest, target.deadline))
    {
        status.assessment = Assessment::NoData;
    }
    status
}

/// Whether a record speaks for the state at `deadline`: made in the three
/// months before it (the period its last quarterly report covers). A
/// published result is dated its year's last day, and always does.
pub(super) fn current_at(record: &Record, deadline: NaiveDate) -> bool {
    let since = deadline
        .checked_sub_months(chrono::Months::new(3))
        .unwrap_or(NaiveDate::MIN);
    record.date > since
}

/// Judged by the latest recorded verdict; silence is no data.
fn assess_verdict(status: &mut TargetStatus<'_>, past_deadline: bool) {
    status.latest = status.latest_with(|record| record.verdict.is_some());
    status.assessment = match status.latest.and_then(|record| record.verdict) {
        None => Assessment::NoData,
        Some(crate::plan::model::Verdict::Met) => Assessment::Met,
        Some(crate::plan::model::Verdict::NotMet) if past_deadline => Assessment::NotMet,
        Some(crate::plan::model::Verdict::NotMet) => Assessment::NotYetMet,
    };
}

/// Judged by the latest recorded status: done is met; silence is no data,
/// before its deadline or after it.
fn assess_status(status: &mut TargetStatus<'_>, past_deadline: bool) {
    let with_status = status.latest_with(|record| record.status.is_some());
    status.latest = with_status.or(status.records.last().copied());
    let done = with_status.and_then(|record| record.status) == Some(Progress::Done);
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

/// Judged by the latest recorded value against the goal in force.
fn assess_value(status: &mut TargetStatus<'_>, past_deadline: bool) {
    status.latest = status.latest_with(|record| record.value.is_some());
    let goal = status.goal;
    status.assessment = match status.latest.and_then(|record| goal.reached(record)) {
        None => Assessment::NoData,
        Some(true) => Assessment::Met,
        Some(false) if past_deadline => Assessment::NotMet,
        Some(false) => Assessment::NotYetMet,
    };
}

/// The days a recurring task recorded an occurrence: a record that says it
/// was held or is going on (not "not started", "blocked" or "cancelled").
pub(super) fn occurrence_days(task: &Task, as_of: NaiveDate) -> Vec<NaiveDate> {
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
pub(super) struct CountRule<'r> {
    per: Frequency,
    moment: AsOf,
    year: &'r Period,
    held_on: Option<&'r [NaiveDate]>,
    /// Every day anything was recorded for the target or its task, in order.
    recorded_days: &'r [NaiveDate],
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

    /// Whether a period's amount is known: something was recorded in it for
    /// the target or its task (an event, a figure, a form's row of 0). A
    /// later month's record does not say that none were held in this one:
    /// a month with nothing recorded is "chưa ghi nhận", never failed.
    fn recorded(&self, amount: &PeriodAmount) -> bool {
        let from = self
            .recorded_days
            .partition_point(|day| *day < amount.period.start);
        self.recorded_days
            .get(from)
            .is_some_and(|day| *day <= amount.period.end)
    }

    /// Whether anything is expected in a period at all.
    fn expects(&self, period: &Period) -> bool {
        self.held_on
            .is_none_or(|days| days.iter().any(|day| period.contains(*day)))
    }
}

/// Judges a count period by period: a period that is due and broke the goal
/// fails the target; one not yet due can only be "not yet".
/// Each period is judged by the limit in force on its last day.
pub(super) fn assess_count(status: &mut TargetStatus<'_>, rule: &CountRule<'_>, goals: &Goals) {
    let limit_for = |period: &Period| goals.on(period.end).count_limit();
    let kept = |amount: &PeriodAmount| {
        limit_for(&amount.period).is_none_or(|limit| limit.kept(amount.amount))
    };
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
    status.latest = status.latest_with(|record| record.value.is_some());
    status.count_periods = amounts
        .iter()
        .map(|amount| CountPeriod {
            amount: *amount,
            due: rule.due(&amount.period),
            within_goal: kept(amount),
            recorded: rule.recorded(amount),
        })
        .collect();
    if !status.has_data() {
        return;
    }
    // Too many is known at once; too few only once the period is due, and
    // only from what was recorded: a month after the last record is not
    // known to have had none.
    let at_most =
        |amount: &PeriodAmount| matches!(limit_for(&amount.period), Some(CountLimit::AtMost(_)));
    status.failing_periods = amounts
        .iter()
        .filter(|amount| !kept(amount))
        .filter(|amount| at_most(amount) || rule.due(&amount.period))
        .filter(|amount| rule.recorded(amount))
        .copied()
        .collect();
    status.unrecorded_periods = amounts
        .iter()
        .filter(|amount| !kept(amount) && rule.due(&amount.period))
        .filter(|amount| rule.expects(&amount.period) && !rule.recorded(amount))
        .map(|amount| amount.period)
        .collect();
    let current_short = status.current.is_some_and(|current| {
        !kept(&current)
            && rule.expects(&current.period)
            && !status.failing_periods.contains(&current)
    });
    status.assessment = if !status.failing_periods.is_empty() {
        Assessment::NotMet
    } else if !status.unrecorded_periods.is_empty() {
        // What is missing decides it: not enough figures to judge.
        Assessment::NoData
    } else if current_short {
        Assessment::NotYetMet
    } else {
        Assessment::Met
    };
}
