//! Rule files: each invalid one is reported at its span with exit 2 and no draft checked;
//! each valid one loads and checks.

mod common;

use common::kader;

#[test]
fn invalid_rule_files_stop_the_run_at_their_span() {
    insta::glob!("../fixtures/rule-files/invalid", "*.kader", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let rel = format!("fixtures/rule-files/invalid/{name}");
        let run = kader(&["check", "--rules", &rel, "fixtures/jaarplan-2026-2027"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stdout.is_empty(),
            "{name}: no draft is checked with a broken rule set"
        );
        assert!(
            run.stderr.contains("╭─["),
            "{name}: the error points at a span:\n{}",
            run.stderr
        );
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(run.transcript());
        });
    });
}

#[test]
fn a_basic_rule_file_loads_and_checks() {
    let run = kader(&[
        "check",
        "--rules",
        "fixtures/rule-files/valid/basis.kader",
        "rules/tests/actie-eigenaar.md",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("Actie HA-11 heeft geen eigenaar"), "{}", run.stdout);
}

#[test]
fn a_later_file_changes_severity_and_switches_rules_off() {
    let files = ["rules/tests/actie-iep.md", "rules/tests/placeholder.md"];
    let bundled = kader(&["check", "--format", "json", files[0], files[1]]);
    let found = |run: &common::Run| -> Vec<(String, String)> {
        run.json()["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_owned(),
                    d["severity"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let before = found(&bundled);
    assert!(before.iter().any(|(r, _)| r == "placeholder"), "{before:?}");
    assert!(
        before.contains(&("actie-iep".to_owned(), "error".to_owned())),
        "{before:?}"
    );
    assert_eq!(bundled.code, 1);

    let run = kader(&[
        "check",
        "--format",
        "json",
        "--rules",
        "fixtures/rule-files/valid/override.kader",
        files[0],
        files[1],
    ]);
    let after = found(&run);
    assert!(
        !after.iter().any(|(r, _)| r == "placeholder"),
        "switched off: {after:?}"
    );
    let iep: Vec<&(String, String)> = after.iter().filter(|(r, _)| r == "actie-iep").collect();
    assert_eq!(iep.len(), 3, "{after:?}");
    assert!(
        iep.iter().all(|(_, s)| s == "warning"),
        "actie-iep is only a warning now: {after:?}"
    );
}

#[test]
fn english_keywords_are_accepted() {
    let run = kader(&[
        "check",
        "--format",
        "json",
        "--rules",
        "fixtures/rule-files/valid/english.kader",
        "rules/tests/beleidslijn-niveau.md",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let diags = run.json()["diagnostics"].as_array().unwrap().clone();
    assert_eq!(diags.len(), 2, "the two links to a whole line");
    assert!(diags.iter().all(|d| d["rule"] == "line-exists"));
}
