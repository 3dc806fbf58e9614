//! The titles a signer holds, as an English report names them: "Giám đốc"
//! is "DIRECTOR", "KT. GIÁM ĐỐC" (ký thay, signing for the head) is "p.p.
//! DIRECTOR". A title not in the glossary is the plan's own words, printed
//! as written.

use crate::words::fold::folded;
use crate::words::labels::Language;

/// The titles offices sign under, most specific first (a deputy's title
/// holds the head's).
const TITLES: [(&str, &str); 10] = [
    ("Phó Giám đốc", "Deputy Director"),
    ("Giám đốc", "Director"),
    ("Phó Chủ tịch", "Vice Chairman"),
    ("Chủ tịch", "Chairman"),
    ("Phó Chánh Văn phòng", "Deputy Chief of Office"),
    ("Chánh Văn phòng", "Chief of Office"),
    ("Phó Chánh Thanh tra", "Deputy Chief Inspector"),
    ("Chánh Thanh tra", "Chief Inspector"),
    ("Phó Trưởng phòng", "Deputy Head of Division"),
    ("Trưởng phòng", "Head of Division"),
];

/// `title` in `language`: the glossary's English for a title it knows
/// (compared folded: "GIÁM ĐỐC", "Giám Đốc" alike), else as written.
pub fn title_in(title: &str, language: Language) -> String {
    match language {
        Language::Vi => title.to_owned(),
        Language::En => TITLES
            .iter()
            .find(|(vi, _)| folded(vi) == folded(title))
            .map_or_else(|| title.to_owned(), |(_, en)| (*en).to_owned()),
    }
}

/// "KT." (ký thay: a deputy signing for the head) in `language`.
pub fn signing_for(language: Language) -> &'static str {
    match language {
        Language::Vi => "KT.",
        Language::En => "p.p.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_titles_are_named_in_english_and_the_rest_as_written() {
        let cases = [
            ("Giám đốc", "Giám đốc", "Director"),
            ("GIÁM ĐỐC", "GIÁM ĐỐC", "Director"),
            ("Phó Giám đốc", "Phó Giám đốc", "Deputy Director"),
            ("Chủ tịch", "Chủ tịch", "Chairman"),
            ("Phó Chủ tịch", "Phó Chủ tịch", "Vice Chairman"),
            ("Chánh Thanh tra", "Chánh Thanh tra", "Chief Inspector"),
            ("Trưởng phòng", "Trưởng phòng", "Head of Division"),
            // Not in the glossary: the plan's words.
            (
                "Giám đốc Trung tâm",
                "Giám đốc Trung tâm",
                "Giám đốc Trung tâm",
            ),
        ];
        for (title, vi, en) in cases {
            assert_eq!(title_in(title, Language::Vi), vi);
            assert_eq!(title_in(title, Language::En), en, "{title}");
        }
    }
}
