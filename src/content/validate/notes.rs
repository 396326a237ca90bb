//! Markdown notes and their optional `+++` TOML front matter (`title`, `author`, `date`; a review's
//! also `number`, `signer` and `recipients` for the official document).

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag as MdTag};
use toml::de::{DeTable, DeValue};

use super::fields::{Ctx, Fields, type_name};
use crate::content::load::{self, ContentFile, FileProblem, split_front_matter};
use crate::diag;
use crate::domain::model::{Note, Official, Signer};
use crate::domain::safe::{NOTE_FILE_KINDS, files_target, is_relative, note_file_kind};
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
            // The mistakes a clerk makes in a front matter are those of any TOML file.
            let message = match crate::content::syntax::explain(&masked, e.message().trim_end(), Some(span.clone())) {
                m if m.code == Some("KM0100") => diag!("KM0704", detail = e.message().trim_end()),
                m => m,
            };
            cx.error(span, message);
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

/// Checks the relative links and images of a note read from `text` against its `files/` folder
/// `folder` (SPEC section 2): each that points at nothing, outside `files/` or at a kind that is
/// not published is a warning at its spot; the files found go into `note.files` and their
/// digests into `digests`.
pub fn check_files(
    cx: &mut Ctx<'_>,
    text: &str,
    note: &mut Note,
    folder: &ContentFile,
    digests: &mut Vec<(String, [u8; 32])>,
) {
    let body_at = text.len() - note.body.len();
    let mut found: Vec<String> = Vec::new();
    for (range, url) in references(&note.body) {
        if !is_relative(&url) {
            continue;
        }
        let span = body_at + range.start..body_at + range.end;
        let Some(path) = files_target(&url) else {
            cx.warning(span, diag!("KM0708", url = url.trim(), folder = &folder.rel));
            continue;
        };
        if found.contains(&path) {
            continue;
        }
        if note_file_kind(&path).is_none() {
            cx.warning(span, diag!("KM0707", file = &path, kinds = NOTE_FILE_KINDS.join(", ")));
            continue;
        }
        let file = format!("{}/{path}", folder.rel);
        match load::note_file(folder, &path) {
            Ok(digest) => {
                digests.push((file, digest));
                found.push(path);
            }
            Err(FileProblem::Missing) => {
                cx.warning(span, diag!("KM0706", url = url.trim(), file = &file));
            }
            Err(FileProblem::Unreadable(reason)) => {
                cx.warning(span, diag!("KM0010", reason = reason)).hint(crate::msg!("in-file", file = &file));
            }
        }
    }
    found.sort();
    note.files = found;
}

/// The URLs of a note's links and images, Markdown or raw HTML (`<a href>`, `<img src>`), with
/// the byte range in `body` where each is written (the whole link where the URL cannot be placed).
fn references(body: &str) -> Vec<(Range<usize>, String)> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        match event {
            Event::Start(MdTag::Link { dest_url, .. } | MdTag::Image { dest_url, .. }) => {
                // Point at the URL itself where it is written inside the link.
                let written = body.get(range.clone()).and_then(|t| t.rfind(dest_url.as_ref()));
                let at = written.map_or(range.clone(), |i| range.start + i..range.start + i + dest_url.len());
                out.push((at, dest_url.to_string()));
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for (at, len, url) in html_urls(&html) {
                    out.push((range.start + at..range.start + at + len, url));
                }
            }
            _ => {}
        }
    }
    out
}

/// The `href` of each `<a>` and the `src` of each `<img>` in a piece of raw HTML: (offset, length,
/// value with `&amp;` decoded).
fn html_urls(html: &str) -> Vec<(usize, usize, String)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = lower.get(i..).and_then(|r| r.find('<')) {
        let at = i + lt + 1;
        let name_len = lower.get(at..).map_or(0, |r| r.bytes().take_while(u8::is_ascii_alphanumeric).count());
        let name = lower.get(at..at + name_len).unwrap_or_default();
        let end = lower.get(at..).and_then(|r| r.find('>')).map_or(lower.len(), |e| at + e);
        i = at.max(end);
        let attr = match name {
            "a" => "href",
            "img" => "src",
            _ => continue,
        };
        let tag = lower.get(at + name_len..end).unwrap_or_default();
        let mut from = 0;
        while let Some(p) = tag.get(from..).and_then(|r| r.find(attr)) {
            let start = from + p;
            from = start + attr.len();
            let before_ok = tag.as_bytes().get(start.wrapping_sub(1)).is_some_and(u8::is_ascii_whitespace);
            let rest = tag.get(from..).unwrap_or_default();
            let after = rest.trim_start();
            let Some(value) = after.strip_prefix('=').filter(|_| before_ok) else { continue };
            let value_trim = value.trim_start();
            let offset = at + name_len + from + (rest.len() - value_trim.len());
            let (v_at, v_len) = match value_trim.bytes().next() {
                Some(q @ (b'"' | b'\'')) => {
                    let len = value_trim.get(1..).and_then(|r| r.find(q as char)).unwrap_or(value_trim.len() - 1);
                    (offset + 1, len)
                }
                _ => (offset, value_trim.bytes().take_while(|b| !b.is_ascii_whitespace()).count()),
            };
            if let Some(v) = html.get(v_at..v_at + v_len) {
                out.push((v_at, v_len, v.replace("&amp;", "&")));
            }
            break;
        }
    }
    out
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
    fn references_in_markdown_and_html() {
        let body = "![Họp](files/hop.jpg) [x](<files/a b.pdf>)\n\n<img alt=x SRC='files/c.png'> <a href=files/d.pdf>d</a>\n[r]\n\n[r]: files/e.docx\n";
        let refs = references(body);
        let urls: Vec<&str> = refs.iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(urls, ["files/hop.jpg", "files/a b.pdf", "files/c.png", "files/d.pdf", "files/e.docx"]);
        assert_eq!(&body[refs[0].0.clone()], "files/hop.jpg");
        assert_eq!(&body[refs[2].0.clone()], "files/c.png");
        assert_eq!(&body[refs[3].0.clone()], "files/d.pdf");
    }

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
