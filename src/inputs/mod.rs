//! The inputs of a plan, before any parsing: drafts found on disk (`disk`), and decoding a
//! draft's bytes into text.
//!
//! Owns: [`InputProblem`] (a file kader could not use, with where and why), decoding (UTF-8,
//! no NUL bytes; a problem says the line and column), and the disk listing of drafts.
//! Must not: parse Markdown or know about rules.

pub mod disk;

use crate::i18n::tr;
use crate::origin::Input;
use crate::text::line_col;

/// A file or path kader could not use. An error lowers the exit status to 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub path: String,
    pub message: String,
    pub help: Option<String>,
    /// A link loop or a broken link is skipped with a warning; it does not make the run fail.
    pub warning: bool,
}

impl InputProblem {
    pub fn error(path: String, message: impl Into<String>, help: Option<String>) -> Self {
        InputProblem {
            path,
            message: message.into(),
            help,
            warning: false,
        }
    }

    pub fn warning(path: String, message: impl Into<String>) -> Self {
        InputProblem {
            path,
            message: message.into(),
            help: None,
            warning: true,
        }
    }
}

/// A draft's bytes as text. A NUL byte or invalid UTF-8 is a problem with a position.
pub fn decode(input: Input) -> Result<(String, String), InputProblem> {
    let Input { name, bytes, .. } = input;
    if let Some(i) = memchr::memchr(0, &bytes) {
        let (line, col) = line_col(&bytes, i);
        return Err(InputProblem::error(
            format!("{name}:{line}:{col}"),
            tr!("walk-binary"),
            Some(tr!("walk-binary-help")),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let (line, col) = line_col(e.as_bytes(), at);
            Err(InputProblem::error(
                format!("{name}:{line}:{col}"),
                tr!("walk-not-utf8"),
                Some(tr!("walk-not-utf8-help")),
            ))
        }
    }
}
