//! HTTP/1.1 on one connection of the preview, as little of it as a browser needs: a
//! request head read up to [`HEAD_LIMIT`] bytes (never more is held in memory; past it
//! the answer is `431`, or `414` when the request line alone is too long), then parsed
//! by `httparse`; request
//! bodies never read, answers with a `Content-Length`, connections kept alive between
//! requests unless either side says `close`.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// The most bytes of request line and headers read for one request.
pub const HEAD_LIMIT: usize = 64 * 1024;
/// How long a connection may wait for the next byte of a request, or sit idle between
/// requests.
const IDLE: Duration = Duration::from_secs(30);
/// How long a whole request head may take to arrive.
const HEAD_TIME: Duration = Duration::from_mins(1);
/// How long unread input is drained (and thrown away) before closing after an error, so
/// that the client reads the answer instead of a reset connection.
const LINGER: Duration = Duration::from_secs(10);

/// One request, as the answering code sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`…
    pub method: String,
    /// The request target exactly as sent (not decoded).
    pub target: String,
    /// The headers in their order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The client keeps the connection open after the answer.
    pub keep_alive: bool,
    /// A body follows the head (never read: the connection closes after the answer).
    pub has_body: bool,
}

impl Request {
    /// The value of the first header named `name` (in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// What reading a request gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A request to answer.
    Request(Request),
    /// A request that cannot be answered: its status and why, then the connection closes.
    Refused(u16, &'static str),
    /// The client closed the connection, or went quiet.
    Gone,
}

/// An answer to send.
#[derive(Debug)]
pub struct Answer<'a> {
    /// The status code.
    pub status: u16,
    /// The headers besides `Content-Length` and `Connection`.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body (not sent to a `HEAD` request, but counted in `Content-Length`).
    pub body: &'a [u8],
}

