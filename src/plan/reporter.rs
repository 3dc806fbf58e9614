//! Who reports what: the tasks a unit answers for in its form and its own
//! report, and the one unit that reports each target's figure, so that one
//! form asks for it and two units' figures for one day are a conflict, not
//! two results.
//!
//! A unit answers for the tasks it leads or coordinates, itself or as a
//! member of a group the plan lists members for (each member reports its
//! own part). A task led only by groups whose members the plan does not
//! list ("Các phòng, đơn vị thuộc Sở") names nobody in particular: the
//! office the reports go to answers for it.
//!
//! The plan may name the unit (`reported_by`); else the target's task's lead
//! when that is one unit (not a group); else the office the units' reports
//! go to (a reporting duty's `to`, or the plan's only office), which
//! compiles the department's figures.
//! A figure of the published DDCI result (a rank, a score, a band) is
//! entered with `ddci result`, not reported by a unit.

use super::model::{Plan, Target, Task, UnitRef};
use super::target_kind::{Measure, Quantity};

/// Who reports a target's figure, and why them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reporter {
    /// The unit the plan names (`reported_by`).
    Named(UnitRef),
    /// The task's one lead unit.
    Lead(UnitRef),
    /// The office the units' reports go to.
    Office(UnitRef),
    /// The figure is the published DDCI result, entered by `ddci result`.
    Results,
    /// Nobody: the task has several leads or a group, and no reporting duty
    /// names the office reports go to.
    Nobody,
}

impl Reporter {
    /// The unit that reports, if one does.
    pub fn unit(self) -> Option<UnitRef> {
        match self {
            Self::Named(unit) | Self::Lead(unit) | Self::Office(unit) => Some(unit),
            Self::Results | Self::Nobody => None,
        }
    }
}

impl Plan {
    /// Who reports `target`'s figure.
    pub fn reporter(&self, target: &Target) -> Reporter {
        if let Some(unit) = target.reported_by {
            return Reporter::Named(unit);
        }
        let from_results = matches!(
            target.goals.first().measure(),
            Measure::Value(Quantity::Rank | Quantity::Score | Quantity::Band | Quantity::Fallen)
        );
        if target.task.is_none() && from_results {
            return Reporter::Results;
        }
        let lead = target.task.map(|task| self.task(task).lead.as_slice());
        if let Some(&[only]) = lead
            && !self.unit(only).is_group()
        {
            return Reporter::Lead(only);
        }
        self.compiling_office()
            .map_or(Reporter::Nobody, Reporter::Office)
    }

    /// Whether `unit` answers for `task` in its form and its own report.
    pub fn answers_for(&self, task: &Task, unit: UnitRef) -> bool {
        self.owns(task, unit, false)
            || (self.names_no_lead(task)
                && self
                    .compiling_office()
                    .is_some_and(|office| self.stands_for(office, unit)))
    }

    /// Whether `unit` leads `task` in its form: it leads it, itself or as a
    /// member, or it is the office that answers for a task whose leads name
    /// nobody in particular.
    pub fn leads_in_its_form(&self, task: &Task, unit: UnitRef) -> bool {
        self.owns(task, unit, true) || (self.answers_for(task, unit) && self.names_no_lead(task))
    }

    /// Whether every lead of `task` is a group with no members listed.
    pub fn names_no_lead(&self, task: &Task) -> bool {
        task.lead.iter().all(|lead| {
            let unit = self.unit(*lead);
            unit.is_group() && unit.members.is_empty()
        })
    }

    /// Whether `unit` reports `target`'s figure: it is the reporter, or took
    /// over from it.
    pub fn reports(&self, target: &Target, unit: UnitRef) -> bool {
        self.reporter(target)
            .unit()
            .is_some_and(|reporter| self.stands_for(reporter, unit))
    }

