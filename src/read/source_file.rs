//! The plan file's text as read from disk, and the mapping from byte offsets to
//! the line and character column a person sees in an editor.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A file's text plus enough to turn byte offsets into `line:column`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    /// Where each line starts, found once when the first location is asked
    /// for: thousands of diagnostics then cost a binary search each, not a
    /// scan of the file each.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// A 1-based line and a 1-based column counted in characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        Self {
            path: path.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of a leading UTF-8 byte-order mark, which TOML parsers reject but
    /// Windows editors like to write.
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        }
    }

    /// The text the TOML parser sees: everything after the byte-order mark.
    pub fn content(&self) -> &str {
        &self.text[self.bom_len()..]
    }

    /// Where `offset` is, counting columns in characters. Offsets past the end
    /// or inside a character are moved back to the nearest character boundary.
    pub fn location(&self, offset: usize) -> Location {
        let offset = self.floor_char_boundary(offset);
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text
                        .bytes()
                        .enumerate()
                        .filter(|(_, byte)| *byte == b'\n')
                        .map(|(at, _)| at + 1),
                )
                .collect()
        });
        // The number of lines starting at or before `offset`.
        let line = starts.partition_point(|start| *start <= offset);
        let line_start = starts[line - 1];
        let column = self.text[line_start..offset]
            .trim_start_matches('\u{feff}')
            .chars()
            .count()
            + 1;
        Location { line, column }
    }

    /// The byte range of the whole line holding `offset`, without its line
    /// ending (`\n` or `\r\n`).
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        let offset = self.floor_char_boundary(offset);
        let start = self.text[..offset]
            .rfind('\n')
            .map_or(0, |newline| newline + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |newline| offset + newline);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("plan.toml", text.to_owned())
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = file("a = 1\ntên = \"Sở Khoa học\"\n");
        let offset = source.text().find("\"Sở").expect("present");
        assert_eq!(source.location(offset), Location { line: 2, column: 7 });
    }

    #[test]
    fn crlf_lines_exclude_the_carriage_return() {
        let source = file("a = 1\r\nb = 2\r\n");
        let offset = source.text().find('b').expect("present");
        assert_eq!(source.location(offset), Location { line: 2, column: 1 });
        assert_eq!(&source.text()[source.line_range(offset)], "b = 2");
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let source = file("\u{feff}a = 1\n");
        assert_eq!(source.location(3), Location { line: 1, column: 1 });
        assert_eq!(source.content(), "a = 1\n");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let source = file("ă");
        assert_eq!(source.location(1), Location { line: 1, column: 1 });
        assert_eq!(source.location(99), Location { line: 1, column: 2 });
    }
}
