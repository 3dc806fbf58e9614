//! No text in the plan holds a character its documents cannot carry. A
//! string may be written with TOML escapes (`"\uFFFF"`, `"\b"`, `"\u001B"`),
//! and what they make would break a Word file (XML 1.0 forbids U+FFFF and
//! most control characters: "PCDATA invalid Char value 65535"), forge a line
//! in a calendar, or drive a terminal. One department's plan must not break
//! the province's summary report, so such a character is refused where it is
//! written, with its code.
//!
//! Allowed: tab, line feed and carriage return (TOML's own line ends); every
//! other C0 control, DEL, the C1 controls and the noncharacters (U+FDD0 to
//! U+FDEF, and the last two code points of every plane) are refused.

use toml::de::{DeTable, DeValue};

use super::Context;
use crate::read::diagnostic::Diagnostic;

/// Whether a document may not carry `character` (one rule with the
/// writers': `words::visible::not_text`).
pub fn forbidden(character: char) -> bool {
    crate::words::visible::not_text(character)
}

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    // Records from the model: `ddci record` checks a new one before its
    // text is in the file.
    for (_, record) in context.records() {
        let texts = [
            &record.note,
            &record.evidence,
            &record.shortcoming,
            &record.cause,
            &record.proposal,
        ];
        if let Some(character) = texts
            .into_iter()
            .flatten()
            .find_map(|text| text.chars().find(|character| forbidden(*character)))
        {
            found.push(refused(
                character,
                record.date.span(),
                crate::say!("trong bản ghi này", "in this record"),
            ));
        }
    }
    let text = context.source.content();
    // Almost no plan writes such a character, raw or escaped: then there is
    // nothing to parse again (a second parse of a large plan costs its
    // size many times over in memory).
    if !may_hold_one(text) {
        return;
    }
    let Ok(root) = DeTable::parse(text) else {
        return;
    };
    let mut strings = Vec::new();
    for (_, value) in root.get_ref() {
        collect(value, &mut strings);
    }
    for (span, value) in strings {
        let Some(character) = value.chars().find(|character| forbidden(*character)) else {
            continue;
        };
        found.push(refused(
            character,
            span,
            crate::say!("không phải ký tự văn bản", "not a character of text"),
        ));
    }
}

fn refused(character: char, span: std::ops::Range<usize>, label: String) -> Diagnostic {
    let code = u32::from(character);
    Diagnostic::error(
        "forbidden-character",
        crate::say!(
            "văn bản này có ký tự U+{code:04X}, ký tự mà tệp Word, bảng tính hay lịch không chứa được",
            "this text holds U+{code:04X}, a character a Word file, a spreadsheet or a calendar cannot carry"
        ),
    )
    .at(span)
    .label(label)
    .help(crate::say!(
        "hãy xóa ký tự đó; dấu xuống dòng viết là \\n, dấu tab viết là \\t",
        "remove it; a line break is written as \\n, a tab as \\t"
    ))
}

/// Whether `text` may hold a forbidden character: raw, or as an escape that
/// makes one (`\b`, `\f`, `\e`, `\uXXXX`, `\UXXXXXXXX`). A literal
/// string's backslash may be taken for an escape; that only costs the
/// precise look.
fn may_hold_one(text: &str) -> bool {
    if text.chars().any(forbidden) {
        return true;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|byte| *byte == b'\\') {
        let escape = at + found + 1;
        let code = |digits: usize| {
            text.get(escape + 1..escape + 1 + digits)
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .and_then(char::from_u32)
                .is_some_and(forbidden)
        };
        match bytes.get(escape) {
            Some(b'b' | b'f' | b'e') => return true,
            Some(b'u') if code(4) => return true,
            Some(b'U') if code(8) => return true,
            _ => {}
        }
        // `\\` is one backslash: the next is not an escape's.
        at = escape + usize::from(bytes.get(escape) == Some(&b'\\'));
    }
    false
}

/// Every string value under `value`, with where it is written.
fn collect<'v>(
    value: &'v toml::Spanned<DeValue<'_>>,
    out: &mut Vec<(std::ops::Range<usize>, &'v str)>,
) {
    match value.get_ref() {
        DeValue::String(text) => out.push((value.span(), text.as_ref())),
        DeValue::Array(items) => {
            for item in items {
                collect(item, out);
            }
        }
        DeValue::Table(table) => {
            // Records are checked from the model (above).
            for (key, item) in table {
                if key.get_ref().as_ref() != "records" {
                    collect(item, out);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::forbidden;
    use crate::plan::build::tests::{HEADER, codes};

    #[test]
    fn only_a_text_that_may_hold_one_is_parsed_again() {
        use super::may_hold_one;
        for plain in [
            "note = \"a\\nb\\tc\"",
            "p = 'C:\\Users'",
            "x = \"\\u00e9\\U0001F600\"",
            "y = \"\\\\b\"",
        ] {
            assert!(!may_hold_one(plain), "{plain}");
        }
        for suspect in [
            "n = \"\\b\"",
            "n = \"\\uFFFF\"",
            "n = \"\\U0010FFFF\"",
            "n = \"\\u001b\"",
            "n = \"\u{ffff}\"",
        ] {
            assert!(may_hold_one(suspect), "{suspect}");
        }
    }

    #[test]
    fn characters_a_document_cannot_carry() {
        for allowed in [
            '\t',
            '\n',
            '\r',
            ' ',
            'a',
            'ệ',
            '\u{a0}',
            '\u{fdcf}',
            '\u{fdf0}',
            '\u{fffd}',
            '\u{1f600}',
        ] {
            assert!(!forbidden(allowed), "{:04X}", u32::from(allowed));
        }
        for refused in [
            '\u{0}',
            '\u{8}',
            '\u{b}',
            '\u{c}',
            '\u{1b}',
            '\u{1f}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(forbidden(refused), "{:04X}", u32::from(refused));
        }
    }

    #[test]
    fn an_escape_that_makes_one_is_refused_where_it_is_written() {
        let with = |note: &str| {
            format!(
                "{HEADER}\n[[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"u\"]\n\
                 schedule = {{ kind = \"ongoing\" }}\n\n[[tasks.records]]\ndate = 2024-03-01\nnote = \"{note}\"\n"
            )
        };
        assert_eq!(codes(&with("a\\tb\\nc")), Vec::<&str>::new());
        for bad in [
            "x\\uFFFF",
            "x\\uFFFE",
            "x\\by",
            "x\\fy",
            "\\u001B[2J",
            "x\\U0010FFFF",
        ] {
            assert_eq!(codes(&with(bad)), ["forbidden-character"], "{bad}");
        }
    }
}
