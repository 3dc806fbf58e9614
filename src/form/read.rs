//! A filled form read back: from an Excel workbook (with `calamine`), or a
//! CSV with the same column headings. Columns are found by their headings,
//! rows by their key, so a sorted sheet, a deleted row or a moved column
//! reads the same. Nothing here judges the values; `import` does.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Reader, Xlsx};

use super::columns::{Column, IDENTITY_SHEET, TARGET_SHEET, TASK_SHEET, letters};

/// Where a value was: "thanh-tra-q2.xlsx, sheet Nhiệm vụ, cell H7".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    /// None for a CSV.
    pub sheet: Option<String>,
    /// 0-based.
    pub row: u32,
    pub column: Option<u32>,
}

impl std::fmt::Display for Place {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}", self.file)?;
        if self.row == u32::MAX {
            return Ok(());
        }
        if let Some(sheet) = &self.sheet {
            write!(
                formatter,
                "{}",
                crate::say!(", trang {sheet}", ", sheet {sheet}")
            )?;
        }
        let row = self.row + 1;
        match self.column {
            Some(column) => {
                let cell = letters(column);
                write!(
                    formatter,
                    "{}",
                    crate::say!(", ô {cell}{row}", ", cell {cell}{row}")
                )
            }
            None => write!(formatter, "{}", crate::say!(", dòng {row}", ", row {row}")),
        }
    }
}

impl Place {
    /// The file as a whole, not one of its cells.
    pub fn whole(file: &str) -> Place {
        Place {
            file: file.to_owned(),
            sheet: None,
            row: u32::MAX,
            column: None,
        }
    }

    #[must_use]
    pub fn at_column(&self, column: u32) -> Place {
        Place {
            column: Some(column),
            ..self.clone()
        }
    }
}

/// A cell's content, as the reader found it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// An Excel date (its serial).
    Date(f64),
    /// An error value (`#N/A`), with its text.
    Error(String),
}

/// One row with a key.
#[derive(Debug, Clone)]
pub struct Row {
    pub place: Place,
    /// Which sheet's columns it has.
    pub sheet: Sheet,
    pub key: String,
    /// The filled cells the unit may fill, by column, with where each is.
    pub cells: Vec<(Column, u32, Value)>,
    /// For a CSV: its unit and period columns.
    pub unit: Option<String>,
    pub period: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    Tasks,
    Targets,
}

#[derive(Debug, Default)]
pub struct Filled {
    pub file: String,
    /// What the workbook's identity sheet says (empty for a CSV).
    pub identity: BTreeMap<String, String>,
    pub rows: Vec<Row>,
    /// What could not be read, with where.
    pub problems: Vec<(Place, String)>,
}

/// Heading of a CSV's unit column, and of its period column.
pub const CSV_UNIT: &str = "Đơn vị";
pub const CSV_PERIOD: &str = "Kỳ báo cáo";

pub fn read(path: &Path) -> anyhow::Result<Filled> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let bytes = super::limits::read_file(path).map_err(|problem| anyhow::anyhow!(problem))?;
    let is_csv = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("csv"));
    if is_csv {
        return read_csv(&file, &bytes);
    }
    read_workbook(&file, bytes)
}

/// A workbook read by calamine, with any panic of the reader on a hostile
/// file (an arithmetic overflow on a cell reference) taken as a file ddci
/// cannot read: one bad form must not bring down the import of the others.
fn read_workbook(file: &str, bytes: Vec<u8>) -> anyhow::Result<Filled> {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook_as_made(file, bytes)
    }));
    std::panic::set_hook(quiet);
    read.unwrap_or_else(|_| {
        Err(anyhow::anyhow!(crate::say!(
            "`{file}` không phải tệp Excel mà ddci đọc được (tệp hỏng)\ngợi ý: gửi lại tệp .xlsx do `ddci form` lập, hoặc tệp .csv có các cột của nó",
            "`{file}` is not an Excel workbook ddci can read (it is damaged)\nhelp: send back the .xlsx made by `ddci form`, or a .csv of its columns"
        )))
    })
}

