//! What the period's figures say of a target: the figure measured in the
//! period, one from before it (not the period's result), the previous
//! period's, counts judged period by period, and the period's judgement.

#![allow(clippy::too_many_lines)] // tables of cases, read top to bottom

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::judge::status::{AsOf, Assessment};
use crate::plan::build::tests::{HEADER, plan_from};
use crate::plan::model::PeriodRule;
use crate::time::period::Period;
use crate::words::labels::Language;

use super::{Previous, ReportRequest, build};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// A plan with one target of `goal` and records `(date, value or status)`.
fn plan_with(goal: &str, records: &[(&str, &str)]) -> crate::plan::model::Plan {
    let mut text =
        format!("{HEADER}\n[[targets]]\nid = \"x\"\ntext = \"x\"\nindex = \"i\"\n{goal}\n");
    for (date, measure) in records {
        let measure = if measure.starts_with('"') {
            format!("status = {measure}")
        } else {
            format!("value = {measure}")
        };
        let _ = write!(text, "\n[[targets.records]]\ndate = {date}\n{measure}\n");
    }
    plan_from(&text)
}

fn request(period: Period) -> ReportRequest {
    ReportRequest {
        period,
        as_of: AsOf::closed(period.end),
        owner: None,
        language: Language::Vi,
        rule: PeriodRule::Calendar,
        signed_on: None,
    }
}

const PERCENT: &str = "kind = \"percent_at_least\"\npercent = 80";
const DELIVERABLE: &str = "kind = \"deliverable\"";
const MONTHLY: &str = "kind = \"count_at_least\"\nmin = 1\nper = \"month\"";
const NONE_A_YEAR: &str = "kind = \"count_at_most\"\nmax = 0\nper = \"year\"";
const ONCE_A_YEAR: &str = "kind = \"count_at_most\"\nmax = 1\nper = \"year\"";

/// A target's goal, its records, the Q2 judgement, whether a figure was
/// measured in the period, and whether only one from before it was.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], Assessment, bool, bool);

#[test]
fn the_quarter_s_judgement_rests_on_the_quarter_s_figures() {
    let cases: &[Case<'_>] = &[
        (
            PERCENT,
            &[("2024-05-31", "81")],
            Assessment::Met,
            true,
            false,
        ),
        (
            PERCENT,
            &[("2024-05-31", "74")],
            Assessment::NotYetMet,
            true,
            false,
        ),
        (
            PERCENT,
            &[("2024-04-01", "74"), ("2024-06-30", "80")],
            Assessment::Met,
            true,
            false,
        ),
        // Met in Q1, silent in Q2: not the quarter's result.
        (
            PERCENT,
            &[("2024-03-31", "90")],
            Assessment::NoData,
            false,
            true,
        ),
        // After the quarter: not seen at all.
        (
            PERCENT,
            &[("2024-07-01", "90")],
            Assessment::NoData,
            false,
            false,
        ),
        (PERCENT, &[], Assessment::NoData, false, false),
        // A deliverable done before the quarter stays done.
        (
            DELIVERABLE,
            &[("2024-02-20", "\"done\"")],
            Assessment::Met,
            false,
            true,
        ),
        (
            DELIVERABLE,
            &[("2024-02-20", "\"in_progress\"")],
            Assessment::NoData,
            false,
            true,
        ),
        (
            DELIVERABLE,
            &[("2024-05-01", "\"in_progress\"")],
            Assessment::NotYetMet,
            true,
            false,
        ),
        (
            DELIVERABLE,
            &[("2024-05-01", "\"done\"")],
            Assessment::Met,
            true,
            false,
        ),
        // Counts: each month of the quarter, judged once it is over.
        (
            MONTHLY,
            &[
                ("2024-04-10", "1"),
                ("2024-05-10", "1"),
                ("2024-06-10", "1"),
            ],
            Assessment::Met,
            true,
            false,
        ),
        // May: nothing recorded in it; June's record does not say none.
        (
            MONTHLY,
            &[("2024-04-10", "1"), ("2024-06-10", "1")],
            Assessment::NoData,
            true,
            false,
        ),
        (
            MONTHLY,
            &[
                ("2024-04-10", "1"),
                ("2024-05-31", "0"),
                ("2024-06-10", "1"),
            ],
            Assessment::NotMet,
            true,
            false,
        ),
        // Silent all quarter after a record before it: its months were not
        // recorded, not missed.
        (
            MONTHLY,
            &[("2024-03-10", "1")],
            Assessment::NoData,
            false,
            true,
        ),
        // May recorded as none (a record of 0), April and June not recorded.
        (
            MONTHLY,
            &[("2024-05-15", "0")],
            Assessment::NotMet,
            true,
            false,
        ),
        (MONTHLY, &[], Assessment::NoData, false, false),
        // Silent in the quarter, a year's count: nothing to judge it by.
        (
            NONE_A_YEAR,
            &[("2024-03-31", "0")],
            Assessment::NoData,
            false,
            true,
        ),
        // A year's count within a quarter: the year is not over; too many is
        // known at once, none so far keeps to the goal.
        (
            NONE_A_YEAR,
            &[("2024-06-30", "0")],
            Assessment::Met,
            true,
            false,
        ),
        (
            ONCE_A_YEAR,
            &[("2024-05-02", "2")],
            Assessment::NotMet,
            true,
            false,
        ),
    ];
    for (goal, records, judgement, measured, earlier) in cases {
        let plan = plan_with(goal, records);
        let report = build(&plan, request(Period::quarter(2024, 2).expect("Q2")));
        let entry = &report.targets[0];
        assert_eq!(
            (
                entry.judgement,
                entry.measured.is_some(),
                entry.earlier.is_some()
            ),
            (*judgement, *measured, *earlier),
            "{goal} with {records:?}"
        );
    }
}

