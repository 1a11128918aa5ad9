//! `RuleSet` × drafts → diagnostics.
//!
//! Owns: iterating each rule's scope, calling the requirement evaluator, and turning
//! failures into diagnostics by filling the rule's message and help templates.
//! Per-file rules run in [`check_document`] (independent per file, so files can be checked
//! in parallel); rules that need the whole plan (`uniek`) run in [`check_plan`] after.
//! Must not: know any rule by ID: everything rule-specific comes from the rule file.

pub mod budget;
pub mod coverage;
mod eval;
mod plan;
pub mod progress;

pub use eval::{find_placeholders, is_placeholder, word_count};
pub use plan::PlanIndex;

use std::collections::HashSet;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Label, Waived};
use crate::lang::ruleset::{Rule, RuleSet, Scope};
use crate::model::Document;
use crate::source::{SourceId, Span};
use crate::text::short;

pub use self::eval::field_word;
use self::eval::{Eval, Failure, Item, UniqueIndex};
use crate::i18n::tr;

/// Does a rule look at this kind of document? Rules about waivers look at drafts and
/// reports; the progress rules at reports only; every other rule at drafts only.
fn looks_at(rule: &Rule, report: bool) -> bool {
    match rule.scope {
        Scope::Waiver => true,
        ref s if report => *s == Scope::Entry,
        ref s => !s.is_progress(),
    }
}

/// The rules that look at one file at a time.
pub fn check_document(doc: &Document, rules: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let report = doc.is_report();
    for rule in rules
        .rules
        .iter()
        .filter(|r| r.enabled && !r.plan_wide && !r.after_waivers && looks_at(r, report))
    {
        let mut ev = Eval::new(rules, doc.source);
        ev.report = report.then_some(doc);
        run_rule(&mut ev, rule, doc, &mut out);
    }
    out
}

/// The rules that need every file of the plan, in the order the files were given.
pub fn check_plan(docs: &[Document], rules: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let index = PlanIndex::build(docs, rules);
    let mut budget: Option<budget::Budget<'_>> = None;
    for rule in rules
        .rules
        .iter()
        .filter(|r| r.enabled && r.plan_wide && !r.after_waivers && !r.scope.is_progress())
    {
        let plan_ev = || Eval {
            plan: Some(&index),
            ..Eval::new(rules, crate::source::SourceId(u32::MAX))
        };
        match &rule.scope {
            Scope::Node { register, level } => {
                let reg = &rules.registers[*register];
                let nodes = reg
                    .nodes
                    .iter()
                    .enumerate()
                    .filter(|&(i, n)| n.level == *level && rules.covers(*register, i))
                    .map(|(i, n)| (Item::Node(*register, i), n.id.as_str(), n.title.as_str()));
                run_nodes(&mut plan_ev(), rule, nodes, &mut out);
                continue;
            }
            Scope::Priority => {
                // Like the register's nodes: only those under `dekking` of kader.toml.
                let nodes = rules
                    .priorities
                    .iter()
                    .enumerate()
                    .filter(|&(_, &(r, n))| rules.covers(r, n))
                    .map(|(p, &(r, n))| {
                        let node = rules.registers[r].node(n);
                        (Item::Priority(p), node.id.as_str(), node.title.as_str())
                    });
                run_nodes(&mut plan_ev(), rule, nodes, &mut out);
                continue;
            }
            Scope::Total { by } => {
                let budget = budget.get_or_insert_with(|| budget::Budget::build(docs, rules));
                run_totals(rules, &index, rule, budget, by, &mut out);
                continue;
            }
            _ => {}
        }
        if rule.expr.asks_unique() {
            // One `uniek` index across all files of the plan, filled in file order.
            let mut unique = UniqueIndex::new();
            for doc in docs {
                let mut ev = Eval {
                    plan: Some(&index),
                    unique,
                    ..Eval::new(rules, doc.source)
                };
                run_rule(&mut ev, rule, doc, &mut out);
                unique = ev.unique;
            }
            continue;
        }
        // The files read only the index: checked in parallel, collected in file order.
        let per_doc = |doc: &Document| {
            let mut ev = Eval {
                plan: Some(&index),
                ..Eval::new(rules, doc.source)
            };
            let mut found = Vec::new();
            run_rule(&mut ev, rule, doc, &mut found);
            found
        };
        let found: Vec<Vec<Diagnostic>> = if docs.len() > 1 {
            // The workers speak the language of the check.
            let lang = crate::i18n::current();
            docs.par_iter()
                .map(|doc| crate::i18n::with_lang(lang, || per_doc(doc)))
                .collect()
        } else {
            docs.iter().map(per_doc).collect()
        };
        out.extend(found.into_iter().flatten());
    }
    out
}

