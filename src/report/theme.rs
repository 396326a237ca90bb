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
    /// Whether a template still reads `t` as a variable after [`inline_strings`] (a theme that
    /// looks strings up by computed key, or passes `t` to a macro): pages then get the map.
    pub needs_strings_map: bool,
    /// A hash of every file of the theme: pages depend on it.
    pub digest: crate::domain::digest::Key,
    /// Each template's file, as the user knows it, and its text before strings were inlined:
    /// where a template error points.
    sources: BTreeMap<String, (String, String)>,
}

/// A theme template that cannot render (a variable it names is missing, a filter fails): the
/// site's files need fixing, so it is a content error, pointing at the template's file and line.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct TemplateError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// A file of the embedded default theme (`static/style.css`), for pages made outside a build.
pub fn default_file(path: &str) -> Option<&'static [u8]> {
    DEFAULT_THEME.get_file(path).map(|f| f.contents())
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
fn overlay(files: &mut BTreeMap<String, Vec<u8>>, dir: &Path, overridden: &mut Vec<String>) -> Result<(), String> {
    if !dir.is_dir() {
        return Err(crate::msg!("theme-missing", dir = dir));
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| crate::msg!("theme-cannot-read", reason = e.to_string()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).map_err(|e| e.to_string())?;
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
        let bytes = fs::read(entry.path()).map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
        overridden.push(rel.clone());
        files.insert(rel, bytes);
    }
    Ok(())
}

impl Theme {
    /// The theme a site names, in the site's language and with its units' label.
    pub fn for_site(root: &Path, site: &crate::domain::model::Site) -> Result<Theme, String> {
        Theme::load(root, site.theme.as_deref(), site.language.code(), site.district_level.label.as_deref())
    }

    /// Loads the theme for a site: the embedded default, overridden by `themes/<name>/` if named;
    /// its strings name the units as the site's `[district_level] label` does, when it has one.
    pub fn load(root: &Path, name: Option<&str>, language: &str, unit_label: Option<&str>) -> Result<Theme, String> {
        let mut files = embedded_files();
        let mut overridden = Vec::new();
        let theme_dir =
            name.filter(|n| *n != "default" || root.join("themes/default").is_dir()).map(|n| format!("themes/{n}"));
        if let Some(dir) = &theme_dir {
            overlay(&mut files, &root.join(dir), &mut overridden)?;
        }
        let digest = {
            let parts: Vec<&[u8]> = files.iter().flat_map(|(p, b)| [p.as_bytes(), b.as_slice()]).collect();
            crate::domain::digest::key(&parts)
        };
        let mut templates = Vec::new();
        let mut statics = BTreeMap::new();
        let mut strings = BTreeMap::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                let text =
                    String::from_utf8(bytes).map_err(|_| crate::msg!("theme-template-not-utf8", path = &path))?;
                templates.push((name.to_string(), text));
            } else if let Some(name) = path.strip_prefix("static/") {
                statics.insert(name.to_string(), bytes);
            } else if path == format!("i18n/{language}.toml") {
                let text = String::from_utf8(bytes).map_err(|_| crate::msg!("theme-file-not-utf8", path = &path))?;
                strings = toml::from_str(&text).map_err(|e| format!("theme file {path}: {e}"))?;
            }
        }
        if let Some(label) = unit_label {
            let lang =
                if language == "en" { crate::domain::model::Language::En } else { crate::domain::model::Language::Vi };
            crate::report::i18n::relabel_units(&mut strings, lang, label);
        }
        let sources = templates
            .iter()
            .map(|(name, text)| {
                let rel = format!("templates/{name}");
                let file = match &theme_dir {
                    Some(dir) if overridden.contains(&rel) => format!("{dir}/{rel}"),
                    _ => format!("(built-in theme) {rel}"),
                };
                (name.clone(), (file, text.clone()))
            })
            .collect();
        let mut needs_strings_map = false;
        for (template, text) in &mut templates {
            let (inlined, needs) = inline_strings(text, &strings, template.ends_with(".html"));
            *text = inlined;
            needs_strings_map |= needs;
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(templates).map_err(|e| format!("theme templates: {}", tera_error(&e)))?;
        Ok(Theme { tera, statics, strings, needs_strings_map, digest, sources })
    }

    /// The error of rendering `template`, pointing at the template's file and, where the message
    /// names a variable, the first line that uses it.
    pub fn render_error(&self, template: &str, e: &tera::Error) -> TemplateError {
        let message = tera_error(e);
        let variable = message.split('`').nth(1).filter(|_| message.contains("Variable `"));
        // The variable may be used by the template or by one it extends or includes.
        let mut candidates: Vec<&(String, String)> = self.sources.get(template).into_iter().collect();
        candidates.extend(self.sources.iter().filter(|(n, _)| n.as_str() != template).map(|(_, s)| s));
        let found = variable.and_then(|v| {
            candidates.iter().find_map(|(file, text)| {
                let line = text.lines().position(|l| l.contains(v))?;
                Some((file.clone(), line + 1))
            })
        });
        let file = self.sources.get(template).map_or_else(|| template.to_string(), |(f, _)| f.clone());
        match found {
            Some((file, line)) => TemplateError { file, line: Some(line), message },
            None => TemplateError { file, line: None, message },
        }
    }
}

