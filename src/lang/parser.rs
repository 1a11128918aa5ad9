//! The rule-language grammar, written with nom 8.
//!
//! Owns: text → `syntax::File` plus syntax errors, each at its byte span.
//! Must not: look at what names mean (unknown fields or registers are `resolve`'s job).
//!
//! Every production is in the doc comment of the function that parses it. Whitespace and
//! `# comments` may stand between any two tokens. After a keyword the parser commits
//! (`cut`), so an error points at the token that is wrong, not at the keyword before it.
//! After an error it skips to the next line that starts with a top-level keyword and goes
//! on, so one run reports every mistake.

use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::recognize;
use nom::error::{ErrorKind, ParseError};
use nom::sequence::pair;
use nom::{IResult, Parser};

use crate::source::Span;

use super::keywords::{self, Kw, Place};
use super::syntax::*;
use crate::i18n::tr;

/// How deeply `niet`, `als` and parentheses may nest. Far more than any rule needs, and far
/// less than what would exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// A syntax error. `rest` is the length of the input that was left where it happened, so the
/// parser needs no offsets while it runs; [`parse`] turns it into a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PError {
    rest: usize,
    len: usize,
    pub kind: PErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PErrorKind {
    /// `what` was expected here.
    Expected(String),
    /// A word that is not a keyword in this place.
    UnknownKeyword {
        found: String,
        place: Place,
    },
    TooDeep,
    /// A `{` that is never closed; the error stands at the brace.
    Unclosed,
    BadDate(String),
    UnterminatedString,
    UnterminatedRegex,
    BadNumber,
    Nom(ErrorKind),
}

impl<'a> ParseError<&'a str> for PError {
    fn from_error_kind(input: &'a str, kind: ErrorKind) -> Self {
        PError {
            rest: input.len(),
            len: 0,
            kind: PErrorKind::Nom(kind),
        }
    }

    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        // The alternative that got further explains the problem best.
        if other.rest < self.rest { other } else { self }
    }
}

/// A syntax error with its span in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub kind: PErrorKind,
    /// What stood at the error, for the message.
    pub found: String,
}

type PResult<'a, T> = IResult<&'a str, T, PError>;

fn fail<T>(i: &str, len: usize, kind: PErrorKind) -> PResult<'_, T> {
    Err(nom::Err::Failure(PError {
        rest: i.len(),
        len,
        kind,
    }))
}

/// "expected `what`", where `what` is the ID of a message in the catalogue (looked up only
/// when the error is made, never on the happy path).
fn expected<'a, T>(i: &'a str, what: &'static str) -> PResult<'a, T> {
    expected_text(i, crate::i18n::message(what, None))
}

/// "expected `what`", with `what` in words already.
fn expected_text<'a, T>(i: &'a str, what: String) -> PResult<'a, T> {
    fail(i, token_len(i), PErrorKind::Expected(what))
}

/// The length of the token at the start of `i` (for error spans).
fn token_len(i: &str) -> usize {
    let first = match i.chars().next() {
        None => return 0,
        Some(c) => c,
    };
    if first.is_alphanumeric() || first == '_' {
        i.find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(i.len())
    } else {
        first.len_utf8()
    }
}

/// `ws := (whitespace | "#" rest-of-line)*`
fn ws(i: &str) -> &str {
    // Called before every token: a plain loop, no allocation.
    let mut rest = i;
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        match rest.strip_prefix('#') {
            Some(comment) => rest = comment.find(['\n', '\r']).map_or("", |e| &comment[e..]),
            None => return rest,
        }
    }
}

fn is_word_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

struct Parser_<'s> {
    src: &'s str,
}

impl<'s> Parser_<'s> {
    fn span(&self, start: &str, end: &str) -> Span {
        Span::new(self.src.len() - start.len(), self.src.len() - end.len())
    }

