//! Where the report's files go: the build's output implements this, so the report makes bytes
//! and never knows how or where they are written.

use std::io;

use crate::domain::digest::Key;
use crate::report::pieces::{OldFile, Piece, PieceSink};

pub trait Emit: Sync {
    /// Records the key of `rel` and says whether it must be made: `false` when the output
    /// already holds it with this key.
    fn offer(&self, rel: &str, key: Key) -> io::Result<bool>;

    /// Writes one file, `rel` being a `/`-separated path made from validated slugs.
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;

    /// The live copy of `rel` with its pieces, when the last build wrote it in pieces and it has
    /// not changed since.
    fn old_pieces(&self, rel: &str) -> Option<OldFile>;

    /// Writes `rel` from the pieces `fill` pushes as it makes them (a big file is never whole in
    /// memory), the old ones copied from `old`.
    fn write_streamed(
        &self,
        rel: &str,
        old: Option<&OldFile>,
        fill: &mut dyn FnMut(&mut dyn PieceSink) -> io::Result<()>,
    ) -> io::Result<()>;

    /// Writes `rel` from `pieces`, the old ones copied from `old`.
    fn write_pieces(&self, rel: &str, pieces: &[Piece], old: Option<&OldFile>) -> io::Result<()> {
        self.write_streamed(rel, old, &mut |sink| pieces.iter().try_for_each(|p| sink.push(p)))
    }
}
