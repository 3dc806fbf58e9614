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

use crate::commands::plan_change;
use crate::commands::validate::print_diagnostics;
use crate::exit::Outcome;
use crate::output::Output;
use crate::plan::file::{Extent, PlanFile};
use crate::write::atomic_write;
use crate::write::import::{self, FormImport, Planned};
use crate::write::record_entry::{self, Insertion, Parent};

pub fn run(
    args: &crate::cli::ImportArgs,
    plan_path: &Path,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    // Read the forms before taking the lock: a bad file needs no lock.
    // `phieu/*.xlsx` as PowerShell passes it, unexpanded.
    let files = crate::cli::file_patterns::expanded(&args.files);
    let Some(forms) = read_forms(&files, plan_path, output)? else {
        return Ok(Outcome::Problems);
    };
    let opened = match plan_change::open(plan_path, args.dry_run, args.wait, "importing", output)? {
        Ok(opened) => opened,
        Err(outcome) => return Ok(outcome),
    };
    let (loaded, plan, today) = (&opened.loaded, &opened.plan, opened.today);
    let key = crate::form::seal::load(plan_path)?;

    let imports: Vec<FormImport> = forms
        .iter()
        .map(|filled| {
            import::plan(
                plan,
                &loaded.file,
                filled,
                today,
                args.received,
                key.as_ref(),
                args.unsealed,
            )
        })
        .collect();
    let mut imports = imports;
    twice(&mut imports);
    crate::write::figure_conflicts::find(plan, &mut imports);
    let problems: Vec<_> = imports.iter().flat_map(|form| &form.problems).collect();
    if !problems.is_empty() {
        output.when_cut_off = Outcome::Problems;
        for (place, problem) in &problems {
            tell(output, Some(&place.to_string()), problem)?;
        }
        let (count, plural) = (problems.len(), plural(problems.len()));
        let path = crate::words::visible::path(plan_path);
        let said = crate::say!(
            "lỗi: biểu mẫu có {count} lỗi; chưa nhập gì, {path} giữ nguyên",
            "error: {count} problem{plural} in the forms; nothing was imported and {path} is unchanged"
        );
        writeln!(output.stderr, "{said}")?;
        return Ok(Outcome::Problems);
    }
    let planned: Vec<&Planned> = imports.iter().flat_map(|form| &form.records).collect();
    let text = loaded.source.text().to_owned();
    let (changed, ranges) = insert_all(&loaded.file, &text, &planned)?;

    // The plan as it would be, checked whole.
    if !stays_valid(plan_path, &changed, &ranges, today, output)? {
        return Ok(Outcome::Problems);
    }

    say_what_each_form_adds(&imports, output)?;
    if planned.is_empty() {
        let path = crate::words::visible::path(plan_path);
        let said = crate::say!(
            "Không có gì để thêm vào {path}.",
            "Nothing to add to {path}."
        );
        writeln!(output.stdout, "{said}")?;
        return Ok(Outcome::Success);
    }
    if args.dry_run {
        let (count, plural) = (planned.len(), plural(planned.len()));
        let path = crate::words::visible::path(plan_path);
        let said = crate::say!(
            "Sẽ thêm {count} bản ghi vào {path} (chạy thử: chưa ghi gì):",
            "Would add {count} record{plural} to {path} (dry run: nothing written):"
        );
        writeln!(output.stdout, "{said}")?;
    } else {
        atomic_write::replace_file(&opened.real_path, changed.as_bytes())?;
        let (count, plural) = (planned.len(), plural(planned.len()));
        let path = crate::words::visible::path(plan_path);
        let said = crate::say!(
            "Đã nhập {count} bản ghi vào {path}:",
            "Imported {count} record{plural} into {path}:"
        );
        writeln!(output.stdout, "{said}")?;
    }
    for planned in &planned {
        writeln!(output.stdout)?;
        for line in planned.record.lines(planned.parent) {
            writeln!(output.stdout, "  {}", crate::words::visible::visible(&line))?;
        }
    }
    Ok(Outcome::Success)
}

