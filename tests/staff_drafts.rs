//! Drafts as staff write them, and messages as they read them (on the real binary).

mod common;

use common::{TempDir, kader_in};

const ACTION: &str = "\
- **Eigenaar:** Team Spoedzorg
- **Beleidslijn:** SZ.TOE
- **Tijdpad:** Q1 2026 – Q4 2027
- **Inzet:** 0,2 fte triagist; € 4.000
- **Beoogd resultaat:** eind 2027 wordt 90% van de bellers binnen 30 minuten teruggebeld
- **IEP:** Inwoners die de huisartsenpost bellen, worden sneller teruggebeld en weten eerder of ze moeten komen.
";

/// (rule, line, column) of every finding with a place, and the plan-wide ones as (rule, node).
/// The findings with a place in the draft. These drafts have no front matter, so no team:
/// that `begroting-team` warning at line 1 is its own fixture's business.
fn places(run: &common::Run) -> Vec<(String, u64, u64)> {
    run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["range"].is_null() && d["rule"] != "begroting-team")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn repo(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    std::fs::write(dir.path().join("kader.toml"), "taal = \"nl\"\n").unwrap();
    dir
}

#[test]
fn an_unknown_field_name_is_reported_at_the_label_with_the_field_meant() {
    let dir = repo("veld-onbekend");
    let draft = format!("### Actie TG-01: Terugbellijn\n\n- **Eigenaaar:** Team X\n- **Budget:** 40 uur\n{ACTION}");
    std::fs::write(dir.path().join("team.md"), draft).unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "team.md"]);
    let found = places(&run);
    assert!(found.contains(&("veld-onbekend".into(), 3, 5)), "{found:?}");
    assert!(found.contains(&("veld-onbekend".into(), 4, 5)), "{found:?}");
    let human = kader_in(dir.path(), &["check", "team.md"]);
    assert!(human.stdout.contains("bedoelde je `Eigenaar`?"), "{}", human.stdout);
    assert!(human.stdout.contains("bedoelde je `Inzet`?"), "{}", human.stdout);
    // Where the owner is missed, the line that was probably meant is shown with it.
    let without_owner = ACTION.replace("- **Eigenaar:** Team Spoedzorg\n", "");
    std::fs::write(
        dir.path().join("team.md"),
        format!("### Actie TG-01: Terugbellijn\n\n- **Eigenaaar:** Team X\n{without_owner}"),
    )
    .unwrap();
    let human = kader_in(dir.path(), &["check", "team.md"]);
    assert!(human.stdout.contains("heeft geen eigenaar"), "{}", human.stdout);
    assert!(
        human
            .stdout
            .contains("`Eigenaaar` telt niet als `Eigenaar`; bedoelde je dat hier?"),
        "{}",
        human.stdout
    );
    // `Periode` is an alias: it counts as the tijdpad.
    let draft = ACTION.replace("**Tijdpad:**", "**Periode:**");
    std::fs::write(
        dir.path().join("team.md"),
        format!("### Actie TG-01: Terugbellijn\n\n{draft}"),
    )
    .unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "team.md"]);
    assert_eq!(places(&run), vec![], "{}", run.stdout);
}

#[test]
fn a_heading_without_separator_is_checked_as_its_action() {
    let dir = repo("kop-scheiding");
    let draft = format!(
        "### Actie TG-02 Doorverwijzen naar de wijkverpleging\n\n{}",
        ACTION.replace("- **Eigenaar:** Team Spoedzorg\n", "")
    );
    std::fs::write(dir.path().join("team.md"), draft).unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "team.md"]);
    let found = places(&run);
    // The gap after the ID, and the action's own missing owner: its fields are read.
    assert!(found.contains(&("actie-kop-scheiding".into(), 1, 16)), "{found:?}");
    assert!(found.iter().any(|(r, _, _)| r == "actie-eigenaar"), "{found:?}");
    assert!(!found.iter().any(|(r, _, _)| r == "actie-kop"), "{found:?}");
    assert_eq!(run.json()["summary"]["actions"], 1, "{}", run.stdout);
}

#[test]
fn a_draft_whose_headings_are_not_actions_says_so() {
    let dir = repo("geen-acties");
    std::fs::write(
        dir.path().join("team.md"),
        format!("# Team\n\n### 1. Regionale terugbellijn\n\n{ACTION}"),
    )
    .unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "team.md"]);
    assert!(places(&run).contains(&("geen-acties".into(), 3, 5)), "{}", run.stdout);
    let human = kader_in(dir.path(), &["check", "team.md"]);
    assert!(
        human.stdout.contains("### Actie TG-01: Regionale terugbellijn"),
        "{}",
        human.stdout
    );
}

