//! What the printed PDF is read for, and the one thing written into it afterwards:
//! the page where each named destination landed (Chromium makes one of each element
//! that an in-page link points at, so the contents can carry page numbers), and the
//! document information (title, authors, subject, keywords), added as an incremental
//! update. Only the classic cross-reference table that Chromium's Skia writes is read;
//! anything else gives `None`, never a panic.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The document information written into the PDF.
#[derive(Debug, Clone, Default)]
pub struct Info {
    /// The title.
    pub title: String,
    /// The authors, in one line.
    pub author: Option<String>,
    /// What it is about (the subtitle).
    pub subject: Option<String>,
    /// Keywords (the handling line).
    pub keywords: Option<String>,
}

/// A PDF held in memory, with its cross-reference table.
struct Document<'a> {
    bytes: &'a [u8],
    /// Offset of each object, by number.
    offsets: BTreeMap<u32, usize>,
    /// The trailer dictionary, as text.
    trailer: String,
    /// Where the cross-reference table starts.
    xref: usize,
}

impl<'a> Document<'a> {
    /// Reads the last cross-reference table and its trailer, and the earlier tables
    /// that its `/Prev` chain names.
    fn read(bytes: &'a [u8]) -> Option<Self> {
        let at = find_last(bytes, b"startxref")?;
        let xref: usize = text(&bytes[at + 9..])
            .split_whitespace()
            .next()?
            .parse()
            .ok()?;
        let mut offsets = BTreeMap::new();
        let (mut trailer, mut section) = (None, Some(xref));
        for _ in 0..64 {
            let Some(at) = section else { break };
            let next = xref_section(bytes, at, &mut offsets)?;
            section = next
                .split("/Prev")
                .nth(1)
                .and_then(|rest| {
                    rest.split(|c: char| !c.is_ascii_digit())
                        .find(|w| !w.is_empty())
                })
                .and_then(|n| n.parse().ok());
            trailer.get_or_insert(next);
        }
        Some(Self {
            bytes,
            offsets,
            trailer: trailer?,
            xref,
        })
    }

    /// The dictionary of object `number`, as text.
    fn object(&self, number: u32) -> Option<String> {
        let at = *self.offsets.get(&number)?;
        let body = text(self.bytes.get(at..)?);
        let start = body.find("obj")? + 3;
        dictionary(&body[start..]).map(str::to_string)
    }

    /// The page objects in order, through the page tree.
    fn pages(&self) -> Option<Vec<u32>> {
        let catalog = self.object(reference(&self.trailer, "/Root")?)?;
        let mut pages = Vec::new();
        let mut stack = vec![reference(&catalog, "/Pages")?];
        while let Some(node) = stack.pop() {
            let dict = self.object(node)?;
            match array(&dict, "/Kids") {
                Some(kids) => stack.extend(references(kids).into_iter().rev()),
                None => pages.push(node),
            }
            if pages.len() + stack.len() > 1_000_000 {
                return None;
            }
        }
        Some(pages)
    }
}

/// The page (from 1) of every named destination of the PDF, by name; `None` when the
/// file cannot be read so.
pub fn destination_pages(bytes: &[u8]) -> Option<BTreeMap<String, u32>> {
    let document = Document::read(bytes)?;
    let pages = document.pages()?;
    let page_of: BTreeMap<u32, u32> = pages
        .iter()
        .zip(1..)
        .map(|(&object, page)| (object, page))
        .collect();
    let catalog = document.object(reference(&document.trailer, "/Root")?)?;
    let dests = match reference(&catalog, "/Dests") {
        Some(number) => document.object(number)?,
        None => dictionary(&catalog[catalog.find("/Dests")? + 6..])?.to_string(),
    };
    let mut found = BTreeMap::new();
    let mut rest = dests.trim_start_matches("<<");
    while let Some(slash) = rest.find('/') {
        rest = &rest[slash + 1..];
        let end = rest.find(|c: char| c.is_whitespace() || "[/<>".contains(c))?;
        let name = decode_name(&rest[..end]);
        rest = &rest[end..];
        let open = rest.find('[')?;
        let close = rest.find(']')?;
        let target = references(&rest[open + 1..close]).first().copied();
        if let Some(page) = target.and_then(|t| page_of.get(&t)) {
            found.insert(name, *page);
        }
        rest = &rest[close + 1..];
    }
    Some(found)
}

