//! `ddci rollup PATH…`: the province's view of many plans. A plan with
//! errors is left out of the figures, named in the output, its errors shown
//! on standard error, and the command exits 1.

use std::io::Write;

use crate::cli::{LanguageArg, RollupArgs, StatusFormat};
use crate::exit::Outcome;
use crate::labels::Language;
use crate::output::Output;
use crate::render::{markdown, terminal};
use crate::rollup::{self, RollupRequest};
use crate::status::AsOf;

pub fn run(args: &RollupArgs, output: &mut Output) -> anyhow::Result<Outcome> {
    // A wrong DDCI_TODAY is one usage error, not every plan left out.
    crate::today::today(None)?;
    let files = rollup::files(&args.paths)?;
    if files.is_empty() {
        anyhow::bail!(
            "no plan found in {}\nhelp: a plan is a .toml file with a [plan] table; name plan files or folders holding them",
            args.paths
                .iter()
                .map(|path| format!("`{}`", crate::visible::path(path)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let request = RollupRequest {
        as_of: args.as_of.map(AsOf::closed),
        group: args.group,
        year: args.year,
    };
    let language = match args.lang {
        Some(LanguageArg::En) => Language::En,
        Some(LanguageArg::Vi) | None => Language::Vi,
    };
    let rolled = rollup::build(&files, request);
    if rolled.positions.is_empty() && rolled.left_out.is_empty() && rolled.other_years == 0 {
        anyhow::bail!(
            "no plan found in {}: its TOML files hold no [plan] table\nhelp: name plan files or folders holding them",
            args.paths
                .iter()
                .map(|path| format!("`{}`", crate::visible::path(path)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // The same unit twice for the same year is a copy or a mistake.
    for (at, position) in rolled.positions.iter().enumerate() {
        if let Some(other) = rolled.positions[..at].iter().find(|other| {
            other.agency == position.agency
                && other.year <= position.until
                && position.year <= other.until
        }) {
            writeln!(
                output.stderr,
                "warning: {} and {} are both plans of {} for {}; check which is the unit's",
                crate::visible::path(&other.file),
                crate::visible::path(&position.file),
                crate::visible::one_line(&position.agency),
                position.year
            )?;
        }
    }
    for left in &rolled.left_out {
        writeln!(
            output.stderr,
            "warning: {} is left out of the roll-up: {}",
            crate::visible::path(&left.file),
            left.reason
        )?;
        for rendered in &left.rendered {
            writeln!(output.stderr, "{rendered}\n")?;
        }
    }
    let outcome = if rolled.left_out.is_empty() {
        Outcome::Success
    } else {
        Outcome::Problems
    };
    output.when_cut_off = outcome;
    match args.format {
        StatusFormat::Table => {
            let document = rollup::document::build(&rolled, request, language);
            let layout = terminal::Layout::detect(output.stdout_color);
            write!(output.stdout, "{}", terminal::render(&document, layout))?;
        }
        StatusFormat::Markdown => {
            let document = rollup::document::build(&rolled, request, language);
            write!(output.stdout, "{}", markdown::render(&document))?;
        }
        StatusFormat::Json => {
            serde_json::to_writer_pretty(
                &mut output.stdout,
                &rollup::json::build(&rolled, args.as_of),
            )?;
            writeln!(output.stdout)?;
        }
        StatusFormat::Csv => {
            write!(output.stdout, "{}", rollup::csv::build(&rolled, language)?)?;
        }
    }
    Ok(outcome)
}
