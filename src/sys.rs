//! The few things kieumau asks of the operating system beyond `std`: file identity stamps and
//! positioned reads, with the Unix or Linux fast path where there is one and a portable fallback
//! that Windows and macOS run.
//!
//! `KIEUMAU_PORTABLE=1` makes every fast path here and elsewhere (`statat`, `copy_file_range`,
//! `renameat2`, `/proc`) take its portable fallback, so that the code Windows runs is exercised
//! by the tests on Linux (tests/portable.rs).

use std::fs::{File, Metadata};
use std::io;
use std::time::UNIX_EPOCH;

/// Whether the fast paths are switched off (`KIEUMAU_PORTABLE` set, and not to `0`).
pub fn portable() -> bool {
    static PORTABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PORTABLE.get_or_init(|| std::env::var_os("KIEUMAU_PORTABLE").is_some_and(|v| v != "0"))
}

/// Nanoseconds since 1970 of a time `std` gives, or 0.
fn nanos(t: io::Result<std::time::SystemTime>) -> i128 {
    t.ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as i128)
}

/// The modification time in nanoseconds.
pub fn mtime_ns(m: &Metadata) -> i128 {
    #[cfg(unix)]
    if !portable() {
        use std::os::unix::fs::MetadataExt;
        return i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec());
    }
    nanos(m.modified())
}

/// The inode-change time in nanoseconds (Unix); elsewhere the creation time, or 0.
pub fn ctime_ns(m: &Metadata) -> i128 {
    #[cfg(unix)]
    if !portable() {
        use std::os::unix::fs::MetadataExt;
        return i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec());
    }
    nanos(m.created())
}

/// The file's device and inode numbers (Unix); elsewhere 0 (the size and times then identify a
/// version of the file on their own).
pub fn dev_ino(m: &Metadata) -> (u64, u64) {
    #[cfg(unix)]
    if !portable() {
        use std::os::unix::fs::MetadataExt;
        return (m.dev(), m.ino());
    }
    let _ = m;
    (0, 0)
}

/// Fills `buf` from `file` at `offset`, without moving a shared cursor where the system can.
pub fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    if !portable() {
        use std::os::unix::fs::FileExt;
        return file.read_exact_at(buf, offset);
    }
    use std::io::{Read, Seek, SeekFrom};
    let mut f = file;
    f.seek(SeekFrom::Start(offset))?;
    f.read_exact(buf)
}

/// `.<name>.<tag>` beside `target` (the output folder's state, lock, cache, previous tree and
/// staging folders all live there, so that a rename between them never crosses file systems).
pub fn beside(target: &std::path::Path, tag: &str) -> std::path::PathBuf {
    let name = target.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{tag}"))
}

/// Whether process `pid` runs: `Some` where the system can tell (Linux's `/proc`), else `None`.
pub fn process_alive(pid: u32) -> Option<bool> {
    if cfg!(target_os = "linux") && !portable() {
        return Some(std::path::Path::new(&format!("/proc/{pid}")).exists());
    }
    None
}

/// Writes `path` whole or not at all: `write` fills a uniquely named temporary file beside it,
/// which is then renamed over it. Unique names matter: the branch cache is saved on a thread of
/// its own while the build writes its state, and a shared name let the two renames race.
pub fn write_atomic(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir)?;
    // A temporary file is private (0600); the file it becomes keeps the old one's permissions, or
    // gets those of any new file (0644 under the usual umask), so that a PDF or a Word file on a
    // shared folder can be opened by the others.
    let permissions = match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => new_file_permissions(),
    };
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    let mut w = io::BufWriter::with_capacity(1 << 16, tmp);
    write(&mut w)?;
    let tmp = w.into_inner().map_err(|e| e.into_error())?;
    tmp.persist(path).map(drop).map_err(|e| e.error)
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere a new file's permissions are the folder's defaults already.
#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positioned_reads_agree_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        let f = File::open(&path).unwrap();
        let mut buf = [0u8; 3];
        read_exact_at(&f, &mut buf, 4).unwrap();
        assert_eq!(&buf, b"456");
        assert!(read_exact_at(&f, &mut buf, 9).is_err(), "past the end");
        let m = f.metadata().unwrap();
        assert!(mtime_ns(&m) > 0);
    }

    #[test]
    fn write_atomic_replaces_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state");
        std::fs::write(&path, b"old").unwrap();
        write_atomic(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        // A writer that fails leaves the old file and no temporary behind.
        let err = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
