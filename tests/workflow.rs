//! The staff workflow: kader.toml, `kader init`, `kader hook install`, the deadline,
//! completions and the man page.

mod common;

use std::path::Path;
use std::process::Command;

use common::{TempDir, kader_in};

#[test]
fn init_then_check_reports_the_template_as_valid() {
    let dir = TempDir::new("init");
    let run = kader_in(dir.path(), &["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for f in [
        "kader.toml",
        "regels/jaarplan-2026-2027.kader",
        "regels/beleidsplan-2026-2027.toml",
        "jaarplan/team-voorbeeld.md",
        ".pre-commit-config.yaml",
    ] {
        assert!(dir.path().join(f).is_file(), "{f}");
    }
    let check = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(["check", "--format", "json"])
        .current_dir(dir.path())
        .env("KADER_TODAY", "2026-09-01")
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 1, "kader.toml names the jaarplan directory");
    assert_eq!(json["summary"]["errors"], 0);
    let rules = common::rule_ids(&json);
    assert!(
        rules
            .iter()
            .all(|r| *r == "beleid-dekking" || *r == "kaderbrief-prioriteit"),
        "one example action covers one theme only: {rules:?}"
    );

    // A second init overwrites nothing.
    std::fs::write(dir.path().join("kader.toml"), "paden = [\"jaarplan\"]\n").unwrap();
    let again = kader_in(dir.path(), &["init"]);
    assert!(
        again.stdout.contains("bestaat al, niet overschreven: ./kader.toml"),
        "{}",
        again.stdout
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("kader.toml")).unwrap(),
        "paden = [\"jaarplan\"]\n"
    );
}

#[test]
fn the_deadline_in_the_summary() {
    let dir = TempDir::new("deadline");
    // Set up in June, before the deadline: kader.toml gets the kaderbrief's date.
    common::kader_on(dir.path(), "2026-06-01", &["init"]);
    let at = |today: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_kader"))
            .arg("check")
            .current_dir(dir.path())
            .env("KADER_TODAY", today)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .to_owned()
    };
    assert_eq!(at("2026-09-01"), "nog 14 dagen tot de inleverdatum (15 september 2026)");
    assert_eq!(at("2026-09-15"), "vandaag is de inleverdatum (15 september 2026)");
    assert_eq!(
        at("2026-11-23"),
        "de inleverdatum (15 september 2026) is 69 dagen voorbij"
    );
}

