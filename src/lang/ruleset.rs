//! The checked rule set: what `resolve` makes of the syntax tree.
//!
//! Owns: plain data that `draft` (field names, action pattern) and `check` (rules)
//! read. Every name is resolved, every regex compiled.
//! Must not: parse text or evaluate rules.

use regex::Regex;

use crate::diagnostic::Severity;
use crate::register::Register;
use crate::source::{SourceId, Span};

pub use super::syntax::Cmp;
pub use crate::kaderbrief::Kaderbrief;
pub use crate::model::amount::Unit;

#[derive(Debug)]
pub struct RuleSet {
    pub plan: PlanInfo,
    pub fields: Vec<FieldDef>,
    pub action: ActionSyntax,
    pub placeholders: Placeholders,
    pub rules: Vec<Rule>,
    pub registers: Vec<Register>,
    /// `dekking` in kader.toml: register-node rules report only nodes that are one of
    /// these or lie below one. Empty: every node.
    pub coverage: Vec<String>,
    /// `kaderbrief "…"`: the frames, the deadline and the priorities.
    pub kaderbrief: Option<Kaderbrief>,
    /// Per priority of the kaderbrief: the register node it names (register, node).
    pub priorities: Vec<(usize, usize)>,
    /// `voortgang { … }`: how a progress report is marked, and its statuses.
    pub progress: Option<Progress>,
}

/// What the `voortgang` block says about progress reports.
#[derive(Debug)]
pub struct Progress {
    /// `kenmerk soort = "voortgang"`: the front-matter key and value that make a file a
    /// report.
    pub key: String,
    pub value: String,
    pub statuses: Vec<StatusDef>,
}

/// A status an entry may report (`status vertraagd = "vertraagd" | "loopt achter"`).
#[derive(Debug)]
pub struct StatusDef {
    pub name: String,
    /// As declared; the first is the one shown.
    pub aliases: Vec<String>,
    /// Lowercased, white space folded.
    pub keys: Vec<String>,
}

impl Progress {
    /// The status a value names: the whole value is one of the aliases (case and white
    /// space ignored, a trailing full stop too), or starts with one followed by a
    /// separator (`vertraagd — wacht op de gemeente`).
    pub fn status_of(&self, value: &str) -> Option<usize> {
        let folded = fold_status(value);
        let folded = folded.trim_end_matches('.');
        // The longest alias that fits: `loopt achter` is not `loopt`.
        let mut best: Option<(usize, usize)> = None;
        for (i, s) in self.statuses.iter().enumerate() {
            for k in &s.keys {
                let fits = folded == k
                    || folded
                        .strip_prefix(k.as_str())
                        .is_some_and(|rest| rest.starts_with([' ', ',', ';', ':', '(', '-', '–', '—']));
                if fits && best.is_none_or(|(len, _)| k.len() > len) {
                    best = Some((k.len(), i));
                }
            }
        }
        best.map(|(_, i)| i)
    }
}

