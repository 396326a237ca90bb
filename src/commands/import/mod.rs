//! `kieumau import FILE... [--year Y]`: sheets of one year's assessments (the format of
//! `data/scores-<year>.csv` and of the `kieumau forms` workbooks) written into the branch files,
//! or a branch register (`register.rs`) that creates and updates branch files.
//!
//! All or nothing, across every file given: the site is checked first, then every row of every
//! sheet; any problem is reported with its file, row and column and no file is written. The edited
//! files are validated again with the site's own rules before anything is written, and each is
//! replaced atomically (a temporary file beside it, then a rename). Rows that change nothing
//! leave their file untouched.

pub mod edit;
mod register;
mod rows;
pub mod sheet;
pub mod xlsx;

use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::replace::{Replace, all_or_nothing};
use crate::content::diag::{Diagnostics, rel_path};
use crate::domain::model::{Assessment, Branch, Content, Framework};
use edit::Values;
pub use rows::Entry;

/// What `kieumau import` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// One or more sheets, checked together.
    pub files: Vec<PathBuf>,
    /// The year of score sheets (a register needs none).
    pub year: Option<i32>,
    pub dry_run: bool,
    /// The workbook's sheet (default: the first).
    pub sheet: Option<String>,
}

/// Why nothing was imported.
pub enum Failure {
    /// The site itself has content errors (exit 1).
    Site(Box<Diagnostics>),
    /// The sheet has problems, each with its row and column (exit 1).
    Sheet(Box<Diagnostics>),
    /// The edited files did not pass the site's rules again (exit 1; a bug if it ever happens).
    Recheck(Box<Diagnostics>),
    /// A wrong argument (exit 2).
    Usage(String),
    /// A file could not be read or written (exit 2).
    Io(String),
}

/// One branch file that changes.
#[derive(Debug, Clone)]
pub struct Change {
    /// Site-root-relative path (`content/districts/dong-hung/a.toml`).
    pub rel: String,
    pub path: PathBuf,
    /// What changes: `2023 HTXSNV -> HTTNV; 1.1 50 -> 49`.
    pub summary: String,
    /// The file's new text.
    pub text: String,
    /// A new branch file (a register's row with no slug).
    pub create: bool,
}

#[derive(Debug)]
pub struct Outcome {
    /// Rows read from the sheet (one per branch).
    pub rows: usize,
    pub changes: Vec<Change>,
    /// Rows whose values the branch file already holds.
    pub unchanged: usize,
    /// False for a dry run.
    pub written: bool,
    /// A branch register: the site's branches that no row named (`district/branch`).
    pub register: Option<Vec<String>>,
}

