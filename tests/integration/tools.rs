//! Fitting into people's tools: `init`, the editor schema, shell completions,
//! the man page, `--help` examples and the git pre-commit hook.

use std::process::Command;

use crate::harness::{SMALL_PLAN, Test, repo_root};

fn shipped_plans() -> Vec<std::path::PathBuf> {
    let mut plans = vec![repo_root().join("plans/so-khcn-kon-tum-2024.toml")];
    for example in [
        "examples/progress-2024/plan.toml",
        "examples/district-2025/plan.toml",
        "examples/district-2023-2025/plan.toml",
    ] {
        plans.push(repo_root().join(example));
    }
    plans
}

/// Fills in what `ddci init` leaves blank, as the office would.
fn fill_blanks(test: &Test) {
    let path = test.path().join("plan.toml");
    let plan = std::fs::read_to_string(&path).expect("plan");
    let filled = plan
        .replace(
            "… (nội dung nhiệm vụ của kế hoạch)",
            "Công khai thủ tục hành chính trên Cổng thông tin điện tử",
        )
        .replace("UBND huyện …", "UBND huyện Đắk Hà");
    std::fs::write(&path, filled).expect("filled plan");
}

#[test]
fn init_writes_a_blank_plan_and_its_schema_that_validate() {
    let test = Test::new().args([
        "init",
        "--year",
        "2025",
        "--agency",
        "Sở Tư pháp",
        "--province",
        "Kon Tum",
    ]);
    test.expect(
        0,
        "Created plan.toml and ./plan.schema.json. Next: fill in each “…”, then run `ddci validate`.\n",
        "",
    );
    let plan = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
    assert!(plan.starts_with("#:schema ./plan.schema.json\n"));
    assert!(plan.contains(
        "agency = \"Sở Tư pháp\"\nprovince = \"Kon Tum\"\nparent_agency = \"UBND tỉnh Kon Tum\"\nyear = 2025\n"
    ));
    // The sample task's text is a blank to fill: the skeleton is not a plan yet.
    let unfilled = test.run_with(&["validate"]);
    assert_eq!(unfilled.code, 1, "{}", unfilled.stderr);
    assert!(
        unfilled
            .stderr
            .starts_with("error[blank-to-fill-in]: `text` still has a blank “…” to fill in"),
        "{}",
        unfilled.stderr
    );
    fill_blanks(&test);
    let run = test.run_with(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "plan.toml: valid (8 indices, 1 task, 0 targets, 2 units, 0 records)\n"
    );
    let schema = std::fs::read_to_string(test.path().join("plan.schema.json")).expect("schema");
    assert!(schema.contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\""));
}

