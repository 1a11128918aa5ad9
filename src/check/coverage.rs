//! Which actions carry out which part of each register: the data behind `kader coverage`.

use crate::lang::ruleset::{FieldKind, RuleSet};
use crate::model::Document;

use super::PlanIndex;

/// One register node with the actions that link to it.
#[derive(Debug, Clone)]
pub struct NodeCoverage {
    /// Actions that link to this node itself.
    pub direct: Vec<String>,
    /// Actions that link to this node or to a node below it.
    pub all: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct RegisterCoverage {
    /// Index into `RuleSet::registers`.
    pub register: usize,
    pub nodes: Vec<NodeCoverage>,
}

/// Coverage of every register that a field of the rule set links to.
pub fn coverage(docs: &[Document], rules: &RuleSet) -> Vec<RegisterCoverage> {
    let index = PlanIndex::build(docs, rules);
    let mut out = Vec::new();
    for (r, reg) in rules.registers.iter().enumerate() {
        let fields: Vec<usize> = rules
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == FieldKind::Links(r))
            .map(|(i, _)| i)
            .collect();
        if fields.is_empty() {
            continue;
        }
        let mut nodes: Vec<NodeCoverage> = (0..reg.nodes.len())
            .map(|n| NodeCoverage {
                direct: Vec::new(),
                all: index.coverage(r, n).to_vec(),
            })
            .collect();
        for doc in docs {
            for a in &doc.actions {
                for &f in &fields {
                    for link in a.field(f).map_or(&[][..], |x| x.links.as_slice()) {
                        let Some(node) = reg.get(&link.id.value) else { continue };
                        let n = reg
                            .nodes
                            .iter()
                            .position(|x| std::ptr::eq(x, node))
                            .expect("node of this register");
                        // One action at a time: a repeat can only be the last entry.
                        if nodes[n].direct.last() != Some(&a.id.value) {
                            nodes[n].direct.push(a.id.value.clone());
                        }
                    }
                }
            }
        }
        out.push(RegisterCoverage { register: r, nodes });
    }
    out
}