/// Imports the sheets (or, with `dry_run`, works out what would change).
pub fn import(opts: &Options) -> Result<Outcome, Failure> {
    let mut read = Vec::with_capacity(opts.files.len());
    for path in &opts.files {
        let kind =
            sheet::kind_of(path).ok_or_else(|| Failure::Usage(crate::msg!("import-not-a-sheet", file = path)))?;
        if kind == sheet::Kind::Csv && opts.sheet.is_some() {
            return Err(Failure::Usage(crate::msg!("import-sheet-of-csv")));
        }
        let bytes = sheet::read_bounded(path).map_err(Failure::Io)?;
        read.push((path.display().to_string(), kind, bytes));
    }
    if read.is_empty() {
        return Err(Failure::Usage(crate::msg!("import-no-file")));
    }

    let mut site_diags = Diagnostics::new();
    let Some(checked) = crate::check(&opts.root, false, &mut site_diags) else {
        return Err(Failure::Site(Box::new(site_diags)));
    };
    let content = &checked.content;
    let site = &content.site;

    let mut diags = Diagnostics::new();
    let mut sheets: Vec<(String, sheet::Sheet)> = Vec::with_capacity(read.len());
    for (file, kind, bytes) in read {
        let result = match kind {
            sheet::Kind::Csv => sheet::read_csv(&bytes),
            // An .xlsx within bounds, cell by cell; the older formats through calamine's range.
            sheet::Kind::Workbook if xlsx::is_xlsx(&bytes) => xlsx::read(&bytes, opts.sheet.as_deref()),
            sheet::Kind::Workbook => sheet::read_workbook(&bytes, opts.sheet.as_deref()),
        };
        match result {
            Ok(s) => sheets.push((file, s)),
            Err(msg) => {
                diags.error(&file, None, msg);
            }
        }
    }
    // Text a spreadsheet misread (a UTF-8 CSV opened as Windows-1252) would be written into the
    // branch files as it is: say what it was meant to be, a few cells per file.
    for (file, sheet) in &sheets {
        let misread = sheet.rows.iter().flat_map(|row| {
            row.cells.iter().enumerate().filter_map(move |(c, cell)| match cell {
                sheet::Cell::Text(t) => sheet::misread_text(t).map(|meant| (row.number, c, t.clone(), meant)),
                _ => None,
            })
        });
        for (row, col, text, meant) in misread.take(5) {
            let at = format!(
                "{}, {}",
                crate::msg!("sheet-row", row = row),
                crate::msg!("sheet-column-letter", column = sheet::column_letter(col))
            );
            diags
                .error(file, None, format!("{at}: {}", crate::msg!("sheet-misread-text", text = text, meant = meant)))
                .hint(crate::msg!("sheet-misread-text-hint"));
        }
    }
    if diags.has_errors() {
        return Err(Failure::Sheet(Box::new(diags)));
    }
    let registers = sheets.iter().filter(|(_, s)| s.rows.first().is_some_and(register::is_register)).count();
    if registers == sheets.len() {
        return import_register(opts, content, &sheets);
    }
    if registers > 0 {
        return Err(Failure::Usage(crate::msg!("import-mixed")));
    }
    let year = opts.year.ok_or_else(|| Failure::Usage(crate::msg!("import-needs-year")))?;
    crate::domain::rules::year_in_site(site, year).map_err(Failure::Usage)?;
    let fw = content
        .frameworks
        .for_year(year)
        .ok_or_else(|| Failure::Usage(crate::msg!("no-framework-in-year", year = year.to_string())))?;
    // A collection workbook names its year ("Điểm 2024"): imported as another year's it would
    // write one year's scores into the next.
    for (file, sheet) in &sheets {
        if let Some(named) = sheet.named_year().filter(|y| *y != year) {
            let sheet_name = sheet.name.clone().unwrap_or_default();
            diags.error(
                file,
                None,
                crate::msg!(
                    "import-sheet-of-another-year",
                    sheet = sheet_name,
                    named = named.to_string(),
                    year = year.to_string()
                ),
            );
        }
    }
    if diags.has_errors() {
        return Err(Failure::Sheet(Box::new(diags)));
    }

    let mut entries = Vec::new();
    // Where each branch was first seen: a branch in two files is an error naming both.
    let mut first: std::collections::HashMap<(usize, usize), (usize, usize)> = std::collections::HashMap::new();
    for (fi, (file, sheet)) in sheets.iter().enumerate() {
        for e in rows::entries(content, fw, sheet, file, &mut diags) {
            match first.get(&(e.district, e.branch)) {
                Some(&(f0, r0)) if f0 != fi => {
                    let d = &content.districts[e.district];
                    let (branch, other) = (format!("{}/{}", d.slug, d.branches[e.branch].slug), &sheets[f0].0);
                    diags.error(
                        file,
                        None,
                        crate::msg!("import-in-two-files", row = e.row, branch = branch, other = other, other_row = r0),
                    );
                }
                _ => {
                    first.insert((e.district, e.branch), (fi, e.row));
                    entries.push(e);
                }
            }
        }
    }
    if diags.has_errors() {
        return Err(Failure::Sheet(Box::new(diags)));
    }
    let opts = &Options { year: Some(year), ..opts.clone() };

    let mut changes = Vec::new();
    let mut unchanged = 0;
    for e in &entries {
        let d = &content.districts[e.district];
        let b = &d.branches[e.branch];
        let want = wanted(content, fw, b, e);
        let old = b.assessment(year).map(|a| held(content, fw, b, a));
        if old.as_ref().is_some_and(|o| same(o, &want)) {
            unchanged += 1;
            continue;
        }
        let path = opts.root.join("content/districts").join(&d.slug).join(format!("{}.toml", b.slug));
        let rel = rel_path(&opts.root, &path);
        let text = read_text(&path)?;
        let new_text = edit::apply(&text, year, &want, old.as_ref())
            .map_err(|e| Failure::Io(format!("cannot edit {rel}: {e}")))?;
        changes.push(Change { summary: summary(year, old.as_ref(), &want), rel, path, text: new_text, create: false });
    }

    recheck(opts, content, fw, &entries, &changes)?;
    if !opts.dry_run {
        write_atomically(&changes)?;
    }
    Ok(Outcome { rows: entries.len(), changes, unchanged, written: !opts.dry_run, register: None })
}

