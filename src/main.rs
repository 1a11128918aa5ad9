//! The `kader` binary: parse arguments, run, exit. The only place that exits.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kader::cli::parse();
    cli.color.write_global();
    let shows_colour = |choice| choice != anstream::ColorChoice::Never;
    kader::render::human::set_color(
        shows_colour(anstream::AutoStream::choice(&std::io::stdout()))
            || shows_colour(anstream::AutoStream::choice(&std::io::stderr())),
    );
    let mut stdout = anstream::stdout().lock();
    let mut stderr = anstream::stderr().lock();
    let status = kader::run(cli, &mut stdout, &mut stderr);
    let _ = stdout.flush();
    ExitCode::from(status.code())
}
