//! Sections I and II of the summary report: what was compiled, and the
//! results — tasks, targets, component indices, the latest DDCI results.

use crate::render::document::Document;
use crate::report::prose::{count, counted, lowercase_first, say};
use crate::rollup::{IndexAcross, Position, RollupRequest, TargetCounts, TaskCounts};
use crate::time::period::format_day;
use crate::words::labels::Language;
use crate::words::visible::one_line;

use super::{Context, level_words, levels_present, names, of_level, percent, several_days};

/// Section I: the plans compiled, those left out, the periodic reports sent.
pub(super) fn compiled_section(context: &Context<'_>, request: RollupRequest, body: &mut Document) {
    body.heading(
        2,
        say(
            context.language,
            "I. TÌNH HÌNH TỔNG HỢP",
            "I. WHAT WAS COMPILED",
        ),
    );
    for line in compiled(context, request) {
        body.paragraph(line);
    }
}

fn compiled(context: &Context<'_>, request: RollupRequest) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = vec![plans_compiled(context)];
    if several_days(rollup, request) {
        lines.push(say(
            language,
            "Kế hoạch đã kết thúc được tính đến ngày cuối cùng của kế hoạch.",
            "Plans already over are taken as of their last day.",
        ));
    }
    if let Some(line) = crate::rollup::document::not_in_view(rollup, request, language) {
        lines.push(format!("{line}."));
    }
    lines.extend(left_out(context));
    lines.push(periodic_reports(context));
    lines
}

/// "Đã tổng hợp kế hoạch của 12 đơn vị: 8 sở, ban, ngành; 4 huyện, …".
fn plans_compiled(context: &Context<'_>) -> String {
    let language = context.language;
    let rollup = context.rollup;
    let by_level: Vec<String> = levels_present(rollup)
        .into_iter()
        .map(|level| {
            format!(
                "{} {}",
                count(of_level(rollup, level).len(), language),
                level_words(level, language)
            )
        })
        .collect();
    say(
        language,
        format!(
            "Đã tổng hợp kế hoạch của {} đơn vị: {}.",
            count(rollup.positions.len(), language),
            by_level.join("; ")
        ),
        format!(
            "Plans of {} units were compiled: {}.",
            rollup.positions.len(),
            by_level.join("; ")
        ),
    )
}

/// The plans left out for their errors, by their files, if any.
fn left_out(context: &Context<'_>) -> Option<String> {
    let language = context.language;
    let rollup = context.rollup;
    if rollup.left_out.is_empty() {
        return None;
    }
    let files: Vec<String> = rollup
        .left_out
        .iter()
        .map(|left| {
            // The file and its folder: "huyen-dak-ha/plan.toml", not a
            // whole path nor a bare "plan.toml".
            let parts: Vec<_> = left.file.components().collect();
            let short: std::path::PathBuf = parts[parts.len().saturating_sub(2)..].iter().collect();
            crate::words::visible::path(&short)
        })
        .collect();
    Some(say(
        language,
        format!(
            "{} kế hoạch chưa đưa vào tổng hợp vì tệp kế hoạch có lỗi ({}); đơn vị cần sửa lỗi để được tổng hợp vào kỳ sau.",
            count(rollup.left_out.len(), language),
            files.join(", ")
        ),
        format!(
            "{} plans are left out because their files have errors ({}); their units need to fix them to be counted next time.",
            rollup.left_out.len(),
            files.join(", ")
        ),
    ))
}

/// The units' periodic reports inside each agency: how many fell due, how
/// many were sent, and where those not sent are.
fn periodic_reports(context: &Context<'_>) -> String {
    let language = context.language;
    let rollup = context.rollup;
    // The reports counted are the units' own periodic reports inside each
    // agency (from its offices to the one that compiles), judged on the day
    // asked or today (the year's last falls due in January), of the plans
    // that owe any: one with no reporting duty has no day worth naming.
    let on = rollup
        .positions
        .iter()
        .filter(|position| position.reports_owed > 0)
        .map(|position| position.reports_as_of)
        .max()
        .map_or_else(String::new, |day| {
            say(
                language,
                format!("đến ngày {}, ", format_day(day, language)),
                format!("as of {}, ", format_day(day, language)),
            )
        });
    let state = reports_state(context);
    say(
        language,
        format!(
            "Báo cáo định kỳ nội bộ của các cơ quan, đơn vị (từ các phòng, đơn vị trực thuộc gửi bộ phận tổng hợp): {on}{state}."
        ),
        format!(
            "Periodic reports inside the agencies (from their offices to the one that compiles): {on}{state}."
        ),
    )
}

