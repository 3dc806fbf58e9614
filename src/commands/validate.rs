//! `ddci validate`: every problem in the plan, in one run.

use std::io::Write;

use annotate_snippets::Renderer;
use serde::Serialize;

use crate::cli::{DiagnosticFormat, ValidateArgs};
use crate::exit::Outcome;
use crate::output::Output;
use crate::read::diagnostic::{DiagnosticJson, Severity};
use crate::read::load::LoadedPlan;

pub fn run(
    args: &ValidateArgs,
    loaded: &LoadedPlan,
    output: &mut Output,
) -> anyhow::Result<Outcome> {
    if args.skip_non_plans && !is_plan(loaded) {
        let path = crate::words::visible::path(loaded.source.path());
        writeln!(
            output.stdout,
            "{}",
            crate::say!(
                "{path}: không phải kế hoạch (không có [plan], [[tasks]] hay bảng nào khác của kế hoạch); bỏ qua",
                "{path}: not a plan (no [plan], [[tasks]] or other plan table); skipped"
            )
        )?;
        return Ok(Outcome::Success);
    }
    let errors = count(loaded, Severity::Error);
    let warnings = count(loaded, Severity::Warning);
    let outcome = if errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Success
    };
    output.when_cut_off = outcome;
    match args.format {
        DiagnosticFormat::Json => {
            let report = ValidationJson {
                file: loaded.source.path().display().to_string(),
                valid: errors == 0,
                errors,
                warnings,
                diagnostics: loaded
                    .diagnostics
                    .iter()
                    .map(|diagnostic| diagnostic.to_json(&loaded.source))
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut output.stdout, &report)?;
            writeln!(output.stdout)?;
        }
        DiagnosticFormat::Human => {
            print_diagnostics(loaded, output)?;
            let path = crate::words::visible::path(loaded.source.path());
            if errors > 0 {
                let warnings = if warnings > 0 {
                    let warnings = plural(warnings, Noun::Warning);
                    crate::say!(" và {warnings}", " and {warnings}")
                } else {
                    String::new()
                };
                writeln!(
                    output.stderr,
                    "{path}: {}{warnings}",
                    plural(errors, Noun::Error)
                )?;
            } else {
                let file = &loaded.file;
                let records = file.record_count();
                let counts = [
                    plural(file.indices.len(), Noun::Index),
                    plural(file.tasks.len(), Noun::Task),
                    plural(file.targets.len(), Noun::Target),
                    plural(file.units.len(), Noun::Unit),
                    plural(records, Noun::Record),
                ]
                .join(", ");
                let warnings = if warnings > 0 {
                    format!(", {}", plural(warnings, Noun::Warning))
                } else {
                    String::new()
                };
                writeln!(
                    output.stdout,
                    "{}",
                    crate::say!(
                        "{path}: hợp lệ ({counts}){warnings}",
                        "{path}: valid ({counts}){warnings}"
                    )
                )?;
            }
        }
    }
    Ok(outcome)
}

/// Whether a file is meant as a plan: it does not parse as TOML (so nobody can
/// tell, and the error should be seen), or it has a table a plan has. A
/// misspelt `[plann]` beside `[[tasks]]` is still a plan, with an error.
pub fn is_plan(loaded: &LoadedPlan) -> bool {
    toml::de::DeTable::parse(loaded.source.content()).map_or(true, |root| {
        root.get_ref()
            .keys()
            .any(|key| crate::read::load::SECTIONS.contains(&key.get_ref().as_ref()))
    })
}

/// Prints the diagnostics of a plan to standard error, for people: the first
/// [`crate::read::diagnostic::SHOWN_IN_FULL`] in full, then how many more of each kind there are.
pub fn print_diagnostics(loaded: &LoadedPlan, output: &mut Output) -> anyhow::Result<()> {
    let renderer = if output.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for diagnostic in loaded
        .diagnostics
        .iter()
        .take(crate::read::diagnostic::SHOWN_IN_FULL)
    {
        writeln!(
            output.stderr,
            "{}\n",
            diagnostic.render(&loaded.source, &renderer)
        )?;
    }
    let rest =
        &loaded.diagnostics[crate::read::diagnostic::SHOWN_IN_FULL.min(loaded.diagnostics.len())..];
    if !rest.is_empty() {
        let mut by_code: Vec<(&str, usize)> = Vec::new();
        for diagnostic in rest {
            match by_code
                .iter_mut()
                .find(|(code, _)| *code == diagnostic.code)
            {
                Some((_, count)) => *count += 1,
                None => by_code.push((diagnostic.code, 1)),
            }
        }
        let kinds: Vec<String> = by_code
            .iter()
            .map(|(code, count)| format!("{count} {code}"))
            .collect();
        let (more, kinds) = (rest.len(), kinds.join(", "));
        writeln!(
            output.stderr,
            "{}",
            crate::say!(
                "… và {more} thông báo khác không hiện ở đây ({kinds}); `ddci validate --format json` liệt kê đầy đủ từng thông báo\n",
                "… and {more} more not shown ({kinds}); `ddci validate --format json` lists every one\n"
            )
        )?;
    }
    Ok(())
}

fn count(loaded: &LoadedPlan, severity: Severity) -> usize {
    loaded
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == severity)
        .count()
}

/// What a summary counts.
#[derive(Debug, Clone, Copy)]
enum Noun {
    Error,
    Warning,
    Index,
    Task,
    Target,
    Unit,
    Record,
}

/// "1 task", "3 tasks"; "3 nhiệm vụ".
fn plural(count: usize, noun: Noun) -> String {
    let (vi, one, many) = match noun {
        Noun::Error => ("lỗi", "error", "errors"),
        Noun::Warning => ("cảnh báo", "warning", "warnings"),
        Noun::Index => ("chỉ số thành phần", "index", "indices"),
        Noun::Task => ("nhiệm vụ", "task", "tasks"),
        Noun::Target => ("chỉ tiêu", "target", "targets"),
        Noun::Unit => ("đơn vị", "unit", "units"),
        Noun::Record => ("bản ghi", "record", "records"),
    };
    if count == 1 {
        crate::say!("1 {vi}", "1 {one}")
    } else {
        crate::say!("{count} {vi}", "{count} {many}")
    }
}

#[derive(Debug, Serialize)]
struct ValidationJson {
    file: String,
    valid: bool,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<DiagnosticJson>,
}
