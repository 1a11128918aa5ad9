//! kader checks Dutch healthcare jaarplan drafts against the requirements of the
//! kaderbrief and the beleidsplan.
//!
//! The pipeline, one module per stage:
//! 1. `lang` reads the rule files (our own language, parsed with nom) into a `RuleSet`,
//!    and `register` reads the policy registers the rules name;
//! 2. `walk` finds the drafts and `draft` parses each into a `model::Document`;
//! 3. `check` evaluates the rules, per file and then plan-wide, into `Diagnostic`s;
//! 4. `render` writes them for people (ariadne) or machines (JSON).
//!
//! The library never prints; only `main` exits.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod draft;
pub mod embedded;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod init;
pub mod lang;
pub mod model;
pub mod output;
pub mod register;
pub mod render;
pub mod ruletest;
pub mod source;
pub mod walk;
mod watch;

use std::io::{self, Write};
use std::path::PathBuf;

use crate::cli::{CheckArgs, Cli, Command, CoverageArgs, CoverageFormat, ExplainArgs, FormatArg, LangArg, RulesArgs};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Origin;
use crate::render::{Format, Summary};
use crate::source::{SourceFile, Sources};

/// Whether `--lang` was given, so `taal` in kader.toml does not override it.
static LANG_FROM_FLAG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// How a run ended; `main` maps it to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: nothing that fails the check.
    Success,
    /// 1: findings of severity error (or warnings with `--deny-warnings`).
    Failure,
    /// 2: kader could not do its job (rule file, path, unreadable draft).
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// Run a command. Reports go to `stdout`, problems to `stderr`.
pub fn run(cli: Cli, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    // `--jobs N`: the threads that check files (default: one per core). Set once; a second
    // call in the same process (tests) keeps the first pool.
    if let Some(jobs) = cli.jobs {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global();
    }
    // The flag decides; otherwise kader.toml may (see `setup`); otherwise Dutch.
    LANG_FROM_FLAG.store(cli.lang.is_some(), std::sync::atomic::Ordering::Relaxed);
    i18n::set(match cli.lang {
        Some(LangArg::En) => i18n::Lang::En,
        Some(LangArg::Nl) | None => i18n::Lang::Nl,
    });
    match cli.command {
        Command::Check(args) => check(args, cli.config.as_ref(), stdout, stderr),
        Command::Coverage(args) => coverage(args, cli.config.as_ref(), stdout, stderr),
        Command::Rules(args) => rules_cmd(args, cli.config.as_ref(), stdout, stderr),
        Command::Explain(args) => explain(args, cli.config.as_ref(), stdout, stderr),
        Command::Test { rules } => test_rules(&rules, cli.config.as_ref(), stdout, stderr),
        Command::Baseline(args) => baseline_cmd(args, cli.config.as_ref(), stdout, stderr),
        Command::Report(args) => report(args, cli.config.as_ref(), stdout, stderr),
        Command::Init { dir } => init(dir, stdout, stderr),
        Command::Hook {
            action: cli::HookAction::Install,
        } => hook_install(stdout, stderr),
        Command::Completions { shell } => {
            let mut cmd = cli::command();
            clap_complete::generate(shell, &mut cmd, "kader", stdout);
            ExitStatus::Success
        }
        Command::Manpage => {
            let cmd = cli::command();
            match clap_mangen::Man::new(cmd).render(stdout) {
                Ok(()) => ExitStatus::Success,
                Err(_) => ExitStatus::Error,
            }
        }
    }
}

/// Stop quietly when the reader went away (`kader check | head`).
fn quiet(r: io::Result<()>) -> Result<(), ()> {
    match r {
        Ok(()) => Ok(()),
        Err(_) => Err(()),
    }
}

/// The result of checking a set of drafts, before rendering.
pub struct Checked {
    pub sources: Sources,
    pub docs: Vec<model::Document>,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub actions: usize,
    pub problems: Vec<walk::InputProblem>,
}

