//! `kader baseline [PATHS]`: write today's findings to kader-baseline.toml, or (`--prune`)
//! remove from it what has been fixed.

use std::io::Write;
use std::path::PathBuf;

use super::output::write_report;
use super::{Context, ExitStatus, Source, report_problems, say_error, setup_and_plan};
use crate::baseline::{self, Baseline};
use crate::cli::BaselineArgs;
use crate::i18n::{self, tr};
use crate::origin::Disk;
use crate::render;

pub fn run(args: BaselineArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let Some((setup, mut plan)) = setup_and_plan(ctx, &Source::Disk, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    i18n::with_lang(setup.lang, || {
        let config_file = setup.config.file.as_ref().map(|(_, p)| p.as_path());
        let path = args
            .output
            .clone()
            .unwrap_or_else(|| baseline::default_path(config_file));
        let base = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let now = {
            let checked = plan.check(&ctx.options(&setup));
            report_problems(checked.problems, stderr);
            if checked.input_failed() {
                return ExitStatus::Error;
            }
            Baseline::of(&checked.diagnostics, checked.sources, &base)
        };
        let (new, line) = if args.prune {
            match plan.read_baseline(&path, &Disk) {
                Ok(Some(old)) => {
                    let pruned = old.pruned(&now);
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
                    say_error(
                        stderr,
                        &tr!("baseline-missing", path = path.display().to_string()),
                        None,
                    );
                    return ExitStatus::Error;
                }
                Err(d) => {
                    let _ = render::human::render(&d, plan.sources(), stderr);
                    return ExitStatus::Error;
                }
            }
        } else {
            let line = tr!(
                "baseline-written",
                path = path.display().to_string(),
                count = now.total()
            );
            (now, line)
        };
        // The drafts and rules are never overwritten; the old baseline is what we replace.
        let inputs: Vec<PathBuf> = plan
            .sources()
            .iter()
            .map(|(_, f)| PathBuf::from(&f.name))
            .filter(|p| *p != path)
            .collect();
        if let Err(e) = write_report(&path, new.to_toml().as_bytes(), &inputs) {
            say_error(stderr, &e.message, None);
            return ExitStatus::Error;
        }
        let _ = writeln!(stdout, "{line}");
        ExitStatus::Success
    })
}
