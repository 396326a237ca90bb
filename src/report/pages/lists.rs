//! The type pages, the district and type lists, and the criteria, data and snapshot pages: their
//! view models and how they are made.

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;

use crate::domain::aggregate::Stats;
use crate::domain::model::Metric;
use crate::report::emit::Emit;
use crate::report::urls;
use crate::report::view::{
    ChartView, CriterionView, FrameworkView, GroupView, Link, MaximumView, StatsRow, StatsView, TargetCell, VetoView,
};

use super::{Frame, Renderer};

/// What `type.html` shows of a branch type.
#[derive(Serialize)]
struct TypePage<'a> {
    name: &'a str,
    year: i32,
    stats: StatsView,
    trend: Vec<StatsRow>,
    districts: Vec<StatsRow>,
    subtypes: Vec<SubtypeLine<'a>>,
    charts: Vec<ChartView>,
}

/// A subtype's branches and model branches in the year (counted from the branches).
#[derive(Serialize)]
struct SubtypeLine<'a> {
    name: &'a str,
    branches: String,
    model: String,
    model_pct: String,
}

/// What `list.html` shows: the districts or the types in the year.
#[derive(Serialize)]
struct ListPage {
    rows: Vec<StatsRow>,
    year: i32,
    /// Rows have a second line (a district's kind).
    with_note: bool,
    head: String,
}

#[derive(Serialize)]
struct CriteriaPage {
    frameworks: Vec<FrameworkView>,
}

#[derive(Serialize)]
struct DataPage<'a> {
    files: Vec<DataFile<'a>>,
}

/// A download of `data/`, its size in KB and what it holds.
#[derive(Serialize)]
struct DataFile<'a> {
    name: &'a str,
    url: String,
    size: String,
    desc: String,
}

#[derive(Serialize)]
struct SnapshotsPage<'a> {
    snapshots: &'a [serde_json::Value],
}

