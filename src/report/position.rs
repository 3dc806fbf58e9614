//! The department's DDCI position, as a year report leads with it: the
//! overall score and rank of N for the year and the year before, each
//! component's, which rose and which fell. A year's report states its own
//! year's result once published (known by the day the report is signed); a
//! report of another period states the result published within it (the
//! 2024 result, published in March 2025, in the Q1 2025 report). A unit's
//! own report does not: the result is the department's.

use chrono::NaiveDate;

use crate::plan::model::{IndexRef, Plan, PublishedResult, RankOf};
use crate::render::document::Document;
use crate::time::period::{PeriodKind, format_day};
use crate::words::labels::{Language, rank as rank_words, score as score_words};

use super::Report;
use super::prose::{joined, say};

/// A score and a rank, either of which may be missing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Standing {
    score: Option<f64>,
    rank: Option<RankOf>,
}

impl Standing {
    fn of(result: &PublishedResult) -> Self {
        Self {
            score: result.score,
            rank: result.rank,
        }
    }

    fn is_empty(&self) -> bool {
        self.score.is_none() && self.rank.is_none()
    }

    /// "78,50 điểm, xếp thứ 4/18".
    fn words(&self, language: Language) -> String {
        let mut parts = Vec::new();
        if let Some(score) = self.score {
            parts.push(say(
                language,
                format!("{} điểm", score_words(score, language)),
                format!("{} points", score_words(score, language)),
            ));
        }
        if let Some(rank) = self.rank {
            parts.push(say(
                language,
                format!("xếp {}", rank_words(rank.rank, rank.of, language)),
                format!("ranked {}", rank_words(rank.rank, rank.of, language)),
            ));
        }
        parts.join(", ")
    }
}

/// The year whose result the report states, and the result: its own year's
/// for a year report; for another period, one published within it.
fn stated_result<'p>(report: &Report<'p>) -> Option<(i32, Option<&'p PublishedResult>)> {
    let period = &report.request.period;
    let plan = report.plan;
    let known = |result: &&PublishedResult| report.request.as_of.knows_published(result.published);
    match period.kind {
        PeriodKind::Year { year } => Some((
            year,
            plan.results
                .iter()
                .rev()
                .filter(known)
                .find(|result| result.year == year && result.index.is_none()),
        )),
        _ => plan
            .results
            .iter()
            .rev()
            .filter(known)
            .filter(|result| result.index.is_none())
            .find(|result| result.published.is_some_and(|day| period.contains(day)))
            .map(|result| (result.year, Some(result))),
    }
}

/// The year before's standing: its published result, else (for the year
/// before the plan's) what the plan gives as previous.
fn previous(plan: &Plan, year: i32, index: Option<IndexRef>) -> Standing {
    if let Some(result) = plan.result(year - 1, index) {
        return Standing::of(result);
    }
    let scores = match index {
        Some(index) => &plan.component(index).scores,
        None => &plan.overall,
    };
    if year == plan.year {
        Standing {
            score: scores.previous_score,
            rank: scores.previous_rank,
        }
    } else {
        Standing {
            score: None,
            rank: None,
        }
    }
}

/// Writes "`number`. Kết quả Chỉ số DDCI năm …"; false when the report
/// states no position (a unit's own, or nothing published).
pub(super) fn position(report: &Report<'_>, number: usize, body: &mut Document) -> bool {
    if report.request.owner.is_some() {
        return false;
    }
    let Some((year, result)) = stated_result(report) else {
        return false;
    };
    let language = report.request.language;
    let plan = report.plan;
    let before = previous(plan, year, None);
    let heading = say(
        language,
        format!("{number}. Kết quả Chỉ số DDCI năm {year}"),
        format!("{number}. The DDCI {year} result"),
    );
    let Some(result) = result else {
        // A year report before its result: said so, with the year
        // before's when the plan has it.
        body.heading(3, heading.clone());
        let said = if before.is_empty() {
            say(
                language,
                format!("Kết quả Chỉ số DDCI năm {year} chưa được công bố tại thời điểm báo cáo."),
                format!("The DDCI {year} result was not yet published when this report was made."),
            )
        } else {
            say(
                language,
                format!(
                    "Kết quả Chỉ số DDCI năm {year} chưa được công bố tại thời điểm báo cáo; năm {}: {}.",
                    year - 1,
                    before.words(language)
                ),
                format!(
                    "The DDCI {year} result was not yet published when this report was made; in {}: {}.",
                    year - 1,
                    before.words(language)
                ),
            )
        };
        body.paragraph(said);
        return true;
    };
    body.heading(3, heading.clone());
    body.paragraph(overall_sentence(report, year, result, before));
    let (lines, rose, fell) = components(report, year);
    if !lines.is_empty() {
        body.list(lines);
    }
    if !rose.is_empty() || !fell.is_empty() {
        body.paragraph(rose_and_fell(&rose, &fell, year, language));
    }
    true
}

