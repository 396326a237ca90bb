//! A district's page: its view model ([`DistrictPage`]) and how it is made.

use std::io;

use serde::Serialize;

use crate::domain::aggregate::Stats;
use crate::domain::model::{Metric, Scope};
use crate::report::emit::Emit;
use crate::report::urls;
use crate::report::view::{ChartView, StatsRow, StatsView, TargetCell, threshold_text};

use super::{Frame, NoteView, Renderer, has_gap};

/// What `district.html` shows of a district.
#[derive(Serialize)]
struct DistrictPage<'a> {
    name: &'a str,
    kind: String,
    year: i32,
    stats: StatsView,
    trend: Vec<StatsRow>,
    types: Vec<StatsRow>,
    targets: Vec<DistrictTarget<'a>>,
    pilots: Vec<PilotCheck<'a>>,
    branches: Vec<BranchLine<'a>>,
    all_years: &'a [i32],
    charts: Vec<ChartView>,
    notes: Vec<NoteView>,
}

/// A district-level target: this district's value and state in each year.
#[derive(Serialize)]
struct DistrictTarget<'a> {
    name: &'a str,
    threshold: String,
    cells: Vec<TargetCell>,
}

/// The district's pilots of one branch type against the pilot rule.
#[derive(Serialize)]
struct PilotCheck<'a> {
    #[serde(rename = "type")]
    branch_type: &'a str,
    pilots: u32,
    ok: bool,
}

/// A branch in the district's list, with its rating and score in each year (`None`: not assessed).
#[derive(Serialize)]
struct BranchLine<'a> {
    name: &'a str,
    parent: Option<&'a str>,
    url: String,
    #[serde(rename = "type")]
    branch_type: &'a str,
    level: String,
    pilot: Option<i32>,
    gap: bool,
    years: Vec<Option<BranchCell<'a>>>,
}

#[derive(Serialize)]
struct BranchCell<'a> {
    rating: &'a str,
    pct: String,
    model: bool,
}

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
        let targets: Vec<DistrictTarget> = site
            .targets
            .iter()
            .zip(&agg.targets)
            .filter(|(t, _)| t.scope == Scope::District)
            .map(|(t, ys)| {
                let cells: Vec<TargetCell> = ys.iter().map(|ty| self.district_target_cell(ty, di)).collect();
                DistrictTarget { name: &t.name, threshold: threshold_text(self.fmt, t.threshold), cells }
            })
            .collect();
        let pilots: Vec<PilotCheck> = agg
            .pilot_checks
            .iter()
            .filter(|c| c.district == di)
            .map(|c| PilotCheck { branch_type: &site.branch_types[c.type_idx].name, pilots: c.pilots, ok: c.ok })
            .collect();

        let branches: Vec<BranchLine> = d
            .branches
            .iter()
            .enumerate()
            .map(|(bi, b)| {
                let scored = &agg.scored[di][bi];
                let years = agg
                    .years
                    .iter()
                    .map(|&y| {
                        scored.iter().find(|s| s.year == y).map(|s| BranchCell {
                            rating: &site.ratings[s.rating].code,
                            pct: self.fmt.pct(Some(s.pct())),
                            model: s.model,
                        })
                    })
                    .collect();
                BranchLine {
                    name: &b.name,
                    parent: b.parent.as_deref(),
                    url: urls::branch(&d.slug, &b.slug),
                    branch_type: &site.branch_types[b.type_idx].name,
                    level: self.tr(&format!("level_{}", b.level.slug().replace('-', "_"))),
                    pilot: b.pilot,
                    gap: has_gap(b),
                    years,
                }
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
        let body = DistrictPage {
            name: &d.name,
            kind: self.kind_name(&d.kind),
            year,
            stats: StatsView::new(self.fmt, &agg.districts[di][yi], self.prev(&agg.districts[di], yi)),
            trend: self.year_rows(&agg.districts[di]),
            types,
            targets,
            pilots,
            branches,
            all_years: &agg.years,
            charts,
            notes: self.notes(&d.notes, None),
        };
        let years = self.year_links(year);
        self.page_of_version(
            out,
            Frame { template: "district.html", path: &path, title: &d.name, crumbs, nav: "districts", years },
            body,
            version,
        )
    }
}
