//! The plan file as written: plain serde types that mirror `plan.toml` key by
//! key. Nothing here is checked beyond its TOML type; the rules in
//! `validate/` decide what makes sense, and every key is documented in
//! `docs/plan-format.md`.

use schemars::JsonSchema;
use serde::Deserialize;

pub use super::file_changes::{
    Amendment, GoalChange, HeaderChange, UnitChange, WorkingDaysSettings,
};
pub use super::spanned::Spanned;
pub use super::target_kind::TargetKind;
pub use crate::time::period::{Frequency, PeriodRule};
pub use crate::time::working_days::DeadlineOnDayOff;
pub use crate::words::language::Language;
pub use crate::words::progress::{Progress, Verdict};

use super::date::PlanDate;

/// An identifier or a reference to one, with its place in the file.
pub type Id = Spanned<String>;

/// Everything the loader could read from one plan file. Entries that failed
/// to deserialize are left out here and reported as diagnostics.
#[derive(Debug, Default)]
pub struct PlanFile {
    pub plan: Option<PlanHeader>,
    pub units: Vec<Unit>,
    pub indices: Vec<ComponentIndex>,
    pub tasks: Vec<Task>,
    pub targets: Vec<Target>,
    pub reporting: Vec<ReportingDuty>,
    pub results: Vec<PublishedResult>,
    /// Ids seen on entries that could not be read, so a broken entry does not
    /// also make every reference to it look dangling.
    pub unreadable_ids: Vec<String>,
    /// Keys of the wrong type, taken out so their siblings could still be
    /// read (name, and where the value was): not "missing" as well.
    pub unreadable_keys: Vec<(String, usize)>,
}

impl PlanFile {
    /// Whether a key called `key` was of the wrong type somewhere within
    /// `extent` (an entry's text), so that its absence was already reported.
    pub fn unreadable_key_within(&self, key: &str, extent: &Extent) -> bool {
        self.unreadable_keys.iter().any(|(name, at)| {
            name == key && (extent.header_start..=extent.content_end).contains(at)
        })
    }

    /// Every record in the plan: on tasks, on targets, and the reports sent
    /// under reporting duties.
    pub fn record_count(&self) -> usize {
        self.tasks
            .iter()
            .map(|task| task.records.len())
            .sum::<usize>()
            + self
                .targets
                .iter()
                .map(|target| target.records.len())
                .sum::<usize>()
            + self
                .reporting
                .iter()
                .map(|duty| duty.records.len())
                .sum::<usize>()
    }

    /// How many entries of the array `section` were read.
    pub fn entries(&self, section: &str) -> usize {
        match section {
            "units" => self.units.len(),
            "indices" => self.indices.len(),
            "tasks" => self.tasks.len(),
            "targets" => self.targets.len(),
            "reporting" => self.reporting.len(),
            "results" => self.results.len(),
            _ => 0,
        }
    }

