//! The branch cache of incremental builds: each clean branch as validated last time, with the
//! size, times and inode of its files. A branch whose files all still match is taken from the
//! cache instead of being read, parsed and checked again (like git's index). Branches with any
//! problem are never cached, so their warnings are reported on every run.
//!
//! The cache is only good for the same site settings and frameworks (branch values hold indices
//! into them) and the same kieumau executable: its `context` key and `version` say so. It lives
//! beside the output (`.<output>.cache`); a missing or unreadable one only means a slower build.

use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::incremental::Key;
use crate::model::Branch;

static PENDING: Mutex<Vec<std::thread::JoinHandle<()>>> = Mutex::new(Vec::new());

/// Waits until the caches being written in the background are written.
pub fn wait_for_save() {
    let handles = PENDING.lock().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default();
    for h in handles {
        let _ = h.join();
    }
}

/// What identifies a file's version without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = fs::symlink_metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
        })
    }
}

/// One branch: its files (path, stamp, digest) and its value.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub files: Vec<(String, Stamp, [u8; 32])>,
    pub branch: Branch,
}

#[derive(Default, Serialize, Deserialize)]
struct Stored {
    version: String,
    context: Key,
    /// By the path of the branch's TOML file.
    entries: HashMap<String, Entry>,
}

/// The cache read at the start of a run, and what the run keeps for the next one: entries it
/// used again (by their path) and entries it made.
#[derive(Default)]
pub struct BranchCache {
    old: Stored,
    reused: Mutex<Vec<String>>,
    new: Mutex<Vec<(String, Entry)>>,
}

impl BranchCache {
    /// The cache at `path` if it was made for this `context`; else an empty one.
    pub fn load(path: &Path, context: Key) -> BranchCache {
        let old = fs::read(path)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<Stored>(&bytes).ok())
            .filter(|s| s.version == crate::incremental::tool_id() && s.context == context)
            .unwrap_or_default();
        BranchCache {
            old: Stored { context, version: crate::incremental::tool_id().into(), ..old },
            reused: Mutex::default(),
            new: Mutex::default(),
        }
    }

    /// The cached branch whose files are exactly `files` (paths on disk, relative names), all
    /// unchanged. It is kept for the next run.
    pub fn get(&self, toml_rel: &str, files: &[(&Path, &str)]) -> Option<Entry> {
        let e = self.old.entries.get(toml_rel)?;
        let same = e.files.len() == files.len()
            && e.files
                .iter()
                .zip(files)
                .all(|((rel, stamp, _), (path, r))| rel == r && Stamp::of(path) == Some(*stamp));
        if !same {
            return None;
        }
        if let Ok(mut reused) = self.reused.lock() {
            reused.push(toml_rel.to_string());
        }
        Some(e.clone())
    }

    /// Remembers a branch validated without any problem, for the next run.
    pub fn keep(&self, toml_rel: &str, entry: Entry) {
        if let Ok(mut new) = self.new.lock() {
            new.push((toml_rel.to_string(), entry));
        }
    }

    /// Writes the cache on a thread of its own, while the build goes on; [`wait_for_save`] waits
    /// for it. Failing to write it only makes the next build slower.
    pub fn save_in_background(self, path: &Path) {
        let path = path.to_path_buf();
        let handle = std::thread::spawn(move || {
            let _ = self.save(&path);
        });
        if let Ok(mut pending) = PENDING.lock() {
            pending.push(handle);
        }
    }

    /// Writes what this run validated (atomically: a temporary file renamed over the old one).
    pub fn save(mut self, path: &Path) -> std::io::Result<()> {
        // A poisoned lock means a validating thread panicked: then keep what there is.
        let mut entries: HashMap<String, Entry> =
            self.new.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().collect();
        for rel in self.reused.into_inner().unwrap_or_else(|e| e.into_inner()) {
            if let Some(e) = self.old.entries.remove(&rel) {
                entries.insert(rel, e);
            }
        }
        let stored = Stored { version: self.old.version, context: self.old.context, entries };
        let bytes = postcard::to_stdvec(&stored).map_err(std::io::Error::other)?;
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, path)
    }
}
