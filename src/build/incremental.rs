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
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::build::splice::Layout;
pub use crate::content::cache::tool_id;
pub use crate::domain::digest::{FastMap, Key, hex, key};
pub use crate::report::deps::Deps;
use crate::report::pieces::Frag;

/// One tree of output files: its identity and the key of every file in it.
#[derive(Debug, Default, Clone)]
pub struct Tree {
    pub id: TreeId,
    pub files: FastMap<String, Key>,
    /// The files made of pieces (see [`crate::build::splice`]), with where each piece lies.
    pub layouts: FastMap<String, Layout>,
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

const MAGIC: &str = "kieumau-state 2";

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

impl State {
    /// The state of the output at `target`, if it is readable and still describes the folders
    /// there; a previous tree that no longer matches is dropped (and should be removed).
    pub fn load(target: &Path) -> Option<State> {
        let file = fs::File::open(state_path(target)).ok()?;
        let mut lines = io::BufReader::with_capacity(1 << 16, file).lines();
        if lines.next()?.ok()? != format!("{MAGIC} {}", tool_id()) {
            return None;
        }
        // Trees in file order: the live one, then the previous one if kept.
        let mut trees: Vec<Tree> = Vec::new();
        let mut layout: Option<String> = None;
        for line in lines {
            let line = line.ok()?;
            if let Some(id) = line.strip_prefix("live ").filter(|_| trees.is_empty()) {
                trees.push(Tree { id: parse_id(id)?, ..Tree::default() });
            } else if let Some(id) = line.strip_prefix("prev ").filter(|_| trees.len() == 1) {
                trees.push(Tree { id: parse_id(id)?, ..Tree::default() });
            } else if let Some(rest) = line.strip_prefix("* ") {
                // `* <inode> <size> <mtime> <path>`: a file made of pieces, listed next as `+` lines.
                let mut it = rest.splitn(4, ' ');
                let stamp = (it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?);
                let path = it.next()?.to_string();
                trees.last_mut()?.layouts.insert(path.clone(), Layout { stamp, frags: Vec::new() });
                layout = Some(path);
            } else if let Some(rest) = line.strip_prefix("+ ") {
                let mut it = rest.split(' ');
                let key = parse_key(it.next()?)?;
                let (at, len, meta) = (it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?);
                trees.last_mut()?.layouts.get_mut(layout.as_ref()?)?.frags.push(Frag { key, at, len, meta });
            } else {
                let (k, path) = line.split_once(' ')?;
                layout = None;
                trees.last_mut()?.files.insert(path.to_string(), parse_key(k)?);
            }
        }
        let mut trees = trees.into_iter();
        let mut state = State { live: trees.next()?, prev: None };
        let prev = trees.next();
        if tree_id(target) != Some(state.live.id) {
            return None;
        }
        state.prev = prev.filter(|p| tree_id(&prev_path(target)) == Some(p.id));
        Some(state)
    }

    /// Writes the state atomically (a temporary file renamed over the old one).
    pub fn save(&self, target: &Path) -> io::Result<()> {
        let path = state_path(target);
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        let mut w = io::BufWriter::with_capacity(1 << 16, fs::File::create(&tmp)?);
        writeln!(w, "{MAGIC} {}", tool_id())?;
        for (tag, tree) in [("live", Some(&self.live)), ("prev", self.prev.as_ref())] {
            let Some(tree) = tree else { continue };
            writeln!(w, "{tag} {} {} {}", tree.id.0, tree.id.1, tree.id.2)?;
            let mut files: Vec<_> = tree.files.iter().collect();
            files.sort();
            for (path, k) in files {
                writeln!(w, "{} {path}", hex(k))?;
                if let Some(l) = tree.layouts.get(path) {
                    writeln!(w, "* {} {} {} {path}", l.stamp.0, l.stamp.1, l.stamp.2)?;
                    for f in &l.frags {
                        writeln!(w, "+ {} {} {} {}", hex(&f.key), f.at, f.len, f.meta)?;
                    }
                }
            }
        }
        w.into_inner().map_err(|e| e.into_error())?;
        fs::rename(&tmp, &path)
    }

    /// Forgets the state (before anything that would make it wrong).
    pub fn remove(target: &Path) {
        let _ = fs::remove_file(state_path(target));
    }
}

fn parse_id(s: &str) -> Option<TreeId> {
    let mut it = s.split(' ');
    let id = (it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?);
    it.next().is_none().then_some(id)
}

fn parse_key(s: &str) -> Option<Key> {
    if s.len() != 32 {
        return None;
    }
    let digit = |c: u8| char::from(c).to_digit(16).and_then(|d| u8::try_from(d).ok());
    let mut k = [0u8; 16];
    for (b, pair) in k.iter_mut().zip(s.as_bytes().chunks_exact(2)) {
        *b = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        live.files.insert("a b/index.html".into(), key(&[b"1"]));
        live.files.insert("data/x.csv".into(), key(&[b"2"]));
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
        fs::write(state_path(&target), format!("{MAGIC} {}\nlive 1 2 3\nzz path\n", tool_id())).unwrap();
        assert!(State::load(&target).is_none());
    }
}