/// `bytes` with `info` as their document information, added as an incremental update
/// (the creator, producer and dates that were there are kept); `None` when the file
/// cannot be read so.
pub fn with_info(bytes: &[u8], info: &Info) -> Option<Vec<u8>> {
    let document = Document::read(bytes)?;
    let size: u32 = document
        .trailer
        .split("/Size")
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let root = reference(&document.trailer, "/Root")?;
    let old = reference(&document.trailer, "/Info")
        .and_then(|n| document.object(n))
        .unwrap_or_default();
    let mut dict = String::from("<<");
    for (key, value) in [
        ("/Title", Some(info.title.as_str())),
        ("/Author", info.author.as_deref()),
        ("/Subject", info.subject.as_deref()),
        ("/Keywords", info.keywords.as_deref()),
    ] {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            let _ = writeln!(dict, "{key} {}", utf16_string(value));
        }
    }
    for entry in old
        .trim_start_matches("<<")
        .trim_end_matches(">>")
        .split('\n')
    {
        let kept = ["/Creator", "/Producer", "/CreationDate", "/ModDate"];
        if kept.iter().any(|k| entry.trim_start().starts_with(k)) {
            dict.push_str(entry.trim());
            dict.push('\n');
        }
    }
    dict.push_str(">>");
    let mut out = bytes.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let object_at = out.len();
    out.extend_from_slice(format!("{size} 0 obj\n{dict}\nendobj\n").as_bytes());
    let xref_at = out.len();
    let update = format!(
        "xref\n0 1\n0000000000 65535 f \n{size} 1\n{object_at:010} 00000 n \ntrailer\n\
         <</Size {} /Root {root} 0 R /Info {size} 0 R /Prev {}>>\nstartxref\n{xref_at}\n%%EOF\n",
        size + 1,
        document.xref
    );
    out.extend_from_slice(update.as_bytes());
    Some(out)
}

/// Reads the cross-reference section at `at` into `offsets` (entries already there, from
/// a later section, win) and returns its trailer.
fn xref_section(bytes: &[u8], at: usize, offsets: &mut BTreeMap<u32, usize>) -> Option<String> {
    let table = text(bytes.get(at..)?);
    let mut lines = table.lines();
    if lines.next()?.trim() != "xref" {
        return None;
    }
    while let Some(head) = lines.next() {
        let head = head.trim();
        if head.starts_with("trailer") {
            break;
        }
        let mut numbers = head.split_whitespace();
        let first: u32 = numbers.next()?.parse().ok()?;
        let count: u32 = numbers.next()?.parse().ok()?;
        for number in first..first.checked_add(count)? {
            let mut fields = lines.next()?.split_whitespace();
            let offset: usize = fields.next()?.parse().ok()?;
            if fields.nth(1) == Some("n") {
                offsets.entry(number).or_insert(offset);
            }
        }
    }
    let trailer_at = table.find("trailer")?;
    dictionary(&table[trailer_at + 7..]).map(str::to_string)
}

/// Bytes as text, each byte one character (PDF syntax is ASCII).
fn text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Where `needle` last occurs in `bytes`.
fn find_last(bytes: &[u8], needle: &[u8]) -> Option<usize> {
    bytes.windows(needle.len()).rposition(|w| w == needle)
}

