//! The stable diagnostic codes: each names its message, its hint and its explanation (the
//! `kieumau explain` text, with a before/after example) in the catalogues. A code never changes
//! meaning; a retired code is not reused.

/// One diagnostic code and its catalogue ids.
#[derive(Debug, Clone, Copy)]
pub struct Code {
    pub code: &'static str,
    /// The message (arguments: see the catalogue).
    pub id: &'static str,
    /// The hint, when the code has a general one (some hints are built from the site's values).
    pub hint: Option<&'static str>,
    /// What the problem means and how to fix it.
    pub explain: &'static str,
}

const fn c(code: &'static str, id: &'static str, hint: Option<&'static str>, explain: &'static str) -> Code {
    Code { code, id, hint, explain }
}

/// Every code, in order. KM00xx files, KM01xx TOML syntax, KM02xx keys and values,
/// KM03xx assessment rules, KM05xx sheets.
pub const CODES: &[Code] = &[
    c("KM0001", "too-many-problems", Some("too-many-problems-hint"), "too-many-problems-explain"),
    c("KM0002", "not-utf8", Some("not-utf8-hint"), "not-utf8-explain"),
    c("KM0003", "nul-byte", Some("nul-byte-hint"), "nul-byte-explain"),
    c("KM0004", "empty-file", Some("empty-file-hint"), "empty-file-explain"),
    c("KM0100", "toml-syntax", Some("toml-syntax-hint"), "toml-syntax-explain"),
    c("KM0101", "toml-decimal-comma", Some("toml-decimal-comma-hint"), "toml-decimal-comma-explain"),
    c("KM0102", "toml-curly-quotes", Some("toml-curly-quotes-hint"), "toml-curly-quotes-explain"),
    c("KM0103", "toml-unclosed-quote", Some("toml-unclosed-quote-hint"), "toml-unclosed-quote-explain"),
    c("KM0104", "toml-missing-equals", Some("toml-missing-equals-hint"), "toml-missing-equals-explain"),
    c("KM0105", "toml-duplicate-key", Some("toml-duplicate-key-hint"), "toml-duplicate-key-explain"),
    c("KM0106", "toml-duplicate-table", Some("toml-duplicate-table-hint"), "toml-duplicate-table-explain"),
    c("KM0107", "assessment-without-year", Some("assessment-without-year-hint"), "assessment-without-year-explain"),
    c("KM0201", "unknown-key", None, "unknown-key-explain"),
    c("KM0202", "more-unknown-keys", Some("more-unknown-keys-hint"), "more-unknown-keys-explain"),
    c("KM0203", "missing-key", Some("missing-key-hint"), "missing-key-explain"),
    c("KM0204", "wrong-type", Some("wrong-type-hint"), "wrong-type-explain"),
    c("KM0205", "empty-text", Some("empty-text-hint"), "empty-text-explain"),
    c("KM0206", "control-char", Some("control-char-hint"), "control-char-explain"),
    c("KM0207", "text-too-long", Some("text-too-long-hint"), "text-too-long-explain"),
    c("KM0208", "integer-out-of-range", Some("integer-out-of-range-hint"), "integer-out-of-range-explain"),
    c("KM0209", "not-a-table-list", None, "not-a-table-list-explain"),
    c("KM0210", "entry-not-table", Some("entry-not-table-hint"), "entry-not-table-explain"),
    c("KM0211", "entry-not-string", Some("entry-not-string-hint"), "entry-not-string-explain"),
    c("KM0212", "number-not-decimal", Some("number-not-decimal-hint"), "number-not-decimal-explain"),
    c("KM0213", "not-a-number", Some("not-a-number-hint"), "not-a-number-explain"),
    c("KM0214", "too-many-decimals", Some("too-many-decimals-hint"), "too-many-decimals-explain"),
    c("KM0215", "number-not-finite", Some("number-not-finite-hint"), "number-not-finite-explain"),
    c("KM0216", "number-exponent", Some("number-exponent-hint"), "number-exponent-explain"),
    c("KM0217", "number-too-large", Some("number-too-large-hint"), "number-too-large-explain"),
    c("KM0218", "number-malformed", Some("number-malformed-hint"), "number-malformed-explain"),
    // KM03xx: the assessment rules (domain/rules.rs), for branch files and sheets alike.
    c("KM0301", "score-negative", Some("score-negative-hint"), "score-negative-explain"),
    c("KM0302", "score-above-max", Some("score-above-max-hint"), "score-above-max-explain"),
    // KM05xx: score sheets and workbooks (import).
    c("KM0501", "sheet-mangled-header", Some("sheet-mangled-header-hint"), "sheet-mangled-header-explain"),
    c("KM0502", "sheet-ambiguous-number", Some("sheet-ambiguous-number-hint"), "sheet-ambiguous-number-explain"),
];

/// The code `code` (any case), if it exists.
pub fn code(code: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}

/// The codes nearest to an unknown one, nearest first (for `kieumau explain`'s usage error).
pub fn nearest(code: &str, n: usize) -> Vec<&'static str> {
    let want = code.trim().to_ascii_uppercase();
    let mut v: Vec<(usize, &'static str)> =
        CODES.iter().map(|c| (strsim::damerau_levenshtein(&want, c.code), c.code)).collect();
    v.sort();
    v.into_iter().take(n).map(|(_, c)| c).collect()
}
