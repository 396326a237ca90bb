//! The downloads in `data/`: CSV tables for spreadsheets and `site.json` with every figure.
//!
//! CSV is RFC 4180 (CRLF, quotes where needed), UTF-8 with a byte-order mark so that spreadsheets
//! show Vietnamese correctly; numbers use a dot; percentages one decimal, half away from zero.

use serde_json::{Value, json};

use std::io;

use crate::domain::aggregate::{Aggregates, Stats};
use crate::domain::digest::key;
use crate::domain::model::{Content, Level, Ratio, tenths_to_string};
use crate::report::deps::Deps;
use crate::report::emit::Emit;
use crate::report::pieces::{self, OldFile, Piece, PieceSink};
use crate::report::urls;

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn pct_cell(r: Option<Ratio>) -> String {
    r.map(|r| tenths_to_string(r.pct_tenths())).unwrap_or_default()
}

fn pct_json(r: Option<Ratio>) -> Value {
    r.map_or(Value::Null, |r| json!(r.pct_tenths() as f64 / 10.0))
}

struct Csv(csv::Writer<Vec<u8>>);

impl Csv {
    fn new(header: &[String]) -> Self {
        let mut w = Csv::rows_into(BOM.to_vec());
        w.row(header);
        w
    }
    /// Rows alone: one district's piece of a table.
    fn rows() -> Self {
        Csv::rows_into(Vec::new())
    }
    fn rows_into(start: Vec<u8>) -> Self {
        Csv(csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(start))
    }
    fn row(&mut self, cells: &[String]) {
        // Writing into a Vec cannot fail.
        self.0.write_record(cells.iter().map(|c| crate::report::formula::as_text(c).into_owned())).ok();
    }
    fn finish(self) -> Vec<u8> {
        self.0.into_inner().unwrap_or_default()
    }
}

/// Header cells shared by the unit tables: after the key columns.
fn stats_header(content: &Content, keys: &[&str]) -> Vec<String> {
    let mut h: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    h.push("branches".into());
    h.extend(content.site.ratings.iter().map(|r| r.code.clone()));
    h.extend(["good_or_better", "good_or_better_pct", "model", "model_pct", "pilots"].map(String::from));
    h
}

fn stats_cells(keys: Vec<String>, s: &Stats) -> Vec<String> {
    let mut c = keys;
    c.push(s.branches.to_string());
    c.extend(s.per_rating.iter().map(u32::to_string));
    c.push(s.good.to_string());
    c.push(pct_cell(s.good_pct()));
    c.push(s.model.to_string());
    c.push(pct_cell(s.model_pct()));
    c.push(s.pilots.to_string());
    c
}

const BRANCHES_HEADER: [&str; 15] = [
    "year",
    "district",
    "branch",
    "name",
    "parent",
    "type",
    "subtype",
    "level",
    "members",
    "rating",
    "score",
    "max_score",
    "score_pct",
    "model",
    "pilot",
];

/// Where a file's pieces go as they are made.
type PushPiece<'e> = dyn FnMut(Piece) -> io::Result<()> + 'e;

/// The pieces of one district's rows: copied from the old file when its key is there.
struct Rows<'a> {
    deps: &'a Deps,
    old: Option<&'a OldFile>,
}

impl Rows<'_> {
    /// The piece of district `di`'s rows of `what`; `make` makes them.
    fn piece(&self, what: &[u8], di: usize, year: i32, make: impl FnOnce() -> Vec<u8>) -> Piece {
        let k = key(&[what, &self.deps.district_data(di), &year.to_le_bytes()]);
        pieces::piece(self.old, k, || (make(), 0))
    }
}

/// `branches.csv`: year by year, a piece per district.
fn branches_csv(content: &Content, agg: &Aggregates, rows: &Rows, emit: &mut PushPiece) -> io::Result<()> {
    emit(Piece::plain(Csv::new(&BRANCHES_HEADER.map(String::from)).finish()))?;
    for &year in &agg.years {
        for di in 0..content.districts.len() {
            emit(rows.piece(b"branches.csv", di, year, || branch_rows(content, agg, year, di)))?;
        }
    }
    Ok(())
}

