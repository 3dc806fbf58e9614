//! Each record must say something, and say it where it belongs: progress on
//! tasks, measured values on targets, and under a reporting duty, which unit
//! filed the report for which period.

use super::Context;
use crate::plan::file::Record;
use crate::plan::spanned::Spanned;
use crate::plan::target_kind::{Measure, Quantity};
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for record in context
        .file
        .tasks
        .iter()
        .flat_map(|task| &task.records)
        .chain(
            context
                .file
                .targets
                .iter()
                .flat_map(|target| &target.records),
        )
    {
        if let Some(period) = &record.period {
            found.push(
                Diagnostic::error(
                    "period-outside-reporting",
                    crate::say!(
                        "`period` chỉ dùng cho báo cáo đã gửi",
                        "`period` only goes with a filed report"
                    ),
                )
                .at(period.span())
                .help(crate::say!(
                    "bản ghi của nhiệm vụ hay chỉ tiêu được xác định ngày bằng `date`; `period` thuộc về [[reporting.records]]",
                    "a task's or target's record is dated by `date`; `period` belongs under [[reporting.records]]"
                )),
            );
        }
    }
    for duty in &context.file.reporting {
        for record in &duty.records {
            check_filed_report(context, record, found);
        }
    }
    for task in &context.file.tasks {
        for record in &task.records {
            if let Some(value) = &record.value {
                found.push(
                    Diagnostic::error(
                        "value-on-task",
                        crate::say!(
                            "bản ghi của nhiệm vụ không được mang giá trị đo",
                            "a task record cannot carry a measured value"
                        ),
                    )
                    .at(value.span())
                    .help(crate::say!(
                        "số đo thuộc về chỉ tiêu: hãy ghi chúng với mã của chỉ tiêu",
                        "measurements belong to a target: record them with the target's id"
                    )),
                );
            }
            if says_nothing(context, record) {
                found.push(
                    Diagnostic::error(
                        "empty-record",
                        crate::say!("bản ghi này không có nội dung", "this record says nothing"),
                    )
                    .at(record.date.span())
                    .help(crate::say!(
                        "hãy ghi `status`, `note`, hoặc cả hai",
                        "give it a `status`, a `note`, or both"
                    )),
                );
            }
        }
    }
    check_target_records(context, found);
}

/// A target's records: each says something, and only what its kind measures.
fn check_target_records(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    for target in &context.file.targets {
        let kind = *target.kind.get_ref();
        let ranked = kind.quantity() == Some(Quantity::Rank);
        for record in &target.records {
            if says_nothing(context, record) {
                found.push(
                    Diagnostic::error(
                        "empty-record",
                        crate::say!("bản ghi này không có nội dung", "this record says nothing"),
                    )
                    .at(record.date.span())
                    .help(if kind.measure() == Measure::Status {
                        crate::say!(
                            "hãy ghi `status = \"done\"` khi đã hoàn thành, hoặc ghi `note`",
                            "give it `status = \"done\"` once delivered, or a `note`"
                        )
                    } else {
                        crate::say!(
                            "hãy ghi giá trị đo được `value`, hoặc ghi `note`",
                            "give it the measured `value`, or a `note`"
                        )
                    }),
                );
            }
            if let (Some(verdict), false) = (&record.verdict, kind.measure() == Measure::Verdict) {
                found.push(
                    Diagnostic::error(
                        "verdict-without-qualitative",
                        crate::say!(
                            "`verdict` chỉ dùng cho chỉ tiêu định tính",
                            "`verdict` only goes with a qualitative target"
                        ),
                    )
                    .at(verdict.span())
                    .help(crate::say!(
                        "thay vào đó hãy ghi giá trị hoặc trạng thái của chỉ tiêu; `verdict` dùng để đánh giá chỉ tiêu `kind = \"qualitative\"`",
                        "record the target's value or status instead; `verdict` judges `kind = \"qualitative\"` targets"
                    )),
                );
            }
            if let (Some(of), false) = (&record.of, ranked) {
                found.push(
                    Diagnostic::error(
                        "of-without-rank",
                        crate::say!(
                            "`of` chỉ dùng cùng với thứ hạng",
                            "`of` only goes with a rank"
                        ),
                    )
                    .at(of.span())
                    .help(crate::say!(
                        "bỏ `of`; đó là số đơn vị trong nhóm xếp hạng, chỉ dùng cho chỉ tiêu về thứ hạng",
                        "remove `of`; it is the group size for rank targets"
                    )),
                );
            }
        }
    }
}

/// A filed report says who sent it (`by`) and for which `period`; it has no
/// progress or value of its own.
fn check_filed_report(context: &Context<'_>, record: &Record, found: &mut Vec<Diagnostic>) {
    let missing = [
        ("by", record.by.is_none(), "by = \"thanh-tra\""),
        ("period", record.period.is_none(), "period = \"2024-Q2\""),
    ];
    for (key, absent, example) in missing {
        if absent && !context.file.unreadable_key_within(key, &record.extent) {
            found.push(
                Diagnostic::error(
                    "filed-report-incomplete",
                    crate::say!(
                        "báo cáo đã gửi này thiếu `{key}`",
                        "this filed report has no `{key}`"
                    ),
                )
                .at(record.date.span())
                .help(crate::say!(
                    "báo cáo gửi theo một nhiệm vụ báo cáo phải ghi ai đã gửi và cho kỳ nào, ví dụ {example}",
                    "a report filed under a reporting duty says who sent it and for which period, e.g. {example}"
                )),
            );
        }
    }
    let spans = [
        ("status", record.status.as_ref().map(Spanned::span)),
        ("value", record.value.as_ref().map(Spanned::span)),
        ("of", record.of.as_ref().map(Spanned::span)),
    ];
    for (key, span) in spans {
        if let Some(span) = span {
            found.push(
                Diagnostic::error(
                    "not-for-filed-report",
                    crate::say!(
                        "báo cáo đã gửi không dùng khóa `{key}`",
                        "a filed report has no `{key}`"
                    ),
                )
                .at(span)
                .help(crate::say!(
                    "báo cáo đã gửi chỉ ghi ai đã gửi báo cáo của kỳ nào và khi nào; tiến độ và giá trị thuộc về nhiệm vụ hoặc chỉ tiêu",
                    "a filed report says who sent which period's report and when; progress and values belong under the task or target"
                )),
            );
        }
    }
}

/// No status, value or note, and none of them was there with the wrong type
/// (which was reported already).
fn says_nothing(context: &Context<'_>, record: &Record) -> bool {
    record.status.is_none()
        && record.note.is_none()
        && record.value.is_none()
        && record.verdict.is_none()
        && !["status", "note", "value", "verdict"]
            .iter()
            .any(|key| context.file.unreadable_key_within(key, &record.extent))
}
