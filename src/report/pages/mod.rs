//! The site's pages: each function gathers one page's view model and renders its template.
//!
//! URLs (stable: snapshot links depend on them): `index.html`, `years/<y>/`, `districts/`,
//! `districts/<d>/`, `districts/<d>/<b>/`, `types/`, `types/<t>/`, `criteria/`, `snapshots/`,
//! `data/`. Every link is relative, and names `index.html` so that it works from `file://`.

use std::io;

use serde::Serialize;
use serde_json::Value;

use super::i18n::Format;
use super::markdown::to_safe_html_at;
use super::theme::{Theme, tera_error};
use super::view::{ChartView, Link, StatsRow, StatsView, TargetView, target_view, threshold_text};
use crate::content::Checked;
use crate::domain::aggregate::Stats;
use crate::domain::model::{Language, Metric, Note, Notes, Scope};
use crate::report::Options;
use crate::report::chart::{self, ChartText, Series, TargetLine};
use crate::report::emit::Emit;
use crate::report::urls;

mod branch;
mod district;
mod lists;
#[cfg(test)]
mod tests;
mod year;

/// Render-wide state shared by every page.
pub struct Renderer<'a> {
    pub checked: &'a Checked,
    pub theme: &'a Theme,
    pub opts: Options,
    pub fmt: Format,
    pub chart_text: ChartText,
    /// Extra context every page gets (e.g. a snapshot banner).
    pub banner: Option<serde_json::Value>,
    /// When set, every page's view model (its template context) by path: what the golden tests
    /// compare, so that a changed rule shows everything it changes.
    pub views: Option<std::sync::Mutex<std::collections::BTreeMap<String, Value>>>,
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

/// What every page's template gets: the site, the page's place in it, and its own view model
/// (`page`).
#[derive(Serialize)]
struct PageContext<'a, B: Serialize> {
    lang: &'a str,
    site_title: &'a str,
    organisation: &'a str,
    version: &'a str,
    build_date: String,
    /// `../` for each folder the page is in: links are relative.
    root: String,
    path: &'a str,
    title: &'a str,
    crumbs: Vec<Link>,
    nav: &'a str,
    years: Vec<YearLink>,
    ratings: Vec<RatingView<'a>>,
    /// A snapshot's banner, with the same page of the live site.
    banner: Option<Banner>,
    base_url: String,
    booklet_url: Option<String>,
    page: B,
    /// Every interface string, for a theme whose templates still read `t` (left out of the
    /// views the golden tests compare).
    #[serde(skip_serializing_if = "Option::is_none")]
    t: Option<&'a std::collections::BTreeMap<String, String>>,
}

#[derive(Serialize)]
struct RatingView<'a> {
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Banner {
    text: String,
    live: String,
}

impl<'a> Renderer<'a> {
    pub fn new(checked: &'a Checked, theme: &'a Theme, opts: Options) -> Self {
        let lang = checked.content.site.language;
        Renderer {
            checked,
            theme,
            opts,
            fmt: Format { lang },
            chart_text: ChartText::from_strings(&theme.strings, lang == Language::Vi),
            banner: None,
            views: None,
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

    /// A district kind as shown: the site's own name for it, else the theme's `kind_<slug>`.
    pub(super) fn kind_name(&self, slug: &str) -> String {
        let site = &self.checked.content.site;
        if let Some(name) = site.district_level.kind(slug).and_then(|k| k.name.clone()) {
            return name;
        }
        let key = format!("kind_{}", slug.replace('-', "_"));
        self.theme.strings.get(&key).cloned().unwrap_or_else(|| slug.to_string())
    }

    pub(super) fn note(&self, n: &Note) -> NoteView {
        let meta = [n.author.clone(), n.date.as_deref().map(|d| self.fmt.date_text(d))]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        // The page publishes the note's files beside itself (`report::files`).
        NoteView { title: n.title.clone(), meta, html: to_safe_html_at(&n.body, "", &n.files) }
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
        years.iter().map(|&y| YearLink { year: y, url: urls::year(y), current: y == current }).collect()
    }

    /// The year pages that cover every year show: the latest year with assessments.
    pub(super) fn year_in_view(&self) -> i32 {
        self.checked.agg.latest_year().unwrap_or(self.checked.content.site.target_year)
    }

    /// Renders a page into its path, with the layout context every page shares.
    pub(super) fn page(&self, out: &dyn Emit, frame: Frame, body: impl Serialize) -> io::Result<()> {
        self.page_of_version(out, frame, body, &self.checked.content.version)
    }

    /// [`Renderer::page`] for a page that shows part of the content, with that part's data
    /// version (so that an edit elsewhere leaves the page's bytes, and an incremental build, alone).
    pub(super) fn page_of_version(
        &self,
        out: &dyn Emit,
        frame: Frame,
        body: impl Serialize,
        version: &str,
    ) -> io::Result<()> {
        let path = frame.path;
        let html = self.render_page(frame, body, version)?;
        out.write(path, &html)
    }

    /// The bytes of a page, rendered as [`Renderer::page_of_version`] writes them.
    pub(super) fn render_page(&self, frame: Frame, body: impl Serialize, version: &str) -> io::Result<Vec<u8>> {
        let Frame { template, path, title, crumbs, nav, years } = frame;
        let site = &self.checked.content.site;
        let depth = path.matches('/').count();
        let root = "../".repeat(depth);
        // A snapshot's banner links to the same page of the live site: by address when the site
        // has one, else two folders up (snapshots are published in `<site>/snapshots/<id>/`).
        let banner = self.banner.as_ref().map(|b| {
            let base = self.base_url();
            let live = if base.is_empty() { format!("{root}../../{path}") } else { format!("{base}{path}") };
            Banner { text: b["text"].as_str().unwrap_or_default().to_string(), live }
        });
        let mut ctx = PageContext {
            lang: site.language.code(),
            site_title: &site.title,
            organisation: &site.organisation,
            version,
            build_date: self.fmt.date(self.opts.date),
            root,
            path,
            title,
            crumbs,
            nav,
            years,
            ratings: site.ratings.iter().map(|r| RatingView { code: &r.code, name: &r.name }).collect(),
            banner,
            base_url: self.base_url(),
            booklet_url: self.checked.agg.latest_year().map(urls::booklet),
            page: body,
            t: None,
        };
        if let Some(Ok(mut views)) = self.views.as_ref().map(|v| v.lock()) {
            views.insert(path.to_string(), serde_json::to_value(&ctx).map_err(io::Error::other)?);
        }
        if self.theme.needs_strings_map {
            ctx.t = Some(&self.theme.strings);
        }
        self.render_to_bytes(template, &ctx, 32 * 1024)
    }

    fn render_to_bytes(&self, template: &str, ctx: &impl Serialize, capacity: usize) -> io::Result<Vec<u8>> {
        let ctx = tera::Context::from_serialize(ctx).map_err(|e| io::Error::other(tera_error(&e)))?;
        // Straight into bytes: `render` would check the whole page is UTF-8 once more.
        let mut html = Vec::with_capacity(capacity);
        self.theme
            .tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| io::Error::other(self.theme.render_error(template, &e)))?;
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
            .map(|(yi, y)| self.stats_row(&y.to_string(), Some(urls::year(*y)), series, yi))
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

    pub(super) fn pct_value(r: Option<crate::domain::model::Ratio>) -> Option<f64> {
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
}

pub use crate::domain::rules::has_gap;
