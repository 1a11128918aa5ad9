//! rules/README.md stays true: its rule table is the bundled rule set, every keyword of the
//! language is documented, and its code examples load.

use kader::lang::keywords::KEYWORDS;
use kader::lang::load;
use kader::origin::{Bundled, Disk};
use kader::source::Sources;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/README.md")).unwrap()
}

#[test]
fn the_rule_table_is_the_bundled_rule_set() {
    let mut sources = Sources::default();
    let (set, _) = load(kader::embedded::ENTRY, &Bundled, &mut sources);
    let set = set.unwrap();
    let readme = readme();
    let table: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("## De ingebouwde regels"))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("| `"))
        .collect();
    let expected: Vec<String> = set
        .rules
        .iter()
        .map(|r| {
            format!(
                "| `{}` | {} | {} |",
                r.id,
                r.severity.word(),
                r.title.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        table, expected,
        "regenerate the table in rules/README.md from the rule file"
    );
}

#[test]
fn every_keyword_is_documented() {
    let readme = readme();
    for k in KEYWORDS {
        for word in [k.nl, k.en] {
            assert!(
                readme.contains(&format!("`{word}`")) || readme.contains(&format!("\"{word}\"")),
                "`{word}` is not in rules/README.md"
            );
        }
    }
}

#[test]
fn the_first_example_is_a_working_rule_file() {
    let readme = readme();
    let start = readme.find("```text\n# Eisen").expect("the opening example") + "```text\n".len();
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-example");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("regels.kader"), example).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/rules/beleidsplan-2026-2027.toml"),
        dir.join("beleidsplan-2026-2027.toml"),
    )
    .unwrap();
    let mut sources = Sources::default();
    let path = dir.join("regels.kader");
    let (set, diags) = load(&path.to_string_lossy(), &Disk, &mut sources);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(set.unwrap().rules[0].id, "actie-eigenaar");
}

// ---------------------------------------------------------------------------------------
// Every construct in the reference has an example, and every example is run.

/// The fenced blocks of a kind (`text`, `markdown`) in rules/README.md, with the heading of
/// the section they stand in.
fn blocks(kind: &str) -> Vec<(String, String)> {
    let readme = readme();
    let mut out = Vec::new();
    let mut section = String::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.starts_with('#') {
            section = line.trim_start_matches('#').trim().to_owned();
        }
        if line == format!("```{kind}") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            out.push((section.clone(), body.join("\n") + "\n"));
        }
    }
    out
}

/// The bundled rules plus `extra`, loaded from disk; the errors, if any.
fn load_with_bundled(extra: &str) -> Vec<String> {
    load_set_with_bundled(extra).1
}

fn load_set_with_bundled(extra: &str) -> ((Option<kader::lang::ruleset::RuleSet>, Sources), Vec<String>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-constructs");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!(
        "r{}-{}.kader",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/jaarplan-2026-2027.kader");
    std::fs::write(&path, format!("gebruik \"{bundled}\"\n{extra}")).unwrap();
    let mut sources = Sources::default();
    let (set, diags) = load(&path.to_string_lossy(), &Disk, &mut sources);
    let _ = std::fs::remove_file(&path);
    let mut errors: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
    if set.is_none() && errors.is_empty() {
        errors.push("not loaded".into());
    }
    ((set, sources), errors)
}

/// A requirement from the reference, tried in each scope until one accepts it.
fn requirement_resolves(eis: &str) -> Result<(), Vec<String>> {
    let scopes = [
        "voor elke actie",
        "voor elk veld",
        "voor elke actiekop",
        "voor elk document",
        "voor elke uitzondering",
        "voor elk thema in beleid",
        "voor elk totaal per team, jaar",
        "voor elke melding",
        "voor elke gestarte actie",
        "voor elke verstreken mijlpaal",
    ];
    let mut all = Vec::new();
    for scope in scopes {
        let errors = load_with_bundled(&format!(
            "regel readme-voorbeeld fout {{ {scope} {eis} melding \"x\" }}\n"
        ));
        if errors.is_empty() {
            return Ok(());
        }
        all.extend(errors);
    }
    Err(all)
}

/// The backticked cells of a table under `heading`, column `col`.
fn table_cells(heading: &str, col: usize) -> Vec<String> {
    let readme = readme();
    readme
        .lines()
        .skip_while(|l| l.trim_start_matches('#').trim() != heading)
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split(" | ").nth(col).map(str::to_owned))
        .collect()
}

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn every_requirement_in_the_reference_has_an_example_that_loads() {
    let examples = table_cells("Eisen", 2);
    assert!(examples.len() >= 20, "{examples:?}");
    for cell in examples {
        for eis in backticked(&cell) {
            assert!(eis.starts_with("eis "), "an example of a requirement: {eis}");
            if let Err(e) = requirement_resolves(&eis) {
                panic!("`{eis}` from rules/README.md does not load: {e:?}");
            }
        }
    }
    let combined = blocks("text")
        .into_iter()
        .find(|(s, _)| s == "Combineren")
        .expect("the Combineren block")
        .1;
    for eis in combined.lines().filter(|l| !l.trim().is_empty()) {
        if let Err(e) = requirement_resolves(eis) {
            panic!("`{eis}` from rules/README.md does not load: {e:?}");
        }
    }
}