/// "đã gửi 5/6 báo cáo đến hạn; còn 1 báo cáo chưa gửi, tại …".
fn reports_state(context: &Context<'_>) -> String {
    let language = context.language;
    let rollup = context.rollup;
    let owed: usize = rollup.positions.iter().map(|p| p.reports_owed).sum();
    let not_sent: Vec<&Position> = rollup
        .positions
        .iter()
        .filter(|position| position.reports_not_sent > 0)
        .collect();
    let unsent: usize = not_sent.iter().map(|p| p.reports_not_sent).sum();
    if owed == 0 {
        say(
            language,
            "chưa có báo cáo nào đến hạn",
            "none has fallen due",
        )
    } else if unsent == 0 {
        say(
            language,
            format!("đã gửi đủ {} báo cáo đến hạn", count(owed, language)),
            format!("all {owed} due have been sent"),
        )
    } else {
        say(
            language,
            format!(
                "đã gửi {}/{} báo cáo đến hạn; còn {} báo cáo chưa gửi, tại {}",
                count(owed - unsent, language),
                count(owed, language),
                count(unsent, language),
                names(&not_sent, context.several_provinces, language)
            ),
            format!(
                "{} of {owed} due have been sent; {unsent} not sent, at {}",
                owed - unsent,
                names(&not_sent, context.several_provinces, language)
            ),
        )
    }
}

/// Section II: tasks, targets, component indices, the latest DDCI results.
pub(super) fn results_section(context: &Context<'_>, body: &mut Document) {
    let language = context.language;
    body.heading(2, say(language, "II. KẾT QUẢ THỰC HIỆN", "II. RESULTS"));
    body.heading(3, say(language, "1. Thực hiện nhiệm vụ", "1. Tasks"));
    tasks_part(context, body);
    body.heading(3, say(language, "2. Thực hiện chỉ tiêu", "2. Targets"));
    body.paragraph(targets_sentence(context));
    body.heading(
        3,
        say(
            language,
            "3. Theo chỉ số thành phần",
            "3. By component index",
        ),
    );
    indices_part(context, body);
    body.heading(
        3,
        say(
            language,
            "4. Kết quả DDCI gần nhất",
            "4. Latest DDCI results",
        ),
    );
    results_part(context, body);
}

/// The province's tasks, then each level's when there are several, then the
/// recurring tasks with a period left unrecorded.
fn tasks_part(context: &Context<'_>, body: &mut Document) {
    let rollup = context.rollup;
    body.paragraph(tasks_sentence(
        &rollup.positions.iter().collect::<Vec<_>>(),
        context,
    ));
    let levels = levels_present(rollup);
    if levels.len() > 1 {
        body.list(
            levels
                .iter()
                .map(|level| {
                    let of_level = of_level(rollup, *level);
                    format!(
                        "{}: {}",
                        level.name(context.language),
                        lowercase_first(&tasks_sentence(&of_level, context))
                    )
                })
                .collect(),
        );
    }
    if let Some(missed) = missed_duties_sentence(context) {
        body.paragraph(missed);
    }
}

fn tasks_sentence(positions: &[&Position], context: &Context<'_>) -> String {
    let language = context.language;
    let mut sum = TaskCounts::default();
    for position in positions {
        sum += position.tasks;
    }
    let parts = [
        (sum.in_progress, "đang thực hiện", "in progress"),
        (sum.not_started, "chưa thực hiện", "not started"),
        (sum.no_report, "chưa có báo cáo", "with no report"),
        (sum.blocked, "vướng mắc", "blocked"),
        (sum.overdue, "trễ hạn", "overdue"),
        (sum.cancelled, "dừng thực hiện", "cancelled"),
    ];
    let rest: Vec<String> = parts
        .iter()
        .filter(|(amount, _, _)| *amount > 0)
        .map(|(amount, vi, en)| {
            say(
                language,
                format!("{vi} {}", count(*amount, language)),
                format!("{amount} {en}"),
            )
        })
        .collect();
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!("; {}", rest.join("; "))
    };
    // Only a task with a due date can be done; ongoing and recurring duties
    // are carried out period by period and never "done".
    let duties = sum.total - sum.with_due_date;
    let done = say(
        language,
        format!(
            "(hoàn thành {}, tỷ lệ {})",
            count(sum.done, language),
            percent(sum.done, sum.with_due_date, language),
        ),
        format!(
            "({} done, {})",
            sum.done,
            percent(sum.done, sum.with_due_date, language),
        ),
    );
    let with_due_date = say(
        language,
        format!("{} có thời hạn {done}", count(sum.with_due_date, language)),
        format!("{} with a due date {done}", sum.with_due_date),
    );
    let kinds = match (sum.with_due_date, duties) {
        (0, 0) => String::new(),
        (0, _) => say(
            language,
            ", đều là nhiệm vụ thường xuyên, định kỳ",
            ", all ongoing or recurring",
        ),
        (_, 0) => say(
            language,
            format!(", đều có thời hạn {done}"),
            format!(", all with a due date {done}"),
        ),
        (_, _) => say(
            language,
            format!(
                ", gồm {with_due_date} và {} thường xuyên, định kỳ",
                count(duties, language)
            ),
            format!(": {with_due_date} and {duties} ongoing or recurring"),
        ),
    };
    say(
        language,
        format!(
            "Tổng số {}{kinds}{rest}.",
            counted(sum.total, "nhiệm vụ", "task", language),
        ),
        format!(
            "{}{kinds}{rest}.",
            counted(sum.total, "nhiệm vụ", "task", language),
        ),
    )
}

