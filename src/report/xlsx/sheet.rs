//! A worksheet with a title row and a header row that stay in view and repeat on printed pages,
//! and the cell formats of a workbook.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::domain::aggregate::Stats;
use crate::domain::model::Ratio;

/// The cell formats of a workbook.
pub struct Styles {
    pub title: Format,
    pub header: Format,
    pub bold: Format,
    pub number: Format,
    pub pct: Format,
    pub bold_number: Format,
    pub bold_pct: Format,
}

impl Styles {
    pub fn new() -> Self {
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
pub fn pct_value(r: Option<Ratio>) -> Option<f64> {
    r.map(|r| r.pct_tenths() as f64 / 1000.0)
}

/// Writes rows below the title and header rows.
pub struct Sheet<'a> {
    pub ws: Worksheet,
    pub row: u32,
    pub styles: &'a Styles,
}

impl<'a> Sheet<'a> {
    /// A sheet with its title (row 1) and header (row 2), both frozen with `frozen_cols` columns.
    /// A sheet in `ws` (a plain one, or one that streams its rows to a temporary file) with
    /// title and header rows, column widths, frozen panes and print settings.
    pub fn in_worksheet(
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
    pub fn text(&mut self, c: usize, s: &str, bold: bool) -> Result<(), XlsxError> {
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

    pub fn number(&mut self, c: usize, v: f64, bold: bool) -> Result<(), XlsxError> {
        let f = if bold { &self.styles.bold_number } else { &self.styles.number };
        self.ws.write_number_with_format(self.row, col(c), v, f)?;
        Ok(())
    }

    /// A score or a plain whole number, in the General format: 9, 8.5, 8.25 as they are.
    pub fn plain(&mut self, c: usize, v: f64) -> Result<(), XlsxError> {
        self.ws.write_number(self.row, col(c), v)?;
        Ok(())
    }

    pub fn pct(&mut self, c: usize, v: Option<Ratio>, bold: bool) -> Result<(), XlsxError> {
        if let Some(v) = pct_value(v) {
            let f = if bold { &self.styles.bold_pct } else { &self.styles.pct };
            self.ws.write_number_with_format(self.row, col(c), v, f)?;
        }
        Ok(())
    }

    /// A unit's figures from column `c` on.
    pub fn stats(&mut self, c: usize, s: &Stats, bold: bool) -> Result<(), XlsxError> {
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

    pub fn next(&mut self) {
        self.row += 1;
    }
}

pub fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
