//! Issue 14.6 (SPEC section 2, `[district_level]`): a site says what its units under the province
//! are called and which kinds they have; the pages use that label instead of "đơn vị cấp huyện".

mod common;

use common::{edit, kieumau, site_with};
use std::path::Path;

const POST_2025: &str = r#"
[district_level]
label = "Đảng bộ cấp xã"
kinds = [{ slug = "xa", name = "Đảng bộ xã" }, { slug = "phuong" }]
"#;

fn communes_site() -> tempfile::TempDir {
    let site = site_with(None);
    let content = site.path().join("content");
    let mut toml = std::fs::read_to_string(content.join("site.toml")).unwrap();
    toml.push_str(POST_2025);
    std::fs::write(content.join("site.toml"), toml).unwrap();
    edit(&content.join("districts/dong-hung/district.toml"), "kind = \"huyen\"", "kind = \"xa\"");
    edit(&content.join("districts/thanh-pho/district.toml"), "kind = \"thanh-pho\"", "kind = \"phuong\"");
    site
}

fn check(root: &Path) -> (i32, String) {
    let out = kieumau().args(["check", "--root"]).arg(root).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn page(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join("output").join(rel)).unwrap()
}

#[test]
fn a_site_of_communes_and_wards_is_labelled_so_on_every_page() {
    let site = communes_site();
    let (code, out) = check(site.path());
    assert_eq!(code, 0, "{out}");
    let built = kieumau().args(["build", "--root"]).arg(site.path()).output().unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));

    let home = page(site.path(), "index.html");
    assert!(home.contains(">Đảng bộ cấp xã</a>"), "the menu names the units by the label");
    let list = page(site.path(), "districts/index.html");
    assert!(list.contains("Đảng bộ xã"), "a kind's own name is shown");
    assert!(list.contains("Đảng bộ phường"), "a kind without a name takes the theme's name for it");
    for entry in walkdir::WalkDir::new(site.path().join("output")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap().to_lowercase();
            assert!(!text.contains("cấp huyện"), "{} still says cấp huyện", entry.path().display());
        }
    }
}

#[test]
fn a_kind_outside_the_sites_kinds_is_refused_naming_the_allowed_ones() {
    let site = communes_site();
    let file = site.path().join("content/districts/dong-hung/district.toml");
    edit(&file, "kind = \"xa\"", "kind = \"huyen\"");
    let (code, out) = check(site.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("KM0311") && out.contains("district.toml:2:8"), "{out}");
    assert!(out.contains("known: xa, phuong"), "{out}");

    // Without [district_level] the kinds stay those of before 2025.
    let plain = site_with(None);
    edit(&plain.path().join("content/districts/dong-hung/district.toml"), "kind = \"huyen\"", "kind = \"xa\"");
    let (code, out) = check(plain.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("known: huyen, thanh-pho, truc-thuoc"), "{out}");
}

#[test]
fn a_district_level_without_kinds_or_with_a_kind_twice_is_an_error() {
    let site = communes_site();
    let toml = site.path().join("content/site.toml");
    edit(&toml, "{ slug = \"phuong\" }", "{ slug = \"xa\" }");
    let (code, out) = check(site.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("KM0312") && out.contains("`xa`"), "{out}");

    let empty = site_with(None);
    let toml = empty.path().join("content/site.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("\n[district_level]\nlabel = \"Đảng bộ cấp xã\"\nkinds = []\n");
    std::fs::write(&toml, text).unwrap();
    let (code, out) = check(empty.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("KM0313") && out.contains("district_level.kinds"), "{out}");
}
