//! `ddci rollup` tells units apart by their province, level and name; it
//! counts a plan copied into two folders once; and a view of a year cites
//! that year's results, the same whatever today is.

use crate::harness::Test;
use crate::rollup::{plan, province};

/// The same department's name in two provinces, 2024, each with one task.
fn two_provinces() -> Test {
    let department = |province: &str, done: &str| {
        plan(
            "Sở Khoa học và Công nghệ",
            "Sở, ban, ngành",
            "2024",
            &format!(
                "[[tasks]]\nid = \"1\"\nindex = \"minh-bach\"\ntext = \"Công khai thủ tục\"\nlead = [\"vp\"]\n\
                 schedule = {{ kind = \"due\", due = 2024-06-30 }}\n{done}"
            ),
        )
        .replace("Kon Tum", province)
    };
    Test::new()
        .file(
            "kon-tum/so-khcn.toml",
            department(
                "Kon Tum",
                "\n[[tasks.records]]\ndate = 2024-06-20\nstatus = \"done\"\n",
            ),
        )
        .file("quang-ngai/so-khcn.toml", department("Quảng Ngãi", ""))
        .env("DDCI_TODAY", "2025-04-01")
}

/// Kon Tum's and Quảng Ngãi's Sở Khoa học và Công nghệ are two units: both
/// are counted, each shown with its province, and the summary report of
/// both is written.
#[test]
fn departments_of_one_name_in_two_provinces_are_two_units() {
    let test = two_provinces();
    let run = test.run_with(&["rollup", ".", "--year", "2024", "--format", "markdown"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "# Tổng hợp tình hình thực hiện Kế hoạch nâng cao chỉ số DDCI\n\
         \n\
         - Số kế hoạch: 2; đưa vào tổng hợp: 2; không đưa vào (có lỗi): 0\n\
         - Mỗi kế hoạch tính đến hôm nay, hoặc đến ngày cuối cùng của kế hoạch nếu đã kết thúc\n\
         \n\
         ## Các đơn vị\n\
         \n\
         | STT | Đơn vị | Tỉnh, thành phố | Năm | Tính đến | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chỉ tiêu | Đạt | Không đạt | Chưa có báo cáo | Nhiệm vụ định kỳ chưa ghi nhận | Báo cáo chưa gửi/đến hạn | Kết quả DDCI gần nhất |\n\
         | ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n\
         | 1 | Sở Khoa học và Công nghệ | Kon Tum | 2024 | 31/12/2024 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0/0 | Chưa có số liệu |\n\
         | 2 | Sở Khoa học và Công nghệ | Quảng Ngãi | 2024 | 31/12/2024 | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0/0 | Chưa có số liệu |\n\
         \n\
         ## Chỉ số thành phần trên toàn bộ đơn vị\n\
         \n\
         | Chỉ số | Số đơn vị | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chỉ tiêu | Đạt | Không đạt | Điểm bình quân |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n\
         | Tính minh bạch | 2 | 2 | 1 | 1 | 0 | 0 | 0 | Chưa có số liệu |\n"
    );
    let run = test.run_with(&[
        "rollup",
        ".",
        "--year",
        "2024",
        "--parent-agency",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "-o",
        "bao-cao.docx",
    ]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "wrote bao-cao.docx\n"));
    let csv = test.run_with(&["rollup", ".", "--year", "2024", "--format", "csv"]);
    let provinces: Vec<&str> = csv
        .stdout
        .lines()
        .skip(1)
        .map(|row| row.split(',').nth(3).unwrap_or_default())
        .collect();
    assert_eq!(provinces, ["Kon Tum", "Quảng Ngãi"]);
}

