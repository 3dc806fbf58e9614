//! Two figures for one target and one day from two units are a conflict,
//! not two results: an import that brings one, against another form of the
//! same import or against what the plan already records, is refused with
//! both sources named, so that the clerk asks which is right. Two forms of
//! one import giving one figure twice differently are a conflict even from
//! one unit; a unit's form giving another figure than its own earlier
//! record is its newer word. A count is not compared: events add up.

use crate::form::read::Place;
use crate::plan::model::Plan;
use crate::plan::target_kind::{Measure, Quantity};
use crate::words::labels::number;
use crate::write::import::{FormImport, Planned};
use crate::write::record_entry::Parent;

/// Adds a problem to each form whose figure conflicts with another's.
pub fn find(plan: &Plan, imports: &mut [FormImport]) {
    let mut found: Vec<(usize, Place, String)> = Vec::new();
    for (at, form) in imports.iter().enumerate() {
        for planned in form
            .records
            .iter()
            .filter(|planned| compared(plan, planned))
        {
            let Some((target, date, value)) = figure(plan, planned) else {
                continue;
            };
            let by = planned.record.by.as_deref();
            // Against another form of this import, the same unit's too (its
            // quarter's and its half year's form giving two figures for 30/06).
            // Each pair once, told on the first of the two.
            for other in imports.iter().skip(at + 1) {
                for theirs in &other.records {
                    let Some((their_target, their_date, their_value)) = figure(plan, theirs) else {
                        continue;
                    };
                    if their_target == target && their_date == date && differ(their_value, value) {
                        found.push((
                            at,
                            planned.place.clone(),
                            conflict(
                                plan,
                                target,
                                date,
                                value,
                                &row(&theirs.place).to_string(),
                                their_value,
                            ),
                        ));
                    }
                }
            }
            // Against what the plan records.
            let recorded = plan
                .targets
                .iter()
                .find(|known| known.id == target)
                .into_iter()
                .flat_map(|known| known.records.as_of(date))
                .filter(|record| record.date == date && record.corrected_on.is_none());
            for record in recorded {
                let (Some(their_value), Some(their_by)) = (record.value, record.by) else {
                    continue;
                };
                let their_unit = &plan.unit(their_by).id;
                if Some(their_unit.as_str()) != by && differ(their_value, value) {
                    let source = crate::say!(
                        "bản ghi của {} trong kế hoạch",
                        "the plan's record by {}",
                        crate::words::visible::one_line(crate::render::describe::unit_full_name(
                            plan, their_by, date
                        ))
                    );
                    found.push((
                        at,
                        planned.place.clone(),
                        conflict(plan, target, date, value, &source, their_value),
                    ));
                }
            }
        }
    }
    for (at, place, problem) in found {
        imports[at].problems.push((row(&place), problem));
    }
}

/// Whether two figures differ, beyond the rounding of a decimal read.
fn differ(one: f64, other: f64) -> bool {
    (one - other).abs() > 1e-9
}

/// The row of a record's place: the figure's cell is one of its columns.
fn row(place: &Place) -> Place {
    Place {
        column: None,
        ..place.clone()
    }
}

/// Whether the record is a figure compared with others: a value of a
/// target that is not a count.
fn compared(plan: &Plan, planned: &Planned) -> bool {
    planned.parent == Parent::Target
        && planned.record.value.is_some()
        && plan
            .targets
            .iter()
            .find(|target| target.id == planned.subject)
            .is_some_and(|target| target.goals.first().measure() != Measure::Value(Quantity::Count))
}

/// The target, day and value a planned record gives.
fn figure<'p>(plan: &Plan, planned: &'p Planned) -> Option<(&'p str, chrono::NaiveDate, f64)> {
    if !compared(plan, planned) {
        return None;
    }
    Some((
        planned.subject.as_str(),
        planned.record.date?.0,
        planned.record.value?,
    ))
}

