//! Policy registers: TOML files that list the nodes of a policy document.
//!
//! Owns: reading a register file into a `Register` (every node ID kept with its span),
//! lookups by ID (case-insensitive), title comparison and "did you mean" for IDs.
//! Must not: know which rule uses a register or how a draft links to it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::tr;
use crate::source::{SourceId, Sources, Span};

/// The rule ID under which problems with a register file are reported.
pub const REGISTER_PROBLEM: &str = "register";

fn no_file() -> SourceId {
    SourceId(u32::MAX)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegister {
    id: String,
    titel: String,
    #[serde(default)]
    bron: Option<String>,
    #[serde(default)]
    periode: Option<String>,
    niveaus: Vec<String>,
    #[serde(default, rename = "node")]
    nodes: Vec<RawNode>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    id: toml::Spanned<String>,
    niveau: toml::Spanned<String>,
    titel: String,
    #[serde(default)]
    ouder: Option<toml::Spanned<String>>,
    #[serde(default)]
    aliassen: Vec<String>,
    #[serde(default)]
    bron: Option<String>,
    #[serde(default)]
    toelichting: Option<String>,
    #[serde(default)]
    punten: Vec<RawPoint>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawPoint {
    Text(String),
    Nested {
        tekst: String,
        #[serde(default)]
        sub: Vec<String>,
    },
}

/// A bullet item of the policy text, verbatim.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Point {
    pub text: String,
    pub sub: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub span: Span,
    pub level: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub points: Vec<Point>,
    pub source_lines: Option<String>,
    pub explanation: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Register {
    pub id: String,
    pub title: String,
    pub source_text: Option<String>,
    pub period: Option<String>,
    pub levels: Vec<String>,
    pub nodes: Vec<Node>,
    #[serde(skip, default = "no_file")]
    pub file: SourceId,
    /// Rebuilt from `nodes` when read in its prepared form (a map's order is not fixed).
    #[serde(skip)]
    index: HashMap<String, usize>,
    /// Per node: its title and aliases as `normalize_title` gives them, computed once
    /// (titles are compared for every link in every action).
    normalized: Vec<Vec<String>>,
}

impl Register {
    /// Parse a register file. Problems are returned as diagnostics; `None` when the file
    /// cannot be used at all. A bundled register, unchanged, is read in the form prepared
    /// from it (`rules/prepared/`, held to the TOML by a test): a tenth of the work.
    pub fn load(file: SourceId, sources: &Sources) -> (Option<Register>, Vec<Diagnostic>) {
        if let Some(bytes) = crate::embedded::prepared_register(&sources.get(file).text)
            && let Ok(mut register) = postcard::from_bytes::<Register>(bytes)
        {
            register.file = file;
            for (i, n) in register.nodes.iter().enumerate() {
                register.index.entry(n.id.to_uppercase()).or_insert(i);
            }
            return (Some(register), Vec::new());
        }
        Self::load_toml(file, sources)
    }

    /// [`Register::load`] from the TOML text, always.
    pub fn load_toml(file: SourceId, sources: &Sources) -> (Option<Register>, Vec<Diagnostic>) {
        let text = sources.get(file).text.as_str();
        let mut diags = Vec::new();
        let raw: RawRegister = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                let span = e.span().map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
                let msg = e.message().to_owned();
                diags.push(
                    Diagnostic::new(
                        REGISTER_PROBLEM,
                        Severity::Error,
                        tr!("register-invalid", name = sources.get(file).name.as_str()),
                    )
                    .with_primary(Label::new(file, span, msg))
                    .with_help(tr!("register-invalid-help")),
                );
                return (None, diags);
            }
        };
        let mut nodes: Vec<Node> = Vec::with_capacity(raw.nodes.len());
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut parents: Vec<Option<toml::Spanned<String>>> = Vec::new();
        for n in raw.nodes {
            let key = n.id.get_ref().to_uppercase();
            let span = Span::new(n.id.span().start, n.id.span().end);
            // A draft names nodes by ID in a list (`HA.ARB.1, HA.ARB.2`): an ID that is empty
            // or holds a space, comma or semicolon could never be linked to.
            let id = n.id.get_ref();
            if id.trim().is_empty() || id.contains(|c: char| c.is_whitespace() || c == ',' || c == ';') {
                diags.push(
                    Diagnostic::new(
                        REGISTER_PROBLEM,
                        Severity::Error,
                        tr!("register-bad-id", id = id.as_str()),
                    )
                    .with_primary(Label::new(file, span, tr!("register-bad-id-label")))
                    .with_help(tr!("register-bad-id-help")),
                );
                continue;
            }
            if let Some(&first) = index.get(&key) {
                diags.push(
                    Diagnostic::new(
                        REGISTER_PROBLEM,
                        Severity::Error,
                        tr!("register-duplicate", id = n.id.get_ref().as_str()),
                    )
                    .with_primary(Label::new(file, span, tr!("register-second-time")))
                    .with_label(Label::new(file, nodes[first].span, tr!("register-first-time")))
                    .with_help(tr!("register-duplicate-help")),
                );
                continue;
            }
            if !raw.niveaus.iter().any(|l| l == n.niveau.get_ref()) {
                let s = n.niveau.span();
                diags.push(
                    Diagnostic::new(
                        REGISTER_PROBLEM,
                        Severity::Error,
                        tr!("register-unknown-level", level = n.niveau.get_ref().as_str()),
                    )
                    .with_primary(Label::new(
                        file,
                        Span::new(s.start, s.end),
                        tr!("register-unknown-level-label"),
                    ))
                    .with_help(tr!("register-levels", levels = raw.niveaus.join(", "))),
                );
            }
            index.insert(key, nodes.len());
            parents.push(n.ouder);
            nodes.push(Node {
                id: n.id.into_inner(),
                span,
                level: n.niveau.into_inner(),
                title: n.titel,
                aliases: n.aliassen,
                parent: None,
                children: Vec::new(),
                points: n
                    .punten
                    .into_iter()
                    .map(|p| match p {
                        RawPoint::Text(text) => Point { text, sub: Vec::new() },
                        RawPoint::Nested { tekst, sub } => Point { text: tekst, sub },
                    })
                    .collect(),
                source_lines: n.bron,
                explanation: n.toelichting,
            });
        }
        let parent_spans: Vec<Option<Span>> = parents
            .iter()
            .map(|p| p.as_ref().map(|p| Span::new(p.span().start, p.span().end)))
            .collect();
        for (i, parent) in parents.into_iter().enumerate() {
            let Some(parent) = parent else { continue };
            match index.get(&parent.get_ref().to_uppercase()) {
                Some(&p) if p != i => {
                    nodes[i].parent = Some(p);
                    nodes[p].children.push(i);
                }
                Some(_) => {
                    let s = parent.span();
                    diags.push(
                        Diagnostic::new(
                            REGISTER_PROBLEM,
                            Severity::Error,
                            tr!("register-own-parent", id = nodes[i].id.as_str()),
                        )
                        .with_primary(Label::new(
                            file,
                            Span::new(s.start, s.end),
                            tr!("register-own-parent-label"),
                        ))
                        .with_help(tr!("register-unknown-parent-help")),
                    );
                }
                None => {
                    let s = parent.span();
                    diags.push(
                        Diagnostic::new(
                            REGISTER_PROBLEM,
                            Severity::Error,
                            tr!(
                                "register-unknown-parent",
                                parent = parent.get_ref().as_str(),
                                id = nodes[i].id.as_str()
                            ),
                        )
                        .with_primary(Label::new(file, Span::new(s.start, s.end), tr!("register-unknown-id")))
                        .with_help(tr!("register-unknown-parent-help")),
                    );
                }
            }
        }
        // Parents that lead back to where they started: every walk up the tree (coverage,
        // the report) would never end. Each node is visited once (iterative, colours).
        let mut state = vec![0u8; nodes.len()]; // 0 unseen, 1 on the current path, 2 done
        for start in 0..nodes.len() {
            let mut path = Vec::new();
            let mut at = Some(start);
            while let Some(n) = at {
                match state[n] {
                    2 => break,
                    1 => {
                        // `path` from the first `n` on is the loop.
                        let from = path.iter().position(|&x| x == n).unwrap_or(0);
                        let ring: Vec<usize> = path[from..].to_vec();
                        let chain: Vec<&str> = ring
                            .iter()
                            .chain(std::iter::once(&n))
                            .map(|&x| nodes[x].id.as_str())
                            .collect();
                        let mut d = Diagnostic::new(
                            REGISTER_PROBLEM,
                            Severity::Error,
                            tr!("register-parent-cycle", chain = chain.join(" → ")),
                        );
                        if let Some(span) = parent_spans[n] {
                            d = d.with_primary(Label::new(file, span, tr!("register-parent-cycle-label")));
                        }
                        diags.push(d.with_help(tr!("register-parent-cycle-help")));
                        // Break the loop, so nothing that reads this register can spin.
                        for &x in &ring {
                            if let Some(p) = nodes[x].parent.take() {
                                nodes[p].children.retain(|&c| c != x);
                            }
                        }
                        break;
                    }
                    _ => {
                        state[n] = 1;
                        path.push(n);
                        at = nodes[n].parent;
                    }
                }
            }
            for n in path {
                state[n] = 2;
            }
        }
        let normalized = nodes
            .iter()
            .map(|n| {
                std::iter::once(&n.title)
                    .chain(&n.aliases)
                    .map(|t| normalize_title(t))
                    .collect()
            })
            .collect();
        let register = Register {
            normalized,
            id: raw.id,
            title: raw.titel,
            source_text: raw.bron,
            period: raw.periode,
            levels: raw.niveaus,
            nodes,
            file,
            index,
        };
        (Some(register), diags)
    }

    /// The node with this ID, compared case-insensitively.
    pub fn get(&self, id: &str) -> Option<&Node> {
        self.index.get(&id.to_uppercase()).map(|&i| &self.nodes[i])
    }

    /// The index of the node with this ID, compared case-insensitively.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(&id.to_uppercase()).copied()
    }

    /// The top of the tree above a node: its line.
    pub fn root(&self, mut i: usize) -> usize {
        while let Some(p) = self.nodes[i].parent {
            i = p;
        }
        i
    }

    pub fn node(&self, i: usize) -> &Node {
        &self.nodes[i]
    }

    /// IDs close to an unknown one (edit distance), or whose title is the text written.
    pub fn suggest(&self, unknown: &str, written: &str) -> Vec<&Node> {
        let written = normalize_title(written);
        let by_title: Vec<&Node> = self
            .nodes
            .iter()
            .zip(&self.normalized)
            .filter(|(_, titles)| titles.contains(&written))
            .map(|(n, _)| n)
            .collect();
        if !by_title.is_empty() {
            return by_title;
        }
        let up = unknown.to_uppercase();
        let scored: Vec<(usize, &Node)> = self
            .nodes
            .iter()
            .map(|n| (strsim::damerau_levenshtein(&up, &n.id.to_uppercase()), n))
            .filter(|(d, _)| *d <= 2)
            .collect();
        let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
            return Vec::new();
        };
        scored
            .into_iter()
            .filter(|(d, _)| *d == best)
            .map(|(_, n)| n)
            .take(3)
            .collect()
    }

    /// Does `written` name this node (its title or an alias)?
    pub fn title_matches(&self, node: &Node, written: &str) -> bool {
        let written = normalize_title(written);
        self.index
            .get(&node.id.to_uppercase())
            .is_some_and(|&i| self.normalized[i].contains(&written))
    }
}

