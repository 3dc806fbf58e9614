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

use crate::cli::RecordArgs;
use crate::commands::plan_change;
use crate::exit::Outcome;
use crate::output::Output;
use crate::plan::date::PlanDate;
use crate::plan::file::{Extent, PlanFile};
use crate::read::load::{self, LoadedPlan};
use crate::validate;
use crate::words::suggest;
use crate::write::atomic_write;
use crate::write::record_entry::{self, NewRecord, Parent};

pub fn run(args: &RecordArgs, plan_path: &Path, output: &mut Output) -> anyhow::Result<Outcome> {
    let opened = match plan_change::open(plan_path, args.dry_run, args.wait, "recording", output)? {
        Ok(opened) => opened,
        Err(outcome) => return Ok(outcome),
    };
    let (real_path, mut loaded, today) = (opened.real_path.clone(), opened.loaded, opened.today);
    let args = &composed(args);
    let Some((parent, extent)) = find_subject(&loaded.file, &args.id) else {
        // A wrong id on the command line is a usage error, as in every command.
        return Err(unknown_subject(&loaded.file, &args.id));
    };

    let what = parent.noun();
    if !extent.appendable {
        return not_appendable(parent, &args.id, output);
    }

    let record = new_record(args, today);
    let lines = record.lines(parent);
    let text = loaded.source.text();
    let insertion = record_entry::insertion_after(text, extent, &lines);
    let changed_text = insertion.apply(text);
    let first_line = text[..insertion.offset].matches('\n').count() + 1;
    let block_start = first_line + usize::from(insertion.text.starts_with(['\n', '\r']));
    let block_end = block_start + lines.len() - 1;

    let placed = placed_record(&insertion, parent, &loaded)?;
    let valid = record_is_valid(
        plan_path,
        &changed_text,
        today,
        &mut loaded,
        &args.id,
        placed,
        output,
    )?;
    if !valid {
        // The plan was valid: what is wrong is what the command line
        // asked to record, a usage error (exit 2) like an unknown id.
        output.when_cut_off = Outcome::Failure;
        let said = crate::say!(
            "lỗi: bản ghi không được nhận. Chưa ghi gì.",
            "error: the record was refused. Nothing was written."
        );
        writeln!(output.stderr, "{said}")?;
        return Ok(Outcome::Failure);
    }

    let path = crate::words::visible::path(plan_path);
    let id = crate::words::visible::visible(&args.id);
    if args.dry_run {
        let said = crate::say!(
            "Sẽ thêm vào {path}, dòng {block_start}–{block_end}, cho {what} {id} (chạy thử: chưa ghi gì):",
            "Would add to {path}, lines {block_start}–{block_end}, for {what} {id} (dry run: nothing written):"
        );
        writeln!(output.stdout, "{said}")?;
    } else {
        atomic_write::replace_file(&real_path, changed_text.as_bytes())?;
        let said = crate::say!(
            "Đã ghi vào {path}, dòng {block_start}–{block_end}, cho {what} {id}:",
            "Recorded in {path}, lines {block_start}–{block_end}, for {what} {id}:"
        );
        writeln!(output.stdout, "{said}")?;
    }
    for line in &lines {
        writeln!(output.stdout, "  {}", crate::words::visible::visible(line))?;
    }
    // "Done" on continuing work is this round carried out: the task goes on.
    let continuing = loaded.file.tasks.iter().any(|task| {
        task.id.get_ref() == &args.id
            && *task.schedule.get_ref().kind.get_ref() != crate::plan::file::ScheduleKind::Due
    });
    if continuing && args.status == Some(crate::plan::file::Progress::Done) {
        let said = crate::say!(
            "lưu ý: {id} là nhiệm vụ thường xuyên: “hoàn thành” được ghi là “Đã thực hiện” lần này; nhiệm vụ vẫn “Đang thực hiện”",
            "note: {id} is continuing work: “done” records it as carried out (“Đã thực hiện”) this time; the task stays “Đang thực hiện”"
        );
        writeln!(output.stdout, "{said}")?;
    }
    Ok(Outcome::Success)
}

