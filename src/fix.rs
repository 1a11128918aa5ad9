//! The one fix engine: what `kader fix` writes and what the language server offers as quick
//! fixes and as `source.fixAll.kader`.
//!
//! Owns: turning a finding's [`Fix`]es into edits of its file, in the draft's own form (a
//! list item, a line of bold names, a table cell); the waiver a person may add instead; the
//! safe edits of one file (no two overlapping); fixing a plan until nothing safe is left.
//! Must not: decide what is a finding (that is `check`), or write files (that is
//! `commands/fix.rs`; the language server sends edits to the editor).

use crate::diagnostic::{Diagnostic, Fix};
use crate::engine::{Checked, Options, Plan};
use crate::i18n::tr;
use crate::lang::ruleset::Scope;
use crate::model::{Action, Document};
use crate::origin::Input;
use crate::source::{SourceId, Span};

/// One change of a file's text: `text` in the place of the bytes of `span`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// What a person can choose to do about a finding: a title and the edits of its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub title: String,
    pub file: SourceId,
    pub edits: Vec<Edit>,
    /// Safe without a human choice: `kader fix` and fix-all apply it.
    pub safe: bool,
    /// It adds a waiver (never applied by `kader fix` or fix-all).
    pub waiver: bool,
}

/// Everything a person may do about `d`, best first: its fixes, then a waiver with a reason
/// to fill in (for a finding about an action that is not waived already).
pub fn proposals(checked: &Checked<'_>, d: &Diagnostic) -> Vec<Proposal> {
    let Some(file) = d.file else { return Vec::new() };
    let text = checked.sources.get(file).text.as_str();
    let mut out = Vec::new();
    for fix in &d.fixes {
        match fix {
            Fix::Replace {
                span,
                text: new,
                title,
                safe,
            } => {
                if text.get(span.start..span.end).is_some() {
                    out.push(Proposal {
                        title: title.clone(),
                        file,
                        edits: vec![Edit {
                            span: *span,
                            text: new.clone(),
                        }],
                        safe: *safe,
                        waiver: false,
                    });
                }
            }
            Fix::AddField(def) => {
                if let Some((doc, action)) = action_of(checked, d)
                    && let Some(edits) = add_field(checked, doc, action, *def, text)
                {
                    out.push(Proposal {
                        title: tr!("fix-add-field", field = checked.rules.fields[*def].display()),
                        file,
                        edits,
                        safe: false,
                        waiver: false,
                    });
                }
            }
        }
    }
    if d.waived.is_none()
        && let Some(p) = waiver(checked, d, text)
    {
        out.push(p);
    }
    out
}

