//! Records survive anything: any text in any field round-trips exactly, and a
//! `ddci record` killed at any moment leaves the old plan or the new one.

use std::process::{Command, Stdio};
use std::time::Duration;

use ddci::read::load;
use proptest::prelude::*;
use rand::{RngExt, SeedableRng};

use crate::harness::{SMALL_PLAN, Test};

fn load_text(text: &str) -> load::LoadedPlan {
    load::load_bytes(std::path::Path::new("plan.toml"), text.as_bytes().to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::harness::proptest_cases(48), ..ProptestConfig::default() })]

    /// parse → record → parse keeps every old value and adds exactly one record,
    /// whatever the note, evidence and unit text hold.
    #[test]
    fn record_round_trip_keeps_everything_and_adds_one(
        // Blank notes and evidence are refused (see validate's `blank-text`):
        // each ends on a character that shows (not a space, nor an invisible
        // one such as a zero-width space or a byte-order mark).
        // … and holds no character a document cannot carry (validate's
        // `forbidden-character`).
        note in "[^\u{0}]{0,39}[^\u{0}\\s\u{200b}-\u{200d}\u{2060}\u{feff}]"
            .prop_filter("text a document can carry", |note| !note.chars().any(ddci::words::visible::not_text)),
        evidence in "[\"\\\\'#\\[\\]=a-zA-Zăâđêôơưáàảãạ \t]{0,19}[\"\\\\'#\\[\\]=a-zA-Zăâđêôơưáàảãạ]",
        crlf in any::<bool>(),
        on_target in any::<bool>(),
    ) {
        let original = if crlf { SMALL_PLAN.replace('\n', "\r\n") } else { SMALL_PLAN.to_owned() };
        let test = Test::new().plan(&original);
        let subject = if on_target { "dvctt" } else { "1.1" };
        let mut args = vec!["record", subject, "--date", "2024-05-05", "--note", note.as_str(), "--evidence", evidence.as_str()];
        if on_target {
            args.extend(["--value", "75"]);
        }
        let run = test.run_with(&args);
        prop_assert_eq!(run.code, 0, "{}", run.stderr);
        let after_text = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
        let after = load_text(&after_text);
        prop_assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
        // Every old value is still there: take the new record out of the
        // parsed file and it equals the parsed original.
        let mut after_table: toml::Table = toml::from_str(&after_text).expect("TOML");
        let before_table: toml::Table = toml::from_str(&original).expect("TOML");
        let section = if on_target { "targets" } else { "tasks" };
        let entry = after_table
            .get_mut(section)
            .and_then(toml::Value::as_array_mut)
            .and_then(|entries| entries.first_mut())
            .and_then(toml::Value::as_table_mut)
            .expect("the entry");
        let added = entry.remove("records").and_then(|records| records.as_array().map(Vec::len));
        prop_assert_eq!(added, Some(1));
        prop_assert_eq!(&after_table, &before_table);
        let records = if on_target { &after.file.targets[0].records } else { &after.file.tasks[0].records };
        prop_assert_eq!(records.len(), 1);
        let record = &records[0];
        prop_assert_eq!(record.note.as_deref(), Some(note.as_str()));
        prop_assert_eq!(record.evidence.as_deref(), Some(evidence.as_str()));
        // Outside the inserted lines, the bytes are the original's.
        let inserted = after_text.len() - original.len();
        let start = after_text.bytes().zip(original.bytes()).take_while(|(a, b)| a == b).count();
        prop_assert_eq!(&after_text[..start], &original[..start]);
        prop_assert_eq!(&after_text[start + inserted..], &original[start..]);
    }
}

