//! The checks of every kind of page. Each returns the problems it found, one line each.

use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::json;

use crate::cdp::{Chromium, PAGE_TIMEOUT, Tab, file_url, strings};

/// One page of each kind, relative to the output folder.
pub(crate) const PAGES: &[&str] = &[
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

pub(crate) const CSP: &str = "default-src 'self'; img-src 'self' data:";

/// Longest wait for search results to appear.
pub(crate) const SEARCH_TIMEOUT: Duration = Duration::from_secs(4);

/// Looks at the loaded document.
pub(crate) const INSPECT_SCRIPT: &str = r#"(function () {
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

/// Loads one page and reports console errors, exceptions, CSP violations, inline styles, inline
/// scripts and handlers, `javascript:` URLs, a missing `<h1>` and a missing CSP meta tag.
pub(crate) fn check_page(tab: &Tab, out: &Path, page: &str) -> Result<Vec<String>> {
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
pub(crate) fn search_results(tab: &Tab) -> Result<Vec<(String, String)>> {
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
pub(crate) fn search_for(tab: &Tab, query: &str, want_text: &str, want_url: &str) -> Result<Vec<String>> {
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
pub(crate) fn check_search(tab: &Tab, out: &Path) -> Result<Vec<String>> {
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
pub(crate) fn check_without_js(browser: &Chromium, out: &Path) -> Result<Vec<String>> {
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
pub(crate) fn check_negative_control(tab: &Tab, out: &Path) -> Result<Vec<String>> {
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
