//! The report's appendix as CSV: one row per task, from the report's data
//! (the same rows as the document's appendix), for a spreadsheet.

use crate::official_document::AppendixRow;
use crate::status_view::csv::safe;

use super::Report;

/// The appendix's task rows as CSV, UTF-8 with a byte-order mark and CRLF
/// line ends, the component index in a column of its own; no cell can run
/// as a formula.
pub fn build(report: &Report<'_>) -> anyhow::Result<String> {
    let official = super::document::build(report);
    let appendix = official
        .appendix
        .ok_or_else(|| anyhow::anyhow!("the report has no appendix"))?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let index_column = match report.request.language {
        crate::labels::Language::Vi => "Chỉ số thành phần",
        crate::labels::Language::En => "Component index",
    };
    writer.write_record(
        std::iter::once(index_column.to_owned())
            .chain(appendix.columns.iter().map(|column| safe(&column.title))),
    )?;
    // The appendix cuts long task texts for the page; a spreadsheet has
    // room for them whole. Its rows are the tasks, index by index.
    let mut whole = report
        .plan
        .indices
        .iter()
        .enumerate()
        .flat_map(|(position, _)| {
            report
                .tasks
                .iter()
                .filter(move |entry| report.task(entry).task.index.0 == position)
        })
        .map(|entry| crate::visible::one_line(&report.task(entry).task.text));
    let mut group = String::new();
    for row in &appendix.rows {
        match row {
            AppendixRow::Group(heading) => group = safe(heading),
            AppendixRow::Entry(cells) => {
                let text = whole.next().unwrap_or_default();
                writer.write_record(std::iter::once(group.clone()).chain(
                    cells.iter().enumerate().map(
                        |(at, cell)| {
                            if at == 1 { safe(&text) } else { safe(cell) }
                        },
                    ),
                ))?;
            }
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| anyhow::anyhow!("cannot write CSV: {error}"))?;
    Ok(format!("\u{feff}{}", String::from_utf8(bytes)?))
}
