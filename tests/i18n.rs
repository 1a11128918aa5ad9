//! Every message exists in Dutch and English, with the same arguments; every message the
//! code asks for is in the catalogues and every catalogue entry is asked for; the bundled
//! rules have an English text for every Dutch one; `--lang en` and `taal = "en"` switch the
//! whole report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use regex::Regex;

/// Message ID → the variables its text uses, read from a `.ftl` file: a message starts at
/// `id =` in the first column and continues on indented lines.
fn catalogue(path: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let start = Regex::new(r"^([a-z][a-z0-9_-]*) =").unwrap();
    let var = Regex::new(r"\$([a-z_]+)").unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(c) = start.captures(line) {
            let id = c[1].to_owned();
            assert!(
                out.insert(id.clone(), BTreeSet::new()).is_none(),
                "{path}: `{id}` twice"
            );
            current = Some(id);
        } else if !line.starts_with([' ', '}']) {
            current = None;
            continue;
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).unwrap();
            vars.extend(var.captures_iter(line).map(|c| c[1].to_owned()));
        }
    }
    out
}

#[test]
fn both_catalogues_parse_without_errors() {
    for path in ["locales/nl.ftl", "locales/en.ftl"] {
        let text = std::fs::read_to_string(path).unwrap();
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text) {
            panic!("{path}: {errors:?}");
        }
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let nl = catalogue("locales/nl.ftl");
    let en = catalogue("locales/en.ftl");
    assert!(nl.len() > 200, "the Dutch catalogue was read: {} messages", nl.len());
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    assert!(only_nl.is_empty(), "only in Dutch: {only_nl:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    for (id, vars) in &nl {
        assert_eq!(vars, &en[id], "`{id}` uses other arguments in English");
    }
}

/// The Rust files under `src/`, with their text.
fn sources() -> Vec<(String, String)> {
    walkdir::WalkDir::new("src")
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The body of each `tr!(...)` in `text`: the ID and the argument names at the top level.
fn tr_calls(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut calls = Vec::new();
    let name = Regex::new(r"^\s*([a-z_]+)\s*=[^=]").unwrap();
    for (start, _) in text.match_indices("tr!(") {
        // `tr!(`, not `include_str!(`.
        if text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        // Examples in comments are not calls.
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..start].trim_start().starts_with("//") {
            continue;
        }
        let body = &text[start + 4..];
        let Some(rest) = body.trim_start().strip_prefix('"') else {
            continue; // the macro definition itself
        };
        let id: String = rest.chars().take_while(|c| *c != '"').collect();
        // Split at top-level commas until the closing parenthesis.
        let (mut depth, mut in_str, mut escaped) = (0i32, false, false);
        let mut parts = vec![String::new()];
        for c in body.chars() {
            if in_str {
                parts.last_mut().unwrap().push(c);
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => in_str = false,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' => in_str = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(String::new());
                    continue;
                }
                _ => {}
            }
            parts.last_mut().unwrap().push(c);
        }
        let args = parts[1..]
            .iter()
            .filter_map(|p| name.captures(p).map(|c| c[1].to_owned()))
            .collect();
        calls.push((id, args));
    }
    calls
}

#[test]
fn every_message_the_code_asks_for_exists_with_its_arguments() {
    let nl = catalogue("locales/nl.ftl");
    let mut asked = 0;
    for (path, text) in sources() {
        for (id, args) in tr_calls(&text) {
            asked += 1;
            let Some(vars) = nl.get(&id) else {
                panic!("{path}: tr!(\"{id}\") is not in the catalogues");
            };
            assert_eq!(
                &args, vars,
                "{path}: tr!(\"{id}\") passes other arguments than the message uses"
            );
        }
    }
    assert!(asked > 150, "the tr! calls were found: {asked}");
}

#[test]
fn every_catalogue_message_is_used() {
    let nl = catalogue("locales/nl.ftl");
    let all: String = sources().into_iter().map(|(_, t)| t).collect();
    // Messages are named by a string literal: in tr!, or as the ID handed to a function
    // that looks it up only when needed (the rule parser's "expected ...").
    // Command-line help is looked up by the command's and option's names (see below).
    let unused: Vec<_> = nl
        .keys()
        .filter(|id| *id != "cli" && !id.starts_with("cli-"))
        .filter(|id| !all.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "in the catalogue but never used: {unused:?}");
}

/// The catalogue keys of every command and option: `cli-<command>[-<sub>]`, `…--<option>`.
fn cli_keys(cmd: &clap::Command, key: &str, out: &mut BTreeSet<String>) {
    out.insert(key.to_owned());
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        // kader's own --help and --version: one text for every command.
        if id != "help" && id != "version" {
            out.insert(format!("{key}--{id}"));
        }
    }
    for c in cmd.get_subcommands() {
        let sub = if key == "cli" {
            format!("cli-{}", c.get_name())
        } else {
            format!("{key}-{}", c.get_name())
        };
        cli_keys(c, &sub, out);
    }
}

#[test]
fn every_command_and_option_has_help_in_both_languages() {
    let cmd = <kader::cli::Cli as clap::CommandFactory>::command();
    let mut keys = BTreeSet::new();
    cli_keys(&cmd, "cli", &mut keys);
    keys.insert("cli-exit-codes".to_owned());
    keys.insert("cli--help".to_owned());
    keys.insert("cli--version".to_owned());
    let nl = catalogue("locales/nl.ftl");
    // Value names (`<BESTAND>`) are looked up by name: each one the command uses has a
    // text in both languages (checked below), and no other.
    let in_catalogue: BTreeSet<String> = nl
        .keys()
        .filter(|k| *k == "cli" || k.starts_with("cli-"))
        .filter(|k| !k.starts_with("cli-value-"))
        .cloned()
        .collect();
    let missing: Vec<_> = keys.difference(&in_catalogue).collect();
    let stale: Vec<_> = in_catalogue.difference(&keys).collect();
    assert!(missing.is_empty(), "commands or options without help text: {missing:?}");
    assert!(
        stale.is_empty(),
        "help texts for commands or options that do not exist: {stale:?}"
    );
    // And --help really speaks the language asked for.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (en, _) = kader(&["--lang", "en", "check", "--help"], root);
    assert!(en.contains("Let warnings fail the check too"), "{en}");
    let (nl_help, _) = kader(&["check", "--help"], root);
    assert!(
        nl_help.contains("Laat ook waarschuwingen de controle doen mislukken"),
        "{nl_help}"
    );
}

