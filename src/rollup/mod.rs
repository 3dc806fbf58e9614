//! `ddci rollup`: many plans at once, the province's view. Every plan is
//! read and checked in parallel; each valid one gives its unit's position
//! on a day (tasks by state, targets by judgement, missed duties, reports
//! not sent, its latest DDCI result), and the component indices are compared
//! across units. A plan with errors is left out of the figures and named.

pub mod across_indices;
pub mod csv;
pub mod document;
pub mod json;
pub mod level;
pub mod paths;
pub mod province_report;
pub mod xlsx;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::judge::reports_owed::ReportState;
use crate::judge::status::{
    AsOf, Assessment, PlanStatus, TargetStatus, TaskFlag, TaskState, TaskStatus,
};
use crate::plan::model::{Plan, RankOf};
use crate::read::diagnostic::{DiagnosticJson, Severity};

pub use across_indices::IndexAcross;
pub use level::Level;

/// What the roll-up is asked for.
#[derive(Debug, Clone, Copy)]
pub struct RollupRequest {
    /// The day every plan is taken as of; `None`: each plan's default (today,
    /// or its last day once it is over).
    pub as_of: Option<AsOf>,
    /// Departments compared with departments, districts with districts.
    pub group: bool,
    /// Only plans for this year (or spanning it), each judged on it.
    pub year: Option<i32>,
    /// The day the output is dated (the summary report's `--signed-on`): it
    /// stands for today, so that a report signed on 15/01/2025 says what was
    /// known that day, whenever it is made.
    pub dated: Option<NaiveDate>,
}

/// Every plan read: the positions of those that could be judged, the plans
/// left out and why, and the indices compared across units.
#[derive(Debug)]
pub struct Rollup {
    pub positions: Vec<Position>,
    pub left_out: Vec<LeftOut>,
    pub indices: Vec<IndexAcross>,
    /// The same, within each level that has plans: districts' indices
    /// (with "Tiếp cận đất đai") are not departments'.
    pub indices_by_level: Vec<(Level, Vec<IndexAcross>)>,
    /// Valid plans not for the year asked (`--year`, or that of `--as-of`),
    /// not in the figures.
    pub not_in_view: usize,
}

impl Rollup {
    /// The provinces the plans are of, told apart without case or marks,
    /// each named as it first appears.
    pub fn provinces(&self) -> Vec<String> {
        let mut seen: Vec<(String, String)> = Vec::new();
        for position in &self.positions {
            let key = crate::words::fold::folded(&position.province);
            if !seen.iter().any(|(known, _)| *known == key) {
                seen.push((key, crate::words::visible::one_line(&position.province)));
            }
        }
        seen.into_iter().map(|(_, name)| name).collect()
    }

    /// Files holding a plan already counted from another place.
    pub fn copies(&self) -> usize {
        self.positions
            .iter()
            .map(|position| position.also_at.len())
            .sum()
    }
}

/// One unit's position, from its plan.
#[derive(Debug, Clone)]
pub struct Position {
    pub file: PathBuf,
    /// Other files holding the very same plan (a copy in another folder):
    /// the unit is counted once, and every place it was found is named.
    pub also_at: Vec<PathBuf>,
    /// The agency and its province by their names in force on the day the
    /// plan is taken as of (after the 2025 mergers, the new province's).
    pub agency: String,
    pub province: String,
    pub level: Level,
    pub year: i32,
    pub until: i32,
    pub as_of: NaiveDate,
    /// The year the plan is judged on (one year of a plan of several).
    pub year_in_view: i32,
    pub tasks: TaskCounts,
    pub targets: TargetCounts,
    /// Recurring and ongoing tasks with a period past and nothing recorded
    /// for it (an event not recorded, a quarter without a report).
    pub missed_duties: usize,
    /// Periodic reports past their due date (or, with none set, past their
    /// period) with nothing sent.
    pub reports_not_sent: usize,
    /// Periodic reports owed so far (past their period).
    pub reports_owed: usize,
    /// The day reports are judged on: the day asked for, else today (the
    /// year's last report falls due in January, after the plan's end).
    pub reports_as_of: NaiveDate,
    /// The latest published DDCI result of the unit as a whole.
    pub result: Option<LatestResult>,
}

/// What tells one unit from another: its level, its province and its
/// agency, each by its name folded (case, diacritics and Unicode's several
/// ways of writing one letter aside). Kon Tum's Sở Khoa học và Công nghệ is
/// not Quảng Ngãi's.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitKey {
    pub province: String,
    pub level: Level,
    pub agency: String,
}

