//! Numbers and dates in the site language: vi `92,5%`, `1.513`, `15/12/2024`;
//! en `92.5%`, `1,513`, `2024-12-15`. Interface strings live in the theme's `i18n/<lang>.toml`.

use crate::domain::model::{Language, Ratio};

#[derive(Debug, Clone, Copy)]
pub struct Format {
    pub lang: Language,
}

fn push_digit(s: &mut String, d: u64) {
    s.push(char::from(b'0' + (d % 10) as u8));
}

impl Format {
    fn decimal_sep(self) -> char {
        match self.lang {
            Language::Vi => ',',
            Language::En => '.',
        }
    }

    fn thousands_sep(self) -> char {
        match self.lang {
            Language::Vi => '.',
            Language::En => ',',
        }
    }

    /// A whole number with thousands separators.
    pub fn int(self, n: impl Into<i64>) -> String {
        let n: i64 = n.into();
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.thousands_sep());
            }
            out.push(c);
        }
        out
    }

    /// Tenths as a one-decimal number: `925` -> `92,5` (vi).
    pub fn tenths(self, tenths: i64) -> String {
        let mut s = String::with_capacity(12);
        self.push_tenths(&mut s, tenths);
        s
    }

    fn push_tenths(self, s: &mut String, tenths: i64) {
        if tenths < 0 {
            s.push('-');
        }
        let abs = tenths.unsigned_abs();
        s.push_str(&self.int((abs / 10) as i64));
        s.push(self.decimal_sep());
        push_digit(s, abs % 10);
    }

    /// A percentage with one decimal, or an en dash when there is nothing to measure.
    pub fn pct(self, r: Option<Ratio>) -> String {
        match r {
            Some(r) => {
                let mut s = String::with_capacity(12);
                self.push_tenths(&mut s, r.pct_tenths());
                s.push('%');
                s
            }
            None => "–".to_string(),
        }
    }

    /// A change in percentage points with its sign: `+2,5` / `−1,0`.
    pub fn pct_change(self, now: Option<Ratio>, before: Option<Ratio>) -> String {
        match (now, before) {
            (Some(a), Some(b)) => {
                let d = a.pct_tenths() - b.pct_tenths();
                let sign = if d > 0 {
                    "+"
                } else if d < 0 {
                    "−"
                } else {
                    "±"
                };
                format!("{sign}{}", self.tenths(d.abs()))
            }
            _ => String::new(),
        }
    }

    /// A decimal score kept in hundredths, in its shortest exact form: `85.5` -> `85,5` (vi).
    /// (Pages show dozens of them: written digit by digit, not formatted and then edited.)
    pub fn score(self, h: crate::domain::model::Hundredths) -> String {
        let mut s = String::with_capacity(10);
        if h.0 < 0 {
            s.push('-');
        }
        let abs = h.0.unsigned_abs();
        let (int, frac) = (abs / 100, abs % 100);
        s.push_str(itoa::Buffer::new().format(int));
        if frac != 0 {
            s.push(self.decimal_sep());
            push_digit(&mut s, frac / 10);
            if frac % 10 != 0 {
                push_digit(&mut s, frac % 10);
            }
        }
        s
    }

    pub fn date(self, d: jiff::civil::Date) -> String {
        match self.lang {
            Language::Vi => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
            Language::En => format!("{}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }

    /// A front-matter date as written (`2024-12-15`), shown in the site's format when it parses.
    pub fn date_text(self, s: &str) -> String {
        match s.get(..10).and_then(|d| d.parse::<jiff::civil::Date>().ok()) {
            Some(d) => self.date(d),
            None => s.to_string(),
        }
    }
}

/// Puts a site's `[district_level] label` where the theme's strings name the units under the
/// province ("đơn vị cấp huyện", "district"), keeping each place's capital or small letter, so
/// that a post-2025 site reads "Theo đảng bộ cấp xã" everywhere.
pub fn relabel_units(strings: &mut std::collections::BTreeMap<String, String>, language: Language, label: &str) {
    let label = label.trim();
    if label.is_empty() {
        return;
    }
    let upper = with_first(label, true);
    let lower = with_first(label, false);
    let words: &[(&str, &str)] = match language {
        Language::Vi => &[("Đơn vị cấp huyện", &upper), ("đơn vị cấp huyện", &lower)],
        // English has plurals the label may not: both forms take the label as written.
        Language::En => &[("Districts", &upper), ("districts", &lower), ("District", &upper), ("district", &lower)],
    };
    for value in strings.values_mut() {
        if words.iter().any(|(w, _)| value.contains(w)) {
            *value = replace_words(value, words);
        }
    }
}

/// `s` with its first letter made capital or small; a label that starts with an acronym
/// ("UBND xã") keeps it.
fn with_first(s: &str, capital: bool) -> String {
    let mut chars = s.chars();
    let (Some(first), rest) = (chars.next(), chars.as_str()) else { return String::new() };
    if !capital && rest.chars().next().is_some_and(char::is_uppercase) {
        return s.to_string();
    }
    let first: String = if capital { first.to_uppercase().collect() } else { first.to_lowercase().collect() };
    first + rest
}

/// Replaces each word where it stands whole (not "subdistrict"), in one pass so that a label
/// holding a word is not replaced again; `words` lists longer forms first.
fn replace_words(text: &str, words: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    'scan: while let Some(c) = rest.chars().next() {
        if bounded(out.chars().next_back()) {
            for (word, with) in words {
                if let Some(after) = rest.strip_prefix(word)
                    && bounded(after.chars().next())
                {
                    out.push_str(with);
                    rest = after;
                    continue 'scan;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_language() {
        let vi = Format { lang: Language::Vi };
        let en = Format { lang: Language::En };
        let r = Ratio::new(925, 1000);
        assert_eq!(vi.pct(r), "92,5%");
        assert_eq!(en.pct(r), "92.5%");
        assert_eq!(vi.int(1513), "1.513");
        assert_eq!(en.int(1_234_567), "1,234,567");
        assert_eq!(vi.int(999), "999");
        // Scores: the shortest exact form, as `Hundredths` writes it with a dot.
        for h in [0, 5, 50, 850, 8575, 8505, 9000, -125, 123_456] {
            let h = crate::domain::model::Hundredths(h);
            assert_eq!(en.score(h), h.to_string());
            assert_eq!(vi.score(h), h.to_string().replace('.', ","));
        }
        assert_eq!(vi.tenths(-1234), "-123,4");
        let d = jiff::civil::date(2024, 12, 15);
        assert_eq!(vi.date(d), "15/12/2024");
        assert_eq!(en.date(d), "2024-12-15");
        assert_eq!(vi.date_text("2024-12-05"), "05/12/2024");
        assert_eq!(vi.pct(None), "–");
        assert_eq!(vi.pct_change(Ratio::new(1, 2), Ratio::new(1, 4)), "+25,0");
        assert_eq!(vi.score(crate::domain::model::Hundredths(8550)), "85,5");
    }

    #[test]
    fn units_take_the_sites_label() {
        let strings = |pairs: &[(&str, &str)]| -> std::collections::BTreeMap<String, String> {
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        let mut vi = strings(&[("a", "Đơn vị cấp huyện"), ("b", "Theo đơn vị cấp huyện"), ("c", "Huyện ủy")]);
        relabel_units(&mut vi, Language::Vi, "Đảng bộ cấp xã");
        assert_eq!(vi["a"], "Đảng bộ cấp xã");
        assert_eq!(vi["b"], "Theo đảng bộ cấp xã");
        assert_eq!(vi["c"], "Huyện ủy");
        let mut acronym = strings(&[("b", "Số đơn vị cấp huyện đạt")]);
        relabel_units(&mut acronym, Language::Vi, "UBND xã");
        assert_eq!(acronym["b"], "Số UBND xã đạt");
        let mut en =
            strings(&[("a", "Districts"), ("b", "By district"), ("c", "a subdistrict"), ("d", "districts meet it")]);
        relabel_units(&mut en, Language::En, "commune district");
        assert_eq!(en["a"], "Commune district");
        assert_eq!(en["b"], "By commune district");
        assert_eq!(en["c"], "a subdistrict");
        assert_eq!(en["d"], "commune district meet it");
    }
}
