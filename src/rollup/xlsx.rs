//! `ddci rollup -o tong-hop.xlsx`: the roll-up as a workbook for the office
//! that follows every unit. Sheet 1: one row per unit, every count a number
//! (so it sums, sorts and filters), the latest DDCI result in its own cells;
//! sheet 2: the component indices across units, overall and per level;
//! sheet 3: the plans left out, one row per error with its line and column.
//! Headings frozen, filters on, A4 landscape one page wide. The same roll-up
//! gives the same bytes.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{IndexAcross, Level, Position, Rollup, RollupRequest};
use crate::render::xlsx_style;
use crate::words::labels::Language;
use crate::words::visible::one_line;

/// Rows above the headings: the title and what the figures are as of.
const HEADING_ROW: u32 = 2;

struct Formats {
    title: Format,
    note: Format,
    heading: Format,
    text: Format,
    number: Format,
    decimal: Format,
    share: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = xlsx_style::cell();
        Self {
            title: xlsx_style::title(),
            note: xlsx_style::note(),
            heading: xlsx_style::heading(),
            text: cell.clone().set_text_wrap(),
            number: cell.clone().set_num_format("0"),
            decimal: cell.clone().set_num_format("0.00"),
            share: cell.clone().set_num_format("0%"),
            date: cell.set_num_format("dd/mm/yyyy"),
        }
    }
}

/// A column: its heading in Vietnamese and English, and its width in
/// characters.
struct Column(&'static str, &'static str, f64);

impl Column {
    fn heading(&self, language: Language) -> &'static str {
        match language {
            Language::Vi => self.0,
            Language::En => self.1,
        }
    }
}

const UNIT_COLUMNS: [Column; 29] = [
    Column("STT", "No.", 5.0),
    Column("Đơn vị", "Unit", 34.0),
    Column("Cấp", "Level", 16.0),
    Column("Tỉnh", "Province", 12.0),
    Column("Năm", "Year", 10.0),
    Column("Tính đến", "As of", 11.0),
    Column("Nhiệm vụ", "Tasks", 9.0),
    Column("Hoàn thành", "Done", 9.0),
    Column("Đang thực hiện", "In progress", 9.0),
    Column("Chưa thực hiện", "Not started", 9.0),
    Column("Chưa có báo cáo", "No report", 9.0),
    Column("Vướng mắc", "Blocked", 9.0),
    Column("Trễ hạn", "Overdue", 9.0),
    Column("Dừng thực hiện", "Cancelled", 9.0),
    Column("Chỉ tiêu", "Targets", 9.0),
    Column("Đạt", "Met", 9.0),
    Column("Chưa đạt", "Not yet met", 9.0),
    Column("Không đạt", "Not met", 9.0),
    Column("Chưa có số liệu", "No data", 9.0),
    Column(
        "Nhiệm vụ định kỳ chưa ghi nhận",
        "Recurring tasks not recorded",
        11.0,
    ),
    Column("Báo cáo đến hạn", "Reports due", 9.0),
    Column("Báo cáo chưa gửi", "Reports not sent", 9.0),
    Column("Tỷ lệ chậm, chưa đạt", "Share behind", 10.0),
    Column("Kết quả DDCI: năm", "DDCI result: year", 9.0),
    Column("Điểm", "Score", 9.0),
    Column("Xếp hạng", "Rank", 9.0),
    Column("Trên số đơn vị", "Of", 9.0),
    Column("Xếp loại", "Band", 12.0),
    Column("Tệp kế hoạch", "Plan file", 40.0),
];

const INDEX_COLUMNS: [Column; 12] = [
    Column("Cấp", "Level", 16.0),
    Column("Chỉ số thành phần", "Component index", 40.0),
    Column("Số đơn vị", "Units", 9.0),
    Column("Nhiệm vụ", "Tasks", 9.0),
    Column("Hoàn thành", "Done", 9.0),
    Column("Trễ hạn, vướng mắc", "Overdue, blocked", 10.0),
    Column("Chỉ tiêu", "Targets", 9.0),
    Column("Đạt", "Met", 9.0),
    Column("Không đạt", "Not met", 9.0),
    Column("Tỷ lệ chậm, không đạt", "Share behind", 10.0),
    Column("Điểm bình quân", "Mean score", 10.0),
    Column("Số đơn vị có điểm", "Units with a score", 10.0),
];

