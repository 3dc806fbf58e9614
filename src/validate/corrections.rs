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
            found.push(
                Diagnostic::error(
                    "correction-before-original",
                    format!(
                        "this correction is dated {}, before the record it corrects ({})",
                        record.date.get_ref(),
                        original.date.get_ref()
                    ),
                )
                .at(record.date.span())
                .label("earlier than what it corrects")
                .help("date the correction on or after the record it replaces"),
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
        Diagnostic::error(
            "self-correction",
            format!("record `{}` corrects itself", id.get_ref()),
        )
        .at(corrects.span())
        .label("its own id")
        .help("name the earlier record this one replaces, or remove `corrects`")
    } else {
        let ids: Vec<String> = ring
            .iter()
            .filter_map(|&at| records[at].id.as_ref())
            .map(|id| format!("`{}`", id.get_ref()))
            .collect();
        Diagnostic::error(
            "correction-cycle",
            format!("records {} correct each other in a ring", ids.join(", ")),
        )
        .at(corrects.span())
        .label("leads back to this record")
        .help(
            "a correction names an earlier record; remove `corrects` from the one that came first",
        )
    };
    found.push(diagnostic);
}
