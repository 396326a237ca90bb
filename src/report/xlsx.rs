//! `data/bao-cao-<year>.xlsx`: the year's figures as a workbook for the staff's own reports.
//!
//! One sheet per kind of unit (province across the years, districts, branch types, branches)
//! and one for the targets; each with a title row and a header row that stay in view (frozen)
//! and repeat on printed pages, percentages as real numbers formatted `0.0%`. The figures are
//! those of the CSV downloads (percentages with one decimal, half away from zero).
//!
//! The workbook is deterministic: its creation date is the build date (set from
//! `SOURCE_DATE_EPOCH` for reproducible builds), so the same content builds byte-identical files.

use std::io::Read;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::zip;
use crate::domain::aggregate::{Aggregates, Stats};
use crate::domain::model::{Content, Language, Level, Ratio, Scope, Threshold};
use crate::domain::score;
use crate::report::deps::Deps;
use crate::report::pieces::{self, OldFile, Piece};

/// The interface strings of the workbook, in the site language.
struct Labels {
    province: &'static str,
    districts: &'static str,
    types: &'static str,
    branches: &'static str,
    targets: &'static str,
    year: &'static str,
    district: &'static str,
    branch_type: &'static str,
    branch: &'static str,
    subtype: &'static str,
    level: &'static str,
    members: &'static str,
    rating: &'static str,
    score: &'static str,
    max_score: &'static str,
    score_pct: &'static str,
    model: &'static str,
    pilot: &'static str,
    vetoes: &'static str,
    count: &'static str,
    good: &'static str,
    good_pct: &'static str,
    model_pct: &'static str,
    pilots_model: &'static str,
    mean_pct: &'static str,
    target: &'static str,
    scope: &'static str,
    threshold: &'static str,
    value: &'static str,
    met: &'static str,
    districts_met: &'static str,
    scope_district: &'static str,
    scope_province: &'static str,
    yes: &'static str,
    no: &'static str,
    is_met: &'static str,
    not_met: &'static str,
    in_year: &'static str,
    years: &'static str,
    co_so: &'static str,
    truc_thuoc: &'static str,
}

const VI: Labels = Labels {
    province: "Toàn tỉnh",
    districts: "Đơn vị cấp huyện",
    types: "Loại hình",
    branches: "Chi bộ",
    targets: "Chỉ tiêu",
    year: "Năm",
    district: "Đơn vị cấp huyện",
    branch_type: "Loại hình",
    branch: "Chi bộ",
    subtype: "Loại hình con",
    level: "Cấp",
    members: "Số đảng viên",
    rating: "Xếp loại",
    score: "Tổng điểm",
    max_score: "Điểm tối đa",
    score_pct: "Tỷ lệ điểm",
    model: "Kiểu mẫu",
    pilot: "Thí điểm",
    vetoes: "Trường hợp loại trừ",
    count: "Số chi bộ",
    good: "HTTNV trở lên",
    good_pct: "Tỷ lệ HTTNV trở lên",
    model_pct: "Tỷ lệ kiểu mẫu",
    pilots_model: "Thí điểm đạt kiểu mẫu",
    mean_pct: "Điểm bình quân",
    target: "Chỉ tiêu",
    scope: "Phạm vi",
    threshold: "Mức",
    value: "Kết quả toàn tỉnh",
    met: "Đánh giá",
    districts_met: "Số đơn vị cấp huyện đạt",
    scope_district: "Từng đơn vị cấp huyện",
    scope_province: "Toàn tỉnh",
    yes: "Có",
    no: "Không",
    is_met: "Đạt",
    not_met: "Chưa đạt",
    in_year: "năm",
    years: "các năm đến",
    co_so: "Cơ sở",
    truc_thuoc: "Trực thuộc",
};

const EN: Labels = Labels {
    province: "Province",
    districts: "Districts",
    types: "Branch types",
    branches: "Branches",
    targets: "Targets",
    year: "Year",
    district: "District",
    branch_type: "Type",
    branch: "Branch",
    subtype: "Subtype",
    level: "Level",
    members: "Members",
    rating: "Rating",
    score: "Score",
    max_score: "Maximum",
    score_pct: "Score %",
    model: "Model",
    pilot: "Pilot",
    vetoes: "Vetoes",
    count: "Branches",
    good: "Good or better",
    good_pct: "Good or better %",
    model_pct: "Model %",
    pilots_model: "Pilots at model",
    mean_pct: "Mean score",
    target: "Target",
    scope: "Scope",
    threshold: "Threshold",
    value: "Province value",
    met: "Result",
    districts_met: "Districts meeting it",
    scope_district: "Every district",
    scope_province: "Province",
    yes: "Yes",
    no: "No",
    is_met: "Met",
    not_met: "Not met",
    in_year: "year",
    years: "years up to",
    co_so: "Grassroots",
    truc_thuoc: "Subordinate",
};

/// The cell formats of a workbook.
struct Styles {
    title: Format,
    header: Format,
    bold: Format,
    number: Format,
    pct: Format,
    bold_number: Format,
    bold_pct: Format,
}

impl Styles {
    fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xDDE4EE))
            .set_border(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(13),
            header,
            bold: Format::new().set_bold(),
            number: Format::new().set_num_format("#,##0"),
            pct: Format::new().set_num_format("0.0%"),
            bold_number: Format::new().set_bold().set_num_format("#,##0"),
            bold_pct: Format::new().set_bold().set_num_format("0.0%"),
        }
    }
}

/// A percentage as the fraction Excel formats with `0.0%`, rounded like the CSV (92.5% -> 0.925).
fn pct_value(r: Option<Ratio>) -> Option<f64> {
    r.map(|r| r.pct_tenths() as f64 / 1000.0)
}

/// Writes rows below the title and header rows.
struct Sheet<'a> {
    ws: Worksheet,
    row: u32,
    styles: &'a Styles,
}

