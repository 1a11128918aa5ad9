//! Finding and reading drafts.
//!
//! Owns: turning the paths on the command line into draft files (directories walked
//! recursively for `*.md`, symbolic links followed), sorted by name whatever the order of
//! the arguments or of the directory listing, and reading them as UTF-8 text. Every problem
//! names the path and becomes an `InputProblem`; the walk goes on.
//! Must not: parse Markdown.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::tr;

/// A file or path kader could not use. An error lowers the exit status to 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub path: String,
    pub message: String,
    pub help: Option<String>,
    /// A link loop or a broken link is skipped with a warning; it does not make the run fail.
    pub warning: bool,
}

impl InputProblem {
    fn error(path: String, message: impl Into<String>, help: Option<String>) -> Self {
        InputProblem {
            path,
            message: message.into(),
            help,
            warning: false,
        }
    }

    fn warning(path: String, message: impl Into<String>) -> Self {
        InputProblem {
            path,
            message: message.into(),
            help: None,
            warning: true,
        }
    }
}

/// A draft to check: its display name (with `/`) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftPath {
    pub name: String,
    pub path: PathBuf,
}

pub fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => tr!("io-not-found"),
        io::ErrorKind::PermissionDenied => tr!("io-permission-denied"),
        io::ErrorKind::IsADirectory => tr!("io-is-a-directory"),
        _ => e.to_string(),
    }
}

fn display(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

fn is_draft(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

fn is_broken_link(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()) && std::fs::metadata(p).is_err()
}

/// Expand the given paths into draft files, each once, sorted by name.
pub fn discover(paths: &[PathBuf]) -> (Vec<DraftPath>, Vec<InputProblem>) {
    let mut drafts = Vec::new();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let mut add = |p: &Path, drafts: &mut Vec<DraftPath>| {
        let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if seen.insert(key) {
            drafts.push(DraftPath {
                name: display(p),
                path: p.to_path_buf(),
            });
        }
    };
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let message = if is_broken_link(root) {
                    tr!("walk-broken-link-argument")
                } else {
                    describe_io_error(&e)
                };
                problems.push(InputProblem::error(
                    display(root),
                    message,
                    Some(tr!("walk-missing-help")),
                ));
                continue;
            }
        };
        if meta.is_file() {
            add(root, &mut drafts);
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_draft(e.path()) => add(e.path(), &mut drafts),
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map_or_else(|| display(root), display);
                    if let Some(ancestor) = e.loop_ancestor() {
                        let msg = tr!("walk-link-loop", ancestor = display(ancestor));
                        problems.push(InputProblem::warning(path, msg));
                    } else if e.path().is_some_and(is_broken_link) {
                        problems.push(InputProblem::warning(path, tr!("walk-broken-link")));
                    } else {
                        let message = e.io_error().map_or_else(|| e.to_string(), describe_io_error);
                        problems.push(InputProblem::error(path, message, None));
                    }
                }
            }
        }
    }
    // The plan's order (first occurrences, cycles) must not depend on the order of the
    // arguments: sort by name.
    drafts.sort_by(|a, b| a.name.cmp(&b.name));
    (drafts, problems)
}

/// Read a draft as UTF-8 text. A NUL byte or invalid UTF-8 is a problem with a position.
pub fn read(d: &DraftPath) -> Result<String, InputProblem> {
    let bytes = std::fs::read(&d.path).map_err(|e| InputProblem::error(d.name.clone(), describe_io_error(&e), None))?;
    if let Some(i) = memchr::memchr(0, &bytes) {
        let (line, col) = line_col(&bytes, i);
        return Err(InputProblem::error(
            format!("{}:{line}:{col}", d.name),
            tr!("walk-binary"),
            Some(tr!("walk-binary-help")),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = line_col(e.as_bytes(), at);
        InputProblem::error(
            format!("{}:{line}:{col}", d.name),
            tr!("walk-not-utf8"),
            Some(tr!("walk-not-utf8-help")),
        )
    })
}

fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}