fn branch_rows(content: &Content, agg: &Aggregates, year: i32, di: usize) -> Vec<u8> {
    let mut w = Csv::rows();
    let site = &content.site;
    let d = &content.districts[di];
    for (bi, b) in d.branches.iter().enumerate() {
        let Some(s) = agg.scored[di][bi].iter().find(|s| s.year == year) else {
            continue;
        };
        let bt = &site.branch_types[b.type_idx];
        w.row(&[
            year.to_string(),
            d.slug.clone(),
            b.slug.clone(),
            b.name.clone(),
            b.parent.clone().unwrap_or_default(),
            bt.slug.clone(),
            b.subtype_idx.map(|i| bt.subtypes[i].slug.clone()).unwrap_or_default(),
            b.level.slug().to_string(),
            b.members.to_string(),
            site.ratings[s.rating].code.clone(),
            s.total.to_string(),
            s.max.to_string(),
            tenths_to_string(s.pct().pct_tenths()),
            s.model.to_string(),
            s.pilot.to_string(),
        ]);
    }
    w.finish()
}

pub fn districts_csv(content: &Content, agg: &Aggregates) -> Vec<u8> {
    let mut w = Csv::new(&stats_header(content, &["year", "district"]));
    for (yi, year) in agg.years.iter().enumerate() {
        for (di, d) in content.districts.iter().enumerate() {
            w.row(&stats_cells(vec![year.to_string(), d.slug.clone()], &agg.districts[di][yi]));
        }
    }
    w.finish()
}

pub fn types_csv(content: &Content, agg: &Aggregates) -> Vec<u8> {
    let mut w = Csv::new(&stats_header(content, &["year", "type"]));
    for (yi, year) in agg.years.iter().enumerate() {
        for (ti, t) in content.site.branch_types.iter().enumerate() {
            w.row(&stats_cells(vec![year.to_string(), t.slug.clone()], &agg.types[ti][yi]));
        }
    }
    w.finish()
}

pub fn province_csv(content: &Content, agg: &Aggregates) -> Vec<u8> {
    let mut w = Csv::new(&stats_header(content, &["year"]));
    for (yi, year) in agg.years.iter().enumerate() {
        w.row(&stats_cells(vec![year.to_string()], &agg.province[yi]));
    }
    w.finish()
}

/// `scores-<year>.csv` in the import format: `district, branch`, the informational `name, parent`
/// (import ignores them; they tell namesakes apart), `rating, vetoes`, then one column per
/// criterion of the year's framework (empty where it does not apply to the branch's type).
/// A piece per district.
fn scores_csv(content: &Content, year: i32, rows: &Rows, emit: &mut PushPiece) -> io::Result<()> {
    let Some(fw) = content.frameworks.for_year(year) else {
        return Ok(());
    };
    let mut header: Vec<String> =
        ["district", "branch", "name", "parent", "rating", "vetoes"].map(String::from).to_vec();
    header.extend(fw.criteria.iter().map(|c| c.id.clone()));
    emit(Piece::plain(Csv::new(&header).finish()))?;
    for (di, d) in content.districts.iter().enumerate() {
        let make = || {
            let mut w = Csv::rows();
            for b in &d.branches {
                let Some(a) = b.assessment(year) else {
                    continue;
                };
                let mut row = vec![
                    d.slug.clone(),
                    b.slug.clone(),
                    b.name.clone(),
                    b.parent.clone().unwrap_or_default(),
                    content.site.ratings[a.rating].code.clone(),
                    a.vetoes.iter().map(|&v| fw.vetoes[v].id.as_str()).collect::<Vec<_>>().join(";"),
                ];
                let mut cells = vec![String::new(); fw.criteria.len()];
                let ids = fw.applicable.get(b.type_idx).map_or(&[][..], Vec::as_slice);
                for (&ci, score) in ids.iter().zip(a.scores.iter()) {
                    cells[ci] = score.to_string();
                }
                row.extend(cells);
                w.row(&row);
            }
            w.finish()
        };
        emit(rows.piece(b"scores.csv", di, year, make))?;
    }
    Ok(())
}

