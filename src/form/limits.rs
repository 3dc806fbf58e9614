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
    if !metadata.is_file() {
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
        let read = unzipped_size(part, left + 1).map_err(|error| not_a_workbook(&error))?;
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

/// How many bytes a part unzips to, reading at most `limit`.
fn unzipped_size(part: impl Read, limit: u64) -> std::io::Result<u64> {
    std::io::copy(&mut part.take(limit), &mut std::io::sink())
}
