//! `kieumau booklet --docx`: the Word file holds the same document as the print page (every
//! heading in Word's heading styles, every table cell), with its fields, repeating header rows and
//! pictures; LibreOffice opens it and prints every district's figures.

mod common;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::{kieumau, site_with};

fn part(docx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn names(docx: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).unwrap();
    zip.file_names().map(|n| n.unwrap().into_owned()).collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&")
}

/// The texts between `<open…>` and `</close>` in `html`, without inner tags.
fn texts(html: &str, open: &str, close: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        let after = &rest[at + open.len()..];
        let Some(gt) = after.find('>') else { break };
        let Some(end) = after.find(close) else { break };
        let inner = &after[gt + 1..end];
        let mut plain = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        out.push(unescape(plain.trim()));
        rest = &after[end..];
    }
    out
}

/// The text of every `<w:t>` of each paragraph whose style is `style`.
fn styled(xml: &str, style: &str) -> Vec<String> {
    let mark = format!(r#"<w:pStyle w:val="{style}"/>"#);
    xml.split("<w:p>").filter(|p| p.contains(&mark)).map(|p| unescape(&texts(p, "<w:t", "</w:t>").concat())).collect()
}

fn make_docx(site: &Path, year: &str) -> std::path::PathBuf {
    let docx = site.join(format!("bao-cao-{year}.docx"));
    let out =
        kieumau().args(["booklet", "--year", year, "--docx"]).arg(&docx).arg("--root").arg(site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    docx
}

#[test]
fn the_word_file_holds_the_print_page_s_document() {
    let site = site_with(None);
    kieumau().args(["build", "--root"]).arg(site.path()).assert().success();
    let html = fs::read_to_string(site.path().join("output/booklet/2023/index.html")).unwrap();
    let docx = make_docx(site.path(), "2023");
    let xml = part(&docx, "word/document.xml");

    // Every section heading, in order and in Word's heading styles.
    let doc_html = &html[html.find("class=\"masthead\"").unwrap()..];
    let h2: Vec<String> = texts(doc_html, "<h2 id=", "</h2>").into_iter().filter(|t| t != "Mục lục").collect();
    assert!(h2.len() >= 4, "{h2:?}");
    assert_eq!(styled(&xml, "Heading1"), h2, "the parts");
    assert_eq!(styled(&xml, "Heading2"), texts(doc_html, "<h3 id=", "</h3>"), "the chapters");
    // Every cell of every table.
    let word_text = unescape(&texts(&xml, "<w:t", "</w:t>").join("\u{1}"));
    let cells: Vec<String> = texts(doc_html, "<td", "</td>")
        .into_iter()
        .chain(texts(doc_html, "<th", "</th>"))
        .filter(|c| !c.is_empty())
        .collect();
    assert!(cells.len() > 100, "{} cells", cells.len());
    let missing: Vec<&String> = cells.iter().filter(|c| !word_text.contains(c.as_str())).collect();
    assert!(missing.is_empty(), "cells of the print page missing from the Word file: {missing:?}");

    // Its fields, tables and pictures.
    assert!(xml.contains(r#" TOC \o "1-2" \h \z \u "#), "a contents field");
    assert!(part(&docx, "word/footer1.xml").contains(" PAGE "), "a page-number field");
    assert!(part(&docx, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
    let tables = xml.matches("<w:tbl>").count();
    assert!(
        xml.matches("<w:tblHeader/>").count() >= tables - 2,
        "every table but the masthead and signature repeats its header"
    );
    assert!(xml.contains(r#"w:orient="landscape""#), "wide tables on landscape pages");
    let charts = html.matches("<figure class=\"chart\">").count();
    let pictures = names(&docx).into_iter().filter(|n| n.starts_with("word/media/") && n.ends_with(".png")).count();
    assert!(charts > 0 && pictures == charts, "{pictures} pictures for {charts} charts");
    assert_eq!(xml.matches("<w:drawing>").count(), charts);
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");

    // The same content makes the same file.
    let again = fs::read(make_docx(site.path(), "2023")).unwrap();
    assert_eq!(fs::read(&docx).unwrap(), again);
}

#[test]
fn a_year_without_assessments_or_a_missing_folder_writes_nothing() {
    let site = site_with(None);
    let out =
        kieumau().args(["booklet", "--year", "2019", "--docx", "x.docx", "--root"]).arg(site.path()).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("2022, 2023"), "{err}");
    let docx = site.path().join("nowhere/bao-cao.docx");
    let out = kieumau()
        .args(["booklet", "--year", "2023", "--docx"])
        .arg(&docx)
        .arg("--root")
        .arg(site.path())
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("nowhere"));
    // One of --pdf and --docx is needed.
    kieumau().args(["booklet", "--year", "2023", "--root"]).arg(site.path()).assert().code(2);
    // Content errors stop it (exit 1).
    common::edit(&site.path().join("content/districts/dong-hung/a.toml"), "members = 40", "members = \"forty\"");
    let docx = site.path().join("b.docx");
    kieumau().args(["booklet", "--year", "2023", "--docx"]).arg(&docx).arg("--root").arg(site.path()).assert().code(1);
    assert!(!docx.exists());
}

#[test]
fn libreoffice_opens_it_and_prints_every_district_s_figures() {
    let ok = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success())
        && Command::new("pdftotext").arg("-v").output().is_ok();
    if !ok {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have LibreOffice and poppler-utils");
        eprintln!("skipped: no soffice or pdftotext");
        return;
    }
    let site = site_with(None);
    let docx = make_docx(site.path(), "2023");
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(site.path())
        .arg(&docx)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = site.path().join("bao-cao-2023.pdf");
    let text = String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Every district, branch type and model branch, and the province's figures.
    let json: serde_json::Value = {
        kieumau().args(["build", "--root"]).arg(site.path()).assert().success();
        serde_json::from_str(&fs::read_to_string(site.path().join("output/data/site.json")).unwrap()).unwrap()
    };
    for name in
        ["Thành phố Thái Bình", "Huyện Đông Hưng", "Khu dân cư", "Cơ quan", "Chi bộ thôn An", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    {
        assert!(flat.contains(name), "{name} in the printed Word file");
    }
    let province = &json["province"]["2023"];
    let pct = |v: &serde_json::Value| format!("{:.1}%", v.as_f64().unwrap()).replace('.', ",");
    for figure in [pct(&province["good_or_better_pct"]), pct(&province["model_pct"])] {
        assert!(flat.contains(&figure), "the province's {figure}");
    }
    let info = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 8, "{pages} pages");
}
