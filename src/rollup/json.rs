//! `ddci rollup --format json`: every position, the indices across units
//! and the plans left out with their errors and places.

use serde::Serialize;

use crate::plan::date::PlanDate;
use crate::read::diagnostic::DiagnosticJson;
use crate::status_view::json::RankJson;

use super::{Level, Rollup, TargetCounts, TaskCounts};

#[derive(Debug, Serialize)]
pub struct RollupJson {
    /// The day asked for, or null: each plan as of its own default day.
    pub as_of: Option<String>,
    pub plans: usize,
    /// Valid plans not for the year asked (`--year`, or that of `--as-of`),
    /// not in the figures.
    pub not_in_view: usize,
    pub positions: Vec<PositionJson>,
    pub indices: Vec<IndexJson>,
    /// The same within each level that has plans.
    pub indices_by_level: Vec<LevelIndicesJson>,
    pub left_out: Vec<LeftOutJson>,
}

#[derive(Debug, Serialize)]
pub struct PositionJson {
    pub file: String,
    /// Other files holding the very same plan, counted once.
    pub also_at: Vec<String>,
    pub agency: String,
    pub province: String,
    pub level: Level,
    pub year: i32,
    pub until: i32,
    /// The year judged (one year of a plan of several).
    pub year_in_view: i32,
    pub as_of: String,
    pub tasks: TaskCounts,
    pub targets: TargetCounts,
    pub missed_duties: usize,
    pub reports_owed: usize,
    pub reports_not_sent: usize,
    /// Overdue and blocked tasks and targets not met, per task and target.
    pub behind_share: f64,
    pub result: Option<ResultJson>,
}

#[derive(Debug, Serialize)]
pub struct ResultJson {
    pub year: i32,
    pub score: Option<f64>,
    pub rank: Option<RankJson>,
    pub band: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct IndexJson {
    pub name: String,
    pub units: usize,
    pub tasks: usize,
    pub tasks_done: usize,
    pub tasks_behind: usize,
    pub targets: usize,
    pub targets_met: usize,
    pub targets_not_met: usize,
    pub behind_share: f64,
    pub mean_score: Option<f64>,
    /// How many units' scores the mean is of.
    pub scores: usize,
}

#[derive(Debug, Serialize)]
pub struct LevelIndicesJson {
    pub level: Level,
    pub indices: Vec<IndexJson>,
}

#[derive(Debug, Serialize)]
pub struct LeftOutJson {
    pub file: String,
    pub reason: String,
    pub diagnostics: Vec<DiagnosticJson>,
}

fn index_json(index: &super::IndexAcross) -> IndexJson {
    IndexJson {
        name: index.name.clone(),
        units: index.units,
        tasks: index.tasks,
        tasks_done: index.tasks_done,
        tasks_behind: index.tasks_behind,
        targets: index.targets,
        targets_met: index.targets_met,
        targets_not_met: index.targets_not_met,
        behind_share: share(index.behind_share()),
        mean_score: index.mean_score(),
        scores: index.scores.len(),
    }
}

/// A share rounded to four decimals, so the JSON does not print 0.30000000000000004.
fn share(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

pub fn build(rollup: &Rollup, as_of: Option<chrono::NaiveDate>) -> RollupJson {
    RollupJson {
        as_of: as_of.map(|day| PlanDate(day).to_string()),
        plans: rollup.positions.len()
            + rollup.copies()
            + rollup.left_out.len()
            + rollup.not_in_view,
        not_in_view: rollup.not_in_view,
        positions: rollup
            .positions
            .iter()
            .map(|position| PositionJson {
                file: position.file.display().to_string(),
                also_at: position
                    .also_at
                    .iter()
                    .map(|file| file.display().to_string())
                    .collect(),
                agency: position.agency.clone(),
                province: position.province.clone(),
                level: position.level,
                year: position.year,
                until: position.until,
                year_in_view: position.year_in_view,
                as_of: PlanDate(position.as_of).to_string(),
                tasks: position.tasks,
                targets: position.targets,
                missed_duties: position.missed_duties,
                reports_owed: position.reports_owed,
                reports_not_sent: position.reports_not_sent,
                behind_share: share(position.behind_share()),
                result: position.result.as_ref().map(|result| ResultJson {
                    year: result.year,
                    score: result.score,
                    rank: result.rank.as_ref().map(RankJson::from),
                    band: result.band.clone(),
                }),
            })
            .collect(),
        indices: rollup.indices.iter().map(index_json).collect(),
        indices_by_level: rollup
            .indices_by_level
            .iter()
            .map(|(level, indices)| LevelIndicesJson {
                level: *level,
                indices: indices.iter().map(index_json).collect(),
            })
            .collect(),
        left_out: rollup
            .left_out
            .iter()
            .map(|left| LeftOutJson {
                file: left.file.display().to_string(),
                reason: left.reason.clone(),
                diagnostics: left.diagnostics.clone(),
            })
            .collect(),
    }
}
