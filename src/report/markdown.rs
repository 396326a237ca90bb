//! Notes: Markdown to HTML (tables, footnotes, strikethrough), then sanitized, because a note is
//! typed by people and published on the intranet: no script, handler, `javascript:` URL or frame.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders a note's Markdown into safe HTML.
pub fn to_safe_html(markdown: &str) -> String {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, external_links_as_text(Parser::new_ext(markdown, opts)));
    sanitize(&raw)
}

/// The site must not point outside itself (it is read on an intranet and from file://), but a
/// note's reference must not be lost either: `[text](https://x)` becomes `text (https://x)`.
fn external_links_as_text<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut pending: Vec<Option<CowStr<'a>>> = Vec::new();
    events.flat_map(move |e| -> Vec<Event<'a>> {
        match e {
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                if is_external(dest_url) {
                    pending.push(Some(dest_url.clone()));
                    vec![]
                } else {
                    pending.push(None);
                    vec![e]
                }
            }
            Event::End(TagEnd::Link) => match pending.pop().flatten() {
                Some(url) => vec![Event::Text(format!(" ({url})").into())],
                None => vec![e],
            },
            other => vec![other],
        }
    })
}

fn is_external(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.contains("://") || u.starts_with("//")
}

fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        // Nothing may point or load outside the site; e-mail addresses stay clickable.
        .url_schemes(HashSet::from(["mailto"]))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if is_remote_or_scripted(value) => None,
            _ => Some(value.into()),
        })
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

fn is_remote_or_scripted(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    is_external(&u) || u.starts_with("javascript:") || u.starts_with("data:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_and_strikethrough() {
        let html = to_safe_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ note[^1]\n\n[^1]: foot\n");
        assert!(html.contains("<table>") && html.contains("<del>old</del>"));
        assert!(html.contains("foot"));
    }

    #[test]
    fn external_links_become_text() {
        let html = to_safe_html("See [the decree](https://example.org/d.pdf) and [page](../x/index.html).");
        assert!(html.contains("the decree (https://example.org/d.pdf)"), "{html}");
        assert!(!html.contains("href=\"https://"));
        assert!(html.contains("href=\"../x/index.html\""));
    }

    #[test]
    fn neutralises_hostile_html() {
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>\
            <a href=\"javascript:alert(1)\">x</a><iframe src=\"https://evil\"></iframe>\
            <img src=\"https://evil/p.png\"><form action=\"https://evil\"><input></form>\
            <svg><script>alert(1)</script></svg><p style=\"background:url(x)\">t</p>";
        let html = to_safe_html(hostile);
        for bad in ["<script", "onerror", "javascript:", "<iframe", "https://evil", "<form", "style=", "<svg"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
    }
}
