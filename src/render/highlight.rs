//! Fenced code highlighted by syntect with CSS classes (`hl-…`), never inline styles,
//! and the stylesheet of those classes for a light and a dark theme.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::escape::escape_html;

/// The prefix of every class syntect writes, so they cannot clash with the site's.
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Highlights code blocks. The syntax definitions are loaded on the first block, so a
/// dossier without code pays nothing.
#[derive(Debug, Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
}

impl Highlighter {
    /// A highlighter with nothing loaded yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The HTML of a code block in `language` (the first word of the fence's info
    /// string), as `<pre><code>` with highlighted spans when the language is known.
    pub fn block(&self, code: &str, language: Option<&str>) -> String {
        let language = language.map(str::trim).filter(|l| !l.is_empty());
        let highlighted = language.and_then(|token| {
            let syntaxes = self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
            let syntax = syntaxes.find_syntax_by_token(token)?;
            let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, STYLE);
            for line in LinesWithEndings::from(code) {
                generator
                    .parse_html_for_line_which_includes_newline(line)
                    .ok()?;
            }
            Some(generator.finalize())
        });
        let class = language.map_or(String::new(), |l| {
            format!(" class=\"language-{}\"", escape_html(l))
        });
        match highlighted {
            Some(html) => format!("<pre class=\"code hl-code\"><code{class}>{html}</code></pre>\n"),
            None => format!(
                "<pre class=\"code\"><code{class}>{}</code></pre>\n",
                escape_html(code)
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
            .map(readable)
            .and_then(|theme| css_for_theme_with_class_style(&theme, STYLE).ok())
            .unwrap_or_default()
    };
    let mut out = String::from("/* Code highlighting (syntect): light, then dark. */\n");
    out.push_str(&css("InspiredGitHub"));
    out.push_str("\n@media (prefers-color-scheme: dark) {\n");
    out.push_str(&css("base16-ocean.dark"));
    out.push_str("}\n");
    out
}

/// A copy of `theme` whose text colours all reach a contrast of 4.5:1 (WCAG AA) on its
/// background: faint colours (comments, often) are darkened on a light background and
/// lightened on a dark one.
fn readable(theme: &syntect::highlighting::Theme) -> syntect::highlighting::Theme {
    use syntect::highlighting::Color;
    let mut theme = theme.clone();
    let background = theme.settings.background.unwrap_or(Color::WHITE);
    let dark = luminance(background) < 0.5;
    let fix = |color: &mut Color| {
        for _ in 0..20 {
            if contrast(*color, background) >= 4.6 {
                return;
            }
            let toward: u8 = if dark { 255 } else { 0 };
            let step =
                |c: u8| (f32::from(c) + (f32::from(toward) - f32::from(c)) * 0.15).round() as u8;
            *color = Color {
                r: step(color.r),
                g: step(color.g),
                b: step(color.b),
                a: 255,
            };
        }
    };
    if let Some(foreground) = theme.settings.foreground.as_mut() {
        fix(foreground);
    }
    for item in &mut theme.scopes {
        if let Some(foreground) = item.style.foreground.as_mut() {
            fix(foreground);
        }
    }
    theme
}

/// Relative luminance of a colour (WCAG).
fn luminance(color: syntect::highlighting::Color) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)
}

/// Contrast ratio between two colours (WCAG), from 1 to 21.
fn contrast(a: syntect::highlighting::Color, b: syntect::highlighting::Color) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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
    fn every_theme_colour_is_readable_on_its_background() {
        let themes = ThemeSet::load_defaults();
        for name in ["InspiredGitHub", "base16-ocean.dark"] {
            let theme = readable(&themes.themes[name]);
            let background = theme.settings.background.expect("background");
            for item in &theme.scopes {
                if let Some(foreground) = item.style.foreground {
                    assert!(
                        contrast(foreground, background) >= 4.5,
                        "{name}: {foreground:?}"
                    );
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
