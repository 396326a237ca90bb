//! Incremental builds: after an edit, `build` writes only what depends on it, and the output is
//! byte-identical to a full build of the same content into a fresh folder.

mod common;

use std::fs;
use std::path::Path;

use common::{edit, kieumau, site_with, snapshot_tree};

/// Builds `site` into `out` with the environment variables `env`; returns what it printed.
fn build_with(site: &Path, out: &Path, env: &[(&str, &str)]) -> String {
    let o = kieumau().envs(env.iter().copied()).args(["build", "--root"]).arg(site).arg("--output").arg(out).output();
    let o = o.unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{stderr}");
    stderr
}

/// The summary line of a build's output.
fn summary(stderr: &str) -> String {
    stderr.lines().find(|l| l.starts_with("Built ")).unwrap_or_default().to_string()
}

/// Builds `site` into `out`; returns the summary line.
fn build(site: &Path, out: &Path) -> String {
    summary(&build_with(site, out, &[]))
}

/// `(written, unchanged)` from a summary line; `None` for a full build.
fn reuse(summary: &str) -> Option<(usize, usize)> {
    let (_, rest) = summary.split_once(" files (")?;
    let (written, rest) = rest.split_once(" written, ")?;
    let (unchanged, _) = rest.split_once(" unchanged)")?;
    Some((written.parse().ok()?, unchanged.parse().ok()?))
}

/// The same content built from scratch into a fresh folder.
fn assert_same_as_full_build(site: &Path, out: &Path) {
    let fresh = tempfile::tempdir().unwrap();
    let summary = build(site, &fresh.path().join("output"));
    assert_eq!(reuse(&summary), None, "a fresh folder gets a full build: {summary}");
    let (a, b) = (snapshot_tree(out), snapshot_tree(&fresh.path().join("output")));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "same files");
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs from a full build");
    }
}

#[test]
fn a_one_branch_edit_rewrites_only_what_depends_on_it() {
    let site = site_with(None);
    let out = site.path().join("output");
    assert_eq!(reuse(&build(site.path(), &out)), None, "the first build is a full one");
    let (written, unchanged) = reuse(&build(site.path(), &out)).expect("the second build reuses the first");
    assert_eq!(written, 0, "nothing changed, nothing written");
    assert!(unchanged > 20);

    let branch = site.path().join("content/districts/dong-hung/b.toml");
    let page = out.join("districts/dong-hung/b/index.html");
    let other = out.join("districts/thanh-pho/d/index.html");
    let other_before = fs::read(&other).unwrap();
    let page_before = fs::read(&page).unwrap();
    edit(&branch, "members = ", "members = 1");
    let (written, unchanged) = reuse(&build(site.path(), &out)).unwrap();
    // The branch page, its district page, and the pages and files that show the whole content;
    // not the four other branch pages, the other district's page and the static files.
    assert!(written > 3 && unchanged >= 4 + 1 + 4, "{written} written, {unchanged} unchanged");
    assert_ne!(fs::read(&page).unwrap(), page_before);
    assert_eq!(fs::read(&other).unwrap(), other_before);
    assert_same_as_full_build(site.path(), &out);

    // Twice more, so that both trees take their turn as the one updated in place.
    for n in ["2", "3"] {
        edit(&branch, "members = 1", &format!("members = {n}"));
        assert!(reuse(&build(site.path(), &out)).is_some());
        assert_same_as_full_build(site.path(), &out);
        edit(&branch, &format!("members = {n}"), "members = 1");
    }
}

#[test]
fn removed_and_added_branches_and_a_new_date_match_a_full_build() {
    let site = site_with(None);
    let out = site.path().join("output");
    build(site.path(), &out);
    build(site.path(), &out);
    let d = site.path().join("content/districts/dong-hung");
    fs::rename(d.join("c.toml"), d.join("c2.toml")).unwrap();
    assert!(reuse(&build(site.path(), &out)).is_some());
    assert!(!out.join("districts/dong-hung/c").exists(), "the old page and its folder are gone");
    assert!(out.join("districts/dong-hung/c2/index.html").is_file());
    assert_same_as_full_build(site.path(), &out);

    // Another build date changes every page's footer: everything is written.
    build_with(site.path(), &out, &[("SOURCE_DATE_EPOCH", "1800000000")]);
    assert!(fs::read_to_string(out.join("index.html")).unwrap().contains("15/01/2027"));
    build(site.path(), &out);
    assert_same_as_full_build(site.path(), &out);
}

