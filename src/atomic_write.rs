//! Replacing a file so that a crash at any moment leaves either the old file or
//! the new one, never half of one: write a temporary file in the same folder,
//! flush it to disk, then rename it over the original.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

/// Atomically replaces the file at `path` (a real file, not a symlink: resolve
/// links first) with `contents`, keeping its permissions and, where allowed,
/// its owner.
pub fn replace_file(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let metadata = std::fs::metadata(path)
        .with_context(|| format!("cannot read the metadata of `{}`", path.display()))?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".ddci-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(|| format!("cannot create a temporary file in `{}`", folder.display()))?;
    temporary.write_all(contents)?;
    temporary
        .as_file()
        .set_permissions(metadata.permissions())?;
    keep_owner(temporary.path(), &metadata);
    temporary.as_file().sync_all()?;
    temporary
        .persist(path)
        .with_context(|| format!("cannot replace `{}`", path.display()))?;
    sync_folder(folder);
    Ok(())
}

#[cfg(unix)]
fn keep_owner(path: &Path, metadata: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only root may give a file away; for anyone else the new file is theirs,
    // as the old one was.
    let _ = std::os::unix::fs::chown(path, Some(metadata.uid()), Some(metadata.gid()));
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
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
