//! `kader begroting`: per team and per year (and per policy line) the euro and fte the plan
//! puts in, against the kaderbrief's frame; as text for a reviewer or JSON for a script.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::budget::{Cell, Table, YearRow};
use crate::lang::ruleset::RuleSet;
use crate::model::amount::{format_euro, format_fte};

use super::Summary;
use super::json::Tool;
use crate::i18n::tr;

/// `+€ 79.339`, `-0,5 fte`: a difference with its sign.
pub fn signed(v: f64, fte: bool) -> String {
    let text = if fte { format_fte(v.abs()) } else { format_euro(v.abs()) };
    if (v * 100.0).round() > 0.0 {
        format!("+{text}")
    } else if (v * 100.0).round() < 0.0 {
        format!("-{text}")
    } else {
        text
    }
}

/// The three columns of one unit: planned, frame, difference (`—` without a frame).
pub fn columns(c: &Cell, fte: bool) -> [String; 3] {
    let write = |v: f64| if fte { format_fte(v) } else { format_euro(v) };
    let dash = "—".to_owned();
    [
        write(c.planned),
        c.frame.map_or(dash.clone(), write),
        c.difference().map_or(dash, |d| signed(d, fte)),
    ]
}

/// The team's name for a reader: `(geen team)` for drafts without one.
pub fn team_name(team: &Option<String>) -> String {
    team.clone().unwrap_or_else(|| tr!("budget-no-team"))
}

pub fn human(table: &Table, rules: &RuleSet, summary: Summary, out: &mut dyn Write) -> io::Result<()> {
    let source = rules
        .kaderbrief
        .as_ref()
        .map_or_else(|| tr!("budget-no-kaderbrief"), |k| k.title.clone());
    writeln!(
        out,
        "{}",
        tr!(
            "budget-heading",
            plan = rules.plan.name.as_str(),
            source = source,
            actions = tr!("summary-actions", count = summary.actions),
            files = tr!("summary-files", count = summary.files),
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            "budget-norm",
            hours = crate::model::amount::format_number(table.hours_per_week)
        )
    )?;
    let header = [
        tr!("budget-col-year"),
        tr!("budget-col-euro"),
        tr!("budget-col-frame"),
        tr!("budget-col-difference"),
        tr!("budget-col-fte"),
        tr!("budget-col-frame"),
        tr!("budget-col-difference"),
    ];
    for t in &table.teams {
        writeln!(out)?;
        let name = team_name(&t.team);
        let note = if t.team.is_none() {
            format!("  ({})", tr!("budget-no-team-note", key = table.team_key.as_str()))
        } else if !t.listed {
            format!("  ({})", tr!("budget-not-listed"))
        } else {
            String::new()
        };
        // `Team Wijkzorg` as written is not "Team Team Wijkzorg".
        let heading = if name.to_lowercase().starts_with("team ") {
            name.clone()
        } else {
            tr!("budget-team", team = name.as_str())
        };
        writeln!(out, "{heading}{note}")?;
        let mut rows: Vec<[String; 7]> = vec![header.clone()];
        let mut marks: Vec<bool> = vec![false];
        for y in &t.years {
            rows.push(row(&y.year.to_string(), &y.euro, &y.fte));
            marks.push(y.euro.over() || y.fte.over());
            for l in shown_lines(y) {
                rows.push(row(&format!("  {}", l.id), &l.euro, &l.fte));
                marks.push(l.euro.over() || l.fte.over());
            }
        }
        write_rows(&rows, &marks, out)?;
        if t.unread > 0 {
            writeln!(out, "  {}", tr!("budget-unread", count = t.unread))?;
        }
    }
    if !table.totals.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", tr!("budget-total"))?;
        let mut rows: Vec<[String; 7]> = vec![header.clone()];
        let mut marks = vec![false];
        for y in &table.totals {
            rows.push(row(&y.year.to_string(), &y.euro, &y.fte));
            marks.push(y.euro.over() || y.fte.over());
        }
        write_rows(&rows, &marks, out)?;
    }
    Ok(())
}

