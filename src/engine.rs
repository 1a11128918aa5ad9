//! The pipeline as one API: settings and rules loaded once, a plan of inputs, one result.
//!
//! ```text
//! let setup = Setup::load(&Disk, config, rules, lang)?;   // kader.toml, rule files, registers
//! let mut plan = Plan::new(&setup);                       // no drafts yet
//! plan.add(Input::draft("team-a.md", bytes));             // drafts: name + bytes, from anywhere
//! let checked = plan.check(&Options { today, lang });     // per file, plan-wide, waivers, sorted
//! render::json::render(&checked.diagnostics, checked.summary(), checked.sources, out);
//! plan.add(Input::draft("team-a.md", edited));            // an edit: only that draft is
//! let again = plan.check(&options);                       // parsed and checked again
//! ```
//!
//! Owns: the order of the stages (rules before any draft; every draft on its own, in
//! parallel; then the plan-wide rules, the waivers and the rules about them; then one sort),
//! which drafts must be looked at again after an edit, and the day and language a check is
//! made for.
//! Must not: open files (inputs arrive as bytes, rule files and the rest through the origin
//! it is given), print, or know any command.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::baseline::Baseline;
use crate::check;
use crate::config::{self, Config};
use crate::diagnostic::{self, Diagnostic, Severity, Summary};
use crate::draft;
use crate::embedded;
use crate::i18n::{self, Lang};
use crate::inputs::{self, InputProblem};
use crate::lang::{self, ruleset::RuleSet};
use crate::model::Document;
use crate::origin::{Bundled, Input, Origin};
use crate::source::{SourceFile, SourceId, Sources};

/// What a check is made for: the day (waivers with an end date, the days to the deadline)
/// and the language its messages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub today: Date,
    pub lang: Lang,
}

/// The settings of a plan and its rule set, loaded once.
pub struct Setup {
    /// kader.toml, or the defaults.
    pub config: Config,
    /// The rule set kader.toml names (or the one asked for, or the bundled one), with the
    /// severity overrides of kader.toml applied.
    pub rules: Arc<RuleSet>,
    /// The files read so far: kader.toml, the rule files, the registers.
    pub sources: Sources,
    /// The language asked for, or else the one kader.toml sets (`taal`), or else Dutch.
    pub lang: Lang,
}

/// Which part of the setup could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// kader.toml (unreadable, invalid, or a severity override for an unknown rule).
    Config,
    /// The rule set (a rule file, an include or a register).
    Rules,
}

/// Why the setup could not be used: diagnostics at their places in `sources`.
pub struct SetupError {
    pub stage: Stage,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    /// The language the diagnostics were made in.
    pub lang: Lang,
}

impl Setup {
    /// Read kader.toml (`config`, when there is one) and the rule set: `rules`, else the one
    /// kader.toml names, both read from `origin`; else the bundled rule set. `lang` is the
    /// language asked for (kader.toml's `taal` applies when it is `None`).
    pub fn load(
        origin: &dyn Origin,
        config: Option<&Path>,
        rules: Option<&Path>,
        lang: Option<Lang>,
    ) -> Result<Setup, Box<SetupError>> {
        let mut sources = Sources::default();
        let asked = lang.unwrap_or_default();
        let config = match config {
            None => Config::default(),
            Some(path) => match i18n::with_lang(asked, || config::load(path, origin, &mut sources)) {
                (Some(config), _) => config,
                (None, diagnostics) => {
                    return Err(Box::new(SetupError {
                        stage: Stage::Config,
                        diagnostics,
                        sources,
                        lang: asked,
                    }));
                }
            },
        };
        let lang = lang
            .or(config.english.map(|en| if en { Lang::En } else { Lang::Nl }))
            .unwrap_or_default();
        i18n::with_lang(lang, || {
            let path = rules.map(Path::to_path_buf).or_else(|| config.rules.clone());
            let (set, diagnostics) = match &path {
                Some(p) => lang::load(&p.to_string_lossy().replace('\\', "/"), origin, &mut sources),
                None => lang::load(embedded::ENTRY, &Bundled, &mut sources),
            };
            let fail = |stage, diagnostics, sources| {
                Err(Box::new(SetupError {
                    stage,
                    diagnostics,
                    sources,
                    lang,
                }))
            };
            let Some(mut set) = set else {
                return fail(Stage::Rules, diagnostics, sources);
            };
            let problems = config::apply_overrides(&config, &mut set);
            if !problems.is_empty() {
                return fail(Stage::Config, problems, sources);
            }
            Ok(Setup {
                config,
                rules: Arc::new(set),
                sources,
                lang,
            })
        })
    }
}

