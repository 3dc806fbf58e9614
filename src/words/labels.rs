//! Every word `ddci` shows a reader, in Vietnamese and English, in one
//! exhaustive match: a label without both translations does not compile.

use crate::time::period::Frequency;
pub use crate::words::language::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    AsOf,
    Tasks,
    Targets,
    Indices,
    Index,
    Number,
    Id,
    Task,
    Lead,
    Coordinating,
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
    NoReport,
    NotStarted,
    InProgress,
    Done,
    CarriedOut,
    DoneLate,
    Overdue,
    Blocked,
    Cancelled,
    Met,
    NotYetMet,
    NotMet,
    NoData,
    NoRecordThisQuarter,
    NotRecorded,
    /// An occurrence the unit's records say was not held.
    RecordedNotHeld,
    DueOn,
    BeginsOn,
    NotBegun,
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
    Kind,
    ReportingDuties,
    ReportsFrom,
    ReportsTo,
    Periods,
    NothingMatches,
    BlockedOrLate,
    Unit,
    OverallResult,
}

impl Label {
    pub fn text(self, language: Language) -> &'static str {
        let (vi, en) = match self {
            Self::AsOf => ("Tính đến ngày", "As of"),
            Self::Tasks => ("Nhiệm vụ", "Tasks"),
            Self::Targets => ("Chỉ tiêu", "Targets"),
            Self::Indices => ("Chỉ số thành phần", "Component indices"),
            Self::Index => ("Chỉ số", "Index"),
            Self::Number => ("STT", "No."),
            Self::Id => ("Mã", "Id"),
            Self::Task => ("Nhiệm vụ", "Task"),
            Self::Lead => ("Đơn vị chủ trì", "Lead unit"),
            Self::Coordinating => ("Đơn vị phối hợp", "Coordinating units"),
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
            Self::NoReport => ("Chưa có báo cáo", "No report yet"),
            Self::NotStarted => ("Chưa thực hiện", "Not started"),
            Self::InProgress => ("Đang thực hiện", "In progress"),
            Self::Done => ("Hoàn thành", "Done"),
            Self::CarriedOut => ("Đã thực hiện", "Carried out"),
            Self::DoneLate => ("Hoàn thành trễ hạn", "Done late"),
            Self::Overdue => ("Chưa hoàn thành trễ hạn", "Overdue"),
            Self::Blocked => ("Vướng mắc", "Blocked"),
            Self::Cancelled => ("Dừng thực hiện", "Cancelled"),
            Self::Met => ("Đạt", "Met"),
            Self::NotYetMet => ("Chưa đạt", "Not yet met"),
            Self::NotMet => ("Không đạt", "Not met"),
            Self::NoData => ("Chưa có số liệu", "No data"),
            Self::NoRecordThisQuarter => ("chưa có báo cáo", "no report for"),
            Self::NotRecorded => ("chưa ghi nhận", "not recorded"),
            Self::RecordedNotHeld => ("không tổ chức", "not held"),
            Self::DueOn => ("hạn", "due"),
            Self::BeginsOn => ("bắt đầu từ", "begins"),
            Self::NotBegun => ("Chưa đến thời gian thực hiện", "Not begun yet"),
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
            Self::Kind => ("Loại", "Kind"),
            Self::ReportingDuties => ("Nhiệm vụ báo cáo", "Reporting duties"),
            Self::ReportsFrom => ("Đơn vị báo cáo", "Reported by"),
            Self::ReportsTo => ("Gửi về", "Sent to"),
            Self::Periods => ("Kỳ báo cáo", "Periods"),
            Self::NothingMatches => (
                "Không có nhiệm vụ hay chỉ tiêu nào khớp với bộ lọc.",
                "No task or target matches the filters.",
            ),
            Self::BlockedOrLate => ("Vướng mắc, trễ hạn", "Blocked or late"),
            Self::Unit => ("Đơn vị", "Unit"),
            Self::OverallResult => ("Kết quả chung năm", "Overall result"),
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

/// A DDCI score as results are published: two decimals ("74,96", "8,00"),
/// more only when the value has more, so no score is rounded across a goal.
pub fn score(value: f64, language: Language) -> String {
    let hundredths = value * 100.0;
    if (hundredths - hundredths.round()).abs() > 1e-9 * value.abs().max(1.0) {
        return number(value, language);
    }
    let text = format!("{value:.2}");
    match language {
        Language::Vi => text.replace('.', ","),
        Language::En => text,
    }
}

/// A rank within its group: "thứ 7/11" in Vietnamese, "7/11" in English.
pub fn rank(
    rank: impl std::fmt::Display,
    of: Option<impl std::fmt::Display>,
    language: Language,
) -> String {
    let place = match of {
        Some(of) => format!("{rank}/{of}"),
        None => rank.to_string(),
    };
    match language {
        Language::Vi => format!("thứ {place}"),
        Language::En => place,
    }
}

/// A number as a reader of that language writes it: `72,5` or `72.5`, no
/// trailing zeros. Two decimals when that is exact; otherwise every decimal
/// the value has, so that 79.996 never reads "80" beside "not yet met".
pub fn number(value: f64, language: Language) -> String {
    let value = if value == 0.0 { 0.0 } else { value };
    // No figure of a plan has sixteen digits: one that has (1e308 typed in a
    // form) is shown at a readable length, not as 309 digits.
    if value.abs() >= 1e15 || !value.is_finite() {
        let text = format!("{value:.3e}");
        return match language {
            Language::Vi => text.replace('.', ","),
            Language::En => text,
        };
    }
    let rounded = (value * 100.0).round() / 100.0;
    let text = if (value - rounded).abs() <= 1e-12 * value.abs().max(1.0) {
        let fixed = format!("{rounded:.2}");
        fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        format!("{value}")
    };
    let text = if text == "-0" { "0".to_owned() } else { text };
    match language {
        Language::Vi => text.replace('.', ","),
        Language::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_too_long_to_read_is_shown_short() {
        assert_eq!(number(1e308, Language::En), "1.000e308");
        assert_eq!(number(-2.5e20, Language::Vi), "-2,500e20");
        assert_eq!(
            number(999_999_999_999_999.0, Language::En),
            "999999999999999"
        );
        assert_eq!(number(f64::INFINITY, Language::En), "inf");
    }

    #[test]
    fn scores_have_two_decimals_and_ranks_their_group() {
        let cases = [
            (8.0, "8,00", "8.00"),
            (6.1, "6,10", "6.10"),
            (74.96, "74,96", "74.96"),
            (7.705, "7,705", "7.705"),
            (0.0, "0,00", "0.00"),
        ];
        for (value, vi, en) in cases {
            assert_eq!(score(value, Language::Vi), vi);
            assert_eq!(score(value, Language::En), en);
        }
        assert_eq!(rank(7, Some(11), Language::Vi), "thứ 7/11");
        assert_eq!(rank(7, Some(11), Language::En), "7/11");
        assert_eq!(rank(7, None::<u32>, Language::Vi), "thứ 7");
    }

    #[test]
    fn numbers_use_the_reader_s_decimal_mark() {
        assert_eq!(number(72.5, Language::Vi), "72,5");
        assert_eq!(number(72.5, Language::En), "72.5");
        assert_eq!(number(80.0, Language::Vi), "80");
        assert_eq!(number(7.7, Language::En), "7.7");
        assert_eq!(number(-0.0, Language::En), "0");
        assert_eq!(
            number(0.1 + 0.2, Language::En),
            "0.3",
            "float noise is not shown"
        );
    }

    #[test]
    fn a_number_is_never_rounded_across_a_goal() {
        assert_eq!(number(79.996, Language::Vi), "79,996");
        assert_eq!(number(79.999_999, Language::En), "79.999999");
        assert_eq!(number(79.999_999_999, Language::En), "79.999999999");
        // Float noise on a large sum is not shown.
        assert_eq!(number(10_000.1 + 10_000.2, Language::En), "20000.3");
        assert_eq!(number(7.705, Language::En), "7.705");
    }
}
