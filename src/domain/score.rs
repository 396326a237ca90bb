//! Score: what one branch's assessment in one year amounts to (SPEC section 3).
//!
//! Model status: total >= `model_min_pct` of the type's maximum, the year's rating is one of
//! `model_ratings`, every criterion `min` is met, and no veto applies. All of it is exact.

use crate::domain::model::{Assessment, Branch, Framework, Frameworks, Hundredths, Ratio, Site};

/// The computed result of one branch in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub year: i32,
    /// Members that year: the assessment's own count, or the branch's.
    pub members: u32,
    pub rating: usize,
    pub total: Hundredths,
    pub max: Hundredths,
    pub good: bool,
    pub mins_met: bool,
    pub vetoed: bool,
    pub model: bool,
    pub pilot: bool,
}

impl Scored {
    /// The total as a share of the type's maximum.
    pub fn pct(&self) -> Ratio {
        Ratio::new(i128::from(self.total.0), i128::from(self.max.0).max(1)).unwrap_or(Ratio { num: 0, den: 1 })
    }
}

/// One criterion's line in a branch's year: score against maximum and minimum.
#[derive(Debug, Clone, Copy)]
pub struct CriterionScore {
    /// Index into the framework's criteria.
    pub criterion: usize,
    pub score: Hundredths,
    pub max: Hundredths,
    pub min: Option<Hundredths>,
    pub min_met: bool,
}

/// The criteria lines of an assessment, in framework order.
pub fn criterion_scores<'a>(
    fw: &'a Framework,
    type_idx: usize,
    a: &'a Assessment,
) -> impl Iterator<Item = CriterionScore> + 'a {
    let ids = fw.applicable.get(type_idx).map_or(&[][..], Vec::as_slice);
    ids.iter().zip(a.scores.iter()).filter_map(move |(&i, &score)| {
        let c = fw.criteria.get(i)?;
        Some(CriterionScore { criterion: i, score, max: c.max, min: c.min, min_met: c.min.is_none_or(|m| score >= m) })
    })
}

/// Why a branch's year is not a model one: each condition of the model rule it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotModel {
    /// The total is below the framework's `model_min_pct` of the type's maximum.
    BelowPct(Hundredths),
    /// The rating is not one of the framework's `model_ratings`.
    Rating,
    /// The criterion (an index into the framework's criteria) is below its `min`.
    BelowMin(usize),
    /// The veto (an index into the framework's vetoes) applies.
    Veto(usize),
}

/// The model rule's threshold: `total` is at least `min_pct` percent of `max`, exactly (a zero
/// maximum reaches nothing). Public so that the sample generator applies the same rule.
pub fn reaches_model_pct(total: Hundredths, max: Hundredths, min_pct: Hundredths) -> bool {
    Ratio::new(i128::from(total.0), i128::from(max.0)).is_some_and(|p| p.at_least(min_pct))
}

/// The model rule: every condition the assessment fails, in the rule's order; none means a
/// model branch that year.
pub fn not_model(fw: &Framework, branch: &Branch, a: &Assessment) -> Vec<NotModel> {
    let total = Hundredths(a.scores.iter().map(|s| s.0).sum());
    let max = fw.max_for_type(branch.type_idx);
    let mut why = Vec::new();
    if !reaches_model_pct(total, max, fw.model_min_pct) {
        why.push(NotModel::BelowPct(fw.model_min_pct));
    }
    if !fw.model_ratings.contains(&a.rating) {
        why.push(NotModel::Rating);
    }
    why.extend(
        criterion_scores(fw, branch.type_idx, a).filter(|c| !c.min_met).map(|c| NotModel::BelowMin(c.criterion)),
    );
    why.extend(a.vetoes.iter().map(|&v| NotModel::Veto(v)));
    why
}

pub fn score(site: &Site, fw: &Framework, branch: &Branch, a: &Assessment) -> Scored {
    let total = Hundredths(a.scores.iter().map(|s| s.0).sum());
    let max = fw.max_for_type(branch.type_idx);
    let why = not_model(fw, branch, a);
    let mins_met = !why.iter().any(|w| matches!(w, NotModel::BelowMin(_)));
    let vetoed = !a.vetoes.is_empty();
    Scored {
        year: a.year,
        members: a.members.unwrap_or(branch.members),
        rating: a.rating,
        total,
        max,
        good: site.ratings.get(a.rating).is_some_and(|r| r.good),
        mins_met,
        vetoed,
        model: why.is_empty(),
        pilot: branch.is_pilot_in(a.year),
    }
}

