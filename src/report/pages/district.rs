//! A district's page.

use std::io;

use serde_json::{Value, json};

use crate::domain::aggregate::Stats;
use crate::domain::model::{Metric, Scope};
use crate::report::emit::Emit;
use crate::report::urls;
use crate::report::view::{StatsRow, StatsView, object, threshold_text};

use super::{Frame, Renderer, has_gap};

impl Renderer<'_> {
    /// A district's page; `version` is the data version it shows (see [`crate::report::deps::Deps`]).
    pub fn district_page(&self, out: &dyn Emit, di: usize, version: &str) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let d = &content.districts[di];
        let year = self.year_in_view();
        let yi = self.yi(year);
        let path = urls::district(&d.slug);
        let crumbs = self.section_crumbs("districts", &d.name, &path);

        // The types this district has (any branch of it in any year).
        let has: Vec<usize> = (0..site.branch_types.len())
            .filter(|&ti| agg.district_types[di][ti].iter().any(|s| s.branches > 0))
            .collect();
        let types: Vec<StatsRow> = has
            .iter()
            .map(|&ti| {
                let t = &site.branch_types[ti];
                self.stats_row(&t.name, Some(urls::branch_type(&t.slug)), &agg.district_types[di][ti], yi)
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
                    ("parent", json!(b.parent)),
                    ("url", json!(urls::branch(&d.slug, &b.slug))),
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
            ("kind", json!(self.kind_name(&d.kind))),
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
}
