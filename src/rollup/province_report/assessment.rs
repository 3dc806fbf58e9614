//! Sections III and IV of the summary report: who is on track, who is
//! behind and how, and the proposals that follow from those figures.

use crate::render::document::Document;
use crate::report::prose::{count, say};
use crate::rollup::{IndexAcross, Position, Rollup};
use crate::words::fold::folded;
use crate::words::labels::Language;
use crate::words::visible::one_line;

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

/// Section III: what the units achieved, then what they fall short on, each
/// said plainly when there is none.
pub(super) fn assessment_section(context: &Context<'_>, body: &mut Document) {
    let language = context.language;
    body.heading(
        2,
        say(language, "III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
    );
    body.heading(3, say(language, "1. Kết quả đạt được", "1. Achievements"));
    let achievements = achievements(context);
    if achievements.is_empty() {
        body.paragraph(say(
            language,
            "Các đơn vị chưa ghi nhận nhiệm vụ hoàn thành hay chỉ tiêu đạt.",
            "The units have recorded no task done and no target met.",
        ));
    }
    body.list(achievements);
    body.heading(3, say(language, "2. Tồn tại, hạn chế", "2. Shortcomings"));
    let shortcomings = shortcomings(context);
    if shortcomings.is_empty() {
        body.paragraph(say(
            language,
            "Số liệu các đơn vị ghi nhận không cho thấy nhiệm vụ trễ hạn, vướng mắc, chỉ tiêu không đạt hay báo cáo chưa gửi.",
            "The units' records show no overdue or blocked task, no target missed and no report unsent.",
        ));
    }
    body.list(shortcomings);
}

/// Section IV: what the issuer asks of the committee.
pub(super) fn proposals_section(context: &Context<'_>, body: &mut Document) {
    let language = context.language;
    body.heading(2, say(language, "IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS"));
    body.paragraph(say(
        language,
        format!("{} đề nghị {}:", context.issuer, context.committee),
        format!("The {} asks {}:", context.issuer, context.committee),
    ));
    body.list(proposals(context));
}

fn achievements(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    // Only tasks with a due date can be done: ongoing duties never are.
    let due: usize = rollup.positions.iter().map(|p| p.tasks.with_due_date).sum();
    let done: usize = rollup.positions.iter().map(|p| p.tasks.done).sum();
    let targets: usize = rollup.positions.iter().map(|p| p.targets.total).sum();
    let met: usize = rollup.positions.iter().map(|p| p.targets.met).sum();
    if done > 0 {
        lines.push(say(
            language,
            format!(
                "{}/{} nhiệm vụ có thời hạn đã hoàn thành ({}).",
                count(done, language),
                count(due, language),
                percent(done, due, language),
            ),
            format!(
                "{done} of {due} tasks with a due date done ({}).",
                percent(done, due, language)
            ),
        ));
    }
    if met > 0 {
        lines.push(say(
            language,
            format!(
                "{}/{} chỉ tiêu đạt.",
                count(met, language),
                count(targets, language)
            ),
            format!("{met} of {targets} targets met."),
        ));
    }
    let on_track = on_track(rollup);
    if !on_track.is_empty() {
        lines.push(say(
            language,
            format!(
                "{}/{} đơn vị không có nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hay chỉ tiêu không đạt: {}.",
                count(on_track.len(), language),
                count(rollup.positions.len(), language),
                names(&on_track, context.several_provinces, language)
            ),
            format!(
                "{} of {} units have no task overdue, blocked or unreported and no target missed: {}.",
                on_track.len(),
                rollup.positions.len(),
                names(&on_track, context.several_provinces, language)
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

fn shortcomings(context: &Context<'_>) -> Vec<String> {
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
                    super::unit_name(position, context.several_provinces),
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
                "{}/{} đơn vị còn nhiệm vụ trễ hạn, vướng mắc, chưa có báo cáo hoặc chỉ tiêu không đạt (xếp từ đơn vị có tỷ lệ cao nhất): {}.",
                count(behind.len(), language),
                count(rollup.positions.len(), language),
                named.join("; ")
            ),
            format!(
                "{} of {} units have tasks overdue, blocked or unreported or targets not met (the largest share first): {}.",
                behind.len(),
                rollup.positions.len(),
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
    lines.extend(reports_not_sent_sentence(context));
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

/// "01/03 cơ quan, đơn vị còn báo cáo định kỳ nội bộ đến hạn chưa gửi: …",
/// counted of the units that owe a report by now, not of every unit.
fn reports_not_sent_sentence(context: &Context<'_>) -> Option<String> {
    let language = context.language;
    let rollup = context.rollup;
    let not_sent = not_sent(rollup);
    if not_sent.is_empty() {
        return None;
    }
    let owing = rollup
        .positions
        .iter()
        .filter(|position| position.reports_owed > 0)
        .count();
    Some(say(
        language,
        format!(
            "{}/{} cơ quan, đơn vị còn báo cáo định kỳ nội bộ đến hạn chưa gửi: {}.",
            count(not_sent.len(), language),
            count(owing, language),
            names(&not_sent, context.several_provinces, language)
        ),
        format!(
            "{} of {} agencies have periodic internal reports due and not sent: {}.",
            not_sent.len(),
            owing,
            names(&not_sent, context.several_provinces, language)
        ),
    ))
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

/// How many units must have an index before the province's report draws a
/// conclusion about it: one district's one overdue task is no finding
/// about "Tiếp cận đất đai" (II.3 still lists every index, with its units).
const ENOUGH_UNITS: usize = 3;

/// The index furthest behind among those enough units have, if any is
/// behind at all.
pub(super) fn weakest_index(rollup: &Rollup) -> Option<&IndexAcross> {
    rollup
        .indices
        .iter()
        .filter(|index| index.units >= ENOUGH_UNITS)
        .find(|index| index.tasks_behind + index.targets_not_met > 0)
}

pub(super) fn not_sent(rollup: &Rollup) -> Vec<&Position> {
    rollup
        .positions
        .iter()
        .filter(|position| position.reports_not_sent > 0)
        .collect()
}

/// Whether a unit has a kind of problem.
type Has = fn(&Position) -> bool;

fn proposals(context: &Context<'_>) -> Vec<String> {
    let language = context.language;
    let rollup = context.rollup;
    let mut lines = Vec::new();
    // Each unit is asked to deal with what it has, and only that: a unit
    // that has not reported is not told it is late.
    let asks: [(Has, &str, &str); 5] = [
        (
            |position| position.tasks.overdue > 0,
            "khẩn trương hoàn thành các nhiệm vụ trễ hạn",
            "to finish their overdue tasks without delay",
        ),
        (
            |position| position.tasks.blocked > 0,
            "tháo gỡ khó khăn, vướng mắc của các nhiệm vụ đang vướng mắc",
            "to clear what blocks their blocked tasks",
        ),
        (
            |position| position.tasks.no_report > 0,
            "báo cáo kết quả thực hiện các nhiệm vụ chưa có báo cáo",
            "to report on the tasks they have not reported on",
        ),
        (
            |position| position.targets.not_met > 0,
            "có giải pháp đối với các chỉ tiêu không đạt",
            "to act on the targets they have not met",
        ),
        (
            |position| position.reports_not_sent > 0,
            "đôn đốc các phòng, đơn vị trực thuộc gửi đủ báo cáo định kỳ",
            "to see that their offices send the periodic reports they owe",
        ),
    ];
    for (has, vi, en) in asks {
        let units: Vec<&Position> = rollup
            .positions
            .iter()
            .filter(|position| has(position))
            .collect();
        if !units.is_empty() {
            lines.push(say(
                language,
                format!(
                    "Chỉ đạo {} {vi}.",
                    names(&units, context.several_provinces, language)
                ),
                format!(
                    "To direct {} {en}.",
                    names(&units, context.several_provinces, language)
                ),
            ));
        }
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
