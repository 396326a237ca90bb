//! `kieumau booklet --docx`: the year's report as an editable Word file, made in-process from the
//! same [`crate::report::document::Document`] as the PDF (no Chromium, no build folder).

use std::path::Path;
use std::time::{Duration, Instant};

use super::print::{folder_exists, year_assessed};
use crate::build::{self, BuildOptions, Failure};
use crate::content::diag::Diagnostics;
use crate::report::chart::png::Fonts;
use crate::report::document::docx;
use crate::report::pages::Renderer;
use crate::report::theme::Theme;

/// Writes the year's report to `path`; returns how long it took.
pub fn booklet_docx(opts: &BuildOptions, year: i32, path: &Path, diags: &mut Diagnostics) -> Result<Duration, Failure> {
    let started = Instant::now();
    folder_exists(path)?;
    let checked = build::check(&opts.root, false, diags).ok_or(Failure::Content)?;
    year_assessed(&checked, year)?;
    let site = &checked.content.site;
    let theme = Theme::for_site(&opts.root, site).map_err(Failure::Theme)?;
    let renderer = Renderer::new(&checked, &theme, opts.report());
    let doc = renderer.booklet_document(year);
    // The charts are drawn with the theme's own fonts, never the system's.
    let files: Vec<&[u8]> = theme
        .statics
        .iter()
        .filter(|(name, _)| name.starts_with("fonts/") && (name.ends_with(".ttf") || name.ends_with(".otf")))
        .map(|(_, bytes)| bytes.as_slice())
        .collect();
    let fonts = Fonts::new(&files);
    let bytes = docx::render(&doc, &docx::Options { fonts: &fonts, author: &site.organisation, date: opts.date })
        .map_err(|e| Failure::Io(crate::msg!("docx-cannot-make", reason = e)))?;
    crate::sys::write_atomic(path, |w| w.write_all(&bytes))
        .map_err(|e| Failure::Io(crate::msg!("print-io", what = path.display().to_string(), reason = e.to_string())))?;
    Ok(started.elapsed())
}
