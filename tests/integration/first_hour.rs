//! A newcomer's first hour: the README's first command, finding ids, typing
//! Vietnamese, a plan named by `DDCI_PLAN`, `init`, and `--help`.

use crate::harness::{SMALL_PLAN, Test, example_plan_path, repo_root};

/// The arguments of the README's first command (`cargo run --release -- …`).
fn readme_first_command() -> Vec<String> {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README");
    let block = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a first sh block");
    let line = block
        .lines()
        .find_map(|line| line.strip_prefix("cargo run --release -- "))
        .expect("the first command runs ddci");
    let command = line.split('#').next().unwrap_or_default();
    command.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn the_readme_s_first_command_shows_the_tool_at_work() {
    let args = readme_first_command();
    let run = Test::new()
        .current_dir(&repo_root().display().to_string())
        .args(args.iter().map(String::as_str))
        .run_without_env("DDCI_TODAY");
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(
        run.stdout
            .contains("\n# BÁO CÁO\n\nKết quả thực hiện Kế hoạch khắc phục"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("(DDCI) Quý II năm 2024\n"),
        "{}",
        run.stdout
    );
    // It judges things: targets met and not, tasks under way and unreported.
    for said in [": đạt.", "chưa đạt", "Đang thực hiện", "Chưa có báo cáo"] {
        assert!(run.stdout.contains(said), "{said}");
    }
}

#[test]
fn ids_can_be_looked_up() {
    let run = Test::new()
        .plan(SMALL_PLAN)
        .args(["list", "tasks"])
        .env("COLUMNS", "80")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Nhiệm vụ

┌─────┬───────────────────────────────────────────┬────────────────┐
│ Mã  ┆ Nhiệm vụ                                  ┆ Đơn vị chủ trì │
╞═════╪═══════════════════════════════════════════╪════════════════╡
│ 1.1 ┆ Đẩy mạnh công tác thông tin, tuyên truyền ┆ HC-TH          │
└─────┴───────────────────────────────────────────┴────────────────┘
"
    );
}

#[test]
fn task_states_may_be_typed_in_vietnamese_even_decomposed() {
    for word in [
        "vướng mắc",
        "vu\u{31b}o\u{31b}\u{301}ng ma\u{306}\u{301}c",
        "blocked",
    ] {
        let run = Test::new()
            .args(["--plan", &example_plan_path()])
            .args(["status", "--status", word, "--format", "json"])
            .env("DDCI_TODAY", "2024-09-30")
            .run();
        assert_eq!(run.code, 0, "{word}: {}", run.stderr);
        let status: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(status["summary"]["tasks"]["blocked"], 1, "{word}");
        assert_eq!(status["summary"]["tasks"]["total"], 1, "{word}");
    }
}

#[test]
fn a_plan_named_by_ddci_plan_is_said_to_be() {
    let run = Test::new()
        .env("DDCI_PLAN", "/nowhere/plan.toml")
        .args(["validate"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: the plan `/nowhere/plan.toml` is named by DDCI_PLAN: cannot read the plan"
        ),
        "{}",
        run.stderr
    );
    // An empty DDCI_PLAN is as if it were not set.
    let run = Test::new()
        .plan(SMALL_PLAN)
        .env("DDCI_PLAN", "")
        .args(["validate"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_date_error_says_both_ways_to_write_one() {
    let run = Test::new()
        .plan(SMALL_PLAN)
        .args(["record", "1.1", "--note", "x", "--date", "31/6/2024"])
        .run();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "`31/6/2024` is not a date; write it as dd/mm/yyyy or yyyy-mm-dd, e.g. 30/06/2024 or 2024-06-30"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn init_writes_where_it_is_told_and_says_how_to_go_on() {
    let test = Test::new();
    let run = test.run_with(&["init", "plans/2025.toml", "--year", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Created plans/2025.toml and plans/plan.schema.json. Next: fill in each “…”, then run `ddci --plan plans/2025.toml validate`.\n"
    );
    // The command it names runs, and names the blanks: agency, province and
    // the province's committee above it, the sample task.
    let next = test.run_with(&["--plan", "plans/2025.toml", "validate"]);
    assert_eq!(next.code, 1, "{}", next.stderr);
    assert_eq!(
        next.stderr.matches("error[blank-to-fill-in]").count(),
        4,
        "{}",
        next.stderr
    );
    // --plan names the new plan too; an unrelated schema beside it is kept, with a word.
    std::fs::write(test.path().join("plan.schema.json"), "{}").expect("a schema of someone's");
    let run = test.run_with(&["--plan", "mine.toml", "init", "--year", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(test.path().join("mine.toml").exists());
    assert!(
        run.stderr
            .starts_with("note: ./plan.schema.json already exists and was left as it was"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_is_tidy() {
    let status = Test::new().args(["status", "--help"]).run();
    assert!(!status.stdout.contains("[default: table] [default: table]"));
    let report = Test::new().args(["report", "--help"]).run();
    let color = report.stdout.find("--color").expect("--color");
    let half = report.stdout.find("--half").expect("--half");
    let global = report.stdout.find("Global options:").expect("a heading");
    assert!(half < global && global < color, "{}", report.stdout);
}

#[test]
fn status_fits_the_terminal_it_is_shown_on() {
    for width in [80, 100, 120] {
        let run = Test::new()
            .args(["--plan", &example_plan_path(), "status"])
            .env("DDCI_TODAY", "2024-09-30")
            .env("COLUMNS", &width.to_string())
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let widest = run
            .stdout
            .lines()
            .max_by_key(|line| line.chars().count())
            .unwrap_or_default();
        assert!(
            widest.chars().count() <= width,
            "{width} columns: {} wide: {widest}",
            widest.chars().count()
        );
        // Index names are not broken into a word a line.
        assert!(run.stdout.contains("Tính minh bạch"), "{width}");
        // Ids are never broken: each target id stands whole in the table.
        for id in [
            "thanh-tra-1-lan-nam",
            "ca-phe-doanh-nghiep",
            "doi-thoai-doanh-nghiep",
        ] {
            assert!(run.stdout.contains(id), "{width}: {id} broken");
        }
    }
}

#[test]
fn help_has_help_of_its_own() {
    let run = Test::new().args(["help", "--help"]).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Print the help of ddci or of one of its commands\n")
    );
    let record = Test::new().args(["help", "record"]).run();
    let same = Test::new().args(["record", "--help"]).run();
    assert_eq!(record.code, 0);
    assert!(record.stdout.contains("Usage: ddci record [OPTIONS] <ID>"));
    assert_eq!(record.stdout, same.stdout);

    let typo = Test::new().args(["help", "recrd"]).run();
    assert_eq!(typo.code, 2);
    assert_eq!(
        typo.stderr,
        "error: there is no command `recrd`\nhelp: did you mean `record`?\n"
    );
    let unknown = Test::new().args(["help", "bogus"]).run();
    assert_eq!(unknown.code, 2);
    assert_eq!(
        unknown.stderr,
        "error: there is no command `bogus`\nhelp: the commands are: validate, record, status, \
         report, form, import, result, calendar, rollup, list, init, help, schema, completions, man\n"
    );
}

#[test]
fn vietnamese_words_in_capitals_are_the_same_words() {
    let run = Test::new()
        .args(["--plan", &example_plan_path()])
        .args(["status", "--status", "VƯỚNG MẮC", "--format", "json"])
        .env("DDCI_TODAY", "2024-09-30")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = Test::new()
        .plan(SMALL_PLAN)
        .args(["record", "1.1", "--status", "HOÀN THÀNH", "--dry-run"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("status = \"done\""), "{}", run.stdout);
}

/// `ddci list units` names each unit's kind in the list's language, not by
/// the plan's key.
#[test]
fn a_unit_s_kind_is_listed_in_the_reader_s_language() {
    let plan = crate::harness::bundled_plan_path();
    let vi = Test::new().args(["--plan", &plan, "list", "units"]).run();
    assert_eq!(vi.code, 0, "{}", vi.stderr);
    for kind in [
        "lãnh đạo",
        "phòng, văn phòng",
        "thanh tra",
        "đơn vị sự nghiệp",
        "nhóm đơn vị",
    ] {
        assert!(vi.stdout.contains(kind), "{kind}\n{}", vi.stdout);
    }
    for key in ["leadership", "office", "inspectorate", "centre"] {
        assert!(!vi.stdout.contains(key), "{key}\n{}", vi.stdout);
    }
    let en = Test::new()
        .args(["--plan", &plan, "list", "units", "--lang", "en"])
        .run();
    assert!(en.stdout.contains("inspectorate"), "{}", en.stdout);
}

/// `record don-vi-bao-cao --by …` needs a duty's id, and `ddci list` never
/// showed one; `list duties` was refused (#29).
#[test]
fn list_shows_the_reporting_duties_whose_ids_record_takes() {
    let test = Test::new()
        .plan(crate::forms::FORM_PLAN)
        .env("COLUMNS", "80");
    let run = test.run_with(&["list", "duties"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Nhiệm vụ báo cáo

┌─────────────┬────────────────┬───────────────────┬────────┐
│ Mã          ┆ Đơn vị báo cáo ┆ Kỳ báo cáo        ┆ Gửi về │
╞═════════════╪════════════════╪═══════════════════╪════════╡
│ bao-cao-quy ┆ Thanh tra Sở   ┆ quý, 6 tháng, năm ┆ HC-TH  │
└─────────────┴────────────────┴───────────────────┴────────┘
"
    );
    // The same table closes the whole list, and `reporting` names it too.
    assert!(test.run_with(&["list"]).stdout.ends_with(&run.stdout));
    assert_eq!(test.run_with(&["list", "reporting"]).stdout, run.stdout);
}

/// `report --format text` wrapped at 100 columns whatever the terminal
/// (#29): on the screen it takes the screen's width; in a file, 100.
#[test]
fn text_wraps_to_the_terminal() {
    let widest = |text: &str| text.lines().map(|line| line.chars().count()).max();
    let test = Test::new().plan(SMALL_PLAN).env("COLUMNS", "60");
    let run = test.run_with(&["report", "--quarter", "2", "--format", "text"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(widest(&run.stdout), Some(60));
    let written = test.run_with(&[
        "report",
        "--quarter",
        "2",
        "--format",
        "text",
        "-o",
        "r.txt",
    ]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let file = std::fs::read_to_string(test.path().join("r.txt")).expect("report");
    assert!(widest(&file) > Some(60), "{file}");
    assert!(widest(&file) <= Some(100), "{file}");
}

/// The Markdown report on a terminal showed `KH\&CN` and `<br>` (#29): on
/// a terminal (a pseudo-terminal made by `script`), the report is text;
/// into a pipe, Markdown as before.
#[test]
fn a_document_on_a_terminal_is_shown_as_text() {
    let test = Test::new().plan(SMALL_PLAN).env("COLUMNS", "80");
    let ddci = env!("CARGO_BIN_EXE_ddci");
    let on_screen = std::process::Command::new("script")
        .args(["-qec", &format!("'{ddci}' report --quarter 2"), "/dev/null"])
        .current_dir(test.path())
        .env("DDCI_TODAY", "2024-12-31")
        .env("DDCI_LANG", "en")
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .env_remove("DDCI_PLAN")
        .output()
        .expect("util-linux's script, which CI installs");
    let shown = String::from_utf8_lossy(&on_screen.stdout);
    assert!(on_screen.status.success(), "{shown}");
    assert!(shown.contains("BÁO CÁO\r\n═══════"), "{shown}");
    assert!(!shown.contains("# BÁO CÁO"), "{shown}");
    let piped = test.run_with(&["report", "--quarter", "2"]);
    assert!(piped.stdout.contains("# BÁO CÁO"), "{}", piped.stdout);
}

/// `result --year 2024 --rank 6 --of 18` left "tăng 4 bậc" as "Chưa có số
/// liệu" without saying the baseline is missing (#29): status and the year
/// report say what is lacking; with the baseline entered, it is judged.
#[test]
fn a_target_whose_baseline_is_missing_says_so() {
    let plan = format!(
        "{SMALL_PLAN}\n[[targets]]\nid = \"tang-4-bac\"\nkind = \"rank_improvement\"\n\
         text = \"Tăng 4 bậc so với năm 2023\"\nmeasure = \"Thứ hạng DDCI\"\nplaces = 4\n"
    );
    let test = Test::new()
        .plan(&plan)
        .env("DDCI_TODAY", "2025-04-01")
        .env("DDCI_LANG", "vi")
        .env("COLUMNS", "200");
    let entered = test.run_with(&[
        "result",
        "--year",
        "2024",
        "--rank",
        "6",
        "--of",
        "18",
        "--published",
        "2025-03-27",
    ]);
    assert_eq!(entered.code, 0, "{}", entered.stderr);
    let status = test.run_with(&["status", "--as-of", "2024-12-31"]);
    assert!(
        status
            .stdout
            .contains("Chưa có số liệu (thiếu thứ hạng năm trước để so sánh)"),
        "{}",
        status.stdout
    );
    let report = test.run_with(&["report", "--year", "2024"]);
    assert!(
        report.stdout.contains(
            "mục tiêu tăng 4 bậc: chưa đánh giá được (thiếu thứ hạng năm trước để so sánh)."
        ),
        "{}",
        report.stdout
    );
    let english = test.run_with(&["status", "--as-of", "2024-12-31", "--lang", "en"]);
    assert!(
        english
            .stdout
            .contains("No data (the previous year's rank is missing)"),
        "{}",
        english.stdout
    );
    let baseline = test.run_with(&[
        "result",
        "--year",
        "2023",
        "--rank",
        "11",
        "--of",
        "18",
        "--published",
        "2024-03-20",
    ]);
    assert_eq!(baseline.code, 0, "{}", baseline.stderr);
    let judged = test.run_with(&["status", "--as-of", "2024-12-31"]);
    assert!(
        !judged.stdout.contains("thiếu thứ hạng"),
        "{}",
        judged.stdout
    );
    assert!(judged.stdout.contains("Đạt"), "{}", judged.stdout);
}

/// PowerShell and `cmd` pass `phieu/*.xlsx` unexpanded (#29, portable code):
/// import expands it itself, in name order; a pattern that matches nothing
/// is named as a file that cannot be read.
#[test]
fn import_expands_a_pattern_the_shell_left_as_typed() {
    let test = Test::new()
        .plan(crate::forms::FORM_PLAN)
        .env("DDCI_TODAY", "2024-07-03");
    let made = test.run_with(&["form", "--all", "--quarter", "2", "-o", "phieu"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let run = test.run_with(&["import", "phieu/*.xlsx", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "hc-th-2024-Q2.xlsx (Phòng Hành chính - Tổng hợp, Quý II/2024): no row is filled in\n\
         thanh-tra-2024-Q2.xlsx (Thanh tra Sở, Quý II/2024): no row is filled in\n\
         Nothing to add to plan.toml.\n"
    );
    let none = test.run_with(&["import", "phieu/*.csv"]);
    assert_eq!(none.code, 1, "{}", none.stderr);
    assert!(
        none.stderr.starts_with("error: cannot read `phieu/*.csv`"),
        "{}",
        none.stderr
    );
}

/// `kind = "percent"` got "did you mean `percent_at_most`?", which turns the
/// goal upside down (#29): a word that begins several kinds names them all.
#[test]
fn percent_is_met_with_both_directions_not_the_nearer_one() {
    let plan = format!(
        "{SMALL_PLAN}\n[[targets]]\nid = \"ty-le\"\nkind = \"percent\"\npercent = 80\ntext = \"Tỷ lệ đạt 80%\"\n"
    );
    let run = Test::new().plan(&plan).args(["validate"]).run();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("did you mean `percent_at_least` or `percent_at_most`?"),
        "{}",
        run.stderr
    );
}

/// `status --owner thanh-tra` never said it was Thanh tra's view (#29).
#[test]
fn a_filtered_status_says_its_filter() {
    let run = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "status",
            "--owner",
            "thanh-tra",
            "--lead-only",
        ])
        .args(["--format", "markdown"])
        .env("DDCI_TODAY", "2024-09-30")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("- Phạm vi: nhiệm vụ Thanh tra Sở chủ trì\n"),
        "{}",
        run.stdout
    );
}

/// `record 1.1 --status done` on ongoing work was accepted silently while
/// status still said "Đang thực hiện" (#29): it is recorded as this round
/// carried out, and ddci says so and what the task stays.
#[test]
fn an_ongoing_task_done_is_said_to_be_carried_out_not_finished() {
    let test = Test::new().plan(SMALL_PLAN).env("DDCI_LANG", "vi");
    let run = test.run_with(&["record", "1.1", "--status", "done", "--date", "2024-05-02"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(
            "lưu ý: 1.1 là nhiệm vụ thường xuyên: “hoàn thành” được ghi là “Đã thực hiện” lần này; nhiệm vụ vẫn “Đang thực hiện”\n"
        ),
        "{}",
        run.stdout
    );
}

/// `init dak-ha-2025.toml --template district` made a 2026 plan headed
/// "Tên tỉnh", and a department's left its parent agency as dots though the
/// province was given (#29): the year the file's name says, the province's
/// committee above, no district after districts ended.
#[test]
fn init_takes_the_year_its_file_name_says_and_the_province_above() {
    let test = Test::new().env("DDCI_TODAY", "2026-12-08");
    let run = test.run_with(&[
        "init",
        "dak-ha-2025.toml",
        "--template",
        "district",
        "--province",
        "Kon Tum",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("The plan is for 2025, as its file name says."),
        "{}",
        run.stdout
    );
    let plan = std::fs::read_to_string(test.path().join("dak-ha-2025.toml")).expect("plan");
    assert!(
        plan.contains(
            "province = \"Kon Tum\"\nparent_agency = \"UBND tỉnh Kon Tum\"\nyear = 2025\n"
        ),
        "{plan}"
    );
    assert!(!plan.contains("Tên tỉnh"), "{plan}");
    // The report keys are there, with their meaning, to fill in.
    assert!(plan.contains("# [plan.report]\n"), "{plan}");
    assert!(
        plan.contains("# signed_by = { title = \"Giám đốc\", name = \"…\" }\n"),
        "{plan}"
    );
    let district_2026 = test.run_with(&["init", "huyen.toml", "--template", "district"]);
    assert_eq!(district_2026.code, 2);
    assert!(
        district_2026.stderr.starts_with(
            "error: districts ended on 1 July 2025: there is no district plan for 2026"
        ),
        "{}",
        district_2026.stderr
    );
}

/// What each kind of comparison says when its figure is there and what it is
/// compared with is not, in both languages (#29: the baseline missing).
#[test]
fn each_missing_comparison_is_named_in_both_languages() {
    let plan = format!(
        "{SMALL_PLAN}\n[[targets]]\nid = \"tang-diem\"\nkind = \"score_change_at_least\"\n\
         index = \"minh-bach\"\npoints = 1\ntext = \"Tăng 1 điểm\"\n\n\
         [[targets]]\nid = \"tren-trung-vi\"\nkind = \"above_reference\"\nindex = \"minh-bach\"\n\
         reference = \"median\"\ntext = \"Không thấp hơn điểm trung vị\"\n"
    );
    let test = Test::new()
        .plan(&plan)
        .env("DDCI_TODAY", "2025-04-01")
        .env("COLUMNS", "250");
    let entered = test.run_with(&[
        "result",
        "--year",
        "2024",
        "--index",
        "minh-bach",
        "--score",
        "7",
        "--published",
        "2025-03-27",
    ]);
    assert_eq!(entered.code, 0, "{}", entered.stderr);
    let cases = [
        ("vi", "thiếu điểm số năm trước để so sánh"),
        ("vi", "chưa công bố điểm trung vị của nhóm"),
        ("en", "the previous year's score is missing"),
        ("en", "the group's median is not published"),
    ];
    for (language, said) in cases {
        let run = test.run_with(&["status", "--as-of", "2024-12-31", "--lang", language]);
        assert!(
            run.stdout.contains(said),
            "{language}: {said}\n{}",
            run.stdout
        );
    }
}
