//! The `kader` binary: parse arguments, run, exit. The only place that exits.

use std::io::Write;
use std::process::ExitCode;

/// mimalloc: a check allocates millions of small strings and vectors on every thread.
/// With glibc's allocator a third of a 2,000-file check went to malloc, free and page
/// faults, and two threads contended for it (benches/README.md has the figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = kader::cli::parse();
    // The language server owns standard input and output (its protocol's threads write
    // there): nothing here may hold them.
    if cli.speaks_protocol() {
        let status = kader::run(cli, &mut std::io::sink(), &mut std::io::stderr());
        return ExitCode::from(status.code());
    }
    cli.color.write_global();
    let shows_colour = |choice| choice != anstream::ColorChoice::Never;
    let colour = shows_colour(anstream::AutoStream::choice(&std::io::stdout()))
        || shows_colour(anstream::AutoStream::choice(&std::io::stderr()));
    kader::render::human::set_color(colour);
    let mut stderr = anstream::stderr().lock();
    // Without colour nothing writes colour codes, so there is nothing to strip: standard
    // output as it is, without anstream looking at every byte of the report.
    let (mut coloured, mut plain);
    let stdout: &mut dyn Write = if colour {
        coloured = anstream::stdout().lock();
        &mut coloured
    } else {
        plain = std::io::stdout().lock();
        &mut plain
    };
    let status = kader::run(cli, stdout, &mut stderr);
    let _ = stdout.flush();
    ExitCode::from(status.code())
}
