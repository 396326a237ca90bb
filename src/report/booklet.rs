//! The printable review booklet, `booklet/<year>/index.html`: one document for the year's review
//! conference. Cover, contents, the review narrative, the province against every target, a
//! section per district and per branch type, and annexes (criteria, model branches, pilots).
//!
//! A booklet lists every branch, so any edit changes it. It is written in pieces (see
//! [`crate::build::splice`]): each district's chapter and its rows in the annexes of model and pilot
//! branches are rendered on their own by the theme's partial templates (`booklet-district.html`,
//! `booklet-model-rows.html`, `booklet-pilot-rows.html`), keyed by what the district's page is
//! made from, and copied from the last booklet while that key holds. The rest of the page (the
//! cover with the data version, the province, the types, the counts) is rendered whole by
//! `booklet.html` with a marker in the place of each piece, and cut at the markers.

use std::io;

use rayon::prelude::*;
use serde_json::{Value, json};

use super::pages::{Frame, Renderer};
use super::view::{Link, StatsView, object, threshold_text};
use crate::domain::aggregate::Stats;
use crate::domain::model::{Metric, Scope};
use crate::domain::score::Scored;
use crate::report::deps::Deps;
use crate::report::emit::Emit;
use crate::report::pieces::{self, OldFile, Piece};
use crate::report::urls;

