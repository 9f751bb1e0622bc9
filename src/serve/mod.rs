//! `dossier serve`: builds the project into a temporary folder (never into `public/`),
//! serves it over HTTP, watches the project and rebuilds on change; open pages reload
//! themselves, and show the errors of a failed build over the last good one.

mod http;
mod paths;
mod state;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::diagnostics::Diagnostics;
use state::State;
use watch::Watch;

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct Options {
    /// The project folder (the one holding `content/`).
    pub root: PathBuf,
    /// The address to listen on; loopback unless the user asks otherwise.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
}

/// Something the terminal should hear about.
#[derive(Debug)]
pub enum Notice {
    /// Files changed (paths relative to the project root); a rebuild starts.
    Changed(Vec<PathBuf>),
    /// A build succeeded and is now served.
    Built {
        /// How long it took.
        elapsed: Duration,
        /// The warnings of the content.
        warnings: Diagnostics,
    },
    /// A build failed; the previous one is still served.
    Failed {
        /// How long it took.
        elapsed: Duration,
        /// Every problem found.
        diagnostics: Diagnostics,
    },
    /// The watcher reported a problem; changes may be missed.
    WatchFailed(String),
}

/// Receives the notices, from the builder thread.
pub type Reporter = Arc<dyn Fn(Notice) + Send + Sync>;

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The folder holds no `content/`.
    #[error("{0} is not a dossier project: it has no content/ folder")]
    NoProject(PathBuf),
    /// The address is taken or not ours.
    #[error("cannot listen on {address}: {source}")]
    Bind {
        /// The address asked for.
        address: SocketAddr,
        /// What the system said.
        source: std::io::Error,
    },
    /// The temporary folder for the site could not be made.
    #[error("cannot create a temporary folder for the preview: {0}")]
    TempFolder(std::io::Error),
    /// A folder could not be watched.
    #[error("cannot watch {path}: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// What the watcher said.
        source: notify_debouncer_full::notify::Error,
    },
    /// The HTTP server or a thread could not start.
    #[error("cannot start the preview server: {0}")]
    Start(String),
}

/// Builds the project at `root` into `out`, replacing it only on success. Returns the
/// warnings, or every diagnostic of a failed build (and `out` is left as it was).
///
/// The one place where the preview calls the site builder.
pub fn rebuild(root: &Path, out: &Path) -> Result<Diagnostics, Diagnostics> {
    // TODO(merge): replace with the real dossier::build (same signature).
    crate::build_stub::build(root, out, true)
        .map(|report| report.warnings)
        .map_err(crate::build_stub::BuildError::into_diagnostics)
}

/// A running preview: HTTP server, watcher and builder threads, and the temporary
/// folder holding the site. Stop it with [`Server::stop`].
pub struct Server {
    address: SocketAddr,
    http: Arc<tiny_http::Server>,
    state: Arc<State>,
    accept: Option<JoinHandle<()>>,
    builder_done: Receiver<()>,
    folder: Option<tempfile::TempDir>,
}

impl Server {
    /// Listens, builds the site once, then serves it and rebuilds on every change.
    /// A build that fails does not stop the server: the pages show its errors.
    pub fn start(options: &Options, report: Reporter) -> Result<Self, ServeError> {
        let root = options
            .root
            .canonicalize()
            .ok()
            .filter(|root| root.join("content").is_dir())
            .ok_or_else(|| ServeError::NoProject(options.root.clone()))?;
        let address = SocketAddr::new(options.bind, options.port);
        let listener =
            TcpListener::bind(address).map_err(|source| ServeError::Bind { address, source })?;
        let address = listener
            .local_addr()
            .map_err(|source| ServeError::Bind { address, source })?;
        let http = tiny_http::Server::from_listener(listener, None)
            .map_err(|error| ServeError::Start(error.to_string()))?;
        let http = Arc::new(http);
        let folder = tempfile::Builder::new()
            .prefix("dossier-serve-")
            .tempdir()
            .map_err(ServeError::TempFolder)?;
        let site: Arc<Path> = folder.path().join("site").into();
        let state = Arc::new(State::default());

        // Watch before the first build, so that an edit made during it is not lost.
        let watch = Watch::start(&root)?;
        watch::build(&root, &site, &state, &report);

        let (done, builder_done) = channel();
        let (builder_site, builder_state) = (Arc::clone(&site), Arc::clone(&state));
        spawn("dossier-builder", move || {
            watch.run(&builder_site, &builder_state, &report);
            let _ = done.send(());
        })?;
        let (server, accept_state) = (Arc::clone(&http), Arc::clone(&state));
        let accept = spawn("dossier-http", move || {
            for request in server.incoming_requests() {
                let (site, state) = (Arc::clone(&site), Arc::clone(&accept_state));
                // One thread per request: a page's long-poll waits in its own.
                let answered =
                    std::thread::Builder::new().spawn(move || http::answer(request, &site, &state));
                drop(answered);
            }
        })?;
        Ok(Self {
            address,
            http,
            state,
            accept: Some(accept),
            builder_done,
            folder: Some(folder),
        })
    }

    /// The address the server listens on (with the actual port when 0 was asked).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The address to open in a browser.
    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// Stops serving and watching, and removes the temporary site.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        self.state.stop();
        self.http.unblock();
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
        // A build in progress finishes before the folder goes, unless it takes long.
        let _ = self.builder_done.recv_timeout(Duration::from_secs(3));
        if let Some(folder) = self.folder.take() {
            let _ = folder.close();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.accept.is_some() {
            self.shut_down();
        }
    }
}

fn spawn(name: &str, work: impl FnOnce() + Send + 'static) -> Result<JoinHandle<()>, ServeError> {
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(work)
        .map_err(|error| ServeError::Start(error.to_string()))
}
