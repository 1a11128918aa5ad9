//! `kader report`: one self-contained HTML page for reviewers who do not run a terminal.
//!
//! Owns: the page: summary and readiness, a Gantt chart (SVG) of the plan, the coverage
//! matrix, a filterable action table, and every finding with the lines of the draft around
//! it. CSS, SVG and the small script are inline; the page makes no network request.
//! Must not: decide what is a finding, or emit anything from a draft without escaping it.
//!
//! Everything a draft or register contributes goes through [`esc`]. The output depends only
//! on the input (and the date given), so it can be compared byte for byte.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use jiff::civil::Date;

use crate::check::coverage::RegisterCoverage;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr;
use crate::lang::ruleset::{FieldKind, RuleSet};
use crate::model::time::{Interval, format_for_reader};
use crate::model::{Action, Document};
use crate::source::{SourceId, Sources, Span};

use super::Summary;

pub use super::escape_markup as esc;

/// Everything the page shows.
pub struct Report<'a> {
    pub docs: &'a [Document],
    pub diagnostics: &'a [Diagnostic],
    pub sources: &'a Sources,
    pub rules: &'a RuleSet,
    pub coverage: &'a [RegisterCoverage],
    /// The plan's amounts against the kaderbrief's frames.
    pub budget: &'a crate::check::budget::Table,
    pub summary: Summary,
    /// With progress reports (`kader voortgang --format html`): the Voortgang view.
    pub progress: Option<&'a crate::check::progress::View>,
    /// The day the report is about (deadline, expired waivers); shown on the page.
    pub today: Date,
}

/// The fields the action table shows, found by kind and name in the rule set.
struct Columns {
    owner: Option<usize>,
    policy: Option<usize>,
    period: Option<usize>,
    iep: Option<usize>,
}

impl Columns {
    fn of(rules: &RuleSet) -> Self {
        let named = |n: &str| rules.fields.iter().position(|f| f.name == n);
        Columns {
            owner: named("eigenaar"),
            policy: rules.fields.iter().position(|f| matches!(f.kind, FieldKind::Links(0))),
            period: rules.fields.iter().position(|f| f.kind == FieldKind::Time),
            iep: named("iep"),
        }
    }
}

/// Per action: its findings, not waived.
struct ActionRow<'a> {
    doc: &'a Document,
    action: &'a Action,
    errors: usize,
    warnings: usize,
    /// A finding inside the action's time field.
    time_finding: bool,
}

/// The open findings of every action, by (file, action ID): built once, so the action
/// table is linear in the number of actions and findings (a scan of every finding per
/// action made 20,000 actions take 32 s).
fn findings_by_action(diags: &[Diagnostic]) -> HashMap<(SourceId, &str), Vec<&Diagnostic>> {
    let mut by: HashMap<(SourceId, &str), Vec<&Diagnostic>> = HashMap::new();
    for d in diags.iter().filter(|d| d.waived.is_none()) {
        if let (Some(file), Some(action)) = (d.file, d.action.as_deref()) {
            by.entry((file, action)).or_default().push(d);
        }
    }
    by
}

fn rows<'a>(r: &Report<'a>) -> Vec<ActionRow<'a>> {
    let mut out = Vec::new();
    let by_action = findings_by_action(r.diagnostics);
    for doc in r.docs {
        for action in &doc.actions {
            let mut row = ActionRow {
                doc,
                action,
                errors: 0,
                warnings: 0,
                time_finding: false,
            };
            let time_spans: Vec<Span> = action
                .fields
                .iter()
                .filter(|f| f.time.is_some())
                .map(|f| f.value.span)
                .collect();
            let none = Vec::new();
            let mine = by_action.get(&(doc.source, action.id.value.as_str())).unwrap_or(&none);
            for d in mine {
                match d.severity {
                    Severity::Error => row.errors += 1,
                    Severity::Warning => row.warnings += 1,
                    Severity::Note => {}
                }
                if let Some(p) = &d.primary
                    && time_spans
                        .iter()
                        .any(|s| s.start <= p.span.start && p.span.end <= s.end)
                {
                    row.time_finding = true;
                }
            }
            out.push(row);
        }
    }
    out
}

fn team(doc: &Document, sources: &Sources) -> String {
    doc.meta
        .iter()
        .find(|(k, _)| k == "team")
        .map(|(_, v)| v.value.clone())
        .unwrap_or_else(|| sources.get(doc.source).name.clone())
}

