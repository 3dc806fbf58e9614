//! What frames the department's report, apart from its sections: the
//! document code and signing year of its header, the plan it answers and
//! how it is cited, the subject line, the opening and closing sentences and
//! the recipients. The sections and the appendix draw on these; nothing
//! here knows a section.

use crate::plan::model::{Names, Plan};
use crate::render::describe;
use crate::render::document::Document;
use crate::render::official_document::{Frame, Signature};
use crate::time::period::{PeriodKind, format_day};
use crate::words::labels::Language;
use crate::words::visible::one_line;

use super::Report;
use super::prose::{lowercase_first, period_phrase, say, without_stop};

/// How long a task's text may run in the body before it is cut where a
/// clause ends.
pub(super) const TASK_IN_BODY: usize = 110;

/// How long a task's text may run in the appendix's narrow column.
pub(super) const TASK_IN_APPENDIX: usize = 100;

pub(crate) use crate::render::official_document::BLANK;

/// The names the report is headed and signed with: those in force on the
/// last day of its period (the Q1 report of a department merged on 1 April
/// stays the old department's, whenever it is written).
pub(super) fn names<'p>(report: &Report<'p>) -> Names<'p> {
    report.plan.names_on(report.request.period.end)
}

/// The agency that issued the plan: its name on the day it was issued.
pub(super) fn issuer(plan: &Plan) -> &str {
    let issued = plan
        .issued
        .or_else(|| plan.year_bounds().0.pred_opt())
        .unwrap_or(plan.year_bounds().0);
    plan.names_on(issued).agency
}

/// The department's code after "BC-"; a unit's own report leaves it for the
/// unit's office to write.
pub(super) fn document_code(report: &Report<'_>) -> Option<String> {
    match report.request.owner {
        Some(_) => None,
        None => names(report).code.map(one_line),
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
        None => say(
            language,
            format!("Kết quả thực hiện Kế hoạch {}", titled_with_period(report)),
            format!("Results of “{}”, {period}", one_line(&plan.title)),
        ),
    }
}

/// The plan's topic with the period as an office writes it after it: "…
/// (DDCI) Quý II năm 2024", "… 6 tháng đầu năm 2024", the title's own
/// "năm 2024" giving way to the period's; a year's report of a plan titled
/// with its year adds nothing. Vietnamese only.
fn titled_with_period(report: &Report<'_>) -> String {
    let period = &report.request.period;
    let language = report.request.language;
    let full = period_phrase(period, language);
    let topic = plan_topic(report.plan);
    let year = match period.kind {
        PeriodKind::Quarter { year, .. }
        | PeriodKind::Half { year, .. }
        | PeriodKind::NineMonths { year }
        | PeriodKind::Year { year }
        | PeriodKind::Month { year, .. } => year,
        PeriodKind::Week | PeriodKind::Range => return format!("{topic} {full}"),
    };
    let suffix = format!(" năm {year}");
    match (topic.trim_end().strip_suffix(&suffix), period.kind) {
        (Some(_), PeriodKind::Year { .. }) => topic,
        (Some(without_year), _) => format!("{without_year} {full}"),
        (None, _) => format!("{topic} {full}"),
    }
}

pub(super) fn reporter(report: &Report<'_>) -> String {
    match report.request.owner {
        Some(owner) => one_line(
            report
                .plan
                .unit(owner)
                .names_on(report.request.period.end)
                .0,
        ),
        None => one_line(names(report).agency),
    }
}

/// "Kế hoạch số 45/KH-STTTT ngày 20/01/2025 của Sở Thông tin và Truyền
/// thông về …", with the amendments issued by the period's end
/// ("đã được sửa đổi, bổ sung tại Kế hoạch số 120/KH-SKHCN ngày 15/06/2025").
fn plan_citation(report: &Report<'_>) -> String {
    let language = report.request.language;
    let plan = report.plan;
    let mut citation = say(
        language,
        format!(
            "{} của {} về {}",
            plan_reference(plan, language),
            one_line(issuer(plan)),
            plan_topic(plan)
        ),
        format!(
            "{} of the {}, “{}”",
            plan_reference(plan, language),
            one_line(issuer(plan)),
            one_line(&plan.title)
        ),
    );
    let amendments: Vec<String> = plan
        .amendments_by(report.request.period.end)
        .map(|amendment| {
            let number = amendment
                .number
                .as_deref()
                .map_or_else(|| BLANK.to_owned(), one_line);
            let date = format_day(amendment.date, language);
            say(
                language,
                format!("Kế hoạch số {number} ngày {date}"),
                format!("Plan No. {number} of {date}"),
            )
        })
        .collect();
    if !amendments.is_empty() {
        citation.push_str(&say(
            language,
            format!(" (đã được sửa đổi, bổ sung tại {})", amendments.join(", ")),
            format!(" (as amended by {})", amendments.join(", ")),
        ));
    }
    citation
}

