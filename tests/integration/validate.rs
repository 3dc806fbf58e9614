//! `ddci validate`: each kind of problem, rendered exactly as a person sees it.

use crate::harness::{SMALL_PLAN, Test, bundled_plan, repo_root};

#[test]
fn toml_syntax_error_points_at_the_broken_value() {
    Test::new()
        .plan(&SMALL_PLAN.replace(r"year = 2024", r"year = = 2024"))
        .args(["validate"])
        .expect(
            1,
            r"",
            r"error[toml-syntax]: extra `=`, expected nothing
 --> plan.toml:5:8
  |
5 | year = = 2024
  |        ^
  |
  = help: fix the TOML syntax here; the other checks run once the file parses

plan.toml: 1 error
",
        );
}

#[test]
fn wrong_type_says_what_was_expected() {
    Test::new()
        .plan(&SMALL_PLAN.replace(r"percent = 80", r#"percent = "tám mươi""#))
        .args(["validate"])
        .expect(
            1,
            r"",
            r#"error[wrong-type]: expected a number, found string "tám mươi"
  --> plan.toml:28:11
   |
28 | percent = "tám mươi"
   |           ^^^^^^^^^^
   |
   = help: write a number here

plan.toml: 1 error
"#,
        );
}

#[test]
fn misspelt_key_is_an_error_with_a_suggestion() {
    Test::new()
        .plan(&SMALL_PLAN.replace(
            r#"province = "Kon Tum""#,
            r#"province = "Kon Tum"
titel = "x""#,
        ))
        .args(["validate"])
        .expect(
            1,
            r"",
            r#"error[unknown-key]: unknown key `titel`
 --> plan.toml:5:1
  |
5 | titel = "x"
  | ^^^^^ not a key of [plan]
  |
  = help: did you mean `title`?

plan.toml: 1 error
"#,
        );
}

#[test]
fn duplicate_task_id_names_the_first_line() {
    Test::new()
        .plan(&SMALL_PLAN.replace(
            r"[[targets]]",
            r#"[[tasks]]
id = "1.1"
index = "minh-bach"
text = "Việc khác"
lead = ["hc-th"]
schedule = { kind = "ongoing" }

[[targets]]"#,
        ))
        .args(["validate"])
        .expect(
            1,
            r"",
            r#"error[duplicate-id]: there is already a task with id `1.1`
  --> plan.toml:24:6
   |
24 | id = "1.1"
   |      ^^^^^ second use of this id
   |
   = help: give this task another id; the first one is on line 17

plan.toml: 1 error
"#,
        );
}

#[test]
fn unknown_unit_suggests_the_closest_id() {
    Test::new()
        .plan(&SMALL_PLAN.replace(r#"lead = ["hc-th"]"#, r#"lead = ["hc-tk"]"#))
        .args(["validate"])
        .expect(
            1,
            r"",
            r#"error[unknown-reference]: no unit has the id `hc-tk`
  --> plan.toml:20:9
   |
20 | lead = ["hc-tk"]
   |         ^^^^^^^ unknown unit
   |
   = help: did you mean `hc-th`?

plan.toml: 1 error
"#,
        );
}

#[test]
fn percent_above_100_is_impossible() {
    Test::new()
        .plan(&SMALL_PLAN.replace(r"percent = 80", r"percent = 180"))
        .args(["validate"])
        .expect(
            1,
            r"",
            r"error[out-of-range]: this is not possible as a percent
  --> plan.toml:28:11
   |
28 | percent = 180
   |           ^^^ must be 0 to 100
   |
   = help: a percent must be 0 to 100

plan.toml: 1 error
",
        );
}

#[test]
fn rank_below_one_is_impossible() {
    Test::new()
        .plan(
            &SMALL_PLAN
                .replace(r#"kind = "percent_at_least""#, r#"kind = "rank_at_most""#)
                .replace(r"percent = 80", r"rank = 0"),
        )
        .args(["validate"])
        .expect(
            1,
            r"",
            r"error[out-of-range]: this is not possible as a rank
  --> plan.toml:28:8
   |
28 | rank = 0
   |        ^ must be 1 or more
   |
   = help: a rank must be 1 or more

plan.toml: 1 error
",
        );
}

#[test]
fn due_date_outside_the_plan_year_is_a_warning() {
    Test::new()
        .plan(&SMALL_PLAN.replace(
            r#"schedule = { kind = "ongoing", text = "Thường xuyên" }"#,
            r#"schedule = { kind = "due", due = 2025-03-31 }"#,
        ))
        .args(["validate"])
        .expect(
            0,
            r"plan.toml: valid (1 index, 1 task, 1 target, 1 unit, 0 records), 1 warning
",
            r#"warning[date-outside-year]: 2025-03-31 is outside the plan's year 2024
  --> plan.toml:21:34
   |
21 | schedule = { kind = "due", due = 2025-03-31 }
   |                                  ^^^^^^^^^^
   |
   = help: task dates usually fall within the plan's year; check the year

"#,
        );
}

#[test]
fn record_dated_in_the_future_is_an_error() {
    Test::new()
        .plan(&SMALL_PLAN.replace(
            r#"schedule = { kind = "ongoing", text = "Thường xuyên" }"#,
            r#"schedule = { kind = "ongoing", text = "Thường xuyên" }

[[tasks.records]]
date = 2025-01-15
status = "done""#,
        ))
        .args(["validate"])
        .expect(
            1,
            r"",
            r"error[future-record]: this record is dated 2025-01-15, more than a day after today
  --> plan.toml:24:8
   |
24 | date = 2025-01-15
   |        ^^^^^^^^^^ in the future
   |
   = help: records say what has happened; date it today (2024-12-31) or earlier (tomorrow is allowed for a unit a time zone ahead)

plan.toml: 1 error
",
        );
}

#[test]
fn goal_key_that_does_not_fit_the_kind() {
    Test::new()
        .plan(&SMALL_PLAN.replace(
            r"percent = 80",
            r"percent = 80
max = 3",
        ))
        .args(["validate"])
        .expect(
            1,
            r"",
            r"error[goal-does-not-fit-kind]: `max` does not apply to a `percent_at_least` target
  --> plan.toml:29:7
   |
29 | max = 3
   |       ^ not used by `percent_at_least`
   |
   = help: remove `max`, or change `kind`; a `percent_at_least` target takes: percent, of, due

plan.toml: 1 error
",
        );
}

#[test]
fn target_missing_its_goal() {
    Test::new()
        .plan(&SMALL_PLAN.replace(
            r"percent = 80
",
            r"",
        ))
        .args(["validate"])
        .expect(
            1,
            r"",
            r#"error[missing-goal]: a `percent_at_least` target needs `percent`
  --> plan.toml:25:8
   |
25 | kind = "percent_at_least"
   |        ^^^^^^^^^^^^^^^^^^ needs `percent`
   |
   = help: add `percent = …` to target `dvctt` (see docs/plan-format.md)

plan.toml: 1 error
"#,
        );
}

#[test]
fn column_counts_characters_in_vietnamese_text() {
    Test::new()
        .plan(&SMALL_PLAN.replace(
            r#"schedule = { kind = "ongoing", text = "Thường xuyên" }"#,
            r#"schedule = { text = "Thường xuyên, định kỳ hằng tháng", kind = "ongoin" }"#,
        ))
        .args(["validate"])
        .expect(
            1,
            r"",
            r#"error[invalid-value]: `ongoin` is not one of the words allowed here
  --> plan.toml:21:64
   |
21 | schedule = { text = "Thường xuyên, định kỳ hằng tháng", kind = "ongoin" }
   |                                                                ^^^^^^^^
   |
   = help: did you mean `ongoing`?

plan.toml: 1 error
"#,
        );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    Test::new()
        .plan(
            &SMALL_PLAN
                .replace(
                    r#"province = "Kon Tum""#,
                    r#"province = "Kon Tum"
titel = "x""#,
                )
                .replace(r#"lead = ["hc-th"]"#, r#"lead = ["hc-tk"]"#)
                .replace(r"percent = 80", r"percent = 180"),
        )
        .args(["validate"])
        .expect(
            1,
            r"",
            r#"error[unknown-key]: unknown key `titel`
 --> plan.toml:5:1
  |
5 | titel = "x"
  | ^^^^^ not a key of [plan]
  |
  = help: did you mean `title`?

error[unknown-reference]: no unit has the id `hc-tk`
  --> plan.toml:21:9
   |
21 | lead = ["hc-tk"]
   |         ^^^^^^^ unknown unit
   |
   = help: did you mean `hc-th`?

error[out-of-range]: this is not possible as a percent
  --> plan.toml:29:11
   |
29 | percent = 180
   |           ^^^ must be 0 to 100
   |
   = help: a percent must be 0 to 100

plan.toml: 3 errors
"#,
        );
}

#[test]
fn crlf_file_reports_the_right_line_and_column() {
    let plan = SMALL_PLAN
        .replace("lead = [\"hc-th\"]", "lead = [\"hc-tk\"]")
        .replace('\n', "\r\n");
    Test::new().plan(&plan).args(["validate"]).expect(
        1,
        "",
        r#"error[unknown-reference]: no unit has the id `hc-tk`
  --> plan.toml:20:9
   |
20 | lead = ["hc-tk"]
   |         ^^^^^^^ unknown unit
   |
   = help: did you mean `hc-th`?

plan.toml: 1 error
"#,
    );
}

#[test]
fn byte_order_mark_is_accepted_and_not_counted_as_a_column() {
    let plan = format!(
        "\u{feff}{}",
        SMALL_PLAN.replace("year = 2024", "year = 2024\nyaer = 2024")
    );
    Test::new().plan(&plan).args(["validate"]).expect(
        1,
        "",
        r"error[unknown-key]: unknown key `yaer`
 --> plan.toml:6:1
  |
6 | yaer = 2024
  | ^^^^ not a key of [plan]
  |
  = help: did you mean `year`?

plan.toml: 1 error
",
    );
    let clean = format!("\u{feff}{SMALL_PLAN}");
    Test::new().plan(&clean).args(["validate"]).expect(
        0,
        "plan.toml: valid (1 index, 1 task, 1 target, 1 unit, 0 records)\n",
        "",
    );
}

#[test]
fn empty_file_has_no_plan_table() {
    Test::new().plan("").args(["validate"]).expect(
        1,
        "",
        r"error[missing-plan]: the file has no [plan] table
 --> plan.toml:1:1
  |
1 |
  | ^
  |
  = help: start the file with a [plan] table giving title, agency, province and year (see docs/plan-format.md)

plan.toml: 1 error
",
    );
}

#[test]
fn binary_file_is_not_utf8() {
    Test::new()
        .file("plan.toml", b"[plan]\ntitle = \"\xff\xfe\"\n")
        .args(["validate"])
        .expect(
            1,
            "",
            "error[not-utf8]: the file is not UTF-8 text
 --> plan.toml:2:10
  |
2 | title = \"\u{fffd}\u{fffd}\"
  |          ^ this byte is not UTF-8
  |
  = help: save the plan as UTF-8 (in most editors: “Save with encoding” → UTF-8)

plan.toml: 1 error
",
        );
}

#[test]
fn json_format_lists_every_diagnostic_with_its_place() {
    let plan = SMALL_PLAN.replace("lead = [\"hc-th\"]", "lead = [\"hc-tk\"]");
    Test::new()
        .plan(&plan)
        .args(["validate", "--format", "json"])
        .expect(
            1,
            r#"{
  "file": "plan.toml",
  "valid": false,
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "severity": "error",
      "code": "unknown-reference",
      "message": "no unit has the id `hc-tk`",
      "file": "plan.toml",
      "line": 20,
      "column": 9,
      "end_line": 20,
      "end_column": 16,
      "label": "unknown unit",
      "help": "did you mean `hc-th`?"
    }
  ]
}
"#,
            "",
        );
}

#[test]
fn plan_is_found_in_a_parent_folder() {
    let test = Test::new().plan(SMALL_PLAN).current_dir("reports/2024");
    let expected = format!(
        "{}: valid (1 index, 1 task, 1 target, 1 unit, 0 records)\n",
        test.path().join("plan.toml").display()
    );
    test.args(["validate"]).expect(0, &expected, "");
}

#[test]
fn plan_variable_is_used_when_no_flag_is_given() {
    Test::new()
        .file("elsewhere/ke-hoach.toml", SMALL_PLAN)
        .env("DDCI_PLAN", "elsewhere/ke-hoach.toml")
        .args(["validate"])
        .expect(
            0,
            "elsewhere/ke-hoach.toml: valid (1 index, 1 task, 1 target, 1 unit, 0 records)\n",
            "",
        );
}

#[test]
fn missing_plan_says_what_was_searched_and_exits_2() {
    let test = Test::new().args(["validate"]);
    let run = test.run();
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    let searched = test.path().display().to_string();
    assert!(
        run.stderr
            .starts_with("error: no plan found: there is no plan.toml in ")
    );
    assert!(run.stderr.contains(&searched), "{}", run.stderr);
    assert!(run.stderr.contains("help: pass --plan PATH, set DDCI_PLAN"));
}

#[test]
fn unreadable_plan_path_is_an_io_error() {
    Test::new()
        .args(["--plan", "khong-co.toml", "validate"])
        .expect(
            2,
            "",
            "error: cannot read the plan `khong-co.toml`: No such file or directory (os error 2)\n",
        );
}

#[test]
fn bundled_plan_is_valid() {
    Test::new()
        .args([
            "--plan",
            bundled_plan().to_str().expect("UTF-8 path"),
            "validate",
        ])
        .env("DDCI_TODAY", "2026-11-27")
        .expect(
            0,
            &format!(
                "{}: valid (8 indices, 42 tasks, 13 targets, 12 units, 0 records)\n",
                bundled_plan().display()
            ),
            "",
        );
}

/// Every plan and example shipped in the repository validates, with no warning.
#[test]
fn every_shipped_plan_and_example_validates() {
    let mut checked = 0;
    for folder in ["plans", "examples"] {
        for path in toml_files(&repo_root().join(folder)) {
            let run = Test::new()
                .args(["--plan", path.to_str().expect("UTF-8 path"), "validate"])
                .env("DDCI_TODAY", "2026-11-27")
                .run();
            assert_eq!(run.code, 0, "{}:\n{}", path.display(), run.stderr);
            assert_eq!(run.stderr, "", "{} has warnings", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 1);
}

fn toml_files(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(toml_files(&path));
        } else if path
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The diagnostics a plan gets: severity, code, line.
type Expected = Vec<(&'static str, &'static str, usize)>;

/// What a report's header and signature print is checked: no blank
/// number, code, place, parent agency, recipient or signer; no deputy who
/// signs for their own title; a plan issued in its year or the one before;
/// under Decree 09/2019, records from 15 December before the year.
#[test]
fn the_keys_a_report_prints_are_checked() {
    let header =
        |extra: &str| SMALL_PLAN.replace("year = 2024\n", &format!("year = 2024\n{extra}"));
    let record = |date: &str| format!("\n[[tasks.records]]\ndate = {date}\nnote = \"x\"\n");
    let cases: Vec<(String, Expected)> = vec![
        (
            header("number = \"  \"\n"),
            vec![("error", "blank-text", 6)],
        ),
        (
            header("code = \"\"\nplace = \"\\u200b\"\n"),
            vec![("error", "blank-text", 6), ("error", "blank-text", 7)],
        ),
        (
            header("parent_agency = \" \"\n"),
            vec![("error", "blank-text", 6)],
        ),
        (
            header("[plan.report]\nrecipients = [\"Sở Kế hoạch và Đầu tư\", \"\"]\n"),
            vec![("error", "blank-text", 7)],
        ),
        (
            header("signed_by = { title = \"Giám đốc\", name = \"\" }\n"),
            vec![("error", "blank-text", 6)],
        ),
        (
            header(
                "[plan.report]\nsigned_by = { title = \"Giám đốc\", name = \"A\", signs_for = \"giám đốc\" }\n",
            ),
            vec![("error", "signs-for-self", 7)],
        ),
        (
            header("issued = 2030-01-01\n"),
            vec![("warning", "issued-outside-year", 6)],
        ),
        (header("issued = 2023-12-20\n"), vec![]),
        (
            header("[plan.report]\nperiods = \"decree-09-2019\"\n")
                .replace("[[targets]]", &(record("2023-12-15") + "\n[[targets]]")),
            vec![],
        ),
        (
            header("[plan.report]\nperiods = \"decree-09-2019\"\n")
                .replace("[[targets]]", &(record("2023-12-14") + "\n[[targets]]")),
            vec![("warning", "record-outside-year", 27)],
        ),
        (
            SMALL_PLAN.replace("[[targets]]", &(record("2023-12-20") + "\n[[targets]]")),
            vec![("warning", "record-outside-year", 25)],
        ),
    ];
    for (plan, expected) in cases {
        let run = Test::new()
            .plan(&plan)
            .args(["validate", "--format", "json"])
            .run();
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let found: Vec<(String, String, usize)> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|diagnostic| {
                (
                    diagnostic["severity"]
                        .as_str()
                        .expect("severity")
                        .to_owned(),
                    diagnostic["code"].as_str().expect("code").to_owned(),
                    usize::try_from(diagnostic["line"].as_u64().expect("line")).expect("line"),
                )
            })
            .collect();
        let expected: Vec<(String, String, usize)> = expected
            .iter()
            .map(|(severity, code, line)| ((*severity).to_owned(), (*code).to_owned(), *line))
            .collect();
        assert_eq!(found, expected, "{plan}");
    }
}

/// The small plan made one of two years, 2023–2024.
fn two_year_plan() -> String {
    SMALL_PLAN.replace("year = 2024\n", "year = 2023\nuntil = 2024\n")
}

#[test]
fn a_plan_of_several_years_takes_dates_and_records_in_any_of_them() {
    Test::new()
        .plan(&two_year_plan().replace(
            r#"schedule = { kind = "ongoing", text = "Thường xuyên" }"#,
            r#"schedule = { kind = "due", due = 2024-03-31 }

[[tasks.records]]
date = 2023-06-01
status = "in_progress"

[[tasks.records]]
date = 2024-03-20
status = "done""#,
        ))
        .args(["validate"])
        .expect(
            0,
            "plan.toml: valid (1 index, 1 task, 1 target, 1 unit, 2 records)\n",
            "",
        );
}

#[test]
fn a_task_s_dates_fall_in_its_own_year() {
    Test::new()
        .plan(&two_year_plan().replace(
            r#"schedule = { kind = "ongoing", text = "Thường xuyên" }"#,
            r#"year = 2023
schedule = { kind = "due", due = 2024-03-31 }"#,
        ))
        .args(["validate"])
        .expect(
            0,
            "plan.toml: valid (1 index, 1 task, 1 target, 1 unit, 0 records), 1 warning\n",
            r#"warning[date-outside-year]: 2024-03-31 is outside its own year 2023
  --> plan.toml:23:34
   |
23 | schedule = { kind = "due", due = 2024-03-31 }
   |                                  ^^^^^^^^^^
   |
   = help: task dates usually fall within the plan's year; check the year

"#,
        );
}

#[test]
fn a_year_the_plan_does_not_span_is_an_error() {
    Test::new()
        .plan(&two_year_plan().replace(
            r#"schedule = { kind = "ongoing", text = "Thường xuyên" }"#,
            r#"year = 2025
schedule = { kind = "ongoing", text = "Thường xuyên" }"#,
        ))
        .args(["validate"])
        .expect(
            1,
            "",
            "error[year-outside-plan]: 2025 is not a year of this plan (2023–2024)
  --> plan.toml:22:8
   |
22 | year = 2025
   |        ^^^^ must be 2023 to 2024
   |
   = help: a task or target of one year names a year the plan spans (`[plan] year` to `until`); leave `year` out for every year

plan.toml: 1 error
",
        );
}

#[test]
fn a_plan_cannot_end_before_it_starts() {
    Test::new()
        .plan(&SMALL_PLAN.replace("year = 2024\n", "year = 2024\nuntil = 2022\n"))
        .args(["validate"])
        .expect(
            1,
            "",
            "error[out-of-range]: a plan from 2024 cannot run until 2022
 --> plan.toml:6:9
  |
6 | until = 2022
  |         ^^^^ must be 2024 to 2029
  |
  = help: `until` is the plan's last year, e.g. `year = 2023` and `until = 2025` for 2023–2025

plan.toml: 1 error
",
        );
}

#[test]
fn a_range_of_points_upside_down_and_an_unknown_reference_are_errors() {
    let plan = SMALL_PLAN.to_owned()
        + "\n[[targets]]\nid = \"tang-diem\"\nkind = \"score_change_at_least\"\nindex = \"minh-bach\"\ntext = \"tăng từ 1 đến 0,5 điểm\"\npoints = 1.0\npoints_max = 0.5\n\n\
           [[targets]]\nid = \"tren-binh-quan\"\nkind = \"above_reference\"\nindex = \"minh-bach\"\ntext = \"trên trung bình cộng\"\nreference = \"mean\"\n";
    Test::new().plan(&plan).args(["validate"]).expect(
        1,
        "",
        "error[out-of-range]: this is not possible as the upper end of a range of points
  --> plan.toml:36:14
   |
36 | points_max = 0.5
   |              ^^^ must be 1 to 10
   |
   = help: the upper end of a range of points must be 1 to 10

error[out-of-range]: `mean` is not a published reference
  --> plan.toml:43:13
   |
43 | reference = \"mean\"
   |             ^^^^^^ must be \"median\" or \"average\"
   |
   = help: an `above_reference` target compares with the group's published median (`reference = \"median\"`) or average (`reference = \"average\"`)

plan.toml: 2 errors
",
    );
}

#[test]
fn a_band_recorded_beyond_the_plan_s_bands_is_an_error() {
    let plan = SMALL_PLAN.replace(
        "year = 2024\n",
        "year = 2024\nbands = [\"khá\", \"tốt\", \"rất tốt\"]\n",
    ) + "\n[[targets]]\nid = \"nhom-tot\"\nkind = \"band_at_least\"\ntext = \"nhóm tốt\"\nband = \"tốt\"\n\n\
         [[targets.records]]\ndate = 2024-12-01\nvalue = 4\n\n\
         [[targets.records]]\ndate = 2024-12-02\nvalue = 2.5\n";
    let run = Test::new().plan(&plan).args(["validate"]).run();
    assert_eq!(run.code, 1);
    let said: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.contains("must be"))
        .collect();
    assert_eq!(
        said,
        [
            "   |         ^ must be 1 to 3",
            "   = help: a band's place must be 1 to 3",
            "   |         ^^^ must be a whole number",
            "   = help: a band's place must be a whole number",
        ],
        "{}",
        run.stderr
    );
}
