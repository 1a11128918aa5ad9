//! What plan-wide requirements need to know about all files together: every action by ID,
//! the dependency cycles of each actions field, and which actions cover each register node.
//!
//! Built once per run, after every file was parsed, in file order, so "first occurrence"
//! and "the action that reports a cycle" do not depend on anything but the input.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::diagnostic::Label;
use crate::i18n::tr;
use crate::lang::ruleset::{FieldKind, RuleSet};
use crate::model::{Action, Document};
use crate::source::{SourceId, Span};

/// A dependency cycle, reported once, by its first action in plan order.
#[derive(Debug, Clone)]
pub struct Cycle {
    /// The IDs around the cycle, the first repeated at the end.
    pub ids: Vec<String>,
    pub reporter: (SourceId, Span),
    /// The reporter's link to the next action.
    pub first_link: Span,
    /// The other links around the cycle, as labels.
    pub others: Vec<Label>,
}

pub struct PlanIndex<'a> {
    /// Every action ID (upper case) → its first occurrence.
    actions: HashMap<String, (SourceId, &'a Action)>,
    /// IDs in plan order, for suggestions.
    ids: Vec<String>,
    /// The same IDs in upper case, and their first occurrences, in the same order.
    upper: Vec<String>,
    first: Vec<(SourceId, &'a Action)>,
    /// Per actions field: its cycles.
    cycles: HashMap<usize, Vec<Cycle>>,
    /// Per register: per node, the IDs of the actions that link to it or to a node below.
    coverage: HashMap<usize, Vec<Vec<String>>>,
}

impl<'a> PlanIndex<'a> {
    pub fn build(docs: &'a [Document], rules: &RuleSet) -> Self {
        let mut actions = HashMap::new();
        let (mut ids, mut upper, mut first) = (Vec::new(), Vec::new(), Vec::new());
        for doc in docs {
            for a in &doc.actions {
                let key = a.id.value.to_uppercase();
                if let std::collections::hash_map::Entry::Vacant(e) = actions.entry(key.clone()) {
                    e.insert((doc.source, a));
                    ids.push(a.id.value.clone());
                    upper.push(key);
                    first.push((doc.source, a));
                }
            }
        }
        let mut index = PlanIndex {
            actions,
            ids,
            upper,
            first,
            cycles: HashMap::new(),
            coverage: HashMap::new(),
        };
        // Cycles and coverage are independent of each other: built side by side. One file
        // (a pre-commit hook) does not start the thread pool.
        let parallel = docs.len() > 1;
        // A cycle's labels are words: the worker speaks the language of the check.
        let lang = crate::i18n::current();
        let cycles = || {
            crate::i18n::with_lang(lang, || {
                rules
                    .fields
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.kind == FieldKind::Actions)
                    .map(|(def, _)| (def, index.find_cycles(def)))
                    .collect()
            })
        };
        let coverage = || {
            let per_register = |r: usize| (r, coverage(docs, rules, r));
            if parallel {
                (0..rules.registers.len()).into_par_iter().map(per_register).collect()
            } else {
                (0..rules.registers.len()).map(per_register).collect()
            }
        };
        let (cycles, coverage) = if parallel {
            rayon::join(cycles, coverage)
        } else {
            (cycles(), coverage())
        };
        index.cycles = cycles;
        index.coverage = coverage;
        index
    }

    pub fn action(&self, id: &str) -> Option<(SourceId, &'a Action)> {
        self.actions.get(&id.to_uppercase()).copied()
    }

    /// Action IDs within two edits of `id`.
    pub fn similar_ids(&self, id: &str) -> Vec<&str> {
        let up = id.to_uppercase();
        let scored: Vec<(usize, &str)> = self
            .upper
            .iter()
            .zip(&self.ids)
            .map(|(u, i)| (strsim::damerau_levenshtein(&up, u), i.as_str()))
            .filter(|(d, _)| *d <= 2)
            .collect();
        let best = scored.iter().map(|(d, _)| *d).min();
        scored
            .into_iter()
            .filter(|(d, _)| Some(*d) == best)
            .map(|(_, i)| i)
            .take(3)
            .collect()
    }

    pub fn cycles_reported_by(&self, def: usize, source: SourceId, action: &Action) -> impl Iterator<Item = &Cycle> {
        self.cycles
            .get(&def)
            .into_iter()
            .flatten()
            .filter(move |c| c.reporter == (source, action.span))
    }

    /// The actions that cover a node (directly or through a node below it).
    pub fn coverage(&self, register: usize, node: usize) -> &[String] {
        self.coverage
            .get(&register)
            .and_then(|c| c.get(node))
            .map_or(&[], Vec::as_slice)
    }

    /// Tarjan's strongly connected components, iteratively (no recursion on input depth).
    fn find_cycles(&self, def: usize) -> Vec<Cycle> {
        let n = self.ids.len();
        let pos: HashMap<&str, usize> = self.upper.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        let node = |i: usize| self.first[i];
        // Edges with the span of the link that makes them.
        let edges: Vec<Vec<(usize, Span)>> = (0..n)
            .map(|i| {
                node(i)
                    .1
                    .field(def)
                    .map(|f| {
                        f.links
                            .iter()
                            .filter_map(|l| pos.get(l.id.value.to_uppercase().as_str()).map(|&j| (j, l.id.span)))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let mut index = vec![usize::MAX; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut sccs: Vec<Vec<usize>> = Vec::new();
        let mut counter = 0;
        for root in 0..n {
            if index[root] != usize::MAX {
                continue;
            }
            let mut work: Vec<(usize, usize)> = vec![(root, 0)];
            while let Some(&mut (v, ref mut next)) = work.last_mut() {
                if *next == 0 && index[v] == usize::MAX {
                    index[v] = counter;
                    low[v] = counter;
                    counter += 1;
                    stack.push(v);
                    on_stack[v] = true;
                }
                if let Some(&(w, _)) = edges[v].get(*next) {
                    *next += 1;
                    if index[w] == usize::MAX {
                        work.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                    continue;
                }
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut scc = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        scc.push(w);
                        if w == v {
                            break;
                        }
                    }
                    sccs.push(scc);
                }
            }
        }
        let mut cycles = Vec::new();
        for scc in sccs {
            let members: HashSet<usize> = scc.iter().copied().collect();
            let start = *scc.iter().min().expect("non-empty");
            let self_loop = edges[start].iter().any(|(w, _)| *w == start);
            if scc.len() == 1 && !self_loop {
                continue;
            }
            // The shortest way around from `start` back to it, inside the component.
            let path = if self_loop {
                vec![start, start]
            } else {
                shortest_cycle(start, &edges, &members)
            };
            let link = |from: usize, to: usize| {
                edges[from]
                    .iter()
                    .find(|(w, _)| *w == to)
                    .map(|(_, s)| *s)
                    .expect("edge")
            };
            let (src, reporter) = node(start);
            let others = path
                .windows(2)
                .skip(1)
                .map(|w| {
                    let (src, _) = node(w[0]);
                    Label::new(
                        src,
                        link(w[0], w[1]),
                        tr!(
                            "plan-waits-for",
                            action = self.ids[w[0]].as_str(),
                            other = self.ids[w[1]].as_str()
                        ),
                    )
                })
                .collect();
            cycles.push(Cycle {
                ids: path.iter().map(|&i| self.ids[i].clone()).collect(),
                reporter: (src, reporter.span),
                first_link: link(path[0], path[1]),
                others,
            });
        }
        cycles
    }
}

fn shortest_cycle(start: usize, edges: &[Vec<(usize, Span)>], members: &HashSet<usize>) -> Vec<usize> {
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &(w, _) in &edges[v] {
            if !members.contains(&w) {
                continue;
            }
            if w == start {
                // Walk back from v to start, then read it forwards and close the cycle.
                let mut walk = vec![v];
                let mut at = v;
                while at != start {
                    at = parent[&at];
                    walk.push(at);
                }
                walk.reverse();
                walk.push(start);
                return walk;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(w) {
                e.insert(v);
                queue.push_back(w);
            }
        }
    }
    vec![start, start]
}

fn coverage(docs: &[Document], rules: &RuleSet, register: usize) -> Vec<Vec<String>> {
    let reg = &rules.registers[register];
    let mut out: Vec<Vec<String>> = vec![Vec::new(); reg.nodes.len()];
    let link_fields: Vec<usize> = rules
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == FieldKind::Links(register))
        .map(|(i, _)| i)
        .collect();
    for doc in docs {
        for a in &doc.actions {
            for &def in &link_fields {
                let Some(f) = a.field(def) else { continue };
                for link in &f.links {
                    let Some(node) = reg.get(&link.id.value) else { continue };
                    let mut at = reg.nodes.iter().position(|n| std::ptr::eq(n, node));
                    while let Some(i) = at {
                        // Actions are visited one by one, so a repeat can only be the last entry; a
                        // `contains` here made coverage quadratic in the number of actions.
                        if out[i].last() != Some(&a.id.value) {
                            out[i].push(a.id.value.clone());
                        }
                        at = reg.nodes[i].parent;
                    }
                }
            }
        }
    }
    out
}
