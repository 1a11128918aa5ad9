//! Requirements: one pure function per predicate kind.
//!
//! Owns: deciding whether a requirement holds for one item, and if not, where and why
//! (a `Failure` with a span and a generic Dutch label).
//! Must not: build diagnostics or fill message templates (that is `check::mod`).

use std::collections::HashMap;

use crate::diagnostic::{Fix, Label};
use crate::i18n::tr;
use crate::lang::ruleset::{Bound, Expr, FieldKind, Pred, RuleSet, Subject, Test};
use crate::model::amount::{self as amount, AmountProblem, ProblemKind, Unit};
use crate::model::time::{self, NOTATIONS, Part};
use crate::model::{Action, ActionHeading, Document, Field, ValueFacts, Waiver};
use crate::register::Register;
use crate::source::{SourceId, Span};
use crate::text::short;

use super::budget::Group;
use super::plan::PlanIndex;
use super::progress::{PastMilestone, ProgressIndex, Started, milestone_reported};

/// What a rule is evaluated on.
#[derive(Clone, Copy)]
pub enum Item<'a> {
    Action(&'a Action),
    Heading(&'a ActionHeading),
    Field(&'a Action, &'a Field),
    /// A field-like label in an action: a field's name (`true`: the extractor already
    /// matched it to a field), or a label that names no field (`false`).
    Name(&'a Action, &'a crate::source::Spanned<String>, bool),
    Document(&'a Document),
    /// A register node: (register index, node index).
    Node(usize, usize),
    Waiver(&'a Waiver),
    /// A group of the plan's amounts (`voor elk totaal`).
    Group(&'a Group<'a>),
    /// A priority of the kaderbrief (index into its priorities).
    Priority(usize),
    /// An action of the plan started by a period's peildatum (`voor elke gestarte actie`).
    Started(&'a Started<'a>),
    /// A milestone before a report's peildatum (`voor elke verstreken mijlpaal`).
    Milestone(&'a PastMilestone<'a>),
}

impl Item<'_> {
    /// Where a finding about something missing points.
    pub fn anchor(&self) -> Span {
        match self {
            Item::Action(a) => a.span,
            Item::Heading(h) => h.text.span,
            Item::Field(_, f) => f.value.span,
            Item::Name(_, n, _) => n.span,
            Item::Document(d) => d.field_heading.as_ref().map_or(Span::new(0, 0), |h| h.span),
            Item::Node(..) | Item::Priority(_) => Span::new(0, 0),
            Item::Waiver(w) => w.span,
            Item::Group(g) => g.anchor.1,
            Item::Started(st) => st.action.span,
            Item::Milestone(m) => m.entry.span,
        }
    }
}

/// Why a requirement does not hold, and where.
#[derive(Debug, Clone)]
pub struct Failure {
    pub span: Span,
    pub label: String,
    /// The field the failure is about (index into `RuleSet::fields`).
    pub field: Option<usize>,
    /// The offending value, for `{waarde}`.
    pub value: Option<String>,
    /// A specific hint, such as "bedoelde je …?".
    pub help: Option<String>,
    /// Background for the reader, such as what the beleidsplan says at a node.
    pub note: Option<String>,
    pub related: Vec<Label>,
    /// What would repair it (see `diagnostic::Fix`), best first.
    pub fixes: Vec<Fix>,
    /// Further template values (`{totaal}`, `{kader}`, `{verschil}`).
    pub extra: Vec<(&'static str, String)>,
}

impl Failure {
    fn at(span: Span, label: impl Into<String>) -> Self {
        Failure {
            span,
            label: label.into(),
            field: None,
            value: None,
            help: None,
            note: None,
            related: Vec::new(),
            fixes: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Proposes `text` in the place of this failure's span.
    fn replace_with(&mut self, text: &str, title: String, safe: bool) {
        self.fixes.push(Fix::Replace {
            span: self.span,
            text: text.to_owned(),
            title,
            safe,
        });
    }
}

/// "Vervang `old` door `new`".
fn replace_title(old: &str, new: &str) -> String {
    tr!("fix-replace", old = short(old.trim()), new = short(new))
}

/// A subject's value in one item.
struct Val<'a> {
    text: &'a str,
    span: Span,
    /// The field, when the subject is one.
    field: Option<&'a Field>,
    def: Option<usize>,
    /// The value read as a time expression (a time field, or a waiver's `tot`).
    time: Option<&'a Result<time::Timeline, time::TimeError>>,
}

impl<'a> Val<'a> {
    /// The analysis of a field's value, shared by all rules; `None` for other values.
    fn facts(&self, rules: &RuleSet) -> Option<&'a ValueFacts> {
        self.field
            .filter(|f| std::ptr::eq(f.value.value.as_str(), self.text))
            .map(|f| value_facts(rules, f))
    }

    fn is_blank(&self, rules: &RuleSet) -> bool {
        self.facts(rules)
            .map_or_else(|| is_blank(strip_marks(self.text)), |f| f.blank)
    }

    fn is_placeholder(&self, rules: &RuleSet) -> bool {
        self.facts(rules)
            .map_or_else(|| is_placeholder(rules, self.text), |f| f.placeholder)
    }
}

/// First occurrences for `uniek`, across the whole plan: (test, normalised value) → place.
pub type UniqueIndex = HashMap<(usize, String), (SourceId, Span)>;

pub struct Eval<'a> {
    pub rules: &'a RuleSet,
    pub source: SourceId,
    /// The whole plan, for plan-wide requirements; `None` while checking one file.
    pub plan: Option<&'a PlanIndex<'a>>,
    pub unique: UniqueIndex,
    /// The waivers that suppressed a finding (by span), once waivers are applied.
    pub used: Option<&'a std::collections::HashSet<(SourceId, Span)>>,
    /// The progress report being checked (`voor elke melding`): its peildatum.
    pub report: Option<&'a Document>,
    /// The reports held against the plan, for the progress rules that need the plan.
    pub progress: Option<&'a ProgressIndex<'a>>,
    /// Did the progress rules run (`kader voortgang`)? A waiver of one is not judged unused
    /// by a check that did not run them.
    pub progress_ran: bool,
}

impl<'a> Eval<'a> {
    pub fn new(rules: &'a RuleSet, source: SourceId) -> Self {
        Eval {
            rules,
            source,
            plan: None,
            unique: UniqueIndex::new(),
            used: None,
            report: None,
            progress: None,
            progress_ran: false,
        }
    }
}

pub type Outcome = Result<(), Vec<Failure>>;

/// How a field is named in a label: "Eigenaar" → "eigenaar", "IEP" stays "IEP".
pub fn field_word(rules: &RuleSet, def: usize) -> String {
    let d = rules.fields[def].display();
    let mut chars = d.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(d.chars().skip(1)).collect()
        }
        _ => d.to_owned(),
    }
}

