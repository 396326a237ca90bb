//! Writing several files all or nothing (import's branch files, `forms`' workbooks): every new
//! file is written beside its target first, then they are renamed over the targets; if a rename
//! fails, the files already replaced get their old bytes back, so the folder is as before.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// One file to write.
pub struct Replace<'a> {
    /// How messages name it (`content/districts/dong-hung/a.toml`).
    pub rel: &'a str,
    pub path: &'a Path,
    pub bytes: &'a [u8],
    /// A new file: it must not exist yet (it is removed again to put things back).
    pub create: bool,
}

fn temp_path(path: &Path) -> PathBuf {
    crate::sys::beside(path, &format!("kieumau-{}.tmp", std::process::id()))
}

fn write(path: &Path, like: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    if let Ok(meta) = fs::metadata(like) {
        fs::set_permissions(path, meta.permissions())?;
    }
    Ok(())
}

/// Writes every file or none; the error says which file failed and whether the others were put back.
pub fn all_or_nothing(files: &[Replace<'_>]) -> Result<(), String> {
    let mut temps: Vec<PathBuf> = Vec::with_capacity(files.len());
    let cleanup = |temps: &[PathBuf]| {
        for t in temps {
            let _ = fs::remove_file(t);
        }
    };
    // The old bytes, kept to put back (`None`: a new file, removed to put back).
    let mut olds: Vec<Option<Vec<u8>>> = Vec::with_capacity(files.len());
    for f in files {
        let tmp = temp_path(f.path);
        let old = if f.create {
            if f.path.exists() { Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists)) } else { Ok(None) }
        } else {
            fs::read(f.path).map(Some)
        };
        let written = old.and_then(|old| {
            olds.push(old);
            write(&tmp, f.path, f.bytes)
        });
        temps.push(tmp);
        if let Err(e) = written {
            cleanup(&temps);
            return Err(crate::msg!("write-beside-failed", file = f.rel, error = e.to_string()));
        }
    }
    for (i, (f, tmp)) in files.iter().zip(&temps).enumerate() {
        if let Err(e) = replace_file(tmp, f.path) {
            cleanup(temps.get(i..).unwrap_or_default());
            let mut lost = Vec::new();
            for (done, old) in files.iter().zip(&olds).take(i) {
                let back = temp_path(done.path);
                let put = match old {
                    Some(old) => write(&back, done.path, old).and_then(|()| fs::rename(&back, done.path)),
                    None => fs::remove_file(done.path),
                };
                if put.is_err() {
                    let _ = fs::remove_file(&back);
                    lost.push(done.rel);
                }
            }
            let state = if lost.is_empty() {
                crate::msg!("import-put-back", count = i)
            } else {
                crate::msg!("import-not-put-back", files = lost.join(", "))
            };
            let error = e.to_string();
            return Err(crate::msg!("import-cannot-replace", file = f.rel, error = error, state = state));
        }
    }
    Ok(())
}

/// The rename that replaces a file; a test makes it fail for one file.
fn replace_file(tmp: &Path, path: &Path) -> std::io::Result<()> {
    #[cfg(test)]
    if tests::FAIL_RENAME.with(|f| f.borrow().as_deref() == Some(path)) {
        return Err(std::io::Error::other("injected failure"));
    }
    fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// The file whose replacement fails (13.2: an immutable file, a full disk).
        pub static FAIL_RENAME: std::cell::RefCell<Option<PathBuf>> = const { std::cell::RefCell::new(None) };
    }

    /// A failed replacement of the third of four files puts the first two back, and removes the
    /// new file among them.
    #[test]
    fn a_failed_rename_puts_back_what_was_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..4).map(|i| tmp.path().join(format!("b{i}.toml"))).collect();
        for (i, p) in paths.iter().enumerate().skip(1) {
            fs::write(p, format!("old {i}\n")).unwrap();
        }
        let rels: Vec<String> = (0..4).map(|i| format!("b{i}.toml")).collect();
        let texts: Vec<String> = (0..4).map(|i| format!("new {i}\n")).collect();
        let files: Vec<Replace> = (0..4)
            .map(|i| Replace { rel: &rels[i], path: &paths[i], bytes: texts[i].as_bytes(), create: i == 0 })
            .collect();
        FAIL_RENAME.with(|f| *f.borrow_mut() = Some(paths[2].clone()));
        let result = all_or_nothing(&files);
        FAIL_RENAME.with(|f| *f.borrow_mut() = None);
        let msg = result.expect_err("the failed rename is not reported");
        assert!(msg.contains("b2.toml") && msg.contains('2'), "{msg}");
        assert!(!paths[0].exists(), "the new file was not removed again");
        for (i, p) in paths.iter().enumerate().skip(1) {
            assert_eq!(fs::read_to_string(p).unwrap(), format!("old {i}\n"), "{} is not as before", p.display());
        }
        let left: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 3, "temporary files left behind: {left:?}");
        // And without the failure every file is replaced.
        all_or_nothing(&files).unwrap();
        for (i, p) in paths.iter().enumerate() {
            assert_eq!(fs::read_to_string(p).unwrap(), format!("new {i}\n"));
        }
    }

    #[test]
    fn a_new_file_that_appeared_meanwhile_is_not_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.xlsx");
        fs::write(&path, "theirs").unwrap();
        let files = [Replace { rel: "a.xlsx", path: &path, bytes: b"ours", create: true }];
        assert!(all_or_nothing(&files).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "theirs");
    }
}
