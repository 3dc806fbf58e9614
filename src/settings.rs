//! Command-line arguments turned into what the commands work with, in one
//! place and before any work starts (as ripgrep turns its flags into
//! `HiArgs`): ids checked against the plan and resolved, the period chosen,
//! the day figures are taken on, the language. Anything wrong here is a usage
//! error: exit 2, with a hint, whatever the command.

use std::path::PathBuf;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::cli::{
    CalendarArgs, CalendarFormat, FormArgs, PeriodArgs, ReportArgs, ReportFormat, StatusArgs,
    StatusFormat, TaskStateArg,
};
use crate::judge::status::{AsOf, TaskState};
use crate::plan::model::{IndexRef, Plan, UnitRef};
use crate::report::ReportRequest;
use crate::status_view::StatusFilter;
use crate::time::period::{Period, PeriodError};
use crate::words::labels::Language;
use crate::words::suggest;

/// What `ddci status` was asked for.
#[derive(Debug)]
pub struct StatusSettings {
    pub as_of: AsOf,
    pub filter: StatusFilter,
    pub language: Language,
    pub format: StatusFormat,
}

/// What `ddci report` was asked for.
#[derive(Debug)]
pub struct ReportSettings {
    pub request: ReportRequest,
    pub format: ReportFormat,
    pub output: Option<PathBuf>,
}

pub fn status(
    args: &StatusArgs,
    asked: Option<Language>,
    plan: &Plan,
    today: NaiveDate,
) -> anyhow::Result<StatusSettings> {
    if let Some(day) = args.as_of.filter(|day| *day > today) {
        anyhow::bail!(crate::say!(
            "ngày {day} chưa đến (hôm nay là {today}); chỉ xem được tình hình của kế hoạch tại một ngày đã đến\n\
             gợi ý: bỏ --as-of để xem hôm nay",
            "{day} is after today ({today}); the plan can only be shown as it stood on a day that has come\n\
             help: leave out --as-of for today"
        ));
    }
    Ok(StatusSettings {
        as_of: args.as_of.map_or_else(
            || crate::judge::reports_owed::view_on(plan, today),
            AsOf::closed,
        ),
        filter: StatusFilter {
            index: args
                .index
                .as_deref()
                .map(|id| index_id(plan, id))
                .transpose()?,
            owner: args
                .owner
                .as_deref()
                .map(|id| unit_id(plan, id))
                .transpose()?,
            lead_only: args.lead_only,
            states: args.status.iter().map(|state| task_state(*state)).collect(),
            overdue: args.overdue,
        },
        language: language(asked, plan),
        format: args.format,
    })
}

