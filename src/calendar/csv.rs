//! The calendar as one CSV sheet: what is late from before the window first,
//! then the window by day. UTF-8 with a byte-order mark, for spreadsheets.

use super::{Calendar, Event};
use crate::render::csv::Sheet;
use crate::time::period::format_day;
use crate::words::labels::Language;

pub fn build(calendar: &Calendar<'_>, language: Language) -> anyhow::Result<String> {
    let vi = language == Language::Vi;
    let mut sheet = Sheet::new();
    sheet.row([
        "uid",
        "date",
        "time",
        "kind",
        "subject",
        "periods",
        if vi { "Việc" } else { "What" },
        if vi { "Đơn vị" } else { "Unit" },
        "state",
        if vi { "Tình trạng" } else { "State" },
        "recorded_on",
        "late_before_window",
    ])?;
    let rows = calendar
        .late_before
        .iter()
        .map(|event| (event, true))
        .chain(calendar.events.iter().map(|event| (event, false)));
    for (event, before) in rows {
        sheet.row(row(calendar, event, before, language))?;
    }
    sheet.finish()
}

fn row(calendar: &Calendar<'_>, event: &Event, before: bool, language: Language) -> Vec<String> {
    let plan = calendar.plan;
    let kind = serde_json::to_value(event.kind)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default();
    vec![
        event.uid.clone(),
        event.day.format("%Y-%m-%d").to_string(),
        event
            .time
            .map(|time| time.format("%H:%M").to_string())
            .unwrap_or_default(),
        kind,
        event.subject.clone(),
        event.periods.join(" "),
        event.title.clone(),
        event
            .units
            .iter()
            .map(|unit| plan.unit(*unit).name.clone())
            .collect::<Vec<_>>()
            .join("; "),
        event.state.as_str().to_owned(),
        super::document::state_text(event, language),
        event
            .state
            .recorded_on()
            .map(|day| format_day(day, Language::En))
            .unwrap_or_default(),
        before.to_string(),
    ]
}
