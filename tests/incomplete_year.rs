//! Issue 14.5: a latest year still being entered (a district has sent nothing yet) is warned of,
//! the home page stays on the year before, and the year's page says what its figures rest on.

mod common;

use std::path::Path;

use common::{kieumau, site_with};

/// Removes the branch file's assessment of `year`.
fn drop_year(path: &Path, year: i32) {
    let text = std::fs::read_to_string(path).unwrap();
    let marker = format!("[[assessments]]\nyear = {year}\n");
    let start = text.find(&marker).unwrap_or_else(|| panic!("{} assesses {year}", path.display()));
    let end = text[start + marker.len()..].find("[[assessments]]").map_or(text.len(), |e| start + marker.len() + e);
    std::fs::write(path, format!("{}{}", &text[..start], &text[end..])).unwrap();
}

#[test]
fn a_year_still_being_entered_is_not_the_home_page() {
    let site = site_with(None);
    let root = site.path();
    // Complete: the home page shows the latest year, and nothing is said.
    let out = kieumau().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("KM0803"));

    for b in ["d", "e"] {
        drop_year(&root.join(format!("content/districts/thanh-pho/{b}.toml")), 2023);
    }
    let out = kieumau().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().find(|l| l.contains("\"KM0803\"")).unwrap_or_else(|| panic!("a warning in {stdout}"));
    assert!(line.contains("\"warning\"") && line.contains("content/site.toml"), "{line}");
    assert!(line.contains("2023 has scores for only 2 of the 5 branches assessed in 2022"), "{line}");
    assert!(line.contains("last_year"), "the hint names last_year: {line}");

    kieumau().args(["build", "--root"]).arg(root).assert().success();
    let home = std::fs::read_to_string(root.join("output/index.html")).unwrap();
    let heading = home.split("<h1>").nth(1).unwrap().split("</h1>").next().unwrap();
    assert!(heading.contains("2022") && !heading.contains("2023"), "home shows the complete year: {heading}");
    let year = std::fs::read_to_string(root.join("output/years/2023/index.html")).unwrap();
    assert!(year.contains("class=\"notice partial\"") && year.contains("2 / 5"), "the 2023 page says so");
    let before = std::fs::read_to_string(root.join("output/years/2022/index.html")).unwrap();
    assert!(!before.contains("notice partial"));
}