#[test]
fn coverage_is_waived_by_node_and_limited_by_dekking() {
    let dir = TempDir::new("dekking");
    let d = dir.path();
    let draft = format!(
        "### Actie TG-01: Terugbellijn\n\n{ACTION}\n<!-- kader: negeer beleid-dekking SZ.ARB \"Arbeidsmarkt zit bij HR\" -->\n"
    );
    std::fs::write(d.join("team.md"), &draft).unwrap();
    std::fs::write(d.join("kader.toml"), "dekking = [\"SZ\"]\n").unwrap();
    let run = kader_in(d, &["check", "--format", "json", "team.md"]);
    let json = run.json();
    let all = json["diagnostics"].as_array().unwrap();
    let coverage: Vec<(&str, bool)> = all
        .iter()
        .filter(|x| x["rule"] == "beleid-dekking")
        .map(|x| (x["message"].as_str().unwrap(), !x["waived"].is_null()))
        .collect();
    // Only themes under SZ; SZ.TOE has the action; SZ.ARB is waived with its reason.
    assert_eq!(coverage.len(), 3, "{coverage:?}");
    assert!(coverage.iter().all(|(m, _)| m.contains("Thema SZ.")), "{coverage:?}");
    assert!(
        coverage.iter().any(|(m, waived)| m.contains("SZ.ARB") && *waived),
        "{coverage:?}"
    );
    assert!(!all.iter().any(|x| x["rule"] == "waiver-ongebruikt"), "{all:?}");
    let human = kader_in(d, &["check", "team.md"]);
    assert!(
        human.stdout.contains("reden: Arbeidsmarkt zit bij HR"),
        "{}",
        human.stdout
    );

    // A waiver naming a node that does not exist is not applied: waiver-reden says so at the
    // node, with the node meant (and it is not also reported as unused).
    std::fs::write(d.join("team.md"), draft.replace("SZ.ARB \"", "SZ.ARX \"")).unwrap();
    let run = kader_in(d, &["check", "team.md"]);
    assert!(run.stdout.contains("[waiver-reden]"), "{}", run.stdout);
    assert!(run.stdout.contains("`SZ.ARX` staat in geen register"), "{}", run.stdout);
    assert!(run.stdout.contains("bedoelde je `SZ.ARB`?"), "{}", run.stdout);
    assert!(!run.stdout.contains("[waiver-ongebruikt]"), "{}", run.stdout);
    std::fs::write(d.join("team.md"), &draft).unwrap();

    // An ID that is in no register is a kader.toml problem, at its place.
    std::fs::write(d.join("kader.toml"), "dekking = [\"SZ\", \"SZ.ARX\"]\n").unwrap();
    let run = kader_in(d, &["check", "team.md"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("kader.toml:1:18"), "{}", run.transcript());
    assert!(run.stderr.contains("bedoelde je `SZ.ARB`?"), "{}", run.transcript());
}

#[test]
fn one_fault_gives_one_finding() {
    let dir = repo("een-fout");
    let draft = format!(
        "### Actie TG-01: Terugbellijn\n\n{}",
        ACTION.replace("Team Spoedzorg", "n.t.b.").replace("€ 4.000", "€ PM")
    );
    std::fs::write(dir.path().join("team.md"), draft).unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "team.md"]);
    let found = places(&run);
    // The owner is an error only; the `PM` inside a longer value stays a placeholder.
    assert!(found.contains(&("actie-eigenaar".into(), 3, 17)), "{found:?}");
    assert_eq!(
        found.iter().filter(|(r, _, _)| r == "placeholder").count(),
        1,
        "{found:?}"
    );
    assert!(found.contains(&("placeholder".into(), 6, 34)), "{found:?}");
    let json = run.json();
    let coverage = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            ["beleid-dekking", "kaderbrief-prioriteit", "begroting-team"].contains(&d["rule"].as_str().unwrap())
        })
        .count();
    assert_eq!(json["summary"]["warnings"], 1 + coverage, "{}", run.stdout);
}

#[test]
fn messages_agree_and_suggestions_make_sense() {
    let dir = repo("berichten");
    let draft = format!(
        "### Actie TG-01: Terugbellijn\n\n{}- **Afhankelijk van:** TG-0\n",
        ACTION.replace(
            "Inwoners die de huisartsenpost bellen, worden sneller teruggebeld en weten eerder of ze moeten komen.",
            "n.v.t."
        )
    );
    std::fs::write(dir.path().join("team.md"), draft).unwrap();
    let run = kader_in(dir.path(), &["check", "team.md"]);
    // The number in the message is the number in the label.
    assert!(run.stdout.contains("(minstens 6 woorden"), "{}", run.stdout);
    assert!(run.stdout.contains("vereist: minstens 6"), "{}", run.stdout);
    // TG-0 is close to TG-01, but an action cannot wait for itself.
    assert!(run.stdout.contains("`TG-0` is geen actie"), "{}", run.stdout);
    assert!(!run.stdout.contains("bedoelde je `TG-01`"), "{}", run.stdout);
}

