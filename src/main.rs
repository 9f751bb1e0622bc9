//! The `dossier` command: parse arguments, run the pipeline, print diagnostics, exit.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use cli::{BriefingArgs, BuildArgs, Cli, Command};
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
        Command::Build(args) => build(&args),
        Command::Briefing(args) => briefing(args),
    }
}

/// `dossier briefing`: diagnostics as `check` prints them, then what was written.
fn briefing(args: BriefingArgs) -> ExitCode {
    let options = dossier::briefing::BriefingOptions {
        html: args.out,
        pdf: args.pdf,
        chrome: args.chrome,
        paper: args.paper,
        timeout: std::time::Duration::from_secs(args.timeout),
        strict: args.strict,
    };
    let (result, diagnostics) = dossier::briefing::run(&args.project.root, &options);
    let status = report(&diagnostics, args.strict);
    match result {
        Ok(written) => {
            if let Some((path, bytes)) = written.html {
                eprintln!("wrote {} ({} KiB)", path.display(), bytes.div_ceil(1024));
            }
            if let Some((path, bytes, browser, took)) = written.pdf {
                eprintln!(
                    "printed {} ({} KiB) with {} in {:.1} s",
                    path.display(),
                    bytes.div_ceil(1024),
                    browser.display(),
                    took.as_secs_f64()
                );
            }
            status
        }
        Err(dossier::briefing::BriefingError::Content(_)) => {
            eprintln!("nothing written");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("nothing written");
            ExitCode::FAILURE
        }
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
    let status = report(&diagnostics, args.strict);
    match result {
        Ok(stats) => {
            eprintln!(
                "built {} pages ({} files, {:.1} MiB) into {} in {:.2} s",
                stats.pages,
                stats.files,
                stats.bytes as f64 / 1_048_576.0,
                out.display(),
                started.elapsed().as_secs_f64()
            );
            status
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
