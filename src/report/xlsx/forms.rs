//! The collection workbooks of `kieumau forms`: one per district, for its staff to fill in one
//! year's assessments and send back (SPEC section 6).
//!
//! The first sheet is the import format itself: its header row holds the column codes
//! (`district, branch, name, parent, type, rating, vetoes`, then the criterion ids, all stored as
//! text so that "5.10" stays "5.10"), so a returned workbook imports as it is. The sheet is
//! protected without a password (against slips, not people): only the rating, the vetoes and the
//! criteria that apply to the branch's type can be edited; the rating is a drop-down of the site's
//! codes and each score a decimal from 0 to the criterion's maximum. The second sheet tells the
//! staff how to fill it in, in the site's language, and lists the ratings, vetoes and criteria.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign, FormatBorder, Note,
    ProtectionOptions, Worksheet, XlsxError,
};

use super::Labels;
use super::sheet::col;
use crate::domain::model::{Content, Framework, Hundredths};

/// The columns before the criteria, as the import format names them.
const KEYS: [&str; 7] = ["district", "branch", "name", "parent", "type", "rating", "vetoes"];
const RATING: usize = 5;
const VETOES: usize = 6;
const FIRST_CRITERION: usize = KEYS.len();

/// Excel's limits on a validation's input title and message (UTF-16 units).
const INPUT_TITLE_MAX: usize = 32;
const INPUT_MESSAGE_MAX: usize = 255;

