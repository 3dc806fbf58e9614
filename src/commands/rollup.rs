//! `ddci rollup PATH…`: the province's view of many plans. A plan with
//! errors is left out of the figures, named in the output, its errors shown
//! on standard error, and the command exits 1.

use std::io::Write;
use std::path::Path;

use crate::cli::{RollupArgs, RollupFormat};
use crate::exit::Outcome;
use crate::judge::status::AsOf;
use crate::output::Output;
use crate::render::{docx, html, markdown, terminal};
use crate::rollup::{self, RollupRequest};
use crate::words::labels::Language;

pub fn run(args: &RollupArgs, output: &mut Output) -> anyhow::Result<Outcome> {
    // A wrong DDCI_TODAY is one usage error, not every plan left out.
    crate::time::today::today(None)?;
    let format = format(args)?;
    let files = rollup::files(&args.paths)?;
    if files.is_empty() {
        anyhow::bail!(
            "no plan found in {}\nhelp: a plan is a .toml file with a [plan] table; name plan files or folders holding them",
            paths_named(&args.paths)
        );
    }
    if let Some(path) = to_file(args) {
        refuse_to_overwrite_a_plan(path, &files)?;
    }
    let request = RollupRequest {
        as_of: args.as_of.map(AsOf::closed),
        group: args.group,
        year: args.year,
        dated: args.letterhead.signed_on,
    };
    let rolled = rollup::build(&files, request);
    if rolled.positions.is_empty() && rolled.left_out.is_empty() && rolled.not_in_view == 0 {
        anyhow::bail!(
            "no plan found in {}: its TOML files hold no [plan] table\nhelp: name plan files or folders holding them",
            paths_named(&args.paths)
        );
    }
    warn_copies(&rolled, output)?;
    let twice = rollup::same_unit_twice(&rolled.positions);
    warn_same_unit_twice(&twice, output)?;
    if format == RollupFormat::Docx {
        a_report_can_be_made(&rolled, &twice, args)?;
        warn_several_provinces(&rolled, args, output)?;
    }
    warn_left_out(&rolled, output)?;
    let outcome = if rolled.left_out.is_empty() {
        Outcome::Success
    } else {
        Outcome::Problems
    };
    output.when_cut_off = outcome;
    let rendered = render(format, &rolled, request, args, output)?;
    crate::commands::output_file::write_out(&rendered, to_file(args), output)?;
    Ok(outcome)
}

