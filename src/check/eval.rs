//! Requirements: one pure function per predicate kind.
//!
//! Owns: deciding whether a requirement holds for one item, and if not, where and why
//! (a `Failure` with a span and a generic Dutch label).
//! Must not: build diagnostics or fill message templates (that is `check::mod`).

use std::collections::HashMap;

use crate::diagnostic::Label;
use crate::lang::ruleset::{Expr, Pred, RuleSet, Subject, Test};
use crate::model::{Action, ActionHeading, Document, Field};
use crate::register::Register;
use crate::source::{SourceId, Span};

/// What a rule is evaluated on.
#[derive(Clone, Copy)]
pub enum Item<'a> {
    Action(&'a Action),
    Heading(&'a ActionHeading),
    Field(&'a Action, &'a Field),
    Document(&'a Document),
}

impl Item<'_> {
    /// Where a finding about something missing points.
    pub fn anchor(&self) -> Span {
        match self {
            Item::Action(a) => a.span,
            Item::Heading(h) => h.text.span,
            Item::Field(_, f) => f.value.span,
            Item::Document(_) => Span::new(0, 0),
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
    pub related: Vec<Label>,
}

impl Failure {
    fn at(span: Span, label: impl Into<String>) -> Self {
        Failure {
            span,
            label: label.into(),
            field: None,
            value: None,
            help: None,
            related: Vec::new(),
        }
    }
}

/// A subject's value in one item.
struct Val<'a> {
    text: &'a str,
    span: Span,
    /// The field, when the subject is one.
    field: Option<&'a Field>,
    def: Option<usize>,
}

/// First occurrences for `uniek`, across the whole plan: (test, normalised value) → place.
pub type UniqueIndex = HashMap<(usize, String), (SourceId, Span)>;

pub struct Eval<'a> {
    pub rules: &'a RuleSet,
    pub source: SourceId,
    pub unique: Option<&'a mut UniqueIndex>,
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
        Subject::Title => "titel".into(),
        Subject::Heading => "kop".into(),
        Subject::Value => "waarde".into(),
        Subject::Name => "naam".into(),
        Subject::Meta(k) => format!("`{k}`"),
    }
}

