//! The plan's budget: every amount of every action spread over the calendar years of its
//! tijdpad, and grouped (per team, per year, per policy line) for the kaderbrief's frames.
//!
//! Owns: the arithmetic, fixed so totals agree everywhere (`kader check`, `kader begroting`,
//! the report):
//! - an amount `per week/maand/kwartaal/jaar` counts for the days of the tijdpad in each
//!   calendar year (pro rata; a year has 52 weeks);
//! - an amount without a period is the action's total, spread over the tijdpad's days;
//! - `eenmalig` falls in the year the tijdpad starts, `in 2026` in 2026;
//! - fte is a yearly average (0,4 fte during one quarter is 0,1 fte in that year);
//! - hours become fte with the kaderbrief's norm (hours per week × 52 per fte-year);
//! - an action without a readable tijdpad counts over the whole plan period;
//! - an action linked to several policy lines counts in full for each line, once for its team.
//!
//! Must not: decide what is allowed (the rule file does) or render.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::lang::ruleset::{Dim, FieldKind, RuleSet};
use crate::model::amount::{Amount, AmountProblem, Per, Unit};
use crate::model::time::{self, Interval};
use crate::model::{Action, Document, Field};
use crate::source::{SourceId, Span};

/// Hours a week in an fte when the plan names no kaderbrief.
pub const DEFAULT_HOURS_PER_WEEK: f64 = 36.0;

/// One action's part of one amount in one calendar year, in euro or fte.
#[derive(Debug, Clone)]
pub struct Share<'a> {
    pub doc: &'a Document,
    pub action: &'a Action,
    pub field: &'a Field,
    pub amount: &'a Amount,
    pub year: i16,
    /// Euro or fte (hours are turned into fte).
    pub unit: Unit,
    pub value: f64,
}

/// Every share of every amount field of the plan, and what could not be counted.
#[derive(Debug, Default)]
pub struct Budget<'a> {
    pub shares: Vec<Share<'a>>,
    /// Amounts kader cannot count (a multiplier without a count, a range, `€ PM`): the totals
    /// they belong to are incomplete.
    pub unread: Vec<(&'a Document, &'a Action, &'a AmountProblem)>,
}

