//! Progress reports held against the plan (`kader voortgang`).
//!
//! Owns: the reporting periods (one per peildatum), which report belongs to which team and
//! period, the plan's actions that have started by a peildatum, the milestones an entry
//! should account for, and what an action had planned in euro.
//! Must not: decide what a status means (the rule file compares statuses) or build
//! diagnostics (that is `check::mod`).

use std::collections::HashMap;

use jiff::civil::Date;

use crate::lang::ruleset::{FieldKind, RuleSet};
use crate::model::amount::Unit;
use crate::model::time::Milestone;
use crate::model::{Action, Document};
use crate::source::{SourceId, Span};
use crate::text::normalize_name;

use super::budget::Budget;
use super::plan::PlanIndex;

/// An action of the plan that has started by the peildatum of a period.
pub struct Started<'a> {
    pub doc: &'a Document,
    pub action: &'a Action,
    pub peildatum: Date,
    /// The team as the plan's draft names it.
    pub team: &'a str,
    /// The team's report for this period, if it has one.
    pub report: Option<&'a Document>,
    /// The action's entry in that report.
    pub entry: Option<&'a Action>,
    /// The action's entry in the latest earlier report, when this period has none: its
    /// fields answer `stand = "afgerond"` in this scope.
    pub previous: Option<&'a Action>,
}

/// A milestone of the plan that lies before the peildatum of a report that has an entry
/// for its action.
pub struct PastMilestone<'a> {
    pub report: &'a Document,
    pub entry: &'a Action,
    pub plan: SourceId,
    pub action: &'a Action,
    pub milestone: &'a Milestone,
    /// The milestone as written in the plan: its time and its text.
    pub when: &'a str,
    pub text: &'a str,
    /// The action's entries in earlier reports: a milestone reported there counts.
    pub earlier: Vec<&'a Action>,
}

pub struct ProgressIndex<'a> {
    pub reports: &'a [Document],
    /// Every peildatum of the reports, early to late.
    pub periods: Vec<Date>,
    /// (peildatum, team key) → index into `reports`.
    by_period: HashMap<(Date, String), usize>,
    /// What each action planned in euro, per amount field: (action, field) → euro.
    planned: HashMap<(*const Action, usize), f64>,
    docs: HashMap<SourceId, &'a Document>,
    /// Per plan action (upper-case ID): its team.
    pub started: Vec<Started<'a>>,
    pub milestones: Vec<PastMilestone<'a>>,
}

/// How a team is compared: the kaderbrief's team when it knows the name, else the name
/// without "Team" and case.
pub fn team_key(rules: &RuleSet, written: &str) -> String {
    if let Some(k) = &rules.kaderbrief
        && let Some(t) = k.team(written)
    {
        return format!("#{t}");
    }
    let n = normalize_name(written);
    n.strip_prefix("team ").map(str::to_owned).unwrap_or(n)
}

fn entry_for<'a>(report: &'a Document, id: &str) -> Option<&'a Action> {
    report.actions.iter().find(|e| e.id.value.eq_ignore_ascii_case(id))
}

