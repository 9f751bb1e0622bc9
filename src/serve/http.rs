//! Answers one HTTP request of the preview: a file of the last good build (with the
//! live-reload script added to HTML pages), the site's `404.html` on a miss (its links
//! relative to the preview's root), or one of
//! the server's own `/__dossier/` addresses (the script, and the long-poll for changes).

use std::net::TcpStream;
use std::time::Duration;

use super::Served;
use super::paths::{Target, resolve};
use super::state::{State, Status};
use super::wire::{Answer, Connection, Incoming, Request};

/// The server's own addresses; no page of a site can have them (ids start with a letter
/// or digit).
const PREFIX: &str = "/__dossier/";
/// How long a poll waits for a new build before answering "nothing new".
const POLL_WAIT: Duration = Duration::from_secs(25);
/// The live-reload and error-overlay script.
const RELOAD_JS: &str = include_str!("reload.js");

/// A response ready to send.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type,
            body: body.into(),
            location: None,
        }
    }

    fn text(status: u16, text: &str) -> Self {
        Self::new(status, "text/plain; charset=utf-8", format!("{text}\n"))
    }
}

/// Serves one connection: its requests one after the other, until either side closes
/// it, a request carries a body (never read), or a head is refused (too long, malformed).
pub fn connection(stream: TcpStream, state: &State, loopback_only: bool) {
    let Ok(mut connection) = Connection::new(stream) else {
        return;
    };
    loop {
        match connection.next_request() {
            Incoming::Request(request) => {
                let reply = answer(&request, state, loopback_only);
                let keep_alive =
                    request.keep_alive && !request.has_body && !state.snapshot().stopping;
                let sent = send(
                    &mut connection,
                    &reply,
                    request.method == "HEAD",
                    keep_alive,
                );
                if request.has_body {
                    return connection.linger();
                }
                if !sent || !keep_alive {
                    return;
                }
            }
            Incoming::Refused(status, why) => {
                send(&mut connection, &Reply::text(status, why), false, false);
                return connection.linger();
            }
            Incoming::Gone => return,
        }
    }
}

/// Answers `503` to a connection beyond the limit, and closes it.
pub fn too_busy(stream: TcpStream) {
    if let Ok(mut connection) = Connection::new(stream) {
        let reply = Reply::text(503, "Too many connections to the preview at once.");
        send(&mut connection, &reply, false, false);
    }
}

