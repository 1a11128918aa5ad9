//! Actions and fields from the Markdown blocks.

use regex::Regex;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::lang::ruleset::{FieldKind, RuleSet};
use crate::model::{Action, ActionHeading, Document, Field, Link, Report, Waiver};
use crate::source::{SourceId, Span, Spanned};

use super::amount::read_amounts;
use super::markdown::{self, Blocks};
use super::time::parse_timeline;
use crate::i18n::tr;
use crate::model::time::PlanPeriod;
use crate::text::normalize_name;

/// The rule ID of problems with a draft's front matter.
pub const FRONT_MATTER_PROBLEM: &str = "voorwerk";

/// Parse one draft (or progress report). Never fails: what cannot be read becomes a
/// diagnostic.
pub fn parse(file: SourceId, text: &str, rules: &RuleSet) -> (Document, Vec<Diagnostic>) {
    parse_part(file, text, 0, rules)
}

/// Parse the document that starts at byte `start` of `text` and runs to its end, with spans
/// into the whole text: a `kader test` case holds a plan and, after it, progress reports.
pub fn parse_part(file: SourceId, text: &str, start: usize, rules: &RuleSet) -> (Document, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let bom = start + if text[start..].starts_with('\u{feff}') { 3 } else { 0 };
    let (meta, body_start) = front_matter(file, text, bom, &mut diags);
    let report = report_of(file, &meta, Span::new(bom, body_start), rules, &mut diags);
    // Blank out nothing: pulldown-cmark recognises the same `+++` block and skips it; the
    // blocks before `body_start` are ignored below in case it did not.
    let blocks = markdown::blocks(&text[bom..], bom);
    let mut doc = Document {
        source: file,
        meta,
        headings: Vec::new(),
        actions: Vec::new(),
        waivers: Vec::new(),
        field_heading: None,
        report,
    };
    Extractor {
        text,
        rules,
        blocks: &blocks,
        body_start,
        names: Default::default(),
        report: doc.report.is_some(),
    }
    .run(&mut doc);
    compact(&mut doc);
    (doc, diags)
}

/// Give back what an action's vectors grew beyond their contents: a document lives until
/// the whole plan is checked, and a ninth field doubles an action's field vector to sixteen
/// (a link vector starts at four links for one). The document's own vectors stay: copying
/// them would need both at once, a larger peak for a large draft.
fn compact(doc: &mut Document) {
    for action in &mut doc.actions {
        for field in &mut action.fields {
            field.links.shrink_to_fit();
        }
        action.fields.shrink_to_fit();
        action.labels.shrink_to_fit();
    }
}

/// Does the text start with the front matter of a progress report (the marker of the
/// `voortgang` block)? Only the front matter is read.
pub fn is_report(text: &str, rules: &RuleSet) -> bool {
    let Some(progress) = &rules.progress else {
        return false;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("+++") else {
        return false;
    };
    let Some(rest) = rest.strip_prefix('\n').or_else(|| rest.strip_prefix("\r\n")) else {
        return false;
    };
    let end = rest
        .match_indices("+++")
        .find(|(i, _)| *i == 0 || rest.as_bytes()[i - 1] == b'\n')
        .map_or(rest.len(), |(i, _)| i);
    toml::from_str::<toml::Table>(&rest[..end]).is_ok_and(|t| marked(&t, progress))
}

fn marked(table: &toml::Table, progress: &crate::lang::ruleset::Progress) -> bool {
    table
        .get(&progress.key)
        .and_then(toml::Value::as_str)
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(&progress.value))
}

