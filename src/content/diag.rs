//! Diagnostics: every problem found in the content, with the file, the spot and a hint.
//!
//! Loaders and validators push into one [`Diagnostics`] sink so that a single run reports every
//! problem of the whole site, sorted by file and line.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::Buffer};
use serde::Serialize;

use crate::messages::Message;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the content.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable code (`kieumau explain CODE`); none only for texts not yet in the catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line and column (in characters); 0 when the problem concerns the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip)]
    span: Option<Range<usize>>,
}

/// The longest source line shown whole under a problem; a longer one (a 2 MB value on one line)
/// is shown as the part around the spot.
pub const MAX_SHOWN_LINE: usize = 240;

/// The part of a too-long line around byte `at`: up to 80 characters each side, `…` where cut;
/// `None` when the line is short enough to show whole.
fn excerpt(text: &str, at: usize) -> Option<String> {
    let at = at.min(text.len());
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
    if end - start <= MAX_SHOWN_LINE {
        return None;
    }
    let before: String = {
        let mut v: Vec<char> = text.get(start..at)?.chars().rev().take(80).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text.get(at..end)?.chars().take(80).collect();
    let cut_before = before.len() < at - start;
    let cut_after = after.len() < end - at;
    Some(format!("{}{before}{after}{}", if cut_before { "…" } else { "" }, if cut_after { "…" } else { "" }))
}

/// At most this many problems are kept for one file; past it one more says that the rest are not
/// shown. A hostile file (an 8 MB list of unknown keys) then costs no more than a bad one.
pub const MAX_PER_FILE: usize = 200;

/// Collects diagnostics and the sources they point into.
#[derive(Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: BTreeMap<String, String>,
    /// Problems pushed per file (kept or not).
    per_file: HashMap<String, usize>,
    /// Takes the hint of a problem that is not kept.
    dropped: Option<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a file's text so that spans into it can be shown with line, column and snippet.
    pub fn add_source(&mut self, file: &str, text: &str) {
        self.sources.insert(file.to_string(), text.to_string());
    }

    /// Registers `file`'s text only if problems were reported in it (a clean file's text is not
    /// kept), and places those of its problems that point into it but were pushed before its
    /// text was known: the result is as if the text had been registered first.
    pub fn attach_source(&mut self, file: &str, text: &str) {
        let mut used = false;
        for d in self.items.iter_mut().filter(|d| d.file == file) {
            used = true;
            if let (Some(span), 0) = (&d.span, d.line) {
                (d.line, d.column) = line_col(text, span.start);
            }
        }
        if used && !self.sources.contains_key(file) {
            self.add_source(file, text);
        }
    }

    /// An error; `message` is best a [`diag!`](crate::diag), which brings its code and hint.
    pub fn error(&mut self, file: &str, span: Option<Range<usize>>, message: impl Into<Message>) -> Hint<'_> {
        self.push(Severity::Error, file, span, message.into())
    }

    pub fn warning(&mut self, file: &str, span: Option<Range<usize>>, message: impl Into<Message>) -> Hint<'_> {
        self.push(Severity::Warning, file, span, message.into())
    }

    fn push(&mut self, severity: Severity, file: &str, span: Option<Range<usize>>, message: Message) -> Hint<'_> {
        let Message { code, text: message, hint } = message;
        let message = shorten(message, MAX_MESSAGE_CHARS);
        let hint = hint.map(|h| shorten(h, MAX_HINT_CHARS));
        let pushed = match self.per_file.get_mut(file) {
            Some(n) => n,
            None => self.per_file.entry(file.to_string()).or_default(),
        };
        *pushed += 1;
        if *pushed > MAX_PER_FILE {
            if *pushed == MAX_PER_FILE + 1 {
                let note = crate::diag!("KM0001", max = MAX_PER_FILE);
                self.items.push(Diagnostic {
                    severity,
                    code: note.code,
                    file: file.to_string(),
                    line: 0,
                    column: 0,
                    message: note.text,
                    hint: note.hint,
                    span: None,
                });
            } else if severity == Severity::Error
                && let Some(note) = self.items.iter_mut().rev().find(|d| d.file == file && d.code == Some("KM0001"))
            {
                note.severity = Severity::Error; // a dropped error still fails the run
            }
            let dropped =
                Diagnostic { severity, code, file: String::new(), line: 0, column: 0, message, hint: None, span };
            return Hint(Some(self.dropped.insert(dropped)));
        }
        let (line, column) = match (&span, self.sources.get(file)) {
            (Some(span), Some(text)) => line_col(text, span.start),
            _ => (0, 0),
        };
        self.items.push(Diagnostic { severity, code, file: file.to_string(), line, column, message, hint, span });
        Hint(self.items.last_mut())
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Turns every warning into an error (`--strict`).
    pub fn make_strict(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// The diagnostics sorted by file, line and column (stable for equal positions).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        v
    }

    /// rustc-like text: the spot, the offending line with a caret, and the hint.
    pub fn render_human(&self, color: bool) -> String {
        self.render_filtered(color, None)
    }

    /// As [`render_human`](Self::render_human), the problems of one severity only (serve shows the
    /// errors first and the warnings after them).
    pub fn render_human_of(&self, severity: Severity, color: bool) -> String {
        self.render_filtered(color, Some(severity))
    }

    fn render_filtered(&self, color: bool, only: Option<Severity>) -> String {
        let mut files = SimpleFiles::new();
        let mut ids = BTreeMap::new();
        for (name, text) in &self.sources {
            ids.insert(name.as_str(), files.add(name.as_str(), text.as_str()));
        }
        let config = term::Config::default();
        let mut buf = if color { Buffer::ansi() } else { Buffer::no_color() };
        for d in self.sorted().into_iter().filter(|d| only.is_none_or(|o| o == d.severity)) {
            let severity = match d.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
            };
            let mut cs = CsDiagnostic::new(severity).with_message(&d.message);
            if let Some(code) = d.code {
                cs = cs.with_code(code);
            }
            let source = self.sources.get(&d.file).map(String::as_str);
            match (&d.span, ids.get(d.file.as_str())) {
                (Some(span), Some(&id)) => match source.and_then(|text| excerpt(text, span.start)) {
                    // A line too long to show whole: where it is, and the part around the spot.
                    Some(part) => {
                        let at = crate::msg!("in-file-at", file = &d.file, line = d.line, column = d.column);
                        cs = cs.with_notes(vec![at, part]);
                    }
                    None => cs = cs.with_labels(vec![Label::primary(id, span.clone())]),
                },
                _ => cs = cs.with_notes(vec![crate::msg!("in-file", file = &d.file)]),
            }
            if let Some(hint) = &d.hint {
                cs = cs.with_notes(vec![crate::msg!("hint-label", hint = hint)]);
            }
            // Writing into an in-memory buffer only fails on a broken span; fall back to a plain line.
            let mut one = if color { Buffer::ansi() } else { Buffer::no_color() };
            if term::emit_to_write_style(&mut one, &config, &files, &cs).is_err() {
                let line = format!("{}:{}:{}: {}\n", d.file, d.line, d.column, d.message);
                let _ = std::io::Write::write_all(&mut one, line.as_bytes());
            }
            // codespan writes the severity in English as the first word: say it in the chosen language.
            let (word, id) = match d.severity {
                Severity::Error => ("error", "severity-error"),
                Severity::Warning => ("warning", "severity-warning"),
            };
            let text = String::from_utf8_lossy(one.as_slice()).replacen(word, &crate::messages::text(id, &[]), 1);
            let _ = std::io::Write::write_all(&mut buf, text.as_bytes());
        }
        String::from_utf8_lossy(buf.as_slice()).into_owned()
    }

    /// One JSON object per line (`--format json`).
    pub fn render_json(&self) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            // Serializing plain strings and numbers cannot fail.
            out.push_str(&serde_json::to_string(d).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// Takes over another sink's problems, keeping only the sources they point into.
    pub fn merge(&mut self, other: Diagnostics) {
        if other.items.is_empty() {
            return;
        }
        for (name, text) in other.sources {
            self.sources.entry(name).or_insert(text);
        }
        for (name, n) in other.per_file {
            *self.per_file.entry(name).or_default() += n;
        }
        self.items.extend(other.items);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }
}

