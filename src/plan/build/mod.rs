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

use super::file::Frequency;
use super::file::{self, PlanFile, ScheduleKind};
use super::goal::RankOf;
use super::model::{
    AmendmentRef, BasisDocument, Entry, FiledReport, Index, IndexRef, Plan, PublishedResult,
    Record, Records, Recurrence, ReportSettings, ReportingDuty, Schedule, Scores, Signatory,
    TargetRef, Task, TaskRef, Unit, UnitRef, WorkingDays,
};
use super::spanned::Spanned;
use crate::read::diagnostic::Diagnostic;
use crate::time::period_key;

mod goal;
mod header;
mod keys;
mod reporters;
mod targets;
mod through_time;

use goal::{counted_result, fill_from, rank_of, scores};
pub use keys::plain_zero;
use keys::{Keys, number, schedule_keys, whole};

/// The time zone a plan is read in unless it names another.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Ho_Chi_Minh";

/// Converts a plan that the rules found no fault with. Problems only the
/// conversion can see (a key the kind does not take, a missing goal number,
/// an unknown time zone) are added to `found`.
#[expect(
    clippy::too_many_lines,
    reason = "119 lines; to be split into its steps (ARCHITECTURE.md)"
)]
pub fn build(file: &PlanFile, found: &mut Vec<Diagnostic>) -> Option<Plan> {
    let header = file.plan.as_ref();
    let year = header.and_then(|header| i32::try_from(*header.year.get_ref()).ok());
    let until = header
        .and_then(|header| header.until.as_ref())
        .and_then(|until| i32::try_from(*until.get_ref()).ok())
        .or(year);
    let mut builder = Builder {
        file,
        found,
        ok: true,
        entries: HashMap::new(),
        working_days: header::working_days(header, year, until),
        amendment_ids: HashMap::new(),
    };
    builder.index_ids();
    let amendments = builder.amendments();
    let time_zone = header.and_then(|header| builder.time_zone(header));
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
    if let (Some(first), Some(until)) = (year, until) {
        for target in &mut targets {
            let judged = target.year.unwrap_or(until);
            counted_result(target, &results, &indices, first, judged);
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
    let plan = Plan {
        title: header.title.get_ref().clone(),
        agency: header.agency.get_ref().clone(),
        agency_short: header
            .agency_short
            .as_ref()
            .map(|short| short.get_ref().clone()),
        province: header.province.get_ref().clone(),
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
        place: header.place.as_ref().map_or_else(
            || header.province.get_ref().clone(),
            |place| place.get_ref().clone(),
        ),
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
        in_force: builder.in_force(None, header.ends.as_ref(), header.end_reason.as_ref(), None),
        predecessor: header.predecessor.clone(),
        name_changes: Builder::name_changes(header),
        amendments,
        working_days: builder.working_days,
        entries: builder.entries,
    };
    reporters::check(&plan, file, builder.found);
    Some(plan)
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
    /// Which days are worked: deadlines on a day off move by it.
    working_days: WorkingDays,
    /// The amendments' ids, for what names one.
    amendment_ids: HashMap<String, AmendmentRef>,
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
                let help = crate::words::suggest::did_you_mean(
                    name.get_ref(),
                    jiff::tz::db()
                        .available()
                        .map(|zone| zone.to_string())
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str),
                )
                .unwrap_or_else(|| {
                    crate::say!(
                        "dùng tên múi giờ theo IANA, ví dụ \"Asia/Ho_Chi_Minh\"",
                        "use an IANA time zone name, e.g. \"Asia/Ho_Chi_Minh\""
                    )
                });
                let zone = name.get_ref();
                self.found.push(
                    Diagnostic::error(
                        "unknown-time-zone",
                        crate::say!(
                            "`{zone}` không phải một múi giờ",
                            "`{zone}` is not a time zone"
                        ),
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
                reports_as_one: unit.reports_as_one.unwrap_or(false),
                head: unit.head.as_ref().map(signatory),
                in_force: self.in_force(unit.begins.as_ref(), unit.ends.as_ref(), None, None),
                successor: unit
                    .successor
                    .as_ref()
                    .and_then(|successor| self.unit_ref(successor)),
                renamed: unit
                    .changes
                    .iter()
                    .map(|change| {
                        (
                            change.from.get_ref().0,
                            change.name.as_ref().map(|name| name.get_ref().clone()),
                            change.short.clone(),
                        )
                    })
                    .collect(),
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
                    Diagnostic::error(
                        "empty-list",
                        crate::say!(
                            "nhiệm vụ cần ít nhất một đơn vị chủ trì",
                            "a task needs at least one lead unit"
                        ),
                    )
                    .at(task.lead.span())
                    .label(crate::say!("không có đơn vị nào", "no unit"))
                    .help(crate::say!(
                        "ghi đơn vị chủ trì nhiệm vụ, ví dụ lead = [\"hc-th\"]",
                        "name the unit that leads the task, e.g. lead = [\"hc-th\"]"
                    )),
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
                short: task.short.as_ref().map(|short| short.get_ref().clone()),
                lead,
                coordinating,
                assigned: task.assigned.clone(),
                year: task
                    .year
                    .as_ref()
                    .and_then(|year| i32::try_from(*year.get_ref()).ok()),
                schedule: schedule.unwrap_or(Schedule::Ongoing),
                schedule_text: task.schedule.get_ref().text.clone(),
                in_force: self.in_force(
                    task.begins.as_ref(),
                    task.ends.as_ref(),
                    task.end_reason.as_ref(),
                    task.amendment.as_ref(),
                ),
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
                // A due day that is a day off runs to the next working day.
                due.map(|due| Schedule::Due {
                    start,
                    due: self.working_days.deadline(due),
                })
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
        let task_id = task.id.get_ref();
        for key in keys.missing_in(self.file, &task.extent) {
            self.found.push(
                Diagnostic::error(
                    "missing-schedule-field",
                    crate::say!(
                        "lịch kiểu `{kind_name}` cần có `{key}`",
                        "a `{kind_name}` schedule needs `{key}`"
                    ),
                )
                .at(written.kind.span())
                .help(crate::say!(
                    "thêm `{key} = …` vào lịch (schedule) của nhiệm vụ `{task_id}`",
                    "add `{key} = …` to the schedule of task `{task_id}`"
                )),
            );
        }
        for (key, span) in keys.unused() {
            let help = if kind == ScheduleKind::Ongoing {
                crate::say!(
                    "nhiệm vụ thực hiện thường xuyên (\"Thường xuyên\") không có ngày; dùng kind = \"due\" hoặc \"recurring\" để đặt ngày cho nó",
                    "an ongoing (\"Thường xuyên\") task has no dates; use kind = \"due\" or \"recurring\" to give it some"
                )
            } else {
                let taken = keys.read.join(", ");
                crate::say!(
                    "bỏ `{key}`; lịch kiểu `{kind_name}` nhận các khóa: {taken}",
                    "remove `{key}`; a `{kind_name}` schedule takes: {taken}"
                )
            };
            self.found.push(
                Diagnostic::error(
                    "schedule-field-does-not-fit",
                    crate::say!(
                        "`{key}` không dùng cho lịch kiểu `{kind_name}`",
                        "`{key}` does not apply to a `{kind_name}` schedule"
                    ),
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
                    average: number(result.average.as_ref()),
                    band: result.band.as_ref().map(|band| band.get_ref().clone()),
                    published: result.published.as_ref().map(|day| day.get_ref().0),
                    source: result.source.clone(),
                })
            })
            .collect()
    }

    /// Converts records; `measures` says whether their target measures a
    /// value (`None` for a task's records, checked by the `records` rule).
    fn records(&mut self, written: &[file::Record], measures: Option<bool>) -> Records {
        let mut records = Vec::with_capacity(written.len());
        for record in written {
            if let (Some(value), Some(false)) = (&record.value, measures) {
                self.found.push(
                    Diagnostic::error(
                        "value-not-measured",
                        crate::say!(
                            "chỉ tiêu này không đo giá trị nào",
                            "this target measures no value"
                        ),
                    )
                    .at(value.span())
                    .label(crate::say!(
                        "giá trị ở đây không bao giờ được đọc",
                        "a value here is never read"
                    ))
                    .help(crate::say!(
                        "sản phẩm đầu ra được đánh giá bằng `status = \"done\"`; bỏ `value`, hoặc ghi nó vào `note`",
                        "a deliverable is judged by `status = \"done\"`; remove `value`, or put it in the `note`"
                    )),
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
                            .help({
                                let forms = period_key::FORMS;
                                let forms_vi = forms.replace(" or ", " hoặc ");
                                crate::say!(
                                    "ghi kỳ báo cáo mà báo cáo này thuộc về: {forms_vi}",
                                    "name the period the report covers: {forms}"
                                )
                            }),
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
                self.not_owed(period_text, periods);
            }
            let owes = from.iter().any(|&listed| self.may_file_for(listed, by));
            if !owes || Some(by) == to {
                self.not_a_reporter(by_id, from);
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

    /// A report filed for a period the duty does not ask for.
    fn not_owed(&mut self, period_text: &Spanned<String>, periods: &[Frequency]) {
        let owed = periods
            .iter()
            .map(|every| match crate::words::speech::speaking() {
                crate::words::speech::Language::Vi => {
                    crate::words::labels::frequency_word(*every, crate::words::speech::Language::Vi)
                }
                crate::words::speech::Language::En => period_key::frequency_word(*every),
            })
            .collect::<Vec<&str>>()
            .join(", ");
        let written = period_text.get_ref();
        self.found.push(
            Diagnostic::error(
                "period-not-owed",
                crate::say!(
                    "nhiệm vụ báo cáo này lập báo cáo theo {owed}; `{written}` không phải kỳ nào trong số đó",
                    "this duty's reports are per {owed}; `{written}` is not one of them"
                ),
            )
            .at(period_text.span())
            .help(crate::say!(
                "ghi quý, 6 tháng hoặc năm mà báo cáo thuộc về, ví dụ 2024-Q2 hoặc 2024-H1",
                "write the quarter, half or year the report covers, e.g. 2024-Q2 or 2024-H1"
            )),
        );
        self.ok = false;
    }

    /// A report filed by a unit that owes none under the duty.
    fn not_a_reporter(&mut self, by_id: &file::Id, from: &[UnitRef]) {
        let file = self.file;
        let names: Vec<&str> = from
            .iter()
            .map(|unit| file.units[unit.0].id.get_ref().as_str())
            .collect();
        let silent_group = from.iter().find(|listed| {
            let unit = &file.units[listed.0];
            unit.kind == Some(file::UnitKind::Group)
                && unit.members.is_empty()
                && unit.reports_as_one != Some(true)
        });
        let help = if let Some(group) = silent_group {
            let group = file.units[group.0].id.get_ref();
            crate::say!(
                "kế hoạch không liệt kê thành viên của nhóm `{group}`, nên không đơn vị nào gửi được báo cáo của nhóm: \
                 hãy liệt kê họ (members = [\"…\"]), hoặc, nếu nhóm báo cáo như một đơn vị, đặt \
                 reports_as_one = true cho nhóm và ghi báo cáo với --by {group}",
                "the plan lists no members of the group `{group}`, so no unit can send its report: \
                 list them (members = [\"…\"]), or, if the group reports as one, set \
                 reports_as_one = true on it and record the report --by {group}"
            )
        } else {
            let names = names.join(", ");
            crate::say!(
                "báo cáo của nhiệm vụ báo cáo này do {names} gửi; hãy ghi báo cáo dưới nhiệm vụ báo cáo mà đơn vị đó phải thực hiện",
                "the duty's reports come from {names}; record a report under the duty that unit owes"
            )
        };
        let by_name = by_id.get_ref();
        self.found.push(
            Diagnostic::error(
                "not-a-reporter",
                crate::say!(
                    "`{by_name}` không phải gửi báo cáo nào theo nhiệm vụ báo cáo này",
                    "`{by_name}` owes no report under this duty"
                ),
            )
            .at(by_id.span())
            .help(help),
        );
        self.ok = false;
    }

    /// Whether `by` may send the report `listed` owes: `listed` itself (a
    /// group only when it reports as one), a member of it, or a unit that
    /// took over from it.
    fn may_file_for(&self, listed: UnitRef, by: UnitRef) -> bool {
        let units = &self.file.units;
        let unit = &units[listed.0];
        let is_group = unit.kind == Some(file::UnitKind::Group);
        let itself = listed == by && (!is_group || unit.reports_as_one == Some(true));
        let member = unit
            .members
            .iter()
            .any(|member| member.get_ref() == units[by.0].id.get_ref());
        // The successors, walked by id; a ring stops at the number of units.
        let mut successor = unit.successor.as_ref();
        let mut took_over = false;
        for _ in 0..units.len() {
            let Some(Entry::Unit(next)) = successor.and_then(|id| self.entries.get(id.get_ref()))
            else {
                break;
            };
            if *next == by {
                took_over = true;
                break;
            }
            successor = units[next.0].successor.as_ref();
        }
        itself || member || took_over
    }

    fn reporting(&mut self) -> Vec<ReportingDuty> {
        let file = self.file;
        let mut duties = Vec::with_capacity(file.reporting.len());
        for duty in &file.reporting {
            let periods_empty = duty
                .periods
                .as_ref()
                .is_some_and(|periods| periods.get_ref().is_empty());
            for (empty, span, message, help) in [
                (
                    duty.from.get_ref().is_empty(),
                    duty.from.span(),
                    crate::say!(
                        "`from` của nhiệm vụ báo cáo này không ghi đơn vị nào",
                        "this reporting duty's `from` names no unit"
                    ),
                    crate::say!(
                        "hãy điền vào, ví dụ from = [\"hc-th\"]",
                        "fill it in, e.g. from = [\"hc-th\"]"
                    ),
                ),
                (
                    periods_empty,
                    duty.periods.as_ref().map_or(0..0, Spanned::span),
                    crate::say!(
                        "`periods` của nhiệm vụ báo cáo này không ghi kỳ nào",
                        "this reporting duty's `periods` names no period"
                    ),
                    crate::say!(
                        "hãy điền vào, ví dụ periods = [\"quarter\"], hoặc bỏ `periods` nếu báo cáo \"theo yêu cầu\"",
                        "fill it in, e.g. periods = [\"quarter\"], or leave `periods` out for \"as required\""
                    ),
                ),
            ] {
                if empty {
                    self.found.push(
                        Diagnostic::error("empty-list", message)
                            .at(span)
                            .label(crate::say!("trống", "empty"))
                            .help(help),
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
                in_force: self.in_force(duty.begins.as_ref(), duty.ends.as_ref(), None, None),
                filed,
            });
        }
        duties
    }
}

#[cfg(test)]
pub(crate) mod tests;
