//! The report as a Word document: opened by LibreOffice (headless, which
//! `.ci/run` installs where it is missing), printed to PDF, and read back
//! with poppler's `pdftotext` and `pdfinfo`: the parts Decree 30/2020 asks
//! for, in order, on at most 8 A4 pages, the appendix landscape. The same
//! arguments give the same bytes, and the sample in `docs/` is current.

#![allow(clippy::too_many_lines)] // tables of cases and whole documents, read top to bottom

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Test, example_plan_path, repo_root};

fn found(program: &str) -> bool {
    Command::new("which")
        .arg(program)
        .output()
        .is_ok_and(|found| found.status.success())
}

/// Whether LibreOffice and poppler are here; in CI they must be.
pub(crate) fn tools_present() -> bool {
    let present = ["soffice", "pdftotext", "pdfinfo"]
        .iter()
        .all(|program| found(program));
    assert!(
        present || std::env::var_os("CI").is_none(),
        "CI must have LibreOffice and poppler-utils: .ci/run installs them"
    );
    present
}

fn q2_docx(test: &Test, file: &str) -> Vec<u8> {
    let run = test.run_with(&[
        "--plan",
        &example_plan_path(),
        "report",
        "--quarter",
        "2",
        "-o",
        file,
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    std::fs::read(test.path().join(file)).expect("the Word file")
}

pub(crate) fn to_pdf(dir: &Path, docx: &str) -> PathBuf {
    let profile = dir.join("lo-profile");
    let converted = Command::new("timeout")
        .arg("180")
        .arg("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(dir.join(docx))
        .output()
        .expect("run LibreOffice");
    let pdf = dir.join(Path::new(docx).with_extension("pdf"));
    assert!(
        converted.status.success() && pdf.exists(),
        "LibreOffice could not open the document: {}",
        String::from_utf8_lossy(&converted.stderr)
    );
    pdf
}

pub(crate) fn pdf_text(pdf: &Path, page: Option<usize>) -> String {
    let mut command = Command::new("pdftotext");
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let out = command.arg(pdf).arg("-").output().expect("pdftotext");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Each page's width and height in points.
pub(crate) fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|line| line.starts_with("Page") && line.contains(" size: "))
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            (
                words[3].parse().expect("width"),
                words[5].parse().expect("height"),
            )
        })
        .collect()
}

#[test]
fn the_q2_word_report_prints_as_an_administrative_document() {
    if !tools_present() {
        return;
    }
    let test = Test::new().env("DDCI_TODAY", "2024-10-05");
    let docx = q2_docx(&test, "q2.docx");
    assert!(docx.starts_with(b"PK\x03\x04"), "a zip package");
    assert_eq!(
        q2_docx(&test, "again.docx"),
        docx,
        "same arguments, same bytes"
    );
    let sample =
        std::fs::read(repo_root().join("docs/sample-report-q2-2024.docx")).expect("sample");
    assert!(
        sample == docx,
        "docs/sample-report-q2-2024.docx is stale: run docs/make-sample-report.sh"
    );

    let pdf = to_pdf(test.path(), "q2.docx");
    let sizes = page_sizes(&pdf);
    assert!(
        (2..=8).contains(&sizes.len()),
        "the Q2 report with its appendix fits in 8 A4 pages, not {}",
        sizes.len()
    );
    let a4 = |(width, height): (f64, f64)| {
        let (short, long) = (width.min(height), width.max(height));
        (short - 595.3).abs() < 1.0 && (long - 841.9).abs() < 1.0
    };
    assert!(sizes.iter().copied().all(a4), "every page A4: {sizes:?}");
    let first_landscape = sizes
        .iter()
        .position(|(width, height)| width > height)
        .expect("a landscape appendix")
        + 1;
    assert!(
        sizes[..first_landscape - 1]
            .iter()
            .all(|(width, height)| width < height),
        "the report portrait"
    );
    assert!(
        sizes[first_landscape - 1..]
            .iter()
            .all(|(width, height)| width > height),
        "the appendix landscape to its end"
    );

    // The first page: the header, in Decree 30's order, and no page number.
    let first = pdf_text(&pdf, Some(1));
    let header = [
        "UBND TỈNH KON TUM",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kon Tum, ngày",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch khắc phục các chỉ số thành phần",
        "Thực hiện Kế hoạch số 45/KH-SKHCN ngày 05/04/2024",
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
    ];
    let mut from = 0;
    for part in header {
        let at = first[from..]
            .find(part)
            .unwrap_or_else(|| panic!("page 1 lacks {part:?} after byte {from}:\n{first}"));
        from += at + part.len();
    }
    assert!(first.contains("Số:"), "{first}");
    assert!(first.contains("/BC-SKHCN"), "{first}");
    assert!(
        !first.trim_start().starts_with('1'),
        "no number on page 1:\n{first}"
    );
    assert!(
        pdf_text(&pdf, Some(2)).trim_start().starts_with("2\n"),
        "page 2 is numbered at its top"
    );

    // The body's five sections, then the closing, recipients and signer.
    let body: String = (1..first_landscape)
        .map(|page| pdf_text(&pdf, Some(page)))
        .collect();
    let order = [
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "3. Nguyên nhân",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III/2024",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Trên đây là báo cáo",
        "Nơi nhận:",
        "- Sở Kế hoạch và Đầu tư;",
        "- Lưu: VT, HCTH.",
        "GIÁM ĐỐC",
        "Bùi Thanh Bình",
    ];
    let mut from = 0;
    for part in order {
        let at = body[from..]
            .find(part)
            .unwrap_or_else(|| panic!("the report lacks {part:?} in order:\n{body}"));
        from += at + part.len();
    }

    // The appendix on its own landscape page, attached to the report.
    let appendix = pdf_text(&pdf, Some(first_landscape));
    for part in [
        "Phụ lục",
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ QUÝ II NĂM 2024",
        "(Kèm theo Báo cáo số",
        "/BC-SKHCN ngày",
        "STT",
        "Đơn vị chủ trì",
        "1. Chỉ số Tính minh bạch",
    ] {
        assert!(appendix.contains(part), "{part}:\n{appendix}");
    }
    // Its column headings repeat on its next page.
    if first_landscape < sizes.len() {
        assert!(pdf_text(&pdf, Some(first_landscape + 1)).contains("Đơn vị chủ trì"));
    }
}

