//! Fingerprints: the SHA-256 of a source's text (the bytes after the front matter's
//! closing line) and of each of its numbered paragraphs, written in lowercase hex.

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes`, 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in &digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    hex
}

/// The fingerprint of a paragraph: its Markdown as written, without the blank space
/// around it (so that a paragraph moved to the end of a file keeps its fingerprint).
pub fn paragraph(markdown: &str) -> String {
    sha256_hex(markdown.trim().as_bytes())
}

/// The short form shown beside a title: the first 12 hex digits.
pub fn short(hex: &str) -> &str {
    hex.get(..12).unwrap_or(hex)
}

/// Whether `text` is written as a SHA-256 in hex (64 hex digits, either case).
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digests() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(paragraph("\n abc \n"), sha256_hex(b"abc"));
        assert_eq!(short(&sha256_hex(b"abc")), "ba7816bf8f01");
        assert!(is_sha256_hex(&sha256_hex(b"x").to_uppercase()));
        assert!(!is_sha256_hex("ba7816bf"));
    }
}
