//! From the file as written to the validated [`Plan`]: ids become references,
//! schedules and goals become enums, baselines are chosen, records are put in
//! date order with their corrections linked. The keys each target kind and
//! each schedule kind takes are checked here, by the conversion itself: what
//! a kind reads is what it takes, and any other key present is reported.
//!
//! `build` runs after the rules of `validate/`, on every plan; it returns a
//! plan only when nothing stood in the way, and leaves the reporting of broken
//! references and out-of-range numbers to those rules.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

use super::file::Frequency;
use super::file::{self, PlanFile, ScheduleKind, TargetKind};
use super::goal::{Baseline, BaselineSource, Goal, RankOf};
use super::model::{
    BasisDocument, Entry, FiledReport, Index, IndexRef, Plan, PublishedResult, Record, Records,
    Recurrence, ReportSettings, ReportingDuty, Schedule, Scores, Signatory, Target, TargetRef,
    Task, TaskRef, Unit, UnitRef,
};
use super::spanned::Spanned;
use crate::diagnostic::Diagnostic;
use crate::period_key;

/// The time zone a plan is read in unless it names another.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Ho_Chi_Minh";

/// Converts a plan that the rules found no fault with. Problems only the
/// conversion can see (a key the kind does not take, a missing goal number,
/// an unknown time zone) are added to `found`.
pub fn build(file: &PlanFile, found: &mut Vec<Diagnostic>) -> Option<Plan> {
    let mut builder = Builder {
        file,
        found,
        ok: true,
        entries: HashMap::new(),
    };
    builder.index_ids();
    let header = file.plan.as_ref();
    let time_zone = header.and_then(|header| builder.time_zone(header));
    let year = header.and_then(|header| i32::try_from(*header.year.get_ref()).ok());
    let units = builder.units();
    let results = builder.results();
    let mut indices = builder.indices();
    // Last year's published result is this year's baseline, unless the plan
    // gives one of its own.
    if let Some(year) = year {
        for (position, index) in indices.iter_mut().enumerate() {
            let published = results
                .iter()
                .rev()
                .find(|result| result.year == year - 1 && result.index == Some(IndexRef(position)));
            fill_from(&mut index.scores, published);
        }
    }
    let mut tasks = builder.tasks();
    let mut targets = builder.targets(&indices, &tasks, year, &results);
    let until = header
        .and_then(|header| header.until.as_ref())
        .and_then(|until| i32::try_from(*until.get_ref()).ok())
        .or(year);
    if let Some(until) = until {
        for target in &mut targets {
            let judged = target.year.unwrap_or(until);
            counted_result(target, &results, judged);
        }
    }
    let reporting = builder.reporting();
    // A reference that did not resolve points nowhere (the plan then has an
    // error and no model); `get_mut` keeps that from mattering here.
    for (position, task) in tasks.iter().enumerate() {
        if let Some(index) = indices.get_mut(task.index.0) {
            index.tasks.push(TaskRef(position));
        }
    }
    for (position, target) in targets.iter().enumerate() {
        if let Some(task) = target.task.and_then(|task| tasks.get_mut(task.0)) {
            task.targets.push(TargetRef(position));
        }
    }
    let (Some(header), Some(time_zone), Some(year), true) = (header, time_zone, year, builder.ok)
    else {
        return None;
    };
    Some(Plan {
        title: header.title.get_ref().clone(),
        agency: header.agency.clone(),
        agency_short: header.agency_short.clone(),
        province: header.province.clone(),
        year,
        until: until.unwrap_or(year).max(year),
        language: header.language.unwrap_or_default(),
        time_zone,
        based_on: header
            .based_on
            .iter()
            .map(|document| BasisDocument {
                kind: document.kind.clone(),
                number: document.number.clone(),
                date: document.date.as_ref().map(|date| date.get_ref().0),
                issuer: document.issuer.clone(),
                title: document.title.clone(),
            })
            .collect(),
        purposes: header.purposes.clone(),
        requirements: header.requirements.clone(),
        organisation: header.organisation.clone(),
        appendix: header.appendix.clone(),
        recipients: header.recipients.clone(),
        signed_by: header.signed_by.as_ref().map(signatory),
        number: header
            .number
            .as_ref()
            .map(|number| number.get_ref().clone()),
        issued: header.issued.as_ref().map(|date| date.get_ref().0),
        parent_agency: header
            .parent_agency
            .as_ref()
            .map(|parent| parent.get_ref().clone()),
        code: header.code.as_ref().map(|code| code.get_ref().clone()),
        place: header
            .place
            .as_ref()
            .map_or_else(|| header.province.clone(), |place| place.get_ref().clone()),
        report: header
            .report
            .as_ref()
            .map(|report| ReportSettings {
                periods: report.periods.unwrap_or_default(),
                recipients: report
                    .recipients
                    .iter()
                    .map(|line| line.get_ref().clone())
                    .collect(),
                signed_by: report.signed_by.as_ref().map(signatory),
            })
            .unwrap_or_default(),
        overall: {
            let mut overall = header.overall.as_ref().map(scores).unwrap_or_default();
            let published = results
                .iter()
                .rev()
                .find(|result| result.year == year - 1 && result.index.is_none());
            fill_from(&mut overall, published);
            overall
        },
        units,
        indices,
        tasks,
        targets,
        reporting,
        results,
        entries: builder.entries,
    })
}

