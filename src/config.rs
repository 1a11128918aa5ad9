//! `kader.toml`: the plan repository's settings.
//!
//! Owns: finding the file (walking up from the working directory, like `.git`), reading it
//! strictly (unknown keys and bad values are diagnostics at their span, with "did you
//! mean"), and the settings it gives. Command-line options win over the file; the file wins
//! over the defaults.
//! Must not: load rules or read drafts.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::tr;
use crate::origin::{InputKind, Origin, describe_io_error, read_text};
use crate::source::{SourceFile, SourceId, Sources, Span};
use crate::text::relative_path;

/// The rule ID under which problems in kader.toml are reported.
pub const CONFIG_PROBLEM: &str = "configuratie";

pub const FILE_NAME: &str = "kader.toml";

/// Every key of kader.toml, for "did you mean" and the README.
pub const KEYS: &[&str] = &[
    "regels",
    "paden",
    "voortgang",
    "negeer",
    "taal",
    "inleverdatum",
    "waarschuwingen-zijn-fouten",
    "ernst",
    "dekking",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    regels: Option<Spanned<String>>,
    paden: Option<Vec<Spanned<String>>>,
    voortgang: Option<Vec<Spanned<String>>>,
    negeer: Option<Vec<Spanned<String>>>,
    taal: Option<Spanned<String>>,
    inleverdatum: Option<Spanned<toml::value::Datetime>>,
    waarschuwingen_zijn_fouten: Option<bool>,
    /// Keys with their spans: a key written twice in the file (once in a comment-free
    /// table above) is reported where it stands in `[ernst]`.
    ernst: Option<std::collections::BTreeMap<Spanned<String>, toml::Value>>,
    dekking: Option<Vec<Spanned<String>>>,
}

/// A rule's severity set in kader.toml, or the rule switched off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Override {
    Severity(Severity),
    Off,
}

#[derive(Debug, Default)]
pub struct Config {
    /// The file, when there is one.
    pub file: Option<(SourceId, PathBuf)>,
    /// The rule file to use instead of the bundled one (absolute or relative to the cwd).
    pub rules: Option<PathBuf>,
    /// Paths to check when none are given on the command line.
    pub paths: Vec<PathBuf>,
    /// `voortgang`: the progress reports `kader voortgang` holds against the plan when the
    /// command line names none.
    pub progress: Vec<PathBuf>,
    /// Glob patterns (relative to the config's directory) of drafts to leave out.
    pub exclude: Option<globset::GlobSet>,
    pub english: Option<bool>,
    pub deadline: Option<jiff::civil::Date>,
    pub deny_warnings: bool,
    /// Severity overrides, each with where it was written (to report unknown rule IDs).
    pub overrides: Vec<(Spanned<String>, Override)>,
    /// `dekking`: the register nodes (lines, themes) this repository's plan covers; coverage
    /// rules report only nodes under them. Empty: the whole register.
    pub coverage: Vec<Spanned<String>>,
}

impl Config {
    /// Does `negeer` in kader.toml leave the draft at `path` out of the plan? The patterns
    /// are relative to the folder of kader.toml.
    pub fn excludes(&self, path: &Path) -> bool {
        let (Some(globs), Some((_, file))) = (&self.exclude, &self.file) else {
            return false;
        };
        let base = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let base = std::fs::canonicalize(&base).unwrap_or(base);
        let rel = abs.strip_prefix(&base).unwrap_or(&abs);
        globs.is_match(rel)
    }
}

/// Find kader.toml in `start` or a directory above it, on disk.
pub fn discover(start: &Path) -> Option<PathBuf> {
    discover_where(start, &|p| p.is_file())
}

