//! The branch register (SPEC section 6): a sheet of branches, with no rating, that creates new
//! branch files and updates the fields of existing ones. A row with an empty `branch` is matched
//! to an existing branch by name and parent before a new slug is made from its name, so the same
//! sheet imported again changes nothing.

use std::collections::HashMap;

use toml_edit::{DocumentMut, Item, Value};

use super::sheet::{Cell, Row, Sheet};
use crate::content::diag::{Diagnostics, known_hint};
use crate::domain::model::{Branch, Content, Level};
use crate::domain::rules;
use crate::msg;

/// The register's columns, in the order a new file lists its keys; `pilot` is optional.
pub const COLUMNS: [&str; 8] = ["district", "branch", "name", "type", "subtype", "level", "parent", "members"];
const PILOT: &str = "pilot";
/// The longest slug kieumau makes (file names stay short on every system).
const SLUG_MAX: usize = 60;

/// Whether the header is a register's: it names branches' fields and no rating.
pub fn is_register(header: &Row) -> bool {
    let names: Vec<String> = header.cells.iter().map(|c| lower_text(c).unwrap_or_default()).collect();
    let has = |k: &str| names.iter().any(|n| n == k);
    !has("rating") && ["name", "type", "level", "members"].iter().all(|k| has(k))
}

fn lower_text(c: &Cell) -> Option<String> {
    match c {
        Cell::Text(t) => Some(t.trim().to_lowercase()),
        _ => None,
    }
}

/// A branch's fields as the register gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub name: String,
    pub type_idx: usize,
    pub subtype_idx: Option<usize>,
    pub level: Level,
    pub parent: Option<String>,
    pub members: u32,
    /// `None` when the sheet has no `pilot` column (the file's pilot stays).
    pub pilot: Option<Option<i32>>,
}

impl Fields {
    /// Whether branch `b` already has these fields.
    pub fn held_by(&self, b: &Branch) -> bool {
        self.name == b.name
            && self.type_idx == b.type_idx
            && self.subtype_idx == b.subtype_idx
            && self.level == b.level
            && self.parent == b.parent
            && self.members == b.members
            && self.pilot.is_none_or(|p| p == b.pilot)
    }
}

/// One valid row.
#[derive(Debug, Clone)]
pub struct Record {
    pub district: usize,
    pub slug: String,
    /// The existing branch it updates; `None`: a new file.
    pub existing: Option<usize>,
    pub fields: Fields,
}

/// Every row of every register sheet, checked together (slugs are unique across them).
pub struct Plan {
    pub records: Vec<Record>,
    /// Branches of the site that no row names: listed, never removed.
    pub missing: Vec<(usize, usize)>,
}

struct Cols {
    at: [usize; 8],
    pilot: Option<usize>,
}

pub fn plan(content: &Content, sheets: &[(String, &Sheet)], diags: &mut Diagnostics) -> Plan {
    let mut seen = Seen::default();
    for (di, d) in content.districts.iter().enumerate() {
        for b in &d.branches {
            seen.taken.insert((di, b.slug.clone()));
        }
    }
    let mut records = Vec::new();
    for (fi, (file, sheet)) in sheets.iter().enumerate() {
        let Some((header, rows)) = sheet.rows.split_first() else { continue };
        let Some(cols) = columns(header, file, diags) else { continue };
        for row in rows {
            let mut cx = RowCx { content, file, files: sheets, row, cols: &cols, diags, ok: true };
            if let Some(r) = record(&mut cx, fi, &mut seen) {
                records.push(r);
            }
        }
    }
    let mut missing = Vec::new();
    for (di, d) in content.districts.iter().enumerate() {
        for (bi, _) in d.branches.iter().enumerate() {
            if !seen.existing.contains_key(&(di, bi)) {
                missing.push((di, bi));
            }
        }
    }
    Plan { records, missing }
}

fn columns(header: &Row, file: &str, diags: &mut Diagnostics) -> Option<Cols> {
    let mut at = [usize::MAX; 8];
    let mut pilot = None;
    let mut ok = true;
    let row = header.number;
    for (col, cell) in header.cells.iter().enumerate() {
        let name = lower_text(cell).unwrap_or_default();
        let slot = if let Some(k) = COLUMNS.iter().position(|k| *k == name) {
            Some(&mut at[k])
        } else if name == PILOT {
            pilot = pilot.or(Some(usize::MAX));
            None
        } else {
            None
        };
        match slot {
            Some(s) if *s == usize::MAX => *s = col,
            Some(_) => {
                diags.error(file, None, msg!("register-column-twice", row = row, column = name));
                ok = false;
            }
            None if name == PILOT && pilot == Some(usize::MAX) => pilot = Some(col),
            None if name == PILOT => {
                diags.error(file, None, msg!("register-column-twice", row = row, column = name));
                ok = false;
            }
            None if name.is_empty() && cell.is_empty() => {}
            None => {
                let shown = match cell {
                    Cell::Text(t) => t.clone(),
                    other => format!("{other:?}"),
                };
                let columns = COLUMNS.join(", ");
                diags.error(file, None, msg!("register-unknown-column", row = row, column = shown, columns = columns));
                ok = false;
            }
        }
    }
    for (k, col) in COLUMNS.iter().zip(at) {
        if col == usize::MAX {
            let columns = COLUMNS.join(", ");
            diags.error(file, None, msg!("register-no-column", row = row, column = *k, columns = columns));
            ok = false;
        }
    }
    ok.then_some(Cols { at, pilot })
}

