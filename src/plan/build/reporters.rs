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
            let (target_id, group) = (&target.id, id.get_ref());
            found.push(
                Diagnostic::error(
                    "reported-by-group",
                    crate::say!(
                        "chỉ tiêu `{target_id}` do `{group}` báo cáo, mà `{group}` là một nhóm: mỗi số liệu do một đơn vị báo cáo",
                        "target `{target_id}` is reported by `{group}`, a group: one unit reports a figure"
                    ),
                )
                .at(id.span())
                .label(crate::say!("một nhóm", "a group"))
                .help(crate::say!(
                    "ghi một đơn vị tổng hợp số liệu, ví dụ đơn vị nhận các báo cáo",
                    "name the one unit that gathers the figure, for example the office the reports go to"
                )),
            );
        }
        if plan.reporter(target) == Reporter::Nobody {
            let leads = target.task.map_or(0, |task| plan.task(task).lead.len());
            let why = if target.task.is_none() {
                crate::say!("chỉ tiêu không gắn với nhiệm vụ nào", "it has no task")
            } else if leads == 1 {
                crate::say!(
                    "đơn vị chủ trì nhiệm vụ của nó là một nhóm",
                    "its task's lead is a group"
                )
            } else {
                crate::say!(
                    "nhiệm vụ của nó có {leads} đơn vị chủ trì",
                    "its task has {leads} lead units"
                )
            };
            let target_id = &target.id;
            found.push(
                Diagnostic::warning(
                    "target-without-reporter",
                    crate::say!(
                        "không đơn vị nào báo cáo số liệu của chỉ tiêu `{target_id}`: {why}, và không nhiệm vụ báo cáo nào ghi đơn vị nhận báo cáo",
                        "no unit reports the figure of target `{target_id}`: {why}, and no reporting duty names the office reports go to"
                    ),
                )
                .at(written.id.span())
                .label(crate::say!(
                    "không biểu mẫu nào hỏi số liệu này",
                    "no form asks for its figure"
                ))
                .help(crate::say!(
                    "thêm `reported_by = \"<unit id>\"` vào chỉ tiêu, hoặc `to = \"<unit id>\"` vào nhiệm vụ báo cáo",
                    "add `reported_by = \"<unit id>\"` to the target, or `to = \"<unit id>\"` to the reporting duty"
                )),
            );
        }
    }
}
