//! The status as one JSON object, for other programs. Its shape is
//! documented in `docs/status-json.md`; words that are data (states,
//! assessments) are stable English identifiers whatever `--lang` says.

use crate::plan::goal::ComparedWith;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::judge::status::{Assessment, PlanStatus, TargetStatus, TaskFlag, TaskState, TaskStatus};
use crate::plan::date::PlanDate;
use crate::plan::file::{ScheduleKind, TargetKind};
use crate::plan::model::{BaselineSource, Goal, Plan, RankOf, Record, Schedule, Scores};
use crate::render::describe;
use crate::time::period::Period;
use crate::words::labels::Language;

use super::StatusFilter;

#[derive(Debug, Serialize)]
pub struct StatusJson {
    pub plan: PlanJson,
    pub as_of: String,
    /// The year judged: the plan's, or of a plan of several years the one
    /// holding `as_of`.
    pub year_in_view: i32,
    pub quarter: PeriodJson,
    pub language: Language,
    pub summary: SummaryJson,
    pub indices: Vec<IndexJson>,
    pub targets: Vec<TargetJson>,
    /// Every periodic report the plan's duties call for in its year (none
    /// when the view is of one index or of some task states).
    pub reports: Vec<ReportJson>,
}

/// One unit's report for one reporting period (a quarter and the half that
/// end on the same day are one report).
#[derive(Debug, Serialize)]
pub struct ReportJson {
    /// The reporting duty's id, when it has one.
    pub duty: Option<String>,
    pub unit: String,
    /// Period keys: `2024-Q2`, `2024-H1`.
    pub periods: Vec<String>,
    pub cutoff: String,
    pub due: Option<String>,
    /// `sent`, `sent_late`, `late`, `awaited` or `not_yet_due`.
    pub state: &'static str,
    pub sent_on: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PlanJson {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub province: Option<String>,
    pub year: i32,
    /// Its last year: `year` for a plan of one year.
    pub until: i32,
    /// The unit's own overall result of the previous year, and what it expects.
    pub overall: OverallJson,
    /// DDCI results as published (`[[results]]`), oldest year first.
    pub results: Vec<ResultJson>,
}

/// A year's published DDCI result, of the unit (`index` null) or of one index.
#[derive(Debug, Serialize)]
pub struct ResultJson {
    pub year: i32,
    pub index: Option<String>,
    pub score: Option<f64>,
    pub rank: Option<RankJson>,
    pub band: Option<String>,
    pub median: Option<f64>,
    pub published: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct OverallJson {
    pub group: Option<String>,
    pub previous_score: Option<f64>,
    pub previous_rank: Option<RankJson>,
    pub expected_score: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct PeriodJson {
    pub name: String,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Serialize)]
pub struct SummaryJson {
    pub tasks: BTreeMap<&'static str, usize>,
    pub targets: BTreeMap<&'static str, usize>,
    pub nothing_recorded: bool,
    pub scores_missing: bool,
}

#[derive(Debug, Serialize)]
pub struct IndexJson {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub previous_score: Option<f64>,
    pub previous_rank: Option<RankJson>,
    pub expected_score: Option<f64>,
    pub tasks: Vec<TaskJson>,
}

#[derive(Debug, Serialize)]
pub struct RankJson {
    pub rank: u32,
    pub of: Option<u32>,
}

impl From<&RankOf> for RankJson {
    fn from(rank: &RankOf) -> Self {
        Self {
            rank: rank.rank,
            of: rank.of,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TaskJson {
    pub id: String,
    pub index: String,
    pub text: String,
    pub lead: Vec<String>,
    pub coordinating: Vec<String>,
    pub schedule: ScheduleJson,
    pub status: &'static str,
    pub latest_record: Option<RecordJson>,
    /// The latest day anything was recorded on the task or its targets.
    pub last_activity: Option<PlanDate>,
    pub records: usize,
    pub flags: Vec<FlagJson>,
}

#[derive(Debug, Serialize)]
pub struct ScheduleJson {
    pub kind: ScheduleKind,
    pub text: Option<String>,
    pub due: Option<PlanDate>,
}

#[derive(Debug, Serialize)]
pub struct RecordJson {
    pub date: PlanDate,
    pub status: Option<crate::plan::file::Progress>,
    pub value: Option<f64>,
    pub of: Option<u32>,
    pub note: Option<String>,
    pub by: Option<String>,
    pub evidence: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FlagJson {
    Overdue {
        due: String,
    },
    NoReportForQuarter {
        quarter: PeriodJson,
    },
    NotRecorded {
        periods: Vec<PeriodJson>,
    },
    /// Periods the unit's records say had none held.
    RecordedNotHeld {
        periods: Vec<PeriodJson>,
    },
    /// A one-off task whose time begins later: nothing is owed yet.
    NotBegun {
        start: String,
    },
    Ended {
        last_day: String,
        reason: Option<String>,
    },
}

#[derive(Debug, Serialize)]
pub struct TargetJson {
    pub id: String,
    pub kind: TargetKind,
    pub text: String,
    pub measure: Option<String>,
    pub task: Option<String>,
    pub index: Option<String>,
    pub goal: String,
    pub baseline: Option<serde_json::Value>,
    pub latest: Option<RecordJson>,
    pub this_period: Option<AmountJson>,
    pub failing_periods: Vec<AmountJson>,
    pub assessment: &'static str,
    /// `true` met, `false` not (yet) met, `null` no data.
    pub met: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct AmountJson {
    pub period: PeriodJson,
    pub amount: f64,
}

pub fn build(status: &PlanStatus<'_>, filter: &StatusFilter, language: Language) -> StatusJson {
    let plan = status.plan;
    let (tasks, targets) = filter.select(status);
    let task_counts = task_counts(tasks.iter().map(|task| task.state));
    let target_counts = target_counts(targets.iter().map(|target| target.assessment));
    StatusJson {
        plan: plan_json(plan),
        as_of: PlanDate(status.as_of).to_string(),
        year_in_view: status.year_in_view,
        quarter: period(&status.quarter, language),
        language,
        summary: SummaryJson {
            tasks: task_counts,
            targets: target_counts,
            nothing_recorded: !plan.has_records(),
            scores_missing: plan.indices.iter().all(|index| {
                index.scores.previous_score.is_none() && index.scores.expected_score.is_none()
            }),
        },
        indices: plan
            .indices
            .iter()
            .enumerate()
            .filter(|(at, _)| filter.index.is_none_or(|wanted| wanted.0 == *at))
            .map(|(at, index)| IndexJson {
                id: index.id.clone(),
                name: index.name.clone(),
                name_en: index.name_en.clone(),
                previous_score: index.scores.previous_score,
                previous_rank: index.scores.previous_rank.as_ref().map(RankJson::from),
                expected_score: index.scores.expected_score,
                tasks: tasks
                    .iter()
                    .filter(|task| task.task.index.0 == at)
                    .map(|task| task_json(plan, task, language))
                    .collect(),
            })
            .collect(),
        targets: targets
            .iter()
            .map(|target| target_json(plan, target, language))
            .collect(),
        reports: crate::judge::reports_owed::owed(plan, status.moment)
            .iter()
            .filter(|_| filter.keeps_reports())
            .filter(|owed| filter.keeps_reporter(plan, owed.reporter))
            .map(|owed| report_json(plan, owed))
            .collect(),
    }
}

pub fn plan_json(plan: &Plan) -> PlanJson {
    let Scores {
        group,
        previous_score,
        previous_rank,
        expected_score,
        ..
    } = &plan.overall;
    PlanJson {
        title: Some(plan.title.clone()),
        agency: Some(plan.agency.clone()),
        province: Some(plan.province.clone()),
        year: plan.year,
        until: plan.until,
        overall: OverallJson {
            group: group.clone(),
            previous_score: *previous_score,
            previous_rank: previous_rank.as_ref().map(RankJson::from),
            expected_score: *expected_score,
        },
        results: {
            let mut results: Vec<ResultJson> = plan
                .results
                .iter()
                .map(|result| ResultJson {
                    year: result.year,
                    index: result.index.map(|index| plan.component(index).id.clone()),
                    score: result.score,
                    rank: result.rank.as_ref().map(RankJson::from),
                    band: result.band.clone(),
                    median: result.median,
                    published: result.published.map(|day| PlanDate(day).to_string()),
                    source: result.source.clone(),
                })
                .collect();
            results.sort_by_key(|result| result.year);
            results
        },
    }
}

pub fn task_json(plan: &Plan, status: &TaskStatus<'_>, language: Language) -> TaskJson {
    let task = status.task;
    let ids = |units: &[crate::plan::model::UnitRef]| {
        units
            .iter()
            .map(|unit| plan.unit(*unit).id.clone())
            .collect()
    };
    TaskJson {
        id: task.id.clone(),
        index: plan.component(task.index).id.clone(),
        text: task.text.clone(),
        lead: ids(&task.lead),
        coordinating: ids(&task.coordinating),
        schedule: ScheduleJson {
            kind: match task.schedule {
                Schedule::Ongoing => ScheduleKind::Ongoing,
                Schedule::Due { .. } => ScheduleKind::Due,
                Schedule::Recurring(_) => ScheduleKind::Recurring,
            },
            text: task.schedule_text.clone(),
            due: task.schedule.due().map(PlanDate),
        },
        status: state_word(status.state),
        latest_record: status.latest.map(|record| record_json(plan, record)),
        last_activity: status.last_activity().map(PlanDate),
        records: status.records.len(),
        flags: status
            .flags
            .iter()
            .map(|flag| match flag {
                TaskFlag::Overdue { due } => FlagJson::Overdue {
                    due: PlanDate(*due).to_string(),
                },
                TaskFlag::NoReportForQuarter { quarter } => FlagJson::NoReportForQuarter {
                    quarter: period(quarter, language),
                },
                TaskFlag::NotRecorded { missed } => FlagJson::NotRecorded {
                    periods: missed
                        .iter()
                        .map(|occurrence| period(&occurrence.period, language))
                        .collect(),
                },
                TaskFlag::RecordedNotHeld { occurrences } => FlagJson::RecordedNotHeld {
                    periods: occurrences
                        .iter()
                        .map(|occurrence| period(&occurrence.period, language))
                        .collect(),
                },
                TaskFlag::NotBegun { start } => FlagJson::NotBegun {
                    start: PlanDate(*start).to_string(),
                },
                TaskFlag::Ended { last_day, reason } => FlagJson::Ended {
                    last_day: PlanDate(*last_day).to_string(),
                    reason: reason.clone(),
                },
            })
            .collect(),
    }
}

/// The baseline a goal is judged against: `{"score": 7.2, "source": "index"}`,
/// `{"rank": 9, "of": 18, "source": "overall"}`, or `"missing"`.
fn baseline_json(goal: &Goal) -> Option<serde_json::Value> {
    let source = |source: BaselineSource| match source {
        BaselineSource::Target => "target",
        BaselineSource::Index => "index",
        BaselineSource::Overall => "overall",
        BaselineSource::Year(_) => "published_result",
    };
    let missing = || serde_json::json!("missing");
    match goal.compared_with() {
        ComparedWith::Rank(baseline) => Some(baseline.map_or_else(missing, |baseline| {
            serde_json::json!({
                "rank": baseline.value.rank,
                "of": baseline.value.of,
                "source": source(baseline.source),
            })
        })),
        ComparedWith::Score(baseline) => Some(baseline.map_or_else(missing, |baseline| {
            serde_json::json!({
                "score": baseline.value,
                "source": source(baseline.source),
            })
        })),
        ComparedWith::Figure(figure) => {
            Some(serde_json::json!({ "value": figure, "source": "target" }))
        }
        // The published median is in the target's `reference`.
        ComparedWith::Reference(_) | ComparedWith::Nothing => None,
    }
}

pub fn target_json(plan: &Plan, status: &TargetStatus<'_>, language: Language) -> TargetJson {
    let target = status.target;
    TargetJson {
        id: target.id.clone(),
        kind: target.goals.first().kind(),
        text: target.text.clone(),
        measure: target.measure.clone(),
        task: target.task.map(|task| plan.task(task).id.clone()),
        index: target.index.map(|index| plan.component(index).id.clone()),
        goal: describe::goal(status.goal, language),
        baseline: baseline_json(status.goal),
        latest: status.latest.map(|record| record_json(plan, record)),
        this_period: status.current.map(|current| AmountJson {
            period: period(&current.period, language),
            amount: current.amount,
        }),
        failing_periods: status
            .failing_periods
            .iter()
            .map(|failing| AmountJson {
                period: period(&failing.period, language),
                amount: failing.amount,
            })
            .collect(),
        assessment: assessment_word(status.assessment),
        met: match status.assessment {
            Assessment::Met => Some(true),
            Assessment::NotYetMet | Assessment::NotMet => Some(false),
            Assessment::NoData => None,
        },
    }
}

pub fn record_json(plan: &Plan, record: &Record) -> RecordJson {
    RecordJson {
        date: PlanDate(record.date),
        status: record.status,
        value: record.value,
        of: record.of,
        note: record.note.clone(),
        by: record.by.map(|unit| plan.unit(unit).id.clone()),
        evidence: record.evidence.clone(),
    }
}

pub fn period(period: &Period, language: Language) -> PeriodJson {
    PeriodJson {
        name: period.name(language),
        start: PlanDate(period.start).to_string(),
        end: PlanDate(period.end).to_string(),
    }
}

/// `{"total": n, "not_started": n, …}` for a set of task states.
pub fn task_counts(states: impl Iterator<Item = TaskState>) -> BTreeMap<&'static str, usize> {
    let states: Vec<TaskState> = states.collect();
    let mut counts: BTreeMap<&'static str, usize> = TaskState::ALL
        .iter()
        .map(|state| {
            (
                state_word(*state),
                states.iter().filter(|seen| *seen == state).count(),
            )
        })
        .collect();
    counts.insert("total", states.len());
    counts
}

/// `{"total": n, "met": n, …}` for a set of target assessments.
pub fn target_counts(
    assessments: impl Iterator<Item = Assessment>,
) -> BTreeMap<&'static str, usize> {
    let assessments: Vec<Assessment> = assessments.collect();
    let mut counts: BTreeMap<&'static str, usize> = Assessment::ALL
        .iter()
        .map(|assessment| {
            let count = assessments
                .iter()
                .filter(|seen| *seen == assessment)
                .count();
            (assessment_word(*assessment), count)
        })
        .collect();
    counts.insert("total", assessments.len());
    counts
}

pub fn state_word(state: TaskState) -> &'static str {
    match state {
        TaskState::NoReport => "no_report",
        TaskState::NotStarted => "not_started",
        TaskState::InProgress => "in_progress",
        TaskState::Blocked => "blocked",
        TaskState::Overdue => "overdue",
        TaskState::Done => "done",
        TaskState::DoneLate => "done_late",
        TaskState::Cancelled => "cancelled",
    }
}

pub fn assessment_word(assessment: Assessment) -> &'static str {
    match assessment {
        Assessment::Met => "met",
        Assessment::NotYetMet => "not_yet_met",
        Assessment::NotMet => "not_met",
        Assessment::NoData => "no_data",
    }
}

fn report_json(plan: &Plan, owed: &crate::judge::reports_owed::OwedReport<'_>) -> ReportJson {
    use crate::judge::reports_owed::ReportState;
    let (state, sent_on) = match owed.state {
        ReportState::Filed { on, late: false } => ("sent", Some(on)),
        ReportState::Filed { on, late: true } => ("sent_late", Some(on)),
        ReportState::Late => ("late", None),
        ReportState::Awaited => ("awaited", None),
        ReportState::NotYetDue => ("not_yet_due", None),
    };
    ReportJson {
        duty: owed.duty.id.clone(),
        unit: plan.unit(owed.reporter).id.clone(),
        periods: owed
            .periods
            .iter()
            .filter_map(crate::time::period_key::key)
            .collect(),
        cutoff: PlanDate(owed.cutoff).to_string(),
        due: owed.due.map(|due| PlanDate(due).to_string()),
        state,
        sent_on: sent_on.map(|day| PlanDate(day).to_string()),
    }
}