#[test]
fn init_from_the_real_plan_validates() {
    let test = Test::new().args([
        "init",
        "ke-hoach-2025.toml",
        "--template",
        "kon-tum-2024",
        "--year",
        "2025",
    ]);
    assert_eq!(test.run().code, 0);
    let run = test.run_with(&["--plan", "ke-hoach-2025.toml", "validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plan = std::fs::read_to_string(test.path().join("ke-hoach-2025.toml")).expect("plan");
    assert!(plan.contains("\nyear = 2025\n"));
    assert!(!plan.contains(".records]]"), "the template has no records");
}

#[test]
fn init_never_overwrites() {
    let test = Test::new().plan(SMALL_PLAN).args(["init"]);
    test.expect(2, "", "error: `plan.toml` already exists; ddci init never overwrites a file\nhelp: choose another path, or move the existing file aside first\n");
    assert_eq!(
        std::fs::read_to_string(test.path().join("plan.toml")).expect("plan"),
        SMALL_PLAN
    );
}

#[test]
fn committed_schema_is_what_ddci_schema_prints() {
    let run = Test::new().args(["schema"]).run();
    assert_eq!(run.code, 0);
    let committed =
        std::fs::read_to_string(repo_root().join("schema/plan.schema.json")).expect("schema");
    assert!(
        committed == run.stdout,
        "schema/plan.schema.json is stale: run `ddci schema > schema/plan.schema.json`"
    );
}

/// A plan as an editor's schema check sees it: dates become strings.
fn toml_as_json(path: &std::path::Path) -> serde_json::Value {
    fn convert(value: toml::Value) -> serde_json::Value {
        match value {
            toml::Value::String(text) => text.into(),
            toml::Value::Integer(number) => number.into(),
            toml::Value::Float(number) => number.into(),
            toml::Value::Boolean(flag) => flag.into(),
            toml::Value::Datetime(datetime) => datetime.to_string().into(),
            toml::Value::Array(items) => items.into_iter().map(convert).collect(),
            toml::Value::Table(table) => table
                .into_iter()
                .map(|(key, value)| (key, convert(value)))
                .collect(),
        }
    }
    let text = std::fs::read_to_string(path).expect("plan");
    convert(toml::from_str(&text).expect("TOML"))
}

#[test]
fn every_shipped_plan_matches_the_schema_and_every_plan_starts_with_it() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("schema/plan.schema.json")).expect("schema"),
    )
    .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for plan in shipped_plans() {
        let instance = toml_as_json(&plan);
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|error| error.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", plan.display());
        let first = std::fs::read_to_string(&plan)
            .expect("plan")
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        let target = first.strip_prefix("#:schema ").expect("a #:schema line");
        let resolved = plan.parent().expect("folder").join(target);
        assert!(
            resolved.exists(),
            "{}: {first} points nowhere",
            plan.display()
        );
    }
    let misspelt: serde_json::Value = serde_json::from_str(
        r#"{"plan": {"title": "t", "agency": "a", "province": "p", "year": 2024, "titel": "x"}}"#,
    )
    .expect("JSON");
    assert!(
        !validator.is_valid(&misspelt),
        "the schema flags unknown keys"
    );
}

#[test]
fn bash_completion_parses_and_other_shells_get_scripts() {
    let test = Test::new();
    let bash = test.run_with(&["completions", "bash"]);
    assert_eq!(bash.code, 0);
    let script = test.path().join("ddci.bash");
    std::fs::write(&script, &bash.stdout).expect("write");
    let check = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("bash");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(bash.stdout.contains("complete -o nospace -o bashdefault"));
    for shell in ["zsh", "fish", "powershell"] {
        let run = test.run_with(&["completions", shell]);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("ddci"), "{shell}");
    }
}

/// Ids could not be completed by the shell (#29): with the script
/// `completions bash` writes, bash completes commands, options, and the
/// plan's own task, target, duty and unit ids, by asking ddci.
#[test]
fn shell_completion_offers_the_plan_s_ids() {
    let test = Test::new().plan(crate::forms::FORM_PLAN);
    let script = test.path().join("ddci.bash");
    std::fs::write(&script, test.run_with(&["completions", "bash"]).stdout).expect("script");
    let complete = |words: &str| {
        let line = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _clap_complete_ddci ddci \"${{COMP_WORDS[COMP_CWORD]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let output = Command::new("bash")
            .args(["-c", &line])
            .current_dir(test.path())
            .env_remove("DDCI_PLAN")
            .env("DDCI_LANG", "en")
            .output()
            .expect("bash");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let cases = [
        ("ddci rec", "record\n"),
        ("ddci record t", "tra-loi\ntiep-dan\n"),
        ("ddci record 7", "7.2\n"),
        ("ddci record bao", "bao-cao-quy\n"),
        ("ddci record 1.1 --by thanh", "thanh-tra\n"),
        ("ddci status --owner hc", "hc-th\n"),
        ("ddci status --index minh", "minh-bach\n"),
    ];
    for (words, expected) in cases {
        assert_eq!(complete(words), expected, "{words}");
    }
}

#[test]
fn man_page_is_roff() {
    let run = Test::new().args(["man"]).run();
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &run.stdout[..80]
    );
    assert!(run.stdout.contains(".TH ddci 1"));
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        "\\fBDDCI_PLAN\\fR",
        "\\fBDDCI_TODAY\\fR",
        "\\fBNO_COLOR\\fR",
        ".SH FILES",
    ] {
        assert!(run.stdout.contains(section), "{section}");
    }
}

