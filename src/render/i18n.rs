//! Numbers and dates in the site language: vi `92,5%`, `1.513`, `15/12/2024`;
//! en `92.5%`, `1,513`, `2024-12-15`. Interface strings live in the theme's `i18n/<lang>.toml`.

use crate::model::{Language, Ratio};

#[derive(Debug, Clone, Copy)]
pub struct Format {
    pub lang: Language,
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
        let sign = if tenths < 0 { "-" } else { "" };
        let abs = tenths.unsigned_abs();
        format!("{sign}{}{}{}", self.int((abs / 10) as i64), self.decimal_sep(), abs % 10)
    }

    /// A percentage with one decimal, or an en dash when there is nothing to measure.
    pub fn pct(self, r: Option<Ratio>) -> String {
        match r {
            Some(r) => format!("{}%", self.tenths(r.pct_tenths())),
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

    /// A decimal score kept in hundredths: `85.5` -> `85,5` (vi).
    pub fn score(self, h: crate::model::Hundredths) -> String {
        let s = h.to_string();
        match self.lang {
            Language::Vi => s.replace('.', ","),
            Language::En => s,
        }
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
        let d = jiff::civil::date(2024, 12, 15);
        assert_eq!(vi.date(d), "15/12/2024");
        assert_eq!(en.date(d), "2024-12-15");
        assert_eq!(vi.date_text("2024-12-05"), "05/12/2024");
        assert_eq!(vi.pct(None), "–");
        assert_eq!(vi.pct_change(Ratio::new(1, 2), Ratio::new(1, 4)), "+25,0");
        assert_eq!(vi.score(crate::model::Hundredths(8550)), "85,5");
    }
}
