//! Write: the build goes into a fresh folder beside the output, and only a complete build
//! replaces the old output. A failed or killed build leaves the previous output as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::build::incremental::{self, FastMap, Key, Stamp, State, Tree};
use crate::build::splice::{self, Layout, OldFile, PieceSink, Sink};
use crate::report::emit::Emit;

/// A build in progress: files are written under a temporary folder until [`Output::commit`].
pub struct Output {
    staging: PathBuf,
    target: PathBuf,
    /// What the last builds left, when known (see [`crate::build::incremental`]).
    state: Option<State>,
    /// Whether `staging` is the previous build's tree, updated in place: its files may be hard
    /// links shared with the live output, so they are replaced, never written into.
    reuse: bool,
    /// The key of every file of this build.
    keys: Mutex<FastMap<String, Key>>,
    /// The files of this build made of pieces (written, or carried with their pieces).
    layouts: Mutex<FastMap<String, Layout>>,
    /// The stamps of the files carried over (written files are stamped when committed).
    stamps: Mutex<FastMap<String, Stamp>>,
    /// Files kept or linked instead of written.
    carried: std::sync::atomic::AtomicUsize,
    /// Held for the whole build: two builds into one output wait for each other, since both
    /// would update the same previous tree.
    _lock: Option<fs::File>,
}

/// An output locked for a build, with what the last builds left there.
pub struct Claim {
    target: PathBuf,
    lock: fs::File,
    state: Option<State>,
}

/// What a build that knows its keys did with its files.
#[derive(Debug, Default, Clone, Copy)]
pub struct Reuse {
    /// Files kept from the previous tree or linked from the live output.
    pub carried: usize,
    /// Files written.
    pub written: usize,
}

fn sibling(target: &Path, tag: &str) -> PathBuf {
    crate::sys::beside(target, &format!("{tag}-{}", std::process::id()))
}

impl Emit for Output {
    fn offer(&self, rel: &str, key: Key) -> io::Result<bool> {
        Output::offer(self, rel, key)
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        Output::write(self, rel, bytes)
    }

    fn old_pieces(&self, rel: &str) -> Option<OldFile> {
        Output::old_pieces(self, rel)
    }

    fn write_streamed(
        &self,
        rel: &str,
        old: Option<&OldFile>,
        fill: &mut dyn FnMut(&mut dyn PieceSink) -> io::Result<()>,
    ) -> io::Result<()> {
        Output::write_streamed(self, rel, old, fill)
    }
}

impl Output {
    /// Starts a build that will replace `target`.
    pub fn begin(target: &Path) -> io::Result<Self> {
        let target = absolute(target)?;
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        clean_leftovers(&target);
        let staging = sibling(&target, "new");
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir_all(&staging)?;
        Ok(Output {
            staging,
            target,
            state: None,
            reuse: false,
            keys: Mutex::default(),
            layouts: Mutex::default(),
            stamps: Mutex::default(),
            carried: Default::default(),
            _lock: None,
        })
    }

    /// Takes the output's lock and reads what the last builds left, changing nothing (so it can
    /// run beside the content's checks, which may still fail).
    pub fn claim(target: &Path) -> io::Result<Claim> {
        let target = absolute(target)?;
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let lock = fs::File::create(incremental::lock_path(&target))?;
        lock.lock()?;
        let state = State::load(&target);
        Ok(Claim { target, lock, state })
    }

    /// Starts the build [`Output::claim`] prepared, which may carry over files from the last
    /// builds: in place in the previous tree when there is one, else into a fresh folder with
    /// unchanged files hard-linked from the live output. Without a usable state, this is
    /// [`Output::begin`].
    pub fn resume(claim: Claim) -> io::Result<Self> {
        let Claim { target, lock, state } = claim;
        let Some(state) = state else {
            let mut out = Output::begin(&target)?;
            out._lock = Some(lock);
            return Ok(out);
        };
        let prev = incremental::prev_path(&target);
        // From here the previous tree changes: a build killed before its end must not trust it.
        State::remove(&target);
        if state.prev.is_some() {
            clean_leftovers(&target);
            return Ok(Output {
                staging: prev,
                target,
                state: Some(state),
                reuse: true,
                keys: Mutex::default(),
                layouts: Mutex::default(),
                stamps: Mutex::default(),
                carried: Default::default(),
                _lock: Some(lock),
            });
        }
        if prev.exists() {
            remove_tree(&prev)?;
        }
        let mut out = Output::begin(&target)?;
        out.state = Some(state);
        out._lock = Some(lock);
        Ok(out)
    }

