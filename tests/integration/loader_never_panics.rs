//! Whatever bytes are in the plan file, the loader and validator never panic,
//! and a plan with errors always says where each error is.

use std::path::Path;

use annotate_snippets::Renderer;
use ddci::read::diagnostic::Severity;
use ddci::read::load;
use ddci::validate;
use proptest::prelude::*;

use crate::harness::bundled_plan;

fn check(bytes: Vec<u8>) {
    let mut loaded = load::load_bytes(Path::new("plan.toml"), bytes);
    let today = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
    validate::validate(&mut loaded, today);
    let renderer = Renderer::plain();
    for diagnostic in &loaded.diagnostics {
        let text = diagnostic.render(&loaded.source, &renderer);
        if diagnostic.severity == Severity::Error {
            assert!(diagnostic.span.is_some(), "no place for: {text}");
            assert!(text.contains(" --> plan.toml:"), "{text}");
        }
        let _ = diagnostic.to_json(&loaded.source);
    }
}

fn bundled() -> Vec<u8> {
    std::fs::read(bundled_plan()).expect("bundled plan")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::harness::proptest_cases(200), ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check(bytes);
    }

    #[test]
    fn mutated_bundled_plan(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..4u8), 1..8)
    ) {
        let mut bytes = bundled();
        for (position, byte, how) in edits {
            let at = position.index(bytes.len() + 1);
            match how {
                0 => { if at < bytes.len() { bytes[at] = byte; } }
                1 => bytes.insert(at, byte),
                2 => { if at < bytes.len() { bytes.remove(at); } }
                _ => bytes.truncate(at),
            }
        }
        check(bytes);
    }

    #[test]
    fn spliced_lines_of_the_bundled_plan(
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..60)
    ) {
        let text = String::from_utf8(bundled()).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        let spliced: Vec<&str> = picks.iter().map(|pick| *pick.get(&lines)).collect();
        check(spliced.join("\n").into_bytes());
    }
}

#[test]
fn crlf_and_bom_versions_of_the_bundled_plan_are_valid() {
    let text = String::from_utf8(bundled()).expect("UTF-8");
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let mut loaded = load::load_bytes(Path::new("plan.toml"), crlf.into_bytes());
    let today = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
    validate::validate(&mut loaded, today);
    assert_eq!(loaded.diagnostics, Vec::new());
}

/// Reading a plan in pieces gives exactly what reading it whole gives: the
/// same entries, the same spans, the same diagnostics.
fn same_in_pieces(text: &str) {
    let source = ddci::read::source_file::SourceFile::new("plan.toml", text.to_owned());
    if let Some(pieces) = load::parse_in_pieces(&source) {
        let whole = load::parse_whole(&source);
        // Whole, the top-level keys come in name order; in pieces, in file
        // order. Diagnostics are sorted before anyone sees them, and the ids of
        // unreadable entries are a set.
        let normal = |(mut file, mut diagnostics): (
            ddci::plan::file::PlanFile,
            Vec<ddci::read::diagnostic::Diagnostic>,
        )| {
            ddci::read::diagnostic::sort(&mut diagnostics);
            file.unreadable_ids.sort();
            format!("{file:?} {diagnostics:?}")
        };
        assert_eq!(normal(pieces), normal(whole));
    }
}

#[test]
fn every_shipped_plan_reads_the_same_in_pieces() {
    for path in [
        "plans/so-khcn-kon-tum-2024.toml",
        "examples/progress-2024/plan.toml",
        "examples/district-2025/plan.toml",
        "examples/district-2023-2025/plan.toml",
    ] {
        let text = std::fs::read_to_string(crate::harness::repo_root().join(path)).expect("plan");
        let source = ddci::read::source_file::SourceFile::new("plan.toml", text.clone());
        assert!(
            load::parse_in_pieces(&source).is_some(),
            "{path} can be read in pieces"
        );
        same_in_pieces(&text);
        same_in_pieces(&format!("\u{feff}{}", text.replace('\n', "\r\n")));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::harness::proptest_cases(200), ..ProptestConfig::default() })]

    #[test]
    fn mutated_plans_read_the_same_in_pieces(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..4u8), 1..6)
    ) {
        let mut bytes = std::fs::read(crate::harness::repo_root().join("examples/progress-2024/plan.toml")).expect("plan");
        for (position, byte, how) in edits {
            let at = position.index(bytes.len() + 1);
            match how {
                0 => { if at < bytes.len() { bytes[at] = byte; } }
                1 => bytes.insert(at, byte),
                2 => { if at < bytes.len() { bytes.remove(at); } }
                _ => bytes.truncate(at),
            }
        }
        if let Ok(text) = String::from_utf8(bytes) {
            same_in_pieces(&text);
        }
    }
}
