//! The build: the whole pipeline as the commands run it, the outputs' state, writing, snapshots.

pub mod incremental;
pub mod render;
pub mod snapshot;
pub mod splice;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::build::write::Output;
use crate::content::diag::Diagnostics;
use crate::content::validate;
use crate::domain::aggregate::{self, Aggregates};
use crate::domain::model::Content;
use crate::report::{i18n::Format, theme::Theme};

/// Validated content and its figures.
pub struct Checked {
    pub content: Content,
    pub agg: Aggregates,
}

/// Why a command failed: the content (exit 1) or the machine (exit 2).
#[derive(Debug)]
pub enum Failure {
    Content,
    /// The theme's templates or translations are broken (exit 1: the site's files need fixing).
    Theme(String),
    Io(String),
}

/// Loads, validates, scores and aggregates the site under `root`; every problem goes to `diags`.
/// With `strict`, warnings count as errors.
pub fn check(root: &Path, strict: bool, diags: &mut Diagnostics) -> Option<Checked> {
    check_cached(root, strict, diags, None)
}

/// [`check`] with the branch cache at `cache` (see [`validate::cache`]).
pub fn check_cached(root: &Path, strict: bool, diags: &mut Diagnostics, cache: Option<&Path>) -> Option<Checked> {
    let content = validate::content_cached(root, diags, cache);
    let checked = content.map(|content| {
        let mut timer = crate::timings::Timer::start();
        let scored = aggregate::score_all(&content);
        timer.lap("score");
        let agg = aggregate::aggregate_scored(&content, scored);
        timer.lap("aggregate");
        aggregate::warnings(&content, &agg, diags);
        timer.lap("warnings");
        Checked { content, agg }
    });
    if strict {
        diags.make_strict();
    }
    checked.filter(|_| !diags.has_errors())
}

pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    /// The build date shown in footers (`SOURCE_DATE_EPOCH` or today).
    pub date: jiff::civil::Date,
}

impl BuildOptions {
    pub fn new(root: &Path) -> Self {
        BuildOptions { root: root.to_path_buf(), output: root.join("output"), base_url: None, date: build_date() }
    }
}

/// Today, or the day of `SOURCE_DATE_EPOCH` when it is set (reproducible builds).
pub fn build_date() -> jiff::civil::Date {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
    match epoch.and_then(|s| jiff::Timestamp::from_second(s).ok()) {
        Some(ts) => ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
        None => jiff::ZonedDateTime::now().date(),
    }
}

pub struct BuildSummary {
    /// How many files were written, and how many carried over from the last builds.
    pub reuse: crate::build::write::Reuse,
    pub files: usize,
    pub pages: usize,
    pub charts: usize,
    pub elapsed: Duration,
}

/// Builds the site into a staging folder and swaps it in; on any failure the old output stays.
pub fn build(opts: &BuildOptions, diags: &mut Diagnostics) -> Result<BuildSummary, Failure> {
    let started = Instant::now();
    // The branch cache is written beside the rendering; whatever happens, wait for it.
    struct WaitForCache;
    impl Drop for WaitForCache {
        fn drop(&mut self) {
            crate::content::cache::wait_for_save();
        }
    }
    let _cache_written = WaitForCache;
    let cache = crate::build::incremental::cache_path(&opts.output);
    // The output's state is read while the content is checked.
    let (checked, claim) = std::thread::scope(|scope| {
        let claim = scope.spawn(|| Output::claim(&opts.output));
        let checked = check_cached(&opts.root, false, diags, cache.as_deref());
        (checked, claim.join())
    });
    let checked = checked.ok_or(Failure::Content)?;
    let io = |e: std::io::Error| Failure::Io(format!("cannot write the output to {}: {e}", opts.output.display()));
    let claim = claim.map_err(|_| Failure::Io("reading the output's state failed".into()))?.map_err(io)?;
    let mut timer = crate::timings::Timer::start();
    let theme = Theme::load(&opts.root, checked.content.site.theme.as_deref(), checked.content.site.language.code())
        .map_err(Failure::Theme)?;
    timer.lap("theme");
    let out = Output::resume(claim).map_err(io)?;
    timer.lap("output: trees");
    let extras = render::Extras { snapshots: snapshot_views(&checked, opts), banner: None };
    let rendered = render::render_site(&checked, opts, &out, &theme, &extras)
        .and_then(|counts| Ok((counts, snapshot::copy_into(&opts.root, &out)?)));
    match rendered {
        Ok((counts, snapshot_files)) => {
            timer.lap("render (all)");
            let reuse = out.commit().map_err(io)?;
            timer.lap("commit: swap and state");
            // Freeing a national site's values takes a while: not on the way to the exit.
            std::thread::spawn(move || drop(checked));
            Ok(BuildSummary {
                reuse,
                files: counts.files + snapshot_files,
                pages: counts.pages,
                charts: counts.charts,
                elapsed: started.elapsed(),
            })
        }
        Err(e) => {
            out.abort();
            Err(io(e))
        }
    }
}

/// The listed snapshots for the snapshots page, newest first.
fn snapshot_views(checked: &Checked, opts: &BuildOptions) -> Vec<serde_json::Value> {
    let fmt = Format { lang: checked.content.site.language };
    snapshot::list(&opts.root)
        .into_iter()
        .filter(|s| !s.manifest.unlisted)
        .map(|s| {
            serde_json::json!({
                "label": s.manifest.label,
                "date": fmt.date_text(&s.manifest.date),
                "version": s.manifest.content_hash.get(..8).unwrap_or_default(),
                "url": format!("snapshots/{}/index.html", s.id),
            })
        })
        .collect()
}
