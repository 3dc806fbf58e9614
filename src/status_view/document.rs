//! The status as a document: a summary, the component indices, the tasks
//! grouped by index, the targets, and each unit's periodic reports.

use crate::judge::reports_owed::{self, OwedReport, ReportState};
use crate::judge::status::{Assessment, PlanStatus, TargetStatus, TaskState, TaskStatus};
use crate::render::describe;
use crate::render::document::{Cell, Document, Table, Tone};
use crate::time::period::format_day;
use crate::words::labels::{Label, Language, number};

use super::StatusFilter;

/// Task texts are cut to this many characters in tables.
const TASK_TEXT_LIMIT: usize = 70;

pub fn build(status: &PlanStatus<'_>, filter: &StatusFilter, language: Language) -> Document {
    let plan = status.plan;
    let (tasks, targets) = filter.select(status);
    let mut document = Document::default();
    document.heading(1, plan.title.clone());
    let names = plan.names_on(status.as_of);
    document.paragraph(format!("{}, {}", names.agency, names.province));
    let mut lines = summary(status, &tasks, &targets, language);
    if let Some(ended) = plan_ended(status, language) {
        lines.insert(1, ended);
    }
    if let Some(scope) = scope(status, filter, language) {
        lines.insert(1, scope);
    }
    document.list(lines);

    if tasks.is_empty() && targets.is_empty() {
        document.paragraph(Label::NothingMatches.text(language));
        // Overdue reports are still overdue when no task is.
        if filter.keeps_reports() {
            reports_section(status, filter, language, &mut document);
        }
        return document;
    }
    document.heading(2, Label::Indices.text(language));
    document.table(indices_table(status, &tasks, filter, language));

    document.heading(2, Label::Tasks.text(language));
    for (position, index) in plan.indices.iter().enumerate() {
        let under: Vec<&TaskStatus<'_>> = tasks
            .iter()
            .copied()
            .filter(|task| task.task.index.0 == position)
            .collect();
        if under.is_empty() {
            continue;
        }
        document.heading(3, format!("{}. {}", position + 1, index.name_in(language)));
        document.table(tasks_table(status, &under, language));
    }

    if !targets.is_empty() {
        document.heading(2, Label::Targets.text(language));
        document.table(targets_table(&targets, language));
    }
    if filter.keeps_reports() {
        reports_section(status, filter, language, &mut document);
    }
    document
}

/// Whose view it is, when it is one unit's: "Phạm vi: nhiệm vụ Thanh tra Sở
/// chủ trì hoặc phối hợp".
fn scope(status: &PlanStatus<'_>, filter: &StatusFilter, language: Language) -> Option<String> {
    let owner = filter.owner?;
    let name =
        crate::words::visible::one_line(describe::unit_full_name(status.plan, owner, status.as_of));
    Some(match (language, filter.lead_only) {
        (Language::Vi, false) => format!("Phạm vi: nhiệm vụ {name} chủ trì hoặc phối hợp"),
        (Language::Vi, true) => format!("Phạm vi: nhiệm vụ {name} chủ trì"),
        (Language::En, false) => format!("Showing: the tasks {name} leads or coordinates"),
        (Language::En, true) => format!("Showing: the tasks {name} leads"),
    })
}

/// "Kế hoạch dừng thực hiện từ 01/07/2025 (…)", once the plan has stopped.
fn plan_ended(status: &PlanStatus<'_>, language: Language) -> Option<String> {
    let in_force = &status.plan.in_force;
    let last_day = in_force.ends.filter(|ends| *ends <= status.as_of)?;
    let from = format_day(last_day.succ_opt().unwrap_or(last_day), language);
    let reason = in_force
        .end_reason
        .as_deref()
        .map(|reason| format!(" ({})", crate::words::visible::one_line(reason)))
        .unwrap_or_default();
    Some(match language {
        Language::Vi => format!("Kế hoạch dừng thực hiện từ ngày {from}{reason}"),
        Language::En => format!("The plan stopped on {from}{reason}"),
    })
}

