//! Markdown drafts: text → `Document` (actions with fields, every value with its span).
//!
//! Owns: front matter, the split of a draft into actions (headings and tables), field
//! names under every alias, link IDs inside a field.
//! Must not: decide whether anything is right or wrong; only the input format itself
//! (front matter that is not TOML) gets a diagnostic here.

mod extract;
mod markdown;
pub mod time;

pub use extract::{parse, parse_links};
pub use markdown::options as markdown_options;

use unicode_normalization::UnicodeNormalization;

/// Field names compare case-insensitively, ignoring accents, surrounding `**`/`_`, a
/// trailing `:` and a trailing text in parentheses (`Inwonerseffectparagraaf (IEP)`).
pub fn normalize_name(name: &str) -> String {
    let mut s = name
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
        .trim_end_matches(':')
        .trim();
    if s.ends_with(')')
        && let Some(open) = s.rfind('(')
        && open > 0
    {
        s = s[..open].trim_end();
    }
    // Most names are plain ASCII: no decomposition needed.
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        for word in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    let folded: String = s
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect::<String>()
        .to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::normalize_name;

    #[test]
    fn names_normalise() {
        assert_eq!(
            normalize_name("**Inwonerseffectparagraaf (IEP)**"),
            "inwonerseffectparagraaf"
        );
        assert_eq!(normalize_name("Afhankelijk  van:"), "afhankelijk van");
        assert_eq!(normalize_name("Continuïteit"), "continuiteit");
        assert_eq!(normalize_name("(IEP)"), "(iep)");
    }
}
