//! The rule language: rule files → a checked `RuleSet`.
//!
//! Owns: reading the entry rule file and everything it includes (paths relative to the
//! including file, cycles reported with the whole chain), the registers the plan names,
//! and the decision that a rule set with errors is not used.
//! Must not: read drafts or evaluate rules.

pub mod keywords;
pub mod parser;
pub mod resolve;
pub mod ruleset;
pub mod syntax;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::tr;
use crate::kaderbrief::Kaderbrief;
use crate::origin::{InputKind, Origin, describe_io_error};
use crate::register::Register;
use crate::source::{SourceFile, SourceId, Sources, Span};
use crate::text::normalize_path;

use self::keywords::Place;
use self::parser::PErrorKind;
use self::resolve::Located;
use self::ruleset::RuleSet;
use self::syntax::Item;

/// The rule ID under which problems in rule files are reported.
pub const RULE_FILE_PROBLEM: &str = "regelbestand";

/// Load a rule set. On any error the rule set is `None` and the diagnostics say why.
pub fn load(entry: &str, origin: &dyn Origin, sources: &mut Sources) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let mut loader = Loader {
        origin,
        sources,
        diags: Vec::new(),
        items: Vec::new(),
        stack: Vec::new(),
        open: Vec::new(),
        loaded: std::collections::HashSet::new(),
        registers: Vec::new(),
        kaderbrief: None,
    };
    let Some(entry_id) = loader.file(entry, None) else {
        return (None, loader.diags);
    };
    let Loader {
        diags,
        items,
        registers,
        kaderbrief,
        ..
    } = loader;
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return (None, diags);
    }
    let (set, more) = resolve::resolve(items, entry_id, registers, kaderbrief);
    let mut all = diags;
    all.extend(more);
    (set, all)
}

/// One file of the include chain: its canonical path, its id, and the include that led here.
type Frame = (String, SourceId, Option<(SourceId, Span)>);

/// A rule file being read: the items still to go, and an include waiting for its file.
struct Open {
    id: SourceId,
    path: String,
    items: std::vec::IntoIter<Item>,
    pending: Option<Item>,
}

struct Loader<'a> {
    origin: &'a dyn Origin,
    sources: &'a mut Sources,
    diags: Vec<Diagnostic>,
    items: Vec<Located>,
    /// The include chain being read: (path, file, span of the include that led here).
    stack: Vec<Frame>,
    /// The files of `stack`, with what is left to read of each.
    open: Vec<Open>,
    /// Every file read so far (canonical paths): each is read once.
    loaded: std::collections::HashSet<String>,
    registers: resolve::LoadedRegisters,
    /// The kaderbrief the plan names, read.
    kaderbrief: Option<Kaderbrief>,
}

