//! The validated plan: what the file means once every check has passed. Plain
//! values with no spans, ids resolved to references, schedules and goals as
//! enums, baselines already chosen, records in date order. Built once by
//! `plan::build` (as cargo turns a `TomlManifest` into a `Manifest`); every
//! command after validation reads this, never the serde types of `plan::file`.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::time::period::Period;
pub use crate::time::working_days::WorkingDays;

pub use super::file::{
    Direction, Frequency, Language, PeriodRule, Progress, UnitKind, Verdict, WeekOfMonth, Weekday,
    WeekendShift,
};
pub use super::goal::{Baseline, BaselineSource, Goal, RankOf};
pub use super::goals::{GoalFrom, Goals};
pub use super::in_force::{Amendment, AmendmentRef, InForce};
pub use super::record::{FORM_RECORD_PREFIX, Record, Records};
pub use super::refs::{IndexRef, TargetRef, TaskRef, UnitRef};

/// What an id names. Ids are one namespace across the plan's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Unit(UnitRef),
    Index(IndexRef),
    Task(TaskRef),
    Target(TargetRef),
    Reporting(usize),
}

#[derive(Debug)]
pub struct Plan {
    pub title: String,
    pub agency: String,
    pub agency_short: Option<String>,
    pub province: String,
    /// The plan's (first) year.
    pub year: i32,
    /// Its last year: `year` for a plan of one year.
    pub until: i32,
    pub language: Language,
    /// The plan's IANA time zone: "today" is the date there.
    pub time_zone: String,
    pub based_on: Vec<BasisDocument>,
    pub purposes: Vec<String>,
    pub requirements: Vec<String>,
    pub organisation: Vec<String>,
    pub appendix: Option<String>,
    pub recipients: Vec<String>,
    pub signed_by: Option<Signatory>,
    /// The plan's own number and date of issue, when the plan gives them.
    pub number: Option<String>,
    pub issued: Option<NaiveDate>,
    pub parent_agency: Option<String>,
    /// The agency's abbreviation in document numbers ("SKHCN").
    pub code: Option<String>,
    /// The place written before a document's date.
    pub place: String,
    pub report: ReportSettings,
    /// The department's own overall result (the unit as a whole).
    pub overall: Scores,
    pub units: Vec<Unit>,
    pub indices: Vec<Index>,
    pub tasks: Vec<Task>,
    pub targets: Vec<Target>,
    pub reporting: Vec<ReportingDuty>,
    /// DDCI results as published, of any year.
    pub results: Vec<PublishedResult>,
    /// Which days are worked, for moved occurrences and deadlines.
    pub working_days: WorkingDays,
    /// When the plan is carried out: `ends` when it stops early.
    pub in_force: InForce,
    /// The plan this one carries on from, in words.
    pub predecessor: Option<String>,
    /// The decisions that amended it, by date.
    pub amendments: Vec<Amendment>,
    /// Its names from a date on, by date.
    pub name_changes: Vec<NameChange>,
    pub(super) entries: HashMap<String, Entry>,
}

/// The plan's names from `from` on; `None` keeps the earlier name.
#[derive(Debug, Clone, Default)]
pub struct NameChange {
    pub from: NaiveDate,
    pub agency: Option<String>,
    pub agency_short: Option<String>,
    pub province: Option<String>,
    pub parent_agency: Option<String>,
    pub code: Option<String>,
    pub place: Option<String>,
    pub basis: Option<String>,
}

/// The names a document of a given day is headed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names<'p> {
    pub agency: &'p str,
    pub agency_short: Option<&'p str>,
    pub province: &'p str,
    pub parent_agency: Option<&'p str>,
    pub code: Option<&'p str>,
    pub place: &'p str,
}