fn run_rule<'a>(ev: &mut Eval<'a>, rule: &Rule, doc: &'a Document, out: &mut Vec<Diagnostic>) {
    let items: Vec<Item<'a>> = match rule.scope {
        Scope::Action => doc.actions.iter().map(Item::Action).collect(),
        Scope::Heading => doc.headings.iter().map(Item::Heading).collect(),
        Scope::Field => doc
            .actions
            .iter()
            .flat_map(|a| a.fields.iter().map(move |f| Item::Field(a, f)))
            .collect(),
        Scope::Name => doc
            .actions
            .iter()
            .flat_map(|a| {
                a.fields
                    .iter()
                    .map(move |f| Item::Name(a, &f.name, true))
                    .chain(a.labels.iter().map(move |l| Item::Name(a, l, false)))
            })
            .collect(),
        Scope::Document => vec![Item::Document(doc)],
        Scope::Waiver => doc.waivers.iter().map(Item::Waiver).collect(),
        Scope::Entry => doc.actions.iter().map(Item::Action).collect(),
        Scope::Node { .. } | Scope::Total { .. } | Scope::Priority | Scope::Started | Scope::Milestone => Vec::new(),
    };
    for item in items {
        if let Some(with) = &rule.with
            && !ev.filled(with, item)
        {
            continue;
        }
        if let Err(failures) = ev.eval(&rule.expr, item) {
            for f in failures {
                out.push(emit(ev.rules, rule, doc, item, f));
            }
        }
    }
}

fn emit(rules: &RuleSet, rule: &Rule, doc: &Document, item: Item<'_>, mut f: Failure) -> Diagnostic {
    let (action, title, heading) = match item {
        Item::Action(a) | Item::Field(a, _) | Item::Name(a, _, _) => (
            Some(a.id.value.as_str()),
            a.title.as_ref().map(|t| t.value.as_str()),
            None,
        ),
        Item::Heading(h) => (
            h.id.as_ref().map(|i| i.value.as_str()),
            h.title.as_ref().map(|t| t.value.as_str()),
            Some(h.text.value.as_str()),
        ),
        Item::Waiver(w) => (w.action.as_ref().map(|(id, _)| id.as_str()), None, None),
        Item::Document(_) | Item::Node(..) | Item::Group(_) | Item::Priority(_) => (None, None, None),
        Item::Started(_) | Item::Milestone(_) => (None, None, None),
    };
    let field = f.field.or(match item {
        Item::Field(_, fl) => Some(fl.def),
        _ => None,
    });
    let mut extra = std::mem::take(&mut f.extra);
    if let (Some(_), Item::Action(entry)) = (&doc.report, item) {
        extra.extend(progress_vars(rules, doc, Some(entry)));
    }
    let vars = Vars {
        action: action.unwrap_or(""),
        title: title.unwrap_or(""),
        field: field.map(|d| field_word(rules, d)).unwrap_or_default(),
        value: f.value.as_deref().map(display_value).unwrap_or_default(),
        heading: heading.map(display_value).unwrap_or_default(),
        rule: &rule.id,
        node: "",
        node_title: "",
        extra: &extra,
    };
    let mut d = Diagnostic::new(rule.id.clone(), rule.severity, vars.fill(rule.message_for_reader()))
        .with_primary(Label::new(doc.source, f.span, std::mem::take(&mut f.label)));
    d.action = action.map(str::to_owned);
    d.fixes = std::mem::take(&mut f.fixes);
    explain(d, rule, &vars, f)
}