/// A report's own front matter: the marker makes it one; its team and peildatum must be
/// there (a `voorwerk` error otherwise: without them it cannot be held against the plan).
fn report_of(
    file: SourceId,
    meta: &[(String, Spanned<String>)],
    front: Span,
    rules: &RuleSet,
    diags: &mut Vec<Diagnostic>,
) -> Option<Box<Report>> {
    let progress = rules.progress.as_ref()?;
    let (_, marker) = meta.iter().find(|(k, _)| *k == progress.key)?;
    if !marker.value.trim().eq_ignore_ascii_case(&progress.value) {
        return None;
    }
    let head = Span::new(front.start, front.start + 3);
    let team = meta.iter().find(|(k, _)| k == "team").map(|(_, v)| v.clone());
    if team.as_ref().is_none_or(|t| t.value.trim().is_empty()) {
        diags.push(
            Diagnostic::new(FRONT_MATTER_PROBLEM, Severity::Error, tr!("report-no-team"))
                .with_primary(Label::new(file, head, tr!("report-front-matter")))
                .with_help(tr!("report-no-team-help")),
        );
    }
    let mut peildatum = None;
    let mut peildatum_span = head;
    match meta.iter().find(|(k, _)| k == "peildatum") {
        None => diags.push(
            Diagnostic::new(FRONT_MATTER_PROBLEM, Severity::Error, tr!("report-no-peildatum"))
                .with_primary(Label::new(file, head, tr!("report-front-matter")))
                .with_help(tr!("report-peildatum-help")),
        ),
        Some((_, written)) => {
            peildatum_span = written.span;
            let plan = PlanPeriod {
                start: rules.plan.start,
                end: rules.plan.end,
            };
            let value = written.value.trim();
            let day =
                value
                    .parse::<jiff::civil::Date>()
                    .ok()
                    .or_else(|| match parse_timeline(value, written.span, plan) {
                        Ok(tl) if tl.milestones.is_empty() && tl.periods.len() == 1 => {
                            let i = tl.periods[0].interval;
                            (i.start == i.end).then_some(i.start)
                        }
                        _ => None,
                    });
            match day {
                Some(d) => peildatum = Some(d),
                None => diags.push(
                    Diagnostic::new(
                        FRONT_MATTER_PROBLEM,
                        Severity::Error,
                        tr!("report-bad-peildatum", value = crate::text::short(value)),
                    )
                    .with_primary(Label::new(file, written.span, tr!("report-bad-peildatum-label")))
                    .with_help(tr!("report-peildatum-help")),
                ),
            }
        }
    }
    Some(Box::new(Report {
        front,
        team,
        peildatum,
        peildatum_span,
    }))
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i + 1)
}

fn front_matter(
    file: SourceId,
    text: &str,
    bom: usize,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<(String, Spanned<String>)>, usize) {
    let rest = &text[bom..];
    let first_end = line_end(text, bom);
    let first = text[bom..first_end].trim_end();
    let delim = match first {
        "+++" => "+++",
        "---" => "---",
        _ => return (Vec::new(), bom),
    };
    // Find the closing delimiter line.
    let mut pos = first_end;
    let close = loop {
        if pos >= text.len() {
            break None;
        }
        let end = line_end(text, pos);
        if text[pos..end].trim_end() == delim {
            break Some((pos, end));
        }
        pos = end;
    };
    let Some((close_start, close_end)) = close else {
        if delim == "+++" {
            diags.push(
                Diagnostic::new(FRONT_MATTER_PROBLEM, Severity::Error, tr!("front-matter-unclosed"))
                    .with_primary(Label::new(
                        file,
                        Span::new(bom, bom + 3),
                        tr!("front-matter-starts-here"),
                    ))
                    .with_help(tr!("front-matter-unclosed-help")),
            );
        }
        return (Vec::new(), bom);
    };
    if delim == "---" {
        let _ = rest;
        diags.push(
            Diagnostic::new(FRONT_MATTER_PROBLEM, Severity::Error, tr!("front-matter-yaml"))
                .with_primary(Label::new(
                    file,
                    Span::new(bom, bom + 3),
                    tr!("front-matter-yaml-label"),
                ))
                .with_help(tr!("front-matter-yaml-help")),
        );
        return (Vec::new(), close_end);
    }
    let content = &text[first_end..close_start];
    let mut meta = Vec::new();
    match toml::from_str::<toml::Table>(content) {
        Ok(table) => {
            // Spans of values: find `key =` at a line start; good enough for messages.
            for (k, v) in table {
                let s = match v {
                    toml::Value::String(s) => Some(s),
                    // `peildatum = 2026-06-30`: a TOML date, kept as it is written.
                    toml::Value::Datetime(d) => Some(d.to_string()),
                    _ => None,
                };
                if let Some(s) = s {
                    let span = find_key_value(content, &k).map_or(Span::new(first_end, first_end), |(a, b)| {
                        Span::new(first_end + a, first_end + b)
                    });
                    meta.push((k, Spanned::new(s, span)));
                }
            }
        }
        Err(e) => {
            let span = e.span().map_or(Span::new(first_end, close_start), |r| {
                Span::new(first_end + r.start, first_end + r.end)
            });
            diags.push(
                Diagnostic::new(FRONT_MATTER_PROBLEM, Severity::Error, tr!("front-matter-invalid"))
                    .with_primary(Label::new(file, span, e.message().trim().to_owned()))
                    .with_help(tr!("front-matter-invalid-help")),
            );
        }
    }
    (meta, close_end)
}

