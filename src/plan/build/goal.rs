//! A target's goal from its keys: one arm per kind, each reading only the
//! keys that kind takes (what it reads is what it takes), with its baseline
//! chosen; and the published result counted as the year's measure.

use chrono::NaiveDate;

use super::keys::{Keys, number, whole};
use crate::plan::file::{self, TargetKind};
use crate::plan::goal::TOLERANCE;
use crate::plan::goal::{Baseline, BaselineSource, Goal, RankOf, Statistic};
use crate::plan::model::{Index, IndexRef, PublishedResult, Record, Records, Scores, Target};
use crate::plan::spanned::Spanned;
use crate::plan::target_kind::{Measure, Quantity};
use crate::words::labels::{Language, score as score_words};

/// A previous score or rank the plan does not give, from last year's
/// published result.
pub(super) fn fill_from(scores: &mut Scores, published: Option<&PublishedResult>) {
    let Some(published) = published else { return };
    if scores.previous_score.is_none() {
        scores.previous_score = published.score;
    }
    if scores.previous_rank.is_none() {
        scores.previous_rank = published.rank;
    }
}

/// The plan year's published result, counted as the year's measure of a
/// target of the unit or of an index: dated the year's last day, whenever it
/// was published (the 2024 result comes in 2025), with where it came from.
pub(super) fn counted_result(
    target: &mut Target,
    results: &[PublishedResult],
    indices: &[Index],
    first_year: i32,
    year: i32,
) {
    if target.task.is_some() {
        return;
    }
    if target.goals.first().measure() == Measure::Value(Quantity::Fallen) {
        if let Some(record) = indices_compared(results, indices, first_year, year) {
            let mut records = target.records.all().to_vec();
            records.push(record);
            target.records = Records::new(records);
        }
        return;
    }
    let Some(published) = results
        .iter()
        .rev()
        .find(|result| result.year == year && result.index == target.index)
    else {
        return;
    };
    let (value, of) = match target.goals.first().measure() {
        Measure::Value(Quantity::Rank) => match published.rank {
            Some(rank) => (f64::from(rank.rank), rank.of),
            None => return,
        },
        // With the size of the group it was rescaled in.
        Measure::Value(Quantity::Score) => match published.score {
            Some(score) => (score, published.rank.and_then(|rank| rank.of)),
            None => return,
        },
        Measure::Value(Quantity::Band) => {
            let Some(level) = published.band.as_ref().and_then(|band| {
                target
                    .goals
                    .first()
                    .bands()
                    .iter()
                    .position(|known| known == band)
            }) else {
                return;
            };
            #[allow(clippy::cast_precision_loss)] // a handful of bands
            let level = (level + 1) as f64;
            (level, None)
        }
        // A published result has no shares, counts, statuses or verdicts;
        // the indices compared are counted above.
        Measure::Value(
            Quantity::Percent | Quantity::Change | Quantity::Count | Quantity::Fallen,
        )
        | Measure::Status
        | Measure::Verdict => return,
    };
    let note = match published.published {
        Some(on) => format!(
            "Kết quả DDCI năm {year}, công bố ngày {}",
            on.format("%d/%m/%Y")
        ),
        None => format!("Kết quả DDCI năm {year}"),
    };
    let Some(record) = year_record(
        year,
        value,
        of,
        Some(note),
        published.source.clone(),
        published.published,
    ) else {
        return;
    };
    let mut records = target.records.all().to_vec();
    records.push(record);
    target.records = Records::new(records);
}

/// The year's measure of a target over every component index: how many
/// scored lower than the year before (the year's published score against
/// the last year's, or the index's `previous_score` in the plan's first
/// year), named in the note; dated the year's last day. `None` while no
/// index is known to have fallen and one lacks either score: nothing is
/// known yet, and silence is not failure.
fn indices_compared(
    results: &[PublishedResult],
    indices: &[Index],
    first_year: i32,
    year: i32,
) -> Option<Record> {
    let published = |year: i32, at: usize| {
        results
            .iter()
            .rev()
            .find(|result| result.year == year && result.index == Some(IndexRef(at)))
    };
    let score = |year: i32, at: usize| published(year, at).and_then(|result| result.score);
    let mut fallen = Vec::new();
    let mut unknown = Vec::new();
    for (at, index) in indices.iter().enumerate() {
        // The plan's first year starts from the index's own previous score
        // (filled from last year's result when the plan gives none).
        let before =
            score(year - 1, at).or(index.scores.previous_score.filter(|_| year == first_year));
        match (before, score(year, at)) {
            (Some(before), Some(now)) if now + TOLERANCE < before => fallen.push(format!(
                "{} {} → {}",
                index.name,
                score_words(before, Language::Vi),
                score_words(now, Language::Vi)
            )),
            (Some(_), Some(_)) => {}
            _ => unknown.push(index.name.clone()),
        }
    }
    if indices.is_empty() || (fallen.is_empty() && !unknown.is_empty()) {
        return None;
    }
    let mut parts = fallen.clone();
    if !unknown.is_empty() {
        parts.push(format!("chưa có điểm: {}", unknown.join(", ")));
    }
    let note = parts.join("; ");
    #[allow(clippy::cast_precision_loss)] // a handful of indices
    let value = fallen.len() as f64;
    year_record(
        year,
        value,
        None,
        (!note.is_empty()).then_some(note),
        None,
        // Known once the last of the year's scores was published.
        (0..indices.len())
            .filter_map(|at| published(year, at).and_then(|result| result.published))
            .max(),
    )
}

