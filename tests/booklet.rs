//! The review booklet: one printable document per year, and its PDF through headless Chromium.

mod common;

use std::fs;
use std::process::Command;

use common::{kieumau, site_with};

#[test]
fn booklet_has_every_section() {
    let site = site_with(None);
    let out = kieumau().args(["build", "--root"]).arg(site.path()).output().unwrap();
    assert!(out.status.success());
    for year in [2022, 2023] {
        let html = fs::read_to_string(site.path().join(format!("output/booklet/{year}/index.html"))).unwrap();
        for part in [
            "class=\"masthead\"",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "<th scope=\"col\" class=\"num\">STT</th>",
            "<th scope=\"col\">Trực thuộc</th>",
            "Tỷ lệ điểm bình quân",
            "Thay đổi (điểm phần trăm)",
            "class=\"table wide\"",
            "id=\"h-contents\"",
            "id=\"province\"",
            "id=\"d-dong-hung\"",
            "id=\"d-thanh-pho\"",
            "id=\"t-khu-dan-cu\"",
            "id=\"t-co-quan\"",
            "id=\"annex-criteria\"",
            "id=\"annex-model\"",
            "id=\"annex-pilots\"",
            "static/booklet.css",
        ] {
            assert!(html.contains(part), "{year}: {part}");
        }
        // Contents link to each section.
        assert!(html.contains("href=\"#d-dong-hung\"") && html.contains("href=\"#annex-pilots\""));
    }
    let b2023 = fs::read_to_string(site.path().join("output/booklet/2023/index.html")).unwrap();
    assert!(b2023.contains("<span class=\"title\">Sơ kết năm 2023</span>"), "the review's title");
    assert!(b2023.contains("các chi bộ</strong> tiếp tục"), "the year's review narrative");
    // 2022 has no review: the default title says "sơ kết"; 2023, the target year, would say "tổng kết".
    let b2022 = fs::read_to_string(site.path().join("output/booklet/2022/index.html")).unwrap();
    assert!(
        b2022.contains("<span class=\"title\">Sơ kết năm 2022 xây dựng mô hình chi bộ kiểu mẫu</span>"),
        "default title"
    );
    assert!(!b2022.contains("kieumau-piece"), "no marker left");
    let css = fs::read_to_string(site.path().join("output/static/booklet.css")).unwrap();
    assert!(css.contains("size: A4") && css.contains("counter(page)") && css.contains("break-before: page"));
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

#[test]
fn booklet_prints_to_pdf() {
    let have_chromium = kieumau::commands::print::find_chromium(None).is_ok();
    if !have_chromium || !tool("pdfinfo") {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have chromium and poppler-utils");
        eprintln!("skipped: no chromium or pdfinfo (install: apt-get install chromium poppler-utils)");
        return;
    }
    let site = site_with(None);
    let pdf = site.path().join("b.pdf");
    let out = kieumau()
        .args(["booklet", "--year", "2023", "--pdf"])
        .arg(&pdf)
        .arg("--root")
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!site.path().join("output").exists(), "printing leaves the published output alone");
    let info = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    // Cover, contents, province, 2 districts, 2 types and 3 annexes each start a page.
    assert!(pages >= 10, "{pages} pages");
    assert!(info.contains("A4") || info.contains("595"), "{info}");
    let text = String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout).unwrap();
    for name in ["Huyện Đông Hưng", "Thành phố Thái Bình", "Chi bộ thôn An", "Khu dân cư"] {
        assert!(text.contains(name), "{name} intact in the PDF text");
    }
    let fonts = String::from_utf8(Command::new("pdffonts").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(fonts.contains("LiberationSerif") && !fonts.contains("DejaVu"), "the theme's serif, embedded: {fonts}");
}

#[test]
fn booklet_without_chromium_says_how_to_install_it() {
    let site = site_with(None);
    // The install places are searched too (a machine with Chromium has it at one of them), so the
    // browser asked for is missing; the unit tests of commands/chromium.rs cover a bare machine.
    let out = kieumau()
        .env("PATH", "/nonexistent")
        .env("KIEUMAU_CHROMIUM", "/nonexistent/chromium")
        .args(["booklet", "--year", "2023", "--pdf", "x.pdf", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/chromium") && err.contains("apt-get install chromium"), "{err}");
    assert!(!site.path().join("x.pdf").exists());
}

/// Issue 14.8: a --pdf into a folder that does not exist names the folder, before any printing,
/// and writes nothing.
#[test]
fn booklet_into_a_missing_folder_names_it() {
    let site = site_with(None);
    let pdf = site.path().join("no-such-folder/bao-cao.pdf");
    let out = kieumau()
        .args(["booklet", "--year", "2023", "--pdf"])
        .arg(&pdf)
        .arg("--root")
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-folder") && err.contains("does not exist"), "{err}");
    assert!(!err.contains("os error") && !err.contains(".bao-cao.pdf"), "no raw system error: {err}");
    assert!(!site.path().join("no-such-folder").exists());
}
