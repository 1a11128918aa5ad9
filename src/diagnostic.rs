//! The one diagnostic type every stage produces and every renderer consumes.
//!
//! Owns: `Diagnostic`, `Label`, `Severity` and the deterministic sort order.
//! Must not: format anything for a terminal or a wire format (that is `render/`).

use crate::i18n::tr;
use crate::source::{SourceId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    /// The word in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// The word shown to people, in the run's language ("fout", "error").
    pub fn word(self) -> String {
        match self {
            Severity::Error => tr!("severity-error"),
            Severity::Warning => tr!("severity-warning"),
            Severity::Note => tr!("severity-note"),
        }
    }
}

/// A message attached to a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub source: SourceId,
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(source: SourceId, span: Span, message: impl Into<String>) -> Self {
        Label {
            source,
            span,
            message: message.into(),
        }
    }
}

/// A waiver that covers a finding (filled in by the waiver stage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waived {
    pub reason: String,
    pub source: SourceId,
    pub span: Span,
}

/// A change a finding proposes to its own file. `check` knows what would repair a value;
/// `fix` turns it into edits of the text (it knows the draft's form) for `kader fix` and
/// the language server's quick fixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Put `text` in the place of `span` (an ID, a title, a field name, a separator).
    Replace {
        span: Span,
        text: String,
        /// What it does, for people ("Vervang `HA.ARB.9` door `HA.ARB.1`").
        title: String,
        /// Safe without a human choice: `kader fix` and fix-all apply it.
        safe: bool,
    },
    /// Add the field (an index into `RuleSet::fields`) to the finding's action, in the
    /// draft's own form, with a placeholder for the value: a person fills it in.
    AddField(usize),
}

/// One finding, or one problem that kept kader from doing its job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// A rule ID from the rule set, or a fixed ID for problems with the input itself
    /// (`regelbestand`, `register`, `voorwerk`, `bestand`).
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The primary location. `None` for plan-level findings and for file-level problems
    /// without a position.
    pub primary: Option<Label>,
    /// The file a finding without a span still belongs to.
    pub file: Option<SourceId>,
    /// Further labels, e.g. "first defined here".
    pub labels: Vec<Label>,
    pub help: Vec<String>,
    pub notes: Vec<String>,
    /// The action the finding is about.
    pub action: Option<String>,
    /// The register node a plan-level finding names.
    pub node: Option<String>,
    pub waived: Option<Waived>,
    /// What would repair it, best first.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(rule: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.into(),
            severity,
            message: message.into(),
            primary: None,
            file: None,
            labels: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
            action: None,
            node: None,
            waived: None,
            fixes: Vec::new(),
        }
    }

    pub fn with_primary(mut self, label: Label) -> Self {
        self.file = Some(label.source);
        self.primary = Some(label);
        self
    }

    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn in_file(mut self, file: SourceId) -> Self {
        self.file = Some(file);
        self
    }

    /// The sort key of the JSON contract: file, then offset, then rule ID. Files are
    /// compared by name, which the caller resolves; diagnostics without a file come last.
    pub fn offset(&self) -> usize {
        self.primary.as_ref().map_or(0, |l| l.span.start)
    }
}

/// Sort diagnostics by file name, offset and rule ID (then message, to be total).
pub fn sort(diags: &mut [Diagnostic], name_of: impl Fn(SourceId) -> String) {
    diags.sort_by(|a, b| {
        let fa = a.file.map(&name_of);
        let fb = b.file.map(&name_of);
        // `None` (plan level) sorts after every file.
        let key_a = (fa.is_none(), fa, a.offset(), &a.rule, &a.message);
        let key_b = (fb.is_none(), fb, b.offset(), &b.rule, &b.message);
        key_a.cmp(&key_b)
    });
}

/// Counts for the summary line and the JSON `summary`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub actions: usize,
    /// Progress reports held against the plan (`kader voortgang`); not in the JSON summary.
    pub reports: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub waived: usize,
    /// Inputs kader could not use or skipped (unreadable files, no drafts, skipped links).
    pub problems: usize,
    /// The submission deadline and today, when a deadline is set.
    pub deadline: Option<(jiff::civil::Date, jiff::civil::Date)>,
    /// With a baseline: (findings it suppressed, baselined findings that are fixed).
    pub baseline: Option<(usize, usize)>,
}

impl Summary {
    pub fn count(files: usize, actions: usize, diags: &[Diagnostic]) -> Self {
        let mut s = Summary {
            files,
            actions,
            ..Summary::default()
        };
        for d in diags {
            if d.waived.is_some() {
                s.waived += 1;
                continue;
            }
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Note => s.notes += 1,
            }
        }
        s
    }
}
