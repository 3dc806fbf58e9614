//! The report as a document, in the shape Vietnamese departments file:
//! I. direction, II. results by index and target, III. assessment,
//! IV. next period, V. proposals, and the appendix table of tasks.

use crate::describe;
use crate::document::{Cell, Chart, Document, GoalBar, Table, Tone};
use crate::labels::{Label, Language, number};
use crate::period::format_day;
use crate::plan::model::{Goal, Record, Schedule};
use crate::status::{Assessment, TaskFlag, TaskState};
use crate::status_view::document::{assessment_tone, state_tone};
use crate::visible::one_line;

use super::{DutyDue, NoteKind, Report};

pub fn build(report: &Report<'_>) -> Document {
    let language = report.request.language;
    let text = |label: Label| label.text(language);
    let mut document = Document::default();
    title(report, &mut document);

    document.heading(2, text(Label::SectionDirection));
    direction(report, &mut document);

    document.heading(2, text(Label::SectionResults));
    document.heading(3, text(Label::ResultsByIndex));
    results_by_index(report, &mut document);
    document.heading(3, text(Label::ResultsTargets));
    targets(report, &mut document);

    document.heading(2, text(Label::SectionAssessment));
    document.heading(3, text(Label::Achievements));
    document.list(achievements(report));
    document.heading(3, text(Label::Shortcomings));
    let shortcomings = shortcomings(report);
    if shortcomings.is_empty() {
        document.paragraph(text(Label::Nothing));
    }
    document.list(shortcomings);

    document.heading(2, text(Label::SectionNext));
    let next = next_period(report);
    if next.is_empty() {
        document.paragraph(text(Label::Nothing));
    }
    document.list(next);

    document.heading(2, text(Label::SectionProposals));
    let proposals = notes(report, NoteKind::Proposal);
    if proposals.is_empty() {
        document.paragraph(text(Label::Nothing));
    }
    document.list(proposals);

    document.heading(2, text(Label::Appendix));
    document.table(appendix(report));
    document
}

fn title(report: &Report<'_>, document: &mut Document) {
    let language = report.request.language;
    let period = &report.request.period;
    document.heading(
        1,
        format!(
            "{} {}",
            Label::ReportTitle.text(language),
            period.name(language)
        ),
    );
    let plan = report.plan;
    document.paragraph(match language {
        Language::Vi => format!(
            "{} {}",
            Label::ReportOn.text(language),
            lowercase_first(&plan.title)
        ),
        Language::En => format!("{}: {}", Label::ReportOn.text(language), plan.title),
    });
    let mut facts = vec![format!(
        "{}: {} ({} – {})",
        Label::ReportingPeriod.text(language),
        period.name(language),
        format_day(period.start, language),
        format_day(period.end, language)
    )];
    facts.push(format!(
        "{}: {}",
        Label::DataAsOf.text(language),
        format_day(report.request.as_of.day, language)
    ));
    let unit = match report.request.owner {
        Some(owner) => describe::unit_full_name(plan, owner).to_owned(),
        None => format!("{}, {}", plan.agency, plan.province),
    };
    facts.push(format!("{}: {unit}", Label::ReportingUnit.text(language)));
    document.list(facts);
}

/// "Kế hoạch khắc phục …" reads as "kết quả thực hiện kế hoạch khắc phục …".
fn lowercase_first(text: &str) -> String {
    let mut characters = text.chars();
    characters
        .next()
        .map(|first| first.to_lowercase().chain(characters).collect())
        .unwrap_or_default()
}

