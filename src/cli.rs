//! Command-line arguments (clap derive), with their help texts from the message catalogue.
//!
//! The help of every command and option lives in `locales/*.ftl` as `cli-<command>` and
//! `cli-<command>--<option>` (`cli--<option>` for global options), so the fields below
//! carry no doc comments (clap would show them). tests/i18n.rs checks that every command
//! and option has its text in both languages. `--lang` is read before parsing so `--help`
//! speaks it.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "kader", version)]
pub struct Cli {
    #[command(flatten)]
    pub color: colorchoice_clap::Color,

    #[arg(long, global = true, value_name = "BESTAND")]
    pub config: Option<PathBuf>,

    #[arg(long, global = true, value_enum, value_name = "TAAL")]
    pub lang: Option<LangArg>,

    #[arg(short, long, global = true, value_name = "N")]
    pub jobs: Option<usize>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Coverage(CoverageArgs),
    Rules(RulesArgs),
    Explain(ExplainArgs),
    Init {
        dir: Option<PathBuf>,
    },
    Hook {
        #[command(subcommand)]
        action: HookAction,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Manpage,
    Test {
        rules: Vec<PathBuf>,
    },
    Baseline(BaselineArgs),
    Report(ReportArgs),
}

#[derive(Debug, Subcommand)]
pub enum HookAction {
    Install,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    pub rule: String,

    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Nederlands.
    Nl,
    /// English.
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CoverageArgs {
    pub paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = CoverageFormat::Human)]
    pub format: CoverageFormat,

    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,

    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    pub paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,

    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,

    #[arg(long)]
    pub deny_warnings: bool,

    #[arg(long)]
    pub watch: bool,

    #[arg(long, conflicts_with = "watch")]
    pub staged: bool,

    #[arg(long, value_name = "BESTAND", conflicts_with = "no_baseline")]
    pub baseline: Option<PathBuf>,

    #[arg(long)]
    pub no_baseline: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    pub paths: Vec<PathBuf>,

    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,

    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct BaselineArgs {
    pub paths: Vec<PathBuf>,

    #[arg(long)]
    pub prune: bool,

    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,

    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

/// The language asked for on the command line, read before clap parses (so that `--help`
/// and clap's own errors come after the language is known).
pub fn lang_from_args(args: &[OsString]) -> Option<crate::i18n::Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => continue,
        };
        return match value.as_deref() {
            Some("en") => Some(crate::i18n::Lang::En),
            Some("nl") => Some(crate::i18n::Lang::Nl),
            _ => None,
        };
    }
    None
}

/// The command definition with help texts in the language of this run.
pub fn command() -> clap::Command {
    localize(Cli::command(), "cli")
}

fn localize(mut cmd: clap::Command, key: &str) -> clap::Command {
    if let Some(about) = crate::i18n::lookup(key) {
        cmd = cmd.about(about);
    }
    if key == "cli"
        && let Some(after) = crate::i18n::lookup("cli-exit-codes")
    {
        cmd = cmd.after_help(after);
    }
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in args {
        if let Some(help) = crate::i18n::lookup(&format!("{key}--{id}")) {
            cmd = cmd.mut_arg(id, |a| a.help(help));
        }
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    for name in subs {
        let sub_key = if key == "cli" {
            format!("cli-{name}")
        } else {
            format!("{key}-{name}")
        };
        cmd = cmd.mut_subcommand(name, |c| localize(c, &sub_key));
    }
    cmd
}

/// Parse the command line (`--help` and usage errors exit here, as with clap).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    // Help and usage errors speak the language of `--lang`, read before clap parses.
    let lang = lang_from_args(&args).unwrap_or_default();
    crate::i18n::with_lang(lang, || {
        // Help texts are needed only when clap shows something (help, version, a usage
        // error): look them up (parsing the message catalogue) only then, and parse again.
        if let Ok(matches) = Cli::command().try_get_matches_from(&args)
            && let Ok(cli) = Cli::from_arg_matches(&matches)
        {
            return cli;
        }
        let matches = command().get_matches_from(args);
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    })
}
