//! HTML: one self-contained page (inline CSS and SVG, no network), laid out
//! to print on A4. Every piece of text is escaped.

use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute as attribute, encode_text as text};

use crate::document::{Block, Chart, Document, GoalBar, Table, Tone};
use crate::labels::Language;

const STYLE: &str = r#"
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.45;
       max-width: 180mm; margin: 2em auto; padding: 0 1em; color: #1f2328; }
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
figure { margin: 0.8em 0; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 11pt; margin-bottom: 0.3em; }
svg { width: 100%; height: auto; }
svg text { font-family: Arial, Helvetica, sans-serif; font-size: 11px; fill: #1f2328; }
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
    let lang = match language {
        Language::Vi => "vi",
        Language::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        text(title)
    );
    for block in &document.blocks {
        match block {
            Block::Heading {
                level,
                text: heading,
            } => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", text(heading));
            }
            Block::Paragraph(paragraph) => {
                let _ = writeln!(out, "<p>{}</p>", text(paragraph));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    // Lines of an item that start with "- " are its sub-items.
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
            Block::Table(table) => table_html(table, &mut out),
            Block::Chart(chart) => chart_svg(chart, &mut out),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
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

fn tone_colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Plain => "#54aeff",
        Tone::Good => "#2da44e",
        Tone::Warning => "#d4a72c",
        Tone::Bad => "#cf222e",
        Tone::Muted => "#afb8c1",
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

const CHART_WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 210.0;
const BAR_WIDTH: f64 = 250.0;
const ROW_HEIGHT: f64 = 26.0;

fn chart_svg(chart: &Chart, out: &mut String) {
    match chart {
        Chart::Goals { title, bars } => goals_svg(title, bars, out),
        Chart::Stacked {
            title,
            legend,
            rows,
        } => stacked_svg(title, legend, rows, out),
    }
}

/// Cuts a label to what fits beside a bar; the full text is the tooltip.
fn short_label(label: &str) -> String {
    let limit = 34;
    if label.chars().count() <= limit {
        label.to_owned()
    } else {
        format!("{}…", label.chars().take(limit - 1).collect::<String>())
    }
}

fn goals_svg(title: &str, bars: &[GoalBar], out: &mut String) {
    #[allow(clippy::cast_precision_loss)] // a handful of rows
    let height = ROW_HEIGHT * bars.len() as f64 + 10.0;
    let _ = writeln!(
        out,
        "<figure>\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        text(title),
        attribute(title)
    );
    for (row, bar) in bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = 5.0 + ROW_HEIGHT * row as f64;
        let scale = |value: f64| LABEL_WIDTH + BAR_WIDTH * (value / bar.max).clamp(0.0, 1.0);
        let _ = writeln!(
            out,
            "<g><title>{}</title><text x=\"0\" y=\"{:.1}\">{}</text>",
            text(&bar.label),
            y + 15.0,
            text(&short_label(&bar.label))
        );
        let _ = writeln!(
            out,
            "<rect x=\"{LABEL_WIDTH}\" y=\"{:.1}\" width=\"{BAR_WIDTH}\" height=\"16\" fill=\"#eaeef2\"/>",
            y + 3.0
        );
        if let Some(value) = bar.value {
            let _ = writeln!(
                out,
                "<rect x=\"{LABEL_WIDTH}\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" fill=\"{}\"/>",
                y + 3.0,
                scale(value) - LABEL_WIDTH,
                tone_colour(bar.tone)
            );
        }
        let goal_x = scale(bar.goal);
        let _ = writeln!(
            out,
            "<line x1=\"{goal_x:.1}\" x2=\"{goal_x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1f2328\" stroke-width=\"2\"/>",
            y,
            y + 22.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            LABEL_WIDTH + BAR_WIDTH + 8.0,
            y + 15.0,
            text(&bar.caption)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

fn stacked_svg(
    title: &str,
    legend: &[(String, Tone)],
    rows: &[(String, Vec<usize>)],
    out: &mut String,
) {
    #[allow(clippy::cast_precision_loss)]
    let height = ROW_HEIGHT * (rows.len() + 1) as f64 + 10.0;
    let _ = writeln!(
        out,
        "<figure>\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        text(title),
        attribute(title)
    );
    let widest = rows
        .iter()
        .map(|(_, counts)| counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    for (row, (label, counts)) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = 5.0 + ROW_HEIGHT * row as f64;
        let _ = writeln!(
            out,
            "<g><title>{}</title><text x=\"0\" y=\"{:.1}\">{}</text>",
            text(label),
            y + 15.0,
            text(&short_label(label))
        );
        let mut x = LABEL_WIDTH;
        for (count, (_, tone)) in counts.iter().zip(legend) {
            if *count == 0 {
                continue;
            }
            #[allow(clippy::cast_precision_loss)]
            let width = BAR_WIDTH * *count as f64 / widest as f64;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"16\" fill=\"{}\"/>",
                y + 3.0,
                tone_colour(*tone)
            );
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text>",
                x + width / 2.0,
                y + 15.0
            );
            x += width;
        }
        out.push_str("</g>\n");
    }
    #[allow(clippy::cast_precision_loss)]
    let legend_y = 5.0 + ROW_HEIGHT * rows.len() as f64 + 12.0;
    let mut x = LABEL_WIDTH;
    for (name, tone) in legend {
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{legend_y:.1}\">{}</text>",
            legend_y - 9.0,
            tone_colour(*tone),
            x + 14.0,
            text(name)
        );
        #[allow(clippy::cast_precision_loss)]
        let step = 24.0 + 6.5 * name.chars().count() as f64;
        x += step;
    }
    out.push_str("</svg>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Cell;

    #[test]
    fn plan_text_is_escaped_everywhere() {
        let mut document = Document::default();
        document.heading(1, "<script>alert(1)</script>");
        document.paragraph("a & b < c");
        document.table(Table {
            columns: vec!["\"x\"".into()],
            rows: vec![vec![Cell::new("<img src=x onerror=alert(1)>")]],
            numeric: Vec::new(),
        });
        document.chart(Chart::Goals {
            title: "<b>".into(),
            bars: vec![GoalBar {
                label: "</text><script>".into(),
                value: Some(50.0),
                goal: 80.0,
                max: 100.0,
                caption: "50% / ≥ 80%".into(),
                tone: Tone::Warning,
            }],
        });
        let html = render(&document, Language::Vi);
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("a &amp; b &lt; c"));
        assert!(!html.contains("src=\"http"), "no external resources");
    }
}