#[derive(Debug, Clone)]
pub struct BasisDocument {
    pub kind: Option<String>,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub issuer: Option<String>,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Signatory {
    pub title: String,
    pub name: String,
    /// The head's title when a deputy signs for them ("KT. GIÁM ĐỐC").
    pub signs_for: Option<String>,
}

/// How period reports are cut off, addressed and signed.
#[derive(Debug, Clone, Default)]
pub struct ReportSettings {
    pub periods: PeriodRule,
    pub recipients: Vec<String>,
    /// The report's own signer, else the plan's.
    pub signed_by: Option<Signatory>,
}

/// Scores and ranks of the unit as a whole or of one component index. Absent
/// means "no data", never zero.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub group: Option<String>,
    pub scale: Option<f64>,
    pub previous_score: Option<f64>,
    pub previous_rank: Option<RankOf>,
    pub expected_score: Option<f64>,
    pub weight: Option<f64>,
}

impl Scores {
    pub fn is_empty(&self) -> bool {
        self.previous_score.is_none()
            && self.previous_rank.is_none()
            && self.expected_score.is_none()
    }
}

#[derive(Debug)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub short: Option<String>,
    pub kind: Option<UnitKind>,
    /// For a group: the units it stands for.
    pub members: Vec<UnitRef>,
    /// For a group with no members listed: any single unit may send its report.
    pub reports_as_one: bool,
    /// When the unit exists.
    pub in_force: InForce,
    /// Who takes over what it owes after it ends.
    pub successor: Option<UnitRef>,
    /// Its names from a date on: (from, name, short).
    pub renamed: Vec<(NaiveDate, Option<String>, Option<String>)>,
    /// Who signs the unit's own report, when the plan names them.
    pub head: Option<Signatory>,
}

impl Unit {
    /// The short name for tables, else the name.
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }

    pub fn is_group(&self) -> bool {
        self.kind == Some(UnitKind::Group)
    }

    /// Whether it is one of the agency's offices or units ("các phòng, đơn
    /// vị"): not its leadership, a group, or a body outside it.
    pub fn is_office_or_unit(&self) -> bool {
        !matches!(
            self.kind,
            Some(UnitKind::Leadership | UnitKind::Group | UnitKind::External)
        )
    }

    /// Its name and short name in force on `day`: a record keeps the name
    /// its unit had when it was made.
    pub fn names_on(&self, day: NaiveDate) -> (&str, Option<&str>) {
        let mut name = self.name.as_str();
        let mut short = self.short.as_deref();
        for (from, new_name, new_short) in &self.renamed {
            if *from <= day {
                if let Some(new_name) = new_name {
                    name = new_name;
                    // A new name without a new short name has none yet.
                    short = new_short.as_deref();
                } else if let Some(new_short) = new_short {
                    short = Some(new_short);
                }
            }
        }
        (name, short)
    }
}

#[derive(Debug)]
pub struct Index {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub scores: Scores,
    /// Its tasks, in plan order.
    pub tasks: Vec<TaskRef>,
}

#[derive(Debug)]
pub struct Task {
    pub id: String,
    pub index: IndexRef,
    pub text: String,
    /// The plan's short name for it, for reports and calendars.
    pub short: Option<String>,
    pub lead: Vec<UnitRef>,
    pub coordinating: Vec<UnitRef>,
    /// The plan's own words about who does the task, verbatim.
    pub assigned: Vec<String>,
    /// The one year it belongs to, in a plan of several years.
    pub year: Option<i32>,
    pub schedule: Schedule,
    /// The plan's own words for the schedule, e.g. "Thường xuyên".
    pub schedule_text: Option<String>,
    /// When the task is carried out.
    pub in_force: InForce,
    pub records: Records,
    /// The targets that measure this task, in plan order.
    pub targets: Vec<TargetRef>,
}

/// When a task is carried out.
#[derive(Debug, Clone, PartialEq)]
pub enum Schedule {
    /// "Thường xuyên": no due date, never done, reported on every period.
    Ongoing,
    /// A one-off task with a due date.
    Due {
        start: Option<NaiveDate>,
        due: NaiveDate,
    },
    /// Held on a calendar rule; judged occurrence by occurrence.
    Recurring(Recurrence),
}

