//! Render: runs the report's jobs (pages and downloads) and writes them into the build's staging folder.

use std::io;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::build::incremental::Deps;
use crate::build::options::BuildOptions;
use crate::build::write::Output;
use crate::content::Checked;
use crate::domain::digest::Key;
use crate::report::pages::Renderer;
use crate::report::theme::Theme;
use crate::report::urls;
use crate::report::{data, search};
use crate::timings::Timer;

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

/// One piece of the site to make; all run in parallel, the big ones first. Each job declares here
/// the files it makes, what each is made from (its key), and how it is counted; `run` makes it.
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

/// The kinds of job whose busy time a build with `KIEUMAU_TIMINGS` reports.
#[derive(Clone, Copy)]
enum Kind {
    Data,
    Booklet,
    Branch,
    District,
    Year,
    Other,
}

impl Kind {
    const ALL: [Kind; 6] = [Kind::Data, Kind::Booklet, Kind::Branch, Kind::District, Kind::Year, Kind::Other];

    fn name(self) -> &'static str {
        match self {
            Kind::Data => "data files",
            Kind::Booklet => "booklets",
            Kind::Branch => "branch pages",
            Kind::District => "district pages",
            Kind::Year => "year pages",
            Kind::Other => "other pages",
        }
    }
}

/// What a job's keys are made from besides the content: see [`Deps`].
struct KeyInputs<'a> {
    deps: &'a Deps,
    /// The snapshot list, as the snapshots page shows it.
    snapshots: &'a [u8],
    /// The build date and the theme, which the district workbooks show.
    date: &'a [u8],
    theme: &'a [u8],
}

impl Job {
    /// The files the job makes, with their keys.
    fn outputs(self, content: &crate::domain::model::Content, k: &KeyInputs) -> Vec<(String, Key)> {
        let whole = |p: String| vec![(p, k.deps.whole(b""))];
        match self {
            Job::Data(f @ data::DataFile::DistrictWorkbook(di)) => {
                let key =
                    crate::domain::digest::key(&[b"district workbook", &k.deps.district_data(di), k.date, k.theme]);
                vec![(urls::data_file(&f.name(content)), key)]
            }
            Job::Data(f) => whole(urls::data_file(&f.name(content))),
            Job::Booklet(y) => whole(urls::booklet(y)),
            Job::Home(_) => vec![(urls::HOME.into(), k.deps.whole(b"home"))],
            Job::Year(y) => whole(urls::year(y)),
            Job::District(di) => vec![(urls::district(&content.districts[di].slug), k.deps.district_page(di))],
            Job::Type(ti) => whole(urls::branch_type(&content.site.branch_types[ti].slug)),
            Job::Branch(di, bi) => {
                let d = &content.districts[di];
                vec![(urls::branch(&d.slug, &d.branches[bi].slug), k.deps.branch_page(di, bi))]
            }
            Job::Lists => vec![(urls::DISTRICTS.into(), k.deps.whole(b"")), (urls::TYPES.into(), k.deps.whole(b""))],
            Job::Criteria => whole(urls::CRITERIA.into()),
            Job::Snapshots => vec![(urls::SNAPSHOTS.into(), k.deps.whole(k.snapshots))],
        }
    }

    fn kind(self) -> Kind {
        match self {
            Job::Data(_) => Kind::Data,
            Job::Booklet(_) => Kind::Booklet,
            Job::Branch(..) => Kind::Branch,
            Job::District(_) => Kind::District,
            Job::Home(_) | Job::Year(_) => Kind::Year,
            _ => Kind::Other,
        }
    }

    /// The HTML pages it makes (the progress bar and the summary count them).
    fn pages(self) -> usize {
        match self {
            Job::Data(_) => 0,
            Job::Lists => 2,
            _ => 1,
        }
    }
}

