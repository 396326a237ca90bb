//! `kieumau forms`: the collection workbooks, read back as a clerk's spreadsheet would (openpyxl
//! for locks, shading and validation; LibreOffice to open and save one), filled in and imported.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, open_workbook_auto};
use common::{kieumau, site_with};

fn rows(path: &Path) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(path).unwrap();
    let first = book.sheet_names()[0].clone();
    book.worksheet_range(&first).unwrap().rows().map(<[Data]>::to_vec).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => format!("{other}"),
    }
}

/// The fixture site running on into 2024, a year with a framework (2023's) and no assessments yet.
fn site_2024() -> tempfile::TempDir {
    let site = site_with(None);
    common::edit(&site.path().join("content/site.toml"), "target_year = 2023", "target_year = 2023\nlast_year = 2024");
    site
}

fn forms(root: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    kieumau().arg("forms").arg("--root").arg(root).args(args).assert()
}

/// A program the check needs; under CI=true its absence is a failure, not a skip.
fn tool(name: &str, probe: &[&str]) -> bool {
    let ok = Command::new(name).args(probe).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{name} is needed by tests/forms.rs in CI");
        eprintln!("skipped: no {name}");
    }
    ok
}

#[test]
fn one_workbook_per_district_in_the_import_format_with_the_year_s_values() {
    let site = site_with(None);
    forms(site.path(), &["--year", "2023"]).success();
    let dir = site.path().join("forms");
    let mut names: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["dong-hung-2023.xlsx", "thanh-pho-2023.xlsx"]);

    let rows = rows(&dir.join("dong-hung-2023.xlsx"));
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(
        header,
        ["district", "branch", "name", "parent", "type", "rating", "vetoes", "1.1", "2.1", "2.2", "2.3"]
    );
    // Criterion ids are text cells, never numbers a spreadsheet could reformat.
    assert!(rows[0][7..].iter().all(|c| matches!(c, Data::String(_))), "{:?}", &rows[0][7..]);
    let b = rows.iter().find(|r| text(&r[1]) == "b").expect("branch b has a row");
    assert_eq!(text(&b[0]), "dong-hung");
    assert_eq!(text(&b[2]), "Chi bộ thôn Bình");
    assert_eq!(text(&b[3]), "Đảng bộ xã Đông Xá");
    assert_eq!(text(&b[4]), "Khu dân cư – Thôn");
    assert_eq!(text(&b[5]), "HTNV");
    assert_eq!(b[7], Data::Float(50.0));
    assert_eq!(b[8], Data::Float(45.0));
    assert!(b[9..].iter().all(|c| *c == Data::Empty), "co-quan criteria are empty for a khu-dan-cu branch: {b:?}");
    // Every branch of the district has its row, assessed or not.
    let branches = rows.len() - 1;
    let files = fs::read_dir(site.path().join("content/districts/dong-hung"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml"))
        .count()
        - 1;
    assert_eq!(branches, files);

    // Returned as they are, the workbooks import without changing anything.
    let out = kieumau()
        .args(["import", "--year", "2023", "--root"])
        .arg(site.path())
        .arg(dir.join("dong-hung-2023.xlsx"))
        .arg(dir.join("thanh-pho-2023.xlsx"))
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("0 files changed"), "{said}");
}

