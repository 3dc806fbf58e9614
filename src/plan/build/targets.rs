//! The targets of a plan: each one's goal (`goal.rs`), deadline, year and
//! records, and the keys its kind does not take reported.

use chrono::NaiveDate;

use super::Builder;
use super::goal::{GoalContext, fill_from, goal, scores};
use super::keys::{Keys, goal_keys};
use crate::plan::file;
use crate::plan::model::{
    Entry, Goal, GoalFrom, Goals, Index, PublishedResult, Records, Scores, Target, TargetRef, Task,
};
use crate::read::diagnostic::Diagnostic;

impl Builder<'_, '_> {
    /// A target over every component index belongs to none and follows no
    /// task: `index` or `task` would say it is of one.
    fn over_every_index(&mut self, target: &file::Target) {
        if *target.kind.get_ref() != file::TargetKind::NoIndexFalls {
            return;
        }
        let given = [
            ("index", target.index.as_ref()),
            ("task", target.task.as_ref()),
        ];
        for (key, id) in given {
            let Some(id) = id else { continue };
            self.found.push(
                Diagnostic::error(
                    "target-over-every-index",
                    crate::say!(
                        "chỉ tiêu `no_index_falls` được đánh giá trên mọi chỉ số thành phần; nó không có `{key}`",
                        "a `no_index_falls` target is judged over every component index; it has no `{key}`"
                    ),
                )
                .at(id.span())
                .label(crate::say!("chỉ gắn với một mục", "of one"))
                .help(crate::say!(
                    "bỏ `{key}`; để theo dõi một chỉ số, dùng kind = \"maintain\" cùng với `index`",
                    "remove `{key}`; to follow one index, use kind = \"maintain\" with `index`"
                )),
            );
            self.ok = false;
        }
    }

