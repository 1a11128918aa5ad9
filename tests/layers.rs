//! The house has floors (ARCHITECTURE.md): a module may use only the modules below it. This
//! test reads every `crate::` path in `src/` and fails on one that runs up the pipeline, and
//! on a module that has no place in the table yet.

use std::collections::BTreeSet;
use std::path::Path;

/// Every top-level module, bottom up. A module may use the modules before it in this list.
const FLOORS: &[(&str, &[&str])] = &[
    (
        "1 ground",
        &["source", "text", "i18n", "diagnostic", "embedded", "model", "origin"],
    ),
    (
        "2 reading",
        &["register", "kaderbrief", "lang", "draft", "config", "inputs"],
    ),
    ("3 checking", &["check", "baseline", "engine", "fix", "ruletest"]),
    ("4 rendering", &["render"]),
    ("5 commands", &["cli", "lsp", "commands", "fuzzing"]),
];

/// `lib.rs` is the table of contents (it names every module) and `main.rs` the top floor.
const ABOVE_ALL: &[&str] = &["lib.rs", "main.rs"];

fn rank(module: &str) -> Option<usize> {
    FLOORS
        .iter()
        .flat_map(|(_, modules)| modules.iter())
        .position(|m| *m == module)
}

/// The top-level modules a piece of Rust source names with `crate::` (in `use` lines, grouped
/// `use crate::{a, b::c}` forms and paths in code), comments left out.
fn used_modules(source: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in source.lines() {
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `use crate::{a::b, c}`: every first name at the top level of the group.
                let body = group.split('}').next().unwrap_or("");
                let mut depth = 0;
                let mut start = true;
                let mut name = String::new();
                for c in body.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            start = true;
                            continue;
                        }
                        _ => {}
                    }
                    if start && depth == 0 {
                        if c.is_ascii_alphanumeric() || c == '_' {
                            name.push(c);
                            continue;
                        } else if !name.is_empty() {
                            used.insert(std::mem::take(&mut name));
                            start = false;
                        }
                    }
                }
                if !name.is_empty() {
                    used.insert(name);
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                // `$crate::i18n` in a macro counts too; `crate::` alone (a visibility) does not.
                if !name.is_empty() {
                    used.insert(name);
                }
            }
            rest = &rest[i + "crate::".len()..];
        }
    }
    used
}

/// Every `(file, its module, a module it uses that is not below it)`.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        let module = path.split('/').next().unwrap_or("").trim_end_matches(".rs").to_owned();
        let Some(own) = rank(&module) else {
            found.push(format!("{path}: module `{module}` has no floor in tests/layers.rs"));
            continue;
        };
        for used in used_modules(text) {
            if used == module {
                continue;
            }
            match rank(&used) {
                Some(r) if r < own => {}
                Some(_) => found.push(format!("{path}: `{module}` uses `{used}`, which is not below it")),
                None => found.push(format!("{path}: uses `crate::{used}`, which has no floor")),
            }
        }
    }
    found
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("src/ can be read");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if ABOVE_ALL.contains(&rel.as_str()) {
            continue;
        }
        files.push((rel, std::fs::read_to_string(path).expect("a source file is UTF-8")));
    }
    files
}

#[test]
fn no_module_uses_one_above_it() {
    let files = sources();
    assert!(files.len() > 40, "src/ was read: {} files", files.len());
    let found = violations(&files);
    assert!(
        found.is_empty(),
        "imports that run up the pipeline:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_module_has_a_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(root.join("lib.rs")).expect("lib.rs");
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    assert!(declared.len() > 15, "{declared:?}");
    for m in declared {
        assert!(rank(m).is_some(), "`{m}` is declared in lib.rs but has no floor here");
    }
}

#[test]
fn the_check_sees_an_import_that_runs_up() {
    let files = vec![
        (
            "render/json.rs".to_owned(),
            "use crate::{diagnostic::Diagnostic, commands::ExitStatus};\n".to_owned(),
        ),
        (
            "check/eval.rs".to_owned(),
            "    let x = crate::engine::check_text;\n".to_owned(),
        ),
        (
            "model/mod.rs".to_owned(),
            "// crate::draft in a comment is no import\n".to_owned(),
        ),
        ("source.rs".to_owned(), "pub(crate) fn f() {}\n".to_owned()),
        ("newthing.rs".to_owned(), String::new()),
    ];
    assert_eq!(
        violations(&files),
        [
            "render/json.rs: `render` uses `commands`, which is not below it",
            "check/eval.rs: `check` uses `engine`, which is not below it",
            "newthing.rs: module `newthing` has no floor in tests/layers.rs",
        ]
    );
}
