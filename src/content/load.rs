//! Load: find the content files, read them as text and parse their syntax (TOML, front matter).
//!
//! Nothing here knows what the values mean; `validate` does. Reading is per file so that a large
//! site never holds every file's text at once.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::DeTable;
use walkdir::WalkDir;

use crate::content::diag::{Diagnostics, rel_path};

/// Files larger than this are refused: no content file is legitimately this big.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A content file: its absolute path and its site-root-relative display name.
#[derive(Debug, Clone)]
pub struct ContentFile {
    pub path: PathBuf,
    pub rel: String,
}

/// A note file with the year it is about, if any (`x.2024.md`).
#[derive(Debug, Clone)]
pub struct NoteFile {
    pub file: ContentFile,
    pub year: Option<String>,
}

#[derive(Debug, Clone)]
pub struct BranchFiles {
    pub slug: String,
    pub toml: Option<ContentFile>,
    pub notes: Vec<NoteFile>,
}

/// A district folder; [`discover_district`] lists its files.
#[derive(Debug, Clone)]
pub struct DistrictDir {
    pub slug: String,
    pub dir: ContentFile,
}

/// The files of one district folder, by role.
#[derive(Debug, Clone, Default)]
pub struct DistrictFiles {
    pub toml: Option<ContentFile>,
    pub notes: Vec<NoteFile>,
    pub branches: Vec<BranchFiles>,
}

/// Where every content file is, by role. Built from names alone. District folders are listed
/// when they are validated (in parallel, and only a few at a time in memory on a large site).
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub site: Option<ContentFile>,
    /// `(stem, file)` of `criteria/*.toml`.
    pub criteria: Vec<(String, ContentFile)>,
    /// `(stem, file)` of `reviews/*.md`.
    pub reviews: Vec<(String, ContentFile)>,
    pub districts: Vec<DistrictDir>,
}

/// An entry of the folder `dir`: its display name is the folder's plus `/name`, which is what
/// [`rel_path`] gives for it, without splitting the whole path into components again.
fn entry_file(dir: &ContentFile, path: PathBuf, name: &str) -> ContentFile {
    let rel = if dir.rel.is_empty() { name.to_string() } else { format!("{}/{name}", dir.rel) };
    ContentFile { path, rel }
}

/// Splits `name.2024.md` into `("name", Some("2024"))` and `name.md` into `("name", None)`.
fn note_parts(stem: &str) -> (&str, Option<String>) {
    match stem.rsplit_once('.') {
        Some((base, year)) => (base, Some(year.to_string())),
        None => (stem, None),
    }
}

/// Files in a folder, sorted by name; symlinks and unexpected entries are reported, not followed.
fn list_dir(root: &Path, dir: &ContentFile, diags: &mut Diagnostics) -> Vec<(ContentFile, String, bool)> {
    let Ok(entries) = read_entries(&dir.path) else {
        // Something cannot be read: the walker below says what, as it always has.
        return list_dir_walk(root, dir, diags);
    };
    let mut out = Vec::with_capacity(entries.len());
    for (os_name, ft) in entries {
        let name = os_name.to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // editor and OS files (.DS_Store, .swp)
        }
        // The path from the name as it is on disk; the display name may have lost bytes that are
        // not UTF-8.
        let file = entry_file(dir, dir.path.join(&os_name), &name);
        if ft.is_symlink() {
            symlink_ignored(diags, &file.rel);
            continue;
        }
        out.push((file, name, ft.is_dir()));
    }
    out
}

/// A folder's entries with their types (not following links), sorted by name like
/// `WalkDir::sort_by_file_name`. Any error stops it.
fn read_entries(dir: &Path) -> std::io::Result<Vec<(OsString, fs::FileType)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        entries.push((entry.file_name(), entry.file_type()?));
    }
    // Names are compared once each way, not re-parsed out of paths at every comparison.
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(entries)
}

fn symlink_ignored(diags: &mut Diagnostics, rel: &str) {
    diags.warning(rel, None, crate::diag!("KM0005"));
}

/// [`list_dir`] through `walkdir`, which reports unreadable folders and entries.
fn list_dir_walk(root: &Path, dir: &ContentFile, diags: &mut Diagnostics) -> Vec<(ContentFile, String, bool)> {
    let mut out = Vec::new();
    for entry in WalkDir::new(&dir.path).min_depth(1).max_depth(1).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().map_or_else(|| dir.rel.clone(), |p| rel_path(root, p));
                diags.error(&at, None, crate::diag!("KM0006", reason = e.to_string()));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // editor and OS files (.DS_Store, .swp)
        }
        let ft = entry.file_type();
        let file = entry_file(dir, entry.into_path(), &name);
        if ft.is_symlink() {
            symlink_ignored(diags, &file.rel);
            continue;
        }
        out.push((file, name, ft.is_dir()));
    }
    out
}

