//! `ddci schema`: the plan file's JSON Schema, for editors.

use std::io::Write;

use crate::exit::Outcome;
use crate::output::Output;

pub fn run(output: &mut Output) -> anyhow::Result<Outcome> {
    serde_json::to_writer_pretty(&mut output.stdout, &crate::plan::schema::json_schema())?;
    writeln!(output.stdout)?;
    Ok(Outcome::Success)
}
