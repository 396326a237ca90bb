//! The site's pages: each function gathers one page's view model and renders its template.
//!
//! URLs (stable: snapshot links depend on them): `index.html`, `years/<y>/`, `districts/`,
//! `districts/<d>/`, `districts/<d>/<b>/`, `types/`, `types/<t>/`, `criteria/`, `snapshots/`,
//! `data/`. Every link is relative, and names `index.html` so that it works from `file://`.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;
use serde_json::{Value, json};

use super::i18n::Format;
use super::markdown::to_safe_html;
use super::theme::{Theme, tera_error};
use super::view::{ChartView, Link, StatsRow, StatsView, TargetView, object, target_view, threshold_text};
use crate::aggregate::Stats;
use crate::build::{BuildOptions, Checked};
use crate::chart::{self, ChartText, Series, TargetLine};
use crate::model::{Branch, District, Language, Level, Metric, Note, Notes, Scope};
use crate::score;
use crate::write::Output;

/// Render-wide state shared by every page.
pub struct Renderer<'a> {
    pub checked: &'a Checked,
    pub theme: &'a Theme,
    pub opts: &'a BuildOptions,
    pub fmt: Format,
    pub chart_text: ChartText,
    /// Extra context every page gets (e.g. a snapshot banner).
    pub banner: Option<serde_json::Value>,
}

#[derive(Serialize)]
pub(super) struct NoteView {
    title: Option<String>,
    meta: String,
    html: String,
}

#[derive(Serialize)]
pub(super) struct YearLink {
    year: i32,
    url: String,
    current: bool,
}

/// What frames a page's body: its template, address, title, breadcrumbs, the navigation entry
/// it belongs to and its year switcher.
pub(super) struct Frame<'p> {
    pub template: &'p str,
    pub path: &'p str,
    pub title: &'p str,
    pub crumbs: Vec<Link>,
    pub nav: &'p str,
    pub years: Vec<YearLink>,
}

impl<'a> Renderer<'a> {
    pub fn new(checked: &'a Checked, theme: &'a Theme, opts: &'a BuildOptions) -> Self {
        let lang = checked.content.site.language;
        Renderer {
            checked,
            theme,
            opts,
            fmt: Format { lang },
            chart_text: match lang {
                Language::Vi => ChartText::vi(),
                Language::En => ChartText::en(),
            },
            banner: None,
        }
    }

    /// The published site's address (`--base-url`, else `base_url` in site.toml), ending in `/`;
    /// empty when the site is only ever linked relatively.
    pub fn base_url(&self) -> String {
        let url = self.opts.base_url.as_deref().unwrap_or(&self.checked.content.site.base_url).trim();
        if url.is_empty() || url.ends_with('/') { url.to_string() } else { format!("{url}/") }
    }

