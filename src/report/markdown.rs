//! Notes: Markdown to HTML (tables, footnotes, strikethrough), then sanitized, because a note is
//! typed by people and published on the intranet: no script, handler, `javascript:` URL or frame.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::domain::safe::{UrlUse, files_target, note_url};

/// Renders a note's Markdown into safe HTML, every `files/` link kept as typed.
pub fn to_safe_html(markdown: &str) -> String {
    render(markdown, String::new(), None)
}

/// [`to_safe_html`] for a page that finds the note's `files/` folder at `files_at` (a relative
/// folder path ending in `/`, such as `../../districts/d/`, or empty beside the page):
/// `files/x.jpg` becomes `<files_at>files/x.jpg`. A link or image into `files/` that is not one of
/// `published` (paths under `files/`, as `Note::files` holds them) is dropped: nothing broken is
/// shown (the check warned of it).
pub fn to_safe_html_at(markdown: &str, files_at: &str, published: &[String]) -> String {
    render(markdown, files_at.to_string(), Some(published.to_vec()))
}

fn render(markdown: &str, files_at: String, published: Option<Vec<String>>) -> String {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, external_links_as_text(Parser::new_ext(markdown, opts)));
    sanitize(&raw, files_at, published)
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

fn sanitize(html: &str, files_at: String, published: Option<Vec<String>>) -> String {
    let placed = move |url: String| -> Option<String> {
        let Some(target) = files_target(&url) else {
            return Some(url);
        };
        if published.as_ref().is_some_and(|p| !p.contains(&target)) {
            return None;
        }
        Some(format!("{files_at}{url}"))
    };
    ammonia::Builder::default()
        // Schemes are judged by `note_url` (per element); ammonia's own check stays as a backstop.
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        // `cite` is a URL no reader sees; it only leaks where the text came from, or worse.
        .rm_tag_attributes("blockquote", &["cite"])
        .rm_tag_attributes("q", &["cite"])
        .rm_tag_attributes("del", &["cite"])
        .rm_tag_attributes("ins", &["cite"])
        .attribute_filter(move |element, attribute, value| match (element, attribute) {
            ("a", "href") => note_url(value, UrlUse::Link).and_then(&placed).map(Into::into),
            ("img", "src") => note_url(value, UrlUse::Image).and_then(&placed).map(Into::into),
            (_, "cite") => None,
            _ => Some(value.into()),
        })
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
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
        let html = to_safe_html("See [the decree](https://example.org/d.pdf) and [minutes](files/bien-ban.pdf).");
        assert!(html.contains("the decree (https://example.org/d.pdf)"), "{html}");
        assert!(!html.contains("href=\"https://"));
        assert!(html.contains("href=\"files/bien-ban.pdf\""), "{html}");
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

    /// The href (or src) that survives, if any, of one element.
    fn surviving(html: &str, attr: &str) -> Option<String> {
        let out = to_safe_html(html);
        let at = out.find(&format!("{attr}=\""))? + attr.len() + 2;
        Some(out[at..at + out[at..].find('"').unwrap()].to_string())
    }

    #[test]
    fn links_off_the_site_are_dropped_however_spelled() {
        for href in [
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "\t//evil.example",
            "/\t/evil.example",
            " //evil.example",
            "/evil",
            "../x/index.html",
            "files/../../x",
            "files/%2e%2e/x",
            "files/.%2E/x",
            "files%5c..%5cx",
            "other/x.pdf",
            "x.pdf",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "http:evil.example",
            "https:/evil.example",
            "http://",
            "mailto:",
            "#",
        ] {
            let html = format!("<a href=\"{}\">x</a>", href.replace('"', "&quot;"));
            assert_eq!(surviving(&html, "href"), None, "{href:?} survived");
        }
    }

    #[test]
    fn links_into_files_fragments_http_and_mailto_survive() {
        for (href, want) in [
            ("files/bien-ban.pdf", "files/bien-ban.pdf"),
            ("files/2024/anh%20hop.jpg", "files/2024/anh%20hop.jpg"),
            ("files/a.pdf#page=2", "files/a.pdf#page=2"),
            ("#muc-1", "#muc-1"),
            ("https://thaibinh.dcs.vn/x", "https://thaibinh.dcs.vn/x"),
            ("HTTP://example.org", "HTTP://example.org"),
            ("mailto:btc@thaibinh.vn", "mailto:btc@thaibinh.vn"),
            ("files/a\t.pdf", "files/a.pdf"),
        ] {
            let html = format!("<a href=\"{href}\">x</a>");
            assert_eq!(surviving(&html, "href").as_deref(), Some(want), "{href:?}");
        }
    }

    #[test]
    fn images_load_only_from_files() {
        assert_eq!(surviving("![Họp](files/hop.jpg)", "src").as_deref(), Some("files/hop.jpg"));
        for src in [
            "https://evil.example/p.png",
            "//evil.example/p.png",
            "/\\evil.example/p.png",
            "\\\\evil.example\\p.png",
            "\t//evil.example/p.png",
            "mailto:a@b",
            "#x",
            "data:image/png;base64,AAAA",
            "x.png",
            "files/../p.png",
        ] {
            assert_eq!(surviving(&format!("<img src=\"{src}\">"), "src"), None, "{src:?} survived");
        }
    }

    #[test]
    fn files_links_are_placed_where_the_page_finds_them() {
        let md = "![a](files/a.jpg) [b](files/b%20c.pdf) [c](#c) ![gone](files/gone.jpg) [x](files/x.exe)";
        let html = to_safe_html_at(md, "../../districts/d/", &["a.jpg".into(), "b c.pdf".into()]);
        assert!(html.contains("src=\"../../districts/d/files/a.jpg\""), "{html}");
        assert!(html.contains("href=\"../../districts/d/files/b%20c.pdf\""), "{html}");
        assert!(html.contains("href=\"#c\""), "{html}");
        assert!(!html.contains("gone.jpg") && !html.contains("x.exe") && html.contains("alt=\"gone\""), "{html}");
    }

    #[test]
    fn cite_attributes_are_dropped() {
        let html = to_safe_html(
            "<blockquote cite=\"https://evil.example\">a</blockquote><q cite=\"//evil\">b</q>\
             <del cite=\"x\">c</del><ins cite=\"files/a.pdf\">d</ins>",
        );
        assert!(!html.contains("cite"), "{html}");
        assert!(html.contains("<blockquote>") && html.contains("<ins>d</ins>"), "{html}");
    }
}
