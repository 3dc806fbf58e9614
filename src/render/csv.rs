//! CSV for spreadsheets, finished one way for every document: UTF-8 with a
//! byte-order mark (so Excel reads Vietnamese), CRLF line ends, and every
//! cell made safe by construction: control characters shown as symbols and
//! a cell that could run as a formula prefixed with `'`.

/// A CSV sheet being written; each row's cells go through [`safe`].
pub struct Sheet {
    writer: ::csv::Writer<Vec<u8>>,
}

impl std::fmt::Debug for Sheet {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Sheet")
    }
}

impl Default for Sheet {
    fn default() -> Self {
        Self::new()
    }
}

impl Sheet {
    pub fn new() -> Self {
        Self {
            writer: ::csv::WriterBuilder::new()
                .terminator(::csv::Terminator::CRLF)
                .from_writer(Vec::new()),
        }
    }

    /// Writes one row, every cell made safe.
    pub fn row<I, S>(&mut self, cells: I) -> anyhow::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.writer
            .write_record(cells.into_iter().map(|cell| safe(cell.as_ref())))?;
        Ok(())
    }

    /// The sheet's text, with its byte-order mark.
    pub fn finish(self) -> anyhow::Result<String> {
        let bytes = self.writer.into_inner().map_err(|error| {
            anyhow::anyhow!(crate::say!(
                "không ghi được tệp CSV: {error}",
                "cannot write CSV: {error}"
            ))
        })?;
        Ok(format!("\u{feff}{}", String::from_utf8(bytes)?))
    }
}

/// A cell a spreadsheet will show as text: control characters made visible,
/// and one starting with `=`, `+`, `-` or `@` is prefixed with `'` so it
/// cannot run as a formula (OWASP's advice for CSV injection).
pub fn safe(cell: &str) -> String {
    let cell = crate::words::visible::visible(cell);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("-1+2"), "'-1+2");
        assert_eq!(safe("Đạt"), "Đạt");
        assert_eq!(safe(&safe("=1")), "'=1", "safe twice is safe once");
    }

    #[test]
    fn a_sheet_has_a_byte_order_mark_crlf_and_safe_cells() {
        let mut sheet = Sheet::new();
        sheet.row(["Việc", "Ghi chú"]).expect("row");
        sheet
            .row(["=cmd|' /C calc'!A0", "a, \"b\"\nc\u{1b}"])
            .expect("row");
        assert_eq!(
            sheet.finish().expect("csv"),
            "\u{feff}Việc,Ghi chú\r\n'=cmd|' /C calc'!A0,\"a, \"\"b\"\"\nc␛\"\r\n"
        );
    }
}
