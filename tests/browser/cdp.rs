//! Finding Chromium and driving it over the DevTools protocol through `--remote-debugging-pipe`
//! (JSON messages separated by NUL bytes on file descriptors 3 and 4): no extra crate, no network
//! port, a time limit on every call and a watchdog on the whole run.

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

/// The whole run must finish well within this, or Chromium is killed and the test fails.
pub(crate) const WATCHDOG: Duration = Duration::from_secs(60);
/// Longest wait for one DevTools call.
pub(crate) const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest wait for a page to load.
pub(crate) const PAGE_TIMEOUT: Duration = Duration::from_secs(8);
pub(crate) const SKIP_MESSAGE: &str = "skipped: no chromium (install: apt-get install chromium)";

/// Runs in every document before its own scripts (through DevTools, so the page's CSP does not
/// apply to it): records CSP violations, failed loads and errors that the page itself observes, a
/// second channel beside the DevTools events.
pub(crate) const GUARD_SCRIPT: &str = r#"(function () {
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

// ---------------------------------------------------------------------------------------------
// Finding Chromium

pub(crate) fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// A path, or a bare name looked up on `PATH`.
pub(crate) fn resolve(name: &OsStr) -> Option<PathBuf> {
    let candidate = Path::new(name);
    if candidate.components().count() > 1 {
        return is_executable(candidate).then(|| candidate.to_path_buf());
    }
    env::split_paths(&env::var_os("PATH")?).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

/// `KIEUMAU_CHROMIUM`, then `chromium`, `chromium-browser`, `google-chrome` on `PATH`.
pub(crate) fn find_chromium() -> Option<PathBuf> {
    if let Some(configured) = env::var_os("KIEUMAU_CHROMIUM").filter(|v| !v.is_empty()) {
        let found = resolve(&configured);
        assert!(found.is_some(), "KIEUMAU_CHROMIUM={} is not an executable file", configured.to_string_lossy());
        return found;
    }
    ["chromium", "chromium-browser", "google-chrome"].into_iter().find_map(|name| resolve(OsStr::new(name)))
}

/// The Chromium to use, or `None` after printing the skip message. Under `CI=true` a missing
/// browser is a failure, not a skip.
pub(crate) fn chromium_or_skip() -> Option<PathBuf> {
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
pub(crate) struct CdpEvent {
    session: Option<String>,
    method: String,
    params: Value,
}

#[derive(Default)]
pub(crate) struct Shared {
    /// Set when Chromium's output pipe has closed: no answer will come any more.
    closed: AtomicBool,
    pending: Mutex<HashMap<u64, mpsc::Sender<Value>>>,
    events: Mutex<Vec<CdpEvent>>,
    new_event: Condvar,
}

pub(crate) struct Chromium {
    child: Child,
    to_browser: Mutex<ChildStdin>,
    shared: Arc<Shared>,
    next_id: AtomicU64,
    stderr_log: PathBuf,
    _watchdog: Watchdog,
}

impl Chromium {
    pub(crate) fn launch(chromium: &Path, profile: &Path) -> Result<Self> {
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
    pub(crate) fn with_stderr(&self, e: anyhow::Error) -> anyhow::Error {
        let log = fs::read_to_string(&self.stderr_log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        anyhow!("{e:#}\nchromium stderr (end):\n{}", tail.join("\n"))
    }

    /// Sends one command (to the browser, or to a page session) and waits for its result.
    pub(crate) fn call(&self, session: Option<&str>, method: &str, params: Value) -> Result<Value> {
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
    pub(crate) fn mark(&self) -> usize {
        self.shared.events.lock().unwrap().len()
    }

    /// Calls `f` on each event of `session` after `mark`, returning the first `Some`.
    pub(crate) fn find_event<T>(
        &self,
        session: &str,
        mark: usize,
        mut f: impl FnMut(&str, &Value) -> Option<T>,
    ) -> Option<T> {
        let events = self.shared.events.lock().unwrap();
        events.iter().skip(mark).filter(|e| e.session.as_deref() == Some(session)).find_map(|e| f(&e.method, &e.params))
    }

    /// Waits (up to `timeout`) for an event of `session` after `mark` for which `f` says `Some`.
    pub(crate) fn wait_event<T>(
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
pub(crate) fn read_messages(mut from_browser: impl BufRead, shared: &Shared) {
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
pub(crate) struct Watchdog(Option<mpsc::Sender<()>>);

impl Watchdog {
    pub(crate) fn start(pid: u32) -> Self {
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
pub(crate) struct Tab<'a> {
    pub(crate) browser: &'a Chromium,
    pub(crate) session: String,
    sentinel: AtomicU64,
}

impl<'a> Tab<'a> {
    /// A new tab with the Runtime, Log and Page domains on and, if `guard`, the guard script
    /// installed in every document.
    pub(crate) fn open(browser: &'a Chromium, guard: bool) -> Result<Self> {
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

    pub(crate) fn call(&self, method: &str, params: Value) -> Result<Value> {
        self.browser.call(Some(&self.session), method, params)
    }

    /// Evaluates `expression` in the page and returns its value (JSON-serialisable results only).
    pub(crate) fn eval(&self, expression: &str) -> Result<Value> {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(ex) = r.get("exceptionDetails") {
            bail!("evaluating `{expression}` threw {ex}");
        }
        Ok(r["result"]["value"].clone())
    }

    pub(crate) fn eval_str(&self, expression: &str) -> Result<String> {
        let v = self.eval(expression)?;
        v.as_str().map(str::to_owned).ok_or_else(|| anyhow!("`{expression}` gave {v}, not a string"))
    }

    /// Navigates and waits for the new document's `load` event (its deferred scripts have run).
    pub(crate) fn load(&self, url: &str) -> Result<()> {
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
    pub(crate) fn flush_events(&self) -> Result<()> {
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
    pub(crate) fn problems_since(&self, mark: usize, label: &str) -> Vec<String> {
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
    pub(crate) fn press(&self, key: char) -> Result<()> {
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

    pub(crate) fn close(self) -> Result<()> {
        let info = self.call("Target.getTargetInfo", json!({}))?;
        self.browser.call(None, "Target.closeTarget", json!({ "targetId": info["targetInfo"]["targetId"] }))?;
        Ok(())
    }
}

/// A `file://` URL for an absolute path, percent-encoding what needs it.
pub(crate) fn file_url(path: &Path) -> String {
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

pub(crate) fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key].as_array().into_iter().flatten().map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned)).collect()
}
