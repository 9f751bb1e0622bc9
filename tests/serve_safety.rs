//! The preview server against other web sites' pages: what a page on another origin
//! can make the browser ask, and what the server answers.

mod preview;

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