/// One draft of a plan and what its own check found.
struct Slot {
    source: SourceId,
    /// The findings of the draft on its own (parsing and per-file rules).
    diagnostics: Vec<Diagnostic>,
    /// Parsed and checked since its text last changed.
    fresh: bool,
}

/// A plan: the drafts of one check, kept so that a changed draft is the only one parsed and
/// checked again. Drafts are kept in the order of their names, which is the plan's order
/// (first occurrences, cycles), whatever the order they were added in.
pub struct Plan {
    rules: Arc<RuleSet>,
    sources: Sources,
    slots: Vec<Slot>,
    /// `docs[i]` is the document of `slots[i]` (empty until checked).
    docs: Vec<Document>,
    problems: Vec<InputProblem>,
    /// The language the fresh drafts were checked in.
    checked_in: Option<Lang>,
    /// Progress reports (front matter with the marker of the `voortgang` block), by name:
    /// never drafts. Held against the plan only when `monitor` is on (`kader voortgang`).
    report_sources: Vec<SourceId>,
    reports: Vec<Document>,
    monitor: bool,
}

impl Plan {
    /// An empty plan for the rule set of `setup`; its files (kader.toml, the rule files, the
    /// registers) are shared, not copied.
    pub fn new(setup: &Setup) -> Plan {
        Plan::with_rules(Arc::clone(&setup.rules), setup.sources.clone())
    }

    /// An empty plan for `rules`, whose diagnostics point into `sources`.
    pub fn with_rules(rules: Arc<RuleSet>, sources: Sources) -> Plan {
        Plan {
            rules,
            sources,
            slots: Vec::new(),
            docs: Vec::new(),
            problems: Vec::new(),
            checked_in: None,
            report_sources: Vec::new(),
            reports: Vec::new(),
            monitor: false,
        }
    }

    /// Hold the progress reports against the plan (`kader voortgang`); off, they are left
    /// out of the check.
    pub fn monitor(&mut self, on: bool) {
        self.monitor = on;
    }

    /// How many of the inputs are progress reports.
    pub fn report_count(&self) -> usize {
        self.report_sources.len()
    }

    /// Is the input of this name a progress report?
    pub fn is_report(&self, name: &str) -> bool {
        self.report_position(name).is_ok()
    }

    fn report_position(&self, name: &str) -> Result<usize, usize> {
        self.report_sources
            .binary_search_by(|&s| self.sources.get(s).name.as_str().cmp(name))
    }

    /// Add a draft, or put a new text in the place of the draft of the same name.
    pub fn add(&mut self, input: Input) {
        self.add_all(vec![Ok(input)]);
    }

    /// Add drafts as they were read: each an input, or the problem that kept it from being
    /// read. Decoding (UTF-8, no NUL bytes) and indexing the lines run in parallel.
    pub fn add_all(&mut self, inputs: Vec<Result<Input, InputProblem>>) {
        let decode = |r: Result<Input, InputProblem>| inputs::decode_file(r?);
        // One draft (a pre-commit hook on one file) needs no thread pool.
        let files: Vec<Result<SourceFile, InputProblem>> = if inputs.len() > 1 {
            let lang = i18n::current();
            inputs
                .into_par_iter()
                .map(|r| i18n::with_lang(lang, || decode(r)))
                .collect()
        } else {
            inputs.into_iter().map(decode).collect()
        };
        for file in files {
            match file {
                Ok(file) => self.insert(file),
                Err(problem) => self.problems.push(problem),
            }
        }
    }

    /// A problem with an input that is not a draft's text (a path that does not exist, a
    /// link skipped); it is reported with the plan.
    pub fn add_problem(&mut self, problem: InputProblem) {
        self.problems.push(problem);
    }