fn conflict(
    plan: &Plan,
    target: &str,
    date: chrono::NaiveDate,
    value: f64,
    other: &str,
    other_value: f64,
) -> String {
    let name = plan
        .targets
        .iter()
        .find(|known| known.id == target)
        .map_or_else(
            || target.to_owned(),
            |known| {
                crate::words::visible::one_line(known.measure.as_deref().unwrap_or(&known.text))
            },
        );
    crate::say!(
        "{name}: {} cho ngày {}, nhưng {other} ghi {}\ngợi ý: mỗi số liệu chỉ do một đơn vị báo cáo; hỏi lại số nào đúng, sửa biểu mẫu kia rồi nhập lại",
        "{name}: {} for {}, but {other} gives {}\nhelp: one unit reports this figure; ask which is right and correct the other form, then import again",
        number(value, crate::words::speech::speaking()),
        crate::time::period::format_day(date, crate::words::speech::speaking()),
        number(other_value, crate::words::speech::speaking()),
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::find;
    use crate::form::read::Place;
    use crate::plan::date::PlanDate;
    use crate::write::import::{FormImport, Planned};
    use crate::write::record_entry::{NewRecord, Parent};

    /// Units `a` and `b`; `rate` a percent, `count` a count per month, and
    /// the plan's own records of `rate`: 80 by `a` on 10/06 and on 30/06.
    const PLAN: &str = "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
        [[units]]\nid = \"a\"\nname = \"A\"\n\n[[units]]\nid = \"b\"\nname = \"B\"\n\n\
        [[indices]]\nid = \"i\"\nname = \"I\"\n\n\
        [[targets]]\nid = \"rate\"\nkind = \"percent_at_least\"\nindex = \"i\"\npercent = 80\ntext = \"rate\"\n\n\
        [[targets.records]]\ndate = 2024-06-10\nvalue = 80\nby = \"a\"\n\n\
        [[targets.records]]\ndate = 2024-06-30\nvalue = 80\nby = \"a\"\n\n\
        [[targets]]\nid = \"count\"\nkind = \"count_at_least\"\nindex = \"i\"\nmin = 1\nper = \"month\"\ntext = \"count\"\n\n\
        [[targets.records]]\ndate = 2024-06-30\nvalue = 2\nby = \"a\"\n";

    fn figure(file: &str, subject: &str, by: &str, day: u32, value: f64) -> FormImport {
        FormImport {
            file: file.to_owned(),
            records: vec![Planned {
                place: Place::whole(file),
                parent: Parent::Target,
                subject: subject.to_owned(),
                record: NewRecord {
                    date: NaiveDate::from_ymd_opt(2024, 6, day).map(PlanDate),
                    value: Some(value),
                    by: Some(by.to_owned()),
                    ..NewRecord::default()
                },
                correction: false,
            }],
            ..FormImport::default()
        }
    }

    /// Which forms got a conflict, for each case: both sides of "the same
    /// target, the same day, another figure, another source".
    #[test]
    fn a_figure_conflicts_only_with_another_for_the_same_target_and_day() {
        let plan = crate::plan::build::tests::plan_from(PLAN);
        let cases: [(&str, Vec<FormImport>, [usize; 2]); 10] = [
            (
                "b's 80 for 30/06, as the plan's",
                vec![figure("x", "rate", "b", 30, 80.0)],
                [0, 0],
            ),
            (
                "b's 70 for 30/06 against a's 80",
                vec![figure("x", "rate", "b", 30, 70.0)],
                [1, 0],
            ),
            (
                "a's own 70: its newer word",
                vec![figure("x", "rate", "a", 30, 70.0)],
                [0, 0],
            ),
            (
                "b's 70 for 29/06: another day",
                vec![figure("x", "rate", "b", 29, 70.0)],
                [0, 0],
            ),
            (
                "b's 70 for 20/06, after a's of 10/06",
                vec![figure("x", "rate", "b", 20, 70.0)],
                [0, 0],
            ),
            (
                "b's 5 for a count: events add up",
                vec![figure("x", "count", "b", 30, 5.0)],
                [0, 0],
            ),
            (
                "two forms, 75 and 76 for 29/06",
                vec![
                    figure("x", "rate", "a", 29, 75.0),
                    figure("y", "rate", "a", 29, 76.0),
                ],
                [1, 0],
            ),
            (
                "two forms, 75 twice",
                vec![
                    figure("x", "rate", "a", 29, 75.0),
                    figure("y", "rate", "b", 29, 75.0),
                ],
                [0, 0],
            ),
            (
                "two forms, 75 and 76 on two days",
                vec![
                    figure("x", "rate", "a", 28, 75.0),
                    figure("y", "rate", "a", 29, 76.0),
                ],
                [0, 0],
            ),
            (
                "two forms, two counts the same day",
                vec![
                    figure("x", "count", "a", 29, 1.0),
                    figure("y", "count", "b", 29, 3.0),
                ],
                [0, 0],
            ),
        ];
        for (name, mut imports, expected) in cases {
            find(&plan, &mut imports);
            let mut got = [0, 0];
            for (at, import) in imports.iter().enumerate() {
                got[at] = import.problems.len();
            }
            assert_eq!(
                got,
                expected,
                "{name}: {:?}",
                imports
                    .iter()
                    .map(|import| &import.problems)
                    .collect::<Vec<_>>()
            );
        }
    }
}
