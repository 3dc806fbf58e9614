//! What people type and read, below everything else: progress words and
//! assessments with or without diacritics, dates as offices write them,
//! numbers with a decimal comma, and the folding that compares names.
//!
//! One reading for each: the command line (`record`, `import`, `result`),
//! the forms and whatever comes next all call these, so a word one accepts
//! the others accept too. Nothing here knows the plan.

pub mod date;
pub mod fold;
pub mod labels;
pub mod language;
pub mod number;
pub mod official_titles;
pub mod progress;
pub mod short_name;
pub mod speech;
pub mod suggest;
pub mod text;
pub mod visible;