fn read_workbook_as_made(file: &str, bytes: Vec<u8>) -> anyhow::Result<Filled> {
    let not_a_form = |error: &dyn std::fmt::Display| {
        anyhow::anyhow!(crate::say!(
            "`{file}` không phải tệp Excel mà ddci đọc được (tệp hỏng hoặc không phải định dạng .xlsx)\ngợi ý: gửi lại tệp .xlsx do `ddci form` lập, hoặc tệp .csv có các cột của nó",
            "`{file}` is not an Excel workbook ddci can read ({error})\nhelp: send back the .xlsx made by `ddci form`, or a .csv of its columns"
        ))
    };
    super::limits::check_workbook(file, &bytes).map_err(|problem| anyhow::anyhow!(problem))?;
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|error| not_a_form(&error))?;
    let mut filled = Filled {
        file: file.to_owned(),
        ..Filled::default()
    };
    let names = workbook.sheet_names();
    if names.iter().any(|name| name == IDENTITY_SHEET) {
        let cells = sparse_cells(&mut workbook, file, IDENTITY_SHEET)?;
        for (_, row) in rows_of(&cells) {
            if let (Some((0, Value::Text(key))), Some((1, value))) = (row.first(), row.get(1)) {
                filled.identity.insert(key.clone(), text_value(value));
            }
        }
    }
    for (name, sheet, columns) in [
        (TASK_SHEET, Sheet::Tasks, &Column::TASKS[..]),
        (TARGET_SHEET, Sheet::Targets, &Column::TARGETS[..]),
    ] {
        if !names.iter().any(|known| known == name) {
            anyhow::bail!(crate::say!(
                "`{file}` không có trang “{name}”: một trang đã bị đổi tên hoặc xóa\ngợi ý: gửi lại biểu mẫu đúng như `ddci form` đã lập, với các trang “{TASK_SHEET}” và “{TARGET_SHEET}”",
                "`{file}` has no sheet “{name}”: a sheet was renamed or deleted\nhelp: send back the form as `ddci form` made it, with its sheets “{TASK_SHEET}” and “{TARGET_SHEET}”"
            ));
        }
        let cells = sparse_cells(&mut workbook, file, name)?;
        read_grid(
            &mut filled,
            file,
            Some(name),
            sheet,
            columns,
            &rows_of(&cells),
        );
    }
    if filled.identity.is_empty() {
        anyhow::bail!(crate::say!(
            "`{file}` không có trang `{IDENTITY_SHEET}`: tệp không do `ddci form` lập\ngợi ý: gửi lại tệp do `ddci form` lập (hoặc tệp .csv có các cột của nó cùng `{CSV_UNIT}` và `{CSV_PERIOD}`)",
            "`{file}` has no `{IDENTITY_SHEET}` sheet: it was not made by `ddci form`\nhelp: send back the workbook made by `ddci form` (or a .csv of its columns with `{CSV_UNIT}` and `{CSV_PERIOD}`)"
        ));
    }
    Ok(filled)
}

/// The cells of a sheet that hold something, in order, read one by one: a
/// sheet is never laid out as a grid, so a stray cell at XFD1048576 costs
/// nothing.
fn sparse_cells(
    workbook: &mut Xlsx<Cursor<Vec<u8>>>,
    file: &str,
    name: &str,
) -> anyhow::Result<Vec<(u32, u32, Value)>> {
    let not_a_form = |error: &dyn std::fmt::Display| {
        anyhow::anyhow!(crate::say!(
            "`{file}` không phải tệp Excel mà ddci đọc được (tệp hỏng hoặc không phải định dạng .xlsx)\ngợi ý: gửi lại tệp .xlsx do `ddci form` lập, hoặc tệp .csv có các cột của nó",
            "`{file}` is not an Excel workbook ddci can read ({error})\nhelp: send back the .xlsx made by `ddci form`, or a .csv of its columns"
        ))
    };
    let mut reader = workbook
        .worksheet_cells_reader(name)
        .map_err(|error| not_a_form(&error))?;
    let mut cells = Vec::new();
    let mut rows = 0_usize;
    let mut last_row = None;
    while let Some(cell) = reader.next_cell().map_err(|error| not_a_form(&error))? {
        let (row, column) = cell.get_position();
        let Some(value) = value_of_ref(cell.get_value()) else {
            continue;
        };
        let place = Place {
            file: file.to_owned(),
            sheet: Some(name.to_owned()),
            row,
            column: Some(column),
        };
        check_cell(&place, &value)?;
        if last_row != Some(row) {
            rows += 1;
            last_row = Some(row);
            check_rows(&place, rows)?;
        }
        cells.push((row, column, value));
    }
    cells.sort_by_key(|(row, column, _)| (*row, *column));
    Ok(cells)
}

