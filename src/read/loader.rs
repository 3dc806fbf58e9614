//! The loader proper: each top-level entry of a parsed plan deserialized on
//! its own into `plan::file`'s types, every key it does not know and every
//! value of the wrong type a diagnostic, the rest of the entry still read.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue, ValueDeserializer};

use crate::plan::file::{Extent, PlanFile, PlanHeader, Record, ReportingDuty, Target, Task};
use crate::read::diagnostic::Diagnostic;
use crate::read::plain_read::PlainEntry;
use crate::read::source_file::SourceFile;
use crate::words::suggest;

use super::key_paths::SECTIONS;
use super::key_paths::{
    Seg, content_end, describe_path, fields_at, key_span, raw_id, remove_offender, segments,
};
use super::serde_words::{explain_serde_error, first_line};

pub(super) struct UnknownKey {
    pub(super) path: Vec<Seg>,
}

pub(super) struct Loader<'a> {
    /// The parsed text.
    pub(super) content: &'a str,
    /// Bytes before the parsed text (a byte-order mark), added to every span.
    pub(super) offset: usize,
    /// Where the piece being read starts in `content`, when the plan is read
    /// in pieces (`chunks.rs`); its spans count from there.
    pub(super) chunk_start: usize,
    /// How many entries of the current array earlier pieces held.
    pub(super) base_position: usize,
    pub(super) plan_present: bool,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) unknown_keys: Vec<UnknownKey>,
    pub(super) unreadable_keys: Vec<(String, usize)>,
    /// Whether each entry is kept to be read again after a problem.
    pub(super) careful: bool,
    /// An entry could not be read at the first try, without care.
    pub(super) failed: bool,
}

impl<'a> Loader<'a> {
    pub(super) fn new(source: &'a SourceFile) -> Self {
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
    pub(super) fn absorb(
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
                let help =
                    suggest::did_you_mean(other, SECTIONS.iter().copied()).unwrap_or_else(|| {
                        let sections = SECTIONS.join(", ");
                        crate::say!(
                            "ở cấp ngoài cùng chỉ có: {sections}",
                            "the top level has only: {sections}"
                        )
                    });
                self.diagnostics.push(
                    Diagnostic::error(
                        "unknown-key",
                        crate::say!(
                            "khóa `{other}` không có trong định dạng kế hoạch",
                            "unknown key `{other}`"
                        ),
                    )
                    .at(self.shift(key_span))
                    .label(crate::say!(
                        "không phải khóa của kế hoạch",
                        "not a key of a plan"
                    ))
                    .help(help),
                );
            }
        }
    }

    /// The checks that need the whole file read: a `[plan]` table at all, and
    /// where the unknown keys are.
    pub(super) fn finish(mut self, mut file: PlanFile) -> (PlanFile, Vec<Diagnostic>) {
        file.unreadable_keys = std::mem::take(&mut self.unreadable_keys);
        // In file order, however the pieces were read: whole or piecewise,
        // a file reads the same.
        file.unreadable_keys.sort_by_key(|(_, at)| *at);
        if !self.plan_present {
            self.diagnostics.push(
                Diagnostic::error(
                    "missing-plan",
                    crate::say!(
                        "tệp không có bảng [plan]",
                        "the file has no [plan] table"
                    ),
                )
                .at(self.offset..self.offset)
                .help(crate::say!(
                    "mở đầu tệp bằng bảng [plan] ghi title, agency, province và year (xem docs/plan-format.md)",
                    "start the file with a [plan] table giving title, agency, province and year (see docs/plan-format.md)"
                )),
            );
        }
        self.locate_unknown_keys(self.content);
        (file, self.diagnostics)
    }

    pub(super) fn shift(&self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let by = self.offset + self.chunk_start;
        span.start + by..span.end + by
    }

    /// Deserializes one entry, noting every key it did not use. A key of the
    /// wrong type does not hide the problems of its siblings: each one reported is taken out and the
    /// entry read again, so its other keys are still checked (the plan has
    /// errors either way).
    pub(super) fn read_entry<T: DeserializeOwned>(
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

    pub(super) fn note_ignored(&mut self, path: &dyn Fn() -> Vec<Seg>, ignored: Vec<Vec<Seg>>) {
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

    pub(super) fn report_serde_error(&mut self, error: &toml::de::Error) {
        let span = error.span().unwrap_or(0..0);
        let (code, message, help) = explain_serde_error(error.message());
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .at(self.shift(span))
                .help_opt(help),
        );
    }

    pub(super) fn array_elements<'i>(
        &mut self,
        key: &str,
        value: Spanned<DeValue<'i>>,
    ) -> Vec<Spanned<DeValue<'i>>> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(array) => array.into_iter().collect(),
            other => {
                let found = other.type_str();
                let found_vi = match found {
                    "string" => "chuỗi",
                    "integer" => "số nguyên",
                    "float" => "số thập phân",
                    "boolean" => "giá trị logic",
                    "datetime" => "ngày giờ",
                    "array" => "mảng",
                    "table" => "bảng",
                    other => other,
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        "wrong-type",
                        crate::say!(
                            "`{key}` phải là một mảng các bảng, không phải {found_vi}",
                            "`{key}` must be an array of tables, found {found}"
                        ),
                    )
                    .at(self.shift(span))
                    .help(crate::say!(
                        "viết mỗi mục dưới tiêu đề [[{key}]] của riêng nó",
                        "write each entry under its own [[{key}]] header"
                    )),
                );
                Vec::new()
            }
        }
    }

    pub(super) fn read_array<T: DeserializeOwned>(
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
    pub(super) fn read_array_with_records<T: DeserializeOwned + PlainEntry>(
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
    pub(super) fn locate_unknown_keys(&mut self, content: &str) {
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
                    crate::say!("bỏ khóa này", "remove this key")
                } else {
                    let known = known.join(", ");
                    crate::say!(
                        "các khóa được dùng ở đây là: {known}",
                        "the keys allowed here are: {known}"
                    )
                }
            });
            let parent = describe_path(parent_path);
            self.diagnostics.push(
                Diagnostic::error(
                    "unknown-key",
                    crate::say!(
                        "khóa `{name}` không có trong định dạng kế hoạch",
                        "unknown key `{name}`"
                    ),
                )
                .at(self.shift(span))
                .label(crate::say!(
                    "không phải khóa của {parent}",
                    "not a key of {parent}"
                ))
                .help(help),
            );
        }
    }
}
