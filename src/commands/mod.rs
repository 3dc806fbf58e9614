//! One file per subcommand; each turns its arguments into settings
//! (`settings.rs`), works on the validated plan, and writes to `Output`.

pub mod completions;
pub mod init;
pub mod record;
pub mod report;
pub mod schema;
pub mod status;
pub mod validate;
