//! Serde's messages in the words of a plan file ("expected f64" is "a
//! number"), with a hint where one is obvious; and the TOML parser's own
//! messages ("key with no value, expected `=`"), which reach the person as
//! the parser wrote them, in Vietnamese when ddci speaks Vietnamese.

use crate::words::speech::{Language, speaking};
use crate::words::suggest;

/// Rewords serde's messages ("expected f64") in the words of a plan file, and
/// adds a hint where one is obvious.
pub(super) fn explain_serde_error(message: &str) -> (&'static str, String, Option<String>) {
    let message = first_line(message);
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (
            "missing-key",
            crate::say!(
                "mục này thiếu khóa `{field}`",
                "this entry has no `{field}`"
            ),
            Some(crate::say!(
                "thêm `{field} = …` vào mục này (xem docs/plan-format.md)",
                "add `{field} = …` to it (see docs/plan-format.md)"
            )),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((word, expected)) = rest.split_once("`, expected ")
    {
        let choices: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .map(|choice| choice.trim_matches('`'))
            .collect();
        let help = suggest::did_you_mean(word, choices.iter().copied()).unwrap_or_else(|| {
            let choices = choices.join(", ");
            crate::say!(
                "hãy dùng một trong các từ: {choices}",
                "use one of: {choices}"
            )
        });
        return (
            "invalid-value",
            crate::say!(
                "`{word}` không phải một trong các từ được dùng ở đây",
                "`{word}` is not one of the words allowed here"
            ),
            Some(help),
        );
    }
    // An enumerated word given as a number or array: serde says this much.
    if message == "wanted string or table" {
        return (
            "wrong-type",
            crate::say!(
                "ở đây cần một trong các từ được phép, đặt trong ngoặc kép",
                "expected one of the allowed words, in quotes"
            ),
            Some(crate::say!(
                "viết từ đó trong ngoặc kép, ví dụ \"done\" (xem docs/plan-format.md)",
                "write the word in quotes, e.g. \"done\" (see docs/plan-format.md)"
            )),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let expected = plain_type_name(expected);
        let found = found_words(found);
        return (
            "wrong-type",
            crate::say!(
                "giá trị phải là {expected}, không phải {found}",
                "expected {expected}, found {found}"
            ),
            Some(crate::say!(
                "ở đây hãy viết {expected}",
                "write {expected} here"
            )),
        );
    }
    if speaking() == Language::Vi
        && let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let expected = vi_type_name(expected);
        let found = vi_found(found);
        return (
            "wrong-type",
            format!("giá trị {found} không dùng được, ở đây cần {expected}"),
            None,
        );
    }
    ("wrong-type", message, None)
}

/// Serde's names for types, as a person editing TOML would say them.
pub(super) fn plain_type_name(expected: &str) -> String {
    if speaking() == Language::Vi {
        return vi_type_name(expected);
    }
    match expected {
        "f64" | "f32" => "a number".to_owned(),
        "i64" | "i32" | "u32" | "u64" | "usize" => "a whole number".to_owned(),
        "a sequence" => "an array, e.g. [\"a\", \"b\"]".to_owned(),
        "a string" => "a string in quotes".to_owned(),
        "a boolean" => "true or false".to_owned(),
        other if other.starts_with("struct ") => "a table".to_owned(),
        other => other.to_owned(),
    }
}

/// Serde's names for types, in Vietnamese.
fn vi_type_name(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "một số".to_owned(),
        "i64" | "i32" | "u32" | "u64" | "usize" => "một số nguyên".to_owned(),
        "a sequence" => "một mảng, ví dụ [\"a\", \"b\"]".to_owned(),
        "a string" => "một chuỗi trong ngoặc kép".to_owned(),
        "a boolean" => "true hoặc false".to_owned(),
        "a TOML datetime" => "một ngày, ví dụ 2024-03-27 (không đặt trong ngoặc kép)".to_owned(),
        other if other.starts_with("struct ") => "một bảng".to_owned(),
        other => other.to_owned(),
    }
}

/// What serde found ("string \"x\"", "integer `3`"), in the language spoken.
fn found_words(found: &str) -> String {
    match speaking() {
        Language::Vi => vi_found(found),
        Language::En => found.to_owned(),
    }
}