fn find_key_value(content: &str, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(after) = t.strip_prefix(key)
            && after.trim_start().starts_with('=')
        {
            let start = offset + (line.len() - t.len());
            return Some((start, offset + line.trim_end().len()));
        }
        offset += line.len();
    }
    None
}

struct Extractor<'a> {
    text: &'a str,
    rules: &'a RuleSet,
    blocks: &'a Blocks,
    body_start: usize,
    /// The field each name as written stands for: a draft writes the same few names
    /// hundreds of times, and normalising one allocates.
    names: std::cell::RefCell<std::collections::HashMap<&'a str, Option<usize>>>,
    /// A progress report: its entries have the fields of the `voortgang` block.
    report: bool,
}

/// A line in the shape of a field (see `Extractor::field_line`).
struct FieldLine<'t> {
    /// The name, trimmed, without bold marks.
    name: &'t str,
    span: Span,
    /// Where the value starts (after the colon, spaces and a closing bold mark).
    value_start: usize,
    /// Written `**Naam:**` or `**Naam**:`.
    bold: bool,
    /// Written without bold marks: `Naam: waarde`.
    plain: bool,
    /// The rest of the line after the colon, trimmed.
    value: &'t str,
}

/// An action being built: where its body runs and the level of its heading.
struct Body {
    action: Option<usize>,
    level: u8,
    start: usize,
    end: usize,
}

impl<'a> Extractor<'a> {
    fn run(&self, doc: &mut Document) {
        let syntax = &self.rules.action;
        let headings: Vec<&markdown::Heading> = self
            .blocks
            .headings
            .iter()
            .filter(|h| h.range.start >= self.body_start)
            .collect();
        let mut bodies: Vec<Body> = Vec::new();
        for (k, h) in headings.iter().enumerate() {
            if h.level < syntax.min_level || h.level > syntax.max_level {
                continue;
            }
            let content = without_trailing_comments(self.text, trim_span(self.text, h.content));
            let raw = &self.text[content.range()];
            if !syntax.recognise.is_match(raw) {
                continue;
            }
            let (mut well_formed, mut id, mut title) = captures(&syntax.heading, raw, content);
            let mut gap = None;
            // `Actie TG-02 Doorverwijzen`: meant as an action, read as one, the missing
            // separator reported at its place.
            if !well_formed
                && let Some(loose) = &syntax.loose
                && let Some(c) = loose.captures(raw)
                && let Some(g) = c.name("gat")
            {
                (_, id, title) = captures(loose, raw, content);
                gap = Some(content.sub(g.start(), g.end()));
                well_formed = id.is_some() && title.is_some();
            }
            doc.headings.push(ActionHeading {
                text: Spanned::new(raw.to_owned(), content),
                id: id.clone(),
                title: title.clone(),
                well_formed,
                in_table: false,
                gap,
            });
            // The body runs to the next heading of the same or a higher level, or the next
            // action heading.
            let end = headings[k + 1..]
                .iter()
                .find(|n| {
                    n.level <= h.level
                        || (n.level <= syntax.max_level
                            && syntax
                                .recognise
                                .is_match(&self.text[trim_span(self.text, n.content).range()]))
                })
                .map_or(self.text.len(), |n| n.range.start);
            let extent = Span::new(h.range.start, end.max(h.range.end));
            let action = id.map(|id| {
                doc.actions.push(Action {
                    id,
                    title,
                    span: content,
                    extent,
                    fields: Vec::new(),
                    labels: Vec::new(),
                });
                doc.actions.len() - 1
            });
            bodies.push(Body {
                action,
                level: h.level,
                start: h.range.end,
                end,
            });
        }

        // Bodies are in document order and do not overlap (one ends at the next action
        // heading), so the body holding an offset is found by binary search.
        let body_of = |offset: usize| {
            let i = bodies.partition_point(|b| b.start <= offset);
            i.checked_sub(1).map(|i| &bodies[i]).filter(|b| offset < b.end)
        };

        // Sub-heading fields.
        for (k, h) in headings.iter().enumerate() {
            let Some(body) = body_of(h.range.start) else { continue };
            let Some(a) = body.action else { continue };
            if h.level <= body.level {
                continue;
            }
            let content = trim_span(self.text, h.content);
            let Some(def) = self.field_def(&self.text[content.range()]) else {
                continue;
            };
            let end = headings[k + 1..]
                .iter()
                .find(|n| n.level <= h.level)
                .map_or(body.end, |n| n.range.start.min(body.end));
            let value = trim_span(self.text, Span::new(h.range.end, end.max(h.range.end)));
            self.push_field(&mut doc.actions[a], def, content, value);
        }

        // List-item fields: an item whose head reads `Naam: waarde`, not nested in another
        // field (nested items under a field are part of its value, e.g. milestones).
        let mut is_field = vec![false; self.blocks.items.len()];
        let mut in_field = vec![false; self.blocks.items.len()];
        for (i, item) in self.blocks.items.iter().enumerate() {
            if let Some(p) = item.parent {
                in_field[i] = is_field[p] || in_field[p];
            }
            if in_field[i] {
                continue;
            }
            let (Some(head), Some(body)) = (item.head, body_of(item.range.start)) else {
                continue;
            };
            let Some(a) = body.action else { continue };
            let Some((name, value_start, def)) = self.split_field(head) else {
                if let Some(label) = self.label(head, true) {
                    doc.actions[a].labels.push(label);
                }
                continue;
            };
            is_field[i] = true;
            let value = trim_span(
                self.text,
                Span::new(value_start, item.range.end.min(body.end).max(value_start)),
            );
            self.push_field(&mut doc.actions[a], def, name, value);
        }

        // Paragraph lines: `Eigenaar: Team X`; lines that follow and are not fields continue
        // the value.
        for para in &self.blocks.paragraphs {
            let Some(body) = body_of(para.start) else { continue };
            let Some(a) = body.action else { continue };
            let mut current: Option<(usize, Span, usize)> = None; // (def, name, value start)
            let mut pos = para.start;
            let mut last_end = para.start;
            let end = para.end.min(body.end);
            while pos < end {
                let le = line_end(self.text, pos).min(end);
                let line = trim_span(self.text, Span::new(pos, le));
                let split = self.split_field(line);
                if split.is_none()
                    && let Some(label) = self.label(line, false)
                {
                    doc.actions[a].labels.push(label);
                }
                if let Some((name, vstart, def)) = split {
                    if let Some((d, n, vs)) = current.take() {
                        let v = trim_span(self.text, Span::new(vs, last_end.max(vs)));
                        self.push_field(&mut doc.actions[a], d, n, v);
                    }
                    current = Some((def, name, vstart));
                }
                last_end = line.end;
                pos = le;
            }
            if let Some((d, n, vs)) = current {
                let v = trim_span(self.text, Span::new(vs, last_end.max(vs)));
                self.push_field(&mut doc.actions[a], d, n, v);
            }
        }

        self.tables(doc);
        for a in &mut doc.actions {
            a.fields.sort_by_key(|f| f.name.span.start);
            a.labels.sort_by_key(|l| l.span.start);
        }
        if doc.actions.is_empty() {
            doc.field_heading = self.field_heading(&headings);
        }
        self.waivers(doc);
    }

