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

use crate::describe;
use crate::document::Document;
use crate::labels::Language;
use crate::official_document::{OfficialDocument, Signature};
use crate::period::{PeriodKind, format_day};
use crate::plan::model::Plan;
use crate::visible::one_line;

use super::appendix::appendix;
use super::assessment::{achievements, next_period, notes, shortcomings};
use super::direction::direction;
use super::figures::targets;
use super::prose::{lowercase_first, period_phrase, place_and_date, say, without_stop};
use super::task_results::tasks_by_index;
use super::{NoteKind, Report};

/// How long a task's text may run in the body before it is cut at a word.
pub(super) const TASK_IN_BODY: usize = 110;

/// And in the appendix, where the table shows it whole unless very long.
pub(super) const TASK_IN_APPENDIX: usize = 125;

pub fn build(report: &Report<'_>) -> OfficialDocument {
    let language = report.request.language;
    let plan = report.plan;
    let mut body = Document::default();
    body.paragraph(opening(report));

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
    body.heading(
        3,
        say(language, "1. Kết quả thực hiện các chỉ tiêu", "1. Targets"),
    );
    targets(report, &mut body);
    body.heading(
        3,
        say(
            language,
            "2. Kết quả thực hiện nhiệm vụ theo chỉ số thành phần",
            "2. Tasks by component index",
        ),
    );
    tasks_by_index(report, &mut body);

    body.heading(
        2,
        say(language, "III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
    );
    body.heading(3, say(language, "1. Kết quả đạt được", "1. Achievements"));
    body.list(achievements(report));
    body.heading(3, say(language, "2. Tồn tại, hạn chế", "2. Shortcomings"));
    list_or_none(&mut body, shortcomings(report), language);
    body.heading(3, say(language, "3. Nguyên nhân", "3. Causes"));
    let causes = notes(report, NoteKind::Cause);
    if causes.is_empty() {
        body.paragraph(match report.request.owner {
            Some(_) => say(
                language,
                "Đơn vị chưa nêu nguyên nhân trong kết quả báo cáo kỳ này.",
                "The unit stated no causes in what it reported for the period.",
            ),
            None => say(
                language,
                "Các đơn vị chưa nêu nguyên nhân trong kết quả báo cáo kỳ này.",
                "No unit stated causes in what it reported for the period.",
            ),
        });
    }
    body.list(causes);

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

    let signer = plan.report.signed_by.as_ref().or(plan.signed_by.as_ref());
    let signature = match (report.request.owner, signer) {
        (Some(_), _) => Signature {
            authority: vec![say(language, "THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF UNIT")],
            name: None,
        },
        (None, Some(signer)) => Signature {
            authority: signer.signs_for.as_ref().map_or_else(
                || vec![one_line(&signer.title).to_uppercase()],
                |head| {
                    vec![
                        format!("KT. {}", one_line(head).to_uppercase()),
                        one_line(&signer.title).to_uppercase(),
                    ]
                },
            ),
            name: Some(one_line(&signer.name)),
        },
        (None, None) => Signature {
            authority: vec![say(language, "THỦ TRƯỞNG CƠ QUAN", "HEAD OF AGENCY")],
            name: None,
        },
    };
    let (parent, issuer) = match report.request.owner {
        Some(owner) => (
            one_line(&plan.agency).to_uppercase(),
            one_line(describe::unit_full_name(plan, owner)).to_uppercase(),
        ),
        None => (
            plan.parent_agency.as_deref().map_or_else(
                || BLANK.to_owned(),
                |parent| one_line(parent).to_uppercase(),
            ),
            one_line(&plan.agency).to_uppercase(),
        ),
    };
    let blocks = body.blocks;
    OfficialDocument {
        language,
        parent_agency: parent,
        agency: issuer,
        number: format!(
            "{}{NUMBER_BLANK}/BC-{}",
            say(language, "Số:", "No.:"),
            document_code(report)
        ),
        national_title: crate::official_document::national_title(language),
        motto: crate::official_document::motto(language),
        place_and_date: place_and_date(
            &one_line(&plan.place),
            report.request.signed_on,
            signing_year(report),
            language,
        ),
        kind: say(language, "BÁO CÁO", "REPORT"),
        subject: subject(report),
        body: blocks,
        recipients_heading: say(language, "Nơi nhận:", "Recipients:"),
        recipients: recipients(report),
        signature,
        appendix: Some(appendix(report)),
    }
}

/// Dots where the office writes by hand what the plan does not hold.
pub(crate) const BLANK: &str = "……………";

/// The room left for the registered number in "Số:      /BC-…".
pub(crate) const NUMBER_BLANK: &str = "      ";

pub(super) fn document_code(report: &Report<'_>) -> String {
    match report.request.owner {
        Some(_) => BLANK.to_owned(),
        None => report
            .plan
            .code
            .as_deref()
            .map_or_else(|| BLANK.to_owned(), one_line),
    }
}

/// The year a report is signed in, when its day is left blank: the year of
/// the day after its period (a calendar year's report is sent in January).
pub(super) fn signing_year(report: &Report<'_>) -> i32 {
    use chrono::Datelike;
    let end = report.request.period.end;
    report
        .request
        .signed_on
        .unwrap_or_else(|| end.succ_opt().unwrap_or(end))
        .year()
}

/// The plan's title without its leading "Kế hoạch", to follow "Kế hoạch số …
/// của … về": "khắc phục các chỉ số thành phần …".
pub(super) fn plan_topic(plan: &Plan) -> String {
    let title = one_line(&plan.title);
    let lowered = title.to_lowercase();
    for lead in ["kế hoạch ", "plan for ", "plan to ", "plan "] {
        if lowered.starts_with(lead) {
            let cut = title
                .char_indices()
                .nth(lead.chars().count())
                .map_or(title.len(), |(at, _)| at);
            return title[cut..].to_owned();
        }
    }
    lowercase_first(&title)
}

/// "Kế hoạch số 45/KH-SKHCN ngày 05/4/2024", with dots for what the plan
/// does not hold.
pub(super) fn plan_reference(plan: &Plan, language: Language) -> String {
    let number = plan
        .number
        .as_deref()
        .map_or_else(|| BLANK.to_owned(), one_line);
    let issued = plan
        .issued
        .map_or_else(|| BLANK.to_owned(), |day| format_day(day, language));
    say(
        language,
        format!("Kế hoạch số {number} ngày {issued}"),
        format!("Plan No. {number} of {issued}"),
    )
}

pub(super) fn subject(report: &Report<'_>) -> String {
    let language = report.request.language;
    let plan = report.plan;
    let period = period_phrase(&report.request.period, language);
    match report.request.owner {
        Some(_) => say(
            language,
            format!(
                "Kết quả thực hiện nhiệm vụ {period} theo Kế hoạch {}",
                plan_topic(plan)
            ),
            format!(
                "Results for {period} of the tasks assigned under “{}”",
                one_line(&plan.title)
            ),
        ),
        None => match after_title(report) {
            Some(within) => say(
                language,
                format!("Kết quả thực hiện Kế hoạch {}, {within}", plan_topic(plan)),
                format!("Results of “{}”, {period}", one_line(&plan.title)),
            ),
            None => say(
                language,
                format!("Kết quả thực hiện Kế hoạch {}", plan_topic(plan)),
                format!("Results of “{}”, {period}", one_line(&plan.title)),
            ),
        },
    }
}

/// The period as it follows the plan's title: a title ending "năm 2024"
/// needs only "Quý II" ("… năm 2024, Quý II"), and nothing at all for the
/// year's report; otherwise the period in full. Vietnamese only.
fn after_title(report: &Report<'_>) -> Option<String> {
    let period = &report.request.period;
    let language = report.request.language;
    let full = period_phrase(period, language);
    let year = match period.kind {
        PeriodKind::Quarter { year, .. }
        | PeriodKind::Half { year, .. }
        | PeriodKind::NineMonths { year }
        | PeriodKind::Year { year }
        | PeriodKind::Month { year, .. } => year,
        PeriodKind::Week | PeriodKind::Range => return Some(full),
    };
    let suffix = format!("năm {year}");
    if !one_line(&report.plan.title).trim_end().ends_with(&suffix) {
        return Some(full);
    }
    match period.kind {
        PeriodKind::Year { .. } => None,
        _ => Some(
            full.strip_suffix(&suffix)
                .map_or_else(|| full.clone(), |short| short.trim_end().to_owned()),
        ),
    }
}

pub(super) fn reporter(report: &Report<'_>) -> String {
    match report.request.owner {
        Some(owner) => one_line(describe::unit_full_name(report.plan, owner)),
        None => one_line(&report.plan.agency),
    }
}

pub(super) fn opening(report: &Report<'_>) -> String {
    let language = report.request.language;
    let plan = report.plan;
    let period = period_phrase(&report.request.period, language);
    say(
        language,
        format!(
            "Thực hiện {} của {} về {}, {} báo cáo kết quả thực hiện {period} như sau:",
            plan_reference(plan, language),
            one_line(&plan.agency),
            plan_topic(plan),
            reporter(report)
        ),
        format!(
            "Under {} of the {}, “{}”, the {} reports its results for {period} as follows:",
            plan_reference(plan, language),
            one_line(&plan.agency),
            one_line(&plan.title),
            reporter(report)
        ),
    )
}

pub(super) fn closing(report: &Report<'_>) -> String {
    let language = report.request.language;
    let period = period_phrase(&report.request.period, language);
    say(
        language,
        match after_title(report) {
            Some(within) => format!(
                "Trên đây là báo cáo kết quả thực hiện Kế hoạch {}, {within} của {}./.",
                plan_topic(report.plan),
                reporter(report)
            ),
            None => format!(
                "Trên đây là báo cáo kết quả thực hiện Kế hoạch {} của {}./.",
                plan_topic(report.plan),
                reporter(report)
            ),
        },
        format!(
            "This concludes the report of the {} on “{}” for {period}./.",
            reporter(report),
            one_line(&report.plan.title)
        ),
    )
}

pub(super) fn recipients(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let plan = report.plan;
    let listed: Vec<String> = match report.request.owner {
        Some(owner) => plan
            .reporting
            .iter()
            .filter(|duty| duty.from.iter().any(|from| plan.stands_for(*from, owner)))
            .filter_map(|duty| duty.to)
            .map(|to| one_line(describe::unit_full_name(plan, to)))
            .collect(),
        None => plan
            .report
            .recipients
            .iter()
            .map(|line| one_line(line))
            .collect(),
    };
    // The archive line ("Lưu: VT, HCTH") closes the list, wherever the
    // plan wrote it.
    let is_archive = |line: &String| {
        let line = line.trim_start().trim_start_matches("- ").to_lowercase();
        line.starts_with("lưu") || line.starts_with("luu")
    };
    let (archive, others): (Vec<String>, Vec<String>) = listed.into_iter().partition(is_archive);
    let mut lines: Vec<String> = others
        .iter()
        .map(|line| {
            format!(
                "- {};",
                without_stop(line.trim_start().trim_start_matches("- "))
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push(format!("- {BLANK};"));
    }
    match archive.first() {
        Some(line) => lines.push(format!(
            "- {}.",
            without_stop(line.trim_start().trim_start_matches("- "))
        )),
        None => lines.push(say(language, "- Lưu: VT.", "- Filed: archive.")),
    }
    lines
}

pub(super) fn list_or_none(body: &mut Document, items: Vec<String>, language: Language) {
    if items.is_empty() {
        body.paragraph(say(language, "Không có.", "None."));
    }
    body.list(items);
}