/// The very same plan found in two folders is one unit, counted once, and
/// both places are named; another version of it is two plans of one unit.
#[test]
fn a_plan_copied_into_another_folder_is_counted_once() {
    let original = std::fs::read_to_string(province().path().join("tinh/so-khcn.toml"))
        .expect("the fixture's plan");
    let test = Test::new()
        .file("tinh/so-khcn.toml", &original)
        .file("gui-lai/so-khcn.toml", &original)
        .env("DDCI_TODAY", "2025-04-01");
    let run = test.run_with(&["rollup", ".", "--year", "2024", "--format", "json"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "warning: ./tinh/so-khcn.toml is the same plan as ./gui-lai/so-khcn.toml (Sở Khoa học và Công nghệ, Kon Tum); it is counted once\n"
        )
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["plans"], 2);
    assert_eq!(json["positions"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["positions"][0]["file"], "./gui-lai/so-khcn.toml");
    assert_eq!(
        json["positions"][0]["also_at"],
        serde_json::json!(["./tinh/so-khcn.toml"])
    );
    let table = test.run_with(&["rollup", ".", "--year", "2024", "--format", "markdown"]);
    assert!(
        table.stdout.contains(
            "- Số kế hoạch: 2; đưa vào tổng hợp: 1; không đưa vào (có lỗi): 0\n\
             - 1 tệp là bản sao của một kế hoạch đã tính, không tính lại\n"
        ),
        "{}",
        table.stdout
    );
    // A copy is no reason to refuse the summary report.
    let report = test.run_with(&["rollup", ".", "--year", "2024", "-o", "bao-cao.docx"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
}

/// A plan of 2024 with its 2024 result published on 27/03/2025 and its 2025
/// result on 20/03/2026.
fn with_two_years_of_results(today: &str) -> Test {
    let body = "[[tasks]]\nid = \"1\"\nindex = \"minh-bach\"\ntext = \"Công khai thủ tục\"\nlead = [\"vp\"]\n\
         schedule = { kind = \"due\", due = 2024-06-30 }\n\n\
         [[results]]\nyear = 2024\nscore = 78.5\nrank = 4\nof = 18\npublished = 2025-03-27\n\n\
         [[results]]\nyear = 2024\nindex = \"minh-bach\"\nscore = 7.25\npublished = 2025-03-27\n\n\
         [[results]]\nyear = 2025\nscore = 81.0\nrank = 2\nof = 26\npublished = 2026-03-20\n\n\
         [[results]]\nyear = 2025\nindex = \"minh-bach\"\nscore = 8.5\npublished = 2026-03-20\n\n\
         [[units]]\nid = \"hc\"\nname = \"Phòng Hành chính - Tổng hợp\"\n\n\
         [[reporting]]\nid = \"bao-cao\"\nfrom = [\"vp\"]\nto = \"hc\"\nperiods = [\"quarter\"]\ndue_days_after = 5\n";
    Test::new()
        .file(
            "tinh/so-khcn.toml",
            plan("Sở Khoa học và Công nghệ", "Sở, ban, ngành", "2024", body),
        )
        .env("DDCI_TODAY", today)
}

/// A roll-up of 2024 cites the 2024 result and scores, never 2025's, and
/// reads the same on any day after they were published; a report signed on
/// a day cites only what was known that day, and is headed with that day.
#[test]
fn a_view_of_a_year_cites_that_year_s_results_whatever_today_is() {
    let args = ["rollup", "tinh", "--year", "2024", "--format", "markdown"];
    // Both results are published by then: a result is never recorded
    // before it is (`published-in-the-future`).
    let in_2025 = with_two_years_of_results("2026-04-01").run_with(&args);
    let in_2026 = with_two_years_of_results("2026-12-07").run_with(&args);
    assert_eq!(in_2025.code, 0, "{}", in_2025.stderr);
    assert_eq!(in_2025.stdout, in_2026.stdout);
    assert!(
        in_2026
            .stdout
            .contains("| 0 | 4/4 | 2024: 78,50 điểm, thứ 4/18 |\n"),
        "{}",
        in_2026.stdout
    );
    assert!(
        in_2026
            .stdout
            .contains("| Tính minh bạch | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 7,25 (1/1) |\n"),
        "{}",
        in_2026.stdout
    );
    let docx = |today: &str, signed: &[&str]| {
        let test = with_two_years_of_results(today);
        let mut all = vec!["rollup", "tinh", "--year", "2024", "-o", "bao-cao.docx"];
        all.extend_from_slice(signed);
        let run = test.run_with(&all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read(test.path().join("bao-cao.docx")).expect("the report")
    };
    assert_eq!(docx("2026-04-01", &[]), docx("2026-12-07", &[]));
    let signed = ["--signed-on", "2025-01-15"];
    assert_eq!(docx("2026-04-01", &signed), docx("2026-12-07", &signed));
}
