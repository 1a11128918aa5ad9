//! The Markdown parser, wrapped: blocks with byte spans and nothing else.
//!
//! Owns: the only use of pulldown-cmark. It turns its events into headings, list items,
//! paragraphs and tables, each with byte spans into the file as read.
//! Must not: know about actions or fields.
//!
//! pulldown-cmark does not skip a UTF-8 BOM (a heading on line 1 would become a paragraph),
//! so the caller passes the text after the BOM and its length as `base`; every span is
//! shifted back. Nesting is tracked on an explicit stack, never by recursion.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::source::Span;

#[derive(Debug)]
pub struct Heading {
    pub level: u8,
    pub range: Span,
    /// The inline content (without `#` marks); empty at the end of the marks if none.
    pub content: Span,
}

#[derive(Debug)]
pub struct ListItem {
    pub range: Span,
    /// The item's first line or paragraph, before any nested block.
    pub head: Option<Span>,
    pub parent: Option<usize>,
}

#[derive(Debug)]
pub struct Table {
    pub header: Vec<Span>,
    pub rows: Vec<Vec<Span>>,
}

#[derive(Debug, Default)]
pub struct Blocks {
    pub headings: Vec<Heading>,
    pub items: Vec<ListItem>,
    /// Paragraphs that are not inside a list item or table.
    pub paragraphs: Vec<Span>,
    pub tables: Vec<Table>,
    /// Raw HTML (block or inline), where comments such as waivers stand.
    pub html: Vec<Span>,
}

enum Open {
    Heading(usize),
    Item {
        idx: usize,
        head_open: bool,
    },
    ItemParagraph(usize),
    Paragraph,
    Table(usize),
    TableHead,
    TableRow,
    Cell {
        start: Option<usize>,
        end: usize,
        fallback: Span,
    },
    Metadata,
    Other,
}

fn extend(target: &mut Option<Span>, s: Span) {
    *target = Some(match *target {
        Some(t) => t.cover(s),
        None => s,
    });
}

/// Parse `text` (the file after its BOM); spans are offset by `base`.
/// The Markdown dialect of drafts (the benchmark's parse-only floor uses the same).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
}

pub fn blocks(text: &str, base: usize) -> Blocks {
    let mut out = Blocks::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut heading_content: Vec<Option<Span>> = Vec::new();
    let mut row: Vec<Span> = Vec::new();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let span = Span::new(range.start + base, range.end + base);
        match event {
            Event::Start(tag) => {
                // A block inside a list item ends that item's head.
                let is_block = matches!(
                    tag,
                    Tag::List(_)
                        | Tag::CodeBlock(_)
                        | Tag::BlockQuote(_)
                        | Tag::Heading { .. }
                        | Tag::Table(_)
                        | Tag::HtmlBlock
                );
                if is_block && let Some(Open::Item { head_open, .. }) = stack.last_mut() {
                    *head_open = false;
                }
                let open = match tag {
                    Tag::Heading { level, .. } => {
                        out.headings.push(Heading {
                            level: level as u8,
                            range: span,
                            content: Span::new(span.end, span.end),
                        });
                        heading_content.push(None);
                        Open::Heading(out.headings.len() - 1)
                    }
                    Tag::Item => {
                        let parent = stack.iter().rev().find_map(|o| match o {
                            Open::Item { idx, .. } => Some(*idx),
                            _ => None,
                        });
                        out.items.push(ListItem {
                            range: span,
                            head: None,
                            parent,
                        });
                        Open::Item {
                            idx: out.items.len() - 1,
                            head_open: true,
                        }
                    }
                    Tag::Paragraph => match stack.last() {
                        Some(Open::Item { idx, head_open: true }) => Open::ItemParagraph(*idx),
                        Some(Open::Item { .. } | Open::ItemParagraph(_)) => Open::Other,
                        _ if stack.iter().any(|o| matches!(o, Open::Item { .. })) => Open::Other,
                        _ => {
                            out.paragraphs.push(span);
                            Open::Paragraph
                        }
                    },
                    Tag::Table(_) => {
                        out.tables.push(Table {
                            header: Vec::new(),
                            rows: Vec::new(),
                        });
                        Open::Table(out.tables.len() - 1)
                    }
                    Tag::TableCell => Open::Cell {
                        start: None,
                        end: 0,
                        fallback: span,
                    },
                    Tag::TableHead => {
                        row.clear();
                        Open::TableHead
                    }
                    Tag::TableRow => {
                        row.clear();
                        Open::TableRow
                    }
                    Tag::MetadataBlock(_) => Open::Metadata,
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Link { .. }
                    | Tag::Image { .. }
                    | Tag::Superscript
                    | Tag::Subscript => {
                        inline(&mut stack, &mut out, &mut heading_content, span);
                        continue;
                    }
                    _ => Open::Other,
                };
                stack.push(open);
            }
            Event::End(end) => {
                if matches!(
                    end,
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                        | TagEnd::Superscript
                        | TagEnd::Subscript
                ) {
                    continue;
                }
                let Some(open) = stack.pop() else { continue };
                match open {
                    Open::Heading(i) => {
                        if let Some(c) = heading_content[i] {
                            out.headings[i].content = c;
                        }
                    }
                    Open::ItemParagraph(idx) => {
                        if let Some(Open::Item { idx: top, head_open }) = stack.last_mut()
                            && *top == idx
                        {
                            *head_open = false;
                        }
                    }
                    Open::Cell {
                        start, end, fallback, ..
                    } => {
                        let s = match start {
                            Some(s) => Span::new(s, end),
                            None => fallback,
                        };
                        row.push(s);
                    }
                    Open::TableHead => {
                        if let Some(t) = current_table(&stack) {
                            out.tables[t].header = std::mem::take(&mut row);
                        }
                    }
                    Open::TableRow => {
                        if let Some(t) = current_table(&stack) {
                            out.tables[t].rows.push(std::mem::take(&mut row));
                        }
                    }
                    _ => {}
                }
            }
            Event::InlineHtml(_) => {
                out.html.push(span);
                inline(&mut stack, &mut out, &mut heading_content, span);
            }
            Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {
                inline(&mut stack, &mut out, &mut heading_content, span);
            }
            Event::Html(_) => out.html.push(span),
            Event::Rule => {}
        }
    }
    out
}

fn current_table(stack: &[Open]) -> Option<usize> {
    stack.iter().rev().find_map(|o| match o {
        Open::Table(t) => Some(*t),
        _ => None,
    })
}

fn inline(stack: &mut [Open], out: &mut Blocks, heading_content: &mut [Option<Span>], span: Span) {
    match stack.last_mut() {
        Some(Open::Heading(i)) => extend(&mut heading_content[*i], span),
        Some(Open::Item { idx, head_open: true }) | Some(Open::ItemParagraph(idx)) => {
            let idx = *idx;
            extend(&mut out.items[idx].head, span);
        }
        Some(Open::Cell { start, end, .. }) => {
            if start.is_none() {
                *start = Some(span.start);
            }
            *end = (*end).max(span.end);
        }
        _ => {}
    }
}
