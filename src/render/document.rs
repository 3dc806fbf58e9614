//! A document in blocks (headings, paragraphs, lists, tables) that `status`
//! and `report` build once and every markup format renders in its own way.

use crate::words::visible::{one_line, visible};

/// How a cell should stand out where colour is available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    Good,
    Warning,
    Bad,
    Muted,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Plain,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns holding numbers, aligned right where the format allows.
    pub numeric: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading { level: u8, text: String },
    Paragraph(String),
    List(Vec<String>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// Every piece of text enters a document through these, made visible
/// (`visible.rs`): whatever a plan holds, no format draws a control character
/// or a bidi override. A heading or a paragraph is one line.
impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: one_line(&text.into()),
        });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(one_line(&text.into())));
    }

    /// A list of one-line items: whatever line breaks a text brought, an
    /// item is one line.
    pub fn list(&mut self, items: Vec<String>) {
        self.nested_list(items.into_iter().map(|item| (item, Vec::new())).collect());
    }

    /// A list whose items each have one-line sub-items. In the block, an
    /// item's further lines starting `- ` are its sub-items; no other text
    /// can make one.
    pub fn nested_list(&mut self, items: Vec<(String, Vec<String>)>) {
        if items.is_empty() {
            return;
        }
        let items = items
            .into_iter()
            .map(|(item, subitems)| {
                std::iter::once(one_line(&item))
                    .chain(subitems.iter().map(|sub| format!("- {}", one_line(sub))))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        self.blocks.push(Block::List(items));
    }

    pub fn table(&mut self, mut table: Table) {
        for column in &mut table.columns {
            *column = shown(column);
        }
        for cell in table.rows.iter_mut().flatten() {
            cell.text = shown(&cell.text);
        }
        self.blocks.push(Block::Table(table));
    }
}

fn shown(text: &str) -> String {
    visible(text).into_owned()
}
