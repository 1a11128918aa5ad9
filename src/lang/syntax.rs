//! The untyped syntax tree of a rule file.
//!
//! Owns: one node type per construct, each with the byte span where it was written.
//! Must not: give names a meaning (that is `resolve`): a field name here is just a word.

use crate::source::Span;

use super::keywords::Kw;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str {
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexLit {
    pub pattern: String,
    pub flags: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLit {
    pub year: i16,
    pub month: i8,
    pub day: i8,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Plan(PlanBlock),
    Field(FieldDecl),
    Action(ActionBlock),
    Placeholders(Vec<Pattern>, Span),
    /// `synoniem veld = "Budget" | ...`: words that suggest a field without being one.
    Synonym(FieldDecl),
    Rule(RuleDecl),
    Override(RuleOverride),
    Include(Str),
    Progress(ProgressBlock),
}

/// `voortgang { kenmerk soort = "voortgang"  veld … status … }`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressBlock {
    pub items: Vec<ProgressItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressItem {
    Marker { key: Ident, value: Str },
    Field(FieldDecl),
    Status { name: Ident, aliases: Vec<Str> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanBlock {
    pub name: Str,
    pub items: Vec<PlanItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanItem {
    Period {
        start: DateLit,
        end: DateLit,
    },
    Register {
        name: Ident,
        path: Str,
    },
    Deadline(DateLit),
    /// `kaderbrief "kaderbrief-2026-2027.toml"`
    Kaderbrief(Str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDecl {
    pub name: Ident,
    pub kind: Option<KindSyn>,
    pub aliases: Vec<Str>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindSyn {
    pub kw: Kw,
    /// The register of `verwijzing(register)`.
    pub register: Option<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionBlock {
    pub items: Vec<ActionItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionItem {
    Recognise(RegexLit),
    Heading(RegexLit),
    Levels {
        min: u8,
        max: u8,
        span: Span,
    },
    Table(Vec<Str>),
    Cell(RegexLit),
    /// A heading meant as an action but without a separator between ID and title.
    Loose(RegexLit),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    Text(Str),
    Regex(RegexLit),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityLit {
    pub kw: Kw,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDecl {
    pub id: Ident,
    pub severity: SeverityLit,
    pub title: Option<Str>,
    pub clauses: Vec<Clause>,
    pub span: Span,
}

/// `regel ID is waarschuwing` or `regel ID is uit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOverride {
    pub id: Ident,
    /// `None` switches the rule off.
    pub severity: Option<SeverityLit>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    For(ScopeSyn),
    Require(Expr),
    Message(Str),
    Help(Str),
    Source(Str),
    Description(Str),
    ExampleGood(Str),
    ExampleBad(Str),
    /// `engels { titel "..." melding "..." hulp "..." beschrijving "..." }`
    English(Vec<(EnglishText, Str)>),
    /// `wijkt`: a finding of this rule gives way to another rule's finding at the same place.
    Yields(Span),
}

/// The texts a rule can give in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnglishText {
    Title,
    Message,
    Help,
    Description,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeSyn {
    /// `None` for a register-node scope (`voor elk thema in beleid`).
    pub kw: Option<Kw>,
    /// `voor elk <niveau> in <register>`
    pub node: Option<(Ident, Ident)>,
    /// `met veld`: only items that have this field filled in.
    pub with: Option<Ident>,
    /// `voor elk totaal per team, jaar`: what the actions are grouped by.
    pub by: Vec<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Ge,
    Le,
    Gt,
    Lt,
    Eq,
}

impl Cmp {
    pub fn holds(self, left: usize, right: usize) -> bool {
        match self {
            Cmp::Ge => left >= right,
            Cmp::Le => left <= right,
            Cmp::Gt => left > right,
            Cmp::Lt => left < right,
            Cmp::Eq => left == right,
        }
    }

    pub fn holds_f64(self, left: f64, right: f64) -> bool {
        // Amounts are compared to the cent: a sum of shares is no exacter than that.
        let (l, r) = ((left * 100.0).round(), (right * 100.0).round());
        match self {
            Cmp::Ge => l >= r,
            Cmp::Le => l <= r,
            Cmp::Gt => l > r,
            Cmp::Lt => l < r,
            Cmp::Eq => l == r,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Ge => ">=",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Lt => "<",
            Cmp::Eq => "=",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// `a en b en c`: every operand, in order (a flat list, so a long chain needs no
    /// recursion to build, resolve, evaluate or drop).
    And(Vec<Expr>),
    /// `a of b of c`: the alternatives, in order.
    Or(Vec<Expr>),
    Not(Box<Expr>, Span),
    /// `als voorwaarde dan eis`
    If(Box<Expr>, Box<Expr>),
    Test(Test),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Test {
    pub subject: Ident,
    pub pred: Pred,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pred {
    Filled,
    Matches(RegexLit),
    Words(Cmp, usize),
    Length(Cmp, usize),
    Equals(Str),
    ExistsIn(Ident),
    AtLevel(Vec<Ident>),
    TitleMatches,
    Unique,
    WithoutPlaceholder,
    IsTime,
    WithinPlan,
    InOrder,
    StartsAfter(Ident),
    StartsBefore(Ident),
    NoCycle,
    HasAmount,
    Known,
    Used,
    /// `acties >= 1`: how many (actions linking to a node, IDs in a field).
    Count(Cmp, usize),
    /// `bedragen leesbaar`: every amount in the value can be counted.
    AmountsReadable,
    /// `gemeld`: a started action has an entry, a past milestone is reported.
    Reported,
    /// `na peildatum`: every part ends after the report's peildatum.
    AfterCutoff,
    /// `besteed past in inzet`: the amounts fit in a field of the plan's action.
    FitsIn(Ident),
    /// `som inzet euro <= kaderbrief euro`: the subject is `som`; the field summed, the
    /// unit (both euro and fte when left out), and what the sum is held against.
    Sum {
        field: Ident,
        unit: Option<Ident>,
        cmp: Cmp,
        bound: Bound,
    },
}

/// What a sum is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// `kaderbrief euro`: the frame of the group in the kaderbrief.
    Frame {
        name: Ident,
        unit: Option<Ident>,
    },
    Number(usize, Span),
}
