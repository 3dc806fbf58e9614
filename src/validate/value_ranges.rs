//! Numbers that cannot be: a percent over 100, a rank of 0, a rank of 20 in
//! a group of 18, a score above its scale, a count below zero.

use crate::plan::spanned::Spanned;

use super::Context;
use crate::plan::file::{Direction, RankOf};
use crate::plan::target_kind::{Measure, Quantity};
use crate::read::diagnostic::Diagnostic;

/// The largest count one record may carry.
const MOST_IN_A_COUNT: f64 = 1_000_000.0;

/// Component scores are on a 10-point scale unless a plan says otherwise.
pub const DEFAULT_INDEX_SCALE: f64 = 10.0;
/// Overall DDCI scores are out of 100 unless a plan says otherwise.
pub const DEFAULT_OVERALL_SCALE: f64 = 100.0;

/// A plan of several years runs for five at most (a term's plan is 2021–2025).
const MOST_YEARS_IN_A_PLAN: i64 = 5;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    check_own_years(context, found);
    if let Some(plan) = &file.plan {
        check_header(plan, found);
    }
    check_indices_and_schedules(file, found);
    for target in &file.targets {
        check_target_numbers(
            target,
            file.plan.as_ref().map_or(0, |plan| plan.bands.len()),
            found,
        );
    }
    check_results(file, context.today, found);
    check_duties(file, found);
}

/// A task's or target's own `year` is one of the plan's.
fn check_own_years(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    if let Some((first, last)) = context.years() {
        let own_years = file
            .tasks
            .iter()
            .filter_map(|task| task.year.as_ref())
            .chain(
                file.targets
                    .iter()
                    .filter_map(|target| target.year.as_ref()),
            );
        for own in own_years {
            let asked = own.get_ref();
            if !(first..=last).contains(asked) {
                let span = if first == last {
                    format!("{first}")
                } else {
                    format!("{first}–{last}")
                };
                found.push(
                    Diagnostic::error(
                        "year-outside-plan",
                        crate::say!(
                            "{asked} không phải một năm của kế hoạch này ({span})",
                            "{asked} is not a year of this plan ({span})"
                        ),
                    )
                    .at(own.span())
                    .label(crate::say!(
                        "phải từ {first} đến {last}",
                        "must be {first} to {last}"
                    ))
                    .help(crate::say!(
                        "nhiệm vụ hay chỉ tiêu của một năm ghi một năm trong thời gian của kế hoạch (từ `[plan] year` đến `until`); bỏ `year` nếu áp dụng cho mọi năm",
                        "a task or target of one year names a year the plan spans (`[plan] year` to `until`); leave `year` out for every year"
                    )),
                );
            }
        }
    }
}

/// The plan's year and span, and its overall result's numbers.
fn check_header(plan: &crate::plan::file::PlanHeader, found: &mut Vec<Diagnostic>) {
    let year = plan.year.get_ref();
    if !(2000..=2100).contains(year) {
        found.push(
            Diagnostic::error(
                "out-of-range",
                crate::say!(
                    "{year} không thể là năm của một kế hoạch",
                    "{year} is not a plausible plan year"
                ),
            )
            .at(plan.year.span())
            .help(crate::say!(
                "viết năm của kế hoạch bằng bốn chữ số, ví dụ 2024",
                "write the four-digit year the plan is for, e.g. 2024"
            )),
        );
    }
    if let Some(until) = &plan.until {
        let last = until.get_ref();
        if !(*year..=*year + MOST_YEARS_IN_A_PLAN).contains(last) {
            let most = year + MOST_YEARS_IN_A_PLAN;
            found.push(
                Diagnostic::error(
                    "out-of-range",
                    crate::say!(
                        "kế hoạch bắt đầu từ năm {year} không thể kéo dài đến năm {last}",
                        "a plan from {year} cannot run until {last}"
                    ),
                )
                .at(until.span())
                .label(crate::say!(
                    "phải từ {year} đến {most}",
                    "must be {year} to {most}"
                ))
                .help(crate::say!(
                    "`until` là năm cuối cùng của kế hoạch, ví dụ `year = 2023` và `until = 2025` cho giai đoạn 2023–2025",
                    "`until` is the plan's last year, e.g. `year = 2023` and `until = 2025` for 2023–2025"
                )),
            );
        }
    }
    if let Some(overall) = &plan.overall {
        let scale = scale(overall.scale.as_ref(), DEFAULT_OVERALL_SCALE, found);
        for score in [&overall.previous_score, &overall.expected_score]
            .into_iter()
            .flatten()
        {
            between(score, 0.0, scale, What::Score, found);
        }
        if let Some(rank) = &overall.previous_rank {
            check_rank(rank.get_ref(), found);
        }
    }
}

