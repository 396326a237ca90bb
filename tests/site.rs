//! The built site: every page exists, every link resolves inside the output, nothing points
//! outside, hostile notes and names are neutralised, and the language switch works.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{fixtures, kieumau, site_with};

fn build(site: &Path) -> PathBuf {
    let out = kieumau().args(["build", "--root"]).arg(site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    site.join("output")
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    v.sort();
    v
}

/// Values of `href="…"` and `src="…"` attributes.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn every_page_exists() {
    let site = site_with(None);
    let out = build(site.path());
    for page in [
        "index.html",
        "years/2022/index.html",
        "years/2023/index.html",
        "districts/index.html",
        "districts/dong-hung/index.html",
        "districts/thanh-pho/index.html",
        "districts/dong-hung/a/index.html",
        "districts/thanh-pho/e/index.html",
        "types/index.html",
        "types/khu-dan-cu/index.html",
        "types/co-quan/index.html",
        "criteria/index.html",
        "snapshots/index.html",
        "data/index.html",
        "booklet/2022/index.html",
        "booklet/2023/index.html",
        "static/style.css",
        "static/search.js",
        "static/search-index.js",
    ] {
        assert!(out.join(page).is_file(), "{page} is missing");
    }
    let pages = html_files(&out);
    assert_eq!(pages.len(), 19, "{pages:?}");
}

