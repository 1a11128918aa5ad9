//! `kader check --watch`: check again whenever a draft, a rule file or kader.toml changes.
//!
//! Owns: the file watcher (notify with its debouncer, so an editor's save-by-rename is one
//! change) and the loop that clears the screen and checks again. A file saved half-written
//! is simply checked as it is; the next save triggers another check. A broken rule file or
//! kader.toml is reported and the watch goes on.
//!
//! Only a real change of content checks again: an event counts when it changes, creates or
//! removes a draft, rule file, register, kader.toml or baseline (`*.md`, `*.markdown`,
//! `*.kader`, `*.toml`) that is not kader's own report, and then only when the content of
//! those files differs from what it was when the last check started. kader's own reads of
//! the files (access events), its report and the temporary file it writes the report
//! through never start a check.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};

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

/// Files whose content a check reads: drafts, rule files, registers, kader.toml, baselines.
fn is_input(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "kader", "toml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// What the watched inputs hold now: each input file under the targets with a hash of its
/// content (missing files are simply absent).
fn contents(targets: &[PathBuf], output: Option<&Path>) -> BTreeMap<PathBuf, u64> {
    let mut state = BTreeMap::new();
    let mut add = |p: &Path| {
        if output.is_some_and(|o| std::fs::canonicalize(p).is_ok_and(|c| c == o)) {
            return;
        }
        if let Ok(bytes) = std::fs::read(p) {
            let mut h = std::hash::DefaultHasher::new();
            bytes.hash(&mut h);
            state.insert(p.to_path_buf(), h.finish());
        }
    };
    for t in targets {
        if t.is_file() {
            add(t);
            continue;
        }
        let walker = walkdir::WalkDir::new(t)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for e in walker.filter_map(Result::ok) {
            if e.file_type().is_file() && is_input(e.path()) {
                add(e.path());
            }
        }
    }
    state
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
                tr!("watch-failed", reason = notify_error(&e))
            );
            return ExitStatus::Error;
        }
    };
    let targets = targets(args, ctx.config.as_ref());
    for t in &targets {
        let mode = if t.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        if let Err(e) = debouncer.watch(t, mode) {
            let _ = writeln!(
                stderr,
                "{}: {}",
                Severity::Warning.word(),
                tr!(
                    "watch-not-watched",
                    path = t.display().to_string(),
                    reason = notify_error(&e)
                )
            );
        }
    }
    let output = args
        .output
        .as_ref()
        .and_then(|o| std::fs::canonicalize(o).ok().or_else(|| Some(o.clone())));
    loop {
        // What the inputs hold as this check starts: a change during the check counts.
        let before = contents(&targets, output.as_deref());
        // Clear the screen and draw the report again (not where codes are not shown:
        // standard output is then written as it is, see `main`).
        if crate::render::human::color() {
            let _ = write!(stdout, "\x1b[2J\x1b[H");
        }
        // A watch may run past midnight: each check is made for the day it runs on.
        let ctx = Context {
            config: ctx.config.clone(),
            lang: ctx.lang,
            today: super::today(),
        };
        super::check::once(args, &ctx, false, stdout, stderr);
        let _ = writeln!(stdout, "{}", tr!("watch-watching"));
        let _ = stdout.flush();
        // Wait for a change of content that is not kader's own report.
        loop {
            match rx.recv() {
                Ok(Ok(events)) => {
                    let touches_input = events.iter().any(|e| {
                        !matches!(e.kind, EventKind::Access(_))
                            && e.paths.iter().any(|p| {
                                let own = output
                                    .as_ref()
                                    .is_some_and(|o| std::fs::canonicalize(p).is_ok_and(|c| &c == o) || p == o);
                                is_input(p) && !own
                            })
                    });
                    if touches_input && contents(&targets, output.as_deref()) != before {
                        break;
                    }
                }
                Ok(Err(errors)) => {
                    for e in errors {
                        let _ = writeln!(
                            stderr,
                            "{}: {}",
                            Severity::Warning.word(),
                            tr!("watch-error", reason = notify_error(&e))
                        );
                    }
                }
                Err(_) => return ExitStatus::Error,
            }
        }
    }
}

/// A file-watching error in the reader's words.
fn notify_error(e: &notify::Error) -> String {
    match &e.kind {
        notify::ErrorKind::Io(io) => crate::origin::describe_io_error(io),
        notify::ErrorKind::PathNotFound => tr!("io-not-found"),
        notify::ErrorKind::MaxFilesWatch => tr!("watch-too-many"),
        _ => tr!("io-other"),
    }
}
