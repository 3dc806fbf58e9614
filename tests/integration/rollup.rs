//! `ddci rollup`: a folder of plans of different units, levels and years,
//! one of them invalid and one TOML file that is no plan, rolled up with
//! exact figures.

use crate::harness::Test;

/// A plan of `agency` for `years` ("2024", or "2023\nuntil = 2025"), ranked
/// in `group`, with one index "Tính minh bạch" and the given tasks, targets
/// and results.
pub(crate) fn plan(agency: &str, group: &str, years: &str, body: &str) -> String {
    format!(
        "[plan]\ntitle = \"Kế hoạch DDCI\"\nagency = \"{agency}\"\nprovince = \"Kon Tum\"\nyear = {years}\n\
         bands = [\"khá\", \"tốt\"]\n\n\
         [plan.overall]\ngroup = \"{group}\"\n\n\
         [[units]]\nid = \"vp\"\nname = \"Văn phòng\"\n\n\
         [[indices]]\nid = \"minh-bach\"\nname = \"Tính minh bạch\"\n\n{body}"
    )
}

/// One department behind (an overdue task, a target not met), one on track
/// with its 2024 result published, a district of 2023–2025 (its 2023 task
/// never done stays overdue in later years), a plan with an
/// unknown unit, and a tool's settings file that is no plan.
pub(crate) fn province() -> Test {
    let behind = plan(
        "Sở Tài chính",
        "Sở, ban, ngành",
        "2024",
        "[[tasks]]\nid = \"1\"\nindex = \"minh-bach\"\ntext = \"Công khai ngân sách\"\nlead = [\"vp\"]\n\
         schedule = { kind = \"due\", due = 2024-06-30 }\n\n\
         [[targets]]\nid = \"dvc\"\nkind = \"percent_at_least\"\ntask = \"1\"\ntext = \"80% trực tuyến\"\npercent = 80\n\n\
         [[targets.records]]\ndate = 2024-12-20\nvalue = 64\n",
    );
    let on_track = plan(
        "Sở Khoa học và Công nghệ",
        "Sở, ban, ngành",
        "2024",
        "[[tasks]]\nid = \"1\"\nindex = \"minh-bach\"\ntext = \"Công khai thủ tục\"\nlead = [\"vp\"]\n\
         schedule = { kind = \"due\", due = 2024-06-30 }\n\n\
         [[tasks.records]]\ndate = 2024-06-20\nstatus = \"done\"\n\n\
         [[targets]]\nid = \"xep-hang\"\nkind = \"rank_at_most\"\ntext = \"Trong nhóm 5\"\nrank = 5\n\n\
         [[results]]\nyear = 2024\nscore = 78.5\nrank = 4\nof = 18\nband = \"tốt\"\npublished = 2025-03-27\n\n\
         [[results]]\nyear = 2024\nindex = \"minh-bach\"\nscore = 7.25\npublished = 2025-03-27\n",
    );
    let district = plan(
        "Ủy ban nhân dân huyện Đắk Hà",
        "Huyện, thị xã, thành phố",
        "2023\nuntil = 2025",
        "[[tasks]]\nid = \"1\"\nyear = 2023\nindex = \"minh-bach\"\ntext = \"Việc năm 2023\"\nlead = [\"vp\"]\n\
         schedule = { kind = \"due\", due = 2023-06-30 }\n\n\
         [[tasks]]\nid = \"2\"\nyear = 2024\nindex = \"minh-bach\"\ntext = \"Việc năm 2024\"\nlead = [\"vp\"]\n\
         schedule = { kind = \"due\", due = 2024-06-30 }\n\n\
         [[tasks.records]]\ndate = 2024-05-02\nstatus = \"done\"\n\n\
         [[results]]\nyear = 2023\nscore = 61.0\nrank = 6\nof = 10\npublished = 2024-03-20\n\n\
         [[results]]\nyear = 2023\nindex = \"minh-bach\"\nscore = 6.75\npublished = 2024-03-20\n",
    );
    let invalid = plan(
        "Sở Xây dựng",
        "Sở, ban, ngành",
        "2024",
        "[[tasks]]\nid = \"1\"\nindex = \"minh-bach\"\ntext = \"Việc\"\nlead = [\"khong-co\"]\n\
         schedule = { kind = \"ongoing\" }\n",
    );
    Test::new()
        .file("tinh/so-tai-chinh.toml", behind)
        .file("tinh/so-khcn.toml", on_track)
        .file("tinh/huyen/dak-ha.toml", district)
        .file("tinh/so-xay-dung.toml", invalid)
        .file("tinh/.ddci/settings.toml", "[plan]\nnot = \"read\"\n")
        .file("tinh/cong-cu.toml", "[package]\nname = \"cong-cu\"\n")
        .env("DDCI_TODAY", "2025-04-01")
}

