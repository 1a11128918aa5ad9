//! Dutch time expressions (the `tijdpad` field): text → closed intervals of calendar days.
//!
//! Owns: the grammar of draft-format.md §5 (days, months, quarters, halves, seasons, fuzzy
//! forms, ranges, open ends, `doorlopend`, milestones), each part with its byte span. The
//! intervals it produces, and their formatting, are the model's (`model::time`).
//! Must not: judge whether a time lies in the plan period or is in order (that is `check`).
//!
//! The grammar works on an ASCII-lowercased copy of the text, which has the same byte
//! offsets, so every span maps straight back to the draft.

use crate::i18n::tr;
use jiff::ToSpan;
use jiff::civil::{Date, date};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{eof, opt, peek, recognize, value};
use nom::error::{ErrorKind, ParseError};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use crate::model::time::{Interval, Milestone, Part, Period, PlanPeriod, TimeError, Timeline, format_for_reader};
use crate::source::Span;

// ---------------------------------------------------------------------------------------
// The grammar

/// Errors remember how much input was left where they happened; the one that got furthest
/// explains the failure best.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TErr {
    rest: usize,
    len: usize,
    message: Option<String>,
}

impl<'a> ParseError<&'a str> for TErr {
    fn from_error_kind(input: &'a str, _: ErrorKind) -> Self {
        TErr {
            rest: input.len(),
            len: 0,
            message: None,
        }
    }

    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        if other.message.is_some() && self.message.is_none() {
            return other;
        }
        if self.message.is_some() && other.message.is_none() {
            return self;
        }
        if other.rest <= self.rest { other } else { self }
    }
}

type R<'a, T> = IResult<&'a str, T, TErr>;

fn bad<'a, T>(at: &'a str, len: usize, message: String) -> R<'a, T> {
    Err(nom::Err::Failure(TErr {
        rest: at.len(),
        len,
        message: Some(message),
    }))
}

const MONTHS: &[(&str, i8)] = &[
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("april", 4),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mrt", 3),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    // English, as in `April 14, 2026`.
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("october", 10),
];

/// Weekdays as Dutch writers abbreviate them, with their number (Monday is 1).
const WEEKDAYS: &[(&str, i8)] = &[
    ("maandag", 1),
    ("dinsdag", 2),
    ("woensdag", 3),
    ("donderdag", 4),
    ("vrijdag", 5),
    ("zaterdag", 6),
    ("zondag", 7),
    ("ma", 1),
    ("di", 2),
    ("wo", 3),
    ("do", 4),
    ("vr", 5),
    ("za", 6),
    ("zo", 7),
];

fn weekday(i: &str) -> R<'_, i8> {
    named(i, WEEKDAYS)
}

/// The first name of `table` that is a whole word at `i` (an abbreviation may end in `.`).
fn named<'a>(i: &'a str, table: &[(&'static str, i8)]) -> R<'a, i8> {
    for (name, n) in table {
        if let Ok((rest, _)) = word(name).parse(i) {
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            return Ok((rest, *n));
        }
    }
    Err(nom::Err::Error(TErr {
        rest: i.len(),
        len: 0,
        message: None,
    }))
}

/// `18de`, `1ste`, `2e`, `14th`: a day of the month with an ordinal ending.
fn day_number(i: &str) -> R<'_, i32> {
    let (rest, d) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    let (rest, _) = opt(alt((
        word("ste"),
        word("de"),
        word("e"),
        word("st"),
        word("nd"),
        word("rd"),
        word("th"),
    )))
    .parse(rest)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(TErr {
            rest: i.len(),
            len: 0,
            message: None,
        }));
    }
    Ok((rest, d.parse::<i32>().unwrap_or(-1)))
}

/// `vr. 17 juli 2026`: a date with its weekday, which must be that date's.
fn day_with_weekday(i: &str) -> R<'_, Interval> {
    let (after_name, wd) = weekday(i)?;
    let (rest, _) = (opt(char(',')), space1).parse(after_name)?;
    let (after, when) = day(rest)?;
    let actual = when.start.weekday().to_monday_one_offset();
    if actual != wd {
        let len = i.len() - after_name.len();
        let name = WEEKDAYS.iter().find(|(_, d)| *d == actual).map_or("", |(n, _)| n);
        return bad(
            i,
            len,
            tr!(
                "time-wrong-weekday",
                date = format_for_reader(when),
                weekday = name.to_string()
            ),
        );
    }
    Ok((after, when))
}

/// `april 14, 2026`: the English order.
fn day_english(i: &str) -> R<'_, Interval> {
    let (rest, (m, _, d, _, _, y)) = (month_name, space1, day_number, opt(char(',')), space1, year).parse(i)?;
    let len = i.len() - rest.len();
    Ok((rest, Interval::day(ymd(i, len, i32::from(y), i32::from(m), d)?)))
}

/// `week 12 2026`, `week 12 van 2026`, `wk 12 2026`: an ISO week, Monday to Sunday.
fn week(i: &str) -> R<'_, Interval> {
    let (rest, (_, _, n, _, _, y)) = (
        alt((word("week"), word("wk"))),
        space1,
        digits(1, 2),
        space1,
        opt((word("van"), space1)),
        year,
    )
        .parse(i)?;
    let len = i.len() - rest.len();
    match jiff::civil::ISOWeekDate::new(y, n as i8, jiff::civil::Weekday::Monday) {
        Ok(w) => {
            let monday = w.date();
            let sunday = monday.checked_add(6.days()).expect("in range");
            Ok((rest, Interval::new(monday, sunday)))
        }
        Err(_) => bad(i, len, tr!("time-no-such-week", week = n, year = y)),
    }
}

