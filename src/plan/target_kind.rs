//! What each kind of target answers for itself, in one place: its name in
//! the plan file, what a record of it measures, which way is better, where
//! its figure comes from and whether it may have a deadline. Every other
//! file asks these questions instead of matching on kinds, so a new kind is
//! its variant here, its goal in `goal.rs`, and the places the compiler
//! then lists (ARCHITECTURE.md, "Add a target kind").

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    PercentAtLeast,
    PercentAtMost,
    All,
    Change,
    CountAtMost,
    CountAtLeast,
    RankImprovement,
    RankAtMost,
    /// A rank in the leading share of the group, judged on each year's own
    /// group size: "nằm trong nhóm 30% đơn vị dẫn đầu".
    TopPercent,
    ScoreAtLeast,
    ScoreChangeAtLeast,
    Maintain,
    Deliverable,
    /// In a named band or better ("tốt" of the plan's `bands`).
    BandAtLeast,
    /// A score at or above a published reference: the group's median.
    AboveReference,
    /// No component index scores lower than the year before: "không có chỉ
    /// số thành phần nào giảm điểm", one verdict over every index.
    NoIndexFalls,
    /// No number: judged by a recorded `verdict` ("đạt" / "chưa đạt") and
    /// its reason, e.g. "raise enterprises' satisfaction".
    Qualitative,
}

/// What a record of a target answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A measured `value`, of this quantity.
    Value(Quantity),
    /// A `status`: done or not ("publish the hotline number").
    Status,
    /// A `verdict`: met or not, and why.
    Verdict,
}

/// What a measured value is, which decides how it is checked, written and
/// compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    /// A share, 0 to 100.
    Percent,
    /// A change in percent of a baseline: "giảm 22%".
    Change,
    /// A whole number of events in a period.
    Count,
    /// A place in a group (1 is first), with the group's size in `of`.
    Rank,
    /// Points on the index's or the overall scale.
    Score,
    /// A band's place among the plan's bands, lowest first.
    Band,
    /// How many component indices scored lower than the year before.
    Fallen,
}

/// Which way a value moves when it gets better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

impl TargetKind {
    /// Every kind, in the order the plan format lists them.
    pub const ALL: [Self; 17] = [
        Self::PercentAtLeast,
        Self::PercentAtMost,
        Self::All,
        Self::Change,
        Self::CountAtMost,
        Self::CountAtLeast,
        Self::RankImprovement,
        Self::RankAtMost,
        Self::TopPercent,
        Self::ScoreAtLeast,
        Self::ScoreChangeAtLeast,
        Self::Maintain,
        Self::Deliverable,
        Self::BandAtLeast,
        Self::AboveReference,
        Self::NoIndexFalls,
        Self::Qualitative,
    ];

