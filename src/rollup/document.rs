//! The roll-up as a document (terminal table and Markdown): each unit's
//! position, furthest behind first (within its level with `--group`), the
//! component indices across units, and the plans left out.

use chrono::Datelike;

use crate::render::document::{Cell, Document, Table, Tone};
use crate::time::period::format_day;
use crate::words::labels::{self, Language};

use super::{IndexAcross, Level, Position, Rollup, RollupRequest};

fn say(language: Language, vi: &str, en: &str) -> String {
    match language {
        Language::Vi => vi.to_owned(),
        Language::En => en.to_owned(),
    }
}

pub fn build(rollup: &Rollup, request: RollupRequest, language: Language) -> Document {
    let mut document = Document::default();
    document.heading(
        1,
        say(
            language,
            "Tổng hợp tình hình thực hiện Kế hoạch nâng cao chỉ số DDCI",
            "DDCI improvement plans: roll-up",
        ),
    );
    document.list(summary(rollup, request, language));
    // Units of several provinces are each shown with theirs.
    let provinces = rollup.provinces().len() > 1;
    if request.group {
        for level in [Level::Department, Level::District, Level::Commune] {
            let positions: Vec<&Position> = rollup
                .positions
                .iter()
                .filter(|position| position.level == level)
                .collect();
            if positions.is_empty() {
                continue;
            }
            document.heading(2, level.name(language));
            document.table(positions_table(&positions, provinces, language));
            if let Some((_, indices)) = rollup.indices_by_level.iter().find(|(of, _)| *of == level)
            {
                document.heading(3, say(language, "Chỉ số thành phần", "Component indices"));
                document.table(indices_table(indices, language));
            }
        }
    } else if !rollup.positions.is_empty() {
        document.heading(2, say(language, "Các đơn vị", "Units"));
        let positions: Vec<&Position> = rollup.positions.iter().collect();
        document.table(positions_table(&positions, provinces, language));
    }
    // With --group, each level has its own; a district's indices are not a
    // department's.
    if !request.group && !rollup.indices.is_empty() {
        document.heading(
            2,
            say(
                language,
                "Chỉ số thành phần trên toàn bộ đơn vị",
                "Component indices across units",
            ),
        );
        document.table(indices_table(&rollup.indices, language));
    }
    if !rollup.left_out.is_empty() {
        document.heading(
            2,
            say(
                language,
                "Kế hoạch không đưa vào tổng hợp",
                "Plans left out",
            ),
        );
        document.list(
            rollup
                .left_out
                .iter()
                .map(|left| left_out_line(left, language))
                .collect(),
        );
    }
    document
}

/// A plan left out, its errors and where the first is. The messages are
/// ddci's own (in English): the Vietnamese line gives the place and the
/// command that shows them all.
fn left_out_line(left: &super::LeftOut, language: Language) -> String {
    let file = crate::words::visible::path(&left.file);
    let first = left.diagnostics.first();
    match (language, left.errors) {
        (Language::Vi, 0) => format!("{file}: không đọc được ({})", left.reason),
        (Language::Vi, errors) => {
            let place = first
                .and_then(|first| first.line.zip(first.column))
                .map_or_else(String::new, |(line, column)| {
                    format!(", lỗi đầu tiên ở dòng {line}, cột {column}")
                });
            format!("{file}: {errors} lỗi{place}; xem tất cả: ddci validate --plan {file}")
        }
        (Language::En, _) => {
            let first = first.map_or_else(String::new, |first| match (first.line, first.column) {
                (Some(line), Some(column)) => format!(" — {line}:{column}: {}", first.message),
                _ => format!(" — {}", first.message),
            });
            format!("{file}: {}{first}", left.reason)
        }
    }
}

/// "Không tính 2 kế hoạch không thuộc năm 2025": valid plans not in the
/// figures, and why.
pub fn not_in_view(rollup: &Rollup, request: RollupRequest, language: Language) -> Option<String> {
    let count = rollup.not_in_view;
    if count == 0 {
        return None;
    }
    let (vi, en) = match (request.year, request.as_of) {
        (Some(year), _) => (format!("không thuộc năm {year}"), format!("not for {year}")),
        (None, Some(moment)) => {
            let year = moment.day.year();
            (format!("không thuộc năm {year}"), format!("not for {year}"))
        }
        (None, None) => return None,
    };
    Some(match language {
        Language::Vi => format!("Không tính {count} kế hoạch {vi}"),
        Language::En if count == 1 => format!("1 plan {en} is not counted"),
        Language::En => format!("{count} plans {en} are not counted"),
    })
}

pub(super) fn summary(rollup: &Rollup, request: RollupRequest, language: Language) -> Vec<String> {
    let read =
        rollup.positions.len() + rollup.copies() + rollup.left_out.len() + rollup.not_in_view;
    let mut lines = vec![match language {
        Language::Vi => format!(
            "Số kế hoạch: {read}; đưa vào tổng hợp: {}; không đưa vào (có lỗi): {}",
            rollup.positions.len(),
            rollup.left_out.len()
        ),
        Language::En => format!(
            "Plans: {read}; in the figures: {}; left out (with errors): {}",
            rollup.positions.len(),
            rollup.left_out.len()
        ),
    }];
    if let Some(line) = not_in_view(rollup, request, language) {
        lines.push(line);
    }
    let copies = rollup.copies();
    if copies > 0 {
        lines.push(match language {
            Language::Vi => {
                format!("{copies} tệp là bản sao của một kế hoạch đã tính, không tính lại")
            }
            Language::En if copies == 1 => {
                "1 file is a copy of a plan already counted, not counted again".to_owned()
            }
            Language::En => {
                format!("{copies} files are copies of plans already counted, not counted again")
            }
        });
    }
    lines.push(match request.as_of {
        Some(moment) => format!(
            "{} {}",
            labels::Label::AsOf.text(language),
            format_day(moment.day, language)
        ),
        None => say(
            language,
            "Mỗi kế hoạch tính đến hôm nay, hoặc đến ngày cuối cùng của kế hoạch nếu đã kết thúc",
            "Each plan as of today, or as of its last day once it is over",
        ),
    });
    lines
}