/// The bundled plan has no plan number, parent agency or code: the
/// document leaves them for the office, and says nobody has reported.
#[test]
fn the_bundled_plan_s_word_report_leaves_blanks_for_the_office() {
    if !tools_present() {
        return;
    }
    let test = Test::new();
    let run = test.run_with(&[
        "--plan",
        &crate::harness::bundled_plan_path(),
        "report",
        "--quarter",
        "2",
        "-o",
        "q2.docx",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = to_pdf(test.path(), "q2.docx");
    let text = pdf_text(&pdf, None);
    for part in [
        "Số:",
        "/BC-……………",
        "Thực hiện Kế hoạch số …………… ngày ……………",
        "Còn 42 nhiệm vụ chưa có báo cáo kết quả trong kỳ",
        "GIÁM ĐỐC",
        "Bùi Thanh Bình",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    assert!(!text.contains("Chưa thực hiện"), "{text}");
    assert!(page_sizes(&pdf).len() <= 8);
}

/// The province's summary of the examples' 2024 plans, printed: the
/// signature is never alone on its page (it keeps the closing paragraph
/// with it), the group's figures are stated, and the units are counted of
/// how many there are.
#[test]
fn the_summary_report_keeps_its_signature_with_the_closing_paragraph() {
    if !tools_present() {
        return;
    }
    // A day after every example's records: the 2024 year has long settled.
    let test = Test::new().env("DDCI_TODAY", "2026-12-07");
    let examples = repo_root().join("examples");
    let run = test.run_with(&[
        "rollup",
        examples.to_str().expect("a UTF-8 path"),
        "--year",
        "2024",
        "--signed-by",
        "Nguyễn Văn A",
        "-o",
        "tong-hop.docx",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = to_pdf(test.path(), "tong-hop.docx");
    let pages = page_sizes(&pdf).len();
    let signed_on = (1..=pages)
        .find(|page| pdf_text(&pdf, Some(*page)).contains("Nguyễn Văn A"))
        .expect("a page with the signer's name");
    let page = pdf_text(&pdf, Some(signed_on));
    assert!(
        page.contains("kính báo cáo") && page.contains("GIÁM ĐỐC"),
        "page {signed_on}:\n{page}"
    );
    let text = pdf_text(&pdf, None)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for part in [
        "02/02 đơn vị còn nhiệm vụ trễ hạn",
        "01/01 cơ quan, đơn vị còn báo cáo định kỳ nội bộ đến hạn chưa gửi",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
}
