//! Amounts in an inzet value: `€ 25.000`, `€ 1,2 mln`, `0,4 fte`, `16 uur per week`, each with
//! what it counts for and its span.
//!
//! Owns: reading the Dutch ways staff write money and people (thousands dots, a decimal comma,
//! `k`/`mln`, `euro`/`EUR`, `,-`; fte; hours and dagdelen with `per week`, `/maand`, `p/w`,
//! `eenmalig`, `in 2026`), a count (`30 x € 2.500`, `per praktijk (30 praktijken)`), a
//! clause total (`totaal € 75.000`), and everything that looks like an amount but cannot be
//! counted (a multiplier without a count, a range, a decimal point, `€ PM`).
//! Must not: add amounts up or decide what is allowed (that is `check`).

use crate::model::amount::{Amount, AmountProblem, Amounts, Per, ProblemKind, Unit};
use crate::source::Span;

/// Hours in a dagdeel (a morning or an afternoon): the usual Dutch reading.
pub const HOURS_PER_DAGDEEL: f64 = 4.0;

/// Reads every amount in `text`, which stands at `span` in its file.
pub fn read_amounts(text: &str, span: Span) -> Amounts {
    let mut out = Amounts::default();
    let b = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let tokens = numbers(text);
    // Where the clauses end (`;` and line breaks), found once: a value of any length is read
    // in one pass, never once per amount.
    let seps: Vec<usize> = b
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c == b';' || c == b'\n')
        .map(|(i, _)| i)
        .collect();
    // (clause index, amount, preceded by "totaal")
    let mut found: Vec<(usize, Amount, bool)> = Vec::new();
    let mut consumed_euro: Vec<usize> = Vec::new();
    let mut prev_end = 0;
    for (t, tok) in tokens.iter().enumerate() {
        // The euro sign or `EUR` before the number.
        let start = tok.prefix_start.unwrap_or(tok.start);
        let at = |s: usize, e: usize| span.sub(s, e);
        if let Some(e) = tok.prefix_start {
            consumed_euro.push(e);
        }
        // A range: `€ 10.000 - € 20.000`, `10–20 uur`, `€ 10–20k`.
        if let Some(end) = range_after(text, &tokens, t) {
            out.problems.push(AmountProblem {
                kind: ProblemKind::Range,
                span: at(start, end),
            });
            continue;
        }
        if range_before(text, &tokens, t) {
            continue; // reported with the first number of the range
        }
        let Some(unit) = tok.unit else { continue };
        let window_end = tokens
            .get(t + 1..)
            .and_then(|rest| rest.iter().find(|n| n.unit.is_some()))
            .map_or(text.len(), |n| n.prefix_start.unwrap_or(n.start));
        // The clause: its number (separators before it) and its bounds.
        let clause = seps.partition_point(|&p| p < start);
        let clause_end = seps
            .get(seps.partition_point(|&p| p < tok.end))
            .copied()
            .unwrap_or(text.len());
        let window_end = window_end.min(clause_end);
        let clause_start = clause.checked_sub(1).map_or(0, |i| seps[i] + 1);
        let before = &lower[clause_start.max(prev_end).min(start)..start];
        prev_end = tok.end;
        // The word just before the amount: `eenmalig € 5.000`, `totaal € 75.000`.
        let last_word = before.trim_end().rsplit([' ', '(', ',']).next().unwrap_or("");
        let Some(mut value) = tok.value else {
            let kind = match &tok.decimal_point {
                Some(s) => ProblemKind::DecimalPoint(s.clone()),
                None => ProblemKind::Unreadable,
            };
            out.problems.push(AmountProblem {
                kind,
                span: at(start, tok.end),
            });
            continue;
        };
        // `30 x € 2.500`
        if let Some(n) = count_before(before) {
            value *= n;
        }
        let after = &lower[tok.end..window_end.max(tok.end)];
        let mut per = Per::Total;
        match last_word {
            "eenmalig" => per = Per::Once,
            "jaarlijks" => per = Per::Year,
            "maandelijks" => per = Per::Month,
            "wekelijks" => per = Per::Week,
            _ => {}
        }
        match periods_after(after) {
            Ok((p, count)) => {
                if let Some(p) = p {
                    per = p;
                }
                if let Some(n) = count {
                    value *= n;
                }
            }
            Err((s, e, noun)) => {
                out.problems.push(AmountProblem {
                    kind: ProblemKind::Multiplier(noun),
                    span: at(start, tok.end + e).cover(at(tok.end + s, tok.end + e)),
                });
                continue;
            }
        }
        let (value, unit) = match unit {
            NumUnit::Dagdeel => (value * HOURS_PER_DAGDEEL, Unit::Hours),
            NumUnit::Plain(u) => (value, u),
        };
        let total = last_word == "totaal";
        found.push((
            clause,
            Amount {
                value,
                unit,
                per,
                span: at(start, tok.end),
            },
            total,
        ));
    }
    // `€ 2.500 per praktijk (30 praktijken, totaal € 75.000)`: the total is the amount.
    let totals: Vec<(usize, Unit)> = found
        .iter()
        .filter(|(_, _, t)| *t)
        .map(|(c, a, _)| (*c, a.unit))
        .collect();
    out.amounts = found
        .into_iter()
        .filter(|(c, a, t)| *t || !totals.contains(&(*c, a.unit)))
        .map(|(_, a, _)| a)
        .collect();
    // A euro sign with no number after it: `€ PM`, `€ p.m.`, `€ -`.
    let mut i = 0;
    while let Some(pos) = text[i..].find('€').map(|p| p + i) {
        i = pos + '€'.len_utf8();
        // Tokens are in text order: the one that could hold `pos` is the last starting before it.
        let inside = tokens
            .partition_point(|t| t.start <= pos)
            .checked_sub(1)
            .is_some_and(|i| pos < tokens[i].end);
        if consumed_euro.binary_search(&pos).is_ok() || inside {
            continue;
        }
        let rest = text[i..].trim_start();
        let word_start = text.len() - rest.len();
        let word_len = rest
            .find(|c: char| c.is_whitespace() || c == ';' || c == ',' && !rest.starts_with("p.m"))
            .unwrap_or(rest.len());
        let word = rest[..word_len].trim_end_matches([',', ')']);
        let kind = if is_placeholder_word(word) {
            ProblemKind::Placeholder
        } else {
            ProblemKind::Unreadable
        };
        let end = if word.is_empty() { i } else { word_start + word.len() };
        out.problems.push(AmountProblem {
            kind,
            span: span.sub(pos, end),
        });
    }
    out.problems.sort_by_key(|p| p.span.start);
    out
}

