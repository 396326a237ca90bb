//! The checked domain: what the content says once it has been validated.
//!
//! Types are compact on purpose (indices instead of repeated strings, scores as integer
//! hundredths) because a national site holds a few hundred thousand branches.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An exact decimal with two places, stored as an integer count of hundredths.
///
/// Scores, maxima and thresholds use it so that 85.5 / 95 is exactly 90% (no 89.99999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Hundredths(pub i64);

/// Why a number could not be read as an exact two-place decimal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecimalError {
    TooManyDecimals,
    NotFinite,
    Exponent,
    TooLarge,
    Malformed,
}

impl Hundredths {
    pub const ZERO: Hundredths = Hundredths(0);
    /// Largest magnitude accepted: keeps every sum and product in i64/i128 far from overflow.
    pub const LIMIT: i64 = 1_000_000_000 * 100;

    pub fn from_units(units: i64) -> Self {
        Hundredths(units * 100)
    }

    /// Reads TOML number text (`9`, `8.5`, `-0.25`, `1_000`) exactly.
    pub fn parse(text: &str) -> Result<Self, DecimalError> {
        match Self::parse_plain(text) {
            Some(plain) => Ok(plain),
            None => Self::parse_full(text),
        }
    }

    fn parse_full(text: &str) -> Result<Self, DecimalError> {
        // Without allocating in the common case (a score is read for every criterion of every
        // branch and year): no `_` to drop, and the letter checks ignore ASCII case in place.
        let t: std::borrow::Cow<'_, str> = if text.contains('_') { text.replace('_', "").into() } else { text.into() };
        let t: &str = &t;
        let has = |word: &[u8]| t.as_bytes().windows(word.len()).any(|w| w.eq_ignore_ascii_case(word));
        if has(b"nan") || has(b"inf") {
            return Err(DecimalError::NotFinite);
        }
        if has(b"e") {
            return Err(DecimalError::Exponent);
        }
        let (negative, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DecimalError::Malformed);
        }
        if !frac_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DecimalError::Malformed);
        }
        // Trailing zeros carry no precision: 8.500 is 8.5.
        let frac = frac_part.trim_end_matches('0');
        if frac.len() > 2 {
            return Err(DecimalError::TooManyDecimals);
        }
        let int_value: i64 = if int_part.len() > 12 {
            return Err(DecimalError::TooLarge);
        } else {
            int_part.parse().map_err(|_| DecimalError::Malformed)?
        };
        let mut frac_value: i64 = 0;
        for (i, b) in frac.bytes().enumerate() {
            let digit = i64::from(b - b'0');
            frac_value += digit * if i == 0 { 10 } else { 1 };
        }
        let value = int_value * 100 + frac_value;
        if value > Self::LIMIT {
            return Err(DecimalError::TooLarge);
        }
        Ok(Hundredths(if negative { -value } else { value }))
    }

    /// The common form of a score, digits with at most two decimals (`9`, `8.5`, `8.25`), read in
    /// one pass; `None` for anything else, which [`Self::parse`] reads (or refuses) in full. Where
    /// it answers, the full reading gives the same value.
    fn parse_plain(text: &str) -> Option<Self> {
        let (int_part, frac_part) = text.split_once('.').unwrap_or((text, ""));
        if int_part.is_empty() || int_part.len() > 12 || frac_part.len() > 2 {
            return None;
        }
        let mut value: i64 = 0;
        for b in int_part.bytes() {
            value = value * 10 + i64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
        }
        let mut frac: i64 = 0;
        for (i, b) in frac_part.bytes().enumerate() {
            let digit = i64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
            frac += digit * if i == 0 { 10 } else { 1 };
        }
        let value = value * 100 + frac;
        (value <= Self::LIMIT).then_some(Hundredths(value))
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl fmt::Display for Hundredths {
    /// Shortest exact form with a dot: `9`, `8.5`, `89.75`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (int, frac) = (abs / 100, abs % 100);
        match frac {
            0 => write!(f, "{sign}{int}"),
            f2 if f2 % 10 == 0 => write!(f, "{sign}{int}.{}", f2 / 10),
            f2 => write!(f, "{sign}{int}.{f2:02}"),
        }
    }
}