    /// Records the key of `rel` and says whether it must be written: `false` when the file is
    /// already in place (the previous tree has it with this key) or was linked from the live
    /// output.
    pub fn offer(&self, rel: &str, key: Key) -> io::Result<bool> {
        if let Ok(mut keys) = self.keys.lock() {
            keys.insert(rel.to_string(), key);
        }
        let Some(state) = &self.state else {
            return Ok(true);
        };
        let carried = |from: &Tree, stamp: Option<Stamp>| {
            self.carried.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if let (Some(l), Ok(mut layouts)) = (from.layouts.get(rel), self.layouts.lock()) {
                layouts.insert(rel.to_string(), l.clone());
            }
            if let (Some(stamp), Ok(mut stamps)) = (stamp, self.stamps.lock()) {
                stamps.insert(rel.to_string(), stamp);
            }
            Ok(false)
        };
        // A file is kept only if it is still as its build left it (13.4: one emptied or edited in
        // place is written again).
        if let Some(prev) = state.prev.as_ref().filter(|_| self.reuse)
            && let Some(stamp) = prev.holds(rel, &key, &self.staging.join(rel))
        {
            return carried(prev, Some(stamp));
        }
        if let Some(stamp) = state.live.holds(rel, &key, &self.target.join(rel)) {
            let to = self.staging.join(rel);
            if self.reuse {
                remove_file_if_any(&to)?;
            } else if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)?;
            }
            match fs::hard_link(self.target.join(rel), &to) {
                Ok(()) => return carried(&state.live, Some(stamp)),
                // Missing from the live output after all (changed by hand): make it.
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
                Err(e) if self.reuse => return Err(e),
                Err(_) => {
                    // No hard links here (another file system): copy instead (a new stamp).
                    fs::copy(self.target.join(rel), &to)?;
                    return carried(&Tree::default(), None);
                }
            }
        }
        Ok(true)
    }

    /// Writes a file keyed by its own bytes, unless it is already there.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if self.offer(rel, incremental::key(&[bytes]))? { self.write(rel, bytes) } else { Ok(()) }
    }

    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Writes one file, `rel` being a `/`-separated path made by kieumau from validated slugs.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.prepare(rel)?;
        fs::write(&path, bytes)
    }

    /// The live copy of `rel` with its pieces, when the last build wrote it in pieces and it has
    /// not changed since.
    pub fn old_pieces(&self, rel: &str) -> Option<OldFile> {
        let layout = self.state.as_ref()?.live.layouts.get(rel)?;
        splice::open_old(fs::File::open(self.target.join(rel)).ok()?, layout)
    }

    /// Writes `rel` from the pieces `fill` pushes as it makes them (a big file is never whole in
    /// memory), the old ones copied from `old`.
    pub fn write_streamed(
        &self,
        rel: &str,
        old: Option<&OldFile>,
        fill: &mut dyn FnMut(&mut dyn PieceSink) -> io::Result<()>,
    ) -> io::Result<()> {
        let path = self.prepare(rel)?;
        let file = fs::File::create(&path)?;
        let mut sink = Sink::new(&file, old);
        fill(&mut sink)?;
        let frags = sink.finish()?;
        let stamp = splice::stamp(&file.metadata()?);
        if let Ok(mut layouts) = self.layouts.lock() {
            layouts.insert(rel.to_string(), Layout { stamp, frags });
        }
        Ok(())
    }

    /// Copies the file at `from` to `rel`.
    pub fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let path = self.prepare(rel)?;
        fs::copy(from, path).map(drop)
    }

    /// The path to write `rel` at, with its folder made and, in a reused tree, the old file gone.
    fn prepare(&self, rel: &str) -> io::Result<PathBuf> {
        let path = self.staging.join(rel);
        if self.reuse {
            remove_file_if_any(&path)?;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        Ok(path)
    }

    /// Creates one file for streaming into, like [`Output::write`].
    pub fn create(&self, rel: &str) -> io::Result<io::BufWriter<fs::File>> {
        let path = self.prepare(rel)?;
        Ok(io::BufWriter::with_capacity(1 << 16, fs::File::create(&path)?))
    }

    /// Swaps the finished build in for the old output. On Linux the two folders trade places in
    /// one atomic step, so that there is an output at every moment, even if the process is killed;
    /// elsewhere the old output is moved aside first (a killed swap is repaired by the next build).
    pub fn commit(self) -> io::Result<Reuse> {
        let Output { staging, target, state, reuse, keys, layouts, stamps, carried, _lock } = self;
        let failed = || io::Error::other(crate::msg!("build-internal", what = "render-thread"));
        let keys = keys.into_inner().map_err(|_| failed())?;
        let mut layouts = layouts.into_inner().map_err(|_| failed())?;
        layouts.retain(|rel, _| keys.contains_key(rel));
        let mut stamps = stamps.into_inner().map_err(|_| failed())?;
        let carried = carried.into_inner();
        let (old_live, old_prev) = state.map_or((None, None), |s| (Some((s.live.files, s.live.layouts)), s.prev));
        if let Some(prev) = old_prev.filter(|_| reuse) {
            for rel in prev.files.keys().filter(|rel| !keys.contains_key(*rel)) {
                remove_file_if_any(&staging.join(rel))?;
                remove_empty_parents(&staging, rel);
            }
        }
        swap(&staging, &target)?;
        // The replaced output is kept as the previous tree when its keys are known.
        let prev_dir = incremental::prev_path(&target);
        let prev = match old_live {
            Some((files, layouts)) if reuse => incremental::tree_id(&prev_dir).map(|id| Tree { id, files, layouts }),
            Some((files, layouts)) => {
                if prev_dir.exists() {
                    remove_tree(&prev_dir)?;
                }
                fs::rename(&staging, &prev_dir).ok().and_then(|_| incremental::tree_id(&prev_dir)).map(|id| Tree {
                    id,
                    files,
                    layouts,
                })
            }
            None => {
                if staging.exists() {
                    remove_tree(&staging)?;
                }
                if prev_dir.exists() {
                    remove_tree(&prev_dir)?;
                }
                None
            }
        };
        let written = keys.len().saturating_sub(carried);
        // The files written now get their stamps as they lie in the new output; a file that
        // cannot be read gets none, and the next build writes it again.
        let files: FastMap<String, (Key, Stamp)> = keys
            .into_iter()
            .map(|(rel, key)| {
                let stamp = stamps.remove(&rel).or_else(|| incremental::stamp_of(&target.join(&rel)));
                (rel, (key, stamp.unwrap_or((u64::MAX, 0))))
            })
            .collect();
        if let Some(id) = incremental::tree_id(&target) {
            State { live: Tree { id, files, layouts }, prev }.save(&target)?;
        }
        Ok(Reuse { carried, written })
    }

    /// Moves the finished build into place only if nothing is there yet (snapshots are never
    /// overwritten); otherwise the build is abandoned and an error returned.
    pub fn commit_new(self) -> io::Result<()> {
        if self.target.exists() {
            let msg = crate::msg!("snapshot-never-overwritten", dir = &self.target);
            self.abort();
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, msg));
        }
        fs::rename(&self.staging, &self.target)
    }

    /// Abandons the build, leaving the old output untouched.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

