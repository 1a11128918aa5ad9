//! Running the real `kader` binary in tests.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};

pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    /// stdout, stderr and the exit code in one text, for snapshots.
    pub fn transcript(&self) -> String {
        let trim = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
        format!(
            "exit: {}\n--- stdout\n{}\n--- stderr\n{}\n",
            self.code,
            trim(&self.stdout),
            trim(&self.stderr)
        )
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// The day a test runs kader on unless it says otherwise: the output (days to the
/// kaderbrief's deadline, expired waivers) must not change with the calendar.
pub const TODAY: &str = "2026-12-01";

/// Run `kader` with these arguments from the crate root, colour off.
pub fn kader(args: &[&str]) -> Run {
    kader_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

pub fn kader_in(dir: &Path, args: &[&str]) -> Run {
    run_kader(dir, None, args)
}

/// A fresh temporary directory under target/, removed when dropped.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The bundled rule file, changed by `edit`, written to `dir/regels.kader` beside copies of
/// the registers and the kaderbrief it names. Returns the rule file's text.
pub fn bundled_rules_in(dir: &Path, edit: impl FnOnce(String) -> String) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let rules = edit(std::fs::read_to_string(format!("{root}/rules/jaarplan-2026-2027.kader")).unwrap());
    std::fs::write(dir.join("regels.kader"), &rules).unwrap();
    for reg in [
        "beleidsplan-2026-2027.toml",
        "iza-midden-nederland.toml",
        "kaderbrief-2026-2027.toml",
    ] {
        std::fs::copy(format!("{root}/rules/{reg}"), dir.join(reg)).unwrap();
    }
    rules
}

/// Run `kader` in `dir` as on a given day (`KADER_TODAY`), colour off.
pub fn kader_on(dir: &Path, today: &str, args: &[&str]) -> Run {
    run_kader(dir, Some(today), args)
}

fn run_kader(dir: &Path, today: Option<&str>, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kader"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd.env("KADER_TODAY", today.unwrap_or(TODAY));
    let out = cmd.output().expect("run kader");
    Run {
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
        code: out.status.code().unwrap_or(-1),
    }
}

/// The rule ID of every diagnostic in a JSON report, in order.
pub fn rule_ids(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().expect("rule").to_owned())
        .collect()
}

/// Run `kader` in `dir`, killed after `seconds`: a hang guard for input that once made it
/// spin (it catches "never ends"; it is not a speed assertion). `None` when it was killed.
pub fn kader_within(dir: &Path, seconds: u64, args: &[&str]) -> Option<Run> {
    kader_within_measured(dir, seconds, args).map(|(run, _)| run)
}

/// [`kader_within`], with the peak resident memory (KiB) seen while it ran (`VmHWM` of
/// /proc/PID/status, read every 20 ms; 0 when it ended before the first look).
pub fn kader_within_measured(dir: &Path, seconds: u64, args: &[&str]) -> Option<(Run, u64)> {
    kader_within_env(dir, seconds, &[], args)
}

/// [`kader_within_measured`] with extra environment variables (`TZ`, `KADER_TODAY`).
pub fn kader_within_env(dir: &Path, seconds: u64, env: &[(&str, &str)], args: &[&str]) -> Option<(Run, u64)> {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(args)
        .env("KADER_TODAY", TODAY)
        .envs(env.iter().copied())
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kader");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait for kader") {
            break Some(status);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let (stdout, stderr) = (out.join().unwrap_or_default(), err.join().unwrap_or_default());
    status.map(|s| {
        let run = Run {
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            code: s.code().unwrap_or(-1),
        };
        (run, peak)
    })
}
