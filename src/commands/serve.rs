//! `kieumau serve`: build, serve the output on loopback, rebuild when content or theme changes,
//! and reload open pages. Content errors are shown in the terminal and in the page, and the
//! last good build keeps being served.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fs;
use std::io;
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server, StatusCode};

use crate::build::{self, BuildOptions, Failure};
use crate::content::diag::Diagnostics;

/// The page script that polls for new builds and shows errors; served, never written to output.
const RELOAD_JS: &str = r#"(function () {
  "use strict";
  var seen = null;
  function box(text) {
    var el = document.getElementById("kieumau-errors");
    if (!text) { if (el) el.remove(); return; }
    if (!el) { el = document.createElement("pre"); el.id = "kieumau-errors"; document.body.prepend(el); }
    el.textContent = text;
  }
  function poll() {
    fetch("/__kieumau/state", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { window.location.reload(); return; }
      seen = s.version;
      box(s.errors);
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"#;
const RELOAD_CSS: &str = "#kieumau-errors{position:fixed;z-index:99;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;\
margin:0;padding:1rem;background:#2b0000;color:#fff;font:13px/1.4 monospace;white-space:pre-wrap}\n";
const CSP: &str = "default-src 'self'; img-src 'self' data:";
const WORKERS: usize = 8;

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    pub port: u16,
}

/// What the pages poll: a build counter and the last failed build's problems.
struct State {
    version: AtomicU64,
    errors: Mutex<String>,
}

fn rebuild(opts: &BuildOptions, state: &State) {
    let mut diags = Diagnostics::new();
    match build::build(opts, &mut diags) {
        Ok(s) => {
            eprint!("{}", diags.render_human(false));
            eprintln!("Rebuilt {} pages in {:.2?}", s.pages, s.elapsed);
            if let Ok(mut e) = state.errors.lock() {
                e.clear();
            }
            state.version.fetch_add(1, Ordering::SeqCst);
        }
        Err(f) => {
            let mut text = diags.render_human(false);
            match f {
                Failure::Content => text.push_str("build failed; still serving the last good build\n"),
                Failure::Theme(m) | Failure::Io(m) => text.push_str(&format!("error: {m}\n")),
            }
            eprint!("{text}");
            if let Ok(mut e) = state.errors.lock() {
                *e = text;
            }
        }
    }
}

pub fn run(opts: ServeOptions) -> Result<(), Failure> {
    let state = Arc::new(State { version: AtomicU64::new(0), errors: Mutex::new(String::new()) });
    rebuild(&opts.build, &state);
    let server = Server::http((opts.bind, opts.port))
        .map_err(|e| Failure::Io(format!("cannot listen on {}:{}: {e}", opts.bind, opts.port)))?;
    let addr = server.server_addr().to_ip().map_or_else(|| format!("{}:{}", opts.bind, opts.port), |a| a.to_string());
    eprintln!("Serving {} at http://{addr}/ (Ctrl-C to stop)", opts.build.output.display());

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if res.is_ok() {
            let _ = tx.send(());
        }
    })
    .map_err(|e| Failure::Io(format!("cannot watch for changes: {e}")))?;
    for dir in ["content", "themes"] {
        let path = opts.build.root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| Failure::Io(format!("cannot watch {}: {e}", path.display())))?;
        }
    }

    let server = Arc::new(server);
    let output = Arc::new(opts.build.output.clone());
    for _ in 0..WORKERS {
        let (server, output, state) = (Arc::clone(&server), Arc::clone(&output), Arc::clone(&state));
        std::thread::spawn(move || {
            while let Ok(req) = server.recv() {
                let _ = respond(req, &output, &state);
            }
        });
    }
    // Rebuild after a burst of changes has settled (editors write several times per save).
    while rx.recv().is_ok() {
        while rx.recv_timeout(Duration::from_millis(250)).is_ok() {}
        rebuild(&opts.build, &state);
    }
    Ok(())
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
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "toml" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(req: Request, output: &Path, state: &State) -> io::Result<()> {
    let url = req.url().to_string();
    let send = |req: Request, status: u16, kind: &str, body: Vec<u8>| {
        let mut resp = Response::from_data(body).with_status_code(StatusCode(status));
        for (name, value) in [("Content-Type", kind), ("Content-Security-Policy", CSP), ("Cache-Control", "no-store")] {
            // Names and values are ASCII constants: always valid headers.
            if let Ok(h) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                resp.add_header(h);
            }
        }
        req.respond(resp)
    };
    match url.split('?').next().unwrap_or_default() {
        "/__kieumau/reload.js" => return send(req, 200, "text/javascript; charset=utf-8", RELOAD_JS.into()),
        "/__kieumau/reload.css" => return send(req, 200, "text/css; charset=utf-8", RELOAD_CSS.into()),
        "/__kieumau/state" => {
            let errors = state.errors.lock().map(|e| e.clone()).unwrap_or_default();
            let body = serde_json::json!({"version": state.version.load(Ordering::SeqCst), "errors": errors});
            return send(req, 200, "application/json", body.to_string().into_bytes());
        }
        _ => {}
    }
    let Some(file) = resolve(output, &url) else {
        return send(req, 404, "text/plain; charset=utf-8", b"404 not found\n".to_vec());
    };
    let mut body = fs::read(&file)?;
    if file.extension().is_some_and(|e| e == "html") {
        let tags = b"<link rel=\"stylesheet\" href=\"/__kieumau/reload.css\"><script src=\"/__kieumau/reload.js\" defer></script>";
        let at = find(&body, b"</head>").unwrap_or(body.len());
        body.splice(at..at, tags.iter().copied());
    }
    send(req, 200, content_type(&file), body)
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
}