/// A year's measure from published results, as a record dated the year's
/// last day (the 2024 result comes in 2025), known from `published`.
fn year_record(
    year: i32,
    value: f64,
    of: Option<u32>,
    note: Option<String>,
    evidence: Option<String>,
    published: Option<NaiveDate>,
) -> Option<Record> {
    Some(Record {
        id: None,
        date: NaiveDate::from_ymd_opt(year, 12, 31)?,
        status: None,
        value: Some(value),
        of,
        note,
        by: None,
        evidence,
        corrects: None,
        verdict: None,
        shortcoming: None,
        cause: None,
        proposal: None,
        corrected_on: None,
        published,
    })
}

/// What a goal may need beyond its target and its baselines: the plan's
/// bands, and the published references (median, average) of the plan's year.
pub(super) struct GoalContext<'c> {
    pub bands: &'c [String],
    pub median: Option<f64>,
    pub average: Option<f64>,
    /// The published results of the target's index (or of the unit), by year.
    pub results: Vec<&'c PublishedResult>,
}

/// The goal of one target, reading only the keys its kind takes.
#[expect(
    clippy::too_many_lines,
    reason = "144 lines; to be split into its steps (ARCHITECTURE.md)"
)]
pub(super) fn goal(
    target: &file::Target,
    keys: &mut Keys,
    index: Option<&Scores>,
    overall: &Scores,
    context: &GoalContext<'_>,
) -> Option<Goal> {
    let text = |field: &Option<Spanned<String>>| field.as_ref().map(|f| f.get_ref().clone());
    let of = |keys: &mut Keys| keys.optional("of", text(&target.of));
    let percent = |keys: &mut Keys| keys.required("percent", number(target.percent.as_ref()));
    let scale = |keys: &mut Keys| keys.optional("scale", number(target.scale.as_ref()));
    // "cao hơn" (strictly) or "không thấp hơn" (the default).
    let strict = |keys: &mut Keys| {
        keys.optional(
            "comparison",
            target.comparison.as_ref().map(|c| *c.get_ref()),
        ) == Some(file::Comparison::Above)
    };
    let count = |keys: &mut Keys, key: &'static str, field: &Option<Spanned<i64>>| {
        let limit = keys.required(key, whole(field.as_ref()));
        let per = keys.required("per", target.per.as_ref().map(|per| *per.get_ref()));
        let per_entity = keys.optional("per_entity", text(&target.per_entity));
        Some((limit?, per?, per_entity))
    };
    // A named year's published result, when the target asks for one.
    let year_baseline = |keys: &mut Keys| {
        let year = keys.optional("baseline_year", whole(target.baseline_year.as_ref()))?;
        let year = i32::try_from(year).ok()?;
        let result = context
            .results
            .iter()
            .rev()
            .find(|result| result.year == year)?;
        Some((year, *result))
    };
    let score_baseline = |keys: &mut Keys| {
        let own = keys.optional("baseline", number(target.baseline.as_ref()));
        // A named year with no published result has nothing to compare with.
        if target.baseline_year.is_some() {
            return year_baseline(keys).and_then(|(year, result)| {
                result.score.map(|value| Baseline {
                    value,
                    source: BaselineSource::Year(year),
                })
            });
        }
        baseline(own, index, overall, |scores| scores.previous_score)
    };
    // The size of the group a baseline score was rescaled in: that of the
    // rank published with it.
    let score_group = |baseline: Option<&Baseline<f64>>| -> Option<u32> {
        match baseline?.source {
            BaselineSource::Target => None,
            BaselineSource::Index => index?.previous_rank?.of,
            BaselineSource::Overall => overall.previous_rank?.of,
            BaselineSource::Year(year) => {
                context
                    .results
                    .iter()
                    .rev()
                    .find(|result| result.year == year)?
                    .rank?
                    .of
            }
        }
    };
    Some(match *target.kind.get_ref() {
        TargetKind::PercentAtLeast => {
            let percent = percent(keys);
            Goal::PercentAtLeast {
                of: of(keys),
                percent: percent?,
            }
        }
        TargetKind::PercentAtMost => {
            let percent = percent(keys);
            Goal::PercentAtMost {
                of: of(keys),
                percent: percent?,
            }
        }
        TargetKind::All => Goal::All { of: of(keys) },
        TargetKind::Change => {
            let direction =
                keys.required("direction", target.direction.as_ref().map(|d| *d.get_ref()));
            let percent = percent(keys);
            let of = of(keys);
            let baseline = keys.optional("baseline", number(target.baseline.as_ref()));
            Goal::Change {
                direction: direction?,
                percent: percent?,
                of,
                baseline,
            }
        }
        TargetKind::CountAtMost => {
            let (max, per, per_entity) = count(keys, "max", &target.max)?;
            Goal::CountAtMost {
                max,
                per,
                per_entity,
            }
        }
        TargetKind::CountAtLeast => {
            let (min, per, per_entity) = count(keys, "min", &target.min)?;
            Goal::CountAtLeast {
                min,
                per,
                per_entity,
            }
        }
        TargetKind::RankImprovement => {
            let places = keys.required("places", whole(target.places.as_ref()));
            let places_max = keys.optional("places_max", whole(target.places_max.as_ref()));
            let own = keys.optional(
                "baseline_rank",
                target.baseline_rank.as_ref().and_then(rank_of),
            );
            let named = year_baseline(keys).and_then(|(year, result)| {
                result.rank.map(|value| Baseline {
                    value,
                    source: BaselineSource::Year(year),
                })
            });
            let by_share = keys.optional(
                "when_group_changes",
                target.when_group_changes.as_ref().map(|c| *c.get_ref()),
            ) == Some(file::GroupChange::ByShare);
            Goal::RankImprovement {
                places: places?,
                places_max,
                by_share,
                baseline: if target.baseline_year.is_some() {
                    named
                } else {
                    baseline(own, index, overall, |scores| scores.previous_rank)
                },
            }
        }
        TargetKind::TopPercent => Goal::TopPercent {
            percent: percent(keys)?,
        },
        TargetKind::RankAtMost => Goal::RankAtMost {
            rank: keys.required("rank", whole(target.rank.as_ref()))?,
        },
        TargetKind::ScoreAtLeast => {
            let score = keys.required("score", number(target.score.as_ref()));
            Goal::ScoreAtLeast {
                scale: scale(keys),
                strict: strict(keys),
                score: score?,
            }
        }
        TargetKind::ScoreChangeAtLeast => {
            let points = keys.required("points", number(target.points.as_ref()));
            let points_max = keys.optional("points_max", number(target.points_max.as_ref()));
            let baseline = score_baseline(keys);
            Goal::ScoreChangeAtLeast {
                points_max,
                baseline_of: score_group(baseline.as_ref()),
                baseline,
                scale: scale(keys),
                points: points?,
            }
        }
        TargetKind::Maintain => {
            let baseline = score_baseline(keys);
            Goal::Maintain {
                baseline_of: score_group(baseline.as_ref()),
                baseline,
                scale: scale(keys),
            }
        }
        TargetKind::Deliverable => Goal::Deliverable,
        TargetKind::BandAtLeast => {
            let band = keys.required("band", text(&target.band))?;
            // An unknown band is reported by the `bands` rule; no goal then.
            let level = context.bands.iter().position(|known| *known == band)?;
            Goal::BandAtLeast {
                level: u32::try_from(level + 1).ok()?,
                bands: context.bands.to_vec(),
            }
        }
        TargetKind::Qualitative => Goal::Qualitative,
        TargetKind::NoIndexFalls => Goal::NoIndexFalls,
        TargetKind::AboveReference => {
            let statistic = match keys
                .optional("reference", text(&target.reference))
                .as_deref()
            {
                Some("average") => Statistic::Average,
                // Anything else is reported by the `value_ranges` rule.
                _ => Statistic::Median,
            };
            Goal::AboveReference {
                reference: match statistic {
                    Statistic::Median => context.median,
                    Statistic::Average => context.average,
                },
                statistic,
                strict: strict(keys),
            }
        }
    })
}

