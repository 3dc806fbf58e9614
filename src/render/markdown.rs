//! Markdown: ATX headings, paragraphs, lists, and pipe tables.

use crate::render::document::{Block, Document, Table};

pub fn render(document: &Document) -> String {
    let mut out = String::new();
    for block in &document.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading { level, text } => {
                out.push_str(&"#".repeat(usize::from((*level).clamp(1, 6))));
                out.push(' ');
                // After the `#`s nothing opens another block.
                out.push_str(&inline(text));
                out.push('\n');
            }
            Block::Paragraph(text) => {
                out.push_str(&line(text));
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    // Further lines of an item are its own "- " sub-items, or
                    // go on under it.
                    for (number, text) in item.lines().enumerate() {
                        match (number, text.strip_prefix("- ")) {
                            (0, _) => out.push_str("- "),
                            (_, Some(_)) => out.push_str("  - "),
                            (_, None) => out.push_str("  "),
                        }
                        let text = if number == 0 {
                            text
                        } else {
                            text.strip_prefix("- ").unwrap_or(text)
                        };
                        out.push_str(&line(text));
                        out.push('\n');
                    }
                }
            }
            Block::Table(table) => table_markdown(table, &mut out),
        }
    }
    out
}

fn table_markdown(table: &Table, out: &mut String) {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(table
        .columns
        .iter()
        .map(|column| cell(column))
        .collect()));
    out.push_str(&row((0..table.columns.len())
        .map(|index| {
            if table.numeric.contains(&index) {
                "---:".to_owned()
            } else {
                "---".to_owned()
            }
        })
        .collect()));
    for cells in &table.rows {
        out.push_str(&row(cells.iter().map(|value| cell(&value.text)).collect()));
    }
}

/// One line of text that cannot open a block of its own: leading spaces
/// (a code block) are dropped, and a first character that would start a
/// heading underline, a rule, a list, a fence or a table is escaped.
fn line(text: &str) -> String {
    let text = inline(text.trim_start());
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after_digits = &text[digits..];
    if digits > 0
        && (after_digits.starts_with(". ")
            || after_digits.starts_with(") ")
            || after_digits == "."
            || after_digits == ")")
    {
        return format!("{}\\{}", &text[..digits], after_digits);
    }
    if text.starts_with(['=', '-', '+', '~', '|']) {
        return format!("\\{text}");
    }
    text
}

/// Text safe inside a table cell: pipes escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|").replace('\n', "<br>")
}

/// Text that Markdown will not read as markup it was not meant to be: the
/// characters that start emphasis, links, HTML, entities (`&rlm;` would be
/// a bidi mark) or code are escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(
            character,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&'
        ) {
            out.push('\\');
        }
        out.push(character);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::document::Cell;

    #[test]
    fn tables_escape_pipes_and_align_numbers() {
        let mut document = Document::default();
        document.heading(2, "Chỉ tiêu");
        document.table(Table {
            columns: vec!["Mã".into(), "Giá trị".into()],
            rows: vec![vec![Cell::new("a|b"), Cell::new("72,5%")]],
            numeric: vec![1],
        });
        assert_eq!(
            render(&document),
            "## Chỉ tiêu\n\n| Mã | Giá trị |\n| --- | ---: |\n| a\\|b | 72,5% |\n"
        );
    }

    #[test]
    fn text_cannot_open_a_block_of_its_own() {
        let mut document = Document::default();
        document.paragraph("===");
        document.nested_list(vec![(
            "1. đầu".to_owned(),
            [
                "- ghi nhận",
                "---",
                "    mã",
                "~~~",
                "2) x",
                "+ y",
                "| a |",
                "a\n- giả",
            ]
            .map(str::to_owned)
            .to_vec(),
        )]);
        document.list(vec!["x\n- giả\n===".to_owned()]);
        assert_eq!(
            render(&document),
            "\\===\n\n- 1\\. đầu\n  - \\- ghi nhận\n  - \\---\n  - mã\n  - \\~~~\n  - 2\\) x\n  - \\+ y\n  - \\| a |\n  - a - giả\n\n- x - giả ===\n"
        );
    }

    #[test]
    fn markup_characters_in_plan_text_are_escaped() {
        let mut document = Document::default();
        document.paragraph("**đạt 30%** <b>x</b>");
        assert_eq!(render(&document), "\\*\\*đạt 30%\\*\\* \\<b\\>x\\</b\\>\n");
    }
}
