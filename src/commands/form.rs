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
            let path = args.output.display();
            anyhow::bail!(crate::say!(
                "biểu mẫu là một tệp Excel: đặt tên `….xlsx`, không phải `{path}`",
                "a form is an Excel workbook: name it `….xlsx`, not `{path}`"
            ));
        }
        refuse_existing(&args.output)?;
        let unit = settings.units[0];
        let form = Form::new(plan, unit, settings.period, as_of);
        let bytes = xlsx::render(&form, &key)?;
        output_file::deliver_bytes(&bytes, Some(&args.output), plan_path, "form", output)?;
        return Ok(Outcome::Success);
    }
    std::fs::create_dir_all(&args.output).map_err(|error| {
        let (path, error) = (
            args.output.display(),
            crate::words::speech::io_error(&error),
        );
        anyhow::anyhow!(crate::say!(
            "không tạo được thư mục `{path}`: {error}",
            "cannot make the folder `{path}`: {error}"
        ))
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
                let id = crate::words::visible::visible(id);
                anyhow::bail!(crate::say!(
                    "mã đơn vị `{id}` không dùng được làm tên tệp\ngợi ý: xem `ddci validate`",
                    "unit id `{id}` cannot name a file\nhelp: see `ddci validate`"
                ));
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
            .map_err(|error| output_file::cannot_write(&path, &error))?;
        let shown = crate::words::visible::path(&path);
        let (unit, tasks, targets) = (form.unit_name(), form.tasks.len(), form.targets.len());
        let said = crate::say!(
            "đã ghi {shown} ({unit}: {tasks} nhiệm vụ, {targets} chỉ tiêu)",
            "wrote {shown} ({unit}: {tasks} tasks, {targets} targets)"
        );
        writeln!(output.stderr, "{said}")?;
    }
    Ok(Outcome::Success)
}

/// A form is never written over a file: it may be one a unit filled in.
fn refuse_existing(path: &std::path::Path) -> anyhow::Result<()> {
    if path.exists() {
        let path = crate::words::visible::path(path);
        anyhow::bail!(crate::say!(
            "`{path}` đã có; biểu mẫu không được ghi đè lên tệp có sẵn (có thể là tệp đơn vị đã điền)\ngợi ý: chuyển tệp đó đi, hoặc ghi biểu mẫu vào chỗ khác",
            "`{path}` exists; a form is not written over a file (it may be one a unit has filled in)\nhelp: move it away, or write the forms somewhere else"
        ));
    }
    Ok(())
}
