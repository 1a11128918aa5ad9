//! `kader rules` and `kader explain`: what each rule means, in Dutch or English.
//!
//! The words here are the program's own headings; everything about a rule comes from the
//! rule file (title, description, source, help, examples, the `engels` block).

use std::io::{self, Write};

use crate::i18n::tr;
use crate::lang::ruleset::{Rule, RuleSet, Scope};

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
/// The fields the rule reads, with every name a writer may use (and the synonyms kader
/// suggests them for), and the IDs of the registers it looks links up in.
fn fields_and_registers(rules: &RuleSet, r: &Rule, out: &mut dyn Write) -> io::Result<()> {
    let mut fields = r.expr.fields_read();
    if let Some(crate::lang::ruleset::Subject::Field(d)) = &r.with
        && !fields.contains(d)
    {
        fields.insert(0, *d);
    }
    // A rule about every field (or every field name) reads them all.
    if matches!(r.scope, Scope::Field | Scope::Name) {
        fields = (0..rules.fields.len()).collect();
    }
    if !fields.is_empty() {
        writeln!(out, "{}:", tr!("explain-fields"))?;
        for d in fields {
            let f = &rules.fields[d];
            let names: Vec<String> = f.aliases.iter().map(|a| format!("`{a}`")).collect();
            writeln!(out, "    {}: {}", f.name, names.join(", "))?;
            if r.scope == Scope::Name && !f.synonym_names.is_empty() {
                let names: Vec<String> = f.synonym_names.iter().map(|a| format!("`{a}`")).collect();
                writeln!(out, "        {}: {}", tr!("explain-synonyms"), names.join(", "))?;
            }
        }
        writeln!(out)?;
    }
    for reg in r.expr.registers_read() {
        let reg = &rules.registers[reg];
        writeln!(out, "{}:", tr!("explain-register-ids", register = reg.title.as_str()))?;
        for n in &reg.nodes {
            let mut depth = 0;
            let mut p = n.parent;
            while let Some(i) = p {
                depth += 1;
                p = reg.node(i).parent;
            }
            writeln!(out, "    {}{}  {}", "  ".repeat(depth), n.id, n.title)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

pub fn explain(rules: &RuleSet, r: &Rule, bad: &[Example], good: &[Example], out: &mut dyn Write) -> io::Result<()> {
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
    fields_and_registers(rules, r, out)?;
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