/// "`a`, `b`": the paths given, as an error names them.
fn paths_named(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|path| format!("`{}`", crate::words::visible::path(path)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The same unit twice for the same year is a copy or a mistake.
/// Written at once: unbuffered, each warning would be several writes,
/// and a folder of copies gives thousands.
fn warn_same_unit_twice(
    twice: &[(&rollup::Position, &rollup::Position, i32)],
    output: &mut Output,
) -> anyhow::Result<()> {
    let mut warnings = Vec::new();
    for (first, second, year) in twice {
        writeln!(
            warnings,
            "warning: {} and {} are both plans of {} for {year}; check which is the unit's",
            crate::words::visible::path(&first.file),
            crate::words::visible::path(&second.file),
            unit_named(first),
        )?;
    }
    output.stderr.write_all(&warnings)?;
    Ok(())
}

/// The same plan found in several places is counted once; each place is
/// named, since one of them is probably a copy left behind.
fn warn_copies(rolled: &rollup::Rollup, output: &mut Output) -> anyhow::Result<()> {
    let mut warnings = Vec::new();
    for position in rolled.positions.iter().filter(|p| !p.also_at.is_empty()) {
        let places: Vec<String> = position
            .also_at
            .iter()
            .map(|file| crate::words::visible::path(file))
            .collect();
        writeln!(
            warnings,
            "warning: {} is the same plan as {} ({}); it is counted once",
            places.join(", "),
            crate::words::visible::path(&position.file),
            unit_named(position),
        )?;
    }
    output.stderr.write_all(&warnings)?;
    Ok(())
}

/// "Sở Tư pháp, Kon Tum": a unit as a warning names it.
fn unit_named(position: &rollup::Position) -> String {
    format!(
        "{}, {}",
        crate::words::visible::one_line(&position.agency),
        crate::words::visible::one_line(&position.province)
    )
}

/// A report of several provinces leaves its header and place blank, unless
/// the committee it goes to is named.
fn warn_several_provinces(
    rolled: &rollup::Rollup,
    args: &RollupArgs,
    output: &mut Output,
) -> anyhow::Result<()> {
    let mut provinces = rolled.provinces();
    if provinces.len() > 1 && args.letterhead.parent_agency.is_none() {
        provinces.sort_by_key(|name| crate::words::fold::folded(name));
        writeln!(
            output.stderr,
            "warning: the plans are of {} provinces ({}); the report's header and place are left blank\nhelp: name the committee it goes to with --parent-agency",
            provinces.len(),
            provinces.join(", ")
        )?;
    }
    Ok(())
}

/// Each plan left out, named with why, then its errors.
fn warn_left_out(rolled: &rollup::Rollup, output: &mut Output) -> anyhow::Result<()> {
    for left in &rolled.left_out {
        writeln!(
            output.stderr,
            "warning: {} is left out of the roll-up: {}",
            crate::words::visible::path(&left.file),
            left.reason
        )?;
        for rendered in &left.rendered {
            writeln!(output.stderr, "{rendered}\n")?;
        }
    }
    Ok(())
}

/// The roll-up in the format asked for, as the bytes to write.
fn render(
    format: RollupFormat,
    rolled: &rollup::Rollup,
    request: RollupRequest,
    args: &RollupArgs,
    output: &Output,
) -> anyhow::Result<Vec<u8>> {
    let language = output.asked_language.unwrap_or(Language::Vi);
    Ok(match format {
        RollupFormat::Table => {
            let document = rollup::document::build(rolled, request, language);
            // A table written to a file is for reading anywhere: no colour,
            // and as wide as a printed page allows.
            let layout = if to_file(args).is_some() {
                terminal::Layout {
                    width: 120,
                    color: false,
                }
            } else {
                terminal::Layout::detect(output.stdout_color)
            };
            terminal::render(&document, layout).into_bytes()
        }
        RollupFormat::Markdown => {
            markdown::render(&rollup::document::build(rolled, request, language)).into_bytes()
        }
        RollupFormat::Html => html::render(
            &rollup::document::build(rolled, request, language),
            language,
        )
        .into_bytes(),
        RollupFormat::Json => {
            let mut json = serde_json::to_string_pretty(&rollup::json::build(rolled, args.as_of))?;
            json.push('\n');
            json.into_bytes()
        }
        RollupFormat::Csv => rollup::csv::build(rolled)?.into_bytes(),
        RollupFormat::Xlsx => rollup::xlsx::build(rolled, request, language)
            .map_err(|error| anyhow::anyhow!("cannot write the workbook: {error}"))?,
        RollupFormat::Docx => docx::render(&rollup::province_report::build(
            rolled,
            request,
            language,
            &args.letterhead,
        ))?,
    })
}

/// A summary report signed and sent must count each unit once, for one
/// year, and have something to count; otherwise nothing is written.
fn a_report_can_be_made(
    rolled: &rollup::Rollup,
    twice: &[(&rollup::Position, &rollup::Position, i32)],
    args: &RollupArgs,
) -> anyhow::Result<()> {
    if rolled.positions.is_empty() {
        anyhow::bail!(
            "no plan could be rolled up ({} left out with errors, {} not for the year or day asked); the summary report was not written\n\
             help: fix the plans named above, or choose another --year or --as-of",
            rolled.left_out.len(),
            rolled.not_in_view
        );
    }
    if let Some((first, second, year)) = twice.first() {
        anyhow::bail!(
            "{} and {} are both plans of {} for {year}; the summary report would count the unit twice and was not written\n\
             help: roll up only the plan the unit sent (move the other out of the folder)",
            crate::words::visible::path(&first.file),
            crate::words::visible::path(&second.file),
            unit_named(first),
        );
    }
    let years: std::collections::BTreeSet<i32> = rolled
        .positions
        .iter()
        .map(|position| position.year_in_view)
        .collect();
    if args.year.is_none() && years.len() > 1 {
        let listed: Vec<String> = years.iter().map(ToString::to_string).collect();
        anyhow::bail!(
            "the plans are judged on different years ({}); a summary report is of one year and was not written\n\
             help: add --year {}",
            listed.join(", "),
            years.last().copied().unwrap_or_default()
        );
    }
    Ok(())
}

/// The file asked for with `-o`, unless that is `-` (standard output).
fn to_file(args: &RollupArgs) -> Option<&Path> {
    crate::settings::to_file(args.output.as_deref())
}

/// The format asked for, else the one the `-o` file's extension names,
/// else a table. A file named for one format is not written in another; a
/// workbook or a Word document is bytes for a file, not for a terminal;
/// the letterhead flags belong to the Word report alone.
fn format(args: &RollupArgs) -> anyhow::Result<RollupFormat> {
    let format = crate::cli::output_format::resolve(&crate::cli::output_format::Asked {
        format: args.format,
        file: to_file(args),
        to_terminal: crate::settings::to_terminal(args.output.as_deref()),
        default: RollupFormat::Table,
        example: "tong-hop",
    })?;
    let letterhead = args.letterhead.given();
    if format != RollupFormat::Docx && !letterhead.is_empty() {
        anyhow::bail!(
            "{} {} only for the summary report (--format docx); nothing was written\n\
             help: add `-o bao-cao-tong-hop.docx`, or leave {} out",
            letterhead.join(", "),
            if letterhead.len() == 1 { "is" } else { "are" },
            if letterhead.len() == 1 { "it" } else { "them" }
        );
    }
    Ok(format)
}

/// Output written over a plan would destroy it: one rolled up, or any file
/// (followed through links) that holds a plan.
fn refuse_to_overwrite_a_plan(
    path: &Path,
    plans: &[rollup::paths::Candidate],
) -> anyhow::Result<()> {
    crate::commands::output_file::refuse_what_no_output_may_be(path, "roll-up")?;
    let Ok(target) = std::fs::canonicalize(path) else {
        return Ok(());
    };
    let holds_a_plan = target
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("toml"))
        || std::fs::read(&target).is_ok_and(|bytes| rollup::paths::names_a_plan_table(&bytes));
    if holds_a_plan {
        anyhow::bail!(
            "`{}` is a plan; nothing was written\n\
             help: choose another file, e.g. `-o tong-hop.xlsx`",
            path.display()
        );
    }
    // Each plan rolled up, and its lock, by the file itself (as every
    // command's -o is guarded): a replaced lock would let two writers in.
    for plan in plans {
        crate::commands::output_file::guard(Some(path), &plan.path, "roll-up")?;
    }
    Ok(())
}