/// A previous score or rank the plan does not give, from last year's
/// published result.
fn fill_from(scores: &mut Scores, published: Option<&PublishedResult>) {
    let Some(published) = published else { return };
    if scores.previous_score.is_none() {
        scores.previous_score = published.score;
    }
    if scores.previous_rank.is_none() {
        scores.previous_rank = published.rank;
    }
}

/// The plan year's published result, counted as the year's measure of a
/// target of the unit or of an index: dated the year's last day, whenever it
/// was published (the 2024 result comes in 2025), with where it came from.
fn counted_result(target: &mut Target, results: &[PublishedResult], year: i32) {
    if target.task.is_some() {
        return;
    }
    let Some(published) = results
        .iter()
        .rev()
        .find(|result| result.year == year && result.index == target.index)
    else {
        return;
    };
    let (value, of) = match target.goal {
        Goal::RankImprovement { .. } | Goal::RankAtMost { .. } => match published.rank {
            Some(rank) => (f64::from(rank.rank), rank.of),
            None => return,
        },
        Goal::ScoreAtLeast { .. }
        | Goal::ScoreChangeAtLeast { .. }
        | Goal::Maintain { .. }
        | Goal::AboveReference { .. } => match published.score {
            Some(score) => (score, None),
            None => return,
        },
        Goal::BandAtLeast { ref bands, .. } => {
            let Some(level) = published
                .band
                .as_ref()
                .and_then(|band| bands.iter().position(|known| known == band))
            else {
                return;
            };
            #[allow(clippy::cast_precision_loss)] // a handful of bands
            let level = (level + 1) as f64;
            (level, None)
        }
        _ => return,
    };
    let Some(day) = NaiveDate::from_ymd_opt(year, 12, 31) else {
        return;
    };
    let note = match published.published {
        Some(on) => format!(
            "Kết quả DDCI năm {year}, công bố ngày {}",
            on.format("%d/%m/%Y")
        ),
        None => format!("Kết quả DDCI năm {year}"),
    };
    let mut records = target.records.all().to_vec();
    records.push(Record {
        id: None,
        date: day,
        status: None,
        value: Some(value),
        of,
        note: Some(note),
        by: None,
        evidence: published.source.clone(),
        corrects: None,
        verdict: None,
        shortcoming: None,
        cause: None,
        proposal: None,
        corrected_on: None,
        published: published.published,
    });
    target.records = Records::new(records);
}

fn signatory(signatory: &file::Signatory) -> Signatory {
    Signatory {
        title: signatory.title.get_ref().clone(),
        name: signatory.name.get_ref().clone(),
        signs_for: signatory
            .signs_for
            .as_ref()
            .map(|head| head.get_ref().clone()),
    }
}

struct Builder<'a, 'f> {
    file: &'a PlanFile,
    found: &'f mut Vec<Diagnostic>,
    /// False once anything could not be converted.
    ok: bool,
    entries: HashMap<String, Entry>,
}

impl Builder<'_, '_> {
    /// One namespace for every entry's id; the `duplicate_ids` rule reports clashes.
    fn index_ids(&mut self) {
        let file = self.file;
        let ids = file
            .units
            .iter()
            .enumerate()
            .map(|(at, unit)| (&unit.id, Entry::Unit(UnitRef(at))))
            .chain(
                file.indices
                    .iter()
                    .enumerate()
                    .map(|(at, index)| (&index.id, Entry::Index(IndexRef(at)))),
            )
            .chain(
                file.tasks
                    .iter()
                    .enumerate()
                    .map(|(at, task)| (&task.id, Entry::Task(TaskRef(at)))),
            )
            .chain(
                file.targets
                    .iter()
                    .enumerate()
                    .map(|(at, target)| (&target.id, Entry::Target(TargetRef(at)))),
            )
            .chain(
                file.reporting
                    .iter()
                    .enumerate()
                    .filter_map(|(at, duty)| Some((duty.id.as_ref()?, Entry::Reporting(at)))),
            );
        for (id, entry) in ids {
            if self.entries.insert(id.get_ref().clone(), entry).is_some() {
                self.ok = false;
            }
        }
    }

