//! `kieumau check` on fixture sites: each error class is reported at its file, line and column.
//!
//! Each folder under tests/fixtures/errors/ lays a few files over the valid fixture site and
//! lists in `expect` the diagnostics it must produce, one per line:
//! `severity file[:line[:column]] message part[|hint part]` (a file name with spaces in double quotes).

mod common;

use std::fs;

use common::{fixtures, kieumau, site_with};
use serde_json::Value;

#[test]
fn valid_site_checks_clean() {
    let site = site_with(None);
    let out = kieumau().args(["check", "--strict", "--root"]).arg(site.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 errors, 0 warnings"));
}

struct Expect {
    severity: String,
    file: String,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
    hint: Option<String>,
}

fn parse_expect(line: &str) -> Expect {
    let (severity, rest) = line.split_once(' ').unwrap();
    // A file name with spaces is written in double quotes: `error "content/a b.toml":3:1 message`.
    let (file, place, text) = match rest.strip_prefix('"') {
        Some(quoted) => {
            let (file, rest) = quoted.split_once('"').unwrap();
            let (place, text) = rest.split_once(' ').unwrap();
            (file.to_string(), place, text)
        }
        None => {
            let (place, text) = rest.split_once(' ').unwrap();
            let (file, place) = place.split_once(':').map_or((place, ""), |(f, p)| (f, p));
            (file.to_string(), place, text)
        }
    };
    let mut parts = place.trim_start_matches(':').split(':').filter(|p| !p.is_empty());
    let line_no = parts.next().map(|s| s.parse().unwrap());
    let column = parts.next().map(|s| s.parse().unwrap());
    let (message, hint) = match text.split_once('|') {
        Some((m, h)) => (m.to_string(), Some(h.to_string())),
        None => (text.to_string(), None),
    };
    Expect { severity: severity.into(), file, line: line_no, column, message, hint }
}

fn matches(d: &Value, e: &Expect) -> bool {
    d["severity"] == e.severity.as_str()
        && d["file"] == e.file.as_str()
        && e.line.is_none_or(|l| d["line"] == l)
        && e.column.is_none_or(|c| d["column"] == c)
        && d["message"].as_str().unwrap_or("").contains(&e.message)
        && e.hint.as_ref().is_none_or(|h| d["hint"].as_str().unwrap_or("").contains(h.as_str()))
}

#[test]
fn every_error_fixture_reports_its_spot() {
    let mut failures = Vec::new();
    let mut cases: Vec<_> = fs::read_dir(fixtures().join("errors")).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 30, "the error corpus is there");
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let site = site_with(Some(case));
        let out =
            kieumau().args(["check", "--strict", "--format", "json", "--root"]).arg(site.path()).output().unwrap();
        if out.status.code() != Some(1) {
            failures.push(format!("{name}: exit code {:?}, expected 1", out.status.code()));
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        let diags: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let expects = fs::read_to_string(case.join("expect")).unwrap();
        for line in expects.lines().filter(|l| !l.trim().is_empty()) {
            let e = parse_expect(line);
            if !diags.iter().any(|d| matches(d, &e)) {
                failures.push(format!("{name}: no diagnostic `{line}`; got:\n{stdout}"));
            }
        }
        // The human format names the same spot, with the offending line shown.
        let human = kieumau().args(["check", "--strict", "--root"]).arg(site.path()).output().unwrap();
        let stderr = String::from_utf8_lossy(&human.stderr);
        let first = parse_expect(expects.lines().next().unwrap());
        let spot = match (first.line, first.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", first.file),
            _ => first.file.clone(),
        };
        if !stderr.contains(&spot) || stderr.contains("panicked") {
            failures.push(format!("{name}: human output lacks `{spot}`:\n{stderr}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn missing_content_folder_is_a_content_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = kieumau().args(["check", "--root"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no content/ folder"));
}

#[test]
fn usage_errors_exit_2() {
    let out = kieumau().args(["check", "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = kieumau().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
