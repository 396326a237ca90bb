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

/// Every code, in order. KM00xx files, KM01xx TOML syntax, KM02xx keys and values.
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
    c("KM0108", "toml-unquoted-text", Some("toml-unquoted-text-hint"), "toml-unquoted-text-explain"),
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
    c("KM0219", "bidi-char", Some("bidi-char-hint"), "bidi-char-explain"),
    c("KM0220", "year-outside-programme", Some("year-outside-programme-hint"), "year-outside-programme-explain"),
    c("KM0301", "unknown-type", None, "unknown-type-explain"),
    c("KM0302", "unknown-subtype", None, "unknown-subtype-explain"),
    c("KM0303", "missing-subtype", Some("missing-subtype-hint"), "missing-subtype-explain"),
    c("KM0304", "too-many-assessments", Some("too-many-assessments-hint"), "too-many-assessments-explain"),
    c("KM0305", "second-assessment", Some("second-assessment-hint"), "second-assessment-explain"),
    c("KM0306", "assessment-gap", Some("assessment-gap-hint"), "assessment-gap-explain"),
    c("KM0307", "unknown-rating", None, "unknown-rating-explain"),
    c("KM0308", "no-framework-for-year", Some("no-framework-for-year-hint"), "no-framework-for-year-explain"),
    c("KM0309", "veto-twice", Some("veto-twice-hint"), "veto-twice-explain"),
    c("KM0310", "unknown-veto", None, "unknown-veto-explain"),
    c("KM0401", "criterion-not-for-type", Some("criterion-not-for-type-hint"), "criterion-not-for-type-explain"),
    c("KM0402", "unknown-criterion", None, "unknown-criterion-explain"),
    c("KM0403", "score-negative", Some("score-range-hint"), "score-negative-explain"),
    c("KM0404", "score-above-max", Some("score-range-hint"), "score-above-max-explain"),
    c("KM0405", "missing-scores", Some("missing-scores-hint"), "missing-scores-explain"),
    c("KM0311", "unknown-value", None, "unknown-value-explain"),
    c("KM0312", "defined-twice", Some("defined-twice-hint"), "defined-twice-explain"),
    c("KM0313", "none-defined", None, "none-defined-explain"),
    c("KM0314", "bad-slug", Some("bad-slug-hint"), "bad-slug-explain"),
    c("KM0315", "year-order", None, "year-order-explain"),
    c("KM0316", "not-a-percentage", Some("not-a-percentage-hint"), "not-a-percentage-explain"),
    c("KM0317", "target-without-threshold", Some("target-without-threshold-hint"), "target-without-threshold-explain"),
    c("KM0318", "target-two-thresholds", Some("target-two-thresholds-hint"), "target-two-thresholds-explain"),
    c("KM0319", "bad-per-type", Some("bad-per-type-hint"), "bad-per-type-explain"),
    c("KM0320", "too-many-criteria", Some("too-many-criteria-hint"), "too-many-criteria-explain"),
    c("KM0321", "max-not-positive", Some("max-not-positive-hint"), "max-not-positive-explain"),
    c("KM0322", "min-out-of-range", Some("min-out-of-range-hint"), "min-out-of-range-explain"),
    c("KM0323", "no-criterion-for-type", Some("no-criterion-for-type-hint"), "no-criterion-for-type-explain"),
    c("KM0324", "bad-base-url", Some("bad-base-url-hint"), "bad-base-url-explain"),
    c("KM0501", "site-toml-missing", Some("site-toml-missing-hint"), "site-toml-missing-explain"),
    c("KM0502", "criteria-name-not-year", Some("criteria-name-not-year-hint"), "criteria-name-not-year-explain"),
    c(
        "KM0503",
        "framework-after-last-year",
        Some("framework-after-last-year-hint"),
        "framework-after-last-year-explain",
    ),
    c("KM0504", "no-framework", Some("no-framework-hint"), "no-framework-explain"),
    c("KM0505", "review-outside-years", Some("review-outside-years-hint"), "review-outside-years-explain"),
    c("KM0506", "review-name-not-year", Some("review-name-not-year-hint"), "review-name-not-year-explain"),
    c("KM0507", "district-folder-slug", Some("district-folder-slug-hint"), "district-folder-slug-explain"),
    c("KM0508", "district-toml-missing", Some("district-toml-missing-hint"), "district-toml-missing-explain"),
    c("KM0509", "note-year", Some("note-year-hint"), "note-year-explain"),
    c("KM0510", "note-unknown-branch", Some("note-unknown-branch-hint"), "note-unknown-branch-explain"),
    c("KM0511", "branch-file-slug", Some("branch-file-slug-hint"), "branch-file-slug-explain"),
    c("KM0005", "symlink-ignored", Some("symlink-ignored-hint"), "symlink-ignored-explain"),
    c("KM0006", "cannot-read-entry", Some("permissions-hint"), "cannot-read-entry-explain"),
    c("KM0007", "no-content-folder", Some("no-content-folder-hint"), "no-content-folder-explain"),
    c("KM0008", "unexpected-entry", Some("unexpected-entry-hint"), "unexpected-entry-explain"),
    c("KM0009", "unexpected-in-district", Some("unexpected-in-district-hint"), "unexpected-in-district-explain"),
    c("KM0010", "cannot-read-file", Some("permissions-hint"), "cannot-read-file-explain"),
    c("KM0011", "not-regular-file", Some("not-regular-file-hint"), "not-regular-file-explain"),
    c("KM0012", "file-too-large", Some("file-too-large-hint"), "file-too-large-explain"),
    c("KM0701", "front-matter-unclosed", Some("front-matter-unclosed-hint"), "front-matter-unclosed-explain"),
    c("KM0702", "note-too-deep", Some("note-too-deep-hint"), "note-too-deep-explain"),
    c("KM0703", "note-open-formatting", Some("note-open-formatting-hint"), "note-open-formatting-explain"),
    c("KM0704", "front-matter-syntax", Some("front-matter-syntax-hint"), "front-matter-syntax-explain"),
    c("KM0705", "front-matter-date", Some("front-matter-date-hint"), "front-matter-date-explain"),
    c("KM0706", "note-file-missing", Some("note-file-missing-hint"), "note-file-missing-explain"),
    c("KM0707", "note-file-kind", Some("note-file-kind-hint"), "note-file-kind-explain"),
    c("KM0708", "note-link-outside-files", Some("note-link-outside-files-hint"), "note-link-outside-files-explain"),
    c("KM0801", "pilots-out-of-range", Some("pilots-out-of-range-hint"), "pilots-out-of-range-explain"),
    c("KM0802", "excellent-over-cap", Some("excellent-over-cap-hint"), "excellent-over-cap-explain"),
    c("KM0803", "year-incomplete", Some("year-incomplete-hint"), "year-incomplete-explain"),
    c("KM0804", "copied-branch", Some("copied-branch-hint"), "copied-branch-explain"),
    // KM09xx: the output folder of a build.
    c("KM0901", "output-holds-site", Some("output-holds-site-hint"), "output-holds-site-explain"),
    c("KM0902", "output-in-kept-folder", Some("output-in-kept-folder-hint"), "output-in-kept-folder-explain"),
    c("KM0903", "output-not-kieumau", Some("output-not-kieumau-hint"), "output-not-kieumau-explain"),
    c("KM0904", "output-is-file", Some("output-is-file-hint"), "output-is-file-explain"),
    // KM0905-KM0909: snapshots, checked against their manifests.
    c("KM0905", "snapshot-manifest-bad", Some("snapshot-manifest-bad-hint"), "snapshot-manifest-bad-explain"),
    c("KM0906", "snapshot-file-changed", Some("snapshot-file-changed-hint"), "snapshot-file-changed-explain"),
    c("KM0907", "snapshot-file-missing", Some("snapshot-file-missing-hint"), "snapshot-file-changed-explain"),
    c("KM0908", "snapshot-file-added", Some("snapshot-file-added-hint"), "snapshot-file-changed-explain"),
    c("KM0909", "snapshot-unverified", Some("snapshot-unverified-hint"), "snapshot-unverified-explain"),
    // KM16xx: score sheets and workbooks (import).
    c("KM1601", "sheet-mangled-header", Some("sheet-mangled-header-hint"), "sheet-mangled-header-explain"),
    c("KM1602", "sheet-ambiguous-number", Some("sheet-ambiguous-number-hint"), "sheet-ambiguous-number-explain"),
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
