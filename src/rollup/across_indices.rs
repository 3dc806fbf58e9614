//! One component index across every unit that plans for it: how its tasks
//! and targets stand everywhere, to see which index is weakest. Indices are
//! matched by name (without case or diacritics), since each plan names its
//! own ids.

use std::collections::HashMap;

use crate::judge::status::{Assessment, PlanStatus, TaskState};
use crate::plan::model::{IndexRef, Plan};
use crate::words::fold::folded;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexAcross {
    /// The name as the first plan holding it writes it.
    pub name: String,
    /// How many units plan for it.
    pub units: usize,
    pub tasks: usize,
    /// Of them, those with a due date: only these can be done; the others
    /// are ongoing or recurring.
    pub tasks_with_due_date: usize,
    pub tasks_done: usize,
    /// Past due and not done, or blocked.
    pub tasks_behind: usize,
    pub targets: usize,
    pub targets_met: usize,
    pub targets_not_met: usize,
    /// The published scores of the latest year each unit has one for.
    pub scores: Vec<f64>,
}

impl IndexAcross {
    /// Overdue or blocked tasks and targets not met, per task and target.
    pub fn behind_share(&self) -> f64 {
        let all = self.tasks + self.targets;
        if all == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // counts
        let share = (self.tasks_behind + self.targets_not_met) as f64 / all as f64;
        share
    }

    pub fn mean_score(&self) -> Option<f64> {
        mean_of_scores(&self.scores)
    }
}

/// The mean of published scores, with two decimals as scores are published
/// ("76,59"); none of no scores.
pub fn mean_of_scores(scores: &[f64]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // a count of units
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    Some((mean * 100.0).round() / 100.0)
}

/// Each index of one plan, in the plan's order, of the year in view, with
/// the latest score of a year up to it published by `known_on`.
pub fn of_plan(status: &PlanStatus<'_>, known_on: chrono::NaiveDate) -> Vec<IndexAcross> {
    let plan = status.plan;
    let year = status.year_in_view;
    plan.indices
        .iter()
        .enumerate()
        .map(|(at, index)| {
            let mut across = IndexAcross {
                name: index.name.clone(),
                units: 1,
                ..IndexAcross::default()
            };
            for task in status
                .tasks
                .iter()
                .filter(|task| task.task.index.0 == at && task.counts_in(year))
            {
                across.tasks += 1;
                if task.task.schedule.due().is_some() {
                    across.tasks_with_due_date += 1;
                }
                match task.state {
                    TaskState::Done | TaskState::DoneLate => across.tasks_done += 1,
                    TaskState::Overdue | TaskState::Blocked => across.tasks_behind += 1,
                    _ => {}
                }
            }
            for target in status.targets.iter().filter(|target| {
                target.target.index.is_some_and(|index| index.0 == at)
                    && Plan::belongs(target.target.year, year)
            }) {
                across.targets += 1;
                match target.assessment {
                    Assessment::Met => across.targets_met += 1,
                    Assessment::NotMet => across.targets_not_met += 1,
                    Assessment::NotYetMet | Assessment::NoData => {}
                }
            }
            let published = plan
                .latest_result(Some(IndexRef(at)), year, known_on)
                .and_then(|result| result.score);
            across.scores = published
                .or(index.scores.previous_score)
                .into_iter()
                .collect();
            across
        })
        .collect()
}

/// The indices of every plan, one row per name, furthest behind first.
pub fn combine(plans: Vec<Vec<IndexAcross>>) -> Vec<IndexAcross> {
    let mut combined: Vec<IndexAcross> = Vec::new();
    // Found by the name as written, else folded: the country's plans write
    // an index's name in a few ways, and each way is folded once.
    let mut written: HashMap<String, usize> = HashMap::new();
    let mut by_folded_name: HashMap<String, usize> = HashMap::new();
    for index in plans.into_iter().flatten() {
        let slot = if let Some(&slot) = written.get(&index.name) {
            slot
        } else {
            let next = combined.len();
            let slot = *by_folded_name.entry(folded(&index.name)).or_insert(next);
            written.insert(index.name.clone(), slot);
            slot
        };
        if let Some(sum) = combined.get_mut(slot) {
            sum.units += index.units;
            sum.tasks += index.tasks;
            sum.tasks_with_due_date += index.tasks_with_due_date;
            sum.tasks_done += index.tasks_done;
            sum.tasks_behind += index.tasks_behind;
            sum.targets += index.targets;
            sum.targets_met += index.targets_met;
            sum.targets_not_met += index.targets_not_met;
            sum.scores.extend(index.scores);
        } else {
            combined.push(index);
        }
    }
    combined.sort_by(|a, b| {
        b.behind_share()
            .total_cmp(&a.behind_share())
            .then_with(|| a.name.cmp(&b.name))
    });
    combined
}