impl Schedule {
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Self::Due { due, .. } => Some(*due),
            Self::Ongoing | Self::Recurring(_) => None,
        }
    }

    /// Whether the task is continuing work, which is never "done".
    pub fn is_continuing(&self) -> bool {
        !matches!(self, Self::Due { .. })
    }
}

/// A calendar rule: "the Wednesday of the last week of each month".
#[derive(Debug, Clone, PartialEq)]
pub struct Recurrence {
    pub every: Frequency,
    /// Every `interval`-th period (1: every one, 2: every other).
    pub interval: u32,
    pub weekday: Option<Weekday>,
    pub week: Option<WeekOfMonth>,
    pub day: Option<u32>,
    pub if_weekend: Option<WeekendShift>,
    pub time: Option<chrono::NaiveTime>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

#[derive(Debug)]
pub struct Target {
    pub id: String,
    pub text: String,
    /// A short name for what is measured, for tables.
    pub measure: Option<String>,
    pub task: Option<TaskRef>,
    /// The unit the plan names to report its figure (`Plan::reporter` says
    /// who does when the plan does not).
    pub reported_by: Option<UnitRef>,
    /// Its own index, else its task's.
    pub index: Option<IndexRef>,
    /// The one year it is for, in a plan of several years.
    pub year: Option<i32>,
    /// Its goal and the changes made to it from a date.
    pub goals: Goals,
    /// When the target is in force.
    pub in_force: InForce,
    /// The day by which it must be met: its own `due`, else the plan's last day.
    pub deadline: NaiveDate,
    pub records: Records,
}

#[derive(Debug)]
pub struct ReportingDuty {
    pub id: Option<String>,
    pub from: Vec<UnitRef>,
    pub to: Option<UnitRef>,
    /// Empty when the plan says only "as required" ("theo quy định").
    pub periods: Vec<Frequency>,
    pub text: Option<String>,
    pub due_days_after: Option<u32>,
    pub cutoff_days_before: Option<u32>,
    /// When the duty applies.
    pub in_force: InForce,
    /// Reports filed under the duty, in date order.
    pub filed: Vec<FiledReport>,
}

/// A published DDCI result: the unit's (`index` None) or one index's.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedResult {
    pub year: i32,
    pub index: Option<IndexRef>,
    pub score: Option<f64>,
    pub rank: Option<RankOf>,
    pub median: Option<f64>,
    pub average: Option<f64>,
    pub band: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
}

impl Plan {
    /// The published result for `year` of `index` (None: the unit's).
    pub fn result(&self, year: i32, index: Option<IndexRef>) -> Option<&PublishedResult> {
        self.results
            .iter()
            .rev()
            .find(|result| result.year == year && result.index == index)
    }

    /// The latest result of `index` (None: the unit's) for a year up to
    /// `year`, as known on `known_on`: a view of 2024 cites 2024's result or
    /// an earlier one, never 2025's, and never one not yet published.
    pub fn latest_result(
        &self,
        index: Option<IndexRef>,
        year: i32,
        known_on: NaiveDate,
    ) -> Option<&PublishedResult> {
        self.results
            .iter()
            .filter(|result| result.index == index && result.year <= year)
            .filter(|result| result.known_on(known_on))
            // The later entry of one year wins, as in `result`.
            .max_by_key(|result| result.year)
    }
}

impl PublishedResult {
    /// Whether the result is known on `day`: from its publication day, else
    /// at the earliest in the year after the year it measures (the survey of
    /// year Y is published in the first months of Y+1).
    pub fn known_on(&self, day: NaiveDate) -> bool {
        match self.published {
            Some(published) => published <= day,
            None => self.year < day.year(),
        }
    }
}

