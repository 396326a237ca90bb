//! TOML syntax errors in words a clerk can act on: the parser's error is matched against the
//! mistakes people make (a decimal comma, curly quotes from a word processor, a missing quote or
//! `=`, a key or a table written twice) and replaced by our own message; other errors keep the
//! parser's text under a general hint.

use std::ops::Range;

use crate::messages::Message;

/// Our message for a parse error `detail` at `span` of `text`.
pub fn explain(text: &str, detail: &str, span: Option<Range<usize>>) -> Message {
    let at = span.as_ref().map_or(0, |s| s.start.min(text.len()));
    let line_start = text.get(..at).and_then(|b| b.rfind('\n')).map_or(0, |i| i + 1);
    let line_end = text.get(at..).and_then(|a| a.find('\n')).map_or(text.len(), |i| at + i);
    let line = text.get(line_start..line_end).unwrap_or_default();
    if let Some(written) = decimal_comma(line) {
        let fixed = written.replace(',', ".");
        return crate::diag!("KM0101", written = written, fixed = fixed);
    }
    if line.contains(['“', '”', '‘', '’']) {
        return crate::diag!("KM0102");
    }
    // not a message: the toml parser's own words, matched to say ours
    let (basic, literal) = ("invalid basic string", "invalid literal string"); // not a message: matched
    if detail.starts_with(basic) || detail.starts_with(literal) {
        return crate::diag!("KM0103");
    }
    let unquoted = "string values must be quoted"; // not a message: matched
    if detail.starts_with(unquoted) {
        let value = line.split_once('=').map_or("", |(_, v)| v.trim());
        return crate::diag!("KM0108", value = value.chars().take(40).collect::<String>());
    }
    if detail.contains("expected `=`") {
        let key = line.split_whitespace().next().unwrap_or("key");
        return crate::diag!("KM0104", key = key);
    }
    if detail.starts_with("duplicate key") {
        let word = span.and_then(|s| text.get(s)).unwrap_or_default().trim();
        let header = line.trim_start();
        if header.starts_with('[') {
            let table = header.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace());
            let table = table.split(']').next().unwrap_or(table);
            return crate::diag!("KM0106", table = table);
        }
        return crate::diag!("KM0105", key = word);
    }
    crate::diag!("KM0100", detail = detail)
}

/// A number written with a decimal comma after `=` on this line (`= 8,5`), as written.
fn decimal_comma(line: &str) -> Option<&str> {
    let mut rest = line;
    while let Some(eq) = rest.find('=') {
        let after = rest.get(eq + 1..)?;
        let value = after.trim_start();
        let start = after.len() - value.len();
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let sign = usize::from(value.starts_with('-'));
        let int = digits(value.get(sign..)?);
        if int > 0 && value.as_bytes().get(sign + int) == Some(&b',') {
            let frac = digits(value.get(sign + int + 1..)?);
            if frac > 0 {
                let written = after.get(start..start + sign + int + 1 + frac)?;
                return Some(written);
            }
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(text: &str) -> (Option<&'static str>, String, Option<String>) {
        let e = toml::de::DeTable::parse(text).expect_err("a syntax error");
        let m = explain(text, e.message(), e.span());
        (m.code, m.text, m.hint)
    }

    #[test]
    fn each_common_mistake_gets_its_own_message() {
        let (code, _, hint) = code_of("scores = { \"2.1\" = 8,5 }\n");
        assert_eq!(code, Some("KM0101"));
        assert_eq!(hint.as_deref(), Some("write 8.5 instead of 8,5"));
        assert_eq!(code_of("x = 18,25\n").0, Some("KM0101"));
        assert_eq!(code_of("name = “Chi bộ”\n").0, Some("KM0102"));
        assert_eq!(code_of("name = \"abc\nx = 1\n").0, Some("KM0103"));
        let (code, _, hint) = code_of("members 38\n");
        assert_eq!(code, Some("KM0104"));
        assert!(hint.unwrap().contains("`members = …`"));
        let (code, text, _) = code_of("a = 1\na = 2\n");
        assert_eq!(code, Some("KM0105"));
        assert!(text.contains("`a`"), "{text}");
        let (code, text, _) = code_of("[pilots]\nx = 1\n[pilots]\ny = 2\n");
        assert_eq!(code, Some("KM0106"));
        assert!(text.contains("[pilots]"), "{text}");
        assert_eq!(code_of("a = [1, 2\n").0, Some("KM0100"));
    }

    #[test]
    fn a_list_of_integers_is_no_decimal_comma() {
        assert_eq!(decimal_comma("per_type = [1,3]"), None);
        assert_eq!(decimal_comma("x = -8,5 }"), Some("-8,5"));
        assert_eq!(decimal_comma("x = \"8,5\""), None);
    }
}
