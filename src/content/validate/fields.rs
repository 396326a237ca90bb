//! Typed reading of parsed TOML tables with positions: wrong types, missing and unknown keys
//! become diagnostics at the spot, and reading goes on so that one run reports every problem.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::ops::{Range, RangeInclusive};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::content::diag::{Diagnostics, Hint, did_you_mean};
use crate::domain::model::{DecimalError, Hundredths};

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
    pub fn error(&mut self, span: Span, message: impl Into<String>) -> Hint<'_> {
        self.diags.error(self.file, Some(span), message)
    }
    pub fn warning(&mut self, span: Span, message: impl Into<String>) -> Hint<'_> {
        self.diags.warning(self.file, Some(span), message)
    }
}

pub fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// One TOML table read key by key. Unknown keys are reported when it is made.
pub struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Span,
    what: &'static str,
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(cx: &mut Ctx<'_>, table: &'a DeTable<'i>, span: Span, what: &'static str, allowed: &[&str]) -> Self {
        let mut unknown = table.iter().map(|(key, _)| key).filter(|key| !allowed.contains(&key.get_ref().as_ref()));
        for key in unknown.by_ref().take(MAX_UNKNOWN_KEYS) {
            let k: &str = key.get_ref();
            let hint = match did_you_mean(k, allowed.iter().copied()) {
                Some(near) => format!("did you mean `{near}`? Keys of {what}: {}", allowed.join(", ")),
                None => format!("keys of {what}: {}", allowed.join(", ")),
            };
            cx.error(key.span(), format!("unknown key `{k}` in {what}")).hint(hint);
        }
        if let Some(first) = unknown.next() {
            let more = 1 + unknown.count();
            cx.error(first.span(), format!("{more} more unknown keys in {what}"))
                .hint(format!("keys of {what}: {}", allowed.join(", ")));
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
        cx.error(self.span.clone(), format!("missing key `{key}` in {}", self.what))
            .hint(format!("add a line like `{key} = {example}`"));
    }

    fn wrong_type(&self, cx: &mut Ctx<'_>, key: &str, v: &Spanned<DeValue<'_>>, expected: &str, example: &str) {
        cx.error(v.span(), format!("`{key}` must be {expected}, not {}", type_name(v.get_ref())))
            .hint(format!("write it like `{key} = {example}`"));
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
                self.wrong_type(cx, key, v, "a string in quotes", example);
                None
            }
        }
    }

    /// A non-empty string (names, titles) of at most [`MAX_TEXT_CHARS`] characters.
    pub fn text(&self, cx: &mut Ctx<'_>, key: &str, required: bool, example: &str) -> Option<(&'a str, Span)> {
        let (s, span) = self.string(cx, key, required, example)?;
        if s.trim().is_empty() {
            cx.error(span, format!("`{key}` is empty")).hint(format!("write it like `{key} = {example}`"));
            return None;
        }
        if let Some(c) = s.chars().find(|c| c.is_control()) {
            cx.error(span, format!("`{key}` contains a control character (U+{:04X})", u32::from(c)))
                .hint("names and titles are one line of plain text: remove tabs, line breaks and \\u escapes");
            return None;
        }
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            cx.error(span, format!("`{key}` is too long ({chars} characters; the limit is {MAX_TEXT_CHARS})"))
                .hint("shorten it; longer text belongs in a Markdown note beside the file");
            return None;
        }
        Some((s, span))
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
            self.wrong_type(cx, key, v, "a whole number", example);
            return None;
        };
        let digits = i.as_str();
        let digits: std::borrow::Cow<'_, str> =
            if digits.contains('_') { digits.replace('_', "").into() } else { digits.into() };
        match i64::from_str_radix(&digits, i.radix()) {
            Ok(n) if range.contains(&n) => Some((n, v.span())),
            _ => {
                cx.error(
                    v.span(),
                    format!("`{key}` = {} is out of range ({}..={})", i.as_str(), range.start(), range.end()),
                )
                .hint(format!("write a whole number from {} to {}", range.start(), range.end()));
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
                self.wrong_type(cx, key, v, "true or false (no quotes)", "true");
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
                self.wrong_type(cx, key, v, "a list in [brackets]", example);
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
                self.wrong_type(cx, key, v, "a table", example);
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
                    format!("write each entry as a section starting with the line {example} (two brackets)")
                } else {
                    format!("write it like `{key} = {example}`")
                };
                cx.error(v.span(), format!("`{key}` must be a list of tables, not {}", type_name(other))).hint(hint);
                return Vec::new();
            }
        };
        items
            .iter()
            .filter_map(|v| match v.get_ref() {
                DeValue::Table(t) => Some((t, v.span())),
                other => {
                    cx.error(v.span(), format!("each entry of `{key}` must be a table, not {}", type_name(other)))
                        .hint(format!("write entries as [[{key}]] sections"));
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
                    cx.error(v.span(), format!("entries of `{key}` must be strings, not {}", type_name(other)))
                        .hint(format!("write it like `{key} = {example}`"));
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
            cx.error(v.span(), format!("`{key}` = {prefix}{} is not a decimal number", i.as_str()))
                .hint("write numbers in decimal digits, e.g. 8.5");
            return None;
        }
        DeValue::Float(f) => f.as_str(),
        other => {
            cx.error(v.span(), format!("`{key}` must be a number, not {}", type_name(other)))
                .hint("write numbers without quotes, with a dot for decimals: 8.5");
            return None;
        }
    };
    match Hundredths::parse(text) {
        Ok(h) => Some(h),
        Err(e) => {
            let (msg, hint) = match e {
                DecimalError::TooManyDecimals => {
                    (format!("`{key}` = {text} has more than two decimals"), "round it to two decimals, e.g. 8.25")
                }
                DecimalError::NotFinite => {
                    (format!("`{key}` = {text} is not a number"), "write a plain number like 8.5")
                }
                DecimalError::Exponent => (
                    format!("`{key}` = {text} uses an exponent"),
                    "write the number out in full, e.g. 10 instead of 1e1",
                ),
                DecimalError::TooLarge => (format!("`{key}` = {text} is far too large"), "check the number"),
                DecimalError::Malformed => (format!("`{key}` = {text} is not a plain decimal"), "write it like 8.5"),
            };
            cx.error(v.span(), msg).hint(hint);
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
