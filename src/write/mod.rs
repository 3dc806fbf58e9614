//! Writing the plan and files beside it: the lock, the atomic replace, a record's lines
//! and where they go, TOML text, the import of filled forms, and a plan carried into a
//! new year.

pub mod atomic_write;
pub mod carry_forward;
pub mod figure_conflicts;
pub mod import;
pub mod own_folder;
pub mod plan_lock;
pub mod record_entry;
pub mod toml_text;