    /// The plan's time zone, checked against the time zone database that
    /// `ddci` carries (so the answer does not depend on the machine).
    fn time_zone(&mut self, header: &file::PlanHeader) -> Option<String> {
        let Some(name) = &header.time_zone else {
            return Some(DEFAULT_TIME_ZONE.to_owned());
        };
        if jiff::tz::TimeZone::get(name.get_ref()).is_ok() {
            Some(name.get_ref().clone())
        } else {
            {
                let help = crate::suggest::did_you_mean(
                    name.get_ref(),
                    jiff::tz::db()
                        .available()
                        .map(|zone| zone.to_string())
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str),
                )
                .unwrap_or_else(|| {
                    "use an IANA time zone name, e.g. \"Asia/Ho_Chi_Minh\"".to_owned()
                });
                self.found.push(
                    Diagnostic::error(
                        "unknown-time-zone",
                        format!("`{}` is not a time zone", name.get_ref()),
                    )
                    .at(name.span())
                    .help(help),
                );
                None
            }
        }
    }

    fn unit_ref(&mut self, id: &file::Id) -> Option<UnitRef> {
        if let Some(Entry::Unit(unit)) = self.entries.get(id.get_ref()) {
            Some(*unit)
        } else {
            self.ok = false;
            None
        }
    }

    fn unit_refs(&mut self, ids: &[file::Id]) -> Vec<UnitRef> {
        ids.iter().filter_map(|id| self.unit_ref(id)).collect()
    }

    fn units(&mut self) -> Vec<Unit> {
        let file = self.file;
        file.units
            .iter()
            .map(|unit| Unit {
                id: unit.id.get_ref().clone(),
                name: unit.name.get_ref().clone(),
                short: unit.short.clone(),
                kind: unit.kind,
                members: self.unit_refs(&unit.members),
            })
            .collect()
    }

    fn indices(&mut self) -> Vec<Index> {
        self.file
            .indices
            .iter()
            .map(|index| Index {
                id: index.id.get_ref().clone(),
                name: index.name.get_ref().clone(),
                name_en: index.name_en.clone(),
                scores: Scores {
                    group: None,
                    scale: number(index.scale.as_ref()),
                    previous_score: number(index.previous_score.as_ref()),
                    previous_rank: index.previous_rank.as_ref().and_then(rank_of),
                    expected_score: number(index.expected_score.as_ref()),
                    weight: number(index.weight.as_ref()),
                },
                tasks: Vec::new(),
            })
            .collect()
    }

    fn tasks(&mut self) -> Vec<Task> {
        let file = self.file;
        let mut tasks = Vec::with_capacity(file.tasks.len());
        for task in &file.tasks {
            let index = if let Some(Entry::Index(index)) = self.entries.get(task.index.get_ref()) {
                *index
            } else {
                self.ok = false;
                IndexRef(0)
            };
            if task.lead.get_ref().is_empty() {
                self.found.push(
                    Diagnostic::error("empty-list", "a task needs at least one lead unit")
                        .at(task.lead.span())
                        .label("no unit")
                        .help("name the unit that leads the task, e.g. lead = [\"hc-th\"]"),
                );
                self.ok = false;
            }
            let lead = self.unit_refs(task.lead.get_ref());
            let coordinating = self.unit_refs(&task.coordinating);
            let schedule = self.schedule(task);
            let records = self.records(&task.records, None);
            tasks.push(Task {
                id: task.id.get_ref().clone(),
                index,
                text: task.text.get_ref().clone(),
                lead,
                coordinating,
                assigned: task.assigned.clone(),
                year: task
                    .year
                    .as_ref()
                    .and_then(|year| i32::try_from(*year.get_ref()).ok()),
                schedule: schedule.unwrap_or(Schedule::Ongoing),
                schedule_text: task.schedule.get_ref().text.clone(),
                records,
                targets: Vec::new(),
            });
        }
        tasks
    }

    fn schedule(&mut self, task: &file::Task) -> Option<Schedule> {
        let written = task.schedule.get_ref();
        let kind = *written.kind.get_ref();
        let mut keys = Keys::new(schedule_keys(written));
        let day =
            |field: &Option<Spanned<super::date::PlanDate>>| field.as_ref().map(|d| d.get_ref().0);
        let schedule = match kind {
            ScheduleKind::Ongoing => Some(Schedule::Ongoing),
            ScheduleKind::Due => {
                let start = keys.optional("start", day(&written.start));
                let due = keys.required("due", day(&written.due));
                due.map(|due| Schedule::Due { start, due })
            }
            ScheduleKind::Recurring => {
                let every = keys.required("every", written.every.as_ref().map(|e| *e.get_ref()));
                let interval = keys.optional("interval", whole(written.interval.as_ref()));
                let recurrence = Recurrence {
                    every: every.unwrap_or(Frequency::Month),
                    interval: interval.unwrap_or(1).max(1),
                    weekday: keys
                        .optional("weekday", written.weekday.as_ref().map(|w| *w.get_ref())),
                    week: keys.optional("week", written.week.as_ref().map(|w| *w.get_ref())),
                    day: keys.optional("day", whole(written.day.as_ref())),
                    if_weekend: keys.optional(
                        "if_weekend",
                        written.if_weekend.as_ref().map(|s| *s.get_ref()),
                    ),
                    time: keys.optional(
                        "time",
                        written.time.as_ref().and_then(|time| {
                            chrono::NaiveTime::parse_from_str(time.get_ref(), "%H:%M").ok()
                        }),
                    ),
                    start: keys.optional("start", day(&written.start)),
                    end: keys.optional("due", day(&written.due)),
                };
                every.map(|_| Schedule::Recurring(recurrence))
            }
        };
        let kind_name = match kind {
            ScheduleKind::Ongoing => "ongoing",
            ScheduleKind::Due => "due",
            ScheduleKind::Recurring => "recurring",
        };
        for key in keys.missing_in(self.file, &task.extent) {
            self.found.push(
                Diagnostic::error(
                    "missing-schedule-field",
                    format!("a `{kind_name}` schedule needs `{key}`"),
                )
                .at(written.kind.span())
                .help(format!(
                    "add `{key} = …` to the schedule of task `{}`",
                    task.id.get_ref()
                )),
            );
        }
        for (key, span) in keys.unused() {
            let help = if kind == ScheduleKind::Ongoing {
                "an ongoing (\"Thường xuyên\") task has no dates; use kind = \"due\" or \"recurring\" to give it some".to_owned()
            } else {
                format!(
                    "remove `{key}`; a `{kind_name}` schedule takes: {}",
                    keys.read.join(", ")
                )
            };
            self.found.push(
                Diagnostic::error(
                    "schedule-field-does-not-fit",
                    format!("`{key}` does not apply to a `{kind_name}` schedule"),
                )
                .at(span)
                .help(help),
            );
        }
        if schedule.is_none() || !keys.missing.is_empty() {
            self.ok = false;
        }
        schedule
    }

    fn results(&mut self) -> Vec<PublishedResult> {
        let file = self.file;
        file.results
            .iter()
            .filter_map(|result| {
                let index = match &result.index {
                    Some(id) => {
                        if let Some(Entry::Index(index)) = self.entries.get(id.get_ref()) {
                            Some(*index)
                        } else {
                            self.ok = false;
                            return None;
                        }
                    }
                    None => None,
                };
                Some(PublishedResult {
                    year: i32::try_from(*result.year.get_ref()).ok()?,
                    index,
                    score: number(result.score.as_ref()),
                    rank: whole(result.rank.as_ref()).map(|rank| RankOf {
                        rank,
                        of: whole(result.of.as_ref()),
                    }),
                    median: number(result.median.as_ref()),
                    band: result.band.as_ref().map(|band| band.get_ref().clone()),
                    published: result.published.as_ref().map(|day| day.get_ref().0),
                    source: result.source.clone(),
                })
            })
            .collect()
    }

    fn targets(
        &mut self,
        indices: &[Index],
        tasks: &[Task],
        year: Option<i32>,
        results: &[PublishedResult],
    ) -> Vec<Target> {
        let file = self.file;
        // A plan of several years ends with its last.
        let until = file
            .plan
            .as_ref()
            .and_then(|plan| plan.until.as_ref())
            .and_then(|until| i32::try_from(*until.get_ref()).ok())
            .or(year);
        let mut targets = Vec::with_capacity(file.targets.len());
        for target in &file.targets {
            let task = target
                .task
                .as_ref()
                .and_then(|id| match self.entries.get(id.get_ref()) {
                    Some(Entry::Task(task)) => Some(*task),
                    _ => None,
                });
            let index = match &target.index {
                Some(id) => match self.entries.get(id.get_ref()) {
                    Some(Entry::Index(index)) => Some(*index),
                    _ => None,
                },
                None => task
                    .and_then(|task| tasks.get(task.0))
                    .map(|task| task.index),
            };
            let mut first_records: Option<Records> = None;
            // In a plan of several years, a target of the unit's or an
            // index's published result with no year of its own is a target
            // for each year: judged on that year's result, against the year
            // before's. It stands in the model once per year.
            let written_year = target
                .year
                .as_ref()
                .and_then(|year| i32::try_from(*year.get_ref()).ok());
            let each_year: Vec<Option<i32>> = match (year, until) {
                (Some(first), Some(last))
                    if last > first
                        && written_year.is_none()
                        && target.task.is_none()
                        && target.kind.get_ref().judged_on_results() =>
                {
                    (first..=last).map(Some).collect()
                }
                _ => vec![written_year],
            };
            for (nth, own_year) in each_year.into_iter().enumerate() {
                // The year the target is judged in: its own, else the plan's last.
                let judged_year = own_year.or(until);
                let year_end = judged_year
                    .and_then(|year| NaiveDate::from_ymd_opt(year, 12, 31))
                    .unwrap_or(NaiveDate::MAX);
                // A target of a later year of the plan compares with the year
                // before it, as published, not with the year before the plan.
                let later = own_year.filter(|own| year.is_some_and(|first| *own > first));
                let later_scores = later.map(|own| {
                    let mut scores = Scores::default();
                    let published = results
                        .iter()
                        .rev()
                        .find(|result| result.year == own - 1 && result.index == index);
                    fill_from(&mut scores, published);
                    scores
                });
                let index_scores = match &later_scores {
                    Some(scores) if index.is_some() => Some(scores),
                    _ => index
                        .and_then(|index| indices.get(index.0))
                        .map(|i| &i.scores),
                };
                let mut overall = file
                    .plan
                    .as_ref()
                    .and_then(|plan| plan.overall.as_ref())
                    .map(scores)
                    .unwrap_or_default();
                if let Some(year) = later.or(year) {
                    if later.is_some() {
                        overall = Scores::default();
                    }
                    let published = results
                        .iter()
                        .rev()
                        .find(|result| result.year == year - 1 && result.index.is_none());
                    fill_from(&mut overall, published);
                }
                let mut keys = Keys::new(goal_keys(target));
                let bands: Vec<String> = file
                    .plan
                    .as_ref()
                    .map(|plan| {
                        plan.bands
                            .iter()
                            .map(|band| band.get_ref().clone())
                            .collect()
                    })
                    .unwrap_or_default();
                let own_index = if target.task.is_some() { None } else { index };
                let reference = judged_year.and_then(|year| {
                    results
                        .iter()
                        .rev()
                        .find(|result| result.year == year && result.index == own_index)
                        .and_then(|result| result.median)
                });
                let context = GoalContext {
                    bands: &bands,
                    reference,
                    results: results
                        .iter()
                        .filter(|result| result.index == own_index)
                        .collect(),
                };
                let goal = goal(target, &mut keys, index_scores, &overall, &context);
                let due = if target.kind.get_ref().takes_due() {
                    keys.optional("due", target.due.as_ref().map(|due| due.get_ref().0))
                } else {
                    None
                };
                if nth == 0 {
                    self.report_goal_keys(target, &keys);
                }
                if goal.is_none() || !keys.missing.is_empty() {
                    self.ok = false;
                }
                let measures = goal.as_ref().map(Goal::measures_value);
                let records = if let Some(records) = &first_records {
                    records.clone()
                } else {
                    let records = self.records(&target.records, measures);
                    first_records = Some(records.clone());
                    records
                };
                targets.push(Target {
                    id: target.id.get_ref().clone(),
                    text: target.text.get_ref().clone(),
                    measure: target.measure.clone(),
                    task,
                    index,
                    year: own_year,
                    goal: goal.unwrap_or(Goal::Deliverable),
                    deadline: due.unwrap_or(year_end),
                    records,
                });
            }
        }
        // A target standing once per year is found by its id at its first.
        let mut seen = std::collections::HashSet::new();
        for (at, target) in targets.iter().enumerate() {
            if seen.insert(target.id.clone()) {
                self.entries
                    .insert(target.id.clone(), Entry::Target(TargetRef(at)));
            }
        }
        targets
    }

    fn report_goal_keys(&mut self, target: &file::Target, keys: &Keys) {
        let kind_name = target.kind.get_ref().name();
        for key in keys.missing_in(self.file, &target.extent) {
            self.found.push(
                Diagnostic::error(
                    "missing-goal",
                    format!("a `{kind_name}` target needs `{key}`"),
                )
                .at(target.kind.span())
                .label(format!("needs `{key}`"))
                .help(format!(
                    "add `{key} = …` to target `{}` (see docs/plan-format.md)",
                    target.id.get_ref()
                )),
            );
        }
        for (key, span) in keys.unused() {
            let help = if keys.read.is_empty() {
                format!("remove `{key}`: a `{kind_name}` target has no goal numbers")
            } else {
                format!(
                    "remove `{key}`, or change `kind`; a `{kind_name}` target takes: {}",
                    keys.read.join(", ")
                )
            };
            self.found.push(
                Diagnostic::error(
                    "goal-does-not-fit-kind",
                    format!("`{key}` does not apply to a `{kind_name}` target"),
                )
                .at(span)
                .label(format!("not used by `{kind_name}`"))
                .help(help),
            );
        }
    }

    /// Converts records; `measures` says whether their target measures a
    /// value (`None` for a task's records, checked by the `records` rule).
    fn records(&mut self, written: &[file::Record], measures: Option<bool>) -> Records {
        let mut records = Vec::with_capacity(written.len());
        for record in written {
            if let (Some(value), Some(false)) = (&record.value, measures) {
                self.found.push(
                    Diagnostic::error("value-not-measured", "this target measures no value")
                        .at(value.span())
                        .label("a value here is never read")
                        .help("a deliverable is judged by `status = \"done\"`; remove `value`, or put it in the `note`"),
                );
                self.ok = false;
            }
            let by = record.by.as_ref().and_then(|by| self.unit_ref(by));
            records.push(Record {
                id: record.id.as_ref().map(|id| id.get_ref().clone()),
                date: record.date.get_ref().0,
                status: record.status.as_ref().map(|status| *status.get_ref()),
                value: record
                    .value
                    .as_ref()
                    .map(|value| plain_zero(*value.get_ref())),
                of: whole(record.of.as_ref()),
                note: record.note.clone(),
                by,
                evidence: record.evidence.clone(),
                corrects: record.corrects.as_ref().map(|id| id.get_ref().clone()),
                verdict: record.verdict.as_ref().map(|verdict| *verdict.get_ref()),
                shortcoming: record.shortcoming.clone(),
                cause: record.cause.clone(),
                proposal: record.proposal.clone(),
                corrected_on: None,
                published: None,
            });
        }
        Records::new(records)
    }

    /// Reports filed under a duty: each names a period the duty covers and a
    /// unit that owes it (a member of a group it names; any unit for a group
    /// whose members the plan does not list).
    fn filed_reports(
        &mut self,
        written: &[file::Record],
        from: &[UnitRef],
        to: Option<UnitRef>,
        periods: &[Frequency],
    ) -> Vec<FiledReport> {
        let file = self.file;
        let mut filed = Vec::with_capacity(written.len());
        for record in written {
            let (Some(by_id), Some(period_text)) = (&record.by, &record.period) else {
                // Reported by the `records` rule.
                self.ok = false;
                continue;
            };
            let Some(by) = self.unit_ref(by_id) else {
                continue;
            };
            let period = match period_key::parse(period_text.get_ref()) {
                Ok(period) => period,
                Err(message) => {
                    self.found.push(
                        Diagnostic::error("unknown-period", message)
                            .at(period_text.span())
                            .help(format!(
                                "name the period the report covers: {}",
                                period_key::FORMS
                            )),
                    );
                    self.ok = false;
                    continue;
                }
            };
            if !periods.is_empty()
                && !periods
                    .iter()
                    .any(|every| period_key::is_a(&period, *every))
            {
                let owed: Vec<&str> = periods
                    .iter()
                    .map(|every| period_key::frequency_word(*every))
                    .collect();
                self.found.push(
                    Diagnostic::error(
                        "period-not-owed",
                        format!("this duty's reports are per {}; `{}` is not one of them", owed.join(", "), period_text.get_ref()),
                    )
                    .at(period_text.span())
                    .help("write the quarter, half or year the report covers, e.g. 2024-Q2 or 2024-H1"),
                );
                self.ok = false;
            }
            let unit_is_group = |unit: UnitRef| {
                file.units
                    .get(unit.0)
                    .is_some_and(|unit| unit.kind == Some(file::UnitKind::Group))
            };
            let owes = from.iter().any(|&listed| {
                let members = &file.units[listed.0].members;
                listed == by
                    || members
                        .iter()
                        .any(|member| member.get_ref() == by_id.get_ref())
                    || (members.is_empty() && unit_is_group(listed) && !unit_is_group(by))
            });
            if !owes || Some(by) == to {
                let names: Vec<&str> = from
                    .iter()
                    .map(|unit| file.units[unit.0].id.get_ref().as_str())
                    .collect();
                self.found.push(
                    Diagnostic::error(
                        "not-a-reporter",
                        format!("`{}` owes no report under this duty", by_id.get_ref()),
                    )
                    .at(by_id.span())
                    .help(format!("the duty's reports come from {}; record a report under the duty that unit owes", names.join(", "))),
                );
                self.ok = false;
            }
            filed.push(FiledReport {
                date: record.date.get_ref().0,
                by,
                period,
                note: record.note.clone(),
                evidence: record.evidence.clone(),
            });
        }
        filed.sort_by_key(|report| report.date);
        filed
    }

    fn reporting(&mut self) -> Vec<ReportingDuty> {
        let file = self.file;
        let mut duties = Vec::with_capacity(file.reporting.len());
        for duty in &file.reporting {
            for (empty, span, what, example) in [
                (
                    duty.from.get_ref().is_empty(),
                    duty.from.span(),
                    "`from` names no unit",
                    "from = [\"hc-th\"]",
                ),
                (
                    duty.periods
                        .as_ref()
                        .is_some_and(|periods| periods.get_ref().is_empty()),
                    duty.periods.as_ref().map_or(0..0, Spanned::span),
                    "`periods` names no period",
                    "periods = [\"quarter\"], or leave `periods` out for \"as required\"",
                ),
            ] {
                if empty {
                    self.found.push(
                        Diagnostic::error("empty-list", format!("this reporting duty's {what}"))
                            .at(span)
                            .label("empty")
                            .help(format!("fill it in, e.g. {example}")),
                    );
                    self.ok = false;
                }
            }
            let from = self.unit_refs(duty.from.get_ref());
            let to = duty.to.as_ref().and_then(|to| self.unit_ref(to));
            let periods: Vec<Frequency> = duty
                .periods
                .iter()
                .flat_map(Spanned::get_ref)
                .map(|period| *period.get_ref())
                .collect();
            let filed = self.filed_reports(&duty.records, &from, to, &periods);
            duties.push(ReportingDuty {
                id: duty.id.as_ref().map(|id| id.get_ref().clone()),
                from,
                to,
                periods,
                text: duty.text.clone(),
                due_days_after: whole(duty.due_days_after.as_ref()),
                cutoff_days_before: whole(duty.cutoff_days_before.as_ref()),
                filed,
            });
        }
        duties
    }
}