/// A status as compared: lowercase, emphasis marks gone, white space folded.
pub fn fold_status(value: &str) -> String {
    value
        .replace(['*', '_'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Debug)]
pub struct PlanInfo {
    pub name: String,
    pub start: jiff::civil::Date,
    pub end: jiff::civil::Date,
    pub deadline: Option<jiff::civil::Date>,
    /// (name in the rule file, index into `RuleSet::registers`)
    pub registers: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Time,
    /// IDs of the register with this index.
    Links(usize),
    /// IDs of other actions.
    Actions,
    Amount,
    /// One of the statuses of the `voortgang` block.
    Status,
}

#[derive(Debug)]
pub struct FieldDef {
    pub name: String,
    pub kind: FieldKind,
    /// The names staff write, as declared. The first is the one shown in messages.
    pub aliases: Vec<String>,
    /// The same, normalised with `text::normalize_name`.
    pub keys: Vec<String>,
    /// `synoniem`: words staff write for this field that do not count as it (`Budget` for
    /// `inzet`), normalised; `veld-onbekend` suggests this field for them.
    pub synonyms: Vec<String>,
    /// The synonyms as written, for `kader explain`.
    pub synonym_names: Vec<String>,
    /// A field of a progress report's entries (declared in `voortgang { … }`), not of a
    /// draft's actions.
    pub report: bool,
}

impl FieldDef {
    pub fn display(&self) -> &str {
        self.aliases.first().map_or(&self.name, |a| a.as_str())
    }
}

#[derive(Debug)]
pub struct ActionSyntax {
    /// Headings meant as actions (checked by the `actiekop` scope).
    pub recognise: Regex,
    /// A well-formed action heading, with groups `id` and `titel`.
    pub heading: Regex,
    pub min_level: u8,
    pub max_level: u8,
    /// Header cells that make a table an action table (normalised).
    pub table_keys: Vec<String>,
    /// The action cell of a table row, with groups `id` and `titel`.
    pub cell: Option<Regex>,
    /// `losse kop`: a heading meant as an action without a separator, with groups `id`,
    /// `gat` (the place the separator belongs) and `titel`.
    pub loose: Option<Regex>,
}

#[derive(Debug, Default)]
pub struct Placeholders {
    pub texts: Vec<String>,
    pub regexes: Vec<Regex>,
    /// Prepared once (see [`Placeholders::prepare`]), because every value of every action
    /// is compared with them: the texts lowercased, the longest length, and the texts that
    /// count inside a longer value (with whether case matters).
    pub lower: Vec<String>,
    pub longest: usize,
    /// The texts that count inside a longer value, as two automata: those with a capital
    /// match as written, the others ignoring ASCII case. One pass over a value finds all.
    pub markers: Vec<aho_corasick::AhoCorasick>,
}

impl Placeholders {
    /// A listed text counts inside a longer value only when it cannot be an ordinary word:
    /// it has a capital (`PM`), a bracket or question mark (`[invullen]`, `???`), or is an
    /// abbreviation with dots (`n.t.b.`).
    pub fn prepare(&mut self) {
        self.lower = self.texts.iter().map(|t| t.to_lowercase()).collect();
        self.longest = self.texts.iter().map(String::len).max().unwrap_or(0);
        let (sensitive, insensitive): (Vec<&String>, Vec<&String>) = self
            .texts
            .iter()
            .filter(|t| {
                t.chars().any(|c| c.is_uppercase() || matches!(c, '[' | '<' | '?'))
                    || (t.contains('.') && t.chars().any(char::is_alphabetic))
            })
            .partition(|t| t.chars().any(char::is_uppercase));
        let build = |needles: Vec<&String>, ignore_case: bool| {
            (!needles.is_empty())
                .then(|| {
                    aho_corasick::AhoCorasick::builder()
                        .ascii_case_insensitive(ignore_case)
                        .build(needles)
                        .ok()
                })
                .flatten()
        };
        self.markers = [build(sensitive, false), build(insensitive, true)]
            .into_iter()
            .flatten()
            .collect();
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Action,
    Heading,
    Field,
    /// Every field-like label in an action (`**Naam:**`), a field's name or not.
    Name,
    Document,
    /// Every waiver comment in the drafts.
    Waiver,
    /// Every node of a register at one level (`voor elk thema in beleid`).
    Node {
        register: usize,
        level: String,
    },
    /// `voor elk totaal per team, jaar`: the actions grouped, over the whole plan.
    Total {
        by: Vec<Dim>,
    },
    /// `voor elke prioriteit in kaderbrief`: every priority theme of the kaderbrief.
    Priority,
    /// `voor elke melding`: every entry of every progress report.
    Entry,
    /// `voor elke gestarte actie`: every action of the plan that has started by the
    /// peildatum of a reporting period, once per period.
    Started,
    /// `voor elke verstreken mijlpaal`: every milestone of a reported action that lies
    /// before its report's peildatum.
    Milestone,
}

impl Scope {
    /// Is this a scope over progress reports (run by `kader voortgang` only)?
    pub fn is_progress(&self) -> bool {
        matches!(self, Scope::Entry | Scope::Started | Scope::Milestone)
    }
}

/// What a total groups the actions by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dim {
    /// The calendar year an amount falls in.
    Year,
    /// A front-matter key of the action's draft (`team`); the first one names the team of
    /// the kaderbrief.
    Meta(String),
    /// The top-level nodes (lines) a links field names: an action counts in full for each.
    Links(usize),
}

/// What a sum is held against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// The group's frame in the kaderbrief.
    Frame,
    Number(f64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Field(usize),
    /// The action's (or heading's) ID.
    Id,
    /// The action's (or heading's) title.
    Title,
    /// The whole heading text (`actiekop` scope).
    Heading,
    /// The value of the field in scope (`veld` scope).
    Value,
    /// The name of the field in scope, as written (`veld` scope).
    Name,
    /// A front-matter key (`document` scope).
    Meta(String),
    /// The actions that link to a register node or to a node below it (`acties`); in the
    /// document scope, the actions of the document.
    NodeActions,
    /// `scheiding`: the separator between an action heading's ID and title.
    Separator,
    /// `veldkop`: in the document scope, the first heading that is not an action but has
    /// field lines under it.
    FieldHeading,
    /// The rule a waiver names (`regel`).
    WaiverRule,
    /// The reason a waiver gives (`reden`).
    WaiverReason,
    /// `tot`: the date a waiver ends.
    WaiverUntil,
    /// `doel`: the register node a waiver outside an action names.
    WaiverTarget,
    /// `som inzet`: the sum of an amount field over a group (`voor elk totaal`).
    Sum(usize),
    /// `bedragen`: in the document scope, how many amounts its actions name.
    DocAmounts,
    /// The action (`voor elke gestarte actie`) or milestone (`voor elke verstreken
    /// mijlpaal`) in scope itself: `actie gemeld`, `mijlpaal gemeld`.
    Itself,
}

#[derive(Debug)]
pub enum Expr {
    /// Every operand holds; the first that fails explains (a flat list: no recursion on
    /// the length of a chain).
    And(Vec<Expr>),
    /// One alternative holds; if none does, the first explains.
    Or(Vec<Expr>),
    Not(Box<Expr>),
    If(Box<Expr>, Box<Expr>),
    Test(Test),
}

impl Expr {
    /// Does any test in the requirement satisfy `f`?
    fn any_test(&self, f: &dyn Fn(&Test) -> bool) -> bool {
        match self {
            Expr::And(all) | Expr::Or(all) => all.iter().any(|e| e.any_test(f)),
            Expr::If(a, b) => a.any_test(f) || b.any_test(f),
            Expr::Not(a) => a.any_test(f),
            Expr::Test(t) => f(t),
        }
    }

    /// The fields the requirement reads (indexes into `RuleSet::fields`), in order, once each.
    pub fn fields_read(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.visit(&mut |t| {
            let mut add = |d: usize| {
                if !out.contains(&d) {
                    out.push(d);
                }
            };
            if let Subject::Field(d) = t.subject {
                add(d);
            }
            if let Pred::StartsAfter(d) | Pred::StartsBefore(d) | Pred::FitsIn(d) = t.pred {
                add(d);
            }
        });
        out
    }

    /// The registers the requirement looks IDs up in.
    pub fn registers_read(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.visit(&mut |t| {
            if let Pred::ExistsIn(r) | Pred::AtLevel(r, _) | Pred::TitleMatches(r) = t.pred
                && !out.contains(&r)
            {
                out.push(r);
            }
        });
        out
    }

    fn visit(&self, f: &mut dyn FnMut(&Test)) {
        match self {
            Expr::And(all) | Expr::Or(all) => all.iter().for_each(|e| e.visit(f)),
            Expr::If(a, b) => {
                a.visit(f);
                b.visit(f);
            }
            Expr::Not(a) => a.visit(f),
            Expr::Test(t) => f(t),
        }
    }

    /// Does the requirement ask whether a waiver was used?
    pub fn asks_used(&self) -> bool {
        self.any_test(&|t| matches!(t.pred, Pred::Used))
    }

    /// Does evaluating this need the whole plan (all files)?
    pub fn is_plan_wide(&self) -> bool {
        self.any_test(&|t| {
            matches!(
                t.pred,
                Pred::Unique
                    | Pred::ActionsExist
                    | Pred::NoCycle
                    | Pred::StartsAfter(_)
                    | Pred::StartsBefore(_)
                    | Pred::Reported
                    | Pred::FitsIn(_)
            )
        })
    }

    /// Does the requirement compare values across files in plan order (`uniek`)? Such a
    /// rule visits the files one after another; other plan-wide rules only read the
    /// plan index and can check the files in parallel.
    pub fn asks_unique(&self) -> bool {
        self.any_test(&|t| matches!(t.pred, Pred::Unique))
    }
}

#[derive(Debug)]
pub struct Test {
    pub subject: Subject,
    pub pred: Pred,
}

#[derive(Debug)]
pub enum Pred {
    Filled,
    Matches(Regex),
    Words(Cmp, usize),
    Length(Cmp, usize),
    Equals(String),
    ExistsIn(usize),
    AtLevel(usize, Vec<String>),
    TitleMatches(usize),
    Unique,
    WithoutPlaceholder,
    /// The value is a time expression.
    IsTime,
    /// Every part of the time expression lies within the plan period.
    WithinPlan,
    /// Ranges do not end before they start; milestones are chronological.
    InOrder,
    /// Starts no earlier than each action named in this actions field.
    StartsAfter(usize),
    /// Starts no later than each action named in this actions field.
    StartsBefore(usize),
    /// Every action ID in the field exists in the plan.
    ActionsExist,
    /// The actions field does not lead back to this action.
    NoCycle,
    /// The value names an amount: fte, hours, euros.
    HasAmount,
    /// The value is the ID of a loaded rule (a waiver's `regel`), a field's name (`naam`
    /// in the `veldnaam` scope), or a node of a register (a waiver's `doel`).
    Known,
    /// The waiver suppressed a finding (evaluated after waivers are applied).
    Used,
    /// How many: links in a field, actions linking to a node.
    Count(Cmp, usize),
    /// Every amount in the value can be counted.
    AmountsReadable,
    /// `bestaat in kaderbrief`: the value names a team of the kaderbrief.
    TeamListed,
    /// `status = "afgerond"` on a status field: the value names this status (index into
    /// `Progress::statuses`) under any of its aliases.
    HasStatus(usize),
    /// `gemeld`: a started action has an entry in its team's report; a past milestone is
    /// reported done or delayed.
    Reported,
    /// `na peildatum`: every part of the time expression ends after the report's peildatum.
    AfterCutoff,
    /// `past in inzet`: the euro amounts fit in the action's amount field in the plan.
    FitsIn(usize),
    /// `som inzet euro <= kaderbrief euro`: the group's sum in a unit (both euro and fte when
    /// `None`) compared with its frame or a number.
    Total {
        unit: Option<Unit>,
        cmp: Cmp,
        bound: Bound,
    },
}

/// A rule's texts in English (`--lang en`); missing ones fall back to Dutch.
#[derive(Debug, Default, Clone)]
pub struct English {
    pub title: Option<String>,
    pub message: Option<String>,
    pub help: Option<String>,
    pub description: Option<String>,
}

/// A `voorbeeld` of a rule: the draft text (dedented) and the span of the string in the
/// rule file, so `kader test` can point into it.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub span: Span,
}

