//! A [`Form`] as an Excel workbook (written with `rust_xlsxwriter`): a sheet
//! of tasks and a sheet of targets, in Vietnamese, the unit and period in
//! the title; the cells to fill shaded and unlocked, everything else locked
//! (the sheet is protected without a password, so a slip cannot change a
//! task's text or a row's key); a drop-down of status words, date checks,
//! headings frozen and repeated on each printed page, A4 landscape, one
//! page wide. A hidden sheet names the plan, unit, period and keys the form
//! was made with. The same form gives the same bytes.

use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::columns::{Column, IDENTITY_SHEET, TARGET_SHEET, TASK_SHEET};
use super::seal::{self, Key};
use super::{Asked, Form};
use crate::render::xlsx_style;
use crate::time::period::format_day;
use crate::words::labels::Language;
use crate::words::progress::{STATUS_WORDS, VERDICT_WORDS};

/// Rows above the headings: title, unit, plan, instructions, a blank.
const HEADING_ROW: u32 = 5;

struct Formats {
    title: Format,
    subtitle: Format,
    note: Format,
    heading: Format,
    locked: Format,
    locked_centre: Format,
    group: Format,
    input: Format,
    input_date: Format,
    input_text: Format,
    unused: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = xlsx_style::cell().set_text_wrap();
        let input = cell
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(0x00FF_F2CC));
        Formats {
            title: xlsx_style::title(),
            subtitle: xlsx_style::title().set_font_size(12),
            note: xlsx_style::note()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            heading: xlsx_style::heading(),
            locked_centre: cell.clone().set_align(FormatAlign::Center),
            group: cell.clone().set_bold(),
            unused: cell.clone().set_background_color(Color::RGB(0x00F2_F2F2)),
            locked: cell,
            input_date: input.clone().set_num_format("dd/mm/yyyy"),
            // Kept as typed: "74,5" or "74%", read by ddci, not by the
            // spreadsheet's locale.
            input_text: input.clone().set_num_format("@"),
            input,
        }
    }
}

/// The workbook of `form`, its identity sealed with `key`.
pub fn render(form: &Form<'_>, key: &Key) -> anyhow::Result<Vec<u8>> {
    let bytes = build(form, key).map_err(|error| {
        anyhow::anyhow!(crate::say!(
            "không ghi được biểu mẫu: {error}",
            "cannot write the form: {error}"
        ))
    })?;
    lock_structure(&bytes).map_err(|error| {
        anyhow::anyhow!(crate::say!(
            "không ghi được biểu mẫu: {error}",
            "cannot write the form: {error}"
        ))
    })
}

/// The workbook with its structure locked: sheets cannot be renamed,
/// moved, deleted, added or unhidden in Excel or LibreOffice (no password:
/// it keeps a unit from breaking the form by accident; `import` checks the
/// rest). `rust_xlsxwriter` has no such setting, so `xl/workbook.xml` gets
/// its `workbookProtection` element, where the schema puts it (after
/// `workbookPr`), every other part copied as it is.
fn lock_structure(bytes: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for at in 0..archive.len() {
        let mut part = archive.by_index(at)?;
        let name = part.name()?.into_owned();
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(part.last_modified().unwrap_or_default());
        let mut content = Vec::new();
        part.read_to_end(&mut content)?;
        if name == "xl/workbook.xml" {
            let text = String::from_utf8_lossy(&content);
            content = text
                .replacen(
                    "<bookViews>",
                    "<workbookProtection lockStructure=\"1\"/><bookViews>",
                    1,
                )
                .into_bytes();
        }
        out.start_file(name, options)?;
        out.write_all(&content)?;
    }
    Ok(out.finish()?.into_inner())
}

fn build(form: &Form<'_>, key: &Key) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let end = form.period.end;
    let made = ExcelDateTime::from_ymd(
        u16::try_from(end.year()).unwrap_or(2000),
        u8::try_from(end.month()).unwrap_or(1),
        u8::try_from(end.day()).unwrap_or(1),
    )?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(form.title())
            .set_company(crate::words::visible::one_line(&form.plan.agency))
            .set_creation_datetime(&made),
    );
    tasks_sheet(workbook.add_worksheet(), form, &formats)?;
    targets_sheet(workbook.add_worksheet(), form, &formats)?;
    identity_sheet(workbook.add_worksheet(), form, key)?;
    workbook.save_to_buffer()
}

