//! Reading a plan file: bytes → text → TOML → the serde types in
//! `plan::file`, turning every problem on the way into a [`Diagnostic`] with a
//! place in the file. Each entry (a unit, a task, a record …) is read on its own,
//! so one bad entry does not hide the problems in the others.

use std::path::Path;

use anyhow::Context as _;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue, ValueDeserializer};

use crate::plan::file::{
    BasisDocument, ComponentIndex, Extent, PlanFile, PlanHeader, PublishedResult, RankOf, Record,
    ReportingDuty, Schedule, Scores, Signatory, Target, Task, Unit,
};
use crate::read::diagnostic::Diagnostic;
use crate::read::field_names;
use crate::read::plain_read::PlainEntry;
use crate::read::source_file::SourceFile;
use crate::words::suggest;

/// The top-level tables and arrays a plan may have.
pub const SECTIONS: &[&str] = &[
    "plan",
    "units",
    "indices",
    "tasks",
    "targets",
    "reporting",
    "results",
];

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
    use std::io::Read as _;
    let cannot = || format!("cannot read the plan `{}`", path.display());
    // Only a regular file is a plan: `/dev/zero` would never end and a FIFO
    // could wait forever.
    let metadata = std::fs::metadata(path).with_context(cannot)?;
    if !metadata.is_file() {
        anyhow::bail!(
            "`{}` is not a regular file; a plan is a .toml file",
            path.display()
        );
    }
    if metadata.len() > MOST_BYTES {
        anyhow::bail!(
            "`{}` is {} MB; ddci reads plans of at most {} MB",
            path.display(),
            metadata.len() / 1_000_000,
            MOST_BYTES / 1_000_000
        );
    }
    // Sized for the file at once (plus one byte, to see it end): grown as
    // it is read, the buffer would be copied three or four times.
    #[allow(clippy::cast_possible_truncation)] // at most MOST_BYTES
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    std::fs::File::open(path)
        .and_then(|file| file.take(MOST_BYTES + 1).read_to_end(&mut bytes))
        .with_context(cannot)?;
    if bytes.len() as u64 > MOST_BYTES {
        anyhow::bail!(
            "`{}` grew past {} MB while it was read",
            path.display(),
            MOST_BYTES / 1_000_000
        );
    }
    Ok(bytes)
}

/// The largest plan ddci reads: ten times a plan with a million records.
pub const MOST_BYTES: u64 = 1_000_000_000;

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
            let diagnostic = Diagnostic::error("not-utf8", "the file is not UTF-8 text")
                .at(valid..valid + char::REPLACEMENT_CHARACTER.len_utf8())
                .label("this byte is not UTF-8")
                .help("save the plan as UTF-8 (in most editors: “Save with encoding” → UTF-8)");
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
        .ok_or_else(|| format!("no [[{section}.records]] table in the new lines"))?;
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
                Diagnostic::error("toml-syntax", first_line(error.message()))
                    .at(loader.shift(span))
                    .help("fix the TOML syntax here; the other checks run once the file parses"),
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

