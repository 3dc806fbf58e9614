//! The report as one JSON object: the status JSON's tasks and targets, each
//! with what was recorded in the period, plus the notes and duties.

use serde::Serialize;

use crate::plan::date::PlanDate;
use crate::status_view::json::{
    PeriodJson, PlanJson, RecordJson, TargetJson, TaskJson, period, plan_json, record_json,
    target_counts, target_json, task_counts, task_json,
};

use super::{DutyDue, NoteKind, Previous, Report, TargetEntry, TaskEntry};

#[derive(Debug, Serialize)]
pub struct ReportJson {
    pub plan: PlanJson,
    pub period: PeriodJson,
    /// Which days the period covers: "calendar", or "decree-09-2019" (the
    /// 15th of the month before it to the 14th of its last month).
    pub period_rule: crate::plan::model::PeriodRule,
    /// The period compared with, where figures are compared.
    pub previous_period: Option<PeriodJson>,
    pub as_of: PlanDate,
    /// What the document's header and signature say.
    pub document: DocumentJson,
    pub language: crate::words::labels::Language,
    pub owner: Option<String>,
    pub summary: SummaryJson,
    pub indices: Vec<IndexJson>,
    pub targets: Vec<ReportTargetJson>,
    pub shortcomings: Vec<NoteJson>,
    pub causes: Vec<NoteJson>,
    pub proposals: Vec<NoteJson>,
    pub reporting_due: Vec<DutyJson>,
}

