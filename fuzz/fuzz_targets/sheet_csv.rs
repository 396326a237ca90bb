//! The CSV sheet reader (import): any bytes give rows or a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheet) = kieumau::commands::import::sheet::read_csv(data) {
        // Row numbers only grow: they name the rows in messages.
        assert!(sheet.rows.windows(2).all(|w| w[0].number < w[1].number));
    }
});
