//! The status as a document: a summary, the component indices, the tasks
//! grouped by index, and the targets.

use crate::describe;
use crate::document::{Cell, Document, Table, Tone};
use crate::labels::{Label, Language, number};
use crate::period::format_day;
use crate::status::{Assessment, PlanStatus, TargetStatus, TaskState, TaskStatus};

use super::StatusFilter;

/// Task texts are cut to this many characters in tables.
const TASK_TEXT_LIMIT: usize = 70;

pub fn build(status: &PlanStatus<'_>, filter: &StatusFilter, language: Language) -> Document {
    let file = status.file;
    let (tasks, targets) = filter.select(status);
    let mut document = Document::default();
    if let Some(plan) = &file.plan {
        document.heading(1, plan.title.get_ref().clone());
        document.paragraph(format!("{}, {}", plan.agency, plan.province));
    }
    let mut summary = vec![
        format!(
            "{} {} ({})",
            Label::AsOf.text(language),
            format_day(status.as_of, language),
            status.quarter.name(language)
        ),
        format!(
            "{}: {}",
            Label::Tasks.text(language),
            state_counts(&tasks, language)
        ),
        format!(
            "{}: {}",
            Label::Targets.text(language),
            assessment_counts(&targets, language)
        ),
    ];
    let recorded = status.tasks.iter().any(|task| !task.records.is_empty())
        || status
            .targets
            .iter()
            .any(|target| !target.records.is_empty());
    if !recorded {
        summary.push(Label::NothingRecorded.text(language).to_owned());
    }
    let any_score = file.indices.iter().any(|index| {
        index.previous_score.is_some()
            || index.expected_score.is_some()
            || index.previous_rank.is_some()
    });
    if !file.indices.is_empty() && !any_score {
        summary.push(Label::ScoresMissing.text(language).to_owned());
    }
    document.list(summary);

    if tasks.is_empty() && targets.is_empty() {
        document.paragraph(Label::NothingMatches.text(language));
        return document;
    }
    document.heading(2, Label::Indices.text(language));
    document.table(indices_table(status, &tasks, filter, language));

    document.heading(2, Label::Tasks.text(language));
    for (position, index) in file.indices.iter().enumerate() {
        let under: Vec<&&TaskStatus<'_>> = tasks
            .iter()
            .filter(|task| task.task.index.get_ref() == index.id.get_ref())
            .collect();
        if under.is_empty() {
            continue;
        }
        document.heading(
            3,
            format!("{}. {}", position + 1, index_name(index, language)),
        );
        document.table(Table {
            columns: [
                Label::Id,
                Label::Task,
                Label::Lead,
                Label::Status,
                Label::LatestRecord,
                Label::Flags,
            ]
            .iter()
            .map(|label| label.text(language).to_owned())
            .collect(),
            rows: under
                .iter()
                .map(|task| task_row(status, task, language))
                .collect(),
            numeric: Vec::new(),
        });
    }

    if !targets.is_empty() {
        document.heading(2, Label::Targets.text(language));
        document.table(Table {
            columns: [
                Label::Target,
                Label::Baseline,
                Label::Goal,
                Label::LatestValue,
                Label::ThisPeriod,
                Label::Assessment,
            ]
            .iter()
            .map(|label| label.text(language).to_owned())
            .collect(),
            rows: targets
                .iter()
                .map(|target| target_row(target, language))
                .collect(),
            numeric: Vec::new(),
        });
    }
    document
}

pub fn index_name(index: &crate::plan::file::ComponentIndex, language: Language) -> &str {
    match (language, &index.name_en) {
        (Language::En, Some(english)) => english,
        _ => index.name.get_ref(),
    }
}

pub fn state_tone(state: TaskState) -> Tone {
    match state {
        TaskState::Done | TaskState::DoneLate => Tone::Good,
        TaskState::InProgress => Tone::Warning,
        TaskState::Blocked | TaskState::Overdue => Tone::Bad,
        TaskState::NotStarted | TaskState::Cancelled => Tone::Muted,
    }
}

pub fn assessment_tone(assessment: Assessment) -> Tone {
    match assessment {
        Assessment::Met => Tone::Good,
        Assessment::NotYetMet => Tone::Warning,
        Assessment::NotMet => Tone::Bad,
        Assessment::NoData => Tone::Muted,
    }
}

