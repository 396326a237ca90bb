//! The document as the HTML of the print page (`booklet/<year>/index.html`), styled by the theme's
//! `booklet.css`: Chromium prints it to the PDF, a browser shows and prints it.
//!
//! The contents hold an empty `<span class="toc-page" data-for="ID">` after each entry; printing
//! fills them with the pages the PDF's outline gives ([`fill_pages`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Block, Chart, Document, Entry, Masthead, Row, Run, Signature, Table};
use crate::report::escape::push_escaped;
use crate::report::markdown::to_safe_html;

/// The body of the print page: every block, in order.
pub fn render(doc: &Document) -> String {
    let entries = doc.entries();
    let mut out = String::with_capacity(64 * 1024);
    for b in &doc.blocks {
        block(&mut out, b, &entries);
    }
    out
}

/// Blocks on their own (a piece of the page).
pub fn blocks(blocks: &[Block]) -> String {
    let mut out = String::with_capacity(16 * 1024);
    for b in blocks {
        block(&mut out, b, &[]);
    }
    out
}

/// Table rows on their own (a piece of a table's body).
pub fn rows(table: &Table) -> String {
    let mut out = String::with_capacity(128 * table.rows.len() + 16);
    body_rows(&mut out, table);
    out
}

fn esc(out: &mut String, s: &str) {
    push_escaped(out, s);
}

fn block(out: &mut String, b: &Block, entries: &[Entry]) {
    match b {
        Block::Masthead(m) => masthead(out, m),
        Block::Title { kind, title } => {
            out.push_str("<header class=\"doc-title\"><h1><span class=\"kind\">");
            esc(out, kind);
            out.push_str("</span> <span class=\"title\">");
            esc(out, title);
            out.push_str("</span></h1><p class=\"rule\" aria-hidden=\"true\"></p></header>\n");
        }
        Block::Contents { heading } => contents(out, heading, entries),
        Block::Heading { level, id, text, new_page } => {
            let tag = heading_tag(*level);
            let _ = write!(out, "<{tag} id=\"");
            esc(out, id);
            let _ = write!(out, "\" class=\"h{level}{}\">", if *new_page { " new-page" } else { "" });
            esc(out, text);
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Para(runs) => {
            out.push_str("<p>");
            for r in runs {
                run(out, r);
            }
            out.push_str("</p>\n");
        }
        Block::List(items) => {
            out.push_str("<ul class=\"lines\">");
            for i in items {
                out.push_str("<li>");
                esc(out, i);
                out.push_str("</li>");
            }
            out.push_str("</ul>\n");
        }
        Block::Note { title, meta, markdown } => {
            out.push_str("<article class=\"note\">");
            if let Some(t) = title {
                out.push_str("<h4 class=\"note-title\">");
                esc(out, t);
                out.push_str("</h4>");
            }
            if !meta.is_empty() {
                out.push_str("<p class=\"meta\">");
                esc(out, meta);
                out.push_str("</p>");
            }
            out.push_str("<div class=\"prose\">");
            out.push_str(&demote_headings(&to_safe_html(markdown)));
            out.push_str("</div></article>\n");
        }
        Block::Table(t) => table(out, t),
        Block::Chart(c) => chart(out, c),
        Block::Signature(s) => signature(out, s),
        Block::Piece(mark) => out.push_str(mark),
    }
}

/// Level 1 → `h2` (the title is the `h1`), 2 → `h3`, 3 → `h4`.
fn heading_tag(level: u8) -> &'static str {
    match level {
        0 | 1 => "h2",
        2 => "h3",
        _ => "h4",
    }
}

fn run(out: &mut String, r: &Run) {
    let (open, close) = match (r.bold, r.italic) {
        (true, true) => ("<strong><em>", "</em></strong>"),
        (true, false) => ("<strong>", "</strong>"),
        (false, true) => ("<em>", "</em>"),
        (false, false) => ("", ""),
    };
    out.push_str(open);
    esc(out, &r.text);
    out.push_str(close);
}

