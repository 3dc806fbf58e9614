//! The HTML report in a real headless browser (Debian's chromium, which
//! `.ci/run` installs where it is missing): it loads with the parts of an
//! administrative document, takes a screenshot, and prints on A4, portrait
//! for the report and landscape for its appendix.

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
    for part in [
        "<div>UBND TỈNH KON TUM</div>",
        "<div class=\"national\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>",
        "<div class=\"motto\">Độc lập - Tự do - Hạnh phúc</div>",
        "<p class=\"kind\">BÁO CÁO</p>",
        "<h2>I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI</h2>",
        "<h2>V. ĐỀ XUẤT, KIẾN NGHỊ</h2>",
        "<div class=\"recipients-heading\">Nơi nhận:</div>",
        "<p class=\"appendix-title\">KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ QUÝ II NĂM 2024</p>",
    ] {
        assert!(dom.contains(part), "{part}\n{dom}");
    }
    assert!(!dom.contains("<svg"), "no chart: the tables say it");

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
    // A4 is 595 × 842 points: the report portrait, its appendix landscape.
    let text = String::from_utf8_lossy(&pdf);
    let portrait = [
        "/MediaBox [0 0 595 842]",
        "/MediaBox [0 0 594.95996 841.91998]",
    ];
    let landscape = [
        "/MediaBox [0 0 842 595]",
        "/MediaBox [0 0 841.91998 594.95996]",
    ];
    assert!(
        portrait.iter().any(|size| text.contains(size)),
        "printed on A4 portrait"
    );
    assert!(
        landscape.iter().any(|size| text.contains(size)),
        "the appendix on A4 landscape"
    );
}
