//! Where inputs come from: every byte kader reads arrives through an [`Origin`].
//!
//! Owns: the [`Input`] (a name, its bytes, its kind), the [`Origin`] trait that reads one by
//! name, and the origins kader ships: [`Disk`], [`Bundled`] (the rule set compiled into the
//! binary) and [`Overlay`] (inputs held in memory, such as an editor's unsaved buffers, over
//! another origin). The wording of I/O errors for people lives here too.
//! Must not: interpret bytes. Decoding a draft (UTF-8, NUL bytes) is `inputs`; parsing is
//! the floors above.
//!
//! The pipeline never opens a file itself: rule files and the files they include, registers,
//! `kader.toml` and the baseline are read through the origin it is given, so a plan can come
//! from disk, from git's index or from an editor's memory with the same code.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use crate::embedded;
use crate::i18n::tr;
use crate::text::normalize_path;

/// What an input is to kader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// A jaarplan draft (Markdown).
    Draft,
    /// A rule file (`.kader`), the entry or an included one.
    RuleFile,
    /// A policy register (TOML) named by a rule file.
    Register,
    /// `kader.toml`.
    Config,
    /// `kader-baseline.toml`.
    Baseline,
    /// A test case of `kader test` (`tests/*.md` beside a rule file).
    TestCase,
}

/// One input of a run: its name as shown to people (with `/`), its bytes as read, its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
    pub kind: InputKind,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>, kind: InputKind) -> Self {
        Input {
            name: name.into(),
            bytes: bytes.into(),
            kind,
        }
    }

    /// A draft held in memory.
    pub fn draft(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Input::new(name, bytes, InputKind::Draft)
    }
}

/// A place inputs are read from, by path.
pub trait Origin: Sync {
    /// The bytes of `path`, read as an input of `kind`.
    fn read(&self, path: &Path, kind: InputKind) -> io::Result<Vec<u8>>;

    /// What makes two paths the same file here (include cycles, each file once).
    fn identity(&self, path: &Path) -> String {
        normalize_path(path)
    }
}

/// The text of `path`: its bytes read from `origin`, as UTF-8 (like `fs::read_to_string`).
pub fn read_text(origin: &dyn Origin, path: &Path, kind: InputKind) -> io::Result<String> {
    let bytes = origin.read(path, kind)?;
    String::from_utf8(bytes).map_err(|_| not_utf8())
}

/// The error of text that is not UTF-8, in the reader's language.
pub fn not_utf8() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, tr!("io-not-utf8"))
}

/// The file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl InputKind {
    /// The largest file kader reads as this kind: 256 MiB for a draft, 16 MiB for the rest.
    pub fn size_limit(self) -> u64 {
        match self {
            InputKind::Draft => 256 << 20,
            _ => 16 << 20,
        }
    }
}

impl Origin for Disk {
    /// Only regular files are read (a device, a pipe or a socket could block or never
    /// end), checked before opening, and never more than the kind's size limit.
    fn read(&self, path: &Path, kind: InputKind) -> io::Result<Vec<u8>> {
        use std::io::Read;
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            return Err(io::Error::from(io::ErrorKind::IsADirectory));
        }
        if !meta.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                tr!("io-not-a-regular-file"),
            ));
        }
        // The kernel's own file systems look like files but are the system's state (an
        // include of /proc/self/environ would print the environment in an error snippet).
        if let Ok(real) = std::fs::canonicalize(path)
            && ["/proc", "/sys", "/dev"].iter().any(|p| real.starts_with(p))
        {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, tr!("io-system-file")));
        }
        let limit = kind.size_limit();
        let too_large = || io::Error::new(io::ErrorKind::InvalidData, tr!("io-too-large", limit = limit >> 20));
        if meta.len() > limit {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(too_large());
        }
        Ok(bytes)
    }

    fn identity(&self, path: &Path) -> String {
        std::fs::canonicalize(path).map_or_else(|_| normalize_path(path), |p| p.to_string_lossy().into_owned())
    }
}

/// The rule set and registers compiled into the binary (`rules/` of this repository).
#[derive(Debug, Clone, Copy, Default)]
pub struct Bundled;