/// Load the rule set: the bundled one, or `rules` from disk.
pub fn load_rules(rules: Option<&PathBuf>, sources: &mut Sources) -> (Option<lang::ruleset::RuleSet>, Vec<Diagnostic>) {
    match rules {
        Some(p) => lang::load(&p.to_string_lossy().replace('\\', "/"), Origin::Disk, sources),
        None => lang::load(embedded::ENTRY, Origin::Bundled, sources),
    }
}

/// Check drafts with a loaded rule set: per file, then plan-wide; sorted.
pub fn check_paths(
    paths: &[PathBuf],
    rules: &lang::ruleset::RuleSet,
    mut sources: Sources,
    keep: &dyn Fn(&walk::DraftPath) -> bool,
) -> Checked {
    use rayon::prelude::*;

    let (mut drafts, mut problems) = walk::discover(paths);
    drafts.retain(|d| keep(d));
    // Per file, in parallel: read, index lines; then number the files in the plan's order
    // (so every SourceId is the same whatever the thread count); then parse and check each
    // file in parallel. Results are collected in order, and everything plan-wide runs after.
    let read_one = |d: &walk::DraftPath| walk::read(d).map(|text| SourceFile::new(d.name.clone(), text));
    // One file (a pre-commit hook on one draft) needs no thread pool.
    let read: Vec<Result<SourceFile, walk::InputProblem>> = if drafts.len() > 1 {
        drafts.par_iter().map(read_one).collect()
    } else {
        drafts.iter().map(read_one).collect()
    };
    let mut ids = Vec::new();
    for r in read {
        match r {
            Ok(file) => ids.push(sources.add(file)),
            Err(p) => problems.push(p),
        }
    }
    let check_one = |&id: &source::SourceId| {
        let (doc, mut diags) = draft::parse(id, &sources.get(id).text, rules);
        diags.extend(check::check_document(&doc, rules));
        (doc, diags)
    };
    let checked: Vec<(model::Document, Vec<Diagnostic>)> = if ids.len() > 1 {
        ids.par_iter().map(check_one).collect()
    } else {
        ids.iter().map(check_one).collect()
    };
    let mut docs = Vec::with_capacity(checked.len());
    let mut diagnostics = Vec::new();
    for (doc, diags) in checked {
        docs.push(doc);
        diagnostics.extend(diags);
    }
    check::finish(&docs, rules, &mut diagnostics, today());
    diagnostic::sort(&mut diagnostics, |id| sources.get(id).name.clone());
    Checked {
        files: docs.len(),
        actions: docs.iter().map(|d| d.actions.len()).sum(),
        sources,
        docs,
        diagnostics,
        problems,
    }
}

/// The settings of one run: kader.toml (found by walking up, or `--config`) and the rule
/// set it names (or `--rules`, or the bundled one), with its severity overrides applied.
/// Any problem is reported and `None` returned (exit 2 follows).
pub struct Setup {
    pub config: config::Config,
    pub rules: lang::ruleset::RuleSet,
}

fn setup(
    config_arg: Option<&PathBuf>,
    rules_arg: Option<&PathBuf>,
    sources: &mut Sources,
    stderr: &mut dyn Write,
) -> Option<Setup> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config_path = config_arg.cloned().or_else(|| config::discover(&cwd));
    let config = match config_path {
        Some(path) => {
            let (config, diags) = config::load(&path, sources);
            if config.is_none() {
                let _ = render::human::render_all(&diags, sources, stderr);
                let _ = writeln!(stderr, "kader: {}", tr!("run-config-broken", file = config::FILE_NAME));
                return None;
            }
            config?
        }
        None => config::Config::default(),
    };
    if !LANG_FROM_FLAG.load(std::sync::atomic::Ordering::Relaxed)
        && let Some(english) = config.english
    {
        i18n::set(if english { i18n::Lang::En } else { i18n::Lang::Nl });
    }
    let rules_path = rules_arg.cloned().or_else(|| config.rules.clone());
    let (set, diags) = load_rules(rules_path.as_ref(), sources);
    let Some(mut rules) = set else {
        let _ = render::human::render_all(&diags, sources, stderr);
        let _ = writeln!(stderr, "kader: {}", tr!("run-rules-broken"));
        return None;
    };
    let problems = config::apply_overrides(&config, &mut rules);
    if !problems.is_empty() {
        let _ = render::human::render_all(&problems, sources, stderr);
        let _ = writeln!(stderr, "kader: {}", tr!("run-config-broken", file = config::FILE_NAME));
        return None;
    }
    Some(Setup { config, rules })
}