impl Loader<'_> {
    fn read(&self, path: &str, kind: InputKind) -> Result<String, String> {
        match self.origin.read(Path::new(path), kind) {
            Ok(bytes) => {
                String::from_utf8(bytes).map_err(|e| tr!("rules-not-utf8", position = e.utf8_error().valid_up_to()))
            }
            Err(e) => Err(describe_io_error(&e)),
        }
    }

    /// Read and parse the entry rule file, then the files it includes, depth first, with an
    /// explicit stack (an include chain of any length needs no recursion). Each file is read
    /// once: a diamond (A includes B and C, both include D) loads D once; only a file that
    /// includes itself through the chain is an error. Items come out in the order the
    /// recursive reading gave them: an included file's items before the `gebruik` itself.
    fn file(&mut self, entry: &str, from: Option<(SourceId, Span)>) -> Option<SourceId> {
        let entry_id = self.open(entry, from)?;
        while let Some(top) = self.open.last_mut() {
            let Some(item) = top.items.next() else {
                self.open.pop();
                self.stack.pop();
                if let Some(parent) = self.open.last_mut()
                    && let Some(item) = parent.pending.take()
                {
                    let file = parent.id;
                    self.items.push(Located { file, item });
                }
                continue;
            };
            let (id, path) = (top.id, top.path.clone());
            match &item {
                Item::Include(p) => {
                    let target = self.join(&path, &p.value);
                    let span = p.span;
                    if let Some(top) = self.open.last_mut() {
                        top.pending = Some(item);
                    }
                    if self.open(&target, Some((id, span))).is_none()
                        && let Some(top) = self.open.last_mut()
                        && let Some(item) = top.pending.take()
                    {
                        // Not opened (unreadable, a cycle, or read already): the include
                        // item follows at once.
                        self.items.push(Located { file: id, item });
                    }
                    continue;
                }
                Item::Plan(plan) => {
                    for it in &plan.items {
                        if let syntax::PlanItem::Register { name, path: rpath } = it {
                            let target = self.join(&path, &rpath.value);
                            let reg = self.register(&target, id, rpath.span);
                            self.registers.push((name.clone(), reg));
                        }
                        if let syntax::PlanItem::Kaderbrief(kpath) = it {
                            let target = self.join(&path, &kpath.value);
                            if let Some(text) = self.register_text(&target, id, kpath.span) {
                                let file = self.sources.add(SourceFile::new(&target, text));
                                let (k, diags) = Kaderbrief::load(file, self.sources);
                                self.diags.extend(diags);
                                self.kaderbrief = k;
                            }
                        }
                    }
                }
                _ => {}
            }
            self.items.push(Located { file: id, item });
        }
        Some(entry_id)
    }

    /// Read and parse one rule file and put it on the stack; `None` when it cannot be read,
    /// closes a cycle, or was read already.
    fn open(&mut self, path: &str, from: Option<(SourceId, Span)>) -> Option<SourceId> {
        let key = self.canonical(path);
        if let Some(pos) = self.stack.iter().position(|(k, _, _)| *k == key) {
            self.cycle(pos, from);
            return None;
        }
        if !self.loaded.insert(key.clone()) {
            return None;
        }
        let text = match self.read(path, InputKind::RuleFile) {
            Ok(t) => t,
            Err(why) => {
                let d = Diagnostic::new(
                    RULE_FILE_PROBLEM,
                    Severity::Error,
                    tr!("rules-unreadable", path = path, reason = why),
                );
                let d = match from {
                    Some((f, s)) => d.with_primary(Label::new(f, s, tr!("rules-included-here"))),
                    None => d,
                };
                self.diags.push(d.with_help(tr!("rules-unreadable-help")));
                return None;
            }
        };
        let id = self.sources.add(SourceFile::new(path, text));
        self.stack.push((key, id, from));
        let (file, errors) = parser::parse(&self.sources.get(id).text);
        for e in errors {
            self.diags.push(syntax_diagnostic(id, e));
        }
        self.open.push(Open {
            id,
            path: path.to_owned(),
            items: file.items.into_iter(),
            pending: None,
        });
        Some(id)
    }

    fn register(&mut self, path: &str, from: SourceId, span: Span) -> Option<Register> {
        let text = self.register_text(path, from, span)?;
        let id = self.sources.add(SourceFile::new(path, text));
        let (reg, diags) = Register::load(id, self.sources);
        self.diags.extend(diags);
        reg
    }

    /// The text of a register or kaderbrief named at `span`; unreadable: a diagnostic there.
    fn register_text(&mut self, path: &str, from: SourceId, span: Span) -> Option<String> {
        match self.read(path, InputKind::Register) {
            Ok(t) => Some(t),
            Err(why) => {
                self.diags.push(
                    Diagnostic::new(
                        RULE_FILE_PROBLEM,
                        Severity::Error,
                        tr!("rules-register-unreadable", path = path, reason = why),
                    )
                    .with_primary(Label::new(from, span, tr!("rules-this-register")))
                    .with_help(tr!("rules-register-unreadable-help")),
                );
                None
            }
        }
    }

    fn cycle(&mut self, pos: usize, closing: Option<(SourceId, Span)>) {
        let chain: Vec<String> = self.stack[pos..]
            .iter()
            .map(|(_, id, _)| self.sources.get(*id).name.clone())
            .chain(std::iter::once(self.sources.get(self.stack[pos].1).name.clone()))
            .collect();
        let mut d = Diagnostic::new(
            RULE_FILE_PROBLEM,
            Severity::Error,
            tr!("rules-include-cycle", chain = chain.join(" → ")),
        );
        if let Some((f, s)) = closing {
            d = d.with_primary(Label::new(f, s, tr!("rules-closes-cycle")));
        }
        for (_, _, from) in &self.stack[pos + 1..] {
            if let Some((f, s)) = from {
                d = d.with_label(Label::new(*f, *s, tr!("rules-included-here")));
            }
        }
        self.diags.push(d.with_help(tr!("rules-include-cycle-help")));
    }

    fn join(&self, base: &str, rel: &str) -> String {
        let parent = Path::new(base).parent().unwrap_or(Path::new(""));
        let joined = if Path::new(rel).is_absolute() {
            PathBuf::from(rel)
        } else {
            parent.join(rel)
        };
        normalize_path(&joined)
    }

    fn canonical(&self, path: &str) -> String {
        self.origin.identity(Path::new(path))
    }
}

