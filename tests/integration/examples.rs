//! The illustrative example is exactly what its script makes from the real
//! plan with `ddci record`, so it never drifts from the bundled plan.

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
    let plan = plan.to_string_lossy();
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_ddci"))
            .args(["--plan", &plan])
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
    };
    let status = run(&["status", "--format", "markdown"]);
    for line in [
        "- Chỉ tiêu: 11 — Đạt 8, Không đạt 1, Chưa có số liệu 2\n",
        "- Kết quả chung năm 2024: 62,50 điểm, xếp hạng thứ 7/10\n",
        "- Kết quả chung năm 2025 (công bố ngày 20/03/2026): 67,20 điểm, xếp hạng thứ 4/10\n",
    ] {
        assert!(status.contains(line), "{line}\n{status}");
    }
    let report = run(&["report", "--year", "2025"]);
    for line in [
        "- Tăng từ 2 đến 4 bậc so với năm 2024: thứ 4/10 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu tăng 2–4 bậc: đạt.\n",
        "- Chỉ số Tính minh bạch đạt từ 7,70 điểm trở lên: 7,35 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu tối thiểu 7,70 điểm: không đạt.\n",
        "- Duy trì trong nhóm xếp loại “tốt” trở lên: tốt (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu từ “tốt” trở lên: đạt.\n",
        "- Điểm chỉ số Tính minh bạch không thấp hơn điểm trung vị của các huyện: 7,35 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu bằng hoặc cao hơn điểm trung vị: đạt.\n",
        "- Chỉ số Tiếp cận đất đai tăng từ 0,5 đến 1 điểm so với năm 2023: 6,60 (kết quả DDCI năm 2025, công bố ngày 20/03/2026); mục tiêu +0,50–1,00 điểm: đạt.\n",
        "- Nâng cao mức độ hài lòng của doanh nghiệp đối với thủ tục đất đai: đạt (đánh giá ngày 15/12/2025: Khảo sát cuối năm: 82% doanh nghiệp được hỏi hài lòng); mục tiêu được đánh giá đạt: đạt.\n",
    ] {
        assert!(report.contains(line), "{line}\n{report}");
    }
}
