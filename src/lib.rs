//! kader checks Dutch healthcare jaarplan drafts against the requirements of the
//! kaderbrief and the beleidsplan.
//!
//! # The API
//!
//! ```
//! use kader::{Disk, Input, Lang, Options, Plan, Setup};
//!
//! // Settings and rules, once: kader.toml (if any) and the rule set it names, else the
//! // bundled one. Rule files, registers and kader.toml are read through the origin.
//! let Ok(setup) = Setup::load(&Disk, None, None, Some(Lang::Nl)) else { panic!("no rules") };
//! // A plan is a set of drafts, each a name and bytes: from disk, git's index or an editor.
//! let mut plan = Plan::new(&setup);
//! plan.add(Input::draft("team-a.md", "# Team A\n\n### Actie TA-01: Terugbellijn\n"));
//! plan.add(Input::draft("team-b.md", "# Team B\n"));
//! // The day and the language are arguments of a check.
//! let options = Options { today: jiff::civil::date(2026, 9, 1), lang: setup.lang };
//! // One result that every renderer reads: sources, documents, diagnostics, problems.
//! let checked = plan.check(&options);
//! assert_eq!((checked.files(), checked.actions()), (2, 1));
//! kader::render::json::render(&checked.diagnostics, checked.problems, checked.summary(), checked.sources, &mut std::io::sink())
//!     .expect("written");
//! // An edit: only the changed draft is parsed and checked again.
//! plan.add(Input::draft("team-b.md", "# Team B, herzien\n"));
//! assert_eq!(plan.check(&options).rechecked, 1);
//! ```
//!
//! # The floors
//!
//! Each module imports only the floors below it (tests/layers.rs keeps it so):
//!
//! 1. ground: `source` (spans, files), `text` (names, paths), `i18n` (every sentence, the
//!    language of the work), `diagnostic`, `embedded` (the bundled rules), `model` (what a
//!    draft says, with its time intervals), `origin` (where bytes come from);
//! 2. reading: `register`, then `lang` (the rule language), then `draft` (Markdown and
//!    Dutch time expressions → a `Document`, by the rule set's field definitions), `config`
//!    (kader.toml), `inputs` (drafts on disk, decoding);
//! 3. checking: `check` (rules over documents), `baseline`, `engine` (the pipeline above),
//!    `fix` (the fix engine of `kader fix` and the editor), `ruletest` (`kader test`);
//! 4. rendering: `render` (human, JSON, SARIF, GitHub, JUnit, HTML, coverage, catalogue);
//! 5. the binary's commands: `cli` (arguments), `commands` (one module per command),
//!    `fuzzing` (entry points of the fuzz targets);
//! 6. `main`, the only place that exits.

#![warn(clippy::print_stdout, clippy::print_stderr)]

// 1. Ground floor.
pub mod diagnostic;
pub mod embedded;
pub mod i18n;
pub mod model;
pub mod origin;
pub mod source;
pub mod text;
// 2. Reading.
pub mod config;
pub mod draft;
pub mod inputs;
pub mod kaderbrief;
pub mod lang;
pub mod register;
// 3. Checking.
pub mod baseline;
pub mod check;
pub mod engine;
pub mod fix;
pub mod ruletest;
// 4. Rendering.
pub mod render;
// 5. Commands.
pub mod cli;
pub mod commands;
#[doc(hidden)]
pub mod fuzzing;
pub mod lsp;

pub use crate::commands::{ExitStatus, run};
pub use crate::engine::{Checked, Options, Plan, Setup, SetupError, Stage, check_text};
pub use crate::i18n::Lang;
pub use crate::origin::{Bundled, Disk, Input, InputKind, Origin, Overlay};
