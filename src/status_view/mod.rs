//! What `ddci status` shows: the plan's status filtered to what was asked for,
//! as a document (table and Markdown), JSON, or CSV.

pub mod csv;
pub mod document;
pub mod json;

use crate::plan::file::{PlanFile, Task};
use crate::status::{PlanStatus, TargetStatus, TaskState, TaskStatus};

/// Which tasks and targets to show.
#[derive(Debug, Clone, Default)]
pub struct StatusFilter {
    pub index: Option<String>,
    pub owner: Option<String>,
    pub lead_only: bool,
    pub states: Vec<TaskState>,
    pub overdue: bool,
}

impl StatusFilter {
    /// The tasks and targets of `status` this filter keeps, in plan order.
    pub fn select<'s, 'a>(
        &self,
        status: &'s PlanStatus<'a>,
    ) -> (Vec<&'s TaskStatus<'a>>, Vec<&'s TargetStatus<'a>>) {
        let tasks = status
            .tasks
            .iter()
            .filter(|task| self.keeps_task(status.file, task))
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

    pub fn keeps_task(&self, file: &PlanFile, status: &TaskStatus<'_>) -> bool {
        let task = status.task;
        self.index
            .as_ref()
            .is_none_or(|index| task.index.get_ref() == index)
            && self
                .owner
                .as_ref()
                .is_none_or(|owner| owns(file, task, owner, self.lead_only))
            && (self.states.is_empty() || self.states.contains(&status.state))
            && (!self.overdue || status.state == TaskState::Overdue)
    }

    /// A target is shown with its task; one without a task only when no
    /// task-level filter is set.
    pub fn keeps_target(&self, status: &PlanStatus<'_>, target: &TargetStatus<'_>) -> bool {
        let file = status.file;
        let task = target.target.task.as_ref().and_then(|id| {
            status
                .tasks
                .iter()
                .find(|task| task.task.id.get_ref() == id.get_ref())
        });
        match task {
            Some(task) => self.keeps_task(file, task),
            None => {
                !self.filters_tasks()
                    && self.index.as_ref().is_none_or(|index| {
                        target
                            .target
                            .index
                            .as_ref()
                            .is_some_and(|own| own.get_ref() == index)
                    })
            }
        }
    }
}

/// Whether `unit` leads (or, unless `lead_only`, coordinates) the task,
/// directly or as a listed member of a group that does.
pub fn owns(file: &PlanFile, task: &Task, unit: &str, lead_only: bool) -> bool {
    let in_group = |group: &str| {
        file.units
            .iter()
            .find(|candidate| candidate.id.get_ref() == group)
            .is_some_and(|group| group.members.iter().any(|member| member.get_ref() == unit))
    };
    let matches =
        |id: &crate::plan::spanned::Spanned<String>| id.get_ref() == unit || in_group(id.get_ref());
    task.lead.get_ref().iter().any(matches) || (!lead_only && task.coordinating.iter().any(matches))
}
