//! Human output: ariadne reports with kind words and help lines in the run's language.
//!
//! ariadne prints `Help:`/`Note:` in English, so help and notes are written below the
//! report as `= hulp:` / `= noot:` lines (`= help:` / `= note:` in English).
//!
//! Colour is produced unless the binary said no terminal will show it ([`set_color`]);
//! the caller's `anstream` writer strips what a given stream should not get. Reports are
//! rendered in parallel chunks, each chunk into its own buffer, and written in order.

use std::fmt;
use std::io::{self, Write};

use ariadne::{Color, Config, IndexType, Label as ALabel, Report, ReportKind};

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr;
use crate::source::{SourceId, Sources, Span};
use crate::text::{visible, visible_lines};

/// Above this many characters a line is not shown (ariadne would print all of it).
const MAX_SNIPPET_LINE: usize = 1000;

type ASpan = (Key, std::ops::Range<usize>);

/// A file and which window of it (labels far apart in one file get a window each).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
struct Key(SourceId, String, usize);

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

/// What ariadne gets of one file for one report: the whole lines the labels are on (and
/// those between), numbered as in the file (`with_display_line_offset`). ariadne walks the
/// lines of the text it is given for every report, so whole files made reporting
/// quadratic: 8 MB/s on a 50 MB draft with 7,000 findings.
struct Window {
    key: Key,
    source: ariadne::Source<String>,
    /// Byte range of the window in the file.
    start: usize,
    end: usize,
}

/// The windows of one report, as an ariadne cache.
struct Windows(Vec<Window>);

impl ariadne::Cache<Key> for Windows {
    type Storage = String;

    fn fetch(&mut self, id: &Key) -> Result<&ariadne::Source<String>, impl fmt::Debug> {
        self.0
            .iter()
            .find(|w| w.key == *id)
            .map(|w| &w.source)
            .ok_or("no such file")
    }

    fn display<'a>(&self, id: &'a Key) -> Option<impl fmt::Display + 'a> {
        Some(id.1.clone())
    }
}

/// Labels further apart than this many lines get windows of their own, so one report never
/// copies and indexes a large part of a file.
const WINDOW_GAP: usize = 40;

impl Windows {
    /// Windows covering the given spans: per file, spans within `WINDOW_GAP` lines of each
    /// other share one.
    fn new(sources: &Sources, spans: &[(SourceId, Span)]) -> Self {
        let mut sorted: Vec<(SourceId, Span)> = spans.to_vec();
        sorted.sort_by_key(|(id, sp)| (*id, sp.start));
        let mut windows: Vec<Window> = Vec::new();
        let mut group: Vec<Span> = Vec::new();
        let flush = |id: SourceId, group: &mut Vec<Span>, windows: &mut Vec<Window>| {
            if group.is_empty() {
                return;
            }
            let file = sources.get(id);
            let lo = group.iter().map(|sp| sp.start).min().unwrap_or(0);
            let hi = group.iter().map(|sp| sp.end).max().unwrap_or(0).max(lo);
            let mut start = file.line_span(lo).start;
            // Without the BOM, so columns on line 1 are right.
            if start == 0 {
                start = file.bom_len();
            }
            let end = file.line_span(hi).end.max(start);
            let first_line = file.position(start).line - 1;
            let n = windows.iter().filter(|w| w.key.0 == id).count();
            windows.push(Window {
                key: Key(id, visible(&file.name).into_owned(), n),
                // Control characters from the draft are shown, not sent to the terminal.
                source: ariadne::Source::from(visible_lines(&file.text[start..end]).into_owned())
                    .with_display_line_offset(first_line),
                start,
                end,
            });
            group.clear();
        };
        let mut current: Option<(SourceId, usize)> = None;
        for (id, sp) in sorted {
            let line = sources.get(id).position(sp.start).line;
            let end_line = sources.get(id).position(sp.end).line;
            match current {
                Some((cid, last)) if cid == id && line <= last + WINDOW_GAP => {
                    current = Some((id, last.max(end_line)));
                }
                _ => {
                    if let Some((cid, _)) = current {
                        flush(cid, &mut group, &mut windows);
                    }
                    current = Some((id, end_line));
                }
            }
            group.push(sp);
        }
        if let Some((cid, _)) = current {
            flush(cid, &mut group, &mut windows);
        }
        Windows(windows)
    }

    /// The window a span is in.
    fn of(&self, id: SourceId, span: Span) -> &Window {
        let mine = || self.0.iter().filter(move |w| w.key.0 == id);
        mine()
            .find(|w| w.start <= span.start && span.start <= w.end)
            .or_else(|| mine().rfind(|w| w.start <= span.start))
            .or_else(|| mine().next())
            .expect("a window per labelled file")
    }

    /// A byte span as a range of characters in its window.
    ///
    /// ariadne 0.6 has `IndexType::Byte`, but for a label group in a second file it looks up
    /// a character offset as a byte offset (`write.rs`, the group header), so headers of
    /// multi-file reports name the wrong line. Character offsets are consistent everywhere;
    /// counted from the window's start, they cost the window's length.
    fn label(&self, sources: &Sources, id: SourceId, span: Span) -> ASpan {
        let file = sources.get(id);
        let w = self.of(id, span);
        let c = |o: usize| file.chars_between(w.start, o);
        (w.key.clone(), c(span.start)..c(span.end))
    }
}

