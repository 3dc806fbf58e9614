//! Messages in the reader's language (`src/words/speech.rs`): on a
//! Vietnamese plan, with no language asked for, nothing ddci writes to the
//! terminal is an English sentence; with `--lang en`, nothing is Vietnamese
//! but the plan's own text. And in the source, no sentence for a person is
//! written in one language only.

use crate::harness::{SMALL_PLAN, Test, repo_root};

/// English words that no Vietnamese sentence holds. Ids, options, paths and
/// quoted text are taken out first (`english_words`).
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "are",
    "not",
    "cannot",
    "help",
    "error",
    "warning",
    "wrote",
    "was",
    "were",
    "has",
    "have",
    "of",
    "and",
    "with",
    "for",
    "this",
    "that",
    "would",
    "should",
    "must",
    "there",
    "from",
    "usage",
    "options",
    "arguments",
    "commands",
    "print",
    "default",
    "possible",
    "values",
    "tip",
    "unexpected",
    "invalid",
    "found",
    "missing",
    "unknown",
    "plan",
    "task",
    "target",
    "record",
];

/// The English words of `text`, outside what is quoted or is a name: `…`,
/// “…”, "…", ids, options and paths.
fn english_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quote: Option<char> = None;
    for character in text.chars() {
        match (quote, character) {
            (None, '`' | '“' | '"' | '\'' | '[' | '<') => {
                quote = Some(match character {
                    '“' => '”',
                    '[' => ']',
                    '<' => '>',
                    other => other,
                });
            }
            (Some(end), c) if c == end => quote = None,
            (Some(_), _) => {}
            (None, c) => plain.push(c),
        }
    }
    plain
        .split_whitespace()
        .filter(|word| {
            !word.contains(['.', '/', '-', '_', '=', ':', '{', '$']) || word.ends_with(':')
        })
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|word| ENGLISH.contains(&word.as_str()))
        .collect()
}

/// Runs `args` on the small Vietnamese plan with no language chosen and
/// returns what reached the terminal.
fn spoken(args: &[&str]) -> String {
    let run = Test::new()
        .plan(SMALL_PLAN)
        .file("the-form.txt", "not a form")
        .file(
            "broken.toml",
            SMALL_PLAN
                .replacen("[plan]\n", "[plan]\ncolour = \"xanh\"\n", 1)
                .replace("lead = [\"hc-th\"]", "lead = [\"hc-tk\"]"),
        )
        .file("not-toml.toml", "[plan\ntitle = ")
        .env("LANG", "C.UTF-8")
        .args(args.iter().copied())
        .run_without_env("DDCI_LANG");
    format!("{}{}", run.stdout, run.stderr)
}

#[test]
fn the_english_detector_finds_english_and_only_english() {
    assert_eq!(
        english_words("error: the plan `x` is not found"),
        ["error", "the", "plan", "is", "not", "found"]
    );
    assert!(english_words("lỗi: không có nhiệm vụ `the plan` “is not”").is_empty());
    assert!(
        english_words("đã ghi vào plan.toml, dòng 3–5, cho nhiệm vụ 1.1 (--dry-run)").is_empty()
    );
}