impl<'a> Budget<'a> {
    pub fn build(docs: &'a [Document], rules: &RuleSet) -> Budget<'a> {
        let hours_per_year = rules
            .kaderbrief
            .as_ref()
            .map_or(DEFAULT_HOURS_PER_WEEK * crate::kaderbrief::WEEKS_PER_YEAR, |k| {
                k.hours_per_fte_year()
            });
        let time_def = rules.fields.iter().position(|f| f.kind == FieldKind::Time);
        let plan = Interval::new(rules.plan.start, rules.plan.end);
        let mut out = Budget::default();
        for doc in docs {
            for action in &doc.actions {
                let when = time_def
                    .and_then(|d| action.field(d))
                    .and_then(|f| f.time.as_deref())
                    .and_then(|t| t.as_ref().ok())
                    .and_then(extent)
                    .unwrap_or(plan);
                for field in &action.fields {
                    let Some(amounts) = field.amounts.as_deref() else {
                        continue;
                    };
                    out.unread.extend(amounts.problems.iter().map(|p| (doc, action, p)));
                    for amount in &amounts.amounts {
                        for (year, unit, value) in spread(amount, when, hours_per_year) {
                            out.shares.push(Share {
                                doc,
                                action,
                                field,
                                amount,
                                year,
                                unit,
                                value,
                            });
                        }
                    }
                }
            }
        }
        out
    }
}

/// From the earliest start to the latest end of a timeline.
fn extent(tl: &time::Timeline) -> Option<Interval> {
    let parts = tl.parts();
    let start = parts.iter().map(|p| p.interval.start).min()?;
    let end = parts.iter().map(|p| p.interval.end).max()?;
    (start <= end).then(|| Interval::new(start, end))
}

fn year_interval(y: i16) -> Option<Interval> {
    Some(Interval::new(Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}

/// Days of `iv` in calendar year `y`.
fn days_in(iv: Interval, y: i16) -> i64 {
    let Some(year) = year_interval(y) else { return 0 };
    let (s, e) = (iv.start.max(year.start), iv.end.min(year.end));
    if s > e { 0 } else { time::days(Interval::new(s, e)) }
}

/// An amount's parts per calendar year over the interval `when`, in euro or fte.
pub fn spread(a: &Amount, when: Interval, hours_per_fte_year: f64) -> Vec<(i16, Unit, f64)> {
    let unit = if a.unit == Unit::Euro { Unit::Euro } else { Unit::Fte };
    // Hours become fte-years; euro stay euro; fte stay a rate.
    let to_out = |v: f64| {
        if a.unit == Unit::Hours {
            v / hours_per_fte_year
        } else {
            v
        }
    };
    let total_days = time::days(when).max(1) as f64;
    let mut out = Vec::new();
    let years = when.start.year()..=when.end.year();
    match a.per {
        Per::InYear(y) => out.push((y, unit, to_out(a.value))),
        Per::Once if a.unit != Unit::Fte => out.push((when.start.year(), unit, to_out(a.value))),
        per => {
            for y in years {
                let d = days_in(when, y) as f64;
                let year_days = year_interval(y).map_or(365.0, |iv| time::days(iv) as f64);
                let v = match (a.unit, per.per_year()) {
                    // A rate: fte, or anything per period, for the days of that year.
                    (Unit::Fte, _) => a.value * d / year_days,
                    (_, Some(k)) => to_out(a.value * k) * d / year_days,
                    // A total, spread over the days of the tijdpad.
                    (_, None) => to_out(a.value) * d / total_days,
                };
                if d > 0.0 {
                    out.push((y, unit, v));
                }
            }
        }
    }
    out
}

/// One value a group is keyed by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyPart {
    /// A front-matter value: the kaderbrief's team (by index) when it lists it, else as written.
    Team(Option<usize>, String),
    Year(i16),
    /// A line of a register: (register, node).
    Line(usize, usize),
}

/// The shares of one group (`Praktijkondersteuning`, 2026), in plan order.
#[derive(Debug)]
pub struct Group<'a> {
    pub key: Vec<KeyPart>,
    pub shares: Vec<&'a Share<'a>>,
    /// Where a finding about the group is shown: the `team` line of the first draft of
    /// the group, else the first share's value.
    pub anchor: (SourceId, Span),
}

impl Group<'_> {
    pub fn team(&self) -> Option<usize> {
        self.key.iter().find_map(|k| match k {
            KeyPart::Team(t, _) => *t,
            _ => None,
        })
    }

    pub fn year(&self) -> Option<i16> {
        self.key.iter().find_map(|k| match k {
            KeyPart::Year(y) => Some(*y),
            _ => None,
        })
    }

    pub fn line(&self) -> Option<(usize, usize)> {
        self.key.iter().find_map(|k| match k {
            KeyPart::Line(r, n) => Some((*r, *n)),
            _ => None,
        })
    }

    /// The sum of one amount field in one unit.
    pub fn sum(&self, def: usize, unit: Unit) -> f64 {
        self.shares
            .iter()
            .filter(|s| s.field.def == def && s.unit == unit)
            .map(|s| s.value)
            .sum()
    }

