//! Replacing a file so that a crash at any moment leaves either the old file or
//! the new one, never half of one: write a temporary file in the same folder,
//! flush it to disk, then rename it over the original.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

/// The end of every temporary file ddci writes: with the lock file's
/// `.ddci-lock`, one ignore line (`.*.ddci-*`) covers both.
pub const TEMPORARY_SUFFIX: &str = ".ddci-tmp";

/// Atomically replaces the file at `path` (a real file, not a symlink: resolve
/// links first) with `contents`, keeping its permissions and, where allowed,
/// its owner and group.
pub fn replace_file(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let metadata = std::fs::metadata(path).with_context(|| {
        let shown = path.display();
        crate::say!(
            "không đọc được thông tin của `{shown}`",
            "cannot read the metadata of `{shown}`"
        )
    })?;
    write_through_temporary(path, contents, Some(&metadata))
}

/// Writes `contents` to `path` atomically whether or not it exists: a new
/// file is readable by all (0644), an existing one keeps its permissions and
/// owner, and a symlink is written through to the file it points at. What is
/// not a regular file (`/dev/stdout`, a FIFO, a device) is written into, as
/// the shell's `>` would: replacing it would put a file where it was.
pub fn write_file(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() => {
            let mut target = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| {
                    let shown = path.display();
                    crate::say!("không ghi được `{shown}`", "cannot write `{shown}`")
                })?;
            target.write_all(contents).with_context(|| {
                let shown = path.display();
                crate::say!("không ghi được `{shown}`", "cannot write `{shown}`")
            })?;
            Ok(())
        }
        Ok(_) => {
            let real = std::fs::canonicalize(path).with_context(|| {
                let shown = path.display();
                crate::say!("không tìm thấy `{shown}`", "cannot find `{shown}`")
            })?;
            replace_file(&real, contents)
        }
        Err(_) => write_through_temporary(path, contents, None),
    }
}

fn write_through_temporary(
    path: &Path,
    contents: &[u8],
    existing: Option<&std::fs::Metadata>,
) -> anyhow::Result<()> {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |name| name.to_string_lossy());
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(folder)
        .with_context(|| {
            let shown = folder.display();
            crate::say!(
                "không tạo được tệp tạm trong `{shown}`",
                "cannot create a temporary file in `{shown}`"
            )
        })?;
    temporary.write_all(contents).with_context(|| {
        let shown = path.display();
        crate::say!("không ghi được `{shown}`", "cannot write `{shown}`")
    })?;
    match existing {
        Some(metadata) => {
            temporary
                .as_file()
                .set_permissions(metadata.permissions())?;
            keep_owner(temporary.path(), metadata);
        }
        None => readable_by_all(temporary.as_file())?,
    }
    temporary.as_file().sync_all().with_context(|| {
        let shown = path.display();
        crate::say!("không ghi được `{shown}`", "cannot write `{shown}`")
    })?;
    temporary.persist(path).with_context(|| {
        let shown = path.display();
        crate::say!("không thay được `{shown}`", "cannot replace `{shown}`")
    })?;
    sync_folder(folder);
    Ok(())
}

/// Removes what killed runs left beside `path` (`.plan.toml.XXXXXX.ddci-tmp`).
/// Call it only while holding the plan's lock, when no other writer is busy.
pub fn remove_leftovers(path: &Path) {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(name) = path.file_name().map(|name| name.to_string_lossy()) else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        if file.starts_with(&prefix) && file.ends_with(TEMPORARY_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn keep_owner(path: &Path, metadata: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only root may give a file away; anyone else may still keep the group,
    // if they belong to it, and the new file is theirs, as the old one was.
    if std::os::unix::fs::chown(path, Some(metadata.uid()), Some(metadata.gid())).is_err() {
        let _ = std::os::unix::fs::chown(path, None, Some(metadata.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_path: &Path, _metadata: &std::fs::Metadata) {}

/// Makes the rename itself durable. Best effort: not every system allows
/// opening a folder.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = std::fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_keeps_permissions() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("plan.toml");
        std::fs::write(&path, "old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        replace_file(&path, b"new").expect("replace");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("metadata")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let leftovers: Vec<_> = std::fs::read_dir(folder.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|entry| {
                entry
                    .file_name()
                    .to_string_lossy()
                    .ends_with(TEMPORARY_SUFFIX)
            })
            .collect();
        assert!(leftovers.is_empty());
    }
}