impl Setup {
    /// The paths to check: those given, or those in kader.toml, or the working directory.
    fn paths(&self, given: Vec<PathBuf>) -> Vec<PathBuf> {
        if !given.is_empty() {
            given
        } else if !self.config.paths.is_empty() {
            self.config.paths.clone()
        } else {
            vec![PathBuf::from(".")]
        }
    }

    /// Drafts matched by `negeer` in kader.toml are not checked.
    fn keep(&self, d: &walk::DraftPath) -> bool {
        let (Some(globs), Some((_, file))) = (&self.config.exclude, &self.config.file) else {
            return true;
        };
        let base = file.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let abs = std::fs::canonicalize(&d.path).unwrap_or_else(|_| d.path.clone());
        let base = std::fs::canonicalize(&base).unwrap_or(base);
        let rel = abs.strip_prefix(&base).unwrap_or(&abs);
        !globs.is_match(rel)
    }
}

/// Settings and rules, then the plan: what `check` and `coverage` share. `None` when the
/// settings or rules are broken (reported; exit 2 follows).
fn load_and_check(
    config_arg: Option<&PathBuf>,
    rules_arg: Option<&PathBuf>,
    paths: &[PathBuf],
    stderr: &mut dyn Write,
) -> Option<(Setup, Checked)> {
    let mut sources = Sources::default();
    let setup = setup(config_arg, rules_arg, &mut sources, stderr)?;
    let paths = setup.paths(paths.to_vec());
    let checked = check_paths(&paths, &setup.rules, sources, &|d| setup.keep(d));
    Some((setup, checked))
}

fn report_problems(problems: &[walk::InputProblem], stderr: &mut dyn Write) {
    for p in problems {
        let word = if p.warning { Severity::Warning } else { Severity::Error }.word();
        let _ = writeln!(stderr, "{word}: {}: {}", p.path, p.message);
        if let Some(h) = &p.help {
            let _ = writeln!(stderr, "   = {}: {h}", tr!("human-help"));
        }
    }
}

/// Where a report goes: standard output, or a file written atomically (`--output`).
fn deliver(
    output: Option<&PathBuf>,
    checked: &Checked,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> bool {
    let Some(target) = output else {
        let _ = render(stdout);
        return true;
    };
    let mut buf = Vec::new();
    let _ = render(&mut buf);
    // A file gets no colour codes.
    let bytes = anstream::adapter::strip_bytes(&buf).into_vec();
    let inputs: Vec<PathBuf> = checked.sources.iter().map(|(_, f)| PathBuf::from(&f.name)).collect();
    match output::write_report(target, &bytes, &inputs) {
        Ok(()) => true,
        Err(e) => {
            let _ = writeln!(stderr, "{}: {}", Severity::Error.word(), e.message);
            if let Some(h) = e.help {
                let _ = writeln!(stderr, "   = {}: {h}", tr!("human-help"));
            }
            false
        }
    }
}

/// Exit 2 when a file could not be used; warnings (skipped links) do not count.
fn input_failed(checked: &Checked) -> bool {
    checked.problems.iter().any(|p| !p.warning)
}

fn coverage(
    args: CoverageArgs,
    config_arg: Option<&PathBuf>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let Some((setup, checked)) = load_and_check(config_arg, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    let rules = &setup.rules;
    let summary = Summary::count(checked.files, checked.actions, &[]);
    let cov = check::coverage::coverage(&checked.docs, rules);
    let written = deliver(args.output.as_ref(), &checked, stdout, stderr, |out| {
        match args.format {
            CoverageFormat::Human => render::coverage::human(&cov, rules, summary, out),
            CoverageFormat::Json => render::coverage::json(&cov, rules, summary, out),
        }
    });
    report_problems(&checked.problems, stderr);
    if written && !input_failed(&checked) {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    }
}

fn check(args: CheckArgs, config_arg: Option<&PathBuf>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    if args.watch {
        return watch::run(&args, config_arg, stdout, stderr);
    }
    check_once(&args, config_arg, true, stdout, stderr)
}

/// A value that is freed only when the process goes on afterwards. When it is about to
/// exit, the operating system takes the memory back at once; freeing a large plan's
/// millions of small allocations one by one took 5–7 % of a check of 2,000 files.
struct FreeUnlessExiting<T> {
    value: Option<T>,
    exiting: bool,
}

impl<T> FreeUnlessExiting<T> {
    fn new(value: T, exiting: bool) -> Self {
        FreeUnlessExiting {
            value: Some(value),
            exiting,
        }
    }
}

impl<T> std::ops::Deref for FreeUnlessExiting<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value.as_ref().expect("present until dropped")
    }
}

