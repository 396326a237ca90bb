//! A Markdown note's bytes: the front matter splitter, note validation, and the sanitized HTML a
//! valid note becomes (as a build renders it).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match kieumau::content::load::split_front_matter(text) {
            Ok(fm) => {
                assert!(text.ends_with(fm.body), "the body is the end of the file");
                if let Some((toml, at)) = fm.toml {
                    assert_eq!(text.get(at..at + toml.len()), Some(toml), "the front matter is where it says");
                    assert!(at + toml.len() <= text.len() - fm.body.len());
                }
            }
            Err(at) => assert!(at < text.len().max(1)),
        }
    }
    let (note, diags) = kieumau::content::validate::check_note_bytes(data);
    common::report(&diags);
    if let Some(note) = note {
        let html = kieumau::report::markdown::to_safe_html(&note.body);
        // Text escapes `<`, so every `<` opens a tag: no tag is a script, an event handler or a
        // script URL.
        let lower = html.to_ascii_lowercase();
        for tag in lower.split('<').skip(1) {
            assert!(!tag.starts_with("script") && !tag.starts_with("iframe"), "{html}");
            for (name, value) in attributes(tag) {
                assert!(!name.starts_with("on"), "{name} in {html}");
                let url = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "cite", "background"];
                if url.contains(&name.as_str()) {
                    assert!(!value.trim().starts_with("javascript:"), "{name}={value} in {html}");
                }
            }
        }
    }
});

/// The attributes of a serialized start tag (`a href="x" rel="y">…`): values are in double quotes.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let name_end = tag.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(tag.len());
    if !tag[name_end..].starts_with(char::is_whitespace) {
        return out; // no attributes
    }
    let mut rest = &tag[name_end..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest.starts_with('>') || rest.starts_with('/') {
            return out;
        }
        let end = rest.find(|c: char| c == '=' || c == '>' || c.is_whitespace()).unwrap_or(rest.len()).max(1);
        let name = rest[..end].to_string();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(after) = rest.trim_start().strip_prefix("=\"") {
            let close = after.find('"').unwrap_or(after.len());
            value = after[..close].to_string();
            rest = after.get(close + 1..).unwrap_or_default();
        }
        out.push((name, value));
    }
}