/// One problem with a form, on the terminal: "error: place: message", then
/// its help. A form's text (a cell, a sheet's or file's name) comes from
/// outside: every control character is shown, never sent to the terminal.
fn tell(output: &mut Output, place: Option<&str>, problem: &str) -> std::io::Result<()> {
    let (message, help) = problem
        .split_once("\nhelp: ")
        .or_else(|| problem.split_once("\ngợi ý: "))
        .unwrap_or((problem, ""));
    let line = match place {
        Some(place) => crate::say!("lỗi: {place}: {message}", "error: {place}: {message}"),
        None => crate::say!("lỗi: {message}", "error: {message}"),
    };
    writeln!(output.stderr, "{}", crate::words::visible::visible(&line))?;
    if !help.is_empty() {
        let help = crate::words::visible::visible(help);
        let said = crate::say!("  gợi ý: {help}", "  help: {help}");
        writeln!(output.stderr, "{said}")?;
    }
    Ok(())
}

/// The English plural ending of a count.
fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Every form named, read; `None` (after naming each) when any cannot be.
fn read_forms(
    files: &[std::path::PathBuf],
    plan_path: &Path,
    output: &mut Output,
) -> anyhow::Result<Option<Vec<crate::form::read::Filled>>> {
    // Every file is read, and every one that cannot be is named.
    let plan_file = std::fs::canonicalize(plan_path).ok();
    let mut forms = Vec::new();
    let mut unreadable = Vec::new();
    for path in files {
        if plan_file.is_some() && std::fs::canonicalize(path).ok() == plan_file {
            let path = crate::words::visible::path(path);
            unreadable.push(crate::say!(
                "`{path}` là chính tệp kế hoạch, không phải biểu mẫu",
                "`{path}` is the plan itself, not a form"
            ));
            continue;
        }
        match crate::form::read::read(path) {
            Ok(filled) => forms.push(filled),
            Err(error) => unreadable.push(crate::words::speech::error_chain(&error)),
        }
    }
    if !unreadable.is_empty() {
        output.when_cut_off = Outcome::Problems;
        for problem in &unreadable {
            tell(output, None, problem)?;
        }
        let (count, plural) = (unreadable.len(), plural(unreadable.len()));
        let said = crate::say!(
            "lỗi: không đọc được {count} tệp; chưa nhập gì",
            "error: {count} file{plural} could not be read; nothing was imported"
        );
        writeln!(output.stderr, "{said}")?;
        return Ok(None);
    }
    Ok(Some(forms))
}

/// Whether the plan with the imported records is valid; if not, each
/// problem in an imported record is told against its row, any other against
/// the plan.
fn stays_valid(
    plan_path: &Path,
    changed: &str,
    ranges: &[Placed<'_>],
    today: chrono::NaiveDate,
    output: &mut Output,
) -> anyhow::Result<bool> {
    let mut after = crate::read::load::load_bytes(plan_path, changed.as_bytes().to_vec());
    let _ = crate::validate::validate(&mut after, today);
    if after.has_errors() {
        output.when_cut_off = Outcome::Problems;
        let (by_row, rest): (Vec<_>, Vec<_>) = after
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == crate::read::diagnostic::Severity::Error)
            .cloned()
            .partition(|diagnostic| row_of(diagnostic, changed, ranges).is_some());
        for diagnostic in &by_row {
            let place = row_of(diagnostic, changed, ranges).map(|planned| &planned.place);
            if let Some(place) = place {
                let message = &diagnostic.message;
                let problem = match &diagnostic.help {
                    Some(help) => {
                        crate::say!("{message}\ngợi ý: {help}", "{message}\nhelp: {help}")
                    }
                    None => message.clone(),
                };
                // The plan's check knows the record, not which of the
                // row's cells made it: the row is named, not its key's cell.
                let row = crate::form::read::Place {
                    column: None,
                    ..place.clone()
                };
                tell(output, Some(&row.to_string()), &problem)?;
            }
        }
        if !rest.is_empty() {
            after.diagnostics = rest;
            after.source = crate::read::source_file::SourceFile::new(
                {
                    let path = plan_path.display();
                    crate::say!(
                        "{path} (với các bản ghi được nhập)",
                        "{path} (with the imported records)"
                    )
                },
                changed.to_owned(),
            );
            print_diagnostics(&after, output)?;
        }
        let path = crate::words::visible::path(plan_path);
        let said = crate::say!(
            "lỗi: các bản ghi được nhập sẽ làm kế hoạch không hợp lệ; chưa nhập gì, {path} giữ nguyên",
            "error: the imported records would make the plan invalid; nothing was imported and {path} is unchanged"
        );
        writeln!(output.stderr, "{said}")?;
        return Ok(false);
    }
    Ok(true)
}

