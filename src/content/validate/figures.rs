//! Warnings drawn from the figures rather than from one file: pilot-rule deviations and
//! excellent ratings above the cap.

use crate::content::diag::Diagnostics;
use crate::domain::aggregate::Aggregates;
use crate::domain::model::{Content, District};

/// Warnings drawn from the figures: pilot-rule deviations and excellent ratings above the cap.
pub fn warnings(content: &Content, agg: &Aggregates, diags: &mut Diagnostics) {
    let site = &content.site;
    if let Some(p) = agg.incomplete_year() {
        diags
            .warning(
                "content/site.toml",
                None,
                crate::diag!(
                    "KM0803",
                    year = p.year.to_string(),
                    count = p.count,
                    known = p.known,
                    previous = p.previous.to_string()
                ),
            )
            .hint(crate::msg!("year-incomplete-hint", year = p.year.to_string(), previous = p.previous.to_string()));
    }
    copied_branches(content, diags);
    let district_file = |d: &District| format!("content/districts/{}/district.toml", d.slug);
    if let Some(rule) = site.pilots {
        for c in agg.pilot_checks.iter().filter(|c| !c.ok) {
            let d = &content.districts[c.district];
            let t = &site.branch_types[c.type_idx];
            diags.warning(
                &district_file(d),
                None,
                crate::diag!(
                    "KM0801",
                    district = &d.name,
                    pilots = c.pilots.to_string(),
                    type = &t.slug,
                    min = rule.min.to_string(),
                    max = rule.max.to_string()
                ),
            );
        }
    }
    if let Some(cap) = &site.excellent_cap {
        let (excellent, of) = (&site.ratings[cap.rating].code, &site.ratings[cap.of].code);
        for (di, d) in content.districts.iter().enumerate() {
            for (yi, s) in agg.districts[di].iter().enumerate() {
                let (n, base) = (s.per_rating[cap.rating], s.per_rating[cap.of]);
                // n > max_pct% of base, exactly: n * 10000 > max_pct_hundredths * base.
                if n > 0 && i128::from(n) * 10_000 > i128::from(cap.max_pct.0) * i128::from(base) {
                    diags.warning(
                        &district_file(d),
                        None,
                        crate::diag!(
                            "KM0802",
                            district = &d.name,
                            year = agg.years[yi].to_string(),
                            count = n.to_string(),
                            excellent = excellent,
                            pct = cap.max_pct.to_string(),
                            base = base.to_string(),
                            of = of
                        ),
                    );
                }
            }
        }
    }
}

/// A branch file copied within a district (same name, type and every assessment as another) is
/// most likely a copy made to start a new branch and never edited: both would count twice.
fn copied_branches(content: &Content, diags: &mut Diagnostics) {
    for d in &content.districts {
        let mut seen: std::collections::HashMap<_, &str> = std::collections::HashMap::new();
        for b in &d.branches {
            if b.assessments.is_empty() {
                continue;
            }
            let assessed: Vec<_> = b.assessments.iter().map(|a| (a.year, a.rating, &a.vetoes, &a.scores)).collect();
            match seen.entry((b.name.as_str(), b.type_idx, assessed)) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    diags.warning(
                        &format!("content/districts/{}/{}.toml", d.slug, b.slug),
                        None,
                        crate::diag!("KM0804", name = &b.name, other = format!("{}.toml", first.get())),
                    );
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(&b.slug);
                }
            }
        }
    }
}