fn subject_word(rules: &RuleSet, s: &Subject) -> String {
    match s {
        Subject::Field(d) => field_word(rules, *d),
        Subject::Id => "ID".into(),
        Subject::Title => tr!("subject-title"),
        Subject::Heading => tr!("subject-heading"),
        Subject::Value => tr!("subject-value"),
        Subject::Name => tr!("subject-name"),
        Subject::Meta(k) => format!("`{k}`"),
        Subject::NodeActions => tr!("subject-actions"),
        Subject::WaiverRule => tr!("subject-rule"),
        Subject::WaiverReason => tr!("subject-reason"),
        Subject::WaiverUntil => tr!("subject-until"),
        Subject::WaiverTarget => tr!("subject-target"),
        Subject::Separator => tr!("subject-separator"),
        Subject::FieldHeading => tr!("subject-field-heading"),
        Subject::Sum(d) => tr!("subject-sum", field = field_word(rules, *d)),
        Subject::DocAmounts => tr!("subject-amounts"),
        Subject::Itself => tr!("subject-itself"),
    }
}

impl<'a> Eval<'a> {
    pub fn eval(&mut self, e: &Expr, item: Item<'a>) -> Outcome {
        match e {
            Expr::And(all) => {
                for e in all {
                    self.eval(e, item)?;
                }
                Ok(())
            }
            Expr::Or(all) => {
                let mut first = None;
                for e in all {
                    match self.eval(e, item) {
                        Ok(()) => return Ok(()),
                        Err(f) => {
                            first.get_or_insert(f);
                        }
                    }
                }
                first.map_or(Ok(()), Err)
            }
            Expr::If(c, t) => match self.eval(c, item) {
                Ok(()) => self.eval(t, item),
                Err(_) => Ok(()),
            },
            Expr::Not(inner) => match self.eval(inner, item) {
                Err(_) => Ok(()),
                Ok(()) => Err(vec![self.negated(inner, item)]),
            },
            Expr::Test(t) => self.test(t, item),
        }
    }

    /// Where `niet X` fails: at the part that matched, when there is one.
    fn negated(&self, inner: &Expr, item: Item<'a>) -> Failure {
        if let Expr::Test(t) = inner
            && let Some(v) = self.value(&t.subject, item)
        {
            let mut f = Failure::at(v.span, tr!("eval-not-allowed-here"));
            f.field = v.def;
            f.value = Some(v.text.to_owned());
            if let Pred::Matches(re) = &t.pred
                && let Some(m) = re.find(v.text)
            {
                f.span = v.span.sub(m.start(), m.end());
                f.value = Some(m.as_str().to_owned());
            }
            return f;
        }
        Failure::at(item.anchor(), tr!("eval-requirement-must-not-hold"))
    }

