//! Filled forms turned into records, checked row by row against the plan as
//! `ddci record` would check one: what each row asks to add, which rows add
//! nothing (already imported, unchanged), which correct an earlier import,
//! and every problem with its cell. Nothing here writes; `commands/import.rs`
//! writes all of it at once, or nothing.
//!
//! A row's record has an id made of the unit, the period and the row's key
//! (`phieu/thanh-tra/2024-Q2/7.2`): importing the same form again finds it
//! and adds nothing; a changed row adds a record that corrects it
//! (`…/7.2#2`). A form's return is recorded as the unit's report for the
//! period, under the reporting duty that asks for it.

use chrono::NaiveDate;

use crate::form::columns::Column;
use crate::form::read::{Filled, Place, Row, Sheet, Value, text_value};
use crate::form::{Form, Measure, default_date, plan_identity, values};
use crate::period::{Period, format_day};
use crate::plan::date::PlanDate;
use crate::plan::file::{self, PlanFile};
use crate::plan::model::{Plan, UnitRef};
use crate::record_entry::{NewRecord, Parent};
use crate::status::AsOf;

/// One record to add, and why.
#[derive(Debug, Clone)]
pub struct Planned {
    pub place: Place,
    pub parent: Parent,
    /// The task, target or reporting duty id.
    pub subject: String,
    pub record: NewRecord,
    /// It corrects an earlier import of the same row.
    pub correction: bool,
}

/// What one form brings.
#[derive(Debug, Default)]
pub struct FormImport {
    pub file: String,
    /// "Thanh tra Sở, Quý II/2024"
    pub about: String,
    pub records: Vec<Planned>,
    /// Rows already imported as they are.
    pub unchanged: usize,
    pub problems: Vec<(Place, String)>,
}

/// What `filled` asks to add to `plan` (read as `file`), on `today`.
pub fn plan(plan: &Plan, file: &PlanFile, filled: &Filled, today: NaiveDate) -> FormImport {
    let mut out = FormImport {
        file: filled.file.clone(),
        problems: filled.problems.clone(),
        ..FormImport::default()
    };
    let whole = Place {
        file: filled.file.clone(),
        sheet: None,
        row: 0,
        column: None,
    };
    let (unit, period) = match identity(plan, filled) {
        Ok(found) => found,
        Err(problem) => {
            out.problems.push((whole, problem));
            return out;
        }
    };
    let unit_id = plan.unit(unit).id.clone();
    let period_key = crate::period_key::key(&period).unwrap_or_default();
    out.about = format!(
        "{}, {}",
        crate::describe::unit_full_name(plan, unit),
        period.name(crate::labels::Language::Vi)
    );
    let as_of = AsOf::closed(period.end.min(today).max(period.start));
    let form = Form::new(plan, unit, period, as_of);
    let stored_keys: Option<Vec<&str>> = filled
        .identity
        .get("keys")
        .map(|keys| keys.lines().collect());
    let mut seen: Vec<&str> = Vec::new();
    for row in &filled.rows {
        let key = row.key.as_str();
        let known_to_form = form.keys().iter().any(|known| known == key)
            && stored_keys
                .as_ref()
                .is_none_or(|stored| stored.contains(&key));
        if !known_to_form {
            out.problems.push((
                row.place.clone(),
                format!(
                    "`{key}` is not a row of this form\nhelp: do not edit the column `{}`; make a new form with `ddci form --owner {unit_id} …` if the plan changed",
                    Column::Key.heading()
                ),
            ));
            continue;
        }
        if seen.contains(&key) {
            out.problems.push((
                row.place.clone(),
                format!("`{key}` is in the form twice\nhelp: keep one row for it"),
            ));
            continue;
        }
        seen.push(key);
        if row.cells.is_empty() {
            continue;
        }
        match row_record(plan, &form, row, &unit_id, today) {
            Ok(Some((parent, subject, mut record))) => {
                let base = format!("phieu/{unit_id}/{period_key}/{key}");
                match earlier_import(file, parent, &subject, &base) {
                    Some((_, same)) if same(&record) => out.unchanged += 1,
                    Some((latest, _)) => {
                        record.id = Some(next_id(&base, &latest));
                        record.corrects = Some(latest);
                        out.records.push(Planned {
                            place: row.place.clone(),
                            parent,
                            subject,
                            record,
                            correction: true,
                        });
                    }
                    None => {
                        record.id = Some(base);
                        out.records.push(Planned {
                            place: row.place.clone(),
                            parent,
                            subject,
                            record,
                            correction: false,
                        });
                    }
                }
            }
            Ok(None) => {}
            Err(problems) => out.problems.extend(problems),
        }
    }
    let returned = !out.records.is_empty() || out.unchanged > 0;
    let filed = (returned && out.problems.is_empty())
        .then(|| form_returned(plan, unit, &period, &filled.file, today))
        .flatten();
    if let Some(filed) = filed {
        out.records.push(Planned {
            place: whole,
            ..filed
        });
    }
    out
}

