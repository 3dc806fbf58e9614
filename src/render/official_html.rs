//! An [`OfficialDocument`] as one self-contained HTML page, for the browser
//! and for print: the same parts in the same order as the Word document,
//! black text in Times New Roman, the decree's margins, page numbers in the
//! top margin from page 2, and the appendix on landscape pages. Every piece
//! of text is escaped; nothing is loaded from the network.

use std::fmt::Write as _;

use html_escape::encode_text as text;

use crate::render::document::Block;
use crate::render::official_document::{AppendixRow, OfficialDocument};
use crate::words::labels::Language;

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

#[expect(
    clippy::too_many_lines,
    reason = "127 lines; to be split into its steps (ARCHITECTURE.md)"
)]
pub fn render(document: &OfficialDocument) -> String {
    let lang = match document.language {
        Language::Vi => "vi",
        Language::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        text(&document.kind),
        text(&document.subject)
    );
    let _ = write!(
        out,
        "<table class=\"header\"><tr>\n<td class=\"left\"><div>{}</div><div class=\"agency\">{}</div>\
         <span class=\"rule\"></span><div>{}</div></td>\n\
         <td class=\"right\"><div class=\"national\">{}</div><div class=\"motto\">{}</div>\
         <span class=\"rule\"></span><div class=\"date\">{}</div></td>\n</tr></table>\n",
        text(&document.parent_agency),
        text(&document.agency),
        text(&document.number).replace("  ", "&nbsp; "),
        text(&document.national_title),
        text(&document.motto),
        text(&document.place_and_date).replace("  ", "&nbsp; "),
    );
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
            } => {
                let level = (*level).clamp(2, 4);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", text(heading));
            }
            Block::Paragraph(paragraph) => {
                let _ = writeln!(out, "<p>{}</p>", text(paragraph));
            }
            Block::List(items) => {
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
            Block::Table(_) => {}
        }
    }
    out.push_str("</main>\n<table class=\"signature\"><tr>\n<td class=\"recipients\">");
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
    if let Some(appendix) = &document.appendix {
        let _ = write!(
            out,
            "<section class=\"appendix\">\n<p class=\"appendix-heading\">{}</p>\n\
             <p class=\"appendix-title\">{}</p>\n<p class=\"attached\">{}</p>\n\
             <span class=\"rule subject-rule\"></span>\n<table class=\"tasks\">\n<colgroup>",
            text(&appendix.heading),
            text(&appendix.title),
            text(&appendix.attached_to).replace("  ", "&nbsp; ")
        );
        let total: u32 = appendix.columns.iter().map(|column| column.width_mm).sum();
        for column in &appendix.columns {
            let share = f64::from(column.width_mm) * 100.0 / f64::from(total.max(1));
            let _ = write!(out, "<col style=\"width: {share:.1}%\">");
        }
        out.push_str("</colgroup>\n<thead><tr>");
        for column in &appendix.columns {
            let _ = write!(out, "<th>{}</th>", text(&column.title));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &appendix.rows {
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
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