/// Each index's scores, weight and rank, and each schedule's interval and day.
fn check_indices_and_schedules(file: &crate::plan::file::PlanFile, found: &mut Vec<Diagnostic>) {
    for index in &file.indices {
        let scale = scale(index.scale.as_ref(), DEFAULT_INDEX_SCALE, found);
        for score in [&index.previous_score, &index.expected_score]
            .into_iter()
            .flatten()
        {
            between(score, 0.0, scale, What::Score, found);
        }
        if let Some(weight) = &index.weight {
            between(weight, 0.0, 100.0, What::Weight, found);
        }
        if let Some(rank) = &index.previous_rank {
            check_rank(rank.get_ref(), found);
        }
    }
    for task in &file.tasks {
        let schedule = task.schedule.get_ref();
        if let Some(interval) = &schedule.interval {
            at_least(interval, 1, What::Interval, found);
        }
        if let Some(day) = &schedule.day
            && !(1..=31).contains(day.get_ref())
        {
            found.push(out_of_range(
                day.span(),
                What::DayOfMonth,
                &crate::say!("từ 1 đến 31", "1 to 31"),
            ));
        }
    }
}

/// Each published result's year, scores and rank within its group.
/// The largest group results are ranked in: Vietnam had about 10,000
/// communes before 2025; a department is ranked among a province's few dozen.
const MOST_IN_A_GROUP: i64 = 10_000;

fn check_results(
    file: &crate::plan::file::PlanFile,
    today: chrono::NaiveDate,
    found: &mut Vec<Diagnostic>,
) {
    for result in &file.results {
        let year = result.year.get_ref();
        if !(2000..=2100).contains(year) {
            found.push(out_of_range(
                result.year.span(),
                What::Year,
                &crate::say!("từ 2000 đến 2100", "2000 to 2100"),
            ));
        }
        for count in [&result.rank, &result.of].into_iter().flatten() {
            if *count.get_ref() > MOST_IN_A_GROUP {
                found.push(out_of_range(
                    count.span(),
                    What::RankOrGroupSize,
                    &crate::say!("từ 1 đến 10000", "1 to 10000"),
                ));
            }
        }
        // A year's result is published during the year or the two after it
        // (the next spring, as a rule), and not on a day still to come.
        if let Some(published) = &result.published {
            let day = published.get_ref().0;
            let published_year = i64::from(chrono::Datelike::year(&day));
            if !(*year..=*year + 2).contains(&published_year) {
                let next = year + 1;
                found.push(
                    Diagnostic::error(
                        "published-outside-its-time",
                        crate::say!(
                            "kết quả năm {year} được ghi là công bố ngày {day}, không thuộc năm {year} hay hai năm sau đó",
                            "the {year} result is said to be published on {day}, not in {year} or the two years after"
                        ),
                    )
                    .at(published.span())
                    .label(crate::say!(
                        "không phải lúc kết quả của năm đó được công bố",
                        "not when a result of that year is published"
                    ))
                    .help(crate::say!(
                        "ghi ngày công bố kết quả năm {year} (thường vào mùa xuân năm {next})",
                        "give the day the {year} result was announced (usually in the spring of {next})"
                    )),
                );
            } else if day > today {
                found.push(
                    Diagnostic::error(
                        "published-in-the-future",
                        crate::say!(
                            "kết quả được ghi là công bố ngày {day}, sau hôm nay ({today})",
                            "the result is said to be published on {day}, after today ({today})"
                        ),
                    )
                    .at(published.span())
                    .label(crate::say!("một ngày chưa tới", "a day still to come"))
                    .help(crate::say!(
                        "chỉ ghi kết quả sau khi đã được công bố",
                        "record a result once it is published"
                    )),
                );
            }
        }
        let scale = if result.index.is_some() {
            DEFAULT_INDEX_SCALE
        } else {
            DEFAULT_OVERALL_SCALE
        };
        for score in [&result.score, &result.median].into_iter().flatten() {
            between(score, 0.0, scale, What::Score, found);
        }
        if let Some(rank) = &result.rank {
            at_least(rank, 1, What::Rank, found);
            if let Some(of) = &result.of
                && of.get_ref() < rank.get_ref()
            {
                found.push(rank_beyond_group(rank.span(), *of.get_ref()));
            }
        }
    }
}