#[test]
fn a_lost_or_stale_state_means_a_full_build() {
    let site = site_with(None);
    let out = site.path().join("output");
    build(site.path(), &out);
    build(site.path(), &out);
    // A hand-replaced output no longer matches the state.
    let state = site.path().join(".output.state");
    assert!(state.is_file());
    fs::rename(&out, site.path().join("moved")).unwrap();
    common::copy_dir(&site.path().join("moved"), &out);
    assert_eq!(reuse(&build(site.path(), &out)), None);
    assert_same_as_full_build(site.path(), &out);
    // A damaged state too.
    fs::write(&state, "garbage").unwrap();
    assert_eq!(reuse(&build(site.path(), &out)), None);
    assert_same_as_full_build(site.path(), &out);
}

#[test]
fn cached_branches_keep_their_warnings_and_edits_are_seen() {
    // A branch with a gap between its years: a warning in its own file.
    let site = site_with(Some(&common::fixtures().join("errors/gap-warning-strict")));
    let out = site.path().join("output");
    let run = || {
        let stderr = build_with(site.path(), &out, &[]);
        stderr.lines().filter(|l| l.starts_with("warning")).map(String::from).collect::<Vec<_>>()
    };
    let first = run();
    assert!(first.iter().any(|w| w.contains("a gap between 2022 and 2024")), "{first:?}");
    assert_eq!(run(), first, "the same warnings from the cache-backed build");
    assert!(site.path().join(".output.cache").is_file());
    // An edit of the same length, right away: still seen (stamps have nanoseconds and ctime).
    let b = site.path().join("content/districts/dong-hung/b.toml");
    edit(&b, "members = 25", "members = 26");
    run();
    assert!(fs::read_to_string(out.join("data/site.json")).unwrap().contains("\"members\": 26"));
    assert_same_as_full_build(site.path(), &out);
}

#[test]
fn builds_into_one_output_at_once_wait_for_each_other() {
    let site = site_with(None);
    let out = site.path().join("output");
    build(site.path(), &out);
    build(site.path(), &out);
    edit(&site.path().join("content/districts/dong-hung/b.toml"), "members = ", "members = 1");
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("kieumau"))
            .env("SOURCE_DATE_EPOCH", "1734220800")
            .env("KIEUMAU_LANG", "en")
            .args(["build", "--root"])
            .arg(site.path())
            .arg("--output")
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn(), spawn());
    assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    assert_same_as_full_build(site.path(), &out);
    // And the next build still reuses the trees.
    assert!(reuse(&build(site.path(), &out)).is_some());
}

#[test]
fn big_downloads_copy_the_rows_of_unchanged_districts() {
    let site = site_with(None);
    let out = site.path().join("output");
    build(site.path(), &out);
    // Mark the other district's rows in the live files, in place and with their times kept: a
    // build that copies its pieces carries the mark, one that makes them again would not.
    let mut marked = Vec::new();
    let rows = [
        ("data/branches.csv", ",thanh-pho,"),
        ("data/scores-2023.csv", "\nthanh-pho,"),
        ("data/site.json", "\"district\": \"thanh-pho\",\n      \"level\""),
    ];
    for (rel, row) in rows {
        let path = out.join(rel);
        let meta = fs::metadata(&path).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(row), "{rel}");
        fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.replace("thanh-pho", "thanh-ph0").as_bytes()))
            .unwrap();
        fs::File::options().write(true).open(&path).unwrap().set_modified(meta.modified().unwrap()).unwrap();
        marked.push((rel, row));
    }
    edit(&site.path().join("content/districts/dong-hung/b.toml"), "members = ", "members = 1");
    build(site.path(), &out);
    for (rel, row) in marked {
        let text = fs::read_to_string(out.join(rel)).unwrap();
        assert!(text.contains(&row.replace("thanh-pho", "thanh-ph0")), "{rel} copied the other district's rows");
        assert!(!text.contains(row), "{rel}: only the edited district's rows are made again");
        assert!(text.contains("dong-hung"), "{rel}");
    }
    // The district page's heading outside the pieces is made anew: the mark is only in rows.
    assert!(fs::read_to_string(out.join("data/site.json")).unwrap().contains("\"slug\": \"thanh-pho\""));
}

#[test]
fn emptied_and_refilled_districts_match_a_full_build() {
    let site = site_with(None);
    let out = site.path().join("output");
    build(site.path(), &out);
    let d = site.path().join("content/districts/thanh-pho");
    let keep = tempfile::tempdir().unwrap();
    for f in ["d.toml", "e.toml"] {
        fs::rename(d.join(f), keep.path().join(f)).unwrap();
    }
    build(site.path(), &out);
    assert_same_as_full_build(site.path(), &out);
    // Back again, then the first district emptied: the commas between pieces move.
    for f in ["d.toml", "e.toml"] {
        fs::rename(keep.path().join(f), d.join(f)).unwrap();
    }
    build(site.path(), &out);
    assert_same_as_full_build(site.path(), &out);
    let first = site.path().join("content/districts/dong-hung");
    for f in ["a.toml", "a.md", "b.toml", "c.toml"] {
        fs::rename(first.join(f), keep.path().join(f)).unwrap();
    }
    build(site.path(), &out);
    assert_same_as_full_build(site.path(), &out);
}