impl Position {
    pub fn unit_key(&self) -> UnitKey {
        UnitKey {
            province: crate::words::fold::folded(&self.province),
            level: self.level,
            agency: crate::words::fold::folded(&self.agency),
        }
    }

    /// Overdue, blocked and unreported tasks and targets not met, per task
    /// and target: how far behind the unit is (0 when nothing is behind or
    /// nothing is planned). A unit that reports nothing is behind.
    pub fn behind_share(&self) -> f64 {
        let all = self.tasks.total + self.targets.total;
        if all == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // counts of tasks and targets
        let share = self.behind() as f64 / all as f64;
        share
    }

    pub fn behind(&self) -> usize {
        self.tasks.overdue + self.tasks.blocked + self.tasks.no_report + self.targets.not_met
    }
}

/// Tasks of the year in view by state; `done` counts those done late too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct TaskCounts {
    pub total: usize,
    /// One-off tasks, with a due date: only these can be done. The others
    /// are ongoing or recurring duties, carried out period by period.
    pub with_due_date: usize,
    pub done: usize,
    pub in_progress: usize,
    pub not_started: usize,
    pub no_report: usize,
    pub blocked: usize,
    pub overdue: usize,
    pub cancelled: usize,
}

impl std::ops::AddAssign for TaskCounts {
    fn add_assign(&mut self, other: Self) {
        self.total += other.total;
        self.with_due_date += other.with_due_date;
        self.done += other.done;
        self.in_progress += other.in_progress;
        self.not_started += other.not_started;
        self.no_report += other.no_report;
        self.blocked += other.blocked;
        self.overdue += other.overdue;
        self.cancelled += other.cancelled;
    }
}

impl std::ops::AddAssign for TargetCounts {
    fn add_assign(&mut self, other: Self) {
        self.total += other.total;
        self.met += other.met;
        self.not_yet_met += other.not_yet_met;
        self.not_met += other.not_met;
        self.no_data += other.no_data;
    }
}

/// Targets of the year in view by judgement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct TargetCounts {
    pub total: usize,
    pub met: usize,
    pub not_yet_met: usize,
    pub not_met: usize,
    pub no_data: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LatestResult {
    pub year: i32,
    pub score: Option<f64>,
    pub rank: Option<RankOf>,
    pub band: Option<String>,
}

/// A plan left out of the figures: the file, and its errors with their places.
#[derive(Debug, Clone)]
pub struct LeftOut {
    pub file: PathBuf,
    /// Why, in one line and the language spoken: "3 errors", "cannot be
    /// read: …".
    pub reason: String,
    /// How many errors the plan has (0 when it could not be read).
    pub errors: usize,
    pub diagnostics: Vec<DiagnosticJson>,
    /// The errors as `ddci validate` shows them, for standard error.
    pub rendered: Vec<String>,
}

/// One plan judged: its unit's position, its indices, and a digest of its
/// bytes (to know a copy).
#[derive(Debug)]
struct Judgement {
    position: Position,
    indices: Vec<IndexAcross>,
    digest: u64,
}

/// A plan judged; `None` when it is not for the year asked; or why it was
/// left out.
type Judged = Result<Option<Judgement>, LeftOut>;

