//! The `dossier` command: parse arguments, run the pipeline, print diagnostics, exit.

mod cli;
mod terminal;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;

use cli::{BriefingArgs, BuildArgs, Cli, Command, InitArgs, ServeArgs};
use dossier::diagnostics::Diagnostics;

/// mimalloc: the build allocates many small strings from two threads at once, where
/// glibc's allocator spent a quarter of the time.
/// How many warnings of one kind are printed without `--verbose`.
const WARNINGS_SHOWN: usize = 5;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let shown = if cli.verbose {
        None
    } else {
        Some(WARNINGS_SHOWN)
    };
    let result = match cli.command {
        Command::Check(args) => {
            let (dossier, diagnostics) = dossier::check(&args.project.root);
            if let (true, Some(dossier)) = (args.mentions, &dossier) {
                print!("{}", dossier::mentions::listing(dossier));
            }
            Ok(report(&diagnostics, args.strict, shown))
        }
        Command::Build(args) => Ok(build(&args, shown)),
        Command::Serve(args) => serve(&args),
        Command::Init(args) => init(&args),
        Command::Briefing(args) => Ok(briefing(args, shown)),
    };
    result.unwrap_or_else(|error| {
        eprintln!("error: {error:#}");
        ExitCode::FAILURE
    })
}

/// `dossier briefing`: diagnostics as `check` prints them, then what was written.
fn briefing(args: BriefingArgs, shown: Option<usize>) -> ExitCode {
    let options = dossier::briefing::BriefingOptions {
        html: args.out,
        pdf: args.pdf,
        chrome: args.chrome,
        paper: args.paper,
        timeout: std::time::Duration::from_secs(args.timeout),
        strict: args.strict,
    };
    let (result, diagnostics) = dossier::briefing::run(&args.project.root, &options);
    let status = report(&diagnostics, args.strict, shown);
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
fn build(args: &BuildArgs, shown: Option<usize>) -> ExitCode {
    let root = &args.project.root;
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    let options = dossier::BuildOptions {
        strict: args.strict,
        force: args.force,
        progress: std::io::stderr().is_terminal(),
    };
    let started = Instant::now();
    let (result, diagnostics) = dossier::build(root, &out, options);
    let exit = report(&diagnostics, args.strict, shown);
    match result {
        Ok(built) => {
            eprintln!(
                "built {} pages ({} files, {:.1} MiB) into {} in {:.2} s",
                built.pages,
                built.files,
                mebibytes(built.bytes),
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

/// A size in MiB, for display (exact below 4 PiB).
#[allow(clippy::cast_precision_loss)]
fn mebibytes(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Prints the diagnostics to stderr (at most `shown` warnings of a kind, `None`: all)
/// and turns them into the exit status.
fn report(diagnostics: &Diagnostics, strict: bool, shown: Option<usize>) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(diagnostics.render_some(color(), shown).as_bytes());
    if diagnostics.failed(strict) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `dossier serve`: until Ctrl-C (or SIGTERM), then stops cleanly.
fn serve(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone who can reach this machine on the network can \
             read the dossier",
            args.bind
        );
    }
    let (stop, stopped) = channel();
    ctrlc::set_handler(move || {
        let _ = stop.send(());
    })
    .context("cannot catch Ctrl-C")?;
    let options = dossier::serve::Options {
        root: args.project.root.clone(),
        bind: args.bind,
        port: args.port,
    };
    let printer = terminal::Printer::new(color());
    terminal::say(&format!("Building {}…", args.project.root.display()));
    let server = dossier::serve::Server::start(&options, Arc::new(move |n| printer.print(n)))?;
    let url = server.url();
    terminal::say(&format!("Serving on {url} (Ctrl-C to stop)"));
    if args.open {
        terminal::open_browser(&url);
    }
    let _ = stopped.recv();
    terminal::say("Stopping.");
    server.stop();
    Ok(ExitCode::SUCCESS)
}

/// `dossier init DIR`.
fn init(args: &InitArgs) -> anyhow::Result<ExitCode> {
    let written = dossier::init::init(&args.dir)?;
    let dir = args.dir.display();
    let files = written.join("\n  ");
    let text = format!(
        "Created a dossier in {dir}:\n  {files}\nNext: cd {dir} && dossier serve --open  \
         (README.md tells how to publish it)"
    );
    terminal::say(&text);
    Ok(ExitCode::SUCCESS)
}

/// Whether to color what goes to stderr.
fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
