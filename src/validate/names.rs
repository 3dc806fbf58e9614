//! The names that tell one unit from another are what they read as: the
//! agency, its short name, its province and the agency above it, and every
//! unit's name, with their changes. A zero-width space or a Cyrillic "о" in
//! "Sở Khoa học và Công nghệ" would make another agency of the same name in
//! the province's roll-up, and another unit in the plan.

use super::Context;
use crate::plan::spanned::Spanned;
use crate::read::diagnostic::Diagnostic;
use crate::words::visible::{foreign_letter, invisible};

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    let mut names: Vec<(&Spanned<String>, &str)> = Vec::new();
    if let Some(plan) = &file.plan {
        names.push((&plan.agency, "agency"));
        names.push((&plan.province, "province"));
        names.extend(
            plan.agency_short
                .iter()
                .map(|short| (short, "agency_short")),
        );
        names.extend(
            plan.parent_agency
                .iter()
                .map(|parent| (parent, "parent_agency")),
        );
        for change in &plan.changes {
            names.extend(change.agency.iter().map(|name| (name, "agency")));
            names.extend(change.province.iter().map(|name| (name, "province")));
            names.extend(
                change
                    .parent_agency
                    .iter()
                    .map(|name| (name, "parent_agency")),
            );
        }
    }
    if let Some(plan) = &file.plan {
        names.push((&plan.title, "title"));
    }
    names.extend(file.indices.iter().map(|index| (&index.name, "name")));
    for unit in &file.units {
        names.push((&unit.name, "name"));
        for change in &unit.changes {
            names.extend(change.name.iter().map(|name| (name, "name")));
        }
    }
    for (name, key) in names {
        check_name(name, key, found);
    }
}

fn check_name(name: &Spanned<String>, key: &str, found: &mut Vec<Diagnostic>) {
    let text = name.get_ref();
    // A name is one line wherever it is printed: a line break in it would
    // start a line of its own in a calendar file or a document's header.
    if let Some(broken) = text
        .chars()
        .find(|character| character.is_control() || matches!(character, '\u{2028}' | '\u{2029}'))
    {
        let code = u32::from(broken);
        found.push(
            Diagnostic::error(
                "name-not-one-line",
                crate::say!(
                    "`{key}` có dấu xuống dòng hoặc ký tự điều khiển (U+{code:04X}); tên phải nằm trên một dòng",
                    "`{key}` holds a line break or a control character (U+{code:04X}); a name is one line"
                ),
            )
            .at(name.span())
            .label(crate::say!("không nằm trên một dòng", "not one line"))
            .help(crate::say!(
                "viết `{key}` trên một dòng, giữa hai dấu ngoặc kép thường",
                "write `{key}` on one line, between plain quotes"
            )),
        );
    }
    if let Some(hidden) = text.chars().find(|character| invisible(*character)) {
        let code = u32::from(hidden);
        found.push(
            Diagnostic::error(
                "invisible-in-name",
                crate::say!(
                    "`{key}` có một ký tự vô hình (U+{code:04X}): tên trông giống một tên khác và sẽ bị coi là một đơn vị khác",
                    "`{key}` holds an invisible character (U+{code:04X}): the name reads like another and would be taken for another unit"
                ),
            )
            .at(name.span())
            .label(crate::say!(
                "có một ký tự vô hình ở đây",
                "an invisible character is in here"
            ))
            .help(crate::say!(
                "gõ lại `{key}`, không sao chép từ trang web hay văn bản",
                "type `{key}` again, without copying it from a web page or a document"
            )),
        );
    }
    if let Some(letter) = text.chars().find(|character| foreign_letter(*character)) {
        let code = u32::from(letter);
        found.push(
            Diagnostic::error(
                "foreign-letter-in-name",
                crate::say!(
                    "`{key}` có chữ “{letter}” (U+{code:04X}), một chữ của hệ chữ viết khác trông giống chữ Latinh của tiếng Việt: tên sẽ bị coi là một đơn vị khác",
                    "`{key}` holds “{letter}” (U+{code:04X}), a letter of another script than Vietnamese's that looks like a Latin one: the name would be taken for another unit"
                ),
            )
            .at(name.span())
            .label(crate::say!(
                "có một chữ của hệ chữ viết khác ở đây",
                "a letter of another script is in here"
            ))
            .help(crate::say!(
                "gõ lại `{key}` bằng bàn phím tiếng Việt",
                "type `{key}` again with a Vietnamese keyboard"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::build::tests::codes;

    /// A name is refused for what cannot be seen or is not what it looks
    /// like; Vietnamese letters, digits and punctuation pass.
    #[test]
    fn names_that_read_as_another_are_refused() {
        let plan = |agency: &str, unit: &str| {
            format!(
                "[plan]\ntitle = \"Kế hoạch\"\nagency = \"{agency}\"\nprovince = \"Kon Tum\"\nyear = 2024\n\n\
                 [[units]]\nid = \"vp\"\nname = \"{unit}\"\n"
            )
        };
        let cases: [(&str, &str, &[&str]); 12] = [
            ("Sở Khoa học và Công nghệ", "Văn phòng Sở", &[]),
            (
                "Sở KH&CN (cũ) - 2024",
                "Phòng Đầu tư, Thẩm định và Kế hoạch",
                &[],
            ),
            (
                "Sở Khoa học\u{200b} và Công nghệ",
                "Văn phòng",
                &["invisible-in-name"],
            ),
            (
                "Sở Khoa học và Công nghệ\u{feff}",
                "Văn phòng",
                &["invisible-in-name"],
            ),
            (
                "Sở Khoa học và C\u{43e}ng nghệ",
                "Văn phòng",
                &["foreign-letter-in-name"],
            ),
            ("Sở Tư pháp", "V\u{430}n phòng", &["foreign-letter-in-name"]),
            ("Ｓở Tư pháp", "Văn phòng", &["foreign-letter-in-name"]),
            // A name that would start a line of its own in a calendar.
            (
                "Sở KH&CN\\nBEGIN:VEVENT",
                "Văn phòng",
                &["name-not-one-line"],
            ),
            ("Sở Tư pháp", "Văn\\rphòng", &["name-not-one-line"]),
            ("Sở Tư pháp\\t", "Văn phòng", &["name-not-one-line"]),
            // A tag character and a private-use one show nothing, or a box.
            ("Sở Tư pháp", "Văn\u{e0041} phòng", &["invisible-in-name"]),
            ("Sở Tư\u{e000} pháp", "Văn phòng", &["invisible-in-name"]),
        ];
        for (agency, unit, expected) in cases {
            let codes: Vec<&str> = codes(&plan(agency, unit))
                .into_iter()
                .filter(|code| code.contains("name"))
                .collect();
            assert_eq!(codes, expected, "{agency} / {unit}");
        }
    }
}
