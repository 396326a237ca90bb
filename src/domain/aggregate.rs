//! Aggregate: figures for every unit and year (SPEC section 3), target results, pilot compliance.
//!
//! A branch counts in a year if and only if it has an assessment for that year. Province, type
//! and level figures are sums of district figures, so the totals agree by construction.

use rayon::prelude::*;

use crate::domain::model::{Content, District, Level, Metric, Ratio, Scope, Target};
use crate::domain::score::{self, Scored};

/// Counts for one unit in one year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub branches: u32,
    /// Indexed like `Site::ratings`.
    pub per_rating: Vec<u32>,
    pub good: u32,
    pub model: u32,
    pub pilots: u32,
    pub pilots_model: u32,
    pub members: u64,
    /// `(type maximum, sum of totals)` in hundredths, per distinct maximum: the exact mean's parts.
    score_sums: Vec<(i64, i64)>,
}

impl Stats {
    fn new(ratings: usize) -> Self {
        Stats { per_rating: vec![0; ratings], ..Stats::default() }
    }

    fn add(&mut self, s: &Scored, members: u32) {
        self.branches += 1;
        if let Some(n) = self.per_rating.get_mut(s.rating) {
            *n += 1;
        }
        self.good += u32::from(s.good);
        self.model += u32::from(s.model);
        self.pilots += u32::from(s.pilot);
        self.pilots_model += u32::from(s.pilot && s.model);
        self.members += u64::from(members);
        self.add_score(s.max.0, s.total.0);
    }

    fn add_score(&mut self, max: i64, total: i64) {
        match self.score_sums.iter_mut().find(|(m, _)| *m == max) {
            Some((_, sum)) => *sum += total,
            None => {
                self.score_sums.push((max, total));
                self.score_sums.sort_unstable();
            }
        }
    }

    fn merge(&mut self, other: &Stats) {
        self.branches += other.branches;
        for (a, b) in self.per_rating.iter_mut().zip(&other.per_rating) {
            *a += b;
        }
        self.good += other.good;
        self.model += other.model;
        self.pilots += other.pilots;
        self.pilots_model += other.pilots_model;
        self.members += other.members;
        for &(m, t) in &other.score_sums {
            self.add_score(m, t);
        }
    }

    fn share(&self, count: u32) -> Option<Ratio> {
        Ratio::new(i128::from(count), i128::from(self.branches))
    }

    pub fn good_pct(&self) -> Option<Ratio> {
        self.share(self.good)
    }

    pub fn model_pct(&self) -> Option<Ratio> {
        self.share(self.model)
    }

    pub fn metric(&self, metric: Metric) -> Option<Ratio> {
        match metric {
            Metric::GoodOrBetter => self.good_pct(),
            Metric::Model => self.model_pct(),
        }
    }

    /// The mean of the branches' score percentages, exactly: (Σ total_i / max_i) / n.
    pub fn mean_score_pct(&self) -> Option<Ratio> {
        if self.branches == 0 {
            return None;
        }
        let lcm = self.score_sums.iter().fold(1i128, |acc, &(m, _)| lcm(acc, i128::from(m.max(1))));
        let num: i128 = self.score_sums.iter().map(|&(m, t)| i128::from(t) * (lcm / i128::from(m.max(1)))).sum();
        Ratio::new(num, lcm * i128::from(self.branches))
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

fn lcm(a: i128, b: i128) -> i128 {
    a / gcd(a, b) * b
}

/// One target in one year.
#[derive(Debug, Clone)]
pub struct TargetYear {
    pub year: i32,
    /// Province-wide value (for district targets too, as context).
    pub value: Option<Ratio>,
    /// For district targets: each district's value and whether it meets the threshold
    /// (`None` where the district has no branch in scope that year). Empty for province targets.
    pub districts: Vec<Option<(Ratio, bool)>>,
    /// Met: the province value meets it, or every district in scope does. `None`: nothing to measure.
    pub met: Option<bool>,
}

impl TargetYear {
    pub fn districts_met(&self) -> usize {
        self.districts.iter().flatten().filter(|(_, ok)| *ok).count()
    }
    pub fn districts_counted(&self) -> usize {
        self.districts.iter().flatten().count()
    }
}

/// A district's pilots in one branch type against the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PilotCheck {
    pub district: usize,
    pub type_idx: usize,
    pub pilots: u32,
    pub ok: bool,
}

/// Every computed figure of a site.
/// A latest year whose data is still coming in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialYear {
    pub year: i32,
    /// The year before it with assessments, shown instead by default.
    pub previous: i32,
    /// Branches assessed in `year`, and in `previous`.
    pub count: u32,
    pub known: u32,
}

