//! What `ddci status` shows: the plan's status filtered to what was asked for,
//! as a document (table and Markdown), JSON, or CSV.

pub mod csv;
pub mod document;
pub mod json;

use crate::judge::status::{PlanStatus, TargetStatus, TaskState, TaskStatus};
use crate::plan::model::{InForce, IndexRef, Plan, UnitRef};

/// Which tasks and targets to show; ids already checked against the plan.
#[derive(Debug, Clone, Default)]
pub struct StatusFilter {
    pub index: Option<IndexRef>,
    pub owner: Option<UnitRef>,
    pub lead_only: bool,
    pub states: Vec<TaskState>,
    pub overdue: bool,
}

impl StatusFilter {
    /// Whether periodic reports belong in the view: they are a unit's, not
    /// an index's or a task state's; with `--overdue`, those overdue.
    pub fn keeps_reports(&self) -> bool {
        self.index.is_none() && self.states.is_empty()
    }

    /// Whether the view keeps a report `reporter` owes: all, or the owner's.
    pub fn keeps_reporter(&self, plan: &Plan, reporter: UnitRef) -> bool {
        self.owner
            .is_none_or(|unit| unit == reporter || plan.stands_for(reporter, unit))
    }

    /// The tasks and targets of `status` this filter keeps, in plan order.
    pub fn select<'s, 'a>(
        &self,
        status: &'s PlanStatus<'a>,
    ) -> (Vec<&'s TaskStatus<'a>>, Vec<&'s TargetStatus<'a>>) {
        let tasks = status
            .tasks
            .iter()
            .filter(|task| self.keeps_task(status, task))
            .collect();
        let targets = status
            .targets
            .iter()
            .filter(|target| self.keeps_target(status, target))
            .collect();
        (tasks, targets)
    }

    pub fn filters_tasks(&self) -> bool {
        self.owner.is_some() || !self.states.is_empty() || self.overdue
    }

    /// A task of another year of a plan of several years is not in view.
    pub fn keeps_task(&self, status: &PlanStatus<'_>, task: &TaskStatus<'_>) -> bool {
        task.counts_in(status.year_in_view)
            && begun_by(&task.task.in_force, status.as_of)
            && self.index.is_none_or(|index| task.task.index == index)
            && self.owner.is_none_or(|owner| {
                if self.lead_only {
                    status.plan.leads_in_its_form(task.task, owner)
                } else {
                    status.plan.answers_for(task.task, owner)
                }
            })
            && (self.states.is_empty() || self.states.contains(&task.state))
            && (!self.overdue || task.state == TaskState::Overdue)
    }

    /// A target is shown with its task; one without a task only when no
    /// task-level filter is set.
    pub fn keeps_target(&self, status: &PlanStatus<'_>, target: &TargetStatus<'_>) -> bool {
        if !Plan::belongs(target.target.year, status.year_in_view)
            || !begun_by(&target.target.in_force, status.as_of)
        {
            return false;
        }
        match target.target.task {
            Some(task) => self.keeps_task(status, &status.tasks[task.0]),
            None => {
                !self.filters_tasks()
                    && self
                        .index
                        .is_none_or(|index| target.target.index == Some(index))
            }
        }
    }
}

/// A task or target an amendment adds from a later day is not in a view of
/// an earlier one; one that ended stays, shown as ended.
fn begun_by(in_force: &InForce, day: chrono::NaiveDate) -> bool {
    in_force.begins.is_none_or(|begins| begins <= day)
}