/// Builds with `KIEUMAU_TIMINGS=1`; returns the summary line and, per booklet year, how many of
/// its district pieces were made rather than copied from the last booklet, and of how many.
fn build_counting_pieces(site: &Path, out: &Path) -> (String, Vec<(i32, usize, usize)>) {
    let stderr = build_with(site, out, &[("KIEUMAU_TIMINGS", "1")]);
    // `timing:   booklet/2023/index.html: 4 of 6 district pieces made`
    let mut made: Vec<(i32, usize, usize)> = stderr
        .lines()
        .filter_map(|l| {
            let rest = l.trim_start_matches("timing:").trim().strip_prefix("booklet/")?;
            let (year, rest) = rest.split_once("/index.html: ")?;
            let (n, rest) = rest.split_once(" of ")?;
            let (of, _) = rest.split_once(" district pieces made")?;
            Some((year.parse().ok()?, n.parse().ok()?, of.parse().ok()?))
        })
        .collect();
    made.sort();
    (summary(&stderr), made)
}

/// The pieces the state beside `out` lists for the live `booklet/<year>/index.html`.
fn booklet_pieces_in_state(out: &Path, year: i32) -> usize {
    let state = kieumau::build::incremental::State::peek(out).expect("a state beside the output");
    state.live.layouts.get(&format!("booklet/{year}/index.html")).map_or(0, |l| l.frags.len())
}

#[test]
fn a_booklet_remakes_the_annex_rows_whose_running_numbers_an_edit_moves() {
    // Thành phố Thái Bình (order 1) comes before Huyện Đông Hưng in the booklet. In 2023 it has
    // one model branch (Sở Tài chính, `e`) and two pilots (`e`, and Đề Thám, `d`, since 2023).
    let site = site_with(None);
    let out = site.path().join("output");
    let (_, made) = build_counting_pieces(site.path(), &out);
    assert_eq!(made, [(2022, 6, 6), (2023, 6, 6)], "the first build makes every piece");
    assert_eq!(booklet_pieces_in_state(&out, 2023), 6, "three pieces per district are noted");
    let booklet = || fs::read_to_string(out.join("booklet/2023/index.html")).unwrap();
    let an = "<td>Chi bộ thôn An</td>";
    assert!(booklet().contains(&format!(
        "<td class=\"num\">2</td><td>Huyện Đông Hưng</td>{an}<td></td><td>Khu dân cư</td><td>HTXSNV"
    )));

    // Sở Tài chính is no longer a model branch in 2023: Đông Hưng's model rows now start at 1.
    let e = site.path().join("content/districts/thanh-pho/e.toml");
    edit(
        &e,
        "rating = \"HTTNV\"\nscores = { \"1.1\" = 45, \"2.2\" = 45, \"2.3\" = 9 }",
        "rating = \"HTNV\"\nscores = { \"1.1\" = 45, \"2.2\" = 45, \"2.3\" = 9 }",
    );
    let (summary, made) = build_counting_pieces(site.path(), &out);
    assert!(reuse(&summary).is_some(), "{summary}");
    // 2023: Thái Bình's three pieces and Đông Hưng's model rows; its chapter and pilot rows are
    // copied. 2022: only Thái Bình's pieces.
    assert_eq!(made, [(2022, 3, 6), (2023, 4, 6)]);
    let html = booklet();
    assert!(html.contains("2. Danh sách chi bộ đạt kiểu mẫu (1)</h2>"), "the count in the heading");
    assert!(html.contains(&format!(
        "<td class=\"num\">1</td><td>Huyện Đông Hưng</td>{an}<td></td><td>Khu dân cư</td><td>HTXSNV"
    )));
    assert_same_as_full_build(site.path(), &out);

    // Đề Thám is no longer a pilot: Đông Hưng's pilot rows now start at 2, its model rows stay.
    edit(&site.path().join("content/districts/thanh-pho/d.toml"), "pilot = 2023\n", "");
    let (_, made) = build_counting_pieces(site.path(), &out);
    assert_eq!(made, [(2022, 3, 6), (2023, 4, 6)]);
    assert!(booklet().contains(&format!(
        "<td class=\"num\">2</td><td>Huyện Đông Hưng</td>{an}<td></td><td>Khu dân cư</td><td class=\"num\">2022"
    )));
    assert_same_as_full_build(site.path(), &out);

    // An edit that moves no number: only the district's own pieces.
    edit(&e, "members = ", "members = 1");
    let (_, made) = build_counting_pieces(site.path(), &out);
    assert_eq!(made, [(2022, 3, 6), (2023, 3, 6)]);
    assert_eq!(booklet_pieces_in_state(&out, 2023), 6);
    assert_same_as_full_build(site.path(), &out);
}

