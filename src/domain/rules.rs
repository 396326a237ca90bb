//! The assessment rules that both `check` (branch files) and `import` (sheets) apply to the values
//! a clerk writes: which rating or veto a label names, and whether a score fits its criterion.
//! Each returns its problem as a coded message; the caller puts it at a TOML span or a sheet cell.

use crate::domain::model::{Branch, Framework, Hundredths, Site};
use crate::messages::Message;

/// Which of `items` (slug, name) a clerk's text names (a register cell, `forms --district`): the
/// slug as written, the name in any case, or the name's slug ("Khu dân cư" for `khu-dan-cu`).
pub fn pick_by_slug_or_name<'a>(value: &str, items: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> Option<usize> {
    let lower = value.trim().to_lowercase();
    let slugged = slug::slugify(value);
    items
        .clone()
        .position(|(s, _)| s == value)
        .or_else(|| items.clone().position(|(_, n)| n.trim().to_lowercase() == lower))
        .or_else(|| items.clone().position(|(s, _)| s == slugged))
}

/// A year a command works on (`import`, `forms`) lies within the site's years.
pub fn year_in_site(site: &Site, year: i32) -> Result<(), String> {
    if (site.first_year..=site.last_year).contains(&year) {
        return Ok(());
    }
    Err(crate::msg!(
        "year-outside-site",
        year = year.to_string(),
        first = site.first_year.to_string(),
        last = site.last_year.to_string()
    ))
}

/// The rating a sheet cell names: its code in any case (`httnv`), or its full name
/// (`Hoàn thành tốt nhiệm vụ`, also in any case). Branch files use the exact code.
pub fn rating_from_label(site: &Site, label: &str) -> Option<usize> {
    let label = label.trim();
    site.rating_index(label).or_else(|| {
        let lower = label.to_lowercase();
        site.ratings.iter().position(|r| r.code.to_lowercase() == lower || r.name.trim().to_lowercase() == lower)
    })
}

/// The veto a sheet cell names: its id, or its title (in any case).
pub fn veto_from_label(fw: &Framework, label: &str) -> Option<usize> {
    let lower = label.trim().to_lowercase();
    fw.vetoes.iter().position(|v| v.id == label.trim()).or_else(|| {
        fw.vetoes.iter().position(|v| v.id.to_lowercase() == lower || v.title.trim().to_lowercase() == lower)
    })
}

/// A score lies in `0..=max` (its two-decimal precision is the number type's own rule).
pub fn score_in_range(id: &str, v: Hundredths, max: Hundredths) -> Result<(), Message> {
    let (value, max_text) = (v.to_string(), max.to_string());
    if v.is_negative() {
        return Err(crate::diag!("KM0403", score = value, id = id, max = max_text));
    }
    if v > max {
        return Err(crate::diag!("KM0404", score = value, id = id, max = max_text));
    }
    Ok(())
}

/// The gaps in a branch's sorted assessment years: for each, the index of the year after it and
/// the years missing (`[2022, 2025]` -> `[(1, 2023..2025)]`). A gap is a warning in `check` and a
/// flag on the pages.
/// `base_url` goes into every page's canonical link and every snapshot's banner, where it stays
/// frozen: only an absolute `http(s)` address with a host (or nothing) is accepted, never
/// `javascript:`, `data:`, `file:`, a bare `intranet/kieumau` or an address with spaces.
pub fn base_url_ok(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    url::Url::parse(s).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https")
            && u.host_str().is_some_and(|h| !h.is_empty())
            && u.username().is_empty()
            && u.password().is_none()
    })
}

/// Invisible characters that reorder the text shown after them (Trojan Source): a name holding one
/// can display as another name.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn gaps(sorted_years: &[i64]) -> Vec<(usize, std::ops::Range<i64>)> {
    sorted_years
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| match *w {
            [before, after] if after - before > 1 => Some((i + 1, before + 1..after)),
            _ => None,
        })
        .collect()
}

/// A year missing between a branch's first and last assessment.
pub fn has_gap(b: &Branch) -> bool {
    b.assessments.windows(2).any(|w| matches!(*w, [ref x, ref y] if y.year - x.year > 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_absolute_http() {
        for ok in ["", "https://intranet.example/kieumau/", "http://10.0.0.5:8080/bao-cao", "https://tinh-uy.vn"] {
            assert!(base_url_ok(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)//",
            "data:text/html,x",
            "file:///etc/passwd",
            "http://a b/",
            "intranet/kieumau",
            "//intranet.example/",
            "ftp://x.example/",
            "https://user:pw@x.example/",
            "https://x.example/\n",
        ] {
            assert!(!base_url_ok(bad), "{bad}");
        }
    }

    #[test]
    fn finds_gaps() {
        assert_eq!(gaps(&[2022, 2023, 2025, 2026, 2029]), vec![(2, 2024..2025), (4, 2027..2029)]);
        assert!(gaps(&[2022, 2023]).is_empty());
        assert!(gaps(&[]).is_empty());
    }

    #[test]
    fn score_range() {
        let max = Hundredths(1000);
        assert!(score_in_range("1.1", Hundredths(0), max).is_ok());
        assert!(score_in_range("1.1", max, max).is_ok());
        assert!(score_in_range("1.1", Hundredths(-1), max).unwrap_err().text.contains("for `1.1` is negative"));
        assert!(score_in_range("1.1", Hundredths(1001), max).unwrap_err().text.contains("above its maximum 10"));
    }
}
