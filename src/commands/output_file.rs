//! Where a command's rendered output goes: standard output, or a file
//! (`-o FILE`, `-o -` for standard output) written atomically and never over
//! the plan or its lock.

use std::io::Write;
use std::path::Path;

use crate::output::Output;
use crate::write::atomic_write;

/// Writes `rendered` to `to`, or to standard output; `what` ("report",
/// "calendar") names it in messages.
pub fn deliver(
    rendered: &str,
    to: Option<&Path>,
    plan: &Path,
    what: &str,
    output: &mut Output,
) -> anyhow::Result<()> {
    deliver_bytes(rendered.as_bytes(), to, plan, what, output)
}

/// As `deliver`, for output that is bytes (a Word document) rather than text.
pub fn deliver_bytes(
    rendered: &[u8],
    to: Option<&Path>,
    plan: &Path,
    what: &str,
    output: &mut Output,
) -> anyhow::Result<()> {
    guard(to, plan, what)?;
    refuse_text_over_a_workbook(rendered, to, what)?;
    write_out(rendered, to, output)
}

/// Text (a calendar, a table) is not written over a Word or Excel file,
/// whoever made it: `calendar -o budget.xlsx` would turn a workbook into text.
fn refuse_text_over_a_workbook(
    rendered: &[u8],
    to: Option<&Path>,
    what: &str,
) -> anyhow::Result<()> {
    let Some(path) = to.filter(|path| *path != Path::new("-")) else {
        return Ok(());
    };
    let text = !rendered.starts_with(b"PK\x03\x04");
    let over_a_workbook = office_file(path).is_some_and(|file| file != OfficeFile::DdciWord);
    if text && over_a_workbook {
        let shown = crate::words::visible::path(path);
        let vi = in_vietnamese(what);
        anyhow::bail!(crate::say!(
            "`{shown}` là một tệp Word hoặc Excel; {vi} dạng văn bản không ghi đè lên nó\ngợi ý: ghi ra tệp có đuôi hợp với định dạng, ví dụ `-o lich.csv`",
            "`{shown}` is a Word or Excel file; the {what}, as text, is not written over it\nhelp: write to a file named for the format, e.g. `-o lich.csv`"
        ));
    }
    Ok(())
}

/// Refuses an `-o` that is the plan, its lock (or any file named as a
/// lock), or a folder, before anything is made,
/// so that the refusal says why (not that `.toml` is no format ddci writes).
pub fn guard(to: Option<&Path>, plan: &Path, what: &str) -> anyhow::Result<()> {
    match to.filter(|path| *path != Path::new("-")) {
        Some(path) => refuse_to_overwrite_the_plan(path, plan, what),
        None => Ok(()),
    }
}

/// Writes `rendered` atomically to the file `to`, saying so on standard
/// error, or to standard output (no file, or `-o -`). What may not be
/// written over is the caller's to check first.
pub fn write_out(rendered: &[u8], to: Option<&Path>, output: &mut Output) -> anyhow::Result<()> {
    match to {
        Some(path) if path != Path::new("-") => {
            atomic_write::write_file(path, rendered).map_err(|error| cannot_write(path, &error))?;
            let path = crate::words::visible::path(path);
            writeln!(
                output.stderr,
                "{}",
                crate::say!("đã ghi {path}", "wrote {path}")
            )?;
        }
        // `-o -` is standard output, as for most tools.
        _ => output.stdout.write_all(rendered)?,
    }
    Ok(())
}

/// Output written over the plan would destroy it: refused for a folder, a
/// lock's name, the plan itself or its lock.
fn refuse_to_overwrite_the_plan(output: &Path, plan: &Path, what: &str) -> anyhow::Result<()> {
    refuse_what_no_output_may_be(output, what)?;
    refuse_to_overwrite_the_plan_file(output, plan, what)?;
    refuse_what_is_someone_s(output, what)
}

/// What no `-o` of any command may be, whatever the plan: a folder, or a
/// file named as a plan's lock (whether or not the lock is there now:
/// written, it would be taken for one, or replace one made meanwhile).
pub fn refuse_what_no_output_may_be(output: &Path, what: &str) -> anyhow::Result<()> {
    if output.is_dir() {
        let path = crate::words::visible::path(output);
        let inside = crate::words::visible::path(&output.join("bao-cao.docx"));
        let vi = in_vietnamese(what);
        anyhow::bail!(crate::say!(
            "`{path}` là một thư mục; {vi} chưa được ghi\ngợi ý: đặt tên một tệp trong thư mục, ví dụ `-o {inside}`",
            "`{path}` is a folder; the {what} was not written\nhelp: name a file in it, e.g. `-o {inside}`"
        ));
    }
    let lock_name = output
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with('.') && name.ends_with(".ddci-lock"));
    if lock_name {
        let path = crate::words::visible::path(output);
        let vi = in_vietnamese(what);
        anyhow::bail!(crate::say!(
            "`{path}` mang tên tệp khóa của kế hoạch; {vi} chưa được ghi\ngợi ý: chọn tệp khác, ví dụ `-o bao-cao.md`",
            "`{path}` is named as a plan's lock file; the {what} was not written\nhelp: choose another file, e.g. `-o bao-cao.md`"
        ));
    }
    Ok(())
}

