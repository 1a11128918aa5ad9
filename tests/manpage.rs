//! `kader manpage`: one page that documents every subcommand and every option, rendered by
//! the real groff.

mod common;

use clap::CommandFactory;
use common::kader;

/// Every subcommand (with its path) and the long options of each.
fn commands(cmd: &clap::Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
    let longs = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long().map(str::to_owned))
        .collect();
    out.push((path.to_owned(), longs));
    for sub in cmd.get_subcommands() {
        commands(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

#[test]
fn the_manual_page_documents_every_subcommand_and_option() {
    let run = kader(&["manpage"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let page = &run.stdout;
    let mut all = Vec::new();
    commands(&kader::cli::Cli::command(), "kader", &mut all);
    assert!(all.len() >= 12, "{all:?}");
    for (path, longs) in &all {
        if path != "kader" {
            let heading = format!(".SH \"{}\"", path.to_uppercase());
            assert!(page.contains(&heading), "no section for `{path}`");
        }
        for long in longs {
            let written = format!("\\-\\-{}", long.replace('-', "\\-"));
            assert!(page.contains(&written), "`{path} --{long}` is not documented");
        }
    }
    for english in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SS OPTIONS",
        "Print help",
        "[default:",
    ] {
        assert!(!page.contains(english), "clap's `{english}` in the page");
    }
    assert!(page.contains(".SH NAAM") && page.contains(".SS GEBRUIK"), "{page}");
}

/// groff renders the page without a warning (`-ww`). CI installs groff and sets
/// KADER_REQUIRE_GROFF=1; elsewhere the check is skipped when groff is missing.
#[test]
fn groff_renders_the_page_without_warnings() {
    let required = std::env::var_os("KADER_REQUIRE_GROFF").is_some();
    let Ok(version) = std::process::Command::new("groff").arg("--version").output() else {
        assert!(!required, "KADER_REQUIRE_GROFF is set but groff is not installed");
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "groff is not installed: the rendering check is skipped"
        );
        return;
    };
    assert!(version.status.success());
    let page = kader(&["manpage"]).stdout;
    let mut child = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(warnings.trim().is_empty(), "groff warns: {warnings}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("KADER CHECK"), "{text}");
    assert!(
        text.contains("--deny-warnings") || text.contains("‐‐deny‐warnings"),
        "{text}"
    );
}