/// A unit's report for one period, sent (and recorded) on `date`.
#[derive(Debug, Clone)]
pub struct FiledReport {
    pub date: NaiveDate,
    pub by: UnitRef,
    pub period: Period,
    pub note: Option<String>,
    pub evidence: Option<String>,
}

impl Plan {
    /// What `id` names, if anything.
    pub fn entry(&self, id: &str) -> Option<Entry> {
        self.entries.get(id).copied()
    }

    pub fn unit_by_id(&self, id: &str) -> Option<UnitRef> {
        match self.entry(id)? {
            Entry::Unit(unit) => Some(unit),
            _ => None,
        }
    }

    pub fn index_by_id(&self, id: &str) -> Option<IndexRef> {
        match self.entry(id)? {
            Entry::Index(index) => Some(index),
            _ => None,
        }
    }

    pub fn task_by_id(&self, id: &str) -> Option<TaskRef> {
        match self.entry(id)? {
            Entry::Task(task) => Some(task),
            _ => None,
        }
    }

    pub fn target_by_id(&self, id: &str) -> Option<TargetRef> {
        match self.entry(id)? {
            Entry::Target(target) => Some(target),
            _ => None,
        }
    }

    pub fn unit(&self, unit: UnitRef) -> &Unit {
        &self.units[unit.0]
    }

    /// A component index (named so as not to read as `std::ops::Index`).
    pub fn component(&self, index: IndexRef) -> &Index {
        &self.indices[index.0]
    }

    pub fn task(&self, task: TaskRef) -> &Task {
        &self.tasks[task.0]
    }

    pub fn target(&self, target: TargetRef) -> &Target {
        &self.targets[target.0]
    }

    /// Whether `listed` (a unit named on a task or duty) is `unit` itself, a
    /// group that has `unit` as a member, or a unit `unit` took over from.
    pub fn stands_for(&self, listed: UnitRef, unit: UnitRef) -> bool {
        listed == unit
            || self.unit(listed).members.contains(&unit)
            || self.successors(listed).contains(&unit)
    }

    /// Who took over from `unit`, then from them, and so on (validation
    /// refuses a ring; the walk stops at the number of units anyway).
    pub fn successors(&self, unit: UnitRef) -> Vec<UnitRef> {
        let mut found = Vec::new();
        let mut current = unit;
        while let Some(next) = self.unit(current).successor {
            if next == unit || found.contains(&next) || found.len() >= self.units.len() {
                break;
            }
            found.push(next);
            current = next;
        }
        found
    }

    /// The unit that answers on `day` for what `unit` owes: itself while it
    /// exists, else the first successor that exists then.
    pub fn answering_on(&self, unit: UnitRef, day: NaiveDate) -> Option<UnitRef> {
        std::iter::once(unit)
            .chain(self.successors(unit))
            .find(|candidate| self.unit(*candidate).in_force.covers(day))
    }