    fn value(&self, s: &Subject, item: Item<'a>) -> Option<Val<'a>> {
        let plain = |text: &'a str, span: Span| {
            Some(Val {
                text,
                span,
                field: None,
                def: None,
                time: None,
            })
        };
        match (s, item) {
            (Subject::Field(d), Item::Action(a)) => a.field(*d).map(|f| Val {
                text: &f.value.value,
                span: f.value.span,
                field: Some(f),
                def: Some(*d),
                time: f.time.as_deref(),
            }),
            (Subject::Field(d), Item::Started(st)) => st.entry.or(st.previous).and_then(|a| a.field(*d)).map(|f| Val {
                text: &f.value.value,
                span: f.value.span,
                field: Some(f),
                def: Some(*d),
                time: f.time.as_deref(),
            }),
            (Subject::Field(d), Item::Milestone(m)) => m.entry.field(*d).map(|f| Val {
                text: &f.value.value,
                span: f.value.span,
                field: Some(f),
                def: Some(*d),
                time: f.time.as_deref(),
            }),
            (Subject::Itself, Item::Started(_) | Item::Milestone(_)) => plain("", item.anchor()),
            (Subject::Id, Item::Action(a)) => plain(&a.id.value, a.id.span),
            (Subject::Title, Item::Action(a)) => a.title.as_ref().and_then(|t| plain(&t.value, t.span)),
            (Subject::Id, Item::Heading(h)) => h.id.as_ref().and_then(|t| plain(&t.value, t.span)),
            (Subject::Title, Item::Heading(h)) => h.title.as_ref().and_then(|t| plain(&t.value, t.span)),
            (Subject::Heading, Item::Heading(h)) => plain(&h.text.value, h.text.span),
            (Subject::Value, Item::Field(_, f)) => Some(Val {
                text: &f.value.value,
                span: f.value.span,
                field: Some(f),
                def: Some(f.def),
                time: f.time.as_deref(),
            }),
            (Subject::Name, Item::Field(_, f)) => plain(&f.name.value, f.name.span),
            (Subject::Name, Item::Name(_, n, _)) => plain(&n.value, n.span),
            // Present unless the heading was read without its separator.
            (Subject::Separator, Item::Heading(h)) if h.gap.is_none() => plain(&h.text.value, h.text.span),
            (Subject::NodeActions | Subject::DocAmounts, Item::Document(_)) => plain("", item.anchor()),
            (Subject::FieldHeading, Item::Document(d)) => {
                d.field_heading.as_ref().and_then(|h| plain(&h.value, h.span))
            }
            (Subject::Meta(k), Item::Document(d)) => d
                .meta
                .iter()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| plain(&v.value, v.span)),
            (Subject::Id, Item::Node(r, n)) => plain(&self.rules.registers[r].nodes[n].id, Span::new(0, 0)),
            (Subject::Title, Item::Node(r, n)) => plain(&self.rules.registers[r].nodes[n].title, Span::new(0, 0)),
            (Subject::NodeActions, Item::Node(..) | Item::Priority(_)) => plain("", Span::new(0, 0)),
            (Subject::Id, Item::Priority(p)) => self
                .rules
                .kaderbrief
                .as_ref()
                .and_then(|k| k.priorities.get(p))
                .and_then(|pr| plain(&pr.id, Span::new(0, 0))),
            (Subject::Title, Item::Priority(p)) => self
                .rules
                .priorities
                .get(p)
                .and_then(|&(r, n)| plain(&self.rules.registers[r].nodes[n].title, Span::new(0, 0))),
            (Subject::WaiverRule, Item::Waiver(w)) => w.rule.as_ref().and_then(|t| plain(&t.value, t.span)),
            (Subject::WaiverReason, Item::Waiver(w)) => w.reason.as_ref().and_then(|t| plain(&t.value, t.span)),
            (Subject::WaiverTarget, Item::Waiver(w)) => w.target.as_ref().and_then(|t| plain(&t.value, t.span)),
            (Subject::WaiverUntil, Item::Waiver(w)) => w.until.as_ref().map(|t| Val {
                text: &t.value,
                span: t.span,
                field: None,
                def: None,
                time: w.until_time.as_ref(),
            }),
            _ => None,
        }
    }

    /// Is the subject filled in (present, not empty, not a placeholder)?
    pub fn filled(&self, s: &Subject, item: Item<'a>) -> bool {
        self.value(s, item)
            .is_some_and(|v| !v.is_blank(self.rules) && !v.is_placeholder(self.rules))
    }

    fn test(&mut self, t: &Test, item: Item<'a>) -> Outcome {
        if let (Pred::Total { unit, cmp, bound }, Subject::Sum(def), Item::Group(g)) = (&t.pred, &t.subject, item) {
            return self.total(g, *def, *unit, *cmp, *bound);
        }
        let Some(v) = self.value(&t.subject, item) else {
            return match t.pred {
                Pred::Filled => {
                    let what = subject_word(self.rules, &t.subject);
                    if let (Subject::Separator, Item::Heading(h)) = (&t.subject, item)
                        && let Some(gap) = h.gap
                    {
                        let mut f = Failure::at(gap, tr!("eval-separator-missing"));
                        f.replace_with(": ", tr!("fix-separator"), true);
                        return Err(vec![f]);
                    }
                    let label = match item {
                        Item::Action(_) => tr!("eval-action-lacks", what = what),
                        Item::Heading(h) if !h.well_formed => tr!("eval-heading-malformed"),
                        Item::Heading(_) => tr!("eval-heading-lacks", what = what),
                        Item::Waiver(_) => tr!("eval-waiver-lacks", what = what),
                        _ => tr!("eval-missing", what = what),
                    };
                    let mut f = Failure::at(item.anchor(), label);
                    if let Subject::Field(d) = t.subject {
                        f.field = Some(d);
                        if matches!(item, Item::Action(_)) {
                            f.fixes.push(Fix::AddField(d));
                        }
                        // `**Eigenaaar:** Team X` was seen: show it where the field is missed.
                        if let Item::Action(a) = item
                            && let Some(l) = a
                                .labels
                                .iter()
                                // A hint, not a search: the first labels of the action.
                                .take(20)
                                .find(|l| suggested_field(self.rules, &l.value).is_some_and(|(s, _, _)| s == d))
                        {
                            f.related.push(Label::new(
                                self.source,
                                l.span,
                                tr!(
                                    "eval-label-meant",
                                    name = short(l.value.as_str()),
                                    field = self.rules.fields[d].display()
                                ),
                            ));
                        }
                    }
                    Err(vec![f])
                }
                // `stand = "afgerond"` asks for a status: without one it does not hold.
                Pred::HasStatus(_) => {
                    let what = subject_word(self.rules, &t.subject);
                    let mut f = Failure::at(item.anchor(), tr!("eval-missing", what = what));
                    if let Subject::Field(d) = t.subject {
                        f.field = Some(d);
                    }
                    Err(vec![f])
                }
                // Other requirements hold vacuously for a missing value; combine them with
                // `ingevuld` to make the field mandatory.
                _ => Ok(()),
            };
        };
        let fail = |span: Span, label: String| {
            let mut f = Failure::at(span, label);
            f.field = v.def;
            f.value = Some(v.text.to_owned());
            Err(vec![f])
        };
        match &t.pred {
            Pred::Filled => {
                if v.is_blank(self.rules) {
                    // An empty table cell has a span of its own; `Eigenaar:` with nothing
                    // after it is shown at the name.
                    let at = if v.span.is_empty() {
                        v.field.map_or(v.span, |f| f.name.span)
                    } else {
                        v.span
                    };
                    fail(at, tr!("eval-empty", what = subject_word(self.rules, &t.subject)))
                } else if v.is_placeholder(self.rules) {
                    fail(v.span, tr!("eval-placeholder-value", text = short(strip_marks(v.text))))
                } else {
                    Ok(())
                }
            }
            Pred::Matches(re) => {
                if re.is_match(v.text) {
                    Ok(())
                } else {
                    fail(v.span, tr!("eval-wrong-form"))
                }
            }
            Pred::Words(cmp, n) => {
                // Whether it holds is known after n + 1 words; the message has them all.
                if cmp.holds(word_count_upto(v.text, n.saturating_add(1)), *n) {
                    Ok(())
                } else {
                    let count = word_count(v.text);
                    fail(v.span, count_label("words", count, *cmp, *n))
                }
            }
            Pred::Length(cmp, n) => {
                let count = v.text.trim().chars().count();
                if cmp.holds(count, *n) {
                    Ok(())
                } else {
                    fail(v.span, count_label("characters", count, *cmp, *n))
                }
            }
            Pred::Equals(s) => {
                if strip_marks(v.text).trim().eq_ignore_ascii_case(s.trim())
                    || strip_marks(v.text).trim().to_lowercase() == s.trim().to_lowercase()
                {
                    Ok(())
                } else {
                    fail(v.span, tr!("eval-expected-value", value = short(s.as_str())))
                }
            }
            Pred::ExistsIn(r) => self.exists(&self.rules.registers[*r], v),
            Pred::AtLevel(r, levels) => self.at_level(&self.rules.registers[*r], levels, v),
            Pred::TitleMatches(r) => self.title_matches(&self.rules.registers[*r], v),
            Pred::WithoutPlaceholder => {
                let owned;
                let found: &[(usize, usize)] = match v.facts(self.rules) {
                    Some(facts) => &facts.placeholders,
                    None => {
                        owned = find_placeholders(self.rules, v.text);
                        &owned
                    }
                };
                if found.is_empty() {
                    return Ok(());
                }
                Err(found
                    .iter()
                    .map(|&(s, e)| {
                        let text = &v.text[s..e];
                        let mut f = Failure::at(v.span.sub(s, e), tr!("eval-placeholder", text = short(text)));
                        f.field = v.def;
                        f.value = Some(text.to_owned());
                        f
                    })
                    .collect())
            }
            Pred::IsTime => match v.time {
                Some(Err(e)) => {
                    let mut f = Failure::at(e.span, e.message.clone());
                    f.field = v.def;
                    f.value = Some(v.text.to_owned());
                    let said = v
                        .text
                        .get(e.span.start.saturating_sub(v.span.start)..e.span.end.saturating_sub(v.span.start))
                        .unwrap_or(v.text);
                    f.help = time::nearest_notation(said).map(|n| tr!("eval-time-nearest", notation = n));
                    f.note = Some(tr!("eval-time-notations", notations = NOTATIONS));
                    Err(vec![f])
                }
                _ => Ok(()),
            },
            Pred::WithinPlan => {
                let Some(Ok(tl)) = v.time else {
                    return Ok(());
                };
                let plan = time::Interval::new(self.rules.plan.start, self.rules.plan.end);
                let fails: Vec<Failure> = tl
                    .parts()
                    .into_iter()
                    .filter(|p| !plan.contains(&p.interval))
                    .map(|p| {
                        let said = said(&v, &p);
                        let label = if p.interval.start < plan.start {
                            tr!(
                                "eval-before-plan",
                                said = said,
                                date = time::format_for_reader(time::Interval::day(plan.start))
                            )
                        } else {
                            tr!(
                                "eval-after-plan",
                                said = said,
                                date = time::format_for_reader(time::Interval::day(plan.end))
                            )
                        };
                        self.part_failure(&p, label, &v)
                    })
                    .collect();
                if fails.is_empty() { Ok(()) } else { Err(fails) }
            }
            Pred::InOrder => {
                let Some(Ok(tl)) = v.time else {
                    return Ok(());
                };
                let mut fails = Vec::new();
                for p in tl.periods.iter().chain(tl.milestones.iter().map(|m| &m.when)) {
                    if let Some((a, b)) = &p.ends
                        && b.interval.end < a.interval.start
                    {
                        let label = tr!("eval-end-before-start", end = said(&v, b), start = said(&v, a));
                        let mut f = self.part_failure(b, label, &v);
                        f.related.push(Label::new(self.source, a.span, tr!("eval-starts-here")));
                        fails.push(f);
                    }
                }
                for pair in tl.milestones.windows(2) {
                    let (prev, next) = (&pair[0].when, &pair[1].when);
                    if next.interval.start < prev.interval.start {
                        let part = Part {
                            interval: next.interval,
                            span: next.span,
                        };
                        let before = Part {
                            interval: prev.interval,
                            span: prev.span,
                        };
                        let label = tr!(
                            "eval-milestone-order",
                            milestone = said(&v, &part),
                            previous = said(&v, &before)
                        );
                        let mut f = self.part_failure(&part, label, &v);
                        f.related
                            .push(Label::new(self.source, prev.span, tr!("eval-previous-milestone")));
                        fails.push(f);
                    }
                }
                if fails.is_empty() { Ok(()) } else { Err(fails) }
            }
            Pred::StartsAfter(deps) | Pred::StartsBefore(deps) => {
                let after = matches!(t.pred, Pred::StartsAfter(_));
                self.starts(item, &t.subject, *deps, after, v)
            }
            // An entry of a report names the plan's action by its ID.
            Pred::ActionsExist if v.field.is_none() && matches!(t.subject, Subject::Id) => {
                let Some(plan) = self.plan else { return Ok(()) };
                if plan.action(v.text).is_some() {
                    return Ok(());
                }
                let mut f = Failure::at(v.span, tr!("eval-no-such-action", id = short(v.text)));
                f.value = Some(v.text.to_owned());
                let close = plan.similar_ids(v.text);
                if !close.is_empty() {
                    let names: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
                    f.help = Some(crate::i18n::did_you_mean(&names));
                }
                for c in &close {
                    f.replace_with(c, replace_title(v.text, c), close.len() == 1);
                }
                Err(vec![f])
            }
            Pred::ActionsExist => {
                let Some(plan) = self.plan else { return Ok(()) };
                let mut fails = Vec::new();
                for link in Self::links(&v) {
                    if plan.action(&link.id.value).is_some() {
                        continue;
                    }
                    let mut f = Failure::at(
                        link.id.span,
                        tr!("eval-no-such-action", id = short(link.id.value.as_str())),
                    );
                    f.field = v.def;
                    f.value = Some(link.id.value.clone());
                    // Never the action itself: it cannot wait for itself.
                    let own = match item {
                        Item::Action(a) => Some(a.id.value.as_str()),
                        _ => None,
                    };
                    let close: Vec<_> = plan
                        .similar_ids(&link.id.value)
                        .into_iter()
                        .filter(|c| own.is_none_or(|own| !c.eq_ignore_ascii_case(own)))
                        .collect();
                    if !close.is_empty() {
                        let names: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
                        f.help = Some(crate::i18n::did_you_mean(&names));
                    }
                    // Exactly one close ID is what the writer meant; more are a choice.
                    for c in &close {
                        f.replace_with(c, replace_title(&link.id.value, c), close.len() == 1);
                    }
                    fails.push(f);
                }
                if fails.is_empty() { Ok(()) } else { Err(fails) }
            }
            Pred::NoCycle => {
                let (Some(plan), Item::Action(a), Some(def)) = (self.plan, item, v.def) else {
                    return Ok(());
                };
                let fails: Vec<Failure> = plan
                    .cycles_reported_by(def, self.source, a)
                    .map(|c| {
                        let path = c.ids.join(" → ");
                        let mut f = Failure::at(c.first_link, tr!("eval-cycle", path = path.as_str()));
                        f.field = v.def;
                        f.value = Some(path);
                        f.related = c.others.clone();
                        f
                    })
                    .collect();
                if fails.is_empty() { Ok(()) } else { Err(fails) }
            }
            Pred::HasAmount => {
                let owned;
                let amounts = match v.field.and_then(|f| f.amounts.as_deref()) {
                    Some(a) => a,
                    None => {
                        owned = crate::draft::amount::read_amounts(v.text, v.span);
                        &owned
                    }
                };
                // Written as an amount, countable or not: `bedragen leesbaar` says which not.
                let named = !amounts.amounts.is_empty()
                    || amounts.problems.iter().any(|p| {
                        matches!(
                            p.kind,
                            ProblemKind::Multiplier(_) | ProblemKind::Range | ProblemKind::DecimalPoint(_)
                        )
                    });
                if named {
                    Ok(())
                } else {
                    fail(v.span, tr!("eval-no-amount"))
                }
            }
            Pred::AmountsReadable => {
                let Some(amounts) = v.field.and_then(|f| f.amounts.as_deref()) else {
                    return Ok(());
                };
                let fails: Vec<Failure> = amounts
                    .problems
                    .iter()
                    // `€ PM` is the placeholder rule's.
                    .filter(|p| p.kind != ProblemKind::Placeholder)
                    .map(|p| self.amount_failure(&v, p))
                    .collect();
                if fails.is_empty() { Ok(()) } else { Err(fails) }
            }
            Pred::TeamListed => {
                let Some(k) = self.rules.kaderbrief.as_ref() else {
                    return Ok(());
                };
                let name = strip_marks(v.text);
                if k.team(name).is_some() {
                    return Ok(());
                }
                let mut f = Failure::at(v.span, tr!("eval-team-not-listed", name = short(name)));
                f.value = Some(name.to_owned());
                // `Team Wijkzrog` is close to `Wijkzorg`: compare without the word "Team".
                let bare = name
                    .split_once(' ')
                    .filter(|(first, _)| first.eq_ignore_ascii_case("team"))
                    .map_or(name, |(_, rest)| rest.trim());
                match crate::lang::keywords::did_you_mean(bare, k.team_names()) {
                    Some(m) => {
                        f.help = Some(crate::i18n::did_you_mean_code(m));
                        // Another team is another frame: a person decides.
                        f.replace_with(m, replace_title(name, m), false);
                    }
                    None => {
                        let names: Vec<String> = k.team_names().map(|n| format!("`{n}`")).collect();
                        f.help = Some(tr!("eval-team-names", names = names.join(", ")));
                    }
                }
                Err(vec![f])
            }
            Pred::Total { .. } => Ok(()),
            Pred::HasStatus(st) => {
                let Some(progress) = &self.rules.progress else {
                    return Ok(());
                };
                if progress.status_of(v.text) == Some(*st) {
                    Ok(())
                } else {
                    let want = progress.statuses[*st].aliases.first().map_or("", String::as_str);
                    fail(v.span, tr!("eval-status-is-not", status = want))
                }
            }
            Pred::Reported => self.reported(item),
            Pred::AfterCutoff => {
                let (Some(Ok(tl)), Some(day)) = (
                    v.time,
                    self.report.and_then(|r| r.report.as_ref()).and_then(|m| m.peildatum),
                ) else {
                    return Ok(());
                };
                let date = time::format_for_reader(time::Interval::day(day));
                let fails: Vec<Failure> = tl
                    .parts()
                    .iter()
                    .filter(|p| p.interval.end <= day)
                    .map(|p| self.part_failure(p, tr!("eval-before-cutoff", date = date.as_str()), &v))
                    .collect();
                if fails.is_empty() { Ok(()) } else { Err(fails) }
            }
            Pred::FitsIn(planned_def) => self.fits_in(item, &v, *planned_def),
            Pred::Known if v.def.is_some_and(|d| self.rules.fields[d].kind == FieldKind::Status) => {
                self.known_status(v)
            }
            // A field's own name was matched when the draft was read.
            Pred::Known if matches!(item, Item::Name(_, _, true)) => Ok(()),
            Pred::Known if matches!(t.subject, Subject::Name) => self.known_field(v),
            Pred::Known if matches!(t.subject, Subject::WaiverTarget) => self.known_node(v),
            Pred::Known => {
                let name = v.text.trim();
                if self.rules.rules.iter().any(|r| r.id == name) {
                    return Ok(());
                }
                let mut f = Failure::at(v.span, tr!("eval-no-such-rule", name = name));
                f.value = Some(name.to_owned());
                let ids = self.rules.rules.iter().map(|r| r.id.as_str());
                if let Some(m) = crate::lang::keywords::did_you_mean(name, ids) {
                    f.help = Some(crate::i18n::did_you_mean_code(m));
                    // A waiver that starts to apply waives findings: a person decides.
                    f.replace_with(m, replace_title(name, m), false);
                }
                Err(vec![f])
            }
            Pred::Count(cmp, n) => {
                let (count, what) = match (&t.subject, item) {
                    (Subject::NodeActions, Item::Node(r, node)) => {
                        (self.plan.map_or(0, |p| p.coverage(r, node).len()), "actions")
                    }
                    (Subject::NodeActions, Item::Priority(p)) => {
                        let (r, node) = self.rules.priorities[p];
                        (self.plan.map_or(0, |p| p.coverage(r, node).len()), "actions")
                    }
                    (Subject::NodeActions, Item::Document(d)) => (d.actions.len(), "actions"),
                    (Subject::DocAmounts, Item::Document(d)) => (
                        d.actions
                            .iter()
                            .flat_map(|a| &a.fields)
                            .filter_map(|f| f.amounts.as_deref())
                            .map(|x| x.amounts.len())
                            .sum(),
                        "amounts",
                    ),
                    _ => match v.def.map(|d| self.rules.fields[d].kind) {
                        Some(FieldKind::Links(_) | FieldKind::Actions) => (Self::links(&v).len(), "links"),
                        _ => (word_count(v.text), "words"),
                    },
                };
                if cmp.holds(count, *n) {
                    return Ok(());
                }
                let label = if count == 0 && matches!(item, Item::Node(..) | Item::Priority(_)) {
                    tr!("eval-no-action-links-here")
                } else if count == 0 && matches!(item, Item::Document(_)) {
                    tr!("eval-heading-not-action")
                } else {
                    count_label(what, count, *cmp, *n)
                };
                let mut f = Failure::at(v.span, label);
                f.field = v.def;
                let node_of = match item {
                    Item::Node(r, node) => Some((r, node)),
                    Item::Priority(p) => self.rules.priorities.get(p).copied(),
                    _ => None,
                };
                if let Some((r, node)) = node_of {
                    let reg = &self.rules.registers[r];
                    let points: Vec<&str> = reg.nodes[node].points.iter().take(3).map(|p| p.text.as_str()).collect();
                    if !points.is_empty() {
                        f.note = Some(tr!(
                            "eval-register-mentions",
                            register = reg.title.as_str(),
                            points = points.join("; ")
                        ));
                    }
                }
                Err(vec![f])
            }
            Pred::Used => match (item, self.used) {
                // A check without progress reports did not run the progress rules: their
                // waivers are not unused, only not needed today.
                (Item::Waiver(w), _)
                    if !self.progress_ran
                        && w.rule
                            .as_ref()
                            .and_then(|r| self.rules.rule(&r.value))
                            .is_some_and(|r| r.scope.is_progress()) =>
                {
                    Ok(())
                }
                (Item::Waiver(w), Some(used)) if !used.contains(&(self.source, w.span)) => {
                    let mut f = Failure::at(w.span, tr!("eval-waiver-unused"));
                    f.value = w.rule.as_ref().map(|r| r.value.clone());
                    Err(vec![f])
                }
                _ => Ok(()),
            },
            Pred::Unique => {
                let key = (t as *const Test as usize, v.text.trim().to_lowercase());
                let index = &mut self.unique;
                match index.get(&key) {
                    Some(&(src, span)) => {
                        let mut f = Failure::at(v.span, tr!("eval-already-used", value = short(v.text.trim())));
                        f.field = v.def;
                        f.value = Some(v.text.to_owned());
                        f.related.push(Label::new(src, span, tr!("eval-first-used-here")));
                        Err(vec![f])
                    }
                    None => {
                        index.insert(key, (self.source, v.span));
                        Ok(())
                    }
                }
            }
        }
    }

    /// `stand bekend`: the value names a status of the `voortgang` block.
    fn known_status(&self, v: Val<'a>) -> Outcome {
        let Some(progress) = &self.rules.progress else {
            return Ok(());
        };
        if progress.status_of(v.text).is_some() {
            return Ok(());
        }
        let written = strip_marks(v.text).trim();
        let mut f = Failure::at(v.span, tr!("eval-no-such-status", value = short(written)));
        f.field = v.def;
        f.value = Some(written.to_owned());
        let aliases = progress
            .statuses
            .iter()
            .flat_map(|s| s.aliases.iter().map(String::as_str));
        match crate::lang::keywords::did_you_mean(written, aliases) {
            Some(m) => {
                f.help = Some(crate::i18n::did_you_mean_code(m));
                f.replace_with(m, replace_title(written, m), false);
            }
            None => {
                let names: Vec<String> = progress
                    .statuses
                    .iter()
                    .filter_map(|s| s.aliases.first())
                    .map(|a| format!("`{a}`"))
                    .collect();
                f.help = Some(tr!("eval-statuses", names = names.join(", ")));
            }
        }
        Err(vec![f])
    }

    /// `actie gemeld` (a started action has an entry in its team's report for the period)
    /// and `mijlpaal gemeld` (an entry says whether a past milestone was reached).
    fn reported(&self, item: Item<'a>) -> Outcome {
        match item {
            Item::Started(st) => {
                if st.entry.is_some() {
                    return Ok(());
                }
                let date = time::format_for_reader(time::Interval::day(st.peildatum));
                let label = match st.report {
                    Some(_) => tr!("eval-entry-missing", id = short(st.action.id.value.as_str())),
                    None => tr!("eval-report-missing", team = short(st.team), date = date.as_str()),
                };
                Err(vec![Failure::at(st.action.span, label)])
            }
            Item::Milestone(m) => match milestone_reported(self.rules, m) {
                Ok(()) => Ok(()),
                Err(mentioned) => {
                    let label = match mentioned {
                        Some(_) => tr!("eval-milestone-no-status"),
                        None => tr!("eval-milestone-not-mentioned"),
                    };
                    let mut f = Failure::at(mentioned.unwrap_or(m.entry.span), label);
                    f.related.push(Label::new(
                        m.plan,
                        m.milestone.when.span.cover(m.milestone.text),
                        tr!("eval-milestone-in-plan"),
                    ));
                    Err(vec![f])
                }
            },
            _ => Ok(()),
        }
    }

    /// `besteed past in inzet`: what an entry says was spent, in euro, is no more than its
    /// action planned in the plan's amount field.
    fn fits_in(&self, item: Item<'a>, v: &Val<'a>, planned_def: usize) -> Outcome {
        let (Item::Action(entry), Some(plan), Some(progress)) = (item, self.plan, self.progress) else {
            return Ok(());
        };
        let Some((plan_source, action)) = plan.action(&entry.id.value) else {
            return Ok(());
        };
        let Some(amounts) = v.field.and_then(|f| f.amounts.as_deref()) else {
            return Ok(());
        };
        let spent: f64 = amounts
            .amounts
            .iter()
            .filter(|a| a.unit == Unit::Euro)
            .map(|a| a.value)
            .sum();
        let planned = progress.planned(action, planned_def);
        if crate::lang::ruleset::Cmp::Le.holds_f64(spent, planned) {
            return Ok(());
        }
        let (spent_s, planned_s) = (amount::format_euro(spent), amount::format_euro(planned));
        let mut f = Failure::at(
            v.span,
            tr!(
                "eval-spent-over",
                spent = spent_s.as_str(),
                planned = planned_s.as_str()
            ),
        );
        f.field = v.def;
        f.value = Some(v.text.to_owned());
        f.extra.push(("besteed", spent_s));
        f.extra.push(("gepland", planned_s));
        if let Some(pf) = action.field(planned_def) {
            f.related
                .push(Label::new(plan_source, pf.value.span, tr!("eval-planned-here")));
        }
        Err(vec![f])
    }

    /// `naam bekend` in the `veldnaam` scope: the label is a field's name. If not: "did you
    /// mean" from the field's synonyms in the rule file, else from a close spelling.
    fn known_field(&self, v: Val<'a>) -> Outcome {
        let key = crate::text::normalize_name(v.text);
        let fields = &self.rules.fields;
        if fields.iter().any(|f| f.keys.contains(&key)) {
            return Ok(());
        }
        let mut f = Failure::at(v.span, tr!("eval-no-such-field", name = short(v.text.trim())));
        f.value = Some(v.text.trim().to_owned());
        if let Some((def, name, synonym)) = suggested_field(self.rules, v.text) {
            f.help = Some(crate::i18n::did_you_mean_code(name));
            // A misspelt name is safe to correct; a synonym (`Budget` for the inzet) asks
            // whether the value says what the field asks.
            f.replace_with(name, replace_title(v.text, name), !synonym);
            if synonym {
                f.note = Some(tr!(
                    "eval-synonym-note",
                    name = v.text.trim(),
                    field = fields[def].display()
                ));
            }
        }
        Err(vec![f])
    }

    /// `doel bekend`: a waiver's register node exists in a register of the rule set.
    fn known_node(&self, v: Val<'a>) -> Outcome {
        let id = v.text.trim();
        if self.rules.registers.iter().any(|r| r.get(id).is_some()) {
            return Ok(());
        }
        let mut f = Failure::at(v.span, tr!("eval-no-such-node", id = short(id)));
        f.value = Some(id.to_owned());
        let ids = self
            .rules
            .registers
            .iter()
            .flat_map(|r| r.nodes.iter().map(|n| n.id.as_str()));
        if let Some(m) = crate::lang::keywords::did_you_mean(id, ids) {
            f.help = Some(crate::i18n::did_you_mean_code(m));
            f.replace_with(m, replace_title(id, m), false);
        }
        Err(vec![f])
    }

    /// `som inzet <= kaderbrief`: the group's sum in each unit asked, against its frame (no
    /// frame: nothing to hold it against) or a number. Each contributing action is a label
    /// with its share.
    fn total(
        &self,
        g: &Group<'_>,
        def: usize,
        unit: Option<Unit>,
        cmp: crate::lang::ruleset::Cmp,
        bound: Bound,
    ) -> Outcome {
        let units: &[Unit] = match unit {
            Some(Unit::Euro) => &[Unit::Euro],
            Some(_) => &[Unit::Fte],
            None => &[Unit::Euro, Unit::Fte],
        };
        let mut fails = Vec::new();
        for &u in units {
            let limit = match bound {
                Bound::Number(n) => n,
                Bound::Frame => match g.frame(self.rules, u) {
                    Some(f) => f,
                    None => continue,
                },
            };
            let sum = g.sum(def, u);
            if cmp.holds_f64(sum, limit) {
                continue;
            }
            let write = |v: f64| match u {
                Unit::Euro => amount::format_euro(v),
                _ => amount::format_fte(v),
            };
            let (total, frame, diff) = (write(sum), write(limit), write((sum - limit).abs()));
            let label = match bound {
                Bound::Frame => tr!("eval-total-frame", total = total.as_str(), frame = frame.as_str()),
                Bound::Number(_) => tr!(
                    "eval-total",
                    total = total.as_str(),
                    frame = frame.as_str(),
                    cmp = cmp.symbol()
                ),
            };
            let mut f = Failure::at(g.anchor.1, label);
            f.field = Some(def);
            f.value = Some(total.clone());
            f.extra = vec![("totaal", total), ("kader", frame), ("verschil", diff)];
            let year = g.year().map(|y| y.to_string()).unwrap_or_default();
            // Every contributing action, in plan order, with its share: where the money goes.
            for (share, part, span) in g.by_action(def, u) {
                f.related.push(Label::new(
                    share.doc.source,
                    span,
                    tr!(
                        "eval-total-share",
                        action = share.action.id.value.as_str(),
                        share = write(part),
                        year = year.as_str()
                    ),
                ));
            }
            fails.push(f);
        }
        if fails.is_empty() { Ok(()) } else { Err(fails) }
    }

    /// Why an amount cannot be counted, at its place, with how to write it.
    fn amount_failure(&self, v: &Val<'_>, p: &AmountProblem) -> Failure {
        let written = v
            .text
            .get(p.span.start.saturating_sub(v.span.start)..p.span.end.saturating_sub(v.span.start))
            .unwrap_or(v.text);
        let (label, help) = match &p.kind {
            ProblemKind::Multiplier(per) => (
                tr!("eval-amount-multiplier", per = short(per)),
                tr!("eval-amount-multiplier-help", written = short(written)),
            ),
            ProblemKind::Range => (tr!("eval-amount-range"), tr!("eval-amount-range-help")),
            ProblemKind::DecimalPoint(comma) => (
                tr!("eval-amount-point"),
                tr!("eval-amount-point-help", comma = comma.as_str()),
            ),
            ProblemKind::Unreadable | ProblemKind::Placeholder => {
                (tr!("eval-amount-unreadable"), tr!("eval-amount-unreadable-help"))
            }
        };
        let mut f = Failure::at(p.span, label);
        f.field = v.def;
        f.value = Some(written.to_owned());
        f.help = Some(help);
        if let ProblemKind::DecimalPoint(comma) = &p.kind {
            let point = comma.replace(',', ".");
            let fixed = written.replacen(&point, comma, 1);
            f.replace_with(&fixed, replace_title(written, &fixed), true);
        }
        f
    }

    fn part_failure(&self, p: &Part, label: String, v: &Val<'_>) -> Failure {
        let mut f = Failure::at(p.span, label);
        f.field = v.def;
        f.value = Some(written(v, p).to_owned());
        f
    }

    /// `tijdpad begint na afhankelijk`: compare this action's start with each dependency's.
    fn starts(&self, item: Item<'a>, subject: &Subject, deps: usize, after: bool, v: Val<'a>) -> Outcome {
        let (Some(plan), Item::Action(a), Subject::Field(time_def)) = (self.plan, item, subject) else {
            return Ok(());
        };
        let Some(Ok(mine)) = v.time else {
            return Ok(());
        };
        let Some(my_start) = mine.start() else { return Ok(()) };
        let mut fails = Vec::new();
        for link in a.field(deps).map_or(&[][..], |f| f.links.as_slice()) {
            let Some((src, other)) = plan.action(&link.id.value) else {
                continue;
            };
            let Some(Ok(theirs)) = other.field(*time_def).and_then(|f| f.time.as_deref()) else {
                continue;
            };
            let Some(their_start) = theirs.start() else { continue };
            let wrong = if after {
                my_start.interval.start < their_start.interval.start
            } else {
                my_start.interval.start > their_start.interval.start
            };
            if !wrong {
                continue;
            }
            let start = said(&v, &my_start);
            let other_id = other.id.value.as_str();
            let date = time::format_for_reader(time::Interval::day(their_start.interval.start));
            let label = if after {
                tr!(
                    "eval-starts-before-dependency",
                    start = start,
                    other = other_id,
                    date = date
                )
            } else {
                tr!(
                    "eval-starts-after-dependency",
                    start = start,
                    other = other_id,
                    date = date
                )
            };
            let mut f = self.part_failure(&my_start, label, &v);
            f.value = Some(other.id.value.clone());
            f.related.push(Label::new(
                src,
                their_start.span,
                tr!("eval-other-starts-here", other = short(other.id.value.as_str())),
            ));
            fails.push(f);
        }
        if fails.is_empty() { Ok(()) } else { Err(fails) }
    }

    fn links(v: &Val<'a>) -> &'a [crate::model::Link] {
        v.field.map_or(&[], |f| f.links.as_slice())
    }

    fn exists(&self, reg: &Register, v: Val<'a>) -> Outcome {
        let mut fails = Vec::new();
        for link in Self::links(&v) {
            if reg.get(&link.id.value).is_some() {
                continue;
            }
            let mut f = Failure::at(
                link.id.span,
                tr!(
                    "eval-not-in-register",
                    id = link.id.value.as_str(),
                    register = reg.title.as_str()
                ),
            );
            f.field = v.def;
            f.value = Some(link.id.value.clone());
            let suggestions = reg.suggest(&link.id.value, strip_marks(v.text).trim());
            if !suggestions.is_empty() {
                let names: Vec<String> = suggestions
                    .iter()
                    .map(|n| format!("`{}` ({})", n.id, n.title))
                    .collect();
                f.help = Some(crate::i18n::did_you_mean(&names));
            }
            for n in &suggestions {
                f.replace_with(&n.id, replace_title(&link.id.value, &n.id), suggestions.len() == 1);
            }
            fails.push(f);
        }
        if fails.is_empty() { Ok(()) } else { Err(fails) }
    }

    fn at_level(&self, reg: &Register, levels: &[String], v: Val<'a>) -> Outcome {
        let mut fails = Vec::new();
        for link in Self::links(&v) {
            let Some(node) = reg.get(&link.id.value) else { continue };
            if levels.contains(&node.level) {
                continue;
            }
            let mut f = Failure::at(
                link.id.span,
                tr!(
                    "eval-wrong-level",
                    id = node.id.as_str(),
                    level = node.level.as_str(),
                    levels = levels.join(&format!(" {} ", tr!("word-or")))
                ),
            );
            f.field = v.def;
            f.value = Some(link.id.value.clone());
            if !node.children.is_empty() {
                let kids: Vec<String> = node
                    .children
                    .iter()
                    .map(|&c| reg.node(c))
                    .map(|n| format!("{} ({})", n.id, n.title))
                    .collect();
                f.help = Some(tr!("eval-children", id = node.id.as_str(), children = kids.join(", ")));
            }
            fails.push(f);
        }
        if fails.is_empty() { Ok(()) } else { Err(fails) }
    }

    fn title_matches(&self, reg: &Register, v: Val<'a>) -> Outcome {
        let mut fails = Vec::new();
        for link in Self::links(&v) {
            let (Some(node), Some(title)) = (reg.get(&link.id.value), &link.title) else {
                continue;
            };
            if reg.title_matches(node, &title.value) {
                continue;
            }
            let mut f = Failure::at(
                title.span,
                tr!(
                    "eval-register-title",
                    register = reg.title.as_str(),
                    id = node.id.as_str(),
                    title = node.title.as_str()
                ),
            );
            f.field = v.def;
            f.value = Some(title.value.clone());
            f.help = Some(tr!(
                "eval-write-title",
                id = node.id.as_str(),
                title = node.title.as_str()
            ));
            f.replace_with(&node.title, tr!("fix-title", title = node.title.as_str()), true);
            fails.push(f);
        }
        if fails.is_empty() { Ok(()) } else { Err(fails) }
    }
}

