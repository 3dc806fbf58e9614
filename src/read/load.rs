//! Reading a plan file: bytes → text → TOML → the serde types in
//! `plan::file`, turning every problem on the way into a [`Diagnostic`] with a
//! place in the file. Each entry (a unit, a task, a record …) is read on its own,
//! so one bad entry does not hide the problems in the others.

use std::path::Path;

use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::plan::file::{PlanFile, Record};
use crate::read::diagnostic::Diagnostic;
use crate::read::source_file::SourceFile;

pub use super::load_pieces::parse_in_pieces;
use super::loader::Loader;
use super::serde_words::{first_line, toml_words};

pub use super::key_paths::SECTIONS;

/// A plan file read from disk, with everything the loader had to say about it.
#[derive(Debug)]
pub struct LoadedPlan {
    pub source: SourceFile,
    pub file: PlanFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedPlan {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == crate::read::diagnostic::Severity::Error)
    }
}

/// Reads and parses the plan at `path`. Only I/O failures are `Err`; anything
/// wrong with the contents comes back as diagnostics.
pub fn load(path: &Path) -> anyhow::Result<LoadedPlan> {
    Ok(load_bytes(path, read(path)?))
}

/// A plan file's bytes: a regular file of at most [`MOST_BYTES`].
pub fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    use crate::read::ordinary_file::{self, Unread};
    let shown = path.display();
    // Only an ordinary file is a plan: `/dev/zero` would never end, a FIFO
    // or `/proc/kmsg` could wait for ever.
    match ordinary_file::read(path, MOST_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(Unread::Io(error)) => Err(anyhow::Error::new(error).context(crate::say!(
            "không đọc được kế hoạch `{shown}`",
            "cannot read the plan `{shown}`"
        ))),
        Err(Unread::NotOrdinary) => anyhow::bail!(crate::say!(
            "`{shown}` không phải một tệp thông thường; kế hoạch là một tệp .toml",
            "`{shown}` is not a regular file; a plan is a .toml file"
        )),
        Err(Unread::TooLarge(size)) => {
            let (size, most) = (size / 1_000_000, MOST_BYTES / 1_000_000);
            anyhow::bail!(crate::say!(
                "`{shown}` có dung lượng {size} MB; ddci chỉ đọc kế hoạch tối đa {most} MB",
                "`{shown}` is {size} MB; ddci reads plans of at most {most} MB"
            ))
        }
    }
}

/// The largest plan ddci reads: more than a plan with a million records
/// (113 MB). Reading takes up to 16 times the file in memory (a million
/// tasks), so one plan can never ask for more than about 2 GB, and a
/// roll-up reading two at once for about 4 GB (see docs/performance.md).
pub const MOST_BYTES: u64 = 128_000_000;

/// Parses a plan from bytes already in memory (the file's `path` is only used
/// in messages).
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> LoadedPlan {
    match String::from_utf8(bytes) {
        Ok(text) => {
            let source = SourceFile::new(path, text);
            let (file, diagnostics) = parse(&source);
            LoadedPlan {
                source,
                file,
                diagnostics,
            }
        }
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let diagnostic = Diagnostic::error(
                "not-utf8",
                crate::say!(
                    "tệp không phải văn bản UTF-8",
                    "the file is not UTF-8 text"
                ),
            )
            .at(valid..valid + char::REPLACEMENT_CHARACTER.len_utf8())
            .label(crate::say!(
                "byte này không phải UTF-8",
                "this byte is not UTF-8"
            ))
            .help(crate::say!(
                "lưu kế hoạch ở dạng UTF-8 (trong hầu hết trình soạn thảo: “Save with encoding” → UTF-8)",
                "save the plan as UTF-8 (in most editors: “Save with encoding” → UTF-8)"
            ));
            LoadedPlan {
                source: SourceFile::new(path, text),
                file: PlanFile::default(),
                diagnostics: vec![diagnostic],
            }
        }
    }
}

/// Reads one record from the TOML that `ddci record` is about to insert
/// (`[[tasks.records]]` or `[[targets.records]]` and its keys), with spans
/// counted from the start of `text`.
pub fn parse_record_snippet(text: &str, section: &str) -> Result<Record, String> {
    let root = DeTable::parse(text).map_err(|error| error.to_string())?;
    let record = root
        .into_inner()
        .remove(section)
        // Alone, `[[tasks.records]]` makes `tasks` a table holding `records`.
        .and_then(|parent| match parent.into_inner() {
            DeValue::Table(mut table) => table.remove("records"),
            _ => None,
        })
        .and_then(|records| match records.into_inner() {
            DeValue::Array(array) => array.into_iter().next(),
            _ => None,
        })
        .ok_or_else(|| {
            crate::say!(
                "các dòng mới không có bảng [[{section}.records]]",
                "no [[{section}.records]] table in the new lines"
            )
        })?;
    serde::Deserialize::deserialize(ValueDeserializer::from(record))
        .map_err(|error: toml::de::Error| error.to_string())
}

