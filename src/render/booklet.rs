//! The printable review booklet, `booklet/<year>/index.html`: one document for the year's review
//! conference. Cover, contents, the review narrative, the province against every target, a
//! section per district and per branch type, and annexes (criteria, model branches, pilots).

use std::io;

use serde_json::{Value, json};

use super::pages::Renderer;
use super::view::{Link, StatsView, object, threshold_text};
use crate::aggregate::Stats;
use crate::model::{Metric, Scope};
use crate::write::Output;

impl Renderer<'_> {
    pub fn booklet_page(&self, out: &Output, year: i32) -> io::Result<()> {
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

        let districts: Vec<serde_json::Value> = content
            .districts
            .iter()
            .enumerate()
            .map(|(di, d)| {
                let targets: Vec<serde_json::Value> = site
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
                let branches: Vec<serde_json::Value> = d
                    .branches
                    .iter()
                    .enumerate()
                    .filter_map(|(bi, b)| {
                        let s = agg.scored[di][bi].iter().find(|s| s.year == year)?;
                        Some(json!({
                            "name": b.name,
                            "type": site.branch_types[b.type_idx].name,
                            "rating": site.ratings[s.rating].code,
                            "score": self.fmt.score(s.total),
                            "pct": self.fmt.pct(Some(s.pct())),
                            "model": s.model,
                            "pilot": s.pilot,
                        }))
                    })
                    .collect();
                object([
                    ("slug", json!(d.slug)),
                    ("name", json!(d.name)),
                    (
                        "stats",
                        json!(StatsView::new(self.fmt, &agg.districts[di][yi], self.prev(&agg.districts[di], yi))),
                    ),
                    ("targets", Value::Array(targets)),
                    (
                        "charts",
                        json!([
                            self.trend_chart(&format!("{} – {}", self.tr("chart_trend"), d.name), &agg.districts[di])
                        ]),
                    ),
                    ("notes", json!(self.notes(&d.notes, Some(year)))),
                    ("branches", Value::Array(branches)),
                ])
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

        let mut model_branches = Vec::new();
        let mut pilots = Vec::new();
        for (di, d) in content.districts.iter().enumerate() {
            for (bi, b) in d.branches.iter().enumerate() {
                let Some(s) = agg.scored[di][bi].iter().find(|s| s.year == year) else { continue };
                let row = json!({
                    "district": d.name, "name": b.name, "type": site.branch_types[b.type_idx].name,
                    "rating": site.ratings[s.rating].code, "pct": self.fmt.pct(Some(s.pct())),
                    "model": s.model, "since": b.pilot,
                });
                if s.model {
                    model_branches.push(row.clone());
                }
                if s.pilot {
                    pilots.push(row);
                }
            }
        }
        let deviations: Vec<serde_json::Value> = agg
            .pilot_checks
            .iter()
            .filter(|c| !c.ok)
            .map(|c| json!({"district": content.districts[c.district].name, "type": site.branch_types[c.type_idx].name, "pilots": c.pilots}))
            .collect();
        let framework = content.frameworks.0.iter().rposition(|f| f.year <= year).map(|i| self.framework_view(i));

        let review = content.reviews.iter().find(|(y, _)| *y == year).map(|(_, n)| self.note(n));
        let path = format!("booklet/{year}/index.html");
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
            ("model_branches", Value::Array(model_branches)),
            ("pilots", Value::Array(pilots)),
            ("deviations", Value::Array(deviations)),
            ("pilot_rule", json!(site.pilots.map(|r| format!("{}–{}", r.min, r.max)))),
            (
                "other_years",
                json!(
                    agg.years
                        .iter()
                        .zip(&agg.province)
                        .filter(|(y, s)| **y != year && s.branches > 0)
                        .map(|(y, _)| Link::new(y.to_string(), format!("booklet/{y}/index.html")))
                        .collect::<Vec<_>>()
                ),
            ),
        ]);
        self.page(out, "booklet.html", &path, &title, crumbs, "booklet", self.year_links(year), body)
    }
}
