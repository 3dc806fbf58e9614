//! `ddci report`: the period report, in the format asked for.

use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::{output_file, refuse_invalid};
use crate::exit::Outcome;
use crate::output::Output;
use crate::render::{docx, markdown, official_html, terminal};
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
    let what = crate::say!("báo cáo", "report");
    output_file::guard(args.output.as_deref(), checked.loaded.source.path(), &what)?;
    let settings = settings::report(args, output.asked_language, plan, checked.today)?;
    let report = report::build(plan, settings.request);
    // The document's sentences are made only for the formats that show
    // them; JSON and CSV are drawn from the report's facts.
    let official = || report::document::build(&report);
    let rendered: Vec<u8> = match settings.format {
        ReportFormat::Markdown => markdown::render(&official().as_document()).into_bytes(),
        ReportFormat::Text => {
            // On the screen, as wide as the screen; in a file, 100 columns.
            let width = if settings::to_file(settings.output.as_deref()).is_none() {
                terminal::Layout::detect(false).width
            } else {
                100
            };
            let layout = terminal::Layout {
                width,
                color: false,
            };
            terminal::render(&official().as_document(), layout).into_bytes()
        }
        ReportFormat::Html => official_html::render(&official()).into_bytes(),
        ReportFormat::Docx => docx::render(&official())?,
        ReportFormat::Csv => report::csv::build(&report)?.into_bytes(),
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&report::json::build(&report))?;
            json.push('\n');
            json.into_bytes()
        }
    };
    output_file::deliver_bytes(
        &rendered,
        settings.output.as_deref(),
        checked.loaded.source.path(),
        &what,
        output,
    )?;
    Ok(Outcome::Success)
}