    /// `word := letter (letter | digit | "_" | "-")*`
    fn word<'a>(&self, i: &'a str) -> PResult<'a, Ident> {
        let i = ws(i);
        let (rest, w) = recognize(pair(satisfy(is_word_start), take_while(is_word_char))).parse(i)?;
        Ok((
            rest,
            Ident {
                name: w.to_owned(),
                span: self.span(i, rest),
            },
        ))
    }

    /// Like `word`, but commits: anything else is "expected `what`".
    fn expect_word<'a>(&self, i: &'a str, what: &'static str) -> PResult<'a, Ident> {
        match self.word(i) {
            Ok(r) => Ok(r),
            Err(_) => expected(ws(i), what),
        }
    }

    /// Peek: is the next word `kw` (Dutch or English spelling of a single-word keyword)?
    fn peek_word<'a>(&self, i: &'a str, words: &[&str]) -> Option<&'a str> {
        match self.word(i) {
            Ok((rest, w)) if words.iter().any(|x| x.eq_ignore_ascii_case(&w.name)) => Some(rest),
            _ => None,
        }
    }

    /// A keyword of `place`, possibly of two words (`bestaat in`).
    fn keyword<'a>(&self, i: &'a str, place: Place) -> PResult<'a, (Kw, Span)> {
        let start = ws(i);
        let (rest, first) = match self.word(start) {
            Ok(r) => r,
            Err(_) => {
                let what = tr!("expected-one-of", words = keywords::spellings(place).join(", "));
                return expected_text(start, what);
            }
        };
        if let Some(kw) = keywords::lookup(place, &first.name) {
            return Ok((rest, (kw, first.span)));
        }
        // Two-word keywords.
        if let Ok((rest2, second)) = self.word(rest) {
            let both = format!("{} {}", first.name, second.name);
            if let Some(kw) = keywords::lookup(place, &both) {
                return Ok((rest2, (kw, first.span.cover(second.span))));
            }
        }
        fail(
            start,
            first.span.len(),
            PErrorKind::UnknownKeyword {
                found: first.name,
                place,
            },
        )
    }

    /// A punctuation token, committed.
    fn sym<'a>(&self, i: &'a str, s: &'static str) -> PResult<'a, Span> {
        let start = ws(i);
        match tag::<&str, &str, PError>(s).parse(start) {
            Ok((rest, _)) => Ok((rest, self.span(start, rest))),
            Err(_) => expected_text(start, format!("`{s}`")),
        }
    }

    fn try_sym<'a>(&self, i: &'a str, s: &'static str) -> Option<&'a str> {
        let start = ws(i);
        start.strip_prefix(s)
    }

    /// `string := '"' (char | '\"' | '\\' | '\n')* '"'` — a line break inside a string and
    /// the indentation after it read as one space, so long texts may wrap.
    /// `string := '"""' char* '"""'` — verbatim, for examples: line breaks are kept and the
    /// common indentation is removed.
    fn string<'a>(&self, i: &'a str) -> PResult<'a, Str> {
        let start = ws(i);
        if let Some(body) = start.strip_prefix("\"\"\"") {
            let Some(end) = body.find("\"\"\"") else {
                return fail(start, 3, PErrorKind::UnterminatedString);
            };
            let rest = &body[end + 3..];
            return Ok((
                rest,
                Str {
                    value: dedent(&body[..end]),
                    span: self.span(start, rest),
                },
            ));
        }
        let Some(body) = start.strip_prefix('"') else {
            return expected(start, "expected-string");
        };
        let mut value = String::new();
        let mut chars = body.char_indices();
        while let Some((idx, c)) = chars.next() {
            // Copy a run of ordinary characters at once.
            if !matches!(c, '"' | '\\' | '\r' | '\n') {
                let run = body[idx..].find(['"', '\\', '\r', '\n']).unwrap_or(body.len() - idx);
                value.push_str(&body[idx..idx + run]);
                let last = idx + run;
                while chars.clone().next().is_some_and(|(j, _)| j < last) {
                    chars.next();
                }
                continue;
            }
            match c {
                '"' => {
                    let rest = &body[idx + 1..];
                    return Ok((
                        rest,
                        Str {
                            value,
                            span: self.span(start, rest),
                        },
                    ));
                }
                '\\' => match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, c)) => value.push(c),
                    None => break,
                },
                '\r' => {}
                '\n' => {
                    while value.ends_with(' ') {
                        value.pop();
                    }
                    value.push(' ');
                    let rest = &body[idx + 1..];
                    let skip = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                    for _ in 0..skip {
                        chars.next();
                    }
                }
                c => value.push(c),
            }
        }
        fail(start, 1, PErrorKind::UnterminatedString)
    }

    /// `regex := "/" (char | "\/")* "/" flags` with flags from `i` (ignore case), `x`, `s`.
    fn regex<'a>(&self, i: &'a str) -> PResult<'a, RegexLit> {
        let start = ws(i);
        let Some(body) = start.strip_prefix('/') else {
            return expected(start, "expected-pattern");
        };
        let mut pattern = String::new();
        let mut chars = body.char_indices();
        while let Some((idx, c)) = chars.next() {
            match c {
                '/' => {
                    let after = &body[idx + 1..];
                    let (rest, flags) = take_while::<_, &str, PError>(|c: char| c.is_ascii_lowercase()).parse(after)?;
                    return Ok((
                        rest,
                        RegexLit {
                            pattern,
                            flags: flags.to_owned(),
                            span: self.span(start, rest),
                        },
                    ));
                }
                '\\' => match chars.next() {
                    Some((_, '/')) => pattern.push('/'),
                    Some((_, c)) => {
                        pattern.push('\\');
                        pattern.push(c);
                    }
                    None => break,
                },
                '\n' => break,
                c => pattern.push(c),
            }
        }
        fail(start, 1, PErrorKind::UnterminatedRegex)
    }

    fn number<'a>(&self, i: &'a str) -> PResult<'a, (usize, Span)> {
        let start = ws(i);
        match digit1::<&str, PError>(start) {
            Ok((rest, d)) => match d.parse() {
                Ok(n) => Ok((rest, (n, self.span(start, rest)))),
                Err(_) => fail(start, d.len(), PErrorKind::BadNumber),
            },
            Err(_) => expected(start, "expected-number"),
        }
    }

    /// `datum := jjjj "-" mm "-" dd`
    fn date<'a>(&self, i: &'a str) -> PResult<'a, DateLit> {
        let start = ws(i);
        let r: PResult<'_, &str> = recognize((
            take_while1(|c: char| c.is_ascii_digit()),
            char('-'),
            take_while1(|c: char| c.is_ascii_digit()),
            char('-'),
            take_while1(|c: char| c.is_ascii_digit()),
        ))
        .parse(start);
        let Ok((rest, text)) = r else {
            return expected(start, "expected-date");
        };
        let mut parts = text.split('-').map(|p| p.parse::<i32>().unwrap_or(-1));
        let (y, m, d) = (
            parts.next().unwrap_or(-1),
            parts.next().unwrap_or(-1),
            parts.next().unwrap_or(-1),
        );
        let shape = (1000..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
        if !shape {
            return fail(
                start,
                text.len(),
                PErrorKind::BadDate(tr!("rules-not-a-date", text = text)),
            );
        }
        match jiff::civil::Date::new(y as i16, m as i8, d as i8) {
            Ok(_) => Ok((
                rest,
                DateLit {
                    year: y as i16,
                    month: m as i8,
                    day: d as i8,
                    span: self.span(start, rest),
                },
            )),
            Err(_) => {
                let days = jiff::civil::date(y as i16, m as i8, 1).days_in_month();
                fail(
                    start,
                    text.len(),
                    PErrorKind::BadDate(tr!("rules-no-such-date", text = text, month = m, year = y, days = days)),
                )
            }
        }
    }

    /// `file := item*`
    fn file(&self, errors: &mut Vec<PError>) -> File {
        let mut items = Vec::new();
        let mut i = self.src;
        loop {
            i = ws(i);
            if i.is_empty() {
                break;
            }
            match self.item(i) {
                Ok((rest, item)) => {
                    items.push(item);
                    i = rest;
                }
                Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                    errors.push(e);
                    match next_item_line(i) {
                        Some(rest) => i = rest,
                        None => break,
                    }
                }
                Err(nom::Err::Incomplete(_)) => break,
            }
        }
        File { items }
    }

    /// `item := plan | veld | synoniem | actie | plaatshouders | regel | gebruik | voortgang`
    /// `synoniem := "synoniem" naam "=" string ("|" string)*`
    fn item<'a>(&self, i: &'a str) -> PResult<'a, Item> {
        let start = ws(i);
        let (i, (kw, _)) = self.keyword(start, Place::Top)?;
        match kw {
            Kw::Plan => self.plan(start, i),
            Kw::Field => self.field(start, i),
            Kw::Synonym => match self.field(start, i)? {
                (r, Item::Field(f)) => Ok((r, Item::Synonym(f))),
                _ => unreachable!("field returns a field"),
            },
            Kw::Action => self.action(start, i),
            Kw::Placeholders => {
                let i = self.try_sym(i, "=").unwrap_or(i);
                let (i, pats) = self.patterns(i)?;
                Ok((i, Item::Placeholders(pats, self.span(start, i))))
            }
            Kw::Rule => self.rule(start, i),
            Kw::Include => {
                let (i, path) = self.string(i)?;
                Ok((i, Item::Include(path)))
            }
            Kw::Progress => self.progress(start, i),
            _ => unreachable!("only top-level keywords are looked up here"),
        }
    }

    /// `plan := "plan" string "{" (periode | register | inleverdatum)* "}"`
    /// `periode := "periode" datum ("t/m" | "tot en met") datum`
    /// `register := "register" naam "=" string`
    /// `inleverdatum := "inleverdatum" datum`
    fn plan<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Item> {
        let (i, name) = self.string(i)?;
        let brace = ws(i);
        let (mut i, _) = self.sym(i, "{")?;
        let mut items = Vec::new();
        loop {
            if let Some(rest) = self.try_sym(i, "}") {
                i = rest;
                break;
            }
            unclosed(brace, i)?;
            let (rest, (kw, _)) = self.keyword(i, Place::Plan)?;
            let (rest, item) = match kw {
                Kw::Period => {
                    let (r, from) = self.date(rest)?;
                    let (r, ()) = self.until(r)?;
                    let (r, to) = self.date(r)?;
                    (r, PlanItem::Period { start: from, end: to })
                }
                Kw::Register => {
                    let (r, name) = self.expect_word(rest, "expected-register-name")?;
                    let (r, _) = self.sym(r, "=")?;
                    let (r, path) = self.string(r)?;
                    (r, PlanItem::Register { name, path })
                }
                Kw::Deadline => {
                    let (r, d) = self.date(rest)?;
                    (r, PlanItem::Deadline(d))
                }
                Kw::Kaderbrief => {
                    let (r, path) = self.string(rest)?;
                    (r, PlanItem::Kaderbrief(path))
                }
                _ => unreachable!("plan keyword"),
            };
            items.push(item);
            i = rest;
        }
        Ok((
            i,
            Item::Plan(PlanBlock {
                name,
                items,
                span: self.span(start, i),
            }),
        ))
    }

    /// `voortgang := "voortgang" "{" (kenmerk | veld | status)* "}"`
    /// `kenmerk := "kenmerk" naam "=" string`
    /// `status := "status" naam "=" string ("|" string)*`
    fn progress<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Item> {
        let brace = ws(i);
        let (mut i, _) = self.sym(i, "{")?;
        let mut items = Vec::new();
        loop {
            if let Some(rest) = self.try_sym(i, "}") {
                i = rest;
                break;
            }
            unclosed(brace, i)?;
            let fstart = ws(i);
            let (rest, (kw, _)) = self.keyword(i, Place::Progress)?;
            let (rest, item) = match kw {
                Kw::Marker => {
                    let (r, key) = self.expect_word(rest, "expected-a-key")?;
                    let (r, _) = self.sym(r, "=")?;
                    let (r, value) = self.string(r)?;
                    (r, ProgressItem::Marker { key, value })
                }
                Kw::ProgressField => match self.field(fstart, rest)? {
                    (r, Item::Field(f)) => (r, ProgressItem::Field(f)),
                    _ => unreachable!("field returns a field"),
                },
                Kw::Status => {
                    let (r, name) = self.expect_word(rest, "expected-a-status")?;
                    let (r, _) = self.sym(r, "=")?;
                    let (r, aliases) = self.strings(r)?;
                    (r, ProgressItem::Status { name, aliases })
                }
                _ => unreachable!("progress keyword"),
            };
            items.push(item);
            i = rest;
        }
        Ok((
            i,
            Item::Progress(ProgressBlock {
                items,
                span: self.span(start, i),
            }),
        ))
    }

    /// `t/m | tot en met | to`
    fn until<'a>(&self, i: &'a str) -> PResult<'a, ()> {
        if let Some(rest) = self.try_sym(i, "t/m") {
            return Ok((rest, ()));
        }
        if let Some(r) = self.peek_word(i, &["tot"])
            && let Some(r) = self.peek_word(r, &["en"])
            && let Some(r) = self.peek_word(r, &["met"])
        {
            return Ok((r, ()));
        }
        if let Some(r) = self.peek_word(i, &["to"]) {
            return Ok((r, ()));
        }
        expected_text(ws(i), "`t/m`".to_owned())
    }

    /// `veld := "veld" naam [":" soort] "=" string ("|" string)*`
    /// `soort := "tekst" | "tijd" | "verwijzing" "(" naam ")" | "acties" | "bedrag"`
    fn field<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Item> {
        let (i, name) = self.expect_word(i, "expected-field-name")?;
        let (i, kind) = match self.try_sym(i, ":") {
            Some(r) => {
                let kstart = ws(r);
                let (r, (kw, _)) = self.keyword(kstart, Place::Kind)?;
                let (r, register) = if kw == Kw::KindLinks {
                    let (r, _) = self.sym(r, "(")?;
                    let (r, reg) = self.expect_word(r, "expected-a-register-name")?;
                    let (r, _) = self.sym(r, ")")?;
                    (r, Some(reg))
                } else {
                    (r, None)
                };
                (
                    r,
                    Some(KindSyn {
                        kw,
                        register,
                        span: self.span(kstart, r),
                    }),
                )
            }
            None => (i, None),
        };
        let (i, _) = self.sym(i, "=")?;
        let (i, aliases) = self.strings(i)?;
        Ok((
            i,
            Item::Field(FieldDecl {
                name,
                kind,
                aliases,
                span: self.span(start, i),
            }),
        ))
    }

    /// `strings := string ("|" string)*`
    fn strings<'a>(&self, i: &'a str) -> PResult<'a, Vec<Str>> {
        let (mut i, first) = self.string(i)?;
        let mut out = vec![first];
        while let Some(r) = self.try_sym(i, "|") {
            let (r, s) = self.string(r)?;
            out.push(s);
            i = r;
        }
        Ok((i, out))
    }

    /// `patronen := (string | regex) ("|" (string | regex))*`
    fn patterns<'a>(&self, i: &'a str) -> PResult<'a, Vec<Pattern>> {
        let mut out = Vec::new();
        let mut i = i;
        loop {
            let start = ws(i);
            let (r, p) = if start.starts_with('/') {
                let (r, re) = self.regex(start)?;
                (r, Pattern::Regex(re))
            } else {
                let (r, s) = self.string(start)?;
                (r, Pattern::Text(s))
            };
            out.push(p);
            match self.try_sym(r, "|") {
                Some(r) => i = r,
                None => return Ok((r, out)),
            }
        }
    }

    /// `actie := "actie" "{" ("herken" regex | "kop" regex | "niveau" getal "t/m" getal
    ///           | "tabel" strings | "cel" regex | "losse kop" regex)* "}"`
    fn action<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Item> {
        let brace = ws(i);
        let (mut i, _) = self.sym(i, "{")?;
        let mut items = Vec::new();
        loop {
            if let Some(rest) = self.try_sym(i, "}") {
                i = rest;
                break;
            }
            unclosed(brace, i)?;
            let (rest, (kw, kspan)) = self.keyword(i, Place::Action)?;
            let (rest, item) = match kw {
                Kw::Recognise => {
                    let (r, re) = self.regex(rest)?;
                    (r, ActionItem::Recognise(re))
                }
                Kw::Heading => {
                    let (r, re) = self.regex(rest)?;
                    (r, ActionItem::Heading(re))
                }
                Kw::Cell => {
                    let (r, re) = self.regex(rest)?;
                    (r, ActionItem::Cell(re))
                }
                Kw::Loose => {
                    let (r, re) = self.regex(rest)?;
                    (r, ActionItem::Loose(re))
                }
                Kw::Levels => {
                    let (r, (min, _)) = self.number(rest)?;
                    let (r, ()) = self.until(r)?;
                    let (r, (max, nspan)) = self.number(r)?;
                    (
                        r,
                        ActionItem::Levels {
                            min: min.min(255) as u8,
                            max: max.min(255) as u8,
                            span: kspan.cover(nspan),
                        },
                    )
                }
                Kw::Table => {
                    let (r, names) = self.strings(rest)?;
                    (r, ActionItem::Table(names))
                }
                _ => unreachable!("action keyword"),
            };
            items.push(item);
            i = rest;
        }
        Ok((
            i,
            Item::Action(ActionBlock {
                items,
                span: self.span(start, i),
            }),
        ))
    }

    /// `regel := "regel" id ernst [string] "{" clausule* "}"`
    /// `        | "regel" id "is" (ernst | "uit")`
    fn rule<'a>(&self, start: &'a str, i: &'a str) -> PResult<'a, Item> {
        let (i, id) = self.expect_word(i, "expected-rule-id")?;
        if let Some(r) = self.peek_word(i, &["is"]) {
            if let Some(r) = self.peek_word(r, &["uit", "off"]) {
                let span = self.span(start, r);
                return Ok((
                    r,
                    Item::Override(RuleOverride {
                        id,
                        severity: None,
                        span,
                    }),
                ));
            }
            let (r, severity) = self.severity(r, true)?;
            let span = self.span(start, r);
            return Ok((
                r,
                Item::Override(RuleOverride {
                    id,
                    severity: Some(severity),
                    span,
                }),
            ));
        }
        let (i, severity) = self.severity(i, false)?;
        let (i, title) = if ws(i).starts_with('"') {
            let (r, s) = self.string(i)?;
            (r, Some(s))
        } else {
            (i, None)
        };
        let brace = ws(i);
        let (mut i, _) = self.sym(i, "{")?;
        let mut clauses = Vec::new();
        loop {
            if let Some(rest) = self.try_sym(i, "}") {
                i = rest;
                break;
            }
            unclosed(brace, i)?;
            let (rest, clause) = self.clause(i)?;
            clauses.push(clause);
            i = rest;
        }
        Ok((
            i,
            Item::Rule(RuleDecl {
                id,
                severity,
                title,
                clauses,
                span: self.span(start, i),
            }),
        ))
    }

    /// `ernst := "fout" | "waarschuwing" | "opmerking"` (or `error`, `warning`, `note`)
    fn severity<'a>(&self, i: &'a str, or_off: bool) -> PResult<'a, SeverityLit> {
        let start = ws(i);
        match self.keyword(start, Place::Severity) {
            Ok((r, (kw, span))) => Ok((r, SeverityLit { kw, span })),
            Err(nom::Err::Failure(PError {
                kind: PErrorKind::UnknownKeyword { found, .. },
                ..
            })) => fail(
                start,
                found.len(),
                PErrorKind::UnknownKeyword {
                    found,
                    place: Place::Severity,
                },
            ),
            Err(_) if or_off => expected(start, "expected-severity-or-off"),
            Err(_) => expected(start, "expected-severity"),
        }
    }

    /// `clausule := "voor" bereik | "eis" expr | "melding" string | "hulp" string
    ///            | "bron" string | "beschrijving" string | "wijkt"`
    fn clause<'a>(&self, i: &'a str) -> PResult<'a, Clause> {
        let (i, (kw, kspan)) = self.keyword(i, Place::Clause)?;
        match kw {
            Kw::Yields => Ok((i, Clause::Yields(kspan))),
            Kw::For => {
                let (r, scope) = self.scope(i)?;
                Ok((r, Clause::For(scope)))
            }
            Kw::Require => {
                let (r, e) = self.expr(i, 0)?;
                Ok((r, Clause::Require(e)))
            }
            Kw::Message => self.string(i).map(|(r, s)| (r, Clause::Message(s))),
            Kw::Help => self.string(i).map(|(r, s)| (r, Clause::Help(s))),
            Kw::Source => self.string(i).map(|(r, s)| (r, Clause::Source(s))),
            Kw::Description => self.string(i).map(|(r, s)| (r, Clause::Description(s))),
            Kw::ExampleGood => self.string(i).map(|(r, s)| (r, Clause::ExampleGood(s))),
            Kw::ExampleBad => self.string(i).map(|(r, s)| (r, Clause::ExampleBad(s))),
            Kw::English => {
                let brace = ws(i);
                let (mut i, _) = self.sym(i, "{")?;
                let mut texts = Vec::new();
                loop {
                    if let Some(rest) = self.try_sym(i, "}") {
                        return Ok((rest, Clause::English(texts)));
                    }
                    unclosed(brace, i)?;
                    let what = "expected-english-text";
                    let (r, w) = self.expect_word(i, what)?;
                    let kind = match w.name.as_str() {
                        "titel" | "title" => EnglishText::Title,
                        "melding" | "message" => EnglishText::Message,
                        "hulp" | "help" => EnglishText::Help,
                        "beschrijving" | "description" => EnglishText::Description,
                        _ => {
                            return fail(
                                ws(i),
                                w.span.len(),
                                PErrorKind::Expected(crate::i18n::message(what, None)),
                            );
                        }
                    };
                    let (r, s) = self.string(r)?;
                    texts.push((kind, s));
                    i = r;
                }
            }
            _ => unreachable!("clause keyword"),
        }
    }

    /// `bereik := ("elke" | "elk" | "each") ("actie" | "actiekop" | "veld" | "document"
    ///            | "uitzondering" | niveau "in" register) ["met" naam]`
    fn scope<'a>(&self, i: &'a str) -> PResult<'a, ScopeSyn> {
        let start = ws(i);
        let Some(i) = self.peek_word(start, &["elke", "elk", "each", "every"]) else {
            return expected(start, "expected-every");
        };
        // `voor elk thema in beleid`: a level of a register.
        if let Ok((r, level)) = self.word(i)
            && keywords::lookup(Place::Scope, &level.name).is_none()
            && let Some(r) = self.peek_word(r, &["in"])
        {
            let (r, register) = self.expect_word(r, "expected-a-register-name")?;
            return Ok((
                r,
                ScopeSyn {
                    kw: None,
                    node: Some((level, register)),
                    with: None,
                    by: Vec::new(),
                    span: self.span(start, r),
                },
            ));
        }
        let (i, (kw, _)) = self.keyword(i, Place::Scope)?;
        // `voor elk totaal per team, jaar`
        let (i, by) = match self.peek_word(i, &["per", "by"]) {
            Some(mut r) if kw == Kw::ScopeTotal => {
                let mut by = Vec::new();
                loop {
                    let (r2, d) = self.expect_word(r, "expected-a-group")?;
                    by.push(d);
                    r = r2;
                    match self.try_sym(r, ",").or_else(|| self.peek_word(r, &["en", "and"])) {
                        Some(r3) => r = r3,
                        None => break,
                    }
                }
                (r, by)
            }
            _ if kw == Kw::ScopeTotal => return expected(ws(i), "expected-per"),
            _ => (i, Vec::new()),
        };
        let (i, with) = match self.peek_word(i, &["met", "with"]) {
            Some(r) => {
                let (r, f) = self.expect_word(r, "expected-a-field-name")?;
                (r, Some(f))
            }
            None => (i, None),
        };
        Ok((
            i,
            ScopeSyn {
                kw: Some(kw),
                node: None,
                with,
                by,
                span: self.span(start, i),
            },
        ))
    }

    /// `expr := en ("of" en)*`
    fn expr<'a>(&self, i: &'a str, depth: usize) -> PResult<'a, Expr> {
        if depth > MAX_DEPTH {
            return fail(ws(i), 1, PErrorKind::TooDeep);
        }
        let (mut i, first) = self.and_expr(i, depth)?;
        let mut all = vec![first];
        while let Some(r) = self.peek_word(i, &["of", "or"]) {
            let (r, next) = self.and_expr(r, depth)?;
            all.push(next);
            i = r;
        }
        Ok((i, if all.len() == 1 { all.remove(0) } else { Expr::Or(all) }))
    }

    /// `en := unair ("en" unair)*`
    fn and_expr<'a>(&self, i: &'a str, depth: usize) -> PResult<'a, Expr> {
        let (mut i, first) = self.unary(i, depth)?;
        let mut all = vec![first];
        while let Some(r) = self.peek_word(i, &["en", "and"]) {
            let (r, next) = self.unary(r, depth)?;
            all.push(next);
            i = r;
        }
        Ok((i, if all.len() == 1 { all.remove(0) } else { Expr::And(all) }))
    }

    /// `unair := "niet" unair | "(" expr ")" | "als" expr "dan" unair | toets`
    fn unary<'a>(&self, i: &'a str, depth: usize) -> PResult<'a, Expr> {
        if depth > MAX_DEPTH {
            return fail(ws(i), 1, PErrorKind::TooDeep);
        }
        let start = ws(i);
        if let Some(r) = self.try_sym(start, "(") {
            let (r, e) = self.expr(r, depth + 1)?;
            let (r, _) = self.sym(r, ")")?;
            return Ok((r, e));
        }
        if let Some(r) = self.peek_word(start, &["niet", "not"]) {
            let (r, e) = self.unary(r, depth + 1)?;
            return Ok((r, Expr::Not(Box::new(e), self.span(start, r))));
        }
        if let Some(r) = self.peek_word(start, &["als", "if"]) {
            let (r, cond) = self.expr(r, depth + 1)?;
            let Some(r) = self.peek_word(r, &["dan", "then"]) else {
                return expected(ws(r), "expected-then");
            };
            let (r, then) = self.unary(r, depth + 1)?;
            return Ok((r, Expr::If(Box::new(cond), Box::new(then))));
        }
        self.test(start)
    }

    /// `toets := naam predicaat`
    /// `predicaat := "ingevuld" | "matcht" regex | "woorden" vergelijking getal
    ///             | "lengte" vergelijking getal | "=" string | vergelijking getal
    ///             | "bestaat in" naam | "op niveau" naam ("," naam)* | "titel klopt"
    ///             | "uniek" | "zonder plaatshouder" | "is tijd" | "binnen planperiode"
    ///             | "op volgorde" | "begint na" naam | "begint voor" naam | "zonder kring"
    ///             | "bevat bedrag" | "bekend"`
    fn test<'a>(&self, start: &'a str) -> PResult<'a, Expr> {
        let (i, subject) = self.expect_word(start, "expected-subject")?;
        if matches!(subject.name.as_str(), "som" | "sum") && !ws(i).starts_with(['>', '<', '=']) {
            return self.sum(start, i, subject);
        }
        let pstart = ws(i);
        let is_text = pstart.strip_prefix('=').is_some_and(|r| ws(r).starts_with('"'));
        let (i, pred) = if is_text {
            let (r, s) = self.string(&pstart[1..])?;
            (r, Pred::Equals(s))
        } else if pstart.starts_with(['>', '<', '=']) {
            let (r, cmp) = self.cmp(pstart)?;
            let (r, (n, _)) = self.number(r)?;
            (r, Pred::Count(cmp, n))
        } else {
            let (r, (kw, _)) = self.keyword(pstart, Place::Predicate)?;
            match kw {
                Kw::Filled => (r, Pred::Filled),
                Kw::Matches => {
                    let (r, re) = self.regex(r)?;
                    (r, Pred::Matches(re))
                }
                Kw::Words | Kw::Length => {
                    let (r, cmp) = self.cmp(r)?;
                    let (r, (n, _)) = self.number(r)?;
                    let pred = if kw == Kw::Words {
                        Pred::Words(cmp, n)
                    } else {
                        Pred::Length(cmp, n)
                    };
                    (r, pred)
                }
                Kw::Exists => {
                    let (r, reg) = self.expect_word(r, "expected-a-register-name")?;
                    (r, Pred::ExistsIn(reg))
                }
                Kw::AtLevel => {
                    let (mut r, first) = self.expect_word(r, "expected-level-example")?;
                    let mut levels = vec![first];
                    while let Some(r2) = self.try_sym(r, ",") {
                        let (r3, l) = self.expect_word(r2, "expected-level")?;
                        levels.push(l);
                        r = r3;
                    }
                    (r, Pred::AtLevel(levels))
                }
                Kw::TitleMatches => (r, Pred::TitleMatches),
                Kw::Unique => (r, Pred::Unique),
                Kw::WithoutPlaceholder => (r, Pred::WithoutPlaceholder),
                Kw::IsTime => (r, Pred::IsTime),
                Kw::WithinPlan => (r, Pred::WithinPlan),
                Kw::InOrder => (r, Pred::InOrder),
                Kw::NoCycle => (r, Pred::NoCycle),
                Kw::HasAmount => (r, Pred::HasAmount),
                Kw::AmountsReadable => (r, Pred::AmountsReadable),
                Kw::Known => (r, Pred::Known),
                Kw::Used => (r, Pred::Used),
                Kw::Reported => (r, Pred::Reported),
                Kw::AfterCutoff => (r, Pred::AfterCutoff),
                Kw::FitsIn => {
                    let (r, other) = self.expect_word(r, "expected-a-field-name")?;
                    (r, Pred::FitsIn(other))
                }
                Kw::StartsAfter | Kw::StartsBefore => {
                    let (r, other) = self.expect_word(r, "expected-actions-field")?;
                    (
                        r,
                        if kw == Kw::StartsAfter {
                            Pred::StartsAfter(other)
                        } else {
                            Pred::StartsBefore(other)
                        },
                    )
                }
                _ => unreachable!("predicate keyword"),
            }
        };
        Ok((
            i,
            Expr::Test(Test {
                subject,
                pred,
                span: self.span(start, i),
            }),
        ))
    }

    /// `som := "som" naam [eenheid] vergelijking ("kaderbrief" [eenheid] | getal)`
    fn sum<'a>(&self, start: &'a str, i: &'a str, subject: Ident) -> PResult<'a, Expr> {
        let (i, field) = self.expect_word(i, "expected-a-field-name")?;
        let (i, unit) = if ws(i).starts_with(['>', '<', '=']) {
            (i, None)
        } else {
            let (r, u) = self.expect_word(i, "expected-a-unit")?;
            (r, Some(u))
        };
        let (i, cmp) = self.cmp(i)?;
        let (i, bound) = if ws(i).starts_with(|c: char| c.is_ascii_digit()) {
            let (r, (n, span)) = self.number(i)?;
            (r, Bound::Number(n, span))
        } else {
            let (r, name) = self.expect_word(i, "expected-kaderbrief-or-number")?;
            let unit_next = self
                .word(r)
                .ok()
                .filter(|(_, w)| matches!(w.name.as_str(), "euro" | "fte"));
            match unit_next {
                Some((r2, u)) => (r2, Bound::Frame { name, unit: Some(u) }),
                None => (r, Bound::Frame { name, unit: None }),
            }
        };
        Ok((
            i,
            Expr::Test(Test {
                subject,
                pred: Pred::Sum {
                    field,
                    unit,
                    cmp,
                    bound,
                },
                span: self.span(start, i),
            }),
        ))
    }

    /// `vergelijking := ">=" | "<=" | ">" | "<" | "="`
    fn cmp<'a>(&self, i: &'a str) -> PResult<'a, Cmp> {
        let start = ws(i);
        for (s, c) in [
            (">=", Cmp::Ge),
            ("<=", Cmp::Le),
            (">", Cmp::Gt),
            ("<", Cmp::Lt),
            ("=", Cmp::Eq),
        ] {
            if let Some(r) = start.strip_prefix(s) {
                return Ok((r, c));
            }
        }
        expected(start, "expected-comparison")
    }
}

