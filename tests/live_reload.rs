//! The live-reload script in a real browser: headless Chromium, driven over the `DevTools`
//! protocol, shows a failed build's errors over the last good page, and reloads the page
//! once the dossier is fixed. Needs `chromium`: without it the test fails in CI (`CI` set to
//! `1`, `true` or `yes`, as for the browser suite) and elsewhere says so, loudly, and passes.

mod preview;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use preview::{PATIENCE, Preview, edit, project};

/// A headless Chromium with one page open, and a WebSocket to its `DevTools`.
struct Browser {
    child: Child,
    socket: TcpStream,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Opens `url` in a new headless Chromium, or `None` when there is no Chromium.
    fn open(url: &str) -> Option<Self> {
        let program = ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find(|p| Command::new(p).arg("--version").output().is_ok())?;
        let profile = tempfile::tempdir().expect("profile folder");
        let mut child = Command::new(program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .arg("--remote-debugging-port=0")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().expect("stderr");
        let (found, endpoint) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    let _ = found.send(line[at..].trim().to_string());
                }
            }
        });
        let endpoint = endpoint
            .recv_timeout(PATIENCE)
            .expect("chromium prints its DevTools address");
        let mut browser = Self {
            child,
            socket: handshake(&endpoint),
            session: String::new(),
            next_id: 0,
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", &json!({ "url": url }));
        let target_id = target["targetId"].clone();
        let attached = browser.call(
            "Target.attachToTarget",
            &json!({ "targetId": target_id, "flatten": true }),
        );
        browser.session = attached["sessionId"]
            .as_str()
            .expect("a session")
            .to_string();
        Some(browser)
    }

    /// Sends a `DevTools` command (to the page once attached) and returns its result.
    fn call(&mut self, method: &str, params: &Value) -> Value {
        let reply = self.try_call(method, params);
        assert!(reply.get("error").is_none(), "{method}: {reply}");
        reply["result"].clone()
    }

    /// Sends a `DevTools` command and returns the whole reply, error included.
    fn try_call(&mut self, method: &str, params: &Value) -> Value {
        self.next_id += 1;
        let mut message = json!({ "id": self.next_id, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        send_frame(&mut self.socket, message.to_string().as_bytes());
        loop {
            let reply: Value = serde_json::from_slice(&read_message(&mut self.socket))
                .expect("DevTools sends JSON");
            if reply["id"] == json!(self.next_id) {
                return reply;
            }
        }
    }

    /// Evaluates a JavaScript expression in the page (`null` while the page reloads).
    fn eval(&mut self, expression: &str) -> Value {
        let params = json!({ "expression": expression, "returnByValue": true });
        let reply = self.try_call("Runtime.evaluate", &params);
        reply["result"]["result"]["value"].clone()
    }

    /// Evaluates `expression` until it is `true`.
    fn wait_for(&mut self, expression: &str, what: &str) {
        let start = Instant::now();
        while self.eval(expression) != json!(true) {
            assert!(start.elapsed() < PATIENCE, "waited {PATIENCE:?} for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Opens the WebSocket at `ws://host:port/path`.
fn handshake(endpoint: &str) -> TcpStream {
    let rest = endpoint.strip_prefix("ws://").expect("a ws:// address");
    let (host, path) = rest.split_at(rest.find('/').expect("a path"));
    let mut socket = TcpStream::connect(host).expect("connect to DevTools");
    socket
        .set_read_timeout(Some(PATIENCE))
        .expect("read timeout");
    write!(
        socket,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    .expect("handshake");
    let mut head = Vec::new();
    let mut byte = [0];
    while !head.ends_with(b"\r\n\r\n") {
        socket.read_exact(&mut byte).expect("handshake reply");
        head.push(byte[0]);
    }
    assert!(
        head.starts_with(b"HTTP/1.1 101"),
        "{}",
        String::from_utf8_lossy(&head)
    );
    socket
}

/// Sends one masked text frame, as a WebSocket client must.
fn send_frame(socket: &mut TcpStream, payload: &[u8]) {
    let mask = [0x5a, 0x13, 0xc7, 0x2e];
    let mut frame = vec![0x81];
    match payload.len() {
        n if n < 126 => frame.push(0x80 | n as u8),
        n if n <= 0xffff => {
            frame.push(0x80 | 0x7e);
            frame.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            frame.push(0x80 | 0x7f);
            frame.extend_from_slice(&(n as u64).to_be_bytes());
        }
    }
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().zip(mask.iter().cycle()).map(|(b, m)| b ^ m));
    socket.write_all(&frame).expect("send a frame");
}

/// Reads one whole text message (its frames joined).
fn read_message(socket: &mut TcpStream) -> Vec<u8> {
    let mut message = Vec::new();
    loop {
        let mut head = [0; 2];
        socket.read_exact(&mut head).expect("a frame");
        let length = match head[1] & 0x7f {
            126 => {
                let mut bytes = [0; 2];
                socket.read_exact(&mut bytes).expect("length");
                u64::from(u16::from_be_bytes(bytes))
            }
            127 => {
                let mut bytes = [0; 8];
                socket.read_exact(&mut bytes).expect("length");
                u64::from_be_bytes(bytes)
            }
            n => u64::from(n),
        };
        let mut payload = vec![0; usize::try_from(length).expect("a frame that fits")];
        socket.read_exact(&mut payload).expect("payload");
        match head[0] & 0x0f {
            0x0 | 0x1 => message.extend(payload),
            0x8 => panic!("DevTools closed the connection"),
            _ => continue, // ping, pong
        }
        if head[0] & 0x80 != 0 {
            return message;
        }
    }
}

/// Whether the tests run in CI, where a missing browser is a failure: `CI` set the way
/// `e2e/run.sh` reads it.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| matches!(v.as_str(), "1" | "true" | "TRUE" | "True" | "yes"))
}

#[test]
fn the_page_shows_errors_over_the_last_good_build_and_reloads_once_fixed() {
    let (_dir, root) = project();
    let preview = Preview::start(&root);
    let url = format!("http://{}/sources/port-deal/", preview.address);
    let Some(mut browser) = Browser::open(&url) else {
        assert!(
            !in_ci(),
            "CI needs chromium (or chromium-browser, google-chrome) for the live-reload test"
        );
        eprintln!("SKIPPED: no chromium: the live-reload script was not tried in a browser");
        return;
    };
    let text = |needle: &str| format!("document.body.innerText.includes({needle:?})");
    let overlay = "document.getElementById('__dossier-errors')";
    browser.wait_for(&text("Acme Shipping wins the port concession"), "the page");
    browser.eval("window.__mark = 'not reloaded'");

    let file = "content/sources/port-deal.md";
    edit(
        &root,
        file,
        "published: 2024-03-14",
        "published: 2024-02-30",
    );
    browser.wait_for(
        &format!("!!{overlay} && {overlay}.shadowRoot.textContent.includes('port-deal.md:3:12')"),
        "the error overlay",
    );
    assert_eq!(browser.eval("window.__mark"), json!("not reloaded"));
    assert_eq!(
        browser.eval(&text("Acme Shipping wins the port concession")),
        json!(true),
        "the last good page stays under the overlay"
    );

    edit(
        &root,
        file,
        "published: 2024-02-30",
        "published: 2024-03-14",
    );
    edit(
        &root,
        file,
        "wins the port concession",
        "takes over the port",
    );
    browser.wait_for(
        &format!(
            "!{overlay} && {}",
            text("Acme Shipping takes over the port")
        ),
        "the fixed page",
    );
    assert_eq!(
        browser.eval("window.__mark === undefined"),
        json!(true),
        "reloaded"
    );
}
