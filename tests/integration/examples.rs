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