#[test]
fn a_folder_of_plans_rolls_up_by_level_and_names_the_plan_left_out() {
    let test = province();
    let run = test.run_with(&[
        "rollup",
        "tinh",
        "--group",
        "--as-of",
        "2024-12-31",
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 1, "one plan left out: {}", run.stderr);
    assert_eq!(
        run.stdout,
        "# Tổng hợp tình hình thực hiện Kế hoạch nâng cao chỉ số DDCI\n\
         \n\
         - Số kế hoạch: 4; đưa vào tổng hợp: 3; không đưa vào (có lỗi): 1\n\
         - Tính đến ngày 31/12/2024\n\
         \n\
         ## Sở, ban, ngành\n\
         \n\
         | STT | Đơn vị | Năm | Tính đến | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chỉ tiêu | Đạt | Không đạt | Chưa có báo cáo | Nhiệm vụ định kỳ chưa ghi nhận | Báo cáo chưa gửi/đến hạn | Kết quả DDCI gần nhất |\n\
         | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n\
         | 1 | Sở Tài chính | 2024 | 31/12/2024 | 1 | 0 | 1 | 1 | 0 | 1 | 0 | 0 | 0/0 | Chưa có số liệu |\n\
         | 2 | Sở Khoa học và Công nghệ | 2024 | 31/12/2024 | 1 | 1 | 0 | 1 | 1 | 0 | 0 | 0 | 0/0 | Chưa có số liệu |\n\
         \n\
         ### Chỉ số thành phần\n\
         \n\
         | Chỉ số | Số đơn vị | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chỉ tiêu | Đạt | Không đạt | Điểm bình quân |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n\
         | Tính minh bạch | 2 | 2 | 1 | 1 | 1 | 0 | 1 | Chưa có số liệu |\n\
         \n\
         ## Huyện, thị xã, thành phố\n\
         \n\
         | STT | Đơn vị | Năm | Tính đến | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chỉ tiêu | Đạt | Không đạt | Chưa có báo cáo | Nhiệm vụ định kỳ chưa ghi nhận | Báo cáo chưa gửi/đến hạn | Kết quả DDCI gần nhất |\n\
         | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n\
         | 1 | Ủy ban nhân dân huyện Đắk Hà | 2023–2025 | 31/12/2024 | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0/0 | 2023: 61,00 điểm, thứ 6/10 |\n\
         \n\
         ### Chỉ số thành phần\n\
         \n\
         | Chỉ số | Số đơn vị | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chỉ tiêu | Đạt | Không đạt | Điểm bình quân |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n\
         | Tính minh bạch | 1 | 2 | 1 | 1 | 0 | 0 | 0 | 6,75 (1/1) |\n\
         \n\
         ## Kế hoạch không đưa vào tổng hợp\n\
         \n\
         - tinh/so-xay-dung.toml: 1 lỗi, lỗi đầu tiên ở dòng 23, cột 9; xem tất cả: ddci validate --plan tinh/so-xay-dung.toml\n"
    );
    assert!(
        run.stderr.starts_with(
            "warning: tinh/so-xay-dung.toml is left out of the roll-up: 1 error\nerror[unknown-reference]: no unit has the id `khong-co`\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn json_gives_each_position_and_what_was_left_out() {
    let test = province();
    // As of today (1 April 2025), each plan of 2024 stands as it ended, and
    // the 2024 result published on 27 March 2025 is known.
    let run = test.run_with(&["rollup", "tinh", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rows: Vec<String> = json["positions"]
        .as_array()
        .expect("positions")
        .iter()
        .map(|position| {
            format!(
                "{} | {} | {}–{} | {} | tasks {}/{} done, {} overdue | targets {} met, {} not met | {} behind | {}",
                position["file"].as_str().unwrap_or_default(),
                position["level"],
                position["year"],
                position["until"],
                position["as_of"],
                position["tasks"]["done"],
                position["tasks"]["total"],
                position["tasks"]["overdue"],
                position["targets"]["met"],
                position["targets"]["not_met"],
                position["behind_share"],
                position["result"],
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            r#"tinh/so-tai-chinh.toml | "department" | 2024–2024 | "2024-12-31" | tasks 0/1 done, 1 overdue | targets 0 met, 1 not met | 1.0 behind | null"#,
            r#"tinh/huyen/dak-ha.toml | "district" | 2023–2025 | "2025-04-01" | tasks 0/1 done, 1 overdue | targets 0 met, 0 not met | 1.0 behind | {"band":null,"rank":{"of":10,"rank":6},"score":61.0,"year":2023}"#,
            r#"tinh/so-khcn.toml | "department" | 2024–2024 | "2024-12-31" | tasks 1/1 done, 0 overdue | targets 1 met, 0 not met | 0.0 behind | {"band":"tốt","rank":{"of":18,"rank":4},"score":78.5,"year":2024}"#,
        ]
    );
    assert_eq!(json["plans"], 4);
    assert_eq!(json["as_of"], serde_json::Value::Null);
    let left = &json["left_out"][0];
    assert_eq!(
        (
            left["file"].as_str(),
            left["reason"].as_str(),
            left["diagnostics"][0]["code"].as_str(),
            left["diagnostics"][0]["line"].as_u64(),
            left["diagnostics"][0]["column"].as_u64()
        ),
        (
            Some("tinh/so-xay-dung.toml"),
            Some("1 error"),
            Some("unknown-reference"),
            Some(23),
            Some(9)
        )
    );
    let by_level: Vec<(String, u64)> = json["indices_by_level"]
        .as_array()
        .expect("indices by level")
        .iter()
        .map(|level| {
            (
                level["level"].as_str().unwrap_or_default().to_owned(),
                level["indices"][0]["units"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        by_level,
        [("department".to_owned(), 2), ("district".to_owned(), 1)]
    );
    let index = &json["indices"][0];
    assert_eq!(
        (
            index["name"].as_str(),
            index["units"].as_u64(),
            index["mean_score"].as_f64()
        ),
        (Some("Tính minh bạch"), Some(3), Some(7.0))
    );
}

#[test]
fn csv_has_a_row_per_unit_and_nothing_found_is_an_error() {
    let test = province();
    let run = test.run_with(&[
        "rollup",
        "tinh/so-khcn.toml",
        "tinh/so-tai-chinh.toml",
        "tinh/so-xay-dung.toml",
        "--year",
        "2024",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\u{feff}file,also_at,agency,province,level,year,until,year_in_view,as_of,tasks,tasks_done,tasks_in_progress,tasks_not_started,tasks_no_report,tasks_blocked,tasks_overdue,tasks_cancelled,targets,targets_met,targets_not_yet_met,targets_not_met,targets_no_data,missed_duties,reports_owed,reports_not_sent,result_year,result_score,result_rank,result_of,result_band,left_out,errors,first_error\r\n\
         tinh/so-tai-chinh.toml,,Sở Tài chính,Kon Tum,department,2024,2024,2024,2024-12-31,1,0,0,0,0,0,1,0,1,0,0,1,0,0,0,0,,,,,,,0,\r\n\
         tinh/so-khcn.toml,,Sở Khoa học và Công nghệ,Kon Tum,department,2024,2024,2024,2024-12-31,1,1,0,0,0,0,0,0,1,1,0,0,0,0,0,0,2024,78.50,4,18,tốt,,0,\r\n\
         tinh/so-xay-dung.toml,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,1 error,1,23:9: no unit has the id `khong-co`\r\n"
    );
    let empty = Test::new().file("trong/ghi-chu.txt", "không phải kế hoạch");
    let run = empty.run_with(&["rollup", "trong"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "error: no plan found in `trong`\nhelp: a plan is a .toml file with a [plan] table; name plan files or folders holding them\n"
        )
    );
}

/// A unit that reported nothing is behind, whatever else; a folder whose
/// TOML files are no plans is an error; a link back up the tree is followed
/// once.
#[cfg(unix)]
#[test]
fn silence_is_behind_and_odd_folders_do_not_trap_the_search() {
    let quiet = plan(
        "Sở Nội vụ",
        "Sở, ban, ngành",
        "2024",
        "[[tasks]]\nid = \"1\"\nindex = \"minh-bach\"\ntext = \"Việc\"\nlead = [\"vp\"]\n\
         schedule = { kind = \"ongoing\" }\n\n\
         [[tasks]]\nid = \"2\"\nindex = \"minh-bach\"\ntext = \"Việc khác\"\nlead = [\"vp\"]\n\
         schedule = { kind = \"ongoing\" }\n",
    );
    let test = province()
        .file("tinh/so-noi-vu.toml", quiet)
        .file("khac/Cargo.toml", "[package]\nname = \"x\"\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", test.path().join("tinh/huyen/len")).expect("link");
    let run = test.run_with(&[
        "rollup",
        "tinh",
        "--as-of",
        "2024-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let order: Vec<(&str, u64, u64)> = json["positions"]
        .as_array()
        .expect("positions")
        .iter()
        .map(|position| {
            (
                position["agency"].as_str().unwrap_or_default(),
                position["tasks"]["no_report"].as_u64().unwrap_or_default(),
                position["missed_duties"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("Sở Nội vụ", 2, 2),
            ("Sở Tài chính", 0, 0),
            ("Ủy ban nhân dân huyện Đắk Hà", 0, 0),
            ("Sở Khoa học và Công nghệ", 0, 0),
        ]
    );
    assert_eq!(
        json["plans"], 5,
        "each plan once, the link not followed again"
    );
    let run = test.run_with(&["rollup", "khac"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "error: no plan found in `khac`: its TOML files hold no [plan] table\nhelp: name plan files or folders holding them\n"
        )
    );
    let run = test.run_with(&["rollup", "khong-co"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot read `khong-co`: No such file or directory"),
        "{}",
        run.stderr
    );
}

/// `--year 2025`: only the plans for 2025 (the district's 2023–2025),
/// judged on 2025; the departments' 2024 plans are named as not counted.
#[test]
fn a_year_keeps_the_plans_for_it() {
    let test = province();
    let run = test.run_with(&["rollup", "tinh", "--year", "2025", "--format", "markdown"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "# Tổng hợp tình hình thực hiện Kế hoạch nâng cao chỉ số DDCI\n\n\
             - Số kế hoạch: 4; đưa vào tổng hợp: 1; không đưa vào (có lỗi): 1\n\
             - Không tính 2 kế hoạch không thuộc năm 2025\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("| 1 | Ủy ban nhân dân huyện Đắk Hà | 2023–2025 | 01/04/2025 |"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Sở Tài chính"), "{}", run.stdout);
}

/// The workbook: a sheet of units whose counts are numbers (they sum and
/// sort), the result in cells of its own and empty where there is none; a
/// sheet of indices, every unit first then each level; a sheet of the plans
/// left out, one row per error with its line and column.
#[test]
fn a_workbook_has_units_indices_and_the_plans_left_out() {
    use calamine::{Data, Reader};
    let test = province();
    let run = test.run_with(&["rollup", "tinh", "--group", "-o", "tong-hop.xlsx"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (1, ""),
        "one plan left out; nothing on standard output: {}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("wrote tong-hop.xlsx\n"),
        "{}",
        run.stderr
    );
    let mut book = calamine::open_workbook_auto(test.path().join("tong-hop.xlsx")).expect("open");
    assert_eq!(
        book.sheet_names(),
        ["Đơn vị", "Chỉ số thành phần", "Không đưa vào"]
    );
    let cell = |data: &Data| match data {
        Data::Empty => "∅".to_owned(),
        Data::String(text) => text.clone(),
        Data::Float(number) => format!("#{number}"),
        Data::Int(number) => format!("#{number}"),
        Data::DateTime(date) => format!("@{}", date.as_f64()),
        other => format!("{other:?}"),
    };
    let rows = |book: &mut calamine::Sheets<_>, sheet: &str, columns: usize| -> Vec<String> {
        let range = book.worksheet_range(sheet).expect("sheet");
        range
            .rows()
            .skip(2)
            .map(|row| {
                row.iter()
                    .take(columns)
                    .map(cell)
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    };
    // 45657 is 31/12/2024 and 45748 is 01/04/2025 as Excel counts days.
    // Only Sở Tài chính's target is of an index (through its task): the
    // index's share behind is 3 of 4 (two tasks overdue, one target missed).
    assert_eq!(
        rows(&mut book, "Đơn vị", 29),
        [
            "STT | Đơn vị | Cấp | Tỉnh | Năm | Tính đến | Nhiệm vụ | Hoàn thành | Đang thực hiện | Chưa thực hiện | Chưa có báo cáo | Vướng mắc | Trễ hạn | Dừng thực hiện | Chỉ tiêu | Đạt | Chưa đạt | Không đạt | Chưa có số liệu | Nhiệm vụ định kỳ chưa ghi nhận | Báo cáo đến hạn | Báo cáo chưa gửi | Tỷ lệ chậm, chưa đạt | Kết quả DDCI: năm | Điểm | Xếp hạng | Trên số đơn vị | Xếp loại | Tệp kế hoạch",
            "#1 | Sở Tài chính | Sở, ban, ngành | Kon Tum | 2024 | @45657 | #1 | #0 | #0 | #0 | #0 | #0 | #1 | #0 | #1 | #0 | #0 | #1 | #0 | #0 | #0 | #0 | #1 | ∅ | ∅ | ∅ | ∅ | ∅ | tinh/so-tai-chinh.toml",
            "#2 | Sở Khoa học và Công nghệ | Sở, ban, ngành | Kon Tum | 2024 | @45657 | #1 | #1 | #0 | #0 | #0 | #0 | #0 | #0 | #1 | #1 | #0 | #0 | #0 | #0 | #0 | #0 | #0 | #2024 | #78.5 | #4 | #18 | tốt | tinh/so-khcn.toml",
            "#3 | Ủy ban nhân dân huyện Đắk Hà | Huyện, thị xã, thành phố | Kon Tum | 2023–2025 | @45748 | #1 | #0 | #0 | #0 | #0 | #0 | #1 | #0 | #0 | #0 | #0 | #0 | #0 | #0 | #0 | #0 | #1 | #2023 | #61 | #6 | #10 | ∅ | tinh/huyen/dak-ha.toml",
        ]
    );
    assert_eq!(
        rows(&mut book, "Chỉ số thành phần", 12),
        [
            "Cấp | Chỉ số thành phần | Số đơn vị | Nhiệm vụ | Hoàn thành | Trễ hạn, vướng mắc | Chỉ tiêu | Đạt | Không đạt | Tỷ lệ chậm, không đạt | Điểm bình quân | Số đơn vị có điểm",
            "Tất cả | Tính minh bạch | #3 | #3 | #1 | #2 | #1 | #0 | #1 | #0.75 | #7 | #2",
            "Sở, ban, ngành | Tính minh bạch | #2 | #2 | #1 | #1 | #1 | #0 | #1 | #0.6666666666666666 | #7.25 | #1",
            "Huyện, thị xã, thành phố | Tính minh bạch | #1 | #1 | #0 | #1 | #0 | #0 | #0 | #1 | #6.75 | #1",
        ]
    );
    assert_eq!(
        rows(&mut book, "Không đưa vào", 6),
        [
            "Tệp kế hoạch | Dòng | Cột | Mã lỗi | Lỗi | Cách sửa",
            "tinh/so-xay-dung.toml | #23 | #9 | unknown-reference | no unit has the id `khong-co` | the ids you can use here: vp",
        ]
    );
    // The same roll-up gives the same bytes.
    let first = std::fs::read(test.path().join("tong-hop.xlsx")).expect("read");
    test.run_with(&["rollup", "tinh", "--group", "-o", "tong-hop.xlsx"]);
    let second = std::fs::read(test.path().join("tong-hop.xlsx")).expect("read");
    assert!(first == second, "the workbook changed between two runs");
}

/// The HTML page stands alone: its style inside, nothing fetched, every
/// table of the Markdown there.
#[test]
fn the_html_page_is_self_contained() {
    let test = province();
    let run = test.run_with(&["rollup", "tinh", "--group", "--format", "html"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = &run.stdout;
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"),
        "{page}"
    );
    assert!(page.contains("<style>"), "the style is inside the page");
    for fetched in ["http://", "https://", "<script", "<link", "src="] {
        assert!(!page.contains(fetched), "{fetched} in {page}");
    }
    assert_eq!(page.matches("<table").count(), 4, "{page}");
    assert!(
        page.contains("<h2>Kế hoạch không đưa vào tổng hợp</h2>"),
        "{page}"
    );
}

/// What the command refuses, with what to do instead; nothing is written.
#[test]
fn output_files_are_named_for_their_format() {
    let test = province();
    let cases: [(&[&str], &str); 6] = [
        (
            &["--format", "docx"],
            "error: a Word document is a file, not text for the terminal\nhelp: name the file with `-o tong-hop.docx` (or `-o -` to send it to a pipe)\n",
        ),
        (
            &["--signed-by", "Nguyễn Văn A", "--code", "SKHĐT"],
            "error: --code, --signed-by are only for the summary report (--format docx); nothing was written\nhelp: add `-o bao-cao-tong-hop.docx`, or leave them out\n",
        ),
        (
            &["-o", "tong-hop.pdf"],
            "error: ddci does not write `.pdf` files; nothing was written\nhelp: use .xlsx, .docx, .html, .md, .txt, .json or .csv, or say which with --format\n",
        ),
        (
            &["--format", "csv", "-o", "tong-hop.xlsx"],
            "error: `tong-hop.xlsx` is the name of a .xlsx file, but --format csv was asked for; nothing was written\nhelp: name the file for its format (e.g. `-o tong-hop.csv`), or leave out --format\n",
        ),
        (
            &["--issuer", " ", "-o", "x.docx"],
            "error: invalid value ' ' for '--issuer <NAME>': it is blank; give the text, or leave the option out\n\nFor more information, try '--help'.\n",
        ),
        (
            &["--format", "json", "-o", "tinh/so-khcn.toml"],
            "error: `tinh/so-khcn.toml` is a plan (or an existing .toml file); the roll-up was not written\nhelp: choose another file, e.g. `-o bao-cao.md`\n",
        ),
    ];
    let plan_before = std::fs::read(test.path().join("tinh/so-khcn.toml")).expect("plan");
    for (args, expected) in cases {
        let mut all = vec!["rollup", "tinh"];
        all.extend_from_slice(args);
        let run = test.run_with(&all);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (2, "", expected),
            "{args:?}"
        );
    }
    assert_eq!(
        std::fs::read(test.path().join("tinh/so-khcn.toml")).expect("plan"),
        plan_before
    );
    assert!(!test.path().join("tong-hop.pdf").exists());
}

/// The province's summary report as Word: LibreOffice opens it, A4, the
/// header in Decree 30's order with the committee of the plans' province,
/// the sections in order, the units behind named, the signer; the appendix
/// landscape with a row per unit under its level.
#[test]
fn the_summary_report_is_a_document_the_province_can_sign() {
    use crate::word_document::{page_sizes, pdf_text, to_pdf, tools_present};
    let test = province();
    let args = [
        "rollup",
        "tinh",
        "--year",
        "2024",
        "--as-of",
        "2024-12-31",
        "--signed-by",
        "Nguyễn Văn A",
        "--code",
        "SKHĐT",
        "--signed-on",
        "2025-01-10",
        "--basis",
        "Kế hoạch số 45/KH-UBND ngày 05/4/2024 của Ủy ban nhân dân tỉnh Kon Tum",
        "-o",
        "bao-cao.docx",
    ];
    let run = test.run_with(&args);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{}", run.stderr);
    let first = std::fs::read(test.path().join("bao-cao.docx")).expect("docx");
    test.run_with(&args);
    assert!(
        first == std::fs::read(test.path().join("bao-cao.docx")).expect("docx"),
        "the same roll-up gives the same bytes"
    );
    if !tools_present() {
        return;
    }
    let pdf = to_pdf(test.path(), "bao-cao.docx");
    let sizes = page_sizes(&pdf);
    let last = sizes.len();
    assert!(
        sizes[..last - 1]
            .iter()
            .all(|(width, height)| (width - 595.0).abs() < 2.0 && (height - 842.0).abs() < 2.0),
        "portrait A4: {sizes:?}"
    );
    assert!(
        (sizes[last - 1].0 - 842.0).abs() < 2.0,
        "the appendix is landscape: {sizes:?}"
    );
    let text = pdf_text(&pdf, None)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut from = 0;
    for part in [
        "UBND TỈNH KON TUM",
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "/BC-SKHĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kon Tum, ngày 10 tháng 01 năm 2025",
        "BÁO CÁO",
        "(DDCI) năm 2024 của các đơn vị, đến ngày 31/12/2024",
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 05/4/2024 của Ủy ban nhân dân tỉnh Kon Tum; trên cơ sở kế hoạch",
        "Sở Kế hoạch và Đầu tư tổng hợp, báo cáo Ủy ban nhân dân tỉnh Kon Tum như sau:",
        "I. TÌNH HÌNH TỔNG HỢP",
        "Đã tổng hợp kế hoạch của 03 đơn vị: 02 sở, ban, ngành; 01 huyện, thị xã, thành phố.",
        "01 kế hoạch chưa đưa vào tổng hợp vì tệp kế hoạch có lỗi (tinh/so-xay-dung.toml)",
        "II. KẾT QUẢ THỰC HIỆN",
        "Tổng số 04 nhiệm vụ, đều có thời hạn (hoàn thành 02, tỷ lệ 50%); trễ hạn 02.",
        "Tổng số 02 chỉ tiêu: đạt 01; chưa đạt (đang theo dõi) 0; không đạt 01; chưa có số liệu 0.",
        "III. ĐÁNH GIÁ CHUNG",
        "Sở Tài chính (01 nhiệm vụ trễ hạn, 01 chỉ tiêu không đạt); Ủy ban nhân dân huyện Đắk Hà (01 nhiệm vụ trễ hạn).",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Chỉ đạo Sở Tài chính, Ủy ban nhân dân huyện Đắk Hà khẩn trương hoàn thành các nhiệm vụ trễ hạn.",
        "Chỉ đạo Sở Tài chính có giải pháp đối với các chỉ tiêu không đạt.",
        "kính báo cáo Ủy ban nhân dân tỉnh Kon Tum xem xét, chỉ đạo./.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "GIÁM ĐỐC",
        "Nguyễn Văn A",
        "Phụ lục",
        "(Kèm theo Báo cáo số /BC-SKHĐT ngày 10/01/2025 của Sở Kế hoạch và Đầu tư)",
        "I. Sở, ban, ngành",
        "Sở Tài chính",
        "II. Huyện, thị xã, thành phố",
        "Ủy ban nhân dân huyện Đắk Hà",
        "Tổng cộng (03 đơn vị)",
    ] {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("`{part}` not found after byte {from} of:\n{text}"));
        from += at + part.len();
    }
}

/// A summary report is signed and sent: it is not written when it would
/// count nothing, count a unit twice, or mix years; nor written over a plan
/// that is not among those rolled up.
#[test]
fn a_summary_report_is_not_written_from_what_cannot_be_counted() {
    let test = province()
        // Another version of the same unit's plan, not a copy of it.
        .file("cu/so-tai-chinh-ban-sao.toml", {
            let copy = std::fs::read_to_string(province().path().join("tinh/so-tai-chinh.toml"));
            copy.unwrap_or_default() + "\n# bản trước khi sửa\n"
        })
        .file(
            "khac/so-khac.toml",
            plan("Sở Khác", "Sở, ban, ngành", "2024", ""),
        );
    let cases: [(&[&str], &str); 4] = [
        (
            &["tinh/so-xay-dung.toml"],
            "error: no plan could be rolled up (1 left out with errors, 0 not for the year or day asked); the summary report was not written\nhelp: fix the plans named above, or choose another --year or --as-of\n",
        ),
        (
            &["tinh/so-khcn.toml", "--year", "2025"],
            "error: no plan could be rolled up (0 left out with errors, 1 not for the year or day asked); the summary report was not written\nhelp: fix the plans named above, or choose another --year or --as-of\n",
        ),
        (
            &["tinh/so-tai-chinh.toml", "cu", "--year", "2024"],
            "warning: cu/so-tai-chinh-ban-sao.toml and tinh/so-tai-chinh.toml are both plans of Sở Tài chính, Kon Tum for 2024; check which is the unit's\nerror: cu/so-tai-chinh-ban-sao.toml and tinh/so-tai-chinh.toml are both plans of Sở Tài chính, Kon Tum for 2024; the summary report would count the unit twice and was not written\nhelp: roll up only the plan the unit sent (move the other out of the folder)\n",
        ),
        (
            &["tinh/so-tai-chinh.toml", "tinh/huyen"],
            "error: the plans are judged on different years (2024, 2025); a summary report is of one year and was not written\nhelp: add --year 2025\n",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["rollup"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", "bao-cao.docx"]);
        let run = test.run_with(&all);
        // A plan left out has its errors shown first; the refusal is last.
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.ends_with(expected), "{args:?}: {}", run.stderr);
        assert!(!test.path().join("bao-cao.docx").exists(), "{args:?}");
    }
    // --format docx does not write over a plan that is not rolled up.
    let before = std::fs::read(test.path().join("khac/so-khac.toml")).expect("plan");
    let run = test.run_with(&[
        "rollup",
        "tinh/so-khcn.toml",
        "--format",
        "docx",
        "-o",
        "khac/so-khac.toml",
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "error: `khac/so-khac.toml` is a plan (or an existing .toml file); the roll-up was not written\nhelp: choose another file, e.g. `-o bao-cao.md`\n"
        )
    );
    assert_eq!(
        std::fs::read(test.path().join("khac/so-khac.toml")).expect("plan"),
        before
    );
}

/// Plans of two provinces: the report is written with its header blank, and
/// the office is told how to name the committee.
#[test]
fn plans_of_two_provinces_leave_the_committee_to_be_named() {
    let test = province().file(
        "gia-lai.toml",
        plan("Sở Tư pháp", "Sở, ban, ngành", "2024", "").replace("Kon Tum", "Gia Lai"),
    );
    let run = test.run_with(&[
        "rollup",
        "tinh/so-khcn.toml",
        "gia-lai.toml",
        "--year",
        "2024",
        "-o",
        "bao-cao.docx",
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "warning: the plans are of 2 provinces (Gia Lai, Kon Tum); the report's header and place are left blank\nhelp: name the committee it goes to with --parent-agency\nwrote bao-cao.docx\n"
        )
    );
}

/// Reports owed and not sent are counted per unit: a quarterly and
/// half-yearly duty of two offices, as of 20 October, owes from each Q1,
/// Q2 with the first half (one report, as both end on 30 June) and Q3 (due
/// 5 October): 6. One office sent all but Q3, the other only Q1: 3 not
/// sent. A unit with no published result shows last year's from
/// `[plan.overall]`.
#[test]
fn reports_not_sent_and_last_year_s_result_are_counted() {
    let body = "[[units]]\nid = \"tt\"\nname = \"Thanh tra\"\n\n\
         [[units]]\nid = \"hc\"\nname = \"Hành chính - Tổng hợp\"\n\n\
         [[reporting]]\nid = \"bao-cao\"\nfrom = [\"vp\", \"tt\"]\nto = \"hc\"\n\
         periods = [\"quarter\", \"half\"]\ndue_days_after = 5\n\n\
         [[reporting.records]]\ndate = 2024-04-03\nperiod = \"2024-Q1\"\nby = \"vp\"\n\n\
         [[reporting.records]]\ndate = 2024-07-03\nperiod = \"2024-Q2\"\nby = \"vp\"\n\n\
         [[reporting.records]]\ndate = 2024-07-03\nperiod = \"2024-H1\"\nby = \"vp\"\n\n\
         [[reporting.records]]\ndate = 2024-04-04\nperiod = \"2024-Q1\"\nby = \"tt\"\n";
    let text = plan("Sở Nội vụ", "Sở, ban, ngành", "2024", body).replace(
        "[plan.overall]\ngroup = \"Sở, ban, ngành\"\n",
        "[plan.overall]\ngroup = \"Sở, ban, ngành\"\nprevious_score = 70.25\nprevious_rank = { rank = 9, of = 18 }\n",
    );
    let test = Test::new()
        .file("so-noi-vu.toml", text)
        .env("DDCI_TODAY", "2024-10-20");
    let run = test.run_with(&["rollup", "so-noi-vu.toml", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let position = &json["positions"][0];
    assert_eq!(
        (
            position["reports_owed"].as_u64(),
            position["reports_not_sent"].as_u64(),
            position["result"].to_string()
        ),
        (
            Some(6),
            Some(3),
            r#"{"band":null,"rank":{"of":18,"rank":9},"score":70.25,"year":2023}"#.to_owned()
        )
    );
}
