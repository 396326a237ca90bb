//! `word/document.xml`: the blocks of the document as WordprocessingML paragraphs and tables.

use std::fmt::Write as _;

use super::parts;
use super::units::Unit;
use crate::report::chart::png::{self, Fonts};
use crate::report::document::{
    Block, Chart, Document, Entry, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, Masthead, PAGE_MM, Row, Run, Signature, Table,
};
use crate::report::escape::push_escaped;

/// The body and its pictures (`media/chart<n>.png`, in order).
pub struct Body {
    pub xml: String,
    pub images: Vec<Vec<u8>>,
}

/// A chart's printed width, and the pixels it is drawn with (about 200 dpi).
const CHART_MM: u32 = 150;
const CHART_PX: u32 = 1200;

struct Writer<'a> {
    out: String,
    images: Vec<Vec<u8>>,
    fonts: &'a Fonts,
    /// Headings of level 1 and 2 so far (their bookmarks are `_Toc<n>`, as the contents' entries).
    entries_seen: usize,
    /// Ids of bookmarks and pictures, unique in the document.
    next_id: u32,
    /// Inside a landscape section (wide tables).
    landscape: bool,
}

fn bookmark(n: usize) -> String {
    format!("_Toc{n:06}")
}

/// The width a word of the table's type needs, in twips (Times: capitals about .72 em, other
/// letters and digits about .5 em), bold a little wider.
fn word_twips(word: &str, bold: bool) -> u32 {
    let em = f64::from(crate::report::document::TABLE_PT) * 20.0;
    let w: f64 = word
        .chars()
        .map(|c| {
            if c.is_uppercase() {
                0.72
            } else if c == ' ' {
                0.25
            } else {
                0.5
            }
        })
        .sum::<f64>()
        * em;
    (if bold { w * 1.06 } else { w }).ceil() as u32
}

/// Each column's width: at least its longest word (so that "HTXSNV" or a row number is never
/// broken inside), the rest of the width shared by the columns' weights.
fn column_widths(t: &Table, width: u32) -> Vec<u32> {
    // Both cell margins and a little air.
    const PADDING: u32 = 2 * 85 + 60;
    let mut need: Vec<u32> = t
        .columns
        .iter()
        .map(|c| c.label.split_whitespace().map(|w| word_twips(w, true)).max().unwrap_or(0) + PADDING)
        .collect();
    for r in &t.rows {
        let Row::Cells(cells) = r else { continue };
        for (i, cell) in cells.iter().enumerate() {
            if let Some(n) = need.get_mut(i) {
                let bold = i == 0 && t.row_header;
                let longest = cell.split_whitespace().map(|w| word_twips(w, bold)).max().unwrap_or(0);
                *n = (*n).max(longest + PADDING);
            }
        }
    }
    let needed: u32 = need.iter().sum();
    if needed >= width {
        // Too many long words for the page: every column in proportion to its need.
        return need.iter().map(|n| (u64::from(*n) * u64::from(width) / u64::from(needed.max(1))) as u32).collect();
    }
    // The rest goes to the columns whose share by weight is more than they need, in proportion
    // to what they lack of that share (so the widths still follow the weights where they can).
    let weights: u64 = t.columns.iter().map(|c| u64::from(c.weight.max(1))).sum();
    let share = |i: usize| u64::from(width) * u64::from(t.columns[i].weight.max(1)) / weights.max(1);
    let lack: Vec<u64> = (0..need.len()).map(|i| share(i).saturating_sub(u64::from(need[i]))).collect();
    let total: u64 = lack.iter().sum();
    let extra = u64::from(width - needed);
    need.iter()
        .enumerate()
        .map(|(i, n)| {
            let more = (extra * lack[i])
                .checked_div(total)
                .unwrap_or_else(|| extra * u64::from(t.columns[i].weight.max(1)) / weights.max(1));
            n + more as u32
        })
        .collect()
}

/// The text width of a page, in millimetres.
fn text_mm(landscape: bool) -> u32 {
    let page = if landscape { PAGE_MM.1 } else { PAGE_MM.0 };
    page - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
}

