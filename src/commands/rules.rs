//! `kader rules`: the catalogue of the rule set in use.

use std::io::Write;
use std::path::PathBuf;

use super::{Context, ExitStatus, setup};
use crate::i18n;
use crate::render;

pub fn run(args: crate::cli::RulesArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let rules: Option<&PathBuf> = args.rules.as_ref();
    let Some(setup) = setup(ctx, rules, stderr) else {
        return ExitStatus::Error;
    };
    i18n::with_lang(setup.lang, || {
        let _ = render::catalogue::rules(&setup.rules, stdout);
    });
    ExitStatus::Success
}