pub fn report(
    args: &ReportArgs,
    asked: Option<Language>,
    plan: &Plan,
    today: NaiveDate,
) -> anyhow::Result<ReportSettings> {
    let rule = plan.report.periods;
    let period = period(
        &args.period,
        args.period
            .year
            .unwrap_or_else(|| default_year(plan, today)),
    )
    .map_err(anyhow::Error::new)?
    .under(rule);
    let (first, last) = plan.year_bounds();
    if let Some(ends) = plan.in_force.ends
        && period.start > ends
    {
        let reason = plan
            .in_force
            .end_reason
            .as_deref()
            .map(|reason| format!(" ({})", crate::words::visible::one_line(reason)))
            .unwrap_or_default();
        let (name, start) = (spoken_name(&period), period.start);
        anyhow::bail!(crate::say!(
            "kế hoạch đã dừng sau ngày {ends}{reason}; không có gì phải báo cáo cho {name}, kỳ bắt đầu từ ngày {start}\n\
             gợi ý: báo cáo một kỳ kết thúc không muộn hơn ngày {ends}, hoặc báo cáo theo kế hoạch tiếp nối công việc của kế hoạch này",
            "the plan stopped after {ends}{reason}; nothing is owed for {name}, which starts on {start}\n\
             help: report on a period up to {ends}, or on the plan that carries on its work"
        ));
    }
    if period.end < first || period.start > last {
        let (name, years) = (spoken_name(&period), plan_years(plan));
        anyhow::bail!(crate::say!(
            "{name} nằm ngoài kế hoạch (kế hoạch áp dụng cho {years}); không có gì để báo cáo\n\
             gợi ý: báo cáo một kỳ thuộc {years}, hoặc dùng kế hoạch của năm đó",
            "{name} is outside the plan, which is for {years}; nothing in it could be reported\n\
             help: report on a period of {years}, or use the plan for that year"
        ));
    }
    if period.start > today {
        let (name, start) = (spoken_name(&period), period.start);
        anyhow::bail!(crate::say!(
            "{name} chưa bắt đầu (bắt đầu từ ngày {start}; hôm nay là {today}); báo cáo chỉ nói những gì đã diễn ra\n\
             gợi ý: báo cáo một kỳ đã bắt đầu, ví dụ quý có ngày hôm nay",
            "{name} has not begun (it starts on {start}; today is {today}); a report says what has happened\n\
             help: report on a period that has begun, e.g. the quarter holding today"
        ));
    }
    // Figures are those at the end of the period once it is over; before
    // then, those of today, a day still going on.
    let as_of = if period.end < today {
        AsOf::closed(period.end)
    } else {
        AsOf::open(today)
    };
    // A report signed on a day says only what was known that day: the
    // year's DDCI result published in March is not in a report of January.
    let signed_on = signed_on(args.signed_on, &period)?;
    let as_of = match signed_on {
        Some(day) => as_of.known_on(day),
        None => as_of,
    };
    Ok(ReportSettings {
        request: ReportRequest {
            period,
            as_of,
            owner: args
                .owner
                .as_deref()
                .map(|id| unit_id(plan, id))
                .transpose()?,
            language: language(asked, plan),
            rule,
            signed_on,
        },
        format: report_format(args)?,
        output: args.output.clone(),
    })
}

/// What `ddci form` was asked for: the period and the units.
#[derive(Debug)]
pub struct FormSettings {
    pub period: Period,
    /// One unit, or with `--all` every unit that reports.
    pub units: Vec<UnitRef>,
}

pub fn form(args: &FormArgs, plan: &Plan, today: NaiveDate) -> anyhow::Result<FormSettings> {
    let _ = today;
    let period = period(
        &args.period,
        args.period
            .year
            .unwrap_or_else(|| default_year(plan, today)),
    )
    .map_err(anyhow::Error::new)?;
    if crate::time::period_key::key(&period).is_none() {
        anyhow::bail!(crate::say!(
            "biểu mẫu lập cho một tháng, quý, 6 tháng, 9 tháng hoặc năm, không cho một khoảng ngày tùy ý\n\
             gợi ý: dùng --month, --quarter, --half, --nine-months hoặc --year",
            "a form is for a month, quarter, half, nine months or year, not a range of days\n\
             help: use --month, --quarter, --half, --nine-months or --year"
        ));
    }
    let (first, last) = plan.year_bounds();
    if period.end < first || period.start > last {
        let (name, years) = (spoken_name(&period), plan_years(plan));
        anyhow::bail!(crate::say!(
            "{name} nằm ngoài kế hoạch (kế hoạch áp dụng cho {years})\ngợi ý: lập biểu mẫu cho một kỳ thuộc {years}",
            "{name} is outside the plan, which is for {years}\nhelp: make a form for a period of {years}"
        ));
    }
    let units = match &args.owner {
        Some(id) => vec![unit_id(plan, id)?],
        None => reporting_units(plan, &period),
    };
    if units.is_empty() {
        anyhow::bail!(crate::say!(
            "không có đơn vị nào phải báo cáo theo kế hoạch này: kế hoạch không có nghĩa vụ báo cáo nào nêu đơn vị báo cáo, cũng không có nhiệm vụ nào có đơn vị chủ trì\n\
             gợi ý: chỉ định một đơn vị bằng --owner",
            "no unit reports under this plan: it has no reporting duty with units to report, and no task with a lead unit\n\
             help: name one unit with --owner"
        ));
    }
    Ok(FormSettings { period, units })
}

