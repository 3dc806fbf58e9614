//! Forms come back from outside and are hostile input: each of these gets a
//! clear error naming the file (and the cell), a non-zero exit, and leaves
//! the plan byte for byte as it was.

use std::io::Write as _;

use crate::forms::FORM_PLAN;
use crate::harness::Test;

/// Imports `file` (already in the test's folder) and checks the refusal:
/// exit 1, the plan unchanged, and stderr holding `said`.
fn refused(test: &Test, file: &str, said: &str) {
    let run = test.run_with(&["import", file]);
    assert_eq!(run.code, 1, "{file}: {}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains(said), "{file}: {said}\n{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        FORM_PLAN,
        "{file}"
    );
}

fn made_form(test: &Test) -> Vec<u8> {
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
    std::fs::read(test.path().join("form.xlsx")).expect("form")
}

/// The form's workbook with one part's bytes changed by `edit`.
fn with_part(form: &[u8], part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(form)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for at in 0..archive.len() {
        let mut entry = archive.by_index(at).expect("entry");
        let name = entry.name().expect("a part's name").into_owned();
        let mut text = Vec::new();
        std::io::copy(&mut entry, &mut text).expect("read");
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start");
        if name == part {
            out.write_all(edit(&String::from_utf8(text).expect("xml")).as_bytes())
                .expect("write");
        } else {
            out.write_all(&text).expect("write");
        }
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn a_renamed_or_missing_sheet_is_an_error_not_an_empty_report() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let form = made_form(&test);
    let renamed = with_part(&form, "xl/workbook.xml", |xml| {
        xml.replace("name=\"Nhiệm vụ\"", "name=\"Nhiệm vụ \"")
    });
    std::fs::write(test.path().join("renamed.xlsx"), renamed).expect("write");
    refused(
        &test,
        "renamed.xlsx",
        "error: `renamed.xlsx` has no sheet “Nhiệm vụ”: a sheet was renamed or deleted\n",
    );
}

#[test]
fn a_zip_bomb_is_weighed_before_it_is_opened() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let form = made_form(&test);
    // The shared strings part, padded to 80 MB of spaces: a few hundred
    // kilobytes zipped.
    let bomb = with_part(&form, "xl/sharedStrings.xml", |xml| {
        format!("{xml}{}", " ".repeat(80 * 1024 * 1024))
    });
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    std::fs::write(test.path().join("bomb.xlsx"), bomb).expect("write");
    refused(
        &test,
        "bomb.xlsx",
        "error: `bomb.xlsx` unzips to more than 64 MB, far more than a form holds\n",
    );
}

/// What the spreadsheet reader sizes itself by is weighed first (#28, a
/// second adversarial pass): a shared-string count of a trillion made it ask
/// for 24 TB and abort; a cell in row 99,999,999,999 made it panic on an
/// overflow. Each is refused, naming what was wrong, and the other forms of
/// the import are not taken down with it.
#[test]
fn what_the_reader_sizes_itself_by_is_bounded_first() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let form = made_form(&test);
    let strings = with_part(&form, "xl/sharedStrings.xml", |xml| {
        let start = xml.find("uniqueCount=\"").expect("a count") + "uniqueCount=\"".len();
        let end = start + xml[start..].find('"').expect("its end");
        format!("{}1000000000000{}", &xml[..start], &xml[end..])
    });
    std::fs::write(test.path().join("strings.xlsx"), strings).expect("write");
    refused(
        &test,
        "strings.xlsx",
        "error: `strings.xlsx` is not a form `ddci form` made (it states 1000000000000 strings, more than 300000)\n",
    );
    for (name, cell) in [
        ("far.xlsx", "A99999999999"),
        ("wide.xlsx", "ZZZZZZ9999999999"),
    ] {
        let far = with_part(&form, "xl/worksheets/sheet1.xml", |xml| {
            xml.replacen("r=\"A1\"", &format!("r=\"{cell}\""), 1)
        });
        std::fs::write(test.path().join(name), far).expect("write");
        refused(
            &test,
            name,
            &format!(
                "error: `{name}` is not a form `ddci form` made (the cell {cell} lies beyond any form)\n"
            ),
        );
    }
    // Row 21,000 of a form and a range over whole columns are a form's own.
    let edge = with_part(&form, "xl/worksheets/sheet1.xml", |xml| {
        xml.replacen(
            "<sheetData>",
            "<dimension ref=\"A1:XFD1048576\"/><sheetData>",
            1,
        )
    });
    std::fs::write(test.path().join("edge.xlsx"), edge).expect("write");
    let run = test.run_with(&["import", "edge.xlsx", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn only_a_regular_file_of_a_form_s_size_is_read() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    // Larger than any form: refused before it is read.
    let big = std::fs::File::create(test.path().join("big.csv")).expect("create");
    big.set_len(20 * 1024 * 1024).expect("grow");
    refused(
        &test,
        "big.csv",
        "error: `big.csv` is 20 MB, more than a form can be (16 MB)\n",
    );
    std::fs::create_dir(test.path().join("folder.xlsx")).expect("folder");
    refused(&test, "folder.xlsx", "error: `folder.xlsx` is not a file");
    #[cfg(unix)]
    {
        refused(&test, "/dev/zero", "error: `/dev/zero` is not a file");
        let fifo = test.path().join("pipe.xlsx");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // Never opened, so never waited on.
        refused(&test, "pipe.xlsx", "error: `pipe.xlsx` is not a file");
    }
}

#[test]
fn a_csv_s_cells_and_headings_are_checked_before_they_are_believed() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-07-03");
    let long = format!(
        "Đơn vị,Kỳ báo cáo,Mã (không sửa),Kết quả thực hiện trong kỳ\nthanh-tra,2024-Q2,7.2,{}\n",
        "x".repeat(10_001)
    );
    std::fs::write(test.path().join("long.csv"), long).expect("write");
    refused(
        &test,
        "long.csv",
        "error: long.csv, cell D2: the cell holds more than 10000 characters\n",
    );
    let twice = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Tiến độ,Tiến độ\nthanh-tra,2024-Q2,7.2,Hoàn thành,Đang thực hiện\n";
    std::fs::write(test.path().join("twice.csv"), twice).expect("write");
    refused(
        &test,
        "twice.csv",
        "error: twice.csv, cell E1: the heading “Tiến độ” is in two columns; which one holds the answer is not known\n",
    );
    // A key that would drive the clerk's terminal: shown, not obeyed.
    let escape = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Tiến độ\nthanh-tra,2024-Q2,7.2\u{1b}]0;pwned\u{7},Hoàn thành\n";
    std::fs::write(test.path().join("escape.csv"), escape).expect("write");
    let run = test.run_with(&["import", "--unsealed", "escape.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        !run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'),
        "{:?}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`7.2␛]0;pwned␇` is not a row of this form"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_unit_id_that_is_no_file_name_is_refused_and_nothing_leaves_the_folder() {
    let plan = FORM_PLAN
        .replace("id = \"thanh-tra\"", "id = \"../../x\"")
        .replace("[\"thanh-tra\"]", "[\"../../x\"]");
    let test = Test::new().plan(&plan).env("DDCI_TODAY", "2024-07-03");
    let run = test.run_with(&["form", "--all", "--quarter", "2", "-o", "phieu"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[id-not-a-file-name]: unit id `../../x` cannot name its form's file"),
        "{}",
        run.stderr
    );
    assert!(!test.path().join("x-2024-Q2.xlsx").exists());
    assert!(!test.path().join("../x-2024-Q2.xlsx").exists());
}

/// The hidden identity sheet, relabelled to another period, no longer
/// matches its seal; a plan with no key (another clone) cannot vouch for a
/// sealed form; neither writes anything.
#[test]
fn a_relabelled_form_is_refused_by_its_seal() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-10-03");
    let form = made_form(&test);
    let key = test.path().join(".ddci/form-key");
    assert_eq!(
        std::fs::read_to_string(key.with_file_name(".gitignore")).expect("ignore"),
        "# ddci's own files: the key that seals forms and the writers' lock; never committed.\n*\n"
    );
    assert_eq!(std::fs::read_to_string(&key).expect("key").trim().len(), 64);
    let relabelled = with_part(&form, "xl/sharedStrings.xml", |xml| {
        assert!(xml.contains("<t>2024-Q2</t>"), "{xml}");
        xml.replace("<t>2024-Q2</t>", "<t>2024-Q3</t>")
    });
    std::fs::write(test.path().join("relabelled.xlsx"), relabelled).expect("write");
    refused(
        &test,
        "relabelled.xlsx",
        "error: relabelled.xlsx: the form's hidden identity sheet was changed (its seal does not match)",
    );
    std::fs::remove_file(&key).expect("remove the key");
    refused(
        &test,
        "form.xlsx",
        "error: form.xlsx: the form is sealed with the key of the office that made it, and this copy of the plan has none (.ddci/form-key)\n",
    );
}

/// A workbook saved in the 1904 date system (Excel for Mac) counts its
/// dates from 1904: its 15/08/2024 is read as 15/08/2024, not 14/08/2020.
#[test]
fn a_workbook_in_the_1904_date_system_keeps_its_dates() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-10-03");
    let made = test.run_with(&[
        "form",
        "--owner",
        "thanh-tra",
        "--quarter",
        "3",
        "-o",
        "form.xlsx",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    crate::forms::fill(
        &test.path().join("form.xlsx"),
        &test.path().join("filled.xlsx"),
        &[
            (
                "Nhiệm vụ",
                "7.2",
                "Tiến độ",
                crate::forms::Typed::Text("Đang thực hiện"),
            ),
            (
                "Nhiệm vụ",
                "7.2",
                "Ngày (dd/mm/yyyy)",
                crate::forms::Typed::Date(2024, 8, 15),
            ),
        ],
    );
    let filled = std::fs::read(test.path().join("filled.xlsx")).expect("filled");
    // 15/08/2024 is 45519 from 1900, 44057 from 1904.
    let mac = with_part(&filled, "xl/workbook.xml", |xml| {
        xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
    });
    let mac = with_part(&mac, "xl/worksheets/sheet1.xml", |xml| {
        assert!(xml.contains("<v>45519</v>"), "{xml}");
        xml.replace("<v>45519</v>", "<v>44057</v>")
    });
    std::fs::write(test.path().join("mac.xlsx"), mac).expect("write");
    let run = test.run_with(&["import", "mac.xlsx", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("  id = \"phieu/thanh-tra/2024-Q3/7.2\"\n  date = 2024-08-15\n"),
        "{}",
        run.stdout
    );
}

/// A CSV carries no seal: it names whose form it is in its own columns, so
/// it is refused unless the office vouches for it (`--unsealed`). A form of
/// a period whose data is not yet cut off is imported as records, not as
/// the unit's report sent.
#[test]
fn a_csv_is_taken_only_on_the_office_s_word() {
    let test = Test::new().plan(FORM_PLAN).env("DDCI_TODAY", "2024-10-05");
    let forged = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Kết quả thực hiện trong kỳ,Tiến độ\nhc-th,2024-Q3,8.1,Forged,Hoàn thành\n";
    std::fs::write(test.path().join("forged.csv"), forged).expect("write");
    refused(
        &test,
        "forged.csv",
        "error: forged.csv: a CSV carries no seal: whose form it is and for which period cannot be checked\n  \
         help: import the .xlsx form the unit filled in; a CSV the office typed itself is imported with --unsealed\n",
    );
    let year = "Đơn vị,Kỳ báo cáo,Mã (không sửa),Tiến độ\nthanh-tra,2024,7.2,Đang thực hiện\n";
    std::fs::write(test.path().join("year.csv"), year).expect("write");
    let run = test.run_with(&["import", "--unsealed", "year.csv", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("  [[tasks.records]]\n  id = \"phieu/thanh-tra/2024/7.2\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("[[reporting.records]]"),
        "the year's report is not sent in October: {}",
        run.stdout
    );
}
