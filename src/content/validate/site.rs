//! `site.toml`: settings, ratings, branch types, targets, the pilot rule and the excellent cap.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use toml::de::DeTable;

use super::fields::{Ctx, Fields, Span, is_slug, suggest_slug};
use crate::content::diag::known_hint;
use crate::domain::model::{
    BranchType, DistrictKindDef, DistrictLevel, ExcellentCap, Hundredths, Language, Level, Metric, PilotRule, Rating,
    Scope, Site, Subtype, Target, Threshold,
};
use crate::{diag, msg};

const SITE_KEYS: &[&str] = &[
    "title",
    "organisation",
    "issuer",
    "place",
    "language",
    "base_url",
    "first_year",
    "target_year",
    "last_year",
    "theme",
    "ratings",
    "branch_types",
    "targets",
    "pilots",
    "excellent_cap",
    "district_level",
];
const YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;

pub fn site(cx: &mut Ctx<'_>, root: &DeTable<'_>) -> Option<Site> {
    site_or_stand_in(cx, root).and_then(|(site, complete)| complete.then_some(site))
}

/// The settings, and whether they are complete. Settings with a required value missing or wrong
/// (a `first_yeer` typo) are reported and cannot build a site; they still stand in, with wide
/// years and no targets, to check the other files (issue 13.8: one typo in site.toml must not
/// hide every branch file's problems). Without ratings or branch types nothing can stand in.
pub fn site_or_stand_in(cx: &mut Ctx<'_>, root: &DeTable<'_>) -> Option<(Site, bool)> {
    let f = Fields::new(cx, root, 0..0, "what-site", SITE_KEYS);
    let title = f.text(cx, "title", true, "\"Xây dựng mô hình chi bộ kiểu mẫu\"");
    let organisation = f.text(cx, "organisation", true, "\"Ban Tổ chức Tỉnh ủy Thái Bình\"");
    let language = match f.string(cx, "language", false, "\"vi\"") {
        None => Some(Language::Vi),
        Some(("vi", _)) => Some(Language::Vi),
        Some(("en", _)) => Some(Language::En),
        Some((other, span)) => {
            cx.error(span, diag!("KM0311", what = msg!("what-language"), value = other))
                .hint(known_hint(other, &["vi", "en"]));
            None
        }
    };
    let base_url = match f.string(cx, "base_url", false, "\"\"") {
        Some((s, span)) if !crate::domain::rules::base_url_ok(s) => {
            cx.error(span, diag!("KM0324", value = s));
            ""
        }
        Some((s, _)) => s,
        None => "",
    };
    let issuer = issuer(cx, &f);
    let place = f.text(cx, "place", false, "\"Thái Bình\"").map(|(s, _)| s.to_string());
    let theme = f.string(cx, "theme", false, "\"default\"").and_then(|(s, span)| {
        if is_slug(s) {
            Some(s.to_string())
        } else {
            cx.error(span, diag!("KM0314", value = s, suggestion = suggest_slug(s)));
            None
        }
    });
    let first_year = f.integer(cx, "first_year", true, YEARS, "2022");
    let target_year = f.integer(cx, "target_year", true, YEARS, "2025");
    let last_year = f.integer(cx, "last_year", false, YEARS, "2025");
    if let (Some((first, _)), Some((target, span))) = (&first_year, &target_year)
        && target < first
    {
        let (year, first) = (target.to_string(), first.to_string());
        cx.error(span.clone(), diag!("KM0315", key = "target_year", year = year, first = first))
            .hint(msg!("year-order-target"));
    }
    if let (Some((first, _)), Some((last, span))) = (&first_year, &last_year)
        && last < first
    {
        let (year, first) = (last.to_string(), first.to_string());
        cx.error(span.clone(), diag!("KM0315", key = "last_year", year = year, first = first))
            .hint(msg!("year-order-last"));
    }

    let ratings = ratings(cx, &f);
    let branch_types = branch_types(cx, &f);
    let rating_codes: Vec<&str> = ratings.iter().map(|r| r.code.as_str()).collect();
    let targets = targets(cx, &f);
    let pilots = pilots(cx, &f);
    let excellent_cap = excellent_cap(cx, &f, &rating_codes);
    let district_level = district_level(cx, &f);

    if ratings.is_empty() || branch_types.is_empty() {
        return None;
    }
    let complete = title.is_some()
        && organisation.is_some()
        && language.is_some()
        && first_year.is_some()
        && target_year.is_some()
        && targets.is_some()
        && pilots.is_some()
        && excellent_cap.is_some()
        && district_level.is_some();
    let (first, target) = match (first_year, target_year) {
        (Some((first, _)), Some((target, _))) => (first, target),
        // Standing in: every year a branch file may hold.
        _ => (*YEARS.start(), *YEARS.end()),
    };
    let site = Site {
        title: title.map_or_else(String::new, |t| t.0.to_string()),
        organisation: organisation.map_or_else(String::new, |o| o.0.to_string()),
        issuer,
        place,
        language: language.unwrap_or(Language::Vi),
        base_url: base_url.to_string(),
        first_year: first as i32,
        target_year: target as i32,
        last_year: last_year.map_or(target, |(l, _)| l) as i32,
        theme,
        ratings,
        branch_types,
        targets: targets.unwrap_or_default(),
        pilots: pilots.unwrap_or_default(),
        excellent_cap: excellent_cap.unwrap_or_default(),
        district_level: district_level.unwrap_or_default(),
    };
    Some((site, complete))
}