/// Reads a large plan one top-level entry at a time. `None` when the plan is
/// not in a shape that can be read so, or has a problem best reported by
/// reading it whole; the caller then does.
pub fn parse_in_pieces(source: &SourceFile) -> Option<(PlanFile, Vec<Diagnostic>)> {
    let content = source.content();
    let pieces = crate::read::chunks::split(content)?;
    // What comes before the first header (comments, blank lines) must parse too.
    let preamble = DeTable::parse(&content[..pieces.first()?.range.start]).ok()?;
    if !preamble.get_ref().is_empty() {
        return None;
    }
    let mut loader = Loader::new(source);
    let mut file = PlanFile::default();
    let mut tables = std::collections::HashSet::new();
    let mut arrays: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // The entry the records that follow belong to, while there is one.
    let mut parent: Option<Parent> = None;
    for piece in pieces {
        let root = DeTable::parse(&content[piece.range.clone()])
            .ok()?
            .into_inner();
        if root.len() != 1 {
            return None;
        }
        let (key, value) = root.into_iter().next()?;
        if key.get_ref().as_ref() != piece.head {
            return None;
        }
        loader.chunk_start = piece.range.start;
        if piece.record {
            let parent = parent.as_mut().filter(|parent| {
                parent.head == piece.head
                    && !parent.inline_records
                    && matches!(piece.head.as_str(), "tasks" | "targets" | "reporting")
            })?;
            let record = lone_record(value)?;
            let path = [
                Seg::key(&piece.head),
                Seg::Index(parent.position),
                Seg::key("records"),
                Seg::Index(parent.records),
            ];
            parent.records += 1;
            let end = piece.range.start + content_end(&record);
            let extent = Extent {
                header_start: loader.offset + piece.range.start + record.span().start,
                content_end: loader.offset + end,
                appendable: false,
            };
            let read = crate::plan::spanned::with_span_offset(piece.range.start, || {
                Record::plain(&record)
                    .or_else(|| loader.read_entry::<Record>(record, &|| path.to_vec()))
            })
            .map(|record| Record { extent, ..record });
            if parent.readable {
                file.attach_record(&piece.head, read, loader.offset + end);
            }
            continue;
        }
        let well_formed = match (piece.array, value.get_ref()) {
            (true, DeValue::Array(array)) => array.len() == 1 && !tables.contains(&piece.head),
            (false, DeValue::Table(_)) => {
                !arrays.contains_key(&piece.head) && tables.insert(piece.head.clone())
            }
            _ => false,
        };
        if !well_formed {
            return None;
        }
        let position = arrays.entry(piece.head.clone()).or_default();
        loader.base_position = *position;
        // Records written inline in the entry and as tables after it would
        // clash; reading the plan whole says so properly.
        let inline_records = matches!(value.get_ref(), DeValue::Array(array)
            if matches!(array[0].get_ref(), DeValue::Table(table) if table.contains_key("records")));
        parent = piece.array.then(|| Parent {
            head: piece.head.clone(),
            position: *position,
            records: 0,
            readable: false,
            inline_records,
        });
        if piece.array {
            *position += 1;
        } else {
            arrays.remove(&piece.head);
        }
        let before = file.entries(&piece.head);
        crate::plan::spanned::with_span_offset(piece.range.start, || {
            loader.absorb(&mut file, key, value);
        });
        if let Some(parent) = &mut parent {
            parent.readable = file.entries(&piece.head) > before;
        }
    }
    loader.chunk_start = 0;
    loader.base_position = 0;
    Some(loader.finish(file))
}

/// The entry of an array of tables that the records after it belong to.
struct Parent {
    head: String,
    position: usize,
    /// How many of its records have been read.
    records: usize,
    /// Whether the entry itself could be read; a record of one that could not
    /// is checked but not kept, as when the plan is read whole.
    readable: bool,
    inline_records: bool,
}

/// The one record of a `[[tasks.records]]` piece, read alone: `tasks` holds a
/// table whose `records` holds one table.
fn lone_record(value: Spanned<DeValue<'_>>) -> Option<Spanned<DeValue<'_>>> {
    let DeValue::Table(mut table) = value.into_inner() else {
        return None;
    };
    if table.len() != 1 {
        return None;
    }
    let DeValue::Array(records) = table.remove("records")?.into_inner() else {
        return None;
    };
    let mut records = records.into_iter();
    let record = records.next()?;
    records.next().is_none().then_some(record)
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}

/// One step of a key path inside the file: a key or an array position.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

impl Seg {
    fn key(key: &str) -> Self {
        Self::Key(key.to_owned())
    }
}

struct UnknownKey {
    path: Vec<Seg>,
}

struct Loader<'a> {
    /// The parsed text.
    content: &'a str,
    /// Bytes before the parsed text (a byte-order mark), added to every span.
    offset: usize,
    /// Where the piece being read starts in `content`, when the plan is read
    /// in pieces (`chunks.rs`); its spans count from there.
    chunk_start: usize,
    /// How many entries of the current array earlier pieces held.
    base_position: usize,
    plan_present: bool,
    diagnostics: Vec<Diagnostic>,
    unknown_keys: Vec<UnknownKey>,
    unreadable_keys: Vec<(String, usize)>,
    /// Whether each entry is kept to be read again after a problem.
    careful: bool,
    /// An entry could not be read at the first try, without care.
    failed: bool,
}

impl<'a> Loader<'a> {
    fn new(source: &'a SourceFile) -> Self {
        Self {
            content: source.content(),
            offset: source.bom_len(),
            chunk_start: 0,
            base_position: 0,
            plan_present: false,
            diagnostics: Vec::new(),
            unknown_keys: Vec::new(),
            unreadable_keys: Vec::new(),
            careful: true,
            failed: false,
        }
    }

