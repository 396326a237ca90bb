//! Markdown notes and their optional `+++` TOML front matter (`title`, `author`, `date`).

use toml::de::{DeTable, DeValue};

use super::fields::{Ctx, Fields, type_name};
use crate::load::split_front_matter;
use crate::model::Note;

/// Reads a note; front matter problems are reported at their spot in the file.
pub fn note(cx: &mut Ctx<'_>, text: &str) -> Option<Note> {
    let fm = match split_front_matter(text) {
        Ok(fm) => fm,
        Err(at) => {
            cx.diags.add_source(cx.file, text);
            cx.error(at..at + 3, "front matter is not closed")
                .hint("end the front matter with a line containing only +++, or remove the opening +++");
            return None;
        }
    };
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
    masked.extend(text.as_bytes()[end..].iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }));
    let table = match DeTable::parse(&masked) {
        Ok(t) => t,
        Err(e) => {
            cx.diags.add_source(cx.file, text);
            let span = e.span().unwrap_or(offset..offset);
            cx.error(span, format!("front matter is not valid TOML: {}", e.message().trim_end()))
                .hint("front matter holds lines like `title = \"…\"` between two +++ lines");
            return None;
        }
    };
    let table = table.into_inner();
    let f = Fields::new(cx, &table, offset..offset, "front matter", &["title", "author", "date"]);
    note.title = f.text(cx, "title", false, "\"Sơ kết năm 2024\"").map(|(s, _)| s.to_string());
    note.author = f.text(cx, "author", false, "\"Ban Tổ chức\"").map(|(s, _)| s.to_string());
    note.date = match f.get("date") {
        None => None,
        Some(v) => match v.get_ref() {
            DeValue::Datetime(d) => Some(d.to_string()),
            DeValue::String(s) => Some(s.to_string()),
            other => {
                cx.error(v.span(), format!("`date` must be a date, not {}", type_name(other)))
                    .hint("write it like `date = 2024-12-15`");
                return None;
            }
        },
    };
    Some(note)
}