/// A row per unit; with `provinces`, each unit's province beside its name.
fn positions_table(positions: &[&Position], provinces: bool, language: Language) -> Table {
    let columns = match language {
        Language::Vi => [
            "STT",
            "Đơn vị",
            "Năm",
            "Tính đến",
            "Nhiệm vụ",
            "Hoàn thành",
            "Trễ hạn, vướng mắc",
            "Chỉ tiêu",
            "Đạt",
            "Không đạt",
            "Chưa có báo cáo",
            "Nhiệm vụ định kỳ chưa ghi nhận",
            "Báo cáo chưa gửi/đến hạn",
            "Kết quả DDCI gần nhất",
        ],
        Language::En => [
            "No.",
            "Unit",
            "Year",
            "As of",
            "Tasks",
            "Done",
            "Overdue, blocked",
            "Targets",
            "Met",
            "Not met",
            "No report",
            "Recurring tasks not recorded",
            "Reports not sent/due",
            "Latest DDCI result",
        ],
    };
    let rows = positions
        .iter()
        .enumerate()
        .map(|(at, position)| {
            let behind = position.tasks.overdue + position.tasks.blocked;
            vec![
                Cell::new((at + 1).to_string()),
                Cell::new(position.agency.clone()),
                Cell::new(years(position)),
                Cell::new(format_day(position.as_of, language)),
                Cell::new(position.tasks.total.to_string()),
                Cell::new(position.tasks.done.to_string()),
                counted(behind, Tone::Bad),
                Cell::new(position.targets.total.to_string()),
                Cell::new(position.targets.met.to_string()),
                counted(position.targets.not_met, Tone::Bad),
                counted(position.tasks.no_report, Tone::Warning),
                counted(position.missed_duties, Tone::Warning),
                Cell::new(format!(
                    "{}/{}",
                    position.reports_not_sent, position.reports_owed
                )),
                Cell::new(result(position, language)),
            ]
        })
        .collect();
    let mut table = Table {
        columns: columns.iter().map(|column| (*column).to_owned()).collect(),
        rows,
        numeric: vec![0, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    };
    if provinces {
        table
            .columns
            .insert(2, say(language, "Tỉnh, thành phố", "Province"));
        for (row, position) in table.rows.iter_mut().zip(positions) {
            row.insert(2, Cell::new(position.province.clone()));
        }
        for column in &mut table.numeric {
            if *column >= 2 {
                *column += 1;
            }
        }
    }
    table
}

/// A count that stands out when it is not zero.
fn counted(count: usize, tone: Tone) -> Cell {
    if count == 0 {
        Cell::new("0")
    } else {
        Cell::toned(count.to_string(), tone)
    }
}

pub(super) fn years(position: &Position) -> String {
    if position.until > position.year {
        format!("{}–{}", position.year, position.until)
    } else {
        position.year.to_string()
    }
}

/// "2024: 67,20 điểm, thứ 4/10, tốt".
pub fn result(position: &Position, language: Language) -> String {
    let Some(result) = &position.result else {
        return labels::Label::NoData.text(language).to_owned();
    };
    let mut parts = Vec::new();
    if let Some(score) = result.score {
        parts.push(format!(
            "{} {}",
            labels::score(score, language),
            labels::Label::Points.text(language)
        ));
    }
    if let Some(rank) = &result.rank {
        parts.push(labels::rank(rank.rank, rank.of, language));
    }
    if let Some(band) = &result.band {
        parts.push(band.clone());
    }
    format!("{}: {}", result.year, parts.join(", "))
}

fn indices_table(indices: &[IndexAcross], language: Language) -> Table {
    let columns = match language {
        Language::Vi => [
            "Chỉ số",
            "Số đơn vị",
            "Nhiệm vụ",
            "Hoàn thành",
            "Trễ hạn, vướng mắc",
            "Chỉ tiêu",
            "Đạt",
            "Không đạt",
            "Điểm bình quân",
        ],
        Language::En => [
            "Index",
            "Units",
            "Tasks",
            "Done",
            "Overdue, blocked",
            "Targets",
            "Met",
            "Not met",
            "Mean score",
        ],
    };
    let rows = indices
        .iter()
        .map(|index| {
            vec![
                Cell::new(index.name.clone()),
                Cell::new(index.units.to_string()),
                Cell::new(index.tasks.to_string()),
                Cell::new(index.tasks_done.to_string()),
                counted(index.tasks_behind, Tone::Bad),
                Cell::new(index.targets.to_string()),
                Cell::new(index.targets_met.to_string()),
                counted(index.targets_not_met, Tone::Bad),
                Cell::new(index.mean_score().map_or_else(
                    || labels::Label::NoData.text(language).to_owned(),
                    |mean| {
                        format!(
                            "{} ({}/{})",
                            labels::score(mean, language),
                            index.scores.len(),
                            index.units
                        )
                    },
                )),
            ]
        })
        .collect();
    Table {
        columns: columns.iter().map(|column| (*column).to_owned()).collect(),
        rows,
        numeric: vec![1, 2, 3, 4, 5, 6, 7],
    }
}