/// A line per form: what it adds, corrects, leaves as it was, and whether
/// it records the unit's report as sent.
fn say_what_each_form_adds(imports: &[FormImport], output: &mut Output) -> anyhow::Result<()> {
    for form in imports {
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
        let file = crate::words::visible::visible(&form.file);
        let about = crate::words::visible::visible(&form.about);
        if form.records.is_empty() && form.unchanged == 0 {
            let said = crate::say!(
                "{file} ({about}): chưa điền dòng nào",
                "{file} ({about}): no row is filled in"
            );
            writeln!(output.stdout, "{said}")?;
            continue;
        }
        let plural_added = plural(added);
        let mut said = crate::say!(
            "{file} ({about}): {added} bản ghi mới",
            "{file} ({about}): {added} new record{plural_added}"
        );
        if corrections > 0 {
            let plural = plural(corrections);
            let _ = write!(
                said,
                "{}",
                crate::say!(
                    ", {corrections} đính chính",
                    ", {corrections} correction{plural}"
                )
            );
        }
        if form.unchanged > 0 {
            let unchanged = form.unchanged;
            let _ = write!(
                said,
                "{}",
                crate::say!(", {unchanged} không đổi", ", {unchanged} unchanged")
            );
        }
        if filed > 0 {
            said.push_str(&crate::say!(
                "; báo cáo của đơn vị được ghi nhận là đã gửi",
                "; the unit's report is recorded as sent"
            ));
        }
        writeln!(output.stdout, "{said}")?;
    }
    Ok(())
}

