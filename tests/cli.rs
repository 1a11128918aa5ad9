//! `kader check` end to end on the real binary: output, the JSON contract, exit codes and
//! input quirks.

mod common;

use std::process::{Command, Stdio};

use common::{TempDir, kader, kader_in};

const PLAN: &str = "fixtures/jaarplan-2026-2027";

#[test]
fn bundled_plan_human_output() {
    let run = kader(&["check", PLAN]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bundled_plan_json_output() {
    let run = kader(&["check", "--format", "json", PLAN]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

/// Line and character column of a byte offset, computed here independently of kader.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].trim_start_matches('\u{feff}').chars().count() + 1;
    (line as u64, col as u64)
}

#[test]
fn json_follows_the_contract() {
    let run = kader(&["check", "--format", "json", PLAN]);
    let json = run.json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "kader");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let s = &json["summary"];
    for key in ["files", "actions", "errors", "warnings", "notes", "waived"] {
        assert!(s[key].is_u64(), "summary.{key}");
    }
    assert_eq!((s["files"].as_u64(), s["actions"].as_u64()), (Some(4), Some(12)));
    let diags = json["diagnostics"].as_array().unwrap();
    let counted = |sev: &str| {
        diags
            .iter()
            .filter(|d| d["severity"] == sev && d["waived"].is_null())
            .count() as u64
    };
    let (errors, warnings) = (counted("error"), counted("warning"));
    assert_eq!(
        s["waived"].as_u64(),
        Some(diags.iter().filter(|d| !d["waived"].is_null()).count() as u64)
    );
    assert_eq!(s["waived"], 1, "the bundled plan waives one finding");
    assert_eq!(
        (s["errors"].as_u64(), s["warnings"].as_u64()),
        (Some(errors), Some(warnings))
    );

    let mut keys = Vec::new();
    let mut plan_level = 0;
    for d in diags {
        for key in [
            "rule", "severity", "message", "file", "action", "range", "labels", "help", "waived",
        ] {
            assert!(d.get(key).is_some(), "diagnostic lacks `{key}`: {d}");
        }
        assert!(["error", "warning", "note"].contains(&d["severity"].as_str().unwrap()));
        if d["file"].is_null() {
            // Plan-level: no place in a file; the register node is named.
            assert!(d["range"].is_null() && d["action"].is_null(), "{d}");
            assert!(
                d["message"].as_str().unwrap().contains(d["node"].as_str().unwrap()),
                "{d}"
            );
            plan_level += 1;
            continue;
        }
        let file = d["file"].as_str().unwrap();
        assert!(file.starts_with("fixtures/jaarplan-2026-2027/") && !file.contains('\\'));
        let text = std::fs::read_to_string(file).unwrap();
        for range in std::iter::once(&d["range"]).chain(
            d["labels"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|l| l.get("file").is_none())
                .map(|l| &l["range"]),
        ) {
            let (start, end) = (
                range["start"]["offset"].as_u64().unwrap() as usize,
                range["end"]["offset"].as_u64().unwrap() as usize,
            );
            assert!(start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end));
            assert_eq!(
                position(&text, start),
                (
                    range["start"]["line"].as_u64().unwrap(),
                    range["start"]["column"].as_u64().unwrap()
                ),
                "{d}"
            );
            assert_eq!(
                position(&text, end),
                (
                    range["end"]["line"].as_u64().unwrap(),
                    range["end"]["column"].as_u64().unwrap()
                ),
                "{d}"
            );
        }
        assert!(
            d["help"].as_str().is_some_and(|h| !h.is_empty()),
            "every finding shows a fix: {d}"
        );
        if !d["waived"].is_null() {
            let w = &d["waived"];
            assert!(w["reason"].as_str().is_some_and(|r| r.len() > 10), "{d}");
            let start = w["range"]["start"]["offset"].as_u64().unwrap() as usize;
            assert!(
                text[start..].starts_with("<!-- kader: negeer"),
                "the range is the waiver comment: {d}"
            );
        }
        let action = d["action"].as_str().unwrap();
        assert!(
            d["message"].as_str().unwrap().contains(action),
            "the message names the action: {d}"
        );
        keys.push((
            file.to_owned(),
            d["range"]["start"]["offset"].as_u64().unwrap(),
            d["rule"].as_str().unwrap().to_owned(),
        ));
    }
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted by file, offset, rule");
    assert_eq!(plan_level, 3, "three themes have no action");
    let last = diags.last().unwrap();
    assert!(last["file"].is_null(), "plan-level findings come after every file");
}

#[test]
fn the_first_occurrence_of_a_duplicate_id_is_a_label_in_the_other_file() {
    let json = kader(&["check", "--format", "json", PLAN]).json();
    let dup = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "actie-id-uniek")
        .unwrap()
        .clone();
    assert_eq!(dup["file"], "fixtures/jaarplan-2026-2027/team-wijk.md");
    let first = &dup["labels"][1];
    assert_eq!(first["file"], "fixtures/jaarplan-2026-2027/team-inwoner.md");
    assert_eq!(
        (
            first["range"]["start"]["line"].as_u64(),
            first["range"]["start"]["column"].as_u64()
        ),
        (Some(18), Some(3))
    );
}

