//! `ddci report`: the period report, in the format asked for.

use std::io::Write;

use chrono::NaiveDate;

use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::status::{check_id, language, refuse_invalid};
use crate::exit::Outcome;
use crate::load::LoadedPlan;
use crate::output::Output;
use crate::period::{Period, PeriodError};
use crate::render::{html, markdown, terminal};
use crate::report::{self, ReportRequest};

pub fn run(
    args: &ReportArgs,
    loaded: &LoadedPlan,
    today: NaiveDate,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    if refuse_invalid(loaded, output)? {
        return Ok(Outcome::Problems);
    }
    let file = &loaded.file;
    let plan_year = file
        .year()
        .unwrap_or_else(|| chrono::Datelike::year(&today));
    let period =
        period(args, args.year.unwrap_or(plan_year)).map_err(|error| anyhow::anyhow!("{error}"))?;
    let owner = check_id(
        "unit",
        args.owner.as_deref(),
        file.units.iter().map(|unit| unit.id.get_ref().as_str()),
    )?;
    let language = language(args.lang, loaded);
    let request = ReportRequest {
        period,
        as_of: period.end.min(today.max(period.start)),
        owner,
        language,
    };
    let report = report::build(file, request);
    let rendered = match args.format {
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
    match &args.output {
        Some(path) => {
            std::fs::write(path, rendered.as_bytes())
                .map_err(|error| anyhow::anyhow!("cannot write `{}`: {error}", path.display()))?;
            writeln!(output.stderr, "wrote {}", path.display())?;
        }
        None => write!(output.stdout, "{rendered}")?,
    }
    Ok(Outcome::Success)
}

/// The one period the arguments name; two at once is a usage error.
fn period(args: &ReportArgs, year: i32) -> Result<Period, PeriodError> {
    let range = args.from.is_some() || args.to.is_some();
    let chosen = [
        args.quarter.is_some(),
        args.half.is_some(),
        args.month.is_some(),
        args.nine_months,
        range,
    ]
    .iter()
    .filter(|chosen| **chosen)
    .count();
    if chosen > 1 {
        return Err(PeriodError(
            "choose one period: --quarter, --half, --month, --nine-months, or --from/--to"
                .to_owned(),
        ));
    }
    if let Some(quarter) = args.quarter {
        return Period::quarter(year, quarter);
    }
    if let Some(half) = args.half {
        return Period::half(year, half);
    }
    if let Some(month) = args.month {
        return Period::month(year, month);
    }
    if args.nine_months {
        return Period::nine_months(year);
    }
    if range {
        let whole = Period::year(year)?;
        return Period::range(
            args.from.unwrap_or(whole.start),
            args.to.unwrap_or(whole.end),
        );
    }
    Period::year(year)
}