/// Plans at least this large are read in pieces (`chunks.rs`), so that their
/// parsed form never has to exist all at once.
pub const PIECEWISE_FROM_BYTES: usize = 1 << 20;

/// Parses the text of a plan into its serde types, collecting every problem.
pub fn parse(source: &SourceFile) -> (PlanFile, Vec<Diagnostic>) {
    let large = source.content().len() >= PIECEWISE_FROM_BYTES;
    let pieces = if large { parse_in_pieces(source) } else { None };
    let (mut file, diagnostics) = pieces.unwrap_or_else(|| parse_whole(source));
    compose_ids(&mut file);
    (file, diagnostics)
}

/// Every id and reference in the composed form (NFC): "Đ" typed as "D" and a
/// combining stroke, as some Vietnamese keyboards send it, is the same id as
/// the precomposed "Đ". Spans are kept, so messages still point into the file.
fn compose_ids(file: &mut PlanFile) {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    fn compose(id: &mut crate::plan::file::Id) {
        let text = id.get_mut();
        if is_nfc_quick(text.chars()) != IsNormalized::Yes {
            *text = text.nfc().collect();
        }
    }
    fn compose_all<'a>(ids: impl IntoIterator<Item = &'a mut crate::plan::file::Id>) {
        ids.into_iter().for_each(compose);
    }
    fn compose_records(records: &mut [Record]) {
        for record in records {
            compose_all(
                record
                    .id
                    .iter_mut()
                    .chain(record.by.iter_mut())
                    .chain(record.corrects.iter_mut()),
            );
        }
    }
    for unit in &mut file.units {
        compose(&mut unit.id);
        compose_all(&mut unit.members);
    }
    for index in &mut file.indices {
        compose(&mut index.id);
    }
    for task in &mut file.tasks {
        compose(&mut task.id);
        compose(&mut task.index);
        compose_all(task.lead.get_mut());
        compose_all(&mut task.coordinating);
        compose_records(&mut task.records);
    }
    for target in &mut file.targets {
        compose(&mut target.id);
        compose_all(target.task.iter_mut().chain(target.index.iter_mut()));
        compose_records(&mut target.records);
    }
    for duty in &mut file.reporting {
        compose_all(
            duty.id
                .iter_mut()
                .chain(duty.from.get_mut().iter_mut())
                .chain(duty.to.iter_mut()),
        );
        compose_records(&mut duty.records);
    }
    for id in &mut file.unreadable_ids {
        if is_nfc_quick(id.chars()) != IsNormalized::Yes {
            *id = id.nfc().collect();
        }
    }
}

/// Reads the plan in one parse: always correct, and what gives exact syntax
/// errors. Public so tests can compare it with the piecewise reading.
pub fn parse_whole(source: &SourceFile) -> (PlanFile, Vec<Diagnostic>) {
    // First without keeping a copy of each entry to read again: every entry
    // of a valid plan reads at the first try. Should one not, the file is
    // read again, carefully, and every problem found.
    if let Some(read) = parse_whole_with(source, false) {
        return read;
    }
    parse_whole_with(source, true).unwrap_or_default()
}

fn parse_whole_with(source: &SourceFile, careful: bool) -> Option<(PlanFile, Vec<Diagnostic>)> {
    let content = source.content();
    let mut loader = Loader::new(source);
    loader.careful = careful;
    let (root, errors) = DeTable::parse_recoverable(content);
    if !errors.is_empty() {
        let mut lines_reported = std::collections::HashSet::new();
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            // The parser often reports one slip twice as it recovers; the first
            // error on a line is the one worth reading.
            let line = source.location(span.start + loader.offset).line;
            if !lines_reported.insert(line) {
                continue;
            }
            loader.diagnostics.push(
                Diagnostic::error("toml-syntax", toml_words(&first_line(error.message())))
                    .at(loader.shift(span))
                    .help(crate::say!(
                        "sửa lỗi cú pháp TOML ở đây; các bước kiểm tra khác sẽ chạy khi tệp đọc được",
                        "fix the TOML syntax here; the other checks run once the file parses"
                    )),
            );
        }
        return Some((PlanFile::default(), loader.diagnostics));
    }
    let mut file = PlanFile::default();
    for (key, value) in root.into_inner() {
        loader.absorb(&mut file, key, value);
        if loader.failed {
            return None;
        }
    }
    Some(loader.finish(file))
}
