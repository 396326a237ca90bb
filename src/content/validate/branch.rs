//! `districts/<district>/<branch>.toml`: one branch and its yearly assessments.

use toml::de::DeTable;

use super::fields::{Ctx, Fields, Span, decimal_value};
use super::site::level_value;
use crate::content::diag::known_hint;
use crate::diag;
use crate::domain::model::{Assessment, Branch, Frameworks, Hundredths, Notes, Site};

const BRANCH_KEYS: &[&str] = &["name", "type", "subtype", "level", "parent", "members", "pilot", "assessments"];
const ASSESSMENT_KEYS: &[&str] = &["year", "rating", "vetoes", "scores", "members"];
/// More assessments than this in one file is a mistake: there is one per year, and site years
/// lie within 1900..=2200.
pub const MAX_ASSESSMENTS: usize = 301;

pub fn branch(
    cx: &mut Ctx<'_>,
    root: &DeTable<'_>,
    slug: &str,
    site: &Site,
    frameworks: &Frameworks,
) -> Option<Branch> {
    let f = Fields::new(cx, root, 0..0, "what-branch", BRANCH_KEYS);
    let name = f.text(cx, "name", true, "\"Chi bộ thôn Thượng Phúc\"");
    let type_idx = f.string(cx, "type", true, "\"khu-dan-cu\"").and_then(|(s, span)| {
        let idx = site.type_index(s);
        if idx.is_none() {
            let type_slugs: Vec<&str> = site.branch_types.iter().map(|t| t.slug.as_str()).collect();
            cx.error(span, diag!("KM0301", value = s)).hint(known_hint(s, &type_slugs));
        }
        idx
    });
    let subtype = f.string(cx, "subtype", false, "\"thon\"");
    let subtype_idx = match (type_idx, subtype) {
        (Some(t), Some((s, span))) => {
            let bt = &site.branch_types[t];
            let idx = bt.subtypes.iter().position(|x| x.slug == s);
            if idx.is_none() {
                let known: Vec<&str> = bt.subtypes.iter().map(|x| x.slug.as_str()).collect();
                cx.error(span, diag!("KM0302", value = s, type = &bt.slug)).hint(known_hint(s, &known));
                return None;
            }
            idx
        }
        (Some(t), None) if !site.branch_types[t].subtypes.is_empty() && f.get("subtype").is_none() => {
            let bt = &site.branch_types[t];
            let known: Vec<&str> = bt.subtypes.iter().map(|x| x.slug.as_str()).collect();
            let (first, known) = (known[0], known.join(", "));
            cx.error(f.span(), diag!("KM0303", type = &bt.slug, first = first, known = known));
            None
        }
        _ => None,
    };
    let level = f.string(cx, "level", true, "\"co-so\"").and_then(|(s, span)| level_value(cx, s, span));
    let parent = match f.get("parent") {
        Some(_) => f.text(cx, "parent", false, "\"Đảng bộ xã Đông Xá\"").map(|(s, _)| s.to_string()),
        None => None,
    };
    let members = f.integer(cx, "members", true, 0..=1_000_000, "38");
    let programme = (site.first_year, site.last_year);
    let pilot = f.programme_year(cx, "pilot", programme, &site.first_year.to_string());

    let mut assessments: Vec<Assessment> = Vec::new();
    let mut broken = false;
    let target_year = site.target_year.to_string(); // for hints; made once, not per assessment
    let mut seen_years: Vec<(i64, Span)> = Vec::new();
    let tables = f.tables(cx, "assessments", "[[assessments]]");
    if tables.len() > MAX_ASSESSMENTS {
        let span = f.get("assessments").map_or_else(|| f.span(), |v| v.span());
        cx.error(span, diag!("KM0304", count = tables.len(), max = MAX_ASSESSMENTS));
        return None;
    }
    for (t, span) in tables {
        let a = Fields::new(cx, t, span, "what-assessment", ASSESSMENT_KEYS);
        // A year is what an assessment is of: its absence gets its own message (KM0107).
        if a.get("year").is_none() {
            cx.error(a.span(), diag!("KM0107", example = &target_year));
        }
        let year = a.programme_year(cx, "year", programme, &target_year);
        if let Some((y, yspan)) = &year {
            if seen_years.iter().any(|(s, _)| s == y) {
                cx.error(yspan.clone(), diag!("KM0305", year = y.to_string()));
                broken = true;
            }
            seen_years.push((*y, yspan.clone()));
        }
        match (year, type_idx) {
            (Some((y, yspan)), Some(t)) => match assessment(cx, &a, y as i32, yspan, t, site, frameworks) {
                Some(x) => assessments.push(x),
                None => broken = true,
            },
            _ => broken = true,
        }
    }
    seen_years.sort_by_key(|(y, _)| *y);
    let years: Vec<i64> = seen_years.iter().map(|(y, _)| *y).collect();
    for (after, missing) in crate::domain::rules::gaps(&years) {
        let Some((_, span)) = seen_years.get(after) else { continue };
        let (before, after) = ((missing.start - 1).to_string(), missing.end.to_string());
        // A long gap (a mistyped year) is shown as a range, not as thousands of years.
        let missing = if missing.end - missing.start > 10 {
            format!("{}-{}", missing.start, missing.end - 1)
        } else {
            missing.map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
        };
        cx.warning(span.clone(), diag!("KM0306", missing = missing, before = before, after = after));
    }
    if broken {
        return None;
    }
    assessments.sort_by_key(|a| a.year);
    let (name, type_idx, level, members) = (name?, type_idx?, level?, members?);
    if subtype_idx.is_none() && !site.branch_types[type_idx].subtypes.is_empty() {
        return None;
    }
    Some(Branch {
        slug: slug.to_string(),
        name: name.0.to_string(),
        type_idx,
        subtype_idx,
        level,
        parent,
        members: members.0 as u32,
        pilot: pilot.map(|(p, _)| p as i32),
        assessments,
        notes: Notes::default(),
    })
}

