//! The home page and the year pages: the province in one year; their view model
//! ([`YearPage`]) and how it is made.

use std::io;

use serde::Serialize;

use crate::domain::aggregate::Stats;
use crate::domain::model::{Level, Metric};
use crate::report::emit::Emit;
use crate::report::urls;
use crate::report::view::{ChartView, Link, StatsRow, StatsView, TargetView, threshold_text};

use super::{Frame, NoteView, Renderer, has_gap};

/// What `year.html` shows of the province in a year (the home page is the latest year's).
#[derive(Serialize)]
struct YearPage {
    year: i32,
    home: bool,
    province: StatsView,
    targets: Vec<TargetView>,
    districts: Vec<StatsRow>,
    types: Vec<StatsRow>,
    levels: Vec<StatsRow>,
    charts: Vec<ChartView>,
    /// What a reviewer must see: units under targets, pilot-rule deviations, gaps.
    flags: Vec<Link>,
    review: Option<NoteView>,
    target_year: i32,
    /// A year still being entered says how many branches its figures rest on.
    partial: Option<Partial>,
}

#[derive(Serialize)]
struct Partial {
    count: u32,
    known: u32,
    previous: i32,
    previous_url: String,
}

impl Renderer<'_> {
    /// Index and year pages: the province in one year.
    pub fn year_page(&self, out: &dyn Emit, year: i32, home: bool) -> io::Result<()> {
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
                let mut r = self.stats_row(&d.name, Some(urls::district(&d.slug)), &agg.districts[di], yi);
                r.flag = below[di];
                r
            })
            .collect();
        let types: Vec<StatsRow> = site
            .branch_types
            .iter()
            .enumerate()
            .map(|(ti, t)| self.stats_row(&t.name, Some(urls::branch_type(&t.slug)), &agg.types[ti], yi))
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
        let path = if home { "index.html".to_string() } else { urls::year(year) };
        let title = if home { site.title.clone() } else { format!("{} {year}", self.tr("year")) };
        let crumbs = if home { vec![] } else { vec![self.home_crumb(), Link::new(title.clone(), path.clone())] };
        let body = YearPage {
            year,
            home,
            province: StatsView::new(self.fmt, &agg.province[yi], self.prev(&agg.province, yi)),
            targets,
            districts,
            types,
            levels,
            charts,
            flags,
            review,
            target_year: site.target_year,
            partial: agg.incomplete_year().filter(|p| p.year == year).map(|p| Partial {
                count: p.count,
                known: p.known,
                previous: p.previous,
                previous_url: urls::year(p.previous),
            }),
        };
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
                            "{}: {}, {} ({} {})",
                            d.name,
                            self.fmt.pct(Some(*r)),
                            self.tr("flag_below"),
                            t.name,
                            threshold_text(self.fmt, t.threshold)
                        ),
                        urls::district(&d.slug),
                    ));
                }
            }
        }
        if let Some(rule) = site.pilots {
            for c in agg.pilot_checks.iter().filter(|c| !c.ok) {
                let d = &content.districts[c.district];
                flags.push(Link::new(
                    format!(
                        "{}: {} {} {} {}{}{} ({} {}–{})",
                        d.name,
                        c.pilots,
                        self.tr("flag_pilots"),
                        self.tr("flag_of_type"),
                        self.tr("quote_open"),
                        site.branch_types[c.type_idx].name,
                        self.tr("quote_close"),
                        self.tr("flag_rule"),
                        rule.min,
                        rule.max
                    ),
                    urls::district(&d.slug),
                ));
            }
        }
        for d in &content.districts {
            let gaps = d.branches.iter().filter(|b| has_gap(b)).count();
            if gaps > 0 {
                flags
                    .push(Link::new(format!("{}: {} {}", d.name, gaps, self.tr("flag_gaps")), urls::district(&d.slug)));
            }
        }
        flags
    }
}