#[test]
fn a_booklet_remakes_the_chapter_of_a_district_whose_notes_change() {
    let site = site_with(None);
    let out = site.path().join("output");
    build_counting_pieces(site.path(), &out);
    let note = site.path().join("content/districts/dong-hung/district.2023.md");
    fs::write(&note, "Huyện đã **rà soát** các chi bộ.\n").unwrap();
    let (_, made) = build_counting_pieces(site.path(), &out);
    // Đông Hưng's folder changed: its pieces are made in both booklets, Thái Bình's copied.
    assert_eq!(made, [(2022, 3, 6), (2023, 3, 6)]);
    let chapter = |html: &str| {
        let from = html.find("<h3 id=\"d-dong-hung\"").unwrap();
        html[from..from + html[from..].find("<h2 id=\"types\"").unwrap()].to_string()
    };
    let html = fs::read_to_string(out.join("booklet/2023/index.html")).unwrap();
    assert!(chapter(&html).contains("Huyện đã <strong>rà soát</strong> các chi bộ."));
    assert_same_as_full_build(site.path(), &out);

    edit(&note, "rà soát", "kiểm tra");
    let (_, made) = build_counting_pieces(site.path(), &out);
    assert_eq!(made, [(2022, 3, 6), (2023, 3, 6)]);
    let html = fs::read_to_string(out.join("booklet/2023/index.html")).unwrap();
    assert!(chapter(&html).contains("Huyện đã <strong>kiểm tra</strong> các chi bộ."));
    assert!(!html.contains("rà soát"));
    let html_2022 = fs::read_to_string(out.join("booklet/2022/index.html")).unwrap();
    assert!(!html_2022.contains("kiểm tra</strong>"), "a note of 2023 is not in the 2022 booklet");
    assert_same_as_full_build(site.path(), &out);
}

#[test]
fn districts_with_the_same_files_keep_their_own_rows() {
    let site = site_with(None);
    let out = site.path().join("output");
    // A copy of a district under another folder name: the same files, so the same contents.
    common::copy_dir(
        &site.path().join("content/districts/dong-hung"),
        &site.path().join("content/districts/dong-hung-2"),
    );
    build(site.path(), &out);
    // An edit in the other district: every piece of both copies is copied from the last build.
    edit(&site.path().join("content/districts/thanh-pho/d.toml"), "members = ", "members = 1");
    build(site.path(), &out);
    let csv = fs::read_to_string(out.join("data/branches.csv")).unwrap();
    assert!(csv.contains(",dong-hung,") && csv.contains(",dong-hung-2,"), "each copy's rows name it");
    assert_same_as_full_build(site.path(), &out);
}

/// Issue 13.4: a file of the output damaged in place (emptied, edited, its time stamp moved) is
/// written again by the next build, though its inputs did not change; the live output and the
/// previous tree share it by a hard link, so both builds of the rotation must notice.
#[test]
fn an_output_file_damaged_in_place_is_written_again() {
    let site = site_with(None);
    let out = site.path().join("output");
    build(site.path(), &out);
    build(site.path(), &out);
    let good = snapshot_tree(&out);
    let csv = out.join("data/branches.csv");
    let page = out.join("districts/dong-hung/index.html");
    let csv_bytes = fs::read(&csv).unwrap();
    // Emptied in place, the way `: > file` does it (the inode, shared with the previous tree, stays).
    fs::OpenOptions::new().write(true).truncate(true).open(&csv).unwrap();
    // Edited in place to the same length.
    let mut html = fs::read(&page).unwrap();
    let at = html.len() / 2;
    html[at] = if html[at] == b' ' { b'x' } else { b' ' };
    fs::write(&page, &html).unwrap();
    for _ in 0..3 {
        let said = build(site.path(), &out);
        assert_eq!(fs::read(&csv).unwrap(), csv_bytes, "{said}");
        assert_eq!(snapshot_tree(&out), good, "the output is as built: {said}");
    }
    assert_same_as_full_build(site.path(), &out);
}
