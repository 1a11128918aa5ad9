//! What a keystroke costs the language server: one ~30 KB draft of a 20-draft plan changed
//! in the server (`Server::change`), then the diagnostics to publish computed
//! (`Server::changed_diagnostics`: the plan checked again with only that draft parsed,
//! plan-wide rules and waivers over all drafts, every finding turned into LSP positions,
//! compared with what was published). The protocol's own reading and writing of JSON is
//! not counted: that is lsp-server and serde_json, not kader.
//!
//!     cargo run --release --example lsp_recheck -- target/corpus/plan

#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kader::lsp::Server;
use kader::lsp::convert;

/// The allocator of the `kader` binary, so the figures are those of `kader lsp`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/corpus/plan".to_owned());
    let root = std::fs::canonicalize(&dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    // As `kader lsp` does: names are relative to the workspace.
    std::env::set_current_dir(&root).expect("the plan's folder");
    // The draft closest to 30 KB.
    let mut drafts: Vec<(u64, PathBuf)> = std::fs::read_dir(&root)
        .expect("a folder")
        .filter_map(|e| e.ok())
        .map(|e| (e.metadata().map_or(0, |m| m.len()), e.path()))
        .filter(|(_, p)| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert!(drafts.len() > 1, "no plan under {dir}");
    drafts.sort_by_key(|(len, _)| len.abs_diff(30_000));
    let (size, path) = drafts[0].clone();
    let name = convert::name_of(&root, &path);
    let text = std::fs::read_to_string(&path).expect("a draft");
    let mut server = Server::new(root.clone(), None, None, || jiff::civil::date(2026, 9, 1));
    let uri = convert::uri_of(&root, &name);
    server.change(uri.clone(), 1, text.clone());
    let first = server.changed_diagnostics();
    let findings: usize = first.iter().map(|(_, _, d)| d.len()).sum();
    let rounds = 300;
    let mut times: Vec<Duration> = Vec::with_capacity(rounds);
    for round in 0..rounds {
        // A keystroke: a word typed into the middle of the draft, then taken out again.
        let mid = text[..text.len() / 2].rfind('\n').map_or(0, |i| i + 1);
        let edited = if round % 2 == 0 {
            format!("{}Een zin erbij ({round}).\n{}", &text[..mid], &text[mid..])
        } else {
            text.clone()
        };
        let version = i32::try_from(round).unwrap_or(i32::MAX) + 2;
        let start = Instant::now();
        server.change(uri.clone(), version, edited);
        let published = server.changed_diagnostics();
        times.push(start.elapsed());
        std::hint::black_box(published);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} drafts, {findings} findings; {name} ({size} bytes) changed {rounds} times: median {:.2} ms, p90 {:.2} ms, max {:.2} ms",
        server_drafts(&root),
        ms(times[rounds / 2]),
        ms(times[rounds * 9 / 10]),
        ms(times[rounds - 1]),
    );
}

fn server_drafts(root: &std::path::Path) -> usize {
    std::fs::read_dir(root)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
                .count()
        })
        .unwrap_or(0)
}
