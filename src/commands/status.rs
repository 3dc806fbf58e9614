//! `ddci status`: where every index, task and target stands.

use std::io::Write;

use chrono::NaiveDate;

use crate::cli::{LanguageArg, StatusArgs, StatusFormat, TaskStateArg};
use crate::commands::validate::print_diagnostics;
use crate::exit::Outcome;
use crate::labels::Language;
use crate::load::LoadedPlan;
use crate::output::Output;
use crate::render::{markdown, terminal};
use crate::status::{self, TaskState};
use crate::status_view::{self, StatusFilter};
use crate::suggest;

pub fn run(
    args: &StatusArgs,
    loaded: &LoadedPlan,
    today: NaiveDate,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    if refuse_invalid(loaded, output)? {
        return Ok(Outcome::Problems);
    }
    let file = &loaded.file;
    let filter = StatusFilter {
        index: check_id(
            "index",
            args.index.as_deref(),
            file.indices.iter().map(|index| index.id.get_ref().as_str()),
        )?,
        owner: check_id(
            "unit",
            args.owner.as_deref(),
            file.units.iter().map(|unit| unit.id.get_ref().as_str()),
        )?,
        lead_only: args.lead_only,
        states: args.status.iter().map(|state| task_state(*state)).collect(),
        overdue: args.overdue,
    };
    let language = language(args.lang, loaded);
    let as_of = args.as_of.unwrap_or_else(|| default_as_of(loaded, today));
    let status = status::compute(file, as_of);
    match args.format {
        StatusFormat::Table => {
            let document = status_view::document::build(&status, &filter, language);
            let layout = terminal::Layout::detect(output.stdout_color);
            write!(output.stdout, "{}", terminal::render(&document, layout))?;
        }
        StatusFormat::Markdown => {
            let document = status_view::document::build(&status, &filter, language);
            write!(output.stdout, "{}", markdown::render(&document))?;
        }
        StatusFormat::Json => {
            serde_json::to_writer_pretty(
                &mut output.stdout,
                &status_view::json::build(&status, &filter, language),
            )?;
            writeln!(output.stdout)?;
        }
        StatusFormat::Csv => {
            write!(
                output.stdout,
                "{}",
                status_view::csv::build(&status, &filter, language)?
            )?;
        }
    }
    Ok(Outcome::Success)
}

/// Prints the diagnostics of an invalid plan and says why nothing else is
/// shown. Returns whether the plan was refused.
pub fn refuse_invalid(loaded: &LoadedPlan, output: &mut Output) -> anyhow::Result<bool> {
    if !loaded.has_errors() {
        return Ok(false);
    }
    print_diagnostics(loaded, output)?;
    writeln!(
        output.stderr,
        "error: {} has errors; fix them (see `ddci validate`) first",
        loaded.source.path().display()
    )?;
    Ok(true)
}

/// The language asked for, else the plan's, else Vietnamese.
pub fn language(asked: Option<LanguageArg>, loaded: &LoadedPlan) -> Language {
    match asked {
        Some(LanguageArg::Vi) => Language::Vi,
        Some(LanguageArg::En) => Language::En,
        None => loaded
            .file
            .plan
            .as_ref()
            .and_then(|plan| plan.language)
            .unwrap_or_default(),
    }
}

/// Today, or the plan's last day once its year is over: a finished plan is
/// shown as it ended.
pub fn default_as_of(loaded: &LoadedPlan, today: NaiveDate) -> NaiveDate {
    let year_end = loaded
        .file
        .year()
        .and_then(|year| NaiveDate::from_ymd_opt(year, 12, 31));
    year_end.map_or(today, |end| today.min(end))
}

/// An id given on the command line must exist in the plan.
pub fn check_id<'a>(
    kind: &str,
    given: Option<&str>,
    known: impl Iterator<Item = &'a str> + Clone,
) -> anyhow::Result<Option<String>> {
    let Some(given) = given else { return Ok(None) };
    if known.clone().any(|id| id == given) {
        return Ok(Some(given.to_owned()));
    }
    let help = suggest::did_you_mean(given, known.clone()).unwrap_or_else(|| {
        format!(
            "the {kind} ids are: {}",
            known.collect::<Vec<_>>().join(", ")
        )
    });
    anyhow::bail!("no {kind} has the id `{given}`\nhelp: {help}")
}

fn task_state(state: TaskStateArg) -> TaskState {
    match state {
        TaskStateArg::NotStarted => TaskState::NotStarted,
        TaskStateArg::InProgress => TaskState::InProgress,
        TaskStateArg::Blocked => TaskState::Blocked,
        TaskStateArg::Overdue => TaskState::Overdue,
        TaskStateArg::Done => TaskState::Done,
        TaskStateArg::DoneLate => TaskState::DoneLate,
        TaskStateArg::Cancelled => TaskState::Cancelled,
    }
}
