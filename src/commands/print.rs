//! `kieumau booklet --pdf`: the year's booklet printed to PDF by headless Chromium.
//!
//! The site is built into a temporary folder (the published output is left alone) and Chromium
//! prints `booklet/<year>/index.html` with the booklet's own print CSS (A4, page numbers).

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, Failure};
use crate::content::diag::Diagnostics;
use crate::report::{document, urls};

/// Finds a Chromium (see [`super::chromium`]).
pub fn find_chromium(explicit: Option<&Path>) -> Result<PathBuf, String> {
    super::chromium::find(explicit)
}

pub struct Printed {
    pub pages_built: usize,
    pub elapsed: Duration,
}

/// Builds the site into a temporary folder and prints the year's booklet to `pdf`.
pub fn booklet_pdf(
    opts: &BuildOptions,
    year: i32,
    pdf: &Path,
    chromium: Option<&Path>,
    timeout: Duration,
    diags: &mut Diagnostics,
) -> Result<Printed, Failure> {
    let started = Instant::now();
    // Before minutes of printing: the folder the PDF goes into must be there.
    folder_exists(pdf)?;
    let chromium = find_chromium(chromium).map_err(Failure::Io)?;
    let checked = build::check(&opts.root, false, diags).ok_or(Failure::Content)?;
    year_assessed(&checked, year)?;
    let io =
        |what: String, e: std::io::Error| Failure::Io(crate::msg!("print-io", what = what, reason = e.to_string()));
    let tmp = tempfile::tempdir().map_err(|e| io(crate::msg!("print-no-temp"), e))?;
    let mut site_opts = BuildOptions::new(&opts.root);
    site_opts.output = tmp.path().join("site");
    site_opts.date = opts.date;
    site_opts.base_url = opts.base_url.clone();
    // The check above has reported the content's warnings: the build's own check would say them
    // again. Its diagnostics count only when it fails.
    let mut build_diags = Diagnostics::new();
    let summary = match build::build(&site_opts, &mut build_diags) {
        Ok(s) => s,
        Err(f) => {
            diags.merge(build_diags);
            return Err(f);
        }
    };

    let page = site_opts.output.join(urls::booklet(year));
    let pdf_abs = if pdf.is_absolute() {
        pdf.to_path_buf()
    } else {
        std::env::current_dir().map_err(|e| io(crate::msg!("print-no-cwd"), e))?.join(pdf)
    };
    let html = std::fs::read_to_string(&page).map_err(|e| io(page.display().to_string(), e))?;
    let entries = document::html::contents_entries(&html);
    let printer = Printer { chromium: &chromium, profile: tmp.path().join("chromium-profile"), started, timeout };
    // Chromium cannot number the contents: print, read each section's page from the PDF's
    // outline, write the numbers into the contents and print again, until the pages hold.
    let draft = tmp.path().join("draft.pdf");
    let mut pages = BTreeMap::new();
    let mut filled = html;
    let mut timer = crate::timings::Timer::start();
    for _ in 0..MAX_PASSES {
        printer.print(&page, &draft)?;
        timer.lap("booklet: pdf");
        let found = section_pages(&draft, &entries)?;
        timer.lap("booklet: outline");
        if found == pages {
            break;
        }
        filled = document::html::fill_pages(&filled, &found);
        std::fs::write(&page, &filled).map_err(|e| io(page.display().to_string(), e))?;
        pages = found;
    }
    let bytes = std::fs::read(&draft).map_err(|e| io(draft.display().to_string(), e))?;
    if bytes.is_empty() {
        return Err(Failure::Io(crate::msg!("print-no-pdf", path = &pdf_abs)));
    }
    crate::sys::write_atomic(&pdf_abs, |w| w.write_all(&bytes)).map_err(|e| io(pdf_abs.display().to_string(), e))?;
    Ok(Printed { pages_built: summary.pages, elapsed: started.elapsed() })
}

/// The folder a file is to be written into must be there (checked before the work).
pub fn folder_exists(file: &Path) -> Result<(), Failure> {
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if folder.is_dir() { Ok(()) } else { Err(Failure::Io(crate::msg!("print-no-folder", folder = folder, pdf = file))) }
}

/// A booklet needs assessments in its year; the error lists the years that have them.
pub fn year_assessed(checked: &build::Checked, year: i32) -> Result<(), Failure> {
    let agg = &checked.agg;
    if agg.year_index(year).and_then(|yi| agg.province.get(yi)).is_some_and(|s| s.branches > 0) {
        return Ok(());
    }
    let years: Vec<String> =
        agg.years.iter().zip(&agg.province).filter(|(_, s)| s.branches > 0).map(|(y, _)| y.to_string()).collect();
    Err(Failure::Io(crate::msg!("print-no-year", year = year.to_string(), years = years.join(", "))))
}

