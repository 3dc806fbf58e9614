//! Splitting a large plan into its top-level entries (`[plan]`, each
//! `[[tasks]]`, …) and the records under them (each `[[tasks.records]]` on its
//! own) so that each is parsed on its own: the parsed form of a whole 100 MB
//! plan would need gigabytes at once, and one task may hold most of it.
//!
//! Only plans in the usual shape are split; anything else (keys before the
//! first header, a quoted top-level name, …) returns `None` and the plan is
//! parsed whole, which is always correct.

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// One top-level entry: its text and the key it defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub range: Range<usize>,
    /// The top-level key, e.g. `tasks`.
    pub head: String,
    /// `[[head]]` rather than `[head]`.
    pub array: bool,
    /// `[[head.records]]`: one record of the entry before it.
    pub record: bool,
}

/// The plan's top-level entries in file order, or `None` if it is not in
/// a shape that can be split safely.
pub fn split(content: &str) -> Option<Vec<Chunk>> {
    let tokens = Source::new(content).lex().into_vec();
    let mut starts: Vec<(usize, String, bool, bool)> = Vec::new();
    let mut at_line_start = true;
    // Brackets and braces open inside a value (an array or inline table may
    // span lines, and `[` at the start of such a line is not a header).
    let mut value_depth = 0_usize;
    let mut after_equals = false;
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        let kind = token.kind();
        match kind {
            TokenKind::Newline => {
                at_line_start = value_depth == 0;
                after_equals = false;
            }
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if at_line_start && value_depth == 0 => {
                let (head, array, path, next) = header(content, &tokens, index)?;
                let record =
                    array && path.len() == 2 && path[1] == "records" && starts.last().is_some();
                if path.len() == 1 || record {
                    starts.push((token.span().start(), head, array, record));
                }
                index = next;
                at_line_start = false;
                continue;
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                if after_equals || value_depth > 0 {
                    value_depth += 1;
                }
                at_line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                value_depth = value_depth.saturating_sub(1);
                at_line_start = false;
            }
            TokenKind::Equals => {
                after_equals = true;
                at_line_start = false;
            }
            TokenKind::Eof => break,
            _ => {
                // A key or value before the first header: not the usual shape.
                if starts.is_empty() {
                    return None;
                }
                at_line_start = false;
            }
        }
        index += 1;
    }
    let mut chunks = Vec::with_capacity(starts.len());
    for (position, (start, head, array, record)) in starts.iter().enumerate() {
        let end = starts
            .get(position + 1)
            .map_or(content.len(), |next| next.0);
        chunks.push(Chunk {
            range: *start..end,
            head: head.clone(),
            array: *array,
            record: *record,
        });
    }
    (!chunks.is_empty()).then_some(chunks)
}

/// Reads a header starting at `tokens[index]`: its first key, whether it is
/// `[[…]]`, the keys of its path, and the token after it.
fn header<'c>(
    content: &'c str,
    tokens: &[toml_parser::lexer::Token],
    index: usize,
) -> Option<(String, bool, Vec<&'c str>, usize)> {
    let mut position = index + 1;
    let array = tokens.get(position)?.kind() == TokenKind::LeftSquareBracket;
    if array {
        position += 1;
    }
    let mut keys = Vec::new();
    while let Some(token) = tokens.get(position) {
        match token.kind() {
            TokenKind::RightSquareBracket => break,
            TokenKind::Whitespace | TokenKind::Dot => {}
            TokenKind::Atom => keys.push(&content[token.span().start()..token.span().end()]),
            // Quoted keys and anything stranger: let the whole parse decide.
            _ => return None,
        }
        position += 1;
    }
    let first = keys.first()?;
    // A bare key made of dotted parts lexes as one atom: "tasks.records".
    let parts: Vec<&str> = keys.iter().flat_map(|key| key.split('.')).collect();
    Some((
        (*first).split('.').next()?.to_owned(),
        array,
        parts,
        position + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_top_level_headers_and_records() {
        let text = "# c\n[plan]\ntitle = \"a [b]\"\n[plan.overall]\ngroup = \"x\"\n\n[[tasks]]\nid = \"1\"\nlead = [\n  [\"x\"],\n]\n[[tasks.records]]\nnote = \"\"\"\n[[tasks]]\n\"\"\"\n[[tasks]]\nid = \"2\"\n";
        let chunks = split(text).expect("splits");
        let heads: Vec<(&str, bool, bool)> = chunks
            .iter()
            .map(|chunk| (chunk.head.as_str(), chunk.array, chunk.record))
            .collect();
        assert_eq!(
            heads,
            [
                ("plan", false, false),
                ("tasks", true, false),
                ("tasks", true, true),
                ("tasks", true, false)
            ]
        );
        assert!(text[chunks[2].range.clone()].starts_with("[[tasks.records]]"));
        assert!(text[chunks[3].range.clone()].starts_with("[[tasks]]\nid = \"2\""));
        assert_eq!(chunks[0].range.start, text.find("[plan]").expect("plan"));
    }

    #[test]
    fn unusual_shapes_are_not_split() {
        assert_eq!(split("title = 1\n[plan]\n"), None);
        assert_eq!(split("[\"plan\"]\nx = 1\n"), None);
        assert_eq!(split(""), None);
    }
}
