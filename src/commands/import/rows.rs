//! Checking the sheet against the site: the header names the columns, and every row is one
//! branch's assessment for the year, held to the same rules as the branch files (SPEC section 2).

use std::collections::HashMap;

use super::sheet::{Cell, Row, Sheet, column_letter};
use crate::content::diag::{Diagnostics, known_hint};
use crate::domain::model::{Content, DecimalError, Framework, Hundredths};
use crate::domain::rules;
use crate::messages::Message;

const KEYS: [&str; 4] = ["district", "branch", "rating", "vetoes"];
/// Informational columns a sheet may hold (the export writes `name` and `parent`); import ignores them.
const INFO: [&str; 3] = ["name", "parent", "type"];

/// One valid row: a branch's assessment for the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The sheet row it came from.
    pub row: usize,
    /// Indices into `Content::districts` and the district's branches.
    pub district: usize,
    pub branch: usize,
    /// Index into `Site::ratings`.
    pub rating: usize,
    /// Indices into the framework's vetoes, in the order given.
    pub vetoes: Vec<usize>,
    /// Aligned with `Framework::applicable[type]`, like `Assessment::scores`.
    pub scores: Vec<Hundredths>,
}

/// Where the columns are.
struct Columns {
    names: Vec<String>,
    keys: [usize; 4],
    /// For each criterion of the framework, in file order: its column.
    criteria: Vec<usize>,
    /// Columns with no name (values in them are errors).
    unnamed: Vec<usize>,
}

impl Columns {
    fn label(&self, col: usize) -> String {
        match self.names.get(col).filter(|n| !n.is_empty()) {
            Some(name) => crate::msg!("sheet-column-named", name = name.as_str()),
            None => crate::msg!("sheet-column-letter", column = column_letter(col)),
        }
    }
}

/// The text of a cell that names something (a header, a slug, a code).
fn cell_text(cell: &Cell) -> Result<String, String> {
    match cell {
        Cell::Empty => Ok(String::new()),
        Cell::Text(t) => Ok(t.clone()),
        Cell::Number(f) => Ok(format!("{f}")),
        Cell::Other(what) => Err(crate::msg!("cell-not-text", what = what.as_str())),
    }
}

struct Report<'a> {
    file: &'a str,
    diags: &'a mut Diagnostics,
}

impl Report<'_> {
    /// A coded message at a place of the sheet (`row 7 (dong-hung/a), column "1.1"`).
    fn coded(&mut self, place: String, m: Message) {
        let Message { code, text, hint } = m;
        let h = self.diags.error(self.file, None, Message { code, text: format!("{place}: {text}"), hint: None });
        if let Some(hint) = hint {
            h.hint(hint);
        }
    }

    fn error(&mut self, place: String, message: String, hint: Option<String>) {
        let h = self.diags.error(self.file, None, format!("{place}: {message}"));
        if let Some(hint) = hint {
            h.hint(hint);
        }
    }
}

