//! Snapshots: created complete with a banner, never modified or overwritten, reused for the same
//! content, copied unchanged into every build, unlisted ones kept off the list.

mod common;

use std::fs;
use std::path::Path;

use common::{kieumau, site_with, snapshot_tree};

fn snapshot(root: &Path, args: &[&str]) -> String {
    let out = kieumau().arg("snapshot").args(args).arg("--root").arg(root).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ids(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(root.join("snapshots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn snapshot_is_complete_immutable_and_reused() {
    let site = site_with(None);
    let root = site.path();
    let said = snapshot(root, &["--label", "Sơ kết năm 2023"]);
    assert!(said.contains("Snapshot created"), "{said}");
    let first = ids(root);
    assert_eq!(first.len(), 1);
    let id = &first[0];
    // <date>-<8 hex of the content hash>, the date from SOURCE_DATE_EPOCH.
    assert!(id.starts_with("2024-12-15-") && id.len() == "2024-12-15-".len() + 8, "{id}");
    let snap = root.join("snapshots").join(id);
    let manifest: toml::Table = toml::from_str(&fs::read_to_string(snap.join("manifest.toml")).unwrap()).unwrap();
    assert_eq!(manifest["label"].as_str(), Some("Sơ kết năm 2023"));
    assert_eq!(manifest["content_hash"].as_str().unwrap().len(), 64);
    assert!(manifest["created"].as_str().unwrap().starts_with("2024-12-15T"));
    assert_eq!(manifest["kieumau_version"].as_str(), Some(env!("CARGO_PKG_VERSION")));

    // Complete and self-contained: every page, its own CSS and scripts, a banner on every page.
    for page in ["index.html", "districts/dong-hung/a/index.html", "criteria/index.html", "booklet/2023/index.html"] {
        let html = fs::read_to_string(snap.join(page)).unwrap();
        assert!(html.contains("Bản chụp ngày 15/12/2024: Sơ kết năm 2023"), "{page} has the banner");
    }
    assert!(snap.join("static/style.css").is_file() && snap.join("data/site.json").is_file());
    let before = snapshot_tree(&snap);

    // The same content again: nothing new, nothing touched.
    let said = snapshot(root, &["--label", "again"]);
    assert!(said.contains("already holds it"), "{said}");
    assert_eq!(ids(root), first);
    assert_eq!(snapshot_tree(&snap), before);

    // Changed content: a second snapshot, the first byte-identical.
    let a = root.join("content/districts/dong-hung/a.toml");
    fs::write(&a, fs::read_to_string(&a).unwrap().replace("members = 40", "members = 41")).unwrap();
    snapshot(root, &["--label", "Sau điều chỉnh"]);
    assert_eq!(ids(root).len(), 2);
    assert_eq!(snapshot_tree(&snap), before);
}

#[test]
fn builds_copy_snapshots_unchanged_and_list_the_listed_ones() {
    let site = site_with(None);
    let root = site.path();
    snapshot(root, &["--label", "Công khai"]);
    let a = root.join("content/districts/dong-hung/a.toml");
    fs::write(&a, fs::read_to_string(&a).unwrap().replace("members = 40", "members = 42")).unwrap();
    snapshot(root, &["--label", "Riêng", "--unlisted"]);
    let all = ids(root);
    assert_eq!(all.len(), 2);
    let unlisted = all.iter().find(|i| i.len() > 19).unwrap();
    let token = unlisted.rsplit('-').next().unwrap();
    assert!(token.len() >= 32 && token.bytes().all(|b| b.is_ascii_hexdigit()), "128-bit token: {token}");

    let out = kieumau().args(["build", "--root"]).arg(root).output().unwrap();
    assert!(out.status.success());
    for id in &all {
        assert_eq!(
            snapshot_tree(&root.join("snapshots").join(id)),
            snapshot_tree(&root.join("output/snapshots").join(id)),
            "{id} copied byte for byte"
        );
    }
    let list = fs::read_to_string(root.join("output/snapshots/index.html")).unwrap();
    assert!(list.contains("Công khai"));
    assert!(!list.contains("Riêng") && !list.contains(token), "unlisted snapshots stay off the list");
}

#[test]
fn a_half_written_snapshot_is_neither_listed_nor_copied() {
    let site = site_with(None);
    let root = site.path();
    // What a killed snapshot leaves behind: a staging folder without a finished rename.
    let half = root.join("snapshots/.2024-12-15-deadbeef.new-999999");
    fs::create_dir_all(&half).unwrap();
    fs::write(half.join("index.html"), "half").unwrap();
    let out = kieumau().args(["build", "--root"]).arg(root).output().unwrap();
    assert!(out.status.success());
    assert!(!root.join("output/snapshots/.2024-12-15-deadbeef.new-999999").exists());
}

/// Issue 14.8: the snapshot command prints the link to send, and a new label on unchanged
/// content is said to be unused rather than lost without a word.
#[test]
fn snapshot_prints_the_link_and_says_when_a_label_is_unused() {
    let site = common::site_with(None);
    let root = site.path();
    common::edit(
        &root.join("content/site.toml"),
        "base_url = \"\"",
        "base_url = \"https://intranet.example/kieumau/\"",
    );
    let out = common::kieumau().args(["snapshot", "--label", "Sơ kết 2024", "--root"]).arg(root).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let link = err.split_whitespace().find(|w| w.starts_with("https://")).unwrap_or_else(|| panic!("a link in {err}"));
    assert!(link.starts_with("https://intranet.example/kieumau/snapshots/") && link.ends_with('/'), "{link}");
    assert!(!link.contains("//snapshots"), "{link}");

    let again = common::kieumau().args(["snapshot", "--label", "Tổng kết", "--root"]).arg(root).output().unwrap();
    assert!(again.status.success());
    let err = String::from_utf8_lossy(&again.stderr).into_owned();
    assert!(err.contains("\"Tổng kết\" was not used") && err.contains("Sơ kết 2024"), "{err}");
    assert!(err.contains(link), "the same link again: {err}");
}

/// Issue 14.8: inside a snapshot, its "Bản chụp" page does not claim there are none; it points
/// to the live site's list.
#[test]
fn a_snapshots_own_list_page_points_to_the_live_list() {
    let site = common::site_with(None);
    let root = site.path();
    common::kieumau().args(["snapshot", "--label", "Sơ kết", "--root"]).arg(root).assert().success();
    let id = ids(root).into_iter().next().expect("a snapshot");
    let page = fs::read_to_string(root.join("snapshots").join(&id).join("snapshots/index.html")).unwrap();
    assert!(!page.contains("Chưa có bản chụp nào") && !page.contains("No snapshots yet"), "{page}");
    assert!(page.contains("Xem danh sách các bản chụp trên trang chính"), "{page}");
}

/// Issue 13.5: a snapshot's manifest holds the digest of every file, and a build publishes a
/// snapshot only as it was frozen: an edited, removed or added file, or a missing or garbled
/// manifest, stops the build naming the snapshot and the file, and leaves the output as it was.
#[test]
fn a_damaged_snapshot_stops_the_build_naming_it() {
    let site = site_with(None);
    let root = site.path();
    snapshot(root, &["--label", "Sơ kết năm 2023"]);
    let id = ids(root).remove(0);
    let snap = root.join("snapshots").join(&id);
    let manifest: toml::Table = toml::from_str(&fs::read_to_string(snap.join("manifest.toml")).unwrap()).unwrap();
    let files = manifest["files"].as_table().unwrap();
    let page = fs::read(snap.join("index.html")).unwrap();
    let digest = files["index.html"].as_str().unwrap();
    assert_eq!(digest.len(), 64);
    assert_eq!(files.len(), snapshot_tree(&snap).len() - 1, "every file but the manifest");
    kieumau().args(["build", "--root"]).arg(root).assert().success();
    let published = snapshot_tree(&root.join("output"));

    let build_fails = |code: &str, file: &str| {
        let out = kieumau().args(["build", "--root"]).arg(root).assert().code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(err.contains(code) && err.contains(&id) && err.contains(file), "{code} {file}: {err}");
        assert_eq!(snapshot_tree(&root.join("output")), published, "the output is as it was");
    };
    // Edited by hand.
    fs::write(snap.join("index.html"), [page.as_slice(), b"<!-- edited -->"].concat()).unwrap();
    build_fails("KM0906", "index.html");
    fs::write(snap.join("index.html"), &page).unwrap();
    // Removed, added.
    let css = fs::read(snap.join("static/style.css")).unwrap();
    fs::remove_file(snap.join("static/style.css")).unwrap();
    build_fails("KM0907", "static/style.css");
    fs::write(snap.join("static/style.css"), &css).unwrap();
    fs::write(snap.join("extra.html"), "x").unwrap();
    build_fails("KM0908", "extra.html");
    fs::remove_file(snap.join("extra.html")).unwrap();
    // A garbled or missing manifest.
    let text = fs::read_to_string(snap.join("manifest.toml")).unwrap();
    fs::write(snap.join("manifest.toml"), "label = \n").unwrap();
    build_fails("KM0905", "manifest.toml");
    fs::remove_file(snap.join("manifest.toml")).unwrap();
    build_fails("KM0905", "manifest.toml");
    // Put back as it was, it is published again.
    fs::write(snap.join("manifest.toml"), &text).unwrap();
    kieumau().args(["build", "--root"]).arg(root).assert().success();
    assert_eq!(fs::read(root.join("output/snapshots").join(&id).join("index.html")).unwrap(), page);

    // A manifest of an older kieumau (no digests): published, with a warning.
    let old: String = text.lines().take_while(|l| !l.starts_with("[files]")).map(|l| format!("{l}\n")).collect();
    fs::write(snap.join("manifest.toml"), old).unwrap();
    let out = kieumau().args(["build", "--root"]).arg(root).assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("KM0909"));
}
