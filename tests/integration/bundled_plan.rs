//! The bundled plan encodes the seed document faithfully: every task bullet of
//! section II, verbatim and in order, and every target's words found in it.

use ddci::load;

use crate::harness::{bundled_plan, repo_root};

const SEED: &str = "plans/source/ke-hoach-ddci-2024-so-khcn-kon-tum.txt";

/// The bullets of section II, with page-break splits joined and the
/// typographic emphasis (`*`, `**`) of the text export removed.
fn seed_bullets() -> Vec<String> {
    let seed = std::fs::read_to_string(repo_root().join(SEED)).expect("seed document");
    let section = seed
        .split("II. NỘI DUNG")
        .nth(1)
        .and_then(|rest| rest.split("III. TỔ CHỨC").next())
        .expect("section II");
    let mut bullets: Vec<String> = Vec::new();
    let mut in_bullet = false;
    for paragraph in section
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let paragraph = paragraph.replace('*', "");
        if let Some(text) = paragraph.strip_prefix("- ") {
            bullets.push(text.to_owned());
            in_bullet = true;
        } else if in_bullet && paragraph.starts_with(char::is_lowercase) {
            // A page break split this bullet in two.
            let last = bullets.last_mut().expect("a bullet before");
            last.push(' ');
            last.push_str(&paragraph);
        } else {
            in_bullet = false;
        }
    }
    bullets
}

fn normalise(text: &str) -> String {
    text.replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_task_bullet_of_the_seed_is_a_task_verbatim_and_in_order() {
    let loaded = load::load(&bundled_plan()).expect("bundled plan");
    let bullets = seed_bullets();
    assert_eq!(bullets.len(), 42);
    let texts: Vec<&str> = loaded
        .file
        .tasks
        .iter()
        .map(|task| task.text.get_ref().as_str())
        .collect();
    assert_eq!(texts, bullets);
}

#[test]
fn every_target_and_assignment_is_worded_as_in_the_seed() {
    let loaded = load::load(&bundled_plan()).expect("bundled plan");
    // Whitespace is folded, so sentences split by a page break still match.
    let seed = normalise(&std::fs::read_to_string(repo_root().join(SEED)).expect("seed document"));
    for target in &loaded.file.targets {
        let words = normalise(target.text.get_ref());
        assert!(
            seed.contains(&words),
            "target `{}` is not worded as in the seed: {words}",
            target.id.get_ref()
        );
    }
    for task in &loaded.file.tasks {
        for line in &task.assigned {
            assert!(
                seed.contains(&normalise(line)),
                "task {} says it is assigned as “{line}”, which the seed does not say",
                task.id.get_ref()
            );
        }
    }
}

#[test]
fn the_eight_component_indices_are_all_there_without_invented_scores() {
    let loaded = load::load(&bundled_plan()).expect("bundled plan");
    let names: Vec<&str> = loaded
        .file
        .indices
        .iter()
        .map(|index| index.name.get_ref().as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Tính minh bạch",
            "Tính năng động",
            "Chi phí thời gian",
            "Chi phí không chính thức",
            "Cạnh tranh bình đẳng",
            "Hỗ trợ doanh nghiệp",
            "Thiết chế pháp lý",
            "Vai trò người đứng đầu",
        ]
    );
    for index in &loaded.file.indices {
        assert!(index.previous_score.is_none() && index.expected_score.is_none());
        assert!(index.previous_rank.is_none() && index.weight.is_none());
    }
    let overall = loaded
        .file
        .plan
        .as_ref()
        .and_then(|plan| plan.overall.as_ref());
    assert!(overall.is_some_and(|overall| overall.previous_rank.is_none()));
}

/// `ddci init --template kon-tum-2024` hands this file out as a new plan.
#[test]
fn the_real_plan_has_no_progress_records() {
    let loaded = load::load(&bundled_plan()).expect("bundled plan");
    assert!(loaded.file.tasks.iter().all(|task| task.records.is_empty()));
    assert!(
        loaded
            .file
            .targets
            .iter()
            .all(|target| target.records.is_empty())
    );
}
