//! What a target asks for: one variant per target kind, holding exactly the
//! numbers that kind needs, with its baseline already chosen.

use super::file::{Direction, Frequency, TargetKind};

/// A rank within a group whose size changes by year: "7th of 18".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankOf {
    pub rank: u32,
    pub of: Option<u32>,
}

/// Where a baseline came from, so a reader can check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineSource {
    /// The target's own `baseline` or `baseline_rank`.
    Target,
    /// The previous-year figure of the target's component index.
    Index,
    /// The previous-year figure of the unit as a whole (`[plan.overall]`).
    Overall,
    /// The result published for the year the target names (`baseline_year`).
    Year(i32),
}

/// A value to compare with, and where it came from. `None` in a goal means
/// the goal needs one and the plan has none ("no data").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline<T> {
    pub value: T,
    pub source: BaselineSource,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Goal {
    /// "≥ 80% of eligible procedures fully online".
    PercentAtLeast { percent: f64, of: Option<String> },
    /// "at most 5% of dossiers late".
    PercentAtMost { percent: f64, of: Option<String> },
    /// "100% resolved before deadline".
    All { of: Option<String> },
    /// "cut processing time by 30%": the recorded value is the change reached, in percent.
    Change {
        direction: Direction,
        percent: f64,
        of: Option<String>,
        baseline: Option<f64>,
    },
    /// "at most one inspection per enterprise per year".
    CountAtMost {
        max: u32,
        per: Frequency,
        per_entity: Option<String>,
    },
    /// "receive citizens at least once a month".
    CountAtLeast {
        min: u32,
        per: Frequency,
        per_entity: Option<String>,
    },
    /// "rise 4 places" (or "2 to 4 places") compared with the baseline rank.
    RankImprovement {
        places: u32,
        places_max: Option<u32>,
        baseline: Option<Baseline<RankOf>>,
    },
    /// "stay in the top 5".
    RankAtMost { rank: u32 },
    /// "component ≥ 7.70 points".
    ScoreAtLeast { score: f64, scale: Option<f64> },
    /// "+1.54 points" compared with the baseline score; with `points_max`,
    /// a range, met from its low end.
    ScoreChangeAtLeast {
        points: f64,
        points_max: Option<f64>,
        scale: Option<f64>,
        baseline: Option<Baseline<f64>>,
    },
    /// No lower than the baseline score.
    Maintain {
        scale: Option<f64>,
        baseline: Option<Baseline<f64>>,
    },
    /// Done or not: "publish the hotline number".
    Deliverable,
    /// In band `level` (1-based, of the plan's `bands`, lowest first) or a
    /// better one: "stay in the group rated tốt"; the top band is "the top
    /// group" with no N.
    BandAtLeast { level: u32, bands: Vec<String> },
    /// A score at or above the group's published median of the plan's
    /// year (`reference`: None until it is published).
    AboveReference { reference: Option<f64> },
    /// No number: met when a record's `verdict` says so.
    Qualitative,
}

impl Goal {
    pub fn kind(&self) -> TargetKind {
        match self {
            Self::PercentAtLeast { .. } => TargetKind::PercentAtLeast,
            Self::PercentAtMost { .. } => TargetKind::PercentAtMost,
            Self::All { .. } => TargetKind::All,
            Self::Change { .. } => TargetKind::Change,
            Self::CountAtMost { .. } => TargetKind::CountAtMost,
            Self::CountAtLeast { .. } => TargetKind::CountAtLeast,
            Self::RankImprovement { .. } => TargetKind::RankImprovement,
            Self::RankAtMost { .. } => TargetKind::RankAtMost,
            Self::ScoreAtLeast { .. } => TargetKind::ScoreAtLeast,
            Self::ScoreChangeAtLeast { .. } => TargetKind::ScoreChangeAtLeast,
            Self::Maintain { .. } => TargetKind::Maintain,
            Self::Deliverable => TargetKind::Deliverable,
            Self::BandAtLeast { .. } => TargetKind::BandAtLeast,
            Self::AboveReference { .. } => TargetKind::AboveReference,
            Self::Qualitative => TargetKind::Qualitative,
        }
    }

    /// Whether records carry a measured `value` (all but deliverables).
    pub fn measures_value(&self) -> bool {
        !matches!(self, Self::Deliverable | Self::Qualitative)
    }

    /// The counting rule of a count target.
    pub fn count(&self) -> Option<(Frequency, Option<&str>)> {
        match self {
            Self::CountAtMost {
                per, per_entity, ..
            }
            | Self::CountAtLeast {
                per, per_entity, ..
            } => Some((*per, per_entity.as_deref())),
            _ => None,
        }
    }
}
