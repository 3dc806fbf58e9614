//! The status as one JSON object, for other programs. Its shape is
//! documented in `docs/status-json.md`; words that are data (states,
//! assessments) are stable English identifiers whatever `--lang` says.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::describe;
use crate::labels::Language;
use crate::period::Period;
use crate::plan::date::PlanDate;
use crate::plan::file::{Record, TargetKind};
use crate::status::{
    Assessment, Baseline, PlanStatus, TargetStatus, TaskFlag, TaskState, TaskStatus,
};

use super::StatusFilter;

#[derive(Debug, Serialize)]
pub struct StatusJson {
    pub plan: PlanJson,
    pub as_of: String,
    pub quarter: PeriodJson,
    pub language: Language,
    pub summary: SummaryJson,
    pub indices: Vec<IndexJson>,
    pub targets: Vec<TargetJson>,
}

#[derive(Debug, Serialize)]
pub struct PlanJson {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub province: Option<String>,
    pub year: i32,
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
    pub rank: i64,
    pub of: Option<i64>,
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
    pub kind: crate::plan::file::ScheduleKind,
    pub text: Option<String>,
    pub due: Option<PlanDate>,
}

#[derive(Debug, Serialize)]
pub struct RecordJson {
    pub date: PlanDate,
    pub status: Option<crate::plan::file::Progress>,
    pub value: Option<f64>,
    pub of: Option<i64>,
    pub note: Option<String>,
    pub by: Option<String>,
    pub evidence: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FlagJson {
    Overdue { due: String },
    NoRecordInQuarter { quarter: PeriodJson },
    NotRecorded { periods: Vec<PeriodJson> },
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
    let file = status.file;
    let plan = file.plan.as_ref();
    let (tasks, targets) = filter.select(status);
    let task_counts = task_counts(tasks.iter().map(|task| task.state));
    let target_counts = target_counts(targets.iter().map(|target| target.assessment));
    StatusJson {
        plan: PlanJson {
            title: plan.map(|plan| plan.title.get_ref().clone()),
            agency: plan.map(|plan| plan.agency.clone()),
            province: plan.map(|plan| plan.province.clone()),
            year: status.year,
        },
        as_of: PlanDate(status.as_of).to_string(),
        quarter: period(&status.quarter, language),
        language,
        summary: SummaryJson {
            tasks: task_counts,
            targets: target_counts,
            nothing_recorded: status.tasks.iter().all(|task| task.records.is_empty())
                && status
                    .targets
                    .iter()
                    .all(|target| target.records.is_empty()),
            scores_missing: file
                .indices
                .iter()
                .all(|index| index.previous_score.is_none() && index.expected_score.is_none()),
        },
        indices: file
            .indices
            .iter()
            .filter(|index| {
                filter
                    .index
                    .as_ref()
                    .is_none_or(|wanted| wanted == index.id.get_ref())
            })
            .map(|index| IndexJson {
                id: index.id.get_ref().clone(),
                name: index.name.get_ref().clone(),
                name_en: index.name_en.clone(),
                previous_score: index.previous_score.as_ref().map(|score| *score.get_ref()),
                previous_rank: index.previous_rank.as_ref().map(|rank| RankJson {
                    rank: *rank.get_ref().rank.get_ref(),
                    of: rank.get_ref().of.as_ref().map(|of| *of.get_ref()),
                }),
                expected_score: index.expected_score.as_ref().map(|score| *score.get_ref()),
                tasks: tasks
                    .iter()
                    .filter(|task| task.task.index.get_ref() == index.id.get_ref())
                    .map(|task| task_json(task, language))
                    .collect(),
            })
            .collect(),
        targets: targets
            .iter()
            .map(|target| target_json(target, language))
            .collect(),
    }
}

pub fn task_json(status: &TaskStatus<'_>, language: Language) -> TaskJson {
    let task = status.task;
    let ids = |ids: &[crate::plan::spanned::Spanned<String>]| {
        ids.iter().map(|id| id.get_ref().clone()).collect()
    };
    TaskJson {
        id: task.id.get_ref().clone(),
        index: task.index.get_ref().clone(),
        text: task.text.get_ref().clone(),
        lead: ids(task.lead.get_ref()),
        coordinating: ids(&task.coordinating),
        schedule: ScheduleJson {
            kind: *task.schedule.get_ref().kind.get_ref(),
            text: task.schedule.get_ref().text.clone(),
            due: task
                .schedule
                .get_ref()
                .due
                .as_ref()
                .map(|due| *due.get_ref()),
        },
        status: state_word(status.state),
        latest_record: status.latest.map(record_json),
        last_activity: status.last_activity.map(PlanDate),
        records: status.records.len(),
        flags: status
            .flags
            .iter()
            .map(|flag| match flag {
                TaskFlag::Overdue { due } => FlagJson::Overdue {
                    due: PlanDate(*due).to_string(),
                },
                TaskFlag::NoRecordInQuarter { quarter } => FlagJson::NoRecordInQuarter {
                    quarter: period(quarter, language),
                },
                TaskFlag::NotRecorded { missed } => FlagJson::NotRecorded {
                    periods: missed
                        .iter()
                        .map(|occurrence| period(&occurrence.period, language))
                        .collect(),
                },
            })
            .collect(),
    }
}

pub fn target_json(status: &TargetStatus<'_>, language: Language) -> TargetJson {
    let target = status.target;
    TargetJson {
        id: target.id.get_ref().clone(),
        kind: *target.kind.get_ref(),
        text: target.text.get_ref().clone(),
        measure: target.measure.clone(),
        task: target.task.as_ref().map(|task| task.get_ref().clone()),
        index: target.index.as_ref().map(|index| index.get_ref().clone()),
        goal: describe::goal(target, language),
        baseline: status.baseline.map(|baseline| match baseline {
            Baseline::Score(score) => serde_json::json!(score),
            Baseline::Rank { rank, of } => serde_json::json!({ "rank": rank, "of": of }),
            Baseline::Missing => serde_json::json!("missing"),
        }),
        latest: status.latest.map(record_json),
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

pub fn record_json(record: &Record) -> RecordJson {
    RecordJson {
        date: *record.date.get_ref(),
        status: record.status.as_ref().map(|status| *status.get_ref()),
        value: record.value.as_ref().map(|value| *value.get_ref()),
        of: record.of.as_ref().map(|of| *of.get_ref()),
        note: record.note.clone(),
        by: record.by.as_ref().map(|by| by.get_ref().clone()),
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