fn missed_duties_sentence(context: &Context<'_>) -> Option<String> {
    let language = context.language;
    let missed: Vec<&Position> = context
        .rollup
        .positions
        .iter()
        .filter(|position| position.missed_duties > 0)
        .collect();
    if missed.is_empty() {
        return None;
    }
    let total: usize = missed.iter().map(|position| position.missed_duties).sum();
    Some(say(
        language,
        format!(
            "{} nhiệm vụ định kỳ, thường xuyên có kỳ đã qua chưa ghi nhận kết quả, tại {}.",
            count(total, language),
            names(&missed, context.several_provinces, language)
        ),
        format!(
            "{total} recurring or ongoing tasks have a past period with nothing recorded, at {}.",
            names(&missed, context.several_provinces, language)
        ),
    ))
}

fn targets_sentence(context: &Context<'_>) -> String {
    let language = context.language;
    let mut sum = TargetCounts::default();
    for position in &context.rollup.positions {
        sum += position.targets;
    }
    say(
        language,
        format!(
            "Tổng số {}: đạt {}; chưa đạt (đang theo dõi) {}; không đạt {}; chưa có số liệu {}.",
            counted(sum.total, "chỉ tiêu", "target", language),
            count(sum.met, language),
            count(sum.not_yet_met, language),
            count(sum.not_met, language),
            count(sum.no_data, language)
        ),
        format!(
            "{}: {} met; {} not yet met; {} not met; {} with no data.",
            counted(sum.total, "chỉ tiêu", "target", language),
            sum.met,
            sum.not_yet_met,
            sum.not_met,
            sum.no_data
        ),
    )
}

fn index_line(index: &IndexAcross, language: Language) -> String {
    let score = index.mean_score().map_or_else(
        || say(language, "chưa có điểm", "no score yet"),
        |mean| {
            say(
                language,
                format!(
                    "điểm bình quân {} ({}/{} đơn vị có điểm)",
                    crate::words::labels::score(mean, language),
                    index.scores.len(),
                    index.units
                ),
                format!(
                    "mean score {} ({} of {} units scored)",
                    crate::words::labels::score(mean, language),
                    index.scores.len(),
                    index.units
                ),
            )
        },
    );
    let targets = if index.targets == 0 {
        say(language, "không có chỉ tiêu", "no targets")
    } else {
        say(
            language,
            format!(
                "{}, đạt {}, không đạt {}",
                counted(index.targets, "chỉ tiêu", "target", language),
                count(index.targets_met, language),
                count(index.targets_not_met, language),
            ),
            format!(
                "{}, {} met, {} not met",
                counted(index.targets, "chỉ tiêu", "target", language),
                index.targets_met,
                index.targets_not_met,
            ),
        )
    };
    // Only tasks with a due date can be done: ongoing and recurring ones
    // are never "hoàn thành 0".
    let done = match (index.tasks_with_due_date, index.tasks) {
        (0, _) => say(
            language,
            " (thường xuyên, định kỳ)".to_owned(),
            " (ongoing or recurring)".to_owned(),
        ),
        (due, all) if due == all => say(
            language,
            format!(", hoàn thành {}", count(index.tasks_done, language)),
            format!(", {} done", index.tasks_done),
        ),
        (due, _) => say(
            language,
            format!(
                ", hoàn thành {}/{} nhiệm vụ có thời hạn",
                count(index.tasks_done, language),
                count(due, language)
            ),
            format!(", {} of {due} with a due date done", index.tasks_done),
        ),
    };
    say(
        language,
        format!(
            "{} ({} đơn vị): {}{done}, trễ hạn hoặc vướng mắc {}; {targets}; {score}.",
            one_line(&index.name),
            count(index.units, language),
            counted(index.tasks, "nhiệm vụ", "task", language),
            count(index.tasks_behind, language),
        ),
        format!(
            "{} ({}): {}{done}, {} overdue or blocked; {targets}; {score}.",
            one_line(&index.name),
            counted(index.units, "đơn vị", "unit", language),
            counted(index.tasks, "nhiệm vụ", "task", language),
            index.tasks_behind,
        ),
    )
}