    /// The first heading, not meant as an action, with a field line under it (before the
    /// next heading): `### 1. Regionale terugbellijn` followed by `- **Eigenaar:** …`. One
    /// pass over the items and paragraph lines, each placed under its heading by binary
    /// search: a file of many headings and lines stays linear.
    fn field_heading(&self, headings: &[&markdown::Heading]) -> Option<Spanned<String>> {
        let syntax = &self.rules.action;
        // The heading a position lies under (after its end, before the next one starts).
        let under = |at: usize| {
            let k = headings.partition_point(|h| h.range.end <= at).checked_sub(1)?;
            let next = headings.get(k + 1).map_or(self.text.len(), |n| n.range.start);
            (at < next).then_some(k)
        };
        let mut best: Option<usize> = None;
        let mut consider = |k: usize, line: Span| {
            if best.is_some_and(|b| b <= k) || self.split_field(line).is_none() {
                return;
            }
            let content = without_trailing_comments(self.text, trim_span(self.text, headings[k].content));
            let raw = &self.text[content.range()];
            if !raw.is_empty() && !syntax.recognise.is_match(raw) {
                best = Some(k);
            }
        };
        for item in &self.blocks.items {
            if let (Some(head), Some(k)) = (item.head, under(item.range.start)) {
                consider(k, head);
            }
        }
        for p in &self.blocks.paragraphs {
            let Some(k) = under(p.start) else { continue };
            let mut pos = p.start;
            while pos < p.end {
                let le = line_end(self.text, pos).min(p.end);
                consider(k, trim_span(self.text, Span::new(pos, le)));
                pos = le;
            }
        }
        let h = headings[best?];
        let content = without_trailing_comments(self.text, trim_span(self.text, h.content));
        Some(Spanned::new(self.text[content.range()].to_owned(), content))
    }

