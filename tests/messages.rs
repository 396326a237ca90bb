//! The message catalogue (src/messages): both languages hold the same messages with the same
//! arguments, every diagnostic code has its message, hint and explanation and is used, every
//! `msg!`/`diag!` call names a message that exists and supplies each of its arguments, and no
//! English sentence is built outside the catalogue (a ratchet: a file may not gain any).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use fluent_bundle::FluentResource;
use kieumau::messages::{CODES, EN_FTL, VI_FTL};

/// id → the variables its text uses (`{ $name }`), read from the .ftl text.
fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ')
            && let Some((id, _)) = line.split_once(" =")
        {
            current = Some(id.trim().to_string());
            out.entry(id.trim().to_string()).or_default();
        }
        if let Some(id) = &current {
            let vars = out.entry(id.clone()).or_default();
            for (i, _) in line.match_indices('$') {
                let name: String =
                    line[i + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                vars.insert(name);
            }
        }
    }
    out
}

#[test]
fn both_catalogues_parse_and_hold_the_same_messages_and_arguments() {
    for (name, ftl) in [("vi", VI_FTL), ("en", EN_FTL)] {
        if let Err((_, errors)) = FluentResource::try_new(ftl.to_string()) {
            panic!("{name}.ftl does not parse: {errors:?}");
        }
    }
    let (vi, en) = (messages(VI_FTL), messages(EN_FTL));
    let only_vi: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
    assert!(only_vi.is_empty() && only_en.is_empty(), "only in vi: {only_vi:?}; only in en: {only_en:?}");
    for (id, vars) in &vi {
        assert_eq!(vars, &en[id], "`{id}` uses different arguments in vi and en");
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root.join("src")).into_iter().map(Result::unwrap) {
        if e.path().extension().is_some_and(|x| x == "rs") {
            let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, fs::read_to_string(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_code_has_its_texts_in_both_languages_and_is_used() {
    let (vi, en) = (messages(VI_FTL), messages(EN_FTL));
    let mut seen = BTreeSet::new();
    let code_of = |c: &str| c.len() == 6 && c.starts_with("KM") && c[2..].bytes().all(|b| b.is_ascii_digit());
    let used: String = sources()
        .into_iter()
        .filter(|(p, _)| !p.starts_with("src/messages/"))
        .map(|(_, t)| t.split("#[cfg(test)]").next().unwrap_or("").to_string())
        .collect();
    for c in CODES {
        assert!(code_of(c.code), "{} is not of the form KMxxxx", c.code);
        assert!(seen.insert(c.code), "{} is listed twice", c.code);
        for id in [Some(c.id), c.hint, Some(c.explain)].into_iter().flatten() {
            assert!(vi.contains_key(id) && en.contains_key(id), "{}: `{id}` is missing from a catalogue", c.code);
        }
        assert!(vi[c.explain].is_empty(), "{}: an explanation takes no arguments", c.code);
        assert!(used.contains(&format!("\"{}\"", c.code)), "{} is never used in src/", c.code);
    }
}

/// The `msg!("id", a = …)` and `diag!("KM…", a = …)` calls of `text`: the id and argument names.
fn calls(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for mac in ["msg!(", "diag!("] {
        for (i, _) in text.match_indices(mac) {
            let rest = &text[i + mac.len()..];
            let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
            let id = rest.split('"').next().unwrap_or("").to_string();
            // The call's arguments, up to its closing parenthesis.
            let (mut depth, mut end) = (1i32, rest.len());
            for (j, ch) in rest.char_indices() {
                match ch {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let args = &rest[..end];
            let mut names = BTreeSet::new();
            let mut d = 0i32;
            let mut piece = String::new();
            for ch in args.chars().chain([',']) {
                match ch {
                    '(' | '[' | '{' => d += 1,
                    ')' | ']' | '}' => d -= 1,
                    ',' if d == 0 => {
                        if let Some((name, _)) = piece.split_once('=') {
                            let name = name.trim();
                            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                                names.insert(name.to_string());
                            }
                        }
                        piece.clear();
                        continue;
                    }
                    _ => {}
                }
                piece.push(ch);
            }
            out.push((id, names));
        }
    }
    out
}

#[test]
fn every_call_names_a_message_and_supplies_its_arguments() {
    let en = messages(EN_FTL);
    let mut bad = Vec::new();
    for (path, text) in sources().iter().filter(|(p, _)| !p.ends_with("messages/mod.rs")) {
        for (id, names) in calls(text) {
            let ids: Vec<&str> = match kieumau::messages::code(&id) {
                Some(c) if id.starts_with("KM") => [Some(c.id), c.hint].into_iter().flatten().collect(),
                None if id.starts_with("KM") => {
                    bad.push(format!("{path}: unknown code {id}"));
                    continue;
                }
                _ => vec![id.as_str()],
            };
            for m in ids {
                let Some(vars) = en.get(m) else {
                    bad.push(format!("{path}: no message `{m}`"));
                    continue;
                };
                let missing: Vec<_> = vars.difference(&names).collect();
                if !missing.is_empty() {
                    bad.push(format!("{path}: `{m}` needs {missing:?}, given {names:?}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_call_reader_sees_a_missing_argument() {
    let c = calls(r#"x(diag!("KM0203", key = k, what = format!("{a}", b)), 1)"#);
    assert_eq!(c, vec![("KM0203".to_string(), ["key", "what"].iter().map(|s| s.to_string()).collect())]);
}

/// String literals that read as English sentences (three words or more), outside comments,
/// attributes and test modules.
fn english_literals(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for line in code.lines() {
        let t = line.trim_start();
        // A literal that is a proper name (a font, a product) is marked so on its line.
        let marked = line.ends_with("// a name, not a sentence") || line.contains("// not a message");
        if t.starts_with("//") || t.starts_with("#[") || marked {
            continue;
        }
        let mut parts = line.split('"');
        parts.next();
        while let Some(lit) = parts.next() {
            let words = lit
                .split(|c: char| c.is_whitespace())
                .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || ",.;:'".contains(c)))
                .count();
            if words >= 3 && !lit.contains('<') && !lit.contains("{{") {
                out.push(lit.to_string());
            }
            parts.next();
        }
    }
    out
}

/// Files that still build English sentences themselves, with how many (convert, then lower the
/// number; a file may not gain any). New text goes through src/messages.
const NOT_YET_CONVERTED: &[(&str, usize)] = &[];

#[test]
fn no_english_sentence_is_built_outside_the_catalogue() {
    let allowed: BTreeMap<&str, usize> = NOT_YET_CONVERTED.iter().copied().collect();
    let mut bad = Vec::new();
    // A `tests.rs` is a test module of its folder; src/messages is the catalogue itself.
    for (path, text) in sources().iter().filter(|(p, _)| !p.starts_with("src/messages/") && !p.ends_with("/tests.rs")) {
        let found = english_literals(text);
        let limit = allowed.get(path.as_str()).copied().unwrap_or(0);
        if found.len() > limit {
            bad.push(format!("{path}: {} English sentences (allowed {limit}): {found:#?}", found.len()));
        }
    }
    assert!(bad.is_empty(), "text built outside src/messages (use msg!/diag!):\n{}", bad.join("\n"));
}

#[test]
fn the_guard_sees_an_english_sentence() {
    assert_eq!(english_literals("let m = format!(\"cannot read the file {x}\");").len(), 1);
    assert!(english_literals("// a comment \"with three words\"\nlet k = \"site.toml\";").is_empty());
}
