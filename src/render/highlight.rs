//! Fenced code highlighted by syntect with CSS classes (`hl-…`), never inline styles,
//! and the stylesheet of those classes for a light and a dark theme.

use std::cell::OnceCell;
use std::fmt::Write;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::escape;

/// The prefix of every class syntect writes, so they cannot clash with the site's.
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

thread_local! {
    /// The syntax definitions, loaded by each thread on its first code block. One set
    /// shared between threads is slower than one each: they contend for the caches of
    /// its regexes.
    static SYNTAXES: OnceCell<SyntaxSet> = const { OnceCell::new() };
}

/// Highlights code blocks. The syntax definitions are loaded on the first block, so a
/// dossier without code pays nothing.
#[derive(Debug, Default)]
pub struct Highlighter;

impl Highlighter {
    /// A highlighter with nothing loaded yet.
    pub fn new() -> Self {
        Self
    }

    /// The HTML of a code block in `language` (the first word of the fence's info
    /// string), as `<pre><code>` with highlighted spans when the language is known.
    pub fn block(&self, code: &str, language: Option<&str>) -> String {
        let language = language.map(str::trim).filter(|l| !l.is_empty());
        let highlighted = language.and_then(|token| {
            SYNTAXES.with(|cell| {
                let syntaxes = cell.get_or_init(SyntaxSet::load_defaults_newlines);
                let syntax = syntaxes.find_syntax_by_token(token)?;
                let mut generator =
                    ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, STYLE);
                for line in LinesWithEndings::from(code) {
                    generator
                        .parse_html_for_line_which_includes_newline(line)
                        .ok()?;
                }
                Some(generator.finalize())
            })
        });
        let class = language.map_or(String::new(), |l| {
            format!(" class=\"language-{}\"", escape::html(l))
        });
        match highlighted {
            Some(html) => format!("<pre class=\"code hl-code\"><code{class}>{html}</code></pre>\n"),
            None => format!(
                "<pre class=\"code\"><code{class}>{}</code></pre>\n",
                escape::html(code)
            ),
        }
    }
}

/// The stylesheet of the highlighting classes: a light theme, and a dark one when the
/// system asks for it.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|theme| css_for_theme_with_class_style(theme, STYLE).ok())
            .map(|css| legible(&css))
            .unwrap_or_default()
    };
    let mut out = String::from("/* Code highlighting (syntect): light, then dark. */\n");
    out.push_str(&css("InspiredGitHub"));
    out.push_str("\n@media (prefers-color-scheme: dark) {\n");
    out.push_str(&css("base16-ocean.dark"));
    out.push_str("}\n");
    out
}

/// The smallest contrast between text and background the stylesheet allows (WCAG AA
/// for normal text, with a margin).
const MIN_CONTRAST: f64 = 4.6;

/// A theme's stylesheet with every text colour darkened (on a light background) or
/// lightened (on a dark one) until it reads against its background: the default
/// themes have comments and constants too pale for WCAG AA.
fn legible(css: &str) -> String {
    let background = |rule: &str| {
        rule.split("background-color:")
            .nth(1)
            .and_then(|rest| parse_hex(rest.trim_start()))
    };
    let theme_background = css
        .split('}')
        .find(|rule| rule.contains(".hl-code"))
        .and_then(background)
        .unwrap_or((255, 255, 255));
    let mut out = String::with_capacity(css.len());
    for (i, rule) in css.split('}').enumerate() {
        if i > 0 {
            out.push('}');
        }
        let back = background(rule).unwrap_or(theme_background);
        let mut rest = rule;
        while let Some(at) = rest.find("color:") {
            let is_background = rest[..at].ends_with("background-");
            out.push_str(&rest[..at + "color:".len()]);
            rest = &rest[at + "color:".len()..];
            let value = rest.trim_start();
            if let Some(color) = parse_hex(value).filter(|_| !is_background) {
                let (r, g, b) = readable(color, back);
                out.push_str(&rest[..rest.len() - value.len()]);
                let _ = write!(out, "#{r:02x}{g:02x}{b:02x}");
                rest = &value[7..];
            }
        }
        out.push_str(rest);
    }
    out
}

/// `#rrggbb` at the start of `text`.
fn parse_hex(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.strip_prefix('#')?.get(..6)?;
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// Relative luminance (WCAG 2).
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// Contrast ratio between two colours.
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color`, moved towards black or white (away from `back`) until it reads on `back`.
fn readable(color: (u8, u8, u8), back: (u8, u8, u8)) -> (u8, u8, u8) {
    let target = if luminance(back) > 0.18 { 0.0 } else { 255.0 };
    // Between a channel and 0 or 255: always within u8.
    #[allow(clippy::cast_sign_loss)]
    let mix = |c: u8, t: f64| {
        (f64::from(c) + (target - f64::from(c)) * t)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    (0..=20)
        .map(|step| f64::from(step) / 20.0)
        .map(|t| (mix(color.0, t), mix(color.1, t), mix(color.2, t)))
        .find(|&c| contrast(c, back) >= MIN_CONTRAST)
        .unwrap_or(color)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_and_unknown_ones_are_escaped() {
        let h = Highlighter::new();
        let html = h.block("key: <value>\n", Some("yaml"));
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
        assert!(html.contains("&lt;value&gt;"));
        let plain = h.block("<script>\n", Some("nosuchlanguage"));
        assert!(plain.contains("&lt;script&gt;"));
        assert!(
            h.block("x", Some("\"><script>"))
                .contains("language-&quot;&gt;&lt;script&gt;")
        );
    }

    #[test]
    fn every_text_colour_reads_on_its_background() {
        let css = stylesheet();
        let (light, dark) = css.split_once("@media").expect("two themes");
        for sheet in [light, dark] {
            let theme_back = sheet
                .split('}')
                .find(|rule| rule.contains(".hl-code"))
                .and_then(|rule| rule.split("background-color:").nth(1))
                .and_then(|v| parse_hex(v.trim_start()))
                .expect("theme background");
            for rule in sheet.split('}') {
                let back = rule
                    .split("background-color:")
                    .nth(1)
                    .and_then(|v| parse_hex(v.trim_start()))
                    .unwrap_or(theme_back);
                for line in rule
                    .lines()
                    .map(str::trim)
                    .filter(|l| l.starts_with("color:"))
                {
                    let color = parse_hex(line["color:".len()..].trim_start()).expect("hex colour");
                    assert!(contrast(color, back) >= 4.5, "{line} on {back:?} in {rule}");
                }
            }
        }
    }

    #[test]
    fn stylesheet_has_both_themes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