/// `issuer`: the lines of the issuing body (the body above it first).
fn issuer(cx: &mut Ctx<'_>, f: &Fields<'_, '_>) -> Vec<String> {
    const EXAMPLE: &str = "[\"TỈNH ỦY THÁI BÌNH\", \"BAN TỔ CHỨC\"]";
    let lines = f.strings(cx, "issuer", false, EXAMPLE).unwrap_or_default();
    // An empty line is left out (the heading block shows the others).
    lines.into_iter().map(|(l, _)| l.trim()).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn ratings(cx: &mut Ctx<'_>, f: &Fields<'_, '_>) -> Vec<Rating> {
    let tables = f.tables(cx, "ratings", "[[ratings]]");
    if tables.is_empty() && f.get("ratings").is_none_or(|v| v.get_ref().as_array().is_some_and(|a| a.is_empty())) {
        cx.error(f.span(), diag!("KM0313", table = "ratings")).hint(msg!("none-defined-ratings"));
    }
    let mut out: Vec<Rating> = Vec::new();
    for (t, span) in tables {
        let r = Fields::new(cx, t, span, "what-rating", &["code", "name", "good"]);
        let code = r.text(cx, "code", true, "\"HTXSNV\"");
        let name = r.text(cx, "name", true, "\"Hoàn thành xuất sắc nhiệm vụ\"");
        let good = r.boolean(cx, "good", false).is_some_and(|(b, _)| b);
        if let (Some((code, cspan)), Some((name, _))) = (code, name) {
            if out.iter().any(|o| o.code == code) {
                cx.error(cspan, diag!("KM0312", what = msg!("what-rating"), id = code));
                continue;
            }
            out.push(Rating { code: code.to_string(), name: name.to_string(), good });
        }
    }
    out
}

fn branch_types(cx: &mut Ctx<'_>, f: &Fields<'_, '_>) -> Vec<BranchType> {
    let tables = f.tables(cx, "branch_types", "[[branch_types]]");
    if tables.is_empty() && f.get("branch_types").is_none_or(|v| v.get_ref().as_array().is_some_and(|a| a.is_empty())) {
        cx.error(f.span(), diag!("KM0313", table = "branch_types")).hint(msg!("none-defined-types"));
    }
    let mut out: Vec<BranchType> = Vec::new();
    for (t, span) in tables {
        let bt = Fields::new(cx, t, span, "what-branch-type", &["slug", "name", "subtypes"]);
        let slug = slug_field(cx, &bt, "khu-dan-cu");
        let name = bt.text(cx, "name", true, "\"Khu dân cư\"");
        let mut subtypes: Vec<Subtype> = Vec::new();
        for (st, sspan) in bt.tables(cx, "subtypes", "[{ slug = \"thon\", name = \"Thôn\" }]") {
            let s = Fields::new(cx, st, sspan, "what-subtype", &["slug", "name"]);
            let sslug = slug_field(cx, &s, "thon");
            let sname = s.text(cx, "name", true, "\"Thôn\"");
            if let (Some((sslug, span)), Some((sname, _))) = (sslug, sname) {
                if subtypes.iter().any(|x| x.slug == sslug) {
                    cx.error(span, diag!("KM0312", what = msg!("what-subtype"), id = sslug));
                    continue;
                }
                subtypes.push(Subtype { slug: sslug.to_string(), name: sname.to_string() });
            }
        }
        if let (Some((slug, span)), Some((name, _))) = (slug, name) {
            if out.iter().any(|o| o.slug == slug) {
                cx.error(span, diag!("KM0312", what = msg!("what-branch-type"), id = slug));
                continue;
            }
            out.push(BranchType { slug: slug.to_string(), name: name.to_string(), subtypes });
        }
    }
    out
}

/// A `slug` key: present, and lowercase ASCII.
pub fn slug_field<'a>(cx: &mut Ctx<'_>, f: &Fields<'a, '_>, example: &str) -> Option<(&'a str, Span)> {
    let (s, span) = f.text(cx, "slug", true, &format!("\"{example}\""))?;
    if !is_slug(s) {
        cx.error(span, diag!("KM0314", value = s, suggestion = suggest_slug(s)));
        return None;
    }
    Some((s, span))
}

