//! Command-line arguments (clap derive). No logic here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "kader",
    version,
    about = "Controleert jaarplan-concepten tegen de kaderbrief en het beleidsplan.\nChecks jaarplan drafts against the kaderbrief and the beleidsplan.",
    after_help = "Exitcodes: 0 = in orde, 1 = fouten gevonden, 2 = kader kon zijn werk niet doen."
)]
pub struct Cli {
    #[command(flatten)]
    pub color: colorchoice_clap::Color,

    /// Gebruik dit configuratiebestand in plaats van kader.toml in deze of een bovenliggende map.
    #[arg(long, global = true, value_name = "BESTAND")]
    pub config: Option<PathBuf>,

    /// Taal van meldingen, hulp en samenvatting (standaard `taal` in kader.toml, anders nl).
    /// Language of messages, help and summary.
    #[arg(long, global = true, value_enum, value_name = "TAAL")]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer concepten (bestanden of mappen, standaard de huidige map).
    Check(CheckArgs),
    /// Toon per onderdeel van het beleidsplan (en het IZA-regioplan) welke acties het uitvoeren.
    Coverage(CoverageArgs),
    /// Toon alle regels: ernst, eis en bron.
    Rules(RulesArgs),
    /// Leg één regel uit, met een voorbeeld dat faalt en een dat klopt.
    Explain(ExplainArgs),
    /// Zet kader op in een planrepository: kader.toml, regels, een voorbeeldconcept en pre-commit.
    Init {
        /// De map (standaard de huidige).
        dir: Option<PathBuf>,
    },
    /// Git-hooks.
    Hook {
        #[command(subcommand)]
        action: HookAction,
    },
    /// Schrijf aanvulling voor de shell (bash, zsh, fish, elvish, powershell) naar stdout.
    Completions {
        /// De shell.
        shell: clap_complete::Shell,
    },
    /// Schrijf de man-pagina (roff) naar stdout.
    Manpage,
}

#[derive(Debug, Subcommand)]
pub enum HookAction {
    /// Schrijf .git/hooks/pre-commit die `kader check` draait (zonder het pre-commit-framework).
    Install,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Gebruik dit regelbestand in plaats van de ingebouwde regels.
    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Het ID van de regel, zoals actie-eigenaar.
    pub rule: String,

    /// Gebruik dit regelbestand in plaats van de ingebouwde regels.
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
    /// De boom, leesbaar.
    Human,
    /// JSON.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CoverageArgs {
    /// Conceptbestanden of mappen (mappen worden doorzocht op *.md).
    pub paths: Vec<PathBuf>,

    /// Uitvoervorm.
    #[arg(long, value_enum, default_value_t = CoverageFormat::Human)]
    pub format: CoverageFormat,

    /// Schrijf het rapport naar dit bestand (in één keer; nooit over een concept).
    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,

    /// Gebruik dit regelbestand in plaats van de ingebouwde regels.
    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Conceptbestanden of mappen (mappen worden doorzocht op *.md).
    pub paths: Vec<PathBuf>,

    /// Uitvoervorm.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// Schrijf het rapport naar dit bestand (in één keer; nooit over een concept).
    #[arg(short, long, value_name = "BESTAND")]
    pub output: Option<PathBuf>,

    /// Gebruik dit regelbestand in plaats van de ingebouwde regels.
    #[arg(long, value_name = "BESTAND")]
    pub rules: Option<PathBuf>,

    /// Laat ook waarschuwingen de controle doen mislukken (exitcode 1).
    #[arg(long)]
    pub deny_warnings: bool,

    /// Blijf kijken: controleer opnieuw zodra een concept, regelbestand of kader.toml verandert.
    #[arg(long)]
    pub watch: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Leesbare meldingen met de plek in het concept.
    Human,
    /// JSON volgens spec/json-output.md.
    Json,
    /// SARIF 2.1.0, voor GitHub code scanning.
    Sarif,
    /// GitHub Actions-annotaties bij de regels van een pull request.
    Github,
    /// JUnit-XML: het plan als testrun (een testcase per actie).
    Junit,
}