/// The plan's text with every planned record after its parent, records of
/// one parent in the order planned, a blank line between them; and the
/// lines each record took in the new text (1-based, inclusive), so that a
/// problem found there can be told against the row it came from.
fn insert_all<'p>(
    file: &PlanFile,
    text: &str,
    planned: &[&'p Planned],
) -> anyhow::Result<(String, Vec<Placed<'p>>)> {
    // Per parent: its extent, the lines to insert, and where each record starts in them.
    let mut by_parent: Vec<ParentLines<'p>> = Vec::new();
    for planned in planned {
        let extent = extent_of(file, planned.parent, &planned.subject).ok_or_else(|| {
            let (noun, subject) = (planned.parent.noun(), &planned.subject);
            anyhow::anyhow!(crate::say!(
                "lỗi kiểm tra nội bộ: {noun} `{subject}` không có trong kế hoạch; chưa ghi gì",
                "internal check failed: {noun} `{subject}` is not in the plan; nothing was written"
            ))
        })?;
        if !extent.appendable {
            let (noun, subject, section) = (
                planned.parent.noun(),
                &planned.subject,
                planned.parent.section(),
            );
            anyhow::bail!(crate::say!(
                "{noun} `{subject}` được viết dạng bảng trên một dòng (inline table) nên không thể ghi bản ghi ngay sau; chưa nhập gì\n\
                 gợi ý: viết nó dưới tiêu đề [[{section}]] riêng (docs/plan-format.md)",
                "{noun} `{subject}` is written as an inline table, so records cannot follow it; nothing was imported\n\
                 help: give it its own [[{section}]] header (docs/plan-format.md)"
            ));
        }
        let lines = planned.record.lines(planned.parent);
        match by_parent.iter_mut().find(|(known, _, _)| *known == extent) {
            Some((_, all, records)) => {
                all.push(String::new());
                records.push((all.len(), planned));
                all.extend(lines);
            }
            None => by_parent.push((extent, lines, vec![(0, planned)])),
        }
    }
    let mut insertions: Vec<(Insertion, usize, Vec<Placed<'p>>)> = by_parent
        .iter()
        .map(|(extent, lines, records)| {
            let insertion = record_entry::insertion_after(text, *extent, lines);
            let spans = records
                .iter()
                .map(|(first, planned)| {
                    let length = planned.record.lines(planned.parent).len();
                    (*first, first + length - 1, *planned)
                })
                .collect();
            (insertion, lines.len(), spans)
        })
        .collect();
    insertions.sort_by_key(|(insertion, _, _)| insertion.offset);
    // Where each record lands: the insertion's line in the text as it was,
    // moved down by everything inserted above it.
    let mut ranges = Vec::new();
    let mut added_above = 0;
    for (insertion, _, spans) in &insertions {
        let line = text[..insertion.offset].matches('\n').count() + 1;
        let leading = insertion.text.len() - insertion.text.trim_start_matches(['\r', '\n']).len();
        let leading_lines = insertion.text[..leading].matches('\n').count();
        let at_end_without_newline =
            !text[..insertion.offset].ends_with('\n') && insertion.offset == text.len();
        let first_line = line + added_above + leading_lines - usize::from(at_end_without_newline);
        for (first, last, planned) in spans {
            ranges.push((first_line + first, first_line + last, *planned));
        }
        added_above += insertion.text.matches('\n').count();
    }
    // From the end of the file back, so that each offset still holds.
    let mut changed = text.to_owned();
    for (insertion, _, _) in insertions.iter().rev() {
        changed = insertion.apply(&changed);
    }
    Ok((changed, ranges))
}

/// Two files holding the same unit's form for the same period cannot both
/// be right: each is refused, naming the other.
fn twice(imports: &mut [FormImport]) {
    let whose: Vec<(usize, (String, String))> = imports
        .iter()
        .enumerate()
        .filter_map(|(at, form)| Some((at, form.whose.clone()?)))
        .collect();
    for (at, who) in &whose {
        let others: Vec<&str> = whose
            .iter()
            .filter(|(other, its)| other != at && its == who)
            .map(|(other, _)| imports[*other].file.as_str())
            .collect();
        if others.is_empty() {
            continue;
        }
        let others = others.join(", ");
        let form = &mut imports[*at];
        form.records.clear();
        form.problems.push((
            crate::form::read::Place::whole(&form.file),
            {
                let about = &form.about;
                crate::say!(
                    "{others} cũng là biểu mẫu của {about}\ngợi ý: chỉ nhập một tệp: tệp mới nhất đơn vị gửi",
                    "{others} is also the form of {about}\nhelp: import one of them: the latest the unit sent"
                )
            },
        ));
    }
}

/// A planned record and the lines it takes in the new text (1-based, inclusive).
type Placed<'p> = (usize, usize, &'p Planned);

/// A parent's extent, the lines to insert after it, and where each record
/// starts among them.
type ParentLines<'p> = (Extent, Vec<String>, Vec<(usize, &'p Planned)>);

/// The planned record whose lines hold where `diagnostic` points.
fn row_of<'p>(
    diagnostic: &crate::read::diagnostic::Diagnostic,
    text: &str,
    ranges: &[Placed<'p>],
) -> Option<&'p Planned> {
    let span = diagnostic.span.as_ref()?;
    let line = text.get(..span.start)?.matches('\n').count() + 1;
    ranges
        .iter()
        .find(|(first, last, _)| (*first..=*last).contains(&line))
        .map(|(_, _, planned)| *planned)
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
