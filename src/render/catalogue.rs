//! `kader rules` and `kader explain`: what each rule means, in Dutch or English.
//!
//! The words here are the program's own headings; everything about a rule comes from the
//! rule file (title, description, source, help, examples, the `engels` block).

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::lang::ruleset::{Rule, RuleSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

fn severity(s: Severity, lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => s.dutch(),
        Lang::En => s.as_str(),
    }
}

fn title(r: &Rule, lang: Lang) -> &str {
    let nl = r.title.as_deref().unwrap_or(&r.id);
    match lang {
        Lang::En => r.english.title.as_deref().unwrap_or(nl),
        Lang::Nl => nl,
    }
}

/// The catalogue: every loaded rule with its severity, what it requires and where that
/// requirement comes from.
pub fn rules(set: &RuleSet, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let (h_rule, h_sev, h_what, h_src, off) = match lang {
        Lang::Nl => ("regel", "ernst", "eis", "bron", "uit"),
        Lang::En => ("rule", "severity", "requirement", "source", "off"),
    };
    let w = set
        .rules
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(5)
        .max(h_rule.len());
    writeln!(out, "{h_rule:<w$}  {h_sev:<12}  {h_what}")?;
    for r in &set.rules {
        let sev = if r.enabled { severity(r.severity, lang) } else { off };
        writeln!(out, "{:<w$}  {sev:<12}  {}", r.id, title(r, lang))?;
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
pub fn explain(r: &Rule, lang: Lang, bad: &[Example], good: &[Example], out: &mut dyn Write) -> io::Result<()> {
    let en = lang == Lang::En;
    writeln!(out, "{} ({})", r.id, severity(r.severity, lang))?;
    writeln!(out, "{}", title(r, lang))?;
    writeln!(out)?;
    let description = if en {
        r.english.description.as_ref().or(r.description.as_ref())
    } else {
        r.description.as_ref()
    };
    if let Some(d) = description {
        writeln!(out, "{d}")?;
        writeln!(out)?;
    }
    if let Some(src) = &r.source {
        writeln!(out, "{}: {src}", if en { "Source" } else { "Bron" })?;
        writeln!(out)?;
    }
    let help = if en {
        r.english.help.as_ref().or(r.help.as_ref())
    } else {
        r.help.as_ref()
    };
    if let Some(h) = help {
        writeln!(out, "{}: {h}", if en { "How to fix it" } else { "Zo los je het op" })?;
        writeln!(out)?;
    }
    for ex in bad {
        writeln!(
            out,
            "{}:",
            if en {
                "A draft that breaks the rule"
            } else {
                "Een concept dat de regel breekt"
            }
        )?;
        writeln!(out)?;
        indented(out, &ex.draft)?;
        writeln!(out)?;
        writeln!(out, "{}:", if en { "kader says" } else { "kader zegt" })?;
        writeln!(out)?;
        indented(out, &ex.output)?;
        writeln!(out)?;
    }
    for ex in good {
        writeln!(
            out,
            "{}:",
            if en {
                "A draft that meets the rule"
            } else {
                "Een concept dat aan de regel voldoet"
            }
        )?;
        writeln!(out)?;
        indented(out, &ex.draft)?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}:",
        if en {
            "To waive it for one action, with a reason, write in the action"
        } else {
            "Negeren voor één actie, met een reden, schrijf je in de actie"
        }
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "    <!-- kader: negeer {} \"{}\" -->",
        r.id,
        if en { "reason" } else { "reden" }
    )?;
    Ok(())
}
