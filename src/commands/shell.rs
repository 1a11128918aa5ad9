//! `kader completions SHELL` and `kader manpage`: kader described for the shell.

use std::io::Write;

use super::ExitStatus;
use crate::cli;

/// Both are made in memory first: clap_complete panics when its writer fails, and a
/// failed write to stdout is reported by `commands::run`.
pub fn completions(shell: clap_complete::Shell, rule_ids: Vec<String>, stdout: &mut dyn Write) -> ExitStatus {
    // The script offers the rule IDs after `kader explain`; the parser itself takes any
    // word (a rule file of the user's may have more).
    let mut cmd = cli::command();
    if !rule_ids.is_empty() {
        cmd = cmd.mut_subcommand("explain", |c| {
            c.mut_arg("rule", |a| {
                a.value_parser(clap::builder::PossibleValuesParser::new(rule_ids))
            })
        });
    }
    let mut text = Vec::new();
    clap_complete::generate(shell, &mut cmd, "kader", &mut text);
    let _ = stdout.write_all(&text);
    ExitStatus::Success
}

/// One page for all of kader: the command, then every subcommand (and theirs) with its
/// usage, description and every option, under section names in the reader's language.
pub fn manpage(stdout: &mut dyn Write) -> ExitStatus {
    let cmd = cli::command();
    let mut text = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    let top = man
        .render_title(&mut text)
        .and_then(|()| man.render_name_section(&mut text))
        .and_then(|()| man.render_synopsis_section(&mut text))
        .and_then(|()| man.render_description_section(&mut text))
        .and_then(|()| man.render_options_section(&mut text))
        .and_then(|()| man.render_subcommands_section(&mut text));
    if top.is_err() {
        return ExitStatus::Error;
    }
    let mut page = String::from_utf8_lossy(&text).into_owned();
    let mut subs = Vec::new();
    collect(&cmd, "kader", &mut subs);
    for (path, sub) in subs {
        let mut part = Vec::new();
        let man = clap_mangen::Man::new(sub.clone().bin_name(&path));
        let ok = man
            .render_synopsis_section(&mut part)
            .and_then(|()| man.render_description_section(&mut part))
            .and_then(|()| man.render_options_section(&mut part))
            .and_then(|()| {
                if sub.has_subcommands() {
                    man.render_subcommands_section(&mut part)
                } else {
                    Ok(())
                }
            });
        if ok.is_err() {
            return ExitStatus::Error;
        }
        page.push_str(&format!(".SH \"{}\"\n", path.to_uppercase()));
        // Each subcommand's own sections become subsections under its heading.
        for line in String::from_utf8_lossy(&part).lines() {
            match line.strip_prefix(".SH ") {
                Some(name) => page.push_str(&format!(".SS {name}\n")),
                None => {
                    page.push_str(line);
                    page.push('\n');
                }
            }
        }
    }
    let mut version = Vec::new();
    if man.render_version_section(&mut version).is_ok() {
        page.push_str(&String::from_utf8_lossy(&version));
    }
    let _ = stdout.write_all(localize_sections(&page).as_bytes());
    ExitStatus::Success
}

/// Every subcommand below `cmd`, depth first, with its full name (`kader hook install`).
fn collect(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
    for sub in cmd.get_subcommands() {
        let name = format!("{path} {}", sub.get_name());
        out.push((name.clone(), sub.clone()));
        collect(sub, &name, out);
    }
}

/// clap_mangen's section names in the reader's language.
fn localize_sections(page: &str) -> String {
    let names = [
        ("NAME", "man-name"),
        ("SYNOPSIS", "man-synopsis"),
        ("DESCRIPTION", "man-description"),
        ("OPTIONS", "man-options"),
        ("SUBCOMMANDS", "man-subcommands"),
        ("VERSION", "man-version"),
    ];
    page.lines()
        .map(|line| {
            for (en, key) in names {
                for mark in [".SH ", ".SS "] {
                    if line == format!("{mark}{en}") {
                        return format!("{mark}{}", crate::i18n::message(key, None));
                    }
                }
            }
            // Headings of clap's own (`Opdrachten`, `Argumenten`) in capitals like the rest.
            for mark in [".SH ", ".SS "] {
                if let Some(title) = line.strip_prefix(mark) {
                    return format!("{mark}{}", title.to_uppercase());
                }
            }
            line.to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
