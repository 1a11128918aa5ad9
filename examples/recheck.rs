//! What an edit costs: the whole plan checked once, then one draft changed and the plan
//! checked again (what an editor does on every keystroke), each averaged over many rounds.
//!
//!     cargo run --release --example recheck -- target/corpus/plan

#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use kader::{Disk, Input, Options, Plan, Setup};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/corpus/plan".to_owned());
    let (drafts, _) = kader::inputs::disk::discover(&[dir.clone().into()]);
    let inputs: Vec<Input> = drafts
        .iter()
        .filter_map(|d| kader::inputs::disk::read(d, &Disk).ok())
        .collect();
    assert!(!inputs.is_empty(), "no drafts under {dir}");
    let Ok(setup) = Setup::load(&Disk, None, None, None) else {
        panic!("the bundled rules load")
    };
    let options = Options {
        today: jiff::civil::date(2026, 9, 1),
        lang: setup.lang,
    };
    let rounds = 20;
    let mut full = Duration::ZERO;
    let mut edit = Duration::ZERO;
    let mut findings = 0;
    for round in 0..rounds {
        let mut plan = Plan::new(&setup);
        let start = Instant::now();
        plan.add_all(inputs.iter().cloned().map(Ok).collect());
        findings = plan.check(&options).diagnostics.len();
        full += start.elapsed();
        // A keystroke in the middle draft.
        let mut changed = inputs[inputs.len() / 2].clone();
        changed
            .bytes
            .extend_from_slice(format!("\nEen zin erbij ({round}).\n").as_bytes());
        let start = Instant::now();
        plan.add(changed);
        let checked = plan.check(&options);
        assert_eq!(checked.rechecked, 1);
        edit += start.elapsed();
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3 / f64::from(rounds);
    println!(
        "{} drafts, {findings} findings: whole plan {:.2} ms, after an edit in one draft {:.2} ms ({rounds} rounds)",
        inputs.len(),
        ms(full),
        ms(edit)
    );
}
