//! `kieumau serve`: loopback by default, serves the build, refuses paths outside the output,
//! rebuilds on change, keeps serving the last good build and reports errors to the page.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use common::site_with;

struct Served {
    child: Child,
    addr: String,
    /// Every line the server printed after its address.
    lines: Arc<Mutex<Vec<String>>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    fn printed(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// CPU seconds the server has used (user + system), from /proc.
    #[cfg(target_os = "linux")]
    fn cpu_seconds(&self) -> f64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        // Fields after the command name, which is in parentheses and may hold spaces.
        let rest = stat.rsplit_once(')').unwrap().1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
        ticks / 100.0
    }
}

fn serve(root: &std::path::Path) -> Served {
    serve_in(root, "en")
}

fn serve_in(root: &std::path::Path, lang: &str) -> Served {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("kieumau"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .env("SOURCE_DATE_EPOCH", "1734220800")
        .env("KIEUMAU_LANG", lang)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&lines);
    std::thread::spawn(move || {
        let mut serving = false;
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if serving {
                sink.lock().unwrap().push(line);
            } else if let Some(rest) = line.split(" http://").nth(1) {
                serving = true;
                let addr = rest.split('/').next().unwrap_or_default().to_string();
                let _ = tx.send(addr);
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(60)).expect("serve prints its address");
    Served { child, addr, lines }
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
    wait_for("the error report", || state(&s.addr)["report"].as_str().unwrap().contains("a.toml"));
    let (status, _, body) = get(&s.addr, "/districts/dong-hung/a/");
    assert_eq!(status, 200);
    assert!(body.contains(">47<"));
}

/// A raw request; the answer's status and head.
fn raw(addr: &str, request: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let head = text.split("\r\n\r\n").next().unwrap_or_default().to_string();
    (status, head)
}

/// Issue 14.1: with no edit, serve prints nothing, rebuilds nothing and uses next to no CPU,
/// although pages poll it and the build's files are read; then one edit is one rebuild.
#[test]
fn idle_serve_stays_silent_and_one_edit_rebuilds_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    common::kieumau().arg("init").arg(&root).assert().success();
    let s = serve(&root);
    let v0 = state(&s.addr)["version"].as_u64().unwrap();
    #[cfg(target_os = "linux")]
    let cpu0 = s.cpu_seconds();
    for _ in 0..10 {
        // What an open page does: poll, and fetch pages and files.
        assert_eq!(state(&s.addr)["version"].as_u64().unwrap(), v0, "no rebuild without an edit");
        assert_eq!(get(&s.addr, "/").0, 200);
        assert_eq!(get(&s.addr, "/static/style.css").0, 200);
        std::thread::sleep(Duration::from_secs(1));
    }
    assert_eq!(s.printed(), Vec::<String>::new(), "serve printed something with no edit");
    #[cfg(target_os = "linux")]
    {
        let used = s.cpu_seconds() - cpu0;
        // A rebuild of this site alone costs more than this; polls and pages cost a few ms.
        assert!(used < 0.5, "serve used {used:.2} s of CPU in 10 s with no edit");
    }

    let branch = walkdir::WalkDir::new(root.join("content/districts"))
        .into_iter()
        .map(Result::unwrap)
        .map(|e| e.into_path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "toml")
                && !p.ends_with("district.toml")
                && std::fs::read_to_string(p).unwrap().contains("\nmembers = ")
        })
        .expect("init makes a branch with members");
    let text = std::fs::read_to_string(&branch).unwrap();
    let members = text.split("\nmembers = ").nth(1).unwrap().split(['\n', ' ']).next().unwrap().to_string();
    let more = (members.parse::<u32>().unwrap() + 1).to_string();
    std::fs::write(&branch, text.replacen(&format!("\nmembers = {members}"), &format!("\nmembers = {more}"), 1))
        .unwrap();
    wait_for("the rebuild", || state(&s.addr)["version"].as_u64().unwrap() > v0);
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(state(&s.addr)["version"].as_u64().unwrap(), v0 + 1, "one edit, one new version");
    let rebuilt: Vec<String> = s.printed().into_iter().filter(|l| l.starts_with("Rebuilt")).collect();
    assert_eq!(rebuilt.len(), 1, "one edit, one rebuild: {:?}", s.printed());
}

