//! What a target asks for: one variant per target kind, holding exactly the
//! numbers that kind needs, with its baseline already chosen; and how a
//! recorded value is judged against it, and what it is compared with. What
//! a kind answers without its numbers is in `target_kind.rs`.

use super::file::{Direction, Frequency, TargetKind};
use super::record::Record;
use super::target_kind::Measure;

/// Values closer than this count as equal: only the noise of binary
/// fractions is forgiven (7.54 − 6 is 1.5399999999999991), far below the
/// smallest difference a typed value can make (79.999999999 is below 80).
pub const TOLERANCE: f64 = 1e-12;

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
        /// Across a change of the group's size, judged by the rank's share
        /// of each year's group rather than by places.
        by_share: bool,
        baseline: Option<Baseline<RankOf>>,
    },
    /// "stay in the top 5".
    RankAtMost { rank: u32 },
    /// "in the leading 30% of the group": the rank as a share of the group
    /// size recorded with it, so a group of 18 and one of 26 are each judged
    /// on their own N.
    TopPercent { percent: f64 },
    /// "component ≥ 7.70 points" (`strict`: "trên 7,70 điểm").
    ScoreAtLeast {
        score: f64,
        scale: Option<f64>,
        strict: bool,
    },
    /// "+1.54 points" compared with the baseline score; with `points_max`,
    /// a range, met from its low end.
    ScoreChangeAtLeast {
        points: f64,
        points_max: Option<f64>,
        scale: Option<f64>,
        baseline: Option<Baseline<f64>>,
        /// The size of the group the baseline score was rescaled in, when
        /// known: a score of 18 units is not one of 26.
        baseline_of: Option<u32>,
    },
    /// No lower than the baseline score.
    Maintain {
        scale: Option<f64>,
        baseline: Option<Baseline<f64>>,
        baseline_of: Option<u32>,
    },
    /// Done or not: "publish the hotline number".
    Deliverable,
    /// In band `level` (1-based, of the plan's `bands`, lowest first) or a
    /// better one: "stay in the group rated tốt"; the top band is "the top
    /// group" with no N.
    BandAtLeast { level: u32, bands: Vec<String> },
    /// A score at or above (`strict`: above) the group's published median
    /// or average of the plan's year (`reference`: None until published).
    AboveReference {
        reference: Option<f64>,
        statistic: Statistic,
        strict: bool,
    },
    /// No component index scores lower than the year before; judged on
    /// the published scores of every index (the year's record counts those
    /// that fell).
    NoIndexFalls,
    /// No number: met when a record's `verdict` says so.
    Qualitative,
}

