//! The report's appendix as CSV: one row per task, from the report's data
//! (the same rows as the document's appendix, the task's text whole), for
//! a spreadsheet.

use crate::status_view::csv::safe;
use crate::words::visible::one_line;

use super::Report;
use super::appendix::{appendix_row, by_index, columns, group_heading};
use super::prose::say;

/// The appendix's task rows as CSV, UTF-8 with a byte-order mark and CRLF
/// line ends, the component index in a column of its own; no cell can run
/// as a formula.
pub fn build(report: &Report<'_>) -> anyhow::Result<String> {
    let language = report.request.language;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(
        std::iter::once(say(language, "Chỉ số thành phần", "Component index"))
            .chain(columns(language).iter().map(|column| safe(&column.title))),
    )?;
    let mut number_in_table = 0;
    for (position, index, entries) in by_index(report) {
        let group = safe(&group_heading(position, index, language));
        for entry in entries {
            number_in_table += 1;
            let mut cells = appendix_row(report, entry, number_in_table);
            // The appendix cuts long task texts for the page; a
            // spreadsheet has room for them whole.
            if let Some(text) = cells.get_mut(1) {
                *text = one_line(&report.task(entry).task.text);
            }
            writer.write_record(
                std::iter::once(group.clone()).chain(cells.iter().map(|cell| safe(cell))),
            )?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| anyhow::anyhow!("cannot write CSV: {error}"))?;
    Ok(format!("\u{feff}{}", String::from_utf8(bytes)?))
}