impl Origin for Bundled {
    fn read(&self, path: &Path, _kind: InputKind) -> io::Result<Vec<u8>> {
        embedded::file(&normalize_path(path))
            .map(|t| t.as_bytes().to_vec())
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, tr!("rules-not-bundled")))
    }
}

/// Inputs held in memory, in front of another origin: a path the overlay holds is read from
/// memory, any other from the origin below (an editor's unsaved buffers over the disk).
pub struct Overlay<'a> {
    under: &'a dyn Origin,
    files: HashMap<String, Vec<u8>>,
}

impl<'a> Overlay<'a> {
    pub fn new(under: &'a dyn Origin) -> Self {
        Overlay {
            under,
            files: HashMap::new(),
        }
    }

    /// Hold `bytes` for `path` (replacing what was held).
    pub fn insert(&mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(normalize_path(path.as_ref()), bytes.into());
    }

    /// Forget `path`: it is read from the origin below again.
    pub fn remove(&mut self, path: impl AsRef<Path>) {
        self.files.remove(&normalize_path(path.as_ref()));
    }
}

impl Origin for Overlay<'_> {
    fn read(&self, path: &Path, kind: InputKind) -> io::Result<Vec<u8>> {
        match self.files.get(&normalize_path(path)) {
            Some(bytes) => Ok(bytes.clone()),
            None => self.under.read(path, kind),
        }
    }

    fn identity(&self, path: &Path) -> String {
        let key = normalize_path(path);
        if self.files.contains_key(&key) {
            key
        } else {
            self.under.identity(path)
        }
    }
}

/// An I/O error in words for people ("bestaat niet", "geen toegang").
/// An error while writing, in the reader's words (no rights is then "no right to write").
pub fn describe_write_error(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::PermissionDenied && e.get_ref().is_none() {
        return tr!("io-permission-denied-write");
    }
    describe_io_error(e)
}

pub fn describe_io_error(e: &io::Error) -> String {
    // An origin's own words (the bundled set has no such file) are said as they are.
    if let Some(inner) = e.get_ref() {
        // The standard library's own words for text that is not UTF-8.
        if inner.to_string().contains("valid UTF-8") {
            return tr!("io-not-utf8");
        }
        return e.to_string();
    }
    use io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::AlreadyExists => "io-already-exists",
        K::ReadOnlyFilesystem => "io-read-only",
        K::StorageFull | K::QuotaExceeded => "io-disk-full",
        K::FileTooLarge => "io-file-too-large",
        K::InvalidData => "io-not-utf8",
        K::BrokenPipe => "io-broken-pipe",
        K::TimedOut => "io-timed-out",
        K::Interrupted => "io-interrupted",
        K::OutOfMemory => "io-out-of-memory",
        K::DirectoryNotEmpty => "io-directory-not-empty",
        K::ResourceBusy | K::ExecutableFileBusy => "io-busy",
        K::CrossesDevices => "io-crosses-devices",
        K::InvalidFilename => "io-invalid-filename",
        K::TooManyLinks => "io-too-many-links",
        K::Unsupported => "io-unsupported",
        _ => {
            // Anything else: the system's number, not its English sentence.
            return match e.raw_os_error() {
                Some(code) => tr!("io-os-error", code = code),
                None => tr!("io-other"),
            };
        }
    };
    crate::i18n::message(key, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlay_answers_before_the_origin_below() {
        let mut mem = Overlay::new(&Bundled);
        mem.insert("rules/./jaarplan-2026-2027.kader", "regel x {}");
        let read = mem.read(Path::new("rules/jaarplan-2026-2027.kader"), InputKind::RuleFile);
        assert_eq!(read.expect("held in memory"), b"regel x {}");
        let below = mem.read(Path::new("rules/beleidsplan-2026-2027.toml"), InputKind::Register);
        assert!(below.expect("bundled").starts_with(b"#"));
        mem.remove("rules/jaarplan-2026-2027.kader");
        let back = mem.read(Path::new("rules/jaarplan-2026-2027.kader"), InputKind::RuleFile);
        assert_ne!(back.expect("bundled again"), b"regel x {}");
    }

    #[test]
    fn the_bundled_origin_says_what_it_lacks() {
        let e = Bundled
            .read(Path::new("rules/nope.kader"), InputKind::RuleFile)
            .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert_eq!(describe_io_error(&e), tr!("rules-not-bundled"));
    }
}
