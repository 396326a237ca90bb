//! The printable review booklet, `booklet/<year>/index.html`: the year's report as an official
//! Party document, made from the one [`Document`] of [`sections`] and rendered by
//! [`crate::report::document::html`] (the Word file renders the same document).
//!
//! A booklet lists every branch, so any edit changes it. It is written in pieces (see
//! [`crate::build::splice`]): each district's chapter body and its rows in the annexes of model
//! and pilot branches are rendered on their own, keyed by what the district's page is made from
//! (and the running number of their first row), and copied from the last booklet while that key
//! holds. The rest of the page is rendered whole by `booklet.html` around the document, with a
//! marker in the place of each piece, and cut at the markers.

mod sections;

use std::io;

use rayon::prelude::*;

use super::pages::{Frame, Renderer};
use super::view::Link;
use crate::domain::score::Scored;
use crate::report::deps::Deps;
use crate::report::document::{Table, html};
use crate::report::emit::Emit;
use crate::report::pieces::{self, OldFile, Piece};
use crate::report::urls;

/// What `booklet.html` shows: the year's document, rendered, and the other years' booklets.
#[derive(serde::Serialize)]
struct BookletPage {
    year: i32,
    document: String,
    other_years: Vec<Link>,
}

/// Which annex of branches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Annex {
    Model,
    Pilots,
}

impl Renderer<'_> {
    pub fn booklet_page(&self, out: &dyn Emit, year: i32, deps: &Deps) -> io::Result<()> {
        let agg = &self.checked.agg;
        let path = urls::booklet(year);
        let old = out.old_pieces(&path);
        let (firsts, _) = self.annex_firsts(year);
        let parts: Vec<[Piece; 3]> = (0..self.checked.content.districts.len())
            .into_par_iter()
            .map(|di| self.district_pieces(old.as_ref(), deps, year, di, firsts[di]))
            .collect::<io::Result<_>>()?;
        let marks = Marks::new();
        let doc = self.document_with(year, Some(&marks));
        let title = doc.title.clone();
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), path.clone())];
        let body = BookletPage {
            year,
            document: html::render(&doc),
            other_years: agg
                .years
                .iter()
                .zip(&agg.province)
                .filter(|(y, s)| **y != year && s.branches > 0)
                .map(|(y, _)| Link::new(y.to_string(), urls::booklet(*y)))
                .collect(),
        };
        let version = &self.checked.content.version;
        let html = self.render_page(
            Frame {
                template: "booklet.html",
                path: &path,
                title: &title,
                crumbs,
                nav: "booklet",
                years: self.year_links(year),
            },
            body,
            version,
        )?;
        let parts: Vec<Piece> = parts.into_iter().flatten().collect();
        let made = parts.iter().filter(|p| matches!(p, Piece::New { .. })).count();
        crate::timings::note(&format!("  {path}: {made} of {} district pieces made", parts.len())); // not a message: timings
        let pieces = marks.split(&html, parts);
        out.write_pieces(&path, &pieces, old.as_ref())
    }

    /// A district's branches assessed in `year`, in the district's order, with their scores.
    fn booklet_rows(&self, di: usize, year: i32) -> impl Iterator<Item = (usize, &Scored)> {
        let scored = &self.checked.agg.scored[di];
        scored.iter().enumerate().filter_map(move |(bi, ys)| Some((bi, ys.iter().find(|s| s.year == year)?)))
    }

    /// One district's pieces of the booklet: its chapter body, its rows in the annex of
    /// model branches numbered from `first.0`, its rows in the annex of pilots numbered from
    /// `first.1`; each copied from `old` when it has it. A piece is keyed by everything it is made
    /// from: the district's page (its folder and its name, the site's settings, the theme, the
    /// build's options), the year, and its first number.
    fn district_pieces(
        &self,
        old: Option<&OldFile>,
        deps: &Deps,
        year: i32,
        di: usize,
        first: (u64, u64),
    ) -> io::Result<[Piece; 3]> {
        let page = deps.district_page(di);
        let year_bytes = year.to_le_bytes();
        let key = |part: &[u8], first: u64| {
            crate::domain::digest::key(&[b"booklet district", &page, &year_bytes, part, &first.to_le_bytes()])
        };
        let chapter = pieces::try_piece(old, key(b"chapter", 0), || {
            Ok::<_, io::Error>((html::blocks(&self.district_body(di, year)).into_bytes(), 0))
        })?;
        let rows = |annex: Annex, first: u64| {
            let part: &[u8] = if annex == Annex::Model { b"model rows" } else { b"pilot rows" };
            pieces::try_piece(old, key(part, first), || {
                let table = Table {
                    columns: self.annex_columns(annex),
                    rows: self.annex_rows(annex, di, year, first),
                    ..Table::default()
                };
                Ok::<_, io::Error>((html::rows(&table).into_bytes(), 0))
            })
        };
        let models = rows(Annex::Model, first.0)?;
        let pilots = rows(Annex::Pilots, first.1)?;
        Ok([chapter, models, pilots])
    }
}