/// `eerste week in oktober 2026`, `laatste dag van oktober 2026`, `derde dinsdag in
/// september 2026`: counted within a month.
fn in_month(i: &str) -> R<'_, Interval> {
    let (rest, (nth, _)) = (alt((ordinal.map(Some), value(None, word("laatste")))), space1).parse(i)?;
    #[derive(Clone, Copy)]
    enum Unit {
        Week,
        Day,
        Weekday(i8),
    }
    let (rest, unit) = alt((
        value(Unit::Week, word("week")),
        value(Unit::Day, word("dag")),
        weekday.map(Unit::Weekday),
    ))
    .parse(rest)?;
    let (rest, (_, _, _, m, _, y)) =
        (space1, alt((word("in"), word("van"))), space1, month_name, space1, year).parse(rest)?;
    let whole = month_interval(y, m);
    let (first, last) = (whole.start, whole.end);
    let at = |d: Date| Interval::day(d);
    let out = match (unit, nth) {
        (Unit::Week, Some(n)) => {
            let start = first.checked_add(((n - 1) * 7).days()).expect("in range");
            Interval::new(start, start.checked_add(6.days()).expect("in range").min(last))
        }
        (Unit::Week, None) => Interval::new(last.checked_sub(6.days()).expect("in range"), last),
        (Unit::Day, Some(n)) => at(first.checked_add((n - 1).days()).expect("in range")),
        (Unit::Day, None) => at(last),
        (Unit::Weekday(wd), Some(n)) => {
            let offset = (i32::from(wd) - i32::from(first.weekday().to_monday_one_offset())).rem_euclid(7);
            at(first.checked_add((offset + (n - 1) * 7).days()).expect("in range"))
        }
        (Unit::Weekday(wd), None) => {
            let back = (i32::from(last.weekday().to_monday_one_offset()) - i32::from(wd)).rem_euclid(7);
            at(last.checked_sub(back.days()).expect("in range"))
        }
    };
    Ok((rest, out))
}

/// Named days: `Koningsdag 2026` (27 April, or the 26th when the 27th is a Sunday),
/// `Bevrijdingsdag`, `Nieuwjaarsdag`, `Oudejaarsdag`, `Kerst`.
fn named_day(i: &str) -> R<'_, Interval> {
    let (rest, (name, _, y)) = (
        alt((
            word("koningsdag"),
            word("bevrijdingsdag"),
            word("nieuwjaarsdag"),
            word("oudejaarsdag"),
            word("eerste kerstdag"),
            word("tweede kerstdag"),
            word("kerst"),
        )),
        space1,
        year,
    )
        .parse(i)?;
    let d = match name {
        "koningsdag" => {
            let d = date(y, 4, 27);
            if d.weekday() == jiff::civil::Weekday::Sunday {
                date(y, 4, 26)
            } else {
                d
            }
        }
        "bevrijdingsdag" => date(y, 5, 5),
        "nieuwjaarsdag" => date(y, 1, 1),
        "oudejaarsdag" => date(y, 12, 31),
        "tweede kerstdag" => date(y, 12, 26),
        _ => date(y, 12, 25),
    };
    Ok((rest, Interval::day(d)))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A whole word (not the start of a longer one).
fn word<'a>(w: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = TErr> {
    terminated(
        tag(w),
        peek(alt((
            eof,
            recognize(nom::character::complete::satisfy(|c| !is_word_char(c))),
        ))),
    )
}

fn digits<'a>(min: usize, max: usize) -> impl Parser<&'a str, Output = i32, Error = TErr> {
    terminated(
        take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
        peek(alt((
            eof,
            recognize(nom::character::complete::satisfy(|c| !c.is_ascii_digit())),
        ))),
    )
    .map(|d: &str| d.parse::<i32>().unwrap_or(-1))
}

fn year(i: &str) -> R<'_, i16> {
    let (rest, y) = digits(4, 4).parse(i)?;
    if !(1900..=2200).contains(&y) {
        return bad(i, 4, tr!("time-not-a-year", year = y));
    }
    Ok((rest, y as i16))
}

fn month_name(i: &str) -> R<'_, i8> {
    named(i, MONTHS)
}

fn ymd(at: &str, len: usize, y: i32, m: i32, d: i32) -> Result<Date, nom::Err<TErr>> {
    let fail = |msg: String| {
        nom::Err::Failure(TErr {
            rest: at.len(),
            len,
            message: Some(msg),
        })
    };
    if !(1..=12).contains(&m) {
        return Err(fail(tr!("time-no-such-month", month = m)));
    }
    if !(1900..=2200).contains(&y) {
        return Err(fail(tr!("time-not-a-year", year = y)));
    }
    let first = date(y as i16, m as i8, 1);
    let days = i32::from(first.days_in_month());
    if !(1..=days).contains(&d) {
        return Err(fail(tr!(
            "time-no-such-day",
            month = format_for_reader(months(y as i16, m as i8, 1)),
            days = days,
            day = d
        )));
    }
    Ok(date(y as i16, m as i8, d as i8))
}

fn month_interval(y: i16, m: i8) -> Interval {
    let first = date(y, m, 1);
    Interval::new(first, first.last_of_month())
}

