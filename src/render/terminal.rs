//! Terminal text: headings, wrapped paragraphs, lists and tables that fit the
//! width, with colour only when asked for.

use comfy_table::{
    Attribute, Cell as TableCell, CellAlignment, Color, ColumnConstraint, ContentArrangement,
    Table as ComfyTable, Width, presets,
};

use crate::render::document::{Block, Document, Table, Tone};

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
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading { level, text } => {
                // A long title wraps between words, underlined as wide as it is.
                let wrapped = wrap(text, usize::from(layout.width), "");
                for line in wrapped.lines() {
                    out.push_str(&styled(line, layout.color, "\u{1b}[1m"));
                    out.push('\n');
                }
                if *level <= 1 {
                    let widest = wrapped.lines().map(|line| line.chars().count()).max();
                    out.push_str(&"═".repeat(widest.unwrap_or(0)));
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
                let parts = split_to_fit(&without_empty_columns(table), layout.width);
                for (number, part) in parts.iter().enumerate() {
                    if number > 0 {
                        out.push('\n');
                    }
                    out.push_str(&table_text(part, layout));
                    out.push('\n');
                }
            }
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
    for (index, constraint) in column_constraints(table, layout.width)
        .into_iter()
        .enumerate()
    {
        if let Some(column) = rendered.column_mut(index) {
            column.set_constraint(constraint);
        }
    }
    rendered.to_string()
}

/// How wide each column may be. A column of numbers is as wide as its
/// longest number or header word, no wider, so the room goes to the words.
/// A column of words gets room for its longest word (ids in the first column
/// in full, others up to a date's width), so no word is broken in the middle,
/// as long as the table still fits; otherwise those floors come down evenly.
fn column_constraints(table: &Table, width: u16) -> Vec<ColumnConstraint> {
    // Padding of one space on each side; one border between columns and at each end.
    let padded = |width: usize| u16::try_from(width + 2).unwrap_or(u16::MAX);
    let columns = table.columns.len();
    let mut floors = whole_word_floors(table);
    let available = usize::from(width).saturating_sub(columns + 1);
    let needed =
        |floors: &[(bool, usize)]| floors.iter().map(|(_, floor)| floor + 2).sum::<usize>();
    // When it does not fit, floors come down in steps: first the headers of
    // numbers to the numbers' width (a header word may break; a number, a
    // name or an id had better not), then other columns to 8 characters, the
    // ids of the first column (an id broken in two cannot be typed back) to
    // 12, the others to 4, and last the ids.
    let numbers_width = |index: usize| -> usize {
        table
            .rows
            .iter()
            .filter_map(|row| row.get(index))
            .map(|cell| cell.text.chars().count())
            .max()
            .unwrap_or(1)
            .max(3)
    };
    for (step, (first_down_to, others_down_to)) in
        [(usize::MAX, 12), (usize::MAX, 8), (12, 8), (12, 4), (4, 4)]
            .into_iter()
            .enumerate()
    {
        if step == 1 && needed(&floors) > available {
            for (index, (numeric, floor)) in floors.iter_mut().enumerate() {
                if *numeric {
                    *floor = (*floor).min(numbers_width(index));
                }
            }
        }
        while needed(&floors) > available {
            let others = floors
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, (numeric, floor))| !numeric && *floor > others_down_to)
                .max_by_key(|(_, (_, floor))| *floor)
                .map(|(index, _)| index);
            let first = floors
                .first()
                .is_some_and(|(numeric, floor)| !numeric && *floor > first_down_to)
                .then_some(0);
            let Some(index) = others.or(first) else {
                break;
            };
            floors[index].1 -= 1;
        }
    }
    // A column never needs more than its longest line: the rest of the room
    // goes to the columns of long texts.
    let longest_line = |index: usize| -> usize {
        column_texts(table, index)
            .flat_map(str::lines)
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0)
    };
    floors
        .into_iter()
        .enumerate()
        .map(|(index, (numeric, floor))| {
            if numeric {
                ColumnConstraint::Absolute(Width::Fixed(padded(floor)))
            } else {
                ColumnConstraint::Boundaries {
                    lower: Width::Fixed(padded(floor)),
                    upper: Width::Fixed(padded(longest_line(index).max(floor))),
                }
            }
        })
        .collect()
}

/// The longest word in a column, its header included.
fn longest_word(table: &Table, index: usize) -> usize {
    column_texts(table, index)
        .flat_map(str::split_whitespace)
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0)
}

/// A column's header and then the text of each of its cells.
fn column_texts(table: &Table, index: usize) -> impl Iterator<Item = &str> {
    std::iter::once(table.columns[index].as_str()).chain(
        table
            .rows
            .iter()
            .filter_map(move |row| row.get(index).map(|cell| cell.text.as_str())),
    )
}

