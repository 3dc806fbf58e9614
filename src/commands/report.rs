//! `ddci report`: the period report, in the format asked for.

use std::io::Write;
use std::path::Path;

use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::refuse_invalid;
use crate::exit::Outcome;
use crate::output::Output;
use crate::render::{html, markdown, terminal};
use crate::validate::CheckedPlan;
use crate::{atomic_write, report, settings};

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
    match settings.output.as_deref() {
        Some(path) if path != Path::new("-") => {
            refuse_to_overwrite_the_plan(path, checked.loaded.source.path())?;
            atomic_write::write_file(path, rendered.as_bytes())
                .map_err(|error| anyhow::anyhow!("cannot write `{}`: {error:#}", path.display()))?;
            writeln!(output.stderr, "wrote {}", crate::visible::path(path))?;
        }
        // `-o -` is standard output, as for most tools.
        _ => write!(output.stdout, "{rendered}")?,
    }
    Ok(Outcome::Success)
}

/// A report written over the plan would destroy it. The test is on the
/// file itself (device and inode), not its name, so `./p.toml`, a symlink
/// or a hard link to the plan are caught as well.
pub fn refuse_to_overwrite_the_plan(output: &Path, plan: &Path) -> anyhow::Result<()> {
    let (Ok(target), Ok(plan_file)) = (std::fs::metadata(output), std::fs::metadata(plan)) else {
        return Ok(());
    };
    // The lock beside the plan, replaced, would let two writers in at once.
    let lock = std::fs::canonicalize(plan)
        .ok()
        .and_then(|real| std::fs::metadata(crate::plan_lock::lock_path(&real)).ok());
    if lock.is_some_and(|lock| same_file(&target, &lock)) {
        anyhow::bail!(
            "`{}` is the plan's lock file; the report was not written\nhelp: choose another file, e.g. `-o bao-cao.md`",
            output.display()
        );
    }
    if same_file(&target, &plan_file) {
        anyhow::bail!(
            "`{}` is the plan itself; the report was not written\nhelp: choose another file, e.g. `-o bao-cao.md`, or `-o -` for standard output",
            output.display()
        );
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}
