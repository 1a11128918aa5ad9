//! `kader check [PATHS]`: the plan's findings in one of five formats, with the baseline
//! applied; `--staged` checks the plan as it is in git's index; `--watch` checks again on
//! every change.

use std::io::{self, Write};
use std::path::PathBuf;

use super::output::deliver;
use super::{Context, ExitStatus, FreeUnlessExiting, Source, repo_paths, report_problems, say_error, setup_and_plan};
use crate::baseline;
use crate::cli::{CheckArgs, FormatArg};
use crate::diagnostic::Diagnostic;
use crate::engine::Checked;
use crate::i18n::{self, tr};
use crate::render::{self, Format, RepoPaths, Summary};

pub fn run(args: CheckArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    if args.watch {
        return super::watch::run(&args, ctx, stdout, stderr);
    }
    once(&args, ctx, true, stdout, stderr)
}

/// One check of the plan: load settings and rules, check, report. `exiting`: the process
/// ends right after, so the checked plan need not be freed.
pub(super) fn once(
    args: &CheckArgs,
    ctx: &Context,
    exiting: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let source = if args.staged {
        let Some(index) = Source::index(stderr) else {
            return ExitStatus::Error;
        };
        index
    } else {
        Source::Disk
    };
    let Some((setup, plan)) = setup_and_plan(ctx, &source, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    let mut plan = FreeUnlessExiting::new(plan, exiting);
    deliver_check(args, ctx, &setup, &mut plan, &source, None, stdout, stderr)
}

/// Which findings a command shows of a checked plan (`kader voortgang`: the progress ones).
pub(super) type Keep<'k> = &'k dyn Fn(&Checked<'_>, &Diagnostic) -> bool;

/// Check a loaded plan and deliver its findings as `args` asks: the baseline applied, in
/// one of five formats, with the exit status of `kader check`.
#[allow(clippy::too_many_arguments)]
pub(super) fn deliver_check(
    args: &CheckArgs,
    ctx: &Context,
    setup: &crate::engine::Setup,
    plan: &mut crate::engine::Plan,
    source: &Source,
    keep: Option<Keep<'_>>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    i18n::with_lang(setup.lang, || {
        // The baseline is read before the check, so the findings can point into it.
        let baseline = if args.no_baseline {
            None
        } else {
            let config_file = setup.config.file.as_ref().map(|(_, p)| p.as_path());
            let path = args
                .baseline
                .clone()
                .unwrap_or_else(|| baseline::default_path(config_file));
            match plan.read_baseline(&path, source.origin()) {
                Ok(None) if args.baseline.is_some() => {
                    say_error(
                        stderr,
                        &tr!("baseline-missing", path = path.display().to_string()),
                        None,
                    );
                    return ExitStatus::Error;
                }
                Ok(None) => None,
                Ok(Some(b)) => {
                    let base = match path.parent() {
                        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                        _ => PathBuf::from("."),
                    };
                    Some((b, base))
                }
                Err(d) => {
                    let _ = render::human::render(&d, plan.sources(), stderr);
                    return ExitStatus::Error;
                }
            }
        };
        let mut checked = plan.check(&ctx.options(setup));
        if let Some(keep) = keep {
            let all = std::mem::take(&mut checked.diagnostics);
            checked.diagnostics = all.into_iter().filter(|d| keep(&checked, d)).collect();
        }
        let applied = baseline
            .as_ref()
            .map(|(b, base)| b.apply(&mut checked.diagnostics, checked.sources, base));
        let mut summary = checked.summary();
        summary.baseline = applied.as_ref().map(|a| (a.suppressed, a.fixed_count()));
        // The days to the deadline are about drafts; progress comes after it.
        if keep.is_none() {
            summary.deadline = setup.config.deadline.or(setup.rules.deadline()).map(|d| (d, ctx.today));
        }
        let format = match args.format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Junit => Format::Junit,
        };
        let repo = matches!(format, Format::Sarif | Format::Github).then(|| repo_paths(setup, &checked));
        let written = deliver(args.output.as_ref(), checked.sources, stdout, stderr, |out| {
            write_report(&checked, summary, format, repo.as_ref(), out).map_err(|()| io::Error::other("stopped"))
        });
        // A human report holds its problems; for machines they are also said on stderr.
        if format != Format::Human {
            report_problems(checked.problems, stderr);
        }
        if !written || checked.input_failed() {
            return ExitStatus::Error;
        }
        if checked.fails(args.deny_warnings || setup.config.deny_warnings) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    })
}

/// Stop quietly when the reader went away (`kader check | head`).
fn quiet(r: io::Result<()>) -> Result<(), ()> {
    r.map_err(|_| ())
}

fn write_report(
    checked: &Checked<'_>,
    summary: Summary,
    format: Format,
    repo: Option<&RepoPaths>,
    out: &mut dyn Write,
) -> Result<(), ()> {
    let (diags, problems, sources) = (&checked.diagnostics, checked.problems, checked.sources);
    match (format, repo) {
        (Format::Sarif, Some(repo)) => quiet(render::sarif::render(
            diags,
            problems,
            checked.rules,
            sources,
            repo,
            out,
        )),
        (Format::Github, Some(repo)) => quiet(render::github::render(diags, problems, sources, repo, out)),
        (Format::Junit, _) => quiet(render::junit::render(
            diags,
            problems,
            checked.docs,
            checked.reports,
            sources,
            out,
        )),
        (Format::Json, _) => quiet(render::json::render(diags, problems, summary, sources, out)),
        _ => {
            let shown: Vec<Diagnostic> = diags.iter().filter(|d| d.waived.is_none()).cloned().collect();
            quiet(render::human::render_all(&shown, sources, out))?;
            quiet(render::human::render_waived(diags, sources, out))?;
            report_problems(problems, out);
            quiet(writeln!(out, "{}", summary.line()))
        }
    }
}
