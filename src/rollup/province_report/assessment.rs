//! Sections III and IV of the summary report: who is on track, who is
//! behind and how, and the proposals that follow from those figures.

use crate::form::values::folded;
use crate::labels::Language;
use crate::report::prose::{count, say};
use crate::rollup::{IndexAcross, Position, Rollup};
use crate::visible::one_line;

use super::{Context, NAMED_AT_MOST, names, percent};

/// Units with nothing behind: no task overdue, blocked or unreported, no
/// target missed.
pub(super) fn on_track(rollup: &Rollup) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.tasks.total + position.targets.total > 0)
        .filter(|position| position.behind() == 0)
        .collect()
}

pub(super) fn behind(rollup: &Rollup) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.behind() > 0)
        .collect()
}

pub(super) fn achievements(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    let tasks: usize = rollup.positions.iter().map(|p| p.tasks.total).sum();
    let done: usize = rollup.positions.iter().map(|p| p.tasks.done).sum();
    let targets: usize = rollup.positions.iter().map(|p| p.targets.total).sum();
    let met: usize = rollup.positions.iter().map(|p| p.targets.met).sum();
    lines.push(say(
        language,
        format!(
            "{}/{} nhiệm vụ đã hoàn thành ({}); {}/{} chỉ tiêu đạt.",
            count(done, language),
            count(tasks, language),
            percent(done, tasks, language),
            count(met, language),
            count(targets, language)
        ),
        format!(
            "{done} of {tasks} tasks done ({}); {met} of {targets} targets met.",
            percent(done, tasks, language)
        ),
    ));
    let on_track = on_track(rollup);
    if !on_track.is_empty() {
        lines.push(say(
            language,
            format!(
                "{} đơn vị không có nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hay chỉ tiêu không đạt: {}.",
                count(on_track.len(), language),
                names(&on_track, language)
            ),
            format!(
                "{} units have no task overdue, blocked or unreported and no target missed: {}.",
                on_track.len(),
                names(&on_track, language)
            ),
        ));
    }
    lines
}

