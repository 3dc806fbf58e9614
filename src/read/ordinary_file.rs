//! What ddci reads from disk beyond the forms (the plan, its language, the
//! form key, an existing schema) is an ordinary file of a bounded size: a
//! FIFO would wait for ever, `/dev/zero` never ends, and files of the
//! kernel (`/proc/kmsg`) are "regular" yet block or never end. Anything
//! else is refused before it is opened, and what is read stops one byte
//! past the bound.

use std::io::Read as _;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum Unread {
    /// It is not there, or cannot be opened or read.
    Io(std::io::Error),
    /// A folder, a device, a pipe, or a file of the kernel.
    NotOrdinary,
    /// Larger than the bound (its size in bytes, as far as it was seen).
    TooLarge(u64),
}

/// The bytes of the ordinary file at `path`, at most `most` of them.
pub fn read(path: &Path, most: u64) -> Result<Vec<u8>, Unread> {
    if !is_ordinary(path) {
        return match std::fs::metadata(path) {
            Err(error) => Err(Unread::Io(error)),
            Ok(_) => Err(Unread::NotOrdinary),
        };
    }
    let metadata = std::fs::metadata(path).map_err(Unread::Io)?;
    if metadata.len() > most {
        return Err(Unread::TooLarge(metadata.len()));
    }
    // Sized for the file at once (plus one byte, to see it end).
    let capacity = usize::try_from(metadata.len().min(most)).unwrap_or(0) + 1;
    let mut bytes = Vec::with_capacity(capacity);
    std::fs::File::open(path)
        .map_err(Unread::Io)?
        .take(most + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > most {
        return Err(Unread::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether `path` is a regular file outside the kernel's own folders.
pub fn is_ordinary(path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    if !metadata.is_file() {
        return false;
    }
    let Ok(real) = std::fs::canonicalize(path) else {
        return false;
    };
    !["/proc", "/sys", "/dev"]
        .iter()
        .any(|kernel| real.starts_with(kernel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ordinary_files_of_their_size_are_read() {
        let folder = tempfile::tempdir().expect("a folder");
        let small = folder.path().join("small.toml");
        std::fs::write(&small, "abc").expect("write");
        assert_eq!(read(&small, 3).expect("three bytes"), b"abc");
        assert!(matches!(read(&small, 2), Err(Unread::TooLarge(3))));
        assert!(matches!(read(folder.path(), 10), Err(Unread::NotOrdinary)));
        assert!(matches!(
            read(&folder.path().join("none"), 10),
            Err(Unread::Io(_))
        ));
        #[cfg(target_os = "linux")]
        {
            assert!(matches!(
                read(Path::new("/dev/zero"), 10),
                Err(Unread::NotOrdinary)
            ));
            assert!(!is_ordinary(Path::new("/proc/self/status")));
            let link = folder.path().join("kmsg.toml");
            std::os::unix::fs::symlink("/proc/kmsg", &link).expect("link");
            assert!(!is_ordinary(&link));
        }
    }
}
