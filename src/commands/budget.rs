//! `kader begroting [PATHS]`: per team and per year the euro and fte the plan puts in,
//! against the kaderbrief's frames.

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
        let summary = Summary::count(checked.files(), checked.actions(), &[]);
        let table = check::budget::table(checked.docs, rules);
        let deadline = setup.config.deadline.or(rules.deadline());
        let written = deliver(
            args.output.as_ref(),
            checked.sources,
            stdout,
            stderr,
            |out| match args.format {
                ViewFormat::Human => render::budget::human(&table, rules, summary, out),
                ViewFormat::Json => render::budget::json(&table, rules, summary, deadline, out),
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
