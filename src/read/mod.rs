//! Reading a plan: finding it, its bytes, its TOML (whole or entry by entry), the spans
//! that map bytes to lines and character columns, and the diagnostics that point into it.

pub mod chunks;
pub mod diagnostic;
pub mod field_names;
pub mod load;
pub mod locate;
pub mod plain_read;
pub mod source_file;
