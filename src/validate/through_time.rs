//! Dates that say when something is in force make sense: nothing ends before
//! it begins or outside the plan's years, a change of goal or of names falls
//! while its subject is in force and never twice on one day, a unit does not
//! succeed itself, and nothing is recorded by a unit on a day it did not exist
//! or on a task after it ended.

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use super::Context;
use crate::plan::date::PlanDate;
use crate::plan::file::{Id, Spanned};
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    let years = context.years().and_then(|(first, last)| {
        let first = NaiveDate::from_ymd_opt(i32::try_from(first).ok()?, 1, 1)?;
        let last = NaiveDate::from_ymd_opt(i32::try_from(last).ok()?, 12, 31)?;
        Some((first, last))
    });
    if let Some(plan) = &file.plan {
        plan_dates(plan, years, found);
    }
    units(context, years, found);
    for task in &file.tasks {
        let id = task.id.get_ref();
        let what = crate::say!("nhiệm vụ `{id}`", "task `{id}`");
        span_in_order(
            &what,
            task.begins.as_ref(),
            task.ends.as_ref(),
            years,
            found,
        );
        after_its_end(&task.records, task.ends.as_ref(), &what, found);
    }
    for target in &file.targets {
        let id = target.id.get_ref();
        let what = crate::say!("chỉ tiêu `{id}`", "target `{id}`");
        span_in_order(
            &what,
            target.begins.as_ref(),
            target.ends.as_ref(),
            years,
            found,
        );
        after_its_end(&target.records, target.ends.as_ref(), &what, found);
        let mut seen = HashSet::new();
        for change in &target.changes {
            once_a_day(
                &change.from,
                &mut seen,
                &crate::say!("`changes` của một chỉ tiêu", "a target's `changes`"),
                found,
            );
            within_plan(
                &change.from,
                &crate::say!("lần thay đổi mục tiêu này", "this change of the goal"),
                years,
                found,
            );
            outside_life(
                &change.from,
                target.begins.as_ref(),
                target.ends.as_ref(),
                &what,
                found,
            );
        }
    }
    for duty in &file.reporting {
        span_in_order(
            &crate::say!("nhiệm vụ báo cáo này", "this reporting duty"),
            duty.begins.as_ref(),
            duty.ends.as_ref(),
            years,
            found,
        );
    }
    recorded_while_the_unit_existed(context, found);
}

/// The plan's end, the changes of its names and its amendments' ids.
fn plan_dates(
    plan: &crate::plan::file::PlanHeader,
    years: Option<(NaiveDate, NaiveDate)>,
    found: &mut Vec<Diagnostic>,
) {
    span_in_order(
        &crate::say!("kế hoạch", "the plan"),
        None,
        plan.ends.as_ref(),
        years,
        found,
    );
    let mut seen = HashSet::new();
    for change in &plan.changes {
        once_a_day(&change.from, &mut seen, "[[plan.changes]]", found);
        within_plan(
            &change.from,
            &crate::say!(
                "lần thay đổi tên gọi này của kế hoạch",
                "this change of the plan's names"
            ),
            years,
            found,
        );
    }
    let mut ids = HashSet::new();
    for amendment in &plan.amendments {
        if !ids.insert(amendment.id.get_ref().as_str()) {
            let id = amendment.id.get_ref();
            found.push(
                Diagnostic::error(
                    "duplicate-id",
                    crate::say!(
                        "hai văn bản sửa đổi cùng mang mã `{id}`",
                        "two amendments have the id `{id}`"
                    ),
                )
                .at(amendment.id.span())
                .help(crate::say!(
                    "đặt cho mỗi quyết định sửa đổi, bổ sung một mã riêng",
                    "give each amending decision its own id"
                )),
            );
        }
    }
}

