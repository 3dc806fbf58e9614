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

/// Refuses a `.ddci` that is not a real folder: a link in its place would
/// put the lock and the key that seals forms wherever it points, and a key
/// put there beforehand would be believed.
pub fn refuse_a_stand_in(plan: &Path) -> anyhow::Result<()> {
    let folder = path(plan);
    if std::fs::symlink_metadata(&folder).is_ok_and(|metadata| !metadata.is_dir()) {
        let shown = crate::words::visible::path(&folder);
        anyhow::bail!(crate::say!(
            "`{shown}` không phải một thư mục (mà là liên kết hoặc tệp); ddci chỉ dùng thư mục `.ddci` thật bên cạnh kế hoạch\ngợi ý: xóa nó; ddci sẽ tạo lại thư mục",
            "`{shown}` is not a folder (a link or a file); ddci keeps its files only in a real `.ddci` folder beside the plan\nhelp: remove it; ddci makes the folder again"
        ));
    }
    Ok(())
}

/// `.ddci/` beside `plan`, made with its `.gitignore` if it is not there.
pub fn make(plan: &Path) -> anyhow::Result<PathBuf> {
    let folder = path(plan);
    refuse_a_stand_in(plan)?;
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
    // Made only where nothing is, not even a dangling link (which a plain
    // write would follow out of the folder); another ddci may make it at the
    // same moment.
    let made = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&ignore);
    match made {
        Ok(mut file) => {
            use std::io::Write as _;
            file.write_all(IGNORE_EVERYTHING.as_bytes())
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
    .map_err(|error| {
        let (shown, error) = (
            crate::words::visible::path(&ignore),
            crate::words::speech::io_error(&error),
        );
        anyhow::anyhow!(crate::say!(
            "không ghi được `{shown}`: {error}",
            "cannot write `{shown}`: {error}"
        ))
    })?;
    Ok(folder)
}
