//! A builder that states a test's input files, arguments and environment, runs
//! the real `ddci` binary in a fresh folder, and checks exact output.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The day tests run "on", so that "in the future" never depends on the clock.
pub const TEST_TODAY: &str = "2024-12-31";

#[derive(Debug)]
pub struct Test {
    dir: tempfile::TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
    current_dir: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Test {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
            args: Vec::new(),
            // Messages in English unless a test asks otherwise, whatever the
            // machine's locale (`words/speech.rs`).
            env: vec![
                ("DDCI_TODAY".into(), TEST_TODAY.into()),
                ("DDCI_LANG".into(), "en".into()),
            ],
            current_dir: None,
        }
    }

    /// Writes `plan.toml` in the test folder.
    pub fn plan(self, text: &str) -> Self {
        self.file("plan.toml", text)
    }

    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(path, contents).expect("write test file");
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs in a sub-folder of the test folder instead of the test folder.
    pub fn current_dir(mut self, relative: &str) -> Self {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(&path).expect("create folder");
        self.current_dir = Some(path);
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn run(&self) -> Run {
        self.run_with(&self.args)
    }

    /// Runs with the harness's own `key` variable (such as `NO_COLOR`) removed.
    pub fn run_without_env(&self, key: &str) -> Run {
        self.command(&self.args, Some(key))
    }

    /// Runs with `args` instead of the ones given with `.args(…)`, in the same
    /// folder, so one test can run several commands on one plan.
    pub fn run_with<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Run {
        self.command(args, None)
    }

    fn command<S: AsRef<std::ffi::OsStr>>(&self, args: &[S], without: Option<&str>) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ddci"));
        command
            .args(args)
            .current_dir(self.current_dir.as_deref().unwrap_or(self.dir.path()))
            .env_remove("DDCI_PLAN")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .envs(self.env.iter().map(|(key, value)| (key, value)));
        if let Some(key) = without {
            command.env_remove(key);
        }
        let output = command.output().expect("run ddci");
        Run {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code().expect("exit code"),
        }
    }

    /// Runs and checks the exit code and both streams exactly.
    pub fn expect(&self, code: i32, stdout: &str, stderr: &str) -> Run {
        let run = self.run();
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (code, stdout, stderr),
            "\n--- stdout ---\n{}\n--- stderr ---\n{}",
            run.stdout,
            run.stderr
        );
        run
    }
}

/// How many cases a property test runs: `default` in CI, or `PROPTEST_CASES`
/// for a longer run (`docs/performance.md`). A config that names its cases
/// would otherwise ignore the variable.
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled 2024 plan.
pub fn bundled_plan() -> PathBuf {
    repo_root().join("plans/so-khcn-kon-tum-2024.toml")
}

/// The bundled plan's path as an argument.
pub fn bundled_plan_path() -> String {
    bundled_plan().display().to_string()
}

/// The illustrative example's path as an argument.
pub fn example_plan_path() -> String {
    repo_root()
        .join("examples/progress-2024/plan.toml")
        .display()
        .to_string()
}

/// A small valid plan to build test cases from.
pub const SMALL_PLAN: &str = r#"[plan]
title = "Kế hoạch thử"
agency = "Sở Khoa học và Công nghệ"
province = "Kon Tum"
year = 2024

[[units]]
id = "hc-th"
name = "Phòng Hành chính - Tổng hợp"
short = "HC-TH"

[[indices]]
id = "minh-bach"
name = "Tính minh bạch"

[[tasks]]
id = "1.1"
index = "minh-bach"
text = "Đẩy mạnh công tác thông tin, tuyên truyền"
lead = ["hc-th"]
schedule = { kind = "ongoing", text = "Thường xuyên" }

[[targets]]
id = "dvctt"
kind = "percent_at_least"
task = "1.1"
text = "đảm bảo tối thiểu 80%"
percent = 80
"#;

/// Debian's python3 with each of `modules` (an independent reader, as
/// icalendar or openpyxl); the one on PATH may be another (pyenv) without.
pub fn python_with(modules: &[&str]) -> Option<PathBuf> {
    let imports = format!("import {}", modules.join(", "));
    ["/usr/bin/python3", "python3"]
        .iter()
        .map(PathBuf::from)
        .find(|python| {
            Command::new(python)
                .args(["-c", &imports])
                .output()
                .is_ok_and(|output| output.status.success())
        })
}

/// What a reader script of `tests/integration/` prints, as JSON, run by
/// `python` on `args` in the folder `dir`; its failure fails the test.
pub fn python_reads<S: AsRef<std::ffi::OsStr>>(
    python: &Path,
    script: &str,
    args: &[S],
    dir: &Path,
) -> serde_json::Value {
    let output = Command::new(python)
        .arg(repo_root().join("tests/integration").join(script))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run python");
    assert!(
        output.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the reader's JSON")
}