/// "05 nhiệm vụ trễ hạn, 02 chỉ tiêu không đạt".
pub(super) fn behind_parts(position: &Position, language: Language) -> String {
    let parts = [
        (position.tasks.overdue, "nhiệm vụ trễ hạn", "overdue tasks"),
        (
            position.tasks.blocked,
            "nhiệm vụ vướng mắc",
            "blocked tasks",
        ),
        (
            position.tasks.no_report,
            "nhiệm vụ chưa có báo cáo",
            "tasks with no report",
        ),
        (
            position.targets.not_met,
            "chỉ tiêu không đạt",
            "targets not met",
        ),
    ];
    parts
        .iter()
        .filter(|(amount, _, _)| *amount > 0)
        .map(|(amount, vi, en)| {
            say(
                language,
                format!("{} {vi}", count(*amount, language)),
                format!("{amount} {en}"),
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn shortcomings(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    let behind = behind(rollup);
    if !behind.is_empty() {
        let mut named: Vec<String> = behind
            .iter()
            .take(NAMED_AT_MOST)
            .map(|position| {
                format!(
                    "{} ({})",
                    one_line(&position.agency),
                    behind_parts(position, language)
                )
            })
            .collect();
        if behind.len() > NAMED_AT_MOST {
            named.push(say(
                language,
                format!(
                    "{} đơn vị khác (chi tiết tại Phụ lục)",
                    count(behind.len() - NAMED_AT_MOST, language)
                ),
                format!(
                    "{} other units (see the appendix)",
                    behind.len() - NAMED_AT_MOST
                ),
            ));
        }
        lines.push(say(
            language,
            format!(
                "{} đơn vị còn nhiệm vụ, chỉ tiêu chậm hoặc chưa đạt, xếp từ đơn vị chậm nhiều nhất: {}.",
                count(behind.len(), language),
                named.join("; ")
            ),
            format!(
                "{} units have tasks or targets behind, furthest behind first: {}.",
                behind.len(),
                named.join("; ")
            ),
        ));
    }
    if let Some(weakest) = weakest_index(rollup) {
        lines.push(say(
            language,
            format!(
                "{} là chỉ số có tỷ lệ nhiệm vụ trễ hạn, vướng mắc và chỉ tiêu không đạt cao nhất ({}).",
                one_line(&weakest.name),
                percent(
                    weakest.tasks_behind + weakest.targets_not_met,
                    weakest.tasks + weakest.targets,
                    language
                )
            ),
            format!(
                "{} has the largest share of overdue or blocked tasks and missed targets ({}).",
                one_line(&weakest.name),
                percent(
                    weakest.tasks_behind + weakest.targets_not_met,
                    weakest.tasks + weakest.targets,
                    language
                )
            ),
        ));
    }
    let not_sent = not_sent(rollup);
    if !not_sent.is_empty() {
        lines.push(say(
            language,
            format!(
                "{} đơn vị chưa gửi đủ báo cáo định kỳ đến hạn: {}.",
                count(not_sent.len(), language),
                names(&not_sent, language)
            ),
            format!(
                "{} units have not sent every periodic report due: {}.",
                not_sent.len(),
                names(&not_sent, language)
            ),
        ));
    }
    if !rollup.left_out.is_empty() {
        lines.push(say(
            language,
            format!(
                "{} kế hoạch có lỗi, chưa đưa vào tổng hợp.",
                count(rollup.left_out.len(), language)
            ),
            format!(
                "{} plans have errors and are left out.",
                rollup.left_out.len()
            ),
        ));
    }
    lines
}

/// "chỉ số Tiếp cận đất đai": an index named inside a sentence.
pub(super) fn index_in_sentence(name: &str) -> String {
    let name = one_line(name);
    if folded(&name).starts_with("chi so") {
        crate::report::prose::lowercase_first(&name)
    } else {
        format!("chỉ số {name}")
    }
}

/// The index furthest behind, if any index is behind at all.
pub(super) fn weakest_index(rollup: &Rollup) -> Option<&IndexAcross> {
    rollup
        .indices
        .first()
        .filter(|index| index.tasks_behind + index.targets_not_met > 0)
}

pub(super) fn not_sent(rollup: &Rollup) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.reports_not_sent > 0)
        .collect()
}

pub(super) fn proposals(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    let behind = behind(rollup);
    if !behind.is_empty() {
        lines.push(say(
            language,
            format!(
                "Chỉ đạo {} khẩn trương khắc phục các nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo và chỉ tiêu không đạt; báo cáo kết quả trong kỳ báo cáo tới.",
                names(&behind, language)
            ),
            format!(
                "To direct {} to deal with their overdue, blocked and unreported tasks and missed targets, and report in the next period.",
                names(&behind, language)
            ),
        ));
    }
    let not_sent = not_sent(rollup);
    if !not_sent.is_empty() {
        lines.push(say(
            language,
            format!(
                "Chỉ đạo {} gửi đủ báo cáo định kỳ theo quy định.",
                names(&not_sent, language)
            ),
            format!(
                "To direct {} to send the periodic reports they owe.",
                names(&not_sent, language)
            ),
        ));
    }
    if let Some(weakest) = weakest_index(rollup) {
        lines.push(say(
            language,
            format!(
                "Chỉ đạo các đơn vị tập trung cải thiện {}.",
                index_in_sentence(&weakest.name)
            ),
            format!(
                "To direct the units to concentrate on {}.",
                one_line(&weakest.name)
            ),
        ));
    }
    if !rollup.left_out.is_empty() {
        lines.push(say(
            language,
            "Yêu cầu các đơn vị có kế hoạch chưa hợp lệ rà soát, hoàn thiện kế hoạch để đưa vào tổng hợp kỳ tới.",
            "To require the units whose plans have errors to correct them for the next roll-up.",
        ));
    }
    if lines.is_empty() {
        lines.push(say(
            language,
            "Tiếp tục chỉ đạo các đơn vị duy trì kết quả đạt được và thực hiện đầy đủ kế hoạch.",
            "To keep directing the units to hold what they have achieved and carry out their plans in full.",
        ));
    }
    lines
}
