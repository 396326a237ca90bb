//! Issue 14.8: a branch file copied within a district (same name, type and scores) is warned of;
//! namesakes with their own scores are not.

mod common;

use common::{kieumau, site_with};

fn check(root: &std::path::Path) -> String {
    let out = kieumau().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_copied_branch_file_is_warned_of() {
    let site = site_with(None);
    let dir = site.path().join("content/districts/dong-hung");
    assert!(!check(site.path()).contains("KM0804"));
    std::fs::copy(dir.join("a.toml"), dir.join("a-copy.toml")).unwrap();
    let out = check(site.path());
    let line = out.lines().find(|l| l.contains("\"KM0804\"")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("\"warning\""), "{line}");
    assert!(line.contains("a-copy.toml") && line.contains("a.toml"), "names both files: {line}");
    assert!(line.contains("Chi bộ thôn An"), "{line}");

    // Same name, other scores: a namesake, not a copy.
    let copy = dir.join("a-copy.toml");
    let text = std::fs::read_to_string(&copy).unwrap();
    std::fs::write(&copy, text.replacen("\"1.1\" = 50", "\"1.1\" = 49", 1)).unwrap();
    assert!(!check(site.path()).contains("KM0804"), "a namesake with its own scores is no copy");
}