/// What serde found, in Vietnamese; the value itself as written.
fn vi_found(found: &str) -> String {
    let kinds = [
        ("string ", "chuỗi "),
        ("integer ", "số nguyên "),
        ("floating point ", "số thập phân "),
        ("boolean ", "giá trị logic "),
        ("character ", "ký tự "),
    ];
    for (english, vietnamese) in kinds {
        if let Some(value) = found.strip_prefix(english) {
            // An integer too large for any type: `…` as i128.
            let value = value
                .strip_suffix(" as i128")
                .or_else(|| value.strip_suffix(" as u128"))
                .unwrap_or(value);
            return format!("{vietnamese}{value}");
        }
    }
    match found {
        "sequence" => "một mảng".to_owned(),
        "map" => "một bảng".to_owned(),
        "unit value" => "giá trị rỗng".to_owned(),
        other => other.to_owned(),
    }
}

/// The first line of a message.
pub(super) fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}

/// A message of the TOML parser ("key with no value, expected `=`") in the
/// language spoken: as the parser wrote it in English, and in Vietnamese
/// when ddci knows its words, else as the parser wrote it.
pub(super) fn toml_words(message: &str) -> String {
    match speaking() {
        Language::Vi => toml_words_vi(message).unwrap_or_else(|| message.to_owned()),
        Language::En => message.to_owned(),
    }
}

/// A TOML parser's message in Vietnamese, when each of its parts is known:
/// what is wrong, then what was expected (", expected `=`, `]`").
fn toml_words_vi(message: &str) -> Option<String> {
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    // "string values must be quoted, expected literal string": what it
    // expected says no more than what is wrong.
    let expected = expected.filter(|_| what != "string values must be quoted");
    let what = toml_problem_vi(what)?;
    let Some(expected) = expected else {
        return Some(what);
    };
    if expected == "nothing" {
        return Some(format!("{what}, ở đây không được viết gì thêm"));
    }
    let items: Vec<&str> = split_expected(expected);
    if let [only] = items.as_slice() {
        if let Some(literal) = literal(only) {
            // "thiếu dấu phẩy …" says already what is missing.
            if what.starts_with("thiếu ") {
                return Some(if what.contains(&literal) {
                    what
                } else {
                    format!("{what} ({literal})")
                });
            }
            let noun = if literal.chars().all(char::is_alphanumeric) {
                "ký tự"
            } else {
                "dấu"
            };
            return Some(format!("{what}, thiếu {noun} {literal}"));
        }
        return Some(format!("{what}, cần {}", toml_expected_vi(only)?));
    }
    let mut named = Vec::with_capacity(items.len());
    for item in &items {
        named.push(match literal(item) {
            Some(literal) => literal,
            None => toml_expected_vi(item)?,
        });
    }
    let (last, rest) = named.split_last()?;
    Some(format!("{what}, cần {} hoặc {last}", rest.join(", ")))
}

/// The parser's list of what it expected: `` `,`, `]` `` or one phrase
/// (a phrase of the date parser may hold "or" but never ", ").
fn split_expected(expected: &str) -> Vec<&str> {
    expected.split(", ").collect()
}

/// A character the parser expected, as it quotes it (`` `=` ``), or its
/// "newline".
fn literal(item: &str) -> Option<String> {
    if item == "newline" {
        return Some("xuống dòng".to_owned());
    }
    let inner = item.strip_prefix('`')?.strip_suffix('`')?;
    // `-` (YYYY-MM) and the like are phrases, not one character.
    (!inner.contains('`') && !inner.is_empty()).then(|| item.to_owned())
}

