//! Typed reading of parsed TOML tables with positions: wrong types, missing and unknown keys
//! become diagnostics at the spot, and reading goes on so that one run reports every problem.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::ops::{Range, RangeInclusive};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::content::diag::{Diagnostics, Hint, did_you_mean};
use crate::domain::model::{DecimalError, Hundredths};
use crate::messages::{Message, text};
use crate::{diag, msg};

pub type Span = Range<usize>;

/// Unknown keys reported one by one in a table; the rest are counted in one more problem.
const MAX_UNKNOWN_KEYS: usize = 20;

/// Names, titles, labels and ids longer than this many characters are refused: they are a
/// mistake (a pasted document), and every page and table would carry them.
pub const MAX_TEXT_CHARS: usize = 500;

/// The file being validated and the sink for its problems.
pub struct Ctx<'d> {
    pub file: &'d str,
    pub diags: &'d mut Diagnostics,
}

impl Ctx<'_> {
    pub fn error(&mut self, span: Span, message: impl Into<Message>) -> Hint<'_> {
        self.diags.error(self.file, Some(span), message)
    }
    pub fn warning(&mut self, span: Span, message: impl Into<Message>) -> Hint<'_> {
        self.diags.warning(self.file, Some(span), message)
    }
}

/// The kind of a TOML value, in words of the chosen language.
pub fn type_name(v: &DeValue<'_>) -> String {
    text(
        match v {
            DeValue::String(_) => "type-string",
            DeValue::Integer(_) => "type-integer",
            DeValue::Float(_) => "type-float",
            DeValue::Boolean(_) => "type-boolean",
            DeValue::Datetime(_) => "type-date",
            DeValue::Array(_) => "type-list",
            DeValue::Table(_) => "type-table",
        },
        &[],
    )
}