/// The field a label that is no field's name was probably meant as: by a synonym in the
/// rule file, else by a close spelling of one of its names. (field, name, by synonym)
fn suggested_field<'r>(rules: &'r RuleSet, label: &str) -> Option<(usize, &'r str, bool)> {
    let key = crate::text::normalize_name(label);
    if let Some(d) = rules.fields.iter().position(|d| d.synonyms.contains(&key)) {
        return Some((d, rules.fields[d].display(), true));
    }
    let names = rules.fields.iter().flat_map(|d| d.aliases.iter().map(String::as_str));
    let name = crate::lang::keywords::did_you_mean(label.trim(), names)?;
    let d = rules.fields.iter().position(|d| d.aliases.iter().any(|a| a == name))?;
    Some((d, name, false))
}

/// The text of a part as the author wrote it.
fn written<'v>(v: &Val<'v>, p: &Part) -> &'v str {
    let (s, e) = (
        p.span.start.wrapping_sub(v.span.start),
        p.span.end.wrapping_sub(v.span.start),
    );
    v.text.get(s..e).unwrap_or("")
}

/// `medio 2028 (juni 2028 – juli 2028)`: the author's words, and how kader read them when
/// that is not obvious.
fn said(v: &Val<'_>, p: &Part) -> String {
    let w = written(v, p).trim();
    let reading = time::format_for_reader(p.interval);
    if w.is_empty() {
        reading
    } else if w.eq_ignore_ascii_case(&reading) {
        format!("`{w}`")
    } else {
        format!("`{w}` ({reading})")
    }
}

