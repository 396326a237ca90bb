//! End-to-end checks of a built site in headless Chromium (SPEC section 4).
//!
//! - `checks`: every kind of page loads from `file://` under its Content Security Policy without a
//!   console error, a JavaScript exception or a CSP violation; search finds districts and branches
//!   ignoring diacritics; the content is there with JavaScript disabled.
//! - `layout`: on the shipped sample, no page scrolls sideways at 390 px or 1280 px, no table
//!   needs sideways scrolling at 1280 px, charts fit their box, and met / not met is said in words
//!   or symbols.
//!
//! Needs a Chromium: `KIEUMAU_CHROMIUM`, else `chromium`, `chromium-browser` or `google-chrome` on
//! `PATH` (Debian: `apt-get install chromium`). Without one the tests print that they are skipped
//! and pass, except under `CI=true`, where they fail.
//!
//! Each test runs in one browser session. A negative control in each (a page with an inline
//! script, a style attribute, a console error; a page made wider than the screen) proves on every
//! run that each kind of problem is still caught.
#![cfg(unix)]

#[path = "../common/mod.rs"]
mod common;

mod cdp;
mod checks;
mod layout;

use std::ffi::OsStr;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use cdp::{Chromium, Tab, chromium_or_skip, file_url};

/// Runs `check`, collecting what it found (or why it could not run) and printing how long it took.
fn run(problems: &mut Vec<String>, name: &str, check: &dyn Fn() -> Result<Vec<String>>) {
    let t = Instant::now();
    match check() {
        Ok(found) => problems.extend(found),
        Err(e) => problems.push(format!("{name}: {e:#}")),
    }
    println!("  {name}: {:.1?}", t.elapsed());
}

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
    for page in checks::PAGES {
        run(&mut problems, page, &|| checks::check_page(&tab, &out, page));
    }
    run(&mut problems, "search", &|| checks::check_search(&tab, &out));
    run(&mut problems, "without JavaScript", &|| checks::check_without_js(&browser, &out));
    run(&mut problems, "negative control", &|| checks::check_negative_control(&tab, &out));
    drop(tab);
    drop(browser);

    println!("browser test: done in {:.1?}", started.elapsed());
    assert!(problems.is_empty(), "{} problem(s) in the browser:\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn pages_fit_a_phone_and_a_desktop() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let started = Instant::now();
    // The shipped sample: 13 districts with long names, notes with tables, every chart.
    let out = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::kieumau().arg("build").arg("--root").arg(sample).arg("--output").arg(out.path()).assert().success();
    println!("  build: {:.1?}", started.elapsed());

    let profile = tempfile::tempdir().unwrap();
    let browser = Chromium::launch(&chromium, profile.path()).expect("starting Chromium");
    let tab = Tab::open(&browser, false).expect("opening a tab");

    let mut problems: Vec<String> = vec![];
    for &width in layout::WIDTHS {
        run(&mut problems, &format!("{width} px"), &|| layout::check_width(&tab, out.path(), width));
    }
    run(&mut problems, "negative control", &|| layout::check_negative_control(&tab, out.path()));
    match cdp::resolve(OsStr::new("pdftotext")) {
        Some(pdftotext) => {
            let district = layout::first_page(out.path(), "districts", 1).unwrap().expect("a district page");
            let pages = ["index.html", district.as_str()];
            run(&mut problems, "printed", &|| layout::check_print(&tab, out.path(), &pages, &pdftotext));
        }
        None => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true needs pdftotext (apt-get install poppler-utils)"
            );
            println!("  printed: skipped, no pdftotext (install: apt-get install poppler-utils)");
        }
    }
    drop(tab);
    drop(browser);

    println!("layout test: done in {:.1?}", started.elapsed());
    assert!(problems.is_empty(), "{} layout problem(s):\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn file_urls_are_percent_encoded() {
    assert_eq!(file_url(Path::new("/tmp/a b/đ.html")), "file:///tmp/a%20b/%C4%91.html");
}
