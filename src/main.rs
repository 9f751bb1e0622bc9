//! The `dossier` command: parse arguments, run the pipeline, print diagnostics, exit.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use dossier::diagnostics::Diagnostics;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => {
            let (dossier, diagnostics) = dossier::check(&args.project.root);
            if let (true, Some(dossier)) = (args.mentions, &dossier) {
                print!("{}", dossier::mentions::listing(dossier));
            }
            report(&diagnostics, args.strict)
        }
    }
}

/// Prints the diagnostics to stderr and turns them into the exit status.
fn report(diagnostics: &Diagnostics, strict: bool) -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(diagnostics.render(color).as_bytes());
    if diagnostics.failed(strict) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
