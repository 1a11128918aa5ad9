//! `kader voortgang [PATHS]`: the progress reports held against the plan. The paths hold the
//! plan's drafts and the reports (a report is a file whose front matter carries the marker of
//! the `voortgang` block); with none, the plan of kader.toml (`paden`) and its reports
//! (`voortgang`). It shows the findings of the progress rules and those in the reports, in
//! the formats of `check` or as the report page with its Voortgang view.

use std::io::Write;
use std::path::PathBuf;

use super::check::{Keep, deliver_check};
use super::{Context, ExitStatus, Source, say_error, setup_and_plan};
use crate::cli::{CheckArgs, FormatArg, ProgressArgs, ProgressFormat};
use crate::diagnostic::Diagnostic;
use crate::engine::Checked;
use crate::i18n::{self, tr};

pub fn run(args: ProgressArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let Some(setup) = super::setup(ctx, args.rules.as_ref(), stderr) else {
        return ExitStatus::Error;
    };
    // The plan and the reports: as given; one path (the plan) takes the reports of
    // kader.toml; none takes both from kader.toml.
    let mut paths: Vec<PathBuf> = args.paths.clone();
    if paths.is_empty() {
        paths = super::plan_paths(&setup, &[]);
    }
    if args.paths.len() <= 1 {
        paths.extend(setup.config.progress.iter().cloned());
    }
    drop(setup);
    let Some((setup, mut plan)) = setup_and_plan(ctx, &Source::Disk, args.rules.as_ref(), &paths, stderr) else {
        return ExitStatus::Error;
    };
    plan.monitor(true);
    if plan.report_count() == 0 {
        i18n::with_lang(setup.lang, || {
            let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            say_error(
                stderr,
                &tr!("progress-no-reports", paths = shown.join(", ")),
                Some(&tr!("progress-no-reports-help")),
            );
        });
        return ExitStatus::Error;
    }
    let format = match args.format {
        ProgressFormat::Human => FormatArg::Human,
        ProgressFormat::Json => FormatArg::Json,
        ProgressFormat::Sarif => FormatArg::Sarif,
        ProgressFormat::Github => FormatArg::Github,
        ProgressFormat::Junit => FormatArg::Junit,
        ProgressFormat::Html => {
            let keep: Keep<'_> = &progress_finding;
            return super::report::page(
                &setup,
                &mut plan,
                ctx,
                Some(keep),
                args.output.as_ref(),
                args.deny_warnings,
                stdout,
                stderr,
            );
        }
    };
    let check_args = CheckArgs {
        paths,
        format,
        output: args.output.clone(),
        rules: args.rules.clone(),
        deny_warnings: args.deny_warnings,
        watch: false,
        staged: false,
        baseline: args.baseline.clone(),
        no_baseline: args.no_baseline,
    };
    deliver_check(
        &check_args,
        ctx,
        &setup,
        &mut plan,
        &Source::Disk,
        Some(&progress_finding),
        stdout,
        stderr,
    )
}

/// A finding `kader voortgang` shows: one of a progress rule, one in a report (its front
/// matter, its waivers), or one about a waiver of a progress rule in the plan.
fn progress_finding(checked: &Checked<'_>, d: &Diagnostic) -> bool {
    let rules = checked.rules;
    if rules.rule(&d.rule).is_some_and(|r| r.scope.is_progress()) {
        return true;
    }
    let Some(p) = &d.primary else { return false };
    if checked.reports.iter().any(|r| r.source == p.source) {
        return true;
    }
    checked.docs.iter().filter(|doc| doc.source == p.source).any(|doc| {
        doc.waivers.iter().any(|w| {
            w.span == p.span
                && w.rule
                    .as_ref()
                    .and_then(|r| rules.rule(&r.value))
                    .is_some_and(|r| r.scope.is_progress())
        })
    })
}