/// One TOML table read key by key. Unknown keys are reported when it is made; `what` is the
/// catalogue id naming the table.
pub struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Span,
    what: String,
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(cx: &mut Ctx<'_>, table: &'a DeTable<'i>, span: Span, what: &'static str, allowed: &[&str]) -> Self {
        let what = text(what, &[]);
        let allowed_list = allowed.join(", ");
        // In file order (the table is sorted by key: `k0, k1, k10, k100`).
        let mut unknown: Vec<_> =
            table.iter().map(|(key, _)| key).filter(|key| !allowed.contains(&key.get_ref().as_ref())).collect();
        unknown.sort_by_key(|key| key.span().start);
        let mut unknown = unknown.into_iter();
        for key in unknown.by_ref().take(MAX_UNKNOWN_KEYS) {
            let k: &str = key.get_ref();
            let hint = match did_you_mean(k, allowed.iter().copied()) {
                Some(near) => msg!("unknown-key-near", near = near, what = &what, allowed = &allowed_list),
                None => msg!("unknown-key-list", what = &what, allowed = &allowed_list),
            };
            cx.error(key.span(), diag!("KM0201", key = k, what = &what)).hint(hint);
        }
        if let Some(first) = unknown.next() {
            let more = 1 + unknown.count();
            cx.error(first.span(), diag!("KM0202", count = more, what = &what, allowed = &allowed_list));
        }
        Fields { table, span, what }
    }

    pub fn span(&self) -> Span {
        self.span.clone()
    }

    pub fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    fn missing(&self, cx: &mut Ctx<'_>, key: &str, example: &str) {
        cx.error(self.span.clone(), diag!("KM0203", key = key, what = &self.what, example = example));
    }

    /// `expected` is the catalogue id of the kind wanted.
    fn wrong_type(&self, cx: &mut Ctx<'_>, key: &str, v: &Spanned<DeValue<'_>>, expected: &str, example: &str) {
        let (expected, found) = (text(expected, &[]), type_name(v.get_ref()));
        cx.error(v.span(), diag!("KM0204", key = key, expected = expected, found = found, example = example));
    }

    /// A string value; `example` is shown in hints.
    pub fn string(&self, cx: &mut Ctx<'_>, key: &str, required: bool, example: &str) -> Option<(&'a str, Span)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key, example);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => Some((s.as_ref(), v.span())),
            _ => {
                self.wrong_type(cx, key, v, "expect-string", example);
                None
            }
        }
    }

    /// A non-empty string (names, titles) of at most [`MAX_TEXT_CHARS`] characters.
    pub fn text(&self, cx: &mut Ctx<'_>, key: &str, required: bool, example: &str) -> Option<(&'a str, Span)> {
        let (s, span) = self.string(cx, key, required, example)?;
        if s.trim().is_empty() {
            cx.error(span, diag!("KM0205", key = key, example = example));
            return None;
        }
        if let Some(c) = s.chars().find(|c| c.is_control()) {
            cx.error(span, diag!("KM0206", key = key, char = format!("U+{:04X}", u32::from(c))));
            return None;
        }
        if let Some(c) = s.chars().find(|&c| crate::domain::rules::is_direction_control(c)) {
            cx.error(span, diag!("KM0219", key = key, char = format!("U+{:04X}", u32::from(c))));
            return None;
        }
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            cx.error(span, diag!("KM0207", key = key, chars = chars, max = MAX_TEXT_CHARS));
            return None;
        }
        Some((s, span))
    }

    /// A year of the programme (`first_year` to `last_year` of site.toml): outside them, the
    /// message names those keys, since raising `last_year` is often the fix.
    pub fn programme_year(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        (first, last): (i32, i32),
        example: &str,
    ) -> Option<(i64, Span)> {
        let (year, span) = self.integer(cx, key, false, 1..=9999, example)?;
        if (i64::from(first)..=i64::from(last)).contains(&year) {
            return Some((year, span));
        }
        cx.error(
            span,
            diag!("KM0220", key = key, value = year.to_string(), first = first.to_string(), last = last.to_string()),
        );
        None
    }

    pub fn integer(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        range: RangeInclusive<i64>,
        example: &str,
    ) -> Option<(i64, Span)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key, example);
            }
            return None;
        };
        let DeValue::Integer(i) = v.get_ref() else {
            self.wrong_type(cx, key, v, "expect-integer", example);
            return None;
        };
        let digits = i.as_str();
        let digits: std::borrow::Cow<'_, str> =
            if digits.contains('_') { digits.replace('_', "").into() } else { digits.into() };
        match i64::from_str_radix(&digits, i.radix()) {
            Ok(n) if range.contains(&n) => Some((n, v.span())),
            _ => {
                let (min, max) = (range.start().to_string(), range.end().to_string());
                cx.error(v.span(), diag!("KM0208", key = key, value = i.as_str(), min = min, max = max));
                None
            }
        }
    }

    pub fn boolean(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<(bool, Span)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key, "true");
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => Some((*b, v.span())),
            _ => {
                self.wrong_type(cx, key, v, "expect-boolean", "true");
                None
            }
        }
    }

    /// An exact two-place decimal (`9`, `8.5`, `8.25`).
    pub fn decimal(&self, cx: &mut Ctx<'_>, key: &str, required: bool, example: &str) -> Option<(Hundredths, Span)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key, example);
            }
            return None;
        };
        decimal_value(cx, key, v).map(|h| (h, v.span()))
    }

    pub fn array(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        example: &str,
    ) -> Option<(&'a [Spanned<DeValue<'i>>], Span)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key, example);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Array(a) => Some((&a[..], v.span())),
            _ => {
                self.wrong_type(cx, key, v, "expect-list", example);
                None
            }
        }
    }

    pub fn table(&self, cx: &mut Ctx<'_>, key: &str, required: bool, example: &str) -> Option<(&'a DeTable<'i>, Span)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key, example);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Table(t) => Some((t, v.span())),
            _ => {
                self.wrong_type(cx, key, v, "expect-table", example);
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), each with its span; other elements are reported.
    pub fn tables(&self, cx: &mut Ctx<'_>, key: &str, example: &str) -> Vec<(&'a DeTable<'i>, Span)> {
        let items = match self.get(key).map(|v| (v, v.get_ref())) {
            None => return Vec::new(),
            Some((_, DeValue::Array(a))) => &a[..],
            Some((v, other)) => {
                let hint = if example.starts_with("[[") {
                    msg!("not-a-table-list-sections", example = example)
                } else {
                    msg!("wrong-type-hint", key = key, example = example)
                };
                cx.error(v.span(), diag!("KM0209", key = key, found = type_name(other))).hint(hint);
                return Vec::new();
            }
        };
        items
            .iter()
            .filter_map(|v| match v.get_ref() {
                DeValue::Table(t) => Some((t, v.span())),
                other => {
                    cx.error(v.span(), diag!("KM0210", key = key, found = type_name(other)));
                    None
                }
            })
            .collect()
    }

    /// A list of strings (ids).
    pub fn strings(&self, cx: &mut Ctx<'_>, key: &str, required: bool, example: &str) -> Option<Vec<(&'a str, Span)>> {
        let (items, _) = self.array(cx, key, required, example)?;
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            match v.get_ref() {
                DeValue::String(s) => out.push((s.as_ref(), v.span())),
                other => {
                    cx.error(v.span(), diag!("KM0211", key = key, found = type_name(other), example = example));
                }
            }
        }
        Some(out)
    }
}

/// Reads a value as an exact two-place decimal, reporting why it is not one.
pub fn decimal_value(cx: &mut Ctx<'_>, key: &str, v: &Spanned<DeValue<'_>>) -> Option<Hundredths> {
    let text = match v.get_ref() {
        DeValue::Integer(i) if i.radix() == 10 => i.as_str(),
        DeValue::Integer(i) => {
            let prefix = match i.radix() {
                16 => "0x",
                8 => "0o",
                2 => "0b",
                _ => "",
            };
            cx.error(v.span(), diag!("KM0212", key = key, value = format!("{prefix}{}", i.as_str())));
            return None;
        }
        DeValue::Float(f) => f.as_str(),
        other => {
            cx.error(v.span(), diag!("KM0213", key = key, found = type_name(other)));
            return None;
        }
    };
    match Hundredths::parse(text) {
        Ok(h) => Some(h),
        Err(e) => {
            let message = match e {
                DecimalError::TooManyDecimals => diag!("KM0214", key = key, value = text),
                DecimalError::NotFinite => diag!("KM0215", key = key, value = text),
                DecimalError::Exponent => diag!("KM0216", key = key, value = text),
                DecimalError::TooLarge => diag!("KM0217", key = key, value = text),
                DecimalError::Malformed => diag!("KM0218", key = key, value = text),
            };
            cx.error(v.span(), message);
            None
        }
    }
}

/// Slugs are lowercase ASCII letters, digits and hyphens: they become URLs and folder names.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A suggested slug for a bad one, for hints ("Thượng Phúc" -> "thuong-phuc").
pub fn suggest_slug(s: &str) -> String {
    let slug = slug::slugify(s);
    if slug.is_empty() { "my-slug".to_string() } else { slug }
}
