//! `kader check --staged` and the hook of `kader hook install`, through real git: what is
//! checked is what the commit holds (git's index), never the working tree.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{TempDir, kader_in};

const GOOD: &str = include_str!("../fixtures/clean/voorbeeldacties.md");

/// The good draft with its first owner taken out: `actie-eigenaar`, an error.
fn faulty() -> String {
    GOOD.replacen("- **Eigenaar:** Team HRM (HR-adviseur arbeidsmarkt)\n", "", 1)
}

fn git_in(dir: &Path, args: &[&str]) -> Output {
    // The kader under test is the one on PATH for the hook.
    let bin = Path::new(env!("CARGO_BIN_EXE_kader")).parent().unwrap().to_path_buf();
    let path =
        std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())))
            .unwrap();
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .output()
        .expect("git runs")
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_in(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A plan repository with kader.toml, one good draft committed, and kader's hook installed.
fn repository(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    git(dir.path(), &["init", "-q"]);
    std::fs::create_dir_all(dir.path().join("jaarplan")).unwrap();
    std::fs::write(dir.path().join("kader.toml"), "paden = [\"jaarplan\"]\n").unwrap();
    std::fs::write(dir.path().join("jaarplan/team-a.md"), GOOD).unwrap();
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "begin"]);
    let run = kader_in(dir.path(), &["hook", "install"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir
}

fn write(dir: &Path, rel: &str, text: &str) {
    std::fs::write(dir.join(rel), text).unwrap();
}

fn committed(dir: &Path, message: &str) -> Output {
    git_in(dir, &["commit", "-q", "-m", message])
}

#[test]
fn a_staged_fault_fixed_only_on_disk_is_still_blocked() {
    let repo = repository("staged-fault");
    let dir = repo.path();
    write(dir, "jaarplan/team-a.md", &faulty());
    git(dir, &["add", "jaarplan/team-a.md"]);
    // Fixed on disk, but the fix is not staged: the commit would hold the fault.
    write(dir, "jaarplan/team-a.md", GOOD);
    let out = committed(dir, "zonder eigenaar");
    assert!(!out.status.success(), "the faulty staged draft was committed");
    // git gives a hook's output to stderr.
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("actie-eigenaar"), "{said}");
    // The working tree is untouched.
    assert_eq!(std::fs::read_to_string(dir.join("jaarplan/team-a.md")).unwrap(), GOOD);
    assert_eq!(git(dir, &["rev-list", "--count", "HEAD"]).trim(), "1");
}

