//! The HTML report in a real headless browser (Debian's chromium, which
//! `.ci/run` installs where it is missing): it loads, its charts are in the
//! page, it takes a screenshot and prints to an A4 PDF.

use std::path::PathBuf;
use std::process::Command;

use crate::harness::{Test, example_plan_path};

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DDCI_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let found = Command::new("which").arg(name).output().ok()?;
            found
                .status
                .success()
                .then(|| PathBuf::from(String::from_utf8_lossy(&found.stdout).trim()))
        })
}

fn headless(browser: &PathBuf, profile: &std::path::Path, args: &[String]) -> std::process::Output {
    Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run the browser")
}

#[test]
fn html_report_renders_in_a_headless_browser() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium: .ci/run installs Debian's package"
        );
        eprintln!("skipped: no chromium here (apt-get install chromium, or set DDCI_CHROMIUM)");
        return;
    };
    let test = Test::new()
        .args([
            "--plan",
            &example_plan_path(),
            "report",
            "--quarter",
            "2",
            "--format",
            "html",
            "-o",
            "q2.html",
        ])
        .env("DDCI_TODAY", "2024-10-05");
    assert_eq!(test.run().code, 0);
    let page = test.path().join("q2.html");
    let url = format!("file://{}", page.display());
    let profile = test.path().join("profile");

    let dom = headless(&browser, &profile, &["--dump-dom".into(), url.clone()]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<h1>BÁO CÁO Quý II/2024</h1>"), "{dom}");
    assert_eq!(dom.matches("<svg").count(), 2, "two charts");
    assert!(dom.contains("PHỤ LỤC: TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ"));

    let screenshot = test.path().join("q2.png");
    let shot = headless(
        &browser,
        &profile,
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=900,1600".into(),
            url.clone(),
        ],
    );
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let png = std::fs::read(&screenshot).expect("screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "a real picture, not a blank page"
    );

    let pdf_path = test.path().join("q2.pdf");
    let print = headless(
        &browser,
        &profile,
        &[
            format!("--print-to-pdf={}", pdf_path.display()),
            "--no-pdf-header-footer".into(),
            url,
        ],
    );
    assert!(
        print.status.success(),
        "{}",
        String::from_utf8_lossy(&print.stderr)
    );
    let pdf = std::fs::read(&pdf_path).expect("PDF");
    assert!(pdf.starts_with(b"%PDF"));
    // A4 is 595 × 842 points.
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594"),
        "printed on A4"
    );
}