/// "12 woorden; vereist: minstens 25": what was counted against what the rule requires.
/// `what` is `words`, `characters`, `links`, `actions` or `amounts`.
fn count_label(what: &str, count: usize, c: crate::lang::ruleset::Cmp, n: usize) -> String {
    use crate::lang::ruleset::Cmp;
    let cmp = match c {
        Cmp::Ge => "ge",
        Cmp::Le => "le",
        Cmp::Gt => "gt",
        Cmp::Lt => "lt",
        Cmp::Eq => "eq",
    };
    tr!("eval-count", what = what, count = count, cmp = cmp, n = n)
}

/// Markdown emphasis around a value does not count as content.
fn strip_marks(s: &str) -> &str {
    s.trim().trim_matches(|c| c == '*' || c == '_' || c == '`').trim()
}

fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '-' || c == '–')
}

pub fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// The number of words, counted up to `cap`: `woorden >= 15` is decided after 16 words
/// (an IEP paragraph has hundreds).
fn word_count_upto(s: &str, cap: usize) -> usize {
    if s.is_ascii() {
        // The same count over bytes (most values are ASCII): ASCII white space as
        // `char::is_whitespace` has it (9 to 13 and the space), alphanumerics as ASCII.
        let (mut words, mut in_word, mut has_alnum) = (0, false, false);
        for &b in s.as_bytes() {
            if matches!(b, 9..=13 | b' ') {
                words += usize::from(in_word && has_alnum);
                if words >= cap {
                    return cap;
                }
                (in_word, has_alnum) = (false, false);
            } else {
                in_word = true;
                has_alnum |= b.is_ascii_alphanumeric();
            }
        }
        return (words + usize::from(in_word && has_alnum)).min(cap);
    }
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(cap)
        .count()
}