/// Titles compare ignoring case, quote and dash kinds, `&` vs `en`, whitespace runs and
/// Unicode normalisation.
pub fn title_eq(a: &str, b: &str) -> bool {
    normalize_title(a) == normalize_title(b)
}

pub fn normalize_title(s: &str) -> String {
    if s.is_ascii() {
        return normalize_ascii_title(s);
    }
    normalize_any_title(s)
}

/// [`normalize_title`] for ASCII text (nearly every title), in one pass without the
/// intermediate strings: lowercase, `` ` `` as `'`, `&` as the word `en`, single spaces.
fn normalize_ascii_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut space = false;
    for b in s.bytes() {
        match b {
            // White space as `char::is_whitespace` has it in ASCII.
            9..=13 | b' ' => space = !out.is_empty(),
            b'&' => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str("en");
                space = true;
            }
            _ => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(if b == b'`' {
                    '\''
                } else {
                    char::from(b.to_ascii_lowercase())
                });
            }
        }
    }
    out
}

fn normalize_any_title(s: &str) -> String {
    let s: String = s.nfc().collect::<String>().to_lowercase();
    let mut out = String::with_capacity(s.len());
    for word in s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => '-',
            '&' => '\u{1}',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(
            &word
                .replace('\u{1}', " en ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The prepared forms of the bundled registers are what loading their TOML gives. When
    /// a register is edited, regenerate them: `KADER_UPDATE_PREPARED=1 cargo test
    /// prepared_registers_are_current`.
    #[test]
    fn prepared_registers_are_current() {
        let update = std::env::var_os("KADER_UPDATE_PREPARED").is_some();
        for (path, prepared) in crate::embedded::PREPARED {
            let mut sources = Sources::default();
            let text = crate::embedded::file(path).expect("a bundled register");
            let id = sources.add(SourceFile::new(*path, text));
            let (from_toml, diags) = Register::load_toml(id, &sources);
            assert!(diags.is_empty(), "{path}: {diags:?}");
            let from_toml = from_toml.expect("the bundled register loads");
            let bytes = postcard::to_allocvec(&from_toml).expect("serialisable");
            if update {
                let name = std::path::Path::new(path)
                    .file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let out = format!("{}/rules/prepared/{name}.postcard", env!("CARGO_MANIFEST_DIR"));
                std::fs::write(&out, &bytes).expect("write the prepared register");
                continue;
            }
            assert!(
                bytes == *prepared,
                "{path} changed: run `KADER_UPDATE_PREPARED=1 cargo test prepared_registers_are_current`"
            );
            // And the prepared form reads back as the same register, index included.
            let (read, diags) = Register::load(id, &sources);
            let read = read.expect("the prepared register reads");
            assert!(diags.is_empty());
            assert_eq!(postcard::to_allocvec(&read).unwrap(), bytes);
            assert_eq!(read.file, id);
            for n in &from_toml.nodes {
                let got = read.get(&n.id.to_lowercase()).map(|m| m.id.as_str());
                assert_eq!(got, Some(n.id.as_str()), "{path}: {}", n.id);
            }
        }
    }

    /// The one-pass ASCII normalisation gives what the general one gives.
    #[test]
    fn ascii_titles_normalise_as_any_title() {
        let cases = [
            "",
            "   ",
            "Digitale ondersteuning & communicatie",
            "a&b",
            "&b",
            "a &",
            "a& &b",
            "&&",
            " & ",
            "Zorg  voor\tde\n wijk ",
            "Inwoner`s regie",
            "HA.ARB.2 Vernieuwende oplossingen",
            "x\u{b}y\u{c}z\rw",
            "MIXED Case, punctuation: (yes) - no",
        ];
        for case in cases {
            assert_eq!(normalize_ascii_title(case), normalize_any_title(case), "{case:?}");
        }
    }

    #[test]
    fn titles_compare_loosely() {
        assert!(title_eq(
            "Digitale ondersteuning & communicatie",
            "digitale ondersteuning en  communicatie"
        ));
        assert!(title_eq("PA\u{2019}s – VS", "pa's - vs"));
        assert!(title_eq("Continu\u{00ef}teit", "Continui\u{0308}teit"));
        assert!(!title_eq(
            "Telefonie en website",
            "De voordeur: telefonie, website en triagering"
        ));
    }
}
