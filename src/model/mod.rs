//! The checked world: drafts as actions with fields, each with its byte span.
//!
//! Owns: plain data produced by `draft` and read by `check`.
//! Must not: parse or evaluate anything.

pub mod amount;
pub mod time;

use self::time::{TimeError, Timeline};
use crate::source::{SourceId, Span, Spanned};

/// One draft file.
#[derive(Debug)]
pub struct Document {
    pub source: SourceId,
    /// Front-matter keys with string values.
    pub meta: Vec<(String, Spanned<String>)>,
    /// Every heading or table cell meant as an action, well-formed or not.
    pub headings: Vec<ActionHeading>,
    pub actions: Vec<Action>,
    /// `<!-- kader: negeer RULE "reden" -->` comments.
    pub waivers: Vec<Waiver>,
    /// In a draft without actions: the first heading with field lines under it (a heading
    /// the writer meant as an action but kader does not recognise).
    pub field_heading: Option<Spanned<String>>,
    /// A progress report (`soort = "voortgang"` in the front matter): its team and
    /// peildatum. Its entries are `actions`, their fields the report's fields.
    pub report: Option<Box<Report>>,
}

/// What a progress report says about itself in its front matter.
#[derive(Debug, Clone)]
pub struct Report {
    /// The front matter, from `+++` to `+++`.
    pub front: Span,
    /// The team the report is about, as written.
    pub team: Option<Spanned<String>>,
    /// The day the report describes (`peildatum`), when it can be read.
    pub peildatum: Option<jiff::civil::Date>,
    /// Where the peildatum is written (the front matter when it is missing).
    pub peildatum_span: Span,
}

impl Document {
    pub fn is_report(&self) -> bool {
        self.report.is_some()
    }

    /// The front-matter value of `key`, if it is a string.
    pub fn meta(&self, key: &str) -> Option<&Spanned<String>> {
        self.meta.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// A waiver comment in a draft.
#[derive(Debug, Clone)]
pub struct Waiver {
    /// The whole comment.
    pub span: Span,
    pub rule: Option<Spanned<String>>,
    /// `negeer beleid-dekking SZ.ARB "reden"`: the register node a plan-wide finding is
    /// about, for a waiver outside any action.
    pub target: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    /// The action whose body (or table row) holds the comment, and its extent.
    pub action: Option<(String, Span)>,
    /// `tot 2026-09-01`: the waiver's last day, as written and as read.
    pub until: Option<Spanned<String>>,
    pub until_time: Option<Result<Timeline, TimeError>>,
}

#[derive(Debug, Clone)]
pub struct ActionHeading {
    /// The heading text (or the action cell), without `#` marks.
    pub text: Spanned<String>,
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    /// Does it have the form the rule set describes (`kop` / `cel`)? A heading such as
    /// `Actie HA-10 Flexpool` (no separator) is meant as an action but is not one.
    pub well_formed: bool,
    pub in_table: bool,
    /// Read by the `losse kop` pattern (`Actie TG-02 Doorverwijzen`): where the separator
    /// between ID and title belongs.
    pub gap: Option<Span>,
}

#[derive(Debug)]
pub struct Action {
    pub id: Spanned<String>,
    pub title: Option<Spanned<String>>,
    /// The heading text or the action cell: where "missing field" findings point.
    pub span: Span,
    /// Heading and body, or the whole table row: what a waiver inside it covers.
    pub extent: Span,
    pub fields: Vec<Field>,
    /// Field-like labels (`**Budget:** ...`) that name no field, in document order.
    pub labels: Vec<Spanned<String>>,
}

#[derive(Debug)]
pub struct Field {
    /// Index into `RuleSet::fields`.
    pub def: usize,
    /// The name as written (`Trekker`, `Inwonerseffectparagraaf (IEP)`).
    pub name: Spanned<String>,
    /// The value as written, trimmed; it spans nested list items too.
    pub value: Spanned<String>,
    /// For link fields: each ID with its optional title.
    pub links: Vec<Link>,
    /// For time fields: the parsed timeline, or where it stops being one. Boxed: most
    /// fields are no time fields, and a plan holds hundreds of thousands of fields.
    pub time: Option<Box<Result<Timeline, TimeError>>>,
    /// For amount fields (`bedrag`): every amount read, and what looks like one but cannot
    /// be counted. Boxed for the same reason.
    pub amounts: Option<Box<amount::Amounts>>,
    /// What the rules ask of the value, worked out by `check` on first use and shared by
    /// every rule that asks (each value is analysed once, not once per rule).
    pub facts: std::sync::OnceLock<ValueFacts>,
}

/// The placeholder analysis of one field value (see `check::eval::value_facts`).
#[derive(Debug, Default)]
pub struct ValueFacts {
    /// Nothing but white space, dashes and emphasis marks.
    pub blank: bool,
    /// The whole value is a placeholder (`n.t.b.`).
    pub placeholder: bool,
    /// The placeholders inside it, as byte ranges into the value.
    pub placeholders: Vec<(usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub id: Spanned<String>,
    pub title: Option<Spanned<String>>,
}

impl Action {
    pub fn field(&self, def: usize) -> Option<&Field> {
        self.fields.iter().find(|f| f.def == def)
    }
}
