//! A document in blocks (headings, paragraphs, lists, tables) that `status`
//! and `report` build once and every markup format renders in its own way.

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
    Chart(Chart),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    pub fn chart(&mut self, chart: Chart) {
        self.blocks.push(Block::Chart(chart));
    }
}

/// A picture of numbers, drawn only by formats that can (HTML).
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// One bar per target: its latest value against its goal on a 0–`max` scale.
    Goals { title: String, bars: Vec<GoalBar> },
    /// One stacked bar per row: counts of tasks in each state.
    Stacked {
        title: String,
        legend: Vec<(String, Tone)>,
        rows: Vec<(String, Vec<usize>)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalBar {
    pub label: String,
    pub value: Option<f64>,
    pub goal: f64,
    pub max: f64,
    /// What the bar says in words, e.g. "81% / ≥ 80%".
    pub caption: String,
    pub tone: Tone,
}
