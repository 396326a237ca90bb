//! Validate: turn the parsed files into the checked domain ([`Content`]), reporting every breach
//! of the content rules (SPEC section 2) with its file, line and column.
//!
//! Each kind of file has its own module; this one walks the site, runs them (branch files in
//! parallel) and checks what spans files: names of folders and files, notes without a subject.

mod branch;
mod criteria;
mod district;
pub mod fields;
pub mod figures;
mod notes;
mod site;

use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::content::cache;
use crate::content::diag::Diagnostics;
use crate::content::load::{self, BranchFiles, ContentFile, DistrictDir, NoteFile};
use crate::domain::collate;
use crate::domain::model::{Branch, Content, District, Frameworks, Notes, Site};
use crate::timings::Timer;
use crate::{diag, msg};
use fields::{Ctx, is_slug, suggest_slug};

/// What validating one file gives: its value (if valid), its problems and its content digest.
struct FileOutcome<T> {
    value: Option<T>,
    diags: Diagnostics,
    digests: Vec<(String, [u8; 32])>,
}

/// Reads one file and runs `check` on its text with a sink of its own.
fn with_text<T>(file: &ContentFile, check: impl FnOnce(&mut Ctx<'_>, &str) -> Option<T>) -> FileOutcome<T> {
    let mut diags = Diagnostics::new();
    let Some(text) = load::read_text(file, &mut diags) else {
        return FileOutcome { value: None, diags, digests: Vec::new() };
    };
    let digests = vec![(file.rel.clone(), digest(&text))];
    let value = check(&mut Ctx { file: &file.rel, diags: &mut diags }, &text);
    // Only a file with problems keeps its text (for the snippets): a large site's text is not
    // copied, nor held until the end.
    diags.attach_source(&file.rel, &text);
    FileOutcome { value, diags, digests }
}

/// Like [`with_text`], for a TOML file.
fn with_toml<T>(
    file: &ContentFile,
    check: impl FnOnce(&mut Ctx<'_>, &toml::de::DeTable<'_>) -> Option<T>,
) -> FileOutcome<T> {
    with_text(file, |cx, text| {
        let table = load::parse_toml(cx.file, text, cx.diags)?;
        check(cx, table.get_ref())
    })
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// A four-digit year file stem (`2024`).
fn year_stem(stem: &str) -> Option<i32> {
    if stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()) { stem.parse().ok() } else { None }
}

/// Accumulates per-file outcomes into the run's diagnostics and the content hash.
struct Collector<'a> {
    diags: &'a mut Diagnostics,
    digests: Vec<(String, [u8; 32])>,
}

impl Collector<'_> {
    fn take<T>(&mut self, outcome: FileOutcome<T>) -> Option<T> {
        self.diags.merge(outcome.diags);
        self.digests.extend(outcome.digests);
        outcome.value
    }

    /// The content hash: SHA-256 over every content file's path and text, in hex.
    fn content_hash(&mut self) -> String {
        self.digests.sort_by(|a, b| a.0.cmp(&b.0));
        let mut h = Sha256::new();
        for (rel, d) in &self.digests {
            h.update(rel.as_bytes());
            h.update([0]);
            h.update(d);
        }
        crate::domain::digest::hex(&h.finalize())
    }
}

/// Loads and validates the site under `root`. `None` when there are errors (all reported).
pub fn content(root: &Path, diags: &mut Diagnostics) -> Option<Content> {
    content_cached(root, diags, None)
}

