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
    NoReport,
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
    ReportTitle,
    ReportOn,
    ReportingPeriod,
    DataAsOf,
    ReportingUnit,
    SectionDirection,
    SectionResults,
    ResultsByIndex,
    ResultsTargets,
    SectionAssessment,
    Achievements,
    Shortcomings,
    SectionNext,
    SectionProposals,
    Appendix,
    Result,
    Notes,
    NoReportInPeriod,
    Nothing,
    ReportsDue,
    YearToDate,
    InPeriod,
    BasedOn,
    UnitsReported,
    NoUnitReported,
    TasksAtPeriodEnd,
    TargetsMet,
    RecordsInPeriod,
    ContinueOngoing,
    StriveFor,
    Currently,
    Resolve,
    Complete,
    ChartTargets,
    ChartTasks,
    ReportsTo,
    Periods,
    Deadline,
    Recorded,
    Evidence,
    MissedInPeriod,
    UnreportedTasks,
    TargetsBehind,
    OverdueTasks,
    BlockedTasks,
    FromUnits,
    ReportsAsRequired,
    BlockedOrLate,
    PeriodAndYearToDate,
    Late,
    Unit,
    OverallResult,
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
            Self::NoReport => ("Chưa có báo cáo", "No report yet"),
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
            Self::NoRecordThisQuarter => ("chưa có báo cáo", "no report for"),
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
            Self::ReportTitle => ("BÁO CÁO", "REPORT"),
            Self::ReportOn => ("Kết quả thực hiện", "Results of"),
            Self::ReportingPeriod => ("Kỳ báo cáo", "Reporting period"),
            Self::DataAsOf => ("Số liệu tính đến ngày", "Figures as of"),
            Self::ReportingUnit => ("Đơn vị báo cáo", "Reporting unit"),
            Self::SectionDirection => (
                "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
                "I. DIRECTION AND ROLL-OUT",
            ),
            Self::SectionResults => ("II. KẾT QUẢ THỰC HIỆN", "II. RESULTS"),
            Self::ResultsByIndex => (
                "1. Kết quả thực hiện nhiệm vụ theo chỉ số thành phần",
                "1. Tasks by component index",
            ),
            Self::ResultsTargets => ("2. Kết quả thực hiện các chỉ tiêu", "2. Targets"),
            Self::SectionAssessment => ("III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
            Self::Achievements => ("1. Kết quả đạt được", "1. Achievements"),
            Self::Shortcomings => ("2. Tồn tại, hạn chế", "2. Shortcomings"),
            Self::SectionNext => (
                "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
                "IV. PLAN FOR THE NEXT PERIOD",
            ),
            Self::SectionProposals => ("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"),
            Self::Appendix => (
                "PHỤ LỤC: TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ",
                "APPENDIX: PROGRESS OF THE TASKS",
            ),
            Self::Result => ("Kết quả thực hiện", "Result"),
            Self::Notes => ("Ghi chú", "Notes"),
            Self::NoReportInPeriod => {
                ("Chưa có báo cáo trong kỳ", "Nothing reported in the period")
            }
            Self::Nothing => ("Không có.", "None."),
            Self::ReportsDue => ("Báo cáo định kỳ của kỳ này", "Reports due for this period"),
            Self::YearToDate => ("Lũy kế từ đầu năm", "Year to date"),
            Self::InPeriod => ("Trong kỳ", "In the period"),
            Self::BasedOn => ("Căn cứ", "Based on"),
            Self::UnitsReported => (
                "Các đơn vị đã báo cáo kết quả trong kỳ",
                "Units that reported in the period",
            ),
            Self::NoUnitReported => (
                "Chưa có đơn vị nào báo cáo kết quả trong kỳ.",
                "No unit reported in the period.",
            ),
            Self::TasksAtPeriodEnd => ("Đến hết kỳ", "At the end of the period"),
            Self::TargetsMet => ("Chỉ tiêu đạt", "Targets met"),
            Self::RecordsInPeriod => (
                "Số kết quả được ghi nhận trong kỳ",
                "Records made in the period",
            ),
            Self::ContinueOngoing => (
                "Tiếp tục thực hiện các nhiệm vụ thường xuyên",
                "Continue the ongoing tasks",
            ),
            Self::StriveFor => ("Phấn đấu đạt chỉ tiêu", "Work towards the target"),
            Self::Currently => ("hiện đạt", "now"),
            Self::Resolve => ("Tháo gỡ vướng mắc", "Resolve the blockage of"),
            Self::Complete => ("Hoàn thành nhiệm vụ trễ hạn", "Complete the overdue task"),
            Self::ChartTargets => ("Chỉ tiêu so với mục tiêu", "Targets against their goals"),
            Self::ChartTasks => (
                "Tiến độ nhiệm vụ theo chỉ số thành phần",
                "Task progress by component index",
            ),
            Self::ReportsTo => ("báo cáo", "reports to"),
            Self::Periods => ("kỳ", "periods"),
            Self::Deadline => ("Hạn nộp", "Due"),
            Self::Recorded => ("ghi nhận", "recorded"),
            Self::Evidence => ("văn bản", "evidence"),
            Self::MissedInPeriod => (
                "Sự kiện định kỳ chưa được ghi nhận",
                "Recurring events not recorded",
            ),
            Self::UnreportedTasks => (
                "Nhiệm vụ chưa có báo cáo trong kỳ",
                "Tasks with nothing reported in the period",
            ),
            Self::TargetsBehind => ("Chỉ tiêu chưa đạt", "Targets not (yet) met"),
            Self::OverdueTasks => ("Nhiệm vụ trễ hạn", "Overdue tasks"),
            Self::BlockedTasks => ("Nhiệm vụ vướng mắc", "Blocked tasks"),
            Self::FromUnits => ("Từ các đơn vị", "From the units"),
            Self::BlockedOrLate => ("Vướng mắc, trễ hạn", "Blocked or late"),
            Self::ReportsAsRequired => (
                "tổng hợp, báo cáo theo quy định",
                "compiles and reports as required",
            ),
            Self::PeriodAndYearToDate => (
                "Trong kỳ / lũy kế từ đầu năm",
                "In the period / year to date",
            ),
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

/// A number as a reader of that language writes it: `72,5` or `72.5`, no
/// trailing zeros. Two decimals when that is exact; otherwise every decimal
/// the value has, so that 79.996 never reads "80" beside "not yet met".
pub fn number(value: f64, language: Language) -> String {
    let value = if value == 0.0 { 0.0 } else { value };
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
