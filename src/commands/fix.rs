//! `kader fix [PATHS] [--diff]`: apply the fixes that need no human choice (the fix engine,
//! `crate::fix`, which the language server's fix-all uses too), each draft written in one
//! step; `--diff` shows them and writes nothing.
//!
//! Exit 0: nothing is left that fails the check. 1: findings remain that need a person
//! (with `--diff`: also when there is something to fix). 2: kader could not do its job (a
//! rule file, a path, a draft it cannot read or write).

use std::io::Write;
use std::path::Path;

use super::output::{draft_refused, replace_draft};
use super::{Context, ExitStatus, Source, report_problems, say_error, setup_and_plan};
use crate::cli::FixArgs;
use crate::diagnostic::Severity;
use crate::fix;
use crate::i18n::{self, tr};

pub fn run(args: FixArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let Some((setup, mut plan)) = setup_and_plan(ctx, &Source::Disk, args.rules.as_ref(), &args.paths, stderr) else {
        return ExitStatus::Error;
    };
    i18n::with_lang(setup.lang, || {
        let options = ctx.options(&setup);
        // The texts as read, to compare with and to diff against.
        let before: Vec<(String, String)> = {
            let checked = plan.check(&options);
            checked
                .docs
                .iter()
                .map(|d| {
                    let f = checked.sources.get(d.source);
                    (f.name.clone(), f.text.clone())
                })
                .collect()
        };
        let applied = fix::fix_plan(&mut plan, &options, &|_| true);
        let checked = plan.check(&options);
        let after = |name: &str| {
            checked
                .docs
                .iter()
                .map(|d| checked.sources.get(d.source))
                .find(|f| f.name == name)
                .map(|f| f.text.as_str())
        };
        let changed: Vec<(&str, &str, &str, usize)> = applied
            .iter()
            .filter_map(|(name, count)| {
                let old = before.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str())?;
                let new = after(name)?;
                (old != new).then_some((name.as_str(), old, new, *count))
            })
            .collect();
        report_problems(checked.problems, stderr);
        let mut status = ExitStatus::Success;
        if args.diff {
            for (name, old, new, _) in &changed {
                let diff = similar::TextDiff::from_lines(*old, *new);
                let text = diff
                    .unified_diff()
                    .header(&format!("a/{name}"), &format!("b/{name}"))
                    .to_string();
                let _ = stdout.write_all(text.as_bytes());
            }
            if !changed.is_empty() {
                status = ExitStatus::Failure;
            }
        } else {
            // Nothing is written when one draft cannot be: a read-only draft stops the run.
            if let Some(e) = changed.iter().find_map(|(name, ..)| draft_refused(Path::new(name))) {
                say_error(stderr, &e.message, e.help.as_deref());
                say_error(stderr, &tr!("fix-not-written"), None);
                return ExitStatus::Error;
            }
            for (name, _, new, count) in &changed {
                match replace_draft(Path::new(name), new.as_bytes()) {
                    Ok(()) => {
                        let _ = writeln!(stdout, "{}", tr!("fix-done", file = *name, count = *count));
                    }
                    Err(e) => {
                        say_error(stderr, &e.message, e.help.as_deref());
                        status = ExitStatus::Error;
                    }
                }
            }
            if changed.is_empty() {
                let _ = writeln!(stdout, "{}", tr!("fix-nothing"));
            }
        }
        if checked.input_failed() {
            return ExitStatus::Error;
        }
        let deny = args.deny_warnings || setup.config.deny_warnings;
        let left = checked
            .diagnostics
            .iter()
            .filter(|d| {
                d.waived.is_none() && (d.severity == Severity::Error || (deny && d.severity == Severity::Warning))
            })
            .count();
        if left > 0 {
            let out: &mut dyn Write = if args.diff { stderr } else { stdout };
            let _ = writeln!(out, "{}", tr!("fix-left", count = left));
        }
        match status {
            ExitStatus::Error => ExitStatus::Error,
            _ if checked.fails(deny) => ExitStatus::Failure,
            s => s,
        }
    })
}