#[test]
fn every_link_resolves_inside_the_output() {
    let site = site_with(None);
    let out = build(site.path());
    let mut problems = Vec::new();
    for page in html_files(&out) {
        let html = fs::read_to_string(&page).unwrap();
        let rel = page.strip_prefix(&out).unwrap().display().to_string();
        for link in links(&html) {
            if link.starts_with('#') || link.starts_with("mailto:") {
                continue;
            }
            if link.contains("://") || link.starts_with('/') || link.starts_with("data:") {
                problems.push(format!("{rel}: absolute or external link {link}"));
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap();
            let target = page.parent().unwrap().join(path);
            if !target.is_file() {
                problems.push(format!("{rel}: {link} does not resolve to a file"));
            } else if !target.canonicalize().unwrap().starts_with(out.canonicalize().unwrap()) {
                problems.push(format!("{rel}: {link} leaves the output"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn pages_keep_to_the_content_security_policy() {
    let site = site_with(None);
    let out = build(site.path());
    for page in html_files(&out) {
        let html = fs::read_to_string(&page).unwrap();
        let rel = page.strip_prefix(&out).unwrap().display().to_string();
        assert!(!html.contains(" style=\""), "{rel}: inline style attribute");
        assert!(!html.contains("<style"), "{rel}: inline <style>");
        assert!(!html.contains("<script>"), "{rel}: inline <script>");
        assert!(
            !html.to_lowercase().contains(" onload=") && !html.to_lowercase().contains(" onclick="),
            "{rel}: handler"
        );
        let scripts = html.matches("<script").count();
        assert_eq!(scripts, html.matches("<script src=\"").count(), "{rel}: every script is a file");
        assert!(html.contains("<h1>"), "{rel}: has a heading");
    }
}

#[test]
fn hostile_notes_and_names_are_neutralised() {
    let site = site_with(Some(&fixtures().join("overlays/hostile")));
    let out = build(site.path());
    let branch_b = fs::read_to_string(out.join("districts/dong-hung/b/index.html")).unwrap();
    assert!(branch_b.contains("<strong>đậm</strong>"), "the safe part of the note is rendered");
    for bad in [
        "alert(1)",
        "alert(2)",
        "alert(3)",
        "alert(4)",
        "alert(5)",
        "<script>alert",
        "javascript:",
        "<iframe",
        "<form action",
        "<input name",
        "evil.example/x.png",
        "track.png",
        "onerror",
        "<svg onload",
    ] {
        assert!(!branch_b.contains(bad), "`{bad}` survived");
    }
    assert!(branch_b.contains("Tài liệu (https://evil.example/doc.pdf)"), "external link kept as text");
    assert!(branch_b.contains("&lt;script&gt;"), "front matter title is escaped, not executed");
    for page in html_files(&out) {
        let html = fs::read_to_string(&page).unwrap();
        assert!(!html.contains("<b>thôn</b>"), "{}: a name's markup is escaped", page.display());
        assert!(!html.contains("<script>x"), "{}", page.display());
    }
    let branch_a = fs::read_to_string(out.join("districts/dong-hung/a/index.html")).unwrap();
    assert!(branch_a.contains("Chi bộ &lt;b&gt;thôn&lt;/b&gt; An &amp; &quot;Mới&quot;"));
    let index = fs::read_to_string(out.join("static/search-index.js")).unwrap();
    assert!(!index.contains("</script>"), "the search index cannot close a script element");
}

#[test]
fn language_switches_strings_and_numbers() {
    let vi = site_with(None);
    let vi_index = fs::read_to_string(build(vi.path()).join("index.html")).unwrap();
    assert!(vi_index.contains("lang=\"vi\""));
    assert!(vi_index.contains("Tổng quan") && vi_index.contains("75,0%") && vi_index.contains("15/12/2024"));

    let en = site_with(Some(&fixtures().join("overlays/english")));
    let en_index = fs::read_to_string(build(en.path()).join("index.html")).unwrap();
    assert!(en_index.contains("lang=\"en\""));
    assert!(en_index.contains("Overview") && en_index.contains("75.0%") && en_index.contains("2024-12-15"));
    assert!(!en_index.contains("Tổng quan") && !en_index.contains("75,0%"));
}

#[test]
fn translations_have_the_same_keys() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n");
    let keys = |lang: &str| -> Vec<String> {
        let t: toml::Table = toml::from_str(&fs::read_to_string(dir.join(format!("{lang}.toml"))).unwrap()).unwrap();
        t.keys().cloned().collect()
    };
    assert_eq!(keys("vi"), keys("en"));
    // Every key a template uses exists.
    let vi = keys("vi");
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    for entry in fs::read_dir(templates).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for (i, _) in text.match_indices("t.") {
            let before = text[..i].chars().last().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == '.' {
                continue;
            }
            let key: String = text[i + 2..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            assert!(vi.contains(&key), "template key t.{key} has no translation");
        }
    }
}

#[test]
fn search_index_folds_diacritics() {
    let site = site_with(None);
    let out = build(site.path());
    let index = fs::read_to_string(out.join("static/search-index.js")).unwrap();
    assert!(index.starts_with("window.KIEUMAU_INDEX = "));
    assert!(index.contains(r#"["huyen dong hung","Huyện Đông Hưng","","districts/dong-hung/index.html"]"#));
}

#[test]
fn a_site_theme_overrides_files_one_by_one() {
    let site = site_with(None);
    let root = site.path();
    let settings = fs::read_to_string(root.join("content/site.toml")).unwrap();
    fs::write(
        root.join("content/site.toml"),
        settings.replacen("base_url = \"\"", "base_url = \"\"\ntheme = \"custom\"", 1),
    )
    .unwrap();
    fs::create_dir_all(root.join("themes/custom/static")).unwrap();
    fs::create_dir_all(root.join("themes/custom/templates")).unwrap();
    fs::write(root.join("themes/custom/static/style.css"), "/* custom theme */\n").unwrap();
    fs::write(
        root.join("themes/custom/templates/data.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>Custom downloads</h1>{% endblock %}",
    )
    .unwrap();
    let out = build(root);
    assert_eq!(fs::read_to_string(out.join("static/style.css")).unwrap(), "/* custom theme */\n");
    assert!(fs::read_to_string(out.join("data/index.html")).unwrap().contains("<h1>Custom downloads</h1>"));
    // Files the theme does not override come from the built-in theme.
    assert!(fs::read_to_string(out.join("static/search.js")).unwrap().contains("KIEUMAU_INDEX"));
    assert!(fs::read_to_string(out.join("index.html")).unwrap().contains("class=\"key-figures\""));

    // A missing theme folder is reported and the output is left alone.
    fs::remove_dir_all(root.join("themes/custom")).unwrap();
    let res = kieumau().args(["build", "--root"]).arg(root).output().unwrap();
    assert_eq!(res.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&res.stderr).contains("theme folder"));
    assert_eq!(fs::read_to_string(out.join("static/style.css")).unwrap(), "/* custom theme */\n");
}

#[test]
fn base_url_adds_canonical_links_only() {
    let site = site_with(None);
    let res = kieumau()
        .args(["build", "--base-url", "https://intranet.example/kieumau", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(res.status.success());
    let page = fs::read_to_string(site.path().join("output/districts/dong-hung/index.html")).unwrap();
    assert!(
        page.contains(
            r#"<link rel="canonical" href="https://intranet.example/kieumau/districts/dong-hung/index.html">"#
        )
    );
    assert!(page.contains(r#"href="../../static/style.css""#), "links stay relative");
}
