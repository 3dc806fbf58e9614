//! One file per subcommand; each takes validated settings and a writer.

pub mod completions;
pub mod init;
pub mod record;
pub mod report;
pub mod schema;
pub mod status;
pub mod validate;
