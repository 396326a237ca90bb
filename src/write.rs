//! Write: the build goes into a fresh folder beside the output, and only a complete build
//! replaces the old output. A failed or killed build leaves the previous output as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A build in progress: files are written under a temporary folder until [`Output::commit`].
pub struct Output {
    staging: PathBuf,
    target: PathBuf,
}

fn sibling(target: &Path, tag: &str) -> PathBuf {
    let name = target.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
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
        Ok(Output { staging, target })
    }

    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Writes one file, `rel` being a `/`-separated path made by kieumau from validated slugs.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.staging.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes)
    }

    /// Creates one file for streaming into, like [`Output::write`].
    pub fn create(&self, rel: &str) -> io::Result<io::BufWriter<fs::File>> {
        let path = self.staging.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        Ok(io::BufWriter::with_capacity(1 << 16, fs::File::create(&path)?))
    }

    /// Swaps the finished build in for the old output. On Linux the two folders trade places in
    /// one atomic step, so that there is an output at every moment, even if the process is killed;
    /// elsewhere the old output is moved aside first (a killed swap is repaired by the next build).
    pub fn commit(self) -> io::Result<()> {
        let had_old = fs::symlink_metadata(&self.target).is_ok();
        #[cfg(target_os = "linux")]
        if had_old {
            use rustix::fs::{CWD, RenameFlags, renameat_with};
            match renameat_with(CWD, &self.staging, CWD, &self.target, RenameFlags::EXCHANGE) {
                Ok(()) => {
                    // The staging name now holds the old output; a kill here leaves it to
                    // `clean_leftovers`.
                    let _ = fs::remove_dir_all(&self.staging);
                    return Ok(());
                }
                // The file system or kernel cannot exchange: swap in two steps below.
                Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
                Err(e) => return Err(e.into()),
            }
        }
        let old = sibling(&self.target, "old");
        if had_old {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            if had_old {
                // Put the old output back before reporting.
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }

    /// Moves the finished build into place only if nothing is there yet (snapshots are never
    /// overwritten); otherwise the build is abandoned and an error returned.
    pub fn commit_new(self) -> io::Result<()> {
        if self.target.exists() {
            let msg = format!("{} already exists and is never overwritten", self.target.display());
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

fn absolute(p: &Path) -> io::Result<PathBuf> {
    if p.is_absolute() { Ok(p.to_path_buf()) } else { Ok(std::env::current_dir()?.join(p)) }
}

/// Whether the process that named a staging folder is gone (or is this one, which is starting over).
fn is_dead(pid: &str) -> bool {
    let alive = pid.parse::<u32>().is_ok_and(|p| Path::new(&format!("/proc/{p}")).exists());
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
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no leftovers beside the output");
    }
}
