//! The matching form of a text, in which names are looked for: apostrophes as one, a run
//! of spaces as one, accents composed, ligatures as their letters, invisible characters
//! dropped; with the way back from its offsets to those of the text as written.

/// The characters that match as one space.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{2009}' | '\u{202f}'
    )
}

/// Whether runs of text parted by `gap` are read as one: spaces, line breaks and HTML
/// entities (`General&nbsp;Tiani`, `B&eacute;nin`) only.
pub(super) fn is_gap(gap: &str) -> bool {
    let mut rest = gap;
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            return true;
        }
        match entity(rest) {
            Some((_, len)) => rest = &rest[len..],
            None => return false,
        }
    }
}

/// The character that an HTML entity at the start of `text` stands for, and the
/// entity's length: any numeric one (`&#8239;`, `&#xa0;`), and the named ones a name
/// may hold (spaces, apostrophes, `&amp;`, the accented letters of Western Europe).
fn entity(text: &str) -> Option<(char, usize)> {
    let rest = text.strip_prefix('&')?;
    let semi = rest.bytes().take(10).position(|b| b == b';')?;
    let name = &rest[..semi];
    let len = semi + 2;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|&c| c != '\0')
            .map(|c| (c, len));
    }
    let c = match name {
        "nbsp" => '\u{a0}',
        "thinsp" => '\u{2009}',
        "ensp" | "emsp" => ' ',
        "rsquo" => '\u{2019}',
        "apos" => '\'',
        "amp" => '&',
        _ => return latin_letter(name).map(|c| (c, len)),
    };
    Some((c, len))
}

/// The accented letter a named entity stands for (`eacute` → `é`, `Ccedil` → `Ç`).
fn latin_letter(name: &str) -> Option<char> {
    const LETTERS: [(&str, char); 11] = [
        ("acute", '\u{301}'),
        ("grave", '\u{300}'),
        ("circ", '\u{302}'),
        ("uml", '\u{308}'),
        ("cedil", '\u{327}'),
        ("tilde", '\u{303}'),
        ("ring", '\u{30a}'),
        ("slash", '\u{338}'),
        ("caron", '\u{30c}'),
        ("ogon", '\u{328}'),
        ("dot", '\u{307}'),
    ];
    use unicode_normalization::UnicodeNormalization;
    let mut chars = name.chars();
    let base = chars.next().filter(char::is_ascii_alphabetic)?;
    let accent = chars.as_str();
    let (_, mark) = LETTERS.iter().find(|(a, _)| *a == accent)?;
    let mut composed = [base, *mark].into_iter().nfc();
    let letter = composed.next()?;
    (composed.next().is_none() && !letter.is_ascii()).then_some(letter)
}

/// The characters that match as `'`.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

/// Whether `text` differs from its matching form.
pub(super) fn needs_normalizing(text: &str) -> bool {
    let mut space_before = false;
    for c in text.chars() {
        let space = is_space(c);
        if (space && (c != ' ' || space_before))
            || (is_apostrophe(c) && c != '\'')
            || c == '&'
            || (!c.is_ascii() && (is_invisible(c) || ligature(c).is_some() || is_mark(c)))
        {
            return true;
        }
        space_before = space;
    }
    false
}

/// The characters of copied text that show nothing between letters: soft hyphen,
/// zero-width space, non-joiner and joiner, word joiner, and a byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// The letters of a typographic ligature, as PDFs give them (`ﬁ` for `fi`).
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        _ => return None,
    })
}

/// A combining mark: an accent written apart from its letter.
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// The matching form of a text: apostrophes as `'`, each run of spaces as one `' '`,
/// accents composed (NFC), ligatures as their letters, invisible characters dropped.
/// With it, the marks `(offset in the form, offset in the text)` from which the
/// offsets of the form map back to the text.
pub(super) fn normalized(text: &str) -> (String, Vec<(usize, usize)>) {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    let mut marks = vec![(0, 0)];
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_space(c) {
            let mut end = at + c.len_utf8();
            while let Some(&(next, n)) = chars.peek() {
                if !is_space(n) {
                    break;
                }
                end = next + n.len_utf8();
                chars.next();
            }
            out.push(' ');
            if end - at != 1 {
                marks.push((out.len(), end));
            }
        } else if is_apostrophe(c) && c != '\'' {
            out.push('\'');
            marks.push((out.len(), at + c.len_utf8()));
        } else if let Some((decoded, len)) = (c == '&').then(|| entity(&text[at..])).flatten() {
            while chars.peek().is_some_and(|&(next, _)| next < at + len) {
                chars.next();
            }
            if is_space(decoded) {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else if is_apostrophe(decoded) {
                out.push('\'');
            } else {
                out.push(decoded);
            }
            marks.push((out.len(), at + len));
        } else if chars
            .peek()
            .is_none_or(|&(_, n)| n.is_ascii() || !is_mark(n))
            && (c.is_ascii() || !(is_invisible(c) || ligature(c).is_some()))
        {
            // Neither a letter with accents after it, nor a character to spell or drop.
            out.push(c);
        } else if is_invisible(c) {
            marks.push((out.len(), at + c.len_utf8()));
        } else if let Some(letters) = ligature(c) {
            out.push_str(letters);
            marks.push((out.len(), at + c.len_utf8()));
        } else {
            // A letter and the accents written after it, composed as one.
            let mut end = at + c.len_utf8();
            while let Some(&(next, n)) = chars.peek() {
                if !is_mark(n) {
                    break;
                }
                end = next + n.len_utf8();
                chars.next();
            }
            let before = out.len();
            out.extend(text[at..end].nfc());
            if out.len() - before != end - at {
                marks.push((out.len(), end));
            }
        }
    }
    (out, marks)
}

/// The offset in the text of an offset in its matching form.
pub(super) fn original(marks: &[(usize, usize)], offset: usize) -> usize {
    let at = marks.partition_point(|&(form, _)| form <= offset);
    let (form, text) = marks[at.saturating_sub(1)];
    text + (offset - form)
}

/// Whether `start..end` of `text` has no letter, digit or accent against it on either side.
pub(super) fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let letter = |c: char| c.is_alphanumeric() || is_mark(c);
    !before.is_some_and(letter) && !after.is_some_and(letter)
}