fn direction(report: &Report<'_>, document: &mut Document) {
    let language = report.request.language;
    let basis: Vec<String> = report
        .plan
        .based_on
        .iter()
        .map(|basis| {
            let mut words = Vec::new();
            if let Some(kind) = &basis.kind {
                words.push(kind.clone());
            }
            if let Some(number) = &basis.number {
                words.push(match language {
                    Language::Vi => format!("số {number}"),
                    Language::En => format!("No. {number}"),
                });
            }
            if let Some(date) = &basis.date {
                words.push(match language {
                    Language::Vi => format!("ngày {}", format_day(*date, language)),
                    Language::En => format!("of {}", format_day(*date, language)),
                });
            }
            if let Some(issuer) = &basis.issuer {
                words.push(match language {
                    Language::Vi => format!("của {issuer}"),
                    Language::En => format!("by {issuer}"),
                });
            }
            words.push(basis.title.clone());
            words.join(" ")
        })
        .collect();
    if !basis.is_empty() {
        document.paragraph(format!("{}:", Label::BasedOn.text(language)));
        document.list(basis);
    }
    let units = report.reporting_units();
    if units.is_empty() {
        document.paragraph(Label::NoUnitReported.text(language));
    } else {
        let names: Vec<&str> = units
            .iter()
            .map(|unit| describe::unit_full_name(report.plan, *unit))
            .collect();
        document.paragraph(format!(
            "{}: {}.",
            Label::UnitsReported.text(language),
            names.join("; ")
        ));
    }
    if !report.duties.is_empty() {
        document.paragraph(format!("{}:", Label::ReportsDue.text(language)));
        document.list(
            report
                .duties
                .iter()
                .map(|duty| duty_line(report, duty))
                .collect(),
        );
    }
}

fn duty_line(report: &Report<'_>, due: &DutyDue<'_>) -> String {
    let language = report.request.language;
    let duty = due.duty;
    let from: Vec<&str> = duty
        .from
        .iter()
        .map(|unit| describe::unit_full_name(report.plan, *unit))
        .collect();
    let whom = match &duty.to {
        Some(to) => format!(
            "{} {}",
            Label::ReportsTo.text(language),
            describe::unit_full_name(report.plan, *to)
        ),
        None => Label::ReportsAsRequired.text(language).to_owned(),
    };
    let due_on = due;
    let deadline = duty.due_days_after.and_then(|days| {
        let day = report
            .request
            .period
            .end
            .checked_add_days(chrono::Days::new(u64::from(days)))?;
        Some(format!(
            "; {} {}",
            Label::Deadline.text(language),
            format_day(day, language)
        ))
    });
    let owed = if due_on.reports.is_empty() {
        report.request.period.name(language)
    } else {
        due_on
            .reports
            .iter()
            .map(|owed| owed.name(language))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{} {whom} ({owed}){}",
        from.join(", "),
        deadline.unwrap_or_default()
    )
}

fn record_line(report: &Report<'_>, record: &Record, value: Option<String>) -> String {
    let language = report.request.language;
    let mut parts = vec![format_day(record.date, language)];
    if let Some(by) = record.by {
        parts.push(describe::unit_name(report.plan, by).to_owned());
    }
    let mut line = parts.join(", ");
    let mut said = Vec::new();
    if let Some(value) = value {
        said.push(value);
    } else if let Some(status) = record.status {
        said.push(describe::progress(status, language).to_owned());
    }
    // What a unit wrote is one line of the report, whatever line breaks it had.
    if let Some(note) = &record.note {
        said.push(one_line(note));
    }
    if let Some(evidence) = &record.evidence {
        said.push(format!(
            "({}: {})",
            Label::Evidence.text(language),
            one_line(evidence)
        ));
    }
    if !said.is_empty() {
        line.push_str(": ");
        line.push_str(&said.join("; "));
    }
    line
}