#[derive(Debug, Clone)]
pub struct Aggregates {
    pub years: Vec<i32>,
    /// `[district][branch]`: the branch's scored years, in year order.
    pub scored: Vec<Vec<Vec<Scored>>>,
    /// Indexed `[year]`.
    pub province: Vec<Stats>,
    /// `[district][year]`.
    pub districts: Vec<Vec<Stats>>,
    /// `[type][year]`.
    pub types: Vec<Vec<Stats>>,
    /// `[district][type][year]`.
    pub district_types: Vec<Vec<Vec<Stats>>>,
    /// `[level][year]`, levels in `Level::ALL` order.
    pub levels: Vec<Vec<Stats>>,
    /// `[district][level][year]`.
    pub district_levels: Vec<Vec<Vec<Stats>>>,
    /// `[target][year]`.
    pub targets: Vec<Vec<TargetYear>>,
    pub pilot_checks: Vec<PilotCheck>,
}

impl Aggregates {
    pub fn year_index(&self, year: i32) -> Option<usize> {
        self.years.iter().position(|&y| y == year)
    }

    /// The year in view on the front page: the latest year with assessments, unless that year is
    /// still coming in ([`incomplete_year`](Self::incomplete_year)), then the year before it.
    pub fn latest_year(&self) -> Option<i32> {
        match self.incomplete_year() {
            Some(partial) => Some(partial.previous),
            None => self.latest_assessed().map(|(y, _)| y),
        }
    }

    fn latest_assessed(&self) -> Option<(i32, usize)> {
        self.years
            .iter()
            .zip(&self.province)
            .enumerate()
            .rev()
            .find(|(_, (_, s))| s.branches > 0)
            .map(|(i, (&y, _))| (y, i))
    }

    /// The latest year with assessments when it is still being entered: fewer than half the
    /// branches assessed the year before, or a district that had assessments then has none yet
    /// (districts send their sheets one by one). Its figures rest on the few branches entered (one
    /// of five branches in 2026 made both targets "met"), so it is not the year shown by default.
    pub fn incomplete_year(&self) -> Option<PartialYear> {
        let (year, i) = self.latest_assessed()?;
        let (j, (previous, before)) =
            self.years.get(..i)?.iter().zip(&self.province).enumerate().rev().find(|(_, (_, s))| s.branches > 0)?;
        let (count, known) = (self.province.get(i)?.branches, before.branches);
        let district_missing = self
            .districts
            .iter()
            .any(|d| d.get(j).is_some_and(|s| s.branches > 0) && d.get(i).is_some_and(|s| s.branches == 0));
        (count * 2 < known || district_missing).then_some(PartialYear { year, previous: *previous, count, known })
    }
}

fn level_index(l: Level) -> usize {
    Level::ALL.iter().position(|&x| x == l).unwrap_or(0)
}

struct DistrictFigures {
    stats: Vec<Stats>,
    by_type: Vec<Vec<Stats>>,
    by_level: Vec<Vec<Stats>>,
}

/// Every branch's scored years, `[district][branch]`, the districts in parallel.
pub fn score_all(content: &Content) -> Vec<Vec<Vec<Scored>>> {
    let (site, frameworks) = (&content.site, &content.frameworks);
    content
        .districts
        .par_iter()
        .map(|d| d.branches.iter().map(|b| score::score_branch(site, frameworks, b)).collect())
        .collect()
}

fn district_figures(content: &Content, d: &District, scored: &[Vec<Scored>], years: &[i32]) -> DistrictFigures {
    let site = &content.site;
    let nr = site.ratings.len();
    let blank = || vec![Stats::new(nr); years.len()];
    let mut f = DistrictFigures {
        stats: blank(),
        by_type: vec![blank(); site.branch_types.len()],
        by_level: vec![blank(); Level::ALL.len()],
    };
    let first = years.first().copied().unwrap_or(0);
    for (b, scored) in d.branches.iter().zip(scored) {
        for s in scored {
            let Some(yi) = usize::try_from(s.year - first).ok().filter(|&i| i < years.len()) else {
                continue;
            };
            f.stats[yi].add(s, s.members);
            f.by_type[b.type_idx][yi].add(s, s.members);
            f.by_level[level_index(b.level)][yi].add(s, s.members);
        }
    }
    f
}

/// Sums `[unit][year]` series over districts.
fn sum_series<'a>(parts: impl Iterator<Item = &'a Vec<Stats>>, years: usize, ratings: usize) -> Vec<Stats> {
    let mut out = vec![Stats::new(ratings); years];
    for series in parts {
        for (o, s) in out.iter_mut().zip(series) {
            o.merge(s);
        }
    }
    out
}

pub fn aggregate(content: &Content) -> Aggregates {
    aggregate_scored(content, score_all(content))
}

/// [`aggregate`] from the scores [`score_all`] gave.
pub fn aggregate_scored(content: &Content, scored: Vec<Vec<Vec<Scored>>>) -> Aggregates {
    let site = &content.site;
    let years: Vec<i32> = site.years().collect();
    let nr = site.ratings.len();
    let figures: Vec<DistrictFigures> = content
        .districts
        .par_iter()
        .zip(&scored)
        .map(|(d, scored)| district_figures(content, d, scored, &years))
        .collect();

    let province = sum_series(figures.iter().map(|f| &f.stats), years.len(), nr);
    let types = (0..site.branch_types.len())
        .map(|t| sum_series(figures.iter().map(|f| &f.by_type[t]), years.len(), nr))
        .collect();
    let levels =
        (0..Level::ALL.len()).map(|l| sum_series(figures.iter().map(|f| &f.by_level[l]), years.len(), nr)).collect();

    let mut agg = Aggregates {
        years,
        scored,
        province,
        districts: Vec::with_capacity(figures.len()),
        types,
        district_types: Vec::with_capacity(figures.len()),
        levels,
        district_levels: Vec::with_capacity(figures.len()),
        targets: Vec::new(),
        pilot_checks: Vec::new(),
    };
    for f in figures {
        agg.districts.push(f.stats);
        agg.district_types.push(f.by_type);
        agg.district_levels.push(f.by_level);
    }
    agg.targets = site.targets.iter().map(|t| evaluate_target(&agg, t)).collect();
    agg.pilot_checks = pilot_checks(content);
    agg
}

