//! Time as the model carries it: closed intervals of calendar days, the parts of a timeline
//! with their spans, and how an interval is written back for people.
//!
//! Owns: `Interval`, `Part`, `Period`, `Milestone`, `Timeline`, `TimeError`, `PlanPeriod`,
//! the month names, and the canonical formatting of an interval (Dutch, or English for an
//! English reader). Calendar arithmetic is jiff's.
//! Must not: parse (that is `draft::time`) or judge (that is `check`).

use jiff::Unit;
use jiff::civil::Date;

use crate::source::Span;

/// A closed interval of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: Date,
    pub end: Date,
}

impl Interval {
    pub fn new(start: Date, end: Date) -> Self {
        Interval { start, end }
    }

    pub fn day(d: Date) -> Self {
        Interval { start: d, end: d }
    }

    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One written part of a time expression: its interval and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub interval: Interval,
    pub span: Span,
}

/// A time expression: the whole interval, and for a range its two ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub interval: Interval,
    pub span: Span,
    /// `A – B`: the parts as written (B may end before A starts; `check` reports that).
    pub ends: Option<(Part, Part)>,
}

/// `Q1 2026: inventarisatie afgerond`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub when: Period,
    pub text: Span,
}

/// A parsed `tijdpad` value: periods (usually one) and milestones, in written order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    pub periods: Vec<Period>,
    pub milestones: Vec<Milestone>,
}

impl Timeline {
    /// Every written part, for "lies within" checks: range ends separately.
    pub fn parts(&self) -> Vec<Part> {
        let mut out = Vec::new();
        for p in self.periods.iter().chain(self.milestones.iter().map(|m| &m.when)) {
            match &p.ends {
                Some((a, b)) => {
                    out.push(a.clone());
                    out.push(b.clone());
                }
                None => out.push(Part {
                    interval: p.interval,
                    span: p.span,
                }),
            }
        }
        out
    }

    /// The earliest start of any part, with the span of that part (for a range: its first end).
    pub fn start(&self) -> Option<Part> {
        self.periods
            .iter()
            .chain(self.milestones.iter().map(|m| &m.when))
            .map(|p| match &p.ends {
                Some((a, _)) => a.clone(),
                None => Part {
                    interval: p.interval,
                    span: p.span,
                },
            })
            .min_by_key(|p| (p.interval.start, p.span.start))
    }
}

/// Why a value is not a time expression, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeError {
    pub span: Span,
    pub message: String,
}

/// The notations staff may use, for help texts.
pub const NOTATIONS: &str = "1 maart 2026, 01-03-2026, 2026-03-01, maart 2026, mrt. 2026, 03-2026, \
Q1 2026, 1e kwartaal 2026, H1 2026, 1e helft 2026, voorjaar 2026, begin/medio/eind 2026, 2026, \
per 1 juli 2026, Q1 2026 – Q4 2027, van maart 2026 tot eind 2027, vanaf 2027, 2026–2027, doorlopend, \
31.10.2026, 18de juli 2026, vr. 17 juli 2026, week 12 2026, eerste week in oktober 2026, \
laatste dag van oktober 2026, derde dinsdag in september 2026, Koningsdag 2026, April 14 2026";

/// The notation kader reads that looks most like `written` (for "did you mean a notation
/// such as …"): the closest by Jaro-Winkler over the lowercase texts, when it is close.
pub fn nearest_notation(written: &str) -> Option<&'static str> {
    let w = written.trim().to_lowercase();
    NOTATIONS
        .split(", ")
        .filter(|n| !n.is_empty())
        .map(|n| (strsim::jaro_winkler(&w, &n.to_lowercase()), n))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// The plan period: what `vanaf`, `doorlopend` and `structureel` run to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanPeriod {
    pub start: Date,
    pub end: Date,
}

pub(crate) const ENGLISH_MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The shortest notation for an interval that parses back to it.
pub fn format(iv: Interval) -> String {
    format_in(iv, &MONTH_NAMES)
}

/// An interval for a reader of this run's language: Dutch as `format`, or English month
/// names (`15 September 2026`).
pub fn format_for_reader(iv: Interval) -> String {
    match crate::i18n::current() {
        crate::i18n::Lang::Nl => format(iv),
        crate::i18n::Lang::En => format_in(iv, &ENGLISH_MONTH_NAMES),
    }
}

fn format_in(iv: Interval, names: &[&str; 12]) -> String {
    let (s, e) = (iv.start, iv.end);
    let whole_months = s.day() == 1 && e == e.last_of_month();
    if whole_months && s.year() == e.year() {
        let (m1, m2) = (s.month(), e.month());
        if m1 == 1 && m2 == 12 {
            return format!("{}", s.year());
        }
        if m1 == m2 {
            return format!("{} {}", names[(m1 - 1) as usize], s.year());
        }
        if (m1 - 1) % 3 == 0 && m2 == m1 + 2 {
            return format!("Q{} {}", (m1 - 1) / 3 + 1, s.year());
        }
        if (m1 == 1 && m2 == 6) || (m1 == 7 && m2 == 12) {
            return format!("H{} {}", if m1 == 1 { 1 } else { 2 }, s.year());
        }
        return format!(
            "{} {} – {} {}",
            names[(m1 - 1) as usize],
            s.year(),
            names[(m2 - 1) as usize],
            e.year()
        );
    }
    if whole_months {
        // Across years: `2026 – 2027`, or `maart 2026 – december 2027`.
        if s.month() == 1 && e.month() == 12 {
            return format!("{} – {}", s.year(), e.year());
        }
        return format!(
            "{} {} – {} {}",
            names[(s.month() - 1) as usize],
            s.year(),
            names[(e.month() - 1) as usize],
            e.year()
        );
    }
    if s == e {
        return format!("{} {} {}", s.day(), names[(s.month() - 1) as usize], s.year());
    }
    format!(
        "{} – {}",
        format_in(Interval::day(s), names),
        format_in(Interval::day(e), names)
    )
}

/// Days in an interval (for the non-empty property).
pub fn days(iv: Interval) -> i64 {
    iv.start
        .until((Unit::Day, iv.end))
        .map_or(0, |s| i64::from(s.get_days()))
        + 1
}
