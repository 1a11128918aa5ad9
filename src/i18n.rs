//! Every sentence kader says to a person, in Dutch and English.
//!
//! Owns: the message catalogues (`locales/nl.ftl`, `locales/en.ftl`, Project Fluent syntax,
//! embedded in the binary), the language of this run, and the `tr!` macro that looks a
//! message up by ID with named arguments.
//! Must not: hold rule messages — those come from the rule file (`melding`, `hulp`, and the
//! `engels { … }` block), so policy officers can change them without a new kader.
//!
//! The language is an argument of the work, not of the process: [`with_lang`] says it for
//! one piece of work (a check, a render, a command) on this thread, and every message made
//! inside speaks it, so checking code does not thread it through. Code that hands work to
//! other threads takes the language along (`with_lang(current(), …)` on the worker), so a
//! language server can serve two languages at once. Outside any `with_lang`: Dutch.
//! tests/i18n.rs keeps the two catalogues in step: the same IDs, the same arguments, and
//! every ID used in the code present in both.

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A language kader speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// `nl` or `en`, as in `--lang` and `taal`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// The Dutch catalogue, as shipped.
pub const NL: &str = include_str!("../locales/nl.ftl");
/// The English catalogue, as shipped.
pub const EN: &str = include_str!("../locales/en.ftl");

thread_local! {
    /// The language of the work this thread is doing (`None`: Dutch).
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Run `f` with `lang` as the language of every message it makes on this thread; the
/// language before is restored afterwards, also when `f` panics.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(Some(lang))));
    f()
}

/// The language of the work on this thread.
pub fn current() -> Lang {
    CURRENT.with(Cell::get).unwrap_or_default()
}

type Bundle = FluentBundle<FluentResource>;

fn build(source: String, lang: &str) -> Bundle {
    // The catalogues are part of the binary and tested; a syntax error is a bug in kader.
    let resource = FluentResource::try_new(source).unwrap_or_else(|(res, _)| res);
    let id = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: output goes to terminals and files.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// A catalogue whose messages are parsed one by one, when first asked for. A run says a
/// handful of the ~330 sentences; parsing the whole catalogue at every start cost more
/// than the check of a draft. The catalogues use no terms, attributes or references to
/// other messages (tests/i18n.rs), so each message stands alone.
struct Catalogue {
    lang: &'static str,
    source: &'static str,
    /// Message ID → its index in `ranges` and `parsed`.
    index: std::collections::HashMap<&'static str, usize>,
    /// Byte range of each message's lines in `source`.
    ranges: Vec<(usize, usize)>,
    parsed: Vec<OnceLock<Bundle>>,
}

impl Catalogue {
    fn new(source: &'static str, lang: &'static str) -> Self {
        let mut index = std::collections::HashMap::new();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut open: Option<usize> = None;
        let mut at = 0;
        for line in source.split_inclusive('\n') {
            let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic()) && line.contains('=');
            // A message runs until the next message or comment at the start of a line.
            if (starts_entry || line.starts_with('#'))
                && let Some(start) = open.take()
            {
                ranges.push((start, at));
            }
            if starts_entry {
                let id = line[..line.find('=').unwrap_or(0)].trim();
                index.insert(id, ranges.len());
                open = Some(at);
            }
            at += line.len();
        }
        if let Some(start) = open {
            ranges.push((start, at));
        }
        let parsed = ranges.iter().map(|_| OnceLock::new()).collect();
        Catalogue {
            lang,
            source,
            index,
            ranges,
            parsed,
        }
    }

    /// The bundle holding message `id`, parsed on first use.
    fn bundle_for(&self, id: &str) -> Option<&Bundle> {
        let &i = self.index.get(id)?;
        let (start, end) = self.ranges[i];
        Some(self.parsed[i].get_or_init(|| build(self.source[start..end].to_owned(), self.lang)))
    }
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static NL_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    static EN_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    match lang {
        Lang::Nl => NL_CATALOGUE.get_or_init(|| Catalogue::new(NL, "nl")),
        Lang::En => EN_CATALOGUE.get_or_init(|| Catalogue::new(EN, "en")),
    }
}

/// The message `id` in `lang` with `args` filled in. A missing message shows its ID, so a
/// gap is visible rather than silent (and tests/i18n.rs fails on it).
pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let Some(bundle) = catalogue(lang).bundle_for(id) else {
        return id.to_owned();
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// The message `id` in the language of this run, if the catalogue has it (for keys that
/// are derived, such as the help of each command-line option).
pub fn lookup(id: &str) -> Option<String> {
    let bundle = catalogue(current()).bundle_for(id)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, None, &mut errors).into_owned())
}

/// The message `id` in the language of this run.
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(current(), id, args)
}

/// `tr!("id")` or `tr!("id", name = value, …)`: a message in the language of this run.
/// Numbers stay numbers, so the catalogue can choose singular or plural. Modules take it
/// from here (`use crate::i18n::tr`), not from the crate root.
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::message($id, Some(&args))
    }};
}
pub(crate) use tr;

/// "bedoelde je `a` of `b`?": the names as they should be shown (quoted by the caller).
pub fn did_you_mean(names: &[String]) -> String {
    let or = format!(" {} ", tr!("word-or"));
    tr!("did-you-mean", names = names.join(&or))
}

/// "bedoelde je `a`?"
pub fn did_you_mean_code(name: &str) -> String {
    did_you_mean(&[format!("`{name}`")])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_and_plurals() {
        let mut args = FluentArgs::new();
        args.set("count", 1);
        args.set("date", "1 juli 2026");
        assert_eq!(
            message_in(Lang::Nl, "deadline-left", Some(&args)),
            "nog 1 dag tot de inleverdatum (1 juli 2026)"
        );
        args.set("count", 3);
        assert_eq!(
            message_in(Lang::En, "deadline-left", Some(&args)),
            "3 days left until the deadline (1 juli 2026)"
        );
    }

    #[test]
    fn every_message_is_found_on_its_own() {
        for (lang, source) in [(Lang::Nl, NL), (Lang::En, EN)] {
            let whole = FluentResource::try_new(source.to_owned()).expect("the catalogue parses");
            let mut ids = 0;
            for entry in whole.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids += 1;
                    let bundle = catalogue(lang).bundle_for(m.id.name).expect("indexed");
                    assert!(bundle.get_message(m.id.name).is_some(), "{}", m.id.name);
                    // Standing alone needs no attributes and no references to other
                    // messages or terms.
                    assert!(m.attributes.is_empty(), "{}", m.id.name);
                    let pattern = m.value.as_ref().expect("a value");
                    for el in &pattern.elements {
                        if let fluent_syntax::ast::PatternElement::Placeable { expression } = el {
                            let text = format!("{expression:?}");
                            assert!(
                                !text.contains("MessageReference") && !text.contains("TermReference"),
                                "{} refers to another entry",
                                m.id.name
                            );
                        }
                    }
                }
            }
            assert_eq!(ids, catalogue(lang).ranges.len());
        }
    }

    #[test]
    fn the_language_belongs_to_the_work_not_the_process() {
        assert_eq!(current(), Lang::Nl);
        let english = with_lang(Lang::En, || {
            // Another thread at the same time speaks its own language.
            let dutch = std::thread::spawn(|| tr!("word-or")).join().expect("the thread ends");
            (tr!("word-or"), dutch)
        });
        assert_eq!(english, ("or".to_owned(), "of".to_owned()));
        assert_eq!(current(), Lang::Nl);
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(message_in(Lang::En, "no-such-message", None), "no-such-message");
    }
}
