//! Word drafts: a `.docx` (Office Open XML) → the Markdown form of the same draft, which the
//! Markdown reader then reads; spans point into that text.
//!
//! Owns: reading the package (zip, with limits), paragraphs and runs, heading levels through
//! `styles.xml` (localised style IDs such as `Kop1`, custom styles based on a heading),
//! bullet and numbered lists through `numbering.xml`, bold runs (`**Eigenaar:**`), tables
//! (merged cells), line breaks, tracked changes (read as accepted: insertions kept,
//! deletions dropped), fields and hyperlinks (their text), custom properties as front
//! matter, and comments that are waivers (`kader: negeer …`).
//! Must not: know actions or fields; judge anything.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// The largest uncompressed part kader reads (document.xml and the others).
pub const MAX_PART: u64 = 64 * 1024 * 1024;
/// The largest ratio of uncompressed to compressed size of a part: more is a zip bomb.
pub const MAX_RATIO: u64 = 100;

/// Why a Word file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip package (a `.doc`, or a password-protected file, which is a CFB container).
    NotZip { encrypted: bool },
    /// The package has no `word/document.xml`.
    NoDocument,
    /// A part is larger than the limits allow.
    TooLarge { part: String },
    /// A part is not well-formed XML, or declares a DTD (entities are never expanded).
    BadXml { part: String, reason: String },
    /// A macro-enabled document (`vbaProject.bin`).
    Macros,
}

/// The Markdown form of a Word draft.
pub struct Converted {
    pub text: String,
    /// Where each paragraph (a table row: its first paragraph) stands in `text`.
    pub paragraphs: Vec<crate::source::Paragraph>,
}