impl Renderer<'_> {
    pub fn type_page(&self, out: &dyn Emit, ti: usize) -> io::Result<()> {
        let (content, agg) = (&self.checked.content, &self.checked.agg);
        let site = &content.site;
        let t = &site.branch_types[ti];
        let year = self.year_in_view();
        let yi = self.yi(year);
        let path = urls::branch_type(&t.slug);
        let crumbs = self.section_crumbs("types", &t.name, &path);
        let with_type: Vec<usize> = (0..content.districts.len())
            .filter(|&di| agg.district_types[di][ti].iter().any(|s| s.branches > 0))
            .collect();
        let districts: Vec<StatsRow> = with_type
            .iter()
            .map(|&di| {
                let d = &content.districts[di];
                self.stats_row(&d.name, Some(urls::district(&d.slug)), &agg.district_types[di][ti], yi)
            })
            .collect();
        let labels: Vec<String> = with_type.iter().map(|&di| content.districts[di].name.clone()).collect();
        let stats: Vec<&Stats> = with_type.iter().map(|&di| &agg.district_types[di][ti][yi]).collect();
        // Subtypes: counted from the branches (they are not a unit of the aggregates).
        let subtypes: Vec<SubtypeLine> = t
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
                SubtypeLine {
                    name: &st.name,
                    branches: self.fmt.int(n),
                    model: self.fmt.int(model),
                    model_pct: self.fmt.pct(crate::domain::model::Ratio::new(i128::from(model), i128::from(n))),
                }
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
        let body = TypePage {
            name: &t.name,
            year,
            stats: StatsView::new(self.fmt, &agg.types[ti][yi], self.prev(&agg.types[ti], yi)),
            trend: self.year_rows(&agg.types[ti]),
            districts,
            subtypes,
            charts,
        };
        let years = self.year_links(year);
        self.page(out, Frame { template: "type.html", path: &path, title: &t.name, crumbs, nav: "types", years }, body)
    }

    pub fn list_pages(&self, out: &dyn Emit) -> io::Result<()> {
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
                let mut r = self.stats_row(&d.name, Some(urls::district(&d.slug)), &agg.districts[di], yi);
                r.note = self.kind_name(&d.kind);
                r
            })
            .collect();
        let title = self.tr("nav_districts");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), urls::DISTRICTS)];
        self.page(
            out,
            Frame {
                template: "list.html",
                path: urls::DISTRICTS,
                title: &title,
                crumbs,
                nav: "districts",
                years: years(),
            },
            ListPage { rows: districts, year, with_note: true, head: self.tr("col_district") },
        )?;

        let types: Vec<StatsRow> = site
            .branch_types
            .iter()
            .enumerate()
            .map(|(ti, t)| self.stats_row(&t.name, Some(urls::branch_type(&t.slug)), &agg.types[ti], yi))
            .collect();
        let title = self.tr("nav_types");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), urls::TYPES)];
        self.page(
            out,
            Frame { template: "list.html", path: urls::TYPES, title: &title, crumbs, nav: "types", years: years() },
            ListPage { rows: types, year, with_note: false, head: self.tr("col_type") },
        )
    }

    /// One district's value of a district-scope target in one year, with its state.
    pub(crate) fn district_target_cell(&self, ty: &crate::domain::aggregate::TargetYear, di: usize) -> TargetCell {
        let (value, state) = match ty.districts.get(di).copied().flatten() {
            Some((r, ok)) => (self.fmt.pct(Some(r)), if ok { "met" } else { "unmet" }),
            None => ("–".to_string(), "none"),
        };
        TargetCell { value, state, state_label: self.tr(&format!("target_{state}")) }
    }

    /// One criteria framework, formatted: groups with their criteria, vetoes, maxima per type.
    pub(crate) fn framework_view(&self, i: usize) -> FrameworkView {
        let content = &self.checked.content;
        let site = &content.site;
        let fw = &content.frameworks.0[i];
        let until = content.frameworks.0.get(i + 1).map(|n| n.year - 1).unwrap_or(site.last_year);
        let groups: Vec<GroupView> = fw
            .groups
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let criteria: Vec<CriterionView> = fw
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
                        CriterionView {
                            id: c.id.clone(),
                            title: c.title.clone(),
                            max: self.fmt.score(c.max),
                            min: c.min.map(|m| self.fmt.score(m)),
                            types,
                        }
                    })
                    .collect();
                GroupView { id: g.id.clone(), name: g.name.clone(), criteria }
            })
            .collect();
        let maxima: Vec<MaximumView> = site
            .branch_types
            .iter()
            .enumerate()
            .map(|(ti, t)| MaximumView { branch_type: t.name.clone(), max: self.fmt.score(fw.max_for_type(ti)) })
            .collect();
        FrameworkView {
            year: fw.year,
            until,
            model_min_pct: self.fmt.score(fw.model_min_pct),
            model_ratings: fw.model_ratings.iter().map(|&r| site.ratings[r].code.clone()).collect(),
            groups,
            vetoes: fw.vetoes.iter().map(|v| VetoView { id: v.id.clone(), title: v.title.clone() }).collect(),
            maxima,
        }
    }

    pub fn criteria_page(&self, out: &dyn Emit) -> io::Result<()> {
        let frameworks: Vec<FrameworkView> =
            (0..self.checked.content.frameworks.0.len()).map(|i| self.framework_view(i)).collect();
        let title = self.tr("nav_criteria");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), urls::CRITERIA)];
        let year = self.year_in_view();
        let years = self.year_links(year);
        self.page(
            out,
            Frame { template: "criteria.html", path: urls::CRITERIA, title: &title, crumbs, nav: "criteria", years },
            CriteriaPage { frameworks },
        )
    }

    pub fn data_page(&self, out: &dyn Emit, files: &[(String, u64)]) -> io::Result<()> {
        let list: Vec<DataFile> = files
            .iter()
            .map(|(name, size)| {
                let district = name.strip_prefix("districts/").and_then(|n| n.strip_suffix(".xlsx"));
                let district = district.and_then(|slug| self.checked.content.districts.iter().find(|d| d.slug == slug));
                let desc = match district {
                    Some(d) => format!("{}: {}", d.name, self.tr("data_district_xlsx")),
                    None => self.tr(&format!("data_{}", name.split(['-', '.']).next().unwrap_or(name))),
                };
                DataFile {
                    name,
                    url: urls::data_file(name),
                    size: self.fmt.int(i64::try_from(*size / 1024).unwrap_or(0).max(1)),
                    desc,
                }
            })
            .collect();
        let title = self.tr("nav_data");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), urls::DATA)];
        let year = self.year_in_view();
        let years = self.year_links(year);
        self.page(
            out,
            Frame { template: "data.html", path: urls::DATA, title: &title, crumbs, nav: "data", years },
            DataPage { files: list },
        )
    }

    pub fn snapshots_page(&self, out: &dyn Emit, snapshots: &[serde_json::Value]) -> io::Result<()> {
        let title = self.tr("nav_snapshots");
        let crumbs = vec![self.home_crumb(), Link::new(title.clone(), urls::SNAPSHOTS)];
        let year = self.year_in_view();
        let years = self.year_links(year);
        self.page(
            out,
            Frame { template: "snapshots.html", path: urls::SNAPSHOTS, title: &title, crumbs, nav: "snapshots", years },
            SnapshotsPage { snapshots },
        )
    }

    /// Every interface string, for tests and theme authors.
    pub fn strings(&self) -> &BTreeMap<String, String> {
        &self.theme.strings
    }
}
