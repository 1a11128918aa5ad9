//! Every rule has a fixture `rules/tests/<rule>.md`: accepted actions under `## Goed`,
//! failing ones under `## Fout`. Its front matter says how many findings of the rule the
//! `Fout` part must give (`verwacht`) and which other rules may fire as well (`ook`).

mod common;

use common::kader;

#[derive(serde::Deserialize)]
struct Expect {
    regel: String,
    verwacht: usize,
    #[serde(default)]
    ook: Vec<String>,
    /// How many findings a valid waiver in the fixture suppresses.
    #[serde(default)]
    genegeerd: usize,
}

/// The bundled rules without the rules about the whole plan (coverage, the kaderbrief's
/// priorities and frames, a team for the frames), so one-draft fixtures are checked without
/// them; the fixture of each of these uses the bundled rules.
const PER_RULE: &str = "fixtures/rule-files/valid/per-regel.kader";

/// The rules `PER_RULE` switches off.
const PLAN_RULES: &[&str] = &[
    "beleid-dekking",
    "kaderbrief-prioriteit",
    "begroting-kader",
    "begroting-lijn",
    "begroting-team",
];

fn expectation(text: &str) -> Expect {
    let body = text.strip_prefix("+++\n").expect("fixture starts with front matter");
    let end = body.find("\n+++").expect("front matter ends");
    toml::from_str(&body[..end]).expect("front matter is TOML")
}

#[test]
fn every_rule_fixture_fails_only_where_it_should() {
    insta::glob!("../rules/tests", "*.md", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let expect = expectation(&text);
        let name = path.file_stem().unwrap().to_str().unwrap();
        assert_eq!(expect.regel, name, "fixture is named after its rule");
        let fout = text.find("\n## Fout").expect("fixture has a `## Fout` part");
        let rel = format!("rules/tests/{name}.md");
        if text.contains("\nsoort = \"voortgang\"") {
            progress_fixture(name, &text, &expect);
            return;
        }

        let rules = if PLAN_RULES.contains(&name) {
            "rules/jaarplan-2026-2027.kader"
        } else {
            PER_RULE
        };
        let args = |format: &'static str| -> Vec<String> {
            let mut a: Vec<String> = vec!["check".into(), "--format".into(), format.into(), rel.clone()];
            if rules == PER_RULE {
                a.extend(["--rules".to_owned(), PER_RULE.to_owned()]);
            }
            a
        };
        let json_args = args("json");
        let run = kader(&json_args.iter().map(String::as_str).collect::<Vec<_>>());
        let json = run.json();
        let all = json["diagnostics"].as_array().unwrap();
        let waived = all.iter().filter(|d| !d["waived"].is_null()).count();
        assert_eq!(waived, expect.genegeerd, "{name}: waived findings");
        let diags: Vec<&serde_json::Value> = all.iter().filter(|d| d["waived"].is_null()).collect();
        let mut own = 0;
        for d in &diags {
            let rule = d["rule"].as_str().unwrap();
            // Plan-level findings (coverage) have no place in a file.
            // A team's findings stand at `team` in the front matter.
            let front_matter = text[4..].find("\n+++").map_or(0, |e| e + 4);
            if !d["range"].is_null() {
                let offset = d["range"]["start"]["offset"].as_u64().unwrap() as usize;
                let at_team = offset < front_matter && PLAN_RULES.contains(&rule);
                assert!(
                    offset > fout || at_team,
                    "{name}: finding {rule} in the accepted part: {d}"
                );
            }
            assert!(
                rule == expect.regel || expect.ook.iter().any(|o| o == rule),
                "{name}: unexpected rule {rule}"
            );
            if rule == expect.regel {
                own += 1;
            }
        }
        assert_eq!(own, expect.verwacht, "{name}: number of {} findings", expect.regel);
        let has_error = diags.iter().any(|d| d["severity"] == "error");
        assert_eq!(run.code, i32::from(has_error), "{name}: exit code");

        let human_args = args("human");
        let human = kader(&human_args.iter().map(String::as_str).collect::<Vec<_>>());
        if expect.genegeerd > 0 {
            assert!(
                human.stdout.contains("Genegeerd met een reden"),
                "{name}: waived findings are listed apart"
            );
        }

        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(human.transcript());
        });
    });
}

