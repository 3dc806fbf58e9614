//! `ddci report`: period boundaries, the exact report for the example data in
//! both languages, every format, one unit's report, and bad periods.

use std::fmt::Write as _;

use crate::harness::{SMALL_PLAN, Test, example_plan_path, repo_root};

/// Records on the days either side of the quarter and half boundaries.
fn boundary_plan() -> String {
    let mut plan = SMALL_PLAN.to_owned();
    let target = plan.find("[[targets]]").expect("targets");
    let mut records = String::new();
    for (date, note) in [
        ("2024-03-31", "31/3"),
        ("2024-04-01", "1/4"),
        ("2024-06-30", "30/6"),
        ("2024-07-01", "1/7"),
    ] {
        let _ = write!(
            records,
            "[[tasks.records]]\ndate = {date}\nnote = \"{note}\"\n\n"
        );
    }
    plan.insert_str(target, &records);
    plan
}

fn notes_in_period(args: &[&str]) -> Vec<String> {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    let run = Test::new().plan(&boundary_plan()).args(all).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    json["indices"][0]["tasks"][0]["records_in_period"]
        .as_array()
        .expect("records")
        .iter()
        .map(|record| record["note"].as_str().expect("note").to_owned())
        .collect()
}

#[test]
fn period_boundaries_are_inclusive_at_both_ends() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["--quarter", "1"], &["31/3"]),
        (&["--quarter", "2"], &["1/4", "30/6"]),
        (&["--quarter", "3"], &["1/7"]),
        (&["--half", "1"], &["31/3", "1/4", "30/6"]),
        (&["--half", "2"], &["1/7"]),
        (&["--nine-months"], &["31/3", "1/4", "30/6", "1/7"]),
        (&[], &["31/3", "1/4", "30/6", "1/7"]),
        (&["--year", "2024"], &["31/3", "1/4", "30/6", "1/7"]),
        (
            &["--from", "2024-04-01", "--to", "2024-06-30"],
            &["1/4", "30/6"],
        ),
        (
            &["--from", "2024-03-31", "--to", "2024-04-01"],
            &["31/3", "1/4"],
        ),
        (&["--month", "6"], &["30/6"]),
    ];
    for (args, expected) in cases {
        assert_eq!(notes_in_period(args), *expected, "report {args:?}");
    }
}

#[test]
fn quarter_2_is_1_april_to_30_june() {
    let run = Test::new()
        .plan(&boundary_plan())
        .args(["report", "--quarter", "2", "--format", "json"])
        .run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["period"]["start"], "2024-04-01");
    assert_eq!(json["period"]["end"], "2024-06-30");
    assert_eq!(json["period"]["name"], "Quý II/2024");
    assert_eq!(json["as_of"], "2024-06-30");
}

#[test]
fn impossible_periods_are_usage_errors() {
    let quarter = Test::new()
        .plan(SMALL_PLAN)
        .args(["report", "--quarter", "5"])
        .run();
    assert_eq!(quarter.code, 2);
    assert!(
        quarter
            .stderr
            .contains("invalid value '5' for '--quarter <N>': 5 is not in 1..=4"),
        "{}",
        quarter.stderr
    );
    Test::new()
        .plan(SMALL_PLAN)
        .args(["report", "--from", "2024-06-30", "--to", "2024-04-01"])
        .expect(
            2,
            "",
            "error: the period starts (2024-06-30) after it ends (2024-04-01)\n",
        );
    Test::new()
        .plan(SMALL_PLAN)
        .args(["report", "--quarter", "2", "--half", "1"])
        .expect(
            2,
            "",
            "error: choose one period: --quarter, --half, --month, --nine-months, or --from/--to\n",
        );
    let half = Test::new()
        .plan(SMALL_PLAN)
        .args(["report", "--half", "3"])
        .run();
    assert_eq!(half.code, 2);
}

#[test]
fn same_plan_and_arguments_give_the_same_bytes() {
    for format in ["markdown", "text", "json", "csv", "html"] {
        let test = Test::new()
            .args([
                "--plan",
                &example_plan_path(),
                "report",
                "--quarter",
                "3",
                "--format",
                format,
            ])
            .env("DDCI_TODAY", "2024-10-05");
        let first = test.run();
        let second = test.run();
        assert_eq!(first.code, 0, "{format}: {}", first.stderr);
        assert_eq!(first.stdout, second.stdout, "{format} differs between runs");
    }
}

#[test]
fn output_file_gets_the_report() {
    let test =
        Test::new()
            .plan(SMALL_PLAN)
            .args(["report", "--quarter", "1", "-o", "bao-cao-quy-1.md"]);
    test.expect(0, "", "wrote bao-cao-quy-1.md\n");
    let written =
        std::fs::read_to_string(test.path().join("bao-cao-quy-1.md")).expect("report file");
    assert!(written.starts_with("# BÁO CÁO Quý I/2024\n"));
}

