//! The preview server against other web sites' pages: what a page on another origin
//! can make the browser ask, and what the server answers.

mod preview;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

use preview::{Preview, project};

#[test]
fn item_14_no_other_site_can_read_the_preview() {
    let (_dir, root) = project();
    let preview = Preview::start(&root);
    let host = preview.address.to_string();
    let own_origin = format!("http://{host}");
    let index = "/assets/search-index.js";
    let secret = "Harbour Deal";
    assert!(preview.get("/").body.contains(secret));
    // `<script src>` from a page of another site, and from another loopback port
    // (same-site for the browser), and a fetch naming a foreign origin.
    for headers in [
        vec![
            ("Sec-Fetch-Site", "cross-site"),
            ("Sec-Fetch-Mode", "no-cors"),
            ("Sec-Fetch-Dest", "script"),
        ],
        vec![
            ("Sec-Fetch-Site", "same-site"),
            ("Sec-Fetch-Mode", "no-cors"),
            ("Sec-Fetch-Dest", "script"),
        ],
        vec![
            ("Sec-Fetch-Site", "cross-site"),
            ("Sec-Fetch-Mode", "navigate"),
            ("Sec-Fetch-Dest", "iframe"),
        ],
        vec![("Origin", "http://127.0.0.1:8000")],
        vec![("Origin", "null")],
    ] {
        for target in [index, "/", "/__dossier/poll"] {
            let reply = preview.get_with(&host, target, &headers);
            assert_eq!(reply.status, 403, "{headers:?} {target}: {}", reply.body);
            assert!(!reply.body.contains(secret), "{headers:?} {target}");
        }
    }
    // A link followed from another site opens the page; the user's own requests pass.
    let followed = [
        ("Sec-Fetch-Site", "cross-site"),
        ("Sec-Fetch-Mode", "navigate"),
        ("Sec-Fetch-Dest", "document"),
    ];
    assert_eq!(preview.get_with(&host, "/", &followed).status, 200);
    let own = [
        ("Sec-Fetch-Site", "same-origin"),
        ("Sec-Fetch-Mode", "no-cors"),
        ("Origin", own_origin.as_str()),
    ];
    let reply = preview.get_with(&host, index, &own);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let typed = [("Sec-Fetch-Site", "none"), ("Sec-Fetch-Mode", "navigate")];
    assert_eq!(preview.get_with(&host, "/", &typed).status, 200);
}

/// Sends a request whose head is `filler` bytes long (in one header, or in the request
/// line), as fast as the server takes it, and reads the answer.
fn send_oversized(address: std::net::SocketAddr, filler: usize, in_line: bool) -> String {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(40)))
        .expect("timeout");
    let mut writer = stream.try_clone().expect("clone");
    let sending = std::thread::spawn(move || {
        let start = if in_line {
            "GET /".to_string()
        } else {
            format!("GET / HTTP/1.1\r\nHost: {address}\r\nX-Filler: ")
        };
        let chunk = vec![b'a'; 1 << 20];
        let mut left = filler;
        // The server may close before all of it is sent: then writing stops.
        let mut sent = writer.write_all(start.as_bytes());
        while left > 0 && sent.is_ok() {
            let n = left.min(chunk.len());
            sent = writer.write_all(&chunk[..n]);
            left -= n;
        }
        let end = if in_line {
            " HTTP/1.1\r\n\r\n"
        } else {
            "\r\n\r\n"
        };
        let _ = writer.write_all(end.as_bytes());
        let _ = writer.shutdown(Shutdown::Write);
    });
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    sending.join().expect("sender");
    String::from_utf8_lossy(&raw).into_owned()
}

/// The peak resident memory of a process in KiB (`VmHWM`), where the system tells.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn item_11_an_oversized_request_head_is_refused_without_being_held() {
    let (_dir, root) = project();
    let preview = Preview::start(&root);
    assert_eq!(preview.get("/").status, 200);
    // A head just under the limit is served.
    let filler = "a".repeat(60 * 1024);
    let near = preview.get_with(&preview.address.to_string(), "/", &[("X-Filler", &filler)]);
    assert_eq!(near.status, 200);
    let before = peak_kib(preview.pid());

    let reply = send_oversized(preview.address, 128 << 20, false);
    assert!(
        reply.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
        "{}",
        &reply[..reply.len().min(200)]
    );
    let after = peak_kib(preview.pid());
    match (before, after) {
        (Some(before), Some(after)) => {
            eprintln!("serve peak resident memory: {before} KiB before, {after} KiB after");
            assert!(
                after < before + 16 * 1024,
                "a 128 MB header raised the peak from {before} KiB to {after} KiB"
            );
        }
        _ => eprintln!("no /proc/PID/status here: memory not measured"),
    }
    let line = send_oversized(preview.address, 1 << 20, true);
    assert!(line.starts_with("HTTP/1.1 414 URI Too Long\r\n"), "{line}");
    // The server still answers.
    let home = preview.get("/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Harbour Deal"));
}