fn is_placeholder_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "pm" | "p.m." | "p.m" | "n.t.b." | "ntb" | "n.t.b" | "xxx" | "???" | "?" | "..." | "…" | "[invullen]" | "tbd"
    ) || w.starts_with('<')
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum NumUnit {
    Plain(Unit),
    Dagdeel,
}

/// A number in the value and what is written around it.
#[derive(Debug)]
struct Num {
    /// The digits.
    start: usize,
    /// After the unit (`fte`, `k`, `euro`, `,-`).
    end: usize,
    /// After the digits and their marks (before the unit).
    digits_end: usize,
    /// `€` or `EUR` before it.
    prefix_start: Option<usize>,
    unit: Option<NumUnit>,
    /// The number in its unit (thousands and `k`/`mln` applied); `None` if it cannot be read.
    value: Option<f64>,
    /// `1.5`: the number as it would be written with a comma.
    decimal_point: Option<String>,
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// Every number in the text with its unit, if it has one.
fn numbers(text: &str) -> Vec<Num> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b','))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < b.len()
            && (b[j].is_ascii_digit()
                || ((b[j] == b'.' || b[j] == b',') && b.get(j + 1).is_some_and(u8::is_ascii_digit)))
        {
            j += 1;
        }
        let digits = &text[start..j];
        let mut digits_end = j;
        // `25.000,-` and `25.000,--`
        if text[j..].starts_with(",-") {
            digits_end = j + 2;
            while b.get(digits_end) == Some(&b'-') {
                digits_end += 1;
            }
        }
        let (value, decimal_point) = dutch_number(digits);
        // The euro sign or `EUR` just before (spaces between are fine).
        let before = text[..start].trim_end_matches([' ', '\u{a0}']);
        let prefix_start = if before.ends_with('€') {
            Some(before.len() - '€'.len_utf8())
        } else if before.len() >= 3
            && before.as_bytes()[before.len() - 3..].eq_ignore_ascii_case(b"eur")
            && (before.len() == 3 || !is_word_byte(before.as_bytes()[before.len() - 4]))
        {
            Some(before.len() - 3)
        } else {
            None
        };
        // The unit after it.
        let rest = &text[digits_end..];
        let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        let gap = rest.len() - trimmed.len();
        // Only the word after the number is lowercased: the rest of a long value is not
        // copied once per number.
        let word_len = trimmed
            .bytes()
            .take_while(|&c| c.is_ascii_alphabetic() || c >= 0x80)
            .count();
        let word = trimmed[..word_len].to_ascii_lowercase();
        let word = word.as_str();
        let euro_before = prefix_start.is_some();
        let (unit, scale, unit_len) = match word {
            "fte" => (Some(NumUnit::Plain(Unit::Fte)), 1.0, word_len),
            "uur" | "uren" => (Some(NumUnit::Plain(Unit::Hours)), 1.0, word_len),
            "dagdeel" | "dagdelen" => (Some(NumUnit::Dagdeel), 1.0, word_len),
            "k" | "keur" => (Some(NumUnit::Plain(Unit::Euro)), 1_000.0, word_len),
            "mln" | "miljoen" => (Some(NumUnit::Plain(Unit::Euro)), 1_000_000.0, word_len),
            "duizend" if euro_before => (Some(NumUnit::Plain(Unit::Euro)), 1_000.0, word_len),
            "euro" | "eur" => (Some(NumUnit::Plain(Unit::Euro)), 1.0, word_len),
            _ if trimmed.starts_with("k€") || trimmed.starts_with("K€") => {
                (Some(NumUnit::Plain(Unit::Euro)), 1_000.0, "k€".len())
            }
            _ if euro_before => (Some(NumUnit::Plain(Unit::Euro)), 1.0, 0),
            _ => (None, 1.0, 0),
        };
        // `mln euro`, `k euro`: the currency word after the scale belongs to it too.
        let mut end = if unit_len == 0 {
            digits_end
        } else {
            digits_end + gap + unit_len
        };
        if scale > 1.0 {
            let more = text[end..].trim_start_matches(' ');
            let w = more.as_bytes();
            for cur in ["euro", "eur"] {
                let found = w
                    .get(..cur.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(cur.as_bytes()));
                if found && !w.get(cur.len()).is_some_and(|&c| is_word_byte(c)) {
                    end = text.len() - more.len() + cur.len();
                    break;
                }
            }
        }
        let mut value = value.map(|v| v * scale);
        // Money in whole cents, so reading back a written amount gives it exactly.
        if matches!(unit, Some(NumUnit::Plain(Unit::Euro))) {
            value = value.map(|v| (v * 100.0).round() / 100.0);
        }
        out.push(Num {
            start,
            end,
            digits_end,
            prefix_start,
            unit,
            value,
            decimal_point,
        });
        i = end.max(j);
    }
    out
}

