//! The `dossier` command: parse arguments, run the pipeline, print diagnostics, exit.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Instant;

use anyhow::Context;

use cli::terminal;
use cli::{
    BriefingArgs, BuildArgs, CheckArgs, Cli, ColorChoice, Command, ExportArgs, GlobalArgs,
    InitArgs, Lang, NewCommand, NewSourceArgs, ServeArgs, SuggestArgs, TemplatesArgs,
};
use dossier::diagnostics::Diagnostics;
use dossier::printable::printable;

/// How many warnings of one kind are printed without `--verbose`.
const WARNINGS_SHOWN: usize = 5;

/// mimalloc: the build allocates many small strings from two threads at once, where
/// glibc's allocator spent a quarter of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse_resolved();
    let out = Output::new(&cli.global);
    let root = cli.root();
    let result = match cli.command {
        Command::Check(args) => Ok(check(&args, out)),
        Command::Build(args) => Ok(build(&args, out)),
        Command::Serve(args) => serve(&args, out),
        Command::Init(args) => init(&args, out),
        Command::Briefing(args) => Ok(briefing(args, out)),
        Command::Templates(args) => templates(&root, &args, out),
        Command::Lock(args) => Ok(lock(&args.project.root, out)),
        Command::Format => {
            print!("{}", dossier::FORMAT_REFERENCE);
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => Ok(export(&args, out)),
        Command::New(NewCommand::Source(args)) => Ok(new_source(&args)),
        Command::Suggest(args) => Ok(suggest(&args, out)),
    };
    result.unwrap_or_else(|error| {
        eprintln!("error: {}", printable(&format!("{error:#}")));
        ExitCode::FAILURE
    })
}

/// How to print: in color or not, and whether to say anything beside the diagnostics.
#[derive(Debug, Clone, Copy)]
struct Output {
    color: bool,
    quiet: bool,
    /// How many warnings of a kind to print (`None`: all, with `--verbose`).
    shown: Option<usize>,
}

impl Output {
    /// From `--color`, `NO_COLOR` (which `--color always` overrides) and `--quiet`.
    fn new(global: &GlobalArgs) -> Self {
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Self {
            color,
            quiet: global.quiet,
            shown: (!global.verbose).then_some(WARNINGS_SHOWN),
        }
    }

    /// A line on stderr, unless `--quiet`.
    fn note(self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }
}

/// `dossier check`: every diagnostic, then what was checked and the counts.
fn check(args: &CheckArgs, out: Output) -> ExitCode {
    if args.fix
        && let Err(status) = fix(&args.project.root, out)
    {
        return status;
    }
    let (dossier, mut diagnostics) = dossier::check(&args.project.root);
    // The templates of the project too, as `build` compiles them: a template that does
    // not parse is an error of the project, whatever its content.
    let _ = dossier::theme(&args.project.root, &mut diagnostics);
    if let (true, Some(dossier)) = (args.mentions, &dossier) {
        print!("{}", printable(&dossier::mentions::listing(dossier)));
    }
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(diagnostics.render_listing(out.color, out.shown).as_bytes());
    drop(stderr);
    // How well the claims are sourced, then (last) what was checked.
    if let Some(dossier) = &dossier {
        out.note(&dossier.support.summary());
    }
    let checked = dossier.as_ref().map(|d| {
        format!(
            "{}, {}, {}: ",
            plural(d.sources.len(), "source"),
            plural(d.actors.len(), "actor"),
            plural(d.events.len(), "event")
        )
    });
    out.note(&format!(
        "{}{}",
        checked.unwrap_or_default(),
        diagnostics.summary()
    ));
    exit_status(&diagnostics, args.strict)
}

/// `dossier check --fix`: rewrites the moved citations and says which, and how many
/// were left as they are (`check` then tells why).
fn fix(root: &Path, out: Output) -> Result<(), ExitCode> {
    let fixed = match dossier::lock::fix(root) {
        Ok(fixed) => fixed,
        Err(error) => {
            eprintln!("error: {error}");
            return Err(ExitCode::FAILURE);
        }
    };
    for a in &fixed.applied {
        out.note(&format!(
            "rewrote {}:{}:{}: {} → {}",
            a.path.display(),
            a.line,
            a.column,
            a.old,
            a.new
        ));
    }
    if fixed.applied.is_empty() && fixed.left == 0 {
        out.note("no moved citation to rewrite");
    } else if !fixed.applied.is_empty() {
        out.note(&format!(
            "{} rewritten; {} follows the paragraphs that moved",
            plural(fixed.applied.len(), "citation"),
            dossier::lock::FILE_NAME
        ));
    }
    if fixed.left > 0 {
        out.note(&format!(
            "{} of moved text left as {} (see below); {} changes only with `dossier lock`",
            plural(fixed.left, "citation"),
            if fixed.left == 1 { "it is" } else { "they are" },
            dossier::lock::FILE_NAME
        ));
    }
    Ok(())
}

