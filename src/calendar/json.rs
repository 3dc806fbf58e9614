//! The calendar as one JSON object, for other programs. Kinds and states are
//! stable English words whatever `--lang` says; titles follow `--lang`.

use serde::Serialize;

use super::{Calendar, Event};
use crate::plan::date::PlanDate;

#[derive(Debug, Serialize)]
pub struct CalendarJson {
    pub plan: String,
    pub as_of: String,
    pub from: String,
    pub to: String,
    pub events: Vec<EventJson>,
    /// Events before `from` that are late on the as-of day.
    pub late_before: Vec<EventJson>,
}

#[derive(Debug, Serialize)]
pub struct EventJson {
    pub uid: String,
    pub date: String,
    /// `HH:MM` in the plan's time zone, when the plan gives a time.
    pub time: Option<String>,
    pub kind: super::EventKind,
    /// The task or reporting duty id.
    pub subject: String,
    pub periods: Vec<String>,
    pub title: String,
    /// Unit ids.
    pub units: Vec<String>,
    /// `done`, `done_late`, `late`, `awaited` or `upcoming`.
    pub state: &'static str,
    /// The day it was done or filed.
    pub recorded_on: Option<String>,
}

pub fn build(calendar: &Calendar<'_>) -> CalendarJson {
    let event = |event: &Event| EventJson {
        uid: event.uid.clone(),
        date: PlanDate(event.day).to_string(),
        time: event.time.map(|time| time.format("%H:%M").to_string()),
        kind: event.kind,
        subject: event.subject.clone(),
        periods: event.periods.clone(),
        title: event.title.clone(),
        units: event
            .units
            .iter()
            .map(|unit| calendar.plan.unit(*unit).id.clone())
            .collect(),
        state: event.state.as_str(),
        recorded_on: event
            .state
            .recorded_on()
            .map(|day| PlanDate(day).to_string()),
    };
    CalendarJson {
        plan: calendar.plan.title.clone(),
        as_of: PlanDate(calendar.moment.day).to_string(),
        from: PlanDate(calendar.window.start).to_string(),
        to: PlanDate(calendar.window.end).to_string(),
        events: calendar.events.iter().map(event).collect(),
        late_before: calendar.late_before.iter().map(event).collect(),
    }
}