#[test]
fn a_bad_key_is_reported_at_its_span() {
    let dir = TempDir::new("badkey");
    std::fs::write(
        dir.path().join("kader.toml"),
        "paden = [\".\"]\nwaarschuwingen-zijn-foutn = true\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    // Found by walking up from a subdirectory, like .git.
    let run = kader_in(&dir.path().join("sub"), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "nothing is checked");
    assert!(
        run.stderr
            .contains("onbekende instelling `waarschuwingen-zijn-foutn` in kader.toml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kader.toml:2:1"), "{}", run.stderr);
    assert!(
        run.stderr.contains("bedoelde je `waarschuwingen-zijn-fouten`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_values_and_unknown_rules_are_reported_at_their_span() {
    let dir = TempDir::new("badvalues");
    for (toml, expect, place) in [
        ("taal = \"fr\"\n", "onbekende taal `fr`", ":1:8"),
        ("inleverdatum = \"morgen\"\n", "geen geldige configuratie", ":1:16"),
        ("negeer = [\"[\"]\n", "is geen geldig patroon", ":1:11"),
        (
            "[ernst]\nactie-eigenar = \"uit\"\n",
            "er is geen regel `actie-eigenar`",
            ":2:1",
        ),
        (
            "[ernst]\nactie-iep = \"streng\"\n",
            "onbekende ernst voor `actie-iep`",
            ":2:1",
        ),
    ] {
        std::fs::write(dir.path().join("kader.toml"), toml).unwrap();
        let run = kader_in(dir.path(), &["check"]);
        assert_eq!(run.code, 2, "{toml}");
        assert!(
            run.stderr.contains(expect) && run.stderr.contains(place),
            "{toml}: {}",
            run.stderr
        );
    }
}

#[test]
fn settings_apply() {
    let dir = TempDir::new("settings");
    let plan = dir.path().join("plan");
    std::fs::create_dir_all(plan.join("archief")).unwrap();
    let draft = "### Actie HA-01: Zonder velden\n";
    std::fs::write(plan.join("a.md"), draft).unwrap();
    std::fs::write(plan.join("archief/oud.md"), draft.replace("HA-01", "OUD-01")).unwrap();
    std::fs::write(
        dir.path().join("kader.toml"),
        "paden = [\"plan\"]\nnegeer = [\"plan/archief/**\"]\n[ernst]\nactie-iep = \"uit\"\nactie-eigenaar = \"waarschuwing\"\nbeleid-dekking = \"uit\"\n",
    )
    .unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json"]);
    let json = run.json();
    assert_eq!(json["summary"]["files"], 1, "the archive is left out");
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(diags.iter().all(|d| d["rule"] != "actie-iep"), "switched off");
    let owner = diags.iter().find(|d| d["rule"] == "actie-eigenaar").unwrap();
    assert_eq!(owner["severity"], "warning");
    // waarschuwingen-zijn-fouten turns warnings into a failing exit code.
    let only_warnings = "paden = [\"plan\"]\nnegeer = [\"plan/archief/**\"]\nwaarschuwingen-zijn-fouten = WAARDE\n[ernst]\nactie-iep = \"uit\"\nactie-eigenaar = \"waarschuwing\"\nbeleid-dekking = \"uit\"\nactie-tijdpad = \"uit\"\nactie-beleidslijn = \"uit\"\nactie-inzet = \"uit\"\nactie-resultaat = \"uit\"\n";
    std::fs::write(dir.path().join("kader.toml"), only_warnings.replace("WAARDE", "false")).unwrap();
    assert_eq!(kader_in(dir.path(), &["check"]).code, 0);
    std::fs::write(dir.path().join("kader.toml"), only_warnings.replace("WAARDE", "true")).unwrap();
    assert_eq!(kader_in(dir.path(), &["check"]).code, 1);
    // --config names another file; the command line's paths win over the file's.
    std::fs::write(dir.path().join("ander.toml"), "[ernst]\nbeleid-dekking = \"uit\"\n").unwrap();
    let run = kader_in(
        dir.path(),
        &["check", "--config", "ander.toml", "--format", "json", "plan/archief"],
    );
    assert_eq!(run.json()["summary"]["files"], 1);
}

#[test]
fn hook_install_writes_an_executable_hook_once() {
    // Outside this repository: kader looks for .git upwards from the working directory.
    let dir = std::env::temp_dir().join(format!("kader-hook-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir = TempDir(dir);
    assert!(
        kader::commands::init::git_dir(dir.path()).is_none(),
        "the test needs a directory outside any git repository"
    );
    assert_eq!(
        kader_in(dir.path(), &["hook", "install"]).code,
        2,
        "not a git repository"
    );
    let init = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(init.success());
    let run = kader_in(dir.path(), &["hook", "install"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hook = dir.path().join(".git/hooks/pre-commit");
    assert!(
        std::fs::read_to_string(&hook)
            .unwrap()
            .contains("exec kader check --staged")
    );
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&hook).unwrap().permissions());
    assert_eq!(mode & 0o111, 0o111, "executable");
    let again = kader_in(dir.path(), &["hook", "install"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("bestaat al"), "{}", again.stderr);
}

#[test]
fn completions_and_man_page_come_from_the_cli() {
    let dir = TempDir::new("completions");
    for shell in ["bash", "zsh", "fish"] {
        let run = kader_in(dir.path(), &["completions", shell]);
        assert_eq!(run.code, 0);
        assert!(
            run.stdout.contains("coverage") && run.stdout.contains("explain"),
            "{shell}"
        );
    }
    let man = kader_in(dir.path(), &["manpage"]);
    assert!(
        man.stdout.starts_with(".ie") && man.stdout.contains(".TH kader 1"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
}

#[test]
fn watch_checks_again_when_a_draft_changes() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = TempDir::new("watch");
    let draft = dir.path().join("team.md");
    std::fs::write(&draft, "### Actie HA-01: Zonder velden\n").unwrap();
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rule-files/valid/per-regel.kader");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(["check", "--watch", "--rules", rules, "team.md"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains(" actie: ") || line.contains(" acties: ") {
                let _ = tx.send(line);
            }
        }
    });
    let first = rx.recv_timeout(Duration::from_secs(30));
    // Half-written first, then the full draft: kader checks what is there each time.
    std::fs::write(&draft, "### Actie HA-01: Met eigenaar\n\n- **Eigen").unwrap();
    std::thread::sleep(Duration::from_millis(100));
    std::fs::write(&draft, "### Actie HA-01: Met eigenaar\n\n- **Eigenaar:** Team HRM\n").unwrap();
    let mut later = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(10)) {
        later.push(line);
        if later.last().is_some_and(|l| l.contains("5 fouten")) {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(first.as_deref(), Ok("1 bestand, 1 actie: 6 fouten"), "the first report");
    assert!(
        later.iter().any(|l| l == "1 bestand, 1 actie: 5 fouten"),
        "a report after the change: {later:?}"
    );
}

/// Run `kader check --watch ARGS` in `dir`; the receiver gets each line of its stdout.
fn watch(dir: &Path, args: &[&str]) -> (std::process::Child, std::sync::mpsc::Receiver<String>) {
    use std::io::{BufRead, BufReader};
    let mut all = vec!["check", "--watch"];
    all.extend_from_slice(args);
    let mut child = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(&all)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (child, rx)
}

/// How many checks the watch started within `seconds` (each ends with the watching line).
fn checks_within(rx: &std::sync::mpsc::Receiver<String>, seconds: u64) -> usize {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let mut checks = 0;
    while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if line.contains("kader kijkt mee") => checks += 1,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    checks
}

/// Wait up to `seconds` for the first check to end; whether it did.
fn checks_within_until_one(rx: &std::sync::mpsc::Receiver<String>, seconds: u64) -> bool {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if line.contains("kader kijkt mee") => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

#[test]
fn watch_checks_again_only_when_content_changes() {
    let dir = TempDir::new("watch-idle");
    std::fs::write(dir.path().join("kader.toml"), "paden = [\"jaarplan\"]\n").unwrap();
    std::fs::create_dir(dir.path().join("jaarplan")).unwrap();
    let draft = dir.path().join("jaarplan/team.md");
    std::fs::write(&draft, "### Actie HA-01: Zonder velden\n").unwrap();
    // The report goes into the watched folder: writing it must not start a check.
    let (mut child, rx) = watch(dir.path(), &["-o", "rapport.txt"]);
    // The first check (started at once; building the plan may take a moment).
    let first = checks_within_until_one(&rx, 30);
    let idle = checks_within(&rx, 4);
    // Touching a draft without changing it, and reading it, are no change either.
    let text = std::fs::read_to_string(&draft).unwrap();
    std::fs::write(&draft, &text).unwrap();
    let same = checks_within(&rx, 3);
    std::fs::write(&draft, "### Actie HA-01: Met eigenaar\n\n- **Eigenaar:** Team HRM\n").unwrap();
    let changed = checks_within(&rx, 6);
    let _ = child.kill();
    let _ = child.wait();
    assert!(first, "the first check");
    assert_eq!(idle, 0, "checks while nothing changed");
    assert_eq!(same, 0, "checks after writing the same content");
    assert_eq!(changed, 1, "one check after a real change");
    let report = std::fs::read_to_string(dir.path().join("rapport.txt")).unwrap();
    assert!(report.contains("Met eigenaar"), "{report}");
}

#[test]
fn init_writes_no_past_deadline_and_brings_back_no_example() {
    let dir = TempDir::new("init-later");
    let d = dir.path();
    let first = common::kader_on(d, "2026-12-01", &["init"]);
    assert_eq!(first.code, 0, "{}", first.transcript());
    let toml = std::fs::read_to_string(d.join("kader.toml")).unwrap();
    assert!(!toml.lines().any(|l| l.starts_with("inleverdatum")), "{toml}");
    assert!(toml.contains("# inleverdatum = JJJJ-MM-DD"), "{toml}");
    // No countdown to a day in the past.
    let check = common::kader_on(d, "2026-12-01", &["check"]);
    assert!(!check.stdout.contains("inleverdatum"), "{}", check.stdout);

    // The team replaces the example with its own draft; a second init does not bring the
    // example back into the plan.
    std::fs::remove_file(d.join("jaarplan/team-voorbeeld.md")).unwrap();
    std::fs::write(d.join("jaarplan/team-a.md"), "### Actie A-01: Iets\n").unwrap();
    let second = common::kader_on(d, "2026-12-01", &["init"]);
    assert_eq!(second.code, 0, "{}", second.transcript());
    assert!(!d.join("jaarplan/team-voorbeeld.md").exists(), "{}", second.stdout);
}
