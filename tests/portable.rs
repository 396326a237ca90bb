//! The portable fallbacks (what Windows and macOS run) exercised here: `KIEUMAU_PORTABLE=1`
//! switches off every Linux and Unix fast path (see src/sys.rs). Builds through them, full and
//! incremental, must give the same files as builds through the fast paths.

mod common;

use std::path::Path;

use common::{edit, kieumau, site_with, snapshot_tree};

fn build(site: &Path, out: &Path, portable: bool) -> String {
    let mut cmd = kieumau();
    if portable {
        cmd.env("KIEUMAU_PORTABLE", "1");
    } else {
        cmd.env_remove("KIEUMAU_PORTABLE");
    }
    let o = cmd.args(["build", "--root"]).arg(site).arg("--output").arg(out).output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{stderr}");
    stderr
}

fn summary(stderr: &str) -> String {
    stderr.lines().find(|l| l.starts_with("Built ")).unwrap_or_default().to_string()
}

#[test]
fn builds_through_the_portable_fallbacks_match_the_fast_paths() {
    let site = site_with(None);
    let (fast, portable) = (site.path().join("fast"), site.path().join("portable"));
    build(site.path(), &fast, false);
    build(site.path(), &portable, true);
    assert_eq!(snapshot_tree(&fast), snapshot_tree(&portable), "full builds");

    // A no-op rebuild writes nothing; then one branch edit, rebuilt incrementally through the
    // fallbacks (stamps from std's metadata, copies through a buffer, a two-step swap).
    let again = build(site.path(), &portable, true);
    assert!(summary(&again).contains("(0 written"), "{again}");
    let branch = site.path().join("content/districts/dong-hung/a.toml");
    edit(&branch, "members = ", "members = 1");
    let one = build(site.path(), &portable, true);
    assert!(!summary(&one).contains("(0 written"), "{one}");
    build(site.path(), &fast, false);
    assert_eq!(snapshot_tree(&fast), snapshot_tree(&portable), "after an edit");

    // And a second edit, so the previous tree is updated in place through the fallbacks too.
    edit(&branch, "members = 1", "members = 2");
    build(site.path(), &portable, true);
    build(site.path(), &fast, false);
    assert_eq!(snapshot_tree(&fast), snapshot_tree(&portable), "after a second edit");
}
