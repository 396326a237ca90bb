//! Pages that fit (SPEC section 4, Layout): measured in the browser at a phone's and a desktop's
//! width, on one page of every kind.

use std::fs;
use std::path::Path;

use anyhow::{Result, anyhow};
use serde_json::{Value, json};

use crate::cdp::{Tab, file_url, strings};

/// A 390 px phone, a 1280 px desktop and a 1920 px wide screen.
pub(crate) const WIDTHS: &[u32] = &[390, 1280, 1920];

/// Below this width tables of the class `cards` stack and may not scroll.
const PHONE: u32 = 640;

/// Measures the loaded document at its width. `desktop` turns on the checks that only hold with
/// room: no table scrolls, headings take at most two lines.
const MEASURE_SCRIPT: &str = r##"(function (desktop) {
  var doc = document.documentElement, W = doc.clientWidth;
  var out = { scroll: doc.scrollWidth, width: W, wide: [], tables: [], charts: [], headings: [],
              wrapped: [], colour_only: [], unlabelled: [] };
  var text = function (e) { return (e.textContent || "").replace(/\s+/g, " ").trim().slice(0, 50); };
  var name = function (e) {
    var cls = typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "";
    return e.localName + (e.id ? "#" + e.id : "") + cls + " \"" + text(e) + "\"";
  };
  var held = function (e) {
    for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      var o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
    }
    return false;
  };
  // The lines the visible text of `e` takes (text for screen readers only is left out).
  var lines = function (e) {
    var tops = {}, walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), node;
    while ((node = walk.nextNode())) {
      if (node.parentElement.closest(".visually-hidden")) continue;
      var range = document.createRange(); range.selectNodeContents(node);
      Array.prototype.forEach.call(range.getClientRects(), function (r) {
        if (r.width > 0.5) tops[Math.round(r.bottom)] = true;
      });
    }
    return Object.keys(tops).length;
  };
  var each = function (sel, f) { Array.prototype.forEach.call(document.querySelectorAll(sel), f); };

  // Past the right edge of the screen, with no scroll box around it.
  each("body *", function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.right > W + 0.5 && r.left < W && !held(e)) {
      out.wide.push(name(e) + " ends at " + Math.round(r.right) + " px");
    }
  });
  // Tables that scroll sideways: none on a desktop, no stacked one on a phone.
  each(".table-wrap, .prose table", function (e) {
    var stacked = e.querySelector("table.cards");
    if ((desktop || stacked) && e.scrollWidth > e.clientWidth + 1) {
      var c = e.querySelector("caption") || e.querySelector("th") || e;
      out.tables.push("\"" + text(c) + "\" is " + e.scrollWidth + " px in " + e.clientWidth + " px");
    }
  });
  // Charts: drawn to a viewBox and as wide as their box at most.
  each("figure.chart svg", function (svg) {
    var box = svg.parentElement.getBoundingClientRect(), r = svg.getBoundingClientRect();
    var title = text(svg.closest("figure").querySelector(".chart-title") || svg);
    if (!svg.getAttribute("viewBox")) out.charts.push("\"" + title + "\" has no viewBox");
    if (r.width > box.width + 1 || r.right > W + 0.5) {
      out.charts.push("\"" + title + "\" is " + Math.round(r.width) + " px in a " + Math.round(box.width) + " px box");
    }
  });
  if (desktop) {
    each("thead th", function (th) {
      var n = lines(th);
      if (n > 2) out.headings.push("\"" + text(th) + "\" takes " + n + " lines");
    });
  }
  // A figure with its unit ("+2,5 điểm phần trăm") and a badge stay on one line.
  each(".nowrap, .badge", function (e) {
    var n = lines(e);
    if (n > 1) out.wrapped.push(name(e) + " breaks over " + n + " lines");
  });
  // Met / not met in words or symbols, not colour alone.
  each(".badge.met, .badge.unmet", function (e) {
    if (!/[\p{L}\u2713\u2717]/u.test(e.textContent)) out.colour_only.push(name(e));
  });
  // A stacked table's values keep their headings.
  if (!desktop) {
    each("table.cards td", function (td) {
      var r = td.getBoundingClientRect();
      // A message across the whole row ("no assessments") has no heading of its own.
      if (r.height === 0 || text(td) === "" || td.hasAttribute("colspan")) return;
      var label = getComputedStyle(td, "::before").content;
      if (!label || label === "none" || label === "normal" || label === "\"\"") out.unlabelled.push(name(td));
    });
  }
  return out;
})"##;

