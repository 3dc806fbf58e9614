//! An exclusive lock that serialises writers of one plan. The lock is taken
//! on a separate file beside the plan, never on the plan itself: the plan is
//! replaced by a rename, and a lock held on the replaced file would protect
//! nothing, so two writers would each think they hold it and lose an update.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;

/// Held while the plan is read, changed and written; released on drop.
#[derive(Debug)]
pub struct PlanLock {
    _file: File,
}

impl PlanLock {
    /// Waits until no other `ddci` process is writing `plan`, then holds the
    /// lock. After a moment it says on `notices` that it is waiting; after
    /// `patience` it gives up with an error naming the lock file.
    pub fn acquire(
        plan: &Path,
        patience: Duration,
        notices: &mut dyn Write,
    ) -> anyhow::Result<Self> {
        crate::write::own_folder::make(plan)?;
        let path = lock_path(plan);
        let file = open_lock_file(&path, plan)?;
        let started = Instant::now();
        let mut said = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(error)) => {
                    return Err(error).with_context(|| {
                        let shown = path.display();
                        crate::say!("không khóa được `{shown}`", "cannot lock `{shown}`")
                    });
                }
            }
            let waited = started.elapsed();
            if waited >= patience {
                let (seconds, shown) = (waited.as_secs(), path.display());
                anyhow::bail!(crate::say!(
                    "một tiến trình khác đang ghi kế hoạch đã {seconds} giây (nó giữ `{shown}`); chưa ghi gì\n\
                     gợi ý: chờ nó xong rồi chạy lại lệnh, hoặc cho chờ lâu hơn bằng `--wait SECONDS`",
                    "another process has been writing the plan for {seconds} s (it holds `{shown}`); nothing was written\n\
                     help: wait for it to finish and run the command again, or give it longer with `--wait SECONDS`"
                ));
            }
            if !said && waited >= SAY_AFTER {
                let (shown, seconds) = (crate::words::visible::path(&path), patience.as_secs());
                let notice = crate::say!(
                    "đang chờ một tiến trình khác ghi xong kế hoạch (nó giữ `{shown}`; thôi chờ sau {seconds} giây)…",
                    "waiting for another process writing the plan (it holds `{shown}`; giving up after {seconds} s)…"
                );
                let _ = writeln!(notices, "{notice}");
                said = true;
            }
            std::thread::sleep(POLL.min(patience.saturating_sub(waited)));
        }
    }
}

/// How long a wait goes unmentioned.
const SAY_AFTER: Duration = Duration::from_millis(500);
/// How often the lock is tried while waiting.
const POLL: Duration = Duration::from_millis(25);

/// Opens the lock file, creating it for everyone who may write the plan:
/// with the plan's permissions and group. One made by another user that this
/// one cannot write is opened for reading: a lock needs no more.
fn open_lock_file(path: &Path, plan: &Path) -> anyhow::Result<File> {
    // A FIFO in its place would block the open itself, past any --wait; a
    // link (to the plan, say) would lock a file that each write replaces.
    let stand_in = std::fs::symlink_metadata(path)
        .is_ok_and(|metadata| metadata.file_type().is_symlink())
        || std::fs::metadata(path).is_ok_and(|metadata| !metadata.is_file());
    if stand_in {
        let shown = crate::words::visible::path(path);
        anyhow::bail!(crate::say!(
            "`{shown}` không phải tệp khóa (mà là liên kết, đường ống, thiết bị hoặc thư mục); chưa ghi gì\ngợi ý: xóa nó; ddci sẽ tạo lại tệp khóa",
            "`{shown}` is not a lock file (a link, a pipe, a device or a folder); nothing was written\nhelp: remove it; ddci makes the lock again"
        ));
    }
    match OpenOptions::new().create_new(true).write(true).open(path) {
        Ok(file) => {
            if let Ok(metadata) = std::fs::metadata(plan) {
                let _ = file.set_permissions(metadata.permissions());
                share_group(path, &metadata);
            }
            return Ok(file);
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(error) => {
            return Err(error).with_context(|| {
                let shown = path.display();
                crate::say!(
                    "không tạo được tệp khóa `{shown}`",
                    "cannot create the lock file `{shown}`"
                )
            });
        }
    }
    OpenOptions::new()
        .write(true)
        .open(path)
        .or_else(|_| File::open(path))
        .with_context(|| {
            let shown = path.display();
            crate::say!(
                "không mở được tệp khóa `{shown}`",
                "cannot open the lock file `{shown}`"
            )
        })
}

#[cfg(unix)]
fn share_group(path: &Path, plan: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::chown(path, None, Some(plan.gid()));
}

#[cfg(not(unix))]
fn share_group(_path: &Path, _plan: &std::fs::Metadata) {}

/// `.ddci/.plan.toml.ddci-lock` beside `plan.toml`: in ddci's own folder,
/// which git ignores (`write/own_folder.rs`), so the lock never shows in
/// `git status`. It stays after use: deleting a lock file while another
/// process waits on it would let a third one in.
pub fn lock_path(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or_else(|| "plan.toml".into(), |name| name.to_string_lossy());
    crate::write::own_folder::path(plan).join(format!(".{name}.ddci-lock"))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn lock_file_sits_in_ddci_s_own_folder_beside_the_plan() {
        assert_eq!(
            super::lock_path(Path::new("plans/ke-hoach.toml")),
            Path::new("plans/.ddci/.ke-hoach.toml.ddci-lock")
        );
        assert_eq!(
            super::lock_path(Path::new("plan.toml")),
            Path::new("./.ddci/.plan.toml.ddci-lock")
        );
    }
}
