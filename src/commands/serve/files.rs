//! What the preview server answers: the output's files (with the reload script added to pages),
//! the state the pages poll, and a page of the build's problems when there is nothing to show.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::Ordering;

use super::http::Reply;
use super::state::State;
use crate::msg;
use crate::report::escape::escape;

/// The page script that polls for new builds and shows the failed build's problems; served,
/// never written to the output.
const RELOAD_JS: &str = r#"(function () {
  "use strict";
  var seen = null;
  function box(text) {
    var el = document.getElementById("kieumau-errors");
    // The problem page shows the report itself.
    if (!text || document.getElementById("kieumau-report")) { if (el) el.remove(); return; }
    if (!el) { el = document.createElement("pre"); el.id = "kieumau-errors"; document.body.prepend(el); }
    el.textContent = text;
  }
  function poll() {
    fetch("/__kieumau/state", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { window.location.reload(); return; }
      seen = s.version;
      box(s.report);
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"#;
const RELOAD_CSS: &str = "#kieumau-errors{position:fixed;z-index:99;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;\
margin:0;padding:1rem;background:#2b0000;color:#fff;font:13px/1.4 \"Liberation Mono\",Consolas,Menlo,monospace;white-space:pre-wrap}\n\
#kieumau-report{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 \"Liberation Mono\",Consolas,Menlo,monospace}\n";
const RELOAD_TAGS: &[u8] =
    b"<link rel=\"stylesheet\" href=\"/__kieumau/reload.css\"><script src=\"/__kieumau/reload.js\" defer></script>";

/// The most of a build's report that a page is sent (a hostile file can make megabytes of it).
pub const MAX_REPORT: usize = 256 * 1024;

/// Cuts `text` to [`MAX_REPORT`] bytes at a line, saying how much was left out.
pub fn bounded(text: String) -> String {
    if text.len() <= MAX_REPORT {
        return text;
    }
    let mut cut = MAX_REPORT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or_default();
    let head = head.rfind('\n').map_or(head, |at| head.get(..=at).unwrap_or(head));
    let left = text.len() - head.len();
    format!("{head}\n{}\n", msg!("serve-report-cut", bytes = left))
}

pub fn answer(url: &str, state: &State) -> Reply {
    match url.split(['?', '#']).next().unwrap_or_default() {
        "/__kieumau/reload.js" => return Reply::new(200, "text/javascript; charset=utf-8", RELOAD_JS),
        "/__kieumau/reload.css" => return Reply::new(200, "text/css; charset=utf-8", RELOAD_CSS),
        "/__kieumau/theme.css" => return theme_css(&state.output),
        "/__kieumau/state" => {
            let body = serde_json::json!({"version": state.version.load(Ordering::SeqCst), "report": state.report()});
            return Reply::new(200, "application/json", body.to_string());
        }
        _ => {}
    }
    let Some(file) = resolve(&state.output, url) else {
        if url == "/favicon.ico" {
            return Reply::new(204, "image/x-icon", Vec::new());
        }
        let report = state.report();
        let (status, title, text) = if !report.is_empty() && !state.has_build.load(Ordering::SeqCst) {
            (503, msg!("serve-page-failed"), report)
        } else {
            (404, msg!("serve-page-missing"), msg!("serve-page-missing-hint", path = url))
        };
        return Reply::new(status, "text/html; charset=utf-8", problem_page(&title, &text));
    };
    let Ok(mut body) = fs::read(&file) else {
        return Reply::new(404, "text/html; charset=utf-8", problem_page(&msg!("serve-page-missing"), url));
    };
    if file.extension().is_some_and(|e| e == "html") {
        let at = find(&body, b"</head>").unwrap_or(body.len());
        body.splice(at..at, RELOAD_TAGS.iter().copied());
    }
    Reply::new(200, content_type(&file), body)
}

/// The theme's style sheet for the problem page: the built one, or the default theme's.
fn theme_css(output: &Path) -> Reply {
    let css = fs::read(output.join("static/style.css"))
        .ok()
        .or_else(|| crate::report::theme::default_file("static/style.css").map(<[u8]>::to_vec))
        .unwrap_or_default();
    Reply::new(200, "text/css; charset=utf-8", css)
}

/// A page in the site's language, styled by the theme, that says what went wrong.
fn problem_page(title: &str, text: &str) -> Vec<u8> {
    let lang = crate::messages::lang().tag();
    let (title, text) = (escape(title), escape(text));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
<link rel=\"stylesheet\" href=\"/__kieumau/theme.css\">{tags}</head>\
<body><main class=\"container\"><h1>{title}</h1><pre id=\"kieumau-report\">{text}</pre></main></body></html>\n",
        tags = String::from_utf8_lossy(RELOAD_TAGS),
    )
    .into_bytes()
}

/// Maps a request path to a file under `root`, refusing anything that could leave it
/// (`..`, encoded `%2e%2e`, absolute paths, backslashes, NUL, links out of the folder).
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
    let mut out = root.to_path_buf();
    for segment in decoded.split('/') {
        if segment.is_empty() || segment == "." {
            continue;
        }
        if segment == ".." || segment.contains(['\\', '\0', ':']) {
            return None;
        }
        let mut comps = Path::new(segment).components();
        match (comps.next(), comps.next()) {
            (Some(Component::Normal(c)), None) => out.push(c),
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    let real = out.canonicalize().ok()?;
    let real_root = root.canonicalize().ok()?;
    (real.starts_with(&real_root) && real.is_file()).then_some(real)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "toml" | "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("index.html"), "i").unwrap();
        fs::write(root.join("a/index.html"), "a").unwrap();
        fs::write(dir.path().join("secret.txt"), "s").unwrap();
        assert!(resolve(&root, "/").unwrap().ends_with("out/index.html"));
        assert!(resolve(&root, "/a/").unwrap().ends_with("a/index.html"));
        assert!(resolve(&root, "/a/index.html?x=1").is_some());
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/a/../../secret.txt",
            "/..%5csecret.txt",
            "//etc/passwd",
            "/%00",
            "/C:/x",
            "/nope.html",
        ] {
            assert!(resolve(&root, bad).is_none(), "{bad} must be refused");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).unwrap();
            assert!(resolve(&root, "/link.txt").is_none(), "links out of the output are refused");
        }
    }

    #[test]
    fn a_long_report_is_cut_at_a_line() {
        let long = "lỗi ở dòng này\n".repeat(MAX_REPORT / 10);
        let cut = bounded(long.clone());
        assert!(cut.len() < MAX_REPORT + 200, "{}", cut.len());
        assert!(cut.lines().rev().nth(1).is_some_and(|l| l.is_empty() || l == "lỗi ở dòng này"));
        assert_eq!(bounded("short\n".into()), "short\n");
    }
}
