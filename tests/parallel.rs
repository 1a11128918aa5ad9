//! Files are checked in parallel; the output must not depend on the number of threads.

mod common;

use std::process::Command;

use common::TempDir;

fn run(args: &[&str]) -> (i32, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("KADER_TODAY", "2026-08-01")
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), out.stdout)
}

/// A plan of many files with findings of every kind, some across files (duplicate IDs,
/// dependencies), written from the bundled fixtures.
fn many_files(dir: &std::path::Path) {
    let plan = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/jaarplan-2026-2027");
    for (k, entry) in std::fs::read_dir(plan).unwrap().enumerate() {
        let entry = entry.unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for copy in 0..12 {
            // Copies 1.. rename their action IDs so most stay unique; copy 0 keeps them,
            // so the plan also has duplicates and cross-file dependencies.
            let text = if copy == 0 {
                text.clone()
            } else {
                text.replace("HA-0", &format!("H{copy}-0"))
                    .replace("IW-0", &format!("I{copy}-0"))
                    .replace("SZ-0", &format!("S{copy}-0"))
                    .replace("WK-0", &format!("W{copy}-0"))
            };
            std::fs::write(
                dir.join(format!("{copy:02}-{k}-{}", entry.file_name().to_string_lossy())),
                text,
            )
            .unwrap();
        }
    }
}

#[test]
fn jobs_1_and_the_default_give_identical_output() {
    let dir = TempDir::new("parallel");
    many_files(dir.path());
    let path = dir.path().to_str().unwrap();
    for format in ["human", "json", "sarif", "junit", "github"] {
        let one = run(&["check", "--jobs", "1", "--format", format, path]);
        assert!(!one.1.is_empty());
        for jobs in [None, Some("2"), Some("7")] {
            let mut args = vec!["check", "--format", format, path];
            if let Some(j) = jobs {
                args.splice(0..0, ["--jobs", j]);
            }
            let other = run(&args);
            assert_eq!(one.0, other.0, "{format} {jobs:?}: exit code");
            assert!(one.1 == other.1, "{format} with --jobs {jobs:?} differs from --jobs 1");
        }
    }
    let one = run(&["report", "--jobs", "1", path]);
    let all = run(&["report", path]);
    assert!(
        one.1 == all.1,
        "the HTML report differs between --jobs 1 and the default"
    );
    // And the plan-wide findings are there (duplicate IDs across files).
    let json: serde_json::Value = serde_json::from_slice(&run(&["check", "--format", "json", path]).1).unwrap();
    let rules = common::rule_ids(&json);
    assert!(rules.iter().any(|r| r == "actie-id-uniek"));
    assert_eq!(json["summary"]["files"], 48);
}
