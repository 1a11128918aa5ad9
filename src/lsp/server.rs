//! The state of the language server and what it does with it, apart from the protocol's
//! wire: the plan of the workspace (drafts from disk, open buffers in front of them), the
//! setup (kader.toml, rule files, registers and baseline, open buffers in front of them as
//! well), and the answers (diagnostics, code actions, completion, hover, definition).
//!
//! The bench drives [`Server`] directly: `change` then `diagnose` is the work of one edit.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use lsp_types as lsp;

use super::convert::{self, Encoding};
use crate::baseline::{self, Baseline};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::{Checked, Options, Plan, Setup, Stage};
use crate::fix;
use crate::i18n::{self, Lang, tr};
use crate::inputs;
use crate::origin::{Disk, Input, InputKind, Overlay};
use crate::source::{SourceFile, SourceId, Span};

/// A buffer the editor has open.
#[derive(Debug, Clone)]
pub struct OpenDoc {
    pub uri: lsp::Uri,
    pub version: i32,
    pub text: String,
}

/// What a file is to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// A draft of the plan.
    Draft,
    /// kader.toml, a rule file, a register or the baseline: a change re-checks everything.
    Setting,
    /// Neither (a README outside the plan's paths, a file `negeer` leaves out).
    Other,
}

pub struct Server {
    /// The workspace folder; file names are relative to it.
    pub root: PathBuf,
    config_arg: Option<PathBuf>,
    lang_arg: Option<Lang>,
    today: fn() -> jiff::civil::Date,
    pub encoding: Encoding,
    /// Open buffers by name.
    pub open: BTreeMap<String, OpenDoc>,
    setup: Result<Setup, Box<crate::engine::SetupError>>,
    plan: Option<Plan>,
    baseline: Option<(Baseline, PathBuf)>,
    /// A broken baseline: shown in its file.
    baseline_problem: Option<Diagnostic>,
    /// The drafts of the plan by name (found on disk under the plan's paths, or opened
    /// there).
    drafts: BTreeSet<String>,
    /// The files whose settings the setup read (kader.toml, rule files, registers).
    settings: BTreeSet<String>,
    /// What was last published per file, to send only what changed and to clear files.
    published: HashMap<String, Vec<lsp::Diagnostic>>,
}

impl Server {
    /// A server for the workspace at `root` (the process works in it: names are relative
    /// to it, as `kader check` run there gives them).
    pub fn new(
        root: PathBuf,
        config_arg: Option<PathBuf>,
        lang_arg: Option<Lang>,
        today: fn() -> jiff::civil::Date,
    ) -> Server {
        let mut s = Server {
            root,
            config_arg,
            lang_arg,
            today,
            encoding: Encoding::Utf16,
            open: BTreeMap::new(),
            setup: Err(Box::new(crate::engine::SetupError {
                stage: Stage::Rules,
                diagnostics: Vec::new(),
                sources: crate::source::Sources::default(),
                lang: Lang::Nl,
            })),
            plan: None,
            baseline: None,
            baseline_problem: None,
            drafts: BTreeSet::new(),
            settings: BTreeSet::new(),
            published: HashMap::new(),
        };
        s.reload();
        s
    }

    pub fn lang(&self) -> Lang {
        match &self.setup {
            Ok(s) => s.lang,
            Err(e) => e.lang,
        }
    }

    fn options(&self) -> Option<Options> {
        let setup = self.setup.as_ref().ok()?;
        Some(Options {
            today: (self.today)(),
            lang: setup.lang,
        })
    }

    /// The name of a file under the workspace.
    pub fn name(&self, uri: &lsp::Uri) -> Option<String> {
        convert::path_of(uri).map(|p| convert::name_of(&self.root, &p))
    }

    pub fn uri(&self, name: &str) -> lsp::Uri {
        self.open
            .get(name)
            .map_or_else(|| convert::uri_of(&self.root, name), |d| d.uri.clone())
    }

