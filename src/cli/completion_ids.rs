//! Shell completion of the ids a person types (`record 7.2`, `--by
//! thanh-tra`, `--owner`, `--index`), read from the plan the command would
//! use (`DDCI_PLAN`, else the nearest `plan.toml`): `clap_complete`'s dynamic
//! completion calls back into ddci while the shell completes, so the ids are
//! always the plan's own. `ddci completions SHELL` writes the shell's side.

use std::ffi::OsStr;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::plan::file::PlanFile;

/// The variable the shell sets when it asks ddci for completions.
pub const COMPLETE_VARIABLE: &str = "DDCI_COMPLETE";

/// What can be recorded against: tasks, targets, reporting duties.
pub fn subjects() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        candidates(current, |file| {
            let tasks = file
                .tasks
                .iter()
                .map(|task| (task.id.get_ref().clone(), task.text.get_ref().clone()));
            let targets = file.targets.iter().map(|target| {
                let name = target
                    .measure
                    .clone()
                    .unwrap_or_else(|| target.text.get_ref().clone());
                (target.id.get_ref().clone(), name)
            });
            let duties = file.reporting.iter().filter_map(|duty| {
                Some((
                    duty.id.as_ref()?.get_ref().clone(),
                    duty.text.clone().unwrap_or_default(),
                ))
            });
            tasks.chain(targets).chain(duties).collect()
        })
    })
}

/// The plan's units.
pub fn units() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        candidates(current, |file| {
            file.units
                .iter()
                .map(|unit| (unit.id.get_ref().clone(), unit.name.get_ref().clone()))
                .collect()
        })
    })
}

/// The plan's component indices.
pub fn indices() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        candidates(current, |file| {
            file.indices
                .iter()
                .map(|index| (index.id.get_ref().clone(), index.name.get_ref().clone()))
                .collect()
        })
    })
}

/// The ids from `pick` that begin with what is typed, each with its name
/// (cut to a line) for shells that show one. A plan that cannot be found or
/// read completes nothing: completion never prints an error.
fn candidates(
    current: &OsStr,
    pick: impl Fn(&PlanFile) -> Vec<(String, String)>,
) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let Some(file) = plan_file() else {
        return Vec::new();
    };
    pick(&file)
        .into_iter()
        .filter(|(id, _)| id.starts_with(typed.as_ref()))
        // What the shell prints is shown, not obeyed: an id with a control
        // character (which validate refuses) is not offered at all.
        .filter(|(id, _)| crate::words::visible::one_line(id) == *id)
        .map(|(id, name)| {
            let name =
                crate::words::visible::one_line(&crate::render::describe::shorten(&name, 60));
            CompletionCandidate::new(id).help(Some(name.into()))
        })
        .collect()
}

/// The plan the command would read, as written (not validated: a plan with
/// an error still has ids to complete).
fn plan_file() -> Option<PlanFile> {
    let here = std::env::current_dir().ok()?;
    let given = crate::read::locate::given_plan(None).map(|(path, _)| path);
    let path = crate::read::locate::find_plan(given.as_deref(), &here).ok()?;
    let bytes = crate::read::load::read(&path).ok()?;
    Some(crate::read::load::load_bytes(&path, bytes).file)
}
