//! Reports for machines (SARIF, GitHub annotations, JUnit) and the rule catalogue.

mod common;

use common::kader;
use std::process::Command;

use kader::lang::load;
use kader::origin::Bundled;
use kader::source::Sources;

const PLAN: &str = "fixtures/jaarplan-2026-2027";

/// The working directory is part of the SARIF (`originalUriBaseIds`); keep snapshots stable.
fn without_cwd(s: &str) -> String {
    let cwd = std::env::current_dir().unwrap().to_string_lossy().into_owned();
    s.replace(&cwd, "[CWD]")
}

/// Every result has what GitHub code scanning requires of it (its upload fails with
/// "locationFromSarifResult: expected artifact location" otherwise): a physical location
/// with a repository-relative URI and a region. The official schema and Microsoft's SARIF
/// multitool are run on this output in .ci/sarif-test.sh; neither checks this rule.
fn assert_github_accepts(sarif: &serde_json::Value) {
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    for r in results {
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap_or_else(|| panic!("no artifact location: {r:#}"));
        assert!(
            !uri.starts_with('/') && !uri.contains(':') && !uri.contains(".."),
            "{uri}"
        );
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "SRCROOT", "{r:#}");
        assert!(loc["region"]["startLine"].as_u64().is_some_and(|l| l >= 1), "{r:#}");
    }
}