#[test]
fn counts_name_the_months_that_fell_short() {
    let plan = plan_with(
        MONTHLY,
        &[
            ("2024-04-10", "1"),
            ("2024-05-31", "0"),
            ("2024-06-10", "1"),
        ],
    );
    let report = build(&plan, request(Period::quarter(2024, 2).expect("Q2")));
    let counted = report.targets[0].count_periods.clone().expect("a count");
    assert_eq!((counted.due, counted.kept), (3, 2));
    assert_eq!(counted.failing, vec![Period::month(2024, 5).expect("May")]);
    assert!(counted.unrecorded.is_empty());
    assert_eq!(report.targets[0].period_amount, Some(2.0));
    // With nothing in May, it is not recorded, not failed.
    let plan = plan_with(MONTHLY, &[("2024-04-10", "1"), ("2024-06-10", "1")]);
    let report = build(&plan, request(Period::quarter(2024, 2).expect("Q2")));
    let counted = report.targets[0].count_periods.clone().expect("a count");
    assert!(counted.failing.is_empty());
    assert_eq!(
        counted.unrecorded,
        vec![Period::month(2024, 5).expect("May")]
    );
    // May recorded as none (a 0 on 20 May); June, after that last record,
    // not recorded, so not missed.
    let plan = plan_with(MONTHLY, &[("2024-04-10", "1"), ("2024-05-20", "0")]);
    let report = build(&plan, request(Period::quarter(2024, 2).expect("Q2")));
    let counted = report.targets[0].count_periods.clone().expect("a count");
    assert_eq!((counted.due, counted.kept), (3, 1));
    assert_eq!(counted.failing, vec![Period::month(2024, 5).expect("May")]);
    assert_eq!(
        counted.unrecorded,
        vec![Period::month(2024, 6).expect("June")]
    );
    assert_eq!(report.targets[0].judgement, Assessment::NotMet);
}