#[test]
fn html_escapes_plan_text_and_loads_nothing_from_the_network() {
    let plan = SMALL_PLAN.replace(
        "text = \"Đẩy mạnh công tác thông tin, tuyên truyền\"",
        "text = \"<script>alert('x')</script> & <b>đậm</b>\"",
    );
    let run = Test::new()
        .plan(&plan)
        .args(["report", "--format", "html"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("<script>"));
    assert!(
        run.stdout
            .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;")
    );
    for external in ["src=", "href=", "@import", "url("] {
        assert!(
            !run.stdout.contains(external),
            "the page refers to something outside it: {external}"
        );
    }
}

#[test]
fn csv_appendix_is_spreadsheet_safe() {
    let plan = SMALL_PLAN.replace(
        "text = \"Đẩy mạnh công tác thông tin, tuyên truyền\"",
        "text = \"@SUM(1+1)\"",
    );
    let run = Test::new()
        .plan(&plan)
        .args(["report", "--format", "csv", "--lang", "en"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\u{feff}No.,Task,Lead unit,Coordinating units,Schedule,Result,Status,Notes\r\n\
         1,1.1 @SUM(1+1),HC-TH,,Thường xuyên,,No report yet,Nothing reported in the period; no report for Q3 2024\r\n"
    );
}

#[test]
fn one_unit_s_report_has_only_its_tasks_and_their_targets() {
    let run = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "report",
            "--quarter",
            "3",
            "--owner",
            "thanh-tra",
            "--format",
            "json",
        ])
        .env("DDCI_TODAY", "2024-10-05")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let tasks: Vec<&str> = json["indices"]
        .as_array()
        .expect("indices")
        .iter()
        .flat_map(|index| index["tasks"].as_array().expect("tasks").iter())
        .map(|task| task["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        tasks,
        [
            // 1.x and 6.4 are led by "Các phòng chuyên môn, đơn vị trực thuộc
            // Sở", a group the example lists Thanh tra Sở in.
            "1.1", "1.2", "1.3", "1.4", "1.5", "3.1", "4.3", "4.4", "4.5", "4.6", "6.4", "7.1",
            "7.2", "7.3", "7.4"
        ]
    );
    let targets: Vec<&str> = json["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .map(|target| target["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        targets,
        [
            "thanh-tra-1-lan-nam",
            "khong-trung-lap",
            "tiep-cong-dan",
            "duong-day-nong",
            "doi-thoai-doanh-nghiep",
            "so-dien-thoai-giam-doc",
            "phan-anh-duoc-tra-loi"
        ]
    );
    assert_eq!(json["owner"], "thanh-tra");
    // The units' duty is Thanh tra's through the group, whose members the
    // example lists; the office's own duty is not.
    let duties: Vec<&str> = json["reporting_due"]
        .as_array()
        .expect("duties")
        .iter()
        .map(|duty| duty["id"].as_str().expect("id"))
        .collect();
    assert_eq!(duties, ["don-vi-bao-cao"]);
}

/// The sample in docs/ is the real output, so it cannot drift from the tool.
#[test]
fn documented_sample_report_is_what_the_tool_writes() {
    let run = Test::new()
        .args(["--plan", &example_plan_path(), "report", "--quarter", "2"])
        .env("DDCI_TODAY", "2024-10-05")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sample =
        std::fs::read_to_string(repo_root().join("docs/sample-report-q2-2024.md")).expect("sample");
    let (_, body) = sample
        .split_once("<!-- report begins -->\n")
        .expect("marker in the sample");
    let (body, _) = body
        .split_once("<!-- report ends -->")
        .expect("end marker in the sample");
    assert!(
        body == run.stdout,
        "docs/sample-report-q2-2024.md is stale; regenerate it as it says"
    );
}

/// The whole quarterly report for the example data, exactly, in both
/// languages. To update after a deliberate change: run the command in
/// `tests/integration/expected/README.md` and read the diff.
#[test]
fn example_quarter_2_report_in_vietnamese_and_english() {
    for (language, file) in [
        ("vi", "report-q2-2024-vi.md"),
        ("en", "report-q2-2024-en.md"),
    ] {
        let run = Test::new()
            .args([
                "--plan",
                &example_plan_path(),
                "report",
                "--quarter",
                "2",
                "--lang",
                language,
            ])
            .env("DDCI_TODAY", "2024-10-05")
            .run();
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        let expected =
            std::fs::read_to_string(repo_root().join("tests/integration/expected").join(file))
                .expect("expected report");
        assert!(
            run.stdout == expected,
            "the {language} report differs from tests/integration/expected/{file}:\n{}",
            run.stdout
        );
    }
}
