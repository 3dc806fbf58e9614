//! The arguments of the commands that show the plan: `status`, `report`,
//! `calendar` and `rollup`, with their formats.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{OutputFormat, PeriodArgs, parse_date, parse_task_state};

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub period: PeriodArgs,

    /// One unit's own report: the tasks it leads or coordinates
    #[arg(long, value_name = "UNIT", add = super::completion_ids::units())]
    pub owner: Option<String>,

    /// Output format [default: from the -o file's extension, else markdown]
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

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
    #[arg(long, value_name = "UNIT", add = super::completion_ids::units())]
    pub owner: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = CalendarFormat::Table)]
    pub format: CalendarFormat,

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

    fn binary_name(self) -> Option<String> {
        (self == Self::Docx).then(|| crate::say!("văn bản Word", "Word document"))
    }
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Show the plan as it stood at the end of this day; later records are
    /// ignored [default: today, or the last day of the plan's year once it is over]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,

    /// Only this component index
    #[arg(long, value_name = "INDEX", add = super::completion_ids::indices())]
    pub index: Option<String>,

    /// Only tasks this unit leads or coordinates
    #[arg(long, value_name = "UNIT", add = super::completion_ids::units())]
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

    fn binary_name(self) -> Option<String> {
        match self {
            Self::Xlsx => Some(crate::say!("bảng tính", "workbook")),
            Self::Docx => Some(crate::say!("văn bản Word", "Word document")),
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
