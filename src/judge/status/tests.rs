//! How each target kind is judged and what each task state means, as tables
//! of cases: the plan as written, the day, and the expected judgement.

#![allow(clippy::too_many_lines)] // tables of cases, read top to bottom

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::{AsOf, Assessment, TaskFlag, TaskState, compute};
use crate::plan::build::tests::{HEADER, plan_from};
use crate::time::period::Period;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day")
}

/// "2024-06-30" is that day still going on; "2024-06-30!" is its end.
fn moment(text: &str) -> AsOf {
    match text.strip_suffix('!') {
        Some(text) => AsOf::closed(day(text)),
        None => AsOf::open(day(text)),
    }
}

/// Index `i` has a previous score of 6.5 and rank 6 of 11; the unit as a
/// whole scored 70 and ranked 7 of 18. Task `t` is ongoing, `r` recurring
/// monthly on the last Wednesday.
const SCORES: &str = "previous_score = 6.5\nprevious_rank = { rank = 6, of = 11 }\n\
    [plan.overall]\nprevious_score = 70.0\nprevious_rank = { rank = 7, of = 18 }\n";

const TASKS: &str = "[[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"u\"]\n\
    schedule = { kind = \"ongoing\" }\n\
    [[tasks]]\nid = \"r\"\nindex = \"i\"\ntext = \"tiếp công dân\"\nlead = [\"u\"]\n\
    schedule = { kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }\n";

/// `records` are `(date, value)` pairs, or `(date, status)` for a word.
fn assess(target: &str, records: &[(&str, &str)], task_records: &[&str], at: &str) -> Assessment {
    let mut text = format!("{HEADER}{SCORES}{TASKS}");
    for date in task_records {
        let _ = write!(
            text,
            "[[tasks.records]]\ndate = {date}\nstatus = \"done\"\n"
        );
    }
    let _ = write!(text, "[[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n");
    for (date, what) in records {
        let field = if what.parse::<f64>().is_ok() {
            format!("value = {what}")
        } else {
            format!("status = \"{what}\"")
        };
        let _ = write!(text, "[[targets.records]]\ndate = {date}\n{field}\n");
    }
    let plan = plan_from(&text);
    compute(&plan, moment(at)).targets[0].assessment
}

use Assessment::{Met, NoData, NotMet, NotYetMet};

/// What is judged, the goal's keys, the `(date, value or status)` records,
/// the day (`!` once it is over), and the expected judgement.
type Case<'a> = (
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str)],
    &'a str,
    Assessment,
);

