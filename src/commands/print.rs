//! `kieumau booklet --pdf`: the year's booklet printed to PDF by headless Chromium.
//!
//! The site is built into a temporary folder (the published output is left alone) and Chromium
//! prints `booklet/<year>/index.html` with the booklet's own print CSS (A4, page numbers).

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, Failure};
use crate::content::diag::Diagnostics;
use crate::report::urls;

fn install_hint() -> String {
    crate::msg!("print-install-hint")
}

/// Finds a Chromium: `--chromium`, then `KIEUMAU_CHROMIUM`, then the usual names on PATH.
pub fn find_chromium(explicit: Option<&Path>) -> Result<PathBuf, String> {
    let from_env = std::env::var_os("KIEUMAU_CHROMIUM").map(PathBuf::from);
    if let Some(p) = explicit.map(Path::to_path_buf).or(from_env) {
        return which(&p).ok_or_else(|| crate::msg!("print-not-found-at", path = &p, hint = install_hint()));
    }
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .find_map(|name| which(Path::new(name)))
        .ok_or_else(|| crate::msg!("print-not-found", hint = install_hint()))
}

fn which(p: &Path) -> Option<PathBuf> {
    if p.components().count() > 1 {
        return p.is_file().then(|| p.to_path_buf());
    }
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(p)).find(|c| c.is_file())
}

pub struct Printed {
    pub pages_built: usize,
    pub elapsed: Duration,
}

/// Builds the site into a temporary folder and prints the year's booklet to `pdf`.
pub fn booklet_pdf(
    opts: &BuildOptions,
    year: i32,
    pdf: &Path,
    chromium: Option<&Path>,
    timeout: Duration,
    diags: &mut Diagnostics,
) -> Result<Printed, Failure> {
    let started = Instant::now();
    let chromium = find_chromium(chromium).map_err(Failure::Io)?;
    let checked = build::check(&opts.root, false, diags).ok_or(Failure::Content)?;
    let has_year =
        checked.agg.year_index(year).and_then(|yi| checked.agg.province.get(yi)).is_some_and(|s| s.branches > 0);
    if !has_year {
        let years: Vec<String> = checked
            .agg
            .years
            .iter()
            .zip(&checked.agg.province)
            .filter(|(_, s)| s.branches > 0)
            .map(|(y, _)| y.to_string())
            .collect();
        return Err(Failure::Io(crate::msg!("print-no-year", year = year.to_string(), years = years.join(", "))));
    }
    let io =
        |what: String, e: std::io::Error| Failure::Io(crate::msg!("print-io", what = what, reason = e.to_string()));
    let tmp = tempfile::tempdir().map_err(|e| io(crate::msg!("print-no-temp"), e))?;
    let mut site_opts = BuildOptions::new(&opts.root);
    site_opts.output = tmp.path().join("site");
    site_opts.date = opts.date;
    site_opts.base_url = opts.base_url.clone();
    let summary = build::build(&site_opts, diags)?;

    let page = site_opts.output.join(urls::booklet(year));
    let pdf_abs = if pdf.is_absolute() {
        pdf.to_path_buf()
    } else {
        std::env::current_dir().map_err(|e| io(crate::msg!("print-no-cwd"), e))?.join(pdf)
    };
    let profile = tmp.path().join("chromium-profile");
    let mut child = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf_abs.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::Io(crate::msg!("print-cannot-start", path = &chromium, reason = e.to_string())))?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break,
            Ok(Some(status)) => {
                let mut err = String::new();
                if let Some(mut s) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut s, &mut err);
                }
                let tail: Vec<&str> = err.lines().rev().take(5).collect();
                let (status, tail) = (status.to_string(), tail.join(" | "));
                return Err(Failure::Io(crate::msg!("print-failed", status = status, tail = tail)));
            }
            Ok(None) if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::Io(crate::msg!("print-timeout", seconds = timeout.as_secs())));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(io(crate::msg!("print-no-wait"), e)),
        }
    }
    let size = std::fs::metadata(&pdf_abs).map(|m| m.len()).unwrap_or(0);
    if size == 0 {
        return Err(Failure::Io(crate::msg!("print-no-pdf", path = &pdf_abs)));
    }
    Ok(Printed { pages_built: summary.pages, elapsed: started.elapsed() })
}
