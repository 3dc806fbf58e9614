//! `ddci completions SHELL` and `ddci man`: what shells and `man` need,
//! generated from the same clap definition the program parses with.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::exit::Outcome;
use crate::output::Output;

pub fn completions(shell: clap_complete::Shell, output: &mut Output) -> anyhow::Result<Outcome> {
    clap_complete::generate(shell, &mut Cli::command(), "ddci", &mut output.stdout);
    Ok(Outcome::Success)
}

pub fn man(output: &mut Output) -> anyhow::Result<Outcome> {
    clap_mangen::Man::new(Cli::command()).render(&mut output.stdout)?;
    Ok(Outcome::Success)
}