/// Files that are not ddci's to replace, whatever the command: what lies in
/// `.ddci/` (the form key, the lock), any `.toml` (a plan, this one or
/// another), and a Word or Excel file saved by another program (a draft the
/// office edited, a form a unit filled in): ddci's own output is replaced,
/// someone's work never is.
pub fn refuse_what_is_someone_s(output: &Path, what: &str) -> anyhow::Result<()> {
    let path = crate::words::visible::path(output);
    let vi = in_vietnamese(what);
    // By name, and where it leads (a link to the key is the key).
    let resolved = std::fs::canonicalize(output).ok().or_else(|| {
        let parent = output
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())?;
        Some(
            std::fs::canonicalize(parent)
                .ok()?
                .join(output.file_name()?),
        )
    });
    // A link that leads nowhere yet leads where it names.
    let linked = std::fs::read_link(output).ok().map(|target| {
        output
            .parent()
            .map_or_else(|| target.clone(), |parent| parent.join(&target))
    });
    let inside_own_folder = std::iter::once(output.to_path_buf())
        .chain(resolved)
        .chain(linked)
        .any(|path| {
            path.components()
                .any(|part| part.as_os_str() == crate::write::own_folder::FOLDER)
        });
    if inside_own_folder {
        anyhow::bail!(crate::say!(
            "`{path}` nằm trong thư mục `.ddci` của ddci (khóa niêm phong biểu mẫu, tệp khóa); {vi} chưa được ghi\ngợi ý: chọn tệp ở chỗ khác",
            "`{path}` is inside ddci's own `.ddci` folder (the form key, the lock); the {what} was not written\nhelp: choose a file elsewhere"
        ));
    }
    if !output.exists() {
        return Ok(());
    }
    // A plan by its name, or by what it holds (read as a plan is read:
    // an ordinary file of a plan's size, followed through links).
    let is_toml = output
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("toml"));
    let holds_a_plan = || {
        crate::read::ordinary_file::read(output, crate::read::load::MOST_BYTES)
            .is_ok_and(|bytes| crate::rollup::paths::names_a_plan_table(&bytes))
    };
    if is_toml || holds_a_plan() {
        anyhow::bail!(crate::say!(
            "`{path}` là một kế hoạch (hoặc một tệp .toml có sẵn); {vi} chưa được ghi\ngợi ý: chọn tệp khác, ví dụ `-o bao-cao.md`",
            "`{path}` is a plan (or an existing .toml file); the {what} was not written\nhelp: choose another file, e.g. `-o bao-cao.md`"
        ));
    }
    if let Some(work) = someone_s_work(output) {
        let why = match work {
            Work::Form => crate::say!("phiếu báo cáo của một đơn vị", "a unit's report form"),
            Work::SavedBy(program) => {
                let program = crate::words::visible::one_line(&program);
                crate::say!(
                    "đã được lưu bằng {program}, có thể là bản đã sửa",
                    "saved by {program}, perhaps an edited draft"
                )
            }
        };
        anyhow::bail!(crate::say!(
            "`{path}` là {why}; ddci không ghi đè lên; {vi} chưa được ghi\ngợi ý: ghi ra tên khác, hoặc chuyển tệp đó sang chỗ khác trước",
            "`{path}` is {why}; ddci does not write over it; the {what} was not written\nhelp: write to another name, or move that file aside first"
        ));
    }
    Ok(())
}

/// Someone's work in a Word or Excel file.
enum Work {
    /// A ddci form (filled in or not): the office's copy of what a unit sent.
    Form,
    /// Saved by a program other than ddci.
    SavedBy(String),
}

/// What a zip file already at an `-o` path is, as far as ddci cares.
#[derive(Debug, PartialEq, Eq)]
enum OfficeFile {
    /// A ddci form (its identity sheet).
    Form,
    /// A Word file as ddci writes it: its app.xml names no application.
    DdciWord,
    /// A document saved by the program its app.xml names (or a Word file
    /// with no app.xml, which ddci's always have).
    Saved(String),
    /// A workbook, with the application it names ("Microsoft Excel" for
    /// ddci's and Excel's alike).
    Workbook(String),
    /// Any other zip.
    Other,
}