    /// A field-like label that names no field: `**Budget:** 40 uur` (bold, in a list item
    /// or on a line of a paragraph), or `Eigenaaar: Team X` at the head of a list item
    /// (`plain`). A label is one to four words of letters: `Q3 2026: besluit` (a milestone)
    /// or `https://…` is not one.
    fn label(&self, head: Span, plain: bool) -> Option<Spanned<String>> {
        let l = self.field_line(head)?;
        let shaped = if l.plain {
            plain
                && !l.value.is_empty()
                && !l.value.starts_with("//")
                && l.name.chars().next().is_some_and(char::is_uppercase)
        } else {
            l.bold
        };
        (shaped && is_label_name(l.name)).then(|| Spanned::new(l.name.to_owned(), l.span))
    }

    /// `<!-- kader: negeer RULE "reden" -->`, each with the action it stands in.
    fn waivers(&self, doc: &mut Document) {
        static WAIVER: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(
                r#"(?s)<!--\s*kader\s*:\s*(?:negeer|ignore)\b\s*(?P<rule>[^\s"]+)?\s*(?P<target>[^\s"-][^\s"]*)?\s*(?:"(?P<reason>[^"]*)")?\s*(?:(?:tot|until)\s+(?P<until>.*?)\s*-->|.*?-->)"#,
            )
            .expect("valid")
        });
        // Any other `<!-- kader: … -->` is a waiver kader cannot read: it becomes a waiver
        // without a rule, which `waiver-reden` reports, so it is never silently ignored.
        static ANY: std::sync::LazyLock<Regex> =
            std::sync::LazyLock::new(|| Regex::new(r"(?s)<!--\s*kader\s*:.*?-->").expect("valid"));
        let mut seen = std::collections::HashSet::new();
        for &span in &self.blocks.html {
            // A comment over several lines inside a paragraph comes as one piece of HTML per
            // line: read it on to its `-->`, so a waiver written over two lines counts.
            let mut span = span;
            let piece = &self.text[span.range()];
            if let Some(open) = piece.rfind("<!--")
                && !piece[open..].contains("-->")
                && let Some(close) = self.text[span.end..].find("-->")
            {
                span = Span::new(span.start, span.end + close + 3);
            }
            let text = &self.text[span.range()];
            for c in WAIVER.captures_iter(text) {
                let whole = c.get(0).expect("match");
                let at = span.sub(whole.start(), whole.end());
                if at.start < self.body_start || !seen.insert(at) {
                    continue;
                }
                let spanned = |name: &str| {
                    c.name(name)
                        .map(|m| Spanned::new(m.as_str().to_owned(), span.sub(m.start(), m.end())))
                };
                // `negeer RULE tot …` without a reason: `tot` is not a target.
                let target = spanned("target")
                    .filter(|t| !t.value.eq_ignore_ascii_case("tot") && !t.value.eq_ignore_ascii_case("until"));
                let action = doc
                    .actions
                    .iter()
                    .filter(|a| a.extent.start <= at.start && at.end <= a.extent.end)
                    .min_by_key(|a| a.extent.len())
                    .map(|a| (a.id.value.clone(), a.extent));
                let until = spanned("until").filter(|u| !u.value.is_empty());
                let until_time = until.as_ref().map(|u| {
                    let plan = PlanPeriod {
                        start: self.rules.plan.start,
                        end: self.rules.plan.end,
                    };
                    parse_timeline(&u.value, u.span, plan)
                });
                doc.waivers.push(Waiver {
                    span: at,
                    rule: spanned("rule"),
                    target,
                    reason: spanned("reason"),
                    action,
                    until,
                    until_time,
                });
            }
            for m in ANY.find_iter(text) {
                let at = span.sub(m.start(), m.end());
                if at.start < self.body_start
                    || doc.waivers.iter().any(|w| w.span.start == at.start)
                    || !seen.insert(at)
                {
                    continue;
                }
                let action = doc
                    .actions
                    .iter()
                    .filter(|a| a.extent.start <= at.start && at.end <= a.extent.end)
                    .min_by_key(|a| a.extent.len())
                    .map(|a| (a.id.value.clone(), a.extent));
                doc.waivers.push(Waiver {
                    span: at,
                    rule: None,
                    target: None,
                    reason: None,
                    action,
                    until: None,
                    until_time: None,
                });
            }
        }
        doc.waivers.sort_by_key(|w| w.span.start);
    }

    fn tables(&self, doc: &mut Document) {
        let Some(cell_re) = &self.rules.action.cell else { return };
        for table in &self.blocks.tables {
            if table.header.first().is_some_and(|h| h.start < self.body_start) {
                continue;
            }
            let names: Vec<String> = table
                .header
                .iter()
                .map(|s| normalize_name(&self.text[s.range()]))
                .collect();
            let Some(key) = names.iter().position(|n| self.rules.action.table_keys.contains(n)) else {
                continue;
            };
            let columns: Vec<Option<usize>> = table
                .header
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if i == key {
                        None
                    } else {
                        self.field_def(&self.text[s.range()])
                    }
                })
                .collect();
            if columns.iter().all(Option::is_none) {
                continue;
            }
            // Header cells that look like a field name but name none: reported once, with
            // the table's first action.
            let mut header_labels: Vec<Spanned<String>> = table
                .header
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != key && columns[i].is_none())
                .map(|(_, &s)| without_trailing_comments(self.text, trim_span(self.text, s)))
                .filter(|s| is_label_name(&self.text[s.range()]))
                .map(|s| Spanned::new(self.text[s.range()].to_owned(), s))
                .collect();
            for row in &table.rows {
                let Some(&cell) = row.get(key) else { continue };
                let cell = without_trailing_comments(self.text, trim_span(self.text, cell));
                let raw = &self.text[cell.range()];
                let (well_formed, id, title) = captures(cell_re, raw, cell);
                doc.headings.push(ActionHeading {
                    text: Spanned::new(raw.to_owned(), cell),
                    id: id.clone(),
                    title: title.clone(),
                    well_formed,
                    in_table: true,
                    gap: None,
                });
                let Some(id) = id else { continue };
                let extent = row
                    .first()
                    .zip(row.last())
                    .map_or(cell, |(a, b)| Span::new(a.start, b.end.max(a.start)));
                let mut action = Action {
                    id,
                    title,
                    span: cell,
                    extent,
                    fields: Vec::new(),
                    labels: Vec::new(),
                };
                for (c, def) in columns.iter().enumerate() {
                    let (Some(def), Some(&value)) = (def, row.get(c)) else {
                        continue;
                    };
                    let name = trim_span(self.text, table.header[c]);
                    let trimmed = trim_span(self.text, value);
                    // An empty cell keeps its blank span, so a finding can point at it.
                    let value = if trimmed.is_empty() { value } else { trimmed };
                    self.push_field(&mut action, *def, name, value);
                }
                action.labels = std::mem::take(&mut header_labels);
                doc.actions.push(action);
            }
        }
    }

    fn field_def(&self, name: &'a str) -> Option<usize> {
        if let Some(&def) = self.names.borrow().get(name) {
            return def;
        }
        let def = self.field_def_uncached(name);
        self.names.borrow_mut().insert(name, def);
        def
    }

    fn field_def_uncached(&self, name: &str) -> Option<usize> {
        let key = normalize_name(name);
        if key.is_empty() {
            return None;
        }
        self.rules
            .fields
            .iter()
            .position(|f| f.report == self.report && f.keys.contains(&key))
    }

    /// The shape of a field line, whatever the name: `**Naam:** waarde`, `**Naam**: waarde`
    /// or `Naam: waarde`. Both the fields and the labels that name none are read with it.
    fn field_line(&self, head: Span) -> Option<FieldLine<'a>> {
        let line_end = self.text[head.range()].find('\n').map_or(head.end, |i| head.start + i);
        let line = &self.text[head.start..line_end];
        let lead = line.len() - line.trim_start().len();
        let mut i = lead;
        let strong = ["**", "__"].iter().find(|m| line[i..].starts_with(**m)).copied();
        if let Some(m) = strong {
            i += m.len();
        }
        let colon = line[i..].find(':')? + i;
        let name_raw = &line[i..colon];
        if name_raw.len() > 80 || name_raw.trim().is_empty() {
            return None;
        }
        let name = name_raw.trim().trim_end_matches(['*', '_']).trim_end();
        let name_start = head.start + i + (name_raw.len() - name_raw.trim_start().len());
        let after = &line[colon + 1..];
        let after_trim = after.trim_start();
        let mut v = colon + 1 + (after.len() - after_trim.len());
        if let Some(m) = strong
            && after_trim.starts_with(m)
        {
            v += m.len();
        }
        Some(FieldLine {
            name,
            span: Span::new(name_start, name_start + name.len()),
            value_start: head.start + v,
            // `**Naam:**` or `**Naam**:`: the bold run ends at the colon.
            bold: strong.is_some_and(|m| name_raw.trim_end().ends_with(m) || after.starts_with(m)),
            plain: strong.is_none(),
            value: after.trim(),
        })
    }

    /// `**Naam:** waarde`, `**Naam**: waarde` or `Naam: waarde` where Naam is a known field.
    /// Returns the name span, where the value starts, and the field.
    fn split_field(&self, head: Span) -> Option<(Span, usize, usize)> {
        let l = self.field_line(head)?;
        let def = self.field_def(l.name)?;
        Some((l.span, l.value_start, def))
    }

    fn push_field(&self, action: &mut Action, def: usize, name: Span, mut value: Span) {
        if action.field(def).is_some() {
            return; // the first occurrence counts
        }
        let mut raw = self.text[value.range()].to_owned();
        // An HTML comment is invisible in the plan as read: it is not part of the value
        // (`- **IEP:** ... <!-- nog aanvullen -->`). Blanked, so positions stay.
        if raw.contains("<!--") {
            raw = blank_comments(&raw);
            raw.truncate(raw.trim_end().len());
            value = Span::new(value.start, value.start + raw.len());
        }
        let links = match self.rules.fields[def].kind {
            FieldKind::Links(_) | FieldKind::Actions => parse_links(&raw, value),
            _ => Vec::new(),
        };
        let time = (self.rules.fields[def].kind == FieldKind::Time && !raw.trim().is_empty()).then(|| {
            let plan = PlanPeriod {
                start: self.rules.plan.start,
                end: self.rules.plan.end,
            };
            Box::new(parse_timeline(&raw, value, plan))
        });
        let amounts = (self.rules.fields[def].kind == FieldKind::Amount).then(|| Box::new(read_amounts(&raw, value)));
        action.fields.push(Field {
            def,
            name: Spanned::new(self.text[name.range()].to_owned(), name),
            value: Spanned::new(raw, value),
            links,
            time,
            amounts,
            facts: std::sync::OnceLock::new(),
        });
    }
}

