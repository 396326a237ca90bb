//! Spreadsheet formula injection: a CSV cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is run as a formula by Excel (`=HYPERLINK(...)` in a branch's name). Such a cell
//! is written with a leading `'`, which spreadsheets take as "this is text", and kieumau strips
//! exactly that `'` when it reads its own export back. Plain numbers (`-2.5`) are left alone.

use std::borrow::Cow;

fn is_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.') && digits.parse::<f64>().is_ok()
}

/// The cell as a CSV writer should store it.
pub fn as_text(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if is_trigger(c) && !is_plain_number(cell) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A cell read back: the `'` that [`as_text`] added is removed, nothing else.
pub fn from_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(is_trigger) && !is_plain_number(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_come_back() {
        for cell in ["=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tx", "\r=1", "=", "-"] {
            let written = as_text(cell);
            assert!(written.starts_with('\''), "{cell:?} -> {written:?}");
            assert_eq!(from_text(&written), cell);
        }
        for cell in ["Chi bộ số 1", "-2.5", "+3", "87.5", "", "'quoted by the clerk", "'=not ours? kept"] {
            assert_eq!(as_text(cell), cell, "{cell:?} is left alone");
        }
        // A clerk's own leading apostrophe before plain text stays.
        assert_eq!(from_text("'quoted by the clerk"), "'quoted by the clerk");
    }
}
