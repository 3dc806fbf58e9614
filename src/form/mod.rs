//! The reporting form a unit fills for one period: the tasks it leads or
//! coordinates and the targets of those tasks, with what the plan already
//! knows, and blank cells for what the unit did. `xlsx.rs` writes it as an
//! Excel workbook; `read.rs` reads a filled one (or a CSV of the same
//! columns) back; `ddci import` turns its rows into records.
//!
//! Every row carries a key: the task or target id, and for a count kept per
//! month within a quarter, the month (`tiep-cong-dan@2024-05`), so that a
//! row means the same thing however the sheet is sorted.

pub mod columns;
pub mod limits;
pub mod read;
pub mod seal;
pub mod xlsx;

use chrono::NaiveDate;

use crate::judge::status::{AsOf, PlanStatus};
use crate::plan::model::{Plan, TargetRef, TaskRef, UnitRef};
use crate::plan::target_kind::{Measure, Quantity};
use crate::render::describe;
use crate::time::period::{Period, format_day};
use crate::words::labels::Language;
use crate::words::visible::one_line;

/// Version of the form's layout, in its identity sheet.
pub const FORM_VERSION: &str = "2";

#[derive(Debug)]
pub struct Form<'p> {
    pub plan: &'p Plan,
    pub unit: UnitRef,
    pub period: Period,
    /// The period's key: `2024-Q2`.
    pub period_key: String,
    pub tasks: Vec<TaskRow>,
    pub targets: Vec<TargetRow>,
}

/// One task the unit reports on.
#[derive(Debug, Clone)]
pub struct TaskRow {
    pub key: String,
    pub task: TaskRef,
    /// "1. Chỉ số Tính minh bạch": rows are grouped under their index.
    pub index: String,
    pub text: String,
    /// Leads, or coordinates.
    pub leads: bool,
    pub schedule: String,
    /// What was last recorded, with its day: "Đang thực hiện (28/06/2024)".
    pub known: String,
}

/// What a target row asks the unit for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// A number: a percent, a rank, a score.
    Value,
    /// A count over `period` (the whole form's period, or one month of it).
    Count,
    /// Done or not.
    Status,
    /// A goal with no number, assessed "đạt" or "chưa đạt".
    Verdict,
}

/// One target (or one month of a monthly count) the unit reports a figure for.
#[derive(Debug, Clone)]
pub struct TargetRow {
    pub key: String,
    pub target: TargetRef,
    pub name: String,
    pub goal: String,
    pub measure: Asked,
    /// The days its figure is for: the form's period, or a month of it.
    pub period: Period,
    pub known: String,
    /// For a count: how many the plan records in `period` so far. The row
    /// asks for the period's whole count, and the import adds what is missing.
    pub recorded: Option<f64>,
}

impl<'p> Form<'p> {
    /// The form of `unit` for `period`, with what the plan knows at `as_of`.
    pub fn new(plan: &'p Plan, unit: UnitRef, period: Period, as_of: AsOf) -> Self {
        let status = crate::judge::status::compute(plan, as_of);
        let language = Language::Vi;
        let mut tasks = Vec::new();
        // In a plan of several years, the tasks of the form's year.
        let year = {
            use chrono::Datelike as _;
            period.end.year()
        };
        for task_status in &status.tasks {
            let task = task_status.task;
            if !Plan::belongs(task.year, year) || !task.in_force.overlaps(&period) {
                continue;
            }
            if !plan.answers_for(task, unit) {
                continue;
            }
            let index = plan.component(task.index);
            tasks.push(TaskRow {
                key: task.id.clone(),
                task: task_status.position,
                index: format!(
                    "{}. Chỉ số {}",
                    task.index.0 + 1,
                    one_line(index.name_in(language))
                ),
                text: one_line(&task.text),
                leads: plan.leads_in_its_form(task, unit),
                schedule: task
                    .schedule_text
                    .as_deref()
                    .map_or_else(|| "Thường xuyên".to_owned(), one_line),
                known: task_status.latest.map_or_else(
                    || "Chưa có báo cáo".to_owned(),
                    |record| {
                        let said = record
                            .status
                            .map(|status| describe::progress(status, language).to_owned())
                            .or_else(|| {
                                record
                                    .note
                                    .as_deref()
                                    .map(|note| describe::shorten(note, 60))
                            })
                            .unwrap_or_default();
                        format!("{said} ({})", format_day(record.date, language))
                    },
                ),
            });
        }
        let targets = target_rows(plan, &status, unit, &period);
        Form {
            plan,
            unit,
            period_key: crate::time::period_key::key(&period).unwrap_or_default(),
            period,
            tasks,
            targets,
        }
    }