fn syntax_diagnostic(file: SourceId, e: parser::SyntaxError) -> Diagnostic {
    let found = if e.found.is_empty() {
        tr!("rules-end-of-file")
    } else {
        format!("`{}`", e.found)
    };
    let (message, label, help): (String, String, Option<String>) = match e.kind {
        PErrorKind::Expected(what) => (
            tr!("rules-expected", what = what.as_str(), found = found.as_str()),
            tr!("rules-expected-label", what = what),
            None,
        ),
        PErrorKind::UnknownKeyword { found: word, place } => {
            let candidates = keywords::spellings(place);
            let all = keywords::all_spellings(place);
            let help = match keywords::did_you_mean(&word, all.iter().copied()) {
                Some(s) => crate::i18n::did_you_mean_code(s),
                None => tr!("rules-candidates", words = candidates.join(", ")),
            };
            (
                tr!("rules-unknown-word", word = word, place = place_phrase(place)),
                tr!("rules-unknown-word-label"),
                Some(help),
            )
        }
        PErrorKind::TooDeep => (
            tr!("rules-too-deep", max = parser::MAX_DEPTH),
            tr!("rules-too-deep-label"),
            Some(tr!("rules-too-deep-help")),
        ),
        PErrorKind::Unclosed => (
            tr!("rules-unclosed"),
            tr!("rules-unclosed-label"),
            Some(tr!("rules-unclosed-help")),
        ),
        PErrorKind::BadDate(why) => (why, tr!("rules-bad-date-label"), Some(tr!("rules-bad-date-help"))),
        PErrorKind::UnterminatedString => (
            tr!("rules-unterminated-string"),
            tr!("rules-unterminated-string-label"),
            Some(tr!("rules-unterminated-string-help")),
        ),
        PErrorKind::UnterminatedRegex => (
            tr!("rules-unterminated-pattern"),
            tr!("rules-unterminated-pattern-label"),
            Some(tr!("rules-unterminated-pattern-help")),
        ),
        PErrorKind::BadNumber => (tr!("rules-number-too-big"), tr!("rules-number-too-big-label"), None),
        PErrorKind::Nom(_) => (tr!("rules-unexpected", found = found), tr!("rules-here"), None),
    };
    let mut d =
        Diagnostic::new(RULE_FILE_PROBLEM, Severity::Error, message).with_primary(Label::new(file, e.span, label));
    if let Some(h) = help {
        d = d.with_help(h);
    }
    d
}

fn place_phrase(place: Place) -> String {
    match place {
        Place::Top => tr!("place-top"),
        Place::Plan => tr!("place-plan"),
        Place::Action => tr!("place-action"),
        Place::Progress => tr!("place-progress"),
        Place::Clause => tr!("place-clause"),
        Place::Scope => tr!("place-scope"),
        Place::Predicate => tr!("place-predicate"),
        Place::Kind => tr!("place-kind"),
        Place::Severity => tr!("place-severity"),
    }
}