/// Sends a reply with the headers every answer carries.
fn send(connection: &mut Connection, reply: &Reply, head_only: bool, keep_alive: bool) -> bool {
    let location = reply.location.as_deref().map(|l| ("Location", l));
    let headers: Vec<(&str, &str)> = [
        ("Content-Type", reply.content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ]
    .into_iter()
    .chain(location)
    .collect();
    let answer = Answer {
        status: reply.status,
        headers: &headers,
        body: &reply.body,
    };
    connection.send(&answer, head_only, keep_alive)
}

/// Answers `request` from the last good build. With `loopback_only`, a request naming
/// another host than this machine is refused: a web page cannot read the preview through
/// a domain that it points at 127.0.0.1 (DNS rebinding).
fn answer(request: &Request, state: &State, loopback_only: bool) -> Reply {
    let host = request.header("Host");
    if loopback_only && !host.is_none_or(is_loopback_host) {
        Reply::text(403, "Forbidden: the preview answers to localhost only.")
    } else if from_another_site(request, host) {
        Reply::text(
            403,
            "Forbidden: the preview answers no request made by another web site's page; \
             open the address in the browser's address bar.",
        )
    } else if matches!(request.method.as_str(), "GET" | "HEAD") {
        reply(&request.target, state)
    } else {
        Reply::text(405, "Only GET and HEAD are served.")
    }
}

fn reply(url: &str, state: &State) -> Reply {
    if let Some(own) = url.strip_prefix(PREFIX) {
        return own_address(own, state);
    }
    let (status, site) = state.current();
    let Some(site) = site else {
        return waiting_page(&status);
    };
    match resolve(&site.paths, url) {
        Target::File(path) => match site.file(&path) {
            Some(Ok(body)) => file_reply(200, &path, body.to_vec(), &status),
            Some(Err(message)) => Reply::text(500, &format!("cannot render {path}: {message}")),
            None => not_found(&site, &status),
        },
        Target::Redirect(location) => Reply {
            location: Some(location),
            ..Reply::text(301, "Moved to the folder's address.")
        },
        Target::Missing => not_found(&site, &status),
        Target::Refused => Reply::text(403, "Forbidden: this path is outside the site."),
    }
}

/// Whether another web site's page made this request (a script, a style sheet, a
/// fetch, a frame): `Sec-Fetch-Site` is anything but `same-origin` or `none` (typed by
/// the user), or an `Origin` header names another origin than the preview's own. A
/// top-level navigation (a followed link to the preview) is let through: its answer is
/// shown to the user, never to the page that linked.
fn from_another_site(request: &Request, host: Option<&str>) -> bool {
    let header = |name: &str| request.header(name).map(str::to_ascii_lowercase);
    let navigation = header("Sec-Fetch-Mode").as_deref() == Some("navigate")
        && header("Sec-Fetch-Dest").is_none_or(|d| d == "document");
    if navigation {
        return false;
    }
    let site = header("Sec-Fetch-Site");
    let foreign_site = site.is_some_and(|s| s != "same-origin" && s != "none");
    let own = host.map(|h| format!("http://{}", h.to_ascii_lowercase()));
    let foreign_origin = header("Origin").is_some_and(|o| Some(o) != own);
    foreign_site || foreign_origin
}

/// Whether a `Host` header names this machine: `localhost` (or a subdomain of it) or a
/// loopback address, with any port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `/__dossier/reload.js` and `/__dossier/poll[?v=N]`.
fn own_address(rest: &str, state: &State) -> Reply {
    let (name, query) = rest.split_once('?').unwrap_or((rest, ""));
    match name {
        "reload.js" => Reply::new(200, "text/javascript; charset=utf-8", RELOAD_JS),
        "poll" => {
            let seen = query
                .split('&')
                .find_map(|pair| pair.strip_prefix("v="))
                .and_then(|v| v.parse().ok());
            let status = match seen {
                Some(seen) => state.wait_past(seen, POLL_WAIT),
                None => state.snapshot(),
            };
            Reply::new(200, "application/json", status.to_json())
        }
        _ => Reply::text(404, "Not found."),
    }
}

/// The site's own `404.html`, or a plain answer when it has none.
fn not_found(site: &Served, status: &Status) -> Reply {
    match site.file("404.html") {
        Some(Ok(body)) => file_reply(404, "404.html", body.to_vec(), status),
        _ => Reply::text(404, "Not found."),
    }
}

/// What is served before any build succeeded: a blank page whose script shows the
/// errors and reloads once a build succeeds.
fn waiting_page(status: &Status) -> Reply {
    let html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
                <title>dossier serve</title></head>\n<body><p>Waiting for a build without \
                errors…</p></body></html>\n";
    Reply::new(
        503,
        "text/html; charset=utf-8",
        inject(html.as_bytes().to_vec(), status.good),
    )
}

fn file_reply(code: u16, path: &str, body: Vec<u8>, status: &Status) -> Reply {
    let content_type = content_type(path);
    let body = if path == "404.html" {
        inject(rooted(&body), status.good)
    } else if content_type.starts_with("text/html") {
        inject(body, status.good)
    } else {
        body
    };
    Reply::new(code, content_type, body)
}

/// The page "not found" with its links relative to the preview's root, where it serves
/// the site: `<base href="/">` in place of the published address (`base_url`), which
/// would take its stylesheet and links to the published site, or added when there is
/// none, since a miss is answered at any depth (`/sources/nope/x/`).
fn rooted(html: &[u8]) -> Vec<u8> {
    const ROOT: &str = "<base href=\"/\">";
    let text = String::from_utf8_lossy(html);
    if let Some(start) = text.find("<base ")
        && let Some(length) = text[start..].find('>')
    {
        return format!("{}{ROOT}{}", &text[..start], &text[start + length + 1..]).into_bytes();
    }
    match text.find("<head>") {
        Some(head) => {
            let at = head + "<head>".len();
            format!("{}\n{ROOT}{}", &text[..at], &text[at..]).into_bytes()
        }
        None => html.to_vec(),
    }
}

/// Adds the live-reload script before the page's last `</body>` (or at its end). Only
/// the preview does this: built pages never carry it.
fn inject(mut html: Vec<u8>, good: Option<u64>) -> Vec<u8> {
    let good = good.map(|v| v.to_string()).unwrap_or_default();
    let tag = format!(r#"<script src="{PREFIX}reload.js" data-good="{good}"></script>"#);
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
}

/// The `Content-Type` of a file, from its extension.
fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or_default();
    let extension = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => extension.to_ascii_lowercase(),
        _ => String::new(),
    };
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_closing_body_tag() {
        let html = b"<html><body><p>x</p></BODY></html>".to_vec();
        let out = String::from_utf8(inject(html, Some(3))).expect("utf-8");
        assert_eq!(
            out,
            "<html><body><p>x</p><script src=\"/__dossier/reload.js\" data-good=\"3\">\
             </script></BODY></html>"
        );
        let out = String::from_utf8(inject(b"<p>bare".to_vec(), None)).expect("utf-8");
        assert!(
            out.ends_with("<p>bare<script src=\"/__dossier/reload.js\" data-good=\"\"></script>")
        );
    }

    #[test]
    fn only_names_of_this_machine_are_loopback_hosts() {
        for host in [
            "localhost",
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "a.localhost",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "10.0.0.2:1111",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("assets/site.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("graph.svg"), "image/svg+xml");
        assert_eq!(content_type(".nojekyll"), "application/octet-stream");
    }
}
