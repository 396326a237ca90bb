//! Synthetic plans of any size, for benchmarks.

use crate::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub(crate) fn synthetic_context(seed: u64, n: usize, total: usize, years: Years) -> Ctx {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let counts = spread(&mut rng, total, n);
    let width = n.to_string().len().max(3);
    let districts = counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let number = i + 1;
            let (name, kind) = synthetic_district_name(number);
            let weak = rng.random_bool(0.1);
            let tuning = Tuning {
                offset: if weak { -2.0 } else { 1.2 * normal(&mut rng) },
                growth: if weak { 0.7 } else { 1.3 },
                lenient: if rng.random_bool(0.05) { 1.9 } else { 1.0 },
            };
            let notes = NotePlan {
                district: number <= 3,
                district_year: (number == 1).then_some(years.last),
                branches: usize::from(number <= 2),
                branch_years: usize::from(number == 1),
            };
            DistrictSpec {
                slug: format!("d{number:0width$}"),
                name,
                kind,
                order: number,
                tuning,
                source: Source::Synthetic { count },
                pilot_override: Vec::new(),
                notes,
            }
        })
        .collect();
    Ctx {
        sample: false,
        seed,
        years,
        organisation: "Ban Tổ chức Tỉnh ủy (dữ liệu tổng hợp)".into(),
        frameworks: frameworks(years),
        districts,
    }
}

/// District 1 is a city, every tenth a bloc directly under the province, the rest rural.
pub(crate) fn synthetic_district_name(number: usize) -> (String, &'static str) {
    if number == 1 {
        (format!("Thành phố số {number}"), "thanh-pho")
    } else if number.is_multiple_of(10) {
        (format!("Đảng bộ Khối số {number}"), "truc-thuoc")
    } else {
        (format!("Huyện số {number}"), "huyen")
    }
}

/// Splits `total` into `n` positive parts of varying size (±30%).
pub(crate) fn spread(rng: &mut ChaCha8Rng, total: usize, n: usize) -> Vec<usize> {
    let weights: Vec<f64> = (0..n).map(|_| 0.7 + 0.6 * rng.random::<f64>()).collect();
    let sum: f64 = weights.iter().sum();
    let spare = total - n;
    let mut counts: Vec<usize> = weights.iter().map(|w| 1 + (spare as f64 * w / sum).floor() as usize).collect();
    // Flooring loses less than one branch per district.
    let rest = total - counts.iter().sum::<usize>();
    for c in counts.iter_mut().take(rest) {
        *c += 1;
    }
    counts
}

/// The type mix of a synthetic district: (type, subtype, weight, label used in names).
pub(crate) fn synthetic_mix(spec: &DistrictSpec) -> &'static [(usize, &'static str, u32, &'static str)] {
    match (spec.kind, spec.order / 10 % 3) {
        ("huyen", _) => &[
            (KDC, "thon", 62, "thôn"),
            (CQ, "dang", 3, "cơ quan Đảng"),
            (CQ, "nha-nuoc", 8, "cơ quan nhà nước"),
            (CQ, "doan-the", 2, "cơ quan đoàn thể"),
            (DVSN, "giao-duc", 15, "trường học"),
            (DVSN, "y-te", 3, "cơ sở y tế"),
            (DVSN, "khac", 2, "đơn vị sự nghiệp"),
            (DN, "ngoai-nha-nuoc", 4, "doanh nghiệp"),
            (DN, "nha-nuoc", 1, "doanh nghiệp nhà nước"),
        ],
        ("thanh-pho", _) => &[
            (KDC, "to-dan-pho", 45, "tổ dân phố"),
            (KDC, "thon", 10, "thôn"),
            (CQ, "dang", 4, "cơ quan Đảng"),
            (CQ, "nha-nuoc", 9, "cơ quan nhà nước"),
            (CQ, "doan-the", 2, "cơ quan đoàn thể"),
            (DVSN, "giao-duc", 14, "trường học"),
            (DVSN, "y-te", 4, "cơ sở y tế"),
            (DVSN, "khac", 2, "đơn vị sự nghiệp"),
            (DN, "ngoai-nha-nuoc", 7, "doanh nghiệp"),
            (DN, "nha-nuoc", 3, "doanh nghiệp nhà nước"),
        ],
        (_, 0) => &[(LLVT, "chien-dau", 60, "đơn vị chiến đấu"), (LLVT, "hanh-chinh", 40, "đơn vị hành chính")],
        (_, 1) => &[
            (CQ, "dang", 10, "cơ quan Đảng"),
            (CQ, "nha-nuoc", 45, "cơ quan nhà nước"),
            (CQ, "doan-the", 10, "cơ quan đoàn thể"),
            (DVSN, "giao-duc", 15, "trường học"),
            (DVSN, "y-te", 12, "cơ sở y tế"),
            (DVSN, "khac", 8, "đơn vị sự nghiệp"),
        ],
        _ => &[(DN, "nha-nuoc", 40, "doanh nghiệp nhà nước"), (DN, "ngoai-nha-nuoc", 60, "doanh nghiệp")],
    }
}

/// `count` branches "Chi bộ thôn số 12" etc.; about one in eight at grassroots level, the others
/// under "Đảng bộ xã số N" (ten branches a parent).
pub(crate) fn synthetic_seeds(rng: &mut ChaCha8Rng, spec: &DistrictSpec, count: usize) -> Vec<BranchSeed> {
    let mix = synthetic_mix(spec);
    let total_weight: u32 = mix.iter().map(|m| m.2).sum();
    let mut numbers = vec![0usize; mix.len()];
    let mut parents = 0usize;
    let mut current: Option<Parent> = None;
    let mut in_parent = 0;
    let mut seeds = Vec::with_capacity(count);
    for _ in 0..count {
        let mut r = rng.random_range(0..total_weight);
        let k = mix
            .iter()
            .position(|m| {
                if r < m.2 {
                    true
                } else {
                    r -= m.2;
                    false
                }
            })
            .unwrap_or(0);
        let (ty, subtype, _, label) = mix[k];
        numbers[k] += 1;
        let grassroots = rng.random_bool(0.12);
        let parent = if grassroots {
            None
        } else {
            if current.is_none() || in_parent >= 10 {
                parents += 1;
                in_parent = 0;
                let unit = if spec.kind == "truc-thuoc" { "cơ sở" } else { "xã" };
                current = Some(Parent { name: format!("Đảng bộ {unit} số {parents}"), short: String::new() });
            }
            in_parent += 1;
            current.clone()
        };
        seeds.push(BranchSeed {
            name: format!("Chi bộ {label} số {}", numbers[k]),
            ty,
            subtype,
            parent,
            members: if ty == KDC { (15, 70) } else { (3, 30) },
        });
    }
    seeds
}
