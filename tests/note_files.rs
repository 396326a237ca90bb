//! The photos and documents of notes (SPEC section 2, issue 14.3): each file a note uses is
//! published byte for byte beside every page that shows it; a relative link or image that points
//! at nothing, outside `files/` or at a kind not published is a warning naming the note, its line
//! and the file; incremental builds follow the files.

mod common;

use std::fs;
use std::path::Path;

use common::{kieumau, site_with};

const JPG: &[u8] = b"\xFF\xD8\xFF\xE0 a photo of the meeting \x00\x01\x02";
const PDF: &[u8] = b"%PDF-1.4 the minutes";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n the review's chart";

/// The valid site with notes that use files: a branch note (with every kind of bad link), a
/// district note and the 2023 review.
fn site() -> tempfile::TempDir {
    let site = site_with(None);
    let d = site.path().join("content/districts/dong-hung");
    fs::create_dir_all(d.join("files/2023")).unwrap();
    fs::write(d.join("files/hop chi bo.jpg"), JPG).unwrap();
    fs::write(d.join("files/2023/bien-ban.pdf"), PDF).unwrap();
    fs::write(d.join("files/virus.exe"), b"MZ").unwrap();
    fs::write(d.join("files/unused.pdf"), PDF).unwrap();
    fs::write(
        d.join("a.md"),
        "Chi bộ **tiêu biểu** của huyện.\n\n\
         ![Họp chi bộ](files/hop%20chi%20bo.jpg)\n\n\
         [Biên bản](files/2023/bien-ban.pdf)\n\
         ![Thiếu](files/thieu.jpg)\n\
         [Ngoài](../c.toml)\n\
         <a href=\"files/virus.exe\">x</a>\n",
    )
    .unwrap();
    fs::write(d.join("district.md"), "Ảnh: <img alt=\"Họp\" src=\"files/hop chi bo.jpg\">\n").unwrap();
    fs::create_dir_all(site.path().join("content/files")).unwrap();
    fs::write(site.path().join("content/files/bieu-do.png"), PNG).unwrap();
    let review = site.path().join("content/reviews/2023.md");
    let text = fs::read_to_string(&review).unwrap() + "\n![Biểu đồ](files/bieu-do.png)\n";
    fs::write(review, text).unwrap();
    site
}

fn build(site: &Path) -> String {
    let out = kieumau().args(["build", "--root"]).arg(site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn files_are_published_beside_the_pages_that_show_them() {
    let site = site();
    let stderr = build(site.path());
    let out = site.path().join("output");
    for (rel, bytes) in [
        ("districts/dong-hung/a/files/hop chi bo.jpg", JPG),
        ("districts/dong-hung/a/files/2023/bien-ban.pdf", PDF),
        ("districts/dong-hung/files/hop chi bo.jpg", JPG),
        ("years/2023/files/bieu-do.png", PNG),
        ("booklet/2023/files/bieu-do.png", PNG),
        ("files/bieu-do.png", PNG),
    ] {
        assert_eq!(fs::read(out.join(rel)).ok().as_deref(), Some(bytes), "{rel}\n{stderr}");
    }
    for rel in [
        "districts/dong-hung/a/files/virus.exe",
        "districts/dong-hung/a/files/thieu.jpg",
        "districts/dong-hung/a/files/unused.pdf",
        "districts/dong-hung/files/unused.pdf",
    ] {
        assert!(!out.join(rel).exists(), "{rel} published");
    }
    let page = fs::read_to_string(out.join("districts/dong-hung/a/index.html")).unwrap();
    assert!(page.contains("src=\"files/hop%20chi%20bo.jpg\""), "{page}");
    assert!(page.contains("href=\"files/2023/bien-ban.pdf\""), "{page}");
    // What is not published is not linked: no broken image, no dead link.
    for gone in ["thieu.jpg", "virus.exe", "c.toml"] {
        assert!(!page.contains(gone), "{gone} still linked");
    }
    let booklet = fs::read_to_string(out.join("booklet/2023/index.html")).unwrap();
    assert!(booklet.contains("src=\"../../districts/dong-hung/files/hop chi bo.jpg\""), "{booklet}");
    assert!(booklet.contains("src=\"files/bieu-do.png\""));
    // No warning about the files/ folders themselves.
    assert!(!stderr.contains("KM0008") && !stderr.contains("KM0009"), "{stderr}");
}

#[test]
fn bad_links_are_warnings_naming_the_note_line_and_file() {
    let site = site();
    let out = kieumau().args(["check", "--format", "json", "--root"]).arg(site.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut found: Vec<(String, String, u64, String)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("KM07")))
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("code"), s("file"), d["line"].as_u64().unwrap(), s("message"))
        })
        .collect();
    found.sort();
    let note = "content/districts/dong-hung/a.md";
    let codes: Vec<(&str, &str, u64)> = found.iter().map(|(c, f, l, _)| (c.as_str(), f.as_str(), *l)).collect();
    assert_eq!(codes, [("KM0706", note, 6), ("KM0707", note, 8), ("KM0708", note, 7)], "{found:#?}");
    assert!(found[0].3.contains("content/districts/dong-hung/files/thieu.jpg"), "{}", found[0].3);
    assert!(found[1].3.contains("virus.exe"), "{}", found[1].3);
    assert!(found[2].3.contains("../c.toml"), "{}", found[2].3);

    // In Vietnamese too, and --strict makes them errors.
    let out =
        kieumau().env("KIEUMAU_LANG", "vi").args(["check", "--strict", "--root"]).arg(site.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("trỏ tới tệp không có") && text.contains("a.md:6"), "{text}");
}

#[test]
fn rebuilds_follow_the_files() {
    let site = site();
    build(site.path());
    let out = site.path().join("output");
    let photo = site.path().join("content/districts/dong-hung/files/hop chi bo.jpg");
    fs::write(&photo, b"another photo").unwrap();
    build(site.path());
    assert_eq!(fs::read(out.join("districts/dong-hung/a/files/hop chi bo.jpg")).unwrap(), b"another photo");
    assert_eq!(fs::read(out.join("districts/dong-hung/files/hop chi bo.jpg")).unwrap(), b"another photo");

    // Gone: the next build warns, publishes nothing and no longer links it (the branch was not
    // taken from the cache).
    fs::remove_file(&photo).unwrap();
    let stderr = build(site.path());
    assert!(stderr.contains("KM0706") && stderr.contains("hop chi bo.jpg"), "{stderr}");
    assert!(!out.join("districts/dong-hung/a/files/hop chi bo.jpg").exists());
    let page = fs::read_to_string(out.join("districts/dong-hung/a/index.html")).unwrap();
    assert!(!page.contains("hop%20chi%20bo.jpg"), "{page}");

    // Back again: published again.
    fs::write(&photo, JPG).unwrap();
    build(site.path());
    assert_eq!(fs::read(out.join("districts/dong-hung/a/files/hop chi bo.jpg")).unwrap(), JPG);
}

#[cfg(unix)]
#[test]
fn a_link_out_of_files_is_never_followed() {
    let site = site();
    let d = site.path().join("content/districts/dong-hung");
    let secret = site.path().join("secret.pdf");
    fs::write(&secret, b"secret").unwrap();
    std::os::unix::fs::symlink(&secret, d.join("files/link.pdf")).unwrap();
    fs::write(d.join("b.md"), "[x](files/link.pdf)\n").unwrap();
    let stderr = build(site.path());
    assert!(stderr.contains("KM0706"), "{stderr}");
    assert!(!site.path().join("output/districts/dong-hung/b/files/link.pdf").exists());
}