/// `1.292.324` → 1292324, `7,65` → 7.65, `25.000,00` → 25000. A point that is no thousands
/// separator (`1.5`) is not read: it comes back as the number written with a comma.
fn dutch_number(s: &str) -> (Option<f64>, Option<String>) {
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.contains([',', '.'])) {
        return (None, None);
    }
    let groups: Vec<&str> = int.split('.').collect();
    let thousands = groups.len() == 1 || groups[1..].iter().all(|g| g.len() == 3) && !groups[0].is_empty();
    if !thousands {
        // `1.5 fte`, `0.25`: an English decimal point.
        if groups.len() == 2 && frac.is_none() {
            return (None, Some(format!("{},{}", groups[0], groups[1])));
        }
        return (None, None);
    }
    let whole: String = groups.concat();
    let text = match frac {
        Some(f) if !f.is_empty() => format!("{whole}.{f}"),
        _ => whole,
    };
    (text.parse::<f64>().ok(), None)
}

/// `30 x ` or `30 × ` at the end of the text before an amount.
fn count_before(before: &str) -> Option<f64> {
    let t = before.trim_end();
    let t = t.strip_suffix('x').or_else(|| t.strip_suffix('×'))?.trim_end();
    let digits: String = t.chars().rev().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || t.len() > digits.len() && t.as_bytes()[t.len() - digits.len() - 1].is_ascii_alphanumeric() {
        return None;
    }
    digits.chars().rev().collect::<String>().parse().ok()
}

