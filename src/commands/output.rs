//! Writing a report to a file: atomically (a temporary file in the same directory, then a
//! rename), and never over a draft or any other file kader read.
//!
//! Owns: the only place where kader writes reports to the file system, and the choice
//! between standard output and a file.
//! Must not: decide what goes in the report.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::i18n::tr;
use crate::source::Sources;

/// Why a report was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError {
    pub message: String,
    pub help: Option<String>,
}

fn is_draft_name(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// What a chain of links ends in (also when that does not exist yet), at most 40 links deep.
fn resolve_link(link: &Path) -> PathBuf {
    let mut at = link.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&at) {
            Ok(next) => {
                at = match at.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            Err(_) => break,
        }
    }
    at
}

/// The file a path names: a link's end, or the path itself.
fn followed(target: &Path) -> PathBuf {
    if std::fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink()) {
        resolve_link(target)
    } else {
        target.to_path_buf()
    }
}

/// Write `bytes` to `target`. `inputs` are the files this run read; none of them, and no
/// Markdown file, is ever replaced.
pub fn write_report(target: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), WriteError> {
    if is_draft_name(target) {
        return Err(WriteError {
            message: tr!("output-is-draft", path = target.display().to_string()),
            help: Some(tr!("output-is-draft-help")),
        });
    }
    // A device, a pipe or a socket (also behind a link: -o /dev/stdout, -o /dev/null) is
    // written to as it is: replacing it with a regular file would break it.
    if let Ok(meta) = std::fs::metadata(target)
        && !meta.is_file()
        && !meta.is_dir()
    {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(target)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| WriteError {
                message: tr!(
                    "output-write-failed",
                    path = target.display().to_string(),
                    reason = crate::origin::describe_write_error(&e)
                ),
                help: None,
            });
    }
    // A link to a file: the file it names is replaced, the link stays.
    let followed = followed(target);
    let target = followed.as_path();
    if is_draft_name(target) {
        return Err(WriteError {
            message: tr!("output-is-draft", path = target.display().to_string()),
            help: Some(tr!("output-is-draft-help")),
        });
    }
    if let Ok(canonical) = std::fs::canonicalize(target)
        && inputs
            .iter()
            .any(|i| std::fs::canonicalize(i).is_ok_and(|c| c == canonical))
    {
        return Err(WriteError {
            message: tr!("output-is-input", path = target.display().to_string()),
            help: Some(tr!("output-is-input-help")),
        });
    }
    write_beside(target, bytes, None).map_err(|e| WriteError {
        message: tr!(
            "output-write-failed",
            path = target.display().to_string(),
            reason = crate::origin::describe_write_error(&e)
        ),
        help: None,
    })
}

/// Replace `target` by `bytes` in one step: a temporary file in the same folder (its name
/// within the 255 bytes a file name may have), written, given `permissions`, synced, then
/// renamed over `target`. The temporary file is removed when anything fails.
fn write_beside(target: &Path, bytes: &[u8], permissions: Option<std::fs::Permissions>) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut short = name.as_str();
    while short.len() > 200 {
        let mut cut = short.len() - 1;
        while !short.is_char_boundary(cut) {
            cut -= 1;
        }
        short = &short[..cut];
    }
    let temp = dir.join(format!(".{short}.kader-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        f.write_all(bytes)?;
        if let Some(p) = permissions {
            f.set_permissions(p)?;
        }
        f.sync_all()?;
        std::fs::rename(&temp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Where a report goes: standard output, or a file written atomically (`--output`) that is
/// none of the `sources` read. Returns whether it was delivered (a problem is on stderr).
pub fn deliver(
    output: Option<&PathBuf>,
    sources: &Sources,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> bool {
    let Some(target) = output else {
        // Buffered: serde_json and the renderers write a line at a time, and standard
        // output flushes at every line break (80,000 writes for a large JSON report).
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout);
        let _ = render(&mut out).and_then(|()| out.flush());
        return true;
    };
    let mut buf = Vec::new();
    let _ = render(&mut buf);
    // A file gets no colour codes.
    let bytes = anstream::adapter::strip_bytes(&buf).into_vec();
    let inputs: Vec<PathBuf> = sources.iter().map(|(_, f)| PathBuf::from(&f.name)).collect();
    match write_report(target, &bytes, &inputs) {
        Ok(()) => true,
        Err(e) => {
            super::say_error(stderr, &e.message, e.help.as_deref());
            false
        }
    }
}

/// Replace the draft at `target` with `bytes` in one step (`kader fix`, which the user asked
/// for): a temporary file beside it with the draft's permissions, then a rename. A link is
/// followed and the file it names replaced. A read-only draft is refused.
pub fn replace_draft(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let followed = followed(target);
    let target = followed.as_path();
    let meta = check_draft(target, "fix-write-failed")?;
    write_beside(target, bytes, Some(meta.permissions())).map_err(|e| WriteError {
        message: tr!(
            "fix-write-failed",
            file = target.display().to_string(),
            reason = crate::origin::describe_write_error(&e)
        ),
        help: None,
    })
}

/// Would [`replace_draft`] refuse `target` before writing anything (read-only, gone)?
pub fn draft_refused(target: &Path) -> Option<WriteError> {
    check_draft(&followed(target), "fix-cannot-write").err()
}

/// The draft's metadata, unless it cannot be replaced: read-only, or not there. `failed` is
/// the message for the second (whether other drafts were written depends on when it is
/// asked).
fn check_draft(target: &Path, failed: &str) -> Result<std::fs::Metadata, WriteError> {
    let shown = target.display().to_string();
    match std::fs::metadata(target) {
        Ok(meta) if meta.permissions().readonly() => Err(WriteError {
            message: tr!("fix-readonly", file = shown.as_str()),
            help: Some(tr!("fix-readonly-help", file = shown.as_str())),
        }),
        Ok(meta) => Ok(meta),
        Err(e) => Err(WriteError {
            message: crate::i18n::message(
                failed,
                Some(&{
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("file", shown.clone());
                    args.set("reason", crate::origin::describe_write_error(&e));
                    args
                }),
            ),
            help: None,
        }),
    }
}
