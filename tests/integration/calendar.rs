//! `ddci calendar`: the year's dates of the bundled plan and each unit's
//! report deadlines in the example, in table, JSON and iCalendar form; the
//! iCalendar file read back by an independent parser (Python's icalendar,
//! which `.ci/run` installs from Debian).

use std::path::PathBuf;

use serde_json::Value;

use crate::harness::{Test, bundled_plan_path, example_plan_path};

/// The 2024 citizen receptions: the Wednesday of the last week of each month.
const RECEPTION_DAYS: [&str; 12] = [
    "2024-01-31",
    "2024-02-28",
    "2024-03-27",
    "2024-04-24",
    "2024-05-29",
    "2024-06-26",
    "2024-07-31",
    "2024-08-28",
    "2024-09-25",
    "2024-10-30",
    "2024-11-27",
    "2024-12-25",
];

fn json_of(run: &crate::harness::Run) -> Value {
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("calendar JSON")
}

/// The calendar of the bundled plan's whole year, as JSON, on `today`.
fn bundled_year(today: &str) -> Value {
    json_of(
        &Test::new()
            .args(["--plan", &bundled_plan_path(), "calendar"])
            .args([
                "--from",
                "2024-01-01",
                "--to",
                "2024-12-31",
                "--format",
                "json",
            ])
            .env("DDCI_TODAY", today)
            .run(),
    )
}

fn events(json: &Value) -> &Vec<Value> {
    json["events"].as_array().expect("events")
}

fn field<'a>(event: &'a Value, key: &str) -> &'a str {
    event[key].as_str().unwrap_or("")
}

#[test]
fn citizen_reception_is_on_the_last_wednesday_of_every_month_in_table_and_json() {
    let json = bundled_year(crate::harness::TEST_TODAY);
    let days: Vec<&str> = events(&json)
        .iter()
        .filter(|event| field(event, "subject") == "7.2")
        .map(|event| field(event, "date"))
        .collect();
    assert_eq!(days, RECEPTION_DAYS);

    let table = Test::new()
        .args([
            "--plan",
            &bundled_plan_path(),
            "calendar",
            "--owner",
            "thanh-tra",
        ])
        .args([
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--format",
            "markdown",
        ])
        .run();
    assert_eq!(table.code, 0, "{}", table.stderr);
    let rows: Vec<&str> = table
        .stdout
        .lines()
        .filter(|line| line.contains("Tiếp công dân"))
        .collect();
    // Titled by the plan's short name for the task.
    let expected: Vec<String> = [
        "31/01", "28/02", "27/03", "24/04", "29/05", "26/06", "31/07", "28/08", "25/09", "30/10",
        "27/11", "25/12",
    ]
    .iter()
    .map(|day| {
        format!(
            "| T4 {day}/2024 | Tiếp công dân định kỳ tại Phòng tiếp dân của Sở | Thanh tra Sở | \
             Đã qua, chưa ghi nhận |"
        )
    })
    .collect();
    assert_eq!(rows, expected, "{}", table.stdout);
}

#[test]
fn business_coffee_is_monthly_on_no_day_the_plan_names() {
    let json = bundled_year(crate::harness::TEST_TODAY);
    let coffee: Vec<(&str, &str)> = events(&json)
        .iter()
        .filter(|event| field(event, "subject") == "8.3")
        .map(|event| {
            (
                event["periods"][0].as_str().unwrap_or(""),
                field(event, "date"),
            )
        })
        .collect();
    // Each month's last working day: 31/03, 30/06 are Sundays, 31/08 and
    // 30/11 Saturdays; 29/04/2024 was given off (swapped for Saturday
    // 04/05) and 30/04 is a holiday, so April's is Friday 26/04.
    assert_eq!(
        coffee,
        [
            ("2024-01", "2024-01-31"),
            ("2024-02", "2024-02-29"),
            ("2024-03", "2024-03-29"),
            ("2024-04", "2024-04-26"),
            ("2024-05", "2024-05-31"),
            ("2024-06", "2024-06-28"),
            ("2024-07", "2024-07-31"),
            ("2024-08", "2024-08-30"),
            ("2024-09", "2024-09-30"),
            ("2024-10", "2024-10-31"),
            ("2024-11", "2024-11-29"),
            ("2024-12", "2024-12-31"),
        ]
    );
    let february = events(&json)
        .iter()
        .find(|event| field(event, "uid").starts_with("occurrence/8.3/2024-02@"))
        .expect("February's coffee");
    assert!(
        field(february, "title").ends_with("(trong tháng 2/2024; kế hoạch không nêu ngày)"),
        "{}",
        field(february, "title")
    );
}

