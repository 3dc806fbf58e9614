//! Every command the README and the guides show runs as pasted.
//!
//! Each line of a ```` ```sh ```` block of `README.md`, `docs/huong-dan.md`
//! and `docs/guide.md` that starts with `ddci ` is run, in order, one folder
//! per document: a fresh folder holding the illustrative plan
//! (`examples/progress-2024/plan.toml`) as `plan.toml`, as the guides set the
//! reader up, on 5 October 2024 (`DDCI_TODAY`), with messages in English and
//! no `DDCI_PLAN`. Each must exit 0. What a later line needs (a form to
//! import) an earlier line of the same document must make.
//!
//! The line is read as `sh` would read it: words split at blanks, "double"
//! and 'single' quotes, `\` escapes, a `# comment` at the end, `~/` for the
//! home folder (here a folder of the test's own), `*` matched against the
//! files in a folder, and `> FILE` for what the command prints. A line that
//! asks the shell for anything more (a pipe, `&&`, a variable) fails the
//! test: write it another way. A `mkdir -p` line makes its folders, as
//! folders a later `> FILE` writes into. A line whose comment says
//! `(mẫu)` or `(placeholder)` stands for what the reader must supply (a
//! folder of their own, a figure from a published document): it is counted
//! and skipped. A line whose comment says `(exit N)` or `(mã thoát N)`
//! shows a command that fails on purpose (validate on a skeleton with its
//! blanks still to fill): it must exit N. A document with no command to run
//! fails the test.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::harness::{Test, repo_root};

/// The documents whose commands are run.
const DOCUMENTS: [&str; 3] = ["README.md", "docs/huong-dan.md", "docs/guide.md"];

/// The day the commands run on: Quý III/2024 is over and its reports are due.
const TODAY: &str = "2024-10-05";

/// The marks that say a line is a placeholder.
const PLACEHOLDER_MARKS: [&str; 2] = ["(mẫu)", "(placeholder)"];

#[test]
fn every_documented_command_runs_as_pasted() {
    let mut failures = String::new();
    let mut summary = String::new();
    for document in DOCUMENTS {
        let text = std::fs::read_to_string(repo_root().join(document))
            .unwrap_or_else(|error| panic!("{document}: {error}"));
        let counts = run_document(document, &text, &mut failures);
        let _ = writeln!(
            summary,
            "{document}: {} commands run, {} placeholders skipped",
            counts.run, counts.skipped
        );
        if counts.run == 0 {
            let _ = writeln!(failures, "{document}: no command to run\n");
        }
    }
    println!("{summary}");
    assert!(failures.is_empty(), "{summary}\n{failures}");
}

#[derive(Debug, Default)]
struct Counts {
    run: usize,
    skipped: usize,
}

/// Runs a document's commands in a folder of its own; what fails is written
/// to `failures`.
fn run_document(document: &str, text: &str, failures: &mut String) -> Counts {
    let test = Test::new();
    let home = test.path().join("home");
    std::fs::create_dir_all(&home).expect("a home folder");
    let plan = std::fs::read(repo_root().join("examples/progress-2024/plan.toml"))
        .expect("the illustrative plan");
    let test = test
        .file("plan.toml", plan)
        .env("DDCI_TODAY", TODAY)
        .env("DDCI_LANG", "en")
        .env("HOME", &home.display().to_string());
    let folder = Folder {
        root: test.path().to_path_buf(),
        home,
    };
    let mut counts = Counts::default();
    for (number, line) in sh_lines(text) {
        let is_ddci = line.starts_with("ddci ");
        let is_mkdir = line.starts_with("mkdir -p ");
        if !is_ddci && !is_mkdir {
            continue;
        }
        let mut fail = |why: &str| {
            let _ = writeln!(failures, "{document}:{number}: {line}\n{why}\n");
        };
        let (tokens, comment) = match shell_words(&line) {
            Ok(split) => split,
            Err(why) => {
                fail(&why);
                continue;
            }
        };
        if comment.is_some_and(|comment| PLACEHOLDER_MARKS.iter().any(|m| comment.contains(m))) {
            counts.skipped += 1;
            continue;
        }
        let command = match folder.expand(tokens) {
            Ok(command) => command,
            Err(why) => {
                fail(&why);
                continue;
            }
        };
        if is_mkdir {
            for made in &command.words[2..] {
                std::fs::create_dir_all(folder.root.join(made)).expect("make the folder");
            }
            continue;
        }
        counts.run += 1;
        let expected = comment.and_then(expected_exit).unwrap_or(0);
        let run = test.run_with(&command.words[1..]);
        if run.code != expected {
            fail(&format!(
                "exit code {}\n--- stderr ---\n{}--- stdout ---\n{}",
                run.code, run.stderr, run.stdout
            ));
            continue;
        }
        if let Some(file) = command.stdout_to {
            let path = folder.root.join(&file);
            if let Err(error) = std::fs::write(&path, run.stdout) {
                fail(&format!("cannot write `{file}`, as `>` would: {error}"));
            }
        }
    }
    counts
}

