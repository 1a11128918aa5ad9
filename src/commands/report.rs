//! `kader report [PATHS]`: the whole plan as one self-contained HTML page for reviewers.
//! It exits like `check`: 0, 1 when the plan has errors, 2 when kader could not do its job.

use std::io::Write;
use std::path::PathBuf;

use super::check::Keep;
use super::output::deliver;
use super::{Context, ExitStatus, Source, report_problems, setup_and_plan};
use crate::check;
use crate::cli::ReportArgs;
use crate::engine::{Plan, Setup};
use crate::i18n;
use crate::render;

pub fn run(args: ReportArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let Some((setup, mut plan)) = setup_and_plan(ctx, &Source::Disk, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    page(
        &setup,
        &mut plan,
        ctx,
        None,
        args.output.as_ref(),
        false,
        stdout,
        stderr,
    )
}

/// Check the plan and write the page. With `progress` (`kader voortgang --format html`):
/// only the findings it keeps, and the Voortgang view of the plan's reports.
#[allow(clippy::too_many_arguments)]
pub(super) fn page(
    setup: &Setup,
    plan: &mut Plan,
    ctx: &Context,
    progress: Option<Keep<'_>>,
    output: Option<&PathBuf>,
    deny_warnings: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    i18n::with_lang(setup.lang, || {
        let mut checked = plan.check(&ctx.options(setup));
        let mut summary = checked.summary();
        let mut view = None;
        if let Some(keep) = progress {
            let all = std::mem::take(&mut checked.diagnostics);
            checked.diagnostics = all.into_iter().filter(|d| keep(&checked, d)).collect();
            summary = checked.summary();
            view = Some(check::progress::view(checked.docs, checked.reports, checked.rules));
        } else {
            summary.deadline = setup
                .config
                .deadline
                .or(checked.rules.deadline())
                .map(|d| (d, ctx.today));
        }
        let cov = check::coverage::coverage(checked.docs, checked.rules);
        let budget = check::budget::table(checked.docs, checked.rules);
        let page = render::html::Report {
            docs: checked.docs,
            diagnostics: &checked.diagnostics,
            sources: checked.sources,
            rules: checked.rules,
            coverage: &cov,
            budget: &budget,
            summary,
            progress: view.as_ref(),
            today: ctx.today,
        };
        let written = deliver(output, checked.sources, stdout, stderr, |out| {
            render::html::render(&page, out)
        });
        report_problems(checked.problems, stderr);
        // Like `check`: 2 when kader could not do its job, 1 when the plan has errors.
        if !written || checked.input_failed() {
            ExitStatus::Error
        } else if checked.fails(deny_warnings || setup.config.deny_warnings) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    })
}
