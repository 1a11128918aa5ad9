//! `kader voortgang`: progress reports held against the plan. The bundled example (two
//! periods, Huisartsenspoedpost late with its second report) gives one finding of every
//! progress rule at a fixed file, line and rule; reports are never drafts to `kader check`;
//! waivers, baselines, kader.toml and the formats work as for `check`.

mod common;

use common::{TempDir, kader, kader_in, rule_ids};

const PLAN: &str = "fixtures/jaarplan-2026-2027";
const REPORTS: &str = "fixtures/voortgang";

/// (rule, file, line) of every finding, in output order.
fn places(json: &serde_json::Value) -> Vec<(String, String, u64)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["file"].as_str().unwrap_or("").to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn the_example_reports_give_every_progress_finding_at_its_place() {
    let run = kader(&["voortgang", PLAN, REPORTS, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let q2 = "fixtures/voortgang/2026-q2";
    let q3 = "fixtures/voortgang/2026-q3";
    let expected: Vec<(String, String, u64)> = [
        // Huisartsenspoedpost has no report for 30 September: at the actions in the plan.
        (
            "voortgang-ontbreekt",
            "fixtures/jaarplan-2026-2027/team-spoedzorg.md".to_owned(),
            13,
        ),
        (
            "voortgang-ontbreekt",
            "fixtures/jaarplan-2026-2027/team-spoedzorg.md".to_owned(),
            26,
        ),
        // Communicatie forgot IW-02: at the team line of its report.
        ("voortgang-ontbreekt", format!("{q2}/communicatie.md"), 4),
        ("voortgang-mijlpaal", format!("{q2}/spoedpost.md"), 10),
        ("voortgang-status", format!("{q2}/wijk.md"), 12),
        ("voortgang-planning", format!("{q3}/praktijkondersteuning.md"), 11),
        ("voortgang-resultaat", format!("{q3}/praktijkondersteuning.md"), 25),
        ("voortgang-besteed", format!("{q3}/praktijkondersteuning.md"), 36),
        ("voortgang-onbekend", format!("{q3}/praktijkondersteuning.md"), 38),
    ]
    .into_iter()
    .map(|(r, f, l)| (r.to_owned(), f, l))
    .collect();
    assert_eq!(places(&json), expected);
    // The missing entry names the action in the plan as a further place.
    let d = &json["diagnostics"][2];
    assert_eq!(d["action"], "IW-02");
    let labels = d["labels"].as_array().unwrap();
    assert!(
        labels
            .iter()
            .any(|l| l["file"] == "fixtures/jaarplan-2026-2027/team-inwoner.md"),
        "{labels:?}"
    );
    // Spending is compared with what the plan reckons over the tijdpad.
    assert_eq!(
        json["diagnostics"][7]["message"],
        "Actie HA-05: besteed € 82.000, meer dan de € 75.000 in het plan"
    );
    // Did-you-mean for an entry that names no action.
    assert!(
        json["diagnostics"][8]["help"].as_str().unwrap().contains("HA-01"),
        "{}",
        json["diagnostics"][8]
    );
}

#[test]
fn human_output_points_into_report_and_plan() {
    let run = kader(&["voortgang", PLAN, REPORTS]);
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(out.contains("[voortgang-mijlpaal] fout"), "{out}");
    assert!(
        out.contains("fixtures/jaarplan-2026-2027/team-spoedzorg.md:19:5"),
        "{out}"
    );
    assert!(out.contains("de mijlpaal in het plan"), "{out}");
    assert!(
        out.contains("Huisartsenspoedpost heeft geen rapportage per 30 september 2026"),
        "{out}"
    );
    // Findings about the drafts themselves are `kader check`'s, not shown here.
    assert!(!out.contains("[actie-eigenaar]"), "{out}");
}

#[test]
fn kader_check_never_reads_a_report_as_a_draft() {
    let both = kader(&["check", PLAN, REPORTS, "--format", "json"]);
    let plan = kader(&["check", PLAN, "--format", "json"]);
    assert_eq!(both.code, plan.code);
    assert_eq!(rule_ids(&both.json()), rule_ids(&plan.json()));
    assert_eq!(both.json()["summary"], plan.json()["summary"]);
    assert!(!rule_ids(&both.json()).iter().any(|r| r.starts_with("voortgang-")));
}

#[test]
fn no_report_is_exit_2_with_what_a_report_looks_like() {
    let run = kader(&["voortgang", PLAN]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("Geen voortgangsrapportage gevonden"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("soort = \"voortgang\""), "{}", run.stderr);
}

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const SMALL_PLAN: &str = "+++
team = \"Wijkzorg\"
+++

### Actie WK-01: Wijkprofielen

- **Tijdpad:** Q1 2026 – Q4 2027
- **Inzet:** € 10.000

### Actie WK-02: Spreekuur aan huis

- **Tijdpad:** 2027
";

#[test]
fn waivers_baselines_and_kader_toml_work_as_for_check() {
    let tmp = TempDir::new("voortgang-waivers");
    let dir = tmp.path();
    write(dir, "plan/wijk.md", SMALL_PLAN);
    // A report with an entry over its inzet, waived with a reason; a second entry that has
    // not started yet is not asked for.
    write(
        dir,
        "voortgang/q2.md",
        "+++
soort = \"voortgang\"
team = \"Team Wijkzorg\"
peildatum = \"30 juni 2026\"
+++

### Actie WK-01: Wijkprofielen

- **Status:** loopt achter
- **Nieuwe planning:** Q1 2027
- **Besteed:** € 12.000

<!-- kader: negeer voortgang-besteed \"Extra datalevering, besluit MT 12 juni\" -->
",
    );
    let run = kader_in(dir, &["voortgang", "plan", "voortgang", "--format", "json"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let json = run.json();
    assert_eq!(rule_ids(&json), ["voortgang-besteed"]);
    assert_eq!(
        json["diagnostics"][0]["waived"]["reason"],
        "Extra datalevering, besluit MT 12 juni"
    );

    // Without the waiver the warning stands; --deny-warnings makes it fail.
    let report = std::fs::read_to_string(dir.join("voortgang/q2.md")).unwrap();
    let unwaived: String = report
        .lines()
        .filter(|l| !l.contains("negeer"))
        .collect::<Vec<_>>()
        .join("\n");
    write(dir, "voortgang/q2.md", &unwaived);
    let run = kader_in(dir, &["voortgang", "plan", "voortgang", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("besteed € 12.000, meer dan de € 10.000 in het plan"),
        "{}",
        run.stdout
    );

    // kader.toml names the plan and the reports: `kader voortgang` needs no paths.
    write(dir, "kader.toml", "paden = [\"plan\"]\nvoortgang = [\"voortgang\"]\n");
    let run = kader_in(dir, &["voortgang", "--format", "json"]);
    assert_eq!(rule_ids(&run.json()), ["voortgang-besteed"]);

    // A baseline (kader-baseline.toml beside kader.toml) holds the finding back, as for check.
    write(
        dir,
        "kader-baseline.toml",
        "[[bevinding]]\nbestand = \"voortgang/q2.md\"\nactie = \"WK-01\"\nregel = \"voortgang-besteed\"\n",
    );
    let run = kader_in(dir, &["voortgang", "--format", "json", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(rule_ids(&run.json()), Vec::<String>::new());
    let run = kader_in(dir, &["voortgang", "--format", "json", "--no-baseline"]);
    assert_eq!(rule_ids(&run.json()), ["voortgang-besteed"]);
    std::fs::remove_file(dir.join("kader-baseline.toml")).unwrap();

    // A waiver in the plan's action covers its missing entry in the team's report.
    write(
        dir,
        "voortgang/q2.md",
        "+++
soort = \"voortgang\"
team = \"Wijkzorg\"
peildatum = 2026-06-30
+++
",
    );
    let run = kader_in(dir, &["voortgang", "--format", "json"]);
    assert_eq!(rule_ids(&run.json()), ["voortgang-ontbreekt"]);
    write(
        dir,
        "plan/wijk.md",
        &SMALL_PLAN.replace(
            "- **Inzet:** € 10.000\n",
            "- **Inzet:** € 10.000\n\n<!-- kader: negeer voortgang-ontbreekt \"Rapporteert via het programmaoverleg\" -->\n",
        ),
    );
    let run = kader_in(dir, &["voortgang", "--format", "json"]);
    let json = run.json();
    assert_eq!(rule_ids(&json), ["voortgang-ontbreekt"]);
    assert!(json["diagnostics"][0]["waived"].is_object(), "{json}");
    assert_eq!(run.code, 0);
    // `kader check` does not run the progress rules: that waiver is not unused there.
    let run = kader_in(dir, &["check", "plan", "--format", "json"]);
    assert!(
        !rule_ids(&run.json()).contains(&"waiver-ongebruikt".to_owned()),
        "{}",
        run.stdout
    );
}

#[test]
fn a_report_without_peildatum_or_team_is_a_front_matter_error_in_that_file() {
    let tmp = TempDir::new("voortgang-voorwerk");
    let dir = tmp.path();
    write(dir, "plan/wijk.md", SMALL_PLAN);
    write(
        dir,
        "voortgang/zonder.md",
        "+++\nsoort = \"voortgang\"\n+++\n\n### Actie WK-01: Wijkprofielen\n",
    );
    write(
        dir,
        "voortgang/fout.md",
        "+++\nsoort = \"voortgang\"\nteam = \"Wijkzorg\"\npeildatum = \"ergens in juni\"\n+++\n",
    );
    let run = kader_in(dir, &["voortgang", "plan", "voortgang", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = places(&run.json());
    assert!(
        found.contains(&("voorwerk".into(), "voortgang/fout.md".into(), 4)),
        "{found:?}"
    );
    assert!(
        found.contains(&("voorwerk".into(), "voortgang/zonder.md".into(), 1)),
        "{found:?}"
    );
}

#[test]
fn an_earlier_report_accounts_for_a_milestone_and_a_finished_action() {
    let tmp = TempDir::new("voortgang-eerder");
    let dir = tmp.path();
    write(
        dir,
        "plan/wijk.md",
        "+++
team = \"Wijkzorg\"
+++

### Actie WK-01: Wijkprofielen

- **Tijdpad:**
  - maart 2026: format vastgesteld
  - eind 2027: alle wijken
",
    );
    let report = |day: &str, body: &str| {
        format!(
            "+++\nsoort = \"voortgang\"\nteam = \"Wijkzorg\"\npeildatum = {day}\n+++\n\n### Actie WK-01: Wijkprofielen\n\n{body}"
        )
    };
    write(
        dir,
        "voortgang/q2.md",
        &report(
            "2026-06-30",
            "- **Status:** op schema\n- **Mijlpalen:** maart 2026 format: afgerond\n",
        ),
    );
    write(
        dir,
        "voortgang/q3.md",
        &report("2026-09-30", "- **Status:** op schema\n"),
    );
    let run = kader_in(dir, &["voortgang", "plan", "voortgang", "--format", "json"]);
    assert_eq!(rule_ids(&run.json()), Vec::<String>::new(), "{}", run.stdout);
    // Without the earlier mention, the September report must say it.
    write(
        dir,
        "voortgang/q2.md",
        &report("2026-06-30", "- **Status:** op schema\n"),
    );
    let run = kader_in(dir, &["voortgang", "plan", "voortgang", "--format", "json"]);
    assert_eq!(rule_ids(&run.json()), ["voortgang-mijlpaal", "voortgang-mijlpaal"]);
}

#[test]
fn html_has_the_voortgang_view() {
    let run = kader(&["voortgang", PLAN, REPORTS, "--format", "html"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let page = &run.stdout;
    assert!(page.contains("<section id=\"voortgang\">"), "no view");
    assert!(page.contains("class=\"peildatum\""), "no peildatum line");
    // HA-05 is delayed to Q2 2027: a replanned bar after its tijdpad.
    assert!(
        page.contains("<rect class=\"replanned\" data-action=\"HA-05\""),
        "no delay bar"
    );
    assert!(
        page.contains("<li class=\"missed\">Actie SZ-01: de mijlpaal"),
        "no missed milestone"
    );
    // The latest status per action, and an action no report has spoken of.
    assert!(page.contains("<td class=\"status-vertraagd\">vertraagd</td>"));
}

#[test]
fn every_format_of_check_is_offered() {
    for format in ["sarif", "github", "junit"] {
        let run = kader(&["voortgang", PLAN, REPORTS, "--format", format]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert!(run.stdout.contains("voortgang-besteed"), "{format}: {}", run.stdout);
    }
}