/// `{peildatum}`, `{team}` and `{status}` of a report and one of its entries.
fn progress_vars(
    rules: &RuleSet,
    report: &Document,
    entry: Option<&crate::model::Action>,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(meta) = report.report.as_deref() {
        if let Some(d) = meta.peildatum {
            out.push((
                "peildatum",
                crate::model::time::format_for_reader(crate::model::time::Interval::day(d)),
            ));
        }
        if let Some(t) = &meta.team {
            out.push(("team", t.value.clone()));
        }
    }
    let status = entry.and_then(|e| {
        e.fields
            .iter()
            .find(|f| rules.fields[f.def].kind == crate::lang::ruleset::FieldKind::Status)
    });
    if let Some(f) = status {
        out.push(("status", display_value(&f.value.value)));
    }
    out
}

/// The progress rules that hold reports against the plan: entries that need the plan
/// (`bestaat in plan`, `past in`), the started actions, the past milestones.
pub fn check_progress(docs: &[Document], reports: &[Document], rules: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let index = PlanIndex::build(docs, rules);
    let progress = progress::ProgressIndex::build(docs, reports, rules, &index);
    for rule in rules
        .rules
        .iter()
        .filter(|r| r.enabled && r.plan_wide && !r.after_waivers && r.scope.is_progress())
    {
        let mut ev = Eval::new(rules, crate::source::SourceId(u32::MAX));
        ev.plan = Some(&index);
        ev.progress = Some(&progress);
        ev.progress_ran = true;
        match rule.scope {
            Scope::Entry => {
                for report in reports {
                    ev.source = report.source;
                    ev.report = Some(report);
                    run_rule(&mut ev, rule, report, &mut out);
                }
            }
            Scope::Started => {
                for st in &progress.started {
                    let Err(failures) = ev.eval(&rule.expr, Item::Started(st)) else {
                        continue;
                    };
                    for f in failures {
                        out.push(emit_started(rules, rule, st, f));
                    }
                }
            }
            Scope::Milestone => {
                for m in &progress.milestones {
                    ev.source = m.report.source;
                    ev.report = Some(m.report);
                    let Err(failures) = ev.eval(&rule.expr, Item::Milestone(m)) else {
                        continue;
                    };
                    for f in failures {
                        out.push(emit_milestone(rules, rule, m, f));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The template values of a progress finding about an action.
fn action_vars<'a>(
    rules: &RuleSet,
    rule: &'a Rule,
    action: &'a crate::model::Action,
    title_of: &'a crate::model::Action,
    f: &Failure,
    extra: &'a [(&'a str, String)],
) -> Vars<'a> {
    Vars {
        action: &action.id.value,
        title: title_of.title.as_ref().map_or("", |t| t.value.as_str()),
        field: f.field.map(|d| field_word(rules, d)).unwrap_or_default(),
        value: f.value.as_deref().map(display_value).unwrap_or_default(),
        heading: String::new(),
        rule: &rule.id,
        node: "",
        node_title: "",
        extra,
    }
}

/// A started action without an entry: at the front matter of its team's report for the
/// period, with the action's heading in the plan as a further place; when the team has no
/// report for the period, at the heading in the plan.
fn emit_started(rules: &RuleSet, rule: &Rule, st: &progress::Started<'_>, mut f: Failure) -> Diagnostic {
    let mut extra = std::mem::take(&mut f.extra);
    extra.push((
        "peildatum",
        crate::model::time::format_for_reader(crate::model::time::Interval::day(st.peildatum)),
    ));
    extra.push(("team", st.team.to_owned()));
    let vars = action_vars(rules, rule, st.action, st.action, &f, &extra);
    let label = std::mem::take(&mut f.label);
    let mut d = Diagnostic::new(rule.id.clone(), rule.severity, vars.fill(rule.message_for_reader()));
    match st.report {
        Some(report) => {
            let at = report
                .report
                .as_ref()
                .map_or(Span::new(0, 0), |m| m.team.as_ref().map_or(m.front, |t| t.span));
            d = d
                .with_primary(Label::new(report.source, at, label))
                .with_label(Label::new(
                    st.doc.source,
                    st.action.span,
                    tr!("progress-action-in-plan"),
                ));
        }
        None => d = d.with_primary(Label::new(st.doc.source, f.span, label)),
    }
    d.action = Some(st.action.id.value.clone());
    explain(d, rule, &vars, f)
}

/// A milestone the entry does not account for: at the entry (or where it names the
/// milestone), with the milestone in the plan as a further place.
fn emit_milestone(rules: &RuleSet, rule: &Rule, m: &progress::PastMilestone<'_>, mut f: Failure) -> Diagnostic {
    let mut extra = std::mem::take(&mut f.extra);
    extra.extend(progress_vars(rules, m.report, Some(m.entry)));
    extra.push(("mijlpaal", display_value(&format!("{}: {}", m.when, m.text))));
    let vars = action_vars(rules, rule, m.entry, m.action, &f, &extra);
    let label = std::mem::take(&mut f.label);
    let mut d = Diagnostic::new(rule.id.clone(), rule.severity, vars.fill(rule.message_for_reader()))
        .with_primary(Label::new(m.report.source, f.span, label));
    d.action = Some(m.entry.id.value.clone());
    explain(d, rule, &vars, f)
}

/// A failure's further labels, its specific help, the rule's help and the failure's note.
fn explain(mut d: Diagnostic, rule: &Rule, vars: &Vars<'_>, f: Failure) -> Diagnostic {
    for l in f.related {
        d = d.with_label(l);
    }
    if let Some(h) = f.help {
        d = d.with_help(h);
    }
    if let Some(h) = rule.help_for_reader() {
        d = d.with_help(vars.fill(h));
    }
    if let Some(n) = f.note {
        d = d.with_note(n);
    }
    d
}

struct Vars<'a> {
    action: &'a str,
    title: &'a str,
    field: String,
    value: String,
    heading: String,
    rule: &'a str,
    node: &'a str,
    node_title: &'a str,
    /// Values a requirement adds (`{totaal}`), and a total's group (`{team}`, `{jaar}`).
    extra: &'a [(&'a str, String)],
}