    /// Every row key, tasks then targets.
    pub fn keys(&self) -> Vec<String> {
        self.tasks
            .iter()
            .map(|row| row.key.clone())
            .chain(self.targets.iter().map(|row| row.key.clone()))
            .collect()
    }

    /// What the identity sheet says: whose form, for which plan and period,
    /// with which rows (the fields `seal.rs` seals, in its order).
    pub fn identity(&self) -> Vec<(&'static str, String)> {
        let mut rows: Vec<(&'static str, String)> = vec![
            ("form", "ddci-phieu-bao-cao".to_owned()),
            ("version", FORM_VERSION.to_owned()),
        ];
        rows.extend(plan_identity(self.plan));
        rows.push(("unit", self.plan.unit(self.unit).id.clone()));
        rows.push(("period", self.period_key.clone()));
        rows.push(("keys", self.keys().join("\n")));
        rows
    }

    /// "Phiếu báo cáo Quý II/2024 — Thanh tra Sở"
    pub fn title(&self) -> String {
        format!(
            "PHIẾU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH DDCI — {}",
            self.period.name(Language::Vi).to_uppercase()
        )
    }

    /// What the targets sheet asks, said only of the kinds of row it has,
    /// each with the column its answer goes in (the column's own heading).
    pub fn target_instructions(&self) -> String {
        use columns::Column;
        let has = |asked: Asked| self.targets.iter().any(|row| row.measure == asked);
        let monthly = self.targets.iter().any(|row| row.period != self.period);
        let mut said = vec![if monthly {
            "Mỗi dòng là một chỉ tiêu (chỉ tiêu đếm theo tháng: một dòng mỗi tháng)".to_owned()
        } else {
            "Mỗi dòng là một chỉ tiêu".to_owned()
        }];
        if has(Asked::Value) {
            said.push(format!(
                "chỉ tiêu có số liệu: ghi số liệu ở cột “{}”",
                Column::Value.heading()
            ));
        }
        if has(Asked::Count) {
            said.push(format!(
                "chỉ tiêu đếm: ghi tổng số của dòng (cả tháng, hoặc cả kỳ) ở cột “{}”, kể cả số đã ghi nhận",
                Column::Value.heading()
            ));
        }
        if has(Asked::Status) {
            said.push(format!(
                "chỉ tiêu hoàn thành/chưa hoàn thành: chọn tiến độ ở cột “{}”",
                Column::Status.heading()
            ));
        }
        if has(Asked::Verdict) {
            said.push(format!(
                "chỉ tiêu không có số liệu: chọn Đạt hoặc Chưa đạt ở cột “{}” và nêu lý do ở cột “{}”",
                Column::Status.heading(),
                Column::Note.heading()
            ));
        }
        format!("{}.", said.join("; "))
    }

    /// Whom the form goes back to: the office the reports go to, by name.
    pub fn returned_to(&self) -> String {
        self.plan.compiling_office().map_or_else(
            || "đơn vị tổng hợp".to_owned(),
            |office| one_line(describe::unit_full_name(self.plan, office, self.period.end)),
        )
    }

    pub fn unit_name(&self) -> String {
        one_line(describe::unit_full_name(
            self.plan,
            self.unit,
            self.period.end,
        ))
    }
}

