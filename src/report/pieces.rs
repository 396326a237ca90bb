//! Files made of pieces (see `crate::build::splice` for how they are written): the big downloads
//! list every branch, so each is made as a sequence of pieces keyed by what they are made from,
//! and a piece whose key the live file already holds is copied from it instead of made again.
//!
//! A piece's bytes must be a function of its key alone: whatever depends on its place in the
//! file (a row number, a running count) goes into the key.

use std::fs::File;
use std::io;

use crate::domain::digest::{FastMap, Key};

/// Where a piece lies in a file, and what its maker noted about it (a workbook notes the CRC and
/// length of the uncompressed rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Frag {
    pub key: Key,
    pub at: u64,
    pub len: u64,
    pub meta: u64,
}

/// One piece of a file being written.
#[derive(Debug, Clone)]
pub enum Piece {
    /// Bytes made by this build, keyed when a later build may copy them.
    New { key: Option<Key>, bytes: Vec<u8>, meta: u64 },
    /// A piece of the live file, copied as it is.
    Old(Frag),
}

impl Piece {
    /// Bytes that are made anew by every build.
    pub fn plain(bytes: impl Into<Vec<u8>>) -> Piece {
        Piece::New { key: None, bytes: bytes.into(), meta: 0 }
    }

    pub fn len(&self) -> u64 {
        match self {
            Piece::New { bytes, .. } => bytes.len() as u64,
            Piece::Old(f) => f.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn meta(&self) -> u64 {
        match self {
            Piece::New { meta, .. } => *meta,
            Piece::Old(f) => f.meta,
        }
    }
}

/// The live copy of a file with its pieces, for the next build of the same file to copy from.
pub struct OldFile {
    file: File,
    by_key: FastMap<Key, Frag>,
}

impl OldFile {
    /// The live file `file`, whose keyed pieces lie where `frags` say.
    pub fn new(file: File, frags: &[Frag]) -> OldFile {
        OldFile { file, by_key: frags.iter().map(|f| (f.key, *f)).collect() }
    }

    pub fn file(&self) -> &File {
        &self.file
    }

    pub fn get(&self, key: &Key) -> Option<Frag> {
        self.by_key.get(key).copied()
    }
}

/// The piece keyed `key`: copied from `old` when it has it, else made by `make` (its bytes and
/// what to note about them).
pub fn piece(old: Option<&OldFile>, key: Key, make: impl FnOnce() -> (Vec<u8>, u64)) -> Piece {
    let Ok::<_, std::convert::Infallible>(p) = try_piece(old, key, || Ok(make()));
    p
}

/// [`piece`] with a maker that may fail.
pub fn try_piece<E>(
    old: Option<&OldFile>,
    key: Key,
    make: impl FnOnce() -> Result<(Vec<u8>, u64), E>,
) -> Result<Piece, E> {
    if let Some(f) = old.and_then(|o| o.get(&key)) {
        return Ok(Piece::Old(f));
    }
    let (bytes, meta) = make()?;
    Ok(Piece::New { key: Some(key), bytes, meta })
}

/// Where a file's pieces go as they are made.
pub trait PieceSink {
    fn push(&mut self, p: &Piece) -> io::Result<()>;
}
