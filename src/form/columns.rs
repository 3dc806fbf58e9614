//! The form's columns, written and read by the same names: the workbook's
//! two sheets and the CSV share them, and the reader finds each column by
//! its heading, wherever it stands.

/// The sheet of tasks and the sheet of targets.
pub const TASK_SHEET: &str = "Nhiệm vụ";
pub const TARGET_SHEET: &str = "Chỉ tiêu";
/// The hidden sheet naming the plan, unit and period the form is for.
pub const IDENTITY_SHEET: &str = "ddci";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Key,
    Number,
    Task,
    Role,
    Schedule,
    Known,
    Status,
    Done,
    Evidence,
    Difficulty,
    Cause,
    Proposal,
    Date,
    Target,
    Goal,
    Value,
    Note,
}

impl Column {
    pub const TASKS: [Column; 13] = [
        Column::Key,
        Column::Number,
        Column::Task,
        Column::Role,
        Column::Schedule,
        Column::Known,
        Column::Status,
        Column::Done,
        Column::Evidence,
        Column::Difficulty,
        Column::Cause,
        Column::Proposal,
        Column::Date,
    ];

    pub const TARGETS: [Column; 10] = [
        Column::Key,
        Column::Number,
        Column::Target,
        Column::Goal,
        Column::Known,
        Column::Value,
        Column::Status,
        Column::Note,
        Column::Evidence,
        Column::Date,
    ];

    /// The heading, as written and as looked for.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Key => "Mã (không sửa)",
            Column::Number => "STT",
            Column::Task => "Nhiệm vụ",
            Column::Role => "Vai trò",
            Column::Schedule => "Thời gian thực hiện",
            Column::Known => "Đã ghi nhận gần nhất",
            Column::Status => "Tiến độ",
            Column::Done => "Kết quả thực hiện trong kỳ",
            Column::Evidence => "Văn bản, minh chứng (số, ngày)",
            Column::Difficulty => "Khó khăn, vướng mắc",
            Column::Cause => "Nguyên nhân",
            Column::Proposal => "Đề xuất, kiến nghị",
            Column::Date => "Ngày (dd/mm/yyyy)",
            Column::Target => "Chỉ tiêu",
            Column::Goal => "Mục tiêu",
            Column::Value => "Số liệu trong kỳ",
            Column::Note => "Ghi chú",
        }
    }

    /// Width in characters, for reading on screen and on A4 landscape.
    pub fn width(self) -> f64 {
        match self {
            Column::Number => 4.0,
            Column::Key | Column::Role | Column::Schedule => 9.0,
            Column::Task => 40.0,
            Column::Target => 36.0,
            Column::Known => 18.0,
            Column::Status | Column::Goal | Column::Evidence => 14.0,
            Column::Done | Column::Note => 30.0,
            Column::Difficulty | Column::Cause | Column::Proposal => 16.0,
            Column::Date | Column::Value => 11.0,
        }
    }

    /// Whether the unit fills it in.
    pub fn is_input(self) -> bool {
        matches!(
            self,
            Column::Status
                | Column::Done
                | Column::Evidence
                | Column::Difficulty
                | Column::Cause
                | Column::Proposal
                | Column::Date
                | Column::Value
                | Column::Note
        )
    }

    /// The column a heading names, however its case and spacing.
    pub fn named(heading: &str, among: &[Column]) -> Option<Column> {
        let wanted = simplified(heading);
        among
            .iter()
            .copied()
            .find(|column| simplified(column.heading()) == wanted)
    }
}

fn simplified(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "A", …, "Z", "AA": a column's letters in a cell address.
pub fn letters(mut index: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + u8::try_from(index % 26).unwrap_or(0)));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_letters() {
        let cases = [
            (0, "A"),
            (7, "H"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (index, expected) in cases {
            assert_eq!(letters(index), expected);
        }
    }

    #[test]
    fn headings_are_found_however_they_are_spaced() {
        assert_eq!(
            Column::named("  tiến   ĐỘ ", &Column::TASKS),
            Some(Column::Status)
        );
        assert_eq!(
            Column::named("Tiến độ", &Column::TARGETS),
            Some(Column::Status)
        );
        assert_eq!(Column::named("Nhiệm vụ", &Column::TARGETS), None);
    }
}
