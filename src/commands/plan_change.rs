//! What every command that changes the plan does around its change: find the
//! real file, refuse one that cannot be replaced safely, take the lock, read
//! and validate the plan (refusing one with errors), and check the plan as
//! it would be before it is written.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::commands::validate::print_diagnostics;
use crate::exit::Outcome;
use crate::output::Output;
use crate::plan::model::Plan;
use crate::read::diagnostic::Severity;
use crate::read::load::{self, LoadedPlan};
use crate::read::source_file::SourceFile;
use crate::validate;
use crate::write::atomic_write;
use crate::write::plan_lock::PlanLock;

/// The plan, read and valid, held under its lock (none for a dry run).
#[derive(Debug)]
pub struct Opened {
    /// The file itself, through any symlink: what is replaced.
    pub real_path: PathBuf,
    pub loaded: LoadedPlan,
    /// The plan it holds.
    pub plan: Plan,
    pub today: NaiveDate,
    _lock: Option<PlanLock>,
}

/// Opens the plan at `plan_path` to change it; `Err(outcome)` when it has
/// errors, which are printed with a word on `doing` ("recording").
pub fn open(
    plan_path: &Path,
    dry_run: bool,
    wait_seconds: u64,
    doing: &str,
    output: &mut Output,
) -> anyhow::Result<Result<Opened, Outcome>> {
    // Write through a symlink to the file it points at, and lock beside that
    // file, so two links to one plan share one lock.
    let real_path = std::fs::canonicalize(plan_path).map_err(|error| {
        let (path, error) = (plan_path.display(), crate::words::speech::io_error(&error));
        anyhow::anyhow!(crate::say!(
            "không đọc được kế hoạch `{path}`: {error}",
            "cannot read the plan `{path}`: {error}"
        ))
    })?;
    if !dry_run {
        refuse_unsafe_to_replace(&real_path, plan_path)?;
    }
    // A dry run writes nothing, so it need not wait for writers.
    let lock = if dry_run {
        None
    } else {
        let patience = std::time::Duration::from_secs(wait_seconds);
        let lock = PlanLock::acquire(&real_path, patience, &mut output.stderr)?;
        atomic_write::remove_leftovers(&real_path);
        Some(lock)
    };
    let mut loaded = load::load(&real_path)?;
    loaded.source = SourceFile::new(plan_path, loaded.source.text().to_owned());
    let today = crate::time::today::today(validate::time_zone_name(&loaded.file))?;
    let plan = validate::validate(&mut loaded, today);
    let Some(plan) = plan.filter(|_| !loaded.has_errors()) else {
        output.when_cut_off = Outcome::Problems;
        print_diagnostics(&loaded, output)?;
        let path = crate::words::visible::path(plan_path);
        let said = match crate::words::speech::speaking() {
            crate::words::language::Language::Vi => format!(
                "lỗi: {path} có lỗi; hãy sửa (xem `ddci validate`) trước khi {}. Chưa ghi gì.",
                doing_in_vietnamese(doing)
            ),
            crate::words::language::Language::En => format!(
                "error: {path} has errors; fix them (see `ddci validate`) before {doing}. Nothing was written."
            ),
        };
        writeln!(output.stderr, "{said}")?;
        return Ok(Err(Outcome::Problems));
    };
    Ok(Ok(Opened {
        real_path,
        loaded,
        plan,
        today,
        _lock: lock,
    }))
}

/// The plan as it would be with `changed` as its text, read and checked
/// whole; its errors, if any, are printed as those of the plan `with` the
/// change ("with the new record"), and `false` is returned.
pub fn changed_is_valid(
    plan_path: &Path,
    changed: &str,
    today: NaiveDate,
    with: &str,
    output: &mut Output,
) -> anyhow::Result<(bool, LoadedPlan)> {
    let mut after = load::load_bytes(plan_path, changed.as_bytes().to_vec());
    let _ = validate::validate(&mut after, today);
    if !after.has_errors() {
        return Ok((true, after));
    }
    after.source = SourceFile::new(
        format!("{} ({with})", plan_path.display()),
        changed.to_owned(),
    );
    after
        .diagnostics
        .retain(|diagnostic| diagnostic.severity == Severity::Error);
    print_diagnostics(&after, output)?;
    Ok((false, after))
}

/// The plan is replaced by a new file renamed over it. That would quietly
/// defeat a read-only plan, and split a hard-linked one in two.
fn refuse_unsafe_to_replace(real_path: &Path, shown: &Path) -> anyhow::Result<()> {
    let metadata = std::fs::metadata(real_path).map_err(|error| {
        let (path, error) = (shown.display(), crate::words::speech::io_error(&error));
        anyhow::anyhow!(crate::say!(
            "không đọc được kế hoạch `{path}`: {error}",
            "cannot read the plan `{path}`: {error}"
        ))
    })?;
    if !metadata.is_file() {
        let path = crate::words::visible::path(shown);
        anyhow::bail!(crate::say!(
            "`{path}` không phải một tệp thông thường; kế hoạch là một tệp .toml",
            "`{path}` is not a regular file; a plan is a .toml file"
        ));
    }
    if metadata.permissions().readonly() {
        let path = shown.display();
        anyhow::bail!(crate::say!(
            "`{path}` chỉ cho phép đọc; chưa ghi gì\ngợi ý: nếu cần ghi, hãy cho phép ghi tệp kế hoạch trước (chmod u+w)",
            "`{path}` is read-only; nothing was written\nhelp: if the record should be made, make the plan writable first (chmod u+w)"
        ));
    }
    if hard_links(&metadata) > 1 {
        let (path, links) = (shown.display(), hard_links(&metadata));
        anyhow::bail!(crate::say!(
            "`{path}` có {links} liên kết cứng (hard link); ghi vào sẽ tách chúng ra, nên chưa ghi gì\ngợi ý: ghi vào kế hoạch chỉ có một tên (sao chép nó, hoặc dùng liên kết mềm)",
            "`{path}` has {links} hard links; writing it would split them apart, so nothing was written\nhelp: record in a plan with one name (copy it, or use a symlink)"
        ));
    }
    Ok(())
}

#[cfg(unix)]
fn hard_links(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn hard_links(_metadata: &std::fs::Metadata) -> u64 {
    1
}

/// What a command was about to do, in Vietnamese, from the English word its
/// caller gives ("recording").
fn doing_in_vietnamese(doing: &str) -> &str {
    match doing {
        "recording" => "ghi bản ghi",
        "importing" => "nhập biểu mẫu",
        "entering a result" => "nhập kết quả",
        other => other,
    }
}
