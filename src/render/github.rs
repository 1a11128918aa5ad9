//! `--format github`: GitHub Actions workflow commands, so findings show as annotations on
//! the lines of a pull request.

use std::io::{self, Write};

use super::RepoPaths;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr;
use crate::inputs::InputProblem;
use crate::source::Sources;

/// Escape a message: `%`, `\r` and `\n` (a message may span lines); any other control
/// character from an input is shown as its picture (`text::visible`).
fn escape_data(s: &str) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    crate::text::visible(&s).into_owned()
}

/// Escape a property value: as a message, and also `:` and `,`, which separate properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding that is not waived, then one per input problem. Files are
/// named relative to the repository root; a plan-wide finding is placed at `repo.anchor`.
pub fn render(
    diags: &[Diagnostic],
    problems: &[InputProblem],
    sources: &Sources,
    repo: &RepoPaths,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in diags.iter().filter(|d| d.waived.is_none()) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = Vec::new();
        match &d.primary {
            Some(p) => {
                let f = sources.get(p.source);
                let (s, e) = (f.position(p.span.start), f.position(p.span.end));
                props.push(format!("file={}", escape_property(repo.path(p.source))));
                props.push(format!("line={}", s.line));
                props.push(format!("endLine={}", e.line));
                props.push(format!("col={}", s.column));
                props.push(format!("endColumn={}", e.column));
            }
            None => {
                if let Some(anchor) = repo.anchor {
                    props.push(format!("file={}", escape_property(repo.path(anchor))));
                    props.push("line=1".to_owned());
                }
            }
        }
        props.push(format!("title={}", escape_property(&format!("kader {}", d.rule))));
        let mut message = d.message.clone();
        if let Some(p) = &d.primary {
            message.push_str(&format!("\n{}", p.message));
        }
        for h in &d.help {
            message.push_str(&format!("\n{}: {h}", tr!("human-help")));
        }
        writeln!(out, "::{command} {}::{}", props.join(","), escape_data(&message))?;
    }
    for p in problems {
        let command = if p.warning { "warning" } else { "error" };
        let mut props = vec![format!("file={}", escape_property(&repo.relative(&p.file)))];
        if let Some((line, col)) = p.position {
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("kader {}", p.kind.code()))
        ));
        let mut message = p.message.clone();
        if let Some(h) = &p.help {
            message.push_str(&format!("\n{}: {h}", tr!("human-help")));
        }
        writeln!(out, "::{command} {}::{}", props.join(","), escape_data(&message))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% klaar\r\nvolgende"), "50%25 klaar%0D%0Avolgende");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
