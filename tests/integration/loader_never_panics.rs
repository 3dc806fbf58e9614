//! Whatever bytes are in the plan file, the loader and validator never panic,
//! and a plan with errors always says where each error is.

use std::path::Path;

use annotate_snippets::Renderer;
use ddci::diagnostic::Severity;
use ddci::{load, validate};
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
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

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