/// A task or target written as an inline table, or with its records in an
/// inline array, cannot be followed by a `[[…records]]` table.
fn not_appendable(parent: Parent, id: &str, output: &mut Output) -> anyhow::Result<Outcome> {
    output.when_cut_off = Outcome::Problems;
    let (noun, section) = (parent.noun(), parent.section());
    let said = crate::say!(
        "lỗi: {noun} `{id}` được viết dạng bảng trên một dòng (inline table) hoặc ghi các bản ghi trong một mảng trên một dòng, \
         nên không thể thêm bảng [[…records]] ngay sau. Chưa ghi gì.\n\
         gợi ý: viết nó dưới tiêu đề [[{section}]] riêng và mỗi bản ghi thành một bảng [[{section}.records]] (docs/plan-format.md)",
        "error: {noun} `{id}` is written as an inline table or keeps its records in an inline array, \
         so a [[…records]] table cannot follow it. Nothing was written.\n\
         help: give it its own [[{section}]] header and write each record as [[{section}.records]] (docs/plan-format.md)"
    );
    writeln!(output.stderr, "{said}")?;
    Ok(Outcome::Problems)
}

/// The new lines read on their own, placed where they go in the file.
fn placed_record(
    insertion: &record_entry::Insertion,
    parent: Parent,
    loaded: &LoadedPlan,
) -> anyhow::Result<crate::plan::file::Record> {
    Ok(load::parse_record_snippet(&insertion.text, parent.section())
        .map_err(|error| {
            anyhow::anyhow!(crate::say!(
                "lỗi kiểm tra nội bộ: các dòng mới không đọc lại được ({error}); chưa ghi gì",
                "internal check failed: the new lines do not read back ({error}); nothing was written"
            ))
        })?
        .shifted(insertion.offset - loaded.source.bom_len()))
}

