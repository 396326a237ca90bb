//! Files made of pieces: the big downloads (`site.json`, the CSV tables, the workbooks, the
//! booklets) list every branch, so any edit changes them. Each is written as a sequence of
//! pieces, most of them one district's rows, each keyed by the inputs it is made from. The next
//! build copies the pieces whose key it finds in the live file (in the kernel, with
//! `copy_file_range`) and makes only the rest, so a one-branch edit remakes one district's rows.
//!
//! A piece's bytes must be a function of its key alone: whatever depends on its place in the
//! file (a row number, a running count) goes into the key. Then a file spliced from old and new
//! pieces is byte-identical to one made whole, which is what a full build does.

use std::fs::File;
use std::io;

pub use crate::report::pieces::{Frag, OldFile, Piece, PieceSink, piece, try_piece};

/// The pieces of a file as written: where each keyed piece went, and the file's stamp (so that a
/// file changed since, by hand, is never spliced from).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    pub stamp: Stamp,
    pub frags: Vec<Frag>,
}

/// A file's inode, size and modification time (nanoseconds).
pub type Stamp = (u64, u64, i128);

pub fn stamp(m: &std::fs::Metadata) -> Stamp {
    (crate::sys::dev_ino(m).1, m.len(), crate::sys::mtime_ns(m))
}

/// The live file `file` with its pieces, when it is still as `layout` describes it: a file
/// changed since (by hand) is never spliced from.
pub fn open_old(file: File, layout: &Layout) -> Option<OldFile> {
    (stamp(&file.metadata().ok()?) == layout.stamp).then(|| OldFile::new(file, &layout.frags))
}

/// Writes pieces one after the other into a file, copying old ones from the old file.
pub struct Sink<'a> {
    w: io::BufWriter<&'a File>,
    old: Option<&'a OldFile>,
    at: u64,
    frags: Vec<Frag>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(to: &'a File, old: Option<&'a OldFile>) -> Self {
        Sink { w: io::BufWriter::with_capacity(1 << 16, to), old, at: 0, frags: Vec::new() }
    }

    fn push_piece(&mut self, p: &Piece) -> io::Result<()> {
        use std::io::Write;
        match p {
            Piece::New { key, bytes, meta } => {
                self.w.write_all(bytes)?;
                if let Some(key) = key {
                    self.frags.push(Frag { key: *key, at: self.at, len: bytes.len() as u64, meta: *meta });
                }
            }
            Piece::Old(f) => {
                let old = self
                    .old
                    .ok_or_else(|| io::Error::other(crate::msg!("build-internal", what = "splice-old-piece")))?;
                self.w.flush()?;
                copy_range(old.file(), f.at, self.w.get_ref(), f.len)?;
                self.frags.push(Frag { at: self.at, ..*f });
            }
        }
        self.at += p.len();
        Ok(())
    }

    /// Where the keyed pieces went.
    pub(crate) fn finish(mut self) -> io::Result<Vec<Frag>> {
        use std::io::Write;
        self.w.flush()?;
        Ok(self.frags)
    }
}

/// Writes `pieces` into `to`, the old ones copied from `old`; returns where the keyed ones went.
#[cfg(test)]
pub(crate) fn write(to: &File, pieces: &[Piece], old: Option<&OldFile>) -> io::Result<Vec<Frag>> {
    let mut sink = Sink::new(to, old);
    pieces.iter().try_for_each(|p| sink.push(p))?;
    sink.finish()
}

/// Appends `len` bytes of `from` at `at` to `to`: in the kernel where it can, else through a buffer.
fn copy_range(from: &File, at: u64, mut to: &File, len: u64) -> io::Result<()> {
    use std::io::Write;
    let (mut off, mut left) = (at, len);
    #[cfg(target_os = "linux")]
    while left > 0 && !crate::sys::portable() {
        let chunk = usize::try_from(left.min(1 << 30)).unwrap_or(1 << 30);
        match rustix::fs::copy_file_range(from, Some(&mut off), to, None, chunk) {
            Ok(0) => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the old file is shorter than noted")),
            Ok(n) => left -= n as u64,
            // Not between these files (another file system, an old kernel): copy by hand.
            Err(_) => break,
        }
    }
    let mut buf = vec![0u8; usize::try_from(left.min(1 << 20)).unwrap_or(1 << 20)];
    while left > 0 {
        let n = usize::try_from(left.min(buf.len() as u64)).unwrap_or(buf.len());
        crate::sys::read_exact_at(from, &mut buf[..n], off)?;
        to.write_all(&buf[..n])?;
        off += n as u64;
        left -= n as u64;
    }
    Ok(())
}

impl PieceSink for Sink<'_> {
    fn push(&mut self, p: &Piece) -> io::Result<()> {
        self.push_piece(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::digest::key;

    fn write_file(path: &std::path::Path, pieces: &[Piece], old: Option<&OldFile>) -> Layout {
        let file = File::create(path).unwrap();
        let frags = write(&file, pieces, old).unwrap();
        Layout { stamp: stamp(&file.metadata().unwrap()), frags }
    }

    #[test]
    fn old_pieces_are_copied_to_their_new_places() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (key(&[b"a"]), key(&[b"b"]), key(&[b"c"]));
        let first = dir.path().join("first");
        let keyed = |k, s: &str| Piece::New { key: Some(k), bytes: s.as_bytes().to_vec(), meta: 7 };
        let layout = write_file(&first, &[Piece::plain("head|"), keyed(a, "aaa|"), keyed(b, "bbbb|")], None);
        assert_eq!(layout.frags.iter().map(|f| (f.at, f.len)).collect::<Vec<_>>(), [(5, 4), (9, 5)]);

        let old = open_old(File::open(&first).unwrap(), &layout).expect("unchanged since");
        let pieces = [
            Piece::plain("HEAD:"),
            piece(Some(&old), b, || unreachable!("b is in the old file")),
            piece(Some(&old), c, || (b"cc|".to_vec(), 9)),
            piece(Some(&old), a, || unreachable!("a is in the old file")),
        ];
        assert!(matches!(pieces[2], Piece::New { .. }));
        let second = dir.path().join("second");
        let l2 = write_file(&second, &pieces, Some(&old));
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "HEAD:bbbb|cc|aaa|");
        let at: Vec<_> = l2.frags.iter().map(|f| (f.key, f.at, f.len, f.meta)).collect();
        assert_eq!(at, [(b, 5, 5, 7), (c, 10, 3, 9), (a, 13, 4, 7)]);
    }

    #[test]
    fn a_file_changed_since_is_not_spliced_from() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let layout = write_file(&path, &[Piece::New { key: Some(key(&[b"x"])), bytes: b"xx".to_vec(), meta: 0 }], None);
        std::fs::write(&path, b"yyy").unwrap();
        assert!(open_old(File::open(&path).unwrap(), &layout).is_none());
    }
}