/// The lines of a year worth a row: all of them when there are several, or one with a frame
/// of its own (a single line without one says what the year's row says).
pub fn shown_lines(y: &YearRow) -> &[crate::check::budget::LineRow] {
    if y.lines.len() > 1 || y.lines.iter().any(|l| l.euro.frame.is_some() || l.fte.frame.is_some()) {
        &y.lines
    } else {
        &[]
    }
}

/// A row of the table: the label, then planned, frame and difference in euro and in fte.
fn row(label: &str, euro: &Cell, fte: &Cell) -> [String; 7] {
    let [e0, e1, e2] = columns(euro, false);
    let [f0, f1, f2] = columns(fte, true);
    [label.to_owned(), e0, e1, e2, f0, f1, f2]
}

/// Columns padded to their widest cell (numbers right-aligned), `✗` after a row over its frame.
fn write_rows(rows: &[[String; 7]], over: &[bool], out: &mut dyn Write) -> io::Result<()> {
    let width = |c: usize| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..7).map(width).collect();
    for (r, &o) in rows.iter().zip(over) {
        let mut line = String::from("  ");
        for (c, cell) in r.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        if o {
            line.push_str("  ✗");
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    summary: JsonSummary,
    kaderbrief: Option<JsonKaderbrief<'a>>,
    hours_per_fte_week: f64,
    teams: Vec<JsonTeam>,
    totals: Vec<JsonYear>,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    actions: usize,
}

#[derive(Serialize)]
struct JsonKaderbrief<'a> {
    id: &'a str,
    title: &'a str,
    deadline: Option<String>,
}

#[derive(Serialize)]
struct JsonTeam {
    /// `null` for drafts without a team.
    team: Option<String>,
    /// Does the kaderbrief list the team (and so give it a frame)?
    listed: bool,
    actions: usize,
    /// Amounts that cannot be counted: the totals are incomplete by these.
    unread: usize,
    years: Vec<JsonYear>,
}

#[derive(Serialize)]
struct JsonYear {
    year: i16,
    euro: JsonCell,
    fte: JsonCell,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lines: Vec<JsonLine>,
}

#[derive(Serialize)]
struct JsonLine {
    id: String,
    title: String,
    euro: JsonCell,
    fte: JsonCell,
}

#[derive(Serialize)]
struct JsonCell {
    planned: f64,
    frame: Option<f64>,
    difference: Option<f64>,
    over: bool,
}

fn cell(c: &Cell) -> JsonCell {
    let round = |v: f64| (v * 100.0).round() / 100.0;
    JsonCell {
        planned: round(c.planned),
        frame: c.frame,
        difference: c.difference().map(round),
        over: c.over(),
    }
}

fn year(y: &YearRow) -> JsonYear {
    JsonYear {
        year: y.year,
        euro: cell(&y.euro),
        fte: cell(&y.fte),
        lines: y
            .lines
            .iter()
            .map(|l| JsonLine {
                id: l.id.clone(),
                title: l.title.clone(),
                euro: cell(&l.euro),
                fte: cell(&l.fte),
            })
            .collect(),
    }
}

/// `deadline`: the plan's (kader.toml's before the kaderbrief's).
pub fn json(
    table: &Table,
    rules: &RuleSet,
    summary: Summary,
    deadline: Option<jiff::civil::Date>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let output = Output {
        version: 1,
        tool: Tool::kader(),
        summary: JsonSummary {
            files: summary.files,
            actions: summary.actions,
        },
        kaderbrief: rules.kaderbrief.as_ref().map(|k| JsonKaderbrief {
            id: &k.id,
            title: &k.title,
            deadline: deadline.map(|d| d.to_string()),
        }),
        hours_per_fte_week: table.hours_per_week,
        teams: table
            .teams
            .iter()
            .map(|t| JsonTeam {
                team: t.team.clone(),
                listed: t.listed,
                actions: t.actions,
                unread: t.unread,
                years: t.years.iter().map(year).collect(),
            })
            .collect(),
        totals: table.totals.iter().map(year).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(io::Error::other)?;
    writeln!(out)
}