/// The unit and period the form is for, and that it is this plan's.
fn identity(plan: &Plan, filled: &Filled) -> Result<(UnitRef, Period), String> {
    let (unit, period) = if filled.identity.is_empty() {
        // A CSV names them on each row.
        let mut units = filled.rows.iter().filter_map(|row| row.unit.clone());
        let mut periods = filled.rows.iter().filter_map(|row| row.period.clone());
        let (Some(unit), Some(period)) = (units.next(), periods.next()) else {
            return Err(format!(
                "the CSV does not say whose form it is and for which period\nhelp: add the columns `{}` (a unit id) and `{}` (e.g. 2024-Q2)",
                crate::form::read::CSV_UNIT,
                crate::form::read::CSV_PERIOD
            ));
        };
        if units.any(|other| other != unit) || periods.any(|other| other != period) {
            return Err(
                "the rows are for several units or periods\nhelp: one file holds one unit's form for one period".to_owned(),
            );
        }
        (unit, period)
    } else {
        if filled.identity.get("form").map(String::as_str) != Some("ddci-phieu-bao-cao") {
            return Err("this workbook is not a ddci form\nhelp: send back the workbook made by `ddci form`".to_owned());
        }
        for (key, value) in plan_identity(plan) {
            let found = filled
                .identity
                .get(key)
                .map(String::as_str)
                .unwrap_or_default();
            if found != value {
                return Err(format!(
                    "this form was made for another plan: its {key} is “{found}”, this plan's is “{value}”\nhelp: import it into the plan it was made from, or make a new form with `ddci form`"
                ));
            }
        }
        let get = |key: &str| filled.identity.get(key).cloned().unwrap_or_default();
        (get("unit"), get("period"))
    };
    let unit_ref = plan.unit_by_id(&unit).ok_or_else(|| {
        format!("the form is for the unit `{unit}`, which this plan does not have\nhelp: `ddci list units` shows the plan's units")
    })?;
    let period = crate::period_key::parse(&period)?;
    Ok((unit_ref, period))
}

/// A row's record with its parent and subject, or the problems of its cells.
type RowRecord = Result<Option<(Parent, String, NewRecord)>, Vec<(Place, String)>>;