/// Every unit with something to report: those that owe reports under the
/// plan's duties, and those that lead or coordinate a task (a group stands
/// for its members), in the plan's order; only those that exist at the
/// period's end, as for the reports they owe (a unit merged away during it
/// is answered for by its successor, whose form holds its tasks).
fn reporting_units(plan: &Plan, period: &Period) -> Vec<UnitRef> {
    let mut units: Vec<UnitRef> = plan
        .reporting
        .iter()
        .filter(|duty| duty.to.is_some())
        .flat_map(|duty| plan.reporters(duty))
        .filter(|unit| !plan.unit(*unit).is_group())
        .collect();
    for (position, unit) in plan.units.iter().enumerate() {
        let unit_ref = UnitRef(position);
        if !unit.is_group()
            && plan
                .tasks
                .iter()
                .any(|task| plan.answers_for(task, unit_ref))
        {
            units.push(unit_ref);
        }
    }
    units.retain(|unit| plan.unit(*unit).in_force.covers(period.end));
    units.sort_unstable();
    units.dedup();
    units
}

/// The format asked for, else the one the output file's name says, else
/// Markdown. A file named for one format is not written in another, and a
/// Word document is bytes for a file, not for a terminal.
fn report_format(args: &ReportArgs) -> anyhow::Result<ReportFormat> {
    let on_screen =
        to_terminal(args.output.as_deref()) && std::io::IsTerminal::is_terminal(&std::io::stdout());
    crate::cli::output_format::resolve(&crate::cli::output_format::Asked {
        format: args.format,
        file: to_file(args.output.as_deref()),
        to_terminal: to_terminal(args.output.as_deref()),
        default: report_format_by_default(on_screen),
        example: "bao-cao",
    })
}

/// A report read on a screen is text, wrapped to it; Markdown's marks
/// (`KH\&CN`, `<br>`) are for a file or another program.
fn report_format_by_default(on_screen: bool) -> ReportFormat {
    if on_screen {
        ReportFormat::Text
    } else {
        ReportFormat::Markdown
    }
}

/// The file asked for with `-o`, unless that is `-` (standard output).
pub fn to_file(output: Option<&std::path::Path>) -> Option<&std::path::Path> {
    output.filter(|path| *path != std::path::Path::new("-"))
}

