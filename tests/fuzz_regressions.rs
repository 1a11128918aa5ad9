//! Every input a fuzzer ever crashed on (fuzz/regressions/<target>/) is replayed on every CI
//! run, together with the fixtures as ordinary inputs. A panic fails the test.

use std::path::Path;

fn files(dir: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let inputs = files(&format!("fuzz/regressions/{target}"));
    for path in &inputs {
        let data = std::fs::read(path).unwrap();
        run(&data);
    }
    inputs.len()
}

#[test]
fn the_regression_corpus_passes() {
    let total = replay("rule_parser", kader::fuzzing::rule_parser)
        + replay("draft", kader::fuzzing::draft)
        + replay("time", kader::fuzzing::time)
        + replay("check", kader::fuzzing::check)
        + replay("register", kader::fuzzing::register)
        + replay("config", kader::fuzzing::config)
        + replay("docx", kader::fuzzing::docx);
    assert!(total > 0, "the regression corpus is not empty");
}

#[test]
fn the_fixtures_pass_every_target() {
    let mut drafts = files("rules/tests");
    drafts.extend(files("fixtures/jaarplan-2026-2027"));
    drafts.extend(files("fixtures/clean"));
    assert!(drafts.len() > 20);
    for p in &drafts {
        let data = std::fs::read(p).unwrap();
        kader::fuzzing::draft(&data);
        kader::fuzzing::check(&data);
    }
    for p in files("fixtures/rule-files/invalid")
        .iter()
        .chain(&files("fixtures/rule-files/valid"))
    {
        kader::fuzzing::rule_parser(&std::fs::read(p).unwrap());
    }
    kader::fuzzing::rule_parser(include_bytes!("../rules/jaarplan-2026-2027.kader"));
    for p in files("rules").iter().chain(&files("fixtures/registers/invalid")) {
        if p.extension().is_some_and(|e| e == "toml") {
            kader::fuzzing::register(&std::fs::read(p).unwrap());
        }
    }
    kader::fuzzing::config(include_bytes!("../templates/kader.toml"));
    for t in [
        "Q1 2026 – Q4 2027",
        "vanaf najaar 2026",
        "1/7/2026",
        "winter 2027",
        "Q3/Q4 2026",
    ] {
        kader::fuzzing::time(t.as_bytes());
    }
}