/// Markers for the pieces of a page: text that no content or theme can contain (it holds a random
/// number of this render), and that HTML escaping leaves as it is.
struct Marks {
    prefix: String,
}

impl Marks {
    fn new() -> Marks {
        use std::hash::BuildHasher;
        let nonce = std::collections::hash_map::RandomState::new().hash_one(0u8);
        Marks { prefix: format!("\u{1}kieumau-piece-{nonce:016x}-") }
    }

    /// The marker of piece `i`.
    fn at(&self, i: usize) -> String {
        format!("{}{i}\u{1}", self.prefix)
    }

    /// `page` cut at the markers: its text as plain pieces, each marker replaced by its piece of
    /// `parts` (a piece whose marker the theme left out is left out too).
    fn split(&self, page: &[u8], parts: Vec<Piece>) -> Vec<Piece> {
        let mut parts: Vec<Option<Piece>> = parts.into_iter().map(Some).collect();
        // Where each piece went, for a theme that shows one twice.
        let mut placed: Vec<Option<usize>> = vec![None; parts.len()];
        let mut pieces: Vec<Piece> = Vec::with_capacity(2 * parts.len() + 1);
        let prefix = self.prefix.as_bytes();
        let (mut text_from, mut at) = (0, 0);
        while let Some(start) = page.get(at..).and_then(|rest| rest.iter().position(|&b| b == 1)).map(|p| at + p) {
            at = start + 1;
            let Some(rest) = page.get(start..).and_then(|r| r.strip_prefix(prefix)) else { continue };
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            let index = std::str::from_utf8(&rest[..digits]).ok().and_then(|n| n.parse::<usize>().ok());
            let Some(i) = index.filter(|&i| i < parts.len() && rest.get(digits) == Some(&1)) else { continue };
            let piece = match placed[i] {
                Some(j) => pieces[j].clone(),
                None => match parts[i].take() {
                    Some(p) => p,
                    None => continue,
                },
            };
            if start > text_from {
                pieces.push(Piece::plain(&page[text_from..start]));
            }
            placed[i] = Some(pieces.len());
            pieces.push(piece);
            text_from = start + prefix.len() + digits + 1;
            at = text_from;
        }
        if text_from < page.len() {
            pieces.push(Piece::plain(&page[text_from..]));
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(pieces: &[Piece]) -> Vec<u8> {
        pieces
            .iter()
            .flat_map(|p| match p {
                Piece::New { bytes, .. } => bytes.clone(),
                Piece::Old(_) => panic!("no old pieces here"),
            })
            .collect()
    }

    fn keyed(text: &str) -> Piece {
        Piece::New {
            key: Some(crate::domain::digest::key(&[text.as_bytes()])),
            bytes: text.as_bytes().to_vec(),
            meta: 0,
        }
    }

    #[test]
    fn a_page_is_cut_at_its_markers() {
        let marks = Marks::new();
        let other = Marks::new();
        assert_ne!(marks.prefix, other.prefix, "each render has its own markers");
        let page = format!(
            "<a>{}{}<b>{}</b>{}{}\u{1}x\u{1}",
            marks.at(0),
            marks.at(2),
            other.at(1),
            marks.at(0),
            marks.at(7),
        );
        let pieces = marks.split(page.as_bytes(), vec![keyed("A"), keyed("B"), keyed("C")]);
        // Piece 1 is not shown; piece 0 twice; another render's marker and an unknown index are
        // text.
        let expected = format!("<a>AC<b>{}</b>A{}\u{1}x\u{1}", other.at(1), marks.at(7));
        assert_eq!(String::from_utf8(bytes(&pieces)).unwrap(), expected);
        let keys = pieces.iter().filter(|p| matches!(p, Piece::New { key: Some(_), .. })).count();
        assert_eq!(keys, 3);
        assert!(pieces.iter().all(|p| !p.is_empty()), "no empty text pieces");
    }
}