#[test]
fn a_good_staged_draft_with_a_faulty_unsaved_edit_is_committed() {
    let repo = repository("staged-good");
    let dir = repo.path();
    let better = GOOD.replacen("Regionale flexpool", "Regionale flexpool (herzien)", 1);
    write(dir, "jaarplan/team-a.md", &better);
    git(dir, &["add", "jaarplan/team-a.md"]);
    // A half-done edit on disk, not staged: not part of this commit.
    write(dir, "jaarplan/team-a.md", &faulty());
    let out = committed(dir, "herzien");
    assert!(
        out.status.success(),
        "blocked: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(git(dir, &["show", "HEAD:jaarplan/team-a.md"]), better);
    assert_eq!(
        std::fs::read_to_string(dir.join("jaarplan/team-a.md")).unwrap(),
        faulty()
    );
}

#[test]
fn commit_all_checks_what_it_will_commit() {
    // `git commit -a` stages into a temporary index (GIT_INDEX_FILE) before the hook runs.
    let repo = repository("staged-all");
    let dir = repo.path();
    write(dir, "jaarplan/team-a.md", &faulty());
    let out = git_in(dir, &["commit", "-a", "-q", "-m", "alles"]);
    assert!(!out.status.success(), "commit -a of a faulty draft went through");
    write(dir, "jaarplan/team-a.md", GOOD);
    let out = git_in(dir, &["commit", "-a", "-q", "--allow-empty", "-m", "alles, goed"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn untracked_drafts_are_not_part_of_the_staged_plan() {
    let repo = repository("staged-untracked");
    let dir = repo.path();
    write(dir, "jaarplan/team-b.md", &faulty());
    let staged = kader_in(dir, &["check", "--staged", "--format", "json"]);
    assert_eq!(staged.code, 0, "{}", staged.stdout);
    assert_eq!(staged.json()["summary"]["files"], 1);
    // On disk it is part of the plan.
    let disk = kader_in(dir, &["check", "--format", "json"]);
    assert_eq!(disk.code, 1);
    assert_eq!(disk.json()["summary"]["files"], 2);
    // Named on the command line but never added: a problem that says how to add it.
    let named = kader_in(dir, &["check", "--staged", "jaarplan/team-b.md"]);
    assert_eq!(named.code, 2);
    assert!(
        named.stdout.contains("staat niet in de index van git"),
        "{}",
        named.stdout
    );
}

#[test]
fn settings_and_rules_come_from_the_index_too() {
    let repo = repository("staged-config");
    let dir = repo.path();
    write(dir, "jaarplan/team-a.md", &faulty());
    write(
        dir,
        "kader.toml",
        "paden = [\"jaarplan\"]\n\n[ernst]\nactie-eigenaar = \"uit\"\n",
    );
    git(dir, &["add", "-A"]);
    // On disk the rule is on again; staged it is off.
    write(dir, "kader.toml", "paden = [\"jaarplan\"]\n");
    let staged = kader_in(dir, &["check", "--staged", "--format", "json"]);
    assert_eq!(
        staged.code, 0,
        "the staged kader.toml switches the rule off: {}",
        staged.stdout
    );
    let disk = kader_in(dir, &["check", "--format", "json"]);
    assert_eq!(disk.code, 1);
    // A rule file named by the staged kader.toml is read from the index as well.
    std::fs::create_dir_all(dir.join("regels")).unwrap();
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rule-files/valid/per-regel.kader");
    std::fs::copy(rules, dir.join("regels/eigen.kader")).unwrap();
    write(
        dir,
        "kader.toml",
        "paden = [\"jaarplan\"]\nregels = \"regels/eigen.kader\"\n",
    );
    let not_added = kader_in(dir, &["check", "--staged"]);
    assert_eq!(
        not_added.code, 0,
        "the staged kader.toml names no rule file: {}",
        not_added.stderr
    );
    git(dir, &["add", "kader.toml"]);
    let missing = kader_in(dir, &["check", "--staged"]);
    assert_eq!(missing.code, 2, "the rule file is not in the index: {}", missing.stdout);
    assert!(missing.stderr.contains("regels/eigen.kader"), "{}", missing.stderr);
    assert!(
        missing.stderr.contains("staat niet in de index van git"),
        "{}",
        missing.stderr
    );
}

#[test]
fn the_hook_goes_where_git_looks_for_it() {
    let repo = repository("staged-worktree");
    let dir = repo.path();
    let hook = dir.join(".git/hooks/pre-commit");
    assert!(
        std::fs::read_to_string(&hook)
            .unwrap()
            .contains("exec kader check --staged")
    );
    // A worktree shares the repository's hooks: git says where they are.
    let tree: PathBuf = dir.join("ander-werk");
    git(dir, &["worktree", "add", "-q", tree.to_str().unwrap()]);
    let again = kader_in(&tree, &["hook", "install"]);
    assert_eq!(again.code, 2, "the shared hook exists already: {}", again.stderr);
    assert!(again.stderr.contains("bestaat al"), "{}", again.stderr);
    // A commit from the worktree runs the hook and checks the worktree's index.
    write(&tree, "jaarplan/team-a.md", &faulty());
    git(&tree, &["add", "-A"]);
    let out = committed(&tree, "fout in de worktree");
    assert!(!out.status.success(), "the worktree's commit was not checked");
}
