//! The .xlsx reader (import): any bytes, from a real small workbook mutated, give rows or a
//! message within its bounds, never a panic or a grid the size a sheet claims.
#![no_main]

use kieumau::commands::import::xlsx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheet) = xlsx::read(data, None) {
        let cells: usize = sheet.rows.iter().map(|r| r.cells.len()).sum();
        assert!(cells <= xlsx::MAX_CELLS);
        assert!(sheet.rows.iter().all(|r| r.cells.len() <= xlsx::MAX_COLUMNS as usize));
    }
});