/// Find kader.toml in `start` or a directory above it, where `exists` says a file is (on
/// disk, or in git's index).
pub fn discover_where(start: &Path, exists: &dyn Fn(&Path) -> bool) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if exists(&candidate) {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

fn span(s: std::ops::Range<usize>) -> Span {
    Span::new(s.start, s.end)
}

fn problem(file: SourceId, at: Span, message: String, label: &str, help: Option<String>) -> Diagnostic {
    let d = Diagnostic::new(CONFIG_PROBLEM, Severity::Error, message).with_primary(Label::new(file, at, label));
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// A path written in kader.toml: relative to its folder, shown from the working folder; an
/// absolute path stays as written.
fn from_config(base: &Path, written: &str, shown: &dyn Fn(&Path) -> PathBuf) -> PathBuf {
    let p = Path::new(written);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        shown(&base.join(p))
    }
}

/// Read a kader.toml. Every problem is a diagnostic; `None` when the file cannot be used.
pub fn load(path: &Path, origin: &dyn Origin, sources: &mut Sources) -> (Option<Config>, Vec<Diagnostic>) {
    let text = match read_text(origin, path, InputKind::Config) {
        Ok(t) => t,
        Err(e) => {
            let d = Diagnostic::new(
                CONFIG_PROBLEM,
                Severity::Error,
                tr!(
                    "config-unreadable",
                    path = path.display().to_string(),
                    reason = describe_io_error(&e)
                ),
            );
            return (None, vec![d]);
        }
    };
    // Paths from kader.toml are shown as if typed in the working folder: relative to it,
    // unless the user wrote an absolute path.
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = |p: &Path| {
        if p.is_absolute() {
            relative_path(&cwd, p)
        } else {
            p.to_path_buf()
        }
    };
    let name = shown(path).to_string_lossy().replace('\\', "/");
    let file = sources.add(SourceFile::new(name, text));
    let text = &sources.get(file).text;
    let raw: Raw = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let at = e.span().map_or(Span::new(0, 0), span);
            let message = e.message().trim().to_owned();
            // "unknown field `deny-warnigs`, expected one of ..." → suggest the closest key.
            let unknown = message
                .strip_prefix("unknown field `")
                .and_then(|r| r.split('`').next());
            let (title, help) = match unknown {
                Some(key) => (
                    tr!("config-unknown-key", key = key, file = FILE_NAME),
                    Some(match crate::lang::keywords::did_you_mean(key, KEYS.iter().copied()) {
                        Some(k) => crate::i18n::did_you_mean_code(k),
                        None => tr!("config-keys", keys = KEYS.join(", ")),
                    }),
                ),
                None => (tr!("config-invalid", file = FILE_NAME), None),
            };
            let label = if unknown.is_some() {
                tr!("config-unknown-key-label")
            } else {
                message.clone()
            };
            return (None, vec![problem(file, at, title, &label, help)]);
        }
    };
    let base = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut diags = Vec::new();
    let mut config = Config {
        file: Some((file, path.to_path_buf())),
        rules: raw.regels.map(|r| from_config(&base, &r.into_inner(), &shown)),
        paths: raw
            .paden
            .unwrap_or_default()
            .into_iter()
            .map(|p| from_config(&base, &p.into_inner(), &shown))
            .collect(),
        progress: raw
            .voortgang
            .unwrap_or_default()
            .into_iter()
            .map(|p| from_config(&base, &p.into_inner(), &shown))
            .collect(),
        deny_warnings: raw.waarschuwingen_zijn_fouten.unwrap_or(false),
        ..Config::default()
    };
    if let Some(globs) = raw.negeer {
        let mut builder = globset::GlobSetBuilder::new();
        for g in globs {
            match globset::GlobBuilder::new(g.get_ref()).literal_separator(true).build() {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(e) => diags.push(problem(
                    file,
                    span(g.span()),
                    tr!("config-bad-glob", glob = g.get_ref().as_str()),
                    &e.kind().to_string(),
                    Some(tr!("config-bad-glob-help")),
                )),
            }
        }
        config.exclude = builder.build().ok();
    }
    if let Some(lang) = raw.taal {
        match lang.get_ref().as_str() {
            "nl" => config.english = Some(false),
            "en" => config.english = Some(true),
            other => diags.push(problem(
                file,
                span(lang.span()),
                tr!("config-unknown-lang", lang = other),
                &tr!("config-unknown-lang-label"),
                None,
            )),
        }
    }
    if let Some(d) = raw.inleverdatum {
        match d.get_ref().date {
            Some(date) if d.get_ref().time.is_none() => {
                config.deadline = jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8).ok();
            }
            _ => diags.push(problem(
                file,
                span(d.span()),
                tr!("config-bad-deadline"),
                &tr!("config-bad-deadline-label"),
                Some(tr!("config-bad-deadline-help")),
            )),
        }
    }
    config.coverage = raw.dekking.unwrap_or_default();
    if let Some(table) = raw.ernst {
        // Ordered by where each key stands, so problems come in file order.
        let mut entries: Vec<(Spanned<String>, toml::Value)> = table.into_iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        for (key, value) in entries {
            let at = span(key.span());
            let rule = key.into_inner();
            let over = match value.as_str() {
                Some("fout" | "error") => Some(Override::Severity(Severity::Error)),
                Some("waarschuwing" | "warning") => Some(Override::Severity(Severity::Warning)),
                Some("opmerking" | "note") => Some(Override::Severity(Severity::Note)),
                Some("uit" | "off") => Some(Override::Off),
                _ => None,
            };
            match over {
                Some(o) => config.overrides.push((Spanned::new(at.range(), rule), o)),
                None => diags.push(problem(
                    file,
                    at,
                    tr!("config-unknown-severity", rule = rule.as_str()),
                    &tr!("config-unknown-severity-label"),
                    None,
                )),
            }
        }
    }
    if diags.is_empty() {
        (Some(config), diags)
    } else {
        (None, diags)
    }
}

/// Apply the severity overrides to a loaded rule set; an unknown rule ID is a problem.
pub fn apply_overrides(config: &Config, rules: &mut crate::lang::ruleset::RuleSet) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let Some((file, _)) = config.file else { return diags };
    for (rule, over) in &config.overrides {
        match rules.rules.iter_mut().find(|r| r.id == *rule.get_ref()) {
            Some(r) => match over {
                Override::Off => r.enabled = false,
                Override::Severity(s) => r.severity = *s,
            },
            None => {
                let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
                let help = crate::lang::keywords::did_you_mean(rule.get_ref(), ids.iter().copied())
                    .map(crate::i18n::did_you_mean_code);
                diags.push(problem(
                    file,
                    span(rule.span()),
                    tr!("config-no-such-rule", rule = rule.get_ref().as_str()),
                    &tr!("config-no-such-rule-label"),
                    help,
                ));
            }
        }
    }
    for id in &config.coverage {
        let known = rules.registers.iter().any(|r| r.get(id.get_ref()).is_some());
        if known {
            continue;
        }
        let ids = rules
            .registers
            .iter()
            .flat_map(|r| r.nodes.iter().map(|n| n.id.as_str()));
        let help = crate::lang::keywords::did_you_mean(id.get_ref(), ids).map(crate::i18n::did_you_mean_code);
        diags.push(problem(
            file,
            span(id.span()),
            tr!("config-no-such-node", id = id.get_ref().as_str()),
            &tr!("config-no-such-node-label"),
            help,
        ));
    }
    rules.coverage = config.coverage.iter().map(|c| c.get_ref().clone()).collect();
    diags
}