impl<'a> Sheet<'a> {
    /// A sheet with its title (row 1) and header (row 2), both frozen with `frozen_cols` columns.
    /// A sheet in `ws` (a plain one, or one that streams its rows to a temporary file) with
    /// title and header rows, column widths, frozen panes and print settings.
    fn in_worksheet(
        mut ws: Worksheet,
        name: &str,
        title: &str,
        header: &[String],
        widths: &[f64],
        frozen_cols: u16,
        styles: &'a Styles,
    ) -> Result<Self, XlsxError> {
        ws.set_name(name)?;
        ws.write_string_with_format(0, 0, title, &styles.title)?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(1, col(c), h, &styles.header)?;
            let width = widths.get(c).or(widths.last()).copied().unwrap_or(12.0);
            ws.set_column_width(col(c), width)?;
        }
        ws.set_row_height(1, 32)?;
        ws.set_freeze_panes(2, frozen_cols)?;
        ws.set_repeat_rows(0, 1)?;
        ws.set_paper_size(9); // A4
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        Ok(Sheet { ws, row: 2, styles })
    }

    /// Plain cells are written without a format: looking a format up costs more than the cell.
    fn text(&mut self, c: usize, s: &str, bold: bool) -> Result<(), XlsxError> {
        match (s.is_empty(), bold) {
            (true, _) => {}
            (false, true) => {
                self.ws.write_string_with_format(self.row, col(c), s, &self.styles.bold)?;
            }
            (false, false) => {
                self.ws.write_string(self.row, col(c), s)?;
            }
        }
        Ok(())
    }

    fn number(&mut self, c: usize, v: f64, bold: bool) -> Result<(), XlsxError> {
        let f = if bold { &self.styles.bold_number } else { &self.styles.number };
        self.ws.write_number_with_format(self.row, col(c), v, f)?;
        Ok(())
    }

    /// A score or a plain whole number, in the General format: 9, 8.5, 8.25 as they are.
    fn plain(&mut self, c: usize, v: f64) -> Result<(), XlsxError> {
        self.ws.write_number(self.row, col(c), v)?;
        Ok(())
    }

    fn pct(&mut self, c: usize, v: Option<Ratio>, bold: bool) -> Result<(), XlsxError> {
        if let Some(v) = pct_value(v) {
            let f = if bold { &self.styles.bold_pct } else { &self.styles.pct };
            self.ws.write_number_with_format(self.row, col(c), v, f)?;
        }
        Ok(())
    }

    /// A unit's figures from column `c` on.
    fn stats(&mut self, c: usize, s: &Stats, bold: bool) -> Result<(), XlsxError> {
        let mut c = c;
        self.number(c, f64::from(s.branches), bold)?;
        for n in &s.per_rating {
            c += 1;
            self.number(c, f64::from(*n), bold)?;
        }
        self.number(c + 1, f64::from(s.good), bold)?;
        self.pct(c + 2, s.good_pct(), bold)?;
        self.number(c + 3, f64::from(s.model), bold)?;
        self.pct(c + 4, s.model_pct(), bold)?;
        self.number(c + 5, f64::from(s.pilots), bold)?;
        self.number(c + 6, f64::from(s.pilots_model), bold)?;
        self.pct(c + 7, s.mean_score_pct(), bold)?;
        self.number(c + 8, s.members as f64, bold)?;
        Ok(())
    }

    fn next(&mut self) {
        self.row += 1;
    }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// The header cells of a unit's figures.
fn stats_header(content: &Content, l: &Labels) -> Vec<String> {
    let mut h = vec![l.count.to_string()];
    h.extend(content.site.ratings.iter().map(|r| r.code.clone()));
    h.extend(
        [l.good, l.good_pct, l.model, l.model_pct, l.pilot, l.pilots_model, l.mean_pct, l.members].map(String::from),
    );
    h
}

fn unit_sheet<'a>(
    name: &str,
    title: String,
    first: &str,
    content: &Content,
    l: &Labels,
    styles: &'a Styles,
) -> Result<Sheet<'a>, XlsxError> {
    let mut header = vec![first.to_string()];
    header.extend(stats_header(content, l));
    Sheet::in_worksheet(Worksheet::new(), name, &title, &header, &[30.0, 11.0], 1, styles)
}

/// A sheet of one kind of unit in the year (districts in display order, or types): a row per
/// unit, then the province in bold.
#[allow(clippy::too_many_arguments)]
fn units_sheet(
    name: &str,
    first: &str,
    year: i32,
    rows: &[(&str, &Stats)],
    province: &Stats,
    content: &Content,
    l: &Labels,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let mut s = unit_sheet(name, format!("{name} – {} {year}", l.in_year), first, content, l, styles)?;
    for (label, stats) in rows {
        s.text(0, label, false)?;
        s.stats(1, stats, false)?;
        s.next();
    }
    s.text(0, l.province, true)?;
    s.stats(1, province, true)?;
    Ok(s.ws)
}

