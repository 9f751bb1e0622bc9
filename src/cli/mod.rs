//! The command line: subcommands and their options, and what the binary prints.
//!
//! Options that every subcommand shares (`--root`, `--quiet`, `--color`) are global: they
//! are accepted before or after the subcommand. A subcommand that reads a project
//! flattens [`ProjectArgs`], which also takes the project folder as a positional argument
//! (`dossier check my-dossier`); [`Cli::parse_resolved`] then fills in `project.root`.
//! A new subcommand is a variant of [`Command`], its own `…Args` struct below, and (when
//! it reads a project) one arm in [`Command::project_mut`].

pub mod terminal;

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

/// Turn sources and hand-written metadata into a cross-linked static site.
#[derive(Debug, Parser)]
#[command(name = "dossier", version = dossier::VERSION_LINE, about)]
pub struct Cli {
    /// Options of every subcommand.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The project folder (the one holding `content/`) [default: .]
    #[arg(short, long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print only errors and warnings (no summary, no progress).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print every warning (by default, a few of each kind, then how many more).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to color the output (`auto`: on a terminal, unless `NO_COLOR` is set).
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless the `NO_COLOR` variable is set.
    Auto,
    /// Always, even into a file or with `NO_COLOR`.
    Always,
    /// Never.
    Never,
}

/// `init --lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site: content → site (default output: ROOT/public).
    Build(BuildArgs),
    /// Validate the content and the templates, and report every problem; write nothing.
    Check(CheckArgs),
    /// Build the site in memory, serve it, and rebuild it on every change.
    Serve(ServeArgs),
    /// Create a new dossier project (with an example and a GitHub Pages workflow).
    Init(InitArgs),
    /// Write the printable briefing as one HTML page and/or print it to PDF.
    Briefing(BriefingArgs),
    /// Copy the built-in templates and assets into the project's templates/ to edit them.
    Templates(TemplatesArgs),
    /// Print the reference of the content format (every file and key).
    Format,
    /// Write dossier.lock: the fingerprint of every cited paragraph, for `check` to tell
    /// which changed or moved since.
    Lock(LockArgs),
    /// Write the dossier in the formats other tools read (ftm, timelinejs, csv, graphml).
    Export(ExportArgs),
    /// Add something to the dossier (`dossier new source FILE`).
    #[command(subcommand)]
    New(NewCommand),
    /// Print, as YAML to paste, the events the sources' texts date and the names no actor
    /// matches. Writes nothing.
    Suggest(SuggestArgs),
}

impl Command {
    /// The project options of the subcommands that read a project.
    pub fn project_mut(&mut self) -> Option<&mut ProjectArgs> {
        match self {
            Command::Build(args) => Some(&mut args.project),
            Command::Check(args) => Some(&mut args.project),
            Command::Serve(args) => Some(&mut args.project),
            Command::Briefing(args) => Some(&mut args.project),
            Command::Lock(args) => Some(&mut args.project),
            Command::Export(args) => Some(&mut args.project),
            Command::New(NewCommand::Source(args)) => Some(&mut args.project),
            Command::Suggest(args) => Some(&mut args.project),
            Command::Init(_) | Command::Templates(_) | Command::Format => None,
        }
    }
}

impl Cli {
    /// Parses the arguments (exiting with clap's message on a mistake) and settles the
    /// project folder: the positional one, or `--root`, or the current folder.
    pub fn parse_resolved() -> Self {
        let mut cli = Self::parse();
        let root = cli.global.root.clone();
        if let Some(project) = cli.command.project_mut() {
            project.root = match (project.dir.take(), root) {
                (Some(dir), Some(root)) if dir != root => {
                    Self::command()
                        .error(
                            clap::error::ErrorKind::ArgumentConflict,
                            format!(
                                "two project folders given: '{}' and --root '{}'",
                                dir.display(),
                                root.display()
                            ),
                        )
                        .exit();
                }
                (Some(dir), _) => dir,
                (None, Some(root)) => root,
                (None, None) => PathBuf::from("."),
            };
        }
        cli
    }

    /// The project folder given with `--root`, or the current folder (for the
    /// subcommands whose positional arguments are something else).
    pub fn root(&self) -> PathBuf {
        self.global
            .root
            .clone()
            .unwrap_or_else(|| PathBuf::from("."))
    }
}

/// The project of the commands that read one: a positional folder, or the global
/// `--root`.
#[derive(Debug, Default, Args)]
pub struct ProjectArgs {
    /// The project folder (the one holding `content/`), as `--root` [default: .]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The project folder once settled by [`Cli::parse_resolved`].
    #[arg(skip)]
    pub root: PathBuf,
}