    /// Puts a record read on its own (`None`: it could not be read) under the
    /// last task, target or reporting duty, whose text now ends at `content_end`.
    pub fn attach_record(&mut self, section: &str, record: Option<Record>, content_end: usize) {
        let owner = match section {
            "tasks" => self
                .tasks
                .last_mut()
                .map(|task| (&mut task.records, &mut task.extent)),
            "targets" => self
                .targets
                .last_mut()
                .map(|target| (&mut target.records, &mut target.extent)),
            "reporting" => self
                .reporting
                .last_mut()
                .map(|duty| (&mut duty.records, &mut duty.extent)),
            _ => None,
        };
        if let Some((records, extent)) = owner {
            records.extend(record);
            extent.content_end = extent.content_end.max(content_end);
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlanHeader {
    pub title: Spanned<String>,
    pub agency: Spanned<String>,
    #[serde(default)]
    pub agency_short: Option<Spanned<String>>,
    pub province: Spanned<String>,
    pub year: Spanned<i64>,
    /// For a plan of several years (2023–2025): its last year.
    #[serde(default)]
    pub until: Option<Spanned<i64>>,
    #[serde(default)]
    pub language: Option<Language>,
    /// The IANA time zone "today" is taken in [default: `Asia/Ho_Chi_Minh`].
    #[serde(default)]
    pub time_zone: Option<Spanned<String>>,
    #[serde(default)]
    pub based_on: Vec<BasisDocument>,
    #[serde(default)]
    pub purposes: Vec<String>,
    #[serde(default)]
    pub requirements: Vec<String>,
    #[serde(default)]
    pub organisation: Vec<String>,
    #[serde(default)]
    pub appendix: Option<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub signed_by: Option<Signatory>,
    /// The plan's own number as issued, e.g. "45/KH-SKHCN".
    #[serde(default)]
    pub number: Option<Spanned<String>>,
    /// The day the plan was issued.
    #[serde(default)]
    pub issued: Option<Spanned<PlanDate>>,
    /// The agency above the issuing one, first line of a document's header:
    /// "Ủy ban nhân dân tỉnh Kon Tum".
    #[serde(default)]
    pub parent_agency: Option<Spanned<String>>,
    /// The agency's abbreviation in document numbers: "SKHCN" in "Số: …/BC-SKHCN".
    #[serde(default)]
    pub code: Option<Spanned<String>>,
    /// The place written before a document's date [default: the province].
    #[serde(default)]
    pub place: Option<Spanned<String>>,
    /// How the department's period reports are cut off, addressed and signed.
    #[serde(default)]
    pub report: Option<ReportSettings>,
    /// The bands results are published in, lowest first:
    /// `["trung bình", "khá", "tốt", "rất tốt"]`.
    #[serde(default)]
    pub bands: Vec<Spanned<String>>,
    #[serde(default)]
    pub overall: Option<Scores>,
    /// Days off and days worked beyond Vietnam's public holidays, and how a
    /// deadline that falls on a day off is counted.
    #[serde(default)]
    pub working_days: Option<WorkingDaysSettings>,
    /// The last day the plan is carried out, when it stops before its last
    /// year ends (a district plan stopped on 30/06/2025).
    #[serde(default)]
    pub ends: Option<Spanned<PlanDate>>,
    /// Why it stops, as the plan or its decision says it.
    #[serde(default)]
    pub end_reason: Option<String>,
    /// The plan this one carries on from, in words ("Kế hoạch số 45/KH-UBND
    /// ngày 20/01/2025 của UBND huyện Đăk Hà").
    #[serde(default)]
    pub predecessor: Option<String>,
    /// The decisions that amended the plan ("Kế hoạch sửa đổi, bổ sung").
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// The agency's names from a date on: a merger, a renaming, a new
    /// province. Before the first, the names above are in force.
    #[serde(default)]
    pub changes: Vec<HeaderChange>,
}

/// What a period report needs that may differ from the plan itself.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportSettings {
    /// Which days a quarter, half, nine months or year report covers.
    #[serde(default)]
    pub periods: Option<PeriodRule>,
    /// The report's "Nơi nhận", one line each, as written after "- ".
    #[serde(default)]
    pub recipients: Vec<Spanned<String>>,
    /// Who signs the report [default: the plan's `signed_by`].
    #[serde(default)]
    pub signed_by: Option<Signatory>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BasisDocument {
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub date: Option<Spanned<PlanDate>>,
    #[serde(default)]
    pub issuer: Option<String>,
    pub title: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Signatory {
    pub title: Spanned<String>,
    pub name: Spanned<String>,
    /// Signing for the head ("KT." = ký thay): the head's title, "Giám đốc".
    #[serde(default)]
    pub signs_for: Option<Spanned<String>>,
}

/// Scores and ranks of the department as a whole or of one component index.
/// Every field is optional: absent means "no data", never zero.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Scores {
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub scale: Option<Spanned<f64>>,
    #[serde(default)]
    pub previous_score: Option<Spanned<f64>>,
    #[serde(default)]
    pub previous_rank: Option<Spanned<RankOf>>,
    #[serde(default)]
    pub expected_score: Option<Spanned<f64>>,
    #[serde(default)]
    pub weight: Option<Spanned<f64>>,
}

/// A rank within a group whose size changes by year: "7th of 18".
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RankOf {
    pub rank: Spanned<i64>,
    #[serde(default)]
    pub of: Option<Spanned<i64>>,
}

/// A DDCI result as the province published it: for the unit as a whole,
/// or for one component index; for the year it measures, whenever it was
/// published (the 2023 result came on 27/03/2024).
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PublishedResult {
    /// The year the result measures.
    pub year: Spanned<i64>,
    /// The component index it is for [default: the unit as a whole].
    #[serde(default)]
    pub index: Option<Id>,
    #[serde(default)]
    pub score: Option<Spanned<f64>>,
    #[serde(default)]
    pub rank: Option<Spanned<i64>>,
    /// How many were ranked.
    #[serde(default)]
    pub of: Option<Spanned<i64>>,
    /// The group's median score, where the province publishes it.
    #[serde(default)]
    pub median: Option<Spanned<f64>>,
    /// The group's average score ("điểm bình quân"), where published.
    #[serde(default)]
    pub average: Option<Spanned<f64>>,
    /// The band it was placed in, one of the plan's `bands`.
    #[serde(default)]
    pub band: Option<Spanned<String>>,
    /// The day it was published.
    #[serde(default)]
    pub published: Option<Spanned<PlanDate>>,
    /// The document that published it ("Công văn số 1024/UBND-KTTH").
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Unit {
    pub id: Id,
    pub name: Spanned<String>,
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub kind: Option<UnitKind>,
    #[serde(default)]
    pub members: Vec<Id>,
    /// For a group whose members are not listed: it reports as one, so any
    /// single unit may send its report.
    #[serde(default)]
    pub reports_as_one: Option<bool>,
    /// The first day the unit exists (set up, or formed by a merger).
    #[serde(default)]
    pub begins: Option<Spanned<PlanDate>>,
    /// The last day it exists (merged into another, dissolved).
    #[serde(default)]
    pub ends: Option<Spanned<PlanDate>>,
    /// The unit that takes over what it owes after `ends`.
    #[serde(default)]
    pub successor: Option<Id>,
    /// Its names from a date on: `[{ from = 2025-03-01, name = "…" }]`.
    #[serde(default)]
    pub changes: Vec<UnitChange>,
    /// Who signs the unit's own report: `{ title = "Chánh Thanh tra",
    /// name = "…" }` [default: "THỦ TRƯỞNG ĐƠN VỊ", the name left blank].
    #[serde(default)]
    pub head: Option<Signatory>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Leadership,
    Office,
    Inspectorate,
    Centre,
    Group,
    External,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ComponentIndex {
    pub id: Id,
    pub name: Spanned<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub scale: Option<Spanned<f64>>,
    #[serde(default)]
    pub previous_score: Option<Spanned<f64>>,
    #[serde(default)]
    pub previous_rank: Option<Spanned<RankOf>>,
    #[serde(default)]
    pub expected_score: Option<Spanned<f64>>,
    #[serde(default)]
    pub weight: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Task {
    pub id: Id,
    pub index: Id,
    pub text: Spanned<String>,
    /// A short name for reports and calendars ("Cà phê doanh nhân"), where
    /// the plan's whole text would not fit and a cut one would not read.
    #[serde(default)]
    pub short: Option<Spanned<String>>,
    pub lead: Spanned<Vec<Id>>,
    #[serde(default)]
    pub coordinating: Vec<Id>,
    /// The plan's own words about who does the task, kept verbatim.
    #[serde(default)]
    pub assigned: Vec<String>,
    /// In a plan of several years: the one year the task belongs to.
    #[serde(default)]
    pub year: Option<Spanned<i64>>,
    pub schedule: Spanned<Schedule>,
    /// The first day the task is carried out (added by an amendment).
    #[serde(default)]
    pub begins: Option<Spanned<PlanDate>>,
    /// The last day it is carried out (ended by an amendment, or by the
    /// reorganisation).
    #[serde(default)]
    pub ends: Option<Spanned<PlanDate>>,
    /// Why it ends, as the decision says it.
    #[serde(default)]
    pub end_reason: Option<String>,
    /// The amendment that added, ended or changed it (`[[plan.amendments]]`).
    #[serde(default)]
    pub amendment: Option<Id>,
    #[serde(skip)]
    pub records: Vec<Record>,
    #[serde(skip)]
    pub extent: Extent,
}

/// Where an entry of an array of tables sits in the file: from its `[[…]]`
/// header to the end of its last key or value (its records included).
/// `ddci record` inserts new records right after `content_end`'s line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extent {
    pub header_start: usize,
    pub content_end: usize,
    /// Whether `[[….records]]` tables can be appended after it: false for an
    /// entry written as an inline table or holding an inline `records` array.
    pub appendable: bool,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Schedule {
    pub kind: Spanned<ScheduleKind>,
    /// The plan's own words for the schedule, e.g. "Thường xuyên".
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub start: Option<Spanned<PlanDate>>,
    #[serde(default)]
    pub due: Option<Spanned<PlanDate>>,
    #[serde(default)]
    pub every: Option<Spanned<Frequency>>,
    #[serde(default)]
    pub interval: Option<Spanned<i64>>,
    #[serde(default)]
    pub weekday: Option<Spanned<Weekday>>,
    #[serde(default)]
    pub week: Option<Spanned<WeekOfMonth>>,
    #[serde(default)]
    pub day: Option<Spanned<i64>>,
    #[serde(default)]
    pub if_weekend: Option<Spanned<WeekendShift>>,
    #[serde(default)]
    pub time: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleKind {
    Ongoing,
    Due,
    Recurring,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekOfMonth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekendShift {
    NextWorkingDay,
    PreviousWorkingDay,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Target {
    pub id: Id,
    pub kind: Spanned<TargetKind>,
    /// The plan's own words for the target, verbatim.
    pub text: Spanned<String>,
    /// A short name for what is measured, for tables.
    #[serde(default)]
    pub measure: Option<String>,
    #[serde(default)]
    pub task: Option<Id>,
    #[serde(default)]
    pub index: Option<Id>,
    /// The one unit that reports the target's figure in its form [default:
    /// its task's lead when that is one unit, else the office the units'
    /// reports go to].
    #[serde(default)]
    pub reported_by: Option<Id>,
    /// In a plan of several years: the one year the target is for
    /// [default: every year of the plan].
    #[serde(default)]
    pub year: Option<Spanned<i64>>,
    #[serde(default)]
    pub percent: Option<Spanned<f64>>,
    #[serde(default)]
    pub of: Option<Spanned<String>>,
    #[serde(default)]
    pub direction: Option<Spanned<Direction>>,
    #[serde(default)]
    pub max: Option<Spanned<i64>>,
    #[serde(default)]
    pub min: Option<Spanned<i64>>,
    #[serde(default)]
    pub per: Option<Spanned<Frequency>>,
    #[serde(default)]
    pub per_entity: Option<Spanned<String>>,
    #[serde(default)]
    pub places: Option<Spanned<i64>>,
    #[serde(default)]
    pub places_max: Option<Spanned<i64>>,
    #[serde(default)]
    pub rank: Option<Spanned<i64>>,
    #[serde(default)]
    pub score: Option<Spanned<f64>>,
    #[serde(default)]
    pub points: Option<Spanned<f64>>,
    /// With `points`: the top of a range ("tăng từ 0,5 đến 1 điểm").
    #[serde(default)]
    pub points_max: Option<Spanned<f64>>,
    /// The year whose published result (`[[results]]`) the goal compares
    /// with [default: the year before the plan's].
    #[serde(default)]
    pub baseline_year: Option<Spanned<i64>>,
    /// For `band_at_least`: the band to reach, one of the plan's `bands`.
    #[serde(default)]
    pub band: Option<Spanned<String>>,
    /// For `above_reference`: which published figure, "median" or "average".
    #[serde(default)]
    pub reference: Option<Spanned<String>>,
    /// For `score_at_least` and `above_reference`: `at_least` ("không thấp
    /// hơn", "đạt từ … trở lên") or `above` ("cao hơn", "trên")
    /// [default: `at_least`].
    #[serde(default)]
    pub comparison: Option<Spanned<Comparison>>,
    /// For `rank_improvement`: how a rise is judged when the group's size
    /// changed from the baseline's year, `"by_place"` (the letter of the
    /// target, the default) or `"by_share"` (the rank as a share of each
    /// year's group).
    #[serde(default)]
    pub when_group_changes: Option<Spanned<GroupChange>>,
    #[serde(default)]
    pub scale: Option<Spanned<f64>>,
    #[serde(default)]
    pub baseline: Option<Spanned<f64>>,
    #[serde(default)]
    pub baseline_rank: Option<Spanned<RankOf>>,
    #[serde(default)]
    pub due: Option<Spanned<PlanDate>>,
    /// The first day the target is in force (added by an amendment).
    #[serde(default)]
    pub begins: Option<Spanned<PlanDate>>,
    /// The last day it is in force.
    #[serde(default)]
    pub ends: Option<Spanned<PlanDate>>,
    #[serde(default)]
    pub end_reason: Option<String>,
    /// The amendment that added, ended or changed it.
    #[serde(default)]
    pub amendment: Option<Id>,
    /// Its goal from a date on: `[[targets.changes]]` with `from` and the
    /// goal's keys that change ("80% until 30 June, 90% from 1 July").
    #[serde(default)]
    pub changes: Vec<GoalChange>,
    #[serde(skip)]
    pub records: Vec<Record>,
    #[serde(skip)]
    pub extent: Extent,
}

/// How a rise in rank is judged across a change of the group's size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupChange {
    /// By places, as the target is written; the change is said beside it.
    #[default]
    ByPlace,
    /// By the rank's share of each year's group: 4/26 (15,4%) is higher
    /// than 3/18 (16,7%), the place 7/18 risen by 4.
    ByShare,
}

/// How a score is compared with its goal or reference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Equal or higher: "không thấp hơn", "đạt từ … trở lên".
    #[default]
    AtLeast,
    /// Strictly higher: "cao hơn", "trên".
    Above,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
}

/// One entry of progress history, kept under the task or target it is about.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Record {
    #[serde(default)]
    pub id: Option<Id>,
    pub date: Spanned<PlanDate>,
    #[serde(default)]
    pub status: Option<Spanned<Progress>>,
    #[serde(default)]
    pub value: Option<Spanned<f64>>,
    /// For a rank: the size of the group the rank is out of.
    #[serde(default)]
    pub of: Option<Spanned<i64>>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub by: Option<Id>,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub corrects: Option<Id>,
    /// For a qualitative target: whether it was met; the `note` says why.
    #[serde(default)]
    pub verdict: Option<Spanned<Verdict>>,
    #[serde(default)]
    pub shortcoming: Option<String>,
    /// Why: the cause of a shortcoming ("nguyên nhân").
    #[serde(default)]
    pub cause: Option<String>,
    #[serde(default)]
    pub proposal: Option<String>,
    /// For a report filed under a reporting duty: the period it covers
    /// (`2024-Q2`, `2024-H1`, `2024`).
    #[serde(default)]
    pub period: Option<Spanned<String>>,
    /// Where the record's table sits in the file.
    #[serde(skip)]
    pub extent: Extent,
}

impl Record {
    /// The record with every span moved `offset` bytes: for a record read on its
    /// own, then placed in the file.
    #[must_use]
    pub fn shifted(self, offset: usize) -> Self {
        Self {
            id: self.id.map(|id| id.shifted(offset)),
            date: self.date.shifted(offset),
            status: self.status.map(|status| status.shifted(offset)),
            value: self.value.map(|value| value.shifted(offset)),
            of: self.of.map(|of| of.shifted(offset)),
            note: self.note,
            by: self.by.map(|unit| unit.shifted(offset)),
            evidence: self.evidence,
            corrects: self.corrects.map(|corrects| corrects.shifted(offset)),
            verdict: self.verdict.map(|verdict| verdict.shifted(offset)),
            shortcoming: self.shortcoming,
            cause: self.cause,
            proposal: self.proposal,
            period: self.period.map(|period| period.shifted(offset)),
            extent: Extent {
                header_start: self.extent.header_start + offset,
                content_end: self.extent.content_end + offset,
                appendable: self.extent.appendable,
            },
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReportingDuty {
    #[serde(default)]
    pub id: Option<Id>,
    pub from: Spanned<Vec<Id>>,
    #[serde(default)]
    pub to: Option<Id>,
    /// The periods reported on; absent when the plan says only "as required".
    #[serde(default)]
    pub periods: Option<Spanned<Vec<Spanned<Frequency>>>>,
    /// The plan's own words for the duty, verbatim.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub due_days_after: Option<Spanned<i64>>,
    #[serde(default)]
    pub cutoff_days_before: Option<Spanned<i64>>,
    /// The first day the duty applies.
    #[serde(default)]
    pub begins: Option<Spanned<PlanDate>>,
    /// The last day it applies: no report is owed for a period that ends
    /// after it.
    #[serde(default)]
    pub ends: Option<Spanned<PlanDate>>,
    /// Reports filed under the duty: who sent which period's report, when.
    #[serde(skip)]
    pub records: Vec<Record>,
    /// Where the duty's table sits in the file.
    #[serde(skip)]
    pub extent: Extent,
}
