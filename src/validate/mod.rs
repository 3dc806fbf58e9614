//! The checks that run on a plan once it has been read. Each rule lives in
//! its own file and is listed once in [`RULES`]; every rule runs, and every
//! problem is collected, so a person can fix them all in one pass.

mod dates;
mod duplicate_ids;
mod records;
mod references;
mod schedule_fields;
mod target_fields;
mod value_ranges;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::diagnostic::{self, Diagnostic};
use crate::load::LoadedPlan;
use crate::plan::file::{PlanFile, Record};
use crate::source_file::SourceFile;

/// What every rule gets to look at.
#[derive(Debug)]
pub struct Context<'a> {
    pub file: &'a PlanFile,
    pub source: &'a SourceFile,
    /// The day against which "in the future" is judged.
    pub today: NaiveDate,
    pub unit_ids: HashSet<&'a str>,
    pub index_ids: HashSet<&'a str>,
    pub task_ids: HashSet<&'a str>,
    pub target_ids: HashSet<&'a str>,
}

impl<'a> Context<'a> {
    pub fn new(file: &'a PlanFile, source: &'a SourceFile, today: NaiveDate) -> Self {
        let unreadable = file.unreadable_ids.iter().map(String::as_str);
        let ids = |iter: Box<dyn Iterator<Item = &'a str> + 'a>| -> HashSet<&'a str> {
            iter.chain(unreadable.clone()).collect()
        };
        Self {
            file,
            source,
            today,
            unit_ids: ids(Box::new(
                file.units.iter().map(|unit| unit.id.get_ref().as_str()),
            )),
            index_ids: ids(Box::new(
                file.indices.iter().map(|index| index.id.get_ref().as_str()),
            )),
            task_ids: ids(Box::new(
                file.tasks.iter().map(|task| task.id.get_ref().as_str()),
            )),
            target_ids: ids(Box::new(
                file.targets
                    .iter()
                    .map(|target| target.id.get_ref().as_str()),
            )),
        }
    }

    /// The line a span of the plan's types starts on, for "first defined here" hints.
    pub fn line_of(&self, span: &std::ops::Range<usize>) -> usize {
        self.source
            .location(span.start + self.source.bom_len())
            .line
    }

    /// The plan's year, if the [plan] table could be read.
    pub fn year(&self) -> Option<i64> {
        self.file.plan.as_ref().map(|plan| *plan.year.get_ref())
    }

    /// Every record in the plan, with the id of the task or target it is under.
    pub fn records(&self) -> impl Iterator<Item = (&'a str, &'a Record)> {
        let file = self.file;
        file.tasks
            .iter()
            .flat_map(|task| {
                task.records
                    .iter()
                    .map(move |record| (task.id.get_ref().as_str(), record))
            })
            .chain(file.targets.iter().flat_map(|target| {
                target
                    .records
                    .iter()
                    .map(move |record| (target.id.get_ref().as_str(), record))
            }))
    }
}

type Rule = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Every rule, in the order their problems are most useful to read.
const RULES: &[Rule] = &[
    duplicate_ids::check,
    references::check,
    target_fields::check,
    schedule_fields::check,
    value_ranges::check,
    dates::check,
    records::check,
];

/// Runs every rule on a loaded plan and adds their diagnostics to the loader's.
pub fn validate(loaded: &mut LoadedPlan, today: NaiveDate) {
    let context = Context::new(&loaded.file, &loaded.source, today);
    let mut found = Vec::new();
    for rule in RULES {
        rule(&context, &mut found);
    }
    // Spans in the plan's types count from after a byte-order mark.
    let offset = loaded.source.bom_len();
    for diagnostic in &mut found {
        if let Some(span) = &mut diagnostic.span {
            *span = span.start + offset..span.end + offset;
        }
    }
    loaded.diagnostics.extend(found);
    diagnostic::sort(&mut loaded.diagnostics);
}