/// A branch register: new files and changed fields, checked again with the site's rules.
fn import_register(opts: &Options, content: &Content, sheets: &[(String, sheet::Sheet)]) -> Result<Outcome, Failure> {
    let mut diags = Diagnostics::new();
    let list: Vec<(String, &sheet::Sheet)> = sheets.iter().map(|(n, s)| (n.clone(), s)).collect();
    let plan = register::plan(content, &list, &mut diags);
    if diags.has_errors() {
        return Err(Failure::Sheet(Box::new(diags)));
    }
    let (mut changes, mut unchanged) = (Vec::new(), 0);
    for r in &plan.records {
        let d = &content.districts[r.district];
        let path = opts.root.join("content/districts").join(&d.slug).join(format!("{}.toml", r.slug));
        let rel = rel_path(&opts.root, &path);
        match r.existing {
            Some(bi) if r.fields.held_by(&d.branches[bi]) => unchanged += 1,
            Some(bi) => {
                let text = read_text(&path)?;
                let (text, what) = register::edit(&text, content, &d.branches[bi], &r.fields)
                    .map_err(|e| Failure::Io(crate::msg!("import-cannot-edit", file = &rel, error = e)))?;
                changes.push(Change { rel, path, summary: what.join("; "), text, create: false });
            }
            None => {
                let summary = crate::msg!("register-new-branch", name = &r.fields.name);
                let text = register::new_file(content, &r.fields);
                changes.push(Change { rel, path, summary, text, create: true });
            }
        }
    }
    let again = scratch_check(opts, &changes)?;
    let mut diags = Diagnostics::new();
    for r in &plan.records {
        let d = &content.districts[r.district];
        let held = again
            .as_ref()
            .and_then(|a| a.districts.iter().find(|x| x.slug == d.slug))
            .and_then(|nd| nd.branches.iter().find(|b| b.slug == r.slug));
        if let Some(b) = held
            && !r.fields.held_by(b)
        {
            let rel = format!("content/districts/{}/{}.toml", d.slug, r.slug);
            diags.error(&rel, None, crate::msg!("import-not-held"));
        }
    }
    if diags.has_errors() {
        return Err(Failure::Recheck(Box::new(diags)));
    }
    if !opts.dry_run {
        write_atomically(&changes)?;
    }
    let mut missing: Vec<String> = plan
        .missing
        .iter()
        .map(|&(di, bi)| format!("{}/{}", content.districts[di].slug, content.districts[di].branches[bi].slug))
        .collect();
    missing.sort();
    Ok(Outcome { rows: plan.records.len(), changes, unchanged, written: !opts.dry_run, register: Some(missing) })
}

fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = fs::read(path).map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|_| Failure::Io(format!("{} is not UTF-8", path.display())))
}

/// What the sheet's row asks for, as ids.
fn wanted(content: &Content, fw: &Framework, b: &Branch, e: &Entry) -> Values {
    values(content, fw, b, e.rating, &e.vetoes, &e.scores)
}

/// What the branch file holds for the year, as ids.
fn held(content: &Content, fw: &Framework, b: &Branch, a: &Assessment) -> Values {
    values(content, fw, b, a.rating, &a.vetoes, &a.scores)
}

