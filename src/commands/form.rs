//! `ddci form`: the Excel form a unit fills for a period, or one for every
//! unit that reports, into a folder.

use std::io::Write;

use crate::cli::FormArgs;
use crate::commands::{output_file, refuse_invalid};
use crate::exit::Outcome;
use crate::form::{Form, xlsx};
use crate::judge::status::AsOf;
use crate::output::Output;
use crate::settings;
use crate::validate::CheckedPlan;
use crate::write::atomic_write;

pub fn run(args: &FormArgs, checked: &CheckedPlan, output: &mut Output) -> anyhow::Result<Outcome> {
    let Some(plan) = refuse_invalid(checked, output)? else {
        return Ok(Outcome::Problems);
    };
    let settings = settings::form(args, plan, checked.today)?;
    let as_of = AsOf::closed(
        settings
            .period
            .end
            .min(checked.today)
            .max(settings.period.start),
    );
    let plan_path = checked.loaded.source.path();
    let key = crate::form::seal::load_or_create(plan_path)?;
    if !args.all {
        let is_xlsx = args
            .output
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("xlsx"));
        if !is_xlsx {
            anyhow::bail!(
                "a form is an Excel workbook: name it `….xlsx`, not `{}`",
                args.output.display()
            );
        }
        refuse_existing(&args.output)?;
        let unit = settings.units[0];
        let form = Form::new(plan, unit, settings.period, as_of);
        let bytes = xlsx::render(&form, &key)?;
        output_file::deliver_bytes(&bytes, Some(&args.output), plan_path, "form", output)?;
        return Ok(Outcome::Success);
    }
    std::fs::create_dir_all(&args.output).map_err(|error| {
        anyhow::anyhow!(
            "cannot make the folder `{}`: {error}",
            args.output.display()
        )
    })?;
    let paths: Vec<std::path::PathBuf> = settings
        .units
        .iter()
        .map(|unit| {
            let key = crate::time::period_key::key(&settings.period).unwrap_or_default();
            let id = &plan.unit(*unit).id;
            // `validate` refuses an id that is not a file name; a name that
            // would still leave the folder is never written.
            if crate::validate::file_name_ids::why_not_a_file_name(id).is_some() {
                anyhow::bail!(
                    "unit id `{}` cannot name a file\nhelp: see `ddci validate`",
                    crate::words::visible::visible(id)
                );
            }
            Ok(args.output.join(format!("{id}-{key}.xlsx")))
        })
        .collect::<anyhow::Result<_>>()?;
    // A folder of returned forms is not written over: check them all first.
    for path in &paths {
        refuse_existing(path)?;
    }
    for (unit, path) in settings.units.iter().zip(&paths) {
        let form = Form::new(plan, *unit, settings.period, as_of);
        let path = path.clone();
        let bytes = xlsx::render(&form, &key)?;
        atomic_write::write_file(&path, &bytes)
            .map_err(|error| anyhow::anyhow!("cannot write `{}`: {error:#}", path.display()))?;
        writeln!(
            output.stderr,
            "wrote {} ({}: {} tasks, {} targets)",
            crate::words::visible::path(&path),
            form.unit_name(),
            form.tasks.len(),
            form.targets.len()
        )?;
    }
    Ok(Outcome::Success)
}

/// A form is never written over a file: it may be one a unit filled in.
fn refuse_existing(path: &std::path::Path) -> anyhow::Result<()> {
    if path.exists() {
        anyhow::bail!(
            "`{}` exists; a form is not written over a file (it may be one a unit has filled in)\nhelp: move it away, or write the forms somewhere else",
            crate::words::visible::path(path)
        );
    }
    Ok(())
}
