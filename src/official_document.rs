//! An administrative document in the form Decree 30/2020/NĐ-CP sets: the
//! two-column header (agencies, number, Quốc hiệu, Tiêu ngữ, place and
//! date), the document type and its subject, the body, the recipients and
//! the signature block, and an appendix on its own pages. Built once with
//! every text in the reader's language; the Word, HTML, Markdown and text
//! renderers draw the same parts in the same order.

use crate::document::{Block, Cell, Document, Table};
use crate::labels::Language;

#[derive(Debug, Clone, PartialEq)]
pub struct OfficialDocument {
    pub language: Language,
    /// The agency above the issuer, in capitals ("UBND TỈNH KON TUM"); a
    /// dotted blank when the plan does not say.
    pub parent_agency: String,
    /// The issuing agency, in capitals ("SỞ KHOA HỌC VÀ CÔNG NGHỆ").
    pub agency: String,
    /// "Số:      /BC-SKHCN": the number is left for the office to register.
    pub number: String,
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    pub national_title: String,
    /// "Độc lập - Tự do - Hạnh phúc"
    pub motto: String,
    /// "Kon Tum, ngày 05 tháng 7 năm 2024", or with blanks to fill.
    pub place_and_date: String,
    /// "BÁO CÁO"
    pub kind: String,
    /// The trích yếu: what the report is about, and its period.
    pub subject: String,
    pub body: Vec<Block>,
    /// "Nơi nhận:"
    pub recipients_heading: String,
    /// Each line as printed: "- Sở Kế hoạch và Đầu tư;", the last "- Lưu: VT."
    pub recipients: Vec<String>,
    pub signature: Signature,
    pub appendix: Option<Appendix>,
}

/// The signer's authority in capitals ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
/// room for the signature and seal, and the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub authority: Vec<String>,
    pub name: Option<String>,
}

/// An appendix: "Phụ lục", its title, what it is attached to, and a table
/// whose rows may be grouped under headings.
#[derive(Debug, Clone, PartialEq)]
pub struct Appendix {
    pub heading: String,
    pub title: String,
    /// "(Kèm theo Báo cáo số      /BC-SKHCN ngày …)"
    pub attached_to: String,
    pub columns: Vec<Column>,
    pub rows: Vec<AppendixRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    /// Its share of the table's width, in millimetres on A4 landscape.
    pub width_mm: u32,
    /// Numbers and counts, centred under their heading.
    pub centred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppendixRow {
    /// A heading row across the table ("1. Chỉ số Tính minh bạch").
    Group(String),
    Entry(Vec<String>),
}

/// The Quốc hiệu, as every administrative document heads its right column.
pub fn national_title(language: Language) -> String {
    match language {
        Language::Vi => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        Language::En => "SOCIALIST REPUBLIC OF VIET NAM",
    }
    .to_owned()
}

/// The Tiêu ngữ under it.
pub fn motto(language: Language) -> String {
    match language {
        Language::Vi => "Độc lập - Tự do - Hạnh phúc",
        Language::En => "Independence - Freedom - Happiness",
    }
    .to_owned()
}

impl OfficialDocument {
    /// The whole document as blocks, for Markdown and plain text: the
    /// header as lines, then the body, recipients, signature and appendix.
    pub fn as_document(&self) -> Document {
        let mut document = Document::default();
        // The two-column header as a table: the agencies and number on the
        // left, Quốc hiệu, Tiêu ngữ, place and date on the right.
        document.table(Table {
            columns: vec![self.parent_agency.clone(), self.national_title.clone()],
            rows: vec![
                vec![
                    Cell::new(self.agency.clone()),
                    Cell::new(self.motto.clone()),
                ],
                vec![
                    Cell::new(self.number.clone()),
                    Cell::new(self.place_and_date.clone()),
                ],
            ],
            numeric: Vec::new(),
        });
        document.heading(1, self.kind.clone());
        document.paragraph(self.subject.clone());
        for block in &self.body {
            document.blocks.push(block.clone());
        }
        document.paragraph(self.recipients_heading.clone());
        document.list(
            self.recipients
                .iter()
                .map(|line| line.trim_start_matches("- ").to_owned())
                .collect(),
        );
        let mut signature = self.signature.authority.clone();
        signature.extend(self.signature.name.clone());
        document.paragraph(signature.join(" — "));
        if let Some(appendix) = &self.appendix {
            document.heading(2, format!("{}: {}", appendix.heading, appendix.title));
            document.paragraph(appendix.attached_to.clone());
            document.table(appendix.flat_table());
        }
        document
    }
}

impl Appendix {
    /// The table with each group heading as a row of its own, its text in
    /// the second column: for formats without cells across columns.
    pub fn flat_table(&self) -> Table {
        let width = self.columns.len();
        Table {
            columns: self
                .columns
                .iter()
                .map(|column| column.title.clone())
                .collect(),
            rows: self
                .rows
                .iter()
                .map(|row| match row {
                    AppendixRow::Group(text) => {
                        let mut cells = vec![Cell::new(""); width];
                        if let Some(cell) = cells.get_mut(1) {
                            *cell = Cell::new(text.clone());
                        }
                        cells
                    }
                    AppendixRow::Entry(cells) => {
                        cells.iter().map(|text| Cell::new(text.clone())).collect()
                    }
                })
                .collect(),
            numeric: vec![0],
        }
    }
}