#[derive(Debug, Serialize)]
pub struct DocumentJson {
    /// The plan reported on, as issued: absent when the plan does not say.
    pub plan_number: Option<String>,
    pub plan_issued: Option<PlanDate>,
    pub parent_agency: Option<String>,
    /// The agency's abbreviation in "Số: …/BC-{code}".
    pub code: Option<String>,
    pub place: String,
    /// The day written in the header; absent: left for the office to fill.
    pub signed_on: Option<PlanDate>,
    pub subject: String,
    pub signer: Option<SignerJson>,
    pub recipients: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SignerJson {
    pub title: String,
    pub name: String,
    pub signs_for: Option<String>,
}

/// What the period's figures say of a target.
#[derive(Debug, Serialize)]
pub struct PeriodFigureJson {
    /// The period's judgement, which may differ from the status's: a figure
    /// from before the period is not the period's result.
    pub judgement: &'static str,
    /// The latest measure within the period.
    pub measured: Option<MeasureJson>,
    /// With nothing measured in the period: the latest from before it.
    pub earlier: Option<MeasureJson>,
    /// The previous period's figure.
    pub previous: Option<MeasureJson>,
    /// For counts: the count's periods within this one.
    pub count_periods: Option<CountPeriodsJson>,
}

#[derive(Debug, Serialize)]
pub struct MeasureJson {
    pub date: Option<PlanDate>,
    pub value: Option<f64>,
    pub status: Option<crate::plan::file::Progress>,
}

#[derive(Debug, Serialize)]
pub struct CountPeriodsJson {
    pub per: crate::plan::model::Frequency,
    pub due: usize,
    pub kept: usize,
    pub failing: Vec<PeriodJson>,
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
    pub in_period: PeriodFigureJson,
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
    ReportJson {
        plan: plan_json(plan),
        period: period(&report.request.period, language),
        period_rule: report.request.rule,
        previous_period: report
            .request
            .period
            .previous()
            .map(|previous| period(&previous.under(report.request.rule), language)),
        as_of: PlanDate(report.request.as_of.day),
        document: document_json(report),
        language,
        owner: report
            .request
            .owner
            .map(|owner| plan.unit(owner).id.clone()),
        summary: summary_json(report),
        indices: indices_json(report),
        targets: report
            .targets
            .iter()
            .map(|entry| target_entry_json(report, entry))
            .collect(),
        shortcomings: notes_json(report, NoteKind::Shortcoming),
        causes: notes_json(report, NoteKind::Cause),
        proposals: notes_json(report, NoteKind::Proposal),
        reporting_due: report
            .duties
            .iter()
            .map(|due| duty_json(report, due))
            .collect(),
    }
}

/// The tasks and targets counted by state, the records in the period, and
/// the tasks with none.
fn summary_json(report: &Report<'_>) -> SummaryJson {
    SummaryJson {
        tasks: task_counts(report.tasks.iter().map(|entry| report.task(entry).state)),
        targets: target_counts(
            report
                .targets
                .iter()
                .map(|entry| report.target(entry).assessment),
        ),
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
    }
}

/// Each component index with the tasks reported under it; an index with
/// none is left out.
fn indices_json(report: &Report<'_>) -> Vec<IndexJson> {
    let plan = report.plan;
    plan.indices
        .iter()
        .enumerate()
        .filter_map(|(position, index)| {
            let tasks: Vec<ReportTaskJson> = report
                .tasks
                .iter()
                .filter(|entry| report.task(entry).task.index.0 == position)
                .map(|entry| task_entry_json(report, entry))
                .collect();
            (!tasks.is_empty()).then(|| IndexJson {
                id: index.id.clone(),
                name: index.name.clone(),
                tasks,
            })
        })
        .collect()
}

fn task_entry_json(report: &Report<'_>, entry: &TaskEntry<'_>) -> ReportTaskJson {
    let plan = report.plan;
    ReportTaskJson {
        task: task_json(plan, report.task(entry), report.request.language),
        records_in_period: entry
            .in_period
            .iter()
            .map(|record| record_json(plan, record))
            .collect(),
        reported_in_period: entry.reported,
    }
}

fn target_entry_json(report: &Report<'_>, entry: &TargetEntry<'_>) -> ReportTargetJson {
    let plan = report.plan;
    let language = report.request.language;
    ReportTargetJson {
        target: target_json(plan, report.target(entry), language),
        records_in_period: entry
            .in_period
            .iter()
            .map(|record| record_json(plan, record))
            .collect(),
        period_amount: entry.period_amount,
        year_to_date: entry.year_to_date,
        in_period: period_figure(entry, language),
    }
}

/// The period's notes of one kind, each with who wrote it.
fn notes_json(report: &Report<'_>, kind: NoteKind) -> Vec<NoteJson> {
    report
        .notes
        .iter()
        .filter(|note| note.kind == kind)
        .map(|note| NoteJson {
            subject: note.subject.to_owned(),
            date: PlanDate(note.record.date),
            by: note.record.by.map(|by| report.plan.unit(by).id.clone()),
            text: note.text.to_owned(),
        })
        .collect()
}

/// A reporting duty with the reports it owes at the period's end.
fn duty_json(report: &Report<'_>, due: &DutyDue<'_>) -> DutyJson {
    let plan = report.plan;
    let duty = due.duty;
    DutyJson {
        reports: due
            .reports
            .iter()
            .map(|owed| period(owed, report.request.language))
            .collect(),
        id: duty.id.clone(),
        from: duty
            .from
            .iter()
            .map(|unit| plan.unit(*unit).id.clone())
            .collect(),
        to: duty.to.map(|to| plan.unit(to).id.clone()),
        text: duty.text.clone(),
    }
}

fn document_json(report: &Report<'_>) -> DocumentJson {
    let plan = report.plan;
    let signer = plan.report.signed_by.as_ref().or(plan.signed_by.as_ref());
    DocumentJson {
        plan_number: plan.number.clone(),
        plan_issued: plan.issued.map(PlanDate),
        parent_agency: plan.parent_agency.clone(),
        code: plan.code.clone(),
        place: plan.place.clone(),
        signed_on: report.request.signed_on.map(PlanDate),
        subject: super::framing::subject(report),
        signer: signer.map(|signer| SignerJson {
            title: signer.title.clone(),
            name: signer.name.clone(),
            signs_for: signer.signs_for.clone(),
        }),
        recipients: plan.report.recipients.clone(),
    }
}

fn measure(record: &crate::plan::model::Record) -> MeasureJson {
    MeasureJson {
        date: Some(PlanDate(record.date)),
        value: record.value,
        status: record.status,
    }
}

fn period_figure(
    entry: &TargetEntry<'_>,
    language: crate::words::labels::Language,
) -> PeriodFigureJson {
    PeriodFigureJson {
        judgement: crate::status_view::json::assessment_word(entry.judgement),
        measured: entry.measured.map(measure),
        earlier: entry.earlier.map(measure),
        previous: entry.previous.map(|previous| match previous {
            Previous::Value(record) => measure(record),
            Previous::Amount { amount, .. } => MeasureJson {
                date: None,
                value: Some(amount),
                status: None,
            },
        }),
        count_periods: entry
            .count_periods
            .as_ref()
            .map(|counted| CountPeriodsJson {
                per: counted.per,
                due: counted.due,
                kept: counted.kept,
                failing: counted
                    .failing
                    .iter()
                    .map(|failing| period(failing, language))
                    .collect(),
            }),
    }
}
