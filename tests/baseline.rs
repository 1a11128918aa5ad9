//! `kader baseline`: findings keyed by file, action and rule survive edits; fixed ones are
//! reported and can be pruned; new ones are always shown.

mod common;

use common::{TempDir, kader_in};

const DRAFT: &str = "\
### Actie HA-01: Flexpool

- **Eigenaar:** Team HR
- **Beleidslijn:** HA.ARB.1
- **Tijdpad:** 2026
- **Inzet:** 0,4 fte
- **Beoogd resultaat:** eind 2026 zijn 15 doktersassistenten via de flexpool inzetbaar
- **IEP:** kort

### Actie HA-02: Scholing

- **Eigenaar:** Team HR
- **Beleidslijn:** HA.ARB.1
- **Tijdpad:** 2026
- **Inzet:** 0,2 fte; € PM
- **Beoogd resultaat:** eind 2026 hebben 30 assistenten de scholing gevolgd
- **IEP:** Inwoners worden aan de telefoon sneller en beter geholpen doordat assistenten
  geschoold zijn in triage en in het doorverwijzen naar de juiste zorg.
";

fn rules_of(run: &common::Run) -> Vec<String> {
    run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["rule"].as_str().unwrap(),
                d["action"].as_str().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn a_baseline_survives_edits_reports_fixes_and_prunes() {
    let dir = TempDir::new("baseline");
    let d = dir.path();
    // Only the per-file rules: coverage of the beleidsplan is not the point here.
    let rules = format!(
        "{}/fixtures/rule-files/valid/per-regel.kader",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::write(d.join("team.md"), DRAFT).unwrap();

    let before = kader_in(d, &["check", "--format", "json", "--rules", &rules, "team.md"]);
    assert_eq!(before.code, 1);
    let found = rules_of(&before);
    assert!(found.contains(&"actie-iep HA-01".to_owned()), "{found:?}");
    assert!(found.contains(&"placeholder HA-02".to_owned()), "{found:?}");

    let written = kader_in(d, &["baseline", "--rules", &rules, "team.md"]);
    assert_eq!(written.code, 0, "{}", written.transcript());
    assert!(
        written
            .stdout
            .contains(&format!("kader-baseline.toml geschreven: {} bevindingen", found.len()))
    );
    let file = std::fs::read_to_string(d.join("kader-baseline.toml")).unwrap();
    assert!(
        file.contains("bestand = \"team.md\"\nactie = \"HA-01\"\nregel = \"actie-iep\""),
        "{file}"
    );
    assert!(!file.contains("regel = 8"), "no line numbers: {file}");

    // Lines inserted above both actions: every finding moves, none is new.
    let edited = format!("# Team HR\n\nInleiding van drie regels\nover het plan\nvan dit team.\n\n{DRAFT}");
    std::fs::write(d.join("team.md"), &edited).unwrap();
    let after = kader_in(d, &["check", "--rules", &rules, "team.md"]);
    assert_eq!(after.code, 0, "{}", after.transcript());
    assert!(!after.stdout.contains("[actie-iep]"), "{}", after.stdout);
    assert!(
        after.stdout.contains(&format!(
            "{} bevindingen staan al in de baseline en worden niet getoond",
            found.len()
        )),
        "{}",
        after.stdout
    );
    // --no-baseline shows everything again.
    let all = kader_in(
        d,
        &[
            "check",
            "--no-baseline",
            "--format",
            "json",
            "--rules",
            &rules,
            "team.md",
        ],
    );
    assert_eq!(rules_of(&all).len(), found.len());

    // Fix one finding and add a new one: the new one is shown, the fixed one is counted.
    let fixed = edited
        .replace("- **Inzet:** 0,2 fte; € PM", "- **Inzet:** 0,2 fte")
        .replace(
            "- **Eigenaar:** Team HR\n- **Beleidslijn:** HA.ARB.1\n- **Tijdpad:** 2026\n- **Inzet:** 0,4 fte",
            "- **Eigenaar:** TODO\n- **Beleidslijn:** HA.ARB.1\n- **Tijdpad:** 2026\n- **Inzet:** 0,4 fte",
        );
    std::fs::write(d.join("team.md"), &fixed).unwrap();
    let json = kader_in(d, &["check", "--format", "json", "--rules", &rules, "team.md"]);
    let now = rules_of(&json);
    assert!(
        now.contains(&"actie-eigenaar HA-01".to_owned()),
        "the new finding shows: {now:?}"
    );
    assert!(!now.contains(&"actie-iep HA-01".to_owned()), "{now:?}");
    // Only actie-iep of HA-01 is left of the baseline; HA-02's placeholder is fixed.
    let baseline = &json.json()["baseline"];
    assert_eq!(baseline["suppressed"], 1, "{baseline}");
    let fixed = found.len() - 1;
    assert_eq!(baseline["fixed"], fixed, "{baseline}");
    let human = kader_in(d, &["check", "--rules", &rules, "team.md"]);
    assert!(
        human.stdout.contains(&if fixed == 1 {
            "1 bevinding uit de baseline is opgelost (`kader baseline --prune` haalt haar weg)".to_owned()
        } else {
            format!("{fixed} bevindingen uit de baseline zijn opgelost (`kader baseline --prune` haalt ze weg)")
        }),
        "{}",
        human.stdout
    );

    // --prune removes the fixed entry and adds nothing new.
    let pruned = kader_in(d, &["baseline", "--prune", "--rules", &rules, "team.md"]);
    assert_eq!(pruned.code, 0, "{}", pruned.transcript());
    assert!(
        pruned
            .stdout
            .contains(&format!("{fixed} opgelost en weggehaald, 1 over")),
        "{}",
        pruned.stdout
    );
    let file = std::fs::read_to_string(d.join("kader-baseline.toml")).unwrap();
    assert!(!file.contains("regel = \"placeholder\""), "{file}");
    assert!(!file.contains("regel = \"actie-eigenaar\""), "{file}");
    let json = kader_in(d, &["check", "--format", "json", "--rules", &rules, "team.md"]).json();
    assert_eq!(json["baseline"]["fixed"], 0);
}

#[test]
fn a_broken_baseline_is_exit_2_at_its_place() {
    let dir = TempDir::new("baseline-broken");
    std::fs::write(dir.path().join("team.md"), DRAFT).unwrap();
    std::fs::write(dir.path().join("kader-baseline.toml"), "[[bevinding]]\nregel = 3\n").unwrap();
    let run = kader_in(dir.path(), &["check", "team.md"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("de baseline is geen geldig baselinebestand"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kader-baseline.toml:2:9"), "{}", run.stderr);
}
