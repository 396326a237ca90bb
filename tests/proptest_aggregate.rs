//! Property tests of the aggregates (SPEC section 3 and 7 "Correct"): on random sites, sums over
//! districts, types and levels equal the province; no count exceeds the branches it counts;
//! percentages lie within 0..=100; a branch counts in a year exactly when it is assessed then.
//!
//! Sites are built in memory from the public model types, and (fewer of them) written to disk and
//! read back through `kieumau::check`, so that loading and validation are part of the property.

mod common;

use std::fmt::Write as _;
use std::fs;

use kieumau::content::diag::Diagnostics;
use kieumau::domain::aggregate::{Aggregates, Stats, aggregate};
use kieumau::domain::model::{
    Assessment, Branch, BranchType, Content, Criterion, District, Framework, Frameworks, Group, Hundredths, Language,
    Level, Metric, Notes, PilotRule, Rating, Scope, Site, Target, Threshold, Veto,
};
use kieumau::domain::score;
use proptest::prelude::*;

const FIRST_YEAR: i32 = 2022;

/// What a random site is made of, before it is turned into model types.
#[derive(Debug, Clone)]
struct Plan {
    /// `good` flag of each rating (best first).
    ratings: Vec<bool>,
    /// Number of branch types.
    types: usize,
    years: i32,
    /// `(max, min, only for type)` per criterion, in hundredths.
    criteria: Vec<(i64, Option<i64>, Option<usize>)>,
    model_min_pct: i64,
    /// Per district, per branch: type, level, pilot year offset, members, and per year an optional
    /// (rating, veto, score fraction per mille).
    districts: Vec<Vec<BranchPlan>>,
    targets: Vec<(bool, bool, i64, bool, Option<bool>)>,
}

#[derive(Debug, Clone)]
struct BranchPlan {
    type_idx: usize,
    tructhuoc: bool,
    pilot: Option<i32>,
    members: u32,
    years: Vec<Option<(usize, bool, Vec<u16>)>>,
}

