//! The report's appendix as CSV: one row per task, from the report's data
//! (the same rows as the document's appendix, the task's text whole), for
//! a spreadsheet.

use crate::render::csv::Sheet;
use crate::words::visible::one_line;

use super::Report;
use super::appendix::{appendix_row, by_index, columns, group_heading};
use super::prose::say;

/// The appendix's task rows as CSV, UTF-8 with a byte-order mark and CRLF
/// line ends, the component index in a column of its own; no cell can run
/// as a formula.
pub fn build(report: &Report<'_>) -> anyhow::Result<String> {
    let language = report.request.language;
    let mut sheet = Sheet::new();
    sheet.row(
        std::iter::once(say(language, "Chỉ số thành phần", "Component index"))
            .chain(columns(language).into_iter().map(|column| column.title)),
    )?;
    let mut number_in_table = 0;
    for (position, index, entries) in by_index(report) {
        let group = group_heading(position, index, language);
        for entry in entries {
            number_in_table += 1;
            let mut cells = appendix_row(report, entry, number_in_table);
            // The appendix cuts long task texts for the page; a
            // spreadsheet has room for them whole.
            if let Some(text) = cells.get_mut(1) {
                *text = one_line(&report.task(entry).task.text);
            }
            sheet.row(std::iter::once(group.clone()).chain(cells))?;
        }
    }
    sheet.finish()
}