/// The workbook of one year as rust_xlsxwriter makes it: every sheet, the branches sheet with
/// its rows when `with_rows`, else with its title and header rows alone (the rows are then
/// made by [`workbook_pieces`]).
fn book(
    content: &Content,
    agg: &Aggregates,
    year: i32,
    date: jiff::civil::Date,
    with_rows: bool,
) -> Result<Vec<u8>, XlsxError> {
    let l = labels(content);
    let site = &content.site;
    let styles = Styles::new();
    let yi = agg.year_index(year);
    let empty = Stats::default();
    fn year_of<'s>(series: &'s [Stats], yi: Option<usize>, empty: &'s Stats) -> &'s Stats {
        yi.and_then(|i| series.get(i)).unwrap_or(empty)
    }
    let at = |series| year_of(series, yi, &empty);
    let mut book = Workbook::new();
    book.set_zip_compression_level(LEVEL as u8);
    let created = ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(2000),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{} – {} {year}", site.title, l.in_year))
            .set_author(&site.organisation)
            .set_company(&site.organisation)
            .set_creation_datetime(&created),
    );

    // The province, year by year up to this one.
    let mut s = unit_sheet(l.province, format!("{} – {} {year}", l.province, l.years), l.year, content, l, &styles)?;
    for (i, y) in agg.years.iter().enumerate().filter(|(_, y)| **y <= year) {
        if *y == year {
            s.ws.write_number_with_format(s.row, 0, f64::from(*y), &styles.bold)?;
        } else {
            s.plain(0, f64::from(*y))?;
        }
        s.stats(1, &agg.province[i], *y == year)?;
        s.next();
    }
    book.push_worksheet(s.ws);

    let province = at(&agg.province);
    let districts: Vec<(&str, &Stats)> =
        content.districts.iter().zip(&agg.districts).map(|(d, series)| (d.name.as_str(), at(series))).collect();
    book.push_worksheet(units_sheet(l.districts, l.district, year, &districts, province, content, l, &styles)?);
    let types: Vec<(&str, &Stats)> =
        site.branch_types.iter().zip(&agg.types).map(|(t, series)| (t.name.as_str(), at(series))).collect();
    book.push_worksheet(units_sheet(l.types, l.branch_type, year, &types, province, content, l, &styles)?);

    // A constant-memory sheet: its rows go to a temporary file as they are written (a national
    // site has hundreds of thousands of branches), and its strings are written inline, not in
    // the shared-strings table, so that each district's rows are the same bytes whatever the
    // other sheets hold.
    let ws = book.new_worksheet_with_constant_memory()?;
    let mut s = branches_head(ws, content, year, l, &styles)?;
    let rows = BranchRows::new(content, agg, year, l);
    if with_rows {
        for di in 0..content.districts.len() {
            rows.write(di, &mut s)?;
        }
    } else if (0..content.districts.len()).any(|di| rows.count(di) > 0) {
        // The rows' first percentage would add the `0.0%` format to the workbook's formats
        // here, before those of the other sheets (added when the workbook is saved): add it
        // now, through a sheet that is dropped, so that every format keeps its number.
        let mut probe = book.new_worksheet_with_constant_memory()?;
        probe.write_number_with_format(0, 0, 0.0, &styles.pct)?;
    }
    book.push_worksheet(s.ws);
    book.push_worksheet(targets_sheet(content, agg, year, l, &styles)?);
    book.save_to_buffer()
}

fn labels(content: &Content) -> &'static Labels {
    match content.site.language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

/// The deflate level of every part of the workbook: the fastest (national sites).
const LEVEL: u32 = 1;

/// The branches sheet in the workbook rust_xlsxwriter writes (the fourth sheet).
const BRANCHES_PART: &str = "xl/worksheets/sheet4.xml";

/// The workbook of one year, whole (see [`workbook_pieces`]).
#[cfg(test)]
pub fn workbook(content: &Content, agg: &Aggregates, year: i32, date: jiff::civil::Date) -> Result<Vec<u8>, XlsxError> {
    let pieces = pieces(content, agg, year, date, None)?;
    let mut bytes = Vec::with_capacity(pieces.iter().map(|p| p.len() as usize).sum());
    for p in pieces {
        match p {
            Piece::New { bytes: b, .. } => bytes.extend(b),
            Piece::Old(_) => return Err(XlsxError::CustomError("an old piece without an old file".into())),
        }
    }
    Ok(bytes)
}

/// The workbook of one year as pieces (see [`crate::build::splice`]): each district's rows of the
/// branches sheet are one piece, deflated on its own and keyed by what they are made from, so
/// that the next build copies them from `old` (the last build's file) unless they changed. The
/// rest (the other sheets, the branches sheet's title and header, the zip headers) is made anew:
/// it is small.
///
/// The file is the one rust_xlsxwriter makes with the branches sheet in constant-memory mode,
/// part by part (only the zip container differs): rust_xlsxwriter makes the workbook without
/// the branch rows, and its parts are copied, compressed as they are, into a zip container
/// written here, the branches sheet's with the rows added.
pub fn workbook_pieces(
    content: &Content,
    agg: &Aggregates,
    year: i32,
    date: jiff::civil::Date,
    deps: &Deps,
    old: Option<&OldFile>,
) -> Result<Vec<Piece>, XlsxError> {
    pieces(content, agg, year, date, Some((deps, old)))
}