    /// Reads one top-level key into the plan. Arrays add to what earlier
    /// pieces read.
    fn absorb(
        &mut self,
        file: &mut PlanFile,
        key: Spanned<DeString<'_>>,
        value: Spanned<DeValue<'_>>,
    ) {
        let key_span = key.span();
        let key = key.into_inner();
        match key.as_ref() {
            "plan" => {
                self.plan_present = true;
                file.plan = self.read_entry::<PlanHeader>(value, &|| vec![Seg::key("plan")]);
            }
            "units" => {
                let units = self.read_array(&key, value, &mut file.unreadable_ids);
                file.units.extend(units);
            }
            "indices" => {
                let indices = self.read_array(&key, value, &mut file.unreadable_ids);
                file.indices.extend(indices);
            }
            "results" => {
                let results = self.read_array(&key, value, &mut file.unreadable_ids);
                file.results.extend(results);
            }
            "reporting" => {
                let duties = self.read_array_with_records(
                    &key,
                    value,
                    &mut file.unreadable_ids,
                    |duty: &mut ReportingDuty, records, extent| {
                        duty.records = records;
                        duty.extent = extent;
                    },
                );
                file.reporting.extend(duties);
            }
            "tasks" => {
                let tasks = self.read_array_with_records(
                    &key,
                    value,
                    &mut file.unreadable_ids,
                    |task: &mut Task, records, extent| {
                        task.records = records;
                        task.extent = extent;
                    },
                );
                file.tasks.extend(tasks);
            }
            "targets" => {
                let targets = self.read_array_with_records(
                    &key,
                    value,
                    &mut file.unreadable_ids,
                    |target: &mut Target, records, extent| {
                        target.records = records;
                        target.extent = extent;
                    },
                );
                file.targets.extend(targets);
            }
            other => {
                let help = suggest::did_you_mean(other, SECTIONS.iter().copied())
                    .unwrap_or_else(|| format!("the top level has only: {}", SECTIONS.join(", ")));
                self.diagnostics.push(
                    Diagnostic::error("unknown-key", format!("unknown key `{other}`"))
                        .at(self.shift(key_span))
                        .label("not a key of a plan")
                        .help(help),
                );
            }
        }
    }

    /// The checks that need the whole file read: a `[plan]` table at all, and
    /// where the unknown keys are.
    fn finish(mut self, mut file: PlanFile) -> (PlanFile, Vec<Diagnostic>) {
        file.unreadable_keys = std::mem::take(&mut self.unreadable_keys);
        // In file order, however the pieces were read: whole or piecewise,
        // a file reads the same.
        file.unreadable_keys.sort_by_key(|(_, at)| *at);
        if !self.plan_present {
            self.diagnostics.push(
                Diagnostic::error("missing-plan", "the file has no [plan] table")
                    .at(self.offset..self.offset)
                    .help("start the file with a [plan] table giving title, agency, province and year (see docs/plan-format.md)"),
            );
        }
        self.locate_unknown_keys(self.content);
        (file, self.diagnostics)
    }

    fn shift(&self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let by = self.offset + self.chunk_start;
        span.start + by..span.end + by
    }

    /// Deserializes one entry, noting every key it did not use. A key of the
    /// wrong type does not hide the problems of its siblings: each one reported is taken out and the
    /// entry read again, so its other keys are still checked (the plan has
    /// errors either way).
    fn read_entry<T: DeserializeOwned>(
        &mut self,
        mut value: Spanned<DeValue<'_>>,
        path: &dyn Fn() -> Vec<Seg>,
    ) -> Option<T> {
        /// An entry has a few dozen keys at most; this bounds a pathological one.
        const MOST_PROBLEMS: usize = 64;
        let mut removed: Vec<String> = Vec::new();
        let mut ignored = Vec::new();
        if !self.careful {
            let result = serde_ignored::deserialize(ValueDeserializer::from(value), |found| {
                let found = segments(&found);
                if !ignored.contains(&found) {
                    ignored.push(found);
                }
            });
            if let Ok(entry) = result {
                self.note_ignored(path, ignored);
                return Some(entry);
            }
            self.failed = true;
            return None;
        }
        for _ in 0..MOST_PROBLEMS {
            let result =
                serde_ignored::deserialize(ValueDeserializer::from(value.clone()), |found| {
                    // Each reading meets the same unknown keys again.
                    let found = segments(&found);
                    if !ignored.contains(&found) {
                        ignored.push(found);
                    }
                });
            let error = match result {
                Ok(entry) => {
                    self.note_ignored(path, ignored);
                    return Some(entry);
                }
                Err(error) => error,
            };
            // A key taken out for being of the wrong type is now missing:
            // that was said already.
            let consequence = first_line(error.message())
                .strip_prefix("missing field `")
                .map(|rest| rest.trim_end_matches('`'))
                .is_some_and(|field| removed.iter().any(|key| key == field));
            if consequence {
                // Inside the entry, a table that lost a key it needs goes as
                // a whole, so the rest is still read; the entry itself cannot.
                match error
                    .span()
                    .and_then(|span| remove_offender(&mut value, &span))
                {
                    Some(table) => {
                        removed.push(table);
                        continue;
                    }
                    None => break,
                }
            }
            self.report_serde_error(&error);
            let Some(span) = error.span() else { break };
            let Some(key) = remove_offender(&mut value, &span) else {
                break;
            };
            self.unreadable_keys
                .push((key.clone(), self.shift(span.clone()).start));
            removed.push(key);
        }
        self.note_ignored(path, ignored);
        None
    }

