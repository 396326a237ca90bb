//! Branches that share a name are told apart by their parent organisation wherever branches are
//! listed, and names sort in Vietnamese collation with numbers in numeric order (SPEC section 4).

mod common;

use std::fs;
use std::path::PathBuf;

use common::{fixtures, kieumau, site_with};

fn built() -> (tempfile::TempDir, PathBuf) {
    let site = site_with(Some(&fixtures().join("overlays/namesakes")));
    let out = kieumau().args(["build", "--root"]).arg(site.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let output = site.path().join("output");
    (site, output)
}

/// Where each needle first occurs in `hay`, asserting each is there.
fn positions(hay: &str, needles: &[&str]) -> Vec<usize> {
    needles.iter().map(|n| hay.find(n).unwrap_or_else(|| panic!("`{n}` missing"))).collect()
}

fn ascending(v: &[usize]) -> bool {
    v.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn the_district_page_orders_namesakes_by_parent_and_numbers_numerically() {
    let (_site, out) = built();
    let html = fs::read_to_string(out.join("districts/thanh-pho/index.html")).unwrap();
    // "số 1" under Đề Thám (slug tdp-1-b) before "số 1" under Kỳ Bá (tdp-1-a): Đ before K.
    let rows = positions(
        &html,
        &[
            "tdp-1-b/index.html\">Chi bộ Tổ dân phố số 1</a><small class=\"parent\">Đảng bộ phường Đề Thám</small>",
            "tdp-1-a/index.html\">Chi bộ Tổ dân phố số 1</a><small class=\"parent\">Đảng bộ phường Kỳ Bá</small>",
            "tdp-2/index.html\">Chi bộ Tổ dân phố số 2</a>",
            "tdp-10/index.html\">Chi bộ Tổ dân phố số 10</a>",
        ],
    );
    assert!(ascending(&rows), "{rows:?}");
}

#[test]
fn the_csv_downloads_carry_the_parent_after_the_name() {
    let (_site, out) = built();
    let csv = fs::read_to_string(out.join("data/branches.csv")).unwrap();
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.starts_with("year,district,branch,name,parent,type,"), "{header}");
    let rows = positions(
        &csv,
        &[
            "2023,thanh-pho,tdp-1-b,Chi bộ Tổ dân phố số 1,Đảng bộ phường Đề Thám,khu-dan-cu,",
            "2023,thanh-pho,tdp-1-a,Chi bộ Tổ dân phố số 1,Đảng bộ phường Kỳ Bá,khu-dan-cu,",
            "2023,thanh-pho,tdp-2,",
            "2023,thanh-pho,tdp-10,",
        ],
    );
    assert!(ascending(&rows), "{rows:?}");

    let scores = fs::read_to_string(out.join("data/scores-2023.csv")).unwrap();
    let header = scores.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.starts_with("district,branch,name,parent,rating,vetoes,"), "{header}");
    assert!(scores.contains("thanh-pho,tdp-1-a,Chi bộ Tổ dân phố số 1,Đảng bộ phường Kỳ Bá,HTTNV,"));

    let json = fs::read_to_string(out.join("data/site.json")).unwrap();
    assert!(json.contains("\"parent\": \"Đảng bộ phường Kỳ Bá\""), "site.json names the parent");
}

#[test]
fn search_matches_the_parent_and_shows_it() {
    let (_site, out) = built();
    let index = fs::read_to_string(out.join("static/search-index.js")).unwrap();
    // The folded text holds the parent ("dang bo phuong ky ba" finds the branch), the context
    // shown under the name reads "parent · district".
    assert!(
        index.contains(
            r#"["chi bo to dan pho so 1 dang bo phuong ky ba","Chi bộ Tổ dân phố số 1","Đảng bộ phường Kỳ Bá · Thành phố Thái Bình","districts/thanh-pho/tdp-1-a/index.html"]"#
        ),
        "{index}"
    );
}
