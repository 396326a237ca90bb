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

/// One piece of the site to make; all run in parallel, the big ones first.
#[derive(Clone, Copy)]
enum Job {
    Data(data::DataFile),
    Booklet(i32),
    Home(i32),
    Year(i32),
    District(usize),
    Type(usize),
    Branch(usize, usize),
    Lists,
    Criteria,
    Snapshots,
}

pub fn render_site(
    checked: &Checked,
    opts: &BuildOptions,
    out: &Output,
    theme: &Theme,
    extras: &Extras,
) -> io::Result<Counts> {
    let timer = Timer::start();
    let mut counts = Counts::default();
    let mut r = Renderer::new(checked, theme, opts);
    r.banner = extras.banner.clone();
    let (content, agg) = (&checked.content, &checked.agg);

    for (name, bytes) in &theme.statics {
        out.write(&format!("static/{name}"), bytes)?;
        counts.files += 1;
    }
    out.write("static/search-index.js", search::index_js(content).as_bytes())?;
    counts.files += 1;

    let data_files = data::DataFile::all(content, agg);
    let mut jobs: Vec<Job> = data_files.iter().map(|&f| Job::Data(f)).collect();
    jobs.extend(agg.years.iter().zip(&agg.province).filter(|(_, s)| s.branches > 0).map(|(&y, _)| Job::Booklet(y)));
    jobs.extend(agg.latest_year().or(agg.years.last().copied()).map(Job::Home));
    jobs.extend(agg.years.iter().map(|&y| Job::Year(y)));
    jobs.extend((0..content.districts.len()).map(Job::District));
    jobs.extend((0..content.site.branch_types.len()).map(Job::Type));
    jobs.extend([Job::Lists, Job::Criteria, Job::Snapshots]);
    for (di, d) in content.districts.iter().enumerate() {
        jobs.extend((0..d.branches.len()).map(|bi| Job::Branch(di, bi)));
    }

    let pages = AtomicUsize::new(0);
    let progress = progress_bar(content);
    jobs.par_iter().with_max_len(64).try_for_each(|&job| {
        let n = match job {
            Job::Data(f) => {
                f.write(content, agg, opts.date, out)?;
                return Ok(());
            }
            Job::Booklet(y) => r.booklet_page(out, y).map(|_| 1),
            Job::Home(y) => r.year_page(out, y, true).map(|_| 1),
            Job::Year(y) => r.year_page(out, y, false).map(|_| 1),
            Job::District(di) => r.district_page(out, di).map(|_| 1),
            Job::Type(ti) => r.type_page(out, ti).map(|_| 1),
            Job::Branch(di, bi) => r.branch_page(out, di, bi).map(|_| 1),
            Job::Lists => r.list_pages(out).map(|_| 2),
            Job::Criteria => r.criteria_page(out).map(|_| 1),
            Job::Snapshots => r.snapshots_page(out, &extras.snapshots).map(|_| 1),
        }?;
        pages.fetch_add(n, Ordering::Relaxed);
        progress.inc(n as u64);
        Ok::<(), io::Error>(())
    })?;
    timer.lap("render pages and data files");

    // The data page lists the files with their sizes, so it comes last.
    let mut files: Vec<(String, u64)> = data_files
        .iter()
        .map(|f| {
            let name = f.name();
            let size = std::fs::metadata(out.staging().join("data").join(&name))?.len();
            Ok((name, size))
        })
        .collect::<io::Result<_>>()?;
    files.sort();
    r.data_page(out, &files)?;
    pages.fetch_add(1, Ordering::Relaxed);

    progress.finish_and_clear();
    counts.pages = pages.into_inner();
    counts.files += counts.pages + data_files.len();
    counts.charts = count_charts(checked);
    Ok(counts)
}

/// Phase times on stderr when `KIEUMAU_TIMINGS` is set (for the benchmark and profiling).
pub struct Timer(Option<std::sync::Mutex<std::time::Instant>>);

impl Timer {
    pub fn start() -> Timer {
        Timer(std::env::var_os("KIEUMAU_TIMINGS").map(|_| std::sync::Mutex::new(std::time::Instant::now())))
    }

    pub fn lap(&self, phase: &str) {
        if let Some(Ok(mut last)) = self.0.as_ref().map(|m| m.lock()) {
            eprintln!("timing: {phase}: {:.3} s", last.elapsed().as_secs_f64());
            *last = std::time::Instant::now();
        }
    }
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