struct RowCx<'a, 'd> {
    content: &'a Content,
    file: &'a str,
    files: &'a [(String, &'a Sheet)],
    row: &'a Row,
    cols: &'a Cols,
    diags: &'d mut Diagnostics,
    ok: bool,
}

impl RowCx<'_, '_> {
    fn cell(&self, k: usize) -> &Cell {
        self.cols.at.get(k).and_then(|&c| self.row.cells.get(c)).unwrap_or(&Cell::Empty)
    }

    /// A text cell; a number is read as its digits (a member count typed as text or as a number).
    fn text(&mut self, k: usize) -> String {
        match self.cell(k).clone() {
            Cell::Empty => String::new(),
            Cell::Text(t) => t,
            Cell::Number(f) => format!("{f}"),
            Cell::Other(what) => {
                self.error(k, msg!("register-not-text", what = what));
                String::new()
            }
        }
    }

    /// `row 7 (dong-hung/Chi bộ thôn An), column "type"`.
    fn place(&self, col: &str) -> String {
        let d = match self.cell(0) {
            Cell::Text(t) => t.clone(),
            _ => String::new(),
        };
        let b = match (self.cell(1), self.cell(2)) {
            (Cell::Text(t), _) => t.clone(),
            (_, Cell::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let row = self.row.number;
        msg!("register-place", row = row, district = d, branch = b, column = col)
    }

    fn error(&mut self, k: usize, message: String) {
        let col = COLUMNS.get(k).copied().unwrap_or(PILOT);
        let place = self.place(col);
        self.diags.error(self.file, None, format!("{place}: {message}"));
        self.ok = false;
    }

    fn with_hint(&mut self, k: usize, message: String, hint: String) {
        let col = COLUMNS.get(k).copied().unwrap_or(PILOT);
        let place = self.place(col);
        self.diags.error(self.file, None, format!("{place}: {message}")).hint(hint);
        self.ok = false;
    }
}

/// What earlier rows took: slugs per district, existing branches, and new (name, parent) pairs,
/// each with the (file, row) that took it.
#[derive(Default)]
struct Seen {
    taken: std::collections::HashSet<(usize, String)>,
    existing: HashMap<(usize, usize), (usize, usize)>,
    fresh: HashMap<(usize, String, Option<String>), (usize, usize)>,
}

fn record(cx: &mut RowCx<'_, '_>, fi: usize, seen: &mut Seen) -> Option<Record> {
    let content = cx.content;
    let site = &content.site;
    if COLUMNS.iter().enumerate().all(|(k, _)| cx.cell(k).is_empty()) {
        return None;
    }
    let (dtext, btext, name) = (cx.text(0), cx.text(1), cx.text(2));
    let district = if dtext.is_empty() {
        cx.error(0, msg!("register-empty", column = "district"));
        None
    } else {
        let found =
            rules::pick_by_slug_or_name(&dtext, content.districts.iter().map(|d| (d.slug.as_str(), d.name.as_str())));
        if found.is_none() {
            let slugs: Vec<&str> = content.districts.iter().map(|d| d.slug.as_str()).collect();
            cx.with_hint(0, msg!("register-unknown-district", value = &dtext), known_hint(&dtext, &slugs));
        }
        found
    };
    if name.is_empty() {
        cx.error(2, msg!("register-empty", column = "name"));
    }
    let ttext = cx.text(3);
    let types = || site.branch_types.iter().map(|t| (t.slug.as_str(), t.name.as_str()));
    let type_idx = rules::pick_by_slug_or_name(&ttext, types());
    if type_idx.is_none() {
        let slugs: Vec<&str> = site.branch_types.iter().map(|t| t.slug.as_str()).collect();
        cx.with_hint(3, msg!("register-unknown-type", value = &ttext), known_hint(&ttext, &slugs));
    }
    let stext = cx.text(4);
    let subtype_idx = match type_idx.map(|t| &site.branch_types[t]) {
        Some(bt) if bt.subtypes.is_empty() => {
            if !stext.is_empty() {
                cx.error(4, msg!("register-no-subtypes", value = &stext, type = &bt.slug));
            }
            None
        }
        Some(bt) => {
            let found =
                rules::pick_by_slug_or_name(&stext, bt.subtypes.iter().map(|s| (s.slug.as_str(), s.name.as_str())));
            if found.is_none() {
                let slugs: Vec<&str> = bt.subtypes.iter().map(|s| s.slug.as_str()).collect();
                cx.with_hint(
                    4,
                    msg!("register-unknown-subtype", value = &stext, type = &bt.slug),
                    known_hint(&stext, &slugs),
                );
            }
            found
        }
        None => None,
    };
    let ltext = cx.text(5);
    let level = Level::from_slug(&slug::slugify(&ltext));
    if level.is_none() {
        let known = [Level::CoSo.slug(), Level::TrucThuoc.slug()];
        cx.with_hint(5, msg!("register-unknown-level", value = &ltext), known_hint(&ltext, &known));
    }
    let parent = Some(cx.text(6)).filter(|p| !p.is_empty());
    let mtext = cx.text(7);
    let members = mtext.parse::<u32>().ok().filter(|m| *m <= 1_000_000);
    if members.is_none() {
        cx.error(7, msg!("register-bad-members", value = &mtext));
    }
    let pilot = match cx.cols.pilot {
        None => None,
        Some(col) => match cx.row.cells.get(col).unwrap_or(&Cell::Empty) {
            Cell::Empty => Some(None),
            c => {
                let t = match c {
                    Cell::Text(t) => t.clone(),
                    Cell::Number(f) => format!("{f}"),
                    Cell::Other(w) => w.clone(),
                    Cell::Empty => String::new(),
                };
                match t.parse::<i32>().ok().filter(|y| (site.first_year..=site.last_year).contains(y)) {
                    Some(y) => Some(Some(y)),
                    None => {
                        let (first, last) = (site.first_year.to_string(), site.last_year.to_string());
                        cx.error(8, msg!("register-bad-pilot", value = t, first = first, last = last));
                        None
                    }
                }
            }
        },
    };
    let di = district?;
    let d = &content.districts[di];
    // The branch: its slug, or (empty) the branch of that name and parent, or a new one.
    let existing = if btext.is_empty() {
        d.branches.iter().position(|b| b.name == name && b.parent == parent)
    } else {
        let found = d.branches.iter().position(|b| b.slug == btext);
        if found.is_none() {
            let slugs: Vec<&str> = d.branches.iter().map(|b| b.slug.as_str()).collect();
            cx.with_hint(
                1,
                msg!("register-unknown-branch", value = &btext, district = &d.slug),
                format!("{}; {}", msg!("register-unknown-branch-hint"), known_hint(&btext, &slugs)),
            );
        }
        found
    };
    if !cx.ok {
        return None;
    }
    let fields = Fields { name, type_idx: type_idx?, subtype_idx, level: level?, parent, members: members?, pilot };
    let slug = match existing {
        Some(bi) => d.branches[bi].slug.clone(),
        None => new_slug(di, &fields, &seen.taken),
    };
    let here = (fi, cx.row.number);
    // The same branch twice: by slug (or name and parent) of an existing one, or two new rows of
    // the same name and parent.
    let twin = match existing {
        Some(bi) => seen.existing.get(&(di, bi)).copied(),
        None => seen.fresh.get(&(di, fields.name.clone(), fields.parent.clone())).copied(),
    };
    if let Some((f0, r0)) = twin {
        let other = cx.files.get(f0).map_or("", |(n, _)| n.as_str()).to_string();
        cx.error(1, msg!("register-twice", slug = &slug, file = other, row = r0));
        return None;
    }
    match existing {
        Some(bi) => {
            seen.existing.insert((di, bi), here);
        }
        None => {
            seen.fresh.insert((di, fields.name.clone(), fields.parent.clone()), here);
            seen.taken.insert((di, slug.clone()));
        }
    }
    Some(Record { district: di, slug, existing, fields })
}

/// A new slug from the name (without the "Chi bộ" every name starts with), unique in the district:
/// then with the parent's, then numbered.
fn new_slug(di: usize, f: &Fields, taken: &std::collections::HashSet<(usize, String)>) -> String {
    let cut = |s: String| -> String {
        let mut s = s;
        if s.len() > SLUG_MAX {
            s.truncate(SLUG_MAX);
            s = s.trim_end_matches('-').to_string();
        }
        s
    };
    let bare = |s: &str, prefixes: &[&str]| -> String {
        let slug = slug::slugify(s);
        let mut out = slug.as_str();
        for p in prefixes {
            if let Some(rest) = out.strip_prefix(p)
                && !rest.is_empty()
            {
                out = rest;
                break;
            }
        }
        out.to_string()
    };
    let mut base = bare(&f.name, &["chi-bo-"]);
    if base.is_empty() {
        base = "chi-bo".into();
    }
    let free = |s: &str| !taken.contains(&(di, s.to_string()));
    let first = cut(base.clone());
    if free(&first) {
        return first;
    }
    if let Some(p) = &f.parent {
        let p = bare(p, &["dang-bo-", "chi-bo-"]);
        let with = cut(format!("{p}-{base}"));
        if !p.is_empty() && free(&with) {
            return with;
        }
    }
    (2..).map(|n| format!("{}-{n}", cut(base.clone()))).find(|s| free(s)).unwrap_or(base)
}

/// `name`, `type`, … as TOML values, in the register's order.
fn values(content: &Content, f: &Fields) -> Vec<(&'static str, Option<Value>)> {
    let bt = &content.site.branch_types[f.type_idx];
    let pilot = f.pilot.map(|p| p.map(|y| Value::from(i64::from(y))));
    let mut out = vec![
        ("name", Some(Value::from(f.name.as_str()))),
        ("type", Some(Value::from(bt.slug.as_str()))),
        ("subtype", f.subtype_idx.map(|s| Value::from(bt.subtypes[s].slug.as_str()))),
        ("level", Some(Value::from(f.level.slug()))),
        ("parent", f.parent.as_deref().map(Value::from)),
        ("members", Some(Value::from(i64::from(f.members)))),
    ];
    if let Some(p) = pilot {
        out.push(("pilot", p));
    }
    out
}

/// The text of a new branch file.
pub fn new_file(content: &Content, f: &Fields) -> String {
    let mut doc = DocumentMut::new();
    for (k, v) in values(content, f) {
        if let Some(v) = v {
            doc.insert(k, Item::Value(v));
        }
    }
    doc.to_string()
}

/// The file's text with the fields set (only those that differ from `b`'s), everything else kept.
pub fn edit(text: &str, content: &Content, b: &Branch, f: &Fields) -> Result<(String, Vec<String>), String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    let mut changed = Vec::new();
    let bt_old = &content.site.branch_types[b.type_idx];
    let old: HashMap<&str, String> = [
        ("name", b.name.clone()),
        ("type", bt_old.slug.clone()),
        ("subtype", b.subtype_idx.map(|s| bt_old.subtypes[s].slug.clone()).unwrap_or_default()),
        ("level", b.level.slug().to_string()),
        ("parent", b.parent.clone().unwrap_or_default()),
        ("members", b.members.to_string()),
        ("pilot", b.pilot.map(|p| p.to_string()).unwrap_or_default()),
    ]
    .into_iter()
    .collect();
    let order: Vec<&str> = values(content, f).iter().map(|(k, _)| *k).collect();
    for (i, (k, v)) in values(content, f).into_iter().enumerate() {
        let new_text = v.as_ref().map(|v| v.as_str().map_or_else(|| v.to_string().trim().to_string(), str::to_string));
        let was = old.get(k).cloned().unwrap_or_default();
        if new_text.clone().unwrap_or_default() == was {
            continue;
        }
        let shown = |s: &str| if s.is_empty() { "∅".to_string() } else { s.to_string() };
        changed.push(format!("{k} {} -> {}", shown(&was), shown(&new_text.clone().unwrap_or_default())));
        match v {
            None => {
                doc.remove(k);
            }
            Some(v) => set_after(&mut doc, k, v, order.get(..i).unwrap_or_default()),
        }
    }
    Ok((doc.to_string(), changed))
}

/// Sets key `k`, keeping its spacing and comment; a new key goes after the last of `before`
/// that the file has (so a new `parent` sits after `level`, as in the format's example).
fn set_after(doc: &mut DocumentMut, k: &str, v: Value, before: &[&str]) {
    let root = doc.as_table_mut();
    if let Some(item) = root.get_mut(k) {
        super::edit::replace(item, v);
        return;
    }
    let keys: Vec<String> = root.iter().map(|(key, _)| key.to_string()).collect();
    let anchor = keys.iter().rposition(|key| before.contains(&key.as_str()));
    let after: Vec<String> = match anchor {
        Some(a) => keys.get(a + 1..).unwrap_or_default().to_vec(),
        None => keys.clone(),
    };
    // Values after the anchor are taken out and put back after the new key; tables keep their place.
    let mut moved = Vec::new();
    for key in after {
        if root.get(&key).is_some_and(Item::is_value)
            && let Some(entry) = root.remove_entry(&key)
        {
            moved.push(entry);
        }
    }
    root.insert(k, Item::Value(v));
    for (key, item) in moved {
        root.insert_formatted(&key, item);
    }
}
