//! The benchmark's parse-only floor: find and read the drafts exactly as `kader check` does,
//! and run the same Markdown parser with the same options over them, with no rules.
//! `kader check` can never be faster than this; benches/README.md compares the two.
//!
//!     cargo run --release --example floor -- [--jobs N] PATHS...

#![allow(clippy::print_stdout)]

use rayon::prelude::*;

/// The same allocator as the kader binary, so the comparison is of the work only.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--jobs" || a == "-j") {
        let n: usize = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(1);
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
        args.drain(i..=i + 1);
    }
    let paths: Vec<std::path::PathBuf> = args.iter().map(Into::into).collect();
    let (drafts, _) = kader::inputs::disk::discover(&paths);
    let events: usize = drafts
        .par_iter()
        .map(|d| {
            let Ok(input) = kader::inputs::disk::read(d, &kader::Disk) else {
                return 0;
            };
            let Ok((_, text)) = kader::inputs::decode(input) else {
                return 0;
            };
            pulldown_cmark::Parser::new_ext(&text, kader::draft::markdown_options())
                .into_offset_iter()
                .count()
        })
        .sum();
    println!("{} files, {events} Markdown events", drafts.len());
}
