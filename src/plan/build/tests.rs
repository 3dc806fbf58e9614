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
    plan_on(text, NaiveDate::from_ymd_opt(2025, 6, 1).expect("a day"))
}

/// As `plan_from`, checked on `today`.
pub fn plan_on(text: &str, today: NaiveDate) -> Plan {
    let mut loaded = crate::read::load::load_bytes(std::path::Path::new("test.toml"), text.into());
    let plan = crate::validate::validate(&mut loaded, today);
    plan.unwrap_or_else(|| panic!("not valid: {:#?}", loaded.diagnostics))
}

/// Every diagnostic's code, errors and warnings, for a plan valid or not.
pub fn codes(text: &str) -> Vec<&'static str> {
    let mut loaded = crate::read::load::load_bytes(std::path::Path::new("test.toml"), text.into());
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a day");
    let _ = crate::validate::validate(&mut loaded, today);
    loaded.diagnostics.iter().map(|found| found.code).collect()
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
                by_share: false,
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
                by_share: false,
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
                by_share: false,
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
                by_share: false,
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
                // The group the index's previous rank was of.
                baseline_of: Some(11),
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
                baseline_of: Some(18),
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
                // A figure the target gives has no group.
                baseline_of: None,
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

/// The names in force on each side of each change: the plan's agency and
/// province, a unit renamed, and who answers for a unit that ended.
#[test]
fn names_and_units_in_force_on_each_side_of_a_change() {
    let plan = plan_from(
        "[plan]\ntitle = \"T\"\nagency = \"Sở TT&TT\"\nagency_short = \"TT\"\nprovince = \"Kon Tum\"\n\
         parent_agency = \"UBND tỉnh Kon Tum\"\ncode = \"STTTT\"\nyear = 2025\n\n\
         [[plan.changes]]\nfrom = 2025-07-01\nprovince = \"Quảng Ngãi\"\nparent_agency = \"UBND tỉnh Quảng Ngãi\"\n\n\
         [[plan.changes]]\nfrom = 2025-03-01\nagency = \"Sở KH&CN\"\ncode = \"SKHCN\"\n\n\
         [[units]]\nid = \"old\"\nname = \"Phòng cũ\"\nends = 2025-02-28\nsuccessor = \"new\"\n\n\
         [[units]]\nid = \"new\"\nname = \"Phòng BC-VT\"\nshort = \"BC\"\n\
         changes = [{ from = 2025-03-01, name = \"Phòng CĐS\", short = \"CĐS\" }]\n",
    );
    let day = |text: &str| -> NaiveDate { text.parse().expect("a day") };
    let names = |text: &str| {
        let names = plan.names_on(day(text));
        (
            names.agency.to_owned(),
            names.agency_short.map(str::to_owned),
            names.province.to_owned(),
            names.place.to_owned(),
            names.code.map(str::to_owned),
        )
    };
    let cases = [
        (
            "2025-02-28",
            ("Sở TT&TT", Some("TT"), "Kon Tum", "Kon Tum", Some("STTTT")),
        ),
        (
            "2025-03-01",
            ("Sở KH&CN", None, "Kon Tum", "Kon Tum", Some("SKHCN")),
        ),
        (
            "2025-06-30",
            ("Sở KH&CN", None, "Kon Tum", "Kon Tum", Some("SKHCN")),
        ),
        (
            "2025-07-01",
            ("Sở KH&CN", None, "Quảng Ngãi", "Quảng Ngãi", Some("SKHCN")),
        ),
    ];
    for (at, (agency, short, province, place, code)) in cases {
        assert_eq!(
            names(at),
            (
                agency.to_owned(),
                short.map(str::to_owned),
                province.to_owned(),
                place.to_owned(),
                code.map(str::to_owned)
            ),
            "{at}"
        );
    }
    let old = plan.unit_by_id("old").expect("old");
    let new = plan.unit_by_id("new").expect("new");
    assert_eq!(plan.answering_on(old, day("2025-02-28")), Some(old));
    assert_eq!(plan.answering_on(old, day("2025-03-01")), Some(new));
    assert_eq!(
        plan.unit(new).names_on(day("2025-02-28")),
        ("Phòng BC-VT", Some("BC"))
    );
    assert_eq!(
        plan.unit(new).names_on(day("2025-03-01")),
        ("Phòng CĐS", Some("CĐS"))
    );
    assert!(
        plan.stands_for(old, new),
        "the successor stands for the unit it took over"
    );
    assert!(!plan.stands_for(new, old));
}