/// The lines of a Markdown text's ```` ```sh ```` blocks, each with its line
/// number, a line ending in `\` joined to the next.
fn sh_lines(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut in_block = false;
    let mut pending: Option<(usize, String)> = None;
    for (index, line) in text.lines().enumerate() {
        let fence = line.trim_start();
        if !in_block {
            in_block = fence == "```sh";
            continue;
        }
        if fence.starts_with("```") {
            in_block = false;
            lines.extend(pending.take());
            continue;
        }
        let (number, mut joined) = pending.take().unwrap_or((index + 1, String::new()));
        if let Some(head) = line.strip_suffix('\\') {
            joined.push_str(head);
            pending = Some((number, joined));
        } else {
            joined.push_str(line);
            lines.push((number, joined.trim().to_owned()));
        }
    }
    lines
}

/// One word of a command line, and whether any of it was quoted (a quoted
/// `~` or `*` is only a character).
#[derive(Debug, Default, PartialEq)]
struct Word {
    text: String,
    quoted: bool,
}

/// A word, or the `>` that sends what the command prints to a file.
#[derive(Debug, PartialEq)]
enum Token {
    Word(Word),
    ToFile,
}

/// Splits a command line as `sh` does, into its tokens and its trailing
/// comment; whatever else the shell would do is refused with the reason.
fn shell_words(line: &str) -> Result<(Vec<Token>, Option<&str>), String> {
    let mut tokens = Vec::new();
    let mut word: Option<Word> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            ' ' | '\t' => tokens.extend(word.take().map(Token::Word)),
            '#' if word.is_none() => return Ok((tokens, Some(&line[at + 1..]))),
            '>' => {
                tokens.extend(word.take().map(Token::Word));
                tokens.push(Token::ToFile);
            }
            '"' => {
                let word = word.get_or_insert_with(Word::default);
                word.quoted = true;
                loop {
                    match chars.next() {
                        None => return Err("a \" is not closed".to_owned()),
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match chars.next() {
                            Some((_, escaped @ ('"' | '\\' | '$' | '`'))) => {
                                word.text.push(escaped);
                            }
                            Some((_, other)) => {
                                word.text.push('\\');
                                word.text.push(other);
                            }
                            None => return Err("a \" is not closed".to_owned()),
                        },
                        Some((_, '$' | '`')) => {
                            return Err("`$` and `` ` `` ask the shell to substitute: write the value itself".to_owned());
                        }
                        Some((_, other)) => word.text.push(other),
                    }
                }
            }
            '\'' => {
                let word = word.get_or_insert_with(Word::default);
                word.quoted = true;
                loop {
                    match chars.next() {
                        None => return Err("a ' is not closed".to_owned()),
                        Some((_, '\'')) => break,
                        Some((_, other)) => word.text.push(other),
                    }
                }
            }
            '\\' => {
                let word = word.get_or_insert_with(Word::default);
                word.quoted = true;
                if let Some((_, escaped)) = chars.next() {
                    word.text.push(escaped);
                }
            }
            '|' | '&' | ';' | '<' | '(' | ')' | '$' | '`' => {
                return Err(format!(
                    "`{c}` asks the shell for more than one command run on its own: \
                     write it another way"
                ));
            }
            other => word.get_or_insert_with(Word::default).text.push(other),
        }
    }
    tokens.extend(word.take().map(Token::Word));
    Ok((tokens, None))
}

/// The folder a document's commands run in, and its home folder for `~/`.
#[derive(Debug)]
struct Folder {
    root: PathBuf,
    home: PathBuf,
}

/// A command's words as it receives them, and the file its output goes to.
#[derive(Debug)]
struct Command {
    words: Vec<String>,
    stdout_to: Option<String>,
}

impl Folder {
    /// The words as the command gets them, after `~/` and `*`.
    fn expand(&self, tokens: Vec<Token>) -> Result<Command, String> {
        let mut words = Vec::new();
        let mut stdout_to = None;
        let mut tokens = tokens.into_iter();
        while let Some(token) = tokens.next() {
            match token {
                Token::Word(word) => words.extend(self.expand_word(word)),
                Token::ToFile => match tokens.next() {
                    Some(Token::Word(word)) if stdout_to.is_none() => {
                        let mut files = self.expand_word(word);
                        if files.len() != 1 {
                            return Err("`>` names more than one file".to_owned());
                        }
                        stdout_to = files.pop();
                    }
                    _ => return Err("`>` names no file, or comes twice".to_owned()),
                },
            }
        }
        if words.is_empty() {
            return Err("no command".to_owned());
        }
        Ok(Command { words, stdout_to })
    }

