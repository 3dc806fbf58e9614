//! Words as Vietnamese (and English) reports write them: counts, periods,
//! dates in a document's header, names cut at a word, the text of a plan
//! turned into a phrase.

use crate::time::period::{Period, PeriodKind, format_day};
use crate::words::labels::Language;

/// One text in either language.
pub fn say(language: Language, vi: impl Into<String>, en: impl Into<String>) -> String {
    match language {
        Language::Vi => vi.into(),
        Language::En => en.into(),
    }
}

pub use crate::words::number::count;

/// "03 nhiệm vụ" / "3 tasks", "1 task".
pub fn counted(amount: usize, vi: &str, en: &str, language: Language) -> String {
    match language {
        Language::Vi => format!("{} {vi}", count(amount, language)),
        Language::En if amount == 1 => format!("1 {en}"),
        Language::En => format!("{} {en}s", count(amount, language)),
    }
}

/// The period as a sentence names it: "Quý II năm 2024", "6 tháng đầu năm
/// 2024", "the second quarter of 2024".
pub fn period_phrase(period: &Period, language: Language) -> String {
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    const ORDINAL: [&str; 4] = ["first", "second", "third", "fourth"];
    let index = |number: u32| (number as usize).clamp(1, 4) - 1;
    match period.kind {
        PeriodKind::Quarter { year, quarter } => say(
            language,
            format!("Quý {} năm {year}", ROMAN[index(quarter)]),
            format!("the {} quarter of {year}", ORDINAL[index(quarter)]),
        ),
        PeriodKind::Month { year, month } => say(
            language,
            format!("tháng {month} năm {year}"),
            period.name(language),
        ),
        PeriodKind::Half { .. } | PeriodKind::NineMonths { .. } | PeriodKind::Year { .. } => {
            match language {
                Language::Vi => period.name(language),
                Language::En => format!("the {}", period.name(language)),
            }
        }
        PeriodKind::Week | PeriodKind::Range => say(
            language,
            format!(
                "từ ngày {} đến ngày {}",
                format_day(period.start, language),
                format_day(period.end, language)
            ),
            format!(
                "from {} to {}",
                format_day(period.start, language),
                format_day(period.end, language)
            ),
        ),
    }
}

/// The first letter in lower case: a title inside a sentence.
pub fn lowercase_first(text: &str) -> String {
    let mut characters = text.chars();
    characters
        .next()
        .map(|first| first.to_lowercase().chain(characters).collect())
        .unwrap_or_default()
}

/// The first letter in upper case: a phrase starting a sentence.
pub fn uppercase_first(text: &str) -> String {
    let mut characters = text.chars();
    characters
        .next()
        .map(|first| first.to_uppercase().chain(characters).collect())
        .unwrap_or_default()
}

pub use crate::words::short_name::without_stop;

/// A text, then a full stop unless it ends with one already.
pub fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// "a, b và c" / "a, b and c".
pub fn joined(items: &[String], language: Language) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), say(language, "và", "and")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_vietnamese_reports_write_them() {
        let cases = [
            (0, "0", "0"),
            (6, "06", "6"),
            (9, "09", "9"),
            (10, "10", "10"),
            (42, "42", "42"),
            (999, "999", "999"),
            (1000, "1.000", "1,000"),
            (8000, "8.000", "8,000"),
            (1_234_567, "1.234.567", "1,234,567"),
        ];
        for (amount, vi, en) in cases {
            assert_eq!(count(amount, Language::Vi), vi);
            assert_eq!(count(amount, Language::En), en);
        }
        assert_eq!(counted(1, "nhiệm vụ", "task", Language::En), "1 task");
        assert_eq!(counted(3, "nhiệm vụ", "task", Language::En), "3 tasks");
        assert_eq!(counted(3, "nhiệm vụ", "task", Language::Vi), "03 nhiệm vụ");
    }

    #[test]
    fn periods_in_sentences() {
        let quarter = Period::quarter(2024, 2).expect("Q2");
        assert_eq!(period_phrase(&quarter, Language::Vi), "Quý II năm 2024");
        assert_eq!(
            period_phrase(&quarter, Language::En),
            "the second quarter of 2024"
        );
        let half = Period::half(2024, 1).expect("H1");
        assert_eq!(period_phrase(&half, Language::Vi), "6 tháng đầu năm 2024");
        let month = Period::month(2024, 6).expect("June");
        assert_eq!(period_phrase(&month, Language::Vi), "tháng 6 năm 2024");
    }

    #[test]
    fn sentence_ends() {
        assert_eq!(sentence("Đăng 31 tin bài"), "Đăng 31 tin bài.");
        assert_eq!(sentence("Đăng 31 tin bài."), "Đăng 31 tin bài.");
        assert_eq!(without_stop("giải quyết;"), "giải quyết");
        assert_eq!(without_stop("giải quyết…"), "giải quyết");
        assert_eq!(
            joined(&["a".into(), "b".into(), "c".into()], Language::Vi),
            "a, b và c"
        );
    }
}
