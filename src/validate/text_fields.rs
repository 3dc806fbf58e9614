//! Every id is a plain word and every text says something: an empty id, or
//! one with spaces around it (`" 1.1"` shown beside `"1.1"`), cannot be told
//! apart in a report, and a blank task or note says nothing to its reader.

use super::Context;
use crate::plan::file::Id;
use crate::plan::spanned::Spanned;
use crate::read::diagnostic::Diagnostic;

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    let ids = file
        .units
        .iter()
        .map(|unit| &unit.id)
        .chain(file.indices.iter().map(|index| &index.id))
        .chain(file.tasks.iter().map(|task| &task.id))
        .chain(file.targets.iter().map(|target| &target.id))
        .chain(file.reporting.iter().filter_map(|duty| duty.id.as_ref()))
        .chain(
            context
                .records()
                .filter_map(|(_, record)| record.id.as_ref()),
        );
    for id in ids {
        check_id(id, found);
    }
    let texts = file
        .plan
        .iter()
        .map(|plan| (&plan.title, "title"))
        .chain(file.units.iter().map(|unit| (&unit.name, "name")))
        .chain(file.indices.iter().map(|index| (&index.name, "name")))
        .chain(file.tasks.iter().map(|task| (&task.text, "text")))
        .chain(
            file.tasks
                .iter()
                .filter_map(|task| task.short.as_ref().map(|short| (short, "short"))),
        )
        .chain(file.targets.iter().map(|target| (&target.text, "text")));
    for (text, key) in texts {
        check_text(text, key, found);
    }
    // What a report's header and signature print.
    if let Some(plan) = &file.plan {
        let optional = [
            (&plan.number, "number"),
            (&plan.parent_agency, "parent_agency"),
            (&plan.code, "code"),
            (&plan.place, "place"),
        ];
        for (text, key) in optional {
            if let Some(text) = text {
                check_text(text, key, found);
            }
        }
        let report = plan.report.as_ref();
        for line in report.into_iter().flat_map(|report| &report.recipients) {
            check_text(line, "recipients", found);
        }
        check_signers(file, plan, found);
    }
    for (_, record) in context.records() {
        for (key, text) in [
            ("note", &record.note),
            ("evidence", &record.evidence),
            ("shortcoming", &record.shortcoming),
            ("cause", &record.cause),
            ("proposal", &record.proposal),
        ] {
            if text.as_deref().is_some_and(is_blank) {
                found.push(
                    Diagnostic::error(
                        "blank-text",
                        crate::say!(
                            "`{key}` của bản ghi này để trống",
                            "this record's `{key}` is blank"
                        ),
                    )
                    .at(record.date.span())
                    .label(crate::say!(
                        "bản ghi có `{key}` để trống",
                        "record with a blank `{key}`"
                    ))
                    .help(crate::say!(
                        "hãy viết nội dung cho `{key}`, hoặc bỏ nó đi",
                        "write what the `{key}` says, or remove it"
                    )),
                );
            }
        }
    }
}

/// Who signs, and for whom: a deputy signs for the head, never for their own title.
fn check_signers(
    file: &crate::plan::file::PlanFile,
    plan: &crate::plan::file::PlanHeader,
    found: &mut Vec<Diagnostic>,
) {
    let report = plan.report.as_ref();
    let signers = plan
        .signed_by
        .iter()
        .chain(report.and_then(|report| report.signed_by.as_ref()))
        .chain(file.units.iter().filter_map(|unit| unit.head.as_ref()));
    for signer in signers {
        check_text(&signer.title, "title", found);
        check_text(&signer.name, "name", found);
        if let Some(head) = &signer.signs_for {
            check_text(head, "signs_for", found);
            let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
            if same(head.get_ref(), signer.title.get_ref()) {
                let title = head.get_ref().trim();
                found.push(
                    Diagnostic::error(
                        "signs-for-self",
                        crate::say!(
                            "người ký lại ký thay “{title}”, chính là chức danh của mình",
                            "the signer signs for “{title}”, the title they hold themselves"
                        ),
                    )
                    .at(head.span())
                    .label(crate::say!(
                        "chức danh của chính người ký",
                        "the signer's own title"
                    ))
                    .help(crate::say!(
                        "`signs_for` là chức danh của thủ trưởng (\"Giám đốc\") khi cấp phó (`title = \"Phó Giám đốc\"`) ký thay",
                        "`signs_for` is the head's title (\"Giám đốc\") when a deputy (`title = \"Phó Giám đốc\"`) signs for them"
                    )),
                );
            }
        }
    }
}

fn check_id(id: &Id, found: &mut Vec<Diagnostic>) {
    let text = id.get_ref();
    let problem = if text.is_empty() {
        Some(crate::say!(
            "mã không được để trống",
            "an id cannot be empty"
        ))
    } else if text.trim() != text {
        Some(crate::say!(
            "mã không được bắt đầu hay kết thúc bằng dấu cách",
            "an id cannot start or end with a space"
        ))
    } else if text.chars().any(char::is_control) {
        Some(crate::say!(
            "mã không được chứa ký tự điều khiển",
            "an id cannot hold a control character"
        ))
    } else if text.chars().any(crate::words::visible::invisible) {
        Some(crate::say!(
            "mã không được chứa ký tự vô hình (dấu cách độ rộng bằng không, dấu định hướng chữ viết)",
            "an id cannot hold an invisible character (a zero-width space, a bidi mark)"
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        found.push(
            Diagnostic::error("invalid-id", problem)
                .at(id.span())
                .help(crate::say!(
                    "viết mã thành một từ, ví dụ \"3.5\" hoặc \"dvctt-toan-trinh\"",
                    "write the id as one word, e.g. \"3.5\" or \"dvctt-toan-trinh\""
                )),
        );
    }
}

fn check_text(text: &Spanned<String>, key: &str, found: &mut Vec<Diagnostic>) {
    if is_blank(text.get_ref()) {
        found.push(
            Diagnostic::error(
                "blank-text",
                crate::say!("`{key}` để trống", "`{key}` is blank"),
            )
            .at(text.span())
            .label(crate::say!("không có nội dung", "says nothing"))
            .help(crate::say!(
                "hãy viết nội dung của kế hoạch vào `{key}`",
                "write the plan's own words in `{key}`"
            )),
        );
    }
}

/// Empty, or only spaces and invisible characters (a zero-width space).
fn is_blank(text: &str) -> bool {
    text.chars().all(|character| {
        character.is_whitespace()
            || matches!(character, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    })
}