#[test]
fn locks_shading_and_validation_as_a_spreadsheet_reads_them() {
    if !tool("python3", &["-c", "import openpyxl"]) {
        return;
    }
    let site = site_2024();
    forms(site.path(), &["--year", "2024", "--district", "dong-hung"]).success();
    let book = site.path().join("forms/dong-hung-2024.xlsx");
    let script = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
out = {"sheets": wb.sheetnames, "protected": ws.protection.sheet, "cells": {}, "validations": []}
for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
    for c in row:
        out["cells"][c.coordinate] = {"locked": c.protection.locked, "fill": c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None, "value": c.value}
for dv in ws.data_validations.dataValidation:
    out["validations"].append({"type": dv.type, "op": dv.operator, "f1": dv.formula1, "f2": dv.formula2, "range": str(dv.sqref)})
print(json.dumps(out))
"#;
    let out = Command::new("python3").arg("-c").arg(script).arg(&book).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sheets"], serde_json::json!(["Điểm 2024", "Hướng dẫn"]));
    assert_eq!(v["protected"], true, "the sheet is protected");
    let cell = |c: &str| &v["cells"][c];
    // Row 2 is branch a (khu-dan-cu): name locked, rating and 1.1/2.1 open, 2.2/2.3 shaded and locked.
    assert_eq!(cell("B2")["value"], "a");
    assert_eq!(cell("C2")["locked"], true);
    assert_eq!(cell("F2")["locked"], false);
    assert_eq!(cell("H2")["locked"], false);
    assert_eq!(cell("I2")["locked"], false);
    assert_eq!(cell("J2")["locked"], true);
    assert_eq!(cell("K2")["locked"], true);
    assert_ne!(cell("J2")["fill"], cell("H2")["fill"], "a criterion that does not apply is shaded");
    // 2024 has no assessments yet: nothing is filled in.
    assert!(cell("F2")["value"].is_null() && cell("H2")["value"].is_null());

    let validations = v["validations"].as_array().unwrap();
    let list = validations.iter().find(|d| d["type"] == "list").expect("a rating drop-down");
    assert_eq!(list["f1"], "\"HTXSNV,HTTNV,HTNV,KHTNV\"");
    assert!(list["range"].as_str().unwrap().starts_with("F2"), "{list}");
    let decimal = |range: &str| {
        validations.iter().find(|d| d["type"] == "decimal" && d["range"].as_str().unwrap().starts_with(range))
    };
    let first = decimal("H2").expect("criterion 1.1 is validated");
    // "between" is the default operator, which the file may leave unsaid.
    assert!(matches!(first["op"].as_str(), None | Some("between")), "{first}");
    assert_eq!((first["f1"].as_str(), first["f2"].as_str()), (Some("0"), Some("50")));
    assert_eq!(decimal("K2").expect("criterion 2.3")["f2"], "10");
}

/// A workbook written as a clerk returns it: the form's cells, with the year's values typed in.
fn fill(form: &Path, to: &Path, values: &[(&str, &[(usize, Data)])]) {
    let rows = rows(form);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        let filled = values.iter().find(|(slug, _)| r > 0 && text(&row[1]) == *slug).map(|(_, v)| *v);
        for (c, cell) in row.iter().enumerate() {
            let cell = filled.and_then(|v| v.iter().find(|(col, _)| *col == c)).map_or(cell, |(_, d)| d);
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::String(s) => ws.write_string(r, c, s).map(|_| ()),
                Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
                _ => Ok(()),
            }
            .unwrap();
        }
    }
    book.save(to).unwrap();
}

#[test]
fn a_filled_form_imports_exactly_the_values_entered() {
    let site = site_2024();
    forms(site.path(), &["--year", "2024"]).success();
    let form = site.path().join("forms/dong-hung-2024.xlsx");
    let filled = site.path().join("filled.xlsx");
    let a: &[(usize, Data)] = &[(5, Data::String("httnv".into())), (7, Data::Float(47.25)), (8, Data::Float(44.5))];
    fill(&form, &filled, &[("a", a)]);
    kieumau().args(["import", "--year", "2024", "--root"]).arg(site.path()).arg(&filled).assert().success();
    let toml = fs::read_to_string(site.path().join("content/districts/dong-hung/a.toml")).unwrap();
    let doc: toml::Table = toml.parse().unwrap();
    let last = doc["assessments"].as_array().unwrap().iter().find(|a| a["year"].as_integer() == Some(2024)).unwrap();
    assert_eq!(last["rating"].as_str(), Some("HTTNV"));
    assert_eq!(last["scores"]["1.1"].as_float(), Some(47.25));
    assert_eq!(last["scores"]["2.1"].as_float(), Some(44.5));
    // The branches left empty were not assessed; the next forms hold the entered values.
    let b = fs::read_to_string(site.path().join("content/districts/dong-hung/b.toml")).unwrap();
    assert!(!b.contains("year = 2024"), "{b}");
    forms(site.path(), &["--year", "2024", "--force"]).success();
    let again = rows(&form);
    let row = again.iter().find(|r| text(&r[1]) == "a").unwrap();
    assert_eq!((text(&row[5]), &row[7], &row[8]), ("HTTNV".to_string(), &Data::Float(47.25), &Data::Float(44.5)));
}