impl<T> std::ops::DerefMut for FreeUnlessExiting<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.value.as_mut().expect("present until dropped")
    }
}

impl<T> Drop for FreeUnlessExiting<T> {
    fn drop(&mut self) {
        if self.exiting
            && let Some(v) = self.value.take()
        {
            std::mem::forget(v);
        }
    }
}

/// One check of the plan: load settings and rules, check, report.
pub(crate) fn check_once(
    args: &CheckArgs,
    config_arg: Option<&PathBuf>,
    exiting: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let Some((setup, checked)) = load_and_check(config_arg, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    let mut checked = FreeUnlessExiting::new(checked, exiting);
    let rules = &setup.rules;
    let applied = if args.no_baseline {
        None
    } else {
        let path = args
            .baseline
            .clone()
            .unwrap_or_else(|| baseline::default_path(setup.config.file.as_ref().map(|(_, p)| p.as_path())));
        match baseline::Baseline::load(&path, &mut checked.sources) {
            Ok(None) if args.baseline.is_some() => {
                let _ = writeln!(
                    stderr,
                    "{}: {}",
                    Severity::Error.word(),
                    tr!("baseline-missing", path = path.display().to_string())
                );
                return ExitStatus::Error;
            }
            Ok(None) => None,
            Ok(Some(b)) => {
                let base = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
                let base = if base.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    base
                };
                let checked = &mut *checked;
                Some(b.apply(&mut checked.diagnostics, &checked.sources, &base))
            }
            Err(d) => {
                let _ = render::human::render(&d, &checked.sources, stderr);
                return ExitStatus::Error;
            }
        }
    };
    let mut summary = Summary::count(checked.files, checked.actions, &checked.diagnostics);
    summary.baseline = applied.as_ref().map(|a| (a.suppressed, a.fixed_count()));
    summary.deadline = setup.config.deadline.or(rules.plan.deadline).map(|d| (d, today()));
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Junit => Format::Junit,
    };
    let written = deliver(args.output.as_ref(), &checked, stdout, stderr, |out| {
        write_report(&checked, rules, summary, format, out).map_err(|()| io::Error::other("stopped"))
    });
    report_problems(&checked.problems, stderr);
    if !written || input_failed(&checked) {
        return ExitStatus::Error;
    }
    let failing = checked.diagnostics.iter().any(|d| {
        let deny = args.deny_warnings || setup.config.deny_warnings;
        d.waived.is_none() && (d.severity == Severity::Error || (deny && d.severity == Severity::Warning))
    });
    if failing {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}

