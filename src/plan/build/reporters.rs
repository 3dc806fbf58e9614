//! Every target has one unit to report its figure (`plan/reporter.rs`):
//! a group named as `reported_by` is refused, and a target with nobody to
//! report it is told, since no form would ask for its figure.

use crate::plan::file::PlanFile;
use crate::plan::model::Plan;
use crate::plan::reporter::Reporter;
use crate::read::diagnostic::Diagnostic;

pub(super) fn check(plan: &Plan, file: &PlanFile, found: &mut Vec<Diagnostic>) {
    for written in &file.targets {
        let Some(target) = plan
            .targets
            .iter()
            .find(|target| target.id == *written.id.get_ref())
        else {
            continue;
        };
        if let (Some(id), Some(unit)) = (&written.reported_by, target.reported_by)
            && plan.unit(unit).is_group()
        {
            found.push(
                Diagnostic::error(
                    "reported-by-group",
                    format!(
                        "target `{}` is reported by `{}`, a group: one unit reports a figure",
                        target.id,
                        id.get_ref()
                    ),
                )
                .at(id.span())
                .label("a group")
                .help("name the one unit that gathers the figure, for example the office the reports go to"),
            );
        }
        if plan.reporter(target) == Reporter::Nobody {
            let leads = target.task.map_or(0, |task| plan.task(task).lead.len());
            let why = if target.task.is_none() {
                "it has no task".to_owned()
            } else if leads == 1 {
                "its task's lead is a group".to_owned()
            } else {
                format!("its task has {leads} lead units")
            };
            found.push(
                Diagnostic::warning(
                    "target-without-reporter",
                    format!(
                        "no unit reports the figure of target `{}`: {why}, and no reporting duty names the office reports go to",
                        target.id
                    ),
                )
                .at(written.id.span())
                .label("no form asks for its figure")
                .help("add `reported_by = \"<unit id>\"` to the target, or `to = \"<unit id>\"` to the reporting duty"),
            );
        }
    }
}