/// Is the whole value a placeholder? Compared case-insensitively, ignoring emphasis.
pub fn is_placeholder(rules: &RuleSet, value: &str) -> bool {
    let v = strip_marks(value);
    let ph = &rules.placeholders;
    // Only a value as short as a placeholder can be one. This runs for every value: an
    // ASCII value (nearly all) is compared without lowercasing it into a new string.
    let listed = v.len() <= ph.longest * 2
        && if v.is_ascii() {
            ph.lower
                .iter()
                .any(|l| l.len() == v.len() && l.as_bytes().eq_ignore_ascii_case(v.as_bytes()))
        } else {
            ph.lower.contains(&v.to_lowercase())
        };
    listed
        || ph
            .regexes
            .iter()
            .any(|re| re.find(v).is_some_and(|m| m.start() == 0 && m.end() == v.len()))
}

/// The placeholder analysis of a field's value, once: `ingevuld` and `zonder plaatshouder`
/// both ask it of every value.
pub fn value_facts<'f>(rules: &RuleSet, field: &'f Field) -> &'f ValueFacts {
    field.facts.get_or_init(|| analyse(rules, &field.value.value))
}

/// Blank, a placeholder as a whole, the placeholders inside: what the rules ask of a value.
fn analyse(rules: &RuleSet, text: &str) -> ValueFacts {
    let placeholder = is_placeholder(rules, text);
    ValueFacts {
        blank: is_blank(strip_marks(text)),
        placeholder,
        placeholders: if placeholder {
            whole_value(text)
        } else {
            placeholders_inside(rules, text)
        },
    }
}