impl<'a> Eval<'a> {
    pub fn eval(&mut self, e: &Expr, item: Item<'a>) -> Outcome {
        match e {
            Expr::And(a, b) => {
                self.eval(a, item)?;
                self.eval(b, item)
            }
            Expr::Or(a, b) => match self.eval(a, item) {
                Ok(()) => Ok(()),
                Err(first) => self.eval(b, item).map_err(|_| first),
            },
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
            let mut f = Failure::at(v.span, "dit mag hier niet staan");
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
        Failure::at(item.anchor(), "deze eis mag hier niet gelden")
    }

    fn value(&self, s: &Subject, item: Item<'a>) -> Option<Val<'a>> {
        let plain = |text: &'a str, span: Span| {
            Some(Val {
                text,
                span,
                field: None,
                def: None,
            })
        };
        match (s, item) {
            (Subject::Field(d), Item::Action(a)) => a.field(*d).map(|f| Val {
                text: &f.value.value,
                span: f.value.span,
                field: Some(f),
                def: Some(*d),
            }),
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
            }),
            (Subject::Name, Item::Field(_, f)) => plain(&f.name.value, f.name.span),
            (Subject::Meta(k), Item::Document(d)) => d
                .meta
                .iter()
                .find(|(key, _)| key == k)
                .and_then(|(_, v)| plain(&v.value, v.span)),
            _ => None,
        }
    }

    /// Is the subject filled in (present, not empty, not a placeholder)?
    pub fn filled(&self, s: &Subject, item: Item<'a>) -> bool {
        self.value(s, item)
            .is_some_and(|v| !is_blank(strip_marks(v.text)) && !is_placeholder(self.rules, v.text))
    }

    fn test(&mut self, t: &Test, item: Item<'a>) -> Outcome {
        let Some(v) = self.value(&t.subject, item) else {
            return match t.pred {
                Pred::Filled => {
                    let what = subject_word(self.rules, &t.subject);
                    let label = match item {
                        Item::Action(_) => format!("deze actie noemt geen {what}"),
                        Item::Heading(h) if !h.well_formed => "deze kop heeft niet de vorm van een actiekop".to_owned(),
                        Item::Heading(_) => format!("deze kop noemt geen {what}"),
                        _ => format!("hier ontbreekt {what}"),
                    };
                    let mut f = Failure::at(item.anchor(), label);
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
                let stripped = strip_marks(v.text);
                if is_blank(stripped) {
                    // An empty table cell has a span of its own; `Eigenaar:` with nothing
                    // after it is shown at the name.
                    let at = if v.span.is_empty() {
                        v.field.map_or(v.span, |f| f.name.span)
                    } else {
                        v.span
                    };
                    fail(at, format!("{} is leeg", subject_word(self.rules, &t.subject)))
                } else if is_placeholder(self.rules, v.text) {
                    fail(
                        v.span,
                        format!("`{}` is een plaatshouder, geen waarde", stripped.trim()),
                    )
                } else {
                    Ok(())
                }
            }
            Pred::Matches(re) => {
                if re.is_match(v.text) {
                    Ok(())
                } else {
                    fail(v.span, "deze waarde heeft niet de vereiste vorm".into())
                }
            }
            Pred::Words(cmp, n) => {
                let count = word_count(v.text);
                if cmp.holds(count, *n) {
                    Ok(())
                } else {
                    fail(
                        v.span,
                        format!(
                            "{count} {}; vereist: {} {n}",
                            if count == 1 { "woord" } else { "woorden" },
                            cmp_words(*cmp)
                        ),
                    )
                }
            }
            Pred::Length(cmp, n) => {
                let count = v.text.trim().chars().count();
                if cmp.holds(count, *n) {
                    Ok(())
                } else {
                    fail(v.span, format!("{count} tekens; vereist: {} {n}", cmp_words(*cmp)))
                }
            }
            Pred::Equals(s) => {
                if strip_marks(v.text).trim().eq_ignore_ascii_case(s.trim())
                    || strip_marks(v.text).trim().to_lowercase() == s.trim().to_lowercase()
                {
                    Ok(())
                } else {
                    fail(v.span, format!("verwacht `{s}`"))
                }
            }
            Pred::ExistsIn(r) => self.exists(&self.rules.registers[*r], v),
            Pred::AtLevel(r, levels) => self.at_level(&self.rules.registers[*r], levels, v),
            Pred::TitleMatches(r) => self.title_matches(&self.rules.registers[*r], v),
            Pred::WithoutPlaceholder => {
                let found = find_placeholders(self.rules, v.text);
                if found.is_empty() {
                    return Ok(());
                }
                Err(found
                    .into_iter()
                    .map(|(s, e)| {
                        let text = &v.text[s..e];
                        let mut f = Failure::at(v.span.sub(s, e), format!("`{text}` is een plaatshouder"));
                        f.field = v.def;
                        f.value = Some(text.to_owned());
                        f
                    })
                    .collect())
            }
            Pred::Unique => {
                let key = (t as *const Test as usize, v.text.trim().to_lowercase());
                let Some(index) = self.unique.as_deref_mut() else {
                    return Ok(());
                };
                match index.get(&key) {
                    Some(&(src, span)) => {
                        let mut f = Failure::at(v.span, format!("`{}` is al eerder gebruikt", v.text.trim()));
                        f.field = v.def;
                        f.value = Some(v.text.to_owned());
                        f.related.push(Label::new(src, span, "hier voor het eerst gebruikt"));
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

    fn links(v: &Val<'a>) -> &'a [crate::model::Link] {
        v.field.map_or(&[], |f| f.links.as_slice())
    }

    fn exists(&self, reg: &Register, v: Val<'a>) -> Outcome {
        let mut fails = Vec::new();
        for link in Self::links(&v) {
            if reg.get(&link.id.value).is_some() {
                continue;
            }
            let mut f = Failure::at(link.id.span, format!("`{}` staat niet in {}", link.id.value, reg.title));
            f.field = v.def;
            f.value = Some(link.id.value.clone());
            let suggestions = reg.suggest(&link.id.value, strip_marks(v.text).trim());
            if !suggestions.is_empty() {
                let names: Vec<String> = suggestions
                    .iter()
                    .map(|n| format!("`{}` ({})", n.id, n.title))
                    .collect();
                f.help = Some(format!("bedoelde je {}?", names.join(" of ")));
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
                format!(
                    "`{}` is een {}; verwijs naar een {}",
                    node.id,
                    node.level,
                    levels.join(" of ")
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
                f.help = Some(format!("onder {} vallen: {}", node.id, kids.join(", ")));
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
                format!("in {} heet {} `{}`", reg.title, node.id, node.title),
            );
            f.field = v.def;
            f.value = Some(title.value.clone());
            f.help = Some(format!("schrijf `{} {}`, of alleen `{}`", node.id, node.title, node.id));
            fails.push(f);
        }
        if fails.is_empty() { Ok(()) } else { Err(fails) }
    }
}

fn cmp_words(c: crate::lang::ruleset::Cmp) -> &'static str {
    use crate::lang::ruleset::Cmp;
    match c {
        Cmp::Ge => "minstens",
        Cmp::Le => "hoogstens",
        Cmp::Gt => "meer dan",
        Cmp::Lt => "minder dan",
        Cmp::Eq => "precies",
    }
}

/// Markdown emphasis around a value does not count as content.
fn strip_marks(s: &str) -> &str {
    s.trim().trim_matches(|c| c == '*' || c == '_' || c == '`').trim()
}

fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '-' || c == '–')
}

pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Is the whole value a placeholder? Compared case-insensitively, ignoring emphasis.
pub fn is_placeholder(rules: &RuleSet, value: &str) -> bool {
    let v = strip_marks(value);
    let ph = &rules.placeholders;
    ph.texts
        .iter()
        .any(|t| t.eq_ignore_ascii_case(v) || t.to_lowercase() == v.to_lowercase())
        || ph
            .regexes
            .iter()
            .any(|re| re.find(v).is_some_and(|m| m.start() == 0 && m.end() == v.len()))
}

/// Placeholders inside a value. A listed text counts inside a longer value only when it
/// cannot be an ordinary word: it has a capital (`PM`, `TODO`), a bracket or question mark
/// (`[invullen]`, `???`), or is an abbreviation with dots (`n.t.b.`). Ordinary words in the
/// list (`volgt`) count only as the whole value. Patterns count wherever they match.
pub fn find_placeholders(rules: &RuleSet, value: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    if is_placeholder(rules, value) {
        let lead = value.len() - value.trim_start().len();
        let v = value.trim();
        return vec![(lead, lead + v.len())];
    }
    for t in &rules.placeholders.texts {
        let marker = t.chars().any(|c| c.is_uppercase() || matches!(c, '[' | '<' | '?'))
            || (t.contains('.') && t.chars().any(char::is_alphabetic));
        if !marker {
            continue;
        }
        let case_sensitive = t.chars().any(char::is_uppercase);
        let (hay, needle) = if case_sensitive {
            (value.to_owned(), t.clone())
        } else {
            (value.to_lowercase(), t.to_lowercase())
        };
        if hay.len() != value.len() {
            continue; // lower-casing changed byte lengths; offsets would not map back
        }
        let mut from = 0;
        while let Some(i) = hay[from..].find(&needle).map(|i| i + from) {
            let end = i + needle.len();
            let before = value[..i].chars().next_back();
            let after = value[end..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if boundary(before) && boundary(after) {
                out.push((i, end));
            }
            from = end;
        }
    }
    for re in &rules.placeholders.regexes {
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