/// "Theo kết quả công bố ngày 27/03/2025, Chỉ số DDCI năm 2024 của Sở …
/// đạt 78,50 điểm, xếp thứ 4/18 (khối Sở, ban, ngành); năm 2023: 70,50
/// điểm, xếp thứ 7/18; tăng 8,00 điểm và 3 bậc."
fn overall_sentence(
    report: &Report<'_>,
    year: i32,
    result: &PublishedResult,
    before: Standing,
) -> String {
    let language = report.request.language;
    let now = Standing::of(result);
    let agency = crate::words::visible::one_line(
        report
            .plan
            .names_on(report.request.period.end.max(year_end(year)))
            .agency,
    );
    let published = result.published.map_or_else(String::new, |day| {
        say(
            language,
            format!("Theo kết quả công bố ngày {}, c", format_day(day, language)),
            format!("As published on {}, t", format_day(day, language)),
        )
    });
    let lead = if published.is_empty() {
        say(language, "C", "T")
    } else {
        published
    };
    let group = report
        .plan
        .overall
        .group
        .as_deref()
        .map(|group| say(language, format!(" (khối {group})"), format!(" ({group})")))
        .unwrap_or_default();
    let band = result
        .band
        .as_deref()
        .map(|band| {
            say(
                language,
                format!(", xếp loại {band}"),
                format!(", rated {band}"),
            )
        })
        .unwrap_or_default();
    let mut text = say(
        language,
        format!(
            "{lead}hỉ số DDCI năm {year} của {agency} đạt {}{group}{band}",
            now.words(language)
        ),
        format!(
            "{lead}he DDCI {year} of {agency} is {}{group}{band}",
            now.words(language)
        ),
    );
    if !before.is_empty() {
        text.push_str(&say(
            language,
            format!("; năm {}: {}", year - 1, before.words(language)),
            format!("; in {}: {}", year - 1, before.words(language)),
        ));
        if let Some(change) = change_words(before, now, language) {
            text.push_str("; ");
            text.push_str(&change);
        }
    }
    text.push('.');
    text
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// "tăng 8,00 điểm và 3 bậc", with the group's change said when N differs.
fn change_words(before: Standing, now: Standing, language: Language) -> Option<String> {
    let mut parts = Vec::new();
    if let (Some(then), Some(score)) = (before.score, now.score) {
        let difference = score - then;
        let amount = score_words(difference.abs(), language);
        parts.push(if difference.abs() < crate::plan::goal::TOLERANCE {
            say(
                language,
                "giữ nguyên điểm".to_owned(),
                "the same score".to_owned(),
            )
        } else if difference > 0.0 {
            say(
                language,
                format!("tăng {amount} điểm"),
                format!("up {amount} points"),
            )
        } else {
            say(
                language,
                format!("giảm {amount} điểm"),
                format!("down {amount} points"),
            )
        });
    }
    if let (Some(then), Some(rank)) = (before.rank, now.rank) {
        let places = i64::from(then.rank) - i64::from(rank.rank);
        let grew = then.of.zip(rank.of).filter(|(before, now)| before != now);
        parts.push(match (places.signum(), language) {
            (0, Language::Vi) => "giữ nguyên thứ hạng".to_owned(),
            (0, Language::En) => "the same place".to_owned(),
            (1, Language::Vi) => format!("tăng {places} bậc"),
            (1, Language::En) => format!("up {places} places"),
            (_, Language::Vi) => format!("giảm {} bậc", places.abs()),
            (_, Language::En) => format!("down {} places", places.abs()),
        });
        if let Some((before, now)) = grew {
            parts.push(say(
                language,
                format!("nhóm xếp hạng thay đổi từ {before} thành {now} đơn vị, thứ hạng hai năm không so sánh trực tiếp được"),
                format!("the group changed from {before} to {now} units, so the two places are not directly comparable"),
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Each component's line, and the names of those that rose and fell.
fn components(report: &Report<'_>, year: i32) -> (Vec<String>, Vec<String>, Vec<String>) {
    let language = report.request.language;
    let plan = report.plan;
    let (mut lines, mut rose, mut fell) = (Vec::new(), Vec::new(), Vec::new());
    for (at, index) in plan.indices.iter().enumerate() {
        let index_ref = IndexRef(at);
        let Some(result) = plan
            .result(year, Some(index_ref))
            .filter(|result| report.request.as_of.knows_published(result.published))
        else {
            continue;
        };
        let now = Standing::of(result);
        let before = previous(plan, year, Some(index_ref));
        let name = crate::words::visible::one_line(index.name_in(language));
        let mut line = format!("{name}: {}", now.words(language));
        if !before.is_empty() {
            line.push_str(&say(
                language,
                format!(" (năm {}: {})", year - 1, before.words(language)),
                format!(" ({}: {})", year - 1, before.words(language)),
            ));
        }
        if let (Some(then), Some(score)) = (before.score, now.score) {
            if score > then + crate::plan::goal::TOLERANCE {
                rose.push(name.clone());
            } else if score + crate::plan::goal::TOLERANCE < then {
                fell.push(name.clone());
            }
        }
        line.push('.');
        lines.push(line);
    }
    (lines, rose, fell)
}

/// "So với năm 2023, tăng điểm 05 chỉ số: …; giảm điểm 01 chỉ số: …."
fn rose_and_fell(rose: &[String], fell: &[String], year: i32, language: Language) -> String {
    let mut parts = Vec::new();
    let count = |names: &[String]| crate::words::number::count(names.len(), language);
    if !rose.is_empty() {
        parts.push(say(
            language,
            format!(
                "tăng điểm {} chỉ số: {}",
                count(rose),
                joined(rose, language)
            ),
            format!(
                "{} {} higher: {}",
                rose.len(),
                if rose.len() == 1 {
                    "index scored"
                } else {
                    "indices scored"
                },
                joined(rose, language)
            ),
        ));
    }
    if !fell.is_empty() {
        parts.push(say(
            language,
            format!(
                "giảm điểm {} chỉ số: {}",
                count(fell),
                joined(fell, language)
            ),
            format!(
                "{} {} lower: {}",
                fell.len(),
                if fell.len() == 1 {
                    "index scored"
                } else {
                    "indices scored"
                },
                joined(fell, language)
            ),
        ));
    }
    say(
        language,
        format!("So với năm {}, {}.", year - 1, parts.join("; ")),
        format!("Compared with {}, {}.", year - 1, parts.join("; ")),
    )
}