#[test]
fn a_score_above_the_maximum_stops_every_file_and_names_the_place() {
    let site = site_2024();
    forms(site.path(), &["--year", "2024"]).success();
    let dir = site.path().join("forms");
    let ok: &[(usize, Data)] = &[(5, Data::String("HTTNV".into())), (7, Data::Float(40.0)), (8, Data::Float(40.0))];
    let bad: &[(usize, Data)] = &[(5, Data::String("HTTNV".into())), (7, Data::Float(51.0)), (8, Data::Float(40.0))];
    fill(&dir.join("dong-hung-2024.xlsx"), &dir.join("dong-hung-2024.xlsx"), &[("a", ok)]);
    let thanh_pho = dir.join("thanh-pho-2024.xlsx");
    let first = text(&rows(&thanh_pho)[1][1]);
    fill(&thanh_pho, &thanh_pho, &[(first.as_str(), bad)]);
    let before = common::snapshot_tree(&site.path().join("content"));
    let out = kieumau()
        .args(["import", "--year", "2024", "--root"])
        .arg(site.path())
        .arg(dir.join("dong-hung-2024.xlsx"))
        .arg(&thanh_pho)
        .assert()
        .code(1);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("thanh-pho-2024.xlsx") && said.contains("row 2") && said.contains("\"1.1\""), "{said}");
    assert!(said.contains(&format!("thanh-pho/{first}")), "the row's district and branch: {said}");
    assert_eq!(common::snapshot_tree(&site.path().join("content")), before, "nothing was written");
}

#[test]
fn a_returned_workbook_is_not_overwritten_without_force() {
    let site = site_2024();
    forms(site.path(), &["--year", "2024"]).success();
    let dir = site.path().join("forms");
    let before = common::snapshot_tree(&dir);
    // Made again: the same bytes, nothing to write.
    let out = forms(site.path(), &["--year", "2024"]).success();
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("0 written, 2 unchanged"));
    assert_eq!(common::snapshot_tree(&dir), before, "the same content makes byte-identical workbooks");
    // One came back filled in: refused, naming it, nothing changed.
    let filled = dir.join("thanh-pho-2024.xlsx");
    fs::write(&filled, b"filled in by the district").unwrap();
    let out = forms(site.path(), &["--year", "2024"]).code(2);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("thanh-pho-2024.xlsx") && said.contains("--force"), "{said}");
    assert_eq!(fs::read(&filled).unwrap(), b"filled in by the district");
    forms(site.path(), &["--year", "2024", "--force"]).success();
    assert_eq!(common::snapshot_tree(&dir), before);
}

#[test]
fn wrong_arguments_and_broken_content_write_nothing() {
    let site = site_with(None);
    let out = forms(site.path(), &["--year", "2021"]).code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("2022-2023"));
    let out = forms(site.path(), &["--year", "2023", "--district", "nowhere"]).code(2);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("\"nowhere\"") && said.contains("dong-hung") && said.contains("thanh-pho"), "{said}");
    // By name, in any case.
    let out = site.path().join("elsewhere");
    forms(site.path(), &["--year", "2023", "--district", "THÀNH PHỐ THÁI BÌNH", "--out", out.to_str().unwrap()])
        .success();
    assert!(out.join("thanh-pho-2023.xlsx").is_file());
    common::edit(&site.path().join("content/districts/dong-hung/a.toml"), "members = 40", "members = \"forty\"");
    forms(site.path(), &["--year", "2023"]).code(1);
    assert!(!site.path().join("forms").exists(), "a failed command creates nothing");
}

#[test]
fn libreoffice_opens_saves_and_the_saved_workbook_imports_unchanged() {
    if !tool("soffice", &["--version"]) {
        return;
    }
    let site = site_with(None);
    forms(site.path(), &["--year", "2023", "--district", "dong-hung"]).success();
    let saved = site.path().join("saved");
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&saved)
        .arg(site.path().join("forms/dong-hung-2023.xlsx"))
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let book: PathBuf = saved.join("dong-hung-2023.xlsx");
    let header: Vec<String> = rows(&book)[0].iter().map(text).collect();
    assert_eq!(&header[7..], ["1.1", "2.1", "2.2", "2.3"]);
    let out = kieumau().args(["import", "--year", "2023", "--root"]).arg(site.path()).arg(&book).assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(said.contains("0 files changed"), "{said}");
}

#[test]
fn a_workbook_of_one_year_is_not_imported_as_another() {
    let site = site_2024();
    forms(site.path(), &["--year", "2023"]).success();
    let before = common::snapshot_tree(&site.path().join("content"));
    let book = site.path().join("forms/dong-hung-2023.xlsx");
    let out = kieumau().args(["import", "--year", "2024", "--root"]).arg(site.path()).arg(&book).assert().code(1);
    let said = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        said.contains("dong-hung-2023.xlsx") && said.contains("is for 2023") && said.contains("--year 2023"),
        "{said}"
    );
    assert_eq!(common::snapshot_tree(&site.path().join("content")), before);
}
