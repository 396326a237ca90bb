//! Every page's and download's address in the site: stable, ASCII, documented (snapshot links
//! depend on them). Paths are relative to the site's root and name `index.html`, so that every
//! link works from `file://` and from any sub-path.

pub const HOME: &str = "index.html";
pub const DISTRICTS: &str = "districts/index.html";
pub const TYPES: &str = "types/index.html";
pub const CRITERIA: &str = "criteria/index.html";
pub const SNAPSHOTS: &str = "snapshots/index.html";
pub const DATA: &str = "data/index.html";
pub const SEARCH_INDEX: &str = "static/search-index.js";

pub fn year(year: i32) -> String {
    format!("years/{year}/index.html")
}

pub fn district(district: &str) -> String {
    format!("districts/{district}/index.html")
}

/// The folder of a district's page (`districts/<d>/`), where its notes' files are published.
pub fn district_folder(district: &str) -> String {
    format!("districts/{district}/")
}

pub fn branch(district: &str, branch: &str) -> String {
    format!("districts/{district}/{branch}/index.html")
}

pub fn branch_type(slug: &str) -> String {
    format!("types/{slug}/index.html")
}

pub fn booklet(year: i32) -> String {
    format!("booklet/{year}/index.html")
}

/// A download of `data/`, `name` being its path there.
pub fn data_file(name: &str) -> String {
    format!("data/{name}")
}

/// A snapshot's home page, or `rel` inside it.
pub fn snapshot(id: &str) -> String {
    format!("snapshots/{id}/index.html")
}

pub fn snapshot_file(id: &str, rel: &str) -> String {
    format!("snapshots/{id}/{rel}")
}

/// A static file of the theme.
pub fn static_file(name: &str) -> String {
    format!("static/{name}")
}
