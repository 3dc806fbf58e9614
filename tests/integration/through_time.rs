//! Plans through time, end to end on the shipped examples (`examples/through-time/`): a
//! department through the 1 March 2025 merger, an amendment of 15 June and the 1 July
//! provincial merger; a district plan that stopped on 30 June and the commune plan carried
//! from it. Whole outputs are in `tests/integration/expected/through-time-*.md` (regenerate
//! with `tests/integration/expected/regenerate.sh` and read the diff).

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::calendar::python_with_icalendar;
use crate::harness::{Test, repo_root};

fn example(name: &str) -> String {
    repo_root()
        .join("examples/through-time")
        .join(name)
        .display()
        .to_string()
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("tests/integration/expected").join(name))
        .expect("expected output")
}

#[test]
fn the_department_s_status_and_reports_are_those_pinned() {
    let plan = example("department-2025.toml");
    let status = Test::new()
        .args(["--plan", &plan, "status", "--format", "markdown"])
        .env("DDCI_TODAY", "2025-10-10")
        .run();
    assert_eq!((status.code, status.stderr.as_str()), (0, ""));
    assert!(
        status.stdout == expected("through-time-status.md"),
        "status differs from through-time-status.md:\n{}",
        status.stdout
    );
    for (period, file) in [
        (["--quarter", "1"], "through-time-report-quarter1.md"),
        (["--quarter", "2"], "through-time-report-quarter2.md"),
        (["--quarter", "3"], "through-time-report-quarter3.md"),
        (["--year", "2025"], "through-time-report-year2025.md"),
    ] {
        let run = Test::new()
            .args([
                "--plan", &plan, "report", period[0], period[1], "--format", "markdown",
            ])
            .env("DDCI_TODAY", "2026-01-20")
            .run();
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{file}");
        assert!(
            run.stdout == expected(file),
            "{file} differs:\n{}",
            run.stdout
        );
    }
}

/// What each report must say, read out of the pinned outputs so that a
/// regenerated file cannot quietly lose it.
#[test]
fn each_report_is_headed_and_judged_as_its_own_day_was() {
    let q1 = expected("through-time-report-quarter1.md");
    let q2 = expected("through-time-report-quarter2.md");
    let q3 = expected("through-time-report-quarter3.md");
    // Q1 ends after the 1 March merger, before the 1 July one.
    assert!(q1.starts_with(
        "| ỦY BAN NHÂN DÂN TỈNH KON TUM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| --- | --- |\n\
         | SỞ KHOA HỌC VÀ CÔNG NGHỆ | Độc lập - Tự do - Hạnh phúc |\n\
         | Số:      /BC-SKHCN | Kon Tum, ngày     tháng     năm 2025 |"
    ));
    assert!(q1.contains(
        "Thực hiện Kế hoạch số 12/KH-STTTT ngày 20/01/2025 của Sở Thông tin và Truyền thông về"
    ));
    assert!(q1.contains(
        "Từ ngày 01/03/2025, Sở Thông tin và Truyền thông được sắp xếp thành Sở Khoa học và Công \
         nghệ theo Quyết định số 30/QĐ-UBND ngày 28/02/2025 của UBND tỉnh Kon Tum;"
    ));
    // The amendment of 15 June is cited from Q2 on, not before.
    assert!(!q1.contains("85/KH-SKHCN"));
    assert!(q2.contains("(đã được sửa đổi, bổ sung tại Kế hoạch số 85/KH-SKHCN ngày 15/06/2025)"));
    // 85% in Q2 meets the 80% in force then; Q3 is judged by the 90% from 1 July.
    assert!(q2.contains("- Hồ sơ trực tuyến toàn trình: 85% (số liệu ngày 30/06/2025)"));
    assert!(q2.contains("mục tiêu tối thiểu 80%: đạt."));
    assert!(q2.contains("- Phấn đấu đạt các chỉ tiêu hồ sơ trực tuyến toàn trình: tối thiểu 90%."));
    assert!(q3.contains(
        "mục tiêu tối thiểu 90% (điều chỉnh từ tối thiểu 80%, áp dụng từ ngày 01/07/2025 theo Kế \
         hoạch số 85/KH-SKHCN): chưa đạt."
    ));
    assert!(q3.starts_with("| ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI |"));
    // The task the amendment added is in no report before it began; the one
    // stopped on 28/02 is in Q1's, as stopped, and in none after.
    assert!(!q1.contains("Rà soát, chuẩn hóa quy trình nội bộ"));
    assert!(q3.contains("Rà soát, chuẩn hóa quy trình nội bộ"));
    assert!(q1.contains("dừng thực hiện từ 01/03/2025"));
    assert!(!q2.contains("Nâng cấp Cổng thông tin điện tử của Sở Thông tin và Truyền thông"));
    // The office that ceased owes nothing; its successor answers, once.
    assert!(q3.contains(
        "Phòng Chuyển đổi số và Trung tâm Công nghệ thông tin và Truyền thông báo cáo kết quả"
    ));
    // A record keeps the name its unit had when it was made.
    assert!(q1.contains("Phòng Thông tin - Báo chí - Xuất bản (ngày 20/02/2025)"));
}

