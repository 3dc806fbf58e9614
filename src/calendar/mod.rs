//! The plan's dates as a calendar: each occurrence of a recurring task, each
//! one-off task's due date, and each unit's reporting cut-off and due date,
//! with what is recorded against it on the as-of day. `ddci calendar` shows
//! them as a table, JSON, CSV or an iCalendar file (`ics.rs`).

pub mod csv;
pub mod document;
pub mod ics;
pub mod json;
pub mod uid;

use chrono::{NaiveDate, NaiveTime};

use crate::judge::reports_owed::{self, OwedReport, ReportState};
use crate::judge::status::{AsOf, PlanStatus, TaskState, TaskStatus};
use crate::plan::model::{Plan, Schedule, Task, UnitRef};
use crate::time::period::Period;
use crate::time::period_key;
use crate::time::recurrence;
use crate::words::labels::Language;
use crate::words::short_name::named;

/// How long a task's words may be in an event's title.
const TITLE_CHARACTERS: usize = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A day a recurring task is held.
    Occurrence,
    /// A one-off task's due date.
    TaskDue,
    /// The last day of data a unit's periodic report covers.
    ReportCutoff,
    /// The day a unit's periodic report must be sent by.
    ReportDue,
}

/// What is recorded against an event on the as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventState {
    /// Held, done or filed, on time.
    Done { on: NaiveDate },
    /// Done or filed after its day.
    DoneLate { on: NaiveDate },
    /// Its day has passed with nothing recorded: late now.
    Late,
    /// An occurrence the unit's records say was not held (the count of its
    /// period is known, and none).
    NotHeld,
    /// A report whose period is over, not filed, with no due date in the plan.
    Awaited,
    /// Its day has not passed.
    Upcoming,
}

impl EventState {
    /// Whether the event calls for action now: passed and not done.
    pub fn is_late(self) -> bool {
        self == Self::Late
    }

    /// The word the JSON and CSV use.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done { .. } => "done",
            Self::DoneLate { .. } => "done_late",
            Self::Late => "late",
            Self::NotHeld => "not_held",
            Self::Awaited => "awaited",
            Self::Upcoming => "upcoming",
        }
    }

    pub fn recorded_on(self) -> Option<NaiveDate> {
        match self {
            Self::Done { on } | Self::DoneLate { on } => Some(on),
            Self::Late | Self::NotHeld | Self::Awaited | Self::Upcoming => None,
        }
    }
}

/// One dated thing in the calendar.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across runs and plan edits that do not change what it is.
    pub uid: String,
    pub day: NaiveDate,
    /// The time of day, when the plan gives one (local to the plan's zone).
    pub time: Option<NaiveTime>,
    pub kind: EventKind,
    /// The task or reporting duty it comes from (machine formats only).
    pub subject: String,
    /// The periods it belongs to (`2024-01`, `2024-Q2`, `2024-H1`).
    pub periods: Vec<String>,
    /// A title for a calendar or a table, in the chosen language.
    pub title: String,
    /// The plan's own words for it.
    pub detail: String,
    /// Who it is for.
    pub units: Vec<UnitRef>,
    pub state: EventState,
}

/// The calendar of a window of days.
#[derive(Debug)]
pub struct Calendar<'p> {
    pub plan: &'p Plan,
    pub window: Period,
    pub moment: AsOf,
    pub language: Language,
    /// Events in the window, by day, then kind, then title.
    pub events: Vec<Event>,
    /// Events before the window that are late now, oldest first.
    pub late_before: Vec<Event>,
}

/// Which events to show.
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    pub window: Period,
    /// Only what this unit does or owes (directly or through a group).
    pub owner: Option<UnitRef>,
}

pub fn build<'p>(
    status: &PlanStatus<'p>,
    selection: Selection,
    language: Language,
) -> Calendar<'p> {
    let plan = status.plan;
    let mut all = Vec::new();
    for task_status in &status.tasks {
        let task = task_status.task;
        if task_status.state == TaskState::Cancelled {
            continue;
        }
        if selection
            .owner
            .is_some_and(|unit| !plan.answers_for(task, unit))
        {
            continue;
        }
        match &task.schedule {
            Schedule::Recurring(rule) => {
                occurrence_events(status, task_status, rule, language, &mut all);
            }
            // A task that ends before its due day is not due.
            Schedule::Due { due, .. } if task.in_force.covers(*due) => {
                all.push(due_event(status, task_status, *due, language));
            }
            Schedule::Due { .. } | Schedule::Ongoing => {}
        }
    }
    for owed in reports_owed::owed(plan, status.moment) {
        if selection
            .owner
            .is_some_and(|unit| !concerns(plan, &owed, unit))
        {
            continue;
        }
        report_events(plan, &owed, status.moment, language, &mut all);
    }
    all.sort_by(|a, b| {
        (a.day, a.time, a.kind as u8, &a.title, &a.uid).cmp(&(
            b.day,
            b.time,
            b.kind as u8,
            &b.title,
            &b.uid,
        ))
    });
    let window = selection.window;
    let late_before = all
        .iter()
        .filter(|event| event.day < window.start && event.state.is_late())
        .cloned()
        .collect();
    all.retain(|event| window.contains(event.day));
    Calendar {
        plan,
        window,
        moment: status.moment,
        language,
        events: all,
        late_before,
    }
}