fn write_report(
    checked: &Checked,
    rules: &lang::ruleset::RuleSet,
    summary: Summary,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ()> {
    match format {
        Format::Sarif => quiet(render::sarif::render(
            &checked.diagnostics,
            rules,
            &checked.sources,
            out,
        )),
        Format::Github => quiet(render::github::render(&checked.diagnostics, &checked.sources, out)),
        Format::Junit => quiet(render::junit::render(
            &checked.diagnostics,
            &checked.docs,
            &checked.sources,
            out,
        )),
        Format::Json => quiet(render::json::render(
            &checked.diagnostics,
            summary,
            &checked.sources,
            out,
        )),
        Format::Human => {
            let shown: Vec<Diagnostic> = checked
                .diagnostics
                .iter()
                .filter(|d| d.waived.is_none())
                .cloned()
                .collect();
            quiet(render::human::render_all(&shown, &checked.sources, out))?;
            quiet(render::human::render_waived(
                &checked.diagnostics,
                &checked.sources,
                out,
            ))?;
            quiet(writeln!(out, "{}", summary.line()))
        }
    }
}

fn rules_cmd(
    args: RulesArgs,
    config_arg: Option<&PathBuf>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let mut sources = Sources::default();
    let Some(setup) = setup(config_arg, args.rules.as_ref(), &mut sources, stderr) else {
        return ExitStatus::Error;
    };
    let _ = render::catalogue::rules(&setup.rules, stdout);
    ExitStatus::Success
}

/// Check one draft text on its own (an example from a rule file) and return the findings.
pub fn check_text(rules: &lang::ruleset::RuleSet, name: &str, text: &str) -> (Sources, Vec<Diagnostic>) {
    check_text_on(rules, name, text, today())
}

/// `check_text` as on a given day (waivers with an end date).
pub fn check_text_on(
    rules: &lang::ruleset::RuleSet,
    name: &str,
    text: &str,
    today: jiff::civil::Date,
) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources::default();
    let id = sources.add(SourceFile::new(name, text));
    let (doc, mut diags) = draft::parse(id, &sources.get(id).text, rules);
    diags.extend(check::check_document(&doc, rules));
    let docs = [doc];
    check::finish(&docs, rules, &mut diags, today);
    diagnostic::sort(&mut diags, |id| sources.get(id).name.clone());
    (sources, diags)
}

fn explain(
    args: ExplainArgs,
    config_arg: Option<&PathBuf>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let mut sources = Sources::default();
    let Some(setup) = setup(config_arg, args.rules.as_ref(), &mut sources, stderr) else {
        return ExitStatus::Error;
    };
    let rules = &setup.rules;
    let Some(rule) = rules.rule(&args.rule) else {
        let _ = writeln!(
            stderr,
            "{}: {}",
            Severity::Error.word(),
            tr!("config-no-such-rule", rule = args.rule.as_str())
        );
        let hint = match lang::keywords::did_you_mean(&args.rule, rules.rules.iter().map(|r| r.id.as_str())) {
            Some(m) => i18n::did_you_mean_code(m),
            None => tr!("explain-see-rules"),
        };
        let _ = writeln!(stderr, "   = {}: {hint}", tr!("human-help"));
        return ExitStatus::Error;
    };
    let example = |ex: &lang::ruleset::Example| {
        let draft = ruletest::without_markers(&ex.text);
        let (sources, diags) = check_text(rules, &tr!("explain-example-file"), &draft);
        let own: Vec<Diagnostic> = diags.into_iter().filter(|d| d.rule == rule.id).collect();
        let mut out = Vec::new();
        let _ = render::human::render_all(&own, &sources, &mut out);
        let text = String::from_utf8_lossy(&anstream::adapter::strip_bytes(&out).into_vec()).into_owned();
        render::catalogue::Example { draft, output: text }
    };
    let bad: Vec<_> = rule.examples_bad.iter().map(example).collect();
    let good: Vec<_> = rule.examples_good.iter().map(example).collect();
    let _ = render::catalogue::explain(rule, &bad, &good, stdout);
    ExitStatus::Success
}