    fn expand_word(&self, word: Word) -> Vec<String> {
        if word.quoted {
            return vec![word.text];
        }
        let text = match word.text.strip_prefix("~/") {
            Some(rest) => self.home.join(rest).display().to_string(),
            None if word.text == "~" => self.home.display().to_string(),
            None => word.text,
        };
        if !text.contains('*') {
            return vec![text];
        }
        let matched = self.glob(&text);
        if matched.is_empty() {
            // sh passes a pattern that matches nothing as it is.
            vec![text]
        } else {
            matched
        }
    }

    /// The files a pattern with `*` in its last part names, sorted, as `sh`
    /// finds them (a name starting `.` only if the pattern does).
    fn glob(&self, pattern: &str) -> Vec<String> {
        let (folder, name) = pattern
            .rsplit_once('/')
            .map_or(("", pattern), |(f, n)| (f, n));
        if folder.contains('*') {
            return Vec::new();
        }
        let search = if folder.is_empty() {
            self.root.clone()
        } else {
            self.root.join(folder)
        };
        let Ok(entries) = std::fs::read_dir(&search) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|file| matches(name, file))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|file| {
                if folder.is_empty() {
                    file
                } else {
                    Path::new(folder).join(file).display().to_string()
                }
            })
            .collect()
    }
}

/// Whether `name` fits `pattern`, where `*` stands for any run of characters.
fn matches(pattern: &str, name: &str) -> bool {
    if name.starts_with('.') && !pattern.starts_with('.') {
        return false;
    }
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[test]
fn command_lines_are_split_as_sh_splits_them() {
    let words = |line: &str| -> Vec<String> {
        let (tokens, _) = shell_words(line).expect("a line sh reads");
        tokens
            .into_iter()
            .map(|token| match token {
                Token::Word(word) => word.text,
                Token::ToFile => ">".to_owned(),
            })
            .collect()
    };
    assert_eq!(
        words(r#"ddci record 7.2 --note "Tiếp công dân ngày 27/3" --by thanh-tra"#),
        [
            "ddci",
            "record",
            "7.2",
            "--note",
            "Tiếp công dân ngày 27/3",
            "--by",
            "thanh-tra"
        ]
    );
    assert_eq!(
        words(r#"ddci init --agency "Sở "'Tư'\ pháp --note "a \"b\" #c""#),
        [
            "ddci",
            "init",
            "--agency",
            "Sở Tư pháp",
            "--note",
            "a \"b\" #c"
        ]
    );
    assert_eq!(
        words("ddci schema >plan.schema.json"),
        ["ddci", "schema", ">", "plan.schema.json"]
    );
    assert_eq!(words("ddci x#y # a comment"), ["ddci", "x#y"]);
    let (_, comment) = shell_words("ddci rollup kon-tum/   # (mẫu) a folder").expect("a line");
    assert_eq!(comment, Some(" (mẫu) a folder"));
    for refused in [
        "ddci man record | man -l -",
        "ddci status && ddci report",
        "ddci record 1.1 --note \"$NOTE\"",
        "ddci record 1.1 --note \"open",
    ] {
        assert!(shell_words(refused).is_err(), "{refused}");
    }
}

#[test]
fn a_star_matches_as_sh_matches_it() {
    assert!(matches("*.xlsx", "thanh-tra-2024-Q3.xlsx"));
    assert!(matches("thanh-*-Q3.xlsx", "thanh-tra-2024-Q3.xlsx"));
    assert!(matches("*", "plan.toml"));
    assert!(!matches("*", ".ddci"));
    assert!(!matches("*.xlsx", "plan.toml"));
    assert!(!matches("a*a", "a"));
    assert!(matches("a*a", "aa"));
}

#[test]
fn sh_blocks_are_read_and_other_blocks_are_not() {
    let text = "```sh\nddci status   # x\nddci report \\\n  --quarter 2\n```\n\
                ```text\nddci list\n```\n```powershell\nddci list\n```\n";
    assert_eq!(
        sh_lines(text),
        [
            (2, "ddci status   # x".to_owned()),
            (3, "ddci report   --quarter 2".to_owned())
        ]
    );
}

/// The exit code a comment says a line ends with: `(exit 1)`, `(mã thoát 1)`.
fn expected_exit(comment: &str) -> Option<i32> {
    ["(exit ", "(mã thoát "].iter().find_map(|mark| {
        let rest = &comment[comment.find(mark)? + mark.len()..];
        rest.split(')').next()?.trim().parse().ok()
    })
}
