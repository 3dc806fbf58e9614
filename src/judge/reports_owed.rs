//! The reports a plan's reporting duties call for: who owes which period's
//! report, when its data is cut off, when it must be sent, and whether it has
//! been filed (a `[[reporting.records]]` entry, made by `ddci record`).
//!
//! A quarter's report and the half-year's report that end on the same day are
//! one report in practice ("Báo cáo quý II và 6 tháng đầu năm"): they are owed
//! together, and a unit that files either has filed it.

use chrono::{Days, NaiveDate};

use crate::judge::status::AsOf;
use crate::plan::model::{FiledReport, Plan, ReportingDuty, UnitRef};
use crate::time::period::Period;

/// One report one unit owes under one duty.
#[derive(Debug, Clone)]
pub struct OwedReport<'p> {
    pub duty: &'p ReportingDuty,
    /// The duty's place in `plan.reporting`.
    pub duty_position: usize,
    pub reporter: UnitRef,
    /// The periods it covers, shortest first (Quý II, then 6 tháng đầu năm).
    pub periods: Vec<Period>,
    /// The last day of data it reports on.
    pub cutoff: NaiveDate,
    /// The day it must be sent by, when the plan says.
    pub due: Option<NaiveDate>,
    /// What the unit filed for it by the as-of day, earliest first.
    pub filed: Vec<&'p FiledReport>,
    pub state: ReportState,
}

/// Where an owed report stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    /// Filed on `on`; `late` when after its due date.
    Filed { on: NaiveDate, late: bool },
    /// Its due date has passed and nothing was filed.
    Late,
    /// Its period is over, nothing was filed, and the plan sets no due date:
    /// awaited, but not late.
    Awaited,
    /// Its period is not over yet, or its due date has not passed.
    NotYetDue,
}

impl OwedReport<'_> {
    /// The period whose end the report falls due at (its shortest).
    pub fn period(&self) -> &Period {
        &self.periods[0]
    }
}

/// Every report owed under the plan's duties for the plan's year, by duty,
/// then period end, then reporter, judged at `moment`.
pub fn owed(plan: &Plan, moment: AsOf) -> Vec<OwedReport<'_>> {
    let moment = moment.for_reports();
    let (year_start, year_end) = plan.year_bounds();
    let Ok(year) = Period::range(year_start, year_end) else {
        return Vec::new();
    };
    let mut owed = Vec::new();
    for (duty_position, duty) in plan.reporting.iter().enumerate() {
        let mut periods: Vec<Period> = duty
            .periods
            .iter()
            .flat_map(|every| Period::each(*every, &year))
            .collect();
        // By end day, the shortest period first.
        periods.sort_by_key(|period| (period.end, std::cmp::Reverse(period.start)));
        periods.dedup();
        let mut groups: Vec<Vec<Period>> = Vec::new();
        for period in periods {
            match groups.last_mut() {
                Some(group) if group[0].end == period.end => group.push(period),
                _ => groups.push(vec![period]),
            }
        }
        for group in groups {
            // Under Decree 09/2019 a period's data ends on the 14th; its
            // cut-off and due date count from there.
            let end = group[0].under(plan.report.periods).end;
            let cutoff = end
                .checked_sub_days(Days::new(u64::from(duty.cutoff_days_before.unwrap_or(0))))
                .unwrap_or(end);
            let due = plan.due_after(end, duty.due_days_after);
            for reporter in plan.reporters_on(duty, end) {
                let filed: Vec<&FiledReport> = duty
                    .filed
                    .iter()
                    .filter(|report| report.date <= moment.day)
                    .filter(|report| files_for(plan, reporter, report.by))
                    .filter(|report| group.contains(&report.period))
                    .collect();
                let state = match filed.first() {
                    Some(first) => ReportState::Filed {
                        on: first.date,
                        late: due.is_some_and(|due| first.date > due),
                    },
                    None => match due {
                        // Due after the plan stopped (the district ended on
                        // 30/06, its Q2 report due on 07/07): awaited, never
                        // late.
                        Some(due) if plan.in_force.ends.is_some_and(|ends| due > ends) => {
                            if moment.passed(end) {
                                ReportState::Awaited
                            } else {
                                ReportState::NotYetDue
                            }
                        }
                        Some(due) if moment.passed(due) => ReportState::Late,
                        None if moment.passed(end) => ReportState::Awaited,
                        Some(_) | None => ReportState::NotYetDue,
                    },
                };
                owed.push(OwedReport {
                    duty,
                    duty_position,
                    reporter,
                    periods: group.clone(),
                    cutoff,
                    due,
                    filed,
                    state,
                });
            }
        }
    }
    owed
}