/// Each reporting duty's days.
fn check_duties(file: &crate::plan::file::PlanFile, found: &mut Vec<Diagnostic>) {
    for duty in &file.reporting {
        for days in [&duty.due_days_after, &duty.cutoff_days_before]
            .into_iter()
            .flatten()
        {
            // A report is due within the year after its period, never later.
            if !(0..=366).contains(days.get_ref()) {
                found.push(out_of_range(
                    days.span(),
                    What::NumberOfDays,
                    &crate::say!("từ 0 đến 366", "0 to 366"),
                ));
            }
        }
    }
}

/// `bands`: how many bands the plan names (0: none).
#[expect(
    clippy::too_many_lines,
    reason = "129 lines; to be split into its steps (ARCHITECTURE.md)"
)]
fn check_target_numbers(
    target: &crate::plan::file::Target,
    bands: usize,
    found: &mut Vec<Diagnostic>,
) {
    let kind = *target.kind.get_ref();
    if let Some(percent) = &target.percent {
        let increase =
            target.direction.as_ref().map(Spanned::get_ref) == Some(&Direction::Increase);
        if kind.quantity() == Some(Quantity::Change) && increase {
            between(percent, 0.0, f64::MAX, What::PercentIncrease, found);
        } else {
            between(percent, 0.0, 100.0, What::Percent, found);
        }
    }
    for count in [&target.max, &target.min].into_iter().flatten() {
        at_least(count, 0, What::Count, found);
    }
    if let Some(places) = &target.places {
        at_least(places, 1, What::NumberOfPlaces, found);
        if let Some(places_max) = &target.places_max {
            at_least(places_max, *places.get_ref(), What::UpperPlaces, found);
        }
    }
    if let Some(rank) = &target.rank {
        at_least(rank, 1, What::Rank, found);
    }
    if let Some(baseline_rank) = &target.baseline_rank {
        check_rank(baseline_rank.get_ref(), found);
    }
    let scale = scale(
        target.scale.as_ref(),
        if target.index.is_some() || target.task.is_some() {
            DEFAULT_INDEX_SCALE
        } else {
            DEFAULT_OVERALL_SCALE
        },
        found,
    );
    if let Some(score) = &target.score {
        between(score, 0.0, scale, What::Score, found);
    }
    if let Some(points) = &target.points {
        between(points, 0.0, scale, What::ScoreChange, found);
        // "Up by between 0,5 and 1 point": the upper end is not below the lower.
        if let Some(points_max) = &target.points_max {
            between(
                points_max,
                *points.get_ref(),
                scale,
                What::UpperPoints,
                found,
            );
        }
    }
    // The group's median or average, as the province publishes them.
    if let Some(reference) = &target.reference
        && !matches!(reference.get_ref().as_str(), "median" | "average")
    {
        let written = reference.get_ref();
        found.push(
            Diagnostic::error(
                "out-of-range",
                crate::say!(
                    "`{written}` không phải một số liệu tham chiếu được công bố",
                    "`{written}` is not a published reference"
                ),
            )
            .at(reference.span())
            .label(crate::say!(
                "phải là \"median\" hoặc \"average\"",
                "must be \"median\" or \"average\""
            ))
            .help(crate::say!(
                "chỉ tiêu `above_reference` so sánh với điểm trung vị (`reference = \"median\"`) hoặc điểm trung bình (`reference = \"average\"`) của nhóm đã được công bố",
                "an `above_reference` target compares with the group's published median (`reference = \"median\"`) or average (`reference = \"average\"`)"
            )),
        );
    }
    // A score's baseline is on the score's scale; a change's is any figure.
    if let Some(baseline) = &target.baseline {
        if kind.quantity() == Some(Quantity::Score) {
            between(baseline, 0.0, scale, What::Score, found);
        } else {
            finite(baseline, found);
        }
    }
    for record in &target.records {
        if let Some(value) = &record.value {
            match kind.measure() {
                Measure::Value(Quantity::Percent) => {
                    between(value, 0.0, 100.0, What::Percent, found);
                }
                // How many indices fell: a count of them.
                Measure::Value(Quantity::Count | Quantity::Fallen) => {
                    whole_count(value, found);
                }
                Measure::Value(Quantity::Rank) => {
                    between(value, 1.0, f64::MAX, What::Rank, found);
                    if value.get_ref().is_finite() && value.get_ref().fract() != 0.0 {
                        found.push(out_of_range(
                            value.span(),
                            What::Rank,
                            &crate::say!("là số nguyên", "a whole number"),
                        ));
                    }
                    if let Some(of) = &record.of {
                        group_size(of, found);
                        #[allow(clippy::cast_precision_loss)] // group sizes are small
                        let group = *of.get_ref() as f64;
                        if group >= 1.0 && *value.get_ref() > group {
                            found.push(rank_beyond_group(value.span(), *of.get_ref()));
                        }
                    }
                }
                Measure::Value(Quantity::Band) => {
                    // A band's place among the plan's bands, lowest first.
                    #[allow(clippy::cast_precision_loss)] // a handful of bands
                    let most = if bands == 0 { 20.0 } else { bands as f64 };
                    between(value, 1.0, most, What::BandPlace, found);
                    if value.get_ref().is_finite() && value.get_ref().fract() != 0.0 {
                        found.push(out_of_range(
                            value.span(),
                            What::BandPlace,
                            &crate::say!("là số nguyên", "a whole number"),
                        ));
                    }
                }
                Measure::Value(Quantity::Score) => {
                    between(value, 0.0, scale, What::Score, found);
                }
                Measure::Value(Quantity::Change) => {
                    // Nothing can be cut by more than all of it.
                    let decrease = target.direction.as_ref().map(Spanned::get_ref)
                        != Some(&Direction::Increase);
                    if finite(value, found) && decrease && *value.get_ref() > 100.0 {
                        found.push(out_of_range(
                            value.span(),
                            What::Decrease,
                            &crate::say!("không quá 100 (phần trăm)", "at most 100 (percent)"),
                        ));
                    }
                }
                Measure::Status | Measure::Verdict => {
                    finite(value, found);
                }
            }
        }
    }
}