/// The OLE compound file signature: `.doc`, and an encrypted `.docx`.
const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn convert(bytes: &[u8]) -> Result<Converted, DocxError> {
    if bytes.starts_with(CFB) {
        // Word writes a password-protected .docx as an encrypted package inside CFB.
        let encrypted = memchr::memmem::find(bytes, &utf16("EncryptionInfo")).is_some();
        return Err(DocxError::NotZip { encrypted });
    }
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip { encrypted: false })?;
    if (0..zip.len()).any(|i| {
        zip.name_for_index(i)
            .is_some_and(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case("word/vbaProject.bin")))
    }) {
        return Err(DocxError::Macros);
    }
    let mut part = |name: &str| -> Result<Option<String>, DocxError> {
        let Ok(mut f) = zip.by_name(name) else { return Ok(None) };
        let too_large = || DocxError::TooLarge { part: name.to_owned() };
        if f.size() > MAX_PART || f.size() > f.compressed_size().max(1) * MAX_RATIO && f.size() > 1024 * 1024 {
            return Err(too_large());
        }
        // The sizes in the zip may lie: read at most the limit.
        let mut out = Vec::new();
        (&mut f)
            .take(MAX_PART + 1)
            .read_to_end(&mut out)
            .map_err(|e| DocxError::BadXml {
                part: name.to_owned(),
                reason: e.to_string(),
            })?;
        if out.len() as u64 > MAX_PART {
            return Err(too_large());
        }
        String::from_utf8(out).map(Some).map_err(|_| DocxError::BadXml {
            part: name.to_owned(),
            reason: "not UTF-8".into(),
        })
    };
    let document = part("word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let styles = part("word/styles.xml")?
        .map(|s| Styles::read(&s))
        .transpose()?
        .unwrap_or_default();
    let numbering = part("word/numbering.xml")?
        .map(|s| Numbering::read(&s))
        .transpose()?
        .unwrap_or_default();
    let comments = part("word/comments.xml")?
        .map(|s| read_comments(&s))
        .transpose()?
        .unwrap_or_default();
    let custom = part("docProps/custom.xml")?
        .map(|s| read_custom(&s))
        .transpose()?
        .unwrap_or_default();
    let mut w = Writer {
        styles: &styles,
        numbering: &numbering,
        comments: &comments,
        out: String::new(),
        count: 0,
        paragraphs: Vec::new(),
        heading: None,
    };
    w.front_matter(&custom);
    w.body(&document)?;
    Ok(Converted {
        text: w.out,
        paragraphs: w.paragraphs,
    })
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn bad(part: &str, reason: impl ToString) -> DocxError {
    DocxError::BadXml {
        part: part.to_owned(),
        reason: reason.to_string(),
    }
}

/// A reader that refuses a DTD: a `<!DOCTYPE` could declare entities.
fn events(
    xml: &str,
    part: &str,
    mut each: impl FnMut(&Event<'_>, bool) -> Result<(), DocxError>,
) -> Result<(), DocxError> {
    let mut r = Reader::from_str(xml);
    r.config_mut().trim_text(false);
    loop {
        let ev = r.read_event().map_err(|e| bad(part, e))?;
        match &ev {
            Event::Eof => return Ok(()),
            Event::DocType(_) => return Err(bad(part, "a DTD (<!DOCTYPE>) is not allowed")),
            Event::Empty(_) => each(&ev, true)?,
            _ => each(&ev, false)?,
        }
    }
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// `w:b` and friends: on unless `w:val` is false.
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off" | "none"))
}

/// Heading levels by style ID: from the style's outline level, its name (`heading 2`, which
/// Word keeps in English whatever the language; `Kop 2`), or the style it is based on.
#[derive(Default)]
struct Styles {
    level: HashMap<String, u8>,
    /// List styles (`List Bullet 2`, `Lijstopsommingsteken 2`): the numbering the style
    /// carries and the list level it stands for (its number, minus one).
    list: HashMap<String, (String, u8)>,
}

impl Styles {
    fn read(xml: &str) -> Result<Styles, DocxError> {
        let mut based: HashMap<String, String> = HashMap::new();
        let mut own: HashMap<String, u8> = HashMap::new();
        let mut names: HashMap<String, String> = HashMap::new();
        let mut nums: HashMap<String, (String, u8)> = HashMap::new();
        let mut id: Option<String> = None;
        events(xml, "word/styles.xml", |ev, _| {
            if let Event::Start(e) | Event::Empty(e) = ev {
                match local(e.name().as_ref()) {
                    b"style" => id = attr(e, b"styleId"),
                    b"name" => {
                        if let (Some(id), Some(name)) = (&id, attr(e, b"val")) {
                            if let Some(l) = heading_name(&name) {
                                own.entry(id.clone()).or_insert(l);
                            }
                            names.insert(id.clone(), name);
                        }
                    }
                    b"numId" => {
                        if let (Some(id), Some(n)) = (&id, attr(e, b"val")) {
                            nums.entry(id.clone()).or_insert((String::new(), 0)).0 = n;
                        }
                    }
                    b"ilvl" => {
                        if let (Some(id), Some(l)) = (&id, attr(e, b"val").and_then(|v| v.parse::<u8>().ok())) {
                            nums.entry(id.clone()).or_insert((String::new(), 0)).1 = l.min(8);
                        }
                    }
                    b"basedOn" => {
                        if let (Some(id), Some(b)) = (&id, attr(e, b"val")) {
                            based.insert(id.clone(), b);
                        }
                    }
                    b"outlineLvl" => {
                        if let (Some(id), Some(l)) = (&id, attr(e, b"val").and_then(|v| v.parse::<u8>().ok()))
                            && l < 9
                        {
                            own.insert(id.clone(), l + 1);
                        }
                    }
                    _ => {}
                }
            }
            Ok(())
        })?;
        let mut level = HashMap::new();
        for id in based.keys().chain(own.keys()) {
            // Follow `basedOn` (a loop in a hostile file ends after 16 steps).
            let mut at = Some(id.as_str());
            for _ in 0..16 {
                let Some(s) = at else { break };
                if let Some(&l) = own.get(s) {
                    level.insert(id.clone(), l);
                    break;
                }
                at = based.get(s).map(String::as_str);
            }
        }
        let mut list = HashMap::new();
        for (id, (num, ilvl)) in nums {
            if num.is_empty() || num == "0" {
                continue;
            }
            // `List Bullet 2` is the second level, whatever its numbering says.
            let depth = names
                .get(&id)
                .and_then(|n| n.rsplit(' ').next())
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (2..=9).contains(d))
                .map_or(0, |d| d - 1);
            list.insert(id, (num, ilvl.max(depth)));
        }
        Ok(Styles { level, list })
    }
}

fn heading_name(name: &str) -> Option<u8> {
    let n = name.to_lowercase();
    let rest = n.strip_prefix("heading").or_else(|| n.strip_prefix("kop"))?;
    let l: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&l).then_some(l)
}