/// One to four words of letters (and `-'’()/&`), at most 40 bytes: what a field name
/// looks like.
fn is_label_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (1..=4).contains(&words)
        && letters >= 2
        && name.len() <= 40
        && name.chars().next().is_some_and(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '(' | ')' | '/' | '&'))
}

/// HTML comments replaced by spaces (line breaks kept), so every position stays put.
fn blank_comments(text: &str) -> String {
    static COMMENT: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("valid"));
    let mut out = text.to_owned();
    for m in COMMENT.find_iter(text) {
        // Same byte length: a multi-byte character becomes as many spaces as it had bytes.
        let blank: String = m
            .as_str()
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_owned()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        out.replace_range(m.range(), &blank);
    }
    out
}

/// The span without HTML comments at its end (`### Actie HA-01: X <!-- kader: ... -->`):
/// they are not part of what the reader sees.
fn without_trailing_comments(text: &str, s: Span) -> Span {
    let slice = &text[s.range()];
    let Some(i) = slice.find("<!--") else { return s };
    if !blank_comments(&slice[i..]).trim().is_empty() {
        return s;
    }
    trim_span(text, Span::new(s.start, s.start + i))
}

/// The span without surrounding whitespace (including `\r`).
fn trim_span(text: &str, s: Span) -> Span {
    let slice = &text[s.range()];
    let start = s.start + (slice.len() - slice.trim_start().len());
    let end = s.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

/// The `id` and `titel` groups of a heading or cell pattern, and whether it matched at all
/// (one search for both: it runs for every heading and every table row).
fn captures(re: &Regex, raw: &str, at: Span) -> (bool, Option<Spanned<String>>, Option<Spanned<String>>) {
    let Some(c) = re.captures(raw) else {
        return (false, None, None);
    };
    let get = |name: &str| {
        c.name(name).and_then(|m| {
            // A waiver comment after the title is not part of it.
            let text = m.as_str().split("<!--").next().unwrap_or("");
            let s = text.trim();
            if s.is_empty() {
                return None;
            }
            let off = m.start() + (text.len() - text.trim_start().len());
            Some(Spanned::new(s.to_owned(), at.sub(off, off + s.len())))
        })
    };
    (true, get("id"), get("titel"))
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The IDs at the start of a link field, each with its span, and a title after the last.
///
/// `HA.ARB.2 Vernieuwende oplossingen` → `HA.ARB.2` titled "Vernieuwende oplossingen";
/// `IW.TOE, IW.PER` → two IDs. An ID is letters and digits joined by `.` or `-`. After a
/// separator (`,`, `;`, `/`, `&`, `en`) a further ID must look like one (a dot, a digit, or
/// at most four capitals), so a title that follows a comma stays a title.
pub fn parse_links(raw: &str, at: Span) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    let bytes = raw.as_bytes();
    let mut pos = 0;
    let skip_ws_marks = |mut p: usize| {
        while p < raw.len() && (bytes[p].is_ascii_whitespace() || matches!(bytes[p], b'*' | b'_' | b'`')) {
            p += 1;
        }
        p
    };
    let token = |p: usize| -> Option<usize> {
        let mut end = p;
        let mut chars = raw[p..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_id_char(c) {
                end = p + i + c.len_utf8();
            } else if matches!(c, '.' | '-') && chars.peek().is_some_and(|(_, n)| is_id_char(*n)) && end == p + i {
                continue;
            } else {
                break;
            }
        }
        (end > p).then_some(end)
    };
    let looks_like_id = |t: &str| {
        t.contains(['.', '-'])
            || t.chars().any(|c| c.is_ascii_digit())
            || (t.len() <= 4 && t.chars().all(|c| c.is_ascii_uppercase()))
    };
    pos = skip_ws_marks(pos);
    let Some(end) = token(pos) else { return links };
    links.push(Link {
        id: Spanned::new(raw[pos..end].to_owned(), at.sub(pos, end)),
        title: None,
    });
    pos = end;
    loop {
        let p = skip_ws_marks(pos);
        let rest = &raw[p..];
        let sep = if rest.starts_with([',', ';', '/', '&']) {
            Some(1)
        } else if rest.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("en ")) {
            Some(3)
        } else {
            None
        };
        let Some(sep) = sep else { break };
        let q = skip_ws_marks(p + sep);
        let Some(end) = token(q) else { break };
        if !looks_like_id(&raw[q..end]) {
            break;
        }
        links.push(Link {
            id: Spanned::new(raw[q..end].to_owned(), at.sub(q, end)),
            title: None,
        });
        pos = end;
    }
    // A title after the last ID: strip separators and brackets around it.
    let rest = &raw[pos..];
    let trimmed = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '`' | ':' | '-' | '–' | '—' | '(' | ',')
    });
    let trimmed = trimmed.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ')' | '.'));
    if !trimmed.is_empty() && !trimmed.contains('\n') {
        let off = pos
            + (rest.len()
                - rest
                    .trim_start_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '*' | '_' | '`' | ':' | '-' | '–' | '—' | '(' | ',')
                    })
                    .len());
        if let Some(last) = links.last_mut() {
            last.title = Some(Spanned::new(trimmed.to_owned(), at.sub(off, off + trimmed.len())));
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(raw: &str) -> Vec<(String, Option<String>)> {
        parse_links(raw, Span::new(0, raw.len()))
            .into_iter()
            .map(|l| (l.id.value, l.title.map(|t| t.value)))
            .collect()
    }

    #[test]
    fn links_and_titles() {
        assert_eq!(
            ids("HA.ARB.2 Vernieuwende oplossingen"),
            vec![("HA.ARB.2".into(), Some("Vernieuwende oplossingen".into()))]
        );
        assert_eq!(
            ids("IW.TOE, IW.PER"),
            vec![("IW.TOE".into(), None), ("IW.PER".into(), None)]
        );
        assert_eq!(
            ids("T6, T8, O.MWG"),
            vec![("T6".into(), None), ("T8".into(), None), ("O.MWG".into(), None)]
        );
        assert_eq!(
            ids("SZ.TOE – Toegankelijkheid"),
            vec![("SZ.TOE".into(), Some("Toegankelijkheid".into()))]
        );
        assert_eq!(
            ids("HA-01 en HA-02"),
            vec![("HA-01".into(), None), ("HA-02".into(), None)]
        );
        assert_eq!(ids("geen"), vec![("geen".into(), None)]);
        assert_eq!(
            ids("HA.TOE.1, Telefonie"),
            vec![("HA.TOE.1".into(), Some("Telefonie".into()))]
        );
    }

    #[test]
    fn link_spans_point_at_each_id() {
        let raw = "HA.TOE.1, WK.WGW.1";
        let l = parse_links(raw, Span::new(100, 100 + raw.len()));
        assert_eq!(l[1].id.span, Span::new(110, 118));
    }
}
