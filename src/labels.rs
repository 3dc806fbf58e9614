//! Every word `ddci` shows a reader, in Vietnamese and English, in one
//! exhaustive match: a label without both translations does not compile.

use crate::plan::file::Frequency;
pub use crate::plan::file::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    AsOf,
    Plan,
    Tasks,
    Targets,
    Indices,
    Index,
    Number,
    Id,
    Task,
    Lead,
    Coordinating,
    Schedule,
    Status,
    LatestRecord,
    Flags,
    Score,
    Rank,
    ExpectedScore,
    Target,
    Baseline,
    Goal,
    LatestValue,
    ThisPeriod,
    Assessment,
    Total,
    NotStarted,
    InProgress,
    Done,
    DoneLate,
    Overdue,
    Blocked,
    Cancelled,
    Met,
    NotYetMet,
    NotMet,
    NoData,
    Ongoing,
    NoRecordThisQuarter,
    NotRecorded,
    DueOn,
    NothingRecorded,
    ScoresMissing,
    Delivered,
    NoDecrease,
    Places,
    Points,
    Times,
    Top,
    Increase,
    Decrease,
    Of,
    NoBaseline,
    Kind,
    NothingMatches,
    Late,
    Unit,
}

impl Label {
    pub fn text(self, language: Language) -> &'static str {
        let (vi, en) = match self {
            Self::AsOf => ("Tính đến ngày", "As of"),
            Self::Plan => ("Kế hoạch", "Plan"),
            Self::Tasks => ("Nhiệm vụ", "Tasks"),
            Self::Targets => ("Chỉ tiêu", "Targets"),
            Self::Indices => ("Chỉ số thành phần", "Component indices"),
            Self::Index => ("Chỉ số", "Index"),
            Self::Number => ("STT", "No."),
            Self::Id => ("Mã", "Id"),
            Self::Task => ("Nhiệm vụ", "Task"),
            Self::Lead => ("Đơn vị chủ trì", "Lead unit"),
            Self::Coordinating => ("Đơn vị phối hợp", "Coordinating units"),
            Self::Schedule => ("Thời gian thực hiện", "Schedule"),
            Self::Status => ("Tiến độ", "Status"),
            Self::LatestRecord => ("Ghi nhận gần nhất", "Latest record"),
            Self::Flags => ("Lưu ý", "Flags"),
            Self::Score => ("Điểm", "Score"),
            Self::Rank => ("Xếp hạng", "Rank"),
            Self::ExpectedScore => ("Điểm dự kiến", "Expected score"),
            Self::Target => ("Chỉ tiêu", "Target"),
            Self::Baseline => ("Mốc so sánh", "Baseline"),
            Self::Goal => ("Mục tiêu", "Goal"),
            Self::LatestValue => ("Giá trị mới nhất", "Latest value"),
            Self::ThisPeriod => ("Trong kỳ", "This period"),
            Self::Assessment => ("Đánh giá", "Assessment"),
            Self::Total => ("Tổng số", "Total"),
            Self::NotStarted => ("Chưa thực hiện", "Not started"),
            Self::InProgress => ("Đang thực hiện", "In progress"),
            Self::Done => ("Hoàn thành", "Done"),
            Self::DoneLate => ("Hoàn thành trễ hạn", "Done late"),
            Self::Overdue => ("Chưa hoàn thành trễ hạn", "Overdue"),
            Self::Blocked => ("Vướng mắc", "Blocked"),
            Self::Cancelled => ("Dừng thực hiện", "Cancelled"),
            Self::Met => ("Đạt", "Met"),
            Self::NotYetMet => ("Chưa đạt", "Not yet met"),
            Self::NotMet => ("Không đạt", "Not met"),
            Self::NoData => ("Chưa có số liệu", "No data"),
            Self::Ongoing => ("Thường xuyên", "Ongoing"),
            Self::NoRecordThisQuarter => ("chưa có ghi nhận trong", "nothing recorded in"),
            Self::NotRecorded => ("chưa ghi nhận", "not recorded"),
            Self::DueOn => ("hạn", "due"),
            Self::NothingRecorded => (
                "Chưa có ghi nhận tiến độ nào.",
                "Nothing has been recorded yet.",
            ),
            Self::ScoresMissing => (
                "Chưa có số liệu điểm, thứ hạng các chỉ số thành phần (phụ lục chưa được nhập).",
                "No component scores or ranks have been entered (the appendix is missing).",
            ),
            Self::Delivered => ("hoàn thành", "delivered"),
            Self::NoDecrease => ("không giảm", "no decrease"),
            Self::Places => ("bậc", "places"),
            Self::Points => ("điểm", "points"),
            Self::Times => ("lần", "times"),
            Self::Top => ("trong nhóm", "top"),
            Self::Increase => ("tăng", "up"),
            Self::Decrease => ("giảm", "down"),
            Self::Of => ("trên", "of"),
            Self::NoBaseline => ("chưa có mốc", "no baseline"),
            Self::Kind => ("Loại", "Kind"),
            Self::NothingMatches => (
                "Không có nhiệm vụ hay chỉ tiêu nào khớp với bộ lọc.",
                "No task or target matches the filters.",
            ),
            Self::Late => ("Trễ hạn", "Late"),
            Self::Unit => ("Đơn vị", "Unit"),
        };
        match language {
            Language::Vi => vi,
            Language::En => en,
        }
    }
}

/// "tháng" / "month" for a frequency.
pub fn frequency_word(frequency: Frequency, language: Language) -> &'static str {
    let (vi, en) = match frequency {
        Frequency::Week => ("tuần", "week"),
        Frequency::Month => ("tháng", "month"),
        Frequency::Quarter => ("quý", "quarter"),
        Frequency::Half => ("6 tháng", "half-year"),
        Frequency::Year => ("năm", "year"),
    };
    match language {
        Language::Vi => vi,
        Language::En => en,
    }
}

/// A number as a reader of that language writes it: `72,5` or `72.5`, no
/// trailing zeros, at most two decimals.
pub fn number(value: f64, language: Language) -> String {
    let fixed = format!("{value:.2}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        &fixed
    };
    let text = if trimmed == "-0" { "0" } else { trimmed };
    match language {
        Language::Vi => text.replace('.', ","),
        Language::En => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_reader_s_decimal_mark() {
        assert_eq!(number(72.5, Language::Vi), "72,5");
        assert_eq!(number(72.5, Language::En), "72.5");
        assert_eq!(number(80.0, Language::Vi), "80");
        assert_eq!(number(7.7, Language::En), "7.7");
        assert_eq!(number(1.0 / 3.0, Language::En), "0.33");
    }
}
