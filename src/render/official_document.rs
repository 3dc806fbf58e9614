//! An administrative document in the form Decree 30/2020/NĐ-CP sets: the
//! two-column header (agencies, number, Quốc hiệu, Tiêu ngữ, place and
//! date), the document type and its subject, the body, the recipients and
//! the signature block, and an appendix on its own pages. Built once with
//! every text in the reader's language; the Word, HTML, Markdown and text
//! renderers draw the same parts in the same order.

use chrono::{Datelike, NaiveDate};

use crate::render::document::{Block, Cell, Document, Table};
use crate::time::period::format_day;
use crate::words::labels::Language;

/// Dots where the office writes by hand what ddci was not given.
pub const BLANK: &str = "……………";

/// The room left for the registered number in "Số:      /BC-…".
pub const NUMBER_BLANK: &str = "      ";

/// What frames a report, whoever sends it: who sends it and under whom, its
/// code, where and when it is signed, and who signs. Both the department's
/// report and the province's summary are made from one, so the header, the
/// number, the date line, the signature (and its "KT." rule) and the
/// appendix's "Kèm theo" line are written once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub language: Language,
    /// The agency above the sender, as written ("Ủy ban nhân dân tỉnh Kon
    /// Tum"); `None`: dots to fill.
    pub parent_agency: Option<String>,
    /// The sender ("Sở Khoa học và Công nghệ").
    pub agency: String,
    /// The code after "BC-"; `None`: dots to fill.
    pub code: Option<String>,
    /// The place in the date line; `None`: dots to fill.
    pub place: Option<String>,
    /// The day it is signed; `None`: blanks in the date line.
    pub signed_on: Option<NaiveDate>,
    /// The year a blank date line is in: the year after the period, never
    /// the day the file is made.
    pub signing_year: i32,
    pub signature: Signature,
}

impl Frame {
    /// The code after "BC-", or dots.
    pub fn code(&self) -> &str {
        self.code.as_deref().unwrap_or(BLANK)
    }

    /// "Số:      /BC-SKHCN".
    pub fn number(&self) -> String {
        let label = match self.language {
            Language::Vi => "Số:",
            Language::En => "No.:",
        };
        format!("{label}{NUMBER_BLANK}/BC-{}", self.code())
    }

    /// The day as an appendix cites it: "05/07/2024", or blanks with the
    /// year, as in the header.
    pub fn signed_day(&self) -> String {
        match self.signed_on {
            Some(day) => format_day(day, self.language),
            None => format!("{NUMBER_BLANK}/{NUMBER_BLANK}/{}", self.signing_year),
        }
    }

    /// "(Kèm theo Báo cáo số      /BC-SKHCN ngày …/…/2024 của Sở …)".
    pub fn attached_to(&self) -> String {
        match self.language {
            Language::Vi => format!(
                "(Kèm theo Báo cáo số{NUMBER_BLANK}/BC-{} ngày {} của {})",
                self.code(),
                self.signed_day(),
                self.agency
            ),
            Language::En => format!(
                "(Attached to Report No.{NUMBER_BLANK}/BC-{} of {} by the {})",
                self.code(),
                self.signed_day(),
                self.agency
            ),
        }
    }

    /// The document in this frame: the header from the frame, then the
    /// subject, body, recipients and appendix given.
    pub fn document(
        &self,
        subject: String,
        body: Vec<Block>,
        recipients: Vec<String>,
        appendix: Option<Appendix>,
    ) -> OfficialDocument {
        let language = self.language;
        let say = |vi: &str, en: &str| match language {
            Language::Vi => vi.to_owned(),
            Language::En => en.to_owned(),
        };
        OfficialDocument {
            language,
            parent_agency: self
                .parent_agency
                .as_deref()
                .map_or_else(|| BLANK.to_owned(), str::to_uppercase),
            agency: self.agency.to_uppercase(),
            number: self.number(),
            national_title: national_title(language),
            motto: motto(language),
            place_and_date: place_and_date(
                self.place.as_deref().unwrap_or(BLANK),
                self.signed_on,
                self.signing_year,
                language,
            ),
            kind: say("BÁO CÁO", "REPORT"),
            subject,
            body,
            recipients_heading: say("Nơi nhận:", "Recipients:"),
            recipients,
            signature: self.signature.clone(),
            appendix,
        }
    }
}

/// The place and date under the Tiêu ngữ: "Kon Tum, ngày 05 tháng 7 năm
/// 2024" (a day below 10 and the months 1 and 2 with a leading zero). With
/// no day, blanks the office fills by hand when the report is signed.
pub fn place_and_date(
    place: &str,
    day: Option<NaiveDate>,
    year: i32,
    language: Language,
) -> String {
    const GAP: &str = "     ";
    match (day, language) {
        (Some(day), Language::Vi) => {
            let month = if day.month() <= 2 {
                format!("{:02}", day.month())
            } else {
                day.month().to_string()
            };
            format!(
                "{place}, ngày {:02} tháng {month} năm {}",
                day.day(),
                day.year()
            )
        }
        (Some(day), Language::En) => format!("{place}, {}", day.format("%-d %B %Y")),
        (None, Language::Vi) => format!("{place}, ngày{GAP}tháng{GAP}năm {year}"),
        (None, Language::En) => format!("{place}, ……… {year}"),
    }
}

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

