//! The illustrative example is exactly what its script makes from the real
//! plan with `ddci record`, so it never drifts from the bundled plan.

#![allow(clippy::too_many_lines)] // tables of cases and whole documents, read top to bottom

use std::process::Command;

use crate::harness::repo_root;

#[test]
fn example_plan_is_the_bundled_plan_plus_its_recorded_progress() {
    let folder = tempfile::tempdir().expect("temp dir");
    let made = folder.path().join("plan.toml");
    let status = Command::new("bash")
        .arg(repo_root().join("examples/progress-2024/regenerate.sh"))
        .arg(env!("CARGO_BIN_EXE_ddci"))
        .arg(&made)
        .env_remove("DDCI_PLAN")
        .status()
        .expect("run the example's script");
    assert!(status.success());
    let committed = std::fs::read_to_string(repo_root().join("examples/progress-2024/plan.toml"))
        .expect("committed example");
    let regenerated = std::fs::read_to_string(&made).expect("regenerated example");
    assert!(
        committed == regenerated,
        "examples/progress-2024/plan.toml is stale: run examples/progress-2024/regenerate.sh"
    );
    let bundled = std::fs::read_to_string(repo_root().join("plans/so-khcn-kon-tum-2024.toml"))
        .expect("bundled plan");
    // Outside the header comment, the records and the illustrative keys,
    // the example is the real plan.
    let body = committed.split_once("\n\n").map_or("", |(_, body)| body);
    let bundled = bundled.split_once('\n').map_or("", |(_, rest)| rest);
    let without_records: String = body
        .split("\n\n")
        .filter(|block| {
            !block.starts_with("[[tasks.records]]")
                && !block.starts_with("[[targets.records]]")
                && !block.starts_with("[[reporting.records]]")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    // Every illustrative line ends with the mark, or is a comment starting
    // with it that says why.
    let mark = "# MINH HỌA / ILLUSTRATIVE";
    assert_eq!(without_records.matches(mark).count(), 12);
    let without_records: String = without_records
        .lines()
        .filter(|line| !line.starts_with(mark) && !line.ends_with(mark))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("\n\n\n", "\n\n");
    assert_eq!(without_records.trim_end(), bundled.trim_end());
}

/// Every shape of target in the invented district plan, judged in status
/// and in the year report once the 2025 result is published (20/03/2026).
#[test]
fn the_district_example_judges_every_shape() {
    let plan = repo_root().join("examples/district-2025/plan.toml");
    let run = |args: &[&str]| run_on(&plan, args);
    let status = run(&["status", "--format", "markdown"]);
    for line in [
        "- Chỉ tiêu: 12 — Đạt 8, Không đạt 2, Chưa có số liệu 2\n",
        "- Kết quả chung năm 2024: 62,50 điểm, xếp hạng thứ 7/10\n",
        "- Kết quả chung năm 2025 (công bố ngày 20/03/2026): 67,20 điểm, xếp hạng thứ 4/10\n",
        // A rank range, a band, the group's median, a score range against
        // a named year, a qualitative goal: each row as judged.
        "| tang-bac<br>Tăng từ 2 đến 4 bậc so với năm 2024. | thứ 7/10 | tăng 2–4 bậc | thứ 4/10<br>(31/12/2025) |  | Đạt |\n",
        "| minh-bach-7-7<br>Chỉ số Tính minh bạch đạt từ 7,70 điểm trở lên. |  | ≥ 7,70 điểm | 7,35<br>(31/12/2025) |  | Không đạt |\n",
        "| nhom-tot<br>Duy trì trong nhóm xếp loại “tốt” trở lên. |  | từ “tốt” trở lên | tốt<br>(31/12/2025) |  | Đạt |\n",
        "| tren-trung-vi<br>Điểm chỉ số Tính minh bạch không thấp hơn điểm trung vị… | 7,10 | không thấp hơn điểm trung vị (7,10) | 7,35<br>(31/12/2025) |  | Đạt |\n",
        "| dat-dai-so-voi-2023<br>Chỉ số Tiếp cận đất đai tăng từ 0,5 đến 1 điểm so với năm… | 5,90 (2023) | +0,50–1,00 điểm | 6,60<br>(31/12/2025) |  | Đạt |\n",
        "| hai-long<br>Nâng cao mức độ hài lòng của doanh nghiệp đối với thủ tục… |  | được đánh giá đạt | đạt<br>(15/12/2025) |  | Đạt |\n",
        // One target over every index: one verdict naming the index that fell.
        "| khong-giam-diem<br>Không có chỉ số thành phần nào giảm điểm so với năm trước. |  | không có chỉ số nào giảm điểm | 01 chỉ số giảm điểm: Chi phí thời gian 6,20 → 6,05; chưa có điểm: Hỗ trợ doanh nghiệp, Vai trò người đứng đầu<br>(31/12/2025) |  | Không đạt |\n",
    ] {
        assert!(status.contains(line), "{line}\n{status}");
    }
    let report = run(&["report", "--year", "2025"]);
    for line in [
        "- Tăng từ 2 đến 4 bậc so với năm 2024: thứ 4/10 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu tăng 2–4 bậc: đạt.\n",
        "- Chỉ số Tính minh bạch đạt từ 7,70 điểm trở lên: 7,35 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu tối thiểu 7,70 điểm: không đạt.\n",
        "- Duy trì trong nhóm xếp loại “tốt” trở lên: tốt (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu từ “tốt” trở lên: đạt.\n",
        "- Điểm chỉ số Tính minh bạch không thấp hơn điểm trung vị của các huyện: 7,35 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu không thấp hơn điểm trung vị (7,10): đạt.\n",
        "- Chỉ số Tiếp cận đất đai tăng từ 0,5 đến 1 điểm so với năm 2023: 6,60 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu +0,50–1,00 điểm: đạt.\n",
        "- Nâng cao mức độ hài lòng của doanh nghiệp đối với thủ tục đất đai: đạt (đánh giá ngày 15/12/2025: Khảo sát cuối năm: 82% doanh nghiệp được hỏi hài lòng); mục tiêu được đánh giá đạt: đạt.\n",
        // The year report leads with the DDCI position.
        "### 1. Kết quả Chỉ số DDCI năm 2025\n\nTheo kết quả công bố ngày 20/03/2026, chỉ số DDCI năm 2025 của Ủy ban nhân dân huyện Minh Họa đạt 67,20 điểm, xếp thứ 4/10 (khối Huyện, thành phố), xếp loại tốt; năm 2024: 62,50 điểm, xếp thứ 7/10; tăng 4,70 điểm, tăng 3 bậc.\n",
        "So với năm 2024, tăng điểm 02 chỉ số: Tiếp cận đất đai và Tính minh bạch; giảm điểm 01 chỉ số: Chi phí thời gian.\n",
        "- Không có chỉ số thành phần nào giảm điểm so với năm trước: 01 chỉ số giảm điểm: Chi phí thời gian 6,20 → 6,05; chưa có điểm: Hỗ trợ doanh nghiệp, Vai trò người đứng đầu (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu không có chỉ số nào giảm điểm: không đạt.\n",
    ] {
        assert!(report.contains(line), "{line}\n{report}");
    }
}

/// A year report signed before the year's DDCI result was published says
/// only what was known on its day: the result of 20/03/2026 is not in a
/// report signed on 15/01/2026, and is in one signed on 20/03/2026.
#[test]
fn a_report_signed_before_the_result_is_published_does_not_cite_it() {
    let plan = repo_root().join("examples/district-2025/plan.toml");
    let run = |args: &[&str]| run_on(&plan, args);
    let result = "- Tăng từ 2 đến 4 bậc so với năm 2024: thứ 4/10 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu tăng 2–4 bậc: đạt.\n";
    let before = run(&["report", "--year", "2025", "--signed-on", "2026-01-15"]);
    assert!(!before.contains("công bố ngày 20/03/2026"), "{before}");
    assert!(
        before.contains("- Chưa có số liệu để đánh giá 10 chỉ tiêu: tăng từ 2 đến 4 bậc so với năm 2024 (tăng 2–4 bậc);"),
        "{before}"
    );
    let on_the_day = run(&["report", "--year", "2025", "--signed-on", "2026-03-20"]);
    assert!(on_the_day.contains(result), "{on_the_day}");
}

/// A plan of three years: each year's report holds that year's tasks and
/// targets and the ones for every year, judges a per-year count in that year
/// alone, and compares each year's target with the result published for the
/// year before it.
#[test]
fn the_multi_year_example_judges_each_year_on_its_own() {
    let plan = repo_root().join("examples/district-2023-2025/plan.toml");
    let run = |args: &[&str]| run_on(&plan, args);
    let validated = run(&["validate"]);
    assert!(
        validated.ends_with("valid (2 indices, 4 tasks, 7 targets, 3 units, 12 records)\n"),
        "{validated}"
    );
    let section = |report: &str, from: &str, to: &str| -> String {
        let start = report.find(from).expect("section start");
        let end = report[start..].find(to).expect("section end") + start;
        report[start..end].to_owned()
    };
    let years = [
        (
            "2023",
            "### 2. Kết quả thực hiện các chỉ tiêu\n\n\
             - Năm 2023 xếp hạng trong nhóm 6 huyện dẫn đầu: thứ 6/10 (kết quả DDCI năm 2023, công bố ngày 27/03/2024); mục tiêu trong nhóm 6: đạt.\n\
             - Số hội nghị đối thoại: 02 trong kỳ; mục tiêu tối thiểu 2 lần/năm: đạt.\n\n",
            "Rà soát, công bố thủ tục hành chính lĩnh vực đất đai năm 2023",
            "Số hóa hồ sơ địa chính",
        ),
        (
            "2024",
            "### 2. Kết quả thực hiện các chỉ tiêu\n\n\
             - Năm 2024 tăng từ 1 đến 3 bậc so với năm 2023: thứ 5/10 (kết quả DDCI năm 2024, công bố ngày 25/03/2025); mục tiêu tăng 1–3 bậc: đạt.\n\
             - Số hội nghị đối thoại: 01 trong kỳ; năm 2023: 02; mục tiêu tối thiểu 2 lần/năm: không đạt.\n\n",
            "Số hóa hồ sơ địa chính",
            "Công khai kết quả giải quyết",
        ),
        (
            "2025",
            "### 2. Kết quả thực hiện các chỉ tiêu\n\n\
             - Năm 2025 vào nhóm xếp loại “tốt” trở lên: tốt (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu từ “tốt” trở lên: đạt.\n\
             - Năm 2025 chỉ số Tiếp cận đất đai tăng ít nhất 0,3 điểm so với năm 2024: 6,45 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu +0,30 điểm: đạt.\n\
             - Năm 2025 điểm chỉ số Tính minh bạch không thấp hơn điểm trung vị của các huyện: 7,12 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu không thấp hơn điểm trung vị (6,95): đạt.\n\
             - Năm 2025 nâng cao mức độ hài lòng của doanh nghiệp khi đối thoại với chính quyền huyện: đạt (đánh giá ngày 10/12/2025: Khảo sát sau hội nghị đối thoại: 78% doanh nghiệp hài lòng, năm 2024 là 65%); mục tiêu được đánh giá đạt: đạt.\n\
             - Số hội nghị đối thoại: 02 trong kỳ; năm 2024: 01; mục tiêu tối thiểu 2 lần/năm: đạt.\n\n",
            "Công khai kết quả giải quyết",
            "Rà soát, công bố thủ tục hành chính",
        ),
    ];
    for (year, targets, own_task, other_years_task) in years {
        let report = run(&["report", "--year", year, "--format", "markdown"]);
        assert_eq!(
            section(&report, "### 2. Kết quả thực hiện các chỉ tiêu", "### 3."),
            targets,
            "{year}"
        );
        assert!(report.contains(own_task), "{year}: {report}");
        assert!(!report.contains(other_years_task), "{year}: {report}");
        assert!(
            report.contains(&format!(
                "Số liệu báo cáo tính từ ngày 01/01/{year} đến hết ngày 31/12/{year}."
            )),
            "{report}"
        );
    }
    // Status as of the end of 2024 shows 2024: its tasks, its targets, the
    // results published up to then; not 2023's nor 2025's.
    let status = run(&["status", "--as-of", "2024-12-31", "--format", "markdown"]);
    assert_eq!(
        section(&status, "- Tính đến ngày", "\n\n"),
        "- Tính đến ngày 31/12/2024 (Quý IV/2024)\n\
         - Nhiệm vụ: 2 — Đang thực hiện 1, Chưa hoàn thành trễ hạn 1\n\
         - Chỉ tiêu: 2 — Đạt 1, Không đạt 1\n\
         - Kết quả chung năm 2022: 60,10 điểm, xếp hạng thứ 8/10\n\
         - Kết quả chung năm 2023 (công bố ngày 27/03/2024): 63,40 điểm, xếp hạng thứ 6/10\n\
         - Kết quả chung năm 2024 (công bố ngày 25/03/2025): 65,05 điểm, xếp hạng thứ 5/10"
    );
    assert!(
        status.contains(
            "| ≥ 2 lần/năm | 1<br>(15/05/2024) | 1<br>(năm 2024) | Không đạt: năm 2024 |"
        ),
        "{status}"
    );
    // JSON gives the span, the year judged and every published result.
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "status",
        "--as-of",
        "2024-12-31",
        "--format",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(
        (
            &json["plan"]["year"],
            &json["plan"]["until"],
            &json["year_in_view"]
        ),
        (&2023.into(), &2025.into(), &2024.into())
    );
    let results: Vec<String> = json["plan"]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| {
            format!(
                "{} {} {} {} {} {} {}",
                result["year"],
                result["index"],
                result["score"],
                result["rank"],
                result["band"],
                result["median"],
                result["published"]
            )
        })
        .collect();
    assert_eq!(
        results,
        [
            r#"2023 null 63.4 {"of":10,"rank":6} "khá" null "2024-03-27""#,
            r#"2024 null 65.05 {"of":10,"rank":5} "khá" null "2025-03-25""#,
            r#"2024 "tiep-can-dat-dai" 6.0 null null null "2025-03-25""#,
            r#"2025 null 68.9 {"of":10,"rank":3} "tốt" null "2026-03-20""#,
            r#"2025 "minh-bach" 7.12 null null 6.95 "2026-03-20""#,
            r#"2025 "tiep-can-dat-dai" 6.45 null null null "2026-03-20""#,
        ]
    );
    // After the plan, status shows its last year, and 2024's task still
    // not done stays in sight, overdue.
    let status = run(&["status", "--format", "markdown"]);
    assert!(
        status.contains("- Tính đến ngày 31/12/2025 (Quý IV/2025)\n- Nhiệm vụ: 3 — Đang thực hiện 1, Chưa hoàn thành trễ hạn 1, Hoàn thành 1\n- Chỉ tiêu: 5 — Đạt 5\n"),
        "{status}"
    );
    let report = run(&["report", "--year", "2025", "--format", "markdown"]);
    assert!(
        report.contains("- Quá hạn, chưa hoàn thành: Số hóa hồ sơ địa chính của các xã, thị trấn; hạn 30/09/2024.\n"),
        "{report}"
    );
}

/// `ddci --plan PLAN ARGS…` on 1 April 2026, after the 2025 result was
/// published; its standard output, once it succeeded.
fn run_on(plan: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_ddci"))
        .env("DDCI_LANG", "en")
        .arg("--plan")
        .arg(plan)
        .args(args)
        .env("DDCI_TODAY", "2026-04-01")
        .env_remove("DDCI_PLAN")
        .output()
        .expect("run ddci");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The shipped plans rolled up for 2024 cite 2024 results only (the
/// district of 2023–2025 has 2025's too, known since 20/03/2026), and read
/// the same on any day after.
#[test]
fn the_shipped_plans_rolled_up_for_2024_read_the_same_whatever_today_is() {
    let rolled = |today: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_ddci"))
            .env("DDCI_LANG", "en")
            .args([
                "rollup", "examples", "plans", "--year", "2024", "--format", "csv",
            ])
            .current_dir(repo_root())
            .env("DDCI_TODAY", today)
            .env_remove("DDCI_PLAN")
            .output()
            .expect("run ddci");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    // After the 2025 results too were published (20/03/2026).
    let in_april = rolled("2026-04-01");
    assert_eq!(in_april, rolled("2026-12-07"));
    let result_years: Vec<&str> = in_april
        .lines()
        .skip(1)
        .filter_map(|row| row.split(',').nth(25))
        .filter(|year| !year.is_empty())
        .collect();
    assert_eq!(result_years, ["2024"], "{in_april}");
}
