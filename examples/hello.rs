//! A hello-world Rust binary: the baseline for kader's whole-process latency in the
//! benchmark (benches/README.md).

#![allow(clippy::print_stdout)]

fn main() {
    println!("hello");
}