/// The goal of one target, reading only the keys its kind takes.
/// What a goal may need beyond its target and its baselines: the plan's
/// bands, and the published reference (median) of the plan's year.
struct GoalContext<'c> {
    bands: &'c [String],
    reference: Option<f64>,
    /// The published results of the target's index (or of the unit), by year.
    results: Vec<&'c PublishedResult>,
}

fn goal(
    target: &file::Target,
    keys: &mut Keys,
    index: Option<&Scores>,
    overall: &Scores,
    context: &GoalContext<'_>,
) -> Option<Goal> {
    let text = |field: &Option<Spanned<String>>| field.as_ref().map(|f| f.get_ref().clone());
    let of = |keys: &mut Keys| keys.optional("of", text(&target.of));
    let percent = |keys: &mut Keys| keys.required("percent", number(target.percent.as_ref()));
    let scale = |keys: &mut Keys| keys.optional("scale", number(target.scale.as_ref()));
    let count = |keys: &mut Keys, key: &'static str, field: &Option<Spanned<i64>>| {
        let limit = keys.required(key, whole(field.as_ref()));
        let per = keys.required("per", target.per.as_ref().map(|per| *per.get_ref()));
        let per_entity = keys.optional("per_entity", text(&target.per_entity));
        Some((limit?, per?, per_entity))
    };
    // A named year's published result, when the target asks for one.
    let year_baseline = |keys: &mut Keys| {
        let year = keys.optional("baseline_year", whole(target.baseline_year.as_ref()))?;
        let year = i32::try_from(year).ok()?;
        let result = context
            .results
            .iter()
            .rev()
            .find(|result| result.year == year)?;
        Some((year, *result))
    };
    let score_baseline = |keys: &mut Keys| {
        let own = keys.optional("baseline", number(target.baseline.as_ref()));
        // A named year with no published result has nothing to compare with.
        if target.baseline_year.is_some() {
            return year_baseline(keys).and_then(|(year, result)| {
                result.score.map(|value| Baseline {
                    value,
                    source: BaselineSource::Year(year),
                })
            });
        }
        baseline(own, index, overall, |scores| scores.previous_score)
    };
    Some(match *target.kind.get_ref() {
        TargetKind::PercentAtLeast => {
            let percent = percent(keys);
            Goal::PercentAtLeast {
                of: of(keys),
                percent: percent?,
            }
        }
        TargetKind::PercentAtMost => {
            let percent = percent(keys);
            Goal::PercentAtMost {
                of: of(keys),
                percent: percent?,
            }
        }
        TargetKind::All => Goal::All { of: of(keys) },
        TargetKind::Change => {
            let direction =
                keys.required("direction", target.direction.as_ref().map(|d| *d.get_ref()));
            let percent = percent(keys);
            let of = of(keys);
            let baseline = keys.optional("baseline", number(target.baseline.as_ref()));
            Goal::Change {
                direction: direction?,
                percent: percent?,
                of,
                baseline,
            }
        }
        TargetKind::CountAtMost => {
            let (max, per, per_entity) = count(keys, "max", &target.max)?;
            Goal::CountAtMost {
                max,
                per,
                per_entity,
            }
        }
        TargetKind::CountAtLeast => {
            let (min, per, per_entity) = count(keys, "min", &target.min)?;
            Goal::CountAtLeast {
                min,
                per,
                per_entity,
            }
        }
        TargetKind::RankImprovement => {
            let places = keys.required("places", whole(target.places.as_ref()));
            let places_max = keys.optional("places_max", whole(target.places_max.as_ref()));
            let own = keys.optional(
                "baseline_rank",
                target.baseline_rank.as_ref().and_then(rank_of),
            );
            let named = year_baseline(keys).and_then(|(year, result)| {
                result.rank.map(|value| Baseline {
                    value,
                    source: BaselineSource::Year(year),
                })
            });
            Goal::RankImprovement {
                places: places?,
                places_max,
                baseline: if target.baseline_year.is_some() {
                    named
                } else {
                    baseline(own, index, overall, |scores| scores.previous_rank)
                },
            }
        }
        TargetKind::RankAtMost => Goal::RankAtMost {
            rank: keys.required("rank", whole(target.rank.as_ref()))?,
        },
        TargetKind::ScoreAtLeast => {
            let score = keys.required("score", number(target.score.as_ref()));
            Goal::ScoreAtLeast {
                scale: scale(keys),
                score: score?,
            }
        }
        TargetKind::ScoreChangeAtLeast => {
            let points = keys.required("points", number(target.points.as_ref()));
            let points_max = keys.optional("points_max", number(target.points_max.as_ref()));
            Goal::ScoreChangeAtLeast {
                points_max,
                baseline: score_baseline(keys),
                scale: scale(keys),
                points: points?,
            }
        }
        TargetKind::Maintain => Goal::Maintain {
            baseline: score_baseline(keys),
            scale: scale(keys),
        },
        TargetKind::Deliverable => Goal::Deliverable,
        TargetKind::BandAtLeast => {
            let band = keys.required("band", text(&target.band))?;
            // An unknown band is reported by the `bands` rule; no goal then.
            let level = context.bands.iter().position(|known| *known == band)?;
            Goal::BandAtLeast {
                level: u32::try_from(level + 1).ok()?,
                bands: context.bands.to_vec(),
            }
        }
        TargetKind::Qualitative => Goal::Qualitative,
        TargetKind::AboveReference => {
            let _ = keys.optional("reference", text(&target.reference));
            Goal::AboveReference {
                reference: context.reference,
            }
        }
    })
}