/// What the TOML parser (and its date parser) found wrong, in Vietnamese.
fn toml_problem_vi(what: &str) -> Option<String> {
    if let Some(kind) = what
        .strip_prefix("cannot extend value of type ")
        .and_then(|rest| rest.strip_suffix(" with a dotted key"))
    {
        let kind = match kind {
            "array" => "mảng",
            "inline table" => "bảng viết trên một dòng",
            "table" => "bảng",
            "string" => "chuỗi",
            "integer" => "số nguyên",
            "float" => "số thập phân",
            "boolean" => "giá trị logic",
            "datetime" => "ngày giờ",
            _ => return None,
        };
        return Some(format!(
            "không thể thêm khóa có dấu chấm vào một giá trị kiểu {kind}"
        ));
    }
    let words = match what {
        "duplicate key" => "khóa bị lặp lại",
        "recursion limit" | "cannot recurse further; max recursion depth met" => {
            "các bảng, mảng lồng nhau quá sâu"
        }
        "`_` may only go between digits" => "dấu `_` chỉ được đặt giữa các chữ số",
        "carriage return must be followed by newline" => {
            "ký tự về đầu dòng (CR) phải đi liền trước ký tự xuống dòng"
        }
        "extra `=`" => "thừa dấu `=`",
        "extra assignment between key-value pairs" => "thừa dấu gán giữa các cặp khóa và giá trị",
        "extra comma in array" => "thừa dấu phẩy trong mảng",
        "extra comma in inline table" => "thừa dấu phẩy trong bảng viết trên một dòng",
        "integers with a radix cannot be signed" => {
            "số nguyên viết theo cơ số (0x, 0o, 0b) không được có dấu cộng, trừ"
        }
        "invalid basic string" => "chuỗi trong ngoặc kép không hợp lệ",
        "invalid literal string" => "chuỗi trong ngoặc đơn không hợp lệ",
        "invalid multi-line basic string" => "chuỗi nhiều dòng trong ngoặc kép không hợp lệ",
        "invalid multi-line literal string" => "chuỗi nhiều dòng trong ngoặc đơn không hợp lệ",
        "invalid string" => "chuỗi không hợp lệ",
        "invalid comment character" => "ký tự không hợp lệ trong chú thích",
        "invalid inline table element" => "phần tử không hợp lệ trong bảng viết trên một dòng",
        "invalid key-value pair" => "cặp khóa và giá trị không hợp lệ",
        "invalid unquoted key" => "khóa không đặt trong ngoặc không hợp lệ",
        "invalid key" => "khóa không hợp lệ",
        "invalid table" => "bảng không hợp lệ",
        "invalid value" => "giá trị không hợp lệ",
        "invalid boolean" => "giá trị logic không hợp lệ (chỉ có true hoặc false)",
        "invalid float" => "số thập phân không hợp lệ",
        "invalid exponent" => "số mũ không hợp lệ",
        "invalid fraction" => "phần thập phân không hợp lệ",
        "invalid mantissa" => "phần định trị không hợp lệ",
        "invalid integer number" => "số nguyên không hợp lệ",
        "invalid hexadecimal number" => "số thập lục phân không hợp lệ",
        "invalid octal number" => "số bát phân không hợp lệ",
        "invalid binary number" => "số nhị phân không hợp lệ",
        "invalid date" => "ngày không hợp lệ",
        "invalid time" => "giờ không hợp lệ",
        "invalid date-time" | "invalid datetime" => "ngày giờ không hợp lệ",
        "invalid offset" => "độ lệch múi giờ không hợp lệ",
        "key with no value" => "khóa không có giá trị",
        "keys cannot be multi-line basic strings" | "keys cannot be multi-line literal strings" => {
            "khóa không được là chuỗi nhiều dòng"
        }
        "missing array opening" => "thiếu dấu mở mảng",
        "missing assignment between key-value pairs" => "thiếu dấu `=` giữa khóa và giá trị",
        "missing comma between array elements" => "thiếu dấu phẩy giữa các phần tử của mảng",
        "missing comma between key-value pairs" => "thiếu dấu phẩy giữa các cặp khóa và giá trị",
        "missing comment start" => "thiếu dấu `#` mở đầu chú thích",
        "missing escaped value" => "thiếu ký tự sau dấu `\\`",
        "missing inline table opening" => "thiếu dấu `{` mở bảng",
        "missing key for inline table element" => "phần tử của bảng viết trên một dòng thiếu khóa",
        "missing opening quote" => "thiếu dấu ngoặc mở",
        "missing table open" => "thiếu dấu `[` mở bảng",
        "missing value for key" => "khóa thiếu giá trị",
        "missing value" => "thiếu giá trị",
        "radix must be lowercase" => "tiền tố cơ số phải viết thường (0x, 0o, 0b)",
        "redundant integer number prefix" => "tiền tố của số nguyên bị thừa",
        "redundant numeric sign" => "dấu của số bị thừa",
        "string values must be quoted" => "giá trị chuỗi phải đặt trong ngoặc kép",
        "too few unicode value digits" => "mã Unicode thiếu chữ số",
        "unclosed array table" => "tiêu đề [[…]] chưa đóng",
        "unclosed array" => "mảng chưa đóng",
        "unclosed inline table" => "bảng viết trên một dòng chưa đóng",
        "unclosed table" => "tiêu đề […] chưa đóng",
        "unexpected `=` in array" => "không được có dấu `=` trong mảng",
        "unexpected content between comment and newline" => {
            "có nội dung thừa giữa chú thích và cuối dòng"
        }
        "unexpected content" => "có nội dung thừa",
        "unexpected key or value" => "khóa hoặc giá trị không đúng chỗ",
        "unexpected leading zero" => "số không được bắt đầu bằng chữ số 0",
        "unexpected sign" => "dấu cộng, trừ không đúng chỗ",
        "unquoted keys cannot be empty" => "khóa không đặt trong ngoặc không được để trống",
        _ => return None,
    };
    Some(words.to_owned())
}

