//! `ddci list`: the ids a person types (`record 7.2`, `--by thanh-tra`,
//! `--owner`, `--index`), with what each names.

use std::io::Write;

use crate::cli::{ListArgs, ListKind};
use crate::commands::refuse_invalid;
use crate::exit::Outcome;
use crate::output::Output;
use crate::render::describe;
use crate::render::document::{Cell, Document, Table};
use crate::render::terminal;
use crate::settings;
use crate::validate::CheckedPlan;
use crate::words::labels::Label;

/// Task texts are cut to this many characters.
const TEXT_LIMIT: usize = 60;

pub fn run(args: &ListArgs, checked: &CheckedPlan, output: &mut Output) -> anyhow::Result<Outcome> {
    let Some(plan) = refuse_invalid(checked, output)? else {
        return Ok(Outcome::Problems);
    };
    let language = settings::language(output.asked_language, plan);
    let text = |label: Label| label.text(language).to_owned();
    let wanted = |kind: ListKind| args.what.is_none_or(|what| what == kind);
    let mut document = Document::default();
    if wanted(ListKind::Units) {
        document.heading(2, text(Label::Unit));
        document.table(Table {
            columns: vec![text(Label::Id), text(Label::Unit), text(Label::Kind)],
            rows: unit_rows(plan, language),
            numeric: Vec::new(),
        });
    }
    if wanted(ListKind::Indices) {
        document.heading(2, text(Label::Indices));
        document.table(Table {
            columns: vec![text(Label::Id), text(Label::Index)],
            rows: plan
                .indices
                .iter()
                .map(|index| {
                    vec![
                        Cell::new(index.id.clone()),
                        Cell::new(index.name_in(language)),
                    ]
                })
                .collect(),
            numeric: Vec::new(),
        });
    }
    if wanted(ListKind::Tasks) {
        document.heading(2, text(Label::Tasks));
        document.table(Table {
            columns: vec![text(Label::Id), text(Label::Task), text(Label::Lead)],
            rows: plan
                .tasks
                .iter()
                .map(|task| {
                    vec![
                        Cell::new(task.id.clone()),
                        Cell::new(describe::shorten(&task.text, TEXT_LIMIT)),
                        Cell::new(describe::unit_names(plan, &task.lead, plan.year_bounds().1)),
                    ]
                })
                .collect(),
            numeric: Vec::new(),
        });
    }
    if wanted(ListKind::Targets) {
        document.heading(2, text(Label::Targets));
        document.table(Table {
            columns: vec![text(Label::Id), text(Label::Target), text(Label::Goal)],
            rows: target_rows(plan, language),
            numeric: Vec::new(),
        });
    }
    if wanted(ListKind::Reporting) && !plan.reporting.is_empty() {
        document.heading(2, text(Label::ReportingDuties));
        document.table(Table {
            columns: vec![
                text(Label::Id),
                text(Label::ReportsFrom),
                text(Label::Periods),
                text(Label::ReportsTo),
            ],
            rows: duty_rows(plan, language),
            numeric: Vec::new(),
        });
    }
    let layout = terminal::Layout::detect(output.stdout_color);
    write!(output.stdout, "{}", terminal::render(&document, layout))?;
    Ok(Outcome::Success)
}

/// A row per reporting duty: its id (what `record` takes), who reports, how
/// often, to whom. A duty without an id cannot be recorded against: "—".
fn duty_rows(
    plan: &crate::plan::model::Plan,
    language: crate::words::labels::Language,
) -> Vec<Vec<Cell>> {
    let day = plan.year_bounds().1;
    plan.reporting
        .iter()
        .map(|duty| {
            let periods: Vec<&str> = duty
                .periods
                .iter()
                .map(|frequency| crate::words::labels::frequency_word(*frequency, language))
                .collect();
            let periods = if periods.is_empty() {
                match language {
                    crate::words::labels::Language::Vi => "theo quy định".to_owned(),
                    crate::words::labels::Language::En => "as required".to_owned(),
                }
            } else {
                periods.join(", ")
            };
            vec![
                Cell::new(duty.id.clone().unwrap_or_else(|| "—".to_owned())),
                Cell::new(describe::unit_names(plan, &duty.from, day)),
                Cell::new(periods),
                Cell::new(
                    duty.to
                        .map(|to| describe::unit_names(plan, &[to], day))
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect()
}

/// A row per unit: its id, its name (with its short name), its kind and,
/// for a group, its members.
fn unit_rows(
    plan: &crate::plan::model::Plan,
    language: crate::words::labels::Language,
) -> Vec<Vec<Cell>> {
    plan.units
        .iter()
        .map(|unit| {
            let members: Vec<&str> = unit
                .members
                .iter()
                .map(|member| plan.unit(*member).id.as_str())
                .collect();
            let name = match &unit.short {
                Some(short) if !unit.name.contains(short.as_str()) => {
                    format!("{} ({short})", unit.name)
                }
                _ => unit.name.clone(),
            };
            let kind = unit
                .kind
                .map(|kind| unit_kind(kind, language).to_owned())
                .unwrap_or_default();
            let kind = if members.is_empty() {
                kind
            } else {
                format!("{kind}: {}", members.join(", "))
            };
            vec![Cell::new(unit.id.clone()), Cell::new(name), Cell::new(kind)]
        })
        .collect()
}

/// A unit's kind in the list's language: the plan's words (`office`) are
/// keys, not what a Vietnamese reader calls them.
fn unit_kind(
    kind: crate::plan::file::UnitKind,
    language: crate::words::labels::Language,
) -> &'static str {
    use crate::plan::file::UnitKind;
    let (vi, en) = match kind {
        UnitKind::Leadership => ("lãnh đạo", "leadership"),
        UnitKind::Office => ("phòng, văn phòng", "office"),
        UnitKind::Inspectorate => ("thanh tra", "inspectorate"),
        UnitKind::Centre => ("đơn vị sự nghiệp", "centre"),
        UnitKind::Group => ("nhóm đơn vị", "group"),
        UnitKind::External => ("cơ quan ngoài", "external"),
    };
    match language {
        crate::words::labels::Language::Vi => vi,
        crate::words::labels::Language::En => en,
    }
}

/// A row per target: its id, its name (and its task's id), its goal.
fn target_rows(
    plan: &crate::plan::model::Plan,
    language: crate::words::labels::Language,
) -> Vec<Vec<Cell>> {
    plan.targets
        .iter()
        .map(|target| {
            let task = target
                .task
                .map(|task| format!(" ({})", plan.task(task).id))
                .unwrap_or_default();
            let name = target
                .measure
                .clone()
                .unwrap_or_else(|| describe::shorten(&target.text, TEXT_LIMIT));
            vec![
                Cell::new(target.id.clone()),
                Cell::new(format!("{name}{task}")),
                Cell::new(describe::goal_history(&target.goals, language)),
            ]
        })
        .collect()
}