/// Reads the header row. `None` (with every problem reported) when it cannot be used.
fn columns(header: &Row, fw: &Framework, r: &mut Report<'_>) -> Option<Columns> {
    let place = crate::msg!("sheet-row", row = header.number);
    if let Some(m) = mangled(header, fw) {
        r.coded(place, m);
        return None;
    }
    let mut names = Vec::with_capacity(header.cells.len());
    let mut ok = true;
    for (col, cell) in header.cells.iter().enumerate() {
        match cell_text(cell) {
            Ok(t) => names.push(t),
            Err(e) => {
                let at = format!("{place}, {}", crate::msg!("sheet-column-letter", column = column_letter(col)));
                r.error(at, crate::msg!("sheet-header-cell-is", what = e), None);
                names.push(String::new());
                ok = false;
            }
        }
    }
    let mut keys = [usize::MAX; 4];
    let mut criteria = vec![usize::MAX; fw.criteria.len()];
    let mut unnamed = Vec::new();
    let ids: Vec<&str> = fw.criteria.iter().map(|c| c.id.as_str()).collect();
    // A byte-order mark read as Latin-1 by a spreadsheet that was not told the file is UTF-8.
    if let Some(first) = names.first_mut()
        && let Some(rest) = first.strip_prefix("\u{ef}\u{bb}\u{bf}")
    {
        *first = rest.to_string();
    }
    for (col, name) in names.iter().enumerate() {
        if name.is_empty() {
            unnamed.push(col);
            continue;
        }
        let lower = name.to_lowercase();
        if INFO.contains(&lower.as_str()) {
            continue;
        }
        // `1,1`: a criterion id that a spreadsheet read as a number and wrote with a decimal comma.
        let id = |n: &str| ids.iter().position(|id| *id == n);
        let slot = if let Some(k) = KEYS.iter().position(|k| *k == lower) {
            &mut keys[k]
        } else if let Some(c) = id(name).or_else(|| id(&name.replace(',', "."))) {
            &mut criteria[c]
        } else {
            let mut known: Vec<&str> = KEYS.to_vec();
            known.extend(&ids);
            let advice = match crate::content::diag::did_you_mean(name, known.iter().copied()) {
                Some(near) => crate::msg!("sheet-did-you-mean", near = near),
                None => crate::msg!("sheet-header-as-text"),
            };
            let hint = crate::msg!(
                "sheet-unknown-column-hint",
                year = fw.year.to_string(),
                ids = ids.join(", "),
                advice = advice
            );
            let at = format!("{place}, {}", crate::msg!("sheet-column-named", name = name.as_str()));
            r.error(at, crate::msg!("sheet-unknown-column", name = name.as_str()), Some(hint));
            ok = false;
            continue;
        };
        if *slot != usize::MAX {
            r.error(
                format!("{place}, {}", crate::msg!("sheet-column-named", name = name.as_str())),
                crate::msg!(
                    "sheet-column-twice",
                    name = name.as_str(),
                    first = column_letter(*slot),
                    second = column_letter(col)
                ),
                Some(crate::msg!("sheet-column-twice-hint")),
            );
            ok = false;
        } else {
            *slot = col;
        }
    }
    for (k, col) in KEYS.iter().zip(keys) {
        if col == usize::MAX {
            r.error(
                place.clone(),
                crate::msg!("sheet-no-column", column = *k),
                Some(crate::msg!("sheet-no-column-hint")),
            );
            ok = false;
        }
    }
    let missing: Vec<&str> = ids.iter().zip(&criteria).filter(|(_, c)| **c == usize::MAX).map(|(id, _)| *id).collect();
    if !missing.is_empty() {
        r.error(
            place,
            crate::msg!(
                "sheet-no-criterion-columns",
                ids = missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", ")
            ),
            Some(crate::msg!("sheet-no-criterion-columns-hint", year = fw.year.to_string(), ids = ids.join(", "))),
        );
        ok = false;
    }
    ok.then_some(Columns { names, keys, criteria, unnamed })
}

/// One message for a header whose criterion ids a spreadsheet turned into numbers or dates
/// (`5.10` into 5.1, `1.1` into 1 January), instead of one per column.
fn mangled(header: &Row, fw: &Framework) -> Option<Message> {
    let ids: Vec<&str> = fw.criteria.iter().map(|c| c.id.as_str()).collect();
    let as_number = |t: &str| t.replace(',', ".").parse::<f64>().ok();
    let mut shown = Vec::new();
    for (col, cell) in header.cells.iter().enumerate() {
        let what = match cell {
            Cell::Number(f) if !ids.contains(&format!("{f}").as_str()) => Some(format!("{f}")),
            Cell::Other(what) => Some(what.clone()),
            // Text that is no id but reads as the number of one: `5.1` where the framework has `5.10`.
            Cell::Text(t) if !ids.contains(&t.as_str()) && !ids.contains(&t.replace(',', ".").as_str()) => {
                let numeric = as_number(t).is_some_and(|n| ids.iter().any(|id| as_number(id) == Some(n)));
                (numeric || looks_like_date(t)).then(|| t.clone())
            }
            _ => None,
        };
        if let Some(w) = what {
            shown.push(format!("{} {w}", column_letter(col)));
        }
    }
    let lost = shown.len();
    (lost > 0).then(|| {
        let shown = shown.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
        crate::diag!("KM1601", count = lost, shown = shown, ids = ids.join(", "))
    })
}

/// `01-Jan`, `1/1/2023`, `2023-01-01`, `Jan-01`: what a spreadsheet writes for an id it read as a date.
fn looks_like_date(t: &str) -> bool {
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    let seps = t.bytes().filter(|b| *b == b'/' || *b == b'-').count();
    let word = t.split(['/', '-', ' ']).find(|w| w.bytes().all(|b| b.is_ascii_alphabetic()) && !w.is_empty());
    let month = word.is_some_and(|w| w.len() == 3) && t.split(['/', '-', ' ']).count() >= 2;
    digits > 0
        && seps > 0
        && t.len() <= 12
        && (month || t.bytes().all(|b| b.is_ascii_digit() || b == b'/' || b == b'-'))
}