fn stats_json(s: &Stats, prev: Option<&Stats>, content: &Content) -> Value {
    let per_rating: serde_json::Map<String, Value> =
        content.site.ratings.iter().zip(&s.per_rating).map(|(r, n)| (r.code.clone(), json!(n))).collect();
    let change = prev.filter(|p| p.branches > 0 && s.branches > 0).map(|p| {
        let diff = |a: Option<Ratio>, b: Option<Ratio>| match (a, b) {
            (Some(a), Some(b)) => json!((a.pct_tenths() - b.pct_tenths()) as f64 / 10.0),
            _ => Value::Null,
        };
        json!({
            "branches": i64::from(s.branches) - i64::from(p.branches),
            "good_or_better": i64::from(s.good) - i64::from(p.good),
            "good_or_better_pct": diff(s.good_pct(), p.good_pct()),
            "model": i64::from(s.model) - i64::from(p.model),
            "model_pct": diff(s.model_pct(), p.model_pct()),
        })
    });
    json!({
        "branches": s.branches,
        "ratings": per_rating,
        "good_or_better": s.good,
        "good_or_better_pct": pct_json(s.good_pct()),
        "model": s.model,
        "model_pct": pct_json(s.model_pct()),
        "pilots": s.pilots,
        "pilots_model": s.pilots_model,
        "members": s.members,
        "mean_score_pct": pct_json(s.mean_score_pct()),
        "change": change.unwrap_or(Value::Null),
    })
}

fn series_json(series: &[Stats], agg: &Aggregates, content: &Content) -> Value {
    let obj: serde_json::Map<String, Value> = agg
        .years
        .iter()
        .enumerate()
        .map(|(yi, y)| (y.to_string(), stats_json(&series[yi], yi.checked_sub(1).map(|p| &series[p]), content)))
        .collect();
    Value::Object(obj)
}

/// `site.json`: every figure, and every branch with a piece per district.
fn site_json(content: &Content, agg: &Aggregates, rows: &Rows, emit: &mut PushPiece) -> io::Result<()> {
    let site = &content.site;
    let districts: Vec<Value> = content
        .districts
        .iter()
        .enumerate()
        .map(|(di, d)| {
            let by_type: serde_json::Map<String, Value> = site
                .branch_types
                .iter()
                .enumerate()
                .map(|(ti, t)| (t.slug.clone(), series_json(&agg.district_types[di][ti], agg, content)))
                .collect();
            let by_level: serde_json::Map<String, Value> = Level::ALL
                .iter()
                .enumerate()
                .map(|(li, l)| (l.slug().to_string(), series_json(&agg.district_levels[di][li], agg, content)))
                .collect();
            json!({
                "slug": d.slug, "name": d.name, "kind": d.kind, "order": d.order,
                "years": series_json(&agg.districts[di], agg, content),
                "types": by_type,
                "levels": by_level,
            })
        })
        .collect();
    let types: Vec<Value> = site
        .branch_types
        .iter()
        .enumerate()
        .map(|(ti, t)| json!({"slug": t.slug, "name": t.name, "years": series_json(&agg.types[ti], agg, content)}))
        .collect();
    let levels: Vec<Value> = Level::ALL
        .iter()
        .enumerate()
        .map(|(li, l)| json!({"slug": l.slug(), "years": series_json(&agg.levels[li], agg, content)}))
        .collect();
    let targets: Vec<Value> = site
        .targets
        .iter()
        .zip(&agg.targets)
        .map(|(t, years)| {
            let ys: serde_json::Map<String, Value> = years
                .iter()
                .map(|ty| {
                    let districts: serde_json::Map<String, Value> = content
                        .districts
                        .iter()
                        .zip(&ty.districts)
                        .filter_map(|(d, v)| v.map(|(r, ok)| (d.slug.clone(), json!({"value": pct_json(Some(r)), "met": ok}))))
                        .collect();
                    let mut o = json!({"value": pct_json(ty.value), "met": ty.met});
                    if t.scope == crate::domain::model::Scope::District {
                        o["districts"] = Value::Object(districts);
                        o["districts_met"] = json!(ty.districts_met());
                        o["districts_counted"] = json!(ty.districts_counted());
                    }
                    (ty.year.to_string(), o)
                })
                .collect();
            json!({
                "name": t.name, "metric": t.metric.slug(), "scope": t.scope.slug(),
                "threshold": {"kind": t.threshold.kind(), "pct": t.threshold.pct().to_string().parse::<f64>().unwrap_or(0.0)},
                "level": t.level.map(Level::slug),
                "years": ys,
            })
        })
        .collect();
    let pilots: Vec<Value> = agg
        .pilot_checks
        .iter()
        .map(|c| {
            json!({
                "district": content.districts[c.district].slug,
                "type": site.branch_types[c.type_idx].slug,
                "pilots": c.pilots, "ok": c.ok,
            })
        })
        .collect();
    let doc = json!({
        "title": site.title,
        "organisation": site.organisation,
        "language": site.language.code(),
        "first_year": site.first_year,
        "target_year": site.target_year,
        "last_year": site.last_year,
        "data_version": content.version,
        "ratings": site.ratings.iter().map(|r| json!({"code": r.code, "name": r.name, "good": r.good})).collect::<Vec<_>>(),
        "province": series_json(&agg.province, agg, content),
        "districts": districts,
        "types": types,
        "levels": levels,
        "targets": targets,
        "pilot_compliance": pilots,
    });
    // The document with a marker for the branch list, which is written piece by piece in its
    // place. A JSON string cannot hold the marker's quotes unescaped, so it is found only here.
    let mut doc = doc;
    doc["branches"] = json!(BRANCHES_MARKER);
    let text = serde_json::to_vec_pretty(&doc)?;
    let marker = format!("\"{BRANCHES_MARKER}\"");
    let at = memchr::memmem::find(&text, marker.as_bytes())
        .ok_or_else(|| io::Error::other(crate::msg!("build-internal", what = "site-json-branches")))?;
    let (head, tail) = (&text[..at], &text[at + marker.len()..]);
    let any = content.districts.iter().any(|d| !d.branches.is_empty());
    emit(Piece::plain([head, if any { b"[" } else { b"[]" }].concat()))?;
    let mut first = true;
    for (di, _) in content.districts.iter().enumerate().filter(|(_, d)| !d.branches.is_empty()) {
        if !first {
            emit(Piece::plain(b",".to_vec()))?;
        }
        first = false;
        emit(rows.piece(b"site.json", di, 0, || branches_json(content, agg, di)))?;
    }
    let mut end = if any { b"\n  ]".to_vec() } else { Vec::new() };
    end.extend_from_slice(tail);
    end.push(b'\n');
    emit(Piece::plain(end))
}

