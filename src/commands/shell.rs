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

pub fn manpage(stdout: &mut dyn Write) -> ExitStatus {
    let mut text = Vec::new();
    match clap_mangen::Man::new(cli::command()).render(&mut text) {
        Ok(()) => {
            let _ = stdout.write_all(&text);
            ExitStatus::Success
        }
        Err(_) => ExitStatus::Error,
    }
}
