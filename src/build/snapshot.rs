//! Snapshots: frozen, self-contained copies of the site whose links go to leadership.
//!
//! `snapshots/<YYYY-MM-DD>-<8 hex of the content hash>[-<token>]/` holds a complete site and a
//! `manifest.toml`. A snapshot is written to a temporary folder and renamed into place; nothing
//! ever writes into an existing snapshot, and the same content snapshotted again reuses it.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::build::write::Output;
use crate::report::urls;

/// `manifest.toml` of a snapshot.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub label: String,
    /// RFC 3339 time of creation.
    pub created: String,
    pub date: String,
    pub content_hash: String,
    pub kieumau_version: String,
    pub unlisted: bool,
}

/// A snapshot found on disk.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The folder name under `snapshots/`.
    pub id: String,
    pub manifest: Manifest,
}

pub fn dir(root: &Path) -> PathBuf {
    root.join("snapshots")
}

/// The complete snapshots under `<root>/snapshots`, newest first. Folders being written (their
/// names start with `.`) and folders without a readable manifest are not snapshots.
pub fn list(root: &Path) -> Vec<Snapshot> {
    let Ok(entries) = fs::read_dir(dir(root)) else {
        return Vec::new();
    };
    let mut out: Vec<Snapshot> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let id = e.file_name().to_string_lossy().into_owned();
            if id.starts_with('.') {
                return None;
            }
            // Only a small regular file is a manifest: a pipe put there must not stall every build.
            let path = e.path().join("manifest.toml");
            let meta = fs::symlink_metadata(&path).ok()?;
            if !meta.is_file() || meta.len() > 64 * 1024 {
                return None;
            }
            let text = fs::read_to_string(&path).ok()?;
            let manifest: Manifest = toml::from_str(&text).ok()?;
            Some(Snapshot { id, manifest })
        })
        .collect();
    out.sort_by(|a, b| b.manifest.created.cmp(&a.manifest.created).then_with(|| b.id.cmp(&a.id)));
    out
}

/// Copies every snapshot byte for byte into `<output>/snapshots/`.
pub fn copy_into(root: &Path, out: &Output) -> io::Result<usize> {
    let mut files = 0;
    for s in list(root) {
        let from = dir(root).join(&s.id);
        for entry in walkdir::WalkDir::new(&from).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&from).map_err(io::Error::other)?;
            let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            let to = urls::snapshot_file(&s.id, &rel);
            // A snapshot never changes: its path is its key.
            if out.offer(&to, crate::build::incremental::key(&[b"snapshot", to.as_bytes()]))? {
                out.copy(&to, entry.path())?;
            }
            files += 1;
        }
    }
    Ok(files)
}
