//! The kaderbrief's frames: amounts read in every notation the seeds and staff use, the
//! arithmetic that spreads them over the years, `begroting-kader` at the team with a label
//! per contributing action, `kader begroting` as text and JSON, and a broken kaderbrief.

mod common;

use common::{TempDir, kader, kader_in};
use kader::draft::amount::read_amounts;
use kader::model::amount::{Per, ProblemKind, Unit, format, format_number};
use kader::source::Span;
use proptest::prelude::*;

fn read_one(text: &str) -> (f64, Unit, Per) {
    let a = read_amounts(text, Span::new(0, text.len()));
    assert!(a.problems.is_empty(), "{text}: {:?}", a.problems);
    assert_eq!(a.amounts.len(), 1, "{text}: {:?}", a.amounts);
    (a.amounts[0].value, a.amounts[0].unit, a.amounts[0].per)
}

/// Every notation of money and people the seeds and the drafts use, one by one.
#[test]
fn every_notation_the_seeds_and_staff_use_is_read() {
    let cases: &[(&str, f64, Unit, Per)] = &[
        // The seeds (the regioplan's budget): Dutch thousands and decimals.
        ("€ 1.292.324", 1_292_324.0, Unit::Euro, Per::Total),
        ("€ 62.000", 62_000.0, Unit::Euro, Per::Total),
        ("€ 11.324.990", 11_324_990.0, Unit::Euro, Per::Total),
        ("€ 7,65", 7.65, Unit::Euro, Per::Total),
        // The bundled drafts.
        ("0,2 fte", 0.2, Unit::Fte, Per::Total),
        ("€ 6.000 per jaar", 6_000.0, Unit::Euro, Per::Year),
        ("8 uur per week", 8.0, Unit::Hours, Per::Week),
        ("16 uur per kwartaal medisch manager", 16.0, Unit::Hours, Per::Quarter),
        ("€ 20.000 licentie per jaar", 20_000.0, Unit::Euro, Per::Year),
        ("60 uur juridisch advies", 60.0, Unit::Hours, Per::Total),
        // What staff also write.
        ("€ 25k", 25_000.0, Unit::Euro, Per::Total),
        ("ca. € 10.000", 10_000.0, Unit::Euro, Per::Total),
        ("€25.000", 25_000.0, Unit::Euro, Per::Total),
        ("€ 25.000,-", 25_000.0, Unit::Euro, Per::Total),
        ("€ 25.000,00", 25_000.0, Unit::Euro, Per::Total),
        ("25.000 euro", 25_000.0, Unit::Euro, Per::Total),
        ("EUR 25.000", 25_000.0, Unit::Euro, Per::Total),
        ("€ 1,2 mln", 1_200_000.0, Unit::Euro, Per::Total),
        ("1 fte", 1.0, Unit::Fte, Per::Total),
        ("8 uur/week", 8.0, Unit::Hours, Per::Week),
        ("120 uur", 120.0, Unit::Hours, Per::Total),
        ("4 uur p/w", 4.0, Unit::Hours, Per::Week),
        ("2 dagdelen per week", 8.0, Unit::Hours, Per::Week),
        ("eenmalig € 5.000", 5_000.0, Unit::Euro, Per::Once),
        ("€ 5.000 in 2026", 5_000.0, Unit::Euro, Per::InYear(2026)),
        (
            "0,2 fte per wijkmanager (9 wijkmanagers)",
            0.2 * 9.0,
            Unit::Fte,
            Per::Total,
        ),
        ("30 x € 2.500", 75_000.0, Unit::Euro, Per::Total),
    ];
    for &(text, value, unit, per) in cases {
        let (v, u, p) = read_one(text);
        assert!((v - value).abs() < 1e-9, "{text}: {v} for {value}");
        assert_eq!((u, p), (unit, per), "{text}");
    }
}