/// Whether `-o` leaves the output on a terminal: no `-o`, or `-o -` with
/// standard output a terminal.
pub fn to_terminal(output: Option<&std::path::Path>) -> bool {
    match output {
        None => true,
        Some(path) => {
            path == std::path::Path::new("-")
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
    }
}

/// A report is signed once its period has begun.
fn signed_on(day: Option<NaiveDate>, period: &Period) -> anyhow::Result<Option<NaiveDate>> {
    if let Some(day) = day
        && day < period.start
    {
        let (name, start) = (spoken_name(period), period.start);
        anyhow::bail!(crate::say!(
            "--signed-on {day} là trước ngày bắt đầu {name} ({start}); báo cáo chỉ được ký sau những gì nó báo cáo\n\
             gợi ý: ghi ngày ký báo cáo, hoặc bỏ --signed-on để để trống ngày ký",
            "--signed-on {day} is before {name} begins ({start}); a report is signed after what it reports\n\
             help: give the day the report is signed, or leave it out to leave the date blank"
        ));
    }
    // Signed in the months after what it reports, not years on.
    let latest = period
        .end
        .checked_add_days(chrono::Days::new(SIGNED_WITHIN_DAYS))
        .unwrap_or(NaiveDate::MAX);
    if let Some(day) = day
        && day > latest
    {
        let (name, end) = (spoken_name(period), period.end);
        anyhow::bail!(crate::say!(
            "--signed-on {day} là hơn một năm sau khi {name} kết thúc ({end}); báo cáo được ký trong những tháng sau kỳ báo cáo\n\
             gợi ý: kiểm tra lại năm của ngày ký",
            "--signed-on {day} is more than a year after {name} ends ({end}); a report is signed in the months after its period\n\
             help: check the year of the day"
        ));
    }
    Ok(day)
}

/// How long after its period a report may be signed.
const SIGNED_WITHIN_DAYS: u64 = 366;

/// What `ddci calendar` was asked for.
#[derive(Debug)]
pub struct CalendarSettings {
    pub moment: AsOf,
    pub selection: crate::calendar::Selection,
    pub language: Language,
    pub format: CalendarFormat,
    pub output: Option<PathBuf>,
}

/// How many days the calendar shows after its first when not told.
pub const CALENDAR_DAYS: u64 = 30;

pub fn calendar(
    args: &CalendarArgs,
    asked: Option<Language>,
    plan: &Plan,
    today: NaiveDate,
) -> anyhow::Result<CalendarSettings> {
    let (year_start, year_end) = plan.year_bounds();
    let whole_year = args.format == CalendarFormat::Ics || today > year_end || today < year_start;
    let from = args
        .from
        .unwrap_or(if whole_year { year_start } else { today });
    // The year's last reports fall due after it ends: the whole year runs
    // to the last of their due dates.
    let last_due = plan
        .reporting
        .iter()
        .filter_map(|duty| plan.due_after(year_end, duty.due_days_after))
        .max()
        .unwrap_or(year_end);
    let to = args.to.unwrap_or_else(|| {
        if whole_year && args.from.is_none() {
            last_due
        } else {
            from.checked_add_days(chrono::Days::new(CALENDAR_DAYS))
                .unwrap_or(from)
        }
    });
    if to < from {
        anyhow::bail!(crate::say!(
            "--to {to} là trước --from {from}; lịch sẽ không có ngày nào\n\
             gợi ý: ghi ngày đầu bằng --from và ngày cuối bằng --to",
            "--to {to} is before --from {from}; the calendar would be empty\n\
             help: give the first day with --from and the last with --to"
        ));
    }
    let window = Period::range(from, to).map_err(anyhow::Error::new)?;
    Ok(CalendarSettings {
        // What is recorded is judged as of today, a day still going on.
        moment: AsOf::open(today),
        selection: crate::calendar::Selection {
            window,
            owner: args
                .owner
                .as_deref()
                .map(|id| unit_id(plan, id))
                .transpose()?,
        },
        language: language(asked, plan),
        format: args.format,
        output: args.output.clone(),
    })
}

/// The language `--lang` asked for, else the plan's.
pub fn language(asked: Option<Language>, plan: &Plan) -> Language {
    asked.unwrap_or(plan.language)
}

/// A period as a message names it, in the language spoken: "Quý II/2024",
/// "Q2 2024".
fn spoken_name(period: &Period) -> String {
    period.name_in_sentence(crate::words::speech::speaking())
}

/// "2024", or "2023–2025" for a plan of several years.
fn plan_years(plan: &Plan) -> String {
    if plan.until > plan.year {
        format!("{}–{}", plan.year, plan.until)
    } else {
        plan.year.to_string()
    }
}

/// The year a report or form is for when not told: the plan's year, or for
/// a plan of several years the one holding today (its first before it
/// starts, its last after it ends).
pub fn default_year(plan: &Plan, today: NaiveDate) -> i32 {
    use chrono::Datelike as _;
    today.year().clamp(plan.year, plan.until.max(plan.year))
}

/// Text typed on a command line, in the composed form (NFC) ids are kept in:
/// some Vietnamese keyboards send decomposed letters.
pub fn composed(text: &str) -> String {
    text.nfc().collect()
}

pub fn unit_id(plan: &Plan, given: &str) -> anyhow::Result<UnitRef> {
    let given = composed(given);
    plan.unit_by_id(&given).ok_or_else(|| {
        unknown(
            Kind::Unit,
            &given,
            plan.units.iter().map(|unit| unit.id.as_str()),
        )
    })
}

pub fn index_id(plan: &Plan, given: &str) -> anyhow::Result<IndexRef> {
    let given = composed(given);
    plan.index_by_id(&given).ok_or_else(|| {
        unknown(
            Kind::Index,
            &given,
            plan.indices.iter().map(|index| index.id.as_str()),
        )
    })
}

/// What an id typed on the command line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Unit,
    Index,
}