/// One page of each kind in the built sample: fixed ones, then the first of each listed kind.
fn pages(out: &Path) -> Result<Vec<String>> {
    let mut pages: Vec<String> = [
        "index.html",
        "years/2022/index.html",
        "districts/index.html",
        "types/index.html",
        "criteria/index.html",
        "data/index.html",
        "snapshots/index.html",
    ]
    .map(String::from)
    .to_vec();
    for (folder, depth) in [("districts", 1), ("districts", 2), ("types", 1), ("booklet", 1), ("criteria", 1)] {
        if let Some(page) = first_page(out, folder, depth)? {
            pages.push(page);
        }
    }
    Ok(pages)
}

/// The first `index.html` `depth` folders below `folder`, in name order.
pub(crate) fn first_page(out: &Path, folder: &str, depth: usize) -> Result<Option<String>> {
    let mut dir = out.join(folder);
    let mut rel = folder.to_string();
    for _ in 0..depth {
        let mut subs: Vec<String> = fs::read_dir(&dir)?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("index.html").is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        subs.sort();
        let Some(first) = subs.into_iter().next() else { return Ok(None) };
        dir = dir.join(&first);
        rel = format!("{rel}/{first}");
    }
    Ok(Some(format!("{rel}/index.html")))
}

fn set_width(tab: &Tab, width: u32) -> Result<()> {
    let params = json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < PHONE });
    tab.call("Emulation.setDeviceMetricsOverride", params)?;
    Ok(())
}

/// Measures the document loaded in `tab` and says what does not fit, one line each.
fn measure(tab: &Tab, width: u32, label: &str) -> Result<Vec<String>> {
    let found: Value = tab.eval(&format!("{MEASURE_SCRIPT}({})", width >= PHONE))?;
    let width_seen = found["width"].as_u64().ok_or_else(|| anyhow!("no measurement: {found}"))?;
    let mut problems = vec![];
    let scroll = found["scroll"].as_u64().unwrap_or(0);
    if scroll > width_seen {
        problems.push(format!("the page scrolls sideways: {scroll} px wide in {width_seen} px"));
    }
    for (key, what) in [
        ("wide", "past the screen's edge"),
        ("tables", "table scrolls sideways"),
        ("charts", "chart does not fit"),
        ("headings", "column heading stacks"),
        ("wrapped", "figure breaks across lines"),
        ("colour_only", "state shown by colour alone"),
        ("unlabelled", "stacked value without its heading"),
    ] {
        let all = strings(&found, key);
        let shown = all.len().min(3);
        problems.extend(all[..shown].iter().map(|e| format!("{what}: {e}")));
        if all.len() > shown {
            problems.push(format!("{what}: and {} more", all.len() - shown));
        }
    }
    Ok(problems.into_iter().map(|p| format!("{label} at {width} px: {p}")).collect())
}

/// Every page kind of the built site at `width`.
pub(crate) fn check_width(tab: &Tab, out: &Path, width: u32) -> Result<Vec<String>> {
    set_width(tab, width)?;
    let mut problems = vec![];
    for page in pages(out)? {
        tab.load(&file_url(&out.join(&page)))?;
        problems.extend(measure(tab, width, &page)?);
    }
    Ok(problems)
}

