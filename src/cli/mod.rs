//! The command line, as clap derive types. Turning these into validated
//! settings happens in `settings.rs`, before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod output_format;

pub use output_format::OutputFormat;

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
        ddci completions bash > ~/.local/share/bash-completion/completions/ddci\n  \
        ddci completions zsh > ~/.zfunc/_ddci")]
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

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`ddci-record(1)`) [default: ddci(1)]
    pub command: Option<String>,

    /// Write every page (ddci.1, ddci-validate.1, …) into this folder
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list [default: all of it]
    #[arg(value_enum)]
    pub what: Option<ListKind>,

    /// Language of the headings [default: the plan's `language`, else vi]
    #[arg(long, value_enum)]
    pub lang: Option<LanguageArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    Units,
    Indices,
    Tasks,
    Targets,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the plan [default: --plan, else `$DDCI_PLAN`, else plan.toml]
    pub path: Option<PathBuf>,

    /// What to start from
    #[arg(long, value_enum, default_value_t = Template::Blank, conflicts_with = "from")]
    pub template: Template,

    /// Last year's plan, carried into the new year: tasks and units kept,
    /// records dropped, its recorded results the new baselines
    #[arg(long, value_name = "PLAN")]
    pub from: Option<PathBuf>,

    /// The plan's year [default: this year]
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i64).range(2000..=2100))]
    pub year: Option<i64>,

    /// The department or district that owns the plan
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,

    /// The province
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Template {
    /// A department's skeleton (cấp sở, ban, ngành): two units, the 8 component indices, one task
    #[value(alias = "department")]
    Blank,
    /// A district's skeleton (cấp huyện): its units, 10 component indices with Tiếp cận đất đai
    District,
    /// A commune's or ward's skeleton (cấp xã)
    Commune,
    /// The 2024 plan of Kon Tum's Sở KH&CN, without records, to adapt
    #[value(name = "kon-tum-2024")]
    KonTum2024,
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

#[derive(Debug, Args)]
pub struct ResultArgs {
    /// The year the result measures [default: the plan's year; in a plan of several years, the year before today's]
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i64).range(2000..=2100))]
    pub year: Option<i64>,

    /// The component index it is for [default: the unit as a whole]
    #[arg(long, value_name = "INDEX")]
    pub index: Option<String>,

    /// The score (overall out of 100, an index out of 10)
    #[arg(long, value_name = "NUMBER", value_parser = parse_number)]
    pub score: Option<f64>,

    /// The rank
    #[arg(long, value_name = "N")]
    pub rank: Option<i64>,

    /// How many were ranked
    #[arg(long, value_name = "N", requires = "rank")]
    pub of: Option<i64>,

    /// The group's median score, where it is published
    #[arg(long, value_name = "NUMBER", value_parser = parse_number)]
    pub median: Option<f64>,

    /// The band it was placed in (one of the plan's `bands`)
    #[arg(long, value_name = "BAND")]
    pub band: Option<String>,

    /// The day it was published [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,

    /// The document that published it
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,

    /// Print what would be added and write nothing (takes no lock)
    #[arg(long)]
    pub dry_run: bool,

    /// How long to wait for another process writing the plan before giving up
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub wait: u64,
}

#[derive(Debug, Args)]
pub struct FormArgs {
    #[command(flatten)]
    pub period: PeriodArgs,

    /// The unit whose form it is: the tasks it leads or coordinates
    #[arg(
        long,
        value_name = "UNIT",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub owner: Option<String>,

    /// A form for every unit that reports, written into the folder `-o` names
    #[arg(long)]
    pub all: bool,

    /// The workbook to write (`.xlsx`), or with `--all` the folder
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The filled forms: `.xlsx` workbooks made by `ddci form`, or `.csv` files of their columns
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// The day the forms were received: each unit's report is recorded as
    /// sent that day [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub received: Option<chrono::NaiveDate>,

    /// Print what would be added and write nothing (takes no lock)
    #[arg(long)]
    pub dry_run: bool,

    /// How long to wait for another process writing the plan before giving up
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub wait: u64,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub period: PeriodArgs,

    /// One unit's own report: the tasks it leads or coordinates
    #[arg(long, value_name = "UNIT")]
    pub owner: Option<String>,

    /// Output format [default: from the -o file's extension, else markdown]
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    /// Language [default: the plan's `language`, else vi]
    #[arg(long, value_enum)]
    pub lang: Option<LanguageArg>,

    /// The day written in the header ("Kon Tum, ngày …") [default: left blank]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub signed_on: Option<chrono::NaiveDate>,

    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// First day shown [default: today; for ics, 1 January of the plan's year]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,

