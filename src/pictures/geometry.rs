//! Boxes, text sizes and a seeded random generator: the arithmetic both pictures
//! share. Text widths are estimated (no font is loaded at build time), generously, so
//! that boxes kept apart here stay apart on screen.

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// The box centred on (`x`, `y`) with the given size.
    pub fn centered(x: f64, y: f64, width: f64, height: f64) -> Self {
        Self {
            x0: x - width / 2.0,
            y0: y - height / 2.0,
            x1: x + width / 2.0,
            y1: y + height / 2.0,
        }
    }

    /// Whether the two boxes share any area (touching edges do not count).
    pub fn intersects(&self, other: &Self) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// The box grown by `margin` on every side.
    #[must_use]
    pub fn grown(&self, margin: f64) -> Self {
        Self {
            x0: self.x0 - margin,
            y0: self.y0 - margin,
            x1: self.x1 + margin,
            y1: self.y1 + margin,
        }
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        Self {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Estimated advance of one character, in ems: wide letters count more.
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.4,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | 'Œ' | 'œ' | 'Æ' | 'æ' => 0.95,
        c if c.is_uppercase() => 0.75,
        // CJK and other wide scripts.
        c if u32::from(c) >= 0x2E80 => 1.05,
        _ => 0.62,
    }
}

/// Estimated width of `text` at `size` pixels. Never less than 0.6 × size per
/// character, the rule the tests use.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_width(c).max(0.6)).sum::<f64>() * size
}

/// The box of a text `width` pixels wide at `size`, its baseline at `y`, anchored at
/// `x` by `anchor`.
pub fn width_box(width: f64, size: f64, x: f64, y: f64, anchor: Anchor) -> Rect {
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    Rect {
        x0,
        y0: y - size * 0.9,
        x1: x0 + width,
        y1: y + size * 0.3,
    }
}

/// Where a text is anchored horizontally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left edge.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right edge.
    End,
}

impl Anchor {
    /// The `text-anchor` value.
    pub fn word(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Middle => "middle",
            Self::End => "end",
        }
    }
}

/// `text` in lines no wider than `width` at `size` (a longer word has its own line),
/// every word kept. A word of three characters or fewer ("du", "de la", "→") stays
/// with the word after it, or with the one before at the end, so that no line is a
/// bare fragment.
pub fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let short = |w: &str| w.chars().count() <= 3;
    let closing = |w: &str| {
        w.chars().all(|c| {
            matches!(
                c,
                '»' | '”' | ')' | ']' | ':' | ';' | '!' | '?' | ',' | '.' | '–' | '—'
            )
        })
    };
    // Units: runs of words that stay on one line.
    let mut units: Vec<String> = Vec::new();
    let mut pending = String::new();
    for (k, word) in words.iter().enumerate() {
        if pending.is_empty()
            && closing(word)
            && let Some(last) = units.last_mut()
        {
            last.push(' ');
            last.push_str(word);
            continue;
        }
        if !pending.is_empty() {
            pending.push(' ');
        }
        pending.push_str(word);
        if !short(word) || k + 1 == words.len() {
            units.push(std::mem::take(&mut pending));
        }
    }
    if units.len() > 1 && words.last().is_some_and(|w| short(w)) {
        let last = units.pop().unwrap_or_default();
        let only_short = last.split(' ').all(short);
        match units.last_mut() {
            Some(previous) if only_short => {
                previous.push(' ');
                previous.push_str(&last);
            }
            _ => units.push(last),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for unit in units {
        let candidate = if line.is_empty() {
            unit.clone()
        } else {
            format!("{line} {unit}")
        };
        if line.is_empty() || text_width(&candidate, size) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, unit));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `SplitMix64`: a tiny generator with a fixed seed, so that layouts are the same on
/// every run and every machine.
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let value = (self.next_u64() >> 11) as f64;
        value / 9_007_199_254_740_992.0
    }
}

#[cfg(test)]
#[allow(clippy::cast_precision_loss)]
mod tests {
    use super::*;

    #[test]
    fn boxes_intersect_only_with_area() {
        let a = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        assert!(a.intersects(&Rect {
            x0: 9.0,
            y0: 9.0,
            x1: 12.0,
            y1: 12.0
        }));
        assert!(!a.intersects(&Rect {
            x0: 10.0,
            y0: 0.0,
            x1: 12.0,
            y1: 10.0
        }));
    }

    #[test]
    fn widths_are_at_least_the_simple_rule() {
        for text in ["iiii", "Mohamed Bazoum", "Ça & <là>", "東京"] {
            assert!(text_width(text, 12.0) >= 0.6 * 12.0 * text.chars().count() as f64);
        }
    }

    #[test]
    fn wrapping_keeps_every_word_and_no_bare_fragment() {
        for text in [
            "coopération militaire et sécuritaire renforcée avec la",
            "victime depuis février 2022 de la guerre d'agression de la",
            "voisin du",
            "du",
            "Ministère russe de la Défense",
            "À Hawaï, Lloyd Austin juge sans « problème significatif » la présence russe",
        ] {
            for width in [40.0, 90.0, 150.0] {
                let lines = wrap(text, width, 10.0);
                assert_eq!(lines.join(" "), text);
                for line in &lines {
                    assert!(line.chars().count() > 3 || lines.len() == 1, "{lines:?}");
                    assert!(!line.starts_with('»'), "{lines:?}");
                }
            }
        }
    }

    #[test]
    fn the_generator_is_fixed() {
        let mut a = SplitMix::new(7);
        let mut b = SplitMix::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        assert!((0.0..1.0).contains(&a.unit()));
    }
}
