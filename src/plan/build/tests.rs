//! Tables of cases for the conversion: baselines, keys per kind, records.

#![allow(clippy::too_many_lines)] // tables of cases, read top to bottom

use chrono::NaiveDate;

use super::*;
use crate::plan::goal::{Baseline, BaselineSource, Goal, RankOf};

/// A plan with one unit `u`, one index `i`; what follows is appended.
pub const HEADER: &str = "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
    [[units]]\nid = \"u\"\nname = \"Unit\"\n\n[[indices]]\nid = \"i\"\nname = \"Index\"\n";

/// A plan read, checked and converted as `ddci` does; panics with the
/// diagnostics if it is not valid.
pub fn plan_from(text: &str) -> Plan {
    let mut loaded = crate::read::load::load_bytes(std::path::Path::new("test.toml"), text.into());
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a day");
    let plan = crate::validate::validate(&mut loaded, today);
    plan.unwrap_or_else(|| panic!("not valid: {:#?}", loaded.diagnostics))
}

/// The diagnostics' codes for a plan that is not valid.
pub fn problems(text: &str) -> Vec<&'static str> {
    let mut loaded = crate::read::load::load_bytes(std::path::Path::new("test.toml"), text.into());
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a day");
    assert!(crate::validate::validate(&mut loaded, today).is_none());
    loaded.diagnostics.iter().map(|d| d.code).collect()
}

/// A plan whose one task `t` has the schedule written in `schedule`.
pub fn plan_with_task_schedule(schedule: &str) -> Plan {
    plan_from(&format!(
        "{HEADER}\n[[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"u\"]\n\
         [tasks.schedule]\n{schedule}\n"
    ))
}

fn target(body: &str, index_scores: &str, overall: &str) -> Goal {
    let plan = plan_from(&format!(
        "{HEADER}{index_scores}\n[plan.overall]\n{overall}\n\
         [[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"u\"]\nschedule = {{ kind = \"ongoing\" }}\n\
         [[targets]]\nid = \"g\"\ntext = \"goal\"\n{body}\n"
    ));
    plan.targets[0].goals.first().clone()
}

#[test]
fn baselines_come_from_the_target_else_its_index_else_the_overall_result() {
    let index = "previous_score = 6.5\nprevious_rank = { rank = 6, of = 11 }";
    let overall = "previous_score = 70.0\nprevious_rank = { rank = 7, of = 18 }";
    let rank = |value, source| Some(Baseline { value, source });
    let cases: [(&str, &str, &str, Goal); 7] = [
        (
            "kind = \"rank_improvement\"\nplaces = 2\nindex = \"i\"\nbaseline_rank = { rank = 9, of = 11 }",
            index,
            overall,
            Goal::RankImprovement {
                places: 2,
                places_max: None,
                baseline: rank(
                    RankOf {
                        rank: 9,
                        of: Some(11),
                    },
                    BaselineSource::Target,
                ),
            },
        ),
        (
            "kind = \"rank_improvement\"\nplaces = 2\nindex = \"i\"",
            index,
            overall,
            Goal::RankImprovement {
                places: 2,
                places_max: None,
                baseline: rank(
                    RankOf {
                        rank: 6,
                        of: Some(11),
                    },
                    BaselineSource::Index,
                ),
            },
        ),
        (
            // An index with no rank of its own does not borrow the overall one.
            "kind = \"rank_improvement\"\nplaces = 2\ntask = \"t\"",
            "",
            overall,
            Goal::RankImprovement {
                places: 2,
                places_max: None,
                baseline: None,
            },
        ),
        (
            "kind = \"rank_improvement\"\nplaces = 4",
            index,
            overall,
            Goal::RankImprovement {
                places: 4,
                places_max: None,
                baseline: rank(
                    RankOf {
                        rank: 7,
                        of: Some(18),
                    },
                    BaselineSource::Overall,
                ),
            },
        ),
        (
            "kind = \"score_change_at_least\"\npoints = 1.5\ntask = \"t\"",
            index,
            overall,
            Goal::ScoreChangeAtLeast {
                points: 1.5,
                points_max: None,
                scale: None,
                baseline: Some(Baseline {
                    value: 6.5,
                    source: BaselineSource::Index,
                }),
            },
        ),
        (
            "kind = \"score_change_at_least\"\npoints = 3",
            index,
            overall,
            Goal::ScoreChangeAtLeast {
                points: 3.0,
                points_max: None,
                scale: None,
                baseline: Some(Baseline {
                    value: 70.0,
                    source: BaselineSource::Overall,
                }),
            },
        ),
        (
            "kind = \"maintain\"\nindex = \"i\"\nbaseline = 7.25",
            index,
            overall,
            Goal::Maintain {
                scale: None,
                baseline: Some(Baseline {
                    value: 7.25,
                    source: BaselineSource::Target,
                }),
            },
        ),
    ];
    for (body, index, overall, expected) in cases {
        assert_eq!(target(body, index, overall), expected, "{body}");
    }
}

#[test]
fn each_kind_takes_its_own_keys() {
    let with = |body: &str| {
        problems(&format!(
            "{HEADER}\n[[targets]]\nid = \"g\"\ntext = \"goal\"\n{body}\n"
        ))
    };
    assert_eq!(with("kind = \"percent_at_least\""), ["missing-goal"]);
    assert_eq!(
        with("kind = \"percent_at_least\"\npercent = 80\nmax = 1"),
        ["goal-does-not-fit-kind"]
    );
    assert_eq!(
        with("kind = \"count_at_most\"\nmax = 1\nper = \"year\"\ndue = 2024-06-30"),
        ["goal-does-not-fit-kind"]
    );
    assert_eq!(
        with("kind = \"deliverable\"\npercent = 3"),
        ["goal-does-not-fit-kind"]
    );
    assert_eq!(
        with("kind = \"change\"\npercent = 30"),
        ["missing-goal"],
        "a change needs its direction"
    );
}

#[test]
fn records_are_in_date_order_with_corrections_linked() {
    let plan = plan_from(&format!(
        "{HEADER}\n[[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = [\"u\"]\n\
         schedule = {{ kind = \"ongoing\" }}\n\
         [[tasks.records]]\nid = \"b\"\ndate = 2024-05-01\nnote = \"second\"\n\
         [[tasks.records]]\nid = \"a\"\ndate = 2024-04-01\nnote = \"first\"\n\
         [[tasks.records]]\ndate = 2024-06-01\ncorrects = \"b\"\nnote = \"fixed\"\n"
    ));
    let records = &plan.tasks[0].records;
    let notes = |day: &str| -> Vec<&str> {
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("day");
        records
            .as_of(day)
            .filter_map(|record| record.note.as_deref())
            .collect()
    };
    assert_eq!(notes("2024-05-31"), ["first", "second"]);
    assert_eq!(notes("2024-06-01"), ["first", "fixed"]);
}