fn months(y: i16, from: i8, count: i32) -> Interval {
    let first = date(y, from, 1);
    let last = first
        .checked_add(count.months())
        .expect("in range")
        .checked_sub(1.day())
        .expect("in range");
    Interval::new(first, last)
}

/// `yyyy-mm-dd | d-m-yyyy | d/m/yyyy | d.m.yyyy | d maand yyyy | 18de maand yyyy`
fn day(i: &str) -> R<'_, Interval> {
    let iso = (digits(4, 4), char('-'), digits(1, 2), char('-'), digits(1, 2)).map(|(y, _, m, _, d)| (y, m, d));
    let dmy = (
        digits(1, 2),
        alt((char('-'), char('/'), char('.'))),
        digits(1, 2),
        alt((char('-'), char('/'), char('.'))),
        digits(4, 4),
    )
        .map(|(d, _, m, _, y)| (y, m, d));
    if let Ok((rest, (y, m, d))) = alt((iso, dmy)).parse(i) {
        let len = i.len() - rest.len();
        return Ok((rest, Interval::day(ymd(i, len, y, m, d)?)));
    }
    let (rest, (d, _, m, _, y)) = (day_number, space1, month_name, space1, year).parse(i)?;
    let len = i.len() - rest.len();
    Ok((rest, Interval::day(ymd(i, len, i32::from(y), i32::from(m), d)?)))
}

/// `maand yyyy | mm-yyyy | yyyy-mm | maand/maand yyyy`
fn month(i: &str) -> R<'_, Interval> {
    if let Ok((rest, (a, _, b, _, y))) = (month_name, char('/'), month_name, space1, year).parse(i) {
        if b < a {
            return bad(i, i.len() - rest.len(), tr!("time-second-before-first"));
        }
        return Ok((
            rest,
            Interval::new(month_interval(y, a).start, month_interval(y, b).end),
        ));
    }
    if let Ok((rest, (m, _, y))) = (month_name, space0, year).parse(i) {
        return Ok((rest, month_interval(y, m)));
    }
    let mm_yyyy = (digits(1, 2), char('-'), digits(4, 4)).map(|(m, _, y)| (y, m));
    let yyyy_mm = (digits(4, 4), char('-'), digits(2, 2)).map(|(y, _, m)| (y, m));
    let (rest, (y, m)) = alt((mm_yyyy, yyyy_mm)).parse(i)?;
    if !(1..=12).contains(&m) {
        return bad(i, i.len() - rest.len(), tr!("time-no-such-month", month = m));
    }
    if !(1900..=2200).contains(&y) {
        return bad(i, i.len() - rest.len(), tr!("time-not-a-year", year = y));
    }
    Ok((rest, month_interval(y as i16, m as i8)))
}

/// `1e | 1ste | eerste | 2e | 2de | tweede | 3e | derde | 4e | vierde`
fn ordinal(i: &str) -> R<'_, i32> {
    alt((
        value(1, alt((word("eerste"), word("1ste"), word("1e")))),
        value(2, alt((word("tweede"), word("2de"), word("2e")))),
        value(3, alt((word("derde"), word("3de"), word("3e")))),
        value(4, alt((word("vierde"), word("4de"), word("4e")))),
    ))
    .parse(i)
}

fn quarter_number(i: &str) -> R<'_, i32> {
    let (rest, n) = digits(1, 1).parse(i)?;
    if !(1..=4).contains(&n) {
        return bad(i, 1, tr!("time-no-such-quarter", n = n));
    }
    Ok((rest, n))
}

fn quarter_prefix(i: &str) -> R<'_, &str> {
    alt((tag("kw"), tag("q"), tag("k"))).parse(i)
}

fn opt_van(i: &str) -> R<'_, ()> {
    value((), opt((space1, word("van")))).parse(i)
}

/// `Q1 2026 | K1 2026 | kw1 2026`
fn quarter_short(i: &str) -> R<'_, (i32, i16)> {
    let (rest, (_, n, _, y)) = (quarter_prefix, quarter_number, space0, year).parse(i)?;
    Ok((rest, (n, y)))
}

/// `1e kwartaal [van] 2026`
fn quarter_ordinal(i: &str) -> R<'_, (i32, i16)> {
    let (rest, (n, _, _, _, _, y)) = (ordinal, space1, word("kwartaal"), opt_van, space1, year).parse(i)?;
    Ok((rest, (n, y)))
}

/// `kwartaal 1 2026`
fn quarter_word(i: &str) -> R<'_, (i32, i16)> {
    let (rest, (_, _, n, _, y)) = (word("kwartaal"), space1, quarter_number, space1, year).parse(i)?;
    Ok((rest, (n, y)))
}

/// `[het] laatste kwartaal [van] 2026`
fn quarter_last(i: &str) -> R<'_, (i32, i16)> {
    let (rest, (_, _, _, _, _, _, y)) = (
        opt((word("het"), space1)),
        word("laatste"),
        space1,
        word("kwartaal"),
        opt_van,
        space1,
        year,
    )
        .parse(i)?;
    Ok((rest, (4, y)))
}

