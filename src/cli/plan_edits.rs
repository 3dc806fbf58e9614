//! The arguments of the commands that make or change a plan, or list and
//! check it: `init`, `record`, `result`, `form`, `import`, `list`,
//! `validate`, `man`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{PeriodArgs, parse_date, parse_number, parse_period_key, parse_status, parse_verdict};
use crate::words::progress::{Progress, Verdict};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    Units,
    Indices,
    Tasks,
    Targets,
    /// The reporting duties (`record ID --by UNIT --period …` files a report under one)
    #[value(alias = "duties", alias = "reports")]
    Reporting,
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

#[derive(Debug, Args)]
pub struct ResultArgs {
    /// The year the result measures [default: the plan's year; in a plan of several years, the year before today's]
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i64).range(2000..=2100))]
    pub year: Option<i64>,

    /// The component index it is for [default: the unit as a whole]
    #[arg(long, value_name = "INDEX", add = super::completion_ids::indices())]
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
        conflicts_with = "all",
        add = super::completion_ids::units()
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

    /// Import CSV files too. A CSV carries no seal: whose form it is and for
    /// which period is taken from its columns, so the office vouches for it
    /// (a CSV it typed itself), as for nothing a unit sent
    #[arg(long)]
    pub unsealed: bool,

    /// Print what would be added and write nothing (takes no lock)
    #[arg(long)]
    pub dry_run: bool,

    /// How long to wait for another process writing the plan before giving up
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub wait: u64,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The task, target or reporting duty the record is about, e.g. `3.5`,
    /// `dvctt-toan-trinh` or `don-vi-bao-cao`
    #[arg(add = super::completion_ids::subjects())]
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
    #[arg(long, value_name = "UNIT", add = super::completion_ids::units())]
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
