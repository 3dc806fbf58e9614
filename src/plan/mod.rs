//! The plan: the file as written (`file`, serde types with spans), and the
//! validated model every command works on (`model`, with its goals in `goal`),
//! built from the file by `build`.

pub mod build;
pub mod date;
pub mod file;
pub mod goal;
pub mod model;
pub mod schema;
pub mod spanned;