/// Finds every content file under `<root>/content` and sorts them into roles.
pub fn discover(root: &Path, diags: &mut Diagnostics) -> Layout {
    let path = root.join("content");
    let content = ContentFile { rel: rel_path(root, &path), path };
    let mut layout = Layout::default();
    if !content.path.is_dir() {
        diags.error("content", None, crate::diag!("KM0007"));
        return layout;
    }
    for (file, name, is_dir) in list_dir(root, &content, diags) {
        match (name.as_str(), is_dir) {
            ("site.toml", false) => layout.site = Some(file),
            ("criteria", true) => layout.criteria = files_by_stem(root, &file, ".toml", diags),
            ("reviews", true) => layout.reviews = files_by_stem(root, &file, ".md", diags),
            ("files", true) => {} // the reviews' photos and documents, read when a note uses them
            ("districts", true) => {
                for (dir, slug, d) in list_dir(root, &file, diags) {
                    if d {
                        layout.districts.push(DistrictDir { slug, dir });
                    } else {
                        unexpected(diags, &dir.rel, "what-file");
                    }
                }
            }
            (_, d) => unexpected(diags, &file.rel, if d { "what-folder" } else { "what-file" }),
        }
    }
    layout
}

/// `what` is the catalogue id of the kind of entry.
fn unexpected(diags: &mut Diagnostics, rel: &str, what: &str) {
    diags.warning(rel, None, crate::diag!("KM0008", what = crate::messages::text(what, &[])));
}

/// `(stem, file)` of the files with extension `ext` in a folder; anything else is reported.
fn files_by_stem(root: &Path, dir: &ContentFile, ext: &str, diags: &mut Diagnostics) -> Vec<(String, ContentFile)> {
    let mut out = Vec::new();
    for (f, n, d) in list_dir(root, dir, diags) {
        match n.strip_suffix(ext) {
            Some(stem) if !d => out.push((stem.to_string(), f)),
            _ => unexpected(diags, &f.rel, if d { "what-folder" } else { "what-file" }),
        }
    }
    out
}

/// Lists a district folder's files by role.
pub fn discover_district(root: &Path, dir: &DistrictDir, diags: &mut Diagnostics) -> DistrictFiles {
    let mut district = DistrictFiles::default();
    // Where each branch slug is in `district.branches`: a district has thousands of branches.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (f, name, is_dir) in list_dir(root, &dir.dir, diags) {
        if is_dir && name == "files" {
            continue; // the notes' photos and documents, read when a note uses them
        }
        if is_dir {
            diags.warning(&f.rel, None, crate::diag!("KM0009", what = crate::msg!("what-folder")));
            continue;
        }
        if name == "district.toml" {
            district.toml = Some(f);
        } else if let Some(stem) = name.strip_suffix(".toml") {
            if let Some(b) = branch_entry(&mut district.branches, &mut index, stem) {
                b.toml = Some(f);
            }
        } else if let Some(stem) = name.strip_suffix(".md") {
            let (base, year) = note_parts(stem);
            let note = NoteFile { file: f, year };
            if base == "district" {
                district.notes.push(note);
            } else {
                if let Some(b) = branch_entry(&mut district.branches, &mut index, base) {
                    b.notes.push(note);
                }
            }
        } else {
            diags.warning(&f.rel, None, crate::diag!("KM0009", what = crate::msg!("what-file")));
        }
    }
    district
}

/// The branch `slug`'s entry, added (in order of first appearance) when it is new.
fn branch_entry<'a>(
    branches: &'a mut Vec<BranchFiles>,
    index: &mut HashMap<String, usize>,
    slug: &str,
) -> Option<&'a mut BranchFiles> {
    let i = match index.get(slug) {
        Some(&i) => i,
        None => {
            index.insert(slug.to_string(), branches.len());
            branches.push(BranchFiles { slug: slug.to_string(), toml: None, notes: Vec::new() });
            branches.len() - 1
        }
    };
    branches.get_mut(i)
}

/// Why a file a note uses cannot be published.
#[derive(Debug)]
pub enum FileProblem {
    /// Not there, not a regular file, or reached through a symbolic link (never followed: it
    /// could lead out of the site).
    Missing,
    Unreadable(String),
}