/// Kills `ddci record` at random moments on a plan large enough for the write
/// to take a while: every time, the plan is the old file or the old file plus
/// exactly the new record, and it validates.
#[test]
fn record_killed_at_any_moment_leaves_the_old_plan_or_the_new_one() {
    // About 1 MB, so that reading, checking and writing take long enough to
    // be interrupted at every step.
    let records = "[[tasks.records]]\ndate = 2024-01-01\nnote = \"x\"\n\n".repeat(20_000);
    let mut plan = SMALL_PLAN.to_owned();
    let at = plan.find("[[targets]]").expect("targets");
    plan.insert_str(at, &records);
    let test = Test::new().plan(&plan);
    let subject = "1.1";
    // How long one undisturbed record takes here, to spread the kills over it.
    let timed = std::time::Instant::now();
    assert_eq!(
        test.run_with(&[
            "record",
            subject,
            "--date",
            "2024-12-30",
            "--note",
            "đo thời gian"
        ])
        .code,
        0
    );
    let duration = u64::try_from(timed.elapsed().as_micros())
        .unwrap_or(u64::MAX)
        .max(1);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut seen_new = 0;
    let mut current = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    for attempt in 0..25 {
        let note = format!("lần thử {attempt}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_ddci"))
            .env("DDCI_LANG", "en")
            .args(["record", subject, "--date", "2024-12-30", "--note", &note])
            .current_dir(test.path())
            .env("DDCI_TODAY", "2024-12-31")
            .env_remove("DDCI_PLAN")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn ddci");
        std::thread::sleep(Duration::from_micros(rng.random_range(0..duration)));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
        if now == current {
            continue;
        }
        // The new file: the old bytes plus one record holding this note.
        assert!(
            now.contains(&format!("note = \"{note}\"")),
            "attempt {attempt}: a changed plan without the new record"
        );
        let loaded = load_text(&now);
        assert!(
            loaded.diagnostics.is_empty(),
            "attempt {attempt}: {:?}",
            loaded.diagnostics.first()
        );
        let old_lines: Vec<&str> = current.lines().collect();
        let new_lines: Vec<&str> = now.lines().collect();
        assert_eq!(
            new_lines.len(),
            old_lines.len() + 4,
            "attempt {attempt}: exactly one record's lines were added"
        );
        seen_new += 1;
        current = now;
    }
    let check = test.run_with(&["validate"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    eprintln!("{seen_new} of 25 killed records had completed");
}

/// A plan over 1 MiB is read in pieces; a record written to it lands exactly
/// where it would in a small plan, and every other byte stays.
#[test]
fn record_on_a_plan_read_in_pieces_is_byte_exact() {
    let records = "[[tasks.records]]\ndate = 2024-01-01\nnote = \"ghi chép cũ\"\n\n".repeat(22_000);
    let mut plan = SMALL_PLAN.to_owned();
    let at = plan.find("[[targets]]").expect("targets");
    plan.insert_str(at, &records);
    assert!(
        plan.len() > load::PIECEWISE_FROM_BYTES,
        "large enough to be read in pieces"
    );
    let source = ddci::read::source_file::SourceFile::new("plan.toml", plan.clone());
    assert!(load::parse_in_pieces(&source).is_some());
    let test = Test::new().plan(&plan);
    let run = test.run_with(&["record", "1.1", "--date", "2024-06-01", "--status", "done"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    // After the last old record, before the target.
    let end = at + records.len();
    let expected = format!(
        "{}[[tasks.records]]\ndate = 2024-06-01\nstatus = \"done\"\n\n{}",
        &plan[..end],
        &plan[end..]
    );
    if after != expected {
        let start = after
            .bytes()
            .zip(expected.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let around = |text: &str| -> String {
            text.chars()
                .skip(text[..start].chars().count().saturating_sub(30))
                .take(90)
                .collect()
        };
        panic!(
            "the record is not where it belongs: at byte {start}, got {:?}, expected {:?}",
            around(&after),
            around(&expected)
        );
    }
    let dvctt = test.run_with(&["record", "dvctt", "--date", "2024-06-01", "--value", "81"]);
    assert_eq!(dvctt.code, 0, "{}", dvctt.stderr);
    assert_eq!(test.run_with(&["validate"]).code, 0);
}