    /// The word a plan file uses for the kind.
    pub fn name(self) -> &'static str {
        match self {
            Self::PercentAtLeast => "percent_at_least",
            Self::PercentAtMost => "percent_at_most",
            Self::All => "all",
            Self::Change => "change",
            Self::CountAtMost => "count_at_most",
            Self::CountAtLeast => "count_at_least",
            Self::RankImprovement => "rank_improvement",
            Self::RankAtMost => "rank_at_most",
            Self::TopPercent => "top_percent",
            Self::ScoreAtLeast => "score_at_least",
            Self::ScoreChangeAtLeast => "score_change_at_least",
            Self::Maintain => "maintain",
            Self::Deliverable => "deliverable",
            Self::BandAtLeast => "band_at_least",
            Self::AboveReference => "above_reference",
            Self::NoIndexFalls => "no_index_falls",
            Self::Qualitative => "qualitative",
        }
    }

    /// What a record of the kind answers with.
    pub fn measure(self) -> Measure {
        match self {
            Self::PercentAtLeast | Self::PercentAtMost | Self::All => {
                Measure::Value(Quantity::Percent)
            }
            Self::Change => Measure::Value(Quantity::Change),
            Self::CountAtMost | Self::CountAtLeast => Measure::Value(Quantity::Count),
            Self::RankImprovement | Self::RankAtMost | Self::TopPercent => {
                Measure::Value(Quantity::Rank)
            }
            Self::ScoreAtLeast
            | Self::ScoreChangeAtLeast
            | Self::Maintain
            | Self::AboveReference => Measure::Value(Quantity::Score),
            Self::BandAtLeast => Measure::Value(Quantity::Band),
            Self::NoIndexFalls => Measure::Value(Quantity::Fallen),
            Self::Deliverable => Measure::Status,
            Self::Qualitative => Measure::Verdict,
        }
    }

    /// The quantity a record's `value` is, for kinds measured by value.
    pub fn quantity(self) -> Option<Quantity> {
        match self.measure() {
            Measure::Value(quantity) => Some(quantity),
            Measure::Status | Measure::Verdict => None,
        }
    }

    /// Which way the kind's values get better; `None` where two values are
    /// not compared (a count per period, a status, a verdict).
    pub fn better(self) -> Option<Better> {
        match self {
            Self::PercentAtMost
            | Self::RankImprovement
            | Self::RankAtMost
            | Self::TopPercent
            | Self::NoIndexFalls => Some(Better::Lower),
            Self::PercentAtLeast
            | Self::All
            | Self::Change
            | Self::ScoreAtLeast
            | Self::ScoreChangeAtLeast
            | Self::Maintain
            | Self::BandAtLeast
            | Self::AboveReference => Some(Better::Higher),
            Self::CountAtMost | Self::CountAtLeast | Self::Deliverable | Self::Qualitative => None,
        }
    }

    /// Whether a target of the kind with no task is judged on the published
    /// DDCI result (its rank, score or band) rather than on records.
    pub fn judged_on_results(self) -> bool {
        matches!(
            self.quantity(),
            Some(Quantity::Rank | Quantity::Score | Quantity::Band | Quantity::Fallen)
        )
    }

    /// Whether the kind may have a deadline of its own (`due`); the others
    /// are judged on the plan's year or per period.
    pub fn takes_due(self) -> bool {
        matches!(
            self.measure(),
            Measure::Value(Quantity::Percent | Quantity::Change)
                | Measure::Status
                | Measure::Verdict
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names are the file's words: each reads back as its kind.
    #[test]
    fn every_name_is_the_file_word() {
        for kind in TargetKind::ALL {
            let read: Result<TargetKind, _> =
                serde_json::from_value(serde_json::json!(kind.name()));
            assert_eq!(read.ok(), Some(kind), "{}", kind.name());
        }
    }

    #[test]
    fn what_each_kind_answers() {
        use Better::{Higher, Lower};
        use Quantity::{Band, Change, Count, Fallen, Percent, Rank, Score};
        let value = Measure::Value;
        let cases = [
            (
                TargetKind::PercentAtLeast,
                value(Percent),
                Some(Higher),
                false,
                true,
            ),
            (
                TargetKind::PercentAtMost,
                value(Percent),
                Some(Lower),
                false,
                true,
            ),
            (TargetKind::All, value(Percent), Some(Higher), false, true),
            (TargetKind::Change, value(Change), Some(Higher), false, true),
            (TargetKind::CountAtMost, value(Count), None, false, false),
            (TargetKind::CountAtLeast, value(Count), None, false, false),
            (
                TargetKind::RankImprovement,
                value(Rank),
                Some(Lower),
                true,
                false,
            ),
            (
                TargetKind::RankAtMost,
                value(Rank),
                Some(Lower),
                true,
                false,
            ),
            (
                TargetKind::TopPercent,
                value(Rank),
                Some(Lower),
                true,
                false,
            ),
            (
                TargetKind::ScoreAtLeast,
                value(Score),
                Some(Higher),
                true,
                false,
            ),
            (
                TargetKind::ScoreChangeAtLeast,
                value(Score),
                Some(Higher),
                true,
                false,
            ),
            (
                TargetKind::Maintain,
                value(Score),
                Some(Higher),
                true,
                false,
            ),
            (TargetKind::Deliverable, Measure::Status, None, false, true),
            (
                TargetKind::BandAtLeast,
                value(Band),
                Some(Higher),
                true,
                false,
            ),
            (
                TargetKind::AboveReference,
                value(Score),
                Some(Higher),
                true,
                false,
            ),
            (
                TargetKind::NoIndexFalls,
                value(Fallen),
                Some(Lower),
                true,
                false,
            ),
            (TargetKind::Qualitative, Measure::Verdict, None, false, true),
        ];
        assert_eq!(cases.len(), TargetKind::ALL.len());
        for (kind, measure, better, on_results, due) in cases {
            assert_eq!(kind.measure(), measure, "{kind:?}");
            assert_eq!(kind.better(), better, "{kind:?}");
            assert_eq!(kind.judged_on_results(), on_results, "{kind:?}");
            assert_eq!(kind.takes_due(), due, "{kind:?}");
        }
    }
}
