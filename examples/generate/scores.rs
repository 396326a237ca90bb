//! Simulation: branches, yearly scores, ratings and model status.

use crate::*;
use kieumau::domain::model::Hundredths;
use kieumau::domain::score::reaches_model_pct;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;

/// Approximately standard normal, from uniforms only (bit-identical on every platform).
pub(crate) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let s: f64 = (0..6).map(|_| rng.random::<f64>()).sum();
    (s - 3.0) * std::f64::consts::SQRT_2
}

pub(crate) struct Branch<'a> {
    pub(crate) seed: &'a BranchSeed,
    pub(crate) slug: String,
    pub(crate) members: u32,
    pub(crate) quality: f64,
    pub(crate) start: u16,
    pub(crate) gap: Option<u16>,
    pub(crate) pilot: Option<u16>,
}

pub(crate) struct Assessment {
    pub(crate) year: u16,
    pub(crate) framework: usize,
    pub(crate) rating: usize,
    pub(crate) vetoes: Vec<&'static str>,
    /// Scores of the applicable criteria, in the framework's order, in hundredths.
    pub(crate) scores: Vec<u32>,
    /// Model status (does not depend on HTXSNV versus HTTNV).
    pub(crate) model: bool,
    pub(crate) pct_x100: u64,
    /// The committee's view of the branch, used to award excellent ratings.
    pub(crate) judged: f64,
}

impl Branch<'_> {
    pub(crate) fn assessed(&self, year: u16) -> bool {
        year >= self.start && self.gap != Some(year)
    }
}

/// Slugs, members, latent quality, first year and gap year of every branch.
pub(crate) fn make_branches<'a>(
    rng: &mut ChaCha8Rng,
    seeds: &'a [BranchSeed],
    years: Years,
    sample: bool,
) -> Vec<Branch<'a>> {
    let mut taken = BTreeSet::new();
    taken.insert("district".to_string());
    seeds
        .iter()
        .map(|seed| {
            let slug = unique_slug(&mut taken, branch_slug(seed, sample));
            let members = rng.random_range(seed.members.0..=seed.members.1);
            let weak = if rng.random_bool(0.08) { -6.0 } else { 0.0 };
            let level = if seed.parent.is_none() { 1.5 } else { 0.0 };
            let ty = [-0.3, 0.3, 0.3, 1.0, -0.8][seed.ty];
            let quality = 4.0 * normal(rng) + weak + level + ty;
            let start = if years.len() > 1 && rng.random_bool(0.03) { years.first + 1 } else { years.first };
            let gap_p = if sample { 0.004 } else { 0.003 };
            let gap = (years.len() >= 3 && start == years.first && rng.random_bool(gap_p)).then_some(years.first + 1);
            Branch { seed, slug, members, quality, start, gap, pilot: None }
        })
        .collect()
}

/// Slug from the name without "Chi bộ"; subordinate branches in the sample are prefixed with
/// their parent's short slug ("dong-xa-thon-thuong-phuc").
pub(crate) fn branch_slug(seed: &BranchSeed, sample: bool) -> String {
    let bare = seed.name.strip_prefix("Chi bộ ").unwrap_or(&seed.name);
    let base = slugify(bare);
    match &seed.parent {
        Some(p) if sample && !p.short.is_empty() => format!("{}-{base}", p.short),
        _ => base,
    }
}

pub(crate) fn unique_slug(taken: &mut BTreeSet<String>, base: String) -> String {
    if taken.insert(base.clone()) {
        return base;
    }
    (2..).map(|i| format!("{base}-{i}")).find(|s| taken.insert(s.clone())).unwrap_or(base)
}

/// Picks pilots: in each type present, 1-3 of the better branches (or the planted number).
pub(crate) fn choose_pilots(rng: &mut ChaCha8Rng, spec: &DistrictSpec, branches: &mut [Branch], years: Years) {
    for ty in 0..TYPES.len() {
        let mut candidates: Vec<(f64, usize)> = branches
            .iter()
            .enumerate()
            .filter(|(_, b)| b.seed.ty == ty && b.gap.is_none())
            .map(|(i, b)| (b.quality + 3.0 * normal(rng), i))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let wanted = match spec.pilot_override.iter().find(|(t, _)| *t == ty) {
            Some(&(_, n)) => n,
            None => [1, 2, 2, 3, 3][rng.random_range(0..5)],
        };
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in candidates.iter().take(wanted) {
            let b = &mut branches[i];
            let later = years.len() > 1 && rng.random_bool(0.05);
            b.pilot = Some(if later || b.start > years.first { years.first + 1 } else { years.first });
        }
    }
}

