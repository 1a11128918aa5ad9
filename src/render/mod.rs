//! Diagnostics → bytes. The only module that knows ariadne and serde_json.
//!
//! Owns: one renderer per output format and the summary counts.
//! Must not: decide what is a finding.

pub mod budget;
pub mod catalogue;
pub mod coverage;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::path::{Path, PathBuf};

use crate::i18n::tr;
use crate::source::{SourceId, Sources};
use crate::text::normalize_path;

/// Where the files of a run lie in the repository, for the formats that name files relative
/// to it (SARIF, GitHub annotations): the same paths whatever folder kader runs from.
pub struct RepoPaths {
    /// The repository root: git's top level, else the folder of kader.toml, else the
    /// working folder; absolute, with `/`.
    root: String,
    /// The working folder, absolute: what relative names are relative to.
    cwd: PathBuf,
    /// Each source's path relative to the root.
    paths: Vec<String>,
    /// Where findings that belong to no line are placed (line 1): kader.toml when the plan
    /// has one, else the first draft of the plan.
    pub anchor: Option<SourceId>,
}

impl RepoPaths {
    pub fn new(root: &Path, cwd: &Path, sources: &Sources, anchor: Option<SourceId>) -> Self {
        let mut repo = RepoPaths {
            root: normalize_path(root),
            cwd: cwd.to_path_buf(),
            paths: Vec::new(),
            anchor,
        };
        repo.paths = sources.iter().map(|(_, f)| repo.relative(&f.name)).collect();
        repo
    }

    /// The root as a `file://` URI ending in `/` (SARIF's `SRCROOT`).
    pub fn root_uri(&self) -> String {
        format!("file://{}/", self.root.trim_end_matches('/'))
    }

    /// A path as the user gave it (relative to the working folder, or absolute) → relative
    /// to the root. A file outside the root keeps the name it was given.
    pub fn relative(&self, name: &str) -> String {
        let p = Path::new(name);
        let abs = if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.cwd.join(p)
        };
        let abs = normalize_path(&abs);
        let root = self.root.trim_end_matches('/');
        match abs.strip_prefix(root).and_then(|rest| rest.strip_prefix('/')) {
            Some(rest) if !rest.is_empty() => rest.to_owned(),
            _ => name.replace('\\', "/"),
        }
    }

    /// The path of a source relative to the root.
    pub fn path(&self, id: SourceId) -> &str {
        &self.paths[id.0 as usize]
    }
}

/// Text for HTML and XML, in content and attributes: `&`, `<`, `>`, `"` and `'` escaped, and
/// the control characters XML 1.0 forbids dropped (a draft may contain anything). The one
/// escaping function of the HTML report and JUnit output.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

pub use crate::diagnostic::Summary;

/// The summary line is rendering; the counts are `diagnostic::Summary`.
impl Summary {
    /// "3 bestanden, 42 acties: 5 fouten, 2 waarschuwingen"
    pub fn line(&self) -> String {
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(tr!("summary-errors", count = self.errors));
        }
        if self.warnings > 0 {
            parts.push(tr!("summary-warnings", count = self.warnings));
        }
        if self.notes > 0 {
            parts.push(tr!("summary-notes", count = self.notes));
        }
        if self.waived > 0 {
            parts.push(tr!("summary-waived", count = self.waived));
        }
        if self.problems > 0 {
            parts.push(tr!("summary-problems", count = self.problems));
        }
        let findings = if parts.is_empty() {
            tr!("summary-no-findings")
        } else {
            parts.join(", ")
        };
        let line = tr!(
            "summary-line",
            files = if self.reports > 0 {
                tr!(
                    "summary-files-and-reports",
                    files = tr!("summary-files", count = self.files),
                    count = self.reports
                )
            } else {
                tr!("summary-files", count = self.files)
            },
            actions = tr!("summary-actions", count = self.actions),
            findings = findings,
        );
        let mut line = line;
        if let Some((suppressed, fixed)) = self.baseline {
            line.push('\n');
            line.push_str(&tr!("summary-baseline", suppressed = suppressed, fixed = fixed));
        }
        match self.deadline {
            None => line,
            Some((deadline, today)) => format!("{line}\n{}", deadline_line(deadline, today)),
        }
    }
}

/// "nog 12 dagen tot de inleverdatum (15 september 2026)", or how late it is.
pub fn deadline_line(deadline: jiff::civil::Date, today: jiff::civil::Date) -> String {
    let days = i64::from((deadline - today).get_days());
    let date = crate::model::time::format_for_reader(crate::model::time::Interval::day(deadline));
    match days {
        0 => tr!("deadline-today", date = date),
        d if d > 0 => tr!("deadline-left", count = d, date = date),
        -1 => tr!("deadline-yesterday", date = date),
        d => tr!("deadline-past", count = -d, date = date),
    }
}