fn pieces(
    content: &Content,
    agg: &Aggregates,
    year: i32,
    date: jiff::civil::Date,
    keyed: Option<(&Deps, Option<&OldFile>)>,
) -> Result<Vec<Piece>, XlsxError> {
    let bad = |what: &str| XlsxError::CustomError(format!("the {year} workbook as rust_xlsxwriter made it: {what}"));
    let entries = zip::read(&book(content, agg, year, date, false)?)?;
    let part = |name: &str| -> Result<String, XlsxError> {
        let e = entries.iter().find(|e| e.header.name == name).ok_or_else(|| bad(&format!("no {name}")))?;
        let mut text = String::new();
        match e.header.method {
            0 => text = String::from_utf8(e.data.clone()).map_err(|_| bad(&format!("{name} is not UTF-8")))?,
            _ => {
                flate2::read::DeflateDecoder::new(&e.data[..]).read_to_string(&mut text)?;
            }
        }
        Ok(text)
    };

    let l = labels(content);
    let rows = BranchRows::new(content, agg, year, l);
    let counts: Vec<u32> = (0..content.districts.len()).map(|di| rows.count(di)).collect();
    let total: u32 = counts.iter().sum();
    // Rows 1 and 2 are the title and the header.
    let last_row = 2 + total;
    if last_row > ROW_MAX {
        return Err(XlsxError::RowColumnLimitError);
    }
    let pct_xf = if total > 0 { pct_style(&part("xl/styles.xml")?).map_err(|e| bad(&e))? } else { 0 };

    // The sheet up to its rows' end, with the dimension of the whole sheet; the rest.
    let sheet = part(BRANCHES_PART)?;
    let end = sheet.find("</sheetData>").ok_or_else(|| bad(&format!("no </sheetData> in {BRANCHES_PART}")))?;
    let (head, tail) = sheet.split_at(end);
    let head = if total > 0 {
        with_last_row(without_repeated_row(head), last_row).map_err(|e| bad(&e))?
    } else {
        head.to_string()
    };

    // Each district's rows.
    let lang = content.site.language.code();
    let mut district_pieces = Vec::new();
    let mut first_row = 2u32;
    for (di, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let make = || -> Result<(Vec<u8>, u64), XlsxError> {
            let mut xml = XmlRows::new(first_row, pct_xf);
            rows.write(di, &mut xml)?;
            let xml = xml.finish();
            let crc = crc32fast::hash(&xml);
            let len =
                u32::try_from(xml.len()).map_err(|_| XlsxError::CustomError("a district's rows exceed 4 GB".into()))?;
            Ok((zip::deflate(&xml, LEVEL, false)?, u64::from(crc) << 32 | u64::from(len)))
        };
        let piece = match keyed {
            Some((deps, old)) => {
                let key = crate::domain::digest::key(&[
                    b"xlsx rows 1",
                    &deps.district_data(di),
                    &year.to_le_bytes(),
                    &first_row.to_le_bytes(),
                    &pct_xf.to_le_bytes(),
                    lang.as_bytes(),
                    &LEVEL.to_le_bytes(),
                ]);
                pieces::try_piece(old, key, make)?
            }
            None => {
                let (bytes, meta) = make()?;
                Piece::New { key: None, bytes, meta }
            }
        };
        district_pieces.push(piece);
        first_row += n;
    }

    // The sheet's CRC and sizes, from its pieces'.
    let mut crc = crc32fast::Hasher::new();
    crc.update(head.as_bytes());
    let mut size = head.len() as u64;
    for p in &district_pieces {
        let (piece_crc, len) = ((p.meta() >> 32) as u32, p.meta() & 0xffff_ffff);
        crc.combine(&crc32fast::Hasher::new_with_initial_len(piece_crc, len));
        size += len;
    }
    crc.update(tail.as_bytes());
    size += tail.len() as u64;
    let head = zip::deflate(head.as_bytes(), LEVEL, false)?;
    let tail = zip::deflate(tail.as_bytes(), LEVEL, true)?;
    let compressed = head.len() as u64 + district_pieces.iter().map(Piece::len).sum::<u64>() + tail.len() as u64;

    // The container: each part's local header and data, the sheet's in pieces; the directory.
    let mut out = Vec::new();
    let mut done = 0u64; // the bytes in `out`
    let mut plain = Vec::new();
    let mut directory = Vec::with_capacity(entries.len());
    let mut district_pieces = district_pieces.into_iter();
    for e in entries {
        let at = done + plain.len() as u64;
        if e.header.name != BRANCHES_PART {
            plain.extend(zip::local_header(&e.header)?);
            plain.extend(&e.data);
            directory.push((e.header, at));
            continue;
        }
        let h = zip::Header { method: 8, crc: crc.clone().finalize(), compressed, size, ..e.header };
        plain.extend(zip::local_header(&h)?);
        plain.extend(&head);
        for p in district_pieces.by_ref() {
            if !plain.is_empty() {
                let bytes = std::mem::take(&mut plain);
                done += bytes.len() as u64;
                out.push(Piece::plain(bytes));
            }
            done += p.len();
            out.push(p);
        }
        plain.extend(&tail);
        directory.push((h, at));
    }
    let at = done + plain.len() as u64;
    plain.extend(zip::directory(&directory, at)?);
    out.push(Piece::plain(plain));
    Ok(out)
}

/// Excel's row limit.
const ROW_MAX: u32 = 1_048_576;

/// The style number of the `0.0%` format (not bold) in the workbook's `styles.xml`.
fn pct_style(styles: &str) -> Result<u32, String> {
    // The elements named `tag` inside the first `<section>`, each from its first attribute on
    // with a space before it (so that every attribute has one).
    let elements = |section: &str, tag: &str| -> Result<Vec<String>, String> {
        let start = styles.find(&format!("<{section} ")).ok_or(format!("no <{section}> in styles.xml"))?;
        let len = styles[start..].find(&format!("</{section}>")).ok_or(format!("no </{section}> in styles.xml"))?;
        Ok(styles[start..start + len].split(&format!("<{tag} ")).skip(1).map(|el| format!(" {el}")).collect())
    };
    let attr = |el: &str, name: &str| -> Option<String> {
        let (_, rest) = el.split_once(&format!(" {name}=\""))?;
        Some(rest.split('"').next()?.to_string())
    };
    // The format's number, then the one cell style with that format and nothing else.
    let num_fmt = elements("numFmts", "numFmt")?
        .iter()
        .find(|el| attr(el, "formatCode").as_deref() == Some("0.0%"))
        .and_then(|el| attr(el, "numFmtId"))
        .ok_or("no 0.0% format in styles.xml")?;
    let is = |el: &str, name: &str, v: &str| attr(el, name).as_deref() == Some(v);
    let found: Vec<usize> = elements("cellXfs", "xf")?
        .iter()
        .enumerate()
        .filter(|(_, el)| is(el, "numFmtId", &num_fmt) && is(el, "fontId", "0") && is(el, "fillId", "0"))
        .filter(|(_, el)| is(el, "borderId", "0") && !el.contains("<alignment"))
        .map(|(i, _)| i)
        .collect();
    match found[..] {
        [i] => u32::try_from(i).map_err(|e| e.to_string()),
        [] => Err("no cell style of the plain 0.0% format in styles.xml".into()),
        _ => Err("more than one cell style of the plain 0.0% format in styles.xml".into()),
    }
}

/// `head` without its last `<row .../>` when that repeats the row before it. rust_xlsxwriter
/// (0.102) ends a constant-memory sheet whose last row has a height of its own with that row
/// written again, empty: `<row r="2" ht="32.25" customHeight="1">…</row><row r="2" ht="32.25"
/// customHeight="1"/>`. Here the header row is the last; with rows after it, it is not.
fn without_repeated_row(head: &str) -> &str {
    let Some(at) = head.rfind("<row ") else {
        return head;
    };
    let (before, last) = head.split_at(at);
    let attrs = last.strip_prefix("<row ").and_then(|l| l.strip_suffix("/>")).filter(|a| !a.contains('<'));
    match attrs {
        Some(attrs) if before.ends_with("</row>") && before.contains(&format!("<row {attrs}>")) => before,
        _ => head,
    }
}