impl<'a> ProgressIndex<'a> {
    pub fn build(docs: &'a [Document], reports: &'a [Document], rules: &RuleSet, index: &PlanIndex<'a>) -> Self {
        let mut periods: Vec<Date> = reports
            .iter()
            .filter_map(|r| r.report.as_ref().and_then(|m| m.peildatum))
            .collect();
        periods.sort_unstable();
        periods.dedup();
        let mut by_period = HashMap::new();
        for (i, r) in reports.iter().enumerate() {
            let Some(meta) = r.report.as_deref() else { continue };
            if let (Some(d), Some(team)) = (meta.peildatum, &meta.team) {
                by_period.entry((d, team_key(rules, &team.value))).or_insert(i);
            }
        }
        let doc_of: HashMap<SourceId, &'a Document> = docs.iter().map(|d| (d.source, d)).collect();
        let time_fields: Vec<usize> = rules
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.report && f.kind == FieldKind::Time)
            .map(|(i, _)| i)
            .collect();
        let timeline = |a: &'a Action| {
            time_fields.iter().find_map(|&d| {
                let f = a.field(d)?;
                match f.time.as_deref() {
                    Some(Ok(tl)) => Some((f, tl)),
                    _ => None,
                }
            })
        };
        // Every action that has started by a period's peildatum, per period.
        let mut started = Vec::new();
        for &day in &periods {
            for doc in docs {
                let Some(team) = doc.meta("team") else { continue };
                let key = team_key(rules, &team.value);
                let report = by_period.get(&(day, key.clone())).map(|&i| &reports[i]);
                for a in &doc.actions {
                    let begun = timeline(a)
                        .and_then(|(_, tl)| tl.start())
                        .is_some_and(|s| s.interval.start <= day);
                    if !begun {
                        continue;
                    }
                    let entry = report.and_then(|r| entry_for(r, &a.id.value));
                    let previous = periods.iter().rev().filter(|&&p| p < day).find_map(|&p| {
                        by_period
                            .get(&(p, key.clone()))
                            .and_then(|&i| entry_for(&reports[i], &a.id.value))
                    });
                    started.push(Started {
                        doc,
                        action: a,
                        peildatum: day,
                        team: &team.value,
                        report,
                        entry,
                        previous,
                    });
                }
            }
        }
        // Every milestone due by the peildatum of a report that speaks of its action.
        let mut milestones = Vec::new();
        for report in reports {
            let Some(day) = report.report.as_ref().and_then(|m| m.peildatum) else {
                continue;
            };
            for entry in &report.actions {
                let Some((plan, action)) = index.action(&entry.id.value) else {
                    continue;
                };
                let Some((field, tl)) = timeline(action) else { continue };
                let slice = |s: Span| {
                    let base = field.value.span.start;
                    field
                        .value
                        .value
                        .get(s.start.saturating_sub(base)..s.end.saturating_sub(base))
                        .unwrap_or("")
                };
                let earlier: Vec<&'a Action> = reports
                    .iter()
                    .filter(|r| r.report.as_ref().and_then(|m| m.peildatum).is_some_and(|d| d < day))
                    .filter_map(|r| entry_for(r, &entry.id.value))
                    .collect();
                for m in tl.milestones.iter().filter(|m| m.when.interval.end <= day) {
                    milestones.push(PastMilestone {
                        earlier: earlier.clone(),
                        report,
                        entry,
                        plan,
                        action,
                        milestone: m,
                        when: slice(m.when.span).trim(),
                        text: slice(m.text).trim(),
                    });
                }
            }
        }
        // What every action planned in euro, spread over its tijdpad.
        let budget = Budget::build(docs, rules);
        let mut planned: HashMap<(*const Action, usize), f64> = HashMap::new();
        for s in budget.shares.iter().filter(|s| s.unit == Unit::Euro) {
            *planned.entry((s.action as *const Action, s.field.def)).or_default() += s.value;
        }
        ProgressIndex {
            reports,
            periods,
            by_period,
            planned,
            docs: doc_of,
            started,
            milestones,
        }
    }

    /// The euros an action planned in an amount field (0 when it names none).
    pub fn planned(&self, action: &Action, def: usize) -> f64 {
        self.planned
            .get(&(action as *const Action, def))
            .copied()
            .unwrap_or(0.0)
    }

    pub fn doc(&self, source: SourceId) -> Option<&'a Document> {
        self.docs.get(&source).copied()
    }

    /// The report of a team for a period.
    pub fn report(&self, day: Date, team: &str, rules: &RuleSet) -> Option<&'a Document> {
        self.by_period
            .get(&(day, team_key(rules, team)))
            .map(|&i| &self.reports[i])
    }
}