    /// Last day shown [default: 30 days after --from; for ics, the year's last report due date]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,

    /// Only what this unit does or owes, directly or through a group
    #[arg(long, value_name = "UNIT")]
    pub owner: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = CalendarFormat::Table)]
    pub format: CalendarFormat,

    /// Language [default: the plan's `language`, else vi]
    #[arg(long, value_enum)]
    pub lang: Option<LanguageArg>,

    /// With ics: days before a deadline its reminder fires (0: none; an
    /// occurrence of a recurring task is reminded a day before)
    #[arg(long, value_name = "DAYS", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=60))]
    pub remind: u32,

    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// A table for the terminal
    Table,
    Markdown,
    Json,
    Csv,
    /// iCalendar (RFC 5545), for Outlook, Google Calendar, Thunderbird, phones
    Ics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Text,
    Json,
    /// The appendix table, one row per task, for a spreadsheet
    Csv,
    /// For the browser and for print, in the layout of the Word document
    Html,
    /// A Word document in the layout of Decree 30/2020/NĐ-CP, to edit, sign and send
    Docx,
}

impl OutputFormat for ReportFormat {
    const ALL: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (Self::Docx, "docx", &["docx"]),
        (Self::Html, "html", &["html", "htm"]),
        (Self::Markdown, "markdown", &["md", "markdown"]),
        (Self::Text, "text", &["txt"]),
        (Self::Json, "json", &["json"]),
        (Self::Csv, "csv", &["csv"]),
    ];

    fn binary_name(self) -> Option<&'static str> {
        (self == Self::Docx).then_some("Word document")
    }
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Show the plan as it stood at the end of this day; later records are
    /// ignored [default: today, or the last day of the plan's year once it is over]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,

    /// Only this component index
    #[arg(long, value_name = "INDEX")]
    pub index: Option<String>,

    /// Only tasks this unit leads or coordinates
    #[arg(long, value_name = "UNIT")]
    pub owner: Option<String>,

    /// With --owner: only tasks the unit leads
    #[arg(long, requires = "owner")]
    pub lead_only: bool,

    /// Only tasks in this state (repeat for several); in Vietnamese too:
    /// "chưa có báo cáo", "chưa thực hiện", "đang thực hiện", "vướng mắc",
    /// "chưa hoàn thành trễ hạn", "hoàn thành", "hoàn thành trễ hạn", "hủy"
    #[arg(long, value_enum, value_name = "STATE", value_parser = parse_task_state)]
    pub status: Vec<TaskStateArg>,

    /// Only overdue tasks
    #[arg(long)]
    pub overdue: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,

    /// Language of labels [default: the plan's `language`, else vi]
    #[arg(long, value_enum)]
    pub lang: Option<LanguageArg>,
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    /// Plan files, or folders searched (all the way down) for plans
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Take every plan as it stood at the end of this day; plans not for its
    /// year are not counted [default: each plan as of today, or its last day
    /// once it is over]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,

    /// Compare departments with departments, districts with districts and
    /// communes with communes
    #[arg(long)]
    pub group: bool,

    /// Only plans for this year (or spanning it), each as of the year's end
    /// once it is over
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub year: Option<i32>,

    /// Output format [default: from the -o file's extension, else a table]
    #[arg(long, value_enum)]
    pub format: Option<RollupFormat>,

    /// Language of labels [default: vi]
    #[arg(long, value_enum)]
    pub lang: Option<LanguageArg>,

    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub letterhead: crate::rollup::province_report::Letterhead,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupFormat {
    /// A table for the terminal
    Table,
    Markdown,
    Json,
    /// One row per plan, for a spreadsheet
    Csv,
    /// A workbook: units, component indices and plans left out, one sheet each
    Xlsx,
    /// One self-contained page, for the browser and for print
    Html,
    /// The province's summary report, a Word document in the layout of Decree 30/2020/NĐ-CP
    Docx,
}

impl OutputFormat for RollupFormat {
    const ALL: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (Self::Xlsx, "xlsx", &["xlsx"]),
        (Self::Docx, "docx", &["docx"]),
        (Self::Html, "html", &["html", "htm"]),
        (Self::Markdown, "markdown", &["md", "markdown"]),
        (Self::Table, "table", &["txt"]),
        (Self::Json, "json", &["json"]),
        (Self::Csv, "csv", &["csv"]),
    ];

    fn binary_name(self) -> Option<&'static str> {
        match self {
            Self::Xlsx => Some("workbook"),
            Self::Docx => Some("Word document"),
            Self::Table | Self::Markdown | Self::Json | Self::Csv | Self::Html => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    Vi,
    En,
}

