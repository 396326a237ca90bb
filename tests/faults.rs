//! Faults that cannot be fixtures in git, made at test time in a copy of the valid fixture: huge
//! files, pipes, links out of the site, builds and snapshots killed at random moments, outputs that
//! cannot be written. Each must end in a clear report and leave the disk as it was, or correct.
#![cfg(target_os = "linux")]

mod common;

use std::fs;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{edit, kieumau, site_with, snapshot_tree};
use serde_json::Value;

/// The binary as a plain command, for runs that are killed or need a timeout.
fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kieumau"));
    cmd.env("SOURCE_DATE_EPOCH", "1734220800").env("KIEUMAU_LANG", "en").stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd
}

/// Waits for a child at most `limit`; a run that takes longer is killed and the test fails. Its
/// output is read meanwhile, so that a full pipe does not stall it.
fn wait_within(mut child: Child, limit: Duration) -> std::process::Output {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                p.read_to_end(&mut buf).unwrap();
            }
            buf
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kieumau did not finish within {limit:?}");
        }
        sleep(Duration::from_millis(20));
    };
    std::process::Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

/// `kieumau check --format json` with a time limit: exit code and diagnostics.
fn check_json(root: &Path, strict: bool) -> (Option<i32>, Vec<Value>, String) {
    let mut cmd = bin();
    cmd.args(["check", "--format", "json", "--root"]).arg(root);
    if strict {
        cmd.arg("--strict");
    }
    let out = wait_within(cmd.spawn().unwrap(), Duration::from_secs(60));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let diags = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code(), diags, stdout)
}

fn has(diags: &[Value], severity: &str, file: &str, message: &str) -> bool {
    diags
        .iter()
        .any(|d| d["severity"] == severity && d["file"] == file && d["message"].as_str().unwrap().contains(message))
}

fn build(root: &Path, output: Option<&Path>) -> std::process::Output {
    let mut cmd = bin();
    cmd.args(["build", "--root"]).arg(root);
    if let Some(o) = output {
        cmd.arg("--output").arg(o);
    }
    wait_within(cmd.spawn().unwrap(), Duration::from_secs(300))
}

/// Dot-named entries beside a path: staging folders and outputs moved aside.
/// Hidden entries beside the output, except what incremental builds keep there on purpose (the
/// state and the previous tree).
fn dot_entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with('.')
                && n != ".output.state"
                && n != ".output.prev"
                && n != ".output.cache"
                && n != ".output.lock"
        })
        .collect();
    v.sort();
    v
}

/// The valid fixture and a district of `n` generated branches (co-quan, two years each).
fn medium_site(n: usize) -> tempfile::TempDir {
    let site = site_with(None);
    let dir = site.path().join("content/districts/lon");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("district.toml"), "name = \"Huyện Lớn\"\nkind = \"huyen\"\norder = 3\n").unwrap();
    for i in 0..n {
        let text = format!(
            "name = \"Chi bộ cơ quan số {i}\"\ntype = \"co-quan\"\nlevel = \"truc-thuoc\"\nparent = \"Đảng bộ khối\"\n\
             members = {}\n\n[[assessments]]\nyear = 2022\nrating = \"HTTNV\"\nscores = {{ \"1.1\" = {}, \"2.2\" = 45.5 }}\n\n\
             [[assessments]]\nyear = 2023\nrating = \"HTXSNV\"\nscores = {{ \"1.1\" = 48, \"2.2\" = {}, \"2.3\" = 9.25 }}\n",
            i % 90 + 5,
            i % 50,
            i % 51
        );
        fs::write(dir.join(format!("cq-{i}.toml")), text).unwrap();
    }
    site
}

// --- Hostile files -------------------------------------------------------------------------