pub fn render(doc: &Document, fonts: &Fonts) -> Result<Body, String> {
    let entries = doc.entries();
    let mut w = Writer {
        out: parts::document_start(),
        images: Vec::new(),
        fonts,
        entries_seen: 0,
        next_id: 1,
        landscape: false,
    };
    for b in &doc.blocks {
        w.block(b, &entries)?;
    }
    let last = parts::section(w.landscape);
    w.out.push_str(&last);
    w.out.push_str("</w:body></w:document>");
    Ok(Body { xml: w.out, images: w.images })
}

impl Writer<'_> {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// Ends the section so far with the given orientation and begins the other.
    fn switch_section(&mut self, landscape: bool) {
        if self.landscape != landscape {
            let _ = write!(self.out, "<w:p><w:pPr>{}</w:pPr></w:p>", parts::section(self.landscape));
            self.landscape = landscape;
        }
    }

    fn esc(&mut self, s: &str) {
        push_escaped(&mut self.out, s);
    }

    /// A run of text; line breaks in it become Word line breaks.
    fn run(&mut self, text: &str, bold: bool, italic: bool, underline: bool) {
        self.out.push_str("<w:r>");
        if bold || italic || underline {
            self.out.push_str("<w:rPr>");
            if bold {
                self.out.push_str("<w:b/><w:bCs/>");
            }
            if italic {
                self.out.push_str("<w:i/><w:iCs/>");
            }
            if underline {
                self.out.push_str(r#"<w:u w:val="single"/>"#);
            }
            self.out.push_str("</w:rPr>");
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.out.push_str("<w:br/>");
            }
            self.out.push_str(r#"<w:t xml:space="preserve">"#);
            self.esc(line);
            self.out.push_str("</w:t>");
        }
        self.out.push_str("</w:r>");
    }

    fn open_para(&mut self, style: &str, extra: &str) {
        let _ = write!(self.out, r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>"#);
    }

    fn close_para(&mut self) {
        self.out.push_str("</w:p>");
    }

    /// A paragraph of one run.
    fn line(&mut self, style: &str, text: &str, bold: bool, italic: bool) {
        self.open_para(style, "");
        self.run(text, bold, italic, false);
        self.close_para();
    }

    fn runs(&mut self, style: &str, runs: &[Run]) {
        self.open_para(style, "");
        for r in runs {
            self.run(&r.text, r.bold, r.italic, false);
        }
        self.close_para();
    }

    fn block(&mut self, b: &Block, entries: &[Entry]) -> Result<(), String> {
        if !matches!(b, Block::Table(t) if t.wide) {
            self.switch_section(false);
        }
        match b {
            Block::Masthead(m) => self.masthead(m),
            Block::Title { kind, title } => {
                self.line("Title", kind, true, false);
                self.open_para("Title", r#"<w:spacing w:before="0" w:after="0"/>"#);
                self.run(title, true, false, false);
                self.close_para();
                // The short rule under the title.
                self.open_para("Title", r#"<w:spacing w:before="0" w:after="240"/>"#);
                self.run("–––––––––", false, false, false);
                self.close_para();
            }
            Block::Contents { heading } => self.contents(heading, entries),
            Block::Heading { level, text, new_page, .. } => {
                let style = match level {
                    0 | 1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                self.open_para(style, if *new_page { "<w:pageBreakBefore/>" } else { "" });
                if *level <= 2 {
                    self.entries_seen += 1;
                    let id = self.id();
                    let _ =
                        write!(self.out, r#"<w:bookmarkStart w:id="{id}" w:name="{}"/>"#, bookmark(self.entries_seen));
                    self.run(text, false, false, false);
                    let _ = write!(self.out, r#"<w:bookmarkEnd w:id="{id}"/>"#);
                } else {
                    self.run(text, false, false, false);
                }
                self.close_para();
            }
            Block::Para(runs) => self.runs("Normal", runs),
            Block::List(items) => {
                for i in items {
                    self.line("ListLine", &format!("- {i}"), false, false);
                }
            }
            Block::Note { title, meta, markdown, .. } => {
                if let Some(t) = title {
                    self.line("NoteTitle", t, true, false);
                }
                if !meta.is_empty() {
                    self.line("NoteMeta", meta, false, true);
                }
                for part in super::notes::parts(markdown) {
                    match part {
                        super::notes::Part::Para { style, depth, runs } => {
                            let indent = if depth > 1 {
                                format!(r#"<w:ind w:left="{}" w:hanging="240"/>"#, 360 * depth)
                            } else {
                                String::new()
                            };
                            self.open_para(style, &indent);
                            for r in &runs {
                                self.run(&r.text, r.bold, r.italic, false);
                            }
                            self.close_para();
                        }
                        super::notes::Part::Table(t) => self.table(&t),
                    }
                }
            }
            Block::Table(t) => self.table(t),
            Block::Chart(c) => self.chart(c)?,
            Block::Signature(s) => self.signature(s),
            // Only the HTML page is made of pieces; the whole document has none.
            Block::Piece(_) => {}
        }
        Ok(())
    }

    /// A table without borders, of `widths` (millimetres), whose cells `fill` writes.
    fn layout_table(&mut self, widths: &[u32], cells: &mut dyn FnMut(&mut Self, usize)) {
        let nil = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|s| format!(r#"<w:{s} w:val="nil"/>"#))
            .collect::<String>();
        let _ = write!(
            self.out,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>{nil}</w:tblBorders></w:tblPr><w:tblGrid>"#,
            widths.iter().map(|&w| Unit::mm(w).twips()).sum::<u32>()
        );
        for &w in widths {
            let _ = write!(self.out, r#"<w:gridCol w:w="{}"/>"#, Unit::mm(w).twips());
        }
        self.out.push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, &w) in widths.iter().enumerate() {
            let _ = write!(self.out, r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>"#, Unit::mm(w).twips());
            let before = self.out.len();
            cells(self, i);
            if self.out.len() == before {
                // A cell holds at least one paragraph.
                self.out.push_str("<w:p/>");
            }
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr></w:tbl>");
    }

    /// The heading block of Hướng dẫn 36-HD/VPTW: the issuer and the number on the left, the
    /// Party's name (underlined) and the place and date (italic) on the right.
    fn masthead(&mut self, m: &Masthead) {
        let width = text_mm(false);
        let left = width * 42 / 100;
        self.layout_table(&[left, width - left], &mut |w, col| {
            if col == 0 {
                let last = m.issuer.len().saturating_sub(1);
                for (i, line) in m.issuer.iter().enumerate() {
                    w.line("Masthead", line, i == last, false);
                }
                w.line("Masthead", "*", false, false);
                if let Some(n) = &m.number {
                    w.line("Masthead", n, false, false);
                }
            } else {
                w.open_para("Masthead", r#"<w:spacing w:after="120"/>"#);
                w.run(&m.party, true, false, true);
                w.close_para();
                w.line("Masthead", &m.place_date, false, true);
            }
        });
    }

    /// The contents: a TOC field that Word fills, holding one entry per section with a PAGEREF
    /// field to the bookmark on its heading.
    fn contents(&mut self, heading: &str, entries: &[Entry]) {
        self.open_para("TOCHeading", "<w:pageBreakBefore/>");
        self.run(heading, false, false, false);
        self.close_para();
        let tab = Unit::mm(text_mm(false)).twips();
        if entries.is_empty() {
            return;
        }
        for (i, e) in entries.iter().enumerate() {
            let style = if e.level <= 1 { "TOC1" } else { "TOC2" };
            let tabs = format!(r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs>"#);
            self.open_para(style, &tabs);
            if i == 0 {
                self.out.push_str(concat!(
                    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
                    r#"<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>"#,
                    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
                ));
            }
            let mark = bookmark(i + 1);
            let _ = write!(self.out, r#"<w:hyperlink w:anchor="{mark}" w:history="1">"#);
            self.run(&e.text, false, false, false);
            self.out.push_str("<w:r><w:tab/></w:r>");
            let _ = write!(
                self.out,
                concat!(
                    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
                    r#"<w:r><w:instrText xml:space="preserve"> PAGEREF {} \h </w:instrText></w:r>"#,
                    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>…</w:t></w:r>"#,
                    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>"#
                ),
                mark
            );
            if i + 1 == entries.len() {
                self.out.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
            }
            self.close_para();
        }
    }

    /// A table with borders: its header row repeats on every page, no row breaks across pages,
    /// every column keeps its share of the width; a wide one goes on landscape pages.
    fn table(&mut self, t: &Table) {
        if t.columns.is_empty() {
            return;
        }
        self.switch_section(t.wide);
        if let Some(c) = &t.caption {
            self.line("Caption", c, true, false);
        }
        let widths = column_widths(t, Unit::mm(text_mm(self.landscape)).twips());
        let border = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|s| format!(r#"<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#))
            .collect::<String>();
        let _ = write!(
            self.out,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>{border}</w:tblBorders></w:tblPr><w:tblGrid>"#,
            widths.iter().sum::<u32>()
        );
        for w in &widths {
            let _ = write!(self.out, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.out.push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (c, w) in t.columns.iter().zip(&widths) {
            let _ = write!(
                self.out,
                r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E7ECF3"/><w:vAlign w:val="center"/></w:tcPr>"#
            );
            self.line("TableHead", &c.label, false, false);
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
        for r in &t.rows {
            let Row::Cells(cells) = r else { continue };
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, ((c, w), cell)) in t.columns.iter().zip(&widths).zip(cells).enumerate() {
                let _ = write!(self.out, r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>"#);
                let align = if c.num { r#"<w:jc w:val="right"/>"# } else { "" };
                self.open_para("TableText", align);
                self.run(cell, i == 0 && t.row_header, false, false);
                self.close_para();
                self.out.push_str("</w:tc>");
            }
            // A short row still has every cell.
            for w in widths.iter().skip(cells.len()) {
                let _ = write!(self.out, r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p/></w:tc>"#);
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, and after the last one in a cell.
        self.out.push_str(r#"<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>"#);
    }

    /// A chart as a picture, its caption under it.
    fn chart(&mut self, c: &Chart) -> Result<(), String> {
        let picture = png::render(&c.svg, CHART_PX, self.fonts).map_err(|e| format!("chart \"{}\": {e}", c.title))?;
        let width_mm = CHART_MM.min(text_mm(self.landscape));
        let cx = Unit::mm(width_mm).emu();
        let cy = Unit::mm_f(f64::from(width_mm) * f64::from(picture.height) / f64::from(picture.width)).emu();
        self.images.push(picture.bytes);
        let n = self.images.len();
        let id = self.id();
        self.open_para("Figure", "");
        let _ = write!(
            self.out,
            concat!(
                r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>"#,
                r#"<wp:docPr id="{id}" name="Chart {n}" descr=""#
            ),
            cx = cx,
            cy = cy,
            id = id,
            n = n
        );
        self.esc(&c.title);
        let _ = write!(
            self.out,
            concat!(
                r#""/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
                r#"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
                r#"<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="{id}" name="chart{n}.png"/><pic:cNvPicPr/></pic:nvPicPr>"#,
                r#"<pic:blipFill><a:blip r:embed="rIdImg{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
                r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>"#,
                "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
            ),
            id = id,
            n = n,
            cx = cx,
            cy = cy
        );
        self.close_para();
        self.open_para("Caption", r#"<w:keepNext w:val="0"/><w:spacing w:before="60" w:after="200"/>"#);
        self.run(&c.title, true, false, false);
        if !c.desc.is_empty() {
            self.run(&format!(". {}", c.desc), false, false, false);
        }
        self.close_para();
        Ok(())
    }

    /// "Nơi nhận" on the left, the signer on the right.
    fn signature(&mut self, s: &Signature) {
        let width = text_mm(false);
        let left = width / 2;
        self.out.push_str(r#"<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"#);
        self.layout_table(&[left, width - left], &mut |w, col| {
            if col == 0 {
                if !s.recipients.is_empty() {
                    w.open_para("Masthead", r#"<w:jc w:val="left"/>"#);
                    w.run(&s.recipients_heading, true, true, false);
                    w.close_para();
                    for r in &s.recipients {
                        w.open_para("Masthead", r#"<w:jc w:val="left"/>"#);
                        w.out.push_str(r#"<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">- "#);
                        w.esc(r);
                        w.out.push_str("</w:t></w:r>");
                        w.close_para();
                    }
                }
            } else {
                for line in &s.role {
                    w.line("Masthead", line, true, false);
                }
                for _ in 0..4 {
                    w.line("Masthead", "", false, false);
                }
                w.line("Masthead", &s.name, true, false);
            }
        });
    }
}
