//! How long loading the embedded rule set and registers takes (parse, resolve, compile
//! every pattern), averaged over many loads in one process.
//!
//!     cargo run --release --example startup

#![allow(clippy::print_stdout)]

use std::time::Instant;

fn main() {
    let runs = 200;
    let start = Instant::now();
    for _ in 0..runs {
        let mut sources = kader::source::Sources::default();
        let (set, _) = kader::lang::load(kader::embedded::ENTRY, &kader::origin::Bundled, &mut sources);
        assert!(set.is_some());
    }
    let per = start.elapsed() / runs;
    println!(
        "bundled rules and registers: {:.3} ms per load ({runs} loads)",
        per.as_secs_f64() * 1e3
    );
}
