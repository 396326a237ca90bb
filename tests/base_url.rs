//! Issues 13.11 and 14.8: `base_url` (site.toml) and `--base-url` take only absolute http(s)
//! addresses; anything else is refused, naming the key, and nothing is built.

mod common;

use common::{kieumau, site_with};

#[test]
fn a_base_url_that_is_not_http_is_refused_in_site_toml() {
    for bad in ["javascript:alert(1)//", "data:text/html,x", "file:///etc/passwd", "http://a b/", "intranet/kieumau"] {
        let site = site_with(None);
        let path = site.path().join("content/site.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("base_url = \"\"", &format!("base_url = \"{bad}\""), 1)).unwrap();
        let out = kieumau().args(["check", "--format", "json", "--root"]).arg(site.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let line = stdout.lines().find(|l| l.contains("\"KM0324\"")).unwrap_or_else(|| panic!("{bad}: {stdout}"));
        assert!(
            line.contains("content/site.toml") && line.contains("\"line\":5") && line.contains("base_url"),
            "{line}"
        );
        let out = kieumau().args(["build", "--root"]).arg(site.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(!site.path().join("output").exists(), "{bad}: nothing built");
    }
}

#[test]
fn a_base_url_flag_that_is_not_http_is_a_usage_error() {
    let site = site_with(None);
    let out = kieumau().args(["build", "--base-url", "intranet/kieumau", "--root"]).arg(site.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("intranet/kieumau") && err.contains("https://"), "{err}");
    assert!(!site.path().join("output").exists());
    let ok = kieumau()
        .args(["build", "--base-url", "https://intranet.example/kieumau/", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let home = std::fs::read_to_string(site.path().join("output/index.html")).unwrap();
    assert!(home.contains("https://intranet.example/kieumau/"));
}
