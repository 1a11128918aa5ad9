//! Source files and byte spans.
//!
//! Owns: the text of every file kader reads (drafts, rule files, registers), as read, and
//! the conversion from byte offsets to 1-based line and character column.
//! Must not: interpret the text. Everything else in kader carries byte `Span`s; lines and
//! columns are computed here only, and only when a diagnostic is rendered.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A byte range into one source file, as read (BOM and `\r` included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The sub-span `start..end`, relative to this span's start.
    pub fn sub(self, start: usize, end: usize) -> Span {
        Span::new(self.start + start, self.start + end)
    }

    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub u32);

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A 1-based line and column (in Unicode characters), plus the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// One file's text with its line index.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or as found under a directory), with `/` separators.
    pub name: String,
    pub text: String,
    /// Built on first use: only files with a finding to render need it.
    lines: std::sync::OnceLock<LineIndex>,
    /// A Word draft: where each of its paragraphs stands in `text` (its Markdown form).
    pub paragraphs: Option<Vec<Paragraph>>,
}

/// A paragraph of a Word draft (for a table row: its first paragraph), 1-based as counted
/// in the document, and the bytes of `text` it became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub number: u32,
    pub span: Span,
    /// The heading it stands under (its text in the Markdown form, without `#`).
    pub heading: Option<Span>,
}

impl SourceFile {
    /// The Word paragraph a span starts in, and the span's characters within it:
    /// (paragraph, start, end), `end` at most the paragraph's end.
    pub fn paragraph_of(&self, span: Span) -> Option<(u32, usize, usize)> {
        let p = self.paragraph_at(span)?;
        let chars = |a: usize, b: usize| self.text.get(a..b).map_or(0, |t| t.chars().count());
        let end = span.end.min(p.span.end).max(span.start);
        Some((p.number, chars(p.span.start, span.start), chars(p.span.start, end)))
    }

    /// The heading a Word paragraph stands under, as its text.
    pub fn heading_of(&self, span: Span) -> Option<&str> {
        let h = self.paragraph_at(span)?.heading?;
        self.text.get(h.range())
    }

    fn paragraph_at(&self, span: Span) -> Option<Paragraph> {
        let paras = self.paragraphs.as_ref()?;
        let i = paras.partition_point(|p| p.span.start <= span.start).checked_sub(1)?;
        let p = paras[i];
        (span.start <= p.span.end).then_some(p)
    }
}

#[derive(Debug)]
struct LineIndex {
    /// Byte offset of the start of every line. Line breaks are `\n`, `\r\n` and a lone `\r`.
    starts: Vec<usize>,
    /// Every `MARK` bytes (at a character boundary): (byte offset, characters before it). A
    /// column on a line of megabytes is then counted from the nearest mark, not from the
    /// line's start: thousands of findings on one long line stay linear.
    marks: Vec<(usize, usize)>,
}

/// The distance between two marks of a `LineIndex`.
const MARK: usize = 4096;

const BOM: &str = "\u{feff}";

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            lines: std::sync::OnceLock::new(),
            paragraphs: None,
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        let mut marks = vec![(0, 0)];
        let mut at = 0;
        let mut chars = 0;
        while at + MARK < text.len() {
            let mut next = at + MARK;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[at..next].chars().count();
            marks.push((next, chars));
            at = next;
        }
        LineIndex { starts, marks }
    }

    /// Characters before a byte offset (a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let (byte, chars) = self.marks[self.marks.partition_point(|&(b, _)| b <= offset) - 1];
        chars + text[byte..offset].chars().count()
    }
}