fn masthead(out: &mut String, m: &Masthead) {
    out.push_str("<header class=\"masthead\"><div class=\"issuer\">");
    let last = m.issuer.len().saturating_sub(1);
    for (i, line) in m.issuer.iter().enumerate() {
        out.push_str(if i == last { "<p class=\"issuer-body\">" } else { "<p class=\"issuer-above\">" });
        esc(out, line);
        out.push_str("</p>");
    }
    out.push_str("<p class=\"star\">*</p>");
    if let Some(n) = &m.number {
        out.push_str("<p class=\"number\">");
        esc(out, n);
        out.push_str("</p>");
    }
    out.push_str("</div><div class=\"party\"><p class=\"party-name\">");
    esc(out, &m.party);
    out.push_str("</p><p class=\"place-date\">");
    esc(out, &m.place_date);
    out.push_str("</p></div></header>\n");
}

fn contents(out: &mut String, heading: &str, entries: &[Entry]) {
    // A heading of its own: the PDF's outline has the contents too.
    out.push_str("<nav class=\"contents\" aria-labelledby=\"h-contents\"><h2 class=\"h1 new-page\" id=\"h-contents\">");
    esc(out, heading);
    out.push_str("</h2><ol>");
    for e in entries {
        let _ = write!(out, "<li class=\"toc-{}\"><a href=\"#", e.level);
        esc(out, &e.id);
        out.push_str("\"><span class=\"toc-text\">");
        esc(out, &e.text);
        out.push_str("</span><span class=\"toc-page\" data-for=\"");
        esc(out, &e.id);
        out.push_str("\"></span></a></li>");
    }
    out.push_str("</ol></nav>\n");
}