/// A fixture of a progress rule holds the plan and, after it, progress reports (each from a
/// `+++` that opens a report's front matter): written as files of their own and held
/// against each other by `kader voortgang`. (`kader test` reads the same file as one case.)
fn progress_fixture(name: &str, text: &str, expect: &Expect) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("progress-fixture-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Markers are blanked as `kader test` does: they are comments, and one stands in TOML.
    let marker = regex::Regex::new(r"<!--\s*verwacht\s*:[^>]*-->").unwrap();
    let text = marker.replace_all(text, "");
    let starts: Vec<usize> = text
        .match_indices("\n+++\nsoort = \"voortgang\"")
        .map(|(i, _)| i + 1)
        .collect();
    std::fs::write(dir.join("plan.md"), &text[..starts[0]]).unwrap();
    let mut args = vec![
        "voortgang".to_owned(),
        "--format".into(),
        "json".into(),
        "plan.md".into(),
    ];
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let file = format!("rapport-{n}.md");
        std::fs::write(dir.join(&file), &text[start..end]).unwrap();
        args.push(file);
    }
    let run = common::kader_in(&dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let json = run.json();
    let diags = json["diagnostics"].as_array().unwrap();
    let mut own = 0;
    for d in diags.iter().filter(|d| d["waived"].is_null()) {
        let rule = d["rule"].as_str().unwrap();
        assert!(
            rule == expect.regel || expect.ook.iter().any(|o| o == rule),
            "{name}: unexpected rule {rule}: {d}"
        );
        own += usize::from(rule == expect.regel);
    }
    assert_eq!(
        own, expect.verwacht,
        "{name}: number of {} findings: {}",
        expect.regel, run.stdout
    );
    let has_error = diags.iter().any(|d| d["waived"].is_null() && d["severity"] == "error");
    assert_eq!(run.code, i32::from(has_error), "{name}: exit code");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_bundled_rule_has_a_fixture() {
    let rules =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/jaarplan-2026-2027.kader")).unwrap();
    let ids: Vec<&str> = rules
        .lines()
        .filter_map(|l| l.strip_prefix("regel "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(ids.len() >= 14, "{ids:?}");
    for id in ids {
        let path = format!("{}/rules/tests/{id}.md", env!("CARGO_MANIFEST_DIR"));
        assert!(std::path::Path::new(&path).exists(), "no fixture for rule {id}");
    }
}

#[test]
fn drafts_written_as_the_format_describes_have_no_findings() {
    for f in ["fixtures/clean/draft-format.md", "fixtures/clean/voorbeeldacties.md"] {
        let run = kader(&["check", "--format", "json", "--rules", PER_RULE, f]);
        assert_eq!(run.code, 0, "{f}: {}", run.stdout);
        assert_eq!(run.json()["diagnostics"].as_array().unwrap().len(), 0, "{f}");
        // With the bundled rules, a single draft only lacks coverage of the whole beleidsplan
        // (its themes, the kaderbrief's priorities).
        let run = kader(&["check", "--format", "json", f]);
        assert_eq!(run.code, 0, "{f}: {}", run.stdout);
        let json = run.json();
        let diags = json["diagnostics"].as_array().unwrap();
        assert!(
            diags.iter().all(
                |d| (d["rule"] == "beleid-dekking" || d["rule"] == "kaderbrief-prioriteit") && d["file"].is_null()
            ),
            "{f}"
        );
    }
    let run = kader(&["check", "--format", "json", "fixtures/clean/draft-format.md"]);
    assert_eq!(
        run.json()["summary"]["actions"],
        3,
        "section form with every field form, and a table row"
    );
}