fn assessment(
    cx: &mut Ctx<'_>,
    a: &Fields<'_, '_>,
    year: i32,
    year_span: Span,
    type_idx: usize,
    site: &Site,
    frameworks: &Frameworks,
) -> Option<Assessment> {
    // Lists of known ids for hints are made only when a hint needs them (this runs for every
    // assessment of every branch).
    let rating = a.string(cx, "rating", true, "\"HTTNV\"").and_then(|(s, span)| {
        let idx = site.rating_index(s);
        if idx.is_none() {
            let codes: Vec<&str> = site.ratings.iter().map(|r| r.code.as_str()).collect();
            cx.error(span, diag!("KM0307", value = s)).hint(known_hint(s, &codes));
        }
        idx
    });
    // The year's criteria file is broken (and reported): its scores cannot be checked.
    if frameworks.broken_in(year) {
        return None;
    }
    let Some(fw) = frameworks.for_year(year) else {
        let first = frameworks.0.first().map_or("-".to_string(), |f| f.year.to_string());
        cx.error(year_span, diag!("KM0308", year = year.to_string(), first = first));
        return None;
    };
    let mut ok = true;
    // That year's member count, when it differs from the branch's `members`.
    let members = match a.get("members") {
        Some(_) => match a.integer(cx, "members", false, 0..=1_000_000, "36") {
            Some((m, _)) => u32::try_from(m).ok(),
            None => {
                ok = false;
                None
            }
        },
        None => None,
    };
    let mut vetoes = Vec::new();
    match a.strings(cx, "vetoes", false, "[\"ky-luat\"]") {
        Some(list) => {
            for (id, span) in list {
                match fw.vetoes.iter().position(|v| v.id == id) {
                    Some(i) if !vetoes.contains(&i) => vetoes.push(i),
                    Some(_) => {
                        cx.error(span, diag!("KM0309", id = id));
                        ok = false;
                    }
                    None => {
                        let veto_ids: Vec<&str> = fw.vetoes.iter().map(|v| v.id.as_str()).collect();
                        cx.error(span, diag!("KM0310", id = id, year = fw.year.to_string()))
                            .hint(known_hint(id, &veto_ids));
                        ok = false;
                    }
                }
            }
        }
        None => ok &= a.get("vetoes").is_none(),
    }

    let applicable = fw.applicable.get(type_idx).map_or(&[][..], Vec::as_slice);
    let mut scores: Vec<Option<Hundredths>> = vec![None; applicable.len()];
    let type_slug = &site.branch_types[type_idx].slug;
    let (table, scores_span) = a.table(cx, "scores", true, "{ \"1.1\" = 9, \"1.2\" = 8.5 }")?;
    let applicable_ids = || -> Vec<&str> { applicable.iter().map(|&i| fw.criteria[i].id.as_str()).collect() };
    // Scores usually come in the framework's order: try the criterion after the previous one
    // before searching (criterion ids are unique in a framework, so the answer is the same).
    let mut next = 0;
    for (key, value) in table.iter() {
        let id: &str = key.get_ref();
        let guess = applicable.get(next).filter(|&&i| fw.criteria[i].id == id).map(|_| next);
        let Some(pos) = guess.or_else(|| applicable.iter().position(|&i| fw.criteria[i].id == id)) else {
            if fw.criteria.iter().any(|c| c.id == id) {
                cx.error(key.span(), diag!("KM0401", id = id, type = type_slug, year = fw.year.to_string()));
            } else {
                cx.error(key.span(), diag!("KM0402", id = id, year = fw.year.to_string()))
                    .hint(known_hint(id, &applicable_ids()));
            }
            ok = false;
            continue;
        };
        next = pos + 1;
        let Some(v) = decimal_value(cx, id, value) else {
            // Present but unreadable: reported above, so not "missing" as well.
            scores[pos] = Some(Hundredths::ZERO);
            ok = false;
            continue;
        };
        let max = fw.criteria[applicable[pos]].max;
        if let Err(m) = crate::domain::rules::score_in_range(id, v, max) {
            cx.error(value.span(), m);
            ok = false;
        }
        scores[pos] = Some(v);
    }
    if scores.iter().any(Option::is_none) {
        let applicable_ids = applicable_ids();
        let missing: Vec<&str> =
            applicable_ids.iter().zip(&scores).filter(|(_, s)| s.is_none()).map(|(id, _)| *id).collect();
        let missing = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
        let (year, all) = (fw.year.to_string(), applicable_ids.join(", "));
        cx.error(scores_span, diag!("KM0405", missing = missing, year = year, type = type_slug, all = all));
        ok = false;
    }
    if !ok {
        return None;
    }
    Some(Assessment {
        year,
        members,
        rating: rating?,
        vetoes,
        // From a borrowed iterator: one allocation of the right size, not a reuse of the larger
        // `Option` buffer followed by a shrinking reallocation.
        scores: scores.iter().map(|s| s.unwrap_or_default()).collect(),
    })
}
