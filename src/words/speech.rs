//! The language ddci speaks to the person at the terminal: its errors, hints,
//! confirmations and help. Documents (status, reports, forms) have their own
//! language, the plan's unless `--lang` says otherwise.
//!
//! Every sentence is written in both languages where it is made, with
//! [`say!`](crate::say): the macro takes the Vietnamese and the English
//! together, so a message cannot exist in one language only, and a test
//! (`tests/integration/messages.rs`) checks that no sentence bypasses it and
//! that no English reaches a Vietnamese reader.
//!
//! Which language: `--lang`, then `DDCI_LANG`, then the plan's `language`,
//! then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then Vietnamese — the
//! language of the people ddci is for. It is decided once, before the
//! command line is read, so that help and usage errors are spoken too.

use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

pub use crate::words::language::Language;

/// The variable that chooses the language of messages.
pub const LANGUAGE_VARIABLE: &str = "DDCI_LANG";

/// 0: not chosen (tests of the library: English), 1: Vietnamese, 2: English.
static SPEAKING: AtomicU8 = AtomicU8::new(0);

/// The language messages are written in now.
pub fn speaking() -> Language {
    match SPEAKING.load(Ordering::Relaxed) {
        1 => Language::Vi,
        _ => Language::En,
    }
}

/// Chooses the language of every message from now on.
pub fn speak(language: Language) {
    let code = match language {
        Language::Vi => 1,
        Language::En => 2,
    };
    SPEAKING.store(code, Ordering::Relaxed);
}

/// Writes a message in the language ddci speaks, from its Vietnamese and its
/// English, each a `format!` string: `say!("đã ghi {path}", "wrote {path}")`.
/// Only the one shown is formatted.
#[macro_export]
macro_rules! say {
    ($vi:literal, $en:literal $(, $argument:expr)* $(,)?) => {
        match $crate::words::speech::speaking() {
            $crate::words::language::Language::Vi => format!($vi $(, $argument)*),
            $crate::words::language::Language::En => format!($en $(, $argument)*),
        }
    };
}

/// The language to speak, from the command line as typed, the environment,
/// the plan the command would read and the locale, in that order.
pub fn choose<S: AsRef<std::ffi::OsStr>>(arguments: &[S], current_dir: &Path) -> Language {
    if let Some(language) = asked_on_command_line(arguments) {
        return language;
    }
    if let Some(language) = std::env::var(LANGUAGE_VARIABLE)
        .ok()
        .and_then(|value| named(&value))
    {
        return language;
    }
    if let Some(language) = plan_language(arguments, current_dir) {
        return language;
    }
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(language) = std::env::var(variable)
            .ok()
            .and_then(|value| from_locale(&value))
        {
            return language;
        }
    }
    Language::Vi
}

/// `vi`, `en`, `Tiếng Việt`… however typed; `None` for anything else.
pub fn named(text: &str) -> Option<Language> {
    match crate::words::fold::folded(text.trim()).as_str() {
        "vi" | "vie" | "tieng viet" | "vietnamese" => Some(Language::Vi),
        "en" | "eng" | "tieng anh" | "english" => Some(Language::En),
        _ => None,
    }
}

/// `vi_VN.UTF-8` → Vietnamese, `en_GB` → English; `C`, `POSIX` and the
/// rest say nothing.
fn from_locale(value: &str) -> Option<Language> {
    let language = value.split(['_', '.', '@', '-']).next()?;
    match language.to_ascii_lowercase().as_str() {
        "vi" => Some(Language::Vi),
        "" | "c" | "posix" => None,
        _ => Some(Language::En),
    }
}

/// `--lang vi` or `--lang=en` anywhere before a lone `--`.
fn asked_on_command_line<S: AsRef<std::ffi::OsStr>>(arguments: &[S]) -> Option<Language> {
    let mut words = arguments
        .iter()
        .map(|argument| argument.as_ref().to_string_lossy())
        .take_while(|argument| argument != "--");
    let mut asked = None;
    while let Some(word) = words.next() {
        if word == "--lang" {
            asked = words.next().as_deref().and_then(named).or(asked);
        } else if let Some(value) = word.strip_prefix("--lang=") {
            asked = named(value).or(asked);
        }
    }
    asked
}

/// The `language` a plan declares at its top, read cheaply: the plan named by
/// `--plan` or `DDCI_PLAN`, else the nearest `plan.toml`. A plan that says
/// nothing is Vietnamese; one that cannot be read says nothing here (the
/// command will say why).
fn plan_language<S: AsRef<std::ffi::OsStr>>(
    arguments: &[S],
    current_dir: &Path,
) -> Option<Language> {
    let mut words = arguments
        .iter()
        .map(|argument| argument.as_ref().to_string_lossy().into_owned())
        .take_while(|argument| argument != "--");
    let mut flag = None;
    while let Some(word) = words.next() {
        if word == "--plan" {
            flag = words.next().map(std::path::PathBuf::from);
        } else if let Some(value) = word.strip_prefix("--plan=") {
            flag = Some(value.into());
        }
    }
    let given = crate::read::locate::given_plan(flag.as_deref()).map(|(path, _)| path);
    let path = crate::read::locate::find_plan(given.as_deref(), current_dir).ok()?;
    declared_language(&path)
}

