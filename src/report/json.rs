//! The report as one JSON object: the status JSON's tasks and targets, each
//! with what was recorded in the period, plus the notes and duties.

use serde::Serialize;

use crate::plan::date::PlanDate;
use crate::status_view::json::{
    PeriodJson, PlanJson, RecordJson, TargetJson, TaskJson, period, plan_json, record_json,
    target_counts, target_json, task_counts, task_json,
};

use super::{NoteKind, Report};

#[derive(Debug, Serialize)]
pub struct ReportJson {
    pub plan: PlanJson,
    pub period: PeriodJson,
    pub as_of: PlanDate,
    pub language: crate::labels::Language,
    pub owner: Option<String>,
    pub summary: SummaryJson,
    pub indices: Vec<IndexJson>,
    pub targets: Vec<ReportTargetJson>,
    pub shortcomings: Vec<NoteJson>,
    pub proposals: Vec<NoteJson>,
    pub reporting_due: Vec<DutyJson>,
}

#[derive(Debug, Serialize)]
pub struct SummaryJson {
    pub tasks: std::collections::BTreeMap<&'static str, usize>,
    pub targets: std::collections::BTreeMap<&'static str, usize>,
    pub records_in_period: usize,
    pub tasks_not_reported: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct IndexJson {
    pub id: String,
    pub name: String,
    pub tasks: Vec<ReportTaskJson>,
}

#[derive(Debug, Serialize)]
pub struct ReportTaskJson {
    #[serde(flatten)]
    pub task: TaskJson,
    pub records_in_period: Vec<RecordJson>,
    pub reported_in_period: bool,
}

#[derive(Debug, Serialize)]
pub struct ReportTargetJson {
    #[serde(flatten)]
    pub target: TargetJson,
    pub records_in_period: Vec<RecordJson>,
    pub period_amount: Option<f64>,
    pub year_to_date: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct NoteJson {
    pub subject: String,
    pub date: PlanDate,
    pub by: Option<String>,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct DutyJson {
    pub id: Option<String>,
    /// The reports owed at the period's end (empty: "as required").
    pub reports: Vec<PeriodJson>,
    pub from: Vec<String>,
    pub to: Option<String>,
    pub text: Option<String>,
}

pub fn build(report: &Report<'_>) -> ReportJson {
    let language = report.request.language;
    let plan = report.plan;
    let task_counts = task_counts(report.tasks.iter().map(|entry| report.task(entry).state));
    let target_counts = target_counts(
        report
            .targets
            .iter()
            .map(|entry| report.target(entry).assessment),
    );
    let notes = |kind: NoteKind| -> Vec<NoteJson> {
        report
            .notes
            .iter()
            .filter(|note| note.kind == kind)
            .map(|note| NoteJson {
                subject: note.subject.to_owned(),
                date: PlanDate(note.record.date),
                by: note.record.by.map(|by| plan.unit(by).id.clone()),
                text: note.text.to_owned(),
            })
            .collect()
    };
    ReportJson {
        plan: plan_json(plan),
        period: period(&report.request.period, language),
        as_of: PlanDate(report.request.as_of.day),
        language,
        owner: report
            .request
            .owner
            .map(|owner| plan.unit(owner).id.clone()),
        summary: SummaryJson {
            tasks: task_counts,
            targets: target_counts,
            records_in_period: report
                .tasks
                .iter()
                .map(|entry| entry.in_period.len())
                .sum::<usize>()
                + report
                    .targets
                    .iter()
                    .map(|entry| entry.in_period.len())
                    .sum::<usize>(),
            tasks_not_reported: report
                .unreported()
                .iter()
                .map(|entry| report.task(entry).task.id.clone())
                .collect(),
        },
        indices: plan
            .indices
            .iter()
            .enumerate()
            .filter_map(|(position, index)| {
                let tasks: Vec<ReportTaskJson> = report
                    .tasks
                    .iter()
                    .filter(|entry| report.task(entry).task.index.0 == position)
                    .map(|entry| ReportTaskJson {
                        task: task_json(plan, report.task(entry), language),
                        records_in_period: entry
                            .in_period
                            .iter()
                            .map(|record| record_json(plan, record))
                            .collect(),
                        reported_in_period: entry.reported,
                    })
                    .collect();
                (!tasks.is_empty()).then(|| IndexJson {
                    id: index.id.clone(),
                    name: index.name.clone(),
                    tasks,
                })
            })
            .collect(),
        targets: report
            .targets
            .iter()
            .map(|entry| ReportTargetJson {
                target: target_json(plan, report.target(entry), language),
                records_in_period: entry
                    .in_period
                    .iter()
                    .map(|record| record_json(plan, record))
                    .collect(),
                period_amount: entry.period_amount,
                year_to_date: entry.year_to_date,
            })
            .collect(),
        shortcomings: notes(NoteKind::Shortcoming),
        proposals: notes(NoteKind::Proposal),
        reporting_due: report
            .duties
            .iter()
            .map(|due| (due.duty, &due.reports))
            .map(|(duty, reports)| DutyJson {
                reports: reports.iter().map(|owed| period(owed, language)).collect(),
                id: duty.id.clone(),
                from: duty
                    .from
                    .iter()
                    .map(|unit| plan.unit(*unit).id.clone())
                    .collect(),
                to: duty.to.map(|to| plan.unit(to).id.clone()),
                text: duty.text.clone(),
            })
            .collect(),
    }
}
