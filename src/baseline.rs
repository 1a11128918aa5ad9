//! Baselines: the findings a team already had when it adopted kader, so `kader check` shows
//! only what is new while nothing is silently forgotten.
//!
//! Owns: `kader-baseline.toml` (reading, writing, pruning) and matching findings to it.
//! Must not: decide what is a finding.
//!
//! A finding is keyed by file (relative to the baseline's folder), action ID (or register
//! node) and rule, never by line: editing a draft above an action keeps its findings
//! matched. Each key carries a count, so a second, new finding of the same rule in the same
//! action is still reported.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::tr;
use crate::origin::{InputKind, Origin, describe_io_error, read_text};
use crate::source::{SourceFile, Sources, Span};

pub const FILE_NAME: &str = "kader-baseline.toml";
/// The ID of a problem with the baseline file.
pub const BASELINE_PROBLEM: &str = "baseline";

/// What identifies a finding across edits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub file: Option<String>,
    pub action: Option<String>,
    pub node: Option<String>,
    pub rule: String,
}

/// One `[[bevinding]]` (fields spelled out rather than flattened, so toml reports errors
/// at the value).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bestand: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    actie: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    onderdeel: Option<String>,
    regel: String,
    #[serde(default = "one")]
    aantal: usize,
}

impl Entry {
    fn key(self) -> (Key, usize) {
        let key = Key {
            file: self.bestand,
            action: self.actie,
            node: self.onderdeel,
            rule: self.regel,
        };
        (key, self.aantal)
    }
}

fn one() -> usize {
    1
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(rename = "bevinding", default)]
    findings: Vec<Entry>,
}

/// A baseline: how many findings of each key were accepted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    pub entries: BTreeMap<Key, usize>,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings the baseline suppressed.
    pub suppressed: usize,
    /// Baselined findings that are no longer there (fixed), by key.
    pub fixed: BTreeMap<Key, usize>,
}

impl Applied {
    pub fn fixed_count(&self) -> usize {
        self.fixed.values().sum()
    }
}

