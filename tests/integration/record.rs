//! `ddci record`: each write adds exactly the record's lines and leaves every
//! other byte as it was; every refusal leaves the file untouched.

use std::process::Command;

use crate::harness::{Test, bundled_plan};

/// A plan with comments around the places records go.
const PLAN: &str = r#"# Kế hoạch thử — comments must survive every write.
[plan]
title = "Kế hoạch thử"
agency = "Sở Khoa học và Công nghệ"
province = "Kon Tum"
year = 2024

[[units]]
id = "hc-th"
name = "Phòng Hành chính - Tổng hợp"

[[units]]
id = "thanh-tra"
name = "Thanh tra Sở"

[[indices]]
id = "minh-bach"
name = "Tính minh bạch"

[[tasks]]
id = "1.1"
index = "minh-bach"
text = "Đẩy mạnh công tác thông tin"
lead = ["hc-th"]
schedule = { kind = "ongoing" }   # Thường xuyên

# Nhiệm vụ tiếp theo
[[tasks]]
id = "1.2"
index = "minh-bach"
text = "Tiếp công dân"
lead = ["thanh-tra"]
schedule = { kind = "recurring", every = "month", weekday = "wednesday", week = "last" }

[[targets]]
id = "dvctt"
kind = "percent_at_least"
task = "1.1"
text = "tối thiểu 80%"
percent = 80
"#;

fn read(test: &Test) -> String {
    std::fs::read_to_string(test.path().join("plan.toml")).expect("plan")
}

#[test]
fn task_record_goes_after_its_task_and_before_the_next_tasks_comment() {
    let test = Test::new().plan(PLAN).args([
        "record",
        "1.1",
        "--date",
        "2024-04-10",
        "--status",
        "in-progress",
        "--note",
        "Đăng 12 tin bài",
        "--by",
        "hc-th",
        "--evidence",
        "Công văn 123/SKHCN",
    ]);
    test.expect(
        0,
        r#"Recorded in plan.toml, lines 27–32, for task 1.1:
  [[tasks.records]]
  date = 2024-04-10
  status = "in_progress"
  note = "Đăng 12 tin bài"
  by = "hc-th"
  evidence = "Công văn 123/SKHCN"
"#,
        "",
    );
    let expected = PLAN.replace(
        "schedule = { kind = \"ongoing\" }   # Thường xuyên\n",
        "schedule = { kind = \"ongoing\" }   # Thường xuyên\n\n[[tasks.records]]\ndate = 2024-04-10\nstatus = \"in_progress\"\nnote = \"Đăng 12 tin bài\"\nby = \"hc-th\"\nevidence = \"Công văn 123/SKHCN\"\n",
    );
    assert_eq!(read(&test), expected);
}

#[test]
fn measurement_goes_under_its_target_at_the_end_of_the_file() {
    let test =
        Test::new()
            .plan(PLAN)
            .args(["record", "dvctt", "--value", "72,5%", "--date", "30/6/2024"]);
    test.expect(
        0,
        "Recorded in plan.toml, lines 42–44, for target dvctt:\n  [[targets.records]]\n  date = 2024-06-30\n  value = 72.5\n",
        "",
    );
    assert_eq!(
        read(&test),
        format!("{PLAN}\n[[targets.records]]\ndate = 2024-06-30\nvalue = 72.5\n")
    );
}

#[test]
fn second_record_follows_the_first() {
    let test = Test::new().plan(PLAN);
    let first = ["record", "1.2", "--date", "2024-01-31", "--status", "done"];
    assert_eq!(test.run_with(&first).code, 0);
    let second = [
        "record",
        "1.2",
        "--date",
        "2024-02-28",
        "--note",
        "Không có đơn thư",
    ];
    assert_eq!(test.run_with(&second).code, 0);
    let expected = PLAN.replace(
        "week = \"last\" }\n",
        "week = \"last\" }\n\n[[tasks.records]]\ndate = 2024-01-31\nstatus = \"done\"\n\n[[tasks.records]]\ndate = 2024-02-28\nnote = \"Không có đơn thư\"\n",
    );
    assert_eq!(read(&test), expected);
}