fn state_counts(tasks: &[&TaskStatus<'_>], language: Language) -> String {
    let parts: Vec<String> = TaskState::ALL
        .iter()
        .filter_map(|state| {
            let count = tasks.iter().filter(|task| task.state == *state).count();
            (count > 0).then(|| format!("{} {count}", describe::task_state(*state, language)))
        })
        .collect();
    if parts.is_empty() {
        tasks.len().to_string()
    } else {
        format!("{} — {}", tasks.len(), parts.join(", "))
    }
}

fn assessment_counts(targets: &[&TargetStatus<'_>], language: Language) -> String {
    let parts: Vec<String> = Assessment::ALL
        .iter()
        .filter_map(|assessment| {
            let count = targets
                .iter()
                .filter(|target| target.assessment == *assessment)
                .count();
            (count > 0).then(|| format!("{} {count}", describe::assessment(*assessment, language)))
        })
        .collect();
    if parts.is_empty() {
        targets.len().to_string()
    } else {
        format!("{} — {}", targets.len(), parts.join(", "))
    }
}

fn indices_table(
    status: &PlanStatus<'_>,
    tasks: &[&TaskStatus<'_>],
    filter: &StatusFilter,
    language: Language,
) -> Table {
    let previous = status.year - 1;
    let no_data = || Cell::toned(Label::NoData.text(language), Tone::Muted);
    let mut rows = Vec::new();
    for (position, index) in status.file.indices.iter().enumerate() {
        if filter
            .index
            .as_ref()
            .is_some_and(|wanted| wanted != index.id.get_ref())
        {
            continue;
        }
        let under: Vec<&&TaskStatus<'_>> = tasks
            .iter()
            .filter(|task| task.task.index.get_ref() == index.id.get_ref())
            .collect();
        if under.is_empty() && filter.filters_tasks() {
            continue;
        }
        let count = |states: &[TaskState]| {
            under
                .iter()
                .filter(|task| states.contains(&task.state))
                .count()
                .to_string()
        };
        rows.push(vec![
            Cell::new((position + 1).to_string()),
            Cell::new(index_name(index, language)),
            index.previous_score.as_ref().map_or_else(no_data, |score| {
                Cell::new(number(*score.get_ref(), language))
            }),
            index.previous_rank.as_ref().map_or_else(no_data, |rank| {
                let rank = rank.get_ref();
                Cell::new(match &rank.of {
                    Some(of) => format!("{}/{}", rank.rank.get_ref(), of.get_ref()),
                    None => rank.rank.get_ref().to_string(),
                })
            }),
            index.expected_score.as_ref().map_or_else(no_data, |score| {
                Cell::new(number(*score.get_ref(), language))
            }),
            Cell::new(under.len().to_string()),
            Cell::new(count(&[TaskState::Done, TaskState::DoneLate])),
            Cell::new(count(&[TaskState::InProgress, TaskState::Blocked])),
            Cell::new(count(&[TaskState::NotStarted])),
            Cell::new(count(&[TaskState::Overdue])),
        ]);
    }
    Table {
        columns: vec![
            Label::Number.text(language).to_owned(),
            Label::Index.text(language).to_owned(),
            format!("{} {previous}", Label::Score.text(language)),
            format!("{} {previous}", Label::Rank.text(language)),
            format!("{} {}", Label::ExpectedScore.text(language), status.year),
            Label::Tasks.text(language).to_owned(),
            Label::Done.text(language).to_owned(),
            Label::InProgress.text(language).to_owned(),
            Label::NotStarted.text(language).to_owned(),
            Label::Late.text(language).to_owned(),
        ],
        rows,
        numeric: vec![0, 2, 3, 4, 5, 6, 7, 8, 9],
    }
}

fn task_row(status: &PlanStatus<'_>, task: &TaskStatus<'_>, language: Language) -> Vec<Cell> {
    let file = status.file;
    vec![
        Cell::new(task.task.id.get_ref().clone()),
        Cell::new(describe::shorten(task.task.text.get_ref(), TASK_TEXT_LIMIT)),
        Cell::new(describe::unit_names(file, task.task.lead.get_ref())),
        Cell::toned(
            describe::task_state(task.state, language),
            state_tone(task.state),
        ),
        Cell::new(
            task.last_activity
                .map(|day| format_day(day, language))
                .unwrap_or_default(),
        ),
        Cell::toned(
            task.flags
                .iter()
                .map(|flag| describe::flag(flag, language))
                .collect::<Vec<_>>()
                .join("; "),
            Tone::Bad,
        ),
    ]
}

fn target_row(target: &TargetStatus<'_>, language: Language) -> Vec<Cell> {
    let definition = target.target;
    let latest = target
        .latest
        .map(|record| {
            format!(
                "{}\n({})",
                describe::value(definition, record, language),
                format_day(record.date.get_ref().0, language)
            )
        })
        .unwrap_or_default();
    let this_period = target
        .current
        .map(|current| {
            format!(
                "{}\n({})",
                number(current.amount, language),
                current.period.name(language)
            )
        })
        .unwrap_or_default();
    let assessment = describe::assessment_of(target, language);
    let name = definition
        .measure
        .clone()
        .unwrap_or_else(|| describe::shorten(definition.text.get_ref(), 60));
    vec![
        Cell::new(format!("{}\n{name}", definition.id.get_ref())),
        Cell::new(describe::baseline(target.baseline, language)),
        Cell::new(describe::goal(definition, language)),
        Cell::new(latest),
        Cell::new(this_period),
        Cell::toned(assessment, assessment_tone(target.assessment)),
    ]
}