    /// The office the units' reports go to: the first reporting duty's `to`;
    /// in a plan of one office or unit, that one.
    pub fn compiling_office(&self) -> Option<UnitRef> {
        self.reporting.iter().find_map(|duty| duty.to).or_else(|| {
            let mut offices = (0..self.units.len())
                .map(UnitRef)
                .filter(|unit| self.unit(*unit).is_office_or_unit());
            match (offices.next(), offices.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Reporter;
    use crate::plan::build::tests::{codes, plan_from};
    use crate::plan::model::UnitRef;

    /// Units: `hc` (the office reports go to, when `to` is given), `tt`,
    /// `bgd` (leadership), `nhom` (a group with `tt` listed), `chung` (a
    /// group with no members listed).
    fn plan_text(duty_to: bool, target: &str, lead: &str) -> String {
        let to = if duty_to { "to = \"hc\"\n" } else { "" };
        format!(
            "[plan]\ntitle = \"T\"\nagency = \"A\"\nprovince = \"P\"\nyear = 2024\n\n\
             [[units]]\nid = \"hc\"\nname = \"HC\"\nkind = \"office\"\n\n\
             [[units]]\nid = \"tt\"\nname = \"TT\"\nkind = \"inspectorate\"\n\n\
             [[units]]\nid = \"bgd\"\nname = \"BGD\"\nkind = \"leadership\"\n\n\
             [[units]]\nid = \"nhom\"\nname = \"Nhom\"\nkind = \"group\"\nmembers = [\"tt\"]\n\n\
             [[units]]\nid = \"chung\"\nname = \"Chung\"\nkind = \"group\"\n\n\
             [[indices]]\nid = \"i\"\nname = \"I\"\n\n\
             [[tasks]]\nid = \"t\"\nindex = \"i\"\ntext = \"x\"\nlead = {lead}\nschedule = {{ kind = \"ongoing\" }}\n\n\
             [[targets]]\nid = \"g\"\ntext = \"goal\"\n{target}\n\n\
             [[reporting]]\nfrom = [\"tt\"]\n{to}periods = [\"quarter\"]\n"
        )
    }

    #[test]
    fn one_unit_reports_each_figure() {
        let percent = "kind = \"percent_at_least\"\npercent = 80\n";
        let of_task = "kind = \"percent_at_least\"\npercent = 80\ntask = \"t\"\n";
        let rank = "kind = \"rank_improvement\"\nplaces = 2\n";
        let (hc, tt, bgd) = (UnitRef(0), UnitRef(1), UnitRef(2));
        let cases: [(&str, bool, String, &str, Reporter); 10] = [
            (
                "named",
                true,
                format!("{of_task}reported_by = \"bgd\""),
                "[\"tt\"]",
                Reporter::Named(bgd),
            ),
            (
                "one lead",
                true,
                of_task.to_owned(),
                "[\"tt\"]",
                Reporter::Lead(tt),
            ),
            (
                "one lead, no duty's office",
                false,
                of_task.to_owned(),
                "[\"tt\"]",
                Reporter::Lead(tt),
            ),
            (
                "two leads",
                true,
                of_task.to_owned(),
                "[\"tt\", \"bgd\"]",
                Reporter::Office(hc),
            ),
            (
                "a group with members",
                true,
                of_task.to_owned(),
                "[\"nhom\"]",
                Reporter::Office(hc),
            ),
            (
                "a group with none listed",
                true,
                of_task.to_owned(),
                "[\"chung\"]",
                Reporter::Office(hc),
            ),
            (
                "two leads, no office",
                false,
                of_task.to_owned(),
                "[\"tt\", \"bgd\"]",
                Reporter::Nobody,
            ),
            (
                "no task",
                true,
                percent.to_owned(),
                "[\"tt\"]",
                Reporter::Office(hc),
            ),
            (
                "no task, no office",
                false,
                percent.to_owned(),
                "[\"tt\"]",
                Reporter::Nobody,
            ),
            (
                "the published rank",
                true,
                rank.to_owned(),
                "[\"tt\"]",
                Reporter::Results,
            ),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(name, to, target, lead, expected)| {
                let text = plan_text(*to, target, lead);
                let plan = plan_from(&text);
                let got = plan.reporter(&plan.targets[0]);
                let warned = codes(&text).contains(&"target-without-reporter");
                let wrong = got != *expected || warned != (*expected == Reporter::Nobody);
                wrong.then(|| {
                    format!("{name}: expected {expected:?}, got {got:?} (warned: {warned})")
                })
            })
            .collect();
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn a_group_cannot_report_a_figure() {
        let text = plan_text(
            true,
            "kind = \"percent_at_least\"\npercent = 80\nreported_by = \"nhom\"",
            "[\"tt\"]",
        );
        assert_eq!(codes(&text), ["reported-by-group"]);
        let text = plan_text(
            true,
            "kind = \"percent_at_least\"\npercent = 80\nreported_by = \"nobody\"",
            "[\"tt\"]",
        );
        assert_eq!(codes(&text), ["unknown-reference"]);
    }

    /// Who answers for a task in its form: the leads and coordinators, the
    /// members of a group listed, and for a task whose leads name nobody in
    /// particular, the office the reports go to.
    #[test]
    fn each_unit_answers_for_its_own_tasks() {
        let (hc, tt, bgd) = (UnitRef(0), UnitRef(1), UnitRef(2));
        let cases: [(&str, bool, [bool; 3]); 5] = [
            ("[\"tt\"]", true, [false, true, false]),
            ("[\"nhom\"]", true, [false, true, false]),
            ("[\"chung\"]", true, [true, false, false]),
            ("[\"chung\", \"bgd\"]", true, [false, false, true]),
            // No office named: nobody in particular answers.
            ("[\"chung\"]", false, [false, false, false]),
        ];
        for (lead, to, expected) in cases {
            let plan = plan_from(&plan_text(
                to,
                "kind = \"percent_at_least\"\npercent = 80\nreported_by = \"hc\"",
                lead,
            ));
            let got = [hc, tt, bgd].map(|unit| plan.answers_for(&plan.tasks[0], unit));
            assert_eq!(got, expected, "lead {lead}, office named: {to}");
        }
    }
}