    /// The names the plan's documents of `day` are headed with: the plan's
    /// own, changed by each `[[plan.changes]]` in force by then.
    pub fn names_on(&self, day: NaiveDate) -> Names<'_> {
        let mut names = Names {
            agency: &self.agency,
            agency_short: self.agency_short.as_deref(),
            province: &self.province,
            parent_agency: self.parent_agency.as_deref(),
            code: self.code.as_deref(),
            place: &self.place,
        };
        for change in self.name_changes.iter().filter(|change| change.from <= day) {
            if let Some(agency) = &change.agency {
                names.agency = agency;
                // A new agency has its own short name, or none.
                names.agency_short = change.agency_short.as_deref();
            } else if let Some(short) = &change.agency_short {
                names.agency_short = Some(short);
            }
            if let Some(province) = &change.province {
                names.province = province;
                // The place follows the province unless the change names one.
                names.place = change.place.as_deref().unwrap_or(province);
            } else if let Some(place) = &change.place {
                names.place = place;
            }
            if let Some(parent) = &change.parent_agency {
                names.parent_agency = Some(parent);
            }
            if let Some(code) = &change.code {
                names.code = Some(code);
            }
        }
        names
    }

    /// The amendments issued by `day`, oldest first.
    pub fn amendments_by(&self, day: NaiveDate) -> impl Iterator<Item = &Amendment> {
        self.amendments
            .iter()
            .filter(move |amendment| amendment.date <= day)
    }

    pub fn amendment(&self, amendment: AmendmentRef) -> &Amendment {
        &self.amendments[amendment.0]
    }

    /// Who owes a duty's report for a period whose data ends on `end`: each
    /// reporter (`reporters`) that exists on that day, or the successor
    /// that took over from it; nobody when the duty or the plan is not in
    /// force then.
    pub fn reporters_on(&self, duty: &ReportingDuty, end: NaiveDate) -> Vec<UnitRef> {
        if !duty.in_force.covers(end) || !self.in_force.covers(end) {
            return Vec::new();
        }
        let mut owing = Vec::new();
        for unit in self.reporters(duty) {
            if let Some(answering) = self.answering_on(unit, end)
                && Some(answering) != duty.to
                && !owing.contains(&answering)
            {
                owing.push(answering);
            }
        }
        owing
    }

    /// Who owes a duty's reports, one by one: each unit it names, a group
    /// by its members when the plan lists them (a group it does not is one
    /// reporter), and never the unit the reports go to.
    pub fn reporters(&self, duty: &ReportingDuty) -> Vec<UnitRef> {
        let mut reporters = Vec::new();
        for &listed in &duty.from {
            let members = &self.unit(listed).members;
            let units = if members.is_empty() {
                std::slice::from_ref(&listed)
            } else {
                members.as_slice()
            };
            for &unit in units {
                if Some(unit) != duty.to && !reporters.contains(&unit) {
                    reporters.push(unit);
                }
            }
        }
        reporters
    }

    /// Whether `unit` leads (or, unless `lead_only`, coordinates) `task`,
    /// directly or as a member of a group that does.
    pub fn owns(&self, task: &Task, unit: UnitRef, lead_only: bool) -> bool {
        let named = |listed: &UnitRef| self.stands_for(*listed, unit);
        task.lead.iter().any(named) || (!lead_only && task.coordinating.iter().any(named))
    }

    /// Whether any record is kept anywhere in the plan.
    pub fn has_records(&self) -> bool {
        self.tasks.iter().any(|task| !task.records.is_empty())
            || self.targets.iter().any(|target| !target.records.is_empty())
    }

    /// The first and last day of the plan: of its year, or of its years;
    /// its `ends` when it stops early.
    pub fn year_bounds(&self) -> (NaiveDate, NaiveDate) {
        let first = NaiveDate::from_ymd_opt(self.year, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(self.until, 12, 31).unwrap_or(NaiveDate::MAX);
        let last = self.in_force.ends.map_or(last, |ends| ends.min(last));
        (first, last)
    }

    /// The day a report is due `days` after a period's data ends on `end`:
    /// a last day that is a day off runs to the next working day (Civil
    /// Code 2015, Article 148), unless the plan counts it as written.
    pub fn due_after(&self, end: NaiveDate, days: Option<u32>) -> Option<NaiveDate> {
        let last_day = end.checked_add_days(chrono::Days::new(u64::from(days?)))?;
        Some(self.working_days.deadline(last_day))
    }

    /// The years the plan spans, first to last.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.year..=self.until.max(self.year)
    }

    /// Whether a task or target of `year` (None: every year) counts in `year_asked`.
    pub fn belongs(own: Option<i32>, year_asked: i32) -> bool {
        own.is_none_or(|own| own == year_asked)
    }
}

impl Index {
    /// The name in the reader's language (English only if the plan gives one).
    pub fn name_in(&self, language: Language) -> &str {
        match (language, &self.name_en) {
            (Language::En, Some(name)) => name,
            _ => &self.name,
        }
    }
}