/// `head` with the last row of its `<dimension ref="A1:X2"/>` set to `last_row` (1-based).
fn with_last_row(head: &str, last_row: u32) -> Result<String, String> {
    let from = "<dimension ref=\"";
    let a = head.find(from).ok_or("no <dimension> in the branches sheet")? + from.len();
    let len = head[a..].find('"').ok_or("an unclosed <dimension>")?;
    let range = &head[a..a + len];
    let (first, last) = range.split_once(':').ok_or_else(|| format!("the dimension {range} is not a range"))?;
    let col = last.trim_end_matches(|c: char| c.is_ascii_digit());
    Ok(format!("{}{first}:{col}{last_row}{}", &head[..a], &head[a + len..]))
}

/// The branches sheet's title and header rows, widths, panes and print settings.
fn branches_head<'a>(
    ws: Worksheet,
    content: &Content,
    year: i32,
    l: &Labels,
    styles: &'a Styles,
) -> Result<Sheet<'a>, XlsxError> {
    let fixed: [&str; FIXED_COLUMNS] = [
        l.district,
        l.branch,
        l.branch_type,
        l.subtype,
        l.level,
        l.members,
        l.rating,
        l.score,
        l.max_score,
        l.score_pct,
        l.model,
        l.pilot,
        l.vetoes,
    ];
    let mut header: Vec<String> = fixed.map(String::from).to_vec();
    if let Some(fw) = content.frameworks.for_year(year) {
        header.extend(fw.criteria.iter().map(|c| c.id.clone()));
    }
    let widths = [22.0, 34.0, 16.0, 14.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 9.0, 9.0, 14.0, 7.0];
    let title = format!("{} – {} {year}", l.branches, l.in_year);
    Sheet::in_worksheet(ws, l.branches, &title, &header, &widths, 2, styles)
}

/// Where a branch row's cells go: a worksheet, or the XML of a district's rows.
trait Cells {
    fn put_text(&mut self, c: usize, s: &str) -> Result<(), XlsxError>;
    fn put_number(&mut self, c: usize, v: f64) -> Result<(), XlsxError>;
    fn put_pct(&mut self, c: usize, v: f64) -> Result<(), XlsxError>;
    fn end_row(&mut self);
}

impl Cells for Sheet<'_> {
    fn put_text(&mut self, c: usize, s: &str) -> Result<(), XlsxError> {
        self.text(c, s, false)
    }
    fn put_number(&mut self, c: usize, v: f64) -> Result<(), XlsxError> {
        self.plain(c, v)
    }
    fn put_pct(&mut self, c: usize, v: f64) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(self.row, col(c), v, &self.styles.pct)?;
        Ok(())
    }
    fn end_row(&mut self) {
        self.next();
    }
}

/// The rows of the branches sheet: every branch assessed in the year, with its scores per
/// criterion, district by district.
struct BranchRows<'a> {
    content: &'a Content,
    agg: &'a Aggregates,
    year: i32,
    l: &'a Labels,
    fw: Option<&'a crate::domain::model::Framework>,
}

/// The columns before the criteria.
const FIXED_COLUMNS: usize = 13;

impl<'a> BranchRows<'a> {
    fn new(content: &'a Content, agg: &'a Aggregates, year: i32, l: &'a Labels) -> Self {
        BranchRows { content, agg, year, l, fw: content.frameworks.for_year(year) }
    }

    /// The district's branches assessed in the year, in order.
    fn assessed(
        &self,
        di: usize,
    ) -> impl Iterator<
        Item = (&'a crate::domain::model::Branch, &'a score::Scored, &'a crate::domain::model::Assessment),
    > + use<'a> {
        let (d, scored, year) = (&self.content.districts[di], &self.agg.scored[di], self.year);
        d.branches
            .iter()
            .zip(scored)
            .filter_map(move |(b, sc)| Some((b, sc.iter().find(|s| s.year == year)?, b.assessment(year)?)))
    }

    /// How many rows the district has.
    fn count(&self, di: usize) -> u32 {
        self.assessed(di).count() as u32
    }

    /// The district's rows, a row per branch.
    fn write(&self, di: usize, s: &mut impl Cells) -> Result<(), XlsxError> {
        let (site, l, d) = (&self.content.site, self.l, &self.content.districts[di]);
        let yes_no = |b: bool| if b { l.yes } else { l.no };
        let score = |v: crate::domain::model::Hundredths| v.0 as f64 / 100.0;
        for (b, sc, a) in self.assessed(di) {
            let bt = &site.branch_types[b.type_idx];
            s.put_text(0, &d.name)?;
            s.put_text(1, &b.name)?;
            s.put_text(2, &bt.name)?;
            s.put_text(3, b.subtype_idx.map_or("", |i| bt.subtypes[i].name.as_str()))?;
            s.put_text(4, if b.level == Level::CoSo { l.co_so } else { l.truc_thuoc })?;
            s.put_number(5, f64::from(b.members))?;
            s.put_text(6, &site.ratings[sc.rating].code)?;
            s.put_number(7, score(sc.total))?;
            s.put_number(8, score(sc.max))?;
            if let Some(v) = pct_value(Some(sc.pct())) {
                s.put_pct(9, v)?;
            }
            s.put_text(10, yes_no(sc.model))?;
            s.put_text(11, yes_no(sc.pilot))?;
            if let Some(fw) = self.fw {
                let vetoes: Vec<&str> = a.vetoes.iter().map(|&v| fw.vetoes[v].id.as_str()).collect();
                s.put_text(12, &vetoes.join("; "))?;
                for c in score::criterion_scores(fw, b.type_idx, a) {
                    s.put_number(FIXED_COLUMNS + c.criterion, score(c.score))?;
                }
            }
            s.end_row();
        }
        Ok(())
    }
}

