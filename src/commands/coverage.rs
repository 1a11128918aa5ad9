//! `kader coverage [PATHS]`: which policy lines the plan's actions cover.

use std::io::Write;

use super::output::deliver;
use super::{Context, ExitStatus, Source, report_problems, setup_and_plan};
use crate::check;
use crate::cli::{ViewArgs, ViewFormat};
use crate::diagnostic::Summary;
use crate::i18n;
use crate::render;

pub fn run(args: ViewArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let Some((setup, mut plan)) = setup_and_plan(ctx, &Source::Disk, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    i18n::with_lang(setup.lang, || {
        let checked = plan.check(&ctx.options(&setup));
        let rules = checked.rules;
        // Coverage counts files and actions, not findings.
        let summary = Summary::count(checked.files(), checked.actions(), &[]);
        let cov = check::coverage::coverage(checked.docs, rules);
        let written = deliver(
            args.output.as_ref(),
            checked.sources,
            stdout,
            stderr,
            |out| match args.format {
                ViewFormat::Human => render::coverage::human(&cov, rules, summary, out),
                ViewFormat::Json => render::coverage::json(&cov, rules, summary, out),
            },
        );
        report_problems(checked.problems, stderr);
        if written && !checked.input_failed() {
            ExitStatus::Success
        } else {
            ExitStatus::Error
        }
    })
}