/// Task states, in English or in the words Vietnamese offices use. Typed
/// text is folded first (`words/fold.rs`), so each alias is written folded,
/// with hyphens: "Chưa có báo cáo" and "chua co bao cao" both read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaskStateArg {
    #[value(alias = "chua-co-bao-cao")]
    NoReport,
    #[value(alias = "chua-thuc-hien", alias = "chua-bat-dau")]
    NotStarted,
    #[value(alias = "dang-thuc-hien")]
    InProgress,
    #[value(alias = "vuong-mac")]
    Blocked,
    #[value(
        alias = "tre-han",
        alias = "chua-hoan-thanh-tre-han",
        alias = "qua-han"
    )]
    Overdue,
    #[value(alias = "hoan-thanh", alias = "da-hoan-thanh")]
    Done,
    #[value(alias = "hoan-thanh-tre-han")]
    DoneLate,
    #[value(alias = "huy", alias = "da-huy", alias = "dung-thuc-hien")]
    Cancelled,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The task, target or reporting duty the record is about, e.g. `3.5`,
    /// `dvctt-toan-trinh` or `don-vi-bao-cao`
    pub id: String,

    /// The day it happened or was measured [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,

    /// Progress of the task (or `done` for a deliverable target); in Vietnamese
    /// too: "chưa thực hiện", "đang thực hiện", "hoàn thành", "vướng mắc", "hủy"
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Option<Progress>,

    /// A measured value for a target: a percent, a count, a rank or a score
    #[arg(long, value_name = "NUMBER", value_parser = parse_number, allow_hyphen_values = true)]
    pub value: Option<f64>,

    /// With a rank: the number of units ranked
    #[arg(long, value_name = "N")]
    pub of: Option<i64>,

    /// What was done (may start with "-", as a bulleted note does)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,

    /// The unit reporting it
    #[arg(long, value_name = "UNIT")]
    pub by: Option<String>,

    /// A document number or link that proves it
    #[arg(long, value_name = "REF", allow_hyphen_values = true)]
    pub evidence: Option<String>,

    /// The id of an earlier record this one corrects
    #[arg(long, value_name = "RECORD")]
    pub corrects: Option<String>,

    /// An id for this record, so a later one can correct it
    #[arg(long = "record-id", value_name = "ID")]
    pub record_id: Option<String>,

    /// For a qualitative target: met or not ("đạt", "chưa đạt"); say why in --note
    #[arg(long, value_name = "VERDICT", value_parser = parse_verdict)]
    pub verdict: Option<Verdict>,

    /// A shortcoming to carry into the report ("tồn tại, hạn chế")
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub shortcoming: Option<String>,

    /// Why the shortcoming came about, for the report ("nguyên nhân")
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub cause: Option<String>,

    /// A proposal to carry into the report ("đề xuất, kiến nghị")
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub proposal: Option<String>,

    /// For a report filed under a reporting duty: the period it covers
    /// (2024-Q2, 2024-H1, 2024)
    #[arg(long, value_name = "PERIOD", value_parser = parse_period_key)]
    pub period: Option<String>,

    /// Print what would be added and write nothing (takes no lock)
    #[arg(long)]
    pub dry_run: bool,

    /// How long to wait for another process writing the plan before giving up
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub wait: u64,
}

/// A progress word however typed (`words/progress.rs`).
fn parse_status(text: &str) -> Result<Progress, String> {
    crate::words::progress::progress(text)
}

/// A task state in English or Vietnamese, however typed.
fn parse_task_state(text: &str) -> Result<TaskStateArg, String> {
    let folded = crate::words::fold::folded(text).replace(' ', "-");
    TaskStateArg::from_str(&folded, true).map_err(|_| {
        format!(
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
    crate::time::period_key::key(&period).ok_or_else(|| format!("`{text}` is not a period"))
}

/// Dates however offices write them (`words/date.rs`).
fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    crate::words::date::date(text)
}

/// Numbers as people type them (`number_input.rs`).
fn parse_number(text: &str) -> Result<f64, String> {
    crate::words::number::parse(text)
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub format: DiagnosticFormat,

    /// Accept, with exit 0, a TOML file that is no plan (none of `[plan]`,
    /// `[[units]]`, `[[indices]]`, `[[tasks]]`, `[[targets]]`, `[[reporting]]`):
    /// for hooks that check every staged .toml file
    #[arg(long)]
    pub skip_non_plans: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// For people: the source line, carets and a hint
    Human,
    /// For programs: one JSON object
    Json,
}
