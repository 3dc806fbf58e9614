//! Text from a plan shown to a person harmlessly: a control character (an
//! escape sequence that clears the screen or writes the clipboard, a bell, a
//! carriage return that overwrites the line) or a bidirectional override that
//! reorders what is read is shown as a visible symbol, never passed to the
//! terminal, editor or spreadsheet. Line breaks are kept: the documents use
//! them on purpose. Formats for programs (JSON) keep the text as written.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character but the line feed, and every bidi
/// control, replaced by a visible stand-in: C0 controls by their Unicode
/// control pictures (`␛`, `␇`, `␍`), DEL by `␡`, C1 controls and bidi marks by
/// `<U+202E>`.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_showing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if !needs_showing(character) {
            out.push(character);
            continue;
        }
        match u32::from(character) {
            code @ 0..=0x1f => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
            0x7f => out.push('\u{2421}'),
            code => {
                let _ = write!(out, "<U+{code:04X}>");
            }
        }
    }
    Cow::Owned(out)
}

/// A path as a person reads it, made visible: file names can hold anything.
pub fn path(path: &std::path::Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

/// `text` on one line: line breaks (and any other control) become spaces, so
/// that text from a record cannot start a heading, list or code block of its
/// own in a document; what remains is made visible.
pub fn one_line(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|character| match character {
            '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            other => other,
        })
        .collect();
    visible(&flat).into_owned()
}

/// Characters that show nothing, or reorder what is shown: two ids or two
/// names that read the same must be the same.
pub fn invisible(character: char) -> bool {
    matches!(character,
        '\u{ad}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{3164}' | '\u{feff}' | '\u{ffa0}'
        // Tag characters show nothing; private-use ones show what a font
        // says, or nothing.
        | '\u{e0000}'..='\u{e007f}' | '\u{e000}'..='\u{f8ff}'
        | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
}

/// A letter of another script than the Latin one Vietnamese is written in
/// (a Cyrillic "о", a Greek "Α", a full-width "Ｓ"): in a name it reads as a
/// Latin letter and makes another unit of the same name.
pub fn foreign_letter(character: char) -> bool {
    character.is_alphabetic()
        && !matches!(character,
            'A'..='Z' | 'a'..='z'
            | '\u{aa}' | '\u{ba}'
            | '\u{c0}'..='\u{24f}'
            | '\u{1e00}'..='\u{1eff}')
}

/// Controls (C0 but the line feed, DEL, C1), and the bidirectional
/// embeddings, overrides, isolates and marks.
fn needs_showing(character: char) -> bool {
    character != '\n'
        && (not_text(character)
            || matches!(character,
                '\t' | '\r'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{61c}'))
}

/// Whether `character` is no character of text a document may carry: a
/// control character but tab, line feed and carriage return, DEL, the C1
/// controls, and the noncharacters (U+FDD0–U+FDEF, the last two code points
/// of every plane: XML 1.0 forbids U+FFFE and U+FFFF, and a Word file with
/// one does not open). `validate` refuses them in a plan; every writer
/// shows them by [`visible`] rather than emitting them.
pub fn not_text(character: char) -> bool {
    let code = u32::from(character);
    matches!(code, 0..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f..=0x9f | 0xfdd0..=0xfdef)
        || code & 0xfffe == 0xfffe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_marks_are_shown_not_obeyed() {
        let cases = [
            ("Đạt 80%", "Đạt 80%"),
            ("a\nb", "a\nb"),
            ("\u{1b}[2J", "␛[2J"),
            ("\u{1b}]52;c;SGVsbG8=\u{7}", "␛]52;c;SGVsbG8=␇"),
            ("xong\rKhông đạt", "xong␍Không đạt"),
            ("tab\there", "tab␉here"),
            ("\u{9b}31m", "<U+009B>31m"),
            ("abc\u{202e}fed", "abc<U+202E>fed"),
            ("\u{2067}x\u{2069}", "<U+2067>x<U+2069>"),
            ("del\u{7f}", "del␡"),
            ("\u{0}", "␀"),
        ];
        for (text, shown) in cases {
            assert_eq!(visible(text), shown, "{text:?}");
        }
    }

    #[test]
    fn one_line_text_cannot_start_a_block() {
        assert_eq!(one_line("ghi chú\n===\n- giả"), "ghi chú === - giả");
        assert_eq!(one_line("a\r\n\u{1b}b"), "a  ␛b");
    }
}
