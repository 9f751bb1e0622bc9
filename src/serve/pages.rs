//! The preview renders a file of the site when a browser asks for it, from the dossier of
//! the last good build kept in memory: after a change, the project is checked again (the
//! unchanged files are not read again) and nothing is rendered until a page is wanted.
//! One thread owns the dossier and renders; request threads ask it through a channel.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvError, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::model::Dossier;
use crate::render::highlight::Highlighter;
use crate::render::templates::Templates;
use crate::render::{RenderError, Site, SiteFile};

/// A checked dossier and what rendering it needs.
pub struct Model {
    /// The dossier.
    pub dossier: Dossier,
    /// The project's templates (kept from one build to the next while unchanged).
    pub templates: Arc<Templates>,
    /// The project folder (for `static/`).
    pub root: PathBuf,
}

/// A rendered file, or why it could not be.
pub type Rendered = Result<Arc<Vec<u8>>, String>;

enum Message {
    Render {
        path: String,
        reply: Sender<Option<Rendered>>,
    },
    Replace {
        model: Box<Model>,
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

    /// Renders from `model` from now on; returns the paths of its site once it is ready,
    /// or why it cannot be rendered (a template that does not parse…).
    pub fn replace(&self, model: Model) -> Result<BTreeSet<String>, String> {
        let (reply, answer) = channel();
        let model = Box::new(model);
        self.sender
            .send(Message::Replace { model, reply })
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

/// A model to serve, and where to say whether it can be.
type Replacement = (Box<Model>, Sender<Result<BTreeSet<String>, String>>);

fn run(receiver: &Receiver<Message>) {
    let highlighter = Highlighter::new();
    let mut next = wait_for_model(receiver);
    let mut retired = Retired::default();
    while let Some((model, reply)) = next {
        next = serve(&model, &reply, &highlighter, receiver, &mut retired);
        retired.keep(model);
    }
}

/// The model served before the current one. It is large: it is freed beside, once the
/// thread has been idle for a while, so that freeing it does not slow the next build or
/// the first pages asked for after it.
#[derive(Default)]
struct Retired(Option<Box<Model>>);

impl Retired {
    /// How long the thread must be idle before the retired model is freed.
    const IDLE: Duration = Duration::from_millis(100);

    /// Keeps `model` to free later (freeing the one kept before now).
    fn keep(&mut self, model: Box<Model>) {
        self.free();
        self.0 = Some(model);
    }

    /// Frees the retired model, if any, on a thread of its own.
    fn free(&mut self) {
        if let Some(model) = self.0.take() {
            let freed = std::thread::Builder::new().spawn(move || drop(model));
            drop(freed);
        }
    }

    /// The next message; the retired model is freed when none comes for a while.
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

/// Answers requests until a model comes (`None`: every handle is gone).
fn wait_for_model(receiver: &Receiver<Message>) -> Option<Replacement> {
    loop {
        match receiver.recv() {
            Ok(Message::Replace { model, reply }) => return Some((model, reply)),
            Ok(Message::Render { reply, .. }) => {
                let _ = reply.send(None);
            }
            Err(_) => return None,
        }
    }
}

/// Renders from `model` until another one comes, which is returned.
fn serve(
    model: &Model,
    reply: &Sender<Result<BTreeSet<String>, String>>,
    highlighter: &Highlighter,
    receiver: &Receiver<Message>,
    retired: &mut Retired,
) -> Option<Replacement> {
    let ready = Site::new(&model.dossier, &model.templates, highlighter);
    let site = match ready {
        Ok(site) => site,
        Err(error) => {
            let _ = reply.send(Err(error.to_string()));
            retired.free();
            return wait_for_model(receiver);
        }
    };
    let files = match site.files(&model.root) {
        Ok(files) => files,
        Err(error) => {
            let _ = reply.send(Err(error.to_string()));
            retired.free();
            return wait_for_model(receiver);
        }
    };
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
            Ok(Message::Replace { model, reply }) => return Some((model, reply)),
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
