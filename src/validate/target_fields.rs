//! A target's numbers must fit its kind: a `percent_at_least` needs
//! `percent`, and a `max` on it would be silently meaningless.

use std::ops::Range;

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::plan::file::{Target, TargetKind};

/// The goal keys a kind needs, and those it may also have.
pub fn goal_keys(kind: TargetKind) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        TargetKind::PercentAtLeast | TargetKind::PercentAtMost => (&["percent"], &["of", "due"]),
        TargetKind::All => (&[], &["of", "due"]),
        TargetKind::Change => (&["direction", "percent"], &["of", "baseline", "due"]),
        TargetKind::CountAtMost => (&["max", "per"], &["per_entity"]),
        TargetKind::CountAtLeast => (&["min", "per"], &["per_entity"]),
        TargetKind::RankImprovement => (&["places"], &["places_max", "baseline_rank"]),
        TargetKind::RankAtMost => (&["rank"], &[]),
        TargetKind::ScoreAtLeast => (&["score"], &["scale"]),
        TargetKind::ScoreChangeAtLeast => (&["points"], &["baseline", "scale"]),
        TargetKind::Maintain => (&[], &["baseline", "scale"]),
        TargetKind::Deliverable => (&[], &["due"]),
    }
}

/// The goal keys present on a target, with the span of each value.
pub fn present_goal_keys(target: &Target) -> Vec<(&'static str, Range<usize>)> {
    let mut present = Vec::new();
    let mut note = |key: &'static str, span: Option<Range<usize>>| {
        if let Some(span) = span {
            present.push((key, span));
        }
    };
    note(
        "percent",
        target
            .percent
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "of",
        target.of.as_ref().map(crate::plan::spanned::Spanned::span),
    );
    note(
        "direction",
        target
            .direction
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "max",
        target.max.as_ref().map(crate::plan::spanned::Spanned::span),
    );
    note(
        "min",
        target.min.as_ref().map(crate::plan::spanned::Spanned::span),
    );
    note(
        "per",
        target.per.as_ref().map(crate::plan::spanned::Spanned::span),
    );
    note(
        "per_entity",
        target
            .per_entity
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "places",
        target
            .places
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "places_max",
        target
            .places_max
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "rank",
        target
            .rank
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "score",
        target
            .score
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "points",
        target
            .points
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "scale",
        target
            .scale
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "baseline",
        target
            .baseline
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "baseline_rank",
        target
            .baseline_rank
            .as_ref()
            .map(crate::plan::spanned::Spanned::span),
    );
    note(
        "due",
        target.due.as_ref().map(crate::plan::spanned::Spanned::span),
    );
    present
}

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for target in &context.file.targets {
        let kind = *target.kind.get_ref();
        let kind_name = kind_name(kind);
        let (required, optional) = goal_keys(kind);
        let present = present_goal_keys(target);
        for key in required {
            if !present.iter().any(|(present_key, _)| present_key == key) {
                found.push(
                    Diagnostic::error(
                        "missing-goal",
                        format!("a `{kind_name}` target needs `{key}`"),
                    )
                    .at(target.kind.span())
                    .label(format!("needs `{key}`"))
                    .help(format!(
                        "add `{key} = …` to target `{}` (see docs/plan-format.md)",
                        target.id.get_ref()
                    )),
                );
            }
        }
        for (key, span) in &present {
            if !required.contains(key) && !optional.contains(key) {
                let allowed: Vec<&str> = required.iter().chain(optional).copied().collect();
                let help = if allowed.is_empty() {
                    format!("remove `{key}`: a `{kind_name}` target has no goal numbers")
                } else {
                    format!(
                        "remove `{key}`, or change `kind`; a `{kind_name}` target takes: {}",
                        allowed.join(", ")
                    )
                };
                found.push(
                    Diagnostic::error(
                        "goal-does-not-fit-kind",
                        format!("`{key}` does not apply to a `{kind_name}` target"),
                    )
                    .at(span.clone())
                    .label(format!("not used by `{kind_name}`"))
                    .help(help),
                );
            }
        }
    }
}

/// The word a plan file uses for a target kind.
pub fn kind_name(kind: TargetKind) -> &'static str {
    match kind {
        TargetKind::PercentAtLeast => "percent_at_least",
        TargetKind::PercentAtMost => "percent_at_most",
        TargetKind::All => "all",
        TargetKind::Change => "change",
        TargetKind::CountAtMost => "count_at_most",
        TargetKind::CountAtLeast => "count_at_least",
        TargetKind::RankImprovement => "rank_improvement",
        TargetKind::RankAtMost => "rank_at_most",
        TargetKind::ScoreAtLeast => "score_at_least",
        TargetKind::ScoreChangeAtLeast => "score_change_at_least",
        TargetKind::Maintain => "maintain",
        TargetKind::Deliverable => "deliverable",
    }
}
