//! Text folded for comparison: what a person means as the same word.

use unicode_normalization::UnicodeNormalization;

/// Lower case, without diacritics (đ as d), `-` and `_` as spaces, words
/// separated by one space: "Đang  thực-hiện" and "dang thuc hien" fold alike.
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

#[cfg(test)]
mod tests {
    use super::folded;

    #[test]
    fn folds_case_diacritics_and_separators() {
        let cases = [
            ("Đang thực hiện", "dang thuc hien"),
            ("  Hoàn  thành ", "hoan thanh"),
            ("in-progress", "in progress"),
            ("not_started", "not started"),
            ("HỦY", "huy"),
            ("huỷ", "huy"),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(folded(text), expected, "{text}");
        }
    }
}
