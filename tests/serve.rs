//! `kieumau serve`: loopback by default, serves the build, refuses paths outside the output,
//! rebuilds on change, keeps serving the last good build and reports errors to the page.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::site_with;

struct Served {
    child: Child,
    addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &std::path::Path) -> Served {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("kieumau"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .env("SOURCE_DATE_EPOCH", "1734220800")
        .env("KIEUMAU_LANG", "en")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split(" at http://").nth(1) {
                let _ = tx.send(rest.trim_end_matches(|c| c != '/').trim_end_matches('/').to_string());
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(30)).expect("serve prints its address");
    Served { child, addr }
}

/// A plain HTTP/1.1 GET: (status, headers, body).
fn get(addr: &str, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

fn state(addr: &str) -> serde_json::Value {
    serde_json::from_str(&get(addr, "/__kieumau/state").2).unwrap()
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serves_rebuilds_and_refuses_escapes() {
    let site = site_with(None);
    let root = site.path();
    let s = serve(root);
    assert!(s.addr.starts_with("127.0.0.1:"), "binds loopback by default: {}", s.addr);

    let (status, head, body) = get(&s.addr, "/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>") && body.contains("/__kieumau/reload.js"));
    assert!(head.contains("Content-Security-Policy: default-src 'self'; img-src 'self' data:"));
    assert_eq!(get(&s.addr, "/districts/dong-hung/").0, 200);
    assert_eq!(get(&s.addr, "/static/style.css").0, 200);

    for bad in [
        "/../Cargo.toml",
        "/%2e%2e/content/site.toml",
        "/..%2fcontent%2fsite.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/nope",
    ] {
        assert_eq!(get(&s.addr, bad).0, 404, "{bad}");
    }

    // Many requests at once are all answered.
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let addr = s.addr.clone();
            std::thread::spawn(move || (0..8).all(|_| get(&addr, "/index.html").0 == 200))
        })
        .collect();
    assert!(handles.into_iter().all(|h| h.join().unwrap()));

    // An edit rebuilds and bumps the version the pages poll.
    let v0 = state(&s.addr)["version"].as_u64().unwrap();
    let a = root.join("content/districts/dong-hung/a.toml");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, text.replace("members = 40", "members = 47")).unwrap();
    wait_for("a rebuild", || state(&s.addr)["version"].as_u64().unwrap() > v0);
    assert!(get(&s.addr, "/districts/dong-hung/a/").2.contains(">47<"));

    // A broken edit: errors reach the page, the last good build is still served.
    std::fs::write(&a, text.replace("members = 40", "members = \"x\"")).unwrap();
    wait_for("the error report", || state(&s.addr)["errors"].as_str().unwrap().contains("a.toml"));
    let (status, _, body) = get(&s.addr, "/districts/dong-hung/a/");
    assert_eq!(status, 200);
    assert!(body.contains(">47<"));
}
