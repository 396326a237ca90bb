//! The one description of the year's official report: its blocks (the heading block of Hướng dẫn
//! 36-HD/VPTW, the title, contents, headings, paragraphs, notes, tables, charts, the signature),
//! made once by [`crate::report::booklet`] and rendered by [`html`] (the print page Chromium turns
//! into the PDF) and by [`docx`] (the Word file). What one version shows, the other shows.

pub mod docx;
pub mod html;

/// The page geometry both renderers use (A4; margins of Hướng dẫn 36-HD/VPTW: top and bottom
/// 20–25 mm, left 30–35 mm, right 15–20 mm), in millimetres.
pub const PAGE_MM: (u32, u32) = (210, 297);
pub const MARGIN_TOP_MM: u32 = 20;
pub const MARGIN_BOTTOM_MM: u32 = 20;
pub const MARGIN_LEFT_MM: u32 = 30;
pub const MARGIN_RIGHT_MM: u32 = 15;
/// Body text, in points (13–14 pt).
pub const BODY_PT: u32 = 14;
/// Table text, in points: smaller, so that wide tables keep every column.
pub const TABLE_PT: u32 = 11;

#[derive(Debug, Clone, Default)]
pub struct Document {
    /// `vi` or `en`.
    pub lang: String,
    /// The document's title (for the file's properties).
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    /// The heading block at the top of the first page.
    Masthead(Masthead),
    /// The document's kind ("BÁO CÁO") and its title, centred.
    Title {
        kind: String,
        title: String,
    },
    /// The contents: every heading of level 1 and 2, with its page (Word fills its own field).
    Contents {
        heading: String,
    },
    /// A section heading: level 1 (a part), 2 (a chapter) or 3. `new_page`: it starts a page.
    Heading {
        level: u8,
        id: String,
        text: String,
        new_page: bool,
    },
    Para(Vec<Run>),
    /// A bulleted list of plain lines.
    List(Vec<String>),
    /// A note's Markdown (the review text, a district's notes), with its title and byline.
    Note {
        title: Option<String>,
        meta: String,
        markdown: String,
        /// Where the page finds the note's `files/` folder (`""`: beside it), and the files
        /// published there (`Note::files`).
        files_at: String,
        files: Vec<String>,
    },
    Table(Table),
    Chart(Chart),
    Signature(Signature),
    /// A part of the HTML page made elsewhere (a piece a build may copy from the last booklet,
    /// here as its marker). Only the HTML page has these; the Word file is made whole.
    Piece(String),
}

#[derive(Debug, Clone, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run { text: text.into(), ..Run::default() }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run { text: text.into(), bold: true, ..Run::default() }
    }
}

/// The heading block: the issuer's lines on the left (the last one bold, a `*` under them, then
/// the number), "ĐẢNG CỘNG SẢN VIỆT NAM" on the right (underlined), the place and date under it.
#[derive(Debug, Clone, Default)]
pub struct Masthead {
    pub issuer: Vec<String>,
    /// `Số: 123-BC/BTCTU`.
    pub number: Option<String>,
    pub party: String,
    /// `Thái Bình, ngày 15 tháng 12 năm 2025`.
    pub place_date: String,
}

/// The signature block (right) and "Nơi nhận" (left).
#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub role: Vec<String>,
    pub name: String,
    pub recipients_heading: String,
    pub recipients: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Too wide for a portrait page: printed on landscape pages (a Word landscape section).
    pub wide: bool,
    /// The first cell of each row names it (a row header).
    pub row_header: bool,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    /// Numbers: right-aligned.
    pub num: bool,
    /// Relative width.
    pub weight: u16,
}

impl Column {
    pub fn text(label: impl Into<String>, weight: u16) -> Column {
        Column { label: label.into(), num: false, weight }
    }
    pub fn num(label: impl Into<String>, weight: u16) -> Column {
        Column { label: label.into(), num: true, weight }
    }
}

#[derive(Debug, Clone)]
pub enum Row {
    Cells(Vec<String>),
    /// Rows made elsewhere (see [`Block::Piece`]).
    Piece(String),
}

#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    pub desc: String,
    pub svg: String,
}

/// A contents entry: a heading of level 1 or 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

impl Document {
    /// The contents: every heading of level 1 and 2, in order.
    pub fn entries(&self) -> Vec<Entry> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, id, text, .. } if *level <= 2 => {
                    Some(Entry { level: *level, id: id.clone(), text: text.clone() })
                }
                _ => None,
            })
            .collect()
    }
}

/// "ngày 15 tháng 12 năm 2025" (vi; a day below 10 and the months 1 and 2 with a leading zero,
/// as official documents write them) or "15 December 2025" (en).
pub fn long_date(lang: &str, d: jiff::civil::Date) -> String {
    if lang == "en" {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS.get(usize::try_from(d.month() - 1).unwrap_or(0)).copied().unwrap_or("");
        return format!("{} {month} {}", d.day(), d.year());
    }
    let day = if d.day() < 10 { format!("0{}", d.day()) } else { d.day().to_string() };
    let month = if d.month() < 3 { format!("0{}", d.month()) } else { d.month().to_string() };
    format!("ngày {day} tháng {month} năm {}", d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_follow_the_official_form() {
        let d = |y, m, dd| jiff::civil::date(y, m, dd);
        assert_eq!(long_date("vi", d(2025, 12, 15)), "ngày 15 tháng 12 năm 2025");
        assert_eq!(long_date("vi", d(2025, 2, 5)), "ngày 05 tháng 02 năm 2025");
        assert_eq!(long_date("vi", d(2025, 3, 9)), "ngày 09 tháng 3 năm 2025");
        assert_eq!(long_date("en", d(2025, 12, 15)), "15 December 2025");
    }

    #[test]
    fn contents_list_the_first_two_levels() {
        let h = |level, id: &str| Block::Heading { level, id: id.into(), text: id.into(), new_page: false };
        let doc =
            Document { blocks: vec![h(1, "a"), Block::List(vec![]), h(2, "b"), h(3, "c")], ..Document::default() };
        let ids: Vec<String> = doc.entries().into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
