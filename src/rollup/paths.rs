//! Which files a roll-up reads: each file named, and every `.toml` file in
//! a folder named (searched all the way down, in name order). A folder's
//! TOML files that hold no plan table (a `Cargo.toml`, a tool's settings)
//! are passed over once read ([`looks_like_a_plan`]), in parallel with the
//! rest.

use std::path::{Path, PathBuf};

/// A file to read, and whether it was found in a folder (and may be some
/// other TOML file) rather than named.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub path: PathBuf,
    pub searched: bool,
    /// Why it is left out without being read: a folder that cannot be read,
    /// a link out of the folders given.
    pub problem: Option<String>,
}

pub fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<Candidate>> {
    let mut files = Vec::new();
    // Folders already searched, by their real path: a symbolic link back up
    // the tree is followed once, not forever.
    let mut searched = std::collections::HashSet::new();
    // A link is followed only inside the folders given: one to `/` or to
    // another office's share would walk the disk.
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter(|path| path.is_dir())
        .filter_map(|path| std::fs::canonicalize(path).ok())
        .collect();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|error| {
            let (path, error) = (
                crate::words::visible::path(path),
                crate::words::speech::io_error(&error),
            );
            anyhow::anyhow!(crate::say!(
                "không đọc được `{path}`: {error}\ngợi ý: hãy nêu các tệp kế hoạch, hoặc các thư mục chứa chúng",
                "cannot read `{path}`: {error}\nhelp: name plan files, or folders holding them"
            ))
        })?;
        if metadata.is_dir() {
            search(path, 0, &roots, &mut files, &mut searched);
        } else {
            files.push(Candidate {
                path: path.clone(),
                searched: false,
                problem: None,
            });
        }
    }
    // A plan named twice (a file and its folder) is read once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|file| {
        seen.insert(std::fs::canonicalize(&file.path).unwrap_or_else(|_| file.path.clone()))
    });
    Ok(files)
}

/// How deep below a folder given plans are looked for.
const MOST_LEVELS: usize = 32;

/// Every `.toml` file under `folder`; a folder that cannot be read, or a
/// link that leads out of `roots`, is a candidate left out with why, and
/// the rest of the tree is searched.
fn search(
    folder: &Path,
    depth: usize,
    roots: &[PathBuf],
    files: &mut Vec<Candidate>,
    searched: &mut std::collections::HashSet<PathBuf>,
) {
    let left_out = |path: &Path, problem: String| Candidate {
        path: path.to_path_buf(),
        searched: false,
        problem: Some(problem),
    };
    // A province's folders are a few levels deep; a tree far deeper is no
    // archive of plans, and walking it costs time that grows with its depth.
    if depth > MOST_LEVELS {
        files.push(left_out(
            folder,
            crate::say!(
                "không tìm trong các thư mục lồng sâu quá {MOST_LEVELS} cấp",
                "folders nested more than {MOST_LEVELS} levels deep are not searched"
            ),
        ));
        return;
    }
    let real = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    if !searched.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            let error = crate::words::speech::io_error(&error);
            files.push(left_out(
                folder,
                crate::say!(
                    "không đọc được thư mục: {error}",
                    "the folder cannot be read: {error}"
                ),
            ));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("");
        // Hidden folders (.git) and build output hold no plans.
        if name.starts_with('.') || name == "target" {
            continue;
        }
        let is_link = std::fs::symlink_metadata(&entry)
            .is_ok_and(|metadata| metadata.file_type().is_symlink());
        if is_link {
            match std::fs::canonicalize(&entry) {
                Ok(target) if roots.iter().any(|root| target.starts_with(root)) => {}
                Ok(target) => {
                    let target = crate::words::visible::path(&target);
                    files.push(left_out(
                        &entry,
                        crate::say!(
                            "liên kết dẫn ra ngoài các thư mục đã nêu (tới `{target}`), không đọc theo",
                            "a link out of the folders given (to `{target}`), not followed"
                        ),
                    ));
                    continue;
                }
                // A broken link: nothing to read.
                Err(_) => continue,
            }
        }
        if entry.is_dir() {
            search(&entry, depth + 1, roots, files, searched);
        } else if entry
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            files.push(Candidate {
                path: entry,
                searched: true,
                problem: None,
            });
        }
    }
}

/// Whether a file found in a folder is a plan: it names one of the plan's
/// tables at the start of a line. Looked at as bytes, line by line, so a
/// large plan is not decoded twice. A file that is not UTF-8 (a plan saved
/// as "Unicode", UTF-16, by Notepad) is taken as one, so that its problem is
/// reported rather than passed over.
pub fn looks_like_a_plan(bytes: &[u8]) -> bool {
    names_a_plan_table(bytes) || std::str::from_utf8(bytes).is_err()
}

/// Whether the text has a line opening one of a plan's tables.
pub fn names_a_plan_table(bytes: &[u8]) -> bool {
    bytes.split(|byte| *byte == b'\n').any(|line| {
        let line = line.trim_ascii_start();
        let Some(rest) = line.strip_prefix(b"[[").or_else(|| line.strip_prefix(b"[")) else {
            return false;
        };
        let rest = rest.trim_ascii_start();
        crate::read::load::SECTIONS.iter().any(|section| {
            rest.strip_prefix(section.as_bytes()).is_some_and(|after| {
                let after = after.trim_ascii_start();
                after.starts_with(b"]") || after.starts_with(b".")
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::looks_like_a_plan;

    #[test]
    fn plans_are_told_from_other_toml_files() {
        let cases: [(&str, bool); 8] = [
            ("[plan]\ntitle = \"x\"\n", true),
            ("# a comment\r\n  [[tasks]]\r\nid = \"1\"\r\n", true),
            ("[ plan . overall ]\ngroup = \"x\"\n", true),
            ("[[results]]\nyear = 2024\n", true),
            ("[package]\nname = \"x\"\n", false),
            ("[planning]\nx = 1\n", false),
            ("title = \"[plan]\"\n", false),
            ("", false),
        ];
        for (text, expected) in cases {
            assert_eq!(looks_like_a_plan(text.as_bytes()), expected, "{text:?}");
        }
        // "[plan]" saved as UTF-16 with its mark is reported, not passed over.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("[plan]\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(looks_like_a_plan(&utf16));
    }
}