fn scale(scale: Option<&Spanned<f64>>, default: f64, found: &mut Vec<Diagnostic>) -> f64 {
    match scale {
        Some(scale) => {
            between(scale, 1.0, 1000.0, What::ScoreScale, found);
            *scale.get_ref()
        }
        None => default,
    }
}

/// A group's size: 1 to [`MOST_IN_A_GROUP`], wherever it is written (a
/// record's `of`, a previous rank's), as for a published result.
fn group_size(of: &Spanned<i64>, found: &mut Vec<Diagnostic>) {
    at_least(of, 1, What::GroupSize, found);
    if *of.get_ref() > MOST_IN_A_GROUP {
        found.push(out_of_range(
            of.span(),
            What::GroupSize,
            &crate::say!("từ 1 đến 10000", "1 to 10000"),
        ));
    }
}

fn check_rank(rank: &RankOf, found: &mut Vec<Diagnostic>) {
    at_least(&rank.rank, 1, What::Rank, found);
    if let Some(of) = &rank.of {
        group_size(of, found);
        if *of.get_ref() >= 1 && rank.rank.get_ref() > of.get_ref() {
            found.push(rank_beyond_group(rank.rank.span(), *of.get_ref()));
        }
    }
}

fn rank_beyond_group(span: std::ops::Range<usize>, of: i64) -> Diagnostic {
    Diagnostic::error(
        "out-of-range",
        crate::say!(
            "thứ hạng không thể thấp hơn vị trí cuối cùng trong một nhóm {of} đơn vị",
            "a rank cannot be lower than last place in a group of {of}"
        ),
    )
    .at(span)
    .help(crate::say!(
        "thứ hạng chạy từ 1 đến {of}; hãy kiểm tra lại thứ hạng và số đơn vị trong nhóm `of`",
        "ranks run from 1 to {of}; check the rank and the group size `of`"
    ))
}

fn whole_count(value: &Spanned<f64>, found: &mut Vec<Diagnostic>) {
    let number = *value.get_ref();
    if !finite(value, found) {
        return;
    }
    // A million events on one day is past any plan; a larger number would
    // only overflow the sums.
    if !(0.0..=MOST_IN_A_COUNT).contains(&number) || number.fract() != 0.0 {
        found.push(out_of_range(
            value.span(),
            What::Count,
            &crate::say!(
                "là số nguyên từ 0 đến 1000000",
                "a whole number from 0 to 1000000"
            ),
        ));
    }
}