    fn note_ignored(&mut self, path: &dyn Fn() -> Vec<Seg>, ignored: Vec<Vec<Seg>>) {
        if ignored.is_empty() {
            return;
        }
        let path = path();
        for tail in ignored {
            let mut full = path.clone();
            full.extend(tail);
            self.unknown_keys.push(UnknownKey { path: full });
        }
    }

    fn report_serde_error(&mut self, error: &toml::de::Error) {
        let span = error.span().unwrap_or(0..0);
        let (code, message, help) = explain_serde_error(error.message());
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .at(self.shift(span))
                .help_opt(help),
        );
    }

    fn array_elements<'i>(
        &mut self,
        key: &str,
        value: Spanned<DeValue<'i>>,
    ) -> Vec<Spanned<DeValue<'i>>> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(array) => array.into_iter().collect(),
            other => {
                self.diagnostics.push(
                    Diagnostic::error(
                        "wrong-type",
                        format!(
                            "`{key}` must be an array of tables, found {}",
                            other.type_str()
                        ),
                    )
                    .at(self.shift(span))
                    .help(format!("write each entry under its own [[{key}]] header")),
                );
                Vec::new()
            }
        }
    }

    fn read_array<T: DeserializeOwned>(
        &mut self,
        key: &str,
        value: Spanned<DeValue<'_>>,
        unreadable_ids: &mut Vec<String>,
    ) -> Vec<T> {
        let elements = self.array_elements(key, value);
        let mut entries = Vec::with_capacity(elements.len());
        for (position, element) in elements.into_iter().enumerate() {
            let raw_id = raw_id(&element);
            let position = self.base_position + position;
            match self.read_entry(element, &|| vec![Seg::key(key), Seg::Index(position)]) {
                Some(entry) => entries.push(entry),
                None => unreadable_ids.extend(raw_id),
            }
        }
        entries
    }

    /// Like `read_array`, for tasks and targets, whose `[[….records]]` are read
    /// one by one so a bad record costs only itself.
    fn read_array_with_records<T: DeserializeOwned + PlainEntry>(
        &mut self,
        key: &str,
        value: Spanned<DeValue<'_>>,
        unreadable_ids: &mut Vec<String>,
        attach: impl Fn(&mut T, Vec<Record>, Extent),
    ) -> Vec<T> {
        let elements = self.array_elements(key, value);
        let mut entries = Vec::with_capacity(elements.len());
        for (position, element) in elements.into_iter().enumerate() {
            let raw_id = raw_id(&element);
            let span = element.span();
            let mut extent = Extent {
                header_start: self.shift(span.clone()).start,
                content_end: self.shift(0..content_end(&element)).end,
                // `ddci record` appends `[[….records]]` tables: that works
                // under a `[[…]]` header, not inside an inline table.
                appendable: self.content[self.chunk_start + span.start..].starts_with("[["),
            };
            let mut inner = element.into_inner();
            let records_value = match &mut inner {
                DeValue::Table(table) => table.remove_entry("records").map(|(key, value)| {
                    // `records = [...]`, an inline array, cannot be extended by a table.
                    let after_key = self.content[self.chunk_start + key.span().end..].trim_start();
                    if after_key.starts_with('=') {
                        extent.appendable = false;
                    }
                    value
                }),
                _ => None,
            };
            let at = self.base_position + position;
            let path = || vec![Seg::key(key), Seg::Index(at)];
            let mut records = Vec::new();
            if let Some(records_value) = records_value {
                for (index, record) in self
                    .array_elements(&format!("{key}.records"), records_value)
                    .into_iter()
                    .enumerate()
                {
                    let record_path = || {
                        vec![
                            Seg::key(key),
                            Seg::Index(at),
                            Seg::key("records"),
                            Seg::Index(index),
                        ]
                    };
                    let extent = Extent {
                        header_start: self.shift(record.span()).start,
                        content_end: self.shift(0..content_end(&record)).end,
                        appendable: false,
                    };
                    if let Some(record) = Record::plain(&record) {
                        records.push(Record { extent, ..record });
                    } else if let Some(record) = self.read_entry::<Record>(record, &record_path) {
                        records.push(Record { extent, ..record });
                    }
                }
            }
            let inner = Spanned::new(span, inner);
            let read = match T::plain(&inner) {
                Some(entry) => Some(entry),
                None => self.read_entry::<T>(inner, &path),
            };
            match read {
                Some(mut entry) => {
                    attach(&mut entry, records, extent);
                    entries.push(entry);
                }
                None => unreadable_ids.extend(raw_id),
            }
        }
        entries
    }

    /// Unknown keys are rare, so their places are found only when there are
    /// some, by parsing the file a second time.
    fn locate_unknown_keys(&mut self, content: &str) {
        if self.unknown_keys.is_empty() {
            return;
        }
        let Ok(root) = DeTable::parse(content) else {
            return;
        };
        let root = Spanned::new(root.span(), DeValue::Table(root.into_inner()));
        for unknown in std::mem::take(&mut self.unknown_keys) {
            let Some((Seg::Key(name), parent_path)) = unknown.path.split_last() else {
                continue;
            };
            let known = fields_at(parent_path);
            let span = key_span(&root, parent_path, name).unwrap_or(0..0);
            let help = suggest::did_you_mean(name, known.iter().copied()).unwrap_or_else(|| {
                if known.is_empty() {
                    "remove this key".to_owned()
                } else {
                    format!("the keys allowed here are: {}", known.join(", "))
                }
            });
            self.diagnostics.push(
                Diagnostic::error("unknown-key", format!("unknown key `{name}`"))
                    .at(self.shift(span))
                    .label(format!("not a key of {}", describe_path(parent_path)))
                    .help(help),
            );
        }
    }
}