/// Reads a score cell exactly: a decimal point or a decimal comma, at most two decimals.
pub fn score_value(cell: &Cell) -> Result<Hundredths, Message> {
    let text = match cell {
        Cell::Number(f) => return number_value(*f).map_err(Message::from),
        Cell::Text(t) => t.as_str(),
        Cell::Empty => return Err(crate::msg!("cell-empty").into()),
        Cell::Other(what) => return Err(crate::msg!("cell-not-number", what = what.as_str()).into()),
    };
    // `1,000` or `1.000`: a thousands separator or a decimal with three places; neither is a score.
    if let Some((int, frac)) = text.split_once([',', '.'])
        && frac.len() == 3
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(crate::diag!("KM1602", text = text));
    }
    let normal =
        if text.matches(',').count() == 1 && !text.contains('.') { text.replace(',', ".") } else { text.into() };
    let plain = normal.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+');
    if !plain {
        return Err(crate::msg!("score-not-number", text = text).into());
    }
    Hundredths::parse(&normal).map_err(|e| -> Message {
        match e {
            DecimalError::TooManyDecimals => crate::msg!("score-too-many-decimals", text = text),
            DecimalError::TooLarge => crate::msg!("score-far-too-large", text = text),
            _ => crate::msg!("score-not-number", text = text),
        }
        .into()
    })
}

fn number_value(f: f64) -> Result<Hundredths, String> {
    if !f.is_finite() || f.abs() > 1e9 {
        return Err(crate::msg!("score-far-too-large", text = f.to_string()));
    }
    let scaled = f * 100.0;
    let rounded = scaled.round();
    // A cell computed by a formula may carry float noise (0.30000000000000004): that is 0.3.
    if (scaled - rounded).abs() > 1e-6 {
        return Err(crate::msg!("score-too-many-decimals", text = f.to_string()));
    }
    Ok(Hundredths(rounded as i64))
}

/// Checks the sheet against the site and the year's framework. Every problem is reported; the
/// entries are returned only when there is none.
pub fn entries(content: &Content, fw: &Framework, sheet: &Sheet, file: &str, diags: &mut Diagnostics) -> Vec<Entry> {
    let mut r = Report { file, diags };
    let Some((header, rows)) = sheet.rows.split_first() else {
        r.error(crate::msg!("sheet-row", row = 1), crate::msg!("sheet-empty"), Some(crate::msg!("sheet-empty-hint")));
        return Vec::new();
    };
    let Some(cols) = columns(header, fw, &mut r) else {
        return Vec::new();
    };
    let cx = Context {
        content,
        fw,
        cols,
        width: header.cells.len(),
        slugs: content.districts.iter().map(|d| d.slug.as_str()).collect(),
        districts: content.districts.iter().enumerate().map(|(i, d)| (d.slug.as_str(), i)).collect(),
        branches: content
            .districts
            .iter()
            .enumerate()
            .flat_map(|(di, d)| d.branches.iter().enumerate().map(move |(bi, b)| ((di, b.slug.as_str()), bi)))
            .collect(),
    };
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    let mut ok = true;
    for row in rows {
        match entry(&cx, row, &mut seen, &mut r) {
            Read::Entry(e) => out.push(e),
            Read::Skipped => {}
            Read::Bad => ok = false,
        }
    }
    if ok { out } else { Vec::new() }
}

/// What every row is checked against.
struct Context<'a> {
    content: &'a Content,
    fw: &'a Framework,
    cols: Columns,
    width: usize,
    slugs: Vec<&'a str>,
    /// District slug -> index; (district index, branch slug) -> branch index.
    districts: HashMap<&'a str, usize>,
    branches: HashMap<(usize, &'a str), usize>,
}

