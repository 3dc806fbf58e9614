//! The calendar as an iCalendar file (RFC 5545), for Outlook, Google
//! Calendar, Thunderbird and phones: one event per occurrence or deadline,
//! all-day on the plan's own calendar days, with a stable UID (`uid.rs`) and
//! a reminder before each deadline.
//!
//! An event with a time of day is written in UTC, converted from the plan's
//! time zone: every client reads UTC the same way, while a `TZID` would need a
//! `VTIMEZONE` definition the client may not trust. The calendar names the
//! plan's zone (`X-WR-TIMEZONE`) so clients show it in local time.

use chrono::{Days, NaiveDate, TimeZone as _, Utc};
use icalendar::{Alarm, Calendar as Ics, Component, EventLike, Property};

use super::{Calendar, Event, EventKind, EventState};
use crate::time::period::format_day;
use crate::words::labels::Language;

/// How the file is made beyond the events themselves.
#[derive(Debug, Clone, Copy)]
pub struct IcsOptions {
    /// Days before a deadline its reminder fires; none when 0. Occurrences
    /// of recurring tasks are reminded a day before.
    pub remind_days: u32,
    /// The DTSTAMP of every event: when the file was made.
    pub stamp: chrono::DateTime<Utc>,
}

pub fn render(calendar: &Calendar<'_>, options: IcsOptions) -> String {
    let plan = calendar.plan;
    let mut ics = Ics::empty();
    ics.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//ddci//ddci {}//VI", env!("CARGO_PKG_VERSION")),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"));
    let name = text(&format!(
        "DDCI {} {}",
        plan.agency_short.as_deref().unwrap_or(&plan.agency),
        plan.year
    ));
    // The crate escapes X- properties but not RFC 7986's NAME.
    ics.append_property(Property::new("NAME", escaped(&name)))
        .append_property(Property::new("X-WR-CALNAME", name))
        .timezone(plan.time_zone.as_str());
    for event in &calendar.events {
        ics.push(component(calendar, event, options));
    }
    refolded(&ics.to_string())
}

/// The most octets a content line may hold, its line break aside (RFC 5545,
/// 3.1). The crate folds one octet late on continuation lines; the text is
/// unfolded and folded again here, never inside a UTF-8 character.
const LINE_OCTETS: usize = 75;

