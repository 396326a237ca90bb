//! Render: the site's pages and downloads, written into the build's staging folder.

pub mod booklet;
pub mod data;
pub mod i18n;
pub mod markdown;
pub mod pages;
pub mod search;
pub mod theme;
pub mod view;
pub mod xlsx;

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::build::{BuildOptions, Checked};
use crate::write::Output;
use pages::Renderer;
use theme::Theme;

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub files: usize,
    pub pages: usize,
    pub charts: usize,
}

/// What a build adds to the pages beyond the content: the snapshot list, and the banner that
/// marks every page of a snapshot.
#[derive(Default)]
pub struct Extras {
    pub snapshots: Vec<serde_json::Value>,
    pub banner: Option<serde_json::Value>,
}

pub fn render_site(
    checked: &Checked,
    opts: &BuildOptions,
    out: &Output,
    theme: &Theme,
    extras: &Extras,
) -> io::Result<Counts> {
    let mut counts = Counts::default();
    let mut r = Renderer::new(checked, theme, opts);
    r.banner = extras.banner.clone();
    let (content, agg) = (&checked.content, &checked.agg);

    counts.files += data::write_all(content, agg, out)?;
    let mut files: Vec<(String, u64)> = std::fs::read_dir(out.staging().join("data"))?
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.file_name().to_string_lossy().into_owned(), e.metadata().ok()?.len())))
        .collect();
    files.sort();

    for (name, bytes) in &theme.statics {
        out.write(&format!("static/{name}"), bytes)?;
        counts.files += 1;
    }
    out.write("static/search-index.js", search::index_js(content).as_bytes())?;
    counts.files += 1;

    let pages = AtomicUsize::new(0);
    let progress = progress_bar(content);
    let count = |res: io::Result<()>| {
        pages.fetch_add(1, Ordering::Relaxed);
        progress.inc(1);
        res
    };
    if let Some(latest) = agg.latest_year().or(agg.years.last().copied()) {
        count(r.year_page(out, latest, true))?;
    }
    agg.years.par_iter().try_for_each(|&y| count(r.year_page(out, y, false)))?;
    (0..content.districts.len()).into_par_iter().try_for_each(|di| count(r.district_page(out, di)))?;
    (0..content.site.branch_types.len()).into_par_iter().try_for_each(|ti| count(r.type_page(out, ti)))?;
    content
        .districts
        .par_iter()
        .enumerate()
        .flat_map(|(di, d)| (0..d.branches.len()).into_par_iter().map(move |bi| (di, bi)))
        .try_for_each(|(di, bi)| count(r.branch_page(out, di, bi)))?;
    agg.years
        .par_iter()
        .zip(&agg.province)
        .filter(|(_, s)| s.branches > 0)
        .try_for_each(|(&y, _)| count(r.booklet_page(out, y)))?;
    count(r.list_pages(out))?;
    pages.fetch_add(1, Ordering::Relaxed); // list_pages writes two pages
    count(r.criteria_page(out))?;
    count(r.data_page(out, &files))?;
    count(r.snapshots_page(out, &extras.snapshots))?;

    progress.finish_and_clear();
    counts.pages = pages.into_inner();
    counts.files += counts.pages;
    counts.charts = count_charts(checked);
    Ok(counts)
}

/// A progress bar over the pages on a terminal; nothing when stderr is not one.
fn progress_bar(content: &crate::model::Content) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let total: usize = content.districts.iter().map(|d| d.branches.len() + 1).sum::<usize>() + 16;
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} rendering {bar:40} {pos}/{len} pages") {
        bar.set_style(style);
    }
    bar
}

/// Charts drawn: five on each year page and the home page, three per district, two per type and branch.
fn count_charts(checked: &Checked) -> usize {
    let (c, a) = (&checked.content, &checked.agg);
    let branches: usize = c.districts.iter().map(|d| d.branches.len()).sum();
    5 * (a.years.len() + 1) + 3 * c.districts.len() + 2 * c.site.branch_types.len() + 2 * branches
}
