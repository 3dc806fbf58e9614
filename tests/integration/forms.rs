//! `ddci form` and `ddci import`: a unit's workbook made, filled as a unit
//! would fill it (by a helper that rewrites the workbook: Vietnamese text, a
//! decimal comma, an Excel date, an empty row, rows sorted the other way),
//! read back into the plan byte for byte, imported again to no effect,
//! corrected, and refused whole when a cell is wrong.

#![allow(clippy::too_many_lines)] // tables of cases and whole documents, read top to bottom

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::harness::Test;

pub const FORM_PLAN: &str = r#"[plan]
title = "Kế hoạch thử nghiệm phiếu báo cáo"
agency = "Sở Khoa học và Công nghệ"
province = "Kon Tum"
year = 2024

[[units]]
id = "hc-th"
name = "Phòng Hành chính - Tổng hợp"
short = "HC-TH"

[[units]]
id = "thanh-tra"
name = "Thanh tra Sở"

[[indices]]
id = "minh-bach"
name = "Tính minh bạch"

[[indices]]
id = "thiet-che"
name = "Thiết chế pháp lý"

[[tasks]]
id = "1.1"
index = "minh-bach"
text = "Công khai kết quả giải quyết phản ánh, kiến nghị trên Trang thông tin điện tử"
lead = ["thanh-tra"]
coordinating = ["hc-th"]
schedule = { kind = "ongoing", text = "Thường xuyên" }

[[tasks]]
id = "7.2"
index = "thiet-che"
text = "Tiếp công dân định kỳ vào thứ 4 ngày cuối hàng tháng"
lead = ["thanh-tra"]
schedule = { kind = "ongoing", text = "Thường xuyên" }

[[tasks]]
id = "8.1"
index = "thiet-che"
text = "Việc của phòng khác"
lead = ["hc-th"]
schedule = { kind = "ongoing", text = "Thường xuyên" }

[[targets]]
id = "tra-loi"
kind = "percent_at_least"
task = "1.1"
text = "ít nhất 90% phản ánh được trả lời"
measure = "Tỷ lệ phản ánh được trả lời"
percent = 90

[[targets]]
id = "duong-day-nong"
kind = "deliverable"
task = "1.1"
text = "Công khai đường dây nóng"

[[targets]]
id = "tiep-dan"
kind = "count_at_least"
task = "7.2"
text = "ít nhất 1 buổi tiếp công dân mỗi tháng"
measure = "Số buổi tiếp công dân"
min = 1
per = "month"

[[reporting]]
id = "bao-cao-quy"
from = ["thanh-tra"]
to = "hc-th"
periods = ["quarter", "half", "year"]
"#;

/// What a unit types in one cell.
#[derive(Clone, Copy)]
pub enum Typed<'a> {
    Text(&'a str),
    /// An Excel date, as a date-formatted cell.
    Date(u16, u8, u8),
    /// A number cell.
    Number(f64),
}

/// Rewrites the workbook at `form` as a unit that filled it would send it
/// back: each `(sheet, key, heading, value)` typed in, the data rows of each
/// sheet in reverse order (sorted), and an empty row among them. The hidden
/// identity sheet is kept as it was.
pub fn fill(form: &Path, filled: &Path, cells: &[(&str, &str, &str, Typed<'_>)]) {
    let mut source = calamine::open_workbook_auto(form).expect("open the form");
    let mut workbook = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for name in source.sheet_names() {
        let range = source.worksheet_range(&name).expect("sheet");
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).expect("name");
        if name == "ddci" {
            for (at, row) in rows.iter().enumerate() {
                for (column, text) in row.iter().enumerate() {
                    sheet
                        .write_string(
                            u32::try_from(at).expect("row"),
                            u16::try_from(column).expect("col"),
                            text,
                        )
                        .expect("write");
                }
            }
            sheet.set_very_hidden(true);
            continue;
        }
        let heading_at = rows
            .iter()
            .position(|row| row.first().is_some_and(|cell| cell.starts_with("Mã")))
            .expect("heading row");
        let headings = rows[heading_at].clone();
        let mut data: Vec<Vec<String>> = rows[heading_at + 1..].to_vec();
        data.reverse();
        data.insert(data.len().min(1), Vec::new());
        let mut ordered = rows[..=heading_at].to_vec();
        ordered.extend(data);
        for (at, row) in ordered.iter().enumerate() {
            let at = u32::try_from(at).expect("row");
            for (column, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    sheet
                        .write_string(at, u16::try_from(column).expect("col"), text)
                        .expect("write");
                }
            }
            let key = row.first().cloned().unwrap_or_default();
            for (sheet_name, row_key, heading, value) in cells {
                if *sheet_name != name || *row_key != key {
                    continue;
                }
                let column = headings
                    .iter()
                    .position(|candidate| candidate == heading)
                    .unwrap_or_else(|| panic!("no column {heading} in {name}"));
                let column = u16::try_from(column).expect("col");
                match value {
                    Typed::Text(text) => {
                        sheet.write_string(at, column, *text).expect("write");
                    }
                    Typed::Number(number) => {
                        sheet.write_number(at, column, *number).expect("write");
                    }
                    Typed::Date(year, month, day) => {
                        let date = ExcelDateTime::from_ymd(*year, *month, *day).expect("date");
                        sheet
                            .write_datetime_with_format(at, column, &date, &date_format)
                            .expect("write");
                    }
                }
            }
        }
    }
    workbook.save(filled).expect("save the filled form");
}

/// The plan with each of `blocks` removed once, to compare with the plan
/// before: what an import added, and that it changed nothing else.
fn without(text: &str, blocks: &[&str]) -> String {
    let mut text = text.to_owned();
    for block in blocks {
        assert!(text.contains(block), "missing:\n{block}\nin:\n{text}");
        text = text.replacen(block, "", 1);
    }
    text
}

const TASK_1_1: &str = "\n[[tasks.records]]
id = \"phieu/thanh-tra/2024-Q2/1.1\"
date = 2024-06-20
status = \"in_progress\"
note = \"Đăng 12 tin bài; “công khai” 100% kết quả\"
by = \"thanh-tra\"
evidence = \"Công văn 45/TTr ngày 20/6/2024\"
shortcoming = \"Chưa có phần mềm theo dõi\"
cause = \"Thiếu kinh phí\"
proposal = \"Đề nghị bố trí kinh phí năm 2025\"
";