/// What a goal is compared with: the target's own figure, else its index's
/// previous one, else (for a target of the unit as a whole, with no index)
/// the unit's overall previous one. An index never borrows the overall
/// figure: a component's 6th place is not the department's 7th.
fn baseline<T>(
    own: Option<T>,
    index: Option<&Scores>,
    overall: &Scores,
    previous: impl Fn(&Scores) -> Option<T>,
) -> Option<Baseline<T>> {
    let (value, source) = match (own, index) {
        (Some(value), _) => (value, BaselineSource::Target),
        (None, Some(index)) => (previous(index)?, BaselineSource::Index),
        (None, None) => (previous(overall)?, BaselineSource::Overall),
    };
    Some(Baseline { value, source })
}

/// The goal keys present on a target, and which of them a conversion read.
struct Keys {
    present: Vec<(&'static str, Range<usize>)>,
    /// Every key the conversion looked for, present or not, in order.
    read: Vec<&'static str>,
    missing: Vec<&'static str>,
}

impl Keys {
    fn new(present: Vec<(&'static str, Range<usize>)>) -> Self {
        Self {
            present,
            read: Vec::new(),
            missing: Vec::new(),
        }
    }

    fn optional<T>(&mut self, key: &'static str, value: Option<T>) -> Option<T> {
        if !self.read.contains(&key) {
            self.read.push(key);
        }
        value
    }

    fn required<T>(&mut self, key: &'static str, value: Option<T>) -> Option<T> {
        let present = self.present.iter().any(|(name, _)| *name == key);
        if !present {
            self.missing.push(key);
        }
        self.optional(key, value)
    }

    /// Keys the kind needs and the entry lacks, less those that were there
    /// with the wrong type (reported already).
    fn missing_in<'k>(
        &'k self,
        file: &'k PlanFile,
        extent: &'k file::Extent,
    ) -> impl Iterator<Item = &'static str> + 'k {
        self.missing
            .iter()
            .copied()
            .filter(move |key| !file.unreadable_key_within(key, extent))
    }

