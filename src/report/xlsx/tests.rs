use calamine::{Data, Reader};

use super::*;
use crate::content::Checked;

fn fixture() -> Checked {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    crate::check(&root, false, &mut crate::content::diag::Diagnostics::new()).expect("the valid fixture checks")
}

fn labels(lang: &str) -> Labels {
    let theme = crate::report::theme::Theme::load(std::path::Path::new("/nonexistent"), None, lang, None).unwrap();
    Labels::from_strings(&theme.strings).unwrap()
}

fn rows(bytes: Vec<u8>, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    book.worksheet_range(sheet).unwrap().rows().map(<[Data]>::to_vec).collect()
}

fn sheet_names(bytes: &[u8]) -> Vec<String> {
    calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap().sheet_names()
}

#[test]
fn same_content_and_date_give_the_same_bytes() {
    let c = fixture();
    let (day, l) = (jiff::civil::date(2024, 12, 15), labels("vi"));
    let a = year_workbook(&c.content, &c.agg, 2023, day, &l).unwrap();
    assert_eq!(a, year_workbook(&c.content, &c.agg, 2023, day, &l).unwrap());
    assert_ne!(a, year_workbook(&c.content, &c.agg, 2023, jiff::civil::date(2024, 12, 16), &l).unwrap());
    let d = district_workbook(&c.content, &c.agg, 0, day, &l).unwrap();
    assert_eq!(d, district_workbook(&c.content, &c.agg, 0, day, &l).unwrap());
}

#[test]
fn the_year_workbook_speaks_the_site_language() {
    let c = fixture();
    let bytes = year_workbook(&c.content, &c.agg, 2022, jiff::civil::date(2024, 12, 15), &labels("en")).unwrap();
    assert_eq!(sheet_names(&bytes), ["Province", "Districts", "Branch types", "Targets"]);
    let province = rows(bytes, "Province");
    assert_eq!(province[0][0], Data::String("Province – years up to 2022".into()));
    // Only the years up to the workbook's: 2022 alone, 5 branches, 80% good or better.
    assert_eq!(province.len(), 3);
    assert_eq!(province[2][..2], [Data::Float(2022.0), Data::Float(5.0)]);
    assert_eq!(province[2][7], Data::Float(0.8));
    let vi = year_workbook(&c.content, &c.agg, 2022, jiff::civil::date(2024, 12, 15), &labels("vi")).unwrap();
    assert_eq!(sheet_names(&vi)[0], "Toàn tỉnh");
}

#[test]
fn a_district_workbook_has_a_sheet_per_year_with_every_branch_and_its_parent() {
    let c = fixture();
    let di = c.content.districts.iter().position(|d| d.slug == "dong-hung").unwrap();
    let bytes = district_workbook(&c.content, &c.agg, di, jiff::civil::date(2024, 12, 15), &labels("en")).unwrap();
    let names = sheet_names(&bytes);
    let want: Vec<String> = c.agg.years.iter().rev().map(|y| format!("Branches {y}")).collect();
    assert_eq!(names, want);
    let sheet = rows(bytes, "Branches 2022");
    assert_eq!(
        sheet[1][..3],
        [Data::String("District".into()), Data::String("Branch".into()), Data::String("Parent organisation".into())]
    );
    let d = &c.content.districts[di];
    let assessed: Vec<&crate::domain::model::Branch> =
        d.branches.iter().filter(|b| b.assessment(2022).is_some()).collect();
    assert_eq!(sheet.len(), 2 + assessed.len(), "title, header, a row per branch assessed");
    let row = sheet.iter().find(|r| r[1] == Data::String("Chi bộ Ủy ban nhân dân huyện".into())).unwrap();
    let b = assessed.iter().find(|b| b.name == "Chi bộ Ủy ban nhân dân huyện").unwrap();
    assert_eq!(row[2], b.parent.as_deref().map_or(Data::Empty, |p| Data::String(p.into())));
    assert_eq!(row[5], Data::String("Subordinate".into()));
    assert_eq!(row[11], Data::String("No".into()), "vetoed: not a model");
    assert_eq!(row[13], Data::String("ky-luat".into()));
}

#[test]
fn names_that_look_like_formulas_stay_text() {
    let mut c = fixture();
    for (i, name) in ["=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "-2+3", "@SUM(A1)"].iter().enumerate() {
        let branches = &mut c.content.districts[0].branches;
        let n = branches.len();
        branches[i % n].name = name.to_string();
    }
    let bytes = district_workbook(&c.content, &c.agg, 0, jiff::civil::date(2024, 12, 15), &labels("vi")).unwrap();
    let year = *c.agg.years.last().unwrap();
    let sheet = rows(bytes.clone(), &format!("Chi bộ {year}"));
    let names: Vec<&Data> = sheet.iter().skip(2).map(|r| &r[1]).collect();
    assert!(names.iter().all(|n| matches!(n, Data::String(_))), "{names:?}");
    // No formula cell anywhere: every part of the workbook is free of <f> elements.
    let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..zip.len() {
        let mut part = String::new();
        std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut part).unwrap();
        assert!(!part.contains("<f>"), "a formula in part {i}");
    }
}

#[test]
fn a_theme_without_a_workbook_label_is_named() {
    let mut strings =
        crate::report::theme::Theme::load(std::path::Path::new("/nonexistent"), None, "vi", None).unwrap().strings;
    strings.remove("xlsx_parent");
    let err = Labels::from_strings(&strings).err().unwrap();
    assert!(err.contains("xlsx_parent"), "{err}");
}