fn table(out: &mut String, t: &Table) {
    out.push_str(if t.wide { "<div class=\"table wide\">" } else { "<div class=\"table\">" });
    out.push_str("<table>");
    if let Some(c) = &t.caption {
        out.push_str("<caption>");
        esc(out, c);
        out.push_str("</caption>");
    }
    out.push_str("<thead><tr>");
    for c in &t.columns {
        out.push_str(if c.num { "<th scope=\"col\" class=\"num\">" } else { "<th scope=\"col\">" });
        esc(out, &c.label);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    body_rows(out, t);
    out.push_str("</tbody></table></div>\n");
}

fn body_rows(out: &mut String, t: &Table) {
    for r in &t.rows {
        match r {
            Row::Piece(mark) => out.push_str(mark),
            Row::Cells(cells) => {
                out.push_str("<tr>");
                for (i, (cell, col)) in cells.iter().zip(&t.columns).enumerate() {
                    let (open, close) = match (i == 0 && t.row_header, col.num) {
                        (true, _) => ("<th scope=\"row\">", "</th>"),
                        (false, true) => ("<td class=\"num\">", "</td>"),
                        (false, false) => ("<td>", "</td>"),
                    };
                    out.push_str(open);
                    esc(out, cell);
                    out.push_str(close);
                }
                out.push_str("</tr>");
            }
        }
    }
}

fn chart(out: &mut String, c: &Chart) {
    out.push_str("<figure class=\"chart\"><div class=\"chart-svg\">");
    out.push_str(&c.svg);
    out.push_str("</div><figcaption><strong>");
    esc(out, &c.title);
    out.push_str("</strong>");
    if !c.desc.is_empty() {
        out.push_str(". ");
        esc(out, &c.desc);
    }
    out.push_str("</figcaption></figure>\n");
}

fn signature(out: &mut String, s: &Signature) {
    out.push_str("<div class=\"signature\"><div class=\"recipients\">");
    if !s.recipients.is_empty() {
        out.push_str("<p class=\"recipients-heading\">");
        esc(out, &s.recipients_heading);
        out.push_str("</p>");
        for r in &s.recipients {
            out.push_str("<p>- ");
            esc(out, r);
            out.push_str("</p>");
        }
    }
    out.push_str("</div><div class=\"signer\">");
    for line in &s.role {
        out.push_str("<p class=\"role\">");
        esc(out, line);
        out.push_str("</p>");
    }
    out.push_str("<p class=\"sign-space\"></p><p class=\"name\">");
    esc(out, &s.name);
    out.push_str("</p></div></div>\n");
}

/// A note's headings below the document's own (`h1`…`h3` → `h4`…`h6`), so that the PDF's outline
/// and the contents hold only the document's sections.
fn demote_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let (at, tag_len) = match (rest.find("<h"), rest.find("</h")) {
            (Some(o), Some(c)) if c < o => (c, 3),
            (Some(o), _) => (o, 2),
            (None, Some(c)) => (c, 3),
            (None, None) => break,
        };
        out.push_str(&rest[..at + tag_len]);
        rest = &rest[at + tag_len..];
        if let Some(d) = rest.chars().next().and_then(|c| c.to_digit(10)).filter(|d| (1..=6).contains(d)) {
            out.push(char::from_digit((d + 3).min(6), 10).unwrap_or('6'));
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The contents entries of a print page, in order: each section's id and its text as the page
/// holds it (escaped).
pub fn contents_entries(html: &str) -> Vec<(String, String)> {
    const TEXT: &str = "<span class=\"toc-text\">";
    const PAGE: &str = "</span><span class=\"toc-page\" data-for=\"";
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(TEXT) {
        rest = &rest[at + TEXT.len()..];
        let Some(end) = rest.find(PAGE) else { break };
        let text = &rest[..end];
        rest = &rest[end + PAGE.len()..];
        let Some(q) = rest.find('"') else { break };
        out.push((rest[..q].to_string(), text.to_string()));
        rest = &rest[q..];
    }
    out
}

/// The print page with each contents entry's page filled in from `pages` (section id → page).
pub fn fill_pages(html: &str, pages: &BTreeMap<String, u32>) -> String {
    const OPEN: &str = "<span class=\"toc-page\" data-for=\"";
    let mut out = String::with_capacity(html.len() + 8 * pages.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let Some(end) = after.find("\">") else { break };
        let id = &after[..end];
        out.push_str(&rest[..at + OPEN.len() + end + 2]);
        rest = &after[end + 2..];
        // An entry filled by an earlier pass keeps its span: replace its number.
        if let Some(close) = rest.find("</span>") {
            if let Some(p) = pages.get(id) {
                let _ = write!(out, "{p}");
            } else {
                out.push_str(&rest[..close]);
            }
            rest = &rest[close..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::Column;

    #[test]
    fn note_headings_go_below_the_documents() {
        assert_eq!(demote_headings("<h1>a</h1><p>x</p><h2>b</h2><h6>c</h6>"), "<h4>a</h4><p>x</p><h5>b</h5><h6>c</h6>");
        assert_eq!(demote_headings("<hr><p>h</p>"), "<hr><p>h</p>");
    }

    #[test]
    fn contents_pages_are_filled_and_refilled() {
        let doc = Document {
            blocks: vec![
                Block::Contents { heading: "Mục lục".into() },
                Block::Heading { level: 1, id: "a".into(), text: "A & B".into(), new_page: true },
                Block::Heading { level: 2, id: "b".into(), text: "B".into(), new_page: true },
            ],
            ..Document::default()
        };
        let html = render(&doc);
        assert!(
            html.contains("<span class=\"toc-text\">A &amp; B</span><span class=\"toc-page\" data-for=\"a\"></span>")
        );
        let entries = contents_entries(&html);
        assert_eq!(entries, [("a".to_string(), "A &amp; B".to_string()), ("b".to_string(), "B".to_string())]);
        let pages = BTreeMap::from([("a".to_string(), 3), ("b".to_string(), 12)]);
        let filled = fill_pages(&html, &pages);
        assert!(filled.contains("data-for=\"a\">3</span>") && filled.contains("data-for=\"b\">12</span>"));
        let again = fill_pages(&filled, &BTreeMap::from([("a".to_string(), 4)]));
        assert!(again.contains("data-for=\"a\">4</span>") && again.contains("data-for=\"b\">12</span>"));
    }

    #[test]
    fn every_cell_is_escaped_and_wide_tables_are_marked() {
        let t = Table {
            caption: Some("c".into()),
            columns: vec![Column::text("Chi bộ", 3), Column::num("Điểm", 1)],
            rows: vec![Row::Cells(vec!["<b>".into(), "9,5".into()])],
            wide: true,
            row_header: true,
        };
        let html = blocks(&[Block::Table(t)]);
        assert!(html.starts_with("<div class=\"table wide\">"));
        assert!(html.contains("<th scope=\"row\">&lt;b&gt;</th><td class=\"num\">9,5</td>"));
    }
}
