//! The theme: Tera templates, static files and translations. The default theme is embedded in
//! the binary; a site's `themes/<name>/` overrides any of its files one by one (like mdBook).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use include_dir::{Dir, include_dir};
use tera::Tera;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub struct Theme {
    pub tera: Tera,
    /// `static/` files by path relative to `static/`, copied to `static/` in the output.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// The interface strings of the site's language.
    pub strings: BTreeMap<String, String>,
}

/// Every file of the embedded default theme, by relative path.
fn embedded_files() -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Dir<'static>, out: &mut BTreeMap<String, Vec<u8>>) {
        for f in dir.files() {
            out.insert(f.path().to_string_lossy().replace('\\', "/"), f.contents().to_vec());
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = BTreeMap::new();
    walk(&DEFAULT_THEME, &mut out);
    out
}

/// Lays the files of `<root>/themes/<name>/` over the embedded ones.
fn overlay(files: &mut BTreeMap<String, Vec<u8>>, dir: &Path) -> Result<(), String> {
    if !dir.is_dir() {
        return Err(format!("theme folder {} does not exist", dir.display()));
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("cannot read the theme: {e}"))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).map_err(|e| e.to_string())?;
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
        let bytes = fs::read(entry.path()).map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
        files.insert(rel, bytes);
    }
    Ok(())
}

impl Theme {
    /// Loads the theme for a site: the embedded default, overridden by `themes/<name>/` if named.
    pub fn load(root: &Path, name: Option<&str>, language: &str) -> Result<Theme, String> {
        let mut files = embedded_files();
        if let Some(name) = name.filter(|n| *n != "default" || root.join("themes/default").is_dir()) {
            overlay(&mut files, &root.join("themes").join(name))?;
        }
        let mut templates = Vec::new();
        let mut statics = BTreeMap::new();
        let mut strings = BTreeMap::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8(bytes).map_err(|_| format!("theme template {path} is not UTF-8"))?;
                templates.push((name.to_string(), text));
            } else if let Some(name) = path.strip_prefix("static/") {
                statics.insert(name.to_string(), bytes);
            } else if path == format!("i18n/{language}.toml") {
                let text = String::from_utf8(bytes).map_err(|_| format!("theme file {path} is not UTF-8"))?;
                strings = toml::from_str(&text).map_err(|e| format!("theme file {path}: {e}"))?;
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(templates).map_err(|e| format!("theme templates: {}", tera_error(&e)))?;
        Ok(Theme { tera, statics, strings })
    }
}

/// HTML escaping for text and attribute values. Unlike Tera's default it leaves `/` alone, so
/// that URLs stay readable; `&`, `<`, `>`, `"` and `'` are what can break out of either context.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// Tera errors nest their causes; show them all.
pub fn tera_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}
