//! `.ddci/` beside the plan: ddci's own files (the key that seals forms, the
//! writers' lock), never the user's to commit. Its own `.gitignore` keeps
//! git from seeing any of them, with no line in the user's `.gitignore`.

use std::path::{Path, PathBuf};

/// The folder's name.
pub const FOLDER: &str = ".ddci";

const IGNORE_EVERYTHING: &str =
    "# ddci's own files: the key that seals forms and the writers' lock; never committed.\n*\n";

/// `.ddci/` beside `plan`.
pub fn path(plan: &Path) -> PathBuf {
    plan.parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join(FOLDER)
}

/// `.ddci/` beside `plan`, made with its `.gitignore` if it is not there.
pub fn make(plan: &Path) -> anyhow::Result<PathBuf> {
    let folder = path(plan);
    std::fs::create_dir_all(&folder).map_err(|error| {
        let (shown, error) = (
            crate::words::visible::path(&folder),
            crate::words::speech::io_error(&error),
        );
        anyhow::anyhow!(crate::say!(
            "không tạo được `{shown}`: {error}",
            "cannot make `{shown}`: {error}"
        ))
    })?;
    let ignore = folder.join(".gitignore");
    if !ignore.exists() {
        // Another ddci may write it at the same moment: the same bytes.
        std::fs::write(&ignore, IGNORE_EVERYTHING).map_err(|error| {
            let (shown, error) = (
                crate::words::visible::path(&ignore),
                crate::words::speech::io_error(&error),
            );
            anyhow::anyhow!(crate::say!(
                "không ghi được `{shown}`: {error}",
                "cannot write `{shown}`: {error}"
            ))
        })?;
    }
    Ok(folder)
}
