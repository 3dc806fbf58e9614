//! Terminal text: headings, wrapped paragraphs, lists and tables that fit the
//! width, with colour only when asked for.

use comfy_table::{
    Attribute, Cell as TableCell, CellAlignment, Color, ColumnConstraint, ContentArrangement,
    Table as ComfyTable, Width, presets,
};

use crate::document::{Block, Document, Table, Tone};

/// How to lay text out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub width: u16,
    pub color: bool,
}

impl Layout {
    /// The width from `COLUMNS`, else the terminal's, else 100 columns.
    pub fn detect(color: bool) -> Self {
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|columns| columns.trim().parse::<u16>().ok())
            .filter(|columns| *columns >= 20)
            .or_else(|| ComfyTable::new().width())
            .unwrap_or(100);
        Self { width, color }
    }
}

pub fn render(document: &Document, layout: Layout) -> String {
    let mut out = String::new();
    for block in &document.blocks {
        if matches!(block, Block::Chart(_)) {
            // Charts draw the numbers the tables already give; text has no room for them.
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading { level, text } => {
                out.push_str(&styled(text, layout.color, "\u{1b}[1m"));
                out.push('\n');
                if *level <= 1 {
                    let underline = "═".repeat(text.chars().count().min(usize::from(layout.width)));
                    out.push_str(&underline);
                    out.push('\n');
                }
            }
            Block::Paragraph(text) => {
                out.push_str(&wrap(text, usize::from(layout.width), ""));
            }
            Block::List(items) => {
                for item in items {
                    out.push_str(&wrap(item, usize::from(layout.width), "- "));
                }
            }
            Block::Table(table) => {
                out.push_str(&table_text(table, layout));
                out.push('\n');
            }
            Block::Chart(_) => {}
        }
    }
    out
}

fn styled(text: &str, color: bool, code: &str) -> String {
    if color {
        format!("{code}{text}\u{1b}[0m")
    } else {
        text.to_owned()
    }
}

/// Word-wraps `text` to `width` characters, `prefix` on the first line and
/// as much indentation on the others.
fn wrap(text: &str, width: usize, prefix: &str) -> String {
    // Each line of a multi-line text wraps on its own, under the first.
    let indent_width = prefix.chars().count();
    text.lines()
        .enumerate()
        .map(|(number, line)| {
            let indent = " ".repeat(indent_width);
            match (number, line.strip_prefix("- ")) {
                (0, _) => wrap_line(line, width, prefix),
                (_, Some(item)) => wrap_line(item, width, &format!("{indent}- ")),
                (_, None) => wrap_line(line, width, &indent),
            }
        })
        .collect()
}

fn wrap_line(text: &str, width: usize, prefix: &str) -> String {
    let indent = " ".repeat(prefix.chars().count());
    let mut out = String::new();
    let mut line = prefix.to_owned();
    let mut line_length = prefix.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if !empty && line_length + 1 + length > width {
            out.push_str(&line);
            out.push('\n');
            line.clone_from(&indent);
            line_length = indent.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_length += 1;
        }
        line.push_str(word);
        line_length += length;
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn table_text(table: &Table, layout: Layout) -> String {
    let table = &without_empty_columns(table);
    let mut rendered = ComfyTable::new();
    rendered
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(layout.width);
    if layout.color {
        rendered.enforce_styling();
    } else {
        rendered.force_no_tty();
    }
    rendered.set_header(table.columns.iter().map(|column| {
        let cell = TableCell::new(column);
        if layout.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in &table.rows {
        rendered.add_row(row.iter().enumerate().map(|(index, value)| {
            let mut cell = TableCell::new(&value.text);
            if table.numeric.contains(&index) {
                cell = cell.set_alignment(CellAlignment::Right);
            }
            if layout.color {
                cell = match value.tone {
                    Tone::Plain => cell,
                    Tone::Good => cell.fg(Color::Green),
                    Tone::Warning => cell.fg(Color::Yellow),
                    Tone::Bad => cell.fg(Color::Red),
                    Tone::Muted => cell.fg(Color::DarkGrey),
                };
            }
            cell
        }));
    }
    // Words broken in the middle read badly: give each column room for its
    // longest word (ids in the first column in full, others up to a date's width).
    for index in 0..table.columns.len() {
        let cap = if index == 0 { 24 } else { 12 };
        let longest = std::iter::once(&table.columns[index])
            .chain(
                table
                    .rows
                    .iter()
                    .filter_map(|row| row.get(index).map(|cell| &cell.text)),
            )
            .flat_map(|text| text.split_whitespace())
            .map(|word| word.chars().count())
            .max()
            .unwrap_or(0)
            .min(cap);
        // Column widths include one space of padding on each side.
        if let (Some(column), Ok(width)) = (rendered.column_mut(index), u16::try_from(longest + 2))
        {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
        }
    }
    rendered.to_string()
}

/// A terminal has no room to spare: columns with nothing in any row go.
fn without_empty_columns(table: &Table) -> Table {
    let keep: Vec<usize> = (0..table.columns.len())
        .filter(|index| {
            table.rows.is_empty()
                || table
                    .rows
                    .iter()
                    .any(|row| row.get(*index).is_some_and(|cell| !cell.text.is_empty()))
        })
        .collect();
    Table {
        columns: keep
            .iter()
            .map(|index| table.columns[*index].clone())
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| {
                keep.iter()
                    .filter_map(|index| row.get(*index).cloned())
                    .collect()
            })
            .collect(),
        numeric: keep
            .iter()
            .enumerate()
            .filter(|(_, original)| table.numeric.contains(original))
            .map(|(position, _)| position)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("một hai ba bốn năm", 10, "- "),
            "- một hai\n  ba bốn\n  năm\n"
        );
    }
}