/// A page made to fail each check must be reported, so that a check that stopped working fails
/// the test instead of passing it.
pub(crate) fn check_negative_control(tab: &Tab, out: &Path) -> Result<Vec<String>> {
    const BREAK: &str = r#"(function () {
      var main = document.querySelector("main");
      var wide = document.createElement("div"); wide.className = "too-wide"; wide.textContent = "x";
      wide.style.width = "600px"; main.appendChild(wide);
      var badge = document.createElement("span"); badge.className = "badge unmet"; badge.textContent = "37,5%";
      main.appendChild(badge);
      var wrap = document.createElement("div"); wrap.className = "table-wrap";
      wrap.innerHTML = "<table class='stats cards'><caption>wide cards</caption><tbody><tr><td>1</td></tr></tbody></table>";
      wrap.querySelector("td").style.minWidth = "900px"; main.appendChild(wrap);
      return true;
    })()"#;
    set_width(tab, WIDTHS[0])?;
    tab.load(&file_url(&out.join("index.html")))?;
    tab.eval(BREAK)?;
    let found = measure(tab, WIDTHS[0], "control")?;
    let mut problems = vec![];
    for expected in [
        "the page scrolls sideways",
        "past the screen's edge: div.too-wide",
        "state shown by colour alone: span.badge.unmet",
        "table scrolls sideways: \"wide cards\"",
        "stacked value without its heading",
    ] {
        if !found.iter().any(|p| p.contains(expected)) {
            problems.push(format!("negative control: \"{expected}\" was not reported; found: {found:?}"));
        }
    }
    Ok(problems)
}

/// What a printed page must still show: every column heading, every row's heading (a branch's
/// whole name with its parent) and every row's last cell, the one a cut would lose first.
const PRINT_EXPECTED_SCRIPT: &str = r#"(function () {
  // The visible text: text nodes joined by spaces (a parent under its branch's name is a
  // separate line), without text for screen readers only or in closed details.
  var norm = function (e) {
    var parts = [], walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), node;
    while ((node = walk.nextNode())) {
      var p = node.parentElement;
      if (p.closest(".visually-hidden") || (p.closest("details") && !p.closest("details").open)) continue;
      parts.push(node.textContent);
    }
    return parts.join(" ").replace(/\s+/g, " ").trim();
  };
  var want = [];
  document.querySelectorAll("main table").forEach(function (t) {
    if (t.closest("figure.chart")) return;
    t.querySelectorAll("thead th").forEach(function (th) { want.push(norm(th)); });
    t.querySelectorAll("tbody tr").forEach(function (tr) {
      var head = tr.querySelector("th"), cells = tr.querySelectorAll("td");
      if (head) want.push(norm(head));
      if (cells.length) want.push(norm(cells[cells.length - 1]));
    });
  });
  return want.filter(function (w) { return w !== ""; });
})()"#;

/// Prints `pages` as the browser would (print styles, A4) and checks that the text of the PDF
/// holds everything the tables show (SPEC section 5: nothing lost in print).
pub(crate) fn check_print(tab: &Tab, out: &Path, pages: &[&str], pdftotext: &Path) -> Result<Vec<String>> {
    use base64::Engine as _;
    let dir = tempfile::tempdir()?;
    let mut problems = vec![];
    for page in pages {
        tab.load(&file_url(&out.join(page)))?;
        let want: Vec<String> = serde_json::from_value(tab.eval(PRINT_EXPECTED_SCRIPT)?)?;
        let params = json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": false });
        let printed = tab.call("Page.printToPDF", params)?;
        let data = printed["data"].as_str().ok_or_else(|| anyhow!("printToPDF gave no data"))?;
        let pdf = dir.path().join("page.pdf");
        fs::write(&pdf, base64::engine::general_purpose::STANDARD.decode(data)?)?;
        // -raw keeps the order the page drew its text in: a cell's lines stay together.
        let text = std::process::Command::new(pdftotext).arg("-raw").arg(&pdf).arg("-").output()?;
        let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
        let lost: Vec<&String> = want.iter().filter(|w| !text.contains(w.as_str())).collect();
        if want.is_empty() {
            problems.push(format!("{page}: no table text found to look for"));
        }
        if !lost.is_empty() {
            let shown: Vec<&&String> = lost.iter().take(5).collect();
            problems.push(format!(
                "{page} printed: {} of {} table texts missing, e.g. {shown:?}",
                lost.len(),
                want.len()
            ));
        }
    }
    Ok(problems)
}