const BRANCHES_MARKER: &str = "@@kieumau: branches@@";

/// District `di`'s branches in `site.json`, each on its own lines at the list's depth, with
/// commas between them.
fn branches_json(content: &Content, agg: &Aggregates, di: usize) -> Vec<u8> {
    let d = &content.districts[di];
    let mut out = Vec::new();
    let mut one = Vec::new();
    for (bi, b) in d.branches.iter().enumerate() {
        if bi > 0 {
            out.push(b',');
        }
        one.clear();
        // Serializing into a Vec cannot fail.
        serde_json::to_writer_pretty(&mut one, &branch_json(&content.site, agg, d, di, bi, b)).ok();
        out.extend_from_slice(b"\n    ");
        for line in one.split_inclusive(|&c| c == b'\n') {
            out.extend_from_slice(line);
            if line.ends_with(b"\n") {
                out.extend_from_slice(b"    ");
            }
        }
    }
    out
}

/// One branch of `site.json`; fields in key order, as a `serde_json::Map` would sort them.
#[derive(serde::Serialize)]
struct BranchJson<'a> {
    branch: &'a str,
    district: &'a str,
    level: &'a str,
    members: u32,
    name: &'a str,
    parent: Option<&'a str>,
    pilot: Option<i32>,
    subtype: Option<&'a str>,
    #[serde(rename = "type")]
    type_: &'a str,
    years: Vec<BranchYearJson<'a>>,
}

#[derive(serde::Serialize)]
struct BranchYearJson<'a> {
    max_score: String,
    mins_met: bool,
    model: bool,
    pilot: bool,
    rating: &'a str,
    score: String,
    score_pct: Option<f64>,
    vetoed: bool,
    year: i32,
}

