//! Issue 14.7: an assessment may give that year's member count (`members` inside it); the
//! figures of that year use it, and other years keep the branch's `members`.

mod common;

use common::{edit, kieumau, site_with};

fn province_members(root: &std::path::Path) -> (u64, u64) {
    kieumau().args(["build", "--root"]).arg(root).assert().success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("output/data/site.json")).unwrap()).unwrap();
    let of = |y: &str| json["province"][y]["members"].as_u64().unwrap();
    (of("2022"), of("2023"))
}

#[test]
fn a_year_may_have_its_own_member_count() {
    let site = site_with(None);
    let root = site.path();
    let (y2022, y2023) = province_members(root);
    let a = root.join("content/districts/dong-hung/a.toml");
    // a.toml: members = 40; in 2023 the branch had 47.
    edit(&a, "year = 2023\n", "year = 2023\nmembers = 47\n");
    assert_eq!(province_members(root), (y2022, y2023 + 7));

    // A bad count is reported where it is, like the branch's own.
    edit(&a, "members = 47", "members = \"47\"");
    let out = kieumau().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().any(|l| l.contains("a.toml") && l.contains("\"line\":15") && l.contains("members")),
        "{stdout}"
    );
}