/// A percentage kept as an exact fraction `num / den` of 100%.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub num: i128,
    pub den: i128,
}

impl Ratio {
    pub fn new(num: i128, den: i128) -> Option<Self> {
        (den > 0).then_some(Ratio { num, den })
    }

    /// The percentage in tenths, rounded half away from zero (92.45% -> 925).
    pub fn pct_tenths(self) -> i64 {
        let scaled = self.num * 1000;
        let q = (2 * scaled.abs() + self.den) / (2 * self.den);
        let q = i64::try_from(q).unwrap_or(i64::MAX);
        if scaled < 0 { -q } else { q }
    }

    /// Percentage as f64, only for charts and JSON convenience, never for decisions.
    pub fn pct_f64(self) -> f64 {
        (self.num as f64) * 100.0 / (self.den as f64)
    }

    /// `self% >= pct%` exactly, with `pct` in hundredths of a percent point.
    pub fn at_least(self, pct: Hundredths) -> bool {
        self.num * 10_000 >= i128::from(pct.0) * self.den
    }

    /// `self% > pct%` exactly.
    pub fn more_than(self, pct: Hundredths) -> bool {
        self.num * 10_000 > i128::from(pct.0) * self.den
    }
}

/// Formats tenths of a percent with one decimal and a dot: `925` -> `92.5`.
pub fn tenths_to_string(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    CoSo,
    TrucThuoc,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::CoSo, Level::TrucThuoc];
    pub fn slug(self) -> &'static str {
        match self {
            Level::CoSo => "co-so",
            Level::TrucThuoc => "truc-thuoc",
        }
    }
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.slug() == s)
    }
}

/// What the units directly under the province are called, and their kinds (`[district_level]`).
/// Since the 2025 reorganisation a site may have communes and wards here instead of districts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictLevel {
    /// The units' name in the interface ("Đảng bộ cấp xã"); `None` keeps the theme's own wording.
    pub label: Option<String>,
    pub kinds: Vec<DistrictKindDef>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictKindDef {
    pub slug: String,
    /// Shown for the kind; `None` uses the theme's `kind_<slug>` string.
    pub name: Option<String>,
}

impl Default for DistrictLevel {
    fn default() -> Self {
        let kind = |slug: &str| DistrictKindDef { slug: slug.to_string(), name: None };
        DistrictLevel { label: None, kinds: vec![kind("huyen"), kind("thanh-pho"), kind("truc-thuoc")] }
    }
}

impl DistrictLevel {
    pub fn kind(&self, slug: &str) -> Option<&DistrictKindDef> {
        self.kinds.iter().find(|k| k.slug == slug)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Vi,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    GoodOrBetter,
    Model,
}

impl Metric {
    pub fn slug(self) -> &'static str {
        match self {
            Metric::GoodOrBetter => "good_or_better",
            Metric::Model => "model",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    District,
    Province,
}

impl Scope {
    pub fn slug(self) -> &'static str {
        match self {
            Scope::District => "district",
            Scope::Province => "province",
        }
    }
}

/// "at least 90" is met by 90.0%; "more than 20" is not met by 20.0%.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    AtLeast(Hundredths),
    MoreThan(Hundredths),
}