/// The safe edits of one file, in order, no two overlapping (the first finding's wins):
/// exactly what `kader fix` writes and fix-all applies. Waived findings are left alone.
pub fn safe_edits(checked: &Checked<'_>, file: SourceId) -> Vec<Edit> {
    let mut edits: Vec<Edit> = checked
        .diagnostics
        .iter()
        .filter(|d| d.file == Some(file) && d.waived.is_none())
        .filter_map(|d| proposals(checked, d).into_iter().find(|p| p.safe))
        .flat_map(|p| p.edits)
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits.dedup();
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        if kept
            .last()
            .is_none_or(|k| k.span.end <= e.span.start && k.span != e.span)
        {
            kept.push(e);
        }
    }
    kept
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut at = 0;
    for e in edits {
        if e.span.start < at || text.get(at..e.span.start).is_none() || text.get(e.span.start..e.span.end).is_none() {
            continue;
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.text);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The most rounds of fixing a plan: a fix that made a new safe fix possible is applied in
/// the next round; one that brought its own finding back stops here.
const ROUNDS: usize = 8;

/// Apply the safe edits to the drafts of `plan` that `wanted` names, check again and repeat
/// until no safe edit is left. The plan then holds the fixed texts. Returns how many edits
/// were applied to each changed draft, by name.
pub fn fix_plan(plan: &mut Plan, options: &Options, wanted: &dyn Fn(&str) -> bool) -> Vec<(String, usize)> {
    let mut applied: Vec<(String, usize)> = Vec::new();
    for _ in 0..ROUNDS {
        let checked = plan.check(options);
        let mut changed = Vec::new();
        for doc in checked.docs {
            let file = checked.sources.get(doc.source);
            // A Word draft is read as Markdown; that text is never written over the .docx.
            if !wanted(&file.name) || file.paragraphs.is_some() {
                continue;
            }
            let edits = safe_edits(&checked, doc.source);
            if !edits.is_empty() {
                changed.push((file.name.clone(), apply(&file.text, &edits), edits.len()));
            }
        }
        if changed.is_empty() {
            break;
        }
        for (name, text, count) in changed {
            match applied.iter_mut().find(|(n, _)| *n == name) {
                Some((_, c)) => *c += count,
                None => applied.push((name.clone(), count)),
            }
            plan.add(Input::draft(name, text));
        }
    }
    applied.sort();
    applied
}

/// The document and action a finding is about (its primary label is the action's heading
/// or action cell).
fn action_of<'c>(checked: &'c Checked<'_>, d: &Diagnostic) -> Option<(&'c Document, &'c Action)> {
    let file = d.file?;
    let doc = checked.docs.iter().find(|doc| doc.source == file)?;
    let id = d.action.as_deref()?;
    let at = d.primary.as_ref().map(|l| l.span);
    let mut named = doc.actions.iter().filter(|a| a.id.value == id);
    let action = match at {
        Some(at) => doc
            .actions
            .iter()
            .find(|a| a.id.value == id && a.extent.start <= at.start && at.end <= a.extent.end.max(a.span.end))
            .or_else(|| named.next()),
        None => named.next(),
    }?;
    Some((doc, action))
}

fn in_table(doc: &Document, action: &Action) -> bool {
    doc.headings.iter().any(|h| h.in_table && h.text.span == action.span)
}

/// The line break the file uses.
fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// Where the line holding byte `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// Where the line holding byte `at` ends (before its `\r\n` or `\n`).
fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    if end > 0 && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// The value a new field starts with: a placeholder the placeholder rules point at until a
/// person fills it in (`<eigenaar>`).
fn placeholder(name: &str) -> String {
    format!("<{}>", name.to_lowercase())
}

/// The field `def` added to `action`: a line like the action's last field line (`- **Naam:**
/// waarde`, `**Naam:** waarde`, a two-column table row), or a list item under the heading
/// when the action has no fields yet; in an action table, a column.
fn add_field(checked: &Checked<'_>, doc: &Document, action: &Action, def: usize, text: &str) -> Option<Vec<Edit>> {
    let name = checked.rules.fields[def].display();
    let value = placeholder(name);
    let nl = newline(text);
    if in_table(doc, action) {
        return add_column(text, action.span, name, &value);
    }
    let last = action
        .fields
        .iter()
        .filter(|f| f.name.span.start >= action.span.end)
        .max_by_key(|f| f.name.span.start);
    let Some(last) = last else {
        // No field yet: a list item after the heading, with a blank line between.
        let at = line_end(text, action.span.end);
        return Some(vec![Edit {
            span: Span::new(at, at),
            text: format!("{nl}{nl}- **{name}:** {value}"),
        }]);
    };
    let start = line_start(text, last.name.span.start);
    let prefix = &text[start..last.name.span.start];
    let after_name = last.name.span.end;
    let between = text
        .get(after_name..last.value.span.start.max(after_name))
        .unwrap_or(":");
    // Only the marks of a list item, a quote or emphasis may be copied; anything else on
    // the line before the name (a sentence) is not part of the form.
    let marks = prefix
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '-' | '*' | '+' | '>' | '_' | '|' | '.' | ')') || c.is_ascii_digit());
    let line = if !marks {
        format!("- **{name}:** {value}")
    } else if prefix.trim_start().starts_with('|') {
        format!("| {name} | {value} |")
    } else {
        let between = if between.contains(':') && !between.contains('\n') {
            format!("{} ", between.trim_end())
        } else {
            ": ".to_owned()
        };
        format!("{prefix}{name}{between}{value}")
    };
    let at = line_end(text, last.value.span.end.max(after_name));
    Some(vec![Edit {
        span: Span::new(at, at),
        text: format!("{nl}{line}"),
    }])
}

