//! Lengths in the units WordprocessingML uses.

#[derive(Debug, Clone, Copy)]
pub struct Unit {
    mm: f64,
}

impl Unit {
    pub fn mm(mm: u32) -> Unit {
        Unit { mm: f64::from(mm) }
    }
    pub fn mm_f(mm: f64) -> Unit {
        Unit { mm }
    }
    /// Twentieths of a point.
    pub fn twips(self) -> u32 {
        (self.mm * 1440.0 / 25.4).round() as u32
    }
    /// English Metric Units (pictures).
    pub fn emu(self) -> u64 {
        (self.mm * 36_000.0).round() as u64
    }
}
