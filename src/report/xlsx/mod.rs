//! The workbooks of `data/`, made whole by rust_xlsxwriter:
//! - `bao-cao-<year>.xlsx`: the year's figures for the staff's own reports: the province across
//!   the years, the districts, the branch types and the targets;
//! - `districts/<district>.xlsx`: one district's branches, a sheet per year, with their scores per
//!   criterion (kept per district so that an edit remakes one small workbook, not a national one).
//!
//! Each sheet has a title row and a header row that stay in view (frozen) and repeat on printed
//! pages; percentages are real numbers formatted `0.0%`, the figures those of the CSV downloads
//! (one decimal, half away from zero). Labels are the theme's `xlsx_*` strings. The workbooks are
//! deterministic: their creation date is the build date (`SOURCE_DATE_EPOCH` for reproducible
//! builds), so the same content builds byte-identical files.

mod forms;
mod labels;
mod sheet;
#[cfg(test)]
mod tests;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

pub use forms::district_form;
pub use labels::Labels;
use sheet::{Sheet, Styles};

use crate::domain::aggregate::{Aggregates, Stats};
use crate::domain::model::{Content, Language, Level, Scope, Threshold};
use crate::domain::score;

/// The deflate level of every part of the workbooks: the fastest (national sites).
const LEVEL: u8 = 1;

/// Excel's row limit.
const ROW_MAX: usize = 1_048_576;

pub(super) fn new_book(title: String, content: &Content, date: jiff::civil::Date) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    book.set_zip_compression_level(LEVEL);
    let created = ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(2000),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author(&content.site.organisation)
            .set_company(&content.site.organisation)
            .set_creation_datetime(&created),
    );
    Ok(book)
}

/// `bao-cao-<year>.xlsx`: the province up to the year, the districts, the types, the targets.
pub fn year_workbook(
    content: &Content,
    agg: &Aggregates,
    year: i32,
    date: jiff::civil::Date,
    l: &Labels,
) -> Result<Vec<u8>, XlsxError> {
    let site = &content.site;
    let styles = Styles::new();
    let yi = agg.year_index(year);
    let empty = Stats::default();
    let at = |series: &'_ [Stats]| -> Stats { yi.and_then(|i| series.get(i)).unwrap_or(&empty).clone() };
    let mut book = new_book(format!("{} – {} {year}", site.title, l.in_year), content, date)?;

    // The province, year by year up to this one.
    let mut s = unit_sheet(&l.province, format!("{} – {} {year}", l.province, l.years), &l.year, content, l, &styles)?;
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
    let districts: Vec<(&str, Stats)> =
        content.districts.iter().zip(&agg.districts).map(|(d, series)| (d.name.as_str(), at(series))).collect();
    book.push_worksheet(units_sheet(&l.districts, &l.district, year, &districts, &province, content, l, &styles)?);
    let types: Vec<(&str, Stats)> =
        site.branch_types.iter().zip(&agg.types).map(|(t, series)| (t.name.as_str(), at(series))).collect();
    book.push_worksheet(units_sheet(&l.types, &l.branch_type, year, &types, &province, content, l, &styles)?);
    book.push_worksheet(targets_sheet(content, agg, year, l, &styles)?);
    book.save_to_buffer()
}

/// `districts/<district>.xlsx`: the district's branches, a sheet per year (newest first) with a
/// row per branch assessed that year.
pub fn district_workbook(
    content: &Content,
    agg: &Aggregates,
    di: usize,
    date: jiff::civil::Date,
    l: &Labels,
) -> Result<Vec<u8>, XlsxError> {
    let d = &content.districts[di];
    let styles = Styles::new();
    let mut book = new_book(format!("{} – {}", content.site.title, d.name), content, date)?;
    for &year in agg.years.iter().rev() {
        let rows = BranchRows::new(content, agg, year, l);
        if rows.count(di) + 2 > ROW_MAX {
            return Err(XlsxError::RowColumnLimitError);
        }
        let mut s = branches_head(Worksheet::new(), content, year, l, &styles)?;
        rows.write(di, &mut s)?;
        book.push_worksheet(s.ws);
    }
    book.save_to_buffer()
}