/// Checks the plan as it would be, so that `ddci validate` passes after any
/// sequence of successful records. The record joins the plan already in
/// memory, where every rule runs again: a second parse of a large plan
/// would cost as much as the first. Warnings it brings are shown; an error
/// refuses it.
fn record_is_valid(
    plan_path: &Path,
    changed_text: &str,
    today: NaiveDate,
    loaded: &mut LoadedPlan,
    id: &str,
    placed: crate::plan::file::Record,
    output: &mut Output,
) -> anyhow::Result<bool> {
    let before: Vec<(&'static str, String)> = loaded
        .diagnostics
        .iter()
        .map(|diagnostic| (diagnostic.code, diagnostic.message.clone()))
        .collect();
    add_record(&mut loaded.file, id, placed);
    loaded.diagnostics.clear();
    let _ = validate::validate(loaded, today);
    let news = loaded
        .diagnostics
        .iter()
        .any(|diagnostic| !before.contains(&(diagnostic.code, diagnostic.message.clone())));
    if !news {
        return Ok(true);
    }
    // Only when there is something to say: read the changed plan whole, so
    // that every message points at the right line.
    let (valid, changed) = plan_change::changed_is_valid(
        plan_path,
        changed_text,
        today,
        &crate::say!("với bản ghi mới", "with the new record"),
        output,
    )?;
    if valid {
        print_new_warnings(&before, &changed, output)?;
    }
    Ok(valid)
}

/// The task or target called `id`: which array it is in, and where it is.
fn find_subject(file: &PlanFile, id: &str) -> Option<(Parent, Extent)> {
    if let Some(task) = file.tasks.iter().find(|task| task.id.get_ref() == id) {
        return Some((Parent::Task, task.extent));
    }
    file.targets
        .iter()
        .find(|target| target.id.get_ref() == id)
        .map(|target| (Parent::Target, target.extent))
        .or_else(|| {
            file.reporting
                .iter()
                .find(|duty| {
                    duty.id
                        .as_ref()
                        .is_some_and(|duty_id| duty_id.get_ref() == id)
                })
                .map(|duty| (Parent::Reporting, duty.extent))
        })
}

/// No task, target or duty has `id`: say so, with the nearest id.
fn unknown_subject(file: &PlanFile, id: &str) -> anyhow::Error {
    let ids = file
        .tasks
        .iter()
        .map(|task| task.id.get_ref().as_str())
        .chain(
            file.targets
                .iter()
                .map(|target| target.id.get_ref().as_str()),
        )
        .chain(
            file.reporting
                .iter()
                .filter_map(|duty| Some(duty.id.as_ref()?.get_ref().as_str())),
        );
    let help = suggest::did_you_mean(id, ids).map_or_else(
        || {
            crate::say!(
                "`ddci list tasks` và `ddci list targets` liệt kê các mã",
                "`ddci list tasks` and `ddci list targets` show the ids"
            )
        },
        |suggestion| {
            crate::say!(
                "{suggestion} (`ddci list` liệt kê mọi mã)",
                "{suggestion} (`ddci list` shows every id)"
            )
        },
    );
    anyhow::anyhow!(crate::say!(
        "không có nhiệm vụ, chỉ tiêu hay nhiệm vụ báo cáo nào có mã `{id}`. Chưa ghi gì.\ngợi ý: {help}",
        "no task, target or reporting duty has the id `{id}`. Nothing was written.\nhelp: {help}"
    ))
}

fn new_record(args: &RecordArgs, today: NaiveDate) -> NewRecord {
    NewRecord {
        id: args.record_id.clone(),
        date: Some(PlanDate(args.date.unwrap_or(today))),
        status: args.status,
        value: args.value,
        of: args.of,
        note: args.note.clone(),
        by: args.by.clone(),
        evidence: args.evidence.clone(),
        corrects: args.corrects.clone(),
        verdict: args.verdict,
        shortcoming: args.shortcoming.clone(),
        cause: args.cause.clone(),
        proposal: args.proposal.clone(),
        period: args.period.clone(),
    }
}

/// The arguments with every id in the composed form (NFC) the plan's ids
/// are kept in: some Vietnamese keyboards send decomposed letters.
fn composed(args: &RecordArgs) -> RecordArgs {
    let compose = |text: &Option<String>| text.as_deref().map(crate::settings::composed);
    RecordArgs {
        id: crate::settings::composed(&args.id),
        by: compose(&args.by),
        corrects: compose(&args.corrects),
        record_id: compose(&args.record_id),
        note: args.note.clone(),
        evidence: args.evidence.clone(),
        shortcoming: args.shortcoming.clone(),
        cause: args.cause.clone(),
        proposal: args.proposal.clone(),
        period: args.period.clone(),
        ..*args
    }
}

/// Warnings the new record brings (a date outside the plan's year, say) are
/// shown, but do not stop it.
fn print_new_warnings(
    before: &[(&'static str, String)],
    after: &LoadedPlan,
    output: &mut Output,
) -> anyhow::Result<()> {
    let renderer = if output.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for diagnostic in &after.diagnostics {
        if !before.contains(&(diagnostic.code, diagnostic.message.clone())) {
            writeln!(
                output.stderr,
                "{}\n",
                diagnostic.render(&after.source, &renderer)
            )?;
        }
    }
    Ok(())
}

/// Puts a record under the task or target called `id`.
fn add_record(file: &mut PlanFile, id: &str, record: crate::plan::file::Record) {
    if let Some(task) = file.tasks.iter_mut().find(|task| task.id.get_ref() == id) {
        task.records.push(record);
    } else if let Some(target) = file
        .targets
        .iter_mut()
        .find(|target| target.id.get_ref() == id)
    {
        target.records.push(record);
    } else if let Some(duty) = file.reporting.iter_mut().find(|duty| {
        duty.id
            .as_ref()
            .is_some_and(|duty_id| duty_id.get_ref() == id)
    }) {
        duty.records.push(record);
    }
}
