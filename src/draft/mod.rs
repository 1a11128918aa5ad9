//! Markdown drafts: text → `Document` (actions with fields, every value with its span).
//!
//! Owns: front matter, the split of a draft into actions (headings and tables), field
//! names under every alias, link IDs inside a field.
//! Must not: decide whether anything is right or wrong; only the input format itself
//! (front matter that is not TOML) gets a diagnostic here.

pub mod amount;
mod extract;
mod markdown;
pub mod time;

pub use extract::{is_report, parse, parse_links, parse_part};
pub use markdown::options as markdown_options;