#[test]
fn every_scope_in_the_reference_loads() {
    let rows = table_cells("Bereik", 0);
    assert!(rows.len() >= 6, "{rows:?}");
    let subjects = table_cells("Bereik", 2);
    for (scope, subjects) in rows.iter().zip(&subjects).skip(1) {
        let scope = backticked(scope).remove(0);
        assert!(scope.starts_with("voor elk"), "{scope}");
        // The first subject the table names for this scope, with a requirement that always
        // makes sense for it.
        let subject = backticked(subjects).into_iter().next().unwrap_or_else(|| "id".into());
        let subject = if subject == "team" { "team".to_owned() } else { subject };
        let eis = if subject == "acties" {
            "eis acties >= 0".to_owned()
        } else if subject == "som" {
            "eis som inzet <= kaderbrief".to_owned()
        } else {
            format!("eis {subject} ingevuld")
        };
        let errors = load_with_bundled(&format!(
            "regel readme-voorbeeld fout {{ {scope} {eis} melding \"x\" }}\n"
        ));
        assert!(errors.is_empty(), "`{scope}` with `{eis}`: {errors:?}");
    }
}

#[test]
fn every_rule_example_in_the_reference_loads_and_passes_kader_test() {
    // The `regel` blocks with a real ID (not the schematic `regel ID ernst`), renamed so
    // they do not clash with the bundled rule of the same ID.
    let rules: Vec<String> = blocks("text")
        .into_iter()
        .map(|(_, b)| b)
        .filter(|b| b.starts_with("regel ") && !b.starts_with("regel ID"))
        .collect();
    assert!(!rules.is_empty());
    for (i, block) in rules.iter().enumerate() {
        let id = block.split_whitespace().nth(1).unwrap();
        let new_id = format!("readme-{i}");
        let renamed = block
            .replacen(id, &new_id, 1)
            .replace(&format!("verwacht: {id}"), &format!("verwacht: {new_id}"));
        let ((set, mut sources), errors) = load_set_with_bundled(&renamed);
        assert!(errors.is_empty(), "{block}\n{errors:?}");
        // Its examples do what they say (`kader test`).
        let set = set.unwrap();
        let (cases, problems) = kader::ruletest::collect(&set, Vec::new(), &mut sources);
        assert!(problems.is_empty(), "{block}\n{problems:#?}");
        let options = kader::Options {
            today: jiff::civil::date(2026, 8, 1),
            lang: kader::Lang::Nl,
        };
        let own: Vec<_> = cases.iter().filter(|c| c.name.starts_with(&new_id)).collect();
        assert_eq!(own.len(), block.matches("voorbeeld ").count(), "{block}");
        for case in own {
            let outcome = kader::ruletest::run(case, &set, &options);
            assert!(outcome.failures.is_empty(), "{}: {:#?}", case.name, outcome.failures);
        }
    }
}

#[test]
fn every_time_notation_in_the_reference_is_read() {
    let plan = kader::model::time::PlanPeriod {
        start: jiff::civil::date(2026, 1, 1),
        end: jiff::civil::date(2027, 12, 31),
    };
    let cells = table_cells("Tijd", 0);
    assert!(cells.len() >= 10, "{cells:?}");
    for cell in cells {
        for notation in backticked(&cell) {
            // `A – B` and the seasons without a year are patterns, not dates.
            let text = notation
                .replace("A ", "Q1 2026 ")
                .replace(" B", " Q4 2027")
                .replace("van A", "van Q1 2026");
            let text = match text.as_str() {
                "voorjaar" | "zomer" | "najaar" | "winter" => format!("{text} 2026"),
                _ => text,
            };
            let r = kader::draft::time::parse_timeline(&text, kader::source::Span::new(0, text.len()), plan);
            assert!(r.is_ok(), "`{notation}` (as `{text}`) from the Tijd table: {r:?}");
        }
    }
}

#[test]
fn every_draft_example_in_the_reference_is_a_valid_draft() {
    let mut sources = Sources::default();
    let (set, _) = load(kader::embedded::ENTRY, &Bundled, &mut sources);
    let set = set.unwrap();
    let examples = blocks("markdown");
    assert!(examples.len() >= 3, "{examples:?}");
    let options = kader::Options {
        today: kader::commands::today(),
        lang: kader::Lang::Nl,
    };
    for (section, text) in examples {
        let (_, diags) = kader::check_text(&set, "readme.md", &text, &options);
        // Snippets are not whole actions; but what they show must be read as meant.
        let problems: Vec<_> = diags
            .iter()
            .filter(|d| match d.rule.as_str() {
                "voorwerk" | "tijdpad-volgorde" | "waiver-reden" => true,
                // A snippet without a timeline is not about timelines.
                "actie-tijdpad" => text.contains("Tijdpad:"),
                _ => false,
            })
            .map(|d| d.message.clone())
            .collect();
        assert!(problems.is_empty(), "{section}: {text}\n{problems:?}");
        if text.contains("kader: negeer") {
            let id = sources.add(kader::source::SourceFile::new("w.md", text.as_str()));
            let (doc, _) = kader::draft::parse(id, &sources.get(id).text, &set);
            assert!(
                doc.waivers.iter().all(|w| w.rule.is_some() && w.reason.is_some()),
                "{section}: {text}"
            );
        }
    }
}
