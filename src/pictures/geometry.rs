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

/// The box of a text drawn with its baseline at `y`, anchored at `x` by `anchor`.
pub fn text_box(text: &str, size: f64, x: f64, y: f64, anchor: Anchor) -> Rect {
    width_box(text_width(text, size), size, x, y, anchor)
}

/// The box of a text `width` pixels wide, as [`text_box`] gives it.
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

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A text ready to be cut to several lengths: [`shorten`] and the [`text_width`] of
/// its result for any `max`, from one pass over the text instead of one per length.
pub struct Shortening {
    /// The text with its whitespace collapsed, as [`shorten`] writes it.
    text: String,
    /// For each character: its end in `text` (bytes) and the width in ems of the
    /// text up to it.
    ends: Vec<(usize, f64)>,
}

impl Shortening {
    /// Prepares `text`.
    pub fn new(text: &str) -> Self {
        let mut collapsed = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(text.len());
        let mut ems = 0.0;
        let mut add = |collapsed: &mut String, c: char| {
            collapsed.push(c);
            ems += char_width(c).max(0.6);
            ends.push((collapsed.len(), ems));
        };
        for (k, word) in text.split_whitespace().enumerate() {
            if k > 0 {
                add(&mut collapsed, ' ');
            }
            for c in word.chars() {
                add(&mut collapsed, c);
            }
        }
        Self {
            text: collapsed,
            ends,
        }
    }

    /// How many characters of the text [`shorten`] keeps before its ellipsis, or
    /// `None` when the whole text fits in `max`.
    fn kept(&self, max: usize) -> Option<usize> {
        if self.ends.len() <= max {
            return None;
        }
        let mut kept = max.saturating_sub(1);
        // The cut is trimmed: after collapsing, at most one space can end it.
        if kept > 0 && self.text.as_bytes()[self.ends[kept - 1].0 - 1] == b' ' {
            kept -= 1;
        }
        Some(kept)
    }

    /// `shorten(text, max)`.
    pub fn text(&self, max: usize) -> String {
        match self.kept(max) {
            None => self.text.clone(),
            Some(kept) => {
                let end = kept.checked_sub(1).map_or(0, |last| self.ends[last].0);
                format!("{}…", &self.text[..end])
            }
        }
    }

    /// `text_width(&shorten(text, max), size)`: the same sum, in the same order.
    pub fn width(&self, max: usize, size: f64) -> f64 {
        let kept = self.kept(max);
        let chars = kept.unwrap_or(self.ends.len());
        let mut ems = match chars.checked_sub(1) {
            Some(last) => self.ends[last].1,
            // Nothing before the ellipsis, or an empty text.
            None => return text_width(&self.text(max), size),
        };
        if kept.is_some() {
            ems += char_width('…').max(0.6);
        }
        ems * size
    }
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
    fn shortening_keeps_short_text() {
        assert_eq!(shorten("Niger", 10), "Niger");
        assert_eq!(shorten("Ministère de la Défense", 10), "Ministère…");
        assert_eq!(shorten("a\n  b", 10), "a b");
    }

    #[test]
    fn shortening_agrees_with_shorten() {
        let texts = [
            "",
            " ",
            "Niger",
            "Ministère de la Défense nationale et des Anciens combattants",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "  espaces   multiples\tet\nretours  ",
            "東京 都庁 の 発表 によれば 東京 都庁 の 発表",
        ];
        for text in texts {
            let shortening = Shortening::new(text);
            for max in 0..70 {
                let short = shorten(text, max);
                assert_eq!(shortening.text(max), short, "{text:?} {max}");
                for size in [10.0, 11.0, 12.5] {
                    assert_eq!(
                        shortening.width(max, size).to_bits(),
                        text_width(&short, size).to_bits(),
                        "{text:?} {max}"
                    );
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
