//! The reports read as an office writes: no plan text cut inside a word,
//! no doubled punctuation, and each target's figure stated once in the
//! body. Checked on every report a round makes of the example plan (the
//! quarter, the half year, the year, and a unit's own), in both languages.

use crate::harness::{Test, example_plan_path};

/// The reports of the example plan, each as (what it is, its Markdown).
fn reports() -> Vec<(String, String)> {
    let asked: [&[&str]; 6] = [
        &["--quarter", "2"],
        &["--quarter", "2", "--lang", "en"],
        &["--half", "1"],
        &["--year", "2024"],
        &["--year", "2024", "--lang", "en"],
        &["--quarter", "3", "--owner", "thanh-tra"],
    ];
    asked
        .iter()
        .map(|args| {
            let mut all = vec!["--plan", &example_plan_path(), "report"]
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>();
            all.extend(args.iter().map(|arg| (*arg).to_owned()));
            let run = Test::new().env("DDCI_TODAY", "2025-02-01").run_with(&all);
            assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
            // Markdown escapes `&` as `\&`; the words are what is checked.
            (format!("{args:?}"), run.stdout.replace("\\&", "&"))
        })
        .collect()
}

/// The plan's own words on one line, as reports quote them.
fn plan_text() -> String {
    let text = std::fs::read_to_string(example_plan_path()).expect("the example plan");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every "…" a report writes ends a clause of the plan's own text (the
/// words before it are followed there by a comma, semicolon or colon), or
/// stands in the plan itself: a cut between two syllables of one word
/// ("thí…", "Chính…", "Công…") fails.
#[test]
fn no_plan_text_is_cut_inside_a_word() {
    let plan = plan_text();
    for (asked, report) in reports() {
        for (at, _) in report.match_indices('…') {
            // A blank left for the office ("ngày … tháng", "……………") is no cut.
            if !report[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let before: String = report[..at]
                .chars()
                .rev()
                .take(14)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let ends_a_clause = plan
                .match_indices(before.as_str())
                .any(|(found, _)| plan[found + before.len()..].starts_with([',', ';', ':', '…']));
            assert!(
                ends_a_clause,
                "{asked}: “{before}…” is cut inside the plan's words"
            );
        }
    }
}

/// No doubled or clashing punctuation ("….", "..", ",.", ";;"), unless the
/// plan's own text has it.
#[test]
fn no_punctuation_is_doubled() {
    let plan = plan_text();
    for (asked, report) in reports() {
        for clash in [
            "….", "..", ",.", ".,", ";;", ",,", ";.", ".;", "::", " ,", " ;",
        ] {
            for (at, _) in report.match_indices(clash) {
                let start = report[..at]
                    .char_indices()
                    .rev()
                    .nth(8)
                    .map_or(0, |(start, _)| start);
                let around = &report[start..at + clash.len()];
                assert!(plan.contains(around), "{asked}: “{around}” has “{clash}”");
            }
        }
    }
}

/// A target's figure with its day ("74% (số liệu ngày 30/06/2024)") is
/// stated once in the body, in II.1; the appendix may give it again.
#[test]
fn each_figure_is_stated_once_in_the_body() {
    for (asked, report) in reports() {
        let body = report
            .split("\n## Phụ lục")
            .next()
            .and_then(|body| body.split("\n## Appendix").next())
            .unwrap_or_default();
        let mut seen: Vec<&str> = Vec::new();
        for marker in ["(số liệu ngày ", "(as of "] {
            for (at, _) in body.match_indices(marker) {
                // The target's name and its figure: "Tỷ lệ …: 74% (…)",
                // wherever the sentence stands (a line, or after a task's).
                let named = body[..at].rfind(": ").unwrap_or(0);
                let start = [": ", "- ", ". ", "\n"]
                    .iter()
                    .filter_map(|mark| body[..named].rfind(mark).map(|found| found + mark.len()))
                    .max()
                    .unwrap_or(0);
                let end = body[at..].find(')').map_or(body.len(), |end| at + end + 1);
                let figure = &body[start..end];
                assert!(
                    !seen.contains(&figure),
                    "{asked}: “{figure}” twice in the body"
                );
                seen.push(figure);
            }
        }
    }
}
