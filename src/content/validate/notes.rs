//! Markdown notes and their optional `+++` TOML front matter (`title`, `author`, `date`; a review's
//! also `number`, `signer` and `recipients` for the official document).

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use pulldown_cmark::{Event, Options, Parser};
use toml::de::{DeTable, DeValue};

use super::fields::{Ctx, Fields, type_name};
use crate::content::load::split_front_matter;
use crate::diag;
use crate::domain::model::{Note, Official, Signer};
use crate::messages::Message;

/// The front matter keys of every note.
const NOTE_KEYS: &[&str] = &["title", "author", "date"];
/// A review's: also what its official document needs.
const REVIEW_KEYS: &[&str] = &["title", "author", "date", "number", "signer", "recipients"];

/// Reads a note; front matter problems are reported at their spot in the file.
pub fn note(cx: &mut Ctx<'_>, text: &str) -> Option<Note> {
    read(cx, text, false)
}

/// Reads a year's review: a note whose front matter may also carry `number`, `signer` and
/// `recipients`.
pub fn review(cx: &mut Ctx<'_>, text: &str) -> Option<Note> {
    read(cx, text, true)
}

fn read(cx: &mut Ctx<'_>, text: &str, review: bool) -> Option<Note> {
    let fm = match split_front_matter(text) {
        Ok(fm) => fm,
        Err(at) => {
            cx.diags.add_source(cx.file, text);
            cx.error(at..at + 3, diag!("KM0701"));
            return None;
        }
    };
    let body_at = text.len() - fm.body.len();
    if let Some((at, message)) = nesting_problem(fm.body) {
        cx.diags.add_source(cx.file, text);
        cx.error(body_at + at..body_at + at + 1, message);
        return None;
    }
    let mut note = Note { file: cx.file.to_string(), body: fm.body.to_string(), ..Note::default() };
    let Some((toml_text, offset)) = fm.toml else {
        return Some(note);
    };
    // Parse a copy of the file in which everything but the front matter is blanked out, so that
    // spans are positions in the real file.
    let end = offset + toml_text.len();
    let mut masked = String::with_capacity(text.len());
    masked.push_str(&" ".repeat(offset));
    masked.push_str(toml_text);
    masked.extend(text.as_bytes().get(end..).unwrap_or_default().iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }));
    let table = match DeTable::parse(&masked) {
        Ok(t) => t,
        Err(e) => {
            cx.diags.add_source(cx.file, text);
            let span = e.span().unwrap_or(offset..offset);
            cx.error(span, diag!("KM0704", detail = e.message().trim_end()));
            return None;
        }
    };
    let table = table.into_inner();
    let keys = if review { REVIEW_KEYS } else { NOTE_KEYS };
    let f = Fields::new(cx, &table, offset..offset, "what-front-matter", keys);
    note.title = f.text(cx, "title", false, "\"Sơ kết năm 2024\"").map(|(s, _)| s.to_string());
    note.author = f.text(cx, "author", false, "\"Ban Tổ chức\"").map(|(s, _)| s.to_string());
    note.date = match f.get("date") {
        None => None,
        Some(v) => match v.get_ref() {
            DeValue::Datetime(d) => Some(d.to_string()),
            DeValue::String(s) => Some(s.to_string()),
            other => {
                cx.error(v.span(), diag!("KM0705", found = type_name(other)));
                return None;
            }
        },
    };
    if review {
        note.official = official(cx, &f)?.map(Box::new);
    }
    Some(note)
}