const LEFT_OUT_COLUMNS: [Column; 6] = [
    Column("Tệp kế hoạch", "Plan file", 40.0),
    Column("Dòng", "Line", 7.0),
    Column("Cột", "Column", 7.0),
    Column("Mã lỗi", "Code", 18.0),
    Column("Lỗi", "Error", 60.0),
    Column("Cách sửa", "What to do", 50.0),
];

pub fn build(
    rollup: &Rollup,
    request: RollupRequest,
    language: Language,
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    // A fixed creation day keeps the bytes the same from run to run.
    let day = request
        .as_of
        .map(|moment| moment.day)
        .or_else(|| rollup.positions.iter().map(|position| position.as_of).max())
        .unwrap_or_default();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title(language))
            .set_creation_datetime(&excel_date(day)?),
    );
    let (units, indices, left_out) = match language {
        Language::Vi => ("Đơn vị", "Chỉ số thành phần", "Không đưa vào"),
        Language::En => ("Units", "Component indices", "Left out"),
    };
    units_sheet(
        workbook.add_worksheet().set_name(units)?,
        rollup,
        request,
        language,
        &formats,
    )?;
    indices_sheet(
        workbook.add_worksheet().set_name(indices)?,
        rollup,
        language,
        &formats,
    )?;
    left_out_sheet(
        workbook.add_worksheet().set_name(left_out)?,
        rollup,
        language,
        &formats,
    )?;
    workbook.save_to_buffer()
}

fn title(language: Language) -> &'static str {
    match language {
        Language::Vi => "Tổng hợp tình hình thực hiện Kế hoạch nâng cao chỉ số DDCI",
        Language::En => "DDCI improvement plans: roll-up",
    }
}

fn excel_date(day: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(day.year()).unwrap_or(1900).max(1900),
        u8::try_from(day.month()).unwrap_or(1),
        u8::try_from(day.day()).unwrap_or(1),
    )
}

/// Title, note, headings, frozen panes, a filter and the print set-up.
fn frame(
    sheet: &mut Worksheet,
    columns: &[Column],
    rows: u32,
    note: &str,
    language: Language,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, title(language), &formats.title)?;
    sheet.write_string_with_format(1, 0, note, &formats.note)?;
    for (at, column) in columns.iter().enumerate() {
        let at = u16::try_from(at).unwrap_or(0);
        sheet.set_column_width(at, column.2)?;
        sheet.write_string_with_format(
            HEADING_ROW,
            at,
            column.heading(language),
            &formats.heading,
        )?;
    }
    sheet.set_row_height(HEADING_ROW, 45)?;
    sheet.set_freeze_panes(HEADING_ROW + 1, 0)?;
    let last = u16::try_from(columns.len() - 1).unwrap_or(0);
    sheet.autofilter(HEADING_ROW, 0, HEADING_ROW + rows.max(1), last)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_repeat_rows(HEADING_ROW, HEADING_ROW)?;
    if columns.len() > 12 {
        // Too wide for one page at a readable size: printed two pages
        // across (about 70%), each with the number and the unit's name.
        sheet.set_print_fit_to_pages(2, 0);
        sheet.set_repeat_columns(0, 1)?;
        sheet.set_freeze_panes(HEADING_ROW + 1, 2)?;
    } else {
        sheet.set_print_fit_to_pages(1, 0);
    }
    sheet.set_footer(match language {
        Language::Vi => "&CTrang &P/&N",
        Language::En => "&CPage &P of &N",
    });
    Ok(())
}