/// Reads every plan at `files` in parallel and takes their positions.
pub fn build(files: &[paths::Candidate], request: RollupRequest) -> Rollup {
    let read: Vec<Judged> = files
        .par_iter()
        .filter_map(|file| position_of(file, request))
        .collect();
    let mut positions: Vec<Position> = Vec::new();
    let mut left_out = Vec::new();
    let mut per_plan_indices = Vec::new();
    let mut not_in_view = 0;
    // The same unit's very same plan found twice is one unit in two places.
    let mut seen: std::collections::HashMap<(UnitKey, u64), usize> =
        std::collections::HashMap::new();
    for outcome in read {
        match outcome {
            Ok(Some(Judgement {
                position,
                indices,
                digest,
            })) => match seen.entry((position.unit_key(), digest)) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    positions[*first.get()].also_at.push(position.file);
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(positions.len());
                    per_plan_indices.push((position.level, indices));
                    positions.push(position);
                }
            },
            Ok(None) => not_in_view += 1,
            Err(left) => left_out.push(left),
        }
    }
    for position in &mut positions {
        position.also_at.sort();
    }
    let indices_by_level = [Level::Department, Level::District, Level::Commune]
        .into_iter()
        .filter_map(|level| {
            let of_level: Vec<Vec<IndexAcross>> = per_plan_indices
                .iter()
                .filter(|(of, _)| *of == level)
                .map(|(_, indices)| indices.clone())
                .collect();
            (!of_level.is_empty()).then(|| (level, across_indices::combine(of_level)))
        })
        .collect();
    let indices = across_indices::combine(
        per_plan_indices
            .into_iter()
            .map(|(_, indices)| indices)
            .collect(),
    );
    // Whoever is furthest behind first; with `group`, within each level.
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&positions[a], &positions[b]);
        let level = if request.group {
            a.level.cmp(&b.level)
        } else {
            std::cmp::Ordering::Equal
        };
        // Grouped by province (one province's plans sort as before).
        let province =
            crate::words::fold::folded(&a.province).cmp(&crate::words::fold::folded(&b.province));
        level
            .then(province)
            .then(b.behind_share().total_cmp(&a.behind_share()))
            .then_with(|| a.agency.cmp(&b.agency))
            .then_with(|| a.file.cmp(&b.file))
    });
    let positions = order.into_iter().map(|at| positions[at].clone()).collect();
    left_out.sort_by(|a, b| a.file.cmp(&b.file));
    Rollup {
        positions,
        left_out,
        indices,
        indices_by_level,
        not_in_view,
    }
}

/// One plan's position; `None` for a TOML file found in a folder that is
/// no plan, `Some(Ok(None))` for a plan not for the year asked.
fn position_of(candidate: &paths::Candidate, request: RollupRequest) -> Option<Judged> {
    let file = candidate.path.as_path();
    let cannot = |error: anyhow::Error| LeftOut {
        file: file.to_path_buf(),
        reason: {
            let error = crate::words::speech::error_chain(&error);
            crate::say!("không đọc được: {error}", "cannot be read: {error}")
        },
        errors: 0,
        diagnostics: Vec::new(),
        rendered: Vec::new(),
    };
    if let Some(problem) = &candidate.problem {
        return Some(Err(LeftOut {
            file: file.to_path_buf(),
            reason: problem.clone(),
            errors: 0,
            diagnostics: Vec::new(),
            rendered: Vec::new(),
        }));
    }
    let bytes = match crate::read::load::read(file) {
        Ok(bytes) => bytes,
        Err(error) => return Some(Err(cannot(error))),
    };
    if candidate.searched && !paths::looks_like_a_plan(&bytes) {
        return None;
    }
    Some(judge(file, bytes, request).map_err(|left| *left))
}

fn judge(
    file: &Path,
    bytes: Vec<u8>,
    request: RollupRequest,
) -> Result<Option<Judgement>, Box<LeftOut>> {
    let digest = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        hasher.finish()
    };
    let checked = crate::validate::check_bytes(file, bytes).map_err(|error| {
        Box::new(LeftOut {
            file: file.to_path_buf(),
            reason: crate::words::speech::error_chain(&error),
            errors: 0,
            diagnostics: Vec::new(),
            rendered: Vec::new(),
        })
    })?;
    let Some(plan) = &checked.plan else {
        let loaded = &checked.loaded;
        let errors: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .collect();
        let renderer = annotate_snippets::Renderer::plain();
        return Err(Box::new(LeftOut {
            file: file.to_path_buf(),
            reason: match errors.len() {
                1 => crate::say!("1 lỗi", "1 error"),
                count => crate::say!("{count} lỗi", "{count} errors"),
            },
            errors: errors.len(),
            diagnostics: errors
                .iter()
                .map(|diagnostic| diagnostic.to_json(&loaded.source))
                .collect(),
            rendered: errors
                .iter()
                .take(crate::read::diagnostic::SHOWN_IN_FULL)
                .map(|diagnostic| diagnostic.render(&loaded.source, &renderer))
                .collect(),
        }));
    };
    if request
        .year
        .is_some_and(|year| !(plan.year..=plan.until).contains(&year))
    {
        return Ok(None);
    }
    // On a day of another year than the plan's, the province follows other
    // plans: one not begun has nothing to show, one over was judged at its
    // end (`--year` shows it so).
    if request
        .as_of
        .is_some_and(|moment| !(plan.year..=plan.until).contains(&moment.day.year()))
    {
        return Ok(None);
    }
    // The day the output is dated stands for today.
    let today = request.dated.unwrap_or(checked.today);
    // The day asked for; else the end of the year asked, once it is over;
    // else today, or the plan's last day once it is over.
    let moment = request.as_of.unwrap_or_else(|| match request.year {
        Some(year) => {
            let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
            if today > end {
                AsOf::closed(end)
            } else {
                AsOf::open(today)
            }
        }
        None => AsOf::default_for(plan, today),
    });
    let status = crate::judge::status::compute(plan, moment);
    // What is published by the day asked for, else by today.
    let known_on = request.as_of.map_or(today, |asked| asked.day);
    let reports_as_of = reports_day(plan, request, today);
    let (reports_owed, reports_not_sent) = reports(plan, reports_as_of);
    let (tasks, targets) = in_view(&status);
    let names = plan.names_on(moment.day);
    let position = Position {
        file: file.to_path_buf(),
        also_at: Vec::new(),
        agency: names.agency.to_owned(),
        province: names.province.to_owned(),
        level: Level::of(plan),
        year: plan.year,
        until: plan.until,
        as_of: moment.day,
        year_in_view: status.year_in_view,
        tasks: task_counts(&tasks),
        targets: target_counts(&targets),
        missed_duties: missed_duties(&tasks),
        reports_not_sent,
        reports_owed,
        reports_as_of: reports_as_of.day,
        result: latest_result(plan, status.year_in_view, known_on),
    };
    Ok(Some(Judgement {
        position,
        indices: across_indices::of_plan(&status, known_on),
        digest,
    }))
}