/// What a goal is compared with: the target's own figure, else its index's
/// previous one, else (for a target of the unit as a whole, with no index)
/// the unit's overall previous one. An index never borrows the overall
/// figure: a component's 6th place is not the department's 7th.
fn baseline<T>(
    own: Option<T>,
    index: Option<&Scores>,
    overall: &Scores,
    previous: impl Fn(&Scores) -> Option<T>,
) -> Option<Baseline<T>> {
    let (value, source) = match (own, index) {
        (Some(value), _) => (value, BaselineSource::Target),
        (None, Some(index)) => (previous(index)?, BaselineSource::Index),
        (None, None) => (previous(overall)?, BaselineSource::Overall),
    };
    Some(Baseline { value, source })
}

pub(super) fn scores(written: &file::Scores) -> Scores {
    Scores {
        group: written.group.clone(),
        scale: number(written.scale.as_ref()),
        previous_score: number(written.previous_score.as_ref()),
        previous_rank: written.previous_rank.as_ref().and_then(rank_of),
        expected_score: number(written.expected_score.as_ref()),
        weight: number(written.weight.as_ref()),
    }
}

pub(super) fn rank_of(written: &Spanned<file::RankOf>) -> Option<RankOf> {
    let written = written.get_ref();
    Some(RankOf {
        rank: whole(Some(&written.rank))?,
        of: whole(written.of.as_ref()),
    })
}
