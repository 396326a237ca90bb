//! What each output is made from, as keys: the site as a whole, each district and each branch.
//! The build compares them with the last build's to make only what changed.

use crate::content::cache::tool_id;
use crate::domain::digest::{FastMap, Key, hex, key};
use crate::domain::model::Content;

/// What the pages depend on, as keys: the site as a whole, and each district and branch.
pub struct Deps {
    /// The site settings and frameworks: what every page's figures are computed with.
    site_data: Key,
    /// Everything else every page is made with: the theme, the build's options, the years.
    global: Key,
    /// The whole content.
    all: Key,
    /// The years of the site, as bytes.
    years: Vec<u8>,
    /// Per district: its own files (`district.toml`, notes) and all files under its folder.
    district_own: Vec<Key>,
    district_all: Vec<Key>,
    /// Per district and branch: the branch's files (`<branch>.toml`, notes).
    branch: Vec<Vec<Key>>,
}

impl Deps {
    /// `build` names everything besides the content that every page shows (options, theme, …).
    pub fn new<'a>(content: &'a Content, years: &[i32], build: &[&[u8]]) -> Deps {
        // Files by folder, in path order: `content/districts/<d>/<file>` under `<d>`.
        let mut site_data = Vec::new();
        let mut by_district: FastMap<&str, Vec<(&str, &[u8; 32])>> = FastMap::default();
        for (rel, digest) in &content.digests {
            let rest = rel.strip_prefix("content/").unwrap_or(rel);
            if let Some((d, file)) = rest.strip_prefix("districts/").and_then(|r| r.split_once('/')) {
                by_district.entry(d).or_default().push((file, digest));
            } else if rest == "site.toml" || rest.starts_with("criteria/") {
                site_data.push(rel.as_bytes());
                site_data.push(&digest[..]);
            }
        }
        let site_data = key(&site_data);
        let year_bytes: Vec<u8> = years.iter().flat_map(|y| y.to_le_bytes()).collect();
        let mut global: Vec<&[u8]> = vec![&site_data, tool_id().as_bytes(), &year_bytes];
        global.extend_from_slice(build);
        let global = key(&global);
        let files_key = |files: &mut dyn Iterator<Item = &(&str, &[u8; 32])>| {
            let parts: Vec<&[u8]> = files.flat_map(|(f, d)| [f.as_bytes(), &d[..]]).collect();
            key(&parts)
        };
        let (mut district_own, mut district_all, mut branch) = (Vec::new(), Vec::new(), Vec::new());
        for d in &content.districts {
            let files = by_district.get(d.slug.as_str()).map_or(&[][..], Vec::as_slice);
            let stem = |f: &'a str| f.split('.').next().unwrap_or_default();
            // The folder's name too: two districts may hold the same files, and the pieces of a
            // file that lists every district must never take one for the other.
            let named = |k: Key| key(&[d.slug.as_bytes(), &k]);
            district_own.push(named(files_key(&mut files.iter().filter(|(f, _)| stem(f) == "district"))));
            district_all.push(named(files_key(&mut files.iter())));
            // A branch's files share its slug as their stem (slugs have no dots).
            let mut by_stem: FastMap<&str, Vec<(&str, &[u8; 32])>> = FastMap::default();
            for &(f, dg) in files {
                by_stem.entry(stem(f)).or_default().push((f, dg));
            }
            // And the files of `files/` its notes use: a photo that goes changes the page.
            let used = |b: &'a crate::domain::model::Branch| {
                let notes = b.notes.general.iter().map(|n| &**n).chain(b.notes.by_year.iter().map(|(_, n)| n));
                let names: Vec<String> = notes.flat_map(|n| n.files.iter().map(|f| format!("files/{f}"))).collect();
                // Most branches use none: the district's files are then not looked through.
                let all = if names.is_empty() { &[][..] } else { files };
                all.iter().filter(move |(f, _)| names.iter().any(|n| n == f))
            };
            branch.push(
                d.branches
                    .iter()
                    .map(|b| {
                        let own = by_stem.get(b.slug.as_str()).map_or(&[][..], Vec::as_slice).iter();
                        files_key(&mut own.chain(used(b)))
                    })
                    .collect(),
            );
        }
        Deps {
            site_data,
            years: year_bytes,
            global,
            all: key(&[content.hash.as_bytes()]),
            district_own,
            district_all,
            branch,
        }
    }

    /// A branch page: the branch, its district's name, the site.
    pub fn branch_page(&self, di: usize, bi: usize) -> Key {
        key(&[&self.global, &self.district_own[di], &self.branch[di][bi]])
    }

    /// The data version a branch page shows: a hash of the content it is made from.
    pub fn branch_version(&self, di: usize, bi: usize) -> String {
        short(&key(&[&self.site_data, &self.district_own[di], &self.branch[di][bi]]))
    }

    /// A district page: everything in the district's folder, the site.
    pub fn district_page(&self, di: usize) -> Key {
        key(&[&self.global, &self.district_all[di]])
    }

    pub fn district_version(&self, di: usize) -> String {
        short(&key(&[&self.site_data, &self.district_all[di]]))
    }

    /// What one district's rows in the data files are made from: its folder, the site's settings
    /// and frameworks, the years, this kieumau; not the theme or the build's options.
    pub fn district_data(&self, di: usize) -> Key {
        key(&[&self.site_data, &self.years, tool_id().as_bytes(), &self.district_all[di]])
    }

    /// Any other file: the whole content, plus what else it shows (`extra`).
    pub fn whole(&self, extra: &[u8]) -> Key {
        key(&[&self.global, &self.all, extra])
    }
}

fn short(k: &Key) -> String {
    hex(k.get(..4).unwrap_or_default())
}
