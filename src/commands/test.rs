//! `kader test [RULES...]`: run the examples and test cases of each rule set.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, ExitStatus, setup};
use crate::diagnostic::Diagnostic;
use crate::embedded;
use crate::i18n::{self, tr};
use crate::origin::{Disk, Input, InputKind, Origin};
use crate::render;
use crate::ruletest;

pub fn run(paths: &[PathBuf], ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let targets: Vec<Option<&PathBuf>> = if paths.is_empty() {
        vec![None]
    } else {
        paths.iter().map(Some).collect()
    };
    let mut status = ExitStatus::Success;
    for target in targets {
        let Some(setup) = setup(ctx, target, stderr) else {
            return ExitStatus::Error;
        };
        let options = ctx.options(&setup);
        let failed = i18n::with_lang(setup.lang, || {
            let mut sources = setup.sources.clone();
            let rule_file = target.cloned().or_else(|| setup.config.rules.clone());
            let (files, unreadable) = case_files(rule_file.as_deref(), &Disk);
            let (cases, mut failures) = ruletest::collect(&setup.rules, files, &mut sources);
            failures.extend(unreadable);
            let mut failed_cases = 0;
            for case in &cases {
                let outcome = ruletest::run(case, &setup.rules, &options);
                if !outcome.failures.is_empty() {
                    failed_cases += 1;
                }
                failures.extend(outcome.failures);
            }
            let uncovered = ruletest::coverage(&setup.rules, &cases);
            let _ = render::human::render_all(&failures, &sources, stdout);
            let _ = render::human::render_all(&uncovered, &sources, stdout);
            let name = rule_file.map_or_else(|| embedded::ENTRY.to_owned(), |p| p.display().to_string());
            let _ = writeln!(
                stdout,
                "{}",
                tr!(
                    "test-summary",
                    rules = name,
                    cases = cases.len(),
                    passed = cases.len() - failed_cases,
                    failed = failed_cases,
                    uncovered = uncovered.len()
                )
            );
            !failures.is_empty()
        });
        if failed {
            status = ExitStatus::Failure;
        }
    }
    status
}

/// The test cases beside a rule file on disk: `tests/*.md` in its folder, sorted by name. A
/// file that cannot be read is a problem of `kader test`.
fn case_files(rule_file: Option<&Path>, origin: &dyn Origin) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let Some(dir) = rule_file.and_then(Path::parent).map(|d| d.join("tests")) else {
        return (inputs, problems);
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for path in files {
        let name = path.to_string_lossy().replace('\\', "/");
        match origin.read(&path, InputKind::TestCase) {
            Ok(bytes) => inputs.push(Input::new(name, bytes, InputKind::TestCase)),
            Err(e) => problems.push(ruletest::unreadable(&name, &e)),
        }
    }
    (inputs, problems)
}
