//! Rule authors' tools: `kader test`, waivers that expire, waivers that suppress nothing.

mod common;

use common::{TempDir, kader, kader_in};

#[test]
fn the_bundled_rules_pass_their_own_tests() {
    // On disk: the voorbeeld blocks and every case in rules/tests/.
    let run = kader(&["test", "rules/jaarplan-2026-2027.kader"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let last = run.stdout.lines().last().unwrap();
    assert!(last.contains(" 0 mislukt"), "{last}");
    assert!(
        last.contains("elke regel heeft een voorbeeld dat slaagt en een dat faalt"),
        "{last}"
    );
    // Every rule has a case file, and more cases than rules exist in all.
    let cases: usize = last
        .split(": ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(cases >= 2 * 23 + 23, "{last}");

    // Bundled, without a path: the examples inside the rule file.
    let run = kader(&["test"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

#[test]
fn a_wrong_expectation_fails_at_its_place() {
    let run = kader(&["test", "fixtures/rule-tests/wrong/regels.kader"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn a_failing_example_without_a_marker_is_reported_in_the_rule_file() {
    let dir = TempDir::new("rule-test-marker");
    let rules = common::bundled_rules_in(dir.path(), |r| {
        r.replace(
            "    - **Eigenaar:** n.t.b. <!-- verwacht: actie-eigenaar -->",
            "    - **Eigenaar:** n.t.b.",
        )
    });
    let run = kader_in(dir.path(), &["test", "regels.kader"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let line = rules.lines().position(|l| l == "    - **Eigenaar:** n.t.b.").unwrap() + 1;
    // The unexpected finding points at the example's line inside the rule file.
    assert!(
        run.stdout.contains(&format!("regels.kader:{line}:21 ]")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("het foute voorbeeld van `actie-eigenaar` zegt niet waar")
    );
    assert!(
        run.stdout
            .contains("regel `actie-eigenaar` heeft geen voorbeeld dat faalt")
    );
}

const WITH_EXPIRING_WAIVER: &str = "\
### Actie HA-01: Intern project

- **Eigenaar:** Team ICT
- **Beleidslijn:** HA.ARB.1
- **Tijdpad:** 2026
- **Inzet:** 0,2 fte
- **Beoogd resultaat:** eind 2026 werken 40 praktijken met het nieuwe rooster

<!-- kader: negeer actie-iep \"Wordt in de zomer uitgewerkt\" tot 2026-09-01 -->
";

fn check_on(dir: &std::path::Path, today: &str) -> common::Run {
    common::kader_on(dir, today, &["check", "--format", "json", "plan.md"])
}

fn iep(json: &serde_json::Value) -> serde_json::Value {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "actie-iep")
        .cloned()
        .expect("an actie-iep finding")
}

#[test]
fn a_waiver_with_an_end_date_applies_until_that_day_and_then_the_finding_returns() {
    let dir = TempDir::new("waiver-expiry");
    std::fs::write(dir.path().join("plan.md"), WITH_EXPIRING_WAIVER).unwrap();

    let before = check_on(dir.path(), "2026-09-01").json();
    let d = iep(&before);
    assert_eq!(d["waived"]["reason"], "Wordt in de zomer uitgewerkt", "{d:#}");

    let after = check_on(dir.path(), "2026-09-02");
    assert_eq!(after.code, 1, "the finding counts again");
    let json = after.json();
    let d = iep(&json);
    assert!(d["waived"].is_null(), "{d:#}");
    let labels = d["labels"].as_array().unwrap();
    assert!(
        labels.iter().any(
            |l| l["message"] == "deze uitzondering liep af op 1 september 2026" && l["range"]["start"]["line"] == 9
        ),
        "{d:#}"
    );
    // People read why: the note says the waiver expired, with its reason.
    let human = common::kader_on(dir.path(), "2026-09-02", &["check", "plan.md"]).stdout;
    assert!(
        human.contains(
            "= noot: de uitzondering (\"Wordt in de zomer uitgewerkt\") gold tot 1 september 2026 en is verlopen"
        ),
        "{human}"
    );
    // An expired waiver that still matches its finding is not "unused".
    let rules = common::rule_ids(&json);
    assert!(!rules.iter().any(|r| r == "waiver-ongebruikt"), "{rules:?}");
}

#[test]
fn an_unreadable_end_date_is_reported_and_the_waiver_does_not_apply() {
    let dir = TempDir::new("waiver-bad-date");
    let text = WITH_EXPIRING_WAIVER.replace("tot 2026-09-01", "tot ooit");
    std::fs::write(dir.path().join("plan.md"), text).unwrap();
    let json = check_on(dir.path(), "2026-08-01").json();
    assert!(iep(&json)["waived"].is_null());
    let reden = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "waiver-reden")
        .cloned()
        .expect("waiver-reden reports the date");
    assert_eq!(
        reden["labels"][0]["message"], "`ooit` is geen tijdsaanduiding",
        "{reden:#}"
    );
}

#[test]
fn a_waiver_that_suppresses_nothing_is_a_warning() {
    let dir = TempDir::new("waiver-unused");
    let text = WITH_EXPIRING_WAIVER.replace(
        "- **Eigenaar:** Team ICT",
        "- **Eigenaar:** Team ICT\n- **IEP:** n.v.t. — een intern rooster, inwoners merken er niets van",
    );
    std::fs::write(dir.path().join("plan.md"), text).unwrap();
    let run = check_on(dir.path(), "2026-08-01");
    let json = run.json();
    let unused: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "waiver-ongebruikt")
        .collect();
    assert_eq!(unused.len(), 1, "{json:#}");
    assert_eq!(unused[0]["severity"], "warning");
    assert_eq!(
        unused[0]["message"],
        "De uitzondering voor actie-iep onderdrukt geen enkele bevinding"
    );
}
