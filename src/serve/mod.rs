//! `dossier serve`: checks the project and serves its site over HTTP from memory (never
//! from or into `public/`), rendering each page when it is asked for; watches the project
//! and checks it again on change, reading only the changed files; open pages reload
//! themselves, and show the errors of a failed build over the last good one.

mod changes;
mod http;
mod pages;
mod paths;
mod state;
mod watch;
mod wire;

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
    /// When `port` is taken, listen on a free one instead of failing (the default port,
    /// not one the user asked for).
    pub any_port_if_taken: bool,
}

/// A bound socket, ready for [`Server::start_on`].
#[derive(Debug)]
pub struct Listener {
    socket: TcpListener,
    /// The port asked for, when it was taken and another was picked.
    pub taken: Option<u16>,
}

impl Listener {
    /// The address listened on.
    pub fn address(&self) -> Option<SocketAddr> {
        self.socket.local_addr().ok()
    }
}

/// Listens where `options` say, before anything is built: a port that is taken is
/// reported at once, with a free one to use instead (or, with
/// [`Options::any_port_if_taken`], a free one is used).
pub fn listen(options: &Options) -> Result<Listener, ServeError> {
    let address = SocketAddr::new(options.bind, options.port);
    match TcpListener::bind(address) {
        Ok(socket) => Ok(Listener {
            socket,
            taken: None,
        }),
        Err(cause) if cause.kind() == std::io::ErrorKind::AddrInUse => {
            if options.any_port_if_taken {
                let any = SocketAddr::new(options.bind, 0);
                let socket = TcpListener::bind(any).map_err(|cause| ServeError::Bind {
                    address: any,
                    cause,
                })?;
                Ok(Listener {
                    socket,
                    taken: Some(options.port),
                })
            } else {
                Err(ServeError::PortTaken {
                    address,
                    free: free_port_near(address),
                })
            }
        }
        Err(cause) => Err(ServeError::Bind { address, cause }),
    }
}

/// A port free right now among the ten after `address`'s.
fn free_port_near(address: SocketAddr) -> Option<u16> {
    (1..=10)
        .filter_map(|step| address.port().checked_add(step))
        .find(|&port| TcpListener::bind(SocketAddr::new(address.ip(), port)).is_ok())
}

/// ` --port N (free now) or`, when a free port is known.
fn suggestion(free: Option<u16>) -> String {
    free.map(|port| format!(" --port {port} (free now) or"))
        .unwrap_or_default()
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
        /// Whether a previous build succeeded (and is served).
        last_good: bool,
    },
    /// The watcher reported a problem; changes may be missed.
    WatchFailed(String),
}

/// The paths of the files of a site (`sources/x/index.html`).
pub type Paths = BTreeSet<String>;

impl std::fmt::Debug for Served {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Served({} files)", self.paths.len())
    }
}

/// The site of a good build, as served: the paths of its files, and the thread that
/// renders them when asked.
pub struct Served {
    /// Every file of the site.
    pub paths: Paths,
    renderer: pages::Renderer,
}

impl Served {
    /// The file at `path`, rendered now or earlier (`None` when the site has no such
    /// file), or why it cannot be rendered.
    pub fn file(&self, path: &str) -> Option<pages::Rendered> {
        if !self.paths.contains(path) {
            return None;
        }
        self.renderer.render(path)
    }

    /// A site without files, for tests of what holds it.
    #[cfg(test)]
    pub(crate) fn empty() -> Self {
        Self {
            paths: Paths::new(),
            renderer: pages::Renderer::start().expect("a rendering thread"),
        }
    }
}

/// Receives the notices, from the builder thread.
pub type Reporter = Arc<dyn Fn(Notice) + Send + Sync>;

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The folder holds no `content/`.
    #[error("{0} is not a dossier project: it has no content/ folder")]
    NoProject(PathBuf),
    /// The port asked for is taken.
    #[error(
        "port {} of {} is taken by another program: serve on another port with{} \
         --port 0 (any free port)",
        address.port(),
        address.ip(),
        suggestion(*free)
    )]
    PortTaken {
        /// The address asked for.
        address: SocketAddr,
        /// A port free when the error was made.
        free: Option<u16>,
    },
    /// The address is not ours, or listening failed otherwise.
    #[error("cannot listen on {address}: {cause} (choose another with --port or --bind)")]
    Bind {
        /// The address asked for.
        address: SocketAddr,
        /// What the system said.
        cause: std::io::Error,
    },
    /// A folder could not be watched.
    #[error("cannot watch {path}: {cause}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// What the watcher said.
        cause: notify_debouncer_full::notify::Error,
    },
    /// The HTTP server or a thread could not start.
    #[error("cannot start the preview server: {0}")]
    Start(String),
}