    /// Per action (in plan order), its part of the sum, and the span of its amounts.
    pub fn by_action(&self, def: usize, unit: Unit) -> Vec<(&Share<'_>, f64, Span)> {
        let mut out: Vec<(&Share<'_>, f64, Span)> = Vec::new();
        for s in self.shares.iter().filter(|s| s.field.def == def && s.unit == unit) {
            match out.iter_mut().find(|(o, _, _)| std::ptr::eq(o.action, s.action)) {
                Some((_, v, span)) => {
                    *v += s.value;
                    *span = span.cover(s.amount.span);
                }
                None => out.push((s, s.value, s.amount.span)),
            }
        }
        out
    }

    /// The frame of the group in the kaderbrief, in a unit.
    pub fn frame(&self, rules: &RuleSet, unit: Unit) -> Option<f64> {
        let k = rules.kaderbrief.as_ref()?;
        let line = self.line().map(|(r, n)| rules.registers[r].node(n).id.as_str());
        let f = k.frame(self.team()?, self.year()?, line)?;
        match unit {
            Unit::Euro => f.euro,
            _ => f.fte,
        }
    }

    /// The group in words: `Praktijkondersteuning, 2026, HA`.
    pub fn describe(&self, rules: &RuleSet) -> String {
        (0..self.key.len())
            .map(|i| self.part(rules, i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The value of one dimension, for `{team}`, `{jaar}`, `{beleidslijn}`.
    pub fn part(&self, rules: &RuleSet, i: usize) -> String {
        match self.key.get(i) {
            Some(KeyPart::Team(Some(t), _)) => rules
                .kaderbrief
                .as_ref()
                .map_or(String::new(), |k| k.teams[*t].name.clone()),
            Some(KeyPart::Team(None, w)) => w.clone(),
            Some(KeyPart::Year(y)) => y.to_string(),
            Some(KeyPart::Line(r, n)) => rules.registers[*r].node(*n).id.clone(),
            None => String::new(),
        }
    }
}

/// The shares grouped by `by`; a share whose draft has no such front-matter key, or whose
/// action links to no known line, is in no group. The keys are worked out once per draft
/// and once per action, not per share.
pub fn groups<'a>(budget: &'a Budget<'a>, by: &[Dim], rules: &RuleSet) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = Vec::new();
    // Per draft: its value of each front-matter dimension (and where it stands).
    let mut doc_keys: HashMap<SourceId, Option<Vec<(KeyPart, Span)>>> = HashMap::new();
    // A key without its year, by number; a group by (key number, year).
    let mut key_ids: HashMap<Vec<KeyPart>, usize> = HashMap::new();
    let mut group_of: HashMap<(usize, i16), usize> = HashMap::new();
    // The current action's keys (with their numbers) and anchor; `None`: in no group.
    let mut current: Option<(*const Action, Option<ActionKeys>)> = None;
    for s in &budget.shares {
        if !current.as_ref().is_some_and(|(a, _)| std::ptr::eq(*a, s.action)) {
            let metas = doc_keys
                .entry(s.doc.source)
                .or_insert_with(|| meta_keys(s.doc, by, rules));
            let keys = metas.as_ref().map(|metas| {
                let keys = action_keys(s, by, metas, rules)
                    .into_iter()
                    .map(|k| {
                        let next = key_ids.len();
                        (*key_ids.entry(k.clone()).or_insert(next), k)
                    })
                    .collect();
                (keys, anchor_of(s, metas))
            });
            current = Some((s.action, keys));
        }
        let Some((_, Some((keys, anchor)))) = &current else {
            continue;
        };
        for (id, key) in keys {
            let i = *group_of.entry((*id, s.year)).or_insert_with(|| {
                // The year is the share's own.
                let key = key
                    .iter()
                    .map(|k| match k {
                        KeyPart::Year(_) => KeyPart::Year(s.year),
                        other => other.clone(),
                    })
                    .collect();
                out.push(Group {
                    key,
                    shares: Vec::new(),
                    anchor: *anchor,
                });
                out.len() - 1
            });
            out[i].shares.push(s);
        }
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// An action's group keys (each with its number) and where its group's finding stands.
type ActionKeys = (Vec<(usize, Vec<KeyPart>)>, (SourceId, Span));

/// A draft's value of each front-matter dimension: the kaderbrief's team when it lists it
/// (`Team Wijkzorg` and `Wijkzorg` are one), else as written; `None` when one is missing.
fn meta_keys(doc: &Document, by: &[Dim], rules: &RuleSet) -> Option<Vec<(KeyPart, Span)>> {
    let mut out = Vec::new();
    for dim in by {
        let Dim::Meta(key) = dim else { continue };
        let (_, v) = doc.meta.iter().find(|(k, _)| k == key)?;
        let written = v.value.trim();
        if written.is_empty() {
            return None;
        }
        let team = rules.kaderbrief.as_ref().and_then(|k| k.team(written));
        let name = match (team, &rules.kaderbrief) {
            (Some(t), Some(k)) => k.teams[t].name.clone(),
            _ => written.to_owned(),
        };
        out.push((KeyPart::Team(team, name), v.span));
    }
    Some(out)
}

/// Where a group's finding stands: the first front-matter value, else the share's value.
fn anchor_of(s: &Share<'_>, metas: &[(KeyPart, Span)]) -> (SourceId, Span) {
    (
        s.doc.source,
        metas.first().map_or(s.field.value.span, |(_, span)| *span),
    )
}

/// The keys of an action's shares (the year a placeholder, filled per share): one per line
/// it links to when grouped by a links field.
fn action_keys(s: &Share<'_>, by: &[Dim], metas: &[(KeyPart, Span)], rules: &RuleSet) -> Vec<Vec<KeyPart>> {
    let mut keys: Vec<Vec<KeyPart>> = vec![Vec::new()];
    let mut meta = metas.iter();
    for dim in by {
        let parts: Vec<KeyPart> = match dim {
            Dim::Year => vec![KeyPart::Year(0)],
            Dim::Meta(_) => vec![meta.next().map(|(k, _)| k.clone()).expect("one per meta dimension")],
            Dim::Links(def) => {
                let FieldKind::Links(r) = rules.fields[*def].kind else {
                    return Vec::new();
                };
                let reg = &rules.registers[r];
                let mut lines: Vec<KeyPart> = Vec::new();
                for link in s.action.field(*def).map_or(&[][..], |f| &f.links[..]) {
                    if let Some(n) = reg.index_of(&link.id.value) {
                        let line = KeyPart::Line(r, reg.root(n));
                        if !lines.contains(&line) {
                            lines.push(line);
                        }
                    }
                }
                lines
            }
        };
        keys = keys
            .into_iter()
            .flat_map(|k| {
                parts.iter().map(move |p| {
                    let mut k = k.clone();
                    k.push(p.clone());
                    k
                })
            })
            .collect();
    }
    keys
}

/// Planned against frame, in one unit.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cell {
    pub planned: f64,
    pub frame: Option<f64>,
}

impl Cell {
    /// Planned minus frame, when there is a frame.
    pub fn difference(&self) -> Option<f64> {
        self.frame.map(|f| self.planned - f)
    }

    /// Over the frame (to the cent).
    pub fn over(&self) -> bool {
        self.frame
            .is_some_and(|f| (self.planned * 100.0).round() > (f * 100.0).round())
    }
}

/// One policy line of a team in a year.
#[derive(Debug, Clone)]
pub struct LineRow {
    pub id: String,
    pub title: String,
    pub euro: Cell,
    pub fte: Cell,
}

#[derive(Debug, Clone)]
pub struct YearRow {
    pub year: i16,
    pub euro: Cell,
    pub fte: Cell,
    pub lines: Vec<LineRow>,
}

#[derive(Debug, Clone)]
pub struct TeamTable {
    /// The kaderbrief's name, or the name as written when it lists no such team; `None`
    /// for drafts without a team.
    pub team: Option<String>,
    pub listed: bool,
    pub years: Vec<YearRow>,
    /// Amounts of this team's actions that cannot be counted: its totals are too low.
    pub unread: usize,
    /// The actions with amounts.
    pub actions: usize,
}

/// `kader begroting` and the report's section: per team, per year (and per policy line),
/// euro and fte planned against the frame.
#[derive(Debug, Clone)]
pub struct Table {
    pub teams: Vec<TeamTable>,
    /// Every team together, per year (no frame).
    pub totals: Vec<YearRow>,
    pub hours_per_week: f64,
    /// The front-matter key that names the team.
    pub team_key: String,
}

/// The table of the whole plan. The team is the first front-matter key a total rule groups
/// by (`team` when none does), the policy lines those of the first links field.
pub fn table(docs: &[Document], rules: &RuleSet) -> Table {
    let budget = Budget::build(docs, rules);
    let dims: Vec<&Dim> = rules
        .rules
        .iter()
        .filter_map(|r| match &r.scope {
            crate::lang::ruleset::Scope::Total { by } => Some(by),
            _ => None,
        })
        .flatten()
        .collect();
    let team_key = dims
        .iter()
        .find_map(|d| match d {
            Dim::Meta(k) => Some(k.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "team".to_owned());
    let links = dims
        .iter()
        .find_map(|d| match d {
            Dim::Links(def) => Some(*def),
            _ => None,
        })
        .or_else(|| rules.fields.iter().position(|f| matches!(f.kind, FieldKind::Links(_))));
    let by_team = [Dim::Meta(team_key.clone()), Dim::Year];
    let team_groups = groups(&budget, &by_team, rules);
    let line_groups = links.map_or_else(Vec::new, |l| {
        groups(&budget, &[Dim::Meta(team_key.clone()), Dim::Year, Dim::Links(l)], rules)
    });
    let cell = |g: &Group<'_>, unit: Unit| Cell {
        planned: g.shares.iter().filter(|s| s.unit == unit).map(|s| s.value).sum(),
        frame: g.frame(rules, unit),
    };
    let kb = rules.kaderbrief.as_ref();
    // Teams in the kaderbrief's order, then the others as written, then drafts without one.
    let mut teams: Vec<TeamTable> = kb
        .map(|k| {
            k.teams
                .iter()
                .map(|t| TeamTable {
                    team: Some(t.name.clone()),
                    listed: true,
                    years: Vec::new(),
                    unread: 0,
                    actions: 0,
                })
                .collect()
        })
        .unwrap_or_default();
    let team_of = |doc: &Document| -> (Option<usize>, Option<String>) {
        let written = doc
            .meta
            .iter()
            .find(|(k, _)| *k == team_key)
            .map(|(_, v)| v.value.trim().to_owned())
            .filter(|v| !v.is_empty());
        (written.as_deref().and_then(|w| kb.and_then(|k| k.team(w))), written)
    };
    let slot = |teams: &mut Vec<TeamTable>, listed: Option<usize>, written: Option<String>| -> usize {
        if let Some(i) = listed {
            return i;
        }
        match teams.iter().position(|t| !t.listed && t.team == written) {
            Some(i) => i,
            None => {
                teams.push(TeamTable {
                    team: written,
                    listed: false,
                    years: Vec::new(),
                    unread: 0,
                    actions: 0,
                });
                teams.len() - 1
            }
        }
    };
    for g in &team_groups {
        let (listed, written) = match &g.key[0] {
            KeyPart::Team(t, w) => (*t, Some(w.clone())),
            _ => (None, None),
        };
        let i = slot(&mut teams, listed, written);
        teams[i].years.push(YearRow {
            year: g.year().unwrap_or_default(),
            euro: cell(g, Unit::Euro),
            fte: cell(g, Unit::Fte),
            lines: Vec::new(),
        });
    }
    // Drafts without a team are in no group: one row for them.
    let loose: Vec<&Share<'_>> = budget.shares.iter().filter(|s| team_of(s.doc).1.is_none()).collect();
    if !loose.is_empty() {
        let i = slot(&mut teams, None, None);
        let mut years: Vec<i16> = loose.iter().map(|s| s.year).collect();
        years.sort_unstable();
        years.dedup();
        for y in years {
            let sum = |u: Unit| {
                loose
                    .iter()
                    .filter(|s| s.year == y && s.unit == u)
                    .map(|s| s.value)
                    .sum()
            };
            teams[i].years.push(YearRow {
                year: y,
                euro: Cell {
                    planned: sum(Unit::Euro),
                    frame: None,
                },
                fte: Cell {
                    planned: sum(Unit::Fte),
                    frame: None,
                },
                lines: Vec::new(),
            });
        }
    }
    // Frames of years nothing is planned in yet.
    if let Some(k) = kb {
        for f in k.frames.iter().filter(|f| f.line.is_none()) {
            let t = &mut teams[f.team];
            if !t.years.iter().any(|y| y.year == f.year) {
                t.years.push(YearRow {
                    year: f.year,
                    euro: Cell {
                        planned: 0.0,
                        frame: f.euro,
                    },
                    fte: Cell {
                        planned: 0.0,
                        frame: f.fte,
                    },
                    lines: Vec::new(),
                });
            }
        }
    }
    for g in &line_groups {
        let (KeyPart::Team(listed, written), Some(year), Some((r, n))) = (&g.key[0], g.year(), g.line()) else {
            continue;
        };
        let i = slot(&mut teams, *listed, Some(written.clone()));
        let node = rules.registers[r].node(n);
        if let Some(row) = teams[i].years.iter_mut().find(|y| y.year == year) {
            row.lines.push(LineRow {
                id: node.id.clone(),
                title: node.title.clone(),
                euro: cell(g, Unit::Euro),
                fte: cell(g, Unit::Fte),
            });
        }
    }
    // What cannot be counted, and how many actions have amounts, per team.
    for doc in docs {
        let (listed, written) = team_of(doc);
        let with_amounts = doc
            .actions
            .iter()
            .filter(|a| {
                a.fields
                    .iter()
                    .any(|f| f.amounts.as_ref().is_some_and(|x| !x.amounts.is_empty()))
            })
            .count();
        let unread = budget.unread.iter().filter(|(d, _, _)| std::ptr::eq(*d, doc)).count();
        if with_amounts == 0 && unread == 0 {
            continue;
        }
        let i = slot(&mut teams, listed, written);
        teams[i].actions += with_amounts;
        teams[i].unread += unread;
    }
    let mut totals: Vec<YearRow> = Vec::new();
    for t in &mut teams {
        t.years.sort_by_key(|y| y.year);
        for y in &t.years {
            match totals.iter_mut().find(|r| r.year == y.year) {
                Some(r) => {
                    r.euro.planned += y.euro.planned;
                    r.fte.planned += y.fte.planned;
                }
                None => totals.push(YearRow {
                    year: y.year,
                    euro: Cell {
                        planned: y.euro.planned,
                        frame: None,
                    },
                    fte: Cell {
                        planned: y.fte.planned,
                        frame: None,
                    },
                    lines: Vec::new(),
                }),
            }
        }
    }
    // A frame total per year: the sum of the teams' frames.
    for r in &mut totals {
        let frames = |u: Unit| -> Option<f64> {
            let k = kb?;
            let v: Vec<f64> = k
                .frames
                .iter()
                .filter(|f| f.year == r.year && f.line.is_none())
                .filter_map(|f| if u == Unit::Euro { f.euro } else { f.fte })
                .collect();
            (!v.is_empty()).then(|| v.iter().sum())
        };
        r.euro.frame = frames(Unit::Euro);
        r.fte.frame = frames(Unit::Fte);
    }
    totals.sort_by_key(|r| r.year);
    Table {
        teams,
        totals,
        hours_per_week: kb.map_or(DEFAULT_HOURS_PER_WEEK, |k| k.hours_per_week),
        team_key,
    }
}
