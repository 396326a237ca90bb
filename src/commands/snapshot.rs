//! `kieumau snapshot`: freezes the current content into `snapshots/<date>-<hash>[-<token>]/`
//! (see [`crate::build::snapshot`] for the layout and how builds copy them).

use std::io;

use crate::build::render::{self, Extras};
use crate::build::snapshot::{Manifest, Snapshot, dir, list};
use crate::build::write::Output;
use crate::build::{self, BuildOptions, Failure};
use crate::content::diag::Diagnostics;
use crate::report::{self, theme::Theme};

/// What `kieumau snapshot` did.
pub enum Outcome {
    /// The snapshot, and the address to send (see [`link`]).
    Created(Snapshot, String),
    /// The same content is already frozen there; nothing was written, and the new label is not kept.
    Existing(Snapshot, String),
}

/// The address of a snapshot once the site is built and published: under the site's `base_url`
/// when it has one, else its path in the output folder.
pub fn link(base_url: &str, output: &std::path::Path, id: &str) -> String {
    if base_url.is_empty() {
        output.join(crate::report::urls::snapshot(id)).display().to_string()
    } else {
        format!(
            "{}/{}",
            base_url.trim_end_matches('/'),
            crate::report::urls::snapshot(id).trim_end_matches("index.html")
        )
    }
}

/// 128 bits from the operating system's random source, as 32 hex digits.
fn token() -> Result<String, Failure> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Failure::Io(crate::msg!("snapshot-no-random", reason = e.to_string())))?;
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
        let to = link(opts.base_url.as_deref().unwrap_or(&content.site.base_url), &opts.output, &existing.id);
        return Ok(Outcome::Existing(existing, to));
    }
    let date = opts.date.to_string();
    let mut id = format!("{date}-{}", content.version);
    if unlisted {
        id = format!("{id}-{}", token()?);
    }
    let target = dir(root).join(&id);
    if target.exists() {
        return Err(Failure::Io(crate::msg!("snapshot-target-exists", dir = &target)));
    }
    let theme = Theme::for_site(root, &content.site).map_err(Failure::Theme)?;
    let io_err =
        |e: io::Error| Failure::Io(crate::msg!("snapshot-cannot-write", dir = &target, reason = e.to_string()));
    let out = Output::begin(&target).map_err(io_err)?;
    let fmt = report::i18n::Format { lang: content.site.language };
    let text = format!(
        "{} {}: {label}",
        theme.strings.get("snapshot_of").map_or("Snapshot", String::as_str),
        fmt.date(opts.date)
    );
    let extras = Extras { snapshots: Vec::new(), banner: Some(serde_json::json!({ "text": text })) };
    let mut manifest = Manifest {
        label: label.to_string(),
        created: now_rfc3339(),
        date,
        content_hash: content.hash.clone(),
        kieumau_version: env!("CARGO_PKG_VERSION").to_string(),
        unlisted,
        files: Default::default(),
    };
    let written = render::render_site(&checked, opts, &out, &theme, &extras).and_then(|_| {
        // Every file's digest, so that a build notices a file changed afterwards.
        manifest.files = crate::build::snapshot::digests(out.staging())?;
        let toml = toml::to_string(&manifest).map_err(io::Error::other)?;
        out.write("manifest.toml", toml.as_bytes())
    });
    match written {
        Ok(()) => {
            out.commit_new().map_err(io_err)?;
            let to = link(opts.base_url.as_deref().unwrap_or(&content.site.base_url), &opts.output, &id);
            Ok(Outcome::Created(Snapshot { id, manifest }, to))
        }
        Err(e) => {
            out.abort();
            Err(io_err(e))
        }
    }
}
