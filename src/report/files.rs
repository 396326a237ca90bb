//! The photos and documents notes use (SPEC section 2): each is published, byte for byte, in a
//! `files/` folder beside every page that shows the note, so that its links work as typed.

use std::collections::BTreeMap;

use crate::domain::model::{Content, Note, Notes};
use crate::report::urls;

/// The folder of a page (`years/2024/` of `years/2024/index.html`).
fn folder(page: &str) -> &str {
    page.strip_suffix("index.html").unwrap_or(page)
}

/// Where a published file goes (its path in the site) and where it comes from (its path from the
/// site's root, `content/…`), by where it goes, once each.
pub fn published(content: &Content, home_year: Option<i32>, booklet_years: &[i32]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut add = |page: &str, from_dir: &str, note: &Note| {
        for f in &note.files {
            out.insert(format!("{}files/{f}", folder(page)), format!("{from_dir}/files/{f}"));
        }
    };
    for d in &content.districts {
        let from = format!("content/districts/{}", d.slug);
        // The district page shows all its notes, and the booklet links them there.
        for n in all(&d.notes) {
            add(&urls::district(&d.slug), &from, n);
        }
        for b in &d.branches {
            for n in all(&b.notes) {
                add(&urls::branch(&d.slug, &b.slug), &from, n);
            }
        }
    }
    for (year, n) in &content.reviews {
        add(&urls::year(*year), "content", n);
        if home_year == Some(*year) {
            add(urls::HOME, "content", n);
        }
        if booklet_years.contains(year) {
            add(&urls::booklet(*year), "content", n);
        }
    }
    out
}

/// Every note of a subject: the general one, then the years'.
fn all(notes: &Notes) -> impl Iterator<Item = &Note> {
    notes.general.iter().map(|n| &**n).chain(notes.by_year.iter().map(|(_, n)| n))
}