const TARGET_TRA_LOI: &str = "\n[[targets.records]]
id = \"phieu/thanh-tra/2024-Q2/tra-loi\"
date = 2024-06-30
value = 92.5
by = \"thanh-tra\"
";

const TARGET_TIEP_DAN_MAY: &str = "\n[[targets.records]]
id = \"phieu/thanh-tra/2024-Q2/tiep-dan@2024-05\"
date = 2024-05-29
value = 1
note = \"Tiếp 3 lượt công dân\"
by = \"thanh-tra\"
";

const TARGET_DUONG_DAY_NONG: &str = "\n[[targets.records]]
id = \"phieu/thanh-tra/2024-Q2/duong-day-nong\"
date = 2024-06-30
status = \"done\"
by = \"thanh-tra\"
";

const FILED: &str = "\n[[reporting.records]]
id = \"phieu/thanh-tra/2024-Q2\"
date = 2024-07-03
period = \"2024-Q2\"
note = \"Phiếu báo cáo filled.xlsx (ddci import)\"
by = \"thanh-tra\"
";

fn filled_q2(test: &Test) {
    let made = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!((made.code, made.stderr.as_str()), (0, "wrote form.xlsx\n"));
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("filled.xlsx"),
        &[
            ("Nhiệm vụ", "1.1", "Tiến độ", Typed::Text("đang thực hiện")),
            (
                "Nhiệm vụ",
                "1.1",
                "Kết quả thực hiện trong kỳ",
                Typed::Text("Đăng 12 tin bài; “công khai” 100% kết quả"),
            ),
            (
                "Nhiệm vụ",
                "1.1",
                "Văn bản, minh chứng (số, ngày)",
                Typed::Text("Công văn 45/TTr ngày 20/6/2024"),
            ),
            (
                "Nhiệm vụ",
                "1.1",
                "Khó khăn, vướng mắc",
                Typed::Text("Chưa có phần mềm theo dõi"),
            ),
            (
                "Nhiệm vụ",
                "1.1",
                "Nguyên nhân",
                Typed::Text("Thiếu kinh phí"),
            ),
            (
                "Nhiệm vụ",
                "1.1",
                "Đề xuất, kiến nghị",
                Typed::Text("Đề nghị bố trí kinh phí năm 2025"),
            ),
            (
                "Nhiệm vụ",
                "1.1",
                "Ngày (dd/mm/yyyy)",
                Typed::Date(2024, 6, 20),
            ),
            (
                "Chỉ tiêu",
                "tra-loi",
                "Số liệu trong kỳ",
                Typed::Text("92,5"),
            ),
            (
                "Chỉ tiêu",
                "duong-day-nong",
                "Tiến độ",
                Typed::Text("Hoàn thành"),
            ),
            (
                "Chỉ tiêu",
                "tiep-dan@2024-05",
                "Số liệu trong kỳ",
                Typed::Text("1"),
            ),
            (
                "Chỉ tiêu",
                "tiep-dan@2024-05",
                "Ghi chú",
                Typed::Text("Tiếp 3 lượt công dân"),
            ),
            (
                "Chỉ tiêu",
                "tiep-dan@2024-05",
                "Ngày (dd/mm/yyyy)",
                Typed::Text("29/05/2024"),
            ),
        ],
    );
}