fn refolded(text: &str) -> String {
    let mut logical: Vec<String> = Vec::new();
    for line in text.split("\r\n") {
        match (line.strip_prefix(' '), logical.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => logical.push(line.to_owned()),
        }
    }
    // RFC 5545 (3.6.6) gives an alarm no DTSTAMP; the crate writes one.
    let mut in_alarm = false;
    logical.retain(|line| {
        match line.as_str() {
            "BEGIN:VALARM" => in_alarm = true,
            "END:VALARM" => in_alarm = false,
            _ => {}
        }
        !(in_alarm && line.starts_with("DTSTAMP"))
    });
    if logical.last().is_some_and(String::is_empty) {
        logical.pop();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for line in &logical {
        let mut room = LINE_OCTETS;
        let mut used = 0;
        for character in line.chars() {
            if used + character.len_utf8() > room {
                out.push_str("\r\n ");
                // The space that starts a continuation counts.
                room = LINE_OCTETS - 1;
                used = 0;
            }
            out.push(character);
            used += character.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

fn component(calendar: &Calendar<'_>, event: &Event, options: IcsOptions) -> icalendar::Event {
    let plan = calendar.plan;
    let mut component = icalendar::Event::new();
    component
        .uid(&text(&event.uid))
        .timestamp(options.stamp)
        .summary(&text(&event.title))
        .description(&text(&description(calendar, event)));
    if let Some(start) = event
        .time
        .and_then(|time| utc(&plan.time_zone, event.day.and_time(time)))
    {
        component.starts(start);
    } else {
        // DTEND of an all-day event is the day after: it is exclusive.
        let next = event
            .day
            .checked_add_days(Days::new(1))
            .unwrap_or(event.day);
        component
            .append_property(date_property("DTSTART", event.day))
            .append_property(date_property("DTEND", next));
    }
    component.add_property(
        "CATEGORIES",
        match event.kind {
            EventKind::Occurrence => "DDCI,occurrence",
            EventKind::TaskDue => "DDCI,task-due",
            EventKind::ReportCutoff => "DDCI,report-cutoff",
            EventKind::ReportDue => "DDCI,report-due",
        },
    );
    // Free time: these are deadlines and reminders, not meetings that
    // block a diary.
    component.add_property("TRANSP", "TRANSPARENT");
    let reminder_days = match event.kind {
        EventKind::TaskDue | EventKind::ReportDue => options.remind_days,
        EventKind::Occurrence => options.remind_days.min(1),
        EventKind::ReportCutoff => 0,
    };
    let finished = matches!(
        event.state,
        EventState::Done { .. } | EventState::DoneLate { .. } | EventState::NotHeld
    );
    if reminder_days > 0 && !finished {
        // The crate would give an alarm a random UID (RFC 9074): it is
        // fixed, so that two runs give the same file.
        let mut alarm = Alarm::display(
            &text(&event.title),
            -chrono::Duration::days(i64::from(reminder_days)),
        );
        alarm.append_property(Property::new("UID", text(&format!("alarm/{}", event.uid))));
        component.alarm(alarm);
    }
    component.done()
}

/// Plan text made fit for a TEXT value (RFC 5545, 3.3.11): no control
/// character but the line feed (which the crate escapes as `\\n`) reaches
/// the file, each shown by the same rule as on a terminal (`␍`, `␛`): a
/// carriage return in a name could otherwise end the line and start a
/// property, or a whole event, of its own.
///
/// At most [`MOST_CHARACTERS`] characters, then "…": a calendar on a phone
/// shows a few lines, and the iCalendar crate folds a long line in time that
/// grows with its square (a 20,000-character text took 30 s).
fn text(value: &str) -> String {
    let shown = crate::words::visible::visible(value);
    match shown.char_indices().nth(MOST_CHARACTERS) {
        Some((cut, _)) => format!("{}…", &shown[..cut]),
        None => shown.into_owned(),
    }
}

/// The longest text an event's property holds.
const MOST_CHARACTERS: usize = 2_000;

/// A TEXT value escaped as RFC 5545 (3.3.11) asks, for a property the crate
/// writes as it is given: backslash, semicolon, comma and line feed.
fn escaped(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A `VALUE=DATE` property.
fn date_property(key: &str, day: NaiveDate) -> Property {
    Property::new(key, day.format("%Y%m%d").to_string())
        .add_parameter("VALUE", "DATE")
        .done()
}

/// A local time in the plan's zone, in UTC; `None` for a time that does not
/// exist there (a skipped hour).
fn utc(zone: &str, local: chrono::NaiveDateTime) -> Option<chrono::DateTime<Utc>> {
    let zone = jiff::tz::TimeZone::get(zone).ok()?;
    let civil = jiff::civil::DateTime::new(
        i16::try_from(chrono::Datelike::year(&local)).ok()?,
        i8::try_from(chrono::Datelike::month(&local)).ok()?,
        i8::try_from(chrono::Datelike::day(&local)).ok()?,
        i8::try_from(chrono::Timelike::hour(&local)).ok()?,
        i8::try_from(chrono::Timelike::minute(&local)).ok()?,
        0,
        0,
    )
    .ok()?;
    let instant = zone.to_ambiguous_timestamp(civil).compatible().ok()?;
    Utc.timestamp_opt(instant.as_second(), 0).single()
}

/// The plan's words, who it is for and what is recorded.
fn description(calendar: &Calendar<'_>, event: &Event) -> String {
    let plan = calendar.plan;
    let language = calendar.language;
    let vi = language == Language::Vi;
    let units: Vec<&str> = event
        .units
        .iter()
        .map(|unit| plan.unit(*unit).name.as_str())
        .collect();
    let mut lines = Vec::new();
    if !event.detail.is_empty() {
        lines.push(event.detail.clone());
    }
    if !units.is_empty() {
        lines.push(format!(
            "{}: {}",
            if vi { "Đơn vị" } else { "Unit" },
            units.join(", ")
        ));
    }
    lines.push(format!(
        "{}: {}",
        if vi { "Tình trạng" } else { "State" },
        super::document::state_text(event, language)
    ));
    lines.push(format!(
        "{} {} — {}",
        if vi { "Tính đến ngày" } else { "As of" },
        format_day(calendar.moment.day, language),
        plan.title
    ));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of any length becomes a property of at most 2,000 characters
    /// and a mark that it goes on, quickly.
    #[test]
    fn a_long_text_is_cut_to_what_a_calendar_shows() {
        let long = "Ở".repeat(200_000);
        let cut = text(&long);
        assert_eq!(cut.chars().count(), MOST_CHARACTERS + 1);
        assert!(cut.ends_with("Ở…"));
        assert_eq!(text("ngắn"), "ngắn");
        assert_eq!(
            text(&"a".repeat(MOST_CHARACTERS)),
            "a".repeat(MOST_CHARACTERS)
        );
    }

    #[test]
    fn lines_fold_at_75_octets_between_characters_and_unfold_to_what_they_were() {
        let summary = format!("SUMMARY:{}", "Tiếp công dân ".repeat(12));
        let text = format!("BEGIN:VEVENT\r\n{summary}\r\nEND:VEVENT\r\n");
        let folded = refolded(&text);
        for line in folded.split("\r\n") {
            assert!(line.len() <= LINE_OCTETS, "{} octets: {line}", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), text);
        // Already folded text (as the crate writes it) comes out the same.
        let crate_folded = "BEGIN:VEVENT\r\nSUMMARY:ab\r\n cd\r\nEND:VEVENT\r\n";
        assert_eq!(
            refolded(crate_folded),
            "BEGIN:VEVENT\r\nSUMMARY:abcd\r\nEND:VEVENT\r\n"
        );
    }
}
