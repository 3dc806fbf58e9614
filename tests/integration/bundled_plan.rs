//! The bundled plan encodes the seed document faithfully: every task bullet of
//! section II, verbatim and in order, and every target's words found in it.

use ddci::read::load;

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

/// The owners, duties and commitments as the seed words them (a line-by-line
/// audit of the plan against the seed found these misread).
#[test]
fn owners_duties_and_commitments_are_the_seed_s() {
    let mut loaded = load::load(&bundled_plan()).expect("bundled plan");
    let today = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a day");
    let plan = ddci::validate::validate(&mut loaded, today).expect("valid");
    let leads = |task: &str| -> Vec<&str> {
        let task = plan.task(plan.task_by_id(task).expect("task"));
        task.lead
            .iter()
            .map(|unit| plan.unit(*unit).name.as_str())
            .collect()
    };
    // "+ Đơn vị thực hiện: Các phòng, đơn vị thuộc Sở." under 2.1–2.4 and 3.3–3.7.
    for task in [
        "2.1", "2.2", "2.3", "2.4", "3.3", "3.4", "3.5", "3.6", "3.7",
    ] {
        assert_eq!(leads(task), ["Các phòng, đơn vị thuộc Sở"], "{task}");
    }
    // "+ Đơn vị chủ trì: Các phòng chuyên môn, đơn vị trực thuộc sở." under 1.1–1.5.
    for task in ["1.1", "1.2", "1.3", "1.4", "1.5"] {
        assert_eq!(
            leads(task),
            ["Các phòng chuyên môn, đơn vị trực thuộc Sở"],
            "{task}"
        );
    }
    // "Lãnh đạo Sở chỉ đạo các phòng chuyên môn, đơn vị trực thuộc thực hiện": all implement.
    let six_four = plan.task(plan.task_by_id("6.4").expect("6.4"));
    assert_eq!(
        leads("6.4"),
        [
            "Ban Giám đốc (Lãnh đạo Sở)",
            "Các phòng chuyên môn, đơn vị trực thuộc Sở"
        ]
    );
    assert!(six_four.coordinating.is_empty());
    // HC-TH reports "theo quy định": no periods of its own.
    let hc_th = plan
        .reporting
        .iter()
        .find(|duty| duty.id.as_deref() == Some("hc-th-tong-hop"))
        .expect("HC-TH's duty");
    assert!(hc_th.periods.is_empty());
    // Two checkable commitments of 6.4 and 8.2 are targets of their tasks.
    for (target, task) in [
        ("doi-thoai-doanh-nghiep", "6.4"),
        ("so-dien-thoai-lanh-dao", "8.2"),
    ] {
        let target = plan.target(plan.target_by_id(target).expect("target"));
        assert_eq!(target.task, plan.task_by_id(task), "{}", target.id);
    }
    // Continuing work is no one-off deliverable: no deliverable sits on an
    // ongoing or recurring task.
    for target in &plan.targets {
        if matches!(target.goals.first(), ddci::plan::model::Goal::Deliverable)
            && let Some(task) = target.task
        {
            assert!(
                !plan.task(task).schedule.is_continuing()
                    || ["4.3", "7.3", "8.2"].contains(&plan.task(task).id.as_str()),
                "{} is a one-off deliverable on continuing task {}",
                target.id,
                plan.task(task).id
            );
        }
    }
}
