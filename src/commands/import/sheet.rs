//! Reading the sheet: CSV (with or without a byte-order mark, comma, semicolon or tab separated,
//! UTF-8 or UTF-16) and workbooks (xlsx, xlsm, xls, ods through calamine), into plain rows of cells.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

/// One cell as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Text as typed (CSV cells are always text), trimmed.
    Text(String),
    /// A number cell of a workbook.
    Number(f64),
    /// Anything else (a date, a boolean, an error such as `#DIV/0!`): its description.
    Other(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }
}

/// A row with its number as a spreadsheet shows it (the header is usually row 1).
#[derive(Debug, Clone)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// The rows of the sheet, the header first; rows with no value at all are left out.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub rows: Vec<Row>,
    /// The sheet's name in its workbook (none for a CSV).
    pub name: Option<String>,
}

impl Sheet {
    /// The year a sheet's name ends with ("Điểm 2024", as `kieumau forms` names them).
    pub fn named_year(&self) -> Option<i32> {
        let name = self.name.as_deref()?.trim();
        let (_, last) = name.rsplit_once(' ')?;
        (last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit())).then(|| last.parse().ok()).flatten()
    }
}

/// Vietnamese text that was read in the wrong encoding ("Huyá»‡n Máº«u": UTF-8 bytes taken as
/// Windows-1252, as a spreadsheet does when it opens a UTF-8 CSV without being told), and the
/// text it was meant to be.
pub fn misread_text(s: &str) -> Option<String> {
    if s.is_ascii() || !s.chars().any(|c| matches!(c, 'Ã' | 'Ä' | 'Æ' | 'á' | 'â' | 'Â')) {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
    if unmappable {
        return None;
    }
    let meant = std::str::from_utf8(&bytes).ok()?;
    (meant != s && !meant.is_ascii()).then(|| meant.to_string())
}

/// The kind of file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Workbook,
}

pub fn kind_of(path: &std::path::Path) -> Option<Kind> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "txt" | "tsv" => Some(Kind::Csv),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Some(Kind::Workbook),
        _ => None,
    }
}

/// The largest sheet file read (a register of a whole province is a few MB).
pub const MAX_FILE: u64 = 64 << 20;

/// The file's bytes, refusing one larger than [`MAX_FILE`] before reading it.
pub fn read_bounded(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let cannot = |e: std::io::Error| crate::msg!("import-cannot-read", file = path, error = e.to_string());
    let f = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(crate::msg!("sheet-too-large", file = path, max = MAX_FILE >> 20));
    }
    Ok(bytes)
}

pub(super) fn text_cell(s: &str) -> Cell {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() { Cell::Empty } else { Cell::Text(t.to_string()) }
}

/// Decodes CSV bytes: UTF-8 with or without a byte-order mark, or UTF-16 with one
/// (Excel's "Unicode text").
fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).map(str::to_string).map_err(|e| not_utf8(rest, e));
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| match *p {
                [a, b] if le => u16::from_le_bytes([a, b]),
                [a, b] => u16::from_be_bytes([a, b]),
                _ => 0xFFFD,
            })
            .collect();
        String::from_utf16(&units).map_err(|_| crate::msg!("csv-not-utf16"))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    std::str::from_utf8(bytes).map(str::to_string).map_err(|e| not_utf8(bytes, e))
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> String {
    let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    crate::msg!("csv-not-utf8", line = line)
}

/// The separator: whichever of `;`, `,` and tab occurs most in the first line outside quotes.
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let (mut semi, mut comma, mut tab, mut quoted) = (0, 0, 0, false);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            '\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if tab > semi && tab > comma {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// The line breaks in `bytes`: `\r\n`, `\n`, or a lone `\r` (the CSV of Excel for Mac), each one.
fn line_breaks(bytes: &[u8]) -> usize {
    let lone_cr = bytes.windows(2).filter(|w| matches!(w, [b'\r', next] if *next != b'\n')).count()
        + usize::from(bytes.last() == Some(&b'\r'));
    bytes.iter().filter(|&&b| b == b'\n').count() + lone_cr
}

pub fn read_csv(bytes: &[u8]) -> Result<Sheet, String> {
    let text = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The line a record starts on is the row a spreadsheet shows it on. The reader gives where
    // the previous record ended; the record starts after the line ends (and blank lines) there.
    let bytes = text.as_bytes();
    let (mut line, mut counted) = (1usize, 0usize);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| crate::msg!("csv-unreadable", row = i + 1, reason = e.to_string()))?;
        let mut start = record.position().map_or(counted, |p| p.byte() as usize).clamp(counted, bytes.len());
        while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        line += line_breaks(bytes.get(counted..start).unwrap_or_default());
        counted = start;
        let number = line;
        // The `'` our own export put before a formula-like cell is taken off again.
        let cells: Vec<Cell> = record.iter().map(|c| text_cell(crate::report::formula::from_text(c))).collect();
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        rows.push(Row { number, cells });
    }
    Ok(Sheet { rows, name: None })
}

