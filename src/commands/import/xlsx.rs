//! Reading an `.xlsx` workbook that came from outside the office, within bounds (issue 13.6).
//!
//! calamine's `worksheet_range` makes a dense grid as large as the sheet says it is: a 5 KB file
//! whose sheet names the cell `XFD1048576` asked for 24 GB. Here the zip's parts are checked
//! against a size first (a zip bomb stops before it is unpacked), and the sheet is read cell by
//! cell with calamine's streaming reader, refusing a cell beyond the columns a sheet of kieumau's
//! can have, or more cells than any site needs, before any grid is made.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::sheet::{Cell, Row, Sheet, column_letter, text_cell};
use crate::msg;

/// The largest part of the workbook unpacked (a sheet of 50,000 branches is about 20 MB).
pub const MAX_PART: u64 = 256 << 20;
/// All parts together.
pub const MAX_UNPACKED: u64 = 512 << 20;
/// Columns read: a score sheet has the criteria and a few more; a register a dozen.
pub const MAX_COLUMNS: u32 = 1_000;
/// Excel's last row.
pub const MAX_ROWS: u32 = 1_048_576;
/// Cells with a value, and cells of the rows as read (each row as wide as its last value).
pub const MAX_CELLS: usize = 5_000_000;

/// Whether the bytes are a zip holding a workbook in the Office Open XML format.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK")
        && zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| z.index_for_name("xl/workbook.xml").is_some())
}

type Archive<'b> = zip::ZipArchive<Cursor<&'b [u8]>>;

/// Refuses a workbook whose parts unpack to more than the limits say.
fn check_sizes(zip: &mut Archive<'_>) -> Result<(), String> {
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| msg!("workbook-unreadable", reason = e.to_string()))?;
        total = total.saturating_add(entry.size());
        if entry.size() > MAX_PART || total > MAX_UNPACKED {
            let part = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(msg!("workbook-too-large-unpacked", part = part, max = MAX_PART >> 20));
        }
    }
    Ok(())
}

fn data_ref_cell(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => text_cell(s),
        DataRef::SharedString(s) => text_cell(s),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Other(msg!("cell-truth-value", value = if *b { "TRUE" } else { "FALSE" })),
        DataRef::DateTime(dt) => Cell::Other(msg!("cell-date", value = dt.as_f64().to_string())),
        DataRef::DateTimeIso(s) => Cell::Other(msg!("cell-date", value = s.as_str())),
        DataRef::DurationIso(s) => Cell::Other(msg!("cell-duration", value = s.as_str())),
        DataRef::Error(e) => Cell::Other(msg!("cell-error-value", value = e.to_string())),
    }
}

/// A cell reference (`B12`) as (row, column), both from 0, if it is within Excel's grid.
fn parse_ref(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (col, row) = r.split_at(letters);
    if col.len() > 3 || row.is_empty() || row.len() > 7 || !row.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let c = col.iter().fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1);
    let r: u32 = std::str::from_utf8(row).ok()?.parse().ok()?;
    ((1..=MAX_ROWS).contains(&r) && c <= 16_384).then(|| (r - 1, c.saturating_sub(1)))
}

