//! `kader check --watch`: check again whenever a draft, a rule file or kader.toml changes.
//!
//! Owns: the file watcher (notify with its debouncer, so an editor's save-by-rename is one
//! change) and the loop that clears the screen and checks again. A file saved half-written
//! is simply checked as it is; the next save triggers another check. A broken rule file or
//! kader.toml is reported and the watch goes on.

use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use notify::RecursiveMode;

use super::{Context, ExitStatus};
use crate::cli::CheckArgs;
use crate::diagnostic::Severity;
use crate::i18n::tr;

/// What to watch: the paths checked, kader.toml and a rule file on disk (or the working
/// directory when nothing else is known).
fn targets(args: &CheckArgs, config_arg: Option<&PathBuf>) -> Vec<PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut out: Vec<PathBuf> = args.paths.clone();
    let config = config_arg.cloned().or_else(|| crate::config::discover(&cwd));
    if let Some(c) = &config {
        out.push(c.clone());
        if args.paths.is_empty() {
            // The plan the config names, and its rule files: watch the config's directory.
            out.push(c.parent().map_or_else(|| cwd.clone(), std::path::Path::to_path_buf));
        }
    }
    if let Some(r) = &args.rules {
        out.push(r.clone());
    }
    if out.is_empty() {
        out.push(cwd);
    }
    out
}

pub fn run(args: &CheckArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = match notify_debouncer_full::new_debouncer(Duration::from_millis(250), None, tx) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(
                stderr,
                "{}: {}",
                Severity::Error.word(),
                tr!("watch-failed", reason = e.to_string())
            );
            return ExitStatus::Error;
        }
    };
    for t in targets(args, ctx.config.as_ref()) {
        let mode = if t.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        if let Err(e) = debouncer.watch(&t, mode) {
            let _ = writeln!(
                stderr,
                "{}: {}",
                Severity::Warning.word(),
                tr!(
                    "watch-not-watched",
                    path = t.display().to_string(),
                    reason = e.to_string()
                )
            );
        }
    }
    let output = args
        .output
        .as_ref()
        .and_then(|o| std::fs::canonicalize(o).ok().or_else(|| Some(o.clone())));
    loop {
        // Clear the screen and draw the report again.
        let _ = write!(stdout, "\x1b[2J\x1b[H");
        // A watch may run past midnight: each check is made for the day it runs on.
        let ctx = Context {
            config: ctx.config.clone(),
            lang: ctx.lang,
            today: super::today(),
        };
        super::check::once(args, &ctx, false, stdout, stderr);
        let _ = writeln!(stdout, "{}", tr!("watch-watching"));
        let _ = stdout.flush();
        // Wait for a change that is not kader's own report.
        loop {
            match rx.recv() {
                Ok(Ok(events)) => {
                    let relevant = events.iter().any(|e| {
                        e.paths.iter().any(|p| {
                            let own = output.as_ref().is_some_and(|o| {
                                p == o || p.file_name() == o.file_name() && p.extension() == o.extension()
                            });
                            let hidden = p
                                .components()
                                .any(|c| c.as_os_str().to_string_lossy().starts_with(".git"));
                            !own && !hidden
                        })
                    });
                    if relevant {
                        break;
                    }
                }
                Ok(Err(errors)) => {
                    for e in errors {
                        let _ = writeln!(
                            stderr,
                            "{}: {}",
                            Severity::Warning.word(),
                            tr!("watch-error", reason = e.to_string())
                        );
                    }
                }
                Err(_) => return ExitStatus::Error,
            }
        }
    }
}