/// A path as the baseline names it: relative to `base`, with `/`.
fn relative(name: &str, base: &Path) -> String {
    let path = Path::new(name);
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    abs.strip_prefix(&base)
        .map(Path::to_path_buf)
        .unwrap_or(abs)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The key of a finding. `base` is the folder the baseline file is in.
pub fn key(d: &Diagnostic, sources: &Sources, base: &Path) -> Key {
    Key {
        file: d.file.map(|f| relative(&sources.get(f).name, base)),
        action: d.action.clone(),
        node: d.node.clone(),
        rule: d.rule.clone(),
    }
}

/// Only findings of rules go in a baseline, and only those not waived.
fn baselinable(d: &Diagnostic) -> bool {
    d.waived.is_none()
}

impl Baseline {
    /// Today's findings.
    pub fn of(diags: &[Diagnostic], sources: &Sources, base: &Path) -> Self {
        let mut entries = BTreeMap::new();
        for d in diags.iter().filter(|d| baselinable(d)) {
            *entries.entry(key(d, sources, base)).or_insert(0) += 1;
        }
        Baseline { entries }
    }

    pub fn total(&self) -> usize {
        self.entries.values().sum()
    }

    /// Read a baseline. A missing file is `Ok(None)`; a broken one is a diagnostic at its
    /// place in the file.
    pub fn load(path: &Path, origin: &dyn Origin, sources: &mut Sources) -> Result<Option<Self>, Box<Diagnostic>> {
        let text = match read_text(origin, path, InputKind::Baseline) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Box::new(Diagnostic::new(
                    BASELINE_PROBLEM,
                    Severity::Error,
                    tr!(
                        "baseline-unreadable",
                        path = path.display().to_string(),
                        reason = describe_io_error(&e)
                    ),
                )));
            }
        };
        let file = sources.add(SourceFile::new(path.to_string_lossy().replace('\\', "/"), text));
        match toml::from_str::<Raw>(&sources.get(file).text) {
            Ok(raw) => {
                let mut entries = BTreeMap::new();
                for e in raw.findings {
                    let (key, count) = e.key();
                    // Counts add up without wrapping around (a huge count stays huge).
                    let n = entries.entry(key).or_insert(0usize);
                    *n = n.saturating_add(count);
                }
                Ok(Some(Baseline { entries }))
            }
            Err(e) => {
                let at = e.span().map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
                Err(Box::new(
                    Diagnostic::new(BASELINE_PROBLEM, Severity::Error, tr!("baseline-invalid"))
                        .with_primary(Label::new(file, at, e.message().trim().to_owned()))
                        .with_help(tr!("baseline-invalid-help")),
                ))
            }
        }
    }

    /// The file's text: a comment that says what it is, then one table per key.
    pub fn to_toml(&self) -> String {
        let raw = Raw {
            findings: self
                .entries
                .iter()
                .map(|(key, &count)| Entry {
                    bestand: key.file.clone(),
                    actie: key.action.clone(),
                    onderdeel: key.node.clone(),
                    regel: key.rule.clone(),
                    aantal: count,
                })
                .collect(),
        };
        let body = toml::to_string(&raw).unwrap_or_default();
        format!("{}\n\n{body}", tr!("baseline-header"))
    }

    /// Remove the baselined findings from `diags` (as many of each key as the baseline
    /// holds) and say what is left of the baseline.
    pub fn apply(&self, diags: &mut Vec<Diagnostic>, sources: &Sources, base: &Path) -> Applied {
        let mut left = self.entries.clone();
        let mut suppressed = 0;
        diags.retain(|d| {
            if !baselinable(d) {
                return true;
            }
            match left.get_mut(&key(d, sources, base)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    suppressed += 1;
                    false
                }
                _ => true,
            }
        });
        Applied {
            suppressed,
            fixed: left.into_iter().filter(|(_, n)| *n > 0).collect(),
        }
    }

    /// The baseline without what was fixed: never more of a key than there is today, and
    /// no new keys.
    pub fn pruned(&self, today: &Baseline) -> Baseline {
        let entries = self
            .entries
            .iter()
            .filter_map(|(k, &n)| {
                let now = today.entries.get(k).copied().unwrap_or(0);
                (n.min(now) > 0).then(|| (k.clone(), n.min(now)))
            })
            .collect();
        Baseline { entries }
    }
}

/// Where the baseline lives: beside kader.toml, or in the working directory.
pub fn default_path(config_file: Option<&Path>) -> PathBuf {
    match config_file.and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(FILE_NAME),
        _ => PathBuf::from(FILE_NAME),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceId;

    fn finding(rule: &str, action: &str) -> Diagnostic {
        let mut d = Diagnostic::new(rule, Severity::Error, "m").in_file(SourceId(0));
        d.action = Some(action.to_owned());
        d
    }

    #[test]
    fn counts_per_key_and_prunes_only_what_was_fixed() {
        let mut sources = Sources::default();
        sources.add(SourceFile::new("team.md", ""));
        let base = Path::new(".");
        let old = Baseline::of(
            &[finding("r", "A-1"), finding("r", "A-1"), finding("s", "A-2")],
            &sources,
            base,
        );
        assert_eq!(old.total(), 3);
        // Today: one `r` in A-1 fixed, `s` fixed, a new `t`.
        let mut now = vec![finding("r", "A-1"), finding("t", "A-3")];
        let applied = old.apply(&mut now, &sources, base);
        assert_eq!(applied.suppressed, 1);
        assert_eq!(applied.fixed_count(), 2);
        assert_eq!(now.len(), 1, "the new finding stays");
        let today = Baseline::of(&[finding("r", "A-1"), finding("t", "A-3")], &sources, base);
        let pruned = old.pruned(&today);
        assert_eq!(pruned.total(), 1, "{pruned:?}");
        let text = pruned.to_toml();
        let back: Raw = toml::from_str(&text).unwrap();
        assert_eq!(back.findings.len(), 1);
    }
}