fn between(value: &Spanned<f64>, low: f64, high: f64, what: What, found: &mut Vec<Diagnostic>) {
    let number = *value.get_ref();
    if !finite(value, found) {
        return;
    }
    if !(low..=high).contains(&number) {
        let range = if high >= f64::MAX {
            crate::say!("từ {low} trở lên", "{low} or more")
        } else {
            crate::say!("từ {low} đến {high}", "{low} to {high}")
        };
        found.push(out_of_range(value.span(), what, &range));
    }
}

/// `inf` and `nan` are TOML numbers but no measure or goal: reported once,
/// whatever else the number should be.
fn finite(value: &Spanned<f64>, found: &mut Vec<Diagnostic>) -> bool {
    if value.get_ref().is_finite() {
        return true;
    }
    found.push(
        Diagnostic::error(
            "not-a-number",
            crate::say!(
                "đây không phải một số hữu hạn",
                "this is not a finite number"
            ),
        )
        .at(value.span())
        .label(crate::say!("inf hoặc nan", "inf or nan"))
        .help(crate::say!(
            "hãy viết chính con số đó, ví dụ 72.5",
            "write the number itself, e.g. 72.5"
        )),
    );
    false
}

fn at_least(value: &Spanned<i64>, low: i64, what: What, found: &mut Vec<Diagnostic>) {
    if *value.get_ref() < low {
        found.push(out_of_range(
            value.span(),
            what,
            &crate::say!("từ {low} trở lên", "{low} or more"),
        ));
    }
}

fn out_of_range(span: std::ops::Range<usize>, what: What, range: &str) -> Diagnostic {
    let what = what.name();
    Diagnostic::error(
        "out-of-range",
        crate::say!(
            "giá trị này không hợp lệ cho {what}",
            "this is not possible as {what}"
        ),
    )
    .at(span)
    .label(crate::say!("phải {range}", "must be {range}"))
    .help(crate::say!("{what} phải {range}", "{what} must be {range}"))
}

/// What a number is, named in messages only when it is out of range.
#[derive(Clone, Copy)]
enum What {
    Score,
    Weight,
    Interval,
    DayOfMonth,
    Year,
    RankOrGroupSize,
    NumberOfDays,
    PercentIncrease,
    Percent,
    Count,
    NumberOfPlaces,
    UpperPlaces,
    Rank,
    ScoreChange,
    UpperPoints,
    GroupSize,
    BandPlace,
    Decrease,
    ScoreScale,
}

impl What {
    /// Its name in the language spoken.
    fn name(self) -> String {
        match self {
            Self::Score => crate::say!("điểm số", "a score"),
            Self::Weight => crate::say!("trọng số", "a weight"),
            Self::Interval => crate::say!("khoảng lặp lại (interval)", "an interval"),
            Self::DayOfMonth => crate::say!("ngày trong tháng", "a day of the month"),
            Self::Year => crate::say!("năm", "a year"),
            Self::RankOrGroupSize => crate::say!(
                "thứ hạng hoặc số đơn vị trong nhóm",
                "a rank or a group's size"
            ),
            Self::NumberOfDays => crate::say!("số ngày", "a number of days"),
            Self::PercentIncrease => crate::say!("mức tăng theo phần trăm", "a percent increase"),
            Self::Percent => crate::say!("tỷ lệ phần trăm", "a percent"),
            Self::Count => crate::say!("số lượng", "a count"),
            Self::NumberOfPlaces => crate::say!("số bậc", "a number of places"),
            Self::UpperPlaces => crate::say!(
                "số bậc ở cận trên của khoảng",
                "the upper end of a range of places"
            ),
            Self::Rank => crate::say!("thứ hạng", "a rank"),
            Self::ScoreChange => crate::say!("mức thay đổi điểm", "a score change"),
            Self::UpperPoints => crate::say!(
                "số điểm ở cận trên của khoảng",
                "the upper end of a range of points"
            ),
            Self::GroupSize => crate::say!("số đơn vị trong nhóm", "a group size"),
            Self::BandPlace => crate::say!("thứ bậc của mức xếp loại", "a band's place"),
            Self::Decrease => crate::say!("mức giảm", "a decrease"),
            Self::ScoreScale => crate::say!("thang điểm", "a score scale"),
        }
    }
}