/// Each occurrence of a recurring task within its year: held (when), past
/// with nothing recorded, or upcoming.
fn occurrence_events(
    status: &PlanStatus<'_>,
    task_status: &TaskStatus<'_>,
    rule: &crate::plan::model::Recurrence,
    language: Language,
    all: &mut Vec<Event>,
) {
    let plan = status.plan;
    let task = task_status.task;
    // Its own year, in a plan of several years; else the plan's.
    let (year_start, year_end) = match task.year {
        Some(own) => {
            Period::year(own).map_or_else(|_| plan.year_bounds(), |own| (own.start, own.end))
        }
        None => plan.year_bounds(),
    };
    let Ok(year) = Period::range(year_start, year_end) else {
        return;
    };
    // Only while the task is in force (begun, not ended).
    let Some(year) = task.in_force.within(&year) else {
        return;
    };
    let held = recurrence::occurrences(rule, &year, year_start, &plan.working_days)
        .into_iter()
        .filter(|occurrence| year.contains(occurrence.day));
    for occurrence in held {
        // Not held first: a 0 recorded in the month is activity, not an event.
        let state = if task_status.not_held().contains(&occurrence) {
            EventState::NotHeld
        } else if task_status.active_in(&occurrence.period) {
            let on = task_status
                .activity
                .iter()
                .find(|day| occurrence.period.contains(**day))
                .copied()
                .unwrap_or(occurrence.day);
            EventState::Done { on }
        } else if status.moment.passed(occurrence.day) {
            EventState::Late
        } else {
            EventState::Upcoming
        };
        let period_keys: Vec<String> = period_key::key(&occurrence.period).into_iter().collect();
        // The plan's short name, else its words cut to fit a phone's line.
        let mut title = named(task.short.as_deref(), &task.text, TITLE_CHARACTERS);
        if rule.weekday.is_none() && rule.day.is_none() {
            // The plan names no day: the event stands for the
            // whole period, placed on its last working day.
            title = match language {
                Language::Vi => format!(
                    "{title} (trong {}; kế hoạch không nêu ngày)",
                    occurrence.period.name(language).to_lowercase()
                ),
                Language::En => format!(
                    "{title} (during {}; the plan names no day)",
                    occurrence.period.name(language)
                ),
            };
        }
        all.push(Event {
            uid: uid::of(plan, "occurrence", &task.id, None, &period_keys),
            day: occurrence.day,
            time: rule.time,
            kind: EventKind::Occurrence,
            subject: task.id.clone(),
            periods: period_keys,
            title,
            detail: task.text.clone(),
            units: task.lead.clone(),
            state,
        });
    }
}

/// A one-off task's due date: done (when), done late, past, or upcoming.
fn due_event(
    status: &PlanStatus<'_>,
    task_status: &TaskStatus<'_>,
    due: NaiveDate,
    language: Language,
) -> Event {
    let plan = status.plan;
    let task = task_status.task;
    let state = match task_status.state {
        TaskState::Done => EventState::Done {
            on: done_on(task, status.moment).unwrap_or(due),
        },
        TaskState::DoneLate => EventState::DoneLate {
            on: done_on(task, status.moment).unwrap_or(due),
        },
        _ if status.moment.passed(due) => EventState::Late,
        _ => EventState::Upcoming,
    };
    Event {
        uid: uid::of(plan, "due", &task.id, None, &[]),
        day: due,
        time: None,
        kind: EventKind::TaskDue,
        subject: task.id.clone(),
        periods: Vec::new(),
        title: format!(
            "{}: {}",
            due_word(language),
            named(task.short.as_deref(), &task.text, TITLE_CHARACTERS)
        ),
        detail: task.text.clone(),
        units: task.lead.clone(),
        state,
    }
}