/// [`content`], taking unchanged clean branches from the cache file at `cache` (and writing it
/// anew) when one is given: see [`cache`].
pub fn content_cached(root: &Path, diags: &mut Diagnostics, cache: Option<&Path>) -> Option<Content> {
    let mut timer = Timer::start();
    let layout = load::discover(root, diags);
    timer.lap("discover (top)");
    let mut col = Collector { diags, digests: Vec::new() };

    let Some(site_file) = &layout.site else {
        if root.join("content").is_dir() {
            col.diags.error("content/site.toml", None, diag!("KM0501"));
        }
        // District folders are still listed, for what their listing reports (links, odd files).
        let sinks: Vec<Diagnostics> = layout
            .districts
            .par_iter()
            .map(|d| {
                let mut diags = Diagnostics::new();
                load::discover_district(root, d, &mut diags);
                diags
            })
            .collect();
        sinks.into_iter().for_each(|d| col.diags.merge(d));
        return None;
    };
    // Broken settings that can still stand in check every other file; the content fails all the same.
    let (site, complete) = match col.take(with_toml(site_file, site::site_or_stand_in)) {
        Some((site, complete)) => (Some(site), complete),
        None => (None, false),
    };

    let mut frameworks = Vec::new();
    // The years of the criteria files that could not be read.
    let mut broken = Vec::new();
    if let Some(site) = &site {
        for (stem, file) in &layout.criteria {
            let Some(year) = year_stem(stem) else {
                col.diags.error(&file.rel, None, diag!("KM0502", stem = stem));
                continue;
            };
            if year > site.last_year {
                col.diags.warning(
                    &file.rel,
                    None,
                    diag!("KM0503", year = year.to_string(), last = site.last_year.to_string()),
                );
            }
            match col.take(with_toml(file, |cx, t| criteria::framework(cx, t, year, site))) {
                Some(f) => frameworks.push(f),
                None => broken.push(year),
            }
        }
        if layout.criteria.is_empty() {
            col.diags.error("content/criteria", None, diag!("KM0504", year = site.first_year.to_string()));
        }
    }
    let frameworks_ok = broken.is_empty();
    frameworks.sort_by_key(|f| f.year);
    let frameworks = Frameworks(frameworks, broken);

    let years = site.as_ref().map(|s| s.first_year..=s.last_year);
    let mut reviews = Vec::new();
    for (stem, file) in &layout.reviews {
        match (year_stem(stem), &years) {
            (Some(y), Some(range)) if range.contains(&y) => {
                let folder = files_folder(root, "content/files");
                let mut used = Vec::new();
                let outcome = with_text(file, |cx, text| {
                    let mut n = notes::review(cx, text)?;
                    notes::check_files(cx, text, &mut n, &folder, &mut used);
                    Some(n)
                });
                col.digests.extend(used);
                if let Some(n) = col.take(outcome) {
                    reviews.push((y, n));
                }
            }
            (Some(y), Some(range)) => {
                col.diags.error(
                    &file.rel,
                    None,
                    diag!(
                        "KM0505",
                        year = y.to_string(),
                        first = range.start().to_string(),
                        last = range.end().to_string()
                    ),
                );
            }
            (None, _) => {
                col.diags.error(&file.rel, None, diag!("KM0506", stem = stem));
            }
            _ => {}
        }
    }

    let districts = match &site {
        // With a broken criteria file the districts are checked all the same, the years it
        // governs aside (13.8: one typo must not hide every other file's problems).
        Some(site) => {
            // Cached branches hold indices into the settings and frameworks: only good for the
            // same, and never made while a framework is missing.
            let context: Vec<&[u8]> = col.digests.iter().flat_map(|(rel, d)| [rel.as_bytes(), &d[..]]).collect();
            let branch_cache = cache
                .filter(|_| frameworks_ok)
                .map(|path| (path, cache::BranchCache::load(path, crate::domain::digest::key(&context))));
            let bc = branch_cache.as_ref().map(|(_, c)| c);
            let outcomes: Vec<FileOutcome<District>> =
                layout.districts.par_iter().map(|d| district(root, d, site, &frameworks, bc)).collect();
            timer.lap("districts: list+read+parse+validate");
            if let Some((path, c)) = branch_cache {
                c.save_in_background(path);
            }
            let districts = outcomes.into_iter().map(|o| col.take(o)).collect::<Vec<_>>();
            timer.lap("merge diagnostics");
            districts
        }
        None => {
            // The site settings are broken: still report syntax and encoding problems everywhere.
            let sinks: Vec<Diagnostics> = layout
                .districts
                .par_iter()
                .map(|d| {
                    let mut diags = Diagnostics::new();
                    let files = load::discover_district(root, d, &mut diags);
                    for f in files.toml.iter().chain(files.branches.iter().filter_map(|b| b.toml.as_ref())) {
                        diags.merge(with_toml(f, |_, _| Some(())).diags);
                    }
                    diags
                })
                .collect();
            sinks.into_iter().for_each(|d| col.diags.merge(d));
            return None;
        }
    };
    let hash = col.content_hash();
    let digests = std::mem::take(&mut col.digests);
    timer.lap("content hash");
    if diags.has_errors() || !complete {
        return None;
    }
    let site = site?;
    let mut districts: Vec<District> = districts.into_iter().flatten().collect();
    districts.sort_by(|a, b| {
        (a.order.is_none(), a.order).cmp(&(b.order.is_none(), b.order)).then_with(|| collate::compare(&a.name, &b.name))
    });
    reviews.sort_by_key(|(y, _)| *y);
    timer.lap("sort districts");
    let version = hash.get(..8).unwrap_or_default().to_string();
    Some(Content { site, frameworks, districts, reviews, version, hash, digests })
}