#[test]
fn sarif_is_what_github_code_scanning_accepts() {
    let run = kader(&["check", "--format", "sarif", PLAN]);
    assert_eq!(run.code, 1);
    let sarif = run.json();
    assert_github_accepts(&sarif);
    assert_eq!(sarif["runs"][0]["invocations"][0]["executionSuccessful"], true);

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
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("fixtures/jaarplan-2026-2027/"), "{uri}");
        if !r["properties"]["node"].is_null() {
            // A finding about the whole plan: line 1 of its first draft, and its node.
            assert_eq!(uri, "fixtures/jaarplan-2026-2027/team-inwoner.md");
            assert_eq!(r["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
            assert_eq!(
                r["locations"][0]["logicalLocations"][0]["name"],
                r["properties"]["node"]
            );
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
            // Findings about a line of the draft (not about the whole plan).
            .filter(|r| r["properties"]["node"].is_null())
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
        run.stdout.contains(
            "::warning file=fixtures/jaarplan-2026-2027/team-inwoner.md,line=1,title=kader beleid-dekking::Thema SZ.ARB"
        ),
        "plan-level findings are placed at line 1 of the first draft"
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

fn git(dir: &std::path::Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A plan repository: kader.toml naming `jaarplan/`, two drafts of the example plan, and a
/// draft that is not UTF-8.
fn plan_repository(name: &str) -> common::TempDir {
    let dir = common::TempDir::new(name);
    git(dir.path(), &["init", "-q"]);
    std::fs::create_dir_all(dir.path().join("jaarplan")).unwrap();
    std::fs::create_dir_all(dir.path().join("docs/notities")).unwrap();
    std::fs::write(dir.path().join("kader.toml"), "paden = [\"jaarplan\"]\n").unwrap();
    for f in ["team-wijk.md", "team-spoedzorg.md"] {
        std::fs::copy(format!("{PLAN}/{f}"), dir.path().join("jaarplan").join(f)).unwrap();
    }
    std::fs::write(dir.path().join("jaarplan/team-oud.md"), b"# Plan\n\nCaf\xe9\n").unwrap();
    dir
}

#[test]
fn sarif_and_annotations_name_files_from_the_repository_root_wherever_kader_runs() {
    let repo = plan_repository("sarif-root");
    let from_root = common::kader_in(repo.path(), &["check", "--format", "sarif"]);
    let from_below = common::kader_in(&repo.path().join("docs/notities"), &["check", "--format", "sarif"]);
    assert_eq!(from_root.code, 2, "a draft is not UTF-8: {}", from_root.stderr);
    let differ = from_root
        .stdout
        .lines()
        .zip(from_below.stdout.lines())
        .find(|(a, b)| a != b);
    assert_eq!(differ, None, "the same SARIF from any folder of the repository");
    assert_eq!(from_root.stdout.len(), from_below.stdout.len());
    let sarif = from_root.json();
    assert_github_accepts(&sarif);
    let run0 = &sarif["runs"][0];
    let root = std::fs::canonicalize(repo.path()).unwrap();
    assert_eq!(
        run0["originalUriBaseIds"]["SRCROOT"]["uri"],
        format!("file://{}/", root.display())
    );
    let uris: Vec<&str> = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.contains(&"jaarplan/team-wijk.md"), "{uris:?}");
    // Plan-wide findings are placed at kader.toml, which this plan has.
    assert!(uris.contains(&"kader.toml"), "{uris:?}");
    // The draft kader could not read is a notification, and the run did not succeed.
    let invocation = &run0["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(note["descriptor"]["id"], "geen-utf8");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "jaarplan/team-oud.md"
    );
    assert_eq!(note["locations"][0]["physicalLocation"]["region"]["startLine"], 3);

    let github = common::kader_in(&repo.path().join("docs/notities"), &["check", "--format", "github"]);
    assert_eq!(github.code, 2);
    assert!(
        github.stdout.contains("::error file=jaarplan/team-wijk.md,line="),
        "{}",
        github.stdout
    );
    assert!(
        github
            .stdout
            .contains("::warning file=kader.toml,line=1,title=kader beleid-dekking::"),
        "{}",
        github.stdout
    );
    assert!(
        github
            .stdout
            .contains("::error file=jaarplan/team-oud.md,line=3,col=4,title=kader geen-utf8::"),
        "{}",
        github.stdout
    );
}

#[test]
fn problems_with_the_input_are_in_every_format() {
    let repo = plan_repository("problems-everywhere");
    let json = common::kader_in(repo.path(), &["check", "--format", "json"]);
    assert_eq!(json.code, 2);
    let v = json.json();
    assert_eq!(v["summary"]["problems"], 1);
    assert_eq!(v["problems"][0]["file"], "jaarplan/team-oud.md");
    assert_eq!(v["problems"][0]["kind"], "geen-utf8");
    assert_eq!(v["problems"][0]["severity"], "error");
    assert_eq!(v["problems"][0]["line"], 3);
    assert!(v["problems"][0]["message"].as_str().unwrap().contains("UTF-8"));
    // Machines' stdout is the format alone; people still read the problem on stderr.
    assert!(
        json.stderr.contains("jaarplan/team-oud.md:3:4: is geen UTF-8"),
        "{}",
        json.stderr
    );

    let junit = common::kader_in(repo.path(), &["check", "--format", "junit"]);
    assert_eq!(junit.code, 2);
    let doc = roxmltree::Document::parse(&junit.stdout).expect("JUnit is XML");
    let error = doc.descendants().find(|n| n.has_tag_name("error")).expect("an <error>");
    assert_eq!(error.attribute("type"), Some("geen-utf8"));
    assert_eq!(doc.root_element().attribute("errors"), Some("1"));

    let human = common::kader_in(repo.path(), &["check"]);
    assert_eq!(human.code, 2);
    // The summary line (the kaderbrief's deadline follows it).
    let summary = human
        .stdout
        .lines()
        .find(|l| l.split_whitespace().nth(1).is_some_and(|w| w.starts_with("bestand")))
        .unwrap();
    assert!(summary.ends_with(", 1 probleem"), "{summary}");
    assert!(
        human.stdout.contains("fout: jaarplan/team-oud.md:3:4: is geen UTF-8"),
        "{}",
        human.stdout
    );
}

#[test]
fn paths_from_kader_toml_are_shown_as_if_typed_in_the_working_folder() {
    let repo = plan_repository("paths-as-typed");
    let root = std::fs::canonicalize(repo.path())
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let below = repo.path().join("docs/notities");
    for (dir, prefix) in [(repo.path().to_path_buf(), "jaarplan/"), (below, "../../jaarplan/")] {
        let json = common::kader_in(&dir, &["check", "--format", "json"]).json();
        let files: Vec<&str> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["file"].as_str())
            .collect();
        assert!(!files.is_empty());
        assert!(files.iter().all(|f| f.starts_with(prefix)), "{files:?}");
        for format in ["human", "json", "junit"] {
            let run = common::kader_in(&dir, &["check", "--format", format]);
            assert!(
                !run.stdout.contains(&root),
                "{format}: an absolute path in\n{}",
                run.stdout
            );
            assert!(
                !run.stderr.contains(&root),
                "{format}: an absolute path in\n{}",
                run.stderr
            );
        }
        let report = common::kader_in(&dir, &["report"]);
        assert!(!report.stdout.contains(&root), "an absolute path in the HTML report");
    }
}
