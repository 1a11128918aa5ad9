//! Small text helpers every floor uses: how names and paths compare and are shown.
//!
//! Owns: field-name normalisation (case, accents, `**`, a trailing `:` or `(…)`), path
//! normalisation (`a/./b/../c` → `a/c`), the display form of a path, and the line and column
//! of a byte in text that may not be valid UTF-8.
//! Must not: import anything of kader's; it is on the ground floor.

use std::path::{Component, Path, PathBuf};

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

/// `a/./b/../c` → `a/c`, with `/` separators.
pub fn normalize_path(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in p.components() {
        match c {
            Component::RootDir => absolute = true,
            Component::CurDir | Component::Prefix(_) => {}
            Component::ParentDir => {
                if parts.last().is_some_and(|l| l != "..") {
                    parts.pop();
                } else {
                    parts.push("..".into());
                }
            }
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
        }
    }
    let s = parts.join("/");
    if absolute { format!("/{s}") } else { s }
}

/// A path as kader shows it: `/` separators, no leading `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// The 1-based line and character column of byte `at` in `bytes` (which may not be UTF-8).
pub fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}

/// `to` as seen from the folder `from` (both absolute): `a/b` below it, `../c` beside it.
/// Purely lexical; a path that is not absolute is returned as it is.
pub fn relative_path(from: &Path, to: &Path) -> PathBuf {
    if !from.is_absolute() || !to.is_absolute() {
        return to.to_path_buf();
    }
    let (from, to) = (normalize_path(from), normalize_path(to));
    let from: Vec<&str> = from.split('/').filter(|c| !c.is_empty()).collect();
    let to: Vec<&str> = to.split('/').filter(|c| !c.is_empty()).collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for part in &to[common..] {
        out.push(part);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{normalize_name, relative_path};

    #[test]
    fn paths_relative_to_a_folder() {
        let rel = |a: &str, b: &str| relative_path(Path::new(a), Path::new(b)).to_string_lossy().into_owned();
        assert_eq!(rel("/r", "/r/jaarplan"), "jaarplan");
        assert_eq!(rel("/r/docs/notities", "/r/jaarplan"), "../../jaarplan");
        assert_eq!(rel("/r", "/r"), ".");
        assert_eq!(rel("/r/a", "/r/./a/../b/c.md"), "../b/c.md");
        assert_eq!(rel("/r", "relatief/x"), "relatief/x");
    }

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