/// The title block, headings, print set-up and protection shared by both sheets.
fn frame(
    sheet: &mut Worksheet,
    form: &Form<'_>,
    columns: &[Column],
    formats: &Formats,
    what: &str,
) -> Result<(), XlsxError> {
    let last = u16::try_from(columns.len() - 1).unwrap_or(0);
    sheet.write_string_with_format(0, 0, form.title(), &formats.title)?;
    sheet.write_string_with_format(
        1,
        0,
        format!("Đơn vị báo cáo: {}", form.unit_name()),
        &formats.subtitle,
    )?;
    sheet.merge_range(
        2,
        0,
        2,
        last,
        &format!(
            "Kế hoạch: {}",
            crate::words::visible::one_line(&form.plan.title)
        ),
        &formats.note,
    )?;
    sheet.set_row_height(2, 30)?;
    let language = Language::Vi;
    sheet.merge_range(
        3,
        0,
        3,
        last,
        &format!(
            "Kỳ báo cáo: {} ({} – {}). {what} Điền vào các ô nền vàng; không sửa cột Mã và các cột khác. \
             Ngày để trống là ngày {} (hoặc ngày nhập, nếu kỳ chưa kết thúc). Gửi lại tệp này cho {}.",
            form.period.name(language),
            format_day(form.period.start, language),
            format_day(form.period.end, language),
            format_day(form.period.end, language),
            form.returned_to(),
        ),
        &formats.note,
    )?;
    sheet.set_row_height(3, 45)?;
    for (at, column) in columns.iter().enumerate() {
        let at = u16::try_from(at).unwrap_or(0);
        sheet.set_column_width(at, column.width())?;
        sheet.write_string_with_format(HEADING_ROW, at, column.heading(), &formats.heading)?;
    }
    sheet.set_row_height(HEADING_ROW, 32)?;
    sheet.set_freeze_panes(HEADING_ROW + 1, 0)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADING_ROW, HEADING_ROW)?;
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_header(format!(
        "&L{}&R{}",
        header_text(&form.unit_name()),
        header_text(&form.period.name(language))
    ));
    sheet.set_footer("&CTrang &P/&N");
    let options = ProtectionOptions {
        select_locked_cells: true,
        select_unlocked_cells: true,
        format_columns: true,
        format_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
    Ok(())
}

/// What a cell of a row holds.
enum Cell {
    /// Locked text from the plan.
    Text(String),
    /// A cell to fill.
    Input,
    /// A cell to fill with a date.
    Date,
    /// A cell to fill, kept as typed ("74,5").
    Typed,
    /// A cell to fill from the status drop-down.
    Status,
    /// A cell to fill from the assessment drop-down ("Đạt", "Chưa đạt").
    Verdict,
    /// A cell this row does not use, shaded and locked.
    Unused,
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[Column],
    formats: &Formats,
    cell: impl Fn(Column) -> Cell,
) -> Result<(), XlsxError> {
    for (at, column) in columns.iter().enumerate() {
        let at = u16::try_from(at).unwrap_or(0);
        match cell(*column) {
            Cell::Text(text) => {
                let format = if matches!(column, Column::Key | Column::Number) {
                    &formats.locked_centre
                } else {
                    &formats.locked
                };
                sheet.write_string_with_format(row, at, text, format)?;
            }
            Cell::Input => {
                sheet.write_blank(row, at, &formats.input)?;
            }
            Cell::Date => {
                sheet.write_blank(row, at, &formats.input_date)?;
            }
            Cell::Typed => {
                sheet.write_blank(row, at, &formats.input_text)?;
            }
            Cell::Status => {
                sheet.write_blank(row, at, &formats.input)?;
                sheet.add_data_validation(row, at, row, at, &status_list()?)?;
            }
            Cell::Verdict => {
                sheet.write_blank(row, at, &formats.input)?;
                sheet.add_data_validation(row, at, row, at, &verdict_list()?)?;
            }
            Cell::Unused => {
                sheet.write_blank(row, at, &formats.unused)?;
            }
        }
    }
    Ok(())
}