    /// Take the draft `name` out of the plan (its text stays in `sources`, so the ids of the
    /// other files do not change). Returns whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        self.forget_problems(name);
        if let Ok(i) = self.report_position(name) {
            self.report_sources.remove(i);
            return true;
        }
        match self.position(name) {
            Ok(i) => {
                self.slots.remove(i);
                self.docs.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    fn position(&self, name: &str) -> Result<usize, usize> {
        self.slots
            .binary_search_by(|s| self.sources.get(s.source).name.as_str().cmp(name))
    }

    /// An input read again replaces what was said about it before.
    fn forget_problems(&mut self, name: &str) {
        if !self.problems.is_empty() {
            self.problems.retain(|p| p.file != name);
        }
    }

    fn insert(&mut self, file: SourceFile) {
        self.forget_problems(&file.name);
        // A report is never a draft; an edit may turn one into the other.
        if draft::is_report(&file.text, &self.rules) {
            if let Ok(i) = self.position(&file.name) {
                self.slots.remove(i);
                self.docs.remove(i);
            }
            match self.report_position(&file.name) {
                Ok(i) => self.sources.replace(self.report_sources[i], file),
                Err(i) => {
                    let source = self.sources.add(file);
                    self.report_sources.insert(i, source);
                }
            }
            return;
        }
        if let Ok(i) = self.report_position(&file.name) {
            self.report_sources.remove(i);
        }
        match self.position(&file.name) {
            Ok(i) => {
                self.sources.replace(self.slots[i].source, file);
                self.slots[i].fresh = false;
            }
            Err(i) => {
                let source = self.sources.add(file);
                self.slots.insert(
                    i,
                    Slot {
                        source,
                        diagnostics: Vec::new(),
                        fresh: false,
                    },
                );
                self.docs.insert(i, empty_document(source));
            }
        }
    }

    /// Read the baseline at `path` from `origin` into this plan's files. A missing file is
    /// `Ok(None)`; a broken one a diagnostic at its place.
    pub fn read_baseline(&mut self, path: &Path, origin: &dyn Origin) -> Result<Option<Baseline>, Box<Diagnostic>> {
        Baseline::load(path, origin, &mut self.sources)
    }

    /// Every file of the plan: settings, rule files, registers, drafts, baseline.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Check the plan as it is now. Drafts added or changed since the last check (all of
    /// them, when the language changed) are parsed and checked on their own, in parallel;
    /// the plan-wide rules and the waivers always run over the whole plan.
    pub fn check(&mut self, options: &Options) -> Checked<'_> {
        let lang = options.lang;
        if self.checked_in != Some(lang) {
            self.slots.iter_mut().for_each(|s| s.fresh = false);
            self.checked_in = Some(lang);
        }
        let stale: Vec<usize> = (0..self.slots.len()).filter(|&i| !self.slots[i].fresh).collect();
        let (rules, sources) = (&*self.rules, &self.sources);
        let sources_of: Vec<SourceId> = stale.iter().map(|&i| self.slots[i].source).collect();
        let check_one = |&id: &SourceId| {
            i18n::with_lang(lang, || {
                let (doc, mut diags) = draft::parse(id, &sources.get(id).text, rules);
                diags.extend(check::check_document(&doc, rules));
                (doc, diags)
            })
        };
        let checked: Vec<(Document, Vec<Diagnostic>)> = if sources_of.len() > 1 {
            sources_of.par_iter().map(check_one).collect()
        } else {
            sources_of.iter().map(check_one).collect()
        };
        for (i, (doc, diags)) in stale.iter().copied().zip(checked) {
            self.docs[i] = doc;
            self.slots[i].diagnostics = diags;
            self.slots[i].fresh = true;
        }
        // Reports are few and small: read again at every check.
        let mut report_diags = Vec::new();
        self.reports.clear();
        if self.monitor {
            for &id in &self.report_sources {
                let (doc, diags) = i18n::with_lang(lang, || {
                    let (doc, mut diags) = draft::parse(id, &self.sources.get(id).text, &self.rules);
                    diags.extend(check::check_document(&doc, &self.rules));
                    (doc, diags)
                });
                self.reports.push(doc);
                report_diags.extend(diags);
            }
        }
        let (rules, sources) = (&*self.rules, &self.sources);
        let diagnostics = i18n::with_lang(lang, || {
            let mut all: Vec<Diagnostic> = Vec::with_capacity(self.slots.iter().map(|s| s.diagnostics.len()).sum());
            for slot in &self.slots {
                all.extend(slot.diagnostics.iter().cloned());
            }
            all.extend(report_diags);
            // A plan without drafts has nothing to cover: no plan-wide findings either.
            if !self.docs.is_empty() {
                check::finish(&self.docs, &self.reports, rules, &mut all, options.today);
            }
            diagnostic::sort(&mut all, |id| sources.get(id).name.clone());
            all
        });
        Checked {
            rules,
            sources,
            docs: &self.docs,
            reports: &self.reports,
            diagnostics,
            problems: &self.problems,
            rechecked: stale.len(),
        }
    }
}

fn empty_document(source: SourceId) -> Document {
    Document {
        source,
        meta: Vec::new(),
        headings: Vec::new(),
        actions: Vec::new(),
        waivers: Vec::new(),
        field_heading: None,
        report: None,
    }
}

/// The result of a check, which every renderer reads.
pub struct Checked<'p> {
    pub rules: &'p RuleSet,
    /// Every file read: settings, rule files, registers, drafts (and a baseline).
    pub sources: &'p Sources,
    /// The drafts as documents, in the plan's order.
    pub docs: &'p [Document],
    /// The progress reports held against the plan, by name (none unless monitoring).
    pub reports: &'p [Document],
    /// Every finding, sorted by (file, offset, rule, message); waived ones included.
    pub diagnostics: Vec<Diagnostic>,
    /// Inputs that could not be used (exit 2) or were skipped (warnings).
    pub problems: &'p [InputProblem],
    /// How many drafts this check parsed and checked (the others had not changed).
    pub rechecked: usize,
}

