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
    assert!(written.contains("\n# BÁO CÁO\n"), "{written}");
    assert!(written.contains(" thử Quý I năm 2024\n"), "{written}");
}

/// Without `--format`, the output file's extension says which; a Word
/// document is never written to a terminal.
#[test]
fn the_output_file_s_extension_chooses_the_format() {
    let test = Test::new().plan(SMALL_PLAN);
    let starts = [
        ("q1.docx", &b"PK\x03\x04"[..]),
        ("q1.html", &b"<!DOCTYPE html>"[..]),
        ("q1.json", &b"{"[..]),
        ("q1.csv", "\u{feff}".as_bytes()),
        ("q1.md", &b"| "[..]),
        ("q1", &b"| "[..]),
    ];
    for (file, start) in starts {
        let run = test.run_with(&["report", "--quarter", "1", "-o", file]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        let written = std::fs::read(test.path().join(file)).expect("written");
        assert!(
            written.starts_with(start),
            "{file} starts {:?}",
            &written[..8]
        );
    }
    // A file named for one format is not written in another.
    let mismatch = test.run_with(&[
        "report",
        "--quarter",
        "1",
        "--format",
        "markdown",
        "-o",
        "x.docx",
    ]);
    assert_eq!(mismatch.code, 2);
    assert_eq!(
        mismatch.stderr,
        "error: `x.docx` is the name of a .docx file, but --format markdown was asked for; nothing was written\n\
         help: name the file for its format (e.g. `-o bao-cao.md`), or leave out --format\n"
    );
    let pdf = test.run_with(&["report", "--quarter", "1", "-o", "x.pdf"]);
    assert_eq!(pdf.code, 2);
    assert!(
        pdf.stderr
            .starts_with("error: ddci does not write `.pdf` files;"),
        "{}",
        pdf.stderr
    );
    assert!(!test.path().join("x.docx").exists() && !test.path().join("x.pdf").exists());
    let refused = test.run_with(&["report", "--quarter", "1", "--format", "docx"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert_eq!(
        refused.stderr,
        "error: a Word document is a file, not text for the terminal\n\
         help: name the file with `-o bao-cao.docx` (or `-o -` to send it to a pipe)\n"
    );
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
        "\u{feff}Component index,No.,Task,Lead,Coordinating,Schedule,Results in the period,Progress,Notes\r\n\
         1. Tính minh bạch,1,'@SUM(1+1),HC-TH,,Ongoing,,No report,\r\n"
    );
}

#[test]
fn one_unit_s_report_has_only_its_tasks_and_the_figures_it_reports() {
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
            // 6.4's conference figure: two leads, so the office the reports
            // go to reports it, not Thanh tra.
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

/// Every id in a plan file: units, indices, tasks, targets, duties.
fn plan_ids(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("plan");
    let value: toml::Value = toml::from_str(&text).expect("TOML");
    ["units", "indices", "tasks", "targets", "reporting"]
        .iter()
        .filter_map(|section| value.get(section)?.as_array())
        .flatten()
        .filter_map(|entry| entry.get("id")?.as_str().map(str::to_owned))
        .collect()
}

/// Where `id` stands as a word of its own in `text`: not inside a longer
/// word or number ("1.1" in "11.1", "1.12" or "1.1.2" does not count).
fn stands_alone(text: &str, id: &str) -> bool {
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + id.len()..].chars().next();
        let joins =
            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        let number_goes_on = after.is_some_and(|c| c == '.' || c.is_ascii_digit())
            && text[at + id.len()..]
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit());
        !joins(before) && !joins(after) && !number_goes_on && before != Some('.')
    })
}