/// `Q1 2026 | K1 2026 | kw1 2026 | 1e kwartaal [van] 2026 | kwartaal 1 2026
///  | [het] laatste kwartaal [van] 2026 | Q3/Q4 2026`
fn quarter(i: &str) -> R<'_, Interval> {
    let q = |y: i16, n: i32| months(y, (3 * (n - 1) + 1) as i8, 3);
    if let Ok((rest, (_, a, _, _, b, _, y))) = (
        quarter_prefix,
        quarter_number,
        char('/'),
        quarter_prefix,
        quarter_number,
        space1,
        year,
    )
        .parse(i)
    {
        if b < a {
            return bad(i, i.len() - rest.len(), tr!("time-second-quarter-first"));
        }
        return Ok((rest, Interval::new(q(y, a).start, q(y, b).end)));
    }
    let (rest, (n, y)) = alt((quarter_short, quarter_ordinal, quarter_word, quarter_last)).parse(i)?;
    Ok((rest, q(y, n)))
}

/// `H1 2026 | 1e helft [van] 2026 | eerste halfjaar 2026`
fn half(i: &str) -> R<'_, Interval> {
    let h = |y: i16, n: i32| months(y, if n == 1 { 1 } else { 7 }, 6);
    let short = (char('h'), digits(1, 1), space0, year).map(|(_, n, _, y)| (n, y));
    let ord = (
        ordinal,
        space1,
        alt((word("helft"), word("halfjaar"))),
        opt((space1, word("van"))),
        space1,
        year,
    )
        .map(|(n, _, _, _, _, y)| (n, y));
    let (rest, (n, y)) = alt((short, ord)).parse(i)?;
    if !(1..=2).contains(&n) {
        return bad(i, i.len() - rest.len(), tr!("time-no-such-half", n = n));
    }
    Ok((rest, h(y, n)))
}

/// `voorjaar | lente | zomer | zomerperiode | najaar | herfst | winter` + year
/// (meteorological: winter 2026 is December 2026 to February 2027)
fn season(i: &str) -> R<'_, Interval> {
    let name = alt((
        value(3, alt((word("voorjaar"), word("lente")))),
        value(6, alt((word("zomerperiode"), word("zomer")))),
        value(9, alt((word("najaar"), word("herfst")))),
        value(12, word("winter")),
    ));
    let (rest, (m, _, y)) = (name, space1, year).parse(i)?;
    Ok((rest, months(y, m, 3)))
}

/// `begin | medio | halverwege | eind | einde` [van] yyyy, `in de loop van yyyy`, `yyyy`
fn fuzzy(i: &str) -> R<'_, Interval> {
    let which = alt((
        value((1, 2), word("begin")),
        value((6, 2), alt((word("medio"), word("halverwege")))),
        value((11, 2), alt((word("einde"), word("eind")))),
    ));
    if let Ok((rest, ((m, n), _, _, y))) = (which, opt((space1, word("van"))), space1, year).parse(i) {
        return Ok((rest, months(y, m, n)));
    }
    let (rest, y) = preceded(
        opt((
            word("in"),
            space1,
            word("de"),
            space1,
            word("loop"),
            space1,
            word("van"),
            space1,
        )),
        year,
    )
    .parse(i)?;
    Ok((rest, months(y, 1, 12)))
}

fn point(i: &str) -> R<'_, Interval> {
    // The notations staff use most come first; the rarer ones only when those fail.
    alt((
        day,
        quarter,
        half,
        season,
        month,
        fuzzy,
        day_with_weekday,
        named_day,
        in_month,
        week,
        day_english,
    ))
    .parse(i)
}

/// A range separator: `–`, `—`, `-`, `t/m`, `tot en met`, `tot`.
fn separator(i: &str) -> R<'_, ()> {
    let words = alt((
        value((), (word("tot"), space1, word("en"), space1, word("met"))),
        value((), tag("t/m")),
        value((), word("tot")),
    ));
    let dash = value((), alt((tag("\u{2013}"), tag("\u{2014}"), tag("-"))));
    alt((
        preceded(space1, terminated(words, space1)),
        preceded(space0, terminated(dash, space0)),
    ))
    .parse(i)
}

/// The parser state: the lowercased text and where it starts in the draft.
struct Ctx<'s> {
    text: &'s str,
    base: usize,
    plan: PlanPeriod,
}