/// Puts the staging folder in the output's place; the old output ends up at the staging path (or
/// is gone, when there was none).
fn swap(staging: &Path, target: &Path) -> io::Result<()> {
    let had_old = fs::symlink_metadata(target).is_ok();
    #[cfg(target_os = "linux")]
    if had_old && !crate::sys::portable() {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staging, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // The file system or kernel cannot exchange: swap in two steps below.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let old = sibling(target, "old");
    if had_old {
        fs::rename(target, &old)?;
    }
    if let Err(e) = fs::rename(staging, target) {
        if had_old {
            // Put the old output back before reporting.
            let _ = fs::rename(&old, target);
        }
        return Err(e);
    }
    if had_old {
        fs::rename(&old, staging)?;
    }
    Ok(())
}

fn remove_file_if_any(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Removes the folders above `rel` that are left empty, up to `root`.
fn remove_empty_parents(root: &Path, rel: &str) {
    let mut dir = Path::new(rel).parent();
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if fs::remove_dir(root.join(d)).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Removes a whole tree, its top folders in parallel (an old output can hold a million files).
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<PathBuf> = fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.par_iter().try_for_each(|p| if p.is_dir() { remove_tree(p) } else { remove_file_if_any(p) })?;
    fs::remove_dir(dir)
}

fn absolute(p: &Path) -> io::Result<PathBuf> {
    if p.is_absolute() { Ok(p.to_path_buf()) } else { Ok(std::env::current_dir()?.join(p)) }
}

/// Whether the process that named a staging folder is gone (or is this one, which is starting over).
fn is_dead(pid: &str) -> bool {
    // Where the system cannot tell, the folder is taken for a live build's.
    let alive = pid.parse::<u32>().is_ok_and(|p| crate::sys::process_alive(p).unwrap_or(true));
    !alive || pid == std::process::id().to_string()
}

/// Removes the staging folders (`.<name>.new-<pid>`) that killed runs left in `dir`, whatever
/// they were building (a snapshot of other content, say).
pub fn remove_dead_staging(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let pid = name.strip_prefix('.').and_then(|n| n.rsplit_once(".new-")).map(|(_, pid)| pid);
        if pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && is_dead(p)) {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Removes staging folders of builds that were killed (their process is gone), and restores an
/// output that a killed swap had moved aside.
fn clean_leftovers(target: &Path) {
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let fname = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = fname.strip_prefix(&format!(".{name}.")) else {
            continue;
        };
        let Some((tag, pid)) = rest.split_once('-') else {
            continue;
        };
        if !is_dead(pid) {
            continue;
        }
        match tag {
            "old" if !target.exists() => {
                let _ = fs::rename(e.path(), target);
            }
            "new" | "old" => {
                let _ = fs::remove_dir_all(e.path());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_abort_keeps() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        let out = Output::begin(&target).unwrap();
        out.write("a/b.txt", b"one").unwrap();
        out.commit().unwrap();
        assert_eq!(fs::read(target.join("a/b.txt")).unwrap(), b"one");

        let out = Output::begin(&target).unwrap();
        out.write("a/b.txt", b"two").unwrap();
        out.abort();
        assert_eq!(fs::read(target.join("a/b.txt")).unwrap(), b"one");
        let mut beside: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        beside.sort();
        assert_eq!(beside, [".output.state", "output"], "no leftovers beside the output, only its state");
    }
}
