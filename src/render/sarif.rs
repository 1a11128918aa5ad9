//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other tools.
//!
//! Own serde structs for the small subset kader writes; CI validates the output against the
//! official schema and with Microsoft's SARIF multitool. Columns are Unicode code points
//! (`columnKind`), file URIs are relative to `%SRCROOT%` (the repository root, see
//! `RepoPaths`), waived findings are suppressions, and problems with the input are
//! tool-execution notifications. Every result has a physical location, as GitHub code
//! scanning requires: a finding about the whole plan is placed at line 1 of kader.toml (or
//! of the plan's first draft) and names its register node as a logical location.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde::Serialize;

use super::RepoPaths;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::tr;
use crate::inputs::InputProblem;
use crate::lang::ruleset::RuleSet;
use crate::source::{SourceId, Sources};

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    /// False when a problem with the input made the run exit 2.
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Text,
    descriptor: Descriptor,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

#[derive(Serialize)]
struct Descriptor {
    id: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<RuleDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor<'a> {
    id: &'a str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    /// Where the requirement comes from (beleidsplan, kaderbrief, format).
    source: Option<&'a str>,
    enabled: bool,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    enabled: bool,
}

#[derive(Serialize, Clone)]
struct Text {
    text: String,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    help: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    name: String,
    fully_qualified_name: String,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
    /// A Word draft: the paragraph's text (its lines and columns are paragraphs and
    /// characters within them; byte offsets would be into the zip).
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Snippet>,
}

#[derive(Serialize)]
struct Snippet {
    text: String,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Percent-encode a relative path for a URI (RFC 3986 unreserved characters and `/` stay).
fn uri_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits: a small hash that is the same on every machine and release, unlike
/// the standard library's.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn artifact(uri: &str) -> ArtifactLocation {
    ArtifactLocation {
        uri: uri_encode(uri),
        uri_base_id: Some("SRCROOT"),
    }
}

fn physical(sources: &Sources, repo: &RepoPaths, label: &Label) -> PhysicalLocation {
    let f = sources.get(label.source);
    if let Some((paragraph, start, end)) = f.paragraph_of(label.span) {
        let text = f
            .paragraphs
            .iter()
            .flatten()
            .find(|p| p.number == paragraph)
            .and_then(|p| f.text.get(p.span.range()))
            .unwrap_or("")
            .to_owned();
        let line = paragraph as usize;
        return PhysicalLocation {
            artifact_location: artifact(repo.path(label.source)),
            region: Some(Region {
                start_line: line,
                start_column: start + 1,
                end_line: Some(line),
                end_column: Some(end + 1),
                byte_offset: None,
                byte_length: None,
                snippet: Some(Snippet { text }),
            }),
        };
    }
    let (s, e) = (f.position(label.span.start), f.position(label.span.end));
    PhysicalLocation {
        artifact_location: artifact(repo.path(label.source)),
        region: Some(Region {
            start_line: s.line,
            start_column: s.column,
            end_line: Some(e.line),
            end_column: Some(e.column),
            byte_offset: Some(label.span.start),
            byte_length: Some(label.span.len()),
            snippet: None,
        }),
    }
}

/// Line 1 of a file: where a finding about the whole plan is placed.
fn first_line(repo: &RepoPaths, id: SourceId) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: artifact(repo.path(id)),
        region: Some(Region {
            start_line: 1,
            start_column: 1,
            end_line: Some(1),
            end_column: Some(1),
            byte_offset: Some(0),
            byte_length: Some(0),
            snippet: None,
        }),
    }
}

