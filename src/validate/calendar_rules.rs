//! A recurring task's calendar rule must say one coherent thing: a week of
//! the month needs a weekday, a weekly event has no day of the month, a time
//! is a time of day.

use super::Context;
use crate::plan::file::{Frequency, Schedule, ScheduleKind};
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for task in &context.file.tasks {
        let schedule = task.schedule.get_ref();
        if *schedule.kind.get_ref() == ScheduleKind::Recurring {
            check_recurrence(schedule, found);
        }
    }
}

fn check_recurrence(schedule: &Schedule, found: &mut Vec<Diagnostic>) {
    let every = schedule.every.as_ref().map(|every| *every.get_ref());
    if let (Some(week), None) = (&schedule.week, &schedule.weekday) {
        found.push(
            Diagnostic::error(
                "incomplete-rule",
                crate::say!("`week` cần có `weekday`", "`week` needs a `weekday`"),
            )
            .at(week.span())
            .help(crate::say!(
                "ghi rõ ngày nào trong tuần đó, ví dụ weekday = \"wednesday\"",
                "say which day of that week, e.g. weekday = \"wednesday\""
            )),
        );
    }
    if let (Some(day), Some(_)) = (&schedule.day, &schedule.weekday) {
        found.push(
            Diagnostic::error(
                "conflicting-rule",
                crate::say!(
                    "lịch không thể có cả `day` lẫn `weekday`",
                    "a schedule cannot have both `day` and `weekday`"
                ),
            )
            .at(day.span())
            .help(crate::say!(
                "dùng `day` cho một ngày trong tháng (ngày 15) hoặc `weekday` cho một thứ trong tuần",
                "use `day` for a day of the month (the 15th) or `weekday` for a day of the week"
            )),
        );
    }
    if let (Some(day), Some(Frequency::Week)) = (&schedule.day, every) {
        found.push(
            Diagnostic::error(
                "conflicting-rule",
                crate::say!(
                    "lịch hằng tuần không thể rơi vào một ngày trong tháng",
                    "a weekly schedule cannot fall on a day of the month"
                ),
            )
            .at(day.span())
            .help(crate::say!(
                "dùng `weekday` cho việc diễn ra hằng tuần",
                "use `weekday` for a weekly event"
            )),
        );
    }
    if let (Some(week), Some(Frequency::Week)) = (&schedule.week, every) {
        found.push(
            Diagnostic::error(
                "conflicting-rule",
                crate::say!(
                    "lịch hằng tuần không có tuần trong tháng",
                    "a weekly schedule has no week of the month"
                ),
            )
            .at(week.span())
            .help(crate::say!(
                "bỏ `week`, hoặc chuyển lịch thành hằng tháng",
                "remove `week`, or make the schedule monthly"
            )),
        );
    }
    if let (Some(shift), None, None) = (&schedule.if_weekend, &schedule.day, &schedule.weekday) {
        found.push(
            Diagnostic::error(
                "incomplete-rule",
                crate::say!(
                    "`if_weekend` chỉ dùng cho quy tắc có `day` hoặc `weekday`",
                    "`if_weekend` only applies to a rule with a `day` or a `weekday`"
                ),
            )
            .at(shift.span())
            .help(crate::say!(
                "thêm `day = …` hoặc `weekday = …`, hoặc bỏ `if_weekend`",
                "add `day = …` or `weekday = …`, or remove `if_weekend`"
            )),
        );
    }
    if let Some(time) = &schedule.time
        && chrono::NaiveTime::parse_from_str(time.get_ref(), "%H:%M").is_err()
    {
        let written = time.get_ref();
        found.push(
            Diagnostic::error(
                "invalid-time",
                crate::say!(
                    "`{written}` không phải một giờ trong ngày",
                    "`{written}` is not a time of day"
                ),
            )
            .at(time.span())
            .help(crate::say!(
                "ghi giờ theo dạng HH:MM, ví dụ \"06:30\"",
                "write the time as HH:MM, e.g. \"06:30\""
            )),
        );
    }
}
