//! Text width estimates for layout, independent of installed fonts.
//!
//! The SVG names the generic family `sans-serif`, so the reader's browser chooses the font. We
//! estimate widths with the advance widths of DejaVu Sans (the usual Linux default, and wider
//! than Arial/Helvetica/Roboto), so estimates err on the generous side. Letters with diacritics
//! take the width of their base letter ("Đ" as "D", "ư" as "u"), which is what Vietnamese
//! needs. plotters' own font-less metric is `0.45 * size` per UTF-8 *byte*, which would make a
//! Vietnamese label look up to 1.5 times as wide as it is, so it is not used for layout.

/// Advance width of an ASCII character in em (DejaVu Sans).
fn ascii_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' => 0.278,
        'f' => 0.352,
        'r' => 0.411,
        't' => 0.392,
        's' => 0.521,
        'c' => 0.55,
        'z' => 0.525,
        'k' => 0.579,
        'v' | 'x' | 'y' => 0.592,
        'a' | 'e' | 'o' => 0.615,
        'b' | 'd' | 'g' | 'h' | 'n' | 'p' | 'q' | 'u' => 0.635,
        'm' => 0.974,
        'w' => 0.818,
        'I' | 'J' => 0.295,
        'L' => 0.557,
        'F' => 0.575,
        'P' => 0.603,
        'E' => 0.632,
        'T' | 'Y' => 0.611,
        'S' => 0.635,
        'K' => 0.656,
        'A' | 'V' | 'X' | 'Z' => 0.685,
        'B' | 'R' => 0.69,
        'C' => 0.698,
        'U' => 0.732,
        'H' | 'N' => 0.752,
        'D' => 0.77,
        'G' => 0.775,
        'O' | 'Q' => 0.787,
        'M' => 0.863,
        'W' => 0.989,
        '0'..='9' => 0.636,
        ' ' | '.' | ',' | ':' | ';' | '!' | '\'' | '|' => 0.3179,
        '(' | ')' | '[' | ']' | '/' | '\\' => 0.39,
        '-' => 0.361,
        '%' => 0.95,
        '&' => 0.78,
        '@' => 1.0,
        '<' | '>' | '=' | '+' | '#' | '~' | '*' => 0.838,
        '"' => 0.46,
        _ => 0.62,
    }
}

/// Width of one character in em.
pub(crate) fn char_em(c: char) -> f64 {
    if c.is_ascii() {
        return ascii_em(c);
    }
    match c {
        '…' | '—' => 1.0,
        '–' | '−' => 0.5,
        '·' | '•' => 0.3179,
        '→' => 0.838,
        _ => match deunicode::deunicode_char(c).and_then(|s| s.chars().next()) {
            Some(b) if b.is_ascii_alphanumeric() => ascii_em(b),
            _ => 0.8,
        },
    }
}

/// Estimated width in px of `s` at `size` px.
pub(crate) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * size
}

/// `s` shortened with "…" so that it is at most `max_chars` characters and, at `size` px, at
/// most `max_width` px wide.
pub(crate) fn fit(s: &str, size: f64, max_width: f64, max_chars: usize) -> String {
    let n = s.chars().count();
    if n <= max_chars && text_width(s, size) <= max_width {
        return s.to_string();
    }
    let budget = max_width - char_em('…') * size;
    let mut out = String::new();
    let mut w = 0.0;
    for (i, c) in s.chars().enumerate() {
        let cw = char_em(c) * size;
        if i + 1 >= max_chars || w + cw > budget {
            break;
        }
        out.push(c);
        w += cw;
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}

/// Splits `s` into at most `max_lines` lines of at most `max_width` px at word boundaries; the
/// last line is shortened with "…" when the text does not fit.
pub(crate) fn wrap(s: &str, size: f64, max_width: f64, max_lines: usize) -> Vec<String> {
    if max_lines <= 1 {
        return vec![fit(s, size, max_width, usize::MAX)];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if text_width(&candidate, size) <= max_width || current.is_empty() {
            current = candidate;
            i += 1;
        } else {
            lines.push(std::mem::take(&mut current));
            if lines.len() + 1 == max_lines {
                break;
            }
        }
    }
    if i < words.len() {
        // Out of lines: everything left goes on the last line, shortened.
        let rest = words[i..].join(" ");
        current = if current.is_empty() { rest } else { format!("{current} {rest}") };
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines.into_iter().take(max_lines).map(|l| fit(&l, size, max_width, usize::MAX)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_measure_like_their_base_letters() {
        assert_eq!(text_width("Đông Hưng", 12.0), text_width("Dong Hung", 12.0));
    }

    #[test]
    fn fit_shortens_long_labels() {
        let long = "Đảng bộ Khối các cơ quan tỉnh và doanh nghiệp tỉnh Thái Bình";
        let f = fit(long, 12.0, 1000.0, 32);
        assert_eq!(f.chars().count(), 32);
        assert!(f.ends_with('…'));
        assert_eq!(fit("Ngắn", 12.0, 1000.0, 32), "Ngắn");
    }

    #[test]
    fn wrap_keeps_to_the_line_count() {
        let lines = wrap("Đảng bộ cơ sở xã thị trấn và các đơn vị khác", 11.0, 60.0, 3);
        assert!(lines.len() <= 3);
        assert!(lines.iter().all(|l| text_width(l, 11.0) <= 60.0 + 11.0));
    }
}
