//! `kader coverage`: the beleidsplan tree with the actions per node, uncovered nodes marked.

mod common;

use common::kader;

const PLAN: &str = "fixtures/jaarplan-2026-2027";

#[test]
fn the_tree_of_the_bundled_plan() {
    let run = kader(&["coverage", PLAN]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("├─ ✗ SZ.TOE  Toegankelijkheid en bereikbaarheid  — geen actie")
    );
    assert!(
        run.stdout
            .contains("thema: 8 van 11 gedekt; zonder actie: SZ.TOE, SZ.ARB, SZ.KWA")
    );
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn json_lists_every_node_with_its_actions() {
    let json = kader(&["coverage", "--format", "json", PLAN]).json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["actions"], 12);
    let beleid = &json["registers"][0];
    assert_eq!(beleid["id"], "beleidsplan-2026-2027");
    let nodes = beleid["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 28);
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id).unwrap().clone();
    // A link to an onderdeel covers its thema and lijn.
    assert_eq!(node("HA.ARB.2")["actions"], serde_json::json!(["HA-01"]));
    assert_eq!(node("HA.ARB")["actions"], serde_json::json!([]));
    assert_eq!(node("HA.ARB")["covered_by"], serde_json::json!(["HA-01"]));
    assert_eq!(node("HA.ARB")["covered"], true);
    assert_eq!(node("SZ.KWA")["covered"], false);
    assert_eq!(node("SZ.KWA")["parent"], "SZ");
    let themes = beleid["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["level"] == "thema")
        .unwrap()
        .clone();
    assert_eq!(
        (themes["covered"].as_u64(), themes["total"].as_u64()),
        (Some(8), Some(11))
    );
    insta::assert_snapshot!(serde_json::to_string_pretty(&json).unwrap());
}

#[test]
fn coverage_agrees_with_the_beleid_dekking_rule() {
    let check = kader(&["check", "--format", "json", PLAN]).json();
    let mut uncovered_by_rule: Vec<String> = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "beleid-dekking")
        .map(|d| d["node"].as_str().unwrap().to_owned())
        .collect();
    uncovered_by_rule.sort();
    let cov = kader(&["coverage", "--format", "json", PLAN]).json();
    let mut uncovered: Vec<String> = cov["registers"][0]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["level"] == "thema" && n["covered"] == false)
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    uncovered.sort();
    assert_eq!(uncovered_by_rule, uncovered);
    assert_eq!(uncovered, ["SZ.ARB", "SZ.KWA", "SZ.TOE"]);
}
