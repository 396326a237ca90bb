//! Snapshots: frozen, self-contained copies of the site whose links go to leadership.
//!
//! `snapshots/<YYYY-MM-DD>-<8 hex of the content hash>[-<token>]/` holds a complete site and a
//! `manifest.toml`. A snapshot is written to a temporary folder and renamed into place; nothing
//! ever writes into an existing snapshot, and the same content snapshotted again reuses it.
//!
//! The manifest holds the SHA-256 of every file of the snapshot. Every build checks them before
//! copying a snapshot into the output: a file edited by hand, removed or added, or a manifest that
//! is missing or unreadable, is an error naming the snapshot and the file, never a snapshot that
//! silently changes or disappears from the published site.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::collections::BTreeMap;
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
    /// Every file of the snapshot but the manifest: its path and the hex SHA-256 of its bytes.
    /// Empty in the manifests of older snapshots (whose files cannot be checked).
    #[serde(default)]
    pub files: BTreeMap<String, String>,
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

const MANIFEST: &str = "manifest.toml";

/// The hex SHA-256 of a file's bytes.
pub fn file_digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    crate::domain::digest::hex(&Sha256::digest(bytes))
}

/// Every file under `folder` but the manifest, with its digest, by `/`-separated path.
pub fn digests(folder: &Path) -> io::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(folder).map_err(io::Error::other)?;
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if rel != MANIFEST {
            out.insert(rel, file_digest(&fs::read(entry.path())?));
        }
    }
    Ok(out)
}

/// The snapshot folders (not those being written, whose names start with `.`), by name.
fn folders(root: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir(root)) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(id, _)| !id.starts_with('.'))
        .collect();
    out.sort();
    out
}

/// The manifest of a snapshot folder, or why it cannot be read.
fn read_manifest(folder: &Path) -> Result<Manifest, String> {
    let path = folder.join(MANIFEST);
    // Only a small regular file is a manifest: a pipe put there must not stall every build.
    let meta = fs::symlink_metadata(&path).map_err(|_| crate::msg!("snapshot-reason-no-manifest"))?;
    if !meta.is_file() || meta.len() > 16 << 20 {
        return Err(crate::msg!("snapshot-reason-not-a-file"));
    }
    let text = fs::read_to_string(&path).map_err(|e| e.to_string())?;
    toml::from_str(&text).map_err(|e| e.message().to_string())
}

/// Checks every snapshot against its manifest; each problem is an error (a manifest without
/// digests, from an older kieumau, a warning). Returns whether all can be published.
pub fn verify(root: &Path, diags: &mut crate::content::diag::Diagnostics) -> bool {
    let mut ok = true;
    for (id, folder) in folders(root) {
        let rel = format!("snapshots/{id}/{MANIFEST}");
        let manifest = match read_manifest(&folder) {
            Ok(m) => m,
            Err(reason) => {
                diags.error(&rel, None, crate::diag!("KM0905", snapshot = id.as_str(), reason = reason));
                ok = false;
                continue;
            }
        };
        if manifest.files.is_empty() {
            diags.warning(&rel, None, crate::diag!("KM0909", snapshot = id.as_str()));
            continue;
        }
        let found = match digests(&folder) {
            Ok(d) => d,
            Err(e) => {
                diags.error(&rel, None, crate::diag!("KM0905", snapshot = id.as_str(), reason = e.to_string()));
                ok = false;
                continue;
            }
        };
        for (file, digest) in &manifest.files {
            let at = format!("snapshots/{id}/{file}");
            match found.get(file) {
                None => {
                    diags.error(&at, None, crate::diag!("KM0907", snapshot = id.as_str(), file = file.as_str()));
                    ok = false;
                }
                Some(d) if d != digest => {
                    diags.error(&at, None, crate::diag!("KM0906", snapshot = id.as_str(), file = file.as_str()));
                    ok = false;
                }
                Some(_) => {}
            }
        }
        for file in found.keys().filter(|f| !manifest.files.contains_key(*f)) {
            let at = format!("snapshots/{id}/{file}");
            diags.error(&at, None, crate::diag!("KM0908", snapshot = id.as_str(), file = file.as_str()));
            ok = false;
        }
    }
    ok
}

/// The complete snapshots under `<root>/snapshots`, newest first. Folders being written (their
/// names start with `.`) and folders without a readable manifest are not snapshots ([`verify`]
/// reports them).
pub fn list(root: &Path) -> Vec<Snapshot> {
    let mut out: Vec<Snapshot> = folders(root)
        .into_iter()
        .filter_map(|(id, folder)| Some(Snapshot { manifest: read_manifest(&folder).ok()?, id }))
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