/// Per (numId, level): a bullet or a number.
#[derive(Default)]
struct Numbering {
    bullet: HashMap<(String, u8), bool>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering, DocxError> {
        let mut abstract_fmt: HashMap<(String, u8), bool> = HashMap::new();
        let mut num_abstract: HashMap<String, String> = HashMap::new();
        let (mut abs, mut lvl, mut num): (Option<String>, Option<u8>, Option<String>) = (None, None, None);
        events(xml, "word/numbering.xml", |ev, _| {
            if let Event::Start(e) | Event::Empty(e) = ev {
                match local(e.name().as_ref()) {
                    b"abstractNum" => abs = attr(e, b"abstractNumId"),
                    b"lvl" => lvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()),
                    b"numFmt" => {
                        if let (Some(a), Some(l)) = (&abs, lvl) {
                            let bullet = attr(e, b"val").as_deref() == Some("bullet");
                            abstract_fmt.insert((a.clone(), l), bullet);
                        }
                    }
                    b"num" => num = attr(e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(n), Some(a)) = (&num, attr(e, b"val")) {
                            num_abstract.insert(n.clone(), a);
                        }
                    }
                    _ => {}
                }
            }
            Ok(())
        })?;
        let mut bullet = HashMap::new();
        for (n, a) in &num_abstract {
            for ((abs, l), b) in &abstract_fmt {
                if abs == a {
                    bullet.insert((n.clone(), *l), *b);
                }
            }
        }
        Ok(Numbering { bullet })
    }
}