/// The targets whose figure `unit` reports (`plan/reporter.rs`), in force
/// in the period; a count kept per month (or week) gets a row for each such
/// period within the form's.
fn target_rows(
    plan: &Plan,
    status: &PlanStatus<'_>,
    unit: UnitRef,
    period: &Period,
) -> Vec<TargetRow> {
    let language = Language::Vi;
    let year = {
        use chrono::Datelike as _;
        period.end.year()
    };
    let mut rows = Vec::new();
    for target_status in &status.targets {
        let target = target_status.target;
        if !plan.reports(target, unit)
            || !Plan::belongs(target.year, year)
            || !target.in_force.overlaps(period)
        {
            continue;
        }
        let name = target
            .measure
            .as_deref()
            .map_or_else(|| describe::shorten(&target.text, 80), one_line);
        let goal = describe::goal(target_status.goal, language);
        let known = target_status.latest.map_or_else(
            || "Chưa có số liệu".to_owned(),
            |record| {
                format!(
                    "{} ({})",
                    describe::value(target, record, language),
                    format_day(record.date, language)
                )
            },
        );
        let measure = match target.goals.first().measure() {
            Measure::Status => Asked::Status,
            Measure::Verdict => Asked::Verdict,
            Measure::Value(Quantity::Count) => Asked::Count,
            Measure::Value(
                Quantity::Percent
                | Quantity::Change
                | Quantity::Rank
                | Quantity::Score
                | Quantity::Band
                | Quantity::Fallen,
            ) => Asked::Value,
        };
        let per = target.goals.first().count().map(|(per, _)| per);
        let parts: Vec<Period> = match per {
            Some(per) if shorter(per, period) => Period::each(per, period)
                .into_iter()
                .filter(|part| period.contains(part.start) && period.contains(part.end))
                .collect(),
            _ => vec![*period],
        };
        for part in parts {
            let recorded = (measure == Asked::Count)
                .then(|| target_status.amount_in(&part))
                .flatten();
            // A count is known in a part only by what was recorded in it:
            // nothing recorded is not "0 recorded".
            let recorded_in_part = target_status.recorded_in(&part);
            let in_part = part.name_in_sentence(language);
            let known = match (recorded, recorded_in_part, language) {
                (Some(amount), true, _) => {
                    let amount = crate::words::labels::number(amount, language);
                    match language {
                        Language::Vi => format!("Đã ghi nhận trong {in_part}: {amount}"),
                        Language::En => format!("Recorded in {in_part}: {amount}"),
                    }
                }
                (Some(_), false, Language::Vi) => format!("Chưa ghi nhận trong {in_part}"),
                (Some(_), false, Language::En) => format!("Nothing recorded in {in_part}"),
                (None, _, _) => known.clone(),
            };
            let (key, name) = if part == *period {
                (target.id.clone(), name.clone())
            } else {
                (
                    format!(
                        "{}@{}",
                        target.id,
                        crate::time::period_key::key(&part).unwrap_or_default()
                    ),
                    format!("{name} — {}", part.name_in_sentence(language)),
                )
            };
            rows.push(TargetRow {
                key,
                target: target_status.position,
                name,
                goal: goal.clone(),
                measure,
                period: part,
                known,
                recorded,
            });
        }
    }
    rows
}

/// Whether periods of length `per` are shorter than `period`, so that it
/// holds several of them.
fn shorter(per: crate::plan::model::Frequency, period: &Period) -> bool {
    let days = (period.end - period.start).num_days() + 1;
    let length = match per {
        crate::plan::model::Frequency::Week => 7,
        crate::plan::model::Frequency::Month => 31,
        crate::plan::model::Frequency::Quarter => 92,
        crate::plan::model::Frequency::Half => 184,
        crate::plan::model::Frequency::Year => 366,
    };
    days > length
}

/// The plan a form was made from, as its identity sheet records it: a form
/// from another plan (another agency, year or title) is refused.
pub fn plan_identity(plan: &Plan) -> [(&'static str, String); 4] {
    [
        ("title", one_line(&plan.title)),
        ("agency", one_line(&plan.agency)),
        ("province", one_line(&plan.province)),
        ("year", plan.year.to_string()),
    ]
}

/// The day a row's record is dated when the unit leaves the date blank:
/// the end of the period it is for, or `today` if that is sooner.
pub fn default_date(period: &Period, today: NaiveDate) -> NaiveDate {
    period.end.min(today).max(period.start)
}