#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub enabled: bool,
    pub title: Option<String>,
    pub scope: Scope,
    /// `met veld`: only items where this subject is filled in.
    pub with: Option<Subject>,
    pub expr: Expr,
    pub message: String,
    pub help: Option<String>,
    pub source: Option<String>,
    pub description: Option<String>,
    /// Draft snippets that pass and that fail the rule (for `kader explain` and its tests).
    pub examples_good: Vec<Example>,
    pub examples_bad: Vec<Example>,
    pub english: English,
    pub plan_wide: bool,
    /// The rule asks whether waivers were used (`gebruikt`), so it runs after they are applied.
    pub after_waivers: bool,
    /// `wijkt`: a finding of this rule is dropped when another rule reports the same place.
    pub yields: bool,
    /// Where the rule is defined.
    pub file: SourceId,
    pub span: Span,
}

impl Rule {
    fn english(&self) -> bool {
        crate::i18n::current() == crate::i18n::Lang::En
    }

    /// The title in the run's language: the `engels` one in English when there is one.
    pub fn title_for_reader(&self) -> &str {
        let nl = self.title.as_deref().unwrap_or(&self.id);
        match &self.english.title {
            Some(en) if self.english() => en,
            _ => nl,
        }
    }

    /// The message template in the run's language.
    pub fn message_for_reader(&self) -> &str {
        match &self.english.message {
            Some(en) if self.english() => en,
            _ => &self.message,
        }
    }

