//! The plan: the file as written (`file`, serde types with spans), and the
//! validated model every command works on (`model`, with its goals in `goal`),
//! built from the file by `build`; what each kind of target answers for
//! itself is `target_kind`; what changes on a date is `in_force` (units,
//! tasks, targets, duties, the plan) and `goals` (a target's goal).

pub mod build;
pub mod date;
pub mod file;
pub mod file_changes;
pub mod goal;
pub mod goals;
pub mod in_force;
pub mod model;
pub mod record;
pub mod refs;
pub mod reporter;
pub mod schema;
pub mod spanned;
pub mod target_kind;
