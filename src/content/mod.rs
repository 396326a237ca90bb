//! Content: reading a site's files, checking them against the rules, and reporting problems.

pub mod cache;
pub mod diag;
pub mod load;
pub mod syntax;
pub mod validate;

use std::path::Path;

use crate::content::diag::Diagnostics;
use crate::domain::aggregate::{self, Aggregates};
use crate::domain::model::Content;

/// Validated content and its figures.
pub struct Checked {
    pub content: Content,
    pub agg: Aggregates,
}

/// Loads, validates, scores and aggregates the site under `root`; every problem goes to `diags`.
/// With `strict`, warnings count as errors.
pub fn check(root: &Path, strict: bool, diags: &mut Diagnostics) -> Option<Checked> {
    check_cached(root, strict, diags, None)
}

/// [`check`] with the branch cache at `cache` (see [`cache`]).
pub fn check_cached(root: &Path, strict: bool, diags: &mut Diagnostics, cache: Option<&Path>) -> Option<Checked> {
    let content = validate::content_cached(root, diags, cache);
    let checked = content.map(|content| {
        let mut timer = crate::timings::Timer::start();
        let scored = aggregate::score_all(&content);
        timer.lap("score");
        let agg = aggregate::aggregate_scored(&content, scored);
        timer.lap("aggregate");
        validate::figures::warnings(&content, &agg, diags);
        timer.lap("warnings");
        Checked { content, agg }
    });
    if strict {
        diags.make_strict();
    }
    checked.filter(|_| !diags.has_errors())
}