impl Vars<'_> {
    fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            match &after[..close] {
                // Each value at most 200 characters: a 5 MB title is not repeated whole.
                "actie" => out.push_str(&short(self.action)),
                "titel" => out.push_str(&short(self.title)),
                "veld" => out.push_str(&short(&self.field)),
                "waarde" => out.push_str(&short(&self.value)),
                "kop" => out.push_str(&short(&self.heading)),
                "regel" => out.push_str(self.rule),
                "node" => out.push_str(&short(self.node)),
                "nodetitel" => out.push_str(&short(self.node_title)),
                other if self.extra.iter().any(|(k, _)| *k == other) => {
                    let v = self
                        .extra
                        .iter()
                        .find(|(k, _)| *k == other)
                        .map_or("", |(_, v)| v.as_str());
                    out.push_str(&short(v));
                }
                other => {
                    out.push('{');
                    out.push_str(other);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// A value for a one-line message: whitespace folded, at most 60 characters.
fn display_value(v: &str) -> String {
    let folded = v.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() > 60 {
        let cut: String = folded.chars().take(57).collect();
        format!("{cut}...")
    } else {
        folded
    }
}

/// The waivers that suppressed a finding, by (file, span of the comment).
pub type UsedWaivers = HashSet<(SourceId, Span)>;

/// A waiver suppresses the findings of its rule inside its action, when it names a known
/// rule and gives a reason, until its `tot` date has passed: then the finding comes back
/// with a note that the waiver expired. Findings of rules about waivers themselves cannot be
/// waived. Returns the waivers that suppressed something.
pub fn apply_waivers(docs: &[Document], rules: &RuleSet, diags: &mut [Diagnostic], today: Date) -> UsedWaivers {
    let waiver_rules: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.scope == Scope::Waiver)
        .map(|r| r.id.as_str())
        .collect();
    let mut used = UsedWaivers::new();
    for doc in docs {
        for w in &doc.waivers {
            let (Some(rule), Some(reason)) = (&w.rule, &w.reason) else {
                continue;
            };
            // Inside an action it covers that action; with a target (`negeer beleid-dekking
            // SZ.ARB "reden"`), the plan-wide finding about that register node.
            // Outside any action and without a node, it covers the findings about the draft
            // as a whole that stand in it (`begroting-kader` at its `team`, `begroting-team`).
            let target = w.target.as_ref().map(|t| t.value.as_str());
            // A reason still to be written (`"<reden>"`, `"PM"`) is no reason: `waiver-reden`
            // reports it, and the waiver waits for it.
            let reason = reason.value.trim();
            if reason.is_empty() || eval::is_placeholder(rules, reason) || rules.rule(&rule.value).is_none() {
                continue;
            }
            // An unreadable `tot` date is `waiver-reden`'s finding; such a waiver does not apply.
            let until = match &w.until_time {
                None => None,
                Some(Ok(tl)) => tl.parts().iter().map(|p| p.interval.end).max(),
                Some(Err(_)) => continue,
            };
            let expired = until.filter(|end| today > *end);
            for d in diags.iter_mut() {
                let inside = match (target, &w.action, &d.primary) {
                    (Some(node), _, _) => d.node.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(node)),
                    (None, Some((action, extent)), Some(p)) => {
                        // The finding's own action: a table inside a section's body is not
                        // that section.
                        let same_action = d.action.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(action));
                        // Or a further place of it: a progress finding about an action
                        // stands in a report and names the action's heading in the plan.
                        let here = |source: SourceId, span: Span| {
                            source == doc.source && extent.start <= span.start && span.end <= extent.end
                        };
                        same_action && (here(p.source, p.span) || d.labels.iter().any(|l| here(l.source, l.span)))
                    }
                    (None, None, Some(p)) => d.action.is_none() && d.node.is_none() && p.source == doc.source,
                    _ => false,
                };
                if d.rule != rule.value || !inside || waiver_rules.contains(&d.rule.as_str()) || d.waived.is_some() {
                    continue;
                }
                used.insert((doc.source, w.span));
                match expired {
                    Some(end) => {
                        let date = crate::model::time::format_for_reader(crate::model::time::Interval::day(end));
                        let label = tr!("waiver-expired-label", date = date.as_str());
                        if !d.labels.iter().any(|l| l.span == w.span) {
                            d.labels.push(Label::new(doc.source, w.span, label));
                            d.notes.push(tr!("waiver-expired-note", date = date, reason = reason));
                        }
                    }
                    None => {
                        d.waived = Some(Waived {
                            reason: reason.to_owned(),
                            source: doc.source,
                            span: w.span,
                        });
                    }
                }
            }
        }
    }
    used
}

