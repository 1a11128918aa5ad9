//! `kader coverage`: the register trees with the actions that carry out each node, for a
//! reviewer to read (text) or a script to process (JSON).

use std::io::{self, Write};

use serde::Serialize;

use crate::check::coverage::RegisterCoverage;
use crate::lang::ruleset::RuleSet;
use crate::register::Register;

use super::Summary;
use super::json::Tool;
use crate::i18n::tr;

/// The tree as text: every node with the actions that link to it; nodes no action covers
/// are marked with ✗, and a count per level closes each register.
pub fn human(cov: &[RegisterCoverage], rules: &RuleSet, summary: Summary, out: &mut dyn Write) -> io::Result<()> {
    for (k, rc) in cov.iter().enumerate() {
        let reg = &rules.registers[rc.register];
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}",
            tr!(
                "coverage-heading",
                register = reg.title.as_str(),
                actions = tr!("summary-actions", count = summary.actions),
                files = tr!("summary-files", count = summary.files),
            )
        )?;
        writeln!(out)?;
        let roots: Vec<usize> = (0..reg.nodes.len())
            .filter(|&n| reg.nodes[n].parent.is_none())
            .collect();
        // Depth-first with an explicit stack: (node, prefix for its children, is last,
        // depth). The indentation stops growing at MAX_INDENT levels, so a register 50,000
        // levels deep is 50,000 lines, not gigabytes of indentation.
        const MAX_INDENT: usize = 32;
        let mut stack: Vec<(usize, String, bool, bool, usize)> = roots
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &n)| (n, String::new(), i == 0, true, 0))
            .collect();
        while let Some((n, prefix, last, root, depth)) = stack.pop() {
            let node = &reg.nodes[n];
            let c = &rc.nodes[n];
            if root && n != roots[0] {
                writeln!(out)?;
            }
            let branch = if root {
                ""
            } else if last {
                "└─ "
            } else {
                "├─ "
            };
            let mark = if c.all.is_empty() { "✗ " } else { "" };
            let who = describe(c, node.children.is_empty());
            writeln!(out, "{prefix}{branch}{mark}{}  {}{who}", node.id, node.title)?;
            let child_prefix = if root {
                String::new()
            } else if depth >= MAX_INDENT {
                prefix.clone()
            } else {
                format!("{prefix}{}", if last { "   " } else { "│  " })
            };
            for (i, &ch) in node.children.iter().rev().enumerate() {
                stack.push((ch, child_prefix.clone(), i == 0, false, depth + 1));
            }
        }
        writeln!(out)?;
        for (level, covered, total) in per_level(reg, rc) {
            let missing: Vec<&str> = reg
                .nodes
                .iter()
                .zip(&rc.nodes)
                .filter(|(n, c)| n.level == level && c.all.is_empty())
                .map(|(n, _)| n.id.as_str())
                .collect();
            let rest = if missing.is_empty() {
                String::new()
            } else {
                tr!("coverage-missing", nodes = missing.join(", "))
            };
            let counts = tr!("coverage-level", covered = covered, total = total);
            writeln!(out, "{level}: {counts}{rest}")?;
        }
    }
    Ok(())
}

fn describe(c: &crate::check::coverage::NodeCoverage, leaf: bool) -> String {
    if c.all.is_empty() {
        return format!("  — {}", tr!("coverage-no-action"));
    }
    let via: Vec<&str> = c
        .all
        .iter()
        .filter(|a| !c.direct.contains(a))
        .map(String::as_str)
        .collect();
    let mut parts = Vec::new();
    if !c.direct.is_empty() {
        parts.push(c.direct.join(", "));
    }
    if !via.is_empty() && !leaf {
        parts.push(tr!("coverage-via-children", actions = via.join(", ")));
    }
    format!("  — {}", parts.join("; "))
}

fn per_level<'a>(reg: &'a Register, rc: &RegisterCoverage) -> Vec<(&'a str, usize, usize)> {
    reg.levels
        .iter()
        .map(|level| {
            let of_level: Vec<usize> = (0..reg.nodes.len()).filter(|&n| reg.nodes[n].level == *level).collect();
            let covered = of_level.iter().filter(|&&n| !rc.nodes[n].all.is_empty()).count();
            (level.as_str(), covered, of_level.len())
        })
        .filter(|(_, _, total)| *total > 0)
        .collect()
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    summary: JsonSummary,
    registers: Vec<JsonRegister<'a>>,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    actions: usize,
}

#[derive(Serialize)]
struct JsonRegister<'a> {
    id: &'a str,
    title: &'a str,
    levels: Vec<JsonLevel<'a>>,
    nodes: Vec<JsonNode<'a>>,
}

#[derive(Serialize)]
struct JsonLevel<'a> {
    level: &'a str,
    covered: usize,
    total: usize,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    level: &'a str,
    title: &'a str,
    parent: Option<&'a str>,
    /// Actions that link to this node itself.
    actions: &'a [String],
    /// Actions that link to this node or to a node below it.
    covered_by: &'a [String],
    covered: bool,
}

pub fn json(cov: &[RegisterCoverage], rules: &RuleSet, summary: Summary, out: &mut dyn Write) -> io::Result<()> {
    let output = Output {
        version: 1,
        tool: Tool::kader(),
        summary: JsonSummary {
            files: summary.files,
            actions: summary.actions,
        },
        registers: cov
            .iter()
            .map(|rc| {
                let reg = &rules.registers[rc.register];
                JsonRegister {
                    id: &reg.id,
                    title: &reg.title,
                    levels: per_level(reg, rc)
                        .into_iter()
                        .map(|(level, covered, total)| JsonLevel { level, covered, total })
                        .collect(),
                    nodes: reg
                        .nodes
                        .iter()
                        .zip(&rc.nodes)
                        .map(|(n, c)| JsonNode {
                            id: &n.id,
                            level: &n.level,
                            title: &n.title,
                            parent: n.parent.map(|p| reg.nodes[p].id.as_str()),
                            actions: &c.direct,
                            covered_by: &c.all,
                            covered: !c.all.is_empty(),
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(io::Error::other)?;
    writeln!(out)
}