    /// An interface string; a missing key shows as itself (a test checks every key exists).
    pub fn tr(&self, key: &str) -> String {
        self.theme.strings.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    pub(super) fn note(&self, n: &Note) -> NoteView {
        let meta = [n.author.clone(), n.date.as_deref().map(|d| self.fmt.date_text(d))]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        NoteView { title: n.title.clone(), meta, html: to_safe_html(&n.body) }
    }

    /// Notes for a subject: the general note, then the year's note.
    pub(super) fn notes(&self, notes: &Notes, year: Option<i32>) -> Vec<NoteView> {
        let mut out: Vec<NoteView> = notes.general.iter().map(|n| self.note(n)).collect();
        out.extend(notes.by_year.iter().filter(|(y, _)| year.is_none_or(|yy| yy == *y)).map(|(y, n)| {
            let mut v = self.note(n);
            if v.title.is_none() {
                v.title = Some(format!("{} {y}", self.tr("year")));
            }
            v
        }));
        out
    }

    /// The year switcher: links to each year's page, `current` marked.
    pub(super) fn year_links(&self, current: i32) -> Vec<YearLink> {
        let years = &self.checked.agg.years;
        years
            .iter()
            .map(|&y| YearLink { year: y, url: format!("years/{y}/index.html"), current: y == current })
            .collect()
    }

    /// The year pages that cover every year show: the latest year with assessments.
    pub(super) fn year_in_view(&self) -> i32 {
        self.checked.agg.latest_year().unwrap_or(self.checked.content.site.target_year)
    }

    /// Renders a page into its path, with the layout context every page shares.
    pub(super) fn page(&self, out: &Output, frame: Frame, body: serde_json::Value) -> io::Result<()> {
        self.page_of_version(out, frame, body, &self.checked.content.version)
    }

    /// [`Renderer::page`] for a page that shows part of the content, with that part's data
    /// version (so that an edit elsewhere leaves the page's bytes, and an incremental build, alone).
    pub(super) fn page_of_version(
        &self,
        out: &Output,
        frame: Frame,
        body: serde_json::Value,
        version: &str,
    ) -> io::Result<()> {
        let path = frame.path;
        let html = self.render_page(frame, body, version)?;
        out.write(path, &html)
    }

    /// The bytes of a page, rendered as [`Renderer::page_of_version`] writes them.
    pub(super) fn render_page(&self, frame: Frame, body: serde_json::Value, version: &str) -> io::Result<Vec<u8>> {
        let Frame { template, path, title, crumbs, nav, years } = frame;
        let site = &self.checked.content.site;
        let depth = path.matches('/').count();
        let root = "../".repeat(depth);
        // A snapshot's banner links to the same page of the live site: by address when the site
        // has one, else two folders up (snapshots are published in `<site>/snapshots/<id>/`).
        let banner = self.banner.as_ref().map(|b| {
            let base = self.base_url();
            let live = if base.is_empty() { format!("{root}../../{path}") } else { format!("{base}{path}") };
            json!({"text": b["text"], "live": live})
        });
        let ctx = object([
            ("lang", json!(site.language.code())),
            ("site_title", json!(site.title)),
            ("organisation", json!(site.organisation)),
            ("version", json!(version)),
            ("build_date", json!(self.fmt.date(self.opts.date))),
            ("root", json!(root)),
            ("path", json!(path)),
            ("title", json!(title)),
            ("crumbs", json!(crumbs)),
            ("nav", json!(nav)),
            ("years", json!(years)),
            ("ratings", Value::Array(site.ratings.iter().map(|r| json!({"code": r.code, "name": r.name})).collect())),
            ("banner", banner.unwrap_or(Value::Null)),
            ("base_url", json!(self.base_url())),
            ("booklet_url", json!(self.checked.agg.latest_year().map(|y| format!("booklet/{y}/index.html")))),
            ("page", body),
        ]);
        self.render_to_bytes(template, ctx, 32 * 1024)
    }

    /// A part of the page at `path` rendered on its own by `template` (a piece the next build may
    /// copy, see [`crate::splice`]), with `vars` and only the parts of the page context that
    /// depend on nothing but the site's settings, the theme, the build's options and `path`: no
    /// data version (a hash of the whole content), no banner.
    pub(super) fn render_part(
        &self,
        template: &str,
        path: &str,
        vars: impl IntoIterator<Item = (&'static str, Value)>,
    ) -> io::Result<Vec<u8>> {
        let site = &self.checked.content.site;
        let mut ctx = object([
            ("lang", json!(site.language.code())),
            ("site_title", json!(site.title)),
            ("organisation", json!(site.organisation)),
            ("build_date", json!(self.fmt.date(self.opts.date))),
            ("root", json!("../".repeat(path.matches('/').count()))),
            ("path", json!(path)),
            ("base_url", json!(self.base_url())),
            ("ratings", Value::Array(site.ratings.iter().map(|r| json!({"code": r.code, "name": r.name})).collect())),
        ]);
        for (k, v) in vars {
            ctx[k] = v;
        }
        self.render_to_bytes(template, ctx, 8 * 1024)
    }

    fn render_to_bytes(&self, template: &str, mut ctx: Value, capacity: usize) -> io::Result<Vec<u8>> {
        if self.theme.needs_strings_map {
            ctx["t"] = json!(&self.theme.strings);
        }
        let ctx = tera::Context::from_value(ctx).map_err(|e| io::Error::other(tera_error(&e)))?;
        // Straight into bytes: `render` would check the whole page is UTF-8 once more.
        let mut html = Vec::with_capacity(capacity);
        self.theme
            .tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| io::Error::other(format!("template {template}: {}", tera_error(&e))))?;
        Ok(html)
    }

    /// Breadcrumbs of a page inside a section: home › section list › this page.
    fn section_crumbs(&self, section: &str, name: &str, path: &str) -> Vec<Link> {
        vec![
            self.home_crumb(),
            Link::new(self.tr(&format!("nav_{section}")), format!("{section}/index.html")),
            Link::new(name, path),
        ]
    }

    pub(super) fn home_crumb(&self) -> Link {
        Link::new(self.tr("nav_home"), "index.html")
    }

    pub(super) fn yi(&self, year: i32) -> usize {
        self.checked.agg.year_index(year).unwrap_or(0)
    }

    pub(super) fn prev<'s>(&self, series: &'s [Stats], yi: usize) -> Option<&'s Stats> {
        yi.checked_sub(1).and_then(|p| series.get(p))
    }

    pub(super) fn stats_row(&self, label: &str, url: Option<String>, series: &[Stats], yi: usize) -> StatsRow {
        StatsRow {
            label: label.to_string(),
            url,
            note: String::new(),
            stats: StatsView::new(self.fmt, &series[yi], self.prev(series, yi)),
            flag: false,
        }
    }

    /// Rows per year for one unit's series: the trend table.
    pub(super) fn year_rows(&self, series: &[Stats]) -> Vec<StatsRow> {
        self.checked
            .agg
            .years
            .iter()
            .enumerate()
            .map(|(yi, y)| self.stats_row(&y.to_string(), Some(format!("years/{y}/index.html")), series, yi))
            .collect()
    }

    pub(super) fn targets(&self, yi: usize) -> Vec<TargetView> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let tr = |k: &str| self.tr(k);
        content
            .site
            .targets
            .iter()
            .zip(&agg.targets)
            .map(|(t, ys)| target_view(self.fmt, &tr, content, t, &ys[yi]))
            .collect()
    }

    /// The first target of a metric: its threshold becomes the chart's reference line.
    pub(super) fn target_line(&self, metric: Metric, scope: Option<Scope>) -> Option<TargetLine> {
        self.checked
            .content
            .site
            .targets
            .iter()
            .find(|t| t.metric == metric && t.level.is_none() && scope.is_none_or(|s| s == t.scope))
            .map(|t| TargetLine {
                label: format!("{} {}", self.tr("target"), threshold_text(self.fmt, t.threshold)),
                value: t.threshold.pct().0 as f64 / 100.0,
            })
    }

    pub(super) fn pct_value(r: Option<crate::model::Ratio>) -> Option<f64> {
        r.map(|r| r.pct_tenths() as f64 / 10.0)
    }

    /// Percent bars per unit with their table.
    pub(super) fn percent_chart(&self, title: &str, labels: &[String], stats: &[&Stats], metric: Metric) -> ChartView {
        let values: Vec<Option<f64>> = stats.iter().map(|s| Self::pct_value(s.metric(metric))).collect();
        let target = self.target_line(metric, None);
        let chart = chart::percent_bars(title, labels, &values, target.as_ref(), &self.chart_text);
        let (count_key, count): (&str, fn(&Stats) -> u32) = match metric {
            Metric::GoodOrBetter => ("col_good", |s| s.good),
            Metric::Model => ("col_model", |s| s.model),
        };
        let headers = vec![self.tr("col_unit"), self.tr("col_branches"), self.tr(count_key), "%".to_string()];
        let rows = labels
            .iter()
            .zip(stats)
            .map(|(l, s)| {
                vec![l.clone(), self.fmt.int(s.branches), self.fmt.int(count(s)), self.fmt.pct(s.metric(metric))]
            })
            .collect();
        ChartView::new(chart, headers, rows)
    }

    pub(super) fn ratings_chart(&self, title: &str, labels: &[String], stats: &[&Stats]) -> ChartView {
        let site = &self.checked.content.site;
        let cats: Vec<String> = site.ratings.iter().map(|r| r.code.clone()).collect();
        let counts: Vec<Vec<u32>> = stats.iter().map(|s| s.per_rating.clone()).collect();
        let chart = chart::stacked_shares(title, labels, &cats, &counts, &self.chart_text);
        let mut headers = vec![self.tr("col_unit"), self.tr("col_branches")];
        headers.extend(cats);
        let rows = labels
            .iter()
            .zip(stats)
            .map(|(l, s)| {
                let mut r = vec![l.clone(), self.fmt.int(s.branches)];
                r.extend(s.per_rating.iter().map(|&n| self.fmt.int(n)));
                r
            })
            .collect();
        ChartView::new(chart, headers, rows)
    }

    /// Good-or-better and model % over the years, with the targets as lines.
    pub(super) fn trend_chart(&self, title: &str, series: &[Stats]) -> ChartView {
        let agg = &self.checked.agg;
        let s = vec![
            Series {
                name: self.tr("col_good_pct"),
                values: series.iter().map(|s| Self::pct_value(s.good_pct())).collect(),
            },
            Series {
                name: self.tr("col_model_pct"),
                values: series.iter().map(|s| Self::pct_value(s.model_pct())).collect(),
            },
        ];
        let targets: Vec<TargetLine> =
            [Metric::GoodOrBetter, Metric::Model].into_iter().filter_map(|m| self.target_line(m, None)).collect();
        let chart = chart::trend_lines(title, &agg.years, &s, &targets, &self.chart_text);
        let headers = vec![self.tr("year"), self.tr("col_branches"), self.tr("col_good_pct"), self.tr("col_model_pct")];
        let rows = agg
            .years
            .iter()
            .zip(series)
            .map(|(y, s)| {
                vec![y.to_string(), self.fmt.int(s.branches), self.fmt.pct(s.good_pct()), self.fmt.pct(s.model_pct())]
            })
            .collect();
        ChartView::new(chart, headers, rows)
    }

    pub(super) fn heat_chart(&self, title: &str, yi: usize) -> ChartView {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let rows: Vec<String> = content.districts.iter().map(|d| d.name.clone()).collect();
        let cols: Vec<String> = content.site.branch_types.iter().map(|t| t.name.clone()).collect();
        let values: Vec<Vec<Option<f64>>> = agg
            .district_types
            .iter()
            .map(|by_type| by_type.iter().map(|s| Self::pct_value(s[yi].model_pct())).collect())
            .collect();
        let chart = chart::heat_map(title, &rows, &cols, &values, &self.chart_text);
        let mut headers = vec![self.tr("col_unit")];
        headers.extend(cols);
        let table = rows
            .iter()
            .zip(&agg.district_types)
            .map(|(r, by_type)| {
                let mut cells = vec![r.clone()];
                cells.extend(by_type.iter().map(|s| self.fmt.pct(s[yi].model_pct())));
                cells
            })
            .collect();
        ChartView::new(chart, headers, table)
    }

    /// Index and year pages: the province in one year.
    pub fn year_page(&self, out: &Output, year: i32, home: bool) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let yi = self.yi(year);
        let district_labels: Vec<String> = content.districts.iter().map(|d| d.name.clone()).collect();
        let district_stats: Vec<&Stats> = agg.districts.iter().map(|s| &s[yi]).collect();
        let targets = self.targets(yi);

        // Districts below a district-scope target this year are flagged.
        let below: Vec<bool> = (0..content.districts.len())
            .map(|di| agg.targets.iter().any(|ys| matches!(ys[yi].districts.get(di), Some(Some((_, false))))))
            .collect();
        let districts: Vec<StatsRow> = content
            .districts
            .iter()
            .enumerate()
            .map(|(di, d)| {
                let mut r =
                    self.stats_row(&d.name, Some(format!("districts/{}/index.html", d.slug)), &agg.districts[di], yi);
                r.flag = below[di];
                r
            })
            .collect();
        let types: Vec<StatsRow> = site
            .branch_types
            .iter()
            .enumerate()
            .map(|(ti, t)| self.stats_row(&t.name, Some(format!("types/{}/index.html", t.slug)), &agg.types[ti], yi))
            .collect();
        let levels: Vec<StatsRow> = Level::ALL
            .iter()
            .enumerate()
            .map(|(li, l)| {
                self.stats_row(&self.tr(&format!("level_{}", l.slug().replace('-', "_"))), None, &agg.levels[li], yi)
            })
            .collect();

        let charts = vec![
            self.trend_chart(&self.tr("chart_province_trend"), &agg.province),
            self.percent_chart(
                &format!("{} {year}", self.tr("chart_good_by_district")),
                &district_labels,
                &district_stats,
                Metric::GoodOrBetter,
            ),
            self.percent_chart(
                &format!("{} {year}", self.tr("chart_model_by_district")),
                &district_labels,
                &district_stats,
                Metric::Model,
            ),
            self.ratings_chart(
                &format!("{} {year}", self.tr("chart_ratings_by_district")),
                &district_labels,
                &district_stats,
            ),
            self.heat_chart(&format!("{} {year}", self.tr("chart_heat")), yi),
        ];

        let flags = self.flags(yi);
        let review = content.reviews.iter().find(|(y, _)| *y == year).map(|(_, n)| self.note(n));
        let path = if home { "index.html".to_string() } else { format!("years/{year}/index.html") };
        let title = if home { site.title.clone() } else { format!("{} {year}", self.tr("year")) };
        let crumbs = if home { vec![] } else { vec![self.home_crumb(), Link::new(title.clone(), path.clone())] };
        let body = json!({
            "year": year,
            "home": home,
            "province": StatsView::new(self.fmt, &agg.province[yi], self.prev(&agg.province, yi)),
            "targets": targets,
            "districts": districts,
            "types": types,
            "levels": levels,
            "charts": charts,
            "flags": flags,
            "review": review,
            "target_year": site.target_year,
        });
        let years = self.year_links(year);
        self.page(
            out,
            Frame {
                template: "year.html",
                path: &path,
                title: &title,
                crumbs,
                nav: if home { "home" } else { "years" },
                years,
            },
            body,
        )
    }

    /// Problems a reviewer must see: units under targets, pilot-rule deviations, gaps.
    fn flags(&self, yi: usize) -> Vec<Link> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let mut flags = Vec::new();
        for (t, ys) in site.targets.iter().zip(&agg.targets) {
            for (d, v) in content.districts.iter().zip(&ys[yi].districts) {
                if let Some((r, false)) = v {
                    flags.push(Link::new(
                        format!(
                            "{}: {} {} ({} {})",
                            d.name,
                            self.fmt.pct(Some(*r)),
                            self.tr("flag_below"),
                            t.name,
                            threshold_text(self.fmt, t.threshold)
                        ),
                        format!("districts/{}/index.html", d.slug),
                    ));
                }
            }
        }
        if let Some(rule) = site.pilots {
            for c in agg.pilot_checks.iter().filter(|c| !c.ok) {
                let d = &content.districts[c.district];
                flags.push(Link::new(
                    format!(
                        "{}: {} {} {} «{}» ({} {}–{})",
                        d.name,
                        c.pilots,
                        self.tr("flag_pilots"),
                        self.tr("flag_of_type"),
                        site.branch_types[c.type_idx].name,
                        self.tr("flag_rule"),
                        rule.min,
                        rule.max
                    ),
                    format!("districts/{}/index.html", d.slug),
                ));
            }
        }
        for d in &content.districts {
            let gaps = d.branches.iter().filter(|b| has_gap(b)).count();
            if gaps > 0 {
                flags.push(Link::new(
                    format!("{}: {} {}", d.name, gaps, self.tr("flag_gaps")),
                    format!("districts/{}/index.html", d.slug),
                ));
            }
        }
        flags
    }

    /// A district's page; `version` is the data version it shows (see [`crate::incremental::Deps`]).
    pub fn district_page(&self, out: &Output, di: usize, version: &str) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let d = &content.districts[di];
        let year = self.year_in_view();
        let yi = self.yi(year);
        let path = format!("districts/{}/index.html", d.slug);
        let crumbs = self.section_crumbs("districts", &d.name, &path);

        // The types this district has (any branch of it in any year).
        let has: Vec<usize> = (0..site.branch_types.len())
            .filter(|&ti| agg.district_types[di][ti].iter().any(|s| s.branches > 0))
            .collect();
        let types: Vec<StatsRow> = has
            .iter()
            .map(|&ti| {
                let t = &site.branch_types[ti];
                self.stats_row(&t.name, Some(format!("types/{}/index.html", t.slug)), &agg.district_types[di][ti], yi)
            })
            .collect();
        let type_labels: Vec<String> = types.iter().map(|r| r.label.clone()).collect();
        let type_stats: Vec<&Stats> = has.iter().map(|&ti| &agg.district_types[di][ti][yi]).collect();

        // District targets: this district's value and state per year.
        let targets: Vec<serde_json::Value> = site
            .targets
            .iter()
            .zip(&agg.targets)
            .filter(|(t, _)| t.scope == Scope::District)
            .map(|(t, ys)| {
                let cells: Vec<serde_json::Value> = ys.iter().map(|ty| self.district_target_cell(ty, di)).collect();
                json!({"name": t.name, "threshold": threshold_text(self.fmt, t.threshold), "cells": cells})
            })
            .collect();
        let pilots: Vec<serde_json::Value> = agg
            .pilot_checks
            .iter()
            .filter(|c| c.district == di)
            .map(|c| json!({"type": site.branch_types[c.type_idx].name, "pilots": c.pilots, "ok": c.ok}))
            .collect();

        let branches: Vec<serde_json::Value> = d
            .branches
            .iter()
            .enumerate()
            .map(|(bi, b)| {
                let scored = &agg.scored[di][bi];
                let cells: Vec<serde_json::Value> = agg
                    .years
                    .iter()
                    .map(|&y| match scored.iter().find(|s| s.year == y) {
                        Some(s) => json!({
                            "rating": site.ratings[s.rating].code,
                            "pct": self.fmt.pct(Some(s.pct())),
                            "model": s.model,
                        }),
                        None => json!(null),
                    })
                    .collect();
                object([
                    ("name", json!(b.name)),
                    ("url", json!(format!("districts/{}/{}/index.html", d.slug, b.slug))),
                    ("type", json!(site.branch_types[b.type_idx].name)),
                    ("level", json!(self.tr(&format!("level_{}", b.level.slug().replace('-', "_"))))),
                    ("pilot", json!(b.pilot)),
                    ("gap", json!(has_gap(b))),
                    ("years", Value::Array(cells)),
                ])
            })
            .collect();

        let charts = vec![
            self.trend_chart(&format!("{} – {}", self.tr("chart_trend"), d.name), &agg.districts[di]),
            self.percent_chart(
                &format!("{} {year}", self.tr("chart_model_by_type")),
                &type_labels,
                &type_stats,
                Metric::Model,
            ),
            self.ratings_chart(&format!("{} {year}", self.tr("chart_ratings_by_type")), &type_labels, &type_stats),
        ];
        let body = object([
            ("name", json!(d.name)),
            ("kind", json!(self.tr(&format!("kind_{}", d.kind.slug().replace('-', "_"))))),
            ("year", json!(year)),
            ("stats", json!(StatsView::new(self.fmt, &agg.districts[di][yi], self.prev(&agg.districts[di], yi)))),
            ("trend", json!(self.year_rows(&agg.districts[di]))),
            ("types", json!(types)),
            ("targets", Value::Array(targets)),
            ("pilots", Value::Array(pilots)),
            ("branches", Value::Array(branches)),
            ("all_years", json!(agg.years)),
            ("charts", json!(charts)),
            ("notes", json!(self.notes(&d.notes, None))),
        ]);
        let years = self.year_links(year);
        self.page_of_version(
            out,
            Frame { template: "district.html", path: &path, title: &d.name, crumbs, nav: "districts", years },
            body,
            version,
        )
    }

    /// A branch's page; `version` is the data version it shows (see [`crate::incremental::Deps`]).
    pub fn branch_page(&self, out: &Output, di: usize, bi: usize, version: &str) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let d: &District = &content.districts[di];
        let b: &Branch = &d.branches[bi];
        let scored = &agg.scored[di][bi];
        let bt = &site.branch_types[b.type_idx];
        let path = format!("districts/{}/{}/index.html", d.slug, b.slug);
        let crumbs = vec![
            self.home_crumb(),
            Link::new(self.tr("nav_districts"), "districts/index.html"),
            Link::new(d.name.clone(), format!("districts/{}/index.html", d.slug)),
            Link::new(b.name.clone(), path.clone()),
        ];

        let years: Vec<serde_json::Value> = scored
            .iter()
            .map(|s| {
                let fw = content.frameworks.for_year(s.year);
                let a = b.assessment(s.year);
                let mut reasons = Vec::new();
                if let (Some(fw), Some(a)) = (fw, a) {
                    if !s.pct().at_least(fw.model_min_pct) {
                        reasons.push(format!("{} {}%", self.tr("reason_below_pct"), self.fmt.score(fw.model_min_pct)));
                    }
                    if !fw.model_ratings.contains(&s.rating) {
                        reasons.push(self.tr("reason_rating"));
                    }
                    for c in score::criterion_scores(fw, b.type_idx, a).filter(|c| !c.min_met) {
                        reasons.push(format!("{} {}", self.tr("reason_min"), fw.criteria[c.criterion].id));
                    }
                    for &v in &a.vetoes {
                        reasons.push(format!("{}: {}", self.tr("reason_veto"), fw.vetoes[v].title));
                    }
                }
                json!({
                    "year": s.year,
                    "url": format!("years/{}/index.html", s.year),
                    "rating": site.ratings[s.rating].code,
                    "rating_name": site.ratings[s.rating].name,
                    "score": self.fmt.score(s.total),
                    "max": self.fmt.score(s.max),
                    "pct": self.fmt.pct(Some(s.pct())),
                    "model": s.model,
                    "pilot": s.pilot,
                    "reasons": if s.model { Vec::new() } else { reasons },
                })
            })
            .collect();

        let mut charts = Vec::new();
        let mut criteria_rows = String::new();
        let latest = scored.last();
        if let Some(s) = latest
            && let (Some(fw), Some(a)) = (content.frameworks.for_year(s.year), b.assessment(s.year))
        {
            let lines: Vec<score::CriterionScore> = score::criterion_scores(fw, b.type_idx, a).collect();
            let labels: Vec<String> = lines.iter().map(|c| fw.criteria[c.criterion].id.clone()).collect();
            let sc: Vec<f64> = lines.iter().map(|c| c.score.0 as f64 / 100.0).collect();
            let mx: Vec<f64> = lines.iter().map(|c| c.max.0 as f64 / 100.0).collect();
            let chart = chart::scores_vs_max(
                &format!("{} {}", self.tr("chart_criteria"), s.year),
                &labels,
                &sc,
                &mx,
                &self.chart_text,
            );
            let headers = vec![self.tr("col_criterion"), self.tr("col_score"), self.tr("col_max"), self.tr("col_min")];
            let rows = lines
                .iter()
                .map(|c| {
                    vec![
                        fw.criteria[c.criterion].id.clone(),
                        self.fmt.score(c.score),
                        self.fmt.score(c.max),
                        c.min.map(|m| self.fmt.score(m)).unwrap_or_default(),
                    ]
                })
                .collect();
            charts.push(ChartView::new(chart, headers, rows));
            // Made here (escaped) rather than by a template loop: with the chart's table, these
            // cells were most of a branch page's rendering.
            use super::theme::escape_html as esc;
            let below_min = esc(&self.tr("below_min"));
            for c in &lines {
                let cr = &fw.criteria[c.criterion];
                criteria_rows.push_str(if c.min_met { "<tr>" } else { "<tr class=\"flagged\">" });
                let min = match c.min {
                    Some(m) if c.min_met => self.fmt.score(m),
                    Some(m) => format!("{} <span class=\"badge unmet\">{below_min}</span>", self.fmt.score(m)),
                    None => String::new(),
                };
                criteria_rows.push_str(&format!(
                    "<th scope=\"row\">{}</th><td>{} <span class=\"muted\">({})</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{min}</td></tr>",
                    esc(&cr.id),
                    esc(&cr.title),
                    esc(&fw.groups[cr.group].name),
                    self.fmt.score(c.score),
                    self.fmt.score(c.max),
                ));
            }
        }
        // Total across years.
        let series = vec![Series {
            name: self.tr("col_score_pct"),
            values: agg
                .years
                .iter()
                .map(|&y| scored.iter().find(|s| s.year == y).map(|s| s.pct().pct_tenths() as f64 / 10.0))
                .collect(),
        }];
        let model_line: Vec<TargetLine> = content
            .frameworks
            .for_year(latest.map_or(site.target_year, |s| s.year))
            .map(|fw| TargetLine {
                label: format!("{} {}%", self.tr("model_threshold"), self.fmt.score(fw.model_min_pct)),
                value: fw.model_min_pct.0 as f64 / 100.0,
            })
            .into_iter()
            .collect();
        let chart = chart::trend_lines(
            &format!("{} – {}", self.tr("chart_branch_trend"), b.name),
            &agg.years,
            &series,
            &model_line,
            &self.chart_text,
        );
        let rows = scored
            .iter()
            .map(|s| {
                vec![s.year.to_string(), self.fmt.score(s.total), self.fmt.score(s.max), self.fmt.pct(Some(s.pct()))]
            })
            .collect();
        charts.push(ChartView::new(
            chart,
            vec![self.tr("year"), self.tr("col_score"), self.tr("col_max"), self.tr("col_score_pct")],
            rows,
        ));

        let body = object([
            ("name", json!(b.name)),
            ("district", json!(Link::new(d.name.clone(), format!("districts/{}/index.html", d.slug)))),
            ("type", json!(Link::new(bt.name.clone(), format!("types/{}/index.html", bt.slug)))),
            ("subtype", json!(b.subtype_idx.map(|i| &bt.subtypes[i].name))),
            ("level", json!(self.tr(&format!("level_{}", b.level.slug().replace('-', "_"))))),
            ("parent", json!(b.parent)),
            ("members", json!(self.fmt.int(b.members))),
            ("pilot", json!(b.pilot)),
            ("gap", json!(has_gap(b))),
            ("years", Value::Array(years)),
            ("criteria_rows", json!(criteria_rows)),
            ("criteria_year", json!(latest.map(|s| s.year))),
            ("charts", json!(charts)),
            ("notes", json!(self.notes(&b.notes, None))),
        ]);
        let year = latest.map_or(site.target_year, |s| s.year);
        let years = self.year_links(year);
        self.page_of_version(
            out,
            Frame { template: "branch.html", path: &path, title: &b.name, crumbs, nav: "districts", years },
            body,
            version,
        )
    }

    pub fn type_page(&self, out: &Output, ti: usize) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let t = &site.branch_types[ti];
        let year = self.year_in_view();
        let yi = self.yi(year);
        let path = format!("types/{}/index.html", t.slug);
        let crumbs = self.section_crumbs("types", &t.name, &path);
        let with_type: Vec<usize> = (0..content.districts.len())
            .filter(|&di| agg.district_types[di][ti].iter().any(|s| s.branches > 0))
            .collect();
        let districts: Vec<StatsRow> = with_type
            .iter()
            .map(|&di| {
                let d = &content.districts[di];
                self.stats_row(
                    &d.name,
                    Some(format!("districts/{}/index.html", d.slug)),
                    &agg.district_types[di][ti],
                    yi,
                )
            })
            .collect();
        let labels: Vec<String> = with_type.iter().map(|&di| content.districts[di].name.clone()).collect();
        let stats: Vec<&Stats> = with_type.iter().map(|&di| &agg.district_types[di][ti][yi]).collect();
        // Subtypes: counted from the branches (they are not a unit of the aggregates).
        let subtypes: Vec<serde_json::Value> = t
            .subtypes
            .iter()
            .enumerate()
            .map(|(si, st)| {
                let (mut n, mut model) = (0u32, 0u32);
                for (di, d) in content.districts.iter().enumerate() {
                    for (bi, b) in d.branches.iter().enumerate() {
                        if b.type_idx == ti
                            && b.subtype_idx == Some(si)
                            && let Some(s) = agg.scored[di][bi].iter().find(|s| s.year == year)
                        {
                            n += 1;
                            model += u32::from(s.model);
                        }
                    }
                }
                json!({"name": st.name, "branches": self.fmt.int(n), "model": self.fmt.int(model),
                       "model_pct": self.fmt.pct(crate::model::Ratio::new(i128::from(model), i128::from(n)))})
            })
            .collect();
        let charts = vec![
            self.trend_chart(&format!("{} – {}", self.tr("chart_trend"), t.name), &agg.types[ti]),
            self.percent_chart(
                &format!("{} {year}", self.tr("chart_model_by_district")),
                &labels,
                &stats,
                Metric::Model,
            ),
        ];
        let body = json!({
            "name": t.name,
            "year": year,
            "stats": StatsView::new(self.fmt, &agg.types[ti][yi], self.prev(&agg.types[ti], yi)),
            "trend": self.year_rows(&agg.types[ti]),
            "districts": districts,
            "subtypes": subtypes,
            "charts": charts,
        });
        let years = self.year_links(year);
        self.page(out, Frame { template: "type.html", path: &path, title: &t.name, crumbs, nav: "types", years }, body)
    }

    pub fn list_pages(&self, out: &Output) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let year = self.year_in_view();
        let yi = self.yi(year);
        let years = || self.year_links(year);
        let districts: Vec<StatsRow> = content
            .districts
            .iter()
            .enumerate()
            .map(|(di, d)| {
                let mut r =
                    self.stats_row(&d.name, Some(format!("districts/{}/index.html", d.slug)), &agg.districts[di], yi);
                r.note = self.tr(&format!("kind_{}", d.kind.slug().replace('-', "_")));
                r
            })
            .collect();
        let title = self.tr("nav_districts");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), "districts/index.html")];
        self.page(
            out,
            Frame {
                template: "list.html",
                path: "districts/index.html",
                title: &title,
                crumbs,
                nav: "districts",
                years: years(),
            },
            json!({"rows": districts, "year": year, "with_note": true}),
        )?;

        let types: Vec<StatsRow> = site
            .branch_types
            .iter()
            .enumerate()
            .map(|(ti, t)| self.stats_row(&t.name, Some(format!("types/{}/index.html", t.slug)), &agg.types[ti], yi))
            .collect();
        let title = self.tr("nav_types");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), "types/index.html")];
        self.page(
            out,
            Frame {
                template: "list.html",
                path: "types/index.html",
                title: &title,
                crumbs,
                nav: "types",
                years: years(),
            },
            json!({"rows": types, "year": year, "with_note": false}),
        )
    }

    /// One district's value of a district-scope target in one year, with its state.
    pub(super) fn district_target_cell(&self, ty: &crate::aggregate::TargetYear, di: usize) -> serde_json::Value {
        let (value, state) = match ty.districts.get(di).copied().flatten() {
            Some((r, ok)) => (self.fmt.pct(Some(r)), if ok { "met" } else { "unmet" }),
            None => ("–".to_string(), "none"),
        };
        json!({"value": value, "state": state, "state_label": self.tr(&format!("target_{state}"))})
    }

    /// One criteria framework, formatted: groups with their criteria, vetoes, maxima per type.
    pub(super) fn framework_view(&self, i: usize) -> serde_json::Value {
        let content = &self.checked.content;
        let site = &content.site;
        let fw = &content.frameworks.0[i];
        let until = content.frameworks.0.get(i + 1).map(|n| n.year - 1).unwrap_or(site.last_year);
        let groups: Vec<serde_json::Value> = fw
            .groups
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let criteria: Vec<serde_json::Value> = fw
                    .criteria
                    .iter()
                    .filter(|c| c.group == gi)
                    .map(|c| {
                        let types = match &c.types {
                            None => self.tr("all_types"),
                            Some(ts) => {
                                ts.iter().map(|&t| site.branch_types[t].name.clone()).collect::<Vec<_>>().join(", ")
                            }
                        };
                        json!({"id": c.id, "title": c.title, "max": self.fmt.score(c.max),
                               "min": c.min.map(|m| self.fmt.score(m)), "types": types})
                    })
                    .collect();
                json!({"id": g.id, "name": g.name, "criteria": criteria})
            })
            .collect();
        let maxima: Vec<serde_json::Value> = site
            .branch_types
            .iter()
            .enumerate()
            .map(|(ti, t)| json!({"type": t.name, "max": self.fmt.score(fw.max_for_type(ti))}))
            .collect();
        json!({
            "year": fw.year, "until": until,
            "model_min_pct": self.fmt.score(fw.model_min_pct),
            "model_ratings": fw.model_ratings.iter().map(|&r| site.ratings[r].code.clone()).collect::<Vec<_>>(),
            "groups": groups,
            "vetoes": fw.vetoes.iter().map(|v| json!({"id": v.id, "title": v.title})).collect::<Vec<_>>(),
            "maxima": maxima,
        })
    }

    pub fn criteria_page(&self, out: &Output) -> io::Result<()> {
        let frameworks: Vec<serde_json::Value> =
            (0..self.checked.content.frameworks.0.len()).map(|i| self.framework_view(i)).collect();
        let title = self.tr("nav_criteria");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), "criteria/index.html")];
        let year = self.year_in_view();
        let years = self.year_links(year);
        self.page(
            out,
            Frame {
                template: "criteria.html",
                path: "criteria/index.html",
                title: &title,
                crumbs,
                nav: "criteria",
                years,
            },
            json!({"frameworks": frameworks}),
        )
    }

    pub fn data_page(&self, out: &Output, files: &[(String, u64)]) -> io::Result<()> {
        let list: Vec<serde_json::Value> = files
            .iter()
            .map(|(name, size)| {
                let key = name.split(['-', '.']).next().unwrap_or(name);
                json!({"name": name, "url": format!("data/{name}"), "size": self.fmt.int(i64::try_from(*size / 1024).unwrap_or(0).max(1)),
                       "desc": self.tr(&format!("data_{}", key.replace('-', "_")))})
            })
            .collect();
        let title = self.tr("nav_data");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), "data/index.html")];
        let year = self.year_in_view();
        let years = self.year_links(year);
        self.page(
            out,
            Frame { template: "data.html", path: "data/index.html", title: &title, crumbs, nav: "data", years },
            json!({"files": list}),
        )
    }

    pub fn snapshots_page(&self, out: &Output, snapshots: &[serde_json::Value]) -> io::Result<()> {
        let title = self.tr("nav_snapshots");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), "snapshots/index.html")];
        let year = self.year_in_view();
        let years = self.year_links(year);
        self.page(
            out,
            Frame {
                template: "snapshots.html",
                path: "snapshots/index.html",
                title: &title,
                crumbs,
                nav: "snapshots",
                years,
            },
            json!({"snapshots": snapshots}),
        )
    }

    /// Every interface string, for tests and theme authors.
    pub fn strings(&self) -> &BTreeMap<String, String> {
        &self.theme.strings
    }
}

/// A year missing between a branch's first and last assessment.
pub fn has_gap(b: &Branch) -> bool {
    b.assessments.windows(2).any(|w| w[1].year - w[0].year > 1)
}