/// A cell no longer than a form's cell can be.
fn check_cell(place: &Place, value: &Value) -> anyhow::Result<()> {
    use super::limits::MAX_CELL_CHARS;
    if let Value::Text(text) = value
        && text.chars().nth(MAX_CELL_CHARS).is_some()
    {
        anyhow::bail!(crate::say!(
            "{place}: ô có hơn {MAX_CELL_CHARS} ký tự\ngợi ý: ghi kết quả thực hiện trong vài câu; tài liệu dài gửi kèm riêng và ghi tên trong biểu mẫu",
            "{place}: the cell holds more than {MAX_CELL_CHARS} characters\nhelp: write what was done in a few sentences; attach long documents separately and name them in the form"
        ));
    }
    Ok(())
}

/// No more rows than a form can have.
fn check_rows(place: &Place, rows: usize) -> anyhow::Result<()> {
    use super::limits::MAX_ROWS;
    if rows > MAX_ROWS {
        anyhow::bail!(crate::say!(
            "{}: hơn {MAX_ROWS} dòng, nhiều hơn hẳn một biểu mẫu\ngợi ý: gửi lại biểu mẫu do `ddci form` lập",
            "{}: more than {MAX_ROWS} rows, far more than a form has\nhelp: send back the form made by `ddci form`",
            Place::whole(&place.file)
        ));
    }
    Ok(())
}

/// Cells grouped into the rows that hold any, each with its number: a
/// stray cell far down the sheet is one row, not a million.
fn rows_of(cells: &[(u32, u32, Value)]) -> Vec<(u32, Vec<(u32, Value)>)> {
    let mut rows: Vec<(u32, Vec<(u32, Value)>)> = Vec::new();
    for (row, column, value) in cells {
        match rows.last_mut() {
            Some((last, cells)) if last == row => cells.push((*column, value.clone())),
            _ => rows.push((*row, vec![(*column, value.clone())])),
        }
    }
    rows
}