impl Renderer<'_> {
    pub fn booklet_page(&self, out: &dyn Emit, year: i32, deps: &Deps) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let yi = self.yi(year);
        let district_labels: Vec<String> = content.districts.iter().map(|d| d.name.clone()).collect();
        let district_stats: Vec<&Stats> = agg.districts.iter().map(|s| &s[yi]).collect();

        let province = json!({
            "stats": StatsView::new(self.fmt, &agg.province[yi], self.prev(&agg.province, yi)),
            "targets": self.targets(yi),
            "charts": [
                self.trend_chart(&self.tr("chart_province_trend"), &agg.province),
                self.percent_chart(&format!("{} {year}", self.tr("chart_good_by_district")), &district_labels, &district_stats, Metric::GoodOrBetter),
                self.percent_chart(&format!("{} {year}", self.tr("chart_model_by_district")), &district_labels, &district_stats, Metric::Model),
                self.heat_chart(&format!("{} {year}", self.tr("chart_heat")), yi),
            ],
            "districts": content.districts.iter().enumerate()
                .map(|(di, d)| self.stats_row(&d.name, Some(format!("#d-{}", d.slug)), &agg.districts[di], yi))
                .collect::<Vec<_>>(),
        });

        let path = urls::booklet(year);
        let old = out.old_pieces(&path);
        // The running numbers of each district's first rows in the annexes of model and pilot
        // branches: they go into the keys of those pieces, the totals into the headings.
        let mut firsts = Vec::with_capacity(content.districts.len());
        let (mut next_model, mut next_pilot) = (1u64, 1u64);
        for di in 0..content.districts.len() {
            firsts.push((next_model, next_pilot));
            for s in self.booklet_rows(di, year) {
                next_model += u64::from(s.1.model);
                next_pilot += u64::from(s.1.pilot);
            }
        }
        let parts: Vec<[Piece; 3]> = (0..content.districts.len())
            .into_par_iter()
            .map(|di| self.district_pieces(old.as_ref(), deps, &path, year, di, firsts[di]))
            .collect::<io::Result<_>>()?;
        let marks = Marks::new();
        let districts: Vec<Value> = content
            .districts
            .iter()
            .enumerate()
            .map(|(di, d)| {
                json!({
                    "slug": d.slug,
                    "name": d.name,
                    "chapter": marks.at(3 * di),
                    "model_rows": marks.at(3 * di + 1),
                    "pilot_rows": marks.at(3 * di + 2),
                })
            })
            .collect();

        let types: Vec<serde_json::Value> = site
            .branch_types
            .iter()
            .enumerate()
            .map(|(ti, t)| {
                let with_type: Vec<usize> = (0..content.districts.len())
                    .filter(|&di| agg.district_types[di][ti][yi].branches > 0)
                    .collect();
                let labels: Vec<String> = with_type.iter().map(|&di| content.districts[di].name.clone()).collect();
                let stats: Vec<&Stats> = with_type.iter().map(|&di| &agg.district_types[di][ti][yi]).collect();
                let rows: Vec<_> = with_type
                    .iter()
                    .map(|&di| {
                        let d = &content.districts[di];
                        self.stats_row(&d.name, Some(format!("#d-{}", d.slug)), &agg.district_types[di][ti], yi)
                    })
                    .collect();
                json!({
                    "slug": t.slug,
                    "name": t.name,
                    "stats": StatsView::new(self.fmt, &agg.types[ti][yi], self.prev(&agg.types[ti], yi)),
                    "charts": [self.percent_chart(&format!("{} – {} {year}", self.tr("chart_model_by_district"), t.name), &labels, &stats, Metric::Model)],
                    "districts": rows,
                })
            })
            .collect();

        let deviations: Vec<serde_json::Value> = agg
            .pilot_checks
            .iter()
            .filter(|c| !c.ok)
            .map(|c| json!({"district": content.districts[c.district].name, "type": site.branch_types[c.type_idx].name, "pilots": c.pilots}))
            .collect();
        let framework = content.frameworks.0.iter().rposition(|f| f.year <= year).map(|i| self.framework_view(i));

        let review = content.reviews.iter().find(|(y, _)| *y == year).map(|(_, n)| self.note(n));
        let title = format!("{} {year}", self.tr("booklet_title"));
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), path.clone())];
        let body = object([
            ("year", json!(year)),
            ("date", json!(self.fmt.date(self.opts.date))),
            ("review", json!(review)),
            ("province", province),
            ("districts", Value::Array(districts)),
            ("types", Value::Array(types)),
            ("framework", json!(framework)),
            ("model_count", json!(next_model - 1)),
            ("pilot_count", json!(next_pilot - 1)),
            ("deviations", Value::Array(deviations)),
            ("pilot_rule", json!(site.pilots.map(|r| format!("{}–{}", r.min, r.max)))),
            (
                "other_years",
                json!(
                    agg.years
                        .iter()
                        .zip(&agg.province)
                        .filter(|(y, s)| **y != year && s.branches > 0)
                        .map(|(y, _)| Link::new(y.to_string(), urls::booklet(*y)))
                        .collect::<Vec<_>>()
                ),
            ),
        ]);
        let version = &content.version;
        let html = self.render_page(
            Frame {
                template: "booklet.html",
                path: &path,
                title: &title,
                crumbs,
                nav: "booklet",
                years: self.year_links(year),
            },
            body,
            version,
        )?;
        let parts: Vec<Piece> = parts.into_iter().flatten().collect();
        let made = parts.iter().filter(|p| matches!(p, Piece::New { .. })).count();
        crate::timings::note(&format!("  {path}: {made} of {} district pieces made", parts.len()));
        let pieces = marks.split(&html, parts);
        out.write_pieces(&path, &pieces, old.as_ref())
    }

    /// A district's branches assessed in `year`, in the district's order, with their scores.
    fn booklet_rows(&self, di: usize, year: i32) -> impl Iterator<Item = (usize, &Scored)> {
        let scored = &self.checked.agg.scored[di];
        scored.iter().enumerate().filter_map(move |(bi, ys)| Some((bi, ys.iter().find(|s| s.year == year)?)))
    }

    /// One district's pieces of the booklet at `path`: its chapter, its rows in the annex of model
    /// branches numbered from `first.0`, its rows in the annex of pilots numbered from `first.1`;
    /// each copied from `old` when it has it. A piece is keyed by everything it is made from: the
    /// district's page (its folder and its name, the site's settings, the theme, the build's
    /// options), the year, and its first number.
    fn district_pieces(
        &self,
        old: Option<&OldFile>,
        deps: &Deps,
        path: &str,
        year: i32,
        di: usize,
        first: (u64, u64),
    ) -> io::Result<[Piece; 3]> {
        let page = deps.district_page(di);
        let year_bytes = year.to_le_bytes();
        let key = |part: &[u8], first: u64| {
            crate::domain::digest::key(&[b"booklet district", &page, &year_bytes, part, &first.to_le_bytes()])
        };
        let chapter = pieces::try_piece(old, key(b"chapter", 0), || {
            let vars = [("d", self.booklet_district(di, year)), ("page", json!({ "year": year }))];
            Ok::<_, io::Error>((self.render_part("booklet-district.html", path, vars)?, 0))
        })?;
        let rows = |template: &str, pick: fn(&Scored) -> bool, first: u64| {
            pieces::try_piece(old, key(template.as_bytes(), first), || {
                let vars = [("rows", self.annex_rows(di, year, pick)), ("first", json!(first))];
                Ok::<_, io::Error>((self.render_part(template, path, vars)?, 0))
            })
        };
        let models = rows("booklet-model-rows.html", |s| s.model, first.0)?;
        let pilots = rows("booklet-pilot-rows.html", |s| s.pilot, first.1)?;
        Ok([chapter, models, pilots])
    }

    /// What a district's chapter shows: its figures, targets, trend, notes and branches.
    fn booklet_district(&self, di: usize, year: i32) -> Value {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let yi = self.yi(year);
        let d = &content.districts[di];
        let targets: Vec<Value> = site
            .targets
            .iter()
            .zip(&agg.targets)
            .filter(|(t, _)| t.scope == Scope::District)
            .map(|(t, ys)| {
                let mut cell = self.district_target_cell(&ys[yi], di);
                cell["name"] = json!(t.name);
                cell["threshold"] = json!(threshold_text(self.fmt, t.threshold));
                cell
            })
            .collect();
        let branches: Vec<Value> = self
            .booklet_rows(di, year)
            .map(|(bi, s)| {
                let b = &d.branches[bi];
                json!({
                    "name": b.name,
                    "type": site.branch_types[b.type_idx].name,
                    "rating": site.ratings[s.rating].code,
                    "score": self.fmt.score(s.total),
                    "pct": self.fmt.pct(Some(s.pct())),
                    "model": s.model,
                    "pilot": s.pilot,
                })
            })
            .collect();
        object([
            ("slug", json!(d.slug)),
            ("name", json!(d.name)),
            ("stats", json!(StatsView::new(self.fmt, &agg.districts[di][yi], self.prev(&agg.districts[di], yi)))),
            ("targets", Value::Array(targets)),
            (
                "charts",
                json!([self.trend_chart(&format!("{} – {}", self.tr("chart_trend"), d.name), &agg.districts[di])]),
            ),
            ("notes", json!(self.notes(&d.notes, Some(year)))),
            ("branches", Value::Array(branches)),
        ])
    }

    /// A district's rows in an annex: its branches assessed in `year` that `pick` takes.
    fn annex_rows(&self, di: usize, year: i32, pick: fn(&Scored) -> bool) -> Value {
        let site = &self.checked.content.site;
        let d = &self.checked.content.districts[di];
        let rows = self
            .booklet_rows(di, year)
            .filter(|(_, s)| pick(s))
            .map(|(bi, s)| {
                let b = &d.branches[bi];
                json!({
                    "district": d.name, "name": b.name, "type": site.branch_types[b.type_idx].name,
                    "rating": site.ratings[s.rating].code, "pct": self.fmt.pct(Some(s.pct())),
                    "model": s.model, "since": b.pilot,
                })
            })
            .collect();
        Value::Array(rows)
    }
}

