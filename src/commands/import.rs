//! `ddci import`: filled forms read back into the plan.
//!
//! Under the plan's lock, every form is read and every row checked; if any
//! row of any form has a problem, each is reported with its cell and nothing
//! is written. Otherwise all the records are inserted (each after its task,
//! target or reporting duty, every other byte as it was), the changed plan
//! is validated whole, and written in one atomic replace.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use crate::atomic_write;
use crate::commands::plan_change;
use crate::exit::Outcome;
use crate::import::{self, FormImport, Planned};
use crate::output::Output;
use crate::plan::file::{Extent, PlanFile};
use crate::record_entry::{self, Insertion, Parent};

pub fn run(
    args: &crate::cli::ImportArgs,
    plan_path: &Path,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    // Read the forms before taking the lock: a bad file needs no lock.
    let plan_file = std::fs::canonicalize(plan_path).ok();
    let mut forms = Vec::new();
    for path in &args.files {
        if plan_file.is_some() && std::fs::canonicalize(path).ok() == plan_file {
            anyhow::bail!("`{}` is the plan itself, not a form", path.display());
        }
        forms.push(crate::form::read::read(path)?);
    }
    let opened = match plan_change::open(plan_path, args.dry_run, args.wait, "importing", output)? {
        Ok(opened) => opened,
        Err(outcome) => return Ok(outcome),
    };
    let (loaded, plan, today) = (&opened.loaded, &opened.plan, opened.today);

    let imports: Vec<FormImport> = forms
        .iter()
        .map(|filled| import::plan(plan, &loaded.file, filled, today))
        .collect();
    let problems: Vec<_> = imports.iter().flat_map(|form| &form.problems).collect();
    if !problems.is_empty() {
        output.when_cut_off = Outcome::Problems;
        for (place, problem) in &problems {
            let (message, help) = problem.split_once("\nhelp: ").unwrap_or((problem, ""));
            writeln!(output.stderr, "error: {place}: {message}")?;
            if !help.is_empty() {
                writeln!(output.stderr, "  help: {help}")?;
            }
        }
        writeln!(
            output.stderr,
            "error: {} problem{} in the forms; nothing was imported and {} is unchanged",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            plan_path.display()
        )?;
        return Ok(Outcome::Problems);
    }
    let planned: Vec<&Planned> = imports.iter().flat_map(|form| &form.records).collect();
    let text = loaded.source.text().to_owned();
    let changed = insert_all(&loaded.file, &text, &planned)?;

    let (valid, _) = plan_change::changed_is_valid(
        plan_path,
        &changed,
        today,
        "with the imported records",
        output,
    )?;
    if !valid {
        output.when_cut_off = Outcome::Problems;
        writeln!(
            output.stderr,
            "error: the imported records would make the plan invalid; nothing was imported"
        )?;
        return Ok(Outcome::Problems);
    }

    for form in &imports {
        let corrections = form
            .records
            .iter()
            .filter(|planned| planned.correction)
            .count();
        let filed = form
            .records
            .iter()
            .filter(|planned| planned.parent == Parent::Reporting)
            .count();
        let added = form.records.len() - corrections - filed;
        let mut said = format!(
            "{} ({}): {added} new record{}",
            crate::visible::visible(&form.file),
            crate::visible::visible(&form.about),
            if added == 1 { "" } else { "s" }
        );
        if corrections > 0 {
            let _ = write!(
                said,
                ", {corrections} correction{}",
                if corrections == 1 { "" } else { "s" }
            );
        }
        if form.unchanged > 0 {
            let _ = write!(said, ", {} unchanged", form.unchanged);
        }
        if filed > 0 {
            said.push_str("; the unit's report is recorded as sent");
        }
        writeln!(output.stdout, "{said}")?;
    }
    if planned.is_empty() {
        writeln!(
            output.stdout,
            "Nothing to add: every row is already in {}.",
            crate::visible::path(plan_path)
        )?;
        return Ok(Outcome::Success);
    }
    if args.dry_run {
        writeln!(
            output.stdout,
            "Would add {} record{} to {} (dry run: nothing written):",
            planned.len(),
            if planned.len() == 1 { "" } else { "s" },
            crate::visible::path(plan_path)
        )?;
    } else {
        atomic_write::replace_file(&opened.real_path, changed.as_bytes())?;
        writeln!(
            output.stdout,
            "Imported {} record{} into {}:",
            planned.len(),
            if planned.len() == 1 { "" } else { "s" },
            crate::visible::path(plan_path)
        )?;
    }
    for planned in &planned {
        writeln!(output.stdout)?;
        for line in planned.record.lines(planned.parent) {
            writeln!(output.stdout, "  {}", crate::visible::visible(&line))?;
        }
    }
    Ok(Outcome::Success)
}

/// The plan's text with every planned record after its parent, records of
/// one parent in the order planned, a blank line between them.
fn insert_all(file: &PlanFile, text: &str, planned: &[&Planned]) -> anyhow::Result<String> {
    let mut by_parent: Vec<(Extent, Vec<String>)> = Vec::new();
    for planned in planned {
        let extent = extent_of(file, planned.parent, &planned.subject).ok_or_else(|| {
            anyhow::anyhow!(
                "internal check failed: {} `{}` is not in the plan; nothing was written",
                planned.parent.noun(),
                planned.subject
            )
        })?;
        if !extent.appendable {
            anyhow::bail!(
                "{} `{}` is written as an inline table, so records cannot follow it; nothing was imported\n\
                 help: give it its own [[{}]] header (docs/plan-format.md)",
                planned.parent.noun(),
                planned.subject,
                planned.parent.section()
            );
        }
        let lines = planned.record.lines(planned.parent);
        match by_parent.iter_mut().find(|(known, _)| *known == extent) {
            Some((_, all)) => {
                all.push(String::new());
                all.extend(lines);
            }
            None => by_parent.push((extent, lines)),
        }
    }
    let mut insertions: Vec<Insertion> = by_parent
        .iter()
        .map(|(extent, lines)| record_entry::insertion_after(text, *extent, lines))
        .collect();
    // From the end of the file back, so that each offset still holds.
    insertions.sort_by_key(|insertion| std::cmp::Reverse(insertion.offset));
    let mut changed = text.to_owned();
    for insertion in &insertions {
        changed = insertion.apply(&changed);
    }
    Ok(changed)
}

fn extent_of(file: &PlanFile, parent: Parent, id: &str) -> Option<Extent> {
    match parent {
        Parent::Task => file
            .tasks
            .iter()
            .find(|task| task.id.get_ref() == id)
            .map(|task| task.extent),
        Parent::Target => file
            .targets
            .iter()
            .find(|target| target.id.get_ref() == id)
            .map(|target| target.extent),
        Parent::Reporting => file
            .reporting
            .iter()
            .find(|duty| {
                duty.id
                    .as_ref()
                    .is_some_and(|duty_id| duty_id.get_ref() == id)
            })
            .map(|duty| duty.extent),
    }
}
