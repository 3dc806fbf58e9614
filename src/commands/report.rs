//! `ddci report`: the period report, in the format asked for.

use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::{output_file, refuse_invalid};
use crate::exit::Outcome;
use crate::output::Output;
use crate::render::{html, markdown, terminal};
use crate::validate::CheckedPlan;
use crate::{report, settings};

pub fn run(
    args: &ReportArgs,
    checked: &CheckedPlan,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    let Some(plan) = refuse_invalid(checked, output)? else {
        return Ok(Outcome::Problems);
    };
    let settings = settings::report(args, plan, checked.today)?;
    let language = settings.request.language;
    let report = report::build(plan, settings.request);
    let rendered = match settings.format {
        ReportFormat::Markdown => markdown::render(&report::document::build(&report)),
        ReportFormat::Text => terminal::render(
            &report::document::build(&report),
            terminal::Layout {
                width: 100,
                color: false,
            },
        ),
        ReportFormat::Html => html::render(&report::document::build(&report), language),
        ReportFormat::Csv => report::csv::build(&report::document::build(&report))?,
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&report::json::build(&report))?;
            json.push('\n');
            json
        }
    };
    output_file::deliver(
        &rendered,
        settings.output.as_deref(),
        checked.loaded.source.path(),
        "report",
        output,
    )?;
    Ok(Outcome::Success)
}