fn results_by_index(report: &Report<'_>, document: &mut Document) {
    let language = report.request.language;
    for (number, index) in report.plan.indices.iter().enumerate() {
        let entries: Vec<_> = report
            .tasks
            .iter()
            .filter(|entry| report.task(entry).task.index.0 == number)
            .collect();
        if entries.is_empty() {
            continue;
        }
        let heading = match language {
            Language::Vi => format!("1.{} Chỉ số {}", number + 1, index.name_in(language)),
            Language::En => format!("1.{} {}", number + 1, index.name_in(language)),
        };
        document.heading(4, heading);
        let mut lines = Vec::new();
        let unreported_here: Vec<&str> = report
            .unreported()
            .iter()
            .map(|entry| report.task(entry))
            .filter(|status| status.task.index.0 == number)
            .map(|status| status.task.id.as_str())
            .collect();
        let mut unreported = unreported_here;
        for entry in entries {
            let status = report.task(entry);
            let task = status.task;
            let mut said: Vec<String> = entry
                .in_period
                .iter()
                .map(|record| record_line(report, record, None))
                .collect();
            said.extend(measured_in_period(report, entry));
            if said.is_empty() {
                continue;
            }
            let line = format!(
                "{} {} ({}): {}.",
                task.id,
                describe::shorten(&task.text, 120),
                describe::unit_names(report.plan, &task.lead),
                describe::task_state(status.state, language)
            );
            lines.push((line, said));
        }
        unreported.dedup();
        document.nested_list(lines);
        if !unreported.is_empty() {
            document.paragraph(format!(
                "{}: {}.",
                Label::NoReportInPeriod.text(language),
                unreported.join(", ")
            ));
        }
    }
}

fn targets(report: &Report<'_>, document: &mut Document) {
    let language = report.request.language;
    if report.targets.is_empty() {
        document.paragraph(Label::Nothing.text(language));
        return;
    }
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for entry in &report.targets {
        let status = report.target(entry);
        let target = status.target;
        let latest = status
            .latest
            .map(|record| {
                format!(
                    "{} ({})",
                    describe::value(target, record, language),
                    format_day(record.date, language)
                )
            })
            .unwrap_or_default();
        let counts = match (entry.period_amount, entry.year_to_date) {
            (Some(period), Some(year)) => {
                format!("{} / {}", number(period, language), number(year, language))
            }
            _ => String::new(),
        };
        let assessment = describe::assessment_of(status, language);
        let name = target
            .measure
            .clone()
            .unwrap_or_else(|| describe::shorten(&target.text, 80));
        rows.push(vec![
            Cell::new(target.id.clone()),
            Cell::new(name.clone()),
            Cell::new(describe::baseline(&target.goal, language)),
            Cell::new(describe::goal(target, language)),
            Cell::new(latest),
            Cell::new(counts),
            Cell::toned(assessment, assessment_tone(status.assessment)),
        ]);
        if let Some(bar) = goal_bar(report, entry, name) {
            bars.push(bar);
        }
    }
    document.table(Table {
        columns: [
            Label::Id,
            Label::Target,
            Label::Baseline,
            Label::Goal,
            Label::LatestValue,
            Label::PeriodAndYearToDate,
            Label::Assessment,
        ]
        .iter()
        .map(|label| label.text(language).to_owned())
        .collect(),
        rows,
        numeric: Vec::new(),
    });
    if !bars.is_empty() {
        document.chart(Chart::Goals {
            title: Label::ChartTargets.text(language).to_owned(),
            bars,
        });
    }
    document.chart(task_chart(report));
}

/// Targets measured in percent, counts and deliverables drawn against their goal.
fn goal_bar(report: &Report<'_>, entry: &super::TargetEntry<'_>, label: String) -> Option<GoalBar> {
    let language = report.request.language;
    let status = report.target(entry);
    let target = status.target;
    let value = status.latest.and_then(|record| record.value);
    let (goal, max, value) = match &target.goal {
        Goal::PercentAtLeast { percent, .. } | Goal::PercentAtMost { percent, .. } => {
            (*percent, 100.0, value)
        }
        Goal::All { .. } => (100.0, 100.0, value),
        Goal::Change { percent, .. } => {
            (*percent, percent.max(value.unwrap_or(0.0)).max(1.0), value)
        }
        Goal::CountAtLeast { min, .. } => {
            let min = f64::from(*min);
            (
                min,
                min.max(entry.period_amount.unwrap_or(0.0)).max(1.0),
                entry.period_amount,
            )
        }
        Goal::Deliverable => {
            let done = status.assessment == Assessment::Met;
            (
                1.0,
                1.0,
                status.latest.map(|_| if done { 1.0 } else { 0.0 }),
            )
        }
        _ => return None,
    };
    let shown = match entry.period_amount {
        Some(amount) => format!(
            "{} {}",
            number(amount, language),
            Label::InPeriod.text(language).to_lowercase()
        ),
        None => status.latest.map_or_else(
            || Label::NoData.text(language).to_owned(),
            |record| describe::value(target, record, language),
        ),
    };
    let caption = format!("{shown} / {}", describe::goal(target, language));
    Some(GoalBar {
        label,
        value,
        goal,
        max,
        caption,
        tone: assessment_tone(status.assessment),
    })
}

