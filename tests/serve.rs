//! `dossier serve` and `dossier init`, through the real binary: pages fetched over HTTP
//! while the project is edited, broken and fixed; paths outside the site refused; a clean
//! stop; and a new project that checks and serves.

mod preview;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use preview::{Preview, dossier, edit, project};

#[test]
fn serves_the_site_and_follows_edits_errors_and_fixes() {
    let (_dir, root) = project();
    // A published build that the preview must never touch.
    std::fs::create_dir_all(root.join("public")).expect("public");
    std::fs::write(root.join("public/index.html"), "published").expect("published page");
    let preview = Preview::start(&root);

    let home = preview.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("Harbour Deal"), "{}", home.body);
    assert!(
        home.body.contains("/__dossier/reload.js"),
        "script injected"
    );
    let page = preview.get("/sources/port-deal/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Acme Shipping wins the port concession"));
    let folder = preview.get("/sources/port-deal?x=1");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/sources/port-deal/?x=1"));
    let script = preview.get("/__dossier/reload.js");
    assert_eq!(script.status, 200);
    assert!(
        script
            .header("Content-Type")
            .is_some_and(|t| t.starts_with("text/javascript"))
    );

    let miss = preview.get("/no/such/page.html");
    assert_eq!(miss.status, 404);
    let not_found = preview.get("/404.html");
    assert_eq!(not_found.status, 200);
    assert_eq!(
        miss.body, not_found.body,
        "a miss serves the site's 404.html"
    );

    // An edit is served.
    let file = "content/sources/port-deal.md";
    edit(
        &root,
        file,
        "wins the port concession",
        "takes over the port",
    );
    preview.wait_for("/sources/port-deal/", "the edited title", |r| {
        r.body.contains("Acme Shipping takes over the port")
    });

    // A broken file: the last good page stays, the error shows in the page's poll and
    // in the terminal.
    edit(
        &root,
        file,
        "published: 2024-03-14",
        "published: 2024-02-30",
    );
    let poll = preview.wait_for("/__dossier/poll", "the error", |r| {
        r.body.contains("content/sources/port-deal.md:3:12")
    });
    assert!(poll.body.contains("does not exist"), "{}", poll.body);
    let page = preview.get("/sources/port-deal/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Acme Shipping takes over the port"));
    preview.wait_for_stderr("content/sources/port-deal.md:3:12");

    // Fixed: the error is gone and the change is served.
    edit(
        &root,
        file,
        "published: 2024-02-30",
        "published: 2024-03-15",
    );
    preview.wait_for("/__dossier/poll", "the error to go", |r| {
        r.body.contains(r#""error":null"#)
    });
    edit(&root, file, "takes over the port", "runs the port");
    preview.wait_for("/sources/port-deal/", "the change after the fix", |r| {
        r.body.contains("Acme Shipping runs the port")
    });

    let status = preview.interrupt();
    assert!(status.success(), "Ctrl-C stops cleanly: {status:?}");
    let published = std::fs::read_to_string(root.join("public/index.html")).expect("public");
    assert_eq!(published, "published", "public/ untouched");
    let names: Vec<_> = std::fs::read_dir(root.join("public"))
        .expect("list")
        .collect();
    assert_eq!(names.len(), 1, "nothing written into public/");
}