impl Threshold {
    pub fn is_met(self, value: Ratio) -> bool {
        match self {
            Threshold::AtLeast(p) => value.at_least(p),
            Threshold::MoreThan(p) => value.more_than(p),
        }
    }
    pub fn pct(self) -> Hundredths {
        match self {
            Threshold::AtLeast(p) | Threshold::MoreThan(p) => p,
        }
    }
    pub fn kind(self) -> &'static str {
        match self {
            Threshold::AtLeast(_) => "at_least",
            Threshold::MoreThan(_) => "more_than",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Rating {
    pub code: String,
    pub name: String,
    pub good: bool,
}

#[derive(Debug, Clone)]
pub struct Subtype {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct BranchType {
    pub slug: String,
    pub name: String,
    pub subtypes: Vec<Subtype>,
}

#[derive(Debug, Clone)]
pub struct Target {
    pub name: String,
    pub metric: Metric,
    pub scope: Scope,
    pub threshold: Threshold,
    pub level: Option<Level>,
}

#[derive(Debug, Clone, Copy)]
pub struct PilotRule {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone)]
pub struct ExcellentCap {
    /// Indices into `Site::ratings`.
    pub rating: usize,
    pub of: usize,
    pub max_pct: Hundredths,
}

/// `site.toml`.
#[derive(Debug, Clone)]
pub struct Site {
    pub title: String,
    pub organisation: String,
    /// The issuing body's lines in official documents (`["TỈNH ỦY THÁI BÌNH", "BAN TỔ CHỨC"]`).
    pub issuer: Vec<String>,
    /// The place of "Thái Bình, ngày 15 tháng 12 năm 2025".
    pub place: Option<String>,
    pub language: Language,
    pub base_url: String,
    pub first_year: i32,
    pub target_year: i32,
    pub last_year: i32,
    pub theme: Option<String>,
    pub ratings: Vec<Rating>,
    pub branch_types: Vec<BranchType>,
    pub targets: Vec<Target>,
    pub pilots: Option<PilotRule>,
    pub excellent_cap: Option<ExcellentCap>,
    pub district_level: DistrictLevel,
}

impl Site {
    pub fn years(&self) -> impl Iterator<Item = i32> + Clone {
        self.first_year..=self.last_year
    }
    pub fn rating_index(&self, code: &str) -> Option<usize> {
        self.ratings.iter().position(|r| r.code == code)
    }
    pub fn type_index(&self, slug: &str) -> Option<usize> {
        self.branch_types.iter().position(|t| t.slug == slug)
    }
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: String,
    /// Index into `Framework::groups`.
    pub group: usize,
    pub title: String,
    pub max: Hundredths,
    pub min: Option<Hundredths>,
    /// Indices into `Site::branch_types`; `None` = every type.
    pub types: Option<Vec<usize>>,
}

impl Criterion {
    pub fn applies_to(&self, type_idx: usize) -> bool {
        self.types.as_ref().is_none_or(|t| t.contains(&type_idx))
    }
}

#[derive(Debug, Clone)]
pub struct Veto {
    pub id: String,
    pub title: String,
}

/// `criteria/<year>.toml`: in force from `year` until the next framework's year.
#[derive(Debug, Clone)]
pub struct Framework {
    pub year: i32,
    pub model_min_pct: Hundredths,
    /// Indices into `Site::ratings`.
    pub model_ratings: Vec<usize>,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    pub vetoes: Vec<Veto>,
    /// For each branch type: indices of the criteria that apply, in file order.
    pub applicable: Vec<Vec<usize>>,
}

impl Framework {
    /// The maximum total a branch of this type can score.
    pub fn max_for_type(&self, type_idx: usize) -> Hundredths {
        let sum = self
            .applicable
            .get(type_idx)
            .map_or(0, |ids| ids.iter().filter_map(|&i| self.criteria.get(i)).map(|c| c.max.0).sum());
        Hundredths(sum)
    }
}

/// The criteria frameworks, oldest first; and, while the content is checked, the first years of
/// the criteria files that could not be read (the years they would govern are not checked
/// against any framework, so that one broken file does not hide the other files' problems).
#[derive(Debug, Clone, Default)]
pub struct Frameworks(pub Vec<Framework>, pub Vec<i32>);

impl Frameworks {
    /// The framework in force in `year`: the one with the greatest first year <= `year`.
    pub fn for_year(&self, year: i32) -> Option<&Framework> {
        self.0.iter().rev().find(|f| f.year <= year)
    }

    /// Whether the framework in force in `year` is one that could not be read.
    pub fn broken_in(&self, year: i32) -> bool {
        let good = self.for_year(year).map(|f| f.year);
        self.1.iter().any(|&b| b <= year && good.is_none_or(|g| b > g))
    }
}

/// A Markdown note with its optional front matter.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Note {
    pub file: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub body: String,
    /// What an official document needs from a review's front matter (reviews only).
    pub official: Option<Box<Official>>,
    /// The files of the `files/` folder beside the note that it links or shows and that are
    /// published with it: paths under `files/`, decoded (`2024/anh họp.jpg`), sorted, once each.
    #[serde(default)]
    pub files: Vec<String>,
}

/// A review's front matter for the official document: its number, signer and recipients.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    /// `123-BC/BTCTU`, shown as `Số: 123-BC/BTCTU`.
    pub number: Option<String>,
    pub signer: Option<Signer>,
    /// The lines of "Nơi nhận".
    pub recipients: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// `K/T TRƯỞNG BAN`, `PHÓ TRƯỞNG BAN`…: the lines above the signature.
    pub role: String,
    pub name: String,
}

