//! A unit's id names the file of its form (`ddci form --all -o DIR` writes
//! `thanh-tra-2024-Q2.xlsx`): it must be a file name on every system the
//! form goes to, and stay inside DIR. Letters, digits, `-`, `_` and `.`;
//! not starting with `.`, not ending with `.`, not a name Windows keeps for
//! a device (`CON`, `NUL`, `COM1`…), at most 64 characters.

use super::Context;
use crate::read::diagnostic::Diagnostic;

/// The longest id that names a file.
const MAX_CHARS: usize = 64;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for unit in &context.file.units {
        let id = unit.id.get_ref();
        if let Some(why) = why_not_a_file_name(id) {
            let shown = crate::words::visible::visible(id);
            found.push(
                Diagnostic::error(
                    "id-not-a-file-name",
                    crate::say!(
                        "mã đơn vị `{shown}` không dùng được làm tên tệp biểu mẫu của đơn vị: {why}",
                        "unit id `{shown}` cannot name its form's file: {why}"
                    ),
                )
                .at(unit.id.span())
                .label(crate::say!("không phải tên tệp", "not a file name"))
                .help(crate::say!(
                    "dùng chữ cái, chữ số và `-` (ví dụ `thanh-tra`), và dùng cùng mã đó ở mọi chỗ kế hoạch nhắc tới đơn vị",
                    "use letters, digits and `-` (for example `thanh-tra`), and the same id where the plan names the unit"
                )),
            );
        }
    }
}

/// Why `id` is not a safe file name, if it is not.
pub fn why_not_a_file_name(id: &str) -> Option<String> {
    const DEVICES: [&str; 4] = ["con", "prn", "aux", "nul"];
    if id.is_empty() {
        return Some(crate::say!("mã để trống", "it is empty"));
    }
    if id.chars().nth(MAX_CHARS).is_some() {
        return Some(crate::say!(
            "mã dài hơn 64 ký tự",
            "it is longer than 64 characters"
        ));
    }
    if let Some(_bad) = id
        .chars()
        .find(|character| !(character.is_alphanumeric() || matches!(character, '-' | '_' | '.')))
    {
        return Some(crate::say!(
            "mã có ký tự không phải chữ cái, chữ số, `-`, `_` hay `.`",
            "it holds a character other than letters, digits, `-`, `_` and `.`"
        ));
    }
    if id.starts_with('.') || id.ends_with('.') {
        return Some(crate::say!(
            "mã bắt đầu hoặc kết thúc bằng `.`",
            "it starts or ends with `.`"
        ));
    }
    let stem = id.split('.').next().unwrap_or(id).to_lowercase();
    let numbered_device = ["com", "lpt"].iter().any(|device| {
        stem.strip_prefix(device).is_some_and(|number| {
            matches!(number, "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9")
        })
    });
    if DEVICES.contains(&stem.as_str()) || numbered_device {
        return Some(crate::say!(
            "Windows dành riêng tên này cho một thiết bị",
            "Windows keeps the name for a device"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::why_not_a_file_name;

    #[test]
    fn ids_that_name_files_on_every_system() {
        let fine = [
            "thanh-tra",
            "hc_th",
            "so.khcn",
            "a",
            "đơn-vị-1",
            "com10",
            "console",
            &"a".repeat(64),
        ];
        for id in fine {
            assert_eq!(why_not_a_file_name(id), None, "{id}");
        }
        let long = "a".repeat(65);
        let refused = [
            "", "../../x", "a/b", "a\\b", "a b", ".hidden", "end.", "con", "CON", "nul.x", "com1",
            "LPT9", "a:b", "a*b", "a?b", "a\"b", "a<b", "a>b", "a|b", "a\u{0}b", "a\u{1b}b", &long,
        ];
        for id in refused {
            assert!(why_not_a_file_name(id).is_some(), "{id:?}");
        }
    }
}
