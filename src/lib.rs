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

pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod draft;
pub mod embedded;
#[doc(hidden)]
pub mod fuzzing;
pub mod lang;
pub mod model;
pub mod output;
pub mod register;
pub mod render;
pub mod source;
pub mod walk;

use std::io::{self, Write};
use std::path::PathBuf;

use crate::cli::{CheckArgs, Cli, Command, CoverageArgs, CoverageFormat, ExplainArgs, FormatArg, LangArg, RulesArgs};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Origin;
use crate::render::{Format, Summary};
use crate::source::{SourceFile, Sources};

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
    match cli.command {
        Command::Check(args) => check(args, stdout, stderr),
        Command::Coverage(args) => coverage(args, stdout, stderr),
        Command::Rules(args) => rules_cmd(args, stdout, stderr),
        Command::Explain(args) => explain(args, stdout, stderr),
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
pub fn check_paths(paths: &[PathBuf], rules: &lang::ruleset::RuleSet, mut sources: Sources) -> Checked {
    let (drafts, mut problems) = walk::discover(paths);
    let mut docs = Vec::new();
    let mut diagnostics = Vec::new();
    for d in &drafts {
        let text = match walk::read(d) {
            Ok(t) => t,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let id = sources.add(SourceFile::new(d.name.clone(), text));
        let (doc, diags) = draft::parse(id, &sources.get(id).text, rules);
        diagnostics.extend(diags);
        diagnostics.extend(check::check_document(&doc, rules));
        docs.push(doc);
    }
    diagnostics.extend(check::check_plan(&docs, rules));
    check::apply_waivers(&docs, rules, &mut diagnostics);
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

/// Load the rule set, or report why not (exit 2 follows).
fn rules_or_report(
    rules: Option<&PathBuf>,
    sources: &mut Sources,
    stderr: &mut dyn Write,
) -> Option<lang::ruleset::RuleSet> {
    let (set, diags) = load_rules(rules, sources);
    if set.is_none() {
        let _ = render::human::render_all(&diags, sources, stderr);
        let _ = writeln!(stderr, "kader: de regels bevatten fouten; er is niets gecontroleerd");
    }
    set
}

fn report_problems(problems: &[walk::InputProblem], stderr: &mut dyn Write) {
    for p in problems {
        let word = if p.warning { "waarschuwing" } else { "fout" };
        let _ = writeln!(stderr, "{word}: {}: {}", p.path, p.message);
        if let Some(h) = &p.help {
            let _ = writeln!(stderr, "   = hulp: {h}");
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
            let _ = writeln!(stderr, "fout: {}", e.message);
            if let Some(h) = e.help {
                let _ = writeln!(stderr, "   = hulp: {h}");
            }
            false
        }
    }
}

/// Exit 2 when a file could not be used; warnings (skipped links) do not count.
fn input_failed(checked: &Checked) -> bool {
    checked.problems.iter().any(|p| !p.warning)
}

fn coverage(args: CoverageArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let mut sources = Sources::default();
    let Some(rules) = rules_or_report(args.rules.as_ref(), &mut sources, stderr) else {
        return ExitStatus::Error;
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let checked = check_paths(&paths, &rules, sources);
    let summary = Summary::count(checked.files, checked.actions, &[]);
    let cov = check::coverage::coverage(&checked.docs, &rules);
    let written = deliver(args.output.as_ref(), &checked, stdout, stderr, |out| {
        match args.format {
            CoverageFormat::Human => render::coverage::human(&cov, &rules, summary, out),
            CoverageFormat::Json => render::coverage::json(&cov, &rules, summary, out),
        }
    });
    report_problems(&checked.problems, stderr);
    if written && !input_failed(&checked) {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    }
}

fn check(args: CheckArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let mut sources = Sources::default();
    let Some(rules) = rules_or_report(args.rules.as_ref(), &mut sources, stderr) else {
        return ExitStatus::Error;
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let checked = check_paths(&paths, &rules, sources);
    let summary = Summary::count(checked.files, checked.actions, &checked.diagnostics);
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Junit => Format::Junit,
    };
    let written = deliver(args.output.as_ref(), &checked, stdout, stderr, |out| {
        write_report(&checked, &rules, summary, format, out).map_err(|()| io::Error::other("stopped"))
    });
    report_problems(&checked.problems, stderr);
    if !written || input_failed(&checked) {
        return ExitStatus::Error;
    }
    let failing = checked.diagnostics.iter().any(|d| {
        d.waived.is_none() && (d.severity == Severity::Error || (args.deny_warnings && d.severity == Severity::Warning))
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

fn lang(l: LangArg) -> render::catalogue::Lang {
    match l {
        LangArg::Nl => render::catalogue::Lang::Nl,
        LangArg::En => render::catalogue::Lang::En,
    }
}

fn rules_cmd(args: RulesArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let mut sources = Sources::default();
    let Some(rules) = rules_or_report(args.rules.as_ref(), &mut sources, stderr) else {
        return ExitStatus::Error;
    };
    let _ = render::catalogue::rules(&rules, lang(args.lang), stdout);
    ExitStatus::Success
}

/// Check one draft text on its own (an example from a rule file) and return the findings.
pub fn check_text(rules: &lang::ruleset::RuleSet, name: &str, text: &str) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources::default();
    let id = sources.add(SourceFile::new(name, text));
    let (doc, mut diags) = draft::parse(id, &sources.get(id).text, rules);
    diags.extend(check::check_document(&doc, rules));
    let docs = [doc];
    diags.extend(check::check_plan(&docs, rules));
    check::apply_waivers(&docs, rules, &mut diags);
    diagnostic::sort(&mut diags, |id| sources.get(id).name.clone());
    (sources, diags)
}

fn explain(args: ExplainArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let mut sources = Sources::default();
    let Some(rules) = rules_or_report(args.rules.as_ref(), &mut sources, stderr) else {
        return ExitStatus::Error;
    };
    let Some(rule) = rules.rule(&args.rule) else {
        let _ = writeln!(stderr, "fout: er is geen regel `{}`", args.rule);
        let hint = match lang::keywords::did_you_mean(&args.rule, rules.rules.iter().map(|r| r.id.as_str())) {
            Some(m) => format!("bedoelde je `{m}`?"),
            None => "`kader rules` toont alle regels".to_owned(),
        };
        let _ = writeln!(stderr, "   = hulp: {hint}");
        return ExitStatus::Error;
    };
    let example = |draft: &String| {
        let (sources, diags) = check_text(&rules, "voorbeeld.md", draft);
        let own: Vec<Diagnostic> = diags.into_iter().filter(|d| d.rule == rule.id).collect();
        let mut out = Vec::new();
        let _ = render::human::render_all(&own, &sources, &mut out);
        let text = String::from_utf8_lossy(&anstream::adapter::strip_bytes(&out).into_vec()).into_owned();
        render::catalogue::Example {
            draft: draft.clone(),
            output: text,
        }
    };
    let bad: Vec<_> = rule.examples_bad.iter().map(example).collect();
    let good: Vec<_> = rule.examples_good.iter().map(example).collect();
    let _ = render::catalogue::explain(rule, lang(args.lang), &bad, &good, stdout);
    ExitStatus::Success
}
