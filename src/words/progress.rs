//! The words for a task's progress and a qualitative target's assessment,
//! as the plan file stores them and as people type them: in Vietnamese or
//! English, with or without diacritics, in any case, with spaces, hyphens or
//! underscores. `record --status`, a form's cell and an imported CSV read
//! them by this one table.

use schemars::JsonSchema;
use serde::Deserialize;

use super::fold::folded;

/// What a record says of a task's work.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    JsonSchema,
    serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Cancelled,
}

/// A qualitative target's assessment, as recorded.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    JsonSchema,
    serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    #[serde(alias = "đạt")]
    Met,
    #[serde(alias = "chưa đạt")]
    NotMet,
}

impl Progress {
    /// The word the plan file uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Blocked => "blocked",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The words of the form's drop-down, in its order.
pub const STATUS_WORDS: [(&str, Progress); 5] = [
    ("Chưa thực hiện", Progress::NotStarted),
    ("Đang thực hiện", Progress::InProgress),
    ("Hoàn thành", Progress::Done),
    ("Vướng mắc", Progress::Blocked),
    ("Hủy", Progress::Cancelled),
];

/// The words of a qualitative target's drop-down, in its order.
pub const VERDICT_WORDS: [(&str, Verdict); 2] =
    [("Đạt", Verdict::Met), ("Chưa đạt", Verdict::NotMet)];

/// Every progress word accepted, folded (`fold.rs`).
const PROGRESS_READINGS: [(&str, Progress); 16] = [
    ("chua thuc hien", Progress::NotStarted),
    ("chua bat dau", Progress::NotStarted),
    ("not started", Progress::NotStarted),
    ("dang thuc hien", Progress::InProgress),
    ("in progress", Progress::InProgress),
    ("hoan thanh", Progress::Done),
    ("da hoan thanh", Progress::Done),
    ("done", Progress::Done),
    ("completed", Progress::Done),
    ("vuong mac", Progress::Blocked),
    ("blocked", Progress::Blocked),
    ("huy", Progress::Cancelled),
    ("da huy", Progress::Cancelled),
    ("dung thuc hien", Progress::Cancelled),
    ("cancelled", Progress::Cancelled),
    ("canceled", Progress::Cancelled),
];

/// Every assessment accepted, folded.
const VERDICT_READINGS: [(&str, Verdict); 5] = [
    ("dat", Verdict::Met),
    ("met", Verdict::Met),
    ("chua dat", Verdict::NotMet),
    ("khong dat", Verdict::NotMet),
    ("not met", Verdict::NotMet),
];

/// A progress word; the error lists the words that may be written.
pub fn progress(text: &str) -> Result<Progress, String> {
    let word = folded(text);
    PROGRESS_READINGS
        .iter()
        .find(|(reading, _)| *reading == word)
        .map(|(_, progress)| *progress)
        .ok_or_else(|| {
            crate::say!(
                "`{}` không phải tiến độ; chọn trong danh sách: {} \
                 (hoặc not-started, in-progress, done, blocked, cancelled)",
                "`{}` is not a status; choose from the list: {} \
                 (or not-started, in-progress, done, blocked, cancelled)",
                text.trim(),
                STATUS_WORDS.map(|(word, _)| word).join(", ")
            )
        })
}

/// An assessment: "Đạt", "chưa đạt", "không đạt", "met", "not met".
pub fn verdict(text: &str) -> Result<Verdict, String> {
    let word = folded(text);
    VERDICT_READINGS
        .iter()
        .find(|(reading, _)| *reading == word)
        .map(|(_, verdict)| *verdict)
        .ok_or_else(|| {
            crate::say!(
                "`{}` không phải kết quả đánh giá; chọn Đạt hoặc Chưa đạt (hoặc met, not-met)",
                "`{}` is not an assessment; choose Đạt or Chưa đạt (or met, not-met)",
                text.trim()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_words_however_typed() {
        let cases = [
            ("Đang thực hiện", Progress::InProgress),
            ("đang thực hiện", Progress::InProgress),
            ("dang thuc hien", Progress::InProgress),
            ("DANG THUC HIEN", Progress::InProgress),
            ("dang-thuc-hien", Progress::InProgress),
            ("  Hoàn  thành ", Progress::Done),
            ("hoan thanh", Progress::Done),
            ("Hoàn thành", Progress::Done),
            ("đã hoàn thành", Progress::Done),
            ("done", Progress::Done),
            ("DONE", Progress::Done),
            ("in-progress", Progress::InProgress),
            ("in_progress", Progress::InProgress),
            ("Vướng mắc", Progress::Blocked),
            ("Hủy", Progress::Cancelled),
            ("huỷ", Progress::Cancelled),
            ("dừng thực hiện", Progress::Cancelled),
            ("Chưa thực hiện", Progress::NotStarted),
            ("not-started", Progress::NotStarted),
        ];
        for (text, expected) in cases {
            assert_eq!(progress(text), Ok(expected), "{text}");
        }
        assert_eq!(
            progress(" xong rồi "),
            Err(
                "`xong rồi` is not a status; choose from the list: Chưa thực hiện, \
                 Đang thực hiện, Hoàn thành, Vướng mắc, Hủy \
                 (or not-started, in-progress, done, blocked, cancelled)"
                    .to_owned()
            )
        );
        assert!(progress("").is_err());
        assert!(progress("hoan").is_err());
    }

    #[test]
    fn assessments_however_typed() {
        let cases = [
            ("Đạt", Ok(Verdict::Met)),
            ("dat", Ok(Verdict::Met)),
            (" ĐẠT ", Ok(Verdict::Met)),
            ("met", Ok(Verdict::Met)),
            ("Chưa đạt", Ok(Verdict::NotMet)),
            ("chua-dat", Ok(Verdict::NotMet)),
            ("Không đạt", Ok(Verdict::NotMet)),
            ("not met", Ok(Verdict::NotMet)),
            ("not-met", Ok(Verdict::NotMet)),
            (
                "Hoàn thành",
                Err(
                    "`Hoàn thành` is not an assessment; choose Đạt or Chưa đạt (or met, not-met)"
                        .to_owned(),
                ),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(verdict(text), expected, "{text}");
        }
    }

    #[test]
    fn every_drop_down_word_reads_back_as_itself() {
        for (word, expected) in STATUS_WORDS {
            assert_eq!(progress(word), Ok(expected), "{word}");
        }
        for (word, expected) in VERDICT_WORDS {
            assert_eq!(verdict(word), Ok(expected), "{word}");
        }
    }
}
