//! File names with `*` and `?`, expanded by ddci itself: Unix shells expand
//! `phieu-quy-3/*.xlsx` before ddci sees it, but PowerShell and `cmd` on
//! Windows pass it as typed. A name that exists is taken as it is; a pattern
//! is matched against the file names of its folder (only its last part may
//! hold `*` or `?`), in name order; one that matches nothing stays as typed,
//! so that reading it says it cannot be found.

use std::path::{Path, PathBuf};

/// Each path as given, or the files its pattern matches.
pub fn expanded(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        let matched = matching(path);
        if matched.is_empty() {
            out.push(path.clone());
        } else {
            out.extend(matched);
        }
    }
    out
}

fn matching(path: &Path) -> Vec<PathBuf> {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return Vec::new();
    };
    if !name.contains(['*', '?']) || path.exists() {
        return Vec::new();
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| {
            let file = entry.file_name().into_string().ok()?;
            // Hidden files are left out, as shells leave them out.
            (!file.starts_with('.') && matches(name, &file)).then(|| path.with_file_name(file))
        })
        .collect();
    found.sort();
    found
}

/// Whether `text` matches `pattern`: `*` any run of characters, `?` one.
fn matches(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    // Iterative matching with one backtrack point: linear in practice.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some('?') => {
                p += 1;
                t += 1;
            }
            Some(c) if *c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_as_shells_match() {
        let cases = [
            ("*.xlsx", "thanh-tra-2024-Q3.xlsx", true),
            ("*.xlsx", "thanh-tra-2024-Q3.xlsx.bak", false),
            ("*-Q3.xlsx", "hc-th-2024-Q3.xlsx", true),
            ("*-Q3.xlsx", "hc-th-2024-Q2.xlsx", false),
            ("?c-th*", "hc-th-2024-Q3.xlsx", true),
            ("?c-th*", "c-th", false),
            ("*", "", true),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "aXbY", false),
            ("phiếu-*.xlsx", "phiếu-quý-3.xlsx", true),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(matches(pattern, text), expected, "{pattern} {text}");
        }
    }

    #[test]
    fn a_folder_s_forms_are_found_in_order_and_a_name_is_kept() {
        let folder = tempfile::tempdir().expect("a folder");
        for name in [
            "b-2024-Q3.xlsx",
            "a-2024-Q3.xlsx",
            ".hidden.xlsx",
            "notes.txt",
        ] {
            std::fs::write(folder.path().join(name), "").expect("a file");
        }
        let pattern = folder.path().join("*.xlsx");
        assert_eq!(
            expanded(std::slice::from_ref(&pattern)),
            [
                folder.path().join("a-2024-Q3.xlsx"),
                folder.path().join("b-2024-Q3.xlsx")
            ]
        );
        let nothing = folder.path().join("*.csv");
        assert_eq!(expanded(std::slice::from_ref(&nothing)), vec![nothing]);
        let plain = folder.path().join("notes.txt");
        assert_eq!(expanded(std::slice::from_ref(&plain)), vec![plain]);
    }
}
