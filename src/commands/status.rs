//! `ddci status`: where every index, task and target stands.

use std::io::Write;

use crate::cli::{StatusArgs, StatusFormat};
use crate::commands::refuse_invalid;
use crate::exit::Outcome;
use crate::judge::status;
use crate::output::Output;
use crate::render::{markdown, terminal};
use crate::validate::CheckedPlan;
use crate::{settings, status_view};

pub fn run(
    args: &StatusArgs,
    checked: &CheckedPlan,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    let Some(plan) = refuse_invalid(checked, output)? else {
        return Ok(Outcome::Problems);
    };
    let settings = settings::status(args, output.asked_language, plan, checked.today)?;
    let (filter, language) = (&settings.filter, settings.language);
    let status = status::compute(plan, settings.as_of);
    match settings.format {
        StatusFormat::Table => {
            let document = status_view::document::build(&status, filter, language);
            let layout = terminal::Layout::detect(output.stdout_color);
            write!(output.stdout, "{}", terminal::render(&document, layout))?;
        }
        StatusFormat::Markdown => {
            let document = status_view::document::build(&status, filter, language);
            write!(output.stdout, "{}", markdown::render(&document))?;
        }
        StatusFormat::Json => {
            serde_json::to_writer_pretty(
                &mut output.stdout,
                &status_view::json::build(&status, filter, language),
            )?;
            writeln!(output.stdout)?;
        }
        StatusFormat::Csv => {
            write!(
                output.stdout,
                "{}",
                status_view::csv::build(&status, filter, language)?
            )?;
        }
    }
    Ok(Outcome::Success)
}
