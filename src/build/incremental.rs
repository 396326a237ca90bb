//! Incremental builds: what each of the last two builds wrote, so that the next build renders
//! only the pages whose inputs changed.
//!
//! Every file of the output gets a *key*, a hash of everything it is made from. The state file
//! beside the output (`.<output>.state`) keeps the keys of two trees: the live output and the
//! previous build, which the last swap left at `.<output>.prev` instead of deleting it. The next
//! build updates that previous tree in place, file by file: a file whose key it already has stays;
//! one the live output has is hard-linked from there; only the rest is rendered. Then the two
//! trees trade places in one atomic rename, as in a full build. So a one-branch edit costs a few
//! files, not a copy of the whole site, and the live output is never touched until the swap.
//!
//! Each tree is known by its folder's device and inode numbers, which a rename keeps. If they do
//! not match the state (a build was killed after the swap, or someone replaced the folder), or the
//! state is missing or unreadable, the build starts afresh.

use std::fs;
use std::io;

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::build::splice::Layout;
pub use crate::content::cache::tool_id;
pub use crate::domain::digest::{FastMap, Key, hex, key};
pub use crate::report::deps::Deps;

/// One tree of output files: its identity, and the key of every file in it with its stamp as
/// the build left it.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Tree {
    pub id: TreeId,
    pub files: FastMap<String, (Key, Stamp)>,
    /// The files made of pieces (see [`crate::build::splice`]), with where each piece lies.
    pub layouts: FastMap<String, Layout>,
}

/// A file's size and modification time. A file changed in place since the build wrote it (say
/// `: > output/data/branches.csv`, which the hard-linked previous tree shares) no longer has its
/// stamp, and the next build writes it again instead of keeping it.
pub type Stamp = (u64, i128);

/// The stamp of the regular file at `path`.
pub fn stamp_of(path: &Path) -> Option<Stamp> {
    let m = fs::symlink_metadata(path).ok()?;
    m.is_file().then(|| (m.len(), crate::sys::mtime_ns(&m)))
}

impl Tree {
    /// Whether the tree holds `rel` with `key`, and the file at `path` is as the tree left it.
    pub fn holds(&self, rel: &str, key: &Key, path: &Path) -> Option<Stamp> {
        let (k, stamp) = self.files.get(rel)?;
        if k != key {
            return None;
        }
        let now = stamp_of(path)?;
        (*stamp == now).then_some(now)
    }
}

/// A folder's device, inode and change time: renames keep the first two, and a folder made anew
/// (even on a reused inode) or changed by hand differs in the third.
pub type TreeId = (u64, u64, i128);

/// The identity of a folder, if it exists.
pub fn tree_id(dir: &Path) -> Option<TreeId> {
    let m = fs::symlink_metadata(dir).ok()?;
    let (dev, ino) = crate::sys::dev_ino(&m);
    m.is_dir().then(|| (dev, ino, crate::sys::ctime_ns(&m)))
}

/// What the last build left: the live output and, when kept, the tree before it.
#[derive(Debug, Default)]
pub struct State {
    pub live: Tree,
    pub prev: Option<Tree>,
}

/// `.<name>.state` beside the output folder.
pub fn state_path(target: &Path) -> PathBuf {
    sibling(target, "state")
}

/// `.<name>.lock` beside the output folder: held by the build writing it.
pub fn lock_path(target: &Path) -> PathBuf {
    sibling(target, "lock")
}

/// `.<name>.prev` beside the output folder: the tree of the build before the live one.
pub fn prev_path(target: &Path) -> PathBuf {
    sibling(target, "prev")
}

/// `.<name>.cache` beside the output folder: the branch cache (see [`crate::content::cache`]);
/// `None` when the output's folder cannot be found.
pub fn cache_path(target: &Path) -> Option<PathBuf> {
    let target = if target.is_absolute() { target.to_path_buf() } else { std::env::current_dir().ok()?.join(target) };
    target.parent().is_some_and(Path::is_dir).then(|| sibling(&target, "cache"))
}

fn sibling(target: &Path, tag: &str) -> PathBuf {
    crate::sys::beside(target, tag)
}

