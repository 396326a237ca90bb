//! `data/bao-cao-<year>.xlsx`: the year's figures as a workbook for the staff's own reports.
//!
//! One sheet per kind of unit (province across the years, districts, branch types, branches)
//! and one for the targets; each with a title row and a header row that stay in view (frozen)
//! and repeat on printed pages, percentages as real numbers formatted `0.0%`. The figures are
//! those of the CSV downloads (percentages with one decimal, half away from zero).
//!
//! The workbook is deterministic: its creation date is the build date (set from
//! `SOURCE_DATE_EPOCH` for reproducible builds), so the same content builds byte-identical files.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::aggregate::{Aggregates, Stats};
use crate::model::{Content, Language, Level, Ratio, Scope, Threshold};
use crate::score;

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

    fn score(&mut self, c: usize, v: crate::model::Hundredths) -> Result<(), XlsxError> {
        self.plain(c, v.0 as f64 / 100.0)
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

/// The workbook of one year.
pub fn workbook(content: &Content, agg: &Aggregates, year: i32, date: jiff::civil::Date) -> Result<Vec<u8>, XlsxError> {
    let l = match content.site.language {
        Language::Vi => &VI,
        Language::En => &EN,
    };
    let site = &content.site;
    let styles = Styles::new();
    let yi = agg.year_index(year);
    let empty = Stats::default();
    fn year_of<'s>(series: &'s [Stats], yi: Option<usize>, empty: &'s Stats) -> &'s Stats {
        yi.and_then(|i| series.get(i)).unwrap_or(empty)
    }
    let at = |series| year_of(series, yi, &empty);
    let mut book = Workbook::new();
    // Level 3: a third less work than the default 6 for a fifth more bytes (national sites).
    book.set_zip_compression_level(1);
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

    // Rows go to a temporary file as they are written: a national site has hundreds of
    // thousands of branches, which would otherwise all be held as cells in memory.
    let ws = book.new_worksheet_with_low_memory()?;
    book.push_worksheet(branches_sheet(ws, content, agg, year, l, &styles)?);
    book.push_worksheet(targets_sheet(content, agg, year, l, &styles)?);
    book.save_to_buffer()
}

/// Every branch assessed in the year, with its scores per criterion.
fn branches_sheet(
    ws: Worksheet,
    content: &Content,
    agg: &Aggregates,
    year: i32,
    l: &Labels,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let site = &content.site;
    let fw = content.frameworks.for_year(year);
    let mut header: Vec<String> = [
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
    ]
    .map(String::from)
    .to_vec();
    let fixed = header.len();
    if let Some(fw) = fw {
        header.extend(fw.criteria.iter().map(|c| c.id.clone()));
    }
    let widths = [22.0, 34.0, 16.0, 14.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 9.0, 9.0, 14.0, 7.0];
    let title = format!("{} – {} {year}", l.branches, l.in_year);
    let mut s = Sheet::in_worksheet(ws, l.branches, &title, &header, &widths, 2, styles)?;
    let yes_no = |b: bool| if b { l.yes } else { l.no };
    for (di, d) in content.districts.iter().enumerate() {
        for (bi, b) in d.branches.iter().enumerate() {
            let (Some(sc), Some(a)) = (agg.scored[di][bi].iter().find(|s| s.year == year), b.assessment(year)) else {
                continue;
            };
            let bt = &site.branch_types[b.type_idx];
            s.text(0, &d.name, false)?;
            s.text(1, &b.name, false)?;
            s.text(2, &bt.name, false)?;
            s.text(3, b.subtype_idx.map_or("", |i| bt.subtypes[i].name.as_str()), false)?;
            s.text(4, if b.level == Level::CoSo { l.co_so } else { l.truc_thuoc }, false)?;
            s.plain(5, f64::from(b.members))?;
            s.text(6, &site.ratings[sc.rating].code, false)?;
            s.score(7, sc.total)?;
            s.score(8, sc.max)?;
            s.pct(9, Some(sc.pct()), false)?;
            s.text(10, yes_no(sc.model), false)?;
            s.text(11, yes_no(sc.pilot), false)?;
            if let Some(fw) = fw {
                let vetoes: Vec<&str> = a.vetoes.iter().map(|&v| fw.vetoes[v].id.as_str()).collect();
                s.text(12, &vetoes.join("; "), false)?;
                for c in score::criterion_scores(fw, b.type_idx, a) {
                    s.score(fixed + c.criterion, c.score)?;
                }
            }
            s.next();
        }
    }
    Ok(s.ws)
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
        crate::check(&root, false, &mut crate::diag::Diagnostics::new()).expect("the valid fixture checks")
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
