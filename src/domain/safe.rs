//! Pure checks of untrusted text: the URLs a note may use (SPEC section 4, issue 13.9), and the
//! files of a `files/` folder a note may publish (SPEC section 2).

/// What a URL is used for: a link may go further than an image.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UrlUse {
    Link,
    Image,
}

/// The kinds of file a note may publish from its `files/` folder (lowercase extensions).
pub const NOTE_FILE_KINDS: &[&str] = &["png", "jpg", "jpeg", "webp", "gif", "pdf", "docx", "xlsx"];

/// The one URL policy of notes: a relative path into the note's `files/`, and for links also a
/// `#fragment`, an absolute `http(s)://host` or `mailto:`. Everything else is dropped, above all
/// what a browser resolves off the site: `//host`, `/\host`, `\\host`, `\t//host` and `..` in any
/// spelling. Returns the URL as it will be written.
pub fn note_url(raw: &str, usage: UrlUse) -> Option<String> {
    let url = as_browsers_see(raw);
    let url = url.as_str();
    // A backslash is a slash to a browser (and `%5c` after decoding): never needed, often hostile.
    if url.is_empty() || url.contains('\\') || url.to_ascii_lowercase().contains("%5c") {
        return None;
    }
    if let Some(fragment) = url.strip_prefix('#') {
        return (usage == UrlUse::Link && !fragment.is_empty()).then(|| url.to_string());
    }
    match scheme(url) {
        Some(s) if usage == UrlUse::Link && (s == "http" || s == "https") => {
            let rest = url.get(s.len() + 1..).unwrap_or_default();
            let host = rest.strip_prefix("//")?.split(['/', '?', '#']).next().unwrap_or("");
            (!host.is_empty()).then(|| url.to_string())
        }
        Some("mailto") if usage == UrlUse::Link && url.len() > "mailto:".len() => Some(url.to_string()),
        Some(_) => None,
        None => files_path(url).then(|| url.to_string()),
    }
}

/// Browsers drop tabs and newlines anywhere in a URL and trim controls and spaces at its ends,
/// so a URL is judged as they would see it, not as typed.
fn as_browsers_see(raw: &str) -> String {
    let url: String = raw.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    url.trim_matches(|c: char| c <= ' ').to_string()
}

/// Whether a note's URL is meant to point at a file beside the note (a relative reference: no
/// scheme, not a bare `#fragment`), so that its target can be checked.
pub fn is_relative(raw: &str) -> bool {
    let url = as_browsers_see(raw);
    !url.is_empty() && !url.starts_with('#') && scheme(&url).is_none() && !url.starts_with("//")
}

/// The file under `files/` that a URL the policy keeps names, decoded (`files/anh%20hop.jpg` ->
/// `anh hop.jpg`), without its query or fragment; `None` for any other URL or a name that is not
/// plain text (an undecodable or control character).
pub fn files_target(raw: &str) -> Option<String> {
    let url = note_url(raw, UrlUse::Link)?;
    let path = url.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix("files/")?;
    let decoded = percent_encoding::percent_decode_str(rest).decode_utf8().ok()?;
    let ok = decoded.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != "..")
        && !decoded.chars().any(|c| c.is_control() || c == '\\');
    ok.then(|| decoded.into_owned())
}

/// The kind of a file by its extension, lowercased, if it is one a note may publish.
pub fn note_file_kind(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    NOTE_FILE_KINDS.iter().copied().find(|k| *k == ext)
}

/// The scheme of an absolute URL, lowercased; `None` for a relative reference. A colon after the
/// first `/`, `?` or `#` belongs to the path, not to a scheme.
fn scheme(url: &str) -> Option<&'static str> {
    let end = url.find(':')?;
    let head = url.get(..end).unwrap_or_default();
    if head.contains(['/', '?', '#']) {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    Some(match lower.as_str() {
        "http" => "http",
        "https" => "https",
        "mailto" => "mailto",
        _ => "other",
    })
}

/// `files/<name>` (sub-folders allowed): no leading slash, no `.` or `..` segment however spelled
/// (`%2e` is a dot to a browser), nothing empty between slashes.
fn files_path(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/');
    if segments.next() != Some("files") {
        return false;
    }
    let rest: Vec<&str> = segments.collect();
    !rest.is_empty()
        && rest.iter().all(|seg| {
            let decoded = seg.to_ascii_lowercase().replace("%2e", ".");
            !seg.is_empty() && decoded != "." && decoded != ".."
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_decoded_paths_under_files() {
        assert_eq!(files_target("files/hop.jpg").as_deref(), Some("hop.jpg"));
        assert_eq!(files_target("files/2024/anh%20hop.jpg#x").as_deref(), Some("2024/anh hop.jpg"));
        assert_eq!(files_target("files/a.pdf?page=2").as_deref(), Some("a.pdf"));
        for bad in
            ["x.jpg", "files/", "files/../a.jpg", "files/%2e%2e/a", "/files/a.jpg", "files/a%0a.jpg", "files/%ff"]
        {
            assert_eq!(files_target(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn relative_references() {
        for rel in ["x.jpg", "files/a.pdf", "../a", "files/../x"] {
            assert!(is_relative(rel), "{rel}");
        }
        for abs in ["#a", "https://x", "mailto:a@b", "//host/x", "javascript:x", ""] {
            assert!(!is_relative(abs), "{abs}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(note_file_kind("Hop.JPG"), Some("jpg"));
        assert_eq!(note_file_kind("bien-ban.pdf"), Some("pdf"));
        assert_eq!(note_file_kind("x.exe"), None);
        assert_eq!(note_file_kind("noext"), None);
    }
}