/// The summary's lines: the day, the tasks and targets by state, the
/// previous year's result, and what the plan still lacks.
fn summary(
    status: &PlanStatus<'_>,
    tasks: &[&TaskStatus<'_>],
    targets: &[&TargetStatus<'_>],
    language: Language,
) -> Vec<String> {
    let plan = status.plan;
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
            state_counts(tasks, language)
        ),
        format!(
            "{}: {}",
            Label::Targets.text(language),
            assessment_counts(targets, language)
        ),
    ];
    summary.extend(overall_result(plan, status.as_of, language));
    let recorded = status.tasks.iter().any(|task| !task.records.is_empty())
        || status
            .targets
            .iter()
            .any(|target| !target.records.is_empty());
    if !recorded {
        summary.push(Label::NothingRecorded.text(language).to_owned());
    }
    let any_score = plan.indices.iter().any(|index| !index.scores.is_empty());
    if !plan.indices.is_empty() && !any_score {
        summary.push(Label::ScoresMissing.text(language).to_owned());
    }
    summary
}

/// The tasks under one component index, a row each.
fn tasks_table(status: &PlanStatus<'_>, tasks: &[&TaskStatus<'_>], language: Language) -> Table {
    Table {
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
        rows: tasks
            .iter()
            .map(|task| task_row(status, task, language))
            .collect(),
        numeric: Vec::new(),
    }
}

