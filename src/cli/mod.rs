//! The command line, as clap derive types. Turning these into validated
//! settings happens in `settings.rs`, before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod completion_ids;
mod documents;
pub mod file_patterns;
mod help_vi;
pub mod output_format;
mod plan_edits;
pub mod spoken;

pub use documents::{
    CalendarArgs, CalendarFormat, ReportArgs, ReportFormat, RollupArgs, RollupFormat, StatusArgs,
    StatusFormat, TaskStateArg,
};
pub use output_format::OutputFormat;
pub use plan_edits::{
    DiagnosticFormat, FormArgs, ImportArgs, InitArgs, ListArgs, ListKind, ManArgs, RecordArgs,
    ResultArgs, Template, ValidateArgs,
};

use crate::words::progress::{Progress, Verdict};

#[derive(Debug, Parser)]
#[command(
    name = "ddci",
    version,
    about = "Run a DDCI improvement plan from a plain-text plan file kept in git",
    long_about = "Run a DDCI improvement plan from a plain-text plan file kept in git.\n\n\
        The plan is found from --plan, else the DDCI_PLAN variable, else plan.toml in the \
        current folder or the nearest parent folder.",
    after_help = "Example:\n  ddci --plan plans/so-khcn-kon-tum-2024.toml validate",
    disable_help_subcommand = true
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
        help_heading = "Global options"
    )]
    pub plan: Option<PathBuf>,

    /// When to use colour
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorWhen::Auto,
        help_heading = "Global options"
    )]
    pub color: ColorWhen,

    /// Language of messages and help, and of documents [default: `$DDCI_LANG` for messages, the plan's `language`, the locale, else vi]
    #[arg(long, global = true, value_enum, help_heading = "Global options")]
    pub lang: Option<LanguageArg>,
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

    /// Add a progress record or a measurement to the plan, changing nothing else
    #[command(after_help = "Examples:\n  \
        ddci record 7.2 --status in-progress --note \"Tiếp công dân ngày 27/3\" --by thanh-tra\n  \
        ddci record dvctt-toan-trinh --value 72.5 --date 2024-06-30 --by hc-th --evidence \"45/BC-SKHCN\"\n  \
        ddci record duong-day-nong --status done --dry-run")]
    Record(Box<RecordArgs>),

    /// Show where every index, task and target stands
    #[command(after_help = "Examples:\n  \
        ddci status\n  \
        ddci status --owner thanh-tra --as-of 2024-06-30\n  \
        ddci status --index chi-phi-thoi-gian --format markdown --lang en")]
    Status(StatusArgs),

    /// Write the period report: quarter, half, nine months, year or any range
    #[command(after_help = "Examples:\n  \
        ddci report --quarter 2\n  \
        ddci report --half 1 --lang en --format html -o bao-cao-6-thang.html\n  \
        ddci report --year 2024 --owner thanh-tra\n  \
        ddci report --from 2024-04-01 --to 2024-05-31 --format json")]
    Report(ReportArgs),

    /// Make the Excel form a unit fills for a period: its tasks and targets, cells to fill
    #[command(after_help = "Examples:\n  \
        ddci form --owner thanh-tra --quarter 2 -o thanh-tra-q2.xlsx\n  \
        ddci form --all --quarter 2 -o phieu-quy-2/")]
    Form(FormArgs),

    /// Read filled forms back into the plan: all their records in one write, or none
    #[command(after_help = "Examples:\n  \
        ddci import phieu-quy-2/*.xlsx --dry-run\n  \
        ddci import thanh-tra-q2.xlsx")]
    Import(ImportArgs),

    /// Enter a DDCI result as the province published it: the unit's, or one index's
    #[command(after_help = "Examples:\n  \
        ddci result --year 2024 --score 76.5 --rank 3 --of 17 --published 2025-03-20 --source \"Công văn 812/UBND-KTTH\"\n  \
        ddci result --year 2024 --index minh-bach --score 7.12 --rank 4 --of 17 --median 6.85")]
    Result(ResultArgs),

    /// Show what falls due, for whom: recurring events, due dates, report deadlines
    #[command(after_help = "Examples:\n  \
        ddci calendar\n  \
        ddci calendar --owner thanh-tra --from 2024-01-01 --to 2024-12-31\n  \
        ddci calendar --format ics -o ddci-2024.ics")]
    Calendar(CalendarArgs),

    /// Roll many plans up: every department's and locality's position at once
    #[command(after_help = "Examples:\n  \
        ddci rollup plans/\n  \
        ddci rollup kon-tum/ --group --as-of 2024-06-30\n  \
        ddci rollup so-*.toml huyen-*/ --format json\n  \
        ddci rollup kon-tum/ --group -o tong-hop.xlsx\n  \
        ddci rollup kon-tum/ --year 2024 --signed-by \"Nguyễn Văn A\" -o bao-cao-tong-hop.docx")]
    Rollup(RollupArgs),

    /// List the plan's units, indices, tasks and targets with their ids
    #[command(after_help = "Examples:\n  \
        ddci list\n  \
        ddci list units\n  \
        ddci list tasks --lang en")]
    List(ListArgs),

    /// Start a new plan from a template built into ddci; never overwrites a file
    #[command(after_help = "Examples:\n  \
        ddci init --year 2025 --agency \"Sở Tư pháp\" --province \"Kon Tum\"\n  \
        ddci init plans/2025.toml --template kon-tum-2024")]
    Init(InitArgs),

    /// Print the help of ddci or of one of its commands
    #[command(after_help = "Examples:\n  ddci help\n  ddci help record")]
    Help {
        /// The command [default: ddci itself]
        command: Option<String>,
    },

    /// Print the JSON Schema of the plan file, for editors
    #[command(after_help = "Example:\n  ddci schema > plan.schema.json")]
    Schema,

    /// Print a shell completion script
    #[command(after_help = "Examples:\n  \
        mkdir -p ~/.local/share/bash-completion/completions\n  \
        ddci completions bash > ~/.local/share/bash-completion/completions/ddci\n  \
        echo 'source <(ddci completions zsh)' >> ~/.zshrc")]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print a manual page (roff), or write them all to a folder
    #[command(after_help = "Examples:\n  \
        ddci man > ddci.1 && man ./ddci.1\n  \
        ddci man record | man -l -\n  \
        ddci man --out-dir ~/.local/share/man/man1")]
    Man(ManArgs),
}

