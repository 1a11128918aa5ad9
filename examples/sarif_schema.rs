//! Validate SARIF files against the official SARIF 2.1.0 JSON schema (used by
//! .ci/sarif-test.sh; the schema is not part of this repository).
//!
//!     cargo run --example sarif_schema -- SCHEMA.json FILE.sarif...

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((schema_path, files)) = args.split_first() else {
        eprintln!("usage: sarif_schema SCHEMA.json FILE.sarif...");
        return ExitCode::from(2);
    };
    let read = |p: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p}: not JSON: {e}"))
    };
    let schema = read(schema_path);
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let mut failed = 0;
    for file in files {
        let errors: Vec<String> = validator
            .iter_errors(&read(file))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        if errors.is_empty() {
            println!("ok: {file} is valid SARIF 2.1.0");
        } else {
            failed += 1;
            for e in errors {
                println!("{file}: {e}");
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