fn targets_table(targets: &[&TargetStatus<'_>], language: Language) -> Table {
    Table {
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
    }
}

/// Each unit's periodic reports whose period is over: sent (when), late, or
/// awaited where the plan sets no due date.
fn reports_section(
    status: &PlanStatus<'_>,
    filter: &StatusFilter,
    language: Language,
    document: &mut Document,
) {
    let plan = status.plan;
    let vi = language == Language::Vi;
    let owed: Vec<OwedReport<'_>> = reports_owed::owed(plan, status.moment)
        .into_iter()
        .filter(|owed| status.moment.passed(owed.period().end))
        .filter(|owed| filter.keeps_reporter(plan, owed.reporter))
        .filter(|owed| !filter.overdue || owed.state == ReportState::Late)
        .collect();
    if owed.is_empty() {
        return;
    }
    document.heading(
        2,
        if vi {
            "Báo cáo định kỳ"
        } else {
            "Periodic reports"
        },
    );
    document.paragraph(if filter.overdue {
        match language {
            Language::Vi => format!("Quá hạn chưa gửi: {} báo cáo.", owed.len()),
            Language::En => format!("Overdue, not sent: {}.", owed.len()),
        }
    } else {
        reports_sent(&owed, language)
    });
    let columns = if vi {
        ["Đơn vị", "Kỳ báo cáo", "Hạn gửi", "Tình trạng"]
    } else {
        ["Unit", "Period", "Due", "State"]
    };
    document.table(Table {
        columns: columns.iter().map(|column| (*column).to_owned()).collect(),
        rows: owed
            .iter()
            .map(|owed| report_row(plan, owed, language))
            .collect(),
        numeric: Vec::new(),
    });
}

/// "Đã gửi 3/4 báo cáo đã hết kỳ; quá hạn chưa gửi: 1."
fn reports_sent(owed: &[OwedReport<'_>], language: Language) -> String {
    let late = owed
        .iter()
        .filter(|owed| owed.state == ReportState::Late)
        .count();
    let filed = owed
        .iter()
        .filter(|owed| matches!(owed.state, ReportState::Filed { .. }))
        .count();
    if language == Language::Vi {
        format!(
            "Đã gửi {filed}/{} báo cáo đã hết kỳ; quá hạn chưa gửi: {late}.",
            owed.len()
        )
    } else {
        format!(
            "{filed} of {} reports whose period is over were sent; past due and not sent: {late}.",
            owed.len()
        )
    }
}

/// A report owed: the unit, its periods, when it is due, and where it stands.
fn report_row(
    plan: &crate::plan::model::Plan,
    owed: &OwedReport<'_>,
    language: Language,
) -> Vec<Cell> {
    let vi = language == Language::Vi;
    let due = owed.due.map_or_else(
        || (if vi { "không quy định" } else { "not set" }).to_owned(),
        |due| format_day(due, language),
    );
    let (text, tone) = report_state(owed.state, language);
    vec![
        Cell::new(describe::unit_name(plan, owed.reporter, owed.period().end)),
        Cell::new(crate::time::period::names_together(&owed.periods, language)),
        Cell::new(due),
        Cell::toned(text, tone),
    ]
}

/// "Đã gửi 05/01/2025", "Gửi trễ hạn …", "Quá hạn, chưa ghi nhận đã gửi",
/// toned as it stands.
fn report_state(state: ReportState, language: Language) -> (String, Tone) {
    let vi = language == Language::Vi;
    match state {
        ReportState::Filed { on, late: false } => (
            format!(
                "{} {}",
                if vi { "Đã gửi" } else { "Sent" },
                format_day(on, language)
            ),
            Tone::Good,
        ),
        ReportState::Filed { on, late: true } => (
            format!(
                "{} {}",
                if vi { "Gửi trễ hạn" } else { "Sent late" },
                format_day(on, language)
            ),
            Tone::Warning,
        ),
        ReportState::Late => (
            (if vi {
                "Quá hạn, chưa ghi nhận đã gửi"
            } else {
                "Past due, not recorded as sent"
            })
            .to_owned(),
            Tone::Bad,
        ),
        ReportState::Awaited | ReportState::NotYetDue => (
            (if vi {
                "Chưa ghi nhận đã gửi"
            } else {
                "Not recorded as sent"
            })
            .to_owned(),
            Tone::Warning,
        ),
    }
}

/// The unit's own previous-year result, when the plan gives any of it:
/// "Kết quả năm 2023: 74,96 điểm, xếp thứ 5/17".
fn overall_result(
    plan: &crate::plan::model::Plan,
    as_of: chrono::NaiveDate,
    language: Language,
) -> Vec<String> {
    let overall = &plan.overall;
    let mut lines = Vec::new();
    let before = score_and_rank(
        overall.previous_score,
        overall.previous_rank.as_ref(),
        language,
    );
    if !before.is_empty() {
        lines.push(format!(
            "{} {}: {before}",
            Label::OverallResult.text(language),
            plan.year - 1
        ));
    }
    // Each plan year's own result, once published, up to the year in view
    // (a result counts as its year's, as of its last day).
    let in_view = {
        use chrono::Datelike as _;
        as_of.year()
    };
    for year in plan.years().filter(|year| *year <= in_view) {
        let Some(result) = plan.result(year, None) else {
            continue;
        };
        let now = score_and_rank(result.score, result.rank.as_ref(), language);
        let published = result
            .published
            .map_or_else(String::new, |on| match language {
                Language::Vi => format!(" (công bố ngày {})", format_day(on, language)),
                Language::En => format!(" (published {})", format_day(on, language)),
            });
        if !now.is_empty() {
            lines.push(format!(
                "{} {}{published}: {now}",
                Label::OverallResult.text(language),
                year
            ));
        }
    }
    lines
}

/// "74,96 điểm, xếp hạng thứ 5/17", of what is known.
fn score_and_rank(
    score: Option<f64>,
    rank: Option<&crate::plan::model::RankOf>,
    language: Language,
) -> String {
    let mut parts = Vec::new();
    if let Some(score) = score {
        parts.push(format!(
            "{} {}",
            crate::words::labels::score(score, language),
            Label::Points.text(language)
        ));
    }
    if let Some(rank) = rank {
        parts.push(format!(
            "{} {}",
            Label::Rank.text(language).to_lowercase(),
            crate::words::labels::rank(rank.rank, rank.of, language)
        ));
    }
    parts.join(", ")
}

pub fn state_tone(state: TaskState) -> Tone {
    match state {
        TaskState::Done | TaskState::DoneLate => Tone::Good,
        TaskState::InProgress => Tone::Warning,
        TaskState::Blocked | TaskState::Overdue => Tone::Bad,
        TaskState::NoReport | TaskState::NotStarted | TaskState::Cancelled => Tone::Muted,
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
    // With no score anywhere (the summary says so), three columns of "no
    // data" would only squeeze the index names.
    let scores = status
        .plan
        .indices
        .iter()
        .any(|index| !index.scores.is_empty());
    let mut rows = Vec::new();
    for (position, index) in status.plan.indices.iter().enumerate() {
        if filter.index.is_some_and(|wanted| wanted.0 != position) {
            continue;
        }
        let under: Vec<&&TaskStatus<'_>> = tasks
            .iter()
            .filter(|task| task.task.index.0 == position)
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
        let mut row = vec![
            Cell::new((position + 1).to_string()),
            Cell::new(index.name_in(language)),
        ];
        if scores {
            row.extend([
                index.scores.previous_score.map_or_else(no_data, |score| {
                    Cell::new(crate::words::labels::score(score, language))
                }),
                index
                    .scores
                    .previous_rank
                    .as_ref()
                    .map_or_else(no_data, |rank| {
                        Cell::new(crate::words::labels::rank(rank.rank, rank.of, language))
                    }),
                index.scores.expected_score.map_or_else(no_data, |score| {
                    Cell::new(crate::words::labels::score(score, language))
                }),
            ]);
        }
        row.extend([
            Cell::new(under.len().to_string()),
            Cell::new(count(&[TaskState::Done, TaskState::DoneLate])),
            Cell::new(count(&[TaskState::InProgress])),
            Cell::new(count(&[TaskState::NotStarted])),
            Cell::new(count(&[TaskState::NoReport])),
            Cell::new(count(&[TaskState::Blocked, TaskState::Overdue])),
        ]);
        rows.push(row);
    }
    let mut columns = vec![
        Label::Number.text(language).to_owned(),
        Label::Index.text(language).to_owned(),
    ];
    if scores {
        columns.extend([
            format!("{} {previous}", Label::Score.text(language)),
            format!("{} {previous}", Label::Rank.text(language)),
            format!("{} {}", Label::ExpectedScore.text(language), status.year),
        ]);
    }
    columns.extend(
        [
            Label::Tasks,
            Label::Done,
            Label::InProgress,
            Label::NotStarted,
            Label::NoReport,
            Label::BlockedOrLate,
        ]
        .map(|label| label.text(language).to_owned()),
    );
    Table {
        numeric: (0..columns.len()).filter(|column| *column != 1).collect(),
        columns,
        rows,
    }
}

fn task_row(status: &PlanStatus<'_>, task: &TaskStatus<'_>, language: Language) -> Vec<Cell> {
    vec![
        Cell::new(task.task.id.clone()),
        Cell::new(describe::shorten(&task.task.text, TASK_TEXT_LIMIT)),
        Cell::new(describe::unit_names(
            status.plan,
            &task.task.lead,
            status.as_of,
        )),
        Cell::toned(
            describe::task_state(task.state, language),
            state_tone(task.state),
        ),
        Cell::new(
            task.last_activity()
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
                format_day(record.date, language)
            )
        })
        .unwrap_or_default();
    // A count's period with nothing recorded in it is not "0" (domain:
    // silence is never failure): it says nothing is recorded yet.
    let this_period = target
        .current
        .map(|current| {
            let recorded = target
                .count_periods
                .iter()
                .any(|period| period.amount.period == current.period && period.recorded);
            let amount = if recorded {
                number(current.amount, language)
            } else {
                Label::NotRecorded.text(language).to_owned()
            };
            format!("{amount}\n({})", current.period.name(language))
        })
        .unwrap_or_default();
    let assessment = describe::assessment_of(target, language);
    let name = definition
        .measure
        .clone()
        .unwrap_or_else(|| describe::shorten(&definition.text, 60));
    vec![
        Cell::new(format!("{}\n{name}", definition.id)),
        // A missing baseline shows in the assessment ("Chưa có số liệu"); the
        // column stays for baselines there are, and goes from a narrow terminal
        // when there are none.
        Cell::new(if target.assessment == Assessment::NoData {
            let shown = describe::baseline(target.goal, language);
            if shown == Label::NoData.text(language) {
                String::new()
            } else {
                shown
            }
        } else {
            describe::baseline(target.goal, language)
        }),
        Cell::new(describe::goal(target.goal, language)),
        Cell::new(latest),
        Cell::new(this_period),
        Cell::toned(assessment, assessment_tone(target.assessment)),
    ]
}