fn task_chart(report: &Report<'_>) -> Chart {
    let language = report.request.language;
    let groups: [(&[TaskState], Label, Tone); 6] = [
        (
            &[TaskState::Done, TaskState::DoneLate],
            Label::Done,
            Tone::Good,
        ),
        (&[TaskState::InProgress], Label::InProgress, Tone::Warning),
        (
            &[TaskState::Blocked, TaskState::Overdue],
            Label::BlockedOrLate,
            Tone::Bad,
        ),
        (&[TaskState::NotStarted], Label::NotStarted, Tone::Muted),
        (&[TaskState::NoReport], Label::NoReport, Tone::Plain),
        (&[TaskState::Cancelled], Label::Cancelled, Tone::Plain),
    ];
    let rows = report
        .plan
        .indices
        .iter()
        .enumerate()
        .filter_map(|(position, index)| {
            let states: Vec<TaskState> = report
                .tasks
                .iter()
                .map(|entry| report.task(entry))
                .filter(|status| status.task.index.0 == position)
                .map(|status| status.state)
                .collect();
            (!states.is_empty()).then(|| {
                (
                    index.name_in(language).to_owned(),
                    groups
                        .iter()
                        .map(|(members, _, _)| {
                            states
                                .iter()
                                .filter(|state| members.contains(state))
                                .count()
                        })
                        .collect(),
                )
            })
        })
        .collect();
    Chart::Stacked {
        title: Label::ChartTasks.text(language).to_owned(),
        legend: groups
            .iter()
            .map(|(_, label, tone)| (label.text(language).to_owned(), *tone))
            .collect(),
        rows,
    }
}

fn achievements(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let states: Vec<TaskState> = report
        .tasks
        .iter()
        .map(|entry| report.task(entry).state)
        .collect();
    let parts: Vec<String> = TaskState::ALL
        .iter()
        .filter_map(|state| {
            let count = states
                .iter()
                .filter(|candidate| *candidate == state)
                .count();
            (count > 0).then(|| {
                format!(
                    "{} {count}",
                    describe::task_state(*state, language).to_lowercase()
                )
            })
        })
        .collect();
    let mut lines = vec![format!(
        "{}, {} {}: {}.",
        Label::TasksAtPeriodEnd.text(language),
        states.len(),
        Label::Tasks.text(language).to_lowercase(),
        parts.join(", ")
    )];
    let met: Vec<String> = report
        .targets
        .iter()
        .map(|entry| report.target(entry))
        .filter(|status| status.assessment == Assessment::Met)
        .map(|status| {
            status
                .target
                .measure
                .clone()
                .unwrap_or_else(|| status.target.id.clone())
        })
        .collect();
    lines.push(format!(
        "{}: {}/{}{}",
        Label::TargetsMet.text(language),
        met.len(),
        report.targets.len(),
        if met.is_empty() {
            String::new()
        } else {
            format!(" ({})", met.join("; "))
        }
    ));
    let records = report
        .tasks
        .iter()
        .map(|entry| entry.in_period.len())
        .sum::<usize>()
        + report
            .targets
            .iter()
            .map(|entry| entry.in_period.len())
            .sum::<usize>();
    lines.push(format!(
        "{}: {records}.",
        Label::RecordsInPeriod.text(language)
    ));
    lines
}