/// Notes attached to a district, a branch or the province: general and per year.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Notes {
    /// Boxed: most branches have no note, and an empty box costs 8 bytes where a `Note` is 120
    /// (on every one of a few hundred thousand branches).
    pub general: Option<Box<Note>>,
    pub by_year: Vec<(i32, Note)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Assessment {
    pub year: i32,
    /// That year's member count, if given; otherwise the branch's `members`.
    pub members: Option<u32>,
    /// Index into `Site::ratings`.
    pub rating: usize,
    /// Indices into the framework's vetoes.
    pub vetoes: Vec<usize>,
    /// Scores aligned with `Framework::applicable[type]` of that year's framework.
    pub scores: Box<[Hundredths]>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Branch {
    pub slug: String,
    pub name: String,
    /// Index into `Site::branch_types`.
    pub type_idx: usize,
    pub subtype_idx: Option<usize>,
    pub level: Level,
    pub parent: Option<String>,
    pub members: u32,
    pub pilot: Option<i32>,
    /// Sorted by year; at most one per year.
    pub assessments: Vec<Assessment>,
    pub notes: Notes,
}

impl Branch {
    pub fn assessment(&self, year: i32) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.year == year)
    }
    /// A pilot from the year it was picked on.
    pub fn is_pilot_in(&self, year: i32) -> bool {
        self.pilot.is_some_and(|p| p <= year)
    }
}

#[derive(Debug, Clone)]
pub struct District {
    pub slug: String,
    pub name: String,
    /// A slug of the site's `[district_level]` kinds.
    pub kind: String,
    pub order: Option<i64>,
    /// In display order (Vietnamese collation of names).
    pub branches: Vec<Branch>,
    pub notes: Notes,
}

