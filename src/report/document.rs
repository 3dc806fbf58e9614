//! The report as the administrative document a department signs and sends
//! (Decree 30/2020/NĐ-CP): header, "BÁO CÁO" and its subject, then
//! I. direction and roll-out, II. results (targets, then tasks by index),
//! III. assessment (achievements, shortcomings, causes), IV. next period,
//! V. proposals, the closing line, recipients and signature, and the
//! appendix table of tasks on its own landscape pages.
//!
//! Everything is said in words from the plan and its records: tasks by their
//! text, units by their names, figures with the day they were measured. No
//! id of the plan file appears.

use crate::render::document::Document;
use crate::render::official_document::OfficialDocument;

use super::appendix::appendix;
use super::assessment::{achievements, next_period, notes, shortcomings};
use super::direction::direction;
use super::figures::targets;
use super::framing::{
    BLANK, changes_within, closing, frame, list_or_none, opening, recipients, subject,
};
use super::position::position;
use super::prose::say;
use super::task_results::tasks_by_index;
use super::{NoteKind, Report};

pub fn build(report: &Report<'_>) -> OfficialDocument {
    let language = report.request.language;
    let mut body = Document::default();
    body.paragraph(opening(report));
    if let Some(changes) = changes_within(report) {
        body.paragraph(changes);
    }

    body.heading(
        2,
        say(
            language,
            "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
            "I. DIRECTION AND ROLL-OUT",
        ),
    );
    direction(report, &mut body);

    body.heading(2, say(language, "II. KẾT QUẢ THỰC HIỆN", "II. RESULTS"));
    // The DDCI position first, once a result is published.
    let first = if position(report, 1, &mut body) { 2 } else { 1 };
    body.heading(
        3,
        say(
            language,
            format!("{first}. Kết quả thực hiện các chỉ tiêu"),
            format!("{first}. Targets"),
        ),
    );
    targets(report, &mut body);
    body.heading(
        3,
        say(
            language,
            format!(
                "{}. Kết quả thực hiện nhiệm vụ theo chỉ số thành phần",
                first + 1
            ),
            format!("{}. Tasks by component index", first + 1),
        ),
    );
    tasks_by_index(report, &mut body);

    body.heading(
        2,
        say(language, "III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
    );
    body.heading(3, say(language, "1. Kết quả đạt được", "1. Achievements"));
    let achieved = achievements(report);
    if achieved.is_empty() {
        // Nothing recorded as achieved is not "none achieved".
        body.paragraph(say(
            language,
            "Chưa có kết quả được ghi nhận trong kỳ.",
            "No result was recorded in the period.",
        ));
    }
    body.list(achieved);
    body.heading(3, say(language, "2. Tồn tại, hạn chế", "2. Shortcomings"));
    let shortcomings = shortcomings(report);
    let has_shortcomings = !shortcomings.is_empty();
    list_or_none(&mut body, shortcomings, language);
    body.heading(3, say(language, "3. Nguyên nhân", "3. Causes"));
    causes(report, has_shortcomings, &mut body);

    let next = report.request.period.next().map(|next| next.name(language));
    body.heading(
        2,
        match next {
            Some(next) => say(
                language,
                format!("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {}", next.to_uppercase()),
                format!("IV. PRIORITIES FOR {}", next.to_uppercase()),
            ),
            None => say(
                language,
                "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
                "IV. PRIORITIES FOR THE NEXT PERIOD",
            ),
        },
    );
    list_or_none(&mut body, next_period(report), language);

    body.heading(2, say(language, "V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"));
    list_or_none(&mut body, notes(report, NoteKind::Proposal), language);
    body.paragraph(closing(report));

    frame(report).document(
        subject(report),
        body.blocks,
        recipients(report),
        Some(appendix(report)),
    )
}

/// Section III.3. Causes recorded are listed; with no shortcoming there is
/// none to give. Shortcomings with no cause recorded: in a unit's own report
/// a line of dots for its head to fill in before signing ("Không có" would
/// deny the causes its notes may tell); in the department's, who said none.
fn causes(report: &Report<'_>, has_shortcomings: bool, body: &mut Document) {
    let language = report.request.language;
    let causes = notes(report, NoteKind::Cause);
    if !causes.is_empty() {
        body.list(causes);
    } else if !has_shortcomings {
        body.paragraph(say(language, "Không có.", "None."));
    } else if report.request.owner.is_some() {
        body.paragraph(format!("{BLANK}{BLANK}{BLANK}{BLANK}"));
    } else {
        body.paragraph(say(
            language,
            "Các đơn vị chưa nêu nguyên nhân trong kết quả báo cáo kỳ này.",
            "No unit stated causes in what it reported for the period.",
        ));
    }
}
