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
    Coverage(ViewArgs),
    #[command(alias = "budget")]
    Begroting(ViewArgs),
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
    #[command(alias = "progress")]
    Voortgang(ProgressArgs),
    Fix(FixArgs),
    Lsp {
        /// Accepted and ignored: editors' generic clients pass it; stdio is the only channel.
        #[arg(long)]
        stdio: bool,
    },
}

impl Cli {
    /// `kader lsp`: standard input and output carry the language server protocol.
    pub fn speaks_protocol(&self) -> bool {
        matches!(self.command, Command::Lsp { .. })
    }
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
pub enum ViewFormat {
    Human,
    Json,
}

// A view of the whole plan as text or JSON: `kader coverage` and `kader begroting`.
#[derive(Debug, clap::Args)]
pub struct ViewArgs {
    pub paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = ViewFormat::Human)]
    pub format: ViewFormat,

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
pub struct ProgressArgs {
    pub paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = ProgressFormat::Human)]
    pub format: ProgressFormat,

    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,

    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,

    #[arg(long)]
    pub deny_warnings: bool,

    #[arg(long, value_name = "BESTAND", conflicts_with = "no_baseline")]
    pub baseline: Option<PathBuf>,

    #[arg(long)]
    pub no_baseline: bool,
}

/// The formats of `kader check`, and the report page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProgressFormat {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct FixArgs {
    pub paths: Vec<PathBuf>,

    #[arg(long)]
    pub diff: bool,

    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,

    #[arg(long)]
    pub deny_warnings: bool,
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
    let cmd = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version),
        );
    localize(cmd, "cli", "kader")
}

/// Value names as the reader's language writes them (`<BESTAND>`, `<FILE>`).
fn value_name(name: &str) -> String {
    crate::i18n::lookup(&format!("cli-value-{}", name.to_lowercase())).unwrap_or_else(|| name.to_owned())
}

fn localize(mut cmd: clap::Command, key: &str, path: &str) -> clap::Command {
    if let Some(about) = crate::i18n::lookup(key) {
        cmd = cmd.about(about);
    }
    if key == "cli"
        && let Some(after) = crate::i18n::lookup("cli-exit-codes")
    {
        cmd = cmd.after_help(after);
    }
    // clap's own words (`Usage:`, `Options:`, `Print help`, `[default: …]`, `[possible
    // values: …]`) come from the catalogue: the template names the usage itself, each
    // argument is put under a heading of ours, and defaults and possible values are
    // written into the help text.
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            crate::i18n::message("clap-usage-word", None)
        ))
        .subcommand_help_heading(crate::i18n::message("clap-heading-commands", None))
        .subcommand_value_name(crate::i18n::message("cli-value-command", None))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .global(key == "cli"),
        );
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in args {
        let help = crate::i18n::lookup(&format!("{key}--{id}")).or_else(|| crate::i18n::lookup(&format!("cli--{id}")));
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                "clap-heading-arguments"
            } else {
                "clap-heading-options"
            };
            let mut text = help.or_else(|| a.get_help().map(|h| h.to_string())).unwrap_or_default();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            let takes_values = a.get_action().takes_values();
            if takes_values && !values.is_empty() {
                text.push_str(&format!(
                    "\n[{}: {}]",
                    crate::i18n::message("clap-possible-values", None),
                    values.join(", ")
                ));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && !matches!(a.get_action(), clap::ArgAction::SetTrue) {
                text.push_str(&format!(
                    "\n[{}: {}]",
                    crate::i18n::message("clap-default", None),
                    defaults.join(", ")
                ));
            }
            let names: Option<Vec<String>> = a
                .get_value_names()
                .map(|n| n.iter().map(|n| value_name(n.as_str())).collect());
            let id_name = value_name(a.get_id().as_str());
            let mut a = a.help(text).help_heading(crate::i18n::message(heading, None));
            if takes_values {
                a = a.hide_possible_values(true).hide_default_value(true);
            }
            match names {
                Some(n) => a = a.value_names(n),
                None if takes_values => a = a.value_name(id_name),
                None => {}
            }
            a
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    for name in subs {
        let sub_key = if key == "cli" {
            format!("cli-{name}")
        } else {
            format!("{key}-{name}")
        };
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(name, |c| localize(c, &sub_key, &sub_path));
    }
    // The usage line clap writes, with `[OPTIONS]` in the reader's words.
    let usage = cmd.clone().bin_name(path).render_usage().to_string();
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim().replace(
        "[OPTIONS]",
        &format!("[{}]", crate::i18n::message("cli-value-options", None)),
    );
    cmd.override_usage(usage)
}