#[test]
fn errors_refusals_and_confirmations_speak_vietnamese_on_a_vietnamese_plan() {
    let commands: &[&[&str]] = &[
        &["stauts"],
        &["status", "--owner", "nobody"],
        &["status", "--quater", "2"],
        &["report", "--quarter", "7"],
        &["report", "--from", "2024-05-01", "--to", "2024-04-01"],
        &["report", "--quarter", "2", "-o", "."],
        &["report", "--quarter", "2", "-o", "plan.toml"],
        &["record", "9.9", "--status", "done"],
        &["record", "1.1", "--status", "xyz"],
        &["record", "1.1", "--date", "32/13/2024", "--status", "done"],
        &["record", "1.1", "--note", "  "],
        &["record", "1.1", "--status", "done", "--dry-run"],
        &["import", "missing.xlsx"],
        &["import", "plan.toml"],
        &["import", "the-form.txt"],
        &[
            "form",
            "--owner",
            "nobody",
            "--quarter",
            "2",
            "-o",
            "x.xlsx",
        ],
        &[
            "form",
            "--owner",
            "thanh-tra",
            "--quarter",
            "2",
            "-o",
            "x.txt",
        ],
        &["calendar", "--owner", "nobody"],
        &["list", "nothing"],
        &["init", "plan.toml"],
        &["rollup", "no-such-folder"],
        &["result", "--year", "1990", "--rank", "3", "--of", "17"],
        &["man", "nothing"],
        &["help", "nothing"],
        &["record", "1.1", "--period", "2024-Q7"],
        &["status", "--as-of", "2099-01-01"],
        &["--plan", "broken.toml", "validate"],
        &["--plan", "not-toml.toml", "validate"],
        &["--plan", "missing.toml", "status"],
        // What succeeds says so in Vietnamese too.
        &[
            "record",
            "1.1",
            "--status",
            "done",
            "--note",
            "Đã công khai",
        ],
        &[
            "form",
            "--owner",
            "hc-th",
            "--quarter",
            "2",
            "-o",
            "hc-th.xlsx",
        ],
        &["init", "new-2025.toml"],
        &["validate"],
        &["report", "--quarter", "2", "-o", "bao-cao.docx"],
    ];
    let mut english = Vec::new();
    for args in commands {
        let said = spoken(args);
        let found = english_words(&said);
        if !found.is_empty() {
            english.push(format!(
                "ddci {}:\n{said}\n  English: {found:?}",
                args.join(" ")
            ));
        }
    }
    assert!(english.is_empty(), "{}", english.join("\n\n"));
}

#[test]
fn every_page_of_help_speaks_vietnamese_on_a_vietnamese_plan() {
    let mut pages: Vec<Vec<&str>> = vec![vec!["--help"], vec!["help"]];
    for command in [
        "validate",
        "record",
        "status",
        "report",
        "form",
        "import",
        "result",
        "calendar",
        "rollup",
        "list",
        "init",
        "help",
        "schema",
        "completions",
        "man",
    ] {
        pages.push(vec![command, "--help"]);
        pages.push(vec![command, "-h"]);
    }
    let mut english = Vec::new();
    for page in &pages {
        let said = spoken(page);
        // Examples are commands, and their notes are plan text.
        let prose: String = said
            .lines()
            .filter(|line| !line.trim_start().starts_with("ddci "))
            .collect::<Vec<_>>()
            .join("\n");
        // Command names are names, like ids.
        let found: Vec<String> = english_words(&prose)
            .into_iter()
            .filter(|word| !matches!(word.as_str(), "record" | "help"))
            .collect();
        if !found.is_empty() {
            english.push(format!("ddci {}: {found:?}", page.join(" ")));
        }
    }
    assert!(english.is_empty(), "{}", english.join("\n"));
}

#[test]
fn lang_en_speaks_english_whatever_the_plan() {
    let run = Test::new()
        .plan(SMALL_PLAN)
        .args(["--lang", "en", "record", "9.9", "--status", "done"])
        .run_without_env("DDCI_LANG");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: no task, target or reporting duty has the id `9.9`. Nothing was written."
        ),
        "{}",
        run.stderr
    );
    let help = Test::new()
        .plan(SMALL_PLAN)
        .args(["record", "--help", "--lang", "en"])
        .run_without_env("DDCI_LANG");
    let vietnamese: Vec<&str> = help
        .stdout
        .lines()
        .filter(|line| !line.trim_start().starts_with("ddci "))
        .filter(|line| {
            line.chars()
                .any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains(c))
        })
        .filter(|line| !line.contains('"'))
        .collect();
    assert!(vietnamese.is_empty(), "{vietnamese:#?}");
}

/// A plan, `DDCI_LANG`, `LANG`, `--lang`, and whether ddci speaks Vietnamese.
type LanguageCase<'a> = (&'a str, Option<&'a str>, &'a str, Option<&'a str>, bool);

