//! A new progress record as TOML lines, and where in the file they go: right
//! after the last line of the task or target it is about, so that every byte
//! already in the file stays exactly where and as it was.

use std::fmt::Write as _;

use crate::plan::date::PlanDate;
use crate::plan::file::{Extent, Progress};
use crate::write::toml_text::quoted;

/// Which array the record's parent belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    Task,
    Target,
    Reporting,
}

impl Parent {
    pub fn header(self) -> &'static str {
        match self {
            Self::Task => "[[tasks.records]]",
            Self::Target => "[[targets.records]]",
            Self::Reporting => "[[reporting.records]]",
        }
    }

    /// The top-level array the parent is in.
    pub fn section(self) -> &'static str {
        match self {
            Self::Task => "tasks",
            Self::Target => "targets",
            Self::Reporting => "reporting",
        }
    }

    /// What a person calls the parent.
    pub fn noun(self) -> &'static str {
        use crate::words::language::Language::{En, Vi};
        match (self, crate::words::speech::speaking()) {
            (Self::Task, Vi) => "nhiệm vụ",
            (Self::Task, En) => "task",
            (Self::Target, Vi) => "chỉ tiêu",
            (Self::Target, En) => "target",
            (Self::Reporting, Vi) => "nhiệm vụ báo cáo",
            (Self::Reporting, En) => "reporting duty",
        }
    }
}

/// A record to add, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct NewRecord {
    pub id: Option<String>,
    pub date: Option<PlanDate>,
    pub status: Option<Progress>,
    pub value: Option<f64>,
    pub of: Option<i64>,
    pub note: Option<String>,
    pub by: Option<String>,
    pub evidence: Option<String>,
    pub corrects: Option<String>,
    pub verdict: Option<crate::plan::file::Verdict>,
    pub shortcoming: Option<String>,
    pub cause: Option<String>,
    pub proposal: Option<String>,
    pub period: Option<String>,
}

impl NewRecord {
    /// Whether it says nothing but when and who: no status, figure,
    /// verdict, note, document, shortcoming, cause or proposal.
    pub fn says_nothing(&self) -> bool {
        self.status.is_none()
            && self.value.is_none()
            && self.verdict.is_none()
            && self.note.is_none()
            && self.evidence.is_none()
            && self.shortcoming.is_none()
            && self.cause.is_none()
            && self.proposal.is_none()
    }

    /// The record's TOML lines, header first, keys in a fixed order.
    pub fn lines(&self, parent: Parent) -> Vec<String> {
        let mut lines = vec![parent.header().to_owned()];
        if let Some(id) = &self.id {
            lines.push(format!("id = {}", quoted(id)));
        }
        if let Some(date) = &self.date {
            lines.push(format!("date = {date}"));
        }
        if let Some(status) = self.status {
            lines.push(format!("status = \"{}\"", status.as_str()));
        }
        if let Some(value) = self.value {
            lines.push(format!("value = {}", number(value)));
        }
        if let Some(of) = self.of {
            lines.push(format!("of = {of}"));
        }
        if let Some(period) = &self.period {
            lines.push(format!("period = {}", quoted(period)));
        }
        if let Some(verdict) = self.verdict {
            lines.push(format!(
                "verdict = \"{}\"",
                match verdict {
                    crate::plan::file::Verdict::Met => "met",
                    crate::plan::file::Verdict::NotMet => "not_met",
                }
            ));
        }
        let texts = [
            ("note", &self.note),
            ("by", &self.by),
            ("evidence", &self.evidence),
            ("corrects", &self.corrects),
            ("shortcoming", &self.shortcoming),
            ("cause", &self.cause),
            ("proposal", &self.proposal),
        ];
        for (key, text) in texts {
            if let Some(text) = text {
                lines.push(format!("{key} = {}", quoted(text)));
            }
        }
        lines
    }
}