/// The whole checked content of a site.
#[derive(Debug, Clone)]
pub struct Content {
    pub site: Site,
    pub frameworks: Frameworks,
    /// In display order: `order`, then Vietnamese collation of names.
    pub districts: Vec<District>,
    pub reviews: Vec<(i32, Note)>,
    /// Short hash of every content file: the data version shown on every page.
    pub version: String,
    /// The full content hash (hex SHA-256) that `version` abbreviates.
    pub hash: String,
    /// Every content file's path (`content/…`) and SHA-256, sorted by path: what pages depend on.
    pub digests: Vec<(String, [u8; 32])>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_decimals() {
        assert_eq!(Hundredths::parse("9"), Ok(Hundredths(900)));
        assert_eq!(Hundredths::parse("8.5"), Ok(Hundredths(850)));
        assert_eq!(Hundredths::parse("8.25"), Ok(Hundredths(825)));
        assert_eq!(Hundredths::parse("8.250"), Ok(Hundredths(825)));
        assert_eq!(Hundredths::parse("-0.5"), Ok(Hundredths(-50)));
        assert_eq!(Hundredths::parse("1_000"), Ok(Hundredths(100_000)));
        assert_eq!(Hundredths::parse("8.125"), Err(DecimalError::TooManyDecimals));
        assert_eq!(Hundredths::parse("nan"), Err(DecimalError::NotFinite));
        assert_eq!(Hundredths::parse("-inf"), Err(DecimalError::NotFinite));
        assert_eq!(Hundredths::parse("1e1"), Err(DecimalError::Exponent));
        assert_eq!(Hundredths::parse("99999999999999"), Err(DecimalError::TooLarge));
        // Letters in any ASCII case, underscores anywhere.
        assert_eq!(Hundredths::parse("NaN"), Err(DecimalError::NotFinite));
        assert_eq!(Hundredths::parse("+INF"), Err(DecimalError::NotFinite));
        assert_eq!(Hundredths::parse("1E1"), Err(DecimalError::Exponent));
        assert_eq!(Hundredths::parse("1_0.2_5"), Ok(Hundredths(1025)));
        assert_eq!(Hundredths::parse("+8.5"), Ok(Hundredths(850)));
        assert_eq!(Hundredths::parse("8."), Ok(Hundredths(800)));
        assert_eq!(Hundredths::parse(".5"), Err(DecimalError::Malformed));
        assert_eq!(Hundredths::parse(""), Err(DecimalError::Malformed));
    }

    #[test]
    fn the_quick_reading_agrees_with_the_full_one() {
        let parts = [
            "",
            "0",
            "9",
            "12",
            "007",
            "123456789012",
            "1234567890123",
            ".",
            "-",
            "+",
            "_",
            "e",
            "5",
            "50",
            "05",
            "500",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(Hundredths::parse(&text), Hundredths::parse_full(&text), "{text:?}");
                }
            }
        }
        assert_eq!(Hundredths::parse_plain("1000000000.01"), None, "past the limit: the full reading refuses it");
    }

    #[test]
    fn formats_shortest() {
        assert_eq!(Hundredths(900).to_string(), "9");
        assert_eq!(Hundredths(850).to_string(), "8.5");
        assert_eq!(Hundredths(8975).to_string(), "89.75");
        assert_eq!(Hundredths(5).to_string(), "0.05");
    }

    #[test]
    fn thresholds_are_exact() {
        // 85.5 / 95 is exactly 90%.
        let r = Ratio::new(8550, 9500).unwrap();
        assert!(r.at_least(Hundredths::from_units(90)));
        assert!(!r.more_than(Hundredths::from_units(90)));
        // 89.75 / 100 is not.
        let r = Ratio::new(8975, 10000).unwrap();
        assert!(!r.at_least(Hundredths::from_units(90)));
        // 20.0% is not more than 20.
        let r = Ratio::new(1, 5).unwrap();
        assert!(!Threshold::MoreThan(Hundredths::from_units(20)).is_met(r));
        assert!(Threshold::AtLeast(Hundredths::from_units(20)).is_met(r));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(Ratio::new(9245, 10000).unwrap().pct_tenths(), 925);
        assert_eq!(Ratio::new(9244, 10000).unwrap().pct_tenths(), 924);
        assert_eq!(Ratio::new(1, 3).unwrap().pct_tenths(), 333);
        assert_eq!(Ratio::new(2, 3).unwrap().pct_tenths(), 667);
        assert_eq!(Ratio::new(1, 8).unwrap().pct_tenths(), 125);
        assert_eq!(Ratio::new(-1, 8).unwrap().pct_tenths(), -125);
        assert_eq!(tenths_to_string(925), "92.5");
        assert_eq!(tenths_to_string(-5), "-0.5");
    }
}