#[test]
fn a_severity_appended_to_kader_toml_is_reported_on_its_own_line() {
    let dir = TempDir::new("ernst-regel");
    let d = dir.path();
    let init = kader_in(d, &["init"]);
    assert_eq!(init.code, 0, "{}", init.transcript());
    let mut toml = std::fs::read_to_string(d.join("kader.toml")).unwrap();
    toml.push_str("inleverdatum = \"fout\"\n");
    let line = toml.lines().count();
    std::fs::write(d.join("kader.toml"), toml).unwrap();
    let run = kader_in(d, &["check"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains(&format!("kader.toml:{line}:1")),
        "expected line {line}: {}",
        run.transcript()
    );
}

#[test]
fn explain_names_the_fields_and_the_shell_completes_rule_ids() {
    let dir = repo("explain-velden");
    let run = kader_in(dir.path(), &["explain", "actie-eigenaar"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("eigenaar: `Eigenaar`, `Trekker`, `Verantwoordelijke`"),
        "{}",
        run.stdout
    );
    // clap_complete's fish script completes no positional values, so bash and zsh.
    for shell in ["bash", "zsh"] {
        let script = kader_in(dir.path(), &["completions", shell]);
        assert_eq!(script.code, 0, "{}", script.transcript());
        for id in ["actie-eigenaar", "veld-onbekend", "beleid-dekking"] {
            assert!(script.stdout.contains(id), "{shell} completes {id}");
        }
    }
    // The parser still takes any word: an unknown rule is kader's message, not clap's.
    let unknown = kader_in(dir.path(), &["explain", "actie-eigenaarr"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("bedoelde je `actie-eigenaar`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn dates_as_dutch_writers_write_them() {
    let dir = repo("datums");
    // Duckling's Dutch corpus, absolute expressions moved into 2026, as milestones in order.
    let milestones = [
        "week 12 2026",
        "April 14, 2026",
        "Koningsdag 2026",
        "vr. 17 juli 2026",
        "18de juli 2026",
        "derde dinsdag in september 2026",
        "laatste week van september 2026",
        "eerste week in oktober 2026",
        "31.10.2026",
        "laatste dag van oktober 2026",
    ];
    let list: String = milestones.iter().map(|m| format!("  - {m}: stap\n")).collect();
    let draft = format!(
        "### Actie TG-01: Terugbellijn\n\n{}",
        ACTION.replace("- **Tijdpad:** Q1 2026 – Q4 2027\n", &format!("- **Tijdpad:**\n{list}"))
    );
    std::fs::write(dir.path().join("team.md"), draft).unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "team.md"]);
    assert_eq!(places(&run), vec![], "all read, in order: {}", run.stdout);

    // A weekday that is not the date's is pointed at; the nearest notation is named.
    let draft = format!(
        "### Actie TG-01: Terugbellijn\n\n{}",
        ACTION.replace("Q1 2026 – Q4 2027", "za 17 juli 2026")
    );
    std::fs::write(dir.path().join("team.md"), draft).unwrap();
    let run = kader_in(dir.path(), &["check", "team.md"]);
    assert!(run.stdout.contains("17 juli 2026 is een vrijdag"), "{}", run.stdout);
    std::fs::write(
        dir.path().join("team.md"),
        format!(
            "### Actie TG-01: Terugbellijn\n\n{}",
            ACTION.replace("Q1 2026 – Q4 2027", "wk12 2026")
        ),
    )
    .unwrap();
    let run = kader_in(dir.path(), &["check", "team.md"]);
    assert!(run.stdout.contains("zoals `week 12 2026`"), "{}", run.stdout);
}

#[test]
fn errors_of_the_system_are_said_in_dutch() {
    let dir = repo("os-fouten");
    let d = dir.path();
    std::fs::write(d.join("team.md"), format!("### Actie TG-01: Terugbellijn\n\n{ACTION}")).unwrap();
    std::fs::write(d.join("latin1.toml"), b"taal = \"nl\xff\"\n").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["check", "-o", "geen-map/x.json", "team.md"],
            "kan niet geschreven worden: bestaat niet",
        ),
        (
            &["check", "--rules", "geen.kader", "team.md"],
            "kan niet gelezen worden: bestaat niet",
        ),
        (
            &["check", "--config", "geen.toml", "team.md"],
            "kan niet gelezen worden: bestaat niet",
        ),
        (&["check", "--config", "latin1.toml", "team.md"], "is geen UTF-8-tekst"),
        (
            &["report", "-o", "/sys/kernel/kader.html", "team.md"],
            "geen schrijfrechten",
        ),
    ];
    for (args, expect) in cases {
        let run = kader_in(d, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.transcript());
        let all = run.transcript();
        assert!(all.contains(expect), "{args:?}: {all}");
        for english in [
            "os error",
            "No such file",
            "stream did not contain",
            "Permission denied",
        ] {
            assert!(!all.contains(english), "{args:?} says `{english}`: {all}");
        }
    }
}
