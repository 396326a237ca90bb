//! Issue 13.10: a name that a spreadsheet would run as a formula is written to the CSVs as text
//! (a leading `'`), read back without it; workbooks store such names as strings, never formulas.

mod common;

use std::io::Read;

use common::{edit, kieumau, site_with};

const NAME: &str = "=HYPERLINK(\"http://evil.example\",\"Bấm vào\")";

#[test]
fn formula_like_names_stay_text() {
    let site = site_with(None);
    let root = site.path();
    let branch = root.join("content/districts/dong-hung/a.toml");
    edit(&branch, "name = \"Chi bộ thôn An\"", &format!("name = {}", toml_quoted(NAME)));
    // A district's name reaches the workbooks as well.
    edit(&root.join("content/districts/dong-hung/district.toml"), "\"Huyện Đông Hưng\"", "\"+SUM(1,2) Đông Hưng\"");
    kieumau().args(["build", "--root"]).arg(root).assert().success();

    let csv = std::fs::read_to_string(root.join("output/data/branches.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<String> =
        reader.records().flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>()).collect();
    assert!(cells.iter().any(|c| c == &format!("'{NAME}")), "the name is written as text: {csv}");
    assert!(!cells.iter().any(|c| c.starts_with(['=', '+', '@'])), "no cell starts a formula: {csv}");

    // The year's score sheet carries the name too; imported back as it is, nothing changes.
    let before = std::fs::read(&branch).unwrap();
    let scores = root.join("output/data/scores-2023.csv");
    assert!(std::fs::read_to_string(&scores).unwrap().contains(&format!("\"'{}", &NAME[..10])));
    let out = kieumau().args(["import", "--year", "2023", "--root"]).arg(root).arg(&scores).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&branch).unwrap(), before, "a round trip changes nothing");

    // Workbooks store it as a string cell, with no formula anywhere.
    let bytes = std::fs::read(root.join("output/data/bao-cao-2023.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut strings = String::new();
    let mut formulas = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        if f.read_to_string(&mut text).is_ok() {
            formulas += text.matches("<f>").count() + text.matches("<f ").count();
            strings.push_str(&text);
        }
    }
    assert_eq!(formulas, 0, "no formula in the workbook");
    assert!(strings.contains("+SUM(1,2) Đông Hưng"), "the district's name is in the workbook as text");
}

fn toml_quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
