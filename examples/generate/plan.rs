//! Generation context: districts, their branch plans and per-year tallies.

use crate::*;

/// A grassroots party organisation that subordinate branches sit under.
#[derive(Clone)]
pub(crate) struct Parent {
    /// e.g. "Đảng bộ xã Đông Xá".
    pub(crate) name: String,
    /// Slug prefix for its branches, e.g. "dong-xa".
    pub(crate) short: String,
}

/// A branch as planned, before the simulation.
pub(crate) struct BranchSeed {
    pub(crate) name: String,
    pub(crate) ty: usize,
    pub(crate) subtype: &'static str,
    pub(crate) parent: Option<Parent>,
    pub(crate) members: (u32, u32),
}

pub(crate) enum Source {
    /// A fixed plan (sample mode).
    Planned(Vec<BranchSeed>),
    /// `count` generated branches (synthetic mode).
    Synthetic { count: usize },
}

/// Knobs of the simulation for one district.
#[derive(Clone, Copy)]
pub(crate) struct Tuning {
    /// Shift of the district's mean score, in percentage points.
    pub(crate) offset: f64,
    /// Yearly improvement, in percentage points.
    pub(crate) growth: f64,
    /// Multiplier of the chance of an excellent rating.
    pub(crate) lenient: f64,
}

impl Tuning {
    const NORMAL: Tuning = Tuning { offset: 0.0, growth: 1.25, lenient: 1.0 };
    pub(crate) fn offset(offset: f64) -> Tuning {
        Tuning { offset, ..Tuning::NORMAL }
    }
}

/// Notes to write for a district.
#[derive(Clone, Copy, Default)]
pub(crate) struct NotePlan {
    pub(crate) district: bool,
    pub(crate) district_year: Option<u16>,
    /// Number of branches (pilots, best first) that get a `<branch>.md`.
    pub(crate) branches: usize,
    /// How many of those also get a `<branch>.<year>.md`.
    pub(crate) branch_years: usize,
}

pub(crate) struct DistrictSpec {
    pub(crate) slug: String,
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    pub(crate) order: usize,
    pub(crate) tuning: Tuning,
    pub(crate) source: Source,
    /// Planted deviations from the pilot rule: (type, number of pilots).
    pub(crate) pilot_override: Vec<(usize, usize)>,
    pub(crate) notes: NotePlan,
}

pub(crate) struct Ctx {
    pub(crate) sample: bool,
    pub(crate) seed: u64,
    pub(crate) years: Years,
    pub(crate) organisation: String,
    pub(crate) frameworks: Vec<Framework>,
    pub(crate) districts: Vec<DistrictSpec>,
}

/// Per district and year: the figures the review narratives quote.
#[derive(Clone, Default)]
pub(crate) struct YearStats {
    pub(crate) branches: u32,
    pub(crate) ratings: [u32; 4],
    pub(crate) model: u32,
    pub(crate) pilots: u32,
    pub(crate) pilots_model: u32,
    /// Branches with a veto that year.
    pub(crate) vetoed: u32,
    /// Sum of score percentages, in hundredths of a percent.
    pub(crate) pct_sum: u64,
    /// Per level (co-so, truc-thuoc): (branches, model).
    pub(crate) by_level: [(u32, u32); 2],
    /// Per type: (branches, good or better, model).
    pub(crate) by_type: [(u32, u32, u32); 5],
}

impl YearStats {
    pub(crate) fn good(&self) -> u32 {
        self.ratings[HTXSNV] + self.ratings[HTTNV]
    }
    pub(crate) fn add(&mut self, o: &YearStats) {
        self.branches += o.branches;
        for i in 0..4 {
            self.ratings[i] += o.ratings[i];
        }
        self.model += o.model;
        self.pilots += o.pilots;
        self.pilots_model += o.pilots_model;
        self.vetoed += o.vetoed;
        self.pct_sum += o.pct_sum;
        for i in 0..2 {
            self.by_level[i].0 += o.by_level[i].0;
            self.by_level[i].1 += o.by_level[i].1;
        }
        for i in 0..5 {
            self.by_type[i].0 += o.by_type[i].0;
            self.by_type[i].1 += o.by_type[i].1;
            self.by_type[i].2 += o.by_type[i].2;
        }
    }
}

pub(crate) struct DistrictResult {
    pub(crate) years: Vec<YearStats>,
    /// Pilots per type (any pilot year).
    pub(crate) pilots_per_type: [usize; 5],
    /// Pilots picked after the first year.
    pub(crate) pilots_later: usize,
    /// Branches per type.
    pub(crate) branches_per_type: [usize; 5],
    pub(crate) gaps: usize,
    pub(crate) new_branches: usize,
    pub(crate) vetoed: usize,
}
