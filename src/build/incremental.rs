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

use std::collections::HashMap;

/// A map keyed by paths or keys made by kieumau itself: hashed fast (tens of thousands of
/// lookups per build), with no need to resist chosen keys.
pub type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
use std::fs;
use std::io::{self, BufRead, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::build::splice::{Frag, Layout};
use crate::domain::model::Content;

/// The hash of a file's inputs.
pub type Key = [u8; 16];

/// A key over `parts`, each length-prefixed so that no two part lists collide.
pub fn key(parts: &[&[u8]]) -> Key {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    let full = h.finalize();
    let mut k = [0u8; 16];
    k.copy_from_slice(full.get(..16).unwrap_or(&[0; 16]));
    k
}

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
    m.is_dir().then(|| (m.dev(), m.ino(), i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec())))
}

/// What the last build left: the live output and, when kept, the tree before it.
#[derive(Debug, Default)]
pub struct State {
    pub live: Tree,
    pub prev: Option<Tree>,
}

const MAGIC: &str = "kieumau-state 2";

/// This kieumau: its version and the size and time of its executable, so that any other build of
/// the program (a new release, or a developer's rebuild with the same version number) never
/// trusts what this one kept.
pub fn tool_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe().and_then(fs::metadata).ok();
        let stamp = exe.map(|m| format!("{}-{}.{}", m.len(), m.mtime(), m.mtime_nsec())).unwrap_or_default();
        format!("{}+{stamp}", env!("CARGO_PKG_VERSION"))
    })
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
    let name = target.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{tag}"))
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

/// What the pages depend on, as keys: the site as a whole, and each district and branch.
pub struct Deps {
    /// The site settings and frameworks: what every page's figures are computed with.
    site_data: Key,
    /// Everything else every page is made with: the theme, the build's options, the years.
    global: Key,
    /// The whole content.
    all: Key,
    /// The years of the site, as bytes.
    years: Vec<u8>,
    /// Per district: its own files (`district.toml`, notes) and all files under its folder.
    district_own: Vec<Key>,
    district_all: Vec<Key>,
    /// Per district and branch: the branch's files (`<branch>.toml`, notes).
    branch: Vec<Vec<Key>>,
}

impl Deps {
    /// `build` names everything besides the content that every page shows (options, theme, …).
    pub fn new<'a>(content: &'a Content, years: &[i32], build: &[&[u8]]) -> Deps {
        // Files by folder, in path order: `content/districts/<d>/<file>` under `<d>`.
        let mut site_data = Vec::new();
        let mut by_district: FastMap<&str, Vec<(&str, &[u8; 32])>> = FastMap::default();
        for (rel, digest) in &content.digests {
            let rest = rel.strip_prefix("content/").unwrap_or(rel);
            if let Some((d, file)) = rest.strip_prefix("districts/").and_then(|r| r.split_once('/')) {
                by_district.entry(d).or_default().push((file, digest));
            } else if rest == "site.toml" || rest.starts_with("criteria/") {
                site_data.push(rel.as_bytes());
                site_data.push(&digest[..]);
            }
        }
        let site_data = key(&site_data);
        let year_bytes: Vec<u8> = years.iter().flat_map(|y| y.to_le_bytes()).collect();
        let mut global: Vec<&[u8]> = vec![&site_data, tool_id().as_bytes(), &year_bytes];
        global.extend_from_slice(build);
        let global = key(&global);
        let files_key = |files: &mut dyn Iterator<Item = &(&str, &[u8; 32])>| {
            let parts: Vec<&[u8]> = files.flat_map(|(f, d)| [f.as_bytes(), &d[..]]).collect();
            key(&parts)
        };
        let (mut district_own, mut district_all, mut branch) = (Vec::new(), Vec::new(), Vec::new());
        for d in &content.districts {
            let files = by_district.get(d.slug.as_str()).map_or(&[][..], Vec::as_slice);
            let stem = |f: &'a str| f.split('.').next().unwrap_or_default();
            // The folder's name too: two districts may hold the same files, and the pieces of a
            // file that lists every district must never take one for the other.
            let named = |k: Key| key(&[d.slug.as_bytes(), &k]);
            district_own.push(named(files_key(&mut files.iter().filter(|(f, _)| stem(f) == "district"))));
            district_all.push(named(files_key(&mut files.iter())));
            // A branch's files share its slug as their stem (slugs have no dots).
            let mut by_stem: FastMap<&str, Vec<(&str, &[u8; 32])>> = FastMap::default();
            for &(f, dg) in files {
                by_stem.entry(stem(f)).or_default().push((f, dg));
            }
            branch.push(
                d.branches
                    .iter()
                    .map(|b| files_key(&mut by_stem.get(b.slug.as_str()).map_or(&[][..], Vec::as_slice).iter()))
                    .collect(),
            );
        }
        Deps {
            site_data,
            years: year_bytes,
            global,
            all: key(&[content.hash.as_bytes()]),
            district_own,
            district_all,
            branch,
        }
    }

    /// A branch page: the branch, its district's name, the site.
    pub fn branch_page(&self, di: usize, bi: usize) -> Key {
        key(&[&self.global, &self.district_own[di], &self.branch[di][bi]])
    }

    /// The data version a branch page shows: a hash of the content it is made from.
    pub fn branch_version(&self, di: usize, bi: usize) -> String {
        short(&key(&[&self.site_data, &self.district_own[di], &self.branch[di][bi]]))
    }

    /// A district page: everything in the district's folder, the site.
    pub fn district_page(&self, di: usize) -> Key {
        key(&[&self.global, &self.district_all[di]])
    }

    pub fn district_version(&self, di: usize) -> String {
        short(&key(&[&self.site_data, &self.district_all[di]]))
    }

    /// What one district's rows in the data files are made from: its folder, the site's settings
    /// and frameworks, the years, this kieumau; not the theme or the build's options.
    pub fn district_data(&self, di: usize) -> Key {
        key(&[&self.site_data, &self.years, tool_id().as_bytes(), &self.district_all[di]])
    }

    /// Any other file: the whole content, plus what else it shows (`extra`).
    pub fn whole(&self, extra: &[u8]) -> Key {
        key(&[&self.global, &self.all, extra])
    }
}

fn short(k: &Key) -> String {
    hex(k.get(..4).unwrap_or_default())
}

/// Bytes as lowercase hex digits (keys, content hashes, tokens).
pub fn hex(k: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(2 * k.len());
    for b in k {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
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