fn branch_json<'a>(
    site: &'a crate::domain::model::Site,
    agg: &'a Aggregates,
    d: &'a crate::domain::model::District,
    di: usize,
    bi: usize,
    b: &'a crate::domain::model::Branch,
) -> BranchJson<'a> {
    let years = agg.scored[di][bi]
        .iter()
        .map(|s| BranchYearJson {
            max_score: s.max.to_string(),
            mins_met: s.mins_met,
            model: s.model,
            pilot: s.pilot,
            rating: &site.ratings[s.rating].code,
            score: s.total.to_string(),
            score_pct: Some(s.pct().pct_tenths() as f64 / 10.0),
            vetoed: s.vetoed,
            year: s.year,
        })
        .collect();
    let bt = &site.branch_types[b.type_idx];
    BranchJson {
        branch: &b.slug,
        district: &d.slug,
        level: b.level.slug(),
        members: b.members,
        name: &b.name,
        parent: b.parent.as_deref(),
        pilot: b.pilot,
        subtype: b.subtype_idx.map(|i| bt.subtypes[i].slug.as_str()),
        type_: &bt.slug,
        years,
    }
}

/// One file of `data/`.
#[derive(Clone, Copy, Debug)]
pub enum DataFile {
    Branches,
    Districts,
    Types,
    Province,
    Scores(i32),
    Workbook(i32),
    /// A district's branches, year by year (`districts/<district>.xlsx`).
    DistrictWorkbook(usize),
    SiteJson,
}

impl DataFile {
    /// Every data file of the site, the largest first (so that a parallel build starts them early).
    pub fn all(content: &Content, agg: &Aggregates) -> Vec<DataFile> {
        let with_framework = || agg.years.iter().copied().filter(|&y| content.frameworks.for_year(y).is_some());
        let mut files = vec![DataFile::SiteJson];
        files.extend(with_framework().map(DataFile::Workbook));
        files.push(DataFile::Branches);
        files.extend(with_framework().map(DataFile::Scores));
        files.extend([DataFile::Districts, DataFile::Types, DataFile::Province]);
        files.extend((0..content.districts.len()).map(DataFile::DistrictWorkbook));
        files
    }

    /// The file's path under `data/`.
    pub fn name(self, content: &Content) -> String {
        match self {
            DataFile::Branches => "branches.csv".into(),
            DataFile::Districts => "districts.csv".into(),
            DataFile::Types => "types.csv".into(),
            DataFile::Province => "province.csv".into(),
            DataFile::Scores(y) => format!("scores-{y}.csv"),
            DataFile::Workbook(y) => format!("bao-cao-{y}.xlsx"),
            DataFile::DistrictWorkbook(di) => format!("districts/{}.xlsx", content.districts[di].slug),
            DataFile::SiteJson => "site.json".into(),
        }
    }

    /// Makes the file and writes it into `data/`: the big ones in pieces (see [`crate::report::pieces`]).
    pub fn write(
        self,
        content: &Content,
        agg: &Aggregates,
        date: jiff::civil::Date,
        out: &dyn Emit,
        deps: &Deps,
        labels: &super::xlsx::Labels,
    ) -> io::Result<()> {
        let rel = urls::data_file(&self.name(content));
        let bytes = match self {
            DataFile::Districts => districts_csv(content, agg),
            DataFile::Types => types_csv(content, agg),
            DataFile::Province => province_csv(content, agg),
            DataFile::Workbook(y) => super::xlsx::year_workbook(content, agg, y, date, labels).map_err(|e| {
                io::Error::other(crate::msg!(
                    "workbook-cannot-make",
                    name = format!("bao-cao-{y}.xlsx"),
                    reason = e.to_string()
                ))
            })?,
            DataFile::DistrictWorkbook(di) => {
                super::xlsx::district_workbook(content, agg, di, date, labels).map_err(|e| {
                    let name = format!("{}.xlsx", content.districts[di].slug);
                    io::Error::other(crate::msg!("workbook-cannot-make", name = name, reason = e.to_string()))
                })?
            }
            DataFile::Branches | DataFile::Scores(_) | DataFile::SiteJson => {
                let old = out.old_pieces(&rel);
                let rows = Rows { deps, old: old.as_ref() };
                return out.write_streamed(&rel, old.as_ref(), &mut |sink: &mut dyn PieceSink| {
                    let emit = &mut |p: Piece| sink.push(&p);
                    match self {
                        DataFile::Branches => branches_csv(content, agg, &rows, emit),
                        DataFile::Scores(y) => scores_csv(content, y, &rows, emit),
                        _ => site_json(content, agg, &rows, emit),
                    }
                });
            }
        };
        out.write(&rel, &bytes)
    }
}