    #[expect(
        clippy::too_many_lines,
        reason = "117 lines; to be split into its steps (ARCHITECTURE.md)"
    )]
    pub(super) fn targets(
        &mut self,
        indices: &[Index],
        tasks: &[Task],
        year: Option<i32>,
        results: &[PublishedResult],
    ) -> Vec<Target> {
        let file = self.file;
        // A plan of several years ends with its last.
        let until = file
            .plan
            .as_ref()
            .and_then(|plan| plan.until.as_ref())
            .and_then(|until| i32::try_from(*until.get_ref()).ok())
            .or(year);
        let bands: Vec<String> = file
            .plan
            .as_ref()
            .map(|plan| {
                plan.bands
                    .iter()
                    .map(|band| band.get_ref().clone())
                    .collect()
            })
            .unwrap_or_default();
        let mut targets = Vec::with_capacity(file.targets.len());
        for target in &file.targets {
            let reported_by = target.reported_by.as_ref().and_then(|id| self.unit_ref(id));
            let task = target
                .task
                .as_ref()
                .and_then(|id| match self.entries.get(id.get_ref()) {
                    Some(Entry::Task(task)) => Some(*task),
                    _ => None,
                });
            let index = match &target.index {
                Some(id) => match self.entries.get(id.get_ref()) {
                    Some(Entry::Index(index)) => Some(*index),
                    _ => None,
                },
                None => task
                    .and_then(|task| tasks.get(task.0))
                    .map(|task| task.index),
            };
            self.over_every_index(target);
            let mut first_records: Option<Records> = None;
            let each_year = years_judged(target, year, until);
            for (nth, own_year) in each_year.into_iter().enumerate() {
                // The year the target is judged in: its own, else the plan's last.
                let judged_year = own_year.or(until);
                let year_end = judged_year
                    .and_then(|year| NaiveDate::from_ymd_opt(year, 12, 31))
                    .unwrap_or(NaiveDate::MAX);
                // A target of a later year of the plan compares with the year
                // before it, as published, not with the year before the plan.
                let later = own_year.filter(|own| year.is_some_and(|first| *own > first));
                let later_scores = later.map(|own| {
                    let mut scores = Scores::default();
                    let published = results
                        .iter()
                        .rev()
                        .find(|result| result.year == own - 1 && result.index == index);
                    fill_from(&mut scores, published);
                    scores
                });
                let index_scores = match &later_scores {
                    Some(scores) if index.is_some() => Some(scores),
                    _ => index
                        .and_then(|index| indices.get(index.0))
                        .map(|i| &i.scores),
                };
                let overall = overall_scores(file, results, later, year);
                let mut keys = Keys::new(goal_keys(target));
                let own_index = if target.task.is_some() { None } else { index };
                let published = judged_year.and_then(|year| {
                    results
                        .iter()
                        .rev()
                        .find(|result| result.year == year && result.index == own_index)
                });
                let context = GoalContext {
                    bands: &bands,
                    median: published.and_then(|result| result.median),
                    average: published.and_then(|result| result.average),
                    results: results
                        .iter()
                        .filter(|result| result.index == own_index)
                        .collect(),
                };
                let goal = goal(target, &mut keys, index_scores, &overall, &context);
                let changes = self.goal_changes(target, nth == 0, |changed, keys| {
                    super::goal::goal(changed, keys, index_scores, &overall, &context)
                });
                let due = if target.kind.get_ref().takes_due() {
                    keys.optional("due", target.due.as_ref().map(|due| due.get_ref().0))
                } else {
                    None
                };
                if nth == 0 {
                    self.report_goal_keys(target, &keys);
                }
                if goal.is_none() || !keys.missing.is_empty() {
                    self.ok = false;
                }
                let measures = goal.as_ref().map(Goal::measures_value);
                let records = if let Some(records) = &first_records {
                    records.clone()
                } else {
                    let records = self.records(&target.records, measures);
                    first_records = Some(records.clone());
                    records
                };
                targets.push(Target {
                    id: target.id.get_ref().clone(),
                    text: target.text.get_ref().clone(),
                    measure: target.measure.clone(),
                    task,
                    reported_by,
                    index,
                    year: own_year,
                    goals: Goals::with_changes(goal.unwrap_or(Goal::Deliverable), changes),
                    in_force: self.in_force(
                        target.begins.as_ref(),
                        target.ends.as_ref(),
                        target.end_reason.as_ref(),
                        target.amendment.as_ref(),
                    ),
                    // A deadline the plan sets runs past a day off; the
                    // plan's last day is the year's end, whatever day it is.
                    deadline: due.map_or(year_end, |due| self.working_days.deadline(due)),
                    records,
                });
            }
        }
        // A target standing once per year is found by its id at its first.
        let mut seen = std::collections::HashSet::new();
        for (at, target) in targets.iter().enumerate() {
            if seen.insert(target.id.clone()) {
                self.entries
                    .insert(target.id.clone(), Entry::Target(TargetRef(at)));
            }
        }
        targets
    }

    /// The target's goal from each of its changes on, read by `read_goal`
    /// from the target as each change rewrites it; a key a change writes
    /// that the kind does not take is reported (once, when `report`).
    fn goal_changes(
        &mut self,
        target: &file::Target,
        report: bool,
        mut read_goal: impl FnMut(&file::Target, &mut Keys) -> Option<Goal>,
    ) -> Vec<GoalFrom> {
        let kind_name = target.kind.get_ref().name();
        let mut goals = Vec::with_capacity(target.changes.len());
        for change in &target.changes {
            let changed = target.changed_by(change);
            let mut keys = Keys::new(goal_keys(&changed));
            let goal = read_goal(&changed, &mut keys);
            let written = change.keys();
            if report {
                if written.is_empty() {
                    let first = keys.read.first().copied().unwrap_or("percent");
                    let taken = keys.read.join(", ");
                    self.found.push(
                        Diagnostic::error(
                            "empty-change",
                            crate::say!(
                                "lần thay đổi mục tiêu này không thay đổi con số nào",
                                "this change of the goal changes none of its numbers"
                            ),
                        )
                        .at(change.from.span())
                        .help(crate::say!(
                            "ghi mục tiêu mới bên cạnh `from`, ví dụ {first} = …; chỉ tiêu `{kind_name}` \
                             nhận các khóa: {taken}",
                            "write the new goal beside `from`, e.g. {first} = …; a `{kind_name}` \
                             target takes: {taken}"
                        )),
                    );
                    self.ok = false;
                }
                for (key, span) in written.iter().filter(|(key, _)| !keys.read.contains(key)) {
                    let taken = keys.read.join(", ");
                    self.found.push(
                        Diagnostic::error(
                            "goal-does-not-fit-kind",
                            crate::say!(
                                "`{key}` không dùng cho chỉ tiêu kiểu `{kind_name}`",
                                "`{key}` does not apply to a `{kind_name}` target"
                            ),
                        )
                        .at(span.clone())
                        .label(crate::say!(
                            "trong lần thay đổi mục tiêu này",
                            "in this change of the goal"
                        ))
                        .help(crate::say!(
                            "một lần thay đổi ghi giá trị mới cho chính các khóa mục tiêu của chỉ tiêu; chỉ tiêu \
                             `{kind_name}` nhận các khóa: {taken}",
                            "a change writes the new value of the target's own goal keys; a \
                             `{kind_name}` target takes: {taken}"
                        )),
                    );
                    self.ok = false;
                }
            }
            let amendment = self.amendment_ref(change.amendment.as_ref());
            if let Some(goal) = goal {
                goals.push(GoalFrom {
                    from: Some(change.from.get_ref().0),
                    goal,
                    amendment,
                });
            } else {
                self.ok = false;
            }
        }
        goals
    }

    fn report_goal_keys(&mut self, target: &file::Target, keys: &Keys) {
        let kind_name = target.kind.get_ref().name();
        let target_id = target.id.get_ref();
        for key in keys.missing_in(self.file, &target.extent) {
            self.found.push(
                Diagnostic::error(
                    "missing-goal",
                    crate::say!(
                        "chỉ tiêu kiểu `{kind_name}` cần có `{key}`",
                        "a `{kind_name}` target needs `{key}`"
                    ),
                )
                .at(target.kind.span())
                .label(crate::say!("cần `{key}`", "needs `{key}`"))
                .help(crate::say!(
                    "thêm `{key} = …` vào chỉ tiêu `{target_id}` (xem docs/plan-format.md)",
                    "add `{key} = …` to target `{target_id}` (see docs/plan-format.md)"
                )),
            );
        }
        for (key, span) in keys.unused() {
            let help = if keys.read.is_empty() {
                crate::say!(
                    "bỏ `{key}`: chỉ tiêu kiểu `{kind_name}` không có con số mục tiêu",
                    "remove `{key}`: a `{kind_name}` target has no goal numbers"
                )
            } else {
                let taken = keys.read.join(", ");
                crate::say!(
                    "bỏ `{key}`, hoặc đổi `kind`; chỉ tiêu kiểu `{kind_name}` nhận các khóa: {taken}",
                    "remove `{key}`, or change `kind`; a `{kind_name}` target takes: {taken}"
                )
            };
            self.found.push(
                Diagnostic::error(
                    "goal-does-not-fit-kind",
                    crate::say!(
                        "`{key}` không dùng cho chỉ tiêu kiểu `{kind_name}`",
                        "`{key}` does not apply to a `{kind_name}` target"
                    ),
                )
                .at(span)
                .label(crate::say!(
                    "kiểu `{kind_name}` không dùng khóa này",
                    "not used by `{kind_name}`"
                ))
                .help(help),
            );
        }
    }
}