/// Each unit's life, successor and names.
fn units(
    context: &Context<'_>,
    years: Option<(NaiveDate, NaiveDate)>,
    found: &mut Vec<Diagnostic>,
) {
    for unit in &context.file.units {
        let id = unit.id.get_ref();
        let what = crate::say!("đơn vị `{id}`", "unit `{id}`");
        span_in_order(
            &what,
            unit.begins.as_ref(),
            unit.ends.as_ref(),
            years,
            found,
        );
        if unit.successor.as_ref().map(Spanned::get_ref) == Some(unit.id.get_ref()) {
            let successor = unit.successor.as_ref().map_or(0..0, Spanned::span);
            found.push(
                Diagnostic::error(
                    "own-successor",
                    crate::say!("{what} tự kế nhiệm chính nó", "{what} succeeds itself"),
                )
                .at(successor)
                .help(crate::say!(
                    "ghi đơn vị tiếp nhận công việc của nó, hoặc bỏ `successor`",
                    "name the unit that takes over its work, or remove `successor`"
                )),
            );
        }
        if let (Some(successor), None) = (&unit.successor, &unit.ends) {
            found.push(
                Diagnostic::warning(
                    "successor-without-end",
                    crate::say!(
                        "{what} có đơn vị kế nhiệm nhưng không có `ends`",
                        "{what} has a successor but no `ends`"
                    ),
                )
                .at(successor.span())
                .help(crate::say!(
                    "thêm `ends = …`, ngày cuối cùng của đơn vị; đến ngày đó đơn vị vẫn phải tự gửi báo cáo của mình",
                    "add `ends = …`, the unit's last day; until then it owes its own reports"
                )),
            );
        }
        let mut seen = HashSet::new();
        for change in &unit.changes {
            once_a_day(
                &change.from,
                &mut seen,
                &crate::say!("`changes` của một đơn vị", "a unit's `changes`"),
                found,
            );
            outside_life(
                &change.from,
                unit.begins.as_ref(),
                unit.ends.as_ref(),
                &what,
                found,
            );
        }
    }
}

/// `begins` ≤ `ends`, both within the plan's years.
fn span_in_order(
    what: &str,
    begins: Option<&Spanned<PlanDate>>,
    ends: Option<&Spanned<PlanDate>>,
    years: Option<(NaiveDate, NaiveDate)>,
    found: &mut Vec<Diagnostic>,
) {
    if let (Some(begins), Some(ends)) = (begins, ends)
        && ends.get_ref() < begins.get_ref()
    {
        let (last, first) = (ends.get_ref(), begins.get_ref());
        found.push(
            Diagnostic::error(
                "ends-before-it-begins",
                crate::say!(
                    "{what} kết thúc ngày {last}, trước ngày bắt đầu {first}",
                    "{what} ends on {last} before it begins on {first}"
                ),
            )
            .at(ends.span())
            .help(crate::say!(
                "`ends` là ngày cuối cùng còn hiệu lực và `begins` là ngày đầu tiên; hãy đổi chỗ nếu ghi ngược",
                "`ends` is the last day in force and `begins` the first; swap them if they are the wrong way round"
            )),
        );
    }
    for date in begins.into_iter().chain(ends) {
        within_plan(date, what, years, found);
    }
}

fn within_plan(
    date: &Spanned<PlanDate>,
    what: &str,
    years: Option<(NaiveDate, NaiveDate)>,
    found: &mut Vec<Diagnostic>,
) {
    let Some((first, last)) = years else { return };
    let day = date.get_ref().0;
    if day < first || day > last {
        let written = date.get_ref();
        let (first, last) = (first.format("%d/%m/%Y"), last.format("%d/%m/%Y"));
        found.push(
            Diagnostic::error(
                "outside-the-plan",
                crate::say!(
                    "{what}: ngày {written} nằm ngoài thời gian của kế hoạch (từ {first} đến {last})",
                    "{what}: {written} is outside the plan's years ({first} to {last})"
                ),
            )
            .at(date.span())
            .help(crate::say!(
                "ngày hiệu lực phải là một ngày trong thời gian của kế hoạch; kế hoạch còn tiếp tục thì là một kế hoạch mới (`ddci init --from`)",
                "a date in force is a day of the plan; a plan that runs on is a new plan (`ddci init --from`)"
            )),
        );
    }
}

fn once_a_day<'f>(
    from: &'f Spanned<PlanDate>,
    seen: &mut HashSet<&'f PlanDate>,
    what: &str,
    found: &mut Vec<Diagnostic>,
) {
    if !seen.insert(from.get_ref()) {
        let day = from.get_ref();
        found.push(
            Diagnostic::error(
                "two-changes-one-day",
                crate::say!(
                    "{what} có hai thay đổi cùng từ ngày {day}",
                    "{what} has two changes from {day}"
                ),
            )
            .at(from.span())
            .help(crate::say!(
                "ghi mọi điều thay đổi trong ngày đó vào một lần thay đổi",
                "write what changes on that day in one change"
            )),
        );
    }
}