fn values(
    content: &Content,
    fw: &Framework,
    b: &Branch,
    rating: usize,
    vetoes: &[usize],
    scores: &[crate::domain::model::Hundredths],
) -> Values {
    let applicable = fw.applicable.get(b.type_idx).map_or(&[][..], Vec::as_slice);
    Values {
        rating: content.site.ratings[rating].code.clone(),
        vetoes: vetoes.iter().map(|&v| fw.vetoes[v].id.clone()).collect(),
        scores: applicable.iter().zip(scores).map(|(&ci, s)| (fw.criteria[ci].id.clone(), *s)).collect(),
    }
}

fn same(a: &Values, b: &Values) -> bool {
    let sorted = |v: &Values| {
        let mut x = v.vetoes.clone();
        x.sort();
        x
    };
    a.rating == b.rating && a.scores == b.scores && sorted(a) == sorted(b)
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() { "none".to_string() } else { ids.join(";") }
}

/// `2023 HTXSNV -> HTTNV; vetoes none -> ky-luat; 1.1 50 -> 49`, or `2024 new: HTTNV; 1.1 = 45, ...`.
fn summary(year: i32, old: Option<&Values>, want: &Values) -> String {
    let Some(old) = old else {
        let scores: Vec<String> = want.scores.iter().map(|(id, v)| format!("{id} = {v}")).collect();
        let vetoes = if want.vetoes.is_empty() { String::new() } else { format!("; vetoes {}", list(&want.vetoes)) };
        return format!("{year} new assessment: {}{vetoes}; {}", want.rating, scores.join(", "));
    };
    let mut parts = vec![if old.rating == want.rating {
        year.to_string()
    } else {
        format!("{year} {} -> {}", old.rating, want.rating)
    }];
    let mut a = old.vetoes.clone();
    let mut b = want.vetoes.clone();
    a.sort();
    b.sort();
    if a != b {
        parts.push(format!("vetoes {} -> {}", list(&old.vetoes), list(&want.vetoes)));
    }
    for (id, v) in &want.scores {
        match old.scores.iter().find(|(k, _)| k == id) {
            Some((_, o)) if o == v => {}
            Some((_, o)) => parts.push(format!("{id} {o} -> {v}")),
            None => parts.push(format!("{id} (none) -> {v}")),
        }
    }
    for (id, o) in &old.scores {
        if !want.scores.iter().any(|(k, _)| k == id) {
            parts.push(format!("{id} {o} -> (none)"));
        }
    }
    parts.join("; ")
}

/// Validates the edited files with the site's own rules, in a scratch copy of the settings, the
/// criteria and the districts concerned: the content of that copy (`None`: nothing changes).
fn scratch_check(opts: &Options, changes: &[Change]) -> Result<Option<Content>, Failure> {
    if changes.is_empty() {
        return Ok(None);
    }
    let scratch = Scratch::new().map_err(|e| Failure::Io(crate::msg!("import-no-scratch", reason = e.to_string())))?;
    let io =
        |e: std::io::Error| Failure::Io(crate::msg!("import-scratch-write", dir = &scratch.0, reason = e.to_string()));
    let src = opts.root.join("content");
    let dst = scratch.0.join("content");
    fs::create_dir_all(dst.join("criteria")).map_err(io)?;
    fs::copy(src.join("site.toml"), dst.join("site.toml")).map_err(io)?;
    for entry in fs::read_dir(src.join("criteria")).map_err(io)? {
        let entry = entry.map_err(io)?;
        if entry.file_type().map_err(io)?.is_file() {
            fs::copy(entry.path(), dst.join("criteria").join(entry.file_name())).map_err(io)?;
        }
    }
    for c in changes {
        let rel = c.path.strip_prefix(&opts.root).unwrap_or(&c.path);
        let target = scratch.0.join(rel);
        if let Some(dir) = target.parent()
            && !dir.exists()
        {
            fs::create_dir_all(dir).map_err(io)?;
            fs::copy(c.path.with_file_name("district.toml"), dir.join("district.toml")).map_err(io)?;
        }
        fs::write(&target, &c.text).map_err(io)?;
    }
    let mut diags = Diagnostics::new();
    match crate::content::validate::content(&scratch.0, &mut diags) {
        Some(again) if !diags.has_errors() => Ok(Some(again)),
        _ => Err(Failure::Recheck(Box::new(diags))),
    }
}

