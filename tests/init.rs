//! `kieumau init DIR`: a new site that checks clean and builds at once, with a README in
//! Vietnamese; a non-empty folder is refused and left as it was.

mod common;

use std::fs;

use common::{kieumau, snapshot_tree};

#[test]
fn creates_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("trang-moi");
    let out = kieumau().arg("init").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Created a new site in") && stderr.contains("kieumau build --root"), "{stderr}");

    for f in [
        "README.md",
        "content/site.toml",
        "content/criteria/2024.toml",
        "content/reviews/2025.md",
        "content/districts/thanh-pho-mau/district.toml",
        "content/districts/huyen-mau/district.toml",
        "content/districts/huyen-mau/thon-dong.md",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let readme = fs::read_to_string(dir.join("README.md")).unwrap();
    for phrase in ["kieumau build", "kieumau check", "kieumau import", "Nhập điểm từ bảng tính", "dấu chấm"]
    {
        assert!(readme.contains(phrase), "README mentions {phrase}");
    }
    let branches = walkdir::WalkDir::new(dir.join("content/districts"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "district.toml" && e.path().extension().is_some_and(|x| x == "toml"))
        .count();
    assert_eq!(branches, 5);

    // Clean even under --strict: no error, no warning.
    let check = kieumau().args(["check", "--strict", "--root"]).arg(&dir).output().unwrap();
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{err}");
    assert!(err.contains("0 errors, 0 warnings"), "{err}");

    let build = kieumau().args(["build", "--root"]).arg(&dir).output().unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    for f in ["index.html", "data/scores-2025.csv", "data/bao-cao-2025.xlsx", "booklet/2025/index.html"] {
        assert!(dir.join("output").join(f).is_file(), "output/{f}");
    }
    let page = fs::read_to_string(dir.join("output/districts/huyen-mau/thon-dong/index.html")).unwrap();
    assert!(page.contains("Chi bộ thôn Đông"));

    // The example's export imports back as no change.
    let export = dir.join("output/data/scores-2025.csv");
    let before = snapshot_tree(&dir.join("content"));
    let out = kieumau().arg("import").arg(&export).args(["--year", "2025", "--root"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(snapshot_tree(&dir.join("content")), before);
}

#[test]
fn accepts_an_empty_folder_and_root() {
    let tmp = tempfile::tempdir().unwrap();
    let out = kieumau().args(["init", "--root"]).arg(tmp.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(tmp.path().join("content/site.toml").is_file());
    // DIR is relative to --root.
    let out = kieumau().args(["init", "b"]).arg("--root").arg(tmp.path().join("a")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(tmp.path().join("a/b/content/site.toml").is_file());
}

#[test]
fn refuses_a_non_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "đừng ghi đè").unwrap();
    let before = snapshot_tree(tmp.path());
    let out = kieumau().arg("init").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is not empty") && stderr.contains("new or empty folder"), "{stderr}");
    assert_eq!(snapshot_tree(tmp.path()), before);

    // A file is refused too.
    let file = tmp.path().join("notes.txt");
    let out = kieumau().arg("init").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a file"));
    assert_eq!(snapshot_tree(tmp.path()), before);
}

/// Issue 14.8: the "Next:" command quotes a folder with spaces, and works when run as printed.
#[test]
fn next_command_quotes_a_folder_with_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("Báo cáo 2025");
    let out = common::kieumau().arg("init").arg(&site).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stderr);
    let quoted = format!("--root \"{}\"", site.display());
    assert!(text.contains(&quoted), "{quoted} in\n{text}");
    // What a shell makes of the printed line: the quoted folder is one argument.
    let arg = quoted.trim_start_matches("--root ").trim_matches('"');
    common::kieumau().args(["build", "--root", arg]).assert().success();
}
