//! `kader rules` and `kader explain`: what each rule means, in Dutch or English.
//!
//! The words here are the program's own headings; everything about a rule comes from the
//! rule file (title, description, source, help, examples, the `engels` block).

use std::io::{self, Write};

use crate::i18n::tr;
use crate::lang::ruleset::{Rule, RuleSet};

/// The catalogue: every loaded rule with its severity, what it requires and where that
/// requirement comes from.
pub fn rules(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let h_rule = tr!("catalogue-rule");
    let (h_sev, h_what) = (tr!("catalogue-severity"), tr!("catalogue-requirement"));
    let (h_src, off) = (tr!("catalogue-source"), tr!("catalogue-off"));
    let w = set
        .rules
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(5)
        .max(h_rule.chars().count());
    writeln!(out, "{h_rule:<w$}  {h_sev:<12}  {h_what}")?;
    for r in &set.rules {
        let sev = if r.enabled { r.severity.word() } else { off.clone() };
        writeln!(out, "{:<w$}  {sev:<12}  {}", r.id, r.title_for_reader())?;
        if let Some(src) = &r.source {
            writeln!(out, "{:<w$}  {:<12}  {h_src}: {src}", "", "")?;
        }
    }
    Ok(())
}

/// One example with what kader says about it.
pub struct Example {
    pub draft: String,
    pub output: String,
}

fn indented(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for line in text.trim_end().lines() {
        if line.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "    {}", line.trim_end())?;
        }
    }
    Ok(())
}

/// The full explanation of one rule.
pub fn explain(r: &Rule, bad: &[Example], good: &[Example], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})", r.id, r.severity.word())?;
    writeln!(out, "{}", r.title_for_reader())?;
    writeln!(out)?;
    if let Some(d) = r.description_for_reader() {
        writeln!(out, "{d}")?;
        writeln!(out)?;
    }
    if let Some(src) = &r.source {
        writeln!(out, "{}: {src}", tr!("explain-source"))?;
        writeln!(out)?;
    }
    if let Some(h) = r.help_for_reader() {
        writeln!(out, "{}: {h}", tr!("explain-fix"))?;
        writeln!(out)?;
    }
    for ex in bad {
        writeln!(out, "{}:", tr!("explain-bad-example"))?;
        writeln!(out)?;
        indented(out, &ex.draft)?;
        writeln!(out)?;
        writeln!(out, "{}:", tr!("explain-kader-says"))?;
        writeln!(out)?;
        indented(out, &ex.output)?;
        writeln!(out)?;
    }
    for ex in good {
        writeln!(out, "{}:", tr!("explain-good-example"))?;
        writeln!(out)?;
        indented(out, &ex.draft)?;
        writeln!(out)?;
    }
    writeln!(out, "{}:", tr!("explain-waive"))?;
    writeln!(out)?;
    writeln!(out, "    <!-- kader: negeer {} \"{}\" -->", r.id, tr!("explain-reason"))?;
    Ok(())
}