/// After every file is checked on its own: the plan-wide rules (and, with progress
/// reports, the progress rules), then the waivers, then the rules about waivers. `today`
/// decides which waivers have expired.
pub fn finish(docs: &[Document], reports: &[Document], rules: &RuleSet, diags: &mut Vec<Diagnostic>, today: Date) {
    diags.extend(check_plan(docs, rules));
    let monitored = !reports.is_empty();
    if monitored {
        diags.extend(check_progress(docs, reports, rules));
    }
    drop_yielding(rules, diags);
    let mut used = apply_waivers(docs, rules, diags, today);
    used.extend(apply_waivers(reports, rules, diags, today));
    diags.extend(check_waivers(docs, rules, &used, monitored));
    diags.extend(check_waivers(reports, rules, &used, true));
}

/// One fault, one finding: a finding of a rule that `wijkt` (yields) is dropped when a
/// finding of another rule points at an overlapping place in the same file. `Eigenaar:
/// n.t.b.` is then an `actie-eigenaar` error, not also a `placeholder` warning.
pub fn drop_yielding(rules: &RuleSet, diags: &mut Vec<Diagnostic>) {
    let yielding: HashSet<&str> = rules.rules.iter().filter(|r| r.yields).map(|r| r.id.as_str()).collect();
    if yielding.is_empty() {
        return;
    }
    let mut covered: Vec<(SourceId, Span)> = diags
        .iter()
        .filter(|d| !yielding.contains(d.rule.as_str()))
        .filter_map(|d| d.primary.as_ref().map(|p| (p.source, p.span)))
        .collect();
    if covered.is_empty() {
        return;
    }
    covered.sort_unstable_by_key(|&(s, sp)| (s, sp.start));
    // The furthest end among the covered spans up to each one (per file): a span before
    // position i overlaps `p` exactly when that furthest end lies after `p` starts. One
    // binary search per finding, however many findings a file has.
    let mut furthest: Vec<usize> = Vec::with_capacity(covered.len());
    for (i, &(src, sp)) in covered.iter().enumerate() {
        let before = if i > 0 && covered[i - 1].0 == src {
            furthest[i - 1]
        } else {
            0
        };
        furthest.push(before.max(sp.end));
    }
    diags.retain(|d| {
        let Some(p) = d.primary.as_ref().filter(|_| yielding.contains(d.rule.as_str())) else {
            return true;
        };
        // The covered spans of this file that start before `p` ends (an empty `p` counts a
        // span that starts where it stands).
        let upto = covered.partition_point(|&(s, sp)| (s, sp.start) < (p.source, p.span.end.max(p.span.start + 1)));
        let overlapped = upto > 0 && covered[upto - 1].0 == p.source && furthest[upto - 1] > p.span.start;
        let same_empty = covered
            .binary_search_by_key(&(p.source, p.span.start), |&(s, sp)| (s, sp.start))
            .is_ok_and(|_| p.span.is_empty());
        !(overlapped || same_empty)
    });
}

