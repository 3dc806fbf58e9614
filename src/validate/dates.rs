//! Dates that make no sense for a yearly plan: a due date in another year,
//! a record made in the future.

use chrono::Datelike as _;

use crate::plan::spanned::Spanned;

use super::Context;
use crate::plan::date::PlanDate;
use crate::read::diagnostic::Diagnostic;

#[expect(
    clippy::too_many_lines,
    reason = "105 lines; to be split into its steps (ARCHITECTURE.md)"
)]
pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let years = context.years();
    let year = years.map(|(first, _)| first);
    // Under Decree 09/2019 the year's data starts on 15 December before it.
    let decree_09 = context
        .file
        .plan
        .as_ref()
        .and_then(|plan| plan.report.as_ref())
        .and_then(|report| report.periods)
        == Some(crate::plan::file::PeriodRule::Decree09);
    // A plan is issued in its year, or late in the year before.
    if let (Some(year), Some(issued)) = (
        year,
        context
            .file
            .plan
            .as_ref()
            .and_then(|plan| plan.issued.as_ref()),
    ) {
        let issued_year = i64::from(issued.get_ref().year());
        if issued_year != year && issued_year != year - 1 {
            let day = issued.get_ref();
            let before = year - 1;
            found.push(
                Diagnostic::warning(
                    "issued-outside-year",
                    crate::say!(
                        "kế hoạch ghi ngày ban hành {day}, không thuộc năm {year} hay năm {before}",
                        "the plan is said to be issued on {day}, not in {year} or the year before"
                    ),
                )
                .at(issued.span())
                .help(crate::say!(
                    "báo cáo trích dẫn ngày này (\"Kế hoạch số … ngày …\"); hãy kiểm tra lại năm",
                    "reports cite this date (\"Kế hoạch số … ngày …\"); check the year"
                )),
            );
        }
    }
    for task in &context.file.tasks {
        let schedule = task.schedule.get_ref();
        for date in [&schedule.start, &schedule.due].into_iter().flatten() {
            outside_year(
                own_years(years, task.year.as_ref()),
                date,
                Dates::Task,
                found,
            );
        }
        if let (Some(start), Some(due)) = (&schedule.start, &schedule.due)
            && start.get_ref() > due.get_ref()
        {
            let due = due.get_ref();
            found.push(
                Diagnostic::error(
                    "start-after-due",
                    crate::say!(
                        "nhiệm vụ bắt đầu sau hạn hoàn thành",
                        "the task starts after it is due"
                    ),
                )
                .at(start.span())
                .help(crate::say!(
                    "`start` phải trước hoặc đúng ngày `due` ({due})",
                    "`start` must be on or before `due` ({due})"
                )),
            );
        }
    }
    for target in &context.file.targets {
        if let Some(due) = &target.due {
            outside_year(
                own_years(years, target.year.as_ref()),
                due,
                Dates::Target,
                found,
            );
        }
    }
    for (_, record) in context.records() {
        let date = record.date.get_ref();
        // A day of grace: whoever records may live a time zone ahead of the
        // plan's, or of the machine that checks it.
        let latest = context.today.succ_opt().unwrap_or(context.today);
        if date.0 > latest {
            let today = PlanDate(context.today);
            found.push(
                Diagnostic::error(
                    "future-record",
                    crate::say!(
                        "bản ghi này đề ngày {date}, muộn hơn hôm nay quá một ngày",
                        "this record is dated {date}, more than a day after today"
                    ),
                )
                .at(record.date.span())
                .label(crate::say!("ngày trong tương lai", "in the future"))
                .help(crate::say!(
                    "bản ghi ghi lại việc đã xảy ra; hãy đề ngày hôm nay ({today}) hoặc trước đó (được phép đề ngày mai cho đơn vị ở múi giờ đi trước)",
                    "records say what has happened; date it today ({today}) or earlier (tomorrow is allowed for a unit a time zone ahead)"
                )),
            );
        } else if let Some((first, last)) = years {
            // A yearly report is often written in January of the next year.
            let record_year = i64::from(date.year());
            let next_january = record_year == last + 1 && date.0.month() == 1;
            let decree_december =
                decree_09 && record_year == first - 1 && date.0.month() == 12 && date.0.day() >= 15;
            if !(first..=last).contains(&record_year) && !next_january && !decree_december {
                let span = if first == last {
                    crate::say!("năm {first} của kế hoạch", "the plan's year {first}")
                } else {
                    crate::say!(
                        "các năm {first}–{last} của kế hoạch",
                        "the plan's years {first}–{last}"
                    )
                };
                found.push(
                    Diagnostic::warning(
                        "record-outside-year",
                        crate::say!(
                            "bản ghi này đề ngày {date}, nằm ngoài {span} và tháng Một của năm sau đó",
                            "this record is dated {date}, outside {span} and the January after it"
                        ),
                    )
                    .at(record.date.span())
                    .help(crate::say!(
                        "hãy kiểm tra lại năm; bản ghi cho kế hoạch của năm khác thuộc về kế hoạch đó",
                        "check the year; records for another year's plan belong in that plan"
                    )),
                );
            }
        }
    }
}

/// The years a task's or target's dates fall in: its own year, else the plan's.
fn own_years(plan: Option<(i64, i64)>, own: Option<&Spanned<i64>>) -> Option<(i64, i64, Whose)> {
    match own {
        Some(own) => Some((*own.get_ref(), *own.get_ref(), Whose::Own)),
        None => plan.map(|(first, last)| (first, last, Whose::Plan)),
    }
}

/// Whose dates they are.
#[derive(Clone, Copy)]
enum Dates {
    Task,
    Target,
}

/// Whose years a date should fall in.
#[derive(Clone, Copy)]
enum Whose {
    /// The task's or target's own `year`.
    Own,
    /// The plan's year or years.
    Plan,
}

fn outside_year(
    years: Option<(i64, i64, Whose)>,
    date: &Spanned<PlanDate>,
    what: Dates,
    found: &mut Vec<Diagnostic>,
) {
    let Some((first, last, whose)) = years else {
        return;
    };
    if !(first..=last).contains(&i64::from(date.get_ref().year())) {
        let span = if first == last {
            format!("{first}")
        } else {
            format!("{first}–{last}")
        };
        let place = match (whose, first == last) {
            (Whose::Own, _) => crate::say!("năm {span} của chính nó", "its own year {span}"),
            (Whose::Plan, true) => crate::say!("năm {span} của kế hoạch", "the plan's year {span}"),
            (Whose::Plan, false) => {
                crate::say!("các năm {span} của kế hoạch", "the plan's years {span}")
            }
        };
        let day = date.get_ref();
        let what = match what {
            Dates::Task => crate::say!("ngày của nhiệm vụ", "task dates"),
            Dates::Target => crate::say!("ngày của chỉ tiêu", "target dates"),
        };
        found.push(
            Diagnostic::warning(
                "date-outside-year",
                crate::say!("{day} nằm ngoài {place}", "{day} is outside {place}"),
            )
            .at(date.span())
            .help(crate::say!(
                "{what} thường nằm trong năm của kế hoạch; hãy kiểm tra lại năm",
                "{what} usually fall within the plan's year; check the year"
            )),
        );
    }
}
