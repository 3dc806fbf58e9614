//! Finding the plan file: `--plan`, else `DDCI_PLAN`, else `plan.toml` in
//! the current folder or the nearest parent. Where the path came from is
//! kept, so that an error can say so.

use std::path::{Path, PathBuf};

/// The name looked for when no plan is given.
pub const DEFAULT_PLAN_NAME: &str = "plan.toml";

/// The variable that names the plan when `--plan` does not.
pub const PLAN_VARIABLE: &str = "DDCI_PLAN";

/// `--plan`, else a non-empty `DDCI_PLAN` (an empty one is as if unset), with
/// a word on where it came from for messages.
pub fn given_plan(flag: Option<&Path>) -> Option<(PathBuf, &'static str)> {
    if let Some(path) = flag {
        return Some((path.to_path_buf(), "--plan"));
    }
    std::env::var_os(PLAN_VARIABLE)
        .filter(|value| !value.is_empty())
        .map(|value| (PathBuf::from(value), PLAN_VARIABLE))
}

/// The plan to use, or an error that says everything that was searched.
pub fn find_plan(explicit: Option<&Path>, start: &Path) -> anyhow::Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    let mut searched = Vec::new();
    for folder in start.ancestors() {
        let candidate = folder.join(DEFAULT_PLAN_NAME);
        if candidate.is_file() {
            // A plan in the current folder is named as the person would type it.
            return Ok(if folder == start {
                PathBuf::from(DEFAULT_PLAN_NAME)
            } else {
                candidate
            });
        }
        searched.push(folder.display().to_string());
    }
    let searched = searched.join(", ");
    anyhow::bail!(crate::say!(
        "không tìm thấy kế hoạch: không có tệp {DEFAULT_PLAN_NAME} trong {searched}\n\
         gợi ý: dùng --plan PATH, đặt biến DDCI_PLAN, hoặc chạy `ddci` trong thư mục chứa {DEFAULT_PLAN_NAME}",
        "no plan found: there is no {DEFAULT_PLAN_NAME} in {searched}\n\
         help: pass --plan PATH, set DDCI_PLAN, or run `ddci` inside the folder that holds {DEFAULT_PLAN_NAME}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_parent_plan() {
        let root = tempfile::tempdir().expect("temp dir");
        let nested = root.path().join("a/b");
        std::fs::create_dir_all(&nested).expect("dirs");
        std::fs::write(root.path().join("a/plan.toml"), "").expect("write");
        assert_eq!(
            find_plan(None, &root.path().join("a")).expect("found"),
            Path::new("plan.toml")
        );
        assert_eq!(
            find_plan(None, &nested).expect("found"),
            root.path().join("a/plan.toml")
        );
    }

    #[test]
    fn says_where_it_looked() {
        let root = tempfile::tempdir().expect("temp dir");
        let error = find_plan(None, root.path()).expect_err("nothing there");
        assert!(
            error
                .to_string()
                .contains(&root.path().display().to_string())
        );
        assert!(error.to_string().contains("--plan"));
    }

    #[test]
    fn an_explicit_path_wins() {
        let path = Path::new("elsewhere.toml");
        assert_eq!(find_plan(Some(path), Path::new("/")).expect("given"), path);
    }
}
