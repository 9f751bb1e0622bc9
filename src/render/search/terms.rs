//! The words of the index: text folded as `assets/search.js` folds a query (decomposed,
//! accents dropped, lower case), cut into words of letters and digits, each word put in
//! one of the term shards by a hash of its first three characters, so that a query word
//! knows which shard to load: every word it can be the start of is there. Beside each
//! posting, the words that follow the word in that document, as a set of small hashes
//! (`assets/search/n-N.js`): a phrase keeps only the documents where its words may be in
//! a row before their texts are read.

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// `text` folded: decomposed, combining accents (U+0300–U+036F) dropped, lower case.
/// ASCII characters are starters that decomposition leaves alone, so runs of them are
/// lowered directly and only the runs between them are decomposed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        push_folded(&mut out, &rest[..other]);
        rest = &rest[other..];
    }
    out
}

/// Whether a character is one of the combining accents that folding drops.
fn is_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Appends `run` folded. Each character is decomposed on its own; when nothing but
/// starters is kept (accented Latin letters, punctuation), that is what decomposing
/// the whole run gives, since canonical ordering only moves non-starters. Otherwise the
/// run is decomposed whole.
fn push_folded(out: &mut String, run: &str) {
    let start = out.len();
    let mut reordered = false;
    for c in run.chars() {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_accent(d) {
                reordered |= unicode_normalization::char::canonical_combining_class(d) != 0;
                out.extend(d.to_lowercase());
            }
        });
    }
    if reordered {
        out.truncate(start);
        for c in run.nfd().filter(|&c| !is_accent(c)) {
            out.extend(c.to_lowercase());
        }
    }
}

/// The words of folded text: runs of letters and digits of two characters or more
/// (single letters are not indexed).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    let mut rest = folded;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let start = word_end(rest, false);
            rest = &rest[start..];
            let end = word_end(rest, true);
            let (word, after) = rest.split_at(end);
            rest = after;
            if word.chars().nth(1).is_some() {
                return Some(word);
            }
        }
        None
    })
}

/// Where the first character of `text` that is (`alphanumeric` false) or is not (true)
/// a letter or digit starts, or the end of `text`. ASCII bytes are told apart without
/// decoding a character.
fn word_end(text: &str, alphanumeric: bool) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let (is_alphanumeric, len) = if byte.is_ascii() {
            (byte.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            (c.is_alphanumeric(), c.len_utf8())
        };
        if is_alphanumeric != alphanumeric {
            return at;
        }
        at += len;
    }
    at
}

/// The names of `text` written with an apostrophe after a capital initial (`O'Brien`,
/// `D’Souza`, `N'Djamena`), folded without it (`obrien`): a reader types them so, and
/// [`words`] cuts them at the apostrophe (`brien`).
fn joined_names(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace().filter_map(|raw| {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        let mut chars = word.chars();
        let initial = chars.next().filter(|c| c.is_uppercase())?;
        chars.next().filter(|c| matches!(c, '\'' | '’' | 'ʼ'))?;
        let rest = chars.as_str();
        let capital = rest.chars().next().is_some_and(char::is_uppercase);
        (capital && rest.chars().all(char::is_alphanumeric))
            .then(|| fold(&format!("{initial}{rest}")))
    })
}

/// A hash of the first three characters of a word (of the whole word when shorter), the
/// same in `assets/search.js`.
fn start_hash(word: &str) -> u32 {
    let mut hash: u32 = 0;
    for c in word.chars().take(3) {
        hash = hash.wrapping_mul(31).wrapping_add(c as u32);
    }
    hash
}

/// The shard of a word among `shards`: by its first three characters, so that the
/// words a query word begins are in its shard.
pub fn shard_of(word: &str, shards: usize) -> usize {
    start_hash(word) as usize % shards.max(1)
}

/// The hash of a following word in a posting's set of next words: 11 bits of its first
/// three characters, so that the last word of a phrase, which may be the start of a
/// word, finds it (the same in `assets/search.js`).
pub fn next_hash(word: &str) -> u16 {
    (start_hash(word).wrapping_mul(0x9E37_79B1) >> 21) as u16
}

/// How many different next words a posting keeps; beyond, it says "any word".
const NEXT_KEPT: usize = 8;

/// In [`Postings::next`]: a set without words (the word ends its texts).
const NO_NEXT: u16 = 0xFFFF;
/// In [`Postings::next`]: more than [`NEXT_KEPT`] next words, any may follow.
const ANY_NEXT: u16 = 0xFFFE;
/// In [`Postings::next`]: the mark of the last hash of a set.
const LAST_NEXT: u16 = 0x8000;

/// The next words of one word in one document, as it is read.
#[derive(Debug, Clone, Copy, Default)]
struct NextSet {
    hashes: [u16; NEXT_KEPT],
    len: usize,
    overflow: bool,
}

impl NextSet {
    fn insert(&mut self, hash: u16) {
        if self.overflow || self.hashes[..self.len].contains(&hash) {
            return;
        }
        if self.len == NEXT_KEPT {
            self.overflow = true;
        } else {
            self.hashes[self.len] = hash;
            self.len += 1;
        }
    }