#[test]
fn the_language_is_chosen_by_flag_then_variable_then_plan_then_locale() {
    let english_plan = SMALL_PLAN.replacen("[plan]\n", "[plan]\nlanguage = \"en\"\n", 1);
    // (plan, DDCI_LANG, LANG, --lang) → whether the error is Vietnamese.
    let cases: [LanguageCase<'_>; 7] = [
        (SMALL_PLAN, None, "C.UTF-8", None, true),
        (SMALL_PLAN, None, "en_US.UTF-8", None, true),
        (&english_plan, None, "vi_VN.UTF-8", None, false),
        (&english_plan, Some("vi"), "C.UTF-8", None, true),
        (SMALL_PLAN, Some("en"), "C.UTF-8", None, false),
        (SMALL_PLAN, Some("en"), "C.UTF-8", Some("vi"), true),
        (&english_plan, Some("vi"), "C.UTF-8", Some("en"), false),
    ];
    for (plan, variable, locale, flag, vietnamese) in cases {
        let mut args = vec!["record", "9.9", "--status", "done"];
        if let Some(flag) = flag {
            args.extend(["--lang", flag]);
        }
        let mut test = Test::new().plan(plan).env("LANG", locale).args(args);
        if let Some(variable) = variable {
            test = test.env("DDCI_LANG", variable);
        }
        let run = if variable.is_some() {
            test.run()
        } else {
            test.run_without_env("DDCI_LANG")
        };
        let expected = if vietnamese { "lỗi: " } else { "error: " };
        assert!(
            run.stderr.starts_with(expected),
            "{variable:?} {locale} {flag:?}: {}",
            run.stderr
        );
    }
    // Outside any plan, the locale decides; saying nothing, Vietnamese.
    for (locale, expected) in [("en_GB.UTF-8", "error: "), ("C.UTF-8", "lỗi: ")] {
        let run = Test::new()
            .env("LANG", locale)
            .args(["status"])
            .run_without_env("DDCI_LANG");
        assert!(run.stderr.starts_with(expected), "{locale}: {}", run.stderr);
    }
}

/// Whether a literal holds words, not only `{placeholders}` and punctuation.
fn has_words(literal: &str) -> bool {
    let mut depth = 0;
    let mut escaped = false;
    literal.chars().any(|c| {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => return depth == 0 && c.is_alphabetic(),
        }
        false
    })
}

/// The constructs that send a sentence to a person, written with a bare
/// literal instead of `say!`: each is a message in one language only.
#[test]
fn no_message_in_the_source_is_written_in_one_language_only() {
    let patterns = [
        "bail!(\"",
        "anyhow!(\"",
        ".context(\"",
        "with_context(|| format!(\"",
        "Err(format!(\"",
        "writeln!(output.stderr, \"",
        ".help(\"",
        ".label(\"",
    ];
    let mut one_language = Vec::new();
    let mut folders = vec![repo_root().join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|extension| extension != "rs") {
                continue;
            }
            // Written for Vietnamese only: the help table and clap's errors in Vietnamese.
            if path.ends_with("cli/help_vi.rs") || path.ends_with("cli/spoken.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            // Tests are written for the developer.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            // Joined up, so a call split over lines by rustfmt is seen whole.
            let joined: String = code
                .lines()
                .map(str::trim)
                .filter(|line| !line.starts_with("//"))
                .collect::<Vec<_>>()
                .join("");
            // A diagnostic's message follows its code.
            for constructor in ["Diagnostic::error(\"", "Diagnostic::warning(\""] {
                for (at, _) in joined.match_indices(constructor) {
                    let rest = &joined[at + constructor.len()..];
                    let after_code = rest.split_once('"').map_or("", |(_, after)| after);
                    if let Some(message) = after_code.strip_prefix(", \"") {
                        let literal = message.split('"').next().unwrap_or_default();
                        if has_words(literal) {
                            let shown = path.strip_prefix(repo_root()).unwrap_or(&path);
                            one_language
                                .push(format!("{}: {constructor}…{literal}", shown.display()));
                        }
                    }
                }
            }
            for pattern in patterns {
                for (at, _) in joined.match_indices(pattern) {
                    let rest = &joined[at + pattern.len()..];
                    let literal = rest.split('"').next().unwrap_or_default();
                    // A literal with no letters is punctuation, not a sentence.
                    if has_words(literal) {
                        let shown = path.strip_prefix(repo_root()).unwrap_or(&path);
                        one_language.push(format!("{}: {pattern}{literal}", shown.display()));
                    }
                }
            }
        }
    }
    one_language.sort();
    assert!(
        one_language.is_empty(),
        "messages without say!:\n{}",
        one_language.join("\n")
    );
}