pub fn render_site(
    checked: &Checked,
    opts: &BuildOptions,
    out: &Output,
    theme: &Theme,
    extras: &Extras,
) -> io::Result<Counts> {
    let mut timer = Timer::start();
    let mut counts = Counts::default();
    let mut r = Renderer::new(checked, theme, opts.report());
    r.banner = extras.banner.clone();
    let (content, agg) = (&checked.content, &checked.agg);

    for (name, bytes) in &theme.statics {
        out.put(&urls::static_file(name), bytes)?;
        counts.files += 1;
    }

    // What every page is made with besides the content.
    let date = opts.date.to_string();
    let latest = agg.latest_year().unwrap_or(0).to_le_bytes();
    let banner = extras.banner.as_ref().map(|b| b.to_string()).unwrap_or_default();
    let base_url = r.base_url();
    let build: [&[u8]; 5] = [&theme.digest, date.as_bytes(), &latest, banner.as_bytes(), base_url.as_bytes()];
    let deps = Deps::new(content, &agg.years, &build);
    let snapshots = serde_json::Value::Array(extras.snapshots.clone()).to_string();
    if out.offer(urls::SEARCH_INDEX, search::key(content))? {
        out.write(urls::SEARCH_INDEX, search::index_js(content).as_bytes())?;
    }
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

    // The photos and documents the notes use, beside the pages that show them.
    let booklets: Vec<i32> =
        jobs.iter().filter_map(|j| if let Job::Booklet(y) = j { Some(*y) } else { None }).collect();
    let home = jobs.iter().find_map(|j| if let Job::Home(y) = j { Some(*y) } else { None });
    for (to, from) in crate::report::files::published(content, home, &booklets) {
        let Ok(i) = content.digests.binary_search_by(|(rel, _)| rel.as_str().cmp(&from)) else { continue };
        if out.offer(&to, crate::domain::digest::key(&[b"note file", &content.digests[i].1]))? {
            out.copy(&to, &opts.root.join(&from))?;
        }
        counts.files += 1;
    }

    let pages = AtomicUsize::new(0);
    let progress = progress_bar(content);
    let busy: [AtomicU64; Kind::ALL.len()] = Default::default();
    let labels = crate::report::xlsx::Labels::from_strings(&theme.strings).map_err(io::Error::other)?;
    let inputs =
        KeyInputs { deps: &deps, snapshots: snapshots.as_bytes(), date: date.as_bytes(), theme: &theme.digest };
    let run = |&job: &Job| {
        let started = crate::timings::enabled().then(std::time::Instant::now);
        let n = job.pages();
        pages.fetch_add(n, Ordering::Relaxed);
        progress.inc(n as u64);
        let stale = job
            .outputs(content, &inputs)
            .into_iter()
            .try_fold(false, |any, (path, key)| Ok::<bool, io::Error>(out.offer(&path, key)? || any))?;
        if !stale {
            return Ok(());
        }
        match job {
            Job::Data(f) => {
                let t = std::time::Instant::now();
                f.write(content, agg, opts.date, out, &deps, &labels)?;
                crate::timings::note(&format!("  {}: {:.3} s", f.name(content), t.elapsed().as_secs_f64()));
            }
            Job::Booklet(y) => r.booklet_page(out, y, &deps)?,
            Job::Home(y) => r.year_page(out, y, true)?,
            Job::Year(y) => r.year_page(out, y, false)?,
            Job::District(di) => r.district_page(out, di, &deps.district_version(di))?,
            Job::Type(ti) => r.type_page(out, ti)?,
            Job::Branch(di, bi) => r.branch_page(out, di, bi, &deps.branch_version(di, bi))?,
            Job::Lists => r.list_pages(out)?,
            Job::Criteria => r.criteria_page(out)?,
            Job::Snapshots => r.snapshots_page(out, &extras.snapshots)?,
        }
        if let Some(t) = started {
            busy[job.kind() as usize].fetch_add(t.elapsed().as_micros() as u64, Ordering::Relaxed);
        }
        Ok::<(), io::Error>(())
    };
    // The few big jobs one by one, so that both cores take them; the many pages in chunks.
    let heavy = jobs.iter().take_while(|j| matches!(j, Job::Data(_) | Job::Booklet(_))).count();
    let (big, small) = jobs.split_at(heavy);
    let (a, b) = rayon::join(
        || big.par_iter().with_max_len(1).try_for_each(run),
        || small.par_iter().with_max_len(64).try_for_each(run),
    );
    a.and(b)?;
    timer.lap("render pages and data files"); // not a message: a timing label
    for (kind, b) in Kind::ALL.iter().zip(&busy) {
        crate::timings::note(&format!("  {}: {:.3} s busy", kind.name(), b.load(Ordering::Relaxed) as f64 / 1e6));
    }

    // The data page lists the files with their sizes, so it comes last.
    let mut files: Vec<(String, u64)> = data_files
        .iter()
        .map(|f| {
            let name = f.name(content);
            let size = std::fs::metadata(out.staging().join("data").join(&name))?.len();
            Ok((name, size))
        })
        .collect::<io::Result<_>>()?;
    files.sort();
    if out.offer(urls::DATA, deps.whole(b"data page"))? {
        r.data_page(out, &files)?;
    }
    pages.fetch_add(1, Ordering::Relaxed);

    progress.finish_and_clear();
    counts.pages = pages.into_inner();
    counts.files += counts.pages + data_files.len();
    counts.charts = count_charts(checked);
    Ok(counts)
}

/// A progress bar over the pages on a terminal; nothing when stderr is not one.
fn progress_bar(content: &crate::domain::model::Content) -> indicatif::ProgressBar {
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
