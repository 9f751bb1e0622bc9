//! The command line: subcommands and their options.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turn sources and hand-written metadata into a cross-linked static site.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Show every warning (by default, a few of each kind and how many more).
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site: content → site (default output: ROOT/public).
    Build(BuildArgs),
    /// Validate the content and report every problem; write nothing.
    Check(CheckArgs),
    /// Build the site in memory, serve it, and rebuild it on every change.
    Serve(ServeArgs),
    /// Create a new dossier project (with an example and a GitHub Pages workflow).
    Init(InitArgs),
    /// Write the printable briefing as one HTML page and/or print it to PDF.
    Briefing(BriefingArgs),
}

/// Options shared by the commands that read a project.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// The project folder (the one holding `content/`).
    #[arg(long, default_value = ".")]
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
}

/// `dossier build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The output folder, replaced whole by the new site (default: ROOT/public).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Treat warnings as errors: nothing is written.
    #[arg(long)]
    pub strict: bool,
    /// Replace the output folder even if it was not made by `dossier build`.
    #[arg(long)]
    pub force: bool,
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
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the site in the default browser once it is built.
    #[arg(long)]
    pub open: bool,
}

/// `dossier init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it may exist if it is empty).
    pub dir: PathBuf,
}

/// `dossier briefing`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("output").required(true).multiple(true).args(["out", "pdf"]))]
pub struct BriefingArgs {
    /// The project.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Write the briefing as one self-contained HTML page to this file.
    #[arg(long, value_name = "FILE.html")]
    pub out: Option<PathBuf>,
    /// Print the briefing to PDF in this file, with a headless Chromium or Chrome.
    #[arg(long, value_name = "FILE.pdf")]
    pub pdf: Option<PathBuf>,
    /// The browser to print with (default: chromium, chromium-browser or google-chrome
    /// found on PATH).
    #[arg(long, value_name = "PATH")]
    pub chrome: Option<PathBuf>,
    /// The paper of the PDF: a4 or letter.
    #[arg(long, default_value = "a4")]
    pub paper: dossier::briefing::Paper,
    /// How many seconds the browser may take to print before it is stopped.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// Treat warnings as errors: nothing is written.
    #[arg(long)]
    pub strict: bool,
}