/// The problems with the input itself that are reported as findings.
fn input_rules() -> [(&'static str, String, String, String); 1] {
    [(
        "voorwerk",
        tr!("sarif-front-matter-title"),
        tr!("sarif-front-matter-description"),
        tr!("sarif-front-matter-help"),
    )]
}

pub fn render(
    diags: &[Diagnostic],
    problems: &[InputProblem],
    rules: &RuleSet,
    sources: &Sources,
    repo: &RepoPaths,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut descriptors: Vec<RuleDescriptor<'_>> = rules
        .rules
        .iter()
        .map(|r| RuleDescriptor {
            id: &r.id,
            short_description: Text {
                text: r.title_for_reader().to_owned(),
            },
            full_description: Text {
                text: r.description_for_reader().unwrap_or(r.title_for_reader()).to_owned(),
            },
            help: Text {
                text: r.help_for_reader().unwrap_or(r.message_for_reader()).to_owned(),
            },
            default_configuration: Configuration {
                level: level(r.severity),
                enabled: r.enabled,
            },
            properties: RuleProperties {
                source: r.source.as_deref(),
                enabled: r.enabled,
            },
        })
        .collect();
    for (id, short, full, help) in input_rules() {
        descriptors.push(RuleDescriptor {
            id,
            short_description: Text { text: short },
            full_description: Text { text: full },
            help: Text { text: help },
            default_configuration: Configuration {
                level: "error",
                enabled: true,
            },
            properties: RuleProperties {
                source: Some("kader"),
                enabled: true,
            },
        });
    }
    let index: HashMap<&str, usize> = descriptors.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    // Findings of the same rule in the same action are told apart by their order.
    let mut seen: HashMap<(Option<SourceId>, String, String), usize> = HashMap::new();
    let results = diags
        .iter()
        .map(|d| {
            // Repository-relative, so a finding keeps its fingerprint from any folder.
            let file = d.file.map(|f| repo.path(f).to_owned()).unwrap_or_default();
            let owner = d.action.clone().or_else(|| d.node.clone()).unwrap_or_default();
            let n = seen.entry((d.file, owner.clone(), d.rule.clone())).or_insert(0);
            *n += 1;
            let fp = fingerprint(&[&file, &owner, &d.rule, &n.to_string()]);
            let locations = match &d.primary {
                Some(p) => vec![Location {
                    id: None,
                    physical_location: Some(physical(sources, repo, p)),
                    logical_locations: Vec::new(),
                    message: None,
                }],
                None => vec![Location {
                    id: None,
                    physical_location: repo.anchor.map(|a| first_line(repo, a)),
                    logical_locations: d
                        .node
                        .iter()
                        .map(|node| LogicalLocation {
                            name: node.clone(),
                            fully_qualified_name: node.clone(),
                            kind: "module",
                        })
                        .collect(),
                    message: None,
                }],
            };
            SarifResult {
                rule_id: d.rule.clone(),
                rule_index: index.get(d.rule.as_str()).copied(),
                level: level(d.severity),
                message: Text {
                    text: d.message.clone(),
                },
                locations,
                related_locations: d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| Location {
                        id: Some(i + 1),
                        physical_location: Some(physical(sources, repo, l)),
                        logical_locations: Vec::new(),
                        message: Some(Text {
                            text: l.message.clone(),
                        }),
                    })
                    .collect(),
                partial_fingerprints: BTreeMap::from([("kaderFinding/v1", fp)]),
                suppressions: d
                    .waived
                    .iter()
                    .map(|w| Suppression {
                        kind: "inSource",
                        justification: w.reason.clone(),
                    })
                    .collect(),
                properties: ResultProperties {
                    action: d.action.clone(),
                    node: d.node.clone(),
                    help: d.help.clone(),
                },
            }
        })
        .collect();
    let notifications = problems
        .iter()
        .map(|p| Notification {
            level: if p.warning { "warning" } else { "error" },
            message: Text {
                text: format!("{}: {}", repo.relative(&p.file), p.message),
            },
            descriptor: Descriptor { id: p.kind.code() },
            locations: vec![Location {
                id: None,
                physical_location: Some(PhysicalLocation {
                    artifact_location: artifact(&repo.relative(&p.file)),
                    region: p.position.map(|(line, column)| Region {
                        start_line: line,
                        start_column: column,
                        end_line: None,
                        end_column: None,
                        byte_offset: None,
                        byte_length: None,
                        snippet: None,
                    }),
                }),
                logical_locations: Vec::new(),
                message: None,
            }],
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "kader",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: descriptors,
                },
            },
            invocations: vec![Invocation {
                execution_successful: problems.iter().all(|p| p.warning),
                tool_execution_notifications: notifications,
            }],
            original_uri_base_ids: BTreeMap::from([(
                "SRCROOT",
                ArtifactLocation {
                    uri: repo.root_uri(),
                    uri_base_id: None,
                },
            )]),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
    writeln!(out)
}