/// `dossier check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Also list every mention of every actor found in the sources (to audit aliases).
    #[arg(long)]
    pub mentions: bool,
    /// Rewrite in place the citations of paragraphs that dossier.lock shows have moved
    /// (only those citations; never those of text that is gone), then check.
    #[arg(long)]
    pub fix: bool,
}

/// `dossier lock`.
#[derive(Debug, Args)]
pub struct LockArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
}

/// `dossier build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The output folder, replaced whole by the new site (default: ROOT/public).
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Treat warnings as errors: nothing is written.
    #[arg(long)]
    pub strict: bool,
    /// Replace the output folder even if it was not made by `dossier build`.
    #[arg(long)]
    pub force: bool,
    /// The address where the site is published (`http` or `https`), in place of
    /// `base_url` of `content/dossier.yaml`: the GitHub Pages workflow gives the one
    /// GitHub serves it at. An empty value changes nothing.
    #[arg(long, value_name = "URL", value_parser = published_address)]
    pub base_url: Option<String>,
}

/// `dossier serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The address to listen on. Anything but loopback makes the dossier visible on the
    /// network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// The port to listen on (0: any free port) [default: 1111, or a free port when
    /// 1111 is taken]
    #[arg(short, long)]
    pub port: Option<u16>,
    /// Open the site in the default browser once it is built.
    #[arg(long)]
    pub open: bool,
}

/// `dossier init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it may exist if it is empty).
    pub dir: PathBuf,
    /// The language of the example and of the site's labels and dates.
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub lang: Lang,
    /// Write no example: only content/dossier.yaml, the empty folders, the README and
    /// the workflow.
    #[arg(long)]
    pub empty: bool,
}

/// `dossier templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// The templates or assets to copy (default: all of them), e.g. `source.html`.
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

/// `dossier briefing`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("output").required(true).multiple(true).args(["out", "pdf"]))]
pub struct BriefingArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Write the briefing as one self-contained HTML page to this file.
    #[arg(short, long, value_name = "FILE.html")]
    pub out: Option<PathBuf>,
    /// Print the briefing to PDF in this file, with a headless Chromium, Chrome or Edge.
    #[arg(long, value_name = "FILE.pdf")]
    pub pdf: Option<PathBuf>,
    /// The browser to print with (default: the CHROME variable, then Chromium, Chrome or
    /// Edge on PATH or where they are usually installed).
    #[arg(long, value_name = "PATH")]
    pub chrome: Option<PathBuf>,
    /// The paper of the PDF: a4 or letter.
    #[arg(long, default_value = "a4")]
    pub paper: dossier::print::Paper,
    /// How many seconds the browser may take to print before it is stopped.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// Treat warnings as errors: nothing is written.
    #[arg(long)]
    pub strict: bool,
    /// Replace an existing file that `dossier briefing` did not write.
    #[arg(long)]
    pub force: bool,
    /// The sections to print, in any order (they keep the briefing's):
    /// summary,judgments,chronology,actors,sources,notes.
    #[arg(
        long,
        value_name = "LIST",
        default_value = "summary,judgments,chronology,actors,sources,notes"
    )]
    pub sections: dossier::render::briefing::Sections,
}

/// `dossier export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// What to write: ftm, timelinejs, csv, graphml or all.
    #[arg(long, default_value = "all", value_parser = ["ftm", "timelinejs", "csv", "graphml", "all"])]
    pub format: String,
    /// The folder to write into (default: ROOT/exports).
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
    /// Treat warnings as errors: nothing is written.
    #[arg(long)]
    pub strict: bool,
    /// Replace files of the same names that `dossier export` did not write.
    #[arg(long)]
    pub force: bool,
}

/// `dossier new`.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Import a saved article (.html, .md or .txt) as content/sources/ID.md.
    Source(NewSourceArgs),
}

/// `dossier new source`.
#[derive(Debug, Args)]
pub struct NewSourceArgs {
    /// The article to import.
    pub file: std::path::PathBuf,
    /// The project (`--root`, or the current folder).
    #[arg(skip)]
    pub project: ProjectArgs,
    /// The new source's id (default: from its title).
    #[arg(long)]
    pub id: Option<String>,
}

/// `dossier suggest`.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The project (`--root`, or the current folder).
    #[arg(skip)]
    pub project: ProjectArgs,
    /// The sources to read (default: all of them).
    pub sources: Vec<String>,
}

/// `--base-url`: an `http` or `https` address, or nothing.
fn published_address(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() || dossier::link_safety::is_web_address(value) {
        Ok(value.to_string())
    } else {
        Err(format!(
            "`{value}` is not an http or https address (write it whole: https://USER.github.io/REPOSITORY/)"
        ))
    }
}
