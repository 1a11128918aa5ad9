//! Reports for machines (SARIF, GitHub annotations, JUnit) and the rule catalogue.

mod common;

use common::kader;
use kader::lang::load;
use kader::origin::Bundled;
use kader::source::Sources;

const PLAN: &str = "fixtures/jaarplan-2026-2027";

/// The working directory is part of the SARIF (`originalUriBaseIds`); keep snapshots stable.
fn without_cwd(s: &str) -> String {
    let cwd = std::env::current_dir().unwrap().to_string_lossy().into_owned();
    s.replace(&cwd, "[CWD]")
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/sarif-schema-2.1.0.json");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(schema_path).expect("the SARIF schema in ../shared/data (beside the repository)"),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let run = kader(&["check", "--format", "sarif", PLAN]);
    assert_eq!(run.code, 1);
    let sarif = run.json();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run0 = &sarif["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 22);
    let results = run0["results"].as_array().unwrap();
    let check = kader(&["check", "--format", "json", PLAN]).json();
    assert_eq!(
        results.len(),
        check["diagnostics"].as_array().unwrap().len(),
        "every finding is a result"
    );
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], id);
        assert!(r["level"].is_string());
        assert!(
            r["partialFingerprints"]["kaderFinding/v1"]
                .as_str()
                .is_some_and(|f| f.len() == 16)
        );
        if let Some(loc) = r["locations"][0]["physicalLocation"].as_object() {
            let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
            assert!(uri.starts_with("fixtures/jaarplan-2026-2027/"), "{uri}");
        }
    }
    let waived: Vec<_> = results.iter().filter(|r| r["suppressions"].is_array()).collect();
    assert_eq!(waived.len(), 1);
    assert_eq!(waived[0]["suppressions"][0]["kind"], "inSource");
    assert!(
        waived[0]["suppressions"][0]["justification"]
            .as_str()
            .unwrap()
            .contains("Duurzaamheid")
    );
    insta::assert_snapshot!(without_cwd(&run.stdout));
}

#[test]
fn sarif_fingerprints_survive_lines_inserted_above() {
    let dir = common::TempDir::new("fingerprint");
    let src = std::fs::read_to_string(format!("{PLAN}/team-wijk.md")).unwrap();
    std::fs::write(dir.path().join("team-wijk.md"), &src).unwrap();
    let before = common::kader_in(dir.path(), &["check", "--format", "sarif", "team-wijk.md"]).json();
    std::fs::write(
        dir.path().join("team-wijk.md"),
        src.replacen(
            "# Jaarplan",
            "Een nieuwe inleiding.\n\nNog een alinea.\n\n# Jaarplan",
            1,
        ),
    )
    .unwrap();
    let after = common::kader_in(dir.path(), &["check", "--format", "sarif", "team-wijk.md"]).json();
    let prints = |v: &serde_json::Value| -> Vec<(String, String, u64)> {
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["locations"][0]["physicalLocation"].is_object())
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_owned(),
                    r["partialFingerprints"]["kaderFinding/v1"].as_str().unwrap().to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let (a, b) = (prints(&before), prints(&after));
    assert!(!a.is_empty());
    for ((ra, fa, la), (rb, fb, lb)) in a.iter().zip(&b) {
        assert_eq!((ra, fa), (rb, fb), "same finding, same fingerprint");
        assert_eq!(*lb, la + 4, "the finding moved down four lines");
    }
}

#[test]
fn github_annotations() {
    let run = kader(&["check", "--format", "github", PLAN]);
    assert_eq!(run.code, 1);
    for line in run.stdout.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice "),
            "{line}"
        );
        assert!(!line.contains('\r'));
    }
    assert!(
        run.stdout
            .contains("::warning title=kader beleid-dekking::Thema SZ.ARB"),
        "plan-level findings have no file"
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn junit_is_the_plan_as_a_test_run() {
    let run = kader(&["check", "--format", "junit", PLAN]);
    assert_eq!(run.code, 1);
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
    assert_eq!(suites.len(), 5, "four drafts and the plan");
    let cases = |s: &roxmltree::Node| s.children().filter(|n| n.has_tag_name("testcase")).count();
    assert_eq!(
        suites[..4].iter().map(cases).sum::<usize>(),
        12,
        "one testcase per action"
    );
    let failures: usize = doc.descendants().filter(|n| n.has_tag_name("failure")).count();
    let check = kader(&["check", "--format", "json", PLAN]).json();
    assert_eq!(
        failures as u64,
        check["summary"]["errors"].as_u64().unwrap(),
        "errors are failures"
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn junit_strips_what_xml_forbids() {
    let dir = common::TempDir::new("junit-control");
    std::fs::write(
        dir.path().join("a.md"),
        "### Actie HA-01: Titel met \u{1b}[31m escape & <tags>\n",
    )
    .unwrap();
    let run = common::kader_in(dir.path(), &["check", "--format", "junit", "a.md"]);
    roxmltree::Document::parse(&run.stdout).expect("well-formed XML despite the control character");
    assert!(run.stdout.contains("escape &amp; &lt;tags&gt;"));
}

#[test]
fn the_rule_catalogue() {
    let nl = kader(&["rules"]);
    assert_eq!(nl.code, 0);
    let en = kader(&["rules", "--lang", "en"]);
    let line = en.stdout.lines().find(|l| l.starts_with("actie-eigenaar ")).unwrap();
    assert!(
        line.contains(" error ") && line.contains("Every action has an owner"),
        "{line}"
    );
    insta::assert_snapshot!("rules_nl", nl.stdout);
    insta::assert_snapshot!("rules_en", en.stdout);
}

#[test]
fn explain_works_for_every_bundled_rule() {
    let mut sources = Sources::default();
    let (set, _) = load(kader::embedded::ENTRY, &Bundled, &mut sources);
    let set = set.unwrap();
    for rule in &set.rules {
        let run = kader(&["explain", &rule.id]);
        assert_eq!(run.code, 0, "{}: {}", rule.id, run.stderr);
        assert!(
            run.stdout.contains(&format!("[{}]", rule.id)),
            "{}: the failing example shows a finding",
            rule.id
        );
        assert!(
            run.stdout.contains(&format!("<!-- kader: negeer {} ", rule.id)),
            "{}: how to waive it",
            rule.id
        );
        let en = kader(&["explain", "--lang", "en", &rule.id]);
        assert!(en.stdout.contains("A draft that breaks the rule"), "{}", rule.id);
        assert!(
            rule.english.title.is_some() && rule.english.description.is_some(),
            "{}: English texts",
            rule.id
        );
    }
    insta::assert_snapshot!("explain_actie_iep_nl", kader(&["explain", "actie-iep"]).stdout);
    insta::assert_snapshot!(
        "explain_actie_iep_en",
        kader(&["explain", "--lang", "en", "actie-iep"]).stdout
    );
}

#[test]
fn explaining_an_unknown_rule() {
    let run = kader(&["explain", "actie-eigenar"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bedoelde je `actie-eigenaar`?"), "{}", run.stderr);
}
