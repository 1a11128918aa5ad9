//! `kader test`: rule files carry their own examples, and kader checks them.
//!
//! Owns: finding the test cases of a rule set, reading their expectations, running them and
//! reporting every difference as a diagnostic that points into the case.
//! Must not: know any rule; what a case expects is written in the case.
//!
//! A case is a small draft. Expected findings are marked on the line where they must start
//! with an HTML comment, `<!-- verwacht: actie-eigenaar -->` (several IDs separated by
//! commas; `expect:` in English). Markers are blanked out (same length, so every position
//! stays where it was) before the case is checked. Cases come from two places:
//!
//! - the `voorbeeld goed` and `voorbeeld fout` blocks of each rule (only that rule's
//!   findings count; a `fout` example must carry a marker);
//! - every `*.md` file in the folder `tests/` beside the rule file (the rules named in its
//!   markers count; a case without markers expects no finding at all).
//!
//! A finding without a place (a register node nobody covers) matches a marker of its rule
//! on any line.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::engine::{Options, check_text};
use crate::i18n::tr;
use crate::lang::ruleset::{Example, Rule, RuleSet};
use crate::origin::{Input, describe_io_error, not_utf8};
use crate::source::{SourceFile, SourceId, Sources, Span};

/// The ID of a failed test case in reports.
pub const TEST_FAILURE: &str = "kader-test";
/// The ID of a rule without a passing or failing example.
pub const TEST_COVERAGE: &str = "kader-test-dekking";

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<!--\s*(?:verwacht|expect)\s*:\s*(?P<rules>[^>]*?)\s*-->").expect("valid"));

/// One expected finding: the rule, and the marker that says so.
#[derive(Debug, Clone)]
struct Expected {
    rule: String,
    /// The marker in the case text.
    marker: Span,
    line: usize,
}

/// Where a case's text comes from, for reports.
#[derive(Debug, Clone)]
enum Origin {
    /// A file of its own: positions are the file's.
    File(SourceId),
    /// A `voorbeeld` block: the rule file, and where each line of the case starts in it.
    Inline { file: SourceId, line_starts: Vec<usize> },
}

/// A test case, ready to run.
pub struct Case {
    /// How reports name the case.
    pub name: String,
    text: String,
    expected: Vec<Expected>,
    /// Only findings of these rules count; `None`: every finding counts.
    only: Option<BTreeSet<String>>,
    origin: Origin,
    /// For coverage: the rule this example belongs to and whether it should pass.
    example_of: Option<(String, bool)>,
}

/// A case's text without its markers, for showing a voorbeeld to a reader.
pub fn without_markers(text: &str) -> String {
    let blanked = MARKER.replace_all(text, "");
    let lines: Vec<&str> = blanked.lines().map(str::trim_end).collect();
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The markers of a text, and the text with each marker replaced by spaces.
fn read_markers(text: &str) -> (String, Vec<Expected>) {
    let mut blanked = text.to_owned();
    let mut expected = Vec::new();
    for c in MARKER.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let line = text[..whole.start()].matches('\n').count() + 1;
        // `actie-iep, placeholder` or `beleid-dekking ×10` (also `x10`).
        for item in c["rules"].split(',').map(str::trim).filter(|r| !r.is_empty()) {
            let mut words = item.split_whitespace();
            let rule = words.next().unwrap_or_default();
            let times = words
                .next()
                .and_then(|w| w.trim_start_matches(['×', 'x']).parse::<usize>().ok())
                .unwrap_or(1);
            for _ in 0..times.min(1000) {
                expected.push(Expected {
                    rule: rule.to_owned(),
                    marker: Span::new(whole.start(), whole.end()),
                    line,
                });
            }
        }
        blanked.replace_range(whole.range(), &" ".repeat(whole.len()));
    }
    (blanked, expected)
}

/// Where each line of a dedented `voorbeeld` starts in the rule file.
fn inline_line_starts(rule_text: &str, ex: &Example) -> Vec<usize> {
    let span = ex.span;
    let Some(raw) = rule_text.get(span.start..span.end) else {
        return Vec::new();
    };
    let Some(body) = raw.strip_prefix("\"\"\"").and_then(|b| b.strip_suffix("\"\"\"")) else {
        // A one-line string: the case is the string's content.
        return vec![span.start + 1];
    };
    let mut offset = span.start + 3;
    let body = match body.strip_prefix('\n') {
        Some(b) => {
            offset += 1;
            b
        }
        None => body,
    };
    let dedented: Vec<&str> = ex.text.lines().collect();
    let mut starts = Vec::new();
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let content = dedented.get(i).copied().unwrap_or("");
        let bare = line.trim_end_matches(['\n', '\r']);
        // The dedented line is the end of the source line; blank lines start where they are.
        let shift = if content.is_empty() {
            0
        } else {
            bare.len().saturating_sub(content.len())
        };
        starts.push(offset + shift);
        offset += line.len();
    }
    starts
}

