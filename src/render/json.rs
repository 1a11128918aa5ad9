//! `--format json`: the wire structs of spec/json-output.md, version 1.
//!
//! These structs are the contract; the domain types never derive `Serialize`, so a
//! refactor cannot rename a key by accident.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::inputs::InputProblem;
use crate::source::{SourceId, Sources, Span};

use super::Summary;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    summary: JsonSummary,
    /// Only when a baseline was applied: how many findings it hid, how many it lists that
    /// are gone.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<JsonBaseline>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Inputs kader could not use (or skipped): an addition to version 1.
    problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    kind: &'static str,
    /// `error` (the run exits 2) or `warning` (skipped, the run goes on).
    severity: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonBaseline {
    suppressed: usize,
    fixed: usize,
}

/// `"tool": { "name": "kader", "version": ... }`, shared by every JSON output.
#[derive(Serialize)]
pub(crate) struct Tool {
    name: &'static str,
    version: &'static str,
}

impl Tool {
    pub(crate) fn kader() -> Self {
        Tool {
            name: "kader",
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    actions: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
    waived: usize,
    problems: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    file: Option<&'a str>,
    action: Option<&'a str>,
    range: Option<Range>,
    labels: Vec<JsonLabel<'a>>,
    help: Option<String>,
    waived: Option<Waived>,
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<&'a str>,
    /// A Word draft: the paragraph (1-based, as counted in the document; a table row's first)
    /// and the characters within its text. `range` is into the Markdown form kader read.
    #[serde(skip_serializing_if = "Option::is_none")]
    docx: Option<DocxPlace<'a>>,
}

#[derive(Serialize)]
struct DocxPlace<'a> {
    paragraph: u32,
    start: usize,
    end: usize,
    /// The heading the paragraph stands under.
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    range: Range,
}

#[derive(Serialize)]
struct Waived {
    reason: String,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
    offset: usize,
}

fn range(sources: &Sources, id: SourceId, span: Span) -> Range {
    let f = sources.get(id);
    let p = |o: usize| {
        let x = f.position(o);
        Pos {
            line: x.line,
            column: x.column,
            offset: x.offset,
        }
    };
    Range {
        start: p(span.start),
        end: p(span.end),
    }
}

pub fn render(
    diags: &[Diagnostic],
    problems: &[InputProblem],
    summary: Summary,
    sources: &Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    let output = Output {
        version: 1,
        tool: Tool::kader(),
        summary: JsonSummary {
            files: summary.files,
            actions: summary.actions,
            errors: summary.errors,
            warnings: summary.warnings,
            notes: summary.notes,
            waived: summary.waived,
            problems: problems.len(),
        },
        baseline: summary
            .baseline
            .map(|(suppressed, fixed)| JsonBaseline { suppressed, fixed }),
        diagnostics: diags
            .iter()
            .map(|d| JsonDiagnostic {
                rule: &d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                file: d.file.map(|f| sources.get(f).name.as_str()),
                action: d.action.as_deref(),
                range: d.primary.as_ref().map(|l| range(sources, l.source, l.span)),
                docx: d.primary.as_ref().and_then(|l| {
                    let f = sources.get(l.source);
                    f.paragraph_of(l.span).map(|(paragraph, start, end)| DocxPlace {
                        paragraph,
                        start,
                        end,
                        heading: f.heading_of(l.span),
                    })
                }),
                labels: d
                    .primary
                    .iter()
                    .chain(d.labels.iter())
                    .map(|l| JsonLabel {
                        message: &l.message,
                        file: (Some(l.source) != d.file).then(|| sources.get(l.source).name.as_str()),
                        range: range(sources, l.source, l.span),
                    })
                    .collect(),
                help: (!d.help.is_empty()).then(|| d.help.join("\n")),
                waived: d.waived.as_ref().map(|w| Waived {
                    reason: w.reason.clone(),
                    range: range(sources, w.source, w.span),
                }),
                node: d.node.as_deref(),
            })
            .collect(),
        problems: problems
            .iter()
            .map(|p| JsonProblem {
                file: &p.file,
                kind: p.kind.code(),
                severity: if p.warning { "warning" } else { "error" },
                message: &p.message,
                line: p.position.map(|(l, _)| l),
                column: p.position.map(|(_, c)| c),
                help: p.help.as_deref(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(io::Error::other)?;
    writeln!(out)
}
