//! Writing a report to a file: atomically (a temporary file in the same directory, then a
//! rename), and never over a draft or any other file kader read.
//!
//! Owns: the only place where kader writes to the file system.
//! Must not: decide what goes in the report.

use std::io::Write;
use std::path::{Path, PathBuf};

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

/// Write `bytes` to `target`. `inputs` are the files this run read; none of them, and no
/// Markdown file, is ever replaced.
pub fn write_report(target: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), WriteError> {
    if is_draft_name(target) {
        return Err(WriteError {
            message: crate::tr!("output-is-draft", path = target.display().to_string()),
            help: Some(crate::tr!("output-is-draft-help")),
        });
    }
    if let Ok(canonical) = std::fs::canonicalize(target)
        && inputs
            .iter()
            .any(|i| std::fs::canonicalize(i).is_ok_and(|c| c == canonical))
    {
        return Err(WriteError {
            message: crate::tr!("output-is-input", path = target.display().to_string()),
            help: Some(crate::tr!("output-is-input-help")),
        });
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.kader-{}.tmp", std::process::id()));
    let fail = |e: std::io::Error| WriteError {
        message: crate::tr!(
            "output-write-failed",
            path = target.display().to_string(),
            reason = e.to_string()
        ),
        help: None,
    };
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&temp, target)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}
