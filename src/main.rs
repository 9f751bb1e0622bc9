//! The `dossier` command: parse arguments, run the pipeline, print diagnostics, exit.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use cli::{BuildArgs, Cli, Command};
use dossier::diagnostics::Diagnostics;

/// mimalloc: the build allocates many small strings from two threads at once, where
/// glibc's allocator spent a quarter of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        Command::Build(args) => build(&args),
    }
}

/// `dossier build`: diagnostics as `check` prints them, then the build's outcome.
fn build(args: &BuildArgs) -> ExitCode {
    let root = &args.project.root;
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    let options = dossier::BuildOptions {
        strict: args.strict,
        force: args.force,
        progress: std::io::stderr().is_terminal(),
    };
    let started = Instant::now();
    let (result, diagnostics) = dossier::build(root, &out, options);
    let exit = report(&diagnostics, args.strict);
    match result {
        Ok(built) => {
            eprintln!(
                "built {} pages ({} files, {} MiB) into {} in {:.2} s",
                built.pages,
                built.files,
                built.bytes.div_ceil(1_048_576),
                out.display(),
                started.elapsed().as_secs_f64()
            );
            exit
        }
        Err(dossier::BuildError::Content(_)) => {
            eprintln!("nothing written: {} is unchanged", out.display());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("nothing written: {} is unchanged", out.display());
            ExitCode::FAILURE
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