/// The text outside `<…>` tags, each tag read as a space.
fn without_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Human formats name tasks by their words and units by their names: no id
/// of the plan file appears in any report of the shipped plans, for any
/// period, in either language, for the department or one unit. (In English
/// a task id such as "1.5" is also a decimal number, so task ids are looked
/// for in the Vietnamese reports, which write decimals with a comma.)
#[test]
fn no_plan_id_appears_in_any_human_format_of_the_shipped_plans() {
    let periods: [&[&str]; 7] = [
        &["--quarter", "1"],
        &["--quarter", "2"],
        &["--quarter", "3"],
        &["--quarter", "4"],
        &["--half", "1"],
        &["--nine-months"],
        &["--year", "2024"],
    ];
    for plan in [example_plan_path(), crate::harness::bundled_plan_path()] {
        let ids = plan_ids(&plan);
        assert!(ids.len() > 60, "{plan}: {ids:?}");
        let test = Test::new().env("DDCI_TODAY", "2025-01-20");
        for period in periods {
            for owner in [None, Some("thanh-tra"), Some("trung-tam")] {
                for language in ["vi", "en"] {
                    for format in ["markdown", "text", "html", "csv", "docx"] {
                        let mut args = vec!["--plan", plan.as_str(), "report", "--lang", language];
                        args.extend_from_slice(period);
                        args.extend(["--format", format, "-o", "out"]);
                        if let Some(owner) = owner {
                            args.extend(["--owner", owner]);
                        }
                        let run = test.run_with(&args);
                        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
                        let bytes = std::fs::read(test.path().join("out")).expect("report");
                        // A Word file is a zip: what a reader sees is its document.xml.
                        let bytes = if format == "docx" {
                            let mut archive =
                                zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a docx");
                            let mut xml = Vec::new();
                            std::io::Read::read_to_end(
                                &mut archive.by_name("word/document.xml").expect("document.xml"),
                                &mut xml,
                            )
                            .expect("read");
                            xml
                        } else {
                            bytes
                        };
                        let text = String::from_utf8_lossy(&bytes);
                        // Only what a reader sees: a page's style sheet and
                        // markup have numbers of their own ("line-height: 1.1").
                        let text = match format {
                            "html" | "docx" => {
                                without_markup(text.split("</style>").last().unwrap_or_default())
                            }
                            _ => text.into_owned(),
                        };
                        let text = text.as_str();
                        for id in &ids {
                            let numeric = id.chars().all(|c| c.is_ascii_digit() || c == '.');
                            if numeric && language == "en" {
                                continue;
                            }
                            assert!(
                                !stands_alone(text, id),
                                "`{id}` appears in {args:?}:\n{}",
                                text.lines()
                                    .filter(|line| stands_alone(line, id))
                                    .take(3)
                                    .collect::<Vec<_>>()
                                    .join("\n")
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn an_id_standing_alone_is_told_from_numbers_and_words() {
    let cases = [
        ("nhiệm vụ 1.1 đang", "1.1", true),
        ("(1.1)", "1.1", true),
        ("11.1", "1.1", false),
        ("1.12", "1.1", false),
        ("1.1.2", "1.1", false),
        ("2.1.1", "1.1", false),
        ("hc-th", "hc-th", true),
        ("hc-th-tong-hop", "hc-th", false),
        ("HC-TH", "hc-th", false),
        ("thanh-tra-1-lan-nam", "thanh-tra", false),
    ];
    for (text, id, expected) in cases {
        assert_eq!(stands_alone(text, id), expected, "{id} in {text}");
    }
}

/// The header, the signature and the period's days come from the plan's
/// keys: a deputy signing for the director, a day of signing given on the
/// command line, and Decree 09/2019's cut-off (Q2 from 15 March to 14 June).
#[test]
fn the_document_s_header_signature_and_days_come_from_the_plan() {
    let plan = SMALL_PLAN.replace(
        "year = 2024\n",
        "year = 2024\nnumber = \"12/KH-SKHCN\"\nissued = 2024-02-05\n\
         parent_agency = \"UBND tỉnh Kon Tum\"\ncode = \"SKHCN\"\n\
         signed_by = { title = \"Giám đốc\", name = \"Bùi Thanh Bình\" }\n\n\
         [plan.report]\nperiods = \"decree-09-2019\"\n\
         recipients = [\"Sở Kế hoạch và Đầu tư;\", \"- Lãnh đạo Sở\", \"Lưu: VT, HCTH.\"]\n\
         signed_by = { title = \"Phó Giám đốc\", name = \"Nguyễn Văn An\", signs_for = \"Giám đốc\" }\n",
    ) + "\n[[targets.records]]\ndate = 2024-03-14\nvalue = 60\n\
         \n[[targets.records]]\ndate = 2024-06-14\nvalue = 70\n\
         \n[[targets.records]]\ndate = 2024-06-15\nvalue = 90\n";
    let run = Test::new()
        .plan(&plan)
        .args(["report", "--quarter", "2", "--signed-on", "2024-06-18"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected_header = "\
| UBND TỈNH KON TUM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| --- | --- |
| SỞ KHOA HỌC VÀ CÔNG NGHỆ | Độc lập - Tự do - Hạnh phúc |
| Số:      /BC-SKHCN | Kon Tum, ngày 18 tháng 6 năm 2024 |

# BÁO CÁO

Kết quả thực hiện Kế hoạch thử Quý II năm 2024

Thực hiện Kế hoạch số 12/KH-SKHCN ngày 05/02/2024 của Sở Khoa học và Công nghệ về thử, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện Quý II năm 2024 như sau:
";
    assert!(run.stdout.starts_with(expected_header), "{}", run.stdout);
    for said in [
        "Số liệu báo cáo tính từ ngày 15/03/2024 đến hết ngày 14/06/2024 (thời gian chốt số liệu theo Nghị định số 09/2019/NĐ-CP).",
        // 14 June is in Q2, 15 June is not; 14 March was Q1's.
        "- đảm bảo tối thiểu 80%: 70% (số liệu ngày 14/06/2024), tăng 10 điểm phần trăm so với Quý I/2024 (60%); mục tiêu tối thiểu 80%: chưa đạt.",
        "Nơi nhận:\n\n- Sở Kế hoạch và Đầu tư;\n- Lãnh đạo Sở;\n- Lưu: VT, HCTH.\n",
        "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC — Nguyễn Văn An",
        // The appendix cites the report by the day it is signed.
        "(Kèm theo Báo cáo số      /BC-SKHCN ngày 18/06/2024 của Sở Khoa học và Công nghệ)",
    ] {
        assert!(run.stdout.contains(said), "{said}\n{}", run.stdout);
    }
    // The JSON says the same of the period and the document.
    let json = Test::new()
        .plan(&plan)
        .args(["report", "--quarter", "2", "--format", "json"])
        .run();
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(json["period"]["start"], "2024-03-15");
    assert_eq!(json["period"]["end"], "2024-06-14");
    assert_eq!(json["period_rule"], "decree-09-2019");
    assert_eq!(json["previous_period"]["start"], "2023-12-15");
    assert_eq!(json["document"]["plan_number"], "12/KH-SKHCN");
    assert_eq!(json["document"]["signer"]["signs_for"], "Giám đốc");
    let figure = &json["targets"][0]["in_period"];
    assert_eq!(figure["judgement"], "not_yet_met");
    assert_eq!(figure["measured"]["value"], 70.0);
    assert_eq!(figure["previous"]["value"], 60.0);
}

/// One unit's report is the unit's: its name heads the document under the
/// department's, it goes to the office its duty names, and it does not
/// list itself among the units that have or have not sent their report.
#[test]
fn a_unit_s_report_comes_from_the_unit() {
    let run = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "report",
            "--quarter",
            "3",
            "--owner",
            "thanh-tra",
        ])
        .env("DDCI_TODAY", "2024-10-05")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for said in [
        "| SỞ KHOA HỌC VÀ CÔNG NGHỆ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| --- | --- |\n| THANH TRA SỞ | Độc lập - Tự do - Hạnh phúc |\n",
        "Kết quả thực hiện nhiệm vụ Quý III năm 2024 theo Kế hoạch khắc phục",
        // Nine tasks of its own, six given to the group it is in.
        "Thanh tra Sở chủ trì 09 nhiệm vụ và cùng các phòng, đơn vị thực hiện 06 nhiệm vụ giao chung.",
        // The Q2 figure of 30 June is not Q3's result.
        "- Số cuộc thanh tra, kiểm tra trùng lặp: chưa có số liệu trong kỳ; mục tiêu 0 lần/năm: chưa đánh giá được.\n",
        "- Tỷ lệ phản ánh, khiếu nại được trả lời: chưa có số liệu trong kỳ; số liệu gần nhất 100% (ngày 30/06/2024, trước kỳ báo cáo); mục tiêu 100%: chưa đánh giá được.\n",
        // July: none held by what Thanh tra recorded (it reported August and September).
        "- Số buổi tiếp công dân: 02 trong kỳ (lũy kế từ đầu năm: 08), 02/03 tháng đạt (không đạt: tháng 7/2024); Quý II/2024: 03; mục tiêu tối thiểu 1 lần/tháng: không đạt.\n",
        // The same word as II.1 gives it: July cannot be made up.
        "- 01 chỉ tiêu không đạt: số buổi tiếp công dân (02/03 tháng đạt, mục tiêu tối thiểu 1 lần/tháng).\n",
        // A shortcoming with no cause recorded: dots for the head to fill in, not "Không có".
        "### 3. Nguyên nhân\n\n……………………………………………………\n",
        "Nơi nhận:\n\n- Phòng Hành chính - Tổng hợp;\n- Lưu: VT.\n",
        // Signed by the inspectorate's head, by title, the name left to sign.
        "CHÁNH THANH TRA",
    ] {
        assert!(run.stdout.contains(said), "{said}\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("đã gửi"), "{}", run.stdout);
}

/// The yearly result cycle: the 2023 result (published in March 2024) is
/// the 2024 plan's baseline; the 2024 result, published on 27/03/2025, is
/// 2024's result in status and in the year report, without backdating.
#[test]
fn a_result_published_the_next_spring_is_the_year_s() {
    let plan = SMALL_PLAN.replace(
        "title = \"Kế hoạch thử\"",
        "title = \"Kế hoạch thử năm 2024\"",
    ) + "\n[[targets]]\nid = \"xep-hang\"\nkind = \"rank_improvement\"\nplaces = 2\ntext = \"tăng 2 bậc so với năm 2023\"\n\n\
           [[targets]]\nid = \"diem-minh-bach\"\nkind = \"score_at_least\"\nindex = \"minh-bach\"\nscore = 7\ntext = \"chỉ số Tính minh bạch đạt từ 7 điểm\"\n";
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2025-04-01");
    for args in [
        &[
            "result",
            "--year",
            "2023",
            "--rank",
            "9",
            "--of",
            "18",
            "--published",
            "2024-03-27",
            "--source",
            "Công văn 1024/UBND-KTTH",
        ][..],
        &[
            "result",
            "--year",
            "2024",
            "--rank",
            "6",
            "--of",
            "18",
            "--score",
            "74.96",
            "--published",
            "2025-03-27",
        ],
        &[
            "result",
            "--year",
            "2024",
            "--index",
            "minh-bach",
            "--score",
            "7,2",
            "--published",
            "2025-03-27",
        ],
    ] {
        let run = test.run_with(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    let written = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    assert_eq!(
        written,
        plan + "\n[[results]]\nyear = 2023\nrank = 9\nof = 18\npublished = 2024-03-27\nsource = \"Công văn 1024/UBND-KTTH\"\n\
                \n[[results]]\nyear = 2024\nscore = 74.96\nrank = 6\nof = 18\npublished = 2025-03-27\n\
                \n[[results]]\nyear = 2024\nindex = \"minh-bach\"\nscore = 7.2\npublished = 2025-03-27\n"
    );
    let status = test.run_with(&["status", "--format", "markdown"]);
    for line in [
        "- Kết quả chung năm 2023: xếp hạng thứ 9/18\n",
        "- Kết quả chung năm 2024 (công bố ngày 27/03/2025): 74,96 điểm, xếp hạng thứ 6/18\n",
    ] {
        assert!(status.stdout.contains(line), "{line}\n{}", status.stdout);
    }
    let report = test.run_with(&["report", "--year", "2024"]);
    for line in [
        "- tăng 2 bậc so với năm 2023: thứ 6/18 (kết quả DDCI năm 2024, công bố ngày 27/03/2025); mục tiêu tăng 2 bậc: đạt.\n",
        "- chỉ số Tính minh bạch đạt từ 7 điểm: 7,20 (kết quả DDCI năm 2024, công bố ngày 27/03/2025); mục tiêu tối thiểu 7,00 điểm: đạt.\n",
    ] {
        assert!(report.stdout.contains(line), "{line}\n{}", report.stdout);
    }
    // A result for an index the plan does not have: refused, nothing written.
    let wrong = test.run_with(&["result", "--index", "minh-bac", "--score", "7"]);
    assert_eq!(wrong.code, 2);
    assert!(
        wrong.stderr.contains("help: did you mean `minh-bach`?"),
        "{}",
        wrong.stderr
    );
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        written
    );
}

/// A unit's own report is signed by its head when the plan names them (a
/// deputy signing for the head as "KT."), else left for its head to sign.
#[test]
fn a_unit_s_report_is_signed_by_its_head() {
    let cases = [
        (
            "head = { title = \"Trưởng phòng\", name = \"Nguyễn Thị Hoa\" }\n",
            "\nTRƯỞNG PHÒNG — Nguyễn Thị Hoa\n",
        ),
        (
            "head = { title = \"Phó Trưởng phòng\", name = \"Trần Văn Nam\", signs_for = \"Trưởng phòng\" }\n",
            "\nKT. TRƯỞNG PHÒNG — PHÓ TRƯỞNG PHÒNG — Trần Văn Nam\n",
        ),
        ("", "\nTHỦ TRƯỞNG ĐƠN VỊ\n"),
    ];
    for (head, signature) in cases {
        let plan = SMALL_PLAN.replace("short = \"HC-TH\"\n", &format!("short = \"HC-TH\"\n{head}"));
        let run = Test::new()
            .plan(&plan)
            .env("DDCI_TODAY", "2024-07-10")
            .args([
                "report",
                "--quarter",
                "2",
                "--owner",
                "hc-th",
                "--format",
                "text",
            ])
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains(signature), "{head}: {}", run.stdout);
    }
}

/// A task with 100,000 records in the quarter: the report quotes each
/// unit's latest three and counts the rest, in the body and the appendix,
/// and says a repeated shortcoming once; the Word file is a few pages.
#[test]
fn a_task_with_a_hundred_thousand_records_gives_a_report_of_a_few_pages() {
    let at = SMALL_PLAN.find("[[targets]]").expect("the plan's targets");
    let mut plan = SMALL_PLAN[..at].to_owned();
    for n in 0..100_000 {
        let _ = std::fmt::Write::write_fmt(
            &mut plan,
            format_args!(
                "[[tasks.records]]\ndate = 2024-05-{:02}\nnote = \"Đăng tin số {n}\"\nby = \"hc-th\"\nshortcoming = \"Thiếu người\"\n\n",
                1 + n % 30
            ),
        );
    }
    plan.push_str(&SMALL_PLAN[at..]);
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-07-10");
    let run = test.run_with(&["report", "--quarter", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "- Phòng Hành chính - Tổng hợp: đăng tin số 99929 (ngày 30/05/2024); đăng tin số 99959 (ngày 30/05/2024); đăng tin số 99989 (ngày 30/05/2024); và 99.997 kết quả khác trong kỳ.\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("Thiếu người").count() + run.stdout.matches("thiếu người").count(),
        1
    );
    assert!(
        run.stdout.lines().count() < 150,
        "{}",
        run.stdout.lines().count()
    );
    let word = test.run_with(&["report", "--quarter", "2", "-o", "q2.docx"]);
    assert_eq!(word.code, 0, "{}", word.stderr);
    let size = std::fs::metadata(test.path().join("q2.docx"))
        .expect("the report")
        .len();
    assert!(size < 200_000, "{size} bytes");
}

/// (id, text, schedule, what `ddci record` is given)
type StateTask = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const STATE_TASKS: [StateTask; 9] = [
    (
        "1.1",
        "Nhiệm vụ đã hoàn thành",
        "{ kind = \"due\", due = 2024-05-31 }",
        &[
            "--status",
            "done",
            "--date",
            "2024-05-20",
            "--note",
            "Đã ban hành kế hoạch",
        ],
    ),
    (
        "1.2",
        "Nhiệm vụ đang thực hiện",
        "{ kind = \"ongoing\", text = \"Thường xuyên\" }",
        &[
            "--status",
            "in_progress",
            "--date",
            "2024-06-20",
            "--note",
            "Đăng 12 tin bài",
        ],
    ),
    (
        "1.3",
        "Nhiệm vụ chưa có báo cáo",
        "{ kind = \"ongoing\", text = \"Thường xuyên\" }",
        &[],
    ),
    (
        "1.4",
        "Nhiệm vụ quá hạn",
        "{ kind = \"due\", due = 2024-04-30 }",
        &["--status", "in_progress", "--date", "2024-06-20"],
    ),
    (
        "1.5",
        "Nhiệm vụ chưa đến thời gian",
        "{ kind = \"due\", start = 2024-10-01, due = 2024-12-31 }",
        &[],
    ),
    (
        "1.6",
        "Nhiệm vụ vướng mắc",
        "{ kind = \"due\", due = 2024-09-30 }",
        &[
            "--status",
            "blocked",
            "--date",
            "2024-06-10",
            "--note",
            "Chưa bố trí được kinh phí",
        ],
    ),
    (
        "1.7",
        "Nhiệm vụ hoàn thành trễ hạn",
        "{ kind = \"due\", due = 2024-04-15 }",
        &[
            "--status",
            "done",
            "--date",
            "2024-05-10",
            "--note",
            "Đã hoàn thành báo cáo",
        ],
    ),
    (
        "1.8",
        "Nhiệm vụ đã dừng",
        "{ kind = \"due\", due = 2024-09-30 }",
        &[
            "--status",
            "cancelled",
            "--date",
            "2024-06-05",
            "--note",
            "Không còn phù hợp",
        ],
    ),
    (
        "1.9",
        "Nhiệm vụ chưa thực hiện",
        "{ kind = \"due\", due = 2024-09-30 }",
        &["--status", "not_started", "--date", "2024-06-25"],
    ),
];

/// (id, II.2 item, appendix: time, result, progress, note)
type StateCase = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const STATE_CASES: [StateCase; 9] = [
    (
        "1.1",
        Some("đã ban hành kế hoạch (ngày 20/05/2024)."),
        "Trước ngày 31/05/2024",
        "(ngày 20/05/2024): Đã ban hành kế hoạch.",
        "Hoàn thành",
        "",
    ),
    (
        "1.2",
        Some("đăng 12 tin bài (ngày 20/06/2024)."),
        "Thường xuyên",
        "(ngày 20/06/2024): Đăng 12 tin bài.",
        "Đang thực hiện",
        "",
    ),
    ("1.3", None, "Thường xuyên", "", "Chưa có báo cáo", ""),
    // 30/04 is a holiday: the deadline moves to the next working day.
    (
        "1.4",
        None,
        "Trước ngày 02/05/2024",
        "(ngày 20/06/2024): Đang thực hiện.",
        "Chưa hoàn thành trễ hạn",
        "hạn 02/05/2024",
    ),
    (
        "1.5",
        None,
        "Từ ngày 01/10/2024 đến ngày 31/12/2024",
        "",
        "Chưa đến thời gian thực hiện",
        "",
    ),
    (
        "1.6",
        Some(
            "gặp vướng mắc khi thực hiện việc nhiệm vụ vướng mắc: chưa bố trí được kinh phí (ngày 10/06/2024).",
        ),
        "Trước ngày 30/09/2024",
        "(ngày 10/06/2024): Chưa bố trí được kinh phí.",
        "Vướng mắc",
        "",
    ),
    (
        "1.7",
        Some("đã hoàn thành báo cáo (ngày 10/05/2024)."),
        "Trước ngày 15/04/2024",
        "(ngày 10/05/2024): Đã hoàn thành báo cáo.",
        "Hoàn thành trễ hạn",
        "",
    ),
    (
        "1.8",
        Some("dừng thực hiện việc nhiệm vụ đã dừng: không còn phù hợp (ngày 05/06/2024)."),
        "Trước ngày 30/09/2024",
        "(ngày 05/06/2024): Không còn phù hợp.",
        "Dừng thực hiện",
        "",
    ),
    (
        "1.9",
        None,
        "Trước ngày 30/09/2024",
        "(ngày 25/06/2024): Chưa thực hiện.",
        "Chưa thực hiện",
        "",
    ),
];

/// A table of every task state and what the report says of it: the body's
/// II.2 item (or none), the appendix row's progress (markdown and CSV alike),
/// and whether it is counted among the tasks with no report. Q2 of a plan
/// whose nine tasks are each in one state on 30/06/2024.
#[test]
fn each_task_state_is_said_the_same_in_the_body_and_the_appendix() {
    let tasks = STATE_TASKS;
    let mut plan = String::from(
        "[plan]\ntitle = \"Kế hoạch thử\"\nagency = \"Sở Khoa học và Công nghệ\"\nprovince = \"Kon Tum\"\nyear = 2024\n\n\
                    [[units]]\nid = \"hc-th\"\nname = \"Phòng Hành chính - Tổng hợp\"\nshort = \"HC-TH\"\n\n\
                    [[indices]]\nid = \"minh-bach\"\nname = \"Tính minh bạch\"\n",
    );
    for (id, text, schedule, _) in &tasks {
        let _ = write!(
            plan,
            "\n[[tasks]]\nid = \"{id}\"\nindex = \"minh-bach\"\ntext = \"{text}\"\nlead = [\"hc-th\"]\nschedule = {schedule}\n"
        );
    }
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-06-30");
    for (id, _, _, record) in &tasks {
        if record.is_empty() {
            continue;
        }
        let mut args = vec!["record", id, "--by", "hc-th"];
        args.extend_from_slice(record);
        let run = test.run_with(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    let markdown = test.run_with(&["report", "--quarter", "2", "--format", "markdown"]);
    let csv = test.run_with(&["report", "--quarter", "2", "--format", "csv"]);
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    let hc_th = "Phòng Hành chính - Tổng hợp";
    // (id, II.2 item, appendix: time, result, progress, note)
    let cases = STATE_CASES;
    for (number, (id, item, time, result, progress, note)) in cases.iter().enumerate() {
        let text = tasks.iter().find(|task| task.0 == *id).expect("task").1;
        if let Some(item) = item {
            let line = format!("\n- {hc_th}: {item}\n");
            assert!(
                markdown.stdout.contains(&line),
                "{id}: {line}\n{}",
                markdown.stdout
            );
        }
        let result = if result.is_empty() {
            String::new()
        } else {
            format!("{hc_th} {result}")
        };
        let row = format!(
            "| {} | {text} | HC-TH |  | {time} | {result} | {progress} | {note} |",
            number + 1
        );
        assert!(
            markdown.stdout.lines().any(|line| line == row),
            "{id}: {row}\n{}",
            markdown.stdout
        );
        let csv_row = format!(
            "1. Chỉ số Tính minh bạch,{},{text},HC-TH,,{time},{result},{progress},{note}",
            number + 1
        );
        assert!(
            csv.stdout.lines().any(|line| line == csv_row),
            "{id}: {csv_row}\n{}",
            csv.stdout
        );
    }
    // Only the ongoing task with nothing recorded is counted as unreported;
    // the one not begun owes nothing yet.
    for said in [
        "Còn 01 nhiệm vụ chưa có báo cáo kết quả trong kỳ (chỉ số Tính minh bạch: 01; chi tiết tại Phụ lục).\n",
        "- Hoàn thành trong kỳ 02 nhiệm vụ: Nhiệm vụ đã hoàn thành; Nhiệm vụ hoàn thành trễ hạn.\n",
        "- Quá hạn, chưa hoàn thành: Nhiệm vụ quá hạn; hạn 02/05/2024.\n",
        "- Gặp vướng mắc: Nhiệm vụ vướng mắc.\n",
        // Due next quarter: the blocked task once, among those to unblock.
        "- Hoàn thành nhiệm vụ chưa thực hiện (hạn 30/09/2024).\n- Khẩn trương hoàn thành: Nhiệm vụ quá hạn.\n- Tháo gỡ vướng mắc để thực hiện: Nhiệm vụ vướng mắc.\n",
    ] {
        assert!(
            markdown.stdout.contains(said),
            "{said}\n{}",
            markdown.stdout
        );
    }
    for never in ["Hoàn thành nhiệm vụ vướng mắc", "chưa đạt", "không đạt"] {
        assert!(
            !markdown.stdout.contains(never),
            "{never}\n{}",
            markdown.stdout
        );
    }
}

/// A unit with nothing recorded in the period (#26, a new user's run): its
/// own report says it recorded nothing, not that "no unit" did, and gives
/// its achievements as "nothing recorded", not an empty heading.
#[test]
fn a_unit_with_nothing_recorded_says_so_in_its_own_words() {
    let run = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "report",
            "--quarter",
            "3",
            "--owner",
            "qlkh",
        ])
        .env("DDCI_TODAY", "2024-10-05")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for said in [
        "Trong kỳ, Phòng Quản lý Khoa học chưa ghi nhận kết quả thực hiện.",
        "### 1. Kết quả đạt được\n\nChưa có kết quả được ghi nhận trong kỳ.\n",
    ] {
        assert!(run.stdout.contains(said), "{said}\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("chưa có đơn vị nào"), "{}", run.stdout);
}