impl Signature {
    /// Signed by `name` with `title`; a deputy signing for the head
    /// (`signs_for`, "Giám đốc") signs under "KT. GIÁM ĐỐC" (ký thay); in
    /// English the titles the glossary knows are named in English.
    pub fn signed(
        title: &str,
        name: Option<&str>,
        signs_for: Option<&str>,
        language: Language,
    ) -> Self {
        use crate::words::official_titles::{signing_for, title_in};
        Self {
            authority: signs_for
                .map(|head| {
                    format!(
                        "{} {}",
                        signing_for(language),
                        title_in(head, language).to_uppercase()
                    )
                })
                .into_iter()
                .chain(std::iter::once(title_in(title, language).to_uppercase()))
                .collect(),
            name: name.map(str::to_owned),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_dates_follow_decree_30() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            (day(2024, 7, 5), "Kon Tum, ngày 05 tháng 7 năm 2024"),
            (day(2024, 2, 9), "Kon Tum, ngày 09 tháng 02 năm 2024"),
            (day(2024, 1, 15), "Kon Tum, ngày 15 tháng 01 năm 2024"),
            (day(2024, 12, 31), "Kon Tum, ngày 31 tháng 12 năm 2024"),
            (day(2024, 3, 10), "Kon Tum, ngày 10 tháng 3 năm 2024"),
            (None, "Kon Tum, ngày     tháng     năm 2024"),
        ];
        for (day, expected) in cases {
            assert_eq!(place_and_date("Kon Tum", day, 2024, Language::Vi), expected);
        }
        assert_eq!(
            place_and_date("Kon Tum", day(2024, 7, 5), 2024, Language::En),
            "Kon Tum, 5 July 2024"
        );
    }

    fn frame(code: Option<&str>, signed_on: Option<NaiveDate>, language: Language) -> Frame {
        Frame {
            language,
            parent_agency: Some("Ủy ban nhân dân tỉnh Kon Tum".to_owned()),
            agency: "Sở Khoa học và Công nghệ".to_owned(),
            code: code.map(str::to_owned),
            place: Some("Kon Tum".to_owned()),
            signed_on,
            signing_year: 2024,
            signature: Signature::signed("Giám đốc", None, None, Language::Vi),
        }
    }

    /// The number, the appendix's line and the header, for either report.
    #[test]
    fn a_frame_writes_the_number_and_what_an_appendix_is_attached_to() {
        let day = NaiveDate::from_ymd_opt(2024, 7, 5);
        let cases = [
            (
                frame(Some("SKHCN"), day, Language::Vi),
                "Số:      /BC-SKHCN",
                "(Kèm theo Báo cáo số      /BC-SKHCN ngày 05/07/2024 của Sở Khoa học và Công nghệ)",
            ),
            (
                frame(None, None, Language::Vi),
                "Số:      /BC-……………",
                "(Kèm theo Báo cáo số      /BC-…………… ngày       /      /2024 của Sở Khoa học và Công nghệ)",
            ),
            (
                frame(Some("SKHCN"), day, Language::En),
                "No.:      /BC-SKHCN",
                "(Attached to Report No.      /BC-SKHCN of 2024-07-05 by the Sở Khoa học và Công nghệ)",
            ),
        ];
        for (frame, number, attached) in cases {
            assert_eq!(frame.number(), number);
            assert_eq!(frame.attached_to(), attached);
        }
        let document =
            frame(None, None, Language::Vi).document(String::new(), Vec::new(), Vec::new(), None);
        assert_eq!(document.parent_agency, "ỦY BAN NHÂN DÂN TỈNH KON TUM");
        assert_eq!(document.agency, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
        assert_eq!(
            document.place_and_date,
            "Kon Tum, ngày     tháng     năm 2024"
        );
        let unplaced = Frame {
            parent_agency: None,
            place: None,
            ..frame(None, None, Language::Vi)
        };
        let document = unplaced.document(String::new(), Vec::new(), Vec::new(), None);
        assert_eq!(document.parent_agency, BLANK);
        assert_eq!(
            document.place_and_date,
            "……………, ngày     tháng     năm 2024"
        );
    }

    /// "KT." (ký thay) only when a deputy signs for the head.
    #[test]
    fn a_deputy_signs_for_the_head() {
        assert_eq!(
            Signature::signed(
                "Phó Giám đốc",
                Some("Nguyễn Văn A"),
                Some("Giám đốc"),
                Language::Vi,
            ),
            Signature {
                authority: vec!["KT. GIÁM ĐỐC".to_owned(), "PHÓ GIÁM ĐỐC".to_owned()],
                name: Some("Nguyễn Văn A".to_owned()),
            }
        );
        assert_eq!(
            Signature::signed("Giám đốc", None, None, Language::Vi),
            Signature {
                authority: vec!["GIÁM ĐỐC".to_owned()],
                name: None,
            }
        );
    }
}
