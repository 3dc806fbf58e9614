//! The status as one CSV sheet: a row per task, then a row per target. UTF-8
//! with a byte-order mark so spreadsheets read Vietnamese correctly, and no
//! cell can run as a formula.

use crate::judge::status::{PlanStatus, TargetStatus, TaskStatus};
use crate::render::csv::Sheet;
use crate::render::describe;

use crate::time::period::format_day;
use crate::words::labels::{Label, Language, number};

use super::StatusFilter;
use super::json::{assessment_word, state_word};

pub fn build(
    status: &PlanStatus<'_>,
    filter: &StatusFilter,
    language: Language,
) -> anyhow::Result<String> {
    let mut sheet = Sheet::new();
    sheet.row([
        "type",
        "id",
        "index",
        Label::Task.text(language),
        Label::Lead.text(language),
        Label::Coordinating.text(language),
        "status",
        Label::Status.text(language),
        Label::LatestRecord.text(language),
        Label::LatestValue.text(language),
        Label::Goal.text(language),
        Label::Baseline.text(language),
        Label::ThisPeriod.text(language),
        Label::Flags.text(language),
    ])?;
    for task in status
        .tasks
        .iter()
        .filter(|task| filter.keeps_task(status, task))
    {
        sheet.row(task_row(status, task, language))?;
    }
    for target in status
        .targets
        .iter()
        .filter(|target| filter.keeps_target(status, target))
    {
        sheet.row(target_row(status, target, language))?;
    }
    sheet.finish()
}

fn task_row(status: &PlanStatus<'_>, task: &TaskStatus<'_>, language: Language) -> Vec<String> {
    let definition = task.task;
    let plan = status.plan;
    let ids = |units: &[crate::plan::model::UnitRef]| {
        units
            .iter()
            .map(|unit| describe::unit_name(plan, *unit, status.as_of))
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        "task".to_owned(),
        definition.id.clone(),
        plan.component(definition.index).id.clone(),
        definition.text.clone(),
        ids(&definition.lead),
        ids(&definition.coordinating),
        state_word(task.state).to_owned(),
        describe::task_state(task.state, language).to_owned(),
        task.last_activity()
            .map(|day| format_day(day, language))
            .unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        task.flags
            .iter()
            .map(|flag| describe::flag(flag, language))
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

fn target_row(
    status: &PlanStatus<'_>,
    target: &TargetStatus<'_>,
    language: Language,
) -> Vec<String> {
    let definition = target.target;
    let index = definition
        .index
        .map(|index| status.plan.component(index).id.clone());
    vec![
        "target".to_owned(),
        definition.id.clone(),
        index.unwrap_or_default(),
        definition.text.clone(),
        String::new(),
        String::new(),
        assessment_word(target.assessment).to_owned(),
        describe::assessment(target.assessment, language).to_owned(),
        target
            .latest
            .map(|record| format_day(record.date, language))
            .unwrap_or_default(),
        target
            .latest
            .map(|record| describe::value(definition, record, language))
            .unwrap_or_default(),
        describe::goal(target.goal, language),
        describe::baseline(target.goal, language),
        target
            .current
            .map(|current| number(current.amount, language))
            .unwrap_or_default(),
        String::new(),
    ]
}
