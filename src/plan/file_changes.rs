//! The keys of a plan that say what changes on a date, as written: the
//! amendments, the agency's names from a date, a unit's names, a target's goal
//! changes, and the working days. Their meaning is `plan::in_force`,
//! `plan::goals` and `time::working_days`.

use schemars::JsonSchema;
use serde::Deserialize;

use super::date::PlanDate;
use super::file::{Id, Spanned, Target};
use crate::time::working_days::DeadlineOnDayOff;

/// What the plan's province announced beyond the holidays ddci knows, and
/// how the plan counts a deadline whose last day is a day off.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WorkingDaysSettings {
    /// Further days off: a day the province gives, a swapped day.
    #[serde(default)]
    pub days_off: Vec<Spanned<PlanDate>>,
    /// Saturdays or Sundays worked in exchange for a swapped day.
    #[serde(default)]
    pub worked: Vec<Spanned<PlanDate>>,
    /// A deadline on a day off runs to the next working day (Civil Code,
    /// Article 148) [default: `next_working_day`], or stays `as_written`.
    #[serde(default)]
    pub deadline_on_day_off: Option<DeadlineOnDayOff>,
}

/// A decision amending the plan: its number, date and what it changes.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Amendment {
    /// What tasks, targets and changes name it by.
    pub id: Id,
    /// Its number as issued, "120/KH-SKHCN".
    #[serde(default)]
    pub number: Option<Spanned<String>>,
    /// The day it was issued.
    pub date: Spanned<PlanDate>,
    /// Its own title, verbatim.
    #[serde(default)]
    pub title: Option<String>,
    /// What it changes, in the decision's words.
    #[serde(default)]
    pub summary: Option<String>,
}

/// The plan's names from `from` on. A key left out keeps its earlier value.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct HeaderChange {
    /// The first day the new names are in force.
    pub from: Spanned<PlanDate>,
    #[serde(default)]
    pub agency: Option<Spanned<String>>,
    #[serde(default)]
    pub agency_short: Option<String>,
    #[serde(default)]
    pub province: Option<Spanned<String>>,
    #[serde(default)]
    pub parent_agency: Option<Spanned<String>>,
    #[serde(default)]
    pub code: Option<Spanned<String>>,
    #[serde(default)]
    pub place: Option<Spanned<String>>,
    /// The decision behind it ("Quyết định số 12/QĐ-UBND ngày 28/02/2025").
    #[serde(default)]
    pub basis: Option<String>,
}

/// A unit's name from `from` on.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnitChange {
    pub from: Spanned<PlanDate>,
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    #[serde(default)]
    pub short: Option<String>,
}

impl Target {
    /// The target as it reads with `change`'s keys written over its own: the
    /// same kind, its goal as changed, nothing else (no records, no changes).
    #[must_use]
    pub fn changed_by(&self, change: &GoalChange) -> Self {
        fn over<T: Clone>(new: Option<&T>, old: Option<&T>) -> Option<T> {
            new.or(old).cloned()
        }
        Self {
            id: self.id.clone(),
            kind: self.kind.clone(),
            text: self.text.clone(),
            measure: self.measure.clone(),
            task: self.task.clone(),
            reported_by: self.reported_by.clone(),
            index: self.index.clone(),
            year: self.year.clone(),
            percent: over(change.percent.as_ref(), self.percent.as_ref()),
            of: self.of.clone(),
            direction: self.direction.clone(),
            max: over(change.max.as_ref(), self.max.as_ref()),
            min: over(change.min.as_ref(), self.min.as_ref()),
            per: self.per.clone(),
            per_entity: self.per_entity.clone(),
            places: over(change.places.as_ref(), self.places.as_ref()),
            places_max: over(change.places_max.as_ref(), self.places_max.as_ref()),
            rank: over(change.rank.as_ref(), self.rank.as_ref()),
            score: over(change.score.as_ref(), self.score.as_ref()),
            points: over(change.points.as_ref(), self.points.as_ref()),
            points_max: over(change.points_max.as_ref(), self.points_max.as_ref()),
            baseline_year: self.baseline_year.clone(),
            band: over(change.band.as_ref(), self.band.as_ref()),
            reference: self.reference.clone(),
            comparison: self.comparison.clone(),
            when_group_changes: self.when_group_changes.clone(),
            scale: self.scale.clone(),
            baseline: self.baseline.clone(),
            baseline_rank: self.baseline_rank.clone(),
            due: self.due.clone(),
            begins: None,
            ends: None,
            end_reason: None,
            amendment: None,
            changes: Vec::new(),
            records: Vec::new(),
            extent: self.extent,
        }
    }
}

impl GoalChange {
    /// The goal keys this change writes, with where each is.
    pub fn keys(&self) -> Vec<(&'static str, std::ops::Range<usize>)> {
        let mut keys = Vec::new();
        let mut add = |name: &'static str, span: Option<std::ops::Range<usize>>| {
            if let Some(span) = span {
                keys.push((name, span));
            }
        };
        add("percent", self.percent.as_ref().map(Spanned::span));
        add("max", self.max.as_ref().map(Spanned::span));
        add("min", self.min.as_ref().map(Spanned::span));
        add("places", self.places.as_ref().map(Spanned::span));
        add("places_max", self.places_max.as_ref().map(Spanned::span));
        add("rank", self.rank.as_ref().map(Spanned::span));
        add("score", self.score.as_ref().map(Spanned::span));
        add("points", self.points.as_ref().map(Spanned::span));
        add("points_max", self.points_max.as_ref().map(Spanned::span));
        add("band", self.band.as_ref().map(Spanned::span));
        keys
    }
}

/// A target's goal from `from` on: the keys of its kind that change, each
/// as the target itself writes it; a key left out keeps its earlier value.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct GoalChange {
    pub from: Spanned<PlanDate>,
    /// The amendment that made the change.
    #[serde(default)]
    pub amendment: Option<Id>,
    #[serde(default)]
    pub percent: Option<Spanned<f64>>,
    #[serde(default)]
    pub max: Option<Spanned<i64>>,
    #[serde(default)]
    pub min: Option<Spanned<i64>>,
    #[serde(default)]
    pub places: Option<Spanned<i64>>,
    #[serde(default)]
    pub places_max: Option<Spanned<i64>>,
    #[serde(default)]
    pub rank: Option<Spanned<i64>>,
    #[serde(default)]
    pub score: Option<Spanned<f64>>,
    #[serde(default)]
    pub points: Option<Spanned<f64>>,
    #[serde(default)]
    pub points_max: Option<Spanned<f64>>,
    #[serde(default)]
    pub band: Option<Spanned<String>>,
}
