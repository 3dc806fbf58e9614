//! Reading a plan: finding it, its bytes, its TOML (whole or entry by entry), the spans
//! that map bytes to lines and character columns, and the diagnostics that point into it.

pub mod chunks;
pub mod diagnostic;
pub mod field_names;
mod key_paths;
pub mod load;
mod load_pieces;
mod loader;
pub mod locate;
pub mod ordinary_file;
pub mod plain_read;
mod serde_words;
pub mod source_file;
