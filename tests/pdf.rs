//! The booklet's PDF (issue 17): read with poppler's tools as a committee member reads the paper:
//! every table cell is there, the contents' page numbers are the pages the sections start on,
//! the PDF has a bookmark for every district, nothing crosses the margins, and the serif font is
//! embedded.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{kieumau, site_with};

struct Printed {
    _site: tempfile::TempDir,
    pdf: PathBuf,
    html: String,
}

/// The fixture site's 2023 booklet printed once for every test here; `None` (skip) without
/// Chromium or poppler-utils, except under CI=true.
fn printed() -> Option<&'static Printed> {
    static PRINTED: OnceLock<Option<Printed>> = OnceLock::new();
    PRINTED
        .get_or_init(|| {
            let ready = kieumau::commands::print::find_chromium(None).is_ok()
                && Command::new("pdftotext").arg("-v").output().is_ok();
            if !ready {
                assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have chromium and poppler-utils");
                eprintln!("skipped: no chromium or pdftotext (install: apt-get install chromium poppler-utils)");
                return None;
            }
            let site = site_with(None);
            kieumau().args(["build", "--root"]).arg(site.path()).assert().success();
            let html = fs::read_to_string(site.path().join("output/booklet/2023/index.html")).unwrap();
            let pdf = site.path().join("bao-cao-2023.pdf");
            // Both files in one run, as a clerk may ask for them.
            let docx = site.path().join("bao-cao-2023.docx");
            kieumau()
                .args(["booklet", "--year", "2023", "--pdf"])
                .arg(&pdf)
                .arg("--docx")
                .arg(&docx)
                .arg("--root")
                .arg(site.path())
                .assert()
                .success();
            assert!(fs::metadata(&docx).is_ok_and(|m| m.len() > 10_000), "the Word file beside the PDF");
            Some(Printed { _site: site, pdf, html })
        })
        .as_ref()
}

fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool).args(args).arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text page by page (`-layout`).
fn pages(pdf: &Path) -> Vec<String> {
    run("pdftotext", &["-layout"], pdf).split('\u{c}').map(str::to_string).collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&")
}

/// The plain texts of the `<td>` and `<th>` cells of the print page's document.
fn cells(html: &str) -> Vec<String> {
    let doc = &html[html.find("class=\"masthead\"").unwrap()..];
    let mut out = Vec::new();
    for open in ["<td", "<th"] {
        let mut rest = doc;
        while let Some(at) = rest.find(open) {
            let after = &rest[at + open.len()..];
            let (Some(gt), Some(end)) = (after.find('>'), after.find("</t")) else { break };
            let mut plain = String::new();
            let mut tag = false;
            for c in after[gt + 1..end].chars() {
                match c {
                    '<' => tag = true,
                    '>' => tag = false,
                    c if !tag => plain.push(c),
                    _ => {}
                }
            }
            let plain = unescape(plain.trim());
            if !plain.is_empty() {
                out.push(plain);
            }
            rest = &after[end..];
        }
    }
    out
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_table_cell_reaches_the_paper() {
    let Some(p) = printed() else { return };
    let text = no_space(&run("pdftotext", &["-raw"], &p.pdf));
    let cells = cells(&p.html);
    assert!(cells.len() > 100, "{} cells", cells.len());
    let missing: Vec<&String> = cells.iter().filter(|c| !text.contains(&no_space(c))).collect();
    assert!(missing.is_empty(), "cells of the booklet missing from the PDF: {missing:?}");
}

/// `(entry, page)` of the contents page.
fn contents(pages: &[String]) -> Vec<(String, usize)> {
    let page = pages.iter().find(|p| p.lines().any(|l| l.trim() == "Mục lục")).expect("a contents page");
    page.lines()
        .skip_while(|l| l.trim() != "Mục lục")
        .skip(1)
        .filter_map(|l| {
            let l = l.trim();
            let (text, number) = l.rsplit_once(char::is_whitespace)?;
            Some((text.trim().to_string(), number.parse().ok()?))
        })
        .collect()
}

#[test]
fn the_contents_give_the_pages_the_sections_start_on() {
    let Some(p) = printed() else { return };
    let pages = pages(&p.pdf);
    let entries = contents(&pages);
    assert!(entries.len() >= 8, "{entries:?}");
    for (text, page) in &entries {
        let on_page = pages.get(page - 1).unwrap_or_else(|| panic!("{text}: page {page} past the end"));
        assert!(
            on_page.lines().any(|l| no_space(l) == no_space(text)),
            "\"{text}\" is not a heading on page {page}:\n{on_page}"
        );
    }
    // The outline has a bookmark for every entry, at the same page.
    let doc = lopdf::Document::load(&p.pdf).unwrap();
    let toc = doc.get_toc().unwrap().toc;
    for (text, page) in &entries {
        let found = toc.iter().find(|t| no_space(&t.title) == no_space(text));
        assert_eq!(found.map(|t| t.page), Some(*page), "bookmark of \"{text}\": {toc:?}");
    }
    for district in ["Thành phố Thái Bình", "Huyện Đông Hưng"] {
        assert!(toc.iter().any(|t| t.title.contains(district)), "a bookmark for {district}");
    }
}

#[test]
fn nothing_crosses_the_margins() {
    let Some(p) = printed() else { return };
    let xml = run("pdftotext", &["-bbox"], &p.pdf);
    // Points: 30 mm left, 15 mm right, 20 mm top and bottom (the page number stands above the top).
    let mm = 72.0 / 25.4;
    let (left, right, top, bottom) = (30.0 * mm, 15.0 * mm, 20.0 * mm, 20.0 * mm);
    let attr = |s: &str, name: &str| -> f64 {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..s[at..].find('"').unwrap() + at].parse().unwrap()
    };
    let mut words = 0;
    for (n, page) in xml.split("<page ").skip(1).enumerate() {
        let (w, h) = (attr(page, "width"), attr(page, "height"));
        for word in page.split("<word ").skip(1) {
            let text = &word[word.find('>').unwrap() + 1..word.find("</word>").unwrap()];
            let (x0, y0, x1, y1) = (attr(word, "xMin"), attr(word, "yMin"), attr(word, "xMax"), attr(word, "yMax"));
            if y1 < top && text.chars().all(|c| c.is_ascii_digit()) {
                continue; // the page number
            }
            words += 1;
            let inside = x0 >= left - 1.5 && x1 <= w - right + 1.5 && y0 >= top - 1.5 && y1 <= h - bottom + 1.5;
            assert!(inside, "page {}: \"{text}\" at ({x0:.1}, {y0:.1})–({x1:.1}, {y1:.1}) crosses a margin", n + 1);
        }
    }
    assert!(words > 500, "{words} words");
}

#[test]
fn the_serif_is_embedded_and_no_other_font_is_used() {
    let Some(p) = printed() else { return };
    let out = Command::new("pdffonts").arg(&p.pdf).output().unwrap();
    let fonts = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(row.contains("LiberationSerif"), "only the theme's serif: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols.get(cols.len() - 5), Some(&"yes"), "embedded: {row}");
    }
}