/// Issue 13.12: security headers, GET and HEAD only, the Host checked, heads capped, and clients
/// that stop reading do not hold up anyone else.
#[test]
fn serve_answers_only_what_it_should() {
    let site = site_with(None);
    let s = serve(site.path());
    let (status, head, _) = get(&s.addr, "/");
    assert_eq!(status, 200);
    for h in [
        "X-Content-Type-Options: nosniff",
        "Referrer-Policy: no-referrer",
        "X-Frame-Options: DENY",
        "frame-ancestors 'none'",
    ] {
        assert!(head.contains(h), "{h} missing in\n{head}");
    }
    let addr = &s.addr;
    let (status, head) = raw(addr, format!("POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\n\r\n").as_bytes());
    assert_eq!(status, 405);
    assert!(head.contains("Allow: GET, HEAD"));
    for method in ["PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"] {
        assert_eq!(raw(addr, format!("{method} / HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).0, 405, "{method}");
    }
    let port = addr.rsplit(':').next().unwrap();
    assert_eq!(raw(addr, format!("GET / HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n").as_bytes()).0, 421);
    assert_eq!(raw(addr, b"GET / HTTP/1.1\r\n\r\n").0, 421, "no Host at all");
    assert_eq!(
        raw(addr, format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n").as_bytes()).0,
        200
    );
    let big = format!("GET / HTTP/1.1\r\nHost: {addr}\r\nX-Big: {}\r\n\r\n", "a".repeat(40_000));
    assert_eq!(raw(addr, big.as_bytes()).0, 431);
    let (status, head) = raw(addr, format!("HEAD / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes());
    assert_eq!(status, 200);
    assert!(head.contains("Content-Length: ") && !head.contains("Content-Length: 0"));
    assert_eq!(get(addr, "/favicon.ico").0, 204, "no 404 for the browser's favicon request");

    // Twelve clients ask for a large file and never read it.
    std::fs::write(site.path().join("output/large.bin"), vec![7u8; 64 << 20]).unwrap();
    let stalled: Vec<TcpStream> = (0..12)
        .map(|_| {
            let mut c = TcpStream::connect(addr).unwrap();
            write!(c, "GET /large.bin HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
            c
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let start = Instant::now();
    assert_eq!(get(addr, "/data/site.json").0, 200);
    assert!(start.elapsed() < Duration::from_secs(5), "stalled behind clients that do not read: {:?}", start.elapsed());
    drop(stalled);
}

/// Issue 15.5: with nothing built, the page says so in the site's language, errors first and
/// warnings after them.
#[test]
fn the_problem_page_speaks_vietnamese_errors_first() {
    let site = site_with(Some(&common::fixtures().join("errors/gap-warning-strict")));
    let root = site.path();
    let a = root.join("content/districts/dong-hung/a.toml");
    common::edit(&a, "members = 40", "members = \"bốn mươi\"");
    let s = serve_in(root, "vi");
    let (status, head, body) = get(&s.addr, "/");
    assert_eq!(status, 503, "{head}");
    assert!(body.contains("<html lang=\"vi\"") && body.contains("/__kieumau/theme.css"), "{body}");
    assert!(body.contains("Chưa tạo được trang"), "{body}");
    let errors = body.find("lỗi cần sửa").expect("an errors heading");
    let warnings = body.find("cảnh báo").expect("a warnings heading");
    assert!(errors < warnings, "errors come first:\n{body}");
    assert!(body.contains("a.toml"));
    let (status, _, css) = get(&s.addr, "/__kieumau/theme.css");
    assert_eq!(status, 200);
    assert!(css.len() > 1000, "the theme's style sheet");
}