#[test]
fn exit_codes() {
    assert_eq!(kader(&["check", "fixtures/clean"]).code, 0);
    assert_eq!(
        kader(&["check", "rules/tests/beleidslijn-niveau.md"]).code,
        0,
        "warnings alone pass"
    );
    assert_eq!(
        kader(&["check", "--deny-warnings", "rules/tests/beleidslijn-niveau.md"]).code,
        1
    );
    assert_eq!(kader(&["check", PLAN]).code, 1);
    assert_eq!(kader(&["check", "--rules", "bestaat-niet.kader", PLAN]).code, 2);
    assert_eq!(
        kader(&["check", "--format", "yaml", PLAN]).code,
        2,
        "a usage error is exit 2"
    );
}

#[test]
fn a_missing_path_is_exit_2_and_the_other_files_are_still_checked() {
    let run = kader(&["check", "bestaat-niet.md", "rules/tests/actie-eigenaar.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("fout: bestaat-niet.md: bestaat niet"),
        "{}",
        run.stdout
    );
    // In the report, before the summary, and counted in it.
    let lines: Vec<&str> = run.stdout.lines().collect();
    let problem = lines
        .iter()
        .position(|l| l.contains("bestaat-niet.md: bestaat niet"))
        .unwrap();
    let summary = lines.iter().position(|l| l.starts_with("1 bestand, ")).unwrap();
    assert!(problem < summary, "{}", run.stdout);
    assert!(lines[summary].ends_with(", 1 probleem"), "{}", lines[summary]);
    assert!(
        run.stdout.contains("Actie HA-11 'Zonder eigenaar' heeft geen eigenaar"),
        "{}",
        run.stdout
    );
}

#[test]
fn crlf_and_a_bom_do_not_shift_positions() {
    let dir = TempDir::new("crlf");
    let lf = std::fs::read_to_string("fixtures/jaarplan-2026-2027/team-praktijkondersteuning.md").unwrap();
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    std::fs::write(dir.path().join("lf.md"), &lf).unwrap();
    std::fs::write(dir.path().join("crlf.md"), &crlf).unwrap();
    let places = |name: &str| -> Vec<(String, u64, u64, u64, u64)> {
        let json = kader_in(dir.path(), &["check", "--format", "json", name]).json();
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| !d["range"].is_null())
            .map(|d| {
                let r = &d["range"];
                (
                    d["rule"].as_str().unwrap().to_owned(),
                    r["start"]["line"].as_u64().unwrap(),
                    r["start"]["column"].as_u64().unwrap(),
                    r["end"]["line"].as_u64().unwrap(),
                    r["end"]["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let (a, b) = (places("lf.md"), places("crlf.md"));
    assert!(a.len() >= 3, "{a:?}");
    assert_eq!(a, b);
    // The human output shows the same places.
    let human = kader_in(dir.path(), &["check", "crlf.md"]);
    assert!(human.stdout.contains("crlf.md:53:12"), "{}", human.stdout);
    assert!(!human.stdout.contains('\r'));
}

#[test]
fn a_bom_before_the_first_heading_keeps_it_a_heading() {
    let dir = TempDir::new("bom");
    std::fs::write(dir.path().join("a.md"), "\u{feff}### Actie HA-01: Zonder velden\n").unwrap();
    let json = kader_in(dir.path(), &["check", "--format", "json", "a.md"]).json();
    assert_eq!(json["summary"]["actions"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(
        (
            d["range"]["start"]["line"].as_u64(),
            d["range"]["start"]["column"].as_u64(),
            d["range"]["start"]["offset"].as_u64()
        ),
        (Some(1), Some(5), Some(7))
    );
}

#[test]
fn front_matter_errors_point_inside_the_front_matter() {
    let dir = TempDir::new("frontmatter");
    std::fs::write(
        dir.path().join("toml.md"),
        "+++\nteam = \"Wijk\"\nversie = 0.3.1\n+++\n\n# Plan\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("yaml.md"), "---\nteam: Wijk\n---\n\n# Plan\n").unwrap();
    let run = kader_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(run.code, 1);
    let json = run.json();
    // Coverage of the whole beleidsplan is a plan-level finding; here only the files matter.
    let diags: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["file"].is_null())
        .collect();
    assert_eq!(diags.len(), 2);
    let toml = diags[0];
    assert_eq!(
        (toml["file"].as_str(), toml["rule"].as_str()),
        (Some("toml.md"), Some("voorwerk"))
    );
    assert_eq!(
        toml["range"]["start"]["line"], 3,
        "the error is on the line of the bad value: {toml}"
    );
    let yaml = diags[1];
    assert_eq!(yaml["file"], "yaml.md");
    assert!(yaml["message"].as_str().unwrap().contains("TOML"), "{yaml}");
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_its_position() {
    let dir = TempDir::new("latin1");
    std::fs::write(dir.path().join("a-windows.md"), b"# Plan\n\nCaf\xe9 en co\n").unwrap();
    std::fs::write(dir.path().join("b.md"), "### Actie HA-01: Zonder velden\n").unwrap();
    let run = kader_in(dir.path(), &["check", "."]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("a-windows.md:3:4: is geen UTF-8"), "{}", run.stdout);
    assert!(run.stdout.contains("UTF-8"), "says how to fix it");
    assert!(
        run.stdout.contains("Actie HA-01 'Zonder velden' heeft geen eigenaar"),
        "the other file is checked: {}",
        run.stdout
    );
}

#[test]
fn checks_the_current_directory_by_default() {
    let dir = TempDir::new("default");
    std::fs::create_dir(dir.path().join("team")).unwrap();
    std::fs::write(dir.path().join("team/plan.md"), "### Actie HA-01: Zonder velden\n").unwrap();
    let run = kader_in(dir.path(), &["check"]);
    assert!(run.stdout.contains("team/plan.md:1:5"), "{}", run.stdout);
    assert!(run.stdout.contains("1 bestand, 1 actie: 6 fouten,"), "{}", run.stdout);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = kader(&["check", PLAN]);
    assert!(!plain.stdout.contains('\u{1b}'), "piped output has no escape codes");
    let out = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(["check", "--color", "always", PLAN])
        .env("KADER_TODAY", common::TODAY)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let coloured = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(coloured.contains("\u{1b}["), "--color always colours");
    // Piped output is rendered without colour rather than stripped afterwards: the text
    // must be the same.
    let stripped = regex::Regex::new("\u{1b}\\[[0-9;]*m")
        .unwrap()
        .replace_all(&coloured, "");
    assert_eq!(stripped, plain.stdout);
    let out = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(["check", PLAN])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "0")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn a_closed_pipe_stops_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(["check", PLAN, "rules/tests", "fixtures/clean"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101));
}