/// The cases of a rule set: its `voorbeeld` blocks, and the test-case `files` (`tests/*.md`
/// beside the rule file, read by the caller).
pub fn collect(set: &RuleSet, files: Vec<Input>, sources: &mut Sources) -> (Vec<Case>, Vec<Diagnostic>) {
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for rule in &set.rules {
        let rule_text = sources.get(rule.file).text.clone();
        for (good, examples) in [(true, &rule.examples_good), (false, &rule.examples_bad)] {
            for (n, ex) in examples.iter().enumerate() {
                let (text, expected) = read_markers(&ex.text);
                let name = if good {
                    tr!("test-case-good", rule = rule.id.as_str(), n = n + 1)
                } else {
                    tr!("test-case-bad", rule = rule.id.as_str(), n = n + 1)
                };
                let case = Case {
                    name,
                    text,
                    expected,
                    only: Some(BTreeSet::from([rule.id.clone()])),
                    origin: Origin::Inline {
                        file: rule.file,
                        line_starts: inline_line_starts(&rule_text, ex),
                    },
                    example_of: Some((rule.id.clone(), good)),
                };
                if !good && case.expected.is_empty() {
                    problems.push(
                        Diagnostic::new(
                            TEST_FAILURE,
                            Severity::Error,
                            tr!("test-example-without-marker", rule = rule.id.as_str()),
                        )
                        .with_primary(Label::new(rule.file, ex.span, tr!("test-example-without-marker-label")))
                        .with_help(tr!("test-example-without-marker-help", rule = rule.id.as_str())),
                    );
                }
                cases.push(case);
            }
        }
    }
    for input in files {
        let name = input.name.clone();
        let original = match String::from_utf8(input.bytes) {
            Ok(t) => t,
            Err(_) => {
                problems.push(unreadable(&name, &not_utf8()));
                continue;
            }
        };
        let (text, expected) = read_markers(&original);
        let only = (!expected.is_empty()).then(|| expected.iter().map(|e| e.rule.clone()).collect());
        let file = sources.add(SourceFile::new(name.clone(), original));
        cases.push(Case {
            name,
            text,
            expected,
            only,
            origin: Origin::File(file),
            example_of: None,
        });
    }
    (cases, problems)
}

/// A test case that could not be read.
pub fn unreadable(name: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        TEST_FAILURE,
        Severity::Error,
        tr!("test-case-unreadable", path = name, reason = describe_io_error(e)),
    )
}

/// A position in the case → the same position where the case is written.
fn place(origin: &Origin, case_text: &str, span: Span) -> (SourceId, Span) {
    match origin {
        Origin::File(f) => (*f, span),
        Origin::Inline { file, line_starts } => {
            let map = |o: usize| {
                let line = case_text[..o.min(case_text.len())].matches('\n').count();
                let line_start = case_text[..o.min(case_text.len())].rfind('\n').map_or(0, |i| i + 1);
                line_starts.get(line).map_or(0, |s| s + (o - line_start))
            };
            (*file, Span::new(map(span.start), map(span.end.max(span.start))))
        }
    }
}

/// The outcome of one case.
pub struct Outcome {
    pub failures: Vec<Diagnostic>,
}

