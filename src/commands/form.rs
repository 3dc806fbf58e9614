//! `ddci form`: the Excel form a unit fills for a period, or one for every
//! unit that reports, into a folder.

use std::io::Write;

use crate::cli::FormArgs;
use crate::commands::{output_file, refuse_invalid};
use crate::exit::Outcome;
use crate::form::{Form, xlsx};
use crate::output::Output;
use crate::status::AsOf;
use crate::validate::CheckedPlan;
use crate::{atomic_write, settings};

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
    if !args.all {
        let unit = settings.units[0];
        let form = Form::new(plan, unit, settings.period, as_of);
        let bytes = xlsx::render(&form)?;
        output_file::deliver_bytes(&bytes, Some(&args.output), plan_path, "form", output)?;
        return Ok(Outcome::Success);
    }
    std::fs::create_dir_all(&args.output).map_err(|error| {
        anyhow::anyhow!(
            "cannot make the folder `{}`: {error}",
            args.output.display()
        )
    })?;
    for unit in &settings.units {
        let form = Form::new(plan, *unit, settings.period, as_of);
        let path = args
            .output
            .join(format!("{}-{}.xlsx", plan.unit(*unit).id, form.period_key));
        let bytes = xlsx::render(&form)?;
        atomic_write::write_file(&path, &bytes)
            .map_err(|error| anyhow::anyhow!("cannot write `{}`: {error:#}", path.display()))?;
        writeln!(
            output.stderr,
            "wrote {} ({}: {} tasks, {} targets)",
            crate::visible::path(&path),
            form.unit_name(),
            form.tasks.len(),
            form.targets.len()
        )?;
    }
    Ok(Outcome::Success)
}