/// The text of every comment, by ID.
fn read_comments(xml: &str) -> Result<HashMap<String, String>, DocxError> {
    let mut out: HashMap<String, String> = HashMap::new();
    let mut id: Option<String> = None;
    let mut in_text = false;
    events(xml, "word/comments.xml", |ev, empty| {
        match ev {
            Event::Start(e) if local(e.name().as_ref()) == b"comment" => {
                id = attr(e, b"id");
            }
            Event::Start(e) if local(e.name().as_ref()) == b"t" && !empty => in_text = true,
            Event::End(e) if local(e.name().as_ref()) == b"t" => in_text = false,
            Event::End(e) if local(e.name().as_ref()) == b"p" => {
                if let Some(id) = &id {
                    out.entry(id.clone()).or_default().push(' ');
                }
            }
            Event::Text(t) if in_text => {
                if let Some(id) = &id {
                    let text = t.unescape().map_err(|e| bad("word/comments.xml", e))?;
                    out.entry(id.clone()).or_default().push_str(&text);
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

/// Custom document properties (pandoc writes metadata there): name → text.
fn read_custom(xml: &str) -> Result<Vec<(String, String)>, DocxError> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut name: Option<String> = None;
    let mut depth_value = false;
    events(xml, "docProps/custom.xml", |ev, empty| {
        match ev {
            Event::Start(e) if local(e.name().as_ref()) == b"property" => name = attr(e, b"name"),
            Event::Start(_) if name.is_some() && !empty => depth_value = true,
            Event::End(e) if local(e.name().as_ref()) == b"property" => {
                name = None;
                depth_value = false;
            }
            Event::Text(t) if depth_value => {
                if let Some(n) = &name {
                    let v = t.unescape().map_err(|e| bad("docProps/custom.xml", e))?;
                    match out.iter_mut().find(|(k, _)| k == n) {
                        Some((_, old)) => old.push_str(&v),
                        None => out.push((n.clone(), v.into_owned())),
                    }
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

/// One paragraph as read: its style, list place, and runs (text, bold).
#[derive(Default)]
struct Para {
    style: Option<String>,
    num: Option<(String, u8)>,
    runs: Vec<(String, bool)>,
    /// Waiver comments anchored in it.
    comments: Vec<String>,
}

struct Writer<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    comments: &'a HashMap<String, String>,
    out: String,
    /// Paragraphs read so far (in cells too), and where each went in `out`.
    count: u32,
    paragraphs: Vec<crate::source::Paragraph>,
    /// The text of the last heading written, in `out`.
    heading: Option<crate::source::Span>,
}

impl Writer<'_> {
    fn front_matter(&mut self, props: &[(String, String)]) {
        let keys: Vec<&(String, String)> = props
            .iter()
            .filter(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
            .collect();
        if keys.is_empty() {
            return;
        }
        self.out.push_str("+++\n");
        for (k, v) in keys {
            let value = toml::Value::String(v.trim().to_owned()).to_string();
            self.out.push_str(&format!("{k} = {value}\n"));
        }
        self.out.push_str("+++\n\n");
    }

    /// The body: paragraphs and tables in order, with the state of the run being read.
    fn body(&mut self, xml: &str) -> Result<(), DocxError> {
        const PART: &str = "word/document.xml";
        let mut para: Option<Para> = None;
        let mut bold = false;
        let mut in_text = false;
        // Tracked deletions and field instructions are not text; a field's result is.
        let mut deleted = 0usize;
        let mut instr = false;
        let mut field_code = 0usize;
        // Tables: rows of cells; a cell's paragraphs joined.
        let mut table: Vec<Vec<Vec<Cell>>> = Vec::new();
        let mut cell: Option<Cell> = None;
        events(xml, PART, |ev, empty| {
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let name = local(e.name().as_ref()).to_owned();
                    match name.as_slice() {
                        b"p" if !empty => para = Some(Para::default()),
                        b"p" => self.paragraph(Para::default(), cell.as_mut()),
                        b"pStyle" => {
                            if let Some(p) = para.as_mut() {
                                p.style = attr(e, b"val");
                            }
                        }
                        b"ilvl" => {
                            if let Some(p) = para.as_mut() {
                                let l = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                                p.num = Some((p.num.take().map(|n| n.0).unwrap_or_default(), l));
                            }
                        }
                        b"numId" => {
                            if let Some(p) = para.as_mut() {
                                let id = attr(e, b"val").unwrap_or_default();
                                let l = p.num.as_ref().map_or(0, |n| n.1);
                                // numId 0 switches numbering off.
                                p.num = (id != "0").then_some((id, l));
                            }
                        }
                        b"r" if !empty => bold = false,
                        b"b" => bold = on(e),
                        b"t" if !empty => in_text = true,
                        b"delText" | b"del" | b"moveFrom" if !empty => deleted += 1,
                        b"instrText" if !empty => instr = true,
                        b"fldChar" => match attr(e, b"fldCharType").as_deref() {
                            Some("begin") => field_code += 1,
                            Some("separate") | Some("end") => field_code = field_code.saturating_sub(1),
                            _ => {}
                        },
                        b"tab" if deleted == 0 && field_code == 0 => push(&mut para, " ", bold),
                        b"br" | b"cr" if deleted == 0 => push(&mut para, "\n", false),
                        b"commentRangeStart" | b"commentReference" => {
                            if let (Some(p), Some(id)) = (para.as_mut(), attr(e, b"id"))
                                && let Some(text) = self.comments.get(&id)
                            {
                                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                                if text.starts_with("kader:") && !p.comments.contains(&text) {
                                    p.comments.push(text);
                                }
                            }
                        }
                        b"tbl" if !empty => table.push(Vec::new()),
                        b"tr" if !empty => {
                            if let Some(t) = table.last_mut() {
                                t.push(Vec::new());
                            }
                        }
                        b"tc" if !empty => cell = Some(Cell::default()),
                        b"gridSpan" => {
                            if let Some(c) = cell.as_mut() {
                                c.span = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                            }
                        }
                        b"vMerge" => {
                            if let Some(c) = cell.as_mut() {
                                // `restart` starts a merged cell; without a value it continues one.
                                c.continues = attr(e, b"val").as_deref() != Some("restart");
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match local(e.name().as_ref()) {
                    b"p" => {
                        if let Some(p) = para.take() {
                            self.paragraph(p, cell.as_mut());
                        }
                    }
                    b"t" => in_text = false,
                    b"instrText" => instr = false,
                    b"delText" | b"del" | b"moveFrom" => deleted = deleted.saturating_sub(1),
                    b"tc" => {
                        if let (Some(c), Some(row)) = (cell.take(), table.last_mut().and_then(|t| t.last_mut())) {
                            row.push(c);
                        }
                    }
                    b"tbl" => {
                        if let Some(t) = table.pop() {
                            self.table(t);
                        }
                    }
                    _ => {}
                },
                Event::Text(t) if in_text && !instr && deleted == 0 && field_code == 0 => {
                    let text = t.unescape().map_err(|e| bad(PART, e))?;
                    push(&mut para, &text, bold);
                }
                _ => {}
            }
            Ok(())
        })
    }

    /// A paragraph as a Markdown line (or a cell's part).
    fn paragraph(&mut self, p: Para, cell: Option<&mut Cell>) {
        self.count += 1;
        let text = inline(&p.runs);
        if let Some(c) = cell {
            c.first.get_or_insert(self.count);
            let t = text.replace('\n', " ");
            if !t.trim().is_empty() {
                if !c.text.is_empty() {
                    c.text.push(' ');
                }
                c.text.push_str(t.trim());
            }
            c.comments.extend(p.comments);
            return;
        }
        let level = p.style.as_ref().and_then(|s| self.styles.level.get(s)).copied();
        // A heading is a heading, numbered or not (LibreOffice numbers its heading styles);
        // other paragraphs take their own numbering, else the one their list style carries.
        let num = match level {
            Some(_) => None,
            None => p
                .num
                .clone()
                .or_else(|| p.style.as_ref().and_then(|s| self.styles.list.get(s)).cloned()),
        };
        let p = Para { num, ..p };
        let mut line = String::new();
        if let Some(l) = level {
            line.push_str(&"#".repeat(usize::from(l.min(6))));
            line.push(' ');
            line.push_str(&text.replace('\n', " "));
            let n = self.count;
            self.block_of(&line, Some(n));
            // The heading's text (after `### `) is what a paragraph below it stands under.
            if let Some(p) = self.paragraphs.last_mut() {
                let text = crate::source::Span::new(p.span.start + usize::from(l.min(6)) + 1, p.span.end);
                p.heading = Some(text);
                self.heading = Some(text);
            }
        } else if let Some((id, lvl)) = &p.num {
            let bullet = self.numbering.bullet.get(&(id.clone(), *lvl)).copied().unwrap_or(true);
            let indent = "  ".repeat(usize::from(*lvl).min(8));
            let marker = if bullet { "- " } else { "1. " };
            let cont = format!("\n{indent}{}", " ".repeat(marker.len()));
            line.push_str(&indent);
            line.push_str(marker);
            line.push_str(&text.replace('\n', &cont));
            // List items stay together: one list.
            let start = self.out.len();
            self.out.push_str(&line);
            self.record(start, self.count);
            self.out.push('\n');
        } else if !text.trim().is_empty() {
            let n = self.count;
            self.block_of(&text, Some(n));
        }
        for c in p.comments {
            self.block(&format!("<!-- {} -->", c.replace("--", "- -")));
        }
    }

    fn block(&mut self, text: &str) {
        self.block_of(text, None);
    }

    /// A block of its own, from `paragraph` when it is one.
    fn block_of(&mut self, text: &str, paragraph: Option<u32>) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") && !self.out.ends_with("+++\n\n") {
            self.out.push('\n');
        }
        let start = self.out.len();
        self.out.push_str(text);
        if let Some(n) = paragraph {
            self.record(start, n);
        }
        self.out.push_str("\n\n");
    }

    fn record(&mut self, start: usize, number: u32) {
        self.paragraphs.push(crate::source::Paragraph {
            number,
            span: crate::source::Span::new(start, self.out.len()),
            heading: self.heading,
        });
    }

    /// A table as a Markdown table: the first row is the header; a cell spanning columns is
    /// followed by empty ones, a cell merged with the one above shows that one's text.
    fn table(&mut self, rows: Vec<Vec<Cell>>) {
        let mut grid: Vec<Vec<String>> = Vec::new();
        let mut firsts: Vec<Option<u32>> = Vec::new();
        let mut comments = Vec::new();
        for row in rows {
            firsts.push(row.iter().find_map(|c| c.first));
            let mut out: Vec<String> = Vec::new();
            for c in row {
                let col = out.len();
                let text = if c.continues {
                    grid.last().and_then(|r| r.get(col)).cloned().unwrap_or_default()
                } else {
                    c.text.replace('|', "\\|")
                };
                out.push(text);
                out.extend(std::iter::repeat_n(String::new(), c.span.clamp(1, 64) - 1));
                comments.extend(c.comments);
            }
            grid.push(out);
        }
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return;
        }
        let mut md = String::new();
        let mut rows_at = Vec::new();
        for (i, row) in grid.iter().enumerate() {
            rows_at.push(md.len());
            md.push('|');
            for col in 0..width {
                md.push(' ');
                md.push_str(row.get(col).map_or("", String::as_str));
                md.push_str(" |");
            }
            md.push('\n');
            if i == 0 {
                md.push('|');
                md.push_str(&"---|".repeat(width));
                md.push('\n');
            }
        }
        let md = md.trim_end();
        self.block(md);
        // Each row (not the `|---|` line) is the place of its first paragraph.
        let table_start = self.out.len() - 2 - md.len();
        for (i, at) in rows_at.iter().enumerate() {
            let Some(n) = firsts.get(i).copied().flatten() else {
                continue;
            };
            let end = md[*at..].find('\n').map_or(md.len(), |e| at + e);
            self.paragraphs.push(crate::source::Paragraph {
                number: n,
                span: crate::source::Span::new(table_start + at, table_start + end),
                heading: self.heading,
            });
        }
        self.paragraphs.sort_by_key(|p| p.span.start);
        for c in comments {
            self.block(&format!("<!-- {} -->", c.replace("--", "- -")));
        }
    }
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    continues: bool,
    comments: Vec<String>,
    /// The number of its first paragraph.
    first: Option<u32>,
}

fn push(para: &mut Option<Para>, text: &str, bold: bool) {
    let Some(p) = para.as_mut() else { return };
    match p.runs.last_mut() {
        Some((t, b)) if *b == bold => t.push_str(text),
        _ => p.runs.push((text.to_owned(), bold)),
    }
}

/// Runs as Markdown: bold runs in `**`, with their outer spaces outside the marks; text that
/// Markdown would read as markup (`#`, `<`, a list marker at the start) escaped.
fn inline(runs: &[(String, bool)]) -> String {
    let mut out = String::new();
    for (text, bold) in runs {
        let escaped = escape(text, out.trim().is_empty());
        if *bold && !escaped.trim().is_empty() {
            let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
            let trail = &escaped[escaped.trim_end().len()..];
            out.push_str(lead);
            out.push_str("**");
            out.push_str(escaped.trim());
            out.push_str("**");
            out.push_str(trail);
        } else {
            out.push_str(&escaped);
        }
    }
    out.trim().to_owned()
}

fn escape(text: &str, at_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let first = at_start && i == 0;
        match c {
            // Text never becomes markup: a `<!-- kader: … -->` typed in Word is no waiver.
            '<' => out.push_str("\\<"),
            '#' | '>' | '-' | '+' | '|' if first => {
                out.push('\\');
                out.push(c);
            }
            '\u{a0}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