impl Ctx<'_> {
    fn span(&self, start: &str, end: &str) -> Span {
        Span::new(
            self.base + self.text.len() - start.len(),
            self.base + self.text.len() - end.len(),
        )
    }

    /// `expr := "doorlopend" | "structureel" | ("vanaf" | "per" | "m.i.v." | "uiterlijk" | "voor") point
    ///        | "van" point ("tot" | "t/m" | "tot en met") point | point [sep point] | yyyy "/" yyyy`
    fn expr<'a>(&self, i: &'a str) -> R<'a, Period> {
        let start = i;
        if let Ok((rest, _)) = alt((word("doorlopend"), word("structureel"))).parse(i) {
            let iv = Interval::new(self.plan.start, self.plan.end);
            return Ok((
                rest,
                Period {
                    interval: iv,
                    span: self.span(start, rest),
                    ends: None,
                },
            ));
        }
        if let Ok((rest, _)) = terminated(word("vanaf"), space1).parse(i) {
            let (rest, p) = point(rest)?;
            return Ok((
                rest,
                Period {
                    interval: Interval::new(p.start, self.plan.end.max(p.end)),
                    span: self.span(start, rest),
                    ends: None,
                },
            ));
        }
        let at_start = alt((word("per"), tag("m.i.v."), tag("miv"), word("vanaf")));
        if let Ok((rest, _)) = terminated(at_start, space1).parse(i) {
            let (rest, p) = point(rest)?;
            return Ok((
                rest,
                Period {
                    interval: Interval::day(p.start),
                    span: self.span(start, rest),
                    ends: None,
                },
            ));
        }
        let at_end = alt((word("uiterlijk"), word("voor"), tag("v\u{f3}\u{f3}r")));
        if let Ok((rest, _)) = terminated(at_end, space1).parse(i) {
            let (rest, p) = point(rest)?;
            return Ok((
                rest,
                Period {
                    interval: Interval::day(p.end),
                    span: self.span(start, rest),
                    ends: None,
                },
            ));
        }
        // `2026/2027`: both calendar years.
        if let Ok((rest, (a, _, b))) = (year, char('/'), year).parse(i) {
            let (from, to) = (months(a, 1, 12), months(b, 1, 12));
            let (sa, sb) = (self.span(i, &i[4..]), self.span(&i[5..], rest));
            return Ok((rest, self.range(start, rest, (from, sa), (to, sb))));
        }
        let van = terminated(word("van"), space1).parse(i).ok().map(|(r, _)| r);
        let a_start = van.unwrap_or(i);
        let (rest, a) = point(a_start)?;
        let a_span = self.span(a_start, rest);
        match separator(rest) {
            Ok((b_start, ())) => {
                let (end, b) = point(b_start)?;
                Ok((end, self.range(start, end, (a, a_span), (b, self.span(b_start, end)))))
            }
            Err(_) => Ok((
                rest,
                Period {
                    interval: a,
                    span: self.span(start, rest),
                    ends: None,
                },
            )),
        }
    }

    fn range(&self, start: &str, end: &str, a: (Interval, Span), b: (Interval, Span)) -> Period {
        Period {
            interval: Interval::new(a.0.start.min(b.0.start), a.0.end.max(b.0.end)),
            span: self.span(start, end),
            ends: Some((
                Part {
                    interval: a.0,
                    span: a.1,
                },
                Part {
                    interval: b.0,
                    span: b.1,
                },
            )),
        }
    }
}

/// Parse one time expression. `at` is the span of `raw` in the draft.
pub fn parse_expr(raw: &str, at: Span, plan: PlanPeriod) -> Result<Period, TimeError> {
    let lower = raw.to_ascii_lowercase();
    let trimmed_end = lower.trim_end_matches(|c: char| c.is_whitespace() || c == '.' || c == ',');
    let lead = trimmed_end.len() - trimmed_end.trim_start().len();
    let text = &trimmed_end[lead..];
    let ctx = Ctx {
        text,
        base: at.start + lead,
        plan,
    };
    let fail_at = |rest: usize, len: usize, message: Option<String>| {
        let pos = text.len() - rest;
        // Point at the whole word that failed.
        // Whitespace may be more than one byte (an em space): step over whole characters.
        let word_start = text[..pos]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
            .min(pos);
        let mut word_end = text[pos..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| pos + i)
            .max(pos + len)
            .min(text.len());
        while !text.is_char_boundary(word_end) {
            word_end += 1;
        }
        let (s, e) = if word_end > word_start {
            (word_start, word_end)
        } else {
            (0, text.len())
        };
        let found = &raw[lead + s..lead + e];
        TimeError {
            span: Span::new(ctx.base + s, ctx.base + e),
            message: message.unwrap_or_else(|| {
                if found.is_empty() {
                    tr!("time-missing")
                } else {
                    tr!("time-not-a-time", text = found)
                }
            }),
        }
    };
    if text.is_empty() {
        return Err(TimeError {
            span: at,
            message: tr!("time-missing"),
        });
    }
    match ctx.expr(text) {
        Ok((rest, period)) if rest.trim().is_empty() => Ok(period),
        Ok((rest, _)) => {
            let rest = rest.trim_start();
            Err(fail_at(
                rest.len(),
                0,
                Some(tr!(
                    "time-trailing",
                    text = word_at(raw, lead + text.len() - rest.len())
                )),
            ))
        }
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(fail_at(e.rest, e.len, e.message)),
        Err(nom::Err::Incomplete(_)) => Err(fail_at(0, 0, None)),
    }
}

fn word_at(raw: &str, pos: usize) -> &str {
    let end = raw[pos..].find(char::is_whitespace).map_or(raw.len(), |i| pos + i);
    &raw[pos..end]
}

/// Parse a whole `tijdpad` value: a period on the first line (or `;`-separated parts), and
/// milestones as `<tijd>: <tekst>`, inline or as nested list items.
pub fn parse_timeline(raw: &str, at: Span, plan: PlanPeriod) -> Result<Timeline, TimeError> {
    let mut tl = Timeline::default();
    let mut offset = 0;
    for (n, line) in raw.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        match list_item(content) {
            // `- Q1 2026: inventarisatie`: a milestone; its text may hold `;` and `:`.
            Some(off) => {
                let item = &content[off..];
                let here = line_start + off;
                let (time, text) = split_milestone(item);
                let when = parse_expr(time, Span::new(at.start + here, at.start + here + time.len()), plan)?;
                let text = text.map_or(Span::new(when.span.end, when.span.end), |(s, e)| {
                    Span::new(at.start + here + s, at.start + here + e)
                });
                tl.milestones.push(Milestone { when, text });
            }
            None if n == 0 => head(content, at.start + line_start, plan, &mut tl)?,
            None => {} // continuation text of a milestone
        }
    }
    if tl.periods.is_empty() && tl.milestones.is_empty() {
        return Err(TimeError {
            span: at,
            message: tr!("time-none"),
        });
    }
    Ok(tl)
}

