//! A branch file's bytes through decoding, TOML parsing and validation against the fixture site;
//! a valid branch is scored.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let checked = common::fixture();
    let (site, frameworks) = (&checked.content.site, &checked.content.frameworks);
    let (branch, diags) = kieumau::content::validate::check_branch_bytes(site, frameworks, "x", data);
    common::report(&diags);
    // (A branch may come back with errors beside it, such as unknown keys: the caller drops it.)
    if let Some(b) = branch {
        for s in kieumau::domain::score::score_branch(site, frameworks, &b) {
            assert!(s.total <= s.max && !s.total.is_negative());
            let pct = s.pct().pct_tenths();
            assert!((0..=1000).contains(&pct));
        }
    }
});