/// A row's record: its parent and subject, or the problems of its cells.
fn row_record(plan: &Plan, form: &Form<'_>, row: &Row, unit: &str, today: NaiveDate) -> RowRecord {
    let mut problems = Vec::new();
    let mut record = NewRecord {
        by: Some(unit.to_owned()),
        ..NewRecord::default()
    };
    let (parent, subject, period, measure) = match row.sheet {
        Sheet::Tasks => {
            let task = form
                .tasks
                .iter()
                .find(|task| task.key == row.key)
                .map(|task| plan.task(task.task).id.clone())
                .unwrap_or_default();
            (Parent::Task, task, form.period, None)
        }
        Sheet::Targets => {
            let Some(target) = form.targets.iter().find(|target| target.key == row.key) else {
                return Ok(None);
            };
            (
                Parent::Target,
                plan.target(target.target).id.clone(),
                target.period,
                Some(target.measure),
            )
        }
    };
    let mut date = None;
    let mut says_something = false;
    for (column, at, value) in &row.cells {
        let place = row.place.at_column(*at);
        let text = || text_value(value).trim().to_owned();
        if let Value::Error(error) = value {
            problems.push((
                place,
                format!("the cell holds an error ({error})\nhelp: type the value itself"),
            ));
            continue;
        }
        match column {
            Column::Status => match measure {
                Some(Measure::Value | Measure::Count) => problems.push((
                    place,
                    "this target is measured by a number, not a status\nhelp: write the figure in the column `Số liệu trong kỳ`".to_owned(),
                )),
                _ => match values::status(&text()) {
                    Ok(status) => {
                        record.status = Some(status);
                        says_something = true;
                    }
                    Err(problem) => problems.push((place, problem)),
                },
            },
            Column::Value => {
                if measure == Some(Measure::Status) {
                    problems.push((
                        place,
                        "this target is done or not, not a number\nhelp: choose its status in the column `Tiến độ`".to_owned(),
                    ));
                    continue;
                }
                let number = match value {
                    Value::Number(number) => Ok(*number),
                    _ => values::number(&text()),
                };
                match number {
                    Ok(number) if number.is_finite() && number >= 0.0 => {
                        record.value = Some(number);
                        says_something = true;
                    }
                    Ok(number) => problems.push((place, format!("{number} cannot be a figure here; figures are 0 or more"))),
                    Err(problem) => problems.push((place, problem)),
                }
            }
            Column::Date => {
                let day = match value {
                    Value::Date(serial) | Value::Number(serial) => values::excel_day(*serial)
                        .ok_or_else(|| format!("{serial} is not a date; write it as dd/mm/yyyy")),
                    _ => values::date_text(&text()),
                };
                match day {
                    Ok(day) if period.contains(day) => date = Some(day),
                    Ok(day) => problems.push((
                        place,
                        format!(
                            "{} is outside {} ({} – {}), the period of this row\nhelp: a later result goes in the next period's form",
                            format_day(day, crate::labels::Language::Vi),
                            period.name(crate::labels::Language::Vi),
                            format_day(period.start, crate::labels::Language::Vi),
                            format_day(period.end, crate::labels::Language::Vi)
                        ),
                    )),
                    Err(problem) => problems.push((place, problem)),
                }
            }
            text_column => {
                let slot = match text_column {
                    Column::Done | Column::Note => &mut record.note,
                    Column::Evidence => &mut record.evidence,
                    Column::Difficulty => &mut record.shortcoming,
                    Column::Cause => &mut record.cause,
                    Column::Proposal => &mut record.proposal,
                    _ => continue,
                };
                *slot = Some(text());
                says_something = true;
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if !says_something {
        return Err(vec![(
            row.place.clone(),
            "the row has a date and nothing else\nhelp: fill in what was done (or the figure), or clear the date".to_owned(),
        )]);
    }
    record.date = Some(PlanDate(
        date.unwrap_or_else(|| default_date(&period, today)),
    ));
    Ok(Some((parent, subject, record)))
}

/// The latest record an earlier import of this row made (`base`, `base#2`,
/// …): its id, and a test of whether a new record says the same.
fn earlier_import<'f>(
    file: &'f PlanFile,
    parent: Parent,
    subject: &str,
    base: &str,
) -> Option<(String, impl Fn(&NewRecord) -> bool + 'f)> {
    let records: &[file::Record] = match parent {
        Parent::Task => {
            &file
                .tasks
                .iter()
                .find(|task| task.id.get_ref() == subject)?
                .records
        }
        Parent::Target => {
            &file
                .targets
                .iter()
                .find(|target| target.id.get_ref() == subject)?
                .records
        }
        Parent::Reporting => return None,
    };
    let latest = records
        .iter()
        .filter_map(|record| {
            let id = record.id.as_ref()?.get_ref();
            let round = if id == base {
                1
            } else {
                id.strip_prefix(base)?
                    .strip_prefix('#')?
                    .parse::<u32>()
                    .ok()?
            };
            Some((round, record))
        })
        .max_by_key(|(round, _)| *round)?
        .1;
    let id = latest.id.as_ref()?.get_ref().clone();
    let same = move |new: &NewRecord| {
        new.date.map(|date| date.0) == Some(latest.date.get_ref().0)
            && new.status == latest.status.as_ref().map(|status| *status.get_ref())
            && new.value == latest.value.as_ref().map(|value| *value.get_ref())
            && new.note == latest.note
            && new.evidence == latest.evidence
            && new.shortcoming == latest.shortcoming
            && new.cause == latest.cause
            && new.proposal == latest.proposal
    };
    Some((id, same))
}

/// `base#2` after `base`, `base#3` after `base#2`.
fn next_id(base: &str, latest: &str) -> String {
    let round = latest
        .strip_prefix(base)
        .and_then(|rest| rest.strip_prefix('#'))
        .and_then(|round| round.parse::<u32>().ok())
        .unwrap_or(1);
    format!("{base}#{}", round + 1)
}

/// The unit's report for the period, as sent on `today`: under the duty
/// that asks the unit for a report of this period, unless already recorded.
fn form_returned(
    plan: &Plan,
    unit: UnitRef,
    period: &Period,
    file_name: &str,
    today: NaiveDate,
) -> Option<Planned> {
    let key = crate::period_key::key(period)?;
    let duty = plan.reporting.iter().find(|duty| {
        duty.id.is_some()
            && duty.to.is_some()
            && plan.reporters(duty).contains(&unit)
            && duty
                .periods
                .iter()
                .any(|every| crate::period_key::is_a(period, *every))
    })?;
    let already = duty
        .filed
        .iter()
        .any(|filed| filed.by == unit && filed.period == *period);
    if already {
        return None;
    }
    let duty_id = duty.id.clone()?;
    let unit_id = plan.unit(unit).id.clone();
    Some(Planned {
        place: Place {
            file: file_name.to_owned(),
            sheet: None,
            row: 0,
            column: None,
        },
        parent: Parent::Reporting,
        subject: duty_id,
        record: NewRecord {
            id: Some(format!("phieu/{unit_id}/{key}")),
            date: Some(PlanDate(today.max(period.start))),
            by: Some(unit_id),
            period: Some(key),
            note: Some(format!("Phiếu báo cáo {file_name} (ddci import)")),
            ..NewRecord::default()
        },
        correction: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_count_up_from_the_first_import() {
        assert_eq!(
            next_id("phieu/u/2024-Q2/1.1", "phieu/u/2024-Q2/1.1"),
            "phieu/u/2024-Q2/1.1#2"
        );
        assert_eq!(
            next_id("phieu/u/2024-Q2/1.1", "phieu/u/2024-Q2/1.1#2"),
            "phieu/u/2024-Q2/1.1#3"
        );
        assert_eq!(
            next_id("phieu/u/2024-Q2/1.1", "phieu/u/2024-Q2/1.1#9"),
            "phieu/u/2024-Q2/1.1#10"
        );
    }
}
