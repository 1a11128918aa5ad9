//! `kader completions SHELL` and `kader manpage`: kader described for the shell.

use std::io::Write;

use super::ExitStatus;
use crate::cli;

pub fn completions(shell: clap_complete::Shell, stdout: &mut dyn Write) -> ExitStatus {
    let mut cmd = cli::command();
    clap_complete::generate(shell, &mut cmd, "kader", stdout);
    ExitStatus::Success
}

pub fn manpage(stdout: &mut dyn Write) -> ExitStatus {
    match clap_mangen::Man::new(cli::command()).render(stdout) {
        Ok(()) => ExitStatus::Success,
        Err(_) => ExitStatus::Error,
    }
}
