//! Help while writing: completion of policy, IZA and action IDs, field names and rule IDs;
//! hover on an ID; go to an action's definition.

use std::path::Path;
use std::sync::LazyLock;

use lsp_types as lsp;
use regex::Regex;

use super::convert::{self, Encoding};
use crate::engine::Checked;
use crate::lang::ruleset::{FieldKind, RuleSet};
use crate::model::{Action, Document};
use crate::register::{Node, Register};
use crate::source::{SourceId, Span};

/// `<!-- kader: negeer actie-i` (and the English `ignore`).
static WAIVER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<!--\s*kader:\s*(?:negeer|ignore)\s+(?P<word>[\w-]*)$").expect("valid"));
/// `- **Beleidslijn:** HA.T`: a field's name and its value so far.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?(?P<name>[^:*_|]+?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?P<value>.*)$")
        .expect("valid")
});
/// `- **Eig` or `- Eig` or `**Eig`: the start of a field line.
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<lead>\s*(?:[-*+]\s+)?)(?P<bold>\*\*|__)?(?P<word>[\p{L}' ]*)$").expect("valid"));

fn doc_of<'c>(checked: &'c Checked<'_>, file: SourceId) -> Option<&'c Document> {
    checked.docs.iter().find(|d| d.source == file)
}

fn field_named(rules: &RuleSet, name: &str) -> Option<usize> {
    let key = crate::text::normalize_name(name);
    rules.fields.iter().position(|f| f.keys.contains(&key))
}

fn edit_item(
    label: String,
    detail: Option<String>,
    doc: Option<String>,
    new_text: String,
    range: lsp::Range,
    kind: lsp::CompletionItemKind,
) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: label.clone(),
        kind: Some(kind),
        detail,
        documentation: doc.map(|d| {
            lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: d,
            })
        }),
        filter_text: Some(label),
        text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit { range, new_text })),
        ..Default::default()
    }
}

