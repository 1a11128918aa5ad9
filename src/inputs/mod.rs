//! The inputs of a plan, before any parsing: drafts found on disk (`disk`), and decoding a
//! draft's bytes into text.
//!
//! Owns: [`InputProblem`] (a file kader could not use, with where and why), decoding (UTF-8,
//! no NUL bytes; a problem says the line and column), and the disk listing of drafts.
//! Must not: parse Markdown or know about rules.

pub mod disk;
pub mod docx;
pub mod git;

use crate::i18n::tr;
use crate::origin::Input;
use crate::text::line_col;

/// What kind of problem an input has; `code` is what machines read (JSON `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The path does not exist (or is a link to nothing).
    NotFound,
    /// No permission to read it.
    NoAccess,
    /// Another I/O error.
    Unreadable,
    /// Not valid UTF-8.
    NotUtf8,
    /// Not text (a NUL byte).
    Binary,
    /// A Word file kader cannot read (a `.doc`, encrypted, macros, broken, too large).
    Word,
    /// A device, a pipe or a socket, not a regular file.
    SpecialFile,
    /// The paths hold no draft at all.
    NoDrafts,
    /// A link to a folder above it, skipped.
    LinkLoop,
    /// A link whose target does not exist, skipped.
    BrokenLink,
    /// A link that leads outside every folder being checked, skipped.
    LinkOutside,
}

impl ProblemKind {
    /// The stable name of the kind (JSON `kind`, SARIF notification descriptor).
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::NotFound => "bestaat-niet",
            ProblemKind::NoAccess => "geen-toegang",
            ProblemKind::Unreadable => "onleesbaar",
            ProblemKind::NotUtf8 => "geen-utf8",
            ProblemKind::Binary => "geen-tekst",
            ProblemKind::SpecialFile => "geen-gewoon-bestand",
            ProblemKind::NoDrafts => "geen-concepten",
            ProblemKind::LinkLoop => "koppeling-naar-boven",
            ProblemKind::BrokenLink => "kapotte-koppeling",
            ProblemKind::LinkOutside => "koppeling-naar-buiten",
            ProblemKind::Word => "word-onleesbaar",
        }
    }

    /// The kind of an I/O error.
    pub fn of_io(e: &std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => ProblemKind::NotFound,
            std::io::ErrorKind::PermissionDenied => ProblemKind::NoAccess,
            std::io::ErrorKind::InvalidInput => ProblemKind::SpecialFile,
            _ => ProblemKind::Unreadable,
        }
    }
}

/// A file or path kader could not use. An error lowers the exit status to 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// The path as the user gave it (or as found under a folder they gave).
    pub file: String,
    /// Line and column (1-based, in characters) where the file stops being usable.
    pub position: Option<(usize, usize)>,
    pub kind: ProblemKind,
    pub message: String,
    pub help: Option<String>,
    /// A link loop or a broken link is skipped with a warning; it does not make the run fail.
    pub warning: bool,
}

impl InputProblem {
    pub fn error(file: String, kind: ProblemKind, message: impl Into<String>, help: Option<String>) -> Self {
        InputProblem {
            file,
            position: None,
            kind,
            message: message.into(),
            help,
            warning: false,
        }
    }

    pub fn warning(file: String, kind: ProblemKind, message: impl Into<String>) -> Self {
        InputProblem {
            file,
            position: None,
            kind,
            message: message.into(),
            help: None,
            warning: true,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    /// `file` or `file:line:column`, as people read a place.
    pub fn place(&self) -> String {
        match self.position {
            Some((line, column)) => format!("{}:{line}:{column}", self.file),
            None => self.file.clone(),
        }
    }
}

/// The Word formats, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Docx,
    Docm,
    Doc,
}

pub fn word_kind(name: &str) -> Option<Word> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    match ext.as_str() {
        "docx" => Some(Word::Docx),
        "docm" => Some(Word::Docm),
        "doc" => Some(Word::Doc),
        _ => None,
    }
}

/// A Word draft read as its Markdown form: what every rule reads.
fn decode_docx(name: String, bytes: &[u8]) -> Result<crate::source::SourceFile, InputProblem> {
    use docx::DocxError;
    match docx::convert(bytes) {
        Ok(c) => {
            let mut file = crate::source::SourceFile::new(name, c.text);
            file.paragraphs = Some(c.paragraphs);
            Ok(file)
        }
        Err(e) => {
            let (message, help) = match e {
                DocxError::NotZip { encrypted: true } => (tr!("docx-encrypted"), tr!("docx-encrypted-help")),
                DocxError::NotZip { encrypted: false } => (tr!("docx-not-zip"), tr!("docx-save-as-docx")),
                DocxError::NoDocument => (tr!("docx-no-document"), tr!("docx-save-as-docx")),
                DocxError::TooLarge { part } => (
                    tr!(
                        "docx-too-large",
                        part = part,
                        mb = docx::MAX_PART / (1024 * 1024),
                        ratio = docx::MAX_RATIO
                    ),
                    tr!("docx-too-large-help"),
                ),
                DocxError::BadXml { part, reason } => (
                    tr!("docx-bad-xml", part = part, reason = crate::text::short(&reason)),
                    tr!("docx-save-as-docx"),
                ),
                DocxError::Macros => (tr!("docx-macros"), tr!("docx-save-as-docx")),
            };
            Err(InputProblem::error(name, ProblemKind::Word, message, Some(help)))
        }
    }
}

/// A draft's bytes as text. A NUL byte or invalid UTF-8 is a problem with a position.
pub fn decode(input: Input) -> Result<(String, String), InputProblem> {
    decode_file(input).map(|f| (f.name, f.text))
}

/// A draft's bytes as the file the checker reads: its text, and for a Word draft the
/// Markdown form with the place of each paragraph.
pub fn decode_file(input: Input) -> Result<crate::source::SourceFile, InputProblem> {
    let Input { name, bytes, .. } = input;
    let refuse = |name: String, message: String| {
        Err(InputProblem::error(
            name,
            ProblemKind::Word,
            message,
            Some(tr!("docx-save-as-docx")),
        ))
    };
    match word_kind(&name) {
        Some(Word::Docx) => decode_docx(name, &bytes),
        Some(Word::Docm) => refuse(name, tr!("docx-macros")),
        Some(Word::Doc) => refuse(name, tr!("docx-binary-doc")),
        None => {
            let (name, text) = decode_text(name, bytes)?;
            Ok(crate::source::SourceFile::new(name, text))
        }
    }
}

/// Text: no NUL byte, valid UTF-8.
fn decode_text(name: String, bytes: Vec<u8>) -> Result<(String, String), InputProblem> {
    if let Some(i) = memchr::memchr(0, &bytes) {
        let (line, col) = line_col(&bytes, i);
        return Err(InputProblem::error(
            name,
            ProblemKind::Binary,
            tr!("walk-binary"),
            Some(tr!("walk-binary-help")),
        )
        .at(line, col));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let (line, col) = line_col(e.as_bytes(), at);
            Err(InputProblem::error(
                name,
                ProblemKind::NotUtf8,
                tr!("walk-not-utf8"),
                Some(tr!("walk-not-utf8-help")),
            )
            .at(line, col))
        }
    }
}
