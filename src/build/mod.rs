//! The build: the whole pipeline as the commands run it, the outputs' state, writing, snapshots.

pub mod guard;
pub mod incremental;
pub mod options;
pub mod render;
pub mod snapshot;
pub mod splice;
pub mod write;

use std::time::Instant;

use crate::build::write::Output;
use crate::content::diag::Diagnostics;
use crate::report::i18n::Format;
use crate::report::theme::{TemplateError, Theme};
use crate::report::urls;

pub use crate::content::{Checked, check, check_cached};
pub use options::{BuildOptions, BuildSummary, Failure, build_date};

/// Files made beside the output that a failed build removes again.
struct NewBeside(Vec<std::path::PathBuf>);

impl Drop for NewBeside {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Builds the site into a staging folder and swaps it in; on any failure the old output stays.
pub fn build(opts: &BuildOptions, diags: &mut Diagnostics) -> Result<BuildSummary, Failure> {
    let started = Instant::now();
    // Before anything is made or read: the output must not be the site or anybody else's files.
    guard::check(&opts.root, &opts.output, opts.force).map_err(|m| Failure::Io(m.failure_text()))?;
    // The branch cache is written beside the rendering; whatever happens, wait for it.
    struct WaitForCache;
    impl Drop for WaitForCache {
        fn drop(&mut self) {
            crate::content::cache::wait_for_save();
        }
    }
    // A failed build leaves nothing new beside the site: the files it made there go (dropped
    // after the cache is written and the output's lock released).
    let mut made_beside = NewBeside(
        [incremental::cache_path(&opts.output), Some(incremental::lock_path(&opts.output))]
            .into_iter()
            .flatten()
            .filter(|p| std::fs::symlink_metadata(p).is_err())
            .collect(),
    );
    let _cache_written = WaitForCache;
    let cache = crate::build::incremental::cache_path(&opts.output);
    // The output's state is read while the content is checked.
    let (checked, claim) = std::thread::scope(|scope| {
        let claim = scope.spawn(|| Output::claim(&opts.output));
        let checked = check_cached(&opts.root, false, diags, cache.as_deref());
        (checked, claim.join())
    });
    let checked = checked.ok_or(Failure::Content)?;
    // A snapshot is published only as it was frozen.
    if !snapshot::verify(&opts.root, diags) {
        return Err(Failure::Content);
    }
    let io = |e: std::io::Error| match e.get_ref().and_then(|r| r.downcast_ref::<TemplateError>()) {
        Some(t) => Failure::Theme(t.to_string()),
        None => Failure::Io(crate::msg!("build-cannot-write", dir = &opts.output, reason = e.to_string())),
    };
    let claim = claim.map_err(|_| Failure::Io(crate::msg!("build-state-failed")))?.map_err(io)?;
    let mut timer = crate::timings::Timer::start();
    let theme = Theme::for_site(&opts.root, &checked.content.site).map_err(Failure::Theme)?;
    timer.lap("theme");
    let out = Output::resume(claim).map_err(io)?;
    timer.lap("output: trees");
    let extras = render::Extras { snapshots: snapshot_views(&checked, opts), banner: None };
    let rendered = render::render_site(&checked, opts, &out, &theme, &extras)
        .and_then(|counts| Ok((counts, snapshot::copy_into(&opts.root, &out)?)))
        .and_then(|done| out.put(guard::MARK, guard::MARK_BYTES).map(|()| done));
    match rendered {
        Ok((counts, snapshot_files)) => {
            timer.lap("render (all)");
            let reuse = out.commit().map_err(io)?;
            timer.lap("commit: swap and state"); // not a message: a timing label
            // Freeing a national site's values takes a while: not on the way to the exit.
            std::thread::spawn(move || drop(checked));
            made_beside.0.clear();
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
                "url": urls::snapshot(&s.id),
            })
        })
        .collect()
}
