//! Blanks left to fill in: `ddci init` writes "…" where only the office can
//! say what goes (the agency, the province above it, a task's text). A plan
//! that still holds one is not ready: its reports would print "Sở …".
//! The plans ddci is built around never use the ellipsis character in their
//! names or texts; three dots typed as `...` are left alone.

use super::Context;
use crate::plan::spanned::Spanned;
use crate::read::diagnostic::Diagnostic;

/// The mark `ddci init` leaves in each blank.
pub const BLANK: char = '…';

pub fn check(context: &Context<'_>, found: &mut Vec<Diagnostic>) {
    let file = context.file;
    let mut texts: Vec<(&Spanned<String>, &str)> = Vec::new();
    if let Some(plan) = &file.plan {
        texts.push((&plan.title, "title"));
        texts.push((&plan.agency, "agency"));
        texts.push((&plan.province, "province"));
        texts.extend(
            plan.agency_short
                .iter()
                .map(|short| (short, "agency_short")),
        );
        texts.extend(
            plan.parent_agency
                .iter()
                .map(|parent| (parent, "parent_agency")),
        );
    }
    texts.extend(file.units.iter().map(|unit| (&unit.name, "name")));
    texts.extend(file.indices.iter().map(|index| (&index.name, "name")));
    texts.extend(file.tasks.iter().map(|task| (&task.text, "text")));
    texts.extend(file.targets.iter().map(|target| (&target.text, "text")));
    for (text, key) in texts {
        if text.get_ref().contains(BLANK) {
            let shown = text.get_ref();
            found.push(
                Diagnostic::error(
                    "blank-to-fill-in",
                    crate::say!(
                        "`{key}` còn chỗ trống “…” chưa điền: “{shown}”",
                        "`{key}` still has a blank “…” to fill in: “{shown}”"
                    ),
                )
                .at(text.span())
                .label(crate::say!("điền vào chỗ “…”", "fill in the “…”"))
                .help(crate::say!(
                    "thay “…” bằng nội dung thật (tên cơ quan, tỉnh, nội dung nhiệm vụ); `ddci init` để lại dấu này ở những chỗ chỉ văn phòng mới biết",
                    "replace the “…” with what it stands for (the agency, the province, the task's text); `ddci init` leaves it where only the office knows"
                )),
            );
        }
    }
}