    /// Appends the set to a flat list of sets (see [`Postings::next`]).
    fn push_to(&self, flat: &mut Vec<u16>) {
        if self.overflow {
            flat.push(ANY_NEXT);
        } else if self.len == 0 {
            flat.push(NO_NEXT);
        } else {
            flat.extend_from_slice(&self.hashes[..self.len]);
            if let Some(last) = flat.last_mut() {
                *last |= LAST_NEXT;
            }
        }
    }
}

/// The documents holding a word, in order: each as `document × 8 + flags` (see
/// [`flags`]), with the set of words that follow it there (see [`next_hash`]).
#[derive(Debug, Clone, Default)]
pub struct Postings {
    /// `document × 8 + flags`, by document.
    pub docs: Vec<u32>,
    /// For each document in turn, the hashes of the words that follow this one there,
    /// the last of a set marked with [`LAST_NEXT`]; [`NO_NEXT`] or [`ANY_NEXT`] alone.
    pub next: Vec<u16>,
}

/// The postings of one shard, by word.
pub type Shard = FxHashMap<String, Postings>;

/// The flags of a posting: the kind of document (0 a source's title, 1 a paragraph,
/// 2 an actor, 3 an event) times two, plus one when the word is in its title.
pub fn flags(kind: u32, in_title: bool) -> u32 {
    kind * 2 + u32::from(in_title)
}

/// Adds the words of a document to the shards it falls in (`only`: just that shard).
pub fn add_document(
    shards: &mut [Shard],
    only: Option<usize>,
    document: u32,
    kind: u32,
    title: &str,
    fields: &[&str],
) {
    let count = shards.len();
    let joined: Vec<(String, bool)> = std::iter::once(title)
        .chain(fields.iter().copied())
        .enumerate()
        .flat_map(|(index, field)| joined_names(field).map(move |w| (w, index == 0)))
        .collect();
    let title = fold(title);
    let folded: Vec<String> = fields.iter().map(|f| fold(f)).collect();
    // Each word: whether it is in the title, and the words after it (in the same field).
    // Room for about one word in six bytes of text, so that the map seldom grows.
    let bytes = title.len() + folded.iter().map(String::len).sum::<usize>();
    let mut seen: FxHashMap<&str, (bool, NextSet)> =
        FxHashMap::with_capacity_and_hasher(bytes / 6, rustc_hash::FxBuildHasher);
    for (index, field) in std::iter::once(&title).chain(&folded).enumerate() {
        let mut field_words = words(field).peekable();
        while let Some(word) = field_words.next() {
            let (in_title, next) = seen.entry(word).or_default();
            *in_title |= index == 0;
            if let Some(after) = field_words.peek() {
                next.insert(next_hash(after));
            }
        }
    }
    // A name written with an apostrophe is found without it too; any word may follow.
    for (word, in_title) in &joined {
        let entry = seen.entry(word.as_str()).or_default();
        entry.0 |= *in_title;
        entry.1.overflow = true;
    }
    for (word, (in_title, next)) in seen {
        let shard = shard_of(word, count);
        if only.is_some_and(|o| o != shard) {
            continue;
        }
        let posting = document * 8 + flags(kind, in_title);
        let postings = match shards[shard].get_mut(word) {
            Some(postings) => postings,
            None => shards[shard].entry(word.to_string()).or_default(),
        };
        postings.docs.push(posting);
        next.push_to(&mut postings.next);
    }
}

/// The words of a shard, sorted.
fn sorted(shard: &Shard) -> Vec<(&String, &Postings)> {
    let mut words: Vec<(&String, &Postings)> = shard.iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(b.0));
    words
}

/// Writes a shard as `DOSSIER_SEARCH_TERMS(index, {"word": [postings…], …});`, words
/// sorted, each posting list delta-coded on the document (`(doc - previous) × 8 + flags`).
pub fn write_shard(
    index: usize,
    shard: &Shard,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut number = itoa::Buffer::new();
    let text = shard_script(
        "DOSSIER_SEARCH_TERMS",
        index,
        shard,
        32,
        |text, postings| {
            text.push('[');
            let mut previous = 0;
            for (j, posting) in postings.docs.iter().enumerate() {
                if j > 0 {
                    text.push(',');
                }
                let (document, flags) = (posting / 8, posting % 8);
                text.push_str(number.format((document - previous) * 8 + flags));
                previous = document;
            }
            text.push(']');
        },
    );
    out.write_all(text.as_bytes())
}

/// A shard as a script calling `function` with `index` and an object of its words,
/// sorted, each word's value written by `value`: `function(index,{"word":…,…});`.
fn shard_script(
    function: &str,
    index: usize,
    shard: &Shard,
    bytes_per_word: usize,
    mut value: impl FnMut(&mut String, &Postings),
) -> String {
    let words = sorted(shard);
    let mut text = String::with_capacity(words.len() * bytes_per_word);
    text.push_str(function);
    text.push('(');
    text.push_str(itoa::Buffer::new().format(index));
    text.push_str(",{");
    for (i, (word, postings)) in words.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&serde_json::to_string(word).unwrap_or_default());
        text.push(':');
        value(&mut text, postings);
    }
    text.push_str("});\n");
    text
}