/// The header cells of a unit's figures.
fn stats_header(content: &Content, l: &Labels) -> Vec<String> {
    let mut h = vec![l.count.clone()];
    h.extend(content.site.ratings.iter().map(|r| r.code.clone()));
    h.extend(
        [&l.good, &l.good_pct, &l.model, &l.model_pct, &l.pilot, &l.pilots_model, &l.mean_pct, &l.members]
            .map(String::clone),
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
    rows: &[(&str, Stats)],
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
    s.text(0, &l.province, true)?;
    s.stats(1, province, true)?;
    Ok(s.ws)
}

/// The branches sheet's title and header rows, widths, panes and print settings.
fn branches_head<'a>(
    ws: Worksheet,
    content: &Content,
    year: i32,
    l: &Labels,
    styles: &'a Styles,
) -> Result<Sheet<'a>, XlsxError> {
    let fixed: [&String; FIXED_COLUMNS] = [
        &l.district,
        &l.branch,
        &l.parent,
        &l.branch_type,
        &l.subtype,
        &l.level,
        &l.members,
        &l.rating,
        &l.score,
        &l.max_score,
        &l.score_pct,
        &l.model,
        &l.pilot,
        &l.vetoes,
    ];
    let mut header: Vec<String> = fixed.map(String::clone).to_vec();
    if let Some(fw) = content.frameworks.for_year(year) {
        header.extend(fw.criteria.iter().map(|c| c.id.clone()));
    }
    let widths = [22.0, 34.0, 28.0, 16.0, 14.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 9.0, 9.0, 14.0, 7.0];
    let title = format!("{} – {} {year}", l.branches, l.in_year);
    Sheet::in_worksheet(ws, &format!("{} {year}", l.branches), &title, &header, &widths, 2, styles)
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
const FIXED_COLUMNS: usize = 14;

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
    fn count(&self, di: usize) -> usize {
        self.assessed(di).count()
    }

    /// The district's rows, a row per branch.
    fn write(&self, di: usize, s: &mut Sheet) -> Result<(), XlsxError> {
        let (site, l, d) = (&self.content.site, self.l, &self.content.districts[di]);
        let yes_no = |b: bool| if b { &l.yes } else { &l.no };
        let score = |v: crate::domain::model::Hundredths| v.0 as f64 / 100.0;
        for (b, sc, a) in self.assessed(di) {
            let bt = &site.branch_types[b.type_idx];
            s.text(0, &d.name, false)?;
            s.text(1, &b.name, false)?;
            s.text(2, b.parent.as_deref().unwrap_or_default(), false)?;
            s.text(3, &bt.name, false)?;
            s.text(4, b.subtype_idx.map_or("", |i| bt.subtypes[i].name.as_str()), false)?;
            s.text(5, if b.level == Level::CoSo { &l.co_so } else { &l.truc_thuoc }, false)?;
            s.plain(6, f64::from(b.members))?;
            s.text(7, &site.ratings[sc.rating].code, false)?;
            s.plain(8, score(sc.total))?;
            s.plain(9, score(sc.max))?;
            s.pct(10, Some(sc.pct()), false)?;
            s.text(11, yes_no(sc.model), false)?;
            s.text(12, yes_no(sc.pilot), false)?;
            if let Some(fw) = self.fw {
                let vetoes: Vec<&str> = a.vetoes.iter().map(|&v| fw.vetoes[v].id.as_str()).collect();
                s.text(13, &vetoes.join("; "), false)?;
                for c in score::criterion_scores(fw, b.type_idx, a) {
                    s.plain(FIXED_COLUMNS + c.criterion, score(c.score))?;
                }
            }
            s.next();
        }
        Ok(())
    }
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
        [&l.target, &l.scope, &l.threshold, &l.value, &l.met, &l.districts_met].map(String::clone).to_vec();
    let title = format!("{} – {} {year}", l.targets, l.in_year);
    let widths = [48.0, 22.0, 10.0, 14.0, 12.0, 16.0];
    let mut s = Sheet::in_worksheet(Worksheet::new(), &l.targets, &title, &header, &widths, 1, styles)?;
    for (t, years) in content.site.targets.iter().zip(&agg.targets) {
        let ty = years.iter().find(|ty| ty.year == year);
        s.text(0, &t.name, false)?;
        s.text(1, if t.scope == Scope::District { &l.scope_district } else { &l.scope_province }, false)?;
        let (sign, pct) = match t.threshold {
            Threshold::AtLeast(p) => ("≥", p),
            Threshold::MoreThan(p) => (">", p),
        };
        let pct = pct.to_string();
        let pct = if content.site.language == Language::Vi { pct.replace('.', ",") } else { pct };
        s.text(2, &format!("{sign} {pct}%"), false)?;
        if let Some(ty) = ty {
            s.pct(3, ty.value, false)?;
            s.text(4, ty.met.map_or("–", |m| if m { l.is_met.as_str() } else { l.not_met.as_str() }), false)?;
            if t.scope == Scope::District {
                s.text(5, &format!("{}/{}", ty.districts_met(), ty.districts_counted()), false)?;
            }
        }
        s.next();
    }
    Ok(s.ws)
}
