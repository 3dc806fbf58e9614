//! The report's appendix table as CSV: one row per task, for a spreadsheet.

use crate::document::{Block, Document};
use crate::status_view::csv::safe;

/// The last table of the report document (the appendix) as CSV, UTF-8 with a
/// byte-order mark and CRLF line ends; no cell can run as a formula.
pub fn build(document: &Document) -> anyhow::Result<String> {
    let table = document
        .blocks
        .iter()
        .rev()
        .find_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .ok_or_else(|| anyhow::anyhow!("the report has no appendix table"))?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(table.columns.iter().map(|column| safe(column)))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|cell| safe(&cell.text)))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| anyhow::anyhow!("cannot write CSV: {error}"))?;
    Ok(format!("\u{feff}{}", String::from_utf8(bytes)?))
}
