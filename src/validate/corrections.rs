//! A correction replaces an earlier record. A record that corrects itself, or
//! records that correct each other in a ring, would make every one of them
//! vanish without a word: refused.

use std::collections::HashMap;

use super::Context;
use crate::plan::file::Record;
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for records in context.histories() {
        check_history(records, found);
        check_order(records, found);
    }
}

/// Where the walk along the correction links has been.
#[derive(Clone, Copy, PartialEq)]
enum Seen {
    Not,
    OnPath,
    Done,
}

/// A correction comes after what it corrects: one dated earlier would
/// rewrite what was reported before the thing it replaces was.
fn check_order(records: &[Record], found: &mut Vec<Diagnostic>) {
    let dates: HashMap<&str, &Record> = records
        .iter()
        .filter_map(|record| Some((record.id.as_ref()?.get_ref().as_str(), record)))
        .collect();
    for record in records {
        let Some(corrects) = &record.corrects else {
            continue;
        };
        let Some(original) = dates.get(corrects.get_ref().as_str()) else {
            continue;
        };
        if record.date.get_ref() < original.date.get_ref() {
            let (dated, corrected) = (record.date.get_ref(), original.date.get_ref());
            found.push(
                Diagnostic::error(
                    "correction-before-original",
                    crate::say!(
                        "bản ghi đính chính này đề ngày {dated}, trước bản ghi mà nó đính chính ({corrected})",
                        "this correction is dated {dated}, before the record it corrects ({corrected})"
                    ),
                )
                .at(record.date.span())
                .label(crate::say!(
                    "sớm hơn bản ghi được đính chính",
                    "earlier than what it corrects"
                ))
                .help(crate::say!(
                    "đề ngày bản ghi đính chính từ ngày của bản ghi mà nó thay thế trở về sau",
                    "date the correction on or after the record it replaces"
                )),
            );
        }
    }
}

fn check_history(records: &[Record], found: &mut Vec<Diagnostic>) {
    let position: HashMap<&str, usize> = records
        .iter()
        .enumerate()
        .filter_map(|(at, record)| Some((record.id.as_ref()?.get_ref().as_str(), at)))
        .collect();
    // Each record corrects at most one other: follow the links once each,
    // in linear time, and report each ring once.
    let next = |at: usize| -> Option<usize> {
        position
            .get(records[at].corrects.as_ref()?.get_ref().as_str())
            .copied()
    };
    let mut seen = vec![Seen::Not; records.len()];
    for start in 0..records.len() {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(at) = current {
            match seen[at] {
                Seen::Done => break,
                Seen::OnPath => {
                    let from = path.iter().position(|&on| on == at).unwrap_or(0);
                    report_ring(records, &path[from..], found);
                    break;
                }
                Seen::Not => {
                    seen[at] = Seen::OnPath;
                    path.push(at);
                    current = next(at);
                }
            }
        }
        for at in path {
            seen[at] = Seen::Done;
        }
    }
}

fn report_ring(records: &[Record], ring: &[usize], found: &mut Vec<Diagnostic>) {
    let first = &records[ring[0]];
    let (Some(id), Some(corrects)) = (&first.id, &first.corrects) else {
        return;
    };
    let diagnostic = if ring.len() == 1 {
        let id = id.get_ref();
        Diagnostic::error(
            "self-correction",
            crate::say!(
                "bản ghi `{id}` tự đính chính chính nó",
                "record `{id}` corrects itself"
            ),
        )
        .at(corrects.span())
        .label(crate::say!("mã của chính nó", "its own id"))
        .help(crate::say!(
            "ghi mã bản ghi trước đó mà bản ghi này thay thế, hoặc bỏ `corrects`",
            "name the earlier record this one replaces, or remove `corrects`"
        ))
    } else {
        let ids = ring
            .iter()
            .filter_map(|&at| records[at].id.as_ref())
            .map(|id| format!("`{}`", id.get_ref()))
            .collect::<Vec<String>>()
            .join(", ");
        Diagnostic::error(
            "correction-cycle",
            crate::say!(
                "các bản ghi {ids} đính chính lẫn nhau thành vòng",
                "records {ids} correct each other in a ring"
            ),
        )
        .at(corrects.span())
        .label(crate::say!(
            "dẫn ngược về bản ghi này",
            "leads back to this record"
        ))
        .help(crate::say!(
            "bản ghi đính chính ghi mã của một bản ghi trước đó; bỏ `corrects` ở bản ghi có trước",
            "a correction names an earlier record; remove `corrects` from the one that came first"
        ))
    };
    found.push(diagnostic);
}