#[test]
fn the_bundled_plan_sets_no_due_date_so_its_reports_are_awaited_never_late() {
    let json = bundled_year("2024-10-08");
    let reports: Vec<(&str, &str, &str)> = events(&json)
        .iter()
        .filter(|event| field(event, "subject") == "don-vi-bao-cao")
        .map(|event| {
            (
                field(event, "kind"),
                field(event, "date"),
                field(event, "state"),
            )
        })
        .collect();
    assert_eq!(
        reports,
        [
            ("report_cutoff", "2024-03-31", "awaited"),
            ("report_cutoff", "2024-06-30", "awaited"),
            ("report_cutoff", "2024-09-30", "awaited"),
            ("report_cutoff", "2024-12-31", "upcoming"),
        ]
    );
    // Any unit may send for a group whose members the plan does not list:
    // each unit's calendar shows the group's reports, as does the office's.
    for unit in ["thanh-tra", "hc-th"] {
        let owner = json_of(
            &Test::new()
                .args(["--plan", &bundled_plan_path(), "calendar", "--owner", unit])
                .args([
                    "--from",
                    "2024-06-30",
                    "--to",
                    "2024-06-30",
                    "--format",
                    "json",
                ])
                .run(),
        );
        let kinds: Vec<&str> = events(&owner)
            .iter()
            .map(|event| field(event, "kind"))
            .collect();
        assert!(kinds.contains(&"report_cutoff"), "{unit}: {kinds:?}");
    }
    let june = events(&json)
        .iter()
        .find(|event| {
            field(event, "date") == "2024-06-30" && field(event, "kind") == "report_cutoff"
        })
        .expect("June's report");
    assert_eq!(
        field(june, "title"),
        "Các phòng chuyên môn, đơn vị trực thuộc Sở: hết kỳ báo cáo Quý II và 6 tháng đầu \
         năm 2024, gửi báo cáo về Phòng Hành chính - Tổng hợp (kế hoạch không quy định hạn gửi)"
    );
}

