//! A small SVG writer that escapes every text and attribute value and writes
//! coordinates with one decimal, so that the same picture is always the same bytes.

use std::fmt::Write as _;

/// Escapes text for an XML text node or a double-quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids: drop them rather than write invalid XML.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate or length rounded to one decimal, without `-0` or a useless `.0`.
pub fn num(value: f64) -> String {
    let value = if value.is_finite() {
        (value * 10.0).round() / 10.0
    } else {
        0.0
    };
    if value == 0.0 {
        return String::from("0");
    }
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// An attribute value: either text (escaped on output) or a number (rounded).
pub enum Value<'a> {
    /// Text, escaped.
    Text(&'a str),
    /// A number, rounded to one decimal.
    Num(f64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(text)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(text)
    }
}

impl From<f64> for Value<'_> {
    fn from(value: f64) -> Self {
        Self::Num(value)
    }
}

/// Builds an SVG document as a string: elements are opened, filled and closed in
/// order; [`Svg::finish`] closes whatever is still open.
#[derive(Default)]
pub struct Svg {
    out: String,
    open: Vec<&'static str>,
}

impl Svg {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    fn start(&mut self, name: &'static str, attributes: &[(&str, Value<'_>)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            let value = match value {
                Value::Text(text) => escape(text),
                Value::Num(n) => num(*n),
            };
            let _ = write!(self.out, " {key}=\"{value}\"");
        }
        // The marks are links for the mouse; the keyboard and screen readers get the
        // same links from the table or list that follows each picture, without a tab
        // stop per mark.
        if name == "a" {
            self.out.push_str(" tabindex=\"-1\"");
        }
    }

    /// Starts a picture: the `<svg>` root (class `pic {class}`, natural size and view
    /// box, labelled by its `<title>` and `<desc>`, whose ids start with `prefix`).
    pub fn picture(
        class: &str,
        (width, height): (f64, f64),
        prefix: &str,
        title: &str,
        desc: &str,
    ) -> Self {
        let mut svg = Self::new();
        let class = format!("pic {class}");
        let view_box = format!("0 0 {width} {height}");
        let labelled_by = format!("{prefix}-title {prefix}-desc");
        svg.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg".into()),
                ("class", (&class).into()),
                ("viewBox", (&view_box).into()),
                ("width", width.into()),
                ("height", height.into()),
                ("role", "group".into()),
                ("aria-labelledby", (&labelled_by).into()),
            ],
        );
        svg.text(
            "title",
            &[("id", (&format!("{prefix}-title")).into())],
            title,
        );
        svg.text("desc", &[("id", (&format!("{prefix}-desc")).into())], desc);
        svg
    }

    /// Opens `<name …>`; its children follow until [`Svg::close`].
    pub fn open(&mut self, name: &'static str, attributes: &[(&str, Value<'_>)]) {
        self.start(name, attributes);
        self.out.push('>');
        self.open.push(name);
    }

    /// Writes an element without children: `<name …/>`.
    pub fn empty(&mut self, name: &'static str, attributes: &[(&str, Value<'_>)]) {
        self.start(name, attributes);
        self.out.push_str("/>");
    }

    /// Writes `<name …>text</name>`, the text escaped.
    pub fn text(&mut self, name: &'static str, attributes: &[(&str, Value<'_>)], text: &str) {
        self.start(name, attributes);
        self.out.push('>');
        self.out.push_str(&escape(text));
        let _ = write!(self.out, "</{name}>");
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            let _ = write!(self.out, "</{name}>");
        }
    }

    /// Closes every open element and returns the document.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// A path's `d` attribute, built from rounded coordinates.
#[derive(Default)]
pub struct PathData(String);

impl PathData {
    /// Moves to a point.
    #[must_use]
    pub fn move_to(mut self, x: f64, y: f64) -> Self {
        self.command('M', &[x, y]);
        self
    }

    /// A straight line to a point.
    #[must_use]
    pub fn line_to(mut self, x: f64, y: f64) -> Self {
        self.command('L', &[x, y]);
        self
    }

    /// A quadratic curve through control point (`cx`, `cy`) to (`x`, `y`).
    #[must_use]
    pub fn quad_to(mut self, cx: f64, cy: f64, x: f64, y: f64) -> Self {
        self.command('Q', &[cx, cy, x, y]);
        self
    }

    fn command(&mut self, letter: char, values: &[f64]) {
        self.0.push(letter);
        let numbers: Vec<String> = values.iter().map(|&v| num(v)).collect();
        self.0.push_str(&numbers.join(" "));
    }

    /// The finished `d` value.
    pub fn build(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape("a\u{1}b"), "ab");
    }

    #[test]
    fn numbers_have_one_decimal_at_most() {
        assert_eq!(num(1.25), "1.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(3.0), "3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(-12.345), "-12.3");
    }

    #[test]
    fn writer_nests_and_escapes() {
        let mut svg = Svg::new();
        svg.open("g", &[("class", "a&b".into())]);
        svg.text("text", &[("x", 1.0.into())], "<b>");
        svg.empty("circle", &[("r", 2.56.into())]);
        assert_eq!(
            svg.finish(),
            r#"<g class="a&amp;b"><text x="1">&lt;b&gt;</text><circle r="2.6"/></g>"#
        );
    }
}