/// `kader report`: the whole plan as one HTML page for reviewers.
fn report(
    args: cli::ReportArgs,
    config_arg: Option<&PathBuf>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let Some((setup, checked)) = load_and_check(config_arg, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    let rules = &setup.rules;
    let today = today();
    let mut summary = Summary::count(checked.files, checked.actions, &checked.diagnostics);
    summary.deadline = setup.config.deadline.or(rules.plan.deadline).map(|d| (d, today));
    let cov = check::coverage::coverage(&checked.docs, rules);
    let page = render::html::Report {
        docs: &checked.docs,
        diagnostics: &checked.diagnostics,
        sources: &checked.sources,
        rules,
        coverage: &cov,
        summary,
        today,
    };
    let written = deliver(args.output.as_ref(), &checked, stdout, stderr, |out| {
        render::html::render(&page, out)
    });
    report_problems(&checked.problems, stderr);
    if written && !input_failed(&checked) {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    }
}

/// `kader baseline`: write today's findings to kader-baseline.toml, or (`--prune`) remove
/// from it what has been fixed.
fn baseline_cmd(
    args: cli::BaselineArgs,
    config_arg: Option<&PathBuf>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let Some((setup, mut checked)) = load_and_check(config_arg, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    report_problems(&checked.problems, stderr);
    if input_failed(&checked) {
        return ExitStatus::Error;
    }
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| baseline::default_path(setup.config.file.as_ref().map(|(_, p)| p.as_path())));
    let base = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let today = baseline::Baseline::of(&checked.diagnostics, &checked.sources, &base);
    let (new, line) = if args.prune {
        match baseline::Baseline::load(&path, &mut checked.sources) {
            Ok(Some(old)) => {
                let pruned = old.pruned(&today);
                let removed = old.total() - pruned.total();
                let line = tr!(
                    "baseline-pruned",
                    path = path.display().to_string(),
                    removed = removed,
                    left = pruned.total()
                );
                (pruned, line)
            }
            Ok(None) => {
                let _ = writeln!(
                    stderr,
                    "{}: {}",
                    Severity::Error.word(),
                    tr!("baseline-missing", path = path.display().to_string())
                );
                return ExitStatus::Error;
            }
            Err(d) => {
                let _ = render::human::render(&d, &checked.sources, stderr);
                return ExitStatus::Error;
            }
        }
    } else {
        let line = tr!(
            "baseline-written",
            path = path.display().to_string(),
            count = today.total()
        );
        (today, line)
    };
    // The drafts and rules are never overwritten; the old baseline is what we replace.
    let inputs: Vec<PathBuf> = checked
        .sources
        .iter()
        .map(|(_, f)| PathBuf::from(&f.name))
        .filter(|p| *p != path)
        .collect();
    if let Err(e) = output::write_report(&path, new.to_toml().as_bytes(), &inputs) {
        let _ = writeln!(stderr, "{}: {}", Severity::Error.word(), e.message);
        return ExitStatus::Error;
    }
    let _ = writeln!(stdout, "{line}");
    ExitStatus::Success
}

/// `kader test [RULES...]`: run the examples and test cases of each rule set.
fn test_rules(
    paths: &[PathBuf],
    config_arg: Option<&PathBuf>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let targets: Vec<Option<&PathBuf>> = if paths.is_empty() {
        vec![None]
    } else {
        paths.iter().map(Some).collect()
    };
    let mut status = ExitStatus::Success;
    for target in targets {
        let mut sources = Sources::default();
        let Some(setup) = setup(config_arg, target, &mut sources, stderr) else {
            return ExitStatus::Error;
        };
        let rule_file = target.cloned().or_else(|| setup.config.rules.clone());
        let (cases, mut failures) = ruletest::collect(&setup.rules, rule_file.as_deref(), &mut sources);
        let today = today();
        let mut failed_cases = 0;
        for case in &cases {
            let outcome = ruletest::run(case, &setup.rules, today);
            if !outcome.failures.is_empty() {
                failed_cases += 1;
            }
            failures.extend(outcome.failures);
        }
        let uncovered = ruletest::coverage(&setup.rules, &cases);
        let _ = render::human::render_all(&failures, &sources, stdout);
        let _ = render::human::render_all(&uncovered, &sources, stdout);
        let name = rule_file.map_or_else(|| embedded::ENTRY.to_owned(), |p| p.display().to_string());
        let _ = writeln!(
            stdout,
            "{}",
            tr!(
                "test-summary",
                rules = name,
                cases = cases.len(),
                passed = cases.len() - failed_cases,
                failed = failed_cases,
                uncovered = uncovered.len()
            )
        );
        if !failures.is_empty() {
            status = ExitStatus::Failure;
        }
    }
    status
}

/// Today, for the days left to the deadline. `KADER_TODAY=2026-09-01` fixes it (tests,
/// reports made for a given date).
pub fn today() -> jiff::civil::Date {
    static TODAY: std::sync::OnceLock<jiff::civil::Date> = std::sync::OnceLock::new();
    *TODAY.get_or_init(|| {
        std::env::var("KADER_TODAY")
            .ok()
            .and_then(|t| t.parse::<jiff::civil::Date>().ok())
            .unwrap_or_else(|| jiff::Timestamp::now().to_zoned(local_time_zone()).date())
    })
}

/// The local time zone from `TZ` or /etc/localtime, read directly: `TimeZone::system()`
/// indexes the whole zoneinfo database first, which cost a pre-commit hook milliseconds.
fn local_time_zone() -> jiff::tz::TimeZone {
    let tzif = |path: &std::path::Path| {
        std::fs::read(path)
            .ok()
            .and_then(|data| jiff::tz::TimeZone::tzif("local", &data).ok())
    };
    match std::env::var("TZ") {
        Ok(tz) if !tz.is_empty() => {
            let name = tz.trim_start_matches(':');
            let path = std::path::Path::new("/usr/share/zoneinfo").join(name);
            tzif(std::path::Path::new(name))
                .or_else(|| tzif(&path))
                .unwrap_or_else(jiff::tz::TimeZone::system)
        }
        _ => tzif(std::path::Path::new("/etc/localtime")).unwrap_or_else(jiff::tz::TimeZone::system),
    }
}

fn init(dir: Option<PathBuf>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let dir = dir.unwrap_or_else(|| PathBuf::from("."));
    match init::init(&dir) {
        Ok(outcomes) => {
            for o in &outcomes {
                let path = o.path.display().to_string();
                let line = if o.written {
                    tr!("init-written", path = path)
                } else {
                    tr!("init-exists", path = path)
                };
                let _ = writeln!(stdout, "{line}");
            }
            let _ = writeln!(stdout, "{}", tr!("init-next", dir = dir.display().to_string()));
            ExitStatus::Success
        }
        Err(e) => {
            let _ = writeln!(
                stderr,
                "{}: {}",
                Severity::Error.word(),
                tr!("init-failed", dir = dir.display().to_string(), reason = e.to_string())
            );
            ExitStatus::Error
        }
    }
}

fn hook_install(stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let Some(git) = init::git_dir(&cwd) else {
        let _ = writeln!(
            stderr,
            "{}: {}",
            Severity::Error.word(),
            tr!("hook-no-git", dir = cwd.display().to_string())
        );
        let _ = writeln!(stderr, "   = {}: {}", tr!("human-help"), tr!("hook-no-git-help"));
        return ExitStatus::Error;
    };
    match init::install_hook(&git) {
        Ok((path, true)) => {
            let _ = writeln!(stdout, "{}", tr!("hook-written", path = path.display().to_string()));
            ExitStatus::Success
        }
        Ok((path, false)) => {
            let _ = writeln!(
                stderr,
                "{}: {}",
                Severity::Error.word(),
                tr!("hook-exists", path = path.display().to_string())
            );
            let _ = writeln!(stderr, "   = {}: {}", tr!("human-help"), tr!("hook-exists-help"));
            ExitStatus::Error
        }
        Err(e) => {
            let _ = writeln!(
                stderr,
                "{}: {}",
                Severity::Error.word(),
                tr!("hook-failed", reason = e.to_string())
            );
            ExitStatus::Error
        }
    }
}