fn units_sheet(
    sheet: &mut Worksheet,
    rollup: &Rollup,
    request: RollupRequest,
    language: Language,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let mut lines = super::document::summary(rollup, request, language);
    lines.truncate(3);
    let rows = u32::try_from(rollup.positions.len()).unwrap_or(u32::MAX);
    frame(
        sheet,
        &UNIT_COLUMNS,
        rows,
        &lines.join(". "),
        language,
        formats,
    )?;
    for (at, position) in rollup.positions.iter().enumerate() {
        let row = HEADING_ROW + 1 + u32::try_from(at).unwrap_or(0);
        unit_row(sheet, row, at + 1, position, language, formats)?;
    }
    Ok(())
}

fn unit_row(
    sheet: &mut Worksheet,
    row: u32,
    number: usize,
    position: &Position,
    language: Language,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let count = |value: usize| u32::try_from(value).map_or(f64::from(u32::MAX), f64::from);
    sheet.write_number_with_format(row, 0, count(number), &formats.number)?;
    sheet.write_string_with_format(row, 1, one_line(&position.agency), &formats.text)?;
    sheet.write_string_with_format(row, 2, position.level.name(language), &formats.text)?;
    sheet.write_string_with_format(row, 3, one_line(&position.province), &formats.text)?;
    sheet.write_string_with_format(row, 4, super::document::years(position), &formats.text)?;
    sheet.write_datetime_with_format(row, 5, excel_date(position.as_of)?, &formats.date)?;
    let tasks = &position.tasks;
    let targets = &position.targets;
    let counts = [
        tasks.total,
        tasks.done,
        tasks.in_progress,
        tasks.not_started,
        tasks.no_report,
        tasks.blocked,
        tasks.overdue,
        tasks.cancelled,
        targets.total,
        targets.met,
        targets.not_yet_met,
        targets.not_met,
        targets.no_data,
        position.missed_duties,
        position.reports_owed,
        position.reports_not_sent,
    ];
    for (at, value) in counts.into_iter().enumerate() {
        let column = 6 + u16::try_from(at).unwrap_or(0);
        sheet.write_number_with_format(row, column, count(value), &formats.number)?;
    }
    sheet.write_number_with_format(row, 22, position.behind_share(), &formats.share)?;
    // Cells stay empty (not zero) where the unit has no published result.
    for column in 23..=27 {
        sheet.write_blank(row, column, &formats.text)?;
    }
    if let Some(result) = &position.result {
        sheet.write_number_with_format(row, 23, f64::from(result.year), &formats.number)?;
        if let Some(score) = result.score {
            sheet.write_number_with_format(row, 24, score, &formats.decimal)?;
        }
        if let Some(rank) = &result.rank {
            sheet.write_number_with_format(row, 25, f64::from(rank.rank), &formats.number)?;
            if let Some(of) = rank.of {
                sheet.write_number_with_format(row, 26, f64::from(of), &formats.number)?;
            }
        }
        if let Some(band) = &result.band {
            sheet.write_string_with_format(row, 27, one_line(band), &formats.text)?;
        }
    }
    sheet.write_string_with_format(
        row,
        28,
        crate::words::visible::path(&position.file),
        &formats.text,
    )?;
    Ok(())
}

fn indices_sheet(
    sheet: &mut Worksheet,
    rollup: &Rollup,
    language: Language,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let everyone = match language {
        Language::Vi => "Tất cả",
        Language::En => "All units",
    };
    // Every unit first, then each level on its own: a district's indices
    // are not a department's.
    let mut sections: Vec<(&str, &[IndexAcross])> = vec![(everyone, rollup.indices.as_slice())];
    if rollup.indices_by_level.len() > 1 {
        sections.extend(rollup.indices_by_level.iter().map(
            |(level, indices): &(Level, Vec<IndexAcross>)| {
                (level.name(language), indices.as_slice())
            },
        ));
    }
    let rows: usize = sections.iter().map(|(_, indices)| indices.len()).sum();
    let note = match language {
        Language::Vi => {
            "Chỉ số cùng tên ở các kế hoạch được cộng chung; xếp từ chỉ số có tỷ lệ chậm, không đạt cao nhất"
        }
        Language::En => {
            "Indices of the same name are added up across plans; the furthest behind first"
        }
    };
    frame(
        sheet,
        &INDEX_COLUMNS,
        u32::try_from(rows).unwrap_or(u32::MAX),
        note,
        language,
        formats,
    )?;
    let mut row = HEADING_ROW + 1;
    for (level, indices) in sections {
        for index in indices {
            index_row(sheet, row, level, index, formats)?;
            row += 1;
        }
    }
    Ok(())
}