/// What fits at `offset` of `file`.
pub fn complete(checked: &Checked<'_>, file: SourceId, offset: usize, enc: Encoding) -> Vec<lsp::CompletionItem> {
    let sf = checked.sources.get(file);
    let text = sf.text.as_str();
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[start..offset];
    let rules = checked.rules;
    let range_back = |len: usize| convert::range(sf, Span::new(offset - len, offset), enc);
    if let Some(c) = WAIVER.captures(prefix) {
        let word = &c["word"];
        return rules
            .rules
            .iter()
            .map(|r| {
                edit_item(
                    r.id.clone(),
                    Some(r.title_for_reader().to_owned()),
                    r.description_for_reader().map(str::to_owned),
                    r.id.clone(),
                    range_back(word.len()),
                    lsp::CompletionItemKind::KEYWORD,
                )
            })
            .collect();
    }
    // The field whose value is being written, and the value so far.
    let (def, value) = if prefix.trim_start().starts_with('|') {
        match table_column(text, start, prefix) {
            Some((name, value)) => (field_named(rules, &name), value),
            None => (None, ""),
        }
    } else if let Some(c) = FIELD.captures(prefix) {
        (
            field_named(rules, &c["name"]),
            c.name("value").map_or("", |m| m.as_str()),
        )
    } else {
        (None, "")
    };
    if let Some(def) = def {
        let token = value.rsplit([',', ';']).next().unwrap_or("").trim_start();
        let token = token.trim_start_matches(['*', '_']).trim_start();
        // After the ID comes its title: nothing to complete there.
        if token.contains(char::is_whitespace) {
            return Vec::new();
        }
        let range = range_back(token.len());
        return match rules.fields[def].kind {
            FieldKind::Links(r) => node_items(&rules.registers[r], range),
            FieldKind::Actions => {
                let own = doc_of(checked, file)
                    .and_then(|d| {
                        d.actions
                            .iter()
                            .find(|a| a.extent.start <= offset && offset <= a.extent.end)
                    })
                    .map(|a| a.id.value.as_str());
                checked
                    .docs
                    .iter()
                    .flat_map(|d| d.actions.iter())
                    .filter(|a| Some(a.id.value.as_str()) != own)
                    .map(|a| {
                        edit_item(
                            a.id.value.clone(),
                            a.title.as_ref().map(|t| t.value.clone()),
                            None,
                            a.id.value.clone(),
                            range,
                            lsp::CompletionItemKind::REFERENCE,
                        )
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
    }
    if let Some(c) = NAME.captures(prefix)
        && (!c["lead"].trim().is_empty() || c.name("bold").is_some())
    {
        let word = &c["word"];
        let bold = c.name("bold").map(|m| m.as_str());
        return rules
            .fields
            .iter()
            .map(|f| {
                let name = f.display();
                let new_text = match bold {
                    Some(b) => format!("{name}:{b} "),
                    None => format!("**{name}:** "),
                };
                let others: Vec<&str> = f.aliases.iter().skip(1).map(String::as_str).collect();
                let detail = (!others.is_empty()).then(|| others.join(", "));
                edit_item(
                    name.to_owned(),
                    detail,
                    None,
                    new_text,
                    range_back(word.len()),
                    lsp::CompletionItemKind::FIELD,
                )
            })
            .collect();
    }
    Vec::new()
}

fn node_items(reg: &Register, range: lsp::Range) -> Vec<lsp::CompletionItem> {
    reg.nodes
        .iter()
        .map(|n| {
            let mut item = edit_item(
                n.id.clone(),
                Some(format!("{} ({})", n.title, n.level)),
                Some(node_markdown(reg, n, None)),
                n.id.clone(),
                range,
                lsp::CompletionItemKind::REFERENCE,
            );
            item.filter_text = Some(format!("{} {}", n.id, n.title));
            item
        })
        .collect()
}

/// In a table row: the header of the column `prefix` ends in, and the cell so far.
fn table_column<'t>(text: &'t str, line_start: usize, prefix: &'t str) -> Option<(String, &'t str)> {
    let column = prefix.matches('|').count().checked_sub(1)?;
    let cell = prefix.rsplit('|').next().unwrap_or("");
    // The header is the first line of the block of lines that start with `|`.
    let mut header = line_start;
    while header > 0 {
        let prev = text[..header - 1].rfind('\n').map_or(0, |i| i + 1);
        if !text[prev..header].trim_start().starts_with('|') {
            break;
        }
        header = prev;
    }
    let end = text[header..].find('\n').map_or(text.len(), |i| header + i);
    let names: Vec<&str> = text[header..end].trim().trim_matches('|').split('|').collect();
    Some((names.get(column)?.trim().to_owned(), cell))
}

fn node_markdown(reg: &Register, n: &Node, place: Option<String>) -> String {
    let mut md = format!("**{}** — {}\n\n*{}* · {}", n.id, n.title, n.level, reg.title);
    if let Some(lines) = &n.source_lines {
        md.push_str(&format!(" ({lines})"));
    }
    if let Some(parent) = n.parent {
        let p = reg.node(parent);
        md.push_str(&format!("\n\n↑ {} {}", p.id, p.title));
    }
    if !n.points.is_empty() {
        md.push_str("\n\n");
        for p in &n.points {
            md.push_str(&format!("- {}\n", p.text));
        }
    }
    if let Some(e) = &n.explanation {
        md.push_str(&format!("\n{e}\n"));
    }
    if let Some(place) = place {
        md.push_str(&format!("\n\n`{place}`"));
    }
    md
}

fn markdown(value: String, range: Option<lsp::Range>) -> lsp::Hover {
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

fn holds(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// The action with this ID anywhere in the plan (IDs compare without case) and its file.
fn action_named<'c>(checked: &'c Checked<'_>, id: &str) -> Option<(SourceId, &'c Action)> {
    checked.docs.iter().find_map(|d| {
        d.actions
            .iter()
            .find(|a| a.id.value.eq_ignore_ascii_case(id))
            .map(|a| (d.source, a))
    })
}

/// A link at `offset`: the field kind and the link's ID and span.
fn link_at(checked: &Checked<'_>, file: SourceId, offset: usize) -> Option<(FieldKind, String, Span)> {
    let doc = doc_of(checked, file)?;
    doc.actions.iter().flat_map(|a| a.fields.iter()).find_map(|f| {
        f.links
            .iter()
            .find(|l| holds(l.id.span, offset))
            .map(|l| (checked.rules.fields[f.def].kind, l.id.value.clone(), l.id.span))
    })
}

pub fn hover(checked: &Checked<'_>, file: SourceId, offset: usize, enc: Encoding) -> Option<lsp::Hover> {
    let sf = checked.sources.get(file);
    let rules = checked.rules;
    if let Some((kind, id, span)) = link_at(checked, file, offset) {
        let range = Some(convert::range(sf, span, enc));
        return match kind {
            FieldKind::Links(r) => {
                let reg = &rules.registers[r];
                let n = reg.get(&id)?;
                let src = checked.sources.get(reg.file);
                let place = format!("{}:{}", src.name, src.position(n.span.start).line);
                Some(markdown(node_markdown(reg, n, Some(place)), range))
            }
            FieldKind::Actions => {
                let (src, a) = action_named(checked, &id)?;
                let time = a
                    .fields
                    .iter()
                    .find(|f| rules.fields[f.def].kind == FieldKind::Time)
                    .map(|f| f.value.value.clone());
                let title = a.title.as_ref().map_or("", |t| t.value.as_str());
                let mut md = format!("**{}** — {title}", a.id.value);
                if let Some(t) = time {
                    md.push_str(&format!(
                        "\n\n*{}:* {t}",
                        rules
                            .fields
                            .iter()
                            .find(|f| f.kind == FieldKind::Time)
                            .map_or("tijdpad", |f| f.display())
                    ));
                }
                let other = checked.sources.get(src);
                md.push_str(&format!("\n\n`{}:{}`", other.name, other.position(a.span.start).line));
                Some(markdown(md, range))
            }
            _ => None,
        };
    }
    let doc = doc_of(checked, file)?;
    for w in &doc.waivers {
        if let Some(r) = &w.rule
            && holds(r.span, offset)
            && let Some(rule) = rules.rule(r.value.trim())
        {
            let mut md = format!(
                "**{}** ({}) — {}",
                rule.id,
                rule.severity.word(),
                rule.title_for_reader()
            );
            if let Some(d) = rule.description_for_reader() {
                md.push_str(&format!("\n\n{d}"));
            }
            if let Some(s) = &rule.source {
                md.push_str(&format!("\n\n*{}:* {s}", crate::i18n::tr!("lsp-source")));
            }
            return Some(markdown(md, Some(convert::range(sf, r.span, enc))));
        }
        if let Some(t) = &w.target
            && holds(t.span, offset)
            && let Some((reg, n)) = rules
                .registers
                .iter()
                .find_map(|reg| reg.get(t.value.trim()).map(|n| (reg, n)))
        {
            return Some(markdown(
                node_markdown(reg, n, None),
                Some(convert::range(sf, t.span, enc)),
            ));
        }
    }
    None
}

/// From an action ID in `Afhankelijk van` to that action's heading.
pub fn definition(
    checked: &Checked<'_>,
    file: SourceId,
    offset: usize,
    enc: Encoding,
    root: &Path,
) -> Option<lsp::Location> {
    let (kind, id, _) = link_at(checked, file, offset)?;
    if kind != FieldKind::Actions {
        return None;
    }
    let (src, a) = action_named(checked, &id)?;
    let other = checked.sources.get(src);
    let name = other.name.trim_start_matches("./");
    Some(lsp::Location::new(
        convert::uri_of(root, name),
        convert::range(other, a.span, enc),
    ))
}