/// A column for the field in the action table around `cell`: a header cell, a `---` in the
/// delimiter row, the placeholder in the action's row, an empty cell in the other rows.
fn add_column(text: &str, cell: Span, name: &str, value: &str) -> Option<Vec<Edit>> {
    let row = line_start(text, cell.start);
    let is_table_line = |start: usize| text[start..line_end(text, start)].trim_start().starts_with('|');
    if !is_table_line(row) {
        return None;
    }
    // The lines of the table: up and down from the row while they start with `|`.
    let mut first = row;
    while first > 0 {
        let prev = line_start(text, first - 1);
        if !is_table_line(prev) {
            break;
        }
        first = prev;
    }
    let mut lines = Vec::new();
    let mut at = first;
    while at < text.len() && is_table_line(at) {
        lines.push(at);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        if end == at {
            break;
        }
        at = end;
    }
    if lines.len() < 3 {
        return None;
    }
    let edits = lines
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = line_end(text, start);
            let content = &text[start..end];
            let cell = match i {
                0 => name,
                1 => "---",
                _ if start == row => value,
                _ => "",
            };
            // After the line's last `|` (trailing blanks kept), or with one of its own.
            let trimmed = content.trim_end();
            let at = start + trimmed.len();
            let text = if trimmed.ends_with('|') {
                format!(" {cell} |")
            } else {
                format!(" | {cell}")
            };
            Edit {
                span: Span::new(at, at),
                text,
            }
        })
        .collect();
    Some(edits)
}

/// A waiver of `d`'s rule in its action, with a reason a person fills in (`"<reden>"`
/// counts as no reason, so the waiver applies only once it is written).
fn waiver(checked: &Checked<'_>, d: &Diagnostic, text: &str) -> Option<Proposal> {
    let rule = checked.rules.rule(&d.rule)?;
    if matches!(rule.scope, Scope::Waiver) {
        return None;
    }
    let (doc, action) = action_of(checked, d)?;
    let comment = format!("<!-- kader: negeer {} \"<{}>\" -->", d.rule, tr!("fix-waiver-reason"));
    let edit = if in_table(doc, action) {
        let at = action.span.end;
        Edit {
            span: Span::new(at, at),
            text: format!(" {comment}"),
        }
    } else {
        let at = line_end(text, action.span.end);
        Edit {
            span: Span::new(at, at),
            text: format!("{}{comment}", newline(text)),
        }
    };
    Some(Proposal {
        title: tr!("fix-waiver", rule = d.rule.as_str()),
        file: doc.source,
        edits: vec![edit],
        safe: false,
        waiver: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_skips_what_does_not_fit() {
        let edits = vec![
            Edit {
                span: Span::new(0, 1),
                text: "A".into(),
            },
            Edit {
                span: Span::new(4, 4),
                text: "!".into(),
            },
        ];
        assert_eq!(apply("abcd", &edits), "Abcd!");
        // A span past the end is left out, not a panic.
        let past = [Edit {
            span: Span::new(9, 12),
            text: "x".into(),
        }];
        assert_eq!(apply("abcd", &past), "abcd");
    }

    #[test]
    fn line_ends_leave_the_line_break() {
        assert_eq!(line_end("ab\r\ncd", 0), 2);
        assert_eq!(line_end("ab\ncd", 4), 5);
        assert_eq!(line_start("ab\ncd", 4), 3);
    }
}
