//! Reading a large plan one top-level entry at a time (`chunks.rs`), so that
//! its whole parse tree never exists at once; records are read one by one
//! and placed under the entry they follow.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::plan::file::{Extent, PlanFile, Record};
use crate::read::diagnostic::Diagnostic;
use crate::read::plain_read::PlainEntry;
use crate::read::source_file::SourceFile;

use super::key_paths::Seg;
use super::key_paths::content_end;
use super::loader::Loader;

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
pub(super) struct Parent {
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
pub(super) fn lone_record(value: Spanned<DeValue<'_>>) -> Option<Spanned<DeValue<'_>>> {
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
