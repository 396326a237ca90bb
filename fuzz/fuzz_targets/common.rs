//! Shared by the fuzz targets: the valid fixture site, loaded once, and a check that reporting
//! a file's problems never fails.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use kieumau::content::diag::Diagnostics;

/// The validated fixture site of tests/fixtures/valid (its settings and frameworks).
pub fn fixture() -> &'static kieumau::Checked {
    static SITE: OnceLock<kieumau::Checked> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid");
        let mut diags = Diagnostics::new();
        kieumau::check(&root, false, &mut diags).expect("the valid fixture checks clean")
    })
}

/// Renders the diagnostics both ways, as `kieumau check` does: spans must point into the text.
pub fn report(diags: &Diagnostics) {
    let human = diags.render_human(false);
    let json = diags.render_json();
    assert_eq!(json.lines().count(), diags.items().len());
    for d in diags.items() {
        assert!(!d.message.is_empty());
        // A problem with a span has a line and column.
        if d.line == 0 {
            assert_eq!(d.column, 0);
        }
    }
    assert!(diags.items().is_empty() || !human.is_empty());
}
