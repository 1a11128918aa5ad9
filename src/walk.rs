//! Finding and reading drafts.
//!
//! Owns: turning the paths on the command line into draft files (directories walked
//! recursively for `*.md`, in sorted order, links not followed), and reading them as UTF-8
//! text. Every problem names the path and becomes an `InputProblem`; the walk goes on.
//! Must not: parse Markdown.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// A file or path kader could not use. Lowers the exit status to 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub path: String,
    pub message: String,
    pub help: Option<String>,
}

/// A draft to check: its display name (with `/`) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftPath {
    pub name: String,
    pub path: PathBuf,
}

pub fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "bestaat niet".into(),
        io::ErrorKind::PermissionDenied => "geen leesrechten".into(),
        io::ErrorKind::IsADirectory => "is een map".into(),
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

/// Expand the given paths into draft files, each once, in the order given (directories
/// sorted by file name).
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
                problems.push(InputProblem {
                    path: display(root),
                    message: describe_io_error(&e),
                    help: Some("Geef een bestaand bestand of een map met concepten (*.md).".into()),
                });
                continue;
            }
        };
        if meta.is_file() {
            add(root, &mut drafts);
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_draft(e.path()) => add(e.path(), &mut drafts),
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map_or_else(|| display(root), display);
                    let message = e.io_error().map_or_else(|| e.to_string(), describe_io_error);
                    problems.push(InputProblem {
                        path,
                        message,
                        help: None,
                    });
                }
            }
        }
    }
    (drafts, problems)
}

/// Read a draft as UTF-8 text. A NUL byte or invalid UTF-8 is a problem with a position.
pub fn read(d: &DraftPath) -> Result<String, InputProblem> {
    let bytes = std::fs::read(&d.path).map_err(|e| InputProblem {
        path: d.name.clone(),
        message: describe_io_error(&e),
        help: None,
    })?;
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        let (line, col) = line_col(&bytes, i);
        return Err(InputProblem {
            path: format!("{}:{line}:{col}", d.name),
            message: "is geen tekstbestand (bevat NUL-bytes)".into(),
            help: Some("Een concept is Markdown-tekst; haal dit bestand uit de map of hernoem het.".into()),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = line_col(e.as_bytes(), at);
        InputProblem {
            path: format!("{}:{line}:{col}", d.name),
            message: "is geen UTF-8".into(),
            help: Some("Sla het bestand op als UTF-8 (in Word: Opslaan als → Platte tekst → Unicode (UTF-8)).".into()),
        }
    })
}

fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}