impl SourceFile {
    /// Length in bytes of a leading UTF-8 byte order mark (0 or 3).
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with(BOM) { BOM.len() } else { 0 }
    }

    /// Line and character column of a byte offset. The BOM is not counted as a character and
    /// `\r` belongs to the line break, so neither shifts a position.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.lines().starts.partition_point(|&s| s <= offset) - 1;
        let mut start = self.lines().starts[line];
        if line == 0 {
            start = start.max(self.bom_len().min(offset));
        }
        // An offset inside a multi-byte character counts that character.
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = if end - start < MARK {
            self.text[start..end].chars().count()
        } else {
            self.lines().chars_before(&self.text, end) - self.lines().chars_before(&self.text, start)
        } + 1;
        Position {
            line: line + 1,
            column,
            offset,
        }
    }

    /// The number of characters before a byte offset (the BOM counts as one).
    pub fn char_offset(&self, offset: usize) -> usize {
        self.chars_between(0, offset)
    }

    /// The number of characters from byte offset `from` (a character boundary) to `to`, in
    /// time proportional to the distance: what a label in a snippet needs.
    pub fn chars_between(&self, from: usize, to: usize) -> usize {
        let mut to = to.min(self.text.len()).max(from);
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        self.text[from..to].chars().count()
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The byte offset where 1-based line `line` starts, if the file has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.lines().starts.get(line.checked_sub(1)?).copied()
    }

    /// The byte span of the line (without its break) that holds `offset`.
    pub fn line_span(&self, offset: usize) -> Span {
        let line = self.lines().starts.partition_point(|&s| s <= offset) - 1;
        let start = self.lines().starts[line];
        let mut end = self.lines().starts.get(line + 1).copied().unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }
}

/// Every file of one run, addressed by [`SourceId`]. Files are shared, so a plan can start
/// from the sources of a rule set loaded once without copying them.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<Arc<SourceFile>>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> SourceId {
        self.files.push(Arc::new(file));
        SourceId((self.files.len() - 1) as u32)
    }

    /// Put a new text in the place of file `id` (an edited draft keeps its id).
    pub fn replace(&mut self, id: SourceId, file: SourceFile) {
        self.files[id.0 as usize] = Arc::new(file);
    }

    pub fn get(&self, id: SourceId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (SourceId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (SourceId(i as u32), &**f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn columns_on_a_line_of_megabytes_count_characters() {
        let line = "€ é x ".repeat(100_000);
        let text = format!("\u{feff}kop\n{line}\nslot");
        let f = SourceFile::new("t.md", text.clone());
        let start = text.find('€').unwrap();
        for offset in [
            start,
            start + 5,
            start + 4097,
            start + 300_001,
            text.rfind('x').unwrap(),
        ] {
            let mut end = offset;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let p = f.position(offset);
            assert_eq!(p.line, 2);
            assert_eq!(p.column, text[start..end].chars().count() + 1, "at {offset}");
        }
        assert_eq!(f.position(3).column, 1, "the BOM is no character");
        assert_eq!(f.position(4).column, 2);
    }
    use super::*;

    #[test]
    fn crlf_and_bom_do_not_shift_positions() {
        let lf = SourceFile::new("a", "# Plan\nEigenaar: é x\n");
        let crlf = SourceFile::new("b", "\u{feff}# Plan\r\nEigenaar: é x\r\n");
        let x_lf = lf.text.find('x').unwrap();
        let x_crlf = crlf.text.find('x').unwrap();
        let (p, q) = (lf.position(x_lf), crlf.position(x_crlf));
        assert_eq!((p.line, p.column), (2, 13));
        assert_eq!((q.line, q.column), (2, 13));
        assert_eq!(crlf.position(3).column, 1, "the BOM is not a column");
        assert_eq!(crlf.line_span(x_crlf), Span::new(11, 25));
        for f in [&lf, &crlf] {
            for o in 0..=f.text.len() {
                if f.text.is_char_boundary(o) {
                    assert_eq!(f.char_offset(o), f.text[..o].chars().count());
                }
            }
        }
    }

    #[test]
    fn lone_cr_is_a_line_break() {
        let f = SourceFile::new("a", "a\rb\n");
        assert_eq!(f.position(2).line, 2);
    }
}
