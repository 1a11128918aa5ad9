//! Entry points for the fuzz targets in `fuzz/`, kept in the library so that the regression
//! corpus (`fuzz/regressions/<target>/`) is replayed by an ordinary test on every CI run.
//!
//! Each function takes arbitrary bytes and must neither panic nor hang.

use std::sync::LazyLock;

use crate::lang::ruleset::RuleSet;
use crate::source::{SourceFile, Sources, Span};

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let mut sources = Sources::default();
    crate::lang::load(crate::embedded::ENTRY, &crate::origin::Bundled, &mut sources)
        .0
        .expect("the bundled rules load")
});

/// The rule-language parser on arbitrary text.
pub fn rule_parser(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (_, errors) = crate::lang::parser::parse(text);
    for e in errors {
        assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
    }
}

/// The draft parser (Markdown, front matter, fields, links, times) on arbitrary text.
pub fn draft(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = Sources::default();
    let id = sources.add(SourceFile::new("fuzz.md", text));
    let (doc, _) = crate::draft::parse(id, &sources.get(id).text, &RULES);
    for a in &doc.actions {
        for f in &a.fields {
            assert!(f.value.span.end <= text.len());
        }
    }
}

/// A policy register (TOML) on arbitrary text: it loads or says why, and every span it
/// reports lies inside the text; walking up from any node ends.
pub fn register(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = Sources::default();
    let id = sources.add(SourceFile::new("fuzz.toml", text));
    let (reg, diags) = crate::register::Register::load(id, &sources);
    for d in &diags {
        if let Some(p) = &d.primary {
            assert!(p.span.end <= text.len(), "{d:?}");
        }
    }
    if let Some(reg) = reg {
        for start in 0..reg.nodes.len() {
            let mut at = Some(start);
            let mut steps = 0;
            while let Some(n) = at {
                steps += 1;
                assert!(steps <= reg.nodes.len(), "a loop of parents was not broken");
                at = reg.nodes[n].parent;
            }
        }
    }
}

/// kader.toml on arbitrary text, read as the file of a plan; every span inside the text.
pub fn config(data: &[u8]) {
    let mut memory = crate::origin::Overlay::new(&crate::origin::Bundled);
    memory.insert("fuzz/kader.toml", data.to_vec());
    let mut sources = Sources::default();
    let (_, diags) = crate::config::load(std::path::Path::new("fuzz/kader.toml"), &memory, &mut sources);
    for d in &diags {
        if let Some(p) = &d.primary {
            assert!(p.span.end <= sources.get(p.source).text.len(), "{d:?}");
        }
    }
}

/// The time-expression parser on arbitrary text.
pub fn time(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let plan = crate::model::time::PlanPeriod {
        start: RULES.plan.start,
        end: RULES.plan.end,
    };
    let span = Span::new(0, text.len());
    if let Ok(p) = crate::draft::time::parse_expr(text, span, plan) {
        assert!(p.interval.start <= p.interval.end);
        let back = crate::model::time::format(p.interval);
        let again =
            crate::draft::time::parse_expr(&back, Span::new(0, back.len()), plan).expect("a formatted interval parses");
        assert_eq!(again.interval, p.interval, "{back}");
    }
    let _ = crate::draft::time::parse_timeline(text, span, plan);
}

/// The whole check on a generated plan: the input is split into draft files at `\0\0`,
/// checked per file and plan-wide, and rendered in every format.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = Sources::default();
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for (i, part) in text.split("\0\0").take(8).enumerate() {
        let id = sources.add(SourceFile::new(format!("team-{i}.md"), part));
        let (doc, d) = crate::draft::parse(id, &sources.get(id).text, &RULES);
        diags.extend(d);
        diags.extend(crate::check::check_document(&doc, &RULES));
        docs.push(doc);
    }
    crate::check::finish(&docs, &[], &RULES, &mut diags, jiff::civil::date(2026, 9, 1));
    crate::diagnostic::sort(&mut diags, |id| sources.get(id).name.clone());
    let summary = crate::render::Summary::count(docs.len(), docs.iter().map(|d| d.actions.len()).sum(), &diags);
    let mut out = Vec::new();
    crate::render::human::render_all(&diags, &sources, &mut out).expect("writing to a Vec");
    crate::render::json::render(&diags, &[], summary, &sources, &mut out).expect("writing to a Vec");
    let cov = crate::check::coverage::coverage(&docs, &RULES);
    crate::render::coverage::human(&cov, &RULES, summary, &mut out).expect("writing to a Vec");
}

/// The Word reader on arbitrary bytes (a zip or not): it converts or says why, never more
/// than its limits, and what it gives is a draft the Markdown reader reads.
pub fn docx(data: &[u8]) {
    if let Ok(c) = crate::inputs::docx::convert(data) {
        draft(c.text.as_bytes());
    }
}
