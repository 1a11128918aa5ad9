//! Amounts as the model carries them: euro, fte and hours, each with what it counts for
//! (a period, once, one year, the action's whole tijdpad) and where it stands.
//!
//! Owns: `Amount`, `Unit`, `Per`, `AmountProblem`, `Amounts`, and writing an amount back the
//! Dutch way (`€ 1.292.324`, `€ 7,65`, `0,4 fte`), which reading gives back exactly.
//! Must not: parse (that is `draft::amount`) or add up (that is `check::budget`).

use crate::source::Span;

/// What an amount measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// Money, in euro.
    Euro,
    /// People, as full-time equivalents (a yearly average).
    Fte,
    /// People, in hours (turned into fte with the kaderbrief's norm).
    Hours,
}

/// What an amount counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// No period: the action's total, spread over its tijdpad (for fte: the average while
    /// the action runs).
    Total,
    Week,
    Month,
    Quarter,
    Year,
    /// `eenmalig`: once, in the year the tijdpad starts.
    Once,
    /// `in 2026`: in that calendar year.
    InYear(i16),
}

impl Per {
    /// How many of this period make a year (`None` for a total, once, or one year).
    pub fn per_year(self) -> Option<f64> {
        match self {
            Per::Week => Some(52.0),
            Per::Month => Some(12.0),
            Per::Quarter => Some(4.0),
            Per::Year => Some(1.0),
            Per::Total | Per::Once | Per::InYear(_) => None,
        }
    }
}

/// One amount read from a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// In the unit: euro, fte or hours; a multiplier with a count is already applied.
    pub value: f64,
    pub unit: Unit,
    pub per: Per,
    /// The number and its unit as written (`€ 25.000`, `0,4 fte`).
    pub span: Span,
}

/// Why a part of a value that looks like an amount cannot be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// `0,2 fte per wijkmanager`: per something kader cannot count.
    Multiplier(String),
    /// `€ 10–20k`, `€ 10.000 - € 20.000`: a range, not an amount.
    Range,
    /// `1.5 fte`: a point where a Dutch amount has a comma.
    DecimalPoint(String),
    /// `€ 25 ton`, `€ ,5`: a currency sign or unit without a number kader can read.
    Unreadable,
    /// `€ PM`: a placeholder where the amount belongs.
    Placeholder,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountProblem {
    pub kind: ProblemKind,
    pub span: Span,
}

/// Everything read from one inzet value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Amounts {
    pub amounts: Vec<Amount>,
    pub problems: Vec<AmountProblem>,
}

/// `1292324.0` → `1.292.324`, `7.65` → `7,65`: Dutch thousands separators and a decimal
/// comma, at most two decimals, none when the number is whole.
pub fn format_number(value: f64) -> String {
    let negative = value < 0.0;
    let cents = (value.abs() * 100.0).round() as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + 6);
    if negative && cents > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if frac != 0 {
        if frac % 10 == 0 {
            out.push_str(&format!(",{}", frac / 10));
        } else {
            out.push_str(&format!(",{frac:02}"));
        }
    }
    out
}

/// `€ 12.500`: money for people, rounded to whole euros above a hundred.
pub fn format_euro(value: f64) -> String {
    if value.abs() >= 100.0 {
        format!("€ {}", format_number(value.round()))
    } else {
        format!("€ {}", format_number(value))
    }
}

/// `0,45 fte`
pub fn format_fte(value: f64) -> String {
    format!("{} fte", format_number(value))
}

/// An amount in its unit, as it would be written in a draft.
pub fn format(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Euro => format!("€ {}", format_number(value)),
        Unit::Fte => format_fte(value),
        Unit::Hours => format!("{} uur", format_number(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_the_dutch_way() {
        assert_eq!(format_number(1_292_324.0), "1.292.324");
        assert_eq!(format_number(7.65), "7,65");
        assert_eq!(format_number(0.4), "0,4");
        assert_eq!(format_number(1000.0), "1.000");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(-1500.5), "-1.500,5");
        assert_eq!(format_euro(12_499.6), "€ 12.500");
        assert_eq!(format_euro(7.65), "€ 7,65");
        assert_eq!(format_fte(0.45), "0,45 fte");
    }
}
