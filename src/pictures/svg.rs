//! A small SVG writer that escapes every text and attribute value and writes
//! coordinates with one decimal, so that the same picture is always the same bytes.

/// Appends `text` to `out`, escaped for an XML text node or a double-quoted attribute
/// value, without what XML 1.0 forbids.
pub use crate::escape::push_xml as push_escaped;

/// Appends a coordinate or length rounded to one decimal, without `-0` or a useless
/// `.0`.
pub fn push_num(out: &mut String, value: f64) {
    let tenths = if value.is_finite() {
        (value * 10.0).round()
    } else {
        0.0
    };
    // Below 2⁵³ tenths, every whole number of tenths is exact, and the decimal
    // digits of that integer are those `{:.1}` writes for tenths / 10.
    if tenths.abs() < 9_007_199_254_740_992.0 {
        #[allow(clippy::cast_possible_truncation)]
        let tenths = tenths as i64;
        if tenths < 0 {
            out.push('-');
        }
        let tenths = tenths.unsigned_abs();
        push_integer(out, tenths / 10);
        if !tenths.is_multiple_of(10) {
            out.push('.');
            out.push(char::from(b'0' + u8::try_from(tenths % 10).unwrap_or(0)));
        }
    } else {
        let value = tenths / 10.0;
        let text = format!("{value:.1}");
        out.push_str(text.strip_suffix(".0").unwrap_or(&text));
    }
}

/// Appends the decimal digits of `value`.
fn push_integer(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + u8::try_from(value % 10).unwrap_or(0);
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
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
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            match value {
                Value::Text(text) => push_escaped(&mut self.out, text),
                Value::Num(n) => push_num(&mut self.out, *n),
            }
            self.out.push('"');
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
        push_escaped(&mut self.out, text);
        self.end_tag(name);
    }

    /// Writes `<name …>`, the text that `write` gives (escaped piece by piece), then
    /// `</name>`: a long text without building it first.
    pub fn text_with(
        &mut self,
        name: &'static str,
        attributes: &[(&str, Value<'_>)],
        write: impl FnOnce(&mut Escaped<'_>),
    ) {
        self.start(name, attributes);
        self.out.push('>');
        write(&mut Escaped(&mut self.out));
        self.end_tag(name);
    }

    /// Writes `text`, escaped, inside the innermost open element.
    pub fn push_text(&mut self, text: &str) {
        push_escaped(&mut self.out, text);
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.end_tag(name);
        }
    }

    fn end_tag(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Closes every open element and returns the document.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// Text written into an element, escaped as it comes.
pub struct Escaped<'a>(&'a mut String);

impl Escaped<'_> {
    /// Appends `text`, escaped.
    pub fn push(&mut self, text: &str) {
        push_escaped(self.0, text);
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

    /// A vertical line to `y`.
    #[must_use]
    pub fn vertical_to(mut self, y: f64) -> Self {
        self.command('V', &[y]);
        self
    }

    /// A horizontal line to `x`.
    #[must_use]
    pub fn horizontal_to(mut self, x: f64) -> Self {
        self.command('H', &[x]);
        self
    }

    fn command(&mut self, letter: char, values: &[f64]) {
        self.0.push(letter);
        for (i, &value) in values.iter().enumerate() {
            if i > 0 {
                self.0.push(' ');
            }
            push_num(&mut self.0, value);
        }
    }

    /// The finished `d` value.
    pub fn build(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(text: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, text);
        out
    }

    fn num(value: f64) -> String {
        let mut out = String::new();
        push_num(&mut out, value);
        out
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape("a\u{1}b"), "ab");
        assert_eq!(
            escape("tab\there\nÉté\u{FFFE}\u{FFFF}\u{FFFD}…"),
            "tab\there\nÉté\u{FFFD}…"
        );
    }

    /// The rounding and the `fmt` formatting that [`num`] stands for.
    fn num_with_fmt(value: f64) -> String {
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

    #[test]
    fn numbers_are_written_as_fmt_would() {
        let mut random = crate::pictures::geometry::SplitMix::new(1);
        let mut values = vec![
            0.05, -0.05, 0.15, 0.25, 0.35, 1e15, -1e17, 1e300, 9.95, -9.95,
        ];
        for scale in [1.0, 10.0, 1000.0, 1e6, 1e12, 1e16] {
            for _ in 0..20_000 {
                values.push((random.unit() - 0.5) * scale);
            }
        }
        for k in -100_000..100_000 {
            values.push(f64::from(k) / 20.0);
            values.push(f64::from(k) * 0.1);
        }
        for value in values {
            assert_eq!(num(value), num_with_fmt(value), "{value:e}");
        }
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
        svg.text_with("title", &[], |text| {
            text.push("a<");
            text.push("&b");
        });
        assert_eq!(
            svg.finish(),
            r#"<g class="a&amp;b"><text x="1">&lt;b&gt;</text><circle r="2.6"/><title>a&lt;&amp;b</title></g>"#
        );
    }
}