fn shortcomings(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = notes(report, NoteKind::Shortcoming);
    let behind: Vec<String> = report
        .targets
        .iter()
        .map(|entry| report.target(entry))
        .filter(|status| {
            matches!(
                status.assessment,
                Assessment::NotMet | Assessment::NotYetMet
            )
        })
        .map(|status| {
            let target = status.target;
            let now = status
                .latest
                .map(|record| describe::value(target, record, language))
                .unwrap_or_default();
            format!(
                "{} ({} {}; {} {now}; {})",
                target.measure.clone().unwrap_or_else(|| target.id.clone()),
                Label::Goal.text(language).to_lowercase(),
                describe::goal(target, language),
                Label::Currently.text(language),
                describe::assessment(status.assessment, language).to_lowercase()
            )
        })
        .collect();
    if !behind.is_empty() {
        lines.push(format!(
            "{}: {}.",
            Label::TargetsBehind.text(language),
            behind.join("; ")
        ));
    }
    for (state, label) in [
        (TaskState::Overdue, Label::OverdueTasks),
        (TaskState::Blocked, Label::BlockedTasks),
    ] {
        let ids: Vec<&str> = report
            .tasks
            .iter()
            .map(|entry| report.task(entry))
            .filter(|status| status.state == state)
            .map(|status| status.task.id.as_str())
            .collect();
        if !ids.is_empty() {
            lines.push(format!("{}: {}.", label.text(language), ids.join(", ")));
        }
    }
    let missed: Vec<String> = report
        .tasks
        .iter()
        .filter(|entry| !entry.missed.is_empty())
        .map(|entry| {
            format!(
                "{} ({})",
                report.task(entry).task.id,
                describe::periods_list(&entry.missed, language)
            )
        })
        .collect();
    if !missed.is_empty() {
        lines.push(format!(
            "{}: {}.",
            Label::MissedInPeriod.text(language),
            missed.join("; ")
        ));
    }
    let unreported: Vec<&str> = report
        .unreported()
        .iter()
        .map(|entry| report.task(entry).task.id.as_str())
        .collect();
    if !unreported.is_empty() {
        lines.push(format!(
            "{} ({}): {}.",
            Label::UnreportedTasks.text(language),
            unreported.len(),
            unreported.join(", ")
        ));
    }
    lines
}

fn notes(report: &Report<'_>, kind: NoteKind) -> Vec<String> {
    let language = report.request.language;
    report
        .notes
        .iter()
        .filter(|note| note.kind == kind)
        .map(|note| {
            let by = note
                .record
                .by
                .map(|by| format!("{}, ", describe::unit_name(report.plan, by)))
                .unwrap_or_default();
            format!(
                "{} ({by}{}, {})",
                one_line(note.text),
                note.subject,
                format_day(note.record.date, language)
            )
        })
        .collect()
}

fn next_period(report: &Report<'_>) -> Vec<String> {
    let language = report.request.language;
    let mut lines = Vec::new();
    let ongoing: Vec<&str> = report
        .tasks
        .iter()
        .map(|entry| report.task(entry))
        .filter(|status| status.task.schedule.is_continuing() && !status.state.is_finished())
        .map(|status| status.task.id.as_str())
        .collect();
    if !ongoing.is_empty() {
        lines.push(format!(
            "{} ({}).",
            Label::ContinueOngoing.text(language),
            ongoing.len()
        ));
    }
    for entry in &report.targets {
        let status = report.target(entry);
        if status.assessment != Assessment::NotYetMet {
            continue;
        }
        let target = status.target;
        let now = status
            .latest
            .map(|record| describe::value(target, record, language))
            .unwrap_or_default();
        lines.push(format!(
            "{}: {} ({}; {} {now}).",
            Label::StriveFor.text(language),
            target.measure.clone().unwrap_or_else(|| target.id.clone()),
            describe::goal(target, language),
            Label::Currently.text(language)
        ));
    }
    for (state, label) in [
        (TaskState::Blocked, Label::Resolve),
        (TaskState::Overdue, Label::Complete),
    ] {
        for entry in &report.tasks {
            let status = report.task(entry);
            if status.state == state {
                lines.push(format!(
                    "{} {}: {}",
                    label.text(language),
                    status.task.id,
                    describe::shorten(&status.task.text, 100)
                ));
            }
        }
    }
    lines
}