/// A multiplier without a count, a range, a decimal point and `€ PM` are never a silent zero.
#[test]
fn what_cannot_be_counted_is_a_problem_at_its_place() {
    for (text, kind, at) in [
        (
            "0,2 fte per wijkmanager",
            ProblemKind::Multiplier("per wijkmanager".into()),
            "0,2 fte per wijkmanager",
        ),
        ("€ 10–20k", ProblemKind::Range, "€ 10–20k"),
        ("1.5 fte", ProblemKind::DecimalPoint("1,5".into()), "1.5 fte"),
        ("€ PM", ProblemKind::Placeholder, "€ PM"),
    ] {
        let a = read_amounts(text, Span::new(0, text.len()));
        assert!(a.amounts.is_empty(), "{text}: {:?}", a.amounts);
        assert_eq!(a.problems.len(), 1, "{text}: {:?}", a.problems);
        assert_eq!(a.problems[0].kind, kind, "{text}");
        assert_eq!(&text[a.problems[0].span.start..a.problems[0].span.end], at, "{text}");
    }
}

proptest! {
    /// Writing an amount the Dutch way and reading it back gives the same value.
    #[test]
    fn an_amount_written_and_read_back_is_the_same(cents in 0u64..100_000_000_000, fte_hundredths in 0u64..10_000, per in 0usize..4) {
        let euro = cents as f64 / 100.0;
        let suffix = ["", " per jaar", " per maand", " eenmalig"][per];
        let text = format!("{}{suffix}", format(euro, Unit::Euro));
        let (v, u, _) = read_one(&text);
        prop_assert_eq!(u, Unit::Euro);
        prop_assert_eq!((v * 100.0).round() as u64, cents, "{}", text);
        let fte = fte_hundredths as f64 / 100.0;
        let text = format(fte, Unit::Fte);
        let (v, u, _) = read_one(&text);
        prop_assert_eq!(u, Unit::Fte);
        prop_assert_eq!((v * 100.0).round() as u64, fte_hundredths, "{}", text);
        // The number alone, as `7,65` or `1.292.324` after `€ `.
        let (v, _, _) = read_one(&format!("€ {}", format_number(euro)));
        prop_assert_eq!((v * 100.0).round() as u64, cents);
    }
}

