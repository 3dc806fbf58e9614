//! The command line, as clap derive types. Turning these into validated
//! settings happens in `settings.rs`, before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "ddci",
    version,
    about = "Run a DDCI improvement plan from a plain-text plan file kept in git",
    long_about = "Run a DDCI improvement plan from a plain-text plan file kept in git.\n\n\
        The plan is found from --plan, else the DDCI_PLAN variable, else plan.toml in the \
        current folder or the nearest parent folder.",
    after_help = "Example:\n  ddci --plan plans/so-khcn-kon-tum-2024.toml validate"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The plan file [default: `$DDCI_PLAN`, else `plan.toml` here or in a parent folder]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "DDCI_PLAN",
        hide_env = true
    )]
    pub plan: Option<PathBuf>,

    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the plan and report every problem in one run
    #[command(
        after_help = "Examples:\n  ddci validate\n  ddci --plan plans/so-khcn-kon-tum-2024.toml validate --format json"
    )]
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub format: DiagnosticFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// For people: the source line, carets and a hint
    Human,
    /// For programs: one JSON object
    Json,
}