fn appendix(report: &Report<'_>) -> Table {
    let language = report.request.language;
    let rows = report
        .tasks
        .iter()
        .enumerate()
        .map(|(position, entry)| {
            let status = report.task(entry);
            let task = status.task;
            let mut results: Vec<String> = entry
                .in_period
                .iter()
                .map(|record| record_line(report, record, None))
                .collect();
            results.extend(measured_in_period(report, entry));
            // Missed events are those of the period, as in section III; the
            // other flags say where the task stands at the period's end.
            let mut notes: Vec<String> = status
                .flags
                .iter()
                .filter(|flag| !matches!(flag, TaskFlag::NotRecorded { .. }))
                .map(|flag| describe::flag(flag, language))
                .collect();
            if !entry.missed.is_empty() {
                notes.push(format!(
                    "{}: {}",
                    Label::NotRecorded.text(language),
                    describe::periods_list(&entry.missed, language)
                ));
            }
            if results.is_empty() && !entry.reported {
                notes.insert(0, Label::NoReportInPeriod.text(language).to_owned());
            }
            vec![
                Cell::new((position + 1).to_string()),
                Cell::new(format!("{} {}", task.id, &task.text)),
                Cell::new(describe::unit_names(report.plan, &task.lead)),
                Cell::new(describe::unit_names(report.plan, &task.coordinating)),
                Cell::new(schedule_text(status.task, language)),
                Cell::new(results.join("\n")),
                Cell::toned(
                    describe::task_state(status.state, language),
                    state_tone(status.state),
                ),
                Cell::new(notes.join("; ")),
            ]
        })
        .collect();
    Table {
        columns: [
            Label::Number,
            Label::Task,
            Label::Lead,
            Label::Coordinating,
            Label::Schedule,
            Label::Result,
            Label::Status,
            Label::Notes,
        ]
        .iter()
        .map(|label| label.text(language).to_owned())
        .collect(),
        rows,
        numeric: vec![0],
    }
}

/// What the task's targets measured in the period: "Số buổi tiếp công dân: 3".
fn measured_in_period(report: &Report<'_>, task: &super::TaskEntry<'_>) -> Vec<String> {
    let language = report.request.language;
    let task = report.task(task).task;
    report
        .targets
        .iter()
        .filter(|entry| !entry.in_period.is_empty())
        .filter(|entry| {
            report
                .target(entry)
                .target
                .task
                .is_some_and(|of| report.plan.task(of).id == task.id)
        })
        .map(|entry| {
            let target = report.target(entry).target;
            let name = target.measure.clone().unwrap_or_else(|| target.id.clone());
            let value = match entry.period_amount {
                Some(amount) => number(amount, language),
                None => entry
                    .in_period
                    .last()
                    .map(|record| describe::value(target, record, language))
                    .unwrap_or_default(),
            };
            format!("{name}: {value}")
        })
        .collect()
}

/// The schedule in the plan's own words, else from its dates.
fn schedule_text(task: &crate::plan::model::Task, language: Language) -> String {
    if let Some(text) = &task.schedule_text {
        return text.trim_end_matches('.').to_owned();
    }
    match &task.schedule {
        Schedule::Ongoing => Label::Ongoing.text(language).to_owned(),
        Schedule::Due { due, .. } => format!(
            "{} {}",
            Label::DueOn.text(language),
            format_day(*due, language)
        ),
        Schedule::Recurring(rule) => crate::labels::frequency_word(rule.every, language).to_owned(),
    }
}