/// Each column's width with no word broken: numbers and their header words
/// in full, ids of the first column up to 24 characters, other words up to
/// 12. Whether the column holds numbers comes with it.
fn whole_word_floors(table: &Table) -> Vec<(bool, usize)> {
    (0..table.columns.len())
        .map(|index| {
            let numeric = table.numeric.contains(&index);
            let cap = if index == 0 { 24 } else { 12 };
            let floor = if numeric {
                longest_word(table, index)
            } else {
                longest_word(table, index).min(cap)
            };
            (numeric, floor)
        })
        .collect()
}

/// A table too wide for the terminal even with every word whole (an index
/// table with scores and six task counts, at 80 columns) becomes as few
/// narrower tables as fit, the columns shared out evenly, each repeating the
/// columns that name a row: those up to and including the first of words.
/// Squeezing it into one would break its header words mid-syllable.
fn split_to_fit(table: &Table, width: u16) -> Vec<Table> {
    let floors = whole_word_floors(table);
    // Each column's words and a space either side; a border between columns
    // and one at each end.
    let fits = |columns: &[usize]| {
        let words: usize = columns.iter().map(|index| floors[*index].1 + 2).sum();
        let borders = columns.len() + 1;
        words + borders <= usize::from(width)
    };
    let all: Vec<usize> = (0..table.columns.len()).collect();
    if fits(&all) {
        return vec![table.clone()];
    }
    let Some(first_words) = floors.iter().position(|(numeric, _)| !numeric) else {
        return vec![table.clone()];
    };
    let (keys, rest) = all.split_at(first_words + 1);
    for parts in 2..=rest.len() {
        let groups: Vec<Vec<usize>> = rest
            .chunks(rest.len().div_ceil(parts))
            .map(|chunk| keys.iter().chain(chunk).copied().collect())
            .collect();
        if groups.iter().all(|group| fits(group)) {
            return groups
                .iter()
                .map(|group| only_columns(table, group))
                .collect();
        }
    }
    vec![table.clone()]
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
    only_columns(table, &keep)
}

/// The table with only the columns `keep`, in that order.
fn only_columns(table: &Table, keep: &[usize]) -> Table {
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
    use crate::render::document::Cell;

    /// The index table of a plan with scores: number, name, three score
    /// columns and six task counts.
    fn index_table() -> Table {
        let columns = [
            "STT",
            "Chỉ số",
            "Điểm 2024",
            "Xếp hạng 2024",
            "Điểm dự kiến 2025",
            "Nhiệm vụ",
            "Hoàn thành",
            "Đang thực hiện",
            "Chưa thực hiện",
            "Chưa có báo cáo",
            "Vướng mắc, trễ hạn",
        ];
        let row = [
            "1",
            "Hỗ trợ doanh nghiệp",
            "5,8",
            "8/10",
            "6,5",
            "1",
            "1",
            "0",
            "0",
            "0",
            "0",
        ];
        Table {
            columns: columns.map(str::to_owned).to_vec(),
            rows: vec![row.map(Cell::new).to_vec()],
            numeric: (0..columns.len()).filter(|column| *column != 1).collect(),
        }
    }

    fn headers(parts: &[Table]) -> Vec<Vec<&str>> {
        parts
            .iter()
            .map(|part| part.columns.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn a_table_too_wide_for_whole_words_is_split_repeating_its_names() {
        let table = index_table();
        // Whole words need 3+6+4+4+4+5+5+4+4+4+5 = 48 characters ("nghiệp",
        // "Nhiệm", "thành", "Vướng"), 22 of padding and 12 borders: 82.
        assert_eq!(headers(&split_to_fit(&table, 82)).len(), 1);
        let parts = split_to_fit(&table, 81);
        assert_eq!(
            headers(&parts),
            [
                vec![
                    "STT",
                    "Chỉ số",
                    "Điểm 2024",
                    "Xếp hạng 2024",
                    "Điểm dự kiến 2025",
                    "Nhiệm vụ",
                    "Hoàn thành"
                ],
                vec![
                    "STT",
                    "Chỉ số",
                    "Đang thực hiện",
                    "Chưa thực hiện",
                    "Chưa có báo cáo",
                    "Vướng mắc, trễ hạn"
                ],
            ]
        );
        assert_eq!(parts[1].numeric, [0, 2, 3, 4, 5]);
        assert_eq!(
            parts[1].rows[0]
                .iter()
                .map(|cell| cell.text.as_str())
                .collect::<Vec<_>>(),
            ["1", "Hỗ trợ doanh nghiệp", "0", "0", "0", "0"]
        );
        // Three parts when two do not fit; none when even one column beside
        // the names does not fit (the table is then squeezed as before).
        assert_eq!(headers(&split_to_fit(&table, 50)).len(), 3);
        assert_eq!(headers(&split_to_fit(&table, 20)).len(), 1);
    }

    #[test]
    fn a_table_of_numbers_only_is_never_split() {
        let mut table = index_table();
        table.numeric = (0..table.columns.len()).collect();
        assert_eq!(headers(&split_to_fit(&table, 40)).len(), 1);
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("một hai ba bốn năm", 10, "- "),
            "- một hai\n  ba bốn\n  năm\n"
        );
    }
}