#[test]
fn the_previous_period_s_figure_is_its_own_latest() {
    let plan = plan_with(
        PERCENT,
        &[
            ("2024-02-01", "60"),
            ("2024-03-31", "65"),
            ("2024-06-30", "74"),
        ],
    );
    let report = build(&plan, request(Period::quarter(2024, 2).expect("Q2")));
    match report.targets[0].previous {
        Some(Previous::Value(record)) => assert_eq!(record.value, Some(65.0)),
        other => panic!("{other:?}"),
    }
    // With nothing in Q1 there is nothing to compare with.
    let plan = plan_with(PERCENT, &[("2023-12-31", "60"), ("2024-06-30", "74")]);
    let report = build(&plan, request(Period::quarter(2024, 2).expect("Q2")));
    assert!(report.targets[0].previous.is_none());
    // A count compares amounts.
    let plan = plan_with(
        MONTHLY,
        &[
            ("2024-01-10", "1"),
            ("2024-02-10", "2"),
            ("2024-05-10", "1"),
        ],
    );
    let report = build(&plan, request(Period::quarter(2024, 2).expect("Q2")));
    match report.targets[0].previous {
        Some(Previous::Amount { amount, .. }) => assert!((amount - 3.0).abs() < 1e-9),
        other => panic!("{other:?}"),
    }
}

/// Under Decree 09/2019, Q2 is 15 March to 14 June: a record of 20 June is
/// the next quarter's, one of 10 March the previous quarter's.
#[test]
fn decree_09_quarters_take_records_from_the_15th_to_the_14th() {
    let plan = plan_with(
        PERCENT,
        &[
            ("2024-03-10", "60"),
            ("2024-03-15", "70"),
            ("2024-06-14", "75"),
            ("2024-06-20", "85"),
        ],
    );
    let period = Period::quarter(2024, 2)
        .expect("Q2")
        .under(PeriodRule::Decree09);
    let mut asked = request(period);
    asked.rule = PeriodRule::Decree09;
    let report = build(&plan, asked);
    let entry = &report.targets[0];
    assert_eq!(entry.measured.and_then(|record| record.value), Some(75.0));
    assert_eq!(entry.in_period.len(), 2);
    match entry.previous {
        Some(Previous::Value(record)) => assert_eq!(record.date, day("2024-03-10")),
        other => panic!("{other:?}"),
    }
    assert_eq!(entry.judgement, Assessment::NotYetMet);
}

/// The subject line in an office's word order: the period after the plan's
/// topic, its own year taking the place of the title's ("… (DDCI) Quý II
/// năm 2024"), nothing added to a year's report of a plan titled with its
/// year, the whole period after a title without one.
#[test]
fn the_subject_puts_the_period_where_an_office_writes_it() {
    let titled =
        |title: &str| plan_from(&HEADER.replace("title = \"T\"", &format!("title = \"{title}\"")));
    let with_year = titled("Kế hoạch nâng cao Chỉ số DDCI năm 2024");
    let without = titled("Kế hoạch nâng cao Chỉ số DDCI");
    let periods = [
        (Period::quarter(2024, 2), "Quý II năm 2024"),
        (Period::half(2024, 1), "6 tháng đầu năm 2024"),
        (Period::nine_months(2024), "9 tháng đầu năm 2024"),
        (Period::month(2024, 3), "tháng 3 năm 2024"),
    ];
    for (period, words) in periods {
        let period = period.expect("a period");
        for plan in [&with_year, &without] {
            let report = build(plan, request(period));
            assert_eq!(
                super::framing::subject(&report),
                format!("Kết quả thực hiện Kế hoạch nâng cao Chỉ số DDCI {words}")
            );
        }
    }
    let year = Period::year(2024).expect("2024");
    assert_eq!(
        super::framing::subject(&build(&with_year, request(year))),
        "Kết quả thực hiện Kế hoạch nâng cao Chỉ số DDCI năm 2024"
    );
    assert_eq!(
        super::framing::subject(&build(&without, request(year))),
        "Kết quả thực hiện Kế hoạch nâng cao Chỉ số DDCI năm 2024"
    );
}