/// The sheet to read: `wanted` by name (exactly, else ignoring case), or the first one.
pub(super) fn pick_sheet(names: &[String], wanted: Option<&str>) -> Result<String, String> {
    match wanted {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .or_else(|| names.iter().find(|n| n.to_lowercase() == s.to_lowercase()))
            .cloned()
            .ok_or_else(|| crate::msg!("workbook-no-such-sheet", sheet = s, sheets = names.join(", "))),
        None => names.first().cloned().ok_or_else(|| crate::msg!("workbook-no-sheet")),
    }
}

/// Reads one sheet of a workbook of the older formats (xls, ods) through calamine's range:
/// `sheet` by name, or the first one. An `.xlsx` is read cell by cell instead (`import::xlsx`).
pub fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| crate::msg!("workbook-unreadable", reason = e.to_string()))?;
    let name = pick_sheet(&book.sheet_names(), sheet)?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| crate::msg!("workbook-sheet-unreadable", sheet = name.as_str(), reason = e.to_string()))?;
    let (row0, col0) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let mut cells: Vec<Cell> = std::iter::repeat_n(Cell::Empty, col0).chain(cells.iter().map(data_cell)).collect();
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            continue;
        }
        rows.push(Row { number: row0 + i + 1, cells });
    }
    Ok(Sheet { rows, name: Some(name) })
}

fn data_cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => text_cell(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Other(crate::msg!("cell-truth-value", value = if *b { "TRUE" } else { "FALSE" })),
        Data::DateTime(dt) => Cell::Other(crate::msg!("cell-date", value = dt.as_f64().to_string())),
        Data::DateTimeIso(s) => Cell::Other(crate::msg!("cell-date", value = s.as_str())),
        Data::DurationIso(s) => Cell::Other(crate::msg!("cell-duration", value = s.as_str())),
        Data::Error(e) => Cell::Other(crate::msg!("cell-error-value", value = e.to_string())),
    }
}

/// Excel's column letters: 0 -> A, 25 -> Z, 26 -> AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_separators() {
        assert_eq!(separator("district;branch;rating;vetoes;1.1\n"), b';');
        assert_eq!(separator("district,branch,rating,vetoes,1.1\n"), b',');
        assert_eq!(separator("district\tbranch\trating\n"), b'\t');
        assert_eq!(separator("\"a;b\",c,d\n"), b',');
    }

    #[test]
    fn reads_bom_and_semicolons() {
        let sheet = read_csv(b"\xEF\xBB\xBFdistrict;branch\r\n\r\n a ;\"b;c\"\r\n;\r\n").unwrap();
        assert_eq!(sheet.rows.len(), 2, "{sheet:?}");
        assert_eq!(sheet.rows[0].cells, vec![Cell::Text("district".into()), Cell::Text("branch".into())]);
        assert_eq!(sheet.rows[1].number, 3, "{sheet:?}");
        assert_eq!(sheet.rows[1].cells, vec![Cell::Text("a".into()), Cell::Text("b;c".into())]);
    }

    /// Found by fuzzing: rows ended by a lone CR (Excel for Mac's CSV) are numbered as the
    /// spreadsheet shows them, not all as row 1.
    #[test]
    fn numbers_rows_ended_by_a_lone_cr() {
        let sheet = read_csv(b"district,branch\ra,b\r\rc,d\r\ne,f\n").unwrap();
        let numbers: Vec<usize> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 4, 5]);
    }

    #[test]
    fn sees_vietnamese_read_in_the_wrong_encoding() {
        assert_eq!(misread_text("Huyá»‡n Máº«u").as_deref(), Some("Huyện Mẫu"));
        assert_eq!(misread_text("Chi bá»™ thÃ´n Nam").as_deref(), Some("Chi bộ thôn Nam"));
        for fine in ["Huyện Mẫu", "Chi bộ thôn An", "dong-hung", "Đảng bộ xã Đông Xá", "Bùi Thị Ánh", "Hà Nội"]
        {
            assert_eq!(misread_text(fine), None, "{fine}");
        }
    }

    #[test]
    fn reads_utf16() {
        let text = "district\tbranch\r\nđông\tb\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let sheet = read_csv(&bytes).unwrap();
        assert_eq!(sheet.rows[1].cells[0], Cell::Text("đông".into()));
    }

    #[test]
    fn refuses_other_encodings() {
        let err = read_csv(b"district,branch\n\xE0\xE1,b\n").unwrap_err();
        assert!(err.contains("not UTF-8") && err.contains("line 2"), "{err}");
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
