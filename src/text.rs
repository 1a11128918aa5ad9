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

/// The most characters of one value (a title, an ID, a field's text) a message or label
/// repeats; output stays bounded whatever a draft holds.
pub const MAX_VALUE_CHARS: usize = 200;

/// A value as a message repeats it: at most [`MAX_VALUE_CHARS`] characters, then `…`.
pub fn short(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(MAX_VALUE_CHARS) {
        None => std::borrow::Cow::Borrowed(s),
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..at])),
    }
}

/// Text from a draft, a file name, a register or a rule file as it may be shown to a person
/// on a terminal or in a CI log: every control character becomes its visible picture
/// (ESC → `␛`, a line break → `␊`, DEL → `␡`; C1 controls → `�`), one character for one, so
/// columns stay where they were. Nothing from an input can then move the cursor, recolour
/// the terminal, set the clipboard or start a line of its own (`::error …` in a CI log).
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    visible_except(s, &[])
}

/// [`visible`] for the lines of a source snippet: line breaks and tabs stay as they are.
pub fn visible_lines(s: &str) -> std::borrow::Cow<'_, str> {
    visible_except(s, &['\n', '\r', '\t'])
}

fn visible_except<'a>(s: &'a str, keep: &[char]) -> std::borrow::Cow<'a, str> {
    let shown = |c: char| -> Option<char> {
        if keep.contains(&c) {
            return None;
        }
        match c as u32 {
            0x00..=0x1f => char::from_u32(0x2400 + c as u32),
            0x7f => Some('\u{2421}'),
            0x80..=0x9f => Some('\u{fffd}'),
            _ => None,
        }
    };
    if !s.chars().any(|c| shown(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(|c| shown(c).unwrap_or(c)).collect())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{normalize_name, relative_path, visible, visible_lines};

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(
            visible("titel\u{1b}]52;c;x\u{7}\u{1b}[2J"),
            "titel\u{241b}]52;c;x\u{2407}\u{241b}[2J"
        );
        assert_eq!(visible("a\n::error file=x::b"), "a\u{240a}::error file=x::b");
        assert_eq!(visible("\u{9b}31m\u{7f}"), "\u{fffd}31m\u{2421}");
        assert_eq!(visible_lines("a\tb\r\nc\u{1b}"), "a\tb\r\nc\u{241b}");
        assert!(matches!(visible("gewoon"), std::borrow::Cow::Borrowed(_)));
        // One character for one: columns stay.
        let s = "x\u{1b}[31my";
        assert_eq!(visible(s).chars().count(), s.chars().count());
    }

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