/// `tijd: tekst` → the time part, and where the text starts and ends.
fn split_milestone(item: &str) -> (&str, Option<(usize, usize)>) {
    match item.find(':') {
        Some(c) => (&item[..c], Some((c + 1, item.len()))),
        None => (item, None),
    }
}

/// The first line: `Q1 2026 – Q4 2027`, or `Q2 2026: werkafspraken; Q4 2026: crisisplan`.
/// A `;` starts a new part only when a time follows it; otherwise it belongs to the text.
fn head(line: &str, base: usize, plan: PlanPeriod, tl: &mut Timeline) -> Result<(), TimeError> {
    let mut part_off = 0;
    for (k, part) in line.split(';').enumerate() {
        let here = base + part_off;
        part_off += part.len() + 1;
        if part.trim().is_empty() {
            continue;
        }
        let (time, text) = split_milestone(part);
        let parsed = parse_expr(time, Span::new(here, here + time.len()), plan);
        match (parsed, text) {
            (Ok(when), Some((s, e))) => tl.milestones.push(Milestone {
                when,
                text: Span::new(here + s, here + e),
            }),
            (Ok(when), None) => tl.periods.push(when),
            // Text after a milestone that contains a `;`.
            (Err(_), _) if k > 0 && !tl.milestones.is_empty() => {}
            (Err(e), _) => return Err(e),
        }
    }
    Ok(())
}

