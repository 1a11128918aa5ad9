//! Between kader's byte spans and file names and the protocol's positions and URIs.
//!
//! Positions are in the encoding agreed at `initialize`: UTF-16 code units (the protocol's
//! default) or UTF-8 bytes when the client offers them. A BOM is not part of the first line
//! (editors do not show it); `\r` belongs to the line break.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};

use crate::source::{SourceFile, Span};

/// How the client counts characters in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    fn width(self, s: &str) -> u32 {
        let n = match self {
            Encoding::Utf8 => s.len(),
            Encoding::Utf16 => s.encode_utf16().count(),
        };
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The position of byte `offset` of `file`.
pub fn position(file: &SourceFile, offset: usize, enc: Encoding) -> Position {
    let offset = boundary(&file.text, offset);
    let p = file.position(offset);
    let mut start = file.line_span(offset).start;
    if start == 0 {
        start = file.bom_len().min(offset);
    }
    Position {
        line: u32::try_from(p.line - 1).unwrap_or(u32::MAX),
        character: enc.width(&file.text[start.min(offset)..offset]),
    }
}

pub fn range(file: &SourceFile, span: Span, enc: Encoding) -> Range {
    Range {
        start: position(file, span.start, enc),
        end: position(file, span.end, enc),
    }
}

/// The byte offset of `pos` in `text`: past the end of a line is its end, past the last
/// line the end of the text.
pub fn offset(text: &str, pos: Position, enc: Encoding) -> usize {
    let mut start = 0;
    for _ in 0..pos.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    if start == 0 && text.starts_with('\u{feff}') {
        start = 3;
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut units = 0u32;
    for (i, c) in line.char_indices() {
        if units >= pos.character {
            return start + i;
        }
        units += match enc {
            Encoding::Utf8 => u32::try_from(c.len_utf8()).unwrap_or(1),
            Encoding::Utf16 => u32::try_from(c.len_utf16()).unwrap_or(1),
        };
    }
    start + line.len()
}

/// The `file:` URI of a path (absolute, or relative to `root`).
pub fn uri_of(root: &Path, name: &str) -> Uri {
    let path = Path::new(name);
    let abs: PathBuf = if path.is_absolute() {
        path.to_path_buf()
    } else {
        root.join(path)
    };
    let abs = normalize(&abs);
    let mut s = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&s).unwrap_or_else(|_| Uri::from_str("file:///").expect("a valid URI"))
}

/// `a/./b/../c` as `a/c`, without touching the file system (a file may not exist yet).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c.as_os_str()),
        }
    }
    out
}

/// The path of a `file:` URI; `None` for other schemes (an unsaved buffer, a diff view).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file://localhost/x` and `file:///x` are the same file.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(v) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).ok()?;
    Some(normalize(Path::new(&path)))
}

/// The name kader gives a file: relative to `root` when it lies under it (as `kader check`
/// run in the root names it), else absolute.
pub fn name_of(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_skip_the_bom() {
        let file = SourceFile::new("a.md", "\u{feff}é𝄞x\r\nab");
        let x = "\u{feff}é𝄞".len();
        assert_eq!(position(&file, x, Encoding::Utf16), Position::new(0, 3));
        assert_eq!(position(&file, x, Encoding::Utf8), Position::new(0, 6));
        let b = file.text.len() - 1;
        assert_eq!(position(&file, b, Encoding::Utf16), Position::new(1, 1));
        assert_eq!(offset(&file.text, Position::new(0, 3), Encoding::Utf16), x);
        assert_eq!(offset(&file.text, Position::new(0, 99), Encoding::Utf16), x + 1);
        assert_eq!(offset(&file.text, Position::new(1, 1), Encoding::Utf16), b);
        assert_eq!(
            offset(&file.text, Position::new(7, 0), Encoding::Utf16),
            file.text.len()
        );
    }

    #[test]
    fn uris_round_trip_with_spaces_and_accents() {
        let root = Path::new("/tmp/plan map");
        let uri = uri_of(root, "team één.md");
        assert_eq!(uri.as_str(), "file:///tmp/plan%20map/team%20%C3%A9%C3%A9n.md");
        let path = path_of(&uri).expect("a file URI");
        assert_eq!(name_of(root, &path), "team één.md");
    }
}
