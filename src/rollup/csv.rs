//! `ddci rollup --format csv`: a row per unit, for a spreadsheet. UTF-8 with
//! a byte-order mark, CRLF, and no cell that can run as a formula
//! (`render/csv.rs`).

use crate::plan::date::PlanDate;
use crate::render::csv::Sheet;

use super::{LatestResult, LeftOut, Position, Rollup};

/// The sheet's header: what each cell of a row holds.
const COLUMNS: [&str; 33] = [
    "file",
    "also_at",
    "agency",
    "province",
    "level",
    "year",
    "until",
    "year_in_view",
    "as_of",
    "tasks",
    "tasks_done",
    "tasks_in_progress",
    "tasks_not_started",
    "tasks_no_report",
    "tasks_blocked",
    "tasks_overdue",
    "tasks_cancelled",
    "targets",
    "targets_met",
    "targets_not_yet_met",
    "targets_not_met",
    "targets_no_data",
    "missed_duties",
    "reports_owed",
    "reports_not_sent",
    "result_year",
    "result_score",
    "result_rank",
    "result_of",
    "result_band",
    "left_out",
    "errors",
    "first_error",
];

pub fn build(rollup: &Rollup) -> anyhow::Result<String> {
    let mut sheet = Sheet::new();
    sheet.row(COLUMNS)?;
    for position in &rollup.positions {
        sheet.row(position_row(position))?;
    }
    // Plans left out stay in the list, named, with why: a row per file.
    for left in &rollup.left_out {
        sheet.row(left_out_row(left))?;
    }
    sheet.finish()
}

/// A unit's plan, its counts and its latest result; nothing left out.
fn position_row(position: &Position) -> Vec<String> {
    let level = match position.level {
        super::Level::Department => "department",
        super::Level::District => "district",
        super::Level::Commune => "commune",
    };
    let counts = [
        position.tasks.total,
        position.tasks.done,
        position.tasks.in_progress,
        position.tasks.not_started,
        position.tasks.no_report,
        position.tasks.blocked,
        position.tasks.overdue,
        position.tasks.cancelled,
        position.targets.total,
        position.targets.met,
        position.targets.not_yet_met,
        position.targets.not_met,
        position.targets.no_data,
        position.missed_duties,
        position.reports_owed,
        position.reports_not_sent,
    ];
    let also_at: Vec<String> = position
        .also_at
        .iter()
        .map(|file| file.display().to_string())
        .collect();
    let mut row = vec![
        position.file.display().to_string(),
        // Other places the same plan was found, one cell: "a.toml; b.toml".
        also_at.join("; "),
        position.agency.clone(),
        position.province.clone(),
        level.to_owned(),
        position.year.to_string(),
        position.until.to_string(),
        position.year_in_view.to_string(),
        PlanDate(position.as_of).to_string(),
    ];
    row.extend(counts.iter().map(ToString::to_string));
    row.extend(result_cells(position.result.as_ref()));
    row.extend([String::new(), "0".to_owned(), String::new()]);
    row
}

/// The latest result's year, score, rank, of how many, and band; blank
/// where not recorded.
fn result_cells(result: Option<&LatestResult>) -> [String; 5] {
    [
        result.map_or_else(String::new, |result| result.year.to_string()),
        // Numbers as a spreadsheet reads them in any locale: a point.
        result
            .and_then(|result| result.score)
            .map_or_else(String::new, |score| format!("{score:.2}")),
        result
            .and_then(|result| result.rank)
            .map_or_else(String::new, |rank| rank.rank.to_string()),
        result
            .and_then(|result| result.rank)
            .and_then(|rank| rank.of)
            .map_or_else(String::new, |of| of.to_string()),
        result
            .and_then(|result| result.band.as_deref())
            .map_or_else(String::new, str::to_owned),
    ]
}

/// A plan left out: its file, then why, how many errors and the first.
fn left_out_row(left: &LeftOut) -> Vec<String> {
    let mut row = vec![left.file.display().to_string()];
    row.extend(std::iter::repeat_n(String::new(), COLUMNS.len() - 4));
    row.push(left.reason.clone());
    row.push(left.errors.to_string());
    row.push(left.diagnostics.first().map_or_else(String::new, |first| {
        match (first.line, first.column) {
            (Some(line), Some(column)) => format!("{line}:{column}: {}", first.message),
            _ => first.message.clone(),
        }
    }));
    row
}
