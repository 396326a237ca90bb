//! End-to-end checks of a built site in headless Chromium (SPEC section 4): every kind of page
//! loads from `file://` under its Content Security Policy without a console error, a JavaScript
//! exception or a CSP violation; search finds districts and branches ignoring diacritics; and the
//! content is there with JavaScript disabled.
//!
//! Needs a Chromium: `KIEUMAU_CHROMIUM`, else `chromium`, `chromium-browser` or `google-chrome` on
//! `PATH` (Debian: `apt-get install chromium`). Without one the test prints that it is skipped and
//! passes, except under `CI=true`, where it fails.
//!
//! Chromium is driven over the DevTools protocol through `--remote-debugging-pipe` (JSON messages
//! separated by NUL bytes on file descriptors 3 and 4), with a small client below: no extra crate,
//! no network port, no latency, a time limit on every call and a watchdog on the whole run.
//! Everything runs in one browser session (one `#[test]`). A negative-control page with an inline
//! script, a `style` attribute, an event handler, a `console.error` and an uncaught exception is
//! checked in the same session, so every run proves that each kind of problem is still caught.
#![cfg(unix)]

mod common;

use std::collections::HashMap;
use std::env;
use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::{Value, json};

/// One page of each kind, relative to the output folder.
const PAGES: &[&str] = &[
    "index.html",
    "years/2023/index.html",
    "districts/index.html",
    "districts/dong-hung/index.html",
    "districts/dong-hung/a/index.html",
    "types/index.html",
    "types/khu-dan-cu/index.html",
    "criteria/index.html",
    "data/index.html",
    "snapshots/index.html",
];

const CSP: &str = "default-src 'self'; img-src 'self' data:";

/// The whole run must finish well within this, or Chromium is killed and the test fails.
const WATCHDOG: Duration = Duration::from_secs(60);
/// Longest wait for one DevTools call.
const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest wait for a page to load.
const PAGE_TIMEOUT: Duration = Duration::from_secs(8);
/// Longest wait for search results to appear.
const SEARCH_TIMEOUT: Duration = Duration::from_secs(4);

const SKIP_MESSAGE: &str = "skipped: no chromium (install: apt-get install chromium)";

/// Runs in every document before its own scripts (through DevTools, so the page's CSP does not
/// apply to it): records CSP violations, failed loads and errors that the page itself observes, a
/// second channel beside the DevTools events.
const GUARD_SCRIPT: &str = r#"(function () {
  var seen = (window.__kmProblems = []);
  document.addEventListener("securitypolicyviolation", function (e) {
    seen.push("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
      " at " + e.sourceFile + ":" + e.lineNumber + (e.sample ? " (" + e.sample + ")" : ""));
  }, true);
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      seen.push("failed to load " + (t.src || t.href));
    } else {
      seen.push("error event: " + e.message + " at " + e.filename + ":" + e.lineno);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    seen.push("unhandled promise rejection: " + e.reason);
  });
})();"#;

/// Looks at the loaded document.
const INSPECT_SCRIPT: &str = r#"(function () {
  var all = Array.prototype.slice.call(document.querySelectorAll("*"));
  var list = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
  var short = function (e) { return e.outerHTML.slice(0, 160); };
  var meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  var h1 = document.querySelector("h1");
  return {
    csp: meta ? meta.getAttribute("content") : null,
    h1: h1 ? h1.textContent.trim() : null,
    styled: all.filter(function (e) { return e.hasAttribute("style"); }).map(short),
    handlers: all.flatMap(function (e) {
      return Array.prototype.slice.call(e.attributes)
        .filter(function (a) { return /^on/i.test(a.name); })
        .map(function (a) { return "<" + e.localName + " " + a.name + "=\"" + a.value + "\">"; });
    }),
    inline_scripts: list("script:not([src])").map(short),
    style_elements: list("style").map(short),
    js_urls: list("[href], [src], [action], [formaction]").filter(function (e) {
      return ["href", "src", "action", "formaction"].some(function (n) {
        return /^\s*javascript:/i.test(e.getAttribute(n) || "");
      });
    }).map(short),
    guard: window.__kmProblems || null
  };
})()"#;