/// The offset of a list item's content (`- `, `* `, `+ `, `1. `), if the line is one.
fn list_item(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let marker = if t.starts_with(['-', '*', '+']) {
        1
    } else {
        let d = t.find(|c: char| !c.is_ascii_digit())?;
        if d == 0 || !t[d..].starts_with(['.', ')']) {
            return None;
        }
        d + 1
    };
    let after = &t[marker..];
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    Some(lead + marker + (after.len() - after.trim_start().len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::{MONTH_NAMES, days, format};

    const PLAN: PlanPeriod = PlanPeriod {
        start: date(2026, 1, 1),
        end: date(2027, 12, 31),
    };

    fn iv(text: &str) -> (Date, Date) {
        let p = parse_expr(text, Span::new(0, text.len()), PLAN).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        (p.interval.start, p.interval.end)
    }

    fn d(y: i16, m: i8, day: i8) -> Date {
        date(y, m, day)
    }

    #[test]
    fn every_notation_of_the_format_has_its_exact_interval() {
        let cases: &[(&str, (Date, Date))] = &[
            // days
            ("1 maart 2026", (d(2026, 3, 1), d(2026, 3, 1))),
            ("01-03-2026", (d(2026, 3, 1), d(2026, 3, 1))),
            ("1-3-2026", (d(2026, 3, 1), d(2026, 3, 1))),
            ("2026-03-01", (d(2026, 3, 1), d(2026, 3, 1))),
            ("1/7/2026", (d(2026, 7, 1), d(2026, 7, 1))),
            ("31 dec 2026", (d(2026, 12, 31), d(2026, 12, 31))),
            // months
            ("maart 2026", (d(2026, 3, 1), d(2026, 3, 31))),
            ("mrt 2026", (d(2026, 3, 1), d(2026, 3, 31))),
            ("mrt. 2026", (d(2026, 3, 1), d(2026, 3, 31))),
            ("03-2026", (d(2026, 3, 1), d(2026, 3, 31))),
            ("2026-03", (d(2026, 3, 1), d(2026, 3, 31))),
            ("februari 2028", (d(2028, 2, 1), d(2028, 2, 29))),
            ("november/december 2026", (d(2026, 11, 1), d(2026, 12, 31))),
            // quarters
            ("Q1 2026", (d(2026, 1, 1), d(2026, 3, 31))),
            ("K1 2026", (d(2026, 1, 1), d(2026, 3, 31))),
            ("kw3 2026", (d(2026, 7, 1), d(2026, 9, 30))),
            ("1e kwartaal 2026", (d(2026, 1, 1), d(2026, 3, 31))),
            ("eerste kwartaal 2026", (d(2026, 1, 1), d(2026, 3, 31))),
            ("kwartaal 1 2026", (d(2026, 1, 1), d(2026, 3, 31))),
            ("laatste kwartaal van 2026", (d(2026, 10, 1), d(2026, 12, 31))),
            ("het laatste kwartaal van 2026", (d(2026, 10, 1), d(2026, 12, 31))),
            ("Q3/Q4 2026", (d(2026, 7, 1), d(2026, 12, 31))),
            // halves and seasons
            ("H1 2026", (d(2026, 1, 1), d(2026, 6, 30))),
            ("1e helft 2026", (d(2026, 1, 1), d(2026, 6, 30))),
            ("eerste helft 2026", (d(2026, 1, 1), d(2026, 6, 30))),
            ("eerste helft van 2026", (d(2026, 1, 1), d(2026, 6, 30))),
            ("tweede helft 2027", (d(2027, 7, 1), d(2027, 12, 31))),
            ("voorjaar 2026", (d(2026, 3, 1), d(2026, 5, 31))),
            ("zomer 2026", (d(2026, 6, 1), d(2026, 8, 31))),
            ("najaar 2026", (d(2026, 9, 1), d(2026, 11, 30))),
            ("winter 2026", (d(2026, 12, 1), d(2027, 2, 28))),
            // fuzzy
            ("begin 2026", (d(2026, 1, 1), d(2026, 2, 28))),
            ("medio 2026", (d(2026, 6, 1), d(2026, 7, 31))),
            ("halverwege 2026", (d(2026, 6, 1), d(2026, 7, 31))),
            ("eind 2026", (d(2026, 11, 1), d(2026, 12, 31))),
            ("2026", (d(2026, 1, 1), d(2026, 12, 31))),
            ("in de loop van 2026", (d(2026, 1, 1), d(2026, 12, 31))),
            ("per 1 juli 2026", (d(2026, 7, 1), d(2026, 7, 1))),
            ("uiterlijk 1 juli 2026", (d(2026, 7, 1), d(2026, 7, 1))),
            ("uiterlijk Q3 2026", (d(2026, 9, 30), d(2026, 9, 30))),
            // ranges
            ("Q2 2026 – Q4 2026", (d(2026, 4, 1), d(2026, 12, 31))),
            ("Q2 2026 - Q4 2026", (d(2026, 4, 1), d(2026, 12, 31))),
            ("mrt. 2026 t/m dec. 2026", (d(2026, 3, 1), d(2026, 12, 31))),
            ("01-02-2026 tot en met 31-01-2027", (d(2026, 2, 1), d(2027, 1, 31))),
            ("van augustus 2026 tot eind 2027", (d(2026, 8, 1), d(2027, 12, 31))),
            ("maart 2026 tot juni 2026", (d(2026, 3, 1), d(2026, 6, 30))),
            ("vanaf najaar 2026", (d(2026, 9, 1), d(2027, 12, 31))),
            ("2026–2027", (d(2026, 1, 1), d(2027, 12, 31))),
            ("2026-2027", (d(2026, 1, 1), d(2027, 12, 31))),
            ("2026 - 2027", (d(2026, 1, 1), d(2027, 12, 31))),
            ("2026/2027", (d(2026, 1, 1), d(2027, 12, 31))),
            ("begin 2026 – eind 2027", (d(2026, 1, 1), d(2027, 12, 31))),
            ("doorlopend", (d(2026, 1, 1), d(2027, 12, 31))),
            ("Structureel", (d(2026, 1, 1), d(2027, 12, 31))),
            ("JANUARI 2026 – DECEMBER 2027", (d(2026, 1, 1), d(2027, 12, 31))),
            // Duckling's Dutch corpus (absolute expressions, moved into 2026)
            ("31.10.2026", (d(2026, 10, 31), d(2026, 10, 31))),
            ("18de juli 2026", (d(2026, 7, 18), d(2026, 7, 18))),
            ("1ste maart 2026", (d(2026, 3, 1), d(2026, 3, 1))),
            ("2e mei 2026", (d(2026, 5, 2), d(2026, 5, 2))),
            ("vr. 17 juli 2026", (d(2026, 7, 17), d(2026, 7, 17))),
            ("vrijdag 17 juli 2026", (d(2026, 7, 17), d(2026, 7, 17))),
            ("eerste week in oktober 2026", (d(2026, 10, 1), d(2026, 10, 7))),
            ("laatste week van september 2026", (d(2026, 9, 24), d(2026, 9, 30))),
            ("laatste dag van oktober 2026", (d(2026, 10, 31), d(2026, 10, 31))),
            ("derde dinsdag in september 2026", (d(2026, 9, 15), d(2026, 9, 15))),
            ("laatste vrijdag van juli 2026", (d(2026, 7, 31), d(2026, 7, 31))),
            ("Koningsdag 2026", (d(2026, 4, 27), d(2026, 4, 27))),
            ("Koningsdag 2027", (d(2027, 4, 27), d(2027, 4, 27))),
            ("April 14, 2026", (d(2026, 4, 14), d(2026, 4, 14))),
            ("July 4th, 2026", (d(2026, 7, 4), d(2026, 7, 4))),
            ("week 12 2026", (d(2026, 3, 16), d(2026, 3, 22))),
            ("week 1 van 2027", (d(2027, 1, 4), d(2027, 1, 10))),
            ("week 12 2026 – week 14 2026", (d(2026, 3, 16), d(2026, 4, 5))),
        ];
        for (text, expected) in cases {
            assert_eq!(iv(text), *expected, "{text}");
        }
    }

    #[test]
    fn a_range_keeps_both_ends_with_their_spans() {
        let text = "Q2 2026 – Q1 2026";
        let p = parse_expr(text, Span::new(10, 10 + text.len()), PLAN).unwrap();
        let (a, b) = p.ends.unwrap();
        assert_eq!(&text[a.span.start - 10..a.span.end - 10], "Q2 2026");
        assert_eq!(&text[b.span.start - 10..b.span.end - 10], "Q1 2026");
        assert!(
            b.interval.end < a.interval.start,
            "the order is check's business, not the parser's"
        );
    }

    #[test]
    fn failures_point_at_the_part_that_failed() {
        for (text, at, contains) in [
            ("Q5 2026", "Q5", "vier kwartalen"),
            ("za 17 juli 2026", "za", "vrijdag"),
            ("week 54 2026", "week 54 2026", "geen week 54"),
            ("30-02-2026", "30-02-2026", "28 dagen"),
            ("maart 2026 – ergens", "ergens", ""),
            ("binnenkort", "binnenkort", "geen tijdsaanduiding"),
            ("medio", "medio", ""),
            ("Q1 2026 ongeveer", "ongeveer", "hoort niet"),
        ] {
            let e = parse_expr(text, Span::new(0, text.len()), PLAN).unwrap_err();
            assert_eq!(&text[e.span.range()], at, "{text}: {e:?}");
            assert!(e.message.contains(contains), "{text}: {}", e.message);
        }
    }

    #[test]
    fn milestones_inline_and_nested() {
        let raw = "januari 2026 – december 2027\n  - medio 2026: vaste verwijsroute\n    in alle wijken\n  - eind 2027: alle wijken";
        let tl = parse_timeline(raw, Span::new(0, raw.len()), PLAN).unwrap();
        assert_eq!(tl.periods.len(), 1);
        assert_eq!(tl.milestones.len(), 2);
        assert_eq!(&raw[tl.milestones[1].when.span.range()], "eind 2027");
        let raw = "Q2 2026: werkafspraken; Q4 2026: crisisplan";
        let tl = parse_timeline(raw, Span::new(0, raw.len()), PLAN).unwrap();
        assert_eq!((tl.periods.len(), tl.milestones.len()), (0, 2));
        assert_eq!(&raw[tl.milestones[1].when.span.range()], "Q4 2026");
        let raw = "\n  - eind 2027: Verkennend Gesprek; MDO-afspraken in 80%\n  - Q1 2026: start";
        let tl = parse_timeline(raw.trim_start(), Span::new(0, raw.trim_start().len()), PLAN).unwrap();
        assert_eq!(tl.milestones.len(), 2, "a `;` inside a list item is text");
        let raw = "Q2 2026: werkafspraken; overdracht vastgelegd; Q4 2026: crisisplan";
        let tl = parse_timeline(raw, Span::new(0, raw.len()), PLAN).unwrap();
        assert_eq!(tl.milestones.len(), 2);
        let raw = "\n- Q1 2026: inventarisatie\n- 2027: uitrol";
        let tl = parse_timeline(raw, Span::new(0, raw.len()), PLAN).unwrap();
        assert_eq!(tl.milestones.len(), 2);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = Date> {
            (2020i16..2031, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
                let first = date(y, m, 1);
                date(y, m, d.min(first.days_in_month()))
            })
        }

        fn any_interval() -> impl Strategy<Value = Interval> {
            (any_date(), any_date()).prop_map(|(a, b)| Interval::new(a.min(b), a.max(b)))
        }

        fn month_interval_strategy() -> impl Strategy<Value = Interval> {
            (2020i16..2031, 1i8..=12, 0i32..30).prop_map(|(y, m, n)| {
                let s = date(y, m, 1);
                let e = s.checked_add(n.months()).unwrap().last_of_month();
                Interval::new(s, e)
            })
        }

        /// A generated expression in one of the notations, with the interval it means.
        fn expression() -> impl Strategy<Value = String> {
            let y = 2024i32..2030;
            prop_oneof![
                (1i32..=28, 0usize..12, y.clone()).prop_map(|(d, m, y)| format!("{d} {} {y}", MONTH_NAMES[m])),
                (1i32..=28, 1i32..=12, y.clone()).prop_map(|(d, m, y)| format!("{d:02}-{m:02}-{y}")),
                (0usize..12, y.clone()).prop_map(|(m, y)| format!("{} {y}", MONTH_NAMES[m])),
                (1i32..=4, y.clone(), prop::sample::select(vec!["Q", "K", "kw"]))
                    .prop_map(|(q, y, p)| format!("{p}{q} {y}")),
                (1i32..=2, y.clone()).prop_map(|(h, y)| format!("H{h} {y}")),
                (
                    prop::sample::select(vec!["voorjaar", "zomer", "najaar", "winter"]),
                    y.clone()
                )
                    .prop_map(|(s, y)| format!("{s} {y}")),
                (
                    prop::sample::select(vec!["begin", "medio", "eind", "halverwege", "in de loop van"]),
                    y.clone()
                )
                    .prop_map(|(f, y)| format!("{f} {y}")),
                (y.clone(), 0i32..3).prop_map(|(a, n)| format!("{a}–{}", a + n)),
                (
                    1i32..=4,
                    y.clone(),
                    1i32..=4,
                    y,
                    prop::sample::select(vec![" – ", " - ", " t/m ", " tot en met "])
                )
                    .prop_map(|(q1, y1, q2, y2, sep)| format!("Q{q1} {y1}{sep}Q{q2} {y2}")),
            ]
        }

        proptest! {
            #[test]
            fn formatting_and_parsing_back_gives_the_same_interval(iv in any_interval()) {
                let text = format(iv);
                let back = parse_expr(&text, Span::new(0, text.len()), PLAN).unwrap();
                prop_assert_eq!(back.interval, iv, "{}", text);
            }

            #[test]
            fn whole_months_format_and_parse_back(iv in month_interval_strategy()) {
                let text = format(iv);
                let back = parse_expr(&text, Span::new(0, text.len()), PLAN).unwrap();
                prop_assert_eq!(back.interval, iv, "{}", text);
            }

            #[test]
            fn generated_expressions_parse_to_non_empty_intervals(text in expression()) {
                let p = parse_expr(&text, Span::new(0, text.len()), PLAN);
                prop_assert!(p.is_ok(), "{}: {:?}", text, p);
                let p = p.unwrap();
                prop_assert!(days(p.interval) >= 1);
                prop_assert!(p.span.end <= text.len());
            }

            #[test]
            fn any_text_gives_a_period_or_an_error_inside_it(text in "\\PC{0,40}") {
                match parse_expr(&text, Span::new(0, text.len()), PLAN) {
                    Ok(p) => prop_assert!(p.interval.start <= p.interval.end),
                    Err(e) => prop_assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)),
                }
            }
        }
    }
}
