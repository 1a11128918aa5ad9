//! The plan as it is in git's index (`kader check --staged`): what a commit would hold.
//!
//! Owns: listing the index (`git ls-files --stage`, which honours `GIT_INDEX_FILE`, as set by
//! `git commit -a` and by hooks), the drafts in it under the given paths, and reading staged
//! blobs (`git cat-file`) as an [`Origin`], so drafts, kader.toml, rule files, registers and
//! the baseline all come from the index. The working tree is never read or touched; a file
//! that is not in the index (untracked, or not yet added) is not part of the plan.
//! Must not: decode or parse the bytes.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use super::disk::DraftPath;
use super::{InputProblem, ProblemKind};
use crate::i18n::tr;
use crate::origin::{InputKind, Origin};
use crate::text::{normalize_path, relative_path};

/// Git's index of the repository that holds the working folder.
pub struct GitIndex {
    /// The repository's top level, absolute, with `/`.
    top: String,
    /// The working folder, absolute: what relative paths are relative to.
    cwd: PathBuf,
    /// Absolute path (with `/`) → the staged blob's object name.
    blobs: HashMap<String, String>,
    /// Blobs read so far.
    read: Mutex<HashMap<String, Vec<u8>>>,
}

fn git(cwd: &Path, args: &[&str]) -> io::Result<Vec<u8>> {
    let out = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        Err(io::Error::other(said))
    }
}

impl GitIndex {
    /// The index of the repository around `cwd`.
    pub fn open(cwd: &Path) -> io::Result<GitIndex> {
        let top = git(cwd, &["rev-parse", "--show-toplevel"])?;
        let top = String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']).to_owned();
        let top = normalize_path(Path::new(&top));
        let listing = git(Path::new(&top), &["ls-files", "--stage", "-z"])?;
        let mut blobs = HashMap::new();
        for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            // `<mode> <object> <stage>\t<path>`; a conflicted path (stage 1–3) cannot be
            // committed as it is, so only stage 0 counts.
            let entry = String::from_utf8_lossy(entry);
            let Some((meta, path)) = entry.split_once('\t') else {
                continue;
            };
            let mut fields = meta.split(' ');
            let (Some(mode), Some(object), Some("0")) = (fields.next(), fields.next(), fields.next()) else {
                continue;
            };
            // Regular files only: not links (120000) or submodules (160000).
            if mode.starts_with("100") {
                blobs.insert(format!("{top}/{path}"), object.to_owned());
            }
        }
        Ok(GitIndex {
            top,
            cwd: cwd.to_path_buf(),
            blobs,
            read: Mutex::new(HashMap::new()),
        })
    }

    fn absolute(&self, path: &Path) -> String {
        if path.is_absolute() {
            normalize_path(path)
        } else {
            normalize_path(&self.cwd.join(path))
        }
    }

    /// Is `path` a file in the index?
    pub fn contains(&self, path: &Path) -> bool {
        self.blobs.contains_key(&self.absolute(path))
    }

    /// The drafts (`*.md`, `*.markdown`) in the index under `paths`, named as seen from the
    /// working folder and sorted by name; a path with no file in the index is a problem.
    pub fn drafts(&self, paths: &[PathBuf]) -> (Vec<DraftPath>, Vec<InputProblem>) {
        let mut drafts: Vec<DraftPath> = Vec::new();
        let mut problems = Vec::new();
        let mut names: Vec<&String> = self.blobs.keys().collect();
        names.sort();
        for root in paths {
            let abs = self.absolute(root);
            let below = format!("{}/", abs.trim_end_matches('/'));
            let mut any = false;
            for name in &names {
                if **name != abs && !name.starts_with(&below) {
                    continue;
                }
                any = true;
                let is_draft = Path::new(name.as_str())
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
                // Hidden folders are skipped, as on disk.
                let hidden = name[self.top.len()..].split('/').any(|c| c.starts_with('.'));
                if is_draft && !hidden && !drafts.iter().any(|d| d.path == Path::new(name.as_str())) {
                    let shown = relative_path(&self.cwd, Path::new(name.as_str()));
                    drafts.push(DraftPath {
                        name: shown.to_string_lossy().replace('\\', "/"),
                        path: PathBuf::from(name.as_str()),
                    });
                }
            }
            if !any {
                problems.push(InputProblem::error(
                    root.to_string_lossy().replace('\\', "/"),
                    ProblemKind::NotFound,
                    tr!("git-not-staged"),
                    Some(tr!("git-not-staged-help")),
                ));
            }
        }
        drafts.sort_by(|a, b| a.name.cmp(&b.name));
        (drafts, problems)
    }

    /// Read the staged blobs of `paths` in one `git cat-file --batch`.
    pub fn prefetch(&self, paths: &[PathBuf]) -> io::Result<()> {
        let objects: Vec<&String> = paths.iter().filter_map(|p| self.blobs.get(&self.absolute(p))).collect();
        if objects.is_empty() {
            return Ok(());
        }
        let mut child = Command::new("git")
            .args(["cat-file", "--batch"])
            .current_dir(&self.top)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| io::Error::other("git cat-file: no stdin"))?;
        let request: String = objects.iter().map(|o| format!("{o}\n")).collect();
        // Written from a thread: git answers while it reads, and a pipe holds little.
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let mut out = Vec::new();
        child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("git cat-file: no stdout"))?
            .read_to_end(&mut out)?;
        let _ = writer.join();
        child.wait()?;
        let mut read = self.read.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut at = 0;
        for object in objects {
            // `<object> blob <size>\n<content>\n`
            let Some(nl) = out[at..].iter().position(|&b| b == b'\n') else {
                break;
            };
            let header = String::from_utf8_lossy(&out[at..at + nl]).into_owned();
            let size: usize = header.rsplit(' ').next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let start = at + nl + 1;
            let end = (start + size).min(out.len());
            read.insert(object.clone(), out[start..end].to_vec());
            at = end + 1;
        }
        Ok(())
    }
}

impl Origin for GitIndex {
    fn read(&self, path: &Path, _kind: InputKind) -> io::Result<Vec<u8>> {
        let abs = self.absolute(path);
        let Some(object) = self.blobs.get(&abs) else {
            return Err(io::Error::new(io::ErrorKind::NotFound, tr!("git-not-in-index")));
        };
        if let Some(bytes) = self
            .read
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(object)
        {
            return Ok(bytes.clone());
        }
        git(Path::new(&self.top), &["cat-file", "blob", object])
    }

    fn identity(&self, path: &Path) -> String {
        self.absolute(path)
    }
}