    /// Read settings, rules, registers and the baseline again (open buffers in front of
    /// the disk), then the plan: every draft under the plan's paths, open ones as edited.
    pub fn reload(&mut self) {
        let mut overlay = Overlay::new(&Disk);
        for (name, doc) in &self.open {
            overlay.insert(self.root.join(name), doc.text.as_bytes().to_vec());
            overlay.insert(name, doc.text.as_bytes().to_vec());
        }
        let config = self
            .config_arg
            .clone()
            .or_else(|| {
                // kader.toml as the editor has it, also before it is saved.
                let open = &self.open;
                let root = &self.root;
                crate::config::discover_where(root, &|p| p.is_file() || open.contains_key(&convert::name_of(root, p)))
            })
            .map(|p| PathBuf::from(convert::name_of(&self.root, &p)));
        let lang = self.lang_arg;
        self.setup = i18n::with_lang(lang.unwrap_or_default(), || {
            Setup::load(&overlay, config.as_deref(), None, lang)
        });
        self.settings.clear();
        self.baseline = None;
        self.baseline_problem = None;
        self.drafts.clear();
        let Ok(setup) = &self.setup else {
            if let Err(e) = &self.setup {
                self.settings = e.sources.iter().map(|(_, f)| f.name.clone()).collect();
            }
            self.plan = None;
            return;
        };
        self.settings = setup.sources.iter().map(|(_, f)| f.name.clone()).collect();
        let lang = setup.lang;
        let mut plan = Plan::new(setup);
        i18n::with_lang(lang, || {
            let paths = if setup.config.paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                setup.config.paths.clone()
            };
            let (found, _problems) = inputs::disk::discover(&paths);
            let found: Vec<_> = found.into_iter().filter(|d| !setup.config.excludes(&d.path)).collect();
            let mut read = Vec::new();
            for d in &found {
                let name = clean(&d.name);
                self.drafts.insert(name.clone());
                read.push(match self.open.get(&name) {
                    Some(doc) => Ok(Input::draft(name, doc.text.clone())),
                    None => inputs::disk::read(d, &Disk).map(|mut i| {
                        i.name = name;
                        i
                    }),
                });
            }
            plan.add_all(read);
            // Open drafts not on disk yet (a new, unsaved file under the plan's paths).
            let new: Vec<(String, String)> = self
                .open
                .iter()
                .filter(|(n, _)| !self.drafts.contains(*n) && is_draft_path(setup, n))
                .map(|(n, d)| (n.clone(), d.text.clone()))
                .collect();
            for (name, text) in new {
                self.drafts.insert(name.clone());
                plan.add(Input::draft(name, text));
            }
            let config_file = setup.config.file.as_ref().map(|(_, p)| p.as_path());
            let path = baseline::default_path(config_file);
            match plan.read_baseline(&path, &overlay) {
                Ok(Some(b)) => {
                    let base = match path.parent() {
                        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                        _ => PathBuf::from("."),
                    };
                    self.settings.insert(clean(&path.to_string_lossy()));
                    self.baseline = Some((b, base));
                }
                Ok(None) => {}
                Err(d) => {
                    self.settings.insert(clean(&path.to_string_lossy()));
                    self.baseline_problem = Some(*d);
                }
            }
        });
        self.plan = Some(plan);
    }

    pub fn role(&self, name: &str) -> FileRole {
        if self.drafts.contains(name) {
            return FileRole::Draft;
        }
        if self.settings.contains(name) {
            return FileRole::Setting;
        }
        let p = Path::new(name);
        let file = p.file_name().and_then(|f| f.to_str()).unwrap_or("");
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if file == crate::config::FILE_NAME || ext == "kader" {
            return FileRole::Setting;
        }
        if let Ok(setup) = &self.setup
            && is_draft_path(setup, name)
        {
            return FileRole::Draft;
        }
        FileRole::Other
    }

    /// A buffer was opened or changed: a draft takes its new text (checked on the next
    /// `diagnose`); a setting reloads everything.
    pub fn change(&mut self, uri: lsp::Uri, version: i32, text: String) {
        let Some(name) = self.name(&uri) else { return };
        self.open.insert(name.clone(), OpenDoc { uri, version, text });
        match self.role(&name) {
            FileRole::Draft => {
                self.drafts.insert(name.clone());
                if let Some(plan) = &mut self.plan {
                    plan.add(Input::draft(name.clone(), self.open[&name].text.clone()));
                }
            }
            FileRole::Setting => self.reload(),
            FileRole::Other => {}
        }
    }

    /// A buffer was closed: a draft goes back to its text on disk (or leaves the plan).
    pub fn close(&mut self, uri: &lsp::Uri) {
        let Some(name) = self.name(uri) else { return };
        self.open.remove(&name);
        match self.role(&name) {
            FileRole::Draft => self.disk_changed(&name),
            FileRole::Setting => self.reload(),
            FileRole::Other => {}
        }
    }

    /// A file changed on disk (`didChangeWatchedFiles`, a save): settings reload all; a
    /// draft that is not open is read again (or leaves the plan when it is gone).
    pub fn disk_changed(&mut self, name: &str) {
        match self.role(name) {
            FileRole::Setting => self.reload(),
            FileRole::Draft if !self.open.contains_key(name) => {
                let Some(plan) = &mut self.plan else { return };
                match std::fs::read(self.root.join(name)) {
                    Ok(bytes) => plan.add(Input::new(name, bytes, InputKind::Draft)),
                    Err(_) => {
                        plan.remove(name);
                        self.drafts.remove(name);
                    }
                }
            }
            _ => {}
        }
    }

    /// Check the plan and run `f` with the result, in the plan's language, with the
    /// baseline applied; `None` when the setup is broken.
    pub fn with_checked<R>(&mut self, f: impl FnOnce(&Checked<'_>, Encoding, &Path) -> R) -> Option<R> {
        let options = self.options()?;
        let enc = self.encoding;
        let root = self.root.clone();
        let baseline = &self.baseline;
        let plan = self.plan.as_mut()?;
        Some(i18n::with_lang(options.lang, || {
            let mut checked = plan.check(&options);
            if let Some((b, base)) = baseline {
                b.apply(&mut checked.diagnostics, checked.sources, base);
            }
            f(&checked, enc, &root)
        }))
    }

    /// The diagnostics of every file, as the protocol has them: drafts, kader.toml (with
    /// the plan-wide findings), rule files and registers when they are broken.
    pub fn diagnostics(&mut self) -> BTreeMap<String, Vec<lsp::Diagnostic>> {
        let mut out: BTreeMap<String, Vec<lsp::Diagnostic>> = BTreeMap::new();
        for name in &self.drafts {
            out.insert(name.clone(), Vec::new());
        }
        let lang = self.lang();
        if let Err(e) = &self.setup {
            let enc = self.encoding;
            let root = self.root.clone();
            i18n::with_lang(lang, || {
                for d in &e.diagnostics {
                    if let Some(file) = d.file {
                        let name = clean(&e.sources.get(file).name);
                        out.entry(name)
                            .or_default()
                            .push(to_lsp(d, &e.sources, file, enc, &root));
                    }
                }
                // The drafts are not checked with a broken rule set: say so in each open one.
                let line = match e.stage {
                    Stage::Config => tr!("run-config-broken", file = crate::config::FILE_NAME),
                    Stage::Rules => tr!("run-rules-broken"),
                };
                for (name, doc) in &self.open {
                    if doc.uri.as_str().ends_with(".md") {
                        out.entry(name.clone()).or_default().push(lsp::Diagnostic {
                            range: lsp::Range::default(),
                            severity: Some(lsp::DiagnosticSeverity::ERROR),
                            source: Some("kader".into()),
                            message: line.clone(),
                            ..Default::default()
                        });
                    }
                }
            });
            return out;
        }
        if let Some(d) = self.baseline_problem.clone()
            && let (Some(plan), Some(file)) = (&self.plan, d.file)
        {
            let (enc, root) = (self.encoding, self.root.clone());
            let name = clean(&plan.sources().get(file).name);
            let converted = i18n::with_lang(lang, || to_lsp(&d, plan.sources(), file, enc, &root));
            out.entry(name).or_default().push(converted);
        }
        let anchor = self
            .setup
            .as_ref()
            .ok()
            .and_then(|s| s.config.file.as_ref().map(|(id, _)| *id));
        let _ = self.with_checked(|checked, enc, root| {
            // Plan-wide findings where SARIF puts them: kader.toml, else the first draft.
            let anchor = anchor.or_else(|| checked.docs.first().map(|d| d.source));
            for d in &checked.diagnostics {
                let Some(file) = d.file.or(anchor) else { continue };
                let name = clean(&checked.sources.get(file).name);
                out.entry(name)
                    .or_default()
                    .push(to_lsp(d, checked.sources, file, enc, root));
            }
            for p in checked.problems {
                let name = clean(&p.file);
                let (line, col) = p.position.unwrap_or((1, 1));
                let at = lsp::Position::new(
                    u32::try_from(line.saturating_sub(1)).unwrap_or(0),
                    u32::try_from(col.saturating_sub(1)).unwrap_or(0),
                );
                out.entry(name).or_default().push(lsp::Diagnostic {
                    range: lsp::Range::new(at, at),
                    severity: Some(if p.warning {
                        lsp::DiagnosticSeverity::WARNING
                    } else {
                        lsp::DiagnosticSeverity::ERROR
                    }),
                    source: Some("kader".into()),
                    message: match &p.help {
                        Some(h) => format!("{}\n{}: {h}", p.message, tr!("human-help")),
                        None => p.message.clone(),
                    },
                    ..Default::default()
                });
            }
        });
        out
    }

    /// The diagnostics that changed since the last call (files that have none now get an
    /// empty list once), to publish.
    pub fn changed_diagnostics(&mut self) -> Vec<(lsp::Uri, Option<i32>, Vec<lsp::Diagnostic>)> {
        let now = self.diagnostics();
        let mut out = Vec::new();
        let gone: Vec<String> = self
            .published
            .keys()
            .filter(|k| !now.contains_key(*k))
            .cloned()
            .collect();
        for name in gone {
            self.published.remove(&name);
            out.push((self.uri(&name), self.open.get(&name).map(|d| d.version), Vec::new()));
        }
        for (name, diags) in now {
            if self.published.get(&name) == Some(&diags) {
                continue;
            }
            out.push((self.uri(&name), self.open.get(&name).map(|d| d.version), diags.clone()));
            self.published.insert(name, diags);
        }
        out
    }

    /// The diagnostics of one file (a pull).
    pub fn diagnostics_of(&mut self, name: &str) -> Vec<lsp::Diagnostic> {
        self.diagnostics().remove(name).unwrap_or_default()
    }

    /// The quick fixes for the findings in `range` of the file, and fix-all when asked.
    pub fn code_actions(
        &mut self,
        name: &str,
        range: lsp::Range,
        only: Option<&[lsp::CodeActionKind]>,
    ) -> Vec<lsp::CodeAction> {
        let wants = |kind: &lsp::CodeActionKind| {
            only.is_none_or(|only| {
                only.iter()
                    .any(|o| kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str())))
            })
        };
        let fix_all_kind = lsp::CodeActionKind::new("source.fixAll.kader");
        let mut actions = Vec::new();
        if wants(&lsp::CodeActionKind::QUICKFIX) {
            let uri = self.uri(name);
            let _ = self.with_checked(|checked, enc, root| {
                let Some(file) = file_named(checked, name) else { return };
                let sf = checked.sources.get(file);
                let start = convert::offset(&sf.text, range.start, enc);
                let end = convert::offset(&sf.text, range.end, enc);
                for d in checked.diagnostics.iter().filter(|d| d.file == Some(file)) {
                    let Some(p) = &d.primary else { continue };
                    // The finding's place touches the range asked for.
                    if p.span.end < start || p.span.start > end {
                        continue;
                    }
                    let diag = to_lsp(d, checked.sources, file, enc, root);
                    for (i, proposal) in fix::proposals(checked, d).into_iter().enumerate() {
                        let edits = proposal
                            .edits
                            .iter()
                            .map(|e| lsp::TextEdit {
                                range: convert::range(sf, e.span, enc),
                                new_text: e.text.clone(),
                            })
                            .collect();
                        actions.push(lsp::CodeAction {
                            title: proposal.title,
                            kind: Some(lsp::CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![diag.clone()]),
                            edit: Some(workspace_edit(&uri, edits)),
                            is_preferred: Some(i == 0 && proposal.safe),
                            ..Default::default()
                        });
                    }
                }
            });
        }
        if only.is_some()
            && wants(&fix_all_kind)
            && let Some(edits) = self.fix_all(name)
            && !edits.is_empty()
        {
            let uri = self.uri(name);
            actions.push(lsp::CodeAction {
                title: tr!("fix-all"),
                kind: Some(fix_all_kind),
                edit: Some(workspace_edit(&uri, edits)),
                ..Default::default()
            });
        }
        actions
    }

    /// Exactly what `kader fix` would do to this file (the same engine, until nothing safe
    /// is left), as edits of the buffer; the plan keeps the buffer's text.
    pub fn fix_all(&mut self, name: &str) -> Option<Vec<lsp::TextEdit>> {
        let options = self.options()?;
        let enc = self.encoding;
        let plan = self.plan.as_mut()?;
        let before = {
            let checked = plan.check(&options);
            let file = file_named(&checked, name)?;
            checked.sources.get(file).text.clone()
        };
        i18n::with_lang(options.lang, || fix::fix_plan(plan, &options, &|n| n == name));
        let after = {
            let checked = plan.check(&options);
            let file = file_named(&checked, name)?;
            checked.sources.get(file).text.clone()
        };
        if before != after {
            plan.add(Input::draft(name, before.clone()));
        }
        Some(line_edits(&before, &after, enc))
    }

    /// The context for completion, hover and definition: the checked plan, the file.
    pub fn at<R>(
        &mut self,
        name: &str,
        pos: lsp::Position,
        f: impl FnOnce(&Checked<'_>, SourceId, usize, Encoding, &Path) -> R,
    ) -> Option<R> {
        self.with_checked(|checked, enc, root| {
            let file = file_named(checked, name)?;
            let offset = convert::offset(&checked.sources.get(file).text, pos, enc);
            Some(f(checked, file, offset, enc, root))
        })
        .flatten()
    }

    /// The text of an open buffer, or of the file in the plan.
    pub fn text_of(&self, name: &str) -> Option<String> {
        if let Some(d) = self.open.get(name) {
            return Some(d.text.clone());
        }
        let plan = self.plan.as_ref()?;
        plan.sources()
            .iter()
            .find(|(_, f)| f.name == name)
            .map(|(_, f)| f.text.clone())
    }

    pub fn setup(&self) -> Option<&Setup> {
        self.setup.as_ref().ok()
    }
}