/// What the TOML parser (and its date parser) expected, in Vietnamese.
fn toml_expected_vi(expected: &str) -> Option<String> {
    if let Some(most) = expected.strip_prefix("day between 01 and ") {
        return Some(format!("ngày từ 01 đến {most}"));
    }
    let words = match expected {
        "key" => "một khóa",
        "value" => "một giá trị",
        "numbers" | "digits" => "chữ số",
        "letters" => "chữ cái",
        "characters" => "ký tự",
        "printable characters" => "ký tự in được",
        "basic string" => "chuỗi trong ngoặc kép (\"…\")",
        "literal string" => "chuỗi trong ngoặc đơn ('…')",
        "multi-line basic string" => "chuỗi nhiều dòng (\"\"\"…\"\"\")",
        "non-double-quote visible characters" => "ký tự nhìn thấy được, không phải dấu ngoặc kép",
        "non-single-quote characters" => "ký tự không phải dấu ngoặc đơn",
        "non-single-quote visible characters" => "ký tự nhìn thấy được, không phải dấu ngoặc đơn",
        "unicode hexadecimal value" => "mã Unicode viết bằng chữ số thập lục phân",
        "etc" => "…",
        "year or hour" => "năm hoặc giờ",
        "`-` (YYYY-MM) or `:` (HH:MM)" => "`-` (YYYY-MM) hoặc `:` (HH:MM)",
        "`-` (MM-DD)" => "`-` (MM-DD)",
        "`:` (HH:MM)" => "`:` (HH:MM)",
        "`T` between date and time" => "`T` giữa ngày và giờ",
        "month" => "tháng",
        "day" => "ngày",
        "hour" => "giờ",
        "minute" => "phút",
        "second" => "giây",
        "nanosecond" => "phần lẻ của giây",
        "a four-digit year (YYYY)" => "năm có bốn chữ số (YYYY)",
        "a two-digit month (MM)" => "tháng có hai chữ số (MM)",
        "a two-digit day (DD)" => "ngày có hai chữ số (DD)",
        "a two-digit hour (HH)" => "giờ có hai chữ số (HH)",
        "a two-digit minute (MM)" => "phút có hai chữ số (MM)",
        "a two-digit second (SS)" => "giây có hai chữ số (SS)",
        "month between 01 and 12" => "tháng từ 01 đến 12",
        "hour between 00 and 23" | "hours between 00 and 23" => "giờ từ 00 đến 23",
        "minute between 00 and 59" | "minutes between 00 and 59" => "phút từ 00 đến 59",
        "second between 00 and 60" => "giây từ 00 đến 60",
        "nanoseconds overflowed" => "phần lẻ của giây ngắn hơn",
        _ => return None,
    };
    Some(words.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TOML parser's common messages, as ddci says them in Vietnamese;
    /// one it does not know is left as the parser wrote it.
    #[test]
    fn the_toml_parser_s_messages_in_vietnamese() {
        let cases = [
            (
                "key with no value, expected `=`",
                Some("khóa không có giá trị, thiếu dấu `=`"),
            ),
            (
                "invalid basic string, expected `\"`",
                Some("chuỗi trong ngoặc kép không hợp lệ, thiếu dấu `\"`"),
            ),
            (
                "unclosed array, expected `]`",
                Some("mảng chưa đóng, thiếu dấu `]`"),
            ),
            ("duplicate key", Some("khóa bị lặp lại")),
            (
                "missing assignment between key-value pairs, expected `=`",
                Some("thiếu dấu `=` giữa khóa và giá trị"),
            ),
            ("invalid key", Some("khóa không hợp lệ")),
            (
                "string values must be quoted, expected literal string",
                Some("giá trị chuỗi phải đặt trong ngoặc kép"),
            ),
            (
                "missing comma between array elements, expected `,`",
                Some("thiếu dấu phẩy giữa các phần tử của mảng (`,`)"),
            ),
            (
                "unexpected content, expected newline",
                Some("có nội dung thừa, thiếu dấu xuống dòng"),
            ),
            (
                "invalid inline table element, expected `,`, `}`",
                Some("phần tử không hợp lệ trong bảng viết trên một dòng, cần `,` hoặc `}`"),
            ),
            (
                "missing escaped value, expected `b`, `f`, `n`, `r`, `\\`, `\"`, `u`, `U`",
                Some("thiếu ký tự sau dấu `\\`, cần `b`, `f`, `n`, `r`, `\\`, `\"`, `u` hoặc `U`"),
            ),
            (
                "invalid date, expected day between 01 and 29",
                Some("ngày không hợp lệ, cần ngày từ 01 đến 29"),
            ),
            (
                "invalid date, expected month between 01 and 12",
                Some("ngày không hợp lệ, cần tháng từ 01 đến 12"),
            ),
            (
                "invalid time, expected hour between 00 and 23",
                Some("giờ không hợp lệ, cần giờ từ 00 đến 23"),
            ),
            (
                "invalid datetime, expected `-` (YYYY-MM) or `:` (HH:MM)",
                Some("ngày giờ không hợp lệ, cần `-` (YYYY-MM) hoặc `:` (HH:MM)"),
            ),
            (
                "cannot extend value of type inline table with a dotted key",
                Some(
                    "không thể thêm khóa có dấu chấm vào một giá trị kiểu bảng viết trên một dòng",
                ),
            ),
            (
                "unexpected content, expected nothing",
                Some("có nội dung thừa, ở đây không được viết gì thêm"),
            ),
            ("something new in a later toml", None),
            ("key with no value, expected something new", None),
        ];
        for (english, vietnamese) in cases {
            assert_eq!(toml_words_vi(english).as_deref(), vietnamese, "{english}");
        }
    }

    /// Unit tests speak English: the parser's words pass as they are.
    #[test]
    fn in_english_the_parser_s_words_are_its_own() {
        assert_eq!(
            toml_words("key with no value, expected `=`"),
            "key with no value, expected `=`"
        );
    }

    #[test]
    fn what_serde_found_and_expected_in_vietnamese() {
        let found = [
            ("string \"2024\"", "chuỗi \"2024\""),
            ("integer `3`", "số nguyên `3`"),
            (
                "integer `99999999999999999999` as i128",
                "số nguyên `99999999999999999999`",
            ),
            ("floating point `2.5`", "số thập phân `2.5`"),
            ("boolean `true`", "giá trị logic `true`"),
            ("sequence", "một mảng"),
            ("map", "một bảng"),
        ];
        for (english, vietnamese) in found {
            assert_eq!(vi_found(english), vietnamese, "{english}");
        }
        let expected = [
            ("f64", "một số"),
            ("i64", "một số nguyên"),
            ("a sequence", "một mảng, ví dụ [\"a\", \"b\"]"),
            ("a string", "một chuỗi trong ngoặc kép"),
            ("a boolean", "true hoặc false"),
            ("struct Schedule", "một bảng"),
            (
                "a TOML datetime",
                "một ngày, ví dụ 2024-03-27 (không đặt trong ngoặc kép)",
            ),
        ];
        for (english, vietnamese) in expected {
            assert_eq!(vi_type_name(english), vietnamese, "{english}");
        }
    }
}
