//! Human output: ariadne reports with kind words and help lines in the run's language.
//!
//! ariadne prints `Help:`/`Note:` in English, so help and notes are written below the
//! report as `= hulp:` / `= noot:` lines (`= help:` / `= note:` in English). Colour is always produced and stripped by the
//! caller's `anstream` writer when it is off (ariadne's own switch leaks colour).

use std::fmt;
use std::io::{self, Write};

use ariadne::{Color, Config, IndexType, Label as ALabel, Report, ReportKind};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{SourceId, Sources, Span};

/// Above this many characters a line is not shown (ariadne would print all of it).
const MAX_SNIPPET_LINE: usize = 1000;

type ASpan = (Key, std::ops::Range<usize>);

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
struct Key(SourceId, String);

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.1)
    }
}

fn colour(s: Severity) -> Color {
    match s {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
        Severity::Note => Color::Cyan,
    }
}

/// Text given to ariadne: without the BOM, so columns on line 1 are right.
fn shown(sources: &Sources, id: SourceId) -> (&str, usize) {
    let f = sources.get(id);
    let bom = f.bom_len();
    (&f.text[bom..], bom)
}

/// A byte span as a range of characters in the text given to ariadne (which has no BOM).
///
/// ariadne 0.6 has `IndexType::Byte`, but for a label group in a second file it looks up a
/// character offset as a byte offset (`write.rs`, the group header), so headers of
/// multi-file reports name the wrong line. Character offsets are consistent everywhere; the
/// line index makes them cheap.
fn shift(file: &crate::source::SourceFile, span: Span) -> std::ops::Range<usize> {
    let bom = usize::from(file.bom_len() > 0);
    let c = |o: usize| file.char_offset(o).saturating_sub(bom);
    c(span.start)..c(span.end)
}

/// Render one diagnostic (rule-file problems; tests).
pub fn render(diag: &Diagnostic, sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    render_all(std::slice::from_ref(diag), sources, out)
}

/// Render many diagnostics with one source cache: ariadne indexes a file's lines when it is
/// added, so a cache per report would re-index a large file for every finding.
pub fn render_all(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    let mut ids: Vec<SourceId> = diags
        .iter()
        .flat_map(|d| d.primary.iter().chain(d.labels.iter()).map(|l| l.source))
        .collect();
    ids.sort();
    ids.dedup();
    let key = |id: SourceId| Key(id, sources.get(id).name.clone());
    // Borrowed text: no copy of a (possibly large) file.
    let mut cache = ariadne::sources(ids.into_iter().map(|id| (key(id), shown(sources, id).0)));
    for d in diags {
        render_one(d, sources, &mut cache, out)?;
    }
    Ok(())
}

fn render_one(
    diag: &Diagnostic,
    sources: &Sources,
    cache: &mut impl ariadne::Cache<Key>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let kind_word = diag.severity.word();
    let Some(primary) = &diag.primary else {
        let place = diag
            .file
            .map(|f| format!(" ({})", sources.get(f).name))
            .unwrap_or_default();
        writeln!(out, "[{}] {kind_word}: {}{place}", diag.rule, diag.message)?;
        return footer(diag, out);
    };
    let file = sources.get(primary.source);
    let line = file.line_span(primary.span.start);
    if line.len() > MAX_SNIPPET_LINE {
        let p = file.position(primary.span.start);
        writeln!(out, "[{}] {kind_word}: {}", diag.rule, diag.message)?;
        writeln!(out, "   ╭─[ {}:{}:{} ]", file.name, p.line, p.column)?;
        writeln!(
            out,
            "   │ {}",
            crate::tr!("human-line-too-long", label = primary.message.as_str())
        )?;
        writeln!(out, "───╯")?;
        return footer(diag, out);
    }

    let key = |id: SourceId| Key(id, sources.get(id).name.clone());
    let mut labels: Vec<(SourceId, usize, ALabel<ASpan>)> = Vec::new();
    let mut all = vec![(primary, true)];
    all.extend(diag.labels.iter().map(|l| (l, false)));
    for (l, is_primary) in all {
        let c = if is_primary { colour(diag.severity) } else { Color::Blue };
        labels.push((
            l.source,
            l.span.start,
            ALabel::new((key(l.source), shift(sources.get(l.source), l.span)))
                .with_message(&l.message)
                .with_color(c),
        ));
    }
    // Labels in source order render as one snippet (ariadne splits them otherwise), and the
    // primary file's labels come first: ariadne takes the header's file from the first group.
    labels.sort_by_key(|(source, start, _)| (*source != primary.source, *start));
    let config = Config::default().with_index_type(IndexType::Char).with_color(true);
    let report = Report::build(
        ReportKind::Custom(&kind_word, colour(diag.severity)),
        (key(primary.source), shift(sources.get(primary.source), primary.span)),
    )
    .with_config(config)
    .with_code(&diag.rule)
    .with_message(&diag.message)
    .with_labels(labels.into_iter().map(|(_, _, l)| l))
    .finish();
    let mut buf = Vec::new();
    report.write(cache, &mut buf)?;
    out.write_all(&buf)?;
    footer(diag, out)
}

fn footer(diag: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    let (help, note) = (crate::tr!("human-help"), crate::tr!("human-note"));
    for h in &diag.help {
        writeln!(out, "   = {help}: {h}")?;
    }
    for n in &diag.notes {
        writeln!(out, "   = {note}: {n}")?;
    }
    if let Some(w) = &diag.waived {
        writeln!(out, "   = {}: {}", crate::tr!("human-waived"), w.reason)?;
    }
    writeln!(out)
}

/// Waived findings, listed apart with their reason so reviewers see every one.
pub fn render_waived(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    let waived: Vec<&Diagnostic> = diags.iter().filter(|d| d.waived.is_some()).collect();
    if waived.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", crate::tr!("human-waived-heading", count = waived.len()))?;
    for d in waived {
        let place = match &d.primary {
            Some(p) => {
                let f = sources.get(p.source);
                let pos = f.position(p.span.start);
                format!("{}:{}:{}", f.name, pos.line, pos.column)
            }
            None => String::new(),
        };
        writeln!(out, "  [{}] {place} {}", d.rule, d.message)?;
        if let Some(w) = &d.waived {
            writeln!(out, "      {}: {}", crate::tr!("human-reason"), w.reason)?;
        }
    }
    writeln!(out)
}
