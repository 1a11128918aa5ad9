//! The kaderbrief register: the frames the director set for the jaarplan.
//!
//! Owns: reading `kaderbrief-*.toml` into a `Kaderbrief` (the deadline, the norm that turns
//! hours into fte, per team the frame in euro and fte per calendar year, optionally per policy
//! line, and the priority themes), with a span for every name and ID so a mistake is shown
//! where it was written; finding a team by the name a draft gives it.
//! Must not: know the policy register's nodes (`lang::resolve` checks the IDs against it) or
//! add anything up.

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::tr;
use crate::register::REGISTER_PROBLEM;
use crate::source::{SourceId, Sources, Span};
use crate::text::normalize_name;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKaderbrief {
    id: String,
    titel: String,
    #[serde(default)]
    bron: Option<String>,
    #[serde(default)]
    inleverdatum: Option<toml::Spanned<toml::value::Datetime>>,
    norm: RawNorm,
    #[serde(default, rename = "team")]
    teams: Vec<RawTeam>,
    #[serde(default, rename = "prioriteit")]
    priorities: Vec<RawPriority>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNorm {
    uren_per_week: toml::Spanned<f64>,
    #[serde(default)]
    toelichting: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTeam {
    naam: toml::Spanned<String>,
    #[serde(default)]
    aliassen: Vec<String>,
    #[serde(default)]
    kader: Vec<RawFrame>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrame {
    jaar: toml::Spanned<i64>,
    #[serde(default)]
    beleidslijn: Option<toml::Spanned<String>>,
    #[serde(default)]
    euro: Option<f64>,
    #[serde(default)]
    fte: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPriority {
    id: toml::Spanned<String>,
    #[serde(default)]
    toelichting: Option<String>,
}

/// A team the kaderbrief gives a frame.
#[derive(Debug, Clone)]
pub struct Team {
    pub name: String,
    pub span: Span,
    /// The name and aliases, normalised (`Team Wijkzorg` and `wijkzorg` are the same).
    keys: Vec<String>,
}

/// The frame of one team in one calendar year, optionally for one policy line.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Index into `Kaderbrief::teams`.
    pub team: usize,
    pub year: i16,
    /// A node ID of the policy register, as written; `None`: the team's whole frame.
    pub line: Option<(String, Span)>,
    pub euro: Option<f64>,
    pub fte: Option<f64>,
    pub span: Span,
}

/// A theme the kaderbrief says must have actions.
#[derive(Debug, Clone)]
pub struct Priority {
    pub id: String,
    pub span: Span,
    pub explanation: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Kaderbrief {
    pub id: String,
    pub title: String,
    pub source_text: Option<String>,
    pub file: SourceId,
    pub deadline: Option<jiff::civil::Date>,
    /// Hours a week that make one fte.
    pub hours_per_week: f64,
    pub norm_explanation: Option<String>,
    pub teams: Vec<Team>,
    pub frames: Vec<Frame>,
    pub priorities: Vec<Priority>,
}

/// Weeks in a year, for hours per week, month or quarter against an fte.
pub const WEEKS_PER_YEAR: f64 = 52.0;

impl Kaderbrief {
    /// Read a kaderbrief file; problems come back as diagnostics, `None` when it cannot be used.
    pub fn load(file: SourceId, sources: &Sources) -> (Option<Kaderbrief>, Vec<Diagnostic>) {
        let src = sources.get(file);
        let mut diags = Vec::new();
        let problem = |span: Span, message: String, label: String, help: Option<String>| {
            let d =
                Diagnostic::new(REGISTER_PROBLEM, Severity::Error, message).with_primary(Label::new(file, span, label));
            match help {
                Some(h) => d.with_help(h),
                None => d,
            }
        };
        let raw: RawKaderbrief = match toml::from_str(&src.text) {
            Ok(r) => r,
            Err(e) => {
                let span = e.span().map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
                diags.push(problem(
                    span,
                    tr!("kaderbrief-invalid", name = src.name.as_str()),
                    e.message().to_owned(),
                    Some(tr!("kaderbrief-invalid-help")),
                ));
                return (None, diags);
            }
        };
        let sp = |r: std::ops::Range<usize>| Span::new(r.start, r.end);
        let deadline = raw.inleverdatum.as_ref().and_then(|d| {
            let date = d
                .get_ref()
                .date
                .and_then(|x| jiff::civil::Date::new(x.year as i16, x.month as i8, x.day as i8).ok());
            if date.is_none() || d.get_ref().time.is_some() {
                diags.push(problem(
                    sp(d.span()),
                    tr!("kaderbrief-bad-deadline"),
                    tr!("config-bad-deadline-label"),
                    Some(tr!("config-bad-deadline-help")),
                ));
            }
            date
        });
        let hours = *raw.norm.uren_per_week.get_ref();
        if !(hours.is_finite() && hours > 0.0 && hours <= 80.0) {
            diags.push(problem(
                sp(raw.norm.uren_per_week.span()),
                tr!("kaderbrief-bad-norm"),
                tr!("kaderbrief-bad-norm-label"),
                None,
            ));
        }
        let mut teams: Vec<Team> = Vec::new();
        let mut frames = Vec::new();
        for t in raw.teams {
            let span = sp(t.naam.span());
            let name = t.naam.into_inner();
            let mut keys: Vec<String> = std::iter::once(&name).chain(&t.aliassen).map(|n| team_key(n)).collect();
            keys.dedup();
            if let Some(other) = teams.iter().find(|o| o.keys.iter().any(|k| keys.contains(k))) {
                diags.push(
                    problem(
                        span,
                        tr!("kaderbrief-team-twice", name = name.as_str()),
                        tr!("register-second-time"),
                        None,
                    )
                    .with_label(Label::new(file, other.span, tr!("register-first-time"))),
                );
                continue;
            }
            let index = teams.len();
            for f in t.kader {
                let year = *f.jaar.get_ref();
                let fspan = sp(f.jaar.span());
                if !(1900..=2200).contains(&year) {
                    diags.push(problem(
                        fspan,
                        tr!("kaderbrief-bad-year"),
                        tr!("kaderbrief-bad-year-label"),
                        None,
                    ));
                    continue;
                }
                for v in [f.euro, f.fte].into_iter().flatten() {
                    if !(v.is_finite() && v >= 0.0) {
                        diags.push(problem(
                            fspan,
                            tr!("kaderbrief-bad-amount"),
                            tr!("kaderbrief-bad-amount-label"),
                            None,
                        ));
                    }
                }
                let line = f.beleidslijn.map(|l| (l.get_ref().clone(), sp(l.span())));
                if let Some(dup) = frames.iter().find(|o: &&Frame| {
                    o.team == index
                        && i64::from(o.year) == year
                        && o.line.as_ref().map(|l| l.0.to_uppercase()) == line.as_ref().map(|l| l.0.to_uppercase())
                }) {
                    diags.push(
                        problem(
                            fspan,
                            tr!("kaderbrief-frame-twice", name = name.as_str(), year = year),
                            tr!("register-second-time"),
                            None,
                        )
                        .with_label(Label::new(file, dup.span, tr!("register-first-time"))),
                    );
                    continue;
                }
                frames.push(Frame {
                    team: index,
                    year: year as i16,
                    line,
                    euro: f.euro,
                    fte: f.fte,
                    span: fspan,
                });
            }
            teams.push(Team { name, span, keys });
        }
        let priorities = raw
            .priorities
            .into_iter()
            .map(|p| Priority {
                span: sp(p.id.span()),
                id: p.id.into_inner(),
                explanation: p.toelichting,
            })
            .collect();
        if !diags.is_empty() {
            return (None, diags);
        }
        (
            Some(Kaderbrief {
                id: raw.id,
                title: raw.titel,
                source_text: raw.bron,
                file,
                deadline,
                hours_per_week: hours,
                norm_explanation: raw.norm.toelichting,
                teams,
                frames,
                priorities,
            }),
            diags,
        )
    }

    /// The team a draft's `team` names: by name or alias, ignoring case, accents and a
    /// leading "Team".
    pub fn team(&self, written: &str) -> Option<usize> {
        let key = team_key(written);
        self.teams.iter().position(|t| t.keys.contains(&key))
    }

    /// The teams' names, for "did you mean".
    pub fn team_names(&self) -> impl Iterator<Item = &str> {
        self.teams.iter().map(|t| t.name.as_str())
    }

    /// The frame of a team in a year, for one policy line or (`None`) the whole team.
    pub fn frame(&self, team: usize, year: i16, line: Option<&str>) -> Option<&Frame> {
        self.frames.iter().find(|f| {
            f.team == team
                && f.year == year
                && f.line.as_ref().map(|l| l.0.as_str()).map(str::to_uppercase) == line.map(str::to_uppercase)
        })
    }

    /// Hours in one fte-year.
    pub fn hours_per_fte_year(&self) -> f64 {
        self.hours_per_week * WEEKS_PER_YEAR
    }
}

/// `Team Wijkzorg`, `wijkzorg`, `Wijkzorg (concept)` → `wijkzorg`.
fn team_key(name: &str) -> String {
    let n = normalize_name(name);
    n.strip_prefix("team ").map(str::to_owned).unwrap_or(n)
}