/// Turns `serde_ignored`'s path into key-path segments, dropping the private
/// wrapper keys `toml::Spanned` uses.
fn segments(path: &serde_ignored::Path<'_>) -> Vec<Seg> {
    let mut reversed = Vec::new();
    let mut current = path;
    loop {
        match current {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                reversed.push(Seg::Index(*index));
                current = parent;
            }
            serde_ignored::Path::Map { parent, key } => {
                if !key.starts_with("$__") {
                    reversed.push(Seg::Key(key.clone()));
                }
                current = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => current = parent,
        }
    }
    reversed.reverse();
    reversed
}

/// The keys of the table at `path`, for suggestions.
fn fields_at(path: &[Seg]) -> &'static [&'static str] {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|seg| match seg {
            Seg::Key(key) => Some(key.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        ["plan"] => field_names::of::<PlanHeader>(),
        ["plan", "based_on"] => field_names::of::<BasisDocument>(),
        ["plan", "signed_by"] => field_names::of::<Signatory>(),
        ["plan", "overall"] => field_names::of::<Scores>(),
        [.., "previous_rank" | "baseline_rank"] => field_names::of::<RankOf>(),
        ["units"] => field_names::of::<Unit>(),
        ["indices"] => field_names::of::<ComponentIndex>(),
        ["tasks"] => field_names::of::<Task>(),
        ["tasks", "schedule"] => field_names::of::<Schedule>(),
        ["tasks" | "targets", "records"] => field_names::of::<Record>(),
        ["targets"] => field_names::of::<Target>(),
        ["reporting"] => field_names::of::<ReportingDuty>(),
        ["results"] => field_names::of::<PublishedResult>(),
        _ => &[],
    }
}

fn describe_path(path: &[Seg]) -> String {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|seg| match seg {
            Seg::Key(key) => Some(key.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        [] => "a plan".to_owned(),
        [section] => format!("[{section}]"),
        _ => format!("`{}`", keys.join(".")),
    }
}

fn key_span(
    root: &Spanned<DeValue<'_>>,
    parent: &[Seg],
    name: &str,
) -> Option<std::ops::Range<usize>> {
    let mut current = root;
    for seg in parent {
        current = match (seg, current.get_ref()) {
            (Seg::Key(key), DeValue::Table(table)) => table.get(key.as_str())?,
            (Seg::Index(index), DeValue::Array(array)) => array.get(*index)?,
            _ => return None,
        };
    }
    match current.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .find(|(key, _)| key.get_ref().as_ref() == name)
            .map(|(key, _)| key.span()),
        _ => None,
    }
}

/// Takes out of `value` the innermost key (or array element) whose value
/// holds `span`, and names it; `None` when nothing inside holds it.
fn remove_offender(
    value: &mut Spanned<DeValue<'_>>,
    span: &std::ops::Range<usize>,
) -> Option<String> {
    let holds = |candidate: &Spanned<DeValue<'_>>| {
        let outer = candidate.span();
        outer.start <= span.start && span.end <= outer.end
    };
    match value.get_mut() {
        DeValue::Table(table) => {
            let key = table
                .iter()
                .find(|(_, child)| holds(child))
                .map(|(key, _)| key.get_ref().to_string())?;
            let child = table.get_mut(key.as_str())?;
            if let Some(inner) = remove_offender(child, span) {
                return Some(inner);
            }
            table.remove(key.as_str());
            Some(key)
        }
        DeValue::Array(array) => {
            let position = array.iter().position(holds)?;
            let mut items: Vec<Spanned<DeValue<'_>>> = array.iter().cloned().collect();
            if let Some(inner) = remove_offender(&mut items[position], span) {
                *array = items.into_iter().collect();
                return Some(inner);
            }
            items.remove(position);
            *array = items.into_iter().collect();
            Some(format!("[{position}]"))
        }
        _ => None,
    }
}