/// A change that falls on a day its subject is not in force changes nothing.
fn outside_life(
    from: &Spanned<PlanDate>,
    begins: Option<&Spanned<PlanDate>>,
    ends: Option<&Spanned<PlanDate>>,
    what: &str,
    found: &mut Vec<Diagnostic>,
) {
    let day = from.get_ref();
    let before = begins.is_some_and(|begins| day <= begins.get_ref());
    let after = ends.is_some_and(|ends| day > ends.get_ref());
    if before || after {
        found.push(
            Diagnostic::warning(
                "change-outside-life",
                crate::say!(
                    "{what} không có hiệu lực vào ngày {day}, ngày thay đổi này bắt đầu áp dụng",
                    "{what} is not in force on {day}, when this change takes effect"
                ),
            )
            .at(from.span())
            .help(crate::say!(
                "thay đổi áp dụng từ ngày đầu tiên thì chính là giá trị ban đầu: hãy ghi thẳng vào mục đó",
                "a change from its first day is its own value: write it on the entry itself"
            )),
        );
    }
}

fn after_its_end(
    records: &[crate::plan::file::Record],
    ends: Option<&Spanned<PlanDate>>,
    what: &str,
    found: &mut Vec<Diagnostic>,
) {
    let Some(ends) = ends else { return };
    for record in records
        .iter()
        .filter(|record| record.date.get_ref() > ends.get_ref())
    {
        let (last, dated) = (ends.get_ref(), record.date.get_ref());
        found.push(
            Diagnostic::warning(
                "recorded-after-end",
                crate::say!(
                    "{what} đã kết thúc ngày {last}; bản ghi ngày {dated} này không được tính",
                    "{what} ended on {last}; this record of {dated} is not counted"
                ),
            )
            .at(record.date.span())
            .help(crate::say!(
                "ghi công việc làm sau ngày kết thúc vào nhiệm vụ tiếp nối nó",
                "record work done after the end under the task that carries it on"
            )),
        );
    }
}