fn fit(s: &str, max: usize) -> String {
    if s.encode_utf16().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.encode_utf16().count() + c.len_utf16() + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(template.to_string(), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

/// The height of a row whose text wraps in a column `width` characters wide: spreadsheets do not
/// all fit a row to wrapped text written by a program (LibreOffice overlaps the lines).
fn wrapped_height(text: &str, width: f64) -> f64 {
    let per_line = (width * 1.3).max(1.0) as usize;
    let lines: usize = text.lines().map(|l| l.chars().count().div_ceil(per_line).max(1)).sum();
    15.0 * lines.max(1) as f64
}

const GUIDE_TEXT_WIDTH: f64 = 70.0;
const GUIDE_TYPES_WIDTH: f64 = 30.0;

fn score_value(h: Hundredths) -> f64 {
    h.0 as f64 / 100.0
}

struct Formats {
    header: Format,
    locked: Format,
    open: Format,
    not_applicable: Format,
    title: Format,
    bold: Format,
    top: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new().set_border(FormatBorder::Thin).set_border_color(Color::RGB(0xBFBFBF));
        Formats {
            header: Format::new()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xDDE4EE))
                .set_border(FormatBorder::Thin),
            locked: cell.clone().set_background_color(Color::RGB(0xF2F2F2)),
            open: cell.clone().set_unlocked(),
            not_applicable: cell.set_background_color(Color::RGB(0xBFBFBF)),
            title: Format::new().set_bold().set_font_size(13),
            bold: Format::new().set_bold().set_align(FormatAlign::Top),
            top: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// The workbook for district `di` and `year`, whose framework is `fw` (a framework holds from
/// its own year on, so `fw.year` may be earlier).
pub fn district_form(
    content: &Content,
    fw: &Framework,
    year: i32,
    di: usize,
    date: jiff::civil::Date,
    l: &Labels,
) -> Result<Vec<u8>, XlsxError> {
    let d = &content.districts[di];
    let year_text = year.to_string();
    let title = fill(&l.form_title, &[("year", &year_text), ("district", &d.name)]);
    let mut book = super::new_book(title.clone(), content, date)?;
    let f = Formats::new();
    book.push_worksheet(scores_sheet(content, fw, year, di, l, &f)?);
    book.push_worksheet(guide_sheet(content, fw, year, &title, l, &f)?);
    book.save_to_buffer()
}

/// A sheet's name: `base` without the characters Excel refuses, cut so that with `suffix` (" 2025",
/// which import reads back as the sheet's year) it keeps to Excel's 31 characters.
fn sheet_name(base: &str, suffix: &str) -> String {
    let room = 31usize.saturating_sub(suffix.chars().count());
    let base: String = base.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(room).collect();
    format!("{base}{suffix}")
}

fn scores_sheet(
    content: &Content,
    fw: &Framework,
    year: i32,
    di: usize,
    l: &Labels,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    let d = &content.districts[di];
    let site = &content.site;
    let mut ws = Worksheet::new();
    ws.set_name(sheet_name(&l.form_sheet, &format!(" {year}")))?;
    let meanings =
        [&l.form_col_district, &l.form_col_branch, &l.branch, &l.parent, &l.branch_type, &l.rating, &l.vetoes];
    for (c, (key, meaning)) in KEYS.iter().zip(meanings).enumerate() {
        ws.write_string_with_format(0, col(c), *key, &f.header)?;
        ws.insert_note(0, col(c), &Note::new(meaning.as_str()).add_author_prefix(false))?;
    }
    for (i, cr) in fw.criteria.iter().enumerate() {
        let c = col(FIRST_CRITERION + i);
        // A string cell: typed, "5.10" would become the number 5.1.
        ws.write_string_with_format(0, c, &cr.id, &f.header)?;
        let max = cr.max.to_string();
        let note = format!("{} – {}\n{}", cr.id, cr.title, fill(&l.form_score_input, &[("max", &max)]));
        ws.insert_note(0, c, &Note::new(note).add_author_prefix(false))?;
    }
    for (c, width) in [14.0, 18.0, 44.0, 34.0, 18.0, 11.0, 12.0].iter().enumerate() {
        ws.set_column_width(col(c), *width)?;
    }
    for i in 0..fw.criteria.len() {
        ws.set_column_width(col(FIRST_CRITERION + i), 7.0)?;
    }

    let type_names = |b: &crate::domain::model::Branch| {
        let t = &site.branch_types[b.type_idx];
        match b.subtype_idx.and_then(|s| t.subtypes.get(s)) {
            Some(s) => format!("{} – {}", t.name, s.name),
            None => t.name.clone(),
        }
    };
    let mut row = 0u32;
    for b in &d.branches {
        row += 1;
        let known = b.assessment(year);
        let info =
            [d.slug.clone(), b.slug.clone(), b.name.clone(), b.parent.clone().unwrap_or_default(), type_names(b)];
        for (c, text) in info.iter().enumerate() {
            ws.write_string_with_format(row, col(c), text, &f.locked)?;
        }
        match known {
            Some(a) => {
                ws.write_string_with_format(row, col(RATING), &site.ratings[a.rating].code, &f.open)?;
                let vetoes: Vec<&str> = a.vetoes.iter().map(|&v| fw.vetoes[v].id.as_str()).collect();
                ws.write_string_with_format(row, col(VETOES), vetoes.join(";"), &f.open)?;
            }
            None => {
                ws.write_blank(row, col(RATING), &f.open)?;
                ws.write_blank(row, col(VETOES), &f.open)?;
            }
        }
        let applicable = fw.applicable.get(b.type_idx).map_or(&[][..], Vec::as_slice);
        for ci in 0..fw.criteria.len() {
            let c = col(FIRST_CRITERION + ci);
            match applicable.iter().position(|&a| a == ci) {
                None => {
                    ws.write_blank(row, c, &f.not_applicable)?;
                }
                Some(k) => match known.and_then(|a| a.scores.get(k)) {
                    Some(&score) => {
                        ws.write_number_with_format(row, c, score_value(score), &f.open)?;
                    }
                    None => {
                        ws.write_blank(row, c, &f.open)?;
                    }
                },
            }
        }
    }

    if row > 0 {
        let codes: Vec<&str> = site.ratings.iter().map(|r| r.code.as_str()).collect();
        let names: Vec<String> = site.ratings.iter().map(|r| format!("{} = {}", r.code, r.name)).collect();
        let rating = DataValidation::new()
            .allow_list_strings(&codes)?
            .set_input_title(fit(&l.rating, INPUT_TITLE_MAX))?
            .set_input_message(fit(&names.join("\n"), INPUT_MESSAGE_MAX))?
            .set_error_title(fit(&l.rating, INPUT_TITLE_MAX))?
            .set_error_message(fit(&l.form_rating_error, INPUT_MESSAGE_MAX))?
            .set_error_style(DataValidationErrorStyle::Stop);
        ws.add_data_validation(1, col(RATING), row, col(RATING), &rating)?;
        if !fw.vetoes.is_empty() {
            let ids: Vec<String> = fw.vetoes.iter().map(|v| format!("{}: {}", v.id, v.title)).collect();
            let message = format!("{}\n{}", l.form_vetoes_input, ids.join("\n"));
            let vetoes = DataValidation::new()
                .allow_any_value()
                .set_input_title(fit(&l.vetoes, INPUT_TITLE_MAX))?
                .set_input_message(fit(&message, INPUT_MESSAGE_MAX))?;
            ws.add_data_validation(1, col(VETOES), row, col(VETOES), &vetoes)?;
        }
        for (i, cr) in fw.criteria.iter().enumerate() {
            let c = col(FIRST_CRITERION + i);
            let max = cr.max.to_string();
            let score = DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, score_value(cr.max)))
                .set_input_title(fit(
                    &format!("{} ({})", cr.id, fill(&l.form_score_input, &[("max", &max)])),
                    INPUT_TITLE_MAX,
                ))?
                .set_input_message(fit(&cr.title, INPUT_MESSAGE_MAX))?
                .set_error_title(fit(&cr.id, INPUT_TITLE_MAX))?
                .set_error_message(fit(&fill(&l.form_score_error, &[("max", &max)]), INPUT_MESSAGE_MAX))?
                .set_error_style(DataValidationErrorStyle::Stop);
            ws.add_data_validation(1, c, row, c, &score)?;
        }
    }
    ws.set_freeze_panes(1, 3)?;
    // Printed to check before sending: A4 landscape, the codes and the branch's name on every
    // page (fitting 20-odd criteria to one page wide would make the type unreadable).
    ws.set_landscape().set_paper_size(9).set_repeat_rows(0, 0)?.set_repeat_columns(2, 2)?;
    ws.protect_with_options(&ProtectionOptions {
        select_locked_cells: true,
        select_unlocked_cells: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    Ok(ws)
}

fn guide_sheet(
    content: &Content,
    fw: &Framework,
    year: i32,
    title: &str,
    l: &Labels,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    let site = &content.site;
    let year = year.to_string();
    let mut ws = Worksheet::new();
    ws.set_name(sheet_name(&l.form_guide_sheet, ""))?;
    ws.set_column_width(0, 14.0)?;
    ws.set_column_width(1, GUIDE_TEXT_WIDTH)?;
    ws.set_column_width(2, 12.0)?;
    ws.set_column_width(3, GUIDE_TYPES_WIDTH)?;
    ws.set_paper_size(9).set_print_fit_to_pages(1, 0);
    ws.write_string_with_format(0, 0, title, &f.title)?;
    let mut row = 2u32;
    for step in l.form_steps.lines().map(str::trim).filter(|s| !s.is_empty()) {
        let step = fill(step, &[("year", &year)]);
        ws.set_row_height(row, wrapped_height(&step, GUIDE_TEXT_WIDTH))?;
        ws.write_string_with_format(row, 1, step, &f.wrap)?;
        row += 1;
    }

    let heading = |ws: &mut Worksheet, row: &mut u32, text: &str, cells: &[&str]| -> Result<(), XlsxError> {
        *row += 1;
        ws.write_string_with_format(*row, 0, text, &f.title)?;
        *row += 1;
        for (c, cell) in cells.iter().enumerate() {
            ws.write_string_with_format(*row, col(c), *cell, &f.header)?;
        }
        *row += 1;
        Ok(())
    };

    heading(&mut ws, &mut row, &l.form_columns, &[&l.form_code, &l.form_meaning])?;
    let meanings =
        [&l.form_col_district, &l.form_col_branch, &l.branch, &l.parent, &l.branch_type, &l.rating, &l.vetoes];
    for (key, meaning) in KEYS.iter().zip(meanings) {
        ws.write_string_with_format(row, 0, *key, &f.bold)?;
        ws.write_string(row, 1, meaning.as_str())?;
        row += 1;
    }

    heading(&mut ws, &mut row, &l.rating, &[&l.form_code, &l.form_meaning])?;
    for r in &site.ratings {
        ws.write_string_with_format(row, 0, &r.code, &f.bold)?;
        ws.write_string(row, 1, &r.name)?;
        row += 1;
    }

    if !fw.vetoes.is_empty() {
        heading(&mut ws, &mut row, &l.vetoes, &[&l.form_code, &l.form_meaning])?;
        for v in &fw.vetoes {
            ws.write_string_with_format(row, 0, &v.id, &f.bold)?;
            ws.set_row_height(row, wrapped_height(&v.title, GUIDE_TEXT_WIDTH))?;
            ws.write_string_with_format(row, 1, &v.title, &f.wrap)?;
            row += 1;
        }
    }

    heading(&mut ws, &mut row, &l.form_criteria, &[&l.form_code, &l.form_meaning, &l.max_score, &l.form_applies])?;
    for cr in &fw.criteria {
        ws.write_string_with_format(row, 0, &cr.id, &f.bold)?;
        let group = fw.groups.get(cr.group).map_or(String::new(), |g| format!("{} – ", g.name));
        let text = format!("{group}{}", cr.title);
        ws.write_number_with_format(row, 2, score_value(cr.max), &f.top)?;
        let applies = match &cr.types {
            None => l.form_all_types.clone(),
            Some(types) => types
                .iter()
                .filter_map(|&t| site.branch_types.get(t))
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        };
        let height = wrapped_height(&text, GUIDE_TEXT_WIDTH).max(wrapped_height(&applies, GUIDE_TYPES_WIDTH));
        ws.set_row_height(row, height)?;
        ws.write_string_with_format(row, 1, text, &f.wrap)?;
        ws.write_string_with_format(row, 3, applies, &f.wrap)?;
        row += 1;
    }
    Ok(ws)
}