/// Every assessment of a branch, scored, in year order.
pub fn score_branch(site: &Site, frameworks: &Frameworks, branch: &Branch) -> Vec<Scored> {
    branch.assessments.iter().filter_map(|a| frameworks.for_year(a.year).map(|fw| score(site, fw, branch, a))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{BranchType, Criterion, Group, Language, Level, Notes, Rating};

    #[test]
    fn model_pct_threshold_is_exact_and_inclusive() {
        let pct = Hundredths(9000);
        assert!(reaches_model_pct(Hundredths(9000), Hundredths(10_000), pct));
        assert!(!reaches_model_pct(Hundredths(8999), Hundredths(10_000), pct));
        // 90% of 95.25 points is 85.725: 85.73 reaches it, 85.72 does not.
        assert!(reaches_model_pct(Hundredths(8573), Hundredths(9525), pct));
        assert!(!reaches_model_pct(Hundredths(8572), Hundredths(9525), pct));
        assert!(!reaches_model_pct(Hundredths(0), Hundredths(0), pct));
    }

    fn site() -> Site {
        let rating = |code: &str, good| Rating { code: code.into(), name: code.into(), good };
        Site {
            title: "t".into(),
            organisation: "o".into(),
            issuer: Vec::new(),
            place: None,
            language: Language::Vi,
            base_url: String::new(),
            first_year: 2022,
            target_year: 2025,
            last_year: 2025,
            theme: None,
            ratings: vec![rating("HTXSNV", true), rating("HTTNV", true), rating("HTNV", false), rating("KHTNV", false)],
            branch_types: vec![
                BranchType { slug: "a".into(), name: "A".into(), subtypes: vec![] },
                BranchType { slug: "b".into(), name: "B".into(), subtypes: vec![] },
            ],
            targets: vec![],
            pilots: None,
            excellent_cap: None,
            district_level: Default::default(),
        }
    }

    /// Criteria: c1 max 50 min 30 (all types), c2 max 45 (type a only), c3 max 50 (type b only).
    fn framework() -> Framework {
        let crit = |id: &str, max: i64, min: Option<i64>, types: Option<Vec<usize>>| Criterion {
            id: id.into(),
            group: 0,
            title: id.into(),
            max: Hundredths::from_units(max),
            min: min.map(Hundredths::from_units),
            types,
        };
        Framework {
            year: 2022,
            model_min_pct: Hundredths::from_units(90),
            model_ratings: vec![0, 1],
            groups: vec![Group { id: "I".into(), name: "I".into() }],
            criteria: vec![
                crit("c1", 50, Some(30), None),
                crit("c2", 45, None, Some(vec![0])),
                crit("c3", 50, None, Some(vec![1])),
            ],
            vetoes: vec![],
            applicable: vec![vec![0, 1], vec![0, 2]],
        }
    }

    fn branch(type_idx: usize, pilot: Option<i32>) -> Branch {
        Branch {
            slug: "x".into(),
            name: "X".into(),
            type_idx,
            subtype_idx: None,
            level: Level::CoSo,
            parent: None,
            members: 10,
            pilot,
            assessments: vec![],
            notes: Notes::default(),
        }
    }

    fn assess(rating: usize, scores: &[i64], vetoes: Vec<usize>) -> Assessment {
        Assessment {
            year: 2023,
            members: None,
            rating,
            vetoes,
            scores: scores.iter().map(|&s| Hundredths(s)).collect(),
        }
    }

    #[test]
    fn exactly_ninety_percent_is_model() {
        // Type a: max 95; 85.5 / 95 is exactly 90%.
        let (s, fw) = (site(), framework());
        let r = score(&s, &fw, &branch(0, None), &assess(1, &[4500, 4050], vec![]));
        assert_eq!(r.total, Hundredths(8550));
        assert_eq!(r.max, Hundredths(9500));
        assert!(r.model);
        assert_eq!(r.pct().pct_tenths(), 900);
    }

    #[test]
    fn just_below_ninety_is_not_model() {
        // Type b: max 100; 89.75 is not 90%.
        let (s, fw) = (site(), framework());
        let r = score(&s, &fw, &branch(1, None), &assess(0, &[4475, 4500], vec![]));
        assert_eq!(r.total, Hundredths(8975));
        assert!(!r.model);
        // 90.00 is.
        let r = score(&s, &fw, &branch(1, None), &assess(0, &[4500, 4500], vec![]));
        assert!(r.model);
    }

    #[test]
    fn rating_min_and_veto_rule_model_out() {
        let (s, fw) = (site(), framework());
        let b = branch(1, None);
        // HTNV rating: not a model rating.
        assert!(!score(&s, &fw, &b, &assess(2, &[5000, 5000], vec![])).model);
        // c1 = 29.99 below its min 30 even though the total is high.
        let r = score(&s, &fw, &b, &assess(0, &[2999, 5000], vec![]));
        assert!(!r.mins_met && !r.model);
        // c1 exactly at its min counts as met.
        assert!(score(&s, &fw, &b, &assess(0, &[3000, 5000], vec![])).mins_met);
        // A veto rules it out.
        let r = score(&s, &fw, &b, &assess(0, &[5000, 5000], vec![0]));
        assert!(r.vetoed && !r.model);
    }

    #[test]
    fn pilot_from_its_year_on() {
        let (s, fw) = (site(), framework());
        let a = assess(1, &[4500, 4500], vec![]);
        assert!(score(&s, &fw, &branch(1, Some(2023)), &a).pilot);
        assert!(score(&s, &fw, &branch(1, Some(2022)), &a).pilot);
        assert!(!score(&s, &fw, &branch(1, Some(2024)), &a).pilot);
        assert!(!score(&s, &fw, &branch(1, None), &a).pilot);
    }

    #[test]
    fn good_follows_the_rating_flag() {
        let (s, fw) = (site(), framework());
        let b = branch(0, None);
        assert!(score(&s, &fw, &b, &assess(1, &[0, 0], vec![])).good);
        assert!(!score(&s, &fw, &b, &assess(2, &[4500, 4500], vec![])).good);
    }

    #[test]
    fn not_model_names_every_failed_condition_in_order() {
        let fw = framework();
        let b = branch(1, None);
        // HTNV, c1 below its min, a veto, and 29.99 + 50 = 79.99 of 100 below 90%.
        let why = not_model(&fw, &b, &assess(2, &[2999, 5000], vec![0]));
        assert_eq!(
            why,
            [NotModel::BelowPct(fw.model_min_pct), NotModel::Rating, NotModel::BelowMin(0), NotModel::Veto(0)]
        );
        assert!(not_model(&fw, &b, &assess(0, &[4500, 4500], vec![])).is_empty());
    }
}
