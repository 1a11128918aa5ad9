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

use crate::cli::{CheckArgs, Cli, Command, CoverageArgs, FormatArg};
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
            FormatArg::Human => render::coverage::human(&cov, &rules, summary, out),
            FormatArg::Json => render::coverage::json(&cov, &rules, summary, out),
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
    };
    let written = deliver(args.output.as_ref(), &checked, stdout, stderr, |out| {
        write_report(&checked, summary, format, out).map_err(|()| io::Error::other("stopped"))
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

fn write_report(checked: &Checked, summary: Summary, format: Format, out: &mut dyn Write) -> Result<(), ()> {
    match format {
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