fn entry(cx: &Context<'_>, row: &Row, seen: &mut HashMap<(usize, usize), usize>, r: &mut Report<'_>) -> Read {
    let (content, fw, cols, width, slugs) = (cx.content, cx.fw, &cx.cols, cx.width, &cx.slugs);
    let n = row.number;
    // Every problem names the row's district and branch as the sheet writes them.
    let named = |col: usize| match row.cells.get(col) {
        Some(Cell::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let (dname, bname) = (named(cols.keys[0]), named(cols.keys[1]));
    let place = if dname.is_empty() && bname.is_empty() {
        crate::msg!("sheet-row", row = n)
    } else {
        crate::msg!("sheet-row-branch", row = n, district = dname.as_str(), branch = bname.as_str())
    };
    let at = |col: usize| format!("{place}, {}", cols.label(col));
    let len = row.cells.len();
    // A short row (a spreadsheet drops trailing empty cells) reads as having them empty.
    if len > width {
        r.error(
            place.clone(),
            crate::msg!("sheet-row-too-long", cells = len, columns = width),
            Some(crate::msg!("sheet-row-too-long-hint")),
        );
        return Read::Bad;
    }
    let cell = |col: usize| row.cells.get(col).unwrap_or(&Cell::Empty);
    let mut ok = true;
    for &col in &cols.unnamed {
        if !cell(col).is_empty() {
            r.error(at(col), crate::msg!("sheet-unnamed-column"), Some(crate::msg!("sheet-unnamed-column-hint")));
            ok = false;
        }
    }
    let text = |col: usize, r: &mut Report<'_>| match cell_text(cell(col)) {
        Ok(t) => Some(t),
        Err(e) => {
            r.error(at(col), crate::msg!("sheet-cell-is", what = e), None);
            None
        }
    };
    let [dcol, bcol, rcol, vcol] = cols.keys;
    // No rating, no vetoes, no score: that branch was not assessed that year.
    if [rcol, vcol].iter().chain(&cols.criteria).all(|&c| cell(c).is_empty()) {
        return Read::Skipped;
    }
    let (district, branch) = (text(dcol, r), text(bcol, r));
    let (rating, vetoes) = (text(rcol, r), text(vcol, r));

    // The branch.
    let di = match district.as_deref() {
        Some("") => {
            r.error(at(dcol), crate::msg!("sheet-district-empty"), Some(known_hint("", slugs)));
            None
        }
        Some(s) => {
            let found = cx.districts.get(s).copied();
            if found.is_none() {
                let hint = match content.districts.iter().find(|d| d.name.to_lowercase() == s.to_lowercase()) {
                    Some(d) => crate::msg!("sheet-district-slug-not-name", slug = d.slug.as_str()),
                    None => known_hint(s, slugs),
                };
                r.error(at(dcol), crate::msg!("sheet-unknown-district", district = s), Some(hint));
            }
            found
        }
        None => None,
    };
    let bi = match (di, branch.as_deref()) {
        (_, Some("")) => {
            r.error(at(bcol), crate::msg!("sheet-branch-empty"), Some(crate::msg!("sheet-branch-empty-hint")));
            None
        }
        (Some(di), Some(s)) => {
            let d = &content.districts[di];
            let found = cx.branches.get(&(di, s)).copied();
            if found.is_none() {
                let known: Vec<&str> = d.branches.iter().map(|b| b.slug.as_str()).collect();
                let elsewhere = content.districts.iter().find(|o| o.branches.iter().any(|b| b.slug == s));
                let hint = match (d.branches.iter().find(|b| b.name.to_lowercase() == s.to_lowercase()), elsewhere) {
                    (Some(b), _) => crate::msg!("sheet-branch-slug-not-name", slug = b.slug.as_str()),
                    (None, Some(o)) => crate::msg!("sheet-branch-elsewhere", branch = s, district = o.slug.as_str()),
                    (None, None) => known_hint(s, &known),
                };
                r.error(at(bcol), crate::msg!("sheet-no-branch", branch = s, district = d.slug.as_str()), Some(hint));
            }
            found
        }
        _ => None,
    };
    ok &= di.is_some() && bi.is_some();
    if let (Some(di), Some(bi)) = (di, bi)
        && let Some(first) = seen.insert((di, bi), n)
    {
        seen.insert((di, bi), first);
        r.error(
            place.clone(),
            crate::msg!(
                "sheet-branch-twice",
                district = slugs[di],
                branch = content.districts[di].branches[bi].slug.as_str(),
                row = first
            ),
            Some(crate::msg!("sheet-branch-twice-hint")),
        );
        ok = false;
    }

    // The rating and the vetoes.
    let codes: Vec<&str> = content.site.ratings.iter().map(|x| x.code.as_str()).collect();
    let ri = match rating.as_deref() {
        Some("") => {
            r.error(
                at(rcol),
                crate::msg!("sheet-rating-empty"),
                Some(crate::msg!("sheet-rating-empty-hint", codes = codes.join(", "))),
            );
            None
        }
        Some(s) => {
            let found = rules::rating_from_label(&content.site, s);
            if found.is_none() {
                let names: Vec<String> =
                    content.site.ratings.iter().map(|x| format!("{} ({})", x.code, x.name)).collect();
                r.error(
                    at(rcol),
                    crate::msg!("sheet-unknown-rating", rating = s),
                    Some(crate::msg!(
                        "sheet-unknown-rating-hint",
                        known = known_hint(s, &codes),
                        names = names.join(", ")
                    )),
                );
            }
            found
        }
        None => None,
    };
    ok &= ri.is_some();
    let veto_ids: Vec<&str> = fw.vetoes.iter().map(|v| v.id.as_str()).collect();
    let mut vi = Vec::new();
    match vetoes {
        Some(list) => {
            // A whole cell may be one veto's title (titles may hold commas); otherwise a list.
            let whole = rules::veto_from_label(fw, &list);
            let parts: Vec<&str> = if whole.is_some() {
                vec![list.trim()]
            } else {
                list.split([';', ',']).map(str::trim).filter(|s| !s.is_empty()).collect()
            };
            for id in parts {
                match rules::veto_from_label(fw, id) {
                    Some(i) if vi.contains(&i) => {
                        r.error(
                            at(vcol),
                            crate::msg!("sheet-veto-twice", veto = id),
                            Some(crate::msg!("sheet-veto-twice-hint")),
                        );
                        ok = false;
                    }
                    Some(i) => vi.push(i),
                    None => {
                        r.error(
                            at(vcol),
                            crate::msg!("sheet-unknown-veto", veto = id, year = fw.year.to_string()),
                            Some(known_hint(id, &veto_ids)),
                        );
                        ok = false;
                    }
                }
            }
        }
        None => ok = false,
    }

    // The scores: every criterion that applies to the branch's type, and no other.
    let mut scores = Vec::new();
    if let (Some(di), Some(bi)) = (di, bi) {
        let b = &content.districts[di].branches[bi];
        let type_slug = &content.site.branch_types[b.type_idx].slug;
        let applicable = fw.applicable.get(b.type_idx).map_or(&[][..], Vec::as_slice);
        for (ci, c) in fw.criteria.iter().enumerate() {
            let col = cols.criteria[ci];
            let value = cell(col);
            if !applicable.contains(&ci) {
                if !value.is_empty() {
                    r.error(
                        at(col),
                        crate::msg!("sheet-criterion-not-applicable", id = c.id.as_str(), type = type_slug.as_str()),
                        Some(crate::msg!("sheet-leave-empty")),
                    );
                    ok = false;
                }
                continue;
            }
            if value.is_empty() {
                r.error(
                    at(col),
                    crate::msg!("sheet-score-missing", id = c.id.as_str(), type = type_slug.as_str()),
                    Some(crate::msg!("sheet-score-missing-hint", max = c.max.to_string())),
                );
                ok = false;
                continue;
            }
            match score_value(value) {
                Ok(v) => match rules::score_in_range(&c.id, v, c.max) {
                    Ok(()) => scores.push(v),
                    Err(m) => {
                        r.coded(at(col), m);
                        ok = false;
                    }
                },
                Err(m) => {
                    let hint = m.hint.clone().unwrap_or_else(|| crate::msg!("sheet-score-hint"));
                    r.coded(at(col), Message { hint: Some(hint), ..m });
                    ok = false;
                }
            }
        }
    }
    match (ok, di, bi, ri) {
        (true, Some(district), Some(branch), Some(rating)) => {
            Read::Entry(Entry { row: n, district, branch, rating, vetoes: vi, scores })
        }
        _ => Read::Bad,
    }
}

/// What became of one row.
enum Read {
    Entry(Entry),
    /// Rating, vetoes and scores all empty: not assessed that year.
    Skipped,
    /// Its problems are reported.
    Bad,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scores_exactly() {
        let t = |s: &str| score_value(&Cell::Text(s.into()));
        assert_eq!(t("8.5"), Ok(Hundredths(850)));
        assert_eq!(t("8,5"), Ok(Hundredths(850)));
        assert_eq!(t("8,25"), Ok(Hundredths(825)));
        assert_eq!(t("45"), Ok(Hundredths(4500)));
        assert!(t("8.125").unwrap_err().text.contains("ambiguous"));
        assert!(t("1,000").unwrap_err().text.contains("ambiguous"), "1,000 is read as 1");
        assert!(t("1.000").unwrap_err().text.contains("ambiguous"));
        assert!(t("8.1250").unwrap_err().text.contains("more than two decimals"));
        assert!(t("1.234,5").unwrap_err().text.contains("not a number"));
        assert!(t("abc").unwrap_err().text.contains("not a number"));
        assert!(t("4_5").unwrap_err().text.contains("not a number"));
        assert!(t("1e1").unwrap_err().text.contains("not a number"));
        let n = |f: f64| score_value(&Cell::Number(f));
        assert_eq!(n(44.75), Ok(Hundredths(4475)));
        assert_eq!(n(0.1 + 0.2), Ok(Hundredths(30)));
        assert!(n(8.125).unwrap_err().text.contains("more than two decimals"));
        assert!(n(f64::NAN).is_err());
    }
}