/// Would `kader check` in the root read `name` as a draft?
fn is_draft_path(setup: &Setup, name: &str) -> bool {
    let p = Path::new(name);
    let markdown = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if !markdown || setup.config.excludes(p) {
        return false;
    }
    setup.config.paths.is_empty()
        || setup.config.paths.iter().any(|root| {
            let root = clean(&root.to_string_lossy());
            root == "." || root.is_empty() || name == root || name.starts_with(&format!("{root}/"))
        })
}

/// A name as the plan keys it: `./a.md` is `a.md`.
fn clean(name: &str) -> String {
    let mut s = name.replace('\\', "/");
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.to_owned();
    }
    s
}

pub fn file_named(checked: &Checked<'_>, name: &str) -> Option<SourceId> {
    checked
        .docs
        .iter()
        .map(|d| d.source)
        .find(|&id| clean(&checked.sources.get(id).name) == name)
}

// lsp-types keys `WorkspaceEdit::changes` by `Uri`, whose parsed form caches in a `Cell`;
// the key is never changed while in the map.
#[allow(clippy::mutable_key_type)]
fn workspace_edit(uri: &lsp::Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }
}

/// The changed lines of `before` as edits that make `after` (the cursor elsewhere stays).
fn line_edits(before: &str, after: &str, enc: Encoding) -> Vec<lsp::TextEdit> {
    if before == after {
        return Vec::new();
    }
    let file = SourceFile::new("", before);
    let diff = similar::TextDiff::from_lines(before, after);
    // The lines as the diff counts them: each with its line break.
    let old_lines: Vec<&str> = before.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = after.split_inclusive('\n').collect();
    let starts: Vec<usize> = old_lines
        .iter()
        .scan(0usize, |at, l| {
            let s = *at;
            *at += l.len();
            Some(s)
        })
        .collect();
    let at = |i: usize| starts.get(i).copied().unwrap_or(before.len());
    let mut edits = Vec::new();
    for op in diff.ops() {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        let span = Span::new(at(old.start), at(old.end));
        edits.push(lsp::TextEdit {
            range: convert::range(&file, span, enc),
            new_text: new_lines[new].concat(),
        });
    }
    edits
}