fn branch_plan(types: usize, ratings: usize, years: i32, criteria: usize) -> impl Strategy<Value = BranchPlan> {
    let year = proptest::option::weighted(
        0.8,
        (0..ratings, proptest::bool::weighted(0.1), prop::collection::vec(0u16..=1000, criteria)),
    );
    (0..types, any::<bool>(), proptest::option::of(0..years), 0u32..200, prop::collection::vec(year, years as usize))
        .prop_map(|(type_idx, tructhuoc, pilot, members, years)| BranchPlan {
            type_idx,
            tructhuoc,
            pilot: pilot.map(|p| FIRST_YEAR + p),
            members,
            years,
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    (prop::collection::vec(any::<bool>(), 2..5), 1usize..4, 1i32..4, 1usize..5)
        .prop_flat_map(|(ratings, types, years, ncrit)| {
            let criterion = (1i64..=50, proptest::option::of(0i64..=100), proptest::option::weighted(0.3, 0..types))
                .prop_map(|(max, min_pct, only)| (max * 100, min_pct.map(|p| max * p), only));
            let nr = ratings.len();
            let target = (any::<bool>(), any::<bool>(), 0i64..=100, any::<bool>(), proptest::option::of(any::<bool>()));
            (
                Just(ratings),
                Just(types),
                Just(years),
                prop::collection::vec(criterion, ncrit),
                50i64..=100,
                prop::collection::vec(prop::collection::vec(branch_plan(types, nr, years, ncrit), 0..7), 1..5),
                prop::collection::vec(target, 0..4),
            )
        })
        .prop_map(|(ratings, types, years, criteria, model_min_pct, districts, targets)| Plan {
            ratings,
            types,
            years,
            criteria,
            model_min_pct,
            districts,
            targets,
        })
}

fn content(p: &Plan) -> Content {
    let ratings: Vec<Rating> = p
        .ratings
        .iter()
        .enumerate()
        .map(|(i, &good)| Rating { code: format!("R{i}"), name: format!("R{i}"), good })
        .collect();
    let branch_types: Vec<BranchType> =
        (0..p.types).map(|t| BranchType { slug: format!("t{t}"), name: format!("T{t}"), subtypes: vec![] }).collect();
    // Every type gets at least its first common criterion: criteria restricted to a type are
    // made common when no other criterion applies to some type.
    let mut criteria: Vec<Criterion> = p
        .criteria
        .iter()
        .enumerate()
        .map(|(i, &(max, min, only))| Criterion {
            id: format!("{i}"),
            group: 0,
            title: format!("C{i}"),
            max: Hundredths(max),
            min: min.map(Hundredths),
            types: only.map(|t| vec![t]),
        })
        .collect();
    if (0..p.types).any(|t| !criteria.iter().any(|c| c.applies_to(t))) {
        criteria[0].types = None;
    }
    let applicable: Vec<Vec<usize>> =
        (0..p.types).map(|t| (0..criteria.len()).filter(|&i| criteria[i].applies_to(t)).collect()).collect();
    let framework = Framework {
        year: FIRST_YEAR,
        model_min_pct: Hundredths(p.model_min_pct * 100),
        model_ratings: (0..ratings.len()).filter(|&r| r < 2).collect(),
        groups: vec![Group { id: "I".into(), name: "I".into() }],
        criteria,
        vetoes: vec![Veto { id: "v".into(), title: "V".into() }],
        applicable,
    };
    let targets = p
        .targets
        .iter()
        .map(|&(model, district, pct, more, level)| Target {
            name: "t".into(),
            metric: if model { Metric::Model } else { Metric::GoodOrBetter },
            scope: if district { Scope::District } else { Scope::Province },
            threshold: if more {
                Threshold::MoreThan(Hundredths(pct * 100))
            } else {
                Threshold::AtLeast(Hundredths(pct * 100))
            },
            level: level.map(|l| if l { Level::TrucThuoc } else { Level::CoSo }),
        })
        .collect();
    let site = Site {
        title: "t".into(),
        organisation: "o".into(),
        issuer: Vec::new(),
        place: None,
        language: Language::Vi,
        base_url: String::new(),
        first_year: FIRST_YEAR,
        target_year: FIRST_YEAR + p.years - 1,
        last_year: FIRST_YEAR + p.years - 1,
        theme: None,
        ratings,
        branch_types,
        targets,
        pilots: Some(PilotRule { min: 1, max: 2 }),
        excellent_cap: None,
        district_level: Default::default(),
    };
    let districts = p
        .districts
        .iter()
        .enumerate()
        .map(|(d, branches)| District {
            slug: format!("d{d}"),
            name: format!("D{d}"),
            kind: "huyen".to_string(),
            order: Some(d as i64),
            branches: branches
                .iter()
                .enumerate()
                .map(|(b, bp)| {
                    let ids = &framework.applicable[bp.type_idx];
                    let assessments = bp
                        .years
                        .iter()
                        .enumerate()
                        .filter_map(|(yi, y)| y.as_ref().map(|a| (yi, a)))
                        .map(|(yi, (rating, veto, fractions))| Assessment {
                            year: FIRST_YEAR + yi as i32,
                            members: None,
                            rating: *rating,
                            vetoes: if *veto { vec![0] } else { vec![] },
                            // A score is a per-mille share of the criterion's maximum, to the hundredth.
                            scores: ids
                                .iter()
                                .zip(fractions.iter().cycle())
                                .map(|(&i, &f)| Hundredths(framework.criteria[i].max.0 * i64::from(f) / 1000))
                                .collect(),
                        })
                        .collect();
                    Branch {
                        slug: format!("b{b}"),
                        name: format!("B{b}"),
                        type_idx: bp.type_idx,
                        subtype_idx: None,
                        level: if bp.tructhuoc { Level::TrucThuoc } else { Level::CoSo },
                        parent: None,
                        members: bp.members,
                        pilot: bp.pilot,
                        assessments,
                        notes: Notes::default(),
                    }
                })
                .collect(),
            notes: Notes::default(),
        })
        .collect();
    Content {
        site,
        frameworks: Frameworks(vec![framework], vec![]),
        districts,
        reviews: vec![],
        version: "00000000".into(),
        hash: "0".repeat(64),
        digests: vec![],
    }
}

/// The counters of `parts` added up, compared with `whole`.
fn assert_sum(parts: &[&Stats], whole: &Stats, what: &str) {
    let sum = |f: fn(&Stats) -> u64| parts.iter().map(|s| f(s)).sum::<u64>();
    assert_eq!(sum(|s| u64::from(s.branches)), u64::from(whole.branches), "{what}: branches");
    assert_eq!(sum(|s| u64::from(s.good)), u64::from(whole.good), "{what}: good");
    assert_eq!(sum(|s| u64::from(s.model)), u64::from(whole.model), "{what}: model");
    assert_eq!(sum(|s| u64::from(s.pilots)), u64::from(whole.pilots), "{what}: pilots");
    assert_eq!(sum(|s| u64::from(s.pilots_model)), u64::from(whole.pilots_model), "{what}: pilots_model");
    assert_eq!(sum(|s| s.members), whole.members, "{what}: members");
    for r in 0..whole.per_rating.len() {
        let n: u32 = parts.iter().map(|s| s.per_rating[r]).sum();
        assert_eq!(n, whole.per_rating[r], "{what}: rating {r}");
    }
}

fn assert_bounds(s: &Stats, good_ratings: &[bool], what: &str) {
    assert!(s.good <= s.branches && s.model <= s.branches, "{what}: {s:?}");
    assert!(s.pilots_model <= s.pilots && s.pilots <= s.branches, "{what}: {s:?}");
    assert!(s.pilots_model <= s.model, "{what}: {s:?}");
    assert_eq!(s.per_rating.iter().sum::<u32>(), s.branches, "{what}: every branch has one rating");
    let good: u32 = s.per_rating.iter().zip(good_ratings).filter(|(_, g)| **g).map(|(n, _)| n).sum();
    assert_eq!(good, s.good, "{what}: good = the count of good ratings");
    for (name, pct) in [("good", s.good_pct()), ("model", s.model_pct()), ("mean", s.mean_score_pct())] {
        assert_eq!(pct.is_some(), s.branches > 0, "{what}: {name} % exists iff there are branches");
        if let Some(p) = pct {
            assert!((0..=1000).contains(&p.pct_tenths()), "{what}: {name} % = {}", p.pct_f64());
            assert!((0.0..=100.0).contains(&p.pct_f64()), "{what}: {name} %");
        }
    }
}

fn check_properties(content: &Content, agg: &Aggregates) {
    let site = &content.site;
    let good: Vec<bool> = site.ratings.iter().map(|r| r.good).collect();
    assert_eq!(agg.years, site.years().collect::<Vec<_>>());
    for (yi, &year) in agg.years.iter().enumerate() {
        let province = &agg.province[yi];
        let districts: Vec<&Stats> = agg.districts.iter().map(|d| &d[yi]).collect();
        assert_sum(&districts, province, &format!("{year}: districts"));
        let types: Vec<&Stats> = agg.types.iter().map(|t| &t[yi]).collect();
        assert_sum(&types, province, &format!("{year}: types"));
        let levels: Vec<&Stats> = agg.levels.iter().map(|l| &l[yi]).collect();
        assert_sum(&levels, province, &format!("{year}: levels"));
        for (di, d) in agg.district_types.iter().enumerate() {
            let parts: Vec<&Stats> = d.iter().map(|t| &t[yi]).collect();
            assert_sum(&parts, &agg.districts[di][yi], &format!("{year}: district {di} by type"));
            let parts: Vec<&Stats> = agg.district_levels[di].iter().map(|l| &l[yi]).collect();
            assert_sum(&parts, &agg.districts[di][yi], &format!("{year}: district {di} by level"));
        }
        for t in 0..site.branch_types.len() {
            let parts: Vec<&Stats> = agg.district_types.iter().map(|d| &d[t][yi]).collect();
            assert_sum(&parts, &agg.types[t][yi], &format!("{year}: type {t} by district"));
        }
        let all = districts.iter().chain(&types).chain(&levels).copied().chain([province]);
        for s in all {
            assert_bounds(s, &good, &format!("{year}"));
        }

        // Hand count: a branch counts in a year iff it has an assessment then.
        let branches = content.districts.iter().flat_map(|d| &d.branches);
        let assessed = branches.clone().filter(|b| b.assessment(year).is_some()).count();
        assert_eq!(province.branches as usize, assessed, "{year}: assessed branches");
        let model = branches
            .clone()
            .filter_map(|b| b.assessment(year).map(|a| (b, a)))
            .filter(|(b, a)| score::score(site, content.frameworks.for_year(year).unwrap(), b, a).model)
            .count();
        assert_eq!(province.model as usize, model, "{year}: model branches");
        let members: u64 = branches.filter(|b| b.assessment(year).is_some()).map(|b| u64::from(b.members)).sum();
        assert_eq!(province.members, members, "{year}: members");
    }
    // Targets agree with the figures they are computed from.
    for (ti, target) in site.targets.iter().enumerate() {
        for ty in &agg.targets[ti] {
            match target.scope {
                Scope::Province => {
                    assert!(ty.districts.is_empty());
                    assert_eq!(ty.met, ty.value.map(|v| target.threshold.is_met(v)));
                }
                Scope::District => {
                    assert_eq!(ty.districts.len(), content.districts.len());
                    assert!(ty.districts_met() <= ty.districts_counted());
                    let counted = ty.districts_counted();
                    assert_eq!(ty.met, (counted > 0).then(|| ty.districts_met() == counted));
                }
            }
            if let Some(v) = ty.value {
                assert!((0..=1000).contains(&v.pct_tenths()));
            }
        }
    }
    for c in &agg.pilot_checks {
        let d = &content.districts[c.district];
        let pilots = d.branches.iter().filter(|b| b.type_idx == c.type_idx && b.pilot.is_some()).count();
        assert_eq!(c.pilots as usize, pilots);
        let rule = site.pilots.unwrap();
        assert_eq!(c.ok, (rule.min..=rule.max).contains(&c.pilots));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn aggregates_add_up_and_stay_in_bounds(p in plan()) {
        let content = content(&p);
        let agg = aggregate(&content);
        check_properties(&content, &agg);
        // Aggregating is a function of the content: twice gives the same figures.
        let again = aggregate(&content);
        prop_assert_eq!(&agg.province, &again.province);
        prop_assert_eq!(&agg.districts, &again.districts);
    }
}

/// A random site on disk: the valid fixture's settings and frameworks, with random districts and
/// branches written as TOML, read back through `kieumau::check`.
fn write_site(p: &Plan, dir: &std::path::Path) -> usize {
    common::copy_dir(
        &common::fixtures().join("valid/content/site.toml").parent().unwrap().join("criteria"),
        &dir.join("content/criteria"),
    );
    fs::copy(common::fixtures().join("valid/content/site.toml"), dir.join("content/site.toml")).unwrap();
    // The fixture: ratings HTXSNV, HTTNV (good), HTNV, KHTNV; types khu-dan-cu (subtype thon) and
    // co-quan; years 2022-2023; criteria 2022: 1.1 (50, min 30), 2.1 (45, kdc), 2.2 (50, cq);
    // 2023 adds 2.3 (10, cq).
    let codes = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];
    let mut files = 0;
    for (d, branches) in p.districts.iter().enumerate() {
        let ddir = dir.join(format!("content/districts/d{d}"));
        fs::create_dir_all(&ddir).unwrap();
        fs::write(ddir.join("district.toml"), format!("name = \"Huyện {d}\"\nkind = \"huyen\"\norder = {d}\n"))
            .unwrap();
        for (b, bp) in branches.iter().enumerate() {
            let kdc = bp.type_idx % 2 == 0;
            let mut t = format!("name = \"Chi bộ {d}-{b}\"\n");
            t += if kdc { "type = \"khu-dan-cu\"\nsubtype = \"thon\"\n" } else { "type = \"co-quan\"\n" };
            let _ = writeln!(
                t,
                "level = \"{}\"\nmembers = {}",
                if bp.tructhuoc { "truc-thuoc" } else { "co-so" },
                bp.members
            );
            if let Some(pilot) = bp.pilot.filter(|y| *y <= 2023) {
                let _ = writeln!(t, "pilot = {pilot}");
            }
            for (yi, y) in bp.years.iter().take(2).enumerate() {
                let Some((rating, veto, fr)) = y else { continue };
                let year = 2022 + yi;
                let crit: &[(&str, i64)] = match (kdc, year) {
                    (true, _) => &[("1.1", 50), ("2.1", 45)],
                    (false, 2022) => &[("1.1", 50), ("2.2", 50)],
                    (false, _) => &[("1.1", 50), ("2.2", 50), ("2.3", 10)],
                };
                let scores: Vec<String> = crit
                    .iter()
                    .zip(fr.iter().cycle())
                    .map(|((id, max), f)| format!("\"{id}\" = {}", Hundredths(max * 100 * i64::from(*f) / 1000)))
                    .collect();
                let _ = write!(
                    t,
                    "\n[[assessments]]\nyear = {year}\nrating = \"{}\"\n{}scores = {{ {} }}\n",
                    codes[rating % 4],
                    if *veto { "vetoes = [\"ky-luat\"]\n" } else { "" },
                    scores.join(", ")
                );
            }
            fs::write(ddir.join(format!("b{b}.toml")), t).unwrap();
            files += 1;
        }
    }
    files
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn sites_on_disk_check_and_add_up(p in plan()) {
        let dir = tempfile::tempdir().unwrap();
        let files = write_site(&p, dir.path());
        let mut diags = Diagnostics::new();
        let checked = kieumau::check(dir.path(), false, &mut diags);
        let errors: Vec<String> =
            diags.items().iter().filter(|d| d.severity == kieumau::content::diag::Severity::Error).map(|d| format!("{d:?}")).collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
        let checked = checked.unwrap();
        let read: usize = checked.content.districts.iter().map(|d| d.branches.len()).sum();
        prop_assert_eq!(read, files);
        check_properties(&checked.content, &checked.agg);
    }
}
