//! Which keys an entry has and which of them its kind read, so that a key
//! the kind does not take, or one it needs and lacks, is reported; and the
//! plain numbers a key holds.

use std::ops::Range;

use crate::plan::file::{self, PlanFile};
use crate::plan::spanned::Spanned;

/// The goal keys present on a target, and which of them a conversion read.
pub(super) struct Keys {
    pub present: Vec<(&'static str, Range<usize>)>,
    /// Every key the conversion looked for, present or not, in order.
    pub read: Vec<&'static str>,
    pub missing: Vec<&'static str>,
}

impl Keys {
    pub(super) fn new(present: Vec<(&'static str, Range<usize>)>) -> Self {
        Self {
            present,
            read: Vec::new(),
            missing: Vec::new(),
        }
    }

    pub(super) fn optional<T>(&mut self, key: &'static str, value: Option<T>) -> Option<T> {
        if !self.read.contains(&key) {
            self.read.push(key);
        }
        value
    }

    pub(super) fn required<T>(&mut self, key: &'static str, value: Option<T>) -> Option<T> {
        let present = self.present.iter().any(|(name, _)| *name == key);
        if !present {
            self.missing.push(key);
        }
        self.optional(key, value)
    }

    /// Keys the kind needs and the entry lacks, less those that were there
    /// with the wrong type (reported already).
    pub(super) fn missing_in<'k>(
        &'k self,
        file: &'k PlanFile,
        extent: &'k file::Extent,
    ) -> impl Iterator<Item = &'static str> + 'k {
        self.missing
            .iter()
            .copied()
            .filter(move |key| !file.unreadable_key_within(key, extent))
    }

    /// Keys present that the kind did not read.
    pub(super) fn unused(&self) -> Vec<(&'static str, Range<usize>)> {
        self.present
            .iter()
            .filter(|(key, _)| !self.read.contains(key))
            .cloned()
            .collect()
    }
}

fn span_of<T>(field: Option<&Spanned<T>>) -> Option<Range<usize>> {
    field.map(Spanned::span)
}

/// Every goal key of a target that has a value, with its span.
pub(super) fn goal_keys(target: &file::Target) -> Vec<(&'static str, Range<usize>)> {
    [
        ("percent", span_of(target.percent.as_ref())),
        ("of", span_of(target.of.as_ref())),
        ("direction", span_of(target.direction.as_ref())),
        ("max", span_of(target.max.as_ref())),
        ("min", span_of(target.min.as_ref())),
        ("per", span_of(target.per.as_ref())),
        ("per_entity", span_of(target.per_entity.as_ref())),
        ("places", span_of(target.places.as_ref())),
        ("places_max", span_of(target.places_max.as_ref())),
        ("rank", span_of(target.rank.as_ref())),
        ("score", span_of(target.score.as_ref())),
        ("points", span_of(target.points.as_ref())),
        ("points_max", span_of(target.points_max.as_ref())),
        ("baseline_year", span_of(target.baseline_year.as_ref())),
        ("band", span_of(target.band.as_ref())),
        ("reference", span_of(target.reference.as_ref())),
        ("comparison", span_of(target.comparison.as_ref())),
        (
            "when_group_changes",
            span_of(target.when_group_changes.as_ref()),
        ),
        ("scale", span_of(target.scale.as_ref())),
        ("baseline", span_of(target.baseline.as_ref())),
        ("baseline_rank", span_of(target.baseline_rank.as_ref())),
        ("due", span_of(target.due.as_ref())),
    ]
    .into_iter()
    .filter_map(|(key, span)| Some((key, span?)))
    .collect()
}

/// Every key of a schedule besides `kind` and `text` that has a value.
pub(super) fn schedule_keys(schedule: &file::Schedule) -> Vec<(&'static str, Range<usize>)> {
    [
        ("start", span_of(schedule.start.as_ref())),
        ("due", span_of(schedule.due.as_ref())),
        ("every", span_of(schedule.every.as_ref())),
        ("interval", span_of(schedule.interval.as_ref())),
        ("weekday", span_of(schedule.weekday.as_ref())),
        ("week", span_of(schedule.week.as_ref())),
        ("day", span_of(schedule.day.as_ref())),
        ("if_weekend", span_of(schedule.if_weekend.as_ref())),
        ("time", span_of(schedule.time.as_ref())),
    ]
    .into_iter()
    .filter_map(|(key, span)| Some((key, span?)))
    .collect()
}

/// A finite number, with no negative zero; non-finite ones are reported by
/// the `value_ranges` rule.
pub(super) fn number(field: Option<&Spanned<f64>>) -> Option<f64> {
    field
        .map(|field| *field.get_ref())
        .filter(|value| value.is_finite())
        .map(plain_zero)
}

pub(super) fn whole(field: Option<&Spanned<i64>>) -> Option<u32> {
    field.and_then(|field| u32::try_from(*field.get_ref()).ok())
}

/// `-0.0` reads as 0 everywhere a person or program sees it.
pub fn plain_zero(value: f64) -> f64 {
    if value == 0.0 { 0.0 } else { value }
}
