//! Drafts on disk: the paths on the command line → draft inputs.
//!
//! Owns: turning paths into draft files (directories walked recursively for `*.md`, symbolic
//! links followed), sorted by name whatever the order of the arguments or of the directory
//! listing, and reading their bytes through an origin. Every problem names the path and
//! becomes an `InputProblem`; the walk goes on.
//! Must not: decode or parse the bytes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{InputProblem, ProblemKind};
use crate::i18n::tr;
use crate::origin::{Input, InputKind, Origin, describe_io_error};
use crate::text::display_path as display;

/// A draft to check: its display name (with `/`) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftPath {
    pub name: String,
    pub path: PathBuf,
}

/// Markdown drafts, and Word drafts (`.docx`; a `.docm` is found so that it is refused with
/// a reason). Word's lock file beside an open document (`~$plan.docx`) is not a draft.
fn is_draft(p: &Path) -> bool {
    let lock = p
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$"));
    !lock
        && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["md", "markdown", "docx", "docm"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        })
}

/// An old binary Word file: not read, but named, so nobody thinks it was checked.
fn is_binary_word(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("doc"))
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
    // The folders being checked, as they really are: a link may lead anywhere inside them.
    let roots: Vec<PathBuf> = paths.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    let visited = std::cell::RefCell::new(std::collections::HashSet::new());
    let skipped = std::cell::RefCell::new(Vec::new());
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let (kind, message) = if is_broken_link(root) {
                    (ProblemKind::NotFound, tr!("walk-broken-link-argument"))
                } else {
                    (ProblemKind::of_io(&e), describe_io_error(&e))
                };
                problems.push(InputProblem::error(
                    display(root),
                    kind,
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
        if !meta.is_dir() {
            problems.push(special_file(display(root)));
            continue;
        }
        // Links are followed, but each real folder (device and inode) is entered once, so
        // links that fan out (a/{x,y} → ../b, twenty deep) cannot make the walk exponential,
        // and a link that leads outside every folder being checked (/proc/self, /sys) is
        // skipped with a warning.
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                    return false;
                }
                if e.depth() > 0 && e.path_is_symlink() {
                    let inside = std::fs::canonicalize(e.path()).is_ok_and(|t| roots.iter().any(|r| t.starts_with(r)));
                    if !inside {
                        let mut skip = InputProblem::warning(
                            display(e.path()),
                            ProblemKind::LinkOutside,
                            tr!("walk-link-outside"),
                        );
                        skip.help = Some(tr!("walk-link-outside-help"));
                        skipped.borrow_mut().push(skip);
                        return false;
                    }
                }
                if e.file_type().is_dir()
                    && let Ok(m) = e.metadata()
                {
                    use std::os::unix::fs::MetadataExt;
                    return visited.borrow_mut().insert((m.dev(), m.ino()));
                }
                true
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_draft(e.path()) => add(e.path(), &mut drafts),
                // A pipe or a device named like a draft is never read (it could block).
                Ok(e) if !e.file_type().is_dir() && is_draft(e.path()) => {
                    problems.push(special_file(display(e.path())));
                }
                Ok(e) if e.file_type().is_file() && is_binary_word(e.path()) => {
                    let name = display(e.path());
                    let mut p =
                        InputProblem::warning(name.clone(), ProblemKind::Word, tr!("walk-doc-skipped", name = name));
                    p.help = Some(tr!("docx-save-as-docx"));
                    problems.push(p);
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map_or_else(|| display(root), display);
                    if let Some(ancestor) = e.loop_ancestor() {
                        let msg = tr!("walk-link-loop", ancestor = display(ancestor));
                        problems.push(InputProblem::warning(path, ProblemKind::LinkLoop, msg));
                    } else if e.path().is_some_and(is_broken_link) {
                        problems.push(InputProblem::warning(
                            path,
                            ProblemKind::BrokenLink,
                            tr!("walk-broken-link"),
                        ));
                    } else {
                        let kind = e.io_error().map_or(ProblemKind::Unreadable, ProblemKind::of_io);
                        let message = e.io_error().map_or_else(|| e.to_string(), describe_io_error);
                        problems.push(InputProblem::error(path, kind, message, None));
                    }
                }
            }
        }
    }
    problems.extend(skipped.into_inner());
    // The plan's order (first occurrences, cycles) must not depend on the order of the
    // arguments: sort by name.
    drafts.sort_by(|a, b| a.name.cmp(&b.name));
    (drafts, problems)
}

/// Read a draft's bytes from `origin` (a problem names the file).
pub fn read(d: &DraftPath, origin: &dyn Origin) -> Result<Input, InputProblem> {
    origin
        .read(&d.path, InputKind::Draft)
        .map(|bytes| Input::draft(d.name.clone(), bytes))
        .map_err(|e| InputProblem::error(d.name.clone(), ProblemKind::of_io(&e), describe_io_error(&e), None))
}

fn special_file(file: String) -> InputProblem {
    InputProblem::error(
        file,
        ProblemKind::SpecialFile,
        tr!("walk-special-file"),
        Some(tr!("walk-missing-help")),
    )
}

/// The problem of paths that hold no draft at all.
pub fn no_drafts(paths: &[PathBuf]) -> InputProblem {
    let shown: Vec<String> = paths.iter().map(|p| display(p)).collect();
    InputProblem::error(
        shown.join(", "),
        ProblemKind::NoDrafts,
        tr!("walk-no-drafts"),
        Some(tr!("walk-no-drafts-help")),
    )
}