fn evaluate_target(agg: &Aggregates, target: &Target) -> Vec<TargetYear> {
    let scoped = |series: &[Vec<Stats>], yi: usize| -> Option<Ratio> {
        match target.level {
            Some(l) => series.get(level_index(l))?.get(yi)?.metric(target.metric),
            None => None,
        }
    };
    agg.years
        .iter()
        .enumerate()
        .map(|(yi, &year)| {
            let value = match target.level {
                Some(_) => scoped(&agg.levels, yi),
                None => agg.province.get(yi).and_then(|s| s.metric(target.metric)),
            };
            match target.scope {
                Scope::Province => {
                    TargetYear { year, value, districts: Vec::new(), met: value.map(|v| target.threshold.is_met(v)) }
                }
                Scope::District => {
                    let districts: Vec<Option<(Ratio, bool)>> = (0..agg.districts.len())
                        .map(|d| {
                            let v = match target.level {
                                Some(_) => scoped(&agg.district_levels[d], yi),
                                None => agg.districts[d].get(yi).and_then(|s| s.metric(target.metric)),
                            };
                            v.map(|v| (v, target.threshold.is_met(v)))
                        })
                        .collect();
                    let counted = districts.iter().flatten().count();
                    let met = (counted > 0).then(|| districts.iter().flatten().all(|(_, ok)| *ok));
                    TargetYear { year, value, districts, met }
                }
            }
        })
        .collect()
}

fn pilot_checks(content: &Content) -> Vec<PilotCheck> {
    let Some(rule) = content.site.pilots else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (di, d) in content.districts.iter().enumerate() {
        for t in 0..content.site.branch_types.len() {
            let of_type = || d.branches.iter().filter(|b| b.type_idx == t);
            if of_type().next().is_none() {
                continue; // the rule covers only the types a district has
            }
            let pilots = of_type().filter(|b| b.pilot.is_some()).count() as u32;
            out.push(PilotCheck { district: di, type_idx: t, pilots, ok: (rule.min..=rule.max).contains(&pilots) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Hundredths;

    fn scored(rating: usize, total: i64, max: i64, good: bool, model: bool, pilot: bool) -> Scored {
        Scored {
            year: 2022,
            members: 30,
            rating,
            total: Hundredths(total),
            max: Hundredths(max),
            good,
            mins_met: true,
            vetoed: false,
            model,
            pilot,
        }
    }

    #[test]
    fn counts_and_shares() {
        let mut s = Stats::new(4);
        s.add(&scored(0, 9500, 10000, true, true, true), 10);
        s.add(&scored(1, 8000, 10000, true, false, true), 20);
        s.add(&scored(2, 7000, 10000, false, false, false), 30);
        assert_eq!(s.branches, 3);
        assert_eq!(s.per_rating, vec![1, 1, 1, 0]);
        assert_eq!((s.good, s.model, s.pilots, s.pilots_model, s.members), (2, 1, 2, 1, 60));
        assert_eq!(s.good_pct().unwrap().pct_tenths(), 667);
        assert_eq!(s.model_pct().unwrap().pct_tenths(), 333);
        // (95 + 80 + 70) / 3 = 81.666…%
        assert_eq!(s.mean_score_pct().unwrap().pct_tenths(), 817);
    }

    #[test]
    fn mean_over_different_maxima_is_exact() {
        let mut s = Stats::new(4);
        s.add(&scored(1, 8550, 9500, true, true, false), 1); // 90%
        s.add(&scored(1, 8000, 10000, true, false, false), 1); // 80%
        let m = s.mean_score_pct().unwrap();
        assert!(m.at_least(Hundredths::from_units(85)) && !m.more_than(Hundredths::from_units(85)));
    }

    #[test]
    fn merge_equals_adding_everything() {
        let items = [scored(0, 9000, 10000, true, true, false), scored(3, 100, 9500, false, false, true)];
        let mut all = Stats::new(4);
        let (mut a, mut b) = (Stats::new(4), Stats::new(4));
        all.add(&items[0], 5);
        all.add(&items[1], 7);
        a.add(&items[0], 5);
        b.add(&items[1], 7);
        a.merge(&b);
        assert_eq!(a, all);
    }

    #[test]
    fn empty_unit_has_no_shares() {
        let s = Stats::new(4);
        assert!(s.good_pct().is_none() && s.mean_score_pct().is_none());
    }
}