#[test]
fn crlf_bom_and_missing_final_newline_are_kept() {
    let original = format!("\u{feff}{}", PLAN.replace('\n', "\r\n"));
    let original = original.trim_end_matches("\r\n").to_owned();
    let test = Test::new().plan(&original).args([
        "record",
        "dvctt",
        "--value",
        "81",
        "--date",
        "2024-09-30",
    ]);
    assert_eq!(test.run().code, 0);
    assert_eq!(
        read(&test),
        format!("{original}\r\n\r\n[[targets.records]]\r\ndate = 2024-09-30\r\nvalue = 81")
    );
    let crlf_task = format!("\u{feff}{}", PLAN.replace('\n', "\r\n"));
    let test = Test::new().plan(&crlf_task).args([
        "record",
        "1.1",
        "--date",
        "2024-09-30",
        "--status",
        "done",
    ]);
    assert_eq!(test.run().code, 0);
    assert_eq!(
        read(&test),
        crlf_task.replace(
            "# Thường xuyên\r\n",
            "# Thường xuyên\r\n\r\n[[tasks.records]]\r\ndate = 2024-09-30\r\nstatus = \"done\"\r\n"
        )
    );
}

#[test]
fn vietnamese_and_awkward_text_survives_in_every_field() {
    let note = "Đã \"rà soát\" 100% TTHC\\ngiữa kỳ; tab:\t.";
    let test = Test::new().plan(PLAN).args([
        "record",
        "1.1",
        "--date",
        "2024-05-02",
        "--status",
        "hoàn thành",
        "--note",
        note,
        "--by",
        "hc-th",
        "--evidence",
        "Quyết định số 56/QĐ-UBND",
        "--shortcoming",
        "Cổng dịch vụ công còn chậm",
        "--proposal",
        "Đề nghị UBND tỉnh hỗ trợ",
        "--record-id",
        "bản-ghi-1",
    ]);
    assert_eq!(test.run().code, 0);
    let loaded = ddci::read::load::load(&test.path().join("plan.toml")).expect("load");
    let record = &loaded.file.tasks[0].records[0];
    assert_eq!(record.note.as_deref(), Some(note));
    assert_eq!(record.evidence.as_deref(), Some("Quyết định số 56/QĐ-UBND"));
    assert_eq!(
        record.shortcoming.as_deref(),
        Some("Cổng dịch vụ công còn chậm")
    );
    assert_eq!(record.proposal.as_deref(), Some("Đề nghị UBND tỉnh hỗ trợ"));
    assert_eq!(
        record.id.as_ref().map(|id| id.get_ref().as_str()),
        Some("bản-ghi-1")
    );
    assert_eq!(
        record.status.as_ref().map(|status| *status.get_ref()),
        Some(ddci::plan::file::Progress::Done)
    );
}