pub fn level_value(cx: &mut Ctx<'_>, s: &str, span: Span) -> Option<Level> {
    let level = Level::from_slug(s);
    if level.is_none() {
        cx.error(span, diag!("KM0311", what = msg!("what-level"), value = s))
            .hint(known_hint(s, &[Level::CoSo.slug(), Level::TrucThuoc.slug()]));
    }
    level
}

/// A percentage between 0 and 100.
fn pct(cx: &mut Ctx<'_>, f: &Fields<'_, '_>, key: &str, required: bool) -> Option<Hundredths> {
    let (v, span) = f.decimal(cx, key, required, "90")?;
    if v.is_negative() || v > Hundredths::from_units(100) {
        cx.error(span, diag!("KM0316", key = key, value = v.to_string()));
        return None;
    }
    Some(v)
}

/// `None` when some target is broken (so the site is not built on a wrong target list).
fn targets(cx: &mut Ctx<'_>, f: &Fields<'_, '_>) -> Option<Vec<Target>> {
    let mut out = Vec::new();
    let mut ok = true;
    for (t, span) in f.tables(cx, "targets", "[[targets]]") {
        let tf = Fields::new(
            cx,
            t,
            span.clone(),
            "what-target",
            &["name", "metric", "scope", "at_least", "more_than", "level"],
        );
        let name = tf.text(cx, "name", true, "\"Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên\"");
        let metric = tf.string(cx, "metric", true, "\"good_or_better\"").and_then(|(s, span)| match s {
            "good_or_better" => Some(Metric::GoodOrBetter),
            "model" => Some(Metric::Model),
            _ => {
                cx.error(span, diag!("KM0311", what = msg!("what-metric"), value = s))
                    .hint(known_hint(s, &["good_or_better", "model"]));
                None
            }
        });
        let scope = tf.string(cx, "scope", true, "\"district\"").and_then(|(s, span)| match s {
            "district" => Some(Scope::District),
            "province" => Some(Scope::Province),
            _ => {
                cx.error(span, diag!("KM0311", what = msg!("what-scope"), value = s))
                    .hint(known_hint(s, &["district", "province"]));
                None
            }
        });
        let at_least = pct(cx, &tf, "at_least", false);
        let more_than = pct(cx, &tf, "more_than", false);
        let threshold = match (tf.get("at_least").is_some(), tf.get("more_than").is_some()) {
            (true, false) => at_least.map(Threshold::AtLeast),
            (false, true) => more_than.map(Threshold::MoreThan),
            (false, false) => {
                cx.error(span.clone(), diag!("KM0317"));
                None
            }
            (true, true) => {
                cx.error(span.clone(), diag!("KM0318"));
                None
            }
        };
        let level = match tf.string(cx, "level", false, "\"co-so\"") {
            Some((s, lspan)) => level_value(cx, s, lspan).map(Some),
            None => Some(None),
        };
        match (name, metric, scope, threshold, level) {
            (Some((name, _)), Some(metric), Some(scope), Some(threshold), Some(level)) => {
                out.push(Target { name: name.to_string(), metric, scope, threshold, level });
            }
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn pilots(cx: &mut Ctx<'_>, f: &Fields<'_, '_>) -> Option<Option<PilotRule>> {
    let Some((t, span)) = f.table(cx, "pilots", false, "{ per_type = [1, 3] }") else {
        return Some(None);
    };
    let pf = Fields::new(cx, t, span, "what-pilots", &["per_type"]);
    let (items, span) = pf.array(cx, "per_type", true, "[1, 3]")?;
    let nums: Vec<i64> = items
        .iter()
        .filter_map(|v| match v.get_ref() {
            toml::de::DeValue::Integer(i) => i.as_str().parse::<i64>().ok(),
            _ => None,
        })
        .collect();
    match nums.as_slice() {
        [min, max] if items.len() == 2 && 0 <= *min && min <= max && *max <= 1000 => {
            Some(Some(PilotRule { min: *min as u32, max: *max as u32 }))
        }
        _ => {
            cx.error(span, diag!("KM0319"));
            None
        }
    }
}

fn excellent_cap(cx: &mut Ctx<'_>, f: &Fields<'_, '_>, codes: &[&str]) -> Option<Option<ExcellentCap>> {
    let Some((t, span)) = f.table(cx, "excellent_cap", false, "{ rating = \"HTXSNV\", of = \"HTTNV\", max_pct = 20 }")
    else {
        return Some(None);
    };
    let ef = Fields::new(cx, t, span, "what-excellent-cap", &["rating", "of", "max_pct"]);
    let mut code = |key: &str, example: &str| {
        let (s, span) = ef.string(cx, key, true, example)?;
        let idx = codes.iter().position(|c| *c == s);
        if idx.is_none() {
            cx.error(span, diag!("KM0307", value = s)).hint(known_hint(s, codes));
        }
        idx
    };
    let rating = code("rating", "\"HTXSNV\"");
    let of = code("of", "\"HTTNV\"");
    let max_pct = pct(cx, &ef, "max_pct", true);
    Some(Some(ExcellentCap { rating: rating?, of: of?, max_pct: max_pct? }))
}

/// `[district_level]`: the units' label and kinds; absent, the pre-2025 districts.
fn district_level(cx: &mut Ctx<'_>, f: &Fields<'_, '_>) -> Option<DistrictLevel> {
    const EXAMPLE: &str = "{ label = \"Đảng bộ cấp xã\", kinds = [{ slug = \"xa\", name = \"Đảng bộ xã\" }] }";
    let Some((t, span)) = f.table(cx, "district_level", false, EXAMPLE) else {
        return Some(DistrictLevel::default());
    };
    let lf = Fields::new(cx, t, span, "what-district-level", &["label", "kinds"]);
    let label = lf.text(cx, "label", false, "\"Đảng bộ cấp xã\"").map(|(s, _)| s.to_string());
    let mut kinds: Vec<DistrictKindDef> = Vec::new();
    let tables = lf.tables(cx, "kinds", "[{ slug = \"xa\", name = \"Đảng bộ xã\" }]");
    let mut ok = true;
    for (kt, kspan) in tables {
        let k = Fields::new(cx, kt, kspan, "what-kind", &["slug", "name"]);
        let slug = slug_field(cx, &k, "xa");
        let name = k.text(cx, "name", false, "\"Đảng bộ xã\"").map(|(s, _)| s.to_string());
        match slug {
            Some((slug, span)) if kinds.iter().any(|o| o.slug == slug) => {
                cx.error(span, diag!("KM0312", what = msg!("what-kind"), id = slug));
                ok = false;
            }
            Some((slug, _)) => kinds.push(DistrictKindDef { slug: slug.to_string(), name }),
            None => ok = false,
        }
    }
    if lf.get("kinds").is_none() {
        kinds = DistrictLevel::default().kinds;
    } else if kinds.is_empty() && ok {
        cx.error(lf.span(), diag!("KM0313", table = "district_level.kinds")).hint(msg!("none-defined-kinds"));
        ok = false;
    }
    ok.then_some(DistrictLevel { label, kinds })
}