/// The `language = "…"` of a plan's `[plan]` table, from the file's first
/// 64 KiB.
fn declared_language(path: &Path) -> Option<Language> {
    use std::io::Read;
    // Never a pipe, a device or a file of the kernel: help must not wait.
    if !crate::read::ordinary_file::is_ordinary(path) {
        return None;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    let mut in_plan = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_plan = line.split('#').next().unwrap_or("").trim() == "[plan]";
            continue;
        }
        if !in_plan {
            continue;
        }
        if let Some(value) = line
            .strip_prefix("language")
            .and_then(|rest| rest.trim_start().strip_prefix('='))
        {
            let value = value.split('#').next().unwrap_or("").trim();
            return named(value.trim_matches(['"', '\'']));
        }
    }
    Some(Language::Vi)
}

/// An operating-system error in the language spoken: in Vietnamese its kind
/// in words and the system's number for it (the system's own text is
/// English), in English the system's text.
pub fn io_error(error: &std::io::Error) -> String {
    io_error_in(speaking(), error)
}

fn io_error_in(language: Language, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if language == Language::En {
        return error.to_string();
    }
    let known = match error.kind() {
        ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục",
        ErrorKind::PermissionDenied => "không có quyền truy cập",
        ErrorKind::AlreadyExists => "tệp đã có",
        ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp",
        ErrorKind::NotADirectory => "một phần của đường dẫn không phải thư mục",
        ErrorKind::InvalidData => "dữ liệu không đọc được",
        ErrorKind::UnexpectedEof => "tệp kết thúc giữa chừng",
        ErrorKind::StorageFull => "ổ đĩa đã đầy",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc",
        ErrorKind::Interrupted => "bị ngắt giữa chừng",
        ErrorKind::WouldBlock | ErrorKind::TimedOut => "hết thời gian chờ",
        ErrorKind::BrokenPipe => "nơi nhận đã đóng",
        ErrorKind::OutOfMemory => "không đủ bộ nhớ",
        ErrorKind::FileTooLarge => "tệp quá lớn",
        ErrorKind::InvalidFilename => "tên tệp không hợp lệ",
        _ => return format!("lỗi của hệ điều hành: {error}"),
    };
    match error.raw_os_error() {
        Some(code) => format!("{known} (mã lỗi {code})"),
        None => known.to_owned(),
    }
}

/// An error and its causes, each in the language spoken, joined as anyhow's
/// `{:#}` joins them.
pub fn error_chain(error: &anyhow::Error) -> String {
    error
        .chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => io_error(io),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language_or_nothing() {
        let cases = [
            ("vi_VN.UTF-8", Some(Language::Vi)),
            ("vi", Some(Language::Vi)),
            ("en_US.UTF-8", Some(Language::En)),
            ("fr_FR", Some(Language::En)),
            ("C", None),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("", None),
        ];
        for (locale, expected) in cases {
            assert_eq!(from_locale(locale), expected, "{locale}");
        }
    }

    #[test]
    fn the_command_line_asks_with_either_spelling_and_the_last_wins() {
        let cases: [(&[&str], Option<Language>); 7] = [
            (&["ddci", "status"], None),
            (&["ddci", "--lang", "en", "status"], Some(Language::En)),
            (&["ddci", "status", "--lang=vi"], Some(Language::Vi)),
            (
                &["ddci", "--lang", "en", "status", "--lang", "vi"],
                Some(Language::Vi),
            ),
            (&["ddci", "--lang", "xx"], None),
            (&["ddci", "record", "1.1", "--", "--lang", "en"], None),
            (&["ddci", "--lang"], None),
        ];
        for (arguments, expected) in cases {
            assert_eq!(asked_on_command_line(arguments), expected, "{arguments:?}");
        }
    }

    #[test]
    fn a_plan_is_vietnamese_unless_its_top_says_english() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let cases = [
            ("[plan]\nyear = 2024\n", Some(Language::Vi)),
            (
                "[plan]\nlanguage = \"en\"\nyear = 2024\n",
                Some(Language::En),
            ),
            (
                "[plan] # header\nlanguage='en' # English\n",
                Some(Language::En),
            ),
            ("[plan]\nlanguage = \"vi\"\n", Some(Language::Vi)),
            ("[plan]\n[[units]]\nlanguage = \"en\"\n", Some(Language::Vi)),
            ("language = \"en\"\n[plan]\n", Some(Language::Vi)),
        ];
        for (text, expected) in cases {
            let path = folder.path().join("plan.toml");
            std::fs::write(&path, text).expect("write the plan");
            assert_eq!(declared_language(&path), expected, "{text}");
        }
        assert_eq!(declared_language(folder.path()), None);
    }

    #[test]
    fn system_errors_are_told_in_vietnamese_with_their_number() {
        let missing = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            io_error_in(Language::Vi, &missing),
            "không tìm thấy tệp hoặc thư mục (mã lỗi 2)"
        );
        assert_eq!(io_error_in(Language::En, &missing), missing.to_string());
        let odd = std::io::Error::other("x");
        assert_eq!(io_error_in(Language::Vi, &odd), "lỗi của hệ điều hành: x");
    }

    #[test]
    fn names_of_languages_fold() {
        assert_eq!(named("VI"), Some(Language::Vi));
        assert_eq!(named("Tiếng Việt"), Some(Language::Vi));
        assert_eq!(named(" en "), Some(Language::En));
        assert_eq!(named("de"), None);
    }
}
