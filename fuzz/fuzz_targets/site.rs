//! A `site.toml`'s bytes (and the same bytes as a `district.toml`) through validation.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let (site, diags) = kieumau::content::validate::check_site_bytes(data);
    common::report(&diags);
    if let Some(site) = site {
        assert!(site.first_year <= site.last_year || diags.has_errors());
        assert!(!site.ratings.is_empty() && !site.branch_types.is_empty());
    }
    let (_, diags) = kieumau::content::validate::check_district_bytes(data);
    common::report(&diags);
});