/// Whole numbers without a fraction (`72`), others as Rust prints them (`72.5`).
fn number(value: f64) -> String {
    // -0 is written as 0.
    let value = if value == 0.0 { 0.0 } else { value };
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let mut out = String::new();
        let _ = write!(out, "{value:.0}");
        out
    } else if value.abs() >= 1e15 {
        // Rust writes 1e308 with all its digits, which TOML reads as an
        // integer too large to hold: keep the exponent.
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// Text to insert and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insertion {
    /// Byte offset in the file.
    pub offset: usize,
    pub text: String,
}

impl Insertion {
    /// The file with the insertion made.
    pub fn apply(&self, text: &str) -> String {
        let mut changed = String::with_capacity(text.len() + self.text.len());
        changed.push_str(&text[..self.offset]);
        changed.push_str(&self.text);
        changed.push_str(&text[self.offset..]);
        changed
    }
}

/// Where `lines` go for an entry spanning `extent`: after the line holding its
/// last value, separated by a blank line, in the file's own line ending. Comments
/// and blank lines after that belong to what follows and stay where they are.
pub fn insertion_after(text: &str, extent: Extent, lines: &[String]) -> Insertion {
    let end = extent.content_end.min(text.len());
    if let Some(newline) = text[end..].find('\n') {
        let offset = end + newline + 1;
        let eol = if text[..end + newline].ends_with('\r') {
            "\r\n"
        } else {
            "\n"
        };
        Insertion {
            offset,
            text: format!("{eol}{}{eol}", lines.join(eol)),
        }
    } else {
        // The file ends without a final newline; it still will.
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        Insertion {
            offset: text.len(),
            text: format!("{eol}{eol}{}", lines.join(eol)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> NewRecord {
        NewRecord {
            date: Some(PlanDate(
                chrono::NaiveDate::from_ymd_opt(2024, 6, 30).expect("date"),
            )),
            status: Some(Progress::InProgress),
            value: Some(72.5),
            note: Some("Đã rà soát \"toàn bộ\" TTHC\nxong".to_owned()),
            ..NewRecord::default()
        }
    }

    #[test]
    fn renders_escaped_one_line_values_in_a_fixed_order() {
        assert_eq!(
            record().lines(Parent::Target),
            [
                "[[targets.records]]",
                "date = 2024-06-30",
                "status = \"in_progress\"",
                "value = 72.5",
                "note = \"Đã rà soát \\\"toàn bộ\\\" TTHC\\nxong\"",
            ]
        );
    }

    #[test]
    fn whole_numbers_have_no_fraction() {
        assert_eq!(number(80.0), "80");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(2.5e15), "2.5e15");
        let read: toml::Value = toml::from_str(&format!("v = {}", number(1e308))).expect("TOML");
        assert_eq!(read["v"].as_float(), Some(1e308));
    }

    #[test]
    fn goes_after_the_last_value_line_before_comments_of_the_next_entry() {
        let text = "[[tasks]]\nid = \"a\" # note\n\n# next\n[[tasks]]\nid = \"b\"\n";
        let extent = Extent {
            header_start: 0,
            content_end: text.find(" # note").expect("present"),
            appendable: true,
        };
        let insertion = insertion_after(text, extent, &["[[tasks.records]]".to_owned()]);
        assert_eq!(
            insertion.apply(text),
            "[[tasks]]\nid = \"a\" # note\n\n[[tasks.records]]\n\n# next\n[[tasks]]\nid = \"b\"\n"
        );
    }

    #[test]
    fn keeps_crlf_and_a_missing_final_newline() {
        let text = "[[tasks]]\r\nid = \"a\"";
        let extent = Extent {
            header_start: 0,
            content_end: text.len(),
            appendable: true,
        };
        let lines = [
            "[[tasks.records]]".to_owned(),
            "date = 2024-01-02".to_owned(),
        ];
        assert_eq!(
            insertion_after(text, extent, &lines).apply(text),
            "[[tasks]]\r\nid = \"a\"\r\n\r\n[[tasks.records]]\r\ndate = 2024-01-02"
        );
    }
}
