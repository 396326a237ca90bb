//! Vietnamese collation for every name list (Đ after D, ă and â after a, tones by level), with
//! numbers in numeric order ("Tổ dân phố số 2" before "số 10").

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::preferences::CollationNumericOrdering;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;

fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| {
            let mut prefs = CollatorPreferences::from(locale!("vi"));
            prefs.numeric_ordering = Some(CollationNumericOrdering::True);
            Collator::try_new(prefs, CollatorOptions::default()).ok()
        })
        .as_ref()
}

/// Compares two names in Vietnamese order; ties are broken by code points so the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    let primary = collator().map_or(Ordering::Equal, |c| c.compare(a, b));
    primary.then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_order() {
        let mut names = vec!["Đông Hưng", "Zét", "Dương", "Ân", "Ăn", "An", "Hưng Hà", "Hà"];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(names, vec!["An", "Ăn", "Ân", "Dương", "Đông Hưng", "Hà", "Hưng Hà", "Zét"]);
    }

    #[test]
    fn numbers_in_numeric_order() {
        let mut names = vec!["Tổ dân phố số 10", "Tổ dân phố số 2", "Tổ dân phố số 1", "Tổ dân phố số 21"];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(names, vec!["Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 10", "Tổ dân phố số 21"]);
    }
}
