//! `ddci record`: append one progress record or measurement to the plan.
//!
//! Under an exclusive lock, the plan is read and validated, the record is
//! rendered and inserted after its task or target, the changed plan is
//! validated again, and only then is it written, atomically. Anything wrong
//! at any step leaves the file untouched.

use std::io::Write;
use std::path::Path;

use annotate_snippets::Renderer;
use chrono::NaiveDate;

use crate::cli::{RecordArgs, StatusArg};
use crate::commands::validate::print_diagnostics;
use crate::diagnostic::Severity;
use crate::exit::Outcome;
use crate::load::{self, LoadedPlan};
use crate::output::Output;
use crate::plan::date::PlanDate;
use crate::plan::file::{Extent, PlanFile, Progress};
use crate::plan_lock::PlanLock;
use crate::record_entry::{self, NewRecord, Parent};
use crate::source_file::SourceFile;
use crate::{atomic_write, suggest, validate};

pub fn run(
    args: &RecordArgs,
    plan_path: &Path,
    today: NaiveDate,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    // Write through a symlink to the file it points at, and lock beside that
    // file, so two links to one plan share one lock.
    let real_path = std::fs::canonicalize(plan_path).map_err(|error| {
        anyhow::anyhow!("cannot read the plan `{}`: {error}", plan_path.display())
    })?;
    let _lock = PlanLock::acquire(&real_path)?;

    let mut loaded = load::load(&real_path)?;
    loaded.source = SourceFile::new(plan_path, loaded.source.text().to_owned());
    validate::validate(&mut loaded, today);
    if loaded.has_errors() {
        print_diagnostics(&loaded, output)?;
        writeln!(
            output.stderr,
            "error: {} has errors; fix them (see `ddci validate`) before recording. Nothing was written.",
            plan_path.display()
        )?;
        return Ok(Outcome::Problems);
    }

    let Some((parent, extent, records_before)) = find_subject(&loaded.file, &args.id) else {
        let ids = loaded
            .file
            .tasks
            .iter()
            .map(|task| task.id.get_ref().as_str())
            .chain(
                loaded
                    .file
                    .targets
                    .iter()
                    .map(|target| target.id.get_ref().as_str()),
            );
        let help = suggest::did_you_mean(&args.id, ids)
            .unwrap_or_else(|| "`ddci status` lists the tasks and targets".to_owned());
        writeln!(
            output.stderr,
            "error: no task or target has the id `{}`. Nothing was written.\nhelp: {help}",
            args.id
        )?;
        return Ok(Outcome::Problems);
    };

    let record = new_record(args, today);
    let lines = record.lines(parent);
    let text = loaded.source.text();
    let insertion = record_entry::insertion_after(text, extent, &lines);
    let changed_text = insertion.apply(text);
    let first_line = text[..insertion.offset].matches('\n').count() + 1;
    let block_start = first_line + usize::from(insertion.text.starts_with(['\n', '\r']));
    let block_end = block_start + lines.len() - 1;

    // Check the plan as it would be, so that `ddci validate` passes after any
    // sequence of successful records.
    let mut changed = load::load_bytes(plan_path, changed_text.clone().into_bytes());
    validate::validate(&mut changed, today);
    if changed.has_errors() {
        changed.source = SourceFile::new(
            format!("{} (with the new record)", plan_path.display()),
            changed_text,
        );
        changed
            .diagnostics
            .retain(|diagnostic| diagnostic.severity == Severity::Error);
        print_diagnostics(&changed, output)?;
        writeln!(
            output.stderr,
            "error: the record was refused. Nothing was written."
        )?;
        return Ok(Outcome::Problems);
    }
    let records_after = find_subject(&changed.file, &args.id).map(|(_, _, count)| count);
    anyhow::ensure!(
        records_after == Some(records_before + 1),
        "internal check failed: the new record was not read back under `{}`; nothing was written",
        args.id
    );
    print_new_warnings(&loaded, &changed, output)?;

    let what = match parent {
        Parent::Task => "task",
        Parent::Target => "target",
    };
    if args.dry_run {
        writeln!(
            output.stdout,
            "Would add to {}, lines {block_start}–{block_end}, for {what} {} (dry run: nothing written):",
            plan_path.display(),
            args.id
        )?;
    } else {
        atomic_write::replace_file(&real_path, changed_text.as_bytes())?;
        writeln!(
            output.stdout,
            "Recorded in {}, lines {block_start}–{block_end}, for {what} {}:",
            plan_path.display(),
            args.id
        )?;
    }
    for line in &lines {
        writeln!(output.stdout, "  {line}")?;
    }
    Ok(Outcome::Success)
}

/// The task or target called `id`: which array it is in, where it is, and how
/// many records it has.
fn find_subject(file: &PlanFile, id: &str) -> Option<(Parent, Extent, usize)> {
    if let Some(task) = file.tasks.iter().find(|task| task.id.get_ref() == id) {
        return Some((Parent::Task, task.extent, task.records.len()));
    }
    file.targets
        .iter()
        .find(|target| target.id.get_ref() == id)
        .map(|target| (Parent::Target, target.extent, target.records.len()))
}

fn new_record(args: &RecordArgs, today: NaiveDate) -> NewRecord {
    NewRecord {
        id: args.record_id.clone(),
        date: Some(PlanDate(args.date.unwrap_or(today))),
        status: args.status.map(|status| match status {
            StatusArg::NotStarted => Progress::NotStarted,
            StatusArg::InProgress => Progress::InProgress,
            StatusArg::Done => Progress::Done,
            StatusArg::Blocked => Progress::Blocked,
            StatusArg::Cancelled => Progress::Cancelled,
        }),
        value: args.value,
        of: args.of,
        note: args.note.clone(),
        by: args.by.clone(),
        evidence: args.evidence.clone(),
        corrects: args.corrects.clone(),
        shortcoming: args.shortcoming.clone(),
        proposal: args.proposal.clone(),
    }
}

/// Warnings the new record brings (a date outside the plan's year, say) are
/// shown, but do not stop it.
fn print_new_warnings(
    before: &LoadedPlan,
    after: &LoadedPlan,
    output: &mut Output,
) -> anyhow::Result<()> {
    let renderer = if output.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let old: Vec<(&str, &String)> = before
        .diagnostics
        .iter()
        .map(|diagnostic| (diagnostic.code, &diagnostic.message))
        .collect();
    for diagnostic in &after.diagnostics {
        if !old.contains(&(diagnostic.code, &diagnostic.message)) {
            writeln!(
                output.stderr,
                "{}\n",
                diagnostic.render(&after.source, &renderer)
            )?;
        }
    }
    Ok(())
}