/// Each unit's report deadlines in the example (due 5 days after each
/// period, an illustrative figure), and what each sent, on 8 October 2024.
#[test]
fn each_unit_s_report_deadlines_with_what_it_sent() {
    let json = json_of(
        &Test::new()
            .args(["--plan", &example_plan_path(), "calendar"])
            .args([
                "--from",
                "2024-01-01",
                "--to",
                "2025-01-31",
                "--format",
                "json",
            ])
            .env("DDCI_TODAY", "2024-10-08")
            .run(),
    );
    let mut deadlines: Vec<String> = events(&json)
        .iter()
        .filter(|event| field(event, "kind") == "report_due")
        .map(|event| {
            format!(
                "{} {} {} {}",
                event["units"][0].as_str().unwrap_or(""),
                field(event, "date"),
                field(event, "state"),
                field(event, "recorded_on"),
            )
        })
        .collect();
    deadlines.sort();
    assert_eq!(
        deadlines,
        [
            "qlcn 2024-04-05 done 2024-04-03",
            "qlcn 2024-07-05 done 2024-07-04",
            "qlcn 2024-10-07 late ",
            "qlcn 2025-01-06 upcoming ",
            "qlkh 2024-04-05 done 2024-04-03",
            // Sent on the due day itself: on time.
            "qlkh 2024-07-05 done 2024-07-05",
            "qlkh 2024-10-07 late ",
            "qlkh 2025-01-06 upcoming ",
            "tc-dl-cl 2024-04-05 done 2024-04-03",
            "tc-dl-cl 2024-07-05 done 2024-07-02",
            "tc-dl-cl 2024-10-07 late ",
            "tc-dl-cl 2025-01-06 upcoming ",
            "thanh-tra 2024-04-05 done 2024-04-03",
            "thanh-tra 2024-07-05 done 2024-07-03",
            "thanh-tra 2024-10-07 late ",
            "thanh-tra 2025-01-06 upcoming ",
            "trung-tam 2024-04-05 done_late 2024-04-08",
            "trung-tam 2024-07-05 late ",
            "trung-tam 2024-10-07 late ",
            "trung-tam 2025-01-06 upcoming ",
        ]
    );

    let table = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "calendar",
            "--owner",
            "trung-tam",
        ])
        .args([
            "--from",
            "2024-07-01",
            "--to",
            "2024-10-08",
            "--format",
            "markdown",
        ])
        .env("DDCI_TODAY", "2024-10-08")
        .run();
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert_eq!(
        table.stdout,
        "# Lịch công việc từ 01/07/2024 đến 08/10/2024\n\n\
         Kế hoạch: Kế hoạch khắc phục các chỉ số thành phần nhằm nâng cao năng lực cạnh tranh của \
         Sở Khoa học và Công nghệ (DDCI) năm 2024 — tính đến ngày 08/10/2024\n\n\
         ## Theo ngày\n\n\
         | Ngày | Việc | Đơn vị | Tình trạng |\n\
         | --- | --- | --- | --- |\n\
         | T6 05/07/2024 | Trung tâm Nghiên cứu, Ứng dụng và dịch vụ KH\\&CN: hạn gửi báo cáo Quý \
         II và 6 tháng đầu năm 2024 về Phòng Hành chính - Tổng hợp | Trung tâm NC \
         UD\\&DVKHCN | Quá hạn, chưa ghi nhận |\n\
         | T2 07/10/2024 | Trung tâm Nghiên cứu, Ứng dụng và dịch vụ KH\\&CN: hạn gửi báo cáo Quý \
         III/2024 về Phòng Hành chính - Tổng hợp | Trung tâm NC UD\\&DVKHCN | Quá hạn, chưa ghi \
         nhận |\n"
    );
}