/// Checks the edited files with the site's rules and that they hold exactly the imported values.
fn recheck(
    opts: &Options,
    content: &Content,
    fw: &Framework,
    entries: &[Entry],
    changes: &[Change],
) -> Result<(), Failure> {
    let Some(again) = scratch_check(opts, changes)? else {
        return Ok(());
    };
    let year = opts.year.unwrap_or_default();
    let mut diags = Diagnostics::new();
    for e in entries {
        let d = &content.districts[e.district];
        let b = &d.branches[e.branch];
        let Some(nd) = again.districts.iter().find(|x| x.slug == d.slug) else {
            continue; // the district's files did not change
        };
        let Some(nb) = nd.branches.iter().find(|x| x.slug == b.slug) else {
            continue;
        };
        let want = wanted(content, fw, b, e);
        let now = nb.assessment(year).map(|a| held(&again, fw, nb, a));
        if !now.as_ref().is_some_and(|n| same(n, &want)) {
            let rel = format!("content/districts/{}/{}.toml", d.slug, b.slug);
            diags
                .error(&rel, None, crate::msg!("import-not-held-year", year = year.to_string()))
                .hint(crate::msg!("import-bug-hint"));
        }
    }
    if diags.has_errors() { Err(Failure::Recheck(Box::new(diags))) } else { Ok(()) }
}

/// A scratch folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Self> {
        let base = std::env::temp_dir();
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let dir = base.join(format!("kieumau-import-{}-{stamp}", std::process::id()));
        fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Writes the changed branch files all or nothing.
fn write_atomically(changes: &[Change]) -> Result<(), Failure> {
    let files: Vec<Replace> = changes
        .iter()
        .map(|c| Replace { rel: &c.rel, path: &c.path, bytes: c.text.as_bytes(), create: c.create })
        .collect();
    all_or_nothing(&files).map_err(Failure::Io)
}

/// One line per problem of the sheet: `scores.csv row 7, column "2.1": score 11 is above ...`.
pub fn render_sheet_problems(diags: &Diagnostics) -> String {
    let mut out = String::new();
    for d in diags.items() {
        out.push_str(&format!("{} {}", d.file, d.message));
        if let Some(h) = &d.hint {
            out.push_str(&format!(" ({h})"));
        }
        out.push('\n');
    }
    out
}