/// The day after which nothing about the plan's reports changes: every one
/// has fallen due (or its period ended, when the plan sets no due date) and
/// the last recorded was sent. A view of a year long over judges its
/// reports on this day, not on today, and reads the same whenever it is
/// made.
pub fn settled_on(plan: &Plan) -> Option<NaiveDate> {
    owed(plan, AsOf::open(NaiveDate::MAX))
        .iter()
        .flat_map(|report| {
            let falls_due = report.due.unwrap_or(report.period().end);
            std::iter::once(falls_due).chain(report.filed.iter().map(|filed| filed.date))
        })
        .max()
}

/// The moment a view of the plan is taken at when no day is asked for:
/// `AsOf::default_for`, with the reports judged on today once the year is
/// over (its last reports fall due in January).
pub fn view_on(plan: &Plan, today: NaiveDate) -> AsOf {
    let view = AsOf::default_for(plan, today);
    if view.day < today {
        view.with_reports_on(judged_on(plan, today))
    } else {
        view
    }
}

/// The moment reports are judged at when no day is asked for: today (the
/// year's last reports fall due in January, after the plan's last day), but
/// no later than the day the plan's reports are settled, so that a year long
/// over reads the same whenever it is shown.
pub fn judged_on(plan: &Plan, today: NaiveDate) -> AsOf {
    match settled_on(plan) {
        Some(settled) if settled < today => AsOf::closed(settled),
        _ => AsOf::open(today),
    }
}