/// The symbols of the next words' sets, six bits each (`-` and `_` end the alphabet, so
/// that no symbol needs escaping).
const SYMBOLS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Writes the next words of a shard as `DOSSIER_SEARCH_NEXT(index, {"word": "sets", …});`,
/// words sorted as in [`write_shard`], each posting's set in turn: each hash in two
/// symbols (its six high bits, then its five low bits plus 32 when the set goes on), `.`
/// for an empty set (a word that ends its texts), `*` for "any word".
pub fn write_next(
    index: usize,
    shard: &Shard,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let text = shard_script("DOSSIER_SEARCH_NEXT", index, shard, 16, |text, postings| {
        text.push('"');
        for &next in &postings.next {
            push_next(text, next);
        }
        text.push('"');
    });
    out.write_all(text.as_bytes())
}

/// Appends the symbols of one entry of [`Postings::next`].
fn push_next(text: &mut String, next: u16) {
    match next {
        NO_NEXT => text.push('.'),
        ANY_NEXT => text.push('*'),
        _ => {
            let hash = usize::from(next & !LAST_NEXT);
            let more = if next & LAST_NEXT == 0 { 32 } else { 0 };
            text.push(char::from(SYMBOLS[hash >> 5]));
            text.push(char::from(SYMBOLS[(hash & 31) + more]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_by_runs_equals_folding_the_whole_text() {
        let whole = |text: &str| -> String {
            text.nfd()
                .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
                .flat_map(char::to_lowercase)
                .collect()
        };
        for text in [
            "L’ARMÉE française a\u{301}b, Ελλάδα, ǅemal, 1\u{a0}000 ﬁn",
            "e\u{301}\u{327}x\u{327}\u{301}ÇÀ",
            "Tiếng Việt, 한국어, İstanbul, ǅ",
            "\u{5d1}\u{5bc}\u{5b8} a\u{1dc0}\u{316}\u{34f}\u{5b8}\u{301}\u{5bc}é",
            "plain ASCII ONLY",
            "",
        ] {
            assert_eq!(fold(text), whole(text), "{text}");
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let split = |text: &str| -> Vec<String> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().nth(1).is_some())
                .map(String::from)
                .collect()
        };
        for text in [
            "a bc, déf 12 x3 ελλάδα ǅe — ’ab’ y",
            "  ",
            "é",
            "ab",
            "\u{2019}a\u{2019}bb\u{a0}cc\u{202f}",
        ] {
            assert_eq!(words(text).collect::<Vec<_>>(), split(text), "{text}");
        }
    }

    #[test]
    fn names_with_an_apostrophe_are_also_joined() {
        let joined: Vec<String> =
            joined_names("Minister O’Brien's aide, D'Souza and l'armée of N'Djamena (O'Neill)")
                .collect();
        assert_eq!(joined, ["obrien", "dsouza", "ndjamena", "oneill"]);
    }

    #[test]
    fn words_are_folded_and_sharded_by_their_start() {
        let folded = fold("L’Armée française, 2023 : À Niamey");
        assert_eq!(
            words(&folded).collect::<Vec<_>>(),
            ["armee", "francaise", "2023", "niamey"]
        );
        assert_eq!(shard_of("armee", 7), shard_of("armees", 7));
        assert_eq!(shard_of("arm", 7), shard_of("armement", 7));
    }

    #[test]
    fn each_posting_keeps_the_words_that_follow_it() {
        let mut shards = vec![Shard::default()];
        add_document(
            &mut shards,
            None,
            3,
            1,
            "La base aérienne, puis la base navale.",
            &[],
        );
        let many = "de a1 de a2 de a3 de a4 de a5 de a6 de a7 de a8 de a9";
        add_document(&mut shards, None, 4, 1, many, &[]);
        let mut out = Vec::new();
        write_next(0, &shards[0], &mut out).expect("writing into memory");
        let text = String::from_utf8(out).expect("the symbols are ASCII");
        // Two symbols a hash, the last of a set under 32.
        let symbols = |hash: u16, last: bool| {
            let (hash, more) = (usize::from(hash), if last { 0 } else { 32 });
            format!(
                "{}{}",
                SYMBOLS[hash >> 5] as char,
                SYMBOLS[(hash & 31) + more] as char
            )
        };
        // In the order they come.
        let base = symbols(next_hash("aerienne"), false) + &symbols(next_hash("navale"), true);
        assert!(text.contains(&format!("\"base\":\"{base}\"")), "{text}");
        // "navale" ends the text; "de" is followed by nine words, more than are kept.
        assert!(text.contains("\"navale\":\".\""), "{text}");
        assert!(text.contains("\"de\":\"*\""), "{text}");
        assert_eq!(next_hash("aerienne"), next_hash("aer"));
    }
}