    /// The help template in the run's language.
    pub fn help_for_reader(&self) -> Option<&str> {
        match &self.english.help {
            Some(en) if self.english() => Some(en),
            _ => self.help.as_deref(),
        }
    }

    /// The description in the run's language.
    pub fn description_for_reader(&self) -> Option<&str> {
        match &self.english.description {
            Some(en) if self.english() => Some(en),
            _ => self.description.as_deref(),
        }
    }
}

impl RuleSet {
    /// Does the `dekking` setting include this node of a register?
    pub fn covers(&self, register: usize, node: usize) -> bool {
        if self.coverage.is_empty() {
            return true;
        }
        let reg = &self.registers[register];
        let mut at = Some(node);
        while let Some(n) = at {
            let node = reg.node(n);
            if self.coverage.iter().any(|c| c.eq_ignore_ascii_case(&node.id)) {
                return true;
            }
            at = node.parent;
        }
        false
    }

    /// The deadline of the plan: the kaderbrief's, else the rule file's (kader.toml's comes
    /// before both; the command decides).
    pub fn deadline(&self) -> Option<jiff::civil::Date> {
        self.kaderbrief.as_ref().and_then(|k| k.deadline).or(self.plan.deadline)
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn register_named(&self, name: &str) -> Option<&Register> {
        self.plan
            .registers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, i)| &self.registers[*i])
    }
}
