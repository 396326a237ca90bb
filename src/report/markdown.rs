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
        // Schemes are judged by `note_url` (per element); ammonia's own check stays as a backstop.
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        // `cite` is a URL no reader sees; it only leaks where the text came from, or worse.
        .rm_tag_attributes("blockquote", &["cite"])
        .rm_tag_attributes("q", &["cite"])
        .rm_tag_attributes("del", &["cite"])
        .rm_tag_attributes("ins", &["cite"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("a", "href") => note_url(value, UrlUse::Link).map(Into::into),
            ("img", "src") => note_url(value, UrlUse::Image).map(Into::into),
            (_, "cite") => None,
            _ => Some(value.into()),
        })
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[derive(Clone, Copy, PartialEq)]
enum UrlUse {
    Link,
    Image,
}

/// The one URL policy of notes (SPEC section 4, issue 13.9): a relative path into the note's
/// `files/`, and for links also a `#fragment`, an absolute `http(s)://host` or `mailto:`.
/// Everything else is dropped, above all what a browser resolves off the site: `//host`,
/// `/\host`, `\\host`, `\t//host` and `..` in any spelling. Returns the URL as it will be written.
fn note_url(raw: &str, usage: UrlUse) -> Option<String> {
    // Browsers drop tabs and newlines anywhere in a URL and trim controls and spaces at its ends,
    // so judge the URL they would see, not the one typed.
    let url: String = raw.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let url = url.trim_matches(|c: char| c <= ' ');
    // A backslash is a slash to a browser (and `%5c` after decoding): never needed, often hostile.
    if url.is_empty() || url.contains('\\') || url.to_ascii_lowercase().contains("%5c") {
        return None;
    }
    if let Some(fragment) = url.strip_prefix('#') {
        return (usage == UrlUse::Link && !fragment.is_empty()).then(|| url.to_string());
    }
    match scheme(url) {
        Some(s) if usage == UrlUse::Link && (s == "http" || s == "https") => {
            let rest = &url[s.len() + 1..];
            let host = rest.strip_prefix("//")?.split(['/', '?', '#']).next().unwrap_or("");
            (!host.is_empty()).then(|| url.to_string())
        }
        Some("mailto") if usage == UrlUse::Link && url.len() > "mailto:".len() => Some(url.to_string()),
        Some(_) => None,
        None => files_path(url).then(|| url.to_string()),
    }
}

/// The scheme of an absolute URL, lowercased; `None` for a relative reference. A colon after the
/// first `/`, `?` or `#` belongs to the path, not to a scheme.
fn scheme(url: &str) -> Option<&'static str> {
    let end = url.find(':')?;
    let head = &url[..end];
    if head.contains(['/', '?', '#']) {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    Some(match lower.as_str() {
        "http" => "http",
        "https" => "https",
        "mailto" => "mailto",
        _ => "other",
    })
}

/// `files/<name>` (sub-folders allowed): no leading slash, no `.` or `..` segment however spelled
/// (`%2e` is a dot to a browser), nothing empty between slashes.
fn files_path(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/');
    if segments.next() != Some("files") {
        return false;
    }
    let rest: Vec<&str> = segments.collect();
    !rest.is_empty()
        && rest.iter().all(|seg| {
            let decoded = seg.to_ascii_lowercase().replace("%2e", ".");
            !seg.is_empty() && decoded != "." && decoded != ".."
        })
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
    fn cite_attributes_are_dropped() {
        let html = to_safe_html(
            "<blockquote cite=\"https://evil.example\">a</blockquote><q cite=\"//evil\">b</q>\
             <del cite=\"x\">c</del><ins cite=\"files/a.pdf\">d</ins>",
        );
        assert!(!html.contains("cite"), "{html}");
        assert!(html.contains("<blockquote>") && html.contains("<ins>d</ins>"), "{html}");
    }
}
