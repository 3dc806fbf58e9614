//! `ddci calendar`: what falls due in a window of days, for whom, and what
//! is recorded against it; as a table, Markdown, JSON, CSV or iCalendar.

use crate::calendar::{self, ics};
use crate::cli::{CalendarArgs, CalendarFormat};
use crate::commands::{output_file, refuse_invalid};
use crate::exit::Outcome;
use crate::judge::status;
use crate::output::Output;
use crate::render::{markdown, terminal};
use crate::settings;
use crate::validate::CheckedPlan;

/// The variable reproducible builds use to fix "now": with it, the same
/// plan and arguments give the same ics bytes.
const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

pub fn run(
    args: &CalendarArgs,
    checked: &CheckedPlan,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    let Some(plan) = refuse_invalid(checked, output)? else {
        return Ok(Outcome::Problems);
    };
    let settings = settings::calendar(args, output.asked_language, plan, checked.today)?;
    let status = status::compute(plan, settings.moment);
    let calendar = calendar::build(&status, settings.selection, settings.language);
    let to_terminal = settings.output.is_none();
    let rendered = match settings.format {
        CalendarFormat::Table => {
            let document = calendar::document::build(&calendar, settings.language);
            let layout = if to_terminal {
                terminal::Layout::detect(output.stdout_color)
            } else {
                terminal::Layout {
                    width: 100,
                    color: false,
                }
            };
            terminal::render(&document, layout)
        }
        CalendarFormat::Markdown => {
            markdown::render(&calendar::document::build(&calendar, settings.language))
        }
        CalendarFormat::Json => {
            let mut json = serde_json::to_string_pretty(&calendar::json::build(&calendar))?;
            json.push('\n');
            json
        }
        CalendarFormat::Csv => calendar::csv::build(&calendar, settings.language)?,
        CalendarFormat::Ics => ics::render(
            &calendar,
            ics::IcsOptions {
                remind_days: args.remind,
                stamp: stamp()?,
            },
        ),
    };
    output_file::deliver(
        &rendered,
        settings.output.as_deref(),
        checked.loaded.source.path(),
        &crate::say!("lịch", "calendar"),
        output,
    )?;
    Ok(Outcome::Success)
}

/// Now, or the moment `SOURCE_DATE_EPOCH` gives.
fn stamp() -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    if let Ok(value) = std::env::var(SOURCE_DATE_EPOCH) {
        value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
            .ok_or_else(|| {
                anyhow::anyhow!(crate::say!(
                    "{SOURCE_DATE_EPOCH}=`{value}` không phải là số giây tính từ năm 1970; hãy bỏ biến này hoặc sửa lại",
                    "{SOURCE_DATE_EPOCH}=`{value}` is not a number of seconds since 1970; unset it or fix it"
                ))
            })
    } else {
        let now = chrono::Utc::now();
        Ok(chrono::DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now))
    }
}