/// The connection to one client, with what it sent past the last request head.
pub struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    /// Wraps an accepted stream, with time limits on reading and writing.
    pub fn new(stream: TcpStream) -> io::Result<Self> {
        stream.set_read_timeout(Some(IDLE))?;
        stream.set_write_timeout(Some(IDLE))?;
        Ok(Self {
            stream,
            buffer: Vec::new(),
        })
    }

    /// Reads the next request head.
    pub fn next_request(&mut self) -> Incoming {
        let started = Instant::now();
        let mut chunk = [0; 8 * 1024];
        // How far the buffer was searched for the end of the head: each byte is looked at
        // about once, however slowly the head comes.
        let mut searched: usize = 0;
        loop {
            // Empty lines before a request line are skipped, as RFC 9112 allows.
            let blank = self
                .buffer
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'));
            let blank = blank.count();
            self.buffer.drain(..blank);
            searched = searched.saturating_sub(blank);
            if let Some(end) = head_end(&self.buffer, searched) {
                let incoming = parse(&self.buffer[..end]);
                self.buffer.drain(..end);
                return incoming;
            }
            searched = self.buffer.len();
            if self.buffer.len() > HEAD_LIMIT {
                return Incoming::Refused(too_long(&self.buffer), "The request head is too long.");
            }
            if started.elapsed() > HEAD_TIME && !self.buffer.is_empty() {
                return Incoming::Refused(408, "The request took too long to arrive.");
            }
            // Never more than the limit (and one chunk) is held.
            let room = (HEAD_LIMIT + 1 - self.buffer.len()).min(chunk.len());
            match self.stream.read(&mut chunk[..room]) {
                Ok(0) | Err(_) => return Incoming::Gone,
                Ok(n) => self.buffer.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// Sends an answer (only its head, with `head_only`); `false` when the client went
    /// away.
    pub fn send(&mut self, answer: &Answer<'_>, head_only: bool, keep_alive: bool) -> bool {
        let mut head = format!("HTTP/1.1 {} {}\r\n", answer.status, reason(answer.status));
        for (name, value) in answer.headers {
            for part in [name, ": ", value, "\r\n"] {
                head.push_str(part);
            }
        }
        head.push_str("Content-Length: ");
        head.push_str(itoa::Buffer::new().format(answer.body.len()));
        head.push_str("\r\n");
        if !keep_alive {
            head.push_str("Connection: close\r\n");
        }
        head.push_str("\r\n");
        let body = if head_only { &[][..] } else { answer.body };
        let sent = self
            .stream
            .write_all(head.as_bytes())
            .and_then(|()| self.stream.write_all(body))
            .and_then(|()| self.stream.flush());
        sent.is_ok()
    }

    /// Closes after an error: stops writing, then reads and drops what the client is
    /// still sending (for a while), so that it sees the answer rather than a reset.
    pub fn linger(mut self) {
        let _ = self.stream.shutdown(Shutdown::Write);
        let started = Instant::now();
        let mut sink = [0; 16 * 1024];
        let _ = self.stream.set_read_timeout(Some(Duration::from_secs(1)));
        while started.elapsed() < LINGER {
            match self.stream.read(&mut sink) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    }
}

/// The length of the head at the start of `bytes` (through its empty line), once whole;
/// `bytes` before `from` (but the last two) are known to hold no end.
fn head_end(bytes: &[u8], from: usize) -> Option<usize> {
    let from = from.saturating_sub(2);
    bytes.get(from..)?.iter().enumerate().find_map(|(i, &b)| {
        let after = &bytes[from + i + 1..];
        match (b, after) {
            (b'\n', [b'\n', ..]) => Some(from + i + 2),
            (b'\n', [b'\r', b'\n', ..]) => Some(from + i + 3),
            _ => None,
        }
    })
}

/// `414` when not even the request line ended within the limit, else `431`.
fn too_long(bytes: &[u8]) -> u16 {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    match first.and_then(|at| bytes[at..].iter().position(|&b| b == b'\n')) {
        Some(_) => 431,
        None => 414,
    }
}

/// The most headers a request may carry.
const MAX_HEADERS: usize = 100;

/// Reads a whole head (request line, then `Name: value` lines) with `httparse`.
fn parse(head: &[u8]) -> Incoming {
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut slots);
    match parsed.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => {
            return Incoming::Refused(400, "The request head is cut short.");
        }
        Err(httparse::Error::TooManyHeaders) => {
            return Incoming::Refused(431, "The request has too many headers.");
        }
        Err(httparse::Error::Version) if names_a_version(head) => {
            return Incoming::Refused(505, "Only HTTP/1.1 is served.");
        }
        Err(_) => {
            return Incoming::Refused(400, "The request line is not METHOD TARGET HTTP/1.1.");
        }
    }
    let (Some(method), Some(target), Some(version)) = (parsed.method, parsed.path, parsed.version)
    else {
        return Incoming::Refused(400, "The request line is not METHOD TARGET HTTP/1.1.");
    };
    let headers = parsed
        .headers
        .iter()
        .map(|h| {
            let value = String::from_utf8_lossy(h.value).trim().to_string();
            (h.name.to_string(), value)
        })
        .collect();
    let mut request = Request {
        method: method.to_string(),
        target: target.to_string(),
        headers,
        keep_alive: false,
        has_body: false,
    };
    let connection = request.header("Connection").map(str::to_ascii_lowercase);
    let says = |word: &str| {
        connection
            .as_deref()
            .is_some_and(|c| c.split(',').any(|t| t.trim() == word))
    };
    request.keep_alive = if version == 1 {
        !says("close")
    } else {
        says("keep-alive")
    };
    request.has_body = request.header("Transfer-Encoding").is_some()
        || request
            .header("Content-Length")
            .is_some_and(|length| length.trim() != "0");
    Incoming::Request(request)
}

/// Whether the request line has the three parts of one, the last an HTTP version (one
/// that `httparse` does not read, such as `HTTP/2.0`).
fn names_a_version(head: &[u8]) -> bool {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let parts: Vec<&[u8]> = line.split(|&b| b == b' ').collect();
    parts.len() == 3 && parts[2].starts_with(b"HTTP/")
}

/// The reason phrase of the status codes the preview sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(head: &str) -> Request {
        match parse(head.as_bytes()) {
            Incoming::Request(request) => request,
            other => panic!("{head:?}: {other:?}"),
        }
    }

    #[test]
    fn a_head_ends_at_its_first_empty_line() {
        let head = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET";
        assert_eq!(head_end(head, 0), Some(27));
        // Searching on from where the last search stopped finds the same end.
        for from in 0..27 {
            assert_eq!(head_end(&head[..from], 0), None);
            assert_eq!(head_end(head, from), Some(27), "{from}");
        }
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: a\n\nrest", 0), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n", 0), None);
    }

    #[test]
    fn requests_are_read_with_their_headers_and_connection() {
        let get = request("GET /a%20b?x=1 HTTP/1.1\r\nHost: localhost:1111\r\nX-A:  b \r\n\r\n");
        assert_eq!(
            (get.method.as_str(), get.target.as_str()),
            ("GET", "/a%20b?x=1")
        );
        assert_eq!(get.header("host"), Some("localhost:1111"));
        assert_eq!(get.header("x-a"), Some("b"));
        assert!(get.keep_alive && !get.has_body);
        let close = request("GET / HTTP/1.1\r\nConnection: Keep-Alive, Close\r\n\r\n");
        assert!(!close.keep_alive);
        assert!(!request("GET / HTTP/1.0\r\n\r\n").keep_alive);
        assert!(request("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keep_alive);
        assert!(request("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\n").has_body);
    }

    #[test]
    fn malformed_heads_are_refused() {
        for (head, status) in [
            ("GET /\r\n\r\n", 400),
            ("GET / HTTP/1.1 x\r\n\r\n", 400),
            ("G(T / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\n\r\n", 505),
            ("GET / HTTP/1.1\r\nNo colon\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n folded: x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nX: \u{ff}\r\n\r\n", 200),
        ] {
            let status_read = match parse(head.as_bytes()) {
                Incoming::Request(_) => 200,
                Incoming::Refused(status, _) => status,
                Incoming::Gone => 0,
            };
            assert_eq!(status_read, status, "{head:?}");
        }
    }

    #[test]
    fn an_over_long_request_line_is_414_and_long_headers_431() {
        assert_eq!(too_long(&[b'a'; 100]), 414);
        assert_eq!(too_long(b"\r\nGET /aaaa"), 414);
        assert_eq!(too_long(b"GET / HTTP/1.1\r\nX: aaaa"), 431);
    }
}