#[test]
fn a_report_recorded_as_sent_is_no_longer_late_in_calendar_and_status() {
    let plan = std::fs::read_to_string(example_plan_path()).expect("example");
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-10-08");
    let recorded = test.run_with(&[
        "record",
        "don-vi-bao-cao",
        "--by",
        "trung-tam",
        "--period",
        "2024-q3",
        "--date",
        "2024-10-08",
        "--evidence",
        "Báo cáo số 30/BC-TT",
    ]);
    assert_eq!(recorded.code, 0, "{}", recorded.stderr);
    let written = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    assert_eq!(
        written.replacen(
            "[[reporting.records]]\ndate = 2024-10-08\nperiod = \"2024-Q3\"\nby = \"trung-tam\"\n\
             evidence = \"Báo cáo số 30/BC-TT\"\n\n",
            "",
            1
        ),
        plan,
        "only the new record was added"
    );
    let json = json_of(&test.run_with(&[
        "calendar",
        "--from",
        "2024-10-07",
        "--to",
        "2024-10-07",
        "--owner",
        "trung-tam",
        "--format",
        "json",
    ]));
    let states: Vec<(&str, &str)> = events(&json)
        .iter()
        .map(|event| (field(event, "state"), field(event, "recorded_on")))
        .collect();
    assert_eq!(states, [("done_late", "2024-10-08")]);
    let status = test.run_with(&["status", "--owner", "trung-tam", "--format", "markdown"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    let reports = status
        .stdout
        .split_once("## Báo cáo định kỳ\n\n")
        .expect("a reports section")
        .1;
    assert_eq!(
        reports,
        "Đã gửi 2/3 báo cáo đã hết kỳ; quá hạn chưa gửi: 1.\n\n\
         | Đơn vị | Kỳ báo cáo | Hạn gửi | Tình trạng |\n\
         | --- | --- | --- | --- |\n\
         | Trung tâm NC UD\\&DVKHCN | Quý I/2024 | 05/04/2024 | Gửi trễ hạn 08/04/2024 |\n\
         | Trung tâm NC UD\\&DVKHCN | Quý II và 6 tháng đầu năm 2024 | 05/07/2024 | Quá hạn, \
         chưa ghi nhận đã gửi |\n\
         | Trung tâm NC UD\\&DVKHCN | Quý III/2024 | 07/10/2024 | Gửi trễ hạn 08/10/2024 |\n"
    );
}

#[test]
fn a_report_that_is_not_owed_is_refused_and_nothing_written() {
    let plan = std::fs::read_to_string(example_plan_path()).expect("example");
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-10-08");
    let cases: [(&[&str], &str); 4] = [
        (
            &["--by", "hc-th", "--period", "2024-Q3"],
            "error[not-a-reporter]: `hc-th` owes no report under this duty",
        ),
        (
            &["--by", "qlcn", "--period", "2024-09"],
            "error[period-not-owed]: this duty's reports are per quarter, half, year; `2024-09` is not one of them",
        ),
        (
            &["--period", "2024-Q3"],
            "error[filed-report-incomplete]: this filed report has no `by`",
        ),
        (
            &["--by", "qlcn", "--period", "Q3"],
            "error: invalid value 'Q3' for '--period <PERIOD>': `Q3` is not a period; write 2024, 2024-H1, 2024-Q2, 2024-9M, 2024-06 or 2024-W05",
        ),
    ];
    for (args, message) in cases {
        let mut command = vec!["record", "don-vi-bao-cao", "--date", "2024-10-07"];
        command.extend_from_slice(args);
        let run = test.run_with(&command);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with(message), "{args:?}: {}", run.stderr);
        let after = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
        assert!(after == plan, "{args:?} changed the plan");
    }
}

#[test]
fn the_window_is_the_next_30_days_or_the_whole_year_once_it_is_over() {
    let heading = |today: &str, extra: &[&str]| {
        let run = Test::new()
            .args([
                "--plan",
                &bundled_plan_path(),
                "calendar",
                "--format",
                "markdown",
            ])
            .args(extra.iter().copied())
            .env("DDCI_TODAY", today)
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.lines().next().unwrap_or("").to_owned()
    };
    assert_eq!(
        heading("2024-06-20", &[]),
        "# Lịch công việc từ 20/06/2024 đến 20/07/2024"
    );
    assert_eq!(
        heading("2026-11-28", &[]),
        "# Lịch công việc từ 01/01/2024 đến 31/12/2024"
    );
    assert_eq!(
        heading("2024-06-20", &["--from", "2024-12-20"]),
        "# Lịch công việc từ 20/12/2024 đến 19/01/2025"
    );
    let backwards = Test::new()
        .args(["--plan", &bundled_plan_path(), "calendar"])
        .args(["--from", "2024-05-01", "--to", "2024-04-01"])
        .run();
    assert_eq!(backwards.code, 2);
    assert_eq!(
        backwards.stderr,
        "error: --to 2024-04-01 is before --from 2024-05-01; the calendar would be empty\n\
         help: give the first day with --from and the last with --to\n"
    );
}

/// Debian's python3 with its icalendar package; the one on PATH may be
/// another (pyenv) without it.
pub fn python_with_icalendar() -> Option<PathBuf> {
    crate::harness::python_with(&["icalendar"])
}

#[test]
fn the_ics_file_reads_back_in_an_independent_parser_with_the_same_events() {
    let Some(python) = python_with_icalendar() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Python's icalendar: .ci/run installs python3-icalendar"
        );
        eprintln!("skipped: no python3 with icalendar (apt-get install python3-icalendar)");
        return;
    };
    let test = Test::new()
        .env("DDCI_TODAY", "2024-10-08")
        .env("SOURCE_DATE_EPOCH", "1728345600");
    let plan = example_plan_path();
    let calendar = |args: &[&str]| {
        let mut all = vec!["--plan", plan.as_str(), "calendar"];
        all.extend_from_slice(args);
        test.run_with(&all)
    };
    let ics = calendar(&["--format", "ics", "-o", "ddci.ics"]);
    assert_eq!(ics.code, 0, "{}", ics.stderr);
    let again = calendar(&["--format", "ics", "-o", "again.ics"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let first = std::fs::read(test.path().join("ddci.ics")).expect("ics");
    assert!(
        first == std::fs::read(test.path().join("again.ics")).expect("ics"),
        "two runs give the same bytes"
    );
    let json = json_of(&calendar(&[
        "--from",
        "2024-01-01",
        "--to",
        "2025-01-06",
        "--format",
        "json",
    ]));

    let parsed = crate::harness::python_reads(&python, "read_ics.py", &["ddci.ics"], test.path());
    let parsed = parsed.as_array().expect("events");
    let ours = events(&json);
    assert_eq!(parsed.len(), ours.len());
    assert_eq!(
        parsed.len(),
        12 + 12 + 5 * 4,
        "receptions, coffees, and 4 deadlines × 5 units, the last on Monday 6 January \
         (the 5th is a Sunday)"
    );
    for (theirs, ours) in parsed.iter().zip(ours) {
        assert_eq!(theirs["uid"], ours["uid"]);
        assert_eq!(theirs["start"], ours["date"]);
        assert_eq!(theirs["summary"], ours["title"]);
        assert_eq!(theirs["calscale"], "GREGORIAN");
        assert_eq!(theirs["dtstamp"], "2024-10-08T00:00:00+00:00");
        // All day: the end is the next day, exclusive.
        let start: chrono::NaiveDate = field(ours, "date").parse().expect("date");
        assert_eq!(theirs["end"], (start + chrono::Days::new(1)).to_string());
        // A reminder three days before each deadline not yet met.
        let expected_alarm = match (field(ours, "kind"), field(ours, "state")) {
            (_, "done" | "done_late" | "not_held") => Value::Null,
            ("report_due", _) => Value::from("-3 days, 0:00:00"),
            ("occurrence", _) => Value::from("-1 day, 0:00:00"),
            _ => Value::Null,
        };
        assert_eq!(theirs["alarm"], expected_alarm, "{}", field(ours, "uid"));
    }
    let uids: std::collections::BTreeSet<&str> = parsed
        .iter()
        .filter_map(|event| event["uid"].as_str())
        .collect();
    assert_eq!(uids.len(), parsed.len(), "UIDs are unique");

    // Without a fixed stamp, the file changes but every UID stays.
    let fresh = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "calendar",
            "--format",
            "ics",
        ])
        .env("DDCI_TODAY", "2024-10-08")
        .run();
    let fresh_uids: Vec<&str> = fresh
        .stdout
        .lines()
        .filter_map(|line| line.strip_prefix("UID:"))
        .collect();
    let first = String::from_utf8(first).expect("UTF-8");
    let first_uids: Vec<&str> = first
        .lines()
        .filter_map(|line| line.strip_prefix("UID:"))
        .collect();
    assert_eq!(fresh_uids, first_uids);
    assert!(
        first.lines().all(|line| line.len() <= 75),
        "lines fold at 75 octets"
    );
}