/// Run one case: check its text and compare the findings with the markers.
pub fn run(case: &Case, set: &RuleSet, options: &Options) -> Outcome {
    let (_, found) = check_text(set, &case.name, &case.text, options);
    let counts = |rule: &str| case.only.as_ref().is_none_or(|o| o.contains(rule));
    let found: Vec<Diagnostic> = found
        .into_iter()
        .filter(|d| d.waived.is_none() && counts(&d.rule))
        .collect();
    let line_of = |d: &Diagnostic| {
        d.primary
            .as_ref()
            .map(|p| case.text[..p.span.start.min(case.text.len())].matches('\n').count() + 1)
    };
    let mut open: Vec<&Expected> = case.expected.iter().collect();
    let mut unexpected: Vec<&Diagnostic> = Vec::new();
    for d in &found {
        let line = line_of(d);
        let hit = open
            .iter()
            .position(|e| e.rule == d.rule && line.is_none_or(|l| l == e.line));
        match hit {
            Some(i) => {
                open.remove(i);
            }
            None => unexpected.push(d),
        }
    }
    let mut failures = Vec::new();
    for e in open {
        let (file, at) = place(&case.origin, &case.text, e.marker);
        // The same rule fired, but on another line: one failure that shows both.
        if let Some(i) = unexpected.iter().position(|d| d.rule == e.rule) {
            let d = unexpected.remove(i);
            let p = d.primary.as_ref().expect("a finding with a line");
            let (ffile, fat) = place(&case.origin, &case.text, p.span);
            failures.push(
                Diagnostic::new(
                    TEST_FAILURE,
                    Severity::Error,
                    tr!(
                        "test-other-line",
                        case = case.name.as_str(),
                        rule = e.rule.as_str(),
                        expected = e.line,
                        found = line_of(d).unwrap_or(0)
                    ),
                )
                .with_primary(Label::new(file, at, tr!("test-expected-here", rule = e.rule.as_str())))
                .with_label(Label::new(
                    ffile,
                    fat,
                    tr!("test-found-here", message = d.message.as_str()),
                )),
            );
            continue;
        }
        let known = set.rule(&e.rule).is_some();
        let mut diag = Diagnostic::new(
            TEST_FAILURE,
            Severity::Error,
            tr!("test-missing", case = case.name.as_str(), rule = e.rule.as_str()),
        )
        .with_primary(Label::new(file, at, tr!("test-expected-here", rule = e.rule.as_str())));
        if !known {
            diag = diag.with_help(tr!("test-unknown-rule", rule = e.rule.as_str()));
        }
        failures.push(diag);
    }
    for d in unexpected {
        let mut diag = Diagnostic::new(
            TEST_FAILURE,
            Severity::Error,
            tr!(
                "test-unexpected",
                case = case.name.as_str(),
                rule = d.rule.as_str(),
                message = d.message.as_str()
            ),
        );
        diag = match &d.primary {
            Some(p) => {
                let (file, at) = place(&case.origin, &case.text, p.span);
                diag.with_primary(Label::new(file, at, p.message.clone()))
            }
            None => match &case.origin {
                Origin::File(f) | Origin::Inline { file: f, .. } => diag.in_file(*f),
            },
        };
        failures.push(diag.with_help(tr!("test-unexpected-help", rule = d.rule.as_str())));
    }
    Outcome { failures }
}

/// Rules without a passing or without a failing example.
pub fn coverage(set: &RuleSet, cases: &[Case]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in set.rules.iter().filter(|r| r.enabled) {
        let passing = cases
            .iter()
            .any(|c| c.example_of.as_ref().is_some_and(|(r, good)| *r == rule.id && *good));
        let failing = cases.iter().any(|c| c.expected.iter().any(|e| e.rule == rule.id));
        for (present, id) in [
            (passing, "test-no-passing-example"),
            (failing, "test-no-failing-example"),
        ] {
            if !present {
                out.push(uncovered(rule, id));
            }
        }
    }
    out
}

fn uncovered(rule: &Rule, which: &str) -> Diagnostic {
    let message = if which == "test-no-passing-example" {
        tr!("test-no-passing-example", rule = rule.id.as_str())
    } else {
        tr!("test-no-failing-example", rule = rule.id.as_str())
    };
    Diagnostic::new(TEST_COVERAGE, Severity::Warning, message)
        .with_primary(Label::new(rule.file, rule.span, tr!("test-uncovered-label")))
        .with_help(tr!("test-uncovered-help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_blanked_in_place() {
        let text = "a\n- **IEP:** kort <!-- verwacht: actie-iep, placeholder ×2 -->\nb\n";
        let (blanked, expected) = read_markers(text);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked.lines().nth(1).unwrap().trim_end(), "- **IEP:** kort");
        let rules: Vec<_> = expected.iter().map(|e| (e.rule.as_str(), e.line)).collect();
        assert_eq!(rules, [("actie-iep", 2), ("placeholder", 2), ("placeholder", 2)]);
    }

    #[test]
    fn without_markers_drops_them_for_readers() {
        assert_eq!(without_markers("x <!-- expect: r -->\ny\n"), "x\ny\n");
    }
}
