//! The fixed parts of the Word package (ECMA-376 WordprocessingML): content types, relationships,
//! styles, settings, the footer with the page number, and the document's properties.

use std::fmt::Write as _;

use super::units::Unit;
use crate::report::escape::push_escaped;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The body's font: Times New Roman is on every office PC (LibreOffice shows it with the
/// metric-compatible Liberation Serif).
pub const FONT: &str = "Times New Roman"; // a name, not a sentence

/// The relationship id of the footer.
pub const FOOTER_RID: &str = "rIdFooter";

pub fn content_types(images: usize) -> String {
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    ));
    if images > 0 {
        s.push_str(r#"<Default Extension="png" ContentType="image/png"/>"#);
    }
    s.push_str(concat!(
        r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
        r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
        r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
        r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
        r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
        "</Types>"
    ));
    s
}

pub fn package_rels() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{rels}">"#,
            r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        rels = PKG_RELS
    )
}

/// The document's relationships: styles, settings, the footer and one per picture
/// (`rIdImg<n>` → `media/chart<n>.png`).
pub fn document_rels(images: usize) -> String {
    let mut s = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{rels}">"#,
            r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
            r#"<Relationship Id="{footer}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
        ),
        rels = PKG_RELS,
        footer = FOOTER_RID
    );
    for n in 1..=images {
        let _ = write!(
            s,
            r#"<Relationship Id="rIdImg{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart{n}.png"/>"#
        );
    }
    s.push_str("</Relationships>");
    s
}

/// Word asks to update the fields when the file is opened: the contents get their page numbers.
pub fn settings(lang: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{w}">"#,
            r#"<w:updateFields w:val="true"/><w:defaultTabStop w:val="720"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="{lang}"/>"#,
            "</w:settings>"
        ),
        w = W,
        lang = lang_tag(lang)
    )
}

pub fn lang_tag(lang: &str) -> &'static str {
    if lang == "en" { "en-GB" } else { "vi-VN" }
}

/// The footer: the page number, centred.
pub fn footer() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{w}" xmlns:r="{r}">"#,
            r#"<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            "</w:p></w:ftr>"
        ),
        w = W,
        r = R
    )
}

/// A paragraph style: `(id, name, outline level, paragraph properties, run properties)`.
type StyleDef = (&'static str, &'static str, Option<u8>, String, String);

