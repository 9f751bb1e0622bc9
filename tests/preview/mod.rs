//! Helpers shared by the tests of `dossier serve`: a copy of a fixture to edit, the
//! binary running as a preview server, and raw HTTP requests to it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const PATIENCE: Duration = Duration::from_secs(20);

pub fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// A copy of the valid fixture in a temporary folder, free to edit.
pub fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("project");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    copy_tree(&fixture, &root);
    (dir, root)
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Replaces `from` by `to` in a project file, as an editor would save it.
pub fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// A running `dossier serve`, stopped (killed) when dropped.
pub struct Preview {
    child: Child,
    /// Where it listens.
    pub address: SocketAddr,
    stderr: Arc<Mutex<String>>,
}

pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Preview {
    pub fn start(root: &Path) -> Self {
        Self::start_with(root, &[], &[])
    }

    /// `start`, with more arguments and variables of the environment.
    pub fn start_with(root: &Path, args: &[&str], env: &[(&str, std::ffi::OsString)]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(args)
            .envs(env.iter().map(|(k, v)| (*k, v)))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let (found, address) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("Serving on http://") {
                    let address = rest.split('/').next().unwrap_or_default().to_string();
                    let _ = found.send(address);
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        let mut pipe = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n) = pipe.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let text = String::from_utf8_lossy(&buffer[..n]);
                sink.lock().expect("stderr sink").push_str(&text);
            }
        });
        let address = wait_for_address(&address, &mut child);
        Self {
            child,
            address,
            stderr,
        }
    }

    /// Sends a raw request target (not normalized, not encoded) and reads the reply.
    pub fn get(&self, target: &str) -> Reply {
        self.get_from(&self.address.to_string(), target)
    }

    /// The same, naming `host` in the request.
    pub fn get_from(&self, host: &str, target: &str) -> Reply {
        self.get_with(host, target, &[])
    }

    /// Fetches `target` with a `Host` header and more headers, as a browser sends them.
    pub fn get_with(&self, host: &str, target: &str, headers: &[(&str, &str)]) -> Reply {
        let mut stream = TcpStream::connect(self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(40)))
            .expect("timeout");
        let mut extra = String::new();
        for (name, value) in headers {
            for part in [name, ": ", value, "\r\n"] {
                extra.push_str(part);
            }
        }
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n"
        )
        .expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("reply");
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").expect("a head and a body");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("status code");
        Reply {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }

    /// Fetches `target` until `done` holds for the reply.
    pub fn wait_for(&self, target: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let start = Instant::now();
        loop {
            let reply = self.get(target);
            if done(&reply) {
                return reply;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited {PATIENCE:?} for {what}; last reply to {target}: {} {}",
                reply.status,
                reply.body
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The process id of the server.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr").clone()
    }

    /// Waits until the terminal shows `text` (the pages may learn of a build a moment
    /// before the terminal line is read), at most [`PATIENCE`].
    pub fn wait_for_stderr(&self, text: &str) {
        let start = Instant::now();
        while !self.stderr().contains(text) {
            assert!(
                start.elapsed() < PATIENCE,
                "waited {PATIENCE:?} for {text:?} on the terminal:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Ctrl-C, then waits for the process to end.
    pub fn interrupt(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -INT");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(start.elapsed() < PATIENCE, "serve did not stop on Ctrl-C");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for_address(address: &Receiver<String>, child: &mut Child) -> SocketAddr {
    match address.recv_timeout(Duration::from_mins(2)) {
        Ok(address) => address.parse().expect("a socket address"),
        Err(_) => {
            let _ = child.kill();
            panic!("serve printed no `Serving on` line");
        }
    }
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}