/// "no unit has the id `x`", with the closest id or the list of them.
pub fn unknown<'a>(
    kind: Kind,
    given: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> anyhow::Error {
    let help = suggest::did_you_mean(given, known.clone()).unwrap_or_else(|| {
        let ids = known.collect::<Vec<_>>().join(", ");
        match kind {
            Kind::Unit => crate::say!("mã các đơn vị là: {ids}", "the unit ids are: {ids}"),
            Kind::Index => crate::say!(
                "mã các chỉ số thành phần là: {ids}",
                "the index ids are: {ids}"
            ),
        }
    });
    anyhow::anyhow!(match kind {
        Kind::Unit => crate::say!(
            "không có đơn vị nào có mã `{given}`\ngợi ý: {help}\ngợi ý: `ddci list units` cho xem mã và tên của từng đơn vị",
            "no unit has the id `{given}`\nhelp: {help}\nhelp: `ddci list units` shows each id with its name"
        ),
        Kind::Index => crate::say!(
            "không có chỉ số thành phần nào có mã `{given}`\ngợi ý: {help}\ngợi ý: `ddci list indices` cho xem mã và tên của từng chỉ số",
            "no index has the id `{given}`\nhelp: {help}\nhelp: `ddci list indices` shows each id with its name"
        ),
    })
}

fn task_state(state: TaskStateArg) -> TaskState {
    match state {
        TaskStateArg::NoReport => TaskState::NoReport,
        TaskStateArg::NotStarted => TaskState::NotStarted,
        TaskStateArg::InProgress => TaskState::InProgress,
        TaskStateArg::Blocked => TaskState::Blocked,
        TaskStateArg::Overdue => TaskState::Overdue,
        TaskStateArg::Done => TaskState::Done,
        TaskStateArg::DoneLate => TaskState::DoneLate,
        TaskStateArg::Cancelled => TaskState::Cancelled,
    }
}

/// The one period the arguments name; two at once is a usage error.
pub fn period(args: &PeriodArgs, year: i32) -> Result<Period, PeriodError> {
    let range = args.from.is_some() || args.to.is_some();
    let chosen = [
        args.quarter.is_some(),
        args.half.is_some(),
        args.month.is_some(),
        args.nine_months,
        range,
    ]
    .iter()
    .filter(|chosen| **chosen)
    .count();
    if chosen > 1 {
        return Err(PeriodError(crate::say!(
            "chỉ chọn một kỳ: --quarter, --half, --month, --nine-months, hoặc --from/--to",
            "choose one period: --quarter, --half, --month, --nine-months, or --from/--to"
        )));
    }
    if let Some(quarter) = args.quarter {
        return Period::quarter(year, quarter);
    }
    if let Some(half) = args.half {
        return Period::half(year, half);
    }
    if let Some(month) = args.month {
        return Period::month(year, month);
    }
    if args.nine_months {
        return Period::nine_months(year);
    }
    if range {
        let whole = Period::year(year)?;
        return Period::range(
            args.from.unwrap_or(whole.start),
            args.to.unwrap_or(whole.end),
        );
    }
    Period::year(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_on_a_screen_is_text_and_elsewhere_markdown() {
        assert_eq!(report_format_by_default(true), ReportFormat::Text);
        assert_eq!(report_format_by_default(false), ReportFormat::Markdown);
    }
}