/// What changed in the agency's names during the period, said once after
/// the opening: a reader must know the report spans a merger.
pub(super) fn changes_within(report: &Report<'_>) -> Option<String> {
    let language = report.request.language;
    let plan = report.plan;
    let period = &report.request.period;
    let sentences: Vec<String> = plan
        .name_changes
        .iter()
        .filter(|change| period.start < change.from && change.from <= period.end)
        .filter_map(|change| {
            let before = plan.names_on(change.from.pred_opt()?);
            let after = plan.names_on(change.from);
            let basis = change
                .basis
                .as_deref()
                .map(|basis| {
                    say(
                        language,
                        format!(" theo {}", one_line(basis)),
                        format!(" under {}", one_line(basis)),
                    )
                })
                .unwrap_or_default();
            let from = format_day(change.from, language);
            let what = if before.agency == after.agency {
                // The agency stays; what is above it (the province) changed.
                let parent = |names: &Names<'_>| {
                    names
                        .parent_agency
                        .map_or_else(|| names.province.to_owned(), one_line)
                };
                say(
                    language,
                    format!(
                        "{} trực thuộc {} (trước đây: {})",
                        one_line(after.agency),
                        parent(&after),
                        parent(&before)
                    ),
                    format!(
                        "the {} comes under the {} (before: the {})",
                        one_line(after.agency),
                        parent(&after),
                        parent(&before)
                    ),
                )
            } else {
                say(
                    language,
                    format!(
                        "{} được sắp xếp thành {}",
                        one_line(before.agency),
                        one_line(after.agency)
                    ),
                    format!(
                        "the {} became the {}",
                        one_line(before.agency),
                        one_line(after.agency)
                    ),
                )
            };
            Some(say(
                language,
                format!(
                    "Từ ngày {from}, {what}{basis}; kết quả trong kỳ gồm cả trước và sau ngày này."
                ),
                format!(
                    "From {from}, {what}{basis}; the period's results include both before and \
                     after that day."
                ),
            ))
        })
        .collect();
    let mut sentences = sentences;
    if let Some(ends) = plan
        .in_force
        .ends
        .filter(|ends| period.contains(*ends) && *ends < period.end)
    {
        let reason = plan
            .in_force
            .end_reason
            .as_deref()
            .map(|reason| format!(" ({})", without_stop(&one_line(reason))))
            .unwrap_or_default();
        let last = format_day(ends, language);
        sentences.push(say(
            language,
            format!(
                "Kế hoạch thực hiện đến hết ngày {last}{reason}; kết quả báo cáo tính đến ngày này."
            ),
            format!("The plan ran until {last}{reason}; the results are those up to that day."),
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

pub(super) fn opening(report: &Report<'_>) -> String {
    let language = report.request.language;
    let period = period_phrase(&report.request.period, language);
    say(
        language,
        format!(
            "Thực hiện {}, {} báo cáo kết quả thực hiện {period} như sau:",
            plan_citation(report),
            reporter(report)
        ),
        format!(
            "Under {}, the {} reports its results for {period} as follows:",
            plan_citation(report),
            reporter(report)
        ),
    )
}

pub(super) fn closing(report: &Report<'_>) -> String {
    let language = report.request.language;
    let period = period_phrase(&report.request.period, language);
    say(
        language,
        format!(
            "Trên đây là báo cáo kết quả thực hiện Kế hoạch {} của {}./.",
            titled_with_period(report),
            reporter(report)
        ),
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
            .map(|to| {
                one_line(describe::unit_full_name(
                    plan,
                    to,
                    report.request.period.end,
                ))
            })
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

/// The title a unit's head signs with, by what the unit is, when the plan
/// does not name the head: Thanh tra's is its Chánh Thanh tra.
fn head_by_kind(kind: Option<crate::plan::file::UnitKind>, language: Language) -> String {
    use crate::plan::file::UnitKind;
    match kind {
        Some(UnitKind::Inspectorate) => say(language, "CHÁNH THANH TRA", "CHIEF INSPECTOR"),
        Some(UnitKind::Office) => say(language, "TRƯỞNG PHÒNG", "HEAD OF OFFICE"),
        Some(UnitKind::Centre) => say(language, "GIÁM ĐỐC", "DIRECTOR"),
        _ => say(language, "THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF UNIT"),
    }
}

/// Who sends the report and signs it: the department, signed by the plan's
/// signer; or one unit, under its department, signed by its head.
pub(super) fn frame(report: &Report<'_>) -> Frame {
    let language = report.request.language;
    let plan = report.plan;
    let signer = plan.report.signed_by.as_ref().or(plan.signed_by.as_ref());
    let signature = match (report.request.owner, signer) {
        // A unit's own report, signed by its head as the plan names them.
        (Some(owner), _) => match &plan.unit(owner).head {
            Some(head) => Signature::signed(
                &one_line(&head.title),
                Some(&one_line(&head.name)),
                head.signs_for.as_deref().map(one_line).as_deref(),
                language,
            ),
            None => Signature {
                authority: vec![head_by_kind(plan.unit(owner).kind, language)],
                name: None,
            },
        },
        (None, Some(signer)) => Signature::signed(
            &one_line(&signer.title),
            Some(&one_line(&signer.name)),
            signer.signs_for.as_deref().map(one_line).as_deref(),
            language,
        ),
        (None, None) => Signature {
            authority: vec![say(language, "THỦ TRƯỞNG CƠ QUAN", "HEAD OF AGENCY")],
            name: None,
        },
    };
    let names = names(report);
    let (parent_agency, agency) = match report.request.owner {
        Some(owner) => (
            Some(one_line(names.agency)),
            one_line(plan.unit(owner).names_on(report.request.period.end).0),
        ),
        None => (names.parent_agency.map(one_line), one_line(names.agency)),
    };
    Frame {
        language,
        parent_agency,
        agency,
        code: document_code(report),
        place: Some(one_line(names.place)),
        signed_on: report.request.signed_on,
        signing_year: signing_year(report),
        signature,
    }
}