/// Replaces every `t.<key>` inside a template's tags with the string itself, as a Tera literal,
/// so that pages need not carry the ~150 interface strings in their context (rebuilding that
/// map was a sixth of a branch page's cost). Returns the template and whether `t` is still read
/// some other way (`t[key]`, `t=t`, an unknown key), which then needs the map in the context.
/// Text outside tags, comments and string literals inside tags are left alone.
///
/// In an HTML template (`html`), a tag that is nothing but `{{ t.<key> }}` becomes the string
/// itself, escaped as Tera would escape it: plain text, no work at all when pages render.
pub fn inline_strings(template: &str, strings: &BTreeMap<String, String>, html: bool) -> (String, bool) {
    let mut out = String::with_capacity(template.len());
    let mut needs_map = false;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (text, tail) = rest.split_at(open);
        out.push_str(text);
        let close = match tail.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            Some("{#") => "#}",
            _ => {
                out.push('{');
                rest = &tail[1..];
                continue;
            }
        };
        let Some(end) = tail.find(close).map(|i| i + 2) else {
            out.push_str(tail);
            return (out, needs_map);
        };
        let (tag, after) = tail.split_at(end);
        if close == "#}" {
            out.push_str(tag);
        } else if let Some(text) = html.then(|| plain_string(tag, strings)).flatten() {
            out.push_str(&text);
        } else {
            needs_map |= inline_tag(tag, strings, &mut out);
        }
        rest = after;
    }
    out.push_str(rest);
    (out, needs_map)
}

/// The escaped string of a tag that is exactly `{{ t.<key> }}` (no filters, no whitespace
/// control), unless the text would read as a tag itself.
fn plain_string(tag: &str, strings: &BTreeMap<String, String>) -> Option<String> {
    let inner = tag.strip_prefix("{{")?.strip_suffix("}}")?;
    if inner.starts_with('-') || inner.ends_with('-') {
        return None;
    }
    let key = inner.trim().strip_prefix("t.")?;
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let text = escape_html(strings.get(key)?);
    (!["{{", "{%", "{#"].iter().any(|open| text.contains(open))).then_some(text)
}