/// A running preview: HTTP server, watcher and builder threads. Stop it with
/// [`Server::stop`].
pub struct Server {
    address: SocketAddr,
    state: Arc<State>,
    /// Tells the accepting thread to stop (woken by a connection of our own).
    stopping: Arc<AtomicBool>,
    accept: Option<Receiver<()>>,
    builder_done: Receiver<()>,
}

impl Server {
    /// Listens, builds the site once, then serves it and rebuilds on every change.
    /// A build that fails does not stop the server: the pages show its errors.
    pub fn start(options: &Options, report: Reporter) -> Result<Self, ServeError> {
        let listener = listen(options)?;
        Self::start_on(listener, options, report)
    }

    /// [`Server::start`] on a socket already bound by [`listen`].
    pub fn start_on(
        listener: Listener,
        options: &Options,
        report: Reporter,
    ) -> Result<Self, ServeError> {
        let root = options
            .root
            .canonicalize()
            .ok()
            .filter(|root| root.join("content").is_dir())
            .ok_or_else(|| ServeError::NoProject(options.root.clone()))?;
        let listener = listener.socket;
        let asked = SocketAddr::new(options.bind, options.port);
        let address = listener.local_addr().map_err(|cause| ServeError::Bind {
            address: asked,
            cause,
        })?;
        let state = Arc::new(State::default());

        let renderer =
            pages::Renderer::start().map_err(|error| ServeError::Start(error.to_string()))?;
        let builder = watch::Builder::new(root.clone(), renderer);
        // Watch before the first build, so that an edit made during it is not lost.
        let watch = Watch::start(&root)?;
        builder.build(&state, &report, None);

        let (done, builder_done) = channel();
        let builder_state = Arc::clone(&state);
        spawn("dossier-builder", move || {
            watch.run(&builder, &builder_state, &report);
            let _ = done.send(());
        })?;
        let stopping = Arc::new(AtomicBool::new(false));
        let accept = accept(listener, &state, &stopping, options.bind.is_loopback())?;
        Ok(Self {
            address,
            state,
            stopping,
            accept: Some(accept),
            builder_done,
        })
    }

    /// The address the server listens on (with the actual port when 0 was asked).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The address to open in a browser (on this machine, when listening on all
    /// interfaces).
    pub fn url(&self) -> String {
        format!("http://{}/", self.url_address())
    }

    /// The address listened on, on this machine when listening on all interfaces.
    fn url_address(&self) -> SocketAddr {
        let mut address = self.address;
        if address.ip().is_unspecified() {
            address.set_ip(match address.ip() {
                IpAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
                IpAddr::V6(_) => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
            });
        }
        address
    }

    /// Stops serving and watching.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        self.state.stop();
        self.stopping.store(true, Ordering::SeqCst);
        if let Some(accepting) = self.accept.take() {
            // A connection of our own wakes the thread blocked in `accept`.
            let _ =
                std::net::TcpStream::connect_timeout(&self.url_address(), Duration::from_secs(1));
            let _ = accepting.recv_timeout(Duration::from_secs(1));
        }
        // The builder stops between builds; one in progress is not waited for long.
        let _ = self.builder_done.recv_timeout(Duration::from_secs(1));
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

/// At most this many connections are served at once; more are answered `503` and closed.
const MAX_CONNECTIONS: usize = 256;

/// Accepts connections until `stopping`, each served in its own thread (a page's
/// long-poll waits in its own); the receiver hears when the thread ends.
fn accept(
    listener: TcpListener,
    state: &Arc<State>,
    stopping: &Arc<AtomicBool>,
    loopback_only: bool,
) -> Result<Receiver<()>, ServeError> {
    let (state, stopping) = (Arc::clone(state), Arc::clone(stopping));
    let open = Arc::new(AtomicUsize::new(0));
    let (done, accepting) = channel();
    spawn("dossier-http", move || {
        for stream in listener.incoming() {
            if stopping.load(Ordering::SeqCst) {
                break;
            }
            let Ok(stream) = stream else { continue };
            if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                open.fetch_sub(1, Ordering::SeqCst);
                http::too_busy(stream);
                continue;
            }
            let (state, counted) = (Arc::clone(&state), Arc::clone(&open));
            let served = std::thread::Builder::new().spawn(move || {
                http::connection(stream, &state, loopback_only);
                counted.fetch_sub(1, Ordering::SeqCst);
            });
            if served.is_err() {
                open.fetch_sub(1, Ordering::SeqCst);
            }
        }
        let _ = done.send(());
    })?;
    Ok(accepting)
}