/// The SHA-256 of the file `path` (a `/`-separated path checked by `domain::safe::files_target`)
/// of the `files/` folder `folder`, read in blocks (photos are large).
pub fn note_file(folder: &ContentFile, path: &str) -> Result<[u8; 32], FileProblem> {
    use sha2::Digest;
    let mut at = folder.path.clone();
    for segment in std::iter::once(None).chain(path.split('/').map(Some)) {
        if let Some(s) = segment {
            at.push(s);
        }
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Err(FileProblem::Missing),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(FileProblem::Missing),
            Err(e) => return Err(FileProblem::Unreadable(e.to_string())),
        }
    }
    if !fs::symlink_metadata(&at).is_ok_and(|m| m.is_file()) {
        return Err(FileProblem::Missing);
    }
    let mut f = fs::File::open(&at).map_err(|e| FileProblem::Unreadable(e.to_string()))?;
    let mut hasher = sha2::Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(buf.get(..n).unwrap_or_default()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(FileProblem::Unreadable(e.to_string())),
        }
    }
    Ok(hasher.finalize().into())
}

/// Reads a content file as UTF-8 text. Errors name the file and, for bad bytes, the spot.
pub fn read_text(file: &ContentFile, diags: &mut Diagnostics) -> Option<String> {
    let fast = if crate::sys::portable() { None } else { read_regular(&file.path) };
    match fast {
        Some(Ok(bytes)) => decode_owned(&file.rel, bytes, diags),
        Some(Err(e)) => {
            diags.error(&file.rel, None, crate::diag!("KM0010", reason = e.to_string()));
            None
        }
        // Something is odd (missing, not a file, too large): the careful path below finds out what
        // and says so.
        None => read_text_checked(file, diags),
    }
}

/// The common case in one path lookup: opens the file and checks through the open handle that
/// it is a regular file within the size limit, then reads it. `None` when the open or the check
/// fails, `Some(Err)` when reading does.
#[cfg(target_os = "linux")]
fn read_regular(path: &Path) -> Option<std::io::Result<Vec<u8>>> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking, so that opening a pipe returns at once (it is then refused as not a file), and
    // never taking a terminal as the controlling one.
    let flags = (rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY).bits() as i32;
    let f = fs::OpenOptions::new().read(true).custom_flags(flags).open(path).ok()?;
    let meta = f.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    match f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => None,
        Ok(_) => Some(Ok(bytes)),
        Err(e) => Some(Err(e)),
    }
}

#[cfg(not(target_os = "linux"))]
fn read_regular(_path: &Path) -> Option<std::io::Result<Vec<u8>>> {
    None
}

/// Reads a file after checking by name that it is a regular file within the size limit.
fn read_text_checked(file: &ContentFile, diags: &mut Diagnostics) -> Option<String> {
    let meta = match fs::metadata(&file.path) {
        Ok(m) => m,
        Err(e) => {
            diags.error(&file.rel, None, crate::diag!("KM0010", reason = e.to_string()));
            return None;
        }
    };
    if !meta.is_file() {
        // A pipe or a device would block or never end; only regular files are content.
        diags.error(&file.rel, None, crate::diag!("KM0011"));
        return None;
    }
    if meta.len() > MAX_FILE_BYTES {
        diags.error(
            &file.rel,
            None,
            crate::diag!("KM0012", size = meta.len().to_string(), max = MAX_FILE_BYTES.to_string()),
        );
        return None;
    }
    // Read at most one byte past the limit: a file that grew since it was measured stays refused.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    let read = fs::File::open(&file.path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        diags.error(&file.rel, None, crate::diag!("KM0010", reason = e.to_string()));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diags.error(
            &file.rel,
            None,
            crate::diag!("KM0012", size = format!("> {MAX_FILE_BYTES}"), max = MAX_FILE_BYTES.to_string()),
        );
        return None;
    }
    decode_owned(&file.rel, bytes, diags)
}

/// A content file's bytes as text: UTF-8 without a leading byte-order mark and without NUL bytes.
/// Errors name the file `rel` and the spot.
pub fn decode_text(rel: &str, bytes: &[u8], diags: &mut Diagnostics) -> Option<String> {
    decode_owned(rel, bytes.to_vec(), diags)
}

/// [`decode_text`] on bytes it may keep: the text is not copied once more.
fn decode_owned(rel: &str, mut bytes: Vec<u8>, diags: &mut Diagnostics) -> Option<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(pos) = text.find('\0') {
                diags.add_source(rel, &text);
                diags.error(rel, Some(pos..pos + 1), crate::diag!("KM0003"));
                return None;
            }
            Some(text)
        }
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(bytes.get(..valid).unwrap_or_default()).into_owned();
            let (line, col) = crate::content::diag::line_col(&prefix, valid);
            diags.error(rel, None, crate::diag!("KM0002", line = line, column = col));
            None
        }
    }
}