/// Whether a unit's calendar shows a report: one it owes (itself, as a
/// member of a group that owes it, or as any unit of a group whose members
/// the plan does not list), one its members owe, or one sent to it.
fn concerns(plan: &Plan, owed: &OwedReport<'_>, unit: UnitRef) -> bool {
    let reporter = plan.unit(owed.reporter);
    owed.reporter == unit
        || plan.stands_for(owed.reporter, unit)
        || plan.stands_for(unit, owed.reporter)
        || owed.duty.to == Some(unit)
        || (reporter.is_group() && reporter.members.is_empty() && !plan.unit(unit).is_group())
}

/// The day a one-off task's first "done" record was made.
fn done_on(task: &Task, moment: AsOf) -> Option<NaiveDate> {
    task.records
        .as_of(moment.day)
        .find(|record| record.status == Some(crate::plan::file::Progress::Done))
        .map(|record| record.date)
}

fn due_word(language: Language) -> &'static str {
    match language {
        Language::Vi => "Hạn hoàn thành",
        Language::En => "Due",
    }
}

/// A unit's periodic report: its due date, and its cut-off when that is a
/// day of its own; with no due date in the plan, the end of its data.
fn report_events(
    plan: &Plan,
    owed: &OwedReport<'_>,
    moment: AsOf,
    language: Language,
    into: &mut Vec<Event>,
) {
    let duty = owed.duty;
    let vi = language == Language::Vi;
    let subject = duty
        .id
        .clone()
        .unwrap_or_else(|| format!("reporting-{}", owed.duty_position + 1));
    let reporter = plan.unit(owed.reporter);
    let period_keys: Vec<String> = owed.periods.iter().filter_map(period_key::key).collect();
    let periods = crate::time::period::names_together(&owed.periods, language);
    let to = duty.to.map(|unit| plan.unit(unit).name.clone());
    let state = match owed.state {
        ReportState::Filed { on, late: false } => EventState::Done { on },
        ReportState::Filed { on, late: true } => EventState::DoneLate { on },
        ReportState::Late => EventState::Late,
        ReportState::Awaited => EventState::Awaited,
        ReportState::NotYetDue => EventState::Upcoming,
    };
    let detail = duty.text.clone().unwrap_or_default();
    let unit_id = Some(reporter.id.as_str());
    let to_words = |vi_prefix: &str, en_prefix: &str| match (&to, vi) {
        (Some(to), true) => format!(" {vi_prefix} {to}"),
        (Some(to), false) => format!(" {en_prefix} {to}"),
        (None, _) => String::new(),
    };
    if let Some(due) = owed.due {
        into.push(Event {
            uid: uid::of(plan, "report-due", &subject, unit_id, &period_keys),
            day: due,
            time: None,
            kind: EventKind::ReportDue,
            subject: subject.clone(),
            periods: period_keys.clone(),
            title: if vi {
                format!(
                    "{}: hạn gửi báo cáo {periods}{}",
                    reporter.name,
                    to_words("về", "to")
                )
            } else {
                format!(
                    "{}: {periods} report due{}",
                    reporter.name,
                    to_words("về", "to")
                )
            },
            detail: detail.clone(),
            units: vec![owed.reporter],
            state,
        });
    }
    let cutoff_is_own_day = duty.cutoff_days_before.is_some_and(|days| days > 0);
    if owed.due.is_none() || cutoff_is_own_day {
        // With a due date of its own, the cut-off only says whether the
        // report is in yet; lateness belongs to the due date.
        let cutoff_state = match state {
            EventState::Done { on } | EventState::DoneLate { on } => EventState::Done { on },
            _ if moment.passed(owed.cutoff) => EventState::Awaited,
            _ => EventState::Upcoming,
        };
        let no_due = owed.due.is_none();
        let title = match (vi, no_due) {
            (true, false) => format!("{}: chốt số liệu báo cáo {periods}", reporter.name),
            (true, true) => format!(
                "{}: hết kỳ báo cáo {periods}, gửi báo cáo{} (kế hoạch không quy định hạn gửi)",
                reporter.name,
                to_words("về", "to")
            ),
            (false, false) => format!("{}: data cut-off for the {periods} report", reporter.name),
            (false, true) => format!(
                "{}: {periods} reporting period ends; report{} (the plan sets no due date)",
                reporter.name,
                to_words("về", "to")
            ),
        };
        into.push(Event {
            uid: uid::of(plan, "report-cutoff", &subject, unit_id, &period_keys),
            day: owed.cutoff,
            time: None,
            kind: EventKind::ReportCutoff,
            subject,
            periods: period_keys,
            title,
            detail,
            units: vec![owed.reporter],
            state: if no_due { state } else { cutoff_state },
        });
    }
}