fn index_row(
    sheet: &mut Worksheet,
    row: u32,
    level: &str,
    index: &IndexAcross,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let count = |value: usize| u32::try_from(value).map_or(f64::from(u32::MAX), f64::from);
    sheet.write_string_with_format(row, 0, level, &formats.text)?;
    sheet.write_string_with_format(row, 1, one_line(&index.name), &formats.text)?;
    let counts = [
        index.units,
        index.tasks,
        index.tasks_done,
        index.tasks_behind,
        index.targets,
        index.targets_met,
        index.targets_not_met,
    ];
    for (at, value) in counts.into_iter().enumerate() {
        let column = 2 + u16::try_from(at).unwrap_or(0);
        sheet.write_number_with_format(row, column, count(value), &formats.number)?;
    }
    sheet.write_number_with_format(row, 9, index.behind_share(), &formats.share)?;
    match index.mean_score() {
        Some(mean) => sheet.write_number_with_format(row, 10, mean, &formats.decimal)?,
        None => sheet.write_blank(row, 10, &formats.text)?,
    };
    sheet.write_number_with_format(row, 11, count(index.scores.len()), &formats.number)?;
    Ok(())
}

fn left_out_sheet(
    sheet: &mut Worksheet,
    rollup: &Rollup,
    language: Language,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let rows: usize = rollup
        .left_out
        .iter()
        .map(|left| left.diagnostics.len().max(1))
        .sum();
    let note = match (language, rollup.left_out.len()) {
        (Language::Vi, 0) => "Không có kế hoạch nào bị loại khỏi tổng hợp".to_owned(),
        (Language::Vi, count) => format!(
            "{count} kế hoạch có lỗi, không đưa vào tổng hợp; sửa theo từng dòng dưới đây rồi chạy lại (kiểm tra một tệp: ddci validate --plan TỆP)"
        ),
        (Language::En, 0) => "No plan is left out".to_owned(),
        (Language::En, count) => format!(
            "{count} plans with errors are left out; fix each line below and run again (check one file: ddci validate --plan FILE)"
        ),
    };
    frame(
        sheet,
        &LEFT_OUT_COLUMNS,
        u32::try_from(rows).unwrap_or(u32::MAX),
        &note,
        language,
        formats,
    )?;
    let mut row = HEADING_ROW + 1;
    for left in &rollup.left_out {
        let file = crate::words::visible::path(&left.file);
        if left.diagnostics.is_empty() {
            sheet.write_string_with_format(row, 0, &file, &formats.text)?;
            for column in 1..=3 {
                sheet.write_blank(row, column, &formats.text)?;
            }
            sheet.write_string_with_format(row, 4, one_line(&left.reason), &formats.text)?;
            sheet.write_blank(row, 5, &formats.text)?;
            row += 1;
            continue;
        }
        for diagnostic in &left.diagnostics {
            sheet.write_string_with_format(row, 0, &file, &formats.text)?;
            for (column, value) in [(1, diagnostic.line), (2, diagnostic.column)] {
                match value.and_then(|value| u32::try_from(value).ok()) {
                    Some(value) => sheet.write_number_with_format(
                        row,
                        column,
                        f64::from(value),
                        &formats.number,
                    )?,
                    None => sheet.write_blank(row, column, &formats.text)?,
                };
            }
            sheet.write_string_with_format(row, 3, diagnostic.code, &formats.text)?;
            sheet.write_string_with_format(row, 4, one_line(&diagnostic.message), &formats.text)?;
            sheet.write_string_with_format(
                row,
                5,
                diagnostic
                    .help
                    .as_deref()
                    .map_or_else(String::new, one_line),
                &formats.text,
            )?;
            row += 1;
        }
    }
    Ok(())
}