#[test]
fn bom_and_crlf_files_are_accepted() {
    let clean = site_with(None);
    assert!(build(clean.path(), None).status.success());
    let site = site_with(None);
    let content = site.path().join("content");
    // A byte-order mark and Windows line ends, as Notepad saves them, in every kind of file.
    for rel in ["site.toml", "criteria/2022.toml", "districts/dong-hung/district.toml", "districts/dong-hung/a.toml"] {
        let text = fs::read_to_string(content.join(rel)).unwrap();
        fs::write(content.join(rel), format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    }
    let review = fs::read_to_string(content.join("reviews/2023.md")).unwrap();
    fs::write(content.join("reviews/2023.md"), format!("\u{feff}{}", review.replace('\n', "\r\n"))).unwrap();
    fs::write(
        content.join("districts/dong-hung/a.md"),
        "\u{feff}+++\r\ntitle = \"Ghi chú CRLF\"\r\n+++\r\nDòng một.\r\n",
    )
    .unwrap();

    let (code, diags, stdout) = check_json(site.path(), true);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(diags.is_empty(), "{stdout}");
    let out = build(site.path(), None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The same figures as the clean files (only the data version differs: the bytes differ).
    for data in ["branches.csv", "districts.csv", "province.csv", "types.csv"] {
        let rel = format!("output/data/{data}");
        assert_eq!(fs::read(site.path().join(&rel)).unwrap(), fs::read(clean.path().join(&rel)).unwrap(), "{data}");
    }
    let page = fs::read_to_string(site.path().join("output/districts/dong-hung/a/index.html")).unwrap();
    assert!(page.contains("Ghi chú CRLF") && page.contains("Dòng một."), "the note and its front matter are read");
    let review = fs::read_to_string(site.path().join("output/years/2023/index.html")).unwrap();
    assert!(!review.contains("+++") && !review.contains('\u{feff}'), "no front matter or BOM leaks into pages");
}

#[test]
fn a_50_mb_file_is_refused_as_too_large() {
    let site = site_with(None);
    let big = site.path().join("content/districts/dong-hung/b.toml");
    let f = fs::OpenOptions::new().write(true).open(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let started = Instant::now();
    let (code, diags, stdout) = check_json(site.path(), false);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(has(&diags, "error", "content/districts/dong-hung/b.toml", "file is too large"), "{stdout}");
    assert!(stdout.contains("8388608"), "the limit is named: {stdout}");
    assert!(started.elapsed() < Duration::from_secs(20), "refused before reading it");
}

#[test]
fn a_pipe_named_like_a_content_file_is_refused_without_waiting() {
    let site = site_with(None);
    let fifo = site.path().join("content/districts/dong-hung/f.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, diags, stdout) = check_json(site.path(), false);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(has(&diags, "error", "content/districts/dong-hung/f.toml", "not a regular file"), "{stdout}");
}

#[test]
fn a_folder_named_like_a_content_file_is_reported() {
    let site = site_with(None);
    fs::create_dir_all(site.path().join("content/districts/dong-hung/x.toml")).unwrap();
    fs::create_dir_all(site.path().join("content/criteria/2024.toml")).unwrap();
    let (code, diags, stdout) = check_json(site.path(), true);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(has(&diags, "error", "content/districts/dong-hung/x.toml", "unexpected folder"), "{stdout}");
    assert!(has(&diags, "error", "content/criteria/2024.toml", "unexpected folder"), "{stdout}");
    // Without --strict they are warnings and the site builds.
    let (code, _, stdout) = check_json(site.path(), false);
    assert_eq!(code, Some(0), "{stdout}");

    // site.toml as a folder: the site has no settings.
    let site = site_with(None);
    let settings = site.path().join("content/site.toml");
    fs::remove_file(&settings).unwrap();
    fs::create_dir(&settings).unwrap();
    let (code, diags, stdout) = check_json(site.path(), false);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(has(&diags, "error", "content/site.toml", "content/site.toml is missing"), "{stdout}");
}

#[test]
fn links_out_of_the_site_are_ignored_never_followed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.toml");
    let branch = fs::read_to_string(common::fixtures().join("valid/content/districts/dong-hung/b.toml")).unwrap();
    fs::write(&secret, branch.replace("Chi bộ thôn Bình", "Chi bộ BÍ MẬT ngoài site")).unwrap();
    let secret_dir = outside.path().join("district");
    fs::create_dir(&secret_dir).unwrap();
    fs::write(secret_dir.join("district.toml"), "name = \"Huyện BÍ MẬT\"\nkind = \"huyen\"\n").unwrap();

    let site = site_with(None);
    let content = site.path().join("content");
    symlink(&secret, content.join("districts/dong-hung/z.toml")).unwrap();
    symlink(&secret_dir, content.join("districts/ngoai")).unwrap();
    symlink("/etc/passwd", content.join("reviews/2022.md")).unwrap();

    let (code, diags, stdout) = check_json(site.path(), false);
    assert_eq!(code, Some(0), "links are warnings: {stdout}");
    for file in ["content/districts/dong-hung/z.toml", "content/districts/ngoai", "content/reviews/2022.md"] {
        assert!(has(&diags, "warning", file, "symbolic link ignored"), "{file}: {stdout}");
    }
    let (code, _, _) = check_json(site.path(), true);
    assert_eq!(code, Some(1), "--strict makes them errors");

    let out = build(site.path(), None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for (path, bytes) in snapshot_tree(&site.path().join("output")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("BÍ MẬT") && !text.contains("root:x:0"), "{path} holds content from outside");
    }
    assert!(
        !site.path().join("output/districts/ngoai").exists()
            && !site.path().join("output/districts/dong-hung/z").exists()
    );
}

/// Files that once cost minutes or gigabytes (quadratic work on a hostile file just under the
/// size limit): each must be refused or checked within seconds.
#[test]
fn files_built_to_exhaust_are_checked_quickly() {
    let huge_key = format!("{} = 1\n", "x".repeat(4_000_000));
    let many_keys: String = (0..700_000).map(|i| format!("k{i} = 1\n")).collect();
    let deep_note = format!("{}x\n", "<div>".repeat(1_600_000));
    let open_tags =
        format!("{}\n\n{}", (0..5000).map(|i| format!("<b id=x{i}>")).collect::<String>(), "x\n\n".repeat(5000));
    for (file, text, message) in [
        ("a.toml", huge_key, "unknown key"),
        ("a.toml", many_keys, "more unknown keys in a branch file"),
        ("a.md", deep_note, "levels deep"),
        ("a.md", open_tags, "formatting tags are open at once"),
    ] {
        let site = site_with(None);
        let rel = format!("content/districts/dong-hung/{file}");
        fs::write(site.path().join(&rel), &text).unwrap();
        let started = Instant::now();
        let (code, diags, stdout) = check_json(site.path(), false);
        assert_eq!(code, Some(1));
        assert!(has(&diags, "error", &rel, message), "{message}: {}", &stdout[..stdout.len().min(2000)]);
        assert!(diags.len() <= 2 * kieumau::content::diag::MAX_PER_FILE, "problems per file are capped");
        assert!(stdout.len() < 1_000_000, "messages quote at most a few hundred characters of the file");
        assert!(started.elapsed() < Duration::from_secs(30), "{message}: {:?}", started.elapsed());
    }
}

#[test]
fn several_problems_in_one_run_are_all_reported() {
    let site = site_with(None);
    let d = site.path().join("content/districts/dong-hung");
    fs::OpenOptions::new().write(true).open(d.join("b.toml")).unwrap().set_len(9 * 1024 * 1024).unwrap();
    assert!(Command::new("mkfifo").arg(d.join("f.toml")).status().unwrap().success());
    fs::write(d.join("g.toml"), b"name = \"x\xff\"\n").unwrap();
    fs::write(d.join("h.toml"), "name = \"Chi bộ\"\nmembers = [\n").unwrap();
    symlink("/etc/hostname", d.join("l.toml")).unwrap();
    fs::write(d.join("a.md"), "+++\ntitle = \"x\"\nno closing line\n").unwrap();
    edit(&site.path().join("content/districts/thanh-pho/e.toml"), "rating = \"HTTNV\"", "rating = \"HTTTNV\"");

    let (code, diags, stdout) = check_json(site.path(), false);
    assert_eq!(code, Some(1), "{stdout}");
    let dh = "content/districts/dong-hung";
    for (sev, file, msg) in [
        ("error", format!("{dh}/b.toml"), "file is too large"),
        ("error", format!("{dh}/f.toml"), "not a regular file"),
        ("error", format!("{dh}/g.toml"), "not valid UTF-8"),
        ("error", format!("{dh}/h.toml"), "TOML syntax error"),
        ("warning", format!("{dh}/l.toml"), "symbolic link ignored"),
        ("error", format!("{dh}/a.md"), "front matter is not closed"),
        ("error", "content/districts/thanh-pho/e.toml".to_string(), "unknown rating `HTTTNV`"),
    ] {
        assert!(has(&diags, sev, &file, msg), "{sev} {file} {msg}: {stdout}");
    }
}

// --- Killed builds and snapshots --------------------------------------------------------------

/// Starts `args` on `root`, kills it with SIGKILL after `delay` (if it is still running).
fn run_and_kill(args: &[&str], root: &Path, delay: Duration) -> bool {
    let mut child =
        bin().args(args).arg("--root").arg(root).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    sleep(delay);
    let killed = child.try_wait().unwrap().is_none();
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    killed
}

/// Kill delays: early ones, then spread over a full run's duration and just past its end,
/// where the final swap happens.
fn kill_delays(full: Duration) -> Vec<Duration> {
    let mut v: Vec<Duration> = [20, 50, 100, 200].map(Duration::from_millis).to_vec();
    v.extend([0.3, 0.5, 0.7, 0.85, 0.95, 0.99, 1.0, 1.02].map(|f| full.mul_f64(f)));
    v
}

#[test]
fn killed_builds_leave_the_previous_output_and_the_next_build_is_correct() {
    let site = medium_site(1000);
    let root = site.path();
    let output = root.join("output");
    let started = Instant::now();
    assert!(build(root, None).status.success());
    let full = started.elapsed();
    let before = snapshot_tree(&output);

    // New content; its correct output is a clean build into a folder of its own.
    edit(&root.join("content/districts/lon/cq-7.toml"), "members = 12", "members = 13");
    let reference = tempfile::tempdir().unwrap();
    let expected_dir = reference.path().join("site");
    assert!(build(root, Some(&expected_dir)).status.success());
    let expected = snapshot_tree(&expected_dir);
    assert_ne!(before, expected);

    let mut outcomes = Vec::new();
    for delay in kill_delays(full) {
        let killed = run_and_kill(&["build"], root, delay);
        assert!(output.is_dir(), "an output exists after a kill at {delay:?}");
        let now = snapshot_tree(&output);
        let outcome = if now == before {
            "previous"
        } else if now == expected {
            "new"
        } else {
            panic!("after a kill at {delay:?} the output is neither the previous nor the new build");
        };
        outcomes.push(format!("{delay:?}: {} -> {outcome}", if killed { "killed" } else { "finished" }));
    }
    eprintln!("kills: {}", outcomes.join(", "));
    assert!(outcomes.iter().any(|o| o.contains("killed")), "some runs were killed mid-way");

    // The next build is correct and leaves nothing beside the output.
    assert!(build(root, None).status.success());
    assert!(snapshot_tree(&output) == expected, "the next build equals a clean build");
    assert_eq!(dot_entries(root), Vec::<String>::new(), "leftovers of killed builds are cleaned");
}

#[test]
fn leftovers_of_a_swap_killed_half_way_are_repaired() {
    let site = site_with(None);
    let root = site.path();
    let output = root.join("output");
    assert!(build(root, None).status.success());
    let good = snapshot_tree(&output);
    // A process id that cannot be alive (above the kernel's pid_max).
    let dead = 999_999_999u64;

    // Killed between the two renames of a non-atomic swap: the old output moved aside, the new one
    // half-written, nothing at the target.
    fs::rename(&output, root.join(format!(".output.old-{dead}"))).unwrap();
    fs::create_dir_all(root.join(format!(".output.new-{dead}/districts"))).unwrap();
    fs::write(root.join(format!(".output.new-{dead}/index.html")), "half").unwrap();
    assert!(build(root, None).status.success());
    assert!(snapshot_tree(&output) == good);
    assert_eq!(dot_entries(root), Vec::<String>::new());

    // Killed after an atomic exchange, before the old output (now under the staging name) is removed.
    copy_tree(&output, &root.join(format!(".output.new-{dead}")));
    assert!(build(root, None).status.success());
    assert!(snapshot_tree(&output) == good);
    assert_eq!(dot_entries(root), Vec::<String>::new());
}

fn copy_tree(from: &Path, to: &Path) {
    common::copy_dir(from, to);
}

/// The complete snapshots' folder names: what a build would copy.
fn snapshot_ids(root: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root.join("snapshots")) else { return Vec::new() };
    let mut v: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

#[test]
fn killed_snapshots_leave_nothing_a_build_would_copy() {
    let site = medium_site(600);
    let root = site.path();
    // The complete snapshot of this content, made in a copy of the site.
    let twin = tempfile::tempdir().unwrap();
    common::copy_dir(&root.join("content"), &twin.path().join("content"));
    let started = Instant::now();
    let out = bin().args(["snapshot", "--label", "Sơ kết", "--root"]).arg(twin.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let full = started.elapsed();
    let ids = snapshot_ids(twin.path());
    assert_eq!(ids.len(), 1);
    let complete = snapshot_tree(&twin.path().join("snapshots").join(&ids[0]));

    for delay in kill_delays(full) {
        run_and_kill(&["snapshot", "--label", "Sơ kết"], root, delay);
        for id in snapshot_ids(root) {
            assert_eq!(id, ids[0]);
            assert!(
                snapshot_tree(&root.join("snapshots").join(&id)) == complete,
                "after a kill at {delay:?}, snapshots/{id} is complete"
            );
        }
    }
    // A build copies only complete snapshots.
    assert!(build(root, None).status.success());
    let copied: Vec<String> = fs::read_dir(root.join("output/snapshots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".html"))
        .collect();
    assert!(copied.iter().all(|n| !n.starts_with('.')), "no half-snapshot copied: {copied:?}");
    // Snapshotting again gives the complete snapshot, and removes the dead staging folders.
    let out = bin().args(["snapshot", "--label", "Sơ kết", "--root"]).arg(root).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(snapshot_ids(root), ids);
    assert!(snapshot_tree(&root.join("snapshots").join(&ids[0])) == complete);
    assert_eq!(dot_entries(&root.join("snapshots")), Vec::<String>::new());
}

#[test]
fn a_snapshot_folder_with_a_pipe_for_a_manifest_is_refused_without_reading_it() {
    let site = site_with(None);
    let odd = site.path().join("snapshots/2024-01-01-deadbeef");
    fs::create_dir_all(&odd).unwrap();
    assert!(Command::new("mkfifo").arg(odd.join("manifest.toml")).status().unwrap().success());
    // Not read (it would stall the build): a snapshot without a manifest, an error naming it (13.5).
    let out = build(site.path(), None);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("KM0905") && err.contains("2024-01-01-deadbeef"), "{err}");
    assert!(!site.path().join("output/snapshots/2024-01-01-deadbeef").exists());
}

#[test]
fn no_command_writes_into_an_existing_snapshot() {
    let site = site_with(None);
    let root = site.path();
    let snap = |args: &[&str]| {
        let out = kieumau().arg("snapshot").args(args).arg("--root").arg(root).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    snap(&["--label", "Lần một"]);
    let ids = snapshot_ids(root);
    let first = root.join("snapshots").join(&ids[0]);
    let before = snapshot_tree(&first);

    let a = root.join("content/districts/dong-hung/a.toml");
    edit(&a, "members = 40", "members = 41");
    for args in [&["build"][..], &["check", "--strict"], &["snapshot", "--label", "Lần hai"], &["build"]] {
        kieumau().args(args).arg("--root").arg(root).output().unwrap();
    }
    snap(&["--label", "Riêng", "--unlisted"]);
    // Back to the first content: the first snapshot is reused, not rewritten.
    edit(&a, "members = 41", "members = 40");
    snap(&["--label", "Lần một, lại"]);
    assert!(kieumau().args(["build", "--root"]).arg(root).output().unwrap().status.success());
    assert_eq!(snapshot_tree(&first), before);
    assert_eq!(snapshot_ids(root).len(), 3);

    // A folder in the way of a new snapshot, without a manifest: refused, left as it was. Its name
    // is the one a snapshot of this content takes (found with a twin of the site).
    edit(&a, "members = 40", "members = 39");
    let twin = tempfile::tempdir().unwrap();
    common::copy_dir(&root.join("content"), &twin.path().join("content"));
    assert!(kieumau().args(["snapshot", "--label", "x", "--root"]).arg(twin.path()).output().unwrap().status.success());
    let blocked = root.join("snapshots").join(&snapshot_ids(twin.path())[0]);
    fs::create_dir_all(&blocked).unwrap();
    fs::write(blocked.join("note.txt"), "somebody's folder").unwrap();
    let out = kieumau().args(["snapshot", "--label", "x", "--root"]).arg(root).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("never overwritten"));
    assert_eq!(snapshot_tree(&blocked), vec![("note.txt".to_string(), b"somebody's folder".to_vec())]);
    assert!(snapshot_tree(&first) == before);
}

// --- Outputs that cannot be written -----------------------------------------------------------

#[test]
fn output_under_proc_is_an_io_error() {
    let site = site_with(None);
    let target = PathBuf::from(format!("/proc/kieumau-{}/out", std::process::id()));
    let out = build(site.path(), Some(&target));
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the output"));
}

#[test]
fn a_full_disk_fails_the_build_and_keeps_the_previous_output() {
    let site = site_with(None);
    let root = site.path();
    assert!(build(root, None).status.success());
    let before = snapshot_tree(&root.join("output"));
    edit(&root.join("content/districts/dong-hung/a.toml"), "members = 40", "members = 41");
    // A file size limit makes writes fail with EFBIG, as on a full disk (the signal is ignored so
    // that the write returns the error instead of killing the process).
    let script = format!(
        "trap '' XFSZ; ulimit -f 16; exec '{}' build --root '{}'",
        env!("CARGO_BIN_EXE_kieumau"),
        root.display()
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .env("SOURCE_DATE_EPOCH", "1734220800")
        .env("KIEUMAU_LANG", "en")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write the output"), "{stderr}");
    assert!(snapshot_tree(&root.join("output")) == before, "the previous output is unchanged");
    assert_eq!(dot_entries(root), Vec::<String>::new(), "the staging folder is removed");
}

/// Issue 13.7: the unknown keys shown are the first ones in the file, in its order (not `k0, k1,
/// k10, k100`), and the rest are counted in one line.
#[test]
fn unknown_keys_are_shown_in_file_order() {
    let site = site_with(None);
    let a = site.path().join("content/districts/dong-hung/a.toml");
    let mut text = fs::read_to_string(&a).unwrap();
    let head = text.find("[[assessments]]").unwrap();
    let keys: String = (0..300).map(|i| format!("k{i} = 1\n")).collect();
    text.insert_str(head, &keys);
    fs::write(&a, text).unwrap();
    let out = kieumau().args(["check", "--lang", "en", "--root"]).arg(site.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let shown: Vec<&str> = err.lines().filter_map(|l| l.split('`').nth(1).filter(|_| l.contains("KM0201"))).collect();
    let first: Vec<String> = (0..shown.len()).map(|i| format!("k{i}")).collect();
    assert!(shown.len() >= 10 && shown == first, "{shown:?}");
    assert!(err.contains("KM0202") && err.len() < 64 * 1024, "{} bytes", err.len());
}

/// Issue 13.8: a typo in site.toml or a wrong value in a criteria file is reported with every
/// other file's problems, not instead of them; the years the broken criteria file governs are
/// not checked against any framework (no made-up errors for their scores).
#[test]
fn one_broken_settings_file_does_not_hide_the_others() {
    let codes = |diags: &[Value]| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = diags
            .iter()
            .map(|d| (d["code"].as_str().unwrap_or("").to_string(), d["file"].as_str().unwrap().to_string()))
            .collect();
        v.sort();
        v
    };
    let branch = "content/districts/dong-hung/a.toml";
    let other = "content/districts/thanh-pho/d.toml";

    let site = site_with(None);
    edit(&site.path().join("content/site.toml"), "first_year = 2022", "first_yeer = 2022");
    edit(&site.path().join(branch), "members = 40", "members = 40\ncolour = \"red\"");
    let (code, diags, out) = check_json(site.path(), false);
    assert_eq!(code, Some(1));
    let found = codes(&diags);
    for want in [("KM0201", "content/site.toml"), ("KM0203", "content/site.toml"), ("KM0201", branch)] {
        assert!(found.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} in {out}");
    }

    let site = site_with(None);
    edit(&site.path().join("content/criteria/2023.toml"), "max = 50", "max = -5");
    edit(&site.path().join(branch), "members = 40", "members = 40\ncolour = \"red\"");
    // A 2022 score above its maximum, checked against the good 2022 framework.
    edit(&site.path().join(other), "year = 2022", "year = 2022\n# over");
    let text = fs::read_to_string(site.path().join(other)).unwrap();
    let at = text.find("# over").unwrap();
    let scores = at + text[at..].find("\"1.1\" = ").unwrap() + "\"1.1\" = ".len();
    let end = scores + text[scores..].find([',', ' ', '}']).unwrap();
    fs::write(site.path().join(other), format!("{}999{}", &text[..scores], &text[end..])).unwrap();
    let (code, diags, out) = check_json(site.path(), false);
    assert_eq!(code, Some(1));
    let found = codes(&diags);
    assert!(found.iter().any(|(c, f)| c == "KM0321" && f == "content/criteria/2023.toml"), "{out}");
    assert!(found.contains(&("KM0201".to_string(), branch.to_string())), "{out}");
    assert!(found.iter().any(|(_, f)| f == other), "the 2022 score is checked: {out}");
    // Nothing about the 2023 assessments, whose framework is the broken one.
    assert_eq!(found.len(), 3, "{out}");
}
