//! The document as an editable Word file (`kieumau booklet --docx`), made without Chromium.
//!
//! Written as WordprocessingML (ECMA-376) directly: docx-rs 0.4 cannot mark a table's header row
//! to repeat on every page (`w:tblHeader`) and docx-rust 0.1 cannot keep a row on one page
//! (`w:cantSplit`); both are what "nothing lost in print" needs. The parts are small and fixed
//! ([`parts`]); the body follows the blocks of the one [`Document`] ([`body`]), the notes'
//! Markdown through pulldown-cmark ([`notes`]); the charts are pictures drawn from the same SVG by
//! resvg with the theme's fonts ([`crate::report::chart::png`]).
//!
//! What Word gets: heading styles with outline levels for every section (its navigation pane and
//! its contents field find them), a contents field (TOC) with each entry's page as a PAGEREF
//! field to a bookmark on its heading (Word updates the field when the file opens; LibreOffice
//! computes the page references), a PAGE field in the footer, real tables whose header rows
//! repeat and whose rows never break across pages, landscape sections for wide tables, A4 and the
//! margins of Hướng dẫn 36-HD/VPTW, Times New Roman. The same content makes the same bytes.

mod body;
mod notes;
mod parts;
mod units;

use std::io::Write as _;

use super::Document;
use crate::report::chart::png::Fonts;

/// What the Word file is made with besides the document.
pub struct Options<'a> {
    /// The fonts the charts are drawn with.
    pub fonts: &'a Fonts,
    /// The organisation (the file's author).
    pub author: &'a str,
    /// The file's date (the build date).
    pub date: jiff::civil::Date,
}

/// The `.docx` bytes of `doc`.
pub fn render(doc: &Document, opts: &Options<'_>) -> Result<Vec<u8>, String> {
    let body = body::render(doc, opts.fonts)?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(body.xml.len() / 4)));
    // A fixed time stamp in every entry: the same document makes the same bytes.
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let stored = deflated.compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, bytes: &[u8], deflate: bool| -> Result<(), String> {
        zip.start_file(name, if deflate { deflated } else { stored }).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    put("[Content_Types].xml", parts::content_types(body.images.len()).as_bytes(), true)?;
    put("_rels/.rels", parts::package_rels().as_bytes(), true)?;
    put("docProps/core.xml", parts::core(&doc.title, opts.author, opts.date).as_bytes(), true)?;
    put("docProps/app.xml", parts::app().as_bytes(), true)?;
    put("word/_rels/document.xml.rels", parts::document_rels(body.images.len()).as_bytes(), true)?;
    put("word/document.xml", body.xml.as_bytes(), true)?;
    put("word/styles.xml", parts::styles(&doc.lang, super::BODY_PT, super::TABLE_PT).as_bytes(), true)?;
    put("word/settings.xml", parts::settings(&doc.lang).as_bytes(), true)?;
    put("word/footer1.xml", parts::footer().as_bytes(), true)?;
    for (i, png) in body.images.iter().enumerate() {
        // PNG is compressed already.
        put(&format!("word/media/chart{}.png", i + 1), png, false)?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests;