/// Which of the group's published figures a reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statistic {
    /// "điểm trung vị".
    Median,
    /// "điểm bình quân".
    Average,
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
            Self::TopPercent { .. } => TargetKind::TopPercent,
            Self::ScoreAtLeast { .. } => TargetKind::ScoreAtLeast,
            Self::ScoreChangeAtLeast { .. } => TargetKind::ScoreChangeAtLeast,
            Self::Maintain { .. } => TargetKind::Maintain,
            Self::Deliverable => TargetKind::Deliverable,
            Self::BandAtLeast { .. } => TargetKind::BandAtLeast,
            Self::AboveReference { .. } => TargetKind::AboveReference,
            Self::NoIndexFalls => TargetKind::NoIndexFalls,
            Self::Qualitative => TargetKind::Qualitative,
        }
    }

    /// Whether records carry a measured `value` (all but deliverables and
    /// qualitative targets).
    pub fn measures_value(&self) -> bool {
        matches!(self.kind().measure(), Measure::Value(_))
    }

    /// What a record of the goal answers with.
    pub fn measure(&self) -> Measure {
        self.kind().measure()
    }

    /// Whether a record's value reaches the goal; `None` when it cannot be
    /// judged: the record has no value, or the goal needs a figure the plan
    /// does not have (a baseline, a published reference). Counts, statuses
    /// and verdicts are judged per period or per record (`status.rs`), not
    /// by one value.
    pub fn reached(&self, record: &Record) -> Option<bool> {
        let value = record.value?;
        let at_least = |goal: f64| value + TOLERANCE >= goal;
        // Strictly higher: equal (within rounding) is not above.
        let above = |goal: f64| value > goal + TOLERANCE;
        let compared = |goal: f64, strict: bool| {
            if strict { above(goal) } else { at_least(goal) }
        };
        let at_most = |goal: f64| value <= goal + TOLERANCE;
        match self {
            Self::PercentAtLeast { percent, .. } | Self::Change { percent, .. } => {
                Some(at_least(*percent))
            }
            Self::PercentAtMost { percent, .. } => Some(at_most(*percent)),
            Self::All { .. } => Some(at_least(100.0)),
            Self::ScoreAtLeast { score, strict, .. } => Some(compared(*score, *strict)),
            Self::RankAtMost { rank } => Some(at_most(f64::from(*rank))),
            // 4 of 14 is 28.6%, within 30%; 5 of 14 is 35.7%, not. With no
            // group size there is no share to judge.
            Self::TopPercent { percent } => {
                let of = f64::from(record.of.filter(|of| *of > 0)?);
                Some(value / of * 100.0 <= percent + TOLERANCE)
            }
            Self::RankImprovement {
                places,
                baseline,
                by_share,
                ..
            } => {
                let then = baseline.as_ref()?.value;
                match (self.group_change(record), *by_share) {
                    // The place the target asks for, as a share of the old
                    // group, against this year's share of the new one.
                    (Some((before, now)), true) => {
                        let aimed = f64::from(then.rank.saturating_sub(*places).max(1));
                        Some(value / f64::from(now) <= aimed / f64::from(before) + TOLERANCE)
                    }
                    _ => Some(f64::from(then.rank) - value + TOLERANCE >= f64::from(*places)),
                }
            }
            Self::ScoreChangeAtLeast {
                points, baseline, ..
            } => Some(value - baseline.as_ref()?.value + TOLERANCE >= *points),
            Self::Maintain { baseline, .. } => Some(at_least(baseline.as_ref()?.value)),
            Self::BandAtLeast { level, .. } => Some(at_least(f64::from(*level))),
            Self::AboveReference {
                reference, strict, ..
            } => Some(compared((*reference)?, *strict)),
            // Not one index fell.
            Self::NoIndexFalls => Some(value <= TOLERANCE),
            Self::CountAtLeast { .. }
            | Self::CountAtMost { .. }
            | Self::Deliverable
            | Self::Qualitative => None,
        }
    }

    /// For a rank or a score compared with last year's: the group's sizes
    /// then and now, when both are known and differ (18 then 26 after a
    /// merger): the comparison crosses a change of group and must say so.
    pub fn group_change(&self, record: &Record) -> Option<(u32, u32)> {
        let before = match self {
            Self::RankImprovement { baseline, .. } => baseline.as_ref()?.value.of?,
            Self::ScoreChangeAtLeast { baseline_of, .. } | Self::Maintain { baseline_of, .. } => {
                (*baseline_of)?
            }
            Self::PercentAtLeast { .. }
            | Self::PercentAtMost { .. }
            | Self::All { .. }
            | Self::Change { .. }
            | Self::CountAtMost { .. }
            | Self::CountAtLeast { .. }
            | Self::RankAtMost { .. }
            | Self::TopPercent { .. }
            | Self::ScoreAtLeast { .. }
            | Self::Deliverable
            | Self::BandAtLeast { .. }
            | Self::AboveReference { .. }
            | Self::NoIndexFalls
            | Self::Qualitative => return None,
        };
        let now = record.of?;
        (before != now && before > 0 && now > 0).then_some((before, now))
    }

    /// What the goal is compared with, for a reader and for programs.
    pub fn compared_with(&self) -> ComparedWith<'_> {
        match self {
            Self::RankImprovement { baseline, .. } => ComparedWith::Rank(baseline.as_ref()),
            Self::ScoreChangeAtLeast { baseline, .. } | Self::Maintain { baseline, .. } => {
                ComparedWith::Score(baseline.as_ref())
            }
            Self::Change { baseline, .. } => {
                baseline.map_or(ComparedWith::Nothing, ComparedWith::Figure)
            }
            Self::AboveReference { reference, .. } => ComparedWith::Reference(*reference),
            Self::PercentAtLeast { .. }
            | Self::PercentAtMost { .. }
            | Self::All { .. }
            | Self::CountAtMost { .. }
            | Self::CountAtLeast { .. }
            | Self::RankAtMost { .. }
            | Self::TopPercent { .. }
            | Self::ScoreAtLeast { .. }
            | Self::Deliverable
            | Self::BandAtLeast { .. }
            | Self::NoIndexFalls
            | Self::Qualitative => ComparedWith::Nothing,
        }
    }

    /// The direction of a change goal.
    pub fn direction(&self) -> Option<Direction> {
        if let Self::Change { direction, .. } = self {
            Some(*direction)
        } else {
            None
        }
    }

    /// The plan's bands, lowest first, for a band goal (none for others).
    pub fn bands(&self) -> &[String] {
        if let Self::BandAtLeast { bands, .. } = self {
            bands
        } else {
            &[]
        }
    }

    /// A count goal's limit per period.
    pub fn count_limit(&self) -> Option<CountLimit> {
        self.count_rule().map(|(limit, _, _)| limit)
    }

    /// The counting rule of a count target.
    pub fn count(&self) -> Option<(Frequency, Option<&str>)> {
        self.count_rule()
            .map(|(_, per, per_entity)| (per, per_entity))
    }

    /// A count goal's limit, period and entity, in one match over goals.
    fn count_rule(&self) -> Option<(CountLimit, Frequency, Option<&str>)> {
        match self {
            Self::CountAtLeast {
                min,
                per,
                per_entity,
            } => Some((CountLimit::AtLeast(*min), *per, per_entity.as_deref())),
            Self::CountAtMost {
                max,
                per,
                per_entity,
            } => Some((CountLimit::AtMost(*max), *per, per_entity.as_deref())),
            Self::PercentAtLeast { .. }
            | Self::PercentAtMost { .. }
            | Self::All { .. }
            | Self::Change { .. }
            | Self::RankImprovement { .. }
            | Self::RankAtMost { .. }
            | Self::TopPercent { .. }
            | Self::ScoreAtLeast { .. }
            | Self::ScoreChangeAtLeast { .. }
            | Self::Maintain { .. }
            | Self::Deliverable
            | Self::BandAtLeast { .. }
            | Self::AboveReference { .. }
            | Self::NoIndexFalls
            | Self::Qualitative => None,
        }
    }
}

/// What a goal is compared with besides its own numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ComparedWith<'g> {
    /// A previous rank (`None`: the goal needs one and the plan has none).
    Rank(Option<&'g Baseline<RankOf>>),
    /// A previous score (`None`: needed, and missing).
    Score(Option<&'g Baseline<f64>>),
    /// A figure the target gives itself (a change's starting value).
    Figure(f64),
    /// A reference the province publishes, the group's median (`None`: not
    /// published yet).
    Reference(Option<f64>),
    /// Nothing: the goal's own numbers say it all.
    Nothing,
}

/// How many events a period may or must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountLimit {
    AtLeast(u32),
    AtMost(u32),
}

impl CountLimit {
    /// Whether `amount` in one period keeps the limit.
    pub fn kept(self, amount: f64) -> bool {
        match self {
            Self::AtLeast(min) => amount + TOLERANCE >= f64::from(min),
            Self::AtMost(max) => amount <= f64::from(max) + TOLERANCE,
        }
    }
}