/// In a plan of several years, a recurring task of one year is held in that
/// year only, and a unit's form for another year does not list it.
#[test]
fn a_task_of_one_year_is_held_in_that_year_only() {
    let plan = crate::harness::SMALL_PLAN
        .replace("year = 2024\n", "year = 2023\nuntil = 2024\n")
        .replace(
            "schedule = { kind = \"ongoing\", text = \"Thường xuyên\" }",
            "year = 2024\nschedule = { kind = \"recurring\", every = \"week\", weekday = \"thursday\" }",
        );
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2025-01-10");
    let run = test.run_with(&[
        "calendar",
        "--from",
        "2022-12-01",
        "--to",
        "2025-01-31",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let days: Vec<&str> = events(&json)
        .iter()
        .filter(|event| event["kind"] == "occurrence")
        .filter_map(|event| event["date"].as_str())
        .collect();
    // The Thursdays of 2024: 4 January to 26 December, 52 of them.
    assert_eq!(
        (days.len(), days.first().copied(), days.last().copied()),
        (52, Some("2024-01-04"), Some("2024-12-26"))
    );
    let form = test.run_with(&[
        "form",
        "--owner",
        "hc-th",
        "--year",
        "2023",
        "-o",
        "2023.xlsx",
    ]);
    assert_eq!(form.code, 0, "{}", form.stderr);
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(test.path().join("2023.xlsx")).expect("form");
    let tasks = calamine::Reader::worksheet_range(&mut workbook, "Nhiệm vụ").expect("sheet");
    assert!(
        !tasks
            .rows()
            .any(|row| row.first().is_some_and(|cell| *cell == "1.1")),
        "the 2024 task is not in the 2023 form"
    );
    let outside = test.run_with(&["report", "--year", "2025"]);
    assert_eq!(
        (outside.code, outside.stderr.lines().next()),
        (
            2,
            Some(
                "error: year 2025 is outside the plan, which is for 2023–2024; nothing in it could be reported"
            )
        )
    );
}

/// Each state of an occurrence, as the calendar says it: July's reception
/// in the example is recorded as not held (Thanh tra recorded a count of 0
/// for July), August's and September's were held; on 31 December
/// October to December have nothing recorded, which is silence, not "not
/// held"; on 8 October, October's is still to come.
#[test]
fn an_occurrence_is_held_recorded_as_not_held_unrecorded_or_to_come() {
    let cases = [
        (
            "2024-10-08",
            [
                ("31/07", "Ghi nhận không tổ chức"),
                ("28/08", "Đã thực hiện (28/08/2024)"),
                ("25/09", "Đã thực hiện (25/09/2024)"),
                ("30/10", "Sắp tới"),
            ],
        ),
        (
            "2024-12-31",
            [
                ("31/07", "Ghi nhận không tổ chức"),
                ("25/09", "Đã thực hiện (25/09/2024)"),
                ("30/10", "Đã qua, chưa ghi nhận"),
                ("25/12", "Đã qua, chưa ghi nhận"),
            ],
        ),
    ];
    for (today, expected) in cases {
        let run = Test::new()
            .args([
                "--plan",
                &example_plan_path(),
                "calendar",
                "--owner",
                "thanh-tra",
            ])
            .args([
                "--from",
                "2024-07-01",
                "--to",
                "2024-12-31",
                "--format",
                "csv",
            ])
            .env("DDCI_TODAY", today)
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        for (day, state) in expected {
            let (day_of, month) = day.split_once('/').expect("dd/mm");
            let iso = format!("2024-{month}-{day_of}");
            let row = run
                .stdout
                .lines()
                .find(|line| line.contains(&format!(",{iso},")) && line.contains("Tiếp công dân"))
                .unwrap_or_else(|| panic!("{today}: no reception on {iso}:\n{}", run.stdout));
            assert!(row.contains(state), "{today} {iso}: {row}");
        }
    }
}