proptest! {
    /// Whatever staff type, reading amounts never panics, and every span lies inside the
    /// value on character boundaries (the finding points at real text).
    #[test]
    fn any_text_is_read_without_panic(text in "[0-9€.,;:() a-zA-Zéë–\\-/×x\n]{0,60}") {
        let a = read_amounts(&text, Span::new(0, text.len()));
        for span in a.amounts.iter().map(|x| x.span).chain(a.problems.iter().map(|p| p.span)) {
            prop_assert!(span.start <= span.end && span.end <= text.len(), "{:?} in {:?}", span, text);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}

#[test]
fn a_team_over_its_frame_is_reported_at_its_team_with_each_action_that_adds_up() {
    let run = kader(&["check", "--format", "json", "fixtures/begroting"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let json = run.json();
    let over: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "begroting-kader")
        .collect();
    assert_eq!(over.len(), 1, "only Wijkzorg's euro in 2027: {over:?}");
    let d = over[0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "fixtures/begroting/wijk-a.md");
    assert_eq!(d["range"]["start"]["line"], 3, "at `team` in the front matter");
    assert_eq!(
        d["message"],
        "Team Wijkzorg plant in 2027 € 29.967 in, € 4.967 boven het kader van € 25.000 uit de kaderbrief"
    );
    // A label per contributing action, at its amounts, with its share; the second draft
    // writes the team as `Team Wijkzorg` and still counts.
    let labels: Vec<(String, String)> = d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|l| {
            // A label in the finding's own file names no file (the JSON contract).
            let file = l["file"].as_str().or(d["file"].as_str()).unwrap().to_owned();
            (file, l["message"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(
        labels,
        [
            (
                "fixtures/begroting/wijk-a.md".to_owned(),
                "WK-11: € 6.000 in 2027".to_owned()
            ),
            (
                "fixtures/begroting/wijk-b.md".to_owned(),
                "WK-12: € 11.967 in 2027".to_owned()
            ),
            (
                "fixtures/begroting/wijk-b.md".to_owned(),
                "WK-13: € 12.000 in 2027".to_owned()
            ),
        ]
    );
    // 6.000 + 11.967 + 12.000 = 29.967: the labels add up to the total.
    let sarif = kader(&["check", "--format", "sarif", "fixtures/begroting"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "begroting-kader")
        .expect("SARIF carries begroting-kader");
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"], 3,
        "{result}"
    );
    assert_eq!(result["relatedLocations"].as_array().map(Vec::len), Some(3), "{result}");
}

#[test]
fn the_budget_table_as_text_and_json() {
    let human = kader(&["begroting", "fixtures/begroting"]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    insta::assert_snapshot!("begroting_human", human.stdout);
    let run = kader(&["begroting", "--format", "json", "fixtures/begroting"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["kaderbrief"]["deadline"], "2026-09-15");
    assert_eq!(json["hours_per_fte_week"], 36.0);
    let wijk = json["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["team"] == "Wijkzorg")
        .unwrap();
    assert_eq!(wijk["listed"], true);
    let y2027 = wijk["years"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == 2027)
        .unwrap();
    assert_eq!(y2027["euro"]["planned"], 29967.21);
    assert_eq!(y2027["euro"]["frame"], 25000.0);
    assert_eq!(y2027["euro"]["over"], true);
    assert_eq!(y2027["fte"]["over"], false);
    // WK-12 links HA and WK: it counts in full for each line, once for the team.
    let lines: Vec<(&str, f64)> = y2027["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["id"].as_str().unwrap(), l["euro"]["planned"].as_f64().unwrap()))
        .collect();
    assert_eq!(lines, [("HA", 11967.21), ("WK", 29967.21)]);
}

#[test]
fn the_arithmetic_is_the_documented_one() {
    let dir = TempDir::new("begroting-rekenen");
    // From rules/README.md, "Totalen en de kaderbrief".
    std::fs::write(
        dir.path().join("wijk.md"),
        "+++\nteam = \"Wijkzorg\"\n+++\n\n\
         ### Actie WK-01: Per jaar\n\n- **Tijdpad:** 1 juli 2026 – 2027\n- **Inzet:** € 6.000 per jaar\n\n\
         ### Actie WK-02: Een totaal\n\n- **Tijdpad:** juli 2026 – 2027\n- **Inzet:** € 25.000\n\n\
         ### Actie WK-03: Een kwartaal\n\n- **Tijdpad:** Q2 2027\n- **Inzet:** 0,4 fte; 36 uur per week\n",
    )
    .unwrap();
    let run = kader_in(dir.path(), &["begroting", "--format", "json", "wijk.md"]);
    let json = run.json();
    let team = &json["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["team"] == "Wijkzorg")
        .unwrap()["years"];
    let year = |y: i64| {
        team.as_array()
            .unwrap()
            .iter()
            .find(|r| r["year"] == y)
            .unwrap()
            .clone()
    };
    // € 6.000 × 184/365 + € 25.000 × 184/549 = 3.024,66 + 8.378,87
    assert_eq!(year(2026)["euro"]["planned"], 11403.53);
    // € 6.000 + € 25.000 × 365/549 = 6.000 + 16.621,13
    assert_eq!(year(2027)["euro"]["planned"], 22621.13);
    // (0,4 + 1) fte during Q2 2027: 1,4 × 91/365
    assert_eq!(year(2027)["fte"]["planned"], 0.35);
}

#[test]
fn a_draft_without_a_listed_team_is_warned_at_its_team() {
    let dir = TempDir::new("begroting-team");
    std::fs::write(
        dir.path().join("wijk.md"),
        "+++\nteam = \"Team Wijkzrog\"\n+++\n\n### Actie WK-01: Iets\n\n- **Inzet:** 0,3 fte\n",
    )
    .unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "wijk.md"]);
    let json = run.json();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "begroting-team")
        .expect("begroting-team");
    assert_eq!(d["range"]["start"]["line"], 2, "{d}");
    assert!(d["help"].to_string().contains("bedoelde je `Wijkzorg`?"), "{d}");
    let human = kader_in(dir.path(), &["begroting", "wijk.md"]);
    assert!(
        human
            .stdout
            .contains("Team Wijkzrog  (niet in de kaderbrief: geen kader)"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_broken_kaderbrief_stops_the_run_with_exit_2_at_its_place() {
    let dir = TempDir::new("begroting-kapot");
    common::bundled_rules_in(dir.path(), |r| r);
    let kaderbrief = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/kaderbrief-2026-2027.toml"))
        .unwrap()
        .replace("id = \"WK.HWV\"", "id = \"WK.HWX\"");
    std::fs::write(dir.path().join("kaderbrief-2026-2027.toml"), &kaderbrief).unwrap();
    std::fs::write(dir.path().join("plan.md"), "### Actie A-01: Iets\n").unwrap();
    let run = kader_in(dir.path(), &["check", "--rules", "regels.kader", "plan.md"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    let line = kaderbrief.lines().position(|l| l.contains("WK.HWX")).unwrap() + 1;
    assert!(
        run.stdout.contains(&format!("kaderbrief-2026-2027.toml:{line}:"))
            || run.stderr.contains(&format!("kaderbrief-2026-2027.toml:{line}:")),
        "{}",
        run.transcript()
    );
    assert!(
        run.transcript()
            .contains("`WK.HWX` staat niet in een register van het plan"),
        "{}",
        run.transcript()
    );
    assert!(
        run.transcript().contains("bedoelde je `WK.HWV`?"),
        "{}",
        run.transcript()
    );

    // A frame twice for one year, and a TOML error: each at its place.
    let twice = kaderbrief.replace(
        "  { jaar = 2026, euro = 25000, fte = 1.5 },",
        "  { jaar = 2026, euro = 25000, fte = 1.5 },\n  { jaar = 2026, euro = 1000 },",
    );
    std::fs::write(dir.path().join("kaderbrief-2026-2027.toml"), &twice).unwrap();
    let run = kader_in(dir.path(), &["check", "--rules", "regels.kader", "plan.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.transcript().contains("team `Wijkzorg` heeft voor 2026 twee kaders"),
        "{}",
        run.transcript()
    );
    std::fs::write(dir.path().join("kaderbrief-2026-2027.toml"), "id = \"k\"\ntitel = \n").unwrap();
    let run = kader_in(dir.path(), &["check", "--rules", "regels.kader", "plan.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.transcript().contains("is geen geldig kaderbriefbestand"),
        "{}",
        run.transcript()
    );
}

#[test]
fn an_approved_overrun_is_waived_in_the_draft_where_it_is_reported() {
    let dir = TempDir::new("begroting-negeer");
    for f in ["wijk-a.md", "wijk-b.md", "communicatie.md"] {
        std::fs::copy(
            format!("{}/fixtures/begroting/{f}", env!("CARGO_MANIFEST_DIR")),
            dir.path().join(f),
        )
        .unwrap();
    }
    let waiver = "\n<!-- kader: negeer begroting-kader \"Directie akkoord met € 5.000 extra in 2027\" -->\n";
    let a = std::fs::read_to_string(dir.path().join("wijk-a.md")).unwrap();
    // Before the first action: outside every action of the draft.
    let at = a.find("### Actie").unwrap();
    std::fs::write(
        dir.path().join("wijk-a.md"),
        format!("{}{waiver}\n{}", &a[..at], &a[at..]),
    )
    .unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(run.code, 0, "the one error is waived: {}", run.stdout);
    let json = run.json();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "begroting-kader")
        .unwrap();
    assert_eq!(
        d["waived"]["reason"], "Directie akkoord met € 5.000 extra in 2027",
        "{d}"
    );
    assert!(!common::rule_ids(&json).contains(&"waiver-ongebruikt".to_owned()));
}

#[test]
fn the_kaderbrief_deadline_comes_after_kader_toml_and_before_the_rule_file() {
    let dir = TempDir::new("begroting-inleverdatum");
    common::bundled_rules_in(dir.path(), |r| {
        r.replace(
            "periode 2026-01-01 t/m 2027-12-31",
            "periode 2026-01-01 t/m 2027-12-31\n  inleverdatum 2026-10-01",
        )
    });
    std::fs::write(dir.path().join("plan.md"), "### Actie A-01: Iets\n").unwrap();
    // First the kaderbrief's over the rule file's, then kader.toml's over both.
    for (config, expected) in [
        (None, "nog 14 dagen tot de inleverdatum (15 september 2026)"),
        (
            Some("inleverdatum = 2026-09-05\n"),
            "nog 4 dagen tot de inleverdatum (5 september 2026)",
        ),
    ] {
        if let Some(c) = config {
            std::fs::write(dir.path().join("kader.toml"), c).unwrap();
        }
        let run = common::kader_on(
            dir.path(),
            "2026-09-01",
            &["check", "--rules", "regels.kader", "plan.md"],
        );
        assert!(run.stdout.contains(expected), "{expected}: {}", run.stdout);
    }
}

#[test]
fn kader_fix_writes_a_decimal_comma_and_leaves_a_multiplier_to_a_person() {
    let dir = TempDir::new("begroting-fix");
    std::fs::write(
        dir.path().join("wijk.md"),
        "+++\nteam = \"Wijkzorg\"\n+++\n\n### Actie WK-01: Iets\n\n- **Inzet:** 1.5 fte; 0,2 fte per wijkmanager\n",
    )
    .unwrap();
    let run = kader_in(dir.path(), &["fix", "--diff", "wijk.md"]);
    assert!(
        run.stdout.contains("+- **Inzet:** 1,5 fte; 0,2 fte per wijkmanager"),
        "{}",
        run.stdout
    );
    let run = kader_in(dir.path(), &["fix", "wijk.md"]);
    assert_eq!(run.code, 1, "the multiplier is left: {}", run.transcript());
    let text = std::fs::read_to_string(dir.path().join("wijk.md")).unwrap();
    assert!(text.contains("- **Inzet:** 1,5 fte; 0,2 fte per wijkmanager"), "{text}");
}

/// A 1 MB inzet of amounts, bare euro signs, multipliers and brackets is read in one pass: the
/// hang guard catches a reader that scans the rest of the value once per amount.
#[test]
fn a_huge_inzet_is_read_without_hanging() {
    let dir = TempDir::new("begroting-groot");
    let value = "€ 2 € x 2 fte per wijk (3 1.5 fte 10–20 uur per ".repeat(20_000);
    std::fs::write(
        dir.path().join("wijk.md"),
        format!(
            "+++\nteam = \"Wijkzorg\"\n+++\n\n### Actie WK-01: Groot\n\n- **Tijdpad:** 2026\n- **Inzet:** {value}\n"
        ),
    )
    .unwrap();
    let run = common::kader_within(dir.path(), 120, &["check", "--format", "json", "wijk.md"]).expect("kader finished");
    assert_eq!(run.code, 1, "over the frame: {}", &run.stderr);
    let json = run.json();
    let rules = common::rule_ids(&json);
    assert!(
        rules.contains(&"begroting-kader".to_owned()),
        "{:?}",
        &rules[..rules.len().min(5)]
    );
    assert!(rules.contains(&"inzet-bedrag".to_owned()));
}