/// Whether a report by `by` is the report `reporter` owes: its own, or one
/// sent by a unit it stands for (a group's member, a unit it took over from,
/// validation having refused anyone else).
fn files_for(plan: &Plan, reporter: UnitRef, by: UnitRef) -> bool {
    by == reporter || plan.stands_for(reporter, by) || plan.stands_for(by, reporter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::build::tests::{plan_from, problems};

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    /// Units `a` and `b` in group `g` (listed members unless `listed` is
    /// false) report quarterly to `o`, `due` days after each quarter.
    fn plan(due: Option<u32>, listed: bool, filed: &str) -> Plan {
        let members = if listed {
            "members = [\"a\", \"b\", \"o\"]\n"
        } else {
            ""
        };
        let due = due.map_or_else(String::new, |days| format!("due_days_after = {days}\n"));
        plan_from(&format!(
            "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
             [[units]]\nid = \"a\"\nname = \"A\"\n\n[[units]]\nid = \"b\"\nname = \"B\"\n\n\
             [[units]]\nid = \"o\"\nname = \"Office\"\n\n\
             [[units]]\nid = \"g\"\nname = \"Group\"\nkind = \"group\"\n{members}\n\
             [[reporting]]\nid = \"d\"\nfrom = [\"g\"]\nto = \"o\"\nperiods = [\"quarter\", \"half\"]\n{due}\n{filed}"
        ))
    }

    fn filed(by: &str, period: &str, date: &str) -> String {
        format!("[[reporting.records]]\ndate = {date}\nby = \"{by}\"\nperiod = \"{period}\"\n\n")
    }

    /// The state of `unit`'s report ending on `end`, at `moment`.
    fn state(plan: &Plan, unit: &str, end: &str, moment: AsOf) -> ReportState {
        let unit = plan.unit_by_id(unit).expect("unit");
        owed(plan, moment)
            .into_iter()
            .find(|owed| owed.reporter == unit && owed.period().end == day(end))
            .map(|owed| owed.state)
            .expect("an owed report")
    }

    /// Settled once the last report falls due (the year's Q4 report, five
    /// days after its period; without a due date, at its period's end), or
    /// when the last report was sent, whichever is later.
    /// Once the year is over, a view of the plan stands as on 31/12, but its
    /// last reports (due 06/01/2025, five days on and past New Year's Day)
    /// are judged on the day itself: sent on 03/01 is sent from 03/01; not
    /// sent is late from 07/01.
    #[test]
    fn the_year_s_last_reports_are_judged_in_january() {
        let sent = plan(Some(5), true, &filed("a", "2024-Q4", "2025-01-03"));
        let cases = [
            ("2025-01-02", ReportState::NotYetDue, ReportState::NotYetDue),
            (
                "2025-01-03",
                ReportState::Filed {
                    on: day("2025-01-03"),
                    late: false,
                },
                ReportState::NotYetDue,
            ),
            (
                "2025-01-06",
                ReportState::Filed {
                    on: day("2025-01-03"),
                    late: false,
                },
                ReportState::NotYetDue,
            ),
            (
                "2025-01-07",
                ReportState::Filed {
                    on: day("2025-01-03"),
                    late: false,
                },
                ReportState::Late,
            ),
        ];
        for (today, a, b) in cases {
            let moment = view_on(&sent, day(today));
            assert_eq!(moment.day, day("2024-12-31"), "{today}");
            assert_eq!(state(&sent, "a", "2024-12-31", moment), a, "a on {today}");
            assert_eq!(state(&sent, "b", "2024-12-31", moment), b, "b on {today}");
        }
    }

    #[test]
    fn reports_are_settled_when_the_last_falls_due_or_is_sent() {
        let cases = [
            (Some(5), String::new(), "2025-01-06"),
            (None, String::new(), "2024-12-31"),
            (Some(5), filed("a", "2024-Q4", "2025-01-03"), "2025-01-06"),
            (Some(5), filed("a", "2024-Q4", "2025-02-10"), "2025-02-10"),
        ];
        for (due, filed, settled) in cases {
            let plan = plan(due, true, &filed);
            assert_eq!(settled_on(&plan), Some(day(settled)), "{due:?} {filed}");
        }
    }

    #[test]
    fn members_each_owe_a_report_the_recipient_owes_none() {
        let plan = plan(Some(5), true, "");
        let owed = owed(&plan, AsOf::open(day("2024-05-01")));
        let reporters: Vec<&str> = owed
            .iter()
            .filter(|owed| owed.period().end == day("2024-06-30"))
            .map(|owed| plan.unit(owed.reporter).id.as_str())
            .collect();
        assert_eq!(reporters, ["a", "b"]);
        // Quý II and the first half end together: one report covering both.
        let periods: Vec<String> = owed[2]
            .periods
            .iter()
            .filter_map(crate::time::period_key::key)
            .collect();
        assert_eq!(periods, ["2024-Q2", "2024-H1"]);
        assert_eq!(owed[2].due, Some(day("2024-07-05")));
        assert_eq!(owed.len(), 2 * 4, "four quarter ends, two units");
    }

    #[test]
    fn a_report_is_late_only_once_its_due_day_is_over() {
        let plan = plan(Some(5), true, &filed("a", "2024-Q2", "2024-07-05"));
        let cases = [
            // (unit, moment, expected)
            ("b", AsOf::open(day("2024-06-30")), ReportState::NotYetDue),
            ("b", AsOf::open(day("2024-07-05")), ReportState::NotYetDue),
            ("b", AsOf::closed(day("2024-07-05")), ReportState::Late),
            ("b", AsOf::open(day("2024-07-06")), ReportState::Late),
            ("a", AsOf::open(day("2024-07-04")), ReportState::NotYetDue),
            (
                "a",
                AsOf::open(day("2024-07-05")),
                ReportState::Filed {
                    on: day("2024-07-05"),
                    late: false,
                },
            ),
        ];
        for (unit, moment, expected) in cases {
            assert_eq!(
                state(&plan, unit, "2024-06-30", moment),
                expected,
                "{unit} at {moment:?}"
            );
        }
    }

    #[test]
    fn sent_after_the_due_day_is_sent_late_and_either_period_of_a_pair_counts() {
        let plan = plan(
            Some(5),
            true,
            &(filed("a", "2024-H1", "2024-07-06") + &filed("b", "2024-Q1", "2024-04-01")),
        );
        let moment = AsOf::open(day("2024-08-01"));
        assert_eq!(
            state(&plan, "a", "2024-06-30", moment),
            ReportState::Filed {
                on: day("2024-07-06"),
                late: true
            }
        );
        assert_eq!(
            state(&plan, "b", "2024-03-31", moment),
            ReportState::Filed {
                on: day("2024-04-01"),
                late: false
            }
        );
        // A's Q1 report was never sent; b's Q1 report is not a's.
        assert_eq!(state(&plan, "a", "2024-03-31", moment), ReportState::Late);
    }

    #[test]
    fn with_no_due_date_a_report_is_awaited_once_its_period_is_over_never_late() {
        let plan = plan(None, true, "");
        let cases = [
            (AsOf::open(day("2024-06-30")), ReportState::NotYetDue),
            (AsOf::closed(day("2024-06-30")), ReportState::Awaited),
            (AsOf::open(day("2024-12-31")), ReportState::Awaited),
        ];
        for (moment, expected) in cases {
            assert_eq!(
                state(&plan, "a", "2024-06-30", moment),
                expected,
                "{moment:?}"
            );
        }
    }

    #[test]
    fn a_report_sent_after_the_as_of_day_is_not_seen() {
        let plan = plan(Some(5), true, &filed("a", "2024-Q1", "2024-04-10"));
        assert_eq!(
            state(&plan, "a", "2024-03-31", AsOf::open(day("2024-04-09"))),
            ReportState::Late
        );
    }

    /// Who may send a group's report: its members when the plan lists
    /// them; the group itself only when it says it reports as one; never
    /// a unit the plan does not put in the group.
    #[test]
    fn only_a_group_s_members_or_the_group_reporting_as_one_send_its_report() {
        let group_plan = |group_keys: &str, by: &str| {
            format!(
                "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
                 [[units]]\nid = \"a\"\nname = \"A\"\n\n[[units]]\nid = \"b\"\nname = \"B\"\n\n\
                 [[units]]\nid = \"o\"\nname = \"Office\"\n\n\
                 [[units]]\nid = \"g\"\nname = \"Group\"\nkind = \"group\"\n{group_keys}\n\
                 [[reporting]]\nid = \"d\"\nfrom = [\"g\"]\nto = \"o\"\nperiods = [\"quarter\"]\n\n\
                 {}",
                filed(by, "2024-Q1", "2024-04-02")
            )
        };
        let cases: [(&str, &str, &[&str]); 6] = [
            ("members = [\"a\"]\n", "a", &[]),
            ("members = [\"a\"]\n", "b", &["not-a-reporter"]),
            ("members = [\"a\"]\n", "g", &["not-a-reporter"]),
            ("", "b", &["not-a-reporter"]),
            ("", "g", &["not-a-reporter"]),
            ("reports_as_one = true\n", "g", &[]),
        ];
        for (keys, by, expected) in cases {
            if expected.is_empty() {
                // Valid: it builds.
                plan_from(&group_plan(keys, by));
            } else {
                assert_eq!(problems(&group_plan(keys, by)), expected, "{keys} by {by}");
            }
        }
        let plan = plan_from(&group_plan("reports_as_one = true\n", "g"));
        let owed = owed(&plan, AsOf::open(day("2024-04-20")));
        assert_eq!(plan.unit(owed[0].reporter).id, "g");
        assert_eq!(
            owed[0].state,
            ReportState::Filed {
                on: day("2024-04-02"),
                late: false
            }
        );
    }

    /// A unit owes the reports of the periods whose data ends while it
    /// exists; the successor owes those after it ended.
    #[test]
    fn a_unit_owes_reports_only_while_it_exists_and_its_successor_after() {
        let plan = plan_from(
            "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2025\n\n\
             [[units]]\nid = \"old\"\nname = \"Old\"\nends = 2025-02-28\nsuccessor = \"new\"\n\n\
             [[units]]\nid = \"new\"\nname = \"New\"\nbegins = 2025-03-01\n\n\
             [[units]]\nid = \"late\"\nname = \"Late\"\nbegins = 2025-03-01\n\n\
             [[units]]\nid = \"o\"\nname = \"Office\"\n\n\
             [[reporting]]\nid = \"d\"\nfrom = [\"old\", \"late\"]\nto = \"o\"\nperiods = [\"month\"]\n",
        );
        let owed = owed(&plan, AsOf::closed(day("2025-04-30")));
        let who = |month: &str| -> Vec<&str> {
            let end: NaiveDate = day(month);
            let mut units: Vec<&str> = owed
                .iter()
                .filter(|report| report.period().end == end)
                .map(|report| plan.unit(report.reporter).id.as_str())
                .collect();
            units.sort_unstable();
            units
        };
        assert_eq!(who("2025-01-31"), ["old"]);
        assert_eq!(who("2025-02-28"), ["old"]);
        assert_eq!(who("2025-03-31"), ["late", "new"]);
        assert_eq!(who("2025-04-30"), ["late", "new"]);
    }

    /// A duty or a plan that ends owes nothing for a period ending after it.
    #[test]
    fn nothing_is_owed_after_a_duty_or_the_plan_ends() {
        let text = |plan_end: &str, duty_end: &str| {
            format!(
                "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2025\n{plan_end}\n\
                 [[units]]\nid = \"a\"\nname = \"A\"\n\n[[units]]\nid = \"o\"\nname = \"O\"\n\n\
                 [[reporting]]\nid = \"d\"\nfrom = [\"a\"]\nto = \"o\"\nperiods = [\"quarter\"]\n{duty_end}"
            )
        };
        let ends = |plan: &Plan| -> Vec<NaiveDate> {
            owed(plan, AsOf::closed(day("2025-12-31")))
                .iter()
                .map(|report| report.period().end)
                .collect()
        };
        let cases = [
            (
                "",
                "",
                vec!["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"],
            ),
            ("ends = 2025-06-30\n", "", vec!["2025-03-31", "2025-06-30"]),
            ("ends = 2025-06-29\n", "", vec!["2025-03-31"]),
            ("", "ends = 2025-06-30\n", vec!["2025-03-31", "2025-06-30"]),
            (
                "",
                "begins = 2025-07-01\n",
                vec!["2025-09-30", "2025-12-31"],
            ),
        ];
        for (plan_end, duty_end, expected) in cases {
            let plan = plan_from(&text(plan_end, duty_end));
            let expected: Vec<NaiveDate> = expected.iter().map(|text| day(text)).collect();
            assert_eq!(ends(&plan), expected, "{plan_end} {duty_end}");
        }
    }

    #[test]
    fn what_a_filed_report_must_say_and_must_not() {
        let cases: [(&str, &[&str]); 7] = [
            ("by = \"a\"\n", &["filed-report-incomplete"]),
            ("period = \"2024-Q1\"\n", &["filed-report-incomplete"]),
            ("by = \"o\"\nperiod = \"2024-Q1\"\n", &["not-a-reporter"]),
            ("by = \"a\"\nperiod = \"2024-03\"\n", &["period-not-owed"]),
            ("by = \"a\"\nperiod = \"Q1\"\n", &["unknown-period"]),
            (
                "by = \"a\"\nperiod = \"2024-Q1\"\nvalue = 1\n",
                &["not-for-filed-report"],
            ),
            (
                "by = \"a\"\nperiod = \"2024-Q1\"\nstatus = \"done\"\n",
                &["not-for-filed-report"],
            ),
        ];
        let base = "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
             [[units]]\nid = \"a\"\nname = \"A\"\n\n[[units]]\nid = \"o\"\nname = \"Office\"\n\n\
             [[reporting]]\nid = \"d\"\nfrom = [\"a\"]\nto = \"o\"\nperiods = [\"quarter\"]\n\n\
             [[reporting.records]]\ndate = 2024-04-02\n";
        for (keys, expected) in cases {
            assert_eq!(problems(&format!("{base}{keys}")), expected, "{keys}");
        }
        let on_a_task = "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
             [[units]]\nid = \"a\"\nname = \"A\"\n\n[[indices]]\nid = \"i\"\nname = \"I\"\n\n\
             [[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"a\"]\n\
             schedule = { kind = \"ongoing\" }\n\n\
             [[tasks.records]]\ndate = 2024-04-02\nstatus = \"in_progress\"\nperiod = \"2024-Q1\"\n";
        assert_eq!(problems(on_a_task), ["period-outside-reporting"]);
    }
}
