//! What changes on a date, from the file to the model: the plan's
//! amendments and its names from a date, and when each unit, task, target
//! and duty is in force. The dates' own sense (a beginning after an end, a
//! change outside the plan's years) is the `through_time` validation rule's.

use chrono::NaiveDate;

use super::Builder;
use crate::plan::date::PlanDate;
use crate::plan::file::{self, Id, Spanned};
use crate::plan::model::{Amendment, AmendmentRef, InForce, NameChange};
use crate::read::diagnostic::Diagnostic;

fn day(date: Option<&Spanned<PlanDate>>) -> Option<NaiveDate> {
    date.map(|date| date.get_ref().0)
}

fn text(value: Option<&Spanned<String>>) -> Option<String> {
    value.map(|value| value.get_ref().clone())
}

impl Builder<'_, '_> {
    /// The plan's amendments, in date order, each known by its id from now on.
    pub(super) fn amendments(&mut self) -> Vec<Amendment> {
        let Some(header) = self.file.plan.as_ref() else {
            return Vec::new();
        };
        let mut amendments: Vec<Amendment> = header
            .amendments
            .iter()
            .map(|amendment| Amendment {
                id: amendment.id.get_ref().clone(),
                number: text(amendment.number.as_ref()),
                date: amendment.date.get_ref().0,
                title: amendment.title.clone(),
                summary: amendment.summary.clone(),
            })
            .collect();
        amendments.sort_by_key(|amendment| amendment.date);
        for (position, amendment) in amendments.iter().enumerate() {
            self.amendment_ids
                .insert(amendment.id.clone(), AmendmentRef(position));
        }
        amendments
    }

    /// The amendment `id` names; an id no amendment has is an error.
    pub(super) fn amendment_ref(&mut self, id: Option<&Id>) -> Option<AmendmentRef> {
        let id = id?;
        if let Some(found) = self.amendment_ids.get(id.get_ref()) {
            return Some(*found);
        }
        let known: Vec<&str> = self.amendment_ids.keys().map(String::as_str).collect();
        let help = crate::words::suggest::did_you_mean(id.get_ref(), known.iter().copied())
            .unwrap_or_else(|| {
                crate::say!(
                    "ghi quyết định sửa đổi, bổ sung vào [[plan.amendments]] với mã này",
                    "list the amending decision under [[plan.amendments]] with this id"
                )
            });
        let name = id.get_ref();
        self.found.push(
            Diagnostic::error(
                "unknown-amendment",
                crate::say!(
                    "không có văn bản sửa đổi nào mang mã `{name}`",
                    "no amendment has the id `{name}`"
                ),
            )
            .at(id.span())
            .label(crate::say!(
                "không có trong [[plan.amendments]]",
                "not in [[plan.amendments]]"
            ))
            .help(help),
        );
        self.ok = false;
        None
    }

    /// When something is in force, from its `begins`, `ends`, reason and
    /// amendment.
    pub(super) fn in_force(
        &mut self,
        begins: Option<&Spanned<PlanDate>>,
        ends: Option<&Spanned<PlanDate>>,
        end_reason: Option<&String>,
        amendment: Option<&Id>,
    ) -> InForce {
        InForce {
            begins: day(begins),
            ends: day(ends),
            end_reason: end_reason.cloned(),
            amendment: self.amendment_ref(amendment),
        }
    }

    /// The plan's names from a date on, in date order.
    pub(super) fn name_changes(header: &file::PlanHeader) -> Vec<NameChange> {
        let mut changes: Vec<NameChange> = header
            .changes
            .iter()
            .map(|change| NameChange {
                from: change.from.get_ref().0,
                agency: text(change.agency.as_ref()),
                agency_short: change.agency_short.clone(),
                province: text(change.province.as_ref()),
                parent_agency: text(change.parent_agency.as_ref()),
                code: text(change.code.as_ref()),
                place: text(change.place.as_ref()),
                basis: change.basis.clone(),
            })
            .collect();
        changes.sort_by_key(|change| change.from);
        changes
    }
}
