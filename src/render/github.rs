//! `--format github`: GitHub Actions workflow commands, so findings show as annotations on
//! the lines of a pull request.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr;
use crate::source::Sources;

/// Escape a message: `%`, `\r` and `\n` (a message may span lines).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value: as a message, and also `:` and `,`, which separate properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(diags: &[Diagnostic], sources: &Sources, out: &mut dyn Write) -> io::Result<()> {
    for d in diags.iter().filter(|d| d.waived.is_none()) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = Vec::new();
        if let Some(p) = &d.primary {
            let f = sources.get(p.source);
            let (s, e) = (f.position(p.span.start), f.position(p.span.end));
            props.push(format!("file={}", escape_property(&f.name)));
            props.push(format!("line={}", s.line));
            props.push(format!("endLine={}", e.line));
            props.push(format!("col={}", s.column));
            props.push(format!("endColumn={}", e.column));
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