/// A review's `number`, `signer = { role, name }` and `recipients`; `None` inside when it has
/// none of them.
fn official(cx: &mut Ctx<'_>, f: &Fields<'_, '_>) -> Option<Option<Official>> {
    let before = cx.diags.error_count();
    let number = f.text(cx, "number", false, "\"123-BC/BTCTU\"").map(|(s, _)| s.to_string());
    let signer =
        f.table(cx, "signer", false, "{ role = \"K/T TRƯỞNG BAN\", name = \"Nguyễn Văn A\" }").and_then(|(t, span)| {
            let s = Fields::new(cx, t, span, "what-signer", &["role", "name"]);
            let role = s.text(cx, "role", true, "\"K/T TRƯỞNG BAN\"");
            let name = s.text(cx, "name", true, "\"Nguyễn Văn A\"");
            Some(Signer { role: role?.0.to_string(), name: name?.0.to_string() })
        });
    let recipients: Vec<String> = f
        .strings(cx, "recipients", false, "[\"Ban Thường vụ Tỉnh ủy (b/c)\", \"Lưu VP\"]")
        .unwrap_or_default()
        .into_iter()
        .map(|(s, _)| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if cx.diags.error_count() > before {
        return None;
    }
    let official = Official { number, signer, recipients };
    Some((official != Official::default()).then_some(official))
}

/// Deeper nesting than this (quotes, lists, emphasis and raw HTML elements together) is refused:
/// the HTML sanitizer's work grows with the square of the depth.
pub const MAX_NOTE_DEPTH: usize = 100;
/// Raw HTML formatting tags (`<b>`, `<i>`, `<font>`…) open at once: the browser rules re-open each
/// of them in every later paragraph, so many of them multiply the size of the page.
pub const MAX_OPEN_FORMATTING: usize = 12;

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];
/// Elements that the next sibling closes by itself (`<p>a<p>b`): they do not nest.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt",
    "rtc", "rp",
];
const FORMATTING: &[&str] =
    &["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

/// Where a note's Markdown and raw HTML nest too deeply or leave too many formatting tags open:
/// the byte offset in `body` and the message. An estimate of what the sanitizer builds,
/// generous to real notes.
fn nesting_problem(body: &str) -> Option<(usize, Message)> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut depth = 0usize;
    let mut open: Vec<String> = Vec::new();
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                for (at, tag) in tags(&html) {
                    match tag {
                        Tag::Close(name) => {
                            if let Some(i) = open.iter().rposition(|o| *o == name) {
                                open.truncate(i);
                            }
                        }
                        Tag::Open(name) => open.push(name),
                    }
                    let at = range.start + at;
                    if depth + open.len() > MAX_NOTE_DEPTH {
                        return Some((at, too_deep()));
                    }
                    let formatting = open.iter().filter(|o| FORMATTING.contains(&o.as_str())).count();
                    if formatting > MAX_OPEN_FORMATTING {
                        return Some((at, diag!("KM0703", max = MAX_OPEN_FORMATTING)));
                    }
                }
            }
            _ => {}
        }
        if depth + open.len() > MAX_NOTE_DEPTH {
            return Some((range.start, too_deep()));
        }
    }
    None
}

fn too_deep() -> Message {
    diag!("KM0702", max = MAX_NOTE_DEPTH)
}

enum Tag {
    Open(String),
    Close(String),
}

/// The start and end tags in a piece of raw HTML that open or close an element, with their offsets,
/// lazily. Void, self-closing and optional-end elements open nothing.
fn tags(html: &str) -> impl Iterator<Item = (usize, Tag)> + '_ {
    let bytes = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(lt) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
            let at = i + lt;
            let close = bytes.get(at + 1) == Some(&b'/');
            let name_at = at + 1 + usize::from(close);
            let name_len =
                bytes.get(name_at..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_alphanumeric()).count());
            i = name_at + name_len;
            if name_len == 0 || !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let name = html.get(name_at..name_at + name_len).unwrap_or_default().to_ascii_lowercase();
            if close {
                return Some((at, Tag::Close(name)));
            }
            // The tag ends at the next `>`; looking no further than the next `<` keeps this linear.
            let end = bytes.get(i..).and_then(|r| r.iter().position(|&b| b == b'>' || b == b'<')).map(|p| i + p);
            let self_closing = end.is_some_and(|e| bytes.get(e) == Some(&b'>') && bytes.get(e - 1) == Some(&b'/'));
            if !self_closing && !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str()) {
                return Some((at, Tag::Open(name)));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_notes_nest_shallowly() {
        let note = "# T\n\n> quote\n> - a\n>   - b **bold** <b>x</b> <br> <img src=a.png/>\n\n<p>a<p>b<div>c</div>\n";
        assert!(nesting_problem(note).is_none());
        assert!(nesting_problem(&"<p>x".repeat(10_000)).is_none());
        assert!(nesting_problem(&"<b>x</b>".repeat(10_000)).is_none());
    }

    #[test]
    fn deep_or_open_formatting_is_refused() {
        let (at, msg) = nesting_problem(&("x\n\n".to_string() + &"> ".repeat(500))).unwrap();
        assert!(msg.code == Some("KM0702") && at >= 3, "{msg:?} at {at}");
        assert_eq!(nesting_problem(&"<div>".repeat(500)).unwrap().1.code, Some("KM0702"));
        let (_, msg) = nesting_problem(&(0..20).map(|i| format!("<b id={i}>")).collect::<String>()).unwrap();
        assert_eq!(msg.code, Some("KM0703"), "{msg:?}");
    }
}
