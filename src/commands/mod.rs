//! The commands of the `kader` binary, one module each: parse nothing (that is `cli`), call
//! the library, render, say how it ended.
//!
//! Owns: what a command reads from the machine it runs on (the drafts on disk, kader.toml
//! found upwards from the working directory, the day and the time zone), the language of the
//! run (`--lang`, else `taal` in kader.toml, else Dutch), the exit status, and writing
//! problems to stderr.
//! Must not: check anything itself; the pipeline is `engine`.

pub mod baseline;
pub mod budget;
pub mod check;
pub mod coverage;
pub mod explain;
pub mod fix;
pub mod init;
pub mod output;
pub mod progress;
pub mod report;
pub mod rules;
pub mod shell;
pub mod test;
mod watch;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cli::{Cli, Command, LangArg};
use crate::diagnostic::Severity;
use crate::engine::{Checked, Options, Plan, Setup, Stage};
use crate::i18n::{self, Lang, tr};
use crate::inputs::{self, InputProblem, git::GitIndex};
use crate::origin::{Disk, Origin};
use crate::render::{self, RepoPaths};
use crate::text::visible;

/// How a run ended; `main` maps it to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: nothing that fails the check.
    Success,
    /// 1: findings of severity error (or warnings with `--deny-warnings`).
    Failure,
    /// 2: kader could not do its job (rule file, path, unreadable draft).
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// What every command of one run shares: the global options and the day.
pub struct Context {
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--lang`.
    pub lang: Option<Lang>,
    /// The day this run checks for.
    pub today: jiff::civil::Date,
}

impl Context {
    /// The options of a check in the language `setup` settled on.
    pub fn options(&self, setup: &Setup) -> Options {
        Options {
            today: self.today,
            lang: setup.lang,
        }
    }
}

/// Run a command. Reports go to `stdout`, problems to `stderr`.
pub fn run(cli: Cli, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    // `--jobs N`: the threads that check files (default: one per core). Set once; a second
    // call in the same process (tests) keeps the first pool.
    if let Some(jobs) = cli.jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(bounded_jobs(jobs))
            .build_global();
    }
    let lang = cli.lang.map(|l| match l {
        LangArg::En => Lang::En,
        LangArg::Nl => Lang::Nl,
    });
    // A day kader cannot read must not silently become today.
    if let Ok(fixed) = std::env::var("KADER_TODAY")
        && fixed.parse::<jiff::civil::Date>().is_err()
    {
        i18n::with_lang(lang.unwrap_or_default(), || {
            say_error(
                stderr,
                &tr!("today-invalid", value = fixed.as_str()),
                Some(&tr!("today-invalid-help")),
            );
        });
        return ExitStatus::Error;
    }
    let ctx = Context {
        config: cli.config,
        lang,
        today: today(),
    };
    // A failed write (a full disk, /dev/full) is exit 2 with a message, whatever the
    // command; a reader that went away (`kader check | head`) stops the output quietly.
    let mut out = Tracked {
        inner: stdout,
        failed: None,
    };
    let stdout: &mut dyn Write = &mut out;
    // Until kader.toml is read, the run speaks the language asked for (or Dutch).
    let status = i18n::with_lang(lang.unwrap_or_default(), || match cli.command {
        Command::Check(args) => check::run(args, &ctx, stdout, stderr),
        Command::Coverage(args) => coverage::run(args, &ctx, stdout, stderr),
        Command::Begroting(args) => budget::run(args, &ctx, stdout, stderr),
        Command::Rules(args) => rules::run(args, &ctx, stdout, stderr),
        Command::Explain(args) => explain::run(args, &ctx, stdout, stderr),
        Command::Test { rules } => test::run(&rules, &ctx, stdout, stderr),
        Command::Baseline(args) => baseline::run(args, &ctx, stdout, stderr),
        Command::Report(args) => report::run(args, &ctx, stdout, stderr),
        Command::Voortgang(args) => progress::run(args, &ctx, stdout, stderr),
        Command::Fix(args) => fix::run(args, &ctx, stdout, stderr),
        // The server works in the workspace folder: a `--config` is made absolute first.
        Command::Lsp { stdio: _ } => match crate::lsp::serve(
            ctx.config.clone().map(|p| std::fs::canonicalize(&p).unwrap_or(p)),
            ctx.lang,
            today,
        ) {
            Ok(true) => ExitStatus::Success,
            Ok(false) => ExitStatus::Failure,
            Err(e) => {
                say_error(stderr, &tr!("lsp-failed", reason = e), Some(&tr!("lsp-failed-help")));
                ExitStatus::Error
            }
        },
        Command::Init { dir } => init::run(dir, ctx.today, stdout, stderr),
        Command::Hook {
            action: crate::cli::HookAction::Install,
        } => init::hook_install(stdout, stderr),
        Command::Completions { shell } => {
            // The rule IDs `kader explain` completes: those of this repository's rules (the
            // bundled ones without kader.toml); none when they cannot be loaded.
            let ids = setup(&ctx, None, &mut io::sink())
                .map(|s| s.rules.rules.iter().map(|r| r.id.clone()).collect())
                .unwrap_or_default();
            shell::completions(shell, ids, stdout)
        }
        Command::Manpage => shell::manpage(stdout),
    });
    let _ = out.flush();
    match out.failed {
        Some((io::ErrorKind::BrokenPipe, _)) => status,
        Some((_, reason)) => {
            i18n::with_lang(lang.unwrap_or_default(), || {
                say_error(stderr, &tr!("output-stdout-failed", reason = reason), None);
            });
            ExitStatus::Error
        }
        None => status,
    }
}

/// `--jobs N`, bounded: at least 1, at most four threads per core (`--jobs 10000` once took
/// 45 s and 1.7 GB just to start its threads).
fn bounded_jobs(asked: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    asked.clamp(1, 4 * cores)
}

/// Standard output that remembers its first failed write.
struct Tracked<'a> {
    inner: &'a mut dyn Write,
    failed: Option<(io::ErrorKind, String)>,
}

impl Tracked<'_> {
    fn note<T>(&mut self, r: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &r
            && self.failed.is_none()
        {
            self.failed = Some((e.kind(), crate::origin::describe_io_error(e)));
        }
        r
    }
}

impl Write for Tracked<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

/// Where a command reads the plan from: the working tree, or git's index (`--staged`).
pub enum Source {
    Disk,
    Index(GitIndex),
}

impl Source {
    /// Git's index of the repository around the working folder; a problem is said on stderr.
    fn index(stderr: &mut dyn Write) -> Option<Source> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match GitIndex::open(&cwd) {
            Ok(index) => Some(Source::Index(index)),
            Err(e) => {
                let reason = crate::origin::describe_io_error(&e);
                say_error(
                    stderr,
                    &tr!("git-no-index", reason = reason),
                    Some(&tr!("git-no-index-help")),
                );
                None
            }
        }
    }

    pub fn origin(&self) -> &dyn Origin {
        match self {
            Source::Disk => &Disk,
            Source::Index(index) => index,
        }
    }

    /// kader.toml from the working folder upwards, where this source has files.
    fn find_config(&self, cwd: &Path) -> Option<PathBuf> {
        match self {
            Source::Disk => crate::config::discover(cwd),
            Source::Index(index) => crate::config::discover_where(cwd, &|p| index.contains(p)),
        }
    }
}

/// Settings and rules: kader.toml (`--config`, or found from the working directory upwards)
/// and the rule set it names (or `--rules`, or the bundled one). A problem is reported and
/// `None` returned (exit 2 follows).
fn setup(ctx: &Context, rules: Option<&PathBuf>, stderr: &mut dyn Write) -> Option<Setup> {
    setup_from(ctx, &Source::Disk, rules, stderr)
}

fn setup_from(ctx: &Context, source: &Source, rules: Option<&PathBuf>, stderr: &mut dyn Write) -> Option<Setup> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = ctx.config.clone().or_else(|| source.find_config(&cwd));
    match Setup::load(
        source.origin(),
        config.as_deref(),
        rules.map(PathBuf::as_path),
        ctx.lang,
    ) {
        Ok(setup) => Some(setup),
        Err(e) => {
            i18n::with_lang(e.lang, || {
                let _ = render::human::render_all(&e.diagnostics, &e.sources, stderr);
                let line = match e.stage {
                    Stage::Config => tr!("run-config-broken", file = crate::config::FILE_NAME),
                    Stage::Rules => tr!("run-rules-broken"),
                };
                let _ = writeln!(stderr, "kader: {line}");
            });
            None
        }
    }
}

/// The paths to check: those given, or those in kader.toml, or the working directory.
fn plan_paths(setup: &Setup, given: &[PathBuf]) -> Vec<PathBuf> {
    if !given.is_empty() {
        given.to_vec()
    } else if !setup.config.paths.is_empty() {
        setup.config.paths.clone()
    } else {
        vec![PathBuf::from(".")]
    }
}

/// Drafts matched by `negeer` in kader.toml are not checked.
fn kept(setup: &Setup, d: &inputs::disk::DraftPath) -> bool {
    !setup.config.excludes(&d.path)
}

/// The plan from `source`: the drafts under `paths` (or kader.toml's), read in parallel.
fn plan_from(setup: &Setup, source: &Source, paths: &[PathBuf]) -> Plan {
    let mut plan = Plan::new(setup);
    let paths = plan_paths(setup, paths);
    let (mut drafts, problems) = match source {
        Source::Disk => inputs::disk::discover(&paths),
        Source::Index(index) => index.drafts(&paths),
    };
    drafts.retain(|d| kept(setup, d));
    // Nothing to check is a problem of its own, unless a problem already says why.
    if drafts.is_empty() && problems.iter().all(|p| p.warning) {
        plan.add_problem(inputs::disk::no_drafts(&paths));
    }
    for p in problems {
        plan.add_problem(p);
    }
    if let Source::Index(index) = source {
        // One `git cat-file` for every staged draft; a failure leaves each read on its own.
        let _ = index.prefetch(&drafts.iter().map(|d| d.path.clone()).collect::<Vec<_>>());
    }
    let origin = source.origin();
    let read = |d: &inputs::disk::DraftPath| inputs::disk::read(d, origin);
    // One draft (a pre-commit hook on one file) needs no thread pool.
    let read: Vec<_> = if drafts.len() > 1 {
        let lang = i18n::current();
        drafts.par_iter().map(|d| i18n::with_lang(lang, || read(d))).collect()
    } else {
        drafts.iter().map(read).collect()
    };
    plan.add_all(read);
    plan
}

/// Settings, rules and the plan from `source`: what `check`, `coverage`, `report` and
/// `baseline` share. `None` when the settings or rules are broken (reported; exit 2 follows).
fn setup_and_plan(
    ctx: &Context,
    source: &Source,
    rules: Option<&PathBuf>,
    paths: &[PathBuf],
    stderr: &mut dyn Write,
) -> Option<(Setup, Plan)> {
    let setup = setup_from(ctx, source, rules, stderr)?;
    let plan = i18n::with_lang(setup.lang, || plan_from(&setup, source, paths));
    Some((setup, plan))
}

/// Inputs that could not be used, for people: on stderr, or in a human report.
fn report_problems(problems: &[InputProblem], out: &mut dyn Write) {
    for p in problems {
        let word = if p.warning { Severity::Warning } else { Severity::Error }.word();
        let _ = writeln!(out, "{word}: {}: {}", visible(&p.place()), visible(&p.message));
        if let Some(h) = &p.help {
            let _ = writeln!(out, "   = {}: {}", tr!("human-help"), visible(h));
        }
    }
}

/// The repository the plan lies in, for the formats that name files relative to its root:
/// git's top level (the nearest folder upwards with a `.git`), else the folder of
/// kader.toml, else the working folder.
fn repo_paths(setup: &Setup, checked: &Checked<'_>) -> RepoPaths {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
    let config_dir = setup.config.file.as_ref().and_then(|(_, p)| {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(dir).ok()
    });
    let root = cwd
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
        .or(config_dir)
        .unwrap_or_else(|| cwd.clone());
    let anchor = setup
        .config
        .file
        .as_ref()
        .map(|(id, _)| *id)
        .or_else(|| checked.docs.first().map(|d| d.source));
    RepoPaths::new(&root, &cwd, checked.sources, anchor)
}

/// "fout: …" and its help line on stderr.
fn say_error(stderr: &mut dyn Write, message: &str, help: Option<&str>) {
    let _ = writeln!(stderr, "{}: {message}", Severity::Error.word());
    if let Some(h) = help {
        let _ = writeln!(stderr, "   = {}: {h}", tr!("human-help"));
    }
}

/// A value that is freed only when the process goes on afterwards. When it is about to
/// exit, the operating system takes the memory back at once; freeing a large plan's
/// millions of small allocations one by one took 5–7 % of a check of 2,000 files.
struct FreeUnlessExiting<T> {
    value: Option<T>,
    exiting: bool,
}

impl<T> FreeUnlessExiting<T> {
    fn new(value: T, exiting: bool) -> Self {
        FreeUnlessExiting {
            value: Some(value),
            exiting,
        }
    }
}

impl<T> std::ops::Deref for FreeUnlessExiting<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value.as_ref().expect("present until dropped")
    }
}

impl<T> std::ops::DerefMut for FreeUnlessExiting<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.value.as_mut().expect("present until dropped")
    }
}

impl<T> Drop for FreeUnlessExiting<T> {
    fn drop(&mut self) {
        if self.exiting
            && let Some(v) = self.value.take()
        {
            std::mem::forget(v);
        }
    }
}

/// Today, for the days left to the deadline and waivers with an end date.
/// `KADER_TODAY=2026-09-01` fixes it (tests, reports made for a given date).
pub fn today() -> jiff::civil::Date {
    std::env::var("KADER_TODAY")
        .ok()
        .and_then(|t| t.parse::<jiff::civil::Date>().ok())
        .unwrap_or_else(|| jiff::Timestamp::now().to_zoned(local_time_zone()).date())
}

/// The local time zone from `TZ` or /etc/localtime, read directly: `TimeZone::system()`
/// indexes the whole zoneinfo database first, which cost a pre-commit hook milliseconds.
fn local_time_zone() -> jiff::tz::TimeZone {
    let tzif = |path: &Path| {
        std::fs::read(path)
            .ok()
            .and_then(|data| jiff::tz::TimeZone::tzif("local", &data).ok())
    };
    match std::env::var("TZ") {
        Ok(tz) if !tz.is_empty() => {
            // From the system's zoneinfo (or an absolute path), never from the working
            // folder: `TZ=Europe/Amsterdam` must not read ./Europe/Amsterdam.
            let name = Path::new(tz.trim_start_matches(':'));
            let file = if name.is_absolute() {
                Some(name.to_path_buf())
            } else if name.components().all(|c| matches!(c, std::path::Component::Normal(_))) {
                Some(Path::new("/usr/share/zoneinfo").join(name))
            } else {
                None
            };
            file.filter(|f| f.is_file())
                .and_then(|f| tzif(&f))
                .unwrap_or_else(jiff::tz::TimeZone::system)
        }
        _ => tzif(Path::new("/etc/localtime")).unwrap_or_else(jiff::tz::TimeZone::system),
    }
}