/// The styles: Normal (body text, justified), Heading 1–3 (with outline levels, so that Word's
/// navigation pane and its contents field find the sections), the contents' entries, captions,
/// table text and the lines of the heading block.
pub fn styles(lang: &str, body_pt: u32, table_pt: u32) -> String {
    let half = |pt: u32| pt * 2;
    let mut s = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{w}">"#,
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>"#,
            r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        ),
        w = W,
        font = FONT,
        sz = half(body_pt),
        lang = lang_tag(lang)
    );
    let defs: Vec<StyleDef> = vec![
        ("Normal", "Normal", None, r#"<w:jc w:val="both"/>"#.into(), String::new()),
        (
            "Heading1",
            "heading 1",
            Some(0),
            r#"<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>"#.into(),
            format!(r#"<w:b/><w:caps/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(body_pt)),
        ),
        (
            "Heading2",
            "heading 2",
            Some(1),
            r#"<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>"#.into(),
            format!(r#"<w:b/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(body_pt)),
        ),
        (
            "Heading3",
            "heading 3",
            Some(2),
            r#"<w:keepNext/><w:keepLines/><w:spacing w:before="180" w:after="60"/>"#.into(),
            format!(r#"<w:b/><w:i/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(body_pt)),
        ),
        (
            "TOCHeading",
            "TOC Heading",
            None,
            r#"<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>"#.into(),
            r#"<w:b/><w:caps/>"#.into(),
        ),
        ("TOC1", "toc 1", None, r#"<w:spacing w:after="60"/><w:jc w:val="left"/>"#.into(), r#"<w:b/>"#.into()),
        ("TOC2", "toc 2", None, r#"<w:spacing w:after="40"/><w:ind w:left="440"/><w:jc w:val="left"/>"#.into(), String::new()),
        (
            "Title",
            "Title",
            None,
            r#"<w:keepNext/><w:spacing w:before="360" w:after="0"/><w:jc w:val="center"/>"#.into(),
            r#"<w:b/>"#.into(),
        ),
        ("Masthead", "Masthead", None, r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>"#.into(), format!(r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(13))),
        (
            "Caption",
            "caption",
            None,
            r#"<w:keepNext/><w:spacing w:before="120" w:after="60"/><w:jc w:val="center"/>"#.into(),
            format!(r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(table_pt + 1)),
        ),
        ("Figure", "Figure", None, r#"<w:keepNext/><w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/>"#.into(), String::new()),
        (
            "TableText",
            "Table Text",
            None,
            r#"<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#.into(),
            format!(r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(table_pt)),
        ),
        (
            "TableHead",
            "Table Heading",
            None,
            r#"<w:keepNext/><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>"#.into(),
            format!(r#"<w:b/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(table_pt)),
        ),
        ("ListLine", "List Line", None, r#"<w:spacing w:after="60"/><w:ind w:left="360" w:hanging="240"/>"#.into(), String::new()),
        ("Quote", "Quote", None, r#"<w:ind w:left="720" w:right="360"/>"#.into(), r#"<w:i/>"#.into()),
        ("NoteTitle", "Note Title", None, r#"<w:keepNext/><w:spacing w:before="180" w:after="60"/>"#.into(), r#"<w:b/>"#.into()),
        ("NoteMeta", "Note Meta", None, r#"<w:keepNext/><w:spacing w:after="120"/>"#.into(), r#"<w:i/>"#.into()),
        ("Footer", "footer", None, r#"<w:spacing w:after="0"/><w:jc w:val="center"/>"#.into(), format!(r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, half(12))),
    ];
    for (id, name, outline, ppr, rpr) in defs {
        let _ = write!(s, r#"<w:style w:type="paragraph" w:styleId="{id}""#);
        s.push_str(if id == "Normal" { r#" w:default="1">"# } else { ">" });
        let _ = write!(s, r#"<w:name w:val="{name}"/>"#);
        if id != "Normal" {
            s.push_str(r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#);
        }
        s.push_str("<w:qFormat/><w:pPr>");
        s.push_str(&ppr);
        if let Some(level) = outline {
            let _ = write!(s, r#"<w:outlineLvl w:val="{level}"/>"#);
        }
        s.push_str("</w:pPr>");
        if !rpr.is_empty() {
            let _ = write!(s, "<w:rPr>{rpr}</w:rPr>");
        }
        s.push_str("</w:style>");
    }
    s.push_str(concat!(
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#,
        r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>"#,
        r#"<w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
        "</w:styles>"
    ));
    s
}

/// The document's properties: its title, the organisation as author, the build date (so the same
/// content makes the same file).
pub fn core(title: &str, author: &str, date: jiff::civil::Date) -> String {
    let mut t = String::new();
    push_escaped(&mut t, title);
    let mut a = String::new();
    push_escaped(&mut a, author);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{t}</dc:title><dc:creator>{a}</dc:creator>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{d}T00:00:00Z</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{d}T00:00:00Z</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        t = t,
        a = a,
        d = date
    )
}

pub fn app() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
            "<Application>kieumau {v}</Application></Properties>"
        ),
        v = env!("CARGO_PKG_VERSION")
    )
}

/// The opening of `document.xml`, with every namespace the body uses.
pub fn document_start() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}"><w:body>"#
    )
}

/// A section's properties: A4 portrait or landscape, the margins of Hướng dẫn 36-HD/VPTW, the
/// footer with the page number.
pub fn section(landscape: bool) -> String {
    use crate::report::document::{MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM, PAGE_MM};
    let (w, h) = (Unit::mm(PAGE_MM.0).twips(), Unit::mm(PAGE_MM.1).twips());
    let size = if landscape {
        format!(r#"<w:pgSz w:w="{h}" w:h="{w}" w:orient="landscape"/>"#)
    } else {
        format!(r#"<w:pgSz w:w="{w}" w:h="{h}"/>"#)
    };
    format!(
        concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="{footer}"/>{size}"#,
            r#"<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="567" w:footer="567" w:gutter="0"/>"#,
            "</w:sectPr>"
        ),
        footer = FOOTER_RID,
        size = size,
        top = Unit::mm(MARGIN_TOP_MM).twips(),
        right = Unit::mm(MARGIN_RIGHT_MM).twips(),
        bottom = Unit::mm(MARGIN_BOTTOM_MM).twips(),
        left = Unit::mm(MARGIN_LEFT_MM).twips(),
    )
}
