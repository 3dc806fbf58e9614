//! Exit codes that mean something, as ripgrep's do.

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: done, nothing wrong (warnings allowed).
    Success,
    /// Exit 1: the plan has problems, or a requested check failed.
    Problems,
    /// Exit 2: a usage or I/O error.
    Failure,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Problems => ExitCode::from(1),
            Outcome::Failure => ExitCode::from(2),
        }
    }
}
