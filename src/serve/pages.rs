//! The preview renders a file of the site when a browser asks for it, from the dossier of
//! the last good build kept in memory: after a change, the project is checked again (the
//! unchanged files are not read again) and nothing is rendered until a page is wanted.
//! One thread owns the dossier and renders; request threads ask it through a channel.

use std::collections::{BTreeSet, HashMap};
use std::sync::mpsc::{Receiver, RecvError, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::Project;
use crate::render::{RenderError, Site, SiteFile};

/// A rendered file, or why it could not be.
pub type Rendered = Result<Arc<Vec<u8>>, String>;

enum Message {
    Render {
        path: String,
        reply: Sender<Option<Rendered>>,
    },
    Replace {
        project: Box<Project>,
        reply: Sender<Result<BTreeSet<String>, String>>,
    },
}

/// A handle on the rendering thread.
#[derive(Clone)]
pub struct Renderer {
    sender: Sender<Message>,
}

impl Renderer {
    /// Starts the rendering thread; it ends when every handle is dropped.
    pub fn start() -> std::io::Result<Self> {
        let (sender, receiver) = channel();
        std::thread::Builder::new()
            .name("dossier-pages".into())
            .spawn(move || run(&receiver))?;
        Ok(Self { sender })
    }

    /// Renders from `project` from now on; returns the paths of its site once it is ready,
    /// or why it cannot be rendered (a template that does not parse…).
    pub fn replace(&self, project: Project) -> Result<BTreeSet<String>, String> {
        let (reply, answer) = channel();
        let project = Box::new(project);
        self.sender
            .send(Message::Replace { project, reply })
            .map_err(|_| String::from("the rendering thread stopped"))?;
        answer
            .recv()
            .map_err(|_| String::from("the rendering thread stopped"))?
    }

    /// The file at `path` of the current site (`None` when there is no such file).
    pub fn render(&self, path: &str) -> Option<Rendered> {
        let (reply, answer) = channel();
        let path = path.to_string();
        if self.sender.send(Message::Render { path, reply }).is_err() {
            return Some(Err("the rendering thread stopped".into()));
        }
        answer
            .recv()
            .unwrap_or_else(|_| Some(Err("the rendering thread stopped".into())))
    }
}

/// A project to serve, and where to say whether it can be.
type Replacement = (Box<Project>, Sender<Result<BTreeSet<String>, String>>);

fn run(receiver: &Receiver<Message>) {
    let mut next = wait_for_project(receiver);
    let mut retired = Retired::default();
    while let Some((project, reply)) = next {
        next = serve(&project, &reply, receiver, &mut retired);
        retired.keep(project);
    }
}

/// The project served before the current one. It is large: it is freed beside, once the
/// thread has been idle for a while, so that freeing it does not slow the next build or
/// the first pages asked for after it.
#[derive(Default)]
struct Retired(Option<Box<Project>>);

impl Retired {
    /// How long the thread must be idle before the retired project is freed.
    const IDLE: Duration = Duration::from_millis(100);

    /// Keeps `project` to free later (freeing the one kept before now).
    fn keep(&mut self, project: Box<Project>) {
        self.free();
        self.0 = Some(project);
    }

    /// Frees the retired project, if any, on a thread of its own.
    fn free(&mut self) {
        if let Some(project) = self.0.take() {
            let freed = std::thread::Builder::new().spawn(move || drop(project));
            drop(freed);
        }
    }

    /// The next message; the retired project is freed when none comes for a while.
    fn next(&mut self, receiver: &Receiver<Message>) -> Result<Message, RecvError> {
        if self.0.is_some() {
            match receiver.recv_timeout(Self::IDLE) {
                Ok(message) => return Ok(message),
                Err(RecvTimeoutError::Timeout) => self.free(),
                Err(RecvTimeoutError::Disconnected) => return Err(RecvError),
            }
        }
        receiver.recv()
    }
}

/// Answers requests until a project comes (`None`: every handle is gone).
fn wait_for_project(receiver: &Receiver<Message>) -> Option<Replacement> {
    loop {
        match receiver.recv() {
            Ok(Message::Replace { project, reply }) => return Some((project, reply)),
            Ok(Message::Render { reply, .. }) => {
                let _ = reply.send(None);
            }
            Err(_) => return None,
        }
    }
}

/// Renders from `project` until another one comes, which is returned.
fn serve(
    project: &Project,
    reply: &Sender<Result<BTreeSet<String>, String>>,
    receiver: &Receiver<Message>,
    retired: &mut Retired,
) -> Option<Replacement> {
    let ready = Site::new(&project.dossier, &project.templates);
    let site = match ready {
        Ok(site) => site,
        Err(error) => {
            let _ = reply.send(Err(error.to_string()));
            retired.free();
            return wait_for_project(receiver);
        }
    };
    let files = site.files();
    let _ = reply.send(Ok(files.keys().cloned().collect()));
    let pages = Pages {
        site: &site,
        quotes: Mutex::default(),
    };
    let mut rendered: HashMap<String, Rendered> = HashMap::new();
    loop {
        match retired.next(receiver) {
            Ok(Message::Render { path, reply }) => {
                let answer = files.get(&path).map(|file| {
                    rendered
                        .entry(path)
                        .or_insert_with(|| pages.render(file))
                        .clone()
                });
                let _ = reply.send(answer);
            }
            Ok(Message::Replace { project, reply }) => return Some((project, reply)),
            Err(_) => return None,
        }
    }
}

/// The site being served, with the quotes of the sources rendered so far.
struct Pages<'s, 'd> {
    site: &'s Site<'d>,
    quotes: Mutex<HashMap<usize, Vec<String>>>,
}

impl Pages<'_, '_> {
    fn render(&self, file: &SiteFile<'_>) -> Rendered {
        let quotes = |source: usize| self.quotes_of(source);
        self.site
            .render_file(file, &quotes)
            .map(Arc::new)
            .map_err(|error| error.to_string())
    }

    /// The quotes of one source's mentions, from rendering it (once).
    fn quotes_of(&self, source: usize) -> Result<Vec<String>, RenderError> {
        let known = self.lock().get(&source).cloned();
        if let Some(quotes) = known {
            return Ok(quotes);
        }
        let quotes = self.site.source_quotes(source)?;
        self.lock().insert(source, quotes.clone());
        Ok(quotes)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<usize, Vec<String>>> {
        crate::sync::lock(&self.quotes)
    }
}