/// One year's assessment of one branch.
pub(crate) fn assess(rng: &mut ChaCha8Rng, ctx: &Ctx, tuning: Tuning, b: &Branch, year: u16) -> Assessment {
    let fi = framework_for(&ctx.frameworks, year);
    let fw = &ctx.frameworks[fi];
    let k = f64::from((year - ctx.years.first).min(5));
    let mut mean = 83.0 + tuning.offset + tuning.growth * k + b.quality + 2.0 * normal(rng);
    if b.pilot.is_some_and(|py| year >= py) {
        mean += 2.5;
    }
    let vetoes = draw_vetoes(rng, fw);
    if !vetoes.is_empty() {
        mean -= 3.0;
    }
    let ty = b.seed.ty;
    let scores: Vec<u32> = fw.applicable[ty].iter().map(|&ci| score(rng, &fw.criteria[ci], mean)).collect();
    let total: u32 = scores.iter().sum();
    let max = fw.type_max[ty];
    let pct = f64::from(total) * 100.0 / f64::from(max);
    let judged = judge(rng, pct);
    let rating = base_rating(judged, !vetoes.is_empty());
    let mins_met = fw.applicable[ty].iter().zip(&scores).all(|(&ci, &s)| fw.criteria[ci].min.is_none_or(|m| s >= m));
    // The library's own threshold, so the narratives quote the figures the site shows.
    let model = reaches_model_pct(Hundredths(i64::from(total)), Hundredths(i64::from(max)), MODEL_MIN_PCT_HUNDREDTHS)
        && rating <= HTTNV
        && mins_met
        && vetoes.is_empty();
    Assessment {
        year,
        framework: fi,
        rating,
        vetoes,
        scores,
        model,
        pct_x100: u64::from(total) * 10_000 / u64::from(max),
        judged,
    }
}

/// About 1.3% of branch-years have a veto (mostly a disciplined member).
pub(crate) fn draw_vetoes(rng: &mut ChaCha8Rng, fw: &Framework) -> Vec<&'static str> {
    if !rng.random_bool(0.013) {
        return Vec::new();
    }
    let r = rng.random::<f64>();
    let i = if r < 0.65 {
        0
    } else if r < 0.85 || fw.vetoes.len() < 3 {
        1
    } else {
        2
    };
    vec![fw.vetoes[i.min(fw.vetoes.len() - 1)].0]
}

/// A criterion's score around `mean` percent, on a 0.5 grid (0.25 for maxima up to 5 points).
pub(crate) fn score(rng: &mut ChaCha8Rng, c: &Criterion, mean: f64) -> u32 {
    let step = if c.max <= 500 { 25 } else { 50 };
    let f = mean / 100.0 + 0.045 * normal(rng);
    let steps = (f64::from(c.max) * f / f64::from(step)).round();
    let top = f64::from(c.max / step);
    (steps.clamp(0.0, top) as u32) * step
}

/// The committee's judgement of a branch-year: the score with some discretion.
pub(crate) fn judge(rng: &mut ChaCha8Rng, pct: f64) -> f64 {
    pct + 2.5 * normal(rng)
}

/// The rating before excellent ratings are awarded (see `award_excellent`).
/// A veto (a disciplined member) weighs on the rating as well.
pub(crate) fn base_rating(judged: f64, veto: bool) -> usize {
    let (good, done) = if veto { (84.0, 74.0) } else { (76.3, 69.5) };
    if judged >= good {
        HTTNV
    } else if judged >= done {
        HTNV
    } else {
        KHTNV
    }
}

/// Each year the district committee rates its best good branches "excellent", within a quota of
/// about 13% of the good ones (HTXSNV about 15% of HTTNV, under the 20% cap); lenient districts
/// award more and exceed the cap. Only branches judged 85% or better qualify.
pub(crate) fn award_excellent(rng: &mut ChaCha8Rng, ctx: &Ctx, tuning: Tuning, all: &mut [Vec<Assessment>]) {
    for year in ctx.years.iter() {
        let mut good: Vec<(f64, usize, usize)> = Vec::new();
        for (bi, list) in all.iter().enumerate() {
            for (ai, a) in list.iter().enumerate() {
                if a.year == year && a.rating == HTTNV && a.vetoes.is_empty() {
                    good.push((a.judged, bi, ai));
                }
            }
        }
        let share = 0.13 * tuning.lenient * (0.85 + 0.3 * rng.random::<f64>());
        let quota = (good.len() as f64 * share).round() as usize;
        good.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(judged, bi, ai) in good.iter().take(quota) {
            if judged >= 85.0 {
                all[bi][ai].rating = HTXSNV;
            }
        }
    }
}
