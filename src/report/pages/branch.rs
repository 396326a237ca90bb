//! A branch's page: its view model ([`BranchPage`]) and how it is made.

use std::io;

use serde::Serialize;

use crate::domain::model::{Branch, District};
use crate::domain::score::{self, NotModel};
use crate::report::chart::{self, Series, TargetLine};
use crate::report::emit::Emit;
use crate::report::urls;
use crate::report::view::{ChartView, Link};

use super::{Frame, NoteView, Renderer, has_gap};

/// What `branch.html` shows of a branch.
#[derive(Serialize)]
struct BranchPage<'a> {
    name: &'a str,
    district: Link,
    #[serde(rename = "type")]
    branch_type: Link,
    subtype: Option<&'a str>,
    level: String,
    parent: Option<&'a str>,
    members: String,
    pilot: Option<i32>,
    /// The branch skips a year between its first and last assessment.
    gap: bool,
    years: Vec<BranchYear<'a>>,
    /// The latest year's criteria as table rows, escaped here (see below).
    criteria_rows: String,
    criteria_year: Option<i32>,
    charts: Vec<ChartView>,
    notes: Vec<NoteView>,
}

/// One year of a branch: its rating, score and why it is not a model branch.
#[derive(Serialize)]
struct BranchYear<'a> {
    year: i32,
    url: String,
    rating: &'a str,
    rating_name: &'a str,
    score: String,
    max: String,
    pct: String,
    model: bool,
    pilot: bool,
    reasons: Vec<String>,
}

impl Renderer<'_> {
    /// A branch's page; `version` is the data version it shows (see [`crate::report::deps::Deps`]).
    pub fn branch_page(&self, out: &dyn Emit, di: usize, bi: usize, version: &str) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let d: &District = &content.districts[di];
        let b: &Branch = &d.branches[bi];
        let scored = &agg.scored[di][bi];
        let bt = &site.branch_types[b.type_idx];
        let path = urls::branch(&d.slug, &b.slug);
        let crumbs = vec![
            self.home_crumb(),
            Link::new(self.tr("nav_districts"), urls::DISTRICTS),
            Link::new(d.name.clone(), urls::district(&d.slug)),
            Link::new(b.name.clone(), path.clone()),
        ];

        let years: Vec<BranchYear> = scored
            .iter()
            .map(|s| {
                let fw = content.frameworks.for_year(s.year);
                let a = b.assessment(s.year);
                // The reasons are the domain's (score::not_model); the page only words them.
                let why = match (fw, a) {
                    (Some(fw), Some(a)) => score::not_model(fw, b, a).into_iter().map(|w| (fw, w)).collect(),
                    _ => Vec::new(),
                };
                let reasons: Vec<String> = why
                    .into_iter()
                    .map(|(fw, w)| match w {
                        NotModel::BelowPct(p) => format!("{} {}%", self.tr("reason_below_pct"), self.fmt.score(p)),
                        NotModel::Rating => self.tr("reason_rating"),
                        NotModel::BelowMin(c) => format!("{} {}", self.tr("reason_min"), fw.criteria[c].id),
                        NotModel::Veto(v) => format!("{}: {}", self.tr("reason_veto"), fw.vetoes[v].title),
                    })
                    .collect();
                BranchYear {
                    year: s.year,
                    url: urls::year(s.year),
                    rating: &site.ratings[s.rating].code,
                    rating_name: &site.ratings[s.rating].name,
                    score: self.fmt.score(s.total),
                    max: self.fmt.score(s.max),
                    pct: self.fmt.pct(Some(s.pct())),
                    model: s.model,
                    pilot: s.pilot,
                    reasons: if s.model { Vec::new() } else { reasons },
                }
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
            use crate::report::theme::escape_html as esc;
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

        let body = BranchPage {
            name: &b.name,
            district: Link::new(d.name.clone(), urls::district(&d.slug)),
            branch_type: Link::new(bt.name.clone(), urls::branch_type(&bt.slug)),
            subtype: b.subtype_idx.map(|i| bt.subtypes[i].name.as_str()),
            level: self.tr(&format!("level_{}", b.level.slug().replace('-', "_"))),
            parent: b.parent.as_deref(),
            members: self.fmt.int(b.members),
            pilot: b.pilot,
            gap: has_gap(b),
            years,
            criteria_rows,
            criteria_year: latest.map(|s| s.year),
            charts,
            notes: self.notes(&b.notes, None),
        };
        let year = latest.map_or(site.target_year, |s| s.year);
        let years = self.year_links(year);
        self.page_of_version(
            out,
            Frame { template: "branch.html", path: &path, title: &b.name, crumbs, nav: "districts", years },
            body,
            version,
        )
    }
}