/// Does an entry account for a milestone: a line or `;`-part of one of its values names the
/// milestone (its time as the plan writes it, or the first three words of its text) and says
/// a status?
pub fn milestone_reported(rules: &RuleSet, m: &PastMilestone<'_>) -> Result<(), Option<Span>> {
    let Some(progress) = &rules.progress else {
        return Ok(());
    };
    let when = m.when.to_lowercase();
    let words: Vec<String> = m.text.split_whitespace().take(3).map(str::to_lowercase).collect();
    let phrase = words.join(" ");
    let mut mentioned = None;
    // This entry first (where a mention without status is shown), then the earlier ones.
    for (n, f) in std::iter::once(m.entry)
        .chain(m.earlier.iter().copied())
        .enumerate()
        .flat_map(|(n, e)| e.fields.iter().map(move |f| (n, f)))
    {
        let value = &f.value.value;
        let mut offset = 0;
        for part in value.split_inclusive(['\n', ';']) {
            let lower = part.to_lowercase();
            let names = (!when.is_empty() && lower.contains(&when)) || (words.len() >= 2 && lower.contains(&phrase));
            if names {
                let says_status = progress.statuses.iter().any(|s| {
                    s.keys.iter().any(|k| {
                        lower.match_indices(k.as_str()).any(|(i, _)| {
                            let before = lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                            let after = lower[i + k.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                            before && after
                        })
                    })
                });
                if says_status {
                    return Ok(());
                }
                let trimmed = part.trim_end_matches(['\n', ';']).trim_end();
                if n == 0 {
                    mentioned.get_or_insert(f.value.span.sub(offset, offset + trimmed.len()));
                }
            }
            offset += part.len();
        }
    }
    Err(mentioned)
}

/// The Voortgang view of the report: per action of the plan its latest entry.
pub struct View {
    /// The latest peildatum of the reports.
    pub peildatum: Option<Date>,
    pub rows: Vec<ViewRow>,
}

pub struct ViewRow {
    pub team: String,
    pub id: String,
    pub title: String,
    /// The action's tijdpad in the plan.
    pub planned: Option<crate::model::time::Interval>,
    /// The latest entry's status as written, and the status it names (its name in the
    /// `voortgang` block), with the peildatum of that report.
    pub status: Option<(String, Option<String>, Date)>,
    /// The latest entry's new planning (a report time field), when it has one.
    pub new_planning: Option<crate::model::time::Interval>,
}

/// The Voortgang view of a plan and its reports.
pub fn view(docs: &[Document], reports: &[Document], rules: &RuleSet) -> View {
    let index = PlanIndex::build(docs, rules);
    let progress = ProgressIndex::build(docs, reports, rules, &index);
    let status_field = rules
        .fields
        .iter()
        .position(|f| f.report && f.kind == FieldKind::Status);
    let planning_field = rules.fields.iter().position(|f| f.report && f.kind == FieldKind::Time);
    let plan_time = rules.fields.iter().position(|f| !f.report && f.kind == FieldKind::Time);
    let interval = |f: &crate::model::Field| match f.time.as_deref() {
        Some(Ok(tl)) => {
            let parts = tl.parts();
            let start = parts.iter().map(|p| p.interval.start).min()?;
            let end = parts.iter().map(|p| p.interval.end).max()?;
            Some(crate::model::time::Interval::new(start, end))
        }
        _ => None,
    };
    let mut rows = Vec::new();
    for doc in docs {
        let team = doc.meta("team").map_or(String::new(), |t| t.value.clone());
        for a in &doc.actions {
            // The latest report of the team that has an entry for the action.
            let latest = progress.periods.iter().rev().find_map(|&day| {
                let report = progress.report(day, &team, rules)?;
                Some((entry_for(report, &a.id.value)?, day))
            });
            let status = latest.and_then(|(e, day)| {
                let f = e.field(status_field?)?;
                let named = rules
                    .progress
                    .as_ref()
                    .and_then(|p| p.status_of(&f.value.value).map(|s| p.statuses[s].name.clone()));
                Some((f.value.value.clone(), named, day))
            });
            let new_planning = latest.and_then(|(e, _)| interval(e.field(planning_field?)?));
            rows.push(ViewRow {
                team: team.clone(),
                id: a.id.value.clone(),
                title: a.title.as_ref().map_or(String::new(), |t| t.value.clone()),
                planned: plan_time.and_then(|d| a.field(d)).and_then(interval),
                status,
                new_planning,
            });
        }
    }
    View {
        peildatum: progress.periods.last().copied(),
        rows,
    }
}