/// The state file's content: which kieumau wrote it, then the trees.
#[derive(Serialize, Deserialize)]
struct Stored {
    tool: String,
    live: Tree,
    prev: Option<Tree>,
}

impl State {
    /// The state of the output at `target`, if it is readable and still describes the folders
    /// there; a previous tree that no longer matches is dropped (and should be removed).
    pub fn load(target: &Path) -> Option<State> {
        let bytes = fs::read(state_path(target)).ok()?;
        let stored: Stored = postcard::from_bytes(&bytes).ok()?;
        if stored.tool != tool_id() || tree_id(target) != Some(stored.live.id) {
            return None;
        }
        let prev = stored.prev.filter(|p| tree_id(&prev_path(target)) == Some(p.id));
        Some(State { live: stored.live, prev })
    }

    /// The state as written, by whichever kieumau, without checking the folders: for tests and
    /// diagnostics, never for a build.
    pub fn peek(target: &Path) -> Option<State> {
        let stored: Stored = postcard::from_bytes(&fs::read(state_path(target)).ok()?).ok()?;
        Some(State { live: stored.live, prev: stored.prev })
    }

    /// Writes the state atomically (see [`crate::sys::write_atomic`]).
    pub fn save(&self, target: &Path) -> io::Result<()> {
        #[derive(Serialize)]
        struct Borrowed<'a> {
            tool: &'a str,
            live: &'a Tree,
            prev: Option<&'a Tree>,
        }
        let stored = Borrowed { tool: tool_id(), live: &self.live, prev: self.prev.as_ref() };
        let bytes = postcard::to_stdvec(&stored).map_err(io::Error::other)?;
        crate::sys::write_atomic(&state_path(target), |w| w.write_all(&bytes))
    }

    /// Forgets the state (before anything that would make it wrong).
    pub fn remove(target: &Path) {
        let _ = fs::remove_file(state_path(target));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pieces::Frag;

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"ab", b"c"]), key(&[b"ab", b"c"]));
    }

    #[test]
    fn state_round_trips_and_checks_the_folders() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        fs::create_dir(&target).unwrap();
        fs::create_dir(prev_path(&target)).unwrap();
        let mut live = Tree { id: tree_id(&target).unwrap(), ..Tree::default() };
        live.files.insert("a b/index.html".into(), (key(&[b"1"]), (10, 1)));
        live.files.insert("data/x.csv".into(), (key(&[b"2"]), (20, 2)));
        let frags = vec![
            Frag { key: key(&[b"p"]), at: 3, len: 10, meta: 7 },
            Frag { key: key(&[b"q"]), at: 13, len: 0, meta: 0 },
        ];
        live.layouts.insert("data/x.csv".into(), Layout { stamp: (1, 23, -4), frags });
        let prev = Tree { id: tree_id(&prev_path(&target)).unwrap(), ..Tree::default() };
        State { live: live.clone(), prev: Some(prev) }.save(&target).unwrap();

        let back = State::load(&target).unwrap();
        assert_eq!(back.live.files, live.files);
        assert_eq!(back.live.layouts, live.layouts);
        assert!(back.prev.is_some());

        // A replaced previous tree is not trusted; a replaced output voids the state.
        fs::remove_dir(prev_path(&target)).unwrap();
        fs::create_dir(dir.path().join("other")).unwrap();
        fs::create_dir(prev_path(&target)).unwrap();
        assert!(State::load(&target).unwrap().prev.is_none());
        fs::remove_dir(&target).unwrap();
        fs::rename(dir.path().join("other"), &target).unwrap();
        assert!(State::load(&target).is_none());
    }

    #[test]
    fn a_damaged_state_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        fs::create_dir(&target).unwrap();
        fs::write(state_path(&target), b"\x05kieumau\x01\x02garbage").unwrap();
        assert!(State::load(&target).is_none());
        // A state another kieumau wrote is not trusted either.
        let live = Tree { id: tree_id(&target).unwrap(), ..Tree::default() };
        let other = Stored { tool: "kieumau 0.0.0".into(), live, prev: None };
        fs::write(state_path(&target), postcard::to_stdvec(&other).unwrap()).unwrap();
        assert!(State::load(&target).is_none());
    }
}