#[test]
fn every_command_the_top_page_names_has_a_page_of_its_own() {
    let test = Test::new();
    let record = test.run_with(&["man", "record"]);
    assert_eq!(record.code, 0, "{}", record.stderr);
    assert!(record.stdout.contains(".TH ddci-record 1"));
    assert!(record.stdout.contains(".SH \"EXIT STATUS\""));
    let written = test.run_with(&["man", "--out-dir", "man1"]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let mut pages: Vec<String> = std::fs::read_dir(test.path().join("man1"))
        .expect("pages")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "ddci-calendar.1",
            "ddci-completions.1",
            "ddci-form.1",
            "ddci-help.1",
            "ddci-import.1",
            "ddci-init.1",
            "ddci-list.1",
            "ddci-man.1",
            "ddci-record.1",
            "ddci-report.1",
            "ddci-result.1",
            "ddci-rollup.1",
            "ddci-schema.1",
            "ddci-status.1",
            "ddci-validate.1",
            "ddci.1"
        ]
    );
    let top = std::fs::read_to_string(test.path().join("man1/ddci.1")).expect("top page");
    for name in pages.iter().filter(|name| name.starts_with("ddci-")) {
        let command = name.trim_end_matches(".1");
        let named = format!("{}(1)", command.replace('-', "\\-"));
        assert!(top.contains(&named), "ddci(1) does not name {command}(1)");
    }
    let unknown = test.run_with(&["man", "recrod"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `record`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn every_command_s_help_has_an_example() {
    for command in [
        "validate",
        "record",
        "status",
        "report",
        "init",
        "schema",
        "completions",
        "man",
        "list",
        "help",
    ] {
        let run = Test::new().args([command, "--help"]).run();
        assert_eq!(run.code, 0, "{command}");
        assert!(
            run.stdout.contains("Example"),
            "`ddci {command} --help` has no example:\n{}",
            run.stdout
        );
    }
}

#[test]
fn pre_commit_hook_checks_every_staged_plan_by_reading_it() {
    let test = Test::new().plan(SMALL_PLAN);
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_ddci"))
        .parent()
        .expect("folder")
        .to_owned();
    let with_ddci = format!(
        "{}:{}",
        binary.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let git = |path: &str, args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(test.path())
            .env("PATH", path)
            .env("DDCI_TODAY", "2024-12-31")
            .env("DDCI_LANG", "en")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
            .output()
            .expect("git")
    };
    let commit = |path: &str, files: &[&str], message: &str| {
        let mut add = vec!["add", "--"];
        add.extend(files);
        assert!(git(path, &add).status.success());
        git(path, &["commit", "-q", "-m", message])
    };
    assert!(
        git(&with_ddci, &["init", "-q", "-b", "main"])
            .status
            .success()
    );
    let hook = test.path().join(".git/hooks/pre-commit");
    std::fs::copy(repo_root().join("examples/git-hooks/pre-commit"), &hook).expect("install hook");
    // A valid plan and a TOML file that is no plan go through.
    std::fs::write(test.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").expect("write");
    let good = commit(&with_ddci, &["plan.toml", "Cargo.toml"], "plan");
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    // Edited and committed again in Vietnamese (no DDCI_LANG: the plan's
    // language), the file that is no plan still goes through: the hook reads
    // ddci's answer in English whatever the user's language.
    std::fs::write(test.path().join("Cargo.toml"), "[package]\nname = \"y\"\n").expect("write");
    let again = Command::new("git")
        .args(["commit", "-q", "-am", "cargo"])
        .current_dir(test.path())
        .env("PATH", &with_ddci)
        .env("DDCI_TODAY", "2024-12-31")
        .env_remove("DDCI_LANG")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .output()
        .expect("git");
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    // A broken plan with a space in its name, in a folder, headed `[ plan ]`:
    // refused, and the message names the staged file, not a temporary copy.
    std::fs::create_dir_all(test.path().join("kế hoạch")).expect("folder");
    std::fs::write(
        test.path().join("kế hoạch/my plan.toml"),
        SMALL_PLAN
            .replace("[plan]", "[ plan ]")
            .replace("lead = [\"hc-th\"]", "lead = [\"hc-tk\"]"),
    )
    .expect("write");
    let bad = commit(&with_ddci, &["kế hoạch/my plan.toml"], "broken");
    assert!(
        !bad.status.success(),
        "the hook let an invalid plan through"
    );
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("no unit has the id `hc-tk`"), "{said}");
    assert!(said.contains("--> kế hoạch/my plan.toml:20:9"), "{said}");
    assert!(
        said.contains("pre-commit: kế hoạch/my plan.toml does not validate"),
        "{said}"
    );
    assert!(!said.contains("/tmp"), "{said}");
    // A plan emptied by accident is still a plan, and is refused.
    std::fs::write(test.path().join("kế hoạch/my plan.toml"), "").expect("write");
    std::fs::write(test.path().join("plan.toml"), "").expect("empty the plan");
    let emptied = commit(&with_ddci, &["plan.toml"], "emptied");
    assert!(!emptied.status.success(), "an emptied plan was committed");
    let said = String::from_utf8_lossy(&emptied.stderr);
    assert!(said.contains("error[missing-plan]"), "{said}");
    // Without ddci the hook says so instead of calling the plan invalid.
    let missing = git("/usr/bin:/bin", &["commit", "-q", "-m", "broken"]);
    assert!(!missing.status.success());
    let said = String::from_utf8_lossy(&missing.stderr);
    assert!(
        said.contains("pre-commit: ddci is not installed or not on PATH"),
        "{said}"
    );
}

/// A district's and a commune's skeleton are written at their level: the
/// title, the group they are ranked in, their units, and the locality
/// indices with Tiếp cận đất đai.
#[test]
fn init_writes_a_district_and_a_commune_plan_that_validate() {
    let cases = [
        (
            "district",
            "UBND huyện Đắk Hà",
            "title = \"Kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp huyện (DCCI) năm 2025\"\nagency = \"UBND huyện Đắk Hà\"\n",
            "group = \"Huyện, thị xã, thành phố\"\n",
            "plan.toml: valid (10 indices, 1 task, 0 targets, 4 units, 0 records)\n",
        ),
        (
            "commune",
            "UBND xã Ngọc Réo",
            "title = \"Kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp xã, phường năm 2025\"\nagency = \"UBND xã Ngọc Réo\"\n",
            "group = \"Xã, phường, thị trấn\"\n",
            "plan.toml: valid (10 indices, 1 task, 0 targets, 3 units, 0 records)\n",
        ),
    ];
    for (template, agency, title, group, valid) in cases {
        let test = Test::new();
        let run = test.run_with(&[
            "init",
            "--template",
            template,
            "--year",
            "2025",
            "--agency",
            agency,
            "--province",
            "Kon Tum",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let plan = std::fs::read_to_string(test.path().join("plan.toml")).expect("plan");
        assert!(plan.contains(title), "{plan}");
        assert!(plan.contains(group), "{plan}");
        assert!(plan.contains("name = \"Tiếp cận đất đai\"\n"), "{plan}");
        assert!(!plan.contains("Sở, ban, ngành"), "{plan}");
        assert_eq!(test.run_with(&["validate"]).code, 1);
        fill_blanks(&test);
        let checked = test.run_with(&["validate"]);
        assert_eq!(
            (checked.code, checked.stdout.as_str()),
            (0, valid),
            "{}",
            checked.stderr
        );
    }
}

/// Last year's plan carried into the next: records dropped, the year and
/// "năm 2024" moved on, the plan's number and date dropped, last year's
/// recorded rank and score the new baselines, and every other line as it was.
#[test]
fn init_from_last_year_s_plan_carries_it_into_the_next() {
    let last_year = SMALL_PLAN
        .replace(
            "title = \"Kế hoạch thử\"\n",
            "title = \"Kế hoạch thử năm 2024\"\nnumber = \"45/KH-SKHCN\"\nissued = 2024-04-05\n",
        )
        .replace(
            "[[indices]]\nid = \"minh-bach\"\nname = \"Tính minh bạch\"\n",
            "[[indices]]\nid = \"minh-bach\"\nname = \"Tính minh bạch\"\nprevious_score = 6.1\n",
        )
        + "\n[[tasks.records]]\ndate = 2024-05-05\nnote = \"x\"\n\n\
           [[targets]]\nid = \"xep-hang\"\nkind = \"rank_improvement\"\nplaces = 2\ntext = \"tăng 2 bậc\"\n\n\
           [[targets.records]]\ndate = 2025-03-27\nvalue = 9\nof = 18\n\n\
           [[targets]]\nid = \"diem-minh-bach\"\nkind = \"score_at_least\"\nindex = \"minh-bach\"\nscore = 7\ntext = \"≥ 7 điểm\"\n\n\
           [[targets.records]]\ndate = 2025-03-27\nvalue = 6.85\n";
    let test = Test::new()
        .file("2024.toml", &last_year)
        .env("DDCI_TODAY", "2025-04-01");
    let run = test.run_with(&["init", "2025.toml", "--from", "2024.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "Carried 2024.toml into 2025: 3 records dropped; plan.overall previous_rank = { rank = 9, of = 18 }; indices.minh-bach previous_score = 6.85.\n"
    );
    let carried = std::fs::read_to_string(test.path().join("2025.toml")).expect("plan");
    let expected = last_year
        .replace(
            "title = \"Kế hoạch thử năm 2024\"\nnumber = \"45/KH-SKHCN\"\nissued = 2024-04-05\n",
            "title = \"Kế hoạch thử năm 2025\"\n",
        )
        .replace(
            "year = 2024\n",
            "year = 2025\npredecessor = \"Kế hoạch số 45/KH-SKHCN ngày 05/04/2024 của Sở Khoa học và \
             Công nghệ\"\n\n[plan.overall]\nprevious_rank = { rank = 9, of = 18 }\n",
        )
        .replace("previous_score = 6.1\n", "previous_score = 6.85\n")
        .replace("\n[[tasks.records]]\ndate = 2024-05-05\nnote = \"x\"\n", "")
        .replace(
            "\n[[targets.records]]\ndate = 2025-03-27\nvalue = 9\nof = 18\n",
            "",
        )
        .replace(
            "\n[[targets.records]]\ndate = 2025-03-27\nvalue = 6.85\n",
            "",
        );
    assert_eq!(carried, expected);
    let checked = test.run_with(&["--plan", "2025.toml", "validate"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    // Into a year that is not later: refused, nothing written.
    let back = test.run_with(&["init", "2023.toml", "--from", "2024.toml", "--year", "2024"]);
    assert_eq!(back.code, 2);
    assert!(
        back.stderr.contains("is not after the plan's year 2024"),
        "{}",
        back.stderr
    );
    assert!(!test.path().join("2023.toml").exists());
}

/// The year's published result is what the new plan starts from, before any
/// figure recorded on a target; a plan of several years is not carried.
#[test]
fn init_from_takes_the_published_result_as_the_new_baseline() {
    let last_year = SMALL_PLAN.to_owned()
        + "\n[[targets]]\nid = \"xep-hang\"\nkind = \"rank_improvement\"\nplaces = 2\ntext = \"tăng 2 bậc\"\n\n\
           [[results]]\nyear = 2024\nscore = 71.25\nrank = 8\nof = 18\npublished = 2025-03-27\n\n\
           [[results]]\nyear = 2024\nindex = \"minh-bach\"\nscore = 6.4\npublished = 2025-03-27\n";
    let test = Test::new()
        .file("2024.toml", &last_year)
        .file(
            "nhieu-nam.toml",
            SMALL_PLAN.replace("year = 2024\n", "year = 2023\nuntil = 2025\n"),
        )
        .env("DDCI_TODAY", "2025-04-01");
    let run = test.run_with(&["init", "2025.toml", "--from", "2024.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "Carried 2024.toml into 2025: 0 records dropped; indices.minh-bach previous_score = 6.4; plan.overall previous_rank = { rank = 8, of = 18 }; plan.overall previous_score = 71.25.\n"
    );
    let status = test.run_with(&["--plan", "2025.toml", "status", "--format", "markdown"]);
    assert!(
        status
            .stdout
            .contains("- Kết quả chung năm 2024: 71,25 điểm, xếp hạng thứ 8/18\n"),
        "{}",
        status.stdout
    );
    let run = test.run_with(&["init", "2026.toml", "--from", "nhieu-nam.toml"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "error: `nhieu-nam.toml` is a plan of several years (2023–2025); --from carries a plan of one year\nhelp: copy it, set `year` and `until` to the new span, and check each task's and target's `year`\n"
        )
    );
    assert!(!test.path().join("2026.toml").exists());
}