// ---------------------------------------------------------------------------------------------
// Finding Chromium

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// A path, or a bare name looked up on `PATH`.
fn resolve(name: &OsStr) -> Option<PathBuf> {
    let candidate = Path::new(name);
    if candidate.components().count() > 1 {
        return is_executable(candidate).then(|| candidate.to_path_buf());
    }
    env::split_paths(&env::var_os("PATH")?).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

/// `KIEUMAU_CHROMIUM`, then `chromium`, `chromium-browser`, `google-chrome` on `PATH`.
fn find_chromium() -> Option<PathBuf> {
    if let Some(configured) = env::var_os("KIEUMAU_CHROMIUM").filter(|v| !v.is_empty()) {
        let found = resolve(&configured);
        assert!(found.is_some(), "KIEUMAU_CHROMIUM={} is not an executable file", configured.to_string_lossy());
        return found;
    }
    ["chromium", "chromium-browser", "google-chrome"].into_iter().find_map(|name| resolve(OsStr::new(name)))
}

/// The Chromium to use, or `None` after printing the skip message. Under `CI=true` a missing
/// browser is a failure, not a skip.
fn chromium_or_skip() -> Option<PathBuf> {
    let found = find_chromium();
    if found.is_none() {
        assert!(
            env::var("CI").as_deref() != Ok("true"),
            "no chromium found and CI=true: the browser tests must run in CI \
             (install: apt-get install chromium, or set KIEUMAU_CHROMIUM)"
        );
        println!("{SKIP_MESSAGE}");
    }
    found
}

// ---------------------------------------------------------------------------------------------
// A minimal DevTools-protocol client over --remote-debugging-pipe

/// A DevTools event: which page session sent it, its method and its parameters.
struct CdpEvent {
    session: Option<String>,
    method: String,
    params: Value,
}

#[derive(Default)]
struct Shared {
    /// Set when Chromium's output pipe has closed: no answer will come any more.
    closed: AtomicBool,
    pending: Mutex<HashMap<u64, mpsc::Sender<Value>>>,
    events: Mutex<Vec<CdpEvent>>,
    new_event: Condvar,
}

struct Chromium {
    child: Child,
    to_browser: Mutex<ChildStdin>,
    shared: Arc<Shared>,
    next_id: AtomicU64,
    stderr_log: PathBuf,
    _watchdog: Watchdog,
}

impl Chromium {
    fn launch(chromium: &Path, profile: &Path) -> Result<Self> {
        let stderr_log = profile.join("chromium-stderr.log");
        let user_data = profile.join("user-data");
        // Chromium reads commands from fd 3 and writes answers to fd 4: the shell moves our
        // stdin/stdout pipes there and `exec`s, so the child's pid is Chromium's.
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>&2"#)
            .arg(chromium)
            .args([
                "--headless",
                "--remote-debugging-pipe",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--disable-domain-reliability",
                "--mute-audio",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", user_data.display()))
            .arg("about:blank")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(&stderr_log)?)
            .spawn()
            .with_context(|| format!("starting {}", chromium.display()))?;
        let to_browser = child.stdin.take().expect("piped stdin");
        let from_browser = child.stdout.take().expect("piped stdout");
        let shared = Arc::new(Shared::default());
        let reader_shared = Arc::clone(&shared);
        thread::spawn(move || read_messages(BufReader::new(from_browser), &reader_shared));
        let browser = Chromium {
            _watchdog: Watchdog::start(child.id()),
            child,
            to_browser: Mutex::new(to_browser),
            shared,
            next_id: AtomicU64::new(1),
            stderr_log,
        };
        browser.call(None, "Browser.getVersion", json!({})).map_err(|e| browser.with_stderr(e))?;
        Ok(browser)
    }

    /// Adds the end of Chromium's stderr to an error, to explain a failed start.
    fn with_stderr(&self, e: anyhow::Error) -> anyhow::Error {
        let log = fs::read_to_string(&self.stderr_log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        anyhow!("{e:#}\nchromium stderr (end):\n{}", tail.join("\n"))
    }

    /// Sends one command (to the browser, or to a page session) and waits for its result.
    fn call(&self, session: Option<&str>, method: &str, params: Value) -> Result<Value> {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        let (tx, rx) = mpsc::channel();
        self.shared.pending.lock().unwrap().insert(id, tx);
        if self.shared.closed.load(Ordering::SeqCst) {
            self.shared.pending.lock().unwrap().remove(&id);
            bail!("{method}: chromium has exited");
        }
        {
            let mut bytes = serde_json::to_vec(&message)?;
            bytes.push(0);
            let mut pipe = self.to_browser.lock().unwrap();
            pipe.write_all(&bytes)
                .and_then(|()| pipe.flush())
                .with_context(|| format!("{method}: writing to chromium"))?;
        }
        let answer = rx.recv_timeout(CALL_TIMEOUT);
        self.shared.pending.lock().unwrap().remove(&id);
        let answer = match answer {
            Ok(a) => a,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                bail!("{method}: no answer from chromium within {CALL_TIMEOUT:?}")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => bail!("{method}: chromium went away"),
        };
        if let Some(error) = answer.get("error") {
            bail!("{method}: {error}");
        }
        Ok(answer["result"].clone())
    }

    /// Number of events received so far: a mark to look at the events after it.
    fn mark(&self) -> usize {
        self.shared.events.lock().unwrap().len()
    }

    /// Calls `f` on each event of `session` after `mark`, returning the first `Some`.
    fn find_event<T>(&self, session: &str, mark: usize, mut f: impl FnMut(&str, &Value) -> Option<T>) -> Option<T> {
        let events = self.shared.events.lock().unwrap();
        events.iter().skip(mark).filter(|e| e.session.as_deref() == Some(session)).find_map(|e| f(&e.method, &e.params))
    }

    /// Waits (up to `timeout`) for an event of `session` after `mark` for which `f` says `Some`.
    fn wait_event<T>(
        &self,
        session: &str,
        mark: usize,
        timeout: Duration,
        mut f: impl FnMut(&str, &Value) -> Option<T>,
    ) -> Option<T> {
        let deadline = Instant::now() + timeout;
        let mut events = self.shared.events.lock().unwrap();
        loop {
            let found = events
                .iter()
                .skip(mark)
                .filter(|e| e.session.as_deref() == Some(session))
                .find_map(|e| f(&e.method, &e.params));
            if found.is_some() {
                return found;
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            events = self.shared.new_event.wait_timeout(events, deadline - now).unwrap().0;
        }
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.call(None, "Browser.close", json!({}));
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads NUL-separated JSON messages: answers go to their caller, events to the event list.
fn read_messages(mut from_browser: impl BufRead, shared: &Shared) {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match from_browser.read_until(0, &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        if buf.last() == Some(&0) {
            buf.pop();
        }
        let Ok(message) = serde_json::from_slice::<Value>(&buf) else {
            continue;
        };
        if let Some(id) = message.get("id").and_then(Value::as_u64) {
            if let Some(tx) = shared.pending.lock().unwrap().remove(&id) {
                let _ = tx.send(message);
            }
        } else if let Some(method) = message.get("method").and_then(Value::as_str) {
            let event = CdpEvent {
                session: message.get("sessionId").and_then(Value::as_str).map(str::to_owned),
                method: method.to_owned(),
                params: message.get("params").cloned().unwrap_or(Value::Null),
            };
            shared.events.lock().unwrap().push(event);
            shared.new_event.notify_all();
        }
    }
    // Chromium is gone: fail every waiting call at once instead of letting it time out.
    shared.closed.store(true, Ordering::SeqCst);
    shared.pending.lock().unwrap().clear();
    shared.new_event.notify_all();
}

/// Kills Chromium and ends the test process if the run takes longer than [`WATCHDOG`].
struct Watchdog(Option<mpsc::Sender<()>>);

impl Watchdog {
    fn start(pid: u32) -> Self {
        let (tx, rx) = mpsc::channel::<()>();
        thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(WATCHDOG) {
                eprintln!("browser test: still running after {WATCHDOG:?}; killing chromium");
                let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
                thread::sleep(Duration::from_secs(10));
                eprintln!("browser test: giving up");
                std::process::exit(101);
            }
        });
        Watchdog(Some(tx))
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pages

/// One tab, attached in flat mode.
struct Tab<'a> {
    browser: &'a Chromium,
    session: String,
    sentinel: AtomicU64,
}

impl<'a> Tab<'a> {
    /// A new tab with the Runtime, Log and Page domains on and, if `guard`, the guard script
    /// installed in every document.
    fn open(browser: &'a Chromium, guard: bool) -> Result<Self> {
        let target = browser.call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
        let target_id = target["targetId"].clone();
        let attached =
            browser.call(None, "Target.attachToTarget", json!({ "targetId": target_id, "flatten": true }))?;
        let session = attached["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("attachToTarget gave no session: {attached}"))?
            .to_owned();
        let tab = Tab { browser, session, sentinel: AtomicU64::new(0) };
        tab.call("Page.enable", json!({}))?;
        tab.call("Runtime.enable", json!({}))?;
        tab.call("Log.enable", json!({}))?;
        if guard {
            tab.call("Page.addScriptToEvaluateOnNewDocument", json!({ "source": GUARD_SCRIPT }))?;
        }
        Ok(tab)
    }

    fn call(&self, method: &str, params: Value) -> Result<Value> {
        self.browser.call(Some(&self.session), method, params)
    }

    /// Evaluates `expression` in the page and returns its value (JSON-serialisable results only).
    fn eval(&self, expression: &str) -> Result<Value> {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(ex) = r.get("exceptionDetails") {
            bail!("evaluating `{expression}` threw {ex}");
        }
        Ok(r["result"]["value"].clone())
    }

    fn eval_str(&self, expression: &str) -> Result<String> {
        let v = self.eval(expression)?;
        v.as_str().map(str::to_owned).ok_or_else(|| anyhow!("`{expression}` gave {v}, not a string"))
    }

    /// Navigates and waits for the new document's `load` event (its deferred scripts have run).
    fn load(&self, url: &str) -> Result<()> {
        let mark = self.browser.mark();
        let r = self.call("Page.navigate", json!({ "url": url }))?;
        if let Some(e) = r.get("errorText").and_then(Value::as_str) {
            bail!("navigating to {url}: {e}");
        }
        self.browser
            .wait_event(&self.session, mark, PAGE_TIMEOUT, |m, _| (m == "Page.loadEventFired").then_some(()))
            .ok_or_else(|| anyhow!("{url} did not finish loading within {PAGE_TIMEOUT:?}"))?;
        // A late load event of the previous page (e.g. one a key press navigated to) can arrive
        // after the mark: wait until the document really is `url` and fully loaded.
        let start = Instant::now();
        loop {
            let state = self.eval("[document.URL, document.readyState]")?;
            if state[0] == url && state[1] == "complete" {
                return Ok(());
            }
            if start.elapsed() > PAGE_TIMEOUT {
                bail!("{url} did not finish loading within {PAGE_TIMEOUT:?} (document is {state})");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until DevTools has delivered every event the page produced so far: logs a sentinel
    /// through the console and waits for it. Fails if it never comes, so a broken event channel
    /// cannot make the checks pass silently.
    fn flush_events(&self) -> Result<()> {
        let n = self.sentinel.fetch_add(1, Ordering::SeqCst);
        let token = format!("kieumau-sentinel-{n}");
        let mark = self.browser.mark();
        self.eval(&format!("console.debug({token:?})"))?;
        self.browser
            .wait_event(&self.session, mark, Duration::from_secs(3), |m, p| {
                (m == "Runtime.consoleAPICalled" && p["args"][0]["value"] == token.as_str()).then_some(())
            })
            .ok_or_else(|| anyhow!("DevTools console events are not arriving ({token} lost)"))
    }

    /// Console errors, uncaught exceptions and error-level log entries (CSP violations, failed
    /// loads) since `mark`; warnings are printed.
    fn problems_since(&self, mark: usize, label: &str) -> Vec<String> {
        let mut errors = vec![];
        self.browser.find_event(&self.session, mark, |method, p| {
            match method {
                "Runtime.consoleAPICalled" => {
                    let text = p["args"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|a| match (&a["value"], &a["description"]) {
                            (Value::String(s), _) => s.clone(),
                            (Value::Null, Value::String(d)) => d.clone(),
                            (v, _) => v.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    match p["type"].as_str().unwrap_or_default() {
                        "error" | "assert" => errors.push(format!("console.error: {text}")),
                        "warning" => println!("  {label}: console.warn: {text}"),
                        _ => {}
                    }
                }
                "Log.entryAdded" => {
                    let e = &p["entry"];
                    let line = format!(
                        "log [{}] {} ({}:{})",
                        e["source"].as_str().unwrap_or("?"),
                        e["text"].as_str().unwrap_or_default(),
                        e["url"].as_str().unwrap_or("?"),
                        e["lineNumber"]
                    );
                    match e["level"].as_str().unwrap_or_default() {
                        "error" => errors.push(line),
                        "warning" => println!("  {label}: warning: {line}"),
                        _ => {}
                    }
                }
                "Runtime.exceptionThrown" => {
                    let d = &p["exceptionDetails"];
                    errors.push(format!(
                        "uncaught exception: {} {} ({}:{}:{})",
                        d["text"].as_str().unwrap_or_default(),
                        d["exception"]["description"].as_str().unwrap_or_default(),
                        d["url"].as_str().unwrap_or("?"),
                        d["lineNumber"],
                        d["columnNumber"]
                    ));
                }
                _ => {}
            }
            None::<()>
        });
        errors
    }

    /// Presses one key with real key events (keydown with text, so `input` fires; keyup).
    fn press(&self, key: char) -> Result<()> {
        let (name, code, text, vk) = match key {
            'a'..='z' => (
                key.to_string(),
                format!("Key{}", key.to_ascii_uppercase()),
                key.to_string(),
                key.to_ascii_uppercase() as u32,
            ),
            ' ' => (" ".into(), "Space".into(), " ".into(), 32),
            '\n' => ("Enter".into(), "Enter".into(), "\r".into(), 13),
            _ => bail!("press: no key for {key:?}"),
        };
        for kind in ["keyDown", "keyUp"] {
            let mut params = json!({
                "type": kind, "key": name, "code": code,
                "windowsVirtualKeyCode": vk, "nativeVirtualKeyCode": vk,
            });
            if kind == "keyDown" {
                params["text"] = json!(text);
                params["unmodifiedText"] = json!(text);
            }
            self.call("Input.dispatchKeyEvent", params)?;
        }
        Ok(())
    }

    fn close(self) -> Result<()> {
        let info = self.call("Target.getTargetInfo", json!({}))?;
        self.browser.call(None, "Target.closeTarget", json!({ "targetId": info["targetInfo"]["targetId"] }))?;
        Ok(())
    }
}

/// A `file://` URL for an absolute path, percent-encoding what needs it.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key].as_array().into_iter().flatten().map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned)).collect()
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns the problems it found, one line each.

/// Loads one page and reports console errors, exceptions, CSP violations, inline styles, inline
/// scripts and handlers, `javascript:` URLs, a missing `<h1>` and a missing CSP meta tag.
fn check_page(tab: &Tab, out: &Path, page: &str) -> Result<Vec<String>> {
    let mark = tab.browser.mark();
    tab.load(&file_url(&out.join(page)))?;
    let info = tab.eval(INSPECT_SCRIPT)?;
    tab.flush_events()?;

    let mut problems = tab.problems_since(mark, page);
    if info["guard"].is_null() {
        problems.push("the guard script did not run in the page".into());
    }
    problems.extend(strings(&info, "guard"));
    if info["csp"].as_str() != Some(CSP) {
        problems.push(format!("Content-Security-Policy meta is {}, expected {CSP:?}", info["csp"]));
    }
    if info["h1"].as_str().is_none_or(str::is_empty) {
        problems.push("no <h1> (or an empty one)".into());
    }
    for (key, what) in [
        ("styled", "element with a style attribute"),
        ("handlers", "event-handler attribute"),
        ("inline_scripts", "inline <script>"),
        ("style_elements", "<style> element"),
        ("js_urls", "javascript: URL"),
    ] {
        problems.extend(strings(&info, key).into_iter().map(|e| format!("{what}: {e}")));
    }
    Ok(problems.into_iter().map(|p| format!("{page}: {p}")).collect())
}

/// The links in `.search-results` as (text, resolved href).
fn search_results(tab: &Tab) -> Result<Vec<(String, String)>> {
    let v = tab.eval(
        r#"Array.prototype.map.call(document.querySelectorAll(".search-results a"),
             function (a) { return [a.textContent, a.href]; })"#,
    )?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .map(|pair| {
            let s = |i: usize| pair[i].as_str().unwrap_or_default().to_owned();
            (s(0), s(1))
        })
        .collect())
}

/// Types `query` into `#q` with real key events and waits for a result whose text contains
/// `want_text` and whose link resolves to `want_url`.
fn search_for(tab: &Tab, query: &str, want_text: &str, want_url: &str) -> Result<Vec<String>> {
    // Empty and focus the box without firing `input`, then type for real.
    tab.eval("var q = document.getElementById('q'); q.value = ''; q.focus(); true")?;
    for c in query.chars() {
        tab.press(c)?;
    }
    let start = Instant::now();
    loop {
        let results = search_results(tab)?;
        if results.iter().any(|(text, href)| text.contains(want_text) && href == want_url) {
            return Ok(vec![]);
        }
        if start.elapsed() > SEARCH_TIMEOUT {
            let typed = tab.eval_str("document.getElementById('q').value")?;
            return Ok(vec![format!(
                "{query:?} (box holds {typed:?}): no result {want_text:?} -> {want_url} \
                 within {SEARCH_TIMEOUT:?}; results: {results:?}"
            )]);
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// Search on the index page: "dong hung" finds the district, "thon an" the branch, Enter opens
/// the first result; no console error, exception or CSP violation on the way (the index is a
/// script loaded lazily by inserting a script tag).
fn check_search(tab: &Tab, out: &Path) -> Result<Vec<String>> {
    let mark = tab.browser.mark();
    tab.load(&file_url(&out.join("index.html")))?;
    let mut problems = vec![];
    if tab.eval("document.querySelector('form.search').hidden")? != json!(false) {
        problems.push("the search form is still hidden with JavaScript on".to_string());
    }
    let district = file_url(&out.join("districts/dong-hung/index.html"));
    let branch = file_url(&out.join("districts/dong-hung/a/index.html"));
    problems.extend(search_for(tab, "dong hung", "Huyện Đông Hưng", &district)?);
    if tab.eval("Array.isArray(window.KIEUMAU_INDEX)")? != json!(true) {
        problems.push("static/search-index.js was not loaded".into());
    }
    problems.extend(search_for(tab, "thon an", "Chi bộ thôn An", &branch)?);
    let found_again = search_for(tab, "dong hung", "Huyện Đông Hưng", &district)?;
    let can_press_enter = found_again.is_empty();
    problems.extend(found_again);
    problems.extend(strings(&tab.eval("({ guard: window.__kmProblems })")?, "guard"));
    tab.flush_events()?;
    problems.extend(tab.problems_since(mark, "search"));

    // Enter submits the form, which opens the first result.
    if !can_press_enter {
        return Ok(problems.into_iter().map(|p| format!("search: {p}")).collect());
    }
    let before_enter = tab.browser.mark();
    tab.press('\n')?;
    let opened = tab.browser.wait_event(&tab.session, before_enter, PAGE_TIMEOUT, |m, p| {
        (m == "Page.frameNavigated" && p["frame"]["parentId"].is_null())
            .then(|| p["frame"]["url"].as_str().unwrap_or_default().to_owned())
    });
    if opened.as_deref() != Some(district.as_str()) {
        problems.push(format!("Enter in the search box did not open {district} (navigated to {opened:?})"));
    }
    Ok(problems.into_iter().map(|p| format!("search: {p}")).collect())
}

/// With JavaScript disabled the index page shows its heading and tables, and the search form
/// stays hidden (which also proves that the page's scripts really did not run).
fn check_without_js(browser: &Chromium, out: &Path) -> Result<Vec<String>> {
    let tab = Tab::open(browser, false)?;
    tab.call("Emulation.setScriptExecutionDisabled", json!({ "value": true }))?;
    tab.load(&file_url(&out.join("index.html")))?;
    let v = tab.eval(
        r#"({
          h1: (document.querySelector("h1") || { textContent: "" }).textContent.trim(),
          form_hidden: document.querySelector("form.search").hasAttribute("hidden"),
          tables: document.querySelectorAll("main table").length,
          rows: document.querySelectorAll("main table tbody tr").length,
          text: document.querySelector("main").innerText.length
        })"#,
    )?;
    let mut problems = vec![];
    if v["h1"].as_str().is_none_or(str::is_empty) {
        problems.push("no <h1> text".to_string());
    }
    if v["form_hidden"] != json!(true) {
        problems.push("the search form is not hidden (did a script run?)".to_string());
    }
    if v["tables"].as_u64().unwrap_or(0) == 0 || v["rows"].as_u64().unwrap_or(0) == 0 {
        problems.push(format!("tables missing: {} tables, {} body rows", v["tables"], v["rows"]));
    }
    tab.close()?;
    Ok(problems.into_iter().map(|p| format!("index.html without JavaScript: {p}")).collect())
}

/// A page with every kind of problem, next to the real ones: the checks must report each kind.
fn check_negative_control(tab: &Tab, out: &Path) -> Result<Vec<String>> {
    fs::write(
        out.join("static/kieumau-canary.js"),
        "console.error('canary console error');\nthrow new Error('canary exception');\n",
    )?;
    fs::write(
        out.join("kieumau-canary.html"),
        format!(
            r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>canary</title>
<script src="static/kieumau-canary.js"></script>
<script>document.title = "inline ran";</script>
</head><body>
<h1>Canary</h1>
<p style="color: red">styled</p>
<button type="button" onclick="alert(1)">click</button>
</body></html>
"#
        ),
    )?;
    let found = check_page(tab, out, "kieumau-canary.html")?;
    let mut problems = vec![];
    for (what, needle) in [
        ("a console.error", "console.error: canary console error"),
        ("an uncaught exception", "uncaught exception: "),
        ("a CSP violation (DevTools log)", "log [security] Executing inline script"),
        ("a CSP violation (in the page)", "CSP violation: script-src-elem"),
        ("a blocked style attribute (in the page)", "CSP violation: style-src-attr"),
        ("a style attribute", "element with a style attribute"),
        ("an event-handler attribute", "event-handler attribute: <button onclick"),
        ("an inline script", "inline <script>"),
    ] {
        if !found.iter().any(|p| p.contains(needle)) {
            problems.push(format!("negative control: the checks missed {what} (looked for {needle:?})"));
        }
    }
    if tab.eval("document.title")? != json!("canary") {
        problems.push("negative control: the inline script ran despite the CSP".into());
    }
    if !problems.is_empty() {
        problems.push(format!("negative control reported: {found:#?}"));
    }
    Ok(problems)
}

// ---------------------------------------------------------------------------------------------

#[test]
fn built_site_works_in_headless_chromium() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let started = Instant::now();
    let site = common::site_with(None);
    let out = site.path().join("output");
    common::kieumau().arg("build").arg("--root").arg(site.path()).arg("--output").arg(&out).assert().success();
    println!("  build: {:.1?}", started.elapsed());

    let t = Instant::now();
    let profile = tempfile::tempdir().unwrap();
    let browser = Chromium::launch(&chromium, profile.path()).expect("starting Chromium");
    let tab = Tab::open(&browser, true).expect("opening a tab");
    println!("  chromium started: {:.1?}", t.elapsed());

    let mut problems: Vec<String> = vec![];
    let mut run = |name: &str, check: &dyn Fn() -> Result<Vec<String>>| {
        let t = Instant::now();
        match check() {
            Ok(found) => problems.extend(found),
            Err(e) => problems.push(format!("{name}: {e:#}")),
        }
        println!("  {name}: {:.1?}", t.elapsed());
    };
    for page in PAGES {
        run(page, &|| check_page(&tab, &out, page));
    }
    run("search", &|| check_search(&tab, &out));
    run("without JavaScript", &|| check_without_js(&browser, &out));
    run("negative control", &|| check_negative_control(&tab, &out));
    drop(tab);
    drop(browser);

    println!("browser test: done in {:.1?}", started.elapsed());
    assert!(problems.is_empty(), "{} problem(s) in the browser:\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn file_urls_are_percent_encoded() {
    assert_eq!(file_url(Path::new("/tmp/a b/đ.html")), "file:///tmp/a%20b/%C4%91.html");
}