/// The DDCI position a report states: the year's result against the year
/// before's (the plan's previous figures in its first year), each
/// component, what rose and fell; the group's change of size said; a year
/// report signed before publication gives the year before's; a quarter's
/// report states the result published within it; a unit's own, none.
#[test]
fn the_ddci_position_against_the_year_before() {
    let header = HEADER.replace(
        "[[units]]",
        "bands = [\"khá\", \"tốt\"]\n\n[plan.overall]\ngroup = \"Sở, ban, ngành\"\nprevious_score = 70.5\nprevious_rank = { rank = 7, of = 18 }\n\n[[units]]",
    )
    .replace("name = \"Index\"", "name = \"Tính minh bạch\"\nprevious_score = 6.9");
    let results = |of: u32| {
        format!(
            "\n[[results]]\nyear = 2024\nscore = 78.5\nrank = 4\nof = {of}\nband = \"tốt\"\npublished = 2025-03-27\n\n\
             [[results]]\nyear = 2024\nindex = \"i\"\nscore = 6.5\nrank = 9\nof = {of}\npublished = 2025-03-27\n"
        )
    };
    let said = |text: &str, period: Period, signed_on: Option<&str>, owner: bool| {
        let plan = plan_from(text);
        let mut asked = request(period);
        if let Some(day) = signed_on {
            asked.as_of = asked.as_of.known_on(self::day(day));
        }
        if owner {
            asked.owner = plan.unit_by_id("u");
        }
        let report = build(&plan, asked);
        let mut body = crate::render::document::Document::default();
        let written = super::position::position(&report, 1, &mut body);
        (written, crate::render::markdown::render(&body))
    };
    let year = Period::year(2024).expect("2024");
    let (written, text) = said(&format!("{header}{}", results(18)), year, None, false);
    assert!(written);
    assert_eq!(
        text,
        "### 1. Kết quả Chỉ số DDCI năm 2024\n\n\
         Theo kết quả công bố ngày 27/03/2025, chỉ số DDCI năm 2024 của A đạt 78,50 điểm, xếp thứ 4/18 (khối Sở, ban, ngành), xếp loại tốt; năm 2023: 70,50 điểm, xếp thứ 7/18; tăng 8,00 điểm, tăng 3 bậc.\n\n\
         - Tính minh bạch: 6,50 điểm, xếp thứ 9/18 (năm 2023: 6,90 điểm).\n\n\
         So với năm 2023, giảm điểm 01 chỉ số: Tính minh bạch.\n"
    );
    let (_, grown) = said(&format!("{header}{}", results(26)), year, None, false);
    assert!(
        grown.contains("tăng 8,00 điểm, tăng 3 bậc, nhóm xếp hạng thay đổi từ 18 thành 26 đơn vị, thứ hạng hai năm không so sánh trực tiếp được."),
        "{grown}"
    );
    let (written, before) = said(
        &format!("{header}{}", results(18)),
        year,
        Some("2025-01-15"),
        false,
    );
    assert!(written);
    assert_eq!(
        before,
        "### 1. Kết quả Chỉ số DDCI năm 2024\n\n\
         Kết quả Chỉ số DDCI năm 2024 chưa được công bố tại thời điểm báo cáo; năm 2023: 70,50 điểm, xếp thứ 7/18.\n"
    );
    assert!(!said(&format!("{header}{}", results(18)), year, None, true).0);
    // Nothing published, not even the year before: said so all the same.
    assert_eq!(
        said(HEADER, year, None, false),
        (
            true,
            "### 1. Kết quả Chỉ số DDCI năm 2024\n\n\
             Kết quả Chỉ số DDCI năm 2024 chưa được công bố tại thời điểm báo cáo.\n"
                .to_owned()
        )
    );
    // A plan of 2025: its Q1 report states the 2024 result published in it.
    let next_year = header.replace("year = 2024\n", "year = 2025\n");
    let (written, q1) = said(
        &format!("{next_year}{}", results(18)),
        Period::quarter(2025, 1).expect("Q1"),
        None,
        false,
    );
    assert!(written);
    assert!(
        q1.starts_with("### 1. Kết quả Chỉ số DDCI năm 2024\n"),
        "{q1}"
    );
    let (written, _) = said(
        &format!("{next_year}{}", results(18)),
        Period::quarter(2025, 2).expect("Q2"),
        None,
        false,
    );
    assert!(!written);
}