const CSS: &str = r#"
#voortgang rect.delayed { fill: #d4a72c; } #voortgang rect.replanned { fill: none; stroke: #9a6700; stroke-dasharray: 4 3; }
#voortgang line.peildatum { stroke: var(--err); stroke-width: 2; } #voortgang text.peildatum { fill: var(--err); font-size: 12px; }
#voortgang li.missed { color: var(--err); }
:root { --err: #b3261e; --warn: #9a6700; --ok: #1a7f37; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0 auto; max-width: 1320px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
.muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.card.err b { color: var(--err); } .card.warn b { color: var(--warn); } .card.ok b { color: var(--ok); }
.verdict { font-size: 18px; font-weight: 600; }
.verdict.ready { color: var(--ok); } .verdict.notready { color: var(--err); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; position: sticky; top: 0; }
th.sortable { cursor: pointer; white-space: nowrap; } th.sortable::after { content: " \2195"; color: var(--muted); }
td.num, th.num { text-align: right; }
.e { color: var(--err); font-weight: 600; } .w { color: var(--warn); font-weight: 600; } .ok { color: var(--ok); }
.missing { color: var(--err); font-weight: 600; }
.bar-track { background: #eaeef2; border-radius: 4px; height: 8px; width: 140px; display: inline-block; vertical-align: middle; }
.bar-fill { background: var(--ok); border-radius: 4px; height: 8px; display: block; }
.filters { display: flex; gap: 16px; align-items: center; margin: 8px 0; }
svg text { font: 11px system-ui, sans-serif; fill: #1f2328; }
svg .grid { stroke: #eaeef2; } svg .year { stroke: #8c959f; }
svg .bar { fill: #54aeff; } svg .bar.late { fill: var(--err); }
svg .mark { fill: #0a3069; } svg .group { font-weight: 600; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 6px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
.finding.error { border-left-color: var(--err); } .finding.waived { border-left-color: var(--muted); opacity: .85; }
.finding .head { font-weight: 600; } .finding .rule { font-family: ui-monospace, monospace; color: var(--muted); font-weight: normal; }
pre.src { background: #f6f8fa; padding: 6px 0; overflow-x: auto; font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; margin: 6px 0; }
pre.src .ln { display: inline-block; width: 4em; text-align: right; padding-right: 1em; color: var(--muted); user-select: none; }
pre.src mark { background: #ffd8b5; border-bottom: 2px solid var(--err); }
.help { color: #0a3069; } .help::before { content: "\2192  "; }
ul.labels { margin: 4px 0; padding-left: 20px; color: var(--muted); }
.tree td.node { font-family: ui-monospace, monospace; white-space: nowrap; }
table.budget td.num { white-space: nowrap; } table.budget tr.line td:first-child { padding-left: 24px; }
td.over { background: #ffebe9; color: var(--err); font-weight: 600; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .filters, th.sortable::after { display: none; }
  h2 { break-after: avoid; } tr, .finding, svg { break-inside: avoid; }
  th { position: static; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Filters and sorting for the action table. No network, no framework; it marks the body
/// when it has run (`data-ready`), so a test can tell it ran without errors.
const SCRIPT: &str = r#"
(function () {
  var table = document.getElementById('acties');
  var team = document.getElementById('filter-team');
  var sev = document.getElementById('filter-ernst');
  var count = document.getElementById('zichtbaar');
  function apply() {
    var shown = 0;
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var ok = (!team.value || tr.dataset.team === team.value) &&
               (!sev.value || tr.dataset.severity === sev.value);
      tr.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = String(shown);
  }
  team.addEventListener('change', apply);
  sev.addEventListener('change', apply);
  table.querySelectorAll('th.sortable').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var asc = th.dataset.dir !== 'asc';
      th.dataset.dir = asc ? 'asc' : 'desc';
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort || a.cells[col].textContent;
        var y = b.cells[col].dataset.sort || b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'nl');
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
  document.body.dataset.ready = '1';
})();
"#;

/// Write the page.
pub fn render(r: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut h = String::new();
    let lang = crate::i18n::current().code();
    let title = esc(&r.rules.plan.name);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{} — {title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(&tr!("report-title"))
    );
    let rows = rows(r);
    summary(&mut h, r, &rows);
    if let Some(view) = r.progress {
        progress(&mut h, r, view);
    }
    gantt(&mut h, r, &rows);
    coverage(&mut h, r);
    budget(&mut h, r);
    action_table(&mut h, r, &rows);
    findings(&mut h, r);
    let _ = write!(h, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

fn date(d: Date) -> String {
    format_for_reader(Interval::day(d))
}

fn summary(h: &mut String, r: &Report<'_>, rows: &[ActionRow<'_>]) {
    let s = &r.summary;
    let complete = rows.iter().filter(|a| a.errors == 0).count();
    let _ = writeln!(h, "<header><h1>{}</h1>", esc(&r.rules.plan.name));
    let _ = writeln!(
        h,
        "<p class=\"muted\">{}</p>",
        esc(&tr!("report-made-on", date = date(r.today)))
    );
    let ready = s.errors == 0;
    let verdict = if ready {
        tr!("report-ready")
    } else {
        tr!("report-not-ready", complete = complete, total = rows.len())
    };
    let _ = writeln!(
        h,
        "<p class=\"verdict {}\" id=\"gereedheid\">{}</p>",
        if ready { "ready" } else { "notready" },
        esc(&verdict)
    );
    if let Some((deadline, today)) = s.deadline {
        let _ = writeln!(
            h,
            "<p id=\"inleverdatum\">{}</p>",
            esc(&super::deadline_line(deadline, today))
        );
    }
    let card = |h: &mut String, class: &str, id: &str, n: usize, label: String| {
        let _ = writeln!(
            h,
            "<div class=\"card {class}\" id=\"{id}\"><b>{n}</b>{}</div>",
            esc(&label)
        );
    };
    let _ = writeln!(h, "<div class=\"cards\">");
    card(h, "", "n-bestanden", s.files, tr!("report-files"));
    card(h, "", "n-acties", s.actions, tr!("report-actions"));
    card(h, "ok", "n-compleet", complete, tr!("report-complete"));
    card(h, "err", "n-fouten", s.errors, tr!("report-errors"));
    card(h, "warn", "n-waarschuwingen", s.warnings, tr!("report-warnings"));
    card(h, "", "n-genegeerd", s.waived, tr!("report-waived"));
    let _ = writeln!(h, "</div></header>");

    // Readiness per team file.
    let _ = writeln!(h, "<h2 id=\"per-team\">{}</h2>", esc(&tr!("report-per-file")));
    let _ = writeln!(
        h,
        "<table><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        esc(&tr!("report-col-team")),
        esc(&tr!("report-col-file")),
        esc(&tr!("report-actions")),
        esc(&tr!("report-complete")),
        esc(&tr!("report-errors")),
        esc(&tr!("report-warnings")),
    );
    for doc in r.docs {
        let mine: Vec<&ActionRow<'_>> = rows.iter().filter(|a| a.doc.source == doc.source).collect();
        let done = mine.iter().filter(|a| a.errors == 0).count();
        let file_diags: Vec<&Diagnostic> = r
            .diagnostics
            .iter()
            .filter(|d| d.waived.is_none() && d.file == Some(doc.source))
            .collect();
        let errors = file_diags.iter().filter(|d| d.severity == Severity::Error).count();
        let warnings = file_diags.iter().filter(|d| d.severity == Severity::Warning).count();
        let pct = if mine.is_empty() { 100 } else { done * 100 / mine.len() };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"muted\">{}</td><td class=\"num\">{}</td><td><span class=\"bar-track\"><span class=\"bar-fill\" style=\"width:{pct}%\"></span></span> {}</td><td class=\"num {}\">{errors}</td><td class=\"num {}\">{warnings}</td></tr>",
            esc(&team(doc, r.sources)),
            esc(&r.sources.get(doc.source).name),
            mine.len(),
            esc(&tr!("report-n-of-m", n = done, m = mine.len())),
            if errors > 0 { "e" } else { "" },
            if warnings > 0 { "w" } else { "" },
        );
    }
    let _ = writeln!(h, "</tbody></table>");
}

/// The top-level register node (a line of the beleidsplan) an action belongs to.
fn group_of(r: &Report<'_>, cols: &Columns, action: &Action) -> Option<(String, String)> {
    let def = cols.policy?;
    let FieldKind::Links(reg) = r.rules.fields[def].kind else {
        return None;
    };
    let reg = &r.rules.registers[reg];
    let link = action.field(def)?.links.first()?;
    let mut n = reg.get(&link.id.value)?;
    while let Some(p) = n.parent {
        n = reg.node(p);
    }
    Some((n.id.clone(), n.title.clone()))
}

fn gantt(h: &mut String, r: &Report<'_>, rows: &[ActionRow<'_>]) {
    let cols = Columns::of(r.rules);
    let (start, end) = (r.rules.plan.start, r.rules.plan.end);
    let period = format_for_reader(Interval::new(start, end));
    let _ = writeln!(
        h,
        "<h2 id=\"tijdlijn\">{}</h2>",
        esc(&tr!("report-timeline", period = period.as_str()))
    );
    let total = (end - start).get_days().max(1) as f64 + 1.0;
    let (label_w, chart_w, row_h, top) = (300.0, 960.0, 22.0, 34.0);
    let x = |d: Date| {
        let d = d.clamp(start, end);
        label_w + f64::from((d - start).get_days()) / total * chart_w
    };
    // Group the actions by line; actions without a readable timeline are listed below.
    let mut groups: BTreeMap<(bool, String), (String, Vec<&ActionRow<'_>>)> = BTreeMap::new();
    let mut without = Vec::new();
    for row in rows {
        let readable = cols
            .period
            .and_then(|p| row.action.field(p))
            .and_then(|f| f.time.as_deref())
            .is_some_and(Result::is_ok);
        if !readable {
            without.push(row);
            continue;
        }
        let (key, label) = match group_of(r, &cols, row.action) {
            Some((id, title)) => ((false, id.clone()), format!("{id} {title}")),
            None => ((true, String::new()), tr!("report-no-line")),
        };
        groups.entry(key).or_insert_with(|| (label, Vec::new())).1.push(row);
    }
    let lines: usize = groups.values().map(|(_, v)| v.len() + 1).sum();
    let height = top + lines as f64 * row_h + 10.0;
    let width = label_w + chart_w + 10.0;
    let _ = writeln!(
        h,
        "<svg id=\"gantt\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(&tr!("report-timeline", period = period.as_str()))
    );
    // Month grid, quarter labels, year lines.
    let mut m = Date::new(start.year(), start.month(), 1).unwrap_or(start);
    while m <= end {
        let xm = x(m);
        let class = if m.month() == 1 { "year" } else { "grid" };
        let _ = writeln!(
            h,
            "<line class=\"{class}\" x1=\"{xm:.1}\" y1=\"{:.1}\" x2=\"{xm:.1}\" y2=\"{height:.1}\"/>",
            top - 8.0
        );
        if (m.month() - 1) % 3 == 0 {
            let q = (m.month() - 1) / 3 + 1;
            let _ = writeln!(
                h,
                "<text x=\"{:.1}\" y=\"{:.1}\">Q{q} {}</text>",
                xm + 3.0,
                top - 14.0,
                m.year()
            );
        }
        m = m
            .checked_add(jiff::Span::new().months(1))
            .unwrap_or(end.tomorrow().unwrap_or(end));
    }
    let mut y = top;
    for (label, members) in groups.values() {
        let _ = writeln!(
            h,
            "<text class=\"group\" x=\"4\" y=\"{:.1}\">{}</text>",
            y + 15.0,
            esc(&truncate(label, 48))
        );
        y += row_h;
        for row in members {
            let a = row.action;
            let Some(Ok(tl)) = cols.period.and_then(|p| a.field(p)).and_then(|f| f.time.as_deref()) else {
                continue;
            };
            let parts = tl.parts();
            let (Some(s), Some(e)) = (
                parts.iter().map(|p| p.interval.start).min(),
                parts.iter().map(|p| p.interval.end).max(),
            ) else {
                continue;
            };
            let title = a.title.as_ref().map_or("", |t| t.value.as_str());
            let name = format!("{} {title}", a.id.value);
            let _ = writeln!(
                h,
                "<text x=\"14\" y=\"{:.1}\">{}</text>",
                y + 15.0,
                esc(&truncate(&name, 46))
            );
            let (x1, x2) = (x(s), x(e.tomorrow().unwrap_or(e)));
            let late = if row.time_finding { " late" } else { "" };
            let period = format_for_reader(Interval::new(s, e));
            let _ = writeln!(
                h,
                "<rect class=\"bar{late}\" data-action=\"{}\" x=\"{x1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" rx=\"3\"><title>{}: {}</title></rect>",
                esc(&a.id.value),
                y + 4.0,
                (x2 - x1).max(2.0),
                esc(&name),
                esc(&period)
            );
            for ms in &tl.milestones {
                let xm = x(ms.when.interval.start);
                let cy = y + 11.0;
                let _ = writeln!(
                    h,
                    "<path class=\"mark\" d=\"M{xm:.1} {:.1} l5 5 l-5 5 l-5 -5 z\"><title>{}</title></path>",
                    cy - 5.0,
                    esc(&format_for_reader(ms.when.interval))
                );
            }
            y += row_h;
        }
    }
    let _ = writeln!(h, "</svg>");
    let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(&tr!("report-timeline-legend")));
    if !without.is_empty() {
        let names: Vec<String> = without.iter().map(|r| esc(&r.action.id.value)).collect();
        let _ = writeln!(
            h,
            "<p id=\"zonder-tijdpad\"><span class=\"missing\">{}</span> {}</p>",
            esc(&tr!("report-no-timeline")),
            names.join(", ")
        );
    }
}

/// The Voortgang view: every action with its latest status, a timeline with the latest
/// peildatum and the delays, and the milestones the findings say were missed.
fn progress(h: &mut String, r: &Report<'_>, view: &crate::check::progress::View) {
    let _ = writeln!(h, "<section id=\"voortgang\">");
    let _ = writeln!(h, "<h2>{}</h2>", esc(&tr!("report-progress")));
    if let Some(d) = view.peildatum {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            esc(&tr!("report-progress-peildatum", date = date(d)))
        );
    }
    // The timeline: the plan's tijdpad per action, a new planning after it dashed.
    let (start, end) = (r.rules.plan.start, r.rules.plan.end);
    let total = (end - start).get_days().max(1) as f64 + 1.0;
    let (label_w, chart_w, row_h, top) = (300.0, 960.0, 22.0, 34.0);
    let x = |d: Date| {
        let d = d.clamp(start, end);
        label_w + f64::from((d - start).get_days()) / total * chart_w
    };
    let rows: Vec<_> = view.rows.iter().filter(|row| row.planned.is_some()).collect();
    let height = top + rows.len() as f64 * row_h + 10.0;
    let _ = writeln!(
        h,
        "<svg id=\"voortgang-gantt\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(&tr!("report-progress")),
        label_w + chart_w + 10.0
    );
    let mut y = top;
    for row in &rows {
        let Some(planned) = row.planned else { continue };
        let name = format!("{} {}", row.id, row.title);
        let _ = writeln!(
            h,
            "<text x=\"4\" y=\"{:.1}\">{}</text>",
            y + 15.0,
            esc(&truncate(&name, 48))
        );
        let delayed = row.new_planning.filter(|n| n.end > planned.end);
        let class = if delayed.is_some() { "bar delayed" } else { "bar" };
        let (x1, x2) = (x(planned.start), x(planned.end.tomorrow().unwrap_or(planned.end)));
        let status = row.status.as_ref().map_or(String::new(), |(s, _, _)| s.clone());
        let _ = writeln!(
            h,
            "<rect class=\"{class}\" data-action=\"{}\" x=\"{x1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" rx=\"3\"><title>{}: {} {}</title></rect>",
            esc(&row.id),
            y + 4.0,
            (x2 - x1).max(2.0),
            esc(&name),
            esc(&format_for_reader(planned)),
            esc(&status)
        );
        if let Some(n) = delayed {
            let (x3, x4) = (x2, x(n.end.tomorrow().unwrap_or(n.end)));
            let _ = writeln!(
                h,
                "<rect class=\"replanned\" data-action=\"{}\" x=\"{x3:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" rx=\"3\"><title>{}</title></rect>",
                esc(&row.id),
                y + 4.0,
                (x4 - x3).max(2.0),
                esc(&tr!("report-progress-new-planning", period = format_for_reader(n)))
            );
        }
        y += row_h;
    }
    if let Some(d) = view.peildatum {
        let xp = x(d);
        let _ = writeln!(
            h,
            "<line class=\"peildatum\" x1=\"{xp:.1}\" y1=\"{:.1}\" x2=\"{xp:.1}\" y2=\"{height:.1}\"/><text class=\"peildatum\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            top - 20.0,
            xp + 3.0,
            top - 22.0,
            esc(&date(d))
        );
    }
    let _ = writeln!(h, "</svg>");
    let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(&tr!("report-progress-legend")));
    // Every action with its latest status.
    let _ = writeln!(
        h,
        "<table id=\"voortgang-tabel\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!("report-col-team")),
        esc(&tr!("report-progress-action")),
        esc(&tr!("report-progress-status")),
        esc(&tr!("report-progress-as-of"))
    );
    for row in &view.rows {
        let (status, class, day) = match &row.status {
            Some((written, named, day)) => (
                written.clone(),
                named
                    .as_deref()
                    .map_or(String::new(), |n| format!(" class=\"status-{}\"", esc(n))),
                date(*day),
            ),
            None => (
                tr!("report-progress-no-entry"),
                " class=\"missing\"".to_owned(),
                String::new(),
            ),
        };
        let _ = writeln!(
            h,
            "<tr data-action=\"{}\"><td>{}</td><td>{} {}</td><td{class}>{}</td><td>{}</td></tr>",
            esc(&row.id),
            esc(&row.team),
            esc(&row.id),
            esc(&row.title),
            esc(&status),
            esc(&day)
        );
    }
    let _ = writeln!(h, "</tbody></table>");
    // The milestones the milestone rules found unaccounted for.
    let missed: Vec<&Diagnostic> = r
        .diagnostics
        .iter()
        .filter(|d| d.waived.is_none())
        .filter(|d| {
            r.rules
                .rule(&d.rule)
                .is_some_and(|rule| rule.scope == crate::lang::ruleset::Scope::Milestone)
        })
        .collect();
    let _ = writeln!(h, "<h3>{}</h3>", esc(&tr!("report-progress-missed")));
    if missed.is_empty() {
        let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(&tr!("report-progress-none-missed")));
    } else {
        let _ = writeln!(h, "<ul id=\"gemiste-mijlpalen\">");
        for d in missed {
            let _ = writeln!(h, "<li class=\"missed\">{}</li>", esc(&d.message));
        }
        let _ = writeln!(h, "</ul>");
    }
    let _ = writeln!(h, "</section>");
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(n - 1).collect();
        format!("{cut}…")
    }
}

fn coverage(h: &mut String, r: &Report<'_>) {
    let _ = writeln!(h, "<h2 id=\"dekking\">{}</h2>", esc(&tr!("report-coverage")));
    for (k, rc) in r.coverage.iter().enumerate() {
        let reg = &r.rules.registers[rc.register];
        let covered = rc.nodes.iter().filter(|n| !n.all.is_empty()).count();
        let _ = writeln!(
            h,
            "<h3>{}</h3><p class=\"muted\">{}</p>",
            esc(&reg.title),
            esc(&tr!("report-n-of-m-covered", n = covered, m = reg.nodes.len()))
        );
        if k == 0 {
            // The whole tree against the actions.
            let _ = writeln!(
                h,
                "<table class=\"tree\" id=\"dekking-{}\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                esc(&reg.id),
                esc(&tr!("report-col-node")),
                esc(&tr!("report-col-level")),
                esc(&tr!("report-col-title")),
                esc(&tr!("report-actions")),
            );
            let mut stack: Vec<(usize, usize)> = (0..reg.nodes.len())
                .rev()
                .filter(|&n| reg.nodes[n].parent.is_none())
                .map(|n| (n, 0))
                .collect();
            while let Some((n, depth)) = stack.pop() {
                let node = &reg.nodes[n];
                let c = &rc.nodes[n];
                let who = if c.all.is_empty() {
                    format!("<span class=\"missing\">✗ {}</span>", esc(&tr!("report-no-action")))
                } else {
                    esc(&c.all.join(", "))
                };
                let _ = writeln!(
                    h,
                    "<tr class=\"{}\"><td class=\"node\" style=\"padding-left:{}px\">{}</td><td class=\"muted\">{}</td><td>{}</td><td>{who}</td></tr>",
                    if c.all.is_empty() { "uncovered" } else { "covered" },
                    8 + depth * 18,
                    esc(&node.id),
                    esc(&node.level),
                    esc(&node.title)
                );
                for &ch in node.children.iter().rev() {
                    stack.push((ch, depth + 1));
                }
            }
            let _ = writeln!(h, "</tbody></table>");
        } else {
            // Further registers (the IZA regioplan): what the plan touches, and what not.
            let touched: Vec<String> = reg
                .nodes
                .iter()
                .zip(&rc.nodes)
                .filter(|(_, c)| !c.all.is_empty())
                .map(|(n, c)| {
                    format!(
                        "<li><b>{}</b> {} — {}</li>",
                        esc(&n.id),
                        esc(&n.title),
                        esc(&c.all.join(", "))
                    )
                })
                .collect();
            let untouched: Vec<String> = reg
                .nodes
                .iter()
                .zip(&rc.nodes)
                .filter(|(_, c)| c.all.is_empty())
                .map(|(n, _)| esc(&n.id))
                .collect();
            let _ = writeln!(h, "<ul id=\"dekking-{}\">{}</ul>", esc(&reg.id), touched.join(""));
            if !untouched.is_empty() {
                let _ = writeln!(
                    h,
                    "<p class=\"muted\">{} {}</p>",
                    esc(&tr!("report-not-touched")),
                    untouched.join(", ")
                );
            }
        }
    }
}

/// Per team and year (and per policy line with a frame or beside others): euro and fte
/// planned, the frame, the difference; a cell over its frame is marked (`over`).
fn budget(h: &mut String, r: &Report<'_>) {
    use super::budget::{columns, shown_lines, team_name};
    let t = r.budget;
    if t.teams.is_empty() {
        return;
    }
    let _ = writeln!(h, "<h2 id=\"begroting\">{}</h2>", esc(&tr!("report-budget")));
    let source = r
        .rules
        .kaderbrief
        .as_ref()
        .map_or_else(|| tr!("budget-no-kaderbrief"), |k| k.title.clone());
    let _ = writeln!(
        h,
        "<p class=\"muted\">{} — {}</p>",
        esc(&source),
        esc(&tr!(
            "budget-norm",
            hours = crate::model::amount::format_number(t.hours_per_week)
        ))
    );
    let _ = writeln!(
        h,
        "<table class=\"budget\" id=\"begroting-tabel\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        esc(&tr!("report-col-team")),
        esc(&tr!("budget-col-year")),
        esc(&tr!("budget-col-euro")),
        esc(&tr!("budget-col-frame")),
        esc(&tr!("budget-col-difference")),
        esc(&tr!("budget-col-fte")),
        esc(&tr!("budget-col-frame")),
        esc(&tr!("budget-col-difference")),
    );
    let cells = |euro: &crate::check::budget::Cell, fte: &crate::check::budget::Cell| {
        let mut out = String::new();
        for (c, is_fte) in [(euro, false), (fte, true)] {
            let [planned, frame, diff] = columns(c, is_fte);
            let over = if c.over() {
                format!(" over\" title=\"{}", esc(&tr!("budget-over")))
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<td class=\"num{over}\">{}</td><td class=\"num\">{}</td><td class=\"num{over}\">{}</td>",
                esc(&planned),
                esc(&frame),
                esc(&diff)
            );
        }
        out
    };
    for team in &t.teams {
        let name = team_name(&team.team);
        for (i, y) in team.years.iter().enumerate() {
            let who = if i == 0 {
                let mut w = esc(&name);
                if !team.listed {
                    let _ = write!(w, " <span class=\"muted\">({})</span>", esc(&tr!("budget-not-listed")));
                }
                w
            } else {
                String::new()
            };
            let _ = writeln!(
                h,
                "<tr class=\"year\" data-team=\"{}\"><td>{who}</td><td>{}</td>{}</tr>",
                esc(&name),
                y.year,
                cells(&y.euro, &y.fte)
            );
            for l in shown_lines(y) {
                let _ = writeln!(
                    h,
                    "<tr class=\"line\" data-team=\"{}\"><td class=\"muted\">{}</td><td>{}</td>{}</tr>",
                    esc(&name),
                    esc(&format!("{} {}", l.id, l.title)),
                    y.year,
                    cells(&l.euro, &l.fte)
                );
            }
        }
        if team.unread > 0 {
            let _ = writeln!(
                h,
                "<tr class=\"note\"><td></td><td colspan=\"7\" class=\"w\">{}</td></tr>",
                esc(&tr!("budget-unread", count = team.unread))
            );
        }
    }
    for (i, y) in t.totals.iter().enumerate() {
        let who = if i == 0 {
            format!("<b>{}</b>", esc(&tr!("report-budget-total")))
        } else {
            String::new()
        };
        let _ = writeln!(
            h,
            "<tr class=\"total\"><td>{who}</td><td>{}</td>{}</tr>",
            y.year,
            cells(&y.euro, &y.fte)
        );
    }
    let _ = writeln!(h, "</tbody></table>");
}

fn action_table(h: &mut String, r: &Report<'_>, rows: &[ActionRow<'_>]) {
    let cols = Columns::of(r.rules);
    let _ = writeln!(h, "<h2 id=\"acties-kop\">{}</h2>", esc(&tr!("report-action-table")));
    let mut teams: Vec<String> = r.docs.iter().map(|d| team(d, r.sources)).collect();
    teams.dedup();
    let options: String = teams
        .iter()
        .map(|t| format!("<option value=\"{0}\">{0}</option>", esc(t)))
        .collect();
    let _ = writeln!(
        h,
        "<div class=\"filters\"><label>{} <select id=\"filter-team\"><option value=\"\">{}</option>{options}</select></label>\
         <label>{} <select id=\"filter-ernst\"><option value=\"\">{}</option><option value=\"error\">{}</option><option value=\"warning\">{}</option><option value=\"ok\">{}</option></select></label>\
         <span class=\"muted\">{} <span id=\"zichtbaar\">{}</span></span></div>",
        esc(&tr!("report-col-team")),
        esc(&tr!("report-all")),
        esc(&tr!("catalogue-severity")),
        esc(&tr!("report-all")),
        esc(&tr!("report-with-errors")),
        esc(&tr!("report-with-warnings")),
        esc(&tr!("report-without-findings")),
        esc(&tr!("report-shown")),
        rows.len(),
    );
    let heads = [
        tr!("report-col-team"),
        tr!("report-col-id"),
        tr!("report-col-title"),
        tr!("report-col-owner"),
        tr!("report-col-policy"),
        tr!("report-col-period"),
        tr!("report-col-iep"),
        tr!("report-errors"),
        tr!("report-warnings"),
    ];
    let _ = write!(h, "<table id=\"acties\"><thead><tr>");
    for (i, t) in heads.iter().enumerate() {
        let num = if i >= 7 { " num" } else { "" };
        let _ = write!(h, "<th class=\"sortable{num}\">{}</th>", esc(t));
    }
    let _ = writeln!(h, "</tr></thead><tbody>");
    let value = |a: &Action, def: Option<usize>| -> String {
        def.and_then(|d| a.field(d))
            .map(|f| f.value.value.lines().next().unwrap_or("").trim().to_owned())
            .unwrap_or_default()
    };
    for row in rows {
        let a = row.action;
        let severity = if row.errors > 0 {
            "error"
        } else if row.warnings > 0 {
            "warning"
        } else {
            "ok"
        };
        let iep_value = value(a, cols.iep);
        let iep = if iep_value.is_empty() || crate::check::is_placeholder(r.rules, &iep_value) {
            format!("<span class=\"missing\">{}</span>", esc(&tr!("report-no")))
        } else if iep_value
            .to_lowercase()
            .trim_start_matches(['*', '_'])
            .starts_with("n.v.t")
            || iep_value.to_lowercase().starts_with("nvt")
        {
            "n.v.t.".to_owned()
        } else {
            format!("<span class=\"ok\">{}</span>", esc(&tr!("report-yes")))
        };
        let owner = value(a, cols.owner);
        let owner = if owner.is_empty() {
            format!("<span class=\"missing\">{}</span>", esc(&tr!("report-missing")))
        } else {
            esc(&owner)
        };
        let period = cols
            .period
            .and_then(|p| a.field(p))
            .and_then(|f| f.time.as_deref())
            .and_then(|t| t.as_ref().ok())
            .and_then(|tl| {
                let parts = tl.parts();
                Some((
                    parts.iter().map(|p| p.interval.start).min()?,
                    parts.iter().map(|p| p.interval.end).max()?,
                ))
            });
        let (period_text, period_sort) = match period {
            Some((s, e)) => (format_for_reader(Interval::new(s, e)), s.to_string()),
            None => (value(a, cols.period), String::from("9999")),
        };
        let team_name = team(row.doc, r.sources);
        let _ = writeln!(
            h,
            "<tr class=\"action\" data-team=\"{t}\" data-severity=\"{severity}\"><td>{t}</td><td>{}</td><td>{}</td><td>{owner}</td><td>{}</td><td data-sort=\"{}\">{}</td><td>{iep}</td><td class=\"num{}\">{}</td><td class=\"num{}\">{}</td></tr>",
            esc(&a.id.value),
            esc(a.title.as_ref().map_or("", |t| t.value.as_str())),
            esc(&value(a, cols.policy)),
            esc(&period_sort),
            esc(&period_text),
            if row.errors > 0 { " e" } else { "" },
            row.errors,
            if row.warnings > 0 { " w" } else { "" },
            row.warnings,
            t = esc(&team_name),
        );
    }
    let _ = writeln!(h, "</tbody></table>");
}

/// Lines `from..=to` (1-based) of a file, with the span marked.
fn snippet(h: &mut String, sources: &Sources, file: SourceId, span: Span) {
    const MAX_LINE: usize = 400;
    let f = sources.get(file);
    let text = &f.text;
    let first = f.position(span.start).line;
    let last = f.position(span.end.max(span.start)).line;
    let from = first.saturating_sub(2).max(1);
    let to = last + 2;
    let _ = write!(h, "<pre class=\"src\">");
    // From the line index, not by walking the file from its start for every finding (that
    // made the report quadratic in the size of a draft).
    let begin = f.line_start(from).unwrap_or(0);
    for (i, line) in text[begin..].split_inclusive('\n').enumerate() {
        let n = from + i;
        if n > to {
            break;
        }
        let start = line.as_ptr() as usize - text.as_ptr() as usize;
        let content = line.trim_end_matches(['\n', '\r']);
        let end = start + content.len();
        let _ = write!(h, "<span class=\"ln\">{n}</span>");
        // The marked part of this line, if any.
        let (ms, me) = (span.start.max(start), span.end.min(end));
        let piece = |s: usize, e: usize| -> String {
            let t = text.get(s..e).unwrap_or("");
            esc(&truncate(t, MAX_LINE))
        };
        if ms < me || (span.is_empty() && (start..=end).contains(&span.start)) {
            let (ms, me) = if ms < me { (ms, me) } else { (span.start, span.start) };
            let _ = write!(
                h,
                "{}<mark>{}</mark>{}",
                piece(start, ms),
                piece(ms, me),
                piece(me, end)
            );
        } else {
            let _ = write!(h, "{}", piece(start, end));
        }
        h.push('\n');
    }
    let _ = writeln!(h, "</pre>");
}

fn finding(h: &mut String, r: &Report<'_>, d: &Diagnostic) {
    let class = match (d.waived.is_some(), d.severity) {
        (true, _) => "waived",
        (false, Severity::Error) => "error",
        (false, _) => "warning",
    };
    let place = d.primary.as_ref().map_or(String::new(), |p| {
        let f = r.sources.get(p.source);
        let pos = f.position(p.span.start);
        format!(
            " <span class=\"muted\">{}:{}:{}</span>",
            esc(&f.name),
            pos.line,
            pos.column
        )
    });
    let _ = writeln!(
        h,
        "<div class=\"finding {class}\" data-rule=\"{}\"><div class=\"head\">{} <span class=\"rule\">[{}]</span> {}{place}</div>",
        esc(&d.rule),
        esc(&d.severity.word()),
        esc(&d.rule),
        esc(&d.message),
    );
    if let Some(p) = &d.primary {
        snippet(h, r.sources, p.source, p.span);
        let mut labels = vec![esc(&p.message)];
        for l in &d.labels {
            let f = r.sources.get(l.source);
            let pos = f.position(l.span.start);
            labels.push(format!(
                "{} <span class=\"muted\">({}:{})</span>",
                esc(&l.message),
                esc(&f.name),
                pos.line
            ));
        }
        let _ = writeln!(h, "<ul class=\"labels\"><li>{}</li></ul>", labels.join("</li><li>"));
    }
    for note in &d.notes {
        let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(note));
    }
    for help in &d.help {
        let _ = writeln!(h, "<p class=\"help\">{}</p>", esc(help));
    }
    if let Some(w) = &d.waived {
        let _ = writeln!(h, "<p><b>{}:</b> {}</p>", esc(&tr!("human-reason")), esc(&w.reason));
    }
    let _ = writeln!(h, "</div>");
}

fn findings(h: &mut String, r: &Report<'_>) {
    let _ = writeln!(h, "<h2 id=\"bevindingen\">{}</h2>", esc(&tr!("report-findings")));
    let open: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.waived.is_none()).collect();
    if open.is_empty() {
        let _ = writeln!(h, "<p class=\"ok\">{}</p>", esc(&tr!("summary-no-findings")));
    }
    // Grouped by file, in the order of the sorted diagnostics; plan-level ones last.
    let mut current: Option<Option<SourceId>> = None;
    for d in &open {
        if current != Some(d.file) {
            let heading = match d.file {
                Some(f) => r.sources.get(f).name.clone(),
                None => tr!("report-whole-plan"),
            };
            let _ = writeln!(h, "<h3>{}</h3>", esc(&heading));
            current = Some(d.file);
        }
        finding(h, r, d);
    }
    let waived: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.waived.is_some()).collect();
    if !waived.is_empty() {
        let _ = writeln!(
            h,
            "<h2 id=\"genegeerd\">{}</h2>",
            esc(&tr!("human-waived-heading", count = waived.len()))
        );
        for d in waived {
            finding(h, r, d);
        }
    }
}
