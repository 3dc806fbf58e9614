//! What a unit types in a form's cells, read as a record's values: status
//! words in Vietnamese or English, with or without diacritics; numbers with
//! a decimal comma; dates as Excel dates or as Vietnamese documents write
//! them.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use crate::plan::file::{Progress, Verdict};

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

/// A qualitative target's assessment: "Đạt", "chưa đạt", "không đạt",
/// "met", "not met", with or without diacritics.
pub fn verdict(text: &str) -> Result<Verdict, String> {
    match folded(text).as_str() {
        "dat" | "met" => Ok(Verdict::Met),
        "chua dat" | "khong dat" | "not met" => Ok(Verdict::NotMet),
        _ => Err(format!(
            "`{}` is not an assessment; choose Đạt or Chưa đạt",
            text.trim()
        )),
    }
}

/// Lower case, without diacritics (đ as d), words separated by one space.
pub fn folded(text: &str) -> String {
    let stripped: String = text
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            '-' | '_' => ' ',
            other => other,
        })
        .collect::<String>()
        .to_lowercase();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A status word; the error lists the words a cell may hold.
pub fn status(text: &str) -> Result<Progress, String> {
    let word = folded(text);
    let known: &[(&str, Progress)] = &[
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
    known
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, progress)| *progress)
        .ok_or_else(|| {
            format!(
                "`{}` is not a status; choose from the list: {}",
                text.trim(),
                STATUS_WORDS
                    .iter()
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
}

/// A number typed in a cell: `72,5`, `72.5`, `72,5%` (`number_input.rs`).
pub fn number(text: &str) -> Result<f64, String> {
    crate::number_input::parse(text)
}

/// The day an Excel date serial stands for (1900 date system: serial 1 is
/// 1 January 1900, and Excel counts a 29 February 1900 that never was).
pub fn excel_day(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)] // in range, checked above
    let whole = serial.floor() as i64;
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if whole < 61 { whole + 1 } else { whole };
    base.checked_add_signed(chrono::Duration::days(days))
}

/// A date typed as text: `30/6/2024`, `30-06-2024`, `30.06.2024` or `2024-06-30`.
pub fn date_text(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        // "30/9/24" is not the year 24.
        .filter(|day| day.year() >= 1000)
        .ok_or_else(|| format!("`{text}` is not a date; write it as dd/mm/yyyy, e.g. 30/06/2024"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_with_or_without_diacritics() {
        let cases = [
            ("Đang thực hiện", Progress::InProgress),
            ("đang thực hiện", Progress::InProgress),
            ("dang thuc hien", Progress::InProgress),
            ("DANG THUC HIEN", Progress::InProgress),
            ("  Hoàn  thành ", Progress::Done),
            ("hoan thanh", Progress::Done),
            ("Hoàn thành", Progress::Done),
            ("done", Progress::Done),
            ("in-progress", Progress::InProgress),
            ("Vướng mắc", Progress::Blocked),
            ("Hủy", Progress::Cancelled),
            ("huỷ", Progress::Cancelled),
            ("Chưa thực hiện", Progress::NotStarted),
        ];
        for (text, expected) in cases {
            assert_eq!(status(text), Ok(expected), "{text}");
        }
        assert!(status("xong rồi").is_err());
        assert!(status("").is_err());
    }

    #[test]
    fn assessments_with_or_without_diacritics() {
        let cases = [
            ("Đạt", Ok(Verdict::Met)),
            ("dat", Ok(Verdict::Met)),
            (" ĐẠT ", Ok(Verdict::Met)),
            ("met", Ok(Verdict::Met)),
            ("Chưa đạt", Ok(Verdict::NotMet)),
            ("chua dat", Ok(Verdict::NotMet)),
            ("Không đạt", Ok(Verdict::NotMet)),
            ("not met", Ok(Verdict::NotMet)),
            (
                "Hoàn thành",
                Err("`Hoàn thành` is not an assessment; choose Đạt or Chưa đạt".to_owned()),
            ),
            (
                "",
                Err("`` is not an assessment; choose Đạt or Chưa đạt".to_owned()),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(verdict(text), expected, "{text}");
        }
    }

    #[test]
    fn excel_serials_are_days() {
        let cases = [
            (45_473.0, "2024-06-30"),
            (45_473.75, "2024-06-30"),
            (45_292.0, "2024-01-01"),
            (59.0, "1900-02-28"),
            (61.0, "1900-03-01"),
            (1.0, "1900-01-01"),
        ];
        for (serial, expected) in cases {
            assert_eq!(
                excel_day(serial).map(|day| day.to_string()).as_deref(),
                Some(expected),
                "{serial}"
            );
        }
        assert_eq!(excel_day(0.0), None);
        assert_eq!(excel_day(-3.0), None);
    }

    #[test]
    fn dates_as_offices_type_them() {
        let day = NaiveDate::from_ymd_opt(2024, 6, 3).expect("day");
        for text in [
            "3/6/2024",
            "03/06/2024",
            "03-06-2024",
            "03.06.2024",
            "2024-06-03",
        ] {
            assert_eq!(date_text(text), Ok(day), "{text}");
        }
        assert!(date_text("31/6/2024").is_err());
        assert!(date_text("30/9/24").is_err());
        assert!(date_text("6/3").is_err());
    }
}
