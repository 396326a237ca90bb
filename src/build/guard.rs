//! The output guard: a build replaces its output folder whole, so before anything is written it
//! makes sure that folder is not the site itself, nothing the site keeps, and nobody else's files.
//!
//! Refused always (even with `--force`): the site's folder or any folder holding it, anything in
//! `content/`, `snapshots/` or `themes/` (or holding one of them), and a path that is a file.
//! Refused without `--force`: a non-empty folder that is not kieumau's output: it carries no
//! [`MARK`] (or is not shaped like an output of a kieumau from before the mark), or it holds
//! top-level entries the last build did not write.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::build::incremental::{self, State};
use crate::messages::Message;

/// The file every build leaves at the top of its output: the folder is kieumau's to replace.
pub const MARK: &str = ".kieumau-output";

/// What [`MARK`] holds (fixed, so that builds stay byte-identical).
pub const MARK_BYTES: &[u8] = b"kieumau output\n";

/// The folders of a site that no build may write into or replace.
const KEPT: [&str; 3] = ["content", "snapshots", "themes"];

/// The top-level entries of kieumau's outputs, for a folder whose state is lost (or that a
/// kieumau from before [`MARK`] wrote). A test checks that a build makes no others.
const LEGACY: &[&str] =
    &["index.html", "years", "districts", "types", "criteria", "booklet", "snapshots", "data", "static", "files"];

/// Why an output was refused, as the message to show (code, text, hint).
pub type Refusal = Message;

/// Checks that a build of the site at `root` may replace `output`; changes nothing on disk.
pub fn check(root: &Path, output: &Path, force: bool) -> Result<(), Refusal> {
    let out = resolve(output).map_err(|e| Message::from(e.to_string()))?;
    let site = resolve(root).map_err(|e| Message::from(e.to_string()))?;
    if out == site || site.starts_with(&out) || same_or_inside(&site, output) {
        return Err(crate::diag!("KM0901", dir = output, site = root));
    }
    for kept in KEPT {
        let kept_path = site.join(kept);
        if out.starts_with(&kept_path) || kept_path.starts_with(&out) || same_or_inside(&root.join(kept), output) {
            return Err(crate::diag!("KM0902", dir = output, folder = kept));
        }
    }
    let meta = match fs::symlink_metadata(output) {
        Ok(m) => m,
        Err(_) => return Ok(()),
    };
    if !fs::metadata(output).is_ok_and(|m| m.is_dir()) {
        return Err(crate::diag!("KM0904", dir = output));
    }
    if meta.file_type().is_symlink() {
        // The swap would replace the link, not the folder it points to: harmless, but say nothing.
        return Ok(());
    }
    if force {
        return Ok(());
    }
    let entries = top_level(output).map_err(|e| Message::from(e.to_string()))?;
    if entries.is_empty() {
        return Ok(());
    }
    let marked = fs::read(output.join(MARK)).is_ok_and(|b| b == MARK_BYTES);
    let written = written_top_level(output);
    let foreign: Vec<&String> = match &written {
        Some(names) => entries.iter().filter(|e| e.as_str() != MARK && !names.contains(e)).collect(),
        None => entries.iter().filter(|e| e.as_str() != MARK && !LEGACY.contains(&e.as_str())).collect(),
    };
    let legacy = entries.iter().any(|e| e == "index.html") && output.join("data/site.json").is_file();
    if !marked && written.is_none() && !legacy {
        let first = entries.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        return Err(crate::diag!("KM0903", dir = output, entries = first));
    }
    if !foreign.is_empty() {
        let first = foreign.iter().take(3).map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        return Err(crate::diag!("KM0903", dir = output, entries = first));
    }
    Ok(())
}

/// The names at the top of `dir`, sorted.
fn top_level(dir: &Path) -> io::Result<Vec<String>> {
    let mut names: Vec<String> =
        fs::read_dir(dir)?.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    Ok(names)
}

/// The top-level names of the files the last build wrote into `output`, when its state still
/// describes that folder.
fn written_top_level(output: &Path) -> Option<Vec<String>> {
    let state = State::peek(output)?;
    // The same folder by its device and inode (a file added changes its change time, which is
    // just what must be seen); where there are none, by its creation time.
    let (dev, ino, time) = incremental::tree_id(output)?;
    let (sdev, sino, stime) = state.live.id;
    let same = if (dev, ino) == (0, 0) { time == stime } else { (dev, ino) == (sdev, sino) };
    same.then(|| {
        let mut names: Vec<String> =
            state.live.files.keys().map(|rel| rel.split('/').next().unwrap_or_default().to_string()).collect();
        names.sort();
        names.dedup();
        names
    })
}

/// Whether the folder `outer` (when it exists) is `inner` or one of its ancestors, by file
/// identity: this holds however the two are spelt (links, case-insensitive file systems).
fn same_or_inside(inner: &Path, outer: &Path) -> bool {
    let Ok(outer_meta) = fs::metadata(outer) else {
        return false;
    };
    let id = crate::sys::dev_ino(&outer_meta);
    if id == (0, 0) {
        return false; // no identities here: the resolved paths alone decide
    }
    let Ok(mut dir) = fs::canonicalize(inner) else {
        return false;
    };
    loop {
        if fs::metadata(&dir).is_ok_and(|m| crate::sys::dev_ino(&m) == id) {
            return true;
        }
        if !dir.pop() {
            return false;
        }
    }
}

/// `path` made absolute, each part that exists with its links resolved (so `..` leaves the
/// folder a link points into), the parts not yet made (no links among them) taken as written.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut out = PathBuf::new();
    for c in std::path::absolute(path)?.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => {
                out.push(other.as_os_str());
                // A dangling link stays as written (there is nothing behind it to protect).
                if let (Component::Normal(_), Ok(real)) = (other, fs::canonicalize(&out)) {
                    out = real;
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_follows_what_exists_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir(real.join("a")).unwrap();
        assert_eq!(resolve(&real.join("a/./b/../c")).unwrap(), real.join("a/c"));
        assert_eq!(resolve(&real.join("a/..")).unwrap(), real);
        assert_eq!(resolve(&real.join("x/../a/y")).unwrap(), real.join("a/y"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(real.join("a"), real.join("l")).unwrap();
            assert_eq!(resolve(&real.join("l/z")).unwrap(), real.join("a/z"));
        }
    }
}