fn indices_part(context: &Context<'_>, body: &mut Document) {
    let language = context.language;
    let rollup = context.rollup;
    if rollup.indices.is_empty() {
        body.paragraph(say(
            language,
            "Các kế hoạch chưa chia nhiệm vụ theo chỉ số thành phần.",
            "The plans do not group their tasks by component index.",
        ));
        return;
    }
    body.paragraph(say(
        language,
        "Xếp từ chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất:",
        "Ordered from the index with the largest share of overdue or blocked tasks and missed targets:",
    ));
    // A district's indices (with "Tiếp cận đất đai") are not a department's.
    if rollup.indices_by_level.len() > 1 {
        for (level, indices) in &rollup.indices_by_level {
            body.paragraph(format!("{}:", level.name(language)));
            body.list(
                indices
                    .iter()
                    .map(|index| index_line(index, language))
                    .collect(),
            );
        }
    } else {
        body.list(
            rollup
                .indices
                .iter()
                .map(|index| index_line(index, language))
                .collect(),
        );
    }
}

fn results_part(context: &Context<'_>, body: &mut Document) {
    let language = context.language;
    let rollup = context.rollup;
    for level in levels_present(rollup) {
        let mut with: Vec<&Position> = of_level(rollup, level)
            .into_iter()
            .filter(|position| position.result.is_some())
            .collect();
        // The best placed first, as the province publishes them.
        with.sort_by_key(|position| {
            position
                .result
                .as_ref()
                .and_then(|result| result.rank.map(|rank| rank.rank))
                .unwrap_or(u32::MAX)
        });
        let without: Vec<&Position> = of_level(rollup, level)
            .into_iter()
            .filter(|position| position.result.is_none())
            .collect();
        let mut lines: Vec<String> = with
            .iter()
            .map(|position| {
                format!(
                    "{}: {}",
                    super::unit_name(position, context.several_provinces),
                    result_in_words(position, language)
                )
            })
            .collect();
        if !without.is_empty() {
            lines.push(say(
                language,
                format!(
                    "Chưa ghi nhận kết quả: {}.",
                    names(&without, context.several_provinces, language)
                ),
                format!(
                    "No result recorded: {}.",
                    names(&without, context.several_provinces, language)
                ),
            ));
        }
        let all = of_level(rollup, level);
        body.paragraph(match super::group_figures::group_sentence(&all, language) {
            Some(figures) => format!("{}: {figures}.", level.name(language)),
            None => format!("{}:", level.name(language)),
        });
        body.list(lines);
    }
}

/// "68,90 điểm, thứ 3/10, tốt (năm 2025)".
pub(super) fn result_in_words(position: &Position, language: Language) -> String {
    let Some(result) = &position.result else {
        return say(language, "chưa có", "none");
    };
    let mut parts = Vec::new();
    if let Some(score) = result.score {
        parts.push(say(
            language,
            format!("{} điểm", crate::words::labels::score(score, language)),
            format!("{} points", crate::words::labels::score(score, language)),
        ));
    }
    if let Some(rank) = &result.rank {
        parts.push(say(
            language,
            format!(
                "xếp {}",
                crate::words::labels::rank(rank.rank, rank.of, language)
            ),
            format!(
                "ranked {}",
                crate::words::labels::rank(rank.rank, rank.of, language)
            ),
        ));
    }
    if let Some(band) = &result.band {
        parts.push(one_line(band));
    }
    say(
        language,
        format!("{} (năm {})", parts.join(", "), result.year),
        format!("{} ({})", parts.join(", "), result.year),
    )
}
