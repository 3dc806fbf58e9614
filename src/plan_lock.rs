//! An exclusive lock that serialises writers of one plan. The lock is taken
//! on a separate file beside the plan, never on the plan itself: the plan is
//! replaced by a rename, and a lock held on the replaced file would protect
//! nothing, so two writers would each think they hold it and lose an update.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// Held while the plan is read, changed and written; released on drop.
#[derive(Debug)]
pub struct PlanLock {
    _file: File,
}

impl PlanLock {
    /// Waits until no other `ddci` process is writing `plan`, then holds the lock.
    pub fn acquire(plan: &Path) -> anyhow::Result<Self> {
        let path = lock_path(plan);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot create the lock file `{}`", path.display()))?;
        file.lock()
            .with_context(|| format!("cannot lock `{}`", path.display()))?;
        Ok(Self { _file: file })
    }
}

/// `.plan.toml.lock` beside `plan.toml`. It stays after use: deleting a lock
/// file while another process waits on it would let a third one in.
pub fn lock_path(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or_else(|| "plan.toml".into(), |name| name.to_string_lossy());
    plan.with_file_name(format!(".{name}.lock"))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn lock_file_sits_beside_the_plan_and_is_hidden() {
        assert_eq!(
            super::lock_path(Path::new("plans/ke-hoach.toml")),
            Path::new("plans/.ke-hoach.toml.lock")
        );
    }
}
