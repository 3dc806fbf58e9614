//! One file per subcommand; each takes validated settings and a writer.

pub mod record;
pub mod report;
pub mod status;
pub mod validate;
