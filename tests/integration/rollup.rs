//! `ddci rollup`: a folder of plans of different units, levels and years,
//! one of them invalid and one TOML file that is no plan, rolled up with
//! exact figures.

use crate::harness::Test;

/// A plan of `agency` for `years` ("2024", or "2023\nuntil = 2025"), ranked
/// in `group`, with one index "Tính minh bạch" and the given tasks, targets
/// and results.
fn plan(agency: &str, group: &str, years: &str, body: &str) -> String {
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
fn province() -> Test {
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
         - tinh/so-xay-dung.toml: 1 lỗi — 23:9: no unit has the id \\`khong-co\\`\n"
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
        "--as-of",
        "2024-12-31",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\u{feff}file,agency,level,year,until,as_of,tasks,tasks_done,tasks_in_progress,tasks_not_started,tasks_no_report,tasks_blocked,tasks_overdue,tasks_cancelled,targets,targets_met,targets_not_yet_met,targets_not_met,targets_no_data,missed_duties,reports_owed,reports_not_sent,result_year,result\r\n\
         tinh/so-tai-chinh.toml,Sở Tài chính,department,2024,2024,2024-12-31,1,0,0,0,0,0,1,0,1,0,0,1,0,0,0,0,,\r\n\
         tinh/so-khcn.toml,Sở Khoa học và Công nghệ,department,2024,2024,2024-12-31,1,1,0,0,0,0,0,0,1,1,0,0,0,0,0,0,,\r\n"
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