/// A finding as the protocol has it: its place, severity, rule as code, the labels in other
/// places as related information, the help lines in the message.
pub fn to_lsp(
    d: &Diagnostic,
    sources: &crate::source::Sources,
    file: SourceId,
    enc: Encoding,
    root: &Path,
) -> lsp::Diagnostic {
    let sf = sources.get(file);
    let range = d
        .primary
        .as_ref()
        .filter(|p| p.source == file)
        .map_or_else(lsp::Range::default, |p| convert::range(sf, p.span, enc));
    let mut message = d.message.clone();
    if let Some(p) = &d.primary
        && !p.message.is_empty()
        && p.message != d.message
    {
        message.push_str(&format!("\n{}", p.message));
    }
    for h in &d.help {
        message.push_str(&format!("\n{}: {h}", tr!("human-help")));
    }
    for n in &d.notes {
        message.push_str(&format!("\n{}: {n}", tr!("human-note")));
    }
    let severity = if d.waived.is_some() {
        lsp::DiagnosticSeverity::HINT
    } else {
        match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Note => lsp::DiagnosticSeverity::INFORMATION,
        }
    };
    if let Some(w) = &d.waived {
        message.push_str(&format!("\n{}", tr!("lsp-waived", reason = w.reason.as_str())));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| {
            let other = sources.get(l.source);
            lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(
                    convert::uri_of(root, &clean(&other.name)),
                    convert::range(other, l.span, enc),
                ),
                message: l.message.clone(),
            }
        })
        .collect();
    lsp::Diagnostic {
        range,
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(d.rule.clone())),
        source: Some("kader".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}