/// A record `by` a unit on a day the unit did not exist is another unit's.
fn recorded_while_the_unit_existed(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    let life = |id: &Id| -> Option<(Option<PlanDate>, Option<PlanDate>, Range<usize>)> {
        let unit = file
            .units
            .iter()
            .find(|unit| unit.id.get_ref() == id.get_ref())?;
        if unit.begins.is_none() && unit.ends.is_none() {
            return None;
        }
        Some((
            unit.begins.as_ref().map(|begins| *begins.get_ref()),
            unit.ends.as_ref().map(|ends| *ends.get_ref()),
            unit.id.span(),
        ))
    };
    for (_, record) in context.records() {
        let Some(by) = &record.by else { continue };
        let Some((begins, ends, _)) = life(by) else {
            continue;
        };
        let day = *record.date.get_ref();
        if begins.is_some_and(|begins| day < begins) || ends.is_some_and(|ends| day > ends) {
            let unit = by.get_ref();
            let when = match (begins, ends) {
                (Some(begins), _) if day < begins => crate::say!(
                    " (đơn vị bắt đầu từ ngày {begins})",
                    " (it began on {begins})"
                ),
                (_, Some(ends)) => crate::say!(
                    " (ngày cuối cùng của đơn vị là {ends})",
                    " (its last day was {ends})"
                ),
                _ => String::new(),
            };
            found.push(
                Diagnostic::warning(
                    "unit-not-in-force",
                    crate::say!(
                        "`{unit}` không tồn tại vào ngày {day}{when}",
                        "`{unit}` did not exist on {day}{when}"
                    ),
                )
                .at(by.span())
                .help(crate::say!(
                    "hãy ghi theo đơn vị còn tồn tại vào ngày đó (sau khi hợp nhất, đơn vị kế nhiệm tiếp nhận công việc)",
                    "record it by the unit that existed that day (a successor takes over after the merger)"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::build::tests::{HEADER, codes};

    /// `plan` with `tables` (`[[plan.…]]`) after its `[plan]` keys.
    fn with_plan_tables(tables: &str, plan: &str) -> String {
        plan.replacen("year = 2024\n", &format!("year = 2024\n{tables}\n"), 1)
    }

    fn task(keys: &str, records: &str) -> String {
        format!(
            "{HEADER}\n[[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"u\"]\n\
             schedule = {{ kind = \"ongoing\" }}\n{keys}\n{records}"
        )
    }

    #[test]
    fn dates_in_force_on_both_sides_of_each_boundary() {
        let record = |date: &str| format!("[[tasks.records]]\ndate = {date}\nnote = \"x\"\n");
        let cases: [(&str, String, &[&str]); 12] = [
            (
                "begins = ends",
                task("begins = 2024-03-01\nends = 2024-03-01", ""),
                &[],
            ),
            (
                "ends the day before it begins",
                task("begins = 2024-03-01\nends = 2024-02-29", ""),
                &["ends-before-it-begins"],
            ),
            (
                "ends on the plan's last day",
                task("ends = 2024-12-31", ""),
                &[],
            ),
            (
                "ends the day after",
                task("ends = 2025-01-01", ""),
                &["outside-the-plan"],
            ),
            (
                "begins on the plan's first day",
                task("begins = 2024-01-01", ""),
                &[],
            ),
            (
                "begins the day before",
                task("begins = 2023-12-31", ""),
                &["outside-the-plan"],
            ),
            (
                "recorded on its last day",
                task("ends = 2024-06-30", &record("2024-06-30")),
                &[],
            ),
            (
                "recorded the day after",
                task("ends = 2024-06-30", &record("2024-07-01")),
                &["recorded-after-end"],
            ),
            (
                "an amendment it names",
                with_plan_tables(
                    "[[plan.amendments]]\nid = \"sd1\"\ndate = 2024-06-15\n",
                    &task("amendment = \"sd1\"", ""),
                ),
                &[],
            ),
            (
                "an amendment it does not",
                task("amendment = \"sd2\"", ""),
                &["unknown-amendment"],
            ),
            (
                "a unit that succeeds itself",
                format!(
                    "{HEADER}\n[[units]]\nid = \"v\"\nname = \"V\"\nends = 2024-02-29\nsuccessor = \"v\"\n"
                ),
                &["own-successor"],
            ),
            (
                "a successor and no end",
                format!("{HEADER}\n[[units]]\nid = \"v\"\nname = \"V\"\nsuccessor = \"u\"\n"),
                &["successor-without-end"],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(codes(&text), expected, "{name}");
        }
    }

    #[test]
    fn changes_of_goal_and_of_names() {
        let target = |keys: &str| {
            format!(
                "{HEADER}\n[[targets]]\nid = \"g\"\ntext = \"x\"\nkind = \"percent_at_least\"\n\
                 percent = 80\n{keys}\n"
            )
        };
        let cases: [(&str, String, &[&str]); 7] = [
            (
                "a change",
                target("changes = [{ from = 2024-07-01, percent = 90 }]"),
                &[],
            ),
            (
                "two on one day",
                target(
                    "changes = [{ from = 2024-07-01, percent = 90 }, { from = 2024-07-01, percent = 95 }]",
                ),
                &["two-changes-one-day"],
            ),
            (
                "outside the plan's years",
                target("changes = [{ from = 2025-01-01, percent = 90 }]"),
                &["outside-the-plan"],
            ),
            (
                "a key the kind does not take",
                target("changes = [{ from = 2024-07-01, max = 1 }]"),
                &["goal-does-not-fit-kind"],
            ),
            (
                "a change of nothing",
                target("changes = [{ from = 2024-07-01 }]"),
                &["empty-change"],
            ),
            (
                "after the target ended",
                target("ends = 2024-06-30\nchanges = [{ from = 2024-07-01, percent = 90 }]"),
                &["change-outside-life"],
            ),
            (
                "names changed twice in a day",
                with_plan_tables(
                    "[[plan.changes]]\nfrom = 2024-03-01\nagency = \"B\"\n\n\
                     [[plan.changes]]\nfrom = 2024-03-01\nagency = \"C\"\n",
                    HEADER,
                ),
                &["two-changes-one-day"],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(codes(&text), expected, "{name}");
        }
    }
}