/// Markers for the pieces of a page: text that no content or theme can contain (it holds a random
/// number of this render), and that HTML escaping leaves as it is.
struct Marks {
    prefix: String,
}

impl Marks {
    fn new() -> Marks {
        use std::hash::BuildHasher;
        let nonce = std::collections::hash_map::RandomState::new().hash_one(0u8);
        Marks { prefix: format!("\u{1}kieumau-piece-{nonce:016x}-") }
    }

    /// The marker of piece `i`.
    fn at(&self, i: usize) -> String {
        format!("{}{i}\u{1}", self.prefix)
    }

    /// `page` cut at the markers: its text as plain pieces, each marker replaced by its piece of
    /// `parts` (a piece whose marker the theme left out is left out too).
    fn split(&self, page: &[u8], parts: Vec<Piece>) -> Vec<Piece> {
        let mut parts: Vec<Option<Piece>> = parts.into_iter().map(Some).collect();
        // Where each piece went, for a theme that shows one twice.
        let mut placed: Vec<Option<usize>> = vec![None; parts.len()];
        let mut pieces: Vec<Piece> = Vec::with_capacity(2 * parts.len() + 1);
        let prefix = self.prefix.as_bytes();
        let (mut text_from, mut at) = (0, 0);
        while let Some(start) = page.get(at..).and_then(|rest| rest.iter().position(|&b| b == 1)).map(|p| at + p) {
            at = start + 1;
            let Some(rest) = page.get(start..).and_then(|r| r.strip_prefix(prefix)) else { continue };
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            let index = std::str::from_utf8(&rest[..digits]).ok().and_then(|n| n.parse::<usize>().ok());
            let Some(i) = index.filter(|&i| i < parts.len() && rest.get(digits) == Some(&1)) else { continue };
            let piece = match placed[i] {
                Some(j) => pieces[j].clone(),
                None => match parts[i].take() {
                    Some(p) => p,
                    None => continue,
                },
            };
            if start > text_from {
                pieces.push(Piece::plain(&page[text_from..start]));
            }
            placed[i] = Some(pieces.len());
            pieces.push(piece);
            text_from = start + prefix.len() + digits + 1;
            at = text_from;
        }
        if text_from < page.len() {
            pieces.push(Piece::plain(&page[text_from..]));
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(pieces: &[Piece]) -> Vec<u8> {
        pieces
            .iter()
            .flat_map(|p| match p {
                Piece::New { bytes, .. } => bytes.clone(),
                Piece::Old(_) => panic!("no old pieces here"),
            })
            .collect()
    }

    fn keyed(text: &str) -> Piece {
        Piece::New {
            key: Some(crate::domain::digest::key(&[text.as_bytes()])),
            bytes: text.as_bytes().to_vec(),
            meta: 0,
        }
    }

    #[test]
    fn a_page_is_cut_at_its_markers() {
        let marks = Marks::new();
        let other = Marks::new();
        assert_ne!(marks.prefix, other.prefix, "each render has its own markers");
        let page = format!(
            "<a>{}{}<b>{}</b>{}{}\u{1}x\u{1}",
            marks.at(0),
            marks.at(2),
            other.at(1),
            marks.at(0),
            marks.at(7),
        );
        let pieces = marks.split(page.as_bytes(), vec![keyed("A"), keyed("B"), keyed("C")]);
        // Piece 1 is not shown; piece 0 twice; another render's marker and an unknown index are
        // text.
        let expected = format!("<a>AC<b>{}</b>A{}\u{1}x\u{1}", other.at(1), marks.at(7));
        assert_eq!(String::from_utf8(bytes(&pieces)).unwrap(), expected);
        let keys = pieces.iter().filter(|p| matches!(p, Piece::New { key: Some(_), .. })).count();
        assert_eq!(keys, 3);
        assert!(pieces.iter().all(|p| !p.is_empty()), "no empty text pieces");
    }
}
