//! `criteria/<year>.toml`: the criteria framework in force from that year.

use toml::de::DeTable;

use super::fields::{Ctx, Fields};
use crate::content::diag::known_hint;
use crate::domain::model::{Criterion, Framework, Group, Hundredths, Site, Veto};
use crate::{diag, msg};

const FRAMEWORK_KEYS: &[&str] = &["model_min_pct", "model_ratings", "groups", "criteria", "vetoes"];
const CRITERION_KEYS: &[&str] = &["id", "group", "title", "max", "min", "types"];
/// A framework with more criteria than this is a mistake, not a framework.
pub const MAX_CRITERIA: usize = 1000;

pub fn framework(cx: &mut Ctx<'_>, root: &DeTable<'_>, year: i32, site: &Site) -> Option<Framework> {
    let f = Fields::new(cx, root, 0..0, "what-criteria", FRAMEWORK_KEYS);
    let model_min_pct = f.decimal(cx, "model_min_pct", true, "90").and_then(|(v, span)| {
        if v.is_negative() || v > Hundredths::from_units(100) {
            cx.error(span, diag!("KM0316", key = "model_min_pct", value = v.to_string()));
            None
        } else {
            Some(v)
        }
    });
    let codes: Vec<&str> = site.ratings.iter().map(|r| r.code.as_str()).collect();
    let model_ratings = f.strings(cx, "model_ratings", true, "[\"HTXSNV\", \"HTTNV\"]").map(|list| {
        list.into_iter()
            .filter_map(|(code, span)| {
                let idx = site.rating_index(code);
                if idx.is_none() {
                    cx.error(span, diag!("KM0307", value = code)).hint(known_hint(code, &codes));
                }
                idx
            })
            .collect::<Vec<_>>()
    });

    let mut groups: Vec<Group> = Vec::new();
    for (t, span) in f.tables(cx, "groups", "[[groups]]") {
        let g = Fields::new(cx, t, span, "what-group", &["id", "name"]);
        let id = g.text(cx, "id", true, "\"I\"");
        let name = g.text(cx, "name", true, "\"Chính trị, tư tưởng\"");
        if let (Some((id, span)), Some((name, _))) = (id, name) {
            if groups.iter().any(|x| x.id == id) {
                cx.error(span, diag!("KM0312", what = msg!("what-group"), id = id));
                continue;
            }
            groups.push(Group { id: id.to_string(), name: name.to_string() });
        }
    }

    let type_slugs: Vec<&str> = site.branch_types.iter().map(|t| t.slug.as_str()).collect();
    let group_ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    let tables = f.tables(cx, "criteria", "[[criteria]]");
    if tables.len() > MAX_CRITERIA {
        cx.error(f.span(), diag!("KM0320", count = tables.len(), max = MAX_CRITERIA));
        return None;
    }
    if tables.is_empty() {
        cx.error(f.span(), diag!("KM0313", table = "criteria")).hint(msg!("none-defined-criteria"));
    }
    let mut criteria: Vec<Criterion> = Vec::new();
    let mut broken = false;
    for (t, span) in tables {
        let c = Fields::new(cx, t, span, "what-criterion", CRITERION_KEYS);
        let id = c.text(cx, "id", true, "\"1.1\"");
        let group = c.string(cx, "group", true, "\"I\"").and_then(|(g, span)| {
            let idx = group_ids.iter().position(|x| *x == g);
            if idx.is_none() {
                cx.error(span, diag!("KM0311", what = msg!("what-group-ref"), value = g))
                    .hint(known_hint(g, &group_ids));
            }
            idx
        });
        let title = c.text(cx, "title", true, "\"Chấp hành nghiêm chủ trương, đường lối của Đảng\"");
        let max = c.decimal(cx, "max", true, "10").and_then(|(m, span)| {
            if m <= Hundredths::ZERO {
                cx.error(span, diag!("KM0321", value = m.to_string()));
                None
            } else {
                Some(m)
            }
        });
        let min = match c.decimal(cx, "min", false, "7") {
            None if c.get("min").is_some() => {
                broken = true;
                None
            }
            None => None,
            Some((m, span)) => {
                if m.is_negative() {
                    let max = max.map_or_else(|| "?".to_string(), |mx| mx.to_string());
                    cx.error(span, diag!("KM0322", value = m.to_string(), max = max));
                    broken = true;
                } else if max.is_some_and(|mx| m > mx) {
                    let max = max.unwrap_or_default().to_string();
                    cx.error(span, diag!("KM0322", value = m.to_string(), max = max));
                    broken = true;
                }
                Some(m)
            }
        };
        let types = match c.strings(cx, "types", false, "[\"khu-dan-cu\"]") {
            None if c.get("types").is_some() => {
                broken = true;
                None
            }
            None => None,
            Some(list) => {
                let mut idx = Vec::new();
                for (slug, span) in list {
                    match site.type_index(slug) {
                        Some(i) => idx.push(i),
                        None => {
                            cx.error(span, diag!("KM0301", value = slug)).hint(known_hint(slug, &type_slugs));
                            broken = true;
                        }
                    }
                }
                Some(idx)
            }
        };
        match (id, group, title, max) {
            (Some((id, span)), Some(group), Some((title, _)), Some(max)) => {
                if criteria.iter().any(|x| x.id == id) {
                    cx.error(span, diag!("KM0312", what = msg!("what-criterion"), id = id));
                    broken = true;
                    continue;
                }
                criteria.push(Criterion { id: id.to_string(), group, title: title.to_string(), max, min, types });
            }
            _ => broken = true,
        }
    }

    let mut vetoes: Vec<Veto> = Vec::new();
    for (t, span) in f.tables(cx, "vetoes", "[[vetoes]]") {
        let v = Fields::new(cx, t, span, "what-veto", &["id", "title"]);
        let id = v.text(cx, "id", true, "\"ky-luat\"");
        let title = v.text(cx, "title", true, "\"Có đảng viên bị kỷ luật\"");
        if let (Some((id, span)), Some((title, _))) = (id, title) {
            if vetoes.iter().any(|x| x.id == id) {
                cx.error(span, diag!("KM0312", what = msg!("what-veto"), id = id));
                continue;
            }
            vetoes.push(Veto { id: id.to_string(), title: title.to_string() });
        }
    }

    if broken {
        return None;
    }
    let applicable: Vec<Vec<usize>> = (0..site.branch_types.len())
        .map(|t| (0..criteria.len()).filter(|&i| criteria[i].applies_to(t)).collect())
        .collect();
    for (t, ids) in applicable.iter().enumerate() {
        if ids.is_empty() {
            let slug = &site.branch_types[t].slug;
            cx.error(f.span(), diag!("KM0323", type = slug));
            return None;
        }
    }
    Some(Framework {
        year,
        model_min_pct: model_min_pct?,
        model_ratings: model_ratings?,
        groups,
        criteria,
        vetoes,
        applicable,
    })
}