#[test]
fn a_plan_that_stopped_owes_nothing_after_it() {
    let plan = example("district-2025.toml");
    Test::new()
        .args(["--plan", &plan, "report", "--quarter", "3"])
        .env("DDCI_TODAY", "2025-10-10")
        .expect(
            2,
            "",
            "error: the plan stopped after 2025-06-30 (do sắp xếp đơn vị hành chính, kết thúc \
             hoạt động cấp huyện); nothing is owed for Q3 2025, which starts on 2025-07-01\n\
             help: report on a period up to 2025-06-30, or on the plan that carries on its work\n",
        );
    let status = Test::new()
        .args(["--plan", &plan, "status", "--format", "markdown"])
        .env("DDCI_TODAY", "2025-10-10")
        .run();
    assert!(status.stdout.contains(
        "- Tính đến ngày 30/06/2025 (Quý II/2025)\n\
         - Kế hoạch dừng thực hiện từ ngày 01/07/2025 (do sắp xếp đơn vị hành chính, kết thúc \
         hoạt động cấp huyện)\n"
    ));
    // Q2's report, due after the plan stopped, is awaited, never "late".
    assert!(status.stdout.contains(
        "| TN-MT | Quý II và 6 tháng đầu năm 2025 | 07/07/2025 | Chưa ghi nhận đã gửi |"
    ));
    assert!(!status.stdout.contains("Quý III/2025"));
}

#[test]
fn the_commune_plan_carried_from_the_district_names_it() {
    let test = Test::new().env("DDCI_TODAY", "2025-12-01");
    let made = test.run_with(&[
        "init",
        "commune.toml",
        "--from",
        &example("district-2025.toml"),
        "--agency",
        "Ủy ban nhân dân xã Đăk Minh",
        "--province",
        "Quảng Ngãi",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let carried = std::fs::read_to_string(test.path().join("commune.toml")).expect("carried");
    let shipped = std::fs::read_to_string(example("commune-2026.toml")).expect("shipped");
    let header = |text: &str| -> String {
        text.lines()
            .skip_while(|line| *line != "[plan]")
            .take_while(|line| !line.is_empty())
            .filter(|line| !line.starts_with("title"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        header(&carried),
        "[plan]\nagency = \"Ủy ban nhân dân xã Đăk Minh\"\nprovince = \"Quảng Ngãi\"\nyear = 2026\n\
         predecessor = \"Kế hoạch số 08/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân huyện Đăk \
         Minh\"\nlanguage = \"vi\"\nsigned_by = { title = \"Chủ tịch\", name = \"Trần Văn Bình\" }"
    );
    assert_eq!(
        header(&carried),
        header(&shipped),
        "the shipped commune plan is the carried one"
    );
    // The rest is the district's, records dropped.
    let body = |text: &str| {
        text.split_once("\n[[units]]")
            .map(|(_, rest)| rest.to_owned())
    };
    assert_eq!(body(&carried), body(&shipped));
}

/// In 2026 no deadline and no moved occurrence falls on a weekend or a
/// holiday, by ddci's holidays table read independently of the calendar;
/// the ics still reads back.
#[test]
fn the_2026_calendar_puts_nothing_due_on_a_day_off() {
    let plan = example("commune-2026.toml");
    let test = Test::new()
        .env("DDCI_TODAY", "2026-01-05")
        .env("SOURCE_DATE_EPOCH", "1767571200");
    let json = test.run_with(&[
        "--plan",
        &plan,
        "calendar",
        "--from",
        "2026-01-01",
        "--to",
        "2027-01-31",
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let json: Value = serde_json::from_str(&json.stdout).expect("JSON");
    let events = json["events"].as_array().expect("events");
    let working = ddci::time::working_days::WorkingDays::vietnam(
        2026..=2027,
        &[],
        &[],
        ddci::time::working_days::DeadlineOnDayOff::NextWorkingDay,
    );
    let mut days = Vec::new();
    for event in events {
        let day: NaiveDate = event["date"]
            .as_str()
            .expect("date")
            .parse()
            .expect("a day");
        assert!(
            working.is_working(day),
            "{day} ({}) is a day off",
            event["title"]
        );
        days.push(day);
    }
    // The monthly meeting of the 15th: Sunday 15/02 is in the Tết break
    // (14–22/02) and moves to Monday 23/02; Sunday 15/03 to Monday 16/03.
    assert!(days.contains(&"2026-02-23".parse().expect("day")));
    assert!(days.contains(&"2026-03-16".parse().expect("day")));
    assert!(days.iter().all(|day| day.year() >= 2026));
    assert_eq!(
        days.len(),
        12 + 4,
        "12 meetings and 4 report deadlines: {days:?}"
    );

    let Some(python) = python_with_icalendar() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Python's icalendar: .ci/run installs python3-icalendar"
        );
        return;
    };
    let ics = test.run_with(&[
        "--plan", &plan, "calendar", "--format", "ics", "-o", "c.ics",
    ]);
    assert_eq!(ics.code, 0, "{}", ics.stderr);
    let parsed = crate::harness::python_reads(&python, "read_ics.py", &["c.ics"], test.path());
    assert_eq!(parsed.as_array().expect("events").len(), events.len());
}

/// A unit merged away during the quarter gets no form: its successor
/// answers for the quarter, with the unit's tasks in its own form.
#[test]
fn forms_go_to_the_units_that_exist_at_the_period_s_end() {
    let plan = example("department-2025.toml");
    let test = Test::new().env("DDCI_TODAY", "2025-10-10");
    let run = test.run_with(&[
        "--plan",
        &plan,
        "form",
        "--all",
        "--quarter",
        "1",
        "-o",
        ".",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "wrote ./lanh-dao-2025-Q1.xlsx (Ban Giám đốc Sở: 1 tasks, 0 targets)\n\
         wrote ./van-phong-2025-Q1.xlsx (Văn phòng Sở: 1 tasks, 1 targets)\n\
         wrote ./phong-cds-2025-Q1.xlsx (Phòng Chuyển đổi số: 1 tasks, 0 targets)\n\
         wrote ./trung-tam-2025-Q1.xlsx (Trung tâm Công nghệ thông tin và Truyền thông: 1 tasks, 0 \
         targets)\n"
    );
}
