//! A criteria file's bytes validated against the fixture site; a valid framework's maxima add up.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let site = &common::fixture().content.site;
    let (framework, diags) = kieumau::content::validate::check_criteria_bytes(site, 2023, data);
    common::report(&diags);
    if let Some(fw) = framework {
        for t in 0..site.branch_types.len() {
            assert!(fw.max_for_type(t) > kieumau::domain::model::Hundredths::ZERO);
        }
    }
});
