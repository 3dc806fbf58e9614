//! Hostile input and a shared machine: each case an attacker or a busy office
//! found (issue "no injection, no clobbered plan, no silent wait, honest exit
//! codes"), with what happens now. `docs/robustness.md` lists them.

use std::fs::File;
use std::io::Read as _;
use std::process::{Command, Stdio};

use proptest::prelude::*;

use crate::harness::{SMALL_PLAN, Test, example_plan_path, proptest_cases};

fn ddci() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ddci"));
    command
        .env("DDCI_LANG", "en")
        .env("DDCI_TODAY", "2024-12-31")
        .env("NO_COLOR", "1")
        .env_remove("DDCI_PLAN");
    command
}

#[test]
fn a_due_date_a_hundred_million_days_away_is_refused_not_a_panic() {
    let plan = SMALL_PLAN.to_owned()
        + "\n[[reporting]]\nfrom = [\"hc-th\"]\nperiods = [\"quarter\"]\ndue_days_after = 100000000\n";
    let test = Test::new().plan(&plan);
    let run = test.run_with(&["validate"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("this is not possible as a number of days"),
        "{}",
        run.stderr
    );
    let report = test.run_with(&["report", "--quarter", "2"]);
    assert_eq!(report.code, 1, "{}", report.stderr);
    assert!(!report.stderr.contains("panicked"), "{}", report.stderr);
}

#[cfg(unix)]
#[test]
fn report_output_never_replaces_the_plan_however_it_is_named() {
    let test = Test::new().plan(SMALL_PLAN);
    let dir = test.path().to_owned();
    std::os::unix::fs::symlink(dir.join("plan.toml"), dir.join("link.toml")).expect("symlink");
    std::fs::hard_link(dir.join("plan.toml"), dir.join("hard.toml")).expect("hard link");
    for output in ["plan.toml", "./plan.toml", "link.toml", "hard.toml"] {
        let run = test.run_with(&["report", "--quarter", "2", "-o", output]);
        assert_eq!(run.code, 2, "{output}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("is the plan itself; the report was not written"),
            "{output}: {}",
            run.stderr
        );
        let plan = std::fs::read_to_string(dir.join("plan.toml")).expect("plan");
        assert_eq!(plan, SMALL_PLAN, "{output} changed the plan");
    }
    // `-o -` is standard output, and an earlier report may be replaced.
    let stdout = test.run_with(&["report", "--quarter", "2", "-o", "-"]);
    assert_eq!(stdout.code, 0);
    assert!(stdout.stdout.contains("\n# BÁO CÁO\n"), "{}", stdout.stdout);
    assert!(!dir.join("-").exists());
    std::fs::write(dir.join("bao-cao.md"), "old").expect("write");
    let again = test.run_with(&["report", "--quarter", "2", "-o", "bao-cao.md"]);
    assert_eq!(
        (again.code, again.stderr.as_str()),
        (0, "wrote bao-cao.md\n")
    );
    let written = std::fs::read_to_string(dir.join("bao-cao.md")).expect("report");
    assert_eq!(written, stdout.stdout);
    let leftovers = std::fs::read_dir(&dir)
        .expect("list")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().contains("ddci-tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn a_verdict_survives_a_reader_that_stops_reading() {
    let test = Test::new().plan(&SMALL_PLAN.replace("lead = [\"hc-th\"]", "lead = [\"hc-tk\"]"));
    // The reader is gone before ddci writes a word: its errors go nowhere,
    // but an invalid plan still exits 1, and says nothing of a broken pipe.
    let mut child = ddci()
        .args(["validate"])
        .current_dir(test.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ddci");
    drop(child.stderr.take());
    assert_eq!(child.wait().expect("wait").code(), Some(1));
    // A JSON status cut short is no error.
    let mut child = ddci()
        .args(["--plan", &example_plan_path(), "status", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ddci");
    let mut first = [0_u8; 16];
    child
        .stdout
        .as_mut()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("read");
    drop(child.stdout.take());
    let mut said = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut said)
        .expect("read");
    assert_eq!(child.wait().expect("wait").code(), Some(0));
    assert_eq!(said, "");
}

#[test]
fn a_writer_waiting_for_the_lock_says_so_and_gives_up() {
    let test = Test::new().plan(SMALL_PLAN);
    std::fs::create_dir(test.path().join(".ddci")).expect("ddci's folder");
    let lock = File::create(test.path().join(".ddci/.plan.toml.ddci-lock")).expect("lock file");
    lock.lock().expect("hold the lock");
    let run = test.run_with(&["record", "1.1", "--note", "x", "--wait", "1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "waiting for another process writing the plan (it holds `./.ddci/.plan.toml.ddci-lock`"
        ) || run
            .stderr
            .contains("waiting for another process writing the plan"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("another process has been writing the plan for 1 s"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--wait SECONDS"), "{}", run.stderr);
    // A dry run writes nothing and does not wait.
    let dry = test.run_with(&["record", "1.1", "--note", "x", "--dry-run", "--wait", "0"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        SMALL_PLAN
    );
}

#[cfg(unix)]
#[test]
fn a_plan_that_cannot_be_safely_replaced_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let test = Test::new().plan(SMALL_PLAN);
    let plan = test.path().join("plan.toml");
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let run = test.run_with(&["record", "1.1", "--note", "x"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`plan.toml` is read-only"),
        "{}",
        run.stderr
    );
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    std::fs::hard_link(&plan, test.path().join("copy.toml")).expect("link");
    let run = test.run_with(&["record", "1.1", "--note", "x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("has 2 hard links"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&plan).expect("plan"), SMALL_PLAN);
}

#[test]
fn only_a_regular_file_is_read_as_a_plan() {
    let run = Test::new().args(["--plan", "/dev/zero", "validate"]).run();
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: `/dev/zero` is not a regular file; a plan is a .toml file\n"
    );
    // A FIFO would block until someone writes to it.
    let test = Test::new();
    let made = Command::new("mkfifo")
        .arg(test.path().join("plan.toml"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let run = test.run_with(&["--plan", "plan.toml", "validate"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: `plan.toml` is not a regular file; a plan is a .toml file\n"
    );
}

#[cfg(unix)]
#[test]
fn writing_keeps_the_mode_and_group_and_clears_what_killed_runs_left() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let test = Test::new().plan(SMALL_PLAN);
    let plan = test.path().join("plan.toml");
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let group = std::fs::metadata(&plan).expect("metadata").gid();
    let stale = test.path().join(".plan.toml.AbC123.ddci-tmp");
    std::fs::write(&stale, "half a plan").expect("leftover");
    let run = test.run_with(&["record", "1.1", "--note", "x", "--date", "2024-05-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let metadata = std::fs::metadata(&plan).expect("metadata");
    assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
    assert_eq!(metadata.gid(), group);
    assert!(
        !stale.exists(),
        "the leftover of a killed run is still there"
    );
}

#[test]
fn numbers_that_cannot_be_stored_as_typed_are_refused() {
    let cases = [
        ("1.000", "reads as 1000 in Vietnamese and as 1 in English"),
        ("50%%", "is not a number"),
        ("1e-400", "is not a number"),
        ("99.99999999999999999", "more digits than ddci keeps"),
    ];
    for (value, said) in cases {
        let run = Test::new()
            .plan(SMALL_PLAN)
            .run_with(&["record", "dvctt", "--value", value]);
        assert_eq!(run.code, 2, "{value}");
        assert!(run.stderr.contains(said), "{value}: {}", run.stderr);
    }
    let test = Test::new().plan(SMALL_PLAN);
    let run = test.run_with(&["record", "dvctt", "--value", "-0", "--dry-run"]);
    assert!(run.stdout.contains("  value = 0\n"), "{}", run.stdout);
}

/// Characters that must never reach a reader raw: C0 and C1 controls (but
/// the line feed), DEL, and bidi controls.
fn is_dangerous(character: char) -> bool {
    character != '\n'
        && (character.is_control()
            || matches!(character, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'))
}

/// A line of a Markdown document that starts a block the document did not
/// mean: a setext underline, a rule, a fence, an indented code block.
fn forged_block(line: &str) -> bool {
    let trimmed = line.trim_start_matches(['-', ' ']);
    line.starts_with("    ")
        || trimmed.starts_with("===")
        || trimmed.starts_with("~~~")
        || trimmed.starts_with("```")
        || (line.starts_with("---") && !line.starts_with("| ---"))
}

fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\u{1b}[2J".to_owned()),
        Just("\u{1b}]52;c;SGVsbG8=\u{7}".to_owned()),
        Just("\u{9b}31m".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\n===\n".to_owned()),
        Just("\n---\n".to_owned()),
        Just("\n- giả\n".to_owned()),
        Just("\n1. giả\n".to_owned()),
        Just("\n~~~\n".to_owned()),
        Just("\n    mã\n".to_owned()),
        Just("\r".to_owned()),
        "[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}]{1,3}",
        "[a-zA-Zđăâêôơưáàảãạ ]{1,12}",
        any::<String>().prop_map(|text| text.chars().take(8).collect()),
    ];
    proptest::collection::vec(pieces, 1..6).prop_map(|pieces| {
        let text = pieces.concat().replace('\u{0}', "");
        // A record's note may not be blank; give it a letter to stand on.
        format!("x{text}")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: proptest_cases(24), ..ProptestConfig::default() })]

    /// Whatever a unit writes in a note, no human format passes a control
    /// character or bidi override to its reader, no Markdown block is opened
    /// by it, and JSON and CSV stay valid.
    #[test]
    fn text_from_a_note_is_shown_never_obeyed(note in hostile_text()) {
        let test = Test::new().plan(SMALL_PLAN);
        let recorded = test.run_with(&["record", "1.1", "--note", &note, "--date", "2024-05-01"]);
        // A character no document can carry is refused where it is typed,
        // and the plan stays as it was.
        if note.chars().any(ddci::words::visible::not_text) {
            prop_assert_eq!(recorded.code, 2, "{}", recorded.stderr);
            prop_assert!(recorded.stderr.contains("error[forbidden-character]"), "{}", recorded.stderr);
            prop_assert!(!recorded.stderr.chars().any(is_dangerous), "refusal: {:?}", recorded.stderr);
            let plan = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
            prop_assert_eq!(plan.as_str(), SMALL_PLAN);
            return Ok(());
        }
        prop_assert_eq!(recorded.code, 0, "{}", recorded.stderr);
        prop_assert!(!recorded.stdout.chars().any(is_dangerous), "record echo: {:?}", recorded.stdout);
        let human: [&[&str]; 7] = [
            &["status"],
            &["status", "--format", "markdown"],
            &["status", "--format", "csv"],
            &["report", "--quarter", "2"],
            &["report", "--quarter", "2", "--format", "text"],
            &["report", "--quarter", "2", "--format", "csv"],
            &["report", "--quarter", "2", "--format", "html"],
        ];
        for args in human {
            let run = test.run_with(args);
            prop_assert_eq!(run.code, 0, "{:?}: {}", args, run.stderr);
            // CSV ends its lines with CRLF on purpose.
            let raw: Vec<char> = run.stdout.replace("\r\n", "\n").chars().filter(|c| is_dangerous(*c)).collect();
            prop_assert!(raw.is_empty(), "{:?} passed {:?}", args, raw);
            let markdown = args == ["status", "--format", "markdown"] || args == ["report", "--quarter", "2"];
            if markdown {
                for line in run.stdout.lines() {
                    prop_assert!(!forged_block(line), "{:?}: a block opened by the note: {:?}", args, line);
                }
            }
            if args.contains(&"csv") {
                let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(run.stdout.as_bytes());
                prop_assert!(reader.records().all(|record| record.is_ok()), "{:?}: invalid CSV", args);
            }
        }
        for args in [&["status", "--format", "json"][..], &["report", "--quarter", "2", "--format", "json"]] {
            let run = test.run_with(args);
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&run.stdout);
            prop_assert!(parsed.is_ok(), "{:?}: invalid JSON", args);
        }
        let json = test.run_with(&["status", "--format", "json"]);
        prop_assert!(json.stdout.contains(&serde_json::to_string(&note).expect("JSON")), "JSON keeps the note as written");
    }
}

#[cfg(unix)]
#[test]
fn report_output_that_is_no_regular_file_is_written_into_not_replaced() {
    let test = Test::new().plan(SMALL_PLAN);
    let out = test.path().join("out");
    std::os::unix::fs::symlink("/dev/null", &out).expect("symlink");
    let run = test.run_with(&["report", "--quarter", "2", "-o", "out"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "wrote out\n"));
    let link = std::fs::symlink_metadata(&out).expect("still there");
    assert!(
        link.file_type().is_symlink(),
        "the link to /dev/null was replaced"
    );
    // Nor may a report replace the plan's lock.
    std::fs::write(test.path().join(".plan.toml.ddci-lock"), "").expect("lock file");
    let run = test.run_with(&["report", "--quarter", "2", "-o", ".plan.toml.ddci-lock"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is named as a plan's lock file"),
        "{}",
        run.stderr
    );
}

#[test]
fn names_and_values_typed_or_given_are_shown_not_obeyed() {
    let test = Test::new().plan(SMALL_PLAN);
    let run = test.run_with(&["--plan", "\u{1b}[2J\u{202e}.toml", "validate"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("␛[2J<U+202E>.toml"), "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{202e}'));
    let run = test.run_with(&["record", "\u{1b}]0;x\u{7}", "--note", "x"]);
    assert_eq!(run.code, 2);
    assert!(
        !run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'),
        "{}",
        run.stderr
    );
}

#[test]
fn a_plan_that_is_no_file_gets_no_lock_beside_it() {
    let test = Test::new();
    let made = Command::new("mkfifo")
        .arg(test.path().join("fifo.toml"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let run = test.run_with(&["--plan", "fifo.toml", "record", "1.1", "--note", "x"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!test.path().join(".fifo.toml.ddci-lock").exists());
    assert!(!test.path().join(".ddci").exists());
}

#[test]
fn an_id_may_not_hide_an_invisible_character() {
    let plan = SMALL_PLAN
        .replace("id = \"1.1\"", "id = \"1.1\u{200b}\"")
        .replace("task = \"1.1\"", "task = \"1.1\u{200b}\"");
    let run = Test::new().plan(&plan).args(["validate"]).run();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error[invalid-id]: an id cannot hold an invisible character"),
        "{}",
        run.stderr
    );
}

/// `rollup -o` replaced a plan's lock file, letting a second `record` in
/// while another held the old lock (#28).
#[test]
fn rollup_output_never_replaces_a_plans_lock() {
    let test = Test::new().plan(SMALL_PLAN);
    let lock = test.path().join(".plan.toml.ddci-lock");
    std::fs::write(&lock, "").expect("lock file");
    let run = test.run_with(&[
        "rollup",
        ".",
        "--format",
        "csv",
        "-o",
        ".plan.toml.ddci-lock",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is named as a plan's lock file; the roll-up was not written"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&lock).expect("lock"), b"");
}

/// Third round (#28): what one plan could do to everyone who reads its
/// outputs. A task text that breaks lines in the middle of an event adds
/// no event (read back by Python's icalendar); a name that is not one line
/// is refused.
#[test]
fn a_plan_cannot_forge_a_calendar_event() {
    let forged = "Tiếp công dân\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nUID:forged@example\\r\\nSUMMARY:Giả\\r\\nDTSTART;VALUE=DATE:20240701\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT";
    let plan = SMALL_PLAN.replace(
        "schedule = { kind = \"ongoing\", text = \"Thường xuyên\" }",
        &format!("schedule = {{ kind = \"due\", due = 2024-09-30 }}\nshort = \"{forged}\""),
    );
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-07-01");
    let json = test.run_with(&[
        "calendar",
        "--format",
        "json",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let events = serde_json::from_str::<serde_json::Value>(&json.stdout).expect("JSON")["events"]
        .as_array()
        .expect("events")
        .len();
    let ics = test.run_with(&["calendar", "--format", "ics", "-o", "c.ics"]);
    assert_eq!(ics.code, 0, "{}", ics.stderr);
    let text = std::fs::read_to_string(test.path().join("c.ics")).expect("ics");
    assert_eq!(
        text.matches("\r\nBEGIN:VEVENT\r\n").count(),
        events,
        "{text}"
    );
    assert!(!text.contains("\r\nUID:forged"), "{text}");
    if let Some(python) = crate::calendar::python_with_icalendar() {
        let parsed = crate::harness::python_reads(&python, "read_ics.py", &["c.ics"], test.path());
        let parsed = parsed.as_array().expect("events");
        assert_eq!(parsed.len(), events);
        assert!(parsed.iter().all(|event| event["uid"] != "forged@example"));
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Python's icalendar"
        );
    }
    // The calendar's own name may not break lines at all.
    let named = SMALL_PLAN.replace(
        "agency = \"Sở Khoa học và Công nghệ\"",
        "agency = \"Sở Khoa học và Công nghệ\"\nagency_short = \"Sở KH&CN\\nBEGIN:VEVENT\"",
    );
    let refused = Test::new()
        .plan(&named)
        .env("DDCI_TODAY", "2024-07-01")
        .run_with(&["calendar", "--format", "ics"]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused.stderr.contains("error[name-not-one-line]"),
        "{}",
        refused.stderr
    );
}

/// A character XML forbids, given to the roll-up on the command line, does
/// not make the province's summary report unreadable: LibreOffice opens it.
#[test]
fn a_summary_report_opens_whatever_its_signer_is_called() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2024-12-31");
    let run = test.run_with(&[
        "rollup",
        ".",
        "--signed-by",
        "Nguyễn Văn A\u{ffff}\u{1b}[2J",
        "-o",
        "tong-hop.docx",
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    let bytes = std::fs::read(test.path().join("tong-hop.docx")).expect("docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("document"),
        &mut document,
    )
    .expect("XML");
    assert!(!document.contains('\u{ffff}') && !document.contains('\u{1b}'));
    assert!(
        document.contains("Nguyễn Văn A&lt;U+FFFF&gt;␛[2J")
            || document.contains("Nguyễn Văn A<U+FFFF>␛[2J"),
        "the signer is shown"
    );
    let found = Command::new("which").arg("soffice").output();
    if found.is_ok_and(|found| found.status.success()) {
        let converted = Command::new("timeout")
            .arg("180")
            .arg("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                test.path().join("lo").display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(test.path())
            .arg(test.path().join("tong-hop.docx"))
            .output()
            .expect("LibreOffice");
        assert!(
            converted.status.success() && test.path().join("tong-hop.pdf").exists(),
            "{}",
            String::from_utf8_lossy(&converted.stderr)
        );
    } else {
        assert!(std::env::var_os("CI").is_none(), "CI must have LibreOffice");
    }
}

/// `-o` is guarded the same way for every command: never a folder, never a
/// file named as a plan's lock, whether or not the lock is there.
#[test]
fn no_command_writes_over_a_folder_or_a_lock_s_name() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2024-12-31");
    std::fs::create_dir(test.path().join("out")).expect("folder");
    for args in [
        &["report", "--quarter", "2", "-o", "out"][..],
        &["calendar", "-o", "out"],
        &["rollup", ".", "--format", "csv", "-o", "out"],
        &["report", "--quarter", "2", "-o", ".other.toml.ddci-lock"],
        &["calendar", "--format", "ics", "-o", ".plan.toml.ddci-lock"],
        &[
            "rollup",
            ".",
            "--format",
            "csv",
            "-o",
            ".plan.toml.ddci-lock",
        ],
    ] {
        let run = test.run_with(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("is a folder")
                || run.stderr.contains("is named as a plan's lock file"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(!test.path().join(".plan.toml.ddci-lock").exists());
    assert!(!test.path().join(".other.toml.ddci-lock").exists());
}

/// The roll-up isolates a link that leads out of the folders given (to
/// `/`, which it would otherwise walk): left out and named, the rest
/// counted, exit 1.
#[cfg(unix)]
#[test]
fn the_roll_up_does_not_follow_a_link_out_of_its_folders() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2024-12-31");
    std::os::unix::fs::symlink("/", test.path().join("goc")).expect("link");
    let run = test.run_with(&["rollup", ".", "--format", "csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("./goc,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\"a link out of the folders given (to `/`), not followed\",0,"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("./plan.toml,"), "{}", run.stdout);
}

/// Values a command takes are bounded as the file's are: a rank of
/// 9223372036854775807, a result published in 1900, in 9999 or after
/// today are refused, and the plan stays as it was.
#[test]
fn a_result_s_values_are_bounded_like_the_file_s() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2025-04-01");
    for (args, said) in [
        (
            &[
                "--rank",
                "9223372036854775807",
                "--of",
                "9223372036854775807",
            ][..],
            "error[out-of-range]: this is not possible as a rank or a group's size",
        ),
        (
            &["--rank", "6", "--of", "18", "--published", "1900-01-01"],
            "error[published-outside-its-time]: the 2024 result is said to be published on 1900-01-01",
        ),
        (
            &["--rank", "6", "--of", "18", "--published", "9999-01-01"],
            "error[published-outside-its-time]",
        ),
        (
            &["--rank", "6", "--of", "18", "--published", "2025-06-01"],
            "error[published-in-the-future]: the result is said to be published on 2025-06-01, after today (2025-04-01)",
        ),
    ] {
        let mut all = vec!["result", "--year", "2024"];
        all.extend_from_slice(args);
        let run = test.run_with(&all);
        assert_ne!(run.code, 0, "{args:?}");
        assert!(run.stderr.contains(said), "{args:?}: {}", run.stderr);
        assert_eq!(
            std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
            SMALL_PLAN
        );
    }
}

/// A folder tree far deeper than a province's is not walked to its end:
/// what lies below 32 levels is left out and named, at once.
#[test]
fn the_roll_up_names_what_lies_too_deep() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2024-12-31");
    let mut deep = test.path().join("sau");
    for _ in 0..40 {
        deep = deep.join("d");
    }
    std::fs::create_dir_all(&deep).expect("folders");
    std::fs::write(deep.join("plan.toml"), SMALL_PLAN).expect("plan");
    let run = test.run_with(&["rollup", ".", "--format", "csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("folders nested more than 32 levels deep are not searched,0,"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("./plan.toml,"), "{}", run.stdout);
}

/// Every class of character a plan may hold (validate refuses the rest),
/// in a task's text, a note and a unit's name, goes through every writer
/// and is read back by a reader that owes nothing to ddci: Python's XML
/// parser for the Word file, icalendar, html.parser, openpyxl.
#[test]
fn every_writer_s_output_reads_back_whatever_the_plan_s_text_holds() {
    let Some(python) = crate::calendar::python_with_icalendar() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Python's icalendar"
        );
        return;
    };
    // Quotes and markup, bidi and zero-width marks, combining accents, a
    // line separator, emoji, full-width and CJK letters, a surrogate pair's
    // worth, a lone CR-free line break, tab.
    let hostile = "\\\"<b>&amp;</b>]]>\\u202e\\u200b e\\u0301 \\u2028 😀 Ｓ 漢 \\U0001F600 x\\ty";
    let plan = SMALL_PLAN
        .replace(
            "text = \"Đẩy mạnh công tác thông tin, tuyên truyền\"",
            &format!("text = \"Đẩy mạnh {hostile}\""),
        )
        .replace(
            "schedule = { kind = \"ongoing\", text = \"Thường xuyên\" }",
            "schedule = { kind = \"due\", due = 2024-09-30 }",
        );
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-10-05");
    let note = "Ghi chú \"<i>\" ]]> \u{202e} e\u{301} \u{2028} 😀";
    let recorded = test.run_with(&["record", "1.1", "--note", note, "--date", "2024-06-01"]);
    assert_eq!(recorded.code, 0, "{}", recorded.stderr);
    for args in [
        &["report", "--quarter", "2", "-o", "r.docx"][..],
        &["report", "--quarter", "2", "-o", "r.html"],
        &["calendar", "--format", "ics", "-o", "c.ics"],
        &["rollup", ".", "-o", "t.xlsx"],
        &["rollup", ".", "-o", "t.docx"],
        &["form", "--owner", "hc-th", "--quarter", "2", "-o", "f.xlsx"],
    ] {
        let run = test.run_with(args);
        assert!(run.code <= 1, "{args:?}: {}", run.stderr);
    }
    let parsed = crate::harness::python_reads(
        &python,
        "read_back.py",
        &["r.docx", "r.html", "c.ics", "t.xlsx", "t.docx", "f.xlsx"],
        test.path(),
    );
    for file in ["r.docx", "r.html", "c.ics", "t.xlsx", "t.docx", "f.xlsx"] {
        assert_eq!(parsed[file]["ok"], true, "{file}: {}", parsed[file]);
    }
    // The texts arrive whole where shown: markup as text, not as markup.
    for file in ["r.docx", "r.html", "f.xlsx"] {
        let text = parsed[file]["text"].as_str().expect("text");
        assert!(text.contains("<b>&amp;</b>]]>"), "{file}: {text}");
        assert!(text.contains("😀"), "{file}: {text}");
    }
    assert_eq!(parsed["c.ics"]["events"], 1, "{}", parsed["c.ics"]);
}

/// A plan of thousands of misspelt ids took minutes to validate, and stalled
/// the province's roll-up with it (#28, second pass): each problem compared
/// its id with every id, and listed them all. Now the first hundred problems
/// get a "did you mean", the rest the plain help, and no list is built.
#[test]
fn many_misspelt_ids_get_suggestions_only_while_they_are_worth_reading() {
    use std::fmt::Write as _;
    let mut plan = String::from(
        "[plan]\ntitle = \"T\"\nagency = \"Sở A\"\nprovince = \"Kon Tum\"\nyear = 2024\n\
         [[indices]]\nid = \"i\"\nname = \"I\"\n",
    );
    for at in 0..150 {
        let _ = write!(
            plan,
            "[[units]]\nid = \"don-vi-{at:03}\"\nname = \"Đơn vị {at}\"\n\
             [[tasks]]\nid = \"t{at}\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"don-vi-{at:03}x\"]\n\
             schedule = {{ kind = \"ongoing\" }}\n"
        );
    }
    let run = Test::new()
        .plan(&plan)
        .args(["validate", "--format", "json"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let suggested = run.stdout.matches("did you mean").count();
    let plain = run
        .stdout
        .matches("use the id of a unit defined in this plan")
        .count();
    assert_eq!((suggested, plain), (100, 50), "{}", run.stdout);
}

/// A zip holding one part, as a Word or Excel file is.
fn zip_with(part: &str, xml: &str) -> Vec<u8> {
    use std::io::Write as _;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    out.start_file(part, zip::write::SimpleFileOptions::default())
        .expect("start");
    out.write_all(xml.as_bytes()).expect("write");
    out.finish().expect("finish").into_inner()
}

/// `report -o bao-cao-quy-3.docx` replaced a draft the office had edited,
/// `calendar -o` a unit's filled form, `-o b.toml` another plan and `-o
/// .ddci/form-key` the key that seals forms (#28, second pass; #29, a new
/// user): ddci replaces its own output, never someone's work.
#[test]
fn an_edited_draft_a_filled_form_a_plan_and_ddci_s_folder_are_never_written_over() {
    let test = Test::new()
        .plan(SMALL_PLAN)
        .env("DDCI_TODAY", "2024-10-05")
        .file(
            "edited.docx",
            zip_with(
                "docProps/app.xml",
                "<Properties><Application>Microsoft Office Word</Application></Properties>",
            ),
        )
        .file(
            "filled.xlsx",
            zip_with(
                "xl/workbook.xml",
                "<workbook><sheets><sheet name=\"Nhiệm vụ\"/><sheet name=\"ddci\"/></sheets></workbook>",
            ),
        )
        .file("other.toml", "[plan]\n");
    std::fs::create_dir(test.path().join(".ddci")).expect("ddci's folder");
    let cases: [(&[&str], &str); 4] = [
        (
            &["report", "--quarter", "2", "-o", "edited.docx"],
            "error: `edited.docx` is saved by Microsoft Office Word, perhaps an edited draft; ddci does not write over it",
        ),
        (
            &["calendar", "-o", "filled.xlsx"],
            "error: `filled.xlsx` is a unit's report form; ddci does not write over it",
        ),
        (
            &[
                "report",
                "--quarter",
                "2",
                "--format",
                "text",
                "-o",
                "other.toml",
            ],
            "error: `other.toml` is a plan (or an existing .toml file)",
        ),
        (
            &[
                "report",
                "--quarter",
                "2",
                "--format",
                "text",
                "-o",
                ".ddci/form-key",
            ],
            "error: `.ddci/form-key` is inside ddci's own `.ddci` folder",
        ),
    ];
    for (args, said) in cases {
        let before: Vec<Option<Vec<u8>>> = ["edited.docx", "filled.xlsx", "other.toml"]
            .iter()
            .map(|name| std::fs::read(test.path().join(name)).ok())
            .collect();
        let run = test.run_with(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with(said), "{args:?}: {}", run.stderr);
        let after: Vec<Option<Vec<u8>>> = ["edited.docx", "filled.xlsx", "other.toml"]
            .iter()
            .map(|name| std::fs::read(test.path().join(name)).ok())
            .collect();
        assert_eq!(before, after, "{args:?}");
        assert!(!test.path().join(".ddci/form-key").exists());
    }
    // Text is not written over a workbook, whoever made it; a Word file
    // with no application named is not ddci's either.
    std::fs::write(
        test.path().join("budget.xlsx"),
        zip_with("xl/workbook.xml", "<workbook/>"),
    )
    .expect("a workbook");
    std::fs::write(
        test.path().join("exported.docx"),
        zip_with("word/document.xml", "<document/>"),
    )
    .expect("a Word file");
    for (args, said) in [
        (
            &["calendar", "-o", "budget.xlsx"][..],
            "error: `budget.xlsx` is a Word or Excel file; the calendar, as text, is not written over it",
        ),
        (
            &["report", "--quarter", "2", "-o", "exported.docx"],
            "error: `exported.docx` is saved by another program, perhaps an edited draft",
        ),
    ] {
        let run = test.run_with(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with(said), "{args:?}: {}", run.stderr);
    }
    // ddci's own output is replaced, as before: a report made twice.
    for _ in 0..2 {
        let run = test.run_with(&["report", "--quarter", "2", "-o", "r.docx"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
}

/// `.ddci` as a link put the lock and the form key wherever it pointed, a
/// dangling `.gitignore` link made a file outside, and a FIFO as the lock
/// hung every writer past `--wait` (#28, second pass).
#[cfg(unix)]
#[test]
fn ddci_s_folder_and_lock_are_what_they_seem() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2024-10-05");
    std::fs::create_dir(test.path().join("outside")).expect("a folder");
    std::os::unix::fs::symlink("outside", test.path().join(".ddci")).expect("link");
    let run = test.run_with(&["record", "1.1", "--note", "x"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("/.ddci` is not a folder (a link or a file)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(test.path().join("outside"))
            .expect("outside")
            .count(),
        0
    );
    std::fs::remove_file(test.path().join(".ddci")).expect("unlink");
    std::fs::create_dir(test.path().join(".ddci")).expect("ddci's folder");
    std::os::unix::fs::symlink("../outside/made", test.path().join(".ddci/.gitignore"))
        .expect("dangling link");
    let made = Command::new("mkfifo")
        .arg(test.path().join(".ddci/.plan.toml.ddci-lock"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let run = test.run_with(&["record", "1.1", "--note", "x", "--wait", "1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("/.ddci/.plan.toml.ddci-lock` is not a lock file"),
        "{}",
        run.stderr
    );
    assert!(!test.path().join("outside/made").exists());
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        SMALL_PLAN
    );
    // A lock that is a link to the plan locked a file each write replaces:
    // thirty writers lost half their records.
    std::fs::remove_file(test.path().join(".ddci/.plan.toml.ddci-lock")).expect("no FIFO");
    std::os::unix::fs::symlink(
        "../plan.toml",
        test.path().join(".ddci/.plan.toml.ddci-lock"),
    )
    .expect("a link");
    let run = test.run_with(&["record", "1.1", "--note", "x", "--wait", "1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not a lock file (a link,"),
        "{}",
        run.stderr
    );
    // -o through a link into `.ddci` is -o into it.
    std::os::unix::fs::symlink(".ddci/form-key", test.path().join("notes.txt")).expect("a link");
    let run = test.run_with(&[
        "report",
        "--quarter",
        "2",
        "--format",
        "text",
        "-o",
        "notes.txt",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is inside ddci's own `.ddci` folder"),
        "{}",
        run.stderr
    );
    assert!(!test.path().join(".ddci/form-key").exists());
}

/// `record --of 9223372036854775807` was written, and then read as no group
/// at all (#28, second pass): a group's size is 1 to 10,000 wherever it is
/// written, as for a published result.
#[test]
fn a_group_of_more_than_ten_thousand_is_refused_in_a_record_too() {
    let plan = format!(
        "{SMALL_PLAN}\n[[targets]]\nid = \"hang\"\nkind = \"rank_improvement\"\nplaces = 1\n\
         text = \"Tăng 1 bậc\"\nbaseline_rank = {{ rank = 5, of = 18 }}\n"
    );
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-10-05");
    for (of, code) in [("10000", 0), ("10001", 2), ("9223372036854775807", 2)] {
        let run = test.run_with(&["record", "hang", "--value", "3", "--of", of, "--dry-run"]);
        assert_eq!(run.code, code, "{of}: {}", run.stderr);
    }
}

/// `report --signed-on +262142-12-31` printed that year on the Word file
/// (#28, second pass): a report is signed within a year of its period's end.
#[test]
fn a_report_is_signed_within_a_year_of_its_period() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2024-10-05");
    for (day, code) in [
        ("2024-07-01", 0),
        ("2024-06-30", 2),
        ("2025-10-01", 0),
        ("2025-10-02", 2),
        ("+262142-12-31", 2),
    ] {
        let run = test.run_with(&[
            "report",
            "--quarter",
            "3",
            "--signed-on",
            day,
            "--format",
            "text",
        ]);
        assert_eq!(run.code, code, "{day}: {}", run.stderr);
    }
}

/// `rollup --signed-on +262142-12-31` printed that year on the province's
/// summary report (#28, re-attack): it is signed by the end of the year
/// after the one it reports.
#[test]
fn a_summary_report_is_signed_by_the_end_of_the_next_year() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_TODAY", "2025-04-01");
    for (day, code) in [("2025-12-31", 0), ("2026-01-01", 2), ("+262142-12-31", 2)] {
        let run = test.run_with(&[
            "rollup",
            ".",
            "--year",
            "2024",
            "--signed-on",
            day,
            "-o",
            "tong-hop.docx",
        ]);
        assert_eq!(run.code, code, "{day}: {}", run.stderr);
    }
}

/// Shell completion printed a plan's ids raw, control characters and all
/// (#28, re-attack): an id that is not one plain line is not offered.
#[test]
fn completion_offers_no_id_with_a_control_character() {
    let plan = SMALL_PLAN.replace("id = \"1.1\"", "id = \"1.1\\u001b]0;pwned\\u0007\"");
    let test = Test::new().plan(&plan);
    let run = Command::new(env!("CARGO_BIN_EXE_ddci"))
        .args(["--", "ddci", "record", "1."])
        .current_dir(test.path())
        .env_remove("DDCI_PLAN")
        .env("DDCI_COMPLETE", "fish")
        .output()
        .expect("ddci");
    let offered = String::from_utf8_lossy(&run.stdout);
    assert!(!offered.contains('\u{1b}'), "{offered:?}");
    assert!(!offered.contains("1.1"), "{offered:?}");
}