/// Lets the caller attach a hint to the diagnostic just pushed.
pub struct Hint<'a>(Option<&'a mut Diagnostic>);

impl Hint<'_> {
    pub fn hint(self, hint: impl Into<String>) {
        if let Some(d) = self.0 {
            d.hint = Some(shorten(hint.into(), MAX_HINT_CHARS));
        }
    }
}

/// Messages and hints quote what the file says; a pasted page is cut to this many characters.
const MAX_MESSAGE_CHARS: usize = 300;
const MAX_HINT_CHARS: usize = 2000;

fn shorten(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// The known candidate nearest to a misspelt word, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    candidates
        .into_iter()
        // The distance is at least the difference in length: skip hopeless pairs before the
        // quadratic comparison (a pasted paragraph against every known id).
        .filter(|c| len.abs_diff(c.chars().count()) <= 2.max(c.chars().count() / 3))
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A hint listing the known values, and the nearest spelling when there is one.
pub fn known_hint(word: &str, known: &[&str]) -> String {
    let list = if known.len() > 12 {
        let first = known.iter().take(12).copied().collect::<Vec<_>>().join(", ");
        crate::msg!("known-many", first = first, count = known.len())
    } else {
        known.join(", ")
    };
    match did_you_mean(word, known.iter().copied()) {
        Some(near) => crate::msg!("known-near", near = near, list = list),
        None if known.is_empty() => crate::msg!("known-none"),
        None => crate::msg!("known-list", list = list),
    }
}

/// A site-root-relative display path with `/` separators.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf());
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\nđịa = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        let off = text.find('2').unwrap();
        assert_eq!(line_col(text, off), (2, 7));
    }

    /// Issue 13.7: a problem in a line of 2 MB shows where it is and the part around it, not the
    /// line; a short line is shown whole as before.
    #[test]
    fn a_long_line_is_shown_in_part() {
        let long = format!("name = \"a\"\nkx = \"{}\"\n", "đ".repeat(1 << 20));
        let mut d = Diagnostics::new();
        d.add_source("a.toml", &long);
        let at = long.find("kx").unwrap();
        d.error("a.toml", Some(at..at + 2), "unknown key");
        let text = d.render_human(false);
        assert!(text.len() < 1024, "{} bytes", text.len());
        assert!(
            text.contains("a.toml") && text.contains(" 2") && text.contains("kx = \"đđ") && text.contains('…'),
            "{text}"
        );
        assert_eq!(excerpt("a = 1\nb = 2\n", 6), None);
        assert_eq!(
            excerpt(&format!("{}X{}", "a".repeat(300), "b".repeat(300)), 300),
            Some(format!("…{}X{}…", "a".repeat(80), "b".repeat(79)))
        );
    }

    #[test]
    fn problems_per_file_are_capped() {
        let mut d = Diagnostics::new();
        d.add_source("a.toml", "x = 1\n");
        for _ in 0..MAX_PER_FILE {
            d.warning("a.toml", Some(0..1), "w").hint("h");
        }
        d.error("a.toml", Some(0..1), "dropped").hint("h");
        d.error("b.toml", None, "kept");
        assert_eq!(d.items().len(), MAX_PER_FILE + 2);
        let note = d.items().iter().find(|x| x.code == Some("KM0001")).unwrap();
        assert_eq!(note.severity, Severity::Error, "a dropped error still fails the run");
        assert!(d.items().iter().any(|x| x.file == "b.toml"));
    }

    #[test]
    fn a_source_attached_later_gives_the_same_report() {
        let text = "a = 1\nđịa = 2\n";
        let at = Some(text.find('2').unwrap()..text.find('2').unwrap() + 1);
        let mut first = Diagnostics::new();
        first.add_source("a.toml", text);
        first.error("a.toml", at.clone(), "x").hint("h");
        first.error("a.toml", None, "y");
        let mut later = Diagnostics::new();
        later.error("a.toml", at, "x").hint("h");
        later.error("a.toml", None, "y");
        later.attach_source("a.toml", text);
        assert_eq!(first.render_human(false), later.render_human(false));
        assert_eq!(first.render_json(), later.render_json());
        // A file without problems leaves no text behind.
        later.attach_source("b.toml", text);
        assert!(!later.sources.contains_key("b.toml"));
    }

    #[test]
    fn long_messages_are_cut() {
        let mut d = Diagnostics::new();
        d.error("a.toml", None, format!("unknown key `{}`", "đ".repeat(10_000))).hint("h".repeat(10_000));
        let item = &d.items()[0];
        assert_eq!(item.message.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(item.message.ends_with('…'));
        assert!(item.hint.as_ref().is_some_and(|h| h.chars().count() == MAX_HINT_CHARS + 1));
    }

    #[test]
    fn no_suggestion_for_a_pasted_paragraph() {
        let long = "x".repeat(1_000_000);
        assert_eq!(did_you_mean(&long, ["members", "name"]), None);
        assert_eq!(did_you_mean("nam", ["members", "name"]), Some("name"));
    }

    #[test]
    fn suggests_near_spelling() {
        assert_eq!(did_you_mean("membres", ["members", "name", "type"]), Some("members"));
        assert_eq!(did_you_mean("zzz", ["members", "name"]), None);
    }
}