/// A row tall enough for its longest text at the columns' widths (a
/// spreadsheet does not grow a row for wrapped text it did not type), and
/// never less than three lines, so there is room to write.
fn fit_row(sheet: &mut Worksheet, row: u32, cells: &[(Column, &str)]) -> Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(column, text)| {
            let per_line = (column.width() * 1.3).max(1.0);
            text.split('\n')
                .map(|line| {
                    #[allow(clippy::cast_precision_loss)] // a cell's length
                    let length = line.chars().count() as f64;
                    (length / per_line).ceil().max(1.0)
                })
                .sum::<f64>()
        })
        .fold(3.0_f64, f64::max);
    sheet.set_row_height(row, lines * 13.5)?;
    Ok(())
}

/// Text for a printed header: `&` is a code there.
fn header_text(text: &str) -> String {
    text.replace('&', "&&")
}

fn status_list() -> Result<DataValidation, XlsxError> {
    let words: Vec<&str> = STATUS_WORDS.iter().map(|(word, _)| *word).collect();
    choice_list(&words, "Tiến độ", "Chọn trong danh sách.")
}

/// A qualitative target's assessment, in the status column.
fn verdict_list() -> Result<DataValidation, XlsxError> {
    let words: Vec<&str> = VERDICT_WORDS.iter().map(|(word, _)| *word).collect();
    choice_list(
        &words,
        "Đánh giá",
        "Chỉ tiêu không có số liệu: chọn Đạt hoặc Chưa đạt, nêu lý do ở cột Ghi chú.",
    )
}

/// A drop-down of `words`. A warning, not a stop, for anything else typed:
/// "hoan thanh" without diacritics is read by ddci as well.
fn choice_list(words: &[&str], title: &str, message: &str) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(words)?
        .set_input_title(title)?
        .set_input_message(message)?
        .set_error_title(title)?
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_message(format!("Nên chọn một trong: {}.", words.join(", ")))
}

fn date_check(form: &Form<'_>) -> Result<DataValidation, XlsxError> {
    let day = |date: chrono::NaiveDate| {
        ExcelDateTime::from_ymd(
            u16::try_from(date.year()).unwrap_or(2000),
            u8::try_from(date.month()).unwrap_or(1),
            u8::try_from(date.day()).unwrap_or(1),
        )
    };
    let language = Language::Vi;
    DataValidation::new()
        .allow_date(DataValidationRule::Between(
            day(form.period.start)?,
            day(form.period.end)?,
        ))
        // A warning, not a stop: "30/9/2024" typed as text where the
        // spreadsheet's locale reads dates otherwise is read by ddci.
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_input_title("Ngày")?
        .set_input_message(format!(
            "Ngày ghi nhận, từ {} đến {}; để trống là ngày {}.",
            format_day(form.period.start, language),
            format_day(form.period.end, language),
            format_day(form.period.end, language)
        ))?
        .set_error_title("Ngày")?
        .set_error_message(format!(
            "Nhập ngày trong kỳ báo cáo, từ {} đến {} (dd/mm/yyyy).",
            format_day(form.period.start, language),
            format_day(form.period.end, language)
        ))
}

fn column_at(columns: &[Column], wanted: Column) -> u16 {
    u16::try_from(
        columns
            .iter()
            .position(|column| *column == wanted)
            .unwrap_or(0),
    )
    .unwrap_or(0)
}