/// Remove a leading line break, the common indentation of the lines, and trailing blanks.
fn dedent(text: &str) -> String {
    let text = text
        .strip_prefix("\r\n")
        .or_else(|| text.strip_prefix('\n'))
        .unwrap_or(text);
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.get(indent..).unwrap_or_else(|| l.trim_start()))
        .collect();
    let mut out = lines.join("\n").trim_end().to_owned();
    out.push('\n');
    out
}

/// At the end of the file inside a block: the error is the `{` that was never closed.
fn unclosed<'a>(brace: &'a str, i: &'a str) -> PResult<'a, ()> {
    if ws(i).is_empty() {
        fail(brace, 1, PErrorKind::Unclosed)
    } else {
        Ok((i, ()))
    }
}

/// Skip to the next line that starts with a top-level keyword (error recovery).
fn next_item_line(i: &str) -> Option<&str> {
    let mut rest = i;
    loop {
        let nl = rest.find('\n')?;
        rest = &rest[nl + 1..];
        let line = rest.trim_start_matches([' ', '\t']);
        let word: String = line.chars().take_while(|c| is_word_char(*c)).collect();
        if keywords::lookup(Place::Top, &word).is_some() {
            return Some(line);
        }
    }
}

/// Parse a rule file. Never fails: returns what it understood and every syntax error.
pub fn parse(src: &str) -> (File, Vec<SyntaxError>) {
    let p = Parser_ { src };
    let mut errors = Vec::new();
    let file = p.file(&mut errors);
    let errors = errors
        .into_iter()
        .map(|e| {
            let start = src.len() - e.rest;
            let mut end = (start + e.len).min(src.len());
            while !src.is_char_boundary(end) {
                end -= 1;
            }
            let found = if start >= src.len() {
                String::new()
            } else {
                src[start..(start + token_len(&src[start..])).min(src.len())].to_owned()
            };
            SyntaxError {
                span: Span::new(start, end.max(start)),
                kind: e.kind,
                found,
            }
        })
        .collect();
    (file, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(src: &str) -> File {
        let (file, errors) = parse(src);
        assert!(errors.is_empty(), "{errors:?}");
        file
    }

    #[test]
    fn parses_a_rule_with_every_clause() {
        let f = ok(r#"
            # eisen
            regel actie-eigenaar fout "Elke actie heeft een eigenaar" {
              voor elke actie met eigenaar
              eis eigenaar ingevuld en niet eigenaar matcht /^x$/i
              melding "Actie {actie} heeft geen eigenaar"
              hulp "Voeg toe"
              bron "Beleidsplan"
              beschrijving "lang
                 verhaal"
            }"#);
        let Item::Rule(r) = &f.items[0] else { panic!() };
        assert_eq!(r.id.name, "actie-eigenaar");
        assert_eq!(r.clauses.len(), 6);
        let Clause::Description(d) = &r.clauses[5] else {
            panic!()
        };
        assert_eq!(d.value, "lang verhaal");
        let Clause::Require(Expr::And(all)) = &r.clauses[1] else {
            panic!()
        };
        assert!(matches!(all[1], Expr::Not(..)));
    }

    #[test]
    fn or_binds_weaker_than_and() {
        let f = ok("regel r fout { eis a ingevuld of b ingevuld en c ingevuld }");
        let Item::Rule(r) = &f.items[0] else { panic!() };
        let Clause::Require(Expr::Or(all)) = &r.clauses[0] else {
            panic!()
        };
        assert!(matches!(all[1], Expr::And(..)));
    }

    #[test]
    fn every_predicate_parses() {
        ok(r#"regel r fout {
            eis a woorden >= 15 en a lengte < 3 en a = "geen" en a bestaat in beleid
              en a op niveau thema, onderdeel en a titel klopt en a uniek
              en a zonder plaatshouder en (als a matcht /x/ dan a ingevuld)
              en a is tijd en a binnen planperiode en a op volgorde en a begint na b
              en a begint voor b en a zonder kring en a bevat bedrag en a bekend
              en a >= 1 en a = 2
        }"#);
    }

    #[test]
    fn plan_field_action_placeholders_include_override() {
        let f = ok(r#"
            plan "P" { periode 2026-01-01 t/m 2027-12-31 register beleid = "b.toml" inleverdatum 2026-09-15 }
            veld beleidslijn: verwijzing(beleid) = "Beleidslijn" | "Beleidsplan"
            actie { herken /^actie\b/i kop /x/ niveau 2 t/m 4 tabel "Actie" | "Nr" cel /y/ }
            plaatshouders = "PM" | /<[^>]*>/
            gebruik "ander.kader"
            regel actie-iep is waarschuwing
            regel placeholder is uit
        "#);
        assert_eq!(f.items.len(), 7);
    }

    #[test]
    fn escaped_slash_in_a_regex() {
        let f = ok(r"regel r fout { eis a matcht /t\/m/ }");
        let Item::Rule(r) = &f.items[0] else { panic!() };
        let Clause::Require(Expr::Test(t)) = &r.clauses[0] else {
            panic!()
        };
        assert_eq!(
            t.pred,
            Pred::Matches(RegexLit {
                pattern: "t/m".into(),
                flags: String::new(),
                span: t.pred_span()
            })
        );
    }

    #[test]
    fn unknown_keyword_is_reported_at_the_word() {
        let src = "reegl r fout {}\nregel s fout { eis a ingevuld }";
        let (file, errors) = parse(src);
        assert_eq!(errors.len(), 1);
        assert_eq!(&src[errors[0].span.range()], "reegl");
        assert!(matches!(errors[0].kind, PErrorKind::UnknownKeyword { .. }));
        assert_eq!(file.items.len(), 1, "recovers at the next rule");
    }

    #[test]
    fn every_error_kind_has_a_span() {
        for (src, at) in [
            ("regel r fout { eis a ingevuld", "{"),
            ("regel r fout { melding \"open }", "\""),
            ("regel r fout { eis a matcht /open }", "/"),
            ("plan \"p\" { periode 2026-02-30 t/m 2027-01-01 }", "2026-02-30"),
            ("regel r fout { eis a woorden >= x }", "x"),
            ("regel r ernstig { }", "ernstig"),
            ("regel r fout { eis a ingevuld extra }", "extra"),
        ] {
            let (_, errors) = parse(src);
            assert_eq!(errors.len(), 1, "{src}: {errors:?}");
            assert_eq!(&src[errors[0].span.range()], at, "{src}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("regel r fout {{ eis {}a ingevuld }}", "niet ".repeat(100_000));
        let (_, errors) = parse(&src);
        assert!(matches!(errors[0].kind, PErrorKind::TooDeep));
        let src = format!("regel r fout {{ eis {}a ingevuld }}", "(".repeat(100_000));
        let (_, errors) = parse(&src);
        assert!(matches!(errors[0].kind, PErrorKind::TooDeep));
    }

    impl Test {
        fn pred_span(&self) -> Span {
            match &self.pred {
                Pred::Matches(r) => r.span,
                _ => self.span,
            }
        }
    }
}
