//! The calendar as a document (a table by day), for the terminal and
//! Markdown: what is late now first, then the window day by day.

use chrono::Datelike as _;

use super::{Calendar, Event, EventKind, EventState};
use crate::render::document::{Cell, Document, Table, Tone};
use crate::time::period::format_day;
use crate::words::labels::Language;

pub fn build(calendar: &Calendar<'_>, language: Language) -> Document {
    let vi = language == Language::Vi;
    let plan = calendar.plan;
    let mut document = Document::default();
    let window = calendar.window;
    document.heading(
        1,
        if vi {
            format!(
                "Lịch công việc từ {} đến {}",
                format_day(window.start, language),
                format_day(window.end, language)
            )
        } else {
            format!(
                "Calendar from {} to {}",
                format_day(window.start, language),
                format_day(window.end, language)
            )
        },
    );
    document.paragraph(format!(
        "{}: {} — {} {}",
        if vi { "Kế hoạch" } else { "Plan" },
        plan.title,
        if vi { "tính đến ngày" } else { "as of" },
        format_day(calendar.moment.day, language)
    ));
    if !calendar.late_before.is_empty() {
        document.heading(
            2,
            if vi {
                "Đã qua hạn, chưa ghi nhận (trước khoảng thời gian này)"
            } else {
                "Past, with nothing recorded (before this window)"
            },
        );
        document.table(table(calendar, &calendar.late_before, language));
    }
    document.heading(2, if vi { "Theo ngày" } else { "By day" });
    if calendar.events.is_empty() {
        document.paragraph(if vi {
            "Không có việc nào đến hạn trong khoảng thời gian này."
        } else {
            "Nothing falls due in this window."
        });
    } else {
        document.table(table(calendar, &calendar.events, language));
    }
    document
}

fn table(calendar: &Calendar<'_>, events: &[Event], language: Language) -> Table {
    let vi = language == Language::Vi;
    let plan = calendar.plan;
    let columns = if vi {
        ["Ngày", "Việc", "Đơn vị", "Tình trạng"]
    } else {
        ["Date", "What", "Unit", "State"]
    };
    let rows = events
        .iter()
        .map(|event| {
            let units: Vec<&str> = event
                .units
                .iter()
                .map(|unit| plan.unit(*unit).short_name())
                .collect();
            vec![
                Cell::new(day_with_weekday(event, language)),
                Cell::new(event.title.clone()),
                Cell::new(units.join(", ")),
                Cell::toned(state_text(event, language), tone(event.state)),
            ]
        })
        .collect();
    Table {
        columns: columns.iter().map(|column| (*column).to_owned()).collect(),
        rows,
        numeric: Vec::new(),
    }
}

/// "T4 31/01/2024" / "Wed 2024-01-31", with the time when there is one.
fn day_with_weekday(event: &Event, language: Language) -> String {
    let weekday = event.day.weekday().num_days_from_monday() as usize;
    let name = match language {
        Language::Vi => ["T2", "T3", "T4", "T5", "T6", "T7", "CN"][weekday],
        Language::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday],
    };
    let day = format!("{name} {}", format_day(event.day, language));
    match event.time {
        Some(time) => format!("{day} {}", time.format("%H:%M")),
        None => day,
    }
}

/// What is recorded against an event, in words. Nothing recorded is said
/// as such: a passed occurrence with no record was not recorded, which is
/// not the same as not held.
pub fn state_text(event: &Event, language: Language) -> String {
    let vi = language == Language::Vi;
    let occurrence = event.kind == EventKind::Occurrence;
    match event.state {
        EventState::Done { on } => {
            if vi {
                format!("Đã thực hiện ({})", format_day(on, language))
            } else {
                format!("Done ({})", format_day(on, language))
            }
        }
        EventState::DoneLate { on } => {
            if vi {
                format!("Thực hiện trễ hạn ({})", format_day(on, language))
            } else {
                format!("Done late ({})", format_day(on, language))
            }
        }
        EventState::Late => (match (vi, occurrence) {
            (true, true) => "Đã qua, chưa ghi nhận",
            (true, false) => "Quá hạn, chưa ghi nhận",
            (false, true) => "Passed, nothing recorded",
            (false, false) => "Past due, nothing recorded",
        })
        .to_owned(),
        EventState::NotHeld => (if vi {
            "Ghi nhận không tổ chức"
        } else {
            "Recorded as not held"
        })
        .to_owned(),
        EventState::Awaited => (if vi {
            "Chưa ghi nhận đã gửi"
        } else {
            "Not recorded as sent"
        })
        .to_owned(),
        EventState::Upcoming => (if vi { "Sắp tới" } else { "Upcoming" }).to_owned(),
    }
}

fn tone(state: EventState) -> Tone {
    match state {
        EventState::Done { .. } => Tone::Good,
        EventState::DoneLate { .. } | EventState::Awaited => Tone::Warning,
        EventState::Late | EventState::NotHeld => Tone::Bad,
        EventState::Upcoming => Tone::Plain,
    }
}
