//! Notes: Markdown to HTML (tables, footnotes, strikethrough), then sanitized, because a note is
//! typed by people and published on the intranet: no script, handler, `javascript:` URL or frame.

use std::collections::HashSet;

use pulldown_cmark::{Options, Parser, html};

/// Renders a note's Markdown into safe HTML.
pub fn to_safe_html(markdown: &str) -> String {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, opts));
    sanitize(&raw)
}

fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        // Links may go anywhere a user can click; nothing may load from outside the site.
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
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
    u.contains("://") || u.starts_with("//") || u.starts_with("javascript:") || u.starts_with("data:")
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