/// The rules about waivers that need to know which waivers were used (`gebruikt`).
pub fn check_waivers(docs: &[Document], rules: &RuleSet, used: &UsedWaivers, progress_ran: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules.rules.iter().filter(|r| r.enabled && r.after_waivers) {
        for doc in docs {
            let mut ev = Eval {
                used: Some(used),
                progress_ran,
                ..Eval::new(rules, doc.source)
            };
            run_rule(&mut ev, rule, doc, &mut out);
        }
    }
    out
}

/// Register-node rules (`voor elk thema in beleid`, `voor elke prioriteit in kaderbrief`):
/// plan-level findings without a file, each naming its node.
fn run_nodes<'a>(
    ev: &mut Eval<'a>,
    rule: &Rule,
    nodes: impl Iterator<Item = (Item<'a>, &'a str, &'a str)>,
    out: &mut Vec<Diagnostic>,
) {
    for (item, id, title) in nodes {
        let Err(failures) = ev.eval(&rule.expr, item) else {
            continue;
        };
        for mut f in failures {
            let extra = std::mem::take(&mut f.extra);
            let vars = Vars {
                action: "",
                title: "",
                field: String::new(),
                value: f.value.as_deref().map(display_value).unwrap_or_default(),
                heading: String::new(),
                rule: &rule.id,
                node: id,
                node_title: title,
                extra: &extra,
            };
            let mut d = Diagnostic::new(rule.id.clone(), rule.severity, vars.fill(rule.message_for_reader()))
                .with_note(std::mem::take(&mut f.label));
            d.node = Some(id.to_owned());
            out.push(explain(d, rule, &vars, f));
        }
    }
}

/// Total rules (`voor elk totaal per team, jaar`): one finding per group and unit that does
/// not hold, at the group's anchor (the `team` line of its first draft), with every
/// contributing action as a label.
fn run_totals(
    rules: &RuleSet,
    index: &PlanIndex<'_>,
    rule: &Rule,
    budget: &budget::Budget<'_>,
    by: &[crate::lang::ruleset::Dim],
    out: &mut Vec<Diagnostic>,
) {
    let groups = budget::groups(budget, by, rules);
    let mut ev = Eval {
        plan: Some(index),
        ..Eval::new(rules, crate::source::SourceId(u32::MAX))
    };
    let names: Vec<Vec<&str>> = by
        .iter()
        .map(|d| match d {
            crate::lang::ruleset::Dim::Year => vec!["jaar", "year"],
            crate::lang::ruleset::Dim::Meta(k) => vec![k.as_str()],
            crate::lang::ruleset::Dim::Links(def) => vec![rules.fields[*def].name.as_str()],
        })
        .collect();
    for g in &groups {
        let Err(failures) = ev.eval(&rule.expr, Item::Group(g)) else {
            continue;
        };
        for mut f in failures {
            let mut extra: Vec<(&str, String)> = std::mem::take(&mut f.extra);
            extra.push(("groep", g.describe(ev.rules)));
            for (i, written) in names.iter().enumerate() {
                let value = g.part(ev.rules, i);
                extra.extend(written.iter().map(|n| (*n, value.clone())));
            }
            let vars = Vars {
                action: "",
                title: "",
                field: f.field.map(|d| field_word(ev.rules, d)).unwrap_or_default(),
                value: f.value.as_deref().map(display_value).unwrap_or_default(),
                heading: String::new(),
                rule: &rule.id,
                node: "",
                node_title: "",
                extra: &extra,
            };
            let d = Diagnostic::new(rule.id.clone(), rule.severity, vars.fill(rule.message_for_reader()))
                .with_primary(Label::new(g.anchor.0, g.anchor.1, std::mem::take(&mut f.label)));
            out.push(explain(d, rule, &vars, f));
        }
    }
}