/// Rows as rust_xlsxwriter writes them in a constant-memory sheet: `<row r="3">` (no spans, no
/// other attributes: these rows have no height or format of their own), cells in column order,
/// strings inline, numbers as Rust prints an `f64`, the `0.0%` cells with the style `pct_xf`.
struct XmlRows {
    out: Vec<u8>,
    /// The row being written, 0-based.
    row: u32,
    pct_xf: u32,
    /// The cells of the row: column, and where its XML lies in `cells`.
    spans: Vec<(usize, usize, usize)>,
    cells: Vec<u8>,
}

impl XmlRows {
    fn new(first_row: u32, pct_xf: u32) -> Self {
        XmlRows { out: Vec::with_capacity(1 << 16), row: first_row, pct_xf, spans: Vec::new(), cells: Vec::new() }
    }

    fn finish(self) -> Vec<u8> {
        self.out
    }

    /// Starts cell `c`: `<c r="B3"`.
    fn open(&mut self, c: usize) -> Result<(), XlsxError> {
        if c >= 16_384 {
            return Err(XlsxError::RowColumnLimitError);
        }
        let start = self.cells.len();
        self.spans.push((c, start, start));
        self.cells.extend_from_slice(b"<c r=\"");
        push_col_name(&mut self.cells, c);
        self.cells.extend_from_slice(itoa::Buffer::new().format(self.row + 1).as_bytes());
        self.cells.push(b'"');
        Ok(())
    }

    fn close(&mut self) {
        if let Some(last) = self.spans.last_mut() {
            last.2 = self.cells.len();
        }
    }

    fn number(&mut self, c: usize, v: f64, xf: u32) -> Result<(), XlsxError> {
        if !v.is_finite() {
            return Err(XlsxError::CustomError(format!("{v} in a workbook cell")));
        }
        self.open(c)?;
        if xf > 0 {
            self.cells.extend_from_slice(b" s=\"");
            self.cells.extend_from_slice(itoa::Buffer::new().format(xf).as_bytes());
            self.cells.push(b'"');
        }
        use std::io::Write;
        write!(self.cells, "><v>{v}</v></c>")?;
        self.close();
        Ok(())
    }
}

impl Cells for XmlRows {
    fn put_text(&mut self, c: usize, s: &str) -> Result<(), XlsxError> {
        if s.is_empty() {
            return Ok(());
        }
        if s.encode_utf16().count() > 32_767 {
            return Err(XlsxError::MaxStringLengthExceeded);
        }
        self.open(c)?;
        let space = [' ', '\t', '\n'];
        let preserve = s.starts_with(space) || s.ends_with(space);
        self.cells.extend_from_slice(if preserve {
            b" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
        } else {
            b" t=\"inlineStr\"><is><t>"
        });
        escape_text(&mut self.cells, s);
        self.cells.extend_from_slice(b"</t></is></c>");
        self.close();
        Ok(())
    }

    fn put_number(&mut self, c: usize, v: f64) -> Result<(), XlsxError> {
        self.number(c, v, 0)
    }

    fn put_pct(&mut self, c: usize, v: f64) -> Result<(), XlsxError> {
        self.number(c, v, self.pct_xf)
    }

    /// Writes the row, if it has cells: in column order, the last written of a column.
    fn end_row(&mut self) {
        if !self.spans.is_empty() {
            if !self.spans.is_sorted_by(|a, b| a.0 < b.0) {
                // Stable, so that of two cells in a column the later comes last, and stays.
                self.spans.sort_by_key(|s| s.0);
                let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(self.spans.len());
                for s in self.spans.drain(..) {
                    match kept.last_mut() {
                        Some(k) if k.0 == s.0 => *k = s,
                        _ => kept.push(s),
                    }
                }
                self.spans = kept;
            }
            self.out.extend_from_slice(b"<row r=\"");
            self.out.extend_from_slice(itoa::Buffer::new().format(self.row + 1).as_bytes());
            self.out.extend_from_slice(b"\">");
            for &(_, a, b) in &self.spans {
                self.out.extend_from_slice(&self.cells[a..b]);
            }
            self.out.extend_from_slice(b"</row>");
            self.spans.clear();
            self.cells.clear();
        }
        self.row += 1;
    }
}

/// A column's letters: A, …, Z, AA, ….
fn push_col_name(out: &mut Vec<u8>, c: usize) {
    let mut letters = [0u8; 4];
    let (mut n, mut i) = (c + 1, letters.len());
    while n > 0 && i > 0 {
        i -= 1;
        letters[i] = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
    }
    out.extend_from_slice(&letters[i..]);
}

