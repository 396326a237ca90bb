//! `kieumau import` of a branch register (issue 16.1) and of several score sheets at once (16.3):
//! new branch files with slugs from their Vietnamese names, updates through toml_edit, stable
//! re-imports, nothing deleted, all or nothing across files.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{kieumau, site_with, snapshot_tree};

fn import(site: &Path, args: &[&str]) -> std::process::Output {
    kieumau().arg("import").args(args).arg("--root").arg(site).output().unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn branch(site: &Path, district: &str, slug: &str) -> PathBuf {
    site.join("content/districts").join(district).join(format!("{slug}.toml"))
}

fn check_ok(site: &Path) {
    let check = kieumau().args(["check", "--root"]).arg(site).output().unwrap();
    assert!(check.status.success(), "the imported site does not pass check: {}", stderr(&check));
}

const REGISTER: &str = "district,branch,name,type,subtype,level,parent,members,pilot\n\
dong-hung,a,Chi bộ thôn An,khu-dan-cu,thon,co-so,,41,2022\n\
Huyện Đông Hưng,,Chi bộ thôn Thượng Phúc,Khu dân cư,Thôn,Trực thuộc,Đảng bộ xã Đông Xá,38,\n\
dong-hung,,Chi bộ thôn Bình,khu-dan-cu,thon,truc-thuoc,Đảng bộ xã Đông Hà,20,\n\
thanh-pho,,Chi bộ Sở Tài chính,co-quan,,truc-thuoc,Đảng bộ khối cơ quan,12,\n";

fn xlsx(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            match v.parse::<f64>() {
                Ok(n) if r > 0 => ws.write_number(r as u32, c as u16, n).unwrap(),
                _ => ws.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_csv_register_creates_and_updates_branch_files() {
    let site = site_with(None);
    let sheet = site.path().join("danh-sach.csv");
    fs::write(&sheet, REGISTER).unwrap();
    let a_before = fs::read_to_string(branch(site.path(), "dong-hung", "a")).unwrap();

    // A dry run lists every file and writes nothing.
    let before = snapshot_tree(&site.path().join("content"));
    let out = import(site.path(), &[sheet.to_str().unwrap(), "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    for f in [
        "content/districts/dong-hung/a.toml: members 40 -> 41",
        "content/districts/dong-hung/thon-thuong-phuc.toml: new branch \"Chi bộ thôn Thượng Phúc\"",
        // Another "Chi bộ thôn Bình" (another parent) than b: a new slug, told apart by its parent.
        "content/districts/dong-hung/thon-binh.toml: new branch",
        "content/districts/thanh-pho/so-tai-chinh.toml: new branch",
    ] {
        assert!(listed.contains(f), "the dry run does not list {f}: {listed}");
    }
    assert!(
        stderr(&out).contains("dry run: a register of 4 branches: 3 new files, 1 would change"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot_tree(&site.path().join("content")), before, "a dry run wrote something");

    let out = import(site.path(), &[sheet.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // Nothing is deleted; the branches the sheet does not name are listed.
    assert!(
        err.contains("4 branches of the site are not in the register (nothing is deleted): dong-hung/b, dong-hung/c"),
        "{err}"
    );
    assert!(branch(site.path(), "dong-hung", "b").exists());
    // The update changes one value; comments, order and assessments stay.
    let a = fs::read_to_string(branch(site.path(), "dong-hung", "a")).unwrap();
    assert_eq!(a, a_before.replace("members = 40", "members = 41"));
    let new = fs::read_to_string(branch(site.path(), "dong-hung", "thon-thuong-phuc")).unwrap();
    assert_eq!(
        new,
        "name = \"Chi bộ thôn Thượng Phúc\"\ntype = \"khu-dan-cu\"\nsubtype = \"thon\"\nlevel = \"truc-thuoc\"\nparent = \"Đảng bộ xã Đông Xá\"\nmembers = 38\n"
    );
    check_ok(site.path());

    // The same sheet again: every row matches its branch (by name and parent), nothing changes.
    let after = snapshot_tree(&site.path().join("content"));
    let out = import(site.path(), &[sheet.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 new files, 0 changed, 4 unchanged"), "{}", stderr(&out));
    assert_eq!(snapshot_tree(&site.path().join("content")), after, "a re-import changed files");
}

#[test]
fn an_xlsx_register_becomes_a_site_that_passes_check() {
    let site = site_with(None);
    let rows = vec![
        vec!["district", "branch", "name", "type", "subtype", "level", "parent", "members"],
        vec!["dong-hung", "", "Chi bộ Trường THCS Đông Hợp", "co-quan", "", "truc-thuoc", "Đảng bộ xã Đông Hợp", "15"],
        vec!["dong-hung", "", "Chi bộ Trường THCS Đông Hợp", "co-quan", "", "truc-thuoc", "Đảng bộ xã Đông Xuân", "9"],
        vec!["dong-hung", "b", "Chi bộ thôn Bình", "khu-dan-cu", "thon", "truc-thuoc", "", "26"],
    ];
    let path = site.path().join("danh-sach.xlsx");
    fs::write(&path, xlsx(&rows)).unwrap();
    let b_before = fs::read_to_string(branch(site.path(), "dong-hung", "b")).unwrap();
    let out = import(site.path(), &[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Two branches of one name: the second is told apart by its parent.
    assert!(branch(site.path(), "dong-hung", "truong-thcs-dong-hop").exists());
    assert!(branch(site.path(), "dong-hung", "xa-dong-xuan-truong-thcs-dong-hop").exists(), "{}", stdout(&out));
    // An empty parent removes the key; the rest of the file stays.
    let b = fs::read_to_string(branch(site.path(), "dong-hung", "b")).unwrap();
    assert_eq!(b, b_before.replace("parent = \"Đảng bộ xã Đông Xá\"\n", "").replace("members = 25", "members = 26"));
    check_ok(site.path());
}

#[test]
fn a_bad_register_row_writes_nothing_and_names_the_cell() {
    let site = site_with(None);
    let sheet = site.path().join("danh-sach.csv");
    fs::write(
        &sheet,
        "district,branch,name,type,subtype,level,parent,members\n\
dong-hung,,Chi bộ thôn Mới,khu-dan-cu,thon,co-so,,10\n\
dong-hung,,Chi bộ thôn Lạ,khu-dan-cu,xom,co-so,,ba mươi\n\
dong-hung,zz,Chi bộ Z,co-quan,,co-so,,3\n",
    )
    .unwrap();
    let before = snapshot_tree(&site.path().join("content"));
    let out = import(site.path(), &[sheet.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for m in [
        "danh-sach.csv row 3 (dong-hung/Chi bộ thôn Lạ), column \"subtype\": no subtype `xom`",
        "row 3 (dong-hung/Chi bộ thôn Lạ), column \"members\": member count `ba mươi`",
        "row 4 (dong-hung/zz), column \"branch\": no branch `zz` in district `dong-hung`",
    ] {
        assert!(err.contains(m), "missing {m}: {err}");
    }
    assert_eq!(snapshot_tree(&site.path().join("content")), before, "a bad row let files be written");
}

fn scores(rows: &[&str]) -> String {
    let mut s = String::from("district,branch,name,parent,type,rating,vetoes,1.1,2.1,2.2,2.3\n");
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

#[test]
fn several_score_sheets_are_all_or_nothing() {
    let site = site_with(None);
    let one = site.path().join("dong-hung.csv");
    let two = site.path().join("thanh-pho.xlsx");
    fs::write(&one, scores(&["dong-hung,a,,,,HTTNV,,48,44,,", "dong-hung,b,,,,HTNV,,40,40,,"])).unwrap();
    let header = vec!["district", "branch", "rating", "vetoes", "1.1", "2.1", "2.2", "2.3"];
    // d is khu-dan-cu: 2.2 does not apply.
    let bad = vec![header.clone(), vec!["thanh-pho", "d", "HTTNV", "", "40", "40", "5", ""]];
    fs::write(&two, xlsx(&bad)).unwrap();
    let before = snapshot_tree(&site.path().join("content"));
    let out = import(site.path(), &[one.to_str().unwrap(), two.to_str().unwrap(), "--year", "2023"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("thanh-pho.xlsx row 2 (thanh-pho/d), column \"2.2\": criterion 2.2 does not apply"),
        "the problem names the file, row, column, district and branch: {err}"
    );
    assert_eq!(snapshot_tree(&site.path().join("content")), before, "the good file was written");

    // A branch in two files names both.
    let dup = vec![header.clone(), vec!["dong-hung", "a", "HTTNV", "", "40", "40", "", ""]];
    fs::write(&two, xlsx(&dup)).unwrap();
    let out = import(site.path(), &[one.to_str().unwrap(), two.to_str().unwrap(), "--year", "2023"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("thanh-pho.xlsx row 2: branch `dong-hung/a` is also on row 2 of"), "{err}");
    assert!(err.contains("dong-hung.csv"), "{err}");

    // Fixed, both files are written together.
    let good = vec![header, vec!["thanh-pho", "d", "HTTNV", "", "40", "40", "", ""]];
    fs::write(&two, xlsx(&good)).unwrap();
    let out = import(site.path(), &[one.to_str().unwrap(), two.to_str().unwrap(), "--year", "2023"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(branch(site.path(), "thanh-pho", "d")).unwrap().contains("\"1.1\" = 40, \"2.1\" = 40"));
    assert!(fs::read_to_string(branch(site.path(), "dong-hung", "a")).unwrap().contains("\"1.1\" = 48"));
    check_ok(site.path());

    // Score sheets need the year; a register and score sheets do not mix.
    let out = import(site.path(), &[one.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--year"), "{}", stderr(&out));
}

/// A UTF-8 CSV that a spreadsheet opened as Windows-1252 and saved: its Vietnamese is refused,
/// each cell with what it was meant to say, before anything is written.
#[test]
fn vietnamese_read_in_the_wrong_encoding_is_refused_with_its_meaning() {
    let site = site_with(None);
    let before = snapshot_tree(&site.path().join("content"));
    let rows = vec![
        vec!["district", "branch", "name", "type", "subtype", "level", "parent", "members"],
        vec!["dong-hung", "", "Chi bá»™ thÃ´n Nam", "khu-dan-cu", "thon", "truc-thuoc", "", "31"],
    ];
    let path = site.path().join("danh-sach.xlsx");
    fs::write(&path, xlsx(&rows)).unwrap();
    let out = import(site.path(), &[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("row 2, column C") && said.contains("\"Chi bộ thôn Nam\""), "{said}");
    assert!(said.contains("UTF-8"), "the hint says how to open it: {said}");
    assert_eq!(snapshot_tree(&site.path().join("content")), before);
}
