//! Writing TOML text by hand where a format-preserving edit needs it.

use toml_writer::{TomlStringBuilder, TomlWrite as _};

/// A one-line TOML basic string: quotes, backslashes and control characters
/// escaped, Vietnamese kept as it is.
pub fn quoted(text: &str) -> String {
    let mut out = String::new();
    let _ = out.value(TomlStringBuilder::new(text).as_basic());
    out
}
