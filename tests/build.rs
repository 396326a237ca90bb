//! `kieumau build` on the valid fixture: the data files agree with hand counts, builds are
//! deterministic, and a failed build leaves the previous output byte-identical.

mod common;

use std::fs;

use common::{fixtures, kieumau, site_with, snapshot_tree};
use serde_json::Value;

fn build(site: &std::path::Path) -> std::process::Output {
    kieumau().args(["build", "--root"]).arg(site).output().unwrap()
}

fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{} starts with a BOM", path.display());
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    csv::Reader::from_reader(text.as_bytes()).records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

fn header(path: &std::path::Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    text.trim_start_matches('\u{feff}').lines().next().unwrap().to_string()
}

#[test]
fn data_files_agree_with_hand_counts() {
    let site = site_with(None);
    let out = build(site.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let data = site.path().join("output/data");

    assert_eq!(
        header(&data.join("province.csv")),
        "year,branches,HTXSNV,HTTNV,HTNV,KHTNV,good_or_better,good_or_better_pct,model,model_pct,pilots"
    );
    // Counted by hand from tests/fixtures/valid (see the comments in its branch files).
    assert_eq!(
        read_csv(&data.join("province.csv")),
        vec![
            vec!["2022", "5", "1", "3", "0", "1", "4", "80.0", "2", "40.0", "2"],
            vec!["2023", "4", "1", "2", "1", "0", "3", "75.0", "2", "50.0", "3"],
        ]
    );
    assert_eq!(
        header(&data.join("districts.csv")).split(',').take(3).collect::<Vec<_>>(),
        ["year", "district", "branches"]
    );
    assert_eq!(
        read_csv(&data.join("districts.csv")),
        vec![
            vec!["2022", "thanh-pho", "2", "0", "1", "0", "1", "1", "50.0", "1", "50.0", "1"],
            vec!["2022", "dong-hung", "3", "1", "2", "0", "0", "3", "100.0", "1", "33.3", "1"],
            vec!["2023", "thanh-pho", "2", "0", "2", "0", "0", "2", "100.0", "1", "50.0", "2"],
            vec!["2023", "dong-hung", "2", "1", "0", "1", "0", "1", "50.0", "1", "50.0", "1"],
        ]
    );
    assert_eq!(
        read_csv(&data.join("types.csv")),
        vec![
            vec!["2022", "khu-dan-cu", "3", "0", "2", "0", "1", "2", "66.7", "1", "33.3", "1"],
            vec!["2022", "co-quan", "2", "1", "1", "0", "0", "2", "100.0", "1", "50.0", "1"],
            vec!["2023", "khu-dan-cu", "3", "1", "1", "1", "0", "2", "66.7", "1", "33.3", "2"],
            vec!["2023", "co-quan", "1", "0", "1", "0", "0", "1", "100.0", "1", "100.0", "1"],
        ]
    );
    assert_eq!(
        header(&data.join("branches.csv")),
        "year,district,branch,name,parent,type,subtype,level,members,rating,score,max_score,score_pct,model,pilot"
    );
    let branches = read_csv(&data.join("branches.csv"));
    let row = |year: &str, slug: &str| branches.iter().find(|r| r[0] == year && r[2] == slug).unwrap().clone();
    // 85.5 / 95 is exactly 90%: model.
    assert_eq!(row("2022", "a")[10..], ["85.5", "95", "90.0", "true", "true"]);
    // 85.25 / 95 = 89.74%: not model.
    assert_eq!(row("2022", "b")[10..], ["85.25", "95", "89.7", "false", "false"]);
    // Full marks but a veto.
    assert_eq!(row("2022", "c")[13], "false");
    // Pilot from 2023 only; below a criterion minimum.
    assert_eq!(row("2022", "d")[14], "false");
    assert_eq!(row("2023", "d")[13..], ["false", "true"]);
    // 99 / 110 under the 2023 framework.
    assert_eq!(row("2023", "e")[10..14], ["99", "110", "90.0", "true"]);
    assert_eq!(branches.len(), 9, "c has no 2023 assessment and does not count then");

    let scores = read_csv(&data.join("scores-2023.csv"));
    assert_eq!(header(&data.join("scores-2023.csv")), "district,branch,name,parent,rating,vetoes,1.1,2.1,2.2,2.3");
    assert!(scores.contains(
        &["thanh-pho", "e", "Chi bộ Sở Tài chính", "", "HTTNV", "", "45", "", "45", "9"].map(String::from).to_vec()
    ));
    let scores22 = read_csv(&data.join("scores-2022.csv"));
    assert!(scores22.iter().any(|r| r[1] == "c" && r[5] == "ky-luat"));

    let json: Value = serde_json::from_slice(&fs::read(data.join("site.json")).unwrap()).unwrap();
    let targets = json["targets"].as_array().unwrap();
    // Good-or-better per district, at least 90: Đông Hưng has 50% in 2023.
    assert_eq!(targets[0]["years"]["2023"]["met"], false);
    assert_eq!(targets[0]["years"]["2023"]["districts_met"], 1);
    assert_eq!(targets[0]["years"]["2022"]["districts"]["dong-hung"]["met"], true);
    // Model more than 20% in the province: 50%.
    assert_eq!(targets[1]["years"]["2023"]["value"], 50.0);
    assert_eq!(targets[1]["years"]["2023"]["met"], true);
    // Model among grassroots-level branches per district: Thành phố 1 of 2 (50%, meets "at least 50").
    assert_eq!(targets[2]["years"]["2023"]["districts"]["thanh-pho"]["value"], 50.0);
    assert_eq!(targets[2]["years"]["2023"]["districts"]["thanh-pho"]["met"], true);
    assert_eq!(json["province"]["2023"]["pilots_model"], 2);
    assert_eq!(json["province"]["2023"]["change"]["model_pct"], 10.0);
}

#[test]
fn sums_over_districts_equal_the_province() {
    let site = site_with(None);
    assert!(build(site.path()).status.success());
    let data = site.path().join("output/data");
    let province = read_csv(&data.join("province.csv"));
    for (file, key_cols) in [("districts.csv", 2), ("types.csv", 2)] {
        let rows = read_csv(&data.join(file));
        for p in &province {
            let year_rows: Vec<_> = rows.iter().filter(|r| r[0] == p[0]).collect();
            for (pc, col) in (1..p.len()).zip(key_cols..) {
                if p[pc].contains('.') {
                    continue; // percentages do not add up
                }
                let sum: u64 = year_rows.iter().map(|r| r[col].parse::<u64>().unwrap()).sum();
                assert_eq!(sum.to_string(), p[pc], "{file} column {col} in {}", p[0]);
            }
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let site = site_with(None);
    assert!(build(site.path()).status.success());
    let first = snapshot_tree(&site.path().join("output"));
    assert!(build(site.path()).status.success());
    assert_eq!(first, snapshot_tree(&site.path().join("output")));
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let site = site_with(None);
    assert!(build(site.path()).status.success());
    let before = snapshot_tree(&site.path().join("output"));
    assert!(!before.is_empty());
    // Break the content: the build must fail and change nothing on disk.
    let a = site.path().join("content/districts/dong-hung/a.toml");
    let text = fs::read_to_string(&a).unwrap().replace("members = 40", "members = \"forty\"");
    fs::write(&a, text).unwrap();
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.toml:5:11"));
    assert_eq!(before, snapshot_tree(&site.path().join("output")));
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && !matches!(n.as_str(), ".output.state" | ".output.cache" | ".output.lock"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder left: {leftovers:?}");
}

#[test]
fn unwritable_output_is_an_io_error() {
    let site = site_with(None);
    let blocker = site.path().join("blocker");
    fs::write(&blocker, "a file where a folder should be").unwrap();
    let out =
        kieumau().args(["build", "--root"]).arg(site.path()).arg("--output").arg(blocker.join("out")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the output"));
}

#[test]
fn output_option_and_summary() {
    let site = site_with(None);
    let target = site.path().join("public");
    let out = kieumau().args(["build", "--root"]).arg(site.path()).arg("--output").arg(&target).output().unwrap();
    assert!(out.status.success());
    assert!(target.join("data/site.json").is_file());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Built"));
    let _ = fixtures();
}

/// The names in the site's folder (the site root) that start with a dot.
fn hidden_beside(site: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn a_template_error_is_a_content_error_naming_the_file_and_line_and_leaves_nothing_beside() {
    let site = site_with(None);
    let theme = site.path().join("themes/mine/templates");
    fs::create_dir_all(&theme).unwrap();
    fs::write(
        theme.join("criteria.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ page.nope.missing }}</p>\n{% endblock %}\n",
    )
    .unwrap();
    let site_toml = site.path().join("content/site.toml");
    let text = fs::read_to_string(&site_toml).unwrap();
    fs::write(&site_toml, format!("theme = \"mine\"\n{text}")).unwrap();

    let out = build(site.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("themes/mine/templates/criteria.html:3:"), "{stderr}");
    assert!(stderr.contains("page.nope.missing"), "{stderr}");
    assert!(!site.path().join("output").exists());
    assert_eq!(hidden_beside(site.path()), Vec::<String>::new(), "nothing new beside the site");
}

#[test]
fn a_failed_check_leaves_nothing_beside_the_site() {
    let site = site_with(None);
    let branch = site.path().join("content/districts/dong-hung/a.toml");
    let text = fs::read_to_string(&branch).unwrap();
    fs::write(&branch, format!("{text}\nnot_a_key = 1\n")).unwrap();
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(hidden_beside(site.path()), Vec::<String>::new());
}

/// Golden copies of every CSV download of the valid fixture: a changed rule shows here, in one
/// reviewable diff, every row it changes. Update with `INSTA_UPDATE=always cargo test`.
#[test]
fn csv_downloads_golden() {
    let site = site_with(None);
    let out = build(site.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let data = site.path().join("output/data");
    let mut names: Vec<String> = fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let text = fs::read_to_string(data.join(&name)).unwrap();
        insta::assert_snapshot!(name.clone(), text.trim_start_matches('\u{feff}').replace("\r\n", "\n"));
    }
}