/// The years a target is judged in: its own; or, in a plan of several
/// years, each year for a target of the unit's or an index's published
/// result with no year of its own (judged on that year's result, against the
/// year before's, and standing in the model once per year).
fn years_judged(target: &file::Target, year: Option<i32>, until: Option<i32>) -> Vec<Option<i32>> {
    let written_year = target
        .year
        .as_ref()
        .and_then(|year| i32::try_from(*year.get_ref()).ok());
    match (year, until) {
        (Some(first), Some(last))
            if last > first
                && written_year.is_none()
                && target.task.is_none()
                && target.kind.get_ref().judged_on_results() =>
        {
            (first..=last).map(Some).collect()
        }
        _ => vec![written_year],
    }
}

/// The unit's overall scores a target compares with: the plan's own, with
/// what it lacks from the year before's published result; for a target of
/// a later year of the plan, only that year's previous result.
fn overall_scores(
    file: &file::PlanFile,
    results: &[PublishedResult],
    later: Option<i32>,
    year: Option<i32>,
) -> Scores {
    let mut overall = file
        .plan
        .as_ref()
        .and_then(|plan| plan.overall.as_ref())
        .map(scores)
        .unwrap_or_default();
    if let Some(year) = later.or(year) {
        if later.is_some() {
            overall = Scores::default();
        }
        let published = results
            .iter()
            .rev()
            .find(|result| result.year == year - 1 && result.index.is_none());
        fill_from(&mut overall, published);
    }
    overall
}