/// Whether a file is someone's work: a ddci form, a Word file saved by
/// another program, or a workbook saved by one that says so (ddci's
/// workbooks, like Excel's, say "Microsoft Excel").
fn someone_s_work(path: &Path) -> Option<Work> {
    match office_file(path)? {
        OfficeFile::Form => Some(Work::Form),
        OfficeFile::Saved(program) => Some(Work::SavedBy(program)),
        OfficeFile::Workbook(program) if !program.is_empty() && program != "Microsoft Excel" => {
            Some(Work::SavedBy(program))
        }
        OfficeFile::DdciWord | OfficeFile::Workbook(_) | OfficeFile::Other => None,
    }
}

/// The zip file at `path`, read once: `None` when there is none (or it is
/// no ordinary file, or no zip).
fn office_file(path: &Path) -> Option<OfficeFile> {
    let bytes = crate::read::ordinary_file::read(path, 64 * 1024 * 1024).ok()?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut part = |name: &str| -> Option<String> {
        let part = archive.by_name(name).ok()?;
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut std::io::Read::take(part, 4 * 1024 * 1024), &mut xml)
            .ok()?;
        Some(xml)
    };
    let identity = format!("name=\"{}\"", crate::form::columns::IDENTITY_SHEET);
    let workbook = part("xl/workbook.xml");
    if workbook
        .as_deref()
        .is_some_and(|workbook| workbook.contains(&identity))
    {
        return Some(OfficeFile::Form);
    }
    let is_word = part("word/document.xml").is_some();
    let program = part("docProps/app.xml").map(|app| application(&app).unwrap_or_default());
    Some(match (is_word, workbook.is_some(), program) {
        (true, _, Some(program)) if program.is_empty() => OfficeFile::DdciWord,
        // ddci's Word files carry an app.xml; a Word file without is another's.
        (true, _, None) => {
            OfficeFile::Saved(crate::say!("một chương trình khác", "another program"))
        }
        (false, true, program) => OfficeFile::Workbook(program.unwrap_or_default()),
        (_, _, Some(program)) if !program.is_empty() => OfficeFile::Saved(program),
        _ => OfficeFile::Other,
    })
}

/// The `<Application>` (or `<ep:Application>`) an app.xml names.
fn application(app: &str) -> Option<String> {
    let open = app.find("Application>")? + "Application>".len();
    let close = open + app[open..].find("</")?;
    Some(app[open..close].trim().to_owned())
}

/// The test is on the file itself (device and inode), not its name, so
/// `./p.toml`, a symlink or a hard link to the plan are caught as well.
fn refuse_to_overwrite_the_plan_file(output: &Path, plan: &Path, what: &str) -> anyhow::Result<()> {
    if std::fs::metadata(output).is_err() || std::fs::metadata(plan).is_err() {
        return Ok(());
    }
    // The lock beside the plan, replaced, would let two writers in at once.
    let lock = std::fs::canonicalize(plan)
        .ok()
        .map(|real| crate::write::plan_lock::lock_path(&real));
    if lock.is_some_and(|lock| same_file(output, &lock)) {
        let path = output.display();
        let vi = in_vietnamese(what);
        anyhow::bail!(crate::say!(
            "`{path}` là tệp khóa của kế hoạch; {vi} chưa được ghi\ngợi ý: chọn tệp khác, ví dụ `-o bao-cao.md`",
            "`{path}` is the plan's lock file; the {what} was not written\nhelp: choose another file, e.g. `-o bao-cao.md`"
        ));
    }
    if same_file(output, plan) {
        let path = output.display();
        let vi = in_vietnamese(what);
        anyhow::bail!(crate::say!(
            "`{path}` chính là tệp kế hoạch; {vi} chưa được ghi\ngợi ý: chọn tệp khác, ví dụ `-o bao-cao.md`, hoặc `-o -` để in ra màn hình",
            "`{path}` is the plan itself; the {what} was not written\nhelp: choose another file, e.g. `-o bao-cao.md`, or `-o -` for standard output"
        ));
    }
    Ok(())
}

/// Whether two paths are one file: its device and inode on Unix (a hard
/// link is caught); elsewhere the paths with every link resolved.
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// "cannot write `PATH`: why", in the language spoken.
pub fn cannot_write(path: &Path, error: &anyhow::Error) -> anyhow::Error {
    let (path, why) = (path.display(), crate::words::speech::error_chain(error));
    anyhow::anyhow!(crate::say!(
        "không ghi được `{path}`: {why}",
        "cannot write `{path}`: {why}"
    ))
}

/// What was not written, in Vietnamese, from the English its caller names it by.
fn in_vietnamese(what: &str) -> &str {
    match what {
        "report" => "báo cáo",
        "calendar" => "lịch",
        "roll-up" => "bảng tổng hợp",
        "form" => "biểu mẫu",
        other => other,
    }
}