impl Checked<'_> {
    pub fn files(&self) -> usize {
        self.docs.len()
    }

    pub fn actions(&self) -> usize {
        self.docs.iter().map(|d| d.actions.len()).sum()
    }

    /// The counts of the summary line and of the JSON `summary`.
    pub fn summary(&self) -> Summary {
        Summary {
            problems: self.problems.len(),
            reports: self.reports.len(),
            ..Summary::count(self.files(), self.actions(), &self.diagnostics)
        }
    }

    /// An input could not be used (exit 2); skipped links are warnings and do not count.
    pub fn input_failed(&self) -> bool {
        self.problems.iter().any(|p| !p.warning)
    }

    /// A finding that fails the check (exit 1): an error, or with `deny_warnings` a warning;
    /// waived findings never fail it.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.diagnostics.iter().any(|d| {
            d.waived.is_none() && (d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning))
        })
    }
}

/// Check one draft text on its own (an example from a rule file, a test case): its findings
/// and the files they point into.
pub fn check_text(rules: &RuleSet, name: &str, text: &str, options: &Options) -> (Sources, Vec<Diagnostic>) {
    i18n::with_lang(options.lang, || {
        let mut sources = Sources::default();
        let id = sources.add(SourceFile::new(name, text));
        // A case may hold progress reports after the plan: each starts at a `+++` line
        // that opens a report's front matter, and runs to the next one.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices("\n+++").map(|(i, _)| i + 1))
            .filter(|&i| draft::is_report(&text[i..], rules))
            .collect();
        let plan_end = starts.first().copied().unwrap_or(text.len());
        let (doc, mut diags) = draft::parse(id, &text[..plan_end], rules);
        diags.extend(check::check_document(&doc, rules));
        let mut reports = Vec::new();
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(text.len());
            let (report, found) = draft::parse_part(id, &text[..end], start, rules);
            diags.extend(found);
            diags.extend(check::check_document(&report, rules));
            reports.push(report);
        }
        let docs = [doc];
        check::finish(&docs, &reports, rules, &mut diags, options.today);
        diagnostic::sort(&mut diags, |id| sources.get(id).name.clone());
        (sources, diags)
    })
}
