//! What a returned form may weigh. A form comes back from outside (a unit's
//! machine, a mail attachment) and is read before anyone looks at it: a
//! FIFO, a device, a zip bomb or a gigabyte cell must get a clear error in
//! well under a second and a little memory, never a hang or an abort. A real
//! form is tens of kilobytes; these limits are hundreds of times that.

use std::io::Read;
use std::path::Path;

/// The largest file read: a form of 500 rows is about 60 kB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most a workbook may hold once unzipped, all its parts together.
pub const MAX_UNZIPPED_BYTES: u64 = 64 * 1024 * 1024;
/// The most parts a workbook may have (a form has about a dozen).
pub const MAX_PARTS: usize = 500;
/// The longest text a cell may hold, in characters.
pub const MAX_CELL_CHARS: usize = 10_000;
/// The most rows read from a sheet or a CSV.
pub const MAX_ROWS: usize = 20_000;

/// The bytes of the form at `path`: a regular file (not a FIFO, a device or
/// a folder) no larger than [`MAX_FILE_BYTES`], read without waiting.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let shown = crate::words::visible::path(path);
    let metadata = std::fs::metadata(path).map_err(|error| {
        let error = crate::words::speech::io_error(&error);
        crate::say!(
            "không đọc được `{shown}`: {error}",
            "cannot read `{shown}`: {error}"
        )
    })?;
    if !crate::read::ordinary_file::is_ordinary(path) {
        return Err(crate::say!(
            "`{shown}` không phải một tệp (mà là thư mục, thiết bị hoặc đường ống)\ngợi ý: ghi đường dẫn của tệp .xlsx hoặc .csv đơn vị gửi lại",
            "`{shown}` is not a file (a folder, a device or a pipe)\nhelp: give the path of the .xlsx or .csv the unit sent back"
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_big(&shown, metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(|error| {
        let error = crate::words::speech::io_error(&error);
        crate::say!(
            "không đọc được `{shown}`: {error}",
            "cannot read `{shown}`: {error}"
        )
    })?;
    // The file may grow between the look and the read: read one byte past
    // the limit at most.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| {
            let error = crate::words::speech::io_error(&error);
            crate::say!(
                "không đọc được `{shown}`: {error}",
                "cannot read `{shown}`: {error}"
            )
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(&shown, bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_big(shown: &str, bytes: u64) -> String {
    crate::say!(
        "`{shown}` nặng {} MB, lớn hơn mức một biểu mẫu có thể có ({} MB)\ngợi ý: gửi lại biểu mẫu do `ddci form` lập; biểu mẫu đã điền thường dưới 1 MB",
        "`{shown}` is {} MB, more than a form can be ({} MB)\nhelp: send back the form made by `ddci form`; a filled form is well under 1 MB",
        bytes / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Checks a workbook's zip before it is opened: at most [`MAX_PARTS`]
/// parts, together at most [`MAX_UNZIPPED_BYTES`] once unzipped, counted
/// by unzipping (a part's stated size may lie).
pub fn check_workbook(file: &str, bytes: &[u8]) -> Result<(), String> {
    let not_a_workbook = |error: &dyn std::fmt::Display| {
        crate::say!(
            "`{file}` không phải tệp Excel mà ddci đọc được (tệp hỏng hoặc không phải định dạng .xlsx)\ngợi ý: gửi lại tệp .xlsx do `ddci form` lập, hoặc tệp .csv có các cột của nó",
            "`{file}` is not an Excel workbook ddci can read ({error})\nhelp: send back the .xlsx made by `ddci form`, or a .csv of its columns"
        )
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|error| not_a_workbook(&error))?;
    if archive.len() > MAX_PARTS {
        return Err(crate::say!(
            "`{file}` có {} thành phần, nhiều hơn tệp do `ddci form` lập (tối đa {MAX_PARTS})\ngợi ý: gửi lại biểu mẫu do `ddci form` lập",
            "`{file}` has {} parts, more than a workbook made by `ddci form` ({MAX_PARTS} at most)\nhelp: send back the form made by `ddci form`",
            archive.len()
        ));
    }
    let mut left = MAX_UNZIPPED_BYTES;
    for at in 0..archive.len() {
        let part = archive
            .by_index(at)
            .map_err(|error| not_a_workbook(&error))?;
        // As the reader looks parts up: in any case, with either slash.
        let name = part
            .name()
            .map(|name| name.replace('\\', "/").to_ascii_lowercase())
            .unwrap_or_default();
        let checked = name == "xl/sharedstrings.xml" || name.starts_with("xl/worksheets/");
        let read = if checked {
            // What the reader sizes itself by is read first, and bounded:
            // a stated count of a trillion strings, or a cell in row
            // 99,999,999,999, would abort or break it.
            let mut xml = Vec::new();
            part.take(left + 1)
                .read_to_end(&mut xml)
                .map_err(|error| not_a_workbook(&error))?;
            if let Some(why) = beyond_a_form(&name, &xml) {
                return Err(crate::say!(
                    "`{file}` không phải biểu mẫu do `ddci form` lập ({why})\ngợi ý: gửi lại biểu mẫu do `ddci form` lập",
                    "`{file}` is not a form `ddci form` made ({why})\nhelp: send back the form made by `ddci form`"
                ));
            }
            xml.len() as u64
        } else {
            unzipped_size(part, left + 1).map_err(|error| not_a_workbook(&error))?
        };
        if read > left {
            return Err(crate::say!(
                "`{file}` giải nén ra hơn {} MB, lớn hơn nhiều so với một biểu mẫu\ngợi ý: gửi lại biểu mẫu do `ddci form` lập",
                "`{file}` unzips to more than {} MB, far more than a form holds\nhelp: send back the form made by `ddci form`",
                MAX_UNZIPPED_BYTES / (1024 * 1024)
            ));
        }
        left -= read;
    }
    Ok(())
}

/// The most strings a workbook may say it shares: a form of [`MAX_ROWS`]
/// rows of a dozen cells.
pub const MAX_SHARED_STRINGS: u64 = 300_000;

/// The furthest cell any sheet may name: Excel's last row and column
/// (XFD1048576). A stray cell there costs nothing (cells are read one by
/// one); past it the reader's arithmetic overflows.
const MAX_CELL_ROW: u64 = 1_048_576;
const MAX_CELL_COLUMN: u64 = 16_384;

/// Why a workbook part says more than a form can hold, if it does: a shared
/// string count, or a cell or range beyond a form's rows and columns.
fn beyond_a_form(name: &str, xml: &[u8]) -> Option<String> {
    if name == "xl/sharedstrings.xml" {
        for attribute in [&b"count"[..], b"uniqueCount"] {
            for value in attribute_values(xml, attribute) {
                // A count is plain digits; "1e12" or "+1" is no form's.
                let plain = !value.is_empty() && value.iter().all(u8::is_ascii_digit);
                let count = if plain { digits_value(value) } else { u64::MAX };
                if count > MAX_SHARED_STRINGS {
                    return Some(crate::say!(
                        "khai báo {count} chuỗi, quá {MAX_SHARED_STRINGS}",
                        "it states {count} strings, more than {MAX_SHARED_STRINGS}"
                    ));
                }
            }
        }
        return None;
    }
    // Cells and rows are placed by `r`; ranges (`ref`, `sqref`) may span a
    // whole column, as spreadsheet programs write them, and place nothing.
    for attribute in [&b"r"[..]] {
        for value in attribute_values(xml, attribute) {
            for cell in value.split(|byte| matches!(byte, b':' | b' ')) {
                let (column, row) = cell_position(cell);
                if row > MAX_CELL_ROW || column > MAX_CELL_COLUMN {
                    let cell = String::from_utf8_lossy(cell);
                    let cell =
                        crate::words::visible::one_line(&cell.chars().take(30).collect::<String>());
                    return Some(crate::say!(
                        "ô {cell} nằm ngoài phạm vi một biểu mẫu",
                        "the cell {cell} lies beyond any form"
                    ));
                }
            }
        }
    }
    None
}

/// The values of every `attribute="…"` (or `'…'`, with blanks around the
/// `=`) in `xml`, the name standing after a blank, as an XML reader reads it.
fn attribute_values<'x>(xml: &'x [u8], attribute: &'x [u8]) -> impl Iterator<Item = &'x [u8]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let found = at + find(xml.get(at..)?, attribute)?;
            at = found + attribute.len();
            let after_blank = found > 0 && xml[found - 1].is_ascii_whitespace();
            let mut next = at;
            while xml.get(next).is_some_and(u8::is_ascii_whitespace) {
                next += 1;
            }
            if !after_blank || xml.get(next) != Some(&b'=') {
                continue;
            }
            next += 1;
            while xml.get(next).is_some_and(u8::is_ascii_whitespace) {
                next += 1;
            }
            let Some(&quote) = xml.get(next).filter(|byte| matches!(byte, b'"' | b'\'')) else {
                continue;
            };
            let start = next + 1;
            let end = start + xml.get(start..)?.iter().position(|byte| *byte == quote)?;
            at = end;
            return Some(&xml[start..end]);
        }
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// A number's value, saturating: "99999999999999999999" is very large, not an error.
fn digits_value(digits: &[u8]) -> u64 {
    digits
        .iter()
        .filter(|byte| byte.is_ascii_digit())
        .fold(0_u64, |value, digit| {
            value
                .saturating_mul(10)
                .saturating_add(u64::from(digit - b'0'))
        })
}

/// "AB12" → (28, 12); a row number alone (`<row r="12">`) → (0, 12).
fn cell_position(cell: &[u8]) -> (u64, u64) {
    let split = cell
        .iter()
        .position(|byte| !byte.is_ascii_alphabetic())
        .unwrap_or(cell.len());
    let (letters, digits) = cell.split_at(split);
    let column = letters.iter().fold(0_u64, |value, letter| {
        value
            .saturating_mul(26)
            .saturating_add(u64::from(letter.to_ascii_uppercase() - b'A' + 1))
    });
    let row = digits_value(digits);
    (column, row)
}

/// How many bytes a part unzips to, reading at most `limit`.
fn unzipped_size(part: impl Read, limit: u64) -> std::io::Result<u64> {
    std::io::copy(&mut part.take(limit), &mut std::io::sink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_counts_are_bounded_on_both_sides_of_the_limit() {
        let sheet = |cell: &str| format!("<row r=\"1\"><c r=\"{cell}\" t=\"s\"><v>0</v></c></row>");
        let cases = [
            ("A1", false),
            ("XFD1048576", false),
            ("A1048577", true),
            ("XFE1", true),
            ("A99999999999999999999999", true),
            ("ZZZZZZZZZZZZZZZ1", true),
        ];
        for (cell, refused) in cases {
            let xml = sheet(cell);
            assert_eq!(
                beyond_a_form("xl/worksheets/sheet1.xml", xml.as_bytes()).is_some(),
                refused,
                "{cell}"
            );
        }
        let strings = |count: u64| format!("<sst count=\"{count}\" uniqueCount=\"{count}\">");
        // Part names come lower-cased, as check_workbook looks them up.
        assert!(beyond_a_form("xl/sharedstrings.xml", strings(300_000).as_bytes()).is_none());
        assert!(beyond_a_form("xl/sharedstrings.xml", strings(300_001).as_bytes()).is_some());
        let quoted = "<sst\n uniqueCount = '1e12'>";
        assert!(beyond_a_form("xl/sharedstrings.xml", quoted.as_bytes()).is_some());
        assert_eq!(cell_position(b"AB12"), (28, 12));
        assert_eq!(cell_position(b"12"), (0, 12));
    }
}
