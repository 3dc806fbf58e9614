//! HTML: one self-contained page (inline CSS, no network), laid out
//! to print on A4 landscape, for wide tables (the roll-up's units). Every
//! piece of text is escaped.

use std::fmt::Write as _;

/// Plan text for HTML: escaped, and every character no document carries
/// shown (`words::visible`), never emitted.
fn text(value: &str) -> std::borrow::Cow<'static, str> {
    std::borrow::Cow::Owned(
        html_escape::encode_text(&crate::words::visible::visible(value)).into_owned(),
    )
}

use crate::render::document::{Block, Document, Table, Tone};
use crate::words::labels::Language;

const STYLE: &str = r#"
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.45;
       max-width: 267mm; margin: 2em auto; padding: 0 1em; color: #1f2328; }
h1 { font-size: 17pt; text-align: center; margin-bottom: 0.2em; }
h1 + p { text-align: center; font-weight: bold; margin-top: 0; }
h2 { font-size: 14pt; margin-top: 1.4em; }
h3 { font-size: 13pt; margin-top: 1.1em; }
h4 { font-size: 13pt; font-style: italic; font-weight: normal; margin: 0.8em 0 0.3em; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: 0.6em 0; }
th, td { border: 1px solid #6e7781; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eaeef2; }
td.number { text-align: right; }
ul { padding-left: 1.3em; }
li { margin: 0.2em 0; white-space: pre-line; }
.good { color: #1a7f37; } .warning { color: #9a6700; } .bad { color: #cf222e; } .muted { color: #57606a; }
@media print { body { margin: 0; max-width: none; } h2, h3, h4 { break-after: avoid; } tr { break-inside: avoid; } }
"#;

pub fn render(document: &Document, language: Language) -> String {
    let title = document
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .unwrap_or("ddci");
    let mut out = String::new();
    page_start(language, title, STYLE, &mut out);
    for block in &document.blocks {
        match block {
            Block::Heading {
                level,
                text: heading,
            } => heading_html((*level).clamp(1, 6), heading, &mut out),
            Block::Paragraph(paragraph) => paragraph_html(paragraph, &mut out),
            Block::List(items) => list_html(items, &mut out),
            Block::Table(table) => table_html(table, &mut out),
        }
    }
    page_end(&mut out);
    out
}

/// The page up to its body: its language, its title and its style, inline.
pub(super) fn page_start(language: Language, title: &str, style: &str, out: &mut String) {
    let lang = match language {
        Language::Vi => "vi",
        Language::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        text(title)
    );
}

pub(super) fn page_end(out: &mut String) {
    out.push_str("</body>\n</html>\n");
}

/// A heading at the level given (the caller keeps it to the levels its
/// page styles).
pub(super) fn heading_html(level: u8, heading: &str, out: &mut String) {
    let _ = writeln!(out, "<h{level}>{}</h{level}>", text(heading));
}

pub(super) fn paragraph_html(paragraph: &str, out: &mut String) {
    let _ = writeln!(out, "<p>{}</p>", text(paragraph));
}

/// Lines of an item that start with "- " are its sub-items, nested.
fn list_html(items: &[String], out: &mut String) {
    out.push_str("<ul>\n");
    for item in items {
        let mut lines = item.lines();
        let first = lines.next().unwrap_or_default();
        let (children, rest): (Vec<&str>, Vec<&str>) =
            lines.partition(|line| line.starts_with("- "));
        let mut body = text(first).into_owned();
        for line in rest {
            body.push('\n');
            body.push_str(&text(line));
        }
        if children.is_empty() {
            let _ = writeln!(out, "<li>{body}</li>");
        } else {
            let _ = write!(out, "<li>{body}\n<ul>\n");
            for child in children {
                let _ = writeln!(out, "<li>{}</li>", text(&child[2..]));
            }
            out.push_str("</ul></li>\n");
        }
    }
    out.push_str("</ul>\n");
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Plain => "",
        Tone::Good => "good",
        Tone::Warning => "warning",
        Tone::Bad => "bad",
        Tone::Muted => "muted",
    }
}

fn table_html(table: &Table, out: &mut String) {
    out.push_str("<table>\n<thead><tr>");
    for column in &table.columns {
        let _ = write!(out, "<th>{}</th>", text(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (index, cell) in row.iter().enumerate() {
            let mut classes = Vec::new();
            if table.numeric.contains(&index) {
                classes.push("number");
            }
            if cell.tone != Tone::Plain {
                classes.push(tone_class(cell.tone));
            }
            let class = if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", classes.join(" "))
            };
            let body = text(&cell.text).replace('\n', "<br>");
            let _ = write!(out, "<td{class}>{body}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