    /// Keys present that the kind did not read.
    fn unused(&self) -> Vec<(&'static str, Range<usize>)> {
        self.present
            .iter()
            .filter(|(key, _)| !self.read.contains(key))
            .cloned()
            .collect()
    }
}

fn span_of<T>(field: Option<&Spanned<T>>) -> Option<Range<usize>> {
    field.map(Spanned::span)
}

/// Every goal key of a target that has a value, with its span.
fn goal_keys(target: &file::Target) -> Vec<(&'static str, Range<usize>)> {
    [
        ("percent", span_of(target.percent.as_ref())),
        ("of", span_of(target.of.as_ref())),
        ("direction", span_of(target.direction.as_ref())),
        ("max", span_of(target.max.as_ref())),
        ("min", span_of(target.min.as_ref())),
        ("per", span_of(target.per.as_ref())),
        ("per_entity", span_of(target.per_entity.as_ref())),
        ("places", span_of(target.places.as_ref())),
        ("places_max", span_of(target.places_max.as_ref())),
        ("rank", span_of(target.rank.as_ref())),
        ("score", span_of(target.score.as_ref())),
        ("points", span_of(target.points.as_ref())),
        ("points_max", span_of(target.points_max.as_ref())),
        ("baseline_year", span_of(target.baseline_year.as_ref())),
        ("band", span_of(target.band.as_ref())),
        ("reference", span_of(target.reference.as_ref())),
        ("scale", span_of(target.scale.as_ref())),
        ("baseline", span_of(target.baseline.as_ref())),
        ("baseline_rank", span_of(target.baseline_rank.as_ref())),
        ("due", span_of(target.due.as_ref())),
    ]
    .into_iter()
    .filter_map(|(key, span)| Some((key, span?)))
    .collect()
}

/// Every key of a schedule besides `kind` and `text` that has a value.
fn schedule_keys(schedule: &file::Schedule) -> Vec<(&'static str, Range<usize>)> {
    [
        ("start", span_of(schedule.start.as_ref())),
        ("due", span_of(schedule.due.as_ref())),
        ("every", span_of(schedule.every.as_ref())),
        ("interval", span_of(schedule.interval.as_ref())),
        ("weekday", span_of(schedule.weekday.as_ref())),
        ("week", span_of(schedule.week.as_ref())),
        ("day", span_of(schedule.day.as_ref())),
        ("if_weekend", span_of(schedule.if_weekend.as_ref())),
        ("time", span_of(schedule.time.as_ref())),
    ]
    .into_iter()
    .filter_map(|(key, span)| Some((key, span?)))
    .collect()
}

fn scores(written: &file::Scores) -> Scores {
    Scores {
        group: written.group.clone(),
        scale: number(written.scale.as_ref()),
        previous_score: number(written.previous_score.as_ref()),
        previous_rank: written.previous_rank.as_ref().and_then(rank_of),
        expected_score: number(written.expected_score.as_ref()),
        weight: number(written.weight.as_ref()),
    }
}

fn rank_of(written: &Spanned<file::RankOf>) -> Option<RankOf> {
    let written = written.get_ref();
    Some(RankOf {
        rank: whole(Some(&written.rank))?,
        of: whole(written.of.as_ref()),
    })
}

/// A finite number, with no negative zero; non-finite ones are reported by
/// the `value_ranges` rule.
fn number(field: Option<&Spanned<f64>>) -> Option<f64> {
    field
        .map(|field| *field.get_ref())
        .filter(|value| value.is_finite())
        .map(plain_zero)
}

fn whole(field: Option<&Spanned<i64>>) -> Option<u32> {
    field.and_then(|field| u32::try_from(*field.get_ref()).ok())
}

/// `-0.0` reads as 0 everywhere a person or program sees it.
pub fn plain_zero(value: f64) -> f64 {
    if value == 0.0 { 0.0 } else { value }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A plan with one unit `u`, one index `i`; what follows is appended.
    pub const HEADER: &str = "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
        [[units]]\nid = \"u\"\nname = \"Unit\"\n\n[[indices]]\nid = \"i\"\nname = \"Index\"\n";

    /// A plan read, checked and converted as `ddci` does; panics with the
    /// diagnostics if it is not valid.
    pub fn plan_from(text: &str) -> Plan {
        let mut loaded = crate::load::load_bytes(std::path::Path::new("test.toml"), text.into());
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a day");
        let plan = crate::validate::validate(&mut loaded, today);
        plan.unwrap_or_else(|| panic!("not valid: {:#?}", loaded.diagnostics))
    }

    /// The diagnostics' codes for a plan that is not valid.
    pub fn problems(text: &str) -> Vec<&'static str> {
        let mut loaded = crate::load::load_bytes(std::path::Path::new("test.toml"), text.into());
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
        plan.targets[0].goal.clone()
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
}
