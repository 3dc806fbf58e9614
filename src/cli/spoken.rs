//! The command line in the language ddci speaks (`words/speech.rs`): in
//! Vietnamese, the help of every command and option comes from
//! `help_vi.rs`, clap's own headings are renamed, and a usage error is
//! told from its kind and context rather than in clap's English.

use std::ffi::OsString;
use std::io::Write;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use super::Cli;
use crate::words::language::Language;
use crate::words::speech::speaking;

/// Reads the command line, with help in the language spoken.
pub fn parse(arguments: &[OsString]) -> Result<Cli, clap::Error> {
    let mut command = command();
    let matches = command.try_get_matches_from_mut(arguments)?;
    Cli::from_arg_matches(&matches).map_err(|error| error.format(&mut command))
}

/// The clap command, its help in the language spoken.
pub fn command() -> clap::Command {
    let command = Cli::command();
    match speaking() {
        Language::En => command,
        Language::Vi => super::help_vi::translated(command),
    }
}

/// Prints a usage error, or the help or version asked for.
pub fn print_error(error: &clap::Error) -> std::io::Result<()> {
    let shown_as_is = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_as_is {
        return error.print();
    }
    let mut stderr = anstream::stderr().lock();
    // What was typed is shown, never obeyed: an escape in a value would
    // reach the terminal through clap's echo of it.
    if speaking() == Language::En {
        let rendered = error.render().to_string();
        let shown = crate::words::visible::visible(&rendered);
        return write!(stderr, "{shown}");
    }
    let message = vietnamese(error);
    let said = crate::words::visible::visible(&message);
    writeln!(stderr, "lỗi: {said}")?;
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        let usage = crate::words::visible::visible(usage).into_owned();
        writeln!(stderr, "\nCách dùng: {usage}")?;
    }
    writeln!(
        stderr,
        "\nXem thêm: `ddci --help`, hoặc `ddci <LỆNH> --help`."
    )
}

/// A usage error in Vietnamese, from what clap knows of it.
fn vietnamese(error: &clap::Error) -> String {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        Some(ContextValue::StyledStr(value)) => Some(value.to_string()),
        Some(ContextValue::Number(number)) => Some(number.to_string()),
        _ => None,
    };
    let argument = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut said = match error.kind() {
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(valid) => format!(
                "`{value}` không phải giá trị của `{argument}`; các giá trị dùng được: {valid}"
            ),
            None if value.is_empty() => format!("`{argument}` cần một giá trị"),
            None => format!("`{value}` không phải giá trị của `{argument}`"),
        },
        ErrorKind::UnknownArgument => format!("không có tùy chọn `{argument}`"),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh `{}`",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("còn thiếu: {argument}"),
        ErrorKind::MissingSubcommand => "cần chọn một lệnh".to_owned(),
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) => format!("`{argument}` không dùng cùng được với `{prior}`"),
            None => format!("`{argument}` không dùng cùng được với tùy chọn đã cho"),
        },
        ErrorKind::TooManyValues => format!("`{value}` là giá trị thừa của `{argument}`"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("`{argument}` không đủ số giá trị")
        }
        ErrorKind::NoEquals => format!("`{argument}` cần dấu `=` trước giá trị"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(|source| range_in_vietnamese(&source.to_string()))
                .unwrap_or_default();
            format!("`{value}` không phải giá trị của `{argument}`: {why}")
        }
        ErrorKind::InvalidUtf8 => format!("`{argument}` chứa ký tự không phải UTF-8"),
        _ => "dòng lệnh không đọc được".to_owned(),
    };
    if let Some(suggested) = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedSubcommand))
        .or_else(|| text(ContextKind::SuggestedValue))
    {
        said = format!("{said}\n  gợi ý: có phải ý bạn là `{suggested}`?");
    }
    said
}

/// clap's "5 is not in 1..=4", in Vietnamese; ddci's own readers already
/// speak (`say!`).
fn range_in_vietnamese(text: &str) -> String {
    match text.split_once(" is not in ") {
        Some((value, range)) => match range.split_once("..=") {
            Some((low, high)) => format!("{value} không nằm trong khoảng {low}–{high}"),
            None => format!("{value} không nằm trong khoảng {range}"),
        },
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_ranges_are_told_in_vietnamese() {
        assert_eq!(
            range_in_vietnamese("5 is not in 1..=4"),
            "5 không nằm trong khoảng 1–4"
        );
        assert_eq!(
            range_in_vietnamese("ngày không hợp lệ"),
            "ngày không hợp lệ"
        );
    }
}
