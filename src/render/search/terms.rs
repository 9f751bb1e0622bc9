//! The words of the index: text folded as `assets/search.js` folds a query (decomposed,
//! accents dropped, lower case), cut into words of letters and digits, each word put in
//! one of the term shards by a hash of its first three characters, so that a query word
//! knows which shard to load: every word it can be the start of is there.

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
        out.extend(
            rest[..ascii]
                .bytes()
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        for c in rest[..other].nfd() {
            if !('\u{300}'..='\u{36f}').contains(&c) {
                out.extend(c.to_lowercase());
            }
        }
        rest = &rest[other..];
    }
    out
}

/// The words of folded text: runs of letters and digits of two characters or more
/// (single letters are not indexed).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
}

/// The shard of a word among `shards`: a hash of its first three characters (of the
/// whole word when shorter), the same in `assets/search.js`.
pub fn shard_of(word: &str, shards: usize) -> usize {
    let mut hash: u32 = 0;
    for c in word.chars().take(3) {
        hash = hash.wrapping_mul(31).wrapping_add(c as u32);
    }
    hash as usize % shards.max(1)
}

/// The postings of one shard: each word, with the documents holding it, in order, each
/// as `document × 8 + flags` (see [`flags`]).
pub type Shard = FxHashMap<String, Vec<u32>>;

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
    let title = fold(title);
    let mut seen: FxHashMap<&str, bool> = FxHashMap::default();
    for word in words(&title) {
        seen.insert(word, true);
    }
    let folded: Vec<String> = fields.iter().map(|f| fold(f)).collect();
    for field in &folded {
        for word in words(field) {
            seen.entry(word).or_insert(false);
        }
    }
    for (word, in_title) in seen {
        let shard = shard_of(word, count);
        if only.is_some_and(|o| o != shard) {
            continue;
        }
        let posting = document * 8 + flags(kind, in_title);
        match shards[shard].get_mut(word) {
            Some(list) => list.push(posting),
            None => {
                shards[shard].insert(word.to_string(), vec![posting]);
            }
        }
    }
}

/// Writes a shard as `DOSSIER_SEARCH_TERMS(index, {"word": [postings…], …});`, words
/// sorted, each posting list delta-coded on the document (`(doc - previous) × 8 + flags`).
pub fn write_shard(
    index: usize,
    shard: &Shard,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut words: Vec<(&String, &Vec<u32>)> = shard.iter().collect();
    words.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut text = String::with_capacity(words.len() * 32);
    text.push_str("DOSSIER_SEARCH_TERMS(");
    text.push_str(itoa::Buffer::new().format(index));
    text.push_str(",{");
    let mut number = itoa::Buffer::new();
    for (i, (word, postings)) in words.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&serde_json::to_string(word).unwrap_or_default());
        text.push_str(":[");
        let mut previous = 0;
        for (j, posting) in postings.iter().enumerate() {
            if j > 0 {
                text.push(',');
            }
            let (document, flags) = (posting / 8, posting % 8);
            text.push_str(number.format((document - previous) * 8 + flags));
            previous = document;
        }
        text.push(']');
    }
    text.push_str("});\n");
    out.write_all(text.as_bytes())
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
            "plain ASCII ONLY",
            "",
        ] {
            assert_eq!(fold(text), whole(text), "{text}");
        }
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
}