/// A multiplier kader cannot count: its range in the words after the amount, and the words
/// (`per wijkmanager`).
type Uncounted = (usize, usize, String);

/// The period of an amount and a count for a multiplier, from the words after it
/// (`licentie per jaar`, `/week`, `p/w`, `per praktijk (30 praktijken)`), or the multiplier
/// kader cannot count: its range in `after` and the noun.
fn periods_after(after: &str) -> Result<(Option<Per>, Option<f64>), Uncounted> {
    let mut per = None;
    let mut count = None;
    let b = after.as_bytes();
    let mut i = 0;
    // `/week`, `p/w`, `p.w.` right after the unit.
    let head = after.trim_start();
    let lead = after.len() - head.len();
    for (pat, p) in [
        ("/week", Per::Week),
        ("/wk", Per::Week),
        ("/maand", Per::Month),
        ("/mnd", Per::Month),
        ("/kwartaal", Per::Quarter),
        ("/jaar", Per::Year),
        ("/jr", Per::Year),
        ("p/w", Per::Week),
        ("p.w.", Per::Week),
        ("p/m", Per::Month),
        ("p.m.", Per::Month),
        ("p/j", Per::Year),
        ("p.j.", Per::Year),
    ] {
        if head.starts_with(pat) {
            per = Some(p);
            i = lead + pat.len();
            break;
        }
    }
    let word_at = |k: usize| -> &str {
        let rest = &after[k..];
        let n = rest
            .bytes()
            .take_while(|&c| c.is_ascii_alphabetic() || c >= 0x80 || c == b'-')
            .count();
        &rest[..n]
    };
    while i < b.len() {
        let starts_word = i == 0 || !is_word_byte(b[i - 1]);
        if !starts_word || !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let w = word_at(i);
        if w.is_empty() {
            i += 1;
            continue;
        }
        let next = i + w.len();
        match w {
            "eenmalig" => per = Some(Per::Once),
            "jaarlijks" => per = Some(Per::Year),
            "maandelijks" => per = Some(Per::Month),
            "wekelijks" => per = Some(Per::Week),
            "in" => {
                let rest = after[next..].trim_start();
                if let Some(y) = year_at(rest) {
                    per = Some(Per::InYear(y));
                }
            }
            "per" => {
                let rest = after[next..].trim_start();
                let at = after.len() - rest.len();
                let noun = word_at(at);
                let p = match noun {
                    "week" | "wk" => Some(Per::Week),
                    "maand" | "mnd" => Some(Per::Month),
                    "kwartaal" | "kw" => Some(Per::Quarter),
                    "jaar" | "jr" => Some(Per::Year),
                    _ => None,
                };
                if let Some(p) = p {
                    per = Some(p);
                    i = at + noun.len();
                    continue;
                }
                // `per 1 juli 2026` is a start, not a multiplier.
                if noun.is_empty() {
                    i = next;
                    continue;
                }
                // `per deelnemende praktijk`: up to two words.
                let mut end = at + noun.len();
                let second = after[end..].strip_prefix(' ').map(|r| word_at(after.len() - r.len()));
                if let Some(s) = second
                    && !s.is_empty()
                    && !matches!(s, "per" | "voor" | "en" | "in" | "van" | "met" | "op" | "bij")
                    && noun.len() > 3
                    && s.len() > 3
                    && noun.ends_with("nde")
                {
                    end += 1 + s.len();
                }
                // The count may follow later: `per wijkmanager per kwartaal (9 wijkmanagers)`.
                let counted = after[end..]
                    .match_indices('(')
                    .find_map(|(o, _)| count_in_parens(&after[end + o..]));
                match counted {
                    Some(n) => count = Some(count.unwrap_or(1.0) * n),
                    None => return Err((i, end, after[i..end].to_owned())),
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i = next;
    }
    // `(2026)` after the amount.
    if per.is_none()
        && let Some(open) = after.find('(')
        && let Some(y) = year_at(&after[open + 1..])
        && after[open + 1 + 4..].starts_with(')')
    {
        per = Some(Per::InYear(y));
    }
    Ok((per, count))
}

/// `(30 praktijken` right after a multiplier: the count.
fn count_in_parens(rest: &str) -> Option<f64> {
    let r = rest.trim_start().strip_prefix('(')?.trim_start();
    let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let after = r[digits.len()..].trim_start();
    after
        .starts_with(|c: char| c.is_alphabetic())
        .then(|| digits.parse().ok())?
}

fn year_at(s: &str) -> Option<i16> {
    let b = s.as_bytes();
    if b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && !b.get(4).is_some_and(u8::is_ascii_alphanumeric) {
        let y: i16 = s[..4].parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

/// A dash or `tot` after amount `t`, then another number: the end of the range.
fn range_after(text: &str, tokens: &[Num], t: usize) -> Option<usize> {
    let tok = &tokens[t];
    let next = tokens.get(t + 1)?;
    // The unit of the first number may stand before the dash (`10 uur - 20 uur`).
    let b = text.get(tok.end..next.prefix_start.unwrap_or(next.start))?.trim();
    let dash = matches!(b, "-" | "–" | "—" | "tot" | "à" | "a");
    (dash && (next.unit.is_some() || tok.unit.is_some())).then_some(next.end.max(next.digits_end))
}

/// Is amount `t` the end of a range whose start is the number before it?
fn range_before(text: &str, tokens: &[Num], t: usize) -> bool {
    t > 0 && range_after(text, tokens, t - 1).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Amounts {
        read_amounts(text, Span::new(100, 100 + text.len()))
    }

    fn one(text: &str) -> (f64, Unit, Per) {
        let a = read(text);
        assert!(a.problems.is_empty(), "{text}: {:?}", a.problems);
        assert_eq!(a.amounts.len(), 1, "{text}: {:?}", a.amounts);
        (a.amounts[0].value, a.amounts[0].unit, a.amounts[0].per)
    }

    #[test]
    fn euro_notations() {
        for (text, value) in [
            ("€ 25.000", 25_000.0),
            ("€25.000", 25_000.0),
            ("€ 25.000,-", 25_000.0),
            ("€ 25.000,00", 25_000.0),
            ("25.000 euro", 25_000.0),
            ("EUR 25.000", 25_000.0),
            ("€ 25k", 25_000.0),
            ("€12k licentie", 12_000.0),
            ("€ 1,2 mln", 1_200_000.0),
            ("1,2 miljoen euro", 1_200_000.0),
            ("ca. € 10.000", 10_000.0),
            ("€ 1.292.324", 1_292_324.0),
            ("€ 7,65", 7.65),
            ("1.200 euro voor drukwerk", 1_200.0),
            ("25 k€", 25_000.0),
        ] {
            assert_eq!(one(text), (value, Unit::Euro, Per::Total), "{text}");
        }
    }

    #[test]
    fn people_notations() {
        assert_eq!(one("0,4 fte HR-adviseur"), (0.4, Unit::Fte, Per::Total));
        assert_eq!(one("1 fte"), (1.0, Unit::Fte, Per::Total));
        assert_eq!(one("1,0 FTE projectleider"), (1.0, Unit::Fte, Per::Total));
        assert_eq!(one("16 uur per week"), (16.0, Unit::Hours, Per::Week));
        assert_eq!(one("8 uur/week"), (8.0, Unit::Hours, Per::Week));
        assert_eq!(one("4 uur p/w"), (4.0, Unit::Hours, Per::Week));
        assert_eq!(one("120 uur"), (120.0, Unit::Hours, Per::Total));
        assert_eq!(
            one("16 uur per kwartaal medisch manager"),
            (16.0, Unit::Hours, Per::Quarter)
        );
        assert_eq!(one("2 dagdelen per week"), (8.0, Unit::Hours, Per::Week));
        assert_eq!(one("40 uren per maand"), (40.0, Unit::Hours, Per::Month));
    }

    #[test]
    fn periods_once_and_years() {
        assert_eq!(one("€ 6.000 per jaar"), (6_000.0, Unit::Euro, Per::Year));
        assert_eq!(one("€ 20.000 licentie per jaar"), (20_000.0, Unit::Euro, Per::Year));
        assert_eq!(one("€ 500 per maand"), (500.0, Unit::Euro, Per::Month));
        assert_eq!(one("eenmalig € 5.000"), (5_000.0, Unit::Euro, Per::Once));
        assert_eq!(one("€ 5.000 eenmalig"), (5_000.0, Unit::Euro, Per::Once));
        assert_eq!(one("€ 5.000 in 2026"), (5_000.0, Unit::Euro, Per::InYear(2026)));
        assert_eq!(one("jaarlijks € 2.000"), (2_000.0, Unit::Euro, Per::Year));
        assert_eq!(one("0,2 fte (2027)"), (0.2, Unit::Fte, Per::InYear(2027)));
        // `per 1 juli` is a start, not a multiplier.
        assert_eq!(one("0,5 fte per 1 juli 2026"), (0.5, Unit::Fte, Per::Total));
    }

    #[test]
    fn counts_and_totals() {
        assert_eq!(one("30 x € 2.500"), (75_000.0, Unit::Euro, Per::Total));
        let a = read("€ 2.500 vergoeding per deelnemende praktijk (30 praktijken, totaal € 75.000)");
        assert!(a.problems.is_empty(), "{:?}", a.problems);
        assert_eq!(a.amounts.len(), 1, "{:?}", a.amounts);
        assert_eq!(a.amounts[0].value, 75_000.0);
        assert_eq!(
            one("€ 2.500 per praktijk (30 praktijken)"),
            (75_000.0, Unit::Euro, Per::Total)
        );
        assert_eq!(
            one("8 uur per wijkmanager per kwartaal (9 wijkmanagers)"),
            (72.0, Unit::Hours, Per::Quarter)
        );
    }

    #[test]
    fn a_whole_inzet_value() {
        let text = "0,4 fte HR-adviseur (2026–2027); 60 uur juridisch advies; € 25.000 voor pilotvergoedingen; communicatie via het NUBericht";
        let a = read(text);
        assert!(a.problems.is_empty(), "{:?}", a.problems);
        let got: Vec<(f64, Unit, Per)> = a.amounts.iter().map(|a| (a.value, a.unit, a.per)).collect();
        assert_eq!(
            got,
            [
                (0.4, Unit::Fte, Per::Total),
                (60.0, Unit::Hours, Per::Total),
                (25_000.0, Unit::Euro, Per::Total)
            ]
        );
        let euro = &a.amounts[2];
        assert_eq!(&text[euro.span.start - 100..euro.span.end - 100], "€ 25.000");
        // No amount: meetings, praktijken, years, IDs.
        let none = read("4 bijeenkomsten van het inwonerpanel per jaar; 30 praktijken in 2026; T1, Q3 2026");
        assert_eq!(none, Amounts::default());
    }

    fn problem(text: &str) -> (ProblemKind, String) {
        let a = read(text);
        assert_eq!(a.problems.len(), 1, "{text}: {a:?}");
        let p = &a.problems[0];
        (p.kind.clone(), text[p.span.start - 100..p.span.end - 100].to_owned())
    }

    #[test]
    fn what_cannot_be_counted() {
        assert_eq!(
            problem("0,2 fte per wijkmanager"),
            (
                ProblemKind::Multiplier("per wijkmanager".into()),
                "0,2 fte per wijkmanager".into()
            )
        );
        assert_eq!(
            problem("8 uur per wijkmanager per kwartaal"),
            (
                ProblemKind::Multiplier("per wijkmanager".into()),
                "8 uur per wijkmanager".into()
            )
        );
        assert_eq!(
            problem("4 uur per maand per pilotwijk voor wijkverpleegkundige"),
            (
                ProblemKind::Multiplier("per pilotwijk".into()),
                "4 uur per maand per pilotwijk".into()
            )
        );
        assert_eq!(problem("€ 10–20k"), (ProblemKind::Range, "€ 10–20k".into()));
        assert_eq!(
            problem("€ 10.000 - € 20.000"),
            (ProblemKind::Range, "€ 10.000 - € 20.000".into())
        );
        assert_eq!(problem("10 tot 20 uur"), (ProblemKind::Range, "10 tot 20 uur".into()));
        assert_eq!(
            problem("1.5 fte"),
            (ProblemKind::DecimalPoint("1,5".into()), "1.5 fte".into())
        );
        assert_eq!(problem("0,4 fte; € PM"), (ProblemKind::Placeholder, "€ PM".into()));
        assert_eq!(
            problem("€ p.m. voor drukwerk"),
            (ProblemKind::Placeholder, "€ p.m.".into())
        );
        assert_eq!(problem("€ veel"), (ProblemKind::Unreadable, "€ veel".into()));
    }
}