/// The day reports are judged on: the day asked for; else today (the
/// year's last report falls due in January, after the plan's last day),
/// but no later than the day the plan's reports are settled, so that a
/// year long over reads the same whenever it is rolled up.
fn reports_day(plan: &Plan, request: RollupRequest, today: NaiveDate) -> AsOf {
    if let Some(asked) = request.as_of {
        return asked;
    }
    if request.dated.is_some() {
        return AsOf::open(today);
    }
    crate::judge::reports_owed::judged_on(plan, today)
}

/// Tasks and targets of the year in view (a plan of several years judges
/// one year at a time).
fn in_view<'s, 'a>(
    status: &'s PlanStatus<'a>,
) -> (Vec<&'s TaskStatus<'a>>, Vec<&'s TargetStatus<'a>>) {
    let year = status.year_in_view;
    (
        status
            .tasks
            .iter()
            .filter(|task| task.counts_in(year))
            .collect(),
        status
            .targets
            .iter()
            .filter(|target| Plan::belongs(target.target.year, year))
            .collect(),
    )
}

fn task_counts(tasks: &[&TaskStatus<'_>]) -> TaskCounts {
    let mut counts = TaskCounts::default();
    for task in tasks {
        counts.total += 1;
        if task.task.schedule.due().is_some() {
            counts.with_due_date += 1;
        }
        let slot = match task.state {
            TaskState::Done | TaskState::DoneLate => &mut counts.done,
            TaskState::InProgress => &mut counts.in_progress,
            TaskState::NotStarted => &mut counts.not_started,
            TaskState::NoReport => &mut counts.no_report,
            TaskState::Blocked => &mut counts.blocked,
            TaskState::Overdue => &mut counts.overdue,
            TaskState::Cancelled => &mut counts.cancelled,
        };
        *slot += 1;
    }
    counts
}

fn target_counts(targets: &[&TargetStatus<'_>]) -> TargetCounts {
    let mut counts = TargetCounts::default();
    for target in targets {
        counts.total += 1;
        let slot = match target.assessment {
            Assessment::Met => &mut counts.met,
            Assessment::NotYetMet => &mut counts.not_yet_met,
            Assessment::NotMet => &mut counts.not_met,
            Assessment::NoData => &mut counts.no_data,
        };
        *slot += 1;
    }
    counts
}

/// Tasks, not events: a weekly duty missed all year counts once, as a
/// monthly one does.
fn missed_duties(tasks: &[&TaskStatus<'_>]) -> usize {
    tasks
        .iter()
        .filter(|task| {
            task.flags.iter().any(|flag| {
                matches!(
                    flag,
                    TaskFlag::NotRecorded { .. } | TaskFlag::NoReportForQuarter { .. }
                )
            })
        })
        .count()
}

/// Reports owed so far, and of them those not sent (late, or awaited when
/// the plan sets no due date).
fn reports(plan: &Plan, moment: AsOf) -> (usize, usize) {
    let owed = crate::judge::reports_owed::owed(plan, moment);
    let due: Vec<_> = owed
        .iter()
        .filter(|report| report.state != ReportState::NotYetDue)
        .collect();
    let not_sent = due
        .iter()
        .filter(|report| matches!(report.state, ReportState::Late | ReportState::Awaited))
        .count();
    (due.len(), not_sent)
}

/// The unit's latest published result for a year up to the one in view,
/// as known on `known_on`; with none entered, the year before the plan's
/// from `[plan.overall]`.
fn latest_result(plan: &Plan, year: i32, known_on: NaiveDate) -> Option<LatestResult> {
    let published = plan
        .latest_result(None, year, known_on)
        .map(|result| LatestResult {
            year: result.year,
            score: result.score,
            rank: result.rank,
            band: result.band.clone(),
        });
    let overall = &plan.overall;
    published.or_else(|| {
        (overall.previous_score.is_some() || overall.previous_rank.is_some()).then(|| {
            LatestResult {
                year: plan.year - 1,
                score: overall.previous_score,
                rank: overall.previous_rank,
                band: None,
            }
        })
    })
}

/// Pairs of different plans of the same unit (its province, level and
/// name) whose years overlap, with the first year they share: last year's
/// plan left in the folder, or two versions of one.
pub fn same_unit_twice(positions: &[Position]) -> Vec<(&Position, &Position, i32)> {
    // Grouped by unit first: the country's 2,000 plans are not compared
    // pair by pair.
    let mut by_name: std::collections::BTreeMap<UnitKey, Vec<&Position>> =
        std::collections::BTreeMap::new();
    for position in positions {
        by_name
            .entry(position.unit_key())
            .or_default()
            .push(position);
    }
    let mut twice = Vec::new();
    // Each plan is named once, beside the first plan it repeats: a folder
    // of a thousand copies gives a thousand lines, not half a million.
    for same_name in by_name.values() {
        for (at, second) in same_name.iter().enumerate() {
            if let Some(first) = same_name[..at]
                .iter()
                .find(|first| first.year <= second.until && second.year <= first.until)
            {
                twice.push((*first, *second, first.year.max(second.year)));
            }
        }
    }
    twice
}

/// The files under `paths`: files as given, folders searched.
pub fn files(paths: &[PathBuf]) -> anyhow::Result<Vec<paths::Candidate>> {
    paths::collect(paths)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{Level, Position, same_unit_twice};
    use crate::plan::model::PublishedResult;

    /// Counts add field by field; a unit's share behind counts overdue,
    /// blocked and unreported tasks and targets not met, each once.
    #[test]
    fn counts_add_up_and_behind_is_each_kind_of_lag() {
        let mut tasks = super::TaskCounts {
            total: 1,
            with_due_date: 2,
            done: 3,
            in_progress: 4,
            not_started: 5,
            no_report: 6,
            blocked: 7,
            overdue: 8,
            cancelled: 9,
        };
        tasks += tasks;
        assert_eq!(
            tasks,
            super::TaskCounts {
                total: 2,
                with_due_date: 4,
                done: 6,
                in_progress: 8,
                not_started: 10,
                no_report: 12,
                blocked: 14,
                overdue: 16,
                cancelled: 18,
            }
        );
        let mut targets = super::TargetCounts {
            total: 1,
            met: 2,
            not_yet_met: 3,
            not_met: 4,
            no_data: 5,
        };
        targets += targets;
        assert_eq!(
            targets,
            super::TargetCounts {
                total: 2,
                met: 4,
                not_yet_met: 6,
                not_met: 8,
                no_data: 10,
            }
        );
        let cases = [
            ((0, 0, 0), 0, 0),
            ((1, 0, 0), 0, 1),
            ((0, 1, 0), 0, 1),
            ((0, 0, 1), 0, 1),
            ((0, 0, 0), 1, 1),
            ((2, 3, 4), 5, 14),
        ];
        for ((overdue, blocked, no_report), not_met, behind) in cases {
            let position = Position {
                tasks: super::TaskCounts {
                    no_report,
                    blocked,
                    overdue,
                    ..super::TaskCounts::default()
                },
                targets: super::TargetCounts {
                    not_met,
                    ..super::TargetCounts::default()
                },
                ..position("Sở A", 2024, 2024)
            };
            assert_eq!(
                position.behind(),
                behind,
                "{overdue} {blocked} {no_report} {not_met}"
            );
        }
    }

    fn position(agency: &str, year: i32, until: i32) -> Position {
        Position {
            file: format!("{agency}-{year}.toml").into(),
            also_at: Vec::new(),
            agency: agency.to_owned(),
            province: "Kon Tum".to_owned(),
            level: Level::Department,
            year,
            until,
            as_of: day("2024-12-31"),
            year_in_view: year,
            tasks: super::TaskCounts::default(),
            targets: super::TargetCounts::default(),
            missed_duties: 0,
            reports_not_sent: 0,
            reports_owed: 0,
            reports_as_of: day("2024-12-31"),
            result: None,
        }
    }

    /// Plans as (agency, year, until).
    type Plans<'a> = &'a [(&'a str, i32, i32)];

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    /// A result is known from its publication day; without one, from the
    /// year after the year it measures.
    #[test]
    fn when_a_result_is_known() {
        let cases = [
            (2023, Some("2024-03-27"), "2024-03-26", false),
            (2023, Some("2024-03-27"), "2024-03-27", true),
            (2023, None, "2023-12-31", false),
            (2023, None, "2024-01-01", true),
            (2024, None, "2024-09-30", false),
        ];
        for (year, published, on, expected) in cases {
            let result = PublishedResult {
                year,
                index: None,
                score: Some(70.0),
                rank: None,
                median: None,
                average: None,
                band: None,
                published: published.map(day),
                source: None,
            };
            assert_eq!(
                result.known_on(day(on)),
                expected,
                "{year} {published:?} {on}"
            );
        }
    }

    /// A view of a year cites the latest result of a year up to it known on
    /// the day: 2024's once published, never 2025's.
    #[test]
    fn the_result_cited_is_of_the_year_judged_or_before() {
        let plan = crate::plan::build::tests::plan_on(
            &format!(
                "{}\n[[results]]\nyear = 2023\nscore = 60.0\n\n\
             [[results]]\nyear = 2024\nscore = 70.0\npublished = 2025-03-27\n\n\
             [[results]]\nyear = 2025\nscore = 80.0\npublished = 2026-03-20\n\n\
             [[results]]\nyear = 2024\nindex = \"i\"\nscore = 7.0\npublished = 2025-03-27\n",
                crate::plan::build::tests::HEADER
            ),
            day("2026-12-07"),
        );
        let cases = [
            (2024, "2024-12-31", Some(2023)),
            (2024, "2025-03-26", Some(2023)),
            (2024, "2025-03-27", Some(2024)),
            (2024, "2026-12-07", Some(2024)),
            (2025, "2026-03-19", Some(2024)),
            (2025, "2026-03-20", Some(2025)),
        ];
        for (year, known_on, expected) in cases {
            let cited = super::latest_result(&plan, year, day(known_on)).map(|result| result.year);
            assert_eq!(cited, expected, "{year} {known_on}");
        }
        let index = Some(crate::plan::model::IndexRef(0));
        let score = |year, on| {
            plan.latest_result(index, year, day(on))
                .and_then(|result| result.score)
        };
        assert_eq!(score(2024, "2025-03-27"), Some(7.0));
        assert_eq!(score(2024, "2025-03-26"), None);
        assert_eq!(score(2023, "2026-12-07"), None);
    }

    /// The same unit (its name without case or diacritics) with years that
    /// overlap is there twice; the first shared year is named.
    #[test]
    fn a_unit_twice() {
        let cases: [(Plans, &[i32]); 6] = [
            (
                &[("Sở Tư pháp", 2024, 2024), ("Sở Tư pháp", 2024, 2024)],
                &[2024],
            ),
            (
                &[("Sở Tư pháp", 2024, 2024), ("SỞ TƯ PHÁP", 2024, 2024)],
                &[2024],
            ),
            (
                &[("Sở Tư pháp", 2023, 2023), ("Sở Tư pháp", 2024, 2024)],
                &[],
            ),
            (&[("Huyện A", 2023, 2025), ("Huyện A", 2025, 2025)], &[2025]),
            (
                &[("Sở Tư pháp", 2024, 2024), ("Sở Tài chính", 2024, 2024)],
                &[],
            ),
            (
                &[
                    ("Sở Tư pháp", 2024, 2024),
                    ("Sở Tư pháp", 2024, 2024),
                    ("Sở Tư pháp", 2024, 2024),
                ],
                &[2024, 2024],
            ),
        ];
        for (plans, expected) in cases {
            let positions: Vec<Position> = plans
                .iter()
                .map(|(agency, year, until)| position(agency, *year, *until))
                .collect();
            let years: Vec<i32> = same_unit_twice(&positions)
                .iter()
                .map(|(_, _, year)| *year)
                .collect();
            assert_eq!(years, expected, "{plans:?}");
        }
    }
}
