//! `kader fix` on copies of the bundled plan and on drafts made for one fix each: the diff is
//! exactly the safe fixes, a second run changes nothing, nothing outside a fix's span moves,
//! a read-only draft stops the run before anything is written.

mod common;

use std::fs;
use std::path::Path;

use common::{TempDir, kader_in, kader_on};

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/jaarplan-2026-2027");

fn copy_plan(to: &Path) {
    for entry in fs::read_dir(PLAN).expect("the bundled plan") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).expect("text"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_diff_of_the_bundled_plan_is_exactly_its_safe_fixes() {
    let dir = TempDir::new("fix-diff");
    copy_plan(dir.path());
    let before = texts(dir.path());
    let run = kader_on(dir.path(), "2026-06-01", &["fix", "--diff", "."]);
    // Findings remain that need a person, so the exit status is 1; nothing was written.
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert_eq!(texts(dir.path()), before, "--diff writes nothing");
    insta::assert_snapshot!("fix_diff_bundled_plan", run.stdout);
}

#[test]
fn fixing_writes_the_diff_and_a_second_run_changes_nothing() {
    let dir = TempDir::new("fix-apply");
    copy_plan(dir.path());
    let diff = kader_on(dir.path(), "2026-06-01", &["fix", "--diff", "."]);
    let before = texts(dir.path());
    let run = kader_on(dir.path(), "2026-06-01", &["fix", "."]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout.contains("team-spoedzorg.md: 1 herstelling"),
        "{}",
        run.stdout
    );
    let after = texts(dir.path());
    // Every changed line is a `+` line of the diff, every removed one a `-` line.
    for ((name, old), (_, new)) in before.iter().zip(&after) {
        let removed: Vec<&str> = old.lines().filter(|l| !new.lines().any(|n| n == *l)).collect();
        let added: Vec<&str> = new.lines().filter(|l| !old.lines().any(|o| o == *l)).collect();
        for l in removed {
            assert!(
                diff.stdout.contains(&format!("\n-{l}\n")),
                "{name}: {l} removed outside the diff"
            );
        }
        for l in added {
            assert!(
                diff.stdout.contains(&format!("\n+{l}\n")),
                "{name}: {l} added outside the diff"
            );
        }
    }
    assert_ne!(before, after, "the plan has safe fixes");
    let again = kader_on(dir.path(), "2026-06-01", &["fix", "."]);
    assert_eq!(texts(dir.path()), after, "a second run changes nothing");
    assert!(again.stdout.contains("niets te herstellen"), "{}", again.stdout);
    let diff = kader_on(dir.path(), "2026-06-01", &["fix", "--diff", "."]);
    assert_eq!(diff.stdout, "", "nothing left to diff");
    // The findings a fix removed are gone from `kader check`.
    let check = kader_on(dir.path(), "2026-06-01", &["check", "--format", "json", "."]);
    let rules: Vec<String> = check.json()["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(
        !rules
            .iter()
            .any(|r| r == "beleidslijn-titel" || r == "actie-kop-scheiding"),
        "{rules:?}"
    );
}

#[test]
fn a_read_only_draft_stops_the_run_and_nothing_is_written() {
    let dir = TempDir::new("fix-readonly");
    copy_plan(dir.path());
    let ro = dir.path().join("team-spoedzorg.md");
    let mut perms = fs::metadata(&ro).expect("meta").permissions();
    perms.set_readonly(true);
    fs::set_permissions(&ro, perms.clone()).expect("chmod");
    let before = texts(dir.path());
    let run = kader_on(dir.path(), "2026-06-01", &["fix", "."]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("team-spoedzorg.md is alleen-lezen"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("kader fix heeft niets geschreven"),
        "{}",
        run.stderr
    );
    assert_eq!(
        texts(dir.path()),
        before,
        "no draft was written, the writable ones neither"
    );
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(&ro, perms).expect("chmod back");
}

/// One draft with one of each safe fix, and findings that need a person.
const DRAFT: &str = "\
# Team Test

### Actie TT-01 Bellen op zaterdag

- **Eigenaaar:** Team Spoedzorg
- **Beleidslijn:** HA.TOE.1 Telefonie
- **Afhankelijk van:** TT-2
- **Tijdpad:** Q1 2026 – Q4 2026
- **Inzet:** 0,2 fte triagist
- **Resultaat:** 50 inwoners per maand minder in de wachtrij
- **IEP:** Inwoners die op zaterdag bellen, krijgen sneller een triagist aan de lijn en weten eerder of ze moeten komen.

### Actie TT-02: Terugbellen

- **Eigenaar:** Team Spoedzorg
- **Beleidslijn:** HA.TOE.1
- **Tijdpad:** Q2 2026
- **Inzet:** 0,1 fte
- **Resultaat:** 80% binnen een uur teruggebeld
- **IEP:** n.v.t. — intern proces, geen direct effect op inwoners
";

#[test]
fn each_safe_fix_touches_only_its_span() {
    let dir = TempDir::new("fix-spans");
    fs::write(dir.path().join("team.md"), DRAFT).expect("write");
    let run = kader_in(dir.path(), &["fix", "team.md"]);
    let fixed = fs::read_to_string(dir.path().join("team.md")).expect("read");
    let expected = DRAFT
        .replace("TT-01 Bellen", "TT-01: Bellen")
        .replace("**Eigenaaar:**", "**Eigenaar:**")
        .replace(
            "HA.TOE.1 Telefonie\n",
            "HA.TOE.1 De voordeur: telefonie, website en triagering\n",
        )
        .replace("**Afhankelijk van:** TT-2", "**Afhankelijk van:** TT-02");
    assert_eq!(fixed, expected, "{}", run.transcript());
    assert_eq!(run.code, 0, "nothing left that fails: {}", run.transcript());
}

#[test]
fn a_crlf_draft_keeps_its_line_breaks() {
    let dir = TempDir::new("fix-crlf");
    let crlf = DRAFT.replace('\n', "\r\n");
    fs::write(dir.path().join("team.md"), &crlf).expect("write");
    kader_in(dir.path(), &["fix", "team.md"]);
    let fixed = fs::read_to_string(dir.path().join("team.md")).expect("read");
    assert_eq!(fixed.matches("\r\n").count(), crlf.matches("\r\n").count());
    assert!(fixed.contains("### Actie TT-01: Bellen op zaterdag\r\n"), "{fixed}");
}

#[test]
fn a_path_that_is_not_there_is_exit_2() {
    let dir = TempDir::new("fix-missing");
    let run = kader_in(dir.path(), &["fix", "geen-map"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
}

#[test]
fn only_the_drafts_named_are_fixed() {
    let dir = TempDir::new("fix-named");
    copy_plan(dir.path());
    let before = texts(dir.path());
    let run = kader_on(dir.path(), "2026-06-01", &["fix", "team-spoedzorg.md"]);
    let after = texts(dir.path());
    for ((name, old), (_, new)) in before.iter().zip(&after) {
        if name == "team-spoedzorg.md" {
            assert_ne!(old, new, "{}", run.transcript());
        } else {
            assert_eq!(old, new, "{name} was not named");
        }
    }
}
