//! The bytes of an imported file as text: its byte-order mark, else (for a web page) the
//! character set it declares, else UTF-8 when the bytes are UTF-8, else Windows-1252,
//! which is what browsers assume of a page that says nothing.

use std::sync::LazyLock;

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};
use regex::bytes::Regex;

/// How far into a page its `<meta>` declaration is looked for. Browsers look at the first
/// 1,024 bytes; saved pages often carry long scripts before it, so this looks further.
const PRESCAN: usize = 16 * 1024;

/// `<meta charset="X">` and `<meta http-equiv="Content-Type" content="text/html; charset=X">`.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// The text of a file, and how it was read when that was not plain UTF-8.
#[derive(Debug)]
pub struct Decoded {
    /// The text, with `\r\n` line ends turned into `\n`.
    pub text: String,
    /// Why the file was not read as UTF-8, when it was not.
    pub note: Option<String>,
}

/// The character set a page declares in its `<meta>` tags, as the HTML standard reads
/// it: a UTF-16 declaration in a page read as bytes means UTF-8, `x-user-defined` means
/// Windows-1252.
fn declared(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label).filter(|e| *e != REPLACEMENT)?;
    let label = String::from_utf8_lossy(label).to_ascii_lowercase();
    let encoding = if encoding == UTF_16BE || encoding == UTF_16LE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    };
    Some((encoding, label))
}

/// Reads `bytes`; `html` says whether the page's own declaration counts.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    let (encoding, why) = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        (encoding, "its byte-order mark".to_string())
    } else if let Some((encoding, label)) = declared(bytes).filter(|_| html) {
        (encoding, format!("the page declares {label}"))
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, String::new())
    } else {
        (
            WINDOWS_1252,
            "it is not UTF-8 and declares no character set, as browsers do".to_string(),
        )
    };
    // `decode` removes a byte-order mark that matches the encoding.
    let (text, used, _) = encoding.decode(bytes);
    let note = (used != UTF_8).then(|| format!("read as {} ({why})", used.name()));
    Decoded {
        text: text.replace("\r\n", "\n"),
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_and_fallbacks() {
        let latin = b"<meta charset=\"ISO-8859-1\"><p>arm\xe9e</p>";
        assert!(decode(latin, true).text.contains("armée"));
        let bare = b"caf\xe9 \x93quoted\x94";
        assert_eq!(decode(bare, false).text, "café \u{201c}quoted\u{201d}");
        let bom = b"\xef\xbb\xbfTitle\r\nText";
        let decoded = decode(bom, false);
        assert_eq!(decoded.text, "Title\nText");
        assert!(decoded.note.is_none());
    }
}