/// Parses TOML text, reporting a syntax error at its spot.
pub fn parse_toml<'i>(file: &str, text: &'i str, diags: &mut Diagnostics) -> Option<Spanned<DeTable<'i>>> {
    if text.trim().is_empty() {
        diags.error(file, None, crate::diag!("KM0004"));
        return None;
    }
    match DeTable::parse(text) {
        Ok(t) => Some(t),
        Err(e) => {
            diags.add_source(file, text);
            let span = e.span().map(|s| clamp_span(text, s));
            let message = crate::content::syntax::explain(text, e.message().trim_end(), span.clone());
            diags.error(file, span, message);
            None
        }
    }
}

fn clamp_span(text: &str, s: Range<usize>) -> Range<usize> {
    let start = s.start.min(text.len());
    let end = s.end.clamp(start, text.len());
    start..end
}

/// A Markdown file split into optional `+++` TOML front matter and body.
pub struct FrontMatter<'a> {
    /// The front matter text and its byte offset in the file.
    pub toml: Option<(&'a str, usize)>,
    pub body: &'a str,
}

/// Splits `+++\n<toml>\n+++\n<body>`. An opening `+++` with no closing one is an error (the offset
/// of the opening line).
pub fn split_front_matter(text: &str) -> Result<FrontMatter<'_>, usize> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text.get(..first_line_end).map(str::trim_end) != Some("+++") {
        return Ok(FrontMatter { toml: None, body: text });
    }
    let mut pos = first_line_end;
    while pos < text.len() {
        let rest = text.get(pos..).unwrap_or_default();
        let line_len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        if rest.get(..line_len).map(str::trim_end) == Some("+++") {
            let toml = text.get(first_line_end..pos).unwrap_or_default();
            let body = text.get(pos + line_len..).unwrap_or_default();
            return Ok(FrontMatter { toml: Some((toml, first_line_end)), body });
        }
        pos += line_len;
    }
    Err(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_split() {
        let fm = split_front_matter("+++\ntitle = \"A\"\n+++\nBody\n").unwrap();
        assert_eq!(fm.toml, Some(("title = \"A\"\n", 4)));
        assert_eq!(fm.body, "Body\n");
        let crlf = split_front_matter("+++\r\ntitle = \"A\"\r\n+++\r\nBody").unwrap();
        assert_eq!(crlf.toml.map(|t| t.0), Some("title = \"A\"\r\n"));
        assert_eq!(crlf.body, "Body");
        let none = split_front_matter("# Heading\n+++\n").unwrap();
        assert!(none.toml.is_none());
        assert!(split_front_matter("+++\ntitle = 1\n").is_err());
    }

    #[test]
    fn district_files_by_branch() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content/districts/d");
        fs::create_dir_all(&dir).unwrap();
        for name in ["x.md", "x-y.toml", "x.toml", "x.2024.md", "district.toml", "a.2023.md", "district.md", ".swp"] {
            fs::write(dir.join(name), "").unwrap();
        }
        let d = DistrictDir { slug: "d".into(), dir: ContentFile { rel: rel_path(root.path(), &dir), path: dir } };
        let mut diags = Diagnostics::new();
        let files = discover_district(root.path(), &d, &mut diags);
        assert!(diags.is_empty());
        assert_eq!(files.toml.unwrap().rel, "content/districts/d/district.toml");
        assert_eq!(files.notes.len(), 1);
        let summary: Vec<(String, bool, Vec<String>)> = files
            .branches
            .iter()
            .map(|b| (b.slug.clone(), b.toml.is_some(), b.notes.iter().map(|n| n.file.rel.clone()).collect()))
            .collect();
        let rel = |n: &str| format!("content/districts/d/{n}");
        assert_eq!(
            summary,
            vec![
                ("a".into(), false, vec![rel("a.2023.md")]),
                ("x-y".into(), true, vec![]),
                ("x".into(), true, vec![rel("x.2024.md"), rel("x.md")]),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_keeps_its_path() {
        use std::os::unix::ffi::OsStrExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content/districts/d");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(std::ffi::OsStr::from_bytes(b"b\xff.toml")), "x = 1\n").unwrap();
        let d = DistrictDir { slug: "d".into(), dir: ContentFile { rel: rel_path(root.path(), &dir), path: dir } };
        let mut diags = Diagnostics::new();
        let files = discover_district(root.path(), &d, &mut diags);
        let file = files.branches[0].toml.as_ref().unwrap();
        assert_eq!(file.rel, "content/districts/d/b\u{fffd}.toml");
        assert_eq!(read_text(file, &mut diags).as_deref(), Some("x = 1\n"));
    }

    #[test]
    fn note_names() {
        assert_eq!(note_parts("thuong-phuc"), ("thuong-phuc", None));
        assert_eq!(note_parts("thuong-phuc.2024"), ("thuong-phuc", Some("2024".to_string())));
    }
}
