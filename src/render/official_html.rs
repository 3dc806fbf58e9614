//! An [`OfficialDocument`] as one self-contained HTML page, for the browser
//! and for print: the same parts in the same order as the Word document,
//! black text in Times New Roman, the decree's margins, page numbers in the
//! top margin from page 2, and the appendix on landscape pages. Every piece
//! of text is escaped; nothing is loaded from the network.

use std::fmt::Write as _;

/// Plan text for HTML: escaped, and every character no document carries
/// shown (`words::visible`), never emitted.
fn text(value: &str) -> std::borrow::Cow<'static, str> {
    std::borrow::Cow::Owned(
        html_escape::encode_text(&crate::words::visible::visible(value)).into_owned(),
    )
}

use crate::render::document::Block;
use crate::render::html::{heading_html, page_end, page_start, paragraph_html};
use crate::render::official_document::{Appendix, AppendixRow, OfficialDocument};

const STYLE: &str = r#"
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;
        @top-center { content: counter(page); font: 13pt "Times New Roman", Times, serif; } }
@page :first { @top-center { content: none; } }
@page appendix { size: A4 landscape; margin: 20mm 15mm 20mm 20mm; }
html { color: #000; background: #fff; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.1;
       max-width: 165mm; margin: 2em auto; padding: 0 1em; }