/// Which period: a quarter, half, month, nine months, year or any range.
#[derive(Debug, Args, Default, Clone)]
pub struct PeriodArgs {
    /// Quarter 1 to 4 (Q2 is 1 April to 30 June)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4))]
    pub quarter: Option<u32>,

    /// Half 1 (January–June) or 2 (July–December)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=2))]
    pub half: Option<u32>,

    /// Month 1 to 12
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=12))]
    pub month: Option<u32>,

    /// The first nine months ("9 tháng")
    #[arg(long)]
    pub nine_months: bool,

    /// First day of a custom period [default: 1 January]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,

    /// Last day of a custom period [default: 31 December]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,

    /// The year [default: the plan's year; in a plan of several years, the one holding today]; alone, the whole year
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    Vi,
    En,
}

/// A progress word however typed (`words/progress.rs`).
fn parse_status(text: &str) -> Result<Progress, String> {
    crate::words::progress::progress(text)
}

/// A task state in English or Vietnamese, however typed.
fn parse_task_state(text: &str) -> Result<TaskStateArg, String> {
    let folded = crate::words::fold::folded(text).replace(' ', "-");
    TaskStateArg::from_str(&folded, true).map_err(|_| {
        crate::say!(
            "`{text}` không phải trạng thái nhiệm vụ; dùng no-report, not-started, in-progress, blocked, \
             overdue, done, done-late hoặc cancelled (hoặc \"chưa có báo cáo\", \"chưa thực hiện\", \
             \"đang thực hiện\", \"vướng mắc\", \"chưa hoàn thành trễ hạn\", \"hoàn thành\", \
             \"hoàn thành trễ hạn\", \"hủy\")",
            "`{text}` is not a task state; use no-report, not-started, in-progress, blocked, overdue, \
             done, done-late or cancelled (or \"chưa có báo cáo\", \"chưa thực hiện\", \"đang thực hiện\", \
             \"vướng mắc\", \"chưa hoàn thành trễ hạn\", \"hoàn thành\", \"hoàn thành trễ hạn\", \"hủy\")"
        )
    })
}

/// An assessment however typed (`words/progress.rs`).
fn parse_verdict(text: &str) -> Result<Verdict, String> {
    crate::words::progress::verdict(text)
}

/// A period key, written back in its one spelling (`2024-q2` → `2024-Q2`).
fn parse_period_key(text: &str) -> Result<String, String> {
    let period = crate::time::period_key::parse(text)?;
    crate::time::period_key::key(&period)
        .ok_or_else(|| crate::say!("`{text}` không phải kỳ báo cáo", "`{text}` is not a period"))
}

/// Dates however offices write them (`words/date.rs`).
fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    crate::words::date::date(text)
}

/// Numbers as people type them (`number_input.rs`).
fn parse_number(text: &str) -> Result<f64, String> {
    crate::words::number::parse(text)
}
