//! What the pages show of how well a claim is sourced, written once here for every page
//! and the briefing: the "single source" mark (and "unsourced" for a claim citing
//! nothing), with its explanation on hover and in print.

use crate::escape::push_html;
use crate::labels::Labels;
use crate::model::Support;

/// Appends the mark of a claim resting on a single independent source (nothing for
/// another claim): `<p class="corroboration single-source" title="…">single source
/// <span class="mark-detail">(…)</span></p>`. The explanation, with the number of
/// sources cited, shows on hover (`title`) and in print (`.mark-detail`).
pub fn push_mark(html: &mut String, support: Support, l: &Labels) {
    push_mark_with(
        html,
        support,
        l,
        Explained {
            on_hover: true,
            in_text: true,
        },
    );
}

/// The mark of [`push_mark`] with its explanation written once, in the text: no
/// `title`; the stylesheet shows `.mark-detail` on hover in `.event` (the chronology),
/// screen readers read it, print shows it.
/// `<p class="corroboration single-source"><span class="mark">single source</span>
/// <span class="mark-detail">(…)</span></p>`.
pub fn push_mark_once(html: &mut String, support: Support, l: &Labels) {
    push_mark_with(
        html,
        support,
        l,
        Explained {
            on_hover: false,
            in_text: true,
        },
    );
}

/// The mark alone, for a compact list whose items link to the page that explains them:
/// `<p class="corroboration single-source" title="…"><span class="mark">single
/// source</span></p>`, the explanation on hover only (nothing for another claim).
pub fn push_brief_mark(html: &mut String, support: Support, l: &Labels) {
    push_mark_with(
        html,
        support,
        l,
        Explained {
            on_hover: true,
            in_text: false,
        },
    );
}

/// Where a mark's explanation is written.
#[derive(Debug, Clone, Copy)]
struct Explained {
    /// In the `title` attribute, shown on hover.
    on_hover: bool,
    /// In the text, as `.mark-detail`.
    in_text: bool,
}

/// The single-source mark (nothing for another claim), its explanation where `explained`
/// says.
fn push_mark_with(html: &mut String, support: Support, l: &Labels, explained: Explained) {
    let (class, mark, detail) = if support.sources == 0 {
        ("no-source", l.no_source, l.no_source_note.to_string())
    } else if support.single() {
        ("single-source", l.single_source, detail(support, l))
    } else {
        return;
    };
    html.push_str("<p class=\"corroboration ");
    html.push_str(class);
    html.push('"');
    if explained.on_hover {
        html.push_str(" title=\"");
        push_html(html, &detail);
        html.push('"');
    }
    html.push_str("><span class=\"mark\">");
    push_html(html, mark);
    html.push_str("</span>");
    if explained.in_text {
        html.push_str(" <span class=\"mark-detail\">(");
        push_html(html, &detail);
        html.push_str(")</span>");
    }
    html.push_str("</p>\n");
}

/// [`push_mark`] as a string, for the templates (`{{ x.mark | safe }}`).
pub fn mark(support: Support, l: &Labels) -> String {
    let mut html = String::new();
    push_mark(&mut html, support, l);
    html
}

/// "rests on a single independent source: 2 sources cited".
fn detail(support: Support, l: &Labels) -> String {
    let cited = if support.sources == 1 {
        l.source_cited
    } else {
        l.sources_cited
    };
    format!(
        "{}{} {} {cited}",
        l.single_source_note, l.colon, support.sources
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::site as labels;
    use crate::model::Language;

    #[test]
    fn only_a_single_independent_source_is_marked() {
        let l = labels(Language::Fr);
        let one = Support {
            sources: 2,
            independent: 1,
        };
        let html = mark(one, l);
        assert!(html.contains(">source unique</span>"), "{html}");
        assert!(html.contains("repose sur une seule source indépendante\u{a0}: 2 sources citées"));
        let two = Support {
            sources: 2,
            independent: 2,
        };
        assert_eq!(mark(two, l), "");
        let none = mark(Support::default(), l);
        assert!(none.contains("class=\"corroboration no-source\""), "{none}");
        assert!(none.contains(">sans source</span>"), "{none}");
    }

    #[test]
    fn the_mark_written_once_keeps_its_explanation_in_the_text() {
        let l = labels(Language::En);
        let one = Support {
            sources: 1,
            independent: 1,
        };
        let mut html = String::new();
        push_mark_once(&mut html, one, l);
        assert_eq!(
            html,
            "<p class=\"corroboration single-source\"><span class=\"mark\">single source</span> \
             <span class=\"mark-detail\">(rests on a single independent source: 1 source \
             cited)</span></p>\n"
        );
        let mut none = String::new();
        push_mark_once(&mut none, Support::default(), l);
        assert_eq!(
            none,
            "<p class=\"corroboration no-source\"><span class=\"mark\">unsourced</span> \
             <span class=\"mark-detail\">(cites no source)</span></p>\n"
        );
    }
}