/// Checks every cell and row reference of the worksheets before calamine reads them: calamine
/// computes a reference's row and column without a check (`ZZZZZZ99999999999` overflows; a row
/// 4294967297 wrapped round to row 1 in a release build).
fn check_references(zip: &mut Archive<'_>) -> Result<(), String> {
    use quick_xml::events::Event;
    let sheets: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        .collect();
    for name in sheets {
        let part = zip.by_name(&name).map_err(|e| msg!("workbook-unreadable", reason = e.to_string()))?;
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
        let mut buf = Vec::new();
        loop {
            let event =
                xml.read_event_into(&mut buf).map_err(|e| msg!("workbook-unreadable", reason = e.to_string()))?;
            match &event {
                Event::Start(e) | Event::Empty(e) if e.local_name().into_inner() == "mergeCell" => {
                    let range = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().into_inner() == "ref")
                        .map(|a| a.value.chars().take(40).collect::<String>())
                        .unwrap_or_default();
                    return Err(msg!("sheet-merged-cells", range = range));
                }
                Event::Start(e) | Event::Empty(e) if matches!(e.local_name().into_inner(), "c" | "row") => {
                    let is_row = e.local_name().into_inner() == "row";
                    if let Some(a) = e.attributes().flatten().find(|a| a.key.local_name().into_inner() == "r") {
                        let v: &[u8] = a.value.as_bytes();
                        let ok = if is_row {
                            std::str::from_utf8(v)
                                .ok()
                                .and_then(|s| s.parse::<u64>().ok())
                                .is_some_and(|n| (1..=u64::from(MAX_ROWS)).contains(&n))
                        } else {
                            parse_ref(v).is_some()
                        };
                        if !ok {
                            let at = String::from_utf8_lossy(v).chars().take(40).collect::<String>();
                            return Err(msg!("sheet-bad-reference", cell = at, max = MAX_ROWS));
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
    }
    Ok(())
}

/// One sheet of the workbook (`sheet` by name, or the first), as rows of cells.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, String> {
    // One reading of the zip's directory for both checks, before calamine reads it for the cells.
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| msg!("workbook-unreadable", reason = e.to_string()))?;
    check_sizes(&mut zip)?;
    check_references(&mut zip)?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| msg!("workbook-unreadable", reason = e.to_string()))?;
    let names = book.sheet_names();
    let name = super::sheet::pick_sheet(&names, sheet)?;
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| msg!("workbook-sheet-unreadable", sheet = name.as_str(), reason = e.to_string()))?;
    let mut rows: BTreeMap<u32, Vec<(u32, Cell)>> = BTreeMap::new();
    let (mut cells, mut dense) = (0usize, 0usize);
    loop {
        let next = reader
            .next_cell_with_formula()
            .map_err(|e| msg!("workbook-sheet-unreadable", sheet = name.as_str(), reason = e.to_string()))?;
        let Some(cell) = next else { break };
        let (r, c) = cell.pos;
        // A formula is never evaluated; its cached result counts only when it is a plain number.
        let value = match (&cell.formula, &cell.value) {
            (Some(f), v) if !f.is_empty() && !matches!(v, DataRef::Int(_) | DataRef::Float(_)) => {
                Cell::Other(msg!("cell-formula", formula = f.chars().take(60).collect::<String>()))
            }
            (_, v) => data_ref_cell(v),
        };
        if value.is_empty() {
            continue;
        }
        let at = format!("{}{}", column_letter(c as usize), u64::from(r) + 1);
        if matches!(&value, Cell::Text(t) if t.contains('\0')) {
            return Err(msg!("sheet-nul-byte", cell = at));
        }
        if c >= MAX_COLUMNS {
            return Err(msg!("sheet-too-many-columns", cell = at, max = MAX_COLUMNS));
        }
        if r >= MAX_ROWS {
            return Err(msg!("sheet-too-many-rows", cell = at, max = MAX_ROWS));
        }
        cells += 1;
        let row = rows.entry(r).or_default();
        // The row as read is as wide as its last value.
        let width = row.last().map_or(0, |(c, _)| *c as usize + 1);
        dense += (c as usize + 1).saturating_sub(width);
        if cells > MAX_CELLS || dense > MAX_CELLS {
            return Err(msg!("sheet-too-many-cells", max = MAX_CELLS));
        }
        row.push((c, value));
    }
    let rows = rows
        .into_iter()
        .map(|(r, mut values)| {
            values.sort_by_key(|(c, _)| *c);
            let mut cells = Vec::new();
            for (c, v) in values {
                cells.resize(c as usize, Cell::Empty);
                cells.push(v);
            }
            Row { number: r as usize + 1, cells }
        })
        .collect();
    Ok(Sheet { rows, name: Some(name) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A workbook made by hand: `sheet` is the worksheet's XML (tests need cells no writer makes).
    fn workbook(sheet: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
            ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>"#)),
        ];
        for (name, text) in parts {
            zip.start_file(name, o).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn cell(r: &str, v: &str) -> String {
        format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#)
    }

    #[test]
    fn reads_sparse_rows_in_order() {
        let xml = format!(
            r#"<row r="1">{}{}</row><row r="5">{}</row>"#,
            cell("A1", "district"),
            cell("C1", "x"),
            cell("B5", "b")
        );
        let bytes = workbook(&xml);
        assert!(is_xlsx(&bytes));
        let sheet = read(&bytes, None).unwrap();
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].cells, vec![Cell::Text("district".into()), Cell::Empty, Cell::Text("x".into())]);
        assert_eq!((sheet.rows[1].number, sheet.rows[1].cells.len()), (5, 2));
    }

    /// The hostile cells of issue 13.6: each a clear error at once, no grid made.
    #[test]
    fn a_far_cell_is_refused_before_any_grid() {
        let far = workbook(&format!(
            r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
            cell("A1", "a"),
            cell("XFD1048576", "z")
        ));
        let err = read(&far, None).unwrap_err();
        assert!(err.contains("XFD1048576"), "{err}");
        let wide = workbook(&format!(r#"<row r="20000">{}</row>"#, cell("XFD20000", "z")));
        assert!(read(&wide, None).unwrap_err().contains("XFD20000"));
        // A reference past anything Excel has: an error, not a panic.
        let absurd = workbook(&format!(r#"<row r="99999999999">{}</row>"#, cell("ZZZZZZ99999999999", "z")));
        assert!(read(&absurd, None).unwrap_err().contains("99999999999"));
        // A row number past u32 no longer wraps round to row 1.
        let wrapped =
            workbook(&format!(r#"<row r="4294967297">{}</row>"#, r#"<c t="inlineStr"><is><t>z</t></is></c>"#));
        assert!(read(&wrapped, None).unwrap_err().contains("4294967297"));
    }

    #[test]
    fn formulas_merged_cells_and_nul_bytes_are_named() {
        let formula = workbook(
            r#"<row r="1"><c r="A1" t="str"><f>IF(1,"HTTNV","")</f><v>HTTNV</v></c><c r="B1"><f>1+1</f><v>2</v></c></row>"#,
        );
        let sheet = read(&formula, None).unwrap();
        assert!(matches!(&sheet.rows[0].cells[0], Cell::Other(w) if w.contains("IF(1")), "{sheet:?}");
        assert_eq!(sheet.rows[0].cells[1], Cell::Number(2.0), "a number's cached value counts");
        // The list of merges follows the sheet's data.
        let merged = workbook(&format!(
            r#"<row r="1">{}</row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><sheetData>"#,
            cell("A1", "a")
        ));
        assert!(read(&merged, None).unwrap_err().contains("A1:B2"));
        let nul = workbook(&format!(r#"<row r="1">{}</row>"#, cell("C1", "a\u{0}b")));
        let err = read(&nul, None).unwrap_err();
        assert!(err.contains("C1") && err.contains("NUL"), "{err}");
    }

    #[test]
    fn a_part_that_unpacks_too_large_is_refused_unread() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/workbook.xml", o).unwrap();
        zip.write_all(b"<workbook/>").unwrap();
        zip.start_file("xl/sharedStrings.xml", o).unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..(MAX_PART >> 20) + 1 {
            zip.write_all(&spaces).unwrap();
        }
        let bomb = zip.finish().unwrap().into_inner();
        assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
        let err = read(&bomb, None).unwrap_err();
        assert!(err.contains("sharedStrings.xml"), "{err}");
    }
}
