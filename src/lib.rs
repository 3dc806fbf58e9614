//! `ddci`: run a department's DDCI improvement plan from a TOML file.
//!
//! The folders are the pipeline, in the order data flows (ARCHITECTURE.md):
//! `words` (what people type and read) → `read` (find and load the plan) →
//! `validate` (the rules) → `plan` (the file as written, then the validated
//! model) → `time` (periods, calendar rules, today) → `judge` (where things
//! stand on a day) → the documents (`status_view`, `report`, `rollup`,
//! `calendar`, `form`) → `render` (formats) → `write` (the plan's safe
//! writes). `cli` and `settings` turn the command line into what a command
//! needs; each command in `commands/` is a thin file that runs the pipeline.

pub mod calendar;
pub mod cli;
pub mod commands;
pub mod exit;
pub mod form;
pub mod judge;
pub mod output;
pub mod plan;
pub mod read;
pub mod render;
pub mod report;
pub mod rollup;
pub mod settings;
pub mod status_view;
pub mod time;
pub mod validate;
pub mod words;
pub mod write;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Cli, ColorWhen, Command};
use crate::exit::Outcome;
use crate::output::Output;
use crate::read::locate;
use crate::time::today;
use crate::words::{speech, visible};

/// Runs `ddci` with the process's arguments and streams.
pub fn run() -> ExitCode {
    let arguments: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let here = std::env::current_dir().unwrap_or_default();
    speech::speak(speech::choose(&arguments, &here));
    // While a shell completes a word, it runs ddci with DDCI_COMPLETE set:
    // answer with what may follow, and stop.
    clap_complete::CompleteEnv::with_factory(cli::spoken::command)
        .var(cli::completion_ids::COMPLETE_VARIABLE)
        .complete();
    let cli = match cli::spoken::parse(&arguments) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = cli::spoken::print_error(&error);
            return if error.use_stderr() {
                Outcome::Failure
            } else {
                Outcome::Success
            }
            .into();
        }
    };
    let choice = match cli.global.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    let mut output = Output::terminal(choice);
    output.asked_language = cli.global.lang.map(|asked| match asked {
        cli::LanguageArg::Vi => words::language::Language::Vi,
        cli::LanguageArg::En => words::language::Language::En,
    });
    let result = execute(&cli, &mut output).and_then(|outcome| {
        output.stdout.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => outcome.into(),
        // A reader that stopped reading (`ddci validate | head`) is no error to
        // report, but the command's verdict stands.
        Err(error) if is_broken_pipe(&error) => output.when_cut_off.into(),
        Err(error) => {
            // What a person typed, or a file name, is shown, not obeyed.
            let message = speech::error_chain(&error);
            let said = say!("lỗi: {}", "error: {}", visible::visible(&message));
            let _ = writeln!(output.stderr, "{said}");
            Outcome::Failure.into()
        }
    }
}

fn execute(cli: &Cli, output: &mut Output) -> anyhow::Result<Outcome> {
    // The plan is looked for only by the commands that need one.
    let given = locate::given_plan(cli.global.plan.as_deref());
    let plan_path = || -> anyhow::Result<std::path::PathBuf> {
        locate::find_plan(
            given.as_ref().map(|(path, _)| path.as_path()),
            &std::env::current_dir()?,
        )
    };
    // A plan named by DDCI_PLAN that cannot be read says where its name came from.
    let from_variable = |error: anyhow::Error| match &given {
        Some((path, locate::PLAN_VARIABLE)) => error.context(crate::say!(
            "kế hoạch `{}` được chỉ định bởi {}",
            "the plan `{}` is named by {}",
            path.display(),
            locate::PLAN_VARIABLE
        )),
        _ => error,
    };
    let checked = || validate::check(&plan_path()?).map_err(from_variable);
    match &cli.command {
        Command::Validate(args) => commands::validate::run(args, &checked()?.loaded, output),
        // Record reads the plan itself, under its lock.
        Command::Record(args) => {
            commands::record::run(args, &plan_path()?, output).map_err(from_variable)
        }
        Command::Status(args) => commands::status::run(args, &checked()?, output),
        // Roll-up reads many plans, named on its command line.
        Command::Rollup(args) => commands::rollup::run(args, output),
        Command::List(args) => commands::list::run(args, &checked()?, output),
        Command::Calendar(args) => commands::calendar::run(args, &checked()?, output),
        Command::Form(args) => commands::form::run(args, &checked()?, output),
        Command::Result(args) => {
            commands::result::run(args, &plan_path()?, output).map_err(from_variable)
        }
        // Import reads the plan itself, under its lock, as record does.
        Command::Import(args) => {
            commands::import::run(args, &plan_path()?, output).map_err(from_variable)
        }
        Command::Report(args) => commands::report::run(args, &checked()?, output),
        Command::Init(args) => {
            let path = args
                .path
                .clone()
                .or_else(|| given.as_ref().map(|(path, _)| path.clone()))
                .unwrap_or_else(|| locate::DEFAULT_PLAN_NAME.into());
            commands::init::run(args, &path, today::today(None)?, output)
        }
        Command::Schema => commands::schema::run(output),
        Command::Help { command } => commands::completions::help(command.as_deref(), output),
        Command::Completions { shell } => commands::completions::completions(*shell, output),
        Command::Man(args) => commands::completions::man(args, output),
    }
}

/// A reader that closed the pipe (`ddci status | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            // serde_json wraps the error of the writer it was given.
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}
