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

use crate::build::render::{self, Extras};
use crate::build::write::Output;
use crate::build::{self, BuildOptions, Failure};
use crate::content::diag::Diagnostics;
use crate::report::{self, theme::Theme};

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
            let to = format!("snapshots/{}/{rel}", s.id);
            // A snapshot never changes: its path is its key.
            if out.offer(&to, crate::build::incremental::key(&[b"snapshot", to.as_bytes()]))? {
                out.copy(&to, entry.path())?;
            }
            files += 1;
        }
    }
    Ok(files)
}

/// What `kieumau snapshot` did.
pub enum Outcome {
    Created(Snapshot),
    /// The same content is already frozen there; nothing was written.
    Existing(Snapshot),
}

/// 128 bits from the operating system's random source, as 32 hex digits.
fn token() -> Result<String, Failure> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Failure::Io(format!("no random source for the unlisted token: {e}")))?;
    Ok(crate::build::incremental::hex(&bytes))
}

fn now_rfc3339() -> String {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
    let ts = epoch.and_then(|s| jiff::Timestamp::from_second(s).ok()).unwrap_or_else(jiff::Timestamp::now);
    ts.to_string()
}

/// Freezes the current content into a new snapshot, or reports the one that already holds it.
pub fn create(opts: &BuildOptions, label: &str, unlisted: bool, diags: &mut Diagnostics) -> Result<Outcome, Failure> {
    let root = &opts.root;
    let checked = build::check(root, false, diags).ok_or(Failure::Content)?;
    let content = &checked.content;
    crate::build::write::remove_dead_staging(&dir(root));
    if let Some(existing) =
        list(root).into_iter().find(|s| s.manifest.content_hash == content.hash && s.manifest.unlisted == unlisted)
    {
        return Ok(Outcome::Existing(existing));
    }
    let date = opts.date.to_string();
    let mut id = format!("{date}-{}", content.version);
    if unlisted {
        id = format!("{id}-{}", token()?);
    }
    let target = dir(root).join(&id);
    if target.exists() {
        return Err(Failure::Io(format!(
            "{} exists but holds no snapshot of this content; snapshots are never overwritten: move it away first",
            target.display()
        )));
    }
    let theme =
        Theme::load(root, content.site.theme.as_deref(), content.site.language.code()).map_err(Failure::Theme)?;
    let io_err = |e: io::Error| Failure::Io(format!("cannot write the snapshot {}: {e}", target.display()));
    let out = Output::begin(&target).map_err(io_err)?;
    let fmt = report::i18n::Format { lang: content.site.language };
    let text = format!(
        "{} {}: {label}",
        theme.strings.get("snapshot_of").map_or("Snapshot", String::as_str),
        fmt.date(opts.date)
    );
    let extras = Extras { snapshots: Vec::new(), banner: Some(serde_json::json!({ "text": text })) };
    let manifest = Manifest {
        label: label.to_string(),
        created: now_rfc3339(),
        date,
        content_hash: content.hash.clone(),
        kieumau_version: env!("CARGO_PKG_VERSION").to_string(),
        unlisted,
    };
    let written = render::render_site(&checked, opts, &out, &theme, &extras).and_then(|_| {
        let toml = toml::to_string(&manifest).map_err(io::Error::other)?;
        out.write("manifest.toml", toml.as_bytes())
    });
    match written {
        Ok(()) => {
            out.commit_new().map_err(io_err)?;
            Ok(Outcome::Created(Snapshot { id, manifest }))
        }
        Err(e) => {
            out.abort();
            Err(io_err(e))
        }
    }
}
