//! `--format junit`: the plan as a test run. One testsuite per draft, one testcase per
//! action; errors are failures, warnings and waived findings are written to the testcase's
//! output so dashboards stay green exactly when `kader check` exits 0. Plan-level findings
//! form a testsuite of their own, and so do problems with the input: each is an `<error>`
//! (a skipped link is written to the output only), so a dashboard is red when the run could
//! not check everything.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::inputs::InputProblem;
use crate::model::Document;
use crate::source::Sources;
use crate::text::visible;

use super::escape_markup as xml;
use crate::i18n::tr;

struct Case<'a> {
    name: String,
    findings: Vec<&'a Diagnostic>,
}

fn describe(d: &Diagnostic, sources: &Sources) -> String {
    let place = d.primary.as_ref().map(|p| {
        let f = sources.get(p.source);
        let pos = f.position(p.span.start);
        format!("{}:{}:{}: ", visible(&f.name), pos.line, pos.column)
    });
    let mut text = format!(
        "{}{} [{}]: {}",
        place.unwrap_or_default(),
        d.severity.word(),
        d.rule,
        visible(&d.message)
    );
    if let Some(w) = &d.waived {
        text.push_str(&format!(" ({}: {})", tr!("human-waived"), w.reason));
    }
    for h in &d.help {
        text.push_str(&format!("\n  {}: {h}", tr!("human-help")));
    }
    text
}

fn suite(out: &mut Vec<u8>, name: &str, cases: &[Case<'_>], sources: &Sources) -> io::Result<()> {
    let failing = |c: &Case<'_>| {
        c.findings
            .iter()
            .any(|d| d.severity == Severity::Error && d.waived.is_none())
    };
    let failures = cases.iter().filter(|c| failing(c)).count();
    writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(name),
        cases.len()
    )?;
    for c in cases {
        write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\"",
            xml(&c.name),
            xml(name)
        )?;
        if c.findings.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        for d in c
            .findings
            .iter()
            .filter(|d| d.severity == Severity::Error && d.waived.is_none())
        {
            writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                xml(&d.rule),
                xml(&visible(&d.message)),
                xml(&describe(d, sources))
            )?;
        }
        let other: Vec<String> = c
            .findings
            .iter()
            .filter(|d| d.severity != Severity::Error || d.waived.is_some())
            .map(|d| describe(d, sources))
            .collect();
        if !other.is_empty() {
            writeln!(out, "      <system-out>{}</system-out>", xml(&other.join("\n")))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")
}

pub fn render(
    diags: &[Diagnostic],
    problems: &[InputProblem],
    docs: &[Document],
    reports: &[Document],
    sources: &Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The totals come first in the file but are known only after the suites.
    let mut body = Vec::new();
    let mut tests = 0;
    // Progress reports are suites too: their entries are the cases.
    let mut docs_sorted: Vec<&Document> = docs.iter().chain(reports).collect();
    docs_sorted.sort_by_key(|d| sources.get(d.source).name.clone());
    for doc in docs_sorted {
        // A name never carries a line break into the XML (CI systems print these lines).
        let name = &visible(&sources.get(doc.source).name).into_owned();
        let mut by_action: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
        let mut file_level = Vec::new();
        for d in diags.iter().filter(|d| d.file == Some(doc.source)) {
            match &d.action {
                Some(a) if doc.actions.iter().any(|x| &x.id.value == a) => {
                    by_action.entry(a.clone()).or_default().push(d);
                }
                _ => file_level.push(d),
            }
        }
        let mut cases: Vec<Case<'_>> = Vec::new();
        for a in &doc.actions {
            let title = a.title.as_ref().map(|t| format!(" {}", t.value)).unwrap_or_default();
            // A duplicate ID gets its findings once, at its first testcase.
            let findings = by_action.remove(&a.id.value).unwrap_or_default();
            cases.push(Case {
                name: visible(&format!("{}{title}", a.id.value)).into_owned(),
                findings,
            });
        }
        if !file_level.is_empty() || cases.is_empty() {
            cases.push(Case {
                name: tr!("junit-file-case"),
                findings: file_level,
            });
        }
        tests += cases.len();
        suite(&mut body, name, &cases, sources)?;
    }
    let plan: Vec<&Diagnostic> = diags.iter().filter(|d| d.file.is_none()).collect();
    if !plan.is_empty() {
        let cases: Vec<Case<'_>> = plan
            .iter()
            .map(|d| Case {
                name: format!("{} {}", d.rule, d.node.clone().unwrap_or_default()),
                findings: vec![d],
            })
            .collect();
        tests += cases.len();
        suite(&mut body, "plan", &cases, sources)?;
    }
    let errors = problems.iter().filter(|p| !p.warning).count();
    if !problems.is_empty() {
        let name = tr!("junit-problems-suite");
        writeln!(
            body,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"0\" errors=\"{errors}\" skipped=\"0\">",
            xml(&name),
            problems.len()
        )?;
        for p in problems {
            let mut text = format!("{}: {}", visible(&p.place()), visible(&p.message));
            if let Some(h) = &p.help {
                text.push_str(&format!("\n  {}: {h}", tr!("human-help")));
            }
            write!(
                body,
                "    <testcase name=\"{}\" classname=\"{}\">",
                xml(&visible(&p.place())),
                xml(&name)
            )?;
            if p.warning {
                write!(body, "<system-out>{}</system-out>", xml(&text))?;
            } else {
                write!(
                    body,
                    "<error type=\"{}\" message=\"{}\">{}</error>",
                    p.kind.code(),
                    xml(&p.message),
                    xml(&text)
                )?;
            }
            writeln!(body, "</testcase>")?;
        }
        writeln!(body, "  </testsuite>")?;
        tests += problems.len();
    }
    let failures = diags
        .iter()
        .filter(|d| d.severity == Severity::Error && d.waived.is_none())
        .count();
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    let errors_attr = if errors > 0 {
        format!(" errors=\"{errors}\"")
    } else {
        String::new()
    };
    writeln!(
        out,
        "<testsuites name=\"kader\" tests=\"{tests}\" failures=\"{failures}\"{errors_attr}>"
    )?;
    out.write_all(&body)?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn escapes_and_strips_what_xml_forbids() {
        assert_eq!(xml("a<b & \"c\"\u{0}\u{1b}d\te"), "a&lt;b &amp; &quot;c&quot;d\te");
    }
}
