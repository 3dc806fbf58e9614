//! Serde's messages in the words of a plan file ("expected f64" is "a
//! number"), with a hint where one is obvious.

use crate::words::suggest;

/// Rewords serde's messages ("expected f64") in the words of a plan file, and
/// adds a hint where one is obvious.
pub(super) fn explain_serde_error(message: &str) -> (&'static str, String, Option<String>) {
    let message = first_line(message);
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (
            "missing-key",
            format!("this entry has no `{field}`"),
            Some(format!("add `{field} = …` to it (see docs/plan-format.md)")),
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
        let help = suggest::did_you_mean(word, choices.iter().copied())
            .unwrap_or_else(|| format!("use one of: {}", choices.join(", ")));
        return (
            "invalid-value",
            format!("`{word}` is not one of the words allowed here"),
            Some(help),
        );
    }
    // An enumerated word given as a number or array: serde says this much.
    if message == "wanted string or table" {
        return (
            "wrong-type",
            "expected one of the allowed words, in quotes".to_owned(),
            Some("write the word in quotes, e.g. \"done\" (see docs/plan-format.md)".to_owned()),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let expected = plain_type_name(expected);
        return (
            "wrong-type",
            format!("expected {expected}, found {found}"),
            Some(format!("write {expected} here")),
        );
    }
    ("wrong-type", message, None)
}

/// Serde's names for types, as a person editing TOML would say them.
pub(super) fn plain_type_name(expected: &str) -> String {
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

/// The first line of a message.
pub(super) fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}