#[test]
fn correction_names_the_record_it_corrects() {
    let test = Test::new().plan(PLAN);
    let run = test.run_with(&[
        "record",
        "dvctt",
        "--value",
        "70",
        "--date",
        "2024-06-30",
        "--record-id",
        "q2",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = test.run_with(&[
        "record",
        "dvctt",
        "--value",
        "75",
        "--date",
        "2024-06-30",
        "--corrects",
        "q2",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = test.run_with(&["record", "dvctt", "--value", "76", "--corrects", "q9"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no record of this task or target has the id `q9`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: the ids you can use here: q2"),
        "{}",
        run.stderr
    );
}

#[test]
fn dry_run_prints_the_record_and_writes_nothing() {
    let test = Test::new().plan(PLAN).args([
        "record",
        "1.2",
        "--date",
        "2024-03-27",
        "--status",
        "done",
        "--dry-run",
    ]);
    test.expect(
        0,
        "Would add to plan.toml, lines 35–37, for task 1.2 (dry run: nothing written):\n  [[tasks.records]]\n  date = 2024-03-27\n  status = \"done\"\n\
         note: 1.2 is continuing work: “done” records it as carried out (“Đã thực hiện”) this time; the task stays “Đang thực hiện”\n",
        "",
    );
    assert_eq!(read(&test), PLAN);
}

#[test]
fn unknown_task_is_refused_with_a_suggestion_and_nothing_written() {
    let test = Test::new()
        .plan(PLAN)
        .args(["record", "1.3", "--status", "done"]);
    // An unknown id on the command line is a usage error (exit 2), as in every command.
    test.expect(
        2,
        "",
        "error: no task, target or reporting duty has the id `1.3`. Nothing was written.\nhelp: did you mean `1.1`? (`ddci list` shows every id)\n",
    );
    assert_eq!(read(&test), PLAN);
}

#[test]
fn unknown_unit_is_refused_with_a_suggestion_and_nothing_written() {
    let test = Test::new().plan(PLAN).args([
        "record",
        "1.1",
        "--date",
        "2024-04-10",
        "--status",
        "done",
        "--by",
        "hc-tk",
    ]);
    test.expect(
        2,
        "",
        r#"error[unknown-reference]: no unit has the id `hc-tk`
  --> plan.toml (with the new record):30:6
   |
30 | by = "hc-tk"
   |      ^^^^^^^ unknown unit
   |
   = help: did you mean `hc-th`?

error: the record was refused. Nothing was written.
"#,
    );
    assert_eq!(read(&test), PLAN);
}

#[test]
fn refusals_leave_the_file_untouched() {
    let cases: &[&[&str]] = &[
        &["record", "1.1", "--value", "3"],
        &["record", "1.1"],
        &["record", "1.1", "--status", "done", "--date", "2025-01-02"],
        &["record", "dvctt", "--value", "180"],
        &["record", "dvctt", "--value", "80", "--of", "18"],
    ];
    for args in cases {
        let test = Test::new().plan(PLAN);
        let run = test.run_with(args);
        // The plan is valid; the record asked for is wrong: a usage error.
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .ends_with("error: the record was refused. Nothing was written.\n")
        );
        assert_eq!(read(&test), PLAN, "{args:?} changed the file");
    }
}

#[test]
fn invalid_plan_is_refused_with_its_diagnostics() {
    let broken = PLAN.replace("lead = [\"thanh-tra\"]", "lead = [\"thanh-tr\"]");
    let test = Test::new()
        .plan(&broken)
        .args(["record", "1.1", "--status", "done"]);
    test.expect(
        1,
        "",
        r#"error[unknown-reference]: no unit has the id `thanh-tr`
  --> plan.toml:32:9
   |
32 | lead = ["thanh-tr"]
   |         ^^^^^^^^^^ unknown unit
   |
   = help: did you mean `thanh-tra`?

error: plan.toml has errors; fix them (see `ddci validate`) before recording. Nothing was written.
"#,
    );
    assert_eq!(read(&test), broken);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_symlinks_are_written_through() {
    use std::os::unix::fs::PermissionsExt;
    let test = Test::new().file("data/real-plan.toml", PLAN);
    let real = test.path().join("data/real-plan.toml");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    std::os::unix::fs::symlink("data/real-plan.toml", test.path().join("plan.toml"))
        .expect("symlink");
    let run = test.run_with(&["record", "1.1", "--status", "done", "--date", "2024-04-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(test.path().join("plan.toml")).expect("link");
    assert!(link.file_type().is_symlink(), "the symlink was replaced");
    let after = std::fs::read_to_string(&real).expect("real plan");
    assert!(after.contains("date = 2024-04-01"));
    let mode = std::fs::metadata(&real)
        .expect("metadata")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn twenty_concurrent_writers_lose_nothing() {
    let test = Test::new().plan(PLAN);
    let binary = env!("CARGO_BIN_EXE_ddci");
    let processes: Vec<_> = (0..24)
        .map(|writer| {
            let task = if writer % 2 == 0 { "1.1" } else { "1.2" };
            Command::new(binary)
                .args(["record", task, "--date", "2024-05-01", "--note"])
                .arg(format!("người ghi số {writer}"))
                .current_dir(test.path())
                .env("DDCI_TODAY", "2024-12-31")
                .env_remove("DDCI_PLAN")
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn ddci")
        })
        .collect();
    for mut process in processes {
        assert!(process.wait().expect("wait").success());
    }
    let text = read(&test);
    for writer in 0..24 {
        assert!(
            text.contains(&format!("note = \"người ghi số {writer}\"")),
            "writer {writer} lost"
        );
    }
    let loaded = ddci::read::load::load(&test.path().join("plan.toml")).expect("load");
    assert_eq!(
        loaded.file.tasks[0].records.len() + loaded.file.tasks[1].records.len(),
        24
    );
    assert_eq!(test.run_with(&["validate"]).code, 0);
    // Outside the inserted lines, the file is the original.
    let without_records: String = text
        .split("\n\n")
        .filter(|block| !block.starts_with("[[tasks.records]]"))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(without_records, PLAN);
}

#[test]
fn validate_passes_after_a_sequence_of_records_on_the_bundled_plan() {
    let plan = std::fs::read_to_string(bundled_plan()).expect("bundled plan");
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-12-31");
    let steps: &[&[&str]] = &[
        &[
            "record",
            "7.2",
            "--date",
            "2024-01-31",
            "--status",
            "in-progress",
            "--by",
            "thanh-tra",
        ],
        &[
            "record",
            "tiep-cong-dan",
            "--date",
            "2024-01-31",
            "--value",
            "1",
            "--by",
            "thanh-tra",
        ],
        &[
            "record",
            "dvctt-toan-trinh",
            "--date",
            "2024-03-31",
            "--value",
            "65",
            "--by",
            "hc-th",
        ],
        &[
            "record",
            "xep-hang-tang-4-bac",
            "--date",
            "2024-04-15",
            "--value",
            "9",
            "--of",
            "18",
        ],
        &[
            "record",
            "duong-day-nong",
            "--date",
            "2024-06-30",
            "--status",
            "done",
            "--by",
            "tc-dl-cl",
        ],
        &[
            "record",
            "8.4",
            "--date",
            "2024-06-30",
            "--note",
            "Giao ban tháng 6",
            "--shortcoming",
            "Chưa có",
        ],
    ];
    for step in steps {
        let run = test.run_with(step);
        assert_eq!(run.code, 0, "{step:?}: {}", run.stderr);
        let check = test.run_with(&["validate"]);
        assert_eq!(check.code, 0, "after {step:?}: {}", check.stderr);
    }
}

/// Runs git in `folder` as a stated author, whatever the machine's setup.
fn git_in(folder: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(folder)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// After `ddci record` (and `form`, which makes the key that seals forms),
/// `git status` shows the plan and nothing of ddci's own: the lock and the
/// key live in `.ddci/`, which ignores itself.
#[test]
fn the_lock_file_is_ignored_by_git_without_the_users_help() {
    let test = Test::new().plan(PLAN);
    git_in(test.path(), &["init", "-q", "-b", "main"]);
    git_in(test.path(), &["add", "plan.toml"]);
    git_in(test.path(), &["commit", "-q", "-m", "plan"]);
    let run = test.run_with(&["record", "1.1", "--date", "2024-04-01", "--status", "done"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(test.path().join(".ddci/.plan.toml.ddci-lock").exists());
    assert_eq!(
        git_in(
            test.path(),
            &["status", "--porcelain", "--untracked-files=all"]
        ),
        " M plan.toml\n"
    );
}

#[test]
fn branches_recording_on_different_tasks_merge_without_conflict() {
    let test = Test::new().plan(PLAN);
    let git = |args: &[&str]| git_in(test.path(), args);
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "plan.toml"]);
    git(&["commit", "-q", "-m", "plan"]);
    git(&["checkout", "-q", "-b", "hc-th"]);
    assert_eq!(
        test.run_with(&[
            "record",
            "1.1",
            "--date",
            "2024-04-01",
            "--status",
            "done",
            "--by",
            "hc-th"
        ])
        .code,
        0
    );
    assert_eq!(
        test.run_with(&["record", "dvctt", "--date", "2024-04-01", "--value", "70"])
            .code,
        0
    );
    git(&["commit", "-q", "-am", "HC-TH reports"]);
    git(&["checkout", "-q", "main"]);
    assert_eq!(
        test.run_with(&[
            "record",
            "1.2",
            "--date",
            "2024-04-24",
            "--status",
            "done",
            "--by",
            "thanh-tra"
        ])
        .code,
        0
    );
    git(&["commit", "-q", "-am", "Thanh tra reports"]);
    git(&["merge", "-q", "--no-edit", "hc-th"]);
    let merged = read(&test);
    assert!(merged.contains("date = 2024-04-01\nstatus = \"done\"\nby = \"hc-th\""));
    assert!(merged.contains("date = 2024-04-24\nstatus = \"done\"\nby = \"thanh-tra\""));
    assert!(merged.contains("value = 70"));
    assert_eq!(test.run_with(&["validate"]).code, 0);
}

#[test]
fn entries_written_inline_are_refused_rather_than_broken() {
    let inline_records = PLAN.replace(
        "schedule = { kind = \"ongoing\" }   # Thường xuyên\n",
        "schedule = { kind = \"ongoing\" }   # Thường xuyên\nrecords = [{ date = 2024-01-05, note = \"ghi tay\" }]\n",
    );
    let test = Test::new().plan(&inline_records).args([
        "record",
        "1.1",
        "--status",
        "done",
        "--date",
        "2024-02-01",
    ]);
    test.expect(
        1,
        "",
        "error: task `1.1` is written as an inline table or keeps its records in an inline array, so a [[…records]] table cannot follow it. Nothing was written.\n\
         help: give it its own [[tasks]] header and write each record as [[tasks.records]] (docs/plan-format.md)\n",
    );
    assert_eq!(read(&test), inline_records);
}

/// Regression: a note written as a bullet ("- Đã …") was taken for an option.
#[test]
fn notes_may_start_with_a_dash() {
    let test = Test::new().plan(PLAN);
    let run = test.run_with(&[
        "record",
        "1.1",
        "--date",
        "2024-04-02",
        "--note",
        "- Đã đăng 3 tin",
        "--evidence",
        "-",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(read(&test).contains("note = \"- Đã đăng 3 tin\"\nevidence = \"-\"\n"));
}

/// A qualitative target is judged by the verdict recorded with its reason;
/// a verdict on any other target is refused.
#[test]
fn a_verdict_judges_a_qualitative_target() {
    let plan = crate::harness::SMALL_PLAN.to_owned()
        + "\n[[targets]]\nid = \"hai-long\"\nkind = \"qualitative\"\ntext = \"nâng cao mức độ hài lòng của doanh nghiệp\"\n";
    // Once the year is over, "chưa đạt" is not met.
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2025-01-10");
    let run = test.run_with(&[
        "record",
        "hai-long",
        "--date",
        "2024-12-20",
        "--verdict",
        "chua-dat",
        "--note",
        "Khảo sát: 68% hài lòng",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    assert_eq!(
        written,
        plan + "\n[[targets.records]]\ndate = 2024-12-20\nverdict = \"not_met\"\nnote = \"Khảo sát: 68% hài lòng\"\n"
    );
    let status = test.run_with(&["status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&status.stdout).expect("JSON");
    let target = json["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .find(|target| target["id"] == "hai-long")
        .expect("target")
        .clone();
    assert_eq!(target["assessment"], "not_met", "{target}");
    let refused = test.run_with(&["record", "dvctt", "--verdict", "dat"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("`verdict` only goes with a qualitative target"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        written
    );
    // The words as people write them, capitals and spaces included.
    for (said, written) in [
        ("Chưa đạt", "not_met"),
        ("không đạt", "not_met"),
        ("Đạt", "met"),
        ("met", "met"),
        ("not-met", "not_met"),
    ] {
        let run = test.run_with(&["record", "hai-long", "--verdict", said, "--dry-run"]);
        assert_eq!(run.code, 0, "{said}: {}", run.stderr);
        assert!(
            run.stdout.contains(&format!("verdict = \"{written}\"")),
            "{said}: {}",
            run.stdout
        );
    }
    let unknown = test.run_with(&["record", "hai-long", "--verdict", "tốt"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("`tốt` is not an assessment; choose Đạt or Chưa đạt (or met, not-met)"),
        "{}",
        unknown.stderr
    );
}

/// `record --status` and `--date` read words and dates as a form's cell does
/// (`words/`): "hoan thanh" without diacritics, "30/06/2024" with zeros.
#[test]
fn status_and_date_are_read_as_a_form_reads_them() {
    let cases = [
        ("hoan thanh", "30/06/2024", "done"),
        ("Đã hoàn thành", "30/6/2024", "done"),
        ("DANG THUC HIEN", "30-06-2024", "in_progress"),
        ("in_progress", "30.06.2024", "in_progress"),
        ("dừng thực hiện", "2024-06-30", "cancelled"),
    ];
    for (status, date, stored) in cases {
        let test = Test::new().plan(PLAN).args([
            "record",
            "1.2",
            "--status",
            status,
            "--date",
            date,
            "--dry-run",
        ]);
        let run = test.run();
        assert_eq!(run.code, 0, "{status} {date}: {}", run.stderr);
        assert!(
            run.stdout
                .contains(&format!("  date = 2024-06-30\n  status = \"{stored}\"\n")),
            "{status} {date}:\n{}",
            run.stdout
        );
    }
    let refused = Test::new()
        .plan(PLAN)
        .args(["record", "1.2", "--status", "xong", "--dry-run"])
        .run();
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains(
            "`xong` is not a status; choose from the list: Chưa thực hiện, Đang thực hiện, \
             Hoàn thành, Vướng mắc, Hủy (or not-started, in-progress, done, blocked, cancelled)"
        ),
        "{}",
        refused.stderr
    );
}
