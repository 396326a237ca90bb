//! `kieumau import`, the friendlier score sheets of issue 16.4: informational columns, rows of
//! branches not assessed, ratings by case or full name, vetoes by title, short rows, a header a
//! spreadsheet mangled, and every problem naming the row's district and branch.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{kieumau, site_with, snapshot_tree};

fn import(site: &Path, args: &[&str]) -> std::process::Output {
    kieumau().arg("import").args(args).arg("--root").arg(site).output().unwrap()
}

fn text(out: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn branch(site: &Path, district: &str, slug: &str) -> PathBuf {
    site.join("content/districts").join(district).join(format!("{slug}.toml"))
}

fn write_sheet(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn informational_columns_blank_rows_labels_and_short_rows() {
    let site = site_with(None);
    // `name`, `parent` and `type` are read by no rule; c and d were not assessed in 2024 (blank
    // rows); ratings by lower-case code and by full name; a veto by its title; e's row is short.
    let sheet = "district,branch,name,parent,type,rating,vetoes,1.1,2.1,2.2,2.3\n\
dong-hung,a,Chi bộ thôn An,Đảng bộ xã,khu-dan-cu,httnv,,48,44,,\n\
dong-hung,b,Chi bộ B,,khu-dan-cu,Hoàn thành nhiệm vụ,Có đảng viên bị kỷ luật,40,40,,\n\
dong-hung,c,Chi bộ C,,,,,,,,\n\
thanh-pho,d,Chi bộ D,,,,,,,,\n\
thanh-pho,e,Chi bộ E,,,HOÀN THÀNH TỐT NHIỆM VỤ,,45,,45,9\n";
    let before_c = fs::read(branch(site.path(), "dong-hung", "c")).unwrap();
    let before_d = fs::read(branch(site.path(), "thanh-pho", "d")).unwrap();
    let csv = write_sheet(site.path(), "2023.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("imported 3 rows for 2023") && stderr.contains("2 files changed, 1 unchanged"),
        "blank rows are skipped, not counted: {stderr}"
    );
    let a = fs::read_to_string(branch(site.path(), "dong-hung", "a")).unwrap();
    assert!(a.contains("year = 2023\nrating = \"HTTNV\"\nscores = { \"1.1\" = 48, \"2.1\" = 44 }"), "{a}");
    let b = fs::read_to_string(branch(site.path(), "dong-hung", "b")).unwrap();
    assert!(b.contains("rating = \"HTNV\"") && b.contains("vetoes = [\"ky-luat\"]"), "{b}");
    assert_eq!(fs::read(branch(site.path(), "dong-hung", "c")).unwrap(), before_c, "a blank row changed c");
    assert_eq!(fs::read(branch(site.path(), "thanh-pho", "d")).unwrap(), before_d, "a blank row changed d");
    let check = kieumau().args(["check", "--root"]).arg(site.path()).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn a_short_workbook_row_reads_as_empty_trailing_cells() {
    let site = site_with(None);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["district", "branch", "rating", "vetoes", "1.1", "2.1", "2.2", "2.3"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // dong-hung/a is khu-dan-cu (1.1 and 2.1); its row stops after 1.1.
    for (c, v) in ["dong-hung", "a", "HTTNV", ""].iter().enumerate() {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    ws.write_number(1, 4, 40).unwrap();
    let path = write_sheet(site.path(), "short.xlsx", &book.save_to_buffer().unwrap());
    let out = import(site.path(), &[path.to_str().unwrap(), "--year", "2023"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("row 2 (dong-hung/a), column \"2.1\": no score, but criterion 2.1 applies"),
        "a short row's problem names its branch: {stderr}"
    );
}

#[test]
fn a_mangled_header_gets_one_message() {
    let site = site_with(None);
    let before = snapshot_tree(&site.path().join("content"));
    // A spreadsheet turned the ids 1.1 and 2.1 into dates.
    let sheet = "district,branch,rating,vetoes,01-Jan,01-Feb,2.2,2.3\ndong-hung,a,HTTNV,,48,44,,\n";
    let csv = write_sheet(site.path(), "m.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.matches("m.csv row 1").count(), 1, "one message, not one per column: {stderr}");
    assert!(stderr.contains("2 criterion header(s) were turned into numbers or dates"), "{stderr}");
    assert!(stderr.contains("E 01-Jan, F 01-Feb") && stderr.contains("format the header row as Text"), "{stderr}");
    assert_eq!(snapshot_tree(&site.path().join("content")), before);
}

#[test]
fn thousands_separators_are_refused() {
    let site = site_with(None);
    let sheet = "district,branch,rating,vetoes,1.1,2.1,2.2,2.3\ndong-hung,a,HTTNV,,\"1,000\",44,,\n";
    let csv = write_sheet(site.path(), "t.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "\"1,000\" must not be read as 1: {stderr}");
    assert!(stderr.contains("row 2 (dong-hung/a), column \"1.1\": \"1,000\" is ambiguous"), "{stderr}");
}
