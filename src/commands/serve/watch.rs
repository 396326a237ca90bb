//! What `serve` watches, and which file-system events count as an edit.
//!
//! The build itself reads every file of `content/` and `themes/`; on Linux those reads raise
//! access events (open, read, close), which once made `serve` rebuild four times a second with no
//! edit at all. Only creating, changing, removing or renaming a file counts, and only under
//! `content/` or `themes/`, never under the output (which may live inside the site).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{MetadataKind, ModifyKind};
use notify::{Event, EventKind, RecursiveMode, Watcher};

/// The folders whose edits trigger a rebuild.
pub const WATCHED: [&str; 2] = ["content", "themes"];

/// Decides which events are edits of the site's sources.
pub struct Filter {
    sources: Vec<PathBuf>,
    output: PathBuf,
}

impl Filter {
    pub fn new(root: &Path, output: &Path) -> Filter {
        let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        Filter { sources: WATCHED.iter().map(|d| abs(&root.join(d))).collect(), output: abs(output) }
    }

    /// True for an event that may change what the build makes.
    pub fn is_edit(&self, event: &Event) -> bool {
        is_change(&event.kind) && event.paths.iter().any(|p| self.is_source(p))
    }

    fn is_source(&self, path: &Path) -> bool {
        let under_source = self.sources.iter().any(|s| path.starts_with(s));
        under_source && !path.starts_with(&self.output) && !is_scratch(path)
    }
}

/// Create, remove, rename, data written; a change of access time alone (or any read) is not.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(ModifyKind::Metadata(m)) => !matches!(m, MetadataKind::AccessTime),
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Other => false,
    }
}

/// Editors' swap, backup and lock files, and hidden files, which the build never reads.
fn is_scratch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.starts_with('.')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with('~')
        || [".swp", ".swx", ".tmp", ".crdownload"].iter().any(|s| name.ends_with(s))
        || name.starts_with("~$")
}

/// Watches the site's sources; `recv_edit` blocks until an edit has happened and settled.
pub struct Edits {
    // Kept alive: dropping the watcher stops the events.
    watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<()>,
    root: PathBuf,
    watching: [bool; WATCHED.len()],
}

pub fn watch(root: &Path, output: &Path) -> notify::Result<Edits> {
    let (tx, rx) = mpsc::channel();
    let filter = Filter::new(root, output);
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<Event>| {
        if res.is_ok_and(|e| filter.is_edit(&e)) {
            let _ = tx.send(());
        }
    })?;
    // The root itself (not recursively) so that a `content/` made after the start is seen.
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    let mut edits = Edits { watcher, rx, root: root.to_path_buf(), watching: [false; WATCHED.len()] };
    edits.watch_new_folders()?;
    Ok(edits)
}

impl Edits {
    /// The next edit, after a burst of events has been quiet for `settle` (editors write a
    /// file several times per save). `None` when the watcher has stopped.
    pub fn recv_edit(&mut self, settle: Duration) -> Option<()> {
        self.rx.recv().ok()?;
        while self.rx.recv_timeout(settle).is_ok() {}
        // A folder made since (a `content/` copied in) is watched from now on; failing that,
        // its edits are missed, which is no reason to stop serving.
        let _ = self.watch_new_folders();
        Some(())
    }

    fn watch_new_folders(&mut self) -> notify::Result<()> {
        for (dir, watching) in WATCHED.iter().zip(self.watching.iter_mut()) {
            let path = self.root.join(dir);
            if !*watching && path.is_dir() {
                self.watcher.watch(&path, RecursiveMode::Recursive)?;
                *watching = true;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode};

    fn event(kind: EventKind, path: &Path) -> Event {
        Event::new(kind).add_path(path.to_path_buf())
    }

    #[test]
    fn reads_are_not_edits_and_writes_are() {
        let root = Path::new("/site");
        let f = Filter::new(root, &root.join("output"));
        let toml = root.join("content/districts/a/b.toml");
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
            EventKind::Other,
        ] {
            assert!(!f.is_edit(&event(kind, &toml)), "{kind:?} is a read, not an edit");
        }
        for kind in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
            EventKind::Remove(RemoveKind::File),
            EventKind::Any,
        ] {
            assert!(f.is_edit(&event(kind, &toml)), "{kind:?} is an edit");
        }
    }

    #[test]
    fn only_sources_count() {
        let root = Path::new("/site");
        // An output inside content/ (odd but possible) is still not a source.
        let f = Filter::new(root, &root.join("content/out"));
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert!(f.is_edit(&event(write, &root.join("themes/default/templates/base.html"))));
        assert!(!f.is_edit(&event(write, &root.join("output/index.html"))));
        assert!(!f.is_edit(&event(write, &root.join("content/out/index.html"))));
        assert!(!f.is_edit(&event(write, &root.join(".output.state"))));
        assert!(!f.is_edit(&event(write, &root.join("README.md"))));
        for scratch in [".b.toml.swp", "b.toml~", "#b.toml#", ".#b.toml", "~$bang.xlsx", "4913.tmp"] {
            assert!(!f.is_edit(&event(write, &root.join("content").join(scratch))), "{scratch} is scratch");
        }
        // A rename from a scratch name onto the real one is an edit.
        let rename = Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::Both)))
            .add_path(root.join("content/.b.toml.tmp"))
            .add_path(root.join("content/b.toml"));
        assert!(f.is_edit(&rename));
    }
}