fn tasks_sheet(sheet: &mut Worksheet, form: &Form<'_>, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(TASK_SHEET)?;
    let columns = Column::TASKS;
    frame(
        sheet,
        form,
        &columns,
        formats,
        "Mỗi dòng là một nhiệm vụ đơn vị chủ trì hoặc phối hợp.",
    )?;
    let mut row = HEADING_ROW + 1;
    let mut group = String::new();
    let first = row;
    for (number, task) in form.tasks.iter().enumerate() {
        if task.index != group {
            group.clone_from(&task.index);
            for at in 0..columns.len() {
                sheet.write_blank(row, u16::try_from(at).unwrap_or(0), &formats.group)?;
            }
            sheet.write_string_with_format(
                row,
                column_at(&columns, Column::Task),
                &group,
                &formats.group,
            )?;
            row += 1;
        }
        write_row(sheet, row, &columns, formats, |column| match column {
            Column::Key => Cell::Text(task.key.clone()),
            Column::Number => Cell::Text((number + 1).to_string()),
            Column::Task => Cell::Text(task.text.clone()),
            Column::Role => Cell::Text(
                if task.leads {
                    "Chủ trì"
                } else {
                    "Phối hợp"
                }
                .to_owned(),
            ),
            Column::Schedule => Cell::Text(task.schedule.clone()),
            Column::Known => Cell::Text(task.known.clone()),
            Column::Date => Cell::Date,
            _ => Cell::Input,
        })?;
        fit_row(
            sheet,
            row,
            &[
                (Column::Task, &task.text),
                (Column::Known, &task.known),
                (Column::Schedule, &task.schedule),
            ],
        )?;
        row += 1;
    }
    if row > first {
        let status = column_at(&columns, Column::Status);
        sheet.add_data_validation(first, status, row - 1, status, &status_list()?)?;
        let date = column_at(&columns, Column::Date);
        sheet.add_data_validation(first, date, row - 1, date, &date_check(form)?)?;
    }
    Ok(())
}

fn targets_sheet(
    sheet: &mut Worksheet,
    form: &Form<'_>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(TARGET_SHEET)?;
    let columns = Column::TARGETS;
    frame(sheet, form, &columns, formats, &form.target_instructions())?;
    let first = HEADING_ROW + 1;
    let mut row = first;
    for (number, target) in form.targets.iter().enumerate() {
        let status = target.measure == Asked::Status;
        let verdict = target.measure == Asked::Verdict;
        write_row(sheet, row, &columns, formats, |column| match column {
            Column::Key => Cell::Text(target.key.clone()),
            Column::Number => Cell::Text((number + 1).to_string()),
            Column::Target => Cell::Text(target.name.clone()),
            Column::Goal => Cell::Text(target.goal.clone()),
            Column::Known => Cell::Text(target.known.clone()),
            Column::Value if status || verdict => Cell::Unused,
            Column::Value => Cell::Typed,
            Column::Status if status => Cell::Status,
            Column::Status if verdict => Cell::Verdict,
            Column::Status => Cell::Unused,
            Column::Date => Cell::Date,
            _ => Cell::Input,
        })?;
        fit_row(
            sheet,
            row,
            &[
                (Column::Target, &target.name),
                (Column::Goal, &target.goal),
                (Column::Known, &target.known),
            ],
        )?;
        row += 1;
    }
    if row > first {
        let date = column_at(&columns, Column::Date);
        sheet.add_data_validation(first, date, row - 1, date, &date_check(form)?)?;
    }
    Ok(())
}

/// What the form is for, read back by `ddci import`; hidden from the unit,
/// and sealed with the office's key so that it cannot be relabelled.
fn identity_sheet(sheet: &mut Worksheet, form: &Form<'_>, key: &Key) -> Result<(), XlsxError> {
    sheet.set_name(IDENTITY_SHEET)?;
    let mut rows = form.identity();
    let lookup = |name: &str| {
        rows.iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    let sealed = seal::seal(key, &lookup);
    rows.push((seal::SEAL_FIELD, sealed));
    for (at, (field, value)) in rows.iter().enumerate() {
        let at = u32::try_from(at).unwrap_or(0);
        sheet.write_string(at, 0, *field)?;
        sheet.write_string(at, 1, value)?;
    }
    sheet.set_very_hidden(true);
    sheet.protect();
    Ok(())
}
