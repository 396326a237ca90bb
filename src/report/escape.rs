//! The one escaper of HTML and XML text and attribute values (pages, charts, every template
//! value). `/` is left alone so that URLs stay readable; `&`, `<`, `>`, `"` and `'` are what can
//! break out of either context; control characters that XML 1.0 forbids (and HTML calls parse
//! errors) become spaces, while tabs and line breaks stay.

/// Appends `s` to `out`, escaped.
pub fn push_escaped(out: &mut String, s: &str) {
    // Most values need nothing: copy them whole. 0xC2 leads the C1 control characters.
    let special =
        |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F | 0xC2);
    if !s.bytes().any(special) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// `s`, escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8 + 8);
    push_escaped(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_breaks_out_and_keeps_the_rest() {
        assert_eq!(escape("Đông Hưng"), "Đông Hưng");
        assert_eq!(escape("<b>A&B</b> \"q\" 'x' /"), "&lt;b&gt;A&amp;B&lt;/b&gt; &quot;q&quot; &#x27;x&#x27; /");
        assert_eq!(escape("ả<"), "ả&lt;");
        assert_eq!(escape(""), "");
        assert_eq!(escape("a\u{1}b\u{85}c\td\ne"), "a b c\td\ne");
    }
}