/// `kieumau import`: runs the import and prints what happened. Returns the exit code.
pub fn run(opts: &Options) -> u8 {
    let color = std::io::stderr().is_terminal();
    match import(opts) {
        Ok(o) => {
            let mut stdout = std::io::stdout().lock();
            for c in &o.changes {
                let _ = writeln!(stdout, "{}: {}", c.rel, c.summary);
            }
            let _ = stdout.flush();
            let files = o.changes.len();
            let names = opts.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ");
            let (rows, unchanged) = (o.rows, o.unchanged);
            if let Some(missing) = &o.register {
                let created = o.changes.iter().filter(|c| c.create).count();
                let updated = files - created;
                if !missing.is_empty() {
                    let shown = missing.iter().take(50).cloned().collect::<Vec<_>>().join(", ");
                    let more = missing.len().saturating_sub(50);
                    eprintln!("{}", crate::msg!("register-missing", count = missing.len(), shown = shown, more = more));
                }
                let text = if o.written {
                    crate::msg!(
                        "register-done",
                        rows = rows,
                        file = &names,
                        created = created,
                        updated = updated,
                        unchanged = unchanged
                    )
                } else {
                    crate::msg!(
                        "register-dry-run",
                        rows = rows,
                        created = created,
                        updated = updated,
                        unchanged = unchanged
                    )
                };
                eprintln!("{text}");
                return 0;
            }
            let year = opts.year.unwrap_or_default().to_string();
            if o.written {
                let next = if o.changes.is_empty() { String::new() } else { crate::msg!("import-next") };
                eprintln!(
                    "{}",
                    crate::msg!(
                        "import-done",
                        rows = rows,
                        year = year,
                        file = &names,
                        files = files,
                        unchanged = unchanged,
                        next = next
                    )
                );
            } else {
                eprintln!(
                    "{}",
                    crate::msg!("import-dry-run", rows = rows, year = year, files = files, unchanged = unchanged)
                );
            }
            0
        }
        Err(Failure::Site(d)) => {
            eprint!("{}", d.render_human(color));
            eprintln!("{}", crate::msg!("import-refused", errors = d.error_count()));
            1
        }
        Err(Failure::Sheet(d)) => {
            eprint!("{}", render_sheet_problems(&d));
            let names = opts.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ");
            eprintln!("{}", crate::msg!("import-failed", problems = d.error_count(), file = names));
            1
        }
        Err(Failure::Recheck(d)) => {
            eprint!("{}", d.render_human(color));
            eprintln!("{}", crate::msg!("import-stopped"));
            1
        }
        Err(Failure::Usage(msg)) | Err(Failure::Io(msg)) => {
            eprintln!("{}", crate::msg!("error-line", message = msg));
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Hundredths;

    fn copy_fixture(to: &Path) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let dest = to.join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&dest).unwrap();
            } else {
                fs::copy(entry.path(), &dest).unwrap();
            }
        }
    }

    /// The second check catches an edited text that breaks a rule or does not hold the values.
    #[test]
    fn recheck_catches_a_bad_edit() {
        let tmp = tempfile::tempdir().unwrap();
        copy_fixture(tmp.path());
        let checked = crate::check(tmp.path(), false, &mut Diagnostics::new()).unwrap();
        let content = &checked.content;
        let fw = content.frameworks.for_year(2023).unwrap();
        let di = content.districts.iter().position(|d| d.slug == "dong-hung").unwrap();
        let bi = content.districts[di].branches.iter().position(|b| b.slug == "a").unwrap();
        let entry = Entry {
            row: 2,
            district: di,
            branch: bi,
            rating: 0,
            vetoes: vec![],
            scores: vec![Hundredths(4900), Hundredths(4500)],
        };
        let opts = Options {
            root: tmp.path().to_path_buf(),
            files: vec!["s.csv".into()],
            year: Some(2023),
            dry_run: true,
            sheet: None,
        };
        let path = tmp.path().join("content/districts/dong-hung/a.toml");
        let original = fs::read_to_string(&path).unwrap();
        let change = |text: String| Change {
            rel: "content/districts/dong-hung/a.toml".into(),
            path: path.clone(),
            summary: String::new(),
            text,
            create: false,
        };
        let good = change(original.replace("\"1.1\" = 50, \"2.1\" = 45", "\"1.1\" = 49, \"2.1\" = 45"));
        assert!(recheck(&opts, content, fw, std::slice::from_ref(&entry), &[good]).is_ok());

        let above_max = change(original.replace("\"1.1\" = 50, \"2.1\" = 45", "\"1.1\" = 51, \"2.1\" = 45"));
        match recheck(&opts, content, fw, std::slice::from_ref(&entry), &[above_max]) {
            Err(Failure::Recheck(d)) => {
                assert!(d.items().iter().any(|x| x.message.contains("above its maximum")), "{:?}", d.items())
            }
            _ => panic!("a score above its maximum passes the second check"),
        }
        let not_held = change(original.clone());
        match recheck(&opts, content, fw, std::slice::from_ref(&entry), &[not_held]) {
            Err(Failure::Recheck(d)) => {
                assert!(d.items().iter().any(|x| x.message.contains("does not hold the imported values")))
            }
            _ => panic!("a text without the imported values passes the second check"),
        }
        // Nothing was written by any of this.
        assert_eq!(fs::read_to_string(&path).unwrap(), original);
    }
}