/// The end of the last key or value inside a table, however deeply nested.
fn content_end(value: &Spanned<DeValue<'_>>) -> usize {
    let own = value.span().end;
    match value.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .map(|(key, value)| key.span().end.max(content_end(value)))
            .fold(own, usize::max),
        DeValue::Array(array) => array.iter().map(content_end).fold(own, usize::max),
        _ => own,
    }
}

fn raw_id(element: &Spanned<DeValue<'_>>) -> Option<String> {
    match element.get_ref() {
        DeValue::Table(table) => table
            .get("id")
            .and_then(|id| id.get_ref().as_str())
            .map(str::to_owned),
        _ => None,
    }
}

/// Rewords serde's messages ("expected f64") in the words of a plan file, and
/// adds a hint where one is obvious.
fn explain_serde_error(message: &str) -> (&'static str, String, Option<String>) {
    let message = first_line(message);
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (
            "missing-key",
            format!("this entry has no `{field}`"),
            Some(format!("add `{field} = …` to it (see docs/plan-format.md)")),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((word, expected)) = rest.split_once("`, expected ")
    {
        let choices: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .map(|choice| choice.trim_matches('`'))
            .collect();
        let help = suggest::did_you_mean(word, choices.iter().copied())
            .unwrap_or_else(|| format!("use one of: {}", choices.join(", ")));
        return (
            "invalid-value",
            format!("`{word}` is not one of the words allowed here"),
            Some(help),
        );
    }
    // An enumerated word given as a number or array: serde says this much.
    if message == "wanted string or table" {
        return (
            "wrong-type",
            "expected one of the allowed words, in quotes".to_owned(),
            Some("write the word in quotes, e.g. \"done\" (see docs/plan-format.md)".to_owned()),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let expected = plain_type_name(expected);
        return (
            "wrong-type",
            format!("expected {expected}, found {found}"),
            Some(format!("write {expected} here")),
        );
    }
    ("wrong-type", message, None)
}

/// Serde's names for types, as a person editing TOML would say them.
fn plain_type_name(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".to_owned(),
        "i64" | "i32" | "u32" | "u64" | "usize" => "a whole number".to_owned(),
        "a sequence" => "an array, e.g. [\"a\", \"b\"]".to_owned(),
        "a string" => "a string in quotes".to_owned(),
        "a boolean" => "true or false".to_owned(),
        other if other.starts_with("struct ") => "a table".to_owned(),
        other => other.to_owned(),
    }
}