#[test]
fn a_poll_waits_for_the_next_build() {
    let (_dir, root) = project();
    let preview = Preview::start(&root);
    let before = preview.get("/__dossier/poll");
    assert!(before.body.contains(r#""version":1"#), "{}", before.body);
    let address = preview.address;
    let waiting = std::thread::spawn(move || {
        let mut stream = TcpStream::connect(address).expect("connect");
        write!(
            stream,
            "GET /__dossier/poll?v=1 HTTP/1.1\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut reply = String::new();
        stream.read_to_string(&mut reply).expect("reply");
        reply
    });
    std::thread::sleep(Duration::from_millis(300));
    edit(
        &root,
        "content/actors/john-smith.yaml",
        "Minister of Transport",
        "Minister of Ports",
    );
    let reply = waiting.join().expect("poll thread");
    assert!(reply.contains(r#""version":2"#), "{reply}");
}

#[test]
fn saves_in_steps_new_files_and_new_templates_are_served() {
    let (_dir, root) = project();
    let preview = Preview::start(&root);
    let page = "/sources/port-deal/";
    let file = root.join("content/sources/port-deal.md");
    let text = std::fs::read_to_string(&file).expect("read");

    // As vim saves: the file renamed to a backup, written anew, the backup removed.
    let backup = root.join("content/sources/port-deal.md~");
    std::fs::rename(&file, &backup).expect("backup");
    std::fs::write(&file, text.replace("wins the port", "signs for the port")).expect("write");
    std::fs::remove_file(&backup).expect("remove the backup");
    preview.wait_for(page, "the save in steps", |r| {
        r.body.contains("signs for the port")
    });
    // As many editors save: a temporary file renamed over the source.
    let temporary = root.join("content/sources/port-deal.md.tmp");
    std::fs::write(&temporary, text.replace("wins the port", "runs the port")).expect("write");
    std::fs::rename(&temporary, &file).expect("rename");
    preview.wait_for(page, "the renamed save", |r| {
        r.body.contains("runs the port")
    });

    // A new source, and the same removed.
    let late = root.join("content/sources/late-news.md");
    std::fs::write(
        &late,
        "---\ntitle: Late news\npublished: 2024-05\n---\nText.\n",
    )
    .expect("write");
    preview.wait_for("/sources/late-news/", "the new source", |r| r.status == 200);
    std::fs::remove_file(&late).expect("remove");
    preview.wait_for("/sources/late-news/", "the source gone", |r| {
        r.status == 404
    });

    // A template of the project's own, kept while other files change, then removed.
    let default = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/source.html"),
    )
    .expect("the default template");
    std::fs::create_dir_all(root.join("templates")).expect("templates");
    let marked = default.replace(
        "<article class=\"source\">",
        "<article class=\"source\">MARK",
    );
    std::fs::write(root.join("templates/source.html"), marked).expect("write");
    preview.wait_for(page, "the project's template", |r| r.body.contains("MARK"));
    std::fs::write(&file, text.replace("wins the port", "leaves the port")).expect("write");
    preview.wait_for(page, "an edit with the template kept", |r| {
        r.body.contains("leaves the port") && r.body.contains("MARK")
    });
    std::fs::remove_file(root.join("templates/source.html")).expect("remove");
    preview.wait_for(page, "the default template back", |r| {
        r.status == 200 && !r.body.contains("MARK")
    });
    let poll = preview.get("/__dossier/poll");
    assert!(poll.body.contains(r#""error":null"#), "{}", poll.body);

    // A file of `static/`, served once the folder appears, and anew when it changes.
    std::fs::create_dir_all(root.join("static")).expect("static");
    std::fs::write(root.join("static/notes.txt"), "first").expect("write");
    preview.wait_for("/notes.txt", "the static file", |r| r.body == "first");
    std::fs::write(root.join("static/notes.txt"), "second").expect("write");
    preview.wait_for("/notes.txt", "the static file changed", |r| {
        r.body == "second"
    });

    // A template that does not parse: told at its line, the last good site still served.
    std::fs::write(root.join("templates/source.html"), "{% if %}\n").expect("write");
    let poll = preview.wait_for("/__dossier/poll", "the template's error", |r| {
        r.body.contains("templates/source.html:1:")
    });
    assert!(poll.body.contains("invalid template"), "{}", poll.body);
    assert_eq!(preview.get(page).status, 200);
}

#[test]
fn paths_outside_the_site_are_refused() {
    let (_dir, root) = project();
    std::fs::write(root.join("secret.txt"), "top secret").expect("secret");
    let preview = Preview::start(&root);
    for target in [
        "/../../../../../../etc/passwd",
        "/sources/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/sources%2f..%2f..%2f..%2fsecret.txt",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/..\\..\\..\\etc\\passwd",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/index.html%00",
        "../../etc/passwd",
    ] {
        let reply = preview.get(target);
        assert!(
            reply.status == 403,
            "{target}: {} {}",
            reply.status,
            reply.body
        );
        assert!(!reply.body.contains("root:"), "{target} leaked /etc/passwd");
        assert!(!reply.body.contains("top secret"), "{target} leaked a file");
    }
    // A page of another site that rebinds its domain to 127.0.0.1 cannot read the preview.
    let rebound = preview.get_from("evil.example:1111", "/");
    assert_eq!(rebound.status, 403);
    assert!(!rebound.body.contains("Harbour Deal"));
    assert_eq!(preview.get_from("localhost", "/").status, 200);
}

#[test]
fn a_project_broken_from_the_start_is_served_once_fixed() {
    let (_dir, root) = project();
    edit(
        &root,
        "content/dossier.yaml",
        "title: Harbour Deal",
        "titel: Harbour Deal",
    );
    let preview = Preview::start(&root);
    let waiting = preview.get("/");
    assert_eq!(waiting.status, 503);
    assert!(waiting.body.contains("/__dossier/reload.js"));
    let poll = preview.get("/__dossier/poll");
    assert!(
        poll.body.contains("content/dossier.yaml:1:1"),
        "{}",
        poll.body
    );
    assert!(poll.body.contains(r#""good":null"#), "{}", poll.body);
    edit(
        &root,
        "content/dossier.yaml",
        "titel: Harbour Deal",
        "title: Harbour Deal",
    );
    preview.wait_for("/", "the first good build", |r| {
        r.status == 200 && r.body.contains("Harbour Deal")
    });
}

#[test]
fn the_preview_serves_what_build_writes_plus_the_reload_script() {
    let (dir, root) = project();
    let out = dir.path().join("site");
    let built = dossier(&["build", "--root", path(&root), "--out", path(&out)]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let preview = Preview::start(&root);
    let mut files = 0;
    let mut stack = vec![out.clone()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("list") {
            let file = entry.expect("entry").path();
            if file.is_dir() {
                stack.push(file);
                continue;
            }
            let relative = file.strip_prefix(&out).expect("inside the output");
            let relative = relative.to_str().expect("a UTF-8 path").replace('\\', "/");
            if relative == ".dossier-build" {
                continue;
            }
            let written =
                String::from_utf8_lossy(&std::fs::read(&file).expect("read")).into_owned();
            assert!(!written.contains("__dossier"), "{relative} has the script");
            let served = preview.get(&format!("/{relative}"));
            assert_eq!(served.status, 200, "{relative}");
            // Pages are served with the reload script before `</body>`, and nothing else.
            let script = served
                .body
                .find("<script src=\"/__dossier/reload.js\"")
                .map(|start| {
                    let end = served.body[start..].find("</script>").expect("closed") + start;
                    (start, end + "</script>".len())
                });
            let is_page = file.extension().is_some_and(|e| e == "html");
            let body = match script {
                Some((start, end)) => {
                    assert!(is_page, "{relative} got the script");
                    format!("{}{}", &served.body[..start], &served.body[end..])
                }
                None => {
                    assert!(!is_page, "{relative} has no script");
                    served.body.clone()
                }
            };
            // The page "not found" is answered at any depth: its links go from the
            // preview's root, not from the published address.
            let written = if relative == "404.html" {
                let start = written.find("<base href=\"").expect("a base_url");
                let end = start + written[start..].find('>').expect("closed") + 1;
                format!("{}<base href=\"/\">{}", &written[..start], &written[end..])
            } else {
                written
            };
            assert!(
                body == written,
                "{relative} differs between build and serve"
            );
            files += 1;
        }
    }
    assert!(files > 5, "only {files} files built");
}

fn path(path: &std::path::Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn a_new_project_checks_strictly_and_serves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("bridge");
    let project_arg = project.to_str().expect("utf-8 path");
    let made = dossier(&["init", project_arg]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    for file in [".gitignore", "README.md", ".github/workflows/pages.yml"] {
        assert!(project.join(file).is_file(), "{file}");
    }
    let checked = dossier(&["check", "--strict", "--root", project_arg]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let out = dir.path().join("site");
    let built = dossier(&[
        "build",
        "--strict",
        "--root",
        project_arg,
        "--out",
        path(&out),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let home = std::fs::read_to_string(out.join("index.html")).expect("home page");
    assert!(home.contains("The Riverside Bridge Closure"));
    let preview = Preview::start(&project);
    let home = preview.get("/");
    assert!(
        home.body.contains("The Riverside Bridge Closure"),
        "{}",
        home.body
    );
    let source = preview.get("/sources/engineers-report/");
    assert_eq!(source.status, 200);
    assert!(
        source
            .body
            .contains("Inspection finds corroded cables on the Riverside Bridge")
    );

    let again = dossier(&["init", project_arg]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("is not empty"));
}

#[test]
fn one_connection_carries_several_requests_and_head_has_no_body() {
    let (_dir, root) = project();
    let preview = Preview::start(&root);
    let mut stream = TcpStream::connect(preview.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(40)))
        .expect("timeout");
    let host = preview.address;
    // Two requests sent at once, the second closing the connection.
    write!(
        stream,
        "HEAD /sources/port-deal/ HTTP/1.1\r\nHost: {host}\r\n\r\n\
         GET /__dossier/poll HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = String::new();
    stream
        .read_to_string(&mut raw)
        .expect("both replies, then the end");
    let (head, rest) = raw.split_once("\r\n\r\n").expect("a first head");
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|n| n.parse().ok())
        .expect("a length");
    let page = preview.get("/sources/port-deal/");
    assert_eq!(
        length,
        page.body.len(),
        "HEAD counts the page it leaves out"
    );
    assert!(
        rest.starts_with("HTTP/1.1 200 OK\r\n"),
        "no body after HEAD: {rest}"
    );
    assert!(rest.contains("Connection: close"), "{rest}");
    assert!(rest.ends_with('}'), "{rest}");
    // A malformed request is answered 400.
    let mut stream = TcpStream::connect(preview.address).expect("connect");
    write!(stream, "GET /\r\n\r\n").expect("send");
    let mut raw = String::new();
    stream.read_to_string(&mut raw).expect("reply");
    assert!(raw.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{raw}");
}

#[test]
fn a_long_chronology_is_served_by_period_and_an_edit_reaches_its_page() {
    use std::fmt::Write as _;
    let (_dir, root) = project();
    // 300 more events over two years: the chronology is split, a page per year.
    let mut events = String::new();
    for i in 0..300 {
        let year = 2020 + i % 2;
        let _ = writeln!(
            events,
            "- id: bulk-{i:03}\n  date: {year}-{:02}-{:02}\n  title: Bulk meeting {i}\n  sources: [port-deal#p1]",
            1 + i % 12,
            1 + i % 28
        );
    }
    std::fs::write(root.join("content/events/bulk.yaml"), events).expect("write");
    let preview = Preview::start(&root);
    let overview = preview.get("/chronology/");
    assert_eq!(overview.status, 200);
    assert!(
        overview.body.contains("href=\"2021/index.html\""),
        "the overview links the year 2021: {}",
        overview.body
    );
    let year = preview.get("/chronology/2021/");
    assert_eq!(year.status, 200);
    assert!(year.body.contains("id=\"e-bulk-001\""), "{}", year.body);
    edit(
        &root,
        "content/events/bulk.yaml",
        "title: Bulk meeting 1\n",
        "title: Harbour summit 1\n",
    );
    preview.wait_for(
        "/chronology/2021/",
        "the edited event on its year's page",
        |r| r.body.contains("Harbour summit 1"),
    );
}

#[test]
fn a_miss_at_any_depth_is_answered_with_a_404_page_whose_links_stay_in_the_preview() {
    // The fixture has a `base_url`: the built 404.html points its <base> there.
    let (_dir, root) = project();
    let preview = Preview::start(&root);
    let miss = preview.get("/sources/nope/deep/page/");
    assert_eq!(miss.status, 404);
    assert!(
        miss.body.contains("<base href=\"/\">"),
        "stylesheet and links resolve in the preview:\n{}",
        miss.body
    );
    assert!(
        !miss.body.contains("<base href=\"https://"),
        "nothing leads to the published site:\n{}",
        miss.body
    );
    assert!(miss.body.contains("href=\"assets/style.css\""));
}

/// `--open` where the system's opener starts but finds no browser (`xdg-open` on a
/// machine without a desktop): the terminal says so and gives the address.
#[cfg(target_os = "linux")]
#[test]
fn open_says_when_the_system_found_no_browser() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, root) = project();
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).expect("bin");
    let opener = bin.join("xdg-open");
    std::fs::write(&opener, "#!/bin/sh\nexit 3\n").expect("opener");
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut path = std::ffi::OsString::from(&bin);
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let preview = Preview::start_with(&root, &["--open"], &[("PATH", path)]);
    preview.wait_for_stderr("warning: the system found no browser to open");
    let said = preview.stderr();
    assert!(said.contains("open http://127.0.0.1:"), "{said}");
    assert_eq!(preview.get("/").status, 200, "the server goes on");
}