/// Render one diagnostic (rule-file problems; tests).
pub fn render(diag: &Diagnostic, sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    render_all(std::slice::from_ref(diag), sources, out)
}

static COLOR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Whether reports carry colour codes at all. The binary turns this off when neither
/// stdout nor stderr shows colour, so no time goes into codes that are stripped again.
pub fn set_color(on: bool) {
    COLOR.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// See [`set_color`]: when it is off, standard output is written without anstream, so
/// nothing may write colour or terminal codes.
pub fn color() -> bool {
    COLOR.load(std::sync::atomic::Ordering::Relaxed)
}

/// Below this many reports, rendering in parallel costs more than it saves.
const PARALLEL_FROM: usize = 64;

/// Render many diagnostics, in order.
pub fn render_all(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;

    let color = COLOR.load(std::sync::atomic::Ordering::Relaxed);
    if diags.len() < PARALLEL_FROM {
        for d in diags {
            render_one(d, sources, color, out)?;
        }
        return Ok(());
    }
    // Chunks keep the number of buffers (and of writes) small.
    let chunk = diags.len().div_ceil(rayon::current_num_threads() * 8).max(16);
    // The workers speak the language of the report.
    let lang = crate::i18n::current();
    let rendered: Vec<io::Result<Vec<u8>>> = diags
        .par_chunks(chunk)
        .map(|part| {
            crate::i18n::with_lang(lang, || {
                let mut buf = Vec::new();
                for d in part {
                    render_one(d, sources, color, &mut buf)?;
                }
                Ok(buf)
            })
        })
        .collect();
    for part in rendered {
        out.write_all(&part?)?;
    }
    Ok(())
}

fn render_one(diag: &Diagnostic, sources: &Sources, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let kind_word = diag.severity.word();
    let message = visible(&diag.message);
    let Some(primary) = &diag.primary else {
        let place = diag
            .file
            .map(|f| format!(" ({})", visible(&sources.get(f).name)))
            .unwrap_or_default();
        writeln!(out, "[{}] {kind_word}: {message}{place}", diag.rule)?;
        return footer(diag, out);
    };
    let file = sources.get(primary.source);
    let line = file.line_span(primary.span.start);
    if line.len() > MAX_SNIPPET_LINE {
        let p = file.position(primary.span.start);
        writeln!(out, "[{}] {kind_word}: {message}", diag.rule)?;
        writeln!(out, "   ╭─[ {}:{}:{} ]", visible(&file.name), p.line, p.column)?;
        writeln!(
            out,
            "   │ {}",
            visible(&tr!("human-line-too-long", label = primary.message.as_str()))
        )?;
        writeln!(out, "───╯")?;
        return footer(diag, out);
    }

    let mut all = vec![(primary, true)];
    all.extend(diag.labels.iter().map(|l| (l, false)));
    let spans: Vec<(SourceId, Span)> = all.iter().map(|(l, _)| (l.source, l.span)).collect();
    let windows = Windows::new(sources, &spans);
    let mut labels: Vec<(SourceId, usize, ALabel<ASpan>)> = Vec::new();
    for (l, is_primary) in all {
        let c = if is_primary { colour(diag.severity) } else { Color::Blue };
        labels.push((
            l.source,
            l.span.start,
            ALabel::new(windows.label(sources, l.source, l.span))
                .with_message(visible(&l.message))
                .with_color(c),
        ));
    }
    // Labels in source order render as one snippet (ariadne splits them otherwise), and the
    // primary file's labels come first: ariadne takes the header's file from the first group.
    labels.sort_by_key(|(source, start, _)| (*source != primary.source, *start));
    let config = Config::default().with_index_type(IndexType::Char).with_color(color);
    let report = Report::build(
        ReportKind::Custom(&kind_word, colour(diag.severity)),
        windows.label(sources, primary.source, primary.span),
    )
    .with_config(config)
    .with_code(&diag.rule)
    .with_message(&message)
    .with_labels(labels.into_iter().map(|(_, _, l)| l))
    .finish();
    report.write(windows, &mut *out)?;
    footer(diag, out)
}

fn footer(diag: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    let (help, note) = (tr!("human-help"), tr!("human-note"));
    for h in &diag.help {
        writeln!(out, "   = {help}: {}", visible(h))?;
    }
    for n in &diag.notes {
        writeln!(out, "   = {note}: {}", visible(n))?;
    }
    if let Some(w) = &diag.waived {
        writeln!(out, "   = {}: {}", tr!("human-waived"), visible(&w.reason))?;
    }
    writeln!(out)
}

/// Waived findings, listed apart with their reason so reviewers see every one.
pub fn render_waived(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    let waived: Vec<&Diagnostic> = diags.iter().filter(|d| d.waived.is_some()).collect();
    if waived.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", tr!("human-waived-heading", count = waived.len()))?;
    for d in waived {
        let place = match &d.primary {
            Some(p) => {
                let f = sources.get(p.source);
                let pos = f.position(p.span.start);
                format!("{}:{}:{}", visible(&f.name), pos.line, pos.column)
            }
            None => String::new(),
        };
        writeln!(out, "  [{}] {place} {}", d.rule, visible(&d.message))?;
        if let Some(w) = &d.waived {
            writeln!(out, "      {}: {}", tr!("human-reason"), visible(&w.reason))?;
        }
    }
    writeln!(out)
}