/// Prints until the contents' numbers are those of the pages; the last print checks them.
const MAX_PASSES: usize = 4;

struct Printer<'a> {
    chromium: &'a Path,
    profile: PathBuf,
    started: Instant,
    timeout: Duration,
}

impl Printer<'_> {
    /// Prints `page` to `pdf` with a document outline (bookmarks from the headings) and tags.
    fn print(&self, page: &Path, pdf: &Path) -> Result<(), Failure> {
        let _ = std::fs::remove_file(pdf);
        let mut child = Command::new(self.chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                "--generate-pdf-document-outline",
                "--export-tagged-pdf",
            ])
            .arg(format!("--user-data-dir={}", self.profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                Failure::Io(crate::msg!("print-cannot-start", path = self.chromium, reason = e.to_string()))
            })?;
        // Chromium's chatter goes to stderr: read it on the side so that a full pipe never blocks it.
        let stderr = child.stderr.take();
        let chatter = std::thread::spawn(move || {
            let mut err = String::new();
            if let Some(mut s) = stderr {
                let _ = std::io::Read::read_to_string(&mut s, &mut err);
            }
            err
        });
        loop {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => break,
                Ok(Some(status)) => {
                    let err = chatter.join().unwrap_or_default();
                    let tail: Vec<&str> = err.lines().rev().take(5).collect();
                    let (status, tail) = (status.to_string(), tail.join(" | "));
                    return Err(Failure::Io(crate::msg!("print-failed", status = status, tail = tail)));
                }
                Ok(None) if self.started.elapsed() > self.timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(Failure::Io(crate::msg!("print-timeout", seconds = self.timeout.as_secs())));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(e) => {
                    return Err(Failure::Io(crate::msg!(
                        "print-io",
                        what = crate::msg!("print-no-wait"),
                        reason = e.to_string()
                    )));
                }
            }
        }
        let _ = chatter.join();
        if std::fs::metadata(pdf).map(|m| m.len()).unwrap_or(0) == 0 {
            return Err(Failure::Io(crate::msg!("print-no-pdf", path = pdf)));
        }
        Ok(())
    }
}

/// The page each contents entry's section starts on, from the PDF's outline: the entries
/// (`(id, escaped text)`, in document order) are matched in order with the outline's titles,
/// which also hold the title and the notes' headings.
fn section_pages(pdf: &Path, entries: &[(String, String)]) -> Result<BTreeMap<String, u32>, Failure> {
    let bad = |reason: String| Failure::Io(crate::msg!("print-no-outline", path = pdf, reason = reason));
    let doc = lopdf::Document::load(pdf).map_err(|e| bad(e.to_string()))?;
    let toc = doc.get_toc().map_err(|e| bad(e.to_string()))?;
    Ok(match_outline(entries, toc.toc.iter().map(|t| (t.title.as_str(), t.page))))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn match_outline<'a>(
    entries: &[(String, String)],
    outline: impl Iterator<Item = (&'a str, usize)>,
) -> BTreeMap<String, u32> {
    let outline: Vec<(String, usize)> = outline.map(|(t, p)| (squash(&crate::report::escape::escape(t)), p)).collect();
    let mut pages = BTreeMap::new();
    let mut from = 0;
    for (id, text) in entries {
        let want = squash(text);
        // Outline items that are no entry (the title, notes' headings) are passed over; an entry
        // missing from the outline leaves the place where the search goes on.
        let found = outline.get(from..).and_then(|rest| rest.iter().position(|(t, _)| *t == want));
        if let Some((at, page)) = found.and_then(|i| Some((from + i, outline.get(from + i)?.1))) {
            pages.insert(id.clone(), u32::try_from(page).unwrap_or(u32::MAX));
            from = at + 1;
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_items_are_matched_in_order() {
        let entries: Vec<(String, String)> = [("a", "I. Tỉnh"), ("b", "1. A &amp; B"), ("c", "Phụ lục")]
            .iter()
            .map(|(i, t)| (i.to_string(), t.to_string()))
            .collect();
        let outline = [("BÁO CÁO", 1), ("Phụ lục", 2), ("I.  Tỉnh", 3), ("1. A & B", 7), ("Phụ lục", 9)];
        let pages = match_outline(&entries, outline.into_iter());
        // The note's "Phụ lục" before the section does not count: entries come in order.
        assert_eq!(pages, BTreeMap::from([("a".into(), 3), ("b".into(), 7), ("c".into(), 9)]));
        // An entry missing from the outline does not lose the ones after it.
        let pages = match_outline(&entries, [("1. A & B", 7), ("Phụ lục", 9)].into_iter());
        assert_eq!(pages, BTreeMap::from([("b".into(), 7), ("c".into(), 9)]));
    }
}
