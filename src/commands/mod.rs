//! One file per subcommand; each turns its arguments into settings
//! (`settings.rs`), works on the validated plan, and writes to `Output`.

pub mod calendar;
pub mod completions;
pub mod form;
pub mod import;
pub mod init;
pub mod list;
pub mod output_file;
pub mod plan_change;
pub mod record;
pub mod report;
pub mod result;
pub mod rollup;
pub mod schema;
pub mod status;
pub mod validate;

use std::io::Write;

use crate::commands::validate::print_diagnostics;
use crate::exit::Outcome;
use crate::output::Output;
use crate::plan::model::Plan;
use crate::validate::CheckedPlan;

/// The validated plan; or, when the plan has errors, its diagnostics printed
/// with a word on why nothing else is shown, and `None`.
pub fn refuse_invalid<'a>(
    checked: &'a CheckedPlan,
    output: &mut Output,
) -> anyhow::Result<Option<&'a Plan>> {
    if let Some(plan) = &checked.plan {
        return Ok(Some(plan));
    }
    output.when_cut_off = Outcome::Problems;
    print_diagnostics(&checked.loaded, output)?;
    let path = crate::words::visible::path(checked.loaded.source.path());
    let said = crate::say!(
        "lỗi: {path} có lỗi; hãy sửa trước (xem `ddci validate`)",
        "error: {path} has errors; fix them (see `ddci validate`) first"
    );
    writeln!(output.stderr, "{said}")?;
    Ok(None)
}