/// The first `<< … >>` of `text`, nested dictionaries included.
fn dictionary(text: &str) -> Option<&str> {
    let start = text.find("<<")?;
    let mut depth = 0usize;
    let bytes = text.as_bytes();
    let mut i = start;
    while i + 1 < bytes.len() {
        match &bytes[i..i + 2] {
            b"<<" => {
                depth += 1;
                i += 2;
            }
            b">>" => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(&text[start..i]);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The object number of `key N 0 R` in a dictionary.
fn reference(dict: &str, key: &str) -> Option<u32> {
    let at = dict.find(&format!("{key} "))? + key.len();
    let mut words = dict[at..].split_whitespace();
    let number = words.next()?.parse().ok()?;
    words.next()?;
    (words.next()?.starts_with('R')).then_some(number)
}

/// The inside of the array value of `key` in a dictionary.
fn array<'d>(dict: &'d str, key: &str) -> Option<&'d str> {
    let at = dict.find(key)? + key.len();
    let rest = dict[at..].trim_start().strip_prefix('[')?;
    Some(&rest[..rest.find(']')?])
}

/// The object numbers of the `N 0 R` references in `text`, in order.
fn references(text: &str) -> Vec<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| w[2] == "R" && w[1].parse::<u32>().is_ok())
        .filter_map(|w| w[0].parse().ok())
        .collect()
}

/// A PDF name with its `#xx` escapes decoded.
fn decode_name(name: &str) -> String {
    let mut out = Vec::new();
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'#')
            .then(|| name.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let Some(byte) = hex {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `value` as a PDF text string in UTF-16 with its byte order mark, in hex.
fn utf16_string(value: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in value.encode_utf16() {
        let _ = write!(out, "{unit:04X}");
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF as Skia writes it: two pages under an intermediate node, two destinations.
    fn sample() -> Vec<u8> {
        let objects = [
            "<</Title (Old)\n/Producer (Skia/PDF m1)>>",
            "<</Type /Catalog\n/Pages 3 0 R\n/Dests 6 0 R>>",
            "<</Type /Pages\n/Count 2\n/Kids [4 0 R]>>",
            "<</Type /Pages\n/Count 2\n/Kids [5 0 R 7 0 R]>>",
            "<</Type /Page\n/Parent 4 0 R>>",
            "<</summary [5 0 R /XYZ 0 800 0]\n/notes#2Dx [7 0 R /XYZ 0 80 0]>>",
            "<</Type /Page\n/Parent 4 0 R>>",
        ];
        let mut pdf = String::from("%PDF-1.4\n");
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            let _ = write!(pdf, "{} 0 obj\n{body}\nendobj\n", i + 1);
        }
        let xref = pdf.len();
        let _ = write!(pdf, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
        for offset in offsets {
            let _ = writeln!(pdf, "{offset:010} 00000 n ");
        }
        let _ = write!(
            pdf,
            "trailer\n<</Size 8\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n{xref}\n%%EOF"
        );
        pdf.into_bytes()
    }

    #[test]
    fn destinations_are_found_on_their_pages() {
        let pages = destination_pages(&sample()).expect("readable");
        assert_eq!(pages.get("summary"), Some(&1));
        assert_eq!(pages.get("notes-x"), Some(&2));
        assert_eq!(destination_pages(b"not a pdf"), None);
    }

    #[test]
    fn information_is_added_and_the_file_still_reads() {
        let info = Info {
            title: "Été".into(),
            author: Some("A, B".into()),
            subject: None,
            keywords: Some("OPEN".into()),
        };
        let updated = with_info(&sample(), &info).expect("updated");
        let text = text(&updated);
        assert!(text.contains("8 0 obj\n<</Title <FEFF00C9007400E9>\n/Author"));
        assert!(text.contains("/Producer (Skia/PDF m1)"));
        assert!(!text.contains("/Subject"));
        assert!(text.contains("/Info 8 0 R /Prev"));
        assert_eq!(
            destination_pages(&updated)
                .expect("readable")
                .get("notes-x"),
            Some(&2)
        );
    }
}
