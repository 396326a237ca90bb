//! The branch cache of incremental builds: each clean branch as validated last time, with the
//! size, times and inode of its files. A branch whose files all still match is taken from the
//! cache instead of being read, parsed and checked again (like git's index). Branches with any
//! problem are never cached, so their warnings are reported on every run.
//!
//! The cache is only good for the same site settings and frameworks (branch values hold indices
//! into them) and the same kieumau executable: its `context` key and `version` say so. It lives
//! beside the output (`.<output>.cache`); a missing or unreadable one only means a slower build.

use std::fs;
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::domain::digest::{FastMap, Key};
use crate::domain::model::Branch;

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
    /// Nanoseconds since 1970.
    mtime: i128,
    ctime: i128,
    ino: u64,
}

/// A content folder held open, so that the files in it are stamped without walking their whole
/// paths again (the branch files of a district: tens of thousands of stamps at national scale).
pub struct Folder {
    #[cfg(target_os = "linux")]
    fd: Option<rustix::fd::OwnedFd>,
}

impl Folder {
    pub fn open(path: &Path) -> Folder {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = (!crate::sys::portable()).then(|| rustix::fs::open(path, flags, Mode::empty()).ok()).flatten();
            Folder { fd }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = path;
            Folder {}
        }
    }
}

impl Stamp {
    /// The stamp of `path`, a file directly in `folder`.
    pub fn in_folder(folder: &Folder, path: &Path) -> Option<Stamp> {
        #[cfg(target_os = "linux")]
        if let (Some(fd), Some(name)) = (&folder.fd, path.file_name()) {
            let st = rustix::fs::statat(fd, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW).ok()?;
            // The fields of `struct stat`, as `std`'s metadata gives them.
            #[allow(clippy::unnecessary_cast)]
            return Some(Stamp {
                len: u64::try_from(st.st_size).ok()?,
                mtime: i128::from(st.st_mtime as i64) * 1_000_000_000 + i128::from(st.st_mtime_nsec as i64),
                ctime: i128::from(st.st_ctime as i64) * 1_000_000_000 + i128::from(st.st_ctime_nsec as i64),
                ino: st.st_ino as u64,
            });
        }
        let _ = folder;
        Stamp::of(path)
    }

    pub fn of(path: &Path) -> Option<Stamp> {
        let m = fs::symlink_metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            mtime: crate::sys::mtime_ns(&m),
            ctime: crate::sys::ctime_ns(&m),
            ino: crate::sys::dev_ino(&m).1,
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
    entries: FastMap<String, Entry>,
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
            .filter(|s| s.version == crate::content::cache::tool_id() && s.context == context)
            .unwrap_or_default();
        BranchCache {
            old: Stored { context, version: crate::content::cache::tool_id().into(), ..old },
            reused: Mutex::default(),
            new: Mutex::default(),
        }
    }

    /// The cached branch whose files are exactly `files` (paths on disk, relative names), all
    /// unchanged. It is kept for the next run.
    pub fn get(&self, toml_rel: &str, files: &[(&Path, &str)], folder: &Folder) -> Option<Entry> {
        let e = self.old.entries.get(toml_rel)?;
        let same = e.files.len() == files.len()
            && e.files
                .iter()
                .zip(files)
                .all(|((rel, stamp, _), (path, r))| rel == r && Stamp::in_folder(folder, path) == Some(*stamp));
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
        let new = self.new.into_inner().unwrap_or_else(|e| e.into_inner());
        let reused = self.reused.into_inner().unwrap_or_else(|e| e.into_inner());
        if new.is_empty() && reused.len() == self.old.entries.len() && path.exists() {
            // Every entry used again and none added: the file on disk is this cache already.
            return Ok(());
        }
        let mut entries: FastMap<String, Entry> = new.into_iter().collect();
        for rel in reused {
            if let Some(e) = self.old.entries.remove(&rel) {
                entries.insert(rel, e);
            }
        }
        let stored = Stored { version: self.old.version, context: self.old.context, entries };
        let bytes = postcard::to_stdvec(&stored).map_err(std::io::Error::other)?;
        crate::sys::write_atomic(path, |w| w.write_all(&bytes))
    }
}

/// This kieumau: its version and the size and time of its executable, so that any other build of
/// the program (a new release, or a developer's rebuild with the same version number) never
/// trusts what this one kept.
pub fn tool_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe().and_then(std::fs::metadata).ok();
        let stamp = exe
            .map(|m| {
                let t =
                    m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
                format!("{}-{}.{}", m.len(), t.as_secs(), t.subsec_nanos())
            })
            .unwrap_or_default();
        format!("{}+{stamp}", env!("CARGO_PKG_VERSION"))
    })
}