fn read_csv(file: &str, bytes: &[u8]) -> anyhow::Result<Filled> {
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
        anyhow::anyhow!(crate::say!(
            "`{file}` không phải văn bản UTF-8\ngợi ý: lưu tệp CSV dưới dạng “CSV UTF-8”",
            "`{file}` is not UTF-8 text\nhelp: save the CSV as “CSV UTF-8”"
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Excel in a Vietnamese (or French…) locale saves CSV with semicolons.
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (number, record) in reader.records().enumerate() {
        let record = record.map_err(|error| {
            anyhow::anyhow!(crate::say!(
                "`{file}` không phải tệp CSV hợp lệ: {error}",
                "`{file}` is not valid CSV: {error}"
            ))
        })?;
        let row = u32::try_from(number).unwrap_or(u32::MAX);
        let place = |column: usize| Place {
            file: file.to_owned(),
            sheet: None,
            row,
            column: Some(u32::try_from(column).unwrap_or(u32::MAX)),
        };
        check_rows(&place(0), number + 1)?;
        for (at, cell) in record.iter().enumerate() {
            check_cell(&place(at), &Value::Text(cell.to_owned()))?;
        }
        grid.push((
            u32::try_from(number).unwrap_or(u32::MAX),
            record
                .iter()
                .enumerate()
                .filter(|(_, cell)| !cell.trim().is_empty())
                .map(|(at, cell)| (u32::try_from(at).unwrap_or(0), Value::Text(cell.to_owned())))
                .collect::<Vec<_>>(),
        ));
    }
    let mut filled = Filled {
        file: file.to_owned(),
        ..Filled::default()
    };
    // A CSV holds the columns of one sheet or the other.
    let headings: Vec<String> = grid
        .first()
        .map(|(_, row)| row.iter().map(|(_, value)| text_value(value)).collect())
        .unwrap_or_default();
    let targets = headings
        .iter()
        .any(|heading| Column::named(heading, &[Column::Target, Column::Value]).is_some());
    let (sheet, columns) = if targets {
        (Sheet::Targets, &Column::TARGETS[..])
    } else {
        (Sheet::Tasks, &Column::TASKS[..])
    };
    read_grid(&mut filled, file, None, sheet, columns, &grid);
    if filled.rows.is_empty() && filled.problems.is_empty() {
        anyhow::bail!(crate::say!(
            "`{file}` không có dòng nào điền cột `{}`\ngợi ý: dòng đầu của tệp CSV phải là tiêu đề cột của biểu mẫu, cùng `{CSV_UNIT}` và `{CSV_PERIOD}`",
            "`{file}` has no row with a `{}` column filled\nhelp: a CSV needs the form's headings in its first row, with `{CSV_UNIT}` and `{CSV_PERIOD}`",
            Column::Key.heading()
        ));
    }
    Ok(filled)
}

/// The rows under the heading row (the row holding the key's heading).
fn read_grid(
    filled: &mut Filled,
    file: &str,
    sheet_name: Option<&str>,
    sheet: Sheet,
    columns: &[Column],
    grid: &[(u32, Vec<(u32, Value)>)],
) {
    let top = grid.first().map_or(0, |(row, _)| *row);
    let place = |row: u32, column: Option<u32>| Place {
        file: file.to_owned(),
        sheet: sheet_name.map(str::to_owned),
        row,
        column,
    };
    let Some((heading_at, (_, headings))) = grid.iter().enumerate().find(|(_, (_, cells))| {
        cells
            .iter()
            .any(|(_, value)| Column::named(&text_value(value), &[Column::Key]).is_some())
    }) else {
        filled.problems.push((
            place(top, None),
            crate::say!(
                "không có dòng tiêu đề: thiếu cột `{}`\ngợi ý: không xóa dòng tiêu đề của biểu mẫu", "no heading row: the column `{}` is missing\nhelp: do not delete the form's heading row",
                Column::Key.heading()
            ),
        ));
        return;
    };
    let mut by_column: BTreeMap<u32, Column> = BTreeMap::new();
    let (mut unit_column, mut period_column) = (None, None);
    for (column, value) in headings {
        let heading = text_value(value);
        if let Some(known) = Column::named(&heading, columns) {
            if by_column.values().any(|seen| *seen == known) {
                filled.problems.push((
                    place(grid[heading_at].0, Some(*column)),
                    crate::say!(
                        "tiêu đề “{}” có ở hai cột; không biết cột nào chứa câu trả lời\ngợi ý: mỗi tiêu đề chỉ giữ một cột", "the heading “{}” is in two columns; which one holds the answer is not known\nhelp: keep one column of each heading",
                        known.heading()
                    ),
                ));
                return;
            }
            by_column.insert(*column, known);
        } else if heading.trim() == CSV_UNIT {
            unit_column = Some(*column);
        } else if heading.trim() == CSV_PERIOD {
            period_column = Some(*column);
        }
    }
    let key_column = by_column
        .iter()
        .find(|(_, column)| **column == Column::Key)
        .map(|(at, _)| *at);
    for (row, cells) in grid.iter().skip(heading_at + 1) {
        let row = *row;
        let key = cells
            .iter()
            .find(|(column, _)| Some(*column) == key_column)
            .map(|(_, value)| text_value(value).trim().to_owned())
            .unwrap_or_default();
        let inputs: Vec<(Column, u32, Value)> = cells
            .iter()
            .filter_map(|(at, value)| {
                let column = *by_column.get(at)?;
                column.is_input().then(|| (column, *at, value.clone()))
            })
            .filter(|(_, _, value)| !matches!(value, Value::Text(text) if text.trim().is_empty()))
            .collect();
        if key.is_empty() {
            // A heading row of a group, or a blank row; a value there
            // belongs to nothing.
            if let Some((_, at, _)) = inputs.first() {
                filled.problems.push((
                    place(row, Some(*at)),
                    crate::say!(
                        "có giá trị ở dòng không có mã (cột `{}` trống)\ngợi ý: ghi vào dòng của nhiệm vụ hoặc chỉ tiêu tương ứng, hoặc xóa đi", "a value in a row with no key (column `{}` is empty)\nhelp: write it in the row of its task or target, or clear it",
                        Column::Key.heading()
                    ),
                ));
            }
            continue;
        }
        let text_in = |column: Option<u32>| {
            column.and_then(|column| {
                cells
                    .iter()
                    .find(|(at, _)| *at == column)
                    .map(|(_, value)| text_value(value).trim().to_owned())
            })
        };
        filled.rows.push(Row {
            place: place(row, key_column),
            sheet,
            key,
            cells: inputs,
            unit: text_in(unit_column),
            period: text_in(period_column),
        });
    }
}

fn value_of(data: &Data) -> Option<Value> {
    match data {
        Data::Empty => None,
        Data::String(text) if text.trim().is_empty() => None,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            Some(Value::Text(text.clone()))
        }
        #[allow(clippy::cast_precision_loss)] // a cell's whole number
        Data::Int(number) => Some(Value::Number(*number as f64)),
        Data::Float(number) => Some(Value::Number(*number)),
        Data::Bool(flag) => Some(Value::Text(flag.to_string())),
        Data::DateTime(date) => Some(Value::Date(serial_1900(date))),
        Data::Error(error) => Some(Value::Error(format!("{error:?}"))),
    }
}

/// An Excel date as a serial of the 1900 date system, whatever system the
/// workbook uses: a workbook in the 1904 system (Excel for Mac, some
/// LibreOffice files) counts from 1904, and its 15/08/2024 would otherwise
/// read as 14/08/2020.
fn serial_1900(date: &calamine::ExcelDateTime) -> f64 {
    let (year, month, day, ..) = date.to_ymd_hms_milli();
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30);
    match (
        chrono::NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)),
        epoch,
    ) {
        #[allow(clippy::cast_precision_loss)] // days since 1899
        (Some(day), Some(epoch)) if year > 1900 => {
            (day - epoch).num_days() as f64 + date.as_f64().fract()
        }
        _ => date.as_f64(),
    }
}

fn value_of_ref(data: &DataRef<'_>) -> Option<Value> {
    match data {
        DataRef::SharedString(text) => value_of(&Data::String((*text).to_owned())),
        DataRef::Empty => None,
        DataRef::Int(number) => value_of(&Data::Int(*number)),
        DataRef::Float(number) => value_of(&Data::Float(*number)),
        DataRef::String(text) => value_of(&Data::String(text.clone())),
        DataRef::Bool(flag) => value_of(&Data::Bool(*flag)),
        DataRef::DateTime(date) => value_of(&Data::DateTime(*date)),
        DataRef::DateTimeIso(text) => value_of(&Data::DateTimeIso(text.clone())),
        DataRef::DurationIso(text) => value_of(&Data::DurationIso(text.clone())),
        DataRef::Error(error) => value_of(&Data::Error(error.clone())),
    }
}

/// A value as text: numbers as Rust writes them.
pub fn text_value(value: &Value) -> String {
    match value {
        Value::Text(text) | Value::Error(text) => text.clone(),
        Value::Number(number) | Value::Date(number) => number.to_string(),
    }
}
