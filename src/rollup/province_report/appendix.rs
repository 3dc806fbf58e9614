//! The summary report's appendix: a row per unit under its level, on
//! landscape pages.

use crate::render::official_document::{Appendix, AppendixRow, Column};
use crate::report::prose::say;
use crate::words::labels::Language;

use super::results::result_in_words;
use super::{Context, levels_present, of_level};
use crate::rollup::Position;

pub(super) fn appendix(context: &Context<'_>) -> Appendix {
    let language = context.language;
    let mut rows = unit_rows(context);
    rows.push(totals_row(context));
    Appendix {
        heading: say(language, "Phụ lục", "Appendix"),
        title: say(
            language,
            format!(
                "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ DDCI CỦA CÁC ĐƠN VỊ {}",
                context.as_of_phrase.to_uppercase()
            ),
            format!(
                "THE UNITS' DDCI PLANS {}",
                context.as_of_phrase.to_uppercase()
            ),
        ),
        attached_to: context.frame.attached_to(),
        columns: columns(language),
        rows,
    }
}

/// The appendix's columns, their titles and widths.
fn columns(language: Language) -> Vec<Column> {
    [
        ("STT", "No.", 12),
        ("Đơn vị", "Unit", 56),
        ("Nhiệm vụ", "Tasks", 16),
        ("Hoàn thành", "Done", 18),
        ("Trễ hạn, vướng mắc", "Overdue, blocked", 18),
        ("Chưa có báo cáo", "No report", 18),
        ("Chỉ tiêu", "Targets", 16),
        ("Đạt", "Met", 14),
        ("Không đạt", "Not met", 16),
        (
            "Nhiệm vụ định kỳ chưa ghi nhận",
            "Recurring not recorded",
            20,
        ),
        (
            "Báo cáo nội bộ chưa gửi/đến hạn",
            "Internal reports not sent/due",
            20,
        ),
        ("Kết quả DDCI gần nhất", "Latest DDCI result", 46),
    ]
    .into_iter()
    .enumerate()
    .map(|(at, (vi, en, width_mm))| Column {
        title: say(language, vi, en),
        width_mm,
        // Every column but the unit's name and its result is a count.
        centred: at != 1 && at != 11,
    })
    .collect()
}

/// Each level under its numeral ("I. Sở, ban, ngành"), a row per unit.
fn unit_rows(context: &Context<'_>) -> Vec<AppendixRow> {
    const ROMAN: [&str; 3] = ["I", "II", "III"];
    let language = context.language;
    let mut rows = Vec::new();
    for (at, level) in levels_present(context.rollup).into_iter().enumerate() {
        rows.push(AppendixRow::Group(format!(
            "{}. {}",
            ROMAN.get(at).copied().unwrap_or(""),
            level.name(language)
        )));
        for (number, position) in of_level(context.rollup, level).into_iter().enumerate() {
            rows.push(unit_row(
                number + 1,
                position,
                context.several_provinces,
                language,
            ));
        }
    }
    rows
}

/// A unit's counts and its latest result, numbered within its level; its
/// province named when the report covers several.
fn unit_row(
    number: usize,
    position: &Position,
    several_provinces: bool,
    language: Language,
) -> AppendixRow {
    AppendixRow::Entry(vec![
        number.to_string(),
        super::unit_name(position, several_provinces),
        position.tasks.total.to_string(),
        position.tasks.done.to_string(),
        (position.tasks.overdue + position.tasks.blocked).to_string(),
        position.tasks.no_report.to_string(),
        position.targets.total.to_string(),
        position.targets.met.to_string(),
        position.targets.not_met.to_string(),
        position.missed_duties.to_string(),
        format!("{}/{}", position.reports_not_sent, position.reports_owed),
        if position.result.is_some() {
            result_in_words(position, language)
        } else {
            say(language, "Chưa có số liệu", "No data")
        },
    ])
}

/// The province's totals, as the body gives them.
fn totals_row(context: &Context<'_>) -> AppendixRow {
    let language = context.language;
    let positions = &context.rollup.positions;
    let sum = |count: fn(&Position) -> usize| positions.iter().map(count).sum::<usize>();
    AppendixRow::Entry(vec![
        String::new(),
        say(
            language,
            format!(
                "Tổng cộng ({} đơn vị)",
                crate::report::prose::count(positions.len(), language)
            ),
            format!("Total ({} units)", positions.len()),
        ),
        sum(|p| p.tasks.total).to_string(),
        sum(|p| p.tasks.done).to_string(),
        sum(|p| p.tasks.overdue + p.tasks.blocked).to_string(),
        sum(|p| p.tasks.no_report).to_string(),
        sum(|p| p.targets.total).to_string(),
        sum(|p| p.targets.met).to_string(),
        sum(|p| p.targets.not_met).to_string(),
        sum(|p| p.missed_duties).to_string(),
        format!(
            "{}/{}",
            sum(|p| p.reports_not_sent),
            sum(|p| p.reports_owed)
        ),
        String::new(),
    ])
}