fn whole_value(value: &str) -> Vec<(usize, usize)> {
    let lead = value.len() - value.trim_start().len();
    vec![(lead, lead + value.trim().len())]
}

/// Placeholders inside a value. A listed text counts inside a longer value only when it
/// cannot be an ordinary word: it has a capital (`PM`, `TODO`), a bracket or question mark
/// (`[invullen]`, `???`), or is an abbreviation with dots (`n.t.b.`). Ordinary words in the
/// list (`volgt`) count only as the whole value. Patterns count wherever they match.
pub fn find_placeholders(rules: &RuleSet, value: &str) -> Vec<(usize, usize)> {
    analyse(rules, value).placeholders
}

/// The placeholders of a value that is not one as a whole.
fn placeholders_inside(rules: &RuleSet, value: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let ph = &rules.placeholders;
    for automaton in &ph.markers {
        // Overlapping, so a marker inside a longer one is still seen; nested matches are
        // dropped below.
        for m in automaton.find_overlapping_iter(value) {
            let before = value[..m.start()].chars().next_back();
            let after = value[m.end()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if boundary(before) && boundary(after) {
                out.push((m.start(), m.end()));
            }
        }
    }
    for re in &ph.regexes {
        out.extend(re.find_iter(value).map(|m| (m.start(), m.end())));
    }
    out.sort_unstable();
    out.dedup();
    // Drop matches inside another match.
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for m in out {
        if kept.last().is_some_and(|k| m.0 < k.1) {
            continue;
        }
        kept.push(m);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::word_count;

    /// The byte loop for ASCII values counts exactly what the general one counts.
    #[test]
    fn ascii_word_count_is_the_general_one() {
        let general = |s: &str| {
            s.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        let cases = [
            "",
            "   ",
            "een",
            " een twee  drie ",
            "a - b -- c",
            "0,2 fte; 8 uur per week",
            "tab\tvt\u{b}ff\u{c}cr\rnl\nend",
            "*** ... ??? x",
            "\u{1c}a\u{1f}b",
            "één of\u{a0}twee", // not ASCII: the general path
        ];
        for case in cases {
            assert_eq!(word_count(case), general(case), "{case:?}");
        }
        assert_eq!(word_count("a - b -- c"), 3);
        for case in cases {
            for cap in 0..5 {
                assert_eq!(
                    super::word_count_upto(case, cap),
                    general(case).min(cap),
                    "{case:?} {cap}"
                );
            }
        }
    }
}