#[test]
fn targets_measured_by_a_value() {
    let cases: &[Case<'_>] = &[
        // kind, goal keys, records, as of, judgement
        (
            "percent on the goal",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "80")],
            "2024-07-01",
            Met,
        ),
        (
            "percent above",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "92.5")],
            "2024-07-01",
            Met,
        ),
        (
            "percent just below",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "79.996")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "percent a billionth below",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "79.999999999")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "score change with binary-fraction noise (7.54 − 6 = 1.54)",
            "kind = \"score_change_at_least\"\npoints = 1.54\nbaseline = 6",
            &[("2024-06-30", "7.54")],
            "2024-07-01",
            Met,
        ),
        (
            "percent below at year end",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-12-15", "79")],
            "2024-12-31!",
            NotMet,
        ),
        // Past the deadline, "not met" needs a figure of the three months
        // before it: June's is not the year's.
        (
            "percent below in June, nothing since, at year end",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "79")],
            "2024-12-31!",
            NoData,
        ),
        (
            "percent below on 30 September, at year end",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-09-30", "79")],
            "2024-12-31!",
            NoData,
        ),
        (
            "percent below on 1 October, at year end",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-10-01", "79")],
            "2024-12-31!",
            NotMet,
        ),
        (
            "percent below in June, before the deadline: not yet met",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "79")],
            "2024-12-31",
            NotYetMet,
        ),
        (
            "percent on the goal in June stays met",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "80")],
            "2024-12-31!",
            Met,
        ),
        (
            "percent below on the last day, going on",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-06-30", "79")],
            "2024-12-31",
            NotYetMet,
        ),
        (
            "percent with nothing recorded",
            "kind = \"percent_at_least\"\npercent = 80",
            &[],
            "2024-12-31!",
            NoData,
        ),
        (
            "record after the day is unseen",
            "kind = \"percent_at_least\"\npercent = 80",
            &[("2024-07-02", "90")],
            "2024-07-01",
            NoData,
        ),
        (
            "at most, on the goal",
            "kind = \"percent_at_most\"\npercent = 5",
            &[("2024-06-30", "5")],
            "2024-07-01",
            Met,
        ),
        (
            "at most, one above",
            "kind = \"percent_at_most\"\npercent = 5",
            &[("2024-06-30", "6")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "all: 100",
            "kind = \"all\"",
            &[("2024-06-30", "100")],
            "2024-07-01",
            Met,
        ),
        (
            "all: 99.9",
            "kind = \"all\"",
            &[("2024-06-30", "99.9")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "all, deadline today, going on",
            "kind = \"all\"\ndue = 2024-06-28",
            &[("2024-06-28", "99")],
            "2024-06-28",
            NotYetMet,
        ),
        (
            "all, deadline today, over",
            "kind = \"all\"\ndue = 2024-06-28",
            &[("2024-06-28", "99")],
            "2024-06-28!",
            NotMet,
        ),
        (
            "all, deadline yesterday",
            "kind = \"all\"\ndue = 2024-06-28",
            &[("2024-06-28", "99")],
            "2024-06-29",
            NotMet,
        ),
        (
            "all, deadline on a Sunday, the Monday going on",
            "kind = \"all\"\ndue = 2024-06-30",
            &[("2024-06-30", "99")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "all, deadline on a Sunday, the Monday over",
            "kind = \"all\"\ndue = 2024-06-30",
            &[("2024-06-30", "99")],
            "2024-07-01!",
            NotMet,
        ),
        (
            "change reached",
            "kind = \"change\"\ndirection = \"decrease\"\npercent = 30",
            &[("2024-06-30", "30")],
            "2024-07-01",
            Met,
        ),
        (
            "change short",
            "kind = \"change\"\ndirection = \"decrease\"\npercent = 30",
            &[("2024-06-30", "29.5")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "top 5, fifth (a tie counts)",
            "kind = \"rank_at_most\"\nrank = 5",
            &[("2024-06-30", "5")],
            "2024-07-01",
            Met,
        ),
        (
            "top 5, sixth",
            "kind = \"rank_at_most\"\nrank = 5",
            &[("2024-06-30", "6")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "score on the goal",
            "kind = \"score_at_least\"\nscore = 7.7\nindex = \"i\"",
            &[("2024-06-30", "7.7")],
            "2024-07-01",
            Met,
        ),
        (
            "score one hundredth below",
            "kind = \"score_at_least\"\nscore = 7.7\nindex = \"i\"",
            &[("2024-06-30", "7.69")],
            "2024-07-01",
            NotYetMet,
        ),
        // Rank improvement: index `i` was 6th, the unit 7th.
        (
            "rise 2 from the index's 6th: 4th",
            "kind = \"rank_improvement\"\nplaces = 2\nindex = \"i\"",
            &[("2024-06-30", "4")],
            "2024-07-01",
            Met,
        ),
        (
            "rise 2 from the index's 6th: 5th, not the overall 7th",
            "kind = \"rank_improvement\"\nplaces = 2\nindex = \"i\"",
            &[("2024-06-30", "5")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "rise 2 from the target's own 9th: 7th",
            "kind = \"rank_improvement\"\nplaces = 2\nindex = \"i\"\nbaseline_rank = { rank = 9 }",
            &[("2024-06-30", "7")],
            "2024-07-01",
            Met,
        ),
        (
            "rise 4 from the overall 7th: 3rd",
            "kind = \"rank_improvement\"\nplaces = 4",
            &[("2024-06-30", "3")],
            "2024-07-01",
            Met,
        ),
        (
            "rise 4 from the overall 7th: 4th",
            "kind = \"rank_improvement\"\nplaces = 4",
            &[("2024-12-31", "4")],
            "2024-12-31!",
            NotMet,
        ),
        // Score change: index 6.5, overall 70.
        (
            "+1.5 on the index's 6.5: 8",
            "kind = \"score_change_at_least\"\npoints = 1.5\nindex = \"i\"",
            &[("2024-06-30", "8")],
            "2024-07-01",
            Met,
        ),
        (
            "+1.5 on the index's 6.5: 7.99",
            "kind = \"score_change_at_least\"\npoints = 1.5\nindex = \"i\"",
            &[("2024-06-30", "7.99")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "+3 on the overall 70: 73",
            "kind = \"score_change_at_least\"\npoints = 3",
            &[("2024-06-30", "73")],
            "2024-07-01",
            Met,
        ),
        (
            "+3 on the target's own 72: 74",
            "kind = \"score_change_at_least\"\npoints = 3\nbaseline = 72",
            &[("2024-06-30", "74")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "maintain the index's 6.5: 6.5",
            "kind = \"maintain\"\nindex = \"i\"",
            &[("2024-06-30", "6.5")],
            "2024-07-01",
            Met,
        ),
        (
            "maintain the index's 6.5: 6.49 at year end",
            "kind = \"maintain\"\nindex = \"i\"",
            &[("2024-12-31", "6.49")],
            "2024-12-31!",
            NotMet,
        ),
        (
            "deliverable done",
            "kind = \"deliverable\"",
            &[("2024-06-30", "done")],
            "2024-07-01",
            Met,
        ),
        (
            "deliverable under way",
            "kind = \"deliverable\"",
            &[("2024-06-30", "in_progress")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "deliverable with nothing",
            "kind = \"deliverable\"",
            &[],
            "2024-07-01",
            NoData,
        ),
        (
            "deliverable with nothing past its deadline",
            "kind = \"deliverable\"\ndue = 2024-06-30",
            &[],
            "2024-07-01",
            NoData,
        ),
        (
            "deliverable due today, going on",
            "kind = \"deliverable\"\ndue = 2024-06-30",
            &[("2024-06-01", "in_progress")],
            "2024-06-30",
            NotYetMet,
        ),
        (
            "deliverable due yesterday",
            "kind = \"deliverable\"\ndue = 2024-06-28",
            &[("2024-06-01", "in_progress")],
            "2024-06-29",
            NotMet,
        ),
        // The issue's case: under way since April, nothing since, judged
        // at the year's end. Not known to have failed.
        (
            "deliverable under way in April, at year end",
            "kind = \"deliverable\"",
            &[("2024-04-10", "in_progress")],
            "2024-12-31!",
            NoData,
        ),
        (
            "deliverable still under way in December, at year end",
            "kind = \"deliverable\"",
            &[("2024-04-10", "in_progress"), ("2024-12-10", "in_progress")],
            "2024-12-31!",
            NotMet,
        ),
        (
            "deliverable due yesterday, under way three months and a day before",
            "kind = \"deliverable\"\ndue = 2024-06-28",
            &[("2024-03-28", "in_progress")],
            "2024-06-29",
            NoData,
        ),
        (
            "deliverable due yesterday, under way three months before less a day",
            "kind = \"deliverable\"\ndue = 2024-06-28",
            &[("2024-03-29", "in_progress")],
            "2024-06-29",
            NotMet,
        ),
        (
            "deliverable done after being late",
            "kind = \"deliverable\"\ndue = 2024-06-30",
            &[("2024-07-15", "done")],
            "2024-08-01",
            Met,
        ),
    ];
    judge_all(cases);
}

/// Judges every case and lists every one that came out wrong.
fn judge_all(cases: &[Case<'_>]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, target, records, at, expected)| {
            let got = assess(target, records, &[], at);
            (got != *expected).then(|| format!("{name}: expected {expected:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_goal_with_no_baseline_cannot_be_judged() {
    // No index scores, no overall result.
    let text = format!(
        "{HEADER}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\nkind = \"rank_improvement\"\nplaces = 2\nindex = \"i\"\n\
         [[targets.records]]\ndate = 2024-06-30\nvalue = 1\n"
    );
    let plan = plan_from(&text);
    assert_eq!(
        compute(&plan, moment("2024-12-31!")).targets[0].assessment,
        NoData
    );
}

#[test]
fn counts_per_period() {
    let monthly = "kind = \"count_at_least\"\nmin = 1\nper = \"month\"";
    let yearly_max = "kind = \"count_at_most\"\nmax = 1\nper = \"year\"";
    let per_enterprise =
        "kind = \"count_at_most\"\nmax = 1\nper = \"year\"\nper_entity = \"doanh nghiệp\"";
    let every_month_but_december: Vec<(String, &str)> = (1..=11)
        .map(|month| (format!("2024-{month:02}-15"), "1"))
        .collect();
    let but_december: Vec<(&str, &str)> = every_month_but_december
        .iter()
        .map(|(date, value)| (date.as_str(), *value))
        .collect();
    let cases: &[Case<'_>] = &[
        // February: nothing recorded in it; March's record does not say
        // that none were held.
        (
            "a month with nothing recorded between two recorded",
            monthly,
            &[("2024-01-10", "1"), ("2024-03-05", "1")],
            "2024-03-10",
            NoData,
        ),
        // February: recorded as none held.
        (
            "a month recorded as none",
            monthly,
            &[
                ("2024-01-10", "1"),
                ("2024-02-29", "0"),
                ("2024-03-05", "1"),
            ],
            "2024-03-10",
            NotMet,
        ),
        // February: nothing recorded since January; not known to be missed.
        (
            "a month after the last record",
            monthly,
            &[("2024-01-10", "1")],
            "2024-03-10",
            NoData,
        ),
        (
            "a month recorded as none",
            monthly,
            &[("2024-01-10", "1"), ("2024-02-29", "0")],
            "2024-03-10",
            NotMet,
        ),
        (
            "the month going on is not yet missed",
            monthly,
            &[("2024-01-10", "1"), ("2024-02-10", "1")],
            "2024-03-10",
            NotYetMet,
        ),
        (
            "the last day of a month, going on",
            monthly,
            &[("2024-01-10", "1"), ("2024-02-10", "1")],
            "2024-03-31",
            NotYetMet,
        ),
        (
            "the last day of a month, over, nothing recorded in it",
            monthly,
            &[("2024-01-10", "1"), ("2024-02-10", "1")],
            "2024-03-31!",
            NoData,
        ),
        (
            "the last day of a month, over, recorded as none",
            monthly,
            &[
                ("2024-01-10", "1"),
                ("2024-02-10", "1"),
                ("2024-03-31", "0"),
            ],
            "2024-03-31!",
            NotMet,
        ),
        (
            "every month so far",
            monthly,
            &[
                ("2024-01-10", "1"),
                ("2024-02-10", "2"),
                ("2024-03-05", "1"),
            ],
            "2024-03-31!",
            Met,
        ),
        (
            "December at year end, nothing recorded for it",
            monthly,
            &but_december,
            "2024-12-31!",
            NoData,
        ),
        (
            "December on its last day, going on",
            monthly,
            &but_december,
            "2024-12-31",
            NotYetMet,
        ),
        ("nothing recorded", monthly, &[], "2024-12-31!", NoData),
        (
            "once a year",
            yearly_max,
            &[("2024-03-01", "1")],
            "2024-12-31!",
            Met,
        ),
        (
            "too many on the year's first day is known at once",
            yearly_max,
            &[("2024-01-01", "2")],
            "2024-01-01",
            NotMet,
        ),
        (
            "twice a year is known at once",
            yearly_max,
            &[("2024-03-01", "1"), ("2024-04-01", "1")],
            "2024-04-02",
            NotMet,
        ),
        (
            "per enterprise: the highest so far",
            per_enterprise,
            &[("2024-03-01", "1"), ("2024-04-01", "2")],
            "2024-04-02",
            NotMet,
        ),
        (
            "per enterprise: one each",
            per_enterprise,
            &[("2024-03-01", "1"), ("2024-04-01", "1")],
            "2024-12-31!",
            Met,
        ),
    ];
    judge_all(cases);
}

#[test]
fn a_count_of_a_recurring_event_is_missed_when_the_event_is() {
    // The reception is held on the last Wednesday: 25 December in 2024.
    let target = "kind = \"count_at_least\"\nmin = 1\nper = \"month\"\ntask = \"r\"";
    let january_to_november = [
        "2024-01-31",
        "2024-02-28",
        "2024-03-27",
        "2024-04-24",
        "2024-05-29",
        "2024-06-26",
        "2024-07-31",
        "2024-08-28",
        "2024-09-25",
        "2024-10-30",
        "2024-11-27",
    ];
    let mut text = format!("{HEADER}{SCORES}{TASKS}");
    for date in january_to_november {
        let _ = write!(
            text,
            "[[tasks.records]]\ndate = {date}\nstatus = \"done\"\n"
        );
    }
    let _ = write!(text, "[[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n");
    let plan = plan_from(&text);
    // After 25 December nothing is recorded for it: December is not known
    // to be missed, for the target as for its task.
    for (at, judgement) in [
        ("2024-12-24", NotYetMet),
        ("2024-12-25", NotYetMet),
        ("2024-12-26", NoData),
        ("2024-12-31", NoData),
        ("2024-12-31!", NoData),
    ] {
        let status = compute(&plan, moment(at));
        let target = &status.targets[0];
        let missed: Vec<Period> = status.tasks[1].missed().iter().map(|o| o.period).collect();
        assert_eq!(target.assessment, judgement, "{at}");
        assert!(target.failing_periods.is_empty(), "{at}");
        assert_eq!(
            target.unrecorded_periods, missed,
            "{at}: the target and its task agree"
        );
    }
}

#[test]
fn a_weekly_event_held_every_week_is_met_at_year_end() {
    // Every Friday of 2024; the week of 30/12 holds its Friday in 2025.
    let weekly = "[[tasks]]\nid = \"w\"\nindex = \"i\"\ntext = \"cà phê\"\nlead = [\"u\"]\n\
        schedule = { kind = \"recurring\", every = \"week\", weekday = \"friday\" }\n";
    let mut text = format!("{HEADER}{weekly}");
    let mut day = NaiveDate::from_ymd_opt(2024, 1, 5).expect("a Friday");
    while day.year() == 2024 {
        let _ = write!(text, "[[tasks.records]]\ndate = {day}\nnote = \"held\"\n");
        day += chrono::Duration::days(7);
    }
    let _ = write!(
        text,
        "[[targets]]\nid = \"g\"\ntext = \"goal\"\nkind = \"count_at_least\"\nmin = 1\nper = \"week\"\ntask = \"w\"\n"
    );
    let plan = plan_from(&text);
    for at in ["2024-12-31!", "2024-12-31"] {
        let status = compute(&plan, moment(at));
        assert_eq!(
            status.targets[0].assessment, Met,
            "{at}: {:?}",
            status.targets[0].failing_periods
        );
    }
}

#[test]
fn a_note_on_the_target_does_not_cancel_the_event_recorded_on_its_task() {
    let target = "kind = \"count_at_least\"\nmin = 1\nper = \"month\"\ntask = \"r\"";
    let text = format!(
        "{HEADER}{SCORES}{TASKS}[[tasks.records]]\ndate = 2024-01-31\nnote = \"tiếp công dân\"\n\
         [[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n\
         [[targets.records]]\ndate = 2024-01-31\nnote = \"biên bản\"\n"
    );
    let plan = plan_from(&text);
    let status = compute(&plan, moment("2024-01-31!"));
    let january = Period::month(2024, 1).expect("January");
    assert_eq!(status.targets[0].amount_in(&january), Some(1.0));
    assert_eq!(status.targets[0].assessment, Met);
}

#[test]
fn an_occurrence_recorded_on_its_task_counts_once_toward_its_target() {
    let target = "kind = \"count_at_least\"\nmin = 1\nper = \"month\"\ntask = \"r\"";
    let first_quarter = ["2024-01-31", "2024-02-28", "2024-03-27"];
    // Recorded on the task only.
    assert_eq!(assess(target, &[], &first_quarter, "2024-03-31!"), Met);
    // On the task and the target the same day: still one each month.
    let text = format!(
        "{HEADER}{SCORES}{TASKS}[[tasks.records]]\ndate = 2024-01-31\nstatus = \"done\"\n\
         [[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n\
         [[targets.records]]\ndate = 2024-01-31\nvalue = 1\n"
    );
    let plan = plan_from(&text);
    let status = compute(&plan, moment("2024-01-31!"));
    let january = Period::month(2024, 1).expect("January");
    assert_eq!(status.targets[0].amount_in(&january), Some(1.0));
    assert_eq!(status.targets[0].assessment, Met);
    // The task is not flagged for the months its target recorded.
    assert!(
        status.tasks[1].flags.is_empty(),
        "{:?}",
        status.tasks[1].flags
    );
}

fn task_state(schedule: &str, records: &[&str], at: &str) -> (TaskState, Vec<TaskFlag>) {
    let mut text = format!(
        "{HEADER}[[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"u\"]\nschedule = {schedule}\n"
    );
    for record in records {
        let _ = write!(text, "[[tasks.records]]\n{record}\n");
    }
    let plan = plan_from(&text);
    let status = compute(&plan, moment(at));
    (status.tasks[0].state, status.tasks[0].flags.clone())
}

#[test]
fn task_states_say_what_is_known() {
    let ongoing = "{ kind = \"ongoing\" }";
    // Friday 28/06/2024; Sunday 30/06 runs to the end of Monday 01/07.
    let due = "{ kind = \"due\", due = 2024-06-28 }";
    let due_sunday = "{ kind = \"due\", due = 2024-06-30 }";
    let cases: &[(&str, &str, &[&str], &str, TaskState)] = &[
        (
            "ongoing, nobody reported",
            ongoing,
            &[],
            "2024-05-01",
            TaskState::NoReport,
        ),
        (
            "ongoing, reported not started",
            ongoing,
            &["date = 2024-02-01\nstatus = \"not_started\""],
            "2024-05-01",
            TaskState::NotStarted,
        ),
        (
            "ongoing, reported done, goes on",
            ongoing,
            &["date = 2024-02-01\nstatus = \"done\""],
            "2024-05-01",
            TaskState::InProgress,
        ),
        (
            "ongoing, a note only",
            ongoing,
            &["date = 2024-02-01\nnote = \"đã làm\""],
            "2024-05-01",
            TaskState::InProgress,
        ),
        (
            "ongoing, blocked",
            ongoing,
            &["date = 2024-02-01\nstatus = \"blocked\""],
            "2024-05-01",
            TaskState::Blocked,
        ),
        (
            "one-off, nobody reported",
            due,
            &[],
            "2024-05-01",
            TaskState::NoReport,
        ),
        (
            "one-off, a note only",
            due,
            &["date = 2024-02-01\nnote = \"đã làm\""],
            "2024-05-01",
            TaskState::InProgress,
        ),
        (
            "one-off, reported not started",
            due,
            &["date = 2024-02-01\nstatus = \"not_started\""],
            "2024-05-01",
            TaskState::NotStarted,
        ),
        (
            "one-off, due today, going on",
            due,
            &[],
            "2024-06-28",
            TaskState::NoReport,
        ),
        (
            "one-off, due today, over",
            due,
            &[],
            "2024-06-28!",
            TaskState::Overdue,
        ),
        (
            "one-off, done on time",
            due,
            &["date = 2024-06-28\nstatus = \"done\""],
            "2024-07-05",
            TaskState::Done,
        ),
        (
            "one-off, due on a Sunday, the Monday going on",
            due_sunday,
            &[],
            "2024-07-01",
            TaskState::NoReport,
        ),
        (
            "one-off, due on a Sunday, the Monday over",
            due_sunday,
            &[],
            "2024-07-01!",
            TaskState::Overdue,
        ),
        (
            "one-off, due on a Sunday, done on the Monday",
            due_sunday,
            &["date = 2024-07-01\nstatus = \"done\""],
            "2024-07-05",
            TaskState::Done,
        ),
        (
            "one-off, due on a Sunday, done on the Tuesday",
            due_sunday,
            &["date = 2024-07-02\nstatus = \"done\""],
            "2024-07-05",
            TaskState::DoneLate,
        ),
        (
            "one-off, done late",
            due,
            &["date = 2024-07-01\nstatus = \"done\""],
            "2024-07-05",
            TaskState::DoneLate,
        ),
        (
            "one-off, cancelled",
            due,
            &["date = 2024-03-01\nstatus = \"cancelled\""],
            "2024-07-05",
            TaskState::Cancelled,
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, schedule, records, at, expected)| {
            let (got, _) = task_state(schedule, records, at);
            (got != *expected).then(|| format!("{name}: expected {expected:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_missing_report_is_flagged_only_once_its_quarter_is_over() {
    let ongoing = "{ kind = \"ongoing\" }";
    let q1 = Period::quarter(2024, 1).expect("Q1");
    let q2 = Period::quarter(2024, 2).expect("Q2");
    let reported_in_q1 = ["date = 2024-02-01\nnote = \"x\""];
    let cases: &[(&str, &[&str], &str, Vec<TaskFlag>)] = &[
        (
            "first day of Q2, Q1 reported",
            &reported_in_q1,
            "2024-04-01",
            vec![],
        ),
        (
            "first day of Q2, Q1 reported on its first day",
            &["date = 2024-01-01\nnote = \"x\""],
            "2024-04-01",
            vec![],
        ),
        (
            "first day of Q2, Q1 silent",
            &[],
            "2024-04-01",
            vec![TaskFlag::NoReportForQuarter { quarter: q1 }],
        ),
        ("mid Q1, nothing yet", &[], "2024-02-15", vec![]),
        (
            "last day of Q2, going on",
            &reported_in_q1,
            "2024-06-30",
            vec![],
        ),
        (
            "last day of Q2, over",
            &reported_in_q1,
            "2024-06-30!",
            vec![TaskFlag::NoReportForQuarter { quarter: q2 }],
        ),
    ];
    for (name, records, at, expected) in cases {
        let (_, flags) = task_state(ongoing, records, at);
        assert_eq!(&flags, expected, "{name}");
    }
}

#[test]
fn a_recurring_occurrence_is_missed_only_after_its_day() {
    let monthly =
        "{ kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }";
    let missed = |at: &str| -> Vec<NaiveDate> {
        let (_, flags) = task_state(monthly, &["date = 2024-01-31\nstatus = \"done\""], at);
        flags
            .iter()
            .flat_map(|flag| match flag {
                TaskFlag::NotRecorded { missed } => missed.iter().map(|o| o.day).collect(),
                _ => Vec::new(),
            })
            .collect()
    };
    assert_eq!(missed("2024-02-28"), Vec::<NaiveDate>::new());
    assert_eq!(missed("2024-02-28!"), [day("2024-02-28")]);
    // December at year end is missed like any other month.
    assert_eq!(missed("2024-12-31!").last(), Some(&day("2024-12-25")));
}

/// A unit's summary from a returned form (`ddci import`, id `phieu/…`) on a
/// recurring task says what was done over the period; it is not one more
/// event held that day.
#[test]
fn a_form_summary_is_not_an_occurrence() {
    let text = format!(
        "{HEADER}{SCORES}{TASKS}[[tasks.records]]\ndate = 2024-01-31\nstatus = \"done\"\n\
         [[tasks.records]]\nid = \"phieu/u/2024-Q1/r\"\ndate = 2024-03-31\nnote = \"Tiếp 3 buổi\"\n\
         [[tasks.records]]\ndate = 2024-02-28\nnote = \"held\"\n"
    );
    let plan = plan_from(&text);
    let status = compute(&plan, moment("2024-03-31!"));
    let recurring = status
        .tasks
        .iter()
        .find(|task| task.task.id == "r")
        .expect("task r");
    let days: Vec<String> = super::occurrence_days(recurring.task, day("2024-03-31"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(days, ["2024-01-31", "2024-02-28"]);
}

/// The shapes that came with published results: a band or better (from the
/// year's published band, or a recorded place), a score at or above the
/// group's published median, and a score change given as a range.
#[test]
fn bands_references_and_ranges() {
    let plan_with = |target: &str, results: &str, records: &str| {
        plan_from(&format!(
            "{}{SCORES}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n{records}{results}",
            HEADER.replace(
                "year = 2024\n",
                "year = 2024\nbands = [\"trung bình\", \"khá\", \"tốt\", \"rất tốt\"]\n"
            )
        ))
    };
    let band = "kind = \"band_at_least\"\nband = \"tốt\"";
    let median = "kind = \"above_reference\"\nreference = \"median\"";
    let range = "kind = \"score_change_at_least\"\npoints = 0.5\npoints_max = 1";
    let result = |what: &str| format!("[[results]]\nyear = 2024\n{what}\npublished = 2025-03-27\n");
    let record = |value: &str| format!("[[targets.records]]\ndate = 2024-12-20\nvalue = {value}\n");
    let cases: Vec<(&str, String, String, Assessment)> = vec![
        (band, result("band = \"tốt\""), String::new(), Met),
        (band, result("band = \"rất tốt\""), String::new(), Met),
        (band, result("band = \"khá\""), String::new(), NotMet),
        (band, String::new(), record("3"), Met),
        (band, String::new(), record("2"), NotMet),
        (band, String::new(), String::new(), NoData),
        (
            median,
            result("score = 70.5\nmedian = 70.1"),
            String::new(),
            Met,
        ),
        (
            median,
            result("score = 69.9\nmedian = 70.1"),
            String::new(),
            NotMet,
        ),
        // No median published: nothing to compare with.
        (median, result("score = 69.9"), String::new(), NoData),
        // The index scored 6.5 last year: +0.5 to +1 point.
        (range, String::new(), record("7.0"), Met),
        (range, String::new(), record("6.9"), NotMet),
        (range, String::new(), record("7.8"), Met),
    ];
    for (target, results, records, expected) in cases {
        // A target of the unit as a whole, except the range (index `i`).
        let target = if target == range {
            format!("{target}\nindex = \"i\"")
        } else {
            target.to_owned()
        };
        let plan = plan_with(&target, &results, &records);
        let judged = compute(&plan, moment("2024-12-31!")).targets[0].assessment;
        assert_eq!(judged, expected, "{target} with {results}{records}");
    }
    let plan = plan_with(band, &result("band = \"khá\""), "");
    assert_eq!(
        crate::render::describe::goal(
            plan.targets[0].goals.first(),
            crate::words::labels::Language::Vi
        ),
        "từ “tốt” trở lên"
    );
    let top = plan_with("kind = \"band_at_least\"\nband = \"rất tốt\"", "", "");
    assert_eq!(
        crate::render::describe::goal(
            top.targets[0].goals.first(),
            crate::words::labels::Language::Vi
        ),
        "nhóm cao nhất (“rất tốt”)"
    );
    let range_plan = plan_with(&format!("{range}\nindex = \"i\""), "", "");
    assert_eq!(
        crate::render::describe::goal(
            range_plan.targets[0].goals.first(),
            crate::words::labels::Language::Vi
        ),
        "+0,50–1,00 điểm"
    );
}

/// A qualitative target has no number: the latest recorded verdict judges it.
#[test]
fn qualitative_targets_are_judged_by_their_verdict() {
    let judged = |records: &str, at: &str| {
        let plan = plan_from(&format!(
            "{HEADER}{SCORES}{TASKS}[[targets]]\nid = \"g\"\nkind = \"qualitative\"\ntext = \"nâng cao mức độ hài lòng của doanh nghiệp\"\n{records}"
        ));
        compute(&plan, moment(at)).targets[0].assessment
    };
    let record = |date: &str, verdict: &str| {
        format!(
            "[[targets.records]]\ndate = {date}\nverdict = \"{verdict}\"\nnote = \"khảo sát\"\n"
        )
    };
    let cases = [
        (String::new(), "2024-12-31!", NoData),
        (record("2024-06-30", "met"), "2024-12-31!", Met),
        (record("2024-06-30", "đạt"), "2024-12-31!", Met),
        (record("2024-06-30", "not_met"), "2024-09-30", NotYetMet),
        (record("2024-12-15", "chưa đạt"), "2024-12-31!", NotMet),
        // June's "chưa đạt" with nothing since is not the year's verdict.
        (record("2024-06-30", "chưa đạt"), "2024-12-31!", NoData),
        (
            record("2024-06-30", "not_met") + &record("2024-11-30", "met"),
            "2024-12-31!",
            Met,
        ),
        // A verdict after the day is not known then.
        (record("2024-11-30", "met"), "2024-06-30", NoData),
    ];
    for (records, at, expected) in cases {
        assert_eq!(judged(&records, at), expected, "{records} at {at}");
    }
}

/// A target may compare with a named year's published result instead of
/// the year before: "tăng 3 bậc so với năm 2022".
#[test]
fn a_baseline_from_a_named_year() {
    let results = "[[results]]\nyear = 2022\nrank = 12\nof = 18\nscore = 64.5\n\
                   [[results]]\nyear = 2023\nrank = 9\nof = 18\nscore = 68.0\n\
                   [[results]]\nyear = 2024\nrank = 8\nof = 18\nscore = 69.0\n";
    let judged = |target: &str| {
        let plan = plan_from(&format!(
            "{HEADER}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n{results}"
        ));
        let status = compute(&plan, moment("2024-12-31!"));
        (
            status.targets[0].assessment,
            crate::render::describe::baseline(
                plan.targets[0].goals.first(),
                crate::words::labels::Language::Vi,
            ),
        )
    };
    let cases = [
        // Against 2023 (9th), the default: one place up, not three.
        (
            "kind = \"rank_improvement\"\nplaces = 3",
            NotMet,
            "thứ 9/18",
        ),
        // Against 2022 (12th): four places up.
        (
            "kind = \"rank_improvement\"\nplaces = 3\nbaseline_year = 2022",
            Met,
            "thứ 12/18 (2022)",
        ),
        (
            "kind = \"score_change_at_least\"\npoints = 3\nbaseline_year = 2022",
            Met,
            "64,50 (2022)",
        ),
        (
            "kind = \"score_change_at_least\"\npoints = 3",
            NotMet,
            "68,00",
        ),
        // A year with no published result: nothing to compare with.
        (
            "kind = \"rank_improvement\"\nplaces = 3\nbaseline_year = 2021",
            NoData,
            "Chưa có số liệu",
        ),
    ];
    for (target, expected, baseline) in cases {
        assert_eq!(judged(target), (expected, baseline.to_owned()), "{target}");
    }
}

/// A plan of two years, 2023–2024: a count per year is judged in the year in
/// view alone; a target of one year is judged over that year, with the year
/// before it as its baseline.
#[test]
fn each_year_of_a_plan_of_several_years_is_judged_on_its_own() {
    let header = HEADER.replace("year = 2024\n", "year = 2023\nuntil = 2024\n");
    let results = "[[results]]\nyear = 2023\nrank = 6\nof = 18\nscore = 63.0\n\
                   [[results]]\nyear = 2024\nrank = 4\nof = 18\nscore = 67.0\n";
    // Two a year: 2023 had one (10/05), 2024 has two (10/03, 10/09).
    let count = "kind = \"count_at_least\"\ntask = \"t\"\nmin = 2\nper = \"year\"\n\
                 [[targets.records]]\ndate = 2023-05-10\nvalue = 1\n\
                 [[targets.records]]\ndate = 2024-03-10\nvalue = 1\n\
                 [[targets.records]]\ndate = 2024-09-10\nvalue = 1\n";
    let judged = |target: &str, at: &str| {
        let plan = plan_from(&format!(
            "{header}{SCORES}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n{results}"
        ));
        let status = compute(&plan, moment(at));
        // The target as it stands in the year in view.
        let target = status
            .targets
            .iter()
            .find(|target| {
                crate::plan::model::Plan::belongs(target.target.year, status.year_in_view)
            })
            .expect("a target in view");
        (status.year_in_view, target.assessment)
    };
    let cases: &[(&str, &str, (i32, Assessment))] = &[
        // 2023 is short once it is over, and only then.
        (count, "2023-12-30", (2023, NotYetMet)),
        (count, "2023-12-31!", (2023, NotMet)),
        // 2024 starts afresh: 2023's shortfall is not 2024's.
        (count, "2024-01-01", (2024, NotYetMet)),
        (count, "2024-09-10", (2024, Met)),
        (count, "2024-12-31!", (2024, Met)),
        // A day after the plan is its last year.
        (count, "2025-02-01", (2024, Met)),
        // A target of 2024 compares with 2023's result (6th): two places up.
        (
            "kind = \"rank_improvement\"\nplaces = 2\nyear = 2024",
            "2024-12-31!",
            (2024, Met),
        ),
        (
            "kind = \"rank_improvement\"\nplaces = 3\nyear = 2024",
            "2024-12-31!",
            (2024, NotMet),
        ),
        // A target of 2023 is over at the end of 2023 (6th of 18 against 7th
        // of 18 the year before the plan): one place up.
        (
            "kind = \"rank_improvement\"\nplaces = 1\nyear = 2023",
            "2023-12-31!",
            (2023, Met),
        ),
        (
            "kind = \"rank_improvement\"\nplaces = 2\nyear = 2023",
            "2023-12-31!",
            (2023, NotMet),
        ),
    ];
    for (target, at, expected) in cases {
        assert_eq!(judged(target, at), *expected, "{target} at {at}");
    }
}

/// A target of the published result with no year of its own, in a plan of
/// several years, is a target for each year: 2023's result against the year
/// before the plan (7th of 18), 2024's against 2023's (6th, 63 points).
#[test]
fn a_result_target_for_every_year_is_judged_each_year() {
    let header = HEADER.replace("year = 2024\n", "year = 2023\nuntil = 2024\n");
    let results = "[[results]]\nyear = 2023\nrank = 6\nof = 18\nscore = 63.0\n\
                   [[results]]\nyear = 2024\nrank = 4\nof = 18\nscore = 67.0\n";
    let judged = |target: &str, at: &str| {
        let plan = plan_from(&format!(
            "{header}{SCORES}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n{results}"
        ));
        // One target in the model per year, found by its id at the first.
        assert_eq!(plan.targets.len(), 2);
        assert_eq!(
            plan.target_by_id("g")
                .map(|target| plan.target(target).year),
            Some(Some(2023))
        );
        let status = compute(&plan, moment(at));
        status
            .targets
            .iter()
            .filter(|target| {
                crate::plan::model::Plan::belongs(target.target.year, status.year_in_view)
            })
            .map(|target| (target.target.year, target.assessment))
            .collect::<Vec<_>>()
    };
    let cases: &[(&str, &str, (i32, Assessment))] = &[
        (
            "kind = \"rank_improvement\"\nplaces = 1",
            "2023-12-31!",
            (2023, Met),
        ),
        (
            "kind = \"rank_improvement\"\nplaces = 1",
            "2024-12-31!",
            (2024, Met),
        ),
        (
            "kind = \"rank_improvement\"\nplaces = 2",
            "2023-12-31!",
            (2023, NotMet),
        ),
        (
            "kind = \"rank_improvement\"\nplaces = 2",
            "2024-12-31!",
            (2024, Met),
        ),
        (
            "kind = \"score_at_least\"\nscore = 66",
            "2023-12-31!",
            (2023, NotMet),
        ),
        (
            "kind = \"score_at_least\"\nscore = 66",
            "2024-12-31!",
            (2024, Met),
        ),
        (
            "kind = \"score_change_at_least\"\npoints = 3",
            "2024-12-31!",
            (2024, Met),
        ),
        (
            "kind = \"score_change_at_least\"\npoints = 5",
            "2024-12-31!",
            (2024, NotMet),
        ),
        ("kind = \"maintain\"", "2024-12-31!", (2024, Met)),
        // Before the year's result, nothing to judge.
        (
            "kind = \"rank_at_most\"\nrank = 5",
            "2024-06-30",
            (2024, NoData),
        ),
        (
            "kind = \"rank_at_most\"\nrank = 5",
            "2024-12-31!",
            (2024, Met),
        ),
        (
            "kind = \"rank_at_most\"\nrank = 5",
            "2023-12-31!",
            (2023, NotMet),
        ),
    ];
    for (target, at, (year, expected)) in cases {
        assert_eq!(
            judged(target, at),
            [(Some(*year), *expected)],
            "{target} at {at}"
        );
    }
}

/// "Nằm trong nhóm 30% đơn vị dẫn đầu": the rank as a share of the group it
/// was ranked in that year, so 5 of 14 (35,7%) is not within 30% although a
/// fixed "top 5" would call it met, and a group that grows from 18 to 26 is
/// judged on 26.
#[test]
fn a_rank_in_the_leading_share_of_its_group() {
    let plan_with = |results: &str, records: &str| {
        plan_from(&format!(
            "{HEADER}{SCORES}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\n\
             kind = \"top_percent\"\npercent = 30\n{records}{results}"
        ))
    };
    let result = |rank: u32, of: &str| {
        format!("[[results]]\nyear = 2024\nrank = {rank}\n{of}published = 2025-03-27\n")
    };
    let cases = [
        (4, "of = 14\n", Met),    // 28,6%
        (5, "of = 14\n", NotMet), // 35,7%
        (3, "of = 10\n", Met),    // exactly 30%
        (4, "of = 10\n", NotMet), // 40%
        (7, "of = 26\n", Met),    // 26,9% of the merged province's 26
        (7, "of = 18\n", NotMet), // 38,9% of the old 18
        (1, "of = 1\n", NotMet),  // 100%: the only one ranked is not "leading 30%"
        (4, "", NoData),          // no group size: no share to judge
    ];
    for (rank, of, expected) in cases {
        let plan = plan_with(&result(rank, of), "");
        let judged = compute(&plan, moment("2024-12-31!")).targets[0].assessment;
        assert_eq!(judged, expected, "rank {rank} {of}");
    }
    // A record with its own group size is judged on it.
    let recorded = |of: &str| format!("[[targets.records]]\ndate = 2024-12-20\nvalue = 5\n{of}");
    for (of, expected) in [("of = 20\n", Met), ("of = 14\n", NotMet), ("", NoData)] {
        let plan = plan_with("", &recorded(of));
        let judged = compute(&plan, moment("2024-12-31!")).targets[0].assessment;
        assert_eq!(judged, expected, "5 {of}");
    }
    let plan = plan_with("", "");
    for (language, words) in [
        (crate::words::labels::Language::Vi, "trong nhóm 30% dẫn đầu"),
        (crate::words::labels::Language::En, "in the leading 30%"),
    ] {
        assert_eq!(
            crate::render::describe::goal(plan.targets[0].goals.first(), language),
            words
        );
    }
}

/// A goal raised from a date is judged, on each day, by the goal in force
/// that day: 85% meets the 80% of Q2 and not the 90% from 1 July.
#[test]
fn a_goal_changed_from_a_date_judges_each_day_by_the_goal_then() {
    let raised = "kind = \"percent_at_least\"\npercent = 80\n\
        changes = [{ from = 2024-07-01, percent = 90 }]";
    let counted = "kind = \"count_at_least\"\nmin = 1\nper = \"month\"\n\
        changes = [{ from = 2024-07-01, min = 2 }]";
    let cases: &[Case<'_>] = &[
        (
            "80% in force, 85%",
            raised,
            &[("2024-06-28", "85")],
            "2024-06-30!",
            Met,
        ),
        (
            "the day before the change",
            raised,
            &[("2024-06-28", "85")],
            "2024-06-30",
            Met,
        ),
        (
            "the day of the change",
            raised,
            &[("2024-06-28", "85")],
            "2024-07-01",
            NotYetMet,
        ),
        (
            "the day after",
            raised,
            &[("2024-06-28", "85")],
            "2024-07-02",
            NotYetMet,
        ),
        (
            "90% at the year's end",
            raised,
            &[("2024-06-28", "85"), ("2024-12-20", "85")],
            "2024-12-31!",
            NotMet,
        ),
        (
            "90% at the year's end, 85% only in June",
            raised,
            &[("2024-06-28", "85")],
            "2024-12-31!",
            NoData,
        ),
        (
            "equal to the new goal",
            raised,
            &[("2024-09-30", "90")],
            "2024-12-31!",
            Met,
        ),
        (
            "June kept at one",
            counted,
            &[("2024-06-10", "1")],
            "2024-06-30!",
            Met,
        ),
        (
            "July short of two",
            counted,
            &[("2024-06-10", "1"), ("2024-07-10", "1")],
            "2024-07-31!",
            NotMet,
        ),
        (
            "July at two",
            counted,
            &[("2024-06-10", "1"), ("2024-07-10", "2")],
            "2024-07-31!",
            Met,
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, target, records, at, expected)| {
            // Months before June have no record: give each one so that only
            // June and July are in question.
            let mut all: Vec<(&str, &str)> = if target.contains("count") {
                vec![
                    ("2024-01-10", "1"),
                    ("2024-02-10", "1"),
                    ("2024-03-10", "1"),
                    ("2024-04-10", "1"),
                    ("2024-05-10", "1"),
                ]
            } else {
                Vec::new()
            };
            all.extend_from_slice(records);
            let got = assess(target, &all, &[], at);
            (got != *expected).then(|| format!("{name}: expected {expected:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The goal a report states is the one in force on its day.
#[test]
fn the_goal_in_words_is_the_one_in_force() {
    let text = format!(
        "{HEADER}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\nkind = \"percent_at_least\"\n\
         percent = 80\nchanges = [{{ from = 2024-07-01, percent = 90 }}]\n"
    );
    let plan = plan_from(&text);
    let goal_on = |at: &str| {
        crate::render::describe::goal(
            compute(&plan, moment(at)).targets[0].goal,
            crate::words::labels::Language::Vi,
        )
    };
    assert_eq!(goal_on("2024-06-30!"), "≥ 80%");
    assert_eq!(goal_on("2024-07-01"), "≥ 90%");
    assert_eq!(
        crate::render::describe::goal_history(
            &plan.targets[0].goals,
            crate::words::labels::Language::Vi
        ),
        "≥ 80%; từ 01/07/2024: ≥ 90%"
    );
}

/// A task is owed only while it is in force: nothing before it begins,
/// nothing after it ends, and it is judged as it stood on its last day.
#[test]
fn a_task_is_owed_only_while_it_is_in_force() {
    let quarters = |flags: &[TaskFlag]| -> Vec<String> {
        flags
            .iter()
            .map(|flag| match flag {
                TaskFlag::NoReportForQuarter { quarter } => format!("no report {}", quarter.end),
                TaskFlag::Overdue { due } => format!("overdue {due}"),
                TaskFlag::Ended { last_day, .. } => format!("ended {last_day}"),
                TaskFlag::NotBegun { start } => format!("not begun {start}"),
                TaskFlag::NotRecorded { missed } => format!(
                    "missed {}",
                    missed
                        .iter()
                        .map(|occurrence| occurrence.day.to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                TaskFlag::RecordedNotHeld { occurrences } => format!(
                    "not held {}",
                    occurrences
                        .iter()
                        .map(|occurrence| occurrence.day.to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            })
            .collect()
    };
    let cases: [(&str, &str, &str, &[&str]); 12] = [
        (
            "due 31/12 from 01/10, seen the day before",
            "{ kind = \"due\", start = 2024-10-01, due = 2024-12-31 }",
            "2024-09-30",
            &["not begun 2024-10-01"],
        ),
        (
            "due 31/12 from 01/10, seen on its first day",
            "{ kind = \"due\", start = 2024-10-01, due = 2024-12-31 }",
            "2024-10-01",
            &[],
        ),
        (
            "due 31/12, no start",
            "{ kind = \"due\", due = 2024-12-31 }",
            "2024-06-30",
            &[],
        ),
        (
            "ongoing: never 'not begun'",
            "{ kind = \"ongoing\" }",
            "2024-03-31",
            &[],
        ),
        (
            "ongoing, ended 30/06, seen in October",
            "{ kind = \"ongoing\" }\nends = 2024-06-30",
            "2024-10-05",
            &["no report 2024-06-30", "ended 2024-06-30"],
        ),
        (
            "ongoing, not ended, seen in October",
            "{ kind = \"ongoing\" }",
            "2024-10-05",
            &["no report 2024-09-30"],
        ),
        (
            "due 30/09, stopped 30/06: never overdue",
            "{ kind = \"due\", due = 2024-09-30 }\nends = 2024-06-30",
            "2024-10-05",
            &["ended 2024-06-30"],
        ),
        (
            "due 30/09, not stopped",
            "{ kind = \"due\", due = 2024-09-30 }",
            "2024-10-05",
            &["overdue 2024-09-30"],
        ),
        (
            "recurring, ended 31/05",
            "{ kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }\n\
             ends = 2024-05-31",
            "2024-08-31!",
            &[
                "missed 2024-01-31 2024-02-28 2024-03-27 2024-04-24 2024-05-29",
                "ended 2024-05-31",
            ],
        ),
        (
            "recurring, begun 01/06",
            "{ kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }\n\
             begins = 2024-06-01",
            "2024-08-31!",
            &["missed 2024-06-26 2024-07-31 2024-08-28"],
        ),
        (
            "recurring, begun 27/03, the day after March's",
            "{ kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }\n\
             begins = 2024-03-28",
            "2024-04-30!",
            &["missed 2024-04-24"],
        ),
        (
            "recurring, begun on March's day",
            "{ kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }\n\
             begins = 2024-03-27",
            "2024-04-30!",
            &["missed 2024-03-27 2024-04-24"],
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, schedule, at, expected)| {
            let (_, flags) = task_state(schedule, &[], at);
            let got = quarters(&flags);
            (got != *expected).then(|| format!("{name}: expected {expected:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A task reported on before its start has begun, whatever the plan says.
#[test]
fn a_task_reported_on_before_its_start_is_not_waiting_to_begin() {
    let schedule = "{ kind = \"due\", start = 2024-10-01, due = 2024-12-31 }";
    let (state, flags) = task_state(
        schedule,
        &["date = 2024-09-20\nstatus = \"in_progress\""],
        "2024-09-30",
    );
    assert_eq!((state, flags), (TaskState::InProgress, Vec::new()));
}

/// "Không thấp hơn" and "cao hơn" are two goals: a score equal to the
/// reference meets the first and not the second; the median and the
/// group's average are each their own published figure; and the goal is
/// written back in the plan's own words, in both languages.
#[test]
fn at_least_and_strictly_above_a_reference_or_a_score() {
    let plan_with = |target: &str, results: &str, records: &str| {
        plan_from(&format!(
            "{HEADER}{SCORES}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n{records}{results}"
        ))
    };
    let result = |what: &str| format!("[[results]]\nyear = 2024\n{what}\npublished = 2025-03-27\n");
    let record = |value: &str| format!("[[targets.records]]\ndate = 2024-12-20\nvalue = {value}\n");
    let median = "kind = \"above_reference\"\nreference = \"median\"";
    let above_median = "kind = \"above_reference\"\nreference = \"median\"\ncomparison = \"above\"";
    let average = "kind = \"above_reference\"\nreference = \"average\"";
    let above_average =
        "kind = \"above_reference\"\nreference = \"average\"\ncomparison = \"above\"";
    let score = "kind = \"score_at_least\"\nscore = 7.7\nindex = \"i\"";
    let above_score =
        "kind = \"score_at_least\"\nscore = 7.7\ncomparison = \"above\"\nindex = \"i\"";
    let published = "median = 70.1\naverage = 68.4";
    let cases: Vec<(&str, String, String, Assessment)> = vec![
        (
            median,
            result(&format!("score = 70.0\n{published}")),
            String::new(),
            NotMet,
        ),
        (
            median,
            result(&format!("score = 70.1\n{published}")),
            String::new(),
            Met,
        ),
        (
            median,
            result(&format!("score = 70.2\n{published}")),
            String::new(),
            Met,
        ),
        (
            above_median,
            result(&format!("score = 70.0\n{published}")),
            String::new(),
            NotMet,
        ),
        (
            above_median,
            result(&format!("score = 70.1\n{published}")),
            String::new(),
            NotMet,
        ),
        (
            above_median,
            result(&format!("score = 70.2\n{published}")),
            String::new(),
            Met,
        ),
        (
            average,
            result(&format!("score = 68.3\n{published}")),
            String::new(),
            NotMet,
        ),
        (
            average,
            result(&format!("score = 68.4\n{published}")),
            String::new(),
            Met,
        ),
        (
            above_average,
            result(&format!("score = 68.4\n{published}")),
            String::new(),
            NotMet,
        ),
        (
            above_average,
            result(&format!("score = 68.5\n{published}")),
            String::new(),
            Met,
        ),
        // The average not published: nothing to compare with, whatever the median.
        (
            average,
            result("score = 80\nmedian = 70.1"),
            String::new(),
            NoData,
        ),
        (score, String::new(), record("7.6"), NotMet),
        (score, String::new(), record("7.7"), Met),
        (above_score, String::new(), record("7.7"), NotMet),
        (above_score, String::new(), record("7.8"), Met),
    ];
    for (target, results, records, expected) in cases {
        let plan = plan_with(target, &results, &records);
        let judged = compute(&plan, moment("2024-12-31!")).targets[0].assessment;
        assert_eq!(judged, expected, "{target} with {results}{records}");
    }
    let words = |target: &str, language| {
        let plan = plan_with(target, &result(published), "");
        crate::render::describe::goal(plan.targets[0].goals.first(), language)
    };
    let (vi, en) = (
        crate::words::labels::Language::Vi,
        crate::words::labels::Language::En,
    );
    let cases = [
        (median, vi, "không thấp hơn điểm trung vị (70,10)"),
        (above_median, vi, "cao hơn điểm trung vị (70,10)"),
        (average, vi, "không thấp hơn điểm bình quân (68,40)"),
        (above_average, vi, "cao hơn điểm bình quân (68,40)"),
        (median, en, "at or above the median (70.10)"),
        (above_average, en, "above the average (68.40)"),
        (score, vi, "≥ 7,70 điểm"),
        (above_score, vi, "> 7,70 điểm"),
    ];
    for (target, language, expected) in cases {
        assert_eq!(words(target, language), expected, "{target}");
    }
}

/// "Tăng 4 bậc" from 7/18 when the group grows to 26: by places (the
/// letter of the target) 4/26 is three places up and not met, said with
/// both ranks as shares; by share (`when_group_changes = "by_share"`) 4/26
/// (15,4%) is within the 3/18 (16,7%) aimed for.
#[test]
fn a_rise_in_rank_across_a_change_of_the_group() {
    let judged = |mode: &str, rank: u32, of: Option<u32>| {
        let of = of.map_or_else(String::new, |of| format!("of = {of}\n"));
        let plan = plan_from(&format!(
            "{HEADER}{TASKS}[[targets]]\nid = \"g\"\ntext = \"Tăng 4 bậc\"\nkind = \"rank_improvement\"\n\
             places = 4\nbaseline_rank = {{ rank = 7, of = 18 }}\n{mode}\n\
             [[targets.records]]\ndate = 2024-12-20\nvalue = {rank}\n{of}"
        ));
        let status = compute(&plan, moment("2024-12-31!"));
        let target = &status.targets[0];
        (
            target.assessment,
            crate::render::describe::assessment_of(target, crate::words::labels::Language::Vi),
        )
    };
    let by_share = "when_group_changes = \"by_share\"";
    let cases: [(&str, u32, Option<u32>, Assessment); 9] = [
        ("", 4, Some(26), NotMet),
        ("", 3, Some(26), Met),
        (by_share, 4, Some(26), Met),
        (by_share, 5, Some(26), NotMet),
        // The same group: places, whichever the mode.
        ("", 3, Some(18), Met),
        (by_share, 3, Some(18), Met),
        (by_share, 4, Some(18), NotMet),
        // No group size recorded: places.
        (by_share, 4, None, NotMet),
        (by_share, 3, None, Met),
    ];
    for (mode, rank, of, expected) in cases {
        assert_eq!(judged(mode, rank, of).0, expected, "{mode} {rank}/{of:?}");
    }
    assert_eq!(
        judged("", 4, Some(26)).1,
        "Không đạt (nhóm xếp hạng thay đổi từ 18 lên 26 đơn vị: trước xếp thứ 7/18 (38,9%), nay \
         thứ 4/26 (15,4%); đánh giá theo số bậc như mục tiêu)"
    );
    assert_eq!(
        judged(by_share, 4, Some(26)).1,
        "Đạt (nhóm xếp hạng thay đổi từ 18 lên 26 đơn vị: trước xếp thứ 7/18 (38,9%), nay thứ \
         4/26 (15,4%); đánh giá theo tỷ lệ trong nhóm)"
    );
    assert_eq!(judged("", 3, Some(18)).1, "Đạt");
}

/// "Không có chỉ số thành phần nào giảm điểm so với năm trước": one verdict
/// over every index, on the year's published scores against the year
/// before's. Equal is not a fall; one index lower fails it whatever the
/// others; an index without a score leaves it unknown unless one fell.
#[test]
fn no_index_falls_is_one_verdict_over_every_index() {
    let header = "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
        [[units]]\nid = \"u\"\nname = \"Unit\"\n\n\
        [[indices]]\nid = \"a\"\nname = \"Tính minh bạch\"\nprevious_score = 6.9\n\n\
        [[indices]]\nid = \"b\"\nname = \"Chi phí thời gian\"\n\n\
        [[results]]\nyear = 2023\nindex = \"b\"\nscore = 7.1\n\n";
    let target = "[[targets]]\nid = \"g\"\nkind = \"no_index_falls\"\n\
        text = \"Không có chỉ số thành phần nào giảm điểm so với năm trước\"\n\n";
    let scores = |a: Option<&str>, b: Option<&str>| {
        [("a", a), ("b", b)]
            .into_iter()
            .filter_map(|(index, score)| {
                score.map(|score| {
                    format!(
                        "[[results]]\nyear = 2024\nindex = \"{index}\"\nscore = {score}\npublished = 2025-03-27\n\n"
                    )
                })
            })
            .collect::<String>()
    };
    let vi = crate::words::labels::Language::Vi;
    let cases = [
        // Both as before, or higher: met.
        (
            Some("6.9"),
            Some("7.1"),
            Met,
            "không có chỉ số nào giảm điểm",
        ),
        (
            Some("7.0"),
            Some("7.2"),
            Met,
            "không có chỉ số nào giảm điểm",
        ),
        // One a hundredth lower: not met, and named with both scores.
        (
            Some("6.89"),
            Some("7.2"),
            NotMet,
            "01 chỉ số giảm điểm: Tính minh bạch 6,90 → 6,89",
        ),
        (
            Some("6.5"),
            Some("6.8"),
            NotMet,
            "02 chỉ số giảm điểm: Tính minh bạch 6,90 → 6,50; Chi phí thời gian 7,10 → 6,80",
        ),
        // One fell, the other not published yet: already not met.
        (
            Some("6.5"),
            None,
            NotMet,
            "01 chỉ số giảm điểm: Tính minh bạch 6,90 → 6,50; chưa có điểm: Chi phí thời gian",
        ),
        // None fell so far, one unknown: nothing to say yet.
        (Some("7.5"), None, NoData, ""),
        (None, None, NoData, ""),
    ];
    for (a, b, expected, words) in cases {
        let plan = plan_from(&format!("{header}{target}{}", scores(a, b)));
        let status = compute(&plan, moment("2024-12-31!"));
        let judged = &status.targets[0];
        assert_eq!(judged.assessment, expected, "{a:?} {b:?}");
        let said = judged.latest.map_or_else(String::new, |record| {
            crate::render::describe::value(judged.target, record, vi)
        });
        assert_eq!(said, words, "{a:?} {b:?}");
    }
    // A later year of a plan of several compares with the year before it,
    // as published, not with the score before the plan.
    let two_years = format!(
        "{}{target}{}\
         [[results]]\nyear = 2025\nindex = \"a\"\nscore = 7.05\n\n\
         [[results]]\nyear = 2025\nindex = \"b\"\nscore = 7.3\n\n",
        header.replace("year = 2024\n", "year = 2024\nuntil = 2025\n"),
        scores(Some("7.1"), Some("7.2"))
    );
    let plan = plan_from(&two_years);
    let status = compute(&plan, moment("2025-12-31!"));
    let judged: Vec<(Option<i32>, Assessment)> = status
        .targets
        .iter()
        .map(|target| (target.target.year, target.assessment))
        .collect();
    assert_eq!(judged, [(Some(2024), Met), (Some(2025), NotMet)]);
    // It belongs to no index and follows no task.
    for key in ["index = \"a\"", "task = \"t\""] {
        let text = format!(
            "{header}[[tasks]]\nid = \"t\"\nindex = \"a\"\ntext = \"x\"\nlead = [\"u\"]\n\
             schedule = {{ kind = \"ongoing\" }}\n\n{target}{key}\n"
        );
        assert!(
            crate::plan::build::tests::problems(&text).contains(&"target-over-every-index"),
            "{key}"
        );
    }
}

/// A score compared with last year's across a change of the group: judged
/// by the letter of the target, with the change said beside the verdict,
/// since each year's score is rescaled within its own group. The same
/// group, or a group of unknown size, says nothing more.
#[test]
fn a_score_compared_across_a_change_of_the_group_says_so() {
    let header = HEADER.replace("year = 2024\n", "year = 2025\n");
    let judged = |kind: &str, last: &str, now: &str| {
        let plan = plan_from(&format!(
            "{header}[[targets]]\nid = \"g\"\ntext = \"Điểm tăng\"\n{kind}\n\n\
             [[results]]\nyear = 2024\n{last}\n\n[[results]]\nyear = 2025\n{now}\n"
        ));
        let status = compute(&plan, moment("2025-12-31!"));
        let target = &status.targets[0];
        (
            target.assessment,
            crate::render::describe::assessment_of(target, crate::words::labels::Language::Vi),
        )
    };
    let rise = "kind = \"score_change_at_least\"\npoints = 2";
    let keep = "kind = \"maintain\"";
    let changed = "Đạt (nhóm xếp hạng thay đổi từ 18 lên 26 đơn vị: điểm hai năm được tính trong hai nhóm khác nhau, mức thay đổi điểm chỉ để tham khảo)";
    let cases = [
        (
            rise,
            "score = 70.0\nrank = 7\nof = 18",
            "score = 72.0\nrank = 4\nof = 26",
            Met,
            changed,
        ),
        (
            rise,
            "score = 70.0\nrank = 7\nof = 18",
            "score = 71.99\nrank = 4\nof = 26",
            NotMet,
            "Không đạt (nhóm xếp hạng thay đổi từ 18 lên 26 đơn vị: điểm hai năm được tính trong hai nhóm khác nhau, mức thay đổi điểm chỉ để tham khảo)",
        ),
        (
            rise,
            "score = 70.0\nrank = 7\nof = 18",
            "score = 72.0\nrank = 4\nof = 18",
            Met,
            "Đạt",
        ),
        (
            rise,
            "score = 70.0",
            "score = 72.0\nrank = 4\nof = 26",
            Met,
            "Đạt",
        ),
        (
            keep,
            "score = 70.0\nrank = 7\nof = 18",
            "score = 70.0\nrank = 9\nof = 26",
            Met,
            changed,
        ),
        (
            keep,
            "score = 70.0\nrank = 3\nof = 26",
            "score = 70.5\nrank = 2\nof = 18",
            Met,
            "Đạt (nhóm xếp hạng thay đổi từ 26 xuống 18 đơn vị: điểm hai năm được tính trong hai nhóm khác nhau, mức thay đổi điểm chỉ để tham khảo)",
        ),
    ];
    for (kind, last, now, expected, words) in cases {
        assert_eq!(
            judged(kind, last, now),
            (expected, words.to_owned()),
            "{kind} {last} {now}"
        );
    }
}

/// `(date, value)` records of a target.
type Records<'a> = &'a [(&'a str, &'a str)];

/// A count's months as recorded, in words: short by what was recorded
/// ("không đạt"), nothing recorded ("chưa ghi nhận"), both, and months with
/// nothing recorded alone ("chưa đủ số liệu").
#[test]
fn a_count_says_months_short_apart_from_months_not_recorded() {
    let words = |records: &[(&str, &str)], language| {
        let mut text = format!(
            "{HEADER}{SCORES}{TASKS}[[targets]]\nid = \"g\"\ntext = \"goal\"\n\
             kind = \"count_at_least\"\nmin = 1\nper = \"month\"\n"
        );
        for (date, value) in records {
            let _ = write!(
                text,
                "[[targets.records]]\ndate = {date}\nvalue = {value}\n"
            );
        }
        let plan = plan_from(&text);
        let status = compute(&plan, moment("2024-04-30!"));
        crate::render::describe::assessment_of(&status.targets[0], language)
    };
    let (vi, en) = (
        crate::words::labels::Language::Vi,
        crate::words::labels::Language::En,
    );
    let every = [
        ("2024-01-10", "1"),
        ("2024-02-10", "1"),
        ("2024-03-10", "1"),
        ("2024-04-10", "1"),
    ];
    let cases: [(Records, &str, &str); 5] = [
        (&every, "Đạt", "Met"),
        // February and April: nothing recorded in them, whatever came after.
        (
            &[("2024-01-10", "1"), ("2024-03-10", "1")],
            "Chưa đủ số liệu (chưa ghi nhận: tháng 2, 4/2024)",
            "Not enough figures (nothing recorded: months 2, 4 of 2024)",
        ),
        // April recorded as none: short; February still only unrecorded.
        (
            &[
                ("2024-01-10", "1"),
                ("2024-03-10", "1"),
                ("2024-04-30", "0"),
            ],
            "Không đạt: tháng 4/2024; chưa ghi nhận: tháng 2/2024",
            "Not met: month 4 of 2024; nothing recorded: month 2 of 2024",
        ),
        (
            &[
                ("2024-01-10", "1"),
                ("2024-02-29", "0"),
                ("2024-03-10", "1"),
                ("2024-04-30", "0"),
            ],
            "Không đạt: tháng 2, 4/2024",
            "Not met: months 2, 4 of 2024",
        ),
        (
            &[("2024-01-10", "1"), ("2024-02-10", "1")],
            "Chưa đủ số liệu (chưa ghi nhận: tháng 3–4/2024)",
            "Not enough figures (nothing recorded: months 3–4 of 2024)",
        ),
    ];
    for (records, in_vi, in_en) in cases {
        assert_eq!(words(records, vi), in_vi, "{records:?}");
        assert_eq!(words(records, en), in_en, "{records:?}");
    }
}