/// Text as rust_xlsxwriter writes a string's XML: `_xHHHH_` in the text escaped as
/// `_x005F_xHHHH_` (Excel would read it as an escape), then `&`, `<`, `>` and the control
/// characters other than tab and newline (`_x0001_`), and U+FFFE and U+FFFF (not characters).
fn escape_text(out: &mut Vec<u8>, s: &str) {
    let escaped;
    let s = if s.contains("_x") {
        escaped = escape_escapes(s);
        escaped.as_str()
    } else {
        s
    };
    if !s.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | 0..=0x1f | 0xef)) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    for ch in s.chars() {
        match ch {
            '&' => out.extend_from_slice(b"&amp;"),
            '<' => out.extend_from_slice(b"&lt;"),
            '>' => out.extend_from_slice(b"&gt;"),
            '\t' | '\n' => out.push(ch as u8),
            '\0'..='\x1f' | '\u{fffe}' | '\u{ffff}' => {
                let _ = std::io::Write::write_fmt(out, format_args!("_x{:04X}_", u32::from(ch)));
            }
            _ => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// `_x` followed by four hex digits and `_` gets `_x005F` before it.
fn escape_escapes(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len() + 12);
    let mut last = 0;
    for (i, _) in s.match_indices("_x") {
        let is_escape = b.len() >= i + 7 && b[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit) && b[i + 6] == b'_';
        if is_escape {
            out.push_str(&s[last..i]);
            out.push_str("_x005F");
            last = i;
        }
    }
    out.push_str(&s[last..]);
    out
}

/// Each target in the year: threshold, the province's value, met or not, districts meeting it.
fn targets_sheet(
    content: &Content,
    agg: &Aggregates,
    year: i32,
    l: &Labels,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let header: Vec<String> =
        [l.target, l.scope, l.threshold, l.value, l.met, l.districts_met].map(String::from).to_vec();
    let title = format!("{} – {} {year}", l.targets, l.in_year);
    let widths = [48.0, 22.0, 10.0, 14.0, 12.0, 16.0];
    let mut s = Sheet::in_worksheet(Worksheet::new(), l.targets, &title, &header, &widths, 1, styles)?;
    for (t, years) in content.site.targets.iter().zip(&agg.targets) {
        let ty = years.iter().find(|ty| ty.year == year);
        s.text(0, &t.name, false)?;
        s.text(1, if t.scope == Scope::District { l.scope_district } else { l.scope_province }, false)?;
        let (sign, pct) = match t.threshold {
            Threshold::AtLeast(p) => ("≥", p),
            Threshold::MoreThan(p) => (">", p),
        };
        let pct = pct.to_string();
        let pct = if content.site.language == Language::Vi { pct.replace('.', ",") } else { pct };
        s.text(2, &format!("{sign} {pct}%"), false)?;
        if let Some(ty) = ty {
            s.pct(3, ty.value, false)?;
            s.text(4, ty.met.map_or("–", |m| if m { l.is_met } else { l.not_met }), false)?;
            if t.scope == Scope::District {
                s.text(5, &format!("{}/{}", ty.districts_met(), ty.districts_counted()), false)?;
            }
        }
        s.next();
    }
    Ok(s.ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader};

    fn fixture() -> crate::Checked {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        crate::check(&root, false, &mut crate::content::diag::Diagnostics::new()).expect("the valid fixture checks")
    }

    fn load(root: &std::path::Path) -> crate::Checked {
        crate::check(root, false, &mut crate::content::diag::Diagnostics::new()).expect("the content checks")
    }

    /// Every part of a workbook, unzipped (the zip crate checks each part's CRC as it reads).
    fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut f = archive.by_index(i).unwrap();
                let mut data = Vec::new();
                f.read_to_end(&mut data).unwrap();
                (f.name().unwrap().into_owned(), data)
            })
            .collect()
    }

    /// Our workbook is, part by part, the one rust_xlsxwriter makes whole with the branches sheet
    /// in constant-memory mode.
    fn assert_as_rust_xlsxwriter_makes_it(c: &crate::Checked, year: i32) {
        let day = jiff::civil::date(2024, 12, 15);
        let ours = parts(&workbook(&c.content, &c.agg, year, day).unwrap());
        let theirs = parts(&book(&c.content, &c.agg, year, day, true).unwrap());
        let names = |p: &[(String, Vec<u8>)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&ours), names(&theirs));
        for ((name, a), (_, b)) in ours.iter().zip(&theirs) {
            if a != b {
                let at = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
                let around = |v: &[u8]| {
                    String::from_utf8_lossy(&v[at.saturating_sub(200)..(at + 200).min(v.len())]).into_owned()
                };
                panic!("{year}: {name} differs at byte {at}:\nours:   {}\ntheirs: {}", around(a), around(b));
            }
        }
        let sheet = &ours.iter().find(|(n, _)| n == BRANCHES_PART).unwrap().1;
        assert!(String::from_utf8_lossy(sheet).contains(" t=\"inlineStr\"><is><t>"), "strings are inline");
    }

    #[test]
    fn the_fixture_workbooks_are_rust_xlsxwriters() {
        let c = fixture();
        for &y in &c.agg.years {
            assert_as_rust_xlsxwriter_makes_it(&c, y);
        }
        // A year before any assessment: no rows at all.
        assert_as_rust_xlsxwriter_makes_it(&c, 2019);
    }

    #[test]
    fn the_sample_workbooks_are_rust_xlsxwriters() {
        let c = load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(c.content.districts.iter().map(|d| d.branches.len()).sum::<usize>() > 1000);
        for &y in &c.agg.years {
            assert_as_rust_xlsxwriter_makes_it(&c, y);
        }
    }

    #[test]
    fn strings_are_escaped_as_rust_xlsxwriter_escapes_them() {
        let mut c = fixture();
        let names = [
            "A & B <c> > d \"q\" 'a'",
            " leading space",
            "trailing tab\t",
            "line\nbreak",
            "ctrl \u{1} \u{1f} \u{b} \u{fffe} \u{ffff} \u{fffd} ok",
            "_x0041_ and _x00zz_ and _x12345 and _x1234_x",
            "_x",
            "Chi bộ – Đông Hưng ✓",
        ];
        let mut i = 0;
        for d in &mut c.content.districts {
            for b in &mut d.branches {
                b.name = names[i % names.len()].to_string();
                i += 1;
            }
        }
        c.content.districts[0].name = "_xABCD_ & <D>".into();
        for &y in &c.agg.years {
            assert_as_rust_xlsxwriter_makes_it(&c, y);
        }
    }

    #[test]
    fn column_names() {
        let name = |c| {
            let mut v = Vec::new();
            push_col_name(&mut v, c);
            String::from_utf8(v).unwrap()
        };
        for (c, n) in
            [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")]
        {
            assert_eq!(name(c), n);
        }
    }

    #[test]
    fn the_percent_style_is_found_or_refused() {
        let styles = |xfs: &str| {
            format!(
                "<styleSheet><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.0\"/>\
                 <numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts><cellXfs count=\"9\">{xfs}</cellXfs></styleSheet>"
            )
        };
        let xf =
            |fmt, font| format!("<xf numFmtId=\"{fmt}\" fontId=\"{font}\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        let ok = styles(&[xf(0, 0), xf(165, 1), xf(164, 0), xf(165, 0)].concat());
        assert_eq!(pct_style(&ok), Ok(3));
        assert!(pct_style(&styles(&[xf(0, 0), xf(165, 1)].concat())).is_err());
        assert!(pct_style(&styles(&[xf(165, 0), xf(165, 0)].concat())).is_err());
        assert!(pct_style("<styleSheet/>").is_err());
    }

    /// The pieces of the workbook written into `path` (as [`crate::report::emit::Emit`] does), with
    /// what the next build needs to copy from it.
    fn write_file(path: &std::path::Path, pieces: &[Piece], old: Option<&OldFile>) -> crate::build::splice::Layout {
        let file = std::fs::File::create(path).unwrap();
        let frags = crate::build::splice::write(&file, pieces, old).unwrap();
        crate::build::splice::Layout { stamp: crate::build::splice::stamp(&file.metadata().unwrap()), frags }
    }

    #[test]
    fn an_edit_remakes_only_its_districts_rows() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        for e in walkdir::WalkDir::new(&from) {
            let e = e.unwrap();
            let to = site.join(e.path().strip_prefix(&from).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
        let day = jiff::civil::date(2024, 12, 15);
        let year = 2023;
        let deps = |c: &crate::Checked| Deps::new(&c.content, &c.agg.years, &[b"build"]);
        let keyed =
            |p: &[Piece]| p.iter().filter(|p| matches!(p, Piece::Old(_) | Piece::New { key: Some(_), .. })).count();

        let a = load(&site);
        let a_pieces = workbook_pieces(&a.content, &a.agg, year, day, &deps(&a), None).unwrap();
        assert_eq!(keyed(&a_pieces), a.content.districts.len(), "a piece per district");
        let a_path = dir.path().join("a.xlsx");
        let layout = write_file(&a_path, &a_pieces, None);
        assert_eq!(std::fs::read(&a_path).unwrap(), workbook(&a.content, &a.agg, year, day).unwrap());

        // One branch of the first district (in display order) changes.
        assert_eq!(a.content.districts[0].slug, "thanh-pho");
        let branch = site.join("content/districts/thanh-pho/d.toml");
        let text = std::fs::read_to_string(&branch).unwrap();
        std::fs::write(&branch, text.replace("members = 55", "members = 56")).unwrap();
        let b = load(&site);
        let old = crate::build::splice::open_old(std::fs::File::open(&a_path).unwrap(), &layout)
            .expect("the file is as written");
        let b_pieces = workbook_pieces(&b.content, &b.agg, year, day, &deps(&b), Some(&old)).unwrap();
        let new: Vec<usize> = b_pieces
            .iter()
            .filter(|p| matches!(p, Piece::Old(_) | Piece::New { key: Some(_), .. }))
            .enumerate()
            .filter(|(_, p)| matches!(p, Piece::New { .. }))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(new, [0], "only the first district's rows are made again");
        let b_path = dir.path().join("b.xlsx");
        let b_layout = write_file(&b_path, &b_pieces, Some(&old));
        let b_bytes = std::fs::read(&b_path).unwrap();
        assert_eq!(b_bytes, workbook(&b.content, &b.agg, year, day).unwrap(), "as if made whole");
        assert_ne!(b_bytes, std::fs::read(&a_path).unwrap());
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(b_bytes)).unwrap();
        let rows = book.worksheet_range("Chi bộ").unwrap();
        assert!(
            rows.rows().any(|r| r[1] == Data::String("Chi bộ tổ dân phố Đề Thám".into()) && r[5] == Data::Float(56.0))
        );

        // A branch added to the first district moves the second district's rows down: both are
        // made again.
        let added = text.replace("Đề Thám", "Mới").replace("pilot = 2023\n", "");
        std::fs::write(branch.with_file_name("z.toml"), added).unwrap();
        let c = load(&site);
        let old = crate::build::splice::open_old(std::fs::File::open(&b_path).unwrap(), &b_layout).unwrap();
        let c_pieces = workbook_pieces(&c.content, &c.agg, year, day, &deps(&c), Some(&old)).unwrap();
        assert!(c_pieces.iter().all(|p| !matches!(p, Piece::Old(_))));
        let c_path = dir.path().join("c.xlsx");
        write_file(&c_path, &c_pieces, Some(&old));
        assert_eq!(std::fs::read(&c_path).unwrap(), workbook(&c.content, &c.agg, year, day).unwrap());
    }

    #[test]
    fn same_content_and_date_give_the_same_bytes() {
        let c = fixture();
        let day = jiff::civil::date(2024, 12, 15);
        let a = workbook(&c.content, &c.agg, 2023, day).unwrap();
        assert_eq!(a, workbook(&c.content, &c.agg, 2023, day).unwrap());
        assert_ne!(a, workbook(&c.content, &c.agg, 2023, jiff::civil::date(2024, 12, 16)).unwrap());
    }

    #[test]
    fn speaks_the_site_language() {
        let mut c = fixture();
        c.content.site.language = Language::En;
        let bytes = workbook(&c.content, &c.agg, 2022, jiff::civil::date(2024, 12, 15)).unwrap();
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["Province", "Districts", "Branch types", "Branches", "Targets"]);
        let province = book.worksheet_range("Province").unwrap();
        let rows: Vec<Vec<Data>> = province.rows().map(<[Data]>::to_vec).collect();
        assert_eq!(rows[0][0], Data::String("Province – years up to 2022".into()));
        // Only the years up to the workbook's: 2022 alone, 5 branches, 80% good or better.
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2][..2], [Data::Float(2022.0), Data::Float(5.0)]);
        assert_eq!(rows[2][7], Data::Float(0.8));
        let branches = book.worksheet_range("Branches").unwrap();
        let c_row = branches.rows().find(|r| r[1] == Data::String("Chi bộ Ủy ban nhân dân huyện".into())).unwrap();
        assert_eq!(c_row[4], Data::String("Subordinate".into()));
        assert_eq!(c_row[10], Data::String("No".into()), "vetoed: not a model");
        assert_eq!(c_row[12], Data::String("ky-luat".into()));
    }
}