/// One `{{ … }}` or `{% … %}` tag: `t.<key>` outside string literals becomes a literal.
fn inline_tag(tag: &str, strings: &BTreeMap<String, String>, out: &mut String) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut needs_map = false;
    let mut quote: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut chars = tag.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            quote = (c != q).then_some(q);
        } else if matches!(c, '"' | '\'' | '`') {
            quote = Some(c);
        } else if c == 't' && !prev.is_some_and(|p| is_ident(p) || p == '.') {
            let after = &tag[i + 1..];
            if after.starts_with(|n: char| is_ident(n)) {
                // Just a word that starts with `t` (`title`, `true`): copy it whole.
                let len = after.find(|n: char| !is_ident(n)).unwrap_or(after.len());
                out.push('t');
                out.push_str(&after[..len]);
                for _ in 0..len {
                    chars.next();
                }
                prev = Some('_');
                continue;
            }
            if let Some(key) = after.strip_prefix('.') {
                let key = &key[..key.find(|n: char| !is_ident(n)).unwrap_or(key.len())];
                if let Some(lit) = strings.get(key).and_then(|v| tera_literal(v)) {
                    out.push_str(&lit);
                    for _ in 0..=key.len() {
                        chars.next();
                    }
                    prev = Some('"');
                    continue;
                }
            }
            needs_map = true;
        }
        out.push(c);
        prev = Some(c);
    }
    needs_map
}

/// A Tera string literal for `s` (Tera has no escapes: pick a quote `s` does not contain).
fn tera_literal(s: &str) -> Option<String> {
    ['"', '\'', '`'].into_iter().find(|q| !s.contains(*q)).map(|q| format!("{q}{s}{q}"))
}

/// Template values are escaped by the one escaper (see [`crate::report::escape`]).
pub fn escape_html(input: &str) -> String {
    crate::report::escape::escape(input)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> BTreeMap<String, String> {
        [("nav_home", "Tổng quan"), ("quote", "say \"hi\""), ("all", "a\"b'c`d")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn strings_inside_tags_become_literals() {
        let (out, needs) =
            inline_strings("<p>{{ t.nav_home }}</p>{% if x %}{{ t.quote | upper }}{% endif %}", &strings(), false);
        assert_eq!(out, "<p>{{ \"Tổng quan\" }}</p>{% if x %}{{ 'say \"hi\"' | upper }}{% endif %}");
        assert!(!needs);
    }

    #[test]
    fn text_comments_literals_and_other_names_are_left_alone() {
        let src = "t.nav_home {# t.nav_home #}{{ \"t.nav_home\" }}{{ title }}{{ page.t.nav_home }}{{ at.nav_home }}";
        let (out, needs) = inline_strings(src, &strings(), true);
        assert_eq!(out, src);
        assert!(!needs);
    }

    #[test]
    fn other_uses_of_t_keep_the_map() {
        for src in ["{{ m::x(t=t) }}", "{{ t[key] }}", "{{ t.missing }}", "{{ t.all }}"] {
            let (out, needs) = inline_strings(src, &strings(), false);
            assert_eq!(out, src, "{src}");
            assert!(needs, "{src}");
        }
    }

    #[test]
    fn whole_string_tags_become_escaped_text_in_html() {
        let (out, needs) = inline_strings(
            "<p>{{ t.nav_home }}|{{t.quote}}|{{- t.quote }}|{{ t.quote | upper }}</p>",
            &strings(),
            true,
        );
        assert_eq!(out, "<p>Tổng quan|say &quot;hi&quot;|{{- 'say \"hi\"' }}|{{ 'say \"hi\"' | upper }}</p>");
        assert!(!needs);
        // Text that would open a tag stays an expression.
        let mut tricky = strings();
        tricky.insert("tag".into(), "a {{ b".into());
        assert_eq!(inline_strings("{{ t.tag }}", &tricky, true).0, "{{ \"a {{ b\" }}");
        // No quote left for a literal: as text it needs none.
        assert_eq!(inline_strings("{{ t.all }}", &strings(), true), ("a&quot;b&#x27;c`d".to_string(), false));
    }

    #[test]
    fn escaping_replaces_the_five_characters_only() {}

    #[test]
    fn unclosed_tags_are_copied_as_they_are() {
        let (out, _) = inline_strings("a { b {{ t.nav_home", &strings(), true);
        assert_eq!(out, "a { b {{ t.nav_home");
    }
}