/// Validates the bytes of one content file of a kind, as [`content`] does once it has read them,
/// without the disk: for fuzzing and tests. `rel` names the file in the diagnostics.
fn check_bytes<T>(
    rel: &str,
    bytes: &[u8],
    check: impl FnOnce(&mut Ctx<'_>, &str) -> Option<T>,
) -> (Option<T>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(text) = load::decode_text(rel, bytes, &mut diags) else {
        return (None, diags);
    };
    diags.add_source(rel, &text);
    let value = check(&mut Ctx { file: rel, diags: &mut diags }, &text);
    (value, diags)
}

/// [`check_bytes`] for a TOML file.
fn check_toml_bytes<T>(
    rel: &str,
    bytes: &[u8],
    check: impl FnOnce(&mut Ctx<'_>, &toml::de::DeTable<'_>) -> Option<T>,
) -> (Option<T>, Diagnostics) {
    check_bytes(rel, bytes, |cx, text| {
        let table = load::parse_toml(cx.file, text, cx.diags)?;
        check(cx, table.get_ref())
    })
}

/// Validates the bytes of a `site.toml`.
pub fn check_site_bytes(bytes: &[u8]) -> (Option<Site>, Diagnostics) {
    check_toml_bytes("content/site.toml", bytes, site::site)
}

/// Validates the bytes of `criteria/<year>.toml` against a site.
pub fn check_criteria_bytes(
    site: &Site,
    year: i32,
    bytes: &[u8],
) -> (Option<crate::domain::model::Framework>, Diagnostics) {
    check_toml_bytes(&format!("content/criteria/{year}.toml"), bytes, |cx, t| criteria::framework(cx, t, year, site))
}

/// Validates the bytes of a branch file `districts/d/<slug>.toml` against a site and its frameworks.
pub fn check_branch_bytes(
    site: &Site,
    frameworks: &Frameworks,
    slug: &str,
    bytes: &[u8],
) -> (Option<Branch>, Diagnostics) {
    check_toml_bytes(&format!("content/districts/d/{slug}.toml"), bytes, |cx, t| {
        branch::branch(cx, t, slug, site, frameworks)
    })
}

/// Validates the bytes of a `district.toml`.
/// The kinds are the pre-2025 defaults (a fuzzing and test entry point).
pub fn check_district_bytes(bytes: &[u8]) -> (Option<(String, String)>, Diagnostics) {
    let level = crate::domain::model::DistrictLevel::default();
    check_toml_bytes("content/districts/d/district.toml", bytes, |cx, t| {
        district::district(cx, t, &level).map(|h| (h.name, h.kind))
    })
}

/// Validates the bytes of a Markdown note (front matter included).
pub fn check_note_bytes(bytes: &[u8]) -> (Option<crate::domain::model::Note>, Diagnostics) {
    check_bytes("content/districts/d/note.md", bytes, notes::note)
}

/// Lists and validates one district folder: its `district.toml`, notes and branches (in parallel).
fn district(
    root: &Path,
    dir: &DistrictDir,
    site: &Site,
    frameworks: &Frameworks,
    cache: Option<&cache::BranchCache>,
) -> FileOutcome<District> {
    let mut diags = Diagnostics::new();
    let files = load::discover_district(root, dir, &mut diags);
    let mut col = Collector { diags: &mut diags, digests: Vec::new() };
    let mut ok = true;
    if !is_slug(&dir.slug) {
        col.diags.error(&dir.dir.rel, None, diag!("KM0507", slug = &dir.slug, suggestion = suggest_slug(&dir.slug)));
        ok = false;
    }
    let head = match &files.toml {
        Some(f) => col.take(with_toml(f, |cx, t| district::district(cx, t, &site.district_level))),
        None => {
            col.diags.error(&dir.dir.rel, None, diag!("KM0508"));
            None
        }
    };
    let mut note_digests = Vec::new();
    let notes = read_notes(&files.notes, site, col.diags, &mut note_digests);
    col.digests.extend(note_digests);

    let folder = cache::Folder::open(&dir.dir.path);
    let outcomes: Vec<FileOutcome<Branch>> =
        files.branches.par_iter().map(|b| cached_branch_files(b, site, frameworks, cache, &folder)).collect();
    let mut branches = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        branches.extend(col.take(outcome));
    }
    // Namesakes (17 × "Chi bộ Tổ dân phố số 1" in one district) are told apart by their parent.
    branches.sort_by(|a, b| {
        collate::compare(&a.name, &b.name)
            .then_with(|| collate::compare(a.parent.as_deref().unwrap_or(""), b.parent.as_deref().unwrap_or("")))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let digests = col.digests;
    let value = match (head, notes) {
        (Some(head), Some(notes)) if ok => Some(District {
            slug: dir.slug.clone(),
            name: head.name,
            kind: head.kind,
            order: head.order,
            branches,
            notes,
        }),
        _ => None,
    };
    FileOutcome { value, diags, digests }
}

/// The `files/` folder of the site, `rel` being its path from the root (`content/files`).
fn files_folder(root: &Path, rel: &str) -> ContentFile {
    ContentFile { path: root.join(rel), rel: rel.to_string() }
}

/// The `files/` folder beside a note of a district's folder.
fn note_folder(note: &ContentFile) -> ContentFile {
    let path = note.path.parent().map_or_else(|| Path::new("files").to_path_buf(), |p| p.join("files"));
    let rel = note.rel.rsplit_once('/').map_or_else(|| "files".to_string(), |(dir, _)| format!("{dir}/files"));
    ContentFile { path, rel }
}

/// Reads a subject's notes: `x.md` and `x.<year>.md`.
fn read_notes(
    files: &[NoteFile],
    site: &Site,
    diags: &mut Diagnostics,
    digests: &mut Vec<(String, [u8; 32])>,
) -> Option<Notes> {
    let mut notes = Notes::default();
    let mut ok = true;
    for nf in files {
        let year = match &nf.year {
            None => None,
            Some(stem) => match year_stem(stem) {
                Some(y) if (site.first_year..=site.last_year).contains(&y) => Some(y),
                _ => {
                    let (first, last) = (site.first_year.to_string(), site.last_year.to_string());
                    let mut message = diag!("KM0509", stem = stem, first = first, last = last);
                    if stem.is_empty() {
                        message.text = msg!("note-year-dots");
                    }
                    diags.error(&nf.file.rel, None, message);
                    ok = false;
                    continue;
                }
            },
        };
        let folder = note_folder(&nf.file);
        let mut used = Vec::new();
        let outcome = with_text(&nf.file, |cx, text| {
            let mut n = notes::note(cx, text)?;
            notes::check_files(cx, text, &mut n, &folder, &mut used);
            Some(n)
        });
        diags.merge(outcome.diags);
        digests.extend(outcome.digests);
        digests.extend(used);
        match (outcome.value, year) {
            (Some(n), None) => notes.general = Some(Box::new(n)),
            (Some(n), Some(y)) => notes.by_year.push((y, n)),
            (None, _) => ok = false,
        }
    }
    notes.by_year.sort_by_key(|(y, _)| *y);
    ok.then_some(notes)
}

/// Validates one branch's TOML file and its notes.
/// [`branch_files`] through the cache: an unchanged clean branch is taken from it, and a branch
/// validated without any problem is put in it.
fn cached_branch_files(
    files: &BranchFiles,
    site: &Site,
    frameworks: &Frameworks,
    cache: Option<&cache::BranchCache>,
    folder: &cache::Folder,
) -> FileOutcome<Branch> {
    let (Some(cache), Some(toml)) = (cache, &files.toml) else {
        return branch_files(files, site, frameworks);
    };
    let on_disk: Vec<(&Path, &str)> = std::iter::once(toml)
        .chain(files.notes.iter().map(|n| &n.file))
        .map(|f| (f.path.as_path(), f.rel.as_str()))
        .collect();
    if let Some(e) = cache.get(&toml.rel, &on_disk, folder) {
        let digests = e.files.into_iter().map(|(rel, _, d)| (rel, d)).collect();
        return FileOutcome { value: Some(e.branch), diags: Diagnostics::new(), digests };
    }
    // Stamped before reading: a file changed meanwhile is read again next time.
    let stamps: Vec<Option<cache::Stamp>> = on_disk.iter().map(|(p, _)| cache::Stamp::in_folder(folder, p)).collect();
    let outcome = branch_files(files, site, frameworks);
    // A branch whose notes use files is read every time: the cache does not watch those files.
    let uses_files = |b: &Branch| {
        b.notes.general.iter().map(|n| &**n).chain(b.notes.by_year.iter().map(|(_, n)| n)).any(|n| !n.files.is_empty())
    };
    if let (Some(b), true) = (&outcome.value, outcome.diags.is_empty())
        && !uses_files(b)
    {
        let files: Option<Vec<_>> = on_disk
            .iter()
            .zip(&stamps)
            .map(|((_, rel), st)| {
                let d = outcome.digests.iter().find(|(r, _)| r == rel)?.1;
                Some((rel.to_string(), (*st)?, d))
            })
            .collect();
        if let Some(files) = files {
            cache.keep(&toml.rel, cache::Entry { files, branch: b.clone() });
        }
    }
    outcome
}

fn branch_files(files: &BranchFiles, site: &Site, frameworks: &Frameworks) -> FileOutcome<Branch> {
    let mut diags = Diagnostics::new();
    let mut digests = Vec::new();
    let Some(toml_file) = &files.toml else {
        for n in &files.notes {
            diags.error(&n.file.rel, None, diag!("KM0510", slug = &files.slug));
        }
        return FileOutcome { value: None, diags, digests };
    };
    if !is_slug(&files.slug) || files.slug.len() > 100 {
        diags.error(&toml_file.rel, None, diag!("KM0511", slug = &files.slug, suggestion = suggest_slug(&files.slug)));
    }
    let outcome = with_toml(toml_file, |cx, t| branch::branch(cx, t, &files.slug, site, frameworks));
    diags.merge(outcome.diags);
    digests.extend(outcome.digests);
    let notes = read_notes(&files.notes, site, &mut diags, &mut digests);
    let branch = match (outcome.value, notes) {
        (Some(mut b), Some(notes)) if !diags.has_errors() => {
            b.notes = notes;
            Some(b)
        }
        _ => None,
    };
    FileOutcome { value: branch, diags, digests }
}
