//! Integration tests: the `ddci` binary run on stated inputs, with the exact
//! output and exit code expected. One binary, one small harness.

mod bundled_plan;
mod calendar;
mod documented_commands;
mod examples;
mod first_hour;
mod forms;
mod harness;
mod hostile_forms;
mod hostile_input;
mod html_in_browser;
mod loader_never_panics;
mod messages;
mod record;
mod regressions;
mod report;
mod report_prose;
mod robustness;
mod rollup;
mod rollup_units;
mod status;
mod through_time;
mod tools;
mod validate;
mod word_document;