#[test]
fn a_filled_form_becomes_the_plan_s_records_once() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    filled_q2(&test);
    let run = test.run_with(&["import", "filled.xlsx"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{}", run.stdout);
    assert!(
        run.stdout.starts_with(
            "filled.xlsx (Thanh tra Sở, Quý II/2024): 4 new records; the unit's report is recorded as sent\n\
             Imported 5 records into plan.toml:\n"
        ),
        "{}",
        run.stdout
    );
    let plan = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    assert_eq!(
        without(
            &plan,
            &[
                TASK_1_1,
                TARGET_TRA_LOI,
                TARGET_DUONG_DAY_NONG,
                TARGET_TIEP_DAN_MAY,
                FILED
            ]
        ),
        FORM_PLAN
    );
    let valid = test.run_with(&["validate"]);
    assert_eq!(valid.code, 0, "{}", valid.stderr);

    // Again: nothing to add, the plan byte for byte as it was.
    let again = test.run_with(&["import", "filled.xlsx"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(
        again.stdout,
        "filled.xlsx (Thanh tra Sở, Quý II/2024): 0 new records, 4 unchanged\n\
         Nothing to add to plan.toml.\n"
    );
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        plan
    );

    // The office sees the form returned, and the report uses what it said.
    let status = test.run_with(&["status", "--format", "json", "--as-of", "2024-07-03"]);
    let json: serde_json::Value = serde_json::from_str(&status.stdout).expect("JSON");
    let sent: Vec<&serde_json::Value> = json["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .filter(|report| report["state"] == "sent")
        .collect();
    assert_eq!(sent.len(), 1, "{}", status.stdout);
    let report = test.run_with(&["report", "--quarter", "2"]);
    assert!(
        report.stdout.contains("- Thanh tra Sở: thiếu kinh phí."),
        "{}",
        report.stdout
    );
}

/// A row changed after its import becomes a correction of the earlier
/// record, and a correction of the correction after that.
#[test]
fn a_changed_row_corrects_the_earlier_import() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    filled_q2(&test);
    assert_eq!(test.run_with(&["import", "filled.xlsx"]).code, 0);
    let before = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    for (round, value) in [(2, "93"), (3, "94,5")] {
        fill(
            &test.path().join("form.xlsx"),
            &test.path().join("filled.xlsx"),
            &[(
                "Chỉ tiêu",
                "tra-loi",
                "Số liệu trong kỳ",
                Typed::Text(value),
            )],
        );
        let run = test.run_with(&["import", "filled.xlsx"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.starts_with(
                "filled.xlsx (Thanh tra Sở, Quý II/2024): 0 new records, 1 correction\n"
            ),
            "{}",
            run.stdout
        );
        let corrects = if round == 2 {
            "phieu/thanh-tra/2024-Q2/tra-loi".to_owned()
        } else {
            format!("phieu/thanh-tra/2024-Q2/tra-loi#{}", round - 1)
        };
        assert!(
            run.stdout.contains(&format!(
                "  [[targets.records]]\n  id = \"phieu/thanh-tra/2024-Q2/tra-loi#{round}\"\n  date = 2024-06-30\n  value = {}\n  by = \"thanh-tra\"\n  corrects = \"{corrects}\"\n",
                value.replace(',', ".")
            )),
            "{}",
            run.stdout
        );
    }
    let after = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    assert!(after.starts_with(&before[..before.find("\n[[targets]]").expect("targets")]));
    let status = test.run_with(&["status", "--format", "json", "--as-of", "2024-07-03"]);
    assert!(
        status.stdout.contains("\"value\": 94.5"),
        "{}",
        status.stdout
    );
}

/// One bad cell refuses every form given, each problem named by its cell,
/// and the plan is not touched.
#[test]
fn a_bad_cell_refuses_the_whole_import() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    filled_q2(&test);
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("bad.xlsx"),
        &[
            ("Nhiệm vụ", "7.2", "Tiến độ", Typed::Text("xong")),
            (
                "Chỉ tiêu",
                "tra-loi",
                "Số liệu trong kỳ",
                Typed::Text("chín mươi"),
            ),
            (
                "Chỉ tiêu",
                "duong-day-nong",
                "Số liệu trong kỳ",
                Typed::Text("1"),
            ),
            (
                "Chỉ tiêu",
                "tiep-dan@2024-04",
                "Số liệu trong kỳ",
                Typed::Text("1"),
            ),
            (
                "Chỉ tiêu",
                "tiep-dan@2024-04",
                "Ngày (dd/mm/yyyy)",
                Typed::Date(2024, 5, 2),
            ),
        ],
    );
    let run = test.run_with(&["import", "bad.xlsx"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(run.stdout, "");
    // The helper reverses the rows and puts an empty row second: task 7.2
    // is on row 7; the targets run tiep-dan@2024-06 (row 7), the empty
    // row, @2024-05, @2024-04 (row 10), duong-day-nong, tra-loi (row 12).
    assert_eq!(
        run.stderr,
        "error: bad.xlsx, sheet Nhiệm vụ, cell G7: `xong` is not a status; choose from the list: Chưa thực hiện, Đang thực hiện, Hoàn thành, Vướng mắc, Hủy (or not-started, in-progress, done, blocked, cancelled)\n\
         error: bad.xlsx, sheet Chỉ tiêu, cell J10: 02/05/2024 is outside Tháng 4/2024 (01/04/2024 – 30/04/2024), the period of this row\n  \
         help: a result of another period goes in that period's form\n\
         error: bad.xlsx, sheet Chỉ tiêu, cell F11: this target is done or not, not a number\n  \
         help: choose its status in the column `Tiến độ`\n\
         error: bad.xlsx, sheet Chỉ tiêu, cell F12: `chín mươi` is not a number; write it like 72.5 or 72,5 (a percent sign may follow)\n\
         error: 4 problems in the forms; nothing was imported and plan.toml is unchanged\n"
    );
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        FORM_PLAN
    );
    // Two forms of one unit for one period cannot both be right.
    let twice = test.run_with(&["import", "filled.xlsx", "bad.xlsx"]);
    assert_eq!(twice.code, 1);
    assert!(
        twice.stderr.starts_with(
            "error: filled.xlsx: bad.xlsx is also the form of Thanh tra Sở, Quý II/2024\n  \
             help: import one of them: the latest the unit sent\n"
        ),
        "{}",
        twice.stderr
    );
}

/// A form is refused whole when it is another plan's, another unit's, or
/// its key column was edited.
#[test]
fn a_form_from_elsewhere_is_refused() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    filled_q2(&test);
    // Another plan: the same form, the plan's title changed.
    let other = FORM_PLAN.replace("thử nghiệm phiếu báo cáo", "khác");
    std::fs::write(test.path().join("other.toml"), &other).expect("write");
    let run = test.run_with(&["--plan", "other.toml", "import", "filled.xlsx"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: filled.xlsx: this form was made for another plan: its title is “Kế hoạch thử nghiệm phiếu báo cáo”, this plan's is “Kế hoạch khác”\n"
        ),
        "{}",
        run.stderr
    );
    // An edited key: 1.1 typed over as 8.1, another unit's task.
    let form = test.path().join("form.xlsx");
    let mut source = calamine::open_workbook_auto(&form).expect("open");
    let identity: BTreeMap<String, String> = source
        .worksheet_range("ddci")
        .expect("identity")
        .rows()
        .map(|row| (row[0].to_string(), row[1].to_string()))
        .collect();
    assert_eq!(identity["unit"], "thanh-tra");
    assert_eq!(identity["period"], "2024-Q2");
    let csv = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Tiến độ\nthanh-tra,2024-Q2,8.1,Hoàn thành\n";
    std::fs::write(test.path().join("edited.csv"), csv).expect("write");
    let run = test.run_with(&["import", "--unsealed", "edited.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: edited.csv, cell C2: `8.1` is not a row of this form\n  \
         help: do not edit the column `Mã (không sửa)`; make a new form with `ddci form --owner thanh-tra …` if the plan changed\n\
         error: 1 problem in the forms; nothing was imported and plan.toml is unchanged\n"
    );
    // The same columns as CSV, for the right task, are imported.
    let csv = "\u{feff}Đơn vị,Kỳ báo cáo,Mã (không sửa),Tiến độ,Kết quả thực hiện trong kỳ,Ngày (dd/mm/yyyy)\n\
               thanh-tra,2024-Q2,7.2,dang thuc hien,Tiếp công dân 3 buổi,26/6/2024\n";
    std::fs::write(test.path().join("good.csv"), csv).expect("write");
    let run = test.run_with(&["import", "--unsealed", "good.csv", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "  [[tasks.records]]\n  id = \"phieu/thanh-tra/2024-Q2/7.2\"\n  date = 2024-06-26\n  status = \"in_progress\"\n  note = \"Tiếp công dân 3 buổi\"\n  by = \"thanh-tra\"\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        FORM_PLAN,
        "a dry run writes nothing"
    );
}

/// Every unit with tasks gets a form; the workbook opens in LibreOffice
/// (printed to PDF on A4 landscape) when LibreOffice is here.
#[test]
fn forms_for_every_unit_open_in_libreoffice() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let run = test.run_with(&["form", "--all", "--quarter", "2", "-o", "phieu"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "wrote phieu/hc-th-2024-Q2.xlsx (Phòng Hành chính - Tổng hợp: 2 tasks, 0 targets)\n\
         wrote phieu/thanh-tra-2024-Q2.xlsx (Thanh tra Sở: 2 tasks, 5 targets)\n"
    );
    let same = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "again.xlsx",
    ]);
    assert_eq!(same.code, 0);
    assert_eq!(
        std::fs::read(test.path().join("again.xlsx")).expect("again"),
        std::fs::read(test.path().join("phieu/thanh-tra-2024-Q2.xlsx")).expect("form"),
        "the same form gives the same bytes"
    );
    let found = std::process::Command::new("which").arg("soffice").output();
    if !found.is_ok_and(|found| found.status.success()) {
        assert!(std::env::var_os("CI").is_none(), "CI must have LibreOffice");
        return;
    }
    let profile = test.path().join("lo-profile");
    let converted = std::process::Command::new("timeout")
        .arg("180")
        .arg("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(test.path())
        .arg(test.path().join("phieu/thanh-tra-2024-Q2.xlsx"))
        .output()
        .expect("LibreOffice");
    let pdf = test.path().join("thanh-tra-2024-Q2.pdf");
    assert!(
        converted.status.success() && pdf.exists(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    for part in [
        "PHIẾU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DDCI — QUÝ II/2024",
        "Đơn vị báo cáo: Thanh tra Sở",
        "Công khai kết quả giải quyết phản ánh, kiến nghị",
        "Số buổi tiếp công dân — tháng 5/2024",
    ] {
        assert!(text.contains(part), "{part}\n{text}");
    }
}

/// A count row asks for the month's whole count: what the plan records
/// already stays, the import adds what is missing, and a count below what
/// is recorded is refused. Other figures are checked against the target,
/// with their cell named.
#[test]
fn a_count_row_is_the_month_s_whole_count() {
    let plan = FORM_PLAN.replace(
        "per = \"month\"\n",
        "per = \"month\"\n\n[[targets.records]]\ndate = 2024-05-10\nvalue = 1\nby = \"thanh-tra\"\n",
    );
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-07-03");
    let made = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    // May's one, typed as the plan has it: nothing to add, no record of 0.
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("same.xlsx"),
        &[(
            "Chỉ tiêu",
            "tiep-dan@2024-05",
            "Số liệu trong kỳ",
            Typed::Text("1"),
        )],
    );
    let same = test.run_with(&["import", "same.xlsx", "--dry-run"]);
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(
        same.stdout.contains("0 new records, 1 unchanged") && !same.stdout.contains("@2024-05"),
        "{}",
        same.stdout
    );
    // Refused: the form is there already, maybe filled in.
    let again = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!(again.code, 2);
    assert!(
        again
            .stderr
            .starts_with("error: `form.xlsx` exists; a form is not written over a file"),
        "{}",
        again.stderr
    );
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("may.xlsx"),
        &[(
            "Chỉ tiêu",
            "tiep-dan@2024-05",
            "Số liệu trong kỳ",
            Typed::Text("2"),
        )],
    );
    let run = test.run_with(&["import", "may.xlsx", "--received", "2024-07-02"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "  [[targets.records]]\n  id = \"phieu/thanh-tra/2024-Q2/tiep-dan@2024-05\"\n  date = 2024-05-31\n  value = 1\n  by = \"thanh-tra\"\n"
        ),
        "one more, to make May's two: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "  [[reporting.records]]\n  id = \"phieu/thanh-tra/2024-Q2\"\n  date = 2024-07-02\n"
        ),
        "sent the day it was received: {}",
        run.stdout
    );
    let status = test.run_with(&["status", "--format", "json", "--as-of", "2024-06-30"]);
    assert!(status.stdout.contains("\"value\": 1"), "{}", status.stdout);
    let quarter = test.run_with(&["report", "--quarter", "2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&quarter.stdout).expect("JSON");
    let count = json["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .find(|target| target["id"] == "tiep-dan")
        .expect("tiep-dan")["period_amount"]
        .clone();
    assert_eq!(count, 2.0, "May counts two, not three");
    // The same form again: nothing.
    let again = test.run_with(&["import", "may.xlsx"]);
    assert!(
        again.stdout.contains("0 new records, 1 unchanged"),
        "{}",
        again.stdout
    );
    // April's none, typed: the unit's word that none were held, kept.
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("april.xlsx"),
        &[(
            "Chỉ tiêu",
            "tiep-dan@2024-04",
            "Số liệu trong kỳ",
            Typed::Text("0"),
        )],
    );
    let april = test.run_with(&["import", "april.xlsx", "--dry-run"]);
    assert_eq!(april.code, 0, "{}", april.stderr);
    assert!(
        april.stdout.contains(
            "  id = \"phieu/thanh-tra/2024-Q2/tiep-dan@2024-04\"\n  date = 2024-04-30\n  value = 0\n"
        ),
        "{}",
        april.stdout
    );
    // Fewer than the plan records is refused at its cell.
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("fewer.xlsx"),
        &[
            (
                "Chỉ tiêu",
                "tiep-dan@2024-05",
                "Số liệu trong kỳ",
                Typed::Text("0"),
            ),
            (
                "Chỉ tiêu",
                "tra-loi",
                "Số liệu trong kỳ",
                Typed::Number(0.74),
            ),
        ],
    );
    let run = test.run_with(&["import", "fewer.xlsx"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("cell F9: 0 is fewer than the 1 the plan already records for Tháng 5/2024\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("cell F12: 0.74 looks like a cell formatted as a percent (74%)\n"),
        "{}",
        run.stderr
    );
    // A figure the target cannot hold is told against its row.
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("over.xlsx"),
        &[(
            "Chỉ tiêu",
            "tra-loi",
            "Số liệu trong kỳ",
            Typed::Text("150"),
        )],
    );
    let before = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    let run = test.run_with(&["import", "over.xlsx"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.starts_with(
            "error: over.xlsx, sheet Chỉ tiêu, row 12: this is not possible as a percent\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        before
    );
}

/// A stray cell far down a sheet is read as one cell, not laid out as a
/// sheet of a million rows.
#[test]
fn a_far_away_cell_is_no_burden() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let made = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!(made.code, 0);
    let mut source = calamine::open_workbook_auto(test.path().join("form.xlsx")).expect("open");
    let identity = source.worksheet_range("ddci").expect("identity");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("ddci").expect("name");
    for (at, row) in identity.rows().enumerate() {
        for (column, cell) in row.iter().enumerate() {
            sheet
                .write_string(
                    u32::try_from(at).expect("row"),
                    u16::try_from(column).expect("col"),
                    cell.to_string(),
                )
                .expect("write");
        }
    }
    sheet
        .write_string(1_048_575, 16_383, "x")
        .expect("far cell");
    let tasks = workbook.add_worksheet();
    tasks.set_name("Nhiệm vụ").expect("name");
    tasks.write_string(5, 0, "Mã (không sửa)").expect("heading");
    tasks.write_string(6, 0, "7.2").expect("key");
    tasks
        .write_string(1_048_575, 16_383, "x")
        .expect("far cell");
    let targets = workbook.add_worksheet();
    targets.set_name("Chỉ tiêu").expect("name");
    targets
        .write_string(5, 0, "Mã (không sửa)")
        .expect("heading");
    workbook.save(test.path().join("far.xlsx")).expect("save");
    // A cell outside the form's columns is not the form's: it is left be.
    let run = test.run_with(&["import", "far.xlsx"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "far.xlsx (Thanh tra Sở, Quý II/2024): no row is filled in\nNothing to add to plan.toml.\n"
    );
}

/// A qualitative target is assessed in the form, "Đạt" or "Chưa đạt" with
/// its reason, and becomes a verdict; a figure on it is refused.
#[test]
fn a_qualitative_target_is_assessed_in_the_form() {
    let plan = FORM_PLAN.replace(
        "[[reporting]]",
        "[[targets]]\nid = \"hai-long\"\nkind = \"qualitative\"\ntask = \"1.1\"\n\
         text = \"Nâng cao mức độ hài lòng của người dân\"\n\n[[reporting]]",
    );
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-07-03");
    let made = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("filled.xlsx"),
        &[
            ("Chỉ tiêu", "hai-long", "Tiến độ", Typed::Text("dat")),
            (
                "Chỉ tiêu",
                "hai-long",
                "Ghi chú",
                Typed::Text("Khảo sát quý II: 86% hài lòng."),
            ),
            (
                "Chỉ tiêu",
                "hai-long",
                "Ngày (dd/mm/yyyy)",
                Typed::Date(2024, 6, 28),
            ),
        ],
    );
    let run = test.run_with(&["import", "filled.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    assert!(
        written.contains(
            "\n[[targets.records]]\nid = \"phieu/thanh-tra/2024-Q2/hai-long\"\ndate = 2024-06-28\nverdict = \"met\"\nnote = \"Khảo sát quý II: 86% hài lòng.\"\nby = \"thanh-tra\"\n"
        ),
        "{written}"
    );
    let status = test.run_with(&["status", "--format", "markdown"]);
    assert!(
        status
            .stdout
            .contains("| được đánh giá đạt | đạt<br>(28/06/2024) |  | Đạt |"),
        "{}",
        status.stdout
    );
    // A figure, or a word that is no assessment, is refused at its cell.
    fill(
        &test.path().join("form.xlsx"),
        &test.path().join("wrong.xlsx"),
        &[
            ("Chỉ tiêu", "hai-long", "Tiến độ", Typed::Text("tốt")),
            (
                "Chỉ tiêu",
                "hai-long",
                "Số liệu trong kỳ",
                Typed::Text("86"),
            ),
        ],
    );
    let run = test.run_with(&["import", "wrong.xlsx"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: wrong.xlsx, sheet Chỉ tiêu, cell F7: this target has no number; it is assessed met or not\n  \
         help: choose Đạt or Chưa đạt in the column `Tiến độ`, and say why in `Ghi chú`\n\
         error: wrong.xlsx, sheet Chỉ tiêu, cell G7: `tốt` is not an assessment; choose Đạt or Chưa đạt (or met, not-met)\n\
         error: 2 problems in the forms; nothing was imported and plan.toml is unchanged\n"
    );
}

/// One unit reports a figure: a form's figure that differs from another
/// unit's for the same day is refused with both named, and nothing is
/// written; a form's row for a figure another unit reports is refused,
/// naming that unit.
#[test]
fn a_figure_two_units_give_differently_is_refused() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let recorded = test.run_with(&[
        "record",
        "tra-loi",
        "--value",
        "85",
        "--date",
        "2024-06-30",
        "--by",
        "hc-th",
    ]);
    assert_eq!(recorded.code, 0, "{}", recorded.stderr);
    let before = std::fs::read(test.path().join("plan.toml")).expect("plan");
    filled_q2(&test);
    let run = test.run_with(&["import", "filled.xlsx"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.starts_with(
            "error: filled.xlsx, sheet Chỉ tiêu, row 12: Tỷ lệ phản ánh được trả lời: 92.5 for 2024-06-30, but the plan's record by Phòng Hành chính - Tổng hợp gives 85\n  \
             help: one unit reports this figure; ask which is right and correct the other form, then import again\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(test.path().join("plan.toml")).expect("plan"),
        before
    );
    // Its half year's form, in the same import, with another figure for 30/06.
    let made = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--half",
        "1",
        "-o",
        "h1.xlsx",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    fill(
        &test.path().join("h1.xlsx"),
        &test.path().join("h1-filled.xlsx"),
        &[(
            "Chỉ tiêu",
            "tra-loi",
            "Số liệu trong kỳ",
            Typed::Number(90.0),
        )],
    );
    let run = test.run_with(&["import", "filled.xlsx", "h1-filled.xlsx"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "error: filled.xlsx, sheet Chỉ tiêu, row 12: Tỷ lệ phản ánh được trả lời: 92.5 for 2024-06-30, but h1-filled.xlsx, sheet Chỉ tiêu, row 15 gives 90\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(test.path().join("plan.toml")).expect("plan"),
        before
    );
    // The same figure in both, or another day's: no conflict between them.
    for (name, figure, date) in [
        ("h1-same.xlsx", Typed::Number(92.5), None),
        (
            "h1-may.xlsx",
            Typed::Number(90.0),
            Some(Typed::Date(2024, 5, 31)),
        ),
    ] {
        let mut cells = vec![("Chỉ tiêu", "tra-loi", "Số liệu trong kỳ", figure)];
        if let Some(date) = date {
            cells.push(("Chỉ tiêu", "tra-loi", "Ngày (dd/mm/yyyy)", date));
        }
        fill(
            &test.path().join("h1.xlsx"),
            &test.path().join(name),
            &cells,
        );
        let run = test.run_with(&["import", "filled.xlsx", name, "--dry-run"]);
        assert!(
            !run.stderr.contains("but h1-") && !run.stderr.contains("but filled.xlsx"),
            "{name}: {}",
            run.stderr
        );
    }
    // The office's own CSV with Thanh tra's figure: not its row.
    let csv = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Số liệu trong kỳ\nhc-th,2024-Q2,tra-loi,90\n";
    std::fs::write(test.path().join("hc-th.csv"), csv).expect("write");
    let run = test.run_with(&["import", "--unsealed", "hc-th.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: hc-th.csv, cell C2: `tra-loi` is reported by Thanh tra Sở, not by Phòng Hành chính - Tổng hợp\n  \
         help: leave the figure to Thanh tra Sở's form; the plan's `reported_by` says who reports it\n\
         error: 1 problem in the forms; nothing was imported and plan.toml is unchanged\n"
    );
}

/// The year's last round: Thanh tra's Q4 form, imported on 3 January, is its
/// report sent that day in status, the calendar and the Q4 report, though
/// the plan's year is over. A Q2 form imported in December 2026 asks for the
/// day it came in rather than recording the report as sent then.
#[test]
fn the_january_round_counts_and_a_late_import_asks_for_its_day() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2025-01-03");
    let csv = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Tiến độ\nthanh-tra,2024-Q4,7.2,Đang thực hiện\n";
    std::fs::write(test.path().join("q4.csv"), csv).expect("write");
    let run = test.run_with(&["import", "--unsealed", "q4.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let status = test.run_with(&["status", "--format", "markdown"]);
    assert!(
        status.stdout.contains(
            "| Thanh tra Sở | Quý IV, 6 tháng cuối năm và năm 2024 | không quy định | Đã gửi 03/01/2025 |\n"
        ),
        "{}",
        status.stdout
    );
    let calendar = test.run_with(&[
        "calendar",
        "--format",
        "markdown",
        "--from",
        "2024-12-01",
        "--to",
        "2025-01-31",
    ]);
    assert!(
        calendar
            .stdout
            .contains("| Thanh tra Sở | Đã thực hiện (03/01/2025) |\n"),
        "{}",
        calendar.stdout
    );
    let report = test.run_with(&[
        "report",
        "--quarter",
        "4",
        "--year",
        "2024",
        "--format",
        "markdown",
    ]);
    assert!(
        report
            .stdout
            .contains("đã nhận 01/01 (Thanh tra Sở ngày 03/01/2025)."),
        "{}",
        report.stdout
    );

    let late = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2026-12-07");
    let csv = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Tiến độ\nthanh-tra,2024-Q2,7.2,Đang thực hiện\n";
    std::fs::write(late.path().join("q2.csv"), csv).expect("write");
    let run = late.run_with(&["import", "--unsealed", "q2.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: q2.csv: Q2 2024 ended on 2024-06-30, more than three months before today (2026-12-07): the unit's report would be recorded as sent today\n  \
         help: give the day the form came in with --received YYYY-MM-DD\n\
         error: 1 problem in the forms; nothing was imported and plan.toml is unchanged\n"
    );
    assert_eq!(
        std::fs::read_to_string(late.path().join("plan.toml")).expect("plan"),
        FORM_PLAN
    );
    let run = late.run_with(&["import", "--unsealed", "q2.csv", "--received", "1900-01-01"]);
    assert!(
        run.stderr.starts_with(
            "error: q2.csv: --received 1900-01-01 is before Q2 2024 began (2024-04-01); its report is sent once it has begun\n"
        ),
        "{}",
        run.stderr
    );
    let run = late.run_with(&["import", "--unsealed", "q2.csv", "--received", "2024-07-04"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("  date = 2024-07-04\n  period = \"2024-Q2\"\n"),
        "{}",
        run.stdout
    );
}

/// The form read by openpyxl: sheets' cells (value, locked) and data
/// validations.
fn read_form(form: &Path) -> Option<serde_json::Value> {
    let Some(python) = crate::harness::python_with(&["openpyxl"]) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have openpyxl: .ci/run installs python3-openpyxl"
        );
        eprintln!("skipped: no python3 with openpyxl (apt-get install python3-openpyxl)");
        return None;
    };
    let folder = form.parent().expect("the form's folder");
    Some(crate::harness::python_reads(
        &python,
        "read_form.py",
        &[form],
        folder,
    ))
}

/// The column letter of `heading` in the sheet's heading row (row 6).
fn column_of(sheet: &serde_json::Value, heading: &str) -> String {
    ('A'..='Z')
        .map(String::from)
        .find(|letter| sheet["cells"][format!("{letter}6")]["value"] == heading)
        .unwrap_or_else(|| panic!("no column “{heading}”"))
}

/// The choices a data validation offers at `cell`, if any.
fn choices_at(sheet: &serde_json::Value, cell: &str) -> Option<Vec<String>> {
    let (column, row) = cell.split_at(1);
    let row: u32 = row.parse().expect("row");
    sheet["validations"]
        .as_array()
        .expect("validations")
        .iter()
        .filter(|validation| validation["type"] == "list")
        .find(|validation| {
            validation["cells"]
                .as_str()
                .expect("cells")
                .split(' ')
                .any(|range| {
                    let (from, to) = range.split_once(':').unwrap_or((range, range));
                    let (from_column, from_row) = from.split_at(1);
                    let (_, to_row) = to.split_at(1);
                    from_column == column
                        && (from_row.parse::<u32>().expect("row")..=to_row.parse().expect("row"))
                            .contains(&row)
                })
        })
        .map(|validation| {
            validation["choices"]
                .as_str()
                .expect("choices")
                .trim_matches('"')
                .split(',')
                .map(str::to_owned)
                .collect()
        })
}

/// Each instruction of the targets sheet is read against the control it
/// names: the column exists, the cells of the rows it speaks of are open,
/// and a drop-down offers the words it says to choose; a kind of row the
/// form does not have is not spoken of.
#[test]
fn the_form_says_what_its_controls_allow() {
    let plan = format!(
        "{FORM_PLAN}\n[[targets]]\nid = \"hai-long\"\nkind = \"qualitative\"\ntask = \"1.1\"\n\
         text = \"Nâng cao mức độ hài lòng của người dân\"\n"
    );
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-07-03");
    let made = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let Some(form) = read_form(&test.path().join("form.xlsx")) else {
        return;
    };
    // Its sheets cannot be renamed, moved or deleted by accident.
    assert_eq!(form["structure_locked"], true);
    let targets = &form["sheets"]["Chỉ tiêu"];
    assert_eq!(
        targets["cells"]["A4"]["value"],
        "Kỳ báo cáo: Quý II/2024 (01/04/2024 – 30/06/2024). Mỗi dòng là một chỉ tiêu (chỉ tiêu đếm theo tháng: một dòng mỗi tháng); \
         chỉ tiêu có số liệu: ghi số liệu ở cột “Số liệu trong kỳ”; \
         chỉ tiêu đếm: ghi tổng số của dòng (cả tháng, hoặc cả kỳ) ở cột “Số liệu trong kỳ”, kể cả số đã ghi nhận; \
         chỉ tiêu hoàn thành/chưa hoàn thành: chọn tiến độ ở cột “Tiến độ”; \
         chỉ tiêu không có số liệu: chọn Đạt hoặc Chưa đạt ở cột “Tiến độ” và nêu lý do ở cột “Ghi chú”. \
         Điền vào các ô nền vàng; không sửa cột Mã và các cột khác. Ngày để trống là ngày 30/06/2024 \
         (hoặc ngày nhập, nếu kỳ chưa kết thúc). Gửi lại tệp này cho Phòng Hành chính - Tổng hợp."
    );
    let (value, status, note) = (
        column_of(targets, "Số liệu trong kỳ"),
        column_of(targets, "Tiến độ"),
        column_of(targets, "Ghi chú"),
    );
    // (key, value cell open, status cell open, the drop-down's words)
    let rows: [(&str, bool, bool, Option<&[&str]>); 6] = [
        ("tra-loi", true, false, None),
        (
            "duong-day-nong",
            false,
            true,
            Some(&[
                "Chưa thực hiện",
                "Đang thực hiện",
                "Hoàn thành",
                "Vướng mắc",
                "Hủy",
            ]),
        ),
        ("tiep-dan@2024-04", true, false, None),
        ("tiep-dan@2024-05", true, false, None),
        ("tiep-dan@2024-06", true, false, None),
        ("hai-long", false, true, Some(&["Đạt", "Chưa đạt"])),
    ];
    for (key, value_open, status_open, words) in rows {
        let row = (7..20)
            .find(|row| targets["cells"][format!("A{row}")]["value"] == key)
            .unwrap_or_else(|| panic!("no row {key}"));
        let open = |column: &str| targets["cells"][format!("{column}{row}")]["locked"] == false;
        assert_eq!(open(&value), value_open, "{key}: “Số liệu trong kỳ”");
        assert_eq!(open(&status), status_open, "{key}: “Tiến độ”");
        assert!(open(&note), "{key}: “Ghi chú”");
        let offered = choices_at(targets, &format!("{status}{row}"));
        assert_eq!(
            offered,
            words.map(|words| words.iter().map(|word| (*word).to_owned()).collect()),
            "{key}"
        );
    }
    // The tasks sheet speaks of tasks only.
    let tasks = &form["sheets"]["Nhiệm vụ"];
    let said = tasks["cells"]["A4"]["value"].as_str().expect("instruction");
    assert!(!said.contains("Chỉ tiêu"), "{said}");
    // A form without a qualitative target says nothing of Đạt/Chưa đạt.
    let plain = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let made = plain.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "2",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let form = read_form(&plain.path().join("form.xlsx")).expect("read");
    let said = form["sheets"]["Chỉ tiêu"]["cells"]["A4"]["value"]
        .as_str()
        .expect("instruction");
    assert!(!said.contains("Đạt"), "{said}");
}

/// The example's third quarter, end to end: a form for every unit, each
/// with only what the unit answers for; every form filled by a script as
/// the unit would, Thanh tra's then opened and saved in LibreOffice; one
/// import; every unit's report recorded as sent that day. A figure from a
/// unit that does not report it is refused, naming the unit that does.
#[test]
fn the_example_s_quarterly_round_asks_each_unit_only_its_own() {
    let plan = std::fs::read_to_string(crate::harness::example_plan_path()).expect("example");
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-10-03");
    let made = test.run_with(&["form", "--all", "--quarter", "3", "-o", "phieu"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert_eq!(
        made.stderr,
        "wrote phieu/ban-giam-doc-2024-Q3.xlsx (Ban Giám đốc (Lãnh đạo Sở): 5 tasks, 0 targets)\n\
         wrote phieu/hc-th-2024-Q3.xlsx (Phòng Hành chính - Tổng hợp: 20 tasks, 8 targets)\n\
         wrote phieu/tc-dl-cl-2024-Q3.xlsx (Phòng Tiêu chuẩn Đo lường Chất lượng: 12 tasks, 0 targets)\n\
         wrote phieu/qlcn-2024-Q3.xlsx (Phòng Quản lý Công nghệ: 12 tasks, 0 targets)\n\
         wrote phieu/qlkh-2024-Q3.xlsx (Phòng Quản lý Khoa học: 11 tasks, 0 targets)\n\
         wrote phieu/thanh-tra-2024-Q3.xlsx (Thanh tra Sở: 15 tasks, 8 targets)\n\
         wrote phieu/trung-tam-2024-Q3.xlsx (Trung tâm Nghiên cứu, Ứng dụng và dịch vụ KH&CN: 8 tasks, 0 targets)\n"
    );
    // Thanh tra's: its own tasks and the six figures it reports, the
    // monthly reception a row a month; never the Director's coffee or the
    // office's online-service rate.
    let mut thanh_tra =
        calamine::open_workbook_auto(test.path().join("phieu/thanh-tra-2024-Q3.xlsx"))
            .expect("open");
    let keys: Vec<String> = thanh_tra
        .worksheet_range("Chỉ tiêu")
        .expect("targets")
        .rows()
        .skip(6)
        .map(|row| row[0].to_string())
        .collect();
    assert_eq!(
        keys,
        [
            "thanh-tra-1-lan-nam",
            "khong-trung-lap",
            "tiep-cong-dan@2024-07",
            "tiep-cong-dan@2024-08",
            "tiep-cong-dan@2024-09",
            "duong-day-nong",
            "so-dien-thoai-giam-doc",
            "phan-anh-duoc-tra-loi"
        ]
    );
    // What is already recorded, as the plan knows it: a month with July's
    // "not held" is 0, a quarter with nothing recorded is not (#27, a new
    // user: the form told Thanh tra "0" for a quarter with no record).
    let known: Vec<String> = thanh_tra
        .worksheet_range("Chỉ tiêu")
        .expect("targets")
        .rows()
        .skip(6)
        .take(5)
        .map(|row| row[4].to_string())
        .collect();
    assert_eq!(
        known,
        [
            "Đã ghi nhận trong Quý III/2024: 1",
            "Chưa ghi nhận trong Quý III/2024",
            "Đã ghi nhận trong tháng 7/2024: 0",
            "Đã ghi nhận trong tháng 8/2024: 1",
            "Đã ghi nhận trong tháng 9/2024: 1",
        ]
    );
    // Each unit fills in its first task's row.
    let units = [
        "ban-giam-doc",
        "hc-th",
        "tc-dl-cl",
        "qlcn",
        "qlkh",
        "thanh-tra",
        "trung-tam",
    ];
    let mut returned = Vec::new();
    for unit in units {
        let form = test.path().join(format!("phieu/{unit}-2024-Q3.xlsx"));
        let mut workbook = calamine::open_workbook_auto(&form).expect("open");
        let first = workbook
            .worksheet_range("Nhiệm vụ")
            .expect("tasks")
            .rows()
            .skip(6)
            .map(|row| row[0].to_string())
            .find(|key| !key.is_empty())
            .expect("a task");
        let filled = test.path().join(format!("{unit}.xlsx"));
        fill(
            &form,
            &filled,
            &[
                ("Nhiệm vụ", &first, "Tiến độ", Typed::Text("Đang thực hiện")),
                (
                    "Nhiệm vụ",
                    &first,
                    "Kết quả thực hiện trong kỳ",
                    Typed::Text("Đã triển khai trong quý III"),
                ),
            ],
        );
        returned.push(format!("{unit}.xlsx"));
    }
    // Thanh tra opens its form in LibreOffice and saves it.
    if std::process::Command::new("which")
        .arg("soffice")
        .output()
        .is_ok_and(|found| found.status.success())
    {
        let saved = test.path().join("libreoffice");
        let converted = std::process::Command::new("timeout")
            .arg("180")
            .arg("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                test.path().join("lo-profile").display()
            ))
            .args([
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
            ])
            .arg(&saved)
            .arg(test.path().join("thanh-tra.xlsx"))
            .output()
            .expect("LibreOffice");
        assert!(
            converted.status.success(),
            "{}",
            String::from_utf8_lossy(&converted.stderr)
        );
        std::fs::rename(
            saved.join("thanh-tra.xlsx"),
            test.path().join("thanh-tra.xlsx"),
        )
        .expect("saved by LibreOffice");
    } else {
        assert!(std::env::var_os("CI").is_none(), "CI must have LibreOffice");
    }
    let mut args = vec!["import".to_owned()];
    args.extend(returned);
    let run = test.run_with(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "ban-giam-doc.xlsx (Ban Giám đốc (Lãnh đạo Sở), Quý III/2024): 1 new record\n"
        ),
        "{}",
        run.stdout
    );
    let status = test.run_with(&["status", "--format", "markdown"]);
    for unit in [
        "TC-ĐL-CL",
        "QLCN",
        "QLKH",
        "Thanh tra Sở",
        "Trung tâm NC UD\\&DVKHCN",
    ] {
        let row = format!("| {unit} | Quý III/2024 | 07/10/2024 | Đã gửi 03/10/2024 |\n");
        assert!(status.stdout.contains(&row), "{row}\n{}", status.stdout);
    }
    // QLCN's figure for the office's online-service rate: not its to give.
    let csv =
        "Đơn vị,Kỳ báo cáo,Mã (không sửa),Số liệu trong kỳ\nqlcn,2024-Q3,dvctt-toan-trinh,70\n";
    std::fs::write(test.path().join("qlcn.csv"), csv).expect("write");
    let before = std::fs::read(test.path().join("plan.toml")).expect("plan");
    let run = test.run_with(&["import", "--unsealed", "qlcn.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: qlcn.csv, cell C2: `dvctt-toan-trinh` is reported by Phòng Hành chính - Tổng hợp, not by Phòng Quản lý Công nghệ\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(test.path().join("plan.toml")).expect("plan"),
        before
    );
}
