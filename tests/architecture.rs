//! The design's rules, checked on the source (see ARCHITECTURE.md): layers depend one way only
//! (messages → domain → content → report → build → commands), no module imports another in a circle, and no
//! source file is over 800 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

// `messages` (the catalogue of texts) is the lowest: every layer may speak through it.
const LAYERS: [&str; 6] = ["messages", "domain", "content", "report", "build", "commands"];
const MAX_LINES: usize = 800;
/// Files being split as this is written (remove each as it lands).
const BEING_SPLIT: [&str; 1] = ["tests/browser.rs"];

/// Every module of `src/` (`a::b`, "" for the crate root) with its source, comments removed.
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(&src).into_iter().map(Result::unwrap) {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = p.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
            parts.pop();
        }
        let text: String = fs::read_to_string(p)
            .unwrap()
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        // A file's own test module (`mod tests { use super::*; }`) is not an import of the file.
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("").to_string();
        out.insert(parts.join("::"), text);
    }
    out
}

/// The modules each module names: `crate::a::b` paths (and `use crate::a::{b, c}` groups),
/// `super::x` and a child's `x::`, resolved to the longest module they start with.
fn edges(mods: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let resolve = |path: &str| -> Option<String> {
        let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        (1..=segs.len()).rev().map(|i| segs[..i].join("::")).find(|m| mods.contains_key(m))
    };
    let ident =
        |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect::<String>();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, text) in mods {
        let mut refs = BTreeSet::new();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + 7..];
            let base = ident(rest);
            let base = base.trim_end_matches(':').to_string();
            refs.insert(base.clone());
            if let Some(group) = rest[base.len()..].strip_prefix("::{") {
                for item in group.split('}').next().unwrap_or("").split(',') {
                    let item = ident(item.trim());
                    if !item.is_empty() && item != "self" {
                        refs.insert(format!("{base}::{item}"));
                    }
                }
            }
        }
        let parent = m.rsplit_once("::").map_or("", |(p, _)| p);
        for (i, _) in text.match_indices("super::") {
            let name = ident(&text[i + 7..]);
            let name = name.split("::").next().unwrap_or("");
            if name.is_empty() {
                continue;
            }
            refs.insert(if parent.is_empty() { name.to_string() } else { format!("{parent}::{name}") });
        }
        for child in mods.keys().filter(|c| c.strip_prefix(&format!("{m}::")).is_some_and(|r| !r.contains("::"))) {
            let name = child.rsplit("::").next().unwrap_or("");
            let named = text.match_indices(&format!("{name}::")).any(|(i, _)| {
                i == 0 || !text[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            });
            if named {
                refs.insert(child.clone());
            }
        }
        let targets = refs.iter().filter_map(|r| resolve(r)).filter(|t| t != m).collect();
        out.insert(m.clone(), targets);
    }
    out
}

fn layer(m: &str) -> Option<usize> {
    LAYERS.iter().position(|l| m.split("::").next() == Some(*l))
}

#[test]
fn layers_depend_one_way() {
    let bad: Vec<String> = edges(&modules())
        .iter()
        .flat_map(|(m, ts)| ts.iter().map(move |t| (m, t)))
        .filter(|(m, t)| matches!((layer(m), layer(t)), (Some(a), Some(b)) if b > a))
        .map(|(m, t)| format!("{m} -> {t}"))
        .collect();
    assert!(bad.is_empty(), "a lower layer names a higher one: {bad:#?}");
    // The domain does no I/O of its own: it names no file system or process.
    for (m, text) in modules().iter().filter(|(m, _)| layer(m) == Some(1)) {
        for banned in ["std::fs", "std::process", "std::env", "std::net"] {
            assert!(!text.contains(banned), "{m} (domain) uses {banned}");
        }
    }
}

#[test]
fn no_module_imports_another_in_a_circle() {
    let graph = edges(&modules());
    // A module is on a cycle when it can reach itself.
    let mut on_cycles = Vec::new();
    for start in graph.keys() {
        let (mut seen, mut stack) = (BTreeSet::new(), vec![start]);
        while let Some(m) = stack.pop() {
            for t in graph.get(m).into_iter().flatten() {
                if t == start {
                    on_cycles.push(start.clone());
                }
                if seen.insert(t) {
                    stack.push(t);
                }
            }
        }
    }
    on_cycles.dedup();
    assert!(on_cycles.is_empty(), "modules on an import cycle: {on_cycles:?}");
}

#[test]
fn the_checker_sees_a_cycle_and_an_upward_import() {
    // The checks above can fail: a made-up pair of modules that import each other, one of them
    // from a higher layer.
    let mut mods = BTreeMap::new();
    mods.insert("domain::a".to_string(), "use crate::report::b::X;".to_string());
    mods.insert("report::b".to_string(), "use crate::domain::a::{self, Y};".to_string());
    let g = edges(&mods);
    assert!(g["domain::a"].contains("report::b") && g["report::b"].contains("domain::a"), "{g:?}");
}

#[test]
fn no_source_file_is_over_800_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        for e in walkdir::WalkDir::new(root.join(dir)).into_iter().map(Result::unwrap) {
            if e.path().extension().is_some_and(|x| x == "rs") {
                let n = fs::read_to_string(e.path()).unwrap().lines().count();
                let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                if n > MAX_LINES && !BEING_SPLIT.contains(&rel.as_str()) {
                    long.push(format!("{} ({n} lines)", e.path().strip_prefix(root).unwrap().display()));
                }
            }
        }
    }
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}
