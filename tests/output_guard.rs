//! `build --output` never destroys the site or anybody else's files (issue 13.1): the site's
//! folder, content/, snapshots/ and themes/ (or a folder holding them) are refused always; a
//! non-empty folder kieumau did not write is refused without --force. A refused build changes
//! nothing on disk.

mod common;

use std::fs;
use std::path::Path;

use common::{kieumau, site_with, snapshot_tree};

/// A site with a snapshot and a theme folder, so that every kept folder exists.
fn full_site() -> tempfile::TempDir {
    let site = site_with(None);
    kieumau().args(["snapshot", "--label", "Sơ kết"]).arg("--root").arg(site.path()).assert().success();
    fs::create_dir_all(site.path().join("themes/mine/static")).unwrap();
    fs::write(site.path().join("themes/mine/static/extra.css"), "body{}").unwrap();
    fs::write(site.path().join("README.md"), "# my site\n").unwrap();
    site
}

/// The entries kieumau makes beside an output (`.<name>.lock`, `.<name>.new-<pid>`, …).
fn made_beside(output: &Path) -> Vec<String> {
    let output = fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    let (Some(name), Some(parent)) = (output.file_name(), output.parent()) else { return Vec::new() };
    let name = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(parent) else { return Vec::new() };
    entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with(&name)).collect()
}

fn refused(site: &Path, output: &Path, code: &str, force: bool) {
    let before = snapshot_tree(site);
    let beside = made_beside(output);
    let mut cmd = kieumau();
    cmd.arg("build").arg("--root").arg(site).arg("--output").arg(output);
    if force {
        cmd.arg("--force");
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}: {stderr}", output.display());
    assert!(stderr.contains(code), "{}: {stderr}", output.display());
    assert!(stderr.contains("hint:"), "{stderr}");
    assert_eq!(snapshot_tree(site), before, "refusing {} changed the site", output.display());
    assert_eq!(made_beside(output), beside, "refusing {} left files beside it", output.display());
}

#[test]
fn the_site_and_its_kept_folders_are_refused_even_with_force() {
    let site = full_site();
    let s = site.path();
    for force in [false, true] {
        refused(s, s, "KM0901", force);
        refused(s, &s.join("content/.."), "KM0901", force);
        refused(s, s.parent().unwrap(), "KM0901", force);
        refused(s, &s.join("content"), "KM0902", force);
        refused(s, &s.join("content/districts/new"), "KM0902", force);
        refused(s, &s.join("snapshots"), "KM0902", force);
        refused(s, &s.join("themes"), "KM0902", force);
        refused(s, &s.join("themes/mine"), "KM0902", force);
        refused(s, &s.join("output/../snapshots/x"), "KM0902", force);
    }
    assert!(!s.join("output").exists(), "nothing was built");
}

#[cfg(unix)]
#[test]
fn a_link_to_the_content_is_refused() {
    let site = full_site();
    let s = site.path();
    let links = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(s.join("content"), links.path().join("out")).unwrap();
    refused(s, &links.path().join("out"), "KM0902", true);
    std::os::unix::fs::symlink(s, links.path().join("site")).unwrap();
    refused(s, &links.path().join("site/content/../output/.."), "KM0901", true);
}

#[test]
fn a_folder_of_other_files_needs_force() {
    let site = site_with(None);
    let elsewhere = tempfile::tempdir().unwrap();
    let docs = elsewhere.path().join("Documents");
    fs::create_dir_all(docs.join("work")).unwrap();
    fs::write(docs.join("letter.docx"), "mine").unwrap();
    refused(site.path(), &docs, "KM0903", false);
    assert_eq!(fs::read(docs.join("letter.docx")).unwrap(), b"mine");
    kieumau().arg("build").arg("--root").arg(site.path()).arg("--output").arg(&docs).arg("--force").assert().success();
    assert!(docs.join("index.html").is_file() && docs.join(".kieumau-output").is_file());
    assert!(!docs.join("letter.docx").exists(), "--force replaces the folder whole");
    // Now it is kieumau's: a rebuild needs no --force.
    kieumau().arg("build").arg("--root").arg(site.path()).arg("--output").arg(&docs).assert().success();
}

#[test]
fn an_empty_or_new_folder_is_fine_and_rebuilds_need_no_force() {
    let site = site_with(None);
    let elsewhere = tempfile::tempdir().unwrap();
    let empty = elsewhere.path().join("empty");
    fs::create_dir(&empty).unwrap();
    for out in [empty, elsewhere.path().join("new/deeper")] {
        for _ in 0..2 {
            kieumau().arg("build").arg("--root").arg(site.path()).arg("--output").arg(&out).assert().success();
        }
    }
    for _ in 0..2 {
        kieumau().arg("build").arg("--root").arg(site.path()).assert().success();
    }
}

#[test]
fn a_file_put_into_the_output_is_not_deleted_without_force() {
    let site = site_with(None);
    let out = site.path().join("output");
    kieumau().arg("build").arg("--root").arg(site.path()).assert().success();
    fs::write(out.join("minutes.docx"), "typed by hand").unwrap();
    refused(site.path(), &out, "KM0903", false);
    assert_eq!(fs::read(out.join("minutes.docx")).unwrap(), b"typed by hand");
    // Also when the state beside the output is lost.
    fs::remove_file(site.path().join(".output.state")).unwrap();
    refused(site.path(), &out, "KM0903", false);
    fs::remove_file(out.join("minutes.docx")).unwrap();
    kieumau().arg("build").arg("--root").arg(site.path()).assert().success();
}

#[test]
fn an_output_of_an_older_kieumau_without_the_mark_is_replaced() {
    let site = site_with(None);
    let out = site.path().join("output");
    kieumau().arg("build").arg("--root").arg(site.path()).assert().success();
    fs::remove_file(out.join(".kieumau-output")).unwrap();
    fs::remove_file(site.path().join(".output.state")).unwrap();
    kieumau().arg("build").arg("--root").arg(site.path()).assert().success();
    assert!(out.join(".kieumau-output").is_file());
}

#[test]
fn an_output_that_is_a_file_leaves_nothing_beside_it() {
    let site = site_with(None);
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("report.html");
    fs::write(&file, "<p>mine</p>").unwrap();
    refused(site.path(), &file, "KM0904", true);
    let beside: Vec<_> = fs::read_dir(elsewhere.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["report.html"], "no staging folder, lock or cache beside it");
    assert_eq!(fs::read(&file).unwrap(), b"<p>mine</p>");
}

#[test]
fn every_top_level_entry_of_a_build_is_known_to_the_guard() {
    // A folder whose state is lost is judged by the names a build makes at its top: a new one
    // must be added to `guard::LEGACY`, or such outputs would need --force.
    let site = site_with(None);
    kieumau().arg("build").arg("--root").arg(site.path()).assert().success();
    fs::remove_file(site.path().join(".output.state")).unwrap();
    kieumau().arg("build").arg("--root").arg(site.path()).assert().success();
}

#[test]
fn the_codes_are_explained_in_both_languages() {
    for code in ["KM0901", "KM0902", "KM0903", "KM0904"] {
        for lang in ["vi", "en"] {
            kieumau().args(["explain", code]).env("KIEUMAU_LANG", lang).assert().success();
        }
    }
    let site = site_with(None);
    let out = kieumau()
        .arg("build")
        .arg("--root")
        .arg(site.path())
        .arg("--output")
        .arg(site.path().join("content"))
        .env("KIEUMAU_LANG", "vi")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nằm trong thư mục content/") && stderr.contains("gợi ý:"), "{stderr}");
}
