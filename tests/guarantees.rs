//! What kader promises: it never changes a draft, writes reports atomically and never over
//! a draft, and gives byte-identical output for the same input.

mod common;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{TempDir, kader, kader_in};

const PLAN: &str = "fixtures/jaarplan-2026-2027";

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let meta = std::fs::metadata(&p).unwrap();
            (p.clone(), std::fs::read(&p).unwrap(), meta.modified().unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn checking_the_bundled_plan_changes_no_draft() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN);
    let before = snapshot(&dir);
    assert_eq!(before.len(), 4);
    let out = TempDir::new("readonly");
    let report = out.path().join("rapport.json");
    let report = report.to_str().unwrap();
    for args in [
        vec!["check", PLAN],
        vec!["check", "--format", "json", PLAN],
        vec!["check", "--format", "json", "-o", report, PLAN],
        vec!["coverage", PLAN],
        vec!["coverage", "--format", "json", PLAN],
    ] {
        let run = kader(&args);
        assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
    }
    assert_eq!(snapshot(&dir), before, "bytes and modification times are unchanged");
}

#[test]
fn a_report_is_written_whole_and_never_over_a_draft() {
    let dir = TempDir::new("output");
    std::fs::write(dir.path().join("team.md"), "### Actie HA-01: Zonder velden\n").unwrap();
    std::fs::write(
        dir.path().join("regels.kader"),
        "gebruik \"".to_owned() + env!("CARGO_MANIFEST_DIR") + "/rules/jaarplan-2026-2027.kader\"\n",
    )
    .unwrap();

    let run = kader_in(
        dir.path(),
        &["check", "--format", "json", "-o", "rapport.json", "team.md"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty(), "the report went to the file");
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("rapport.json")).unwrap()).unwrap();
    assert_eq!(written["summary"]["actions"], 1);

    // Overwriting an existing report is fine, and leaves no temporary file behind.
    let run = kader_in(dir.path(), &["check", "-o", "rapport.json", "team.md"]);
    assert_eq!(run.code, 1);
    let text = std::fs::read_to_string(dir.path().join("rapport.json")).unwrap();
    assert!(
        text.contains("heeft geen eigenaar") && !text.contains('\u{1b}'),
        "human text without colour codes"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");

    let draft = std::fs::read(dir.path().join("team.md")).unwrap();
    for (target, why) in [
        ("team.md", "lijkt een concept"),
        ("ander.md", "lijkt een concept"),
        ("regels.kader", "een bestand dat kader leest"),
    ] {
        let run = kader_in(
            dir.path(),
            &["check", "--rules", "regels.kader", "-o", target, "team.md"],
        );
        assert_eq!(run.code, 2, "{target}");
        assert!(run.stderr.contains(why), "{target}: {}", run.stderr);
    }
    assert_eq!(std::fs::read(dir.path().join("team.md")).unwrap(), draft);
    assert!(!dir.path().join("ander.md").exists());
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    for args in [
        vec!["check", PLAN],
        vec!["check", "--format", "json", PLAN],
        vec!["coverage", PLAN],
        vec!["coverage", "--format", "json", PLAN],
    ] {
        let a = kader(&args);
        let b = kader(&args);
        assert_eq!((a.stdout, a.stderr, a.code), (b.stdout, b.stderr, b.code), "{args:?}");
    }
}

#[test]
fn the_order_of_files_and_arguments_does_not_matter() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN);
    let mut names: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let run_in = |order: &[String]| {
        let dir = TempDir::new("order");
        let plan = dir.path().join("plan");
        std::fs::create_dir(&plan).unwrap();
        // Files created in a different order come back from the directory in another order.
        for n in order {
            std::fs::copy(src.join(n), plan.join(n)).unwrap();
        }
        let walked = kader_in(dir.path(), &["check", "--format", "json", "plan"]);
        let mut args = vec!["check".to_owned(), "--format".into(), "json".into()];
        args.extend(order.iter().map(|n| format!("plan/{n}")));
        let named = kader_in(dir.path(), &args.iter().map(String::as_str).collect::<Vec<_>>());
        (walked.stdout, named.stdout)
    };
    let forward = run_in(&names);
    let backward = run_in(&names.iter().rev().cloned().collect::<Vec<_>>());
    assert_eq!(forward.0, backward.0, "directory listing order");
    assert_eq!(forward.1, backward.1, "argument order");
    assert_eq!(forward.0, forward.1, "a directory and its files named one by one");
}
