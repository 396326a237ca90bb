//! `kieumau import`: sheets in every accepted shape (CSV with comma or semicolon, with or without a
//! byte-order mark, decimal point or comma; XLSX), comments and layout kept byte for byte,
//! all-or-nothing on bad rows, dry runs, and the export -> edit -> import round trip. Also the
//! `bao-cao-<year>.xlsx` workbook that every build writes beside the export.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{kieumau, site_with, snapshot_tree};

fn import(site: &Path, args: &[&str]) -> std::process::Output {
    kieumau().arg("import").args(args).arg("--root").arg(site).output().unwrap()
}

fn build(site: &Path) {
    let out = kieumau().args(["build", "--root"]).arg(site).output().unwrap();
    assert!(out.status.success(), "build: {}", String::from_utf8_lossy(&out.stderr));
}

fn text(out: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn branch(site: &Path, district: &str, slug: &str) -> PathBuf {
    site.join("content/districts").join(district).join(format!("{slug}.toml"))
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap()
}

fn write_sheet(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

fn content_tree(site: &Path) -> Vec<(String, Vec<u8>)> {
    snapshot_tree(&site.join("content"))
}

/// The fixture's 2023 scores, as the export writes them (comma, BOM, CRLF).
const EXPORT_2023: &str = "\u{feff}district,branch,name,parent,rating,vetoes,1.1,2.1,2.2,2.3\r\n\
thanh-pho,e,Chi bộ Sở Tài chính,,HTTNV,,45,,45,9\r\n\
thanh-pho,d,Chi bộ tổ dân phố Đề Thám,,HTTNV,,29.5,45,,\r\n\
dong-hung,a,Chi bộ thôn An,,HTXSNV,,50,45,,\r\n\
dong-hung,b,Chi bộ thôn Bình,Đảng bộ xã Đông Xá,HTNV,,50,45,,\r\n";

#[test]
fn export_is_the_import_format() {
    let site = site_with(None);
    build(site.path());
    let export = fs::read(site.path().join("output/data/scores-2023.csv")).unwrap();
    assert_eq!(String::from_utf8(export).unwrap(), EXPORT_2023);
}

#[test]
fn imports_a_comma_csv_with_bom() {
    let site = site_with(None);
    let sheet = EXPORT_2023.replace(
        "thanh-pho,e,Chi bộ Sở Tài chính,,HTTNV,,45,,45,9",
        "thanh-pho,e,Chi bộ Sở Tài chính,,HTXSNV,,46.5,,45,9",
    );
    let csv = write_sheet(site.path(), "scores.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, "content/districts/thanh-pho/e.toml: 2023 HTTNV -> HTXSNV; 1.1 45 -> 46.5\n");
    assert!(stderr.contains("imported 4 rows for 2023") && stderr.contains("1 file changed, 3 unchanged"), "{stderr}");
    let e = read(&branch(site.path(), "thanh-pho", "e"));
    assert!(e.ends_with(
        "year = 2023\nrating = \"HTXSNV\"\nscores = { \"1.1\" = 46.5, \"2.2\" = 45, \"2.3\" = 9 }   # 99 / 110 = 90%\n"
    ));
    let check = kieumau().args(["check", "--root"]).arg(site.path()).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn imports_semicolons_and_decimal_commas_without_bom() {
    let site = site_with(None);
    // Vietnamese Excel: semicolons, decimal commas, no byte-order mark, LF line ends.
    let sheet = "district;branch;rating;vetoes;1.1;2.1;2.2;2.3\n\
                 thanh-pho;d;HTTNV;;30,25;44,5;;\n\
                 dong-hung;a;HTXSNV;;50;45;;\n";
    let csv = write_sheet(site.path(), "diem.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, "content/districts/thanh-pho/d.toml: 2023; 1.1 29.5 -> 30.25; 2.1 45 -> 44.5\n");
    assert!(read(&branch(site.path(), "thanh-pho", "d")).contains("scores = { \"1.1\" = 30.25, \"2.1\" = 44.5 }"));
    // A comma-separated file may quote a decimal comma too.
    let sheet = "district,branch,rating,vetoes,1.1,2.1,2.2,2.3\r\nthanh-pho,d,HTTNV,,\"30,5\",\"44,5\",,\r\n";
    let csv = write_sheet(site.path(), "diem2.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert!(read(&branch(site.path(), "thanh-pho", "d")).contains("scores = { \"1.1\" = 30.5, \"2.1\" = 44.5 }"));
}

#[test]
fn imports_a_bom_semicolon_sheet_with_vetoes() {
    let site = site_with(None);
    let sheet = "\u{feff}district;branch;rating;vetoes;1.1;2.1;2.2;2.3\r\ndong-hung;a;HTXSNV;ky-luat;50;45;;\r\n";
    let csv = write_sheet(site.path(), "s.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(text(&out).0, "content/districts/dong-hung/a.toml: 2023; vetoes none -> ky-luat\n");
    assert!(
        read(&branch(site.path(), "dong-hung", "a"))
            .ends_with("rating = \"HTXSNV\"\nvetoes = [\"ky-luat\"]\nscores = { \"1.1\" = 50, \"2.1\" = 45 }\n")
    );
}

/// An XLSX file as a spreadsheet program saves an opened CSV: whatever reads as a number is a
/// number, the criterion ids of the header (1.1) included.
fn xlsx(sheet_name: &str, rows: &[Vec<&str>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let other = book.add_worksheet();
    other.set_name("Ghi chú").unwrap();
    other.write_string(0, 0, "not the scores").unwrap();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) => ws.write_number(r, c, n).unwrap(),
                _ => ws.write_string(r, c, *cell).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn imports_an_xlsx_sheet() {
    let site = site_with(None);
    let rows = vec![
        vec!["district", "branch", "rating", "vetoes", "1.1", "2.1", "2.2", "2.3"],
        vec!["thanh-pho", "e", "HTTNV", "", "45", "", "44.25", "9"],
        vec!["dong-hung", "b", "HTTNV", "", "50", "45", "", ""],
    ];
    let book = write_sheet(site.path(), "diem.xlsx", &xlsx("Điểm 2023", &rows));
    let before = content_tree(site.path());
    // The first sheet is not the scores: it is refused, and nothing is written.
    let out = import(site.path(), &[book.to_str().unwrap(), "--year", "2023"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out).1);
    assert!(text(&out).1.contains("the header has no column \"district\""), "{}", text(&out).1);
    assert_eq!(content_tree(site.path()), before);

    let out = import(site.path(), &[book.to_str().unwrap(), "--year", "2023", "--sheet", "Điểm 2023"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stdout,
        "content/districts/thanh-pho/e.toml: 2023; 2.2 45 -> 44.25\n\
         content/districts/dong-hung/b.toml: 2023 HTNV -> HTTNV\n"
    );
    assert!(read(&branch(site.path(), "thanh-pho", "e")).contains("{ \"1.1\" = 45, \"2.2\" = 44.25, \"2.3\" = 9 }"));
    assert!(
        read(&branch(site.path(), "dong-hung", "b"))
            .ends_with("year = 2023\nrating = \"HTTNV\"\nscores = { \"1.1\" = 50, \"2.1\" = 45 }\n")
    );

    let out = import(site.path(), &[book.to_str().unwrap(), "--year", "2023", "--sheet", "Sheet9"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("no sheet named \"Sheet9\"; its sheets: Ghi chú, Điểm 2023"), "{}", text(&out).1);
}

#[test]
fn tolerates_spreadsheet_quirks() {
    let site = site_with(None);
    // A byte-order mark that a spreadsheet read as Latin-1, criterion ids rewritten with a decimal
    // comma, a tab-less semicolon file, blank lines, spaces around cells, a vetoes cell with ", ".
    let sheet = "\u{ef}\u{bb}\u{bf}district;branch;rating;vetoes;1,1;2,1;2,2;2,3\r\n\r\n\
                 \x20thanh-pho ; d ;HTTNV; ;29,5;45;;\r\n\
                 dong-hung;a;HTXSNV;ky-luat, ;50;45;;\r\n";
    let csv = write_sheet(site.path(), "q.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(text(&out).0, "content/districts/dong-hung/a.toml: 2023; vetoes none -> ky-luat\n");
}

#[test]
fn keeps_comments_and_layout_byte_for_byte() {
    let site = site_with(None);
    let file = branch(site.path(), "dong-hung", "a");
    let original = "# Chi bộ thôn An — ghi chú đầu tệp\r\n\
name    = \"Chi bộ thôn An\"      # tên\r\n\
type = \"khu-dan-cu\"\r\n\
subtype = \"thon\"\r\n\
level = \"co-so\"\r\n\
members = 40\r\n\
pilot = 2022\r\n\
\r\n\
\r\n\
# --- năm 2022 ---\r\n\
[[assessments]]\r\n\
year = 2022\r\n\
rating = \"HTTNV\"    # họp ngày 15/12\r\n\
scores = {  \"1.1\" = 45 ,  \"2.1\" = 40.50 }   # 85.5 / 95 = exactly 90%\r\n\
\r\n\
[[assessments]]\r\n\
  year = 2023\r\n\
  rating = 'HTXSNV'  # xuất sắc\r\n\
  scores = { \"1.1\" = 50, \"2.1\" = 45 }\r\n\
# cuối tệp\r\n";
    fs::write(&file, original).unwrap();
    let sheet = "district,branch,rating,vetoes,1.1,2.1,2.2\n\
                 dong-hung,a,HTXSNV,,45,41,\n\
                 dong-hung,b,HTTNV,,44.75,40.5,\n";
    let csv = write_sheet(site.path(), "s2022.csv", sheet.as_bytes());
    let other = branch(site.path(), "dong-hung", "b");
    let other_before = fs::read(&other).unwrap();
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2022"]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(text(&out).0, "content/districts/dong-hung/a.toml: 2022 HTTNV -> HTXSNV; 2.1 40.5 -> 41\n");
    // Exactly the two values changed; every other byte (CRLF, comments, spacing, the unchanged
    // 45 and its odd spacing, the other year's indentation and quotes) is as it was.
    let expected = original
        .replace("rating = \"HTTNV\"    # họp", "rating = \"HTXSNV\"    # họp")
        .replace("\"2.1\" = 40.50 }", "\"2.1\" = 41 }");
    assert_eq!(read(&file), expected);
    // b's row equals its file: not rewritten at all.
    assert_eq!(fs::read(&other).unwrap(), other_before);
}

#[test]
fn adds_a_missing_year_in_order() {
    let site = site_with(None);
    // c has 2022 only; e has both years. Import 2023 for c.
    let sheet = "district,branch,rating,vetoes,1.1,2.1,2.2,2.3\r\ndong-hung,c,HTTNV,,48,,47.5,8\r\n";
    let csv = write_sheet(site.path(), "c.csv", sheet.as_bytes());
    let before = read(&branch(site.path(), "dong-hung", "c"));
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(
        text(&out).0,
        "content/districts/dong-hung/c.toml: 2023 new assessment: HTTNV; 1.1 = 48, 2.2 = 47.5, 2.3 = 8\n"
    );
    assert_eq!(
        read(&branch(site.path(), "dong-hung", "c")),
        format!(
            "{before}\n[[assessments]]\nyear = 2023\nrating = \"HTTNV\"\nscores = {{ \"1.1\" = 48, \"2.2\" = 47.5, \"2.3\" = 8 }}\n"
        )
    );
    build(site.path());
}

#[test]
fn all_or_nothing_reports_every_bad_row() {
    let site = site_with(None);
    let before = content_tree(site.path());
    let sheet = "district,branch,rating,vetoes,1.1,2.1,2.2,2.3\n\
thanh-pho,e,HTXSNV,,46,,45,9\n\
thanh-pho,d,HTT,,29.5,46,,\n\
dong-hng,a,HTXSNV,,50,45,,\n\
dong-hung,b,HTNV,ky-luat;tham-nhung,50,45,3,\n\
dong-hung,a,HTXSNV,,50,,,\n\
dong-hung,a,HTXSNV,,50,45,,\n\
dong-hung,a,HTXSNV,,50,45,,\n\
thanh-pho,x,HTNV,,1,2,,\n\
thanh-pho,e,HTTNV,,45,,45,8.125\n\
dong-hung,b,HTNV,,-1,abc,,\n\
dong-hung,c,HTNV,,1,,2\n";
    let csv = write_sheet(site.path(), "bad.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout, "");
    let bad = csv.display().to_string();
    let expected = [
        "row 3 (thanh-pho/d), column \"rating\": unknown rating `HTT` (did you mean `HTTNV`?",
        "row 3 (thanh-pho/d), column \"2.1\": score 46 for `2.1` is above its maximum 45",
        "row 4 (dong-hng/a), column \"district\": unknown district `dong-hng` (did you mean `dong-hung`?",
        "row 5 (dong-hung/b), column \"vetoes\": unknown veto `tham-nhung` in the 2023 framework",
        "row 5 (dong-hung/b), column \"2.2\": criterion 2.2 does not apply to branch type `khu-dan-cu` (leave the cell empty)",
        "row 6 (dong-hung/a), column \"2.1\": no score, but criterion 2.1 applies to branch type `khu-dan-cu`",
        "row 8 (dong-hung/a): `dong-hung/a` is already on row 6 (keep one row per branch)",
        "row 9 (thanh-pho/x), column \"branch\": no branch `x` in district `thanh-pho`",
        "row 10 (thanh-pho/e): `thanh-pho/e` is already on row 2",
        // Three places after the separator: a thousands separator or three decimals, refused.
        "row 10 (thanh-pho/e), column \"2.3\": \"8.125\" is ambiguous",
        "row 11 (dong-hung/b), column \"1.1\": score -1 for `1.1` is negative",
        "row 11 (dong-hung/b), column \"2.1\": \"abc\" is not a number",
        // A short row reads as having empty trailing cells; its problems name the branch.
        "row 12 (dong-hung/c), column \"2.3\": no score, but criterion 2.3 applies to branch type `co-quan`",
    ];
    for e in expected {
        assert!(stderr.contains(&format!("{bad} {e}")), "missing `{e}` in:\n{stderr}");
    }
    assert!(stderr.contains(&format!("import failed: 15 problems in {bad}; no file was written")), "{stderr}");
    // Rows 7 and 11 repeat rows 6 and 5: reported too.
    assert!(stderr.contains("row 7 (dong-hung/a): `dong-hung/a` is already on row 6"), "{stderr}");
    assert!(stderr.contains("row 11 (dong-hung/b): `dong-hung/b` is already on row 5"), "{stderr}");
    assert_eq!(content_tree(site.path()), before, "nothing written");

    // The same sheet for a Vietnamese clerk: every word of the messages is Vietnamese, but for
    // the sheet's own values, the column codes and the ids.
    let out = kieumau()
        .env("KIEUMAU_LANG", "vi")
        .arg("import")
        .arg(&csv)
        .args(["--year", "2023", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let (_, vi) = text(&out);
    assert!(vi.contains("dòng 3 (thanh-pho/d), cột \"rating\": xếp loại `HTT` không hợp lệ"), "{vi}");
    assert!(vi.contains("dòng 9 (thanh-pho/x), cột \"branch\": đơn vị `thanh-pho` không có chi bộ `x`"), "{vi}");
    for english in ["row ", "column", "unknown", "score ", "criterion", "does not", "is not", "already", "framework"] {
        assert!(!vi.contains(english), "English `{english}` in:\n{vi}");
    }
}

#[test]
fn header_problems_are_reported() {
    let site = site_with(None);
    let sheet = "district,branch,xep-loai,vetoes,1.1,2.1,2.1,2.4\r\n";
    let csv = write_sheet(site.path(), "h.csv", sheet.as_bytes());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let stderr = text(&out).1;
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for e in [
        "row 1, column \"xep-loai\": unknown column \"xep-loai\"",
        "row 1, column \"2.1\": column \"2.1\" appears twice (columns F and G)",
        "row 1, column \"2.4\": unknown column \"2.4\"",
        "row 1: the header has no column \"rating\"",
        "row 1: the header has no column for criterion \"2.2\", \"2.3\"",
    ] {
        assert!(stderr.contains(e), "missing `{e}` in:\n{stderr}");
    }
}

#[test]
fn dry_run_writes_nothing() {
    let site = site_with(None);
    let sheet = EXPORT_2023
        .replace(
            "thanh-pho,e,Chi bộ Sở Tài chính,,HTTNV,,45,,45,9",
            "thanh-pho,e,Chi bộ Sở Tài chính,,HTTNV,ky-luat,45,,45,10",
        )
        .replace(
            "dong-hung,b,Chi bộ thôn Bình,Đảng bộ xã Đông Xá,HTNV,,50,45,,",
            "dong-hung,b,Chi bộ thôn Bình,Đảng bộ xã Đông Xá,KHTNV,,40,45,,",
        );
    let csv = write_sheet(site.path(), "s.csv", sheet.as_bytes());
    let before = content_tree(site.path());
    let e = branch(site.path(), "thanh-pho", "e");
    let mtime = fs::metadata(&e).unwrap().modified().unwrap();
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023", "--dry-run"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stdout,
        "content/districts/thanh-pho/e.toml: 2023; vetoes none -> ky-luat; 2.3 9 -> 10\n\
         content/districts/dong-hung/b.toml: 2023 HTNV -> KHTNV; 1.1 50 -> 40\n"
    );
    assert!(stderr.contains("dry run: 4 rows for 2023: 2 files would change, 2 unchanged; nothing was written"));
    assert_eq!(content_tree(site.path()), before);
    assert_eq!(fs::metadata(&e).unwrap().modified().unwrap(), mtime);
    // No temporary files left behind either.
    let leftovers: Vec<_> = walkdir::WalkDir::new(site.path().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refuses_a_site_with_content_errors() {
    let site = site_with(None);
    let e = branch(site.path(), "thanh-pho", "e");
    fs::write(&e, read(&e).replace("members = 60", "membres = 60")).unwrap();
    let csv = write_sheet(site.path(), "s.csv", EXPORT_2023.as_bytes());
    let before = content_tree(site.path());
    let out = import(site.path(), &[csv.to_str().unwrap(), "--year", "2023"]);
    let stderr = text(&out).1;
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("unknown key `membres`"), "{stderr}");
    assert!(stderr.contains("import refused: the site has"), "{stderr}");
    assert_eq!(content_tree(site.path()), before);
}

#[test]
fn usage_errors_exit_2() {
    let site = site_with(None);
    let csv = write_sheet(site.path(), "s.csv", EXPORT_2023.as_bytes());
    let ods = write_sheet(site.path(), "s.docx", b"x");
    let cases: [(Vec<&str>, &str); 4] = [
        (vec![csv.to_str().unwrap(), "--year", "2030"], "--year 2030 is outside the site's years 2022-2023"),
        (vec![ods.to_str().unwrap(), "--year", "2023"], "is neither a .csv nor an .xlsx file"),
        (vec![csv.to_str().unwrap(), "--year", "2023", "--sheet", "A"], "--sheet is for workbooks"),
        (vec!["/nonexistent/s.csv", "--year", "2023"], "cannot read /nonexistent/s.csv"),
    ];
    for (args, msg) in cases {
        let out = import(site.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out).1.contains(msg), "{args:?}: {}", text(&out).1);
    }
}

/// The export of a build, edited as a spreadsheet user would, imported, and built again: exactly
/// the edited values change in the data files; the unedited export changes nothing at all.
#[test]
fn export_edit_import_round_trip() {
    let site = site_with(None);
    build(site.path());
    let data = site.path().join("output/data");
    let branches_before = fs::read_to_string(data.join("branches.csv")).unwrap();
    let json_before: serde_json::Value = serde_json::from_slice(&fs::read(data.join("site.json")).unwrap()).unwrap();

    // The unedited export: no file is touched (bytes and modification times).
    let export = data.join("scores-2023.csv");
    let kept = site.path().join("scores-2023.csv");
    fs::copy(&export, &kept).unwrap();
    let times = |dir: &Path| -> Vec<(PathBuf, std::time::SystemTime)> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().to_path_buf(), e.metadata().unwrap().modified().unwrap()))
            .collect()
    };
    let (tree, mtimes) = (content_tree(site.path()), times(&site.path().join("content")));
    for year in ["2022", "2023"] {
        let out = import(site.path(), &[data.join(format!("scores-{year}.csv")).to_str().unwrap(), "--year", year]);
        assert!(out.status.success(), "{}", text(&out).1);
        assert_eq!(text(&out).0, "");
        assert!(text(&out).1.contains("0 files changed"), "{}", text(&out).1);
    }
    assert_eq!(content_tree(site.path()), tree);
    assert_eq!(times(&site.path().join("content")), mtimes);

    // Edit one score and one rating, as in a spreadsheet.
    let edited = fs::read_to_string(&kept)
        .unwrap()
        .replace("thanh-pho,e,Chi bộ Sở Tài chính,,HTTNV,,45,,45,9", "thanh-pho,e,Chi bộ Sở Tài chính,,HTTNV,,46,,45,9")
        .replace(
            "dong-hung,b,Chi bộ thôn Bình,Đảng bộ xã Đông Xá,HTNV,,50,45,,",
            "dong-hung,b,Chi bộ thôn Bình,Đảng bộ xã Đông Xá,HTTNV,,50,45,,",
        );
    fs::write(&kept, edited).unwrap();
    let out = import(site.path(), &[kept.to_str().unwrap(), "--year", "2023"]);
    assert!(out.status.success(), "{}", text(&out).1);
    build(site.path());
    let branches_after = fs::read_to_string(data.join("branches.csv")).unwrap();
    let json_after: serde_json::Value = serde_json::from_slice(&fs::read(data.join("site.json")).unwrap()).unwrap();

    // branches.csv: only the two edited branch-years differ, and only in what follows from the edit.
    let rows = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    let (b, a) = (rows(&branches_before), rows(&branches_after));
    assert_eq!(b.len(), a.len());
    let changed: Vec<(&String, &String)> = b.iter().zip(&a).filter(|(x, y)| x != y).collect();
    assert_eq!(changed.len(), 2, "{changed:#?}");
    assert_eq!(
        changed[0],
        (
            &"2023,thanh-pho,e,Chi bộ Sở Tài chính,,co-quan,,co-so,60,HTTNV,99,110,90.0,true,true".to_string(),
            &"2023,thanh-pho,e,Chi bộ Sở Tài chính,,co-quan,,co-so,60,HTTNV,100,110,90.9,true,true".to_string()
        )
    );
    assert_eq!(
        changed[1],
        (
            &"2023,dong-hung,b,Chi bộ thôn Bình,Đảng bộ xã Đông Xá,khu-dan-cu,thon,truc-thuoc,25,HTNV,95,95,100.0,false,false".to_string(),
            &"2023,dong-hung,b,Chi bộ thôn Bình,Đảng bộ xã Đông Xá,khu-dan-cu,thon,truc-thuoc,25,HTTNV,95,95,100.0,true,false".to_string()
        )
    );
    // site.json: the branch entries differ exactly there.
    let find = |j: &serde_json::Value, d: &str, b: &str| {
        j["branches"].as_array().unwrap().iter().find(|x| x["district"] == d && x["branch"] == b).unwrap().clone()
    };
    for (d, br) in [("thanh-pho", "d"), ("dong-hung", "a"), ("dong-hung", "c")] {
        assert_eq!(find(&json_before, d, br), find(&json_after, d, br), "{d}/{br}");
    }
    let e_after = find(&json_after, "thanh-pho", "e");
    assert_eq!(e_after["years"][1]["score"], "100");
    assert_eq!(find(&json_before, "thanh-pho", "e")["years"][0], e_after["years"][0]);
    let b_after = find(&json_after, "dong-hung", "b");
    assert_eq!(b_after["years"][1]["rating"], "HTTNV");
    assert_eq!(b_after["years"][1]["model"], true);

    // And the new export re-imports as no change.
    let out = import(site.path(), &[data.join("scores-2023.csv").to_str().unwrap(), "--year", "2023"]);
    assert!(text(&out).1.contains("0 files changed"), "{}", text(&out).1);
}

#[test]
fn every_build_writes_a_workbook_per_year() {
    use calamine::{Data, Reader};
    let site = site_with(None);
    build(site.path());
    let path = site.path().join("output/data/bao-cao-2023.xlsx");
    let bytes = fs::read(&path).unwrap();
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Toàn tỉnh", "Đơn vị cấp huyện", "Loại hình", "Chỉ tiêu"]);

    let districts = book.worksheet_range("Đơn vị cấp huyện").unwrap();
    let rows: Vec<Vec<Data>> = districts.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows[0][0], Data::String("Đơn vị cấp huyện – năm 2023".into()));
    assert_eq!(rows[1][0], Data::String("Đơn vị cấp huyện".into()));
    assert_eq!(rows[1][1], Data::String("Số chi bộ".into()));
    // Thành phố first (order = 1): 2 branches, 2 HTTNV, 100% good, 1 model = 50%.
    assert_eq!(rows[2][0], Data::String("Thành phố Thái Bình".into()));
    assert_eq!(rows[2][1], Data::Float(2.0));
    let good_pct = 1 + 1 + 4 + 1; // name, branches, four ratings, good
    assert_eq!(rows[2][good_pct], Data::Float(1.0));
    assert_eq!(rows[2][good_pct + 2], Data::Float(0.5));
    // The last row is the province: 4 branches, 75% good.
    let last = rows.last().unwrap();
    assert_eq!(last[0], Data::String("Toàn tỉnh".into()));
    assert_eq!(last[1], Data::Float(4.0));
    assert_eq!(last[good_pct], Data::Float(0.75));

    let targets = book.worksheet_range("Chỉ tiêu").unwrap();
    let rows: Vec<Vec<Data>> = targets.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows[2][0], Data::String("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên".into()));
    assert_eq!(rows[2][2], Data::String("≥ 90%".into()));
    assert!(site.path().join("output/data/bao-cao-2022.xlsx").is_file());

    // The branches are in their district's workbook, a sheet per year.
    let mut found = 0;
    for entry in fs::read_dir(site.path().join("output/data/districts")).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let Ok(branches) = book.worksheet_range("Chi bộ 2023") else { continue };
        let rows: Vec<Vec<Data>> = branches.rows().map(<[Data]>::to_vec).collect();
        found += rows.len() - 2;
        assert_eq!(rows[1][14], Data::String("1.1".into()));
        if let Some(e) = rows.iter().find(|r| r[1] == Data::String("Chi bộ Sở Tài chính".into())) {
            assert_eq!(e[8], Data::Float(99.0));
            assert_eq!(e[10], Data::Float(0.9));
            assert_eq!(e[14..], [Data::Float(45.0), Data::Empty, Data::Float(45.0), Data::Float(9.0)]);
        }
    }
    assert_eq!(found, 4, "four branches assessed in 2023");
}
