//! `kader init` and `kader hook install`: set up a plan repository.
//!
//! Owns: the files a new plan repository starts with. Writes only files that do not exist
//! yet (never overwrites), each in one go.
//! Must not: check anything.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{ExitStatus, say_error};
use crate::embedded;
use crate::i18n::tr;

/// What `kader init` writes: (path relative to the directory, contents).
pub fn files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kader.toml", include_str!("../../templates/kader.toml")),
        (
            "regels/jaarplan-2026-2027.kader",
            embedded::file("rules/jaarplan-2026-2027.kader").expect("bundled"),
        ),
        (
            "regels/beleidsplan-2026-2027.toml",
            embedded::file("rules/beleidsplan-2026-2027.toml").expect("bundled"),
        ),
        (
            "regels/iza-midden-nederland.toml",
            embedded::file("rules/iza-midden-nederland.toml").expect("bundled"),
        ),
        (
            "regels/kaderbrief-2026-2027.toml",
            embedded::file("rules/kaderbrief-2026-2027.toml").expect("bundled"),
        ),
        (
            "jaarplan/team-voorbeeld.md",
            include_str!("../../templates/team-voorbeeld.md"),
        ),
        (
            ".pre-commit-config.yaml",
            include_str!("../../templates/pre-commit-config.yaml"),
        ),
    ]
}

/// One file of the result: written, or left alone because it exists.
pub struct Outcome {
    pub path: PathBuf,
    pub written: bool,
}

/// Write a new file; an existing one is left alone.
fn write_new(path: &Path, contents: &str) -> std::io::Result<bool> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(mut f) => {
            f.write_all(contents.as_bytes())?;
            f.sync_all()?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

/// The template's deadline: the day the jaarplan 2026-2027 is due.
const TEMPLATE_DEADLINE: &str = "inleverdatum = 2026-09-15";

/// The kader.toml to write on `today`: a deadline that already passed is not written as a
/// setting (kader would count down to a day in the past), but left as a line to fill in.
pub fn config_text(today: jiff::civil::Date) -> String {
    let template = include_str!("../../templates/kader.toml");
    if today <= jiff::civil::date(2026, 9, 15) {
        return template.to_owned();
    }
    template.replace(
        TEMPLATE_DEADLINE,
        &format!("{}\n# inleverdatum = JJJJ-MM-DD", tr!("init-deadline-passed")),
    )
}

/// The kaderbrief to write on `today`: like kader.toml, without a deadline that has passed.
pub fn kaderbrief_text(today: jiff::civil::Date) -> String {
    let bundled = embedded::file("rules/kaderbrief-2026-2027.toml").expect("bundled");
    if today <= jiff::civil::date(2026, 9, 15) {
        return bundled.to_owned();
    }
    bundled.replace(
        TEMPLATE_DEADLINE,
        &format!("{}\n# inleverdatum = JJJJ-MM-DD", tr!("init-deadline-passed")),
    )
}

/// Write what is missing. The example draft only comes with a new plan: when kader.toml
/// was already there, or the plan folder holds drafts, a second `init` leaves it out (it
/// would become part of the plan that is checked).
pub fn init(dir: &Path, today: jiff::civil::Date) -> std::io::Result<Vec<Outcome>> {
    let existing_plan = dir.join("kader.toml").exists() || has_drafts(&dir.join("jaarplan"));
    files()
        .into_iter()
        .filter(|(rel, _)| !(existing_plan && *rel == "jaarplan/team-voorbeeld.md"))
        .map(|(rel, contents)| {
            let path = dir.join(rel);
            let text = if rel == "kader.toml" {
                config_text(today)
            } else if rel == "regels/kaderbrief-2026-2027.toml" {
                kaderbrief_text(today)
            } else {
                contents.to_owned()
            };
            let written = write_new(&path, &text)?;
            Ok(Outcome { path, written })
        })
        .collect()
}

fn has_drafts(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
}

/// The git hook `kader hook install` writes: it checks what the commit will hold (git's
/// index), not the working tree.
pub const HOOK: &str = "#!/bin/sh\n# kader: controleer het jaarplan voor elke commit (geïnstalleerd met `kader hook install`).\n# Gecontroleerd wordt wat de commit bevat (de index van git), niet de werkmap.\n# Een fout in het plan houdt de commit tegen; `git commit --no-verify` slaat de controle over.\nexec kader check --staged\n";

/// Find the repository's `.git` directory from `start` upwards.
pub fn git_dir(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let git = d.join(".git");
        if git.is_dir() {
            return Some(git);
        }
        dir = d.parent();
    }
    None
}

/// The hooks folder of the repository around `cwd`, as git says it (worktrees,
/// submodules and `core.hooksPath` included); `None` outside a repository.
pub fn hooks_dir(cwd: &Path) -> Option<PathBuf> {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "--git-path", "hooks"])
        .current_dir(cwd)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let path = String::from_utf8_lossy(&out.stdout)
        .trim_end_matches(['\n', '\r'])
        .to_owned();
    Some(cwd.join(path))
}

/// Write `pre-commit` in the hooks folder (executable); an existing hook is left alone.
pub fn install_hook(hooks: &Path) -> std::io::Result<(PathBuf, bool)> {
    let path = hooks.join("pre-commit");
    let written = write_new(&path, HOOK)?;
    if written {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
    }
    Ok((path, written))
}

/// `kader init [DIR]`.
pub fn run(
    dir: Option<PathBuf>,
    today: jiff::civil::Date,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitStatus {
    let dir = dir.unwrap_or_else(|| PathBuf::from("."));
    match init(&dir, today) {
        Ok(outcomes) => {
            for o in &outcomes {
                let path = o.path.display().to_string();
                let line = if o.written {
                    tr!("init-written", path = path)
                } else {
                    tr!("init-exists", path = path)
                };
                let _ = writeln!(stdout, "{line}");
            }
            let _ = writeln!(stdout, "{}", tr!("init-next", dir = dir.display().to_string()));
            ExitStatus::Success
        }
        Err(e) => {
            let message = tr!(
                "init-failed",
                dir = dir.display().to_string(),
                reason = crate::origin::describe_write_error(&e)
            );
            say_error(stderr, &message, None);
            ExitStatus::Error
        }
    }
}

/// `kader hook install`.
pub fn hook_install(stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let Some(hooks) = hooks_dir(&cwd) else {
        let message = tr!("hook-no-git", dir = cwd.display().to_string());
        say_error(stderr, &message, Some(&tr!("hook-no-git-help")));
        return ExitStatus::Error;
    };
    match install_hook(&hooks) {
        Ok((path, true)) => {
            let _ = writeln!(stdout, "{}", tr!("hook-written", path = path.display().to_string()));
            ExitStatus::Success
        }
        Ok((path, false)) => {
            let message = tr!("hook-exists", path = path.display().to_string());
            say_error(stderr, &message, Some(&tr!("hook-exists-help")));
            ExitStatus::Error
        }
        Err(e) => {
            say_error(
                stderr,
                &tr!("hook-failed", reason = crate::origin::describe_write_error(&e)),
                None,
            );
            ExitStatus::Error
        }
    }
}