/// `dossier lock`: diagnostics as `check` prints them, then what was written.
fn lock(root: &Path, out: Output) -> ExitCode {
    let (result, diagnostics) = dossier::lock::write(root);
    let status = report(&diagnostics, false, out);
    match result {
        Ok((path, count)) => {
            out.note(&format!(
                "wrote {} ({})",
                path.display(),
                plural(count, "cited paragraph")
            ));
            status
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `3 sources`, `1 source`.
fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

/// `dossier templates`: what was copied, where.
fn templates(root: &Path, args: &TemplatesArgs, out: Output) -> anyhow::Result<ExitCode> {
    let written = dossier::init::templates::copy(root, &args.names)?;
    for path in &written {
        out.note(&format!("wrote {}", path.display()));
    }
    out.note(&format!(
        "{} copied: `dossier build` and `dossier serve` use the files in templates/ \
         instead of the built-in ones",
        plural(written.len(), "file")
    ));
    Ok(ExitCode::SUCCESS)
}

/// `dossier briefing`: diagnostics as `check` prints them, then what was written.
fn briefing(args: BriefingArgs, out: Output) -> ExitCode {
    let options = dossier::briefing::BriefingOptions {
        html: args.out,
        pdf: args.pdf,
        chrome: args.chrome,
        paper: args.paper,
        timeout: std::time::Duration::from_secs(args.timeout),
        strict: args.strict,
        force: args.force,
        sections: args.sections,
    };
    let (result, diagnostics) = dossier::briefing::run(&args.project.root, &options);
    let status = report(&diagnostics, args.strict, out);
    match result {
        Ok(written) => {
            if let Some((path, bytes)) = written.html {
                out.note(&format!(
                    "wrote {} ({} KiB)",
                    path.display(),
                    bytes.div_ceil(1024)
                ));
            }
            if let Some((path, bytes, browser, took)) = written.pdf {
                out.note(&format!(
                    "printed {} ({} KiB) with {} in {:.1} s",
                    path.display(),
                    bytes.div_ceil(1024),
                    browser.display(),
                    took.as_secs_f64()
                ));
            }
            status
        }
        Err(dossier::BuildError::Content(_)) => {
            eprintln!("nothing written");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {}", printable(&error.to_string()));
            eprintln!("nothing written");
            ExitCode::FAILURE
        }
    }
}

/// `dossier new source`: the file written, and what is left to fill.
fn new_source(args: &NewSourceArgs) -> ExitCode {
    match dossier::import::new_source(&args.project.root, &args.file, args.id.as_deref()) {
        Ok((path, article)) => {
            eprintln!("wrote {}", path.display());
            for note in &article.notes {
                eprintln!("note: {}", printable(note));
            }
            for warning in &article.warnings {
                eprintln!("warning: {}", printable(warning));
            }
            let mut missing = Vec::new();
            if article.title.is_empty() {
                missing.push("title");
            }
            if article.published.is_none() {
                missing.push("published");
            }
            if !missing.is_empty() {
                eprintln!(
                    "to do: set {} in its front matter (`dossier check` says what is missing)",
                    missing.join(" and ")
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {}", printable(&error.to_string()));
            eprintln!("nothing written");
            ExitCode::FAILURE
        }
    }
}

/// `dossier suggest`: YAML on standard output, diagnostics on standard error.
fn suggest(args: &SuggestArgs, out: Output) -> ExitCode {
    let (dossier, diagnostics) = dossier::check(&args.project.root);
    let status = report(&diagnostics, false, out);
    let Some(dossier) = dossier else {
        return ExitCode::FAILURE;
    };
    match dossier::suggest::suggest(&dossier, &args.sources) {
        Ok(yaml) => {
            print!("{yaml}");
            status
        }
        Err(error) => {
            eprintln!("error: {error}");
            if Path::new(&error.id).join("content").is_dir() {
                eprintln!(
                    "hint: `{}` is a dossier's folder: give it as `--root {}`",
                    error.id, error.id
                );
            }
            ExitCode::FAILURE
        }
    }
}

/// `dossier export`: diagnostics as `check` prints them, then the files written.
fn export(args: &ExportArgs, output: Output) -> ExitCode {
    let root = &args.project.root;
    let out = args.out.clone().unwrap_or_else(|| root.join("exports"));
    let formats = dossier::export::Format::parse(&args.format).unwrap_or_default();
    let options = dossier::export::ExportOptions {
        strict: args.strict,
        force: args.force,
    };
    let (result, diagnostics) = dossier::export::run(root, &formats, &out, options);
    let status = report(&diagnostics, args.strict, output);
    match result {
        Ok(files) => {
            for (path, bytes) in files {
                output.note(&format!(
                    "wrote {} ({} KiB)",
                    path.display(),
                    bytes.div_ceil(1024)
                ));
            }
            status
        }
        Err(dossier::export::ExportError::Content) => {
            eprintln!("nothing written");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `dossier build`: diagnostics as `check` prints them, then the build's outcome.
fn build(args: &BuildArgs, output: Output) -> ExitCode {
    let root = &args.project.root;
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    let options = dossier::BuildOptions {
        strict: args.strict,
        force: args.force,
        progress: std::io::stderr().is_terminal() && !output.quiet,
        base_url: args.base_url.clone().filter(|url| !url.is_empty()),
    };
    let started = Instant::now();
    let (result, mut diagnostics) = dossier::build(root, &out, options);
    // A refused or failed output is an error like the others: listed and counted
    // before the summary line, not after a summary that says there is none.
    match &result {
        Ok(_) | Err(dossier::BuildError::Content(_)) => {}
        // A template that does not render is told at its line in templates/.
        Err(dossier::BuildError::Render(error)) => diagnostics.push(error.diagnostic(&out)),
        Err(error) => diagnostics.push(dossier::diagnostics::Diagnostic::file(
            dossier::diagnostics::Severity::Error,
            &out,
            error.to_string(),
        )),
    }
    let exit = report(&diagnostics, args.strict, output);
    match result {
        Ok(built) => {
            output.note(&format!(
                "built {} pages ({} files, {:.1} MiB) into {} in {:.2} s",
                built.pages,
                built.files,
                mebibytes(built.bytes),
                out.display(),
                started.elapsed().as_secs_f64()
            ));
            exit
        }
        Err(_) => {
            eprintln!(
                "nothing written: {} is unchanged",
                printable(&out.display().to_string())
            );
            ExitCode::FAILURE
        }
    }
}

/// A size in MiB, for display (exact below 4 PiB).
#[allow(clippy::cast_precision_loss)]
fn mebibytes(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Prints the diagnostics to stderr (the summary line unless `--quiet`) and turns them
/// into the exit status.
fn report(diagnostics: &Diagnostics, strict: bool, out: Output) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(diagnostics.render_listing(out.color, out.shown).as_bytes());
    drop(stderr);
    out.note(&diagnostics.summary());
    exit_status(diagnostics, strict)
}

/// 1 on an error (or a warning, when `strict`), 0 otherwise.
fn exit_status(diagnostics: &Diagnostics, strict: bool) -> ExitCode {
    if diagnostics.failed(strict) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The port of `dossier serve` when none is given (Zola's).
const DEFAULT_PORT: u16 = 1111;

/// `dossier serve`: until Ctrl-C (or SIGTERM), then stops cleanly.
fn serve(args: &ServeArgs, out: Output) -> anyhow::Result<ExitCode> {
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
        port: args.port.unwrap_or(DEFAULT_PORT),
        any_port_if_taken: args.port.is_none(),
    };
    let listener = dossier::serve::listen(&options)?;
    if let (Some(taken), Some(address)) = (listener.taken, listener.address()) {
        terminal::say(&format!(
            "Port {taken} is taken by another program: using port {} instead",
            address.port()
        ));
    }
    let printer = terminal::Printer::new(out.color, out.quiet);
    if !out.quiet {
        // The folder in full: the default root `.` says nothing.
        let root = &args.project.root;
        let shown = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        terminal::say(&format!("Building {}…", shown.display()));
    }
    let report = Arc::new(move |n| printer.print(n));
    let server = dossier::serve::Server::start_on(listener, &options, report)?;
    let url = server.url();
    terminal::say(&format!("Serving on {url} (Ctrl-C to stop)"));
    if args.open {
        terminal::open_browser(&url);
    }
    let _ = stopped.recv();
    if !out.quiet {
        terminal::say("Stopping.");
    }
    server.stop();
    Ok(ExitCode::SUCCESS)
}

/// `dossier init DIR`.
fn init(args: &InitArgs, out: Output) -> anyhow::Result<ExitCode> {
    let options = dossier::init::Options {
        language: match args.lang {
            Lang::En => dossier::model::Language::En,
            Lang::Fr => dossier::model::Language::Fr,
        },
        empty: args.empty,
    };
    let written = dossier::init::init(&args.dir, options)?;
    if !out.quiet {
        let files = written.join("\n  ");
        terminal::say(&format!(
            "Created a dossier in {}:\n  {files}\nNext: cd {} && dossier serve --open  \
             (README.md tells how to publish it; `dossier format` how to write it)",
            args.dir.display(),
            terminal::shell_quote(&args.dir.to_string_lossy())
        ));
    }
    Ok(ExitCode::SUCCESS)
}
