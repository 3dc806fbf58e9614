//! A plan's long text named briefly, as a sentence or a title quotes it:
//! the plan's short name when it gives one ("Cà phê doanh nhân"), else its
//! words cut only where a clause ends, never inside a word. One rule for
//! the report's sentences, its appendix and the calendar's titles.

use crate::words::visible::one_line;

/// A text as the last words of a sentence: no trailing stop, semicolon or
/// ellipsis of its own.
pub fn without_stop(text: &str) -> &str {
    text.trim_end()
        .trim_end_matches(['.', ';', ',', ':', '…'])
        .trim_end()
}

/// A task or target named by the plan's short name for it, else by its
/// words, cut at a clause end if long.
pub fn named(short: Option<&str>, text: &str, limit: usize) -> String {
    match short {
        Some(short) => without_stop(&one_line(short)).to_owned(),
        None => shortened(text, limit),
    }
}

/// A text cut to about `limit` characters, only where a clause ends (a
/// comma, semicolon or colon): a Vietnamese word is often two syllables
/// ("thí điểm", "Chính phủ", "Công nghệ"), so a cut at a space can split
/// one. The last clause end within the limit; else the first after it,
/// within twice the limit; else the whole text.
pub fn shortened(text: &str, limit: usize) -> String {
    const CLAUSE_ENDS: [&str; 3] = [", ", "; ", ": "];
    let text = one_line(text);
    if text.chars().count() <= limit {
        return without_stop(&text).to_owned();
    }
    let byte_at = |characters: usize| {
        text.char_indices()
            .nth(characters)
            .map_or(text.len(), |(at, _)| at)
    };
    let (limit_at, twice_at) = (byte_at(limit), byte_at(limit * 2));
    // Not inside "9001:2015": a clause ends at a mark followed by a space.
    let ends: Vec<usize> = CLAUSE_ENDS
        .iter()
        .flat_map(|mark| text.match_indices(mark).map(|(at, _)| at))
        .filter(|at| *at >= byte_at(limit / 4))
        .collect();
    let cut = ends
        .iter()
        .copied()
        .filter(|at| *at <= limit_at)
        .max()
        .or_else(|| ends.iter().copied().filter(|at| *at <= twice_at).min());
    match cut {
        Some(at) => format!("{}…", without_stop(&text[..at])),
        None => without_stop(&text).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn long_task_texts_are_cut_only_where_a_clause_ends() {
        let cases = [
            ("Ngắn gọn.", 20, "Ngắn gọn"),
            // The clause end within the limit.
            (
                "Đẩy mạnh tuyên truyền, phổ biến pháp luật cho doanh nghiệp trong tỉnh",
                40,
                "Đẩy mạnh tuyên truyền…",
            ),
            // No clause end: the whole text, never "ISO 9001:…" or "Công…".
            (
                "Tiếp tục áp dụng Hệ thống quản lý chất lượng ISO 9001:2015 tại Sở",
                52,
                "Tiếp tục áp dụng Hệ thống quản lý chất lượng ISO 9001:2015 tại Sở",
            ),
            (
                "Công khai quy trình, thủ tục hành chính của Sở Khoa học và Công nghệ",
                50,
                "Công khai quy trình…",
            ),
            // The first clause end after the limit, within twice it.
            (
                "Triển khai thực hiện luân chuyển hồ sơ trên môi trường điện tử áp dụng thí điểm, tại Sở",
                40,
                "Triển khai thực hiện luân chuyển hồ sơ trên môi trường điện tử áp dụng thí điểm…",
            ),
            // A clause end too early to name the task is not taken.
            (
                "Rà soát, công bố thủ tục hành chính lĩnh vực khoa học và công nghệ của Sở năm 2024",
                40,
                "Rà soát, công bố thủ tục hành chính lĩnh vực khoa học và công nghệ của Sở năm 2024",
            ),
        ];
        for (text, limit, expected) in cases {
            assert_eq!(shortened(text, limit), expected, "{text}");
        }
    }
}