/// clap's own words, which must not reach a Dutch reader.
const CLAP_WORDS: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "Print version",
    "[default:",
    "possible values",
    "Possible values",
    "[OPTIONS]",
    "error:",
    "unrecognized",
    "tip:",
    "For more information",
];

#[test]
fn help_and_usage_errors_are_dutch_from_top_to_bottom() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kader"))
            .args(args)
            .current_dir(root)
            .output()
            .unwrap()
    };
    let mut shown = Vec::new();
    for args in [
        &["--help"][..],
        &["-h"],
        &["check", "--help"],
        &["help", "check"],
        &["explain", "--help"],
        &["hook", "--help"],
        &["hook", "install", "--help"],
        &["completions", "--help"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        shown.push((args, String::from_utf8(out.stdout).unwrap()));
    }
    // (arguments, does clap give a usage line, what the reader sees)
    for (args, usage, expect) in [
        (&["chek"][..], true, "bedoelde je `check`?"),
        (
            &["check", "--format", "xml"],
            false,
            "ongeldige waarde `xml` voor `--format <VORM>`",
        ),
        (&["check", "--frmat", "json"], true, "bedoelde je `--format`?"),
        (&["check", "--watch", "--staged"], true, "gaat niet samen met"),
        (&["completions"], true, "ontbreekt"),
        (&["--jobs", "veel", "rules"], false, "geen geldige waarde"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expect), "{args:?}: {err}");
        assert_eq!(err.contains("Gebruik: kader"), usage, "{args:?}: {err}");
        assert!(err.starts_with("fout: "), "{args:?}: {err}");
        shown.push((args, err));
    }
    for (args, text) in &shown {
        for word in CLAP_WORDS {
            assert!(!text.contains(word), "{args:?} shows clap's `{word}`:\n{text}");
        }
    }
    let help = &shown[2].1;
    for word in [
        "Gebruik: kader check [OPTIES] [PADEN]...",
        "Argumenten:",
        "Opties:",
        "[standaard: human]",
    ] {
        assert!(help.contains(word), "{word}: {help}");
    }
    // In English, English.
    let out = run(&["--lang", "en", "check", "--format", "xml"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("invalid value `xml` for `--format <FORMAT>`"), "{err}");
}

#[test]
fn every_bundled_rule_speaks_both_languages() {
    let setup =
        kader::Setup::load(&kader::Disk, None, None, None).unwrap_or_else(|e| panic!("{}", e.diagnostics.len()));
    let set = &*setup.rules;
    for r in &set.rules {
        let e = &r.english;
        let pairs = [
            ("titel", r.title.is_some(), e.title.is_some()),
            ("melding", true, e.message.is_some()),
            ("hulp", r.help.is_some(), e.help.is_some()),
            ("beschrijving", r.description.is_some(), e.description.is_some()),
        ];
        for (what, nl, en) in pairs {
            assert_eq!(nl, en, "rule {}: `{what}` exists in one language only", r.id);
        }
    }
}

fn kader(args: &[&str], dir: &Path) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("KADER_TODAY", "2026-08-01")
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_bundled_plan_in_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (out, _) = kader(&["check", "--lang", "en", "fixtures/jaarplan-2026-2027"], root);
    insta::assert_snapshot!("check_bundled_plan_en", out);
    // Words that only the Dutch catalogue uses must not leak into an English report.
    for dutch in [
        " fout:",
        "waarschuwing:",
        "= hulp:",
        "= noot:",
        "bedoelde je",
        "woorden",
        "Genegeerd",
    ] {
        assert!(!out.contains(dutch), "Dutch `{dutch}` in the English report");
    }
}

#[test]
fn taal_in_kader_toml_chooses_english_and_the_flag_wins() {
    let dir = tempfile_dir();
    std::fs::write(dir.join("kader.toml"), "taal = \"en\"\n").unwrap();
    std::fs::write(
        dir.join("leeg.md"),
        "# Jaarplan\n\n### Actie X-01: Iets\n\n- **Eigenaar:** Piet\n",
    )
    .unwrap();
    let (en, _) = kader(&["check", "leeg.md"], &dir);
    assert!(en.contains("1 file, 1 action:"), "{en}");
    assert!(en.contains("] error: "), "{en}");
    let (nl, _) = kader(&["check", "--lang", "nl", "leeg.md"], &dir);
    assert!(nl.contains("1 bestand, 1 actie:"), "{nl}");
    assert!(nl.contains("] fout: "), "{nl}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_kader_toml_is_reported_in_the_language_of_the_flag() {
    let dir = tempfile_dir();
    std::fs::write(dir.join("kader.toml"), "taal = \"fr\"\n").unwrap();
    let (_, err) = kader(&["--lang", "en", "check"], &dir);
    assert!(err.contains("unknown language `fr`"), "{err}");
    assert!(err.contains("kader.toml has errors; nothing was checked"), "{err}");
}

/// A fresh directory outside the repository (so no kader.toml above it is found).
fn tempfile_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "kader-i18n-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
