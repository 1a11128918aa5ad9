//! rules/README.md stays true: its rule table is the bundled rule set, every keyword of the
//! language is documented, and its code examples load.

use kader::lang::keywords::KEYWORDS;
use kader::lang::{Origin, load};
use kader::source::Sources;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/README.md")).unwrap()
}

#[test]
fn the_rule_table_is_the_bundled_rule_set() {
    let mut sources = Sources::default();
    let (set, _) = load(kader::embedded::ENTRY, Origin::Bundled, &mut sources);
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
    let (set, diags) = load(&path.to_string_lossy(), Origin::Disk, &mut sources);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(set.unwrap().rules[0].id, "actie-eigenaar");
}