table.header, table.signature { width: 100%; border-collapse: collapse; }
table.header td, table.signature td { border: none; vertical-align: top; padding: 0; }
table.header td { text-align: center; font-size: 13pt; }
table.header td.left { width: 42%; }
.national { font-size: 12pt; font-weight: bold; white-space: nowrap; }
.motto { font-weight: bold; }
.agency { font-weight: bold; }
.rule { display: block; margin: 3pt auto 6pt; border-top: 0.75pt solid #000; height: 0; }
.left .rule { width: 30%; }
.right .rule { width: 58%; }
.subject-rule { width: 25%; margin-bottom: 12pt; }
.date { font-style: italic; }
.kind { text-align: center; font-weight: bold; margin: 18pt 0 0; }
.subject { text-align: center; font-weight: bold; margin: 0; }
main p, main li { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; }
main ul { list-style: none; padding: 0; margin: 0; }
main h2, main h3, main h4 { font-size: 13pt; font-weight: bold; text-align: justify;
       text-indent: 1.27cm; margin: 0 0 6pt; break-after: avoid; }
main h4 { font-style: italic; }
table.signature td.recipients { width: 48%; font-size: 11pt; }
.recipients-heading { font-size: 12pt; font-weight: bold; font-style: italic; }
table.signature td.signer { text-align: center; font-weight: bold; font-size: 13pt; }
.signer .space { height: 4.5em; }
section.appendix { page: appendix; break-before: page; }
section.appendix > p { text-align: center; margin: 0; }
.appendix-heading, .appendix-title { font-weight: bold; }
.attached { font-style: italic; font-size: 13pt; }
table.tasks { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.05; margin-top: 6pt; }
table.tasks th, table.tasks td { border: 0.75pt solid #000; padding: 1pt 3pt; vertical-align: top;
       text-align: left; white-space: pre-line; }
table.tasks th { text-align: center; vertical-align: middle; }
table.tasks td.number { text-align: center; }
table.tasks tr.group td { font-weight: bold; }
table.tasks thead { display: table-header-group; }
table.tasks tr { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"#;

pub fn render(document: &OfficialDocument) -> String {
    let mut out = String::new();
    page_start(
        document.language,
        &format!("{} — {}", document.kind, document.subject),
        STYLE,
        &mut out,
    );
    letterhead(document, &mut out);
    let _ = write!(
        out,
        "<p class=\"kind\">{}</p>\n<p class=\"subject\">{}</p>\n<span class=\"rule subject-rule\"></span>\n<main>\n",
        text(&document.kind),
        text(&document.subject)
    );
    for block in &document.body {
        match block {
            Block::Heading {
                level,
                text: heading,
            } => heading_html((*level).clamp(2, 4), heading, &mut out),
            Block::Paragraph(paragraph) => paragraph_html(paragraph, &mut out),
            Block::List(items) => list_html(items, &mut out),
            Block::Table(_) => {}
        }
    }
    out.push_str("</main>\n");
    signature(document, &mut out);
    if let Some(appendix) = &document.appendix {
        appendix_html(appendix, &mut out);
    }
    page_end(&mut out);
    out
}

/// Text escaped, its runs of two spaces kept (the blanks left to fill in
/// by hand: "Số:      /BC-…").
fn kept_spaces(line: &str) -> String {
    text(line).replace("  ", "&nbsp; ")
}

/// The two columns over the title: the agency and the document's number,
/// the national title and the place and date.
fn letterhead(document: &OfficialDocument, out: &mut String) {
    let _ = write!(
        out,
        "<table class=\"header\"><tr>\n<td class=\"left\"><div>{}</div><div class=\"agency\">{}</div>\
         <span class=\"rule\"></span><div>{}</div></td>\n\
         <td class=\"right\"><div class=\"national\">{}</div><div class=\"motto\">{}</div>\
         <span class=\"rule\"></span><div class=\"date\">{}</div></td>\n</tr></table>\n",
        text(&document.parent_agency),
        text(&document.agency),
        kept_spaces(&document.number),
        text(&document.national_title),
        text(&document.motto),
        kept_spaces(&document.place_and_date),
    );
}

/// An item's first line after a dash, its further lines after a plus, as
/// the decree sets them out.
fn list_html(items: &[String], out: &mut String) {
    out.push_str("<ul>\n");
    for item in items {
        for (at, line) in item.lines().enumerate() {
            let line = if at == 0 {
                format!("- {line}")
            } else {
                format!("+ {}", line.strip_prefix("- ").unwrap_or(line))
            };
            let _ = writeln!(out, "<li>{}</li>", text(&line));
        }
    }
    out.push_str("</ul>\n");
}

/// The recipients on the left, the signer's authority, room to sign and
/// name on the right.
fn signature(document: &OfficialDocument, out: &mut String) {
    out.push_str("<table class=\"signature\"><tr>\n<td class=\"recipients\">");
    let _ = write!(
        out,
        "<div class=\"recipients-heading\">{}</div>",
        text(&document.recipients_heading)
    );
    for line in &document.recipients {
        let _ = write!(out, "<div>{}</div>", text(line));
    }
    out.push_str("</td>\n<td class=\"signer\">");
    for line in &document.signature.authority {
        let _ = write!(out, "<div>{}</div>", text(line));
    }
    let _ = write!(
        out,
        "<div class=\"space\"></div><div>{}</div></td>\n</tr></table>\n",
        text(document.signature.name.as_deref().unwrap_or(""))
    );
}

/// The appendix on its landscape pages: its heading, title and what it is
/// attached to, then its table.
fn appendix_html(appendix: &Appendix, out: &mut String) {
    let _ = write!(
        out,
        "<section class=\"appendix\">\n<p class=\"appendix-heading\">{}</p>\n\
         <p class=\"appendix-title\">{}</p>\n<p class=\"attached\">{}</p>\n\
         <span class=\"rule subject-rule\"></span>\n<table class=\"tasks\">\n<colgroup>",
        text(&appendix.heading),
        text(&appendix.title),
        kept_spaces(&appendix.attached_to)
    );
    appendix_columns(appendix, out);
    out.push_str("<tbody>\n");
    for row in &appendix.rows {
        appendix_row(row, appendix, out);
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Each column's share of the width, then the header row.
fn appendix_columns(appendix: &Appendix, out: &mut String) {
    let total: u32 = appendix.columns.iter().map(|column| column.width_mm).sum();
    for column in &appendix.columns {
        let share = f64::from(column.width_mm) * 100.0 / f64::from(total.max(1));
        let _ = write!(out, "<col style=\"width: {share:.1}%\">");
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for column in &appendix.columns {
        let _ = write!(out, "<th>{}</th>", text(&column.title));
    }
    out.push_str("</tr></thead>\n");
}

/// A group's heading across the table, or a unit's cells, counts centred.
fn appendix_row(row: &AppendixRow, appendix: &Appendix, out: &mut String) {
    match row {
        AppendixRow::Group(heading) => {
            let _ = writeln!(
                out,
                "<tr class=\"group\"><td colspan=\"{}\">{}</td></tr>",
                appendix.columns.len(),
                text(heading)
            );
        }
        AppendixRow::Entry(cells) => {
            out.push_str("<tr>");
            for (cell, column) in cells.iter().zip(&appendix.columns) {
                let class = if column.centred {
                    " class=\"number\""
                } else {
                    ""
                };
                let _ = write!(out, "<td{class}>{}</td>", text(cell));
            }
            out.push_str("</tr>\n");
        }
    }
}