/// A usage error in the reader's language: what is wrong, "did you mean", the usage line.
fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let get = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let msg = |key: &str, args: &[(&str, String)]| {
        let mut fa = fluent_bundle::FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        crate::i18n::message(key, Some(&fa))
    };
    let mut out = match e.kind() {
        ErrorKind::InvalidValue => {
            let mut m = msg(
                "clap-invalid-value",
                &[
                    ("value", get(ContextKind::InvalidValue)),
                    ("arg", get(ContextKind::InvalidArg)),
                ],
            );
            let valid = get(ContextKind::ValidValue);
            if !valid.is_empty() {
                m.push_str(&format!(
                    "\n  [{}: {valid}]",
                    crate::i18n::message("clap-possible-values", None)
                ));
            }
            m
        }
        ErrorKind::UnknownArgument => msg("clap-unknown-argument", &[("arg", get(ContextKind::InvalidArg))]),
        ErrorKind::InvalidSubcommand => msg(
            "clap-unknown-subcommand",
            &[("name", get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::MissingRequiredArgument => msg("clap-missing-argument", &[("arg", get(ContextKind::InvalidArg))]),
        ErrorKind::ArgumentConflict => msg(
            "clap-conflict",
            &[
                ("arg", get(ContextKind::InvalidArg)),
                ("other", get(ContextKind::PriorArg)),
            ],
        ),
        ErrorKind::ValueValidation => msg(
            "clap-bad-value",
            &[
                ("value", get(ContextKind::InvalidValue)),
                ("arg", get(ContextKind::InvalidArg)),
            ],
        ),
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg("clap-wrong-values", &[("arg", get(ContextKind::InvalidArg))])
        }
        _ => msg("clap-usage-error", &[]),
    };
    out = format!("{}: {out}", crate::diagnostic::Severity::Error.word());
    let suggested: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
        ContextKind::SuggestedArg,
    ]
    .into_iter()
    .map(get)
    .filter(|s| !s.is_empty())
    .collect();
    if let Some(s) = suggested.first() {
        let names: Vec<String> = s.split(", ").map(|n| format!("`{n}`")).collect();
        out.push_str(&format!("\n\n  {}", crate::i18n::did_you_mean(&names)));
    }
    let usage = get(ContextKind::Usage);
    if let Some(rest) = usage.trim().strip_prefix("Usage:") {
        out.push_str(&format!(
            "\n\n{} {}",
            crate::i18n::message("clap-usage-word", None),
            rest.trim()
        ));
    }
    out.push_str(&format!("\n\n{}\n", crate::i18n::message("clap-more", None)));
    out
}

/// Parse the command line (`--help` and usage errors exit here, as with clap).
pub fn parse() -> Cli {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    // Help and usage errors speak the language of `--lang`, read before clap parses.
    let lang = lang_from_args(&args).unwrap_or_default();
    // `kader help check` is `kader check --help`.
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    crate::i18n::with_lang(lang, || {
        // Help texts are needed only when clap shows something (help, version, a usage
        // error): look them up (parsing the message catalogue) only then, and parse again.
        if let Ok(matches) = Cli::command().try_get_matches_from(&args)
            && let Ok(cli) = Cli::from_arg_matches(&matches)
        {
            return cli;
        }
        let result = command()
            .try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m));
        match result {
            Ok(cli) => cli,
            Err(e) => {
                use clap::error::ErrorKind;
                if matches!(
                    e.kind(),
                    ErrorKind::DisplayHelp
                        | ErrorKind::DisplayVersion
                        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                ) {
                    e.exit();
                }
                let _ = std::io::Write::write_all(&mut std::io::stderr(), usage_error(&e).as_bytes());
                std::process::exit(2);
            }
        }
    })
}
